// Batch freezing, ack arithmetic, dead letters and sequence bumping on a real SQLite file.
#include <gtest/gtest.h>

#include "outbox.h"
#include "record_store.h"
#include "sync_test_util.h"
#include "temp_dir.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
struct OutboxFixture : ::testing::Test {
    TempDir dir;
    ManualClock clock{unixMillisAt(*Date::parse("2026-11-20"))};
    Database db = Database::open(dir.file("school.db"));
    RecordStore store{db, clock};
    Outbox outbox{db, clock};

    std::int64_t scalar(const std::string& sql)
    {
        auto s = db.prepare(sql);
        s.step();
        return s.int64(0);
    }
};
}  // namespace

TEST_F(OutboxFixture, GIVEN_more_rows_than_the_limit_WHEN_frozen_THEN_oldest_rows_within_limit_in_seq_order)
{
    addHomework(store, 25);
    BatchLimits limits;
    limits.maxRecords = 10;
    const auto b = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(b);
    EXPECT_EQ(b->count, 10);
    EXPECT_EQ(b->firstSeq, 1);
    EXPECT_EQ(b->lastSeq, 10);
    const auto lines = batchLines(*b);
    ASSERT_EQ(lines.size(), 11u);
    EXPECT_EQ(lines[0]["batch_id"], b->batchId);
    EXPECT_EQ(lines[0]["count"], 10);
    EXPECT_EQ(lines[0]["first_seq"], 1);
    EXPECT_EQ(lines[0]["school_code"], "3201020001");
    for (int i = 1; i <= 10; ++i) EXPECT_EQ(lines[static_cast<std::size_t>(i)]["seq"], i);
    EXPECT_EQ(scalar("SELECT count(*) FROM outbox WHERE batch_id = '" + b->batchId + "'"), 10);
    EXPECT_EQ(scalar("SELECT count(*) FROM outbox WHERE batch_id IS NULL"), 15);
}

