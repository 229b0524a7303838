#include "guarded_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "request_log.h"

namespace taizhang::server {
namespace {

using Clock = std::chrono::steady_clock;
using Ms = std::chrono::milliseconds;

thread_local bool tCloseAfterResponse = false;

constexpr ssize_t kWantRead = -2;
constexpr ssize_t kWantWrite = -3;

// The byte pipe under a stream: a plain socket or an OpenSSL session, both non-blocking, so
// that every wait is a poll() with a deadline and no recv can hold a thread past it.
class Transport {
public:
    explicit Transport(int fd) : fd_(fd) {}
    virtual ~Transport() = default;
    int fd() const { return fd_; }
    virtual bool handshake(Clock::time_point) { return true; }
    virtual ssize_t recvSome(char* p, size_t n) = 0;  // >0, 0 = EOF, -1 error, kWantRead/Write
    virtual ssize_t sendSome(const char* p, size_t n) = 0;
    virtual bool pending() const { return false; }
    virtual bool canLinger() const { return true; }

protected:
    int fd_;
};

class PlainTransport final : public Transport {
public:
    using Transport::Transport;
    ssize_t recvSome(char* p, size_t n) override
    {
        for (;;) {
            const ssize_t r = ::recv(fd_, p, n, MSG_DONTWAIT);
            if (r >= 0) return r;
            if (errno == EINTR) continue;
            return (errno == EAGAIN || errno == EWOULDBLOCK) ? kWantRead : -1;
        }
    }
    ssize_t sendSome(const char* p, size_t n) override
    {
        for (;;) {
            const ssize_t r = ::send(fd_, p, n, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (r >= 0) return r;
            if (errno == EINTR) continue;
            return (errno == EAGAIN || errno == EWOULDBLOCK) ? kWantWrite : -1;
        }
    }
};

enum class Wait { Ready, TimedOut, Stopped, Failed };

Wait waitFor(int fd, short events, Clock::time_point deadline, const std::function<bool()>& stopping)
{
    for (;;) {
        const auto now = Clock::now();
        if (now >= deadline) return Wait::TimedOut;
        if (stopping && stopping()) return Wait::Stopped;
        // Rounded up, so that a wait never ends before the deadline; woken up now and then to
        // notice a server shutdown while a client is silent.
        const auto left = std::chrono::ceil<Ms>(deadline - now).count();
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 250)));
        if (r > 0) return Wait::Ready;
        if (r < 0 && errno != EINTR) return Wait::Failed;
    }
}

bool waitFd(int fd, short events, Clock::time_point deadline, const std::function<bool()>& stopping)
{
    return waitFor(fd, events, deadline, stopping) == Wait::Ready;
}

class TlsTransport final : public Transport {
public:
    TlsTransport(int fd, SSL_CTX* ctx) : Transport(fd), ssl_(SSL_new(ctx))
    {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        if (ssl_) SSL_set_fd(ssl_, fd);
    }
    ~TlsTransport() override
    {
        if (!ssl_) return;
        if (established_) SSL_shutdown(ssl_);  // best effort, non-blocking
        SSL_free(ssl_);
    }
    bool handshake(Clock::time_point deadline) override
    {
        if (!ssl_) return false;
        for (;;) {
            ERR_clear_error();
            const int r = SSL_accept(ssl_);
            if (r == 1) return established_ = true;
            const int e = SSL_get_error(ssl_, r);
            if (e == SSL_ERROR_WANT_READ && waitFd(fd_, POLLIN, deadline, nullptr)) continue;
            if (e == SSL_ERROR_WANT_WRITE && waitFd(fd_, POLLOUT, deadline, nullptr)) continue;
            return false;
        }
    }
    ssize_t recvSome(char* p, size_t n) override
    {
        ERR_clear_error();
        const int r = SSL_read(ssl_, p, static_cast<int>(std::min<size_t>(n, 1 << 30)));
        if (r > 0) return r;
        return mapError(r);
    }
    ssize_t sendSome(const char* p, size_t n) override
    {
        ERR_clear_error();
        const int r = SSL_write(ssl_, p, static_cast<int>(std::min<size_t>(n, 1 << 30)));
        if (r > 0) return r;
        return mapError(r);
    }
    bool pending() const override { return SSL_pending(ssl_) > 0; }
    bool canLinger() const override { return false; }

private:
    ssize_t mapError(int r)
    {
        switch (SSL_get_error(ssl_, r)) {
        case SSL_ERROR_WANT_READ: return kWantRead;
        case SSL_ERROR_WANT_WRITE: return kWantWrite;
        case SSL_ERROR_ZERO_RETURN: return 0;
        default: established_ = false; return -1;
        }
    }
    SSL* ssl_;
    bool established_ = false;
};

