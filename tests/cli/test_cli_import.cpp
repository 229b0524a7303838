#include "demo_fixture.h"

using namespace taizhang::testing;

namespace {
struct ImportTest : DemoSchoolTest {
    std::size_t outboxAndRecords()
    {
        return countRecords("homework") + countRecords("sleep");
    }
};

// "三年级1班,2026-11-19,科学,20,否,口算练习" in GBK, as Chinese Excel saves it: written as bytes so the
// fixture does not depend on the code under test.
const std::string kGbkHeader = "\xB0\xE0\xBC\xB6,\xC8\xD5\xC6\xDA,\xD1\xA7\xBF\xC6,\xCA\xB1\xB3\xA4,\xCA\xE9\xC3\xE6,"
                               "\xC4\xDA\xC8\xDD\r\n";  // 班级,日期,学科,时长,书面,内容
const std::string kGbkRow = "\xC8\xFD\xC4\xEA\xBC\xB6" "1\xB0\xE0,2026-11-19,\xBF\xC6\xD1\xA7,20,\xB7\xF1,"
                            "\xBF\xDA\xCB\xE3\xC1\xB7\xCF\xB0\r\n";
}  // namespace

TEST_F(ImportTest, GIVEN_malformed_csv_WHEN_imported_THEN_every_bad_row_is_reported_and_nothing_written)
{
    const std::size_t before = countRecords("homework");
    writeFile(dir.file("bad.csv"),
              "class,date,subject,minutes,written,at_home\n"
              "三年级1班,2026-11-19,science,10,no,yes\n"      // line 2: fine
              "三年级1班,2026-11-19,数学,abc,yes,yes\n"        // line 3: minutes
              "三年级9班,2026-13-01,math,10,maybe,yes\n"       // line 4: class, date, written
              "\"unterminated\"x,2026-11-19,math,5,yes,yes\n"  // line 5: CSV syntax
              "三年级2班,2026-11-19,math,-5,yes,yes\n");       // line 6: validation (negative)
    const auto r = cli({"import", "--kind", "homework", "bad.csv"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("line 3, column 4 (minutes): must be a whole number, got 'abc'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 4, column 1 (class): no class named '三年级9班'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 4, column 2 (date)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 4, column 5 (written)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 5, column 1"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("line 2,"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing was imported"), std::string::npos);
    EXPECT_EQ(countRecords("homework"), before);
}

TEST_F(ImportTest, GIVEN_rows_refused_by_validation_WHEN_imported_THEN_lines_and_columns_named_and_nothing_written)
{
    const std::size_t before = countRecords("sleep");
    writeFile(dir.file("sleep.csv"),
              "class,date,surveyed,reaching_standard,average_hours\r\n"
              "三年级1班,2026-11-19,40,30,10.2\r\n"
              "三年级2班,2026-11-19,40,45,10.1\r\n"    // more reaching than surveyed
              "三年级1班,2026-11-19,40,30,10.2\r\n"    // duplicate of line 2
              "三年级2班,2026-11-21,40,30,10.1\r\n");  // in the future (today is 11-20)
    const auto r = cli({"import", "--kind", "sleep", "sleep.csv"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("line 3, column 4 (reaching_standard)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 4"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 5, column 2 (date)"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("line 2,"), std::string::npos) << r.err;
    EXPECT_EQ(countRecords("sleep"), before);
}

TEST_F(ImportTest, GIVEN_gbk_file_with_chinese_headers_WHEN_imported_THEN_decoded_and_written)
{
    writeFile(dir.file("gbk.csv"), kGbkHeader + kGbkRow);
    const auto r = cli({"import", "--kind", "homework", "gbk.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("imported 1 homework record(s)"), std::string::npos);
    EXPECT_NE(r.out.find("GBK"), std::string::npos);
    const auto list = cli({"--json", "record", "list", "homework", "--class", "三年级1班", "--from", "2026-11-19",
                           "--to", "2026-11-19"}).json();
    bool found = false;
    for (const auto& rec : list)
        if (rec["body"]["content"] == "口算练习") {
            found = true;
            EXPECT_EQ(rec["body"]["subject"], "science");
            EXPECT_EQ(rec["body"]["written"], false);
            EXPECT_EQ(rec["body"]["minutes"], 20);
            EXPECT_EQ(rec["author"], "import");
        }
    EXPECT_TRUE(found);
}

TEST_F(ImportTest, GIVEN_utf8_bom_crlf_and_multiline_quoted_content_WHEN_imported_THEN_all_rows_written)
{
    const std::size_t before = countRecords("homework");
    writeFile(dir.file("bom.csv"), "\xEF\xBB\xBF" "class,date,subject,minutes,written,content\r\n"
                                   "三年级1班,2026/11/19,科学,10,否,\"观察月相，\r\n记录两晚\"\r\n"
                                   ",,,,,\r\n"
                                   "三年级2班,2026-11-19,science,10,no,\"读\"\"科学家的故事\"\"\"\r\n");
    const auto r = cli({"import", "--kind", "homework", "bom.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("UTF-8 with BOM"), std::string::npos);
    EXPECT_EQ(countRecords("homework"), before + 2);
    const auto list = cli({"--json", "record", "list", "homework", "--class", "三年级1班", "--from", "2026-11-19",
                           "--to", "2026-11-19"}).json();
    bool found = false;
    for (const auto& rec : list) found = found || rec["body"]["content"] == "观察月相，\n记录两晚";
    EXPECT_TRUE(found);
}

TEST_F(ImportTest, GIVEN_unknown_or_missing_columns_WHEN_imported_THEN_header_problems_reported_exit_3)
{
    writeFile(dir.file("h.csv"), "class,date,subjekt,minutes\n三年级1班,2026-11-19,math,10\n");
    const auto r = cli({"import", "--kind", "homework", "h.csv"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("line 1, column 3 (subjekt): unknown column"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("required column subject is missing"), std::string::npos) << r.err;
}

TEST_F(ImportTest, GIVEN_invalid_bytes_after_a_bom_WHEN_imported_THEN_encoding_error_names_the_line)
{
    writeFile(dir.file("mixed.csv"), "\xEF\xBB\xBF" "class,date\n" + kGbkRow);
    const auto r = cli({"import", "--kind", "homework", "mixed.csv"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
}

TEST_F(ImportTest, GIVEN_over_cap_rows_without_reason_WHEN_imported_THEN_refused_with_reason_column_named)
{
    writeFile(dir.file("cap.csv"), "class,date,subject,minutes\n"
                                   "三年级1班,2026-11-20,science,40\n");  // 11-20 already has ~45 min
    const auto r = cli({"import", "--kind", "homework", "cap.csv"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("homework.over_cap_reason_required"), std::string::npos) << r.err;
}

TEST_F(ImportTest, GIVEN_demo_homework_WHEN_exported_THEN_bom_crlf_header_and_chinese_names)
{
    const auto r = cli({"export", "--kind", "homework", "--from", "2026-11-20", "--to", "2026-11-20", "--out",
                        "hw.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string csv = readFile(dir.file("hw.csv"));
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
              "id,class,date,subject,minutes,written,at_home,content,teacher,over_cap_reason,none,version,updated_at,author");
    EXPECT_NE(csv.find(",三年级1班,2026-11-20,数学,"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.file("hw.csv.tmp")));
    // Re-importing the export is refused as a whole: every row duplicates a stored record.
    const auto again = cli({"import", "--kind", "homework", "hw.csv"});
    EXPECT_EQ(again.exitCode, 3);
    EXPECT_NE(again.err.find("homework.duplicate"), std::string::npos) << again.err;
}

// 无作业 through the CLI and CSV: `--none yes` alone records it (no subject, 0 minutes); homework
// for that class-day is then refused; the export writes it in the last field column (none = yes,
// subject empty) and imports back; a file with the columns of older exports (no none column)
// still imports, as ordinary homework.
TEST_F(ImportTest, GIVEN_a_class_day_marked_no_homework_WHEN_exported_and_imported_THEN_the_mark_round_trips_and_old_files_still_import)
{
    const std::vector<std::string> day{"--from", "2026-11-19", "--to", "2026-11-19", "--class", "三年级1班"};
    auto dayRecords = [&] {
        std::vector<std::string> args{"--json", "record", "list", "homework"};
        args.insert(args.end(), day.begin(), day.end());
        return cli(args).json();
    };
    for (const auto& r : dayRecords()) ASSERT_EQ(cli({"record", "delete", "homework", r["id"]}).exitCode, 0);
    ASSERT_TRUE(dayRecords().empty());

    auto added = cli({"record", "add", "homework", "--class", "三年级1班", "--date", "2026-11-19", "--none", "yes",
                      "--content", "秋游"});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    auto marked = dayRecords();
    ASSERT_EQ(marked.size(), 1u);
    EXPECT_EQ(marked[0]["body"]["none"], true);
    EXPECT_EQ(marked[0]["body"]["subject"], "");
    EXPECT_EQ(marked[0]["body"]["minutes"], 0);
    const auto refused = cli({"record", "add", "homework", "--class", "三年级1班", "--date", "2026-11-19", "--subject",
                              "数学", "--minutes", "10", "--content", "口算"});
    EXPECT_EQ(refused.exitCode, 3);
    EXPECT_NE(refused.err.find("homework.day_marked_none"), std::string::npos) << refused.err;

    std::vector<std::string> exportArgs{"export", "--kind", "homework", "--out", "none.csv"};
    exportArgs.insert(exportArgs.end(), day.begin(), day.end());
    ASSERT_EQ(cli(exportArgs).exitCode, 0);
    const std::string csv = readFile(dir.file("none.csv"));
    // subject empty, 0 minutes, written / at_home / teacher / reason not given, none = yes, version 1
    EXPECT_NE(csv.find(",三年级1班,2026-11-19,,0,,,秋游,,,yes,1,"), std::string::npos) << csv;

    ASSERT_EQ(cli({"record", "delete", "homework", marked[0]["id"]}).exitCode, 0);
    const auto back = cli({"import", "--kind", "homework", "none.csv"});
    ASSERT_EQ(back.exitCode, 0) << back.err;
    marked = dayRecords();
    ASSERT_EQ(marked.size(), 1u);
    EXPECT_EQ(marked[0]["body"]["none"], true);
    EXPECT_EQ(marked[0]["body"]["content"], "秋游");

    // The columns every export had before 无作业: read as ordinary homework, no "none" written.
    ASSERT_EQ(cli({"record", "delete", "homework", marked[0]["id"]}).exitCode, 0);
    writeFile(dir.file("old.csv"),
              "id,class,date,subject,minutes,written,at_home,content,teacher,over_cap_reason,version,updated_at,author\r\n"
              "x,三年级1班,2026-11-19,科学,20,yes,yes,观察记录,,,3,2026-11-19T10:00:00.000Z,demo\r\n");
    const auto old = cli({"import", "--kind", "homework", "old.csv"});
    ASSERT_EQ(old.exitCode, 0) << old.err;
    const auto imported = dayRecords();
    ASSERT_EQ(imported.size(), 1u);
    EXPECT_EQ(imported[0]["body"]["subject"], "science");
    EXPECT_FALSE(imported[0]["body"].contains("none")) << imported[0]["body"].dump();
}
