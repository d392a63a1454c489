<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConsoleText</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deskbell::Dispatcher</name>
    <message numerus="yes">
        <source>%n message(s) may or may not have been sent: Deskbell stopped while sending them. They are marked &quot;maybe sent&quot; and will not be sent again on their own.</source>
        <translation>
            <numerusform>%n message may or may not have been sent: Deskbell stopped while sending it. It is marked &quot;maybe sent&quot; and will not be sent again on its own.</numerusform>
            <numerusform>%n messages may or may not have been sent: Deskbell stopped while sending them. They are marked &quot;maybe sent&quot; and will not be sent again on their own.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deskbell::MainWindow</name>
    <message numerus="yes">
        <source>%1
…and %n more</source>
        <translation>
            <numerusform>%1
…and %n more</numerusform>
            <numerusform>%1
…and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n log line(s) to %1.</source>
        <translation>
            <numerusform>Exported %n log line to %1.</numerusform>
            <numerusform>Exported %n log lines to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are waiting. Those whose time has come go out right away.</source>
        <translation>
            <numerusform>%n message is waiting. If its time has come, it goes out right away.</numerusform>
            <numerusform>%n messages are waiting. Those whose time has come go out right away.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deskbell::StatusPanel</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maybe sent</source>
        <translation>
            <numerusform>%n maybe sent</numerusform>
            <numerusform>%n maybe sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>deskbell::StoreDialog</name>
    <message numerus="yes">
        <source>Copied and checked %n row(s). Deskbell uses the shared store after a restart.</source>
        <translation>
            <numerusform>Copied and checked %n row. Deskbell uses the shared store after a restart.</numerusform>
            <numerusform>Copied and checked %n rows. Deskbell uses the shared store after a restart.</numerusform>
        </translation>
    </message>
</context>
</TS>
