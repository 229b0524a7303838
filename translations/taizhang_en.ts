<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivityPage</name>
    <message>
        <source>体育活动</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <source>2025 年起每天综合体育活动不少于 2 小时，含两次不少于 30 分钟的大课间</source>
        <translation>From 2025: at least 2 hours of physical activity a day, including two long breaks of at least 30 minutes</translation>
    </message>
    <message>
        <source>体育课</source>
        <translation>PE lesson</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>min</translation>
    </message>
    <message>
        <source>大课间合计</source>
        <translation>Long breaks, total</translation>
    </message>
    <message>
        <source>大课间次数</source>
        <translation>Long breaks</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>课后服务体育</source>
        <translation>After-school sports</translation>
    </message>
    <message>
        <source>校外体育活动</source>
        <translation>Outside school</translation>
    </message>
</context>
<context>
    <name>DailyForm</name>
    <message>
        <source>体育课分钟数</source>
        <translation>PE lesson minutes</translation>
    </message>
    <message>
        <source>大课间分钟数</source>
        <translation>Long-break minutes</translation>
    </message>
    <message>
        <source>大课间次数</source>
        <translation>Long-break sessions</translation>
    </message>
    <message>
        <source>课后体育分钟数</source>
        <translation>After-school sports minutes</translation>
    </message>
    <message>
        <source>校外活动分钟数</source>
        <translation>Out-of-school activity minutes</translation>
    </message>
</context>
<context>
    <name>DailyFormPage</name>
    <message>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>（已有记录，保存即修改）</source>
        <translation>(already recorded; saving updates it)</translation>
    </message>
    <message>
        <source>（尚未登记）</source>
        <translation>(not recorded yet)</translation>
    </message>
    <message>
        <source>按当前数值将产生的提示：</source>
        <translation>These values would raise:</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
</context>
<context>
    <name>FindingBadge</name>
    <message>
        <source>【必须】</source>
        <translation>[Must] </translation>
    </message>
    <message>
        <source>【提示】</source>
        <translation>[Note] </translation>
    </message>
    <message>
        <source>依据：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>收起</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>规则编号：%1</source>
        <translation>Rule: %1</translation>
    </message>
</context>
<context>
    <name>HomeworkPage</name>
    <message>
        <source>作业登记</source>
        <translation>Homework</translation>
    </message>
    <message>
        <source>Tab 切换 · Enter 保存 · Ctrl+D 复制前一天</source>
        <translation>Tab moves · Enter saves · Ctrl+D copies the previous day</translation>
    </message>
    <message>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>书面作业 %1 / %2 分钟</source>
        <translation>Written homework %1 / %2 min</translation>
    </message>
    <message>
        <source>学科</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>min</translation>
    </message>
    <message>
        <source>书面</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>在家</source>
        <translation>At home</translation>
    </message>
    <message>
        <source>作业内容（公示）</source>
        <translation>Content (published)</translation>
    </message>
    <message>
        <source>%1 分钟</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>%1 书面作业</source>
        <translation>%1 written</translation>
    </message>
    <message>
        <source>%1 在家完成</source>
        <translation>%1 at home</translation>
    </message>
    <message>
        <source>例如：练习册第 12 页</source>
        <translation>e.g. workbook page 12</translation>
    </message>
    <message>
        <source>%1 作业内容</source>
        <translation>%1 content</translation>
    </message>
    <message>
        <source>超过上限 %1 分钟，须填写原因（记入审计）：</source>
        <translation>%1 min over the cap; give a reason (kept in the audit):</translation>
    </message>
    <message>
        <source>超量原因</source>
        <translation>Reason for exceeding the cap</translation>
    </message>
    <message>
        <source>复制前一天 (Ctrl+D)</source>
        <translation>Copy previous day (Ctrl+D)</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>含其他学科已登记 %1 分钟</source>
        <translation>incl. %1 min already entered for other subjects</translation>
    </message>
    <message>
        <source>今天无作业</source>
        <translation>No homework today</translation>
    </message>
    <message>
        <source>已登记今天无作业，本班今天不再登记作业。如需布置作业，请先取消“今天无作业”。</source>
        <translation>Recorded: no homework today for this class; no homework can be entered for it today. To set homework, untick “No homework today” first.</translation>
    </message>
</context>
<context>
    <name>JoinSchoolForm</name>
    <message>
        <source>本校已有电脑在用台账并已注册到区县：填写区县服务器地址、学校标识码和区县发放的注册码，本机会从区县下载学校的班级、教师、学期和全部记录，不需要再设置学校。</source>
        <translation>Another computer of this school already uses the ledger and is enrolled with the county: enter the county server address, the school code and the enrollment code from the county; this computer then downloads the school’s classes, teachers, terms and every record, and the school needs no setting up again.</translation>
    </message>
    <message>
        <source>区县服务器地址</source>
        <translation>County server address</translation>
    </message>
    <message>
        <source>学校标识码（10 位数字）</source>
        <translation>School code (10 digits)</translation>
    </message>
    <message>
        <source>注册码（区县教育局发放）</source>
        <translation>Enrollment code (from the county bureau)</translation>
    </message>
    <message>
        <source>本机名称（如 三年级办公室）</source>
        <translation>Name of this computer (e.g. Grade 3 office)</translation>
    </message>
    <message>
        <source>本机管理员用户名</source>
        <translation>Administrator user name on this computer</translation>
    </message>
    <message>
        <source>密码（至少 6 位）</source>
        <translation>Password (at least 6 characters)</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>返回首次设置</source>
        <translation>Back to first-time setup</translation>
    </message>
    <message>
        <source>加入学校</source>
        <translation>Join the school</translation>
    </message>
</context>
<context>
    <name>LocalTime</name>
    <message>
        <source>%1月%2日 %3</source>
        <translation>%1/%2 %3</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>新学年</source>
        <translation>New year</translation>
    </message>
    <message>
        <source>台账 — %1</source>
        <translation>Taizhang — %1</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Taizhang</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>作业登记</source>
        <translation>Homework</translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <source>睡眠调查</source>
        <translation>Sleep survey</translation>
    </message>
    <message>
        <source>教师培训</source>
        <translation>Teacher training</translation>
    </message>
    <message>
        <source>课程表</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <source>记录查询</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>%1 · %2
待同步 %3 条</source>
        <translation>%1 · %2
%3 changes to sync</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>请先登录</source>
        <translation>Please sign in first</translation>
    </message>
    <message>
        <source>只有管理员可以进行此操作，请用管理员账号登录</source>
        <translation>Only an administrator can do this; please sign in as an administrator</translation>
    </message>
    <message>
        <source>您没有在%1任课，不能修改该班的记录</source>
        <translation>You do not teach in %1 and cannot change its records</translation>
    </message>
    <message>
        <source>该班</source>
        <translation>this class</translation>
    </message>
    <message>
        <source>您没有在%1教%2，不能修改这门课的记录</source>
        <translation>You do not teach %2 in %1 and cannot change its records</translation>
    </message>
