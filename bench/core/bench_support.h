#pragma once
// Shared set-up of the core benchmarks: a scratch folder on the same disk as /tmp and per-sample
// statistics (Google Benchmark reports means; latency needs the median and the 99th percentile).
#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace taizhang::bench {

class ScratchDir {
public:
    ScratchDir()
    {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("taizhang-bench-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline double percentile(std::vector<double> samples, double p)
{
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(index, samples.size() - 1)];
}

}  // namespace taizhang::bench