std::string jsonErrorResponse(int status, const char* reason, const char* code, const char* message,
                              bool retryAfter)
{
    const std::string body = nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
    if (retryAfter) out += "Retry-After: 5\r\n";
    out += "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
    return out;
}

// What httplib reads a request through. It counts what the head and the body cost and ends
// the request (an error answer written here, then read() fails) the moment one is over.
class GuardedStream final : public httplib::Stream {
public:
    GuardedStream(Transport& t, const ConnectionLimits& limits, std::function<bool()> stopping)
        : t_(t), limits_(limits), stopping_(std::move(stopping))
    {
    }

    // Waits (keep-alive) for the first byte of the next request.
    bool waitForRequest()
    {
        if (len_ > pos_ || t_.pending()) return true;
        return fill(Clock::now() + Ms(limits_.keepAliveMs), Phase::Idle) > 0;
    }
    void beginRequest()
    {
        inBody_ = false;
        headBytes_ = 0;
        headLines_ = 0;
        bodyBytes_ = 0;
        deadline_ = Clock::now() + Ms(limits_.headerTimeoutMs);
    }
    void beginBody()
    {
        inBody_ = true;
        deadline_ = Clock::now() + Ms(limits_.bodyTimeoutMs);
    }
    bool answered() const { return answered_; }
    bool inputLeft() const { return !eof_; }

    bool is_readable() const override { return len_ > pos_ || t_.pending(); }
    bool is_writable() const override { return !answered_; }

