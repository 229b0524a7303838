// Rule-set selection by date, physical activity under both national sets, county overrides.
#include <gtest/gtest.h>

#include "policy.h"
#include "test_policy_helpers.h"

using namespace taizhang;
using namespace taizhang::testing;

TEST(RuleSets, GIVEN_2024_12_31_and_2025_01_01_WHEN_selected_THEN_activity_rule_changes)
{
    const RuleSet& before = nationalRuleSetFor(d("2024-12-31"));
    const RuleSet& after = nationalRuleSetFor(d("2025-01-01"));
    EXPECT_EQ(before.id, "national-2022");
    EXPECT_EQ(before.activity.minInSchoolMinutes, 60);
    EXPECT_FALSE(before.activity.minTotalMinutes);
    EXPECT_EQ(before.activity.minLongBreakSessions, 1);
    EXPECT_EQ(after.id, "national-2025");
    EXPECT_EQ(after.activity.minTotalMinutes, 120);
    EXPECT_FALSE(after.activity.minInSchoolMinutes);
    EXPECT_EQ(after.activity.minLongBreakSessions, 2);
    EXPECT_EQ(after.activity.minLongBreakMinutesPerSession, 30);
    // Days before the first set use the first set.
    EXPECT_EQ(nationalRuleSetFor(d("2019-09-01")).id, "national-2022");
}

TEST(RuleSets, GIVEN_national_sets_WHEN_read_THEN_hold_policy_rules_defaults)
{
    const RuleSet& r = nationalRuleSetFor(d("2026-11-20"));
    EXPECT_EQ(r.homework.g3_6MaxMinutes, 60);
    EXPECT_EQ(r.homework.g7_9MaxMinutes, 90);
    EXPECT_EQ(r.sleep.primaryMinHours, 10.0);
    EXPECT_EQ(r.sleep.juniorMinHours, 9.0);
    EXPECT_EQ(r.timetable.weeklyLessons[1], 26);
    EXPECT_EQ(r.timetable.weeklyLessons[4], 30);
    EXPECT_EQ(r.timetable.weeklyLessons[9], 34);
    EXPECT_EQ(r.timetable.weeklyPe[2], 4);
    EXPECT_EQ(r.timetable.weeklyPe[3], 3);
    EXPECT_EQ(r.training.cycleHours, 360);
    EXPECT_EQ(r.training.probationHours, 120);
}

namespace {
struct ActivityFixture : ::testing::Test {
    PolicyDataset data;
    ActivityFixture()
    {
        data.classes["c5"] = makeClass(5);
        data.terms["t2024"] = term("2024秋", "2024-09-01", "2025-01-17");
    }
    void add(const char* date, int pe, int longBreak, int sessions, int afterSchool, int outOfSchool)
    {
        PhysicalActivity a;
        a.classId = "c5";
        a.date = d(date);
        a.peLessonMinutes = pe;
        a.longBreakMinutes = longBreak;
        a.longBreakSessions = sessions;
        a.afterSchoolMinutes = afterSchool;
        a.outOfSchoolMinutes = outOfSchool;
        data.activity.push_back({"a" + std::to_string(data.activity.size()), a});
    }
    std::vector<Finding> run(const CountyOverrides& o = {})
    {
        return checkActivity(data, d("2024-09-01"), d("2025-01-17"), o);
    }
};
}  // namespace

TEST_F(ActivityFixture, GIVEN_same_day_figures_WHEN_checked_on_2024_12_31_and_2025_01_02_THEN_each_set_applies)
{
    // 40 PE + 30 long break (1 session) = 70 min in school: fine before 2025, short of 120 after.
    add("2024-12-31", 40, 30, 1, 0, 0);
    add("2025-01-02", 40, 30, 1, 0, 0);
    const auto f = run();
    const auto old = withRule(f, "activity.in_school_minimum");
    EXPECT_TRUE(old.empty());
    const auto total = withRule(f, "activity.total_minimum");
    ASSERT_EQ(total.size(), 1u);
    EXPECT_EQ(total[0].date, d("2025-01-02"));
    EXPECT_EQ(total[0].ruleSetId, "national-2025");
    EXPECT_EQ(total[0].expectedValue, 120);
    const auto breaks = withRule(f, "activity.long_break");
    ASSERT_EQ(breaks.size(), 1u);  // one session is enough before 2025, two are needed after
    EXPECT_EQ(breaks[0].date, d("2025-01-02"));
}

TEST_F(ActivityFixture, GIVEN_59_min_in_school_in_2024_WHEN_checked_THEN_hard_finding)
{
    add("2024-12-30", 29, 30, 1, 0, 60);  // out-of-school minutes do not count before 2025
    const auto f = withRule(run(), "activity.in_school_minimum");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].actualValue, 59);
    EXPECT_EQ(f[0].severity, Severity::Hard);
    EXPECT_EQ(f[0].ruleSetId, "national-2022");
}

TEST_F(ActivityFixture, GIVEN_2025_day_with_120_total_and_two_breaks_WHEN_checked_THEN_no_finding)
{
    add("2025-01-03", 40, 60, 2, 0, 20);
    EXPECT_TRUE(run().empty());
    add("2025-01-06", 40, 60, 2, 0, 19);
    EXPECT_EQ(withRule(run(), "activity.total_minimum").size(), 1u);
}

