// Rules that used to be restated outside core (issue 10): the training form's limits, the "counts
// against the homework cap" test, which findings are the homework cap, and "on track for 360 学时".
// Each is asked of core here; the client and the county ask the same functions
// (tests/app/test_same_answers.cpp checks that their answers agree).
#include <gtest/gtest.h>

#include "test_policy_helpers.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
ValidationContext trainingContext()
{
    ValidationContext ctx;
    ctx.teachers["t1"] = teacher("王老师", "2015-09-01");
    ctx.today = d("2026-11-20");
    return ctx;
}
}  // namespace

TEST(RulesOnce, GIVEN_a_training_record_over_200_hours_WHEN_validated_THEN_core_refuses_it_with_the_forms_words)
{
    const auto ctx = trainingContext();
    // 40 days allow 320 hours at 8 a day: only the per-record bound can refuse 200.5.
    EXPECT_TRUE(validateBody(Kind::Training, training("t1", "2026-09-01", "2026-10-10", 200), ctx).empty());
    const auto issues = validateBody(Kind::Training, training("t1", "2026-09-01", "2026-10-10", 200.5), ctx);
    const auto* i = findCode(issues, "training.hours_absurd");
    ASSERT_NE(i, nullptr) << describeIssues(issues);
    EXPECT_EQ(i->field, "hours");
    EXPECT_EQ(i->messageZh, "学时应为 0 到 200 之间的数，例如 24 或 1.5");
}

TEST(RulesOnce, GIVEN_a_course_ending_after_today_WHEN_validated_THEN_core_refuses_it_as_not_finished)
{
    const auto ctx = trainingContext();
    EXPECT_TRUE(validateBody(Kind::Training, training("t1", "2026-11-19", "2026-11-20", 8), ctx).empty());
    const auto issues = validateBody(Kind::Training, training("t1", "2026-11-19", "2026-11-21", 8), ctx);
    const auto* i = findCode(issues, "training.date_in_future");
    ASSERT_NE(i, nullptr) << describeIssues(issues);
    EXPECT_EQ(i->field, "end");
    EXPECT_EQ(i->messageZh.rfind("只能登记已结束的培训", 0), 0u) << i->messageZh;
}

TEST(RulesOnce, GIVEN_homework_entries_WHEN_asked_whether_they_count_against_the_cap_THEN_written_only_and_at_home_in_g1_2)
{
    EXPECT_TRUE(homeworkCountsAgainstCap(3, homework("c", "2026-11-20", "math", 20, true, false)));
    EXPECT_TRUE(homeworkCountsAgainstCap(7, homework("c", "2026-11-20", "math", 20, true, true)));
    EXPECT_FALSE(homeworkCountsAgainstCap(3, homework("c", "2026-11-20", "math", 20, false, true)));
    EXPECT_TRUE(homeworkCountsAgainstCap(2, homework("c", "2026-11-20", "math", 20, true, true)));
    EXPECT_FALSE(homeworkCountsAgainstCap(2, homework("c", "2026-11-20", "math", 20, true, false)))
        << "in-school consolidation is allowed in grades 1-2";
    EXPECT_FALSE(homeworkCountsAgainstCap(1, homework("c", "2026-11-20", "math", 20, false, true)));
}

TEST(RulesOnce, GIVEN_over_cap_days_in_every_grade_band_WHEN_checked_THEN_each_finding_is_a_homework_cap_rule_by_core)
{
    PolicyDataset data;
    data.classes["g2"] = makeClass(2);
    data.classes["g5"] = makeClass(5);
    data.classes["g8"] = makeClass(8);
    data.terms["t"] = autumnTerm2026();
    data.homework.push_back({"h1", homework("g2", "2026-11-20", "math", 10)});
    data.homework.push_back({"h2", homework("g5", "2026-11-20", "math", 70)});
    data.homework.push_back({"h3", homework("g8", "2026-11-20", "math", 100)});
    const auto findings = checkHomework(data, d("2026-11-20"), d("2026-11-20"), {});
    ASSERT_EQ(findings.size(), 3u);
    for (const auto& f : findings) EXPECT_TRUE(isHomeworkCapRule(f.ruleId)) << f.ruleId;
    EXPECT_FALSE(isHomeworkCapRule("sleep.average_below_standard"));
    EXPECT_FALSE(isHomeworkCapRule("homework"));
}

TEST(RulesOnce, GIVEN_teachers_with_different_service_WHEN_asked_if_on_track_for_360_THEN_pro_rata_to_days_served_in_the_window)
{
    const Date asOf = d("2026-11-20");
    // A whole cycle served: the policy's completion rule, exactly 360.
    const Teacher veteran = teacher("老", "2010-09-01");
    EXPECT_TRUE(trainingProgress(veteran, {training("x", "2024-01-01", "2024-03-31", 360)}, asOf).onTrack);
    const auto behind = trainingProgress(veteran, {training("x", "2024-01-01", "2024-03-31", 359)}, asOf);
    EXPECT_FALSE(behind.onTrack);
    EXPECT_DOUBLE_EQ(behind.expectedHoursToDate, 360);
    // Hired a year ago: about a fifth of the cycle (72 of 360) is due.
    const Teacher newer = teacher("新", "2025-11-21");
    const auto year = trainingProgress(newer, {training("x", "2026-03-01", "2026-03-31", 80)}, asOf);
    EXPECT_NEAR(year.expectedHoursToDate, 72, 0.1);
    EXPECT_TRUE(year.onTrack);
    EXPECT_FALSE(trainingProgress(newer, {training("x", "2026-03-01", "2026-03-31", 60)}, asOf).onTrack);
    // Hired today: nothing due yet beyond a day's share.
    const auto fresh = trainingProgress(teacher("今", "2026-11-20"), {}, asOf);
    EXPECT_LT(fresh.expectedHoursToDate, 1);
}
