// The ingest suite: the same tests against SQLite and PostgreSQL, through the real server.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "county_fixture.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::openStorage;

namespace {

constexpr const char* kSchoolA = "3201020001";
constexpr const char* kSchoolB = "3201020002";

class IngestTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>(GetParam());
        server_ = std::make_unique<ServerProcess>(*db_);
        device_ = enroll(*db_, *server_, kSchoolA);
    }
    Json post(const std::string& key, const std::vector<Json>& records, std::int64_t firstSeq = 1, int expect = 200)
    {
        auto client = server_->client();
        auto res = postBatch(client, device_, key, makeBatch(device_, key, records, firstSeq));
        EXPECT_TRUE(res);
        if (!res) return Json();
        EXPECT_EQ(res->status, expect) << res->body;
        return Json::parse(res->body);
    }
    std::int64_t totalRecords() { return openStorage(db_->target(), 1)->totalRecords(); }
    Json state(const Enrolled& d)
    {
        auto client = server_->client();
        auto res = getWithToken(client, "/v1/state", d.token);
        EXPECT_TRUE(res && res->status == 200);
        return Json::parse(res->body);
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<ServerProcess> server_;
    Enrolled device_;
};

Json counts(int created, int updated, int duplicate, int rejected, int conflict)
{
    return Json{{"created", created}, {"updated", updated}, {"duplicate", duplicate}, {"rejected", rejected},
                {"conflict", conflict}};
}

TEST_P(IngestTest, GIVEN_new_records_WHEN_batch_sent_THEN_all_created_and_state_advances)
{
    const auto cls = newId();
    const auto ack = post(newId(), {classRecord(cls, device_.deviceId), homeworkRecord(newId(), cls, device_.deviceId)});
    EXPECT_EQ(ack["counts"], counts(2, 0, 0, 0, 0));
    EXPECT_TRUE(ack["exceptions"].empty());
    EXPECT_EQ(totalRecords(), 2);
    const auto s = state(device_);
    EXPECT_EQ(s["last_seq"], 2);
    EXPECT_EQ(s["contiguous_seq"], 2);
    EXPECT_EQ(s["records"], 2);
    EXPECT_EQ(s["school_code"], kSchoolA);
}

TEST_P(IngestTest, GIVEN_committed_batch_WHEN_resent_with_same_key_THEN_stored_ack_replayed_and_nothing_written)
{
    const auto key = newId();
    const std::string body = makeBatch(device_, key, {classRecord(newId(), device_.deviceId)});
    auto client = server_->client();
    auto first = postBatch(client, device_, key, body);
    auto second = postBatch(client, device_, key, body);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(second->status, 200);
    EXPECT_EQ(second->body, first->body);
    EXPECT_EQ(second->get_header_value("Idempotent-Replayed"), "true");
    EXPECT_FALSE(first->has_header("Idempotent-Replayed"));
    EXPECT_EQ(totalRecords(), 1);
}

TEST_P(IngestTest, GIVEN_committed_batch_WHEN_same_key_with_other_body_THEN_422_and_nothing_written)
{
    const auto key = newId();
    post(key, {classRecord(newId(), device_.deviceId)});
    auto client = server_->client();
    auto res = postBatch(client, device_, key, makeBatch(device_, key, {classRecord(newId(), device_.deviceId)}));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(errorCode(res), "idempotency_key_reused");
    EXPECT_EQ(totalRecords(), 1);
}

