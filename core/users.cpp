#include "users.h"

#include <sodium.h>

#include "uuid.h"

namespace taizhang {

namespace {
constexpr const char* kUserColumns =
    "SELECT id, username, display_name, role, teacher_id, created_at, updated_at, disabled FROM users ";

void ensureSodium()
{
    if (sodium_init() < 0) throw UserError("hash_failed", "libsodium could not be initialised");
}

void checkPassword(std::string_view password)
{
    if (password.size() < kMinPasswordLength)
        throw UserError("weak_password", "a password or PIN needs at least " + std::to_string(kMinPasswordLength) +
                                             " characters");
    if (password.size() > 1024) throw UserError("weak_password", "a password may have at most 1024 characters");
}

void checkUsername(std::string_view name)
{
    if (name.empty() || name.size() > 64)
        throw UserError("invalid_username", "a username needs 1 to 64 characters");
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok)
            throw UserError("invalid_username", "username '" + std::string(name) +
                                                    "' may hold only letters, digits, '.', '_' and '-'");
    }
}

User userFromRow(const Statement& s)
{
    User u;
    u.id = s.text(0);
    u.username = s.text(1);
    u.displayName = s.text(2);
    u.role = roleFromName(s.text(3)).value_or(Role::Teacher);
    u.teacherId = s.optText(4).value_or("");
    u.createdAt = s.text(5);
    u.updatedAt = s.text(6);
    u.disabled = s.int64(7) != 0;
    return u;
}
}  // namespace

std::string_view roleName(Role role) { return role == Role::Admin ? "admin" : "teacher"; }

std::optional<Role> roleFromName(std::string_view name)
{
    if (name == "admin") return Role::Admin;
    if (name == "teacher") return Role::Teacher;
    return std::nullopt;
}

std::string hashPassword(std::string_view password)
{
    ensureSodium();
    checkPassword(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw UserError("hash_failed", "not enough memory to hash the password");
    return out;
}

bool verifyPassword(std::string_view hash, std::string_view password)
{
    ensureSodium();
    const std::string h(hash);  // crypto_pwhash_str_verify needs a NUL-terminated string
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

UserStore::UserStore(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

User UserStore::create(const NewUser& nu, std::string_view password)
{
    checkUsername(nu.username);
    User u;
    u.username = nu.username;
    u.displayName = nu.displayName.empty() ? nu.username : nu.displayName;
    u.role = nu.role;
    u.teacherId = nu.teacherId;
    const std::string hash = hashPassword(password);  // slow: outside the write lock
    auto tx = db_.beginWrite();
    if (find(u.username)) throw UserError("duplicate_username", "a user named '" + u.username + "' already exists");
    const auto now = clock_.nowUnixMillis();
    u.id = newUuidV7(now);
    u.createdAt = u.updatedAt = formatUtcTimestamp(now);
    auto s = db_.prepare("INSERT INTO users(id, username, display_name, role, teacher_id, password_hash, created_at, "
                         "updated_at, disabled) VALUES(?,?,?,?,?,?,?,?,0)");
    s.bind(1, u.id)
        .bind(2, u.username)
        .bind(3, u.displayName)
        .bind(4, roleName(u.role))
        .bind(5, u.teacherId.empty() ? std::optional<std::string>() : u.teacherId)
        .bind(6, hash)
        .bind(7, u.createdAt)
        .bind(8, u.updatedAt)
        .run();
    tx.commit();
    return u;
}

void UserStore::setPassword(std::string_view username, std::string_view password)
{
    const std::string hash = hashPassword(password);
    auto tx = db_.beginWrite();
    auto s = db_.prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?");
    s.bind(1, hash).bind(2, formatUtcTimestamp(clock_.nowUnixMillis())).bind(3, username).run();
    if (db_.changes() == 0) throw UserError("not_found", "no user named '" + std::string(username) + "'");
    tx.commit();
}

void UserStore::setDisabled(std::string_view username, bool disabled)
{
    auto tx = db_.beginWrite();
    auto s = db_.prepare("UPDATE users SET disabled = ?, updated_at = ? WHERE username = ?");
    s.bind(1, disabled ? 1 : 0).bind(2, formatUtcTimestamp(clock_.nowUnixMillis())).bind(3, username).run();
    if (db_.changes() == 0) throw UserError("not_found", "no user named '" + std::string(username) + "'");
    tx.commit();
}

std::vector<User> UserStore::list() const
{
    auto s = db_.prepare(std::string(kUserColumns) + "ORDER BY username");
    std::vector<User> out;
    while (s.step()) out.push_back(userFromRow(s));
    return out;
}

std::optional<User> UserStore::find(std::string_view username) const
{
    auto s = db_.prepare(std::string(kUserColumns) + "WHERE username = ?");
    s.bind(1, username);
    if (!s.step()) return std::nullopt;
    return userFromRow(s);
}

std::optional<User> UserStore::authenticate(std::string_view username, std::string_view password)
{
    auto s = db_.prepare("SELECT password_hash, disabled FROM users WHERE username = ?");
    s.bind(1, username);
    if (!s.step()) {
        // Spend the same effort as for a real account so timing does not reveal which names exist.
        static const std::string dummy = hashPassword("not-a-real-password");
        verifyPassword(dummy, password);
        return std::nullopt;
    }
    const std::string hash = s.text(0);
    const bool disabled = s.int64(1) != 0;
    s.reset();  // release the read before a possible rehash write
    if (!verifyPassword(hash, password) || disabled) return std::nullopt;
    if (crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        setPassword(username, password);
    return find(username);
}

}  // namespace taizhang
