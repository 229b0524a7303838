// The console's administration pages (issue 13 item 5), for county administrators only: schools
// (one by one and from a CSV file), enrollment codes (a printable page with a QR code), devices
// (revoke), the county's policy overrides and term calendar (checked by core), staff accounts.
// The role is checked by Console::page on every request, GET and POST; the checks of the input
// are the admin commands' own (county_admin.cpp).
#include <httplib.h>

#include "clock.h"
#include "console.h"
#include "console_html.h"
#include "county_admin.h"
#include "county_policy.h"
#include "qr_svg.h"
#include "users.h"
#include "uuid.h"

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

std::string field(const httplib::Request& req, const char* key)
{
    if (req.is_multipart_form_data()) return req.has_file(key) ? req.get_file_value(key).content : std::string();
    httplib::Params form;
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
        httplib::detail::parse_query_text(req.body, form);
    auto it = form.find(key);
    return it == form.end() ? std::string() : it->second;
}

std::string hidden(const char* name, const std::string& value)
{
    return "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + htmlEscape(value) + "\">";
}

std::string textInput(const char* name, const char* label, const std::string& value, const char* extra = "")
{
    return "<label>" + std::string(label) + " <input type=\"text\" name=\"" + name + "\" id=\"" + name + "\" value=\"" +
           htmlEscape(value) + "\" " + extra + "></label>";
}

std::string problemsHtml(const std::vector<AdminProblem>& problems, bool zh)
{
    if (problems.empty()) return {};
    std::string html = "<div class=\"error\" id=\"problems\"><p>" + std::string(tr(zh, "没有保存，请改正：", "Nothing was saved; please correct:")) +
                       "</p><ul>";
    for (const auto& p : problems)
        html += "<li>" + (p.line ? std::string(tr(zh, "第 ", "line ")) + std::to_string(p.line) + tr(zh, " 行：", ": ") : "") +
                htmlEscape(zh ? p.message.zh : p.message.en) + "</li>";
    return html + "</ul></div>";
}

std::string noticeHtml(const std::string& text)
{
    return text.empty() ? std::string() : "<p class=\"notice\" id=\"notice\">" + htmlEscape(text) + "</p>";
}

std::string adminNav(bool zh, const std::string& current)
{
    static const std::pair<const char*, std::pair<const char*, const char*>> pages[] = {
        {"schools", {"学校", "Schools"}}, {"codes", {"注册码", "Enrollment codes"}}, {"devices", {"设备", "Devices"}},
        {"config", {"政策与校历", "Policy and calendar"}}, {"staff", {"人员", "Staff"}}};
    std::string html = "<p class=\"subnav\">";
    for (const auto& [path, label] : pages)
        html += std::string("<a href=\"/console/admin/") + path + "\"" + (current == path ? " class=\"current\"" : "") + ">" +
                tr(zh, label.first, label.second) + "</a>";
    return html + "</p>";
}

std::string schoolTypeLabel(const std::string& type, bool zh)
{
    if (type == "junior") return tr(zh, "初中", "Junior");
    if (type == "nine_year") return tr(zh, "九年一贯制", "Nine-year");
    return tr(zh, "小学", "Primary");
}

// "2026-11-22T12:00:00.000Z" -> Beijing time "2026-11-22 20:00".
std::string beijing(std::int64_t unixMillis)
{
    const Date day = localDate(unixMillis);
    const std::int64_t minutes = ((unixMillis / 60000 + kChinaUtcOffsetMinutes) % (24 * 60) + 24 * 60) % (24 * 60);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
    return day.toString() + " " + buf;
}

}  // namespace

void Console::sendAdminPage(const Context& c, httplib::Response& res, int status, const char* zhTitle, const char* enTitle,
                            const std::string& current, const std::string& body)
{
    sendConsoleHtml(res, status, renderFrame({c.zh, tr(c.zh, zhTitle, enTitle), c.staff.displayName, c.staff.role, c.csrf, c.here},
                                             adminNav(c.zh, current) + body));
}

