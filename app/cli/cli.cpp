#include "cli.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "record_store.h"
#include "school.h"
#include "users.h"

namespace taizhang::cli {

namespace {
void printHelp(std::ostream& out)
{
    out << "taizhang (台账): the school ledger from the command line\n\n"
           "usage: taizhang [--db PATH] [--json] <command> [arguments]\n\n"
           "The database defaults to $TAIZHANG_DB, else ./taizhang.db.\n\ncommands:\n";
    for (const auto& c : commands()) {
        std::string name = c.name;
        name.resize(std::max<std::size_t>(10, name.size() + 2), ' ');  // never cut a long name
        out << "  " << name << c.summary << "\n";
    }
    out << "\nSee docs/cli.md for every option and the exit codes.\n";
}

// TAIZHANG_TODAY=YYYY-MM-DD pins the clock to noon of that school-local day: for demos and the
// end-to-end tests, whose data must not depend on the day the tests run.
std::unique_ptr<Clock> makeClock()
{
    if (const char* fixed = std::getenv("TAIZHANG_TODAY"); fixed && *fixed) {
        auto d = Date::parse(fixed);
        if (!d) throw usageError(std::string("TAIZHANG_TODAY must be YYYY-MM-DD, got '") + fixed + "'");
        return std::make_unique<ManualClock>(unixMillisAt(*d, 12));
    }
    return std::make_unique<SystemClock>();
}
}  // namespace

Database& Context::db(bool mustBeInitialised)
{
    if (!database) {
        if (mustBeInitialised && !std::filesystem::exists(dbPath))
            throw CliError(kExitDatabase, "no database at " + dbPath + "; create one with `taizhang init` or pass --db");
        // A shell command may wait for the sync thread's lock longer than a window may (the
        // interactive bound is in core/database.h); it still ends with a clear message.
        OpenOptions options;
        options.writeWaitMs = 30'000;
        database = std::make_unique<Database>(Database::open(dbPath, options));
    }
    if (mustBeInitialised && !loadSchoolProfile(*database))
        throw CliError(kExitDatabase, "database " + dbPath + " has no school yet; run `taizhang init` first");
    return *database;
}

Date Context::today() const
{
    int offset = kChinaUtcOffsetMinutes;
    if (database)
        if (auto p = loadSchoolProfile(*database)) offset = p->utcOffsetMinutes;
    return localDate(clock.nowUnixMillis(), offset);
}

int runCli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return runCli(args, in, out, err);
}

int runCli(const std::vector<std::string>& argv, std::istream& in, std::ostream& out, std::ostream& err)
{
    try {
        // `taizhang --version` is `taizhang version` (what help2man and people expect). Only as the
        // first argument: `record edit ... --version N` is an option of its own.
        std::vector<std::string> words = argv;
        if (!words.empty() && words.front() == "--version") words.front() = "version";
        Args args = Args::parse(words);
        const auto clock = makeClock();
        std::string dbPath = "taizhang.db";
        if (const char* env = std::getenv("TAIZHANG_DB"); env && *env) dbPath = env;
        if (auto db = args.option("db")) dbPath = *db;
        const bool json = args.flag("json");
        const bool help = args.flag("help");
        if (args.positionals.empty() || args.positionals.front() == "help") {
            printHelp(out);
            return args.positionals.empty() && !help ? kExitUsage : kExitOk;
        }
        const std::string name = args.positionals.front();
        args.positionals.erase(args.positionals.begin());
        for (const auto& c : commands()) {
            if (name != c.name) continue;
            Context ctx{std::move(args), in, out, err, dbPath, json, *clock, nullptr};
            if (help) ctx.args.positionals.insert(ctx.args.positionals.begin(), "help");
            return c.run(ctx);
        }
        err << "taizhang: unknown command '" << name << "'; run `taizhang help` for the list\n";
        return kExitUsage;
    } catch (const CliError& e) {
        err << "taizhang: " << e.what() << "\n";
        return e.exitCode();
    } catch (const RecordNotFound& e) {
        err << "taizhang: " << e.what() << "\n";
        return kExitNotFound;
    } catch (const StaleVersion& e) {
        err << "taizhang: " << e.what() << "\n";
        return kExitConflict;
    } catch (const UserError& e) {
        err << "taizhang: " << e.what() << "\n";
        if (e.code() == "not_found") return kExitNotFound;
        if (e.code() == "duplicate_username") return kExitConflict;
        return kExitInvalid;
    } catch (const DbError& e) {
        err << "taizhang: database error: " << e.what() << "\n";
        return kExitDatabase;
    } catch (const std::exception& e) {
        err << "taizhang: internal error: " << e.what() << "\n";
        return kExitInternal;
    }
}

}  // namespace taizhang::cli
