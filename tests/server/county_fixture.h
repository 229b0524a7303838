#pragma once
// Test harness for the county server: the real taizhang-county process on loopback, admin
// commands run as the real executable, and a fresh database per test on either backend
// (a SQLite file, or a new database in the throwaway PostgreSQL cluster the ctest fixture
// started; see pg_cluster.sh).
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../core/temp_dir.h"

namespace taizhang::testing {

using Json = nlohmann::json;

struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs build/bin/taizhang-county with these arguments.
CommandResult runCounty(const std::vector<std::string>& args);

// One database for one test: "sqlite" (a file in a temp dir) or "postgres" (a new database).
class TestDatabase {
public:
    explicit TestDatabase(const std::string& backend);
    ~TestDatabase();
    // --data FILE or --db URL
    std::vector<std::string> storageArgs() const;
    const std::string& target() const { return target_; }
    const std::string& backend() const { return backend_; }
    TempDir& dir() { return dir_; }

private:
    std::string backend_;
    TempDir dir_;
    std::string target_;
    std::string adminUrl_;
    std::string dbName_;
};

class ServerProcess {
public:
    ServerProcess(const TestDatabase& db, std::vector<std::string> extraArgs = {},
                  std::vector<std::string> env = {});
    ~ServerProcess();
    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    httplib::Client client() const;
    void terminate();  // SIGTERM, wait; returns when the process has exited
    void kill9();      // SIGKILL, wait
    int exitStatus() const { return status_; }
    std::string log() const;  // stderr so far
    // Waits until the log holds `text` at least `count` times; false after timeoutMs.
    bool waitForLog(const std::string& text, int count = 1, int timeoutMs = 30000) const;

private:
    pid_t pid_ = -1;
    int port_ = 0;
    int status_ = -1;
    std::string logPath_;
};

// The server's commit gate (TAIZHANG_COUNTY_TEST_COMMIT_GATE, server/serve_command.cpp): a
// server started with env() holds every batch transaction (after the first passFirst) just before
// its commit, logs kBatchHeld, and commits once open() was called.
class CommitGate {
public:
    static constexpr const char* kBatchHeld = "batch held before commit";
    CommitGate() : path_(dir_.file("commit-gate")) {}
    std::vector<std::string> env(int passFirst = 0) const;
    void open() const;
    // Opens the gate when it goes out of scope: declared after the thread that posts a held
    // batch, so that a failed ASSERT releases the batch before that thread is joined.
    struct [[nodiscard]] OpenOnExit {
        const CommitGate& gate;
        ~OpenOnExit() { gate.open(); }
    };
    OpenOnExit openOnExit() const { return {*this}; }

private:
    TempDir dir_;
    std::string path_;
};

struct Enrolled {
    std::string deviceId;
    std::string token;
    std::string schoolCode;
};

// Adds the school (if missing), issues a code and enrolls over HTTP.
void addSchool(const TestDatabase& db, const std::string& code, const std::string& name = "测试学校");
std::string issueCode(const TestDatabase& db, const std::string& school, const std::vector<std::string>& extra = {});
Enrolled enroll(const TestDatabase& db, const ServerProcess& server, const std::string& school);

// ---- building batches -------------------------------------------------------------------------

// Without a name / date, each record gets its own natural key (a class name, a day) derived from
// its id: the county keeps one live record per key (docs/sync-protocol.md, natural_key_conflict).
Json classRecord(const std::string& id, const std::string& device, int version = 1, const std::string& name = "");
Json homeworkRecord(const std::string& id, const std::string& classId, const std::string& device, int version = 1,
                    int minutes = 20, const std::string& date = "");
std::string newId();

// Header + record lines (seq assigned from firstSeq upwards).
std::string makeBatch(const Enrolled& device, const std::string& batchId, const std::vector<Json>& records,
                      std::int64_t firstSeq = 1);
std::string gzip(const std::string& data);

// POSTs a gzip body to /v1/batches with the device's token and this key.
httplib::Result postBatch(httplib::Client& client, const Enrolled& device, const std::string& key,
                          const std::string& body, const std::string& encoding = "gzip");
httplib::Result getWithToken(httplib::Client& client, const std::string& path, const std::string& token);
// POSTs these records as the device's next batch (numbered from `seq`, which moves past them)
// under a new key, expects 200 and returns the ack ({} when there was no answer).
Json postNextBatch(const ServerProcess& server, const Enrolled& device, std::int64_t& seq,
                   const std::vector<Json>& records);

std::string errorCode(const httplib::Result& res);

// A raw TCP connection to 127.0.0.1:port from the loopback address `source` (127.0.0.2, ...:
// other clients, as far as the server's per-address limits can tell). Throws on failure.
int connectFrom(const std::string& source, int port);

}  // namespace taizhang::testing
