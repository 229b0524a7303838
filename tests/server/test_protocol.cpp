// Protocol conformance: every status code of docs/sync-protocol.md, with plain HTTP requests
// against the real server process.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <regex>
#include <thread>

#include "county_fixture.h"
#include "storage.h"
#include "uuid.h"

using namespace taizhang::testing;

namespace {

constexpr const char* kSchool = "3201020001";

struct Protocol : ::testing::Test {
    TestDatabase db{"sqlite"};
};

Json enrollBody(const std::string& school, const std::string& code)
{
    return Json{{"school_code", school}, {"enrollment_code", code}, {"device_name", "PC"}};
}

TEST_F(Protocol, GIVEN_server_WHEN_capabilities_read_without_auth_THEN_limits_protocol_and_Date_header)
{
    ServerProcess server(db, {"--max-batch-records", "7"});
    auto c = server.client();
    auto res = c.Get("/v1/capabilities");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    const auto j = Json::parse(res->body);
    EXPECT_EQ(j["protocol"], 1);
    EXPECT_EQ(j["max_batch_records"], 7);
    EXPECT_GT(j["max_decompressed_bytes"].get<long>(), j["max_batch_bytes"].get<long>());
    EXPECT_EQ(j["encodings"], Json({"gzip", "identity"}));
    EXPECT_EQ(j["sequence_check"], true);  // a restored disk is refused per batch (409 sequence_reused)
    EXPECT_EQ(j["max_changes_limit"], 5000);
    EXPECT_TRUE(std::regex_match(j["server_time"].get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
    EXPECT_TRUE(std::regex_match(res->get_header_value("Date"),
                                 std::regex(R"([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT)")));
}

TEST_F(Protocol, GIVEN_enrollment_codes_WHEN_misused_THEN_403_with_specific_codes_and_token_only_once)
{
    ServerProcess server(db);
    addSchool(db, kSchool);
    const auto code = issueCode(db, kSchool);
    const auto expired = issueCode(db, kSchool, {"--ttl-seconds", "0"});
    auto c = server.client();
    auto ok = c.Post("/v1/enroll", enrollBody(kSchool, code).dump(), "application/json");
    ASSERT_TRUE(ok);
    ASSERT_EQ(ok->status, 200);
    const auto j = Json::parse(ok->body);
    EXPECT_EQ(j["device_token"].get<std::string>().size(), 64u);
    EXPECT_EQ(j["school_code"], kSchool);
    EXPECT_EQ(j["school_name"], "测试学校");

    auto used = c.Post("/v1/enroll", enrollBody(kSchool, code).dump(), "application/json");
    EXPECT_EQ(used->status, 403);
    EXPECT_EQ(errorCode(used), "enrollment_code_used");
    auto old = c.Post("/v1/enroll", enrollBody(kSchool, expired).dump(), "application/json");
    EXPECT_EQ(old->status, 403);
    EXPECT_EQ(errorCode(old), "enrollment_code_expired");
    auto other = c.Post("/v1/enroll", enrollBody("3201029999", issueCode(db, kSchool)).dump(), "application/json");
    EXPECT_EQ(other->status, 403);
    EXPECT_EQ(errorCode(other), "enrollment_code_invalid");
    auto bad = c.Post("/v1/enroll", R"({"school_code":3201020001})", "application/json");
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(errorCode(bad), "invalid_request");
    // The token is stored hashed: the database file never contains it.
    server.terminate();
    auto storage = taizhang::server::openStorage(db.target(), 1);
    const auto devices = storage->listDevices(kSchool);
    ASSERT_EQ(devices.size(), 1u);
    EXPECT_NE(devices[0].tokenHash, j["device_token"].get<std::string>());
}

TEST_F(Protocol, GIVEN_repeated_wrong_codes_WHEN_guessing_THEN_429_with_Retry_After_even_for_a_right_code)
{
    ServerProcess server(db);
    addSchool(db, kSchool);
    const auto good = issueCode(db, kSchool);
    auto c = server.client();
    for (int i = 0; i < 5; ++i) {
        auto r = c.Post("/v1/enroll", enrollBody(kSchool, "AAAA-BBBB-CCC" + std::to_string(i)).dump(), "application/json");
        EXPECT_EQ(r->status, 403);
    }
    auto blocked = c.Post("/v1/enroll", enrollBody(kSchool, good).dump(), "application/json");
    ASSERT_TRUE(blocked);
    EXPECT_EQ(blocked->status, 429);
    EXPECT_EQ(errorCode(blocked), "enrollment_throttled");
    EXPECT_GE(std::stoi(blocked->get_header_value("Retry-After")), 1);
}

TEST_F(Protocol, GIVEN_tokens_WHEN_missing_unknown_or_revoked_THEN_401_with_specific_codes)
{
    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    auto none = c.Get("/v1/state");
    EXPECT_EQ(none->status, 401);
    EXPECT_EQ(errorCode(none), "missing_token");
    auto unknown = getWithToken(c, "/v1/state", std::string(64, 'a'));
    EXPECT_EQ(unknown->status, 401);
    EXPECT_EQ(errorCode(unknown), "invalid_token");
    EXPECT_EQ(getWithToken(c, "/v1/state", device.token)->status, 200);

    std::vector<std::string> args{"device", "revoke", "--device", device.deviceId};
    for (const auto& a : db.storageArgs()) args.push_back(a);
    ASSERT_EQ(runCounty(args).exitCode, 0);
    auto revoked = getWithToken(c, "/v1/state", device.token);
    EXPECT_EQ(revoked->status, 401);
    EXPECT_EQ(errorCode(revoked), "device_revoked");
    const auto key = newId();
    auto batch = postBatch(c, device, key, makeBatch(device, key, {classRecord(newId(), device.deviceId)}));
    EXPECT_EQ(batch->status, 401);
    EXPECT_EQ(taizhang::server::openStorage(db.target(), 1)->totalRecords(), 0);
}

TEST_F(Protocol, GIVEN_disabled_school_WHEN_its_device_pushes_THEN_403_school_disabled)
{
    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    std::vector<std::string> args{"school", "disable", "--code", kSchool};
    for (const auto& a : db.storageArgs()) args.push_back(a);
    ASSERT_EQ(runCounty(args).exitCode, 0);
    auto c = server.client();
    const auto key = newId();
    auto res = postBatch(c, device, key, makeBatch(device, key, {classRecord(newId(), device.deviceId)}));
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(errorCode(res), "school_disabled");
}

TEST_F(Protocol, GIVEN_envelope_header_mistakes_WHEN_posted_THEN_400_with_specific_codes)
{
    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    const auto key = newId();
    const auto body = makeBatch(device, key, {classRecord(newId(), device.deviceId)});
    auto noKey = c.Post("/v1/batches", httplib::Headers{{"Authorization", "Bearer " + device.token},
                                                        {"Content-Encoding", "gzip"}},
                        gzip(body), "application/x-ndjson");
    EXPECT_EQ(noKey->status, 400);
    EXPECT_EQ(errorCode(noKey), "missing_idempotency_key");
    auto otherKey = postBatch(c, device, newId(), body);
    EXPECT_EQ(otherKey->status, 400);
    EXPECT_EQ(errorCode(otherKey), "idempotency_key_mismatch");
    Enrolled otherDevice = device;
    otherDevice.deviceId = newId();
    auto wrongDevice = postBatch(c, device, key, makeBatch(otherDevice, key, {classRecord(newId(), device.deviceId)}));
    EXPECT_EQ(wrongDevice->status, 400);
    EXPECT_EQ(errorCode(wrongDevice), "device_mismatch");
    auto identity = postBatch(c, device, key, body, "identity");
    EXPECT_EQ(identity->status, 200) << identity->body;
}

TEST_F(Protocol, GIVEN_limits_WHEN_exceeded_THEN_413_with_specific_codes_and_nothing_stored)
{
    ServerProcess server(db, {"--max-batch-records", "3", "--max-batch-bytes", "4096"});
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    std::vector<Json> four;
    for (int i = 0; i < 4; ++i) four.push_back(classRecord(newId(), device.deviceId));
    auto key = newId();
    auto tooMany = postBatch(c, device, key, makeBatch(device, key, four));
    EXPECT_EQ(tooMany->status, 413);
    EXPECT_EQ(errorCode(tooMany), "too_many_records");
    key = newId();
    Json big = classRecord(newId(), device.deviceId);
    big["body"]["name"] = taizhang::randomHex(4000);  // incompressible, > 4096 bytes gzipped
    auto tooBig = postBatch(c, device, key, makeBatch(device, key, {big}));
    EXPECT_EQ(tooBig->status, 413);
    EXPECT_EQ(errorCode(tooBig), "batch_too_large");
    EXPECT_EQ(taizhang::server::openStorage(db.target(), 1)->totalRecords(), 0);
}

TEST_F(Protocol, GIVEN_rate_limit_WHEN_device_exceeds_it_THEN_429_with_Retry_After)
{
    ServerProcess server(db, {"--rate-limit", "6"});
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    int limited = 0;
    std::string retryAfter;
    for (int i = 0; i < 8; ++i) {
        auto r = getWithToken(c, "/v1/state", device.token);
        if (r->status == 429) {
            ++limited;
            retryAfter = r->get_header_value("Retry-After");
            EXPECT_EQ(errorCode(r), "rate_limited");
        }
    }
    EXPECT_GE(limited, 1);
    EXPECT_GE(std::stoi(retryAfter), 1);
}

TEST_F(Protocol, GIVEN_unknown_path_or_wrong_method_WHEN_requested_THEN_404_and_405_json_errors)
{
    ServerProcess server(db);
    auto c = server.client();
    auto missing = c.Get("/v1/nothing");
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(errorCode(missing), "not_found");
    auto wrong = c.Get("/v1/batches");
    EXPECT_EQ(wrong->status, 405);
    EXPECT_EQ(errorCode(wrong), "method_not_allowed");
}

TEST_F(Protocol, GIVEN_batch_in_flight_WHEN_same_key_arrives_THEN_409_then_replay_after_commit)
{
    const CommitGate gate;
    ServerProcess server(db, {}, gate.env());
    const auto device = enroll(db, server, kSchool);
    const auto key = newId();
    const auto body = makeBatch(device, key, {classRecord(newId(), device.deviceId)});
    std::optional<httplib::Result> first;
    std::jthread t([&] { auto c = server.client(); first.emplace(postBatch(c, device, key, body)); });
    const auto release = gate.openOnExit();
    ASSERT_TRUE(server.waitForLog(CommitGate::kBatchHeld)) << server.log();
    auto c = server.client();
    auto second = postBatch(c, device, key, body);
    gate.open();
    t.join();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 409);
    EXPECT_EQ(errorCode(second), "batch_in_flight");
    ASSERT_TRUE(first && *first);
    EXPECT_EQ((*first)->status, 200);
    auto third = postBatch(c, device, key, body);
    EXPECT_EQ(third->status, 200);
    EXPECT_EQ(third->body, (*first)->body);
}

TEST_F(Protocol, GIVEN_config_WHEN_fetched_with_matching_ETag_THEN_304)
{
    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    auto res = getWithToken(c, "/v1/config", device.token);
    ASSERT_EQ(res->status, 200);
    const auto j = Json::parse(res->body);
    EXPECT_TRUE(j["overrides"].is_object());
    EXPECT_TRUE(j["terms"].is_array());
    const auto etag = res->get_header_value("ETag");
    ASSERT_FALSE(etag.empty());
    auto again = c.Get("/v1/config", httplib::Headers{{"Authorization", "Bearer " + device.token},
                                                      {"If-None-Match", etag}});
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
}

TEST_F(Protocol, GIVEN_shutdown_WHEN_batch_in_hand_THEN_it_commits_and_new_requests_get_503)
{
    const CommitGate gate;
    ServerProcess server(db, {}, gate.env());
    const auto device = enroll(db, server, kSchool);
    // A keep-alive connection that is open when the signal arrives.
    httplib::Client idle("127.0.0.1", server.port());
    idle.set_keep_alive(true);
    ASSERT_EQ(idle.Get("/v1/capabilities")->status, 200);
    const auto key = newId();
    std::optional<httplib::Result> inHand;
    std::jthread t([&] {
        auto c = server.client();
        inHand.emplace(postBatch(c, device, key, makeBatch(device, key, {classRecord(newId(), device.deviceId)})));
    });
    const auto release = gate.openOnExit();
    ASSERT_TRUE(server.waitForLog(CommitGate::kBatchHeld)) << server.log();
    ::kill(server.pid(), SIGTERM);
    ASSERT_TRUE(server.waitForLog("shutting down")) << server.log();
    auto late = idle.Get("/v1/capabilities");
    gate.open();
    t.join();
    ASSERT_TRUE(late);
    EXPECT_EQ(late->status, 503);
    EXPECT_EQ(errorCode(late), "unavailable");
    EXPECT_EQ(late->get_header_value("Retry-After"), "5");
    ASSERT_TRUE(inHand && *inHand);
    EXPECT_EQ((*inHand)->status, 200);
    server.terminate();
    EXPECT_TRUE(WIFEXITED(server.exitStatus()) && WEXITSTATUS(server.exitStatus()) == 0);
    EXPECT_EQ(taizhang::server::openStorage(db.target(), 1)->totalRecords(), 1);
}

TEST_F(Protocol, GIVEN_requests_WHEN_logged_THEN_one_json_line_each_and_never_the_token)
{
    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    getWithToken(c, "/v1/state", device.token);
    server.terminate();
    const auto log = server.log();
    EXPECT_EQ(log.find(device.token), std::string::npos);
    std::istringstream lines(log);
    std::string line;
    int requests = 0;
    while (std::getline(lines, line)) {
        const auto j = Json::parse(line, nullptr, false);
        ASSERT_FALSE(j.is_discarded()) << line;
        if (j.value("msg", "") == "request") ++requests;
    }
    EXPECT_EQ(requests, 2);  // enroll + state
}

}  // namespace

namespace {

TEST(ProtocolPostgres, GIVEN_database_gone_WHEN_device_requests_THEN_503_with_Retry_After_and_the_server_survives)
{
    auto db = std::make_unique<TestDatabase>("postgres");
    ServerProcess server(*db);
    const auto device = enroll(*db, server, kSchool);
    auto c = server.client();
    ASSERT_EQ(getWithToken(c, "/v1/state", device.token)->status, 200);
    db.reset();  // DROP DATABASE ... WITH (FORCE): every server connection is cut
    auto res = getWithToken(c, "/v1/state", device.token);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503);
    EXPECT_EQ(errorCode(res), "unavailable");
    EXPECT_EQ(res->get_header_value("Retry-After"), "5");
    EXPECT_EQ(c.Get("/v1/capabilities")->status, 200);
}

}  // namespace
