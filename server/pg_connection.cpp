#include "pg_connection.h"

#include <libpq-fe.h>

#include "request_log.h"
#include "storage.h"

namespace taizhang::server {

PgResult::~PgResult()
{
    if (r_) PQclear(r_);
}
int PgResult::rows() const { return PQntuples(r_); }
bool PgResult::isNull(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
std::string PgResult::text(int row, int col) const
{
    return std::string(PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col)));
}
std::optional<std::string> PgResult::optText(int row, int col) const
{
    if (isNull(row, col)) return std::nullopt;
    return text(row, col);
}
std::int64_t PgResult::int64(int row, int col) const { return isNull(row, col) ? 0 : std::stoll(text(row, col)); }
bool PgResult::boolean(int row, int col) const { return text(row, col) == "t"; }
std::int64_t PgResult::affected() const
{
    const char* n = PQcmdTuples(r_);
    return n && *n ? std::stoll(n) : 0;
}

PgConnection::PgConnection(const std::string& url) : c_(PQconnectdb(url.c_str()))
{
    if (PQstatus(c_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(c_);
        PQfinish(c_);
        c_ = nullptr;
        throw StorageError("cannot connect to PostgreSQL: " + message);
    }
    // Server notices would otherwise go to stderr as plain text, breaking the JSON log.
    PQsetNoticeProcessor(
        c_, [](void*, const char* message) { logEvent("warning", "postgresql notice", {{"notice", message}}); }, nullptr);
    PgResult(PQexec(c_, "SET client_min_messages = warning"));
}

PgConnection::~PgConnection()
{
    if (c_) PQfinish(c_);
}

PgResult PgConnection::exec(const std::string& sql, const std::vector<PgParam>& params)
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecParams(c_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
    const auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        std::string message = std::string("PostgreSQL") + (state ? std::string(" ") + state : "") + ": " +
                              (r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
        PQclear(r);
        throw StorageError(message);
    }
    return PgResult(r);
}

void PgConnection::execScript(const std::string& sql)
{
    PGresult* r = PQexec(c_, sql.c_str());
    const auto status = PQresultStatus(r);
    std::string message = PQresultErrorMessage(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw StorageError("PostgreSQL: " + message);
}

bool PgConnection::healthy() const { return PQstatus(c_) == CONNECTION_OK; }
void PgConnection::reset() { PQreset(c_); }

std::string pgArray(const std::vector<PgParam>& values)
{
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        if (!values[i]) {
            out += "NULL";
            continue;
        }
        out += '"';
        for (char ch : *values[i]) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        out += '"';
    }
    out += '}';
    return out;
}

PgPool::PgPool(const std::string& url, int size)
{
    for (int i = 0; i < std::max(1, size); ++i) free_.push_back(std::make_unique<PgConnection>(url));
}

PgPool::Lease PgPool::acquire()
{
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    auto c = std::move(free_.back());
    free_.pop_back();
    return Lease(*this, std::move(c));
}

void PgPool::release(std::unique_ptr<PgConnection> c)
{
    if (!c->healthy()) c->reset();
    {
        std::lock_guard lock(mu_);
        free_.push_back(std::move(c));
    }
    cv_.notify_one();
}

PgPool::Lease::~Lease()
{
    if (c_) pool_->release(std::move(c_));
}

}  // namespace taizhang::server
