// The record-kind table (record_kinds.h). Ranges come from the named limits that validation
// enforces; units, meanings and CSV headers are what docs/data-dictionary.md prints.
#include "record_kinds.h"

#include <array>
#include <iterator>

namespace taizhang {

namespace {
using F = FieldType;
using R = FieldRef;

// class.history[]: the grade, name and subjects a class had up to and including `until`
// (records.h ClassPeriod).
constexpr FieldDescriptor kClassPeriodFields[] = {
    {.key = "until", .type = F::Date, .required = true, .meaning = "last day of this period"},
    {.key = "grade", .type = F::Integer, .required = true, .min = 1, .max = 9, .meaning = "the grade then"},
    {.key = "name", .type = F::String, .required = true, .meaning = "the name then"},
    {.key = "subjects", .type = F::StringArray, .ref = R::Subject, .meaning = "the subjects then"},
};

// teacher.away[]: a period the teacher did not work at the school (records.h AwayPeriod).
constexpr FieldDescriptor kAwayPeriodFields[] = {
    {.key = "from", .type = F::Date, .required = true, .meaning = "first day away"},
    {.key = "until", .type = F::Date, .meaning = "last day away; absent: still away"},
    {.key = "reason", .type = F::String, .required = true, .meaning = "left (离职) or transferred (调出)"},
};

constexpr FieldDescriptor kClassFields[] = {
    {.key = "grade", .type = F::Integer, .required = true, .csv = "grade", .csvZh = "年级", .min = 1, .max = 9,
     .meaning = "年级; must belong to the school type. Every per-class rule picks its band by grade (G1-2, G3-6, G7-9)"},
    {.key = "name", .type = F::String, .required = true, .csv = "name", .csvZh = "班级|班级名称",
     .meaning = "non-empty, e.g. 三年级1班; unique among the school's live classes (full-width folded, trimmed). "
                "Classes are found by name (CLI --class, CSV 班级 column)"},
    {.key = "students", .type = F::Integer, .csv = "students", .csvZh = "人数|学生人数", .unit = "students",
     .min = 0, .max = kMaxClassStudents, .fallback = "0",
     .meaning = "enrolled students; > 45 (primary) / > 50 (junior) warns (优质均衡 class size). Sleep: surveyed <= students"},
    {.key = "subjects", .type = F::StringArray, .ref = R::Subject, .csv = "subjects", .csvZh = "学科|开设学科",
     .fallback = "the grade's defaults",
     .meaning = "subject codes the class takes (2022 catalogue or defined custom courses); homework and timetable "
                "entries must name one of them"},

    {.key = "history", .type = F::ObjectArray,
     .meaning = "the grade, name and subjects the class had up to and including each `until`, ascending; the "
                "fields above apply from the day after the last `until`. Checks and reports use the values on "
                "the record's date",
     .items = kClassPeriodFields},
    {.key = "opened_from", .type = F::Date,
     .meaning = "a new entry class of the coming school year: takes no record before this day"},
    {.key = "archived_from", .type = F::Date,
     .meaning = "graduated (毕业归档) on this day: kept and reported for the days before, takes no record from it"},
};

constexpr FieldDescriptor kTeacherFields[] = {
    {.key = "name", .type = F::String, .required = true, .csv = "name", .csvZh = "姓名", .meaning = "non-empty"},
    {.key = "staff_number", .type = F::String, .csv = "staff_number", .csvZh = "工号",
     .meaning = "工号, unique in the school when set (full-width folded, trimmed); exports write 王伟（T0101）, "
                "imports resolve by staff number first"},
    {.key = "subjects", .type = F::StringArray, .ref = R::Subject, .csv = "subjects", .csvZh = "任教学科",
     .meaning = "subject codes taught"},
    {.key = "hire_date", .type = F::Date, .required = true, .csv = "hire_date", .csvZh = "入职日期",
     .meaning = "start of service, not after today, not before 1950; the probation year is its first year and the "
                "360 学时 rule applies once 5 years are served"},
    {.key = "full_time", .type = F::Boolean, .csv = "full_time", .csvZh = "专任|全职", .fallback = "true",
     .meaning = "training checks count full-time teachers only (the county completion rate is over them)"},
    {.key = "away", .type = F::ObjectArray,
     .meaning = "periods the teacher did not work at the school (left / transferred out), ascending, not "
                "overlapping; outside them the teacher counts in the training rate and the county report",
     .items = kAwayPeriodFields},
};

constexpr FieldDescriptor kTermFields[] = {
    {.key = "name", .type = F::String, .required = true, .csv = "name", .csvZh = "学期", .meaning = "non-empty"},
    {.key = "start", .type = F::Date, .required = true, .csv = "start", .csvZh = "开始日期",
     .meaning = "first day of the term"},
    {.key = "end", .type = F::Date, .required = true, .csv = "end", .csvZh = "结束日期",
     .meaning = "last day (inclusive); end >= start, at most 200 days, no overlap with another term"},
    {.key = "holidays", .type = F::Holidays, .csv = "holidays", .csvZh = "假期",
     .meaning = "{name, start, end} inside the term, end >= start; holidays are not school days"},
    {.key = "workdays", .type = F::DateArray,
     .meaning = "调休: Saturdays / Sundays inside the term made working days; they count as school days"},
    {.key = "primary_first_lesson", .type = F::String,
     .meaning = "作息时间: when the morning's first lesson starts in primary grades, HH:MM school-local, 05:00-12:00"},
    {.key = "junior_first_lesson", .type = F::String,
     .meaning = "作息时间: the same for junior grades"},
};

constexpr FieldDescriptor kSubjectFields[] = {
    {.key = "code", .type = F::String, .required = true, .csv = "code", .csvZh = "代码",
     .meaning = "local:<slug> (地方课程) or school:<slug> (校本课程), unique"},
    {.key = "name", .type = F::String, .required = true, .csv = "name", .csvZh = "名称", .meaning = "non-empty"},
    {.key = "category", .type = F::String, .csv = "category", .csvZh = "类别", .fallback = "school_based",
     .meaning = "local for local: codes, school_based for school: codes"},
};

constexpr FieldDescriptor kHomeworkFields[] = {
    {.key = "class_id", .type = F::String, .required = true, .ref = R::Class, .csv = "class", .csvZh = "班级",
     .meaning = "the class; its grade picks the cap"},
    {.key = "date", .type = F::Date, .required = true, .csv = "date", .csvZh = "日期",
     .meaning = "school day the homework is set"},
    {.key = "subject", .type = F::String, .required = true, .ref = R::Subject, .csv = "subject", .csvZh = "学科|科目",
     .meaning = "a subject the class takes, or a defined custom course"},
    {.key = "minutes", .type = F::Integer, .required = true, .csv = "minutes", .csvZh = "时长|分钟|预计时长",
     .unit = "min", .min = 0, .max = kMaxHomeworkMinutes,
     .meaning = "estimated average completion time; summed per class-day against the cap"},
    {.key = "written", .type = F::Boolean, .csv = "written", .csvZh = "书面|书面作业", .fallback = "true",
     .meaning = "书面作业; reading / practical work is recorded but not counted", .yesZh = "书面", .noZh = "非书面",
     .yesEn = "Written", .noEn = "Not written"},
    {.key = "at_home", .type = F::Boolean, .csv = "at_home", .csvZh = "在家|家庭作业", .fallback = "true",
     .meaning = "at home vs consolidation in school; G1-2: only written at-home work counts (must be 0)",
     .yesZh = "在家", .noZh = "在校", .yesEn = "At home", .noEn = "In school"},
    {.key = "content", .type = F::String, .csv = "content", .csvZh = "内容|作业内容",
     .meaning = "for 作业公示, <= 4000 bytes"},
    {.key = "teacher_id", .type = F::String, .ref = R::Teacher, .csv = "teacher", .csvZh = "教师|布置教师",
     .meaning = "the teacher who set it"},
    {.key = "over_cap_reason", .type = F::String, .csv = "over_cap_reason", .csvZh = "超时原因",
     .meaning = "why an over-cap entry was saved, <= 1000 bytes; copied into the finding"},
    // Last, so a CSV column added for it comes after the columns older files and macros know;
    // an import without the column reads every row as ordinary homework (docs/cli.md).
    {.key = "none", .type = F::Boolean, .csv = "none", .csvZh = "无作业", .fallback = "false",
     .meaning = "无作业: the class has no homework that day (subject \"\", 0 minutes, written only when true; the class-day's only homework record)",
     .yesZh = "无作业", .noZh = "有作业", .yesEn = "No homework", .noEn = "Homework"},
};

constexpr FieldDescriptor kSleepFields[] = {
    {.key = "class_id", .type = F::String, .required = true, .ref = R::Class, .csv = "class", .csvZh = "班级",
     .meaning = "the class; its grade picks the standard"},
    {.key = "date", .type = F::Date, .required = true, .csv = "date", .csvZh = "日期", .meaning = "survey day"},
    {.key = "surveyed", .type = F::Integer, .required = true, .csv = "surveyed", .csvZh = "调查人数",
     .unit = "students", .min = 1, .meaning = "students surveyed, at most the class's students"},
    {.key = "reaching_standard", .type = F::Integer, .required = true, .csv = "reaching_standard",
     .csvZh = "达标人数", .unit = "students", .min = 0,
     .meaning = "students whose sleep reaches the grade's standard, at most surveyed"},
    {.key = "average_hours", .type = F::Number, .required = true, .csv = "average_hours",
     .csvZh = "平均时长|平均睡眠时长", .unit = "h", .min = 0, .max = 24,
     .meaning = "hours per night; below 4 or above 14 warns"},
};

constexpr FieldDescriptor kActivityFields[] = {
    {.key = "class_id", .type = F::String, .required = true, .ref = R::Class, .csv = "class", .csvZh = "班级",
     .meaning = "the class"},
    {.key = "date", .type = F::Date, .required = true, .csv = "date", .csvZh = "日期", .meaning = "school day"},
    {.key = "pe_lesson_minutes", .type = F::Integer, .csv = "pe_lesson_minutes", .csvZh = "体育课", .unit = "min",
     .min = 0, .max = 180, .fallback = "0", .meaning = "minutes of PE lessons that day"},
    {.key = "long_break_minutes", .type = F::Integer, .csv = "long_break_minutes", .csvZh = "大课间", .unit = "min",
     .min = 0, .max = 240, .fallback = "0", .meaning = "大课间 minutes in total"},
    {.key = "long_break_sessions", .type = F::Integer, .csv = "long_break_sessions", .csvZh = "大课间次数",
     .min = 0, .max = 6, .fallback = "0",
     .meaning = "number of 大课间 sessions (minutes without sessions warn; counted as 1)"},
    {.key = "after_school_minutes", .type = F::Integer, .csv = "after_school_minutes", .csvZh = "课后体育",
     .unit = "min", .min = 0, .max = 300, .fallback = "0", .meaning = "after-school sports in school (课后服务体育)"},
    {.key = "out_of_school_minutes", .type = F::Integer, .csv = "out_of_school_minutes", .csvZh = "校外活动",
     .unit = "min", .min = 0, .max = 720, .fallback = "0",
     .meaning = "reported out-of-school activity (counts only toward the 2025 total)"},
};

constexpr FieldDescriptor kTimetableFields[] = {
    {.key = "class_id", .type = F::String, .required = true, .ref = R::Class, .csv = "class", .csvZh = "班级",
     .meaning = "the class"},
    {.key = "term_id", .type = F::String, .required = true, .ref = R::Term, .csv = "term", .csvZh = "学期",
     .meaning = "the term whose weekly plan the slot belongs to"},
    {.key = "weekday", .type = F::Integer, .required = true, .csv = "weekday", .csvZh = "星期", .min = 1, .max = 7,
     .meaning = "1 = Monday ... 7 = Sunday"},
    {.key = "period", .type = F::Integer, .required = true, .csv = "period", .csvZh = "节次", .min = 1,
     .max = kMaxPeriodsPerDay, .meaning = "1-based lesson period of the day"},
    {.key = "subject", .type = F::String, .required = true, .ref = R::Subject, .csv = "subject", .csvZh = "学科|科目",
     .meaning = "a subject the class takes"},
    {.key = "teacher_id", .type = F::String, .ref = R::Teacher, .csv = "teacher", .csvZh = "教师|任课教师",
     .meaning = "the teacher"},
    {.key = "draft", .type = F::Boolean, .fallback = "false",
     .meaning = "a slot carried into the coming school year by `year start`, not yet confirmed by the school"},
};

constexpr FieldDescriptor kTrainingFields[] = {
    {.key = "teacher_id", .type = F::String, .required = true, .ref = R::Teacher, .csv = "teacher", .csvZh = "教师",
     .meaning = "the teacher trained"},
    {.key = "start", .type = F::Date, .required = true, .csv = "start", .csvZh = "开始日期",
     .meaning = "first day of the course"},
    {.key = "end", .type = F::Date, .required = true, .csv = "end", .csvZh = "结束日期",
     .meaning = "last day (inclusive): end >= start, not after today; a course counts on its end date"},
    {.key = "title", .type = F::String, .required = true, .csv = "title", .csvZh = "培训名称|项目名称",
     .meaning = "non-empty"},
    {.key = "level", .type = F::String, .csv = "level", .csvZh = "级别", .fallback = "school",
     .meaning = "national 国培, provincial, municipal, county, school 校本"},
    {.key = "mode", .type = F::String, .csv = "mode", .csvZh = "形式", .fallback = "in_person",
     .meaning = "in_person, online, blended"},
    {.key = "hours", .type = F::Number, .required = true, .csv = "hours", .csvZh = "学时", .unit = "学时",
     .max = kMaxTrainingHoursPerRecord,
     .meaning = "> 0, at most 8 per calendar day of the course (inclusive); the 200 per record is a plausibility "
                "bound with no policy source"},
    {.key = "certificate_number", .type = F::String, .csv = "certificate_number", .csvZh = "证书编号",
     .meaning = "as printed on the certificate"},
};

constexpr unsigned kClassDayAreas = kPolicyHomework | kPolicySleep | kPolicyActivity | kPolicyTimetable;

// One row per Kind, in enum order (checked below).
constexpr KindDescriptor kKinds[] = {
    {.kind = Kind::SchoolClass, .name = "class", .nameZh = "班级", .nameEn = "Class", .reference = true,
     .uniqueKey = "name", .foldKey = true, .keyReleasedBy = "archived_from", .csv = true,
     .policyAreas = kClassDayAreas, .fields = kClassFields,
     .summaryZh = "{name} · {students} 人", .summaryEn = "{name} · {students} students"},
    {.kind = Kind::Teacher, .name = "teacher", .nameZh = "教师", .nameEn = "Teacher", .reference = true,
     .uniqueKey = "staff_number", .foldKey = true, .csv = true, .policyAreas = kPolicyTraining,
     .fields = kTeacherFields, .summaryZh = "{name}", .summaryEn = "{name}"},
    {.kind = Kind::Term, .name = "term", .nameZh = "学期", .nameEn = "Term", .reference = true,
     .policyAreas = kClassDayAreas, .fields = kTermFields, .summaryZh = "{name}", .summaryEn = "{name}"},
    {.kind = Kind::Subject, .name = "subject", .nameZh = "课程", .nameEn = "Course", .reference = true,
     .uniqueKey = "code", .policyAreas = kPolicyHomework | kPolicyTimetable, .fields = kSubjectFields,
     .summaryZh = "{name}", .summaryEn = "{name}"},
    {.kind = Kind::Homework, .name = "homework", .nameZh = "作业", .nameEn = "Homework", .daily = true,
     .dateKey = "date", .uniqueKey = "class_id|date|subject", .csv = true, .policyAreas = kPolicyHomework,
     .fields = kHomeworkFields, .summaryZh = "{subject} {minutes} 分钟 · {written} · {at_home} · {content}",
     .summaryEn = "{subject} {minutes} min · {written} · {at_home} · {content}"},
    {.kind = Kind::Sleep, .name = "sleep", .nameZh = "睡眠", .nameEn = "Sleep", .daily = true, .dateKey = "date",
     .uniqueKey = "class_id|date", .csv = true, .policyAreas = kPolicySleep, .fields = kSleepFields,
     .summaryZh = "调查 {surveyed} 人，达标 {reaching_standard} 人，平均 {average_hours:1} 小时",
     .summaryEn = "{surveyed} surveyed, {reaching_standard} reach the standard, average {average_hours:1} h"},
    {.kind = Kind::Activity, .name = "activity", .nameZh = "体育活动", .nameEn = "Physical activity",
     .daily = true, .dateKey = "date", .uniqueKey = "class_id|date", .csv = true, .policyAreas = kPolicyActivity,
     .fields = kActivityFields,
     .summaryZh = "体育课 {pe_lesson_minutes} · 大课间 {long_break_minutes}（{long_break_sessions} 次）· 课后 "
                  "{after_school_minutes} · 校外 {out_of_school_minutes} 分钟",
     .summaryEn = "PE {pe_lesson_minutes} · long breaks {long_break_minutes} ({long_break_sessions}) · after "
                  "school {after_school_minutes} · outside {out_of_school_minutes} min"},
    {.kind = Kind::Timetable, .name = "timetable", .nameZh = "课表", .nameEn = "Timetable",
     .uniqueKey = "class_id|term_id|weekday|period", .csv = true, .policyAreas = kPolicyTimetable,
     .fields = kTimetableFields, .summaryZh = "星期{weekday} 第{period}节 {subject}",
     .summaryEn = "Weekday {weekday} period {period} {subject}"},
    {.kind = Kind::Training, .name = "training", .nameZh = "培训", .nameEn = "Training", .dateKey = "start",
     .csv = true, .policyAreas = kPolicyTraining, .fields = kTrainingFields,
     .summaryZh = "{teacher_id} · {title} · {hours} 学时", .summaryEn = "{teacher_id} · {title} · {hours} hours"},
};

// Lists every enumerator. No `default:`: with -Werror=switch a new Kind that is not added here
// stops the build, and the asserts below then demand its row in kKinds and a raised kKindCount.
constexpr bool isEnumerator(Kind kind)
{
    switch (kind) {
    case Kind::SchoolClass:
    case Kind::Teacher:
    case Kind::Term:
    case Kind::Subject:
    case Kind::Homework:
    case Kind::Sleep:
    case Kind::Activity:
    case Kind::Timetable:
    case Kind::Training:
        return true;
    }
    return false;
}

constexpr bool rowsInEnumOrder()
{
    for (std::size_t i = 0; i < std::size(kKinds); ++i)
        if (kKinds[i].kind != static_cast<Kind>(i) || !isEnumerator(kKinds[i].kind)) return false;
    return true;
}

constexpr bool everyKindHasFields()
{
    for (const auto& k : kKinds)
        if (k.fields.empty() || k.name.empty() || k.nameZh.empty() || k.summaryZh.empty()) return false;
    return true;
}

static_assert(!isEnumerator(static_cast<Kind>(kKindCount)), "a Kind enumerator past kKindCount: raise kKindCount");
static_assert(std::size(kKinds) == kKindCount, "kKinds needs exactly one row per Kind");
static_assert(rowsInEnumOrder(), "kKinds rows must follow the Kind enum's order");
static_assert(everyKindHasFields(), "every kind needs a name, a Chinese name, fields and a summary");
}  // namespace

const KindDescriptor& describe(Kind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

std::span<const KindDescriptor> kindDescriptors() { return kKinds; }

std::string_view kindName(Kind kind)
{
    const auto i = static_cast<std::size_t>(kind);
    return i < std::size(kKinds) ? kKinds[i].name : std::string_view("unknown");
}

std::optional<Kind> kindFromName(std::string_view name)
{
    for (const auto& k : kKinds)
        if (k.name == name) return k.kind;
    return std::nullopt;
}

const std::vector<Kind>& allKinds()
{
    static const std::vector<Kind> kinds = [] {
        std::vector<Kind> v;
        for (const auto& k : kKinds) v.push_back(k.kind);
        return v;
    }();
    return kinds;
}

const std::vector<Kind>& dailyKinds()
{
    static const std::vector<Kind> kinds = [] {
        std::vector<Kind> v;
        for (const auto& k : kKinds)
            if (k.daily) v.push_back(k.kind);
        return v;
    }();
    return kinds;
}

const FieldDescriptor* findFieldDescriptor(Kind kind, std::string_view key)
{
    for (const auto& f : describe(kind).fields)
        if (f.key == key) return &f;
    return nullptr;
}

std::vector<std::string_view> splitAliases(std::string_view list)
{
    std::vector<std::string_view> out;
    while (!list.empty()) {
        const auto bar = list.find('|');
        out.push_back(list.substr(0, bar));
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
    }
    return out;
}

}  // namespace taizhang
