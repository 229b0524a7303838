#include <fstream>
#include <iostream>
#include <sstream>

#include "bundle.h"
#include "commands.h"

namespace taizhang::server {

int runBundle(const CliArgs& args)
{
    if (args.words().size() < 2 || args.words()[1] != "import") throw UsageError("bundle expects import --file FILE");
    const std::string path = args.require("file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("cannot read " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto storage = storageFromArgs(args);
    Ingestor ingestor(*storage, SystemClock::instance(), Limits{});
    try {
        for (const auto& r : importBundle(*storage, ingestor, bytes.str())) {
            const auto ack = nlohmann::json::parse(r.result.response);
            std::cout << r.batchId << "\t" << (r.result.replayed ? "already imported" : "imported") << "\t"
                      << ack["counts"].dump() << "\n";
        }
    } catch (const ApiError& e) {
        std::cerr << "error: a batch of the bundle was refused (" << e.code() << "): " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace taizhang::server
