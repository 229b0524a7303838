#include "gzip_inflate.h"

#include <zlib.h>

#include "api_error.h"

namespace taizhang::server {

std::string inflateGzip(std::string_view compressed, std::int64_t maxOutput)
{
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) throw ApiError(500, "internal_error", "zlib failed to initialise");
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
            throw ApiError(400, "invalid_gzip", rc == Z_BUF_ERROR ? "gzip data is truncated" : "gzip data is corrupt");
        }
        const std::size_t produced = sizeof buf - z.avail_out;
        if (static_cast<std::int64_t>(out.size() + produced) > maxOutput) {
            inflateEnd(&z);
            throw ApiError(413, "decompressed_too_large",
                           "inflated data exceeds max_decompressed_bytes (" + std::to_string(maxOutput) + ")");
        }
        out.append(buf, produced);
    }
    const bool trailing = z.avail_in != 0;
    inflateEnd(&z);
    if (trailing) throw ApiError(400, "invalid_gzip", "unexpected bytes after the gzip stream");
    return out;
}

}  // namespace taizhang::server
