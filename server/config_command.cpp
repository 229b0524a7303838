#include <fstream>
#include <iostream>
#include <sstream>

#include "clock.h"
#include "commands.h"
#include "day_summary.h"
#include "policy_overrides.h"
#include "validation.h"

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
    std::string value;
    if (what == "overrides") {
        const auto parsed = parseCountyOverrides(json);
        if (!parsed.ok()) {
            for (const auto& e : parsed.errors) std::cerr << "error: " << e.field << ": " << e.messageEn << "\n";
            std::cerr << "overrides not changed\n";
            return 1;
        }
        value = toJson(parsed.overrides).dump();
    } else {
        if (!json.is_array()) throw UsageError("terms file must hold a JSON array of terms");
        int errors = 0;
        for (std::size_t i = 0; i < json.size(); ++i) {
            ValidationContext ctx;
            ctx.checkReferences = false;
            for (const auto& issue : validateBody(Kind::Term, json[i], ctx)) {
                if (issue.severity != IssueSeverity::Error) continue;
                std::cerr << "error: term " << i + 1 << ": " << issue.code << ": " << issue.messageEn << "\n";
                ++errors;
            }
        }
        if (errors) {
            std::cerr << "terms not changed\n";
            return 1;
        }
        value = json.dump();
    }
    auto storage = storageFromArgs(args);
    const auto at = formatUtcTimestamp(SystemClock::instance().nowUnixMillis());
    storage->setConfigValue(what, value, at);
    // The daily findings of every school depend on both; the marker makes a later start finish
    // the rebuild if this one is interrupted.
    storage->setConfigValue(kSummariesConfigKey, "rebuild", at);
    rebuildDaySummariesIfPending(*storage);
    std::cout << what << " updated\n";
    return 0;
}

}  // namespace taizhang::server
