#include <gtest/gtest.h>

#include "temp_dir.h"
#include "users.h"

using namespace taizhang;

namespace {
struct UsersFixture : ::testing::Test {
    taizhang::testing::TempDir dir;
    Database db = Database::open(dir.file("users.db"));
    ManualClock clock{unixMillisAt(*Date::parse("2026-09-01"))};
    UserStore users{db, clock};
};
}  // namespace

TEST_F(UsersFixture, GIVEN_new_user_WHEN_created_THEN_only_an_argon2id_hash_is_stored_and_password_verifies)
{
    users.create({"wang.li", "王丽", Role::Teacher, ""}, "secret-123");
    auto s = db.prepare("SELECT password_hash FROM users WHERE username = 'wang.li'");
    ASSERT_TRUE(s.step());
    const std::string hash = s.text(0);
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    EXPECT_EQ(hash.find("secret-123"), std::string::npos);
    EXPECT_TRUE(users.authenticate("wang.li", "secret-123").has_value());
    EXPECT_FALSE(users.authenticate("wang.li", "secret-124").has_value());
    EXPECT_FALSE(users.authenticate("nobody", "secret-123").has_value());
}

TEST_F(UsersFixture, GIVEN_existing_username_WHEN_created_again_THEN_duplicate_error_and_one_row)
{
    users.create({"admin", "", Role::Admin, ""}, "123456");
    try {
        users.create({"admin", "", Role::Teacher, ""}, "654321");
        FAIL();
    } catch (const UserError& e) {
        EXPECT_EQ(e.code(), "duplicate_username");
    }
    EXPECT_EQ(users.list().size(), 1u);
    EXPECT_EQ(users.list().front().role, Role::Admin);
}

TEST_F(UsersFixture, GIVEN_short_password_or_bad_username_WHEN_created_THEN_refused_and_nothing_written)
{
    EXPECT_THROW(users.create({"li", "", Role::Teacher, ""}, "12345"), UserError);
    EXPECT_THROW(users.create({"li si", "", Role::Teacher, ""}, "123456"), UserError);
    EXPECT_TRUE(users.list().empty());
}

TEST_F(UsersFixture, GIVEN_user_WHEN_password_changed_THEN_old_fails_and_new_works)
{
    users.create({"zhao", "", Role::Teacher, "t-1"}, "first-pass");
    users.setPassword("zhao", "second-pass");
    EXPECT_FALSE(users.authenticate("zhao", "first-pass"));
    auto u = users.authenticate("zhao", "second-pass");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->teacherId, "t-1");
    EXPECT_THROW(users.setPassword("ghost", "whatever1"), UserError);
}

TEST_F(UsersFixture, GIVEN_disabled_user_WHEN_authenticating_with_right_password_THEN_refused)
{
    users.create({"qian", "", Role::Teacher, ""}, "right-pass");
    users.setDisabled("qian", true);
    EXPECT_FALSE(users.authenticate("qian", "right-pass"));
    EXPECT_TRUE(users.find("qian")->disabled);
    users.setDisabled("qian", false);
    EXPECT_TRUE(users.authenticate("qian", "right-pass"));
}
