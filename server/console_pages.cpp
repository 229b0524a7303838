// The console's reading pages: the county overview (who reported, who is silent or late, what
// broke which rule) and a school's page (classes x days grid, devices, conflicts).
#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "console.h"
#include "console_conflicts.h"
#include "console_html.h"
#include "county_policy.h"
#include "csv.h"
#include "day_summary.h"
#include "export_table.h"
#include "report.h"
#include "rule_titles.h"

namespace taizhang::server {
namespace {

constexpr int kMaxRangeDays = 366;
constexpr int kMaxGridDays = 31;


}  // namespace

ConsoleRange rangeOf(const httplib::Request& req, const Date& defaultFrom, const Date& defaultTo, int maxDays, bool zh)
{
    ConsoleRange r{defaultFrom, defaultTo, ""};
    const std::string fromText = req.get_param_value("from"), toText = req.get_param_value("to");
    if (fromText.empty() && toText.empty()) return r;
    const auto from = Date::parse(fromText), to = Date::parse(toText);
    if (!from || !to) {
        r.error = tr(zh, "日期格式应为 年-月-日（如 2026-11-23），已显示默认范围。",
                     "Dates must be YYYY-MM-DD (e.g. 2026-11-23); showing the default range.");
    } else if (*to < *from) {
        r.error = tr(zh, "结束日期早于开始日期，已显示默认范围。", "The end date is before the start date; showing the default range.");
    } else if (daysInclusive(*from, *to) > maxDays) {
        r.error = std::string(tr(zh, "范围最长 ", "The range is at most ")) + std::to_string(maxDays) +
                  tr(zh, " 天，已显示默认范围。", " days; showing the default range.");
    } else {
        r.from = *from;
        r.to = *to;
    }
    return r;
}

namespace {

// Worst first: no sync for too long, school days without any record, class-days that came after
// the county's deadline, all well.
enum class Standing { Silent, Missing, Late, Ok };

std::int64_t lateCount(const SchoolOverview& s) { return s.lateClassDays; }
std::int64_t lateCount(const SchoolReport& s) { return static_cast<std::int64_t>(s.lateClassDays.size()); }

template <class School> Standing standingOf(const School& s, std::int64_t nowMs, std::int64_t silentAfterMs)
{
    if (!s.lastSync || nowMs - utcTimestampMillis(*s.lastSync).value_or(0) > silentAfterMs) return Standing::Silent;
    if (!s.missingDays.empty()) return Standing::Missing;
    if (lateCount(s) > 0) return Standing::Late;
    return Standing::Ok;
}

const char* standingClass(Standing st)
{
    switch (st) {
    case Standing::Silent: return "silent";
    case Standing::Missing: return "missing";
    case Standing::Late: return "late";
    case Standing::Ok: return "";
    }
    return "";
}

std::string standingText(Standing st, bool zh)
{
    switch (st) {
    case Standing::Silent: return tr(zh, "沉默", "silent");
    case Standing::Missing: return tr(zh, "缺报", "missing days");
    case Standing::Late: return tr(zh, "迟报", "late");
    case Standing::Ok: return tr(zh, "正常", "ok");
    }
    return {};
}

std::string standingTag(Standing st, bool zh)
{
    std::string text = standingText(st, zh);
    if (!zh && !text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return std::string("<span class=\"tag ") + (st == Standing::Ok ? "ok" : standingClass(st)) + "\">" + text + "</span>";
}

// The deadline in force, for the overview's and the grid's notes.
std::string deadlineNote(const std::optional<ReportingDeadline>& deadline, bool zh)
{
    if (!deadline) return tr(zh, "未设置上报截止时间，不统计迟报。", "No reporting deadline set: nothing counts as late.");
    return std::string(tr(zh, "上报截止：", "Reporting deadline: ")) + describeDeadline(*deadline, zh) + tr(zh, "。", ".");
}

std::string rangeForm(const std::string& action, const ConsoleRange& r, bool zh, const std::string& hidden = "")
{
    std::string html = "<form method=\"get\" action=\"" + action + "\" class=\"filters\">" + hidden + "<label>" +
                       tr(zh, "从", "From") + " <input type=\"date\" name=\"from\" id=\"from\" value=\"" + r.from.toString() +
                       "\"></label><label>" + tr(zh, "到", "To") + " <input type=\"date\" name=\"to\" id=\"to\" value=\"" +
                       r.to.toString() + "\"></label><button type=\"submit\" id=\"apply\">" + tr(zh, "查询", "Show") +
                       "</button>";
    return html;
}

std::string num(std::int64_t n) { return "<td class=\"num\">" + std::to_string(n) + "</td>"; }

Date todayAt(const Clock& clock) { return localDate(clock.nowUnixMillis()); }

}  // namespace

void Console::handleOverview(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const bool zh = c.zh;
    const Date today = todayAt(clock_);
    const ConsoleRange range = rangeOf(req, today.mondayOfWeek(), today, kMaxRangeDays, zh);
    // From the day summaries ingest keeps (server/day_summary.h): a few queries for all schools.
    const auto report = buildCountyOverview(storage_, range.from, range.to, today);
    const auto now = clock_.nowUnixMillis();

    struct Row {
        const SchoolOverview* s;
        Standing standing;
    };
    std::vector<Row> rows;
    int silent = 0, missing = 0, late = 0;
    for (const auto& s : report.schools) {
        rows.push_back({&s, standingOf(s, now, options_.silentAfterMs)});
        silent += rows.back().standing == Standing::Silent;
        missing += rows.back().standing == Standing::Missing;
        late += s.lateClassDays > 0;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.standing < b.standing; });

