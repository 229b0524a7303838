#pragma once
// Batches on their way to the county at the same time (docs/sync-protocol.md, "Batches in
// flight"). On a slow line the county's work on one batch (validating, storing, the round trip of
// its answer) would otherwise leave the line idle; with a second batch travelling meanwhile it
// does not. Each batch in flight has a connection (transport) of its own and a thread that only
// sends and receives: the database stays with the engine's thread, which freezes batches before
// and applies answers after, in the order they come back (a batch whose connection dropped does
// not hold up the answers behind it). With room for one, nothing runs in another thread: the
// batch is sent when its answer is asked for, exactly as before.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http_transport.h"
#include "outbox.h"

namespace taizhang::sync {

// Another connection for one more batch in flight (the CLI and the client make a CurlTransport
// with the same settings as the first).
using TransportFactory = std::function<std::unique_ptr<HttpTransport>()>;

class BatchFlights {
public:
    // `room` batches at most (>= 1); more than one needs `more` to open their connections.
    BatchFlights(HttpTransport& first, const TransportFactory& more, int room, std::string baseUrl, std::string token,
                 const std::atomic<bool>* cancel);
    ~BatchFlights();  // waits for what is still on its way (the cancel flag cuts it short)
    BatchFlights(const BatchFlights&) = delete;
    BatchFlights& operator=(const BatchFlights&) = delete;

    int room() const { return static_cast<int>(connections_.size()); }
    std::size_t size() const { return flights_.size(); }
    bool empty() const { return flights_.empty(); }
    std::vector<std::string> batchIds() const;

    void launch(FrozenBatch batch);

    struct Landed {
        FrozenBatch batch;
        TransportResult result;
    };
    // The first answer to come back (waits for one).
    Landed takeNext();

private:
    struct Flight {
        std::int64_t serial = 0;
        FrozenBatch batch;
        std::size_t connection = 0;
        std::future<TransportResult> result;  // invalid while room() == 1: sent in takeNext
    };
    TransportResult post(std::size_t connection, const FrozenBatch& batch);

    std::vector<std::unique_ptr<HttpTransport>> owned_;
    std::vector<HttpTransport*> connections_;
    std::vector<bool> busy_;
    std::deque<Flight> flights_;
    std::string baseUrl_;
    std::string token_;
    const std::atomic<bool>* cancel_;
    std::int64_t nextSerial_ = 0;
    std::mutex mu_;
    std::condition_variable answered_;
    std::deque<std::int64_t> answeredSerials_;  // guarded by mu_
};

}  // namespace taizhang::sync