// ---- Schools ------------------------------------------------------------------------------------

void Console::handleAdminSchools(const Context& c, const httplib::Request& req, httplib::Response& res, int status,
                                 const std::vector<AdminProblem>& problems, const SchoolRow& draft)
{
    const bool zh = c.zh;
    std::string notice;
    if (req.get_param_value("added") != "")
        notice = std::string(tr(zh, "已添加 ", "Added ")) + req.get_param_value("added") + tr(zh, " 所学校", " schools") +
                 (req.get_param_value("existing").empty() || req.get_param_value("existing") == "0"
                      ? std::string()
                      : std::string(tr(zh, "，", ", ")) + req.get_param_value("existing") + tr(zh, " 所已存在", " already present"));
    if (req.get_param_value("changed") != "") notice = tr(zh, "已更新学校状态", "School state updated");
    std::string body = noticeHtml(notice) + problemsHtml(problems, zh);
    body += "<h2>" + std::string(tr(zh, "添加一所学校", "Add a school")) + "</h2><form method=\"post\" action=\"/console/admin/schools/add\" class=\"filters\">" +
            hidden("csrf", c.csrf) + textInput("code", tr(zh, "学校标识码", "School code"), draft.code, "maxlength=\"10\" size=\"11\"") +
            textInput("name", tr(zh, "名称", "Name"), draft.name, "maxlength=\"100\"") +
            textInput("county", tr(zh, "区县代码", "County code"), draft.countyCode, "maxlength=\"6\" size=\"7\"") + "<label>" +
            tr(zh, "类型", "Type") + " <select name=\"type\" id=\"type\">";
    for (const char* t : {"primary", "junior", "nine_year"})
        body += std::string("<option value=\"") + t + "\"" + (draft.type == t ? " selected" : "") + ">" + schoolTypeLabel(t, zh) + "</option>";
    body += "</select></label><button type=\"submit\" id=\"add-school\">" + std::string(tr(zh, "添加", "Add")) + "</button></form>";
    body += "<h2>" + std::string(tr(zh, "从 CSV 文件添加", "Add from a CSV file")) + "</h2><p class=\"note\">" +
            tr(zh, "每行：学校标识码,名称,区县代码[,类型]（primary / junior / nine_year），可有表头；UTF-8 或 GBK（Excel 另存为 CSV 即可）。任何一行有错则一所也不添加。",
               "One row per school: code,name,county[,type] (primary / junior / nine_year), header optional; UTF-8 or GBK "
               "(Excel's Save as CSV). One bad row adds nothing.") +
            "</p><form method=\"post\" action=\"/console/admin/schools/csv\" enctype=\"multipart/form-data\" class=\"filters\">" +
            hidden("csrf", c.csrf) + "<input type=\"file\" name=\"file\" id=\"csv-file\" accept=\".csv,text/csv\"><button type=\"submit\" id=\"upload-csv\">" +
            tr(zh, "上传", "Upload") + "</button></form>";
    body += "<h2>" + std::string(tr(zh, "全部学校", "All schools")) + "</h2><table id=\"school-list\"><tr><th>" + tr(zh, "学校标识码", "Code") +
            "</th><th>" + tr(zh, "名称", "Name") + "</th><th>" + tr(zh, "区县", "County") + "</th><th>" + tr(zh, "类型", "Type") +
            "</th><th>" + tr(zh, "状态", "State") + "</th><th>" + tr(zh, "操作", "Action") + "</th></tr>";
    for (const auto& s : storage_.listSchools()) {
        body += "<tr data-school=\"" + htmlEscape(s.code) + "\"><td>" + htmlEscape(s.code) + "</td><td><a href=\"/console/school?code=" +
                urlEncode(s.code) + "\">" + htmlEscape(s.name) + "</a></td><td>" + htmlEscape(s.countyCode) + "</td><td>" +
                schoolTypeLabel(s.type, zh) + "</td><td>" + (s.disabled ? tr(zh, "已停用", "disabled") : tr(zh, "使用中", "active")) +
                "</td><td><a href=\"/console/admin/codes?school=" + urlEncode(s.code) + "\">" + tr(zh, "发放注册码", "Issue a code") +
                "</a> <form method=\"post\" action=\"/console/admin/schools/state\" class=\"inline\">" + hidden("csrf", c.csrf) +
                hidden("code", s.code) + hidden("disabled", s.disabled ? "0" : "1") + "<button type=\"submit\"" +
                (s.disabled ? "" : " class=\"danger\"") + ">" + (s.disabled ? tr(zh, "启用", "Enable") : tr(zh, "停用", "Disable")) +
                "</button></form></td></tr>";
    }
    body += "</table>";
    sendAdminPage(c, res, status, "学校管理", "Schools", "schools", body);
}

