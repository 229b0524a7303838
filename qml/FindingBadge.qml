import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One finding: red for a hard rule, amber for a soft one, with the rule and its source.
Rectangle {
    id: badge
    property var finding: ({})
    readonly property bool hard: finding.severity === "hard"
    implicitHeight: column.implicitHeight + 8
    implicitWidth: 320
    radius: 3
    color: hard ? "#fde8e8" : "#fff4dc"
    border.color: hard ? "#c62828" : "#b7791f"
    Accessible.role: Accessible.StaticText
    Accessible.name: finding.message || ""

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 4
        spacing: 1
        Label {
            Layout.fillWidth: true
            text: (badge.hard ? qsTr("【必须】") : qsTr("【提示】")) + (badge.finding.message || "")
            color: badge.hard ? "#b71c1c" : "#8a5a00"
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("规则：%1 · 依据：%2").arg(badge.finding.rule || "").arg(badge.finding.source || "")
            color: "#5b6b7b"
            font.pointSize: 8
            wrapMode: Text.Wrap
        }
    }
}
