#pragma once
// Files that hold what must not be read by other accounts on the PC (the ledger with its
// password hashes, the token key file, offline bundles) are created owner-only (0600), whatever
// the umask, and written so that a crash leaves either the old file or the complete new one,
// never an empty or half-written one.
#include <string>
#include <string_view>

namespace taizhang {

inline constexpr unsigned kPrivateFileMode = 0600;

enum class IfExists { Replace, Keep };

// Writes `data` to a temporary file beside `path` (created with `mode`), fsyncs it, then moves
// it into place (rename; with IfExists::Keep a hard link, so an existing file is never
// overwritten) and fsyncs the directory. Returns false only when IfExists::Keep found `path`
// already there (nothing changed). Throws std::runtime_error on any I/O failure, leaving no
// temporary file behind.
bool writeFileAtomically(const std::string& path, std::string_view data, IfExists ifExists = IfExists::Replace,
                         unsigned mode = kPrivateFileMode);

// Creates `path` empty with `mode` if it does not exist (SQLite then gives its -wal and -shm the
// same mode). Removes group/other bits that `mode` does not grant from `path` and, if they
// exist, its -wal, -shm and -journal files. Returns true if it created the file.
bool ensurePrivateFile(const std::string& path, unsigned mode = kPrivateFileMode);

}  // namespace taizhang