void Console::handleAdminAddSchool(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    SchoolRow school{field(req, "code"), field(req, "name"), field(req, "county"), field(req, "type"), false,
                     formatUtcTimestamp(clock_.nowUnixMillis())};
    if (auto problem = checkSchool(school)) return handleAdminSchools(c, req, res, 400, {{0, *problem}}, school);
    try {
        storage_.addSchool(school);
    } catch (const AlreadyExists&) {
        return handleAdminSchools(c, req, res, 409,
                                  {{0, {"学校标识码 " + school.code + " 已存在", "a school with code " + school.code + " exists already"}}},
                                  school);
    }
    audit(c, req, "school.add", school.code, school.name);
    sendConsoleRedirect(res, "/console/admin/schools?added=1");
}

void Console::handleAdminSchoolsCsv(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const auto parsed = parseSchoolsCsv(field(req, "file"), formatUtcTimestamp(clock_.nowUnixMillis()));
    if (!parsed.problems.empty()) return handleAdminSchools(c, req, res, 400, parsed.problems, {});
    const auto added = addSchools(storage_, parsed.schools);
    audit(c, req, "school.add_csv", "", std::to_string(added.added) + " added, " + std::to_string(added.existing) + " present");
    sendConsoleRedirect(res, "/console/admin/schools?added=" + std::to_string(added.added) + "&existing=" + std::to_string(added.existing));
}

void Console::handleAdminSchoolState(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const std::string code = field(req, "code");
    if (!storage_.findSchool(code))
        return handleAdminSchools(c, req, res, 404, {{0, {"没有学校 " + code, "no school " + code}}}, {});
    const bool disabled = field(req, "disabled") == "1";
    storage_.setSchoolDisabled(code, disabled);
    audit(c, req, disabled ? "school.disable" : "school.enable", code, "");
    sendConsoleRedirect(res, "/console/admin/schools?changed=1");
}

// ---- Enrollment codes ---------------------------------------------------------------------------

void Console::handleAdminCodes(const Context& c, const httplib::Request& req, httplib::Response& res, int status,
                               const std::vector<AdminProblem>& problems)
{
    const bool zh = c.zh;
    const std::string chosen = req.has_param("school") ? req.get_param_value("school") : field(req, "school");
    std::string body = problemsHtml(problems, zh) + "<p class=\"note\">" +
                       tr(zh, "注册码只能使用一次，过期作废；区县只保存它的摘要，发放后只显示这一次，请当场打印或抄下交给学校。",
                          "A code works once and expires; the county keeps only its hash, so it is shown this once: print it "
                          "or write it down for the school now.") +
                       "</p><form method=\"post\" action=\"/console/admin/codes/issue\" class=\"filters\">" + hidden("csrf", c.csrf) +
                       "<label>" + tr(zh, "学校", "School") + " <select name=\"school\" id=\"code-school\">";
    for (const auto& s : storage_.listSchools())
        if (!s.disabled)
            body += "<option value=\"" + htmlEscape(s.code) + "\"" + (s.code == chosen ? " selected" : "") + ">" + htmlEscape(s.code) +
                    " " + htmlEscape(s.name) + "</option>";
    body += "</select></label><label>" + std::string(tr(zh, "有效期（小时）", "Valid for (hours)")) +
            " <input type=\"number\" name=\"ttl_hours\" id=\"ttl-hours\" value=\"168\" min=\"1\" max=\"" +
            std::to_string(kMaxEnrollTtlHours) + "\"></label><button type=\"submit\" id=\"issue-code\">" +
            tr(zh, "发放注册码", "Issue a code") + "</button></form>";
    sendAdminPage(c, res, status, "发放注册码", "Enrollment codes", "codes", body);
}

