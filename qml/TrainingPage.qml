import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Teacher training: progress towards 360 学时 in five years (120 in the probation year), and
// the form to record a finished course.
Page {
    id: page
    padding: 16
    TrainingModel { id: training }

    function err(n) { return training.errors[n] || "" }

    RowLayout {
        anchors.fill: parent
        spacing: 16

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            PageHeader {
                title: qsTr("教师培训")
                subtitle: qsTr("五年 360 学时进度达标：%1 / %2 人").arg(training.onTrack).arg(training.teacherCount)
            }
            ListView {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: training
                spacing: 4
                ScrollBar.vertical: ScrollBar {}
                delegate: RowLayout {
                    required property string name
                    required property real hours
                    required property real required
                    required property real progress
                    required property bool inProbation
                    required property real probationHours
                    required property real probationRequired
                    required property bool onTrack
                    width: ListView.view.width - 12
                    spacing: 10
                    Label { Layout.preferredWidth: 80; text: name }
                    ProgressBar {
                        Layout.fillWidth: true
                        from: 0
                        to: 1
                        value: progress
                        Accessible.name: qsTr("%1 培训进度").arg(name)
                    }
                    Label {
                        Layout.preferredWidth: 120
                        text: qsTr("%1 / %2 学时").arg(hours.toFixed(1)).arg(required)
                        color: onTrack ? "#1b5e20" : "#263238"
                    }
                    Label {
                        Layout.preferredWidth: 170
                        text: inProbation ? qsTr("试用期 %1 / %2 学时").arg(probationHours.toFixed(1)).arg(probationRequired) : ""
                        color: probationHours >= probationRequired ? "#1b5e20" : "#8a5a00"
                    }
                }
            }
        }

        Frame {
            Layout.preferredWidth: 400
            Layout.fillHeight: true
            ColumnLayout {
                anchors.fill: parent
                spacing: 6
                Label { text: qsTr("登记培训"); font.bold: true; font.pointSize: 12 }
                Label { text: qsTr("教师") }
                ComboBox {
                    id: teacherBox
                    objectName: "teacherBox"
                    Layout.fillWidth: true
                    model: App.teachers
                    textRole: "name"
                    valueRole: "id"
                    Accessible.name: qsTr("教师")
                    onCurrentValueChanged: training.set("teacherId", currentValue ?? "")
                    Component.onCompleted: training.set("teacherId", currentValue ?? "")
                }
                RowLayout {
                    FormField {
                        Layout.fillWidth: true
                        label: qsTr("开始日期")
                        text: training.fields.start || ""
                        error: page.err("start")
                        onEdited: t => training.set("start", t)
                    }
                    FormField {
                        Layout.fillWidth: true
                        label: qsTr("结束日期")
                        text: training.fields.end || ""
                        error: page.err("end")
                        onEdited: t => training.set("end", t)
                    }
                }
                FormField {
                    objectName: "titleField"
                    Layout.fillWidth: true
                    label: qsTr("培训名称")
                    text: training.fields.title || ""
                    error: page.err("title")
                    onEdited: t => training.set("title", t)
                }
                RowLayout {
                    ComboBox {
                        Layout.fillWidth: true
                        textRole: "text"
                        valueRole: "value"
                        model: [
                            { value: "school", text: qsTr("校本") }, { value: "county", text: qsTr("县级") },
                            { value: "municipal", text: qsTr("市级") }, { value: "provincial", text: qsTr("省级") },
                            { value: "national", text: qsTr("国培") }
                        ]
                        Accessible.name: qsTr("培训级别")
                        onActivated: training.set("level", currentValue)
                    }
                    ComboBox {
                        Layout.fillWidth: true
                        textRole: "text"
                        valueRole: "value"
                        model: [
                            { value: "in_person", text: qsTr("面授") }, { value: "online", text: qsTr("网络") },
                            { value: "blended", text: qsTr("混合") }
                        ]
                        Accessible.name: qsTr("培训形式")
                        onActivated: training.set("mode", currentValue)
                    }
                }
                RowLayout {
                    FormField {
                        objectName: "hoursField"
                        Layout.preferredWidth: 120
                        label: qsTr("学时")
                        text: training.fields.hours || ""
                        error: page.err("hours")
                        onEdited: t => training.set("hours", t)
                    }
                    FormField {
                        Layout.fillWidth: true
                        label: qsTr("证书编号（可选）")
                        text: training.fields.certificateNumber || ""
                        onEdited: t => training.set("certificateNumber", t)
                    }
                }
                Item { Layout.fillHeight: true }
                Label { text: training.status; Layout.fillWidth: true; wrapMode: Text.Wrap }
                Button {
                    Layout.fillWidth: true
                    text: qsTr("保存")
                    highlighted: true
                    enabled: training.canSave
                    onClicked: training.save()
                }
            }
        }
    }
}
