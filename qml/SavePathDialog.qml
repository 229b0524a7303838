import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Where to save a file: the full path, prefilled with a sensible one, and 保存 / 取消. Used
// instead of QtQuick.Dialogs' FileDialog for saving, whose Save button in Qt 6.4 stays disabled
// until an existing file is selected, so that a new file name can never be saved.
Dialog {
    id: dialog
    property string path
    signal chosen(string path)
    anchors.centerIn: Overlay.overlay
    width: 640
    modal: true
    onAboutToShow: {
        pathField.text = dialog.path
        pathField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label { text: qsTr("保存到（完整路径，可修改）：") }
        TextField {
            id: pathField
            objectName: dialog.objectName + "Path"
            Layout.fillWidth: true
            selectByMouse: true
            Accessible.name: qsTr("保存到")
            onActiveFocusChanged: if (activeFocus) Qt.callLater(pathField.selectAll)
            onAccepted: if (text.trim().length > 0) dialog.accept()
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: dialog.objectName + "Save"
            text: qsTr("保存")
            enabled: pathField.text.trim().length > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: dialog.objectName + "Cancel"
            text: qsTr("取消")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onAccepted: dialog.chosen(pathField.text.trim())
}
