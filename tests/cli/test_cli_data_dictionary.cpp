// docs/data-dictionary.md's field tables are generated from core's kind table: the committed file
// must equal what `taizhang data-dictionary` generates, and a stale copy is found and rewritten.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "cli_runner.h"

using namespace taizhang::testing;

namespace {
const std::string kDoc = std::string(TAIZHANG_SOURCE_DIR) + "/docs/data-dictionary.md";

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct DataDictionary : ::testing::Test {
    TempDir dir;
    CliRunner runner{dir};
};
}  // namespace

TEST_F(DataDictionary, GIVEN_the_committed_document_WHEN_checked_against_core_kind_table_THEN_it_is_up_to_date)
{
    const auto r = runner.run({"data-dictionary", "--check", kDoc});
    EXPECT_EQ(r.exitCode, 0) << r.err << "\nrun: build/bin/taizhang data-dictionary --update docs/data-dictionary.md";
}

TEST_F(DataDictionary, GIVEN_a_copy_with_a_stale_row_WHEN_checked_then_updated_THEN_refused_then_equal_to_the_committed)
{
    std::string text = slurp(kDoc);
    const std::string row = "| `minutes` | integer | yes | min, 0-240 |";
    const auto at = text.find(row);
    ASSERT_NE(at, std::string::npos) << "the homework minutes row is generated with its range";
    text.replace(at, row.size(), "| `minutes` | integer | yes | min, 0-300 |");
    const std::string copy = dir.file("dd.md");
    std::ofstream(copy, std::ios::binary) << text;

    const auto check = runner.run({"data-dictionary", "--check", copy});
    EXPECT_EQ(check.exitCode, 3);
    EXPECT_NE(check.err.find("out of date"), std::string::npos) << check.err;
    const auto update = runner.run({"data-dictionary", "--update", copy});
    ASSERT_EQ(update.exitCode, 0) << update.err;
    EXPECT_EQ(slurp(copy), slurp(kDoc));
}

TEST_F(DataDictionary, GIVEN_a_document_missing_a_kinds_block_WHEN_checked_THEN_refused_naming_the_kind)
{
    std::string text = slurp(kDoc);
    const std::string marker = "<!-- kind-table: sleep -->";
    const auto at = text.find(marker);
    ASSERT_NE(at, std::string::npos);
    text.erase(at, marker.size());
    const std::string copy = dir.file("dd.md");
    std::ofstream(copy, std::ios::binary) << text;
    const auto r = runner.run({"data-dictionary", "--check", copy});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("kind sleep"), std::string::npos) << r.err;
}

TEST_F(DataDictionary, GIVEN_no_file_WHEN_run_THEN_every_kind_is_printed_with_its_CSV_headers)
{
    const auto r = runner.run({"data-dictionary"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* kind : {"class", "teacher", "term", "subject", "homework", "sleep", "activity", "timetable", "training"})
        EXPECT_NE(r.out.find(std::string("### `") + kind + "`"), std::string::npos) << kind;
    EXPECT_NE(r.out.find("时长, 分钟, 预计时长; `minutes`"), std::string::npos) << r.out;
}
