#pragma once
// Bounds every connection before cpp-httplib parses a byte of it. The packaged cpp-httplib
// (0.11) reads a request line and header lines of any length and number into memory, reads a
// chunked or length-less body until the client stops, and keeps a worker thread on a
// connection for as long as the client trickles bytes (slowloris). This layer replaces its
// per-connection loop (process_and_close_socket) with one that reads through a GuardedStream:
// a deadline and a byte / line budget for the request head, a deadline and a byte budget for
// the raw body, a cap on connections (in total and per client address), and a bounded
// lingering close so that an early error answer reaches a client still sending its body.
// Routing rules (which path takes which body) stay in http_server.cpp.
#include <cstdint>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace taizhang::server {

struct ConnectionLimits {
    int headerTimeoutMs = 10'000;          // request line + headers, from the first byte
    std::int64_t maxHeaderBytes = 32 << 10;  // request line + all header lines
    int maxHeaderLines = 100;
    int bodyTimeoutMs = 120'000;           // the whole body (1 MB at 100 kbit/s takes 84 s)
    std::int64_t maxBodyBytes = (1 << 20) + (64 << 10);  // raw bytes, chunk framing included
    int writeTimeoutMs = 10'000;           // per write while the client does not read
    int keepAliveMs = 2'000;               // idle wait for the next request on a connection
    int maxRequestsPerConnection = 100;
    int maxConnections = 256;              // each admitted connection has its own worker thread
    int maxConnectionsPerAddress = 32;
    std::string unlimitedAddress;          // the trusted proxy: nginx limits per client itself
};

// Plain HTTP, or HTTPS when cert and key are given. Throws when the certificate cannot be loaded.
std::unique_ptr<httplib::Server> makeGuardedServer(const ConnectionLimits& limits, const std::string& tlsCert,
                                                   const std::string& tlsKey);

// cpp-httplib listens with a backlog of 5: a burst of connecting schools would see SYNs dropped
// and retried a second later. Call after bind_to_port on a server made by makeGuardedServer.
void widenListenBacklog(httplib::Server& server, int backlog = 511);

// Called from a handler (same thread): close this connection after the response is written,
// because the request's body may be left unread. Every answer >= 400 does this.
void closeConnectionAfterResponse();

}  // namespace taizhang::server