TEST_F(OutboxFixture, GIVEN_a_pending_batch_WHEN_frozen_again_THEN_the_same_batch_and_bytes_come_back)
{
    addHomework(store, 5);
    const auto first = outbox.freezeNext({}, testEncoder());
    addHomework(store, 5);  // new data must not change a frozen batch
    clock.advanceMillis(60'000);
    const auto again = outbox.freezeNext({}, testEncoder());
    ASSERT_TRUE(first && again);
    EXPECT_EQ(again->batchId, first->batchId);
    EXPECT_EQ(again->body, first->body);
    EXPECT_EQ(again->count, 5);
    // And it survives reopening the file (what a retry after a crash sees).
    Database reopened = Database::open(dir.file("school.db"));
    Outbox other(reopened, clock);
    EXPECT_EQ(other.pendingBatch()->body, first->body);
}

TEST_F(OutboxFixture, GIVEN_a_byte_limit_WHEN_frozen_THEN_the_decompressed_batch_stays_within_it)
{
    addHomework(store, 100);
    BatchLimits limits;
    limits.maxRecords = 1000;
    limits.maxDecompressedBytes = 8000;
    const auto b = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(b);
    EXPECT_LT(b->count, 100);
    EXPECT_GT(b->count, 5);
    EXPECT_LE(static_cast<std::size_t>(b->rawBytes), limits.maxDecompressedBytes);
}

TEST_F(OutboxFixture, GIVEN_a_record_over_max_record_bytes_WHEN_frozen_THEN_it_is_dead_lettered_and_the_rest_sent)
{
    addHomework(store, 3);
    auto big = homeworkBody(99);
    big["content"] = std::string(5000, 'x');
    store.create(Kind::Homework, big, ChangeContext{"t", "d", ""});
    addHomework(store, 2);
    BatchLimits limits;
    limits.maxRecordBytes = 2000;
    const auto b = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(b);
    EXPECT_EQ(b->count, 5);
    const auto dead = outbox.deadLetters();
    ASSERT_EQ(dead.size(), 1u);
    EXPECT_EQ(dead[0].seq, 4);
    EXPECT_EQ(dead[0].code, "record_too_large");
    EXPECT_EQ(dead[0].status, "too_large");
}

TEST_F(OutboxFixture, GIVEN_an_ack_whose_counts_do_not_add_up_WHEN_applied_THEN_nothing_changes_and_batch_stays_pending)
{
    addHomework(store, 4);
    const auto b = *outbox.freezeNext({}, testEncoder());
    Ack bad = ackAll(b);
    bad.counts.created = 3;
    EXPECT_THROW(outbox.applyAck(b, bad), AckMismatch);
    Ack wrongId = ackAll(b);
    wrongId.batchId = "other";
    EXPECT_THROW(outbox.applyAck(b, wrongId), AckMismatch);
    Ack unknownSeq = ackAll(b);
    unknownSeq.counts.created = 3;
    unknownSeq.counts.rejected = 1;
    unknownSeq.exceptions.push_back({99, "", "rejected", "invalid_body", "x"});
    EXPECT_THROW(outbox.applyAck(b, unknownSeq), AckMismatch);
    Ack missingException = ackAll(b);
    missingException.counts.created = 3;
    missingException.counts.rejected = 1;
    EXPECT_THROW(outbox.applyAck(b, missingException), AckMismatch);

    EXPECT_EQ(outbox.pendingBatch()->batchId, b.batchId);
    EXPECT_EQ(scalar("SELECT count(*) FROM outbox WHERE acked_at IS NOT NULL"), 0);
    EXPECT_TRUE(outbox.deadLetters().empty());
}

TEST_F(OutboxFixture, GIVEN_an_ack_with_a_rejected_record_WHEN_applied_THEN_it_is_dead_lettered_and_later_rows_flow)
{
    const auto recs = addHomework(store, 6);
    BatchLimits limits;
    limits.maxRecords = 3;
    const auto b = *outbox.freezeNext(limits, testEncoder());
    Ack ack = ackAll(b);
    ack.counts.created = 1;
    ack.counts.duplicate = 0;
    ack.counts.rejected = 1;
    ack.counts.conflict = 1;
    ack.exceptions.push_back({2, recs[1].meta.id, "rejected", "invalid_body", "minutes must be 0-600"});
    ack.exceptions.push_back({3, recs[2].meta.id, "conflict", "version_conflict", "same version, other content"});
    const auto dead = outbox.applyAck(b, ack);
    ASSERT_EQ(dead.size(), 2u);
    EXPECT_EQ(dead[0].code, "invalid_body");
    EXPECT_EQ(dead[0].message, "minutes must be 0-600");
    EXPECT_EQ(dead[0].recordId, recs[1].meta.id);
    EXPECT_FALSE(outbox.pendingBatch());
    const auto st = outbox.status();
    EXPECT_EQ(st.openDeadLetters, 1);
    EXPECT_EQ(st.openConflicts, 1);
    EXPECT_EQ(st.unsent(), 3);
    // The rejected record does not block the queue: the next batch holds the next rows.
    const auto next = outbox.freezeNext(limits, testEncoder());
    ASSERT_TRUE(next);
    EXPECT_EQ(next->firstSeq, 4);
    // Applying the same ack twice changes nothing.
    EXPECT_TRUE(outbox.applyAck(b, ack).empty());
    EXPECT_EQ(outbox.deadLetters().size(), 2u);
}

TEST_F(OutboxFixture, GIVEN_a_dead_letter_WHEN_the_user_fixes_the_record_and_it_is_accepted_THEN_the_entry_resolves)
{
    const auto recs = addHomework(store, 1);
    auto b = *outbox.freezeNext({}, testEncoder());
    Ack ack = ackAll(b);
    ack.counts.created = 0;
    ack.counts.rejected = 1;
    ack.exceptions.push_back({1, recs[0].meta.id, "rejected", "invalid_body", "bad"});
    outbox.applyAck(b, ack);
    ASSERT_EQ(outbox.deadLetters().size(), 1u);
    auto body = recs[0].body;
    body["minutes"] = 20;
    store.update(recs[0].meta.id, body, 1, ChangeContext{"t", "d", "fixed"});
    b = *outbox.freezeNext({}, testEncoder());
    EXPECT_EQ(batchLines(b)[1]["version"], 2);
    outbox.applyAck(b, ackAll(b));
    EXPECT_TRUE(outbox.deadLetters().empty());
    const auto all = outbox.deadLetters(true);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].resolution, "superseded");
}

