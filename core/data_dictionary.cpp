#include "data_dictionary.h"

#include <stdexcept>

#include "record_summary.h"

namespace taizhang {

namespace {
constexpr std::string_view kEnd = "<!-- end kind-table -->";

std::string typeText(const FieldDescriptor& f)
{
    std::string ref;
    switch (f.ref) {
    case FieldRef::Class: ref = "class id"; break;
    case FieldRef::Teacher: ref = "teacher id"; break;
    case FieldRef::Term: ref = "term id"; break;
    case FieldRef::Subject: ref = "subject code"; break;
    case FieldRef::None: break;
    }
    switch (f.type) {
    case FieldType::String: return ref.empty() ? "string" : "string (" + ref + ")";
    case FieldType::Integer: return "integer";
    case FieldType::Number: return "number";
    case FieldType::Boolean: return "boolean";
    case FieldType::Date: return "date";
    case FieldType::StringArray: return ref.empty() ? "string[]" : "string[] (" + ref + "s)";
    case FieldType::Holidays: return "{name, start, end}[]";
    case FieldType::DateArray: return "date[]";
    case FieldType::ObjectArray: {
        std::string items;
        for (const auto& item : f.items)
            items += (items.empty() ? "" : ", ") + std::string(item.key) + (item.required ? "" : "?");
        return "{" + items + "}[]";
    }
    }
    return "?";
}

std::string rangeText(const FieldDescriptor& f)
{
    std::string out(f.unit);
    std::string range;
    if (f.min && f.max)
        range = formatNumber(*f.min) + "-" + formatNumber(*f.max);
    else if (f.min)
        range = ">= " + formatNumber(*f.min);
    else if (f.max)
        range = "<= " + formatNumber(*f.max);
    if (!range.empty()) out += (out.empty() ? "" : ", ") + range;
    return out;
}

std::string areasText(unsigned areas)
{
    static constexpr std::pair<unsigned, std::string_view> names[] = {{kPolicyHomework, "homework"},
                                                                      {kPolicySleep, "sleep"},
                                                                      {kPolicyActivity, "activity"},
                                                                      {kPolicyTimetable, "timetable"},
                                                                      {kPolicyTraining, "training"}};
    std::string out;
    for (const auto& [bit, name] : names)
        if (areas & bit) out += (out.empty() ? "" : ", ") + std::string(name);
    return out.empty() ? "none" : out;
}

std::string keyText(std::string_view uniqueKey)
{
    std::string out;
    for (auto part : splitAliases(uniqueKey)) out += (out.empty() ? "" : ", ") + std::string(part);
    return out;
}
}  // namespace

std::string kindFieldTable(Kind kind)
{
    const KindDescriptor& d = describe(kind);
    std::string out = "**" + std::string(d.nameZh) + "** (" + std::string(d.nameEn) + "); ";
    out += d.reference ? "reference data" : d.daily ? "daily kind (one record per class per school day)" : "recorded data";
    out += "; day: " + (d.dateKey.empty() ? std::string("none") : "`" + std::string(d.dateKey) + "`");
    out += "; unique per: " + (d.uniqueKey.empty() ? std::string("nothing") : "(" + keyText(d.uniqueKey) + ")");
    if (d.foldKey) out += ", compared as typed (full-width folded, trimmed)";
    out += "; policy areas: " + areasText(d.policyAreas);
    out += "; CSV: " + std::string(d.csv ? "`taizhang record/import/export`" : "no") + ".\n\n";
    out += "| field | type | req | unit / range | CSV header (zh; en) | meaning |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const auto& f : d.fields) {
        std::string req = f.required ? "yes" : "no";
        if (!f.fallback.empty()) req += " (" + std::string(f.fallback) + ")";
        std::string headers;
        for (auto a : splitAliases(f.csvZh)) headers += (headers.empty() ? "" : ", ") + std::string(a);
        headers += f.csv.empty() ? std::string("no CSV column") : "; `" + std::string(f.csv) + "`";
        out += "| `" + std::string(f.key) + "` | " + typeText(f) + " | " + req + " | " + rangeText(f) + " | " + headers +
               " | " + std::string(f.meaning) + " |\n";
    }
    return out;
}

std::string regenerateDataDictionary(const std::string& document)
{
    std::string out = document;
    for (const auto& d : kindDescriptors()) {
        const std::string begin = "<!-- kind-table: " + std::string(d.name) + " -->\n";
        const auto at = out.find(begin);
        if (at == std::string::npos)
            throw std::invalid_argument("the data dictionary has no block \"" + begin.substr(0, begin.size() - 1) +
                                        "\" for kind " + std::string(d.name));
        const auto body = at + begin.size();
        const auto end = out.find(kEnd, body);
        if (end == std::string::npos)
            throw std::invalid_argument("the block for kind " + std::string(d.name) + " is not closed by " +
                                        std::string(kEnd));
        out.replace(body, end - body, kindFieldTable(d.kind));
    }
    return out;
}

}  // namespace taizhang
