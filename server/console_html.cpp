#include "console_html.h"

#include <cstdio>
#include <string>

#include "clock.h"
#include "date.h"

namespace taizhang::server {

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string urlEncode(std::string_view text)
{
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

// "2026-11-22T12:00:00.000Z" in Beijing time (UTC+8, no daylight saving): "2026-11-22 20:00".
std::string consoleLocalTime(const std::optional<std::string>& utc, bool zh)
{
    if (!utc || utc->size() < 16) return tr(zh, "从未同步", "never");
    auto day = Date::parse(utc->substr(0, 10));
    if (!day) return *utc;
    int minutes = std::stoi(utc->substr(11, 2)) * 60 + std::stoi(utc->substr(14, 2)) + kChinaUtcOffsetMinutes;
    if (minutes >= 24 * 60) {
        minutes -= 24 * 60;
        day = day->addDays(1);
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return day->toString() + " " + buf;
}

std::string roleLabel(std::string_view role, bool zh)
{
    if (role == "admin") return tr(zh, "管理员", "Administrator");
    if (role == "reviewer") return tr(zh, "审核员", "Reviewer");
    return tr(zh, "查看员", "Viewer");
}

namespace {

std::string head(bool zh, const std::string& title)
{
    return std::string("<!DOCTYPE html><html lang=\"") + (zh ? "zh-CN" : "en") +
           "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
           "<title>" + htmlEscape(title) + " · " + tr(zh, "台账区县控制台", "Taizhang county console") +
           "</title><link rel=\"stylesheet\" href=\"/console/console.css\"></head><body>";
}

}  // namespace

std::string renderFrame(const PageFrame& f, const std::string& body)
{
    const bool zh = f.zh;
    std::string html = head(zh, f.title);
    html += "<header><span class=\"brand\">" + std::string(tr(zh, "台账 · 区县控制台", "Taizhang · County console")) +
            "</span><nav><a href=\"/console/overview\">" + tr(zh, "总览", "Overview") + "</a><a href=\"/console/findings\">" +
            tr(zh, "发现", "Findings") + "</a><a href=\"/console/publication\">" + tr(zh, "作业公示", "Publication") +
            "</a><a href=\"/console/training\">" + tr(zh, "培训", "Training") + "</a>";
    if (f.role == "admin")
        html += "<a href=\"/console/admin/schools\">" + std::string(tr(zh, "管理", "Administration")) +
                "</a><a href=\"/console/audit\">" + tr(zh, "操作日志", "Audit log") + "</a>";
    html += "</nav><span class=\"spacer\"></span>";
    html += "<a class=\"lang\" href=\"/console/lang?to=" + std::string(zh ? "en" : "zh") + "&amp;back=" +
            htmlEscape(urlEncode(f.here)) + "\">" + (zh ? "English" : "中文") + "</a>";
    html += "<span class=\"who\">" + htmlEscape(f.userName) + " · " + roleLabel(f.role, zh) + "</span>";
    html += "<form method=\"post\" action=\"/console/logout\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"" +
            htmlEscape(f.csrf) + "\"><button type=\"submit\" id=\"logout\">" + tr(zh, "退出", "Sign out") +
            "</button></form></header><main><h1>" + htmlEscape(f.title) + "</h1>" + body + "</main></body></html>";
    return html;
}

std::string renderBarePage(bool zh, const std::string& title, const std::string& body)
{
    return head(zh, title) + "<main class=\"bare\"><h1>" + htmlEscape(title) + "</h1>" + body + "</main></body></html>";
}

std::string_view consoleCss()
{
    return R"CSS(
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f2933; background: #f4f6f8; }
header { display: flex; align-items: center; gap: 16px; padding: 0 20px; height: 48px; background: #1d4f91; color: #fff; }
header a, header button { color: #fff; }
header .brand { font-weight: bold; font-size: 16px; }
header nav a { margin-right: 14px; text-decoration: none; }
header .spacer { flex: 1; }
header button { background: transparent; border: 1px solid #fff; border-radius: 3px; padding: 2px 10px; cursor: pointer; font: inherit; }
main { padding: 12px 20px 40px; }
main.bare { max-width: 420px; margin: 80px auto; background: #fff; border: 1px solid #d5dbe1; border-radius: 4px; padding: 24px 32px; }
h1 { font-size: 20px; margin: 4px 0 12px; }
h2 { font-size: 16px; margin: 20px 0 8px; }
table { border-collapse: collapse; background: #fff; margin-bottom: 12px; }
th, td { border: 1px solid #d5dbe1; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #e8edf2; font-weight: normal; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.silent td { background: #fde2e1; }
tr.missing td { background: #fff4d6; }
tr.late td { background: #f3e5f5; }
.tag { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; }
.tag.silent { background: #c62828; color: #fff; }
.tag.late, .tag.missing, .tag.returned { background: #e8a317; color: #fff; }
.tag.late { background: #7b1fa2; }
.tag.ok { background: #2e7d32; color: #fff; }
.filters { display: flex; gap: 12px; align-items: center; margin-bottom: 12px; }
.filters input { font: inherit; padding: 2px 4px; }
.note { color: #52606d; }
.error { color: #b71c1c; background: #fde2e1; border: 1px solid #f5b5b2; padding: 6px 10px; border-radius: 3px; }
form.inline { display: inline; margin: 0; }
label { display: block; margin: 10px 0 4px; }
input[type=text], input[type=password] { width: 100%; font: inherit; padding: 6px 8px; border: 1px solid #9aa5b1; border-radius: 3px; }
button.primary { margin-top: 16px; background: #1d4f91; color: #fff; border: 0; border-radius: 3px; padding: 8px 24px; font: inherit; cursor: pointer; }
button.danger { background: #fff; color: #b71c1c; border: 1px solid #b71c1c; border-radius: 3px; padding: 1px 8px; font: inherit; cursor: pointer; }
table.grid td { text-align: center; min-width: 52px; font-size: 12px; }
table.grid td.off { background: #eceff1; color: #9aa5b1; }
table.grid td.missing { background: #fde2e1; color: #b71c1c; }
table.grid td.broke { background: #fff4d6; color: #8a4b00; font-weight: bold; }
table.grid td.done { color: #2e7d32; }
table.grid td.late { background: #f3e5f5; color: #6a1b9a; }
.legend span { margin-right: 14px; }
input.reason { width: 220px; font: inherit; padding: 1px 4px; }
button.approve, button.return, button.reopen { font: inherit; padding: 1px 8px; cursor: pointer; }
.filters input[type=text], .filters input[type=password], .filters input[type=number], .filters select { width: auto; font: inherit; padding: 2px 4px; }
.filters label { margin-right: 10px; }
.subnav a { margin-right: 16px; }
.subnav a.current { font-weight: bold; text-decoration: none; color: #1f2933; }
.notice { background: #e8f5e9; color: #1b5e20; padding: 6px 10px; border-radius: 3px; }
div.error { background: #fde2e1; padding: 4px 12px; border-radius: 3px; }
textarea { width: 100%; font-family: monospace; font-size: 13px; }
.enroll-sheet .big { font-size: 22px; font-weight: bold; }
.enroll-sheet table.sheet th { text-align: left; padding-right: 16px; }
.enroll-sheet td.code { font-family: monospace; font-size: 22px; white-space: nowrap; }
.enroll-sheet .qr { margin: 12px 0; }
.publication .big { font-size: 18px; font-weight: bold; }
td.broke { background: #fff4d6; color: #8a4b00; font-weight: bold; }
td.short { color: #b71c1c; font-weight: bold; }
@media print { .noprint, header { display: none; } }
)CSS";
}

}  // namespace taizhang::server
