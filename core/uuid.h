#pragma once
// UUIDv7 (RFC 9562): a 48-bit millisecond timestamp then random bits, so ids sort by creation
// time (good index locality) and never collide across devices that work offline.
#include <cstdint>
#include <string>
#include <string_view>

namespace taizhang {

std::string newUuidV7(std::int64_t unixMillis);
// Lower-case canonical 8-4-4-4-12 form of any version.
bool isCanonicalUuid(std::string_view text);

// Random bytes as lower-case hex, from libsodium (tokens, codes, salts).
std::string randomHex(std::size_t bytes);

}  // namespace taizhang
