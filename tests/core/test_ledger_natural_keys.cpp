// Reference data is looked up by its natural key (a class by name, a teacher by staff number):
// the Ledger refuses a second record with the same key on every write path.
#include <gtest/gtest.h>

#include "ledger.h"
#include "school.h"
#include "temp_dir.h"
#include "test_policy_helpers.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
std::int64_t liveCount(Database& db, const char* kind)
{
    auto s = db.prepare("SELECT count(*) FROM records WHERE kind = ? AND deleted = 0");
    s.bind(1, kind);
    s.step();
    return s.int64(0);
}

bool hasIssueCode(const std::vector<ValidationIssue>& issues, const std::string& code)
{
    for (const auto& i : issues)
        if (i.code == code) return true;
    return false;
}

Teacher teacherNamed(const std::string& name, const std::string& staffNumber)
{
    Teacher t;
    t.name = name;
    t.staffNumber = staffNumber;
    t.hireDate = d("2015-08-28");
    return t;
}

struct NaturalKeys : ::testing::Test {
    TempDir dir;
    ManualClock clock{unixMillisAt(d("2026-11-20"))};
    Database db = Database::open(dir.file("school.db"));
    Ledger ledger{db, clock};
    ChangeContext ctx{"user-1", "device-1", ""};
    std::string first;

    NaturalKeys()
    {
        auto tx = db.beginWrite();
        saveSchoolProfile(db, SchoolProfile{"2111000123", "示范学校", "110105", "nine_year", kChinaUtcOffsetMinutes});
        tx.commit();
        auto r = ledger.save(Kind::SchoolClass, makeClass(3, 40, "三年级1班"), ctx);
        EXPECT_TRUE(r.ok()) << describeIssues(r.issues);
        first = r.ok() ? r.record->meta.id : "";
    }
};
}  // namespace

TEST_F(NaturalKeys, GIVEN_class_三年级1班_WHEN_a_second_one_is_saved_THEN_refused_with_a_chinese_message_and_nothing_written)
{
    const auto r = ledger.save(Kind::SchoolClass, makeClass(3, 42, "三年级1班"), ctx);
    EXPECT_FALSE(r.ok());
    ASSERT_TRUE(hasIssueCode(r.issues, "class.duplicate_name")) << describeIssues(r.issues);
    for (const auto& i : r.errors())
        if (i.code == "class.duplicate_name") {
            EXPECT_EQ(i.field, "name");
            EXPECT_NE(i.messageZh.find("班级「三年级1班」已存在"), std::string::npos) << i.messageZh;
        }
    EXPECT_EQ(liveCount(db, "class"), 1);
}

TEST_F(NaturalKeys, GIVEN_class_三年级1班_WHEN_full_width_or_padded_twin_saved_THEN_refused_as_the_same_name)
{
    EXPECT_TRUE(hasIssueCode(ledger.save(Kind::SchoolClass, makeClass(3, 40, "三年级１班"), ctx).issues, "class.duplicate_name"));
    EXPECT_TRUE(hasIssueCode(ledger.save(Kind::SchoolClass, makeClass(3, 40, " 三年级1班 "), ctx).issues, "class.duplicate_name"));
    EXPECT_EQ(liveCount(db, "class"), 1);
}

TEST_F(NaturalKeys, GIVEN_a_bulk_write_with_the_same_class_twice_WHEN_saved_THEN_whole_batch_refused)
{
    const auto r = ledger.saveMany({{Kind::SchoolClass, Json(makeClass(4, 40, "四年级1班"))},
                                    {Kind::SchoolClass, Json(makeClass(4, 40, "四年级2班"))},
                                    {Kind::SchoolClass, Json(makeClass(4, 40, "四年级1班"))}},
                                   ctx);
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues.front().index, 2u);
    EXPECT_EQ(r.issues.front().issue.code, "class.duplicate_name");
    EXPECT_EQ(liveCount(db, "class"), 1);
}

TEST_F(NaturalKeys, GIVEN_two_classes_WHEN_one_is_renamed_to_the_other_THEN_refused_but_own_name_kept_is_fine)
{
    const auto second = ledger.save(Kind::SchoolClass, makeClass(3, 40, "三年级2班"), ctx);
    ASSERT_TRUE(second.ok());
    const auto renamed = ledger.update(second.record->meta.id, makeClass(3, 40, "三年级1班"), 1, ctx);
    EXPECT_TRUE(hasIssueCode(renamed.issues, "class.duplicate_name")) << describeIssues(renamed.issues);
    const auto same = ledger.update(first, makeClass(3, 41, "三年级1班"), 1, ctx);
    EXPECT_TRUE(same.ok()) << describeIssues(same.issues);
}

TEST_F(NaturalKeys, GIVEN_a_deleted_class_WHEN_its_name_is_used_again_THEN_accepted)
{
    ASSERT_TRUE(ledger.remove(first, 1, ctx).ok());
    EXPECT_TRUE(ledger.save(Kind::SchoolClass, makeClass(3, 40, "三年级1班"), ctx).ok());
}

TEST_F(NaturalKeys, GIVEN_teacher_with_staff_number_WHEN_another_teacher_gets_it_THEN_refused_but_same_name_allowed)
{
    ASSERT_TRUE(ledger.save(Kind::Teacher, teacherNamed("王伟", "T0101"), ctx).ok());
    const auto dup = ledger.save(Kind::Teacher, teacherNamed("李娜", "T0101"), ctx);
    EXPECT_TRUE(hasIssueCode(dup.issues, "teacher.duplicate_staff_number")) << describeIssues(dup.issues);
    const auto twin = ledger.save(Kind::Teacher, teacherNamed("王伟", "T0102"), ctx);
    EXPECT_TRUE(twin.ok()) << describeIssues(twin.issues);
    EXPECT_EQ(liveCount(db, "teacher"), 2);
}
