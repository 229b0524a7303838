#pragma once
// Reading the words and figures people type (CLI options, CSV cells, the client's forms), once,
// for every front end. A Chinese input method often leaves full-width characters behind (３０,
// ２０２６－０９－０１) and people write dates as 2026年9月1日, 2026/9/1 or 2026.9.1 as often as
// 2026-09-01; all of these must be read the same everywhere.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "date.h"

namespace taizhang {

// Full-width ASCII (U+FF01..U+FF5E) becomes its ASCII twin, the ideographic space U+3000 a space;
// everything else is kept byte for byte.
std::string foldFullWidth(std::string_view text);

// Folds full-width characters, then trims spaces and tabs at both ends.
std::string normaliseTyped(std::string_view text);

// A whole number such as 30, ３０, +5 or -5; nullopt for anything else (30分, 3.5, empty).
std::optional<std::int64_t> parseTypedInteger(std::string_view text);

// A decimal such as 9.5, ９．５ or 10; nullopt for anything else.
std::optional<double> parseTypedDecimal(std::string_view text);

// A calendar date written 2026-09-01, 2026-9-1, 2026/9/1, 2026.9.1, 2026年9月1日 (日 or 号 optional),
// in full-width digits too; nullopt for anything else or an impossible day (2026-02-30).
std::optional<Date> parseTypedDate(std::string_view text);

}  // namespace taizhang
