// County server ingest throughput: N devices push M records each, in parallel, in frozen gzip
// batches through the real taizhang-county process on loopback; then, in the same run, the same
// ingest into a fresh database with the day summaries not refreshed (the server's
// TAIZHANG_COUNTY_BENCH_NO_DAY_SUMMARIES baseline), and the same rows bulk-loaded bare into a
// fresh database with the same schema (PostgreSQL COPY; SQLite one transaction of prepared
// INSERTs). Prints records/s of each and the ratios. The devices belong to --schools schools
// (round robin; 1 = every device of one school, the original shape).
//   server_ingest_bench --backend sqlite|postgres [--pg-url URL] [--devices 50] [--records 5000]
//                       [--batch 1000] [--threads 16] [--schools 1] [--marks 0]
// --marks K: every K-th record is a 无作业 mark of its class-day instead of homework (0: none),
// so that the county's class-day check (server/class_day_marks.h) reads marked days.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <zlib.h>

#include "cli_args.h"
#include "clock.h"
#include "crypto.h"
#include "county_schema.h"
#include "database.h"
#include "record_body.h"
#include "records.h"
#include "storage.h"
#include "uuid.h"

using namespace taizhang;
using namespace taizhang::server;
using Json = nlohmann::json;
using Steady = std::chrono::steady_clock;

