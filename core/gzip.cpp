#include "gzip.h"

#include <zlib.h>

namespace taizhang {

namespace {
// 15 + 16: zlib's windowBits for a gzip wrapper rather than a raw zlib stream.
constexpr int kGzipWindowBits = 15 + 16;
}  // namespace

std::string gzipCompress(std::string_view data, int level)
{
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, kGzipWindowBits, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto produced = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
    out.resize(produced);
    return out;
}

std::string gzipInflate(std::string_view compressed, std::int64_t maxOutput)
{
    z_stream z{};
    if (inflateInit2(&z, kGzipWindowBits) != Z_OK) throw std::runtime_error("zlib failed to initialise");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buf[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            if (rc == Z_BUF_ERROR) throw GzipError(GzipError::Reason::Truncated, "gzip data is truncated");
            throw GzipError(GzipError::Reason::Corrupt, "gzip data is corrupt");
        }
        const std::size_t produced = sizeof buf - z.avail_out;
        if (static_cast<std::int64_t>(out.size() + produced) > maxOutput) {
            inflateEnd(&z);
            throw GzipError(GzipError::Reason::TooLarge,
                            "inflated data exceeds max_decompressed_bytes (" + std::to_string(maxOutput) + ")");
        }
        out.append(buf, produced);
    }
    const bool trailing = z.avail_in != 0;
    inflateEnd(&z);
    if (trailing) throw GzipError(GzipError::Reason::Trailing, "unexpected bytes after the gzip stream");
    return out;
}

}  // namespace taizhang
