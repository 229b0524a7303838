#pragma once
// Decides whether one record line of a batch may be stored: the wire envelope (via core's
// recordFromJson plus the id/version/timestamp rules) and the body (core's validation).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "records.h"

namespace taizhang::server {

struct RecordProblem {
    std::string code;     // stable, snake_case: invalid_record, unknown_kind, invalid_body, ...
    std::string message;  // English
};

struct CheckedRecord {
    std::optional<Record> record;        // set when the line is acceptable
    std::optional<RecordProblem> problem;
    std::string id;                      // best effort, for the exception list
};

CheckedRecord checkRecordLine(const nlohmann::json& line);

}  // namespace taizhang::server
