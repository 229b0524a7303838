#pragma once
// 无作业 against homework of the same class-day at the county (core/no_homework_day.h). A mark
// and homework of one class and day have different natural keys (the mark's subject is empty),
// so two computers of a school could each store one; the county treats the pair like a natural
// key held twice: whichever it stored first keeps the class-day, the later one becomes a
// natural_key_conflict (server/ingest.cpp).
//
// What it costs: a live homework record needs its class-day's mark key looked up with the
// natural keys (one more key per class-day of the batch, not per record); a live mark needs the
// live homework of its class-day, read once per day the batch marks (records_school_kind_day).
// Batches without marks read nothing more.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "county_types.h"
#include "records.h"
#include "storage.h"

namespace taizhang::server {

class ClassDayMarks {
public:
    // Adds to `keys` the mark key of every class-day that live homework of the batch names, so
    // that the natural-key owners include the class-day's live mark if there is one.
    static void addMarkKeys(const std::vector<const Record*>& records, std::vector<std::string>& keys);

    // Reads, inside the ingest transaction, the live homework of the class-days that the batch
    // marks 无作业. Call after findRecords (whose hold on the school covers these reads).
    void load(IngestTx& tx, const std::string& schoolCode, const std::vector<const Record*>& records);

    // The live record that keeps r from its class-day, or nullopt: for homework, the class-day's
    // mark (among the natural-key owners); for a mark, other live homework of its class-day.
    std::optional<KeyOwner> holder(const Record& r, const std::unordered_map<std::string, KeyOwner>& owners) const;

    // r's new state was stored (live or deleted): the class-day it is in now, if any, counts it.
    void stored(const Record& r);

private:
    // Mark key of a class-day the batch marks -> its live homework (not marks), id -> version.
    std::unordered_map<std::string, std::map<std::string, std::int64_t>> homework_;
    std::unordered_map<std::string, std::string> listedUnder_;  // id -> mark key it is listed under
    std::set<std::string> classes_;  // the classes of those class-days: most homework read is of others
};

}  // namespace taizhang::server
