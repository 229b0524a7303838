#pragma once
// Small libsodium wrappers: token generation, hashing for storage, HMAC for offline bundles.
#include <optional>
#include <string>
#include <string_view>

namespace taizhang::server {

std::string sha256Hex(std::string_view data);
// HMAC-SHA256 with a 32-byte key given as 64 hex characters.
std::string hmacSha256Hex(std::string_view keyHex, std::string_view data);
// Constant-time comparison of two equal-length strings (false when lengths differ).
bool constantTimeEquals(std::string_view a, std::string_view b);

// 32 random bytes as 64 lower-case hex characters.
std::string newDeviceToken();
std::string tokenHash(std::string_view token);
std::string bundleKeyForToken(std::string_view token);

// "K7Q2-9XMD-4HTP": 12 characters from an alphabet without 0/O/1/I, about 60 bits.
std::string newEnrollmentCode();
// Upper-cases and drops '-' and spaces so that what a person types matches what was issued.
std::string normaliseEnrollmentCode(std::string_view code);
std::string enrollmentCodeHash(std::string_view code);

// Enrollment retry (docs/sync-protocol.md, POST /v1/enroll): the client's nonce is kept only as
// a hash, and the token of the first answer only sealed (crypto_secretbox) under a key derived
// from the nonce, so only the client that chose the nonce can have the same answer again.
std::string enrollNonceHash(std::string_view nonce);
std::string sealTokenForNonce(std::string_view token, std::string_view nonce);
std::optional<std::string> openTokenForNonce(std::string_view sealedHex, std::string_view nonce);

std::optional<std::string> base64Decode(std::string_view text);
std::string base64Encode(std::string_view bytes);

}  // namespace taizhang::server
