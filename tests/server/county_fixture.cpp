#include "county_fixture.h"

#include <gtest/gtest.h>

#include "date.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <libpq-fe.h>

#include "clock.h"
#include "gzip.h"
#include "../core/wait_until.h"
#include "uuid.h"

namespace taizhang::testing {
namespace {

std::vector<char*> argvOf(std::vector<std::string>& args)
{
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    return argv;
}

void pgExec(const std::string& url, const std::string& sql)
{
    PGconn* c = PQconnectdb(url.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::string m = PQerrorMessage(c);
        PQfinish(c);
        throw std::runtime_error("test cannot reach PostgreSQL: " + m);
    }
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    std::string m = PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error("PostgreSQL: " + m);
}

std::string pgAdminUrl()
{
    const char* dir = std::getenv("TAIZHANG_TEST_PG_DIR");
    if (!dir) throw std::runtime_error("TAIZHANG_TEST_PG_DIR is not set (the ctest fixture starts the cluster)");
    std::ifstream in(std::string(dir) + "/url");
    std::string url;
    std::getline(in, url);
    if (url.empty()) throw std::runtime_error(std::string("no PostgreSQL cluster URL in ") + dir + "/url");
    return url;
}

}  // namespace

CommandResult runCounty(const std::vector<std::string>& args)
{
    TempDir tmp;
    const std::string outPath = tmp.file("out"), errPath = tmp.file("err");
    std::vector<std::string> full{TAIZHANG_COUNTY_BIN};
    full.insert(full.end(), args.begin(), args.end());
    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out, 1);
        dup2(err, 2);
        auto argv = argvOf(full);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CommandResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream o(outPath), e(errPath);
    std::stringstream so, se;
    so << o.rdbuf();
    se << e.rdbuf();
    r.out = so.str();
    r.err = se.str();
    return r;
}

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend)
{
    if (backend == "sqlite") {
        target_ = dir_.file("county.db");
        return;
    }
    adminUrl_ = pgAdminUrl();
    dbName_ = "tz_" + randomHex(8);
    pgExec(adminUrl_, "CREATE DATABASE " + dbName_);
    // The admin URL is postgresql://postgres@/postgres?host=...; point it at the new database.
    target_ = adminUrl_;
    const auto at = target_.find("/postgres?");
    if (at == std::string::npos) throw std::runtime_error("unexpected cluster URL " + adminUrl_);
    target_.replace(at, 10, "/" + dbName_ + "?");
}

TestDatabase::~TestDatabase()
{
    if (!dbName_.empty()) {
        try {
            pgExec(adminUrl_, "DROP DATABASE IF EXISTS " + dbName_ + " WITH (FORCE)");
        } catch (...) {
        }
    }
}

std::vector<std::string> TestDatabase::storageArgs() const
{
    if (backend_ == "sqlite") return {"--data", target_};
    return {"--db", target_};
}

ServerProcess::ServerProcess(const TestDatabase& db, std::vector<std::string> extraArgs, std::vector<std::string> env)
{
    logPath_ = const_cast<TestDatabase&>(db).dir().file("server-" + randomHex(4) + ".log");
    std::vector<std::string> args{TAIZHANG_COUNTY_BIN, "serve"};
    for (const auto& a : db.storageArgs()) args.push_back(a);
    args.push_back("--listen");
    args.push_back("127.0.0.1:0");
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    int pipeFds[2];
    if (pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(pipeFds[1], 1);
        close(pipeFds[0]);
        const int err = open(logPath_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(err, 2);
        for (auto& e : env) putenv(e.data());
        auto argv = argvOf(args);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipeFds[1]);
    // The first stdout line is "listening on 127.0.0.1:PORT".
    std::string line;
    char ch;
    while (read(pipeFds[0], &ch, 1) == 1 && ch != '\n') line += ch;
    close(pipeFds[0]);
    const auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
        kill9();
        throw std::runtime_error("server did not start: '" + line + "'\n" + log());
    }
    port_ = std::stoi(line.substr(colon + 1));
}

ServerProcess::~ServerProcess()
{
    if (pid_ > 0) terminate();
}

httplib::Client ServerProcess::client() const
{
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    c.set_keep_alive(false);
    return c;
}

void ServerProcess::terminate()
{
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    if (waitUntil([&] { return waitpid(pid_, &status_, WNOHANG) == pid_; }, 10000, 5)) {
        pid_ = -1;
        return;
    }
    kill9();
}

void ServerProcess::kill9()
{
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
    pid_ = -1;
}

