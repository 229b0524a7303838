#include "publication_sheet.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <vector>

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextDocument>

#include "app_context.h"
#include "compliance.h"
#include "policy.h"
#include "qt_convert.h"

namespace taizhang {

QString PublicationSheet::weekdayName(const Date& d)
{
    static const char* const names[] = {QT_TRANSLATE_NOOP("PublicationSheet", "星期一"),
                                        QT_TRANSLATE_NOOP("PublicationSheet", "星期二"),
                                        QT_TRANSLATE_NOOP("PublicationSheet", "星期三"),
                                        QT_TRANSLATE_NOOP("PublicationSheet", "星期四"),
                                        QT_TRANSLATE_NOOP("PublicationSheet", "星期五"),
                                        QT_TRANSLATE_NOOP("PublicationSheet", "星期六"),
                                        QT_TRANSLATE_NOOP("PublicationSheet", "星期日")};
    return tr(names[d.isoWeekday() - 1]);
}

QString PublicationSheet::longDate(const Date& d)
{
    return tr("%1年%2月%3日").arg(d.year).arg(d.month).arg(d.day);
}

namespace {
QString esc(const std::string& s) { return qs(s).toHtmlEscaped(); }

// Column widths in percent of the text width, chosen for A4 portrait at 10 pt: 类型 fits
// "非书面·在家" on one line, 布置教师 a three-character name, the content column gets the rest.
constexpr int kWidths[] = {8, 11, 11, 36, 13, 7, 14};
}  // namespace

QString PublicationSheet::html(AppContext& app, const Date& from, const Date& to)
{
    // One indexed query for the whole range, grouped by class and day.
    std::map<std::string, std::map<Date, std::vector<Homework>>> byClass;
    for (const auto& r : app.store().query(RecordQuery{.kind = Kind::Homework, .from = from, .to = to})) {
        auto h = bodyAs<Homework>(r);
        byClass[h.classId][h.date].push_back(std::move(h));
    }
    const bool oneDay = from == to;
    // A week is headed Monday to Friday, or to the last weekend day that has homework.
    Date shownTo = oneDay ? to : std::min(to, from.addDays(4));
    for (const auto& [classId, days] : byClass)
        if (!days.empty()) shownTo = std::max(shownTo, days.rbegin()->first);
    const QString period = oneDay ? tr("%1 %2").arg(longDate(from), weekdayName(from))
                                  : tr("%1（%2）至 %3（%4）")
                                        .arg(longDate(from), weekdayName(from), longDate(shownTo), weekdayName(shownTo));
    const RuleQuote rule = homeworkPublicationRule(to, app.overrides());
    const QString ruleText = app.language() == QLatin1String("en") ? qs(rule.en) : qs(rule.zh);

    QString html;
    html += QString("<h2 align='center'>%1 %2</h2>").arg(app.schoolName().toHtmlEscaped(), tr("作业公示"));
    html += QString("<p align='center'>%1</p>").arg(period.toHtmlEscaped());
    html += QString("<p style='font-size:small'>%1</p>").arg(ruleText.toHtmlEscaped());
    html += "<table border='1' cellspacing='0' cellpadding='3' width='100%' style='border-collapse:collapse'>";
    const QString headers[] = {tr("星期"), tr("班级"), tr("学科"), tr("作业内容"), tr("类型"), tr("分钟"), tr("布置教师")};
    html += "<thead><tr bgcolor='#eeeeee'>";
    for (int i = 0; i < 7; ++i) html += QString("<th width='%1%'>%2</th>").arg(kWidths[i]).arg(headers[i]);
    html += "</tr></thead>";

    for (const auto& c : app.classes()) {
        if (!c.body.activeOn(from)) continue;  // graduated before the sheet's first day, or not yet opened
        auto& days = byClass[c.id];
        const QString className = qs(c.body.nameOn(from)).toHtmlEscaped();
        // Every school day of the range up to today (调休 Saturdays too) has a line (a missing one shows as 未登记),
        // weekend days only when homework was set.
        for (Date d = from; d <= to; d = d.addDays(1))
            if (oneDay || (app.isSchoolDay(d) && d <= app.todayDate())) days[d];
        for (const auto& [day, stored] : days) {
            // A 无作业 mark is the class-day's only homework in one ledger; homework pulled from
            // another computer of the school for a day this one marked is printed, not the mark.
            std::vector<Homework> entries;
            std::copy_if(stored.begin(), stored.end(), std::back_inserter(entries), [](const Homework& h) { return !h.none; });
            if (stored.empty()) {
                html += QString("<tr><td>%1</td><td>%2</td><td colspan='5'>%3</td></tr>")
                            .arg(weekdayName(day), className, tr("未登记作业"));
                continue;
            }
            if (entries.empty()) {  // 无作业 recorded
                const auto none = stored.begin();
                const QString note = none->content.empty() ? QString() : tr("（%1）").arg(qs(none->content));
                html += QString("<tr><td>%1</td><td>%2</td><td colspan='5'><b>%3</b>%4</td></tr>")
                            .arg(weekdayName(day), className, tr("无作业"), note.toHtmlEscaped());
                continue;
            }
            const int cap = writtenHomeworkCap(app, c.body.gradeOn(day), day);
            int written = 0, all = 0;
            QString reason;
            for (const auto& h : entries) {
                all += h.minutes;
                if (countsAgainstCap(c.body.gradeOn(day), h)) written += h.minutes;
                if (!h.overCapReason.empty()) reason = qs(h.overCapReason);
            }
            // The weekday and class cells span the entries and the class-day's total row.
            const int span = static_cast<int>(entries.size()) + 1;
            for (std::size_t i = 0; i < entries.size(); ++i) {
                const auto& h = entries[i];
                html += "<tr>";
                if (i == 0)
                    html += QString("<td rowspan='%1'>%2</td><td rowspan='%1'>%3</td>")
                                .arg(QString::number(span), weekdayName(day), className);
                const QString kind = (h.written ? tr("书面") : tr("非书面")) + "·" + (h.atHome ? tr("在家") : tr("在校"));
                const QString teacher = h.teacherId.empty() ? QString() : app.teacherName(qs(h.teacherId)).toHtmlEscaped();
                // One multi-arg call: a "%1" typed into the content must stay text.
                html += QString("<td>%1</td><td>%2</td><td>%3</td><td align='center'>%4</td><td>%5</td></tr>")
                            .arg(app.subjectName(qs(h.subject)).toHtmlEscaped(), esc(h.content), kind,
                                 QString::number(h.minutes), teacher);
            }
            const QString capText = c.body.gradeOn(day) <= 2 ? tr("一、二年级不布置家庭书面作业")
                                                      : tr("上限 %1 分钟").arg(cap);
            // Grades 1-2: only written homework at home counts (in-school consolidation is allowed).
            QString total = c.body.gradeOn(day) <= 2
                                ? tr("本班合计：家庭书面作业 %1 分钟（%2），全部作业 %3 分钟").arg(written).arg(capText).arg(all)
                                : tr("本班合计：书面作业 %1 分钟（%2），全部作业 %3 分钟").arg(written).arg(capText).arg(all);
            if (!reason.isEmpty()) total += tr("；超出原因：%1").arg(reason);
            const bool over = c.body.gradeOn(day) <= 2 ? written > 0 : written > cap;
            html += QString("<tr bgcolor='%1'><td colspan='5'><b>%2</b></td></tr>")
                        .arg(over ? "#fde7e7" : "#f6f6f6", total.toHtmlEscaped());
        }
    }
    html += "</table>";
    html += QString("<p>&nbsp;</p><table width='100%' cellpadding='6'><tr>"
                    "<td width='32%'>%1 ____________</td><td width='32%'>%2 ____________</td>"
                    "<td width='36%'>%3 ______年___月___日</td></tr></table>")
                .arg(tr("班主任（签字）："), tr("教务处（审核）："), tr("公示日期："));
    return html;
}

int PublicationSheet::paint(QPagedPaintDevice& device, const QString& html)
{
    QPainter painter;
    if (!painter.begin(&device)) return 0;
    const QRectF paper = device.pageLayout().paintRectPixels(device.logicalDpiX());
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSizeF(10);
    // Measure text at the device's resolution, not the screen's, so what is laid out is what prints.
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&device);
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    QFont footFont = font;
    footFont.setPointSizeF(8);
    const qreal footHeight = QFontMetricsF(footFont, &device).height() * 2;
    const QSizeF page(paper.width(), paper.height() - footHeight);
    doc.setPageSize(page);
    doc.setHtml(html);
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !device.newPage()) return 0;
        painter.save();
        painter.translate(0, -i * page.height());
        doc.drawContents(&painter, QRectF(0, i * page.height(), page.width(), page.height()));
        painter.restore();
        painter.setFont(footFont);
        painter.drawText(QRectF(0, page.height(), page.width(), footHeight), Qt::AlignCenter,
                         tr("第 %1 页 / 共 %2 页").arg(i + 1).arg(pages));
    }
    return painter.end() ? pages : 0;
}

}  // namespace taizhang
