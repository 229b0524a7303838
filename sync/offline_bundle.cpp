#include "offline_bundle.h"

#include "private_file.h"

#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "batch_codec.h"
#include "sync_state.h"
#include "token_vault.h"

namespace taizhang::sync {

std::string bundleHmac(const std::string& deviceToken, const std::string& content)
{
    const std::string keyInput = "taizhang-bundle-v1:" + deviceToken;
    unsigned char key[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(key, reinterpret_cast<const unsigned char*>(keyInput.data()), keyInput.size());
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key, sizeof key);
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(content.data()), content.size());
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_memzero(key, sizeof key);
    char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return hex;
}

namespace {
std::string base64(const std::string& bytes)
{
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}
}  // namespace

BundleResult writeOfflineBundle(Database& db, const Clock& clock, const std::string& tokenKeyFile,
                                const BatchLimits& limits, const std::string& path)
{
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    const SyncSettings settings = loadSyncSettings(db);
    if (!settings.enrolled())
        throw std::runtime_error("this installation is not enrolled; a bundle is signed with the device token, so "
                                 "enroll first (taizhang sync enroll)");
    const std::string token = TokenVault(tokenKeyFile).open(settings.sealedToken);

    // Freeze everything unsent into ordinary batches: the same bytes the online path would send.
    Outbox outbox(db, clock);
    const auto encoder = makeBatchEncoder({settings.deviceId, settings.schoolCode});
    while (outbox.freezeNext(limits, encoder, true)) {
    }
    const auto batches = outbox.pendingBatches();

    BundleResult result;
    std::string content = nlohmann::json{{"format", "taizhang-bundle"},
                                         {"version", 1},
                                         {"school_code", settings.schoolCode},
                                         {"device_id", settings.deviceId},
                                         {"created_at", formatUtcTimestamp(clock.nowUnixMillis())},
                                         {"batches", batches.size()}}
                              .dump() +
                          "\n";
    for (const auto& b : batches) {
        content += nlohmann::json{{"batch_id", b.batchId},
                                  {"first_seq", b.firstSeq},
                                  {"last_seq", b.lastSeq},
                                  {"count", b.count},
                                  {"gzip_base64", base64(b.body)}}
                       .dump() +
                   "\n";
        ++result.batches;
        result.records += b.count;
    }
    content += nlohmann::json{{"hmac", bundleHmac(token, content)}}.dump() + "\n";

    // Owner-only (it carries every record and is signed with the device's key) and atomic: the
    // stick holds either no bundle or a complete one.
    try {
        writeFileAtomically(path, content, IfExists::Replace);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string("writing the bundle failed (disk full or USB stick removed?): ") + e.what());
    }
    result.bytes = static_cast<std::int64_t>(content.size());
    return result;
}

}  // namespace taizhang::sync
