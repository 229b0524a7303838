#include "console.h"

#include <httplib.h>

#include "console_html.h"
#include "crypto.h"
#include "export_table.h"
#include "request_log.h"
#include "users.h"
#include "uuid.h"

namespace taizhang::server {
namespace {

constexpr const char* kSessionCookie = "tz_session";
constexpr const char* kLoginCookie = "tz_login";  // double-submit CSRF token of the sign-in form
constexpr const char* kLangCookie = "tz_lang";
constexpr std::int64_t kMaxCsvUploadBytes = 512 << 10;  // a county's schools, with room

int roleRank(std::string_view role)
{
    if (role == "admin") return 3;
    if (role == "reviewer") return 2;
    if (role == "viewer") return 1;
    return 0;  // unknown role: nothing
}

std::string cookieValue(const httplib::Request& req, std::string_view name)
{
    const std::string header = req.get_header_value("Cookie");
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        std::string_view part(header.data() + pos, end - pos);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        pos = end + 1;
    }
    return {};
}

std::string csrfFor(const std::string& sessionToken) { return sha256Hex("taizhang-console-csrf-v1:" + sessionToken); }

httplib::Params formOf(const httplib::Request& req)
{
    httplib::Params form;
    // A file upload (the schools' CSV) carries its fields as parts; only the small ones are read.
    if (req.is_multipart_form_data()) {
        for (const auto& [name, part] : req.files)
            if (part.filename.empty()) form.emplace(name, part.content);
        return form;
    }
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
        httplib::detail::parse_query_text(req.body, form);
    return form;
}

std::string formValue(const httplib::Params& form, const std::string& key)
{
    auto it = form.find(key);
    return it == form.end() ? std::string() : it->second;
}

}  // namespace

void sendConsoleHtml(httplib::Response& res, int status, const std::string& html)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'");
    res.set_content(html, "text/html; charset=utf-8");
}

void sendConsoleRedirect(httplib::Response& res, const std::string& to)
{
    res.status = 303;
    res.set_header("Location", to);
    res.set_header("Cache-Control", "no-store");
    res.set_content("", "text/plain");
}

namespace {

void sendHtml(httplib::Response& res, int status, const std::string& html) { sendConsoleHtml(res, status, html); }
void redirect(httplib::Response& res, const std::string& to) { sendConsoleRedirect(res, to); }

bool preferChinese(const httplib::Request& req) { return cookieValue(req, kLangCookie) != "en"; }

std::string cookie(const std::string& name, const std::string& value, std::int64_t maxAgeSeconds, bool secure)
{
    return name + "=" + value + "; Path=/console; Max-Age=" + std::to_string(maxAgeSeconds) + "; HttpOnly; SameSite=Strict" +
           (secure ? "; Secure" : "");
}

std::string refusalPage(bool zh, const std::string& title, const std::string& message)
{
    return renderBarePage(zh, title,
                          "<p class=\"error\">" + htmlEscape(message) + "</p><p><a href=\"/console/overview\">" +
                              tr(zh, "返回总览", "Back to the overview") + "</a></p>");
}

}  // namespace

Console::Console(Storage& storage, const Clock& clock, ConsoleOptions options,
                 std::function<std::string(const httplib::Request&)> clientAddress)
    : storage_(storage), clock_(clock), options_(options), clientAddress_(std::move(clientAddress))
{
}

std::vector<ConsoleRoute> Console::routes() const
{
    const std::int64_t form = options_.maxFormBytes;
    return {{"/console", "GET", 0},           {"/console/console.css", "GET", 0},
            {"/console/login", "GET", 0},     {"/console/login", "POST", form},
            {"/console/logout", "POST", form}, {"/console/lang", "GET", 0},
            {"/console/overview", "GET", 0},  {"/console/overview.csv", "GET", 0},
            {"/console/findings.csv", "GET", 0}, {"/console/overview.xlsx", "GET", 0},
            {"/console/findings.xlsx", "GET", 0}, {"/console/audit.csv", "GET", 0}, {"/console/audit.xlsx", "GET", 0},
            {"/console/school", "GET", 0},    {"/console/findings", "GET", 0},
            {"/console/publication", "GET", 0}, {"/console/training", "GET", 0},    {"/console/device/revoke", "POST", form},
            {"/console/audit", "GET", 0},     {"/console/review", "POST", form},
            {"/console/review/reopen", "POST", form},
            {"/console/admin/schools", "GET", 0},  {"/console/admin/schools/add", "POST", form},
            {"/console/admin/schools/csv", "POST", kMaxCsvUploadBytes}, {"/console/admin/schools/state", "POST", form},
            {"/console/admin/codes", "GET", 0},    {"/console/admin/codes/issue", "POST", form},
            {"/console/admin/devices", "GET", 0},  {"/console/admin/config", "GET", 0},
            {"/console/admin/config/overrides", "POST", form}, {"/console/admin/config/terms", "POST", form},
            {"/console/admin/config/deadline", "POST", form},
            {"/console/admin/staff", "GET", 0},    {"/console/admin/staff/add", "POST", form}};
}

