// `taizhang sync`: one sync pass for cron / a systemd timer, status, enrollment, dead letters and
// the offline bundle. Exit codes (docs/cli.md, docs/sync-protocol.md): 0 everything sent,
// 10 something left to send (network or server trouble: run again later), 11 the county refused
// this device (revoked, unknown, wrong school, school disabled), 12 not enrolled, 13 TLS
// verification or pinning failed, 14 cancelled; 2 usage; 4 database.
#include <iostream>
#include <memory>

#include "commands.h"
#include "curl_transport.h"
#include "enrollment.h"
#include "server_url.h"
#include "offline_bundle.h"
#include "outbox.h"
#include "platform/computer_name.h"
#include "pull_apply.h"
#include "platform/terminal.h"
#include "writer.h"
#include "sleeper.h"
#include "sync_engine.h"
#include "sync_state.h"
#include "token_vault.h"

namespace taizhang::cli {

namespace {
using namespace taizhang::sync;

int exitFor(SyncOutcome outcome) { return exitCodeFor(outcome); }

std::string keyFile(const Context& ctx) { return TokenVault::keyFileFor(ctx.dbPath); }

int syncPass(Context& ctx)
{
    SyncOptions options;
    if (auto wait = ctx.args.intOption("wait")) {
        if (*wait < 0) throw usageError("--wait expects seconds >= 0");
        options.maxWaitMillis = static_cast<std::int64_t>(*wait) * 1000;
    }
    const bool quiet = ctx.args.flag("quiet");
    ctx.args.expectNoMore(0);
    Database& db = ctx.db();
    const TransportOptions connection = transportOptionsFrom(loadSyncSettings(db));
    CurlTransport transport(connection);
    SodiumRandom random;
    RealSleeper sleeper;
    SyncEngine engine(db, transport, ctx.clock, random, sleeper, keyFile(ctx));
    engine.setTransportFactory([connection] { return std::make_unique<CurlTransport>(connection); });
    const bool tty = platform::stderrIsTerminal();
    const auto report = engine.runOnce(options, [&](const SyncProgress& p) {
        if (quiet || ctx.json) return;
        if (p.phase == "sending" && p.recordsTotal > 0 && tty)
            ctx.err << "\rsent " << p.recordsDone << "/" << p.recordsTotal << " changes" << std::flush;
        else if (p.phase == "waiting")
            ctx.err << (tty ? "\n" : "") << "waiting " << (p.waitMillis + 999) / 1000 << " s: " << p.message << "\n";
    });
    if (tty && !quiet && !ctx.json) ctx.err << "\n";
    if (ctx.json) {
        ctx.out << Json{{"outcome", outcomeName(report.outcome)},
                        {"message", report.message},
                        {"error_code", report.errorCode},
                        {"warnings", report.warnings},
                        {"sent", report.recordsSent},
                        {"batches", report.batchesSent},
                        {"created", report.counts.created},
                        {"updated", report.counts.updated},
                        {"duplicate", report.counts.duplicate},
                        {"rejected", report.counts.rejected},
                        {"conflict", report.counts.conflict},
                        {"remaining", report.remaining},
                        {"received", report.pulled},
                        {"school_conflicts", report.pulledConflicts},
                        {"bytes_sent", report.bytesSent}}
                       .dump()
                << "\n";
    } else {
        for (const auto& w : report.warnings) ctx.err << "warning: " << w << "\n";
        std::ostream& to = report.outcome == SyncOutcome::AllSent ? ctx.out : ctx.err;
        to << report.message << "\n";
        if (report.recordsSent > 0)
            ctx.out << "sent " << report.recordsSent << " changes in " << report.batchesSent << " batches: "
                    << report.counts.created << " new, " << report.counts.updated << " updated, "
                    << report.counts.duplicate << " already there, " << report.counts.rejected << " rejected, "
                    << report.counts.conflict << " conflicts\n";
        if (report.pulled > 0 || report.pulledConflicts > 0)
            ctx.out << "received " << report.pulled << " changes from the school's other computers"
                    << (report.pulledConflicts > 0 ? ", " + std::to_string(report.pulledConflicts) + " conflicts listed" : "")
                    << "\n";
        if (report.newDeadLetters > 0)
            ctx.err << report.newDeadLetters << " changes were refused by the county; see `taizhang sync dead-letters`\n";
    }
    return exitFor(report.outcome);
}

int syncStatus(Context& ctx)
{
    ctx.args.expectNoMore(0);
    Database& db = ctx.db();
    const auto s = loadSyncSettings(db);
    const auto st = loadSyncState(db);
    const auto o = Outbox(db, ctx.clock).status();
    if (ctx.json) {
        ctx.out << Json{{"enrolled", s.enrolled()},
                        {"server_url", s.serverUrl},
                        {"school_code", s.schoolCode},
                        {"school_name", s.schoolName},
                        {"device_id", s.deviceId},
                        {"unsent", o.unsent()},
                        {"pending_batches", o.pendingBatches},
                        {"acknowledged", o.acknowledged},
                        {"dead_letters", o.openDeadLetters},
                        {"conflicts", o.openConflicts},
                        {"oldest_unsent_at", o.oldestUnsentAt},
                        {"last_attempt_at", st.lastAttemptAt},
                        {"last_success_at", st.lastSuccessAt},
                        {"last_error", st.lastError},
                        {"last_error_kind", st.lastErrorKind},
                        {"clock_skew_ms", st.clockSkewMs},
                        {"restore_warning", st.restoreWarning},
                        {"last_received_at", st.lastPullAt},
                        {"school_conflicts", schoolConflicts(db).size()}}
                       .dump()
                << "\n";
    } else {
        if (s.enrolled())
            ctx.out << "server:        " << s.serverUrl << "\nschool:        " << s.schoolCode << " " << s.schoolName
                    << "\ndevice:        " << s.deviceId << "\n";
        else
            ctx.out << "not enrolled (taizhang sync enroll --server URL --school CODE --code CODE)\n";
        ctx.out << "unsent:        " << o.unsent() << " changes" << (o.oldestUnsentAt.empty() ? "" : ", oldest from " + o.oldestUnsentAt)
                << "\nacknowledged:  " << o.acknowledged << "\ndead letters:  " << o.openDeadLetters
                << "\nconflicts:     " << o.openConflicts << "\nlast attempt:  "
                << (st.lastAttemptAt.empty() ? "never" : st.lastAttemptAt) << "\nlast success:  "
                << (st.lastSuccessAt.empty() ? "never" : st.lastSuccessAt) << "\nlast received: "
                << (st.lastPullAt.empty() ? "never" : st.lastPullAt) << "\n";
        if (!st.lastError.empty()) ctx.out << "last error:    " << st.lastError << "\n";
        if (std::llabs(st.clockSkewMs) > kMaxClockSkewMillis)
            ctx.out << "warning:       this computer's clock differs from the county's by " << st.clockSkewMs / 60000
                    << " minutes\n";
        if (!st.restoreWarning.empty()) ctx.out << "warning:       " << st.restoreWarning << "\n";
    }
    return o.unsent() == 0 ? kExitOk : 10;
}

int syncEnroll(Context& ctx)
{
    EnrollRequest req;
    req.serverUrl = ctx.args.required("server");
    req.schoolCode = ctx.args.required("school");
    req.enrollmentCode = ctx.args.required("code");
    req.deviceName = ctx.args.option("name").value_or(platform::computerName());
    req.caFile = ctx.args.option("ca-file").value_or("");
    req.pinnedPublicKey = ctx.args.option("pin").value_or("");
    req.proxy = ctx.args.option("proxy").value_or("");
    req.allowInsecureHttp = ctx.args.flag("allow-insecure-http");
    ctx.args.expectNoMore(0);
    Database& db = ctx.db(false);
    TransportOptions topts;
    topts.caFile = req.caFile;
    topts.pinnedPublicKey = req.pinnedPublicKey;
    topts.proxy = req.proxy;
    CurlTransport transport(topts);
    const auto r = enrollDevice(db, transport, req, keyFile(ctx));
    if (ctx.json)
        ctx.out << Json{{"ok", r.ok}, {"message", r.message}, {"error_code", r.errorCode}, {"device_id", r.deviceId}}.dump()
                << "\n";
    else
        (r.ok ? ctx.out : ctx.err) << r.message << "\n";
    if (r.ok) return kExitOk;
    if (r.errorCode == "insecure_url") return kExitUsage;  // the URL given is refused; nothing was sent
    if (r.tlsProblem) return 13;
    if (r.authProblem) return 11;
    return 10;
}

int syncDeadLetters(Context& ctx)
{
    const bool all = ctx.args.flag("all");
    std::string action = ctx.args.positionals.empty() ? "list" : ctx.args.positionals.front();
    Database& db = ctx.db();
    Outbox outbox(db, ctx.clock);
    if (action == "resend" || action == "dismiss") {
        if (ctx.args.positionals.size() != 2) throw usageError("usage: taizhang sync dead-letters " + action + " ID|all");
        const std::string which = ctx.args.positionals[1];
        ctx.args.expectNoMore(2);
        std::vector<std::int64_t> ids;
        if (which == "all")
            for (const auto& d : outbox.deadLetters()) ids.push_back(d.id);
        else
            try {
                ids.push_back(std::stoll(which));
            } catch (const std::exception&) {
                throw usageError("dead letter id must be a number or 'all'");
            }
        for (auto id : ids) {
            try {
                if (action == "resend")
                    outbox.resend(id);
                else
                    outbox.dismiss(id);
            } catch (const std::invalid_argument& e) {
                throw CliError(kExitNotFound, e.what());
            }
        }
        ctx.out << (action == "resend" ? "queued again: " : "dismissed: ") << ids.size() << "\n";
        return kExitOk;
    }
    if (action != "list") throw usageError("usage: taizhang sync dead-letters [list [--all] | resend ID|all | dismiss ID|all]");
    ctx.args.expectNoMore(ctx.args.positionals.empty() ? 0 : 1);
    const auto list = outbox.deadLetters(all);
    if (ctx.json) {
        Json arr = Json::array();
        for (const auto& d : list)
            arr.push_back({{"id", d.id}, {"record_id", d.recordId}, {"kind", d.kind}, {"version", d.version},
                           {"seq", d.seq}, {"status", d.status}, {"code", d.code}, {"message", d.message},
                           {"created_at", d.createdAt}, {"resolved", d.resolved}, {"resolution", d.resolution}});
        ctx.out << arr.dump() << "\n";
        return kExitOk;
    }
    if (list.empty()) ctx.out << "no refused changes\n";
    for (const auto& d : list)
        ctx.out << d.id << "\t" << d.kind << "\t" << d.recordId << " v" << d.version << "\t" << d.status << "\t"
                << d.code << ": " << d.message << (d.resolved ? "\t(" + d.resolution + ")" : "") << "\n";
    return kExitOk;
}

// The school's conflicts, as the county's change feed listed them (docs/sync-protocol.md, Pull):
// list them, or resolve one by saving its winner again, keeping it or taking the other version.
int syncConflicts(Context& ctx)
{
    const std::string action = ctx.args.positionals.empty() ? "list" : ctx.args.positionals.front();
    Database& db = ctx.db();
    if (action == "keep" || action == "take") {
        if (ctx.args.positionals.size() != 2) throw usageError("usage: taizhang sync conflicts " + action + " CHANGE");
        std::int64_t change = 0;
        try {
            change = std::stoll(ctx.args.positionals[1]);
        } catch (const std::exception&) {
            throw usageError("conflict number must be a number");
        }
        ctx.args.expectNoMore(2);
        ConflictResolution how;
        try {
            how = conflictResolution(db, change, action == "take");
        } catch (const std::invalid_argument& e) {
            throw CliError(kExitNotFound, e.what());
        }
        Writer writer(db, ctx.clock, "cli");
        const auto r = writer.update(how.recordId, how.body, how.expectedVersion,
                                     action == "take" ? "resolve conflict: take the other version"
                                                      : "resolve conflict: keep the stored version");
        if (!r.ok()) {
            printIssues(ctx.err, r.issues);
            return kExitInvalid;
        }
        ctx.out << "resolved: record " << how.recordId << " saved as version " << r.records.front().meta.version
                << "; it reaches the county and the school's other computers with the next sync\n";
        return kExitOk;
    }
    if (action != "list") throw usageError("usage: taizhang sync conflicts [list [--all] | keep CHANGE | take CHANGE]");
    const bool all = ctx.args.flag("all");
    ctx.args.expectNoMore(ctx.args.positionals.empty() ? 0 : 1);
    Json arr = Json::array();
    const auto conflicts = schoolConflicts(db);
    std::size_t shown = 0;
    for (const auto& c : conflicts) {
        if (!c.open && !all) continue;
        ++shown;
        if (ctx.json) {
            arr.push_back({{"change", c.change}, {"record_id", c.recordId}, {"kind", kindName(c.kind)},
                           {"version", c.version}, {"code", c.code}, {"winner_id", c.winnerId},
                           {"winner_version", c.winnerVersion}, {"from_device", c.fromDevice},
                           {"received_at", c.receivedAt}, {"open", c.open}, {"record", c.record}});
            continue;
        }
        ctx.out << c.change << "\t" << kindName(c.kind) << "\t" << c.recordId << " v" << c.version << "\t" << c.code
                << "\tstored: " << c.winnerId << " v" << c.winnerVersion << (c.open ? "" : "\t(resolved)") << "\n";
    }
    if (ctx.json) ctx.out << arr.dump() << "\n";
    else if (conflicts.empty()) ctx.out << "没有冲突 (no conflicts)\n";
    else if (shown == 0)
        ctx.out << "没有待处理的冲突；已处理 " << conflicts.size() << " 个，--all 列出 (no open conflicts; "
                << conflicts.size() << " resolved, --all lists them)\n";
    return kExitOk;
}

int syncBundle(Context& ctx)
{
    const std::string out = ctx.args.required("out");
    ctx.args.expectNoMore(0);
    Database& db = ctx.db();
    const auto st = loadSyncState(db);
    BatchLimits limits;
    if (st.maxBatchRecords > 0) limits.maxRecords = static_cast<std::size_t>(st.maxBatchRecords);
    if (st.maxBatchBytes > 0) limits.maxBytes = static_cast<std::size_t>(st.maxBatchBytes);
    if (st.maxDecompressedBytes > 0) limits.maxDecompressedBytes = static_cast<std::size_t>(st.maxDecompressedBytes);
    try {
        const auto r = writeOfflineBundle(db, ctx.clock, keyFile(ctx), limits, out);
        ctx.out << "wrote " << out << ": " << r.records << " changes in " << r.batches << " batches, " << r.bytes
                << " bytes; the county imports it with `taizhang-county bundle import --file " << out << "`\n";
    } catch (const std::runtime_error& e) {
        throw CliError(12, e.what());
    }
    return kExitOk;
}
}  // namespace

int runSync(Context& ctx)
{
    if (ctx.args.flag("status")) return syncStatus(ctx);
    if (ctx.args.positionals.empty()) return syncPass(ctx);
    const std::string sub = ctx.args.positionals.front();
    if (sub == "help") throw usageError(
        "usage: taizhang sync [--wait SECONDS] [--quiet] | sync --status | sync enroll --server URL --school CODE "
        "--code CODE [--name NAME] [--ca-file PEM] [--pin sha256//BASE64] [--proxy URL|none] "
        "[--allow-insecure-http] | sync dead-letters [list [--all] | resend ID|all | dismiss ID|all] | "
        "sync conflicts [list [--all] | keep CHANGE | take CHANGE] | sync bundle --out FILE\n  --allow-insecure-http: " + std::string(sync::kInsecureHttpRisk));
    ctx.args.positionals.erase(ctx.args.positionals.begin());
    if (sub == "enroll") return syncEnroll(ctx);
    if (sub == "dead-letters") return syncDeadLetters(ctx);
    if (sub == "bundle") return syncBundle(ctx);
    if (sub == "conflicts") return syncConflicts(ctx);
    throw usageError("unknown sub-command '" + sub +
                     "' of sync; use enroll | dead-letters | conflicts | bundle, or none to sync");
}

}  // namespace taizhang::cli
