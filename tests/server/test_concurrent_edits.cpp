// Two devices of one school send the same record at the same moment (issue 9, item 1): exactly
// one version is stored and the other is kept as a conflict row, never silently dropped, on
// both backends. The server holds every batch transaction open a little before committing
// (test hook) so that the second batch always arrives while the first is still in flight.
#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <optional>
#include <thread>

#include "county_fixture.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::openStorage;

namespace {

constexpr const char* kSchool = "3201020001";

class ConcurrentEditTest : public ::testing::TestWithParam<std::string> {};

struct Sent {
    Enrolled device;
    std::string name;
    std::int64_t seq = 0;
    std::optional<httplib::Result> result;
};

// Posts both batches at once; each carries the ids at `version` with its device's own content,
// the second device listing them in the opposite order (locks must not deadlock).
void race(const ServerProcess& server, Sent& a, Sent& b, const std::vector<std::string>& ids, int version)
{
    std::latch start(2);
    auto send = [&](Sent& s) {
        const std::string key = newId();
        std::vector<Json> records;
        // Each record its own class name (the county keeps one live class per name).
        for (const auto& id : ids) records.push_back(classRecord(id, s.device.deviceId, version, s.name + "/" + id));
        if (&s == &b) std::reverse(records.begin(), records.end());
        const std::string body = makeBatch(s.device, key, records, s.seq);
        s.seq += static_cast<std::int64_t>(records.size());
        auto client = server.client();
        start.arrive_and_wait();
        s.result.emplace(postBatch(client, s.device, key, body));
    };
    std::thread ta([&] { send(a); });
    std::thread tb([&] { send(b); });
    ta.join();
    tb.join();
}

TEST_P(ConcurrentEditTest, GIVEN_two_devices_WHEN_they_send_the_same_record_version_at_once_THEN_one_stored_and_one_conflict)
{
    TestDatabase db(GetParam());
    ServerProcess server(db, {}, {"TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS=40"});
    Sent a{enroll(db, server, kSchool), "", 1, std::nullopt};
    Sent b{enroll(db, server, kSchool), "", 1, std::nullopt};
    auto storage = openStorage(db.target(), 1);

    constexpr int kRounds = 50;
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const std::vector<std::string> ids{newId(), newId()};
        // Even rounds edit stored records (version 2 over version 1); odd rounds race to create
        // new ids (the insert race).
        int version = 1;
        if (round % 2 == 0) {
            auto client = server.client();
            const std::string key = newId();
            std::vector<Json> v1;
            for (const auto& id : ids) v1.push_back(classRecord(id, a.device.deviceId, 1, "v1/" + id));
            auto res = postBatch(client, a.device, key, makeBatch(a.device, key, v1, a.seq));
            a.seq += 2;
            ASSERT_TRUE(res);
            ASSERT_EQ(res->status, 200) << res->body;
            version = 2;
        }
        a.name = "甲设备-" + std::to_string(round);
        b.name = "乙设备-" + std::to_string(round);
        race(server, a, b, ids, version);

        int stored = 0, conflicted = 0;
        for (Sent* s : {&a, &b}) {
            ASSERT_TRUE(*s->result) << "no answer";
            const auto& res = *s->result;
            ASSERT_EQ(res->status, 200) << res->body;
            const Json counts = Json::parse(res->body)["counts"];
            stored += counts["created"].get<int>() + counts["updated"].get<int>();
            conflicted += counts["conflict"].get<int>();
            EXPECT_EQ(counts["created"].get<int>() + counts["updated"].get<int>() + counts["conflict"].get<int>(), 2)
                << res->body;
        }
        ASSERT_EQ(stored, 2) << "both devices were told their version of a record was stored";
        ASSERT_EQ(conflicted, 2);

        const auto held = storage->recordJsons({kSchool, "class", std::nullopt, std::nullopt});
        const auto conflicts = storage->listConflicts(kSchool);
        for (const auto& id : ids) {
            std::optional<Json> current;
            for (const auto& j : held) {
                Json r = Json::parse(j);
                if (r["id"] == id) current = r;
            }
            ASSERT_TRUE(current);
            EXPECT_EQ((*current)["version"], version);
            const std::string winner = (*current)["body"]["name"];
            const std::string byA = a.name + "/" + id, byB = b.name + "/" + id;
            ASSERT_TRUE(winner == byA || winner == byB) << winner;
            const std::string loser = winner == byA ? byB : byA;
            int rows = 0;
            for (const auto& c : conflicts) {
                if (c.recordId != id) continue;
                ++rows;
                EXPECT_EQ(Json::parse(c.recordJson)["body"]["name"], loser);
                EXPECT_EQ(c.version, version);
            }
            ASSERT_EQ(rows, 1) << "the losing device's content must be kept as a conflict row";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentEditTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
