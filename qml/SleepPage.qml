import QtQuick

// The sleep survey of a class (教基厅函〔2021〕11号): surveyed, reaching the standard, average.
DailyFormPage {
    kind: "sleep"
    pageTitle: qsTr("睡眠调查")
    hint: qsTr("小学应达到 10 小时，初中 9 小时；未达到只作提示，不阻止保存")
    fieldSpecs: [
        ["surveyed", qsTr("调查人数"), qsTr("人")],
        ["reachingStandard", qsTr("睡眠达标人数"), qsTr("人")],
        ["averageHours", qsTr("平均睡眠时间"), qsTr("小时")]
    ]
}
