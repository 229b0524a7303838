#include "enrollment.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "batch_codec.h"
#include "county_client.h"
#include "retry_policy.h"
#include "school.h"
#include "server_url.h"
#include "sync_state.h"
#include "token_vault.h"

namespace taizhang::sync {

namespace {
constexpr const char* kPendingKey = "sync.enroll_pending";

std::string hex(const unsigned char* data, std::size_t n)
{
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

// The code as the county compares it (upper case, no '-' or spaces), hashed: enough to tell
// "the same code again" without keeping the code itself.
std::string codeFingerprint(const EnrollRequest& r)
{
    std::string code;
    for (unsigned char c : r.enrollmentCode)
        if (c != '-' && !std::isspace(c)) code += static_cast<char>(std::toupper(c));
    const std::string text = "taizhang-enroll-code-v1:" + r.serverUrl + "\n" + r.schoolCode + "\n" + code;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return hex(digest, sizeof digest);
}

// The nonce of this enrollment: the one stored by an earlier attempt with the same code (its
// answer was lost), or a new random one, stored (sealed: within the code's life it is worth
// as much as the token) and committed BEFORE the request, so a retry after a crash or a lost
// answer presents the same nonce and the county answers with the same device.
std::string enrollmentNonce(Database& db, const TokenVault& vault, const EnrollRequest& request)
{
    const std::string fingerprint = codeFingerprint(request);
    if (const auto stored = db.setting(kPendingKey); stored && !stored->empty()) {
        try {
            const auto pending = nlohmann::json::parse(*stored);
            if (pending.at("code").get<std::string>() == fingerprint)
                return vault.open(pending.at("nonce_sealed").get<std::string>());
        } catch (const std::exception&) {
            // unreadable or sealed under a replaced key: start afresh with a new nonce
        }
    }
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    const std::string nonce = hex(bytes, sizeof bytes);
    auto tx = db.beginWrite();
    db.setSetting(kPendingKey, nlohmann::json{{"code", fingerprint}, {"nonce_sealed", vault.seal(nonce)}}.dump());
    tx.commit();
    return nonce;
}

void forgetPendingEnrollment(Database& db)
{
    auto tx = db.beginWrite();
    db.setSetting(kPendingKey, "");
    tx.commit();
}
bool adoptCountyProfile(Database& db, const Enrollment& e)
{
    if (loadSchoolProfile(db) || e.countyCode.empty() || e.schoolType.empty()) return false;
    auto tx = db.beginWrite();
    saveSchoolProfile(db, SchoolProfile{e.schoolCode, e.schoolName, e.countyCode, e.schoolType, kChinaUtcOffsetMinutes});
    tx.commit();
    return true;
}
}  // namespace

EnrollResult enrollDevice(Database& db, HttpTransport& transport, const EnrollRequest& request,
                          const std::string& tokenKeyFile)
{
    EnrollResult out;
    if (const std::string problem = serverUrlProblem(request.serverUrl, request.allowInsecureHttp); !problem.empty()) {
        out.errorCode = "insecure_url";
        out.message = problem;
        return out;
    }
    // The key file first, complete and atomic, before the one-time code is spent: nothing that
    // fails after the county's answer may leave the token with nowhere to go.
    const TokenVault vault(tokenKeyFile);
    std::string nonce;
    try {
        vault.ensureKey();
        nonce = enrollmentNonce(db, vault, request);
    } catch (const std::exception& e) {
        out.message = std::string("the enrollment code was not used: ") + e.what();
        return out;
    }
    CountyClient client(transport, request.serverUrl);
    auto r = client.enroll(request.schoolCode, request.enrollmentCode, request.deviceName, nonce);
    if (!r.value) {
        // A refusal is final for this code; a lost answer keeps the nonce for the retry.
        if (r.raw.ok() && r.raw.response.status >= 400 && r.raw.response.status < 500 &&
            r.raw.response.status != 429)
            forgetPendingEnrollment(db);
        if (!r.raw.ok()) {
            out.tlsProblem = RetryPolicy{}.classify(r.raw) == Verdict::Fatal;
            out.message = r.raw.message;
            return out;
        }
        out.errorCode = errorCodeOf(r.raw.response.body);
        const int status = r.raw.response.status;
        out.authProblem = status == 401 || status == 403;
        if (out.errorCode == "enrollment_code_expired")
            out.message = "the enrollment code has expired; ask the county bureau for a new one";
        else if (out.errorCode == "enrollment_code_used")
            out.message = "the enrollment code has already been used; each code enrolls one device";
        else if (out.errorCode == "enrollment_code_invalid")
            out.message = "the enrollment code is not valid for school " + request.schoolCode +
                          "; check the school code and the enrollment code";
        else if (out.errorCode == "school_disabled")
            out.message = "the county has disabled school " + request.schoolCode;
        else if (status == 429)
            out.message = "too many failed enrollment attempts; wait " +
                          (r.raw.response.header("retry-after").empty() ? std::string("a few minutes")
                                                                        : r.raw.response.header("retry-after") + " seconds") +
                          " and try again";
        else
            out.message = "enrollment failed: " + r.error;
        return out;
    }
    const Enrollment& e = *r.value;
    SyncSettings s = loadSyncSettings(db);
    s.serverUrl = client.baseUrl();
    s.schoolCode = e.schoolCode;
    s.schoolName = e.schoolName;
    s.deviceId = e.deviceId;
    s.deviceName = request.deviceName;
    s.sealedToken = vault.seal(e.deviceToken);
    s.caFile = request.caFile;
    s.pinnedPublicKey = request.pinnedPublicKey;
    s.proxy = request.proxy;
    s.allowInsecureHttp = request.allowInsecureHttp && !isLoopbackHost(urlHost(s.serverUrl));
    saveSyncSettings(db, s);
    forgetPendingEnrollment(db);
    // Joining a school the county holds already: a computer that was never set up takes the
    // school's profile from the county, and its first sync pass pulls the classes, teachers,
    // terms and records (no local set-up, no second set of classes). A computer that was set
    // up keeps its own profile.
    out.joined = adoptCountyProfile(db, e);
    // Learn the limits now (best effort): the first sync pass then needs one round trip less.
    if (auto caps = client.capabilities(); caps.value) {
        SyncStateInfo st = loadSyncState(db);
        st.maxBatchRecords = static_cast<std::int64_t>(caps.value->limits.maxRecords);
        st.maxBatchBytes = static_cast<std::int64_t>(caps.value->limits.maxBytes);
        st.maxDecompressedBytes = static_cast<std::int64_t>(caps.value->limits.maxDecompressedBytes);
        st.maxRecordBytes = static_cast<std::int64_t>(caps.value->limits.maxRecordBytes);
        st.capabilitiesAt = SystemClock::instance().nowUnixMillis();
        st.countyChecksSequences = caps.value->sequenceCheck;
        st.maxChangesLimit = caps.value->maxChangesLimit;
        saveSyncState(db, st);
    }
    out.ok = true;
    out.deviceId = e.deviceId;
    out.schoolName = e.schoolName;
    out.message = "enrolled as device " + e.deviceId + " of " + e.schoolCode + " " + e.schoolName;
    if (out.joined) out.message += "; the school's ledger arrives with the first `taizhang sync`";
    return out;
}

}  // namespace taizhang::sync