    std::string body = rangeForm("/console/overview", range, zh);
    body += "<a id=\"export-csv\" href=\"/console/overview.csv?from=" + range.from.toString() + "&amp;to=" +
            range.to.toString() + "\">" + tr(zh, "导出总览 CSV", "Export overview CSV") + "</a><a id=\"export-findings\" href=\"/console/findings.csv?from=" +
            range.from.toString() + "&amp;to=" + range.to.toString() + "\">" + tr(zh, "导出发现 CSV", "Export findings CSV") +
            "</a><a id=\"export-xlsx\" href=\"/console/overview.xlsx?from=" + range.from.toString() + "&amp;to=" + range.to.toString() +
            "\">" + tr(zh, "导出总览 Excel", "Export overview Excel") + "</a><a id=\"export-findings-xlsx\" href=\"/console/findings.xlsx?from=" +
            range.from.toString() + "&amp;to=" + range.to.toString() + "\">" + tr(zh, "导出发现 Excel", "Export findings Excel") +
            "</a></form>";
    if (!range.error.empty()) body += "<p class=\"error\">" + htmlEscape(range.error) + "</p>";
    body += "<p class=\"note\" id=\"summary\">" + std::to_string(report.schools.size()) + tr(zh, " 所学校；", " schools; ") +
            std::to_string(silent) + tr(zh, " 所沉默（超过 ", " silent (no sync for over ") +
            std::to_string(options_.silentAfterMs / 3600000) + tr(zh, " 小时未同步）；", " hours); ") + std::to_string(missing) +
            tr(zh, " 所有缺报的上学日；", " with school days missing; ") + "<span id=\"late-count\">" + std::to_string(late) +
            tr(zh, " 所有迟报的班级日", " with late class-days") + "</span>" + tr(zh, "。时间均为北京时间。", ". Times are Beijing time.") +
            " " + deadlineNote(storedReportingDeadline(storage_), zh) + "</p>";

