#pragma once
// The validated-write façade the CLI and the Qt client use: validate, then write record + audit +
// outbox through RecordStore. On any validation error nothing is written and the issues come
// back; warnings come back alongside a successful write.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clock.h"
#include "database.h"
#include "policy_overrides.h"
#include "record_store.h"
#include "validation.h"

namespace taizhang {

struct LedgerResult {
    std::optional<Record> record;            // set when written
    std::vector<ValidationIssue> issues;     // errors (refused) and warnings (written anyway)
    bool ok() const { return record.has_value(); }
    std::vector<ValidationIssue> errors() const;
    std::vector<ValidationIssue> warnings() const;
};

struct BulkIssue {
    std::size_t index;  // position in the input vector
    ValidationIssue issue;
};

struct BulkResult {
    std::vector<Record> records;  // all written, in input order; empty when refused
    std::vector<BulkIssue> issues;
    bool hasErrors() const;
    bool ok() const { return !hasErrors(); }
};

class Ledger {
public:
    Ledger(Database& db, const Clock& clock);

    // County overrides in force (stricter homework caps change when a reason is required).
    void setOverrides(CountyOverrides overrides) { overrides_ = std::move(overrides); }
    const CountyOverrides& overrides() const { return overrides_; }

    // New record. Homework that makes its class-day break the cap is refused unless ctx.reason
    // or body.over_cap_reason is non-empty; the reason is then kept in the body and the audit.
    LedgerResult save(Kind kind, Json body, const ChangeContext& ctx);
    LedgerResult update(std::string_view id, Json body, std::int64_t expectedVersion, const ChangeContext& ctx);
    // Writes a tombstone. A class, teacher or term still named by live records is refused
    // ("class.in_use", ...): those records would lose the grade / calendar their checks need.
    LedgerResult remove(std::string_view id, std::int64_t expectedVersion, const ChangeContext& ctx);

    // All or nothing, one transaction: the CSV importer. Rows are validated against the database
    // and against the rows before them in the same input (duplicates, homework totals).
    BulkResult saveMany(const std::vector<NewRecord>& records, const ChangeContext& ctx);
    // The same, taking the bodies over (a bulk import's rows are not copied).
    BulkResult saveMany(std::vector<NewRecord>&& records, const ChangeContext& ctx);

    // The context validation uses, read from the database (reference data, school, today).
    ValidationContext buildContext() const;
    Date today() const;

    RecordStore& store() { return store_; }

private:
    Database& db_;
    const Clock& clock_;
    RecordStore store_;
    CountyOverrides overrides_;
};

}  // namespace taizhang
