#pragma once
// Keeps the device token in the database file without ever storing it in clear.
//
// Threat model (docs/sync-protocol.md, "Client security: the device token"; the county side is
// docs/server.md, "Security"): the database file travels: it is backed up to USB sticks,
// copied for support, restored by 还原卡 images. A copy of the file alone must not let anyone
// push data as this school. So the token is sealed with libsodium crypto_secretbox
// (XSalsa20-Poly1305) under a 32-byte per-installation key kept in a separate file beside the
// database ("<db>.key", created with mode 0600, never inside the database). Someone who holds
// both files AND can run code as the user can use the token; that is the same power as using the
// client itself, and the county can revoke the device. The token is never logged or printed.
#include <string>

namespace taizhang::sync {

class TokenVault {
public:
    // keyFile is created (0600, O_EXCL) on first use if it does not exist.
    explicit TokenVault(std::string keyFile);
    static std::string keyFileFor(const std::string& databasePath) { return databasePath + ".key"; }

    // Makes sure a complete key file exists (created atomically: temp file, fsync, link, 0600).
    // Enrollment calls it BEFORE it spends the one-time code, so no crash or full disk after
    // the county's answer can leave the token with nowhere to be sealed. A key file that is
    // empty or short (a crash of an older version between create and write) cannot have sealed
    // anything and is replaced.
    void ensureKey() const { loadOrCreateKey(true); }
    // hex(nonce || secretbox(token)); a fresh random nonce each time.
    std::string seal(const std::string& token) const;
    // Throws std::runtime_error with a clear message if the key is missing or does not open it.
    std::string open(const std::string& sealed) const;

private:
    std::string loadOrCreateKey(bool create) const;
    std::string keyFile_;
};

// Constant-time comparison helpers and hashing for the bundle HMAC live with the bundle code.

}  // namespace taizhang::sync