</context>
<context>
    <name>PrintSheetDialog</name>
    <message>
        <source>打印作业公示</source>
        <translation>Print the homework notice</translation>
    </message>
    <message>
        <source>本机没有可用的打印机。请先安装或连接打印机；也可以关闭此窗口，用“保存为 PDF”存到 U 盘，在别的电脑上打印。</source>
        <translation>No printer is available on this computer. Install or connect one, or close this window, use “Save as PDF” to a USB stick and print it on another computer.</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>A4 纵向</source>
        <translation>A4 portrait</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PublicationSheet</name>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>%1年%2月%3日</source>
        <translation>%1-%2-%3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2, %1</translation>
    </message>
    <message>
        <source>%1（%2）至 %3（%4）</source>
        <translation>%2 %1 to %4 %3</translation>
    </message>
    <message>
        <source>作业公示</source>
        <translation>Homework notice</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>学科</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>作业内容</source>
        <translation>Homework</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>布置教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>未登记作业</source>
        <translation>No homework recorded</translation>
    </message>
    <message>
        <source>书面</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>非书面</source>
        <translation>Not written</translation>
    </message>
    <message>
        <source>在家</source>
        <translation>at home</translation>
    </message>
    <message>
        <source>在校</source>
        <translation>in school</translation>
    </message>
    <message>
        <source>一、二年级不布置家庭书面作业</source>
        <translation>grades 1-2: no written homework at home</translation>
    </message>
    <message>
        <source>上限 %1 分钟</source>
        <translation>cap %1 min</translation>
    </message>
    <message>
        <source>本班合计：家庭书面作业 %1 分钟（%2），全部作业 %3 分钟</source>
        <translation>Class total: written homework at home %1 min (%2), all homework %3 min</translation>
    </message>
    <message>
        <source>本班合计：书面作业 %1 分钟（%2），全部作业 %3 分钟</source>
        <translation>Class total: written homework %1 min (%2), all homework %3 min</translation>
    </message>
    <message>
        <source>；超出原因：%1</source>
        <translation>; reason for exceeding: %1</translation>
    </message>
    <message>
        <source>班主任（签字）：</source>
        <translation>Class teacher (signature):</translation>
    </message>
    <message>
        <source>教务处（审核）：</source>
        <translation>Academic office (checked):</translation>
    </message>
    <message>
        <source>公示日期：</source>
        <translation>Posted on:</translation>
    </message>
    <message>
        <source>第 %1 页 / 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>无作业</source>
        <translation>No homework</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>记录查询</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>只显示前 500 条，请缩小范围</source>
        <translation>Showing the first 500 only; narrow the filter</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>填写人</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>显示已删除</source>
        <translation>Show deleted</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>修改历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>删除后记录保留删除标记并同步到区县，确定删除？</source>
        <translation>The record is kept marked as deleted and synced to the county. Delete it?</translation>
    </message>
    <message>
        <source>v%1 %2 %3 %4</source>
        <translation>v%1 %2 %3 %4</translation>
    </message>
    <message>
        <source>
原因：%1</source>
        <translation>
Reason: %1</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RefusedRecordsModel</name>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>%1 所在周</source>
        <translation>Week of %1</translation>
    </message>
    <message>
        <source>上一周</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>下一周</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>书面作业时长（柱）与上限（蓝线）</source>
        <translation>Written homework (bars) against the cap (blue line)</translation>
    </message>
    <message>
        <source>体育活动时长（柱）与要求（蓝线）</source>
        <translation>Physical activity (bars) against the rule (blue line)</translation>
    </message>
    <message>
        <source>作业公示日期</source>
        <translation>Homework sheet date</translation>
    </message>
    <message>
        <source>保存为 PDF……</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>导出……</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>作业公示</source>
        <translation>Homework notice</translation>
    </message>
    <message>
        <source>当天</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>公示范围</source>
        <translation>Notice covers</translation>
    </message>
    <message>
        <source>打印……</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>作业</source>
        <translation>Homework</translation>
    </message>
    <message>
        <source>睡眠</source>
        <translation>Sleep</translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <source>导出哪类记录</source>
        <translation>Records to export</translation>
    </message>
    <message>
        <source>保存作业公示 PDF</source>
        <translation>Save the homework notice as PDF</translation>
    </message>
</context>
<context>
    <name>SavePathDialog</name>
    <message>
        <source>保存到（完整路径，可修改）：</source>
        <translation>Save to (full path, editable):</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>区县服务器与同步</source>
        <translation>County server and sync</translation>
    </message>
    <message>
        <source>已注册：%1</source>
        <translation>Enrolled: %1</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <source>教务处电脑</source>
        <translation>Office PC</translation>
    </message>
    <message>
        <source>设备名称</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>注册</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>政策规则</source>
        <translation>Policy rules</translation>
    </message>
    <message>
        <source>当前规则集：%1</source>
        <translation>Rule set in force: %1</translation>
    </message>
    <message>
        <source>区县规定：</source>
        <translation>County overrides:</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>数据文件：%1</source>
        <translation>Data file: %1</translation>
    </message>
    <message>
        <source>备份数据……</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>从备份恢复……</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>台账备份 (*.db)</source>
        <translation>Ledger backups (*.db)</translation>
    </message>
    <message>
        <source>备份数据</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>首次设置</source>
        <translation>First-run setup</translation>
    </message>
    <message>
        <source>第 %1 步，共 4 步</source>
        <translation>Step %1 of 4</translation>
    </message>
    <message>
        <source>填入示例学校</source>
        <translation>Fill in the sample school</translation>
    </message>
    <message>
        <source>学校标识码（10 位数字）</source>
        <translation>School code (10 digits)</translation>
    </message>
    <message>
        <source>学校名称</source>
        <translation>School name</translation>
    </message>
    <message>
        <source>学校类型</source>
        <translation>School type</translation>
    </message>
    <message>
        <source>小学</source>
        <translation>Primary school</translation>
    </message>
    <message>
        <source>初级中学</source>
        <translation>Junior secondary school</translation>
    </message>
    <message>
        <source>九年一贯制学校</source>
        <translation>Nine-year school</translation>
    </message>
    <message>
        <source>学期名称</source>
        <translation>Term name</translation>
    </message>
    <message>
        <source>开学日期</source>
        <translation>Term start</translation>
    </message>
    <message>
        <source>学期结束日期</source>
        <translation>Term end</translation>
    </message>
    <message>
        <source>节假日（每行一个：名称 开始日期 结束日期）</source>
        <translation>Holidays (one per line: name start end)</translation>
    </message>
    <message>
        <source>班级（每行一个年级，例如“三年级 1-6 班 45”）</source>
        <translation>Classes (one grade per line, e.g. &quot;三年级 1-6 班 45&quot;)</translation>
    </message>
    <message>
        <source>未写人数时每班人数</source>
        <translation>Students per class when not given</translation>
    </message>
    <message>
        <source>将创建 %1 个班级</source>
        <translation>%1 classes will be created</translation>
    </message>
    <message>
        <source>教师（从 Excel 复制粘贴：姓名、工号、学科、入职日期）</source>
        <translation>Teachers (paste from Excel: name, staff number, subjects, hire date)</translation>
    </message>
    <message>
        <source>姓名	工号	学科	入职日期</source>
        <translation>Name	Staff no.	Subjects	Hire date</translation>
    </message>
    <message>
        <source>将创建 %1 位教师</source>
        <translation>%1 teachers will be created</translation>
    </message>
    <message>
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <source>密码（至少 6 位）</source>
        <translation>Password (at least 6 characters)</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>完成设置</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation>Please correct what is marked in red first</translation>
    </message>
    <message>
        <source>加入已有的学校</source>
        <translation>Join an existing school</translation>
    </message>
    <message>
        <source>本校的台账从区县下载</source>
        <translation>The school’s ledger is downloaded from the county</translation>
    </message>
    <message>
        <source>加入已有的学校…</source>
        <translation>Join an existing school…</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>请选择用户并输入密码</source>
        <translation>Choose your user and enter the password</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>密码或 PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SleepPage</name>
    <message>
        <source>睡眠调查</source>
        <translation>Sleep survey</translation>
    </message>
    <message>
        <source>小学应达到 10 小时，初中 9 小时；未达到只作提示，不阻止保存</source>
        <translation>Should reach 10 h (primary) or 9 h (junior); falling short is a warning and does not block saving</translation>
    </message>
    <message>
        <source>调查人数</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <source>人</source>
        <translation>students</translation>
    </message>
    <message>
        <source>睡眠达标人数</source>
        <translation>Reaching the standard</translation>
    </message>
    <message>
        <source>平均睡眠时间</source>
        <translation>Average sleep</translation>
    </message>
    <message>
        <source>小时</source>
        <translation>hours</translation>
    </message>
</context>
<context>
    <name>StatusDot</name>
    <message>
        <source>已填</source>
        <translation> done</translation>
    </message>
    <message>
        <source>未填</source>
        <translation> missing</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>区县服务器：%1</source>
        <translation>County server: %1</translation>
    </message>
    <message>
        <source>退回的记录和冲突（%1 条）</source>
        <translation>Refused records and conflicts (%1)</translation>
    </message>
    <message>
        <source>没有被区县退回的记录</source>
        <translation>No records refused by the county</translation>
    </message>
    <message>
        <source>【冲突】</source>
        <translation>[Conflict]</translation>
    </message>
    <message>
        <source>【退回】</source>
        <translation>[Refused]</translation>
    </message>
    <message>
        <source>打开修改</source>
        <translation>Open and fix</translation>
    </message>
    <message>
        <source>重新发送</source>
        <translation>Resend</translation>
    </message>
    <message>
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>怎么办：%1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <source>本校的冲突（%1 处）：两台电脑记了同一条，区县保留了先到的一条</source>
        <translation>Conflicts at this school (%1): two computers recorded the same entry; the county kept the one that arrived first</translation>
    </message>
    <message>
        <source>保留现有记录</source>
        <translation>Keep the current record</translation>
    </message>
    <message>
        <source>采用另一条</source>
        <translation>Use the other one</translation>
    </message>
    <message>
        <source>现有记录：%1</source>
        <translation>Current record: %1</translation>
    </message>
    <message>
        <source>另一条（%1）：%2</source>
        <translation>The other one (%1): %2</translation>
    </message>
