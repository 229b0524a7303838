// Pull (issue 12): the computers of one school converge on one ledger through the county's
// change feed; pulled changes never enter the outbox; the audit names the computer that made
// the change; a computer that was never set up joins the school the county holds.
#include <gtest/gtest.h>

#include <algorithm>

#include "ledger.h"
#include "school_computer.h"

using namespace taizhang;
using namespace taizhang::testing;
using sync::SyncOutcome;

namespace {

Json classBody(const std::string& name, int grade = 3)
{
    SchoolClass c;
    c.grade = grade;
    c.name = name;
    c.students = 40;
    c.subjects = {"chinese", "math"};
    return c;
}

using PullSync = TwoSchoolComputers;

}  // namespace

TEST_F(PullSync, GIVEN_two_computers_WHEN_one_adds_edits_and_deletes_and_both_sync_THEN_the_other_holds_the_same_ledger_without_queueing_it)
{
    const auto cls = a.store.create(Kind::SchoolClass, classBody("三年级1班"), a.ctx());
    const auto hw = addHomework(a.store, 30, a.deviceId);
    auto body = hw[0].body;
    body["minutes"] = 45;
    a.store.update(hw[0].meta.id, body, 1, a.ctx());
    a.store.remove(hw[1].meta.id, 1, a.ctx());
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);

    const auto before = b.outboxRows();
    const auto r = b.sync();
    ASSERT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.pulled, 31);
    EXPECT_TRUE(r.pullComplete);
    EXPECT_EQ(b.ledger(), a.ledger());
    EXPECT_EQ(b.ledger().at(hw[1].meta.id), a.ledger().at(hw[1].meta.id)) << "the tombstone arrived";
    EXPECT_TRUE(b.store.find(hw[1].meta.id)->meta.deleted);
    EXPECT_EQ(b.outboxRows(), before) << "pulled changes must not go back into the outbox";
    EXPECT_EQ(Outbox(b.db, SystemClock::instance()).status().unsent(), 0);

    // The audit keeps who made the change and on which computer.
    const auto history = b.store.history(hw[0].meta.id);
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.back().device, a.deviceId);
    EXPECT_EQ(history.back().author, "teacher-1");
    EXPECT_EQ(history.back().version, 2);
    EXPECT_NE(history.back().reason.find("从区县同步"), std::string::npos);
    EXPECT_EQ(b.store.history(hw[1].meta.id).back().action, "delete");
    EXPECT_EQ(b.store.find(cls.meta.id)->meta.device, a.deviceId);

    // B's own change goes the other way; A's own records come back to A as nothing new.
    auto bBody = b.store.find(hw[2].meta.id)->body;
    bBody["minutes"] = 12;
    b.store.update(hw[2].meta.id, bBody, 1, b.ctx());
    ASSERT_EQ(b.sync().outcome, SyncOutcome::AllSent);
    const auto back = a.sync();
    EXPECT_EQ(back.pulled, 1);
    EXPECT_EQ(a.ledger(), b.ledger());
    EXPECT_EQ(a.ledger(), county.recordJsons(kSchool));
    EXPECT_EQ(a.store.history(hw[2].meta.id).back().device, b.deviceId);
    // Nothing new: a pass pulls nothing and the cursor stays.
    const auto cursor = pullCursor(a.db);
    EXPECT_EQ(a.sync().pulled, 0);
    EXPECT_EQ(pullCursor(a.db), cursor);
    EXPECT_FALSE(loadSyncState(a.db).lastPullAt.empty());
}

