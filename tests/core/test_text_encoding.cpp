#include <gtest/gtest.h>

#include "text_encoding.h"

using namespace taizhang;

namespace {
// "三年级1班,数学" in GBK, written as bytes so the test does not depend on iconv to build input.
const std::string kGbkClassMath = "\xC8\xFD\xC4\xEA\xBC\xB6" "1" "\xB0\xE0,\xCA\xFD\xD1\xA7";
}  // namespace

TEST(TextEncoding, GIVEN_plain_utf8_WHEN_decoded_THEN_unchanged_and_reported_as_utf8)
{
    auto d = decodeToUtf8("三年级1班,数学\n");
    EXPECT_EQ(d.utf8, "三年级1班,数学\n");
    EXPECT_EQ(d.detected, TextEncoding::Utf8);
}

TEST(TextEncoding, GIVEN_utf8_with_bom_WHEN_decoded_THEN_bom_is_stripped)
{
    auto d = decodeToUtf8("\xEF\xBB\xBF" "语文,10");
    EXPECT_EQ(d.utf8, "语文,10");
    EXPECT_EQ(d.detected, TextEncoding::Utf8Bom);
}

TEST(TextEncoding, GIVEN_gbk_bytes_WHEN_decoded_THEN_utf8_chinese_text)
{
    auto d = decodeToUtf8(kGbkClassMath);
    EXPECT_EQ(d.utf8, "三年级1班,数学");
    EXPECT_EQ(d.detected, TextEncoding::Gb18030);
}

TEST(TextEncoding, GIVEN_utf8_text_WHEN_converted_to_gb18030_and_back_THEN_round_trips)
{
    const std::string gbk = convertEncoding("三年级1班,数学", "UTF-8", "GB18030");
    EXPECT_EQ(gbk, kGbkClassMath);
    EXPECT_EQ(convertEncoding(gbk, "GB18030", "UTF-8"), "三年级1班,数学");
}

TEST(TextEncoding, GIVEN_bom_followed_by_gbk_WHEN_decoded_THEN_error_names_line_and_byte)
{
    try {
        decodeToUtf8("\xEF\xBB\xBF" "a,b\n" + kGbkClassMath);
        FAIL() << "expected TextEncodingError";
    } catch (const TextEncodingError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_EQ(e.byteOffset(), 7u);
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos);
    }
}

TEST(TextEncoding, GIVEN_truncated_gbk_sequence_WHEN_decoded_THEN_error_on_its_line)
{
    try {
        decodeToUtf8("a\nb\n\xC8");
        FAIL() << "expected TextEncodingError";
    } catch (const TextEncodingError& e) {
        EXPECT_EQ(e.line(), 3u);
    }
}

TEST(TextEncoding, GIVEN_overlong_and_surrogate_sequences_WHEN_validated_THEN_rejected)
{
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // UTF-16 surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_TRUE(isValidUtf8("\xF0\x9F\x93\x9A"));   // U+1F4DA
    EXPECT_EQ(firstInvalidUtf8("ab\xFF"), 2u);
}

TEST(TextEncoding, GIVEN_utf16le_with_bom_WHEN_decoded_THEN_utf8)
{
    auto d = decodeToUtf8(std::string("\xFF\xFE" "a\0,\0", 6));
    EXPECT_EQ(d.utf8, "a,");
    EXPECT_EQ(d.detected, TextEncoding::Utf16Le);
}
