#pragma once
// The demo school for `taizhang-app --demo`, screenshots and the self-test: the wizard's demo
// values plus two weeks of daily records, with a few deliberate findings so the Today page has
// something to show.
namespace taizhang {
class AppContext;
// Does nothing when the ledger already holds a school. Returns false on failure.
bool createDemoSchool(AppContext& app);
}  // namespace taizhang
