#include <gtest/gtest.h>

#include "policy.h"
#include "test_policy_helpers.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
struct TimetableFixture : ::testing::Test {
    PolicyDataset data;
    TimetableFixture() { data.terms["term1"] = autumnTerm2026(); }
    // Fills a weekly plan for a class: subject -> lessons per week, laid out over Mon-Fri.
    void plan(const std::string& classId, int grade, const std::vector<std::pair<std::string, int>>& lessons)
    {
        data.classes[classId] = makeClass(grade);
        int slot = 0;
        for (const auto& [subject, count] : lessons)
            for (int i = 0; i < count; ++i, ++slot) {
                TimetableSlot s{classId, "term1", 1 + slot % 5, 1 + slot / 5, subject, ""};
                data.timetable.push_back({classId + "-" + std::to_string(slot), s});
            }
    }
    std::vector<Finding> run(const CountyOverrides& o = {})
    {
        return checkTimetable(data, d("2026-11-01"), d("2026-11-30"), o);
    }
};

// A compliant grade-4 week: 30 lessons, PE 3, labour 1, IT 1, English 2.
const std::vector<std::pair<std::string, int>> kGrade4{{"moral", 2}, {"chinese", 7}, {"math", 5},
                                                       {"foreign_language", 2}, {"science", 2}, {"it", 1},
                                                       {"pe", 3}, {"music", 2}, {"fine_art", 2},
                                                       {"labour", 1}, {"practice", 2}, {"school_based", 1}};
}  // namespace

TEST_F(TimetableFixture, GIVEN_compliant_grade_4_week_WHEN_checked_THEN_no_finding)
{
    plan("c4", 4, kGrade4);
    EXPECT_TRUE(run().empty()) << run().front().messageEn;
}

TEST_F(TimetableFixture, GIVEN_pe_given_to_math_WHEN_checked_THEN_pe_finding_and_total_unchanged)
{
    auto lessons = kGrade4;
    for (auto& [s, n] : lessons) {
        if (s == "pe") n = 2;
        if (s == "math") n = 6;
    }
    plan("c4", 4, lessons);
    const auto f = run();
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].ruleId, "timetable.pe_lessons");
    EXPECT_EQ(f[0].expectedValue, 3);
    EXPECT_EQ(f[0].actualValue, 2);
    EXPECT_EQ(f[0].period, "week");
    EXPECT_EQ(f[0].termId, "term1");
    EXPECT_EQ(f[0].date, d("2026-11-01"));
}

TEST_F(TimetableFixture, GIVEN_weekly_totals_WHEN_over_or_under_THEN_hard_or_soft)
{
    auto over = kGrade4;
    over.push_back({"math", 1});
    plan("over", 4, over);
    auto under = kGrade4;
    under.pop_back();
    plan("under", 4, under);
    const auto f = withRule(run(), "timetable.weekly_total");
    ASSERT_EQ(f.size(), 2u);
    for (const auto& x : f) EXPECT_EQ(x.severity, x.scopeId == "over" ? Severity::Hard : Severity::Soft) << x.scopeId;
}

TEST_F(TimetableFixture, GIVEN_grade_2_needs_4_pe_and_26_lessons_WHEN_3_pe_and_english_THEN_findings)
{
    plan("c2", 2, {{"moral", 2}, {"chinese", 8}, {"math", 4}, {"foreign_language", 1}, {"pe", 3}, {"music", 2},
                   {"fine_art", 2}, {"labour", 1}, {"science", 1}, {"practice", 1}, {"school_based", 1}});
    const auto f = run();
    EXPECT_EQ(withRule(f, "timetable.pe_lessons").size(), 1u);
    EXPECT_EQ(withRule(f, "timetable.foreign_language_before_g3").size(), 1u);
    EXPECT_TRUE(withRule(f, "timetable.weekly_total").empty());  // 26
}

