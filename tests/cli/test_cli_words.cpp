// The words people type and the files they exchange with the ledger: subject names as schools
// write them, full-width digits and Chinese dates, CSV cells Excel would run, duplicate class
// names and staff numbers, and teachers who share a name.
#include "demo_fixture.h"

#include <sstream>

using namespace taizhang::testing;

namespace {
struct WordsTest : DemoSchoolTest {
    // The lines of a CSV file that contain every one of the given texts (the header always).
    static std::string keepLines(const std::string& csv, const std::vector<std::string>& needles)
    {
        std::istringstream in(csv);
        std::string line, out;
        bool header = true;
        while (std::getline(in, line)) {
            bool keep = header;
            for (const auto& n : needles) keep = keep || line.find(n) != std::string::npos;
            if (keep) out += line + "\n";
            header = false;
        }
        return out;
    }

    nlohmann::json homeworkOn(const std::string& klass, const std::string& day)
    {
        return cli({"--json", "record", "list", "homework", "--class", klass, "--from", day, "--to", day}).json();
    }
};
}  // namespace

// 2026-11-14 is a Saturday: the demo has no homework then, so nothing collides with it.
TEST_F(WordsTest, GIVEN_subject_words_schools_use_WHEN_homework_added_by_cli_THEN_stored_as_catalogue_codes)
{
    const std::vector<std::pair<std::string, std::string>> words{
        {"英语", "foreign_language"}, {"体育", "pe"}, {"道法", "moral"}, {"信息技术", "it"}, {"品德", "moral"}};
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string day = i < 4 ? "2026-11-14" : "2026-11-15";
        const auto r = cli({"--json", "record", "add", "homework", "--class", "五年级1班", "--date", day, "--subject",
                            words[i].first, "--minutes", "10", "--written", "否"});
        ASSERT_EQ(r.exitCode, 0) << words[i].first << ": " << r.err;
        EXPECT_EQ(r.json()["body"]["subject"], words[i].second) << words[i].first;
    }
    EXPECT_EQ(homeworkOn("五年级1班", "2026-11-14").size(), 4u);
}

