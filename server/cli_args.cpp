#include "cli_args.h"

namespace taizhang::server {

CliArgs::CliArgs(int argc, char** argv, int first)
{
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) == 0) {
            const auto eq = arg.find('=');
            if (eq != std::string::npos) {
                options_[arg.substr(2, eq - 2)] = arg.substr(eq + 1);
            } else if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) {
                options_[arg.substr(2)] = argv[++i];
            } else {
                flags_[arg.substr(2)] = true;
            }
        } else {
            words_.push_back(arg);
        }
    }
}

std::optional<std::string> CliArgs::get(const std::string& key) const
{
    auto it = options_.find(key);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::string CliArgs::require(const std::string& key) const
{
    auto v = get(key);
    if (!v) throw UsageError("missing --" + key);
    return *v;
}

std::string CliArgs::value(const std::string& key, const std::string& fallback) const
{
    return get(key).value_or(fallback);
}

long long CliArgs::integer(const std::string& key, long long fallback) const
{
    auto v = get(key);
    if (!v) return fallback;
    try {
        std::size_t used = 0;
        long long n = std::stoll(*v, &used);
        if (used != v->size()) throw std::invalid_argument("trailing");
        return n;
    } catch (const std::exception&) {
        throw UsageError("--" + key + " expects an integer, got '" + *v + "'");
    }
}

}  // namespace taizhang::server