TEST_F(PullSync, GIVEN_the_same_record_edited_on_two_computers_to_the_same_version_WHEN_both_sync_THEN_both_hold_the_countys_version_and_list_the_other_as_a_conflict)
{
    const auto hw = addHomework(a.store, 1, a.deviceId).front();
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    ASSERT_EQ(b.sync().pulled, 1);
    auto bodyA = hw.body, bodyB = hw.body;
    bodyA["minutes"] = 30;
    bodyB["minutes"] = 40;
    a.store.update(hw.meta.id, bodyA, 1, a.ctx());
    b.store.update(hw.meta.id, bodyB, 1, b.ctx());
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);  // first at the county: stored
    const auto rb = b.sync();                              // equal version, other content
    EXPECT_EQ(rb.counts.conflict, 1);
    EXPECT_EQ(rb.pulled, 1);
    a.sync();
    EXPECT_EQ(a.ledger(), b.ledger());
    EXPECT_EQ(a.ledger(), county.recordJsons(kSchool));
    EXPECT_EQ(b.store.find(hw.meta.id)->body["minutes"], 30);
    for (SchoolComputer* c : {&a, &b}) {
        const auto conflicts = schoolConflicts(c->db);
        ASSERT_EQ(conflicts.size(), 1u) << c->name;
        EXPECT_EQ(conflicts[0].recordId, hw.meta.id);
        EXPECT_EQ(conflicts[0].record["body"]["minutes"], 40);
    }
}

TEST_F(PullSync, GIVEN_a_computer_never_set_up_WHEN_it_enrolls_for_a_school_the_county_holds_THEN_it_takes_the_profile_and_pulls_the_ledger_without_a_second_set_of_classes)
{
    auto tx = a.db.beginWrite();
    saveSchoolProfile(a.db, SchoolProfile{kSchool, "示范小学", "320102", "primary", kChinaUtcOffsetMinutes});
    tx.commit();
    Ledger ledger(a.db, SystemClock::instance());
    for (const auto* name : {"三年级1班", "三年级2班"}) ASSERT_TRUE(ledger.save(Kind::SchoolClass, classBody(name), a.ctx()).ok());
    addHomework(a.store, 10, a.deviceId);
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);

    SchoolComputer c{dir, "laptop"};
    ASSERT_FALSE(loadSchoolProfile(c.db));
    const auto joined = c.enroll(county, county.issueCode(kSchool));
    ASSERT_TRUE(joined.ok) << joined.message;
    EXPECT_TRUE(joined.joined);
    const auto profile = loadSchoolProfile(c.db);
    ASSERT_TRUE(profile);
    EXPECT_EQ(profile->code, kSchool);
    EXPECT_EQ(profile->name, "示范小学");
    EXPECT_FALSE(profile->countyCode.empty());
    const auto r = c.sync();
    ASSERT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.pulled, 12);
    EXPECT_EQ(r.recordsSent, 0) << "joining sends nothing";
    EXPECT_EQ(c.ledger(), a.ledger());
    EXPECT_EQ(c.outboxRows(), 0);
    // The joined ledger is a working one: a duplicate class is refused against the pulled ones.
    Ledger joinedLedger(c.db, SystemClock::instance());
    EXPECT_FALSE(joinedLedger.save(Kind::SchoolClass, classBody("三年级1班"), c.ctx()).ok());
    EXPECT_TRUE(joinedLedger.save(Kind::SchoolClass, classBody("四年级1班", 4), c.ctx()).ok());

    // A computer that was set up keeps its own profile.
    const auto again = b.enroll(county, county.issueCode(kSchool));
    EXPECT_FALSE(again.joined);
}

TEST_F(PullSync, GIVEN_two_computers_recording_the_same_class_day_and_subject_offline_WHEN_both_sync_THEN_the_first_at_the_county_wins_the_other_is_a_conflict_on_both_and_resolving_it_converges)
{
    const auto mine = a.store.create(Kind::Homework, homeworkBody(1), a.ctx());  // math, 11 minutes
    auto other = homeworkBody(1);
    other["minutes"] = 25;
    other["content"] = "另一台电脑记的";
    const auto theirs = b.store.create(Kind::Homework, other, b.ctx());
    ASSERT_NE(mine.meta.id, theirs.meta.id);

    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    const auto rb = b.sync();
    EXPECT_EQ(rb.counts.conflict, 1);
    a.sync();
    EXPECT_EQ(a.ledger(), b.ledger());
    EXPECT_EQ(a.ledger(), county.recordJsons(kSchool));
    EXPECT_TRUE(b.store.find(theirs.meta.id)->meta.deleted) << "the second record of the key is gone everywhere";
    EXPECT_FALSE(b.store.find(mine.meta.id)->meta.deleted);
    for (SchoolComputer* c : {&a, &b}) {
        const auto conflicts = schoolConflicts(c->db);
        ASSERT_EQ(conflicts.size(), 1u) << c->name;
        EXPECT_EQ(conflicts[0].code, "natural_key_conflict");
        EXPECT_EQ(conflicts[0].recordId, theirs.meta.id);
        EXPECT_EQ(conflicts[0].winnerId, mine.meta.id);
        EXPECT_EQ(conflicts[0].record["body"]["minutes"], 25);
        EXPECT_TRUE(conflicts[0].open);
    }

    // B's teacher looks at it and takes B's figures: the stored record gets them as a new version.
    const auto how = conflictResolution(b.db, schoolConflicts(b.db).front().change, true);
    EXPECT_EQ(how.recordId, mine.meta.id);
    b.store.update(how.recordId, how.body, how.expectedVersion, b.ctx());
    EXPECT_THROW(conflictResolution(b.db, schoolConflicts(b.db).front().change, false), std::invalid_argument);
    ASSERT_EQ(b.sync().outcome, SyncOutcome::AllSent);
    a.sync();
    EXPECT_EQ(a.ledger(), b.ledger());
    EXPECT_EQ(a.store.find(mine.meta.id)->body["minutes"], 25);
    for (SchoolComputer* c : {&a, &b}) EXPECT_FALSE(schoolConflicts(c->db).front().open) << c->name;
}

