// The console's lists (issue 13, pages): findings filterable by rule, grade, school and dates;
// the 作业公示 (homework publication) of any school and day; teachers' training hours. Every
// figure comes from core (runPolicyChecks, homeworkPublicationRule, trainingProgress): these
// pages only choose and show.
#include <httplib.h>

#include <algorithm>
#include <tuple>

#include "console.h"
#include "console_html.h"
#include "day_summary.h"
#include "report.h"
#include "rule_titles.h"
#include "subjects.h"

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

constexpr int kMaxListDays = 92;
constexpr std::size_t kMaxListRows = 2000;


std::string dateInputs(const Date& from, const Date& to, bool zh)
{
    return "<label>" + std::string(tr(zh, "从", "From")) + " <input type=\"date\" name=\"from\" id=\"from\" value=\"" + from.toString() +
           "\"></label><label>" + tr(zh, "到", "To") + " <input type=\"date\" name=\"to\" id=\"to\" value=\"" + to.toString() +
           "\"></label>";
}

std::string schoolSelect(const std::vector<SchoolRow>& schools, const std::string& chosen, bool zh, bool allowAll)
{
    std::string html = "<label>" + std::string(tr(zh, "学校", "School")) + " <select name=\"code\" id=\"school\">";
    if (allowAll) html += std::string("<option value=\"\">") + tr(zh, "全部学校", "All schools") + "</option>";
    for (const auto& s : schools)
        html += "<option value=\"" + htmlEscape(s.code) + "\"" + (s.code == chosen ? " selected" : "") + ">" + htmlEscape(s.code) +
                " " + htmlEscape(s.name) + "</option>";
    return html + "</select></label>";
}

std::string subjectName(const std::string& code, bool zh)
{
    const auto info = findNationalSubject(code);
    return info ? (zh ? info->nameZh : info->nameEn) : code;
}

std::string hours(double h)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", h);
    return buf;
}

}  // namespace

void Console::handleFindingList(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const bool zh = c.zh;
    const Date today = localDate(clock_.nowUnixMillis());
    const ConsoleRange range = rangeOf(req, today.mondayOfWeek(), today, kMaxListDays, zh);
    const std::string rule = req.get_param_value("rule"), code = req.get_param_value("code");
    const std::string gradeText = req.get_param_value("grade");
    const int grade = gradeText.size() == 1 && gradeText[0] >= '1' && gradeText[0] <= '9' ? gradeText[0] - '0' : 0;
    const auto schools = storage_.listSchools();

    // The day summaries say which schools have findings of the daily ledger in the range (and of
    // which rules); core's checks run for those schools only.
    std::set<std::string> rules, withFindings;
    for (const auto& t : storage_.dayFindingTotals(range.from.toString(), range.to.toString())) {
        rules.insert(t.ruleId);
        if ((rule.empty() || t.ruleId == rule) && (code.empty() || t.schoolCode == code)) withFindings.insert(t.schoolCode);
    }

    std::string body = "<form method=\"get\" action=\"/console/findings\" class=\"filters\">" + dateInputs(range.from, range.to, zh) +
                       schoolSelect(schools, code, zh, true) + "<label>" + tr(zh, "规则", "Rule") +
                       " <select name=\"rule\" id=\"rule\"><option value=\"\">" + tr(zh, "全部规则", "All rules") + "</option>";
    for (const auto& r : rules)
        body += "<option value=\"" + htmlEscape(r) + "\"" + (r == rule ? " selected" : "") + ">" + htmlEscape(ruleTitle(r, zh)) + "</option>";
    body += "</select></label><label>" + std::string(tr(zh, "年级", "Grade")) + " <select name=\"grade\" id=\"grade\"><option value=\"\">" +
            tr(zh, "全部年级", "All grades") + "</option>";
    for (int g = 1; g <= 9; ++g)
        body += "<option value=\"" + std::to_string(g) + "\"" + (g == grade ? " selected" : "") + ">" + std::to_string(g) +
                tr(zh, " 年级", "") + "</option>";
    body += "</select></label><button type=\"submit\" id=\"apply\">" + std::string(tr(zh, "查询", "Show")) + "</button></form>";
    if (!range.error.empty()) body += "<p class=\"error\">" + htmlEscape(range.error) + "</p>";

    std::string rows;
    std::size_t count = 0;
    for (const auto& school : schools) {
        if (!withFindings.count(school.code)) continue;
        const auto report = buildCountyReport(storage_, range.from, range.to, school.code, today);
        const SchoolReport& s = report.schools.at(0);
        for (const auto& f : s.findings) {
            if (f.period != "day" || (!rule.empty() && f.ruleId != rule)) continue;
            const auto cls = f.scopeKind == "class" ? s.classList.find(f.scopeId) : s.classList.end();
            // The grade the class had on the finding's day (a class moves up every September).
            if (grade && (cls == s.classList.end() || cls->second.gradeOn(f.date) != grade)) continue;
            if (++count > kMaxListRows) continue;
            rows += "<tr><td>" + f.date.toString() + "</td><td><a href=\"/console/school?code=" + urlEncode(school.code) + "\">" +
                    htmlEscape(school.name) + "</a></td><td>" + (cls == s.classList.end() ? "" : htmlEscape(cls->second.nameOn(f.date))) +
                    "</td><td>" + htmlEscape(ruleTitle(f.ruleId, zh)) + "</td><td>" +
                    (f.severity == Severity::Hard ? tr(zh, "硬性", "hard") : tr(zh, "提示", "soft")) + "</td><td>" +
                    htmlEscape(f.expected) + "</td><td>" + htmlEscape(f.actual) + "</td><td>" +
                    htmlEscape(zh ? f.messageZh : f.messageEn) + "</td></tr>";
        }
    }
    body += "<p class=\"note\" id=\"finding-count\">" + std::to_string(count) + tr(zh, " 条发现", " findings") +
            (count > kMaxListRows ? std::string(tr(zh, "（只显示前 2000 条，请缩小范围）", " (first 2000 shown; narrow the filter)")) : "") +
            tr(zh, "。每日台账（作业、睡眠、体育活动）的发现；课表与培训见学校页和培训页。",
               ". Findings of the daily ledger (homework, sleep, activity); timetable and training on the school and training pages.") +
            "</p>";
    if (count) {
        body += "<table id=\"finding-list\"><tr><th>" + std::string(tr(zh, "日期", "Date")) + "</th><th>" + tr(zh, "学校", "School") +
                "</th><th>" + tr(zh, "班级", "Class") + "</th><th>" + tr(zh, "规则", "Rule") + "</th><th>" + tr(zh, "程度", "Severity") +
                "</th><th>" + tr(zh, "应为", "Expected") + "</th><th>" + tr(zh, "实际", "Actual") + "</th><th>" +
                tr(zh, "说明", "Message") + "</th></tr>" + rows + "</table>";
    }
    sendConsoleHtml(res, 200, renderFrame({zh, tr(zh, "发现列表", "Findings"), c.staff.displayName, c.staff.role, c.csrf, c.here}, body));
}

