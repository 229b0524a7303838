// The libcurl transport reuses one easy handle for a whole pass. What it reports about one
// request must belong to that request, and nothing the handle keeps may point at memory that is
// gone once send() has returned (CURLOPT_ERRORBUFFER used to be a stack array of send()).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "county_fixture.h"
#include "curl_transport.h"
#include "temp_dir.h"

using namespace taizhang;
using namespace taizhang::testing;

namespace {
// A listening socket on 127.0.0.1 that accepts `connections` connections and closes each at
// after reading the request, without a byte of answer: libcurl reports "Empty reply from server".
class SilentServer {
public:
    explicit SilentServer(int connections)
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(fd_, 8);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this, connections] {
            for (int i = 0; i < connections; ++i) {
                const int c = ::accept(fd_, nullptr, nullptr);
                if (c < 0) return;
                // Read the whole request head first, so the close is a clean FIN, not a reset.
                std::string head;
                char buf[1024];
                while (head.find("\r\n\r\n") == std::string::npos) {
                    const ssize_t n = ::recv(c, buf, sizeof buf, 0);
                    if (n <= 0) break;
                    head.append(buf, static_cast<std::size_t>(n));
                }
                ::close(c);
            }
        });
    }
    ~SilentServer()
    {
        thread_.join();
        ::close(fd_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1/capabilities"; }

private:
    int fd_ = -1;
    int port_ = 0;
    std::thread thread_;
};

// A port on 127.0.0.1 where nothing listens (bound, then closed): connections are refused.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

sync::HttpRequest get(const std::string& url)
{
    sync::HttpRequest r;
    r.url = url;
    return r;
}
}  // namespace

TEST(CurlTransport, GIVEN_one_reused_handle_WHEN_two_requests_fail_differently_THEN_each_message_is_its_own_and_the_handle_outlives_them)
{
    TempDir dir;
    CountyServer county(dir);
    county.start();
    SilentServer silent(1);
    const std::string refusedUrl = "http://127.0.0.1:" + std::to_string(closedPort()) + "/v1/capabilities";
    sync::TransportOptions o;
    o.proxy = "none";
    {
        sync::CurlTransport t(o);
        // A success first leaves a live keep-alive connection in the handle's cache.
        const auto ok = t.send(get(county.url() + "/v1/capabilities"));
        ASSERT_TRUE(ok.ok()) << ok.message;
        EXPECT_EQ(ok.response.status, 200);

        const auto first = t.send(get(silent.url()));
        EXPECT_EQ(first.error, sync::TransportError::Network);
        EXPECT_NE(first.message.find("Empty reply"), std::string::npos) << first.message;

        const auto second = t.send(get(refusedUrl));
        EXPECT_EQ(second.error, sync::TransportError::Network);
        EXPECT_EQ(second.message.find("Empty reply"), std::string::npos)
            << "the second failure reports the first one's text: " << second.message;
        EXPECT_NE(second.message.find("127.0.0.1"), std::string::npos) << second.message;

        // And the handle still works after two failures.
        const auto again = t.send(get(county.url() + "/v1/capabilities"));
        ASSERT_TRUE(again.ok()) << again.message;
        EXPECT_EQ(again.response.status, 200);
    }  // the handle closes its cached connection here, long after every send() returned
}
