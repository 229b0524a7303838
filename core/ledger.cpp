#include "ledger.h"

#include <algorithm>
#include <unordered_map>

#include "policy.h"
#include "school.h"
#include "validation_issue.h"

namespace taizhang {

namespace {
std::string classDayKey(const std::string& classId, const Date& d) { return classId + "|" + d.toString(); }

// Existing records by uniqueness key, plus the homework of each class-day, for the records a
// write may collide with. Bulk writes add each accepted row so later rows see it.
struct WriteIndex {
    std::unordered_map<std::string, std::string> byKey;                          // key -> record id
    std::unordered_map<std::string, std::vector<Identified<Homework>>> homework;  // class|day -> rows

    void add(const Record& r)
    {
        if (!r.meta.deleted) add(r.kind, r.meta.id, r.body);
    }
    void add(Kind kind, const std::string& id, const Json& body)
    {
        const std::string key = uniquenessKey(kind, body);
        if (!key.empty()) byKey.emplace(key, id);
        if (kind == Kind::Homework && validateShape(Kind::Homework, body).empty()) {
            auto h = body.get<Homework>();
            homework[classDayKey(h.classId, h.date)].push_back({id, std::move(h)});
        }
    }
};

// The reason that lets an over-cap homework entry through: the change's reason or the body's.
std::string overCapReason(const Json& body, const ChangeContext& ctx)
{
    if (!ctx.reason.empty()) return ctx.reason;
    auto it = body.find("over_cap_reason");
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// Refuses a homework row that puts its class-day over the cap (a hard finding) without a reason,
// and copies the reason into the body so the county sees it too.
void checkOverCap(Json& body, const std::string& id, const ValidationContext& ctx, const SchoolCalendar& calendar,
                  const WriteIndex& index, const CountyOverrides& overrides, ChangeContext& change,
                  std::vector<ValidationIssue>& issues)
{
    const auto h = body.get<Homework>();
    auto klass = ctx.classes.find(h.classId);
    if (klass == ctx.classes.end()) return;
    const int grade = klass->second.gradeOn(h.date);  // the grade the class had on the entry's day
    const bool counts = homeworkCountsAgainstCap(grade, h) && h.minutes > 0;
    if (!counts || !calendar.isSchoolDay(h.date)) return;
    std::vector<Homework> entries{h};
    if (auto it = index.homework.find(classDayKey(h.classId, h.date)); it != index.homework.end())
        for (const auto& other : it->second)
            if (other.id != id) entries.push_back(other.value);
    if (!homeworkOverCap(grade, h.date, entries, overrides)) return;
    const std::string reason = overCapReason(body, change);
    const int cap = homeworkCapMinutes(grade, h.date, overrides);
    const int total = homeworkCountedMinutes(grade, entries);
    if (reason.empty()) {
        const std::string zh = grade <= 2 ? "一、二年级不布置家庭书面作业；如确需保存，请填写原因"
                                          : "当天书面作业合计 " + std::to_string(total) + " 分钟，超过 " +
                                                std::to_string(cap) + " 分钟上限；如确需保存，请填写原因";
        const std::string en = grade <= 2 ? "grades 1-2 get no written homework at home; give a reason to save it anyway"
                                          : "written homework for the day totals " + std::to_string(total) +
                                                " min, over the cap of " + std::to_string(cap) +
                                                " min; give a reason to save it anyway";
        issues.push_back(makeIssue("homework.over_cap_reason_required", "over_cap_reason", zh, en));
        return;
    }
    if (!body.contains("over_cap_reason") || body["over_cap_reason"] != reason) body["over_cap_reason"] = reason;
    change.reason = reason;
}

ValidationIssue storeIssue(const std::string& code, const std::string& zh, const std::string& en)
{
    return makeIssue(code, "", zh, en);
}

// A class edit that changes the grade, name or subjects without saying from when (the history
// is the one stored) applies from today: the days before keep the grade their records were
// judged by. Callers that give a date (CLI --from, the new-school-year step) write the history
// themselves through changeClassFrom.
void keepClassHistory(const Record& existing, Json& body, const Date& today)
{
    if (!validateShape(Kind::SchoolClass, existing.body).empty() || !validateShape(Kind::SchoolClass, body).empty())
        return;  // validation reports the shape
    const auto before = existing.body.get<SchoolClass>();
    auto after = body.get<SchoolClass>();
    const bool changed = before.grade != after.grade || before.name != after.name || before.subjects != after.subjects;
    if (!changed || after.history != before.history) return;
    SchoolClass kept = before;
    changeClassFrom(kept, today, after.grade, after.name, after.subjects);
    if (kept.history.empty()) body.erase("history");
    else body["history"] = kept.history;
}
}  // namespace

std::vector<ValidationIssue> LedgerResult::errors() const
{
    std::vector<ValidationIssue> out;
    for (const auto& i : issues)
        if (i.severity == IssueSeverity::Error) out.push_back(i);
    return out;
}

std::vector<ValidationIssue> LedgerResult::warnings() const
{
    std::vector<ValidationIssue> out;
    for (const auto& i : issues)
        if (i.severity == IssueSeverity::Warning) out.push_back(i);
    return out;
}

bool BulkResult::hasErrors() const
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const BulkIssue& i) { return i.issue.severity == IssueSeverity::Error; });
}