namespace {

std::string schoolCode(int i) { return std::to_string(3201020001LL + i); }

std::string gzipBytes(const std::string& data)
{
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

struct Device {
    std::string id, token;
    std::vector<std::pair<std::string, std::string>> batches;  // key, gzip body
};

Record homework(const std::string& device, std::int64_t ms, int n, int marks)
{
    Record r;
    r.kind = Kind::Homework;
    r.meta = {newUuidV7(ms), 1, formatUtcTimestamp(ms), formatUtcTimestamp(ms), "t01", device, false};
    Homework h;
    h.classId = newUuidV7(1700000000000 + n % 40);
    h.date = Date::parse("2026-09-01")->addDays(n % 100);
    h.subject = n % 2 ? "math" : "chinese";
    h.minutes = 10 + n % 50;
    h.content = "练习册第" + std::to_string(n % 90) + "页";
    h.teacherId = newUuidV7(1700000001000 + n % 60);
    if (marks > 0 && n % marks == 0) {
        h.subject.clear();
        h.minutes = 0;
        h.content.clear();
        h.none = true;
    }
    r.body = h;
    return r;
}

struct Server {
    pid_t pid = -1;
    int port = 0;
};

Server startServer(const std::vector<std::string>& storageArgs, int threads, const std::string& logPath, bool summaries)
{
    std::vector<std::string> args{TAIZHANG_COUNTY_BIN, "serve", "--listen", "127.0.0.1:0", "--threads",
                                  std::to_string(threads), "--rate-limit", "0",
                                  // every device is a keep-alive connection from 127.0.0.1
                                  "--max-connections-per-address", "1000", "--max-connections", "1000"};
    args.insert(args.end(), storageArgs.begin(), storageArgs.end());
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    Server s;
    s.pid = fork();
    if (s.pid == 0) {
        if (!summaries) setenv("TAIZHANG_COUNTY_BENCH_NO_DAY_SUMMARIES", "1", 1);
        dup2(fds[1], 1);
        const int log = open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(log, 2);  // the access log is written (part of the cost) to a file, shown on failure
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    std::string line;
    char ch;
    while (read(fds[0], &ch, 1) == 1 && ch != '\n') line += ch;
    close(fds[0]);
    s.port = std::stoi(line.substr(line.rfind(':') + 1));
    return s;
}

void stopServer(Server& s)
{
    kill(s.pid, SIGTERM);
    int status;
    waitpid(s.pid, &status, 0);
}

// The rows the server writes for these records, as COPY text or INSERT values, in the stored
// form of county migration 9 (server/record_body.h): the packing is part of storing a row.
struct Row {
    std::string id, school, kind, day, json, device;
    std::int64_t version;
};

double bareSqlite(const std::string& path, const std::vector<Row>& rows, const std::string& now)
{
    { auto s = openStorage(path, 1); }  // creates the county schema
    auto db = Database::open(path, sqliteCountyMigrations());
    const auto start = Steady::now();
    auto tx = db.beginWrite();
    db.prepare("INSERT INTO record_devices(ref, device_id) VALUES (1, ?)").bind(1, rows.front().device).run();
    auto st = db.prepare("INSERT INTO records(id, school_code, kind, version, deleted, day, body, device_ref,"
                         " received_ms) VALUES (?, ?, ?, ?, 0, ?, ?, 1, ?)");
    const auto nowMs = server::utcMillisOf(now);
    for (const auto& r : rows) {
        const std::string id = server::uuidBytes(r.id), body = server::packRecordBody(r.json, r.id);
        st.reset();
        st.bindBlob(1, id.data(), id.size()).bind(2, r.school).bind(3, r.kind).bind(4, r.version).bind(5, r.day)
            .bindBlob(6, body.data(), body.size()).bind(7, nowMs);
        st.run();
    }
    tx.commit();
    return std::chrono::duration<double>(Steady::now() - start).count();
}

std::string copyEscape(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

double barePostgres(const std::string& url, const std::vector<Row>& rows, const std::string& now)
{
    { auto s = openStorage(url, 1); }
    PGconn* c = PQconnectdb(url.c_str());
    const std::string nowMs = std::to_string(server::utcMillisOf(now));
    const auto start = Steady::now();
    PQclear(PQexec(c, "BEGIN"));
    PQclear(PQexec(c, "INSERT INTO record_devices(ref, device_id) VALUES (1, 'bench-device')"));
    PGresult* r = PQexec(c, "COPY records(id, school_code, kind, version, deleted, day, body, device_ref,"
                            " received_ms) FROM STDIN");
    if (PQresultStatus(r) != PGRES_COPY_IN) throw std::runtime_error(PQerrorMessage(c));
    PQclear(r);
    std::string chunk;
    for (const auto& row : rows) {
        chunk += row.id + "\t" + row.school + "\t" + row.kind + "\t" + std::to_string(row.version) + "\tf\t" + row.day +
                 "\t" + copyEscape(server::byteaHex(server::packRecordBody(row.json, row.id))) + "\t1\t" + nowMs + "\n";
        if (chunk.size() > (1 << 20)) {
            PQputCopyData(c, chunk.data(), static_cast<int>(chunk.size()));
            chunk.clear();
        }
    }
    PQputCopyData(c, chunk.data(), static_cast<int>(chunk.size()));
    PQputCopyEnd(c, nullptr);
    r = PQgetResult(c);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) throw std::runtime_error(PQerrorMessage(c));
    PQclear(r);
    PQclear(PQexec(c, "COMMIT"));
    const double secs = std::chrono::duration<double>(Steady::now() - start).count();
    PQfinish(c);
    return secs;
}

void pgExec(const std::string& url, const std::string& sql)
{
    PGconn* c = PQconnectdb(url.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string m = PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error(m);
}

std::string databaseUrl(std::string adminUrl, const std::string& name)
{
    adminUrl.replace(adminUrl.find("/postgres?"), 10, "/" + name + "?");
    return adminUrl;
}

struct IngestRun {
    double secs = 0;
    std::int64_t stored = 0;
    int failures = 0, retries = 0;
    std::size_t wireBytes = 0;
};

struct Shape {
    int devices, perDevice, batchSize, threads, schools, marks;
};

// Schools, devices and frozen batches (not timed), then every device pushing its batches at once
// (timed). rows: the rows stored, for the bare load (filled when not null).
IngestRun ingestOnce(const std::string& target, const std::vector<std::string>& storageArgs, const Shape& shape,
                     bool summaries, const std::string& logPath, std::vector<Row>* rows)
{
    std::vector<std::string> codes;
    {
        auto storage = openStorage(target, 1);
        const auto now = SystemClock::instance().nowUnixMillis();
        for (int i = 0; i < shape.schools; ++i)
            storage->addSchool({schoolCode(i), "基准学校" + std::to_string(i), "320102", "primary", false, formatUtcTimestamp(now)});
        for (int d = 0; d < shape.devices; ++d) {
            codes.push_back(newEnrollmentCode());
            storage->addEnrollmentCode(
                {enrollmentCodeHash(codes.back()), schoolCode(d % shape.schools), now + 3600000, formatUtcTimestamp(now)});
        }
    }
    Server server = startServer(storageArgs, shape.threads, logPath, summaries);
    std::vector<Device> fleet(shape.devices);
    IngestRun run;
    std::int64_t ms = 1760000000000;
    for (int d = 0; d < shape.devices; ++d) {
        const std::string school = schoolCode(d % shape.schools);
        httplib::Client c("127.0.0.1", server.port);
        auto res = c.Post("/v1/enroll",
                          Json{{"school_code", school}, {"enrollment_code", codes[d]}, {"device_name", "bench"}}.dump(),
                          "application/json");
        if (!res || res->status != 200) throw std::runtime_error("enroll failed");
        const auto j = Json::parse(res->body);
        fleet[d].id = j["device_id"];
        fleet[d].token = j["device_token"];
        for (int first = 0; first < shape.perDevice; first += shape.batchSize) {
            const int count = std::min(shape.batchSize, shape.perDevice - first);
            const std::string key = newUuidV7(ms);
            std::string body = Json{{"protocol", 1}, {"batch_id", key}, {"device_id", fleet[d].id},
                                    {"school_code", school}, {"first_seq", first + 1}, {"last_seq", first + count},
                                    {"count", count}}
                                   .dump() + "\n";
            for (int i = 0; i < count; ++i) {
                const Record r = homework(fleet[d].id, ++ms, first + i + d * 7, shape.marks);
                Json line = recordToJson(r);
                if (rows) rows->push_back({r.meta.id, school, "homework", r.date()->toString(), line.dump(), fleet[d].id, 1});
                line["seq"] = first + i + 1;
                body += line.dump() + "\n";
            }
            fleet[d].batches.emplace_back(key, gzipBytes(body));
            run.wireBytes += fleet[d].batches.back().second.size();
        }
    }

    std::atomic<int> failures{0}, retries{0};
    const auto start = Steady::now();
    std::vector<std::thread> clients;
    for (const auto& device : fleet) {
        clients.emplace_back([&, device] {
            httplib::Client c("127.0.0.1", server.port);
            c.set_read_timeout(120, 0);
            c.set_write_timeout(120, 0);
            for (const auto& [key, body] : device.batches) {
                // Like the sync client: a failed attempt is resent with the same bytes and key.
                for (int attempt = 0;; ++attempt) {
                    auto res = c.Post("/v1/batches",
                                      httplib::Headers{{"Authorization", "Bearer " + device.token},
                                                       {"Idempotency-Key", key}, {"Content-Encoding", "gzip"}},
                                      body, "application/x-ndjson");
                    if (res && res->status == 200) break;
                    if (attempt == 5) {
                        ++failures;
                        break;
                    }
                    ++retries;
                }
            }
        });
    }
    for (auto& t : clients) t.join();
    run.secs = std::chrono::duration<double>(Steady::now() - start).count();
    stopServer(server);
    run.failures = failures;
    run.retries = retries;
    {
        // The baseline left the summaries marked for a rebuild: not timed, and not wanted here.
        auto storage = openStorage(target, 1);
        run.stored = storage->totalRecords();
    }
    if (run.failures) {
        std::ifstream log(logPath);
        for (std::string line; std::getline(log, line);)
            if (line.find("\"status\":200") == std::string::npos) std::cerr << line << "\n";
    }
    return run;
}

}  // namespace

int main(int argc, char** argv)
{
    CliArgs args(argc, argv, 1);
    const std::string backend = args.value("backend", "sqlite");
    const Shape shape{static_cast<int>(args.integer("devices", 50)), static_cast<int>(args.integer("records", 5000)),
                      static_cast<int>(args.integer("batch", 1000)), static_cast<int>(args.integer("threads", 16)),
                      static_cast<int>(args.integer("schools", 1)), static_cast<int>(args.integer("marks", 0))};
    const auto tmp = std::filesystem::temp_directory_path() / ("tz-bench-" + randomHex(4));
    std::filesystem::create_directories(tmp);
    std::string ingestTarget, plainTarget, bareTarget;
    std::vector<std::string> storageArgs, plainArgs;
    if (backend == "sqlite") {
        ingestTarget = (tmp / "ingest.db").string();
        plainTarget = (tmp / "plain.db").string();
        bareTarget = (tmp / "bare.db").string();
        storageArgs = {"--data", ingestTarget};
        plainArgs = {"--data", plainTarget};
    } else {
        const std::string admin = args.require("pg-url");
        const std::string a = "bench_ingest_" + randomHex(4), p = "bench_plain_" + randomHex(4), b = "bench_bare_" + randomHex(4);
        for (const auto& name : {a, p, b}) pgExec(admin, "CREATE DATABASE " + name);
        ingestTarget = databaseUrl(admin, a);
        plainTarget = databaseUrl(admin, p);
        bareTarget = databaseUrl(admin, b);
        storageArgs = {"--db", ingestTarget};
        plainArgs = {"--db", plainTarget};
    }

    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(shape.devices) * shape.perDevice);
    const IngestRun with = ingestOnce(ingestTarget, storageArgs, shape, true, (tmp / "server.log").string(), &rows);
    const IngestRun without = ingestOnce(plainTarget, plainArgs, shape, false, (tmp / "server-plain.log").string(), nullptr);

    const std::string now = formatUtcTimestamp(SystemClock::instance().nowUnixMillis());
    const double bareSecs = backend == "sqlite" ? bareSqlite(bareTarget, rows, now) : barePostgres(bareTarget, rows, now);
    const double total = static_cast<double>(rows.size());
    auto line = [&](const char* what, const IngestRun& r) {
        std::cout << "  " << what << ": " << total / r.secs << " records/s (" << r.secs * 1000 << " ms, stored " << r.stored
                  << ", retried requests " << r.retries << ", failed batches " << r.failures << ", "
                  << r.wireBytes / rows.size() << " gzip bytes/record)\n";
    };
    std::cout.setf(std::ios::fixed);
    std::cout.precision(0);
    std::cout << "backend " << backend << ": " << shape.devices << " devices of " << shape.schools << " school(s) x "
              << shape.perDevice << " records, batches of " << shape.batchSize << ", " << shape.threads << " server threads"
              << (shape.marks > 0 ? ", every " + std::to_string(shape.marks) + "th a 无作业 mark" : std::string()) << "\n";
    line("ingest", with);
    line("ingest without day summaries", without);
    std::cout << "  bare " << (backend == "sqlite" ? "INSERT" : "COPY") << ": " << total / bareSecs
              << " records/s (" << bareSecs * 1000 << " ms)\n";
    std::cout.precision(1);
    std::cout << "  ratio ingest/bare: " << 100.0 * bareSecs / with.secs << " %\n"
              << "  ratio ingest without summaries/bare: " << 100.0 * bareSecs / without.secs << " %\n";
    std::cout.precision(2);
    std::cout << "  ingest time with / without day summaries: " << with.secs / without.secs << "\n";
    std::filesystem::remove_all(tmp);
    const auto expected = static_cast<std::int64_t>(rows.size());
    return with.failures == 0 && without.failures == 0 && with.stored == expected && without.stored == expected ? 0 : 1;
}