// Every console page goes through here: a valid session or a redirect to the sign-in page, the
// role checked on the server (a hidden button is not a permission), and on POST the CSRF token.
template <class F>
void Console::page(const httplib::Request& req, httplib::Response& res, const char* minRole, bool post, F&& f)
{
    const bool zh = preferChinese(req);
    try {
        const std::string token = cookieValue(req, kSessionCookie);
        std::optional<StaffRow> staff;
        if (token.size() == 64) staff = storage_.staffForSession(tokenHash(token), clock_.nowUnixMillis());
        if (!staff) {
            redirect(res, "/console/login");
            return;
        }
        currentRequestNote().deviceId = "staff:" + staff->username;
        Context c{*staff, tokenHash(token), csrfFor(token), zh, req.path};
        if (!req.params.empty() && !post) c.here += "?" + httplib::detail::params_to_query_str(req.params);
        if (roleRank(staff->role) < roleRank(minRole)) {
            audit(c, req, "denied", req.path, std::string("needs role ") + minRole);
            sendHtml(res, 403,
                     refusalPage(zh, tr(zh, "权限不足", "Not allowed"),
                                 tr(zh, "您的角色不能进行此操作。如需权限，请联系区县管理员。",
                                    "Your role cannot do this. Ask the county administrator for access.")));
            return;
        }
        if (post && !constantTimeEquals(formValue(formOf(req), "csrf"), c.csrf)) {
            sendHtml(res, 403,
                     refusalPage(zh, tr(zh, "请求被拒绝", "Request refused"),
                                 tr(zh, "表单已过期或来源不明（缺少 CSRF 令牌）。请回到页面重新操作。",
                                    "The form expired or did not come from this console (CSRF token missing). "
                                    "Go back to the page and try again.")));
            return;
        }
        f(c);
    } catch (const std::exception& e) {
        logEvent("error", "console request failed", {{"path", req.path}, {"error", e.what()}});
        sendHtml(res, 503,
                 refusalPage(zh, tr(zh, "暂时无法处理", "Temporarily unavailable"),
                             tr(zh, "区县数据库暂时不可用，请稍后重试。", "The county database is unavailable; try again later.")));
    }
}

void Console::audit(const Context& c, const httplib::Request& req, const std::string& action, const std::string& target,
                    const std::string& detail)
{
    storage_.appendAudit({formatUtcTimestamp(clock_.nowUnixMillis()), c.staff.id, c.staff.username, action, target, detail,
                          clientAddress_(req)});
}

