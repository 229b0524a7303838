#pragma once
// The real county server (build/bin/taizhang-county) on loopback for the sync tests, the fault
// proxy in front of it, and a school client database enrolled with it.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "child_process.h"
#include "temp_dir.h"

namespace taizhang::testing {

inline const std::string kSchool = "3201020001";
inline const std::string kOtherSchool = "3201020002";

std::string binPath(const std::string& name);

class CountyServer {
public:
    explicit CountyServer(const TempDir& dir, std::string name = "county.db");
    // The county on PostgreSQL instead (a database URL); records()/recordJsons() are SQLite only.
    void usePostgres(const std::string& url) { storage_ = {"--db", url}; }
    ~CountyServer();

    // Admin commands on the data file (the server may be running: SQLite WAL).
    void addSchool(const std::string& code, const std::string& name);
    std::string issueCode(const std::string& school, int ttlHours = 168);
    CommandResult admin(std::vector<std::string> args);
    void revokeDevice(const std::string& deviceId);

    // Starts `serve` on an ephemeral port (or `port`), with extra serve options.
    void start(const std::vector<std::string>& extra = {}, int port = 0);
    void stop();   // SIGTERM, graceful
    void kill9();  // SIGKILL
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // id -> version of every record the county holds for a school (read from its database; the
    // records table keeps ids as 16 bytes and bodies packed, so SQL on it cannot name an id or
    // search a body: use these).
    std::map<std::string, std::int64_t> records(const std::string& school) const;
    // id -> canonical record JSON the county holds for a school.
    std::map<std::string, std::string> recordJsons(const std::string& school) const;
    std::int64_t count(const std::string& sql) const;
    // Test setup only: changes the county's data behind the server's back (e.g. expire a code).
    void execSql(const std::string& sql) const;
    const std::string& dataPath() const { return data_; }

private:
    std::string data_;
    std::string log_;
    ChildProcess process_;
    int port_ = 0;
    std::vector<std::string> lastExtra_;
    std::vector<std::string> storage_;
};

class FaultProxy {
public:
    explicit FaultProxy(int upstreamPort, const std::vector<std::string>& extra = {});
    std::string command(const std::string& line) { return tcpRequestLine(controlPort_, line); }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    ChildProcess process_;
    int port_ = 0;
    int controlPort_ = 0;
};

}  // namespace taizhang::testing