TEST_F(ActivityFixture, GIVEN_long_break_29_min_in_2024_WHEN_checked_THEN_long_break_finding)
{
    add("2024-12-30", 45, 29, 1, 0, 0);
    EXPECT_EQ(withRule(run(), "activity.long_break").size(), 1u);
}

TEST_F(ActivityFixture, GIVEN_county_daily_pe_WHEN_day_without_pe_THEN_finding)
{
    add("2024-12-30", 0, 60, 2, 30, 0);
    auto parsed = parseCountyOverrides(Json{{"activity", {{"daily_pe_lesson", true}}}});
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(withRule(run(parsed.overrides), "activity.daily_pe_lesson").size(), 1u);
    EXPECT_TRUE(withRule(run(), "activity.daily_pe_lesson").empty());
}

// ---- County overrides -------------------------------------------------------------------------------

TEST(CountyOverrides, GIVEN_stricter_homework_cap_45_WHEN_parsed_THEN_accepted_and_applied)
{
    const auto r = parseCountyOverrides(Json{{"format", 1}, {"homework", {{"g3_6_max_minutes", 45}, {"g7_9_max_minutes", 60}}}});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.overrides.homeworkG3_6MaxMinutes, 45);
    const RuleSet rules = effectiveRules(d("2026-11-20"), r.overrides);
    EXPECT_EQ(rules.homework.g3_6MaxMinutes, 45);
    EXPECT_EQ(rules.homework.g7_9MaxMinutes, 60);
    EXPECT_EQ(rules.id, "national-2025+county");
}

TEST(CountyOverrides, GIVEN_looser_homework_cap_70_WHEN_parsed_THEN_refused_naming_field)
{
    const auto r = parseCountyOverrides(Json{{"homework", {{"g3_6_max_minutes", 70}}}});
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].field, "homework.g3_6_max_minutes");
    EXPECT_NE(r.errors[0].messageEn.find("looser"), std::string::npos);
    EXPECT_FALSE(r.errors[0].messageZh.empty());
    EXPECT_TRUE(r.overrides.empty());  // nothing half-applied
}

TEST(CountyOverrides, GIVEN_sleep_and_training_values_WHEN_parsed_THEN_higher_accepted_lower_refused)
{
    EXPECT_TRUE(parseCountyOverrides(Json{{"sleep", {{"primary_min_hours", 10.5}, {"junior_min_hours", 9}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"sleep", {{"junior_min_hours", 8.5}}}}).ok());
    EXPECT_TRUE(parseCountyOverrides(Json{{"training", {{"cycle_hours", 400}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"training", {{"cycle_hours", 300}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"training", {{"probation_hours", 100}}}}).ok());
}

TEST(CountyOverrides, GIVEN_activity_values_WHEN_parsed_THEN_looser_than_any_national_set_refused)
{
    EXPECT_TRUE(parseCountyOverrides(Json{{"activity", {{"min_total_minutes", 150}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"activity", {{"min_total_minutes", 90}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"activity", {{"min_in_school_minutes", 50}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"activity", {{"min_long_break_sessions", 1}}}}).ok());
}

TEST(CountyOverrides, GIVEN_unknown_key_or_wrong_type_WHEN_parsed_THEN_refused)
{
    EXPECT_FALSE(parseCountyOverrides(Json{{"homework", {{"g3_6_max", 45}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"homewrk", {{"g3_6_max_minutes", 45}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"homework", {{"g3_6_max_minutes", "45"}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"format", 2}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json::array()).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"county_code", "12345"}}).ok());
}

TEST(CountyOverrides, GIVEN_provincial_weekly_lessons_WHEN_parsed_THEN_pe_floor_and_total_enforced)
{
    const Json ok{{"timetable", {{"weekly_lessons", {{"3", {{"moral", 2}, {"pe", 3}, {"math", 4}, {"it", 1}}}}}}}};
    const auto r = parseCountyOverrides(ok);
    ASSERT_TRUE(r.ok()) << r.errors.at(0).messageEn;
    ASSERT_EQ(r.overrides.weeklyLessons.size(), 1u);
    EXPECT_EQ(r.overrides.weeklyLessons[0].first, 3);
    EXPECT_FALSE(parseCountyOverrides(Json{{"timetable", {{"weekly_lessons", {{"1", {{"pe", 3}}}}}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"timetable", {{"weekly_lessons", {{"10", {{"pe", 3}}}}}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"timetable", {{"weekly_lessons", {{"3", {{"math", 31}}}}}}}}).ok());
    EXPECT_FALSE(parseCountyOverrides(Json{{"timetable", {{"weekly_lessons", {{"3", {{"alchemy", 1}}}}}}}}).ok());
}

TEST(CountyOverrides, GIVEN_parsed_overrides_WHEN_serialised_THEN_round_trip)
{
    const Json in{{"format", 1},
                  {"county_code", "110105"},
                  {"homework", {{"g3_6_max_minutes", 45}}},
                  {"sleep", {{"min_share_reaching", 0.8}}},
                  {"activity", {{"daily_pe_lesson", true}, {"min_total_minutes", 130}}},
                  {"timetable", {{"weekly_lessons", {{"7", {{"math", 4}, {"pe", 3}}}}}}},
                  {"training", {{"cycle_hours", 400}}}};
    const auto r = parseCountyOverrides(in);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(toJson(r.overrides), in);
    EXPECT_TRUE(parseCountyOverrides(Json::object()).ok());
    EXPECT_TRUE(parseCountyOverrides(Json::object()).overrides.empty());
}