void Console::addRoutes(httplib::Server& http)
{
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    http.Get("/console", [](Req, Res res) { redirect(res, "/console/overview"); });
    http.Get("/console/console.css", [](Req, Res res) {
        res.set_header("Cache-Control", "max-age=3600");
        res.set_content(std::string(consoleCss()), "text/css; charset=utf-8");
    });
    http.Get("/console/lang", [](Req req, Res res) {
        const std::string to = req.get_param_value("to") == "en" ? "en" : "zh";
        std::string back = req.get_param_value("back");
        // Only back into the console: never an open redirect.
        if (back.rfind("/console/", 0) != 0 || back.find("//") != std::string::npos) back = "/console/overview";
        redirect(res, back);
        res.set_header("Set-Cookie", std::string(kLangCookie) + "=" + to + "; Path=/console; Max-Age=31536000; SameSite=Strict");
    });
    http.Get("/console/login", [this](Req q, Res s) { handleLoginPage(q, s); });
    http.Post("/console/login", [this](Req q, Res s) { handleLogin(q, s); });
    http.Post("/console/logout", [this](Req q, Res s) { page(q, s, "viewer", true, [&](const Context& c) { handleLogout(c, q, s); }); });
    http.Get("/console/overview", [this](Req q, Res s) { page(q, s, "viewer", false, [&](const Context& c) { handleOverview(c, q, s); }); });
    for (const bool xlsx : {false, true}) {
        const std::string ext = xlsx ? ".xlsx" : ".csv";
        http.Get("/console/overview" + ext, [this, xlsx](Req q, Res s) {
            page(q, s, "viewer", false, [&](const Context& c) { handleOverviewExport(c, q, s, xlsx); });
        });
        http.Get("/console/findings" + ext, [this, xlsx](Req q, Res s) {
            page(q, s, "viewer", false, [&](const Context& c) { handleFindingsExport(c, q, s, xlsx); });
        });
        http.Get("/console/audit" + ext, [this, xlsx](Req q, Res s) {
            page(q, s, "admin", false, [&](const Context& c) { handleAuditExport(c, q, s, xlsx); });
        });
    }
    http.Get("/console/school", [this](Req q, Res s) { page(q, s, "viewer", false, [&](const Context& c) { handleSchool(c, q, s); }); });
    http.Get("/console/findings", [this](Req q, Res s) { page(q, s, "viewer", false, [&](const Context& c) { handleFindingList(c, q, s); }); });
    http.Get("/console/publication", [this](Req q, Res s) { page(q, s, "viewer", false, [&](const Context& c) { handlePublication(c, q, s); }); });
    http.Get("/console/training", [this](Req q, Res s) { page(q, s, "viewer", false, [&](const Context& c) { handleTraining(c, q, s); }); });
    http.Post("/console/device/revoke", [this](Req q, Res s) { page(q, s, "admin", true, [&](const Context& c) { handleRevokeDevice(c, q, s); }); });
    http.Post("/console/review", [this](Req q, Res s) { page(q, s, "reviewer", true, [&](const Context& c) { handleReview(c, q, s, false); }); });
    http.Post("/console/review/reopen", [this](Req q, Res s) { page(q, s, "admin", true, [&](const Context& c) { handleReview(c, q, s, true); }); });
    http.Get("/console/audit", [this](Req q, Res s) { page(q, s, "admin", false, [&](const Context& c) { handleAudit(c, q, s); }); });
    // Administration: every route, GET and POST, requires the admin role.
    auto admin = [this](bool post, auto handler) {
        return [this, post, handler](Req q, Res s) { page(q, s, "admin", post, [&](const Context& c) { handler(c, q, s); }); };
    };
    http.Get("/console/admin", [](Req, Res res) { redirect(res, "/console/admin/schools"); });
    http.Get("/console/admin/schools", admin(false, [this](const Context& c, Req q, Res s) { handleAdminSchools(c, q, s); }));
    http.Post("/console/admin/schools/add", admin(true, [this](const Context& c, Req q, Res s) { handleAdminAddSchool(c, q, s); }));
    http.Post("/console/admin/schools/csv", admin(true, [this](const Context& c, Req q, Res s) { handleAdminSchoolsCsv(c, q, s); }));
    http.Post("/console/admin/schools/state", admin(true, [this](const Context& c, Req q, Res s) { handleAdminSchoolState(c, q, s); }));
    http.Get("/console/admin/codes", admin(false, [this](const Context& c, Req q, Res s) { handleAdminCodes(c, q, s); }));
    http.Post("/console/admin/codes/issue", admin(true, [this](const Context& c, Req q, Res s) { handleAdminIssueCode(c, q, s); }));
    http.Get("/console/admin/devices", admin(false, [this](const Context& c, Req q, Res s) { handleAdminDevices(c, q, s); }));
    http.Get("/console/admin/config", admin(false, [this](const Context& c, Req q, Res s) { handleAdminConfig(c, q, s); }));
    http.Post("/console/admin/config/overrides",
              admin(true, [this](const Context& c, Req q, Res s) { handleAdminSaveConfig(c, q, s, "overrides"); }));
    http.Post("/console/admin/config/terms", admin(true, [this](const Context& c, Req q, Res s) { handleAdminSaveConfig(c, q, s, "terms"); }));
    http.Post("/console/admin/config/deadline",
              admin(true, [this](const Context& c, Req q, Res s) { handleAdminSaveConfig(c, q, s, "deadline"); }));
    http.Get("/console/admin/staff", admin(false, [this](const Context& c, Req q, Res s) { handleAdminStaff(c, q, s); }));
    http.Post("/console/admin/staff/add", admin(true, [this](const Context& c, Req q, Res s) { handleAdminAddStaff(c, q, s); }));
}