TEST_P(IngestTest, GIVEN_stored_record_WHEN_higher_lower_and_equal_versions_arrive_THEN_higher_wins_and_conflict_kept)
{
    const auto id = newId();
    post(newId(), {classRecord(id, device_.deviceId, 2, "v2")}, 1);
    const auto ack = post(newId(),
                          {classRecord(id, device_.deviceId, 1, "v1"),          // older: duplicate
                           classRecord(id, device_.deviceId, 2, "v2"),          // same: duplicate
                           classRecord(id, device_.deviceId, 2, "v2-other"),    // same version, other content
                           classRecord(id, device_.deviceId, 3, "v3")},         // newer: updated
                          2);
    EXPECT_EQ(ack["counts"], counts(0, 1, 2, 0, 1));
    ASSERT_EQ(ack["exceptions"].size(), 1u);
    EXPECT_EQ(ack["exceptions"][0]["status"], "conflict");
    EXPECT_EQ(ack["exceptions"][0]["code"], "version_conflict");
    EXPECT_EQ(ack["exceptions"][0]["seq"], 4);
    auto storage = openStorage(db_->target(), 1);
    const auto held = storage->recordJsons({kSchoolA, "class", std::nullopt, std::nullopt});
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(Json::parse(held[0])["version"], 3);
    EXPECT_EQ(Json::parse(held[0])["body"]["name"], "v3");
    EXPECT_EQ(storage->conflictCount(kSchoolA), 1);
    // The losing version is kept for review and listed by the admin command.
    std::vector<std::string> args{"conflicts", "list", "--school", kSchoolA};
    for (const auto& a : db_->storageArgs()) args.push_back(a);
    const auto listed = runCounty(args);
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find(id), std::string::npos);
    EXPECT_NE(listed.out.find("v2-other"), std::string::npos) << listed.out;
}

TEST_P(IngestTest, GIVEN_records_already_stored_WHEN_sent_again_in_a_new_batch_THEN_counted_duplicate)
{
    const auto a = classRecord(newId(), device_.deviceId), b = classRecord(newId(), device_.deviceId);
    post(newId(), {a, b}, 1);
    const auto ack = post(newId(), {a, b}, 3);
    EXPECT_EQ(ack["counts"], counts(0, 0, 2, 0, 0));
    EXPECT_EQ(totalRecords(), 2);
}

TEST_P(IngestTest, GIVEN_invalid_records_WHEN_mixed_with_valid_ones_THEN_only_they_are_rejected_with_codes)
{
    const auto cls = newId();
    Json wrongType = classRecord(newId(), device_.deviceId);
    wrongType["version"] = "1";
    Json unknownKind = classRecord(newId(), device_.deviceId);
    unknownKind["kind"] = "canteen";
    Json badBody = homeworkRecord(newId(), cls, device_.deviceId, 1, -5);
    Json badId = classRecord("not-a-uuid", device_.deviceId);
    const auto ack = post(newId(), {classRecord(cls, device_.deviceId), wrongType, unknownKind, badBody, badId});
    EXPECT_EQ(ack["counts"], counts(1, 0, 0, 4, 0));
    ASSERT_EQ(ack["exceptions"].size(), 4u);
    EXPECT_EQ(ack["exceptions"][0]["code"], "invalid_record");
    EXPECT_EQ(ack["exceptions"][0]["seq"], 2);
    EXPECT_EQ(ack["exceptions"][1]["code"], "unknown_kind");
    EXPECT_NE(ack["exceptions"][2]["code"].get<std::string>().find("homework"), std::string::npos)
        << ack["exceptions"][2].dump();
    EXPECT_EQ(ack["exceptions"][3]["code"], "invalid_record");
    EXPECT_EQ(totalRecords(), 1);
}

TEST_P(IngestTest, GIVEN_record_id_of_another_school_WHEN_pushed_THEN_foreign_record_and_original_untouched)
{
    const auto other = enroll(*db_, *server_, kSchoolB);
    const auto id = newId();
    post(newId(), {classRecord(id, device_.deviceId, 1, "A's class")});
    auto client = server_->client();
    const auto key = newId();
    auto res = postBatch(client, other, key, makeBatch(other, key, {classRecord(id, other.deviceId, 5, "hijack")}));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    const auto ack = Json::parse(res->body);
    EXPECT_EQ(ack["counts"], counts(0, 0, 0, 1, 0));
    EXPECT_EQ(ack["exceptions"][0]["code"], "foreign_record");
    auto storage = openStorage(db_->target(), 1);
    const auto held = storage->recordJsons({kSchoolA, "class", std::nullopt, std::nullopt});
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(Json::parse(held[0])["body"]["name"], "A's class");
    EXPECT_TRUE(storage->recordJsons({kSchoolB, std::nullopt, std::nullopt, std::nullopt}).empty());
}

