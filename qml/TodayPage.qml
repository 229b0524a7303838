import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Home page: what is entered today per class, and what is out of line.
Page {
    id: page
    padding: 16

    signal editRequested(var target)
    function openSyncPage() { page.editRequested({ page: "sync" }) }

    TodayModel { id: today }

    // Measuring probes for the card columns (never shown).
    RowLayout {
        id: dotsProbe
        visible: false
        spacing: 10
        StatusDot { done: false; label: qsTr("作业") }
        StatusDot { done: false; label: qsTr("体育活动") }
        StatusDot { done: false; label: qsTr("睡眠") }
    }
    TextMetrics {
        id: minutesProbe
        text: qsTr("书面作业 %1 / %2 分钟").arg(240).arg(240)
    }
    TrainingModel { id: training }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        PageHeader {
            title: qsTr("今日 %1").arg(today.date)
            // A weekend, a holiday or a day outside the terms misses nothing; a 调休 Saturday does.
            subtitle: today.schoolDay
                      ? qsTr("%1 个班级 · 必须整改 %2 项 · 提示 %3 项 · %4 个班未登记作业")
                        .arg(list.count).arg(today.hardCount).arg(today.softCount).arg(today.missingHomework)
                      : qsTr("%1 个班级 · 必须整改 %2 项 · 提示 %3 项 · 非上课日")
                        .arg(list.count).arg(today.hardCount).arg(today.softCount)
            Button {
                text: qsTr("前一天")
                onClicked: today.date = App.addDays(today.date, -1)
            }
            Button {
                text: qsTr("今天")
                onClicked: today.date = App.today
            }
            Button {
                text: qsTr("后一天")
                enabled: today.date < App.today
                onClicked: today.date = App.addDays(today.date, 1)
            }
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("教师培训：%1 / %2 人达到五年 360 学时进度")
                  .arg(training.onTrack).arg(training.teacherCount)
            color: "#37474f"
            wrapMode: Text.Wrap
        }

        // One line about sync in plain words (local times); the 同步 page has the details.
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Rectangle {
                width: 10
                height: 10
                radius: 5
                color: Sync.state === "sent" && Sync.refusedCount === 0 ? "#2e7d32"
                     : Sync.state === "blocked" || Sync.refusedCount > 0 ? "#c62828"
                     : Sync.state === "off" ? "#9aa5b1" : "#b7791f"
            }
            Label {
                objectName: "todaySyncLine"
                Layout.fillWidth: true
                text: Sync.enrolled ? qsTr("同步：%1 · 上次成功 %2").arg(Sync.headline).arg(Sync.lastSuccessText)
                                    : qsTr("同步：%1（%2 条未发送）").arg(Sync.headline).arg(App.outboxCount)
                color: "#37474f"
                wrapMode: Text.Wrap
            }
            Button {
                visible: App.isAdmin && (Sync.refusedCount > 0 || Sync.conflictCount > 0 || Sync.state === "blocked")
                text: qsTr("去处理")
                onClicked: page.openSyncPage()
            }
        }

        // A week the county returned (退回) with its reason, until the county approves or reopens it.
        Label {
            objectName: "todayReturnedLine"
            Layout.fillWidth: true
            visible: Sync.returnedText !== ""
            text: Sync.returnedText
            color: "#b71c1c"
            font.bold: true
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: today
            ScrollBar.vertical: ScrollBar {}
            delegate: Frame {
                id: card
                required property string className
                required property int writtenMinutes
                required property int cap
                required property bool hasHomework
                required property bool hasActivity
                required property bool hasSleep
                required property bool noHomework
                required property var findings
                required property string worst
                width: ListView.view.width - 12
                background: Rectangle {
                    color: "white"
                    border.color: card.worst === "hard" ? "#c62828" : card.worst === "soft" ? "#b7791f" : "#d5dde5"
                    radius: 4
                }
                RowLayout {
                    anchors.fill: parent
                    spacing: 16
                    Label {
                        Layout.preferredWidth: 110
                        text: card.className
                        font.bold: true
                        font.pointSize: 11
                    }
                    RowLayout {
                        // As wide as the widest state in this language, so columns line up and
                        // English never runs into the next column.
                        Layout.preferredWidth: dotsProbe.implicitWidth
                        spacing: 10
                        StatusDot { done: card.hasHomework; label: qsTr("作业") }
                        StatusDot { done: card.hasActivity; label: qsTr("体育活动") }
                        StatusDot { done: card.hasSleep; label: qsTr("睡眠") }
                    }
                    Label {
                        Layout.preferredWidth: minutesProbe.width + 8
                        // A class recorded as 无作业 says so rather than "0 minutes".
                        text: card.noHomework ? qsTr("今天无作业")
                                              : qsTr("书面作业 %1 / %2 分钟").arg(card.writtenMinutes).arg(card.cap)
                        color: card.writtenMinutes > card.cap ? "#b71c1c" : card.noHomework ? "#1b5e20" : "#263238"
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 6
                        Repeater {
                            model: card.findings
                            delegate: FindingBadge {
                                required property var modelData
                                finding: modelData
                                width: 330
                            }
                        }
                        Label {
                            visible: card.findings.length === 0
                            text: qsTr("无问题")
                            color: "#2e7d32"
                        }
                    }
                }
            }
        }
    }
}