</context>
<context>
    <name>SyncProblem</name>
    <message>
        <source>本机还没有注册到区县服务器，记录只保存在本机。</source>
        <translation>This computer is not enrolled with the county server yet; records are kept on this computer only.</translation>
    </message>
    <message>
        <source>请向区县教育局索取注册码，在“设置”里填写服务器地址和注册码后点“注册”。</source>
        <translation>Ask the county education bureau for an enrollment code, enter the server address and the code under Settings and press Enroll.</translation>
    </message>
    <message>
        <source>本机的注册信息打不开（数据文件可能是从别的电脑复制来的，缺少配套的密钥文件）。</source>
        <translation>This computer&apos;s enrollment cannot be opened (the data file was probably copied from another computer without its key file).</translation>
    </message>
    <message>
        <source>本机记录都还在。请向区县教育局索取新的注册码，在“设置”里重新注册。</source>
        <translation>All records on this computer are kept. Ask the county education bureau for a new enrollment code and enroll again under Settings.</translation>
    </message>
    <message>
        <source>找不到区县服务器 %1（域名无法解析）。</source>
        <translation>The county server %1 cannot be found (its name does not resolve).</translation>
    </message>
    <message>
        <source>请检查网线或无线网络是否连好；如果别的网站也打不开，请联系学校网管。地址填错时请在“设置”里改正。</source>
        <translation>Check the network cable or Wi-Fi; if other websites do not open either, contact the school&apos;s network administrator. If the address is wrong, correct it under Settings.</translation>
    </message>
    <message>
        <source>连不上区县服务器 %1（对方没有响应连接，服务器可能暂时关闭）。</source>
        <translation>Cannot connect to the county server %1 (it does not accept connections; it may be down for now).</translation>
    </message>
    <message>
        <source>稍后会自动重试，不用重复操作。如果一直连不上，请联系区县教育局确认服务器是否开启。</source>
        <translation>It will retry by itself; nothing to do. If it never connects, ask the county education bureau whether the server is running.</translation>
    </message>
    <message>
        <source>连接区县服务器超时，网络太慢或不稳定。</source>
        <translation>The connection to the county server timed out; the network is too slow or unstable.</translation>
    </message>
    <message>
        <source>稍后会自动重试。网络恢复后会继续发送，已保存的记录不会丢失。</source>
        <translation>It will retry by itself and continue once the network recovers; saved records are not lost.</translation>
    </message>
    <message>
        <source>网络中断，和区县服务器的连接断开了。</source>
        <translation>The network dropped the connection to the county server.</translation>
    </message>
    <message>
        <source>稍后会自动重试。请检查网络是否正常。</source>
        <translation>It will retry by itself. Please check that the network works.</translation>
    </message>
    <message>
        <source>无法确认区县服务器 %1 的安全证书。学校的防火墙或上网行为管理设备可能在检查加密连接，替换了证书。</source>
        <translation>The security certificate of the county server %1 cannot be verified. The school&apos;s firewall or web filter is probably inspecting encrypted connections and replacing the certificate.</translation>
    </message>
    <message>
        <source>请学校网管把 %1 加入 HTTPS 检查的例外名单；如果区县使用自己的证书，请向区县索取证书文件后重新注册。为保护数据，本程序不会跳过证书检查。</source>
        <translation>Ask the school&apos;s network administrator to exempt %1 from HTTPS inspection; if the county uses its own certificate, get its certificate file from the county and enroll again. To protect the data, this program never skips the certificate check.</translation>
    </message>
    <message>
        <source>到区县服务器 %1 的连接被拦截：对方的证书与注册时记下的不一致，数据没有发送。</source>
        <translation>The connection to the county server %1 is being intercepted: its certificate differs from the one recorded at enrollment. Nothing was sent.</translation>
    </message>
    <message>
        <source>请联系学校网管检查防火墙是否在拦截加密连接；如果区县更换了证书，请重新注册。</source>
        <translation>Ask the school&apos;s network administrator whether the firewall intercepts encrypted connections; if the county changed its certificate, enroll again.</translation>
    </message>
    <message>
        <source>与区县服务器建立加密连接失败。</source>
        <translation>The encrypted connection to the county server could not be set up.</translation>
    </message>
    <message>
        <source>请检查电脑的日期和时间是否正确，稍后会自动重试；一直失败请联系学校网管。</source>
        <translation>Check this computer&apos;s date and time; it will retry by itself. If it keeps failing, contact the school&apos;s network administrator.</translation>
    </message>
    <message>
        <source>代理服务器出错，连不到区县服务器。</source>
        <translation>The proxy server failed; the county server cannot be reached.</translation>
    </message>
    <message>
        <source>请联系学校网管检查代理设置。稍后会自动重试。</source>
        <translation>Ask the school&apos;s network administrator to check the proxy settings. It will retry by itself.</translation>
    </message>
    <message>
        <source>学校的代理服务器要求登录（用户名和密码）才能上网。</source>
        <translation>The school&apos;s proxy server requires a sign-in (user name and password) to go online.</translation>
    </message>
    <message>
        <source>请联系学校网管，为本机开通直接访问 %1，或提供代理账号。</source>
        <translation>Ask the school&apos;s network administrator to allow this computer direct access to %1, or to provide a proxy account.</translation>
    </message>
    <message>
        <source>区县教育局已停用本机的注册，同步已暂停。本机记录都还在。</source>
        <translation>The county education bureau has revoked this computer&apos;s enrollment; sync is paused. All records on this computer are kept.</translation>
    </message>
    <message>
        <source>请向区县教育局索取新的注册码，在“设置”里重新注册。</source>
        <translation>Ask the county education bureau for a new enrollment code and enroll again under Settings.</translation>
    </message>
    <message>
        <source>区县服务器不认识本机（注册信息无效），同步已暂停。本机记录都还在。</source>
        <translation>The county server does not recognise this computer (its enrollment is not valid); sync is paused. All records on this computer are kept.</translation>
    </message>
    <message>
        <source>区县服务器说本机不属于本校的学校标识码，同步已暂停。</source>
        <translation>The county server says this computer does not belong to this school&apos;s code; sync is paused.</translation>
    </message>
    <message>
        <source>请核对学校标识码，并联系区县教育局重新注册本机。</source>
        <translation>Check the school code and ask the county education bureau to enroll this computer again.</translation>
    </message>
    <message>
        <source>区县教育局暂停了本校的数据接收，同步已暂停。</source>
        <translation>The county education bureau has stopped receiving this school&apos;s data; sync is paused.</translation>
    </message>
    <message>
        <source>请联系区县教育局了解原因。本机记录都还在，恢复后点“立即同步”。</source>
        <translation>Ask the county education bureau why. All records on this computer are kept; press Sync now once it is resumed.</translation>
    </message>
    <message>
        <source>区县服务器拒绝了本机的请求，同步已暂停。</source>
        <translation>The county server refused this computer&apos;s requests; sync is paused.</translation>
    </message>
    <message>
        <source>请联系区县教育局。</source>
        <translation>Please contact the county education bureau.</translation>
    </message>
    <message>
        <source>地址 %1 上不是区县台账服务器。</source>
        <translation>There is no county ledger server at %1.</translation>
    </message>
    <message>
        <source>请在“设置”里核对区县服务器地址。</source>
        <translation>Check the county server address under Settings.</translation>
    </message>
    <message>
        <source>一批记录超过了区县服务器的大小限制。</source>
        <translation>A batch of records was over the county server&apos;s size limit.</translation>
    </message>
    <message>
        <source>程序会自动拆小重发；单条过大的记录会列在“退回的记录”里，请改短后重新发送。</source>
        <translation>It is split and resent by itself; a single record that is too large is listed among the refused records: shorten it and it is sent again.</translation>
    </message>
    <message>
        <source>区县服务器请求太多，要求稍等再发。</source>
        <translation>The county server is receiving too many requests and asked to wait.</translation>
    </message>
    <message>
        <source>会按区县要求的时间自动重试，不用操作。</source>
        <translation>It will retry by itself when the county says; nothing to do.</translation>
    </message>
    <message>
        <source>区县服务器正忙或正在维护。</source>
        <translation>The county server is busy or under maintenance.</translation>
    </message>
    <message>
        <source>会自动重试，不用操作。</source>
        <translation>It will retry by itself; nothing to do.</translation>
    </message>
    <message>
        <source>区县服务器内部出错，这一批没有保存。</source>
        <translation>The county server had an internal error; this batch was not stored.</translation>
    </message>
    <message>
        <source>会自动重试；如果一直出错，请联系区县教育局。</source>
        <translation>It will retry by itself; if it keeps failing, contact the county education bureau.</translation>
    </message>
    <message>
        <source>区县服务器没有接受这一批数据（程序之间的通信出了问题）。</source>
        <translation>The county server did not accept this batch (the programs did not understand each other).</translation>
    </message>
    <message>
        <source>会自动重试；如果一直出现，请联系技术支持，并提供程序日志。</source>
        <translation>It will retry by itself; if it keeps happening, contact support and send the program&apos;s log.</translation>
    </message>
    <message>
        <source>区县服务器的版本与本程序不一致。</source>
        <translation>The county server&apos;s version does not match this program.</translation>
    </message>
    <message>
        <source>请联系区县教育局或技术支持升级程序。</source>
        <translation>Ask the county education bureau or support to upgrade.</translation>
    </message>
    <message>
        <source>注册码已过期，请向区县教育局索取新的注册码。</source>
        <translation>The enrollment code has expired; ask the county education bureau for a new one.</translation>
    </message>
    <message>
        <source>这个注册码已经用过了（每个注册码只能注册一台电脑），请向区县教育局索取新的注册码。</source>
        <translation>This enrollment code has already been used (each code enrolls one computer); ask the county education bureau for a new one.</translation>
    </message>
    <message>
        <source>注册码不对，或者不是发给本校的。请核对注册码和学校标识码。</source>
        <translation>The enrollment code is wrong or was not issued for this school. Check the enrollment code and the school code.</translation>
    </message>
    <message>
        <source>区县教育局暂停了本校的数据接收，请联系区县教育局。</source>
        <translation>The county education bureau has stopped receiving this school&apos;s data; please contact the bureau.</translation>
    </message>
    <message>
        <source>注册失败次数太多，请过 10 分钟再试。</source>
        <translation>Too many failed enrollment attempts; try again in 10 minutes.</translation>
    </message>
    <message>
        <source>注册没有成功，请稍后再试。</source>
        <translation>Enrollment did not succeed; please try again later.</translation>
    </message>
    <message>
        <source>区县退回了 %1 至 %2 这一周：%3。请核对并改正这一周的记录，区县会重新审核。</source>
        <translation>The county returned the week %1 to %2: %3. Check and correct that week&apos;s records; the county will review it again.</translation>
    </message>
    <message>
        <source>本机时钟比区县服务器慢 %1 分钟，请在电脑的“日期和时间”设置里改正。</source>
        <translation>This computer&apos;s clock is %1 minutes behind the county server; correct it in the computer&apos;s date and time settings.</translation>
    </message>
    <message>
        <source>本机时钟比区县服务器快 %1 分钟，请在电脑的“日期和时间”设置里改正。</source>
        <translation>This computer&apos;s clock is %1 minutes ahead of the county server; correct it in the computer&apos;s date and time settings.</translation>
    </message>
    <message>
        <source>请核对服务器地址、检查网络后再点“注册”。</source>
        <translation> Check the server address and the network, then press Enroll again.</translation>
    </message>
    <message>
        <source>本机的数据文件暂时打不开，这次没有同步。</source>
        <translation>The data file on this computer could not be opened; this pass did not sync.</translation>
    </message>
    <message>
        <source>稍后会自动重试；如果一直出现，请关闭其他正在使用数据文件的程序。</source>
        <translation>It will retry by itself; if it keeps happening, close other programs using the data file.</translation>
    </message>
