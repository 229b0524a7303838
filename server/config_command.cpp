#include <fstream>
#include <iostream>
#include <sstream>

#include "clock.h"
#include "commands.h"
#include "county_admin.h"

namespace taizhang::server {
namespace {

nlohmann::json readJsonFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded()) throw UsageError(path + " is not valid JSON");
    return j;
}

}  // namespace

// overrides set: checked by core (stricter than national only) before anything is stored; the
// normalised form is what GET /v1/config serves. terms set: each term checked by core.
int runConfigSet(const CliArgs& args, const std::string& what)
{
    if (args.words().size() < 2 || args.words()[1] != "set") throw UsageError(what + " expects set --file FILE");
    const auto json = readJsonFile(args.require("file"));
    const CheckedConfig checked = what == "overrides" ? checkOverrides(json) : checkTerms(json);
    if (!checked.problems.empty()) {
        for (const auto& p : checked.problems) std::cerr << "error: " << p.message.en << "\n";
        std::cerr << what << " not changed\n";
        return 1;
    }
    auto storage = storageFromArgs(args);
    storeCountyConfig(*storage, what, checked.value, formatUtcTimestamp(SystemClock::instance().nowUnixMillis()));
    std::cout << what << " updated\n";
    return 0;
}

}  // namespace taizhang::server
