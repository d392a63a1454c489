<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>Starting with the session is not available on this system yet.</source>
        <translation>ระบบนี้ยังเปิด Deskbell พร้อมการเข้าสู่ระบบไม่ได้</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>ลบ %1 ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>สร้างโฟลเดอร์ %1 ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>เขียน %1 ไม่สำเร็จ: %2</translation>
    </message>
</context>
<context>
    <name>ConsoleText</name>
    <message>
        <source>Waiting</source>
        <translation>รอส่ง</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>กำลังส่ง…</translation>
    </message>
    <message>
        <source>Sandbox: not really sent</source>
        <translation>โหมดทดลอง: ไม่ได้ส่งจริง</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>ถึงผู้รับแล้ว</translation>
    </message>
    <message>
        <source>Sent, not delivered</source>
        <translation>ส่งแล้ว แต่ยังไม่ถึงผู้รับ</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Retrying at %1</source>
        <translation>จะลองส่งอีกครั้งเวลา %1</translation>
    </message>
    <message>
        <source>Retrying soon</source>
        <translation>จะลองส่งอีกครั้งเร็วๆ นี้</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ส่งไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>ไม่ได้ส่ง</translation>
    </message>
    <message>
        <source>Maybe sent — check before resending</source>
        <translation>อาจส่งไปแล้ว — ตรวจสอบก่อนส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>จะลองส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>Maybe sent</source>
        <translation>อาจส่งไปแล้ว</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>วางแผนแล้ว</translation>
    </message>
    <message>
        <source>Already received</source>
        <translation>ได้รับแล้วก่อนหน้านี้</translation>
    </message>
    <message>
        <source>Older than what we have</source>
        <translation>เก่ากว่าข้อมูลที่มีอยู่</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>ละเว้น</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ถูกปฏิเสธ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>ข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Waiting for good settings</source>
        <translation>รอการตั้งค่าที่ถูกต้อง</translation>
    </message>
    <message>
        <source>The phone company reported: %1</source>
        <translation>ผู้ให้บริการโทรศัพท์แจ้งว่า: %1</translation>
    </message>
    <message>
        <source>The phone company reported: %1 (code %2)</source>
        <translation>ผู้ให้บริการโทรศัพท์แจ้งว่า: %1 (รหัส %2)</translation>
    </message>
    <message>
        <source>%1 (%2 before)</source>
        <translation>%1 (ก่อนนัด %2)</translation>
    </message>
    <message>
        <source>%1 (%2 after)</source>
        <translation>%1 (หลังนัด %2)</translation>
    </message>
    <message>
        <source>%1 — sent again</source>
        <translation>%1 — ส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>จองแล้ว</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>เลื่อนนัดแล้ว</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>ไม่มาตามนัด</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>ไม่ทราบเวลา</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2 %3 in %4)</source>
        <translation>%1 (%2 %3 ตามเวลา %4)</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>ไม่มีเบอร์</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ไม่เคย</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>เมื่อสักครู่</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n นาทีที่แล้ว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n ชั่วโมงที่แล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>เมื่อ %1</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>การจองใหม่</translation>
    </message>
    <message>
        <source>Booking canceled</source>
        <translation>ยกเลิกการจอง</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>ทำเครื่องหมายว่าไม่มาตามนัด</translation>
    </message>
    <message>
        <source>No-show mark removed</source>
        <translation>ลบเครื่องหมายไม่มาตามนัดแล้ว</translation>
    </message>
    <message>
        <source>Unreadable message from Calendly</source>
        <translation>ข้อความจาก Calendly ที่อ่านไม่ได้</translation>
    </message>
    <message>
        <source>Sent a message again</source>
        <translation>ส่งข้อความอีกครั้ง</translation>
    </message>
    <message>
        <source>Canceled a message</source>
        <translation>ยกเลิกข้อความ</translation>
    </message>
    <message>
        <source>Sent a message now</source>
        <translation>ส่งข้อความทันที</translation>
    </message>
    <message>
        <source>Corrected a phone number</source>
        <translation>แก้ไขเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>Stopped texts to a number</source>
        <translation>หยุดส่งข้อความถึงเบอร์หนึ่ง</translation>
    </message>
    <message>
        <source>Allowed texts to a number again</source>
        <translation>กลับมาส่งข้อความถึงเบอร์หนึ่งอีกครั้ง</translation>
    </message>
    <message>
        <source>Paused all sending</source>
        <translation>หยุดส่งทั้งหมดชั่วคราว</translation>
    </message>
    <message>
        <source>Resumed sending</source>
        <translation>กลับมาส่งต่อ</translation>
    </message>
    <message>
        <source>Sent a message from the desk</source>
        <translation>ส่งข้อความจากเคาน์เตอร์</translation>
    </message>
    <message>
        <source>Changed templates or rules</source>
        <translation>เปลี่ยนเทมเพลตหรือกฎ</translation>
    </message>
    <message>
        <source>Booking received: %1</source>
        <translation>ได้รับการจอง: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <source>Operator action</source>
        <translation>การดำเนินการของเจ้าหน้าที่</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two reasons</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <comment>date format: Thu 5 Nov, 14:00</comment>
        <translation>ddd d MMM, HH:mm</translation>
    </message>
    <message>
        <source>%n minute</source>
        <translation>%n นาที</translation>
    </message>
    <message>
        <source>%n minutes</source>
        <translation>%n นาที</translation>
    </message>
    <message>
        <source>%n hour</source>
        <translation>%n ชั่วโมง</translation>
    </message>
    <message>
        <source>%n hours</source>
        <translation>%n ชั่วโมง</translation>
    </message>
    <message>
        <source>%n day</source>
        <translation>%n วัน</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n วัน</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>hours, then minutes: 1 hour 30 minutes</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>booked too late</source>
        <translation>จองช้าเกินไป</translation>
    </message>
    <message>
        <source>booked too late (quiet hours)</source>
        <translation>จองช้าเกินไป (ช่วงเวลางดส่ง)</translation>
    </message>
    <message>
        <source>invalid phone</source>
        <translation>เบอร์โทรไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>ไม่มีเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>ขอไม่รับข้อความ</translation>
    </message>
    <message>
        <source>booking canceled</source>
        <translation>การจองถูกยกเลิก</translation>
    </message>
    <message>
        <source>booking rescheduled</source>
        <translation>การจองถูกเลื่อน</translation>
    </message>
    <message>
        <source>meeting already started</source>
        <translation>นัดหมายเริ่มไปแล้ว</translation>
    </message>
    <message>
        <source>meeting already over</source>
        <translation>นัดหมายจบไปแล้ว</translation>
    </message>
    <message>
        <source>marked as no-show</source>
        <translation>ทำเครื่องหมายว่าไม่มาตามนัด</translation>
    </message>
    <message>
        <source>no-show mark removed</source>
        <translation>ลบเครื่องหมายไม่มาตามนัดแล้ว</translation>
    </message>
    <message>
        <source>meeting time unknown</source>
        <translation>ไม่ทราบเวลานัดหมาย</translation>
    </message>
    <message>
        <source>no template mapped</source>
        <translation>ยังไม่ได้กำหนดเทมเพลต</translation>
    </message>
    <message>
        <source>held for quiet hours</source>
        <translation>รอจนพ้นช่วงเวลางดส่ง</translation>
    </message>
    <message>
        <source>missed: quiet hours last until the meeting</source>
        <translation>พลาด: ช่วงเวลางดส่งยาวจนถึงเวลานัด</translation>
    </message>
    <message>
        <source>missed: meeting started</source>
        <translation>พลาด: นัดหมายเริ่มไปแล้ว</translation>
    </message>
    <message>
        <source>refused by the SMS provider</source>
        <translation>ผู้ให้บริการ SMS ปฏิเสธ</translation>
    </message>
    <message>
        <source>maybe sent: no clear answer from the SMS provider; check before sending again</source>
        <translation>อาจส่งไปแล้ว: ผู้ให้บริการ SMS ไม่ได้ตอบชัดเจน กรุณาตรวจสอบก่อนส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>maybe sent: Deskbell stopped while sending it; check before sending again</source>
        <translation>อาจส่งไปแล้ว: Deskbell หยุดทำงานระหว่างส่ง กรุณาตรวจสอบก่อนส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>rules changed</source>
        <translation>มีการเปลี่ยนกฎ</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>ไม่มีรายละเอียด</translation>
    </message>
    <message>
        <source>missed: %1 late</source>
        <translation>พลาด: ช้าไป %1</translation>
    </message>
    <message>
        <source>same time as the %1 reminder (quiet hours)</source>
        <translation>ตรงกับเวลาของข้อความเตือนนัดล่วงหน้า %1 (ช่วงเวลางดส่ง)</translation>
    </message>
    <message>
        <source>gave up after %1 attempts</source>
        <translation>เลิกพยายามหลังจากลอง %1 ครั้ง</translation>
    </message>
    <message>
        <source>canceled by %1</source>
        <translation>ยกเลิกโดย %1</translation>
    </message>
    <message>
        <source>send now, asked by %1</source>
        <translation>ส่งทันที ตามคำขอของ %1</translation>
    </message>
    <message>
        <source>phone corrected by %1</source>
        <translation>แก้ไขเบอร์โดย %1</translation>
    </message>
    <message>
        <source>delivery report: %1</source>
        <translation>รายงานการส่งถึง: %1</translation>
    </message>
    <message>
        <source>same as booking event #%1; nothing changed</source>
        <translation>เหมือนกับเหตุการณ์การจอง #%1 ไม่มีอะไรเปลี่ยน</translation>
    </message>
    <message>
        <source>new booking: %1 planned, %2 not sent, %3 withdrawn</source>
        <translation>การจองใหม่: วางแผนส่ง %1 ข้อความ, ไม่ส่ง %2, ถอนออก %3</translation>
    </message>
    <message>
        <source>existing booking taken in: %1 planned, %2 not sent, %3 withdrawn</source>
        <translation>รับการจองที่มีอยู่เดิมเข้ามา: วางแผนส่ง %1 ข้อความ, ไม่ส่ง %2, ถอนออก %3</translation>
    </message>
    <message>
        <source>rescheduled booking: %1 planned, %2 not sent, %3 withdrawn</source>
        <translation>การจองที่เลื่อนนัด: วางแผนส่ง %1 ข้อความ, ไม่ส่ง %2, ถอนออก %3</translation>
    </message>
    <message>
        <source>canceled: %1 withdrawn, cancellation notice planned</source>
        <translation>ยกเลิก: ถอนออก %1 ข้อความ, วางแผนส่งข้อความแจ้งยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>canceled: %1 withdrawn, no cancellation notice (off)</source>
        <translation>ยกเลิก: ถอนออก %1 ข้อความ, ไม่ส่งข้อความแจ้งยกเลิก (ปิดอยู่)</translation>
    </message>
    <message>
        <source>rescheduled: %1 withdrawn</source>
        <translation>เลื่อนนัด: ถอนออก %1 ข้อความ</translation>
    </message>
    <message>
        <source>no-show mark removed: %1 withdrawn</source>
        <translation>ลบเครื่องหมายไม่มาตามนัด: ถอนออก %1 ข้อความ</translation>
    </message>
    <message>
        <source>no-show: %1 withdrawn</source>
        <translation>ไม่มาตามนัด: ถอนออก %1 ข้อความ</translation>
    </message>
    <message>
        <source>already canceled</source>
        <translation>ยกเลิกไปแล้วก่อนหน้านี้</translation>
    </message>
    <message>
        <source>already rescheduled: no cancellation text</source>
        <translation>เลื่อนนัดไปแล้ว: ไม่ส่งข้อความแจ้งยกเลิก</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date format: Thursday 5 November 2026</comment>
        <translation>dddd d MMMM yyyy</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy, HH:mm</source>
        <comment>date format: Thursday 5 November 2026, 14:00</comment>
        <translation>dddd d MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>date format: Thu 5 Nov</comment>
        <translation>ddd d MMM</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>ยืนยันนัด</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>แจ้งยกเลิกนัด</translation>
    </message>
    <message>
        <source>Reschedule notice</source>
        <translation>แจ้งเลื่อนนัด</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>เตือนนัด</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>ติดตามผลหลังนัด</translation>
    </message>
    <message>
        <source>Host notification</source>
        <translation>แจ้งผู้รับนัด</translation>
    </message>
    <message>
        <source>Missed-you message</source>
        <translation>ข้อความถึงผู้ไม่มาตามนัด</translation>
    </message>
    <message>
        <source>Message from the desk</source>
        <translation>ข้อความจากเคาน์เตอร์</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>ไม่ทราบ</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>รอการตรวจสอบ</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
