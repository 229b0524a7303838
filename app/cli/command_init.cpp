// taizhang init: creates the school database. With --demo it fills the demo school (demo_data.h)
// into a temporary file that is renamed into place only when complete, so a failed or interrupted
// demo never leaves a half-filled database behind.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "demo_data.h"
#include "school.h"
#include "validation.h"
#include "writer.h"

namespace taizhang::cli {

namespace {
void checkProfile(const SchoolProfile& p)
{
    std::string problems;
    for (const auto& issue : validateSchoolProfile(p))
        if (issue.severity == IssueSeverity::Error)
            problems += "\n  " + (issue.field.empty() ? "" : issue.field + ": ") + issue.messageEn + " [" + issue.code + "]";
    if (!problems.empty()) throw CliError(kExitInvalid, "the school profile was refused:" + problems);
}

void removeDatabaseFiles(const std::string& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

// Refuses to touch a database that already holds a school or any data.
void checkEmptyTarget(Context& ctx)
{
    if (!std::filesystem::exists(ctx.dbPath)) return;
    Database& db = ctx.db(false);
    if (auto p = loadSchoolProfile(db))
        throw CliError(kExitConflict, ctx.dbPath + " already holds the school " + p->name + " (" + p->code + ")");
    auto s = db.prepare("SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM users)");
    s.step();
    if (s.int64(0) != 0) throw CliError(kExitConflict, ctx.dbPath + " already holds data; choose a new --db path");
}
}  // namespace

int runInit(Context& ctx)
{
    const bool demo = ctx.args.flag("demo");
    SchoolProfile profile = demo ? demoSchoolProfile() : SchoolProfile{};
    if (auto v = ctx.args.option("code")) profile.code = *v;
    if (auto v = ctx.args.option("name")) profile.name = *v;
    if (auto v = ctx.args.option("county")) profile.countyCode = *v;
    if (auto v = ctx.args.option("type")) profile.type = *v;
    if (!demo && (profile.code.empty() || profile.name.empty() || profile.countyCode.empty() || profile.type.empty()))
        throw usageError("init needs --code (10 digits) --name --county (6 digits) --type primary|junior|nine_year, "
                         "or --demo");
    checkProfile(profile);
    std::optional<Term> term;
    if (auto name = ctx.args.option("term-name")) {
        std::vector<std::string> v{"--name", *name, "--start", ctx.args.required("term-start"), "--end",
                                   ctx.args.required("term-end")};
        for (const auto& h : ctx.args.options("holiday")) {
            v.push_back("--holiday");
            v.push_back(h);
        }
        Args termArgs = Args::parse(v);
        term = termFromArgs(termArgs);
    }
    DemoOptions demoOptions;
    demoOptions.classes = ctx.args.intOption("classes").value_or(demoOptions.classes);
    demoOptions.schoolYears = ctx.args.intOption("years").value_or(demoOptions.schoolYears);
    if (auto seed = ctx.args.intOption("seed")) demoOptions.seed = static_cast<std::uint64_t>(*seed);
    if (demoOptions.classes < 1 || demoOptions.classes > 200) throw usageError("--classes must be 1-200");
    if (demoOptions.schoolYears < 1 || demoOptions.schoolYears > 10) throw usageError("--years must be 1-10");
    ctx.args.expectNoMore(0);
    checkEmptyTarget(ctx);

    if (!demo) {
        Database& db = ctx.db(false);
        {
            auto tx = db.beginWrite();
            saveSchoolProfile(db, profile);
            tx.commit();
        }
        ensureDeviceId(db, ctx.clock);
        ctx.out << "initialised " << ctx.dbPath << " for " << profile.name << " (" << profile.code << ")\n";
        if (term) {
            Writer writer(db, ctx.clock, "cli");
            const auto result = writer.save(Kind::Term, Json(*term));
            printIssues(ctx.err, result.issues);
            if (!result.ok()) return kExitInvalid;
            ctx.out << "added term " << term->name << "\n";
        }
        return kExitOk;
    }

    ctx.database.reset();
    const std::string temp = ctx.dbPath + ".init-tmp";
    removeDatabaseFiles(temp);
    DemoSummary summary;
    try {
        Database db = Database::open(temp);
        // The demo term is 2026-09-01..2027-01-15. On a machine whose clock is before it, the
        // demo is written as of the term's last day (validation refuses days in the future).
        const ManualClock termEndClock(unixMillisAt(demoTermEnd(), 18));
        const bool clockBeforeTerm = ctx.today() < demoTermStart();
        const Clock& clock = clockBeforeTerm ? static_cast<const Clock&>(termEndClock) : ctx.clock;
        if (clockBeforeTerm)
            ctx.err << "note: the clock is before the demo term; the demo data is dated as of "
                    << demoTermEnd().toString() << "\n";
        Writer writer(db, clock, "demo");
        summary = createDemoSchool(db, clock, demoOptions, [&](const std::vector<NewRecord>& batch) {
            auto result = writer.saveMany(batch);
            if (!result.ok()) {
                printIssues(ctx.err, result.issues, "demo data: ");
                throw CliError(kExitInvalid, "the demo data was refused by validation (a bug in demo_data.cpp)");
            }
            return result.records;
        });
        if (profile.code != summary.school.code || profile.name != summary.school.name) {
            auto tx = db.beginWrite();
            saveSchoolProfile(db, profile);
            tx.commit();
        }
    } catch (...) {
        removeDatabaseFiles(temp);
        throw;
    }
    removeDatabaseFiles(ctx.dbPath);
    std::filesystem::rename(temp, ctx.dbPath);
    ctx.out << "initialised " << ctx.dbPath << " with the demo school " << profile.name << " (" << profile.code
            << "), data up to " << summary.today.toString() << ":\n";
    for (const auto& [kind, count] : summary.counts) ctx.out << "  " << kind << ": " << count << "\n";
    return kExitOk;
}

}  // namespace taizhang::cli
