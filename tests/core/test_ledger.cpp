#include <gtest/gtest.h>

#include "ledger.h"
#include "school.h"
#include "temp_dir.h"
#include "test_policy_helpers.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
std::int64_t count(Database& db, const char* table)
{
    auto s = db.prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.int64(0);
}

struct LedgerFixture : ::testing::Test {
    TempDir dir;
    ManualClock clock{unixMillisAt(d("2026-11-20"))};
    Database db = Database::open(dir.file("school.db"));
    Ledger ledger{db, clock};
    ChangeContext ctx{"user-1", "device-1", ""};
    std::string c2, c4, c8, termId;

    LedgerFixture()
    {
        {
            auto tx = db.beginWrite();
            saveSchoolProfile(db, SchoolProfile{"2111000123", "示范学校", "110105", "nine_year", kChinaUtcOffsetMinutes});
            tx.commit();
        }
        termId = mustSave(Kind::Term, autumnTerm2026());
        c2 = mustSave(Kind::SchoolClass, makeClass(2));
        c4 = mustSave(Kind::SchoolClass, makeClass(4));
        c8 = mustSave(Kind::SchoolClass, makeClass(8));
    }
    std::string mustSave(Kind kind, Json body)
    {
        auto r = ledger.save(kind, std::move(body), ctx);
        EXPECT_TRUE(r.ok()) << describeIssues(r.issues);
        return r.ok() ? r.record->meta.id : std::string{};
    }
};
}  // namespace

TEST_F(LedgerFixture, GIVEN_valid_homework_WHEN_saved_THEN_record_audit_outbox_written)
{
    const auto before = count(db, "outbox");
    const auto r = ledger.save(Kind::Homework, homework(c4, "2026-11-20", "math", 30), ctx);
    ASSERT_TRUE(r.ok()) << describeIssues(r.issues);
    EXPECT_EQ(r.record->meta.version, 1);
    EXPECT_EQ(count(db, "outbox"), before + 1);
    EXPECT_EQ(ledger.store().history(r.record->meta.id).size(), 1u);
}

TEST_F(LedgerFixture, GIVEN_invalid_homework_WHEN_saved_THEN_issues_returned_and_nothing_written)
{
    const auto records = count(db, "records"), audit = count(db, "audit"), outbox = count(db, "outbox");
    const auto r = ledger.save(Kind::Homework, homework(c4, "2026-11-20", "history", -5), ctx);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(hasCode(r.issues, "homework.minutes_negative"));
    EXPECT_TRUE(hasCode(r.issues, "homework.subject_not_taken"));
    EXPECT_EQ(count(db, "records"), records);
    EXPECT_EQ(count(db, "audit"), audit);
    EXPECT_EQ(count(db, "outbox"), outbox);
}

TEST_F(LedgerFixture, GIVEN_malformed_body_WHEN_saved_THEN_shape_issue_and_nothing_written)
{
    const auto records = count(db, "records");
    Json body = homework(c4, "2026-11-20", "math", 30);
    body["minutes"] = "thirty";
    body["colour"] = "blue";
    const auto r = ledger.save(Kind::Homework, body, ctx);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(hasCode(r.issues, "body.wrong_type"));
    EXPECT_TRUE(hasCode(r.issues, "body.unknown_field"));
    EXPECT_EQ(count(db, "records"), records);
}

TEST_F(LedgerFixture, GIVEN_date_tomorrow_by_clock_WHEN_saved_THEN_refused_as_future)
{
    const auto r = ledger.save(Kind::Homework, homework(c4, "2026-11-21", "math", 30), ctx);
    EXPECT_TRUE(hasCode(r.issues, "homework.date_in_future"));
    clock.set(unixMillisAt(d("2026-11-21")));
    EXPECT_FALSE(hasCode(ledger.save(Kind::Homework, homework(c4, "2026-11-21", "math", 30), ctx).issues,
                         "homework.date_in_future"));
}

