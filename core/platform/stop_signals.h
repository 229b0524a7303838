#pragma once
// A server's orderly shutdown: one thread waits for the request to stop (SIGTERM from systemd,
// SIGINT / Ctrl+C; on Windows Ctrl+C, Ctrl+Break and closing the console) so that shutdown code
// runs in a normal thread, not in a signal handler.
#include <thread>

namespace taizhang::platform {

class StopSignals {
public:
    // Call before starting any other thread: POSIX blocks SIGTERM/SIGINT in this thread (and so
    // in every thread it starts) and ignores SIGPIPE; Windows installs a console control handler.
    StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    // Blocks until a stop is requested; returns the signal number (SIGTERM, SIGINT), or 0 when
    // release() ended the wait.
    int wait();
    // Ends wait() in `waiter` (the thread that called or will call it) without a signal.
    void release(std::thread& waiter);
};

}  // namespace taizhang::platform
