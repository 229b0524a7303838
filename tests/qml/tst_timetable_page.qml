import QtQuick
import QtTest
import Taizhang
import Taizhang.Backend

// Timetable counts and findings update as cells change, before anything is saved.
TestCase {
    name: "TimetablePage"
    when: windowShown
    visible: true
    width: 1366
    height: 768

    TimetablePage {
        id: page
        anchors.fill: parent
    }

    function countOf(code) {
        for (const c of page.timetable.counts)
            if (c.code === code)
                return c.count
        return -1
    }

    function test_counts_and_findings_follow_the_grid() {
        verify(page.timetable.total > 0)
        const labour = countOf("labour")
        const findings = page.timetable.findings.length
        // Find a cell that is not labour and make it labour.
        let cell = -1
        for (let i = 0; i < 40 && cell < 0; ++i)
            if (page.timetable.data(page.timetable.index(i, 0), Qt.UserRole + 3) !== "labour")
                cell = i
        verify(cell >= 0)
        page.timetable.setCell(cell, "labour")
        compare(countOf("labour"), labour + 1)
        const label = findChild(page, "count_labour")
        verify(label !== null)
        verify(label.text.indexOf(String(labour + 1)) >= 0)
        verify(page.timetable.dirty)
        // Turning every PE lesson into maths squeezes PE out: a finding appears at once.
        page.timetable.reload()
        const total = page.timetable.total
        for (let i = 0; i < page.timetable.periods * page.timetable.weekdays; ++i)
            if (page.timetable.data(page.timetable.index(i, 0), Qt.UserRole + 3) === "pe")
                page.timetable.setCell(i, "math")
        compare(countOf("pe"), 0)
        compare(page.timetable.total, total)
        verify(page.timetable.findings.length > findings)
        verify(page.timetable.findings.some(f => f.severity === "hard"))
        page.timetable.reload()
        verify(!page.timetable.dirty)
    }
}
