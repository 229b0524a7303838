#include "typed_text.h"

#include <cmath>
#include <cstdlib>

namespace taizhang {

std::string foldFullWidth(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        // U+FF01..U+FF5E is EF BC 81..EF BC BF and EF BD 80..EF BD 9E in UTF-8.
        if (b0 == 0xEF && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const auto b2 = static_cast<unsigned char>(s[i + 2]);
            const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
            if ((b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u && cp >= 0xFF01 && cp <= 0xFF5E) {
                out += static_cast<char>(cp - 0xFF01 + 0x21);
                i += 2;
                continue;
            }
        }
        // U+3000 IDEOGRAPHIC SPACE is E3 80 80.
        if (b0 == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            static_cast<unsigned char>(s[i + 2]) == 0x80) {
            out += ' ';
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

std::string normaliseTyped(std::string_view text)
{
    std::string s = foldFullWidth(text);
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

std::optional<std::int64_t> parseTypedInteger(std::string_view text)
{
    const std::string s = normaliseTyped(text);
    std::size_t i = s.empty() || (s[0] != '+' && s[0] != '-') ? 0 : 1;
    if (i == s.size() || s.size() - i > 12) return std::nullopt;
    std::int64_t v = 0;
    for (std::size_t k = i; k < s.size(); ++k) {
        if (s[k] < '0' || s[k] > '9') return std::nullopt;
        v = v * 10 + (s[k] - '0');
    }
    return s[0] == '-' ? -v : v;
}

std::optional<double> parseTypedDecimal(std::string_view text)
{
    const std::string s = normaliseTyped(text);
    std::size_t i = s.empty() || (s[0] != '+' && s[0] != '-') ? 0 : 1;
    bool digit = false, point = false;
    if (i == s.size() || s.size() > 32) return std::nullopt;
    for (std::size_t k = i; k < s.size(); ++k) {
        if (s[k] >= '0' && s[k] <= '9') digit = true;
        else if (s[k] == '.' && !point) point = true;
        else return std::nullopt;
    }
    if (!digit) return std::nullopt;
    // strtod only sees [+-]digits[.digits] here, so the C locale's decimal point is the only one.
    const double v = std::strtod(s.c_str(), nullptr);
    if (!std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<Date> parseTypedDate(std::string_view text)
{
    std::string s = normaliseTyped(text);
    // 2026年9月1日 / 2026年9月1号: the year and month words become separators, the day word goes.
    auto replaceAll = [&](std::string_view from, std::string_view to) {
        for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
            s.replace(p, from.size(), to);
    };
    bool chinese = false;
    for (std::string_view day : {"日", "号"})
        if (s.size() > day.size() && s.compare(s.size() - day.size(), day.size(), day) == 0) {
            s.resize(s.size() - day.size());
            chinese = true;
            break;
        }
    const bool hasYearWord = s.find("年") != std::string::npos;
    if (hasYearWord) {
        replaceAll("年", "-");
        replaceAll("月", "-");
    } else if (chinese) {
        return std::nullopt;
    }
    int parts[3] = {0, 0, 0};
    int lengths[3] = {0, 0, 0};
    int index = 0;
    char separator = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (++lengths[index] > 4) return std::nullopt;
            parts[index] = parts[index] * 10 + (c - '0');
            continue;
        }
        if (c != '-' && c != '/' && c != '.') return std::nullopt;
        if (separator == 0) separator = c;
        if (c != separator || lengths[index] == 0 || ++index > 2) return std::nullopt;  // 2026/9-1 is a typo
    }
    if (index != 2 || lengths[0] != 4 || lengths[1] == 0 || lengths[1] > 2 || lengths[2] == 0 || lengths[2] > 2)
        return std::nullopt;
    Date d{parts[0], parts[1], parts[2]};
    if (!d.isValid()) return std::nullopt;
    return d;
}

}  // namespace taizhang
