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
    SchoolConflictsModel { id: schoolConflicts }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        PageHeader {
            title: qsTr("同步")
            subtitle: Sync.enrolled ? qsTr("区县服务器：%1").arg(Sync.serverHost) : ""
        }

        SyncStatusPanel {}

        // The school's conflicts, the same list on every computer of the school and at the county.
        Label {
            visible: schoolConflicts.count > 0
            text: qsTr("本校的冲突（%1 处）：两台电脑记了同一条，区县保留了先到的一条").arg(schoolConflicts.count)
            font.bold: true
            font.pointSize: 12
        }
        Label {
            id: conflictMessage
            objectName: "conflictMessage"
            Layout.fillWidth: true
            visible: text.length > 0
            color: "#b71c1c"
            wrapMode: Text.Wrap
        }
        Repeater {
            model: schoolConflicts
            delegate: Frame {
                id: conflictCard
                required property int index
                required property string title
                required property string stored
                required property string other
                required property string origin
                required property string why
                required property string advice
                objectName: "schoolConflict" + index
                Layout.fillWidth: true
                background: Rectangle { color: "#fff8e6"; border.color: "#b7791f"; radius: 4 }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("【冲突】"); color: "#8a5a00"; font.bold: true }
                        Label { Layout.fillWidth: true; text: conflictCard.title; font.bold: true; elide: Text.ElideRight }
                        Button {
                            objectName: "conflictKeep" + conflictCard.index
                            text: qsTr("保留现有记录")
                            onClicked: conflictMessage.text = schoolConflicts.keep(conflictCard.index)
                        }
                        Button {
                            objectName: "conflictTake" + conflictCard.index
                            text: qsTr("采用另一条")
                            onClicked: conflictMessage.text = schoolConflicts.take(conflictCard.index)
                        }
                    }
                    Label {
                        objectName: "conflictWhy" + conflictCard.index
                        Layout.fillWidth: true
                        text: conflictCard.why
                        color: "#37474f"
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "conflictAdvice" + conflictCard.index
                        Layout.fillWidth: true
                        visible: conflictCard.advice.length > 0
                        text: conflictCard.advice
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("现有记录：%1").arg(conflictCard.stored)
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "conflictOther" + conflictCard.index
                        Layout.fillWidth: true
                        text: qsTr("另一条（%1）：%2").arg(conflictCard.origin).arg(conflictCard.other)
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

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
