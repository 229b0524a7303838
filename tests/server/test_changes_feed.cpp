// GET /v1/changes (issue 12): a school's change feed, scoped by the token only, paged by a
// cursor that never skips a change committed out of order (county migration 6).
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <thread>

#include "../core/wait_until.h"
#include "county_fixture.h"
#include "pg_connection.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::openStorage;

namespace {

constexpr const char* kSchoolA = "3201020001";
constexpr const char* kSchoolB = "3201020002";

class ChangesFeedTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>(GetParam());
        server_ = std::make_unique<ServerProcess>(*db_);
        a_ = enroll(*db_, *server_, kSchoolA);
        b_ = enroll(*db_, *server_, kSchoolB);
    }
    Json post(const Enrolled& device, std::int64_t& seq, const std::vector<Json>& records)
    {
        return postNextBatch(*server_, device, seq, records);
    }
    Json changes(const Enrolled& device, const std::string& query)
    {
        auto client = server_->client();
        auto res = getWithToken(client, "/v1/changes" + query, device.token);
        EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
        return res ? Json::parse(res->body) : Json();
    }
    // Every entry from cursor 0, page by page; returns the entries in order.
    std::vector<Json> pullAll(const Enrolled& device, int limit, int* pages = nullptr)
    {
        std::vector<Json> all;
        std::int64_t cursor = 0;
        for (int page = 0; page < 1000; ++page) {
            const Json p = changes(device, "?after=" + std::to_string(cursor) + "&limit=" + std::to_string(limit));
            for (const auto& e : p["changes"]) all.push_back(e);
            EXPECT_GE(p["cursor"].get<std::int64_t>(), cursor);
            cursor = p["cursor"].get<std::int64_t>();
            if (pages) *pages = page + 1;
            if (!p["more"].get<bool>()) break;
        }
        return all;
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<ServerProcess> server_;
    Enrolled a_, b_;
    std::int64_t seqA_ = 1, seqB_ = 1;
};

TEST_P(ChangesFeedTest, GIVEN_records_edits_deletes_and_a_conflict_WHEN_the_school_pulls_in_pages_THEN_it_gets_each_current_version_once_with_tombstones)
{
    const auto cls = newId(), hw1 = newId(), hw2 = newId();
    const auto dev = a_.deviceId;
    post(a_, seqA_, {classRecord(cls, dev), homeworkRecord(hw1, cls, dev), homeworkRecord(hw2, cls, dev, 1, 20, "2026-11-19")});
    Json gone = homeworkRecord(hw2, cls, dev, 2, 20, "2026-11-19");
    gone["deleted"] = true;
    post(a_, seqA_, {homeworkRecord(hw1, cls, dev, 2, 35), gone});
    const Json ack = post(a_, seqA_, {homeworkRecord(hw1, cls, dev, 2, 40)});  // same version, other content
    ASSERT_EQ(ack["counts"]["conflict"], 1) << ack.dump();

    int pages = 0;
    const auto all = pullAll(a_, 1, &pages);
    ASSERT_EQ(all.size(), 4u);  // the class, hw1 at v2, hw2's tombstone, the conflict
    EXPECT_EQ(pages, 4);
    std::map<std::string, Json> records;
    std::int64_t previous = 0;
    for (const auto& e : all) {
        EXPECT_GT(e["change"].get<std::int64_t>(), previous) << "changes come in order";
        previous = e["change"];
        EXPECT_EQ(e["from_device"], dev);
        if (e["type"] == "record") records[e["record"]["id"]] = e["record"];
        else EXPECT_EQ(e["type"], "conflict");
    }
    EXPECT_EQ(all.back()["type"], "conflict");
    EXPECT_EQ(all.back()["record"]["body"]["minutes"], 40);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[hw1]["version"], 2);
    EXPECT_EQ(records[hw1]["body"]["minutes"], 35);
    EXPECT_EQ(records[hw2]["deleted"], true) << "the tombstone travels";

    // Nothing new: an empty page keeps the cursor.
    const Json tail = changes(a_, "?after=" + std::to_string(previous));
    EXPECT_TRUE(tail["changes"].empty());
    EXPECT_EQ(tail["cursor"], previous);
    EXPECT_EQ(tail["more"], false);
}

