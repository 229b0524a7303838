// TLS both ways: directly (taizhang-county serve --tls-cert/--tls-key, OpenSSL via cpp-httplib)
// and behind nginx started on loopback with packaging/nginx-taizhang-county.conf.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "../core/wait_until.h"
#include "county_fixture.h"

using namespace taizhang::testing;

namespace {

constexpr const char* kSchool = "3201020001";

// A self-signed certificate for 127.0.0.1 (subjectAltName), made with the openssl CLI.
void makeCertificate(const std::string& cert, const std::string& key)
{
    const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                            "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
}

int freePort()
{
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    close(s);
    return ntohs(a.sin_port);
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to)
{
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

std::unique_ptr<httplib::SSLClient> verifyingClient(int port, const std::string& caCert)
{
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    c->set_ca_cert_path(caCert.c_str());
    c->enable_server_certificate_verification(true);
    c->set_read_timeout(30, 0);
    return c;
}

void pushOneBatch(httplib::SSLClient& c, const Enrolled& device)
{
    const auto key = newId();
    auto res = c.Post("/v1/batches",
                      httplib::Headers{{"Authorization", "Bearer " + device.token}, {"Idempotency-Key", key},
                                       {"Content-Encoding", "gzip"}},
                      gzip(makeBatch(device, key, {classRecord(newId(), device.deviceId)})), "application/x-ndjson");
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(Json::parse(res->body)["counts"]["created"], 1);
}

Enrolled enrollOver(httplib::SSLClient& c, const TestDatabase& db)
{
    addSchool(db, kSchool);
    auto res = c.Post("/v1/enroll",
                      Json{{"school_code", kSchool}, {"enrollment_code", issueCode(db, kSchool)}, {"device_name", "tls"}}
                          .dump(),
                      "application/json");
    EXPECT_TRUE(res && res->status == 200);
    const auto j = Json::parse(res->body);
    return Enrolled{j["device_id"], j["device_token"], kSchool};
}

TEST(Tls, GIVEN_100_connections_stalling_in_the_handshake_WHEN_a_school_syncs_over_tls_THEN_it_is_served_and_they_are_closed)
{
    TestDatabase db("sqlite");
    const auto cert = db.dir().file("county.crt"), key = db.dir().file("county.key");
    makeCertificate(cert, key);
    ServerProcess server(db, {"--tls-cert", cert, "--tls-key", key, "--header-timeout", "1"});
    auto client = verifyingClient(server.port(), cert);
    client->set_read_timeout(5, 0);
    const Enrolled device = enrollOver(*client, db);
    // The first bytes of a TLS record and then silence, from 5 addresses (20 each, under the cap).
    std::vector<int> stalled;
    for (int i = 0; i < 100; ++i) {
        stalled.push_back(connectFrom("127.0.0." + std::to_string(2 + i % 5), server.port()));
        ::send(stalled.back(), "\x16\x03\x01", 3, MSG_NOSIGNAL);
    }
    const auto start = std::chrono::steady_clock::now();
    pushOneBatch(*client, device);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 3.0);
    // Each stalled handshake is closed by the server once the header timeout passes.
    int closed = 0;
    for (int fd : stalled) {
        pollfd p{fd, POLLIN, 0};
        char c;
        if (::poll(&p, 1, 5000) == 1 && ::recv(fd, &c, 1, 0) <= 0) ++closed;
        ::close(fd);
    }
    EXPECT_EQ(closed, 100);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST(Tls, GIVEN_certificate_and_key_WHEN_serving_directly_THEN_verified_https_client_syncs)
{
    TestDatabase db("sqlite");
    const auto cert = db.dir().file("county.crt"), key = db.dir().file("county.key");
    makeCertificate(cert, key);
    ServerProcess server(db, {"--tls-cert", cert, "--tls-key", key});
    auto client = verifyingClient(server.port(), cert);
    auto& c = *client;
    auto caps = c.Get("/v1/capabilities");
    ASSERT_TRUE(caps) << httplib::to_string(caps.error());
    EXPECT_EQ(caps->status, 200);
    pushOneBatch(c, enrollOver(c, db));
    // Plain HTTP to the TLS port gets no answer a client could mistake for the protocol.
    httplib::Client plain("127.0.0.1", server.port());
    auto res = plain.Get("/v1/capabilities");
    EXPECT_TRUE(!res || res->status != 200);
}

TEST(Tls, GIVEN_nginx_with_the_packaged_config_WHEN_client_syncs_through_it_THEN_requests_and_errors_pass)
{
    if (std::system("command -v nginx >/dev/null 2>&1") != 0 && !std::filesystem::exists("/usr/sbin/nginx"))
        GTEST_FAIL() << "nginx is not installed (packaging/install-deps.sh installs nginx-light)";
    TestDatabase db("sqlite");
    const auto cert = db.dir().file("county.crt"), key = db.dir().file("county.key");
    makeCertificate(cert, key);
    ServerProcess server(db, {"--trusted-proxy", "127.0.0.1", "--max-batch-records", "2"});
    const int port = freePort();

    std::ifstream in(std::string(TAIZHANG_SOURCE_DIR) + "/packaging/nginx-taizhang-county.conf");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string site = ss.str();
    site = replaceAll(site, "127.0.0.1:8787", "127.0.0.1:" + std::to_string(server.port()));
    site = replaceAll(site, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(port) + " ssl;");
    site = replaceAll(site, "/etc/ssl/taizhang/county.crt", cert);
    site = replaceAll(site, "/etc/ssl/taizhang/county.key", key);
    const auto dir = db.dir().path().string();
    std::ofstream(dir + "/site.conf") << site;
    std::ofstream(dir + "/nginx.conf")
        << "worker_processes 1;\ndaemon off;\npid " << dir << "/nginx.pid;\nerror_log " << dir << "/error.log;\n"
        << (geteuid() == 0 ? "user root;\n" : "") << "events { worker_connections 64; }\nhttp {\n  access_log off;\n"
        << "  client_body_temp_path " << dir << "/body;\n  proxy_temp_path " << dir << "/proxy;\n"
        << "  fastcgi_temp_path " << dir << "/fcgi;\n  uwsgi_temp_path " << dir << "/uwsgi;\n"
        << "  scgi_temp_path " << dir << "/scgi;\n  include " << dir << "/site.conf;\n}\n";
    const pid_t nginx = fork();
    if (nginx == 0) {
        execl("/usr/sbin/nginx", "nginx", "-p", dir.c_str(), "-c", (dir + "/nginx.conf").c_str(), nullptr);
        _exit(127);
    }
    auto client = verifyingClient(port, cert);
    auto& c = *client;
    // nginx is up when it answers (it prints nothing we could wait for).
    httplib::Result caps = c.Get("/v1/capabilities");
    ASSERT_TRUE(caps || waitUntil([&] { return bool(caps = c.Get("/v1/capabilities")); }, 10000, 20))
        << "nginx did not come up";
    EXPECT_EQ(caps->status, 200);
    EXPECT_EQ(Json::parse(caps->body)["max_batch_records"], 2);
    const auto device = enrollOver(c, db);
    pushOneBatch(c, device);
    // A protocol error passes through with its JSON body.
    const auto k = newId();
    std::vector<Json> three{classRecord(newId(), device.deviceId), classRecord(newId(), device.deviceId),
                            classRecord(newId(), device.deviceId)};
    auto tooMany = c.Post("/v1/batches",
                          httplib::Headers{{"Authorization", "Bearer " + device.token}, {"Idempotency-Key", k},
                                           {"Content-Encoding", "gzip"}},
                          gzip(makeBatch(device, k, three)), "application/x-ndjson");
    ASSERT_TRUE(tooMany);
    EXPECT_EQ(tooMany->status, 413);
    EXPECT_EQ(errorCode(tooMany), "too_many_records");
    auto missing = c.Get("/nothing");
    EXPECT_EQ(errorCode(missing), "not_found");
    kill(nginx, SIGQUIT);
    int status;
    waitpid(nginx, &status, 0);
}

}  // namespace
