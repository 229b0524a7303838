// What an anonymous client can do to taizhang-county (issue 9, items 12-14 and the county half
// of 16): compressed, chunked and length-less bodies on every route, floods of header lines,
// slow connections, and the modes of the files the server creates. Each attack talks raw TCP
// to the real server and checks the answer, the time it took and the server's peak memory
// (VmHWM in /proc/PID/status) before and after.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

#include "county_fixture.h"

using namespace taizhang::testing;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr const char* kSchool = "3201020001";
constexpr std::int64_t kMaxGrowthKb = 64 << 10;  // 64 MB

std::int64_t peakRssKb(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6));
    ADD_FAILURE() << "no VmHWM for " << pid;
    return 0;
}

// A gzip member holding `megabytes` MB of zeros, built without deflating all of it: after a
// full flush each further 1 MB of zeros deflates to the same bytes, so that block is repeated,
// then an empty final block and the trailer (CRC-32 and length of the whole input) close it.
std::string zerosBomb(int megabytes)
{
    const std::string zeros(1 << 20, '\0');
    z_stream z{};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    auto deflateChunk = [&] {
        std::string out(1 << 16, '\0');
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
        z.avail_in = static_cast<uInt>(zeros.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        deflate(&z, Z_FULL_FLUSH);
        out.resize(out.size() - z.avail_out);
        return out;
    };
    std::string bomb = deflateChunk();  // gzip header + first block
    const std::string block = deflateChunk();
    EXPECT_EQ(deflateChunk(), block) << "a full-flushed block of zeros is not repeatable";
    deflateEnd(&z);
    for (int i = 1; i < megabytes; ++i) bomb += block;  // the probe above is not part of it
    bomb += std::string("\x03\x00", 2);  // final, empty, fixed-Huffman block
    uLong crc = crc32(0L, Z_NULL, 0);
    for (int i = 0; i < megabytes; ++i)
        crc = crc32(crc, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(zeros.size()));
    const auto length = static_cast<std::uint32_t>(static_cast<std::uint64_t>(megabytes) << 20);
    for (int i = 0; i < 4; ++i) bomb += static_cast<char>((crc >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i) bomb += static_cast<char>((length >> (8 * i)) & 0xff);
    return bomb;
}

// Inflated size of a gzip member, or -1 if it is not valid gzip.
std::int64_t inflatedSize(const std::string& gz)
{
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    std::string out(1 << 20, '\0');
    std::int64_t total = 0;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = static_cast<uInt>(gz.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        rc = inflate(&z, Z_NO_FLUSH);
        total += static_cast<std::int64_t>(out.size() - z.avail_out);
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? total : -1;
}

// 900 MB of zeros in under 1 MB.
const std::string& gzipBomb()
{
    static const std::string bomb = zerosBomb(900);
    return bomb;
}

TEST(GzipBomb, GIVEN_the_test_bomb_WHEN_inflated_THEN_it_is_valid_gzip_of_900_MB_in_under_1_MB)
{
    EXPECT_LT(gzipBomb().size(), 1u << 20);
    EXPECT_EQ(inflatedSize(gzipBomb()), 900ll << 20);
    EXPECT_EQ(inflatedSize(zerosBomb(15)), 15ll << 20);
}

struct Answer {
    int status = 0;  // 0: the connection ended without an answer
    std::string text;
    double seconds = 0;
};

// Sends `head`, then the body pieces `next` produces (until it returns ""), while reading: the
// exchange ends when the server has answered and closed, or after `limit`. Stops sending as
// soon as the server answers or stops reading.
Answer exchange(int port, const std::string& head, const std::function<std::string()>& next,
                std::chrono::seconds limit = std::chrono::seconds(20))
{
    const auto start = SteadyClock::now();
    const int fd = connectFrom("127.0.0.1", port);
    std::string pending = head;
    bool sending = true;
    Answer a;
    while (SteadyClock::now() - start < limit) {
        if (sending && pending.empty()) {
            pending = next ? next() : std::string();
            if (pending.empty()) sending = false;
        }
        pollfd p{fd, static_cast<short>(POLLIN | (sending ? POLLOUT : 0)), 0};
        if (::poll(&p, 1, 200) <= 0) continue;
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            char buf[65536];
            const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) {
                a.text.append(buf, static_cast<size_t>(n));
                sending = false;  // answered: a real client stops sending too
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EINTR)) break;
        }
        if (sending && (p.revents & POLLOUT)) {
            const ssize_t n = ::send(fd, pending.data(), pending.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n > 0) pending.erase(0, static_cast<size_t>(n));
            else if (n < 0 && errno != EAGAIN && errno != EINTR) sending = false;
        }
    }
    ::close(fd);
    a.seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    if (a.text.rfind("HTTP/1.1 ", 0) == 0) a.status = std::atoi(a.text.c_str() + 9);
    std::cout << "[measured] answer " << a.status << " after " << a.seconds << " s\n";
    return a;
}

