import QtQuick

// A class's physical activity of the day: PE lesson, 大课间, after-school and outside school.
DailyFormPage {
    kind: "activity"
    pageTitle: qsTr("体育活动")
    hint: qsTr("2025 年起每天综合体育活动不少于 2 小时，含两次不少于 30 分钟的大课间")
    fieldSpecs: [
        ["peLessonMinutes", qsTr("体育课"), qsTr("分钟")],
        ["longBreakMinutes", qsTr("大课间合计"), qsTr("分钟")],
        ["longBreakSessions", qsTr("大课间次数"), qsTr("次")],
        ["afterSchoolMinutes", qsTr("课后服务体育"), qsTr("分钟")],
        ["outOfSchoolMinutes", qsTr("校外体育活动"), qsTr("分钟")]
    ]
}
