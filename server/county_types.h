#pragma once
// Rows of the county database, shared by both storage backends and the layers above them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace taizhang::server {

struct SchoolRow {
    std::string code;        // 10-digit 学校标识码
    std::string name;
    std::string countyCode;  // 6 digits
    std::string type;        // primary | junior | nine_year
    bool disabled = false;
    std::string createdAt;
};

struct DeviceRow {
    std::string id;
    std::string schoolCode;
    std::string name;
    std::string tokenHash;   // hex SHA-256 of the token; the token itself is never stored
    std::string bundleKey;   // hex SHA-256("taizhang-bundle-v1:" + token), verifies offline bundles
    std::string createdAt;
    std::optional<std::string> revokedAt;
    std::optional<std::string> lastSyncAt;
};

struct EnrollmentCodeRow {
    std::string codeHash;
    std::string schoolCode;
    std::int64_t expiresAtMs = 0;
    std::string createdAt;
};

// Replayed: the code was used by this same client (same nonce) and is still within its life:
// the first answer's device is returned again (see EnrollReplay).
enum class EnrollOutcome { Enrolled, Replayed, InvalidCode, Expired, Used, SchoolDisabled };

// The retry key of one enrollment. In: the hash of the client's nonce ("" = the client sent
// none) and the new token sealed under the nonce, stored with the code when it is spent.
// Out, when the outcome is Replayed: the device and sealed token of the first answer.
struct EnrollReplay {
    std::string nonceHash;
    std::string sealedToken;
    std::string deviceId;
};

// A record as the county holds it, as far as ingest needs to decide created/updated/duplicate.
struct StoredRecord {
    std::string schoolCode;
    std::int64_t version = 0;
    std::string recordJson;  // canonical wire form (recordToJson().dump(), keys sorted)
};

struct RecordWrite {
    std::string id;
    std::string schoolCode;
    std::string kind;
    std::int64_t version = 0;
    bool deleted = false;
    std::optional<std::string> day;  // school-local date the record is about
    std::string recordJson;          // the one stored copy of the record (class, teacher: inside)
    std::string deviceId;            // device the stored version arrived from
    std::string receivedAt;
    bool isNew = false;
    std::int64_t changeSeq = 0;      // the school's change-feed number of this version
    std::optional<std::string> naturalKey;  // core's uniquenessKey of a live record, else none
};

// A record that already holds a natural key at the county.
struct KeyOwner {
    std::string id;
    std::int64_t version = 0;
};

struct ConflictWrite {
    std::string recordId;
    std::string schoolCode;
    std::int64_t version = 0;
    std::string recordJson;
    std::string deviceId;
    std::string batchId;
    std::string receivedAt;
    std::int64_t changeSeq = 0;  // the school's change-feed number of this conflict row
    std::string code = "version_conflict";  // | "natural_key_conflict"
    std::string winnerId;        // the stored record this version lost to
    std::int64_t winnerVersion = 0;
};

// One entry of a school's change feed (GET /v1/changes): the current version of a record
// (tombstones included) or a conflict row, under the school's change number.
struct ChangeEntry {
    std::int64_t change = 0;
    std::string type;        // "record" | "conflict"
    std::string recordJson;  // canonical wire form
    std::string deviceId;    // the device whose batch brought this version
    std::string receivedAt;
    // Conflict rows only: why, and the stored version it lost to.
    std::string code;
    std::string winnerId;
    std::int64_t winnerVersion = 0;
};

struct ConflictRow {
    std::string recordId;
    std::string schoolCode;
    std::int64_t version = 0;
    std::string recordJson;  // the incoming version that lost
    std::string deviceId;
    std::string batchId;
    std::string receivedAt;
    std::string code = "version_conflict";
    std::string winnerId;
    std::int64_t winnerVersion = 0;
};

struct BatchRow {
    std::string deviceId;
    std::string batchId;
    std::string bodyHash;    // hex SHA-256 of the inflated NDJSON
    std::int64_t firstSeq = 0;
    std::int64_t lastSeq = 0;
    std::int64_t count = 0;
    std::string response;    // the exact ack body, replayed for the same key and body
    std::string receivedAt;
};

struct IdempotencyRow {
    std::string bodyHash;
    std::string response;
};

struct SeqRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

struct DeviceState {
    std::vector<SeqRange> ranges;  // of every acked batch
    std::int64_t records = 0;      // records whose current version came from this device
};

// County staff using the browser console. role: "admin" | "reviewer" | "viewer".
struct StaffRow {
    std::string id;
    std::string username;
    std::string displayName;
    std::string role;
    std::string passwordHash;  // Argon2id string (libsodium crypto_pwhash_str)
    bool disabled = false;
    std::string createdAt;
};

struct StaffSessionRow {
    std::string tokenHash;  // hex SHA-256 of the cookie's token; the token itself is never stored
    std::string staffId;
    std::int64_t createdAtMs = 0;
    std::int64_t expiresAtMs = 0;
};

struct AuditRow {
    std::string at;
    std::string staffId;
    std::string username;
    std::string action;   // "login", "logout", "device.revoke", ...
    std::string target;   // what the action was about (school code, device id, ...)
    std::string detail;
    std::string address;  // client address
};

// The county's review of one school week (Monday to Sunday).
struct PeriodReviewRow {
    std::string schoolCode;
    std::string weekStart;  // the Monday, YYYY-MM-DD
    std::string state;      // "approved" (locks the week) | "returned" (退回, with a reason) | "reopened"
    std::string reason;
    std::string staffId;
    std::string staffName;
    std::string at;
};

}  // namespace taizhang::server