</context>
<context>
    <name>OperatorActions</name>
    <message>
        <source>The no-show mark was removed, so this message no longer fits.</source>
        <translation>ลบเครื่องหมายไม่มาตามนัดแล้ว ข้อความนี้จึงไม่เหมาะแล้ว</translation>
    </message>
    <message>
        <source>This booking was canceled, so this message no longer fits.</source>
        <translation>การจองนี้ถูกยกเลิกแล้ว ข้อความนี้จึงไม่เหมาะแล้ว</translation>
    </message>
    <message>
        <source>This booking was moved to another time; send the messages of the new booking instead.</source>
        <translation>การจองนี้ถูกเลื่อนไปเวลาอื่นแล้ว กรุณาส่งข้อความของการจองใหม่แทน</translation>
    </message>
    <message>
        <source>This booking is marked as a no-show, so this message no longer fits.</source>
        <translation>การจองนี้ถูกทำเครื่องหมายว่าไม่มาตามนัด ข้อความนี้จึงไม่เหมาะแล้ว</translation>
    </message>
    <message>
        <source>This message is being sent right now; wait for the result.</source>
        <translation>ข้อความนี้กำลังส่งอยู่ กรุณารอผล</translation>
    </message>
    <message>
        <source>This message was already sent.</source>
        <translation>ข้อความนี้ส่งไปแล้ว</translation>
    </message>
    <message>
        <source>This message could not be sent and is not waiting any more. Use &quot;Send again&quot; if it is still needed.</source>
        <translation>ข้อความนี้ส่งไม่สำเร็จและไม่ได้รอส่งแล้ว ใช้ &quot;ส่งอีกครั้ง&quot; หากยังต้องการส่ง</translation>
    </message>
    <message>
        <source>This message may already have been sent, so it is not waiting any more. Check with the person before sending it again.</source>
        <translation>ข้อความนี้อาจส่งไปแล้ว จึงไม่ได้รอส่งแล้ว กรุณาสอบถามผู้รับก่อนส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>This message was already canceled.</source>
        <translation>ข้อความนี้ถูกยกเลิกไปแล้ว</translation>
    </message>
    <message>
        <source>This message was skipped and is not waiting any more.</source>
        <translation>ข้อความนี้ไม่ได้ส่งและไม่ได้รอส่งแล้ว</translation>
    </message>
    <message>
        <source>This message was skipped (%1) and is not waiting any more.</source>
        <translation>ข้อความนี้ไม่ได้ส่ง (%1) และไม่ได้รอส่งแล้ว</translation>
    </message>
    <message>
        <source>Nothing was changed: the database reported a problem (%1).</source>
        <translation>ไม่มีการเปลี่ยนแปลงใดๆ: ฐานข้อมูลแจ้งปัญหา (%1)</translation>
    </message>
    <message>
        <source>This number has opted out of texts. Opt it back in first if the person agreed to get them again.</source>
        <translation>เบอร์นี้ขอไม่รับข้อความ หากผู้รับยินยอมรับข้อความอีกครั้ง กรุณาอนุญาตการส่งก่อน</translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation>ไม่มีข้อความนั้นแล้ว</translation>
    </message>
    <message>
        <source>This message has not been sent yet. Use &quot;Send now&quot; to send it at once.</source>
        <translation>ข้อความนี้ยังไม่ได้ส่ง ใช้ &quot;ส่งทันที&quot; เพื่อส่งเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>This booking has no valid phone number. Correct the number first, then send again.</source>
        <translation>การจองนี้ไม่มีเบอร์โทรที่ถูกต้อง กรุณาแก้ไขเบอร์ก่อน แล้วจึงส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>That number is not valid for %1: %2.</source>
        <translation>เบอร์นี้ไม่ถูกต้องสำหรับ %1: %2</translation>
    </message>
    <message>
        <source>That number is not valid: %1.</source>
        <translation>เบอร์นี้ไม่ถูกต้อง: %1</translation>
    </message>
    <message>
        <source>That booking is not in Deskbell any more.</source>
        <translation>การจองนั้นไม่อยู่ใน Deskbell แล้ว</translation>
    </message>
    <message>
        <source>That is not a valid international number (like +66812345678): %1.</source>
        <translation>เบอร์นี้ไม่ใช่เบอร์ระหว่างประเทศที่ถูกต้อง (เช่น +66812345678): %1</translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation>หยุดชั่วคราวโดย %1</translation>
    </message>
    <message>
        <source>Paused by %1: %2</source>
        <translation>หยุดชั่วคราวโดย %1: %2</translation>
    </message>
    <message>
        <source>Choose a message template first.</source>
        <translation>กรุณาเลือกเทมเพลตข้อความก่อน</translation>
    </message>
    <message>
        <source>This booking has no valid phone number. Correct the number first.</source>
        <translation>การจองนี้ไม่มีเบอร์โทรที่ถูกต้อง กรุณาแก้ไขเบอร์ก่อน</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>เลือกทั้งหมด(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>เพิ่มขึ้น(&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>ลดลง(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>ตกลง(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>ยกเลิก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>ปิด(&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>ปิดโดยไม่บันทึก</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>บันทึกทั้งหมด</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>ใช่(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>ใช่ทั้งหมด(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ไม่(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ไม่ทั้งหมด(&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>ยุติ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ช่วยเหลือ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>นำไปใช้</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>รีเซ็ต</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>คืนค่าเริ่มต้น</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>คัดลอกที่อยู่ลิงก์(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RulesChange</name>
    <message>
        <source>Changes no planned message.</source>
        <translation>ไม่เปลี่ยนข้อความที่วางแผนไว้</translation>
    </message>
    <message>
        <source>re-times %n message</source>
        <translation>เปลี่ยนเวลาส่ง %n ข้อความ</translation>
    </message>
    <message>
        <source>re-times %n messages</source>
        <translation>เปลี่ยนเวลาส่ง %n ข้อความ</translation>
    </message>
    <message>
        <source>adds %n message</source>
        <translation>เพิ่ม %n ข้อความ</translation>
    </message>
    <message>
        <source>adds %n messages</source>
        <translation>เพิ่ม %n ข้อความ</translation>
    </message>
    <message>
        <source>cancels %n message</source>
        <translation>ยกเลิก %n ข้อความ</translation>
    </message>
    <message>
        <source>cancels %n messages</source>
        <translation>ยกเลิก %n ข้อความ</translation>
    </message>
    <message>
        <source>changes the template of %n message</source>
        <translation>เปลี่ยนเทมเพลตของ %n ข้อความ</translation>
    </message>
    <message>
        <source>changes the template of %n messages</source>
        <translation>เปลี่ยนเทมเพลตของ %n ข้อความ</translation>
    </message>
    <message>
        <source>sends %n host notice to the new host number</source>
        <translation>ส่งข้อความแจ้งผู้รับนัด %n ข้อความไปยังเบอร์ผู้รับนัดใหม่</translation>
    </message>
    <message>
        <source>sends %n host notices to the new host number</source>
        <translation>ส่งข้อความแจ้งผู้รับนัด %n ข้อความไปยังเบอร์ผู้รับนัดใหม่</translation>
    </message>
    <message>
        <source>For %n meeting: </source>
        <translation>สำหรับ %n นัดหมาย: </translation>
    </message>
    <message>
        <source>For %n meetings: </source>
        <translation>สำหรับ %n นัดหมาย: </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>.</source>
        <translation> </translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>ภาษาของระบบ(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>Deskbell shows the new language the next time it starts.</source>
        <translation>Deskbell จะแสดงภาษาใหม่เมื่อเปิดโปรแกรมครั้งถัดไป</translation>
    </message>
</context>
<context>
    <name>deskbell::AboutDialog</name>
    <message>
        <source>This program</source>
        <translation>โปรแกรมนี้</translation>
    </message>
    <message>
        <source>MIT licence</source>
        <translation>สัญญาอนุญาต MIT</translation>
    </message>
    <message>
        <source>GNU Lesser General Public License, version 3</source>
        <translation>สัญญาอนุญาต GNU Lesser General Public License รุ่น 3</translation>
    </message>
    <message>
        <source>GNU General Public License, version 3</source>
        <translation>สัญญาอนุญาต GNU General Public License รุ่น 3</translation>
    </message>
    <message>
        <source>Keeping passwords and keys in the system keychain</source>
        <translation>เก็บรหัสผ่านและคีย์ไว้ในที่เก็บรหัสผ่านของระบบ</translation>
    </message>
    <message>
        <source>BSD 2-clause licence</source>
        <translation>สัญญาอนุญาต BSD แบบ 2 ข้อ</translation>
    </message>
    <message>
        <source>Text handling for libphonenumber</source>
        <translation>การจัดการข้อความสำหรับ libphonenumber</translation>
    </message>
    <message>
        <source>MIT licence (Unicode, Inc.)</source>
        <translation>สัญญาอนุญาต MIT (Unicode, Inc.)</translation>
    </message>
    <message>
        <source>Phone number metadata for libphonenumber</source>
        <translation>ข้อมูลเบอร์โทรศัพท์สำหรับ libphonenumber</translation>
    </message>
    <message>
        <source>BSD 3-clause licence</source>
        <translation>สัญญาอนุญาต BSD แบบ 3 ข้อ</translation>
    </message>
    <message>
        <source>Support code for libphonenumber</source>
        <translation>โค้ดสนับสนุนสำหรับ libphonenumber</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache License 2.0</translation>
    </message>
    <message>
        <source>The database on this computer</source>
        <translation>ฐานข้อมูลในคอมพิวเตอร์เครื่องนี้</translation>
    </message>
    <message>
        <source>Public domain</source>
        <translation>สาธารณสมบัติ</translation>
    </message>
    <message>
        <source>About Deskbell</source>
        <translation>เกี่ยวกับ Deskbell</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>รุ่น %1</translation>
    </message>
    <message>
        <source>Running on Qt %1</source>
        <translation>ทำงานบน Qt %1</translation>
    </message>
    <message>
        <source>Running on Qt %1 (built with Qt %2)</source>
        <translation>ทำงานบน Qt %1 (สร้างด้วย Qt %2)</translation>
    </message>
    <message>
        <source>Deskbell texts the people who book you on Calendly: a confirmation when they book, reminders before the meeting, a notice when they cancel or reschedule, and a follow-up afterwards. It sends through your EngageLab SMS account and keeps every booking and message on this computer.</source>
        <translation>Deskbell ส่ง SMS ถึงผู้ที่จองนัดกับคุณผ่าน Calendly: ข้อความยืนยันเมื่อจอง ข้อความเตือนก่อนถึงนัด ข้อความแจ้งเมื่อยกเลิกหรือเลื่อนนัด และข้อความติดตามผลหลังนัด โดยส่งผ่านบัญชี SMS ของ EngageLab และเก็บข้อมูลการจองและข้อความทั้งหมดไว้ในคอมพิวเตอร์เครื่องนี้</translation>
    </message>
    <message>
        <source>Deskbell&apos;s own code is under the MIT licence. It is built with Qt HTTP Server, which is under the GNU General Public License version 3, so the program as a whole is distributed under the terms of that licence. Source code: %1</source>
        <translation>โค้ดของ Deskbell เองใช้สัญญาอนุญาต MIT โปรแกรมสร้างด้วย Qt HTTP Server ซึ่งใช้สัญญาอนุญาต GNU General Public License รุ่น 3 ดังนั้นโปรแกรมทั้งหมดจึงเผยแพร่ภายใต้เงื่อนไขของสัญญาอนุญาตนั้น ซอร์สโค้ด: %1</translation>
    </message>
    <message>
        <source>Deskbell is built with these libraries:</source>
        <translation>Deskbell สร้างด้วยไลบรารีเหล่านี้:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>ใช้สำหรับ</translation>
    </message>
    <message>
        <source>%1 — %2
Home page: %3</source>
        <translation>%1 — %2
หน้าเว็บหลัก: %3</translation>
    </message>
    <message>
        <source>Windows, network, database access</source>
        <translation>หน้าต่าง เครือข่าย และการเข้าถึงฐานข้อมูล</translation>
    </message>
    <message>
        <source>Receiving bookings from Calendly</source>
        <translation>รับการจองจาก Calendly</translation>
    </message>
    <message>
        <source>Phone numbers of every country</source>
        <translation>เบอร์โทรศัพท์ของทุกประเทศ</translation>
    </message>
    <message>
        <source>Apache License 2.0; small parts MIT-style and BSD 3-clause</source>
        <translation>Apache License 2.0 บางส่วนเล็กน้อยใช้สัญญาอนุญาตแบบ MIT และ BSD แบบ 3 ข้อ</translation>
    </message>
</context>
<context>
    <name>deskbell::AccountConnector</name>
    <message>
        <source>the Calendly token</source>
        <translation>โทเค็น Calendly</translation>
    </message>
    <message>
        <source>the Calendly sign-in</source>
        <translation>การเข้าสู่ระบบ Calendly</translation>
    </message>
    <message>
        <source>the webhook signing key</source>
        <translation>คีย์ลงนามของเว็บฮุก</translation>
    </message>
    <message>
        <source>the EngageLab key</source>
        <translation>คีย์ EngageLab</translation>
    </message>
    <message>
        <source>the EngageLab secret</source>
        <translation>รหัสลับ EngageLab</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the token was not saved. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>ที่เก็บรหัสผ่านของระบบถูกล็อกหรือใช้งานไม่ได้ จึงไม่ได้บันทึกโทเค็น กรุณาปลดล็อก (หรือเข้าสู่ระบบเดสก์ท็อป) แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>The system keychain could not save the token (%1). Nothing was saved; try again.</source>
        <translation>ที่เก็บรหัสผ่านของระบบบันทึกโทเค็นไม่สำเร็จ (%1) ไม่มีการบันทึกใดๆ กรุณาลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Paste the Calendly token first.</source>
        <translation>กรุณาวางโทเค็น Calendly ก่อน</translation>
    </message>
    <message>
        <source>Calendly did not accept this token. Copy it again from Calendly → Integrations → API &amp; Webhooks.</source>
        <translation>Calendly ไม่ยอมรับโทเค็นนี้ กรุณาคัดลอกอีกครั้งจาก Calendly → Integrations → API &amp; Webhooks</translation>
    </message>
    <message>
        <source>Calendly asks Deskbell to wait a moment. Try again in %1 seconds.</source>
        <translation>Calendly ขอให้ Deskbell รอสักครู่ กรุณาลองอีกครั้งใน %1 วินาที</translation>
    </message>
    <message>
        <source>Calendly did not answer within %1 seconds. Check the internet connection and try again.</source>
        <translation>Calendly ไม่ตอบภายใน %1 วินาที กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Deskbell could not reach Calendly. Check the internet connection (and any proxy or firewall) and try again.</source>
        <translation>Deskbell ติดต่อ Calendly ไม่ได้ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ต (รวมถึงพร็อกซีหรือไฟร์วอลล์) แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Calendly has a problem on its side right now (error %1). Try again in a few minutes.</source>
        <translation>Calendly มีปัญหาทางฝั่งของตนอยู่ในขณะนี้ (ข้อผิดพลาด %1) กรุณาลองอีกครั้งในอีกไม่กี่นาที</translation>
    </message>
    <message>
        <source>Calendly gave an answer Deskbell did not expect (error %1). Check the Calendly address in the settings and try again.</source>
        <translation>Calendly ตอบกลับในแบบที่ Deskbell ไม่คาดคิด (ข้อผิดพลาด %1) กรุณาตรวจสอบที่อยู่ของ Calendly ในการตั้งค่าแล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Calendly gave an answer Deskbell could not read. Check the Calendly address in the settings and try again.</source>
        <translation>Calendly ตอบกลับในแบบที่ Deskbell อ่านไม่ได้ กรุณาตรวจสอบที่อยู่ของ Calendly ในการตั้งค่าแล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the Calendly details were not removed from this computer. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>ที่เก็บรหัสผ่านของระบบถูกล็อกหรือใช้งานไม่ได้ จึงยังไม่ได้ลบข้อมูล Calendly ออกจากคอมพิวเตอร์เครื่องนี้ กรุณาปลดล็อก (หรือเข้าสู่ระบบเดสก์ท็อป) แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>The system keychain could not remove %1. Try again.</source>
        <translation>ที่เก็บรหัสผ่านของระบบลบ %1 ไม่สำเร็จ กรุณาลองอีกครั้ง</translation>
    </message>
    <message>
        <source> and </source>
        <translation> และ </translation>
    </message>
    <message>
        <source>Deskbell&apos;s webhook subscription at Calendly could not be deleted: %1</source>
        <translation>ลบการสมัครรับเว็บฮุกของ Deskbell ที่ Calendly ไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Enter both the EngageLab key and the secret first.</source>
        <translation>กรุณากรอกทั้งคีย์และรหัสลับของ EngageLab ก่อน</translation>
    </message>
    <message>
        <source>EngageLab did not accept this key and secret. Copy both again from the EngageLab SMS console (API Key page).</source>
        <translation>EngageLab ไม่ยอมรับคีย์และรหัสลับนี้ กรุณาคัดลอกทั้งสองอย่างอีกครั้งจากคอนโซล SMS ของ EngageLab (หน้า API Key)</translation>
    </message>
    <message>
        <source>Deskbell could not check the EngageLab account (%1). Check the internet connection and try again.</source>
        <translation>Deskbell ตรวจสอบบัญชี EngageLab ไม่สำเร็จ (%1) กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the EngageLab key and secret were not saved. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>ที่เก็บรหัสผ่านของระบบถูกล็อกหรือใช้งานไม่ได้ จึงไม่ได้บันทึกคีย์และรหัสลับของ EngageLab กรุณาปลดล็อก (หรือเข้าสู่ระบบเดสก์ท็อป) แล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>The system keychain could not save the EngageLab key and secret (%1). Nothing was saved; try again.</source>
        <translation>ที่เก็บรหัสผ่านของระบบบันทึกคีย์และรหัสลับของ EngageLab ไม่สำเร็จ (%1) ไม่มีการบันทึกใดๆ กรุณาลองอีกครั้ง</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the EngageLab key and secret were not removed from this computer. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>ที่เก็บรหัสผ่านของระบบถูกล็อกหรือใช้งานไม่ได้ จึงยังไม่ได้ลบคีย์และรหัสลับของ EngageLab ออกจากคอมพิวเตอร์เครื่องนี้ กรุณาปลดล็อก (หรือเข้าสู่ระบบเดสก์ท็อป) แล้วลองอีกครั้ง</translation>
    </message>
</context>
<context>
    <name>deskbell::ActionDialog</name>
    <message>
        <source>Optional: why (kept in the log with your name)</source>
        <translation>ไม่บังคับ: เหตุผล (บันทึกไว้ในประวัติพร้อมชื่อของคุณ)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>เหตุผล(&amp;R):</translation>
    </message>
    <message>
        <source>That did not work, and nothing was changed.</source>
        <translation>ดำเนินการไม่สำเร็จ และไม่มีการเปลี่ยนแปลงใดๆ</translation>
    </message>
</context>
<context>
    <name>deskbell::AdHocMessageDialog</name>
    <message>
        <source>Send a message</source>
        <translation>ส่งข้อความ</translation>
    </message>
    <message>
        <source>Send %1 a text now, outside the planned messages. EngageLab only sends approved templates: choose one, and fill in every value it uses.</source>
        <translation>ส่ง SMS ถึง %1 ทันที นอกเหนือจากข้อความที่วางแผนไว้ EngageLab ส่งได้เฉพาะเทมเพลตที่อนุมัติแล้ว: กรุณาเลือกเทมเพลตและกรอกค่าทุกช่องที่เทมเพลตใช้</translation>
    </message>
    <message>
        <source>the invitee</source>
        <translation>ผู้จอง</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>ส่ง(&amp;S)</translation>
    </message>
    <message>
        <source>Template id, e.g. 1234567890123456789</source>
        <translation>รหัสเทมเพลต เช่น 1234567890123456789</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>เทมเพลต(&amp;T):</translation>
    </message>
    <message>
        <source>Value name</source>
        <translation>ชื่อค่า</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>ค่า</translation>
    </message>
    <message>
        <source>&amp;Add a value</source>
        <translation>เพิ่มค่า(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>ค่า(&amp;V):</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>ตัวอย่าง:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>กรุณาเลือกเทมเพลต</translation>
    </message>
    <message>
        <source>No preview: this template is not in the list EngageLab gave us.</source>
        <translation>ไม่มีตัวอย่าง: เทมเพลตนี้ไม่อยู่ในรายการที่ EngageLab ให้มา</translation>
    </message>
    <message>
        <source>Choose a template, or type its id.</source>
        <translation>กรุณาเลือกเทมเพลต หรือพิมพ์รหัสเทมเพลต</translation>
    </message>
    <message>
        <source>Fill in every value the template uses: %1 is empty, and EngageLab would send the placeholder as it is.</source>
        <translation>กรุณากรอกค่าทุกช่องที่เทมเพลตใช้: %1 ยังว่างอยู่ และ EngageLab จะส่งตัวแปรนั้นออกไปตามที่เขียนไว้</translation>
    </message>
</context>
<context>
    <name>deskbell::BookingSimulator</name>
    <message>
        <source>There is no listener address to send the simulated booking to.</source>
        <translation>ไม่มีที่อยู่ของตัวรับข้อมูลสำหรับส่งการจองจำลอง</translation>
    </message>
    <message>
        <source>The listener sent an answer far larger than expected.</source>
        <translation>ตัวรับข้อมูลตอบกลับมายาวกว่าที่คาดไว้มาก</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener did not answer within %1 seconds.</source>
        <translation>ตัวรับข้อมูลของ Deskbell ไม่ตอบภายใน %1 วินาที</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener could not be reached (%1). Is it running?</source>
        <translation>ติดต่อตัวรับข้อมูลของ Deskbell ไม่ได้ (%1) ตัวรับข้อมูลทำงานอยู่หรือไม่</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener refused the simulated booking&apos;s signature (%1): the signing key or this computer&apos;s clock is not what the listener expects.</source>
        <translation>ตัวรับข้อมูลของ Deskbell ปฏิเสธลายเซ็นของการจองจำลอง (%1): คีย์ลงนามหรือนาฬิกาของคอมพิวเตอร์เครื่องนี้ไม่ตรงกับที่ตัวรับข้อมูลคาดไว้</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ไม่ได้ระบุเหตุผล</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener refused the simulated booking (error %1).</source>
        <translation>ตัวรับข้อมูลของ Deskbell ปฏิเสธการจองจำลอง (ข้อผิดพลาด %1)</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener refused the simulated booking (error %1: %2).</source>
        <translation>ตัวรับข้อมูลของ Deskbell ปฏิเสธการจองจำลอง (ข้อผิดพลาด %1: %2)</translation>
    </message>
</context>
<context>
    <name>deskbell::CalendlyOAuth</name>
    <message>
        <source>Sign in with Calendly is not set up in this copy of Deskbell (no app id). Use a personal access token instead.</source>
        <translation>Deskbell ชุดนี้ยังไม่ได้ตั้งค่าการเข้าสู่ระบบด้วย Calendly (ไม่มีรหัสแอป) กรุณาใช้โทเค็นการเข้าถึงส่วนตัวแทน</translation>
    </message>
    <message>
        <source>Deskbell could not prepare the sign-in on this computer (%1). Try again.</source>
        <translation>Deskbell เตรียมการเข้าสู่ระบบในคอมพิวเตอร์เครื่องนี้ไม่สำเร็จ (%1) กรุณาลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Deskbell stopped waiting for the Calendly sign-in in the browser after %1 minutes. Start the sign-in again when you are ready.</source>
        <translation>Deskbell เลิกรอการเข้าสู่ระบบ Calendly ในเบราว์เซอร์หลังจาก %1 นาที กรุณาเริ่มเข้าสู่ระบบใหม่เมื่อพร้อม</translation>
    </message>
    <message>
        <source>This request was too large.</source>
        <translation>คำขอนี้ใหญ่เกินไป</translation>
    </message>
    <message>
        <source>This request was not understood.</source>
        <translation>ไม่เข้าใจคำขอนี้</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>ไม่มีอะไรที่นี่</translation>
    </message>
    <message>
        <source>The sign-in did not complete. You can close this window and return to Deskbell.</source>
        <translation>การเข้าสู่ระบบไม่สำเร็จ คุณปิดหน้าต่างนี้และกลับไปที่ Deskbell ได้</translation>
    </message>
    <message>
        <source>The answer from the browser did not belong to this sign-in, so Deskbell ignored it for safety. Start the sign-in again.</source>
        <translation>คำตอบจากเบราว์เซอร์ไม่ได้เป็นของการเข้าสู่ระบบครั้งนี้ Deskbell จึงไม่สนใจเพื่อความปลอดภัย กรุณาเริ่มเข้าสู่ระบบใหม่</translation>
    </message>
    <message>
        <source>The sign-in was cancelled in the browser, so Deskbell may not use this Calendly account. Start the sign-in again and choose to allow access.</source>
        <translation>การเข้าสู่ระบบถูกยกเลิกในเบราว์เซอร์ Deskbell จึงใช้บัญชี Calendly นี้ไม่ได้ กรุณาเริ่มเข้าสู่ระบบใหม่และเลือกอนุญาตการเข้าถึง</translation>
    </message>
    <message>
        <source>Calendly could not complete the sign-in (%1). Try again.</source>
        <translation>Calendly ดำเนินการเข้าสู่ระบบให้เสร็จไม่ได้ (%1) กรุณาลองอีกครั้ง</translation>
    </message>
    <message>
        <source>The browser came back from Calendly without a sign-in code. Start the sign-in again.</source>
        <translation>เบราว์เซอร์กลับมาจาก Calendly โดยไม่มีรหัสเข้าสู่ระบบ กรุณาเริ่มเข้าสู่ระบบใหม่</translation>
    </message>
    <message>
        <source>Calendly sign-in received. You can close this window and return to Deskbell.</source>
        <translation>ได้รับการเข้าสู่ระบบ Calendly แล้ว คุณปิดหน้าต่างนี้และกลับไปที่ Deskbell ได้</translation>
    </message>
    <message>
        <source>There is no Calendly sign-in to renew. Sign in with Calendly again.</source>
        <translation>ไม่มีการเข้าสู่ระบบ Calendly ที่จะต่ออายุ กรุณาเข้าสู่ระบบด้วย Calendly อีกครั้ง</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service sent an answer far larger than expected. Try again later.</source>
        <translation>บริการเข้าสู่ระบบของ Calendly ตอบกลับมายาวกว่าที่คาดไว้มาก กรุณาลองอีกครั้งภายหลัง</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service did not answer within %1 seconds. Check the internet connection and try again.</source>
        <translation>บริการเข้าสู่ระบบของ Calendly ไม่ตอบภายใน %1 วินาที กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Deskbell could not reach Calendly&apos;s sign-in service. Check the internet connection and try again.</source>
        <translation>Deskbell ติดต่อบริการเข้าสู่ระบบของ Calendly ไม่ได้ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service sent an answer Deskbell cannot use. Try again later.</source>
        <translation>บริการเข้าสู่ระบบของ Calendly ตอบกลับในแบบที่ Deskbell ใช้ไม่ได้ กรุณาลองอีกครั้งภายหลัง</translation>
    </message>
    <message>
        <source>Calendly does not recognise Deskbell&apos;s app id for signing in. Check the Calendly sign-in settings, or use a personal access token instead.</source>
        <translation>Calendly ไม่รู้จักรหัสแอปของ Deskbell สำหรับการเข้าสู่ระบบ กรุณาตรวจสอบการตั้งค่าการเข้าสู่ระบบ Calendly หรือใช้โทเค็นการเข้าถึงส่วนตัวแทน</translation>
    </message>
    <message>
        <source>Calendly no longer accepts the saved sign-in. Sign in with Calendly again.</source>
        <translation>Calendly ไม่ยอมรับการเข้าสู่ระบบที่บันทึกไว้แล้ว กรุณาเข้าสู่ระบบด้วย Calendly อีกครั้ง</translation>
    </message>
    <message>
        <source>Calendly refused the sign-in (it may have taken too long, or been used already). Start the sign-in again.</source>
        <translation>Calendly ปฏิเสธการเข้าสู่ระบบ (อาจใช้เวลานานเกินไปหรือถูกใช้ไปแล้ว) กรุณาเริ่มเข้าสู่ระบบใหม่</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service has a problem on its side right now (error %1). Try again in a few minutes.</source>
        <translation>บริการเข้าสู่ระบบของ Calendly มีปัญหาทางฝั่งของตนอยู่ในขณะนี้ (ข้อผิดพลาด %1) กรุณาลองอีกครั้งในอีกไม่กี่นาที</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service refused the request (error %1). Try again, or use a personal access token instead.</source>
        <translation>บริการเข้าสู่ระบบของ Calendly ปฏิเสธคำขอ (ข้อผิดพลาด %1) กรุณาลองอีกครั้ง หรือใช้โทเค็นการเข้าถึงส่วนตัวแทน</translation>
    </message>
</context>
<context>
    <name>deskbell::ConnectDialog</name>
    <message>
        <source>Connect accounts</source>
        <translation>เชื่อมต่อบัญชี</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>หน้า</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ยินดีต้อนรับ</translation>
    </message>
    <message>
        <source>Calendly</source>
        <translation>Calendly</translation>
    </message>
    <message>
        <source>EngageLab</source>
        <translation>EngageLab</translation>
    </message>
    <message>
        <source>How bookings arrive</source>
        <translation>วิธีรับการจอง</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>โหมดทดลอง</translation>
    </message>
    <message>
        <source>A made-up booking for Somchai Jaidee arrived and its messages were planned. See them under Upcoming; in Sandbox they are marked &quot;not really sent&quot;.</source>
        <translation>การจองสมมติของ สมชาย ใจดี มาถึงแล้ว และได้วางแผนข้อความไว้แล้ว ดูได้ที่แท็บนัดหมายที่จะมาถึง ในโหมดทดลองข้อความจะมีป้ายว่า &quot;ไม่ได้ส่งจริง&quot;</translation>
    </message>
    <message>
        <source>The simulated booking did not go through: %1</source>
        <translation>การจองจำลองไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Welcome to Deskbell</source>
        <translation>ยินดีต้อนรับสู่ Deskbell</translation>
    </message>
    <message>
        <source>Deskbell texts the people who book with you: a confirmation, reminders before the meeting, and a note when plans change. Start with one of these:</source>
        <translation>Deskbell ส่ง SMS ถึงผู้ที่จองนัดกับคุณ: ข้อความยืนยัน ข้อความเตือนก่อนถึงนัด และข้อความแจ้งเมื่อมีการเปลี่ยนแปลง เริ่มต้นด้วยตัวเลือกใดตัวเลือกหนึ่งต่อไปนี้:</translation>
    </message>
    <message>
        <source>Connect &amp;Calendly</source>
        <translation>เชื่อมต่อ Calendly(&amp;C)</translation>
    </message>
    <message>
        <source>Deskbell reads your bookings from Calendly to know whom to text and when.</source>
        <translation>Deskbell อ่านการจองจาก Calendly เพื่อให้รู้ว่าต้องส่งข้อความถึงใครและเมื่อใด</translation>
    </message>
    <message>
        <source>Connect &amp;EngageLab</source>
        <translation>เชื่อมต่อ EngageLab(&amp;E)</translation>
    </message>
    <message>
        <source>EngageLab sends the text messages, using the templates it has approved.</source>
        <translation>EngageLab เป็นผู้ส่ง SMS โดยใช้เทมเพลตที่อนุมัติแล้ว</translation>
    </message>
    <message>
        <source>Try it in &amp;Sandbox</source>
        <translation>ลองใช้ในโหมดทดลอง(&amp;S)</translation>
    </message>
    <message>
        <source>See what Deskbell would send with a made-up booking; nothing is really sent.</source>
        <translation>ดูว่า Deskbell จะส่งอะไรบ้างด้วยการจองสมมติ โดยไม่มีการส่งจริง</translation>
    </message>
    <message>
        <source>Sign in to Calendly in your browser and allow Deskbell to read your bookings. Deskbell never sees your password.</source>
        <translation>เข้าสู่ระบบ Calendly ในเบราว์เซอร์ แล้วอนุญาตให้ Deskbell อ่านการจองของคุณ Deskbell จะไม่เห็นรหัสผ่านของคุณ</translation>
    </message>
    <message>
        <source>Sign &amp;in with Calendly</source>
        <translation>เข้าสู่ระบบด้วย Calendly(&amp;I)</translation>
    </message>
    <message>
        <source>Use a personal access &amp;token instead</source>
        <translation>ใช้โทเค็นการเข้าถึงส่วนตัวแทน(&amp;T)</translation>
    </message>
    <message>
        <source>Paste a personal access token. To make one, open Calendly, go to Integrations &amp; apps → API and webhooks → Personal access tokens, and choose &quot;Generate new token&quot;. Give it these scopes: users:read, scheduled_events:read, webhooks:read and webhooks:write (to read your account and bookings, and to be told about new ones). Calendly shows the token only once.</source>
        <translation>วางโทเค็นการเข้าถึงส่วนตัว วิธีสร้างโทเค็น: เปิด Calendly ไปที่ Integrations &amp; apps → API and webhooks → Personal access tokens แล้วเลือก &quot;Generate new token&quot; ให้สิทธิ์ต่อไปนี้: users:read, scheduled_events:read, webhooks:read และ webhooks:write (เพื่ออ่านบัญชีและการจองของคุณ และรับแจ้งเมื่อมีการจองใหม่) Calendly จะแสดงโทเค็นเพียงครั้งเดียว</translation>
    </message>
    <message>
        <source>eyJraWQiOi…</source>
        <translation>eyJraWQiOi…</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>โทเค็นการเข้าถึง(&amp;K):</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>ตรวจสอบ(&amp;H)</translation>
    </message>
    <message>
        <source>Ask Calendly whose token this is, without saving it</source>
        <translation>ถาม Calendly ว่าโทเค็นนี้เป็นของใคร โดยยังไม่บันทึก</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>เชื่อมต่อ(&amp;C)</translation>
    </message>
    <message>
        <source>Check the token and keep it in this computer&apos;s keychain</source>
        <translation>ตรวจสอบโทเค็นแล้วเก็บไว้ในที่เก็บรหัสผ่านของคอมพิวเตอร์เครื่องนี้</translation>
    </message>
    <message>
        <source>&amp;Disconnect Calendly…</source>
        <translation>ยกเลิกการเชื่อมต่อ Calendly(&amp;D)…</translation>
    </message>
    <message>
        <source>EngageLab sends the texts. In the EngageLab SMS console, open API Key and copy the dev key and the dev secret into the fields below.</source>
        <translation>EngageLab เป็นผู้ส่ง SMS ในคอนโซล SMS ของ EngageLab ให้เปิดหน้า API Key แล้วคัดลอก dev key และ dev secret มาใส่ในช่องด้านล่าง</translation>
    </message>
    <message>
        <source>Dev &amp;key:</source>
        <translation>คีย์ (dev key)(&amp;K):</translation>
    </message>
    <message>
        <source>Dev s&amp;ecret:</source>
        <translation>รหัสลับ (dev secret)(&amp;E):</translation>
    </message>
    <message>
        <source>Send real texts with EngageLab once connected (otherwise Deskbell stays in Sandbox and sends nothing)</source>
        <translation>ส่ง SMS จริงผ่าน EngageLab เมื่อเชื่อมต่อแล้ว (ถ้าไม่เลือก Deskbell จะอยู่ในโหมดทดลองและไม่ส่งอะไร)</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>ตรวจสอบ(&amp;K)</translation>
    </message>
    <message>
        <source>List the account&apos;s templates with these credentials, without saving them</source>
        <translation>แสดงรายการเทมเพลตของบัญชีด้วยข้อมูลเข้าสู่ระบบนี้ โดยยังไม่บันทึก</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>เชื่อมต่อ(&amp;N)</translation>
    </message>
    <message>
        <source>Check the credentials and keep them in this computer&apos;s keychain</source>
        <translation>ตรวจสอบข้อมูลเข้าสู่ระบบแล้วเก็บไว้ในที่เก็บรหัสผ่านของคอมพิวเตอร์เครื่องนี้</translation>
    </message>
    <message>
        <source>Disconnect Engage&amp;Lab…</source>
        <translation>ยกเลิกการเชื่อมต่อ EngageLab(&amp;L)…</translation>
    </message>
    <message>
        <source>How bookings reach Deskbell</source>
        <translation>การจองมาถึง Deskbell อย่างไร</translation>
    </message>
    <message>
        <source>&amp;Webhook: instant</source>
        <translation>แจ้งทันที: รวดเร็วที่สุด(&amp;W)</translation>
    </message>
    <message>
        <source>Calendly tells Deskbell the moment someone books. It needs a public address that reaches this computer: a tunnel (such as cloudflared or ngrok) or a reverse proxy.</source>
        <translation>Calendly แจ้ง Deskbell ทันทีที่มีคนจอง ต้องมีที่อยู่สาธารณะที่เข้าถึงคอมพิวเตอร์เครื่องนี้ได้: ทันเนล (เช่น cloudflared หรือ ngrok) หรือรีเวิร์สพร็อกซี</translation>
    </message>
    <message>
        <source>&amp;Poll: works anywhere</source>
        <translation>ตรวจสอบเป็นระยะ: ใช้ได้ทุกที่(&amp;P)</translation>
    </message>
    <message>
        <source>H&amp;ybrid: both</source>
        <translation>ใช้ทั้งสองแบบ(&amp;Y)</translation>
    </message>
    <message>
        <source>Webhooks for speed, and a check every 5 minutes that catches anything a webhook missed, for example while this computer was off. Needs the public address too.</source>
        <translation>แจ้งทันทีเพื่อความรวดเร็ว และตรวจสอบทุก 5 นาทีเพื่อเก็บการจองที่การแจ้งทันทีพลาดไป เช่น ตอนที่คอมพิวเตอร์เครื่องนี้ปิดอยู่ ต้องมีที่อยู่สาธารณะเช่นกัน</translation>
    </message>
    <message>
        <source>https://your-tunnel.example.com/webhooks/calendly</source>
        <translation>https://your-tunnel.example.com/webhooks/calendly</translation>
    </message>
    <message>
        <source>Public &amp;address:</source>
        <translation>ที่อยู่สาธารณะ(&amp;A):</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>คัดลอก</translation>
    </message>
    <message>
        <source>Copy the public address</source>
        <translation>คัดลอกที่อยู่สาธารณะ</translation>
    </message>
    <message>
        <source>The https address your tunnel or proxy gives, ending in /webhooks/calendly. Calendly sends bookings there.</source>
        <translation>ที่อยู่ https ที่ทันเนลหรือพร็อกซีให้มา ซึ่งลงท้ายด้วย /webhooks/calendly Calendly จะส่งการจองไปที่นั่น</translation>
    </message>
    <message>
        <source>&amp;Local address:</source>
        <translation>ที่อยู่ในเครื่อง(&amp;L):</translation>
    </message>
    <message>
        <source>Copy the local address</source>
        <translation>คัดลอกที่อยู่ในเครื่อง</translation>
    </message>
    <message>
        <source>Where Deskbell listens on this computer: point the tunnel or proxy here (for example: cloudflared tunnel --url &lt;this address&gt;).</source>
        <translation>ที่ที่ Deskbell รอรับข้อมูลในคอมพิวเตอร์เครื่องนี้: ชี้ทันเนลหรือพร็อกซีมาที่นี่ (ตัวอย่าง: cloudflared tunnel --url &lt;ที่อยู่นี้&gt;)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก(&amp;S)</translation>
    </message>
    <message>
        <source>In Sandbox, Deskbell does everything except send: bookings are read, messages are planned, &quot;sent&quot; on time and logged, but no text leaves this computer. Use it to try your rules and templates.</source>
        <translation>ในโหมดทดลอง Deskbell ทำทุกอย่างยกเว้นการส่ง: อ่านการจอง วางแผนข้อความ &quot;ส่ง&quot; ตามเวลาและบันทึกไว้ แต่ไม่มี SMS ออกจากคอมพิวเตอร์เครื่องนี้ ใช้เพื่อทดลองกฎและเทมเพลตของคุณ</translation>
    </message>
    <message>
        <source>A simulated booking is a made-up appointment a few hours from now, sent to Deskbell the way Calendly would send it.</source>
        <translation>การจองจำลองคือนัดหมายสมมติในอีกไม่กี่ชั่วโมงข้างหน้า ซึ่งส่งมาที่ Deskbell แบบเดียวกับที่ Calendly ส่ง</translation>
    </message>
    <message>
        <source>Si&amp;mulate a booking</source>
        <translation>จำลองการจอง(&amp;M)</translation>
    </message>
    <message>
        <source>Connected as %1.</source>
        <translation>เชื่อมต่อในชื่อ %1 แล้ว</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>ยังไม่ได้เชื่อมต่อ: %1</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>ยังไม่ได้เชื่อมต่อ</translation>
    </message>
    <message>
        <source>Connected: Deskbell sends real texts with EngageLab.</source>
        <translation>เชื่อมต่อแล้ว: Deskbell ส่ง SMS จริงผ่าน EngageLab</translation>
    </message>
    <message>
        <source>EngageLab is not sending: %1</source>
        <translation>EngageLab ไม่ได้ส่งข้อความ: %1</translation>
    </message>
    <message>
        <source>Sending is in Sandbox: nothing is really sent.</source>
        <translation>การส่งอยู่ในโหมดทดลอง: ไม่มีการส่งจริง</translation>
    </message>
    <message>
        <source>Deskbell is in Sandbox now.</source>
        <translation>ตอนนี้ Deskbell อยู่ในโหมดทดลอง</translation>
    </message>
    <message>
        <source>Deskbell sends real texts now, so a simulated booking is not possible. Switch to Sandbox in the settings to try things out.</source>
        <translation>ตอนนี้ Deskbell ส่ง SMS จริง จึงจำลองการจองไม่ได้ หากต้องการทดลอง ให้เปลี่ยนเป็นโหมดทดลองในการตั้งค่า</translation>
    </message>
    <message>
        <source>(not listening: %1)</source>
        <translation>(ไม่ได้รอรับข้อมูล: %1)</translation>
    </message>
    <message>
        <source>Deskbell asks Calendly for bookings every %1 seconds. No public address is needed; a booking shows up within that time.</source>
        <translation>Deskbell ถาม Calendly เรื่องการจองทุก %1 วินาที ไม่ต้องมีที่อยู่สาธารณะ การจองจะปรากฏภายในเวลานั้น</translation>
    </message>
    <message>
        <source>Asking Calendly…</source>
        <translation>กำลังถาม Calendly…</translation>
    </message>
    <message>
        <source>This token does not work: %1</source>
        <translation>โทเค็นนี้ใช้ไม่ได้: %1</translation>
    </message>
    <message>
        <source>The token works. Account: %1.</source>
        <translation>โทเค็นนี้ใช้ได้ บัญชี: %1</translation>
    </message>
    <message>
        <source>The token works. Account: %1, organization: %2.</source>
        <translation>โทเค็นนี้ใช้ได้ บัญชี: %1 องค์กร: %2</translation>
    </message>
    <message>
        <source>Deskbell is not running, so nothing can be checked.</source>
        <translation>Deskbell ไม่ได้ทำงานอยู่ จึงตรวจสอบอะไรไม่ได้</translation>
    </message>
    <message>
        <source>Checking the token and saving it…</source>
        <translation>กำลังตรวจสอบโทเค็นและบันทึก…</translation>
    </message>
    <message>
        <source>Connected. The token is kept in this computer&apos;s keychain; Deskbell now reads your bookings.</source>
        <translation>เชื่อมต่อแล้ว โทเค็นถูกเก็บไว้ในที่เก็บรหัสผ่านของคอมพิวเตอร์เครื่องนี้ ตอนนี้ Deskbell อ่านการจองของคุณแล้ว</translation>
    </message>
    <message>
        <source>Deskbell is not running, so nothing can be saved.</source>
        <translation>Deskbell ไม่ได้ทำงานอยู่ จึงบันทึกอะไรไม่ได้</translation>
    </message>
    <message>
        <source>Disconnect Calendly? Deskbell stops reading new bookings, removes its webhook from Calendly and forgets the token. Messages already planned still go.</source>
        <translation>ยกเลิกการเชื่อมต่อ Calendly หรือไม่ Deskbell จะหยุดอ่านการจองใหม่ ลบเว็บฮุกของตนออกจาก Calendly และลืมโทเค็น ข้อความที่วางแผนไว้แล้วยังคงส่งตามปกติ</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>ยกเลิกการเชื่อมต่อ(&amp;D)</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>กำลังยกเลิกการเชื่อมต่อ…</translation>
    </message>
    <message>
        <source>Calendly is disconnected.</source>
        <translation>ยกเลิกการเชื่อมต่อ Calendly แล้ว</translation>
    </message>
    <message>
        <source>Calendly is disconnected, with a problem: %1</source>
        <translation>ยกเลิกการเชื่อมต่อ Calendly แล้ว แต่มีปัญหา: %1</translation>
    </message>
    <message>
        <source>Deskbell is not running.</source>
        <translation>Deskbell ไม่ได้ทำงานอยู่</translation>
    </message>
    <message>
        <source>Opening Calendly in your browser…</source>
        <translation>กำลังเปิด Calendly ในเบราว์เซอร์…</translation>
    </message>
    <message>
        <source>Sign-in is not set up in this copy of Deskbell; use a token.</source>
        <translation>Deskbell ชุดนี้ยังไม่ได้ตั้งค่าการเข้าสู่ระบบ กรุณาใช้โทเค็น</translation>
    </message>
    <message>
        <source>open the sign-in page</source>
        <translation>เปิดหน้าเข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If it did not open, %1.</source>
        <translation>กรุณาเข้าสู่ระบบในเบราว์เซอร์ให้เสร็จ หากเบราว์เซอร์ไม่เปิดขึ้นมา กรุณา%1</translation>
    </message>
    <message>
        <source>Your browser could not be opened: %1 yourself.</source>
        <translation>เปิดเบราว์เซอร์ไม่ได้: กรุณา%1ด้วยตนเอง</translation>
    </message>
    <message>
        <source>Signed in. Deskbell is connecting to Calendly…</source>
        <translation>เข้าสู่ระบบแล้ว Deskbell กำลังเชื่อมต่อกับ Calendly…</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>ยังไม่ได้เข้าสู่ระบบ: %1</translation>
    </message>
    <message>
        <source>Asking EngageLab…</source>
        <translation>กำลังถาม EngageLab…</translation>
    </message>
    <message>
        <source>These credentials do not work: %1</source>
        <translation>ข้อมูลเข้าสู่ระบบนี้ใช้ไม่ได้: %1</translation>
    </message>
    <message>
        <source>The credentials work. Templates in the account: %1, of which approved: %2.</source>
        <translation>ข้อมูลเข้าสู่ระบบใช้ได้ มีเทมเพลตในบัญชี %1 รายการ อนุมัติแล้ว %2 รายการ</translation>
    </message>
    <message>
        <source>Checking the credentials and saving them…</source>
        <translation>กำลังตรวจสอบข้อมูลเข้าสู่ระบบและบันทึก…</translation>
    </message>
    <message>
        <source>EngageLab connected</source>
        <translation>เชื่อมต่อ EngageLab แล้ว</translation>
    </message>
    <message>
        <source>The credentials are saved, but sending could not be switched to EngageLab: %1</source>
        <translation>บันทึกข้อมูลเข้าสู่ระบบแล้ว แต่เปลี่ยนการส่งไปใช้ EngageLab ไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Connected. The credentials are kept in this computer&apos;s keychain; Deskbell now sends real texts.</source>
        <translation>เชื่อมต่อแล้ว ข้อมูลเข้าสู่ระบบถูกเก็บไว้ในที่เก็บรหัสผ่านของคอมพิวเตอร์เครื่องนี้ ตอนนี้ Deskbell ส่ง SMS จริงแล้ว</translation>
    </message>
    <message>
        <source>Connected. The credentials are kept in this computer&apos;s keychain; sending stays in Sandbox.</source>
        <translation>เชื่อมต่อแล้ว ข้อมูลเข้าสู่ระบบถูกเก็บไว้ในที่เก็บรหัสผ่านของคอมพิวเตอร์เครื่องนี้ การส่งยังอยู่ในโหมดทดลอง</translation>
    </message>
    <message>
        <source>Disconnect EngageLab? Deskbell forgets the dev key and secret and cannot send texts until you connect again.</source>
        <translation>ยกเลิกการเชื่อมต่อ EngageLab หรือไม่ Deskbell จะลืมคีย์และรหัสลับ และจะส่ง SMS ไม่ได้จนกว่าคุณจะเชื่อมต่ออีกครั้ง</translation>
    </message>
    <message>
        <source>Disconnect Engage&amp;Lab</source>
        <translation>ยกเลิกการเชื่อมต่อ EngageLab(&amp;L)</translation>
    </message>
    <message>
        <source>EngageLab is disconnected.</source>
        <translation>ยกเลิกการเชื่อมต่อ EngageLab แล้ว</translation>
    </message>
    <message>
        <source>EngageLab is disconnected, with a problem: %1</source>
        <translation>ยกเลิกการเชื่อมต่อ EngageLab แล้ว แต่มีปัญหา: %1</translation>
    </message>
    <message>
        <source>A webhook needs the public address your tunnel or proxy gives. Enter it, or choose Poll.</source>
        <translation>การแจ้งทันทีต้องมีที่อยู่สาธารณะที่ทันเนลหรือพร็อกซีให้มา กรุณากรอก หรือเลือกตรวจสอบเป็นระยะ</translation>
    </message>
    <message>
        <source>The public address must start with https:// (Calendly sends only there).</source>
        <translation>ที่อยู่สาธารณะต้องขึ้นต้นด้วย https:// (Calendly ส่งไปที่อยู่แบบนี้เท่านั้น)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>connection mode changed</source>
        <translation>เปลี่ยนวิธีรับการจอง</translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation>บันทึกการตั้งค่าไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>ไม่ได้บันทึก: %1</translation>
    </message>
    <message>
        <source>Sending a made-up booking…</source>
        <translation>กำลังส่งการจองสมมติ…</translation>
    </message>
</context>
<context>
    <name>deskbell::CorrectPhoneDialog</name>
    <message>
        <source>Correct phone number</source>
        <translation>แก้ไขเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>Type the number %1 gave you. Waiting messages go to the new number; messages that were skipped for a missing or wrong number are planned again if their time has not passed.</source>
        <translation>พิมพ์เบอร์ที่ %1 ให้ไว้ ข้อความที่รอส่งจะส่งไปยังเบอร์ใหม่ ส่วนข้อความที่ไม่ได้ส่งเพราะไม่มีเบอร์หรือเบอร์ผิด จะวางแผนส่งใหม่หากยังไม่เลยเวลา</translation>
    </message>
    <message>
        <source>the invitee</source>
        <translation>ผู้จอง</translation>
    </message>
    <message>
        <source>&amp;Save number</source>
        <translation>บันทึกเบอร์(&amp;S)</translation>
    </message>
    <message>
        <source>e.g. +66 81 234 5678, or 081 234 5678 for a local number</source>
        <translation>เช่น +66 81 234 5678 หรือ 081 234 5678 สำหรับเบอร์ในประเทศ</translation>
    </message>
    <message>
        <source>New &amp;number:</source>
        <translation>เบอร์ใหม่(&amp;N):</translation>
    </message>
    <message>
        <source>Type a phone number first.</source>
        <translation>กรุณาพิมพ์เบอร์โทรศัพท์ก่อน</translation>
    </message>
</context>
<context>
    <name>deskbell::DailyChart</name>
    <message>
        <source>Messages per day</source>
        <translation>จำนวนข้อความต่อวัน</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>รอส่ง</translation>
    </message>
    <message>
        <source>Maybe sent</source>
        <translation>อาจส่งไปแล้ว</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ส่งไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>ไม่ได้ส่ง</translation>
    </message>
    <message>
        <source>%1, messages: %2</source>
        <translation>%1, ข้อความ: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>ยังไม่มีข้อมูล</translation>
    </message>
    <message>
        <source>No messages in the last %1 days.</source>
        <translation>ไม่มีข้อความในช่วง %1 วันที่ผ่านมา</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>Messages in the last %1 days: %2 (%3). Busiest day: %4, with %5.</source>
        <translation>ข้อความใน %1 วันที่ผ่านมา: %2 (%3) วันที่มากที่สุด: %4 มี %5 ข้อความ</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format: 5 Nov</comment>
        <translation>d MMM</translation>
    </message>
</context>
<context>
    <name>deskbell::DashboardWidget</name>
    <message>
        <source>Messages per day, last %1 days</source>
        <translation>ข้อความต่อวัน ใน %1 วันที่ผ่านมา</translation>
    </message>
    <message>
        <source>Sending in the next hour</source>
        <translation>จะส่งภายในหนึ่งชั่วโมงข้างหน้า</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>ผู้รับ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>นัดหมาย</translation>
    </message>
    <message>
        <source>Messages sending in the next hour</source>
        <translation>ข้อความที่จะส่งภายในหนึ่งชั่วโมงข้างหน้า</translation>
    </message>
    <message>
        <source>Nothing is due in the next hour.</source>
        <translation>ไม่มีข้อความที่ถึงเวลาส่งในหนึ่งชั่วโมงข้างหน้า</translation>
    </message>
    <message>
        <source>No message was sent in the last %1 days.</source>
        <translation>ไม่มีข้อความที่ส่งใน %1 วันที่ผ่านมา</translation>
    </message>
    <message>
        <source>%1 accepted in %2 days, no delivery reports yet</source>
        <translation>ผู้ให้บริการรับ %1 ข้อความใน %2 วัน ยังไม่มีรายงานการส่งถึง</translation>
    </message>
    <message>
        <source>%1% delivered of %2 accepted in %3 days</source>
        <translation>ถึงผู้รับ %1% จาก %2 ข้อความที่ผู้ให้บริการรับใน %3 วัน</translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>อ่านตัวเลขไม่ได้: %1</translation>
    </message>
    <message>
        <source>Not delivered or failed: %1.</source>
        <translation>ไม่ถึงผู้รับหรือส่งไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>No delivery report yet: %1.</source>
        <translation>ยังไม่มีรายงานการส่งถึง: %1</translation>
    </message>
    <message>
        <source>Waiting to send: %1 · Failed (last 7 days): %2 · Maybe sent: %3 · Sent today: %4 · Meetings today: %5</source>
        <translation>รอส่ง: %1 · ส่งไม่สำเร็จ (7 วันที่ผ่านมา): %2 · อาจส่งไปแล้ว: %3 · ส่งวันนี้: %4 · นัดหมายวันนี้: %5</translation>
    </message>
    <message>
        <source>%1, %2 before</source>
        <translation>%1 ก่อนนัด %2</translation>
    </message>
    <message>
        <source>Host (about %1)</source>
        <translation>ผู้รับนัด (เกี่ยวกับ %1)</translation>
    </message>
</context>
<context>
    <name>deskbell::Dispatcher</name>
    <message>
        <source>Sending could not start: %1</source>
        <translation>เริ่มส่งไม่ได้: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) may or may not have been sent: Deskbell stopped while sending them. They are marked &quot;maybe sent&quot; and will not be sent again on their own.</source>
        <translation>
            <numerusform>%n ข้อความอาจส่งไปแล้วหรือยังไม่ได้ส่ง: Deskbell หยุดทำงานระหว่างส่ง ข้อความเหล่านี้ถูกทำเครื่องหมายว่า &quot;อาจส่งไปแล้ว&quot; และจะไม่ส่งซ้ำเอง</numerusform>
        </translation>
    </message>
    <message>
        <source>The message list could not be read: %1</source>
        <translation>อ่านรายการข้อความไม่ได้: %1</translation>
    </message>
    <message>
        <source>A sending result could not be saved: %1</source>
        <translation>บันทึกผลการส่งไม่ได้: %1</translation>
    </message>
    <message>
        <source>The SMS provider refused Deskbell&apos;s credentials (%1). Sending is paused until the account is connected again.</source>
        <translation>ผู้ให้บริการ SMS ปฏิเสธข้อมูลเข้าสู่ระบบของ Deskbell (%1) หยุดส่งชั่วคราวจนกว่าจะเชื่อมต่อบัญชีอีกครั้ง</translation>
    </message>
</context>
<context>
    <name>deskbell::DurationEdit</name>
    <message>
        <source>minutes</source>
        <translation>นาที</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <source>days</source>
        <translation>วัน</translation>
    </message>
    <message>
        <source>%1: amount</source>
        <translation>%1: จำนวน</translation>
    </message>
    <message>
        <source>%1: unit</source>
        <translation>%1: หน่วย</translation>
    </message>
</context>
<context>
    <name>deskbell::Engine</name>
    <message>
        <source>EngageLab is chosen for sending, but no EngageLab account is connected (%1). Messages wait until it is: open Connect accounts.</source>
        <translation>เลือก EngageLab สำหรับการส่งไว้ แต่ยังไม่ได้เชื่อมต่อบัญชี EngageLab (%1) ข้อความจะรอจนกว่าจะเชื่อมต่อ: เปิดเชื่อมต่อบัญชี</translation>
    </message>
    <message>
        <source>EngageLab is not connected</source>
        <translation>ยังไม่ได้เชื่อมต่อ EngageLab</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so Deskbell cannot read the Calendly connection. Unlock the keychain (sign in to the desktop session) and restart Deskbell.</source>
        <translation>ที่เก็บรหัสผ่านของระบบถูกล็อกหรือใช้งานไม่ได้ Deskbell จึงอ่านการเชื่อมต่อ Calendly ไม่ได้ กรุณาปลดล็อก (เข้าสู่ระบบเดสก์ท็อป) แล้วเปิด Deskbell ใหม่</translation>
    </message>
    <message>
        <source>Calendly could not be read: %1</source>
        <translation>อ่าน Calendly ไม่ได้: %1</translation>
    </message>
    <message>
        <source>Calendly could not be reached: %1</source>
        <translation>ติดต่อ Calendly ไม่ได้: %1</translation>
    </message>
    <message>
        <source>The Calendly webhook could not be set up: %1. Polling still finds every booking, only later.</source>
        <translation>ตั้งค่าการแจ้งทันทีของ Calendly ไม่สำเร็จ: %1 การตรวจสอบเป็นระยะยังคงพบการจองทุกรายการ เพียงแต่ช้ากว่า</translation>
    </message>
    <message>
        <source>Sending waits until an SMS account is connected.</source>
        <translation>การส่งจะรอจนกว่าจะเชื่อมต่อบัญชี SMS</translation>
    </message>
    <message>
        <source>No database is open, so nothing can be changed.</source>
        <translation>ไม่ได้เปิดฐานข้อมูล จึงเปลี่ยนแปลงอะไรไม่ได้</translation>
    </message>
    <message>
        <source>The settings could not be checked: %1</source>
        <translation>ตรวจสอบการตั้งค่าไม่ได้: %1</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>ไม่ได้เปิดฐานข้อมูล</translation>
    </message>
    <message>
        <source>The settings file could not be written: %1</source>
        <translation>เขียนไฟล์การตั้งค่าไม่ได้: %1</translation>
    </message>
    <message>
        <source>The settings were saved, but planned messages could not be updated: %1</source>
        <translation>บันทึกการตั้งค่าแล้ว แต่ปรับข้อความที่วางแผนไว้ไม่ได้: %1</translation>
    </message>
    <message>
        <source>EngageLab refused the credentials while listing templates. Open Connect accounts and enter them again.</source>
        <translation>EngageLab ปฏิเสธข้อมูลเข้าสู่ระบบระหว่างแสดงรายการเทมเพลต กรุณาเปิดเชื่อมต่อบัญชีแล้วกรอกใหม่</translation>
    </message>
    <message>
        <source>Simulated bookings are for Sandbox only: with EngageLab they would send real texts.</source>
        <translation>การจองจำลองใช้ได้เฉพาะในโหมดทดลอง: หากใช้ EngageLab จะเป็นการส่ง SMS จริง</translation>
    </message>
    <message>
        <source>The listener is not running, so there is nothing to send the booking to. %1</source>
        <translation>ตัวรับข้อมูลไม่ได้ทำงาน จึงไม่มีที่ให้ส่งการจองไป %1</translation>
    </message>
    <message>
        <source>Signed in to Calendly, but the keychain did not keep the sign-in (%1). Unlock the keychain and sign in again.</source>
        <translation>เข้าสู่ระบบ Calendly แล้ว แต่ที่เก็บรหัสผ่านไม่ได้เก็บการเข้าสู่ระบบไว้ (%1) กรุณาปลดล็อกที่เก็บรหัสผ่านแล้วเข้าสู่ระบบอีกครั้ง</translation>
    </message>
    <message>
        <source>The Calendly sign-in has expired. Open Connect accounts and sign in again.</source>
        <translation>การเข้าสู่ระบบ Calendly หมดอายุแล้ว กรุณาเปิดเชื่อมต่อบัญชีแล้วเข้าสู่ระบบอีกครั้ง</translation>
    </message>
    <message>
        <source>Calendly could not be reached to renew the sign-in: %1</source>
        <translation>ติดต่อ Calendly เพื่อต่ออายุการเข้าสู่ระบบไม่ได้: %1</translation>
    </message>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>เปิดฐานข้อมูลไม่ได้: %1</translation>
    </message>
    <message>
        <source>Another Deskbell (process %1 on %2) is already using %3. Close it first: two copies on one database could send the same text twice.</source>
        <translation>มี Deskbell อีกตัวหนึ่ง (โปรเซส %1 บน %2) ใช้ %3 อยู่ กรุณาปิดตัวนั้นก่อน: หากสองตัวใช้ฐานข้อมูลเดียวกัน อาจส่งข้อความเดียวกันซ้ำสองครั้ง</translation>
    </message>
    <message>
        <source>Cannot create the lock file next to %1 (check the folder&apos;s permissions).</source>
        <translation>สร้างไฟล์ล็อกข้าง %1 ไม่ได้ (กรุณาตรวจสอบสิทธิ์ของโฟลเดอร์)</translation>
    </message>
    <message>
        <source>The listener is not started: it would accept unsigned bookings from the network (%1). Connect Calendly (which sets the signing key) or listen on 127.0.0.1.</source>
        <translation>ไม่ได้เริ่มตัวรับข้อมูล: หากเริ่มจะรับการจองที่ไม่มีลายเซ็นจากเครือข่าย (%1) กรุณาเชื่อมต่อ Calendly (ซึ่งจะตั้งคีย์ลงนามให้) หรือรอรับข้อมูลที่ 127.0.0.1</translation>
    </message>
    <message>
        <source>The webhook listener could not start: %1</source>
        <translation>เริ่มตัวรับข้อมูลเว็บฮุกไม่ได้: %1</translation>
    </message>
    <message>
        <source>A Calendly webhook was created, but its signing key could not be kept (%1): webhooks will be refused until Calendly is connected again. Polling still finds every booking.</source>
        <translation>สร้างเว็บฮุกของ Calendly แล้ว แต่เก็บคีย์ลงนามไว้ไม่ได้ (%1): เว็บฮุกจะถูกปฏิเสธจนกว่าจะเชื่อมต่อ Calendly อีกครั้ง การตรวจสอบเป็นระยะยังคงพบการจองทุกรายการ</translation>
    </message>
    <message>
        <source>(The system keychain did not answer in time when the database password was read.)</source>
        <translation>(ที่เก็บรหัสผ่านของระบบไม่ตอบทันเวลาขณะอ่านรหัสผ่านฐานข้อมูล)</translation>
    </message>
    <message>
        <source>(The database password could not be read from the system keychain: %1)</source>
        <translation>(อ่านรหัสผ่านฐานข้อมูลจากที่เก็บรหัสผ่านของระบบไม่ได้: %1)</translation>
    </message>
    <message>
        <source>The rules another desk saved in the shared database cannot be used on this desk (%1). This desk keeps planning with its own rules.</source>
        <translation>กฎที่เคาน์เตอร์อื่นบันทึกไว้ในฐานข้อมูลร่วมใช้กับเคาน์เตอร์นี้ไม่ได้ (%1) เคาน์เตอร์นี้จะวางแผนข้อความตามกฎของตนเองต่อไป</translation>
    </message>
    <message>
        <source>The settings were saved on this desk, but the other desks on this database could not be given the new rules.</source>
        <translation>บันทึกการตั้งค่าที่เคาน์เตอร์นี้แล้ว แต่ส่งกฎใหม่ไปยังเคาน์เตอร์อื่นที่ใช้ฐานข้อมูลนี้ไม่ได้</translation>
    </message>
</context>
<context>
    <name>deskbell::LogModel</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>เกิดอะไรขึ้น</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>ผู้รับ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>เวลา (%1)</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy, HH:mm:ss</source>
        <comment>date format: Thursday 5 November 2026, 14:00:05</comment>
        <translation>dddd d MMMM yyyy, HH:mm:ss</translation>
    </message>
</context>
<context>
    <name>deskbell::MainWindow</name>
    <message>
        <source>Deskbell</source>
        <translation>Deskbell</translation>
    </message>
    <message>
        <source>Deskbell cannot plan messages until this is fixed:</source>
        <translation>Deskbell จะวางแผนข้อความไม่ได้จนกว่าจะแก้ไขปัญหานี้:</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>ปิดข้อความนี้</translation>
    </message>
    <message>
        <source>&amp;Upcoming</source>
        <translation>นัดหมายที่จะมาถึง(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Live log</source>
        <translation>บันทึกเหตุการณ์(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Templates &amp;&amp; rules</source>
        <translation>เทมเพลตและกฎ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>แดชบอร์ด(&amp;D)</translation>
    </message>
    <message>
        <source>Deskbell needs a look</source>
        <translation>Deskbell ต้องการให้คุณตรวจสอบ</translation>
    </message>
    <message numerus="yes">
        <source>%1
…and %n more</source>
        <translation>
            <numerusform>%1
…และอีก %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the data: %1</source>
        <translation>อ่านข้อมูลไม่ได้: %1</translation>
    </message>
    <message>
        <source>Could not read the meetings: %1</source>
        <translation>อ่านนัดหมายไม่ได้: %1</translation>
    </message>
    <message>
        <source>Could not read the log: %1</source>
        <translation>อ่านบันทึกเหตุการณ์ไม่ได้: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n log line(s) to %1.</source>
        <translation>
            <numerusform>ส่งออกบันทึก %n บรรทัดไปที่ %1 แล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the log to %1: %2</source>
        <translation>ส่งออกบันทึกไปที่ %1 ไม่ได้: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Resend…</source>
        <translation>ส่งอีกครั้ง(&amp;R)…</translation>
    </message>
    <message>
        <source>Send the selected message again</source>
        <translation>ส่งข้อความที่เลือกอีกครั้ง</translation>
    </message>
    <message>
        <source>&amp;Cancel message…</source>
        <translation>ยกเลิกข้อความ(&amp;C)…</translation>
    </message>
    <message>
        <source>Stop the selected message from being sent</source>
        <translation>หยุดไม่ให้ส่งข้อความที่เลือก</translation>
    </message>
    <message>
        <source>Send &amp;now…</source>
        <translation>ส่งทันที(&amp;N)…</translation>
    </message>
    <message>
        <source>Send the selected waiting message now, without waiting for its time</source>
        <translation>ส่งข้อความที่รอส่งที่เลือกไว้ทันที โดยไม่ต้องรอถึงเวลา</translation>
    </message>
    <message>
        <source>Correct &amp;phone number…</source>
        <translation>แก้ไขเบอร์โทรศัพท์(&amp;P)…</translation>
    </message>
    <message>
        <source>Fix the selected meeting&apos;s phone number</source>
        <translation>แก้ไขเบอร์โทรศัพท์ของนัดหมายที่เลือก</translation>
    </message>
    <message>
        <source>Stop &amp;texts to this number…</source>
        <translation>หยุดส่งข้อความถึงเบอร์นี้(&amp;T)…</translation>
    </message>
    <message>
        <source>This person asked not to get texts: skip every message to their number</source>
        <translation>ผู้รับขอไม่รับข้อความ: ข้ามทุกข้อความที่จะส่งถึงเบอร์นี้</translation>
    </message>
    <message>
        <source>&amp;Allow texts again…</source>
        <translation>อนุญาตให้ส่งข้อความอีกครั้ง(&amp;A)…</translation>
    </message>
    <message>
        <source>This person wants texts again</source>
        <translation>ผู้รับต้องการรับข้อความอีกครั้ง</translation>
    </message>
    <message>
        <source>Send a &amp;message…</source>
        <translation>ส่งข้อความ(&amp;M)…</translation>
    </message>
    <message>
        <source>Write a text to the selected meeting&apos;s invitee</source>
        <translation>เขียนข้อความถึงผู้จองของนัดหมายที่เลือก</translation>
    </message>
    <message>
        <source>Show phone &amp;numbers</source>
        <translation>แสดงเบอร์โทรศัพท์(&amp;N)</translation>
    </message>
    <message>
        <source>Show whole phone numbers instead of +66 8•• ••• 678</source>
        <translation>แสดงเบอร์โทรศัพท์เต็ม แทน +66 8•• ••• 678</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>รีเฟรช(&amp;R)</translation>
    </message>
    <message>
        <source>Read everything again</source>
        <translation>อ่านข้อมูลทั้งหมดใหม่</translation>
    </message>
    <message>
        <source>&amp;Export log as CSV…</source>
        <translation>ส่งออกบันทึกเป็น CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the live log, as filtered, for a spreadsheet</source>
        <translation>บันทึกบันทึกเหตุการณ์ตามที่กรองไว้ สำหรับเปิดในโปรแกรมสเปรดชีต</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>ค้นหา(&amp;F)</translation>
    </message>
    <message>
        <source>Search by name or phone number</source>
        <translation>ค้นหาด้วยชื่อหรือเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>&amp;Connect accounts…</source>
        <translation>เชื่อมต่อบัญชี(&amp;C)…</translation>
    </message>
    <message>
        <source>Connect Calendly and EngageLab</source>
        <translation>เชื่อมต่อ Calendly และ EngageLab</translation>
    </message>
    <message>
        <source>Try a sample &amp;booking</source>
        <translation>ลองการจองตัวอย่าง(&amp;B)</translation>
    </message>
    <message>
        <source>Sandbox: send a made-up booking through Deskbell to see what happens</source>
        <translation>โหมดทดลอง: ส่งการจองสมมติผ่าน Deskbell เพื่อดูว่าเกิดอะไรขึ้น</translation>
    </message>
    <message>
        <source>A sample booking is on its way…</source>
        <translation>กำลังส่งการจองตัวอย่าง…</translation>
    </message>
    <message>
        <source>Keep running when the window is &amp;closed</source>
        <translation>ทำงานต่อเมื่อปิดหน้าต่าง(&amp;C)</translation>
    </message>
    <message>
        <source>Start with the &amp;session</source>
        <translation>เปิดพร้อมการเข้าสู่ระบบ(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออก(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ไฟล์(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>ข้อความ(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>มุมมอง(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>ตัวเลือก(&amp;O)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>แถบเครื่องมือหลัก</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>แสดง(&amp;S):</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>พรุ่งนี้</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>7 วันข้างหน้า</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>เลือกวันที่</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>จาก(&amp;F)</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>ถึง(&amp;O)</translation>
    </message>
    <message>
        <source>Search name, email or phone (Ctrl+F)</source>
        <translation>ค้นหาชื่อ อีเมล หรือเบอร์โทรศัพท์ (Ctrl+F)</translation>
    </message>
    <message>
        <source>No meetings in this range. New bookings appear here as they arrive.</source>
        <translation>ไม่มีนัดหมายในช่วงนี้ การจองใหม่จะแสดงที่นี่ทันทีที่เข้ามา</translation>
    </message>
    <message>
        <source>No meeting matches &quot;%1&quot; in this range.</source>
        <translation>ไม่มีนัดหมายที่ตรงกับ &quot;%1&quot; ในช่วงนี้</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n นัดหมาย</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 shown; scroll for more)</source>
        <translation>(แสดง %1 รายการ เลื่อนเพื่อดูเพิ่ม)</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>แสดง(&amp;H):</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>Problems (failed, maybe sent, rejected)</source>
        <translation>ปัญหา (ส่งไม่สำเร็จ อาจส่งไปแล้ว ถูกปฏิเสธ)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>รอส่ง</translation>
    </message>
    <message>
        <source>Operator actions</source>
        <translation>การดำเนินการของเจ้าหน้าที่</translation>
    </message>
    <message>
        <source>Search name, phone or details (Ctrl+F)</source>
        <translation>ค้นหาชื่อ เบอร์โทรศัพท์ หรือรายละเอียด (Ctrl+F)</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the meeting</source>
        <translation>ดับเบิลคลิกหรือกด Enter เพื่อเปิดนัดหมาย</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Deskbell.</source>
        <translation>เดสก์ท็อปนี้ไม่มีถาดระบบ การปิดหน้าต่างจึงเป็นการออกจาก Deskbell</translation>
    </message>
    <message>
        <source>Show Deskbell</source>
        <translation>แสดง Deskbell</translation>
    </message>
    <message>
        <source>A booking could not be used</source>
        <translation>ใช้การจองหนึ่งรายการไม่ได้</translation>
    </message>
    <message>
        <source>A message failed</source>
        <translation>ส่งข้อความไม่สำเร็จ</translation>
    </message>
    <message>
        <source>A text could not be sent. Open Deskbell to see why.</source>
        <translation>ส่ง SMS ไม่สำเร็จ เปิด Deskbell เพื่อดูสาเหตุ</translation>
    </message>
    <message>
        <source>A message may have been sent</source>
        <translation>ข้อความหนึ่งอาจส่งไปแล้ว</translation>
    </message>
    <message>
        <source>Deskbell lost contact while sending a text. Check it before resending.</source>
        <translation>Deskbell ขาดการติดต่อระหว่างส่ง SMS กรุณาตรวจสอบก่อนส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>The sample booking arrived: see it under Upcoming and in the live log.</source>
        <translation>การจองตัวอย่างมาถึงแล้ว: ดูได้ที่นัดหมายที่จะมาถึงและในบันทึกเหตุการณ์</translation>
    </message>
    <message>
        <source>The sample booking did not arrive: %1</source>
        <translation>การจองตัวอย่างไม่มาถึง: %1</translation>
    </message>
    <message>
        <source>the invitee</source>
        <translation>ผู้จอง</translation>
    </message>
    <message>
        <source>Sending PAUSED — nothing will be sent</source>
        <translation>หยุดส่งชั่วคราว — จะไม่มีการส่งใดๆ</translation>
    </message>
    <message>
        <source>Click to resume sending (Ctrl+P)</source>
        <translation>คลิกเพื่อกลับมาส่งต่อ (Ctrl+P)</translation>
    </message>
    <message>
        <source>Sending is PAUSED: nothing will be sent until you resume.</source>
        <translation>หยุดส่งชั่วคราวอยู่: จะไม่มีการส่งใดๆ จนกว่าคุณจะกลับมาส่งต่อ</translation>
    </message>
    <message>
        <source>Sending is PAUSED (%1): nothing will be sent until you resume.</source>
        <translation>หยุดส่งชั่วคราวอยู่ (%1): จะไม่มีการส่งใดๆ จนกว่าคุณจะกลับมาส่งต่อ</translation>
    </message>
    <message>
        <source>Sending: ON</source>
        <translation>การส่ง: เปิด</translation>
    </message>
    <message>
        <source>Click to pause all sending (Ctrl+P)</source>
        <translation>คลิกเพื่อหยุดส่งทั้งหมดชั่วคราว (Ctrl+P)</translation>
    </message>
    <message>
        <source>Sending is on.</source>
        <translation>การส่งเปิดอยู่</translation>
    </message>
    <message>
        <source>Deskbell — sending paused</source>
        <translation>Deskbell — หยุดส่งชั่วคราว</translation>
    </message>
    <message>
        <source>Deskbell lost contact with the SMS provider while sending this %1, so the first one may already have arrived.</source>
        <translation>Deskbell ขาดการติดต่อกับผู้ให้บริการ SMS ระหว่างส่ง%1นี้ ข้อความแรกจึงอาจถึงผู้รับแล้ว</translation>
    </message>
    <message>
        <source>If you send it again, %1 may get it twice. Check with them first if you can.</source>
        <translation>หากส่งอีกครั้ง %1 อาจได้รับซ้ำสองครั้ง หากทำได้กรุณาสอบถามก่อน</translation>
    </message>
    <message>
        <source>This %1 was already sent to %2.</source>
        <translation>%1นี้ส่งถึง %2 ไปแล้ว</translation>
    </message>
    <message>
        <source>Sending it again means %1 gets it twice.</source>
        <translation>หากส่งอีกครั้ง %1 จะได้รับซ้ำสองครั้ง</translation>
    </message>
    <message>
        <source>The %1 to %2 failed. Send it again now?</source>
        <translation>%1ถึง %2 ส่งไม่สำเร็จ ส่งอีกครั้งเดี๋ยวนี้หรือไม่</translation>
    </message>
    <message>
        <source>The %1 to %2 was not sent (%3). Send it now?</source>
        <translation>%1ถึง %2 ไม่ได้ส่ง (%3) ส่งเดี๋ยวนี้หรือไม่</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>ส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>ส่งอีกครั้ง(&amp;S)</translation>
    </message>
    <message>
        <source>Sent again: a new message is on its way to %1.</source>
        <translation>ส่งอีกครั้งแล้ว: ข้อความใหม่กำลังส่งถึง %1</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>ยกเลิกข้อความ</translation>
    </message>
    <message>
        <source>The %1 to %2 due %3 will not be sent. You can send it again later if needed.</source>
        <translation>%1ถึง %2 ที่กำหนดส่ง %3 จะไม่ถูกส่ง หากจำเป็นคุณส่งอีกครั้งภายหลังได้</translation>
    </message>
    <message>
        <source>&amp;Cancel the message</source>
        <translation>ยกเลิกข้อความนี้(&amp;C)</translation>
    </message>
    <message>
        <source>Canceled: that message will not be sent.</source>
        <translation>ยกเลิกแล้ว: ข้อความนั้นจะไม่ถูกส่ง</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>ส่งทันที</translation>
    </message>
    <message>
        <source>Send the %1 to %2 now instead of at %3?</source>
        <translation>ส่ง%1ถึง %2 ทันทีแทนที่จะส่งเวลา %3 หรือไม่</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>ส่งทันที(&amp;N)</translation>
    </message>
    <message>
        <source>Sending is paused: it goes out when you resume.</source>
        <translation>หยุดส่งชั่วคราวอยู่: ข้อความจะออกไปเมื่อคุณกลับมาส่งต่อ</translation>
    </message>
    <message>
        <source>The message goes out now.</source>
        <translation>ข้อความกำลังออกไปเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Phone number saved. Waiting messages go to the new number.</source>
        <translation>บันทึกเบอร์โทรศัพท์แล้ว ข้อความที่รอส่งจะส่งไปยังเบอร์ใหม่</translation>
    </message>
    <message>
        <source>Stop texts to this number</source>
        <translation>หยุดส่งข้อความถึงเบอร์นี้</translation>
    </message>
    <message>
        <source>No more texts go to %1 (%2): waiting messages are skipped, and so are those of future bookings, until someone allows texts again.</source>
        <translation>จะไม่มีข้อความส่งถึง %1 (%2) อีก: ข้อความที่รอส่งจะถูกข้าม รวมถึงข้อความของการจองในอนาคต จนกว่าจะมีผู้อนุญาตให้ส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>&amp;Stop texts</source>
        <translation>หยุดส่งข้อความ(&amp;S)</translation>
    </message>
    <message>
        <source>Allow texts again</source>
        <translation>อนุญาตให้ส่งข้อความอีกครั้ง</translation>
    </message>
    <message>
        <source>Texts to %1 (%2) are allowed again from now on. Messages skipped meanwhile stay skipped; you can send them again one by one.</source>
        <translation>อนุญาตให้ส่งข้อความถึง %1 (%2) อีกครั้งตั้งแต่ตอนนี้ ข้อความที่ข้ามไประหว่างนี้จะยังคงไม่ได้ส่ง คุณส่งอีกครั้งทีละข้อความได้</translation>
    </message>
    <message>
        <source>&amp;Allow texts</source>
        <translation>อนุญาตให้ส่งข้อความ(&amp;A)</translation>
    </message>
    <message>
        <source>No more texts go to that number.</source>
        <translation>จะไม่มีข้อความส่งถึงเบอร์นั้นอีก</translation>
    </message>
    <message>
        <source>Texts to that number are allowed again.</source>
        <translation>อนุญาตให้ส่งข้อความถึงเบอร์นั้นอีกครั้งแล้ว</translation>
    </message>
    <message>
        <source>Your message is on its way to %1.</source>
        <translation>ข้อความของคุณกำลังส่งถึง %1</translation>
    </message>
    <message>
        <source>Sending is paused. Nothing will be sent until you resume.</source>
        <translation>หยุดส่งชั่วคราวอยู่ จะไม่มีการส่งใดๆ จนกว่าคุณจะกลับมาส่งต่อ</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>กลับมาส่งต่อ</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are waiting. Those whose time has come go out right away.</source>
        <translation>
            <numerusform>มี %n ข้อความรอส่ง ข้อความที่ถึงเวลาแล้วจะส่งออกไปทันที</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages go out again at their planned times.</source>
        <translation>ข้อความจะกลับมาส่งตามเวลาที่วางแผนไว้</translation>
    </message>
    <message>
        <source>&amp;Resume sending</source>
        <translation>กลับมาส่งต่อ(&amp;R)</translation>
    </message>
    <message>
        <source>Sending is on again.</source>
        <translation>กลับมาส่งแล้ว</translation>
    </message>
    <message>
        <source>deskbell-log-%1.csv</source>
        <translation>deskbell-log-%1.csv</translation>
    </message>
    <message>
        <source>Export the live log</source>
        <translation>ส่งออกบันทึกเหตุการณ์</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the log…</source>
        <translation>กำลังส่งออกบันทึก…</translation>
    </message>
    <message>
        <source>Deskbell is still running</source>
        <translation>Deskbell ยังทำงานอยู่</translation>
    </message>
    <message>
        <source>It keeps sending confirmations and reminders. Click this icon to open it, or choose Quit from its menu to stop Deskbell.</source>
        <translation>Deskbell ยังคงส่งข้อความยืนยันและข้อความเตือนนัด คลิกไอคอนนี้เพื่อเปิด หรือเลือกออกจากเมนูของไอคอนเพื่อปิด Deskbell</translation>
    </message>
    <message>
        <source>&amp;About Deskbell…</source>
        <translation>เกี่ยวกับ Deskbell(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>เกี่ยวกับ Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>date format: Thu 5 Nov 2026</comment>
        <translation>ddd d MMM yyyy</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>โหมดทดลอง</translation>
    </message>
    <message>
        <source>%1 (Sandbox)</source>
        <translation>%1 (โหมดทดลอง)</translation>
    </message>
    <message>
        <source>%1 — Deskbell</source>
        <translation>%1 — Deskbell</translation>
    </message>
    <message>
        <source>Shared store: live</source>
        <translation>ฐานข้อมูลร่วม: เชื่อมต่ออยู่</translation>
    </message>
    <message>
        <source>Changes made at other desks show here within seconds.</source>
        <translation>การเปลี่ยนแปลงที่ทำที่เคาน์เตอร์อื่นจะแสดงที่นี่ภายในไม่กี่วินาที</translation>
    </message>
    <message>
        <source>Shared store: connection lost</source>
        <translation>ฐานข้อมูลร่วม: ขาดการเชื่อมต่อ</translation>
    </message>
    <message>
        <source>S&amp;hared store…</source>
        <translation>ฐานข้อมูลร่วม(&amp;H)…</translation>
    </message>
    <message>
        <source>Work on a PostgreSQL store shared by several desks</source>
        <translation>ทำงานบนฐานข้อมูลที่หลายเคาน์เตอร์ใช้ร่วมกัน</translation>
    </message>
</context>
<context>
    <name>deskbell::MeetingDetail</name>
    <message>
        <source>More</source>
        <translation>เพิ่มเติม</translation>
    </message>
    <message>
        <source>Select a meeting to see its details and messages.</source>
        <translation>เลือกนัดหมายเพื่อดูรายละเอียดและข้อความ</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>เมื่อ:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>แสดง</translation>
    </message>
    <message>
        <source>Show the whole number for this meeting</source>
        <translation>แสดงเบอร์เต็มของนัดหมายนี้</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>ซ่อน</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>โทรศัพท์:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>อีเมล:</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>นัดหมาย:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>สถานะ:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>เหตุผล:</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>กำหนดส่ง</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ไม่มีชื่อ)</translation>
    </message>
    <message>
        <source>%1, %2–%3 at the desk (%4)</source>
        <translation>%1, %2–%3 ตามเวลาเคาน์เตอร์ (%4)</translation>
    </message>
    <message>
        <source>%1, %2 for them (%3)</source>
        <translation>%1, %2 ตามเวลาของผู้จอง (%3)</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>ไม่ได้ระบุ</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 กับ %2</translation>
    </message>
    <message>
        <source>No phone number was given, so no text can be sent.</source>
        <translation>ไม่ได้ให้เบอร์โทรศัพท์ไว้ จึงส่ง SMS ไม่ได้</translation>
    </message>
    <message>
        <source>%1 — not a valid number: no text can be sent until it is corrected</source>
        <translation>%1 — เบอร์ไม่ถูกต้อง: ส่ง SMS ไม่ได้จนกว่าจะแก้ไข</translation>
    </message>
    <message>
        <source>%1 (corrected at the desk)</source>
        <translation>%1 (แก้ไขที่เคาน์เตอร์)</translation>
    </message>
    <message>
        <source>Select a message to see what happened to it.</source>
        <translation>เลือกข้อความเพื่อดูว่าเกิดอะไรขึ้นกับข้อความนั้น</translation>
    </message>
    <message>
        <source>No messages are planned for this meeting.</source>
        <translation>ไม่มีข้อความที่วางแผนไว้สำหรับนัดหมายนี้</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>สาเหตุ: %1</translation>
    </message>
    <message>
        <source>Deskbell lost contact while sending this one: it may have arrived. Check with the person before sending it again.</source>
        <translation>Deskbell ขาดการติดต่อระหว่างส่งข้อความนี้ ข้อความอาจถึงผู้รับแล้ว กรุณาสอบถามผู้รับก่อนส่งอีกครั้ง</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>กำหนดส่ง: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>ถึง: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>จำนวนครั้งที่ลอง: %1</translation>
    </message>
    <message>
        <source>Next try: %1</source>
        <translation>ลองครั้งถัดไป: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>ข้อผิดพลาดล่าสุด: %1</translation>
    </message>
    <message>
        <source>Handed to the provider: %1</source>
        <translation>ส่งต่อให้ผู้ให้บริการเมื่อ: %1</translation>
    </message>
    <message>
        <source>Provider message id: %1</source>
        <translation>รหัสข้อความของผู้ให้บริการ: %1</translation>
    </message>
    <message>
        <source>Delivery: %1%2 (%3)</source>
        <translation>การส่งถึง: %1%2 (%3)</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>ถึงผู้รับแล้ว</translation>
    </message>
    <message>
        <source>, code %1</source>
        <translation>, รหัส %1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>เทมเพลต: %1</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>date format: Thursday 5 November</comment>
        <translation>dddd d MMMM</translation>
    </message>
</context>
<context>
    <name>deskbell::ReminderOffsetsEditor</name>
    <message>
        <source>Add a reminder</source>
        <translation>เพิ่มการเตือนนัด</translation>
    </message>
    <message>
        <source>before the meeting</source>
        <translation>ก่อนถึงนัด</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Reminder %1</source>
        <translation>การเตือนนัด %1</translation>
    </message>
    <message>
        <source>Remove reminder %1</source>
        <translation>ลบการเตือนนัด %1</translation>
    </message>
</context>
<context>
    <name>deskbell::RulesSaveDialog</name>
    <message>
        <source>Save the rules</source>
        <translation>บันทึกกฎ</translation>
    </message>
    <message>
        <source>The new rules apply to bookings from now on.</source>
        <translation>กฎใหม่จะใช้กับการจองตั้งแต่นี้ไป</translation>
    </message>
    <message>
        <source>Saving changes the messages already planned:</source>
        <translation>การบันทึกจะเปลี่ยนข้อความที่วางแผนไว้แล้ว:</translation>
    </message>
    <message>
        <source>Messages already sent, failed, or written by hand are not changed.</source>
        <translation>ข้อความที่ส่งแล้ว ส่งไม่สำเร็จ หรือเขียนเองจะไม่ถูกเปลี่ยน</translation>
    </message>
    <message>
        <source>Optional, kept in the history</source>
        <translation>ไม่บังคับ บันทึกไว้ในประวัติ</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>เหตุผล(&amp;R):</translation>
    </message>
</context>
<context>
    <name>deskbell::SingleInstance</name>
    <message>
        <source>Could not create %1, so nothing stops Deskbell from being opened twice.</source>
        <translation>สร้าง %1 ไม่ได้ จึงไม่มีอะไรกันไม่ให้เปิด Deskbell ซ้ำสองหน้าต่าง</translation>
    </message>
    <message>
        <source>Deskbell is already open but does not answer. If it is not running, delete %1 and start it again.</source>
        <translation>Deskbell เปิดอยู่แล้วแต่ไม่ตอบสนอง หากไม่ได้ทำงานอยู่จริง ให้ลบ %1 แล้วเปิดใหม่</translation>
    </message>
    <message>
        <source>Could not listen on %1 (%2), so nothing stops Deskbell from being opened twice.</source>
        <translation>รอรับที่ %1 ไม่ได้ (%2) จึงไม่มีอะไรกันไม่ให้เปิด Deskbell ซ้ำสองหน้าต่าง</translation>
    </message>
</context>
<context>
    <name>deskbell::StatusPanel</name>
    <message>
        <source>Calendly</source>
        <translation>Calendly</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>คัดลอกที่อยู่</translation>
    </message>
    <message>
        <source>Copy the address Deskbell listens on</source>
        <translation>คัดลอกที่อยู่ที่ Deskbell รอรับข้อมูล</translation>
    </message>
    <message>
        <source>Copy public address</source>
        <translation>คัดลอกที่อยู่สาธารณะ</translation>
    </message>
    <message>
        <source>Copy the address Calendly sends bookings to</source>
        <translation>คัดลอกที่อยู่ที่ Calendly ส่งการจองมา</translation>
    </message>
    <message>
        <source>Receiving bookings</source>
        <translation>การรับการจอง</translation>
    </message>
    <message>
        <source>Sending texts</source>
        <translation>การส่ง SMS</translation>
    </message>
    <message>
        <source>Show the waiting messages in the live log</source>
        <translation>แสดงข้อความที่รอส่งในบันทึกเหตุการณ์</translation>
    </message>
    <message>
        <source>Show the failed messages in the live log</source>
        <translation>แสดงข้อความที่ส่งไม่สำเร็จในบันทึกเหตุการณ์</translation>
    </message>
    <message>
        <source>Show the messages that may have been sent in the live log</source>
        <translation>แสดงข้อความที่อาจส่งไปแล้วในบันทึกเหตุการณ์</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>กำลังนับ…</translation>
    </message>
    <message>
        <source>Connect accounts…</source>
        <translation>เชื่อมต่อบัญชี…</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>รอส่ง %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>ส่งไม่สำเร็จ %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maybe sent</source>
        <translation>
            <numerusform>อาจส่งไปแล้ว %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Today: %1, %2</source>
        <translation>วันนี้: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>ส่งแล้ว %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n นัดหมาย</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>กำลังเริ่มทำงาน…</translation>
    </message>
    <message>
        <source>Not connected: no bookings arrive. Open Connect accounts.</source>
        <translation>ยังไม่ได้เชื่อมต่อ: จะไม่มีการจองเข้ามา กรุณาเปิดเชื่อมต่อบัญชี</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>เชื่อมต่อในชื่อ %1</translation>
    </message>
    <message>
        <source>Bookings arrive as they are made.</source>
        <translation>การจองเข้ามาทันทีที่มีคนจอง</translation>
    </message>
    <message>
        <source>Waiting for the webhook to be set up.</source>
        <translation>กำลังรอตั้งค่าการแจ้งทันที</translation>
    </message>
    <message>
        <source>Deskbell checks Calendly every few minutes.</source>
        <translation>Deskbell ตรวจสอบ Calendly ทุกๆ ไม่กี่นาที</translation>
    </message>
    <message>
        <source>Bookings arrive as they are made, with regular checks.</source>
        <translation>การจองเข้ามาทันทีที่มีคนจอง และมีการตรวจสอบเป็นระยะ</translation>
    </message>
    <message>
        <source>Checked Calendly %1</source>
        <translation>ตรวจสอบ Calendly %1</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>ยังไม่ได้ตรวจสอบ</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>ปัญหา: %1</translation>
    </message>
    <message>
        <source>Listening at %1</source>
        <translation>รอรับข้อมูลที่ %1</translation>
    </message>
    <message>
        <source>Not listening for Calendly.</source>
        <translation>ไม่ได้รอรับข้อมูลจาก Calendly</translation>
    </message>
    <message>
        <source>No public address set: Calendly cannot send here directly.</source>
        <translation>ยังไม่ได้ตั้งที่อยู่สาธารณะ: Calendly ส่งมาที่นี่โดยตรงไม่ได้</translation>
    </message>
    <message>
        <source>Calendly sends to %1</source>
        <translation>Calendly ส่งมาที่ %1</translation>
    </message>
    <message>
        <source>PAUSED — nothing will be sent.</source>
        <translation>หยุดส่งชั่วคราว — จะไม่มีการส่งใดๆ</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>เหตุผล: %1</translation>
    </message>
    <message>
        <source>Not connected: nothing can be sent. Open Connect accounts.</source>
        <translation>ยังไม่ได้เชื่อมต่อ: ส่งอะไรไม่ได้ กรุณาเปิดเชื่อมต่อบัญชี</translation>
    </message>
    <message>
        <source>Sandbox: messages are not really sent.</source>
        <translation>โหมดทดลอง: ไม่ได้ส่งข้อความจริง</translation>
    </message>
    <message>
        <source>Through EngageLab, once resumed.</source>
        <translation>ผ่าน EngageLab เมื่อกลับมาส่งต่อ</translation>
    </message>
    <message>
        <source>Sending through EngageLab.</source>
        <translation>ส่งผ่าน EngageLab</translation>
    </message>
    <message>
        <source>Sending through %1.</source>
        <translation>ส่งผ่าน %1</translation>
    </message>
    <message>
        <source>The database is not open, so nothing can be shown or sent. %1</source>
        <translation>ฐานข้อมูลไม่ได้เปิดอยู่ จึงแสดงหรือส่งอะไรไม่ได้ %1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>การตั้งค่า: %1</translation>
    </message>
</context>
<context>
    <name>deskbell::StoreDialog</name>
    <message>
        <source>Shared store</source>
        <translation>ฐานข้อมูลร่วม</translation>
    </message>
    <message>
        <source>Several desks can work on one PostgreSQL database: each sees the others&apos; changes within seconds. The password is kept in the system keychain, never in the settings file.</source>
        <translation>หลายเคาน์เตอร์ทำงานบนฐานข้อมูล PostgreSQL เดียวกันได้: แต่ละเคาน์เตอร์จะเห็นการเปลี่ยนแปลงของเคาน์เตอร์อื่นภายในไม่กี่วินาที รหัสผ่านถูกเก็บไว้ในที่เก็บรหัสผ่านของระบบ ไม่เคยเก็บในไฟล์การตั้งค่า</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>Default (prefer)</source>
        <translation>ค่าเริ่มต้น (prefer)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ไม่เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>โฮสต์(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>พอร์ต(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>ฐานข้อมูล(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ชื่อผู้ใช้(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>รหัสผ่าน(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Schema:</source>
        <translation>สคีมา(&amp;S):</translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation>โหมด SSL(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>ทดสอบการเชื่อมต่อ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy this desk&apos;s data into the shared store (it must be empty). Deskbell stops sending while it copies, then restarts.</source>
        <translation>คัดลอกข้อมูลของเคาน์เตอร์นี้ไปยังฐานข้อมูลร่วม (ฐานข้อมูลร่วมต้องว่างอยู่) Deskbell จะหยุดส่งระหว่างคัดลอก แล้วเปิดใหม่เอง(&amp;C)</translation>
    </message>
    <message>
        <source>Name the database first.</source>
        <translation>กรุณาระบุชื่อฐานข้อมูลก่อน</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>กำลังเชื่อมต่อ…</translation>
    </message>
    <message>
        <source>Saving the password in the keychain…</source>
        <translation>กำลังบันทึกรหัสผ่านลงในที่เก็บรหัสผ่าน…</translation>
    </message>
    <message>
        <source>The password could not be saved: %1</source>
        <translation>บันทึกรหัสผ่านไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>บันทึกการตั้งค่าไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Saved. Deskbell uses the shared store after a restart.</source>
        <translation>บันทึกแล้ว Deskbell จะใช้ฐานข้อมูลร่วมเมื่อเปิดใหม่</translation>
    </message>
    <message>
        <source>Stopping this desk&apos;s sending, then copying its data…</source>
        <translation>กำลังหยุดการส่งของเคาน์เตอร์นี้ แล้วคัดลอกข้อมูล…</translation>
    </message>
    <message>
        <source>Nothing was copied, and this desk keeps its own data: %1</source>
        <translation>ไม่ได้คัดลอกข้อมูลใดๆ และเคาน์เตอร์นี้ยังใช้ข้อมูลของตนเองต่อไป: %1</translation>
    </message>
    <message>
        <source>Nothing was copied: %1
Restart Deskbell to go on working with this desk&apos;s own data.</source>
        <translation>ไม่ได้คัดลอกข้อมูลใดๆ: %1
กรุณาเปิด Deskbell ใหม่เพื่อทำงานต่อด้วยข้อมูลของเคาน์เตอร์นี้</translation>
    </message>
    <message>
        <source>The data was copied, but the settings could not be saved: %1</source>
        <translation>คัดลอกข้อมูลแล้ว แต่บันทึกการตั้งค่าไม่สำเร็จ: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied and checked %n row(s). Deskbell uses the shared store after a restart.</source>
        <translation>
            <numerusform>คัดลอกและตรวจสอบแล้ว %n แถว Deskbell จะใช้ฐานข้อมูลร่วมเมื่อเปิดใหม่</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>เปิดใหม่ทันที(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>ไว้ทีหลัง(&amp;L)</translation>
    </message>
    <message>
        <source>Shared store: Deskbell restarts when this closes</source>
        <translation>ฐานข้อมูลร่วม: Deskbell จะเปิดใหม่เมื่อปิดหน้าต่างนี้</translation>
    </message>
</context>
<context>
    <name>deskbell::TemplatesRulesEditor</name>
    <message>
        <source>Re&amp;vert</source>
        <translation>ย้อนกลับ(&amp;V)</translation>
    </message>
    <message>
        <source>Forget the changes made here since the last save</source>
        <translation>ทิ้งการเปลี่ยนแปลงที่ทำไว้ที่นี่ตั้งแต่บันทึกครั้งล่าสุด</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>บันทึก(&amp;S)…</translation>
    </message>
    <message>
        <source>Messages and their templates</source>
        <translation>ข้อความและเทมเพลต</translation>
    </message>
    <message>
        <source>Each kind of message is sent with an EngageLab template. EngageLab sends only approved templates; Deskbell fills in the variables.</source>
        <translation>ข้อความแต่ละประเภทส่งด้วยเทมเพลตของ EngageLab ซึ่ง EngageLab ส่งเฉพาะเทมเพลตที่อนุมัติแล้ว Deskbell เป็นผู้กรอกค่าตัวแปร</translation>
    </message>
    <message>
        <source>&amp;Messages:</source>
        <translation>ข้อความ(&amp;M):</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>เทมเพลต</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>การตรวจสอบ</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>ตัวแปร</translation>
    </message>
    <message>
        <source>Off: not sent</source>
        <translation>ปิด: ไม่ส่ง</translation>
    </message>
    <message>
        <source>Template for the %1</source>
        <translation>เทมเพลตสำหรับ%1</translation>
    </message>
    <message>
        <source>Choose one of your EngageLab templates, or type its id. Empty: this message is not sent.</source>
        <translation>เลือกเทมเพลตหนึ่งจาก EngageLab ของคุณ หรือพิมพ์รหัสเทมเพลต ถ้าเว้นว่าง: จะไม่ส่งข้อความนี้</translation>
    </message>
    <message>
        <source>Variables in the template and where their values come from:</source>
        <translation>ตัวแปรในเทมเพลตและที่มาของค่า:</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>ตัวแปร</translation>
    </message>
    <message>
        <source>Value comes from</source>
        <translation>ที่มาของค่า</translation>
    </message>
    <message>
        <source>Variables of the template</source>
        <translation>ตัวแปรของเทมเพลต</translation>
    </message>
    <message>
        <source>Preview &amp;with:</source>
        <translation>ดูตัวอย่างด้วย(&amp;W):</translation>
    </message>
    <message>
        <source>Preview of the message</source>
        <translation>ตัวอย่างข้อความ</translation>
    </message>
    <message>
        <source>When messages go</source>
        <translation>เวลาที่ส่งข้อความ</translation>
    </message>
    <message>
        <source>&amp;Reminders:</source>
        <translation>การเตือนนัด(&amp;R):</translation>
    </message>
    <message>
        <source>Hold reminders between</source>
        <translation>งดส่งการเตือนนัดระหว่าง</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>เริ่มช่วงเวลางดส่ง</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>สิ้นสุดช่วงเวลางดส่ง</translation>
    </message>
    <message>
        <source>and</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>&amp;Quiet hours:</source>
        <translation>ช่วงเวลางดส่ง(&amp;Q):</translation>
    </message>
    <message>
        <source>In the invitee&apos;s own time; a reminder due then waits until the end.</source>
        <translation>ตามเวลาท้องถิ่นของผู้จอง การเตือนนัดที่ตรงกับช่วงนี้จะรอจนพ้นช่วงเวลา</translation>
    </message>
    <message>
        <source>e.g. +66 81 234 5678; empty: no texts to the host</source>
        <translation>เช่น +66 81 234 5678 ถ้าเว้นว่าง: ไม่ส่งข้อความถึงผู้รับนัด</translation>
    </message>
    <message>
        <source>Host &amp;phone:</source>
        <translation>เบอร์ผู้รับนัด(&amp;P):</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Follow-up delay</source>
        <translation>เวลาส่งข้อความติดตามผล</translation>
    </message>
    <message>
        <source>after the meeting ends</source>
        <translation>หลังนัดหมายสิ้นสุด</translation>
    </message>
    <message>
        <source>&amp;Follow-up:</source>
        <translation>ติดตามผล(&amp;F):</translation>
    </message>
    <message>
        <source>None: numbers must start with +</source>
        <translation>ไม่มี: เบอร์ต้องขึ้นต้นด้วย +</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Default &amp;country:</source>
        <translation>ประเทศเริ่มต้น(&amp;C):</translation>
    </message>
    <message>
        <source>For phone numbers written without a country code.</source>
        <translation>สำหรับเบอร์โทรศัพท์ที่เขียนโดยไม่มีรหัสประเทศ</translation>
    </message>
    <message>
        <source>Used when Calendly does not say the invitee&apos;s time zone.</source>
        <translation>ใช้เมื่อ Calendly ไม่ได้บอกเขตเวลาของผู้จอง</translation>
    </message>
    <message>
        <source>Fallback time &amp;zone:</source>
        <translation>เขตเวลาสำรอง(&amp;Z):</translation>
    </message>
    <message>
        <source>A sample appointment</source>
        <translation>นัดหมายตัวอย่าง</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>These are the rules for every event type except %1, which have rules of their own in the settings file. Their own values stay; where they use the defaults, they follow these.</source>
        <translation>นี่คือกฎสำหรับการจองทุกประเภท ยกเว้น %1 ซึ่งมีกฎของตนเองในไฟล์การตั้งค่า ค่าที่กำหนดเองของประเภทเหล่านั้นยังคงอยู่ ส่วนค่าที่ใช้ค่าเริ่มต้นจะเป็นไปตามกฎนี้</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>ไม่ส่ง</translation>
    </message>
    <message>
        <source>No template is chosen, so this message is not sent.</source>
        <translation>ยังไม่ได้เลือกเทมเพลต จึงไม่ส่งข้อความนี้</translation>
    </message>
    <message>
        <source>There is no template with this id in your EngageLab account.</source>
        <translation>ไม่มีเทมเพลตที่มีรหัสนี้ในบัญชี EngageLab ของคุณ</translation>
    </message>
    <message>
        <source>EngageLab is not connected, so Deskbell cannot see this template.</source>
        <translation>ยังไม่ได้เชื่อมต่อ EngageLab Deskbell จึงมองไม่เห็นเทมเพลตนี้</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>ไม่ทราบ</translation>
    </message>
    <message>
        <source>EngageLab&apos;s reviewer: %1</source>
        <translation>ผู้ตรวจสอบของ EngageLab: %1</translation>
    </message>
    <message>
        <source>Cannot fill: %1</source>
        <translation>กรอกไม่ได้: %1</translation>
    </message>
    <message>
        <source>%1 (fills %2)</source>
        <translation>%1 (กรอก %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <source>Deskbell does not fill %1 for this message: EngageLab would send it as written.</source>
        <translation>Deskbell ไม่ได้กรอก %1 สำหรับข้อความนี้: EngageLab จะส่งออกไปตามที่เขียนไว้</translation>
    </message>
    <message>
        <source>The invitee&apos;s name, from Calendly</source>
        <translation>ชื่อของผู้จอง จาก Calendly</translation>
    </message>
    <message>
        <source>The meeting&apos;s start time, in the invitee&apos;s time zone</source>
        <translation>เวลาเริ่มนัดหมาย ตามเขตเวลาของผู้จอง</translation>
    </message>
    <message>
        <source>The meeting&apos;s date, in the invitee&apos;s time zone</source>
        <translation>วันที่นัดหมาย ตามเขตเวลาของผู้จอง</translation>
    </message>
    <message>
        <source>The invitee&apos;s time zone</source>
        <translation>เขตเวลาของผู้จอง</translation>
    </message>
    <message>
        <source>The meeting&apos;s name (the Calendly event type)</source>
        <translation>ชื่อนัดหมาย (ประเภทการจองใน Calendly)</translation>
    </message>
    <message>
        <source>Where the meeting is, from Calendly</source>
        <translation>สถานที่นัดหมาย จาก Calendly</translation>
    </message>
    <message>
        <source>Calendly&apos;s link to cancel</source>
        <translation>ลิงก์ยกเลิกของ Calendly</translation>
    </message>
    <message>
        <source>Calendly&apos;s link to reschedule</source>
        <translation>ลิงก์เลื่อนนัดของ Calendly</translation>
    </message>
    <message>
        <source>The host&apos;s name, from Calendly</source>
        <translation>ชื่อผู้รับนัด จาก Calendly</translation>
    </message>
    <message>
        <source>How long before the meeting the reminder goes (&quot;24 hours&quot;)</source>
        <translation>ส่งการเตือนนัดก่อนถึงนัดนานเท่าใด (&quot;24 ชั่วโมง&quot;)</translation>
    </message>
    <message>
        <source>What happened: &quot;booked&quot; or &quot;rescheduled&quot;</source>
        <translation>เกิดอะไรขึ้น: &quot;booked&quot; (จองแล้ว) หรือ &quot;rescheduled&quot; (เลื่อนนัด)</translation>
    </message>
    <message>
        <source>%1: not sent</source>
        <translation>%1: ไม่ส่ง</translation>
    </message>
    <message>
        <source>%1: template &quot;%2&quot; (%3)</source>
        <translation>%1: เทมเพลต &quot;%2&quot; (%3)</translation>
    </message>
    <message>
        <source>%1: template %2</source>
        <translation>%1: เทมเพลต %2</translation>
    </message>
    <message>
        <source>Choose a template to send this message.</source>
        <translation>เลือกเทมเพลตเพื่อส่งข้อความนี้</translation>
    </message>
    <message>
        <source>Unknown: there is no template with this id in your EngageLab account. Check the id in EngageLab&apos;s console.</source>
        <translation>ไม่ทราบ: ไม่มีเทมเพลตที่มีรหัสนี้ในบัญชี EngageLab ของคุณ กรุณาตรวจสอบรหัสในคอนโซลของ EngageLab</translation>
    </message>
    <message>
        <source>Unknown: EngageLab is not connected, so Deskbell cannot see this template&apos;s review or its text. Connect EngageLab to check it.</source>
        <translation>ไม่ทราบ: ยังไม่ได้เชื่อมต่อ EngageLab Deskbell จึงมองไม่เห็นผลการตรวจสอบและข้อความของเทมเพลตนี้ เชื่อมต่อ EngageLab เพื่อตรวจสอบ</translation>
    </message>
    <message>
        <source>Pending review: EngageLab sends it once its reviewers approve it.</source>
        <translation>รอการตรวจสอบ: EngageLab จะส่งได้เมื่อผู้ตรวจสอบอนุมัติ</translation>
    </message>
    <message>
        <source>Rejected by EngageLab: this message cannot be sent with it.</source>
        <translation>EngageLab ปฏิเสธ: ใช้เทมเพลตนี้ส่งข้อความนี้ไม่ได้</translation>
    </message>
    <message>
        <source>Rejected by EngageLab (&quot;%1&quot;): this message cannot be sent with it.</source>
        <translation>EngageLab ปฏิเสธ (&quot;%1&quot;): ใช้เทมเพลตนี้ส่งข้อความนี้ไม่ได้</translation>
    </message>
    <message>
        <source>Approved: EngageLab sends it.</source>
        <translation>อนุมัติแล้ว: EngageLab ส่งได้</translation>
    </message>
    <message>
        <source>Unknown review status (%1).</source>
        <translation>ไม่ทราบสถานะการตรวจสอบ (%1)</translation>
    </message>
    <message>
        <source>Deskbell fills it: %1</source>
        <translation>Deskbell กรอกให้: %1</translation>
    </message>
    <message>
        <source>Deskbell cannot fill this for a %1: EngageLab would send &quot;{%2}&quot; as written. Change the template in EngageLab or choose another.</source>
        <translation>Deskbell กรอกค่านี้สำหรับ%1ไม่ได้: EngageLab จะส่ง &quot;{%2}&quot; ออกไปตามที่เขียนไว้ กรุณาแก้เทมเพลตใน EngageLab หรือเลือกเทมเพลตอื่น</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ไม่มี)</translation>
    </message>
    <message>
        <source>The template has no variables.</source>
        <translation>เทมเพลตนี้ไม่มีตัวแปร</translation>
    </message>
    <message>
        <source>Deskbell can fill for this message: %1</source>
        <translation>Deskbell กรอกให้ได้สำหรับข้อความนี้: %1</translation>
    </message>
    <message>
        <source>This message is not sent.</source>
        <translation>ข้อความนี้ไม่ถูกส่ง</translation>
    </message>
    <message>
        <source>The text of this template is not known: connect EngageLab to see it.</source>
        <translation>ไม่ทราบเนื้อหาของเทมเพลตนี้: เชื่อมต่อ EngageLab เพื่อดู</translation>
    </message>
    <message>
        <source>Somchai Jaidee</source>
        <translation>สมชาย ใจดี</translation>
    </message>
    <message>
        <source>Dental check-up</source>
        <translation>ตรวจสุขภาพฟัน</translation>
    </message>
    <message>
        <source>Sukhumvit clinic, room 2</source>
        <translation>คลินิกสุขุมวิท ห้อง 2</translation>
    </message>
    <message>
        <source>Dr. Lee</source>
        <translation>หมอลี</translation>
    </message>
    <message>
        <source>Two reminders are set for the same time (%1 before). Remove one.</source>
        <translation>มีการเตือนนัดสองรายการตั้งไว้เวลาเดียวกัน (ก่อนนัด %1) กรุณาลบออกหนึ่งรายการ</translation>
    </message>
    <message>
        <source>Quiet hours need a start and an end that differ.</source>
        <translation>ช่วงเวลางดส่งต้องมีเวลาเริ่มและเวลาสิ้นสุดที่ต่างกัน</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number Deskbell can text (%2). Write it with the country code, for example +66 81 234 5678.</source>
        <translation>&quot;%1&quot; ไม่ใช่เบอร์โทรศัพท์ที่ Deskbell ส่ง SMS ถึงได้ (%2) กรุณาเขียนพร้อมรหัสประเทศ เช่น +66 81 234 5678</translation>
    </message>
    <message>
        <source>Not saved: fix what is marked first.</source>
        <translation>ไม่ได้บันทึก: กรุณาแก้ไขรายการที่มีเครื่องหมายไว้ก่อน</translation>
    </message>
    <message>
        <source>Checking what the change does to planned messages…</source>
        <translation>กำลังตรวจสอบว่าการเปลี่ยนแปลงจะมีผลกับข้อความที่วางแผนไว้อย่างไร…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>ไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>Saved. %1</source>
        <translation>บันทึกแล้ว %1</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>ทิ้งการเปลี่ยนแปลงแล้ว</translation>
    </message>
</context>
<context>
    <name>deskbell::UpcomingModel</name>
    <message>
        <source>(no name)</source>
        <translation>(ไม่มีชื่อ)</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>ไม่มีเบอร์</translation>
    </message>
    <message>
        <source>The phone number is not valid: no text can go out until it is corrected.</source>
        <translation>เบอร์โทรศัพท์ไม่ถูกต้อง: ส่ง SMS ไม่ได้จนกว่าจะแก้ไข</translation>
    </message>
    <message>
        <source>No phone number was given.</source>
        <translation>ไม่ได้ให้เบอร์โทรศัพท์ไว้</translation>
    </message>
    <message>
        <source>This number is not valid, so no text can be sent to it. Select the meeting and choose Correct phone number.</source>
        <translation>เบอร์นี้ไม่ถูกต้อง จึงส่ง SMS ถึงไม่ได้ เลือกนัดหมายแล้วเลือกแก้ไขเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>%1 at the desk (%2)</source>
        <translation>%1 ตามเวลาเคาน์เตอร์ (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Who / message</source>
        <translation>ผู้จอง / ข้อความ</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>นัดหมาย</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
</context>
<context>
    <name>deskbell::phone</name>
    <message>
        <source>not a valid number for %1 (too short)</source>
        <translation>ไม่ใช่เบอร์ที่ถูกต้องสำหรับ %1 (สั้นเกินไป)</translation>
    </message>
    <message>
        <source>not a valid number for %1 (too long)</source>
        <translation>ไม่ใช่เบอร์ที่ถูกต้องสำหรับ %1 (ยาวเกินไป)</translation>
    </message>
    <message>
        <source>not a valid number for %1</source>
        <translation>ไม่ใช่เบอร์ที่ถูกต้องสำหรับ %1</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>ไม่มีเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>too long to be a phone number</source>
        <translation>ยาวเกินกว่าจะเป็นเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>ไม่ใช่เบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation>ไม่รู้จักรหัสประเทศ</translation>
    </message>
    <message>
        <source>no country code and no default country</source>
        <translation>ไม่มีรหัสประเทศ และไม่ได้ตั้งประเทศเริ่มต้น</translation>
    </message>
    <message>
        <source>too short to be a phone number</source>
        <translation>สั้นเกินกว่าจะเป็นเบอร์โทรศัพท์</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>deskbell: Deskbell is already open; its window was brought to the front.
</source>
        <translation>deskbell: Deskbell เปิดอยู่แล้ว ได้นำหน้าต่างขึ้นมาด้านหน้าแล้ว
</translation>
    </message>
</context>
</TS>
