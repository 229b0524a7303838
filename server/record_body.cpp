#include "record_body.h"

#include <zlib.h>

#include <array>
#include <cstring>

#include "clock.h"
#include "crypto.h"
#include "storage.h"
#include "uuid.h"

namespace taizhang::server {
namespace {

// Format 1's dictionary: one skeleton per record kind in canonical form (keys sorted, values
// blanked or typical), most frequent kinds last (deflate reaches the end of a dictionary with the
// shortest distances). Written once from core/record_kinds.h and the subject codes, on
// 2026-11-30; FROZEN: changing one byte makes every stored format-1 body unreadable. A better
// dictionary is format 2 (tests/server/test_record_body.cpp pins this one's hash).
constexpr std::string_view kDictionaryV1 =
    R"dict({"author":"","body":{"category":"school_based","code":"","name":""},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"subject","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"end":"2027-01-15","holidays":[{"end":"2026-10-07","name":"国庆节","start":"2026-10-01"}],"junior_first_lesson":"08:00","name":"2026-2027学年第一学期","primary_first_lesson":"08:00","start":"2026-09-01","workdays":["2026-09-28"]},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"term","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"away":[{"from":"2026-","reason":"left","until":"2026-"}],"full_time":true,"hire_date":"20","name":"","staff_number":"T0","subjects":["chinese"]},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"teacher","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"archived_from":"2026-","grade":1,"history":[{"grade":1,"name":"","subjects":[],"until":"2026-"}],"name":"一年级1班","opened_from":"2026-","students":4,"subjects":["moral","chinese","math","foreign_language","science","pe","music","fine_art","labour","practice","it","history","geography","biology","physics","chemistry","local","school_based"]},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"class","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"certificate_number":"","end":"2026-","hours":20.0,"level":"school","mode":"in_person","start":"2026-","teacher_id":"","title":""},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"training","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"class_id":"","draft":false,"period":1,"subject":"math","teacher_id":"","term_id":"","weekday":1},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"timetable","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"average_hours":9.5,"class_id":"","date":"2026-09-01","reaching_standard":3,"surveyed":4},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"sleep","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"after_school_minutes":60,"class_id":"","date":"2026-09-01","long_break_minutes":30,"long_break_sessions":2,"out_of_school_minutes":60,"pe_lesson_minutes":40},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"activity","updated_at":"2026-","version":1})dict"
    R"dict({"author":"","body":{"at_home":true,"class_id":"","content":"","date":"2026-09-01","minutes":20,"over_cap_reason":"","subject":"chinese","teacher_id":"","written":true},"created_at":"2026-","deleted":false,"device":"","id":"","kind":"homework","updated_at":"2026-","version":1})dict";

// The body's "device" is the device that made the record, not the one that sent it (the
// row's device), so only the id is worth adding.
// The thread's buffer, reused (no allocation per body); valid until the thread's next call.
const std::string& rowDictionary(std::string_view id)
{
    thread_local std::string dict;
    dict.assign(kDictionaryV1);
    dict += "\"id\":\"";
    dict += id;
    dict += '"';
    return dict;
}

// A record at the county is at most a batch's byte limit; this bounds what one damaged row can
// make the server allocate.
constexpr std::size_t kMaxRecordBytes = 16u << 20;

constexpr std::size_t kHeaderBytes = 5;  // format byte, CRC-32

std::uint32_t crcOf(std::string_view text)
{
    return static_cast<std::uint32_t>(
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size())));
}

// One deflate and one inflate stream per thread, reset for each body: initialising a stream
// allocates and clears its window and hash tables, which cost ten times the packing of a
// 450-byte record. An 8 KiB window holds the 2.6 KiB dictionary and a whole record; the small
// hash is plenty for 3 KiB of input. (Any window decodes with inflate's 32 KiB one.)
struct Deflater {
    z_stream z{};
    Deflater()
    {
        if (deflateInit2(&z, 6, Z_DEFLATED, -13, 4, Z_DEFAULT_STRATEGY) != Z_OK)
            throw StorageError("cannot pack a record body (deflateInit2)");
    }
    ~Deflater() { deflateEnd(&z); }
};
struct Inflater {
    z_stream z{};
    Inflater()
    {
        if (inflateInit2(&z, -15) != Z_OK) throw StorageError("cannot unpack a record body (inflateInit2)");
    }
    ~Inflater() { inflateEnd(&z); }
};

}  // namespace

std::string packRecordBody(std::string_view json, std::string_view id)
{
    thread_local Deflater deflater;
    z_stream& z = deflater.z;
    deflateReset(&z);
    const std::string& dict = rowDictionary(id);
    deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size()));
    std::string out(kHeaderBytes + deflateBound(&z, static_cast<uLong>(json.size())), '\0');
    out[0] = static_cast<char>(kRecordBodyFormat);
    const auto crc = crcOf(json);
    for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>(crc >> (24 - 8 * i) & 0xff);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(json.data()));
    z.avail_in = static_cast<uInt>(json.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data() + kHeaderBytes);
    z.avail_out = static_cast<uInt>(out.size() - kHeaderBytes);
    const int rc = deflate(&z, Z_FINISH);
    const auto written = z.total_out;
    if (rc != Z_STREAM_END) throw StorageError("cannot pack a record body (deflate " + std::to_string(rc) + ")");
    out.resize(kHeaderBytes + written);
    return out;
}

