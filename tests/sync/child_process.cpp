#include "child_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

namespace taizhang::testing {

ChildProcess ChildProcess::start(const std::vector<std::string>& argv, const std::string& stderrFile)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        if (!stderrFile.empty()) {
            const int e = ::open(stderrFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (e >= 0) ::dup2(e, STDERR_FILENO);
        }
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    ChildProcess p;
    p.pid_ = pid;
    p.stdoutFd_ = fds[0];
    return p;
}

namespace {
void reap(pid_t& pid, int& fd)
{
    if (pid > 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    if (fd >= 0) ::close(fd);
    pid = -1;
    fd = -1;
}
}  // namespace

ChildProcess::~ChildProcess() { reap(pid_, stdoutFd_); }

ChildProcess::ChildProcess(ChildProcess&& o) noexcept : pid_(o.pid_), stdoutFd_(o.stdoutFd_), buffer_(std::move(o.buffer_))
{
    o.pid_ = -1;
    o.stdoutFd_ = -1;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& o) noexcept
{
    if (this != &o) {
        reap(pid_, stdoutFd_);
        pid_ = o.pid_;
        stdoutFd_ = o.stdoutFd_;
        buffer_ = std::move(o.buffer_);
        o.pid_ = -1;
        o.stdoutFd_ = -1;
    }
    return *this;
}

std::string ChildProcess::readLine(int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (auto nl = buffer_.find('\n'); nl != std::string::npos) {
            std::string line = buffer_.substr(0, nl);
            buffer_.erase(0, nl + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) throw std::runtime_error("timed out waiting for a line from the child process");
        pollfd pfd{stdoutFd_, POLLIN, 0};
        if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
        char buf[4096];
        const ssize_t n = ::read(stdoutFd_, buf, sizeof buf);
        if (n <= 0) throw std::runtime_error("child process closed its output: " + buffer_);
        buffer_.append(buf, static_cast<std::size_t>(n));
    }
}

void ChildProcess::signal(int sig)
{
    if (pid_ > 0) ::kill(pid_, sig);
}

int ChildProcess::wait()
{
    if (pid_ <= 0) return -1;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

bool ChildProcess::running()
{
    if (pid_ <= 0) return false;
    int status = 0;
    return ::waitpid(pid_, &status, WNOHANG) == 0;
}

CommandResult runCommand(const std::vector<std::string>& argv)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(fds[1], STDERR_FILENO);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    CommandResult r;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) r.output.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

std::string tcpRequestLine(int port, const std::string& line)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot connect to control port " + std::to_string(port));
    }
    const std::string msg = line + "\n";
    if (::write(fd, msg.data(), msg.size()) != static_cast<ssize_t>(msg.size())) {
        ::close(fd);
        throw std::runtime_error("control write failed");
    }
    std::string answer;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n') answer += c;
    ::close(fd);
    return answer;
}

}  // namespace taizhang::testing
