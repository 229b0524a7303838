#include "uuid.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace taizhang {

namespace {
void ensureSodium()
{
    static const int rc = sodium_init();
    if (rc < 0) throw std::runtime_error("libsodium failed to initialise");
}
constexpr char kHex[] = "0123456789abcdef";
}  // namespace

std::string newUuidV7(std::int64_t unixMillis)
{
    ensureSodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    const auto ts = static_cast<std::uint64_t>(unixMillis);
    // RFC 9562 section 6.2, method 1: ids made in the same millisecond by this process take a
    // 42-bit counter (rand_a and the top of rand_b), seeded at random with its top bit clear, so
    // a bulk write inserts ascending keys (B-tree appends instead of random page splits) and
    // the ids still sort by creation. The low 32 bits stay random.
    {
        static std::mutex mutex;
        static std::uint64_t lastMs = ~0ULL;
        static std::uint64_t counter = 0;
        std::lock_guard lock(mutex);
        if (ts != lastMs || ++counter >> 42) {
            lastMs = ts;
            counter = ((static_cast<std::uint64_t>(b[6]) << 34) | (static_cast<std::uint64_t>(b[7]) << 26) |
                       (static_cast<std::uint64_t>(b[8]) << 18) | (static_cast<std::uint64_t>(b[9]) << 10) |
                       (static_cast<std::uint64_t>(b[10]) << 2) | (b[11] >> 6)) &
                      ((1ULL << 41) - 1);
        }
        // counter bits 41..30 -> rand_a (12 bits); bits 29..0 -> rand_b after the 2 variant bits.
        b[6] = static_cast<unsigned char>((counter >> 38) & 0x0f);
        b[7] = static_cast<unsigned char>(counter >> 30);
        b[8] = static_cast<unsigned char>((counter >> 24) & 0x3f);
        b[9] = static_cast<unsigned char>(counter >> 16);
        b[10] = static_cast<unsigned char>(counter >> 8);
        b[11] = static_cast<unsigned char>(counter);
    }
    for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ts >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0f));  // version 7
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));  // RFC 4122 variant
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[b[i] >> 4]);
        out.push_back(kHex[b[i] & 0x0f]);
    }
    return out;
}

bool isCanonicalUuid(std::string_view s)
{
    if (s.size() != 36) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

std::string randomHex(std::size_t bytes)
{
    ensureSodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string out;
    out.reserve(bytes * 2);
    for (unsigned char c : raw) {
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0x0f]);
    }
    return out;
}

}  // namespace taizhang
