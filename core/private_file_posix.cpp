// private_file.h on POSIX: open(O_EXCL) with the mode, fsync, rename or link, fsync of the
// directory. The Windows twin is private_file_windows.cpp.
#include "private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>

namespace taizhang {

namespace {
[[noreturn]] void fail(const std::string& what, const std::string& path)
{
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void fsyncDirectoryOf(const std::string& path)
{
    auto dir = std::filesystem::path(path).parent_path();
    if (dir.empty()) dir = ".";
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // best effort: the rename itself already happened
    ::fsync(fd);
    ::close(fd);
}

void tighten(const std::string& path, unsigned mode)
{
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return;
    const unsigned current = st.st_mode & 0777;
    if ((current & ~mode) != 0) ::chmod(path.c_str(), current & mode);
}
}  // namespace

bool writeFileAtomically(const std::string& path, std::string_view data, IfExists ifExists, unsigned mode)
{
    std::random_device rd;
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) fail("cannot create", tmp);
    ::fchmod(fd, mode);  // the umask may have removed bits; never add any beyond `mode`
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int saved = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            errno = saved;
            fail("cannot write", tmp);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int saved = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        errno = saved;
        fail("cannot flush", tmp);
    }
    ::close(fd);
    if (ifExists == IfExists::Keep) {
        // link() fails with EEXIST instead of replacing: two processes creating the same file
        // at once both end up using the one that won.
        const int rc = ::link(tmp.c_str(), path.c_str());
        const int saved = errno;
        ::unlink(tmp.c_str());
        if (rc != 0 && saved == EEXIST) return false;
        errno = saved;
        if (rc != 0) fail("cannot create", path);
    } else if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        fail("cannot move into place", path);
    }
    fsyncDirectoryOf(path);
    return true;
}

bool ensurePrivateFile(const std::string& path, unsigned mode)
{
    bool created = false;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) {
        ::fchmod(fd, mode);
        ::close(fd);
        created = true;
    } else if (errno != EEXIST) {
        fail("cannot create", path);
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) tighten(path + suffix, mode);
    return created;
}

}  // namespace taizhang
