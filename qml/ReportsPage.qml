import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Weekly charts of a class, the 作业公示 sheet of a day or week (preview, print, PDF) and CSV
// export with progress.
Page {
    id: page
    padding: 16
    ReportsController {
        id: reports
        classId: classBox.currentValue ?? ""
    }
    PublicationController {
        id: publication
        date: pubDate.text
        week: pubScope.currentIndex === 1
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        PageHeader {
            title: qsTr("报表")
            subtitle: qsTr("%1 所在周").arg(reports.weekOf)
            Button { text: qsTr("上一周"); onClicked: reports.weekOf = App.addDays(reports.weekOf, -7) }
            Button { text: qsTr("本周"); onClicked: reports.weekOf = App.today }
            Button { text: qsTr("下一周"); onClicked: reports.weekOf = App.addDays(reports.weekOf, 7) }
        }

        RowLayout {
            Label { text: qsTr("班级") }
            ComboBox {
                id: classBox
                Layout.preferredWidth: 180
                model: App.classes
                textRole: "name"
                valueRole: "id"
                Accessible.name: qsTr("班级")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            ColumnLayout {
                Layout.fillWidth: true
                Label { text: qsTr("书面作业时长（柱）与上限（蓝线）"); font.bold: true }
                WeekChart {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 190
                    series: reports.series
                    valueKey: "written"
                    limitKey: "cap"
                    limitIsMaximum: true
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Label { text: qsTr("体育活动时长（柱）与要求（蓝线）"); font.bold: true }
                WeekChart {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 190
                    series: reports.series
                    valueKey: "activity"
                    limitKey: "activityRule"
                    limitIsMaximum: false
                }
            }
        }

        RowLayout {
            spacing: 8
            Label { text: qsTr("作业公示"); font.bold: true }
            TextField {
                id: pubDate
                objectName: "publicationDate"
                Layout.preferredWidth: 120
                text: App.today
                selectByMouse: true
                onActiveFocusChanged: if (activeFocus) Qt.callLater(pubDate.selectAll)
                Accessible.name: qsTr("作业公示日期")
            }
            ComboBox {
                id: pubScope
                objectName: "publicationScope"
                Layout.preferredWidth: 90
                model: [qsTr("当天"), qsTr("本周")]
                Accessible.name: qsTr("公示范围")
            }
            Button {
                objectName: "printSheetButton"
                text: qsTr("打印……")
                enabled: publication.dateError === ""
                onClicked: printDialog.open()
            }
            Button {
                objectName: "sheetPdfButton"
                text: qsTr("保存为 PDF……")
                enabled: publication.dateError === ""
                onClicked: {
                    pdfDialog.path = publication.defaultPdfPath
                    pdfDialog.open()
                }
            }
            Item { Layout.preferredWidth: 30 }
            Label { text: qsTr("导出 CSV"); font.bold: true }
            ComboBox {
                id: csvKind
                objectName: "csvKind"
                Layout.preferredWidth: 110
                textRole: "text"
                valueRole: "kind"
                model: [
                    { text: qsTr("作业"), kind: "homework" },
                    { text: qsTr("睡眠"), kind: "sleep" },
                    { text: qsTr("体育活动"), kind: "activity" }
                ]
                Accessible.name: qsTr("导出哪类记录")
            }
            TextField {
                id: csvFrom
                objectName: "csvFrom"
                Layout.preferredWidth: 110
                text: App.addDays(App.today, -30)
                selectByMouse: true
                // Typing replaces the date instead of adding to it (2026-10-212026-11-16).
                onActiveFocusChanged: if (activeFocus) Qt.callLater(csvFrom.selectAll)
                Accessible.name: qsTr("开始日期")
            }
            Label { text: "—" }
            TextField {
                id: csvTo
                objectName: "csvTo"
                Layout.preferredWidth: 110
                text: App.today
                selectByMouse: true
                onActiveFocusChanged: if (activeFocus) Qt.callLater(csvTo.selectAll)
                Accessible.name: qsTr("结束日期")
            }
            Button {
                objectName: "csvExportButton"
                text: qsTr("导出……")
                enabled: !reports.busy
                onClicked: {
                    csvDialog.path = reports.defaultExportPath(csvKind.currentValue, csvFrom.text, csvTo.text)
                    csvDialog.open()
                }
            }
            ProgressBar {
                visible: reports.busy
                value: reports.progress
                Layout.preferredWidth: 120
            }
            Button {
                visible: reports.busy
                text: qsTr("取消")
                onClicked: reports.cancel()
            }
        }
        Label {
            objectName: "csvStatus"
            Layout.fillWidth: true
            text: reports.status
            elide: Text.ElideMiddle
        }
        Label {
            Layout.fillWidth: true
            visible: text !== ""
            text: publication.dateError !== "" ? publication.dateError : publication.status
            color: publication.dateError !== "" ? "#c62828" : palette.windowText
            elide: Text.ElideMiddle
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            Label {
                width: page.availableWidth - 20
                textFormat: Text.RichText
                wrapMode: Text.Wrap
                text: publication.html
            }
        }
    }

    // Saving goes through SavePathDialog: Qt 6.4's FileDialog in save mode keeps 保存 disabled
    // for a file that does not exist yet.
    SavePathDialog {
        id: pdfDialog
        objectName: "pdfDialog"
        title: qsTr("保存作业公示 PDF")
        onChosen: p => publication.savePdf(p)
    }
    PrintSheetDialog {
        id: printDialog
        sheet: publication
        anchors.centerIn: parent
    }
    SavePathDialog {
        id: csvDialog
        objectName: "csvDialog"
        title: qsTr("导出 CSV")
        onChosen: p => reports.exportCsv(p, csvFrom.text, csvTo.text, csvKind.currentValue)
    }
}
