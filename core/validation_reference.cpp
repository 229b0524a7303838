// Semantic checks of reference data: classes, teachers, terms, custom subjects.
#include <string>

#include "policy.h"
#include "subjects.h"
#include "validation.h"
#include "validation_issue.h"

namespace taizhang::detail {

namespace {
void checkSubjectList(const std::vector<std::string>& subjects, int grade, const ValidationContext& ctx,
                      const std::string& prefix, Issues& out)
{
    for (const auto& code : subjects) {
        if (!subjectKnown(code, ctx)) {
            out.push_back(makeIssue(prefix + ".unknown_subject", "subjects", "未知科目代码 " + code,
                                    "unknown subject code '" + code + "' (not in the 2022 catalogue nor defined "
                                    "as a local or school-based course)"));
            continue;
        }
        if (grade == 0) continue;
        if (auto info = findNationalSubject(code); info && (grade < info->firstGrade || grade > info->lastGrade)) {
            out.push_back(makeWarning(prefix + ".subject_outside_grade", "subjects",
                                      info->nameZh + " 按2022年课程方案不在" + std::to_string(grade) + "年级开设",
                                      info->nameEn + " is not scheduled in grade " + std::to_string(grade) +
                                          " by the 2022 curriculum plan"));
        }
    }
}
}  // namespace

void validateClass(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto c = body.get<SchoolClass>();
    const bool gradeOk = c.grade >= 1 && c.grade <= 9;
    if (!gradeOk)
        out.push_back(makeIssue("class.grade_out_of_range", "grade", "年级必须在1到9之间",
                                "the grade must be between 1 and 9"));
    if (c.name.empty()) out.push_back(makeIssue("class.name_empty", "name", "请填写班级名称", "the class name is empty"));
    if (c.students < 0)
        out.push_back(makeIssue("class.students_negative", "students", "学生人数不能为负数",
                                "the number of students cannot be negative"));
    else if (c.students > kMaxClassStudents)
        out.push_back(makeIssue("class.students_out_of_range", "students",
                                "班级人数超过" + std::to_string(kMaxClassStudents) + "人，请核对",
                                "more than " + std::to_string(kMaxClassStudents) + " students in one class"));
    else if (gradeOk && c.students > (c.grade <= 6 ? 45 : 50))
        out.push_back(makeWarning("class.size_over_standard", "students",
                                  std::string("班额超过") + (c.grade <= 6 ? "45" : "50") + "人（优质均衡标准）",
                                  std::string("class size over ") + (c.grade <= 6 ? "45" : "50") +
                                      " (优质均衡 standard)"));
    if (gradeOk && ctx.school) {
        const bool primary = c.grade <= 6;
        if ((primary && !ctx.school->hasPrimary()) || (!primary && !ctx.school->hasJunior()))
            out.push_back(makeIssue("class.grade_not_in_school", "grade", "该年级不属于本校学段",
                                    "grade " + std::to_string(c.grade) + " is not taught in a school of type " +
                                        ctx.school->type));
    }
    checkSubjectList(c.subjects, gradeOk ? c.grade : 0, ctx, "class", out);
    for (std::size_t i = 0; i < c.history.size(); ++i) {
        const auto& p = c.history[i];
        const std::string field = "history[" + std::to_string(i) + "]";
        if (p.grade < 1 || p.grade > 9)
            out.push_back(makeIssue("class.grade_out_of_range", field, "年级必须在1到9之间",
                                    "the grade must be between 1 and 9 in " + field));
        if (p.name.empty())
            out.push_back(makeIssue("class.name_empty", field, "请填写班级名称", "the class name is empty in " + field));
        if (i > 0 && !(c.history[i - 1].until < p.until))
            out.push_back(makeIssue("class.history_out_of_order", field, "班级历史的日期必须从早到晚排列",
                                    "the class history must be in ascending date order"));
    }
    if (c.archivedFrom && !c.history.empty() && *c.archivedFrom <= c.history.back().until)
        out.push_back(makeIssue("class.archived_before_history", "archived_from", "毕业归档日期早于班级最后一次升级",
                                "the class is archived before its last grade change"));
    // Classes are found by name (CLI --class, CSV 班级 column, the county's reports): a second
    // 三年级1班 would make every later entry for either of them ambiguous.
    checkUnique(Kind::SchoolClass, body, ctx, id, "class.duplicate_name", "name",
                "班级「" + c.name + "」已存在，班级名称不能重复", "a class named '" + c.name + "' already exists", out);
}

void validateTeacher(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto t = body.get<Teacher>();
    if (t.name.empty()) out.push_back(makeIssue("teacher.name_empty", "name", "请填写教师姓名", "the teacher's name is empty"));
    if (ctx.today && t.hireDate > *ctx.today)
        out.push_back(makeIssue("teacher.hire_date_in_future", "hire_date", "入职日期不能晚于今天",
                                "the hire date " + t.hireDate.toString() + " is in the future"));
    if (t.hireDate.year < 1950)
        out.push_back(makeIssue("teacher.hire_date_absurd", "hire_date", "入职日期不合理",
                                "the hire date " + t.hireDate.toString() + " is before 1950"));
    checkSubjectList(t.subjects, 0, ctx, "teacher", out);
    for (std::size_t i = 0; i < t.away.size(); ++i) {
        const auto& p = t.away[i];
        const std::string field = "away[" + std::to_string(i) + "]";
        if (p.reason != "left" && p.reason != "transferred")
            out.push_back(makeIssue("teacher.away_reason_unknown", field, "离开原因只能是 离职 或 调出",
                                    "the reason must be 'left' or 'transferred'"));
        if (p.until && *p.until < p.from)
            out.push_back(makeIssue("teacher.away_end_before_start", field, "返校日期早于离开日期",
                                    "the teacher is back before leaving in " + field));
        if (p.from < t.hireDate)
            out.push_back(makeIssue("teacher.away_before_hire", field, "离开日期早于入职日期",
                                    "the teacher leaves before the hire date in " + field));
        if (i > 0 && (!t.away[i - 1].until || !(*t.away[i - 1].until < p.from)))
            out.push_back(makeIssue("teacher.away_overlaps", field, "离开时段重叠或未按时间顺序排列",
                                    "away periods must be in date order and must not overlap"));
    }
    checkUnique(Kind::Teacher, body, ctx, id, "teacher.duplicate_staff_number", "staff_number",
                "工号「" + t.staffNumber + "」已被其他教师使用，工号不能重复",
                "staff number '" + t.staffNumber + "' already belongs to another teacher", out);
}

void validateTerm(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto t = body.get<Term>();
    if (t.name.empty()) out.push_back(makeIssue("term.name_empty", "name", "请填写学期名称", "the term name is empty"));
    if (t.end < t.start) {
        out.push_back(makeIssue("term.end_before_start", "end", "学期结束日期早于开始日期",
                                "the term ends (" + t.end.toString() + ") before it starts (" + t.start.toString() + ")"));
        return;
    }
    if (daysInclusive(t.start, t.end) > 200)
        out.push_back(makeIssue("term.too_long", "end", "学期超过200天，请核对日期",
                                "a term longer than 200 days is not plausible"));
    for (std::size_t i = 0; i < t.holidays.size(); ++i) {
        const auto& h = t.holidays[i];
        const std::string field = "holidays[" + std::to_string(i) + "]";
        if (h.end < h.start)
            out.push_back(makeIssue("term.holiday_end_before_start", field, "假期结束日期早于开始日期",
                                    "holiday '" + h.name + "' ends before it starts"));
        else if (h.start < t.start || h.end > t.end)
            out.push_back(makeIssue("term.holiday_outside_term", field, "假期不在学期日期范围内",
                                    "holiday '" + h.name + "' lies outside the term"));
    }
    for (std::size_t i = 0; i < t.workdays.size(); ++i) {
        const Date& d = t.workdays[i];
        const std::string field = "workdays[" + std::to_string(i) + "]";
        if (d < t.start || d > t.end)
            out.push_back(makeIssue("term.workday_outside_term", field, "调休上班日 " + d.toString() + " 不在学期内",
                                    "the make-up working day " + d.toString() + " lies outside the term"));
        else if (d.isoWeekday() < 6)
            out.push_back(makeIssue("term.workday_not_weekend", field,
                                    "调休上班日 " + d.toString() + " 不是周六或周日（平日本来就上课）",
                                    "the make-up working day " + d.toString() +
                                        " is not a Saturday or Sunday (weekdays are school days anyway)"));
    }
    for (const auto& [key, value] : {std::pair{"primary_first_lesson", t.primaryFirstLesson},
                                     std::pair{"junior_first_lesson", t.juniorFirstLesson}}) {
        const auto minutes = minutesOfDay(value);
        if (!value.empty() && (!minutes || *minutes < 5 * 60 || *minutes > 12 * 60))
            out.push_back(makeIssue("term.first_lesson_invalid", key, "上午第一节课时间应写成 08:20（05:00 至 12:00 之间）",
                                    "the first lesson time must be HH:MM between 05:00 and 12:00, got '" + value + "'"));
    }
    for (const auto& [otherId, other] : ctx.terms) {
        if (otherId == id) continue;
        if (!(t.end < other.start || other.end < t.start))
            out.push_back(makeIssue("term.overlaps", "start", "学期日期与「" + other.name + "」重叠",
                                    "the term overlaps term '" + other.name + "' (" + otherId + ")"));
    }
}

void validateSubject(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto s = body.get<CustomSubject>();
    const bool local = s.code.rfind("local:", 0) == 0;
    if (!isCustomSubjectCode(s.code))
        out.push_back(makeIssue("subject.code_not_custom", "code", "自定义课程代码须以 local: 或 school: 开头",
                                "a custom course code must start with 'local:' or 'school:' followed by a name"));
    else if ((local && s.category != "local") || (!local && s.category != "school_based"))
        out.push_back(makeIssue("subject.category_mismatch", "category", "课程类别与代码前缀不一致",
                                "category must be 'local' for local: codes and 'school_based' for school: codes"));
    if (s.name.empty()) out.push_back(makeIssue("subject.name_empty", "name", "请填写课程名称", "the course name is empty"));
    checkUnique(Kind::Subject, body, ctx, id, "subject.duplicate_code", "code", "课程代码已存在",
                "course code '" + s.code + "' already exists", out);
}

}  // namespace taizhang::detail
