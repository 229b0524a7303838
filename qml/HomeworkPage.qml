import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Tonight's homework for one class: keyboard first (Tab between fields, Enter saves, Ctrl+D
// copies the previous day). Caps and validation come from the model; nothing is decided here.
Page {
    id: page
    padding: 16
    property alias entry: entry

    HomeworkEntryModel {
        id: entry
        classId: classBox.currentValue ?? ""
    }

    function openFor(classId, date) {
        classBox.currentIndex = classBox.indexOfValue(classId)
        entry.date = date
    }

    function trySave() {
        if (entry.save())
            classBox.forceActiveFocus()
    }

    Shortcut {
        sequences: ["Ctrl+D"]
        enabled: page.visible && !entry.noHomework
        onActivated: entry.copyPreviousDay()
    }
    Shortcut {
        sequences: ["Ctrl+S"]
        enabled: page.visible
        onActivated: page.trySave()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        PageHeader {
            title: qsTr("作业登记")
            subtitle: qsTr("Tab 切换 · Enter 保存 · Ctrl+D 复制前一天")
        }

        RowLayout {
            spacing: 12
            Label { text: qsTr("班级") }
            ComboBox {
                id: classBox
                objectName: "classBox"
                Layout.preferredWidth: 180
                model: App.classes
                textRole: "name"
                valueRole: "id"
                Accessible.name: qsTr("班级")
            }
            Label { text: qsTr("日期") }
            TextField {
                id: dateField
                objectName: "dateField"
                Layout.preferredWidth: 130
                text: entry.date
                placeholderText: "2026-11-23"
                Accessible.name: qsTr("日期")
                onEditingFinished: entry.date = text
            }
            Label {
                text: entry.dateError
                color: "#b71c1c"
                visible: text.length > 0
            }
            // One click records (or withdraws) that the class has no homework tonight; the
            // model saves it at once and core refuses it when the day already has homework.
            CheckBox {
                id: noHomeworkBox
                objectName: "noHomeworkBox"
                text: qsTr("今天无作业")
                checked: entry.noHomework
                enabled: entry.dateError === "" && classBox.currentIndex >= 0
                Accessible.name: qsTr("今天无作业")
                onToggled: {
                    entry.setNoHomework(checked)
                    checked = Qt.binding(() => entry.noHomework)
                }
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "otherSubjectsLabel"
                visible: entry.otherSubjectsWritten > 0
                text: qsTr("含其他学科已登记 %1 分钟").arg(entry.otherSubjectsWritten)
                color: "#37474f"
            }
            Rectangle {
                Layout.preferredWidth: 260
                Layout.preferredHeight: 34
                radius: 4
                color: entry.overCap ? "#fde8e8" : "#e8f5e9"
                border.color: entry.overCap ? "#c62828" : "#2e7d32"
                Label {
                    objectName: "totalLabel"
                    anchors.centerIn: parent
                    text: qsTr("书面作业 %1 / %2 分钟").arg(entry.writtenTotal).arg(entry.cap)
                    color: entry.overCap ? "#b71c1c" : "#1b5e20"
                    font.bold: true
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label { Layout.preferredWidth: 140; text: qsTr("学科"); font.bold: true }
            Label { Layout.preferredWidth: 80; text: qsTr("分钟"); font.bold: true }
            Label { Layout.preferredWidth: 70; text: qsTr("书面"); font.bold: true }
            Label { Layout.preferredWidth: 70; text: qsTr("在家"); font.bold: true }
            Label { Layout.fillWidth: true; text: qsTr("作业内容（公示）"); font.bold: true }
        }

        Label {
            objectName: "noHomeworkNote"
            Layout.fillWidth: true
            visible: entry.noHomework
            text: qsTr("已登记今天无作业，本班今天不再登记作业。如需布置作业，请先取消“今天无作业”。")
            color: "#1b5e20"
            font.bold: true
            wrapMode: Text.Wrap
        }

        ListView {
            id: rows
            objectName: "rows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            enabled: !entry.noHomework
            opacity: enabled ? 1 : 0.45
            clip: true
            spacing: 2
            model: entry
            ScrollBar.vertical: ScrollBar {}
            delegate: ColumnLayout {
                id: row
                required property int index
                required property string subjectName
                required property string minutes
                required property bool written
                required property bool atHome
                required property string content
                required property string error
                required property bool saved
                width: ListView.view.width - 12
                spacing: 0
                RowLayout {
                    spacing: 8
                    Label {
                        Layout.preferredWidth: 140
                        elide: Text.ElideRight
                        text: row.subjectName + (row.saved ? " ✓" : "")
                    }
                    TextField {
                        id: minutesField
                        objectName: "minutes" + row.index
                        Layout.preferredWidth: 80
                        text: row.minutes
                        // Typing replaces a prefilled value (30, never 3030).
                        onActiveFocusChanged: if (activeFocus) Qt.callLater(minutesField.selectAll)
                        inputMethodHints: Qt.ImhDigitsOnly
                        placeholderText: "—"
                        Accessible.name: qsTr("%1 分钟").arg(row.subjectName)
                        onTextEdited: entry.setField(row.index, "minutes", text)
                        Keys.onReturnPressed: page.trySave()
                        Keys.onEnterPressed: page.trySave()
                    }
                    CheckBox {
                        objectName: "written" + row.index
                        Layout.preferredWidth: 70
                        checked: row.written
                        Accessible.name: qsTr("%1 书面作业").arg(row.subjectName)
                        onToggled: entry.setField(row.index, "written", checked)
                    }
                    CheckBox {
                        objectName: "atHome" + row.index
                        Layout.preferredWidth: 70
                        checked: row.atHome
                        Accessible.name: qsTr("%1 在家完成").arg(row.subjectName)
                        onToggled: entry.setField(row.index, "atHome", checked)
                    }
                    TextField {
                        objectName: "content" + row.index
                        Layout.fillWidth: true
                        text: row.content
                        placeholderText: qsTr("例如：练习册第 12 页")
                        Accessible.name: qsTr("%1 作业内容").arg(row.subjectName)
                        onTextEdited: entry.setField(row.index, "content", text)
                        Keys.onReturnPressed: page.trySave()
                        Keys.onEnterPressed: page.trySave()
                    }
                }
                Label {
                    objectName: "error" + row.index
                    Layout.leftMargin: 148
                    visible: row.error.length > 0
                    text: row.error
                    color: "#b71c1c"
                }
            }
        }

        RowLayout {
            objectName: "reasonRow"
            Layout.fillWidth: true
            visible: entry.overCap
            spacing: 8
            Label {
                text: qsTr("超过上限 %1 分钟，须填写原因（记入审计）：").arg(entry.writtenTotal - entry.cap)
                color: "#b71c1c"
            }
            TextField {
                id: reasonField
                objectName: "reasonField"
                Layout.fillWidth: true
                text: entry.overCapReason
                Accessible.name: qsTr("超量原因")
                onTextEdited: entry.overCapReason = text
                Keys.onReturnPressed: page.trySave()
                Keys.onEnterPressed: page.trySave()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "statusLabel"
                Layout.fillWidth: true
                text: entry.status
                color: "#37474f"
            }
            Button {
                text: qsTr("复制前一天 (Ctrl+D)")
                enabled: !entry.noHomework
                onClicked: entry.copyPreviousDay()
            }
            Button {
                objectName: "saveButton"
                text: qsTr("保存 (Enter)")
                highlighted: true
                enabled: entry.canSave
                onClicked: page.trySave()
            }
        }
    }
}
