#include <algorithm>
#include <cstdint>
#include <set>

#include "cli.h"
#include "typed_text.h"

namespace taizhang::cli {

namespace {
// Options that take no value. Every other --name takes the next argument (or =value).
const std::set<std::string> kFlags{"json", "demo", "fail-on-findings", "help", "include-deleted", "dry-run",
                                   "password-stdin", "part-time", "enable", "bom", "no-bom",
                                   "status", "quiet", "all"};  // status/quiet/all: `taizhang sync`
}

Args Args::parse(const std::vector<std::string>& argv)
{
    Args a;
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& t = argv[i];
        if (onlyPositionals || t.size() < 3 || t.rfind("--", 0) != 0) {
            if (t == "--") {
                onlyPositionals = true;
                continue;
            }
            a.positionals.push_back(t);
            continue;
        }
        std::string name = t.substr(2);
        if (auto eq = name.find('='); eq != std::string::npos) {
            a.options_.emplace_back(name.substr(0, eq), name.substr(eq + 1));
        } else if (kFlags.count(name)) {
            a.flags_.push_back(name);
        } else {
            if (i + 1 >= argv.size()) throw usageError("option --" + name + " needs a value");
            a.options_.emplace_back(name, argv[++i]);
        }
    }
    return a;
}

bool Args::flag(const std::string& name)
{
    auto it = std::find(flags_.begin(), flags_.end(), name);
    if (it == flags_.end()) return false;
    flags_.erase(std::remove(flags_.begin(), flags_.end(), name), flags_.end());
    return true;
}

std::optional<std::string> Args::option(const std::string& name)
{
    auto all = options(name);
    if (all.empty()) return std::nullopt;
    if (all.size() > 1) throw usageError("option --" + name + " given more than once");
    return all.front();
}

std::vector<std::string> Args::options(const std::string& name)
{
    std::vector<std::string> out;
    for (auto it = options_.begin(); it != options_.end();) {
        if (it->first == name) {
            out.push_back(it->second);
            it = options_.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

std::string Args::required(const std::string& name)
{
    auto v = option(name);
    if (!v || v->empty()) throw usageError("missing required option --" + name);
    return *v;
}

std::optional<int> Args::intOption(const std::string& name)
{
    auto v = option(name);
    if (!v) return std::nullopt;
    if (auto n = parseTypedInteger(*v); n && *n >= INT32_MIN && *n <= INT32_MAX) return static_cast<int>(*n);
    throw usageError("option --" + name + " needs a whole number, got '" + *v + "'");
}

std::optional<Date> Args::dateOption(const std::string& name)
{
    auto v = option(name);
    if (!v) return std::nullopt;
    auto d = parseTypedDate(*v);
    if (!d) throw usageError("option --" + name + " needs a date as YYYY-MM-DD (also 2026/9/1, 2026年9月1日), got '" + *v + "'");
    return d;
}

std::vector<std::pair<std::string, std::string>> Args::takeRemainingOptions()
{
    auto out = std::move(options_);
    options_.clear();
    return out;
}

void Args::expectNoMore(std::size_t positionalsUsed)
{
    if (!flags_.empty()) throw usageError("unknown or misplaced flag --" + flags_.front());
    if (!options_.empty()) throw usageError("unknown option --" + options_.front().first);
    if (positionals.size() > positionalsUsed)
        throw usageError("unexpected argument '" + positionals[positionalsUsed] + "'");
}

}  // namespace taizhang::cli
