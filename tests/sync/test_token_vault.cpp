// The device token is stored sealed under a 0600 key file, never in clear.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "sync_state.h"
#include "temp_dir.h"
#include "token_vault.h"

using namespace taizhang;
using namespace taizhang::sync;
using taizhang::testing::TempDir;

TEST(TokenVault, GIVEN_a_token_WHEN_sealed_into_the_database_THEN_the_file_never_contains_it_and_it_opens_again)
{
    TempDir dir;
    const std::string dbPath = dir.file("school.db");
    const std::string token = "4f3c2b1a0f9e8d7c6b5a49382716050403020100ffeeddccbbaa998877665544";
    {
        Database db = Database::open(dbPath);
        TokenVault vault(TokenVault::keyFileFor(dbPath));
        SyncSettings s;
        s.serverUrl = "https://county.example";
        s.deviceId = "dev";
        s.sealedToken = vault.seal(token);
        EXPECT_EQ(s.sealedToken.find(token), std::string::npos);
        saveSyncSettings(db, s);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::ifstream in(dbPath, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(bytes.str().find(token), std::string::npos);

    struct stat st{};
    ASSERT_EQ(::stat(TokenVault::keyFileFor(dbPath).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);

    Database db = Database::open(dbPath);
    EXPECT_EQ(TokenVault(TokenVault::keyFileFor(dbPath)).open(loadSyncSettings(db).sealedToken), token);
}

TEST(TokenVault, GIVEN_a_database_copied_without_its_key_file_WHEN_opened_THEN_a_clear_error_and_no_token)
{
    TempDir dir;
    TokenVault vault(dir.file("a.db.key"));
    const auto sealed = vault.seal("secret-token");
    TokenVault other(dir.file("b.db.key"));
    other.seal("x");  // creates a different key
    try {
        other.open(sealed);
        FAIL() << "opened with the wrong key";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("enroll this device again"), std::string::npos);
    }
    TokenVault missing(dir.file("c.db.key"));
    EXPECT_THROW(missing.open(sealed), std::runtime_error);
}
