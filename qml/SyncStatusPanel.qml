import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// The sync state in plain words: headline, last success and next try (school-local time), what
// went wrong and what to do. Every text is a property of the Sync service (NOTIFY), no invokables.
Frame {
    id: panel
    property bool showButton: true
    objectName: "syncStatusPanel"
    Layout.fillWidth: true
    background: Rectangle {
        color: "white"
        radius: 4
        border.color: Sync.state === "blocked" || Sync.refusedCount > 0 ? "#c62828"
                    : Sync.state === "retrying" ? "#b7791f" : "#d5dde5"
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Label {
                objectName: "syncHeadline"
                Layout.fillWidth: true
                text: Sync.headline
                font.bold: true
                font.pointSize: 12
                wrapMode: Text.Wrap
                color: Sync.state === "blocked" ? "#b71c1c" : Sync.state === "retrying" ? "#8a5a00"
                     : Sync.state === "sent" && Sync.refusedCount === 0 ? "#2e7d32" : "#263238"
            }
            Button {
                objectName: "syncNowButton"
                visible: panel.showButton && Sync.enrolled
                text: qsTr("立即同步")
                enabled: !Sync.busy
                onClicked: Sync.syncNow()
            }
            Button {
                visible: panel.showButton && Sync.busy
                text: qsTr("取消")
                onClicked: Sync.cancel()
            }
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: Sync.busy
            value: Sync.progress
            indeterminate: Sync.progress === 0
        }
        GridLayout {
            columns: 2
            columnSpacing: 12
            rowSpacing: 2
            visible: Sync.enrolled
            Label { text: qsTr("上次成功发送"); color: "#5b6b7b" }
            Label { objectName: "syncLastSuccess"; text: Sync.lastSuccessText }
            Label { text: qsTr("上次收到本校其他电脑的记录"); color: "#5b6b7b" }
            Label { objectName: "syncLastReceived"; text: Sync.lastReceivedText }
            Label { text: qsTr("下次尝试"); color: "#5b6b7b"; visible: Sync.nextTryText.length > 0 }
            Label { text: Sync.nextTryText; visible: Sync.nextTryText.length > 0 }
            Label { text: qsTr("未发送"); color: "#5b6b7b" }
            Label { text: qsTr("%1 条").arg(Sync.unsentCount) }
            Label { text: qsTr("上次结果"); color: "#5b6b7b"; visible: Sync.resultText.length > 0 }
            Label {
                objectName: "syncResult"
                Layout.fillWidth: true
                visible: Sync.resultText.length > 0
                text: Sync.resultText
                wrapMode: Text.Wrap
            }
        }
        Label {
            objectName: "syncProblem"
            Layout.fillWidth: true
            visible: Sync.problemText.length > 0
            text: Sync.problemText
            wrapMode: Text.Wrap
            color: Sync.state === "off" ? "#37474f" : "#b71c1c"
        }
        Label {
            Layout.fillWidth: true
            visible: Sync.adviceText.length > 0
            text: qsTr("怎么办：%1").arg(Sync.adviceText)
            wrapMode: Text.Wrap
            color: "#37474f"
        }
        Label {
            Layout.fillWidth: true
            visible: Sync.warningText.length > 0
            text: Sync.warningText
            wrapMode: Text.Wrap
            color: "#8a5a00"
        }
    }
}
