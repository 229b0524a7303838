// core/platform on this system (POSIX): the private file and transcoding primitives that the
// token vault and the CSV importer build on. The Windows implementation is compile-checked by
// ctest windows_mingw_syntax.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "platform/private_file.h"
#include "platform/transcode.h"
#include "temp_dir.h"

using namespace taizhang;
using taizhang::testing::TempDir;

namespace {
unsigned modeOf(const std::string& path)
{
    struct stat st{};
    EXPECT_EQ(::stat(path.c_str(), &st), 0);
    return st.st_mode & 0777;
}
}  // namespace

TEST(Platform, GIVEN_no_file_WHEN_a_private_file_is_created_THEN_only_the_owner_can_read_it_and_a_second_create_changes_nothing)
{
    TempDir dir;
    const std::string path = dir.file("secret.key");
    ASSERT_TRUE(platform::createPrivateFile(path, "first"));
    EXPECT_EQ(modeOf(path), 0600u);
    EXPECT_FALSE(platform::createPrivateFile(path, "second"));
    EXPECT_EQ(platform::readPrivateFile(path, 64).value(), "first");
}

TEST(Platform, GIVEN_a_key_file_copied_with_a_loose_mode_WHEN_read_THEN_it_is_tightened_to_0600)
{
    TempDir dir;
    const std::string path = dir.file("copied.key");
    std::ofstream(path) << "0123456789";
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                           std::filesystem::perms::group_read | std::filesystem::perms::others_read);
    EXPECT_EQ(modeOf(path), 0644u);
    EXPECT_EQ(platform::readPrivateFile(path, 4).value(), "0123");
    EXPECT_EQ(modeOf(path), 0600u);
    EXPECT_FALSE(platform::readPrivateFile(dir.file("absent.key"), 4).has_value());
}

TEST(Platform, GIVEN_GB18030_text_with_a_broken_byte_WHEN_transcoded_THEN_the_offset_of_the_bad_sequence_is_reported)
{
    const auto gbk = platform::transcode("数学\n语文", "UTF-8", "GB18030");
    ASSERT_EQ(gbk.status, platform::Transcoded::Status::Ok);
    EXPECT_EQ(gbk.bytes.size(), 9u);  // two 2-byte characters, a newline, two more
    EXPECT_EQ(platform::transcode(gbk.bytes, "GB18030", "UTF-8").bytes, "数学\n语文");

    std::string broken = gbk.bytes;
    broken[5] = '\xFF';  // lead byte of 语 replaced by a byte GB18030 never uses
    const auto bad = platform::transcode(broken, "GB18030", "UTF-8");
    EXPECT_EQ(bad.status, platform::Transcoded::Status::InvalidSequence);
    EXPECT_EQ(bad.errorOffset, 5u);
    EXPECT_TRUE(bad.bytes.empty());

    const auto cut = platform::transcode(gbk.bytes.substr(0, 8), "GB18030", "UTF-8");
    EXPECT_EQ(cut.status, platform::Transcoded::Status::IncompleteAtEnd);
    EXPECT_EQ(platform::transcode("x", "UTF-8", "NO-SUCH-ENCODING").status,
              platform::Transcoded::Status::UnsupportedEncoding);
}