TEST_F(OutboxFixture, GIVEN_a_dead_letter_WHEN_resent_THEN_a_new_outbox_row_carries_the_current_record)
{
    const auto recs = addHomework(store, 2);
    auto b = *outbox.freezeNext({}, testEncoder());
    Ack ack = ackAll(b);
    ack.counts.created = 1;
    ack.counts.rejected = 1;
    ack.exceptions.push_back({2, recs[1].meta.id, "rejected", "foreign_record", "belongs to another school"});
    outbox.applyAck(b, ack);
    const auto dead = outbox.deadLetters();
    ASSERT_EQ(dead.size(), 1u);
    const auto seq = outbox.resend(dead[0].id);
    EXPECT_EQ(seq, 3);
    EXPECT_TRUE(outbox.deadLetters().empty());
    EXPECT_THROW(outbox.resend(dead[0].id), std::invalid_argument);
    b = *outbox.freezeNext({}, testEncoder());
    EXPECT_EQ(b.count, 1);
    EXPECT_EQ(batchLines(b)[1]["id"], recs[1].meta.id);
}

TEST_F(OutboxFixture, GIVEN_a_pending_batch_WHEN_split_THEN_two_halves_cover_the_same_rows_in_order)
{
    addHomework(store, 7);
    const auto b = *outbox.freezeNext({}, testEncoder());
    const auto halves = outbox.split(b, testEncoder(), "batch_too_large", "too big");
    ASSERT_EQ(halves.size(), 2u);
    EXPECT_EQ(halves[0].firstSeq, 1);
    EXPECT_EQ(halves[0].count, 3);
    EXPECT_EQ(halves[1].firstSeq, 4);
    EXPECT_EQ(halves[1].lastSeq, 7);
    EXPECT_NE(halves[0].batchId, b.batchId);
    EXPECT_EQ(outbox.pendingBatch()->batchId, halves[0].batchId);
    // One record that is still too large is dead-lettered, never retried forever.
    auto one = halves[0];
    auto quarter = outbox.split(one, testEncoder(), "batch_too_large", "too big");
    auto single = outbox.split(quarter[0], testEncoder(), "record_too_large", "too big");
    EXPECT_TRUE(single.empty());
    ASSERT_EQ(outbox.deadLetters().size(), 1u);
    EXPECT_EQ(outbox.deadLetters()[0].code, "record_too_large");
}

TEST_F(OutboxFixture, GIVEN_a_superseded_batch_WHEN_frozen_again_THEN_same_rows_under_a_new_key)
{
    addHomework(store, 3);
    const auto b = *outbox.freezeNext({}, testEncoder());
    outbox.supersede(b.batchId);
    const auto again = *outbox.freezeNext({}, testEncoder());
    EXPECT_NE(again.batchId, b.batchId);
    EXPECT_EQ(again.firstSeq, 1);
    EXPECT_EQ(again.count, 3);
}

TEST_F(OutboxFixture, GIVEN_a_server_ahead_of_the_file_WHEN_sequence_bumped_THEN_unsent_rows_move_above_it_in_order)
{
    const auto recs = addHomework(store, 3);
    EXPECT_EQ(outbox.ensureSequenceAbove(50), 3);
    const auto b = *outbox.freezeNext({}, testEncoder());
    EXPECT_EQ(b.firstSeq, 51);
    EXPECT_EQ(b.lastSeq, 53);
    const auto lines = batchLines(b);
    EXPECT_EQ(lines[1]["id"], recs[0].meta.id);
    EXPECT_EQ(lines[3]["id"], recs[2].meta.id);
    addHomework(store, 1);
    EXPECT_EQ(scalar("SELECT max(seq) FROM outbox"), 54);
    EXPECT_EQ(outbox.ensureSequenceAbove(10), 0);
}
