#pragma once
// Streaming gzip inflation with a hard output cap (gzip-bomb guard) for paths that do not go
// through httplib: offline bundle import. Throws ApiError 413 decompressed_too_large at the cap
// and 400 invalid_gzip for corrupt or truncated data.
#include <cstdint>
#include <string>
#include <string_view>

namespace taizhang::server {

std::string inflateGzip(std::string_view compressed, std::int64_t maxOutput);

}  // namespace taizhang::server
