#include "batch_parser.h"

#include "json_guard.h"
#include "text_encoding.h"
#include "uuid.h"

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(int status, const char* code, const std::string& message)
{
    throw ApiError(status, code, message);
}

std::int64_t headerInt(const Json& header, const char* key)
{
    auto it = header.find(key);
    if (it == header.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0)
        fail(400, "invalid_header", std::string("batch header field '") + key + "' missing or not a non-negative integer");
    return it->get<std::int64_t>();
}

std::string headerString(const Json& header, const char* key)
{
    auto it = header.find(key);
    if (it == header.end() || !it->is_string())
        fail(400, "invalid_header", std::string("batch header field '") + key + "' missing or not a string");
    return it->get<std::string>();
}

Json parseLine(std::string_view line, std::size_t lineNo, bool lastWithoutNewline, const Limits& limits)
{
    if (static_cast<std::int64_t>(line.size()) > limits.maxRecordBytes)
        fail(413, "record_too_large", "line " + std::to_string(lineNo) + " is longer than max_record_bytes (" +
                                          std::to_string(limits.maxRecordBytes) + ")");
    if (line.empty()) fail(400, "invalid_json", "line " + std::to_string(lineNo) + " is empty");
    if (jsonNestingDepth(line, static_cast<std::size_t>(limits.maxJsonDepth)) >
        static_cast<std::size_t>(limits.maxJsonDepth))
        fail(400, "json_too_deep", "line " + std::to_string(lineNo) + " nests deeper than max_json_depth (" +
                                       std::to_string(limits.maxJsonDepth) + ")");
    Json value = Json::parse(line.begin(), line.end(), nullptr, false);
    if (value.is_discarded()) {
        if (lastWithoutNewline)
            fail(400, "truncated_batch", "line " + std::to_string(lineNo) + " is cut short (body truncated?)");
        fail(400, "invalid_json", "line " + std::to_string(lineNo) + " is not valid JSON");
    }
    if (!value.is_object()) fail(400, "invalid_json", "line " + std::to_string(lineNo) + " is not a JSON object");
    return value;
}

}  // namespace

ParsedBatch parseBatch(std::string_view ndjson, const BatchIdentity& identity, const Limits& limits)
{
    if (ndjson.size() >= 3 && static_cast<unsigned char>(ndjson[0]) == 0xEF) fail(400, "invalid_utf8", "body starts with a BOM");
    if (const auto bad = firstInvalidUtf8(ndjson); bad != std::string_view::npos)
        fail(400, "invalid_utf8", "body is not valid UTF-8 (byte " + std::to_string(bad) + ")");

    std::vector<std::pair<std::string_view, bool>> lines;  // (line, had newline)
    std::size_t pos = 0;
    while (pos < ndjson.size()) {
        const auto nl = ndjson.find('\n', pos);
        if (nl == std::string_view::npos) {
            lines.emplace_back(ndjson.substr(pos), false);
            break;
        }
        auto line = ndjson.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.emplace_back(line, true);
        pos = nl + 1;
    }
    if (lines.empty()) fail(400, "invalid_header", "empty body: the first line must be the batch header");

    ParsedBatch batch;
    const Json header = parseLine(lines[0].first, 1, !lines[0].second && lines.size() == 1, limits);
    if (headerInt(header, "protocol") != 1) fail(400, "invalid_header", "unsupported protocol version (expected 1)");
    auto& h = batch.header;
    h.batchId = headerString(header, "batch_id");
    h.deviceId = headerString(header, "device_id");
    h.schoolCode = headerString(header, "school_code");
    h.firstSeq = headerInt(header, "first_seq");
    h.lastSeq = headerInt(header, "last_seq");
    h.count = headerInt(header, "count");
    if (const auto check = header.find("sequence_check"); check != header.end()) {
        if (!check->is_boolean()) fail(400, "invalid_header", "sequence_check must be true or false");
        h.sequenceCheck = check->get<bool>();
    }
    if (!isCanonicalUuid(h.batchId)) fail(400, "invalid_header", "batch_id is not a canonical lower-case UUID");
    if (h.count < 1) fail(400, "invalid_header", "count must be at least 1");
    if (h.lastSeq < h.firstSeq) fail(400, "invalid_header", "last_seq is below first_seq");
    if (identity.idempotencyKey.empty()) fail(400, "missing_idempotency_key", "Idempotency-Key header is required");
    if (identity.idempotencyKey != h.batchId)
        fail(400, "idempotency_key_mismatch", "Idempotency-Key differs from the header's batch_id");
    if (h.schoolCode != identity.schoolCode)
        fail(403, "wrong_school", "the batch names a school other than the one this device is enrolled in");
    if (h.deviceId != identity.deviceId) fail(400, "device_mismatch", "the batch names a device other than the token's");
    if (h.count > limits.maxBatchRecords)
        fail(413, "too_many_records", "count " + std::to_string(h.count) + " exceeds max_batch_records (" +
                                          std::to_string(limits.maxBatchRecords) + ")");

    const std::size_t recordLines = lines.size() - 1;
    batch.lines.reserve(recordLines);
    std::int64_t previous = -1;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const bool last = i + 1 == lines.size();
        Json value = parseLine(lines[i].first, i + 1, last && !lines[i].second, limits);
        auto seqIt = value.find("seq");
        if (seqIt == value.end() || !seqIt->is_number_integer())
            fail(400, "seq_out_of_order", "line " + std::to_string(i + 1) + " lacks an integer seq");
        const auto seq = seqIt->get<std::int64_t>();
        if (seq <= previous) fail(400, "seq_out_of_order", "line " + std::to_string(i + 1) + ": seq is not increasing");
        if (i == 1 && seq != h.firstSeq) fail(400, "seq_out_of_order", "first record's seq differs from first_seq");
        if (seq > h.lastSeq && static_cast<std::int64_t>(i) <= h.count) fail(400, "seq_out_of_order", "line " + std::to_string(i + 1) + ": seq beyond last_seq");
        previous = seq;
        value.erase("seq");
        batch.lines.push_back({seq, std::move(value)});
    }
    if (static_cast<std::int64_t>(recordLines) > h.count)
        fail(400, "count_mismatch", "the body holds " + std::to_string(recordLines) + " record lines, header says " +
                                        std::to_string(h.count));
    if (static_cast<std::int64_t>(recordLines) < h.count) {
        if (!lines.back().second || recordLines == 0)
            fail(400, "truncated_batch", "the body ends after " + std::to_string(recordLines) + " of " +
                                             std::to_string(h.count) + " records");
        fail(400, "count_mismatch", "the body holds " + std::to_string(recordLines) + " record lines, header says " +
                                        std::to_string(h.count));
    }
    if (previous != h.lastSeq) fail(400, "seq_out_of_order", "last record's seq differs from last_seq");
    return batch;
}

}  // namespace taizhang::server