</context>
<context>
    <name>SyncStatusPanel</name>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>上次成功发送</source>
        <translation>Last sent successfully</translation>
    </message>
    <message>
        <source>下次尝试</source>
        <translation>Next try</translation>
    </message>
    <message>
        <source>未发送</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>上次结果</source>
        <translation>Last result</translation>
    </message>
    <message>
        <source>怎么办：%1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <source>上次收到本校其他电脑的记录</source>
        <translation>Last received records from the school’s other computers</translation>
    </message>
</context>
<context>
    <name>TimetablePage</name>
    <message>
        <source>课程表</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <source>每周共 %1 节</source>
        <translation>%1 lessons a week</translation>
    </message>
    <message>
        <source>复制到平行班</source>
        <translation>Copy to parallel classes</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>学期</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>第%1节</source>
        <translation>Period %1</translation>
    </message>
    <message>
        <source>%1 第%2节</source>
        <translation>%1 period %2</translation>
    </message>
    <message>
        <source>每周节数</source>
        <translation>Lessons per week</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>符合课程方案</source>
        <translation>Meets the curriculum plan</translation>
    </message>
    <message>
        <source>本年级没有其他班级。</source>
        <translation>There are no other classes in this grade.</translation>
    </message>
    <message>
        <source>将用 %1 的课程表覆盖以下班级：</source>
        <translation>The timetable of %1 will overwrite these classes:</translation>
    </message>
    <message>
        <source>%1：现有 %2 节课，将改动 %3 处</source>
        <translation>%1: has %2 lessons, %3 will change</translation>
    </message>
    <message>
        <source>%1：尚无课程表，将写入 %2 节</source>
        <translation>%1: no timetable yet, %2 lessons will be written</translation>
    </message>
    <message>
        <source>本班未保存的修改会先保存。</source>
        <translation>Unsaved changes of this class are saved first.</translation>
    </message>
    <message>
        <source>覆盖并复制</source>
        <translation>Overwrite and copy</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确认课表</source>
        <translation>Confirm timetable</translation>
    </message>
    <message>
        <source>确认后的检查结果</source>
        <translation>Findings once confirmed</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>%1 个班级 · 必须整改 %2 项 · 提示 %3 项 · 非上课日</source>
        <translation>%1 classes · %2 to fix · %3 hints · not a school day</translation>
    </message>
    <message>
        <source>今日 %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <source>%1 个班级 · 必须整改 %2 项 · 提示 %3 项 · %4 个班未登记作业</source>
        <translation>%1 classes · %2 must-fix · %3 notes · %4 classes without homework entered</translation>
    </message>
    <message>
        <source>前一天</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>后一天</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>作业</source>
        <translation>Homework</translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <source>睡眠</source>
        <translation>Sleep</translation>
    </message>
    <message>
        <source>书面作业 %1 / %2 分钟</source>
        <translation>Written homework %1 / %2 min</translation>
    </message>
    <message>
        <source>无问题</source>
        <translation>No findings</translation>
    </message>
    <message>
        <source>教师培训：%1 / %2 人达到五年 360 学时进度</source>
        <translation>Teacher training: %1 / %2 on track for 360 hours in five years</translation>
    </message>
    <message>
        <source>同步：%1 · 上次成功 %2</source>
        <translation>Sync: %1 · last success %2</translation>
    </message>
    <message>
        <source>同步：%1（%2 条未发送）</source>
        <translation>Sync: %1 (%2 unsent)</translation>
    </message>
    <message>
        <source>去处理</source>
        <translation>Deal with it</translation>
    </message>
    <message>
        <source>今天无作业</source>
        <translation>No homework today</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>教师培训</source>
        <translation>Teacher training</translation>
    </message>
    <message>
        <source>五年 360 学时进度达标：%1 / %2 人</source>
        <translation>On track for 360 hours in five years: %1 / %2 teachers</translation>
    </message>
    <message>
        <source>%1 培训进度</source>
        <translation>%1 training progress</translation>
    </message>
    <message>
        <source>%1 / %2 学时</source>
        <translation>%1 / %2 hours</translation>
    </message>
    <message>
        <source>试用期 %1 / %2 学时</source>
        <translation>Probation %1 / %2 hours</translation>
    </message>
    <message>
        <source>登记培训</source>
        <translation>Record training</translation>
    </message>
    <message>
        <source>教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>培训名称</source>
        <translation>Course title</translation>
    </message>
    <message>
        <source>校本</source>
        <translation>School</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>市级</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <source>国培</source>
        <translation>National</translation>
    </message>
    <message>
        <source>培训级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>面授</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>网络</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>混合</source>
        <translation>Blended</translation>
    </message>
    <message>
        <source>培训形式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>证书编号（可选）</source>
        <translation>Certificate no. (optional)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <source>分钟</source>
        <translation>min</translation>
    </message>
    <message>
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周%1</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>YearPage</name>
    <message>
        <source>新学年</source>
        <translation>New school year</translation>
    </message>
    <message>
        <source>升级各班、六年级 / 九年级毕业归档、新建一年级 / 七年级、添加学期、复制课表草稿，一次完成</source>
        <translation>Promote every class, graduate grades 6 / 9 (archived), open new grade 1 / 7 classes, add the terms, copy timetables as drafts: all in one step</translation>
    </message>
    <message>
        <source>新学年第一天</source>
        <translation>First day of the new year</translation>
    </message>
    <message>
        <source>新建一年级班数</source>
        <translation>New grade 1 classes</translation>
    </message>
    <message>
        <source>新建七年级班数</source>
        <translation>New grade 7 classes</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>%1（已毕业，记录保留，可查询、可报表）</source>
        <translation>%1 (graduated: records kept, readable and reported)</translation>
    </message>
    <message>
        <source>开始新学年…</source>
        <translation>Start the new year…</translation>
    </message>
    <message>
        <source>开始新学年</source>
        <translation>Start the new school year</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1。