TEST_F(TimetableFixture, GIVEN_no_labour_and_history_in_grade_5_and_it_in_grade_9_WHEN_checked_THEN_findings)
{
    auto g5 = kGrade4;
    for (auto& [s, n] : g5)
        if (s == "labour") s = "history";
    plan("c5", 5, g5);
    plan("c9", 9, {{"moral", 2}, {"chinese", 5}, {"math", 5}, {"foreign_language", 4}, {"history", 2},
                   {"physics", 3}, {"chemistry", 3}, {"it", 1}, {"pe", 3}, {"music", 1}, {"fine_art", 1},
                   {"labour", 1}, {"practice", 2}, {"school_based", 1}});
    const auto f = run();
    EXPECT_EQ(withRule(f, "timetable.labour_lessons").size(), 1u);
    EXPECT_EQ(withRule(f, "timetable.history_geography_outside_g7_9").size(), 1u);
    const auto it = withRule(f, "timetable.it_outside_g3_8");
    ASSERT_EQ(it.size(), 1u);
    EXPECT_EQ(it[0].scopeId, "c9");
    EXPECT_EQ(it[0].severity, Severity::Soft);
}

TEST_F(TimetableFixture, GIVEN_provincial_counts_WHEN_math_above_THEN_provincial_finding)
{
    plan("c4", 4, kGrade4);
    const auto parsed =
        parseCountyOverrides(Json{{"timetable", {{"weekly_lessons", {{"4", {{"math", 4}, {"moral", 2}, {"pe", 3}}}}}}}});
    ASSERT_TRUE(parsed.ok());
    const auto f = withRule(run(parsed.overrides), "timetable.provincial_count");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].expectedValue, 4);
    EXPECT_EQ(f[0].actualValue, 5);
    EXPECT_TRUE(withRule(run(), "timetable.provincial_count").empty());
}

TEST_F(TimetableFixture, GIVEN_term_outside_range_WHEN_checked_THEN_ignored)
{
    plan("c4", 4, {{"math", 40}});
    EXPECT_TRUE(checkTimetable(data, d("2027-02-01"), d("2027-02-28"), {}).empty());
}

// ---- Training ----------------------------------------------------------------------------------

TEST(TrainingProgress, GIVEN_course_ending_exactly_5_years_before_WHEN_counted_THEN_outside_window)
{
    const Teacher t = teacher("王", "2010-09-01");
    const Date asOf = d("2026-11-20");
    const auto p = trainingProgress(t, {training("t", "2021-11-20", "2021-11-20", 8),    // 5 years ago today
                                        training("t", "2021-11-19", "2021-11-19", 8),    // 5 years + 1 day ago
                                        training("t", "2021-11-21", "2021-11-21", 6)},   // 5 years ago tomorrow
                                    asOf);
    EXPECT_EQ(p.windowStart, d("2021-11-21"));
    EXPECT_DOUBLE_EQ(p.hoursInWindow, 6);
    EXPECT_TRUE(p.fullCycleServed);
    EXPECT_EQ(p.requiredHours, 360);
}

TEST(TrainingProgress, GIVEN_course_not_finished_on_as_of_date_WHEN_counted_THEN_excluded)
{
    const auto p = trainingProgress(teacher("王", "2010-09-01"),
                                    {training("t", "2026-11-19", "2026-11-21", 20), training("t", "2026-11-20", "2026-11-20", 8)},
                                    d("2026-11-20"));
    EXPECT_DOUBLE_EQ(p.hoursInWindow, 8);
    EXPECT_DOUBLE_EQ(p.hoursLast12Months, 8);
}

TEST(TrainingProgress, GIVEN_teacher_hired_in_last_year_WHEN_counted_THEN_in_probation_with_hours)
{
    const auto p = trainingProgress(teacher("新", "2026-08-25"), {training("t", "2026-09-01", "2026-09-05", 40)},
                                    d("2026-11-20"));
    EXPECT_TRUE(p.inProbation);
    EXPECT_EQ(p.probationEnd, d("2027-08-24"));
    EXPECT_DOUBLE_EQ(p.probationHours, 40);
    EXPECT_EQ(p.probationRequired, 120);
    EXPECT_FALSE(p.fullCycleServed);
}

