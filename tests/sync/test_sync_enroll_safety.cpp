// Enrollment that survives a lost answer or a crash without burning the one-time code, plain
// http refused for anything but this machine, and owner-only files for what must stay private.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "offline_bundle.h"
#include "server_url.h"
#include "sync_client_fixture.h"

using namespace taizhang;
using namespace taizhang::testing;
using sync::SyncOutcome;

namespace {
struct EnrollSafety : SyncFixture {
    void SetUp() override { startCounty(); }

    sync::EnrollResult enrollVia(Database& target, const std::string& keyFilePath, const std::string& url,
                                 const std::string& code)
    {
        sync::CurlTransport t;
        return sync::enrollDevice(target, t, {url, kSchool, code, "PC-1", "", "", "none"}, keyFilePath);
    }
    std::int64_t devices() { return county.count("SELECT count(*) FROM devices"); }
};

unsigned modeOf(const std::string& path)
{
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return 07777;  // absent: never equal to a mode we expect
    return st.st_mode & 0777;
}

// Sets the umask for one scope (files created meanwhile get 0666/0777 minus it).
struct Umask {
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
    mode_t old;
};
}  // namespace

TEST_F(EnrollSafety, GIVEN_the_countys_answer_is_lost_WHEN_enrollment_is_retried_with_the_same_code_THEN_the_same_device_and_no_orphan)
{
    const std::string code = county.issueCode(kSchool);
    FaultProxy proxy(county.port());
    proxy.command("plan lost_ack");  // the county enrolls, the answer never arrives
    const auto lost = enrollVia(db, keyFile(), proxy.url(), code);
    ASSERT_FALSE(lost.ok);
    EXPECT_FALSE(lost.authProblem) << lost.message;
    EXPECT_EQ(devices(), 1);  // the county did enroll a device

    const auto retry = enrollVia(db, keyFile(), proxy.url(), code);
    ASSERT_TRUE(retry.ok) << retry.message;
    EXPECT_EQ(devices(), 1) << "the retry left an orphan device at the county";
    EXPECT_EQ(county.count("SELECT count(*) FROM devices WHERE id = '" + retry.deviceId + "'"), 1);

    // The token of the answer works: records sync.
    pointAt(county.url());
    addHomework(store, 5);
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    expectConverged();

    // Another installation presenting the same code (with its own nonce) is refused.
    Database other = Database::open(dir.file("other.db"));
    const auto stranger = enrollVia(other, dir.file("other.db.key"), county.url(), code);
    EXPECT_FALSE(stranger.ok);
    EXPECT_EQ(stranger.errorCode, "enrollment_code_used");
    EXPECT_EQ(devices(), 1);
}

TEST_F(EnrollSafety, GIVEN_an_empty_or_partial_key_file_left_by_a_crash_WHEN_enrolling_THEN_the_code_is_not_burned_and_the_token_opens)
{
    for (const std::string& leftover : {std::string(), std::string("0123456789")}) {
        SCOPED_TRACE(leftover.empty() ? "empty key file" : "partial key file");
        {
            std::ofstream k(keyFile(), std::ios::binary | std::ios::trunc);
            k << leftover;
        }
        const std::string code = county.issueCode(kSchool);
        sync::EnrollResult r;
        ASSERT_NO_THROW(r = enroll(code));
        ASSERT_TRUE(r.ok) << r.message;
        EXPECT_EQ(modeOf(keyFile()), 0600u);
        const auto settings = loadSyncSettings(db);
        EXPECT_EQ(sync::TokenVault(keyFile()).open(settings.sealedToken).size(), 64u);
        addHomework(store, 2);
        EXPECT_EQ(syncOnce().outcome, SyncOutcome::AllSent);
    }
}

TEST_F(EnrollSafety, GIVEN_plain_http_to_another_host_WHEN_enrolling_or_syncing_THEN_refused_in_chinese_unless_explicitly_allowed)
{
    EXPECT_TRUE(sync::serverUrlProblem("http://127.0.0.1:8787", false).empty());
    EXPECT_TRUE(sync::serverUrlProblem("http://127.8.9.10/", false).empty());
    EXPECT_TRUE(sync::serverUrlProblem("http://localhost:8787", false).empty());
    EXPECT_TRUE(sync::serverUrlProblem("http://[::1]:8787", false).empty());
    EXPECT_TRUE(sync::serverUrlProblem("https://county.example.cn", false).empty());
    for (const char* url : {"http://county.example.cn", "http://10.1.2.3:8787", "http://127.0.0.1@county.example.cn/",
                            "http://127.0.0.1.example.cn/", "http://[::2]:80", "ftp://county.example.cn"}) {
        EXPECT_FALSE(sync::serverUrlProblem(url, false).empty()) << url;
    }
    EXPECT_EQ(sync::serverUrlProblem("http://county.example.cn", false).rfind("拒绝使用明文 http://", 0), 0u);
    EXPECT_TRUE(sync::serverUrlProblem("http://county.example.cn", true).empty());

    // Enrollment refuses before anything is sent: the code stays unused.
    const std::string code = county.issueCode(kSchool);
    sync::CurlTransport t;
    const std::string remote = "http://county.example.invalid:" + std::to_string(county.port());
    const auto refused = sync::enrollDevice(db, t, {remote, kSchool, code, "PC-1", "", "", "none"}, keyFile());
    EXPECT_FALSE(refused.ok);
    EXPECT_EQ(refused.errorCode, "insecure_url");
    EXPECT_NE(refused.message.find("明文"), std::string::npos) << refused.message;
    EXPECT_EQ(county.count("SELECT count(*) FROM enrollment_codes WHERE used_at IS NOT NULL"), 0);

    // A pass never sends the token to such a URL, even if the settings were changed afterwards.
    ASSERT_TRUE(enroll(code).ok);
    addHomework(store, 3);
    pointAt("http://county.example.invalid:" + std::to_string(county.port()));
    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::TlsProblem);
    EXPECT_EQ(r.errorCode, "insecure_url");
    EXPECT_EQ(r.attempts, 0);
    EXPECT_NE(r.message.find("明文"), std::string::npos) << r.message;
}

TEST_F(EnrollSafety, GIVEN_umask_022_WHEN_a_ledger_a_key_file_and_a_bundle_are_created_THEN_each_is_owner_only)
{
    Umask relaxed(022);
    const std::string ledger = dir.file("fresh.db");
    {
        Database fresh = Database::open(ledger);
        fresh.exec("CREATE TABLE IF NOT EXISTS t(x)");
        fresh.exec("INSERT INTO t VALUES(1)");  // the -wal and -shm exist while it is open
        EXPECT_EQ(modeOf(ledger), 0600u);
        EXPECT_EQ(modeOf(ledger + "-wal"), 0600u);
        EXPECT_EQ(modeOf(ledger + "-shm"), 0600u);
    }
    // A ledger created loose by an older version is tightened when opened.
    ::chmod(ledger.c_str(), 0644);
    { Database again = Database::open(ledger); }
    EXPECT_EQ(modeOf(ledger), 0600u);

    enrollOk();
    EXPECT_EQ(modeOf(keyFile()), 0600u);
    EXPECT_EQ(modeOf(dbPath), 0600u);
    addHomework(store, 4);
    const std::string bundle = dir.file("out.tzbundle");
    sync::writeOfflineBundle(db, SystemClock::instance(), keyFile(), BatchLimits{}, bundle);
    EXPECT_EQ(modeOf(bundle), 0600u);
}