// Sends `head`, then `piece` every `intervalMs` (never finishing the request) until the server
// answers or closes, or `limit` passes. The wait between pieces is the wait for the answer.
Answer trickleUntilAnswered(int port, const std::string& head, const std::string& piece, int intervalMs,
                            std::chrono::seconds limit = std::chrono::seconds(10))
{
    const auto start = SteadyClock::now();
    const int fd = connectFrom("127.0.0.2", port);
    ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
    Answer a;
    while (SteadyClock::now() - start < limit) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, intervalMs) > 0) {
            char buf[4096];
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            a.text.append(buf, static_cast<size_t>(n));
            continue;
        }
        ::send(fd, piece.data(), piece.size(), MSG_NOSIGNAL);
    }
    ::close(fd);
    a.seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    if (a.text.rfind("HTTP/1.1 ", 0) == 0) a.status = std::atoi(a.text.c_str() + 9);
    std::cout << "[measured] answer " << a.status << " after " << a.seconds << " s\n";
    return a;
}

// Sockets the process holds: connections it has accepted.
int openSockets(pid_t pid)
{
    int n = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd")) {
        std::error_code ec;
        if (std::filesystem::read_symlink(entry.path(), ec).string().rfind("socket:", 0) == 0) ++n;
    }
    return n;
}

// Yields `total` bytes of `piece`, repeated.
std::function<std::string()> repeated(std::string piece, std::int64_t total)
{
    auto sent = std::make_shared<std::int64_t>(0);
    return [piece, total, sent]() -> std::string {
        if (*sent >= total) return "";
        *sent += static_cast<std::int64_t>(piece.size());
        return piece;
    };
}

std::function<std::string()> once(std::string body)
{
    auto done = std::make_shared<bool>(false);
    return [body, done]() -> std::string {
        if (*done) return "";
        *done = true;
        return body;
    };
}

class AttackTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>("sqlite");
        server_ = std::make_unique<ServerProcess>(*db_);
        device_ = enroll(*db_, *server_, kSchool);
        baselineKb_ = peakRssKb(server_->pid());
    }
    // The server's peak memory grew by less than 64 MB, and it still serves a real client.
    void expectBoundedAndAlive()
    {
        const std::int64_t grownKb = peakRssKb(server_->pid()) - baselineKb_;
        std::cout << "[measured] server peak RSS (VmHWM) " << baselineKb_ / 1024 << " MB before, grew by "
                  << grownKb / 1024.0 << " MB\n";
        EXPECT_LT(grownKb, kMaxGrowthKb) << "peak RSS grew by " << grownKb / 1024 << " MB";
        auto client = server_->client();
        const std::string key = newId();
        auto res = postBatch(client, device_, key, makeBatch(device_, key, {classRecord(newId(), device_.deviceId)}, seq_++));
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200) << res->body;
    }

    void restartWith(std::vector<std::string> args)
    {
        server_.reset();
        server_ = std::make_unique<ServerProcess>(*db_, std::move(args));
        baselineKb_ = peakRssKb(server_->pid());
    }
    // Waits until the server holds `count` accepted connections besides its listening socket.
    void awaitAccepted(int count)
    {
        const auto end = SteadyClock::now() + std::chrono::seconds(10);
        while (openSockets(server_->pid()) < 1 + count && SteadyClock::now() < end)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ASSERT_GE(openSockets(server_->pid()), 1 + count) << "the server did not accept the connections";
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<ServerProcess> server_;
    Enrolled device_;
    std::int64_t baselineKb_ = 0;
    std::int64_t seq_ = 1;
};

