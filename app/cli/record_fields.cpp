#include "record_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "cli.h"
#include "typed_text.h"

namespace taizhang::cli {

namespace {
using T = FieldType;

std::string normalise(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (c == '-' || c == ' ') c = '_';
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out += c;
    }
    // Headers copied from spreadsheets often carry stray spaces around them.
    while (!out.empty() && out.back() == '_') out.pop_back();
    while (!out.empty() && out.front() == '_') out.erase(out.begin());
    return out;
}

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}
}  // namespace

// Reads the kinds' descriptors (core/record_kinds.h): what is recorded first, then reference data.
const std::vector<Kind>& recordKinds()
{
    static const std::vector<Kind> kinds = [] {
        std::vector<Kind> v;
        for (bool reference : {false, true})
            for (const auto& d : kindDescriptors())
                if (d.csv && d.reference == reference) v.push_back(d.kind);
        return v;
    }();
    return kinds;
}

namespace {
FieldType cliType(const FieldDescriptor& f)
{
    switch (f.type) {
    case taizhang::FieldType::Integer: return T::Int;
    case taizhang::FieldType::Number: return T::Real;
    case taizhang::FieldType::Boolean: return T::Bool;
    case taizhang::FieldType::Date: return T::Date;
    case taizhang::FieldType::StringArray: return T::List;
    case taizhang::FieldType::Holidays:     // not offered: no CSV kind has holidays
    case taizhang::FieldType::DateArray:    // term.workdays: `taizhang term add|edit --workday`
    case taizhang::FieldType::ObjectArray:  // class.history, teacher.away: written by their commands
        return T::Text;
    case taizhang::FieldType::String: break;
    }
    switch (f.ref) {
    case FieldRef::Class: return T::ClassRef;
    case FieldRef::Teacher: return T::TeacherRef;
    case FieldRef::Term: return T::TermRef;
    case FieldRef::Subject: return T::Subject;
    case FieldRef::None: break;
    }
    return T::Text;
}

std::vector<FieldSpec> specsOf(Kind kind)
{
    std::vector<FieldSpec> out;
    const KindDescriptor& d = describe(kind);
    if (!d.csv) return out;
    for (const auto& f : d.fields) {
        if (f.csv.empty()) continue;  // no CSV column or option: the school-year fields have commands
        std::vector<std::string> aliases;
        for (auto a : splitAliases(f.csvZh)) aliases.emplace_back(a);
        out.push_back(FieldSpec{std::string(f.csv), std::string(f.key), cliType(f), f.required, std::move(aliases)});
    }
    return out;
}
}  // namespace

const std::vector<FieldSpec>& fieldsOf(Kind kind)
{
    static const std::vector<std::vector<FieldSpec>> specs = [] {
        std::vector<std::vector<FieldSpec>> v;
        for (Kind k : allKinds()) v.push_back(specsOf(k));
        return v;
    }();
    return specs[static_cast<std::size_t>(kind)];
}

Kind parseRecordKind(const std::string& text)
{
    auto kind = kindFromName(text);
    if (kind && !fieldsOf(*kind).empty()) return *kind;
    std::string names;
    for (Kind k : recordKinds()) names += (names.empty() ? "" : ", ") + std::string(kindName(k));
    throw usageError("unknown record kind '" + text + "'; use one of " + names);
}

const FieldSpec* findField(Kind kind, std::string_view nameOrAlias)
{
    const std::string n = normalise(nameOrAlias);
    for (const auto& f : fieldsOf(kind)) {
        if (f.name == n || f.key == n) return &f;
        for (const auto& a : f.aliases)
            if (a == trim(nameOrAlias)) return &f;
    }
    return nullptr;
}

