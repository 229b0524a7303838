// 无作业 on one computer, homework of the same class-day on another (server/class_day_marks.h):
// after both sync, the county holds whichever reached it first, the other is deleted on every
// computer and listed on every computer as a school conflict, and resolving it converges. Two
// real ledgers, the real county on loopback.
#include <gtest/gtest.h>

#include "no_homework_day.h"
#include "school_computer.h"

using namespace taizhang;
using namespace taizhang::testing;
using sync::SyncOutcome;

namespace {

// Math homework of the sync tests' class on 2026-11-20 (homeworkBody(1)), and the mark of that
// class-day.
Json mathBody() { return homeworkBody(1); }
Json markBody()
{
    Json b = homeworkBody(1);
    b["subject"] = "";
    b["minutes"] = 0;
    b["content"] = "";
    b["none"] = true;
    return b;
}

struct NoHomeworkSync : TwoSchoolComputers {
    // Both computers and the county hold the same records; returns the open conflicts, which
    // must be the same on both computers.
    std::vector<SchoolConflict> converged()
    {
        a.sync();
        EXPECT_EQ(a.ledger(), b.ledger());
        EXPECT_EQ(a.ledger(), county.recordJsons(kSchool));
        std::vector<SchoolConflict> open[2];
        int i = 0;
        for (SchoolComputer* c : {&a, &b}) {
            for (auto& k : schoolConflicts(c->db))
                if (k.open) open[i].push_back(k);
            ++i;
        }
        EXPECT_EQ(open[0].size(), open[1].size());
        return open[1];
    }
    int liveHomework(SchoolComputer& c)
    {
        int n = 0;
        RecordQuery q;
        q.kind = Kind::Homework;
        for (const auto& r : c.store.query(q)) n += r.meta.deleted ? 0 : 1;
        return n;
    }
};

}  // namespace

TEST_F(NoHomeworkSync, GIVEN_one_computer_marks_a_class_day_no_homework_and_another_records_homework_for_it_WHEN_the_mark_reaches_the_county_first_THEN_the_homework_is_a_conflict_on_both_and_taking_it_turns_the_mark_into_that_homework)
{
    const auto mark = a.store.create(Kind::Homework, markBody(), a.ctx());
    const auto math = b.store.create(Kind::Homework, mathBody(), b.ctx());
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    const auto rb = b.sync();
    EXPECT_EQ(rb.counts.conflict, 1) << "the county refused to store both";

    auto open = converged();
    EXPECT_TRUE(b.store.find(math.meta.id)->meta.deleted) << "the later record is gone on the computer that made it";
    EXPECT_FALSE(b.store.find(mark.meta.id)->meta.deleted);
    EXPECT_EQ(liveHomework(a), 1);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].code, "natural_key_conflict");
    EXPECT_EQ(open[0].recordId, math.meta.id);
    EXPECT_EQ(open[0].winnerId, mark.meta.id);
    EXPECT_FALSE(isNoHomeworkMark(open[0].record["body"]));
    EXPECT_EQ(open[0].record["body"]["subject"], "math");

    // B's teacher says the class did have homework: the mark becomes B's homework (an edit of the
    // stored record from mark to homework, which the county accepts), everywhere.
    const auto how = conflictResolution(b.db, open[0].change, true);
    EXPECT_EQ(how.recordId, mark.meta.id);
    b.store.update(how.recordId, how.body, how.expectedVersion, b.ctx());
    ASSERT_EQ(b.sync().outcome, SyncOutcome::AllSent);
    EXPECT_TRUE(converged().empty());
    const auto now = a.store.find(mark.meta.id);
    EXPECT_EQ(now->body["subject"], "math");
    EXPECT_FALSE(isNoHomeworkMark(now->body));
    EXPECT_EQ(liveHomework(a), 1);
}

TEST_F(NoHomeworkSync, GIVEN_one_computer_records_homework_and_another_marks_the_same_class_day_no_homework_WHEN_the_homework_reaches_the_county_first_THEN_the_mark_is_a_conflict_on_both_and_keeping_closes_it)
{
    const auto math = a.store.create(Kind::Homework, mathBody(), a.ctx());
    const auto mark = b.store.create(Kind::Homework, markBody(), b.ctx());
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    EXPECT_EQ(b.sync().counts.conflict, 1);

    auto open = converged();
    EXPECT_TRUE(b.store.find(mark.meta.id)->meta.deleted);
    EXPECT_FALSE(a.store.find(math.meta.id)->meta.deleted);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].recordId, mark.meta.id);
    EXPECT_EQ(open[0].winnerId, math.meta.id);
    EXPECT_TRUE(isNoHomeworkMark(open[0].record["body"]));

    // Keeping the homework saves it again; the conflict closes on both computers.
    const auto how = conflictResolution(a.db, open[0].change, false);
    a.store.update(how.recordId, how.body, how.expectedVersion, a.ctx());
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    b.sync();
    EXPECT_TRUE(converged().empty());
    EXPECT_EQ(b.store.find(math.meta.id)->body["subject"], "math");
}

TEST_F(NoHomeworkSync, GIVEN_a_class_day_marked_no_homework_at_the_county_WHEN_that_computer_deletes_the_mark_and_another_then_records_homework_THEN_the_homework_is_stored_without_a_conflict)
{
    const auto mark = a.store.create(Kind::Homework, markBody(), a.ctx());
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    ASSERT_EQ(b.sync().pulled, 1);
    a.store.remove(mark.meta.id, 1, a.ctx());
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    ASSERT_EQ(b.sync().pulled, 1);
    const auto math = b.store.create(Kind::Homework, mathBody(), b.ctx());
    const auto rb = b.sync();
    ASSERT_EQ(rb.outcome, SyncOutcome::AllSent) << rb.message;
    EXPECT_EQ(rb.counts.conflict, 0);
    EXPECT_TRUE(converged().empty());
    EXPECT_FALSE(a.store.find(math.meta.id)->meta.deleted);
    EXPECT_TRUE(a.store.find(mark.meta.id)->meta.deleted);
}
