// Generic add / list / edit / delete / history of records, driven by the field table.
#include <algorithm>
#include <iostream>

#include "commands.h"
#include "record_fields.h"
#include "references.h"
#include "subjects.h"
#include "table.h"
#include "validation.h"
#include "writer.h"

namespace taizhang::cli {

namespace {
constexpr const char* kAuthor = "cli";

std::string optionName(const FieldSpec& f)
{
    std::string n = f.name;
    for (char& c : n)
        if (c == '_') c = '-';
    return n;
}

// Applies --field value options to a body. Unknown fields are usage errors; values that do not
// convert are input errors naming the option.
void applyOptions(Context& ctx, Kind kind, Json& body, const References& refs)
{
    const bool partTime = kind == Kind::Teacher && ctx.args.flag("part-time");
    if (partTime) body["full_time"] = false;
    for (const auto& [name, value] : ctx.args.takeRemainingOptions()) {
        const FieldSpec* spec = findField(kind, name);
        if (!spec) {
            std::string fields;
            for (const auto& f : fieldsOf(kind)) fields += " --" + optionName(f);
            throw usageError("unknown option --" + name + " for " + std::string(kindName(kind)) + "; fields:" + fields);
        }
        if (value.empty() && !spec->required) {
            body.erase(spec->key);
            continue;
        }
        std::string problem;
        auto v = convertField(*spec, value, refs, problem);
        if (!v) throw CliError(kExitInvalid, "--" + optionName(*spec) + ": " + problem);
        body[spec->key] = *v;
    }
}

int report(Context& ctx, const WriteResult& result, const std::string& verb)
{
    printIssues(ctx.err, result.issues);
    if (!result.ok()) {
        ctx.err << "taizhang: nothing was " << verb << "\n";
        for (const auto& i : result.issues) {
            if (i.error && isConflictCode(i.code)) return kExitConflict;
            if (i.code == "record.not_found") return kExitNotFound;
        }
        return kExitInvalid;
    }
    for (const auto& r : result.records) {
        if (ctx.json) ctx.out << recordToJson(r).dump() << "\n";
        else ctx.out << verb << " " << kindName(r.kind) << " " << r.meta.id << " (version " << r.meta.version << ")\n";
    }
    return kExitOk;
}

Record findRecord(Context& ctx, Kind kind, const std::string& idOrName, const References& refs)
{
    RecordStore store(ctx.db(), ctx.clock);
    std::string id = idOrName;
    if (kind == Kind::SchoolClass || kind == Kind::Teacher || kind == Kind::Term) {
        const Resolved r = kind == Kind::SchoolClass ? refs.findClass(idOrName)
                           : kind == Kind::Teacher   ? refs.findTeacher(idOrName)
                                                     : refs.findTerm(idOrName);
        if (!r.ok()) throw CliError(kExitNotFound, r.problem);
        id = r.id;
    }
    auto record = store.find(id);
    if (!record || (record->kind != kind && kind != Kind::Subject))
        throw CliError(kExitNotFound, "no " + std::string(kindName(kind)) + " record with id " + idOrName);
    return *record;
}

// The edited class body gets its new grade / name / subjects from `from` on (changeClassFrom).
// A class that took its grade's default subjects takes the new grade's defaults.
void applyClassChangeFrom(const Record& before, Json& body, const Date& from)
{
    if (!validateShape(Kind::SchoolClass, before.body).empty() || !validateShape(Kind::SchoolClass, body).empty())
        return;  // the Ledger reports the shape
    const auto old = before.body.get<SchoolClass>();
    auto edited = body.get<SchoolClass>();
    if (edited.grade != old.grade && edited.subjects == old.subjects && old.subjects == defaultSubjectsForGrade(old.grade))
        edited.subjects = defaultSubjectsForGrade(edited.grade);
    if (edited.grade == old.grade && edited.name == old.name && edited.subjects == old.subjects) return;
    SchoolClass changed = old;
    changeClassFrom(changed, from, edited.grade, edited.name, edited.subjects);
    changed.students = edited.students;
    changed.archivedFrom = edited.archivedFrom;
    body = Json(changed);
}

std::int64_t expectedVersion(Context& ctx, const Record& r)
{
    // Without --version the edit applies to the version just read (last writer wins in a script);
    // with it, an edit of a version someone else has changed is refused (exit 6).
    return ctx.args.intOption("version").value_or(static_cast<int>(r.meta.version));
}
}  // namespace

int addRecord(Context& ctx, Kind kind)
{
    Database& db = ctx.db();
    Writer writer(db, ctx.clock, kAuthor);
    References refs(writer.store());
    const std::string reason = ctx.args.option("reason").value_or("");
    Json body = Json::object();
    applyOptions(ctx, kind, body, refs);
    ctx.args.expectNoMore(0);
    completeNoHomework(kind, body);
    for (const auto& f : fieldsOf(kind))
        if (f.required && !body.contains(f.key)) throw usageError("missing required option --" + optionName(f));
    if (kind == Kind::SchoolClass && !body.contains("subjects") && body.at("grade").is_number_integer())
        body["subjects"] = defaultSubjectsForGrade(body.at("grade").get<int>());
    return report(ctx, writer.save(kind, std::move(body), reason), "saved");
}

int editRecord(Context& ctx, Kind kind, const std::string& idOrName)
{
    Database& db = ctx.db();
    Writer writer(db, ctx.clock, kAuthor);
    References refs(writer.store());
    const Record before = findRecord(ctx, kind, idOrName, refs);
    const auto version = expectedVersion(ctx, before);
    const std::string reason = ctx.args.option("reason").value_or("");
    // A class's grade, name and subjects change from a day on (--from, default today); the days
    // before keep what they had, so past records keep the rules of the grade they were made in.
    const std::optional<Date> from = before.kind == Kind::SchoolClass ? ctx.args.dateOption("from") : std::nullopt;
    Json body = before.body;
    applyOptions(ctx, before.kind, body, refs);
    ctx.args.expectNoMore(0);
    if (before.kind == Kind::SchoolClass) applyClassChangeFrom(before, body, from.value_or(ctx.today()));
    return report(ctx, writer.update(before.meta.id, std::move(body), version, reason), "updated");
}

int deleteRecord(Context& ctx, Kind kind, const std::string& idOrName)
{
    Database& db = ctx.db();
    Writer writer(db, ctx.clock, kAuthor);
    References refs(writer.store());
    const Record before = findRecord(ctx, kind, idOrName, refs);
    const auto version = expectedVersion(ctx, before);
    const std::string reason = ctx.args.option("reason").value_or("");
    ctx.args.expectNoMore(0);
    return report(ctx, writer.remove(before.meta.id, version, reason), "deleted");
}

int listRecords(Context& ctx, Kind kind)
{
    Database& db = ctx.db();
    RecordStore store(db, ctx.clock);
    References refs(store);
    RecordQuery q;
    q.kind = kind;
    q.from = ctx.args.dateOption("from");
    q.to = ctx.args.dateOption("to");
    if (auto c = ctx.args.option("class")) {
        auto r = refs.findClass(*c);
        if (!r.ok()) throw CliError(kExitNotFound, r.problem);
        q.classId = r.id;
    }
    if (auto t = ctx.args.option("teacher")) {
        auto r = refs.findTeacher(*t);
        if (!r.ok()) throw CliError(kExitNotFound, r.problem);
        q.teacherId = r.id;
    }
    q.includeDeleted = ctx.args.flag("include-deleted");
    q.limit = static_cast<std::size_t>(ctx.args.intOption("limit").value_or(0));
    ctx.args.expectNoMore(0);
    auto records = store.query(q);
    if (kind == Kind::SchoolClass || kind == Kind::Teacher) {
        // Reference data has no day: list classes by grade and name, teachers by staff number.
        auto key = [&](const Record& r) {
            return kind == Kind::SchoolClass ? std::make_pair(r.body.value("grade", 0), r.body.value("name", ""))
                                             : std::make_pair(0, r.body.value("staff_number", ""));
        };
        std::stable_sort(records.begin(), records.end(),
                         [&](const Record& a, const Record& b) { return key(a) < key(b); });
    }
    if (ctx.json) {
        Json arr = Json::array();
        for (const auto& r : records) arr.push_back(recordToJson(r));
        ctx.out << arr.dump(2) << "\n";
        return kExitOk;
    }
    std::vector<std::string> header{"id", "ver"};
    for (const auto& f : fieldsOf(kind)) header.push_back(f.name);
    if (q.includeDeleted) header.push_back("deleted");
    Table table(header);
    for (const auto& r : records) {
        std::vector<std::string> row{r.meta.id, std::to_string(r.meta.version)};
        for (const auto& f : fieldsOf(kind)) {
            std::string v = displayField(f, r.body, refs);
            if (v.size() > 60) v = v.substr(0, 57) + "...";
            row.push_back(v);
        }
        if (q.includeDeleted) row.push_back(r.meta.deleted ? "yes" : "");
        table.add(std::move(row));
    }
    table.print(ctx.out);
    ctx.out << records.size() << " " << kindName(kind) << " record(s)\n";
    return kExitOk;
}

int showHistory(Context& ctx, const std::string& id)
{
    Database& db = ctx.db();
    RecordStore store(db, ctx.clock);
    ctx.args.expectNoMore(0);
    const auto entries = store.history(id);
    if (entries.empty()) throw CliError(kExitNotFound, "no history for record " + id);
    if (ctx.json) {
        Json arr = Json::array();
        for (const auto& e : entries)
            arr.push_back({{"version", e.version}, {"action", e.action}, {"at", e.at}, {"author", e.author},
                           {"device", e.device}, {"reason", e.reason},
                           {"before", e.before ? e.before->at("body") : Json()},
                           {"after", e.after ? e.after->at("body") : Json()}});
        ctx.out << arr.dump(2) << "\n";
        return kExitOk;
    }
    Table table({"version", "action", "at", "author", "reason", "changed"});
    for (const auto& e : entries) {
        std::string changed;
        if (e.before && e.after) {
            const Json& b = e.before->at("body");
            const Json& a = e.after->at("body");
            for (auto it = a.begin(); it != a.end(); ++it)
                if (!b.contains(it.key()) || b.at(it.key()) != it.value())
                    changed += (changed.empty() ? "" : ", ") + it.key() + ": " +
                               (b.contains(it.key()) ? b.at(it.key()).dump() : "-") + " -> " + it.value().dump();
        }
        table.add({std::to_string(e.version), e.action, e.at, e.author, e.reason, changed});
    }
    table.print(ctx.out);
    return kExitOk;
}

}  // namespace taizhang::cli