std::optional<Json> convertField(const FieldSpec& spec, std::string_view raw, const References& refs,
                                 std::string& problem)
{
    const std::string text = trim(raw);
    switch (spec.type) {
    case T::Text:
        return Json(std::string(raw));
    case T::Int: {
        // Read as typed: ３０ from a Chinese input method is 30 (core/typed_text.h).
        const auto v = parseTypedInteger(text);
        if (!v || *v < INT32_MIN || *v > INT32_MAX) {
            problem = "must be a whole number, got '" + text + "'";
            return std::nullopt;
        }
        return Json(static_cast<int>(*v));
    }
    case T::Real: {
        const auto v = parseTypedDecimal(text);
        if (!v) {
            problem = "must be a number such as 9.5, got '" + text + "'";
            return std::nullopt;
        }
        return Json(*v);
    }
    case T::Bool: {
        const std::string n = normalise(normaliseTyped(text));
        if (n == "yes" || n == "y" || n == "true" || n == "1" || text == "是") return Json(true);
        if (n == "no" || n == "n" || n == "false" || n == "0" || text == "否") return Json(false);
        problem = "must be yes or no (是/否), got '" + text + "'";
        return std::nullopt;
    }
    case T::Date: {
        // 2026-09-01, 2026/9/1 (Excel), 2026.9.1, 2026年9月1日, full-width digits: core/typed_text.h.
        if (auto date = parseTypedDate(text)) return Json(date->toString());
        problem = "must be a date as YYYY-MM-DD (also 2026/9/1, 2026年9月1日), got '" + text + "'";
        return std::nullopt;
    }
    case T::ClassRef:
    case T::TeacherRef:
    case T::TermRef:
    case T::Subject: {
        // No subject: a homework record of 无作业 (core refuses it for any other homework).
        if (spec.type == T::Subject && text.empty()) return Json(std::string());
        const Resolved r = spec.type == T::ClassRef     ? refs.findClass(text)
                           : spec.type == T::TeacherRef ? refs.findTeacher(text)
                           : spec.type == T::TermRef    ? refs.findTerm(text)
                                                        : refs.findSubject(text);
        if (!r.ok()) {
            problem = r.problem;
            return std::nullopt;
        }
        return Json(r.id);
    }
    case T::List: {
        Json list = Json::array();
        std::string item;
        // 数学;科学 (our export), 数学,科学 or 数学、科学 / 数学，科学 as typed in Chinese.
        std::string folded = normaliseTyped(text);
        for (auto p = folded.find("、"); p != std::string::npos; p = folded.find("、")) folded.replace(p, 3, ",");
        std::istringstream in(folded);
        while (std::getline(in, item, folded.find(';') != std::string::npos ? ';' : ',')) {
            item = trim(item);
            if (item.empty()) continue;
            const Resolved r = refs.findSubject(item);
            if (!r.ok()) {
                problem = r.problem;
                return std::nullopt;
            }
            list.push_back(r.id);
        }
        return list;
    }
    }
    return std::nullopt;
}

void completeNoHomework(Kind kind, Json& body)
{
    if (kind != Kind::Homework) return;
    const auto none = body.find("none");
    if (none == body.end() || !none->is_boolean() || !none->get<bool>()) return;
    if (!body.contains("subject")) body["subject"] = "";
    if (!body.contains("minutes")) body["minutes"] = 0;
}

std::string displayField(const FieldSpec& spec, const Json& body, const References& refs)
{
    auto it = body.find(spec.key);
    if (it == body.end() || it->is_null()) return {};
    const Json& v = *it;
    switch (spec.type) {
    case T::Bool: return v.is_boolean() ? (v.get<bool>() ? "yes" : "no") : v.dump();
    case T::ClassRef: return v.is_string() ? refs.className(v.get<std::string>()) : v.dump();
    case T::TeacherRef: return v.is_string() ? refs.teacherLabel(v.get<std::string>()) : v.dump();
    case T::TermRef: return v.is_string() ? refs.termName(v.get<std::string>()) : v.dump();
    case T::Subject: return v.is_string() ? References::subjectName(v.get<std::string>()) : v.dump();
    case T::List: {
        std::string out;
        if (v.is_array())
            for (const auto& s : v) out += (out.empty() ? "" : ";") + (s.is_string() ? s.get<std::string>() : s.dump());
        return out;
    }
    case T::Real: {
        if (!v.is_number()) return v.dump();
        std::ostringstream o;
        o << v.get<double>();
        return o.str();
    }
    case T::Text:
    case T::Int:
    case T::Date: break;
    }
    return v.is_string() ? v.get<std::string>() : v.dump();
}

}  // namespace taizhang::cli
