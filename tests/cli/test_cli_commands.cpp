#include "demo_fixture.h"

using namespace taizhang::testing;

namespace {
struct CommandsTest : DemoSchoolTest {};

struct FreshTest : ::testing::Test {
    TempDir dir;
    CliRunner runner{dir};
};
}  // namespace

TEST_F(FreshTest, GIVEN_no_arguments_or_unknown_command_WHEN_run_THEN_usage_exit_2)
{
    EXPECT_EQ(runner.run({}).exitCode, 2);
    const auto r = runner.run({"frobnicate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos);
    EXPECT_EQ(runner.run({"help"}).exitCode, 0);
    const auto v = runner.run({"version"});
    EXPECT_EQ(v.exitCode, 0);
    EXPECT_EQ(v.out.rfind("taizhang ", 0), 0u);
    const auto dashed = runner.run({"--version"});  // what help2man and packagers call
    EXPECT_EQ(dashed.exitCode, 0);
    EXPECT_EQ(dashed.out, v.out);
}

TEST_F(FreshTest, GIVEN_missing_database_WHEN_listing_THEN_database_error_exit_4_and_no_file_created)
{
    const auto r = runner.run({"--db", "none.db", "class", "list"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("taizhang init"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.db")));
}

TEST_F(FreshTest, GIVEN_bad_school_code_WHEN_init_THEN_exit_3_naming_each_field)
{
    const auto r = runner.run({"--db", "s.db", "init", "--code", "12345", "--name", "x", "--county", "33010",
                               "--type", "nine_year"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("[school.code_invalid]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("[school.county_code_invalid]"), std::string::npos) << r.err;
}

TEST_F(FreshTest, GIVEN_plain_init_with_term_WHEN_adding_classes_and_checking_THEN_works_and_second_init_conflicts)
{
    auto r = runner.run({"--db", "s.db", "init", "--code", "2133010602", "--name", "青禾小学", "--county", "330106",
                         "--type", "primary", "--term-name", "2026-2027学年第一学期", "--term-start", "2026-09-01",
                         "--term-end", "2027-01-15", "--holiday", "国庆节:2026-10-01:2026-10-07"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = runner.run({"--db", "s.db", "class", "add", "三年级", "1-3", "班", "--students", "40"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto classes = runner.run({"--db", "s.db", "--json", "class", "list"}).json();
    ASSERT_EQ(classes.size(), 3u);
    EXPECT_EQ(classes[2]["body"]["name"], "三年级3班");
    EXPECT_EQ(classes[2]["body"]["grade"], 3);
    EXPECT_EQ(runner.run({"--db", "s.db", "class", "add", "三年级2班"}).exitCode, 6);
    EXPECT_EQ(runner.run({"--db", "s.db", "class", "add", "八年级1班"}).exitCode, 3) << "a primary school has no G8";
    const auto terms = runner.run({"--db", "s.db", "--json", "term", "list"}).json();
    ASSERT_EQ(terms.size(), 1u);
    EXPECT_EQ(terms[0]["body"]["holidays"][0]["name"], "国庆节");
    r = runner.run({"--db", "s.db", "check"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(runner.run({"--db", "s.db", "init", "--demo"}).exitCode, 6);
}

TEST_F(CommandsTest, GIVEN_homework_WHEN_added_edited_deleted_THEN_versions_and_history_follow)
{
    auto r = cli({"--json", "record", "add", "homework", "--class", "三年级1班", "--date", "2026-11-19", "--subject",
                  "科学", "--minutes", "5", "--written", "no", "--content", "观察天气"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string id = r.json()["id"];
    r = cli({"record", "edit", id, "--minutes", "8"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("version 2"), std::string::npos);
    r = cli({"record", "edit", id, "--minutes", "9", "--version", "1"});
    EXPECT_EQ(r.exitCode, 6) << "editing a stale version is a conflict";
    r = cli({"record", "delete", id, "--reason", "entered twice"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto history = cli({"--json", "record", "history", id}).json();
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[1]["before"]["minutes"], 5);
    EXPECT_EQ(history[1]["after"]["minutes"], 8);
    EXPECT_EQ(history[2]["action"], "delete");
    EXPECT_EQ(history[2]["reason"], "entered twice");
    EXPECT_EQ(cli({"record", "edit", id, "--minutes", "9"}).exitCode, 6) << "a deleted record cannot be edited";
    EXPECT_EQ(cli({"record", "history", "01a1f71c-0000-7000-8000-000000000000"}).exitCode, 5);
}

TEST_F(CommandsTest, GIVEN_entry_over_the_cap_WHEN_added_without_then_with_reason_THEN_refused_then_saved)
{
    const std::vector<std::string> add{"record", "add", "homework", "--class", "五年级2班", "--date", "2026-11-20",
                                       "--subject", "science", "--minutes", "30"};
    auto r = cli(add);
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("over_cap_reason"), std::string::npos) << r.err;
    auto withReason = add;
    withReason.insert(withReason.end(), {"--reason", "科学实验报告"});
    r = cli(withReason);
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

TEST_F(CommandsTest, GIVEN_bad_options_WHEN_adding_records_THEN_usage_2_or_invalid_3)
{
    EXPECT_EQ(cli({"record", "add", "homework", "--clas", "三年级1班"}).exitCode, 2);
    EXPECT_EQ(cli({"record", "add", "homework", "--class", "三年级1班"}).exitCode, 2);  // missing fields
    EXPECT_EQ(cli({"record", "add", "lunch"}).exitCode, 2);
    EXPECT_EQ(cli({"record", "add", "sleep", "--class", "三年级1班", "--date", "2026-11-19", "--surveyed", "40",
                   "--reaching-standard", "41", "--average-hours", "10"}).exitCode, 3);
    EXPECT_EQ(cli({"record", "add", "sleep", "--class", "三年级9班", "--date", "2026-11-19", "--surveyed", "40",
                   "--reaching-standard", "30", "--average-hours", "10"}).exitCode, 3);
}

TEST_F(CommandsTest, GIVEN_users_WHEN_added_listed_changed_disabled_THEN_no_secret_is_shown_and_codes_hold)
{
    auto r = cli({"user", "add", "wangli", "--role", "teacher", "--display-name", "王丽", "--password-stdin"},
                 "pin-246810\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(cli({"user", "add", "wangli", "--password-stdin"}, "another-1\n").exitCode, 6);
    EXPECT_EQ(cli({"user", "add", "zhao", "--password-stdin"}, "123\n").exitCode, 3);
    EXPECT_EQ(cli({"user", "add", "zhao", "--role", "root", "--password-stdin"}, "123456\n").exitCode, 2);
    r = cli({"--json", "user", "list"});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.find("pin-246810"), std::string::npos);
    EXPECT_EQ(r.out.find("argon2"), std::string::npos);
    EXPECT_EQ(r.json()[0]["display_name"], "王丽");
    EXPECT_EQ(cli({"user", "passwd", "wangli", "--password-stdin"}, "new-pin-1357\n").exitCode, 0);
    EXPECT_EQ(cli({"user", "passwd", "nobody", "--password-stdin"}, "new-pin-1357\n").exitCode, 5);
    EXPECT_EQ(cli({"user", "disable", "wangli"}).exitCode, 0);
    EXPECT_EQ(cli({"--json", "user", "list"}).json()[0]["disabled"], true);
    const std::string db = readFile(dir.file("school.db"));
    EXPECT_EQ(db.find("pin-246810"), std::string::npos);
    EXPECT_EQ(db.find("new-pin-1357"), std::string::npos);
}

TEST_F(CommandsTest, GIVEN_teacher_WHEN_added_and_edited_by_staff_number_THEN_listed_with_new_values)
{
    auto r = cli({"teacher", "add", "--name", "陈晓东", "--staff-number", "T9001", "--subjects", "数学,科学",
                  "--hire-date", "2020-08-28"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"teacher", "edit", "T9001", "--subjects", "math"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    bool found = false;
    for (const auto& t : cli({"--json", "teacher", "list"}).json())
        if (t["body"]["staff_number"] == "T9001") {
            found = true;
            EXPECT_EQ(t["body"]["subjects"], nlohmann::json::array({"math"}));
            EXPECT_EQ(t["version"], 2);
        }
    EXPECT_TRUE(found);
    EXPECT_EQ(cli({"teacher", "add", "--name", "重复", "--staff-number", "T9001", "--hire-date", "2020-08-28"}).exitCode,
              6);  // a duplicate staff number is a conflict (docs/cli.md)
    EXPECT_EQ(cli({"teacher", "delete", "T0000"}).exitCode, 5);
}

TEST(ClockBeforeDemoTerm, GIVEN_clock_before_the_demo_term_WHEN_init_demo_and_check_THEN_data_dated_at_term_end_and_findings_listed)
{
    TempDir dir;
    CliRunner early(dir, "2025-05-01");
    auto r = early.run({"--db", "d.db", "init", "--demo", "--classes", "9"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("dated as of 2027-01-15"), std::string::npos);
    r = early.run({"--db", "d.db", "--json", "check"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["to"], "2027-01-15");
    EXPECT_GT(r.json()["count"].get<int>(), 0);
}
