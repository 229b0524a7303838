#include "writer.h"

#include <memory>
#include <ostream>

#include "school.h"

namespace taizhang::cli {

bool WriteResult::ok() const
{
    for (const auto& i : issues)
        if (i.error) return false;
    return true;
}

struct Writer::Impl {
    Impl(Database& db, const Clock& clock, std::string author)
        : store(db, clock), ctx{std::move(author), ensureDeviceId(db, clock), ""}
    {
    }
    RecordStore store;
    ChangeContext ctx;
};

Writer::Writer(Database& db, const Clock& clock, std::string author)
    : impl_(std::make_shared<Impl>(db, clock, std::move(author)))
{
}

RecordStore& Writer::store() { return impl_->store; }

WriteResult Writer::save(Kind kind, Json body, const std::string& reason)
{
    ChangeContext ctx = impl_->ctx;
    ctx.reason = reason;
    return {{impl_->store.create(kind, std::move(body), ctx)}, {}};
}

WriteResult Writer::saveMany(const std::vector<NewRecord>& records)
{
    return {impl_->store.createMany(records, impl_->ctx), {}};
}

WriteResult Writer::update(const std::string& id, Json body, std::int64_t expectedVersion, const std::string& reason)
{
    ChangeContext ctx = impl_->ctx;
    ctx.reason = reason;
    return {{impl_->store.update(id, std::move(body), expectedVersion, ctx)}, {}};
}

WriteResult Writer::remove(const std::string& id, std::int64_t expectedVersion, const std::string& reason)
{
    ChangeContext ctx = impl_->ctx;
    ctx.reason = reason;
    return {{impl_->store.remove(id, expectedVersion, ctx)}, {}};
}

void printIssues(std::ostream& err, const std::vector<WriteIssue>& issues, const std::string& prefix)
{
    for (const auto& i : issues) {
        err << prefix << (i.error ? "error: " : "warning: ");
        if (!i.field.empty()) err << i.field << ": ";
        err << i.message;
        if (!i.code.empty()) err << " [" << i.code << "]";
        err << "\n";
    }
}

}  // namespace taizhang::cli
