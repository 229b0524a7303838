#pragma once
// One kind's records as the CSV that `taizhang export` writes and `taizhang import` reads back:
// one column per field, names instead of ids (三年级1班, 王伟（T0101）, 数学). The CLI and the
// client's Reports page both write through these two functions, so a file exported from either
// re-imports with `taizhang import --kind K`.
#include <string>
#include <vector>

#include "records.h"
#include "references.h"

namespace taizhang::cli {

// "id", the kind's field names in display order, then "version", "updated_at", "author"
// (the import ignores the id and the three trailing columns).
std::vector<std::string> recordCsvHeader(Kind kind);
std::vector<std::string> recordCsvRow(const Record& record, const References& refs);

}  // namespace taizhang::cli
