// Sync against the real county server on loopback: convergence, dead letters, 413 split, lost
// acks, auth failures, enrollment codes, config, restored disks, clock skew, offline bundle.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "offline_bundle.h"
#include "sync_client_fixture.h"

using namespace taizhang;
using namespace taizhang::testing;
using sync::SyncOutcome;

namespace {
struct CountySync : SyncFixture {
    void SetUp() override { startCounty({"--max-batch-records", "50"}); }
};
}  // namespace

TEST_F(CountySync, GIVEN_an_enrolled_school_with_records_WHEN_synced_THEN_the_county_holds_exactly_them)
{
    enrollOk();
    addHomework(store, 120);
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.recordsSent, 120);
    EXPECT_EQ(r.batchesSent, 3);  // the advertised 50 records per batch
    EXPECT_EQ(r.counts.created, 120);
    expectConverged();
    // Nothing left: a second pass sends nothing and still succeeds.
    const auto again = syncOnce();
    EXPECT_EQ(again.outcome, SyncOutcome::AllSent);
    EXPECT_EQ(again.attempts, 0);
    // Edits and deletions arrive as new versions.
    const auto recs = store.query({});
    auto body = recs[0].body;
    body["minutes"] = 25;
    store.update(recs[0].meta.id, body, 1, {"t", "d", ""});
    store.remove(recs[1].meta.id, 1, {"t", "d", ""});
    const auto third = syncOnce();
    EXPECT_EQ(third.counts.updated, 2);
    expectConverged();
    EXPECT_FALSE(loadSyncState(db).lastSuccessAt.empty());
}

TEST_F(CountySync, GIVEN_a_poison_record_WHEN_synced_THEN_it_is_dead_lettered_and_all_others_arrive_then_fix_resolves)
{
    enrollOk();
    addHomework(store, 30);
    auto poison = homeworkBody(999);
    poison["minutes"] = -5;
    const auto bad = store.create(Kind::Homework, poison, {"t", "d", ""});
    addHomework(store, 30);
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.counts.rejected, 1);
    EXPECT_EQ(r.counts.created, 60);
    Outbox outbox(db, SystemClock::instance());
    const auto dead = outbox.deadLetters();
    ASSERT_EQ(dead.size(), 1u);
    EXPECT_EQ(dead[0].recordId, bad.meta.id);
    EXPECT_NE(dead[0].code.find("minutes"), std::string::npos) << dead[0].code;
    EXPECT_FALSE(dead[0].message.empty());
    expectConverged({bad.meta.id});
    // The user fixes the record: the new version is accepted and the dead letter resolves.
    poison["minutes"] = 20;
    store.update(bad.meta.id, poison, 1, {"t", "d", "fixed"});
    EXPECT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    EXPECT_TRUE(outbox.deadLetters().empty());
    expectConverged();
}

TEST_F(CountySync, GIVEN_a_frozen_batch_over_new_server_limits_WHEN_sent_THEN_413_splits_it_until_it_fits)
{
    enrollOk();
    addHomework(store, 40);
    // Freeze one batch of 40 under the old limits without sending it (the proxy answers 503).
    FaultProxy proxy(county.port());
    pointAt(proxy.url());
    proxy.command("plan http:503:3600");  // the batch first: limits and the sequence check learnt at enrollment
    EXPECT_EQ(syncOnce(0).outcome, SyncOutcome::Partial);
    ASSERT_EQ(Outbox(db, SystemClock::instance()).pendingBatch()->count, 40);
    county.stop();
    county.start({"--max-batch-records", "6"});
    pointAt(county.url());
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_GE(r.attempts, 1 + 2 + 4);  // 40 -> 20 -> 10 -> 5 per batch
    EXPECT_EQ(r.counts.created, 40);
    EXPECT_EQ(county.count("SELECT count(*) FROM batches WHERE count > 6"), 0);
    expectConverged();
}

TEST_F(CountySync, GIVEN_the_ack_is_lost_after_the_county_committed_WHEN_resent_THEN_the_stored_ack_replays_and_nothing_doubles)
{
    enrollOk();
    addHomework(store, 20);
    FaultProxy proxy(county.port());
    pointAt(proxy.url());
    proxy.command("plan lost_ack");  // the batch first: limits and the sequence check learnt at enrollment
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.attempts, 2);
    EXPECT_EQ(r.counts.created, 20);  // the replayed ack is the stored one
    EXPECT_EQ(county.count("SELECT count(*) FROM batches"), 1);
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), 20);
    EXPECT_NE(proxy.command("stats").find("\"lost_ack\": 1"), std::string::npos);
    expectConverged();
}

