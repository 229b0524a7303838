#include "class_day_marks.h"

#include <set>

#include "no_homework_day.h"

namespace taizhang::server {
namespace {

bool liveHomework(const Record& r) { return r.kind == Kind::Homework && !r.meta.deleted; }

}  // namespace

void ClassDayMarks::addMarkKeys(const std::vector<const Record*>& records, std::vector<std::string>& keys)
{
    for (const Record* r : records)
        if (liveHomework(*r) && !isNoHomeworkMark(r->body))
            if (auto key = noHomeworkKey(r->body); !key.empty()) keys.push_back(std::move(key));
}

void ClassDayMarks::load(IngestTx& tx, const std::string& schoolCode, const std::vector<const Record*>& records)
{
    std::set<std::string> days;
    for (const Record* r : records) {
        if (!liveHomework(*r) || !isNoHomeworkMark(r->body)) continue;
        const auto key = noHomeworkKey(r->body);
        const auto day = r->date();
        if (key.empty() || !day) continue;
        homework_.try_emplace(key);
        classes_.insert(r->classId());
        days.insert(day->toString());
    }
    if (days.empty()) return;
    for (const auto& json : tx.liveRecordJsonsOn(schoolCode, "homework", {days.begin(), days.end()}))
        stored(recordFromJson(Json::parse(json)));
}

std::optional<KeyOwner> ClassDayMarks::holder(const Record& r, const std::unordered_map<std::string, KeyOwner>& owners) const
{
    if (!liveHomework(r)) return std::nullopt;
    const std::string key = noHomeworkKey(r.body);
    if (key.empty()) return std::nullopt;
    if (!isNoHomeworkMark(r.body)) {
        // The mark's own key: a live owner of it is the class-day's mark (only a mark has it).
        const auto mark = owners.find(key);
        if (mark != owners.end() && mark->second.id != r.meta.id) return mark->second;
        return std::nullopt;
    }
    const auto day = homework_.find(key);
    if (day == homework_.end()) return std::nullopt;
    for (const auto& [id, version] : day->second)
        if (id != r.meta.id) return KeyOwner{id, version};
    return std::nullopt;
}

void ClassDayMarks::stored(const Record& r)
{
    if (r.kind != Kind::Homework || homework_.empty()) return;
    if (const auto was = listedUnder_.find(r.meta.id); was != listedUnder_.end()) {
        homework_[was->second].erase(r.meta.id);
        listedUnder_.erase(was);
    }
    if (!liveHomework(r) || isNoHomeworkMark(r.body) || !classes_.count(r.classId())) return;
    const std::string key = noHomeworkKey(r.body);
    const auto day = homework_.find(key);
    if (day == homework_.end()) return;  // no mark of the batch asks about this class-day
    day->second[r.meta.id] = r.meta.version;
    listedUnder_[r.meta.id] = key;
}

}  // namespace taizhang::server
