import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Every record, filtered; edit opens the entry page, delete leaves a tombstone, history shows
// the audit trail.
Page {
    id: page
    padding: 16
    signal editRequested(var target)

    // The widest kind name in this language sizes the first column ("Physical activity" in English).
    TextMetrics {
        id: kindProbe
        text: qsTr("体育活动")
    }

    RecordsModel {
        id: records
        objectName: "recordsModel"
        kind: kindBox.currentValue ?? ""
        classId: classBox.currentValue ?? ""
        includeDeleted: deletedBox.checked
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        PageHeader {
            title: qsTr("记录查询")
            subtitle: records.truncated ? qsTr("只显示前 500 条，请缩小范围") : qsTr("共 %1 条").arg(list.count)
        }

        RowLayout {
            spacing: 8
            ComboBox {
                id: kindBox
                Layout.preferredWidth: 130
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("类型")
                model: [{ value: "", text: qsTr("全部类型") }].concat(records.kinds)
            }
            ComboBox {
                id: classBox
                Layout.preferredWidth: 150
                model: [{ id: "", name: qsTr("全部班级") }].concat(App.classes)
                textRole: "name"
                valueRole: "id"
                Accessible.name: qsTr("班级")
            }
            TextField {
                Layout.preferredWidth: 120
                text: records.from
                placeholderText: qsTr("开始日期")
                Accessible.name: qsTr("开始日期")
                onEditingFinished: records.from = text
            }
            Label { text: "—" }
            TextField {
                Layout.preferredWidth: 120
                text: records.to
                placeholderText: qsTr("结束日期")
                Accessible.name: qsTr("结束日期")
                onEditingFinished: records.to = text
            }
            TextField {
                Layout.preferredWidth: 120
                placeholderText: qsTr("填写人")
                Accessible.name: qsTr("填写人")
                onEditingFinished: records.author = text
            }
            CheckBox {
                id: deletedBox
                text: qsTr("显示已删除")
            }
            Label {
                text: records.filterError
                color: "#b71c1c"
            }
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: records
            currentIndex: -1
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: item
                required property int index
                required property string kindName
                required property string day
                required property string className
                required property string summary
                required property string author
                required property bool deleted
                required property string origin
                width: ListView.view.width - 12
                highlighted: ListView.isCurrentItem
                onClicked: list.currentIndex = index
                contentItem: RowLayout {
                    spacing: 10
                    Label { Layout.preferredWidth: kindProbe.width + 8; text: item.kindName; elide: Text.ElideRight }
                    Label { Layout.preferredWidth: 90; text: item.day }
                    Label { Layout.preferredWidth: 90; text: item.className }
                    Label {
                        Layout.fillWidth: true
                        text: item.summary
                        elide: Text.ElideRight
                        font.strikeout: item.deleted
                    }
                    Label { Layout.preferredWidth: 80; text: item.author; color: "#5b6b7b" }
                    Label { objectName: "originLabel"; Layout.preferredWidth: 64; text: item.origin; color: "#5b6b7b" }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label { objectName: "statusLabel"; Layout.fillWidth: true; text: records.status }
            Button {
                text: qsTr("修改")
                enabled: list.currentIndex >= 0 && Object.keys(records.editTarget(list.currentIndex)).length > 0
                onClicked: page.editRequested(records.editTarget(list.currentIndex))
            }
            Button {
                text: qsTr("修改历史")
                enabled: list.currentIndex >= 0
                onClicked: {
                    historyDialog.entries = records.history(list.currentIndex)
                    historyDialog.open()
                }
            }
            Button {
                objectName: "deleteButton"
                text: qsTr("删除")
                enabled: list.currentIndex >= 0
                onClicked: confirmDelete.open()
            }
        }
    }

    Dialog {
        id: confirmDelete
        anchors.centerIn: parent
        title: qsTr("删除记录")
        modal: true
        Label { text: qsTr("删除后记录保留删除标记并同步到区县，确定删除？") }
        // Our own buttons, so that they read 删除 / 取消 in the Chinese UI (never Yes / No).
        footer: DialogButtonBox {
            Button {
                objectName: "deleteConfirmButton"
                text: qsTr("删除")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "deleteCancelButton"
                text: qsTr("取消")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: records.remove(list.currentIndex)
    }

    Dialog {
        id: historyDialog
        property var entries: []
        anchors.centerIn: parent
        width: 640
        height: 420
        title: qsTr("修改历史")
        modal: true
        footer: DialogButtonBox {
            Button {
                text: qsTr("关闭")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        ListView {
            anchors.fill: parent
            clip: true
            model: historyDialog.entries
            spacing: 6
            delegate: Label {
                required property var modelData
                width: ListView.view.width
                wrapMode: Text.Wrap
                text: qsTr("v%1 %2 %3 %4").arg(modelData.version).arg(modelData.action).arg(modelData.at).arg(modelData.author)
                      + (modelData.reason ? qsTr("\n原因：%1").arg(modelData.reason) : "")
                      + (modelData.changes ? "\n" + modelData.changes : "")
            }
        }
    }
}