TEST_F(CountySync, GIVEN_a_revoked_device_WHEN_syncing_THEN_it_stops_with_a_clear_message_and_keeps_the_data)
{
    enrollOk();
    addHomework(store, 5);
    ASSERT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    county.revokeDevice(loadSyncSettings(db).deviceId);
    addHomework(store, 5);
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AuthProblem);
    EXPECT_EQ(r.exitCode(), 11);
    EXPECT_EQ(r.errorCode, "device_revoked");
    EXPECT_NE(r.message.find("revoked"), std::string::npos) << r.message;
    EXPECT_EQ(Outbox(db, SystemClock::instance()).status().unsent(), 5);
    EXPECT_EQ(county.records(kSchool).size(), 5u);
}

TEST_F(CountySync, GIVEN_batches_naming_another_school_WHEN_syncing_THEN_403_wrong_school_stops_and_nothing_is_stored)
{
    enrollOk();
    auto s = loadSyncSettings(db);
    s.schoolCode = kOtherSchool;  // a misconfigured installation claims another school
    saveSyncSettings(db, s);
    addHomework(store, 5);
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AuthProblem);
    EXPECT_EQ(r.errorCode, "wrong_school");
    EXPECT_NE(r.message.find("does not belong to school"), std::string::npos) << r.message;
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), 0);
}

TEST_F(CountySync, GIVEN_expired_used_or_foreign_enrollment_codes_WHEN_enrolling_THEN_refused_with_the_reason)
{
    const std::string expired = county.issueCode(kSchool);
    county.execSql("UPDATE enrollment_codes SET expires_at_ms = 1");
    auto r = enroll(expired);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.errorCode, "enrollment_code_expired");
    EXPECT_NE(r.message.find("expired"), std::string::npos);

    const std::string other = county.issueCode(kOtherSchool);
    r = enroll(other, kSchool);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.errorCode, "enrollment_code_invalid");

    const std::string good = county.issueCode(kSchool);
    EXPECT_TRUE(enroll(good).ok);
    r = enroll(good);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.errorCode, "enrollment_code_used");
    EXPECT_TRUE(loadSyncSettings(db).enrolled());  // the failed attempt kept the good enrollment
}

TEST_F(CountySync, GIVEN_county_overrides_WHEN_config_is_pulled_THEN_stored_and_then_not_refetched_thanks_to_the_etag)
{
    enrollOk();
    const std::string file = dir.file("overrides.json");
    {
        std::ofstream(file) << R"({"format":1,"homework":{"g3_6_max_minutes":45}})";
    }
    const auto set = county.admin({"overrides", "set", "--file", file});
    ASSERT_EQ(set.exitCode, 0) << set.output;
    ASSERT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    const auto st = loadSyncState(db);
    EXPECT_FALSE(st.configEtag.empty());
    EXPECT_EQ(Json::parse(st.countyOverrides)["homework"]["g3_6_max_minutes"], 45);
    EXPECT_EQ(loadCountyOverrides(db).homeworkG3_6MaxMinutes, 45);
    FaultProxy proxy(county.port());
    pointAt(proxy.url());
    ASSERT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    EXPECT_EQ(loadSyncState(db).configEtag, st.configEtag);
}

TEST_F(CountySync, GIVEN_a_disk_restored_from_an_old_copy_WHEN_syncing_THEN_warned_and_no_sequence_is_reused)
{
    enrollOk();
    addHomework(store, 10);
    ASSERT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    const std::string copy = dir.file("restore-card.db");
    db.exec("VACUUM INTO '" + copy + "'");
    addHomework(store, 15);
    ASSERT_EQ(syncOnce().outcome, SyncOutcome::AllSent);  // the county now holds seq 1..25
    // The 还原卡 puts the old copy back.
    db = Database::open(dir.file("unused.db"));
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(dbPath + ext);
    std::filesystem::copy_file(copy, dbPath);
    db = Database::open(dbPath);
    RecordStore restored(db, SystemClock::instance());
    const auto fresh = addHomework(restored, 4);  // would reuse seq 11..14
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    ASSERT_FALSE(r.warnings.empty());
    EXPECT_NE(r.warnings[0].find("restored"), std::string::npos) << r.warnings[0];
    EXPECT_EQ(county.count("SELECT max(first_seq) FROM batches"), 26);  // 11..14 were not reused
    EXPECT_EQ(county.count("SELECT count(*) FROM batches"), 3);
    EXPECT_EQ(county.records(kSchool).size(), 29u);
    EXPECT_FALSE(loadSyncState(db).restoreWarning.empty());
}

