#include "record_csv.h"

#include "record_fields.h"

namespace taizhang::cli {

std::vector<std::string> recordCsvHeader(Kind kind)
{
    std::vector<std::string> header{"id"};
    for (const auto& f : fieldsOf(kind)) header.push_back(f.name);
    header.insert(header.end(), {"version", "updated_at", "author"});
    return header;
}

std::vector<std::string> recordCsvRow(const Record& record, const References& refs)
{
    std::vector<std::string> row{record.meta.id};
    for (const auto& f : fieldsOf(record.kind)) row.push_back(displayField(f, record.body, refs));
    row.insert(row.end(), {std::to_string(record.meta.version), record.meta.updatedAt, record.meta.author});
    return row;
}

}  // namespace taizhang::cli