TEST_F(LedgerFixture, GIVEN_day_at_60_min_WHEN_row_takes_it_to_61_without_reason_THEN_refused)
{
    mustSave(Kind::Homework, homework(c4, "2026-11-20", "math", 30));
    mustSave(Kind::Homework, homework(c4, "2026-11-20", "chinese", 30));
    const auto records = count(db, "records");
    const auto r = ledger.save(Kind::Homework, homework(c4, "2026-11-20", "foreign_language", 1), ctx);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(hasCode(r.issues, "homework.over_cap_reason_required"));
    EXPECT_EQ(count(db, "records"), records);
    // Non-written work does not count against the cap.
    Json reading = homework(c4, "2026-11-20", "science", 20, /*written*/ false);
    EXPECT_TRUE(ledger.save(Kind::Homework, reading, ctx).ok());
}

TEST_F(LedgerFixture, GIVEN_over_cap_with_ctx_reason_WHEN_saved_THEN_reason_in_body_and_audit)
{
    mustSave(Kind::Homework, homework(c4, "2026-11-20", "math", 50));
    ChangeContext withReason = ctx;
    withReason.reason = "期中复习，家长会同意";
    const auto r = ledger.save(Kind::Homework, homework(c4, "2026-11-20", "chinese", 20), withReason);
    ASSERT_TRUE(r.ok()) << describeIssues(r.issues);
    EXPECT_EQ(r.record->body.at("over_cap_reason"), "期中复习，家长会同意");
    const auto history = ledger.store().history(r.record->meta.id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].reason, "期中复习，家长会同意");
}

TEST_F(LedgerFixture, GIVEN_over_cap_with_body_reason_WHEN_saved_THEN_reason_lands_in_audit)
{
    mustSave(Kind::Homework, homework(c8, "2026-11-20", "math", 60));
    auto h = homework(c8, "2026-11-20", "physics", 31);
    h.overCapReason = "实验报告";
    const auto r = ledger.save(Kind::Homework, h, ctx);
    ASSERT_TRUE(r.ok()) << describeIssues(r.issues);
    EXPECT_EQ(ledger.store().history(r.record->meta.id).at(0).reason, "实验报告");
}

TEST_F(LedgerFixture, GIVEN_grade_2_written_homework_at_home_WHEN_saved_THEN_needs_reason_but_in_school_does_not)
{
    EXPECT_TRUE(hasCode(ledger.save(Kind::Homework, homework(c2, "2026-11-20", "math", 10), ctx).issues,
                        "homework.over_cap_reason_required"));
    EXPECT_TRUE(ledger.save(Kind::Homework, homework(c2, "2026-11-20", "math", 10, true, /*atHome*/ false), ctx).ok());
}

TEST_F(LedgerFixture, GIVEN_county_cap_45_WHEN_50_min_saved_THEN_reason_required)
{
    auto parsed = parseCountyOverrides(Json{{"homework", {{"g3_6_max_minutes", 45}}}});
    ASSERT_TRUE(parsed.ok());
    ledger.setOverrides(parsed.overrides);
    EXPECT_TRUE(hasCode(ledger.save(Kind::Homework, homework(c4, "2026-11-20", "math", 50), ctx).issues,
                        "homework.over_cap_reason_required"));
}

TEST_F(LedgerFixture, GIVEN_existing_homework_WHEN_edited_over_cap_THEN_own_old_value_not_counted_twice)
{
    const auto id = mustSave(Kind::Homework, homework(c4, "2026-11-20", "math", 40));
    auto r = ledger.update(id, homework(c4, "2026-11-20", "math", 60), 1, ctx);
    ASSERT_TRUE(r.ok()) << describeIssues(r.issues);
    EXPECT_EQ(r.record->meta.version, 2);
    r = ledger.update(id, homework(c4, "2026-11-20", "math", 61), 2, ctx);
    EXPECT_TRUE(hasCode(r.issues, "homework.over_cap_reason_required"));
}

