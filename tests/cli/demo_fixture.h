#pragma once
// A demo school created once per test program with `taizhang init --demo`, copied into each
// test's own folder so tests stay independent and fast.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>

#include "cli_runner.h"

namespace taizhang::testing {

class DemoSchoolTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (master_) return;
        master_ = std::make_unique<TempDir>();
        CliRunner runner(*master_);
        const auto r = runner.run({"--db", "demo.db", "init", "--demo"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }

    void SetUp() override
    {
        std::filesystem::copy_file(master_->file("demo.db"), dir.file("school.db"));
    }

    CliResult cli(std::vector<std::string> args, const std::string& stdinText = "")
    {
        args.insert(args.begin(), {"--db", "school.db"});
        return runner.run(args, stdinText);
    }

    // class or teacher name -> id, from the CLI's own JSON listing.
    std::map<std::string, std::string> idsByName(const std::string& kind)
    {
        std::map<std::string, std::string> out;
        for (const auto& r : cli({"--json", kind, "list"}).json()) out[r["body"]["name"]] = r["id"];
        return out;
    }

    std::size_t countRecords(const std::string& kind)
    {
        return cli({"--json", "record", "list", kind}).json().size();
    }

    TempDir dir;
    CliRunner runner{dir};
    static inline std::unique_ptr<TempDir> master_;
};

}  // namespace taizhang::testing
