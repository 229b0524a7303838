#include <gtest/gtest.h>

#include "policy.h"
#include "test_policy_helpers.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
struct PolicyFixture : ::testing::Test {
    PolicyDataset data;
    PolicyFixture()
    {
        data.classes["c2"] = makeClass(2);
        data.classes["c3"] = makeClass(3);
        data.classes["c6"] = makeClass(6);
        data.classes["c7"] = makeClass(7);
        data.classes["c9"] = makeClass(9);
        data.terms["term1"] = autumnTerm2026();
    }
    void addHomework(const Homework& h) { data.homework.push_back({"hw" + std::to_string(data.homework.size()), h}); }
    // Written homework of `total` minutes for a class on a day, split over two subjects.
    void dayOf(const std::string& classId, const char* date, int total)
    {
        addHomework(homework(classId, date, "chinese", total / 2));
        addHomework(homework(classId, date, "math", total - total / 2));
    }
    std::vector<Finding> run(const CountyOverrides& o = {})
    {
        return runPolicyChecks(data, d("2026-09-01"), d("2027-01-15"), o);
    }
};
}  // namespace

// 2026-11-20 is a Friday inside the autumn term.

TEST_F(PolicyFixture, GIVEN_G3_written_homework_60_min_WHEN_checked_THEN_no_finding)
{
    dayOf("c3", "2026-11-20", 60);
    EXPECT_TRUE(withRule(run(), "homework.g3_6_cap").empty());
}

TEST_F(PolicyFixture, GIVEN_G3_written_homework_61_min_WHEN_checked_THEN_hard_finding_with_figures)
{
    dayOf("c3", "2026-11-20", 61);
    const auto f = withRule(run(), "homework.g3_6_cap");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Hard);
    EXPECT_EQ(f[0].scopeKind, "class");
    EXPECT_EQ(f[0].scopeId, "c3");
    EXPECT_EQ(f[0].date, d("2026-11-20"));
    EXPECT_EQ(f[0].expectedValue, 60);
    EXPECT_EQ(f[0].actualValue, 61);
    EXPECT_EQ(f[0].recordIds.size(), 2u);
    EXPECT_NE(f[0].source.find("双减"), std::string::npos);
    EXPECT_FALSE(f[0].messageZh.empty());
}

TEST_F(PolicyFixture, GIVEN_G6_61_min_WHEN_checked_THEN_same_rule_applies_to_grade_6)
{
    dayOf("c6", "2026-11-20", 61);
    EXPECT_EQ(withRule(run(), "homework.g3_6_cap").size(), 1u);
}

TEST_F(PolicyFixture, GIVEN_G7_89_90_91_min_WHEN_checked_THEN_only_91_is_a_finding)
{
    dayOf("c7", "2026-11-17", 89);
    dayOf("c7", "2026-11-18", 90);
    dayOf("c7", "2026-11-19", 91);
    const auto f = withRule(run(), "homework.g7_9_cap");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].date, d("2026-11-19"));
    EXPECT_EQ(f[0].actualValue, 91);
    EXPECT_EQ(f[0].expectedValue, 90);
}

TEST_F(PolicyFixture, GIVEN_G2_any_written_homework_at_home_WHEN_checked_THEN_hard_finding)
{
    addHomework(homework("c2", "2026-11-20", "math", 1));
    const auto f = withRule(run(), "homework.g1_2_written_at_home");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Hard);
    EXPECT_EQ(f[0].actualValue, 1);
    EXPECT_EQ(f[0].expectedValue, 0);
}

TEST_F(PolicyFixture, GIVEN_G2_in_school_or_non_written_homework_WHEN_checked_THEN_no_finding)
{
    addHomework(homework("c2", "2026-11-20", "math", 20, /*written*/ true, /*atHome*/ false));
    addHomework(homework("c2", "2026-11-20", "chinese", 20, /*written*/ false, /*atHome*/ true));
    EXPECT_TRUE(withRule(run(), "homework.g1_2_written_at_home").empty());
}

TEST_F(PolicyFixture, GIVEN_non_written_homework_WHEN_checked_THEN_not_counted_against_cap)
{
    dayOf("c3", "2026-11-20", 60);
    addHomework(homework("c3", "2026-11-20", "science", 40, /*written*/ false));
    EXPECT_TRUE(withRule(run(), "homework.g3_6_cap").empty());
}

TEST_F(PolicyFixture, GIVEN_over_cap_on_weekend_or_holiday_WHEN_checked_THEN_no_national_finding)
{
    dayOf("c3", "2026-11-21", 100);  // Saturday
    dayOf("c3", "2026-10-02", 100);  // National Day holiday
    EXPECT_TRUE(withRule(run(), "homework.g3_6_cap").empty());
}

TEST_F(PolicyFixture, GIVEN_over_cap_with_reason_WHEN_checked_THEN_finding_carries_reason)
{
    auto h = homework("c3", "2026-11-20", "math", 75);
    h.overCapReason = "期中复习";
    addHomework(h);
    const auto f = withRule(run(), "homework.g3_6_cap");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].reason, "期中复习");
    EXPECT_NE(f[0].messageZh.find("期中复习"), std::string::npos);
}

