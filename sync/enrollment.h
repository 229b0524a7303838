#pragma once
// Enrolling this installation with the county: a one-time code (issued by the county bureau)
// buys a device id and a device token; the token is sealed (token_vault.h) before it touches
// the database and is never printed.
#include <string>

#include "database.h"
#include "http_transport.h"

namespace taizhang::sync {

struct EnrollRequest {
    std::string serverUrl;
    std::string schoolCode;
    std::string enrollmentCode;
    std::string deviceName;
    std::string caFile;
    std::string pinnedPublicKey;
    std::string proxy;
    // Plain http:// to a host other than this machine (sync/server_url.h says what it risks).
    bool allowInsecureHttp = false;
};

struct EnrollResult {
    bool ok = false;
    bool authProblem = false;  // the county refused the code or the school (403)
    bool tlsProblem = false;
    std::string errorCode;     // the server's code: enrollment_code_expired, ...
    std::string message;       // English, for the CLI and logs
    std::string deviceId;
    std::string schoolName;
    // This computer had no school profile and took the county's: it joins a school the county
    // holds, and its first sync pass pulls the school's ledger.
    bool joined = false;
};

// On success stores server URL, school, device id, sealed token and TLS options in one
// transaction and forgets any previous enrollment's token.
EnrollResult enrollDevice(Database& db, HttpTransport& transport, const EnrollRequest& request,
                          const std::string& tokenKeyFile);

}  // namespace taizhang::sync
