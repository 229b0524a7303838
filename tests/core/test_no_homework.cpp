// 无作业 (issue 13): a class-day with no homework is recorded explicitly, so "none" differs from
// "not recorded". Such a record has no subject and 0 minutes, is the only homework record of its
// class-day (either way round), keeps old records' JSON as it was, and raises no finding.
#include <gtest/gtest.h>

#include <map>

#include "ledger.h"
#include "policy.h"
#include "record_summary.h"
#include "records.h"
#include "school.h"
#include "temp_dir.h"
#include "test_policy_helpers.h"
#include "validation.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {

Json noHomework(const std::string& klass = "c3", const char* date = "2026-11-20")
{
    Homework h = homework(klass, date, "", 0);
    h.none = true;
    return h;
}

struct NoHomeworkFixture : ::testing::Test {
    ValidationContext ctx;
    std::map<std::string, std::string> stored;  // uniqueness key -> record id: the ledger's live records
    NoHomeworkFixture()
    {
        ctx.school = SchoolProfile{"2111000123", "示范学校", "110105", "nine_year", kChinaUtcOffsetMinutes};
        ctx.classes["c3"] = makeClass(3, 40);
        ctx.terms["term1"] = autumnTerm2026();
        ctx.customSubjects["school:calligraphy"] = CustomSubject{"school:calligraphy", "书法", "school_based"};
        ctx.today = d("2026-11-20");
        ctx.findByKey = [this](const std::string& key) -> std::optional<std::string> {
            auto it = stored.find(key);
            return it == stored.end() ? std::nullopt : std::optional(it->second);
        };
    }
    void store(const std::string& id, const Json& body) { stored[uniquenessKey(Kind::Homework, body)] = id; }
    std::vector<ValidationIssue> check(const Json& body, const std::string& id = "new")
    {
        return validateBody(Kind::Homework, body, ctx, id);
    }
};

}  // namespace

TEST_F(NoHomeworkFixture, GIVEN_a_class_day_without_homework_WHEN_no_homework_is_recorded_THEN_it_is_valid)
{
    EXPECT_TRUE(check(noHomework()).empty()) << describeIssues(check(noHomework()));
}

TEST_F(NoHomeworkFixture, GIVEN_no_homework_with_a_subject_or_minutes_WHEN_validated_THEN_each_is_refused_in_chinese)
{
    Json body = noHomework();
    body["subject"] = "math";
    body["minutes"] = 20;
    const auto issues = check(body);
    ASSERT_TRUE(hasCode(issues, "homework.none_with_subject")) << describeIssues(issues);
    ASSERT_TRUE(hasCode(issues, "homework.none_with_minutes")) << describeIssues(issues);
    for (const auto& i : issues)
        if (i.code == "homework.none_with_minutes") {
            EXPECT_EQ(i.messageZh, "登记“无作业”时分钟数应为 0");
        }
}

TEST_F(NoHomeworkFixture, GIVEN_math_homework_recorded_WHEN_the_day_is_marked_no_homework_THEN_refused)
{
    store("hw-math", Json(homework("c3", "2026-11-20", "math", 20)));
    EXPECT_TRUE(hasCode(check(noHomework()), "homework.none_but_homework"));
    // A custom course counts as homework too.
    stored.clear();
    store("hw-calligraphy", Json(homework("c3", "2026-11-20", "school:calligraphy", 10)));
    EXPECT_TRUE(hasCode(check(noHomework()), "homework.none_but_homework"));
    // Another day or another class is not concerned.
    EXPECT_TRUE(check(noHomework("c3", "2026-11-19")).empty());
}

TEST_F(NoHomeworkFixture, GIVEN_a_day_marked_no_homework_WHEN_homework_or_a_second_mark_is_added_THEN_refused_but_the_mark_itself_may_be_edited)
{
    store("none-1", noHomework());
    EXPECT_TRUE(hasCode(check(Json(homework("c3", "2026-11-20", "math", 20))), "homework.day_marked_none"));
    EXPECT_TRUE(hasCode(check(noHomework()), "homework.duplicate"));
    Json edited = noHomework();
    edited["content"] = "期中考试，不布置作业";
    EXPECT_TRUE(check(edited, "none-1").empty()) << describeIssues(check(edited, "none-1"));
}

TEST(NoHomeworkRecord, GIVEN_ordinary_homework_WHEN_written_as_json_THEN_it_has_no_none_field_and_a_mark_travels)
{
    const Json ordinary = homework("c3", "2026-11-20", "math", 20);
    EXPECT_FALSE(ordinary.contains("none"));  // the JSON of every existing record stays byte for byte
    Record r;
    r.kind = Kind::Homework;
    r.meta = {"01a22cf8-0000-7000-8000-000000000001", 1, "2026-11-20T12:00:00.000Z", "2026-11-20T12:00:00.000Z", "t01", "dev", false};
    r.body = noHomework();
    EXPECT_EQ(recordFromJson(recordToJson(r)).body["none"], true);  // the wire form keeps the mark
}

TEST(NoHomeworkRecord, GIVEN_a_class_day_marked_no_homework_WHEN_policies_are_checked_THEN_there_is_no_finding)
{
    PolicyDataset data;
    data.classes["c2"] = makeClass(2);
    data.terms["term1"] = autumnTerm2026();
    data.homework.push_back({"none-1", noHomework("c2").get<Homework>()});
    EXPECT_TRUE(runPolicyChecks(data, d("2026-11-16"), d("2026-11-20")).empty());
}

