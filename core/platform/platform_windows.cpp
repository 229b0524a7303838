// core/platform on Windows (MSVC or MinGW-w64): Win32 code pages, console modes, CreateFileW,
// SetConsoleCtrlHandler. Compiled on Linux by the MinGW syntax check (ctest windows_mingw_syntax);
// not run here: there is no Windows machine (docs/windows.md).
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <io.h>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <stdexcept>

#include "computer_name.h"
#include "private_file.h"
#include "stop_signals.h"
#include "terminal.h"
#include "transcode.h"

namespace taizhang::platform {

namespace {
std::wstring widen(const std::string& utf8)
{
    if (utf8.empty()) return {};
    const int n = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
    return out;
}

std::string lastErrorText()
{
    return "Windows error " + std::to_string(static_cast<unsigned long>(::GetLastError()));
}

class Handle {
public:
    explicit Handle(HANDLE h) : h_(h) {}
    ~Handle()
    {
        if (h_ != INVALID_HANDLE_VALUE) ::CloseHandle(h_);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    HANDLE get() const { return h_; }

private:
    HANDLE h_;
};

// Code page of an encoding name, 0 for UTF-16 (handled without a code page), -1 if unknown.
int codePageOf(std::string_view name)
{
    if (name == "UTF-8") return CP_UTF8;
    if (name == "GB18030") return 54936;
    if (name == "GBK" || name == "CP936") return 936;
    if (name == "UTF-16LE" || name == "UTF-16BE") return 0;
    return -1;
}

bool toWide(std::string_view bytes, std::string_view name, int codePage, std::wstring& out)
{
    if (codePage == 0) {
        if (bytes.size() % 2 != 0) return false;
        out.resize(bytes.size() / 2);
        const bool bigEndian = name == "UTF-16BE";
        for (std::size_t i = 0; i < out.size(); ++i) {
            const auto a = static_cast<unsigned char>(bytes[2 * i]);
            const auto b = static_cast<unsigned char>(bytes[2 * i + 1]);
            out[i] = static_cast<wchar_t>(bigEndian ? (a << 8 | b) : (b << 8 | a));
        }
        return true;
    }
    if (bytes.empty()) {
        out.clear();
        return true;
    }
    const int n = ::MultiByteToWideChar(static_cast<UINT>(codePage), MB_ERR_INVALID_CHARS, bytes.data(),
                                        static_cast<int>(bytes.size()), nullptr, 0);
    if (n <= 0) return false;
    out.assign(static_cast<std::size_t>(n), L'\0');
    return ::MultiByteToWideChar(static_cast<UINT>(codePage), MB_ERR_INVALID_CHARS, bytes.data(),
                                 static_cast<int>(bytes.size()), out.data(), n) == n;
}

bool fromWide(const std::wstring& wide, std::string_view name, int codePage, std::string& out)
{
    if (codePage == 0) {
        out.resize(wide.size() * 2);
        const bool bigEndian = name == "UTF-16BE";
        for (std::size_t i = 0; i < wide.size(); ++i) {
            const auto c = static_cast<unsigned>(wide[i]);
            out[2 * i] = static_cast<char>(bigEndian ? c >> 8 : c & 0xFF);
            out[2 * i + 1] = static_cast<char>(bigEndian ? c & 0xFF : c >> 8);
        }
        return true;
    }
    if (wide.empty()) {
        out.clear();
        return true;
    }
    const DWORD flags = codePage == CP_UTF8 ? WC_ERR_INVALID_CHARS : 0;
    BOOL lossy = FALSE;
    BOOL* lossyOut = codePage == CP_UTF8 ? nullptr : &lossy;  // UTF-8 refuses the argument
    const int n = ::WideCharToMultiByte(static_cast<UINT>(codePage), flags, wide.data(), static_cast<int>(wide.size()),
                                        nullptr, 0, nullptr, lossyOut);
    if (n <= 0 || lossy) return false;
    out.assign(static_cast<std::size_t>(n), '\0');
    return ::WideCharToMultiByte(static_cast<UINT>(codePage), flags, wide.data(), static_cast<int>(wide.size()),
                                 out.data(), n, nullptr, lossyOut) == n &&
           !lossy;
}

std::mutex g_stopMutex;
std::condition_variable g_stopCv;
int g_stopSignal = 0;
bool g_released = false;

BOOL WINAPI onConsoleControl(DWORD type)
{
    std::lock_guard lock(g_stopMutex);
    g_stopSignal = type == CTRL_C_EVENT ? SIGINT : SIGTERM;
    g_stopCv.notify_all();
    return TRUE;  // handled: the process is not ended abruptly
}
}  // namespace

// --- private_file.h ---------------------------------------------------------------------------

bool createPrivateFile(const std::string& path, std::string_view bytes)
{
    const std::wstring wpath = widen(path);
    Handle h(::CreateFileW(wpath.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr));
    if (h.get() == INVALID_HANDLE_VALUE) {
        if (::GetLastError() == ERROR_FILE_EXISTS) return false;
        throw std::runtime_error("cannot create " + path + ": " + lastErrorText());
    }
    DWORD written = 0;
    const bool ok = ::WriteFile(h.get(), bytes.data(), static_cast<DWORD>(bytes.size()), &written, nullptr) &&
                    written == bytes.size() && ::FlushFileBuffers(h.get());
    if (!ok) {
        const std::string why = lastErrorText();
        ::DeleteFileW(wpath.c_str());
        throw std::runtime_error("cannot write " + path + ": " + why);
    }
    return true;
}

std::optional<std::string> readPrivateFile(const std::string& path, std::size_t maxBytes)
{
    // The ledger and its key live in the user's profile, whose ACL already keeps other users out.
    Handle h(::CreateFileW(widen(path).c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, nullptr));
    if (h.get() == INVALID_HANDLE_VALUE) {
        const DWORD err = ::GetLastError();
        if (err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND) return std::nullopt;
        throw std::runtime_error("cannot read " + path + ": " + lastErrorText());
    }
    std::string out(maxBytes, '\0');
    DWORD n = 0;
    if (!::ReadFile(h.get(), out.data(), static_cast<DWORD>(maxBytes), &n, nullptr))
        throw std::runtime_error("cannot read " + path + ": " + lastErrorText());
    out.resize(n);
    return out;
}

void makeOwnerOnly(const std::string& path, bool create)
{
    if (!create) return;
    Handle h(::CreateFileW(widen(path).c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL, nullptr));
}

// --- terminal.h -------------------------------------------------------------------------------

bool stdinIsTerminal() { return ::_isatty(_fileno(stdin)) != 0; }
bool stderrIsTerminal() { return ::_isatty(_fileno(stderr)) != 0; }

bool readLineWithoutEcho(std::istream& in, std::string& line)
{
    HANDLE console = ::GetStdHandle(STD_INPUT_HANDLE);
    DWORD oldMode = 0;
    const bool tty = ::GetConsoleMode(console, &oldMode) != 0;
    if (tty) ::SetConsoleMode(console, oldMode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    const bool ok = static_cast<bool>(std::getline(in, line));
    if (tty) ::SetConsoleMode(console, oldMode);
    return ok;
}

// --- transcode.h ------------------------------------------------------------------------------

Transcoded transcode(std::string_view bytes, const char* from, const char* to)
{
    Transcoded result;
    const int fromCp = codePageOf(from);
    const int toCp = codePageOf(to);
    if (fromCp < 0 || toCp < 0) {
        result.status = Transcoded::Status::UnsupportedEncoding;
        return result;
    }
    std::wstring wide;
    if (!toWide(bytes, from, fromCp, wide)) {
        // Win32 does not say where the bad sequence is: find the first line that fails alone
        // ('\n' is never part of a multi-byte GBK / GB18030 / UTF-8 sequence).
        std::size_t start = 0;
        std::wstring ignored;
        while (start < bytes.size()) {
            std::size_t end = bytes.find('\n', start);
            end = end == std::string_view::npos ? bytes.size() : end + 1;
            if (!toWide(bytes.substr(start, end - start), from, fromCp, ignored)) break;
            start = end;
        }
        result.status = Transcoded::Status::InvalidSequence;
        result.errorOffset = std::min(start, bytes.size());
        return result;
    }
    if (!fromWide(wide, to, toCp, result.bytes)) {
        result.status = Transcoded::Status::InvalidSequence;
        result.bytes.clear();
    }
    return result;
}

// --- computer_name.h --------------------------------------------------------------------------

std::string computerName()
{
    wchar_t name[MAX_COMPUTERNAME_LENGTH + 1] = {0};
    DWORD size = MAX_COMPUTERNAME_LENGTH + 1;
    if (!::GetComputerNameW(name, &size)) return {};
    std::string out;
    return fromWide(std::wstring(name, size), "UTF-8", CP_UTF8, out) ? out : std::string();
}

// --- stop_signals.h ---------------------------------------------------------------------------

StopSignals::StopSignals() { ::SetConsoleCtrlHandler(onConsoleControl, TRUE); }

int StopSignals::wait()
{
    std::unique_lock lock(g_stopMutex);
    g_stopCv.wait(lock, [] { return g_stopSignal != 0 || g_released; });
    return g_stopSignal;
}

void StopSignals::release(std::thread&)
{
    std::lock_guard lock(g_stopMutex);
    g_released = true;
    g_stopCv.notify_all();
}

}  // namespace taizhang::platform