TEST_F(LedgerFixture, GIVEN_stale_or_missing_record_WHEN_updated_or_removed_THEN_issue_not_exception)
{
    const auto id = mustSave(Kind::Homework, homework(c4, "2026-11-20", "math", 20));
    EXPECT_TRUE(hasCode(ledger.update(id, homework(c4, "2026-11-20", "math", 25), 7, ctx).issues, "record.stale_version"));
    EXPECT_TRUE(hasCode(ledger.update("nope", homework(c4, "2026-11-20", "math", 25), 1, ctx).issues, "record.not_found"));
    EXPECT_TRUE(hasCode(ledger.remove("nope", 1, ctx).issues, "record.not_found"));
    const auto removed = ledger.remove(id, 1, ctx);
    ASSERT_TRUE(removed.ok());
    EXPECT_TRUE(removed.record->meta.deleted);
    EXPECT_TRUE(hasCode(ledger.update(id, homework(c4, "2026-11-20", "math", 25), 2, ctx).issues, "record.deleted"));
    // The tombstone frees the uniqueness key.
    EXPECT_TRUE(ledger.save(Kind::Homework, homework(c4, "2026-11-20", "math", 25), ctx).ok());
}

TEST_F(LedgerFixture, GIVEN_duplicate_timetable_slot_WHEN_saved_THEN_refused)
{
    mustSave(Kind::Timetable, TimetableSlot{c4, termId, 1, 1, "math", ""});
    const auto r = ledger.save(Kind::Timetable, TimetableSlot{c4, termId, 1, 1, "chinese", ""}, ctx);
    EXPECT_TRUE(hasCode(r.issues, "timetable.duplicate_slot"));
    EXPECT_TRUE(ledger.save(Kind::Timetable, TimetableSlot{c8, termId, 1, 1, "chinese", ""}, ctx).ok());
}

TEST_F(LedgerFixture, GIVEN_bulk_with_one_bad_row_WHEN_saved_THEN_nothing_written_and_row_index_reported)
{
    const auto records = count(db, "records"), outbox = count(db, "outbox");
    std::vector<NewRecord> rows{{Kind::Homework, homework(c4, "2026-11-19", "math", 20)},
                                {Kind::Homework, homework(c4, "2026-11-19", "chinese", -3)},
                                {Kind::Sleep, sleepSurvey(c4, "2026-11-19", 9.6)}};
    const auto r = ledger.saveMany(rows, ctx);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.records.empty());
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].index, 1u);
    EXPECT_EQ(r.issues[0].issue.code, "homework.minutes_negative");
    EXPECT_EQ(count(db, "records"), records);
    EXPECT_EQ(count(db, "outbox"), outbox);
}

TEST_F(LedgerFixture, GIVEN_bulk_rows_WHEN_they_collide_or_sum_over_cap_among_themselves_THEN_later_rows_refused)
{
    std::vector<NewRecord> rows{{Kind::Homework, homework(c4, "2026-11-19", "math", 40)},
                                {Kind::Homework, homework(c4, "2026-11-19", "math", 10)},
                                {Kind::Homework, homework(c4, "2026-11-19", "chinese", 30)}};
    const auto r = ledger.saveMany(rows, ctx);
    ASSERT_EQ(r.issues.size(), 2u);
    EXPECT_EQ(r.issues[0].index, 1u);
    EXPECT_EQ(r.issues[0].issue.code, "homework.duplicate");
    EXPECT_EQ(r.issues[1].index, 2u);
    EXPECT_EQ(r.issues[1].issue.code, "homework.over_cap_reason_required");
}

TEST_F(LedgerFixture, GIVEN_bulk_of_valid_rows_with_own_reasons_WHEN_saved_THEN_one_batch_each_audit_has_its_reason)
{
    auto over = homework(c8, "2026-11-19", "math", 95);
    over.overCapReason = "考前复习";
    std::vector<NewRecord> rows{{Kind::Homework, homework(c4, "2026-11-19", "math", 20)}, {Kind::Homework, over}};
    const auto r = ledger.saveMany(rows, ctx);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.records.size(), 2u);
    EXPECT_EQ(ledger.store().history(r.records[0].meta.id).at(0).reason, "");
    EXPECT_EQ(ledger.store().history(r.records[1].meta.id).at(0).reason, "考前复习");
}

TEST_F(LedgerFixture, GIVEN_holiday_date_WHEN_saved_THEN_written_with_warning)
{
    const auto r = ledger.save(Kind::Sleep, sleepSurvey(c4, "2026-10-03", 9.8), ctx);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.warnings().size(), 1u);
    EXPECT_EQ(r.warnings()[0].code, "sleep.date_in_holiday");
    EXPECT_TRUE(r.errors().empty());
}

