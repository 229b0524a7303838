import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Taizhang.Backend

// Home page: what is entered today per class, and what is out of line.
Page {
    id: page
    padding: 16

    TodayModel { id: today }
    TrainingModel { id: training }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        PageHeader {
            title: qsTr("今日 %1").arg(today.date)
            subtitle: qsTr("%1 个班级 · 必须整改 %2 项 · 提示 %3 项 · %4 个班未登记作业")
                      .arg(list.count).arg(today.hardCount).arg(today.softCount).arg(today.missingHomework)
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
            text: qsTr("教师培训：%1 / %2 人已完成五年 360 学时 · 待同步 %3 条")
                  .arg(training.completed).arg(training.teacherCount).arg(App.outboxCount)
            color: "#37474f"
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
                        Layout.preferredWidth: 300
                        spacing: 10
                        StatusDot { done: card.hasHomework; label: qsTr("作业") }
                        StatusDot { done: card.hasActivity; label: qsTr("体育活动") }
                        StatusDot { done: card.hasSleep; label: qsTr("睡眠") }
                    }
                    Label {
                        Layout.preferredWidth: 150
                        text: qsTr("书面作业 %1 / %2 分钟").arg(card.writtenMinutes).arg(card.cap)
                        color: card.writtenMinutes > card.cap ? "#b71c1c" : "#263238"
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
