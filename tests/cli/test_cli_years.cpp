// School years in the CLI (issue 11): class edit --grade [--from], year preview|start, teacher
// leave|rejoin, 调休 working days.
#include <gtest/gtest.h>

#include <set>

#include "cli_runner.h"

using namespace taizhang::testing;

namespace {
struct YearsCli : ::testing::Test {
    TempDir dir;
    CliRunner runner{dir, "2027-09-20"};

    CliResult cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", "s.db"});
        return runner.run(args);
    }
    void SetUp() override
    {
        auto r = cli({"init", "--code", "2133010602", "--name", "青禾小学", "--county", "330106", "--type", "primary",
                      "--term-name", "2026-2027学年第一学期", "--term-start", "2026-09-01", "--term-end", "2027-01-15"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        r = cli({"term", "add", "--name", "2027-2028学年第一学期", "--start", "2027-09-01", "--end", "2028-01-20",
                 "--workday", "2027-09-12"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    nlohmann::json classNamed(const std::string& name)
    {
        const auto classes = cli({"--json", "class", "list"}).json();
        for (const auto& c : classes)
            if (c["body"]["name"] == name) return c;
        return nullptr;
    }
    // rule -> dates of its findings
    std::map<std::string, std::set<std::string>> findings(const std::string& from, const std::string& to)
    {
        const auto r = cli({"--json", "check", "--from", from, "--to", to});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        std::map<std::string, std::set<std::string>> out;
        const auto report = r.json();  // kept alive: a range-for over r.json()["findings"] would dangle
        for (const auto& f : report["findings"])
            out[f["rule"].get<std::string>()].insert(f["scope"]["date"].get<std::string>());
        for (const char* rule : {"homework.g1_2_written_at_home", "homework.g3_6_cap"})
            out.try_emplace(rule);  // an empty set, compared by the test, rather than map::at throwing
        return out;
    }
};
}  // namespace

TEST_F(YearsCli, GIVEN_class_promoted_from_2027_09_01_WHEN_checked_THEN_old_findings_keep_grade_2_rules_new_days_grade_3)
{
    ASSERT_EQ(cli({"class", "add", "--grade", "2", "--name", "二年级1班"}).exitCode, 0);
    auto r = cli({"record", "add", "homework", "--class", "二年级1班", "--date", "2026-11-20", "--subject", "语文",
                  "--minutes", "20", "--reason", "补记"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"class", "edit", "二年级1班", "--grade", "3", "--name", "三年级1班", "--from", "2027-09-01"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // A grade-3 class may take 外语 (the grade-3 default subjects came with the promotion).
    r = cli({"record", "add", "homework", "--class", "三年级1班", "--date", "2027-09-16", "--subject", "英语",
             "--minutes", "70", "--reason", "开学测验"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"record", "add", "homework", "--class", "三年级1班", "--date", "2027-09-15", "--subject", "语文",
             "--minutes", "50"});
    ASSERT_EQ(r.exitCode, 0) << "50 min is fine in grade 3 (would need a reason in grade 2): " << r.err;
    const auto byRule = findings("2026-09-01", "2027-09-20");
    EXPECT_EQ(byRule.at("homework.g1_2_written_at_home"), std::set<std::string>{"2026-11-20"});
    EXPECT_EQ(byRule.at("homework.g3_6_cap"), std::set<std::string>{"2027-09-16"});
    // The table names the class as it was called on each finding's day.
    const auto table = cli({"check", "--from", "2026-09-01", "--to", "2027-09-20"}).out;
    EXPECT_NE(table.find("2026-11-20  二年级1班"), std::string::npos) << table;
    EXPECT_NE(table.find("2027-09-16  三年级1班"), std::string::npos) << table;
}

TEST_F(YearsCli, GIVEN_class_edit_grade_without_date_WHEN_saved_THEN_nothing_before_today_changes)
{
    ASSERT_EQ(cli({"class", "add", "--grade", "2", "--name", "二年级1班"}).exitCode, 0);
    auto r = cli({"class", "edit", "二年级1班", "--grade", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto c = classNamed("二年级1班");
    ASSERT_FALSE(c.is_null());
    EXPECT_EQ(c["body"]["grade"], 3);
    ASSERT_EQ(c["body"]["history"].size(), 1u);
    EXPECT_EQ(c["body"]["history"][0]["until"], "2027-09-19") << "today is 2027-09-20";
    EXPECT_EQ(c["body"]["history"][0]["grade"], 2);
    // Yesterday is still grade 2: written homework at home needs a reason there.
    r = cli({"record", "add", "homework", "--class", "二年级1班", "--date", "2027-09-17", "--subject", "语文",
             "--minutes", "10"});
    EXPECT_EQ(r.exitCode, 3) << r.out;
    EXPECT_NE(r.err.find("homework.over_cap_reason_required"), std::string::npos) << r.err;
    r = cli({"record", "add", "homework", "--class", "二年级1班", "--date", "2027-09-20", "--subject", "语文",
             "--minutes", "10"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

TEST_F(YearsCli, GIVEN_tiaoxiu_sunday_WHEN_homework_over_cap_THEN_checked_like_a_school_day)
{
    ASSERT_EQ(cli({"class", "add", "--grade", "4", "--name", "四年级1班"}).exitCode, 0);
    // 2027-09-12 is a Sunday made a working day; 2027-09-19 a plain Sunday.
    auto r = cli({"record", "add", "homework", "--class", "四年级1班", "--date", "2027-09-12", "--subject", "数学",
                  "--minutes", "70", "--reason", "调休"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err.find("date_weekend"), std::string::npos) << "no weekend warning on a 调休 day: " << r.err;
    r = cli({"record", "add", "homework", "--class", "四年级1班", "--date", "2027-09-19", "--subject", "数学",
             "--minutes", "70"});
    ASSERT_EQ(r.exitCode, 0) << "a plain Sunday has no cap: " << r.err;
    EXPECT_EQ(findings("2027-09-01", "2027-09-30").at("homework.g3_6_cap"), std::set<std::string>{"2027-09-12"});
}

TEST_F(YearsCli, GIVEN_primary_school_WHEN_year_previewed_then_started_THEN_preview_changes_nothing_and_start_does_all_at_once)
{
    for (const char* name : {"一年级1班", "五年级1班", "六年级1班"}) {
        auto r = cli({"class", "add", name});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    // Last year's timetable of 五年级1班: 外语 moves on with the class.
    ASSERT_EQ(cli({"record", "add", "timetable", "--class", "五年级1班", "--term", "2026-2027学年第一学期", "--weekday", "1",
                   "--period", "1", "--subject", "英语"})
                  .exitCode,
              0);
    const auto before = cli({"--json", "class", "list"}).json();
    auto r = cli({"--json", "year", "preview", "--date", "2027-09-01"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto plan = r.json();
    EXPECT_EQ(plan["terms_source"], "") << "the 2027-2028 term exists already";
    std::set<std::string> moves;
    for (const auto& s : plan["classes"]) moves.insert(std::string(s["action"]) + ":" + std::string(s["from_name"]) + ">" + std::string(s["to_name"]));
    EXPECT_EQ(moves, (std::set<std::string>{"graduate:六年级1班>六年级1班", "promote:五年级1班>六年级1班",
                                            "promote:一年级1班>二年级1班", "create:>一年级1班"}));
    EXPECT_EQ(cli({"--json", "class", "list"}).json(), before) << "preview wrote nothing";

    r = cli({"year", "start", "--date", "2027-09-01"});
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    const auto graduated = [&] {
        const auto classes = cli({"--json", "class", "list"}).json();
        for (const auto& c : classes)
            if (c["body"].contains("archived_from")) return c;
        return nlohmann::json();
    }();
    ASSERT_FALSE(graduated.is_null());
    EXPECT_EQ(graduated["body"]["name"], "六年级1班");
    EXPECT_EQ(graduated["body"]["archived_from"], "2027-09-01");
    EXPECT_EQ(classNamed("二年级1班")["body"]["grade"], 2);
    EXPECT_EQ(classNamed("一年级1班")["body"]["grade"], 1);
    // A second start for the same day is refused and changes nothing.
    const auto after = cli({"--json", "class", "list"}).json();
    EXPECT_EQ(cli({"year", "start", "--date", "2027-09-01"}).exitCode, 3);
    EXPECT_EQ(cli({"--json", "class", "list"}).json(), after);
    // The graduated class stays readable, but takes no record from its graduation day on.
    ASSERT_EQ(cli({"record", "add", "homework", "--class", graduated["id"], "--date", "2027-09-02", "--subject", "语文",
                   "--minutes", "10"})
                  .exitCode,
              3)
        << "no records after graduation";
}

TEST_F(YearsCli, GIVEN_year_with_given_term_WHEN_started_THEN_timetable_copied_as_drafts_into_the_new_term)
{
    ASSERT_EQ(cli({"class", "add", "三年级1班"}).exitCode, 0);
    ASSERT_EQ(cli({"record", "add", "timetable", "--class", "三年级1班", "--term", "2027-2028学年第一学期", "--weekday", "1",
                   "--period", "1", "--subject", "数学"})
                  .exitCode,
              0);
    auto r = cli({"year", "start", "--date", "2028-09-01", "--term", "2028-2029学年第一学期:2028-09-01:2029-01-19"});
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    const auto slots = cli({"--json", "record", "list", "timetable"}).json();
    ASSERT_EQ(slots.size(), 2u);
    int drafts = 0;
    for (const auto& s : slots) drafts += s["body"].value("draft", false) ? 1 : 0;
    EXPECT_EQ(drafts, 1);
    EXPECT_EQ(classNamed("四年级1班")["body"]["grade"], 4);
}

TEST_F(YearsCli, GIVEN_teacher_left_WHEN_rejoined_THEN_away_period_recorded_and_double_leave_refused)
{
    ASSERT_EQ(cli({"teacher", "add", "--name", "王丽", "--staff-number", "T01", "--hire-date", "2015-09-01"}).exitCode, 0);
    auto r = cli({"teacher", "leave", "T01", "--date", "2027-03-01", "--reason", "transferred"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(cli({"teacher", "leave", "T01", "--date", "2027-04-01"}).exitCode, 3);
    r = cli({"teacher", "rejoin", "T01", "--date", "2027-06-01"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto t = cli({"--json", "teacher", "list"}).json()[0]["body"];
    ASSERT_EQ(t["away"].size(), 1u);
    EXPECT_EQ(t["away"][0]["from"], "2027-03-01");
    EXPECT_EQ(t["away"][0]["until"], "2027-05-31");
    EXPECT_EQ(t["away"][0]["reason"], "transferred");
}

TEST_F(YearsCli, GIVEN_term_schedule_WHEN_first_lesson_before_0820_THEN_check_warns_soft_and_a_later_time_clears_it)
{
    auto r = cli({"term", "edit", "2027-2028学年第一学期", "--primary-first-lesson", "07:50"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto byRule = findings("2027-09-01", "2027-09-20");
    EXPECT_EQ(byRule["sleep.morning_start"], std::set<std::string>{"2027-09-01"});
    r = cli({"term", "edit", "2027-2028学年第一学期", "--primary-first-lesson", "08:30"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(findings("2027-09-01", "2027-09-20")["sleep.morning_start"].empty());
    EXPECT_EQ(cli({"term", "edit", "2027-2028学年第一学期", "--primary-first-lesson", "8点"}).exitCode, 3);
}