TEST_F(CountySync, GIVEN_a_device_clock_off_by_ten_minutes_WHEN_syncing_THEN_a_skew_warning_is_reported)
{
    enrollOk();
    ManualClock fast(SystemClock::instance().nowUnixMillis() + 10 * 60 * 1000);
    const auto r = syncOnce(5000, fast);
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("clock"), std::string::npos);
    EXPECT_LT(loadSyncState(db).clockSkewMs, -9 * 60 * 1000);
    EXPECT_TRUE(syncOnce().warnings.empty());
}

TEST_F(CountySync, GIVEN_an_offline_bundle_imported_by_the_county_WHEN_the_school_later_syncs_THEN_nothing_doubles)
{
    enrollOk();
    addHomework(store, 70);
    const std::string bundle = dir.file("school.tzbundle");
    BatchLimits limits;
    limits.maxRecords = 50;
    const auto written = sync::writeOfflineBundle(db, SystemClock::instance(), keyFile(), limits, bundle);
    EXPECT_EQ(written.batches, 2);
    EXPECT_EQ(written.records, 70);
    auto imported = county.admin({"bundle", "import", "--file", bundle});
    ASSERT_EQ(imported.exitCode, 0) << imported.output;
    EXPECT_EQ(county.records(kSchool).size(), 70u);
    imported = county.admin({"bundle", "import", "--file", bundle});  // twice: changes nothing
    ASSERT_EQ(imported.exitCode, 0) << imported.output;
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.counts.created, 70);  // replayed acks of the imported batches
    expectConverged();
    EXPECT_EQ(county.count("SELECT count(*) FROM batches"), 2);
}

TEST_F(CountySync, GIVEN_a_bundle_with_a_flipped_byte_WHEN_imported_THEN_the_county_refuses_it)
{
    enrollOk();
    addHomework(store, 5);
    const std::string bundle = dir.file("school.tzbundle");
    sync::writeOfflineBundle(db, SystemClock::instance(), keyFile(), {}, bundle);
    std::string text;
    {
        std::ifstream in(bundle);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text[text.find("\"count\":5")+8] = '4';
    std::ofstream(bundle, std::ios::trunc) << text;
    const auto imported = county.admin({"bundle", "import", "--file", bundle});
    EXPECT_NE(imported.exitCode, 0);
    EXPECT_EQ(county.records(kSchool).size(), 0u);
}

TEST_F(CountySync, GIVEN_a_batch_the_county_always_refuses_WHEN_synced_THEN_its_records_are_dead_lettered_with_the_reason_and_later_ones_arrive)
{
    enrollOk();
    const auto refused = addHomework(store, 10);
    // Freeze those ten into a batch, then damage its stored bytes: the county answers
    // 400 invalid_gzip to every attempt, as it would to any batch it can never accept.
    const auto settings = loadSyncSettings(db);
    Outbox outbox(db, SystemClock::instance());
    BatchLimits limits;
    limits.maxRecords = 10;
    const auto batch = outbox.freezeNext(limits, sync::makeBatchEncoder({settings.deviceId, settings.schoolCode}));
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch->count, 10);
    db.exec("UPDATE sync_batches SET body = X'00112233445566778899' WHERE batch_id = '" + batch->batchId + "'");
    addHomework(store, 25);

    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.newDeadLetters, 10);
    const auto dead = outbox.deadLetters();
    ASSERT_EQ(dead.size(), 10u);
    std::set<std::string> refusedIds;
    for (const auto& rec : refused) refusedIds.insert(rec.meta.id);
    for (const auto& d : dead) {
        EXPECT_TRUE(refusedIds.count(d.recordId)) << d.recordId;
        EXPECT_EQ(d.status, "rejected");
        EXPECT_EQ(d.code, "invalid_gzip");
        EXPECT_NE(d.message.find("HTTP 400"), std::string::npos) << d.message;
        EXPECT_NE(d.message.find("gzip"), std::string::npos) << d.message;
    }
    // Every later record arrived; the refused ones did not, and nothing is left blocking.
    expectConverged(refusedIds);
    EXPECT_EQ(county.records(kSchool).size(), 25u);
    // Resending them queues fresh bytes, which the county accepts.
    for (const auto& d : dead) outbox.resend(d.id);
    EXPECT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    EXPECT_TRUE(outbox.deadLetters().empty());
    expectConverged();
}
