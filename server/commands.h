#pragma once
// taizhang-county's command line: serve plus the county's admin commands.
#include <memory>

#include "cli_args.h"
#include "storage.h"

namespace taizhang::server {

// Entry point of the taizhang-county executable; returns the process exit code.
int runCountyCli(int argc, char** argv);

// --db postgresql://... or --data FILE (default county.db).
std::unique_ptr<Storage> storageFromArgs(const CliArgs& args, int connections = 1);

int runServe(const CliArgs& args);
int runSchool(const CliArgs& args);
int runEnrollCode(const CliArgs& args);
int runDevice(const CliArgs& args);
int runConfigSet(const CliArgs& args, const std::string& what);
int runBundle(const CliArgs& args);
int runReport(const CliArgs& args);
int runStaff(const CliArgs& args);

}  // namespace taizhang::server