TEST_F(AttackTest, GIVEN_a_gzip_bomb_WHEN_posted_to_enroll_THEN_refused_before_inflating_and_memory_bounded)
{
    const std::string& bomb = gzipBomb();
    ASSERT_LT(bomb.size(), 1u << 20);
    const Answer a = exchange(server_->port(),
                              "POST /v1/enroll HTTP/1.1\r\nHost: county\r\nContent-Type: application/json\r\n"
                              "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n\r\n",
                              once(bomb));
    EXPECT_EQ(a.status, 413) << a.text;
    EXPECT_NE(a.text.find("body_too_large"), std::string::npos) << a.text;
    EXPECT_LT(a.seconds, 5.0);
    // Small enough on the wire for enroll's 16 KiB, 15 MB inflated: refused for its encoding.
    const std::string small = zerosBomb(15);
    ASSERT_LT(small.size(), 16u << 10);
    const Answer b = exchange(server_->port(),
                              "POST /v1/enroll HTTP/1.1\r\nHost: county\r\nContent-Type: application/json\r\n"
                              "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(small.size()) + "\r\n\r\n",
                              once(small));
    EXPECT_EQ(b.status, 415) << b.text;
    EXPECT_NE(b.text.find("unsupported_encoding"), std::string::npos) << b.text;
    expectBoundedAndAlive();
}


TEST_F(AttackTest, GIVEN_a_gzip_bomb_WHEN_posted_to_an_unknown_path_THEN_404_before_the_body_and_memory_bounded)
{
    const std::string& bomb = gzipBomb();
    const Answer a = exchange(server_->port(),
                              "POST /v1/nothing-here HTTP/1.1\r\nHost: county\r\nContent-Encoding: gzip\r\n"
                              "Content-Length: " + std::to_string(bomb.size()) + "\r\n\r\n",
                              once(bomb));
    EXPECT_EQ(a.status, 404) << a.text;
    EXPECT_LT(a.seconds, 5.0);
    expectBoundedAndAlive();
}

TEST_F(AttackTest, GIVEN_an_endless_chunked_body_WHEN_posted_to_enroll_THEN_411_and_memory_bounded)
{
    std::string chunk(64 << 10, 'a');
    chunk = "10000\r\n" + chunk + "\r\n";
    const Answer a = exchange(server_->port(),
                              "POST /v1/enroll HTTP/1.1\r\nHost: county\r\nTransfer-Encoding: chunked\r\n\r\n",
                              repeated(chunk, 256ll << 20));
    EXPECT_EQ(a.status, 411) << a.text.substr(0, 300);
    EXPECT_LT(a.seconds, 5.0);
    expectBoundedAndAlive();
}

TEST_F(AttackTest, GIVEN_a_body_without_length_WHEN_posted_to_enroll_THEN_411_and_memory_bounded)
{
    const Answer a = exchange(server_->port(), "POST /v1/enroll HTTP/1.1\r\nHost: county\r\n\r\n",
                              repeated(std::string(64 << 10, '{'), 256ll << 20));
    EXPECT_EQ(a.status, 411) << a.text.substr(0, 300);
    EXPECT_LT(a.seconds, 5.0);
    expectBoundedAndAlive();
}

TEST_F(AttackTest, GIVEN_an_endless_chunked_batch_WHEN_posted_with_a_token_THEN_413_after_the_raw_cap)
{
    std::string chunk(64 << 10, 'a');
    chunk = "10000\r\n" + chunk + "\r\n";
    const Answer a = exchange(server_->port(),
                              "POST /v1/batches HTTP/1.1\r\nHost: county\r\nAuthorization: Bearer " + device_.token +
                                  "\r\nIdempotency-Key: " + newId() + "\r\nTransfer-Encoding: chunked\r\n\r\n",
                              repeated(chunk, 256ll << 20));
    EXPECT_EQ(a.status, 413) << a.text.substr(0, 300);
    EXPECT_LT(a.seconds, 5.0);
    expectBoundedAndAlive();
}