void Console::handleAdminIssueCode(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const bool zh = c.zh;
    const auto school = storage_.findSchool(field(req, "school"));
    if (!school || school->disabled)
        return handleAdminCodes(c, req, res, 400, {{0, {"请选择一所使用中的学校", "choose an active school"}}});
    const std::string ttlText = field(req, "ttl_hours");
    long long hours = 0;
    try {
        std::size_t used = 0;
        hours = std::stoll(ttlText, &used);
        if (used != ttlText.size()) hours = 0;
    } catch (const std::exception&) {
        hours = 0;
    }
    if (hours < 1 || hours > kMaxEnrollTtlHours)
        return handleAdminCodes(c, req, res, 400, {{0, {"有效期应为 1 到 2160 小时", "the validity must be 1 to 2160 hours"}}});
    const auto now = clock_.nowUnixMillis();
    const auto issued = issueEnrollmentCode(storage_, school->code, hours * 3600 * 1000, now);
    audit(c, req, "enroll_code.issue", school->code, std::to_string(hours) + " h");

    // The address the school's computer should use: this console's own, as the browser reached it.
    const std::string proto = options_.secureCookies || req.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
    const std::string server = proto + "://" + req.get_header_value("Host");
    const std::string payload = "taizhang-enroll:?server=" + urlEncode(server) + "&school=" + school->code + "&code=" + issued.code;
    std::string body = "<div class=\"enroll-sheet\" id=\"enroll-sheet\"><p class=\"big\">" + htmlEscape(school->name) + "</p><table class=\"sheet\"><tr><th>" +
                       tr(zh, "学校标识码", "School code") + "</th><td id=\"sheet-school\">" + htmlEscape(school->code) + "</td></tr><tr><th>" +
                       tr(zh, "服务器地址", "Server address") + "</th><td id=\"sheet-server\">" + htmlEscape(server) + "</td></tr><tr><th>" +
                       tr(zh, "注册码", "Enrollment code") + "</th><td class=\"code\" id=\"sheet-code\">" + htmlEscape(issued.code) +
                       "</td></tr><tr><th>" + tr(zh, "有效期至（北京时间）", "Valid until (Beijing time)") + "</th><td>" +
                       beijing(issued.expiresAtMs) + "</td></tr></table><div class=\"qr\" id=\"qr\">" + qrSvg(payload) +
                       "</div><ol><li>" + tr(zh, "在学校的电脑上打开“台账”，以管理员登录，进入“设置”页的“区县服务器与同步”。",
                                       "On the school's computer open Taizhang, sign in as administrator, open Settings, “County server and sync”.") +
                       "</li><li>" + tr(zh, "填入上面的服务器地址和注册码，点“注册”。本机台账的学校标识码须与本单一致。",
                                        "Enter the server address and the enrollment code above and click Enrol. The ledger's school code must be the one on this sheet.") +
                       "</li><li>" + tr(zh, "注册码只能用一次；过期或用过后请向区县重新申请。", "The code works once; ask the county for a new one once it is used or expired.") +
                       "</li></ol></div><p class=\"note noprint\">" +
                       tr(zh, "请用浏览器的打印（Ctrl+P）打印本页。离开本页后注册码不会再显示。", "Print this page with the browser (Ctrl+P). The code is not shown again once you leave.") +
                       " <a href=\"/console/admin/codes\">" + tr(zh, "返回", "Back") + "</a></p>";
    sendConsoleHtml(res, 200, renderBarePage(zh, tr(zh, "学校注册单", "School enrollment sheet"), body));
}

