import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// First run: school, term and holidays, classes and teachers, the first administrator.
Page {
    id: wizard
    padding: 24
    property int step: 0
    // Joining a school the county holds instead of setting one up (JoinSchoolForm).
    property bool joining: false

    SetupController { id: setup }

    // Only fields someone typed into (or tried to leave with 下一步) show their error.
    function err(name) { return setup.shownErrors[name] || "" }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        PageHeader {
            title: wizard.joining ? qsTr("加入已有的学校") : qsTr("首次设置")
            subtitle: wizard.joining ? qsTr("本校的台账从区县下载") : qsTr("第 %1 步，共 4 步").arg(wizard.step + 1)
            Button {
                objectName: "joinSchoolButton"
                visible: !wizard.joining
                text: qsTr("加入已有的学校…")
                onClicked: wizard.joining = true
            }
            Button {
                objectName: "fillDemoButton"
                visible: !wizard.joining
                text: qsTr("填入示例学校")
                onClicked: {
                    setup.fillDemo()
                    wizard.refreshFields()
                }
            }
        }

        JoinSchoolForm {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: wizard.joining
            onBack: wizard.joining = false
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !wizard.joining
            currentIndex: wizard.step

            ColumnLayout {
                spacing: 10
                FormField {
                    id: codeField
                    objectName: "codeField"
                    Layout.preferredWidth: 420
                    label: qsTr("学校标识码（10 位数字）")
                    error: wizard.err("schoolCode")
                    onEdited: t => setup.set("schoolCode", t)
                }
                FormField {
                    id: nameField
                    objectName: "nameField"
                    Layout.preferredWidth: 420
                    label: qsTr("学校名称")
                    error: wizard.err("schoolName")
                    onEdited: t => setup.set("schoolName", t)
                }
                Label { text: qsTr("学校类型") }
                ComboBox {
                    id: typeBox
                    objectName: "typeBox"
                    Layout.preferredWidth: 420
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "primary", text: qsTr("小学") },
                        { value: "junior", text: qsTr("初级中学") },
                        { value: "nine_year", text: qsTr("九年一贯制学校") }
                    ]
                    Accessible.name: qsTr("学校类型")
                    onActivated: setup.set("schoolType", currentValue)
                }
                Item { Layout.fillHeight: true }
            }

            ColumnLayout {
                spacing: 10
                FormField {
                    id: termNameField
                    objectName: "termNameField"
                    Layout.preferredWidth: 420
                    label: qsTr("学期名称")
                    text: setup.fields.termName || ""
                    error: wizard.err("termName")
                    onEdited: t => setup.set("termName", t)
                }
                RowLayout {
                    spacing: 12
                    FormField {
                        id: termStartField
                    objectName: "termStartField"
                        Layout.preferredWidth: 200
                        label: qsTr("开学日期")
                        text: setup.fields.termStart || ""
                        error: wizard.err("termStart")
                        onEdited: t => setup.set("termStart", t)
                    }
                    FormField {
                        id: termEndField
                    objectName: "termEndField"
                        Layout.preferredWidth: 200
                        label: qsTr("学期结束日期")
                        text: setup.fields.termEnd || ""
                        error: wizard.err("termEnd")
                        onEdited: t => setup.set("termEnd", t)
                    }
                }
                FormArea {
                    id: holidaysArea
                    objectName: "holidaysArea"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    label: qsTr("节假日（每行一个：名称 开始日期 结束日期）")
                    hint: "国庆节 2026-10-01 2026-10-07"
                    error: wizard.err("holidays")
                    onEdited: t => setup.set("holidays", t)
                }
            }

            RowLayout {
                spacing: 16
                ColumnLayout {
                    Layout.fillHeight: true
                    Layout.preferredWidth: 380
                    FormArea {
                        id: classesArea
                    objectName: "classesArea"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        label: qsTr("班级（每行一个年级，例如“三年级 1-6 班 45”）")
                        hint: "一年级 1-4 班\n三年级 1-6 班 45"
                        error: wizard.err("classes")
                        onEdited: t => setup.set("classes", t)
                    }
                    FormField {
                        id: perClassField
                    objectName: "perClassField"
                        label: qsTr("未写人数时每班人数")
                        text: String(setup.fields.studentsPerClass || "")
                        error: wizard.err("studentsPerClass")
                        onEdited: t => setup.set("studentsPerClass", parseInt(t) || 0)
                    }
                    Label { text: qsTr("将创建 %1 个班级").arg(setup.classCount) }
                }
                ColumnLayout {
                    Layout.fillHeight: true
                    Layout.fillWidth: true
                    FormArea {
                        id: teachersArea
                    objectName: "teachersArea"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        label: qsTr("教师（从 Excel 复制粘贴：姓名、工号、学科、入职日期）")
                        hint: qsTr("姓名\t工号\t学科\t入职日期")
                        error: wizard.err("teachers")
                        onEdited: t => setup.set("teachers", t)
                    }
                    Label { text: qsTr("将创建 %1 位教师").arg(setup.teacherCount) }
                }
            }

            ColumnLayout {
                spacing: 10
                FormField {
                    id: adminField
                    objectName: "adminField"
                    Layout.preferredWidth: 420
                    label: qsTr("管理员用户名")
                    error: wizard.err("adminName")
                    onEdited: t => setup.set("adminName", t)
                }
                FormField {
                    id: pwField
                    objectName: "pwField"
                    Layout.preferredWidth: 420
                    label: qsTr("密码（至少 6 位）")
                    echoMode: TextInput.Password
                    error: wizard.err("adminPassword")
                    onEdited: t => setup.set("adminPassword", t)
                }
                FormField {
                    id: pw2Field
                    objectName: "pw2Field"
                    Layout.preferredWidth: 420
                    label: qsTr("再次输入密码")
                    echoMode: TextInput.Password
                    error: wizard.err("adminPassword2")
                    onEdited: t => setup.set("adminPassword2", t)
                    onAccepted: setup.finish()
                }
                Label {
                    text: setup.status
                    color: "#b71c1c"
                    visible: text.length > 0
                }
                Item { Layout.fillHeight: true }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: !wizard.joining
            Button {
                objectName: "backButton"
                text: qsTr("上一步")
                enabled: wizard.step > 0
                onClicked: wizard.step--
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "stepHint"
                visible: !setup.stepsValid[wizard.step] && Object.keys(setup.shownErrors).length > 0
                text: qsTr("请先改正标红的内容")
                color: "#b71c1c"
            }
            Button {
                objectName: "nextButton"
                visible: wizard.step < 3
                text: qsTr("下一步")
                // Always pressable: on an incomplete step it shows what is missing instead of
                // silently staying grey. stepsValid is a property, so the highlight follows typing.
                highlighted: setup.stepsValid[wizard.step] === true
                onClicked: if (setup.leaveStep(wizard.step)) wizard.step++
            }
            Button {
                objectName: "finishButton"
                visible: wizard.step === 3
                text: qsTr("完成设置")
                highlighted: setup.valid
                onClicked: setup.finish()
            }
        }
    }

    // After "填入示例学校" the fields show the controller's values.
    function refreshFields() {
        const f = setup.fields
        codeField.text = f.schoolCode || ""
        nameField.text = f.schoolName || ""
        typeBox.currentIndex = typeBox.indexOfValue(f.schoolType)
        holidaysArea.text = f.holidays || ""
        classesArea.text = f.classes || ""
        teachersArea.text = f.teachers || ""
        adminField.text = f.adminName || ""
        pwField.text = f.adminPassword || ""
        pw2Field.text = f.adminPassword2 || ""
    }
}