void Console::handlePublication(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const bool zh = c.zh;
    const auto schools = storage_.listSchools();
    const std::string code = req.has_param("code") ? req.get_param_value("code") : (schools.empty() ? "" : schools.front().code);
    const auto asked = Date::parse(req.get_param_value("day"));
    const Date day = asked.value_or(localDate(clock_.nowUnixMillis()));
    std::string body = "<form method=\"get\" action=\"/console/publication\" class=\"filters\">" + schoolSelect(schools, code, zh, false) +
                       "<label>" + tr(zh, "日期", "Day") + " <input type=\"date\" name=\"day\" id=\"day\" value=\"" + day.toString() +
                       "\"></label><button type=\"submit\" id=\"apply\">" + tr(zh, "查看", "Show") + "</button></form>";
    if (req.has_param("day") && !asked)
        body += "<p class=\"error\">" + std::string(tr(zh, "日期格式应为 年-月-日，已显示今天。", "Dates are YYYY-MM-DD; showing today.")) + "</p>";
    const auto school = storage_.findSchool(code);
    if (!school) {
        body += "<p class=\"note\">" + std::string(tr(zh, "请选择学校。", "Choose a school.")) + "</p>";
        return sendConsoleHtml(res, 200, renderFrame({zh, tr(zh, "作业公示", "Homework publication"), c.staff.displayName, c.staff.role,
                                                      c.csrf, c.here}, body));
    }
    std::map<std::string, SchoolClass> classes;
    for (const auto& json : storage_.recordJsons({code, "class", std::nullopt, std::nullopt})) {
        const Record r = recordFromJson(Json::parse(json));
        if (!r.meta.deleted) classes[r.meta.id] = r.body.get<SchoolClass>();
    }
    std::map<std::string, std::vector<Homework>> perClass;
    std::map<std::string, std::string> noHomework;  // class -> note of its 无作业 record
    for (const auto& json : storage_.recordJsons({code, "homework", day.toString(), day.toString()})) {
        const Record r = recordFromJson(Json::parse(json));
        if (r.meta.deleted) continue;
        const auto h = r.body.get<Homework>();
        if (h.date != day) continue;
        if (h.none) noHomework[h.classId] = h.content;
        else perClass[h.classId].push_back(h);
    }
    const auto overrides = summaryContext(storage_, *school).overrides;
    const RuleQuote quote = homeworkPublicationRule(day, overrides);
    body += "<div class=\"publication\" id=\"publication\"><p class=\"big\">" + htmlEscape(school->name) + " · " + day.toString() + " " +
            tr(zh, "作业公示", "homework publication") + "</p><p class=\"note\" id=\"rule-quote\">" + htmlEscape(zh ? quote.zh : quote.en) + "</p>";
    std::vector<std::pair<std::string, SchoolClass>> ordered(classes.begin(), classes.end());
    std::sort(ordered.begin(), ordered.end(), [&day](const auto& a, const auto& b) {
        return std::make_tuple(a.second.gradeOn(day), a.second.nameOn(day)) < std::make_tuple(b.second.gradeOn(day), b.second.nameOn(day));
    });
    body += "<table id=\"publication-table\"><tr><th>" + std::string(tr(zh, "班级", "Class")) + "</th><th>" + tr(zh, "学科", "Subject") +
            "</th><th>" + tr(zh, "作业内容", "Homework") + "</th><th>" + tr(zh, "预计用时", "Minutes") + "</th><th>" +
            tr(zh, "书面/在家", "Written / at home") + "</th><th>" + tr(zh, "计入时长 / 上限", "Counted / cap") + "</th></tr>";
    for (const auto& [id, cls] : ordered) {
        const auto it = perClass.find(id);
        if (!cls.activeOn(day)) continue;  // graduated before the day, or not yet opened
        const int grade = cls.gradeOn(day);  // the grade on the sheet's day, not today's
        const std::string name = cls.nameOn(day);
        const int cap = homeworkCapMinutes(grade, day, overrides);
        // 无作业 when the class-day has a mark and no homework (homework sent by another computer
        // of the school for a day one marked stands, as in the grid).
        const auto none = noHomework.find(id);
        if (it == perClass.end() && none != noHomework.end()) {
            const std::string& note = none->second;
            body += "<tr data-class=\"" + htmlEscape(id) + "\"><th>" + htmlEscape(name) + "</th><td colspan=\"5\" class=\"none\">" +
                    tr(zh, "无作业", "no homework") + (note.empty() ? "" : "（" + htmlEscape(note) + "）") + "</td></tr>";
            continue;
        }
        if (it == perClass.end()) {
            body += "<tr data-class=\"" + htmlEscape(id) + "\"><th>" + htmlEscape(name) + "</th><td colspan=\"5\" class=\"note\">" +
                    tr(zh, "未报作业", "no homework recorded") + "</td></tr>";
            continue;
        }
        const int counted = homeworkCountedMinutes(grade, it->second);
        const bool over = homeworkOverCap(grade, day, it->second, overrides);
        bool first = true;
        for (const auto& h : it->second) {
            body += "<tr data-class=\"" + htmlEscape(id) + "\">";
            if (first)
                body += "<th rowspan=\"" + std::to_string(it->second.size()) + "\">" + htmlEscape(name) + "</th>";
            body += "<td>" + htmlEscape(subjectName(h.subject, zh)) + "</td><td>" + htmlEscape(h.content) + "</td><td class=\"num\">" +
                    std::to_string(h.minutes) + "</td><td>" + (h.written ? tr(zh, "书面", "written") : tr(zh, "非书面", "not written")) +
                    " / " + (h.atHome ? tr(zh, "在家", "at home") : tr(zh, "在校", "in school")) + "</td>";
            if (first)
                body += "<td rowspan=\"" + std::to_string(it->second.size()) + "\" class=\"num" + (over ? " broke" : "") + "\">" +
                        std::to_string(counted) + " / " + std::to_string(cap) + "</td>";
            body += "</tr>";
            first = false;
        }
    }
    body += "</table></div>";
    sendConsoleHtml(res, 200, renderFrame({zh, tr(zh, "作业公示", "Homework publication"), c.staff.displayName, c.staff.role, c.csrf, c.here},
                                          body));
}

