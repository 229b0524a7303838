#pragma once
// Thin RAII over libpq: results, one connection, and a fixed pool of connections. Every query
// goes through PQexecParams with $n parameters (text format); there is no string-built SQL.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace taizhang::server {

using PgParam = std::optional<std::string>;  // nullopt = SQL NULL

class PgResult {
public:
    explicit PgResult(pg_result* r) : r_(r) {}
    ~PgResult();
    PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const;
    std::optional<std::string> optText(int row, int col) const;
    std::int64_t int64(int row, int col) const;
    bool boolean(int row, int col) const;  // 't' / 'f'
    std::int64_t affected() const;         // PQcmdTuples

private:
    pg_result* r_;
};

class PgConnection {
public:
    explicit PgConnection(const std::string& url);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    PgResult exec(const std::string& sql, const std::vector<PgParam>& params = {});
    void execScript(const std::string& sql);  // several statements, no parameters
    bool healthy() const;
    void reset();

private:
    pg_conn* c_;
};

// Encodes a text[] / bigint[] / boolean[] array literal for a $n::type[] parameter.
std::string pgArray(const std::vector<PgParam>& values);

class PgPool {
public:
    PgPool(const std::string& url, int size);

    class Lease {
    public:
        Lease(PgPool& pool, std::unique_ptr<PgConnection> c) : pool_(&pool), c_(std::move(c)) {}
        ~Lease();
        Lease(Lease&& o) noexcept : pool_(o.pool_), c_(std::move(o.c_)) {}
        PgConnection& operator*() { return *c_; }
        PgConnection* operator->() { return c_.get(); }

    private:
        PgPool* pool_;
        std::unique_ptr<PgConnection> c_;
    };
    Lease acquire();

private:
    friend class Lease;
    void release(std::unique_ptr<PgConnection> c);
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<PgConnection>> free_;
};

}  // namespace taizhang::server
