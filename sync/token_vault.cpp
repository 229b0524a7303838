#include "token_vault.h"

#include "private_file.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "platform/private_file.h"

namespace taizhang::sync {

namespace {
void ensureSodium()
{
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string toHex(const unsigned char* data, std::size_t n)
{
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}
}  // namespace

TokenVault::TokenVault(std::string keyFile) : keyFile_(std::move(keyFile)) { ensureSodium(); }

std::string TokenVault::loadOrCreateKey(bool create) const
{
    auto existing = platform::readPrivateFile(keyFile_, crypto_secretbox_KEYBYTES + 1);
    if (!existing && create) {
        std::string key(crypto_secretbox_KEYBYTES, '\0');
        randombytes_buf(key.data(), key.size());
        // Exclusive create: two processes enrolling at once must not each write a different key;
        // the loser reads the winner's.
        if (platform::createPrivateFile(keyFile_, key)) return key;
        existing = platform::readPrivateFile(keyFile_, crypto_secretbox_KEYBYTES + 1);
    }
    if (!existing)
        throw std::runtime_error("cannot read the token key file " + keyFile_ +
                                 " (it does not exist); if the database was copied from another computer, enroll this "
                                 "one again");
    if (existing->size() < crypto_secretbox_KEYBYTES && create) {
        // Short or empty: left by a crash between creating and writing it. No token can have been
        // sealed under a partial key (sealing needs all of it), so a fresh key loses nothing.
        std::string key(crypto_secretbox_KEYBYTES, '\0');
        randombytes_buf(key.data(), key.size());
        writeFileAtomically(keyFile_, key, IfExists::Replace);
        return key;
    }
    if (existing->size() != crypto_secretbox_KEYBYTES)
        throw std::runtime_error("the token key file " + keyFile_ + " is damaged");
    return *existing;
}

std::string TokenVault::seal(const std::string& token) const
{
    const std::string key = loadOrCreateKey(true);
    std::vector<unsigned char> buf(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + token.size());
    randombytes_buf(buf.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(buf.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(token.data()),
                          token.size(), buf.data(), reinterpret_cast<const unsigned char*>(key.data()));
    return toHex(buf.data(), buf.size());
}

std::string TokenVault::open(const std::string& sealed) const
{
    const std::string key = loadOrCreateKey(false);
    std::vector<unsigned char> buf(sealed.size() / 2 + 1);
    std::size_t len = 0;
    if (sodium_hex2bin(buf.data(), buf.size(), sealed.data(), sealed.size(), nullptr, &len, nullptr) != 0 ||
        len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        throw std::runtime_error("the stored device token is damaged; enroll this device again");
    std::string token(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(token.data()), buf.data() + crypto_secretbox_NONCEBYTES,
                                   len - crypto_secretbox_NONCEBYTES, buf.data(),
                                   reinterpret_cast<const unsigned char*>(key.data())) != 0)
        throw std::runtime_error("the device token cannot be opened with " + keyFile_ +
                                 " (the database and its key file do not belong together); enroll this device again");
    return token;
}

}  // namespace taizhang::sync
