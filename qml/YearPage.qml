import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// 新学年: a guided new school year. 1. the first day and the number of new classes; 2. the
// preview (every class and what happens to it, terms, timetable drafts); 3. start, after a
// confirmation. Everything is written in one transaction by core (school_year.h) or nothing.
Page {
    id: page
    padding: 16
    YearController { id: year }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        PageHeader {
            title: qsTr("新学年")
            subtitle: qsTr("升级各班、六年级 / 九年级毕业归档、新建一年级 / 七年级、添加学期、复制课表草稿，一次完成")
        }

        RowLayout {
            spacing: 16
            FormField {
                objectName: "yearStartField"
                Layout.preferredWidth: 260
                Layout.fillWidth: false
                Layout.alignment: Qt.AlignTop
                label: qsTr("新学年第一天")
                text: year.startDate
                error: year.dateError
                onEdited: t => year.startDate = t
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                visible: year.hasPrimary
                spacing: 2
                Label { text: qsTr("新建一年级班数") }
                SpinBox {
                    objectName: "primaryEntryBox"
                    from: 0
                    to: 40
                    value: year.primaryEntry
                    editable: true
                    Accessible.name: qsTr("新建一年级班数")
                    onValueModified: year.primaryEntry = value
                }
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                visible: year.hasJunior
                spacing: 2
                Label { text: qsTr("新建七年级班数") }
                SpinBox {
                    objectName: "juniorEntryBox"
                    from: 0
                    to: 40
                    value: year.juniorEntry
                    editable: true
                    Accessible.name: qsTr("新建七年级班数")
                    onValueModified: year.juniorEntry = value
                }
            }
            Item { Layout.fillWidth: true }
        }

        Label {
            objectName: "yearSummary"
            text: year.summary
            font.bold: true
            font.pointSize: 12
        }

        Frame {
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 6
            ListView {
                id: stepList
                objectName: "yearSteps"
                anchors.fill: parent
                clip: true
                model: year.steps
                spacing: 2
                ScrollBar.vertical: ScrollBar {}
                header: RowLayout {
                    width: ListView.view.width - 12
                    spacing: 10
                    Label { Layout.preferredWidth: 90; text: qsTr("操作"); font.bold: true }
                    Label { Layout.preferredWidth: 200; text: qsTr("现在"); font.bold: true }
                    Label { Layout.fillWidth: true; text: qsTr("新学年"); font.bold: true }
                }
                delegate: RowLayout {
                    required property var modelData
                    width: ListView.view.width - 12
                    spacing: 10
                    Label {
                        Layout.preferredWidth: 90
                        text: modelData.actionText
                        color: modelData.action === "graduate" ? "#8a5a00"
                             : modelData.action === "create" ? "#1b5e20" : "#263238"
                    }
                    Label { Layout.preferredWidth: 200; text: modelData.fromName.length > 0 ? modelData.fromName : "—" }
                    Label {
                        Layout.fillWidth: true
                        text: modelData.action === "graduate" ? qsTr("%1（已毕业，记录保留，可查询、可报表）").arg(modelData.toName)
                                                              : modelData.toName
                    }
                }
            }
        }

        Repeater {
            model: year.details
            Label {
                required property string modelData
                Layout.fillWidth: true
                text: "· " + modelData
                wrapMode: Text.Wrap
            }
        }
        Repeater {
            model: year.problems
            Label {
                required property string modelData
                Layout.fillWidth: true
                text: modelData
                color: "#b71c1c"
                wrapMode: Text.Wrap
            }
        }

        RowLayout {
            spacing: 12
            Button {
                objectName: "yearStartButton"
                text: qsTr("开始新学年…")
                enabled: year.canStart
                highlighted: true
                onClicked: confirm.open()
            }
            Label {
                objectName: "yearStatus"
                Layout.fillWidth: true
                text: year.status
                wrapMode: Text.Wrap
                color: year.done ? "#1b5e20" : "#b71c1c"
            }
        }
    }

    Dialog {
        id: confirm
        objectName: "yearConfirm"
        anchors.centerIn: parent
        // A fixed width: a wrapping label inside a dialog sized by its content loops.
        width: Math.min(600, page.width - 40)
        modal: true
        title: qsTr("开始新学年")
        footer: DialogButtonBox {
            Button {
                objectName: "yearConfirmButton"
                text: qsTr("开始")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "yearCancelButton"
                text: qsTr("取消")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Label {
            width: confirm.availableWidth
            wrapMode: Text.Wrap
            text: qsTr("%1。\n%2\n以前的记录仍按当时的年级检查，不会改变。确定开始吗？")
                  .arg(year.summary).arg(year.details.join("\n"))
        }
        onAccepted: year.start()
    }
}