std::string unpackRecordBody(std::string_view packed, std::string_view id)
{
    if (packed.size() < kHeaderBytes || static_cast<unsigned char>(packed[0]) != kRecordBodyFormat)
        throw StorageError("record " + std::string(id) + ": stored body of unknown format " +
                           (packed.empty() ? std::string("(empty)") : std::to_string(static_cast<unsigned char>(packed[0]))));
    thread_local Inflater inflater;
    z_stream& z = inflater.z;
    inflateReset(&z);
    const std::string& dict = rowDictionary(id);
    inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size()));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data() + kHeaderBytes));
    z.avail_in = static_cast<uInt>(packed.size() - kHeaderBytes);
    std::string out;
    out.reserve(packed.size() * 4);
    std::array<char, 4096> chunk;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(chunk.data());
        z.avail_out = static_cast<uInt>(chunk.size());
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        out.append(chunk.data(), chunk.size() - z.avail_out);
        if (out.size() > kMaxRecordBytes || (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)) {
            rc = Z_DATA_ERROR;
            break;
        }
    }
    const bool trailing = z.avail_in != 0;
    if (rc != Z_STREAM_END || trailing)
        throw StorageError("record " + std::string(id) + ": stored body is damaged (inflate " + std::to_string(rc) + ")");
    std::uint32_t stored = 0;
    for (int i = 1; i <= 4; ++i) stored = stored << 8 | static_cast<unsigned char>(packed[i]);
    if (stored != crcOf(out))
        throw StorageError("record " + std::string(id) + ": stored body does not unpack to this record (CRC)");
    return out;
}

std::int64_t naturalKeyHash(std::string_view schoolCode, std::string_view key)
{
    std::string text(schoolCode);
    text += '\n';
    text += key;
    const std::string hex = sha256Hex(text);
    return static_cast<std::int64_t>(std::stoull(hex.substr(0, 16), nullptr, 16));
}

std::int64_t utcMillisOf(std::string_view t)
{
    // YYYY-MM-DDTHH:MM:SS.mmmZ, then the round trip through formatUtcTimestamp must give it back.
    auto bad = [&] { return StorageError("not a UTC timestamp of the form 2026-11-22T15:04:05.123Z: '" + std::string(t) + "'"); };
    if (t.size() != 24 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != '.' ||
        t[23] != 'Z')
        throw bad();
    auto num = [&](std::size_t at, std::size_t n) {
        std::int64_t v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (t[i] < '0' || t[i] > '9') throw bad();
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    std::int64_t y = num(0, 4);
    const std::int64_t m = num(5, 2), d = num(8, 2);
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = era * 146097 + doe - 719468;
    const std::int64_t ms = ((days * 24 + num(11, 2)) * 60 + num(14, 2)) * 60000 + num(17, 2) * 1000 + num(20, 3);
    if (formatUtcTimestamp(ms) != t) throw bad();
    return ms;
}

std::string uuidBytes(std::string_view canonical)
{
    if (!isCanonicalUuid(canonical))
        throw StorageError("record id is not a canonical lower-case UUID: '" + std::string(canonical) + "'");
    std::string out;
    out.reserve(16);
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (std::size_t i = 0; i < canonical.size();) {
        if (canonical[i] == '-') {
            ++i;
            continue;
        }
        out += static_cast<char>(nibble(canonical[i]) << 4 | nibble(canonical[i + 1]));
        i += 2;
    }
    return out;
}

std::string uuidText(std::string_view bytes)
{
    if (bytes.size() != 16) throw StorageError("a stored record id is not 16 bytes");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        const auto c = static_cast<unsigned char>(bytes[i]);
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

// Every body read from PostgreSQL passes through these (libpq's text format): written into a
// sized buffer, with a table instead of branches per digit.
std::string byteaHex(std::string_view bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(2 + bytes.size() * 2, '\0');
    out[0] = '\\';
    out[1] = 'x';
    char* o = out.data() + 2;
    for (unsigned char c : bytes) {
        *o++ = kHex[c >> 4];
        *o++ = kHex[c & 15];
    }
    return out;
}

std::string byteaFromHex(std::string_view text)
{
    static const auto kValue = [] {
        std::array<signed char, 256> v{};
        v.fill(-1);
        for (int i = 0; i < 10; ++i) v['0' + i] = static_cast<signed char>(i);
        for (int i = 0; i < 6; ++i) v['a' + i] = v['A' + i] = static_cast<signed char>(10 + i);
        return v;
    }();
    if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0)
        throw StorageError("unexpected bytea text from PostgreSQL");
    std::string out((text.size() - 2) / 2, '\0');
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = kValue[static_cast<unsigned char>(text[2 + 2 * i])];
        const int lo = kValue[static_cast<unsigned char>(text[3 + 2 * i])];
        if ((hi | lo) < 0) throw StorageError("unexpected bytea text from PostgreSQL");
        out[i] = static_cast<char>(hi << 4 | lo);
    }
    return out;
}

}  // namespace taizhang::server
