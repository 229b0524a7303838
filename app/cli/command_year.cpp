// taizhang year preview|start: the new school year (promote, graduate, open entry classes, add
// the year's terms, carry timetables over as drafts) in one transaction; `teacher leave|rejoin`.
// The work is core's (school_year.h): the client's 新学年 page does exactly the same.
#include <algorithm>
#include <ostream>

#include "commands.h"
#include "ledger.h"
#include "references.h"
#include "school.h"
#include "school_year.h"
#include "sync_state.h"
#include "table.h"
#include "typed_text.h"
#include "writer.h"

namespace taizhang::cli {

namespace {
const char* actionWord(ClassStep::Action a)
{
    switch (a) {
    case ClassStep::Action::Promote: return "升级 promote";
    case ClassStep::Action::Graduate: return "毕业归档 graduate";
    case ClassStep::Action::Create: return "新建 new";
    }
    return "";
}

// --term NAME:START:END (repeatable), e.g. --term 2027-2028学年第一学期:2027-09-01:2028-01-20.
std::vector<Term> termsFromOptions(Args& args)
{
    std::vector<Term> out;
    for (const auto& text : args.options("term")) {
        const auto b = text.rfind(':');
        const auto a = b == std::string::npos || b == 0 ? std::string::npos : text.rfind(':', b - 1);
        auto start = a == std::string::npos ? std::nullopt : parseTypedDate(text.substr(a + 1, b - a - 1));
        auto end = b == std::string::npos ? std::nullopt : parseTypedDate(text.substr(b + 1));
        if (!start || !end) throw usageError("--term needs NAME:START:END with dates, got '" + text + "'");
        Term t;
        t.name = text.substr(0, a);
        t.start = *start;
        t.end = *end;
        out.push_back(std::move(t));
    }
    return out;
}

void printPlan(Context& ctx, const YearPlan& plan)
{
    if (ctx.json) {
        Json classes = Json::array();
        for (const auto& s : plan.classes)
            classes.push_back({{"action", s.action == ClassStep::Action::Promote    ? "promote"
                                          : s.action == ClassStep::Action::Graduate ? "graduate"
                                                                                    : "create"},
                               {"id", s.classId},
                               {"from_grade", s.fromGrade},
                               {"from_name", s.fromName},
                               {"to_grade", s.toGrade},
                               {"to_name", s.toName}});
        Json terms = Json::array();
        for (const auto& t : plan.terms) terms.push_back(Json(t));
        Json problems = Json::array(), notes = Json::array();
        for (const auto& p : plan.problems) problems.push_back({{"zh", p.zh}, {"en", p.en}});
        for (const auto& p : plan.notes) notes.push_back({{"zh", p.zh}, {"en", p.en}});
        ctx.out << Json{{"start", plan.start.toString()},   {"year", plan.yearName},
                        {"classes", classes},                {"terms", terms},
                        {"terms_source", plan.termsSource},  {"timetable_from_term", plan.copyFromTermName},
                        {"timetable_slots", plan.drafts.size()}, {"timetable_slots_dropped", plan.slotsDropped},
                        {"problems", problems},              {"notes", notes}}
                       .dump(2)
                << "\n";
        return;
    }
    ctx.out << "新学年 " << plan.yearName << "，从 " << plan.start.toString() << " 起 / new school year from "
            << plan.start.toString() << "\n";
    Table table({"action", "from", "to"});
    for (const auto& s : plan.classes)
        table.add({actionWord(s.action), s.fromName.empty() ? "-" : s.fromName, s.toName});
    table.print(ctx.out);
    ctx.out << "升级 " << plan.count(ClassStep::Action::Promote) << " 个班，毕业归档 " << plan.count(ClassStep::Action::Graduate)
            << " 个班，新建 " << plan.count(ClassStep::Action::Create) << " 个班 / promote "
            << plan.count(ClassStep::Action::Promote) << ", graduate " << plan.count(ClassStep::Action::Graduate)
            << ", new " << plan.count(ClassStep::Action::Create) << "\n";
    for (const auto& t : plan.terms)
        ctx.out << "学期 term: " << t.name << " " << t.start.toString() << ".." << t.end.toString()
                << (plan.termsSource == "county" ? "（县区校历 county calendar）" : "") << "\n";
    if (!plan.copyFromTermName.empty())
        ctx.out << "课表草稿 timetable drafts: " << plan.drafts.size() << " 节，复制自 from " << plan.copyFromTermName
                << (plan.slotsDropped ? "（" + std::to_string(plan.slotsDropped) + " 节因新年级不开设该科目而未复制 / not copied: subject not taken in the new grade）" : std::string())
                << "\n";
    for (const auto& n : plan.notes) ctx.out << "注意 note: " << n.zh << " / " << n.en << "\n";
    for (const auto& p : plan.problems) ctx.err << "error: " << p.zh << " / " << p.en << "\n";
}
}  // namespace

int runYear(Context& ctx)
{
    const std::string sub = subcommand(ctx, "year", {"preview", "start"});
    const bool dryRun = sub == "preview" || ctx.args.flag("dry-run");
    YearStartOptions options;
    auto start = ctx.args.dateOption("date");
    if (!start) throw usageError("year " + sub + " needs --date YYYY-MM-DD (the first day of the new school year)");
    options.start = *start;
    if (auto n = ctx.args.intOption("primary-entry")) options.entryClasses[1] = *n;
    if (auto n = ctx.args.intOption("junior-entry")) options.entryClasses[7] = *n;
    options.terms = termsFromOptions(ctx.args);
    options.copyTimetables = !ctx.args.flag("no-timetables");
    ctx.args.expectNoMore(0);

    Database& db = ctx.db();
    Writer writer(db, ctx.clock, "cli");
    const auto plan = planSchoolYear(writer.store(), loadSchoolProfile(db), options,
                                     countyTermsFromJson(loadSyncState(db).terms));
    printPlan(ctx, plan);
    if (!plan.ok()) return kExitInvalid;
    if (dryRun) {
        if (!ctx.json) ctx.out << "预览，未做任何修改 / preview only, nothing changed\n";
        return kExitOk;
    }
    Ledger ledger(db, ctx.clock);
    ledger.setOverrides(loadCountyOverrides(db));
    const auto result = startSchoolYear(db, ledger, plan, ChangeContext{"cli", ensureDeviceId(db, ctx.clock), ""});
    if (!result.ok) {
        for (const auto& i : result.issues) ctx.err << "error: " << i.code << ": " << i.messageZh << " / " << i.messageEn << "\n";
        ctx.err << "taizhang: nothing was changed\n";
        return std::any_of(result.issues.begin(), result.issues.end(), [](const ValidationIssue& i) { return isConflictCode(i.code); })
                   ? kExitConflict
                   : kExitInvalid;
    }
    if (!ctx.json)
        ctx.out << "新学年已开始 / new school year started: promoted " << result.promoted << ", graduated "
                << result.graduated << ", new classes " << result.created << ", terms " << result.terms
                << ", timetable drafts " << result.drafts << "\n";
    return kExitOk;
}

// teacher leave NAME --date D [--reason left|transferred]; teacher rejoin NAME --date D.
int moveTeacher(Context& ctx, const std::string& sub, const std::string& who)
{
    auto day = ctx.args.dateOption("date");
    const std::string reason = ctx.args.option("reason").value_or("left");
    ctx.args.expectNoMore(0);
    Database& db = ctx.db();
    Writer writer(db, ctx.clock, "cli");
    References refs(writer.store());
    const auto found = refs.findTeacher(who);
    if (!found.ok()) throw CliError(kExitNotFound, found.problem);
    const auto record = writer.store().find(found.id);
    if (!record) throw CliError(kExitNotFound, "no teacher " + who);
    auto teacher = record->body.get<Teacher>();
    const Date when = day.value_or(ctx.today());
    const auto problem = sub == "leave" ? teacherLeaves(teacher, when, reason) : teacherRejoins(teacher, when);
    if (problem) {
        ctx.err << "error: " << problem->zh << " / " << problem->en << "\ntaizhang: nothing was updated\n";
        return kExitInvalid;
    }
    Json body = record->body;
    body["away"] = teacher.away;
    const auto result = writer.update(found.id, std::move(body), record->meta.version);
    printIssues(ctx.err, result.issues);
    if (!result.ok()) return kExitInvalid;
    ctx.out << (sub == "leave" ? "teacher away from " : "teacher back from ") << when.toString() << ": "
            << teacher.name << " " << found.id << "\n";
    return kExitOk;
}

}  // namespace taizhang::cli