Ledger::Ledger(Database& db, const Clock& clock) : db_(db), clock_(clock), store_(db, clock) {}

Date Ledger::today() const
{
    const auto profile = loadSchoolProfile(db_);
    return localDate(clock_.nowUnixMillis(), profile ? profile->utcOffsetMinutes : kChinaUtcOffsetMinutes);
}

ValidationContext Ledger::buildContext() const
{
    ValidationContext ctx;
    ctx.school = loadSchoolProfile(db_);
    ctx.today = localDate(clock_.nowUnixMillis(), ctx.school ? ctx.school->utcOffsetMinutes : kChinaUtcOffsetMinutes);
    for (Kind k : {Kind::SchoolClass, Kind::Teacher, Kind::Term, Kind::Subject}) {
        RecordQuery q;
        q.kind = k;
        for (const auto& r : store_.query(q)) {
            if (!validateShape(k, r.body).empty()) continue;  // unreadable rows cannot be referenced
            switch (k) {
            case Kind::SchoolClass: ctx.classes[r.meta.id] = r.body.get<SchoolClass>(); break;
            case Kind::Teacher: ctx.teachers[r.meta.id] = r.body.get<Teacher>(); break;
            case Kind::Term: ctx.terms[r.meta.id] = r.body.get<Term>(); break;
            case Kind::Subject: {
                auto s = r.body.get<CustomSubject>();
                ctx.customSubjects[s.code] = s;
                break;
            }
            case Kind::Homework:
            case Kind::Sleep:
            case Kind::Activity:
            case Kind::Timetable:
            case Kind::Training: break;  // not reference data: not queried above
            }
        }
    }
    return ctx;
}

namespace {
// Loads the records a write of these bodies may collide with into the index.
void loadCandidates(const RecordStore& store, const std::vector<NewRecord>& rows, WriteIndex& index)
{
    std::unordered_map<int, std::pair<Date, Date>> ranges;  // daily kind -> date span of the input
    bool timetable = false, klass = false, teacher = false, subject = false;
    std::string singleClass;
    for (const auto& r : rows) {
        switch (r.kind) {
        case Kind::Homework:
        case Kind::Sleep:
        case Kind::Activity: {
            auto it = r.body.find("date");
            if (it == r.body.end() || !it->is_string()) break;
            auto d = Date::parse(it->get<std::string>());
            if (!d) break;
            auto [pos, fresh] = ranges.try_emplace(static_cast<int>(r.kind), *d, *d);
            if (!fresh) {
                pos->second.first = std::min(pos->second.first, *d);
                pos->second.second = std::max(pos->second.second, *d);
            }
            break;
        }
        case Kind::Timetable: timetable = true; break;
        case Kind::SchoolClass: klass = true; break;
        case Kind::Teacher: teacher = true; break;
        case Kind::Subject: subject = true; break;
        case Kind::Term:
        case Kind::Training: break;
        }
    }
    // One row (the interactive save) only needs its own class's records.
    if (rows.size() == 1) singleClass = rows.front().body.is_object() && rows.front().body.contains("class_id") &&
                                                rows.front().body["class_id"].is_string()
                                            ? rows.front().body["class_id"].get<std::string>()
                                            : std::string{};
    for (const auto& [kind, span] : ranges) {
        RecordQuery q;
        q.kind = static_cast<Kind>(kind);
        q.from = span.first;
        q.to = span.second;
        q.classId = singleClass;
        for (const auto& r : store.query(q)) index.add(r);
    }
    auto all = [&](Kind k, const std::string& classId) {
        RecordQuery q;
        q.kind = k;
        q.classId = classId;
        for (const auto& r : store.query(q)) index.add(r);
    };
    if (timetable) all(Kind::Timetable, singleClass);
    if (klass) all(Kind::SchoolClass, "");
    if (teacher) all(Kind::Teacher, "");
    if (subject) all(Kind::Subject, "");
}
}  // namespace

