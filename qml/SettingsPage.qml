import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Taizhang.Backend

// Language, county server and sync, rule set in force, data folder, backup and restore.
Page {
    id: page
    padding: 16
    SettingsController { id: settings; objectName: "settingsController" }

    ScrollView {
        anchors.fill: parent
        clip: true
        ColumnLayout {
            width: page.availableWidth - 20
            spacing: 12

            PageHeader { title: qsTr("设置") }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("界面语言")
                RowLayout {
                    RadioButton {
                        objectName: "langZh"
                        text: "简体中文"
                        checked: App.language === "zh_CN"
                        onClicked: App.setLanguage("zh_CN")
                    }
                    RadioButton {
                        objectName: "langEn"
                        text: "English"
                        checked: App.language === "en"
                        onClicked: App.setLanguage("en")
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("区县服务器与同步")
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: settings.enrolled
                        text: qsTr("已注册：%1").arg(settings.serverUrl)
                    }
                    SyncStatusPanel {}
                    RowLayout {
                        TextField {
                            id: serverField
                            objectName: "serverField"
                            Layout.preferredWidth: 300
                            placeholderText: "https://county.example.cn"
                            // Set once: a failed enrollment must not wipe what the user typed.
                            Component.onCompleted: text = settings.serverUrl
                            Accessible.name: qsTr("服务器地址")
                        }
                        TextField {
                            id: codeField
                            objectName: "codeField"
                            Layout.preferredWidth: 160
                            placeholderText: qsTr("注册码")
                            Accessible.name: qsTr("注册码")
                        }
                        TextField {
                            id: deviceField
                            Layout.preferredWidth: 160
                            text: qsTr("教务处电脑")
                            Accessible.name: qsTr("设备名称")
                        }
                        Button {
                            objectName: "enrollButton"
                            text: qsTr("注册")
                            enabled: !settings.busy && App.isAdmin
                            onClicked: settings.enroll(serverField.text, codeField.text, deviceField.text)
                        }
                        Button {
                            text: qsTr("取消")
                            visible: settings.busy
                            onClicked: settings.cancel()
                        }
                    }
                    ProgressBar {
                        Layout.fillWidth: true
                        visible: settings.busy
                        value: settings.progress
                        indeterminate: settings.progress === 0
                    }
                    Label {
                        objectName: "settingsStatus"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: settings.status
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("政策规则")
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("当前规则集：%1").arg(settings.ruleSet) }
                    Label { text: qsTr("区县规定：") }
                    Label {
                        Layout.fillWidth: true
                        text: settings.overridesText
                        font.family: "monospace"
                        wrapMode: Text.Wrap
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("数据")
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WrapAnywhere
                        text: qsTr("数据文件：%1").arg(App.dbPath)
                    }
                    Label {
                        objectName: "dataStatus"
                        Layout.fillWidth: true
                        wrapMode: Text.WrapAnywhere
                        text: settings.dataStatus
                        visible: text.length > 0
                    }
                    RowLayout {
                        Button {
                            objectName: "backupButton"
                            text: qsTr("备份数据……")
                            enabled: App.isAdmin
                            onClicked: backupDialog.open()
                        }
                        Button {
                            objectName: "restoreButton"
                            text: qsTr("从备份恢复……")
                            enabled: App.isAdmin
                            onClicked: restoreDialog.open()
                        }
                    }
                }
            }
        }
    }

    SavePathDialog {
        id: backupDialog
        objectName: "backupDialog"
        title: qsTr("备份数据")
        path: settings.defaultBackupPath
        onChosen: p => {
            settings.backup(p)
            // Restoring usually means that backup: open the restore dialog where it went.
            restoreDialog.currentFolder = settings.folderUrlOf(p)
        }
    }
    FileDialog {
        id: restoreDialog
        objectName: "restoreDialog"
        title: qsTr("从备份恢复")
        fileMode: FileDialog.OpenFile
        acceptLabel: qsTr("恢复")
        rejectLabel: qsTr("取消")
        nameFilters: [qsTr("台账备份 (*.db)")]
        onAccepted: settings.restore(selectedFile)
    }
}
