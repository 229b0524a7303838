#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.h"
#include "day_summary.h"
#include "http_server.h"
#include "platform/stop_signals.h"
#include "request_log.h"

namespace taizhang::server {
namespace {

std::pair<std::string, int> parseListen(const std::string& listen)
{
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw UsageError("--listen expects HOST:PORT, e.g. 127.0.0.1:8787");
    try {
        return {listen.substr(0, colon), std::stoi(listen.substr(colon + 1))};
    } catch (const std::exception&) {
        throw UsageError("--listen expects HOST:PORT, e.g. 127.0.0.1:8787");
    }
}

// Test hooks only (crash, in-flight and shutdown tests), set through the environment:
//   TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS=N   hold every batch transaction N ms before its commit,
//                                            which widens the window in which two batches race;
//   TAIZHANG_COUNTY_TEST_COMMIT_GATE=FILE    hold each batch transaction before its commit until
//                                            FILE exists, after logging "batch held before commit"
//                                            (the event a test waits for before it kills the
//                                            process or sends a competing request);
//   TAIZHANG_COUNTY_TEST_COMMIT_GATE_AFTER=N the gate lets the first N batches through;
//   TAIZHANG_COUNTY_BENCH_NO_DAY_SUMMARIES=1 ingest without refreshing the day summaries (the
//                                            ingest benchmark's baseline); they are marked for a
//                                            rebuild first, so the next start rebuilds them.
void installTestHooks(CountyServer& server, Storage& storage)
{
    if (const char* off = std::getenv("TAIZHANG_COUNTY_BENCH_NO_DAY_SUMMARIES"); off && std::string(off) == "1") {
        storage.setConfigValue(kSummariesConfigKey, "rebuild", formatUtcTimestamp(SystemClock::instance().nowUnixMillis()));
        server.ingestor().setDaySummaries(false);
        logEvent("warning", "day summaries not refreshed by ingest (benchmark baseline); rebuilt at the next start");
    }
    if (const char* delay = std::getenv("TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS")) {
        const int ms = std::atoi(delay);
        server.ingestor().setBeforeCommitHook([ms] { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); });
    }
    if (const char* gate = std::getenv("TAIZHANG_COUNTY_TEST_COMMIT_GATE")) {
        const char* after = std::getenv("TAIZHANG_COUNTY_TEST_COMMIT_GATE_AFTER");
        const int passFirst = after ? std::atoi(after) : 0;
        auto passed = std::make_shared<std::atomic<int>>(0);
        server.ingestor().setBeforeCommitHook([path = std::filesystem::path(gate), passFirst, passed] {
            if (passed->fetch_add(1) < passFirst) return;
            logEvent("info", "test hook: batch held before commit", {{"gate", path.string()}});
            // A file, not a pipe or a signal, so that the hook is the same on every system. Bounded,
            // so a test that never opens the gate cannot leave a server hanging for ever.
            const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(2);
            while (!std::filesystem::exists(path) && std::chrono::steady_clock::now() < until)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
        });
    }
}

}  // namespace

int runServe(const CliArgs& args)
{
    ServerOptions options;
    std::tie(options.host, options.port) = parseListen(args.value("listen", "127.0.0.1:8787"));
    options.threads = static_cast<int>(args.integer("threads", 16));
    options.tlsCert = args.value("tls-cert", "");
    options.tlsKey = args.value("tls-key", "");
    if (options.tlsCert.empty() != options.tlsKey.empty()) throw UsageError("--tls-cert and --tls-key go together");
    auto& l = options.limits;
    l.maxBatchRecords = args.integer("max-batch-records", l.maxBatchRecords);
    l.maxBatchBytes = args.integer("max-batch-bytes", l.maxBatchBytes);
    l.maxDecompressedBytes = args.integer("max-decompressed-bytes", l.maxDecompressedBytes);
    l.maxRecordBytes = args.integer("max-record-bytes", l.maxRecordBytes);
    l.maxJsonDepth = args.integer("max-json-depth", l.maxJsonDepth);
    l.rateLimitPerMinute = static_cast<int>(args.integer("rate-limit", l.rateLimitPerMinute));
    options.trustedProxy = args.value("trusted-proxy", "");
    options.connections.maxConnections =
        static_cast<int>(args.integer("max-connections", options.connections.maxConnections));
    options.connections.maxConnectionsPerAddress =
        static_cast<int>(args.integer("max-connections-per-address", options.connections.maxConnectionsPerAddress));
    options.connections.headerTimeoutMs =
        static_cast<int>(args.integer("header-timeout", options.connections.headerTimeoutMs / 1000) * 1000);
    options.connections.bodyTimeoutMs =
        static_cast<int>(args.integer("body-timeout", options.connections.bodyTimeoutMs / 1000) * 1000);
    if (options.connections.maxConnections < 1 || options.connections.maxConnectionsPerAddress < 1 ||
        options.connections.headerTimeoutMs < 1000 || options.connections.bodyTimeoutMs < 1000)
        throw UsageError("--max-connections, --max-connections-per-address, --header-timeout and --body-timeout "
                         "must be at least 1");
    options.enrollMaxFailures = static_cast<int>(args.integer("enroll-max-failures", options.enrollMaxFailures));

    // SIGTERM/SIGINT are taken by one thread (core/platform) so that shutdown runs in a normal
    // context: stop accepting, finish the batch in hand, close the database.
    platform::StopSignals stopSignals;

    auto storage = storageFromArgs(args, options.threads);
    CountyServer server(*storage, SystemClock::instance(), options);
    installTestHooks(server, *storage);
    const int port = server.bind();
    std::cout << "listening on " << options.host << ":" << port << std::endl;
    logEvent("info", "server started", {{"backend", storage->backendName()}, {"host", options.host}, {"port", port},
                                        {"tls", !options.tlsCert.empty()}});
    std::thread waiter([&] {
        const int sig = stopSignals.wait();
        // Refusing new requests first, then saying so: once "shutting down" is in the log, every
        // request the server still reads is answered 503 (tests wait for this line).
        server.shutdown();
        if (sig) logEvent("info", "shutting down", {{"signal", sig}});
    });
    server.run();
    // run() also returns when the listener fails; make sure the waiter can end.
    stopSignals.release(waiter);
    waiter.join();
    logEvent("info", "server stopped");
    return 0;
}

}  // namespace taizhang::server
