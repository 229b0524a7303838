#pragma once
// How the county keeps a record at rest (county migration 9, docs/server.md "Storage"). The
// canonical JSON a device sent is what every reader gets back, byte for byte; on disk it is
// packed: a format byte, the CRC-32 of the JSON, then raw deflate with a preset dictionary (the
// record kinds' key skeletons, frozen per format, followed by the row's own id, which every body
// repeats). Both backends pack in writeRecords and unpack where a stored row becomes a
// record again, nowhere else.
#include <cstdint>
#include <string>
#include <string_view>

namespace taizhang::server {

// Format 1: byte 1, CRC-32 of the JSON (4 bytes, big-endian), raw deflate with the dictionary
// kDictionaryV1 + "\"id\":\"<id>\"". The CRC is there because deflate has none: a body read with
// another row's id (another dictionary) or damaged bytes would otherwise unpack to wrong text.
// A later dictionary gets a new format byte; format 1 bodies stay readable.
inline constexpr unsigned char kRecordBodyFormat = 1;

// id is the row's own id column: unpacking needs the same string.
std::string packRecordBody(std::string_view json, std::string_view id);
// Throws StorageError for an unknown format byte, damaged bytes or another row's id.
std::string unpackRecordBody(std::string_view packed, std::string_view id);

// The 64-bit hash stored for a school's natural key (core's uniquenessKey): the first 8 bytes
// of the SHA-256 of school code, newline, key; the school is inside so that the index needs no
// school column. Two keys of one school sharing a hash (about n^2 / 2^65 for n keys) would make
// the later record a natural_key_conflict row: kept, shown, never lost.
std::int64_t naturalKeyHash(std::string_view schoolCode, std::string_view key);

// A record id (a canonical lower-case UUID, record_check.cpp refuses anything else) as the 16
// bytes SQLite stores, and back. Byte order sorts like the text. Throws StorageError otherwise.
std::string uuidBytes(std::string_view canonical);
std::string uuidText(std::string_view bytes);

// "2026-11-22T15:04:05.123Z" (formatUtcTimestamp) <-> unix milliseconds. Strict: any other
// text throws StorageError, so a migration meeting an unexpected value stops and changes nothing.
std::int64_t utcMillisOf(std::string_view timestamp);

// PostgreSQL's text form of bytea ("\x0a1b...") and back.
std::string byteaHex(std::string_view bytes);
std::string byteaFromHex(std::string_view text);

}  // namespace taizhang::server
