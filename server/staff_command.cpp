// taizhang-county staff add|list: console accounts. The first administrator is made here, in a
// shell on the server; the password is read without echo from a terminal or as one line from
// standard input (scripts), never from the command line where `ps` would show it.
#include <iostream>

#include "clock.h"
#include "commands.h"
#include "county_admin.h"
#include "platform/terminal.h"
#include "users.h"
#include "uuid.h"

namespace taizhang::server {
namespace {

// One line of standard input, without echo on a terminal (core/platform: termios or the
// Windows console).
std::string readSecretLine()
{
    const bool tty = platform::stdinIsTerminal();
    std::string line;
    const bool got = platform::readLineWithoutEcho(std::cin, line);
    if (tty) std::cerr << "\n";
    if (!got) throw UsageError("no password given on standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::string readPassword()
{
    if (!platform::stdinIsTerminal()) return readSecretLine();
    std::cerr << "密码 / password: " << std::flush;
    const std::string first = readSecretLine();
    std::cerr << "再输入一次 / again: " << std::flush;
    if (readSecretLine() != first) throw UsageError("the two passwords differ (两次输入的密码不一致)");
    return first;
}

}  // namespace

int runStaff(const CliArgs& args)
{
    const auto& w = args.words();
    const std::string sub = w.size() > 1 ? w[1] : "";
    auto storage = storageFromArgs(args);
    if (sub == "add") {
        const std::string username = args.require("username");
        const std::string role = args.require("role");
        if (auto problem = checkStaff(username, role, std::string(kMinStaffPasswordChars, 'x')))
            throw UsageError(problem->en);  // before asking for a password
        const std::string password = readPassword();
        if (auto problem = checkStaff(username, role, password))
            throw UsageError(problem->en + " (" + problem->zh + ")");
        const auto now = SystemClock::instance().nowUnixMillis();
        StaffRow staff{newUuidV7(now), username, args.value("name", username), role, hashPassword(password), false,
                       formatUtcTimestamp(now)};
        try {
            storage->addStaff(staff);
        } catch (const AlreadyExists& e) {
            std::cerr << "error: " << e.what() << "\n";
            return 1;
        }
        storage->appendAudit({staff.createdAt, "", "cli", "staff.add", username, role, "local shell"});
        std::cout << "added " << role << " " << username << "\n";
        return 0;
    }
    if (sub == "list") {
        for (const auto& s : storage->listStaff())
            std::cout << s.username << "\t" << s.role << "\t" << (s.disabled ? "disabled" : "active") << "\t" << s.displayName
                      << "\n";
        return 0;
    }
    throw UsageError("staff expects add or list");
}

}  // namespace taizhang::server
