import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One finding: red for a hard rule, amber for a soft one, the message and the document it rests
// on. The rule's id and expected value are for support and inspectors: shown only on "详情".
Rectangle {
    id: badge
    property var finding: ({})
    property bool showDetails: false
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
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                Layout.fillWidth: true
                text: qsTr("依据：%1").arg(badge.finding.source || "")
                color: "#5b6b7b"
                font.pointSize: 8
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "findingDetailsToggle"
                text: badge.showDetails ? qsTr("收起") : qsTr("详情")
                color: "#1f5fa8"
                font.pointSize: 8
                font.underline: true
                Accessible.role: Accessible.Button
                Accessible.name: text
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: badge.showDetails = !badge.showDetails
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: badge.showDetails
            text: qsTr("规则编号：%1").arg(badge.finding.rule || "")
            color: "#5b6b7b"
            font.pointSize: 8
            wrapMode: Text.Wrap
        }
    }
}
