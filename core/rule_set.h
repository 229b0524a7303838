#pragma once
// Versioned national rule sets with effective dates (policy-rules.md). Only physical activity
// changed so far (the 2025 move from "60 min in school" to "120 min total"), but every area is
// part of a set so that a future change is one more entry in nationalRuleSets(), not new code.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "date.h"

namespace taizhang {

struct HomeworkRules {
    int g1_2AtHomeWrittenMaxMinutes = 0;  // 双减意见 (2021): no written homework at home in G1-2
    int g3_6MaxMinutes = 60;              // average written homework per school day
    int g7_9MaxMinutes = 90;
};

struct SleepRules {
    double primaryMinHours = 10.0;  // 教基厅函〔2021〕11号, soft (应达到)
    double juniorMinHours = 9.0;
    // Morning classes generally start no earlier than (一般, soft): minutes after midnight.
    int primaryEarliestStartMinutes = 8 * 60 + 20;
    int juniorEarliestStartMinutes = 8 * 60;
    // Share of surveyed students that must reach the standard; not national (county override).
    std::optional<double> minShareReaching;
};

struct ActivityRules {
    // Before 2025: 中发〔2007〕7号 / 2011 每天一小时: in-school activity (PE lesson + 大课间 +
    // after-school sports in school) >= 60 min, and 大课间 >= 30 min (2021 体质健康管理通知).
    std::optional<int> minInSchoolMinutes;
    // From 2025 (教育强国建设规划纲要): total daily activity >= 120 min including out-of-school.
    std::optional<int> minTotalMinutes;
    int minLongBreakMinutesPerSession = 30;
    int minLongBreakSessions = 1;  // 2025: two long breaks of >= 30 min
    bool dailyPeLesson = false;    // one PE lesson every day: local practice (L), override only
};

struct TimetableRules {
    std::array<int, 10> weeklyLessons{};  // index = grade 1-9: 26 / 30 / 34 (课程方案 2022)
    std::array<int, 10> weeklyPe{};       // 4 for G1-2, 3 for G3-9
    int minWeeklyLabour = 1;
    int itFirstGrade = 3, itLastGrade = 8;
    int foreignLanguageFirstGrade = 3;
    int historyGeographyFirstGrade = 7;
    // Provincial per-grade per-subject weekly counts (county override), index = grade.
    std::array<std::vector<std::pair<std::string, int>>, 10> provincialWeekly;
};

struct TrainingRules {
    int cycleYears = 5;           // 教育部令第7号 (1999)
    double cycleHours = 360;      // 2011 teacher-training opinion; 优质均衡 "5年360学时"
    double probationHours = 120;  // 教育部令第7号, first year of service
    double yearlyHintHours = 72;  // 360 / 5: a progress hint only (D)
};

struct RuleSet {
    std::string id;            // "national-2022", "national-2025"
    Date effectiveFrom;        // inclusive
    std::optional<Date> effectiveTo;  // inclusive; nullopt = still in force
    std::string activitySource;
    HomeworkRules homework;
    SleepRules sleep;
    ActivityRules activity;
    TimetableRules timetable;
    TrainingRules training;
};

// The national sets in effective-date order.
const std::vector<RuleSet>& nationalRuleSets();
// The national set in force on this day (the earliest set for days before it).
const RuleSet& nationalRuleSetFor(const Date& day);

// Source documents quoted in findings (policy-rules.md).
namespace source {
inline constexpr const char* kHomework = "双减意见 (2021); 教基厅函〔2021〕13号 作业管理通知";
inline constexpr const char* kSleep = "教基厅函〔2021〕11号 (2021-03-30)";
inline constexpr const char* kActivity2011 = "中发〔2007〕7号; 2011 每天一小时规定; 2021 体质健康管理通知";
inline constexpr const char* kActivity2025 = "教育强国建设规划纲要 (2025-01); 学生体质强健计划意见 (2025-11)";
inline constexpr const char* kCurriculum = "义务教育课程方案 (2022年版)";
inline constexpr const char* kPeLessons = "中发〔2007〕7号; 2011 每天一小时规定";
inline constexpr const char* kTraining = "教育部令第7号 (1999); 2011 教师培训意见; 优质均衡 (2017)";
inline constexpr const char* kCounty = "区县规定 (county override)";
}  // namespace source

}  // namespace taizhang