// ---- Devices ------------------------------------------------------------------------------------

void Console::handleAdminDevices(const Context& c, const httplib::Request&, httplib::Response& res)
{
    const bool zh = c.zh;
    std::map<std::string, std::string> names;
    for (const auto& s : storage_.listSchools()) names[s.code] = s.name;
    std::string body = "<table id=\"device-list\"><tr><th>" + std::string(tr(zh, "学校", "School")) + "</th><th>" + tr(zh, "名称", "Name") +
                       "</th><th>" + tr(zh, "设备编号", "Device id") + "</th><th>" + tr(zh, "登记时间", "Enrolled") + "</th><th>" +
                       tr(zh, "最近同步", "Last sync") + "</th><th>" + tr(zh, "状态", "State") + "</th></tr>";
    for (const auto& d : storage_.listDevices("")) {
        body += "<tr data-device=\"" + htmlEscape(d.id) + "\"><td>" + htmlEscape(d.schoolCode) + " " + htmlEscape(names[d.schoolCode]) +
                "</td><td>" + htmlEscape(d.name) + "</td><td>" + htmlEscape(d.id) + "</td><td>" + consoleLocalTime(d.createdAt, zh) +
                "</td><td>" + consoleLocalTime(d.lastSyncAt, zh) + "</td><td>";
        if (d.revokedAt) {
            body += std::string(tr(zh, "已停用 ", "revoked ")) + consoleLocalTime(d.revokedAt, zh);
        } else {
            body += std::string(tr(zh, "使用中", "active")) + " <form method=\"post\" action=\"/console/device/revoke\" class=\"inline\">" +
                    hidden("csrf", c.csrf) + hidden("device", d.id) + hidden("back", "devices") +
                    "<button type=\"submit\" class=\"danger\">" + tr(zh, "停用", "Revoke") + "</button></form>";
        }
        body += "</td></tr>";
    }
    body += "</table>";
    sendAdminPage(c, res, 200, "设备", "Devices", "devices", body);
}

// ---- County overrides and calendar --------------------------------------------------------------

