#pragma once
// The one QObject that owns the open ledger for the QML side: database, record store, clock,
// school profile, the signed-in user, and cached reference data (classes, teachers) that every
// page needs. Exposed to QML as the singleton Taizhang.Backend/App.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QString>
#include <QVariantList>

#include "clock.h"
#include "policy_overrides.h"
#include "database.h"
#include "ledger.h"
#include "record_store.h"
#include "records.h"
#include "school.h"

namespace taizhang {

struct ClassInfo {
    std::string id;
    std::int64_t version = 0;
    SchoolClass body;
};

struct TeacherInfo {
    std::string id;
    std::int64_t version = 0;
    Teacher body;
};

class AppContext : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool hasSchool READ hasSchool NOTIFY schoolChanged)
    Q_PROPERTY(QString schoolName READ schoolName NOTIFY schoolChanged)
    Q_PROPERTY(QString schoolCode READ schoolCode NOTIFY schoolChanged)
    Q_PROPERTY(QString schoolType READ schoolType NOTIFY schoolChanged)
    Q_PROPERTY(QString today READ today NOTIFY todayChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY userChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(bool isAdmin READ isAdmin NOTIFY userChanged)
    Q_PROPERTY(QString dbPath READ dbPath CONSTANT)
    Q_PROPERTY(int outboxCount READ outboxCount NOTIFY dataChanged)
    Q_PROPERTY(int revision READ revision NOTIFY dataChanged)
    Q_PROPERTY(QVariantList classes READ classList NOTIFY dataChanged)
    Q_PROPERTY(QVariantList teachers READ teacherList NOTIFY dataChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QVariantList users READ userList NOTIFY schoolChanged)
    Q_PROPERTY(QVariantList terms READ termList NOTIFY dataChanged)
    Q_PROPERTY(QString currentTermId READ currentTermId NOTIFY dataChanged)
    // On a demo ledger: which accounts and password to sign in with ("" otherwise).
    Q_PROPERTY(QString demoSignInHint READ demoSignInHint NOTIFY schoolChanged)

public:
    // clock must outlive the context. Throws DbError when the file cannot be opened.
    AppContext(const std::string& dbPath, const Clock& clock, QObject* parent = nullptr);
    ~AppContext() override;

    // The context of the running application (QML-created adapters find the ledger here).
    static AppContext* instance();

    Database& db() { return db_; }
    RecordStore& store() { return *store_; }
    // Validated writes (core/ledger.h): every save of the client goes through it.
    Ledger& ledger() { return *ledger_; }
    const Clock& clock() const { return clock_; }
    const std::string& deviceId() const { return deviceId_; }
    const std::optional<SchoolProfile>& profile() const { return profile_; }
    // Who is writing: the signed-in user on this device, with an optional reason for the audit.
    ChangeContext change(const std::string& reason = {}) const;

    bool hasSchool() const { return profile_.has_value(); }
    QString schoolName() const;
    QString schoolCode() const;
    QString schoolType() const;
    QString today() const;
    Date todayDate() const;
    bool signedIn() const { return !userId_.isEmpty(); }
    QString userName() const { return userName_; }
    bool isAdmin() const { return admin_; }
    QString dbPath() const;
    int outboxCount() const;
    // The highest outbox sequence handed out (grows with every save): automatic sync's "new data".
    std::int64_t outboxMaxSeq() const { return outboxMaxSeq_; }
    int revision() const { return revision_; }
    QString language() const { return language_; }
    QString demoSignInHint() const;

    const std::vector<ClassInfo>& classes() const { return classes_; }
    const std::map<std::string, Term>& termsById() const { return termsById_; }
    // The school calendar of core (terms, holidays, 调休 working weekend days).
    bool isSchoolDay(const Date& day) const;
    // County overrides received by sync (stricter caps etc.); empty when none.
    const CountyOverrides& overrides() const { return overrides_; }
    const std::vector<TeacherInfo>& teachers() const { return teachers_; }
    const ClassInfo* findClass(const std::string& id) const;
    const TeacherInfo* findTeacher(const std::string& id) const;
    // The classes the signed-in user may record for: all for administrators, the classes a
    // teacher has lessons in (timetable) for teachers.
    QVariantList classList() const;
    QVariantList teacherList() const;
    QVariantList termList() const;
    // The term containing today, else the latest one that started, else "".
    QString currentTermId() const;
    std::vector<std::string> subjectsOfClass(const ClassInfo& c) const;
    // Subjects the signed-in teacher teaches in this class (all for administrators).
    std::vector<std::string> subjectsUserMayRecord(const ClassInfo& c) const;
    // The signed-in teacher has lessons in this class (and subject, when given); see permissions.h.
    bool userTeaches(const std::string& classId, const std::string& subject = {}) const;
    const std::string& teacherIdOfUser() const { return teacherId_; }

    Q_INVOKABLE QString subjectName(const QString& code) const;
    Q_INVOKABLE QString kindName(const QString& kind) const;
    Q_INVOKABLE QString className(const QString& id) const;
    Q_INVOKABLE QString teacherName(const QString& id) const;
    Q_INVOKABLE bool isValidDate(const QString& text) const;
    Q_INVOKABLE QString addDays(const QString& date, int days) const;
    // Local accounts to pick from on the sign-in page (never the hashes).
    QVariantList userList() const;
    // Checks the password (Argon2id); returns "" on success or a Chinese message.
    Q_INVOKABLE QString signIn(const QString& username, const QString& password);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void setLanguage(const QString& lang);

    // Signs in without a password: the self-test and the single-user fallback before accounts
    // exist. Logged, never reachable from QML.
    void signInAs(const QString& userId, const QString& name, bool admin, const std::string& teacherId);
    // Re-reads profile and reference data after a write, and tells every page to refresh.
    void notifyDataChanged();
    void reloadProfile();
    void refreshOutboxCount();

signals:
    void schoolChanged();
    void todayChanged();
    void userChanged();
    void dataChanged();
    void languageChanged(const QString& lang);

private:
    void reloadReferenceData();

    Database db_;
    std::unique_ptr<RecordStore> store_;
    std::unique_ptr<Ledger> ledger_;
    const Clock& clock_;
    std::string deviceId_;
    std::optional<SchoolProfile> profile_;
    std::vector<ClassInfo> classes_;
    std::vector<TeacherInfo> teachers_;
    std::vector<std::pair<std::string, Term>> terms_;
    std::map<std::string, Term> termsById_;
    CountyOverrides overrides_;
    std::vector<TimetableSlot> userSlots_;  // the signed-in teacher's lessons
    QString userId_;
    QString userName_;
    std::string teacherId_;
    bool admin_ = false;
    int revision_ = 0;
    int outboxCount_ = 0;
    std::int64_t outboxMaxSeq_ = 0;
    QString language_ = QStringLiteral("zh_CN");
};

}  // namespace taizhang
