import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The app's own print dialog for the 作业公示 sheet: printer and copies, in the app's language.
// (A widget QPrintDialog would need a QApplication and Qt's own catalogues for Chinese.) The
// printers and the printing come from PublicationController; A4 portrait is fixed by the sheet.
Dialog {
    id: dialog
    required property var sheet
    title: qsTr("打印作业公示")
    modal: true
    width: 440

    onAboutToShow: {
        sheet.refreshPrinters()
        printerBox.currentIndex = Math.max(0, sheet.printers.indexOf(sheet.defaultPrinter))
        copies.value = 1
    }
    onAccepted: sheet.print(printerBox.currentText, copies.value)

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            Layout.fillWidth: true
            visible: dialog.sheet.printers.length === 0
            wrapMode: Text.Wrap
            color: "#8a5a00"
            text: qsTr("本机没有可用的打印机。请先安装或连接打印机；也可以关闭此窗口，用“保存为 PDF”存到 U 盘，在别的电脑上打印。")
        }
        GridLayout {
            visible: dialog.sheet.printers.length > 0
            columns: 2
            columnSpacing: 10
            Label { text: qsTr("打印机") }
            ComboBox {
                id: printerBox
                objectName: "printerBox"
                Layout.fillWidth: true
                model: dialog.sheet.printers
                Accessible.name: qsTr("打印机")
            }
            Label { text: qsTr("份数") }
            SpinBox {
                id: copies
                objectName: "copiesBox"
                from: 1
                to: 50
                value: 1
                editable: true
                Accessible.name: qsTr("份数")
            }
            Label { text: qsTr("纸张") }
            Label { text: qsTr("A4 纵向") }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "printButton"
            text: qsTr("打印")
            enabled: dialog.sheet.printers.length > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("取消")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
