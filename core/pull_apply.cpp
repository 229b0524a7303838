#include "pull_apply.h"

#include <optional>

#include "record_store.h"

namespace taizhang {

namespace {
constexpr const char* kCursorKey = "sync.pull_cursor";

std::optional<Record> findRecord(Database& db, const std::string& id)
{
    auto s = db.prepare(std::string(recordSelectSql()) + "WHERE r.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return recordFromRow(s);
}

// The highest version of this record still waiting in the outbox (not acknowledged), 0 if none.
std::int64_t waitingVersion(Database& db, const std::string& id)
{
    auto s = db.prepare("SELECT coalesce(max(version), 0) FROM outbox WHERE rec = (SELECT rec FROM records WHERE id = ?) "
                        "AND acked_at IS NULL");
    s.bind(1, id);
    s.step();
    return s.int64(0);
}
}  // namespace

std::int64_t pullCursor(const Database& db)
{
    const auto v = db.setting(kCursorKey);
    if (!v || v->empty()) return 0;
    try {
        return std::stoll(*v);
    } catch (const std::exception&) {
        return 0;
    }
}

PullPageResult applyPulledPage(Database& db, const std::vector<PulledChange>& page, std::int64_t cursor)
{
    PullPageResult result;
    auto tx = db.beginWrite();
    PulledVersionWriter writer(db);
    auto addConflict = db.prepare(
        "INSERT INTO school_conflicts(change, record_id, kind, version, payload, from_device, received_at, code,"
        " winner_id, winner_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(change) DO NOTHING");
    auto keepUnsent = db.prepare("UPDATE outbox SET payload = ? WHERE rec = (SELECT rec FROM records WHERE id = ?) AND version = ? "
                                 "AND payload = ''"
                                 " AND acked_at IS NULL");
    for (const auto& entry : page) {
        Record r;
        try {
            if (entry.type != "record" && entry.type != "conflict") throw std::invalid_argument("unknown type");
            r = recordFromJson(entry.record);
        } catch (const std::exception&) {
            ++result.skipped;
            continue;
        }
        if (entry.type == "conflict") {
            addConflict.reset();
            addConflict.bind(1, entry.change)
                .bind(2, r.meta.id)
                .bind(3, kindName(r.kind))
                .bind(4, r.meta.version)
                .bind(5, recordToJson(r).dump())
                .bind(6, entry.fromDevice)
                .bind(7, entry.receivedAt)
                .bind(8, entry.code.empty() ? std::string("version_conflict") : entry.code)
                .bind(9, entry.winnerId.empty() ? r.meta.id : entry.winnerId)
                .bind(10, entry.winnerId.empty() ? r.meta.version : entry.winnerVersion)
                .run();
            ++result.conflicts;
            continue;
        }
        const auto local = findRecord(db, r.meta.id);
        if (local && local->meta.version == r.meta.version && recordToJson(*local) == recordToJson(r)) {
            ++result.unchanged;
            continue;
        }
        if (local && local->meta.version > r.meta.version && waitingVersion(db, r.meta.id) > r.meta.version) {
            ++result.keptLocal;
            continue;
        }
        if (local && local->meta.version == r.meta.version) {
            // This computer's own version of the same number may still wait to be sent: an outbox
            // row that refers to the record row instead of holding its text must keep what was
            // saved here, not what the county sends (it is a conflict there, to be listed).
            keepUnsent.reset();
            keepUnsent.bind(1, recordToJson(*local).dump()).bind(2, r.meta.id).bind(3, r.meta.version).run();
        }
        writer.write(r, local, "从区县同步 (pulled from the county, change " + std::to_string(entry.change) + ")");
        ++result.applied;
    }
    db.setSetting(kCursorKey, std::to_string(cursor));
    tx.commit();
    return result;
}

std::vector<SchoolConflict> schoolConflicts(const Database& db)
{
    auto s = db.prepare("SELECT c.change, c.record_id, c.kind, c.version, c.payload, c.from_device, c.received_at,"
                        " c.code, c.winner_id, c.winner_version, coalesce(r.version, 0) FROM school_conflicts c"
                        " LEFT JOIN records r ON r.id = c.winner_id ORDER BY c.change");
    std::vector<SchoolConflict> out;
    while (s.step()) {
        const auto kind = kindFromName(s.text(2));
        if (!kind) continue;
        out.push_back({s.int64(0), s.text(1), *kind, s.int64(3), Json::parse(s.text(4)), s.text(5), s.text(6),
                       s.text(7), s.text(8), s.int64(9), s.int64(10) <= s.int64(9)});
    }
    return out;
}

}  // namespace taizhang

namespace taizhang {

ConflictResolution conflictResolution(const Database& db, std::int64_t change, bool takeConflictVersion)
{
    std::optional<SchoolConflict> conflict;
    for (auto& c : schoolConflicts(db))
        if (c.change == change) conflict = std::move(c);
    if (!conflict)
        throw std::invalid_argument("没有编号为 " + std::to_string(change) + " 的冲突 (no conflict " +
                                    std::to_string(change) + ")");
    auto s = db.prepare(std::string(recordSelectSql()) + "WHERE r.id = ?");
    s.bind(1, conflict->winnerId);
    std::optional<Record> winner;
    if (s.step()) winner = recordFromRow(s);
    if (!conflict->open || !winner || winner->meta.deleted)
        throw std::invalid_argument("这个冲突已经处理过了 (conflict " + std::to_string(change) + " is already resolved)");
    return {winner->meta.id, winner->meta.version, takeConflictVersion ? conflict->record.at("body") : winner->body};
}

}  // namespace taizhang