TEST(NoHomeworkRecord, GIVEN_the_typed_body_WHEN_written_and_read_THEN_none_is_written_only_when_true_and_comes_back)
{
    Homework h = homework("c3", "2026-11-20", "math", 20);
    const std::string ordinary = Json(h).dump();
    EXPECT_EQ(ordinary.find("none"), std::string::npos) << ordinary;
    EXPECT_FALSE(Json::parse(ordinary).get<Homework>().none);
    h = homework("c3", "2026-11-20", "", 0);
    h.none = true;
    const Json marked = h;
    EXPECT_EQ(marked.at("none"), true);
    EXPECT_TRUE(marked.get<Homework>().none);
}

TEST_F(NoHomeworkFixture, GIVEN_ordinary_homework_without_a_subject_WHEN_validated_THEN_the_message_points_to_no_homework)
{
    const auto issues = check(Json(homework("c3", "2026-11-20", "", 20)));
    ASSERT_TRUE(hasCode(issues, "homework.subject_missing")) << describeIssues(issues);
    EXPECT_FALSE(hasCode(issues, "homework.unknown_subject"));
    for (const auto& i : issues)
        if (i.code == "homework.subject_missing") {
            EXPECT_EQ(i.messageZh, "请填写学科；当天没有作业请登记“无作业”");
        }
}

TEST(NoHomeworkRecord, GIVEN_a_no_homework_record_WHEN_summarised_THEN_it_reads_no_homework_with_its_note)
{
    Json body = noHomework();
    EXPECT_EQ(recordSummary(Kind::Homework, body, false, {}), "无作业");
    body["content"] = "期中考试";
    EXPECT_EQ(recordSummary(Kind::Homework, body, true, {}), "No homework · 期中考试");
    EXPECT_EQ(recordSummary(Kind::Homework, Json(homework("c3", "2026-11-20", "math", 20)), false, {}),
              "math 20 分钟 · 书面 · 在家 · ");
}

namespace {
// The rule as the Ledger enforces it on a real ledger file, for every writer (client, CLI, pull).
struct NoHomeworkLedger : ::testing::Test {
    TempDir dir;
    ManualClock clock{unixMillisAt(d("2026-11-20"))};
    Database db = Database::open(dir.file("school.db"));
    Ledger ledger{db, clock};
    ChangeContext ctx{"user-1", "device-1", ""};
    std::string c4;
    NoHomeworkLedger()
    {
        {
            auto tx = db.beginWrite();
            saveSchoolProfile(db, SchoolProfile{"2111000123", "示范学校", "110105", "nine_year", kChinaUtcOffsetMinutes});
            tx.commit();
        }
        EXPECT_TRUE(ledger.save(Kind::Term, autumnTerm2026(), ctx).ok());
        auto r = ledger.save(Kind::SchoolClass, makeClass(4), ctx);
        EXPECT_TRUE(r.ok()) << describeIssues(r.issues);
        if (r.ok()) c4 = r.record->meta.id;
    }
    std::size_t homeworkRows() { return ledger.store().query(RecordQuery{.kind = Kind::Homework}).size(); }
};
}  // namespace

TEST_F(NoHomeworkLedger, GIVEN_a_day_marked_no_homework_WHEN_math_is_saved_THEN_refused_in_chinese_and_nothing_written)
{
    const auto none = ledger.save(Kind::Homework, noHomework(c4), ctx);
    ASSERT_TRUE(none.ok()) << describeIssues(none.issues);
    EXPECT_TRUE(none.record->body.at("none").get<bool>());
    const auto math = ledger.save(Kind::Homework, homework(c4, "2026-11-20", "math", 20), ctx);
    ASSERT_FALSE(math.ok());
    ASSERT_TRUE(hasCode(math.issues, "homework.day_marked_none")) << describeIssues(math.issues);
    for (const auto& i : math.issues)
        if (i.code == "homework.day_marked_none") {
            EXPECT_EQ(i.messageZh, "该班级当天已登记“无作业”，如需布置作业，请先删除“无作业”记录");
        }
    EXPECT_EQ(homeworkRows(), 1u);
    // The next day is its own: homework there is fine.
    EXPECT_TRUE(ledger.save(Kind::Homework, homework(c4, "2026-11-19", "math", 20), ctx).ok());
    // Withdrawn (deleted), the mark no longer blocks the day.
    ASSERT_TRUE(ledger.remove(none.record->meta.id, none.record->meta.version, ctx).ok());
    EXPECT_TRUE(ledger.save(Kind::Homework, homework(c4, "2026-11-20", "math", 20), ctx).ok());
}

TEST_F(NoHomeworkLedger, GIVEN_math_saved_or_in_the_same_batch_WHEN_no_homework_is_saved_THEN_refused)
{
    ASSERT_TRUE(ledger.save(Kind::Homework, homework(c4, "2026-11-20", "math", 20), ctx).ok());
    const auto none = ledger.save(Kind::Homework, noHomework(c4), ctx);
    ASSERT_FALSE(none.ok());
    ASSERT_TRUE(hasCode(none.issues, "homework.none_but_homework")) << describeIssues(none.issues);
    for (const auto& i : none.issues)
        if (i.code == "homework.none_but_homework") {
            EXPECT_EQ(i.messageZh, "该班级当天已登记作业，不能再登记“无作业”");
        }
    // An import of both for one class-day is refused as a whole.
    const auto batch = ledger.saveMany({{Kind::Homework, Json(homework(c4, "2026-11-19", "chinese", 20))},
                                        {Kind::Homework, noHomework(c4, "2026-11-19")}},
                                       ctx);
    ASSERT_FALSE(batch.ok());
    EXPECT_EQ(homeworkRows(), 1u);
}
