<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityPage</name>
    <message>
        <source>体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2025 年起每天综合体育活动不少于 2 小时，含两次不少于 30 分钟的大课间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育课</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大课间合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大课间次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课后服务体育</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校外体育活动</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyForm</name>
    <message>
        <source>体育课分钟数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大课间分钟数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大课间次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课后体育分钟数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校外活动分钟数</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyFormPage</name>
    <message>
        <source>班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已有记录，保存即修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（尚未登记）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按当前数值将产生的提示：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingBadge</name>
    <message>
        <source>【必须】</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>【提示】</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>规则编号：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeworkPage</name>
    <message>
        <source>作业登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab 切换 · Enter 保存 · Ctrl+D 复制前一天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面作业 %1 / %2 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学科</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业内容（公示）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 书面作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 在家完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：练习册第 12 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 作业内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超过上限 %1 分钟，须填写原因（记入审计）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超量原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制前一天 (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>含其他学科已登记 %1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今天无作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记今天无作业，本班今天不再登记作业。如需布置作业，请先取消“今天无作业”。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinSchoolForm</name>
    <message>
        <source>本校已有电脑在用台账并已注册到区县：填写区县服务器地址、学校标识码和区县发放的注册码，本机会从区县下载学校的班级、教师、学期和全部记录，不需要再设置学校。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校标识码（10 位数字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册码（区县教育局发放）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机名称（如 三年级办公室）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机管理员用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码（至少 6 位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>返回首次设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加入学校</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalTime</name>
    <message>
        <source>%1月%2日 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>新学年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>睡眠调查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课程表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2
待同步 %3 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>请先登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有管理员可以进行此操作，请用管理员账号登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>您没有在%1任课，不能修改该班的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>您没有在%1教%2，不能修改这门课的记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintSheetDialog</name>
    <message>
        <source>打印作业公示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机没有可用的打印机。请先安装或连接打印机；也可以关闭此窗口，用“保存为 PDF”存到 U 盘，在别的电脑上打印。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>份数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纸张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 纵向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicationSheet</name>
    <message>
        <source>星期一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期二</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期四</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期五</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期六</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1年%2月%3日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（%2）至 %3（%4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业公示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学科</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>布置教师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未登记作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>非书面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一、二年级不布置家庭书面作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上限 %1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本班合计：家庭书面作业 %1 分钟（%2），全部作业 %3 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本班合计：书面作业 %1 分钟（%2），全部作业 %3 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；超出原因：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班主任（签字）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教务处（审核）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公示日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 页 / 共 %2 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无作业</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>记录查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只显示前 500 条，请缩小范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填写人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示已删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除后记录保留删除标记并同步到区县，确定删除？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 %2 %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
原因：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedRecordsModel</name>
    <message>
        <source>星期一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期二</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期四</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期五</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期六</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期日</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 所在周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面作业时长（柱）与上限（蓝线）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育活动时长（柱）与要求（蓝线）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业公示日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存为 PDF……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业公示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公示范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>睡眠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出哪类记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存作业公示 PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavePathDialog</name>
    <message>
        <source>保存到（完整路径，可修改）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器与同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已注册：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教务处电脑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设备名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政策规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前规则集：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县规定：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份数据……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账备份 (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>首次设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 步，共 4 步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填入示例学校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校标识码（10 位数字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小学</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初级中学</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>九年一贯制学校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学期名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开学日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学期结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日（每行一个：名称 开始日期 结束日期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班级（每行一个年级，例如“三年级 1-6 班 45”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未写人数时每班人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将创建 %1 个班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师（从 Excel 复制粘贴：姓名、工号、学科、入职日期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名	工号	学科	入职日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将创建 %1 位教师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码（至少 6 位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加入已有的学校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本校的台账从区县下载</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加入已有的学校…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>请选择用户并输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码或 PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SleepPage</name>
    <message>
        <source>睡眠调查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小学应达到 10 小时，初中 9 小时；未达到只作提示，不阻止保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>睡眠达标人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平均睡眠时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小时</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusDot</name>
    <message>
        <source>已填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回的记录和冲突（%1 条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有被区县退回的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>【冲突】</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>【退回】</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>忽略</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>怎么办：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本校的冲突（%1 处）：两台电脑记了同一条，区县保留了先到的一条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保留现有记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采用另一条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现有记录：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另一条（%1）：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncProblem</name>
    <message>
        <source>本机还没有注册到区县服务器，记录只保存在本机。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请向区县教育局索取注册码，在“设置”里填写服务器地址和注册码后点“注册”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机的注册信息打不开（数据文件可能是从别的电脑复制来的，缺少配套的密钥文件）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机记录都还在。请向区县教育局索取新的注册码，在“设置”里重新注册。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到区县服务器 %1（域名无法解析）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请检查网线或无线网络是否连好；如果别的网站也打不开，请联系学校网管。地址填错时请在“设置”里改正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连不上区县服务器 %1（对方没有响应连接，服务器可能暂时关闭）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>稍后会自动重试，不用重复操作。如果一直连不上，请联系区县教育局确认服务器是否开启。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连接区县服务器超时，网络太慢或不稳定。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>稍后会自动重试。网络恢复后会继续发送，已保存的记录不会丢失。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络中断，和区县服务器的连接断开了。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>稍后会自动重试。请检查网络是否正常。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法确认区县服务器 %1 的安全证书。学校的防火墙或上网行为管理设备可能在检查加密连接，替换了证书。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请学校网管把 %1 加入 HTTPS 检查的例外名单；如果区县使用自己的证书，请向区县索取证书文件后重新注册。为保护数据，本程序不会跳过证书检查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到区县服务器 %1 的连接被拦截：对方的证书与注册时记下的不一致，数据没有发送。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系学校网管检查防火墙是否在拦截加密连接；如果区县更换了证书，请重新注册。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与区县服务器建立加密连接失败。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请检查电脑的日期和时间是否正确，稍后会自动重试；一直失败请联系学校网管。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代理服务器出错，连不到区县服务器。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系学校网管检查代理设置。稍后会自动重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校的代理服务器要求登录（用户名和密码）才能上网。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系学校网管，为本机开通直接访问 %1，或提供代理账号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县教育局已停用本机的注册，同步已暂停。本机记录都还在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请向区县教育局索取新的注册码，在“设置”里重新注册。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器不认识本机（注册信息无效），同步已暂停。本机记录都还在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器说本机不属于本校的学校标识码，同步已暂停。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核对学校标识码，并联系区县教育局重新注册本机。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县教育局暂停了本校的数据接收，同步已暂停。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系区县教育局了解原因。本机记录都还在，恢复后点“立即同步”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器拒绝了本机的请求，同步已暂停。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系区县教育局。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址 %1 上不是区县台账服务器。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请在“设置”里核对区县服务器地址。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一批记录超过了区县服务器的大小限制。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程序会自动拆小重发；单条过大的记录会列在“退回的记录”里，请改短后重新发送。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器请求太多，要求稍等再发。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会按区县要求的时间自动重试，不用操作。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器正忙或正在维护。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会自动重试，不用操作。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器内部出错，这一批没有保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会自动重试；如果一直出错，请联系区县教育局。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器没有接受这一批数据（程序之间的通信出了问题）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会自动重试；如果一直出现，请联系技术支持，并提供程序日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器的版本与本程序不一致。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系区县教育局或技术支持升级程序。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册码已过期，请向区县教育局索取新的注册码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个注册码已经用过了（每个注册码只能注册一台电脑），请向区县教育局索取新的注册码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册码不对，或者不是发给本校的。请核对注册码和学校标识码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县教育局暂停了本校的数据接收，请联系区县教育局。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册失败次数太多，请过 10 分钟再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册没有成功，请稍后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县退回了 %1 至 %2 这一周：%3。请核对并改正这一周的记录，区县会重新审核。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机时钟比区县服务器慢 %1 分钟，请在电脑的“日期和时间”设置里改正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机时钟比区县服务器快 %1 分钟，请在电脑的“日期和时间”设置里改正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核对服务器地址、检查网络后再点“注册”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机的数据文件暂时打不开，这次没有同步。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>稍后会自动重试；如果一直出现，请关闭其他正在使用数据文件的程序。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusPanel</name>
    <message>
        <source>立即同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次成功发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下次尝试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>怎么办：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次收到本校其他电脑的记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimetablePage</name>
    <message>
        <source>课程表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每周共 %1 节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制到平行班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期二</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期四</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期五</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第%1节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 第%2节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每周节数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合课程方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本年级没有其他班级。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将用 %1 的课程表覆盖以下班级：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：现有 %2 节课，将改动 %3 处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：尚无课程表，将写入 %2 节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本班未保存的修改会先保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>覆盖并复制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认课表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认后的检查结果</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>%1 个班级 · 必须整改 %2 项 · 提示 %3 项 · 非上课日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 个班级 · 必须整改 %2 项 · 提示 %3 项 · %4 个班未登记作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前一天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>后一天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>睡眠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面作业 %1 / %2 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师培训：%1 / %2 人达到五年 360 学时进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步：%1 · 上次成功 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步：%1（%2 条未发送）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>去处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今天无作业</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>教师培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>五年 360 学时进度达标：%1 / %2 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 培训进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>试用期 %1 / %2 学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>县级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>市级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>省级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>国培</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>面授</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>混合</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证书编号（可选）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <source>分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>二</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>四</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>五</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>周%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearPage</name>
    <message>
        <source>新学年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>升级各班、六年级 / 九年级毕业归档、新建一年级 / 七年级、添加学期、复制课表草稿，一次完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新学年第一天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建一年级班数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建七年级班数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（已毕业，记录保留，可查询、可报表）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始新学年…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始新学年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1。
%2
以前的记录仍按当时的年级检查，不会改变。确定开始吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang</name>
    <message>
        <source>第 %1 行看不懂：应写成“三年级 1-6 班 45”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：年级应为一年级到九年级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：班号范围应在 1 到 30 之间且从小到大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：每班人数应在 1 到 80 之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：缺少姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：不认识的学科“%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：入职日期应写成 2020-09-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：工号 %2 重复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：应写成“国庆节 2026-10-01 2026-10-07”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行：结束日期早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2月%3日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：一台电脑登记了“无作业”，另一台电脑登记了作业，两者不能同时成立。区县保留了先到的“无作业”，后到的作业没有保存，已在各台电脑上标为删除，内容保留在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>怎么办：这一天确实没有作业，点“保留现有记录”；有作业，点“采用另一条”，“无作业”就改成这条作业（别的学科如果也有作业，请到作业登记里补上）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：一台电脑登记了作业，另一台电脑登记了“无作业”，两者不能同时成立。区县保留了先到的作业，后到的“无作业”没有保存，已在各台电脑上标为删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>怎么办：这一天确实有作业，点“保留现有记录”；确实没有作业，先到作业登记里删除这一天的其他作业，再点“采用另一条”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：本机登记了“无作业”，本校另一台电脑登记了作业，两者不能同时成立。区县保留了先到的作业，本机的“无作业”已在各台电脑上标为删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：本机登记了作业，本校另一台电脑登记了“无作业”，两者不能同时成立。区县保留了先到的“无作业”，本机这条作业已在各台电脑上标为删除，内容保留在冲突里。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::AppContext</name>
    <message>
        <source>登录失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演示学校：选择 %1，密码都是 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 或 </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::DailyForm</name>
    <message>
        <source>请选择班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期格式应为 年-月-日，例如 2026-11-23</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能记录未来日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查人数应为 1 到 %1 之间的整数（班级人数）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>达标人数应为 0 到调查人数之间的整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有大课间分钟数时次数至少为 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录已被他人修改，已重新读取，请核对后再保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有需要保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平均睡眠时间应在 %1 到 %2 小时之间，例如 9.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1应为 %2 到 %3 之间的整数</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::HomeworkEntryModel</name>
    <message>
        <source>日期格式应为 年-月-日，例如 2026-11-23</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能记录未来日期的作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分钟数应为 0 到 %1 之间的整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写作业内容（作业公示需要）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业内容不能超过 500 字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面作业超过上限，请填写超量原因后再保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录已被他人修改，已重新读取，请核对后再保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近一周没有可复制的作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已复制 %1 的 %2 条作业，核对后按 Enter 保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表中有未保存的作业，不能登记“无作业”；请先保存或清空分钟数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记今天无作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已撤销“无作业”，可以登记作业</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::JoinController</name>
    <message>
        <source>正在加入，请稍候</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机已经设置过学校，不能再加入其他学校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器地址应以 https:// 开头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学校标识码应为 10 位数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写区县教育局发放的注册码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员用户名只能包含字母、数字、点、下划线和短横线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码至少 6 位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在向区县服务器注册……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加入失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已注册，但区县服务器没有提供学校信息（版本较旧）：请用“首次设置”填写学校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已加入学校，但无法创建管理员账号：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已加入 %1，正在下载学校的台账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::PublicationController</name>
    <message>
        <source>日期应写成 2026-11-23 或 2026年11月23日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业公示 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存 %1（%2 页）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法写入 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到打印机“%1”；请检查打印机是否已连接，或先保存为 PDF 再打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已发送到打印机“%1”，%2 份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印机“%1”无法打印；请检查打印机，或先保存为 PDF 再打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业公示-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::RecordsModel</name>
    <message>
        <source>开始日期应写成 2026-11-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期应写成 2026-11-30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已删除（保留删除标记，可在“显示已删除”中查看）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能删除：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他电脑</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::RefusedRecordsModel</name>
    <message>
        <source>%1作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>非书面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在校</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>睡眠调查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调查 %1 人，达标 %2 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育课 %1 分钟，大课间 %2 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课程表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 第%2节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 至 %2，%3 学时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机已删除这条记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县已有这条记录同一版本的另一份内容（可能在另一台电脑上改过，或本机从备份恢复后又改过），区县保留了原来的内容，这一份留待区县核对。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核对这条记录：如果本机的内容是对的，打开它修改保存一次，新版本会覆盖区县的；如果区县的内容是对的，点“忽略”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这条记录太大，超过了区县服务器规定的每条 %1 KB，区县没有接收。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这条记录太大，超过了区县服务器规定的大小，区县没有接收。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请点“打开修改”，把作业内容等文字改短后保存，改好的记录会自动重新发送。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县那里已有另一所学校使用了这条记录的编号，区县没有接收。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系区县教育局核查；本机的记录保留不动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县已审核通过并锁定了这条记录日期所在的一周，锁定后不再接收这一周的修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如确需修改，请联系区县教育局重新开放这一周，开放后点“重新发送”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县服务器的版本较旧，还不认识这类记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请联系区县教育局升级服务器，升级后点“重新发送”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县检查后认为这条记录的内容不符合要求，没有接收。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县检查后没有接收：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请打开这条记录核对后保存；如果确认无误，点“重新发送”，仍被退回请联系区县教育局。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请点“打开修改”改正后保存，改好的记录会自动重新发送。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有管理员可以处理退回的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这条记录已不在列表中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法重新发送，请稍后再试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这条记录区县还没有收到，不能忽略；请修改后重新发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法忽略，请稍后再试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本校另一台电脑已经记了同一班级、同一天的这项记录，区县保留了先到的那一条，本机这一条已在各台电脑上标为删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请在上方“本校的冲突”里选择保留现有记录或采用本机这一条；处理后这条提示可以点“忽略”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无作业</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::ReportsController</name>
    <message>
        <source>无法写入 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期范围应写成 2026-09-01 至 2026-11-30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消，未生成文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 %1 条记录到 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>睡眠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-%2至%3.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择要导出的记录：作业、睡眠或体育活动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请写出要保存的文件路径</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::SchoolConflictsModel</name>
    <message>
        <source>本机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他电脑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两台电脑各记了一条同一班级、同一天的记录，区县保留了先到的一条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两台电脑同时修改了这条记录，区县保留了先到的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有这条冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个冲突已经处理过了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::SettingsController</name>
    <message>
        <source>%1（含区县规定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无（使用国家标准）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份失败：无法写入 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能恢复：%1 不是有效的台账备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器地址应以 https:// 开头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写区县教育局发放的注册码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在注册……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册成功：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>注册失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有完成：本机数据文件暂时无法读写。请关闭其他正在使用它的程序后再试；详细原因已写入日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账备份-%1-%2.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写备份文件的位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份失败：文件夹 %1 不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在同步或注册，请等它结束后再恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂时无法恢复（数据文件正被使用），备份已保存，下次启动程序时自动恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已从备份恢复，原数据另存为 %1。请重新登录。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::SetupController</name>
    <message>
        <source>学校标识码应为 10 位数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写学校名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择学校类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写学期名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期应写成 2026-09-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期应写成 2027-01-20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学期结束日期应晚于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每班人数应在 1 到 80 之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请至少添加一个班级，例如“三年级 1-6 班”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 不属于所选学校类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写管理员用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名只能包含字母、数字、点、下划线和短横线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码至少 6 位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机已经设置过学校，不能再次设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还有未改正的内容：请回到标红的那一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已有同名用户，请换一个用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法创建管理员账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存失败，什么也没有写入，可以再试一次。（%1）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::SyncService</name>
    <message>
        <source>区县服务器上有本机更新的记录，本机数据可能是从旧的备份或还原卡恢复的；新记录会接着编号，不会覆盖区县的数据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次发送 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 条被区县退回，请在“同步”页处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 条与区县已有内容不一致，请在“同步”页核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有需要发送的新记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未注册到区县服务器，记录只保存在本机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在同步……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步已暂停，需要处理（%1 条未发送）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络不通，%1 条未发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络不通，将在 %1 重试（%2 条未发送）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能发送，%1 条未发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能发送，将在 %1 重试（%2 条未发送）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 条未发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其余已发送，%1 条被区县退回，需要处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已全部发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从未</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收到本校其他电脑的 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本校有 %1 处新的冲突，请在“同步”页选择保留哪一条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::TimetableModel</name>
    <message>
        <source>（空）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择班级和学期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存 %1 处修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已复制到 %1 个平行班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是新学年从上学年复制来的课表草稿（%1 节），草稿不参加课表检查。请核对修改后点「确认课表」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课表已确认（%1 节），以后参加课表检查</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::TrainingModel</name>
    <message>
        <source>请选择教师</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期应写成 2026-07-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期应写成 2026-07-14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写培训名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择培训级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择培训形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先改正标红的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>学时应为 0 到 %1 之间的数，例如 24 或 1.5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taizhang::YearController</name>
    <message>
        <source>升级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>毕业归档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：升级 %2 个班，毕业归档 %3 个班，新建 %4 个班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加学期 %1（%2 至 %3）%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，来自县区校历</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课表：从「%1」复制 %2 节为草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有管理员可以开始新学年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有可以升级的班级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新学年没有开始，没有做任何修改：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新学年已开始：升级 %1 个班，毕业归档 %2 个班，新建 %3 个班，添加学期 %4 个，课表草稿 %5 节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请写成 2027-09-01 这样的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新学年已于 %1 开始过，不能再开始一次；下一个新学年请填 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一个新学年于 %1 开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>课表：从「%1」复制 %2 节为草稿（%3 节因新年级不开设该科目未复制）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>……另有 %1 个问题未列出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
