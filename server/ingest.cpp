#include "ingest.h"

#include <algorithm>
#include <unordered_map>

#include "class_day_marks.h"
#include "crypto.h"
#include "day_summary.h"
#include "no_homework_day.h"
#include "validation.h"

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

// Removes the key from the in-flight set however the request ends.
class InFlightGuard {
public:
    InFlightGuard(std::mutex& mu, std::set<std::string>& set, std::string key) : mu_(mu), set_(set), key_(std::move(key))
    {
        std::lock_guard lock(mu_);
        if (!set_.insert(key_).second)
            throw ApiError(409, "batch_in_flight", "a batch with this Idempotency-Key is being processed; retry later");
    }
    ~InFlightGuard()
    {
        std::lock_guard lock(mu_);
        set_.erase(key_);
    }

private:
    std::mutex& mu_;
    std::set<std::string>& set_;
    std::string key_;
};

struct Current {
    std::string schoolCode;
    std::int64_t version = 0;
    std::string json;
    bool dirty = false;
};

struct Candidate {
    std::int64_t seq = 0;
    CheckedRecord checked;
    std::string json;  // canonical wire form of an acceptable record
};

}  // namespace

Ingestor::Ingestor(Storage& storage, const Clock& clock, Limits limits)
    : storage_(storage), clock_(clock), limits_(limits)
{
}

IngestResult Ingestor::ingest(const DeviceRow& device, std::string_view ndjson, const std::string& idempotencyKey)
{
    const BatchIdentity identity{device.id, device.schoolCode, idempotencyKey};
    const ParsedBatch batch = parseBatch(ndjson, identity, limits_);
    InFlightGuard guard(inFlightMutex_, inFlight_, device.id + "/" + batch.header.batchId);
    return ingestParsed(device, batch, sha256Hex(ndjson));
}

