#pragma once
// The county's console in the browser (issue 13): server-rendered HTML pages under /console for
// county staff, signed in with a username and password (not a device token). Same process,
// same storage as the sync API. See docs/server.md "Console".
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "clock.h"
#include "county_admin.h"
#include "date.h"
#include "storage.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace taizhang::server {

struct ConsoleOptions {
    bool secureCookies = false;                      // serving TLS: cookies get "Secure"
    std::int64_t sessionMs = 8LL * 3600 * 1000;      // a working day
    int loginMaxFailures = 5;                        // per username and per address ...
    std::int64_t loginWindowMs = 15LL * 60 * 1000;   // ... within this window
    std::int64_t maxFormBytes = 8 << 10;
    std::int64_t silentAfterMs = 48LL * 3600 * 1000;  // no sync for this long: the school is silent
};

// A date range asked for in the query (from, to); the default range when absent or invalid, with
// the reason in error (shown on the page).
struct ConsoleRange {
    Date from;
    Date to;
    std::string error;
};
ConsoleRange rangeOf(const httplib::Request& req, const Date& defaultFrom, const Date& defaultTo, int maxDays, bool zh);

// Who is asking, once the session cookie checked out.
struct ConsoleContext {
    StaffRow staff;
    std::string tokenHash;
    std::string csrf;  // derived from the session token: only the session's own pages know it
    bool zh = true;
    std::string here;  // path and query of this request
};

// One route of the console, for the server's checks before any body byte is read.
struct ConsoleRoute {
    const char* path;
    const char* method;
    std::int64_t maxBody;  // 0: no body
};

class Console {
public:
    // clientAddress: the request's client (X-Real-IP behind the trusted proxy).
    Console(Storage& storage, const Clock& clock, ConsoleOptions options,
            std::function<std::string(const httplib::Request&)> clientAddress);
    void addRoutes(httplib::Server& http);
    std::vector<ConsoleRoute> routes() const;

private:
    using Context = ConsoleContext;
    template <class F> void page(const httplib::Request& req, httplib::Response& res, const char* minRole, bool post, F&& f);
    void handleLoginPage(const httplib::Request& req, httplib::Response& res);
    void handleLogin(const httplib::Request& req, httplib::Response& res);
    void handleLogout(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleOverview(const Context& c, const httplib::Request& req, httplib::Response& res);
    // CSV (with BOM) or XLSX of the same table (export_table.h).
    void handleOverviewExport(const Context& c, const httplib::Request& req, httplib::Response& res, bool xlsx);
    void handleFindingsExport(const Context& c, const httplib::Request& req, httplib::Response& res, bool xlsx);
    void handleAuditExport(const Context& c, const httplib::Request& req, httplib::Response& res, bool xlsx);
    void handleSchool(const Context& c, const httplib::Request& req, httplib::Response& res);
    // console_lists.cpp: findings filtered by rule, grade, school and dates; a school's 作业公示 of
    // a day; teachers' training hours against the 5-year 360 h and the probation 120 h.
    void handleFindingList(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handlePublication(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleTraining(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleRevokeDevice(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleAudit(const Context& c, const httplib::Request& req, httplib::Response& res);
    // console_review.cpp
    void handleReview(const Context& c, const httplib::Request& req, httplib::Response& res, bool reopen);
    std::string reviewSection(const Context& c, const std::string& code, const Date& from, const Date& to);
    void audit(const Context& c, const httplib::Request& req, const std::string& action, const std::string& target,
               const std::string& detail);
    // console_admin.cpp: administration, admin role only (checked by page() on every request).
    // The GET pages also render a refused POST's problems (status 400/409) with the input kept.
    void sendAdminPage(const Context& c, httplib::Response& res, int status, const char* zhTitle, const char* enTitle,
                       const std::string& current, const std::string& body);
    void handleAdminSchools(const Context& c, const httplib::Request& req, httplib::Response& res, int status = 200,
                            const std::vector<AdminProblem>& problems = {}, const SchoolRow& draft = {});
    void handleAdminAddSchool(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleAdminSchoolsCsv(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleAdminSchoolState(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleAdminCodes(const Context& c, const httplib::Request& req, httplib::Response& res, int status = 200,
                          const std::vector<AdminProblem>& problems = {});
    void handleAdminIssueCode(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleAdminDevices(const Context& c, const httplib::Request& req, httplib::Response& res);
    void handleAdminConfig(const Context& c, const httplib::Request& req, httplib::Response& res, int status = 200,
                           const std::vector<AdminProblem>& problems = {}, const std::string& draftKey = "",
                           const std::string& draft = "");
    void handleAdminSaveConfig(const Context& c, const httplib::Request& req, httplib::Response& res, const std::string& key);
    void handleAdminStaff(const Context& c, const httplib::Request& req, httplib::Response& res, int status = 200,
                          const std::vector<AdminProblem>& problems = {});
    void handleAdminAddStaff(const Context& c, const httplib::Request& req, httplib::Response& res);

    Storage& storage_;
    const Clock& clock_;
    ConsoleOptions options_;
    std::function<std::string(const httplib::Request&)> clientAddress_;
};

// Sends a console page with the headers every page carries (no caching, no framing, CSP).
void sendConsoleHtml(httplib::Response& res, int status, const std::string& html);
void sendConsoleRedirect(httplib::Response& res, const std::string& to);
struct ExportTable;
// A download of one table: "name.csv" (UTF-8 with BOM) or "name.xlsx".
void sendConsoleExport(httplib::Response& res, const ExportTable& table, const std::string& name, bool xlsx);

}  // namespace taizhang::server
