#include "record_store.h"

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

constexpr const char* kSelectColumns =
    "SELECT id, kind, version, created_at, updated_at, author, device, deleted, body FROM records ";

// The prepared INSERTs of one write; prepared once per transaction so bulk writes reuse them.
struct ChangeWriter {
    explicit ChangeWriter(Database& db)
        : upsertRecord(db.prepare(
              "INSERT INTO records(id, kind, version, created_at, updated_at, author, device, deleted, day, "
              "class_id, teacher_id, body) VALUES(?,?,?,?,?,?,?,?,?,?,?,?) "
              "ON CONFLICT(id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at, "
              "author = excluded.author, device = excluded.device, deleted = excluded.deleted, day = excluded.day, "
              "class_id = excluded.class_id, teacher_id = excluded.teacher_id, body = excluded.body")),
          insertAudit(db.prepare("INSERT INTO audit(record_id, kind, version, action, at, author, device, before, "
                                 "after, reason) VALUES(?,?,?,?,?,?,?,?,?,?)")),
          insertOutbox(db.prepare(
              "INSERT INTO outbox(record_id, kind, version, payload, created_at) VALUES(?,?,?,?,?)"))
    {
    }
    Statement upsertRecord;
    Statement insertAudit;
    Statement insertOutbox;
};

std::optional<std::string> nonEmpty(std::string s)
{
    if (s.empty()) return std::nullopt;
    return s;
}

// queue = false: a version pulled from the county, which must not travel back (no outbox row).
void write(ChangeWriter& w, const Record& after, const std::optional<Record>& before, std::string_view action,
           const ChangeContext& ctx, const std::function<void(std::string_view)>& faultHook, bool queue = true)
{
    const std::string kind(kindName(after.kind));
    const std::string body = after.body.dump();
    const auto day = after.date();
    w.upsertRecord.reset();
    w.upsertRecord.bind(1, after.meta.id)
        .bind(2, kind)
        .bind(3, after.meta.version)
        .bind(4, after.meta.createdAt)
        .bind(5, after.meta.updatedAt)
        .bind(6, after.meta.author)
        .bind(7, after.meta.device)
        .bind(8, after.meta.deleted ? 1 : 0)
        .bind(9, day ? std::optional<std::string>(day->toString()) : std::nullopt)
        .bind(10, nonEmpty(after.classId()))
        .bind(11, nonEmpty(after.teacherId()))
        .bind(12, body)
        .run();
    if (faultHook) faultHook("record_written");

    // A creation's audit row does not repeat the record (history() reads version 1 back from the
    // record or from the next change's "before"); a change keeps both sides.
    const std::optional<std::string> afterJson =
        before ? std::optional<std::string>(recordJsonText(after, body)) : std::nullopt;
    w.insertAudit.reset();
    w.insertAudit.bind(1, after.meta.id)
        .bind(2, kind)
        .bind(3, after.meta.version)
        .bind(4, action)
        .bind(5, after.meta.updatedAt)
        .bind(6, ctx.author)
        .bind(7, ctx.device)
        .bind(8, before ? std::optional<std::string>(recordToJson(*before).dump()) : std::nullopt)
        .bind(9, afterJson)
        .bind(10, ctx.reason)
        .run();
    if (faultHook) faultHook("audit_written");
    if (!queue) return;

    // payload '' = the record row at this version (migration 3): the text is built when frozen.
    w.insertOutbox.reset();
    w.insertOutbox.bind(1, after.meta.id)
        .bind(2, kind)
        .bind(3, after.meta.version)
        .bind(4, std::string_view(""))
        .bind(5, after.meta.updatedAt)
        .run();
}
}  // namespace

Record recordFromRow(const Statement& s)
{
    Record r;
    r.meta.id = s.text(0);
    r.kind = storedKind(s.text(1), r.meta.id);
    r.meta.version = s.int64(2);
    r.meta.createdAt = s.text(3);
    r.meta.updatedAt = s.text(4);
    r.meta.author = s.text(5);
    r.meta.device = s.text(6);
    r.meta.deleted = s.int64(7) != 0;
    r.body = Json::parse(s.text(8));
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
    auto s = db_.prepare(std::string(kSelectColumns) + "WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return recordFromRow(s);
}

std::vector<Record> RecordStore::query(const RecordQuery& q) const
{
    std::string sql = kSelectColumns;
    sql += "WHERE 1 = 1";
    if (q.kind) sql += " AND kind = :kind";
    if (q.from) sql += " AND day >= :from";
    if (q.to) sql += " AND day <= :to";
    if (!q.classId.empty()) sql += " AND class_id = :class";
    if (!q.teacherId.empty()) sql += " AND teacher_id = :teacher";
    if (!q.author.empty()) sql += " AND author = :author";
    if (!q.includeDeleted) sql += " AND deleted = 0";
    sql += " ORDER BY day, created_at, id";
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
    auto s = db_.prepare("SELECT id, record_id, kind, version, action, at, author, device, before, after, reason "
                         "FROM audit WHERE record_id = ? ORDER BY id");
    s.bind(1, id);
    std::vector<AuditEntry> out;
    while (s.step()) {
        AuditEntry e;
        e.id = s.int64(0);
        e.recordId = s.text(1);
        e.kind = storedKind(s.text(2), e.recordId);
        e.version = s.int64(3);
        e.action = s.text(4);
        e.at = s.text(5);
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