namespace {

std::string loginForm(bool zh, const std::string& loginToken, const std::string& error, const std::string& username)
{
    std::string body;
    if (!error.empty()) body += "<p class=\"error\" id=\"login-error\">" + htmlEscape(error) + "</p>";
    body += "<form method=\"post\" action=\"/console/login\"><input type=\"hidden\" name=\"csrf\" value=\"" +
            htmlEscape(loginToken) + "\"><label for=\"username\">" + tr(zh, "用户名", "Username") +
            "</label><input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" maxlength=\"64\" value=\"" +
            htmlEscape(username) + "\" autofocus><label for=\"password\">" + tr(zh, "密码", "Password") +
            "</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" maxlength=\"256\">"
            "<button type=\"submit\" class=\"primary\" id=\"login\">" + tr(zh, "登录", "Sign in") + "</button></form>";
    body += std::string("<p class=\"note\"><a href=\"/console/lang?to=") + (zh ? "en" : "zh") +
            "&amp;back=%2Fconsole%2Flogin\">" + (zh ? "English" : "中文") + "</a></p>";
    return renderBarePage(zh, tr(zh, "区县控制台登录", "County console sign-in"), body);
}

}  // namespace

void Console::handleLoginPage(const httplib::Request& req, httplib::Response& res)
{
    const bool zh = preferChinese(req);
    const std::string loginToken = newDeviceToken();
    res.set_header("Set-Cookie", cookie(kLoginCookie, loginToken, 3600, options_.secureCookies));
    sendHtml(res, 200, loginForm(zh, loginToken, "", ""));
}

void Console::handleLogin(const httplib::Request& req, httplib::Response& res)
{
    const bool zh = preferChinese(req);
    try {
        const auto form = formOf(req);
        const std::string username = formValue(form, "username"), password = formValue(form, "password");
        const std::string sent = formValue(form, "csrf"), expected = cookieValue(req, kLoginCookie);
        const std::string freshToken = newDeviceToken();
        auto again = [&](int status, const std::string& error) {
            res.set_header("Set-Cookie", cookie(kLoginCookie, freshToken, 3600, options_.secureCookies));
            sendHtml(res, status, loginForm(zh, freshToken, error, username));
        };
        if (expected.size() != 64 || !constantTimeEquals(sent, expected))
            return again(403, tr(zh, "登录表单已过期，请重新输入。", "The sign-in form expired; enter your details again."));
        const auto now = clock_.nowUnixMillis();
        const std::string address = clientAddress_(req);
        const std::string userKey = "user:" + username, addrKey = "addr:" + address;
        const auto since = now - options_.loginWindowMs;
        if (storage_.loginFailuresSince(userKey, since) >= options_.loginMaxFailures ||
            storage_.loginFailuresSince(addrKey, since) >= options_.loginMaxFailures * 4) {
            res.set_header("Retry-After", std::to_string(options_.loginWindowMs / 1000));
            return again(429, std::string(tr(zh, "登录失败次数过多，请 ", "Too many failed sign-ins; wait ")) +
                                  std::to_string(options_.loginWindowMs / 60000) +
                                  tr(zh, " 分钟后再试。", " minutes and try again."));
        }
        const auto staff = username.empty() || username.size() > 64 ? std::nullopt : storage_.findStaffByUsername(username);
        // An unknown name costs the same Argon2id work as a wrong password: timing tells nothing.
        static const std::string decoy = hashPassword("decoy-password-never-used");
        const bool ok = staff ? verifyPassword(staff->passwordHash, password) : (verifyPassword(decoy, password), false);
        if (!ok || staff->disabled) {
            storage_.recordLoginFailure(userKey, now);
            storage_.recordLoginFailure(addrKey, now);
            storage_.appendAudit({formatUtcTimestamp(now), staff ? staff->id : "", username, "login.failed", "", "", address});
            return again(401, tr(zh, "用户名或密码不正确。", "Wrong username or password."));
        }
        const std::string token = newDeviceToken();
        storage_.createSession({tokenHash(token), staff->id, now, now + options_.sessionMs});
        storage_.appendAudit({formatUtcTimestamp(now), staff->id, staff->username, "login", "", "", address});
        redirect(res, "/console/overview");
        res.set_header("Set-Cookie", cookie(kSessionCookie, token, options_.sessionMs / 1000, options_.secureCookies));
    } catch (const std::exception& e) {
        logEvent("error", "console sign-in failed", {{"error", e.what()}});
        sendHtml(res, 503,
                 refusalPage(zh, tr(zh, "暂时无法登录", "Cannot sign in now"),
                             tr(zh, "区县数据库暂时不可用，请稍后重试。", "The county database is unavailable; try again later.")));
    }
}