TEST_F(AttackTest, GIVEN_two_million_header_lines_WHEN_sent_THEN_431_and_memory_bounded)
{
    std::string lines;
    for (int i = 0; i < 512; ++i) lines += "X-a: b\r\n";  // 4 KB of 8-byte header lines
    const Answer a = exchange(server_->port(), "GET /v1/capabilities HTTP/1.1\r\nHost: county\r\n",
                              repeated(lines, 2'000'000ll * 8));
    EXPECT_EQ(a.status, 431) << a.text.substr(0, 300);
    EXPECT_NE(a.text.find("headers_too_large"), std::string::npos);
    EXPECT_LT(a.seconds, 5.0);
    expectBoundedAndAlive();
}

TEST_F(AttackTest, GIVEN_one_endless_header_line_WHEN_sent_THEN_431_and_memory_bounded)
{
    const Answer a = exchange(server_->port(), "GET /v1/capabilities HTTP/1.1\r\nHost: county\r\nX-long: ",
                              repeated(std::string(64 << 10, 'y'), 256ll << 20));
    EXPECT_EQ(a.status, 431) << a.text.substr(0, 300);
    EXPECT_LT(a.seconds, 5.0);
    expectBoundedAndAlive();
}

// Slow clients: every connection sends a request line and then one header line per second,
// never finishing its head. They run until the test is done (at most 60 s).
class Trickle {
public:
    Trickle(int port, const std::vector<std::string>& sources, int perSource)
    {
        for (const auto& s : sources)
            for (int i = 0; i < perSource; ++i) {
                const int fd = connectFrom(s, port);
                ::send(fd, "POST /v1/batches HTTP/1.1\r\nHost: county\r\n", 41, MSG_NOSIGNAL);
                fds_.push_back(fd);
            }
        thread_ = std::thread([this] {
            std::unique_lock lock(mu_);
            const auto end = SteadyClock::now() + std::chrono::seconds(60);
            while (!done_ && SteadyClock::now() < end) {
                for (int fd : fds_) ::send(fd, "X-a: b\r\n", 8, MSG_NOSIGNAL | MSG_DONTWAIT);
                cv_.wait_for(lock, std::chrono::seconds(1));
            }
        });
    }
    ~Trickle()
    {
        {
            std::lock_guard lock(mu_);
            done_ = true;
        }
        cv_.notify_all();
        thread_.join();
        for (int fd : fds_) ::close(fd);
    }
    const std::vector<int>& fds() const { return fds_; }

private:
    std::vector<int> fds_;
    std::mutex mu_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

TEST_F(AttackTest, GIVEN_200_slow_connections_WHEN_a_school_syncs_THEN_its_batch_is_stored_within_seconds)
{
    std::vector<std::string> sources;
    for (int i = 2; i < 12; ++i) sources.push_back("127.0.0." + std::to_string(i));  // 10 addresses x 20
    Trickle attack(server_->port(), sources, 20);
    awaitAccepted(200);
    const auto start = SteadyClock::now();
    httplib::Client client("127.0.0.1", server_->port());
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(5, 0);
    const std::string key = newId();
    auto res = postBatch(client, device_, key, makeBatch(device_, key, {classRecord(newId(), device_.deviceId)}, seq_++));
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    ASSERT_TRUE(res) << "no answer while 200 slow connections are open";
    EXPECT_EQ(res->status, 200) << res->body;
    std::cout << "[measured] batch stored in " << seconds << " s with 200 slow connections open\n";
    EXPECT_LT(seconds, 3.0);
    const Json ack = Json::parse(res->body);
    EXPECT_EQ(ack["counts"]["created"], 1);
}

TEST_F(AttackTest, GIVEN_one_address_opening_more_connections_than_its_cap_WHEN_they_stall_THEN_the_extra_ones_get_503)
{
    Trickle attack(server_->port(), {"127.0.0.2"}, 40);  // the cap is 32 per address
    awaitAccepted(32);
    int refused = 0;
    const auto end = SteadyClock::now() + std::chrono::seconds(5);
    std::vector<bool> answered(attack.fds().size(), false);
    while (refused < 8 && SteadyClock::now() < end) {
        std::vector<pollfd> waiting;
        for (size_t i = 0; i < attack.fds().size(); ++i)
            if (!answered[i]) waiting.push_back({attack.fds()[i], POLLIN, 0});
        if (::poll(waiting.data(), waiting.size(), 500) <= 0) continue;
        for (size_t i = 0; i < attack.fds().size(); ++i) {
            if (answered[i]) continue;
            char buf[4096];
            const ssize_t n = ::recv(attack.fds()[i], buf, sizeof buf, MSG_DONTWAIT);
            if (n <= 0) continue;
            answered[i] = true;
            const std::string text(buf, static_cast<size_t>(n));
            EXPECT_EQ(text.rfind("HTTP/1.1 503", 0), 0u) << text;
            EXPECT_NE(text.find("too_many_connections"), std::string::npos) << text;
            ++refused;
        }
    }
    EXPECT_EQ(refused, 8);
    for (size_t i = 0; i < attack.fds().size(); ++i) {
        char c;
        if (!answered[i]) {
            EXPECT_LT(::recv(attack.fds()[i], &c, 1, MSG_DONTWAIT | MSG_PEEK), 0) << "admitted connection " << i;
        }
    }
    expectBoundedAndAlive();  // the school, from another address, is not refused
}

TEST_F(AttackTest, GIVEN_headers_trickling_in_WHEN_the_header_timeout_passes_THEN_408_however_steady_the_trickle)
{
    restartWith({"--header-timeout", "1"});
    // One header line every 200 ms: no single read ever waits long, the head never ends.
    const Answer a = trickleUntilAnswered(server_->port(), "GET /v1/capabilities HTTP/1.1\r\nHost: county\r\n",
                                          "X-a: b\r\n", 200);
    EXPECT_EQ(a.status, 408) << a.text;
    EXPECT_NE(a.text.find("request_timeout"), std::string::npos) << a.text;
    EXPECT_GE(a.seconds, 0.9);
    EXPECT_LT(a.seconds, 3.0);
    expectBoundedAndAlive();
}

TEST_F(AttackTest, GIVEN_a_body_trickling_in_WHEN_the_body_timeout_passes_THEN_408)
{
    restartWith({"--body-timeout", "1"});
    const Answer a = trickleUntilAnswered(server_->port(),
                                          "POST /v1/enroll HTTP/1.1\r\nHost: county\r\nContent-Type: application/json\r\n"
                                          "Content-Length: 1000\r\n\r\n{",
                                          " ", 200);
    EXPECT_EQ(a.status, 408) << a.text;
    EXPECT_NE(a.text.find("request_timeout"), std::string::npos) << a.text;
    EXPECT_GE(a.seconds, 0.9);
    EXPECT_LT(a.seconds, 3.0);
    expectBoundedAndAlive();
}

TEST(CountyFiles, GIVEN_umask_022_WHEN_the_server_creates_and_writes_its_database_THEN_files_are_0600)
{
    const mode_t old = ::umask(022);
    {
        TestDatabase db("sqlite");
        ServerProcess server(db);
        const Enrolled device = enroll(db, server, kSchool);
        auto client = server.client();
        const std::string key = newId();
        auto res = postBatch(client, device, key, makeBatch(device, key, {classRecord(newId(), device.deviceId)}));
        ASSERT_TRUE(res && res->status == 200);
        for (const std::string suffix : {"", "-wal", "-shm"}) {
            struct stat st{};
            ASSERT_EQ(::stat((db.target() + suffix).c_str(), &st), 0) << suffix;
            EXPECT_EQ(st.st_mode & 0777, 0600u) << "county.db" << suffix;
        }
        server.terminate();
        // A database an older server left 0644 is tightened on the next start.
        ::chmod(db.target().c_str(), 0644);
        ServerProcess again(db);
        struct stat st{};
        ASSERT_EQ(::stat(db.target().c_str(), &st), 0);
        EXPECT_EQ(st.st_mode & 0777, 0600u);
    }
    ::umask(old);
}

}  // namespace
