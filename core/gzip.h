#pragma once
// gzip (RFC 1952, what Content-Encoding: gzip means), once for every layer: the sync client
// compresses a batch when it freezes it, the county server inflates offline bundles and tests read
// batches back. Inflation streams with a hard output cap, so a gzip bomb stops at the cap.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace taizhang {

class GzipError : public std::runtime_error {
public:
    enum class Reason {
        Corrupt,    // not gzip, or damaged
        Truncated,  // the stream ends before its end marker
        Trailing,   // bytes after the end of the stream
        TooLarge,   // the output would exceed maxOutput
    };
    GzipError(Reason reason, const std::string& what) : std::runtime_error(what), reason_(reason) {}
    Reason reason() const { return reason_; }

private:
    Reason reason_;
};

std::string gzipCompress(std::string_view data, int level = 9);
// Throws GzipError; never returns more than maxOutput bytes.
std::string gzipInflate(std::string_view compressed, std::int64_t maxOutput);

}  // namespace taizhang
