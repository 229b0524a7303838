#include <iostream>

#include "commands.h"

namespace taizhang::server {

int runBundle(const CliArgs&) { throw UsageError("bundle import is not implemented yet"); }

}  // namespace taizhang::server
