// Review of a school's week on the console: a reviewer approves it (which locks it: ingest
// refuses later changes dated in it with period_locked) or returns it (退回) with a reason; an
// administrator reopens an approved week.
#include <httplib.h>

#include "console.h"
#include "console_html.h"
#include "date.h"

namespace taizhang::server {
namespace {

constexpr std::size_t kMaxReasonBytes = 1500;  // about 500 Chinese characters

std::string formValue(const httplib::Request& req, const char* key)
{
    httplib::Params form;
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
        httplib::detail::parse_query_text(req.body, form);
    auto it = form.find(key);
    return it == form.end() ? std::string() : it->second;
}

std::string stateLabel(const std::string& state, bool zh)
{
    if (state == "approved") return std::string("<span class=\"tag ok\">") + tr(zh, "已通过（锁定）", "Approved (locked)") + "</span>";
    if (state == "returned") return std::string("<span class=\"tag returned\">") + tr(zh, "已退回", "Returned") + "</span>";
    if (state == "reopened") return tr(zh, "已重新开放", "Reopened");
    return tr(zh, "待审核", "Not reviewed");
}

std::string hidden(const char* name, const std::string& value)
{
    return "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + htmlEscape(value) + "\">";
}

}  // namespace

std::string Console::reviewSection(const Context& c, const std::string& code, const Date& from, const Date& to)
{
    const bool zh = c.zh;
    std::map<std::string, PeriodReviewRow> reviews;
    for (auto& r : storage_.periodReviews(code)) reviews.emplace(r.weekStart, std::move(r));
    const bool reviewer = c.staff.role == "reviewer" || c.staff.role == "admin";
    std::string html = "<h2>" + std::string(tr(zh, "每周审核", "Weekly review")) + "</h2><table id=\"reviews\"><tr><th>" +
                       tr(zh, "周", "Week") + "</th><th>" + tr(zh, "状态", "State") + "</th><th>" + tr(zh, "审核人", "By") +
                       "</th><th>" + tr(zh, "退回原因", "Reason returned") + "</th><th>" + tr(zh, "操作", "Action") + "</th></tr>";
    const Date today = localDate(clock_.nowUnixMillis());
    for (Date week = from.mondayOfWeek(); week <= to; week = week.addDays(7)) {
        const std::string key = week.toString();
        const auto it = reviews.find(key);
        const std::string state = it == reviews.end() ? "" : it->second.state;
        html += "<tr data-week=\"" + key + "\"><td>" + key + " – " + week.addDays(6).toString().substr(5) + "</td><td>" +
                stateLabel(state, zh) + "</td><td>" +
                (it == reviews.end() ? "" : htmlEscape(it->second.staffName) + " " + consoleLocalTime(it->second.at, zh)) +
                "</td><td>" + (state == "returned" ? htmlEscape(it->second.reason) : "") + "</td><td>";
        const std::string common = hidden("csrf", c.csrf) + hidden("school", code) + hidden("week", key) +
                                   hidden("from", from.toString()) + hidden("to", to.toString());
        // Buttons follow the role for convenience; the server checks the role again on POST.
        if (reviewer && state != "approved" && week <= today) {
            html += "<form method=\"post\" action=\"/console/review\" class=\"inline\">" + common + hidden("action", "approve") +
                    "<button type=\"submit\" class=\"approve\">" + tr(zh, "通过并锁定", "Approve and lock") + "</button></form> "
                    "<form method=\"post\" action=\"/console/review\" class=\"inline\">" + common + hidden("action", "return") +
                    "<input type=\"text\" name=\"reason\" class=\"reason\" maxlength=\"500\" placeholder=\"" +
                    tr(zh, "退回原因", "Reason") + "\"> <button type=\"submit\" class=\"return\">" + tr(zh, "退回", "Return") +
                    "</button></form>";
        }
        if (c.staff.role == "admin" && state == "approved")
            html += "<form method=\"post\" action=\"/console/review/reopen\" class=\"inline\">" + common +
                    "<button type=\"submit\" class=\"reopen\">" + tr(zh, "重新开放", "Reopen") + "</button></form>";
        html += "</td></tr>";
    }
    return html + "</table>";
}

void Console::handleReview(const Context& c, const httplib::Request& req, httplib::Response& res, bool reopen)
{
    const bool zh = c.zh;
    const std::string code = formValue(req, "school"), weekText = formValue(req, "week");
    const std::string action = reopen ? "reopen" : formValue(req, "action");
    std::string reason = formValue(req, "reason");
    auto refuse = [&](int status, const char* zhText, const char* enText) {
        sendConsoleHtml(res, status,
                        renderFrame({zh, tr(zh, "审核未完成", "Review not done"), c.staff.displayName, c.staff.role, c.csrf, c.here},
                                    "<p class=\"error\" id=\"review-error\">" + htmlEscape(tr(zh, zhText, enText)) +
                                        "</p><p><a href=\"/console/school?code=" + urlEncode(code) + "\">" +
                                        tr(zh, "返回学校页面", "Back to the school") + "</a></p>"));
    };
    const auto week = Date::parse(weekText);
    if (!storage_.findSchool(code)) return refuse(404, "没有这所学校。", "No such school.");
    if (!week || week->isoWeekday() != 1) return refuse(400, "周的开始日期应为星期一（年-月-日）。", "The week must start on a Monday (YYYY-MM-DD).");
    if (*week > localDate(clock_.nowUnixMillis())) return refuse(400, "还没开始的周不能审核。", "A week that has not begun cannot be reviewed.");
    if (action != "approve" && action != "return" && action != "reopen") return refuse(400, "未知的审核操作。", "Unknown review action.");
    while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\n' || reason.back() == '\r')) reason.pop_back();
    if (action == "return" && reason.empty()) return refuse(400, "退回时请写明原因，学校需要知道要改什么。", "Say why the week is returned: the school needs to know what to fix.");
    if (reason.size() > kMaxReasonBytes) return refuse(400, "退回原因太长（最多约 500 字）。", "The reason is too long (about 500 characters at most).");
    std::string current;
    for (const auto& r : storage_.periodReviews(code))
        if (r.weekStart == weekText) current = r.state;
    if (action == "return" && current == "approved")
        return refuse(409, "这一周已通过并锁定；需管理员先重新开放才能退回。", "This week is approved and locked; an administrator must reopen it first.");
    if (action == "reopen" && current != "approved") return refuse(409, "这一周没有锁定，无需重新开放。", "This week is not locked.");
    const std::string state = action == "approve" ? "approved" : action == "return" ? "returned" : "reopened";
    storage_.setPeriodReview({code, weekText, state, action == "return" ? reason : "", c.staff.id, c.staff.displayName,
                              formatUtcTimestamp(clock_.nowUnixMillis())});
    audit(c, req, "review." + action, code + " " + weekText, reason);
    std::string back = "/console/school?code=" + urlEncode(code);
    const auto from = Date::parse(formValue(req, "from")), to = Date::parse(formValue(req, "to"));
    if (from && to) back += "&from=" + from->toString() + "&to=" + to->toString();
    sendConsoleRedirect(res, back);
}

}  // namespace taizhang::server
