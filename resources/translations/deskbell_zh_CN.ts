<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>Starting with the session is not available on this system yet.</source>
        <translation>此系统暂不支持随登录启动。</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ConsoleText</name>
    <message>
        <source>Waiting</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Sandbox: not really sent</source>
        <translation>沙盒模式：未真正发送</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Sent, not delivered</source>
        <translation>已发送，未送达</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Retrying at %1</source>
        <translation>将于 %1 重试</translation>
    </message>
    <message>
        <source>Retrying soon</source>
        <translation>即将重试</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Maybe sent — check before resending</source>
        <translation>可能已发送 — 重发前请先核实</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>将重试</translation>
    </message>
    <message>
        <source>Maybe sent</source>
        <translation>可能已发送</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>Already received</source>
        <translation>此前已收到</translation>
    </message>
    <message>
        <source>Older than what we have</source>
        <translation>比现有信息旧</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Waiting for good settings</source>
        <translation>等待正确的设置</translation>
    </message>
    <message>
        <source>The phone company reported: %1</source>
        <translation>电信运营商报告：%1</translation>
    </message>
    <message>
        <source>The phone company reported: %1 (code %2)</source>
        <translation>电信运营商报告：%1（代码 %2）</translation>
    </message>
    <message>
        <source>%1 (%2 before)</source>
        <translation>%1（提前 %2）</translation>
    </message>
    <message>
        <source>%1 (%2 after)</source>
        <translation>%1（结束后 %2）</translation>
    </message>
    <message>
        <source>%1 — sent again</source>
        <translation>%1 — 重新发送</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>time unknown</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2 %3 in %4)</source>
        <translation>%1（%4 时间 %2 %3）</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>无号码</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>新预约</translation>
    </message>
    <message>
        <source>Booking canceled</source>
        <translation>预约已取消</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>标记为爽约</translation>
    </message>
    <message>
        <source>No-show mark removed</source>
        <translation>已移除爽约标记</translation>
    </message>
    <message>
        <source>Unreadable message from Calendly</source>
        <translation>无法读取的 Calendly 消息</translation>
    </message>
    <message>
        <source>Sent a message again</source>
        <translation>重新发送了短信</translation>
    </message>
    <message>
        <source>Canceled a message</source>
        <translation>取消了短信</translation>
    </message>
    <message>
        <source>Sent a message now</source>
        <translation>立即发送了短信</translation>
    </message>
    <message>
        <source>Corrected a phone number</source>
        <translation>更正了电话号码</translation>
    </message>
    <message>
        <source>Stopped texts to a number</source>
        <translation>停止向某号码发送短信</translation>
    </message>
    <message>
        <source>Allowed texts to a number again</source>
        <translation>恢复向某号码发送短信</translation>
    </message>
    <message>
        <source>Paused all sending</source>
        <translation>暂停了全部发送</translation>
    </message>
    <message>
        <source>Resumed sending</source>
        <translation>恢复了发送</translation>
    </message>
    <message>
        <source>Sent a message from the desk</source>
        <translation>从前台发送了短信</translation>
    </message>
    <message>
        <source>Changed templates or rules</source>
        <translation>更改了模板或规则</translation>
    </message>
    <message>
        <source>Booking received: %1</source>
        <translation>收到预约：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Operator action</source>
        <translation>操作员操作</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two reasons</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <comment>date format: Thu 5 Nov, 14:00</comment>
        <translation>M月d日 ddd HH:mm</translation>
    </message>
    <message>
        <source>%n minute</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <source>%n minutes</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <source>%n hour</source>
        <translation>%n 小时</translation>
    </message>
    <message>
        <source>%n hours</source>
        <translation>%n 小时</translation>
    </message>
    <message>
        <source>%n day</source>
        <translation>%n 天</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n 天</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>hours, then minutes: 1 hour 30 minutes</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>booked too late</source>
        <translation>预约太晚</translation>
    </message>
    <message>
        <source>booked too late (quiet hours)</source>
        <translation>预约太晚（免打扰时段）</translation>
    </message>
    <message>
        <source>invalid phone</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>没有电话号码</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>已退订</translation>
    </message>
    <message>
        <source>booking canceled</source>
        <translation>预约已取消</translation>
    </message>
    <message>
        <source>booking rescheduled</source>
        <translation>预约已改期</translation>
    </message>
    <message>
        <source>meeting already started</source>
        <translation>预约已开始</translation>
    </message>
    <message>
        <source>meeting already over</source>
        <translation>预约已结束</translation>
    </message>
    <message>
        <source>marked as no-show</source>
        <translation>已标记为爽约</translation>
    </message>
    <message>
        <source>no-show mark removed</source>
        <translation>已移除爽约标记</translation>
    </message>
    <message>
        <source>meeting time unknown</source>
        <translation>预约时间未知</translation>
    </message>
    <message>
        <source>no template mapped</source>
        <translation>未指定模板</translation>
    </message>
    <message>
        <source>held for quiet hours</source>
        <translation>等待免打扰时段结束</translation>
    </message>
    <message>
        <source>missed: quiet hours last until the meeting</source>
        <translation>错过：免打扰时段一直持续到预约时间</translation>
    </message>
    <message>
        <source>missed: meeting started</source>
        <translation>错过：预约已开始</translation>
    </message>
    <message>
        <source>refused by the SMS provider</source>
        <translation>被短信服务商拒绝</translation>
    </message>
    <message>
        <source>maybe sent: no clear answer from the SMS provider; check before sending again</source>
        <translation>可能已发送：短信服务商没有明确答复，重发前请先核实</translation>
    </message>
    <message>
        <source>maybe sent: Deskbell stopped while sending it; check before sending again</source>
        <translation>可能已发送：Deskbell 在发送过程中停止了，重发前请先核实</translation>
    </message>
    <message>
        <source>rules changed</source>
        <translation>规则已更改</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <source>missed: %1 late</source>
        <translation>错过：晚了 %1</translation>
    </message>
    <message>
        <source>same time as the %1 reminder (quiet hours)</source>
        <translation>与提前 %1 的提醒时间相同（免打扰时段）</translation>
    </message>
    <message>
        <source>gave up after %1 attempts</source>
        <translation>尝试 %1 次后放弃</translation>
    </message>
    <message>
        <source>canceled by %1</source>
        <translation>由 %1 取消</translation>
    </message>
    <message>
        <source>send now, asked by %1</source>
        <translation>应 %1 要求立即发送</translation>
    </message>
    <message>
        <source>phone corrected by %1</source>
        <translation>由 %1 更正号码</translation>
    </message>
    <message>
        <source>delivery report: %1</source>
        <translation>送达报告：%1</translation>
    </message>
    <message>
        <source>same as booking event #%1; nothing changed</source>
        <translation>与预约事件 #%1 相同；没有变化</translation>
    </message>
    <message>
        <source>new booking: %1 planned, %2 not sent, %3 withdrawn</source>
        <translation>新预约：安排 %1 条，不发送 %2 条，撤回 %3 条</translation>
    </message>
    <message>
        <source>existing booking taken in: %1 planned, %2 not sent, %3 withdrawn</source>
        <translation>导入已有预约：安排 %1 条，不发送 %2 条，撤回 %3 条</translation>
    </message>
    <message>
        <source>rescheduled booking: %1 planned, %2 not sent, %3 withdrawn</source>
        <translation>改期的预约：安排 %1 条，不发送 %2 条，撤回 %3 条</translation>
    </message>
    <message>
        <source>canceled: %1 withdrawn, cancellation notice planned</source>
        <translation>已取消：撤回 %1 条，已安排取消通知</translation>
    </message>
    <message>
        <source>canceled: %1 withdrawn, no cancellation notice (off)</source>
        <translation>已取消：撤回 %1 条，不发送取消通知（已关闭）</translation>
    </message>
    <message>
        <source>rescheduled: %1 withdrawn</source>
        <translation>已改期：撤回 %1 条</translation>
    </message>
    <message>
        <source>no-show mark removed: %1 withdrawn</source>
        <translation>已移除爽约标记：撤回 %1 条</translation>
    </message>
    <message>
        <source>no-show: %1 withdrawn</source>
        <translation>爽约：撤回 %1 条</translation>
    </message>
    <message>
        <source>already canceled</source>
        <translation>此前已取消</translation>
    </message>
    <message>
        <source>already rescheduled: no cancellation text</source>
        <translation>已改期：不发送取消短信</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date format: Thursday 5 November 2026</comment>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy, HH:mm</source>
        <comment>date format: Thursday 5 November 2026, 14:00</comment>
        <translation>yyyy年M月d日 dddd HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>date format: Thu 5 Nov</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>确认短信</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>取消通知</translation>
    </message>
    <message>
        <source>Reschedule notice</source>
        <translation>改期通知</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒短信</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访短信</translation>
    </message>
    <message>
        <source>Host notification</source>
        <translation>负责人通知</translation>
    </message>
    <message>
        <source>Missed-you message</source>
        <translation>爽约问候短信</translation>
    </message>
    <message>
        <source>Message from the desk</source>
        <translation>前台短信</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>等待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