void Console::handleAdminConfig(const Context& c, const httplib::Request& req, httplib::Response& res, int status,
                                const std::vector<AdminProblem>& problems, const std::string& draftKey, const std::string& draft)
{
    const bool zh = c.zh;
    auto current = [&](const char* key, const char* empty) {
        if (draftKey == key) return draft;
        const auto value = storage_.configValue(key);
        return value ? Json::parse(*value).dump(2) : std::string(empty);
    };
    // The reporting deadline: a refused form shows what was typed, else the stored value.
    const auto deadline = storedReportingDeadline(storage_);
    std::string daysAfter = deadline ? std::to_string(deadline->daysAfter) : "1", time = deadline ? deadlineTime(*deadline) : "09:00";
    if (draftKey == "deadline") {
        daysAfter = field(req, "days_after");
        time = field(req, "time");
    }
    std::string body = noticeHtml(req.has_param("saved") ? tr(zh, "已保存；各校的每日发现和迟报已按新设置重算。", "Saved; every school's daily findings and late class-days were recomputed.") : "") +
                       problemsHtml(problems, zh);
    body += "<h2>" + std::string(tr(zh, "上报截止时间（迟报）", "Reporting deadline (late reports)")) + "</h2><p class=\"note\" id=\"deadline-now\">" +
            (deadline ? std::string(tr(zh, "现在：某日的作业和体育活动记录应在 ", "Now: the homework and activity records of a day are due by ")) +
                            describeDeadline(*deadline, zh) + tr(zh, " 前送达区县；晚于此时间首次送达的班级日计为迟报。",
                                                                 " at the county; a class-day whose records first arrive later is late.")
                      : std::string(tr(zh, "尚未设置：不统计迟报。", "Not set: nothing counts as late."))) +
            "</p><form method=\"post\" action=\"/console/admin/config/deadline\" class=\"filters\">" + hidden("csrf", c.csrf) +
            "<label>" + tr(zh, "记录日后第", "Due") + " <input type=\"text\" inputmode=\"numeric\" name=\"days_after\" id=\"deadline-days\" maxlength=\"2\" size=\"2\" value=\"" + htmlEscape(daysAfter) + "\"> " +
            tr(zh, "天（0 = 当天，1 = 次日）", "days after the day (0 = same day, 1 = next day)") + "</label><label>" + tr(zh, "北京时间", "at, Beijing time") +
            " <input type=\"text\" name=\"time\" id=\"deadline-time\" maxlength=\"5\" placeholder=\"09:00\" value=\"" + htmlEscape(time) +
            "\"></label><button type=\"submit\" id=\"save-deadline\">" + tr(zh, "保存截止时间", "Save deadline") +
            "</button><button type=\"submit\" name=\"clear\" value=\"1\" id=\"clear-deadline\">" + tr(zh, "不设截止", "No deadline") +
            "</button></form>";
    body += "<h2>" + std::string(tr(zh, "区县政策（只能比国家规定更严）", "County policy (only stricter than national)")) +
            "</h2><p class=\"note\">" +
            tr(zh, "例如 {\"homework\": {\"g3_6_max_minutes\": 50}}。由核心规则检查，比国家规定宽松的值会被拒绝并指出字段。",
               "For example {\"homework\": {\"g3_6_max_minutes\": 50}}. Checked by core's rules: a value looser than national is refused, naming the field.") +
            "</p><form method=\"post\" action=\"/console/admin/config/overrides\">" + hidden("csrf", c.csrf) +
            "<textarea name=\"json\" id=\"overrides-json\" rows=\"8\">" + htmlEscape(current("overrides", "{}")) +
            "</textarea><button type=\"submit\" id=\"save-overrides\">" + tr(zh, "保存政策", "Save policy") + "</button></form>";
    body += "<h2>" + std::string(tr(zh, "区县校历（学期、假期、调休）", "County calendar (terms, holidays, make-up days)")) +
            "</h2><p class=\"note\">" +
            tr(zh, "学期的 JSON 数组，与学校端的学期记录相同；学校未上报自己的学期时使用。每个学期都由核心规则检查。",
               "A JSON array of terms, as the school's term records; used for schools that sent no terms. Each term is checked by core.") +
            "</p><form method=\"post\" action=\"/console/admin/config/terms\">" + hidden("csrf", c.csrf) +
            "<textarea name=\"json\" id=\"terms-json\" rows=\"12\">" + htmlEscape(current("terms", "[]")) +
            "</textarea><button type=\"submit\" id=\"save-terms\">" + tr(zh, "保存校历", "Save calendar") + "</button></form>";
    sendAdminPage(c, res, status, "政策与校历", "Policy and calendar", "config", body);
}

void Console::handleAdminSaveConfig(const Context& c, const httplib::Request& req, httplib::Response& res, const std::string& key)
{
    if (key == "deadline") {
        // "null": no deadline (the summaries are rebuilt either way).
        const CheckedConfig checked = field(req, "clear") == "1" ? CheckedConfig{"null", {}}
                                                                 : checkDeadline(field(req, "days_after"), field(req, "time"));
        if (!checked.problems.empty()) return handleAdminConfig(c, req, res, 400, checked.problems, key, "");
        storeCountyConfig(storage_, kDeadlineConfigKey, checked.value, formatUtcTimestamp(clock_.nowUnixMillis()));
        audit(c, req, "config.deadline", "", checked.value);
        return sendConsoleRedirect(res, "/console/admin/config?saved=1");
    }
    const std::string text = field(req, "json");
    const Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded())
        return handleAdminConfig(c, req, res, 400, {{0, {"不是有效的 JSON", "not valid JSON"}}}, key, text);
    const CheckedConfig checked = key == "overrides" ? checkOverrides(json) : checkTerms(json);
    if (!checked.problems.empty()) return handleAdminConfig(c, req, res, 400, checked.problems, key, text);
    storeCountyConfig(storage_, key, checked.value, formatUtcTimestamp(clock_.nowUnixMillis()));
    audit(c, req, "config." + key, "", checked.value.substr(0, 500));
    sendConsoleRedirect(res, "/console/admin/config?saved=1");
}

