// Semantic checks of the daily kinds: homework, sleep, activity, timetable, training.
#include <algorithm>
#include <cmath>
#include <string>

#include "no_homework_day.h"
#include "subjects.h"
#include "validation.h"
#include "validation_issue.h"

namespace taizhang::detail {

namespace {
std::string n(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The class a record names, or nullptr (reporting "<prefix>.unknown_class" when references are
// checked). A graduated class takes no record dated on or after its archive day.
const SchoolClass* lookupClass(const std::string& classId, const ValidationContext& ctx, const std::string& prefix,
                               Issues& out, const Date* day = nullptr)
{
    auto it = ctx.classes.find(classId);
    if (it != ctx.classes.end()) {
        if (day && it->second.archivedOn(*day))
            out.push_back(makeIssue(prefix + ".class_archived", "class_id",
                                    "班级「" + it->second.nameOn(*day) + "」已于 " + it->second.archivedFrom->toString() +
                                        " 毕业归档，不能再记录此后的数据",
                                    "class '" + it->second.nameOn(*day) + "' was archived (graduated) on " +
                                        it->second.archivedFrom->toString() + "; no records from that day"));
        if (day && it->second.openedFrom && *day < *it->second.openedFrom)
            out.push_back(makeIssue(prefix + ".class_not_open", "class_id",
                                    "班级「" + it->second.name + "」从 " + it->second.openedFrom->toString() + " 起才开班",
                                    "class '" + it->second.name + "' opens on " + it->second.openedFrom->toString() +
                                        "; no records before"));
        return &it->second;
    }
    if (ctx.checkReferences)
        out.push_back(makeIssue(prefix + ".unknown_class", "class_id", "找不到该班级",
                                "no class with id '" + classId + "'"));
    return nullptr;
}

void checkTeacher(const std::string& teacherId, const ValidationContext& ctx, const std::string& prefix,
                  bool required, Issues& out)
{
    if (teacherId.empty()) {
        if (required) out.push_back(makeIssue(prefix + ".teacher_missing", "teacher_id", "请选择教师", "no teacher given"));
        return;
    }
    if (ctx.checkReferences && !ctx.teachers.count(teacherId))
        out.push_back(makeIssue(prefix + ".unknown_teacher", "teacher_id", "找不到该教师",
                                "no teacher with id '" + teacherId + "'"));
}

// The day must not be in the future and, for class records, must fall on a term day.
void checkDay(const Date& day, const ValidationContext& ctx, const std::string& prefix, bool needsTerm, Issues& out,
              const char* field = "date")
{
    if (ctx.today && day > *ctx.today)
        out.push_back(makeIssue(prefix + ".date_in_future", field, "日期 " + day.toString() + " 晚于今天",
                                "the date " + day.toString() + " is after today (" + ctx.today->toString() + ")"));
    if (!needsTerm || !ctx.checkCalendar) return;
    const Term* term = nullptr;
    for (const auto& [id, t] : ctx.terms)
        if (day >= t.start && day <= t.end) term = &t;
    if (!term) {
        out.push_back(makeIssue(prefix + ".date_outside_term", field,
                                ctx.terms.empty() ? "尚未设置学期，请先添加学期" : "日期 " + day.toString() + " 不在任何学期内",
                                ctx.terms.empty() ? "no term is set up yet; add the term calendar first"
                                                  : "the date " + day.toString() + " lies outside every term"));
        return;
    }
    for (const auto& h : term->holidays) {
        if (day >= h.start && day <= h.end) {
            out.push_back(makeWarning(prefix + ".date_in_holiday", field, "日期 " + day.toString() + " 是假期（" + h.name + "）",
                                      "the date " + day.toString() + " falls in the holiday '" + h.name + "'"));
            return;
        }
    }
    const bool makeUpWorkday =
        std::find(term->workdays.begin(), term->workdays.end(), day) != term->workdays.end();  // 调休
    if (day.isoWeekday() >= 6 && !makeUpWorkday)
        out.push_back(makeWarning(prefix + ".date_weekend", field, "日期 " + day.toString() + " 是周末",
                                  "the date " + day.toString() + " is a weekend day"));
}

// The class takes the subject on the day: listed in the class's subjects then (or the grade's
// defaults when the class lists none); a custom course defined by the school is always allowed.
void checkSubjectTaken(const std::string& code, const SchoolClass* klass, const Date& day, const ValidationContext& ctx,
                       const std::string& prefix, Issues& out)
{
    if (!subjectKnown(code, ctx)) {
        out.push_back(makeIssue(prefix + ".unknown_subject", "subject", "未知科目代码 " + code,
                                "unknown subject code '" + code + "'"));
        return;
    }
    if (!klass || isCustomSubjectCode(code)) return;
    const auto& listed = klass->subjectsOn(day);
    const auto subjects = listed.empty() ? defaultSubjectsForGrade(klass->gradeOn(day)) : listed;
    if (std::find(subjects.begin(), subjects.end(), code) == subjects.end()) {
        const auto info = findNationalSubject(code);
        const std::string& name = klass->nameOn(day);
        out.push_back(makeIssue(prefix + ".subject_not_taken", "subject", name + " 没有开设" + (info ? info->nameZh : code),
                                "class '" + name + "' does not take " + (info ? info->nameEn : code)));
    }
}
}  // namespace

namespace {
// 无作业 (the homework body's "none"): no subject, no minutes, and no other homework of the class-day (each
// subject the class takes that day, and the school's own courses, asked by uniqueness key).
void validateNoHomework(const Homework& h, const Json& body, const SchoolClass* klass, const ValidationContext& ctx,
                        const std::string& id, Issues& out)
{
    if (!h.subject.empty())
        out.push_back(makeIssue("homework.none_with_subject", "subject", "登记“无作业”时不填学科",
                                "a no-homework (无作业) record has no subject"));
    if (h.minutes != 0)
        out.push_back(makeIssue("homework.none_with_minutes", "minutes", "登记“无作业”时分钟数应为 0",
                                "a no-homework (无作业) record has 0 minutes"));
    checkUnique(Kind::Homework, body, ctx, id, "homework.duplicate", "none", "该班级当天已登记“无作业”",
                "the class-day is already recorded as no homework (无作业)", out);
    if (!klass || !ctx.findByKey) return;
    std::vector<std::string> subjects = klass->subjectsOn(h.date);
    if (subjects.empty()) subjects = defaultSubjectsForGrade(klass->gradeOn(h.date));
    for (const auto& [code, course] : ctx.customSubjects) subjects.push_back(code);
    for (const auto& subject : subjects) {
        Json other = body;
        other["subject"] = subject;
        other.erase("none");
        const auto found = ctx.findByKey(uniquenessKey(Kind::Homework, other));
        if (found && *found != id) {
            out.push_back(makeIssue("homework.none_but_homework", "none", "该班级当天已登记作业，不能再登记“无作业”",
                                    "the class already has homework recorded that day (record " + *found + ")"));
            return;
        }
    }
}
}  // namespace

void validateHomework(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto h = body.get<Homework>();
    const SchoolClass* klass = lookupClass(h.classId, ctx, "homework", out, &h.date);
    checkDay(h.date, ctx, "homework", true, out);
    // 无作业 ("none": true, docs/data-dictionary.md): the class-day's only homework record.
    if (h.none) {
        validateNoHomework(h, body, klass, ctx, id, out);
        return;
    }
    if (h.minutes < 0)
        out.push_back(makeIssue("homework.minutes_negative", "minutes", "作业时长不能为负数",
                                "homework minutes cannot be negative"));
    else if (h.minutes > kMaxHomeworkMinutes)
        out.push_back(makeIssue("homework.minutes_absurd", "minutes",
                                "单科作业时长超过" + std::to_string(kMaxHomeworkMinutes) + "分钟，请核对",
                                "more than " + std::to_string(kMaxHomeworkMinutes) +
                                    " minutes of homework in one subject is not plausible"));
    if (h.subject.empty())  // only a 无作业 record has no subject
        out.push_back(makeIssue("homework.subject_missing", "subject", "请填写学科；当天没有作业请登记“无作业”",
                                "a subject is required; record 无作业 (no homework) for a day without homework"));
    else
        checkSubjectTaken(h.subject, klass, h.date, ctx, "homework", out);
    checkTeacher(h.teacherId, ctx, "homework", false, out);
    if (h.content.size() > 4000)
        out.push_back(makeIssue("homework.content_too_long", "content", "作业内容过长（最多约1300字）",
                                "the homework content is longer than 4000 bytes"));
    if (h.overCapReason.size() > 1000)
        out.push_back(makeIssue("homework.reason_too_long", "over_cap_reason", "超时原因过长",
                                "the over-cap reason is longer than 1000 bytes"));
    // A class-day marked 无作业 takes no homework until that record is deleted (the same key the
    // county checks across computers, core/no_homework_day.h).
    if (ctx.findByKey)
        checkKeyFree(noHomeworkKey(body), ctx, id, "homework.day_marked_none", "subject",
                     "该班级当天已登记“无作业”，如需布置作业，请先删除“无作业”记录",
                     "the class-day is recorded as no homework (无作业); delete that record first", out);
    checkUnique(Kind::Homework, body, ctx, id, "homework.duplicate", "subject", "该班级当天已有这一科的作业记录，请修改原记录",
                "the class already has a homework entry for this subject on " + h.date.toString() +
                    "; edit that entry instead",
                out);
}

void validateSleep(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto s = body.get<SleepSurvey>();
    const SchoolClass* klass = lookupClass(s.classId, ctx, "sleep", out, &s.date);
    checkDay(s.date, ctx, "sleep", true, out);
    if (s.surveyed < 1)
        out.push_back(makeIssue("sleep.surveyed_not_positive", "surveyed", "调查人数必须大于0",
                                "at least one student must be surveyed"));
    else if (klass && klass->students > 0 && s.surveyed > klass->students)
        out.push_back(makeIssue("sleep.surveyed_exceeds_students", "surveyed",
                                "调查人数超过班级人数（" + std::to_string(klass->students) + "）",
                                "more students surveyed (" + std::to_string(s.surveyed) + ") than the class has (" +
                                    std::to_string(klass->students) + ")"));
    if (s.reachingStandard < 0)
        out.push_back(makeIssue("sleep.reaching_negative", "reaching_standard", "达标人数不能为负数",
                                "students reaching the standard cannot be negative"));
    else if (s.reachingStandard > s.surveyed)
        out.push_back(makeIssue("sleep.reaching_exceeds_surveyed", "reaching_standard", "达标人数超过调查人数",
                                "more students reach the standard (" + std::to_string(s.reachingStandard) +
                                    ") than were surveyed (" + std::to_string(s.surveyed) + ")"));
    if (!std::isfinite(s.averageHours) || s.averageHours < 0)
        out.push_back(makeIssue("sleep.average_negative", "average_hours", "平均睡眠时间不能为负数",
                                "the average sleep cannot be negative"));
    else if (s.averageHours > 24)
        out.push_back(makeIssue("sleep.average_over_24h", "average_hours", "平均睡眠时间不能超过24小时",
                                "an average of " + n(s.averageHours) + " h of sleep is over 24 hours"));
    else if (s.averageHours < 4 || s.averageHours > 14)
        out.push_back(makeWarning("sleep.average_implausible", "average_hours", "平均睡眠时间不太合理，请核对",
                                  "an average of " + n(s.averageHours) + " h of sleep is implausible"));
    checkUnique(Kind::Sleep, body, ctx, id, "sleep.duplicate", "date", "该班级当天已有睡眠调查记录，请修改原记录",
                "the class already has a sleep survey on " + s.date.toString() + "; edit it instead", out);
}

void validateActivity(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto a = body.get<PhysicalActivity>();
    lookupClass(a.classId, ctx, "activity", out, &a.date);
    checkDay(a.date, ctx, "activity", true, out);
    struct Bound {
        const char* field;
        int value;
        int max;
    };
    // The plausible maxima are the fields' ranges in core's kind table (record_kinds.cpp).
    auto maxOf = [](const char* field) { return static_cast<int>(*findFieldDescriptor(Kind::Activity, field)->max); };
    const Bound bounds[] = {{"pe_lesson_minutes", a.peLessonMinutes, maxOf("pe_lesson_minutes")},
                            {"long_break_minutes", a.longBreakMinutes, maxOf("long_break_minutes")},
                            {"after_school_minutes", a.afterSchoolMinutes, maxOf("after_school_minutes")},
                            {"out_of_school_minutes", a.outOfSchoolMinutes, maxOf("out_of_school_minutes")}};
    for (const auto& b : bounds) {
        if (b.value < 0)
            out.push_back(makeIssue("activity.minutes_negative", b.field, "活动时长不能为负数",
                                    std::string(b.field) + " cannot be negative"));
        else if (b.value > b.max)
            out.push_back(makeIssue("activity.minutes_absurd", b.field,
                                    "活动时长超过" + std::to_string(b.max) + "分钟，请核对",
                                    std::string(b.field) + " over " + std::to_string(b.max) + " minutes is not plausible"));
    }
    if (a.longBreakSessions < 0 || a.longBreakSessions > 6)
        out.push_back(makeIssue("activity.sessions_out_of_range", "long_break_sessions", "大课间次数应在0到6之间",
                                "long_break_sessions must be between 0 and 6"));
    else if (a.longBreakMinutes > 0 && a.longBreakSessions == 0)
        out.push_back(makeWarning("activity.sessions_missing", "long_break_sessions", "填写了大课间时长但没有填写次数",
                                  "long-break minutes given without the number of sessions"));
    checkUnique(Kind::Activity, body, ctx, id, "activity.duplicate", "date", "该班级当天已有体育活动记录，请修改原记录",
                "the class already has an activity entry on " + a.date.toString() + "; edit it instead", out);
}

void validateTimetable(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out)
{
    const auto t = body.get<TimetableSlot>();
    const SchoolClass* klass = lookupClass(t.classId, ctx, "timetable", out);
    if (ctx.checkReferences && !ctx.terms.count(t.termId))
        out.push_back(makeIssue("timetable.unknown_term", "term_id", "找不到该学期", "no term with id '" + t.termId + "'"));
    if (t.weekday < 1 || t.weekday > 7)
        out.push_back(makeIssue("timetable.weekday_out_of_range", "weekday", "星期必须在1（周一）到7（周日）之间",
                                "weekday must be 1 (Monday) to 7 (Sunday)"));
    if (t.period < 1 || t.period > kMaxPeriodsPerDay)
        out.push_back(makeIssue("timetable.period_out_of_range", "period",
                                "节次必须在1到" + std::to_string(kMaxPeriodsPerDay) + "之间",
                                "period must be 1 to " + std::to_string(kMaxPeriodsPerDay)));
    // The plan is judged by the grade the class has when its term starts.
    auto term = ctx.terms.find(t.termId);
    const Date planDay = term != ctx.terms.end() ? term->second.start : ctx.today.value_or(Date{9999, 12, 31});
    checkSubjectTaken(t.subject, klass, planDay, ctx, "timetable", out);
    checkTeacher(t.teacherId, ctx, "timetable", false, out);
    checkUnique(Kind::Timetable, body, ctx, id, "timetable.duplicate_slot", "period", "该班级这一节已经排了课",
                "the class already has a lesson on weekday " + std::to_string(t.weekday) + ", period " +
                    std::to_string(t.period) + " in this term",
                out);
}

void validateTraining(const Json& body, const ValidationContext& ctx, const std::string&, Issues& out)
{
    const auto t = body.get<TrainingRecord>();
    checkTeacher(t.teacherId, ctx, "training", true, out);
    if (t.title.empty()) out.push_back(makeIssue("training.title_empty", "title", "请填写培训名称", "the training title is empty"));
    if (t.end < t.start) {
        out.push_back(makeIssue("training.end_before_start", "end", "结束日期早于开始日期",
                                "the training ends (" + t.end.toString() + ") before it starts (" + t.start.toString() + ")"));
    } else {
        // Only a finished course is recorded (its hours count on its end date); said in the
        // training form's words, which is where people meet it.
        if (ctx.today && t.end > *ctx.today)
            out.push_back(makeIssue("training.date_in_future", "end",
                                    "只能登记已结束的培训：结束日期 " + t.end.toString() + " 晚于今天",
                                    "only a finished course can be recorded: it ends " + t.end.toString() +
                                        ", after today (" + ctx.today->toString() + ")"));
        const auto days = daysInclusive(t.start, t.end);
        if (t.hours > kMaxTrainingHoursPerDay * static_cast<double>(days))
            out.push_back(makeIssue("training.hours_exceed_dates", "hours",
                                    "学时超过培训天数允许的上限（每天" + n(kMaxTrainingHoursPerDay) + "学时）",
                                    n(t.hours) + " hours over " + std::to_string(days) + " day(s) exceeds " +
                                        n(kMaxTrainingHoursPerDay) + " hours per day"));
    }
    if (!std::isfinite(t.hours) || t.hours <= 0)
        out.push_back(makeIssue("training.hours_not_positive", "hours", "学时必须大于0", "training hours must be positive"));
    else if (t.hours > kMaxTrainingHoursPerRecord)  // a plausibility bound, no policy source (record_kinds.h)
        out.push_back(makeIssue("training.hours_absurd", "hours",
                                "学时应为 0 到 " + n(kMaxTrainingHoursPerRecord) + " 之间的数，例如 24 或 1.5",
                                "more than " + n(kMaxTrainingHoursPerRecord) + " hours in one training record is "
                                "not plausible; split a longer programme into its courses"));
    static const char* levels[] = {"national", "provincial", "municipal", "county", "school"};
    static const char* modes[] = {"in_person", "online", "blended"};
    if (std::none_of(std::begin(levels), std::end(levels), [&](const char* l) { return t.level == l; }))
        out.push_back(makeIssue("training.level_unknown", "level", "培训级别应为国培、省、市、县或校本",
                                "level must be national, provincial, municipal, county or school"));
    if (std::none_of(std::begin(modes), std::end(modes), [&](const char* m) { return t.mode == m; }))
        out.push_back(makeIssue("training.mode_unknown", "mode", "培训方式应为面授、线上或混合",
                                "mode must be in_person, online or blended"));
}

}  // namespace taizhang::detail
