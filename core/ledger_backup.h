#pragma once
// Backup and restore of a whole client ledger, through SQLite's online backup API only: the
// live file's -wal / -shm are never deleted or renamed by hand (a WAL left beside a different
// main file would be replayed into it), and every step can be killed and resumed.
//
// Restore, file by file (<db> is the live ledger):
//   1. stageRestore: the chosen backup is copied (backup API) to <db>.restore-pending.part,
//      checked (a ledger this program can open, with a school), renamed <db>.restore-pending.
//   2. applyRestore:
//      a. the live ledger, with whatever its WAL holds, is copied to <db>.before-restore.part and
//         renamed <db>.before-restore: the current data is safely aside before anything changes;
//      b. <db>.restore-pending is renamed <db>.restore-applying (marks that (a) is done);
//      c. <db>.restore-applying is copied INTO the live ledger with the backup API, which is one
//         SQLite write transaction: a kill leaves the old ledger or the new one, never a mix;
//      d. <db>.restore-applying is removed.
//   A start finding <db>.restore-applying resumes at (c), one finding <db>.restore-pending
//   starts at (a). The live file always exists and always opens.
#include <functional>
#include <string>

namespace taizhang {

enum class RestoreStep {
    KeptCurrent,     // (a) done: <db>.before-restore holds the current ledger
    Marked,          // (b) done
    CopyingPages,    // (c) in progress (called between chunks of pages, inside the transaction)
    Copied,          // (c) committed
    Finished,        // (d) done
};

struct RestoreResult {
    bool ok = false;
    bool nothingToDo = false;  // no restore was staged
    std::string problem;       // English, for the log; empty on success
};

// A consistent copy of an open or closed ledger file to `target` (written as target.part,
// synced, renamed into place). Returns "" or the problem.
std::string backupLedgerFile(const std::string& dbPath, const std::string& target);

// Step 1: checks `backupPath` is a ledger with a school profile and stages it for dbPath.
// Returns "" or the problem (English; the caller shows its own Chinese message).
std::string stageRestore(const std::string& backupPath, const std::string& dbPath);

// Step 2: applies a staged (or half-applied) restore. Safe to call with the ledger open by
// this process (the copy goes through SQLite's locking); a busy ledger fails cleanly and the
// staged file stays for the next try. onStep is for tests (kill -9 at each step).
RestoreResult applyRestore(const std::string& dbPath, const std::function<void(RestoreStep)>& onStep = {});

std::string pendingRestorePath(const std::string& dbPath);   // <db>.restore-pending
std::string applyingRestorePath(const std::string& dbPath);  // <db>.restore-applying
std::string beforeRestorePath(const std::string& dbPath);    // <db>.before-restore

}  // namespace taizhang
