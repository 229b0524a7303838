#include "crypto.h"

#include <sodium.h>

#include <stdexcept>

#include "uuid.h"

namespace taizhang::server {
namespace {

std::string toHex(const unsigned char* data, std::size_t size)
{
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

void ensureSodium()
{
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string sha256Hex(std::string_view data)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return toHex(digest, sizeof digest);
}

std::string hmacSha256Hex(std::string_view keyHex, std::string_view data)
{
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    std::size_t keyLen = 0;
    if (sodium_hex2bin(key, sizeof key, keyHex.data(), keyHex.size(), nullptr, &keyLen, nullptr) != 0 ||
        keyLen != sizeof key)
        throw std::invalid_argument("HMAC key must be 32 bytes of hex");
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key, sizeof key);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return toHex(mac, sizeof mac);
}

bool constantTimeEquals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string enrollNonceHash(std::string_view nonce)
{
    return sha256Hex("taizhang-enroll-nonce-v1:" + std::string(nonce));
}

namespace {
void nonceKey(std::string_view nonce, unsigned char (&key)[crypto_secretbox_KEYBYTES])
{
    static_assert(crypto_secretbox_KEYBYTES == crypto_hash_sha256_BYTES);
    const std::string text = "taizhang-enroll-token-key-v1:" + std::string(nonce);
    crypto_hash_sha256(key, reinterpret_cast<const unsigned char*>(text.data()), text.size());
}
}  // namespace

std::string sealTokenForNonce(std::string_view token, std::string_view nonce)
{
    ensureSodium();
    unsigned char key[crypto_secretbox_KEYBYTES];
    nonceKey(nonce, key);
    std::string buf(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + token.size(), '\0');
    auto* out = reinterpret_cast<unsigned char*>(buf.data());
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(token.data()),
                          token.size(), out, key);
    sodium_memzero(key, sizeof key);
    return toHex(out, buf.size());
}

std::optional<std::string> openTokenForNonce(std::string_view sealedHex, std::string_view nonce)
{
    std::string buf(sealedHex.size() / 2 + 1, '\0');
    std::size_t len = 0;
    auto* bytes = reinterpret_cast<unsigned char*>(buf.data());
    if (sodium_hex2bin(bytes, buf.size(), sealedHex.data(), sealedHex.size(), nullptr, &len, nullptr) != 0 ||
        len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return std::nullopt;
    unsigned char key[crypto_secretbox_KEYBYTES];
    nonceKey(nonce, key);
    std::string token(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    const int rc = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(token.data()),
                                              bytes + crypto_secretbox_NONCEBYTES, len - crypto_secretbox_NONCEBYTES,
                                              bytes, key);
    sodium_memzero(key, sizeof key);
    if (rc != 0) return std::nullopt;
    return token;
}

std::string newDeviceToken()
{
    ensureSodium();
    return randomHex(32);
}

std::string tokenHash(std::string_view token) { return sha256Hex(token); }

std::string bundleKeyForToken(std::string_view token)
{
    return sha256Hex(std::string("taizhang-bundle-v1:") + std::string(token));
}

std::string newEnrollmentCode()
{
    ensureSodium();
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // 32 symbols
    std::string code;
    for (int i = 0; i < 12; ++i) {
        if (i && i % 4 == 0) code += '-';
        code += alphabet[randombytes_uniform(32)];
    }
    return code;
}

std::string normaliseEnrollmentCode(std::string_view code)
{
    std::string out;
    for (char c : code) {
        if (c == '-' || c == ' ') continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

std::string enrollmentCodeHash(std::string_view code)
{
    return sha256Hex("taizhang-enroll-v1:" + normaliseEnrollmentCode(code));
}

std::optional<std::string> base64Decode(std::string_view text)
{
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                          nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(len);
    return out;
}

std::string base64Encode(std::string_view bytes)
{
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.pop_back();  // terminating NUL
    return out;
}

}  // namespace taizhang::server
