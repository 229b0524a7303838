#pragma once
// Runs the built `taizhang` binary as a subprocess in a temporary folder, with the clock pinned
// to a school day (TAIZHANG_TODAY), capturing stdout, stderr and the exit code.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "temp_dir.h"

namespace taizhang::testing {

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
    nlohmann::json json() const { return nlohmann::json::parse(out); }
};

inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class CliRunner {
public:
    explicit CliRunner(const TempDir& dir, std::string today = "2026-11-20") : dir_(dir), today_(std::move(today)) {}

    // Arguments are passed verbatim (single-quoted for the shell); stdinText feeds standard input.
    CliResult run(const std::vector<std::string>& args, const std::string& stdinText = "") const
    {
        const std::string in = dir_.file("stdin.txt"), out = dir_.file("stdout.txt"), err = dir_.file("stderr.txt");
        writeFile(in, stdinText);
        std::string cmd = "cd " + quote(dir_.path().string()) + " && env -u TAIZHANG_DB TAIZHANG_TODAY=" + today_ + " " +
                          quote(TAIZHANG_BINARY);
        for (const auto& a : args) cmd += " " + quote(a);
        cmd += " <" + quote(in) + " >" + quote(out) + " 2>" + quote(err);
        const int status = std::system(cmd.c_str());
        CliResult r;
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = readFile(out);
        r.err = readFile(err);
        return r;
    }

private:
    static std::string quote(const std::string& s)
    {
        std::string q = "'";
        for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    }

    const TempDir& dir_;
    std::string today_;
};

}  // namespace taizhang::testing