void Console::handleLogout(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    storage_.deleteSession(c.tokenHash);
    audit(c, req, "logout", "", "");
    redirect(res, "/console/login");
    res.set_header("Set-Cookie", cookie(kSessionCookie, "", 0, options_.secureCookies));
}

void Console::handleRevokeDevice(const Context& c, const httplib::Request& req, httplib::Response& res)
{
    const auto form = formOf(req);
    const std::string id = formValue(form, "device");
    const auto device = storage_.findDevice(id);
    if (!device)
        return sendHtml(res, 404, refusalPage(c.zh, tr(c.zh, "没有这台设备", "No such device"),
                                              tr(c.zh, "找不到要停用的设备。", "The device to revoke was not found.")));
    storage_.revokeDevice(id, formatUtcTimestamp(clock_.nowUnixMillis()));
    audit(c, req, "device.revoke", id, device->schoolCode);
    redirect(res, formValue(form, "back") == "devices" ? "/console/admin/devices"
                                                        : "/console/school?code=" + urlEncode(device->schoolCode));
}

void Console::handleAudit(const Context& c, const httplib::Request&, httplib::Response& res)
{
    const bool zh = c.zh;
    std::string body = "<table id=\"audit\"><tr><th>" + std::string(tr(zh, "时间（北京时间）", "Time (Beijing)")) + "</th><th>" +
                       tr(zh, "用户", "User") + "</th><th>" + tr(zh, "操作", "Action") + "</th><th>" +
                       tr(zh, "对象", "Target") + "</th><th>" + tr(zh, "说明", "Detail") + "</th><th>" +
                       tr(zh, "地址", "Address") + "</th></tr>";
    for (const auto& a : storage_.recentAudit(200))
        body += "<tr><td title=\"" + htmlEscape(a.at) + "\">" + consoleLocalTime(a.at, zh) + "</td><td>" + htmlEscape(a.username) + "</td><td>" + htmlEscape(a.action) +
                "</td><td>" + htmlEscape(a.target) + "</td><td>" + htmlEscape(a.detail) + "</td><td>" +
                htmlEscape(a.address) + "</td></tr>";
    body += "</table>";
    body = "<p><a id=\"audit-csv\" href=\"/console/audit.csv\">" + std::string(tr(zh, "导出 CSV", "Export CSV")) +
           "</a> <a id=\"audit-xlsx\" href=\"/console/audit.xlsx\">" + tr(zh, "导出 Excel", "Export Excel") + "</a></p>" + body;
    sendHtml(res, 200, renderFrame({zh, tr(zh, "操作日志", "Audit log"), c.staff.displayName, c.staff.role, c.csrf, c.here}, body));
}

void Console::handleAuditExport(const Context& c, const httplib::Request& req, httplib::Response& res, bool xlsx)
{
    const bool zh = c.zh;
    ExportTable table{tr(zh, "操作日志", "Audit log"),
                      {tr(zh, "时间（北京时间）", "time_beijing"), tr(zh, "时间（UTC）", "time_utc"), tr(zh, "用户", "user"),
                       tr(zh, "操作", "action"), tr(zh, "对象", "target"), tr(zh, "说明", "detail"), tr(zh, "地址", "address")},
                      {},
                      {}};
    for (const auto& a : storage_.recentAudit(10000))
        table.rows.push_back({consoleLocalTime(a.at, zh), a.at, a.username, a.action, a.target, a.detail, a.address});
    audit(c, req, xlsx ? "export.audit_xlsx" : "export.audit_csv", "", "");
    sendConsoleExport(res, table, "audit", xlsx);
}

}  // namespace taizhang::server
