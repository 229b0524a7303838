// Strict body shape: the county server feeds untrusted NDJSON through here, so every field's JSON
// type is checked, required fields must be present and unknown fields are refused. The fields and
// their types are the kind's descriptor (record_kinds.h).
#include <span>
#include <string>
#include <vector>

#include "validation.h"
#include "validation_issue.h"

namespace taizhang {

namespace {
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

bool hasType(const Json& v, FieldType t, std::span<const FieldDescriptor> items);

// Each element an object holding exactly the item fields, of their types, required ones present.
bool objectsMatch(const Json& v, std::span<const FieldDescriptor> items)
{
    if (!v.is_array()) return false;
    for (const auto& e : v) {
        if (!e.is_object()) return false;
        for (auto it = e.begin(); it != e.end(); ++it) {
            const FieldDescriptor* spec = nullptr;
            for (const auto& f : items)
                if (it.key() == f.key) spec = &f;
            if (!spec) return false;
            if (it->is_null() ? spec->required : !hasType(*it, spec->type, spec->items)) return false;
        }
        for (const auto& f : items)
            if (f.required && !e.contains(std::string(f.key))) return false;
    }
    return true;
}

bool hasType(const Json& v, FieldType t, std::span<const FieldDescriptor> items)
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
    case FieldType::ObjectArray: return !items.empty() && objectsMatch(v, items);
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
    const auto schema = describe(kind).fields;
    for (const auto& f : schema) {
        const std::string name(f.key);
        auto it = body.find(name);
        if (it == body.end() || (it->is_null() && f.required)) {
            if (f.required)
                out.push_back(makeIssue("body.missing_field", name, "缺少必填字段 " + name,
                                        "required field '" + name + "' is missing"));
            continue;
        }
        if (it->is_null()) continue;  // an optional field may be null (= default)
        if (!hasType(*it, f.type, f.items)) {
            out.push_back(makeIssue("body.wrong_type", name, "字段 " + name + " 应为" + typeNameZh(f.type),
                                    "field '" + name + "' must be " + typeNameEn(f.type)));
        }
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        bool known = false;
        for (const auto& f : schema)
            if (it.key() == f.key) known = true;
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
    for (const auto& f : describe(kind).fields)
        if (auto it = body.find(std::string(f.key)); it != body.end()) out[std::string(f.key)] = *it;
    return out;
}

}  // namespace taizhang
