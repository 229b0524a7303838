#include "record_store.h"

#include <map>

#include "uuid.h"

namespace taizhang {

namespace {
Kind storedKind(const std::string& name, const std::string& recordId)
{
    if (auto kind = kindFromName(name)) return *kind;
    throw UnknownRecordKind("记录 " + recordId + " 的类型“" + name +
                            "”无法识别：数据库可能由更新版本的台账写入，请升级本程序后再打开 (record " + recordId +
                            " has unknown kind '" + name + "'; the database was probably written by a newer taizhang)");
}

constexpr const char* kRecordColumns =
    "r.id, r.kind, r.version, r.created_at, r.updated_at, a.name, d.name, r.deleted, r.day, r.class_id, "
    "r.teacher_id, r.body";
constexpr const char* kSelectColumns =
    "SELECT r.id, r.kind, r.version, r.created_at, r.updated_at, a.name, d.name, r.deleted, r.day, r.class_id, "
    "r.teacher_id, r.body FROM records r JOIN actors a ON a.n = r.author JOIN actors d ON d.n = r.device ";

// The columns a record's fields are lifted into; the body keeps a field only when its column
// does not hold it (not a string, or a date not in canonical form).
struct Lifted {
    std::optional<std::string> day;  // the kind's dateKey field
    std::optional<std::string> classId;
    std::optional<std::string> teacherId;
};

std::optional<std::string> nonEmpty(std::string s)
{
    if (s.empty()) return std::nullopt;
    return s;
}

Lifted liftedOf(const Record& r)
{
    const auto day = r.date();
    return {day ? std::optional<std::string>(day->toString()) : std::nullopt, nonEmpty(r.classId()),
            nonEmpty(r.teacherId())};
}

bool isLifted(const std::string& key, const Json& value, std::string_view dateKey, const Lifted& l)
{
    if (!value.is_string()) return false;
    const auto& text = value.get_ref<const std::string&>();
    if (key == "class_id") return l.classId && *l.classId == text;
    if (key == "teacher_id") return l.teacherId && *l.teacherId == text;
    return !dateKey.empty() && key == dateKey && l.day && *l.day == text;
}

// body.dump() without the lifted fields, written member by member (a sorted object dumps as
// '{' key ':' value, ... '}') so no copy of the tree is made.
std::string storedBodyText(const Record& r, const Lifted& l)
{
    if (!r.body.is_object()) return r.body.dump();
    const std::string_view dateKey = describe(r.kind).dateKey;
    std::string out = "{";
    for (auto it = r.body.begin(); it != r.body.end(); ++it) {
        if (isLifted(it.key(), it.value(), dateKey, l)) continue;
        if (out.size() > 1) out += ',';
        out += Json(it.key()).dump();
        out += ':';
        out += it.value().dump();
    }
    out += '}';
    return out;
}

// The prepared statements of one write; prepared once per transaction so bulk writes reuse them.
struct ChangeWriter {
    explicit ChangeWriter(Database& db)
        : db(db), upsertRecord(db.prepare(
              "INSERT INTO records(id, kind, version, created_at, updated_at, author, device, deleted, day, "
              "class_id, teacher_id, body) VALUES(?,?,?,?,?,?,?,?,?,?,?,?) "
              "ON CONFLICT(id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at, "
              "author = excluded.author, device = excluded.device, deleted = excluded.deleted, day = excluded.day, "
              "class_id = excluded.class_id, teacher_id = excluded.teacher_id, body = excluded.body RETURNING rec")),
          // A new record: a plain single-row INSERT, so SQLite needs no statement journal (an
          // upsert or RETURNING would copy every page the row touches into one, per row).
          insertRecord(db.prepare(
              "INSERT INTO records(id, kind, version, created_at, updated_at, author, device, deleted, day, "
              "class_id, teacher_id, body) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")),
          insertAudit(db.prepare("INSERT INTO audit(rec, kind, version, action, at, author, device, before, "
                                 "after, reason) VALUES(?,?,?,?,?,?,?,?,?,?)")),
          insertOutbox(db.prepare("INSERT INTO outbox(rec, version, payload, created_at) VALUES(?,?,?,?)")),
          findActor(db.prepare("SELECT n FROM actors WHERE name = ?")),
          insertActor(db.prepare("INSERT INTO actors(name) VALUES(?) RETURNING n"))
    {
    }
    // The number of an author or device name, added on first use.
    std::int64_t actor(const std::string& name)
    {
        if (auto it = actors.find(name); it != actors.end()) return it->second;
        findActor.reset();
        findActor.bind(1, name);
        Statement& s = findActor.step() ? findActor : (insertActor.reset(), insertActor.bind(1, name), insertActor);
        if (&s == &insertActor && !insertActor.step()) throw DbError("cannot add actor " + name);
        const std::int64_t n = s.int64(0);
        s.reset();
        actors.emplace(name, n);
        return n;
    }
    // bindStoredTime, remembering the last text: a bulk write stamps every row with one time.
    void bindTime(Statement& s, int index, const std::string& timestamp)
    {
        if (timestamp != lastTime) {
            lastTime = timestamp;
            lastMillis = parseUtcTimestamp(timestamp);
        }
        if (lastMillis)
            s.bind(index, *lastMillis);
        else
            s.bind(index, timestamp);
    }
    Database& db;
    Statement upsertRecord;
    Statement insertRecord;
    Statement insertAudit;
    Statement insertOutbox;
    Statement findActor;
    Statement insertActor;
    std::map<std::string, std::int64_t> actors;
    std::string lastTime;
    std::optional<std::int64_t> lastMillis;
};

// queue = false: a version pulled from the county, which must not travel back (no outbox row).
void write(ChangeWriter& w, const Record& after, const std::optional<Record>& before, std::string_view action,
           const ChangeContext& ctx, const std::function<void(std::string_view)>& faultHook, bool queue = true)
{
    const std::string kind(kindName(after.kind));
    const Lifted lifted = liftedOf(after);
    Statement& row = before ? w.upsertRecord : w.insertRecord;
    row.reset();
    row.bind(1, after.meta.id).bind(2, kind).bind(3, after.meta.version);
    w.bindTime(row, 4, after.meta.createdAt);
    w.bindTime(row, 5, after.meta.updatedAt);
    row.bind(6, w.actor(after.meta.author))
        .bind(7, w.actor(after.meta.device))
        .bind(8, after.meta.deleted ? 1 : 0)
        .bind(9, lifted.day)
        .bind(10, lifted.classId)
        .bind(11, lifted.teacherId)
        .bind(12, storedBodyText(after, lifted));
    std::int64_t rec = 0;
    if (before) {
        if (!row.step()) throw DbError("record " + after.meta.id + " was not written");
        rec = row.int64(0);
        row.reset();
    } else {
        row.run();
        rec = w.db.lastInsertRowId();
    }
    if (faultHook) faultHook("record_written");

    // A creation's audit row does not repeat the record (history() reads version 1 back from the
    // record or from the next change's "before"); a change keeps both sides.
    w.insertAudit.reset();
    w.insertAudit.bind(1, rec).bind(2, kind).bind(3, after.meta.version).bind(4, action);
    w.bindTime(w.insertAudit, 5, after.meta.updatedAt);
    w.insertAudit.bind(6, w.actor(ctx.author))
        .bind(7, w.actor(ctx.device))
        .bind(8, before ? std::optional<std::string>(recordToJson(*before).dump()) : std::nullopt)
        .bind(9, before ? std::optional<std::string>(recordToJson(after).dump()) : std::nullopt)
        .bind(10, ctx.reason)
        .run();
    if (faultHook) faultHook("audit_written");
    if (!queue) return;

    // payload '' = the record row at this version (migration 3): the text is built when frozen.
    w.insertOutbox.reset();
    w.insertOutbox.bind(1, rec).bind(2, after.meta.version).bind(3, std::string_view(""));
    w.bindTime(w.insertOutbox, 4, after.meta.updatedAt);
    w.insertOutbox.run();
}
}  // namespace

const char* recordSelectSql() { return kSelectColumns; }
const char* recordColumnsSql() { return kRecordColumns; }

void bindStoredTime(Statement& s, int index, const std::string& timestamp)
{
    if (auto ms = parseUtcTimestamp(timestamp))
        s.bind(index, *ms);
    else
        s.bind(index, timestamp);
}

std::string storedTimeText(const Statement& s, int column)
{
    return s.isInteger(column) ? formatUtcTimestamp(s.int64(column)) : s.text(column);
}

Record recordFromRow(const Statement& s, int c)
{
    Record r;
    r.meta.id = s.text(c);
    r.kind = storedKind(s.text(c + 1), r.meta.id);
    r.meta.version = s.int64(c + 2);
    r.meta.createdAt = storedTimeText(s, c + 3);
    r.meta.updatedAt = storedTimeText(s, c + 4);
    r.meta.author = s.text(c + 5);
    r.meta.device = s.text(c + 6);
    r.meta.deleted = s.int64(c + 7) != 0;
    r.body = Json::parse(s.text(c + 11));
    // Put back what the columns hold and the stored body left out.
    if (r.body.is_object()) {
        const std::string_view dateKey = describe(r.kind).dateKey;
        auto restore = [&](std::string_view key, int column) {
            if (key.empty() || s.isNull(column)) return;
            const std::string k(key);
            if (!r.body.contains(k)) r.body[k] = s.text(column);
        };
        restore(dateKey, c + 8);
        restore("class_id", c + 9);
        restore("teacher_id", c + 10);
    }
    return r;
}

RecordStore::RecordStore(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

struct PulledVersionWriter::Impl {
    explicit Impl(Database& db) : writer(db) {}
    ChangeWriter writer;
};

PulledVersionWriter::PulledVersionWriter(Database& db) : impl_(std::make_unique<Impl>(db)) {}
PulledVersionWriter::~PulledVersionWriter() = default;

void PulledVersionWriter::write(const Record& after, const std::optional<Record>& before, const std::string& reason)
{
    // The audit row names the computer that made the change, as the record does.
    const ChangeContext ctx{after.meta.author, after.meta.device, reason};
    const bool deleting = after.meta.deleted && !(before && before->meta.deleted);
    const std::string_view action = deleting ? "delete" : before ? "update" : "create";
    taizhang::write(impl_->writer, after, before, action, ctx, {}, false);
}

Record RecordStore::insertNew(Kind kind, Json body, const ChangeContext& ctx, const std::string& now)
{
    Record r;
    r.kind = kind;
    r.body = std::move(body);
    r.meta.id = newUuidV7(clock_.nowUnixMillis());
    r.meta.version = 1;
    r.meta.createdAt = now;
    r.meta.updatedAt = now;
    r.meta.author = ctx.author;
    r.meta.device = ctx.device;
    return r;
}

Record RecordStore::create(Kind kind, Json body, const ChangeContext& ctx)
{
    std::vector<NewRecord> one;
    one.push_back(NewRecord{kind, std::move(body)});
    return createMany(std::move(one), ctx).front();
}

std::vector<Record> RecordStore::createMany(const std::vector<NewRecord>& records, const ChangeContext& ctx)
{
    return createMany(std::vector<NewRecord>(records), ctx);
}

std::vector<Record> RecordStore::createMany(std::vector<NewRecord>&& records, const ChangeContext& ctx)
{
    std::vector<Record> out;
    out.reserve(records.size());
    auto tx = db_.beginWrite();
    ChangeWriter w(db_);
    const std::string now = formatUtcTimestamp(clock_.nowUnixMillis());
    for (auto& nr : records) {
        out.push_back(insertNew(nr.kind, std::move(nr.body), ctx, now));
        if (nr.reason.empty()) {
            write(w, out.back(), std::nullopt, "create", ctx, faultHook_);
        } else {
            ChangeContext rowCtx = ctx;
            rowCtx.reason = nr.reason;
            write(w, out.back(), std::nullopt, "create", rowCtx, faultHook_);
        }
    }
    tx.commit();
    return out;
}

Record RecordStore::change(std::string_view id, std::optional<Json> body, std::int64_t expectedVersion,
                           const ChangeContext& ctx, bool deleting)
{
    auto tx = db_.beginWrite();
    auto before = find(id);
    if (!before) throw RecordNotFound("no record with id " + std::string(id));
    if (before->meta.version != expectedVersion) {
        throw StaleVersion("record " + std::string(id) + " is at version " + std::to_string(before->meta.version) +
                           ", not " + std::to_string(expectedVersion) + "; reload and edit again");
    }
    if (before->meta.deleted) throw StaleVersion("record " + std::string(id) + " has been deleted");
    Record after = *before;
    if (body) after.body = std::move(*body);
    after.meta.version += 1;
    after.meta.updatedAt = formatUtcTimestamp(clock_.nowUnixMillis());
    after.meta.author = ctx.author;
    after.meta.device = ctx.device;
    after.meta.deleted = deleting;
    ChangeWriter w(db_);
    write(w, after, before, deleting ? "delete" : "update", ctx, faultHook_);
    tx.commit();
    return after;
}

Record RecordStore::update(std::string_view id, Json body, std::int64_t expectedVersion, const ChangeContext& ctx)
{
    return change(id, std::move(body), expectedVersion, ctx, false);
}

Record RecordStore::remove(std::string_view id, std::int64_t expectedVersion, const ChangeContext& ctx)
{
    return change(id, std::nullopt, expectedVersion, ctx, true);
}

std::optional<Record> RecordStore::find(std::string_view id) const
{
    auto s = db_.prepare(std::string(kSelectColumns) + "WHERE r.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return recordFromRow(s);
}

std::vector<Record> RecordStore::query(const RecordQuery& q) const
{
    std::string sql = kSelectColumns;
    sql += "WHERE 1 = 1";
    if (q.kind) sql += " AND r.kind = :kind";
    if (q.from) sql += " AND r.day >= :from";
    if (q.to) sql += " AND r.day <= :to";
    if (!q.classId.empty()) sql += " AND r.class_id = :class";
    if (!q.teacherId.empty()) sql += " AND r.teacher_id = :teacher";
    if (!q.author.empty()) sql += " AND a.name = :author";
    if (!q.includeDeleted) sql += " AND r.deleted = 0";
    sql += " ORDER BY r.day, r.created_at, r.id";
    if (q.limit) sql += " LIMIT " + std::to_string(q.limit);
    auto s = db_.prepare(sql);
    int i = 0;
    if (q.kind) s.bind(++i, kindName(*q.kind));
    if (q.from) s.bind(++i, q.from->toString());
    if (q.to) s.bind(++i, q.to->toString());
    if (!q.classId.empty()) s.bind(++i, q.classId);
    if (!q.teacherId.empty()) s.bind(++i, q.teacherId);
    if (!q.author.empty()) s.bind(++i, q.author);
    std::vector<Record> out;
    while (s.step()) out.push_back(recordFromRow(s));
    return out;
}

std::vector<AuditEntry> RecordStore::history(std::string_view id) const
{
    auto s = db_.prepare("SELECT a.id, r.id, a.kind, a.version, a.action, a.at, au.name, d.name, a.before, a.after, "
                         "a.reason FROM audit a JOIN records r ON r.rec = a.rec JOIN actors au ON au.n = a.author "
                         "JOIN actors d ON d.n = a.device WHERE r.id = ? ORDER BY a.id");
    s.bind(1, id);
    std::vector<AuditEntry> out;
    while (s.step()) {
        AuditEntry e;
        e.id = s.int64(0);
        e.recordId = s.text(1);
        e.kind = storedKind(s.text(2), e.recordId);
        e.version = s.int64(3);
        e.action = s.text(4);
        e.at = storedTimeText(s, 5);
        e.author = s.text(6);
        e.device = s.text(7);
        if (!s.isNull(8)) e.before = Json::parse(s.text(8));
        if (!s.isNull(9)) e.after = Json::parse(s.text(9));
        e.reason = s.text(10);
        out.push_back(std::move(e));
    }
    s.reset();
    // A creation stores no "after": it is the next change's "before", or the record itself.
    std::optional<Record> current;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].after || out[i].action != "create") continue;
        for (std::size_t j = i + 1; j < out.size() && !out[i].after; ++j)
            if (out[j].version == out[i].version + 1 && out[j].before) out[i].after = out[j].before;
        if (out[i].after) continue;
        if (!current) current = find(id);
        if (current && current->meta.version == out[i].version) out[i].after = recordToJson(*current);
    }
    return out;
}

std::int64_t RecordStore::outboxCount() const
{
    auto s = db_.prepare("SELECT count(*) FROM outbox");
    s.step();
    return s.int64(0);
}

}  // namespace taizhang
