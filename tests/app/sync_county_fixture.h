#pragma once
// The Qt client's ledger (ClientFixture: demo school, admin signed in) enrolled with the real
// county server (build/bin/taizhang-county) on loopback, for the automatic-sync tests.
#include <QSignalSpy>

#include "client_fixture.h"
#include "county_fixture.h"
#include "curl_transport.h"
#include "enrollment.h"
#include "outbox.h"
#include "qt_convert.h"
#include "sync_service.h"
#include "token_vault.h"

namespace taizhang::testing {

class SyncCountyFixture : public ClientFixture {
protected:
    void startCounty(const std::vector<std::string>& extra = {}, int port = 0)
    {
        if (!schoolAdded_) {
            county.addSchool(demo.school.code, demo.school.name);
            schoolAdded_ = true;
        }
        county.start(extra, port);
    }

    void enroll()
    {
        const std::string code = county.issueCode(demo.school.code);
        sync::CurlTransport transport;
        const auto r = sync::enrollDevice(app->db(), transport,
                                          {county.url(), demo.school.code, code, "test-pc", "", "", ""},
                                          sync::TokenVault::keyFileFor(app->db().path()));
        ASSERT_TRUE(r.ok) << r.message;
    }

    std::unique_ptr<SyncService> makeService(SyncService::Options options = fastOptions())
    {
        return std::make_unique<SyncService>(*app, options);
    }

    static SyncService::Options fastOptions()
    {
        SyncService::Options o;
        o.timings.debounceMillis = 50;
        o.timings.maxDebounceMillis = 500;
        o.watchNetwork = false;
        return o;
    }

    // Waits for the service's next finished pass (an event, not a fixed time).
    static void waitForPass(SyncService& service, int timeoutMs = 60'000)
    {
        QSignalSpy spy(&service, &SyncService::passFinished);
        ASSERT_TRUE(spy.wait(timeoutMs)) << "no sync pass finished";
    }

    // A subject of the class with no homework on the day yet (homework is unique per class, day, subject).
    std::string freeSubject(const std::string& classId, const Date& day) const
    {
        std::set<std::string> used;
        for (const auto& r : app->store().query(RecordQuery{.kind = Kind::Homework, .from = day, .to = day, .classId = classId}))
            used.insert(bodyAs<Homework>(r).subject);
        for (const auto& s : app->subjectsOfClass(*app->findClass(classId)))
            if (!used.count(s)) return s;
        ADD_FAILURE() << "no free subject";
        return {};
    }

    Record saveHomework(const std::string& className, const std::string& content)
    {
        const Date day{2026, 11, 20};
        Homework h;
        h.classId = classId(className);
        h.date = day;
        h.subject = freeSubject(h.classId, day);
        h.minutes = 10;
        h.written = false;
        h.atHome = true;
        h.content = content;
        Json body = h;
        auto r = app->ledger().save(Kind::Homework, body, app->change());
        EXPECT_TRUE(r.ok()) << describeIssues(r.issues);
        app->notifyDataChanged();
        return *r.record;
    }

    std::int64_t localRecordCount() const
    {
        std::int64_t n = 0;
        for (Kind k : allKinds()) n += static_cast<std::int64_t>(app->store().query(RecordQuery{.kind = k, .includeDeleted = true}).size());
        return n;
    }

    CountyServer county{dir};

private:
    bool schoolAdded_ = false;
};

}  // namespace taizhang::testing
