// core/platform on Linux (and other POSIX systems): glibc iconv, termios, fcntl, sigwait.
#include <fcntl.h>
#include <iconv.h>
#include <pthread.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "computer_name.h"
#include "private_file.h"
#include "stop_signals.h"
#include "terminal.h"
#include "transcode.h"

namespace taizhang::platform {

namespace {
std::string errorText() { return std::strerror(errno); }

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd()
    {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::atomic<bool> g_released{false};
}  // namespace

// --- private_file.h ---------------------------------------------------------------------------

bool createPrivateFile(const std::string& path, std::string_view bytes)
{
    // O_EXCL: two processes creating the file at once must not each write different contents.
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() < 0) {
        if (errno == EEXIST) return false;
        throw std::runtime_error("cannot create " + path + ": " + errorText());
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    if (done != bytes.size() || ::fsync(fd.get()) != 0) {
        const std::string why = errorText();
        ::unlink(path.c_str());
        throw std::runtime_error("cannot write " + path + ": " + why);
    }
    return true;
}

std::optional<std::string> readPrivateFile(const std::string& path, std::size_t maxBytes)
{
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT) return std::nullopt;
        throw std::runtime_error("cannot read " + path + ": " + errorText());
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) == 0 && (st.st_mode & 077) != 0) ::fchmod(fd.get(), 0600);  // a copied file
    std::string out(maxBytes, '\0');
    std::size_t done = 0;
    while (done < maxBytes) {
        const ssize_t n = ::read(fd.get(), out.data() + done, maxBytes - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error("cannot read " + path + ": " + errorText());
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
}

void makeOwnerOnly(const std::string& path, bool create)
{
    if (!create) {
        ::chmod(path.c_str(), 0600);
        return;
    }
    Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
    if (fd.get() >= 0) ::fchmod(fd.get(), 0600);
}

// --- terminal.h -------------------------------------------------------------------------------

bool stdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }
bool stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

bool readLineWithoutEcho(std::istream& in, std::string& line)
{
    termios old{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios silent = old;
        silent.c_lflag &= static_cast<tcflag_t>(~ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    const bool ok = static_cast<bool>(std::getline(in, line));
    if (tty) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    return ok;
}

// --- transcode.h ------------------------------------------------------------------------------

Transcoded transcode(std::string_view bytes, const char* from, const char* to)
{
    Transcoded result;
    iconv_t cd = ::iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        result.status = Transcoded::Status::UnsupportedEncoding;
        return result;
    }
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, ::iconv_close);
    std::string& out = result.bytes;
    out.resize(bytes.size() * 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = bytes.size();
    std::size_t used = 0;
    while (true) {
        char* outPtr = out.data() + used;
        std::size_t outLeft = out.size() - used;
        // A final call with in = nullptr flushes any shift state.
        const std::size_t rc = inLeft ? ::iconv(cd, &in, &inLeft, &outPtr, &outLeft)
                                      : ::iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
        used = static_cast<std::size_t>(outPtr - out.data());
        if (rc != static_cast<std::size_t>(-1)) {
            if (inLeft == 0) break;
            continue;
        }
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        result.status = errno == EINVAL ? Transcoded::Status::IncompleteAtEnd : Transcoded::Status::InvalidSequence;
        result.errorOffset = bytes.size() - inLeft;
        out.clear();
        return result;
    }
    out.resize(used);
    return result;
}

// --- computer_name.h --------------------------------------------------------------------------

std::string computerName()
{
    char host[256] = {0};
    if (::gethostname(host, sizeof host - 1) != 0) return {};
    return host;
}

// --- stop_signals.h ---------------------------------------------------------------------------

StopSignals::StopSignals()
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    ::pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the server
}

int StopSignals::wait()
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    int sig = 0;
    ::sigwait(&signals, &sig);
    return g_released.load() ? 0 : sig;
}

void StopSignals::release(std::thread& waiter)
{
    g_released = true;
    // Thread-directed: it stays pending for that thread if it has not reached sigwait yet.
    ::pthread_kill(waiter.native_handle(), SIGTERM);
}

}  // namespace taizhang::platform