LedgerResult Ledger::save(Kind kind, Json body, const ChangeContext& ctx)
{
    std::vector<NewRecord> one;
    one.push_back(NewRecord{kind, std::move(body)});
    auto bulk = saveMany(std::move(one), ctx);
    LedgerResult result;
    for (auto& i : bulk.issues) result.issues.push_back(std::move(i.issue));
    if (!bulk.records.empty()) result.record = std::move(bulk.records.front());
    return result;
}

BulkResult Ledger::saveMany(const std::vector<NewRecord>& input, const ChangeContext& ctx)
{
    return saveMany(std::vector<NewRecord>(input), ctx);
}

BulkResult Ledger::saveMany(std::vector<NewRecord>&& input, const ChangeContext& ctx)
{
    BulkResult result;
    if (input.empty()) return result;
    // Validation reads and the write share one BEGIN IMMEDIATE transaction, so no other writer
    // (a second client on the same file, the CLI) can slip a duplicate in between.
    auto tx = db_.beginWrite();
    ValidationContext vctx = buildContext();
    WriteIndex index;
    loadCandidates(store_, input, index);
    vctx.findByKey = [&index](const std::string& key) -> std::optional<std::string> {
        auto it = index.byKey.find(key);
        if (it == index.byKey.end()) return std::nullopt;
        return it->second;
    };
    std::vector<NewRecord> rows = std::move(input);
    std::vector<ChangeContext> contexts(rows.size(), ctx);
    std::optional<SchoolCalendar> calendar(std::in_place, vctx.terms);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto& row = rows[i];
        const std::string pseudoId = "#input-" + std::to_string(i);
        auto issues = validateBody(row.kind, row.body, vctx, pseudoId);
        if (!hasErrors(issues) && row.kind == Kind::Homework)
            checkOverCap(row.body, pseudoId, vctx, *calendar, index, overrides_, contexts[i], issues);
        const bool accepted = !hasErrors(issues);
        for (auto& issue : issues) result.issues.push_back(BulkIssue{i, std::move(issue)});
        if (!accepted) continue;
        // Later rows of the same input see this one: duplicates, day totals, new terms/subjects.
        index.add(row.kind, pseudoId, row.body);
        if (row.kind == Kind::Term) {
            vctx.terms[pseudoId] = row.body.get<Term>();
            calendar.emplace(vctx.terms);
        }
        if (row.kind == Kind::Subject) {
            auto s = row.body.get<CustomSubject>();
            vctx.customSubjects[s.code] = s;
        }
    }
    if (result.hasErrors()) return result;

    // A row whose over-cap reason differs from the batch's carries its own, so that every audit
    // row keeps the reason it was saved with; all of it inside one transaction.
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (contexts[i].reason != ctx.reason) rows[i].reason = contexts[i].reason;
    result.records = store_.createMany(std::move(rows), ctx);
    tx.commit();
    return result;
}

