#pragma once
// Local accounts of one installation (never synced): administrators and teachers. A password or
// PIN is kept only as an Argon2id hash string from libsodium (crypto_pwhash_str), which embeds its
// own salt and cost parameters; clear text is never stored or logged.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "clock.h"
#include "database.h"

namespace taizhang {

enum class Role { Admin, Teacher };
std::string_view roleName(Role role);            // "admin" | "teacher"
std::optional<Role> roleFromName(std::string_view name);

struct User {
    std::string id;  // UUIDv7
    std::string username;
    std::string displayName;
    Role role = Role::Teacher;
    std::string teacherId;  // the teacher record this account belongs to, "" if none
    std::string createdAt;
    std::string updatedAt;
    bool disabled = false;
};

struct NewUser {
    std::string username;     // 1-64 characters: letters, digits, '.', '_', '-'
    std::string displayName;  // shown in the UI; defaults to the username
    Role role = Role::Teacher;
    std::string teacherId;
};

class UserError : public std::runtime_error {
public:
    // code: invalid_username | duplicate_username | weak_password | not_found | hash_failed
    UserError(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

// Minimum length of a password; a 6-digit PIN is the shortest accepted secret.
inline constexpr std::size_t kMinPasswordLength = 6;

// Argon2id with libsodium's "interactive" limits (2 passes, 64 MiB): about 0.1-0.3 s on an old
// office PC, acceptable at log-in and far too slow for guessing at scale.
std::string hashPassword(std::string_view password);
bool verifyPassword(std::string_view hash, std::string_view password);

class UserStore {
public:
    UserStore(Database& db, const Clock& clock);

    // Each write is one transaction.
    User create(const NewUser& user, std::string_view password);
    void setPassword(std::string_view username, std::string_view password);
    void setDisabled(std::string_view username, bool disabled);

    std::vector<User> list() const;
    std::optional<User> find(std::string_view username) const;
    // The user if the account exists, is enabled and the password matches; rehashes a hash made
    // with older cost parameters.
    std::optional<User> authenticate(std::string_view username, std::string_view password);

private:
    Database& db_;
    const Clock& clock_;
};

}  // namespace taizhang
