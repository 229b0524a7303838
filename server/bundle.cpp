#include "bundle.h"

#include <nlohmann/json.hpp>

#include "crypto.h"
#include "api_error.h"
#include "gzip.h"

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

[[noreturn]] void bad(const std::string& message) { throw std::runtime_error("invalid bundle: " + message); }

}  // namespace

Bundle parseBundle(const std::string& bytes)
{
    std::vector<std::pair<std::size_t, std::size_t>> lines;  // start, length (without \n)
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        auto nl = bytes.find('\n', pos);
        if (nl == std::string::npos) nl = bytes.size();
        lines.emplace_back(pos, nl - pos);
        pos = nl + 1;
    }
    if (lines.size() < 2) bad("expected a manifest line, batch lines and an hmac line");
    auto lineJson = [&](std::size_t i) {
        Json j = Json::parse(bytes.substr(lines[i].first, lines[i].second), nullptr, false);
        if (j.is_discarded() || !j.is_object()) bad("line " + std::to_string(i + 1) + " is not a JSON object");
        return j;
    };
    const Json manifest = lineJson(0);
    if (manifest.value("format", "") != "taizhang-bundle" || manifest.value("version", 0) != 1)
        bad("line 1 is not a taizhang-bundle version 1 manifest");
    Bundle b;
    try {
        b.schoolCode = manifest.at("school_code").get<std::string>();
        b.deviceId = manifest.at("device_id").get<std::string>();
        b.createdAt = manifest.value("created_at", "");
        const auto count = manifest.at("batches").get<std::int64_t>();
        if (count < 0 || static_cast<std::size_t>(count) + 2 != lines.size())
            bad("manifest announces " + std::to_string(count) + " batches, file holds " +
                std::to_string(lines.size() - 2));
    } catch (const Json::exception& e) {
        bad(std::string("manifest: ") + e.what());
    }
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        const Json line = lineJson(i);
        auto id = line.find("batch_id");
        auto data = line.find("gzip_base64");
        if (id == line.end() || !id->is_string() || data == line.end() || !data->is_string())
            bad("line " + std::to_string(i + 1) + " lacks batch_id or gzip_base64");
        auto gz = base64Decode(data->get<std::string>());
        if (!gz) bad("line " + std::to_string(i + 1) + ": gzip_base64 is not valid base64");
        b.batches.push_back({id->get<std::string>(), std::move(*gz)});
    }
    const Json last = lineJson(lines.size() - 1);
    if (!last.contains("hmac") || !last["hmac"].is_string()) bad("the last line must be {\"hmac\":\"...\"}");
    b.hmac = last["hmac"].get<std::string>();
    b.signedBytes = bytes.substr(0, lines.back().first);
    return b;
}

std::string writeBundle(const std::string& schoolCode, const std::string& deviceId, const std::string& createdAt,
                        const std::vector<BundleBatch>& batches, const std::string& bundleKeyHex)
{
    std::string out = Json{{"format", "taizhang-bundle"}, {"version", 1}, {"school_code", schoolCode},
                           {"device_id", deviceId}, {"created_at", createdAt},
                           {"batches", batches.size()}}
                          .dump() + "\n";
    for (const auto& batch : batches)
        out += Json{{"batch_id", batch.batchId}, {"gzip_base64", base64Encode(batch.gzipBytes)}}.dump() + "\n";
    out += Json{{"hmac", hmacSha256Hex(bundleKeyHex, out)}}.dump() + "\n";
    return out;
}

std::vector<BundleImportResult> importBundle(Storage& storage, Ingestor& ingestor, const std::string& fileBytes)
{
    const Bundle bundle = parseBundle(fileBytes);
    const auto device = storage.findDevice(bundle.deviceId);
    if (!device) throw std::runtime_error("bundle from unknown device " + bundle.deviceId);
    if (device->schoolCode != bundle.schoolCode)
        throw std::runtime_error("bundle names school " + bundle.schoolCode + " but device " + device->id +
                                 " belongs to school " + device->schoolCode);
    if (device->revokedAt) throw std::runtime_error("bundle from revoked device " + device->id);
    if (!constantTimeEquals(hmacSha256Hex(device->bundleKey, bundle.signedBytes), bundle.hmac))
        throw std::runtime_error("bundle HMAC does not verify: the file was altered or not written by this device");
    const auto school = storage.findSchool(device->schoolCode);
    if (!school || school->disabled) throw std::runtime_error("school " + device->schoolCode + " is disabled");
    std::vector<BundleImportResult> results;
    for (const auto& batch : bundle.batches) {
        std::string ndjson;
        try {
            ndjson = gzipInflate(batch.gzipBytes, ingestor.limits().maxDecompressedBytes);
        } catch (const GzipError& e) {
            // The codes POST /v1/batches answers for the same fault (docs/sync-protocol.md).
            if (e.reason() == GzipError::Reason::TooLarge) throw ApiError(413, "decompressed_too_large", e.what());
            throw ApiError(400, "invalid_gzip", e.what());
        }
        results.push_back({batch.batchId, ingestor.ingest(*device, ndjson, batch.batchId)});
    }
    return results;
}

}  // namespace taizhang::server
