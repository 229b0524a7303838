import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// The first-run wizard's other way in: this computer joins a school the county already holds
// (another computer of the school set it up). No school, term or classes are typed here: they
// come from the county with the school's records. Only the local administrator is created.
ColumnLayout {
    id: form
    spacing: 10
    signal back()

    JoinController { id: joiner }

    Label {
        Layout.fillWidth: true
        text: qsTr("本校已有电脑在用台账并已注册到区县：填写区县服务器地址、学校标识码和区县发放的注册码，本机会从区县下载学校的班级、教师、学期和全部记录，不需要再设置学校。")
        wrapMode: Text.Wrap
        color: "#37474f"
    }
    FormField {
        id: serverField
        objectName: "joinServerField"
        Layout.preferredWidth: 520
        label: qsTr("区县服务器地址")
        placeholderText: "https://"
    }
    FormField {
        id: schoolField
        objectName: "joinSchoolField"
        Layout.preferredWidth: 520
        label: qsTr("学校标识码（10 位数字）")
    }
    FormField {
        id: codeField
        objectName: "joinCodeField"
        Layout.preferredWidth: 520
        label: qsTr("注册码（区县教育局发放）")
    }
    FormField {
        id: deviceField
        objectName: "joinDeviceField"
        Layout.preferredWidth: 520
        label: qsTr("本机名称（如 三年级办公室）")
    }
    FormField {
        id: adminField
        objectName: "joinAdminField"
        Layout.preferredWidth: 520
        label: qsTr("本机管理员用户名")
        text: "admin"
    }
    FormField {
        id: pwField
        objectName: "joinPwField"
        Layout.preferredWidth: 520
        label: qsTr("密码（至少 6 位）")
        echoMode: TextInput.Password
    }
    FormField {
        id: pw2Field
        objectName: "joinPw2Field"
        Layout.preferredWidth: 520
        label: qsTr("再次输入密码")
        echoMode: TextInput.Password
    }
    Label {
        objectName: "joinStatus"
        Layout.fillWidth: true
        visible: text.length > 0
        text: joiner.status
        wrapMode: Text.Wrap
        color: joiner.busy ? "#37474f" : "#b71c1c"
    }
    Item { Layout.fillHeight: true }
    RowLayout {
        Layout.fillWidth: true
        Button {
            objectName: "joinBackButton"
            text: qsTr("返回首次设置")
            enabled: !joiner.busy
            onClicked: form.back()
        }
        Item { Layout.fillWidth: true }
        BusyIndicator { running: joiner.busy; visible: joiner.busy; Layout.preferredHeight: 32 }
        Button {
            objectName: "joinButton"
            text: qsTr("加入学校")
            highlighted: true
            enabled: !joiner.busy
            onClicked: joiner.join(serverField.text, schoolField.text, codeField.text, deviceField.text,
                                   adminField.text, pwField.text, pw2Field.text)
        }
    }
}