TEST_P(IngestTest, GIVEN_batch_naming_another_school_WHEN_posted_THEN_403_wrong_school_and_nothing_stored)
{
    enroll(*db_, *server_, kSchoolB);
    Enrolled pretender = device_;
    pretender.schoolCode = kSchoolB;  // body claims school B, token is school A's
    auto client = server_->client();
    const auto key = newId();
    auto res = postBatch(client, device_, key, makeBatch(pretender, key, {classRecord(newId(), device_.deviceId)}));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(errorCode(res), "wrong_school");
    EXPECT_EQ(totalRecords(), 0);
}

TEST_P(IngestTest, GIVEN_two_schools_WHEN_each_reads_state_THEN_each_sees_only_its_own_device)
{
    const auto other = enroll(*db_, *server_, kSchoolB);
    post(newId(), {classRecord(newId(), device_.deviceId), classRecord(newId(), device_.deviceId)});
    const auto mine = state(device_), theirs = state(other);
    EXPECT_EQ(mine["records"], 2);
    EXPECT_EQ(theirs["records"], 0);
    EXPECT_EQ(theirs["last_seq"], 0);
    EXPECT_EQ(theirs["school_code"], kSchoolB);
    EXPECT_EQ(theirs["device_id"], other.deviceId);
}

struct Malformed {
    std::string name;
    std::function<std::string(const Enrolled&, const std::string& key)> body;  // already encoded
    std::string encoding;
    int status;
    std::string code;
};

TEST_P(IngestTest, GIVEN_malformed_bodies_WHEN_posted_THEN_each_gets_its_documented_error_and_nothing_changes)
{
    const auto valid = [](const Enrolled& d, const std::string& key) {
        return makeBatch(d, key, {classRecord(newId(), d.deviceId), classRecord(newId(), d.deviceId)});
    };
    std::string deep = "{\"a\":";
    for (int i = 0; i < 200; ++i) deep += "[";
    const std::vector<Malformed> cases{
        {"invalid gzip", [](auto&, auto&) { return std::string("this is not gzip at all, not even close"); }, "gzip",
         400, "invalid_gzip"},
        {"gzip bomb", [](auto&, auto&) { return gzip(std::string(64 << 20, ' ')); }, "gzip", 413,
         "decompressed_too_large"},
        {"invalid utf-8",
         [&](auto& d, auto& k) {
             auto b = valid(d, k);
             b.replace(b.find("三"), 3, "\xC3\x28\xA0");
             return gzip(b);
         },
         "gzip", 400, "invalid_utf8"},
        {"overlong utf-8",
         [&](auto& d, auto& k) {
             auto b = valid(d, k);
             b.replace(b.find("三"), 3, "\xE0\x80\xAF");
             return gzip(b);
         },
         "gzip", 400, "invalid_utf8"},
        {"truncated ndjson", [&](auto& d, auto& k) { auto b = valid(d, k); return gzip(b.substr(0, b.size() - 40)); },
         "gzip", 400, "truncated_batch"},
        {"missing line",
         [&](auto& d, auto& k) {
             auto b = valid(d, k);
             b.resize(b.rfind('\n', b.size() - 2) + 1);
             return gzip(b);
         },
         "gzip", 400, "count_mismatch"},
        {"deep json",
         [&](auto& d, auto& k) {
             auto b = valid(d, k);
             return gzip(b + deep + "\n");
         },
         "gzip", 400, "json_too_deep"},
        {"huge line",
         [&](auto& d, auto& k) {
             Json r = classRecord(newId(), d.deviceId);
             r["body"]["name"] = std::string(100000, 'x');
             return gzip(makeBatch(d, k, {r}));
         },
         "gzip", 413, "record_too_large"},
        {"not json", [&](auto& d, auto& k) { auto b = valid(d, k); b.insert(b.find('\n') + 1, "{oops\n"); return gzip(b); },
         "gzip", 400, "invalid_json"},
        {"header wrong types",
         [&](auto& d, auto& k) {
             auto b = valid(d, k);
             auto pos = b.find("\"count\":2");
             b.replace(pos, 9, "\"count\":\"2\"");
             return gzip(b);
         },
         "gzip", 400, "invalid_header"},
        {"seq not increasing",
         [&](auto& d, auto& k) {
             auto b = valid(d, k);
             b.replace(b.rfind("\"seq\":2"), 7, "\"seq\":1");
             return gzip(b);
         },
         "gzip", 400, "seq_out_of_order"},
        {"unsupported encoding", [&](auto& d, auto& k) { return valid(d, k); }, "compress", 415,
         "unsupported_encoding"},
    };
    auto client = server_->client();
    for (const auto& c : cases) {
        const auto key = newId();
        httplib::Headers headers{{"Authorization", "Bearer " + device_.token}, {"Idempotency-Key", key},
                                 {"Content-Encoding", c.encoding}};
        auto res = client.Post("/v1/batches", headers, c.body(device_, key), "application/x-ndjson");
        ASSERT_TRUE(res) << c.name;
        EXPECT_EQ(res->status, c.status) << c.name << ": " << res->body;
        EXPECT_EQ(errorCode(res), c.code) << c.name;
    }
    EXPECT_EQ(totalRecords(), 0);
    EXPECT_EQ(state(device_)["last_seq"], 0);
    // The server is still healthy afterwards and the valid form of the same batch goes through.
    const auto ack = post(newId(), {classRecord(newId(), device_.deviceId)});
    EXPECT_EQ(ack["counts"]["created"], 1);
}

