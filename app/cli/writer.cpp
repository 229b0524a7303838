#include "writer.h"

#include <memory>
#include <ostream>

#include "ledger.h"
#include "policy_overrides.h"
#include "school.h"
#include "sync_state.h"

namespace taizhang::cli {

namespace {
WriteIssue toIssue(const ValidationIssue& v, std::size_t index = 0)
{
    return WriteIssue{index, v.field, v.code, v.messageEn, v.messageZh, v.severity == IssueSeverity::Error};
}

WriteResult fromLedger(LedgerResult r)
{
    WriteResult out;
    for (const auto& i : r.issues) out.issues.push_back(toIssue(i));
    if (r.record) out.records.push_back(std::move(*r.record));
    return out;
}
}  // namespace

bool WriteResult::ok() const
{
    for (const auto& i : issues)
        if (i.error) return false;
    return true;
}

struct Writer::Impl {
    Impl(Database& db, const Clock& clock, std::string author)
        : ledger(db, clock), ctx{std::move(author), ensureDeviceId(db, clock), ""}
    {
        // The county's stricter caps decide which entries need a reason.
        ledger.setOverrides(loadCountyOverrides(db));
    }
    Ledger ledger;
    ChangeContext ctx;
};

Writer::Writer(Database& db, const Clock& clock, std::string author)
    : impl_(std::make_shared<Impl>(db, clock, std::move(author)))
{
}

RecordStore& Writer::store() { return impl_->ledger.store(); }

WriteResult Writer::save(Kind kind, Json body, const std::string& reason)
{
    ChangeContext ctx = impl_->ctx;
    ctx.reason = reason;
    return fromLedger(impl_->ledger.save(kind, std::move(body), ctx));
}

WriteResult Writer::saveMany(const std::vector<NewRecord>& records)
{
    return saveMany(std::vector<NewRecord>(records));
}

WriteResult Writer::saveMany(std::vector<NewRecord>&& records)
{
    auto bulk = impl_->ledger.saveMany(std::move(records), impl_->ctx);
    WriteResult out;
    out.records = std::move(bulk.records);
    for (const auto& i : bulk.issues) out.issues.push_back(toIssue(i.issue, i.index));
    return out;
}

WriteResult Writer::update(const std::string& id, Json body, std::int64_t expectedVersion, const std::string& reason)
{
    ChangeContext ctx = impl_->ctx;
    ctx.reason = reason;
    return fromLedger(impl_->ledger.update(id, std::move(body), expectedVersion, ctx));
}

WriteResult Writer::remove(const std::string& id, std::int64_t expectedVersion, const std::string& reason)
{
    ChangeContext ctx = impl_->ctx;
    ctx.reason = reason;
    return fromLedger(impl_->ledger.remove(id, expectedVersion, ctx));
}

bool isConflictCode(const std::string& code)
{
    return code == "class.duplicate_name" || code == "teacher.duplicate_staff_number" ||
           code == "subject.duplicate_code" || code == "record.stale_version" || code == "record.deleted";
}

void printIssues(std::ostream& err, const std::vector<WriteIssue>& issues, const std::string& prefix)
{
    for (const auto& i : issues) {
        err << prefix << (i.error ? "error: " : "warning: ");
        if (!i.field.empty()) err << i.field << ": ";
        if (!i.messageZh.empty()) err << i.messageZh << " / ";
        err << i.message;
        if (!i.code.empty()) err << " [" << i.code << "]";
        err << "\n";
    }
}

}  // namespace taizhang::cli
