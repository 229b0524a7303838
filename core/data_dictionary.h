#pragma once
// docs/data-dictionary.md's per-kind field tables, generated from core's kind table
// (record_kinds.h) so the document cannot drift from the code. The prose around them (rules,
// validation codes) stays hand-written; each generated block sits between
//   <!-- kind-table: homework -->  and  <!-- end kind-table -->
// `taizhang data-dictionary --update FILE` rewrites the blocks; a test (cli label) checks that the
// committed file equals what the table generates.
#include <string>

#include "record_kinds.h"

namespace taizhang {

// The markdown of one kind: a summary line (names, daily, date key, uniqueness, policy areas),
// then one row per field: key, type, required/default, unit and range, CSV headers, meaning.
std::string kindFieldTable(Kind kind);

// `document` with every generated block replaced by the current table. Throws
// std::invalid_argument naming the kind when a block is missing or not closed: every kind must
// have one.
std::string regenerateDataDictionary(const std::string& document);

}  // namespace taizhang
