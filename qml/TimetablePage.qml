import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Weekly timetable of a class: pick a subject per cell; counts and findings update live.
Page {
    id: page
    padding: 16
    property alias timetable: timetable

    function openFor(classId, date) {
        classBox.currentIndex = classBox.indexOfValue(classId)
    }

    TimetableModel {
        id: timetable
        classId: classBox.currentValue ?? ""
        termId: termBox.currentValue ?? ""
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        PageHeader {
            title: qsTr("课程表")
            subtitle: qsTr("每周共 %1 节").arg(timetable.total)
            Button {
                objectName: "copyButton"
                text: qsTr("复制到平行班")
                enabled: classBox.currentIndex >= 0
                onClicked: {
                    copyDialog.plan = timetable.parallelCopyPlan()
                    copyDialog.open()
                }
            }
            Button {
                objectName: "saveButton"
                // Saving confirms a draft copied into the new school year.
                text: timetable.drafts > 0 ? qsTr("确认课表") : qsTr("保存")
                highlighted: true
                enabled: timetable.dirty
                onClicked: timetable.save()
            }
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
            Label { text: qsTr("学期") }
            ComboBox {
                id: termBox
                objectName: "termBox"
                Layout.preferredWidth: 260
                model: App.terms
                textRole: "name"
                valueRole: "id"
                Accessible.name: qsTr("学期")
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(App.currentTermId))
            }
            Label { objectName: "statusLabel"; text: timetable.status; color: "#37474f" }
        }

        Label {
            objectName: "draftNote"
            Layout.fillWidth: true
            visible: timetable.drafts > 0
            text: timetable.draftNote
            wrapMode: Text.Wrap
            color: "#8a5a00"
            padding: 6
            background: Rectangle { color: "#fff8e1"; border.color: "#ffe082"; radius: 3 }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            // Row-major cells (index = (period - 1) * 5 + weekday - 1) laid out by a GridView
            // five cells wide, with the period names beside it.
            ColumnLayout {
                id: grid
                Layout.alignment: Qt.AlignTop
                spacing: 2
                readonly property var dayNames: [qsTr("星期一"), qsTr("星期二"), qsTr("星期三"), qsTr("星期四"), qsTr("星期五")]
                // Wide enough for the English subject names ("Morality and Law") at 1366x768.
                readonly property int cellWidth: 146
                readonly property int cellHeight: 34
                Row {
                    Item { width: 56; height: 1 }
                    Repeater {
                        model: grid.dayNames
                        delegate: Label {
                            required property string modelData
                            width: grid.cellWidth
                            horizontalAlignment: Text.AlignHCenter
                            text: modelData
                            font.bold: true
                        }
                    }
                }
                Row {
                    Column {
                        width: 56
                        Repeater {
                            model: timetable.periods
                            delegate: Label {
                                required property int index
                                height: grid.cellHeight
                                verticalAlignment: Text.AlignVCenter
                                text: qsTr("第%1节").arg(index + 1)
                            }
                        }
                    }
                    GridView {
                        width: grid.cellWidth * timetable.weekdays
                        height: grid.cellHeight * timetable.periods
                        cellWidth: grid.cellWidth
                        cellHeight: grid.cellHeight
                        interactive: false
                        model: timetable
                        delegate: ComboBox {
                            id: cellBox
                            objectName: "cell_" + weekday + "_" + period
                            required property int index
                            required property int weekday
                            required property int period
                            required property string subject
                            width: grid.cellWidth - 4
                            model: timetable.subjectOptions
                            textRole: "name"
                            valueRole: "code"
                            // A binding on the options themselves: indexOfValue() would not re-run
                            // when the class (and so the subject list) changes.
                            currentIndex: timetable.subjectOptions.findIndex(o => o.code === subject)
                            Accessible.name: qsTr("%1 第%2节").arg(grid.dayNames[weekday - 1]).arg(period)
                            // cellBox.index is the cell; the signal's own argument is the option's index.
                            onActivated: timetable.setCell(cellBox.index, currentValue)
                        }
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Label { text: qsTr("每周节数"); font.bold: true }
                Flow {
                    Layout.fillWidth: true
                    Layout.preferredHeight: implicitHeight
                    spacing: 6
                    Repeater {
                        model: timetable.counts
                        delegate: Label {
                            required property var modelData
                            objectName: "count_" + modelData.code
                            text: qsTr("%1 %2").arg(modelData.name).arg(modelData.count)
                            padding: 3
                            background: Rectangle { color: "#eceff1"; radius: 3 }
                        }
                    }
                }
                Label { text: timetable.drafts > 0 ? qsTr("确认后的检查结果") : qsTr("检查结果"); font.bold: true }
                Repeater {
                    model: timetable.findings
                    delegate: FindingBadge {
                        required property var modelData
                        finding: modelData
                        Layout.fillWidth: true
                    }
                }
                Label {
                    visible: timetable.findings.length === 0
                    text: qsTr("符合课程方案")
                    color: "#2e7d32"
                }
                Item { Layout.fillHeight: true }
            }
        }
    }

    // Copying overwrites other classes' timetables: say which, and how much, before doing it.
    Dialog {
        id: copyDialog
        objectName: "copyDialog"
        property var plan: []
        anchors.centerIn: parent
        modal: true
        title: qsTr("复制到平行班")
        ColumnLayout {
            spacing: 6
            Label {
                text: copyDialog.plan.length === 0 ? qsTr("本年级没有其他班级。")
                      : qsTr("将用 %1 的课程表覆盖以下班级：").arg(classBox.currentText)
            }
            Repeater {
                model: copyDialog.plan
                delegate: Label {
                    required property var modelData
                    text: modelData.lessons > 0
                          ? qsTr("%1：现有 %2 节课，将改动 %3 处").arg(modelData.name).arg(modelData.lessons).arg(modelData.changes)
                          : qsTr("%1：尚无课程表，将写入 %2 节").arg(modelData.name).arg(modelData.changes)
                    color: modelData.lessons > 0 ? "#b71c1c" : "#37474f"
                }
            }
            Label {
                visible: timetable.dirty
                text: qsTr("本班未保存的修改会先保存。")
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "copyConfirmButton"
                text: qsTr("覆盖并复制")
                enabled: copyDialog.plan.length > 0
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "copyCancelButton"
                text: qsTr("取消")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: timetable.copyToParallelClasses()
    }
}
