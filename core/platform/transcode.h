#pragma once
// Conversion between the text encodings people's files come in. POSIX: glibc iconv. Windows:
// MultiByteToWideChar / WideCharToMultiByte with code pages 65001 (UTF-8), 54936 (GB18030) and
// 936 (GBK), and UTF-16 directly.
#include <cstddef>
#include <string>
#include <string_view>

namespace taizhang::platform {

struct Transcoded {
    enum class Status { Ok, InvalidSequence, IncompleteAtEnd, UnsupportedEncoding };
    Status status = Status::Ok;
    std::string bytes;            // the converted text when Ok
    std::size_t errorOffset = 0;  // byte offset in the input of the first bad sequence
};

// `from` and `to` are "UTF-8", "GB18030", "GBK", "UTF-16LE" or "UTF-16BE".
Transcoded transcode(std::string_view bytes, const char* from, const char* to);

}  // namespace taizhang::platform
