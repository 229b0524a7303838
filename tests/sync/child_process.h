#pragma once
// Real processes for the sync integration tests: the county server, the fault proxy and the
// sync worker that the kill -9 test shoots. POSIX only (fork/exec, pipes, signals).
#include <sys/types.h>

#include <string>
#include <vector>

namespace taizhang::testing {

class ChildProcess {
public:
    ChildProcess() = default;
    // Starts argv[0] (a path) with stdout piped to us; stderr goes to stderrFile if given.
    static ChildProcess start(const std::vector<std::string>& argv, const std::string& stderrFile = "");
    ~ChildProcess();
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // One line of stdout (without '\n'); throws std::runtime_error on timeout or EOF.
    std::string readLine(int timeoutMs);
    void signal(int sig);
    // Waits for the exit; returns the exit code, or 128 + signal.
    int wait();
    bool running();
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int stdoutFd_ = -1;
    std::string buffer_;
};

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};
CommandResult runCommand(const std::vector<std::string>& argv);

// Sends one line to a TCP port on 127.0.0.1 and returns the answer line (the proxy's control).
std::string tcpRequestLine(int port, const std::string& line);

}  // namespace taizhang::testing