</context>
<context>
    <name>OperatorActions</name>
    <message>
        <source>The no-show mark was removed, so this message no longer fits.</source>
        <translation>爽约标记已移除，这条短信已不再适用。</translation>
    </message>
    <message>
        <source>This booking was canceled, so this message no longer fits.</source>
        <translation>此预约已取消，这条短信已不再适用。</translation>
    </message>
    <message>
        <source>This booking was moved to another time; send the messages of the new booking instead.</source>
        <translation>此预约已改到其他时间，请改为发送新预约的短信。</translation>
    </message>
    <message>
        <source>This booking is marked as a no-show, so this message no longer fits.</source>
        <translation>此预约已标记为爽约，这条短信已不再适用。</translation>
    </message>
    <message>
        <source>This message is being sent right now; wait for the result.</source>
        <translation>这条短信正在发送，请等待结果。</translation>
    </message>
    <message>
        <source>This message was already sent.</source>
        <translation>这条短信已发送。</translation>
    </message>
    <message>
        <source>This message could not be sent and is not waiting any more. Use &quot;Send again&quot; if it is still needed.</source>
        <translation>这条短信发送失败，已不在等待中。如仍需要，请使用“重新发送”。</translation>
    </message>
    <message>
        <source>This message may already have been sent, so it is not waiting any more. Check with the person before sending it again.</source>
        <translation>这条短信可能已发送，已不在等待中。重发前请先向对方核实。</translation>
    </message>
    <message>
        <source>This message was already canceled.</source>
        <translation>这条短信已取消。</translation>
    </message>
    <message>
        <source>This message was skipped and is not waiting any more.</source>
        <translation>这条短信已跳过，已不在等待中。</translation>
    </message>
    <message>
        <source>This message was skipped (%1) and is not waiting any more.</source>
        <translation>这条短信已跳过（%1），已不在等待中。</translation>
    </message>
    <message>
        <source>Nothing was changed: the database reported a problem (%1).</source>
        <translation>未做任何更改：数据库报告了问题（%1）。</translation>
    </message>
    <message>
        <source>This number has opted out of texts. Opt it back in first if the person agreed to get them again.</source>
        <translation>此号码已退订短信。如对方同意再次接收，请先恢复发送。</translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation>该短信已不存在。</translation>
    </message>
    <message>
        <source>This message has not been sent yet. Use &quot;Send now&quot; to send it at once.</source>
        <translation>这条短信尚未发送。请使用“立即发送”马上发出。</translation>
    </message>
    <message>
        <source>This booking has no valid phone number. Correct the number first, then send again.</source>
        <translation>此预约没有有效的电话号码。请先更正号码，再重新发送。</translation>
    </message>
    <message>
        <source>That number is not valid for %1: %2.</source>
        <translation>该号码对 %1 无效：%2。</translation>
    </message>
    <message>
        <source>That number is not valid: %1.</source>
        <translation>该号码无效：%1。</translation>
    </message>
    <message>
        <source>That booking is not in Deskbell any more.</source>
        <translation>该预约已不在 Deskbell 中。</translation>
    </message>
    <message>
        <source>That is not a valid international number (like +66812345678): %1.</source>
        <translation>这不是有效的国际号码（例如 +66812345678）：%1。</translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation>由 %1 暂停</translation>
    </message>
    <message>
        <source>Paused by %1: %2</source>
        <translation>由 %1 暂停：%2</translation>
    </message>
    <message>
        <source>Choose a message template first.</source>
        <translation>请先选择短信模板。</translation>
    </message>
    <message>
        <source>This booking has no valid phone number. Correct the number first.</source>
        <translation>此预约没有有效的电话号码。请先更正号码。</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>全选(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>升高(&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>降低(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>关闭且不保存</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>全是(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>全否(&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>复制链接地址(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RulesChange</name>
    <message>
        <source>Changes no planned message.</source>
        <translation>不会改变任何已安排的短信。</translation>
    </message>
    <message>
        <source>re-times %n message</source>
        <translation>重新安排 %n 条短信的时间</translation>
    </message>
    <message>
        <source>re-times %n messages</source>
        <translation>重新安排 %n 条短信的时间</translation>
    </message>
    <message>
        <source>adds %n message</source>
        <translation>新增 %n 条短信</translation>
    </message>
    <message>
        <source>adds %n messages</source>
        <translation>新增 %n 条短信</translation>
    </message>
    <message>
        <source>cancels %n message</source>
        <translation>取消 %n 条短信</translation>
    </message>
    <message>
        <source>cancels %n messages</source>
        <translation>取消 %n 条短信</translation>
    </message>
    <message>
        <source>changes the template of %n message</source>
        <translation>更换 %n 条短信的模板</translation>
    </message>
    <message>
        <source>changes the template of %n messages</source>
        <translation>更换 %n 条短信的模板</translation>
    </message>
    <message>
        <source>sends %n host notice to the new host number</source>
        <translation>将 %n 条负责人通知改发到新的负责人号码</translation>
    </message>
    <message>
        <source>sends %n host notices to the new host number</source>
        <translation>将 %n 条负责人通知改发到新的负责人号码</translation>
    </message>
    <message>
        <source>For %n meeting: </source>
        <translation>涉及 %n 个预约：</translation>
    </message>
    <message>
        <source>For %n meetings: </source>
        <translation>涉及 %n 个预约：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Deskbell shows the new language the next time it starts.</source>
        <translation>Deskbell 将在下次启动时使用新语言。</translation>
    </message>
</context>
<context>
    <name>deskbell::AboutDialog</name>
    <message>
        <source>This program</source>
        <translation>本程序</translation>
    </message>
    <message>
        <source>MIT licence</source>
        <translation>MIT 许可证</translation>
    </message>
    <message>
        <source>GNU Lesser General Public License, version 3</source>
        <translation>GNU 宽通用公共许可证第 3 版</translation>
    </message>
    <message>
        <source>GNU General Public License, version 3</source>
        <translation>GNU 通用公共许可证第 3 版</translation>
    </message>
    <message>
        <source>Keeping passwords and keys in the system keychain</source>
        <translation>在系统钥匙串中保存密码和密钥</translation>
    </message>
    <message>
        <source>BSD 2-clause licence</source>
        <translation>BSD 2 条款许可证</translation>
    </message>
    <message>
        <source>Text handling for libphonenumber</source>
        <translation>libphonenumber 的文本处理</translation>
    </message>
    <message>
        <source>MIT licence (Unicode, Inc.)</source>
        <translation>MIT 许可证（Unicode, Inc.）</translation>
    </message>
    <message>
        <source>Phone number metadata for libphonenumber</source>
        <translation>libphonenumber 的电话号码元数据</translation>
    </message>
    <message>
        <source>BSD 3-clause licence</source>
        <translation>BSD 3 条款许可证</translation>
    </message>
    <message>
        <source>Support code for libphonenumber</source>
        <translation>libphonenumber 的支持代码</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache 许可证 2.0</translation>
    </message>
    <message>
        <source>The database on this computer</source>
        <translation>本机上的数据库</translation>
    </message>
    <message>
        <source>Public domain</source>
        <translation>公有领域</translation>
    </message>
    <message>
        <source>About Deskbell</source>
        <translation>关于 Deskbell</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Running on Qt %1</source>
        <translation>运行于 Qt %1</translation>
    </message>
    <message>
        <source>Running on Qt %1 (built with Qt %2)</source>
        <translation>运行于 Qt %1（使用 Qt %2 构建）</translation>
    </message>
    <message>
        <source>Deskbell texts the people who book you on Calendly: a confirmation when they book, reminders before the meeting, a notice when they cancel or reschedule, and a follow-up afterwards. It sends through your EngageLab SMS account and keeps every booking and message on this computer.</source>
        <translation>Deskbell 给在 Calendly 上向您预约的人发送短信：预约时发送确认，预约前发送提醒，取消或改期时发送通知，结束后发送回访。短信通过您的 EngageLab 短信账户发送，所有预约和短信都保存在本机上。</translation>
    </message>
    <message>
        <source>Deskbell&apos;s own code is under the MIT licence. It is built with Qt HTTP Server, which is under the GNU General Public License version 3, so the program as a whole is distributed under the terms of that licence. Source code: %1</source>
        <translation>Deskbell 自身的代码采用 MIT 许可证。它使用了采用 GNU 通用公共许可证第 3 版的 Qt HTTP Server 构建，因此整个程序按该许可证的条款发布。源代码：%1</translation>
    </message>
    <message>
        <source>Deskbell is built with these libraries:</source>
        <translation>Deskbell 使用了以下库：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>%1 — %2
Home page: %3</source>
        <translation>%1 — %2
主页：%3</translation>
    </message>
    <message>
        <source>Windows, network, database access</source>
        <translation>窗口、网络、数据库访问</translation>
    </message>
    <message>
        <source>Receiving bookings from Calendly</source>
        <translation>从 Calendly 接收预约</translation>
    </message>
    <message>
        <source>Phone numbers of every country</source>
        <translation>各国电话号码</translation>
    </message>
    <message>
        <source>Apache License 2.0; small parts MIT-style and BSD 3-clause</source>
        <translation>Apache 许可证 2.0；少量部分为 MIT 式及 BSD 3 条款许可证</translation>
    </message>
</context>
<context>
    <name>deskbell::AccountConnector</name>
    <message>
        <source>the Calendly token</source>
        <translation>Calendly 令牌</translation>
    </message>
    <message>
        <source>the Calendly sign-in</source>
        <translation>Calendly 登录信息</translation>
    </message>
    <message>
        <source>the webhook signing key</source>
        <translation>Webhook 签名密钥</translation>
    </message>
    <message>
        <source>the EngageLab key</source>
        <translation>EngageLab 密钥</translation>
    </message>
    <message>
        <source>the EngageLab secret</source>
        <translation>EngageLab 密码</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the token was not saved. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>系统钥匙串已锁定或不可用，因此令牌未保存。请将其解锁（或登录桌面会话）后重试。</translation>
    </message>
    <message>
        <source>The system keychain could not save the token (%1). Nothing was saved; try again.</source>
        <translation>系统钥匙串无法保存令牌（%1）。未保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>Paste the Calendly token first.</source>
        <translation>请先粘贴 Calendly 令牌。</translation>
    </message>
    <message>
        <source>Calendly did not accept this token. Copy it again from Calendly → Integrations → API &amp; Webhooks.</source>
        <translation>Calendly 不接受此令牌。请从 Calendly → Integrations → API &amp; Webhooks 重新复制。</translation>
    </message>
    <message>
        <source>Calendly asks Deskbell to wait a moment. Try again in %1 seconds.</source>
        <translation>Calendly 要求 Deskbell 稍候。请在 %1 秒后重试。</translation>
    </message>
    <message>
        <source>Calendly did not answer within %1 seconds. Check the internet connection and try again.</source>
        <translation>Calendly 在 %1 秒内没有响应。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>Deskbell could not reach Calendly. Check the internet connection (and any proxy or firewall) and try again.</source>
        <translation>Deskbell 无法连接 Calendly。请检查网络连接（以及代理或防火墙）后重试。</translation>
    </message>
    <message>
        <source>Calendly has a problem on its side right now (error %1). Try again in a few minutes.</source>
        <translation>Calendly 方面目前出现问题（错误 %1）。请几分钟后重试。</translation>
    </message>
    <message>
        <source>Calendly gave an answer Deskbell did not expect (error %1). Check the Calendly address in the settings and try again.</source>
        <translation>Calendly 返回了 Deskbell 意料之外的答复（错误 %1）。请检查设置中的 Calendly 地址后重试。</translation>
    </message>
    <message>
        <source>Calendly gave an answer Deskbell could not read. Check the Calendly address in the settings and try again.</source>
        <translation>Calendly 返回了 Deskbell 无法读取的答复。请检查设置中的 Calendly 地址后重试。</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the Calendly details were not removed from this computer. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>系统钥匙串已锁定或不可用，因此 Calendly 信息未从本机删除。请将其解锁（或登录桌面会话）后重试。</translation>
    </message>
    <message>
        <source>The system keychain could not remove %1. Try again.</source>
        <translation>系统钥匙串无法删除%1。请重试。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>Deskbell&apos;s webhook subscription at Calendly could not be deleted: %1</source>
        <translation>无法删除 Deskbell 在 Calendly 的 Webhook 订阅：%1</translation>
    </message>
    <message>
        <source>Enter both the EngageLab key and the secret first.</source>
        <translation>请先填写 EngageLab 的密钥和密码。</translation>
    </message>
    <message>
        <source>EngageLab did not accept this key and secret. Copy both again from the EngageLab SMS console (API Key page).</source>
        <translation>EngageLab 不接受此密钥和密码。请从 EngageLab 短信控制台（API Key 页面）重新复制两者。</translation>
    </message>
    <message>
        <source>Deskbell could not check the EngageLab account (%1). Check the internet connection and try again.</source>
        <translation>Deskbell 无法检查 EngageLab 账户（%1）。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the EngageLab key and secret were not saved. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>系统钥匙串已锁定或不可用，因此 EngageLab 密钥和密码未保存。请将其解锁（或登录桌面会话）后重试。</translation>
    </message>
    <message>
        <source>The system keychain could not save the EngageLab key and secret (%1). Nothing was saved; try again.</source>
        <translation>系统钥匙串无法保存 EngageLab 密钥和密码（%1）。未保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so the EngageLab key and secret were not removed from this computer. Unlock it (or sign in to the desktop session) and try again.</source>
        <translation>系统钥匙串已锁定或不可用，因此 EngageLab 密钥和密码未从本机删除。请将其解锁（或登录桌面会话）后重试。</translation>
    </message>
</context>
<context>
    <name>deskbell::ActionDialog</name>
    <message>
        <source>Optional: why (kept in the log with your name)</source>
        <translation>可选：原因（会连同您的名字记入日志）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>That did not work, and nothing was changed.</source>
        <translation>操作未成功，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>deskbell::AdHocMessageDialog</name>
    <message>
        <source>Send a message</source>
        <translation>发送短信</translation>
    </message>
    <message>
        <source>Send %1 a text now, outside the planned messages. EngageLab only sends approved templates: choose one, and fill in every value it uses.</source>
        <translation>现在给%1发送一条计划外的短信。EngageLab 只发送已批准的模板：请选择一个，并填写它用到的每个值。</translation>
    </message>
    <message>
        <source>the invitee</source>
        <translation>预约人</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Template id, e.g. 1234567890123456789</source>
        <translation>模板编号，例如 1234567890123456789</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>Value name</source>
        <translation>值名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Add a value</source>
        <translation>添加值(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <translation>%1（%2）— %3</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>请选择模板。</translation>
    </message>
    <message>
        <source>No preview: this template is not in the list EngageLab gave us.</source>
        <translation>无法预览：此模板不在 EngageLab 提供的列表中。</translation>
    </message>
    <message>
        <source>Choose a template, or type its id.</source>
        <translation>请选择模板，或输入其编号。</translation>
    </message>
    <message>
        <source>Fill in every value the template uses: %1 is empty, and EngageLab would send the placeholder as it is.</source>
        <translation>请填写模板用到的每个值：%1 为空，EngageLab 会把占位符原样发出。</translation>
    </message>
</context>
<context>
    <name>deskbell::BookingSimulator</name>
    <message>
        <source>There is no listener address to send the simulated booking to.</source>
        <translation>没有可接收模拟预约的监听地址。</translation>
    </message>
    <message>
        <source>The listener sent an answer far larger than expected.</source>
        <translation>监听器返回的答复远大于预期。</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener did not answer within %1 seconds.</source>
        <translation>Deskbell 的监听器在 %1 秒内没有响应。</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener could not be reached (%1). Is it running?</source>
        <translation>无法连接 Deskbell 的监听器（%1）。它在运行吗？</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener refused the simulated booking&apos;s signature (%1): the signing key or this computer&apos;s clock is not what the listener expects.</source>
        <translation>Deskbell 的监听器拒绝了模拟预约的签名（%1）：签名密钥或本机时钟与监听器的预期不符。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener refused the simulated booking (error %1).</source>
        <translation>Deskbell 的监听器拒绝了模拟预约（错误 %1）。</translation>
    </message>
    <message>
        <source>Deskbell&apos;s listener refused the simulated booking (error %1: %2).</source>
        <translation>Deskbell 的监听器拒绝了模拟预约（错误 %1：%2）。</translation>
    </message>
</context>
<context>
    <name>deskbell::CalendlyOAuth</name>
    <message>
        <source>Sign in with Calendly is not set up in this copy of Deskbell (no app id). Use a personal access token instead.</source>
        <translation>此 Deskbell 未设置“使用 Calendly 登录”（没有应用编号）。请改用个人访问令牌。</translation>
    </message>
    <message>
        <source>Deskbell could not prepare the sign-in on this computer (%1). Try again.</source>
        <translation>Deskbell 无法在本机上准备登录（%1）。请重试。</translation>
    </message>
    <message>
        <source>Deskbell stopped waiting for the Calendly sign-in in the browser after %1 minutes. Start the sign-in again when you are ready.</source>
        <translation>Deskbell 等待浏览器中的 Calendly 登录 %1 分钟后已停止等待。准备好后请重新开始登录。</translation>
    </message>
    <message>
        <source>This request was too large.</source>
        <translation>此请求过大。</translation>
    </message>
    <message>
        <source>This request was not understood.</source>
        <translation>无法理解此请求。</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>这里什么也没有。</translation>
    </message>
    <message>
        <source>The sign-in did not complete. You can close this window and return to Deskbell.</source>
        <translation>登录未完成。您可以关闭此窗口并返回 Deskbell。</translation>
    </message>
    <message>
        <source>The answer from the browser did not belong to this sign-in, so Deskbell ignored it for safety. Start the sign-in again.</source>
        <translation>浏览器返回的答复不属于本次登录，出于安全考虑 Deskbell 已将其忽略。请重新开始登录。</translation>
    </message>
    <message>
        <source>The sign-in was cancelled in the browser, so Deskbell may not use this Calendly account. Start the sign-in again and choose to allow access.</source>
        <translation>登录已在浏览器中取消，因此 Deskbell 不能使用此 Calendly 账户。请重新开始登录并选择允许访问。</translation>
    </message>
    <message>
        <source>Calendly could not complete the sign-in (%1). Try again.</source>
        <translation>Calendly 无法完成登录（%1）。请重试。</translation>
    </message>
    <message>
        <source>The browser came back from Calendly without a sign-in code. Start the sign-in again.</source>
        <translation>浏览器从 Calendly 返回时没有登录代码。请重新开始登录。</translation>
    </message>
    <message>
        <source>Calendly sign-in received. You can close this window and return to Deskbell.</source>
        <translation>已收到 Calendly 登录。您可以关闭此窗口并返回 Deskbell。</translation>
    </message>
    <message>
        <source>There is no Calendly sign-in to renew. Sign in with Calendly again.</source>
        <translation>没有可续期的 Calendly 登录。请重新使用 Calendly 登录。</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service sent an answer far larger than expected. Try again later.</source>
        <translation>Calendly 的登录服务返回的答复远大于预期。请稍后重试。</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service did not answer within %1 seconds. Check the internet connection and try again.</source>
        <translation>Calendly 的登录服务在 %1 秒内没有响应。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>Deskbell could not reach Calendly&apos;s sign-in service. Check the internet connection and try again.</source>
        <translation>Deskbell 无法连接 Calendly 的登录服务。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service sent an answer Deskbell cannot use. Try again later.</source>
        <translation>Calendly 的登录服务返回了 Deskbell 无法使用的答复。请稍后重试。</translation>
    </message>
    <message>
        <source>Calendly does not recognise Deskbell&apos;s app id for signing in. Check the Calendly sign-in settings, or use a personal access token instead.</source>
        <translation>Calendly 不认识 Deskbell 用于登录的应用编号。请检查 Calendly 登录设置，或改用个人访问令牌。</translation>
    </message>
    <message>
        <source>Calendly no longer accepts the saved sign-in. Sign in with Calendly again.</source>
        <translation>Calendly 已不再接受保存的登录。请重新使用 Calendly 登录。</translation>
    </message>
    <message>
        <source>Calendly refused the sign-in (it may have taken too long, or been used already). Start the sign-in again.</source>
        <translation>Calendly 拒绝了登录（可能耗时太久，或已被使用过）。请重新开始登录。</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service has a problem on its side right now (error %1). Try again in a few minutes.</source>
        <translation>Calendly 的登录服务目前出现问题（错误 %1）。请几分钟后重试。</translation>
    </message>
    <message>
        <source>Calendly&apos;s sign-in service refused the request (error %1). Try again, or use a personal access token instead.</source>
        <translation>Calendly 的登录服务拒绝了请求（错误 %1）。请重试，或改用个人访问令牌。</translation>
    </message>
</context>
<context>
    <name>deskbell::ConnectDialog</name>
    <message>
        <source>Connect accounts</source>
        <translation>连接账户</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
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
        <translation>预约如何到达</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙盒模式</translation>
    </message>
    <message>
        <source>A made-up booking for Somchai Jaidee arrived and its messages were planned. See them under Upcoming; in Sandbox they are marked &quot;not really sent&quot;.</source>
        <translation>王小明的模拟预约已到达，其短信已安排好。请在“近期预约”中查看；在沙盒模式中它们会标为“未真正发送”。</translation>
    </message>
    <message>
        <source>The simulated booking did not go through: %1</source>
        <translation>模拟预约未能完成：%1</translation>
    </message>
    <message>
        <source>Welcome to Deskbell</source>
        <translation>欢迎使用 Deskbell</translation>
    </message>
    <message>
        <source>Deskbell texts the people who book with you: a confirmation, reminders before the meeting, and a note when plans change. Start with one of these:</source>
        <translation>Deskbell 给向您预约的人发送短信：确认短信、预约前的提醒，以及安排变化时的通知。请从以下任一项开始：</translation>
    </message>
    <message>
        <source>Connect &amp;Calendly</source>
        <translation>连接 Calendly(&amp;C)</translation>
    </message>
    <message>
        <source>Deskbell reads your bookings from Calendly to know whom to text and when.</source>
        <translation>Deskbell 从 Calendly 读取您的预约，以便知道给谁、在何时发送短信。</translation>
    </message>
    <message>
        <source>Connect &amp;EngageLab</source>
        <translation>连接 EngageLab(&amp;E)</translation>
    </message>
    <message>
        <source>EngageLab sends the text messages, using the templates it has approved.</source>
        <translation>EngageLab 负责发送短信，使用其已批准的模板。</translation>
    </message>
    <message>
        <source>Try it in &amp;Sandbox</source>
        <translation>在沙盒模式中试用(&amp;S)</translation>
    </message>
    <message>
        <source>See what Deskbell would send with a made-up booking; nothing is really sent.</source>
        <translation>用一个模拟预约查看 Deskbell 会发送什么；不会真正发送任何短信。</translation>
    </message>
    <message>
        <source>Sign in to Calendly in your browser and allow Deskbell to read your bookings. Deskbell never sees your password.</source>
        <translation>在浏览器中登录 Calendly，并允许 Deskbell 读取您的预约。Deskbell 永远看不到您的密码。</translation>
    </message>
    <message>
        <source>Sign &amp;in with Calendly</source>
        <translation>使用 Calendly 登录(&amp;I)</translation>
    </message>
    <message>
        <source>Use a personal access &amp;token instead</source>
        <translation>改用个人访问令牌(&amp;T)</translation>
    </message>
    <message>
        <source>Paste a personal access token. To make one, open Calendly, go to Integrations &amp; apps → API and webhooks → Personal access tokens, and choose &quot;Generate new token&quot;. Give it these scopes: users:read, scheduled_events:read, webhooks:read and webhooks:write (to read your account and bookings, and to be told about new ones). Calendly shows the token only once.</source>
        <translation>粘贴个人访问令牌。创建方法：打开 Calendly，进入 Integrations &amp; apps → API and webhooks → Personal access tokens，选择“Generate new token”。授予以下权限范围：users:read、scheduled_events:read、webhooks:read 和 webhooks:write（用于读取您的账户和预约，并在有新预约时收到通知）。Calendly 只显示一次令牌。</translation>
    </message>
    <message>
        <source>eyJraWQiOi…</source>
        <translation>eyJraWQiOi…</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>访问令牌(&amp;K)：</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <source>Ask Calendly whose token this is, without saving it</source>
        <translation>向 Calendly 查询此令牌属于谁，但不保存</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Check the token and keep it in this computer&apos;s keychain</source>
        <translation>检查令牌并保存在本机的钥匙串中</translation>
    </message>
    <message>
        <source>&amp;Disconnect Calendly…</source>
        <translation>断开 Calendly(&amp;D)…</translation>
    </message>
    <message>
        <source>EngageLab sends the texts. In the EngageLab SMS console, open API Key and copy the dev key and the dev secret into the fields below.</source>
        <translation>EngageLab 负责发送短信。在 EngageLab 短信控制台中打开 API Key 页面，把 dev key 和 dev secret 复制到下面的输入框。</translation>
    </message>
    <message>
        <source>Dev &amp;key:</source>
        <translation>密钥 (dev key)(&amp;K)：</translation>
    </message>
    <message>
        <source>Dev s&amp;ecret:</source>
        <translation>密码 (dev secret)(&amp;E)：</translation>
    </message>
    <message>
        <source>Send real texts with EngageLab once connected (otherwise Deskbell stays in Sandbox and sends nothing)</source>
        <translation>连接后通过 EngageLab 发送真实短信（否则 Deskbell 保持沙盒模式，不发送任何短信）</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>检查(&amp;K)</translation>
    </message>
    <message>
        <source>List the account&apos;s templates with these credentials, without saving them</source>
        <translation>用这些凭据列出账户的模板，但不保存</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>连接(&amp;N)</translation>
    </message>
    <message>
        <source>Check the credentials and keep them in this computer&apos;s keychain</source>
        <translation>检查凭据并保存在本机的钥匙串中</translation>
    </message>
    <message>
        <source>Disconnect Engage&amp;Lab…</source>
        <translation>断开 EngageLab(&amp;L)…</translation>
    </message>
    <message>
        <source>How bookings reach Deskbell</source>
        <translation>预约如何到达 Deskbell</translation>
    </message>
    <message>
        <source>&amp;Webhook: instant</source>
        <translation>实时推送：即时(&amp;W)</translation>
    </message>
    <message>
        <source>Calendly tells Deskbell the moment someone books. It needs a public address that reaches this computer: a tunnel (such as cloudflared or ngrok) or a reverse proxy.</source>
        <translation>有人预约时 Calendly 会立即通知 Deskbell。这需要一个能到达本机的公网地址：隧道（如 cloudflared 或 ngrok）或反向代理。</translation>
    </message>
    <message>
        <source>&amp;Poll: works anywhere</source>
        <translation>定时查询：任何地方都可用(&amp;P)</translation>
    </message>
    <message>
        <source>H&amp;ybrid: both</source>
        <translation>两者兼用(&amp;Y)</translation>
    </message>
    <message>
        <source>Webhooks for speed, and a check every 5 minutes that catches anything a webhook missed, for example while this computer was off. Needs the public address too.</source>
        <translation>用实时推送保证速度，再每 5 分钟查询一次，补上推送遗漏的预约（例如本机关机期间）。同样需要公网地址。</translation>
    </message>
    <message>
        <source>https://your-tunnel.example.com/webhooks/calendly</source>
        <translation>https://your-tunnel.example.com/webhooks/calendly</translation>
    </message>
    <message>
        <source>Public &amp;address:</source>
        <translation>公网地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the public address</source>
        <translation>复制公网地址</translation>
    </message>
    <message>
        <source>The https address your tunnel or proxy gives, ending in /webhooks/calendly. Calendly sends bookings there.</source>
        <translation>隧道或代理提供的 https 地址，以 /webhooks/calendly 结尾。Calendly 会把预约发送到那里。</translation>
    </message>
    <message>
        <source>&amp;Local address:</source>
        <translation>本机地址(&amp;L)：</translation>
    </message>
    <message>
        <source>Copy the local address</source>
        <translation>复制本机地址</translation>
    </message>
    <message>
        <source>Where Deskbell listens on this computer: point the tunnel or proxy here (for example: cloudflared tunnel --url &lt;this address&gt;).</source>
        <translation>Deskbell 在本机上的监听地址：把隧道或代理指向这里（例如：cloudflared tunnel --url &lt;此地址&gt;）。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>In Sandbox, Deskbell does everything except send: bookings are read, messages are planned, &quot;sent&quot; on time and logged, but no text leaves this computer. Use it to try your rules and templates.</source>
        <translation>在沙盒模式中，Deskbell 除了发送之外什么都做：读取预约、安排短信、按时“发送”并记录，但不会有任何短信离开本机。可用来试验您的规则和模板。</translation>
    </message>
    <message>
        <source>A simulated booking is a made-up appointment a few hours from now, sent to Deskbell the way Calendly would send it.</source>
        <translation>模拟预约是几小时后的一个虚构预约，按 Calendly 的方式发送给 Deskbell。</translation>
    </message>
    <message>
        <source>Si&amp;mulate a booking</source>
        <translation>模拟一个预约(&amp;M)</translation>
    </message>
    <message>
        <source>Connected as %1.</source>
        <translation>已连接为 %1。</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>尚未连接。</translation>
    </message>
    <message>
        <source>Connected: Deskbell sends real texts with EngageLab.</source>
        <translation>已连接：Deskbell 通过 EngageLab 发送真实短信。</translation>
    </message>
    <message>
        <source>EngageLab is not sending: %1</source>
        <translation>EngageLab 未在发送：%1</translation>
    </message>
    <message>
        <source>Sending is in Sandbox: nothing is really sent.</source>
        <translation>发送处于沙盒模式：不会真正发送任何短信。</translation>
    </message>
    <message>
        <source>Deskbell is in Sandbox now.</source>
        <translation>Deskbell 现在处于沙盒模式。</translation>
    </message>
    <message>
        <source>Deskbell sends real texts now, so a simulated booking is not possible. Switch to Sandbox in the settings to try things out.</source>
        <translation>Deskbell 现在发送真实短信，因此无法模拟预约。如需试用，请在设置中切换到沙盒模式。</translation>
    </message>
    <message>
        <source>(not listening: %1)</source>
        <translation>（未在监听：%1）</translation>
    </message>
    <message>
        <source>Deskbell asks Calendly for bookings every %1 seconds. No public address is needed; a booking shows up within that time.</source>
        <translation>Deskbell 每 %1 秒向 Calendly 查询一次预约。不需要公网地址；预约会在这段时间内出现。</translation>
    </message>
    <message>
        <source>Asking Calendly…</source>
        <translation>正在询问 Calendly…</translation>
    </message>
    <message>
        <source>This token does not work: %1</source>
        <translation>此令牌无效：%1</translation>
    </message>
    <message>
        <source>The token works. Account: %1.</source>
        <translation>令牌有效。账户：%1。</translation>
    </message>
    <message>
        <source>The token works. Account: %1, organization: %2.</source>
        <translation>令牌有效。账户：%1，组织：%2。</translation>
    </message>
    <message>
        <source>Deskbell is not running, so nothing can be checked.</source>
        <translation>Deskbell 未在运行，因此无法检查。</translation>
    </message>
    <message>
        <source>Checking the token and saving it…</source>
        <translation>正在检查并保存令牌…</translation>
    </message>
    <message>
        <source>Connected. The token is kept in this computer&apos;s keychain; Deskbell now reads your bookings.</source>
        <translation>已连接。令牌保存在本机的钥匙串中；Deskbell 现在会读取您的预约。</translation>
    </message>
    <message>
        <source>Deskbell is not running, so nothing can be saved.</source>
        <translation>Deskbell 未在运行，因此无法保存。</translation>
    </message>
    <message>
        <source>Disconnect Calendly? Deskbell stops reading new bookings, removes its webhook from Calendly and forgets the token. Messages already planned still go.</source>
        <translation>要断开 Calendly 吗？Deskbell 将停止读取新预约，从 Calendly 删除它的 Webhook，并忘记令牌。已安排的短信仍会发送。</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>正在断开…</translation>
    </message>
    <message>
        <source>Calendly is disconnected.</source>
        <translation>Calendly 已断开。</translation>
    </message>
    <message>
        <source>Calendly is disconnected, with a problem: %1</source>
        <translation>Calendly 已断开，但出现问题：%1</translation>
    </message>
    <message>
        <source>Deskbell is not running.</source>
        <translation>Deskbell 未在运行。</translation>
    </message>
    <message>
        <source>Opening Calendly in your browser…</source>
        <translation>正在浏览器中打开 Calendly…</translation>
    </message>
    <message>
        <source>Sign-in is not set up in this copy of Deskbell; use a token.</source>
        <translation>此 Deskbell 未设置登录；请使用令牌。</translation>
    </message>
    <message>
        <source>open the sign-in page</source>
        <translation>打开登录页面</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If it did not open, %1.</source>
        <translation>请在浏览器中完成登录。如果浏览器没有打开，请%1。</translation>
    </message>
    <message>
        <source>Your browser could not be opened: %1 yourself.</source>
        <translation>无法打开浏览器：请自行%1。</translation>
    </message>
    <message>
        <source>Signed in. Deskbell is connecting to Calendly…</source>
        <translation>已登录。Deskbell 正在连接 Calendly…</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>未登录：%1</translation>
    </message>
    <message>
        <source>Asking EngageLab…</source>
        <translation>正在询问 EngageLab…</translation>
    </message>
    <message>
        <source>These credentials do not work: %1</source>
        <translation>这些凭据无效：%1</translation>
    </message>
    <message>
        <source>The credentials work. Templates in the account: %1, of which approved: %2.</source>
        <translation>凭据有效。账户中有 %1 个模板，其中已批准 %2 个。</translation>
    </message>
    <message>
        <source>Checking the credentials and saving them…</source>
        <translation>正在检查并保存凭据…</translation>
    </message>
    <message>
        <source>EngageLab connected</source>
        <translation>EngageLab 已连接</translation>
    </message>
    <message>
        <source>The credentials are saved, but sending could not be switched to EngageLab: %1</source>
        <translation>凭据已保存，但无法把发送切换到 EngageLab：%1</translation>
    </message>
    <message>
        <source>Connected. The credentials are kept in this computer&apos;s keychain; Deskbell now sends real texts.</source>
        <translation>已连接。凭据保存在本机的钥匙串中；Deskbell 现在发送真实短信。</translation>
    </message>
    <message>
        <source>Connected. The credentials are kept in this computer&apos;s keychain; sending stays in Sandbox.</source>
        <translation>已连接。凭据保存在本机的钥匙串中；发送仍处于沙盒模式。</translation>
    </message>
    <message>
        <source>Disconnect EngageLab? Deskbell forgets the dev key and secret and cannot send texts until you connect again.</source>
        <translation>要断开 EngageLab 吗？Deskbell 将忘记密钥和密码，在您重新连接之前无法发送短信。</translation>
    </message>
    <message>
        <source>Disconnect Engage&amp;Lab</source>
        <translation>断开 EngageLab(&amp;L)</translation>
    </message>
    <message>
        <source>EngageLab is disconnected.</source>
        <translation>EngageLab 已断开。</translation>
    </message>
    <message>
        <source>EngageLab is disconnected, with a problem: %1</source>
        <translation>EngageLab 已断开，但出现问题：%1</translation>
    </message>
    <message>
        <source>A webhook needs the public address your tunnel or proxy gives. Enter it, or choose Poll.</source>
        <translation>实时推送需要隧道或代理提供的公网地址。请填写，或选择定时查询。</translation>
    </message>
    <message>
        <source>The public address must start with https:// (Calendly sends only there).</source>
        <translation>公网地址必须以 https:// 开头（Calendly 只发送到这样的地址）。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>connection mode changed</source>
        <translation>更改了连接方式</translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation>无法保存设置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Sending a made-up booking…</source>
        <translation>正在发送模拟预约…</translation>
    </message>
</context>
<context>
    <name>deskbell::CorrectPhoneDialog</name>
    <message>
        <source>Correct phone number</source>
        <translation>更正电话号码</translation>
    </message>
    <message>
        <source>Type the number %1 gave you. Waiting messages go to the new number; messages that were skipped for a missing or wrong number are planned again if their time has not passed.</source>
        <translation>输入%1提供的号码。等待中的短信将发往新号码；因缺少号码或号码错误而跳过的短信，如果时间未过，会重新安排。</translation>
    </message>
    <message>
        <source>the invitee</source>
        <translation>预约人</translation>
    </message>
    <message>
        <source>&amp;Save number</source>
        <translation>保存号码(&amp;S)</translation>
    </message>
    <message>
        <source>e.g. +66 81 234 5678, or 081 234 5678 for a local number</source>
        <translation>例如 +66 81 234 5678，或本地号码 081 234 5678</translation>
    </message>
    <message>
        <source>New &amp;number:</source>
        <translation>新号码(&amp;N)：</translation>
    </message>
    <message>
        <source>Type a phone number first.</source>
        <translation>请先输入电话号码。</translation>
    </message>
</context>
<context>
    <name>deskbell::DailyChart</name>
    <message>
        <source>Messages per day</source>
        <translation>每日短信数</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Maybe sent</source>
        <translation>可能已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>%1, messages: %2</source>
        <translation>%1，短信：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>暂无数据。</translation>
    </message>
    <message>
        <source>No messages in the last %1 days.</source>
        <translation>最近 %1 天没有短信。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>Messages in the last %1 days: %2 (%3). Busiest day: %4, with %5.</source>
        <translation>最近 %1 天的短信：%2（%3）。最多的一天：%4，共 %5 条。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format: 5 Nov</comment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>deskbell::DashboardWidget</name>
    <message>
        <source>Messages per day, last %1 days</source>
        <translation>每日短信数，最近 %1 天</translation>
    </message>
    <message>
        <source>Sending in the next hour</source>
        <translation>未来一小时内发送</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Messages sending in the next hour</source>
        <translation>未来一小时内要发送的短信</translation>
    </message>
    <message>
        <source>Nothing is due in the next hour.</source>
        <translation>未来一小时内没有要发送的短信。</translation>
    </message>
    <message>
        <source>No message was sent in the last %1 days.</source>
        <translation>最近 %1 天没有发送短信。</translation>
    </message>
    <message>
        <source>%1 accepted in %2 days, no delivery reports yet</source>
        <translation>%2 天内已受理 %1 条，暂无送达报告</translation>
    </message>
    <message>
        <source>%1% delivered of %2 accepted in %3 days</source>
        <translation>%3 天内已受理 %2 条，送达率 %1%</translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>无法读取统计数据：%1</translation>
    </message>
    <message>
        <source>Not delivered or failed: %1.</source>
        <translation>未送达或失败：%1。</translation>
    </message>
    <message>
        <source>No delivery report yet: %1.</source>
        <translation>尚无送达报告：%1。</translation>
    </message>
    <message>
        <source>Waiting to send: %1 · Failed (last 7 days): %2 · Maybe sent: %3 · Sent today: %4 · Meetings today: %5</source>
        <translation>等待发送：%1 · 发送失败（最近 7 天）：%2 · 可能已发送：%3 · 今日已发送：%4 · 今日预约：%5</translation>
    </message>
    <message>
        <source>%1, %2 before</source>
        <translation>%1，提前 %2</translation>
    </message>
    <message>
        <source>Host (about %1)</source>
        <translation>负责人（关于 %1）</translation>
    </message>
</context>
<context>
    <name>deskbell::Dispatcher</name>
    <message>
        <source>Sending could not start: %1</source>
        <translation>无法开始发送：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) may or may not have been sent: Deskbell stopped while sending them. They are marked &quot;maybe sent&quot; and will not be sent again on their own.</source>
        <translation>
            <numerusform>%n 条短信可能已发送也可能未发送：Deskbell 在发送过程中停止了。它们已标为“可能已发送”，不会自动再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>The message list could not be read: %1</source>
        <translation>无法读取短信列表：%1</translation>
    </message>
    <message>
        <source>A sending result could not be saved: %1</source>
        <translation>无法保存发送结果：%1</translation>
    </message>
    <message>
        <source>The SMS provider refused Deskbell&apos;s credentials (%1). Sending is paused until the account is connected again.</source>
        <translation>短信服务商拒绝了 Deskbell 的凭据（%1）。发送已暂停，直到重新连接账户。</translation>
    </message>
</context>
<context>
    <name>deskbell::DurationEdit</name>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>%1: amount</source>
        <translation>%1：数量</translation>
    </message>
    <message>
        <source>%1: unit</source>
        <translation>%1：单位</translation>
    </message>
</context>
<context>
    <name>deskbell::Engine</name>
    <message>
        <source>EngageLab is chosen for sending, but no EngageLab account is connected (%1). Messages wait until it is: open Connect accounts.</source>
        <translation>已选择 EngageLab 发送，但尚未连接 EngageLab 账户（%1）。短信会等到连接后再发送：请打开“连接账户”。</translation>
    </message>
    <message>
        <source>EngageLab is not connected</source>
        <translation>EngageLab 未连接</translation>
    </message>
    <message>
        <source>The system keychain is locked or not available, so Deskbell cannot read the Calendly connection. Unlock the keychain (sign in to the desktop session) and restart Deskbell.</source>
        <translation>系统钥匙串已锁定或不可用，因此 Deskbell 无法读取 Calendly 连接。请解锁钥匙串（登录桌面会话）并重启 Deskbell。</translation>
    </message>
    <message>
        <source>Calendly could not be read: %1</source>
        <translation>无法读取 Calendly：%1</translation>
    </message>
    <message>
        <source>Calendly could not be reached: %1</source>
        <translation>无法连接 Calendly：%1</translation>
    </message>
    <message>
        <source>The Calendly webhook could not be set up: %1. Polling still finds every booking, only later.</source>
        <translation>无法设置 Calendly 实时推送：%1。定时查询仍会找到每个预约，只是稍晚一些。</translation>
    </message>
    <message>
        <source>Sending waits until an SMS account is connected.</source>
        <translation>发送将等到连接短信账户后进行。</translation>
    </message>
    <message>
        <source>No database is open, so nothing can be changed.</source>
        <translation>没有打开数据库，因此无法做任何更改。</translation>
    </message>
    <message>
        <source>The settings could not be checked: %1</source>
        <translation>无法检查设置：%1</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>没有打开数据库。</translation>
    </message>
    <message>
        <source>The settings file could not be written: %1</source>
        <translation>无法写入设置文件：%1</translation>
    </message>
    <message>
        <source>The settings were saved, but planned messages could not be updated: %1</source>
        <translation>设置已保存，但无法更新已安排的短信：%1</translation>
    </message>
    <message>
        <source>EngageLab refused the credentials while listing templates. Open Connect accounts and enter them again.</source>
        <translation>EngageLab 在列出模板时拒绝了凭据。请打开“连接账户”重新输入。</translation>
    </message>
    <message>
        <source>Simulated bookings are for Sandbox only: with EngageLab they would send real texts.</source>
        <translation>模拟预约只能在沙盒模式中使用：使用 EngageLab 会发送真实短信。</translation>
    </message>
    <message>
        <source>The listener is not running, so there is nothing to send the booking to. %1</source>
        <translation>监听器未运行，因此没有地方可以发送预约。%1</translation>
    </message>
    <message>
        <source>Signed in to Calendly, but the keychain did not keep the sign-in (%1). Unlock the keychain and sign in again.</source>
        <translation>已登录 Calendly，但钥匙串没有保存登录信息（%1）。请解锁钥匙串后重新登录。</translation>
    </message>
    <message>
        <source>The Calendly sign-in has expired. Open Connect accounts and sign in again.</source>
        <translation>Calendly 登录已过期。请打开“连接账户”重新登录。</translation>
    </message>
    <message>
        <source>Calendly could not be reached to renew the sign-in: %1</source>
        <translation>无法连接 Calendly 续期登录：%1</translation>
    </message>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>Another Deskbell (process %1 on %2) is already using %3. Close it first: two copies on one database could send the same text twice.</source>
        <translation>另一个 Deskbell（%2 上的进程 %1）正在使用 %3。请先关闭它：两个程序共用一个数据库可能会把同一条短信发送两次。</translation>
    </message>
    <message>
        <source>Cannot create the lock file next to %1 (check the folder&apos;s permissions).</source>
        <translation>无法在 %1 旁创建锁文件（请检查文件夹权限）。</translation>
    </message>
    <message>
        <source>The listener is not started: it would accept unsigned bookings from the network (%1). Connect Calendly (which sets the signing key) or listen on 127.0.0.1.</source>
        <translation>监听器未启动：它会接受来自网络的未签名预约（%1）。请连接 Calendly（会设置签名密钥），或只在 127.0.0.1 上监听。</translation>
    </message>
    <message>
        <source>The webhook listener could not start: %1</source>
        <translation>无法启动 Webhook 监听器：%1</translation>
    </message>
    <message>
        <source>A Calendly webhook was created, but its signing key could not be kept (%1): webhooks will be refused until Calendly is connected again. Polling still finds every booking.</source>
        <translation>Calendly Webhook 已创建，但无法保存其签名密钥（%1）：在重新连接 Calendly 之前，推送会被拒绝。定时查询仍会找到每个预约。</translation>
    </message>
    <message>
        <source>(The system keychain did not answer in time when the database password was read.)</source>
        <translation>（读取数据库密码时，系统钥匙串未及时响应。）</translation>
    </message>
    <message>
        <source>(The database password could not be read from the system keychain: %1)</source>
        <translation>（无法从系统钥匙串读取数据库密码：%1）</translation>
    </message>
    <message>
        <source>The rules another desk saved in the shared database cannot be used on this desk (%1). This desk keeps planning with its own rules.</source>
        <translation>其他前台保存在共享数据库中的规则无法用于本前台（%1）。本前台继续按自己的规则安排短信。</translation>
    </message>
    <message>
        <source>The settings were saved on this desk, but the other desks on this database could not be given the new rules.</source>
        <translation>设置已在本前台保存，但无法把新规则提供给使用此数据库的其他前台。</translation>
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
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy, HH:mm:ss</source>
        <comment>date format: Thursday 5 November 2026, 14:00:05</comment>
        <translation>yyyy年M月d日 dddd HH:mm:ss</translation>
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
        <translation>在解决以下问题之前，Deskbell 无法安排短信：</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>&amp;Upcoming</source>
        <translation>近期预约(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Live log</source>
        <translation>实时日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Templates &amp;&amp; rules</source>
        <translation>模板和规则(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>概览(&amp;D)</translation>
    </message>
    <message>
        <source>Deskbell needs a look</source>
        <translation>Deskbell 需要您查看</translation>
    </message>
    <message numerus="yes">
        <source>%1
…and %n more</source>
        <translation>
            <numerusform>%1
…以及另外 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the data: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <source>Could not read the meetings: %1</source>
        <translation>无法读取预约：%1</translation>
    </message>
    <message>
        <source>Could not read the log: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n log line(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行日志导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the log to %1: %2</source>
        <translation>无法将日志导出到 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Resend…</source>
        <translation>重新发送(&amp;R)…</translation>
    </message>
    <message>
        <source>Send the selected message again</source>
        <translation>重新发送选中的短信</translation>
    </message>
    <message>
        <source>&amp;Cancel message…</source>
        <translation>取消短信(&amp;C)…</translation>
    </message>
    <message>
        <source>Stop the selected message from being sent</source>
        <translation>阻止发送选中的短信</translation>
    </message>
    <message>
        <source>Send &amp;now…</source>
        <translation>立即发送(&amp;N)…</translation>
    </message>
    <message>
        <source>Send the selected waiting message now, without waiting for its time</source>
        <translation>立即发送选中的等待中短信，不必等到预定时间</translation>
    </message>
    <message>
        <source>Correct &amp;phone number…</source>
        <translation>更正电话号码(&amp;P)…</translation>
    </message>
    <message>
        <source>Fix the selected meeting&apos;s phone number</source>
        <translation>更正选中预约的电话号码</translation>
    </message>
    <message>
        <source>Stop &amp;texts to this number…</source>
        <translation>停止向此号码发送短信(&amp;T)…</translation>
    </message>
    <message>
        <source>This person asked not to get texts: skip every message to their number</source>
        <translation>此人要求不再接收短信：跳过发往其号码的所有短信</translation>
    </message>
    <message>
        <source>&amp;Allow texts again…</source>
        <translation>恢复发送短信(&amp;A)…</translation>
    </message>
    <message>
        <source>This person wants texts again</source>
        <translation>此人希望重新接收短信</translation>
    </message>
    <message>
        <source>Send a &amp;message…</source>
        <translation>发送短信(&amp;M)…</translation>
    </message>
    <message>
        <source>Write a text to the selected meeting&apos;s invitee</source>
        <translation>给选中预约的预约人写短信</translation>
    </message>
    <message>
        <source>Show phone &amp;numbers</source>
        <translation>显示电话号码(&amp;N)</translation>
    </message>
    <message>
        <source>Show whole phone numbers instead of +66 8•• ••• 678</source>
        <translation>显示完整电话号码，而不是 +66 8•• ••• 678</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read everything again</source>
        <translation>重新读取全部数据</translation>
    </message>
    <message>
        <source>&amp;Export log as CSV…</source>
        <translation>将日志导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the live log, as filtered, for a spreadsheet</source>
        <translation>按当前筛选保存实时日志，供电子表格使用</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Search by name or phone number</source>
        <translation>按姓名或电话号码搜索</translation>
    </message>
    <message>
        <source>&amp;Connect accounts…</source>
        <translation>连接账户(&amp;C)…</translation>
    </message>
    <message>
        <source>Connect Calendly and EngageLab</source>
        <translation>连接 Calendly 和 EngageLab</translation>
    </message>
    <message>
        <source>Try a sample &amp;booking</source>
        <translation>试一个示例预约(&amp;B)</translation>
    </message>
    <message>
        <source>Sandbox: send a made-up booking through Deskbell to see what happens</source>
        <translation>沙盒模式：通过 Deskbell 发送一个模拟预约，看看会发生什么</translation>
    </message>
    <message>
        <source>A sample booking is on its way…</source>
        <translation>示例预约正在发送…</translation>
    </message>
    <message>
        <source>Keep running when the window is &amp;closed</source>
        <translation>关闭窗口后继续运行(&amp;C)</translation>
    </message>
    <message>
        <source>Start with the &amp;session</source>
        <translation>随登录启动(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>短信(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>到(&amp;O)</translation>
    </message>
    <message>
        <source>Search name, email or phone (Ctrl+F)</source>
        <translation>搜索姓名、邮箱或电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>No meetings in this range. New bookings appear here as they arrive.</source>
        <translation>此范围内没有预约。新预约到达后会显示在这里。</translation>
    </message>
    <message>
        <source>No meeting matches &quot;%1&quot; in this range.</source>
        <translation>此范围内没有与“%1”匹配的预约。</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n 个预约</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 shown; scroll for more)</source>
        <translation>（已显示 %1 个；滚动查看更多）</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Problems (failed, maybe sent, rejected)</source>
        <translation>问题（发送失败、可能已发送、被拒绝）</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Operator actions</source>
        <translation>操作员操作</translation>
    </message>
    <message>
        <source>Search name, phone or details (Ctrl+F)</source>
        <translation>搜索姓名、电话或详情（Ctrl+F）</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the meeting</source>
        <translation>双击或按 Enter 打开该预约</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so closing the window quits Deskbell.</source>
        <translation>此桌面没有系统托盘，因此关闭窗口即退出 Deskbell。</translation>
    </message>
    <message>
        <source>Show Deskbell</source>
        <translation>显示 Deskbell</translation>
    </message>
    <message>
        <source>A booking could not be used</source>
        <translation>有一个预约无法使用</translation>
    </message>
    <message>
        <source>A message failed</source>
        <translation>有短信发送失败</translation>
    </message>
    <message>
        <source>A text could not be sent. Open Deskbell to see why.</source>
        <translation>有短信无法发送。打开 Deskbell 查看原因。</translation>
    </message>
    <message>
        <source>A message may have been sent</source>
        <translation>有短信可能已发送</translation>
    </message>
    <message>
        <source>Deskbell lost contact while sending a text. Check it before resending.</source>
        <translation>Deskbell 在发送短信时失去了联系。重发前请先核实。</translation>
    </message>
    <message>
        <source>The sample booking arrived: see it under Upcoming and in the live log.</source>
        <translation>示例预约已到达：请在“近期预约”和实时日志中查看。</translation>
    </message>
    <message>
        <source>The sample booking did not arrive: %1</source>
        <translation>示例预约没有到达：%1</translation>
    </message>
    <message>
        <source>the invitee</source>
        <translation>预约人</translation>
    </message>
    <message>
        <source>Sending PAUSED — nothing will be sent</source>
        <translation>发送已暂停 — 不会发送任何短信</translation>
    </message>
    <message>
        <source>Click to resume sending (Ctrl+P)</source>
        <translation>点击恢复发送（Ctrl+P）</translation>
    </message>
    <message>
        <source>Sending is PAUSED: nothing will be sent until you resume.</source>
        <translation>发送已暂停：在您恢复之前不会发送任何短信。</translation>
    </message>
    <message>
        <source>Sending is PAUSED (%1): nothing will be sent until you resume.</source>
        <translation>发送已暂停（%1）：在您恢复之前不会发送任何短信。</translation>
    </message>
    <message>
        <source>Sending: ON</source>
        <translation>发送：开启</translation>
    </message>
    <message>
        <source>Click to pause all sending (Ctrl+P)</source>
        <translation>点击暂停全部发送（Ctrl+P）</translation>
    </message>
    <message>
        <source>Sending is on.</source>
        <translation>发送已开启。</translation>
    </message>
    <message>
        <source>Deskbell — sending paused</source>
        <translation>Deskbell — 发送已暂停</translation>
    </message>
    <message>
        <source>Deskbell lost contact with the SMS provider while sending this %1, so the first one may already have arrived.</source>
        <translation>Deskbell 在发送这条%1时与短信服务商失去了联系，第一条可能已经送达。</translation>
    </message>
    <message>
        <source>If you send it again, %1 may get it twice. Check with them first if you can.</source>
        <translation>如果重新发送，%1可能会收到两次。如有可能，请先向对方确认。</translation>
    </message>
    <message>
        <source>This %1 was already sent to %2.</source>
        <translation>这条%1已发送给 %2。</translation>
    </message>
    <message>
        <source>Sending it again means %1 gets it twice.</source>
        <translation>重新发送意味着%1会收到两次。</translation>
    </message>
    <message>
        <source>The %1 to %2 failed. Send it again now?</source>
        <translation>发给 %2 的%1发送失败。现在重新发送吗？</translation>
    </message>
    <message>
        <source>The %1 to %2 was not sent (%3). Send it now?</source>
        <translation>发给 %2 的%1未发送（%3）。现在发送吗？</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>重新发送(&amp;S)</translation>
    </message>
    <message>
        <source>Sent again: a new message is on its way to %1.</source>
        <translation>已重新发送：一条新短信正发往 %1。</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>取消短信</translation>
    </message>
    <message>
        <source>The %1 to %2 due %3 will not be sent. You can send it again later if needed.</source>
        <translation>原定 %3 发给 %2 的%1将不会发送。如有需要，之后可以重新发送。</translation>
    </message>
    <message>
        <source>&amp;Cancel the message</source>
        <translation>取消这条短信(&amp;C)</translation>
    </message>
    <message>
        <source>Canceled: that message will not be sent.</source>
        <translation>已取消：该短信不会发送。</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Send the %1 to %2 now instead of at %3?</source>
        <translation>现在就把%1发给 %2，而不是在 %3 发送吗？</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>立即发送(&amp;N)</translation>
    </message>
    <message>
        <source>Sending is paused: it goes out when you resume.</source>
        <translation>发送已暂停：恢复后才会发出。</translation>
    </message>
    <message>
        <source>The message goes out now.</source>
        <translation>短信现在就发出。</translation>
    </message>
    <message>
        <source>Phone number saved. Waiting messages go to the new number.</source>
        <translation>电话号码已保存。等待中的短信将发往新号码。</translation>
    </message>
    <message>
        <source>Stop texts to this number</source>
        <translation>停止向此号码发送短信</translation>
    </message>
    <message>
        <source>No more texts go to %1 (%2): waiting messages are skipped, and so are those of future bookings, until someone allows texts again.</source>
        <translation>不再向 %1（%2）发送短信：等待中的短信以及今后预约的短信都会被跳过，直到有人恢复发送。</translation>
    </message>
    <message>
        <source>&amp;Stop texts</source>
        <translation>停止发送(&amp;S)</translation>
    </message>
    <message>
        <source>Allow texts again</source>
        <translation>恢复发送短信</translation>
    </message>
    <message>
        <source>Texts to %1 (%2) are allowed again from now on. Messages skipped meanwhile stay skipped; you can send them again one by one.</source>
        <translation>从现在起恢复向 %1（%2）发送短信。期间跳过的短信仍保持跳过；您可以逐条重新发送。</translation>
    </message>
    <message>
        <source>&amp;Allow texts</source>
        <translation>恢复发送(&amp;A)</translation>
    </message>
    <message>
        <source>No more texts go to that number.</source>
        <translation>不再向该号码发送短信。</translation>
    </message>
    <message>
        <source>Texts to that number are allowed again.</source>
        <translation>已恢复向该号码发送短信。</translation>
    </message>
    <message>
        <source>Your message is on its way to %1.</source>
        <translation>您的短信正发往 %1。</translation>
    </message>
    <message>
        <source>Sending is paused. Nothing will be sent until you resume.</source>
        <translation>发送已暂停。在您恢复之前不会发送任何短信。</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>恢复发送</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are waiting. Those whose time has come go out right away.</source>
        <translation>
            <numerusform>有 %n 条短信在等待。已到时间的会立即发出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages go out again at their planned times.</source>
        <translation>短信将按计划时间重新发出。</translation>
    </message>
    <message>
        <source>&amp;Resume sending</source>
        <translation>恢复发送(&amp;R)</translation>
    </message>
    <message>
        <source>Sending is on again.</source>
        <translation>已恢复发送。</translation>
    </message>
    <message>
        <source>deskbell-log-%1.csv</source>
        <translation>deskbell-log-%1.csv</translation>
    </message>
    <message>
        <source>Export the live log</source>
        <translation>导出实时日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the log…</source>
        <translation>正在导出日志…</translation>
    </message>
    <message>
        <source>Deskbell is still running</source>
        <translation>Deskbell 仍在运行</translation>
    </message>
    <message>
        <source>It keeps sending confirmations and reminders. Click this icon to open it, or choose Quit from its menu to stop Deskbell.</source>
        <translation>它会继续发送确认和提醒短信。点击此图标打开，或从其菜单中选择“退出”来停止 Deskbell。</translation>
    </message>
    <message>
        <source>&amp;About Deskbell…</source>
        <translation>关于 Deskbell(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>date format: Thu 5 Nov 2026</comment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙盒模式</translation>
    </message>
    <message>
        <source>%1 (Sandbox)</source>
        <translation>%1（沙盒模式）</translation>
    </message>
    <message>
        <source>%1 — Deskbell</source>
        <translation>%1 — Deskbell</translation>
    </message>
    <message>
        <source>Shared store: live</source>
        <translation>共享数据库：实时同步中</translation>
    </message>
    <message>
        <source>Changes made at other desks show here within seconds.</source>
        <translation>其他前台所做的更改会在几秒内显示在这里。</translation>
    </message>
    <message>
        <source>Shared store: connection lost</source>
        <translation>共享数据库：连接已断开</translation>
    </message>
    <message>
        <source>S&amp;hared store…</source>
        <translation>共享数据库(&amp;H)…</translation>
    </message>
    <message>
        <source>Work on a PostgreSQL store shared by several desks</source>
        <translation>使用多个前台共用的数据库</translation>
    </message>
</context>
<context>
    <name>deskbell::MeetingDetail</name>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Select a meeting to see its details and messages.</source>
        <translation>选择一个预约查看其详情和短信。</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the whole number for this meeting</source>
        <translation>显示此预约的完整号码</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>预约：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>%1, %2–%3 at the desk (%4)</source>
        <translation>%1，%2–%3（前台时间，%4）</translation>
    </message>
    <message>
        <source>%1, %2 for them (%3)</source>
        <translation>%1，%2（对方时间，%3）</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1，与 %2</translation>
    </message>
    <message>
        <source>No phone number was given, so no text can be sent.</source>
        <translation>没有提供电话号码，因此无法发送短信。</translation>
    </message>
    <message>
        <source>%1 — not a valid number: no text can be sent until it is corrected</source>
        <translation>%1 — 号码无效：更正之前无法发送短信</translation>
    </message>
    <message>
        <source>%1 (corrected at the desk)</source>
        <translation>%1（已在前台更正）</translation>
    </message>
    <message>
        <source>Select a message to see what happened to it.</source>
        <translation>选择一条短信查看它的情况。</translation>
    </message>
    <message>
        <source>No messages are planned for this meeting.</source>
        <translation>此预约没有安排短信。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Deskbell lost contact while sending this one: it may have arrived. Check with the person before sending it again.</source>
        <translation>Deskbell 在发送这条短信时失去了联系：它可能已经送达。重发前请先向对方核实。</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>发送时间：%1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>发给：%1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>尝试次数：%1</translation>
    </message>
    <message>
        <source>Next try: %1</source>
        <translation>下次尝试：%1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Handed to the provider: %1</source>
        <translation>交给服务商的时间：%1</translation>
    </message>
    <message>
        <source>Provider message id: %1</source>
        <translation>服务商短信编号：%1</translation>
    </message>
    <message>
        <source>Delivery: %1%2 (%3)</source>
        <translation>送达情况：%1%2（%3）</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>, code %1</source>
        <translation>，代码 %1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>date format: Thursday 5 November</comment>
        <translation>M月d日 dddd</translation>
    </message>
</context>
<context>
    <name>deskbell::ReminderOffsetsEditor</name>
    <message>
        <source>Add a reminder</source>
        <translation>添加提醒</translation>
    </message>
    <message>
        <source>before the meeting</source>
        <translation>预约前</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Reminder %1</source>
        <translation>提醒 %1</translation>
    </message>
    <message>
        <source>Remove reminder %1</source>
        <translation>删除提醒 %1</translation>
    </message>
</context>
<context>
    <name>deskbell::RulesSaveDialog</name>
    <message>
        <source>Save the rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>The new rules apply to bookings from now on.</source>
        <translation>新规则将从现在起用于预约。</translation>
    </message>
    <message>
        <source>Saving changes the messages already planned:</source>
        <translation>保存会更改已安排的短信：</translation>
    </message>
    <message>
        <source>Messages already sent, failed, or written by hand are not changed.</source>
        <translation>已发送、发送失败或手写的短信不会更改。</translation>
    </message>
    <message>
        <source>Optional, kept in the history</source>
        <translation>可选，会记入历史</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>deskbell::SingleInstance</name>
    <message>
        <source>Could not create %1, so nothing stops Deskbell from being opened twice.</source>
        <translation>无法创建 %1，因此无法防止 Deskbell 被打开两次。</translation>
    </message>
    <message>
        <source>Deskbell is already open but does not answer. If it is not running, delete %1 and start it again.</source>
        <translation>Deskbell 已经打开但没有响应。如果它并未运行，请删除 %1 后重新启动。</translation>
    </message>
    <message>
        <source>Could not listen on %1 (%2), so nothing stops Deskbell from being opened twice.</source>
        <translation>无法在 %1 上监听（%2），因此无法防止 Deskbell 被打开两次。</translation>
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
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Copy the address Deskbell listens on</source>
        <translation>复制 Deskbell 监听的地址</translation>
    </message>
    <message>
        <source>Copy public address</source>
        <translation>复制公网地址</translation>
    </message>
    <message>
        <source>Copy the address Calendly sends bookings to</source>
        <translation>复制 Calendly 发送预约的地址</translation>
    </message>
    <message>
        <source>Receiving bookings</source>
        <translation>接收预约</translation>
    </message>
    <message>
        <source>Sending texts</source>
        <translation>发送短信</translation>
    </message>
    <message>
        <source>Show the waiting messages in the live log</source>
        <translation>在实时日志中显示等待中的短信</translation>
    </message>
    <message>
        <source>Show the failed messages in the live log</source>
        <translation>在实时日志中显示发送失败的短信</translation>
    </message>
    <message>
        <source>Show the messages that may have been sent in the live log</source>
        <translation>在实时日志中显示可能已发送的短信</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Connect accounts…</source>
        <translation>连接账户…</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 条等待</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 条失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maybe sent</source>
        <translation>
            <numerusform>%n 条可能已发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Today: %1, %2</source>
        <translation>今天：%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>已发送 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n 个预约</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Not connected: no bookings arrive. Open Connect accounts.</source>
        <translation>未连接：不会收到预约。请打开“连接账户”。</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>已连接为 %1</translation>
    </message>
    <message>
        <source>Bookings arrive as they are made.</source>
        <translation>预约一产生就会到达。</translation>
    </message>
    <message>
        <source>Waiting for the webhook to be set up.</source>
        <translation>正在等待设置实时推送。</translation>
    </message>
    <message>
        <source>Deskbell checks Calendly every few minutes.</source>
        <translation>Deskbell 每隔几分钟检查一次 Calendly。</translation>
    </message>
    <message>
        <source>Bookings arrive as they are made, with regular checks.</source>
        <translation>预约一产生就会到达，并定期检查。</translation>
    </message>
    <message>
        <source>Checked Calendly %1</source>
        <translation>%1检查了 Calendly</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Listening at %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>Not listening for Calendly.</source>
        <translation>未在监听 Calendly。</translation>
    </message>
    <message>
        <source>No public address set: Calendly cannot send here directly.</source>
        <translation>未设置公网地址：Calendly 无法直接发送到这里。</translation>
    </message>
    <message>
        <source>Calendly sends to %1</source>
        <translation>Calendly 发送到 %1</translation>
    </message>
    <message>
        <source>PAUSED — nothing will be sent.</source>
        <translation>已暂停 — 不会发送任何短信。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Not connected: nothing can be sent. Open Connect accounts.</source>
        <translation>未连接：无法发送任何短信。请打开“连接账户”。</translation>
    </message>
    <message>
        <source>Sandbox: messages are not really sent.</source>
        <translation>沙盒模式：短信不会真正发送。</translation>
    </message>
    <message>
        <source>Through EngageLab, once resumed.</source>
        <translation>恢复后通过 EngageLab 发送。</translation>
    </message>
    <message>
        <source>Sending through EngageLab.</source>
        <translation>正在通过 EngageLab 发送。</translation>
    </message>
    <message>
        <source>Sending through %1.</source>
        <translation>正在通过 %1 发送。</translation>
    </message>
    <message>
        <source>The database is not open, so nothing can be shown or sent. %1</source>
        <translation>数据库没有打开，因此无法显示或发送任何内容。%1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置：%1</translation>
    </message>
</context>
<context>
    <name>deskbell::StoreDialog</name>
    <message>
        <source>Shared store</source>
        <translation>共享数据库</translation>
    </message>
    <message>
        <source>Several desks can work on one PostgreSQL database: each sees the others&apos; changes within seconds. The password is kept in the system keychain, never in the settings file.</source>
        <translation>多个前台可以共用一个 PostgreSQL 数据库：每个前台都能在几秒内看到其他前台的更改。密码保存在系统钥匙串中，绝不会写入设置文件。</translation>
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
        <translation>默认 (prefer)</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Schema:</source>
        <translation>模式(&amp;S)：</translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation>SSL 模式(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy this desk&apos;s data into the shared store (it must be empty). Deskbell stops sending while it copies, then restarts.</source>
        <translation>将本前台的数据复制到共享数据库（共享数据库必须为空）。复制期间 Deskbell 会停止发送，然后自动重启。(&amp;C)</translation>
    </message>
    <message>
        <source>Name the database first.</source>
        <translation>请先填写数据库名称。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Saving the password in the keychain…</source>
        <translation>正在将密码保存到钥匙串…</translation>
    </message>
    <message>
        <source>The password could not be saved: %1</source>
        <translation>无法保存密码：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <source>Saved. Deskbell uses the shared store after a restart.</source>
        <translation>已保存。Deskbell 重启后将使用共享数据库。</translation>
    </message>
    <message>
        <source>Stopping this desk&apos;s sending, then copying its data…</source>
        <translation>正在停止本前台的发送，然后复制其数据…</translation>
    </message>
    <message>
        <source>Nothing was copied, and this desk keeps its own data: %1</source>
        <translation>未复制任何数据，本前台继续使用自己的数据：%1</translation>
    </message>
    <message>
        <source>Nothing was copied: %1
Restart Deskbell to go on working with this desk&apos;s own data.</source>
        <translation>未复制任何数据：%1
请重启 Deskbell，继续使用本前台自己的数据。</translation>
    </message>
    <message>
        <source>The data was copied, but the settings could not be saved: %1</source>
        <translation>数据已复制，但无法保存设置：%1</translation>
    </message>
    <message numerus="yes">
        <source>Copied and checked %n row(s). Deskbell uses the shared store after a restart.</source>
        <translation>
            <numerusform>已复制并核对 %n 行数据。Deskbell 重启后将使用共享数据库。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>立即重启(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>Shared store: Deskbell restarts when this closes</source>
        <translation>共享数据库：关闭此窗口后 Deskbell 将重启</translation>
    </message>
</context>
<context>
    <name>deskbell::TemplatesRulesEditor</name>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Forget the changes made here since the last save</source>
        <translation>放弃自上次保存以来在这里所做的更改</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Messages and their templates</source>
        <translation>短信及其模板</translation>
    </message>
    <message>
        <source>Each kind of message is sent with an EngageLab template. EngageLab sends only approved templates; Deskbell fills in the variables.</source>
        <translation>每种短信都使用一个 EngageLab 模板发送。EngageLab 只发送已批准的模板；变量由 Deskbell 填写。</translation>
    </message>
    <message>
        <source>&amp;Messages:</source>
        <translation>短信(&amp;M)：</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Off: not sent</source>
        <translation>关闭：不发送</translation>
    </message>
    <message>
        <source>Template for the %1</source>
        <translation>%1的模板</translation>
    </message>
    <message>
        <source>Choose one of your EngageLab templates, or type its id. Empty: this message is not sent.</source>
        <translation>从您的 EngageLab 模板中选择一个，或输入其编号。留空：不发送此短信。</translation>
    </message>
    <message>
        <source>Variables in the template and where their values come from:</source>
        <translation>模板中的变量及其取值来源：</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value comes from</source>
        <translation>取值来源</translation>
    </message>
    <message>
        <source>Variables of the template</source>
        <translation>模板的变量</translation>
    </message>
    <message>
        <source>Preview &amp;with:</source>
        <translation>预览使用(&amp;W)：</translation>
    </message>
    <message>
        <source>Preview of the message</source>
        <translation>短信预览</translation>
    </message>
    <message>
        <source>When messages go</source>
        <translation>短信何时发送</translation>
    </message>
    <message>
        <source>&amp;Reminders:</source>
        <translation>提醒(&amp;R)：</translation>
    </message>
    <message>
        <source>Hold reminders between</source>
        <translation>在以下时间之间暂缓提醒</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>免打扰开始</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>免打扰结束</translation>
    </message>
    <message>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Quiet hours:</source>
        <translation>免打扰时段(&amp;Q)：</translation>
    </message>
    <message>
        <source>In the invitee&apos;s own time; a reminder due then waits until the end.</source>
        <translation>按预约人当地时间；落在此时段的提醒会等到时段结束。</translation>
    </message>
    <message>
        <source>e.g. +66 81 234 5678; empty: no texts to the host</source>
        <translation>例如 +66 81 234 5678；留空：不给负责人发短信</translation>
    </message>
    <message>
        <source>Host &amp;phone:</source>
        <translation>负责人电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Follow-up delay</source>
        <translation>回访延迟</translation>
    </message>
    <message>
        <source>after the meeting ends</source>
        <translation>预约结束后</translation>
    </message>
    <message>
        <source>&amp;Follow-up:</source>
        <translation>回访(&amp;F)：</translation>
    </message>
    <message>
        <source>None: numbers must start with +</source>
        <translation>无：号码必须以 + 开头</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Default &amp;country:</source>
        <translation>默认国家/地区(&amp;C)：</translation>
    </message>
    <message>
        <source>For phone numbers written without a country code.</source>
        <translation>用于没有写国家代码的电话号码。</translation>
    </message>
    <message>
        <source>Used when Calendly does not say the invitee&apos;s time zone.</source>
        <translation>当 Calendly 没有提供预约人的时区时使用。</translation>
    </message>
    <message>
        <source>Fallback time &amp;zone:</source>
        <translation>备用时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>A sample appointment</source>
        <translation>示例预约</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1，%2（%3）</translation>
    </message>
    <message>
        <source>These are the rules for every event type except %1, which have rules of their own in the settings file. Their own values stay; where they use the defaults, they follow these.</source>
        <translation>这些是除 %1 以外所有预约类型的规则，它们在设置文件中有自己的规则。它们自己的值保持不变；使用默认值的部分会跟随这里。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>No template is chosen, so this message is not sent.</source>
        <translation>未选择模板，因此不发送此短信。</translation>
    </message>
    <message>
        <source>There is no template with this id in your EngageLab account.</source>
        <translation>您的 EngageLab 账户中没有此编号的模板。</translation>
    </message>
    <message>
        <source>EngageLab is not connected, so Deskbell cannot see this template.</source>
        <translation>EngageLab 未连接，因此 Deskbell 看不到此模板。</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>EngageLab&apos;s reviewer: %1</source>
        <translation>EngageLab 审核员：%1</translation>
    </message>
    <message>
        <source>Cannot fill: %1</source>
        <translation>无法填写：%1</translation>
    </message>
    <message>
        <source>%1 (fills %2)</source>
        <translation>%1（填写 %2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Deskbell does not fill %1 for this message: EngageLab would send it as written.</source>
        <translation>Deskbell 不会为此短信填写 %1：EngageLab 会原样发送。</translation>
    </message>
    <message>
        <source>The invitee&apos;s name, from Calendly</source>
        <translation>预约人姓名，来自 Calendly</translation>
    </message>
    <message>
        <source>The meeting&apos;s start time, in the invitee&apos;s time zone</source>
        <translation>预约开始时间，按预约人的时区</translation>
    </message>
    <message>
        <source>The meeting&apos;s date, in the invitee&apos;s time zone</source>
        <translation>预约日期，按预约人的时区</translation>
    </message>
    <message>
        <source>The invitee&apos;s time zone</source>
        <translation>预约人的时区</translation>
    </message>
    <message>
        <source>The meeting&apos;s name (the Calendly event type)</source>
        <translation>预约名称（Calendly 预约类型）</translation>
    </message>
    <message>
        <source>Where the meeting is, from Calendly</source>
        <translation>预约地点，来自 Calendly</translation>
    </message>
    <message>
        <source>Calendly&apos;s link to cancel</source>
        <translation>Calendly 的取消链接</translation>
    </message>
    <message>
        <source>Calendly&apos;s link to reschedule</source>
        <translation>Calendly 的改期链接</translation>
    </message>
    <message>
        <source>The host&apos;s name, from Calendly</source>
        <translation>负责人姓名，来自 Calendly</translation>
    </message>
    <message>
        <source>How long before the meeting the reminder goes (&quot;24 hours&quot;)</source>
        <translation>提醒在预约前多久发送（“24小时”）</translation>
    </message>
    <message>
        <source>What happened: &quot;booked&quot; or &quot;rescheduled&quot;</source>
        <translation>发生了什么：“booked”（已预约）或“rescheduled”（已改期）</translation>
    </message>
    <message>
        <source>%1: not sent</source>
        <translation>%1：不发送</translation>
    </message>
    <message>
        <source>%1: template &quot;%2&quot; (%3)</source>
        <translation>%1：模板“%2”（%3）</translation>
    </message>
    <message>
        <source>%1: template %2</source>
        <translation>%1：模板 %2</translation>
    </message>
    <message>
        <source>Choose a template to send this message.</source>
        <translation>选择一个模板来发送此短信。</translation>
    </message>
    <message>
        <source>Unknown: there is no template with this id in your EngageLab account. Check the id in EngageLab&apos;s console.</source>
        <translation>未知：您的 EngageLab 账户中没有此编号的模板。请在 EngageLab 控制台中核对编号。</translation>
    </message>
    <message>
        <source>Unknown: EngageLab is not connected, so Deskbell cannot see this template&apos;s review or its text. Connect EngageLab to check it.</source>
        <translation>未知：EngageLab 未连接，因此 Deskbell 看不到此模板的审核状态和内容。连接 EngageLab 后即可检查。</translation>
    </message>
    <message>
        <source>Pending review: EngageLab sends it once its reviewers approve it.</source>
        <translation>等待审核：审核员批准后 EngageLab 才会发送。</translation>
    </message>
    <message>
        <source>Rejected by EngageLab: this message cannot be sent with it.</source>
        <translation>被 EngageLab 拒绝：不能用它发送此短信。</translation>
    </message>
    <message>
        <source>Rejected by EngageLab (&quot;%1&quot;): this message cannot be sent with it.</source>
        <translation>被 EngageLab 拒绝（“%1”）：不能用它发送此短信。</translation>
    </message>
    <message>
        <source>Approved: EngageLab sends it.</source>
        <translation>已批准：EngageLab 会发送。</translation>
    </message>
    <message>
        <source>Unknown review status (%1).</source>
        <translation>未知的审核状态（%1）。</translation>
    </message>
    <message>
        <source>Deskbell fills it: %1</source>
        <translation>由 Deskbell 填写：%1</translation>
    </message>
    <message>
        <source>Deskbell cannot fill this for a %1: EngageLab would send &quot;{%2}&quot; as written. Change the template in EngageLab or choose another.</source>
        <translation>Deskbell 无法为%1填写此项：EngageLab 会原样发送“{%2}”。请在 EngageLab 中修改模板或另选一个。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The template has no variables.</source>
        <translation>此模板没有变量。</translation>
    </message>
    <message>
        <source>Deskbell can fill for this message: %1</source>
        <translation>Deskbell 可为此短信填写：%1</translation>
    </message>
    <message>
        <source>This message is not sent.</source>
        <translation>此短信不发送。</translation>
    </message>
    <message>
        <source>The text of this template is not known: connect EngageLab to see it.</source>
        <translation>不知道此模板的内容：连接 EngageLab 即可查看。</translation>
    </message>
    <message>
        <source>Somchai Jaidee</source>
        <translation>王小明</translation>
    </message>
    <message>
        <source>Dental check-up</source>
        <translation>牙科检查</translation>
    </message>
    <message>
        <source>Sukhumvit clinic, room 2</source>
        <translation>素坤逸诊所 2 号诊室</translation>
    </message>
    <message>
        <source>Dr. Lee</source>
        <translation>李医生</translation>
    </message>
    <message>
        <source>Two reminders are set for the same time (%1 before). Remove one.</source>
        <translation>有两个提醒设在同一时间（提前 %1）。请删除一个。</translation>
    </message>
    <message>
        <source>Quiet hours need a start and an end that differ.</source>
        <translation>免打扰时段的开始和结束时间必须不同。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number Deskbell can text (%2). Write it with the country code, for example +66 81 234 5678.</source>
        <translation>“%1”不是 Deskbell 可以发送短信的电话号码（%2）。请带上国家代码填写，例如 +66 81 234 5678。</translation>
    </message>
    <message>
        <source>Not saved: fix what is marked first.</source>
        <translation>未保存：请先修正标出的内容。</translation>
    </message>
    <message>
        <source>Checking what the change does to planned messages…</source>
        <translation>正在检查此更改对已安排短信的影响…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved. %1</source>
        <translation>已保存。%1</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>已放弃更改。</translation>
    </message>
</context>
<context>
    <name>deskbell::UpcomingModel</name>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>无号码</translation>
    </message>
    <message>
        <source>The phone number is not valid: no text can go out until it is corrected.</source>
        <translation>电话号码无效：更正之前无法发送短信。</translation>
    </message>
    <message>
        <source>No phone number was given.</source>
        <translation>没有提供电话号码。</translation>
    </message>
    <message>
        <source>This number is not valid, so no text can be sent to it. Select the meeting and choose Correct phone number.</source>
        <translation>此号码无效，无法向其发送短信。请选择该预约，然后选择“更正电话号码”。</translation>
    </message>
    <message>
        <source>%1 at the desk (%2)</source>
        <translation>%1（前台时间，%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who / message</source>
        <translation>预约人 / 短信</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>deskbell::phone</name>
    <message>
        <source>not a valid number for %1 (too short)</source>
        <translation>不是 %1 的有效号码（太短）</translation>
    </message>
    <message>
        <source>not a valid number for %1 (too long)</source>
        <translation>不是 %1 的有效号码（太长）</translation>
    </message>
    <message>
        <source>not a valid number for %1</source>
        <translation>不是 %1 的有效号码</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>没有电话号码</translation>
    </message>
    <message>
        <source>too long to be a phone number</source>
        <translation>太长，不是电话号码</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>不是电话号码</translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation>未知的国家代码</translation>
    </message>
    <message>
        <source>no country code and no default country</source>
        <translation>没有国家代码，也没有默认国家/地区</translation>
    </message>
    <message>
        <source>too short to be a phone number</source>
        <translation>太短，不是电话号码</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>deskbell: Deskbell is already open; its window was brought to the front.
</source>
        <translation>deskbell：Deskbell 已经打开；已将其窗口置于最前。
</translation>
    </message>
</context>
</TS>
