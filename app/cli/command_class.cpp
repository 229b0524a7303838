// taizhang class add|list|edit|delete. `class add 三年级 1-6 班` creates six classes at once.
#include "commands.h"
#include "record_fields.h"
#include "references.h"
#include "subjects.h"
#include "writer.h"

namespace taizhang::cli {

namespace {
const std::vector<std::string> kGradeWords{"一", "二", "三", "四", "五", "六", "七", "八", "九"};

int gradeFromWord(const std::string& w)
{
    for (std::size_t i = 0; i < kGradeWords.size(); ++i)
        if (w == kGradeWords[i] || w == std::to_string(i + 1)) return static_cast<int>(i + 1);
    return 0;
}

std::string className(int grade, int number)
{
    return kGradeWords[static_cast<std::size_t>(grade - 1)] + "年级" + std::to_string(number) + "班";
}

// "三年级 1-6 班", "三年级1-6班", "3年级 2 班": grade and a range of class numbers. Parsed by hand:
// std::regex works on bytes and cannot match Chinese characters as one character.
bool parseBulkPattern(std::string text, int& grade, int& first, int& last)
{
    std::string compact;
    for (char c : text)
        if (c != ' ' && c != '\t') compact += c;
    const auto at = compact.find("年级");
    if (at == std::string::npos) return false;
    grade = gradeFromWord(compact.substr(0, at));
    std::string rest = compact.substr(at + std::string("年级").size());
    if (rest.size() >= 3 && rest.compare(rest.size() - 3, 3, "班") == 0) rest.resize(rest.size() - 3);
    for (const char* dash : {"~", "～", "至", "到", "—", "－"}) {
        for (auto p = rest.find(dash); p != std::string::npos; p = rest.find(dash)) rest.replace(p, std::string(dash).size(), "-");
    }
    const auto dash = rest.find('-');
    auto number = [](const std::string& s, int& out) {
        if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos) return false;
        out = std::stoi(s);
        return true;
    };
    if (dash == std::string::npos) {
        if (!number(rest, first)) return false;
        last = first;
    } else if (!number(rest.substr(0, dash), first) || !number(rest.substr(dash + 1), last)) {
        return false;
    }
    return grade > 0 && first >= 1 && last >= first && last - first < 40;
}

int addClasses(Context& ctx)
{
    std::string joined;
    for (const auto& p : ctx.args.positionals) joined += p;
    int grade = 0, first = 0, last = 0;
    std::vector<std::string> names;
    if (!joined.empty()) {
        if (!parseBulkPattern(joined, grade, first, last))
            throw usageError("cannot read '" + joined + "'; write it like 三年级 1-6 班, or use --grade and --name");
        if (ctx.args.option("grade") || ctx.args.option("name"))
            throw usageError("give either a pattern like 三年级 1-6 班 or --grade/--name, not both");
        for (int k = first; k <= last; ++k) names.push_back(className(grade, k));
        ctx.args.positionals.clear();
    } else {
        auto count = ctx.args.intOption("count");
        if (count) {
            grade = ctx.args.intOption("grade").value_or(0);
            if (grade < 1 || grade > 9) throw usageError("--count needs --grade 1-9");
            for (int k = 1; k <= *count; ++k) names.push_back(className(grade, k));
        } else {
            return addRecord(ctx, Kind::SchoolClass);
        }
    }
    Database& db = ctx.db();
    Writer writer(db, ctx.clock, "cli");
    References refs(writer.store());
    const int students = ctx.args.intOption("students").value_or(0);
    std::vector<std::string> subjects = defaultSubjectsForGrade(grade);
    if (auto list = ctx.args.option("subjects")) {
        std::string problem;
        auto v = convertField(*findField(Kind::SchoolClass, "subjects"), *list, refs, problem);
        if (!v) throw CliError(kExitInvalid, "--subjects: " + problem);
        subjects = v->get<std::vector<std::string>>();
    }
    ctx.args.expectNoMore(0);
    std::vector<NewRecord> batch;
    for (const auto& name : names) {
        if (refs.findClass(name).ok())
            throw CliError(kExitConflict, "班级「" + name + "」已存在，班级名称不能重复 / class " + name + " already exists");
        batch.push_back({Kind::SchoolClass, Json(SchoolClass{grade, name, students, subjects})});
    }
    const auto result = writer.saveMany(batch);
    printIssues(ctx.err, result.issues);
    if (!result.ok()) return kExitInvalid;
    for (const auto& r : result.records) ctx.out << "added class " << r.body.at("name").get<std::string>() << " " << r.meta.id << "\n";
    return kExitOk;
}

std::string nameArgument(Context& ctx, const char* command)
{
    if (ctx.args.positionals.empty()) throw usageError(std::string("usage: taizhang ") + command + " <id or name> ...");
    std::string v = ctx.args.positionals.front();
    ctx.args.positionals.erase(ctx.args.positionals.begin());
    return v;
}
}  // namespace

int runClass(Context& ctx)
{
    const std::string sub = subcommand(ctx, "class", {"add", "list", "edit", "delete"});
    if (sub == "add") return addClasses(ctx);
    if (sub == "list") return listRecords(ctx, Kind::SchoolClass);
    const std::string name = nameArgument(ctx, sub == "edit" ? "class edit" : "class delete");
    return sub == "edit" ? editRecord(ctx, Kind::SchoolClass, name) : deleteRecord(ctx, Kind::SchoolClass, name);
}

int runTeacher(Context& ctx)
{
    const std::string sub = subcommand(ctx, "teacher", {"add", "list", "edit", "delete", "leave", "rejoin"});
    if (sub == "add") return addRecord(ctx, Kind::Teacher);
    if (sub == "list") return listRecords(ctx, Kind::Teacher);
    const std::string name = nameArgument(ctx, ("teacher " + sub).c_str());
    if (sub == "leave" || sub == "rejoin") return moveTeacher(ctx, sub, name);
    return sub == "edit" ? editRecord(ctx, Kind::Teacher, name) : deleteRecord(ctx, Kind::Teacher, name);
}

}  // namespace taizhang::cli