    body += "<table id=\"schools\"><tr><th>" + std::string(tr(zh, "状态", "Status")) + "</th><th>" +
            tr(zh, "学校标识码", "School code") + "</th><th>" + tr(zh, "学校", "School") + "</th><th>" +
            tr(zh, "最近同步", "Last sync") + "</th><th>" + tr(zh, "本期收到记录", "Records in range") + "</th><th>" +
            tr(zh, "缺报天数", "Days missing") + "</th><th>" + tr(zh, "迟报班级日", "Late class-days") + "</th><th>" +
            tr(zh, "发现（硬/软）", "Findings (hard/soft)") + "</th><th>" +
            tr(zh, "冲突", "Conflicts") + "</th></tr>";
    for (const auto& row : rows) {
        const auto& s = *row.s;
        body += "<tr class=\"" + std::string(standingClass(row.standing)) + "\" data-school=\"" + htmlEscape(s.school.code) + "\"><td>" +
                standingTag(row.standing, zh) + "</td><td>" + htmlEscape(s.school.code) +
                "</td><td><a href=\"/console/school?code=" + urlEncode(s.school.code) + "&amp;from=" +
                range.from.toString() + "&amp;to=" +
                (daysInclusive(range.from, range.to) > kMaxGridDays ? range.from.addDays(kMaxGridDays - 1) : range.to).toString() +
                "\">" + htmlEscape(s.school.name) + "</a></td><td>" + consoleLocalTime(s.lastSync, zh) + "</td>" +
                num(s.dailyRecords) + num(static_cast<std::int64_t>(s.missingDays.size())) + num(s.lateClassDays) + "<td class=\"num\">" +
                std::to_string(s.findingsHard) + " / " + std::to_string(s.findingsSoft) + "</td>" + num(s.conflicts) + "</tr>";
    }
    body += "</table>";