%2
以前的记录仍按当时的年级检查，不会改变。确定开始吗？</source>
        <translation>%1.
%2
Earlier records are still checked by the grade the class had then; they do not change. Start now?</translation>
    </message>
</context>
<context>
    <name>taizhang</name>
    <message>
        <source>第 %1 行看不懂：应写成“三年级 1-6 班 45”</source>
        <translation>Line %1 not understood: write it like &quot;三年级 1-6 班 45&quot;</translation>
    </message>
    <message>
        <source>第 %1 行：年级应为一年级到九年级</source>
        <translation>Line %1: the grade must be 一年级 to 九年级</translation>
    </message>
    <message>
        <source>第 %1 行：班号范围应在 1 到 30 之间且从小到大</source>
        <translation>Line %1: class numbers must be 1-30, low to high</translation>
    </message>
    <message>
        <source>第 %1 行：每班人数应在 1 到 80 之间</source>
        <translation>Line %1: students per class must be 1-80</translation>
    </message>
    <message>
        <source>第 %1 行：缺少姓名</source>
        <translation>Line %1: the name is missing</translation>
    </message>
    <message>
        <source>第 %1 行：不认识的学科“%2”</source>
        <translation>Line %1: unknown subject &quot;%2&quot;</translation>
    </message>
    <message>
        <source>第 %1 行：入职日期应写成 2020-09-01</source>
        <translation>Line %1: write the hire date like 2020-09-01</translation>
    </message>
    <message>
        <source>第 %1 行：工号 %2 重复</source>
        <translation>Line %1: staff number %2 is repeated</translation>
    </message>
    <message>
        <source>第 %1 行：应写成“国庆节 2026-10-01 2026-10-07”</source>
        <translation>Line %1: write it like &quot;国庆节 2026-10-01 2026-10-07&quot;</translation>
    </message>
    <message>
        <source>第 %1 行：结束日期早于开始日期</source>
        <translation>Line %1: the end is before the start</translation>
    </message>
    <message>
        <source>%1 %2月%3日</source>
        <translation>%1, %2/%3</translation>
    </message>
    <message>
        <source>%1：一台电脑登记了“无作业”，另一台电脑登记了作业，两者不能同时成立。区县保留了先到的“无作业”，后到的作业没有保存，已在各台电脑上标为删除，内容保留在这里。</source>
        <translation>%1: one computer recorded “no homework”, another recorded homework, and both cannot stand. The county kept the “no homework” that reached it first; the homework that came later was not stored and is marked deleted on every computer, its content kept here.</translation>
    </message>
    <message>
        <source>怎么办：这一天确实没有作业，点“保留现有记录”；有作业，点“采用另一条”，“无作业”就改成这条作业（别的学科如果也有作业，请到作业登记里补上）。</source>
        <translation>What to do: if the class really had no homework that day, click “Keep the current record”; if it had homework, click “Use the other one” and “no homework” becomes this homework (add homework of other subjects, if any, on the Homework page).</translation>
    </message>
    <message>
        <source>%1：一台电脑登记了作业，另一台电脑登记了“无作业”，两者不能同时成立。区县保留了先到的作业，后到的“无作业”没有保存，已在各台电脑上标为删除。</source>
        <translation>%1: one computer recorded homework, another recorded “no homework”, and both cannot stand. The county kept the homework that reached it first; the “no homework” that came later was not stored and is marked deleted on every computer.</translation>
    </message>
    <message>
        <source>怎么办：这一天确实有作业，点“保留现有记录”；确实没有作业，先到作业登记里删除这一天的其他作业，再点“采用另一条”。</source>
        <translation>What to do: if the class had homework that day, click “Keep the current record”; if it really had none, first delete the day’s other homework on the Homework page, then click “Use the other one”.</translation>
    </message>
    <message>
        <source>%1：本机登记了“无作业”，本校另一台电脑登记了作业，两者不能同时成立。区县保留了先到的作业，本机的“无作业”已在各台电脑上标为删除。</source>
        <translation>%1: this computer recorded “no homework” and another computer of the school recorded homework; both cannot stand. The county kept the homework that reached it first, and this computer’s “no homework” is marked deleted on every computer.</translation>
    </message>
    <message>
        <source>%1：本机登记了作业，本校另一台电脑登记了“无作业”，两者不能同时成立。区县保留了先到的“无作业”，本机这条作业已在各台电脑上标为删除，内容保留在冲突里。</source>
        <translation>%1: this computer recorded homework and another computer of the school recorded “no homework”; both cannot stand. The county kept the “no homework” that reached it first; this homework is marked deleted on every computer, its content kept in the conflict.</translation>
    </message>
</context>
<context>
    <name>taizhang::AppContext</name>
    <message>
        <source>登录失败：%1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>“%1”（%2）</source>
        <translation>&quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>教师</source>
        <translation>teacher</translation>
    </message>
    <message>
        <source>演示学校：选择 %1，密码都是 %2</source>
        <translation>Demo school: choose %1; the password is %2 for both</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> or </translation>
    </message>
</context>
<context>
    <name>taizhang::DailyForm</name>
    <message>
        <source>请选择班级</source>
        <translation>Choose a class</translation>
    </message>
    <message>
        <source>日期格式应为 年-月-日，例如 2026-11-23</source>
        <translation>Write the date as year-month-day, e.g. 2026-11-23</translation>
    </message>
    <message>
        <source>不能记录未来日期</source>
        <translation>A future date cannot be recorded</translation>
    </message>
    <message>
        <source>调查人数应为 1 到 %1 之间的整数（班级人数）</source>
        <translation>Surveyed must be a whole number from 1 to %1 (the class size)</translation>
    </message>
    <message>
        <source>达标人数应为 0 到调查人数之间的整数</source>
        <translation>Reaching the standard must be a whole number from 0 to the number surveyed</translation>
    </message>
    <message>
        <source>有大课间分钟数时次数至少为 1</source>
        <translation>With long-break minutes there must be at least one long break</translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation>Correct the fields marked in red first</translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>记录已被他人修改，已重新读取，请核对后再保存</source>
        <translation>Someone else changed this record; it was reloaded, check it and save again</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>没有需要保存的修改</source>
        <translation>Nothing to save</translation>
    </message>
    <message>
        <source>平均睡眠时间应在 %1 到 %2 小时之间，例如 9.5</source>
        <translation>Average sleep must be between %1 and %2 hours, e.g. 9.5</translation>
    </message>
    <message>
        <source>%1应为 %2 到 %3 之间的整数</source>
        <translation>%1 must be a whole number from %2 to %3</translation>
    </message>
