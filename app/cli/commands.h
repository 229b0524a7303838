#pragma once
// One function per top-level command (each in its own command_*.cpp), plus helpers several
// commands share. The table of commands is in commands.cpp.
#include <string>

#include "cli.h"
#include "records.h"

namespace taizhang::cli {

int runInit(Context& ctx);
int runClass(Context& ctx);
int runTeacher(Context& ctx);
int runUser(Context& ctx);
int runTerm(Context& ctx);
int runRecord(Context& ctx);
int runCheck(Context& ctx);
int runExport(Context& ctx);
int runImport(Context& ctx);
int runVersion(Context& ctx);
int runDataDictionary(Context& ctx);  // the field tables of docs/data-dictionary.md
int runSync(Context& ctx);  // command_sync.cpp (the sync helper's)
int runYear(Context& ctx);  // command_year.cpp: new school year
// teacher leave|rejoin NAME --date D (command_year.cpp).
int moveTeacher(Context& ctx, const std::string& sub, const std::string& who);

// Generic record operations (record_ops.cpp) used by `record`, `class` and `teacher`.
int addRecord(Context& ctx, Kind kind);
int listRecords(Context& ctx, Kind kind);
int editRecord(Context& ctx, Kind kind, const std::string& idOrName);
int deleteRecord(Context& ctx, Kind kind, const std::string& idOrName);
int showHistory(Context& ctx, const std::string& id);

// A term from --name/--start/--end/--holiday NAME:START:END options (command_term.cpp).
Term termFromArgs(Args& args, const std::string& prefix = "");
// The sub-command word at positionals[0], or a usage error listing the choices.
std::string subcommand(Context& ctx, const std::string& command, std::initializer_list<const char*> choices);

}  // namespace taizhang::cli
