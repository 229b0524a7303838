#pragma once
// HTML building blocks of the console: escaping, the page frame (header, navigation, language
// switch, sign-out form carrying the CSRF token) and the stylesheet.
#include <optional>
#include <string>
#include <string_view>

namespace taizhang::server {

std::string htmlEscape(std::string_view text);
std::string urlEncode(std::string_view text);
// Picks the Chinese or English text: the console is Chinese first.
inline const char* tr(bool zh, const char* zhText, const char* enText) { return zh ? zhText : enText; }

struct PageFrame {
    bool zh = true;
    std::string title;
    std::string userName;  // display name of the signed-in staff member
    std::string role;      // admin | reviewer | viewer
    std::string csrf;      // the session's CSRF token, for the sign-out form
    std::string here;      // this page's path and query, to come back after a language switch
};

std::string roleLabel(std::string_view role, bool zh);
// A stored UTC timestamp ("2026-11-22T12:00:00.000Z") as the county reads it: Beijing time
// (Asia/Shanghai, UTC+8, no daylight saving), "2026-11-22 20:00"; "从未同步" / "never" when absent.
std::string consoleLocalTime(const std::optional<std::string>& utc, bool zh);
std::string renderFrame(const PageFrame& frame, const std::string& body);
// A page of its own (sign-in, refusals): no navigation.
std::string renderBarePage(bool zh, const std::string& title, const std::string& body);
std::string_view consoleCss();

}  // namespace taizhang::server
