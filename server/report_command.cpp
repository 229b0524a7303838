#include <iostream>

#include "commands.h"

namespace taizhang::server {

int runReport(const CliArgs&) { throw UsageError("report is not implemented yet"); }
int runConfigSet(const CliArgs&, const std::string&) { throw UsageError("not implemented yet"); }

}  // namespace taizhang::server
