#pragma once
// The computer's name (UTF-8), the default device name shown to the county when enrolling.
// POSIX: gethostname. Windows: GetComputerNameW.
#include <string>

namespace taizhang::platform {

// Empty when the system does not say.
std::string computerName();

}  // namespace taizhang::platform
