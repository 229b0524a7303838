#include "json_guard.h"

namespace taizhang::server {

std::size_t jsonNestingDepth(std::string_view json, std::size_t limit)
{
    std::size_t depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (char c : json) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '{' || c == '[') {
            if (++depth > deepest) deepest = depth;
            if (deepest > limit) return deepest;
        } else if (c == '}' || c == ']') {
            if (depth) --depth;
        }
    }
    return deepest;
}

}  // namespace taizhang::server
