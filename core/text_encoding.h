#pragma once
// Decoding of text files people bring from Excel and WPS: UTF-8 with or without a BOM, and
// GBK/GB18030 (what Chinese Excel saves as "CSV"). Conversion goes through core/platform
// (glibc iconv on Linux, Win32 code pages on Windows), so there is no extra dependency. Everything inside taizhang is UTF-8.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace taizhang {

enum class TextEncoding {
    Utf8,     // no BOM
    Utf8Bom,  // EF BB BF, stripped
    Gb18030,  // GBK is a subset of GB18030, so one decoder covers both
    Utf16Le,  // "Unicode text" from Excel; BOM FF FE
    Utf16Be,  // BOM FE FF
};

std::string_view encodingName(TextEncoding encoding);

class TextEncodingError : public std::runtime_error {
public:
    TextEncodingError(const std::string& what, std::size_t byteOffset, std::size_t line)
        : std::runtime_error(what), byteOffset_(byteOffset), line_(line)
    {
    }
    std::size_t byteOffset() const { return byteOffset_; }  // in the input bytes
    std::size_t line() const { return line_; }              // 1-based

private:
    std::size_t byteOffset_;
    std::size_t line_;
};

struct DecodedText {
    std::string utf8;
    TextEncoding detected = TextEncoding::Utf8;
};

// true if the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view bytes);
// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t firstInvalidUtf8(std::string_view bytes);

// Detects the encoding (BOM first; then valid UTF-8; else GB18030) and returns UTF-8 without a
// BOM. Throws TextEncodingError naming the line and byte when the bytes are neither.
DecodedText decodeToUtf8(std::string_view bytes);

// Conversion between two encodings: "UTF-8", "GB18030", "GBK", "UTF-16LE", "UTF-16BE".
// Throws TextEncodingError at the first byte that cannot be converted.
std::string convertEncoding(std::string_view bytes, const char* from, const char* to);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace taizhang