</context>
<context>
    <name>taizhang::HomeworkEntryModel</name>
    <message>
        <source>日期格式应为 年-月-日，例如 2026-11-23</source>
        <translation>Write the date as year-month-day, e.g. 2026-11-23</translation>
    </message>
    <message>
        <source>不能记录未来日期的作业</source>
        <translation>Homework cannot be recorded for a future date</translation>
    </message>
    <message>
        <source>分钟数应为 0 到 %1 之间的整数</source>
        <translation>Minutes must be a whole number from 0 to %1</translation>
    </message>
    <message>
        <source>请填写作业内容（作业公示需要）</source>
        <translation>Enter the content (needed for the published sheet)</translation>
    </message>
    <message>
        <source>作业内容不能超过 500 字</source>
        <translation>Content can be at most 500 characters</translation>
    </message>
    <message>
        <source>书面作业超过上限，请填写超量原因后再保存</source>
        <translation>Written homework is over the cap: give a reason, then save</translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation>Correct the fields marked in red first</translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>记录已被他人修改，已重新读取，请核对后再保存</source>
        <translation>Someone else changed this record; it was reloaded, check it and save again</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>已保存 %1 条</source>
        <translation>Saved %1 rows</translation>
    </message>
    <message>
        <source>最近一周没有可复制的作业</source>
        <translation>No homework in the past week to copy</translation>
    </message>
    <message>
        <source>已复制 %1 的 %2 条作业，核对后按 Enter 保存</source>
        <translation>Copied %2 rows from %1; check them and press Enter to save</translation>
    </message>
    <message>
        <source>请先选择班级</source>
        <translation>Choose a class first</translation>
    </message>
    <message>
        <source>表中有未保存的作业，不能登记“无作业”；请先保存或清空分钟数</source>
        <translation>The form has unsaved homework, so “no homework” cannot be recorded; save it or clear the minutes first</translation>
    </message>
    <message>
        <source>已登记今天无作业</source>
        <translation>Recorded: no homework today</translation>
    </message>
    <message>
        <source>已撤销“无作业”，可以登记作业</source>
        <translation>“No homework” withdrawn; homework can be entered</translation>
    </message>
</context>
<context>
    <name>taizhang::JoinController</name>
    <message>
        <source>正在加入，请稍候</source>
        <translation>Joining, please wait</translation>
    </message>
    <message>
        <source>本机已经设置过学校，不能再加入其他学校</source>
        <translation>This computer is already set up for a school and cannot join another one</translation>
    </message>
    <message>
        <source>服务器地址应以 https:// 开头</source>
        <translation>The server address must start with https://</translation>
    </message>
    <message>
        <source>学校标识码应为 10 位数字</source>
        <translation>The school code must be 10 digits</translation>
    </message>
    <message>
        <source>请填写区县教育局发放的注册码</source>
        <translation>Enter the enrollment code from the county bureau</translation>
    </message>
    <message>
        <source>管理员用户名只能包含字母、数字、点、下划线和短横线</source>
        <translation>The administrator user name may contain only letters, digits, dots, underscores and hyphens</translation>
    </message>
    <message>
        <source>密码至少 6 位</source>
        <translation>The password needs at least 6 characters</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The passwords differ</translation>
    </message>
    <message>
        <source>正在向区县服务器注册……</source>
        <translation>Enrolling with the county server…</translation>
    </message>
    <message>
        <source>加入失败：%1</source>
        <translation>Joining failed: %1</translation>
    </message>
    <message>
        <source>已注册，但区县服务器没有提供学校信息（版本较旧）：请用“首次设置”填写学校</source>
        <translation>Enrolled, but the county server sent no school details (an older version): set up the school with “First-time setup”</translation>
    </message>
    <message>
        <source>已加入学校，但无法创建管理员账号：%1</source>
        <translation>Joined the school, but the administrator account could not be created: %1</translation>
    </message>
    <message>
        <source>已加入 %1，正在下载学校的台账</source>
        <translation>Joined %1; downloading the school’s ledger</translation>
    </message>
</context>
<context>
    <name>taizhang::PublicationController</name>
    <message>
        <source>日期应写成 2026-11-23 或 2026年11月23日</source>
        <translation>Write the date as 2026-11-23</translation>
    </message>
    <message>
        <source>作业公示 %1</source>
        <translation>Homework notice %1</translation>
    </message>
    <message>
        <source>已保存 %1（%2 页）</source>
        <translation>Saved %1 (%2 pages)</translation>
    </message>
    <message>
        <source>无法写入 %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <source>找不到打印机“%1”；请检查打印机是否已连接，或先保存为 PDF 再打印</source>
        <translation>Printer “%1” not found; check that it is connected, or save as PDF and print that</translation>
    </message>
    <message>
        <source>已发送到打印机“%1”，%2 份</source>
        <translation>Sent to printer “%1”, %2 copies</translation>
    </message>
    <message>
        <source>打印机“%1”无法打印；请检查打印机，或先保存为 PDF 再打印</source>
        <translation>Printer “%1” could not print; check the printer, or save as PDF and print that</translation>
    </message>
    <message>
        <source>作业公示-%1.pdf</source>
        <translation>homework-notice-%1.pdf</translation>
    </message>
</context>
<context>
    <name>taizhang::RecordsModel</name>
    <message>
        <source>开始日期应写成 2026-11-01</source>
        <translation>Write the start date like 2026-11-01</translation>
    </message>
    <message>
        <source>结束日期应写成 2026-11-30</source>
        <translation>Write the end date like 2026-11-30</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>删除失败：%1</source>
        <translation>Delete failed: %1</translation>
    </message>
    <message>
        <source>已删除（保留删除标记，可在“显示已删除”中查看）</source>
        <translation>Deleted (kept as a tombstone; see &quot;Show deleted&quot;)</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>不能删除：%1</source>
        <translation>Not deleted: %1</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>其他电脑</source>
        <translation>Another computer</translation>
    </message>
