// taizhang user add|list|passwd|disable|enable: local accounts with Argon2id password hashes.
// Passwords are never taken from the command line (they would show in `ps` and shell history):
// they are read from stdin with --password-stdin, or prompted for without echo.
#include <iostream>

#include "commands.h"
#include "platform/terminal.h"
#include "references.h"
#include "table.h"
#include "users.h"

namespace taizhang::cli {

namespace {
std::string readSecret(Context& ctx, bool fromStdin, const char* prompt)
{
    std::string line;
    if (fromStdin || !platform::stdinIsTerminal()) {
        if (!std::getline(ctx.in, line)) throw CliError(kExitInvalid, "no password on standard input");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    ctx.err << prompt << std::flush;
    platform::readLineWithoutEcho(ctx.in, line);
    ctx.err << "\n";
    return line;
}

std::string username(Context& ctx)
{
    if (ctx.args.positionals.empty()) throw usageError("missing the username");
    std::string u = ctx.args.positionals.front();
    ctx.args.positionals.erase(ctx.args.positionals.begin());
    return u;
}
}  // namespace

int runUser(Context& ctx)
{
    const std::string sub = subcommand(ctx, "user", {"add", "list", "passwd", "disable", "enable"});
    Database& db = ctx.db();
    UserStore users(db, ctx.clock);
    if (sub == "list") {
        ctx.args.expectNoMore(0);
        RecordStore store(db, ctx.clock);
        References refs(store);
        const auto all = users.list();
        if (ctx.json) {
            Json arr = Json::array();
            for (const auto& u : all)
                arr.push_back({{"id", u.id}, {"username", u.username}, {"display_name", u.displayName},
                               {"role", roleName(u.role)}, {"teacher_id", u.teacherId}, {"disabled", u.disabled},
                               {"created_at", u.createdAt}, {"updated_at", u.updatedAt}});
            ctx.out << arr.dump(2) << "\n";
            return kExitOk;
        }
        Table table({"username", "name", "role", "teacher", "disabled"});
        for (const auto& u : all)
            table.add({u.username, u.displayName, std::string(roleName(u.role)),
                       u.teacherId.empty() ? "" : refs.teacherName(u.teacherId), u.disabled ? "yes" : ""});
        table.print(ctx.out);
        return kExitOk;
    }
    const std::string name = username(ctx);
    const bool fromStdin = ctx.args.flag("password-stdin");
    if (sub == "add") {
        NewUser nu;
        nu.username = name;
        nu.displayName = ctx.args.option("display-name").value_or("");
        const std::string role = ctx.args.option("role").value_or("teacher");
        auto r = roleFromName(role);
        if (!r) throw usageError("--role must be admin or teacher, got '" + role + "'");
        nu.role = *r;
        if (auto t = ctx.args.option("teacher")) {
            RecordStore store(db, ctx.clock);
            auto resolved = References(store).findTeacher(*t);
            if (!resolved.ok()) throw CliError(kExitNotFound, resolved.problem);
            nu.teacherId = resolved.id;
        }
        ctx.args.expectNoMore(0);
        if (users.find(name)) throw CliError(kExitConflict, "a user named '" + name + "' already exists");
        const auto u = users.create(nu, readSecret(ctx, fromStdin, "Password or PIN: "));
        ctx.out << "added user " << u.username << " (" << roleName(u.role) << ")\n";
        return kExitOk;
    }
    ctx.args.expectNoMore(0);
    if (sub == "passwd") {
        if (!users.find(name)) throw CliError(kExitNotFound, "no user named '" + name + "'");
        users.setPassword(name, readSecret(ctx, fromStdin, "New password or PIN: "));
        ctx.out << "password of " << name << " changed\n";
        return kExitOk;
    }
    users.setDisabled(name, sub == "disable");
    ctx.out << "user " << name << (sub == "disable" ? " disabled\n" : " enabled\n");
    return kExitOk;
}

}  // namespace taizhang::cli