TEST_P(IngestTest, GIVEN_many_devices_WHEN_pushing_in_parallel_THEN_every_record_stored_exactly_once)
{
    constexpr int kDevices = 8, kBatches = 4, kPerBatch = 50;
    std::vector<Enrolled> devices;
    for (int i = 0; i < kDevices; ++i) devices.push_back(enroll(*db_, *server_, kSchoolA));
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (const auto& d : devices) {
        threads.emplace_back([&, d] {
            auto client = server_->client();
            for (int b = 0; b < kBatches; ++b) {
                std::vector<Json> records;
                for (int i = 0; i < kPerBatch; ++i) records.push_back(classRecord(newId(), d.deviceId));
                const auto key = newId();
                auto res = postBatch(client, d, key, makeBatch(d, key, records, 1 + b * kPerBatch));
                if (!res || res->status != 200 || Json::parse(res->body)["counts"]["created"] != kPerBatch) ++failures;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(totalRecords(), kDevices * kBatches * kPerBatch);
    for (const auto& d : devices) EXPECT_EQ(state(d)["contiguous_seq"], kBatches * kPerBatch);
}

TEST_P(IngestTest, GIVEN_same_batch_WHEN_sent_twice_at_once_THEN_one_set_of_rows_and_consistent_answers)
{
    for (int round = 0; round < 5; ++round) {
        std::vector<Json> records;
        for (int i = 0; i < 200; ++i) records.push_back(classRecord(newId(), device_.deviceId));
        const auto key = newId();
        const std::string body = makeBatch(device_, key, records, 1 + round * 200);
        std::optional<httplib::Result> results[2];
        std::thread a([&] { auto c = server_->client(); results[0].emplace(postBatch(c, device_, key, body)); });
        std::thread b([&] { auto c = server_->client(); results[1].emplace(postBatch(c, device_, key, body)); });
        a.join();
        b.join();
        int ok = 0, busy = 0, replayed = 0;
        for (auto& slot : results) {
            ASSERT_TRUE(slot && *slot);
            auto& r = *slot;
            if (r->status == 200) ++ok;
            if (r->status == 409) {
                ++busy;
                EXPECT_EQ(errorCode(r), "batch_in_flight");
            }
            if (r->has_header("Idempotent-Replayed")) ++replayed;
        }
        EXPECT_GE(ok, 1);
        EXPECT_EQ(ok + busy, 2);
        EXPECT_EQ(ok - replayed, 1) << "exactly one request did the work";
        EXPECT_EQ(totalRecords(), (round + 1) * 200);
    }
}

// A batch asking for the sequence check ("sequence_check": true in its header line).
std::string checkedBatch(const Enrolled& device, const std::string& key, const std::vector<Json>& records,
                         std::int64_t firstSeq)
{
    std::string body = makeBatch(device, key, records, firstSeq);
    const auto nl = body.find('\n');
    Json header = Json::parse(body.substr(0, nl));
    header["sequence_check"] = true;
    return header.dump() + body.substr(nl);
}

TEST_P(IngestTest, GIVEN_a_checked_batch_numbered_like_a_stored_one_WHEN_posted_THEN_409_sequence_reused_and_nothing_stored)
{
    const auto cls = newId();
    post(newId(), {classRecord(cls, device_.deviceId), homeworkRecord(newId(), cls, device_.deviceId),
                   homeworkRecord(newId(), cls, device_.deviceId)},
         1);  // seq 1..3
    post(newId(), {homeworkRecord(newId(), cls, device_.deviceId)}, 4);  // seq 4
    ASSERT_EQ(totalRecords(), 4);
    // A disk put back to a copy that knew only seq 1: its new changes are numbered 2.. again.
    auto client = server_->client();
    const auto key = newId();
    auto res = postBatch(client, device_, key,
                         checkedBatch(device_, key, {homeworkRecord(newId(), cls, device_.deviceId),
                                                     homeworkRecord(newId(), cls, device_.deviceId)},
                                      2));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 409) << res->body;
    EXPECT_EQ(errorCode(res), "sequence_reused");
    EXPECT_NE(res->body.find("highest is 4"), std::string::npos) << res->body;
    EXPECT_EQ(totalRecords(), 4);
    EXPECT_EQ(state(device_)["last_seq"], 4);
    // The same changes numbered above the county's highest are stored, and a resend of that
    // batch is a replay, not a reuse of its own sequences.
    const auto again = newId();
    const std::string body = checkedBatch(device_, again, {homeworkRecord(newId(), cls, device_.deviceId),
                                                          homeworkRecord(newId(), cls, device_.deviceId)},
                                          5);
    auto ok = postBatch(client, device_, again, body);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << ok->body;
    auto replay = postBatch(client, device_, again, body);
    ASSERT_TRUE(replay);
    EXPECT_EQ(replay->status, 200) << replay->body;
    EXPECT_EQ(replay->get_header_value("Idempotent-Replayed"), "true");
    EXPECT_EQ(totalRecords(), 6);
    EXPECT_EQ(state(device_)["last_seq"], 6);
}

TEST_P(IngestTest, GIVEN_an_unchecked_batch_numbered_like_a_stored_one_WHEN_posted_THEN_stored_as_before)
{
    // A client older than the check does its GET /v1/state first; the county keeps taking its batches.
    const auto cls = newId();
    post(newId(), {classRecord(cls, device_.deviceId), homeworkRecord(newId(), cls, device_.deviceId)}, 1);
    post(newId(), {homeworkRecord(newId(), cls, device_.deviceId)}, 2);
    EXPECT_EQ(totalRecords(), 3);
}

TEST_P(IngestTest, GIVEN_another_device_of_the_school_with_the_same_sequences_WHEN_a_checked_batch_arrives_THEN_stored)
{
    const auto cls = newId();
    post(newId(), {classRecord(cls, device_.deviceId), homeworkRecord(newId(), cls, device_.deviceId)}, 1);
    const Enrolled other = enroll(*db_, *server_, kSchoolA);
    auto client = server_->client();
    const auto key = newId();
    auto res = postBatch(client, other, key, checkedBatch(other, key, {homeworkRecord(newId(), cls, other.deviceId)}, 1));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(totalRecords(), 3);
}

TEST_P(IngestTest, GIVEN_a_sequence_check_that_is_not_true_or_false_WHEN_posted_THEN_400_invalid_header)
{
    auto client = server_->client();
    const auto key = newId();
    std::string body = makeBatch(device_, key, {classRecord(newId(), device_.deviceId)}, 1);
    const auto nl = body.find('\n');
    Json header = Json::parse(body.substr(0, nl));
    header["sequence_check"] = "yes";
    auto res = postBatch(client, device_, key, header.dump() + body.substr(nl));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(errorCode(res), "invalid_header");
    EXPECT_EQ(totalRecords(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