</context>
<context>
    <name>taizhang::RefusedRecordsModel</name>
    <message>
        <source>%1作业</source>
        <translation>%1 homework</translation>
    </message>
    <message>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>书面</source>
        <translation>written</translation>
    </message>
    <message>
        <source>非书面</source>
        <translation>not written</translation>
    </message>
    <message>
        <source>在家</source>
        <translation>at home</translation>
    </message>
    <message>
        <source>在校</source>
        <translation>in school</translation>
    </message>
    <message>
        <source>睡眠调查</source>
        <translation>Sleep survey</translation>
    </message>
    <message>
        <source>调查 %1 人，达标 %2 人</source>
        <translation>%1 surveyed, %2 reaching the standard</translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <source>体育课 %1 分钟，大课间 %2 分钟</source>
        <translation>PE %1 min, long break %2 min</translation>
    </message>
    <message>
        <source>课程表</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <source>%1 第%2节</source>
        <translation>%1 period %2</translation>
    </message>
    <message>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>%1 至 %2，%3 学时</source>
        <translation>%1 to %2, %3 hours</translation>
    </message>
    <message>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>学期</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>课程</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>本机已删除这条记录</source>
        <translation>This record has been deleted on this computer</translation>
    </message>
    <message>
        <source>区县已有这条记录同一版本的另一份内容（可能在另一台电脑上改过，或本机从备份恢复后又改过），区县保留了原来的内容，这一份留待区县核对。</source>
        <translation>The county holds other content for the same version of this record (changed on another computer, or here after restoring a backup). The county kept its content; this copy is kept for the county to review.</translation>
    </message>
    <message>
        <source>请核对这条记录：如果本机的内容是对的，打开它修改保存一次，新版本会覆盖区县的；如果区县的内容是对的，点“忽略”。</source>
        <translation>Check this record: if this computer&apos;s content is right, open it and save it once, and the new version replaces the county&apos;s; if the county&apos;s content is right, press Dismiss.</translation>
    </message>
    <message>
        <source>这条记录太大，超过了区县服务器规定的每条 %1 KB，区县没有接收。</source>
        <translation>This record is too large: over the county server&apos;s limit of %1 KB per record. The county did not take it.</translation>
    </message>
    <message>
        <source>这条记录太大，超过了区县服务器规定的大小，区县没有接收。</source>
        <translation>This record is over the county server&apos;s size limit. The county did not take it.</translation>
    </message>
    <message>
        <source>请点“打开修改”，把作业内容等文字改短后保存，改好的记录会自动重新发送。</source>
        <translation>Press Open and fix, shorten the homework content or other text and save; the fixed record is sent again by itself.</translation>
    </message>
    <message>
        <source>区县那里已有另一所学校使用了这条记录的编号，区县没有接收。</source>
        <translation>Another school already uses this record&apos;s id at the county. The county did not take it.</translation>
    </message>
    <message>
        <source>请联系区县教育局核查；本机的记录保留不动。</source>
        <translation>Ask the county education bureau to check; the record stays here unchanged.</translation>
    </message>
    <message>
        <source>区县已审核通过并锁定了这条记录日期所在的一周，锁定后不再接收这一周的修改。</source>
        <translation>The county approved and locked the week of this record&apos;s date; changes to that week are no longer accepted.</translation>
    </message>
    <message>
        <source>如确需修改，请联系区县教育局重新开放这一周，开放后点“重新发送”。</source>
        <translation>If it must change, ask the county education bureau to reopen that week, then click “Resend”.</translation>
    </message>
    <message>
        <source>区县服务器的版本较旧，还不认识这类记录。</source>
        <translation>The county server is older and does not know this kind of record yet.</translation>
    </message>
    <message>
        <source>请联系区县教育局升级服务器，升级后点“重新发送”。</source>
        <translation>Ask the county education bureau to upgrade the server, then press Resend.</translation>
    </message>
    <message>
        <source>区县检查后认为这条记录的内容不符合要求，没有接收。</source>
        <translation>The county&apos;s checks found this record&apos;s content invalid and did not take it.</translation>
    </message>
    <message>
        <source>区县检查后没有接收：%1</source>
        <translation>The county&apos;s checks refused it: %1</translation>
    </message>
    <message>
        <source>请打开这条记录核对后保存；如果确认无误，点“重新发送”，仍被退回请联系区县教育局。</source>
        <translation>Open the record, check it and save; if it is right, press Resend, and if it is refused again contact the county education bureau.</translation>
    </message>
    <message>
        <source>请点“打开修改”改正后保存，改好的记录会自动重新发送。</source>
        <translation>Press Open and fix, correct it and save; the fixed record is sent again by itself.</translation>
    </message>
    <message>
        <source>只有管理员可以处理退回的记录</source>
        <translation>Only an administrator can deal with refused records</translation>
    </message>
    <message>
        <source>这条记录已不在列表中</source>
        <translation>This record is no longer in the list</translation>
    </message>
    <message>
        <source>无法重新发送，请稍后再试</source>
        <translation>Could not resend; please try again later</translation>
    </message>
    <message>
        <source>这条记录区县还没有收到，不能忽略；请修改后重新发送</source>
        <translation>The county has not received this record, so it cannot be dismissed; fix it and send it again</translation>
    </message>
    <message>
        <source>无法忽略，请稍后再试</source>
        <translation>Could not dismiss; please try again later</translation>
    </message>
    <message>
        <source>本校另一台电脑已经记了同一班级、同一天的这项记录，区县保留了先到的那一条，本机这一条已在各台电脑上标为删除。</source>
        <translation>Another computer of the school already recorded this for the same class and day; the county kept the one that arrived first, and this computer’s entry is marked deleted on every computer.</translation>
    </message>
    <message>
        <source>请在上方“本校的冲突”里选择保留现有记录或采用本机这一条；处理后这条提示可以点“忽略”。</source>
        <translation>Under “Conflicts at this school” above, keep the current record or use this computer’s entry; afterwards this notice can be dismissed with “Ignore”.</translation>
    </message>
    <message>
        <source>无作业</source>
        <translation>No homework</translation>
    </message>
</context>
<context>
    <name>taizhang::ReportsController</name>
    <message>
        <source>无法写入 %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <source>日期范围应写成 2026-09-01 至 2026-11-30</source>
        <translation>Write the range like 2026-09-01 to 2026-11-30</translation>
    </message>
    <message>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已取消，未生成文件</source>
        <translation>Cancelled; no file written</translation>
    </message>
    <message>
        <source>已导出 %1 条记录到 %2</source>
        <translation>Exported %1 records to %2</translation>
    </message>
    <message>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>作业</source>
        <translation>Homework</translation>
    </message>
    <message>
        <source>睡眠</source>
        <translation>Sleep</translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation>Physical activity</translation>
    </message>
    <message>
        <source>%1-%2至%3.csv</source>
        <translation>%1-%2-to-%3.csv</translation>
    </message>
    <message>
        <source>请选择要导出的记录：作业、睡眠或体育活动</source>
        <translation>Choose what to export: homework, sleep or physical activity</translation>
    </message>
    <message>
        <source>请写出要保存的文件路径</source>
        <translation>Write the path of the file to save</translation>
    </message>
</context>
<context>
    <name>taizhang::SchoolConflictsModel</name>
    <message>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>其他电脑</source>
        <translation>Another computer</translation>
    </message>
    <message>
        <source>两台电脑各记了一条同一班级、同一天的记录，区县保留了先到的一条</source>
        <translation>Two computers each recorded an entry for the same class and day; the county kept the one that arrived first</translation>
    </message>
    <message>
        <source>两台电脑同时修改了这条记录，区县保留了先到的修改</source>
        <translation>Two computers changed this record at the same time; the county kept the change that arrived first</translation>
    </message>
    <message>
        <source>没有这条冲突</source>
        <translation>No such conflict</translation>
    </message>
    <message>
        <source>这个冲突已经处理过了</source>
        <translation>This conflict has already been resolved</translation>
    </message>
    <message>
        <source>处理失败：%1</source>
        <translation>Could not resolve it: %1</translation>
    </message>
</context>
<context>
    <name>taizhang::SettingsController</name>
    <message>
        <source>%1（含区县规定）</source>
        <translation>%1 (with county overrides)</translation>
    </message>
    <message>
        <source>无（使用国家标准）</source>
        <translation>None (national rules)</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>备份失败：无法写入 %1</source>
        <translation>Backup failed: cannot write %1</translation>
    </message>
    <message>
        <source>不能恢复：%1 不是有效的台账备份</source>
        <translation>Cannot restore: %1 is not a valid ledger backup</translation>
    </message>
    <message>
        <source>服务器地址应以 https:// 开头</source>
        <translation>The server address must start with https://</translation>
    </message>
    <message>
        <source>请填写区县教育局发放的注册码</source>
        <translation>Enter the enrollment code from the county bureau</translation>
    </message>
    <message>
        <source>正在注册……</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>注册成功：%1</source>
        <translation>Enrolled: %1</translation>
    </message>
    <message>
        <source>注册失败：%1</source>
        <translation>Enrollment failed: %1</translation>
    </message>
    <message>
        <source>没有完成：本机数据文件暂时无法读写。请关闭其他正在使用它的程序后再试；详细原因已写入日志。</source>
        <translation>Not done: the data file on this computer cannot be read or written right now. Close other programs using it and try again; the details are in the log.</translation>
    </message>
    <message>
        <source>台账备份-%1-%2.db</source>
        <translation>taizhang-backup-%1-%2.db</translation>
    </message>
    <message>
        <source>请填写备份文件的位置</source>
        <translation>Please enter where the backup goes</translation>
    </message>
    <message>
        <source>备份失败：文件夹 %1 不存在</source>
        <translation>Backup failed: the folder %1 does not exist</translation>
    </message>
    <message>
        <source>正在同步或注册，请等它结束后再恢复</source>
        <translation>Sync or enrolment is running; restore when it has finished</translation>
    </message>
    <message>
        <source>暂时无法恢复（数据文件正被使用），备份已保存，下次启动程序时自动恢复</source>
        <translation>Cannot restore now (the data file is in use); the backup is kept and will be restored at the next start</translation>
    </message>
    <message>
        <source>已从备份恢复，原数据另存为 %1。请重新登录。</source>
        <translation>Restored from the backup; the previous data is kept as %1. Please sign in again.</translation>
    </message>
