#pragma once
// The demo school for `taizhang-app --demo`, screenshots, the self-test and the benchmark: core's
// deterministic generator (demo_data.h) plus local accounts to sign in with.
namespace taizhang {
class AppContext;
struct DemoOptions;

// Demo accounts: administrator "admin" and teacher "teacher" (a teacher with lessons), both with
// this password. Shown on the sign-in page of a demo ledger.
inline constexpr const char* kDemoPassword = "demo1234";

// Does nothing when the ledger already holds a school. Returns false on failure.
bool ensureDemoSchool(AppContext& app, int classes = 15, int schoolYears = 1);
}  // namespace taizhang