TEST_P(ChangesFeedTest, GIVEN_two_schools_WHEN_each_token_pulls_whatever_it_asks_THEN_it_never_receives_the_other_schools_changes)
{
    const auto clsA = newId(), clsB = newId();
    post(a_, seqA_, {classRecord(clsA, a_.deviceId), homeworkRecord(newId(), clsA, a_.deviceId)});
    post(b_, seqB_, {classRecord(clsB, b_.deviceId, 1, "五年级2班")});
    post(b_, seqB_, {classRecord(clsB, b_.deviceId, 1, "五年级3班")});  // a conflict row of B

    // Probes: parameters naming B, cursors far behind, a B record id, headers claiming B.
    for (const std::string& query : std::vector<std::string>{"", "?after=0", "?after=0&school_code=" + std::string(kSchoolB),
                                    "?after=0&school=" + std::string(kSchoolB) + "&limit=1000",
                                    "?after=0&device_id=" + b_.deviceId, "?after=0&id=" + clsB}) {
        auto client = server_->client();
        httplib::Headers headers{{"Authorization", "Bearer " + a_.token}, {"X-School-Code", kSchoolB}};
        auto res = client.Get("/v1/changes" + query, headers);
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
        const Json page = Json::parse(res->body);
        ASSERT_EQ(page["changes"].size(), 2u) << query;
        for (const auto& e : page["changes"]) {
            EXPECT_NE(e["record"]["id"], clsB) << query;
            EXPECT_EQ(e["from_device"], a_.deviceId) << query;
        }
    }
    const auto seenByB = pullAll(b_, 1000);
    ASSERT_EQ(seenByB.size(), 2u);
    for (const auto& e : seenByB) EXPECT_EQ(e["record"]["id"], clsB);

    auto client = server_->client();
    EXPECT_EQ(client.Get("/v1/changes?after=0")->status, 401);
    EXPECT_EQ(errorCode(getWithToken(client, "/v1/changes", std::string(64, 'a'))), "invalid_token");
}

TEST_P(ChangesFeedTest, GIVEN_a_malformed_cursor_or_limit_WHEN_pulled_THEN_400_invalid_request)
{
    for (const std::string query : {"?after=-1", "?after=abc", "?after=1e3", "?after=", "?after=1&after=2",
                                    "?limit=0", "?limit=5001", "?after=9999999999999999999"}) {
        auto client = server_->client();
        auto res = getWithToken(client, "/v1/changes" + query, a_.token);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400) << query << " " << res->body;
        EXPECT_EQ(errorCode(res), "invalid_request") << query;
    }
    auto client = server_->client();
    const auto caps = Json::parse(client.Get("/v1/capabilities")->body);
    EXPECT_EQ(caps["changes"], 1) << "the county says it serves the feed";
    EXPECT_EQ(caps["max_changes_limit"], 5000) << "and how many entries a page may ask for";
    auto atMost = getWithToken(client, "/v1/changes?limit=5000", a_.token);
    ASSERT_TRUE(atMost);
    EXPECT_EQ(atMost->status, 200) << atMost->body;
}

