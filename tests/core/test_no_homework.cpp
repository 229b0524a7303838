// 无作业 (issue 13): a class-day with no homework is recorded explicitly, so "none" differs from
// "not recorded". Such a record has no subject and 0 minutes, is the only homework record of its
// class-day (either way round), keeps old records' JSON as it was, and raises no finding.
#include <gtest/gtest.h>

#include <map>

#include "policy.h"
#include "records.h"
#include "test_policy_helpers.h"
#include "validation.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {

Json noHomework(const char* klass = "c3", const char* date = "2026-11-20")
{
    Json j = homework(klass, date, "", 0);
    j["none"] = true;
    return j;
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
        if (i.code == "homework.none_with_minutes") EXPECT_EQ(i.messageZh, "登记“无作业”时分钟数应为 0");
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