TEST_F(PolicyFixture, GIVEN_one_reason_saved_on_every_row_of_the_day_WHEN_checked_THEN_the_message_says_it_once)
{
    // The homework page stores the day's reason on each of its rows (issue 8: Today showed it four times).
    for (const char* subject : {"chinese", "math", "english", "science"}) {
        auto h = homework("c3", "2026-11-20", subject, 20);
        h.overCapReason = "单元测验前集中复习";
        addHomework(h);
    }
    auto other = homework("c3", "2026-11-20", "art", 5);
    other.overCapReason = "手工作品";
    addHomework(other);
    const auto f = withRule(run(), "homework.g3_6_cap");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].reason, "单元测验前集中复习; 手工作品");
    EXPECT_EQ(f[0].messageZh.find("单元测验前集中复习"), f[0].messageZh.rfind("单元测验前集中复习"));
}

TEST_F(PolicyFixture, GIVEN_county_cap_45_WHEN_50_min_THEN_finding_cites_county)
{
    dayOf("c3", "2026-11-20", 50);
    auto parsed = parseCountyOverrides(Json{{"homework", {{"g3_6_max_minutes", 45}}}});
    ASSERT_TRUE(parsed.ok());
    const auto f = withRule(run(parsed.overrides), "homework.g3_6_cap");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].expectedValue, 45);
    EXPECT_NE(f[0].source.find("county"), std::string::npos);
    EXPECT_EQ(homeworkCapMinutes(4, d("2026-11-20"), parsed.overrides), 45);
    EXPECT_EQ(homeworkCapMinutes(4, d("2026-11-20")), 60);
    EXPECT_EQ(homeworkCapMinutes(8, d("2026-11-20")), 90);
    EXPECT_EQ(homeworkCapMinutes(1, d("2026-11-20")), 0);
}

TEST_F(PolicyFixture, GIVEN_homework_outside_range_WHEN_checked_THEN_ignored)
{
    dayOf("c3", "2026-11-20", 100);
    EXPECT_TRUE(runPolicyChecks(data, d("2026-11-21"), d("2026-11-30")).empty());
}

// ---- Sleep -------------------------------------------------------------------------------------

TEST_F(PolicyFixture, GIVEN_G7_sleep_9_0_h_WHEN_checked_THEN_no_finding)
{
    data.sleep.push_back({"s1", sleepSurvey("c7", "2026-11-20", 9.0)});
    EXPECT_TRUE(withRule(run(), "sleep.average_below_standard").empty());
}

TEST_F(PolicyFixture, GIVEN_G7_sleep_8_9_h_WHEN_checked_THEN_soft_finding)
{
    data.sleep.push_back({"s1", sleepSurvey("c7", "2026-11-20", 8.9, 40, 12)});
    const auto f = withRule(run(), "sleep.average_below_standard");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, Severity::Soft);
    EXPECT_EQ(f[0].expectedValue, 9.0);
    EXPECT_DOUBLE_EQ(f[0].actualValue, 8.9);
    EXPECT_NE(f[0].actual.find("30%"), std::string::npos) << f[0].actual;  // 12 of 40 reach it
}

TEST_F(PolicyFixture, GIVEN_primary_sleep_9_5_h_WHEN_checked_THEN_soft_finding_against_10_h)
{
    data.sleep.push_back({"s1", sleepSurvey("c3", "2026-11-20", 9.5)});
    data.sleep.push_back({"s2", sleepSurvey("c3", "2026-11-19", 10.0)});
    const auto f = withRule(run(), "sleep.average_below_standard");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].expectedValue, 10.0);
    EXPECT_EQ(f[0].date, d("2026-11-20"));
}

TEST_F(PolicyFixture, GIVEN_county_share_90_percent_WHEN_share_below_THEN_soft_finding)
{
    data.sleep.push_back({"s1", sleepSurvey("c7", "2026-11-20", 9.2, 40, 35)});
    auto parsed = parseCountyOverrides(Json{{"sleep", {{"min_share_reaching", 0.9}}}});
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(withRule(run(parsed.overrides), "sleep.share_reaching_below").size(), 1u);
    EXPECT_TRUE(withRule(run(), "sleep.share_reaching_below").empty());
}

TEST_F(PolicyFixture, GIVEN_findings_WHEN_serialised_THEN_json_has_rule_scope_and_severity)
{
    dayOf("c3", "2026-11-20", 61);
    const Json j = toJson(run().at(0));
    EXPECT_EQ(j.at("rule"), "homework.g3_6_cap");
    EXPECT_EQ(j.at("scope").at("kind"), "class");
    EXPECT_EQ(j.at("scope").at("date"), "2026-11-20");
    EXPECT_EQ(j.at("severity"), "hard");
    EXPECT_EQ(j.at("rule_set"), "national-2025");
}