TEST_P(ChangesFeedTest, GIVEN_a_second_record_for_the_same_class_day_and_subject_WHEN_it_arrives_THEN_it_is_stored_as_a_tombstone_and_listed_as_a_conflict_naming_the_first)
{
    const auto cls = newId(), first = newId(), second = newId();
    const std::string day = "2026-11-20";
    post(a_, seqA_, {classRecord(cls, a_.deviceId), homeworkRecord(first, cls, a_.deviceId, 1, 20, day)});
    const Json ack = post(a_, seqA_, {homeworkRecord(second, cls, a_.deviceId, 1, 35, day)});
    EXPECT_EQ(ack["counts"]["conflict"], 1) << ack.dump();
    ASSERT_EQ(ack["exceptions"].size(), 1u);
    EXPECT_EQ(ack["exceptions"][0]["code"], "natural_key_conflict");

    const auto all = pullAll(a_, 1000);
    ASSERT_EQ(all.size(), 4u);
    const Json& tomb = all[2];
    EXPECT_EQ(tomb["type"], "record");
    EXPECT_EQ(tomb["record"]["id"], second);
    EXPECT_EQ(tomb["record"]["deleted"], true);
    const Json& conflict = all[3];
    EXPECT_EQ(conflict["type"], "conflict");
    EXPECT_EQ(conflict["code"], "natural_key_conflict");
    EXPECT_EQ(conflict["winner_id"], first);
    EXPECT_EQ(conflict["winner_version"], 1);
    EXPECT_EQ(conflict["record"]["body"]["minutes"], 35);
    EXPECT_EQ(conflict["record"]["deleted"], false);

    // Deleting the first frees the key: the same content under the second id is then stored.
    Json gone = homeworkRecord(first, cls, a_.deviceId, 2, 20, day);
    gone["deleted"] = true;
    const Json again = post(a_, seqA_, {gone, homeworkRecord(second, cls, a_.deviceId, 2, 35, day)});
    EXPECT_EQ(again["counts"]["updated"], 2) << again.dump();
    // An edit that moves a record onto a held key is refused as a conflict, and the stored
    // version travels again so the computer that made the edit gets it back.
    const auto third = newId();
    post(a_, seqA_, {homeworkRecord(third, cls, a_.deviceId, 1, 20, "2026-11-21")});
    const auto before = pullAll(a_, 1000).back()["change"].get<std::int64_t>();
    const Json moved = post(a_, seqA_, {homeworkRecord(third, cls, a_.deviceId, 2, 20, "2026-11-20")});
    EXPECT_EQ(moved["counts"]["conflict"], 1) << moved.dump();
    const Json tail = changes(a_, "?after=" + std::to_string(before));
    ASSERT_EQ(tail["changes"].size(), 2u) << tail.dump();
    EXPECT_EQ(tail["changes"][0]["type"], "conflict");
    EXPECT_EQ(tail["changes"][1]["record"]["id"], third);
    EXPECT_EQ(tail["changes"][1]["record"]["version"], 1);
}

