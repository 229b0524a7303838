#include "rule_titles.h"

namespace taizhang {
namespace {

struct Title {
    const char* id;
    const char* zh;
    const char* en;
};

// One row per rule id that runPolicyChecks can raise (policy_*.cpp).
constexpr Title kTitles[] = {
    {"homework.g1_2_written_at_home", "一二年级布置家庭书面作业", "Written homework in grades 1-2"},
    {"homework.g3_6_cap", "三至六年级书面作业超时", "Grades 3-6 written homework over the cap"},
    {"homework.g7_9_cap", "初中书面作业超时", "Grades 7-9 written homework over the cap"},
    {"sleep.average_below_standard", "平均睡眠不足", "Average sleep below the standard"},
    {"sleep.share_reaching_below", "睡眠达标比例偏低", "Too few students sleeping enough"},
    {"sleep.morning_start", "上午第一节课开始过早", "Morning lessons start too early"},
    {"activity.total_minimum", "每天综合体育活动不足", "Daily physical activity too short"},
    {"activity.in_school_minimum", "校内体育活动不足", "In-school activity too short"},
    {"activity.daily_pe_lesson", "未做到每天一节体育课", "No PE lesson every day"},
    {"activity.long_break", "大课间不足", "Long break too short"},
    {"timetable.pe_lessons", "体育课时不足", "Too few PE lessons"},
    {"timetable.labour_lessons", "劳动课时不足", "Too few labour lessons"},
    {"timetable.weekly_total", "周课时总量不符", "Weekly lesson total out of range"},
    {"timetable.weekly_lessons", "学科周课时不符", "Subject weekly lessons out of range"},
    {"timetable.provincial_count", "地方课程课时不符", "Local curriculum lessons out of range"},
    {"timetable.foreign_language_before_g3", "三年级前开设外语", "Foreign language before grade 3"},
    {"timetable.history_geography_outside_g7_9", "历史地理不在七至九年级", "History/geography outside grades 7-9"},
    {"timetable.it_outside_g3_8", "信息科技不在三至八年级", "IT outside grades 3-8"},
    {"timetable.unknown_term", "课表学期未知", "Timetable of an unknown term"},
    {"timetable.duplicate_slot", "课表节次重复", "Duplicate timetable slot"},
    {"timetable.period_out_of_range", "课表节次超范围", "Timetable period out of range"},
    {"timetable.weekday_out_of_range", "课表星期超范围", "Timetable weekday out of range"},
    {"training.cycle_hours", "五年培训未满360学时", "Under 360 training hours in 5 years"},
    {"training.probation_hours", "新教师试用期培训未满120学时", "Probation training under 120 hours"},
    {"training.probation_progress", "新教师培训进度落后", "Probation training behind schedule"},
    {"training.yearly_progress", "年度培训进度落后", "Yearly training behind schedule"},
};

}  // namespace

std::string ruleTitle(std::string_view ruleId, bool zh)
{
    for (const auto& t : kTitles)
        if (ruleId == t.id) return zh ? t.zh : t.en;
    return std::string(ruleId);
}

}  // namespace taizhang
