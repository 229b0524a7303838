// TLS to the real county server (serve --tls-cert/--tls-key): verification is always on, a county
// CA file makes a private CA work, a public-key pin refuses any other key, and a certificate that
// does not verify produces the "firewall intercepting HTTPS" message.
#include <gtest/gtest.h>

#include <cstdlib>

#include "sync_client_fixture.h"

using namespace taizhang;
using namespace taizhang::testing;
using sync::SyncOutcome;

namespace {
struct TlsSync : SyncFixture {
    std::string cert = dir.file("county.pem");
    std::string key = dir.file("county.key");
    std::string pin;

    void SetUp() override
    {
        const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                                 "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null";
        ASSERT_EQ(std::system(make.c_str()), 0);
        const auto r = runCommand({"/bin/sh", "-c",
                                   "openssl x509 -in " + cert + " -pubkey -noout | openssl pkey -pubin -outform der | "
                                   "openssl dgst -sha256 -binary | openssl enc -base64"});
        ASSERT_EQ(r.exitCode, 0);
        pin = "sha256//" + r.output.substr(0, r.output.find('\n'));
        startCounty({"--tls-cert", cert, "--tls-key", key});
    }
    std::string httpsUrl() const { return "https://127.0.0.1:" + std::to_string(county.port()); }
    sync::EnrollResult enrollTls(const std::string& caFile, const std::string& pinned)
    {
        sync::TransportOptions o;
        o.caFile = caFile;
        o.pinnedPublicKey = pinned;
        o.proxy = "none";
        sync::CurlTransport t(o);
        return sync::enrollDevice(db, t, {httpsUrl(), kSchool, county.issueCode(kSchool), "PC-1", caFile, pinned, "none"},
                                  keyFile());
    }
};
}  // namespace

TEST_F(TlsSync, GIVEN_a_certificate_the_client_cannot_verify_WHEN_enrolling_THEN_refused_with_the_firewall_message)
{
    const auto r = enrollTls("", "");
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.tlsProblem);
    EXPECT_NE(r.message.find("firewall"), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("127.0.0.1"), std::string::npos) << r.message;
    EXPECT_FALSE(loadSyncSettings(db).enrolled());
}

TEST_F(TlsSync, GIVEN_the_county_ca_file_and_the_right_pin_WHEN_syncing_over_https_THEN_records_arrive)
{
    const auto r = enrollTls(cert, pin);
    ASSERT_TRUE(r.ok) << r.message;
    addHomework(store, 12);
    sync::CurlTransport t(sync::transportOptionsFrom(loadSyncSettings(db)));
    sync::SyncEngine engine(db, t, SystemClock::instance(), random, sleeper, keyFile());
    const auto report = engine.runOnce();
    EXPECT_EQ(report.outcome, SyncOutcome::AllSent) << report.message;
    expectConverged();
}

TEST_F(TlsSync, GIVEN_a_pin_of_another_key_WHEN_syncing_THEN_nothing_is_sent_and_the_interception_is_named)
{
    ASSERT_TRUE(enrollTls(cert, pin).ok);
    auto s = loadSyncSettings(db);
    s.pinnedPublicKey = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    saveSyncSettings(db, s);
    addHomework(store, 3);
    sync::CurlTransport t(sync::transportOptionsFrom(loadSyncSettings(db)));
    sync::SyncEngine engine(db, t, SystemClock::instance(), random, sleeper, keyFile());
    const auto report = engine.runOnce();
    EXPECT_EQ(report.outcome, SyncOutcome::TlsProblem);
    EXPECT_EQ(report.exitCode(), 13);
    EXPECT_NE(report.message.find("intercepted"), std::string::npos) << report.message;
    EXPECT_EQ(county.count("SELECT count(*) FROM records"), 0);
}