IngestResult Ingestor::ingestParsed(const DeviceRow& device, const ParsedBatch& batch, const std::string& bodyHash)
{
    // Everything that needs no database happens before the transaction opens.
    std::vector<Candidate> candidates;
    candidates.reserve(batch.lines.size());
    std::vector<std::string> ids;
    for (const auto& line : batch.lines) {
        Candidate c{line.seq, checkRecordLine(line.value), {}};
        if (c.checked.record) {
            // A line holding exactly the nine envelope fields already is the canonical form
            // (object keys sort the same way), so it need not be rebuilt; anything else is.
            c.json = line.value.size() == 9 ? line.value.dump() : recordToJson(*c.checked.record).dump();
            ids.push_back(c.checked.record->meta.id);
        }
        candidates.push_back(std::move(c));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    const std::string now = formatUtcTimestamp(clock_.nowUnixMillis());
    BatchRow row{device.id, batch.header.batchId, bodyHash, batch.header.firstSeq, batch.header.lastSeq,
                 batch.header.count, {}, now};

    // What the day summaries of the school depend on besides its records (read before the
    // transaction: the school row and the county's overrides and terms).
    const auto school = storage_.findSchool(device.schoolCode);
    if (!school) throw StorageError("the device's school " + device.schoolCode + " is not in the county database");
    const SummaryContext summaryFor = daySummaries_ ? summaryContext(storage_, *school) : SummaryContext{};
    SummaryScope summaryScope;

    auto tx = storage_.beginIngest();
    if (auto existing = tx->claimBatch(row)) {
        if (existing->bodyHash != bodyHash)
            throw ApiError(422, "idempotency_key_reused",
                           "this Idempotency-Key was used for a batch with a different body; freeze a new batch");
        IngestResult replay;
        replay.response = existing->response;
        replay.replayed = true;
        replay.batchId = batch.header.batchId;
        return replay;
    }

    // Weeks the county approved are locked: a change to a record dated in one (new, updated, or
    // an update moving a record out of it) is refused per record. A resend of what is stored
    // stays a duplicate.
    const std::set<std::string> locked = tx->lockedWeeks(device.schoolCode);
    auto inLockedWeek = [&](const std::optional<Date>& day) {
        return day && locked.count(day->mondayOfWeek().toString()) > 0;
    };
    auto storedDay = [](const std::string& json) { return recordFromJson(Json::parse(json)).date(); };

    std::unordered_map<std::string, Current> current;
    for (auto& [id, stored] : tx->findRecords(device.schoolCode, ids))
        current.emplace(id, Current{stored.schoolCode, stored.version, std::move(stored.recordJson), false});
    // A device never numbers two changes alike, unless its disk was put back to an older copy
    // (还原卡, backup). A client that asked for the check learns it here, before anything is
    // stored, and numbers its changes again above the county's highest.
    if (batch.header.sequenceCheck)
        if (const auto highest = tx->sequencesTaken(device.id, batch.header.batchId, batch.header.firstSeq,
                                                    batch.header.lastSeq))
            throw ApiError(409, "sequence_reused",
                           "the county already holds other changes of this device numbered " +
                               std::to_string(batch.header.firstSeq) + ".." + std::to_string(batch.header.lastSeq) +
                               " (its highest is " + std::to_string(*highest) +
                               "): this computer's data was probably restored from an older copy; number the "
                               "unsent changes above " + std::to_string(*highest) + " and send them again");

    // Natural keys (core's uniquenessKey): one live record per key in a school. The first
    // stored at the county keeps the key; a later record with it is kept as a conflict.
    auto keyOf = [](const Record& r) { return r.meta.deleted ? std::string{} : uniquenessKey(r.kind, r.body); };
    std::vector<std::string> keys;
    std::vector<const Record*> records;
    for (const auto& c : candidates)
        if (c.checked.record) {
            records.push_back(&*c.checked.record);
            if (auto key = keyOf(*c.checked.record); !key.empty()) keys.push_back(std::move(key));
        }
    // A 无作业 mark holds its whole class-day (server/class_day_marks.h).
    ClassDayMarks classDays;
    ClassDayMarks::addMarkKeys(records, keys);
    classDays.load(*tx, device.schoolCode, records);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::unordered_map<std::string, KeyOwner> owners = tx->findKeyOwners(device.schoolCode, keys);
    auto claimKey = [&](const Record& r, bool deleted) {
        for (auto o = owners.begin(); o != owners.end();) o = o->second.id == r.meta.id ? owners.erase(o) : std::next(o);
        if (const auto key = keyOf(r); !deleted && !key.empty()) owners[key] = KeyOwner{r.meta.id, r.meta.version};
    };

    AckCounts counts;
    Json exceptions = Json::array();
    std::vector<ConflictWrite> conflicts;
    std::unordered_map<std::string, const Record*> latest;  // id -> record whose state is current
    std::set<std::string> tombstoned;  // new records that lost their natural key: stored deleted
    std::set<std::string> resent;      // stored records whose refused edit sends them out again
    auto except = [&](const Candidate& c, const char* status, const std::string& code, const std::string& message) {
        exceptions.push_back({{"seq", c.seq}, {"id", c.checked.id}, {"status", status}, {"code", code}, {"message", message}});
    };
    for (const auto& c : candidates) {
        if (!c.checked.record) {
            ++counts.rejected;
            except(c, "rejected", c.checked.problem->code, c.checked.problem->message);
            continue;
        }
        const Record& r = *c.checked.record;
        auto it = current.find(r.meta.id);
        const bool changes = it == current.end() || (it->second.schoolCode == device.schoolCode &&
                                                     r.meta.version >= it->second.version && it->second.json != c.json);
        if (!locked.empty() && changes &&
            (inLockedWeek(r.date()) || (it != current.end() && inLockedWeek(storedDay(it->second.json))))) {
            ++counts.rejected;
            except(c, "rejected", "period_locked",
                   "the county approved the week of this record's date and locked it; ask the county to reopen it");
            continue;
        }
        const bool stores = it == current.end() ||
                            (it->second.schoolCode == device.schoolCode && r.meta.version > it->second.version);
        if (stores) {
            const std::string key = keyOf(r);
            auto owner = key.empty() ? owners.end() : owners.find(key);
            std::optional<KeyOwner> holder;
            std::string why;
            if (owner != owners.end() && owner->second.id != r.meta.id) {
                holder = owner->second;
                why = "record " + holder->id + " already holds this " + std::string(kindName(r.kind)) + " key (" + key +
                      "); this one is kept for review";
            } else if ((holder = classDays.holder(r, owners))) {
                why = isNoHomeworkMark(r.body)
                          ? "record " + holder->id + " is homework of this class-day, which a 无作业 (no homework) mark"
                                                     " cannot share; this mark is kept for review"
                          : "record " + holder->id + " marks this class-day 无作业 (no homework); this homework is"
                                                     " kept for review";
            }
            if (holder) {
                ++counts.conflict;
                except(c, "conflict", "natural_key_conflict", why);
                conflicts.push_back({r.meta.id, device.schoolCode, r.meta.version, c.json, device.id, row.batchId, now, 0,
                                     "natural_key_conflict", holder->id, holder->version});
                if (it == current.end()) {
                    // Stored as a tombstone, so that every computer, the one that made it too,
                    // ends with the same ledger: the record is gone, its content is the conflict.
                    Json tombstone = Json::parse(c.json);
                    tombstone["deleted"] = true;
                    current.emplace(r.meta.id, Current{device.schoolCode, r.meta.version, tombstone.dump(), true});
                    latest[r.meta.id] = &r;
                    tombstoned.insert(r.meta.id);
                } else {
                    resent.insert(r.meta.id);
                }
                continue;
            }
        }
        if (it == current.end()) {
            ++counts.created;
            summaryScope.add(r.kind, r.date());
            current.emplace(r.meta.id, Current{device.schoolCode, r.meta.version, c.json, true});
            latest[r.meta.id] = &r;
            claimKey(r, r.meta.deleted);
            classDays.stored(r);
            continue;
        }
        Current& cur = it->second;
        if (cur.schoolCode != device.schoolCode) {
            ++counts.rejected;
            except(c, "rejected", "foreign_record", "this record id belongs to another school");
        } else if (r.meta.version > cur.version) {
            ++counts.updated;
            summaryScope.add(r.kind, r.date());
            summaryScope.add(r.kind, storedDay(cur.json));  // the day it leaves, if it moved
            cur = Current{device.schoolCode, r.meta.version, c.json, true};
            latest[r.meta.id] = &r;
            tombstoned.erase(r.meta.id);
            claimKey(r, r.meta.deleted);
            classDays.stored(r);
        } else if (r.meta.version < cur.version || cur.json == c.json) {
            ++counts.duplicate;
        } else {
            ++counts.conflict;
            except(c, "conflict", "version_conflict",
                   "the county holds version " + std::to_string(cur.version) +
                       " of this record with different content; kept for review");
            conflicts.push_back({r.meta.id, device.schoolCode, r.meta.version, c.json, device.id, row.batchId, now, 0,
                                 "version_conflict", r.meta.id, cur.version});
        }
    }

    std::vector<RecordWrite> writes;
    writes.reserve(latest.size());
    for (const auto& [id, record] : latest) {
        const Current& cur = current.at(id);
        const auto day = record->date();
        const bool deleted = record->meta.deleted || tombstoned.count(id) > 0;
        const std::string key = deleted ? std::string{} : keyOf(*record);
        writes.push_back(RecordWrite{id, device.schoolCode, std::string(kindName(record->kind)), cur.version, deleted,
                                     day ? std::optional(day->toString()) : std::nullopt, cur.json, device.id, now,
                                     false, 0, key.empty() ? std::nullopt : std::optional(key)});
    }
    std::sort(writes.begin(), writes.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::vector<std::pair<std::string, std::int64_t>> renumbered;
    for (const auto& id : resent)
        if (!latest.count(id)) renumbered.emplace_back(id, 0);
    // Last before the writes: the school's change counter stays locked only for the tail.
    if (const auto changes = static_cast<std::int64_t>(writes.size() + conflicts.size() + renumbered.size());
        changes > 0) {
        std::int64_t next = tx->allocateChanges(device.schoolCode, changes);
        for (auto& w : writes) w.changeSeq = next++;
        for (auto& c : conflicts) c.changeSeq = next++;
        for (auto& r : renumbered) r.second = next++;
    }
    tx->writeRecords(writes);
    tx->writeConflicts(conflicts);
    tx->renumberRecords(renumbered);
    if (daySummaries_) refreshDaySummaries(*tx, summaryFor, summaryScope);

    const Json ack{{"batch_id", row.batchId},
                   {"counts",
                    {{"created", counts.created},
                     {"updated", counts.updated},
                     {"duplicate", counts.duplicate},
                     {"rejected", counts.rejected},
                     {"conflict", counts.conflict}}},
                   {"exceptions", exceptions},
                   {"server_time", now}};
    row.response = ack.dump();
    tx->completeBatch(row);
    if (beforeCommit_) beforeCommit_();
    tx->commit();
    return IngestResult{row.response, false, counts, row.batchId};
}

}  // namespace taizhang::server
