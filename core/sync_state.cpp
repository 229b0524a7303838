#include "sync_state.h"

#include <utility>
#include <vector>

namespace taizhang {

namespace {
std::string get(const Database& db, const char* key) { return db.setting(key).value_or(""); }

std::int64_t getInt(const Database& db, const char* key)
{
    const auto v = db.setting(key);
    if (!v || v->empty()) return 0;
    try {
        return std::stoll(*v);
    } catch (const std::exception&) {
        return 0;
    }
}

void putAll(Database& db, const std::vector<std::pair<const char*, std::string>>& values)
{
    auto tx = db.beginWrite();
    for (const auto& [k, v] : values) db.setSetting(k, v);
    tx.commit();
}
}  // namespace

SyncSettings loadSyncSettings(const Database& db)
{
    SyncSettings s;
    s.serverUrl = get(db, "sync.server_url");
    s.schoolCode = get(db, "sync.school_code");
    s.schoolName = get(db, "sync.school_name");
    s.deviceId = get(db, "sync.device_id");
    s.deviceName = get(db, "sync.device_name");
    s.sealedToken = get(db, "sync.token_sealed");
    s.caFile = get(db, "sync.ca_file");
    s.pinnedPublicKey = get(db, "sync.pinned_public_key");
    s.proxy = get(db, "sync.proxy");
    if (const auto minutes = getInt(db, "sync.interval_minutes"); minutes > 0) s.intervalMinutes = static_cast<int>(minutes);
    s.allowInsecureHttp = get(db, "sync.allow_insecure_http") == "1";
    return s;
}

void saveSyncSettings(Database& db, const SyncSettings& s)
{
    putAll(db, {{"sync.server_url", s.serverUrl},
                {"sync.school_code", s.schoolCode},
                {"sync.school_name", s.schoolName},
                {"sync.device_id", s.deviceId},
                {"sync.device_name", s.deviceName},
                {"sync.token_sealed", s.sealedToken},
                {"sync.ca_file", s.caFile},
                {"sync.pinned_public_key", s.pinnedPublicKey},
                {"sync.proxy", s.proxy},
                {"sync.interval_minutes", std::to_string(s.intervalMinutes)},
                {"sync.allow_insecure_http", s.allowInsecureHttp ? "1" : "0"}});
}

void clearEnrollment(Database& db)
{
    putAll(db, {{"sync.device_id", ""}, {"sync.token_sealed", ""}});
}

SyncStateInfo loadSyncState(const Database& db)
{
    SyncStateInfo s;
    s.lastAttemptAt = get(db, "sync.last_attempt_at");
    s.lastSuccessAt = get(db, "sync.last_success_at");
    s.lastError = get(db, "sync.last_error");
    s.lastErrorKind = get(db, "sync.last_error_kind");
    s.serverLastSeq = getInt(db, "sync.server_last_seq");
    s.clockSkewMs = getInt(db, "sync.clock_skew_ms");
    s.configEtag = get(db, "sync.config_etag");
    s.countyOverrides = get(db, "sync.county_overrides");
    s.terms = get(db, "sync.county_terms");
    s.countyReviews = get(db, "sync.county_reviews");
    s.maxBatchRecords = getInt(db, "sync.max_batch_records");
    s.maxBatchBytes = getInt(db, "sync.max_batch_bytes");
    s.maxDecompressedBytes = getInt(db, "sync.max_decompressed_bytes");
    s.maxRecordBytes = getInt(db, "sync.max_record_bytes");
    s.capabilitiesAt = getInt(db, "sync.capabilities_at");
    s.countyChecksSequences = getInt(db, "sync.county_sequence_check") != 0;
    s.maxChangesLimit = getInt(db, "sync.max_changes_limit");
    s.restoreWarning = get(db, "sync.restore_warning");
    s.lastPullAt = get(db, "sync.last_pull_at");
    return s;
}

void saveSyncState(Database& db, const SyncStateInfo& s)
{
    putAll(db, {{"sync.last_attempt_at", s.lastAttemptAt},
                {"sync.last_success_at", s.lastSuccessAt},
                {"sync.last_error", s.lastError},
                {"sync.last_error_kind", s.lastErrorKind},
                {"sync.server_last_seq", std::to_string(s.serverLastSeq)},
                {"sync.clock_skew_ms", std::to_string(s.clockSkewMs)},
                {"sync.config_etag", s.configEtag},
                {"sync.county_overrides", s.countyOverrides},
                {"sync.county_terms", s.terms},
                {"sync.county_reviews", s.countyReviews},
                {"sync.max_batch_records", std::to_string(s.maxBatchRecords)},
                {"sync.max_batch_bytes", std::to_string(s.maxBatchBytes)},
                {"sync.max_decompressed_bytes", std::to_string(s.maxDecompressedBytes)},
                {"sync.max_record_bytes", std::to_string(s.maxRecordBytes)},
                {"sync.capabilities_at", std::to_string(s.capabilitiesAt)},
                {"sync.county_sequence_check", s.countyChecksSequences ? "1" : "0"},
                {"sync.max_changes_limit", std::to_string(s.maxChangesLimit)},
                {"sync.restore_warning", s.restoreWarning},
                {"sync.last_pull_at", s.lastPullAt}});
}

CountyOverrides loadCountyOverrides(const Database& db)
{
    const std::string text = get(db, "sync.county_overrides");
    if (text.empty()) return {};
    try {
        auto parsed = parseCountyOverrides(Json::parse(text));
        if (parsed.ok()) return parsed.overrides;
    } catch (const std::exception&) {
    }
    return {};
}

}  // namespace taizhang