LedgerResult Ledger::update(std::string_view id, Json body, std::int64_t expectedVersion, const ChangeContext& ctx)
{
    LedgerResult result;
    auto tx = db_.beginWrite();
    const auto existing = store_.find(id);
    if (!existing) {
        result.issues.push_back(storeIssue("record.not_found", "找不到该记录", "no record with id " + std::string(id)));
        return result;
    }
    if (existing->meta.deleted) {
        result.issues.push_back(storeIssue("record.deleted", "该记录已被删除", "the record has been deleted"));
        return result;
    }
    if (existing->meta.version != expectedVersion) {
        result.issues.push_back(storeIssue("record.stale_version", "记录已被他人修改，请刷新后重新编辑",
                                           "the record is at version " + std::to_string(existing->meta.version) +
                                               ", not " + std::to_string(expectedVersion) + "; reload and edit again"));
        return result;
    }
    ValidationContext vctx = buildContext();
    if (existing->kind == Kind::SchoolClass && vctx.today) keepClassHistory(*existing, body, *vctx.today);
    WriteIndex index;
    loadCandidates(store_, {NewRecord{existing->kind, body}}, index);
    vctx.findByKey = [&index](const std::string& key) -> std::optional<std::string> {
        auto it = index.byKey.find(key);
        if (it == index.byKey.end()) return std::nullopt;
        return it->second;
    };
    if (existing->kind == Kind::Term) vctx.terms.erase(std::string(id));
    result.issues = validateBody(existing->kind, body, vctx, std::string(id));
    ChangeContext change = ctx;
    if (!hasErrors(result.issues) && existing->kind == Kind::Homework)
        checkOverCap(body, std::string(id), vctx, SchoolCalendar(vctx.terms), index, overrides_, change, result.issues);
    if (hasErrors(result.issues)) return result;
    try {
        result.record = store_.update(id, std::move(body), expectedVersion, change);
        tx.commit();
    } catch (const StaleVersion& e) {
        result.issues.push_back(storeIssue("record.stale_version", "记录已被他人修改，请刷新后重新编辑", e.what()));
    }
    return result;
}

namespace {
// Live records that still name a class, teacher or term: deleting it would leave them without the
// grade, the teacher or the calendar their checks need (and the county could no longer check
// them), so the deletion is refused until they are moved or deleted.
std::size_t recordsDependingOn(const RecordStore& store, const Record& target)
{
    RecordQuery q;
    switch (target.kind) {
    case Kind::SchoolClass: q.classId = target.meta.id; break;
    case Kind::Teacher: q.teacherId = target.meta.id; break;
    case Kind::Term: {
        std::size_t n = 0;
        RecordQuery slots;
        slots.kind = Kind::Timetable;
        for (const auto& r : store.query(slots))
            if (r.body.value("term_id", std::string{}) == target.meta.id) ++n;
        if (validateShape(Kind::Term, target.body).empty()) {
            const auto term = target.body.get<Term>();
            for (Kind k : dailyKinds()) {
                RecordQuery daily;
                daily.kind = k;
                daily.from = term.start;
                daily.to = term.end;
                n += store.query(daily).size();
            }
        }
        return n;
    }
    case Kind::Subject:  // a course no longer defined only makes its records' checks warn
    case Kind::Homework:
    case Kind::Sleep:
    case Kind::Activity:
    case Kind::Timetable:
    case Kind::Training: return 0;
    }
    return store.query(q).size();
}
}  // namespace

LedgerResult Ledger::remove(std::string_view id, std::int64_t expectedVersion, const ChangeContext& ctx)
{
    LedgerResult result;
    auto tx = db_.beginWrite();
    if (const auto target = store_.find(id); target && !target->meta.deleted) {
        if (const auto n = recordsDependingOn(store_, *target)) {
            const std::string what(kindName(target->kind));
            result.issues.push_back(storeIssue(
                what + ".in_use", "仍有 " + std::to_string(n) + " 条记录引用它，请先修改或删除这些记录",
                std::to_string(n) + " live record(s) still refer to this " + what + "; move or delete them first"));
            return result;
        }
    }
    try {
        result.record = store_.remove(id, expectedVersion, ctx);
        tx.commit();
    } catch (const RecordNotFound& e) {
        result.issues.push_back(storeIssue("record.not_found", "找不到该记录", e.what()));
    } catch (const StaleVersion& e) {
        result.issues.push_back(storeIssue("record.stale_version", "记录已被他人修改或删除，请刷新", e.what()));
    }
    return result;
}

}  // namespace taizhang