TEST_F(PullSync, GIVEN_a_line_that_drops_and_refuses_requests_WHEN_a_computer_pulls_many_pages_THEN_one_pass_retries_each_page_and_receives_everything_once)
{
    addHomework(a.store, 40, a.deviceId);
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);

    // Half of B's requests fail (dropped connections, lost answers, 5xx, 429): a page that does
    // not arrive is asked for again after the backoff, not left for a pass in 15 minutes.
    FaultProxy proxy(county.port());
    proxy.command("random 0.5 12");
    b.pointAt(proxy.url());
    sync::TransportOptions o;
    o.proxy = "none";
    sync::CurlTransport t(o);
    sync::SyncEngine engine(b.db, t, SystemClock::instance(), b.random, b.sleeper, b.keyFile());
    engine.setRetryPolicy(fastRetries());
    sync::SyncOptions opts;
    opts.pullPageSize = 4;  // 10 pages
    opts.maxWaitMillis = 600'000;
    const auto r = engine.runOnce(opts);
    ASSERT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_TRUE(r.pullComplete);
    EXPECT_EQ(r.pulled, 40);
    EXPECT_EQ(b.ledger(), a.ledger());
    EXPECT_EQ(b.outboxRows(), 0) << "pulled changes must not go back into the outbox";
    const auto faults = Json::parse(proxy.command("stats"));
    EXPECT_GE(faults.value("requests", 0) - faults.value("pass", 0), 3) << faults.dump();
}

TEST_F(PullSync, GIVEN_a_county_advertising_pages_of_5000_WHEN_a_computer_pulls_2500_changes_THEN_one_page_and_an_older_countys_limit_still_holds)
{
    addHomework(a.store, 2500, a.deviceId);
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    ASSERT_EQ(loadSyncState(b.db).maxChangesLimit, 5000);  // learnt at enrollment

    FaultProxy proxy(county.port());
    b.pointAt(proxy.url());
    auto r = b.sync();
    ASSERT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.pulled, 2500);
    const auto first = Json::parse(proxy.command("stats"))["first_requests"];
    EXPECT_EQ(std::count(first.begin(), first.end(), Json("/v1/changes")), 1) << first.dump();
    EXPECT_EQ(b.ledger(), a.ledger());

    // A county that never said how many (older than max_changes_limit) refuses pages over 1 000:
    // the client asks for 1 000 at most.
    addHomework(a.store, 2500, a.deviceId);
    ASSERT_EQ(a.sync().outcome, SyncOutcome::AllSent);
    auto st = loadSyncState(b.db);
    st.maxChangesLimit = 0;
    saveSyncState(b.db, st);
    FaultProxy older(county.port());
    b.pointAt(older.url());
    r = b.sync();
    ASSERT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.pulled, 2500);
    const auto paged = Json::parse(older.command("stats"))["first_requests"];
    EXPECT_EQ(std::count(paged.begin(), paged.end(), Json("/v1/changes")), 3) << paged.dump();
    EXPECT_EQ(b.ledger(), a.ledger());
}
