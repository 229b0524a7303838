#include "county_fixture.h"

#include <signal.h>
#include <sqlite3.h>

#include <regex>
#include <stdexcept>

#include "record_body.h"

namespace taizhang::testing {

std::string binPath(const std::string& name) { return std::string(TAIZHANG_BIN_DIR) + "/" + name; }

CountyServer::CountyServer(const TempDir& dir, std::string name)
    : data_(dir.file(name)), log_(dir.file(name + ".log")), storage_{"--data", data_}
{
}

CountyServer::~CountyServer()
{
    if (process_.running()) kill9();
}

CommandResult CountyServer::admin(std::vector<std::string> args)
{
    args.insert(args.begin(), binPath("taizhang-county"));
    args.insert(args.end(), storage_.begin(), storage_.end());
    return runCommand(args);
}

void CountyServer::addSchool(const std::string& code, const std::string& name)
{
    const auto r = admin({"school", "add", "--code", code, "--name", name, "--county", "320102"});
    if (r.exitCode != 0) throw std::runtime_error("school add failed: " + r.output);
}

std::string CountyServer::issueCode(const std::string& school, int ttlHours)
{
    const auto r = admin({"enroll-code", "issue", "--school", school, "--ttl-hours", std::to_string(ttlHours)});
    if (r.exitCode != 0) throw std::runtime_error("enroll-code issue failed: " + r.output);
    // stdout has the code alone; stderr (merged here) explains it.
    static const std::regex codeLine(R"(\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b)");
    std::smatch m;
    if (!std::regex_search(r.output, m, codeLine)) throw std::runtime_error("no code in: " + r.output);
    return m[1];
}

void CountyServer::revokeDevice(const std::string& deviceId)
{
    const auto r = admin({"device", "revoke", "--device", deviceId});
    if (r.exitCode != 0) throw std::runtime_error("device revoke failed: " + r.output);
}

void CountyServer::start(const std::vector<std::string>& extra, int port)
{
    std::vector<std::string> argv{binPath("taizhang-county"), "serve", storage_[0], storage_[1], "--listen",
                                  "127.0.0.1:" + std::to_string(port), "--threads", "4"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    process_ = ChildProcess::start(argv, log_);
    for (int i = 0; i < 20; ++i) {
        const std::string line = process_.readLine(15000);
        std::smatch m;
        static const std::regex listening(R"(listening on 127\.0\.0\.1:(\d+))");
        if (std::regex_search(line, m, listening)) {
            port_ = std::stoi(m[1]);
            lastExtra_ = extra;
            return;
        }
    }
    throw std::runtime_error("the county server did not report its port");
}

void CountyServer::stop()
{
    process_.signal(SIGTERM);
    process_.wait();
}

void CountyServer::kill9()
{
    process_.signal(SIGKILL);
    process_.wait();
}

namespace {
struct ReadOnlyDb {
    explicit ReadOnlyDb(const std::string& path)
    {
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open county database " + path);
        sqlite3_busy_timeout(db, 5000);
    }
    ~ReadOnlyDb() { sqlite3_close_v2(db); }
    sqlite3* db = nullptr;
};

// The county keeps ids as 16 bytes and bodies packed (server/record_body.h, county migration 9).
std::string blobOf(sqlite3_stmt* s, int column)
{
    return {static_cast<const char*>(sqlite3_column_blob(s, column)), static_cast<std::size_t>(sqlite3_column_bytes(s, column))};
}
}  // namespace

std::map<std::string, std::int64_t> CountyServer::records(const std::string& school) const
{
    ReadOnlyDb ro(data_);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(ro.db, "SELECT id, version FROM records WHERE school_code = ?", -1, &s, nullptr);
    sqlite3_bind_text(s, 1, school.c_str(), -1, SQLITE_TRANSIENT);
    std::map<std::string, std::int64_t> out;
    while (sqlite3_step(s) == SQLITE_ROW) out[server::uuidText(blobOf(s, 0))] = sqlite3_column_int64(s, 1);
    sqlite3_finalize(s);
    return out;
}

std::map<std::string, std::string> CountyServer::recordJsons(const std::string& school) const
{
    ReadOnlyDb ro(data_);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(ro.db, "SELECT id, body FROM records WHERE school_code = ?", -1, &s, nullptr);
    sqlite3_bind_text(s, 1, school.c_str(), -1, SQLITE_TRANSIENT);
    std::map<std::string, std::string> out;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const std::string id = server::uuidText(blobOf(s, 0));
        out[id] = server::unpackRecordBody(blobOf(s, 1), id);
    }
    sqlite3_finalize(s);
    return out;
}

std::int64_t CountyServer::count(const std::string& sql) const
{
    ReadOnlyDb ro(data_);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(ro.db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error("bad SQL: " + sql);
    std::int64_t v = -1;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

void CountyServer::execSql(const std::string& sql) const
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(data_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_busy_timeout(db, 5000);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close_v2(db);
    if (rc != SQLITE_OK) throw std::runtime_error("county SQL failed: " + msg);
}

FaultProxy::FaultProxy(int upstreamPort, const std::vector<std::string>& extra)
{
    std::vector<std::string> argv{"/usr/bin/env", "python3", TAIZHANG_FAULT_PROXY, "--upstream",
                                  "127.0.0.1:" + std::to_string(upstreamPort)};
    argv.insert(argv.end(), extra.begin(), extra.end());
    process_ = ChildProcess::start(argv);
    const std::string line = process_.readLine(15000);
    std::smatch m;
    static const std::regex ports(R"(listening on 127\.0\.0\.1:(\d+) control 127\.0\.0\.1:(\d+))");
    if (!std::regex_search(line, m, ports)) throw std::runtime_error("unexpected proxy output: " + line);
    port_ = std::stoi(m[1]);
    controlPort_ = std::stoi(m[2]);
}

}  // namespace taizhang::testing
