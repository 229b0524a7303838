// private_file.h on Windows (MSVC or MinGW-w64): CreateFileW(CREATE_NEW) + FlushFileBuffers, then
// MoveFileExW with write-through. Access follows the folder's ACL (the user's profile or
// ProgramData), so `mode` has no Windows meaning. Compiled here only by the MinGW syntax check
// (ctest windows_mingw_syntax); there is no Windows machine to run it (docs/windows.md).
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "private_file.h"

namespace taizhang {

namespace {
std::wstring wide(const std::string& utf8)
{
    return std::filesystem::path(std::u8string(utf8.begin(), utf8.end())).wstring();
}

[[noreturn]] void fail(const std::string& what, const std::string& path)
{
    throw std::runtime_error(what + " " + path + ": Windows error " +
                             std::to_string(static_cast<unsigned long>(::GetLastError())));
}
}  // namespace

bool writeFileAtomically(const std::string& path, std::string_view data, IfExists ifExists, unsigned /*mode*/)
{
    std::random_device rd;
    const std::string tmp =
        path + ".tmp-" + std::to_string(static_cast<unsigned long>(::GetCurrentProcessId())) + "-" + std::to_string(rd());
    HANDLE h = ::CreateFileW(wide(tmp).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) fail("cannot create", tmp);
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < data.size()) {
        const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(data.size() - done, 1u << 30));
        DWORD written = 0;
        ok = ::WriteFile(h, data.data() + done, chunk, &written, nullptr) && written > 0;
        done += written;
    }
    ok = ok && ::FlushFileBuffers(h);
    ::CloseHandle(h);
    if (!ok) {
        ::DeleteFileW(wide(tmp).c_str());
        fail("cannot write", tmp);
    }
    // Without MOVEFILE_REPLACE_EXISTING the move fails when `path` exists: the IfExists::Keep
    // race is won by whoever moved first, as link() does on POSIX.
    const DWORD flags = MOVEFILE_WRITE_THROUGH | (ifExists == IfExists::Replace ? MOVEFILE_REPLACE_EXISTING : 0);
    if (!::MoveFileExW(wide(tmp).c_str(), wide(path).c_str(), flags)) {
        const DWORD error = ::GetLastError();
        ::DeleteFileW(wide(tmp).c_str());
        if (ifExists == IfExists::Keep && (error == ERROR_ALREADY_EXISTS || error == ERROR_FILE_EXISTS)) return false;
        ::SetLastError(error);
        fail("cannot move into place", path);
    }
    return true;
}

bool ensurePrivateFile(const std::string& path, unsigned /*mode*/)
{
    HANDLE h = ::CreateFileW(wide(path).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h != INVALID_HANDLE_VALUE) {
        ::CloseHandle(h);
        return true;
    }
    if (::GetLastError() == ERROR_FILE_EXISTS) return false;
    fail("cannot create", path);
}

}  // namespace taizhang
