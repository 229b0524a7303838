#pragma once
// Shared helpers of the sync tests: a school database with records, and encoders.
#include <cstdint>
#include <string>
#include <vector>

#include "batch_codec.h"
#include "gzip.h"
#include "outbox.h"
#include "record_store.h"

namespace taizhang::testing {

inline Json homeworkBody(int i)
{
    Homework h;
    h.classId = "0190a3b4-0000-7000-8000-000000000001";
    // One record per class, day and subject (the natural key the county enforces): two subjects
    // a day, going back a day every two records.
    h.date = Date::parse("2026-11-20")->addDays(-(i / 2));
    h.subject = i % 2 ? "math" : "chinese";
    h.minutes = 10 + i % 50;
    h.content = "练习册第" + std::to_string(i) + "页";
    h.teacherId = "0190a3b4-0000-7000-8000-0000000000f1";
    return h;
}

inline std::vector<Record> addHomework(RecordStore& store, int n, const std::string& device = "device-1")
{
    // Numbered after the homework already in the file, so a second call adds new class-days.
    auto held = store.database().prepare("SELECT count(*) FROM records WHERE kind = 'homework'");
    held.step();
    const int first = static_cast<int>(held.int64(0));
    std::vector<NewRecord> rows;
    for (int i = first; i < first + n; ++i) rows.push_back({Kind::Homework, homeworkBody(i)});
    return store.createMany(rows, ChangeContext{"teacher-1", device, ""});
}

// The county's answer that takes every record of the batch as created.
inline Ack ackAll(const FrozenBatch& b)
{
    Ack a;
    a.batchId = b.batchId;
    a.counts.created = b.count;
    return a;
}

inline BatchEncoder testEncoder()
{
    return sync::makeBatchEncoder({"dev-1", "3201020001"});
}

// The record lines of a frozen batch, decoded.
inline std::vector<Json> batchLines(const FrozenBatch& b)
{
    const std::string ndjson = gzipInflate(b.body, std::int64_t{256} << 20);
    std::vector<Json> out;
    std::size_t pos = 0;
    while (pos < ndjson.size()) {
        const auto nl = ndjson.find('\n', pos);
        out.push_back(Json::parse(ndjson.substr(pos, nl - pos)));
        pos = nl + 1;
    }
    return out;
}

}  // namespace taizhang::testing
