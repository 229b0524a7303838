import QtQuick
import QtTest
import Taizhang
import Taizhang.Backend

// The homework page driven by the keyboard: typing minutes and content, inline messages, the
// running total, the over-cap reason, Enter to save.
TestCase {
    id: testCase
    name: "HomeworkPage"
    when: windowShown
    visible: true
    width: 1366
    height: 768

    HomeworkPage {
        id: page
        anchors.fill: parent
    }

    // A grade 3-6 class: cap 60 minutes of written homework.
    function selectMiddleClass() {
        const box = findChild(page, "classBox")
        const classes = App.classes
        for (let i = 0; i < classes.length; ++i)
            if (classes[i].grade >= 3 && classes[i].grade <= 6) {
                box.currentIndex = i
                return
            }
        fail("no grade 3-6 class in the demo school")
    }

    function typeInto(name, text) {
        const field = findChild(page, name)
        verify(field !== null, name)
        field.forceActiveFocus()
        field.selectAll()
        keyClick(Qt.Key_Backspace)
        for (const ch of text)
            keyClick(ch)
        return field
    }

    function init() {
        selectMiddleClass()
        page.entry.reload()
        // The reset model's rows are built again when the list is next polished: wait for that,
        // and for the first row, rather than a fixed time.
        const rows = findChild(page, "rows")
        verify(rows !== null)
        waitForItemPolished(rows)
        tryVerify(() => rows.count === page.entry.rowCount() && rows.count > 0 && findChild(page, "minutes0") !== null)
    }

    function test_1_bad_minutes_show_a_message_and_disable_save() {
        const f = typeInto("minutes0", "abc")
        const error = findChild(page, "error0")
        tryCompare(error, "visible", true)
        compare(error.text, "分钟数应为 0 到 240 之间的整数")
        compare(findChild(page, "saveButton").enabled, false)
        typeInto("minutes0", "20")
        compare(error.text, "请填写作业内容（作业公示需要）")
        compare(findChild(page, "saveButton").enabled, false)
    }

    function test_2_typing_updates_the_total_and_enter_saves() {
        const before = page.entry.writtenTotal
        typeInto("minutes0", "5")
        compare(page.entry.writtenTotal, before + 5)
        verify(findChild(page, "totalLabel").text.indexOf(String(before + 5)) >= 0)
        typeInto("content0", "p12 ex1-5")
        compare(findChild(page, "error0").visible, false)
        verify(findChild(page, "saveButton").enabled)
        keyClick(Qt.Key_Return)
        tryVerify(() => findChild(page, "statusLabel").text.indexOf("已保存") === 0)
        compare(page.entry.dirty, false)
    }

    function test_3_over_the_cap_needs_a_reason() {
        typeInto("minutes0", "90")
        typeInto("content0", "unit 3 review")
        verify(page.entry.overCap)
        const reason = findChild(page, "reasonField")
        tryCompare(reason, "visible", true)
        compare(findChild(page, "saveButton").enabled, false)
        keyClick(Qt.Key_Return)
        verify(findChild(page, "statusLabel").text.indexOf("超量原因") >= 0)
        typeInto("reasonField", "mid-term review")
        verify(findChild(page, "saveButton").enabled)
        keyClick(Qt.Key_Return)
        tryVerify(() => findChild(page, "statusLabel").text.indexOf("已保存") === 0)
    }
}
