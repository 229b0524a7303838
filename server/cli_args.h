#pragma once
// Minimal "word word --key value --flag" parsing for taizhang-county's admin commands.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace taizhang::server {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CliArgs {
public:
    CliArgs(int argc, char** argv, int first);
    const std::vector<std::string>& words() const { return words_; }
    std::optional<std::string> get(const std::string& key) const;
    std::string require(const std::string& key) const;  // UsageError when missing
    std::string value(const std::string& key, const std::string& fallback) const;
    long long integer(const std::string& key, long long fallback) const;
    bool flag(const std::string& key) const { return flags_.count(key) > 0; }

private:
    std::vector<std::string> words_;
    std::map<std::string, std::string> options_;
    std::map<std::string, bool> flags_;
};

}  // namespace taizhang::server
