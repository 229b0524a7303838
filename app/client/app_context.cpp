#include "app_context.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>
#include <QVariantMap>

#include "logging.h"
#include "qt_convert.h"
#include "subjects.h"
#include "outbox.h"
#include "policy.h"
#include "sync_state.h"
#include "users.h"

namespace taizhang {

namespace {
AppContext* g_instance = nullptr;
}

AppContext::AppContext(const std::string& dbPath, const Clock& clock, QObject* parent)
    : QObject(parent), db_(Database::open(dbPath)), clock_(clock)
{
    store_ = std::make_unique<RecordStore>(db_, clock_);
    ledger_ = std::make_unique<Ledger>(db_, clock_);
    deviceId_ = ensureDeviceId(db_, clock_);
    reloadProfile();
    g_instance = this;
    // After the first frame: start-up shows the window before counting the outbox.
    QTimer::singleShot(0, this, &AppContext::refreshOutboxCount);
    qCInfo(lcApp) << "opened ledger" << QString::fromStdString(dbPath) << "device" << qs(deviceId_);
}

AppContext::~AppContext()
{
    if (g_instance == this) g_instance = nullptr;
}

AppContext* AppContext::instance() { return g_instance; }

ChangeContext AppContext::change(const std::string& reason) const
{
    return ChangeContext{userId_.isEmpty() ? std::string("app") : ss(userId_), deviceId_, reason};
}

QString AppContext::schoolName() const { return profile_ ? qs(profile_->name) : QString(); }
QString AppContext::schoolCode() const { return profile_ ? qs(profile_->code) : QString(); }
QString AppContext::schoolType() const { return profile_ ? qs(profile_->type) : QString(); }

Date AppContext::todayDate() const
{
    return localDate(clock_.nowUnixMillis(), profile_ ? profile_->utcOffsetMinutes : kChinaUtcOffsetMinutes);
}

QString AppContext::today() const { return qs(todayDate()); }
QString AppContext::dbPath() const { return QFileInfo(qs(db_.path())).absoluteFilePath(); }
int AppContext::outboxCount() const { return outboxCount_; }

void AppContext::refreshOutboxCount()
{
    // Unsent changes (not yet acknowledged by the county). Counting reads the whole outbox table
    // (~0.2 s on five years of data), so it is cached and refreshed after writes, never per binding.
    const auto status = Outbox(db_, clock_).status();
    const int n = static_cast<int>(status.unsent());
    const bool grew = status.maxSeq > outboxMaxSeq_;
    outboxMaxSeq_ = status.maxSeq;
    if (n == outboxCount_ && !grew) return;
    outboxCount_ = n;
    emit dataChanged();
}

void AppContext::reloadProfile()
{
    profile_ = loadSchoolProfile(db_);
    reloadReferenceData();
    emit schoolChanged();
}

void AppContext::reloadReferenceData()
{
    // Reference data is small (a school has at most a few hundred classes and teachers): read
    // once per change rather than on every page.
    classes_.clear();
    for (const auto& r : store_->query(RecordQuery{.kind = Kind::SchoolClass}))
        classes_.push_back({r.meta.id, r.meta.version, bodyAs<SchoolClass>(r)});
    const Date today = todayDate();
    std::stable_sort(classes_.begin(), classes_.end(), [&today](const ClassInfo& a, const ClassInfo& b) {
        const int ga = a.body.gradeOn(today), gb = b.body.gradeOn(today);
        return ga != gb ? ga < gb : a.body.nameOn(today) < b.body.nameOn(today);
    });
    teachers_.clear();
    for (const auto& r : store_->query(RecordQuery{.kind = Kind::Teacher}))
        teachers_.push_back({r.meta.id, r.meta.version, bodyAs<Teacher>(r)});
    terms_.clear();
    for (const auto& r : store_->query(RecordQuery{.kind = Kind::Term}))
        terms_.emplace_back(r.meta.id, bodyAs<Term>(r));
    std::sort(terms_.begin(), terms_.end(), [](const auto& a, const auto& b) { return a.second.start < b.second.start; });
    termsById_ = std::map<std::string, Term>(terms_.begin(), terms_.end());
    // Sync validated them on arrival; a file edited by hand is parsed again (national rules if not).
    overrides_ = loadCountyOverrides(db_);
    if (ledger_) ledger_->setOverrides(overrides_);
    userSlots_.clear();
    if (!teacherId_.empty())
        for (const auto& r : store_->query(RecordQuery{.kind = Kind::Timetable, .teacherId = teacherId_}))
            userSlots_.push_back(bodyAs<TimetableSlot>(r));
}

void AppContext::notifyDataChanged()
{
    reloadReferenceData();
    ++revision_;
    const auto status = Outbox(db_, clock_).status();
    outboxCount_ = static_cast<int>(status.unsent());
    outboxMaxSeq_ = status.maxSeq;
    emit dataChanged();
}

const ClassInfo* AppContext::findClass(const std::string& id) const
{
    for (const auto& c : classes_)
        if (c.id == id) return &c;
    return nullptr;
}

const TeacherInfo* AppContext::findTeacher(const std::string& id) const
{
    for (const auto& t : teachers_)
        if (t.id == id) return &t;
    return nullptr;
}

bool AppContext::isSchoolDay(const Date& day) const
{
    return SchoolCalendar({termsById_.begin(), termsById_.end()}).isSchoolDay(day);
}

QVariantList AppContext::classList() const
{
    QVariantList out;
    const Date today = todayDate();
    for (const auto& c : classes_) {
        if (!c.body.activeOn(today)) continue;  // graduated (kept for reports) or not yet opened
        if (!admin_) {
            bool teaches = std::any_of(userSlots_.begin(), userSlots_.end(),
                                       [&](const TimetableSlot& s) { return s.classId == c.id; });
            if (!teaches) continue;
        }
        out << QVariantMap{{"id", qs(c.id)}, {"name", qs(c.body.nameOn(today))}, {"grade", c.body.gradeOn(today)},
                           {"students", c.body.students}};
    }
    return out;
}

QVariantList AppContext::teacherList() const
{
    QVariantList out;
    const Date today = todayDate();
    for (const auto& t : teachers_)
        if (t.body.employedOn(today))  // one who left is kept (training history) but not offered
            out << QVariantMap{{"id", qs(t.id)}, {"name", qs(t.body.name)}, {"staffNumber", qs(t.body.staffNumber)}};
    return out;
}

QVariantList AppContext::termList() const
{
    QVariantList out;
    for (const auto& [id, t] : terms_)
        out << QVariantMap{{"id", qs(id)}, {"name", qs(t.name)}, {"start", qs(t.start)}, {"end", qs(t.end)}};
    return out;
}

QString AppContext::currentTermId() const
{
    const Date today = todayDate();
    QString latest;
    for (const auto& [id, t] : terms_) {
        if (today >= t.start && today <= t.end) return qs(id);
        if (t.start <= today) latest = qs(id);
    }
    return latest.isEmpty() && !terms_.empty() ? qs(terms_.back().first) : latest;
}

std::vector<std::string> AppContext::subjectsOfClass(const ClassInfo& c) const
{
    const Date today = todayDate();
    const auto& subjects = c.body.subjectsOn(today);
    return subjects.empty() ? defaultSubjectsForGrade(c.body.gradeOn(today)) : subjects;
}

std::vector<std::string> AppContext::subjectsUserMayRecord(const ClassInfo& c) const
{
    auto all = subjectsOfClass(c);
    if (admin_) return all;
    std::vector<std::string> out;
    for (const auto& code : all)
        if (std::any_of(userSlots_.begin(), userSlots_.end(),
                        [&](const TimetableSlot& s) { return s.classId == c.id && s.subject == code; }))
            out.push_back(code);
    return out;
}

QString AppContext::demoSignInHint() const
{
    const auto password = db_.setting("demo_password");
    if (!password) return {};
    QStringList accounts;
    UserStore users(const_cast<Database&>(db_), clock_);
    for (const auto& u : users.list())
        accounts << tr("“%1”（%2）").arg(qs(u.displayName), u.role == Role::Admin ? tr("管理员") : tr("教师"));
    return tr("演示学校：选择 %1，密码都是 %2").arg(accounts.join(tr(" 或 ")), qs(*password));
}

bool AppContext::userTeaches(const std::string& classId, const std::string& subject) const
{
    return std::any_of(userSlots_.begin(), userSlots_.end(), [&](const TimetableSlot& s) {
        return s.classId == classId && (subject.empty() || s.subject == subject);
    });
}

QString AppContext::subjectName(const QString& code) const
{
    if (auto s = findNationalSubject(ss(code)))
        return qs(language_ == QLatin1String("en") ? s->nameEn : s->nameZh);
    for (const auto& r : store_->query(RecordQuery{.kind = Kind::Subject})) {
        auto cs = bodyAs<CustomSubject>(r);
        if (qs(cs.code) == code) return qs(cs.name);
    }
    return code;
}

QString AppContext::kindName(const QString& kind) const
{
    // Core's kind table carries both languages, as it does for validation messages.
    const auto k = kindFromName(ss(kind));
    if (!k) return kind;
    const KindDescriptor& d = describe(*k);
    return qs(std::string(language_ == QLatin1String("en") ? d.nameEn : d.nameZh));
}

QString AppContext::className(const QString& id) const
{
    auto c = findClass(ss(id));
    return c ? qs(c->body.name) : QString();
}

QString AppContext::teacherName(const QString& id) const
{
    auto t = findTeacher(ss(id));
    return t ? qs(t->body.name) : id;
}

bool AppContext::isValidDate(const QString& text) const { return dateFrom(text).has_value(); }

QString AppContext::addDays(const QString& date, int days) const
{
    auto d = dateFrom(date);
    return d ? qs(d->addDays(days)) : date;
}

void AppContext::signInAs(const QString& userId, const QString& name, bool admin, const std::string& teacherId)
{
    userId_ = userId;
    userName_ = name;
    admin_ = admin;
    teacherId_ = teacherId;
    qCInfo(lcApp) << "signed in" << userId << (admin ? "admin" : "teacher");
    reloadReferenceData();
    emit userChanged();
    emit dataChanged();
}

QVariantList AppContext::userList() const
{
    QVariantList out;
    UserStore users(const_cast<Database&>(db_), clock_);
    for (const auto& u : users.list()) {
        if (u.disabled) continue;
        out << QVariantMap{{"username", qs(u.username)}, {"displayName", qs(u.displayName)},
                           {"admin", u.role == Role::Admin}};
    }
    return out;
}

QString AppContext::signIn(const QString& username, const QString& password)
{
    UserStore users(db_, clock_);
    std::optional<User> user;
    try {
        user = users.authenticate(ss(username), ss(password));
    } catch (const std::exception& e) {
        qCWarning(lcApp) << "sign-in failed:" << e.what();
        return tr("登录失败：%1").arg(QString::fromUtf8(e.what()));
    }
    if (!user) {
        // Never say which half was wrong.
        qCInfo(lcApp) << "sign-in refused for" << username;
        return tr("用户名或密码不正确");
    }
    signInAs(qs(user->username), qs(user->displayName), user->role == Role::Admin, user->teacherId);
    return {};
}

void AppContext::signOut()
{
    qCInfo(lcApp) << "signed out" << userId_;
    userId_.clear();
    userName_.clear();
    teacherId_.clear();
    admin_ = false;
    userSlots_.clear();
    emit userChanged();
}

void AppContext::setLanguage(const QString& lang)
{
    if (lang == language_) return;
    language_ = lang;
    emit languageChanged(lang);
    emit dataChanged();  // subject names are language dependent
}

}  // namespace taizhang