</context>
<context>
    <name>taizhang::SetupController</name>
    <message>
        <source>学校标识码应为 10 位数字</source>
        <translation>The school code must be 10 digits</translation>
    </message>
    <message>
        <source>请填写学校名称</source>
        <translation>Enter the school name</translation>
    </message>
    <message>
        <source>请选择学校类型</source>
        <translation>Choose the school type</translation>
    </message>
    <message>
        <source>请填写学期名称</source>
        <translation>Enter the term name</translation>
    </message>
    <message>
        <source>日期应写成 2026-09-01</source>
        <translation>Write the date like 2026-09-01</translation>
    </message>
    <message>
        <source>日期应写成 2027-01-20</source>
        <translation>Write the date like 2027-01-20</translation>
    </message>
    <message>
        <source>学期结束日期应晚于开始日期</source>
        <translation>The term must end after it starts</translation>
    </message>
    <message>
        <source>每班人数应在 1 到 80 之间</source>
        <translation>Students per class must be 1-80</translation>
    </message>
    <message>
        <source>请至少添加一个班级，例如“三年级 1-6 班”</source>
        <translation>Add at least one class, e.g. &quot;三年级 1-6 班&quot;</translation>
    </message>
    <message>
        <source>%1 不属于所选学校类型</source>
        <translation>%1 does not fit the chosen school type</translation>
    </message>
    <message>
        <source>请填写管理员用户名</source>
        <translation>Enter the administrator&apos;s user name</translation>
    </message>
    <message>
        <source>用户名只能包含字母、数字、点、下划线和短横线</source>
        <translation>User names may contain only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</translation>
    </message>
    <message>
        <source>密码至少 6 位</source>
        <translation>The password needs at least 6 characters</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The passwords differ</translation>
    </message>
    <message>
        <source>本机已经设置过学校，不能再次设置</source>
        <translation>A school is already set up on this computer</translation>
    </message>
    <message>
        <source>还有未改正的内容：请回到标红的那一步</source>
        <translation>Some entries still need correcting: go back to the step marked in red</translation>
    </message>
    <message>
        <source>已有同名用户，请换一个用户名</source>
        <translation>A user with this name exists; choose another user name</translation>
    </message>
    <message>
        <source>无法创建管理员账号</source>
        <translation>Could not create the administrator account</translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>保存失败，什么也没有写入，可以再试一次。（%1）</source>
        <translation>Saving failed and nothing was written; you can try again. (%1)</translation>
    </message>
</context>
<context>
    <name>taizhang::SyncService</name>
    <message>
        <source>区县服务器上有本机更新的记录，本机数据可能是从旧的备份或还原卡恢复的；新记录会接着编号，不会覆盖区县的数据。</source>
        <translation>The county holds newer changes from this computer than this data file: it was probably restored from an old backup or a restore card. New records continue the numbering and never overwrite the county&apos;s data.</translation>
    </message>
    <message>
        <source>本次发送 %1 条</source>
        <translation>%1 sent in the last pass</translation>
    </message>
    <message>
        <source>%1 条被区县退回，请在“同步”页处理</source>
        <translation>%1 refused by the county: see the Sync page</translation>
    </message>
    <message>
        <source>%1 条与区县已有内容不一致，请在“同步”页核对</source>
        <translation>%1 differ from what the county holds: check them on the Sync page</translation>
    </message>
    <message>
        <source>没有需要发送的新记录</source>
        <translation>Nothing new to send</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>未注册到区县服务器，记录只保存在本机</source>
        <translation>Not enrolled with a county server; records are kept on this computer only</translation>
    </message>
    <message>
        <source>正在同步……</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同步已暂停，需要处理（%1 条未发送）</source>
        <translation>Sync is paused and needs attention (%1 unsent)</translation>
    </message>
    <message>
        <source>网络不通，%1 条未发送</source>
        <translation>No network connection, %1 unsent</translation>
    </message>
    <message>
        <source>网络不通，将在 %1 重试（%2 条未发送）</source>
        <translation>No network connection, retrying at %1 (%2 unsent)</translation>
    </message>
    <message>
        <source>未能发送，%1 条未发送</source>
        <translation>Could not send, %1 unsent</translation>
    </message>
    <message>
        <source>未能发送，将在 %1 重试（%2 条未发送）</source>
        <translation>Could not send, retrying at %1 (%2 unsent)</translation>
    </message>
    <message>
        <source>%1 条未发送</source>
        <translation>%1 unsent</translation>
    </message>
    <message>
        <source>其余已发送，%1 条被区县退回，需要处理</source>
        <translation>The rest is sent; %1 refused by the county need attention</translation>
    </message>
    <message>
        <source>已全部发送</source>
        <translation>Everything sent</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>收到本校其他电脑的 %1 条</source>
        <translation>%1 received from the school’s other computers</translation>
    </message>
    <message>
        <source>本校有 %1 处新的冲突，请在“同步”页选择保留哪一条</source>
        <translation>The school has %1 new conflicts; choose which entry to keep on the Sync page</translation>
    </message>
</context>
<context>
    <name>taizhang::TimetableModel</name>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>请先选择班级和学期</source>
        <translation>Choose a class and a term first</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>已保存 %1 处修改</source>
        <translation>Saved %1 changes</translation>
    </message>
    <message>
        <source>复制失败：%1</source>
        <translation>Copy failed: %1</translation>
    </message>
    <message>
        <source>已复制到 %1 个平行班</source>
        <translation>Copied to %1 parallel classes</translation>
    </message>
    <message>
        <source>这是新学年从上学年复制来的课表草稿（%1 节），草稿不参加课表检查。请核对修改后点「确认课表」。</source>
        <translation>This is a draft copied from last year into the new school year (%1 lessons); drafts are not checked. Review it, change what differs, then click &quot;Confirm timetable&quot;.</translation>
    </message>
    <message>
        <source>课表已确认（%1 节），以后参加课表检查</source>
        <translation>Timetable confirmed (%1 lessons); it is checked from now on</translation>
    </message>
</context>
<context>
    <name>taizhang::TrainingModel</name>
    <message>
        <source>请选择教师</source>
        <translation>Choose a teacher</translation>
    </message>
    <message>
        <source>日期应写成 2026-07-10</source>
        <translation>Write the date like 2026-07-10</translation>
    </message>
    <message>
        <source>日期应写成 2026-07-14</source>
        <translation>Write the date like 2026-07-14</translation>
    </message>
    <message>
        <source>请填写培训名称</source>
        <translation>Enter the course title</translation>
    </message>
    <message>
        <source>学时应为 0 到 %1 之间的数，例如 24 或 1.5</source>
        <translation>Hours must be a number from 0 to %1, e.g. 24 or 1.5</translation>
    </message>
    <message>
        <source>请选择培训级别</source>
        <translation>Choose the level</translation>
    </message>
    <message>
        <source>请选择培训形式</source>
        <translation>Choose the mode</translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation>Correct the fields marked in red first</translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>taizhang::YearController</name>
    <message>
        <source>升级</source>
        <translation>Promote</translation>
    </message>
    <message>
        <source>毕业归档</source>
        <translation>Graduate</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>%1：升级 %2 个班，毕业归档 %3 个班，新建 %4 个班</source>
        <translation>%1: promote %2 classes, graduate %3, open %4 new</translation>
    </message>
    <message>
        <source>添加学期 %1（%2 至 %3）%4</source>
        <translation>Add term %1 (%2 to %3)%4</translation>
    </message>
    <message>
        <source>，来自县区校历</source>
        <translation>, from the county calendar</translation>
    </message>
    <message>
        <source>课表：从「%1」复制 %2 节为草稿</source>
        <translation>Timetables: %2 lessons copied from &quot;%1&quot; as drafts</translation>
    </message>
    <message>
        <source>只有管理员可以开始新学年</source>
        <translation>Only an administrator can start a new school year</translation>
    </message>
    <message>
        <source>没有可以升级的班级</source>
        <translation>There are no classes to promote</translation>
    </message>
    <message>
        <source>新学年没有开始，没有做任何修改：</source>
        <translation>The new year was not started and nothing was changed: </translation>
    </message>
    <message>
        <source>新学年已开始：升级 %1 个班，毕业归档 %2 个班，新建 %3 个班，添加学期 %4 个，课表草稿 %5 节</source>
        <translation>New school year started: %1 classes promoted, %2 graduated, %3 new, %4 terms added, %5 timetable drafts</translation>
    </message>
    <message>
        <source>请写成 2027-09-01 这样的日期</source>
        <translation>write a date like 2027-09-01</translation>
    </message>
    <message>
        <source>新学年已于 %1 开始过，不能再开始一次；下一个新学年请填 %2</source>
        <translation>the new school year already began on %1 and cannot be started again; for the next one, enter %2</translation>
    </message>
    <message>
        <source>上一个新学年于 %1 开始</source>
        <translation>the last new school year began on %1</translation>
    </message>
    <message>
        <source>课表：从「%1」复制 %2 节为草稿（%3 节因新年级不开设该科目未复制）</source>
        <translation>Timetables: %2 lessons copied from &quot;%1&quot; as drafts (%3 not copied: the new grade does not take the subject)</translation>
    </message>
    <message>
        <source>……另有 %1 个问题未列出</source>
        <translation>… and %1 more problems</translation>
    </message>
</context>
</TS>
