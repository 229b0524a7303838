import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Sync with the county: the state in plain words, and the records the county refused or found
// in conflict, each with the county's reason, what to do, and the ways to deal with it.
Page {
    id: page
    padding: 16
    signal editRequested(var target)

    RefusedRecordsModel { id: refused }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        PageHeader {
            title: qsTr("同步")
            subtitle: Sync.enrolled ? qsTr("区县服务器：%1").arg(Sync.serverHost) : ""
        }

        SyncStatusPanel {}

        Label {
            text: refused.count > 0 ? qsTr("退回的记录和冲突（%1 条）").arg(refused.count) : qsTr("没有被区县退回的记录")
            font.bold: true
            font.pointSize: 12
        }
        Label {
            id: actionMessage
            objectName: "refusedMessage"
            Layout.fillWidth: true
            visible: text.length > 0
            color: "#b71c1c"
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            objectName: "refusedList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: refused
            ScrollBar.vertical: ScrollBar {}
            delegate: Frame {
                id: card
                required property int index
                required property bool isConflict
                required property string kindName
                required property string title
                required property string detail
                required property string reason
                required property string advice
                required property bool canOpen
                required property bool canResend
                required property bool canDismiss
                objectName: "refusedCard" + index
                width: ListView.view.width - 12
                background: Rectangle {
                    color: card.isConflict ? "#fff8e6" : "#fdf0f0"
                    border.color: card.isConflict ? "#b7791f" : "#c62828"
                    radius: 4
                }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: card.isConflict ? qsTr("【冲突】") : qsTr("【退回】")
                            color: card.isConflict ? "#8a5a00" : "#b71c1c"
                            font.bold: true
                        }
                        Label {
                            objectName: "refusedTitle" + card.index
                            Layout.fillWidth: true
                            text: card.title
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Button {
                            objectName: "refusedOpen" + card.index
                            visible: card.canOpen
                            text: qsTr("打开修改")
                            onClicked: page.editRequested(refused.editTarget(card.index))
                        }
                        Button {
                            objectName: "refusedResend" + card.index
                            visible: card.canResend
                            text: qsTr("重新发送")
                            onClicked: actionMessage.text = refused.resend(card.index)
                        }
                        Button {
                            objectName: "refusedDismiss" + card.index
                            visible: card.canDismiss
                            text: qsTr("忽略")
                            onClicked: actionMessage.text = refused.dismiss(card.index)
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.detail.length > 0
                        text: card.detail
                        color: "#37474f"
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "refusedReason" + card.index
                        Layout.fillWidth: true
                        text: qsTr("原因：%1").arg(card.reason)
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("怎么办：%1").arg(card.advice)
                        color: "#37474f"
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }
}
