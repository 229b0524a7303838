#include "batch_flights.h"

#include <stdexcept>

#include "county_client.h"

namespace taizhang::sync {

BatchFlights::BatchFlights(HttpTransport& first, const TransportFactory& more, int room, std::string baseUrl,
                           std::string token, const std::atomic<bool>* cancel)
    : baseUrl_(std::move(baseUrl)), token_(std::move(token)), cancel_(cancel)
{
    connections_.push_back(&first);
    for (int i = 1; i < room && more; ++i) {
        owned_.push_back(more());
        connections_.push_back(owned_.back().get());
    }
    busy_.assign(connections_.size(), false);
}

BatchFlights::~BatchFlights()
{
    for (auto& f : flights_)
        if (f.result.valid()) f.result.wait();
}

std::vector<std::string> BatchFlights::batchIds() const
{
    std::vector<std::string> ids;
    for (const auto& f : flights_) ids.push_back(f.batch.batchId);
    return ids;
}

TransportResult BatchFlights::post(std::size_t connection, const FrozenBatch& batch)
{
    CountyClient client(*connections_[connection], baseUrl_);
    return client.postBatch(token_, batch, cancel_, {});
}

void BatchFlights::launch(FrozenBatch batch)
{
    std::size_t connection = 0;
    while (connection < busy_.size() && busy_[connection]) ++connection;
    if (connection == busy_.size()) throw std::logic_error("no connection free for another batch in flight");
    busy_[connection] = true;
    Flight f{nextSerial_++, std::move(batch), connection, {}};
    // One connection: sent on the engine's own thread when the answer is wanted, as always.
    if (room() > 1)
        f.result = std::async(std::launch::async, [this, connection, serial = f.serial, b = f.batch] {
            TransportResult r = post(connection, b);
            {
                std::lock_guard lock(mu_);
                answeredSerials_.push_back(serial);
            }
            answered_.notify_one();
            return r;
        });
    flights_.push_back(std::move(f));
}

BatchFlights::Landed BatchFlights::takeNext()
{
    if (flights_.empty()) throw std::logic_error("no batch in flight");
    auto it = flights_.begin();
    if (room() > 1) {
        std::unique_lock lock(mu_);
        answered_.wait(lock, [this] { return !answeredSerials_.empty(); });
        const std::int64_t serial = answeredSerials_.front();
        answeredSerials_.pop_front();
        lock.unlock();
        while (it->serial != serial) ++it;
    }
    Flight f = std::move(*it);
    flights_.erase(it);
    TransportResult r = f.result.valid() ? f.result.get() : post(f.connection, f.batch);
    busy_[f.connection] = false;
    return {std::move(f.batch), std::move(r)};
}

}  // namespace taizhang::sync
