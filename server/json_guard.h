#pragma once
// A check on raw bytes before nlohmann parses them: a nesting limit, so a hostile line cannot
// make the parser build an arbitrarily deep tree. (Strict UTF-8 is core's isValidUtf8.)
#include <cstddef>
#include <string_view>

namespace taizhang::server {

// Deepest array/object nesting of a JSON text (strings are skipped, escapes honoured). Stops
// counting once the depth exceeds limit; returns a value > limit in that case.
std::size_t jsonNestingDepth(std::string_view json, std::size_t limit);

}  // namespace taizhang::server
