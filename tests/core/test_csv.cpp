#include <gtest/gtest.h>

#include <sstream>

#include "csv.h"

using namespace taizhang;

TEST(Csv, GIVEN_quoted_fields_with_commas_quotes_and_newlines_WHEN_parsed_THEN_fields_and_lines_are_right)
{
    auto doc = parseCsv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\r\n");
    ASSERT_TRUE(doc.problems.empty());
    ASSERT_EQ(doc.rows.size(), 3u);
    EXPECT_EQ(doc.rows[0].line, 1u);
    EXPECT_EQ(doc.rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(doc.rows[1].line, 2u);
    EXPECT_EQ(doc.rows[2].line, 4u);  // the embedded line break moved it down
    EXPECT_EQ(doc.rows[2].fields, (std::vector<std::string>{"last", "", ""}));
}

TEST(Csv, GIVEN_blank_lines_and_no_final_newline_WHEN_parsed_THEN_blank_lines_skipped_and_last_row_kept)
{
    auto doc = parseCsv("a\n\n\nb");
    ASSERT_EQ(doc.rows.size(), 2u);
    EXPECT_EQ(doc.rows[1].line, 4u);
    EXPECT_EQ(doc.rows[1].fields.front(), "b");
}

TEST(Csv, GIVEN_several_malformed_rows_WHEN_parsed_THEN_every_problem_is_reported_with_line_and_column)
{
    auto doc = parseCsv("h1,h2\nok,1\nbad\"quote,2\n\"closed\"junk,3\nfine,4\n\"never closed,5\n");
    ASSERT_EQ(doc.problems.size(), 3u);
    EXPECT_EQ(doc.problems[0].line, 3u);
    EXPECT_EQ(doc.problems[0].column, 1u);
    EXPECT_EQ(doc.problems[1].line, 4u);
    EXPECT_EQ(doc.problems[2].line, 6u);
    ASSERT_EQ(doc.rows.size(), 3u);  // h1, ok, fine
    EXPECT_EQ(doc.rows[2].fields.front(), "fine");
    EXPECT_EQ(doc.rows[2].line, 5u);
}

TEST(Csv, GIVEN_fields_needing_quotes_WHEN_written_THEN_bom_crlf_and_quoting_round_trip)
{
    std::ostringstream out;
    CsvWriter w(out);
    w.row({"班级", "a,b", "say \"x\"", "line1\nline2", " padded"});
    const std::string text = out.str();
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
    auto doc = parseCsv(text.substr(3));
    ASSERT_EQ(doc.rows.size(), 1u);
    EXPECT_EQ(doc.rows[0].fields, (std::vector<std::string>{"班级", "a,b", "say \"x\"", "line1\nline2", " padded"}));
}
