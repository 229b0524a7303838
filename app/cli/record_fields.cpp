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

const std::vector<Kind>& recordKinds()
{
    static const std::vector<Kind> kinds{Kind::Homework, Kind::Sleep,       Kind::Activity, Kind::Timetable,
                                         Kind::Training, Kind::SchoolClass, Kind::Teacher};
    return kinds;
}

const std::vector<FieldSpec>& fieldsOf(Kind kind)
{
    static const std::vector<FieldSpec> homework{
        {"class", "class_id", T::ClassRef, true, {"班级"}},
        {"date", "date", T::Date, true, {"日期"}},
        {"subject", "subject", T::Subject, true, {"学科", "科目"}},
        {"minutes", "minutes", T::Int, true, {"时长", "分钟", "预计时长"}},
        {"written", "written", T::Bool, false, {"书面", "书面作业"}},
        {"at_home", "at_home", T::Bool, false, {"在家", "家庭作业"}},
        {"content", "content", T::Text, false, {"内容", "作业内容"}},
        {"teacher", "teacher_id", T::TeacherRef, false, {"教师", "布置教师"}},
        {"over_cap_reason", "over_cap_reason", T::Text, false, {"超时原因"}},
    };
    static const std::vector<FieldSpec> sleep{
        {"class", "class_id", T::ClassRef, true, {"班级"}},
        {"date", "date", T::Date, true, {"日期"}},
        {"surveyed", "surveyed", T::Int, true, {"调查人数"}},
        {"reaching_standard", "reaching_standard", T::Int, true, {"达标人数"}},
        {"average_hours", "average_hours", T::Real, true, {"平均时长", "平均睡眠时长"}},
    };
    static const std::vector<FieldSpec> activity{
        {"class", "class_id", T::ClassRef, true, {"班级"}},
        {"date", "date", T::Date, true, {"日期"}},
        {"pe_lesson_minutes", "pe_lesson_minutes", T::Int, false, {"体育课"}},
        {"long_break_minutes", "long_break_minutes", T::Int, false, {"大课间"}},
        {"long_break_sessions", "long_break_sessions", T::Int, false, {"大课间次数"}},
        {"after_school_minutes", "after_school_minutes", T::Int, false, {"课后体育"}},
        {"out_of_school_minutes", "out_of_school_minutes", T::Int, false, {"校外活动"}},
    };
    static const std::vector<FieldSpec> timetable{
        {"class", "class_id", T::ClassRef, true, {"班级"}},
        {"term", "term_id", T::TermRef, true, {"学期"}},
        {"weekday", "weekday", T::Int, true, {"星期"}},
        {"period", "period", T::Int, true, {"节次"}},
        {"subject", "subject", T::Subject, true, {"学科", "科目"}},
        {"teacher", "teacher_id", T::TeacherRef, false, {"教师", "任课教师"}},
    };
    static const std::vector<FieldSpec> training{
        {"teacher", "teacher_id", T::TeacherRef, true, {"教师"}},
        {"start", "start", T::Date, true, {"开始日期"}},
        {"end", "end", T::Date, true, {"结束日期"}},
        {"title", "title", T::Text, true, {"培训名称", "项目名称"}},
        {"level", "level", T::Text, false, {"级别"}},
        {"mode", "mode", T::Text, false, {"形式"}},
        {"hours", "hours", T::Real, true, {"学时"}},
        {"certificate_number", "certificate_number", T::Text, false, {"证书编号"}},
    };
    static const std::vector<FieldSpec> schoolClass{
        {"grade", "grade", T::Int, true, {"年级"}},
        {"name", "name", T::Text, true, {"班级", "班级名称"}},
        {"students", "students", T::Int, false, {"人数", "学生人数"}},
        {"subjects", "subjects", T::List, false, {"学科", "开设学科"}},
    };
    static const std::vector<FieldSpec> teacher{
        {"name", "name", T::Text, true, {"姓名"}},
        {"staff_number", "staff_number", T::Text, false, {"工号"}},
        {"subjects", "subjects", T::List, false, {"任教学科"}},
        {"hire_date", "hire_date", T::Date, true, {"入职日期"}},
        {"full_time", "full_time", T::Bool, false, {"专任", "全职"}},
    };
    static const std::vector<FieldSpec> none;
    switch (kind) {
    case Kind::Homework: return homework;
    case Kind::Sleep: return sleep;
    case Kind::Activity: return activity;
    case Kind::Timetable: return timetable;
    case Kind::Training: return training;
    case Kind::SchoolClass: return schoolClass;
    case Kind::Teacher: return teacher;
    default: return none;
    }
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
    default: return v.is_string() ? v.get<std::string>() : v.dump();
    }
}

}  // namespace taizhang::cli
