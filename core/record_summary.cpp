#include "record_summary.h"

#include <cstdio>

namespace taizhang {

std::string formatNumber(double value, int decimals)
{
    char buf[64];
    // Qt's QString::arg(double) default is %g with 6 significant digits (8, 2.5, 1.33333).
    if (decimals >= 0)
        std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    else
        std::snprintf(buf, sizeof buf, "%g", value);
    return buf;
}

namespace {
// The text a field shows in a summary, or nullopt when its value does not fit its type.
std::optional<std::string> fieldText(const FieldDescriptor& f, const Json& body, int decimals, bool english,
                                     const SummaryNames& names)
{
    auto it = body.find(std::string(f.key));
    const bool absent = it == body.end() || it->is_null();
    if (absent && f.required) return std::nullopt;
    switch (f.type) {
    case FieldType::Boolean: {
        bool v = f.fallback == "true";
        if (!absent) {
            if (!it->is_boolean()) return std::nullopt;
            v = it->get<bool>();
        }
        return std::string(english ? (v ? f.yesEn : f.noEn) : (v ? f.yesZh : f.noZh));
    }
    case FieldType::Integer:
        if (absent) return std::string(f.fallback.empty() ? "0" : f.fallback);
        if (!it->is_number_integer()) return std::nullopt;
        return std::to_string(it->get<long long>());
    case FieldType::Number:
        if (absent) return formatNumber(0, decimals);
        if (!it->is_number()) return std::nullopt;
        return formatNumber(it->get<double>(), decimals);
    case FieldType::String: {
        if (absent) return std::string{};
        if (!it->is_string()) return std::nullopt;
        const std::string v = it->get<std::string>();
        switch (f.ref) {
        case FieldRef::Class: return names.className ? names.className(v) : v;
        case FieldRef::Teacher: return names.teacherName ? names.teacherName(v) : v;
        case FieldRef::Subject: return names.subjectName ? names.subjectName(v) : v;
        case FieldRef::Term:
        case FieldRef::None: return v;
        }
        return v;
    }
    case FieldType::Date:
        if (absent) return std::string{};
        if (!it->is_string()) return std::nullopt;
        return it->get<std::string>();
    case FieldType::StringArray:
    case FieldType::Holidays:
    case FieldType::DateArray:
    case FieldType::ObjectArray: return absent ? std::string{} : it->dump();
    }
    return std::nullopt;
}
}  // namespace

std::optional<std::string> recordSummary(Kind kind, const Json& body, bool english, const SummaryNames& names)
{
    if (!body.is_object()) return std::nullopt;
    const KindDescriptor& d = describe(kind);
    // A homework record of 无作业 has no subject or minutes to show: it says what it is.
    if (kind == Kind::Homework)
        if (auto none = body.find("none"); none != body.end() && none->is_boolean() && none->get<bool>()) {
            const auto content = body.find("content");
            const bool note = content != body.end() && content->is_string() && !content->get<std::string>().empty();
            return std::string(english ? "No homework" : "无作业") + (note ? " · " + content->get<std::string>() : "");
        }
    const std::string_view text = english ? d.summaryEn : d.summaryZh;
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find('{', pos);
        if (open == std::string_view::npos) {
            out += text.substr(pos);
            break;
        }
        out += text.substr(pos, open - pos);
        const auto close = text.find('}', open);
        std::string_view name = text.substr(open + 1, close - open - 1);
        int decimals = -1;
        if (const auto colon = name.find(':'); colon != std::string_view::npos) {
            decimals = name[colon + 1] - '0';  // "{average_hours:1}": one decimal
            name = name.substr(0, colon);
        }
        const FieldDescriptor* f = findFieldDescriptor(kind, name);
        if (!f) return std::nullopt;
        auto value = fieldText(*f, body, decimals, english, names);
        if (!value) return std::nullopt;
        out += *value;
        pos = close + 1;
    }
    return out;
}

}  // namespace taizhang
