#include "batch_codec.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "gzip.h"

namespace taizhang::sync {

std::string encodeBatchNdjson(const BatchIdentity& who, const std::string& batchId, const std::vector<OutboxRow>& rows)
{
    const nlohmann::json header{{"protocol", 1},
                                {"batch_id", batchId},
                                {"device_id", who.deviceId},
                                {"school_code", who.schoolCode},
                                {"first_seq", rows.empty() ? 0 : rows.front().seq},
                                {"last_seq", rows.empty() ? 0 : rows.back().seq},
                                {"count", rows.size()},
                                // Refuse me if another batch of this device holds my sequences
                                // (a disk put back to an older copy); a county older than the
                                // check ignores the field.
                                {"sequence_check", true}};
    std::string out = header.dump();
    out += '\n';
    for (const auto& row : rows) {
        // The stored payload is recordToJson(record).dump(): splice "seq" in front instead of
        // re-serialising, so the bytes of the record are exactly what the outbox holds.
        if (row.payload.size() < 2 || row.payload.front() != '{')
            throw std::invalid_argument("outbox row " + std::to_string(row.seq) + " has no JSON object payload");
        out += "{\"seq\":";
        out += std::to_string(row.seq);
        if (row.payload != "{}") out += ',';
        out.append(row.payload, 1, std::string::npos);
        out += '\n';
    }
    return out;
}

BatchEncoder makeBatchEncoder(BatchIdentity who)
{
    return [who = std::move(who)](const std::string& batchId, const std::vector<OutboxRow>& rows, std::size_t& raw) {
        const std::string ndjson = encodeBatchNdjson(who, batchId, rows);
        raw = ndjson.size();
        return gzipCompress(ndjson);
    };
}

Ack parseAck(std::string_view body)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception& e) {
        throw AckMismatch(std::string("ack is not JSON: ") + e.what());
    }
    try {
        Ack ack;
        ack.batchId = j.at("batch_id").get<std::string>();
        const auto& c = j.at("counts");
        ack.counts.created = c.at("created").get<int>();
        ack.counts.updated = c.at("updated").get<int>();
        ack.counts.duplicate = c.at("duplicate").get<int>();
        ack.counts.rejected = c.at("rejected").get<int>();
        ack.counts.conflict = c.at("conflict").get<int>();
        for (const auto& e : j.value("exceptions", nlohmann::json::array())) {
            AckException x;
            x.seq = e.at("seq").get<std::int64_t>();
            x.id = e.value("id", "");
            x.status = e.at("status").get<std::string>();
            x.code = e.value("code", "");
            x.message = e.value("message", "");
            ack.exceptions.push_back(std::move(x));
        }
        ack.serverTime = j.value("server_time", "");
        return ack;
    } catch (const nlohmann::json::exception& e) {
        throw AckMismatch(std::string("ack is malformed: ") + e.what());
    }
}

std::string errorCodeOf(std::string_view body)
{
    try {
        const auto j = nlohmann::json::parse(body);
        return j.at("error").at("code").get<std::string>();
    } catch (const std::exception&) {
        return {};
    }
}

std::string describeErrorBody(std::string_view body)
{
    try {
        const auto j = nlohmann::json::parse(body);
        const auto& e = j.at("error");
        return e.at("code").get<std::string>() + ": " + e.value("message", "");
    } catch (const std::exception&) {
        std::string raw(body.substr(0, 200));
        for (char& c : raw)
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        return raw.empty() ? "(empty body)" : raw;
    }
}

}  // namespace taizhang::sync