TEST_F(WordsTest, GIVEN_full_width_minutes_and_dates_written_in_chinese_WHEN_added_and_listed_THEN_read_as_numbers_and_days)
{
    auto r = cli({"--json", "record", "add", "homework", "--class", "五年级1班", "--date", "2026年11月14日", "--subject",
                  "数学", "--minutes", "３０", "--written", "否"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.json()["body"]["minutes"], 30);
    EXPECT_EQ(r.json()["body"]["date"], "2026-11-14");
    r = cli({"--json", "record", "add", "homework", "--class", "五年级1班", "--date", "2026.11.14", "--subject", "语文",
             "--minutes", "15", "--written", "否"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto listed = cli({"--json", "record", "list", "homework", "--class", "五年级1班", "--from", "2026/11/14",
                             "--to", "２０２６年１１月１４日"});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_EQ(listed.json().size(), 2u);
}

TEST_F(WordsTest, GIVEN_csv_with_subject_words_full_width_digits_and_chinese_dates_WHEN_imported_THEN_all_rows_written)
{
    writeFile(dir.file("typed.csv"),
              "班级,日期,学科,时长,书面,内容\r\n"
              "五年级1班,2026年11月14日,英语,２０,否,背单词\r\n"
              "五年级1班,2026/11/14,体育,30,否,跳绳\r\n"
              "五年级1班,2026.11.14,道法,10,否,观看节目\r\n"
              "五年级1班,２０２６－１１－１４,信息技术,10,否,打字练习\r\n");
    const auto r = cli({"import", "--kind", "homework", "typed.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::multiset<std::string> subjects;
    for (const auto& h : homeworkOn("五年级1班", "2026-11-14")) subjects.insert(h["body"]["subject"].get<std::string>());
    EXPECT_EQ(subjects, (std::multiset<std::string>{"foreign_language", "pe", "moral", "it"}));
}

TEST_F(WordsTest, GIVEN_homework_content_excel_would_run_WHEN_exported_and_imported_again_THEN_guarded_in_file_and_unchanged_after)
{
    const std::string formula = "=HYPERLINK(\"http://example.invalid\",\"点我\")";
    auto r = cli({"--json", "record", "add", "homework", "--class", "五年级1班", "--date", "2026-11-14", "--subject",
                  "math", "--minutes", "10", "--written", "no", "--content", formula});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string id = r.json()["id"];
    r = cli({"--json", "record", "add", "homework", "--class", "五年级1班", "--date", "2026-11-14", "--subject",
             "chinese", "--minutes", "10", "--written", "no", "--content", "@SUM(1+1)*cmd"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string id2 = r.json()["id"];
    r = cli({"export", "--kind", "homework", "--class", "五年级1班", "--from", "2026-11-14", "--to", "2026-11-14",
             "--out", "hw.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string csv = readFile(dir.file("hw.csv"));
    EXPECT_NE(csv.find("\"'=HYPERLINK("), std::string::npos) << csv;
    EXPECT_NE(csv.find(",'@SUM(1+1)*cmd,"), std::string::npos) << csv;
    EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos) << csv;
    EXPECT_EQ(csv.find(",\"=HYPERLINK"), std::string::npos) << csv;
    ASSERT_EQ(cli({"record", "delete", id}).exitCode, 0);
    ASSERT_EQ(cli({"record", "delete", id2}).exitCode, 0);
    r = cli({"import", "--kind", "homework", "hw.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::set<std::string> contents;
    for (const auto& h : homeworkOn("五年级1班", "2026-11-14")) contents.insert(h["body"]["content"].get<std::string>());
    EXPECT_EQ(contents, (std::set<std::string>{formula, "@SUM(1+1)*cmd"}));
}

TEST_F(WordsTest, GIVEN_class_三年级1班_exists_WHEN_added_again_on_every_cli_path_THEN_exit_6_in_chinese_and_no_second_class)
{
    const auto classesBefore = cli({"--json", "class", "list"}).json().size();
    auto r = cli({"class", "add", "--grade", "3", "--name", "三年级1班"});
    EXPECT_EQ(r.exitCode, 6) << r.err;
    EXPECT_NE(r.err.find("班级「三年级1班」已存在"), std::string::npos) << r.err;
    r = cli({"class", "add", "--grade", "3", "--name", "三年级１班"});  // full-width digit: the same name
    EXPECT_EQ(r.exitCode, 6) << r.err;
    r = cli({"class", "add", "三年级", "1", "班"});
    EXPECT_EQ(r.exitCode, 6) << r.err;
    EXPECT_NE(r.err.find("已存在"), std::string::npos) << r.err;
    r = cli({"class", "edit", "三年级2班", "--name", "三年级1班"});
    EXPECT_EQ(r.exitCode, 6) << r.err;

    writeFile(dir.file("classes.csv"), "年级,班级名称,人数\r\n3,三年级9班,40\r\n3,三年级1班,41\r\n");
    r = cli({"import", "--kind", "class", "classes.csv"});
    EXPECT_EQ(r.exitCode, 6) << r.err;
    EXPECT_NE(r.err.find("line 3, column 2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("班级「三年级1班」已存在"), std::string::npos) << r.err;
    writeFile(dir.file("twice.csv"), "grade,name\r\n4,四年级8班\r\n4,四年级8班\r\n");
    r = cli({"import", "--kind", "class", "twice.csv"});
    EXPECT_EQ(r.exitCode, 6) << r.err;
    EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
    EXPECT_EQ(cli({"--json", "class", "list"}).json().size(), classesBefore);
    EXPECT_EQ(cli({"record", "add", "homework", "--class", "三年级1班", "--date", "2026-11-14", "--subject", "math",
                   "--minutes", "10", "--written", "no"}).exitCode, 0)
        << "the class is still found by its name";
}

TEST_F(WordsTest, GIVEN_teacher_with_staff_number_WHEN_another_teacher_takes_it_by_cli_or_import_THEN_exit_6)
{
    ASSERT_EQ(cli({"teacher", "add", "--name", "王伟", "--staff-number", "T8001", "--hire-date", "2015-08-28"}).exitCode, 0);
    auto r = cli({"teacher", "add", "--name", "李娜", "--staff-number", "T8001", "--hire-date", "2016-08-28"});
    EXPECT_EQ(r.exitCode, 6) << r.err;
    EXPECT_NE(r.err.find("工号「T8001」已被其他教师使用"), std::string::npos) << r.err;
    writeFile(dir.file("teachers.csv"), "姓名,工号,入职日期\r\n李娜,T8001,2016/8/28\r\n");
    r = cli({"import", "--kind", "teacher", "teachers.csv"});
    EXPECT_EQ(r.exitCode, 6) << r.err;
}

TEST_F(WordsTest, GIVEN_two_teachers_named_王伟_WHEN_training_exported_and_imported_THEN_each_row_goes_back_to_its_teacher)
{
    ASSERT_EQ(cli({"teacher", "add", "--name", "王伟", "--staff-number", "T8001", "--hire-date", "2015-08-28"}).exitCode, 0);
    ASSERT_EQ(cli({"teacher", "add", "--name", "王伟", "--staff-number", "T8002", "--hire-date", "2019-08-28"}).exitCode, 0);
    std::map<std::string, std::string> idOf;
    for (const auto& t : cli({"--json", "teacher", "list"}).json())
        if (t["body"]["name"] == "王伟") idOf[t["body"]["staff_number"]] = t["id"];
    ASSERT_EQ(idOf.size(), 2u);

    // A bare shared name is ambiguous: refused with both staff numbers named.
    auto r = cli({"record", "add", "training", "--teacher", "王伟", "--start", "2026-11-14", "--end", "2026-11-14",
                  "--title", "校本研修甲", "--hours", "4"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("有 2 位教师叫「王伟」"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("T8001"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("T8002"), std::string::npos) << r.err;

    std::vector<std::string> ids;
    for (const auto& [number, title] : std::vector<std::pair<std::string, std::string>>{{"T8001", "校本研修甲"},
                                                                                         {"T8002", "校本研修乙"}}) {
        r = cli({"--json", "record", "add", "training", "--teacher", number, "--start", "2026-11-14", "--end",
                 "2026-11-14", "--title", title, "--hours", "4"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        ids.push_back(r.json()["id"]);
    }
    r = cli({"export", "--kind", "training", "--out", "training.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string exported = keepLines(readFile(dir.file("training.csv")), {"校本研修甲", "校本研修乙"});
    EXPECT_NE(exported.find("王伟（T8001）"), std::string::npos) << exported;
    EXPECT_NE(exported.find("王伟（T8002）"), std::string::npos) << exported;
    for (const auto& id : ids) ASSERT_EQ(cli({"record", "delete", id}).exitCode, 0);
    writeFile(dir.file("again.csv"), exported);
    r = cli({"import", "--kind", "training", "again.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::map<std::string, std::string> teacherOfTitle;
    for (const auto& t : cli({"--json", "record", "list", "training", "--teacher", "T8001"}).json())
        teacherOfTitle[t["body"]["title"]] = t["body"]["teacher_id"];
    for (const auto& t : cli({"--json", "record", "list", "training", "--teacher", "王伟（T8002）"}).json())
        teacherOfTitle[t["body"]["title"]] = t["body"]["teacher_id"];
    EXPECT_EQ(teacherOfTitle["校本研修甲"], idOf["T8001"]);
    EXPECT_EQ(teacherOfTitle["校本研修乙"], idOf["T8002"]);

    // A plain name that only one teacher has still works; a label whose name does not match is refused.
    writeFile(dir.file("wrong.csv"), "教师,开始日期,结束日期,培训名称,学时\r\n李四（T8001）,2026-11-14,2026-11-14,错配,2\r\n");
    r = cli({"import", "--kind", "training", "wrong.csv"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("T8001"), std::string::npos) << r.err;
}
