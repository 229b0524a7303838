import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// One class-day record of sleep or physical activity: fields with their messages, and the
// findings the typed values would raise, before anything is saved.
Page {
    id: page
    padding: 16
    property string kind: "activity"
    property string pageTitle
    property string hint
    // [field name, label, unit]
    property var fieldSpecs: []
    property alias form: form

    function openFor(classId, date) {
        classBox.currentIndex = classBox.indexOfValue(classId)
        form.date = date
    }

    DailyForm {
        id: form
        kind: page.kind
        classId: classBox.currentValue ?? ""
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        PageHeader {
            title: page.pageTitle
            subtitle: page.hint
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
                objectName: "dateField"
                Layout.preferredWidth: 130
                text: form.date
                Accessible.name: qsTr("日期")
                onEditingFinished: form.date = text
            }
            Label {
                text: form.errors.date || ""
                color: "#b71c1c"
                visible: text.length > 0
            }
            Label {
                text: form.saved ? qsTr("（已有记录，保存即修改）") : qsTr("（尚未登记）")
                color: "#5b6b7b"
            }
        }

        GridLayout {
            columns: 3
            columnSpacing: 12
            rowSpacing: 6
            Repeater {
                model: page.fieldSpecs
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    text: modelData[1]
                }
            }
            Repeater {
                model: page.fieldSpecs
                delegate: TextField {
                    required property var modelData
                    required property int index
                    objectName: "field_" + modelData[0]
                    Layout.row: index
                    Layout.column: 1
                    Layout.preferredWidth: 120
                    text: form.fields[modelData[0]] ?? ""
                    Accessible.name: modelData[1]
                    onTextEdited: form.set(modelData[0], text)
                    Keys.onReturnPressed: form.save()
                    Keys.onEnterPressed: form.save()
                }
            }
            Repeater {
                model: page.fieldSpecs
                delegate: Label {
                    required property var modelData
                    required property int index
                    objectName: "error_" + modelData[0]
                    Layout.row: index
                    Layout.column: 2
                    text: form.errors[modelData[0]] || modelData[2]
                    color: form.errors[modelData[0]] ? "#b71c1c" : "#5b6b7b"
                }
            }
        }

        Label {
            text: qsTr("按当前数值将产生的提示：")
            visible: form.findings.length > 0
            font.bold: true
        }
        Repeater {
            model: form.findings
            delegate: FindingBadge {
                required property var modelData
                finding: modelData
                Layout.preferredWidth: 520
            }
        }
        Item { Layout.fillHeight: true }

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "statusLabel"
                Layout.fillWidth: true
                text: form.status
            }
            Button {
                objectName: "saveButton"
                text: qsTr("保存 (Enter)")
                highlighted: true
                enabled: form.canSave
                onClicked: form.save()
            }
        }
    }
}