std::string ServerProcess::log() const
{
    std::ifstream in(logPath_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool ServerProcess::waitForLog(const std::string& text, int count, int timeoutMs) const
{
    return waitUntil(
        [&] {
            const std::string logText = log();
            int found = 0;
            for (auto at = logText.find(text); at != std::string::npos; at = logText.find(text, at + text.size()))
                ++found;
            return found >= count;
        },
        timeoutMs, 1);
}

std::vector<std::string> CommitGate::env(int passFirst) const
{
    return {"TAIZHANG_COUNTY_TEST_COMMIT_GATE=" + path_,
            "TAIZHANG_COUNTY_TEST_COMMIT_GATE_AFTER=" + std::to_string(passFirst)};
}

void CommitGate::open() const { std::ofstream(path_) << "open\n"; }

void addSchool(const TestDatabase& db, const std::string& code, const std::string& name)
{
    std::vector<std::string> args{"school", "add", "--code", code, "--name", name, "--county", "320102"};
    for (const auto& a : db.storageArgs()) args.push_back(a);
    auto r = runCounty(args);
    if (r.exitCode != 0 && r.err.find("already exists") == std::string::npos)
        throw std::runtime_error("school add failed: " + r.err);
}

std::string issueCode(const TestDatabase& db, const std::string& school, const std::vector<std::string>& extra)
{
    std::vector<std::string> args{"enroll-code", "issue", "--school", school};
    for (const auto& a : db.storageArgs()) args.push_back(a);
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = runCounty(args);
    if (r.exitCode != 0) throw std::runtime_error("enroll-code issue failed: " + r.err);
    return r.out.substr(0, r.out.find('\n'));
}

Enrolled enroll(const TestDatabase& db, const ServerProcess& server, const std::string& school)
{
    addSchool(db, school);
    const std::string code = issueCode(db, school);
    auto client = server.client();
    auto res = client.Post("/v1/enroll",
                           Json{{"school_code", school}, {"enrollment_code", code}, {"device_name", "test"}}.dump(),
                           "application/json");
    if (!res || res->status != 200) throw std::runtime_error("enroll failed: " + (res ? res->body : std::string("no response")));
    const Json j = Json::parse(res->body);
    return Enrolled{j.at("device_id"), j.at("device_token"), school};
}

std::string newId()
{
    static std::atomic<std::int64_t> tick{0};
    return newUuidV7(SystemClock::instance().nowUnixMillis() + tick++);
}

namespace {
// A day between 2013 and 2026-11-20 that is a function of the record id.
std::string dayOf(const std::string& id)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ULL;
    return taizhang::Date::parse("2026-11-20")->addDays(-static_cast<std::int64_t>(h % 5000)).toString();
}
}  // namespace

Json classRecord(const std::string& id, const std::string& device, int version, const std::string& givenName)
{
    const std::string name = givenName.empty() ? "三年级" + id.substr(id.size() - 8) + "班" : givenName;
    return Json{{"id", id}, {"kind", "class"}, {"version", version}, {"created_at", "2026-11-20T08:00:00.000Z"},
                {"updated_at", "2026-11-20T08:00:00.000Z"}, {"author", "admin"}, {"device", device},
                {"deleted", false},
                {"body", {{"grade", 4}, {"name", name}, {"students", 40}, {"subjects", {"chinese", "math"}}}}};
}

Json homeworkRecord(const std::string& id, const std::string& classId, const std::string& device, int version,
                    int minutes, const std::string& givenDate)
{
    const std::string date = givenDate.empty() ? dayOf(id) : givenDate;
    return Json{{"id", id}, {"kind", "homework"}, {"version", version}, {"created_at", "2026-11-20T12:00:00.000Z"},
                {"updated_at", "2026-11-20T12:00:00.000Z"}, {"author", "t01"}, {"device", device},
                {"deleted", false},
                {"body",
                 {{"class_id", classId}, {"date", date}, {"subject", "math"}, {"minutes", minutes}, {"written", true},
                  {"at_home", true}, {"content", "口算练习"}, {"teacher_id", ""}}}};
}

std::string makeBatch(const Enrolled& device, const std::string& batchId, const std::vector<Json>& records,
                      std::int64_t firstSeq)
{
    const std::int64_t count = static_cast<std::int64_t>(records.size());
    std::string out = Json{{"protocol", 1}, {"batch_id", batchId}, {"device_id", device.deviceId},
                           {"school_code", device.schoolCode}, {"first_seq", firstSeq},
                           {"last_seq", firstSeq + count - 1}, {"count", count}}
                          .dump() + "\n";
    std::int64_t seq = firstSeq;
    for (auto r : records) {
        r["seq"] = seq++;
        out += r.dump() + "\n";
    }
    return out;
}

std::string gzip(const std::string& data) { return gzipCompress(data, 1); }

Json postNextBatch(const ServerProcess& server, const Enrolled& device, std::int64_t& seq,
                   const std::vector<Json>& records)
{
    auto client = server.client();
    const auto key = newId();
    auto res = postBatch(client, device, key, makeBatch(device, key, records, seq));
    seq += static_cast<std::int64_t>(records.size());
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    return res ? Json::parse(res->body) : Json();
}

httplib::Result postBatch(httplib::Client& client, const Enrolled& device, const std::string& key,
                          const std::string& body, const std::string& encoding)
{
    httplib::Headers headers{{"Authorization", "Bearer " + device.token}, {"Idempotency-Key", key}};
    if (!encoding.empty()) headers.emplace("Content-Encoding", encoding);
    return client.Post("/v1/batches", headers, encoding == "gzip" ? gzip(body) : body, "application/x-ndjson");
}

httplib::Result getWithToken(httplib::Client& client, const std::string& path, const std::string& token)
{
    return client.Get(path.c_str(), httplib::Headers{{"Authorization", "Bearer " + token}});
}

int connectFrom(const std::string& source, int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot connect from " + source + " to port " + std::to_string(port));
    }
    return fd;
}

std::string errorCode(const httplib::Result& res)
{
    if (!res) return "no_response";
    const Json j = Json::parse(res->body, nullptr, false);
    if (j.is_discarded() || !j.contains("error")) return "no_error_body";
    return j["error"].value("code", "");
}

}  // namespace taizhang::testing
