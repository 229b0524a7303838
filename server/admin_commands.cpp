#include <fstream>
#include <iostream>
#include <sstream>

#include "clock.h"
#include "commands.h"
#include "county_admin.h"
#include "crypto.h"
#include "csv.h"
#include "text_encoding.h"

namespace taizhang::server {
namespace {

const char* kUsage = R"(usage: taizhang-county COMMAND [options]
storage (every command): --data county.db (SQLite, default) | --db postgresql://user@host/dbname

  serve [--listen 127.0.0.1:8787] [--threads 16] [--tls-cert FILE --tls-key FILE]
        [--rate-limit 600] [--trusted-proxy 127.0.0.1] [--max-batch-records 1000] [--max-batch-bytes N]
        [--max-decompressed-bytes N] [--max-record-bytes N] [--max-json-depth N]
        [--max-connections 256] [--max-connections-per-address 32] [--header-timeout 10] [--body-timeout 120]
  school add --code 10DIGITS --name NAME --county 6DIGITS [--type primary|junior|nine_year]
  school add --csv FILE            (columns: code,name,county[,type]; header row optional)
  school list | school disable --code C | school enable --code C
  enroll-code issue --school CODE [--ttl-hours 168]
  device list [--school CODE] | device revoke --device ID
  conflicts list [--school CODE]   (versions that lost an equal-version conflict, for review)
  overrides set --file overrides.json | terms set --file terms.json
  bundle import --file FILE.tzbundle
  staff add --username NAME --role admin|reviewer|viewer [--name 显示名]
                                   (password without echo, or one line on stdin; console at /console)
  staff list
  report --from YYYY-MM-DD --to YYYY-MM-DD [--school CODE] [--format json|csv]
)";

SchoolRow validatedSchool(std::string code, std::string name, std::string county, std::string type)
{
    SchoolRow school{code, name, county, type, false, formatUtcTimestamp(SystemClock::instance().nowUnixMillis())};
    if (auto problem = checkSchool(school)) throw UsageError(problem->en);
    return school;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int addSchoolsFromCsv(Storage& storage, const std::string& path)
{
    // Every row is checked first so that a bad file adds nothing.
    const auto parsed = parseSchoolsCsv(readFile(path), formatUtcTimestamp(SystemClock::instance().nowUnixMillis()));
    for (const auto& p : parsed.problems) std::cerr << path << ":" << p.line << ": " << p.message.en << "\n";
    if (!parsed.problems.empty()) return 1;
    const auto added = addSchools(storage, parsed.schools);
    std::cout << "added " << added.added << " schools, " << added.existing << " already present\n";
    return 0;
}

}  // namespace

std::unique_ptr<Storage> storageFromArgs(const CliArgs& args, int connections)
{
    if (auto url = args.get("db")) return openStorage(*url, connections);
    return openStorage(args.value("data", "county.db"), connections);
}

int runSchool(const CliArgs& args)
{
    const auto& w = args.words();
    const std::string sub = w.size() > 1 ? w[1] : "";
    auto storage = storageFromArgs(args);
    if (sub == "add" && args.get("csv")) return addSchoolsFromCsv(*storage, *args.get("csv"));
    if (sub == "add") {
        const auto school = validatedSchool(args.require("code"), args.require("name"), args.require("county"),
                                            args.value("type", "primary"));
        try {
            storage->addSchool(school);
        } catch (const AlreadyExists& e) {
            std::cerr << "error: " << e.what() << "\n";
            return 1;
        }
        std::cout << "added school " << school.code << " " << school.name << "\n";
        return 0;
    }
    if (sub == "list") {
        for (const auto& s : storage->listSchools())
            std::cout << s.code << "\t" << s.countyCode << "\t" << s.type << "\t" << (s.disabled ? "disabled" : "active")
                      << "\t" << s.name << "\n";
        return 0;
    }
    if (sub == "disable" || sub == "enable") {
        const auto code = args.require("code");
        if (!storage->findSchool(code)) throw UsageError("no school " + code);
        storage->setSchoolDisabled(code, sub == "disable");
        std::cout << "school " << code << " " << sub << "d\n";
        return 0;
    }
    throw UsageError("school expects add, list, disable or enable");
}

int runEnrollCode(const CliArgs& args)
{
    if (args.words().size() < 2 || args.words()[1] != "issue") throw UsageError("enroll-code expects issue");
    auto storage = storageFromArgs(args);
    const auto school = args.require("school");
    if (!storage->findSchool(school)) throw UsageError("no school " + school + "; add it first");
    const long long hours = args.integer("ttl-hours", 168);
    if (hours < 1 || hours > kMaxEnrollTtlHours) throw UsageError("--ttl-hours must be between 1 and 2160");
    // --ttl-seconds exists for tests of expiry; it overrides --ttl-hours.
    const long long ttlMs = args.get("ttl-seconds") ? args.integer("ttl-seconds", 0) * 1000 : hours * 3600 * 1000;
    const auto now = SystemClock::instance().nowUnixMillis();
    const std::string code = issueEnrollmentCode(*storage, school, ttlMs, now).code;
    std::cout << code << "\n";
    std::cerr << "single-use enrollment code for school " << school << ", expires " << formatUtcTimestamp(now + ttlMs)
              << "\n";
    return 0;
}

int runDevice(const CliArgs& args)
{
    const auto& w = args.words();
    const std::string sub = w.size() > 1 ? w[1] : "";
    auto storage = storageFromArgs(args);
    if (sub == "list") {
        for (const auto& d : storage->listDevices(args.value("school", "")))
            std::cout << d.id << "\t" << d.schoolCode << "\t" << (d.revokedAt ? "revoked" : "active") << "\t"
                      << d.lastSyncAt.value_or("never") << "\t" << d.name << "\n";
        return 0;
    }
    if (sub == "revoke") {
        const auto id = args.require("device");
        if (!storage->findDevice(id)) throw UsageError("no device " + id);
        const bool changed = storage->revokeDevice(id, formatUtcTimestamp(SystemClock::instance().nowUnixMillis()));
        std::cout << (changed ? "revoked device " : "device already revoked: ") << id << "\n";
        return 0;
    }
    throw UsageError("device expects list or revoke");
}

int runConflicts(const CliArgs& args)
{
    if (args.words().size() < 2 || args.words()[1] != "list") throw UsageError("conflicts expects list");
    auto storage = storageFromArgs(args);
    for (const auto& c : storage->listConflicts(args.value("school", "")))
        std::cout << c.receivedAt << "\t" << c.schoolCode << "\t" << c.recordId << "\tv" << c.version << "\t"
                  << c.deviceId << "\t" << c.recordJson << "\n";
    return 0;
}

int runCountyCli(int argc, char** argv)
{
    try {
        CliArgs args(argc, argv, 1);
        if (args.words().empty() || args.flag("help")) {
            std::cout << kUsage;
            return args.words().empty() && !args.flag("help") ? 2 : 0;
        }
        const std::string cmd = args.words()[0];
        if (cmd == "serve") return runServe(args);
        if (cmd == "school") return runSchool(args);
        if (cmd == "enroll-code") return runEnrollCode(args);
        if (cmd == "device") return runDevice(args);
        if (cmd == "conflicts") return runConflicts(args);
        if (cmd == "overrides" || cmd == "terms") return runConfigSet(args, cmd);
        if (cmd == "bundle") return runBundle(args);
        if (cmd == "report") return runReport(args);
        if (cmd == "staff") return runStaff(args);
        throw UsageError("unknown command '" + cmd + "'");
    } catch (const UsageError& e) {
        std::cerr << "error: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace taizhang::server