    body += "<h2>" + std::string(tr(zh, "按规则统计的发现", "Findings by rule")) + "</h2>";
    const auto& byRule = report.byRule;
    if (byRule.empty()) {
        body += "<p class=\"note\">" + std::string(tr(zh, "本期没有发现。", "No findings in this range.")) + "</p>";
    } else {
        body += "<table id=\"rules\"><tr><th>" + std::string(tr(zh, "规则", "Rule")) + "</th><th>" +
                tr(zh, "规则编号", "Rule id") + "</th><th>" + tr(zh, "发现数", "Findings") + "</th><th>" +
                tr(zh, "涉及学校", "Schools") + "</th></tr>";
        for (const auto& [rule, total] : byRule)
            body += "<tr><td>" + htmlEscape(ruleTitle(rule, zh)) + "</td><td>" + htmlEscape(rule) + "</td>" +
                    num(total.findings) + num(static_cast<std::int64_t>(total.schools.size())) + "</tr>";
        body += "</table>";
    }
    sendConsoleHtml(res, 200, renderFrame({zh, tr(zh, "总览", "Overview"), c.staff.displayName, c.staff.role, c.csrf, c.here}, body));
}

void sendConsoleExport(httplib::Response& res, const ExportTable& table, const std::string& name, bool xlsx)
{
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + (xlsx ? ".xlsx" : ".csv") + "\"");
    res.set_header("Cache-Control", "no-store");
    if (xlsx)
        res.set_content(exportXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    else
        res.set_content(exportCsv(table), "text/csv; charset=utf-8");  // with BOM: Excel reads it as UTF-8
}

void Console::handleOverviewExport(const Context& c, const httplib::Request& req, httplib::Response& res, bool xlsx)
{
    const bool zh = c.zh;
    const Date today = todayAt(clock_);
    const ConsoleRange range = rangeOf(req, today.mondayOfWeek(), today, kMaxRangeDays, zh);
    const auto report = buildCountyOverview(storage_, range.from, range.to, today);
    const auto now = clock_.nowUnixMillis();
    ExportTable table{tr(zh, "总览", "Overview"),
                      {tr(zh, "学校标识码", "school_code"), tr(zh, "学校", "school"), tr(zh, "状态", "status"),
                       tr(zh, "最近同步（北京时间）", "last_sync_beijing"), tr(zh, "本期收到记录", "records_in_range"),
                       tr(zh, "缺报天数", "days_missing"), tr(zh, "迟报班级日", "late_class_days"), tr(zh, "硬性发现", "findings_hard"),
                       tr(zh, "提示发现", "findings_soft"), tr(zh, "冲突", "conflicts")},
                      {false, false, false, false, true, true, true, true, true, true},
                      {}};
    for (const auto& s : report.schools)
        table.rows.push_back({s.school.code, s.school.name, standingText(standingOf(s, now, options_.silentAfterMs), zh),
                              s.lastSync ? consoleLocalTime(s.lastSync, zh) : "", std::to_string(s.dailyRecords),
                              std::to_string(s.missingDays.size()), std::to_string(s.lateClassDays), std::to_string(s.findingsHard),
                              std::to_string(s.findingsSoft), std::to_string(s.conflicts)});
    audit(c, req, xlsx ? "export.overview_xlsx" : "export.overview_csv", "", range.from.toString() + ".." + range.to.toString());
    sendConsoleExport(res, table, "overview-" + range.from.toString() + "-" + range.to.toString(), xlsx);
}

void Console::handleFindingsExport(const Context& c, const httplib::Request& req, httplib::Response& res, bool xlsx)
{
    const bool zh = c.zh;
    const Date today = todayAt(clock_);
    const ConsoleRange range = rangeOf(req, today.mondayOfWeek(), today, kMaxRangeDays, zh);
    const auto report = buildCountyReport(storage_, range.from, range.to, std::nullopt, today);
    ExportTable table{tr(zh, "发现", "Findings"),
                      {tr(zh, "学校标识码", "school_code"), tr(zh, "学校", "school"), tr(zh, "日期", "date"), tr(zh, "规则", "rule"),
                       tr(zh, "规则编号", "rule_id"), tr(zh, "程度", "severity"), tr(zh, "应为", "expected"),
                       tr(zh, "实际", "actual"), tr(zh, "说明", "message")},
                      {},
                      {}};
    for (const auto& s : report.schools)
        for (const auto& f : s.findings)
            table.rows.push_back({s.school.code, s.school.name, f.date.toString(), ruleTitle(f.ruleId, zh), f.ruleId,
                                  f.severity == Severity::Hard ? tr(zh, "硬性", "hard") : tr(zh, "提示", "soft"), f.expected,
                                  f.actual, zh ? f.messageZh : f.messageEn});
    audit(c, req, xlsx ? "export.findings_xlsx" : "export.findings_csv", "", range.from.toString() + ".." + range.to.toString());
    sendConsoleExport(res, table, "findings-" + range.from.toString() + "-" + range.to.toString(), xlsx);
}

void Console::handleSchool(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const bool zh = c.zh;
    const std::string code = req.get_param_value("code");
    const auto school = storage_.findSchool(code);
    if (!school) {
        sendConsoleHtml(res, 404, renderFrame({zh, tr(zh, "没有这所学校", "No such school"), c.staff.displayName, c.staff.role,
                                               c.csrf, c.here},
                                              "<p class=\"error\">" + std::string(tr(zh, "找不到学校标识码 ", "No school with code ")) +
                                                  htmlEscape(code) + "</p>"));
        return;
    }
    const Date today = todayAt(clock_);
    const ConsoleRange range = rangeOf(req, today.addDays(-13), today, kMaxGridDays, zh);
    const auto report = buildCountyReport(storage_, range.from, range.to, code, today);
    const SchoolReport& s = report.schools.at(0);
    const auto now = clock_.nowUnixMillis();
    const Standing standing = standingOf(s, now, options_.silentAfterMs);

    std::string body = rangeForm("/console/school", range, zh,
                                 "<input type=\"hidden\" name=\"code\" value=\"" + htmlEscape(code) + "\">") + "</form>";
    if (!range.error.empty()) body += "<p class=\"error\">" + htmlEscape(range.error) + "</p>";
    body += "<p id=\"school-status\">" + standingTag(standing, zh) + " " + htmlEscape(school->code) + " · " +
            tr(zh, "最近同步：", "Last sync: ") + consoleLocalTime(s.lastSync, zh) + " · " + tr(zh, "缺报上学日：", "School days missing: ") +
            std::to_string(s.missingDays.size()) + " · " + tr(zh, "迟报班级日：", "Late class-days: ") +
            std::to_string(s.lateClassDays.size()) + " · " + deadlineNote(s.deadline, zh) + "</p>";

    // Findings per class and day, for the grid.
    std::map<std::pair<std::string, Date>, std::vector<const Finding*>> classDayFindings;
    for (const auto& f : s.findings)
        if (f.scopeKind == "class" && f.period == "day") classDayFindings[{f.scopeId, f.date}].push_back(&f);
    std::vector<std::pair<std::string, SchoolClass>> classes(s.classList.begin(), s.classList.end());
    std::sort(classes.begin(), classes.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.grade, a.second.name) < std::tie(b.second.grade, b.second.name);
    });
    const std::set<Date> schoolDays(s.schoolDays.begin(), s.schoolDays.end());
    static const char* weekdaysZh[] = {"", "一", "二", "三", "四", "五", "六", "日"};
    static const char* weekdaysEn[] = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    body += "<h2>" + std::string(tr(zh, "班级 × 日期", "Classes × days")) + "</h2>";
    body += "<p class=\"legend note\"><span>" + std::string(tr(zh, "作 = 收到作业", "HW = homework received")) + "</span><span>" +
            tr(zh, "活 = 收到体育活动", "PA = activity received") + "</span><span>" +
            tr(zh, "无作业 = 登记了当天无作业", "none = recorded as no homework") + "</span><span>" +
            tr(zh, "缺 = 上学日未报作业", "— = school day without homework") + "</span><span>" +
            tr(zh, "迟 = 晚于截止时间首次送达", "late = first arrived after the deadline") + "</span><span>" +
            tr(zh, "黄色 = 违反规则（悬停看详情）", "amber = a rule broken (hover for details)") + "</span></p>";
    if (classes.empty()) {
        body += "<p class=\"note\">" + std::string(tr(zh, "尚未收到班级信息。", "No classes received yet.")) + "</p>";
    } else {
        body += "<table class=\"grid\" id=\"grid\"><tr><th>" + std::string(tr(zh, "班级", "Class")) + "</th>";
        for (Date d = range.from; d <= range.to; d = d.addDays(1))
            body += "<th>" + d.toString().substr(5) + "<br>" + (zh ? weekdaysZh : weekdaysEn)[d.isoWeekday()] + "</th>";
        body += "</tr>";
        for (const auto& [id, cls] : classes) {
            body += "<tr data-class=\"" + htmlEscape(id) + "\"><th>" + htmlEscape(cls.name) + "</th>";
            for (Date d = range.from; d <= range.to; d = d.addDays(1)) {
                const bool hw = s.homeworkClassDays.count({id, d}) > 0, pa = s.activityClassDays.count({id, d}) > 0;
                std::string text;
                // 无作业 recorded: received, and not a missing day.
                if (hw) text += s.noHomeworkClassDays.count({id, d}) ? tr(zh, "无作业", "none") : tr(zh, "作", "HW");
                if (pa) text += std::string(text.empty() ? "" : " ") + tr(zh, "活", "PA");
                std::string cls_ = hw || pa ? "done" : "";
                std::string title;
                if (auto it = classDayFindings.find({id, d}); it != classDayFindings.end()) {
                    cls_ = "broke";
                    for (const auto* f : it->second) title += (title.empty() ? "" : "\n") + (zh ? f->messageZh : f->messageEn);
                } else if (!schoolDays.count(d)) {
                    cls_ = "off";
                    if (text.empty()) text = tr(zh, "休", "off");
                } else if (!hw && d <= today) {
                    cls_ = "missing";
                    text += std::string(text.empty() ? "" : " ") + tr(zh, "缺", "—");
                }
                if (auto late = s.lateClassDays.find({id, d}); late != s.lateClassDays.end()) {
                    cls_ = cls_ == "broke" ? "broke late" : "late";
                    text += std::string(" ") + tr(zh, "迟", "late");
                    title += (title.empty() ? "" : "\n") + std::string(tr(zh, "迟报：首次送达 ", "Late: first arrived ")) +
                             consoleLocalTime(late->second, zh) + tr(zh, "，截止 ", ", due ") +
                             consoleLocalTime(formatUtcTimestamp(deadlineMillis(*s.deadline, d)), zh);
                }
                body += "<td class=\"" + cls_ + "\" data-day=\"" + d.toString() + "\"" +
                        (title.empty() ? "" : " title=\"" + htmlEscape(title) + "\"") + ">" + text + "</td>";
            }
            body += "</tr>";
        }
        body += "</table>";
    }

    body += reviewSection(c, code, range.from, range.to);

    body += "<h2>" + std::string(tr(zh, "本期发现", "Findings in this range")) + "</h2>";
    if (s.findings.empty()) {
        body += "<p class=\"note\">" + std::string(tr(zh, "没有发现。", "None.")) + "</p>";
    } else {
        body += "<table id=\"findings\"><tr><th>" + std::string(tr(zh, "日期", "Date")) + "</th><th>" + tr(zh, "规则", "Rule") +
                "</th><th>" + tr(zh, "说明", "Message") + "</th></tr>";
        for (const auto& f : s.findings)
            body += "<tr><td>" + f.date.toString() + "</td><td>" + htmlEscape(ruleTitle(f.ruleId, zh)) + "</td><td>" +
                    htmlEscape(zh ? f.messageZh : f.messageEn) + "</td></tr>";
        body += "</table>";
    }

    body += "<h2>" + std::string(tr(zh, "设备", "Devices")) + "</h2><table id=\"devices\"><tr><th>" + tr(zh, "名称", "Name") +
            "</th><th>" + tr(zh, "设备编号", "Device id") + "</th><th>" + tr(zh, "登记时间", "Enrolled") + "</th><th>" +
            tr(zh, "最近同步", "Last sync") + "</th><th>" + tr(zh, "状态", "State") + "</th></tr>";
    for (const auto& d : storage_.listDevices(code)) {
        body += "<tr><td>" + htmlEscape(d.name) + "</td><td>" + htmlEscape(d.id) + "</td><td>" + consoleLocalTime(d.createdAt, zh) +
                "</td><td>" + consoleLocalTime(d.lastSyncAt, zh) + "</td><td>";
        if (d.revokedAt) {
            body += std::string(tr(zh, "已停用 ", "revoked ")) + consoleLocalTime(d.revokedAt, zh);
        } else {
            body += tr(zh, "使用中", "active");
            // Shown to administrators only; the server refuses the action to anyone else.
            if (c.staff.role == "admin")
                body += " <form method=\"post\" action=\"/console/device/revoke\" class=\"inline\"><input type=\"hidden\""
                        " name=\"csrf\" value=\"" + htmlEscape(c.csrf) + "\"><input type=\"hidden\" name=\"device\" value=\"" +
                        htmlEscape(d.id) + "\"><button type=\"submit\" class=\"danger\">" + tr(zh, "停用", "Revoke") +
                        "</button></form>";
        }
        body += "</td></tr>";
    }
    body += "</table>";

    body += conflictsSection(storage_, code, s.classList, zh);
    sendConsoleHtml(res, 200, renderFrame({zh, school->name, c.staff.displayName, c.staff.role, c.csrf, c.here}, body));
}

}  // namespace taizhang::server
