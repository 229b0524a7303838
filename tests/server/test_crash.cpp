// kill -9 of the server during ingest: nothing half-written, and clients that resend converge.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include "county_fixture.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::openStorage;

namespace {

constexpr const char* kSchool = "3201020001";

class CrashTest : public ::testing::TestWithParam<std::string> {};

// The port of the current server instance; clients whose request died with an instance wait
// here for the next one instead of retrying blindly.
class Restarts {
public:
    explicit Restarts(int port) : port_(port) {}
    int port()
    {
        std::lock_guard lock(mutex_);
        return port_;
    }
    void restarted(int port)
    {
        {
            std::lock_guard lock(mutex_);
            port_ = port;
        }
        changed_.notify_all();
    }
    // Returns once an instance other than the one on `oldPort` listens (or after a minute, when
    // the request failed for another reason: the client then simply tries again).
    void waitForNewPort(int oldPort)
    {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, std::chrono::minutes(1), [&] { return port_ != oldPort; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int port_;
};

TEST_P(CrashTest, GIVEN_batch_transaction_open_WHEN_server_killed_THEN_nothing_written_and_resend_converges)
{
    TestDatabase db(GetParam());
    Enrolled device;
    std::string body, key = newId();
    {
        const CommitGate gate;  // never opened: the batch stays in its transaction until the kill
        ServerProcess slow(db, {}, gate.env());
        device = enroll(db, slow, kSchool);
        std::vector<Json> records;
        for (int i = 0; i < 300; ++i) records.push_back(classRecord(newId(), device.deviceId));
        body = makeBatch(device, key, records);
        std::optional<httplib::Result> lost;
        std::jthread t([&] { auto c = slow.client(); lost.emplace(postBatch(c, device, key, body)); });
        // Records written, commit pending: the moment the kill must hit.
        const bool held = slow.waitForLog(CommitGate::kBatchHeld);
        slow.kill9();
        ASSERT_TRUE(held) << slow.log();
        t.join();
        ASSERT_TRUE(lost);
        EXPECT_FALSE(*lost) << "the client must see a failure, not an ack";
    }
    EXPECT_EQ(openStorage(db.target(), 1)->totalRecords(), 0) << "nothing half-written";
    ServerProcess server(db);
    auto c = server.client();
    EXPECT_EQ(Json::parse(getWithToken(c, "/v1/state", device.token)->body)["last_seq"], 0);
    auto resend = postBatch(c, device, key, body);
    ASSERT_TRUE(resend);
    ASSERT_EQ(resend->status, 200);
    EXPECT_FALSE(resend->has_header("Idempotent-Replayed"));
    EXPECT_EQ(Json::parse(resend->body)["counts"]["created"], 300);
    auto again = postBatch(c, device, key, body);
    EXPECT_EQ(again->get_header_value("Idempotent-Replayed"), "true");
    EXPECT_EQ(openStorage(db.target(), 1)->totalRecords(), 300);
}

TEST_P(CrashTest, GIVEN_devices_pushing_WHEN_server_killed_repeatedly_THEN_every_record_arrives_exactly_once)
{
    constexpr int kDevices = 4, kBatches = 10, kPerBatch = 200, kKills = 4;
    TestDatabase db(GetParam());
    // Each instance but the last commits a random number of batches, then holds the next ones in
    // their transactions (a gate that is never opened) until the kill lands on them.
    const CommitGate gate;
    std::mt19937 rng(std::random_device{}());
    auto gatedInstance = [&] {
        return std::make_unique<ServerProcess>(db, std::vector<std::string>{},
                                               gate.env(std::uniform_int_distribution<int>(0, 6)(rng)));
    };
    auto server = gatedInstance();
    Restarts restarts(server->port());
    std::vector<Enrolled> devices;
    for (int i = 0; i < kDevices; ++i) devices.push_back(enroll(db, *server, kSchool));
    // Batches are frozen once, as the sync client does: retries resend the same bytes.
    std::vector<std::vector<std::pair<std::string, std::string>>> frozen(kDevices);
    for (int d = 0; d < kDevices; ++d)
        for (int b = 0; b < kBatches; ++b) {
            std::vector<Json> records;
            for (int i = 0; i < kPerBatch; ++i) records.push_back(classRecord(newId(), devices[d].deviceId));
            const auto key = newId();
            frozen[d].emplace_back(key, makeBatch(devices[d], key, records, 1 + b * kPerBatch));
        }
    std::atomic<int> created{0}, attempts{0};
    std::vector<std::thread> clients;
    for (int d = 0; d < kDevices; ++d) {
        clients.emplace_back([&, d] {
            for (const auto& [key, body] : frozen[d]) {
                for (;;) {
                    ++attempts;
                    const int port = restarts.port();
                    httplib::Client c("127.0.0.1", port);
                    c.set_connection_timeout(1, 0);
                    auto res = postBatch(c, devices[d], key, body);
                    if (res && res->status == 200) {
                        const auto ack = Json::parse(res->body);
                        // A replayed ack (the first one was lost with the killed process) carries
                        // the counts of the commit it replays.
                        created += ack["counts"]["created"].get<int>();
                        break;
                    }
                    // Killed under this request: resend to the next instance once it listens.
                    restarts.waitForNewPort(port);
                }
            }
        });
    }
    for (int k = 0; k < kKills; ++k) {
        const bool held = server->waitForLog(CommitGate::kBatchHeld);
        server->kill9();
        ASSERT_TRUE(held) << "kill " << k << ": no batch reached its commit\n" << server->log();
        server = k + 1 < kKills ? gatedInstance() : std::make_unique<ServerProcess>(db);
        restarts.restarted(server->port());
    }
    for (auto& t : clients) t.join();
    EXPECT_GT(attempts, kDevices * kBatches) << "the kills must land while batches are being sent";
    EXPECT_EQ(openStorage(db.target(), 1)->totalRecords(), kDevices * kBatches * kPerBatch);
    EXPECT_EQ(created, kDevices * kBatches * kPerBatch) << "each batch acked once with all its records created";
    auto c = server->client();
    for (const auto& d : devices)
        EXPECT_EQ(Json::parse(getWithToken(c, "/v1/state", d.token)->body)["contiguous_seq"], kBatches * kPerBatch);
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace

namespace {

// Several stateless instances share one PostgreSQL database (behind a proxy): the same batch
// reaching two instances at once is written once; the second waits for the first's commit and
// replays its ack.
TEST(MultiInstance, GIVEN_two_instances_on_one_postgres_WHEN_same_batch_hits_both_at_once_THEN_written_once)
{
    TestDatabase db("postgres");
    ServerProcess a(db, {}, {"TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS=300"});
    ServerProcess b(db, {}, {"TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS=300"});
    const auto device = enroll(db, a, kSchool);
    for (int round = 0; round < 3; ++round) {
        std::vector<Json> records;
        for (int i = 0; i < 100; ++i) records.push_back(classRecord(newId(), device.deviceId));
        const auto key = newId();
        const auto body = makeBatch(device, key, records, 1 + round * 100);
        std::optional<httplib::Result> ra, rb;
        std::thread ta([&] { auto c = a.client(); ra.emplace(postBatch(c, device, key, body)); });
        std::thread tb([&] { auto c = b.client(); rb.emplace(postBatch(c, device, key, body)); });
        ta.join();
        tb.join();
        ASSERT_TRUE(ra && *ra && rb && *rb);
        EXPECT_EQ((*ra)->status, 200);
        EXPECT_EQ((*rb)->status, 200);
        EXPECT_EQ((*ra)->body, (*rb)->body) << "both answers are the one stored ack";
        const int replayed = (*ra)->has_header("Idempotent-Replayed") + (*rb)->has_header("Idempotent-Replayed");
        EXPECT_EQ(replayed, 1);
        EXPECT_EQ(openStorage(db.target(), 1)->totalRecords(), (round + 1) * 100);
    }
}

}  // namespace