namespace {
struct TrainingFixture : ::testing::Test {
    PolicyDataset data;
    std::vector<Finding> run() { return checkTraining(data, d("2026-11-20"), {}); }
};
}  // namespace

TEST_F(TrainingFixture, GIVEN_359_and_360_hours_in_window_WHEN_checked_THEN_only_359_is_hard_finding)
{
    data.teachers["short"] = teacher("甲", "2010-09-01");
    data.teachers["done"] = teacher("乙", "2010-09-01");
    for (int y = 2022; y <= 2026; ++y) {
        const std::string day = std::to_string(y) + "-07-10";
        data.training.push_back({"s" + day, training("short", day.c_str(), day.c_str(), y == 2026 ? 7 : 8)});
        data.training.push_back({"d" + day, training("done", day.c_str(), day.c_str(), 8)});
    }
    data.training.push_back({"s-bulk", training("short", "2025-07-01", "2025-08-15", 320)});
    data.training.push_back({"d-bulk", training("done", "2025-07-01", "2025-08-15", 320)});
    const auto f = withRule(run(), "training.cycle_hours");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].scopeKind, "teacher");
    EXPECT_EQ(f[0].scopeId, "short");
    EXPECT_DOUBLE_EQ(f[0].actualValue, 359);
    EXPECT_EQ(f[0].severity, Severity::Hard);
}

TEST_F(TrainingFixture, GIVEN_probation_teacher_WHEN_checked_THEN_soft_progress_not_cycle_finding)
{
    data.teachers["new"] = teacher("新", "2026-08-25");
    const auto f = run();
    EXPECT_EQ(withRule(f, "training.probation_progress").size(), 1u);
    EXPECT_TRUE(withRule(f, "training.cycle_hours").empty());
    EXPECT_TRUE(withRule(f, "training.yearly_progress").empty());
    EXPECT_EQ(withRule(f, "training.probation_progress")[0].severity, Severity::Soft);
}

TEST_F(TrainingFixture, GIVEN_finished_probation_year_under_120_WHEN_checked_THEN_hard_finding)
{
    data.teachers["second"] = teacher("二", "2024-09-01");
    data.training.push_back({"p", training("second", "2025-03-01", "2025-03-10", 80)});
    data.training.push_back({"q", training("second", "2025-09-01", "2025-09-10", 80)});  // after probation
    const auto f = withRule(run(), "training.probation_hours");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_DOUBLE_EQ(f[0].actualValue, 80);
}

TEST_F(TrainingFixture, GIVEN_few_hours_last_12_months_WHEN_checked_THEN_soft_yearly_hint)
{
    data.teachers["slow"] = teacher("慢", "2024-01-01");
    data.training.push_back({"a", training("slow", "2024-03-01", "2024-05-01", 130)});
    data.training.push_back({"b", training("slow", "2026-03-01", "2026-03-05", 30)});
    const auto f = run();
    const auto hint = withRule(f, "training.yearly_progress");
    ASSERT_EQ(hint.size(), 1u);
    EXPECT_EQ(hint[0].severity, Severity::Soft);
    EXPECT_DOUBLE_EQ(hint[0].actualValue, 30);
    EXPECT_TRUE(withRule(f, "training.cycle_hours").empty());  // not yet 5 years of service
    EXPECT_TRUE(withRule(f, "training.probation_hours").empty());
}

TEST_F(TrainingFixture, GIVEN_part_time_teacher_WHEN_checked_THEN_not_counted)
{
    data.teachers["pt"] = teacher("兼", "2010-09-01", /*fullTime*/ false);
    EXPECT_TRUE(run().empty());
}
