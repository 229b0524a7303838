#pragma once
// The command line front end: argument parsing, the command table and the exit codes that
// docs/cli.md documents. Output for people goes to `out` (tables) and `err` (errors, in English);
// `--json` switches listings to JSON on `out` for scripts.
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "clock.h"
#include "database.h"
#include "date.h"

namespace taizhang::cli {

// Documented in docs/cli.md; scripts rely on them, so never renumber.
enum ExitCode : int {
    kExitOk = 0,
    kExitFindings = 1,     // `check --fail-on-findings` found something
    kExitUsage = 2,        // unknown command or option, missing or malformed argument
    kExitInvalid = 3,      // the data was refused: validation errors, bad CSV, bad encoding
    kExitDatabase = 4,     // cannot open / newer schema / not initialised / SQLite error
    kExitNotFound = 5,     // no such record, class, teacher, term or user
    kExitConflict = 6,     // edited a stale version, duplicate name, already initialised
    kExitInternal = 70,    // a bug: an unexpected exception
};

class CliError : public std::runtime_error {
public:
    CliError(int exitCode, const std::string& message) : std::runtime_error(message), exitCode_(exitCode) {}
    int exitCode() const { return exitCode_; }

private:
    int exitCode_;
};

inline CliError usageError(const std::string& m) { return CliError(kExitUsage, m); }

// Parsed command line: positionals in order, options (--key value, --key=value, repeatable) and
// flags (--json ...). Options are consumed as commands read them, so leftovers are reported.
class Args {
public:
    static Args parse(const std::vector<std::string>& argv);

    std::vector<std::string> positionals;

    bool flag(const std::string& name);
    std::optional<std::string> option(const std::string& name);
    std::vector<std::string> options(const std::string& name);  // every occurrence
    std::string required(const std::string& name);
    std::optional<int> intOption(const std::string& name);
    std::optional<Date> dateOption(const std::string& name);
    // Every option still unread, in order (record fields are read this way).
    std::vector<std::pair<std::string, std::string>> takeRemainingOptions();
    // Throws a usage error naming any option or flag nobody read, and any extra positional.
    void expectNoMore(std::size_t positionalsUsed);

private:
    std::vector<std::pair<std::string, std::string>> options_;  // in order; consumed ones removed
    std::vector<std::string> flags_;
};

struct Context {
    Args args;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    std::string dbPath;
    bool json = false;
    const Clock& clock;

    // Opens (creating when allowed) the database on first use.
    Database& db(bool mustBeInitialised = true);
    // The school-local day of the clock.
    Date today() const;

    std::unique_ptr<Database> database;
};

using CommandFn = int (*)(Context&);

struct CommandSpec {
    const char* name;     // "record"
    const char* summary;  // one line for `taizhang help`
    CommandFn run;
};

const std::vector<CommandSpec>& commands();

int runCli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);
int runCli(const std::vector<std::string>& argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace taizhang::cli
