#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "commands.h"
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
    // Test hook only (crash and in-flight tests): hold every batch transaction open this long
    // before committing, so that a kill -9 or a concurrent request lands inside it.
    if (const char* delay = std::getenv("TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS")) {
        const int ms = std::atoi(delay);
        server.ingestor().setBeforeCommitHook([ms] { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); });
    }
    const int port = server.bind();
    std::cout << "listening on " << options.host << ":" << port << std::endl;
    logEvent("info", "server started", {{"backend", storage->backendName()}, {"host", options.host}, {"port", port},
                                        {"tls", !options.tlsCert.empty()}});
    std::thread waiter([&] {
        if (const int sig = stopSignals.wait()) logEvent("info", "shutting down", {{"signal", sig}});
        server.shutdown();
    });
    server.run();
    // run() also returns when the listener fails; make sure the waiter can end.
    stopSignals.release(waiter);
    waiter.join();
    logEvent("info", "server stopped");
    return 0;
}

}  // namespace taizhang::server
