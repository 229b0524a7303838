#include "commands.h"

namespace taizhang::cli {

// The command table. To add a command, write command_<name>.cpp with a run<Name>(Context&),
// declare it (here or in commands.h) and add one line below.
const std::vector<CommandSpec>& commands()
{
    static const std::vector<CommandSpec> table{
        {"init", "create the school database (--demo fills a demo school)", runInit},
        {"class", "add | list | edit | delete classes (班级)", runClass},
        {"teacher", "add | list | edit | delete teachers (教师)", runTeacher},
        {"user", "add | list | passwd | disable | enable local users", runUser},
        {"term", "add | list terms and holidays (学期)", runTerm},
        {"record", "add | edit | delete | list | history of daily records", runRecord},
        {"check", "run the policy checks over a date range", runCheck},
        {"export", "write records or findings to CSV (UTF-8 with BOM)", runExport},
        {"import", "read records from CSV (UTF-8 or GBK), all or nothing", runImport},
        {"version", "print the version", runVersion},
        {"year", "preview | start a new school year: promote, graduate, new classes, terms, timetable drafts", runYear},
        {"data-dictionary", "print the record fields, or --update / --check docs/data-dictionary.md", runDataDictionary},
        {"sync", "send changes to the county (--status, enroll, dead-letters, bundle)", runSync},
    };
    return table;
}

std::string subcommand(Context& ctx, const std::string& command, std::initializer_list<const char*> choices)
{
    std::string list;
    for (const char* c : choices) list += (list.empty() ? "" : " | ") + std::string(c);
    if (ctx.args.positionals.empty() || ctx.args.positionals.front() == "help")
        throw usageError("usage: taizhang " + command + " " + list);
    const std::string word = ctx.args.positionals.front();
    for (const char* c : choices)
        if (word == c) {
            ctx.args.positionals.erase(ctx.args.positionals.begin());
            return word;
        }
    throw usageError("unknown sub-command '" + word + "' of " + command + "; use " + list);
}

}  // namespace taizhang::cli
