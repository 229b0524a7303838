import QtQuick
import QtQuick.Controls

// Bars per school day against a limit line: written homework vs cap (limit is a maximum) or
// activity vs rule (limit is a minimum). Drawn with Canvas so no extra module is needed.
Canvas {
    id: chart
    property var series: []
    property string valueKey: "written"
    property string limitKey: "cap"
    property bool limitIsMaximum: true
    property string unit: qsTr("分钟")
    implicitHeight: 200

    onSeriesChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        ctx.fillStyle = "white"
        ctx.fillRect(0, 0, width, height)
        if (!series || series.length === 0)
            return
        let top = 10
        for (const p of series)
            top = Math.max(top, p[valueKey], p[limitKey])
        top *= 1.2
        const left = 40, bottom = height - 24, plotH = bottom - 10
        const slot = (width - left - 10) / series.length
        ctx.font = "11px sans-serif"
        ctx.fillStyle = "#5b6b7b"
        ctx.fillText(String(Math.round(top)) + " " + unit, 2, 14)
        const days = [qsTr("一"), qsTr("二"), qsTr("三"), qsTr("四"), qsTr("五")]
        for (let i = 0; i < series.length; ++i) {
            const p = series[i]
            const v = p[valueKey], lim = p[limitKey]
            const bad = limitIsMaximum ? v > lim : v < lim
            const h = plotH * v / top
            const x = left + i * slot + slot * 0.2
            ctx.fillStyle = bad ? "#c62828" : "#43a047"
            ctx.fillRect(x, bottom - h, slot * 0.6, h)
            ctx.fillStyle = "#263238"
            ctx.fillText(String(v), x + 2, bottom - h - 3)
            ctx.fillText(qsTr("周%1").arg(days[p.weekday - 1]), x + 2, height - 6)
            const ly = bottom - plotH * lim / top
            ctx.strokeStyle = "#1565c0"
            ctx.lineWidth = 2
            ctx.beginPath()
            ctx.moveTo(left + i * slot, ly)
            ctx.lineTo(left + (i + 1) * slot, ly)
            ctx.stroke()
        }
    }
}
