#include "validation.h"

#include <algorithm>

#include "subjects.h"
#include "typed_text.h"
#include "validation_issue.h"

namespace taizhang {

namespace detail {
bool subjectKnown(const std::string& code, const ValidationContext& ctx)
{
    if (isCustomSubjectCode(code)) return !ctx.checkReferences || ctx.customSubjects.count(code) > 0;
    return findNationalSubject(code).has_value();
}

void checkUnique(Kind kind, const Json& body, const ValidationContext& ctx, const std::string& id,
                 const std::string& code, const std::string& field, const std::string& zh, const std::string& en,
                 Issues& out)
{
    if (!ctx.findByKey) return;
    checkKeyFree(uniquenessKey(kind, body), ctx, id, code, field, zh, en, out);
}

void checkKeyFree(const std::string& key, const ValidationContext& ctx, const std::string& id, const std::string& code,
                  const std::string& field, const std::string& zh, const std::string& en, Issues& out)
{
    if (!ctx.findByKey || key.empty()) return;
    const auto other = ctx.findByKey(key);
    if (other && *other != id) out.push_back(makeIssue(code, field, zh, en + " (record " + *other + ")"));
}
}  // namespace detail

std::vector<ValidationIssue> validateBody(Kind kind, const Json& body, const ValidationContext& ctx,
                                          const std::string& recordId)
{
    auto out = validateShape(kind, body);
    if (!out.empty()) return out;
    switch (kind) {
    case Kind::SchoolClass: detail::validateClass(body, ctx, recordId, out); break;
    case Kind::Teacher: detail::validateTeacher(body, ctx, recordId, out); break;
    case Kind::Term: detail::validateTerm(body, ctx, recordId, out); break;
    case Kind::Subject: detail::validateSubject(body, ctx, recordId, out); break;
    case Kind::Homework: detail::validateHomework(body, ctx, recordId, out); break;
    case Kind::Sleep: detail::validateSleep(body, ctx, recordId, out); break;
    case Kind::Activity: detail::validateActivity(body, ctx, recordId, out); break;
    case Kind::Timetable: detail::validateTimetable(body, ctx, recordId, out); break;
    case Kind::Training: detail::validateTraining(body, ctx, recordId, out); break;
    }
    return out;
}

std::vector<ValidationIssue> validateRecord(const Record& record, const ValidationContext& ctx)
{
    // A tombstone only has to be readable: the record it deletes was valid when it was written,
    // and a term closing since then must not make the deletion impossible.
    if (record.meta.deleted) return validateShape(record.kind, record.body);
    return validateBody(record.kind, record.body, ctx, record.meta.id);
}

bool hasErrors(const std::vector<ValidationIssue>& issues)
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const ValidationIssue& i) { return i.severity == IssueSeverity::Error; });
}

std::string uniquenessKey(Kind kind, const Json& body)
{
    if (!body.is_object()) return {};
    const KindDescriptor& d = describe(kind);
    if (d.uniqueKey.empty()) return {};
    // A graduated (archived) class leaves its name to the class that moves up into it.
    if (!d.keyReleasedBy.empty())
        if (auto it = body.find(std::string(d.keyReleasedBy)); it != body.end() && !it->is_null()) return {};
    std::string key(d.name);
    for (const auto field : splitAliases(d.uniqueKey)) {
        auto it = body.find(std::string(field));
        const FieldDescriptor* f = findFieldDescriptor(kind, field);
        const bool integer = f && f->type == FieldType::Integer;
        std::string part;
        if (it == body.end()) return {};
        if (!integer && it->is_string())
            // Names are compared as people read them: 三年级１班 and " 三年级1班" are 三年级1班.
            part = d.foldKey ? normaliseTyped(it->get<std::string>()) : it->get<std::string>();
        else if (integer && it->is_number_integer())
            part = std::to_string(it->get<std::int64_t>());
        // A homework record of 无作业 has no subject: its key names the mark instead, so that it
        // is one per class-day and other homework of that day can find it.
        if (part.empty() && kind == Kind::Homework && field == "subject")
            if (auto none = body.find("none"); none != body.end() && none->is_boolean() && none->get<bool>())
                part = "(无作业)";
        if (part.empty()) return {};  // a key with a missing part is no key (a teacher without 工号)
        key += '|' + part;
    }
    return key;
}

bool isValidSchoolCode(std::string_view code)
{
    return code.size() == 10 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isValidCountyCode(std::string_view code)
{
    // GB/T 2260: two digits of province, two of city, two of county; 00 is never a county.
    return code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           code.substr(0, 2) != "00" && code.substr(4, 2) != "00";
}

std::vector<ValidationIssue> validateSchoolProfile(const SchoolProfile& p)
{
    std::vector<ValidationIssue> out;
    if (!isValidSchoolCode(p.code))
        out.push_back(makeIssue("school.code_invalid", "code", "学校标识码必须是10位数字",
                                "the school code (学校标识码) must be exactly 10 digits"));
    if (!isValidCountyCode(p.countyCode))
        out.push_back(makeIssue("school.county_code_invalid", "county_code",
                                "区县代码必须是6位行政区划代码（不以00结尾）",
                                "the county code must be a 6-digit administrative division code not ending in 00"));
    if (p.type != "primary" && p.type != "junior" && p.type != "nine_year")
        out.push_back(makeIssue("school.type_invalid", "type", "学校类型必须是小学、初中或九年一贯制",
                                "the school type must be primary, junior or nine_year"));
    if (p.name.empty())
        out.push_back(makeIssue("school.name_empty", "name", "请填写学校名称", "the school name is empty"));
    if (p.utcOffsetMinutes < -12 * 60 || p.utcOffsetMinutes > 14 * 60)
        out.push_back(makeIssue("school.utc_offset_invalid", "utc_offset_minutes", "时区偏移不合理",
                                "the UTC offset must lie between -720 and +840 minutes"));
    return out;
}

std::string describeIssues(const std::vector<ValidationIssue>& issues)
{
    std::string s;
    for (const auto& i : issues) {
        if (!s.empty()) s += '\n';
        s += i.severity == IssueSeverity::Error ? "error " : "warning ";
        s += i.code;
        if (!i.field.empty()) s += " [" + i.field + "]";
        s += ": " + i.messageEn;
    }
    return s;
}

Json toJson(const ValidationIssue& i)
{
    return Json{{"code", i.code},
                {"field", i.field},
                {"severity", i.severity == IssueSeverity::Error ? "error" : "warning"},
                {"message_zh", i.messageZh},
                {"message_en", i.messageEn}};
}

}  // namespace taizhang
