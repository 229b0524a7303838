#include <set>

#include "demo_fixture.h"

using namespace taizhang::testing;

namespace {
struct CheckTest : DemoSchoolTest {};

// rule id -> names of the scopes (classes / teachers) it was raised for.
std::map<std::string, std::set<std::string>> findingsByRule(const nlohmann::json& report,
                                                            const std::map<std::string, std::string>& names)
{
    std::map<std::string, std::set<std::string>> out;
    for (const auto& f : report["findings"]) {
        const std::string id = f["scope"]["id"];
        auto it = names.find(id);
        out[f["rule"]].insert(it == names.end() ? id : it->second);
    }
    return out;
}
}  // namespace

TEST_F(CheckTest, GIVEN_demo_school_WHEN_check_json_THEN_findings_are_exactly_the_deliberate_flaws)
{
    const auto r = cli({"check", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto report = r.json();
    EXPECT_EQ(report["from"], "2026-09-01");
    EXPECT_EQ(report["to"], "2026-11-20");
    std::map<std::string, std::string> names;
    for (const auto& [name, id] : idsByName("class")) names[id] = name;
    for (const auto& [name, id] : idsByName("teacher")) names[id] = name;
    const auto byRule = findingsByRule(report, names);

    EXPECT_EQ(byRule.at("homework.g3_6_cap"), std::set<std::string>{"五年级1班"});
    EXPECT_EQ(byRule.at("homework.g1_2_written_at_home"), std::set<std::string>{"二年级1班"});
    EXPECT_EQ(byRule.at("sleep.average_below_standard"), std::set<std::string>{"八年级1班"});
    EXPECT_EQ(byRule.at("timetable.pe_lessons"), std::set<std::string>{"四年级1班"});
    ASSERT_EQ(byRule.at("training.cycle_hours").size(), 1u);
    ASSERT_EQ(byRule.at("training.probation_progress").size(), 1u);
    EXPECT_NE(*byRule.at("training.cycle_hours").begin(), *byRule.at("training.probation_progress").begin());
    // Nothing else: no activity findings (every day reaches 120 min with two long breaks), no
    // homework findings for any other class, no timetable findings besides the PE one.
    std::set<std::string> rules;
    for (const auto& [rule, scopes] : byRule) rules.insert(rule);
    EXPECT_EQ(rules, (std::set<std::string>{"homework.g3_6_cap", "homework.g1_2_written_at_home",
                                            "sleep.average_below_standard", "timetable.pe_lessons",
                                            "training.cycle_hours", "training.yearly_progress",
                                            "training.probation_progress"}));
    for (const auto& f : report["findings"]) {
        if (f["rule"] == "homework.g3_6_cap") {
            EXPECT_EQ(f["severity"], "hard");
            EXPECT_EQ(f["expected_value"], 60);
            EXPECT_GT(f["actual_value"].get<double>(), 60);
            EXPECT_EQ(f["reason"], "单元测验前集中复习");
        }
        if (f["rule"] == "sleep.average_below_standard") {
            EXPECT_EQ(f["severity"], "soft");
            EXPECT_EQ(f["expected_value"], 9);
        }
    }
}

TEST_F(CheckTest, GIVEN_demo_school_WHEN_check_as_table_THEN_class_names_and_summary_line_are_printed)
{
    const auto r = cli({"check", "--from", "2026-09-01", "--to", "2026-09-30"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("五年级1班"), std::string::npos);
    EXPECT_NE(r.out.find("homework.g3_6_cap"), std::string::npos);
    EXPECT_NE(r.out.find("finding(s):"), std::string::npos);
}

TEST_F(CheckTest, GIVEN_findings_WHEN_check_with_fail_on_findings_THEN_exit_1)
{
    EXPECT_EQ(cli({"check", "--fail-on-findings"}).exitCode, 1);
}

TEST_F(CheckTest, GIVEN_range_without_flaws_WHEN_check_THEN_only_the_as_of_findings_remain)
{
    // 2026-09-08..09-11: no over-cap day, no Monday sleep survey of 八年级1班 after the 7th.
    const auto r = cli({"--json", "check", "--from", "2026-09-08", "--to", "2026-09-11"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const auto& f : r.json()["findings"]) {
        const std::string rule = f["rule"];
        EXPECT_TRUE(rule.rfind("training.", 0) == 0 || rule == "timetable.pe_lessons") << rule;
    }
}

TEST_F(CheckTest, GIVEN_to_before_from_WHEN_check_THEN_usage_error_2)
{
    const auto r = cli({"check", "--from", "2026-10-01", "--to", "2026-09-01"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("before"), std::string::npos);
}

TEST_F(CheckTest, GIVEN_demo_school_WHEN_export_findings_THEN_bom_csv_with_one_row_per_finding)
{
    const auto json = cli({"--json", "check"}).json();
    const auto r = cli({"export", "findings", "--out", "findings.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string csv = readFile(dir.file("findings.csv"));
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    std::size_t lines = 0;
    for (std::size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2)) ++lines;
    EXPECT_EQ(lines, json["count"].get<std::size_t>() + 1);
    EXPECT_NE(csv.find("五年级1班,homework.g3_6_cap,hard"), std::string::npos);
}