void Console::handleTraining(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const bool zh = c.zh;
    const Date today = localDate(clock_.nowUnixMillis());
    const auto schools = storage_.listSchools();
    const std::string code = req.get_param_value("code");
    std::string body = "<form method=\"get\" action=\"/console/training\" class=\"filters\">" + schoolSelect(schools, code, zh, true) +
                       "<button type=\"submit\" id=\"apply\">" + tr(zh, "查看", "Show") + "</button></form><p class=\"note\">" +
                       tr(zh, "截至今天：五年一周期不少于 360 学时；新教师试用期（入职第一年）不少于 120 学时。学时按课程结束日计入。"
                              "“按进度达标”与学校端相同：五年内学时不少于 360 学时按在职天数折算的应有学时（任满五年即 360）。",
                          "As of today: at least 360 hours per 5-year cycle; at least 120 hours in a new teacher's probation year. "
                          "Hours count on the course's end date. \"On track\" is the school client's meaning: hours in the window reach "
                          "360 pro rata to the days served in it (all 360 after a full cycle).") + "</p>";
    // Teachers and courses of every school (or one), two queries; core's trainingProgress per teacher.
    std::map<std::string, std::map<std::string, Teacher>> teachers;             // school -> id -> teacher
    std::map<std::string, std::map<std::string, std::vector<TrainingRecord>>> courses;  // school -> teacher id -> courses
    for (const auto& [school, json] : storage_.recordJsonsOfKind("teacher")) {
        if (!code.empty() && school != code) continue;
        const Record r = recordFromJson(Json::parse(json));
        if (!r.meta.deleted) teachers[school][r.meta.id] = r.body.get<Teacher>();
    }
    for (const auto& [school, json] : storage_.recordJsonsOfKind("training")) {
        if (!code.empty() && school != code) continue;
        const Record r = recordFromJson(Json::parse(json));
        if (r.meta.deleted) continue;
        auto t = r.body.get<TrainingRecord>();
        courses[school][t.teacherId].push_back(std::move(t));
    }
    const CountyOverrides overrides = schools.empty() ? CountyOverrides{} : summaryContext(storage_, schools.front()).overrides;
    if (code.empty()) {
        body += "<table id=\"training-schools\"><tr><th>" + std::string(tr(zh, "学校", "School")) + "</th><th>" + tr(zh, "教师", "Teachers") +
                "</th><th>" + tr(zh, "按进度达标", "On track") + "</th><th>" + tr(zh, "五年已满 360 学时", "360 h reached") + "</th><th>" + tr(zh, "试用期教师", "On probation") + "</th><th>" +
                tr(zh, "试用期已满 120 学时", "Probation 120 h reached") + "</th></tr>";
        for (const auto& s : schools) {
            int total = 0, onTrack = 0, full = 0, probation = 0, probationDone = 0;
            for (const auto& [id, t] : teachers[s.code]) {
                const auto p = trainingProgress(t, courses[s.code][id], today, overrides);
                ++total;
                onTrack += p.onTrack;  // core's one meaning (TrainingProgress::onTrack), as the client counts it
                full += p.hoursInWindow + 1e-9 >= p.requiredHours;
                probation += p.inProbation;
                probationDone += p.inProbation && p.probationHours + 1e-9 >= p.probationRequired;
            }
            body += "<tr data-school=\"" + htmlEscape(s.code) + "\"><td><a href=\"/console/training?code=" + urlEncode(s.code) + "\">" +
                    htmlEscape(s.name) + "</a></td><td class=\"num\">" + std::to_string(total) + "</td><td class=\"num on-track\">" +
                    std::to_string(onTrack) + "</td><td class=\"num\">" + std::to_string(full) + "</td><td class=\"num\">" + std::to_string(probation) + "</td><td class=\"num\">" +
                    std::to_string(probationDone) + "</td></tr>";
        }
        body += "</table>";
    } else {
        body += "<table id=\"training-teachers\"><tr><th>" + std::string(tr(zh, "教师", "Teacher")) + "</th><th>" + tr(zh, "工号", "Staff no.") +
                "</th><th>" + tr(zh, "入职", "Hired") + "</th><th>" + tr(zh, "五年内学时", "Hours in 5 years") + "</th><th>" +
                tr(zh, "要求", "Required") + "</th><th>" + tr(zh, "按进度应有", "Expected to date") + "</th><th>" +
                tr(zh, "进度", "Progress") + "</th><th>" + tr(zh, "试用期", "Probation") + "</th></tr>";
        for (const auto& [id, t] : teachers[code]) {
            const auto p = trainingProgress(t, courses[code][id], today, overrides);
            const bool short360 = !p.onTrack;
            body += "<tr data-teacher=\"" + htmlEscape(id) + "\"><td>" + htmlEscape(t.name) + "</td><td>" + htmlEscape(t.staffNumber) +
                    "</td><td>" + t.hireDate.toString() + "</td><td class=\"num" + (short360 ? " short" : "") + "\">" + hours(p.hoursInWindow) +
                    "</td><td class=\"num\">" + hours(p.requiredHours) + "</td><td class=\"num\">" + hours(p.expectedHoursToDate) +
                    "</td><td class=\"on-track\">" + (p.onTrack ? tr(zh, "达标", "on track") : tr(zh, "落后", "behind")) + "</td><td>" +
                    (p.inProbation ? hours(p.probationHours) + " / " + hours(p.probationRequired) + tr(zh, "（至 ", " (until ") +
                                         p.probationEnd.toString() + tr(zh, "）", ")")
                                   : std::string("—")) +
                    "</td></tr>";
        }
        body += "</table>";
    }
    sendConsoleHtml(res, 200, renderFrame({zh, tr(zh, "教师培训", "Teacher training"), c.staff.displayName, c.staff.role, c.csrf, c.here},
                                          body));
}

}  // namespace taizhang::server
