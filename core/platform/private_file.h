#pragma once
// Files holding secrets (the device token's key): created exclusively with owner-only access and
// flushed to disk before anyone relies on them. POSIX: open(O_EXCL, 0600) + fsync. Windows:
// CreateFileW(CREATE_NEW) + FlushFileBuffers; the file inherits the user profile's ACL, which
// other users cannot read.
#include <optional>
#include <string>
#include <string_view>

namespace taizhang::platform {

// Writes `bytes` to a new file at `path` that only the owner can read, and flushes it to disk.
// Returns false, writing nothing, when the file already exists (another process won the race).
// Throws std::runtime_error on any other failure (the half-written file is removed).
bool createPrivateFile(const std::string& path, std::string_view bytes);

// Reads at most `maxBytes` from `path`; std::nullopt when it does not exist. A file that others
// may read (copied with a loose mode) is first tightened to owner-only. Throws
// std::runtime_error when it exists but cannot be read.
std::optional<std::string> readPrivateFile(const std::string& path, std::size_t maxBytes);

// Makes `path` readable and writable by its owner only (0600 whatever the umask), creating it
// empty first when `create` is set; a missing file is otherwise left alone. Failures are silent:
// the caller's next open of the file reports them. Windows: creates the file; access follows
// the folder's ACL (ProgramData or the user's profile).
void makeOwnerOnly(const std::string& path, bool create);

}  // namespace taizhang::platform