// ---- Staff --------------------------------------------------------------------------------------

void Console::handleAdminStaff(const Context& c, const httplib::Request& req, httplib::Response& res, int status,
                               const std::vector<AdminProblem>& problems)
{
    const bool zh = c.zh;
    std::string body = noticeHtml(req.has_param("added") ? tr(zh, "已添加人员", "Staff member added") : "") + problemsHtml(problems, zh);
    body += "<h2>" + std::string(tr(zh, "添加人员", "Add a staff member")) + "</h2><form method=\"post\" action=\"/console/admin/staff/add\" class=\"filters\">" +
            hidden("csrf", c.csrf) + textInput("username", tr(zh, "用户名", "Username"), problems.empty() ? "" : field(req, "username"), "maxlength=\"64\"") +
            textInput("display_name", tr(zh, "姓名", "Name"), problems.empty() ? "" : field(req, "display_name"), "maxlength=\"64\"") + "<label>" +
            tr(zh, "角色", "Role") + " <select name=\"role\" id=\"role\">";
    for (const char* r : {"viewer", "reviewer", "admin"})
        body += std::string("<option value=\"") + r + "\">" + roleLabel(r, zh) + "</option>";
    body += "</select></label><label>" + std::string(tr(zh, "初始密码（至少 10 个字符）", "Initial password (10+ characters)")) +
            " <input type=\"password\" name=\"password\" id=\"new-password\" autocomplete=\"new-password\"></label><button type=\"submit\" id=\"add-staff\">" +
            tr(zh, "添加", "Add") + "</button></form>";
    body += "<h2>" + std::string(tr(zh, "全部人员", "All staff")) + "</h2><table id=\"staff-list\"><tr><th>" + tr(zh, "用户名", "Username") +
            "</th><th>" + tr(zh, "姓名", "Name") + "</th><th>" + tr(zh, "角色", "Role") + "</th><th>" + tr(zh, "状态", "State") +
            "</th><th>" + tr(zh, "添加时间", "Added") + "</th></tr>";
    for (const auto& s : storage_.listStaff())
        body += "<tr><td>" + htmlEscape(s.username) + "</td><td>" + htmlEscape(s.displayName) + "</td><td>" + roleLabel(s.role, zh) +
                "</td><td>" + (s.disabled ? tr(zh, "已停用", "disabled") : tr(zh, "使用中", "active")) + "</td><td>" +
                consoleLocalTime(s.createdAt, zh) + "</td></tr>";
    body += "</table>";
    sendAdminPage(c, res, status, "人员", "Staff", "staff", body);
}

void Console::handleAdminAddStaff(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const std::string username = field(req, "username"), role = field(req, "role"), password = field(req, "password");
    std::string name = field(req, "display_name");
    if (name.empty()) name = username;
    if (auto problem = checkStaff(username, role, password)) return handleAdminStaff(c, req, res, 400, {{0, *problem}});
    const auto now = clock_.nowUnixMillis();
    try {
        storage_.addStaff({newUuidV7(now), username, name, role, hashPassword(password), false, formatUtcTimestamp(now)});
    } catch (const AlreadyExists&) {
        return handleAdminStaff(c, req, res, 409, {{0, {"用户名 " + username + " 已存在", "the username " + username + " exists already"}}});
    }
    audit(c, req, "staff.add", username, role);
    sendConsoleRedirect(res, "/console/admin/staff?added=1");
}

}  // namespace taizhang::server
