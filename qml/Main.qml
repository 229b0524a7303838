import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// The main window: first-run wizard, sign-in, or the navigation with every page.
ApplicationWindow {
    id: window
    width: 1366
    height: 768
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: App.hasSchool ? qsTr("台账 — %1").arg(App.schoolName) : qsTr("台账")

    // Page ids and titles, in navigation order; the self-test and screenshots walk this list.
    readonly property var pages: [
        { name: "today", title: qsTr("今日"), file: "TodayPage.qml", admin: false },
        { name: "homework", title: qsTr("作业登记"), file: "HomeworkPage.qml", admin: false },
        { name: "activity", title: qsTr("体育活动"), file: "ActivityPage.qml", admin: true },
        { name: "sleep", title: qsTr("睡眠调查"), file: "SleepPage.qml", admin: true },
        { name: "training", title: qsTr("教师培训"), file: "TrainingPage.qml", admin: true },
        { name: "timetable", title: qsTr("课程表"), file: "TimetablePage.qml", admin: true },
        { name: "records", title: qsTr("记录查询"), file: "RecordsPage.qml", admin: false },
        { name: "reports", title: qsTr("报表"), file: "ReportsPage.qml", admin: true },
        { name: "sync", title: qsTr("同步"), file: "SyncPage.qml", admin: true },
        { name: "year", title: qsTr("新学年"), file: "YearPage.qml", admin: true },
        { name: "settings", title: qsTr("设置"), file: "SettingsPage.qml", admin: false }
    ]
    readonly property var pageNames: pages.map(p => p.name)
    property int currentPage: 0

    // Shows a page by id; returns true once the page has loaded (used by --self-test).
    function showPage(name) {
        const i = pageNames.indexOf(name)
        if (i < 0)
            return false
        currentPage = i
        const loader = pageRepeater.itemAt(i)
        return loader !== null && loader.status === Loader.Ready
    }

    // Opens an entry page at a record's class and day (the records browser's "修改").
    function openEntry(target) {
        const i = pageNames.indexOf(target.page)
        if (i < 0)
            return
        currentPage = i
        const item = pageRepeater.itemAt(i).item
        if (item && item.openFor)
            item.openFor(target.classId, target.date)
    }

    Loader {
        anchors.fill: parent
        active: !App.hasSchool
        sourceComponent: SetupWizard {}
    }
    Loader {
        anchors.fill: parent
        active: App.hasSchool && !App.signedIn
        sourceComponent: SignInPage {}
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: App.hasSchool && App.signedIn

        Pane {
            Layout.fillHeight: true
            Layout.preferredWidth: 180
            padding: 0
            background: Rectangle { color: "#24364b" }

            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    Layout.margins: 12
                    text: App.schoolName
                    color: "white"
                    font.bold: true
                    font.pointSize: 12
                    wrapMode: Text.Wrap
                }
                Repeater {
                    model: window.pages
                    delegate: ItemDelegate {
                        required property var modelData
                        required property int index
                        objectName: "nav_" + modelData.name
                        Layout.fillWidth: true
                        visible: App.isAdmin || !modelData.admin
                        text: modelData.title
                        highlighted: window.currentPage === index
                        Accessible.name: modelData.title
                        contentItem: Label {
                            text: parent.text
                            color: parent.highlighted ? "#24364b" : "white"
                            font.pointSize: 11
                        }
                        background: Rectangle { color: parent.highlighted ? "#e8eef5" : "transparent" }
                        onClicked: window.currentPage = index
                    }
                }
                Item { Layout.fillHeight: true }
                Label {
                    Layout.fillWidth: true
                    Layout.margins: 12
                    color: "#c8d3df"
                    wrapMode: Text.Wrap
                    text: qsTr("%1 · %2\n待同步 %3 条").arg(App.userName)
                          .arg(App.isAdmin ? qsTr("管理员") : qsTr("教师")).arg(App.outboxCount)
                }
                Button {
                    objectName: "signOutButton"
                    Layout.fillWidth: true
                    Layout.margins: 8
                    text: qsTr("退出登录")
                    onClicked: App.signOut()
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.currentPage
            Repeater {
                id: pageRepeater
                model: window.pages
                delegate: Loader {
                    id: pageLoader
                    required property var modelData
                    required property int index
                    // Pages load on first visit only: start-up shows Today without building the rest,
                    // and a visited page keeps what was typed when the user switches away.
                    property bool visited: window.currentPage === index
                    active: App.signedIn && (visited || window.currentPage === index)
                    Connections {
                        target: pageLoader.item
                        ignoreUnknownSignals: true
                        function onEditRequested(target) { window.openEntry(target) }
                    }
                    Connections {
                        target: window
                        function onCurrentPageChanged() {
                            if (window.currentPage === pageLoader.index)
                                pageLoader.visited = true
                        }
                    }
                    source: modelData.file
                }
            }
        }
    }

    Shortcut {
        sequences: ["Ctrl+1"]
        onActivated: window.currentPage = 0
    }
    Shortcut {
        sequences: ["Ctrl+2"]
        onActivated: window.currentPage = 1
    }
}
