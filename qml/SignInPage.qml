import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Pick a user, type the password or PIN, Enter.
Page {
    id: signIn
    ColumnLayout {
        anchors.centerIn: parent
        width: 360
        spacing: 10
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: App.schoolName
            font.pointSize: 18
            font.bold: true
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("请选择用户并输入密码")
        }
        ComboBox {
            id: userBox
            objectName: "userBox"
            Layout.fillWidth: true
            model: App.users
            textRole: "displayName"
            valueRole: "username"
            Accessible.name: qsTr("用户")
        }
        TextField {
            id: password
            objectName: "password"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("密码或 PIN")
            Accessible.name: qsTr("密码")
            focus: true
            onAccepted: signIn.submit()
        }
        Label {
            id: message
            Layout.fillWidth: true
            color: "#b71c1c"
            visible: text.length > 0
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "demoHint"
            Layout.fillWidth: true
            visible: App.demoSignInHint.length > 0
            text: App.demoSignInHint
            color: "#37474f"
            wrapMode: Text.Wrap
        }
        Button {
            objectName: "signInButton"
            Layout.fillWidth: true
            text: qsTr("登录")
            highlighted: true
            enabled: userBox.currentIndex >= 0 && password.text.length > 0
            onClicked: signIn.submit()
        }
    }
    function submit() {
        message.text = App.signIn(userBox.currentValue, password.text)
        password.text = ""
    }
}
