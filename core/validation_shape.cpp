// Strict body shape: the county server feeds untrusted NDJSON through here, so every field's JSON
// type is checked, required fields must be present and unknown fields are refused.
#include <string>
#include <vector>

#include "validation.h"
#include "validation_issue.h"

namespace taizhang {

namespace {
enum class FieldType { String, Integer, Number, Boolean, Date, StringArray, Holidays, DateArray, ObjectArray };

struct FieldSpec {
    const char* name;
    FieldType type;
    bool required;
    const std::vector<FieldSpec>* items = nullptr;  // ObjectArray: the fields of each element
};

using F = FieldType;
// class.history[]: the grade and name a class had up to `until` (records.h ClassPeriod).
const std::vector<FieldSpec> kClassPeriod{
    {"until", F::Date, true}, {"grade", F::Integer, true}, {"name", F::String, true}, {"subjects", F::StringArray, false}};
// teacher.away[]: left / transferred out from `from`, back after `until`.
const std::vector<FieldSpec> kAwayPeriod{{"from", F::Date, true}, {"until", F::Date, false}, {"reason", F::String, true}};

const std::vector<FieldSpec>& schemaOf(Kind kind)
{
    static const std::vector<FieldSpec> klass{
        {"grade", F::Integer, true}, {"name", F::String, true}, {"students", F::Integer, false},
        {"subjects", F::StringArray, false},
        {"history", F::ObjectArray, false, &kClassPeriod}, {"archived_from", F::Date, false},
        {"opened_from", F::Date, false}};
    static const std::vector<FieldSpec> teacher{
        {"name", F::String, true}, {"staff_number", F::String, false}, {"subjects", F::StringArray, false},
        {"hire_date", F::Date, true}, {"full_time", F::Boolean, false}, {"away", F::ObjectArray, false, &kAwayPeriod}};
    static const std::vector<FieldSpec> term{{"name", F::String, true},
                                             {"start", F::Date, true},
                                             {"end", F::Date, true},
                                             {"holidays", F::Holidays, false},
                                             {"workdays", F::DateArray, false},
                                             {"primary_first_lesson", F::String, false},
                                             {"junior_first_lesson", F::String, false}};
    static const std::vector<FieldSpec> subject{
        {"code", F::String, true}, {"name", F::String, true}, {"category", F::String, false}};
    static const std::vector<FieldSpec> homework{
        {"class_id", F::String, true}, {"date", F::Date, true},         {"subject", F::String, true},
        {"minutes", F::Integer, true}, {"written", F::Boolean, false},  {"at_home", F::Boolean, false},
        {"content", F::String, false}, {"teacher_id", F::String, false}, {"over_cap_reason", F::String, false}};
    static const std::vector<FieldSpec> sleep{
        {"class_id", F::String, true}, {"date", F::Date, true}, {"surveyed", F::Integer, true},
        {"reaching_standard", F::Integer, true}, {"average_hours", F::Number, true}};
    static const std::vector<FieldSpec> activity{
        {"class_id", F::String, true},
        {"date", F::Date, true},
        {"pe_lesson_minutes", F::Integer, false},
        {"long_break_minutes", F::Integer, false},
        {"long_break_sessions", F::Integer, false},
        {"after_school_minutes", F::Integer, false},
        {"out_of_school_minutes", F::Integer, false}};
    static const std::vector<FieldSpec> timetable{
        {"class_id", F::String, true}, {"term_id", F::String, true}, {"weekday", F::Integer, true},
        {"period", F::Integer, true},  {"subject", F::String, true}, {"teacher_id", F::String, false},
        {"draft", F::Boolean, false}};
    static const std::vector<FieldSpec> training{
        {"teacher_id", F::String, true}, {"start", F::Date, true},  {"end", F::Date, true},
        {"title", F::String, true},      {"level", F::String, false}, {"mode", F::String, false},
        {"hours", F::Number, true},      {"certificate_number", F::String, false}};
    switch (kind) {
    case Kind::SchoolClass: return klass;
    case Kind::Teacher: return teacher;
    case Kind::Term: return term;
    case Kind::Subject: return subject;
    case Kind::Homework: return homework;
    case Kind::Sleep: return sleep;
    case Kind::Activity: return activity;
    case Kind::Timetable: return timetable;
    case Kind::Training: return training;
    }
    return homework;
}

const char* typeNameEn(FieldType t)
{
    switch (t) {
    case FieldType::String: return "a string";
    case FieldType::Integer: return "an integer";
    case FieldType::Number: return "a number";
    case FieldType::Boolean: return "true or false";
    case FieldType::Date: return "a YYYY-MM-DD date";
    case FieldType::StringArray: return "an array of strings";
    case FieldType::Holidays: return "an array of holidays {name, start, end}";
    case FieldType::DateArray: return "an array of YYYY-MM-DD dates";
    case FieldType::ObjectArray: return "an array of objects with the documented fields";
    }
    return "?";
}

const char* typeNameZh(FieldType t)
{
    switch (t) {
    case FieldType::String: return "文本";
    case FieldType::Integer: return "整数";
    case FieldType::Number: return "数字";
    case FieldType::Boolean: return "是/否";
    case FieldType::Date: return "日期 (YYYY-MM-DD)";
    case FieldType::StringArray: return "文本列表";
    case FieldType::Holidays: return "假期列表 {name, start, end}";
    case FieldType::DateArray: return "日期列表";
    case FieldType::ObjectArray: return "对象列表（字段见数据字典）";
    }
    return "?";
}

bool isDateString(const Json& v) { return v.is_string() && Date::parse(v.get_ref<const std::string&>()).has_value(); }

bool hasType(const Json& v, FieldType t, const std::vector<FieldSpec>* items);

// Each element an object holding exactly the item fields, of their types, required ones present.
bool objectsMatch(const Json& v, const std::vector<FieldSpec>& items)
{
    if (!v.is_array()) return false;
    for (const auto& e : v) {
        if (!e.is_object()) return false;
        for (auto it = e.begin(); it != e.end(); ++it) {
            const FieldSpec* spec = nullptr;
            for (const auto& f : items)
                if (it.key() == f.name) spec = &f;
            if (!spec) return false;
            if (it->is_null() ? spec->required : !hasType(*it, spec->type, spec->items)) return false;
        }
        for (const auto& f : items)
            if (f.required && !e.contains(f.name)) return false;
    }
    return true;
}

bool hasType(const Json& v, FieldType t, const std::vector<FieldSpec>* items)
{
    switch (t) {
    case FieldType::String: return v.is_string();
    case FieldType::Integer: return v.is_number_integer();  // includes unsigned; 60.0 is refused
    case FieldType::Number: return v.is_number();
    case FieldType::Boolean: return v.is_boolean();
    case FieldType::Date: return isDateString(v);
    case FieldType::StringArray:
        if (!v.is_array()) return false;
        for (const auto& e : v)
            if (!e.is_string()) return false;
        return true;
    case FieldType::Holidays:
        if (!v.is_array()) return false;
        for (const auto& h : v) {
            if (!h.is_object()) return false;
            for (auto it = h.begin(); it != h.end(); ++it) {
                const auto& k = it.key();
                if (k == "name") {
                    if (!it->is_string()) return false;
                } else if (k == "start" || k == "end") {
                    if (!isDateString(*it)) return false;
                } else {
                    return false;
                }
            }
            if (!h.contains("start") || !h.contains("end")) return false;
        }
        return true;
    case FieldType::DateArray:
        if (!v.is_array()) return false;
        for (const auto& e : v)
            if (!isDateString(e)) return false;
        return true;
    case FieldType::ObjectArray: return items && objectsMatch(v, *items);
    }
    return false;
}
}  // namespace

std::vector<ValidationIssue> validateShape(Kind kind, const Json& body)
{
    std::vector<ValidationIssue> out;
    if (!body.is_object()) {
        out.push_back(makeIssue("body.not_object", "", "记录内容必须是 JSON 对象", "the record body must be a JSON object"));
        return out;
    }
    const auto& schema = schemaOf(kind);
    for (const auto& f : schema) {
        auto it = body.find(f.name);
        if (it == body.end() || (it->is_null() && f.required)) {
            if (f.required)
                out.push_back(makeIssue("body.missing_field", f.name, std::string("缺少必填字段 ") + f.name,
                                        std::string("required field '") + f.name + "' is missing"));
            continue;
        }
        if (it->is_null()) continue;  // an optional field may be null (= default)
        if (!hasType(*it, f.type, f.items)) {
            out.push_back(makeIssue("body.wrong_type", f.name,
                                    std::string("字段 ") + f.name + " 应为" + typeNameZh(f.type),
                                    std::string("field '") + f.name + "' must be " + typeNameEn(f.type)));
        }
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        bool known = false;
        for (const auto& f : schema)
            if (it.key() == f.name) known = true;
        if (!known)
            out.push_back(makeIssue("body.unknown_field", it.key(), "未知字段 " + it.key(),
                                    "unknown field '" + it.key() + "' for kind " + std::string(kindName(kind))));
    }
    return out;
}

Json knownFieldsOnly(Kind kind, const Json& body)
{
    if (!body.is_object()) return body;
    Json out = Json::object();
    for (const auto& f : schemaOf(kind))
        if (auto it = body.find(f.name); it != body.end()) out[f.name] = *it;
    return out;
}

}  // namespace taizhang