    ssize_t read(char* ptr, size_t size) override
    {
        if (answered_) return -1;
        if (pos_ == len_) {
            const ssize_t n = fill(deadline_, inBody_ ? Phase::Body : Phase::Head);
            if (n <= 0) return n;
        }
        size_t n = std::min(size, len_ - pos_);
        if (!inBody_) {
            // httplib reads the head one byte at a time; count every byte and line it takes
            // (request line + header lines + the blank line).
            for (size_t i = 0; i < n; ++i)
                if (buf_[pos_ + i] == '\n') ++headLines_;
            headBytes_ += static_cast<std::int64_t>(n);
            if (headBytes_ > limits_.maxHeaderBytes || headLines_ > limits_.maxHeaderLines + 2)
                return refuse(431, "Request Header Fields Too Large", "headers_too_large",
                              "request line and headers exceed the server's limits");
        } else {
            bodyBytes_ += static_cast<std::int64_t>(n);
            if (bodyBytes_ > limits_.maxBodyBytes)
                return refuse(413, "Payload Too Large", "batch_too_large", "request body exceeds max_batch_bytes");
        }
        std::memcpy(ptr, buf_ + pos_, n);
        pos_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override
    {
        if (answered_) return -1;
        return writeSome(ptr, size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
    socket_t socket() const override { return t_.fd(); }

    // Writes a complete answer of our own; later writes from httplib are dropped.
    void answer(const std::string& response)
    {
        size_t off = 0;
        while (off < response.size()) {
            const ssize_t n = writeSome(response.data() + off, response.size() - off);
            if (n <= 0) break;
            off += static_cast<size_t>(n);
        }
        answered_ = true;
    }

private:
    ssize_t writeSome(const char* ptr, size_t size)
    {
        const auto deadline = Clock::now() + Ms(limits_.writeTimeoutMs);
        for (;;) {
            const ssize_t n = t_.sendSome(ptr, size);
            if (n >= 0 && !(n == 0 && size > 0)) return n;
            if (n == -1) return -1;
            if (!waitFd(t_.fd(), n == kWantRead ? POLLIN : POLLOUT, deadline, nullptr)) return -1;
        }
    }

    enum class Phase { Idle, Head, Body };

    // Reads what is there into the buffer, waiting until `deadline`. A client too slow with
    // its head or body gets 408; a server shutdown ends an idle or half-sent request quietly.
    ssize_t fill(Clock::time_point deadline, Phase phase)
    {
        pos_ = len_ = 0;
        for (;;) {
            const ssize_t n = t_.recvSome(buf_, sizeof buf_);
            if (n > 0) {
                len_ = static_cast<size_t>(n);
                return n;
            }
            if (n == 0) {
                eof_ = true;
                return 0;
            }
            if (n == -1) return -1;
            const Wait w = waitFor(t_.fd(), n == kWantWrite ? POLLOUT : POLLIN, deadline,
                                   phase == Phase::Body ? std::function<bool()>() : stopping_);
            if (w == Wait::Ready) continue;
            if (w != Wait::TimedOut || phase == Phase::Idle) return -1;  // shutdown, poll failure, idle
            return refuse(408, "Request Timeout", "request_timeout",
                          phase == Phase::Body ? "the request body did not arrive in time"
                                               : "the request headers did not arrive in time");
        }
    }

    ssize_t refuse(int status, const char* reason, const char* code, const char* message)
    {
        std::string ip;
        int port = 0;
        address(true, ip, port);
        logLine({{"level", "warn"}, {"msg", "request refused"}, {"status", status}, {"error", code}, {"remote", ip}});
        answer(jsonErrorResponse(status, reason, code, message, false));
        return -1;
    }

    void address(bool peer, std::string& ip, int& port) const
    {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        const int r = peer ? ::getpeername(t_.fd(), reinterpret_cast<sockaddr*>(&addr), &len)
                           : ::getsockname(t_.fd(), reinterpret_cast<sockaddr*>(&addr), &len);
        char host[NI_MAXHOST] = "", serv[NI_MAXSERV] = "";
        if (r != 0 || ::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
            ip.clear();
            port = 0;
            return;
        }
        ip = host;
        port = std::atoi(serv);
    }

    Transport& t_;
    const ConnectionLimits& limits_;
    std::function<bool()> stopping_;
    char buf_[16 << 10];
    size_t pos_ = 0, len_ = 0;
    bool inBody_ = false, answered_ = false, eof_ = false;
    std::int64_t headBytes_ = 0, bodyBytes_ = 0;
    int headLines_ = 0;
    Clock::time_point deadline_ = Clock::now();
};

// Open connections in total and per client address.
class Admission {
public:
    explicit Admission(const ConnectionLimits& limits) : limits_(limits) {}
    bool enter(const std::string& address)
    {
        std::lock_guard lock(mu_);
        if (total_ >= limits_.maxConnections) return false;
        int& mine = perAddress_[address];
        if (address != limits_.unlimitedAddress && mine >= limits_.maxConnectionsPerAddress) {
            if (mine == 0) perAddress_.erase(address);
            return false;
        }
        ++mine;
        ++total_;
        return true;
    }
    void leave(const std::string& address)
    {
        std::lock_guard lock(mu_);
        --total_;
        if (--perAddress_[address] <= 0) perAddress_.erase(address);
    }

private:
    const ConnectionLimits& limits_;
    std::mutex mu_;
    int total_ = 0;
    std::unordered_map<std::string, int> perAddress_;
};

std::string peerAddress(int fd)
{
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    char host[NI_MAXHOST] = "";
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0 ||
        ::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0)
        return "";
    return host;
}

// After an early answer the client may still be sending its body: closing now would reset the
// connection and could destroy the answer in flight. Stop writing, read and discard for a
// bounded time and amount, then close.
void lingeringClose(int fd, int ms)
{
    ::shutdown(fd, SHUT_WR);
    const auto deadline = Clock::now() + Ms(ms);
    char sink[16 << 10];
    std::int64_t drained = 0;
    while (drained < (4 << 20) && waitFd(fd, POLLIN, deadline, nullptr)) {
        const ssize_t n = ::recv(fd, sink, sizeof sink, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) break;
        if (n > 0) drained += n;
    }
}

class ListenSocket {
public:
    virtual ~ListenSocket() = default;
    virtual void relisten(int backlog) = 0;
};

template <class Base> class Guarded final : public Base, public ListenSocket {
public:
    template <class... Args>
    explicit Guarded(const ConnectionLimits& limits, Args&&... args)
        : Base(std::forward<Args>(args)...), limits_(limits), admission_(limits_)
    {
    }

    void relisten(int backlog) override
    {
        const socket_t sock = this->svr_sock_;
        if (sock != INVALID_SOCKET) ::listen(sock, backlog);  // Linux updates a listening socket's backlog
    }

private:
    std::unique_ptr<Transport> transport(int fd);

    bool process_and_close_socket(socket_t sock) override
    {
        const std::string peer = peerAddress(sock);
        bool ok = false;
        if (!admission_.enter(peer)) {
            logLine({{"level", "warn"}, {"msg", "connection refused"}, {"error", "too_many_connections"},
                     {"remote", peer}});
            if (auto t = transport(sock); t && t->canLinger()) {
                GuardedStream strm(*t, limits_, nullptr);
                strm.answer(jsonErrorResponse(503, "Service Unavailable", "too_many_connections",
                                              "too many open connections from this address; retry later", true));
                // Short: a flood of refused connections must not tie up the spare workers.
                lingeringClose(sock, 100);
            }
        } else {
            ok = serve(sock);
            admission_.leave(peer);
        }
        ::close(sock);
        return ok;
    }

    bool serve(int sock)
    {
        auto t = transport(sock);
        if (!t || !t->handshake(Clock::now() + Ms(limits_.headerTimeoutMs))) return false;
        GuardedStream strm(*t, limits_, [this] { return this->svr_sock_ == INVALID_SOCKET; });
        bool ok = true, linger = false;
        for (int served = 0; served < limits_.maxRequestsPerConnection; ++served) {
            if (this->svr_sock_ == INVALID_SOCKET) break;
            if (!strm.waitForRequest()) break;
            strm.beginRequest();
            tCloseAfterResponse = false;
            bool closed = false;
            ok = this->process_request(strm, served + 1 == limits_.maxRequestsPerConnection, closed,
                                       [&strm](httplib::Request&) { strm.beginBody(); });
            if (strm.answered() || tCloseAfterResponse) {
                linger = strm.inputLeft();
                break;
            }
            if (!ok || closed) break;
        }
        if (linger && t->canLinger()) lingeringClose(sock, 1000);
        return ok;
    }

    ConnectionLimits limits_;
    Admission admission_;
};

template <> std::unique_ptr<Transport> Guarded<httplib::Server>::transport(int fd)
{
    return std::make_unique<PlainTransport>(fd);
}

template <> std::unique_ptr<Transport> Guarded<httplib::SSLServer>::transport(int fd)
{
    return std::make_unique<TlsTransport>(fd, this->ssl_context());
}

}  // namespace

void closeConnectionAfterResponse() { tCloseAfterResponse = true; }

void widenListenBacklog(httplib::Server& server, int backlog)
{
    if (auto* guarded = dynamic_cast<ListenSocket*>(&server)) guarded->relisten(backlog);
}

std::unique_ptr<httplib::Server> makeGuardedServer(const ConnectionLimits& limits, const std::string& tlsCert,
                                                   const std::string& tlsKey)
{
    if (tlsCert.empty() && tlsKey.empty()) return std::make_unique<Guarded<httplib::Server>>(limits);
    auto ssl = std::make_unique<Guarded<httplib::SSLServer>>(limits, tlsCert.c_str(), tlsKey.c_str());
    if (!ssl->is_valid()) throw std::runtime_error("cannot load the TLS certificate/key (" + tlsCert + ", " + tlsKey + ")");
    return ssl;
}

}  // namespace taizhang::server
