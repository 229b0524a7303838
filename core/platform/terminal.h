#pragma once
// The console: is a stream a terminal (progress lines, password prompts), and reading a line
// without echo. POSIX: isatty + termios. Windows: _isatty + GetConsoleMode/SetConsoleMode.
#include <istream>
#include <string>

namespace taizhang::platform {

bool stdinIsTerminal();
bool stderrIsTerminal();

// Reads one line from `in` (the process's stdin) with the terminal's echo switched off, and
// restores the echo afterwards, also when reading fails. Without a terminal it just reads.
bool readLineWithoutEcho(std::istream& in, std::string& line);

}  // namespace taizhang::platform
