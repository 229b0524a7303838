#include "token_vault.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

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
    std::string key(crypto_secretbox_KEYBYTES, '\0');
    int fd = ::open(keyFile_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create) {
        // O_EXCL: two processes enrolling at once must not each write a different key.
        fd = ::open(keyFile_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            randombytes_buf(key.data(), key.size());
            const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
            ::close(fd);
            if (!ok) throw std::runtime_error("cannot write the token key file " + keyFile_);
            return key;
        }
        if (errno != EEXIST) throw std::runtime_error("cannot create the token key file " + keyFile_ + ": " + std::strerror(errno));
        fd = ::open(keyFile_.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0)
        throw std::runtime_error("cannot read the token key file " + keyFile_ + " (" + std::strerror(errno) +
                                 "); if the database was copied from another computer, enroll this one again");
    struct stat st{};
    if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) ::fchmod(fd, 0600);  // tighten a copied file
    const ssize_t n = ::read(fd, key.data(), key.size());
    ::close(fd);
    if (n != static_cast<ssize_t>(key.size())) throw std::runtime_error("the token key file " + keyFile_ + " is damaged");
    return key;
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
