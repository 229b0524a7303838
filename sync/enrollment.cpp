#include "enrollment.h"

#include "batch_codec.h"
#include "county_client.h"
#include "retry_policy.h"
#include "sync_state.h"
#include "token_vault.h"

namespace taizhang::sync {

EnrollResult enrollDevice(Database& db, HttpTransport& transport, const EnrollRequest& request,
                          const std::string& tokenKeyFile)
{
    EnrollResult out;
    if (request.serverUrl.rfind("https://", 0) != 0 && request.serverUrl.rfind("http://", 0) != 0) {
        out.message = "the server URL must start with https:// (or http:// for a test server on this machine)";
        return out;
    }
    CountyClient client(transport, request.serverUrl);
    auto r = client.enroll(request.schoolCode, request.enrollmentCode, request.deviceName);
    if (!r.value) {
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
    s.sealedToken = TokenVault(tokenKeyFile).seal(e.deviceToken);
    s.caFile = request.caFile;
    s.pinnedPublicKey = request.pinnedPublicKey;
    s.proxy = request.proxy;
    saveSyncSettings(db, s);
    // Learn the limits now (best effort): the first sync pass then needs one round trip less.
    if (auto caps = client.capabilities(); caps.value) {
        SyncStateInfo st = loadSyncState(db);
        st.maxBatchRecords = static_cast<std::int64_t>(caps.value->limits.maxRecords);
        st.maxBatchBytes = static_cast<std::int64_t>(caps.value->limits.maxBytes);
        st.maxDecompressedBytes = static_cast<std::int64_t>(caps.value->limits.maxDecompressedBytes);
        st.maxRecordBytes = static_cast<std::int64_t>(caps.value->limits.maxRecordBytes);
        st.capabilitiesAt = SystemClock::instance().nowUnixMillis();
        saveSyncState(db, st);
    }
    out.ok = true;
    out.deviceId = e.deviceId;
    out.schoolName = e.schoolName;
    out.message = "enrolled as device " + e.deviceId + " of " + e.schoolCode + " " + e.schoolName;
    return out;
}

}  // namespace taizhang::sync
