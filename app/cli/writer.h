#pragma once
// Every record write of the CLI goes through here, and from here through the validated Ledger,
// so that nothing typed or imported bypasses validation. Issues come back in the CLI's shape.
#include <optional>
#include <string>
#include <vector>

#include "clock.h"
#include "database.h"
#include "record_store.h"

namespace taizhang::cli {

struct WriteIssue {
    std::size_t index = 0;  // position in the batch (saveMany); 0 otherwise
    std::string field;      // body key ("minutes"), "" for the whole record
    std::string code;       // stable validation code
    std::string message;    // English
    std::string messageZh;  // Chinese, printed first
    bool error = true;      // false: a warning, the record was written
};

struct WriteResult {
    std::vector<Record> records;  // what was written (empty when refused)
    std::vector<WriteIssue> issues;
    bool ok() const;
};

class Writer {
public:
    Writer(Database& db, const Clock& clock, std::string author);

    WriteResult save(Kind kind, Json body, const std::string& reason = {});
    WriteResult saveMany(const std::vector<NewRecord>& records);  // all or nothing
    WriteResult saveMany(std::vector<NewRecord>&& records);       // the same, taking the bodies over
    WriteResult update(const std::string& id, Json body, std::int64_t expectedVersion, const std::string& reason = {});
    WriteResult remove(const std::string& id, std::int64_t expectedVersion, const std::string& reason = {});

    RecordStore& store();

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

// Codes that mean "this already exists / someone else changed it" (exit 6, docs/cli.md): a second
// class of the same name, a second teacher with the same staff number, a stale or deleted version.
bool isConflictCode(const std::string& code);

// Prints issues as "error: minutes (homework.minutes_negative): ..." lines.
void printIssues(std::ostream& err, const std::vector<WriteIssue>& issues, const std::string& prefix = {});

}  // namespace taizhang::cli