TEST_F(LedgerFixture, GIVEN_saved_records_WHEN_dataset_loaded_THEN_checks_see_them)
{
    auto h = homework(c4, "2026-11-19", "math", 70);
    h.overCapReason = "复习";
    mustSave(Kind::Homework, h);
    const auto data = loadPolicyDataset(ledger.store(), d("2026-11-01"), d("2026-11-30"));
    EXPECT_EQ(data.classes.size(), 3u);
    EXPECT_EQ(data.terms.size(), 1u);
    EXPECT_EQ(data.homework.size(), 1u);
    EXPECT_TRUE(data.school.has_value());
    const auto f = withRule(runPolicyChecks(data, d("2026-11-01"), d("2026-11-30")), "homework.g3_6_cap");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].reason, "复习");
}

TEST_F(LedgerFixture, GIVEN_store_fails_between_record_and_audit_WHEN_ledger_saves_THEN_exception_and_nothing_written)
{
    const auto records = count(db, "records"), audit = count(db, "audit"), outbox = count(db, "outbox");
    ledger.store().setFaultHook([](std::string_view stage) {
        if (stage == "audit_written") throw std::runtime_error("injected");
    });
    std::vector<NewRecord> rows{{Kind::Homework, homework(c4, "2026-11-18", "math", 20)},
                                {Kind::Homework, homework(c4, "2026-11-18", "chinese", 20)}};
    EXPECT_THROW(ledger.saveMany(rows, ctx), std::runtime_error);
    ledger.store().setFaultHook({});
    EXPECT_EQ(count(db, "records"), records);
    EXPECT_EQ(count(db, "audit"), audit);
    EXPECT_EQ(count(db, "outbox"), outbox);
    // The connection is usable again: no transaction was left open.
    EXPECT_TRUE(ledger.saveMany(rows, ctx).ok());
    EXPECT_EQ(count(db, "records"), records + 2);
}

TEST(NestedTransaction, GIVEN_open_write_transaction_WHEN_inner_one_rolls_back_THEN_only_inner_changes_undone)
{
    TempDir dir;
    Database db = Database::open(dir.file("nested.db"));
    {
        auto outer = db.beginWrite();
        db.setSetting("outer", "1");
        {
            auto inner = db.beginWrite();
            db.setSetting("inner", "1");
        }  // rolled back
        {
            auto inner = db.beginWrite();
            db.setSetting("kept", "1");
            inner.commit();
        }
        outer.commit();
    }
    EXPECT_EQ(db.setting("outer"), "1");
    EXPECT_FALSE(db.setting("inner"));
    EXPECT_EQ(db.setting("kept"), "1");
    {
        auto outer = db.beginWrite();
        {
            auto inner = db.beginWrite();
            db.setSetting("lost", "1");
            inner.commit();
        }
    }  // outer rolled back: the committed inner part goes too
    EXPECT_FALSE(db.setting("lost"));
}

TEST_F(LedgerFixture, GIVEN_class_term_or_teacher_still_referenced_WHEN_removed_THEN_refused_until_records_gone)
{
    const auto teacherId = mustSave(Kind::Teacher, teacher("王老师", "2015-09-01"));
    auto h = homework(c4, "2026-11-20", "math", 20);
    h.teacherId = teacherId;
    const auto hwId = mustSave(Kind::Homework, h);
    const auto records = count(db, "records"), outbox = count(db, "outbox");
    auto r = ledger.remove(c4, 1, ctx);
    EXPECT_TRUE(hasCode(r.issues, "class.in_use"));
    EXPECT_TRUE(hasCode(ledger.remove(teacherId, 1, ctx).issues, "teacher.in_use"));
    EXPECT_TRUE(hasCode(ledger.remove(termId, 1, ctx).issues, "term.in_use"));
    EXPECT_EQ(count(db, "outbox"), outbox);
    EXPECT_EQ(count(db, "records"), records);
    ASSERT_TRUE(ledger.remove(hwId, 1, ctx).ok());
    EXPECT_TRUE(ledger.remove(c4, 1, ctx).ok());
    EXPECT_TRUE(ledger.remove(teacherId, 1, ctx).ok());
    EXPECT_TRUE(ledger.remove(termId, 1, ctx).ok());
}