// Two computers create the same key at the same moment (different record ids): exactly one is
// stored live, the other is its conflict, whichever committed first.
TEST_P(ChangesFeedTest, GIVEN_two_devices_creating_the_same_key_at_once_WHEN_both_commit_THEN_exactly_one_is_live)
{
    server_.reset();
    server_ = std::make_unique<ServerProcess>(*db_, std::vector<std::string>{},
                                              std::vector<std::string>{"TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS=30"});
    const auto other = enroll(*db_, *server_, kSchoolA);
    const auto cls = newId();
    post(a_, seqA_, {classRecord(cls, a_.deviceId)});
    std::int64_t seqO = 1;
    for (int round = 0; round < 6; ++round) {
        const std::string day = "2026-11-" + std::to_string(10 + round);
        std::thread t([&] { post(other, seqO, {homeworkRecord(newId(), cls, other.deviceId, 1, 30, day)}); });
        post(a_, seqA_, {homeworkRecord(newId(), cls, a_.deviceId, 1, 20, day)});
        t.join();
    }
    auto storage = openStorage(db_->target(), 1);
    int live = 0;
    for (const auto& j : storage->recordJsons({kSchoolA, "homework", std::nullopt, std::nullopt}))
        if (!Json::parse(j)["deleted"].get<bool>()) ++live;
    EXPECT_EQ(live, 6) << "one live homework per class, day and subject";
    EXPECT_EQ(storage->listConflicts(kSchoolA).size(), 6u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangesFeedTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace

namespace {

using namespace taizhang::server;

RecordWrite recordWrite(const std::string& id, const std::string& device)
{
    const Json r = classRecord(id, device, 1, "班级-" + id.substr(id.size() - 6));
    return RecordWrite{id, kSchoolA, "class", 1, false, std::nullopt, r.dump(), device, "2026-11-24T01:00:00.000Z",
                       true, 0};
}

void writeNumbered(IngestTx& tx, RecordWrite w)
{
    w.changeSeq = tx.allocateChanges(kSchoolA, 1);
    tx.writeRecords({w});
}

std::vector<std::string> idsAfter(Storage& storage, std::int64_t& cursor)
{
    std::vector<std::string> ids;
    for (const auto& e : storage.changesAfter(kSchoolA, cursor, 1000, 1 << 20)) {
        ids.push_back(Json::parse(e.recordJson)["id"]);
        cursor = e.change;
    }
    return ids;
}

// A plain serial number would be taken by A first (it began first) and committed last: a reader
// between the two commits would move its cursor past A's number and never see A.
TEST(ChangesFeedOrder, GIVEN_postgres_WHEN_the_batch_that_began_first_commits_last_THEN_the_cursor_read_between_the_commits_does_not_skip_it)
{
    TestDatabase db("postgres");
    auto storage = openStorage(db.target(), 4);
    storage->addSchool({kSchoolA, "甲校", "320102", "primary", false, "2026-11-24T00:00:00.000Z"});
    const std::string idA = newId(), idB = newId(), device = newId();

    // (Without findRecords: its hold on the school would make B wait for A, see below; the
    // change counter must keep the order on its own too.)
    auto txA = storage->beginIngest();
    ASSERT_FALSE(txA->claimBatch({device, "batch-a", "h", 1, 1, 1, "", "2026-11-24T01:00:00.000Z"}));
    auto txB = storage->beginIngest();
    ASSERT_FALSE(txB->claimBatch({device, "batch-b", "h", 2, 2, 1, "", "2026-11-24T01:00:00.000Z"}));
    writeNumbered(*txB, recordWrite(idB, device));
    txB->commit();

    std::int64_t cursor = 0;
    EXPECT_EQ(idsAfter(*storage, cursor), std::vector<std::string>{idB});

    writeNumbered(*txA, recordWrite(idA, device));
    txA->commit();
    EXPECT_EQ(idsAfter(*storage, cursor), std::vector<std::string>{idA}) << "the later commit was skipped";
}

// The counter is taken last and held to commit: a batch that takes it while another holds it
// waits, so the numbers follow the commits even when the waiting one began first.
TEST(ChangesFeedOrder, GIVEN_postgres_WHEN_a_batch_numbers_while_another_holds_the_counter_THEN_it_waits_and_gets_the_later_number)
{
    TestDatabase db("postgres");
    auto storage = openStorage(db.target(), 4);
    storage->addSchool({kSchoolA, "甲校", "320102", "primary", false, "2026-11-24T00:00:00.000Z"});
    const std::string idA = newId(), idB = newId(), device = newId();

    auto txB = storage->beginIngest();  // begins first, numbers second
    ASSERT_FALSE(txB->claimBatch({device, "batch-b", "h", 2, 2, 1, "", "2026-11-24T01:00:00.000Z"}));
    auto txA = storage->beginIngest();
    ASSERT_FALSE(txA->claimBatch({device, "batch-a", "h", 1, 1, 1, "", "2026-11-24T01:00:00.000Z"}));
    writeNumbered(*txA, recordWrite(idA, device));

    std::thread b([&] {
        writeNumbered(*txB, recordWrite(idB, device));
        txB->commit();
    });
    std::int64_t cursor = 0;
    const auto seenWhileOpen = idsAfter(*storage, cursor);
    txA->commit();
    b.join();
    std::vector<std::string> seen = seenWhileOpen;
    for (const auto& id : idsAfter(*storage, cursor)) seen.push_back(id);
    EXPECT_EQ(seen, (std::vector<std::string>{idA, idB}));
    const auto all = storage->changesAfter(kSchoolA, 0, 10, 1 << 20);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_LT(all[0].change, all[1].change);
}

// One lock per school and batch (not one per record id and key, which took about 2 000 slots of
// PostgreSQL's lock table per batch of 1 000): a second batch of the same school waits for the
// first to commit and then sees its record; a batch of another school does not wait.
TEST(IngestHold, GIVEN_postgres_WHEN_two_batches_of_one_school_read_the_same_record_THEN_the_second_waits_and_sees_the_first)
{
    TestDatabase db("postgres");
    auto storage = openStorage(db.target(), 4);
    storage->addSchool({kSchoolA, "甲校", "320102", "primary", false, "2026-11-24T00:00:00.000Z"});
    storage->addSchool({kSchoolB, "乙校", "320102", "primary", false, "2026-11-24T00:00:00.000Z"});
    const std::string id = newId(), device = newId();
    taizhang::server::PgConnection probe(db.target());
    auto advisoryLocks = [&](bool granted) {
        return probe
            .exec("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = $1 AND database = "
                  "(SELECT oid FROM pg_database WHERE datname = current_database())",
                  {granted ? "true" : "false"})
            .int64(0, 0);
    };

    auto txA = storage->beginIngest();
    ASSERT_FALSE(txA->claimBatch({device, "batch-a", "h", 1, 1, 1, "", "2026-11-24T01:00:00.000Z"}));
    std::vector<std::string> ids{id, newId(), newId(), newId(), newId()};
    std::sort(ids.begin(), ids.end());
    EXPECT_TRUE(txA->findRecords(kSchoolA, ids).empty());
    EXPECT_EQ(advisoryLocks(true), 1) << "one lock for the batch, not one per record and key";

    // Another school's batch goes on while A is open.
    auto txOther = storage->beginIngest();
    ASSERT_FALSE(txOther->claimBatch({newId(), "batch-o", "h", 1, 1, 1, "", "2026-11-24T01:00:00.000Z"}));
    EXPECT_TRUE(txOther->findRecords(kSchoolB, {newId()}).empty());
    txOther->commit();

    std::optional<std::int64_t> seenByB;
    std::thread b([&] {
        auto txB = storage->beginIngest();
        txB->claimBatch({device, "batch-b", "h", 2, 2, 1, "", "2026-11-24T01:00:00.000Z"});
        const auto found = txB->findRecords(kSchoolA, {id});
        if (auto it = found.find(id); it != found.end()) seenByB = it->second.version;
        txB->commit();
    });
    ASSERT_TRUE(waitUntil([&] { return advisoryLocks(false) == 1; })) << "the second batch of the school did not wait";
    writeNumbered(*txA, recordWrite(id, device));
    txA->commit();
    b.join();
    EXPECT_EQ(seenByB, std::optional<std::int64_t>{1}) << "the second batch must see the first one's record";
}

// Many batches of one school committing concurrently, each held open a while before its commit,
// and a reader following the feed with its cursor the whole time: it ends with every record.
TEST_P(ChangesFeedTest, GIVEN_concurrent_batches_held_open_before_commit_WHEN_a_reader_follows_the_cursor_THEN_it_receives_every_record)
{
    server_.reset();
    // The reader polls as fast as it can: no rate limit here.
    server_ = std::make_unique<ServerProcess>(*db_, std::vector<std::string>{"--rate-limit", "1000000"},
                                              std::vector<std::string>{"TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS=15"});
    constexpr int kWriters = 4, kBatches = 8, kPerBatch = 3;
    std::vector<Enrolled> devices;
    for (int i = 0; i < kWriters; ++i) devices.push_back(enroll(*db_, *server_, kSchoolA));
    std::set<std::string> sent, received;
    std::mutex mu;
    std::atomic<int> writersLeft{kWriters};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            std::int64_t seq = 1;
            for (int b = 0; b < kBatches; ++b) {
                std::vector<Json> records;
                for (int r = 0; r < kPerBatch; ++r) {
                    const auto id = newId();
                    records.push_back(classRecord(id, devices[w].deviceId, 1, id));
                    std::lock_guard lock(mu);
                    sent.insert(id);
                }
                auto client = server_->client();
                const auto key = newId();
                auto res = postBatch(client, devices[w], key, makeBatch(devices[w], key, records, seq));
                seq += kPerBatch;
                EXPECT_TRUE(res && res->status == 200);
            }
            --writersLeft;
        });
    }
    std::int64_t cursor = 0;
    for (bool last = false; !last;) {
        last = writersLeft.load() == 0;  // one more full pull after every writer is done
        for (bool more = true; more;) {
            const Json page = changes(a_, "?after=" + std::to_string(cursor) + "&limit=5");
            for (const auto& e : page["changes"]) received.insert(e["record"]["id"].get<std::string>());
            cursor = page["cursor"];
            more = page["more"];
        }
    }
    for (auto& t : writers) t.join();
    EXPECT_EQ(received.size(), sent.size());
    EXPECT_EQ(received, sent) << "the cursor skipped a change";
}

}  // namespace
