#include <iostream>

#include "clock.h"
#include "commands.h"
#include "report.h"

namespace taizhang::server {

int runReport(const CliArgs& args)
{
    const auto from = Date::parse(args.require("from"));
    const auto to = Date::parse(args.require("to"));
    if (!from || !to) throw UsageError("--from and --to expect YYYY-MM-DD dates");
    if (*to < *from) throw UsageError("--to is before --from");
    const std::string format = args.value("format", "json");
    if (format != "json" && format != "csv") throw UsageError("--format expects json or csv");
    auto storage = storageFromArgs(args);
    const auto school = args.get("school");
    if (school && !storage->findSchool(*school)) throw UsageError("no school " + *school);
    const Date today = localDate(SystemClock::instance().nowUnixMillis());
    const auto report = buildCountyReport(*storage, *from, *to, school, today);
    if (format == "json") std::cout << reportToJson(report).dump(2) << "\n";
    else writeReportCsv(report, std::cout);
    return 0;
}

}  // namespace taizhang::server
