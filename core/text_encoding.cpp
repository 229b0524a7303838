#include "text_encoding.h"

#include <algorithm>
#include <utility>

#include "platform/transcode.h"

namespace taizhang {

namespace {
std::size_t lineAt(std::string_view bytes, std::size_t offset)
{
    offset = std::min(offset, bytes.size());
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
}  // namespace

std::string_view encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf8Bom: return "UTF-8 with BOM";
    case TextEncoding::Gb18030: return "GBK/GB18030";
    case TextEncoding::Utf16Le: return "UTF-16LE";
    case TextEncoding::Utf16Be: return "UTF-16BE";
    }
    return "unknown";
}

std::size_t firstInvalidUtf8(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (RFC 3629 table)
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c == 0xED) len = 3, hi = 0x9F;  // no UTF-16 surrogates
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing above U+10FFFF
        else return i;
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

bool isValidUtf8(std::string_view bytes) { return firstInvalidUtf8(bytes) == std::string_view::npos; }

std::string convertEncoding(std::string_view bytes, const char* from, const char* to)
{
    platform::Transcoded result = platform::transcode(bytes, from, to);
    using Status = platform::Transcoded::Status;
    switch (result.status) {
    case Status::Ok: return std::move(result.bytes);
    case Status::UnsupportedEncoding:
        throw TextEncodingError(std::string("cannot convert from ") + from + " to " + to, 0, 1);
    case Status::InvalidSequence:
    case Status::IncompleteAtEnd: {
        const std::size_t offset = result.errorOffset;
        const std::string why = result.status == Status::IncompleteAtEnd
                                    ? "an incomplete multi-byte sequence at the end"
                                    : "a byte sequence that is not valid " + std::string(from);
        throw TextEncodingError("cannot decode the text: " + why + " at line " +
                                    std::to_string(lineAt(bytes, offset)) + ", byte " + std::to_string(offset + 1),
                                offset, lineAt(bytes, offset));
    }
    }
    throw TextEncodingError("cannot convert the text", 0, 1);
}

DecodedText decodeToUtf8(std::string_view bytes)
{
    if (startsWith(bytes, kUtf8Bom)) {
        std::string_view rest = bytes.substr(kUtf8Bom.size());
        if (auto bad = firstInvalidUtf8(rest); bad != std::string_view::npos) {
            const std::size_t offset = bad + kUtf8Bom.size();
            throw TextEncodingError("the file starts with a UTF-8 byte-order mark but holds a byte that is not "
                                    "UTF-8 at line " + std::to_string(lineAt(bytes, offset)) + ", byte " +
                                        std::to_string(offset + 1),
                                    offset, lineAt(bytes, offset));
        }
        return {std::string(rest), TextEncoding::Utf8Bom};
    }
    if (startsWith(bytes, "\xFF\xFE"))
        return {convertEncoding(bytes.substr(2), "UTF-16LE", "UTF-8"), TextEncoding::Utf16Le};
    if (startsWith(bytes, "\xFE\xFF"))
        return {convertEncoding(bytes.substr(2), "UTF-16BE", "UTF-8"), TextEncoding::Utf16Be};
    if (isValidUtf8(bytes)) return {std::string(bytes), TextEncoding::Utf8};
    // Not UTF-8: Chinese Excel/WPS write the ANSI code page, GBK (CP936). GB18030 decodes GBK and
    // more, and rejects what is neither, so a wrong guess still ends in a clear error.
    return {convertEncoding(bytes, "GB18030", "UTF-8"), TextEncoding::Gb18030};
}

}  // namespace taizhang
