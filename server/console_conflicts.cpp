#include "console_conflicts.h"

#include <set>

#include "console_html.h"
#include "no_homework_day.h"
#include "record_summary.h"
#include "subjects.h"

namespace taizhang::server {
namespace {

struct Winner {
    std::int64_t version = 0;
    bool mark = false;
};

// Why the version was not stored, from its code and the record it lost to (as stored now).
std::string reasonOf(const ConflictRow& k, const Record& lost, const std::optional<Winner>& winner, bool zh)
{
    if (k.code != "natural_key_conflict")
        return tr(zh, "同一条记录的同一版本有两份不同内容，保留了先到的一份", "two contents of one version of this record; the first kept");
    if (lost.kind == Kind::Homework && winner && winner->version == k.winnerVersion) {
        const bool lostMark = isNoHomeworkMark(lost.body);
        if (lostMark && !winner->mark)
            return tr(zh, "该班当天已有作业，后到的“无作业”未被采用", "the class-day already has homework; this 无作业 was not stored");
        if (!lostMark && winner->mark)
            return tr(zh, "该班当天已登记“无作业”，后到的作业未被采用", "the class-day is marked 无作业; this homework was not stored");
    }
    return tr(zh, "同一班级、同一天已有这项记录，保留了先到的一条", "another record holds this class, day (and subject); the first kept");
}

}  // namespace

std::string conflictsSection(Storage& storage, const std::string& schoolCode,
                             const std::map<std::string, SchoolClass>& classes, bool zh)
{
    const auto conflicts = storage.listConflicts(schoolCode);
    std::string out = "<h2>" + std::string(tr(zh, "冲突（未被采用的一方，学校在客户端“同步”页处理）",
                                              "Conflicts (the side not stored; the school resolves them on its Sync page)")) +
                      "</h2>";
    if (conflicts.empty()) return out + "<p class=\"note\">" + tr(zh, "没有冲突。", "None.") + "</p>";

    // The records the conflicts lost to, as stored now: the homework of the days concerned (one
    // read per day; a school has few conflicts).
    std::set<std::string> days;
    std::vector<std::optional<Record>> lost;
    for (const auto& k : conflicts) {
        std::optional<Record> r;
        try {
            r = recordFromJson(Json::parse(k.recordJson));
        } catch (const std::exception&) {
        }
        if (r && r->kind == Kind::Homework && r->date()) days.insert(r->date()->toString());
        lost.push_back(std::move(r));
    }
    std::map<std::string, Winner> winners;
    for (const auto& day : days)
        for (const auto& json : storage.recordJsons(RecordQuery{schoolCode, std::string("homework"), day, day})) {
            const Record r = recordFromJson(Json::parse(json));
            winners[r.meta.id] = Winner{r.meta.version, isNoHomeworkMark(r.body)};
        }

    std::map<std::string, std::string> deviceNames;  // the computer that sent it, by the name it enrolled with
    for (const auto& d : storage.listDevices(schoolCode))
        if (!d.name.empty()) deviceNames[d.id] = d.name;
    SummaryNames names;
    names.className = [&](const std::string& id) {
        const auto c = classes.find(id);
        return c == classes.end() ? id : c->second.name;
    };
    names.teacherName = [](const std::string& id) { return id; };
    names.subjectName = [zh](const std::string& code) {
        const auto s = findNationalSubject(code);
        return s ? (zh ? s->nameZh : s->nameEn) : code;
    };
    out += "<table id=\"conflicts\"><tr><th>" + std::string(tr(zh, "收到时间", "Received")) + "</th><th>" +
           tr(zh, "班级", "Class") + "</th><th>" + tr(zh, "日期", "Day") + "</th><th>" + tr(zh, "未被采用的记录", "Not stored") +
           "</th><th>" + tr(zh, "原因", "Why") + "</th><th>" + tr(zh, "状态", "State") + "</th><th>" +
           tr(zh, "设备", "Device") + "</th></tr>";
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        const ConflictRow& k = conflicts[i];
        std::string cls, day, what = k.recordId, why, state;
        std::optional<Winner> winner;
        if (const auto w = winners.find(k.winnerId); w != winners.end()) winner = w->second;
        if (lost[i]) {
            const Record& r = *lost[i];
            cls = r.classId().empty() ? std::string() : names.className(r.classId());
            day = r.date() ? r.date()->toString() : std::string();
            what = isNoHomeworkMark(r.body) ? std::string(tr(zh, "无作业", "No homework"))
                                            : recordSummary(r.kind, r.body, !zh, names).value_or(k.recordId);
            why = reasonOf(k, r, winner, zh);
        }
        if (winner) state = winner->version > k.winnerVersion ? tr(zh, "学校已处理", "resolved") : tr(zh, "待学校处理", "open");
        out += "<tr data-record=\"" + htmlEscape(k.recordId) + "\"><td>" + consoleLocalTime(k.receivedAt, zh) + "</td><td>" +
               htmlEscape(cls) + "</td><td>" + htmlEscape(day) + "</td><td>" + htmlEscape(what) + "</td><td>" +
               htmlEscape(why) + "</td><td>" + htmlEscape(state) + "</td><td>" +
               htmlEscape(deviceNames.count(k.deviceId) ? deviceNames.at(k.deviceId) : k.deviceId) + "</td></tr>";
    }
    return out + "</table>";
}

}  // namespace taizhang::server
