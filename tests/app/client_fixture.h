#pragma once
// A real ledger file with core's demo school, opened through AppContext as the app does, with a
// pinned clock (Friday 2026-11-20, a school day inside the demo term) and an administrator
// signed in.
#include <memory>

#include <gtest/gtest.h>

#include "app_context.h"
#include "clock.h"
#include "demo_data.h"
#include "temp_dir.h"

namespace taizhang::testing {

class ClientFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        clock = std::make_unique<ManualClock>(unixMillisAt(Date{2026, 11, 20}, 19));
        app = std::make_unique<AppContext>(dir.file("ledger.db"), *clock);
        DemoOptions options;
        options.classes = 12;
        options.today = Date{2026, 11, 20};
        demo = createDemoSchool(app->db(), *clock, options);
        app->reloadProfile();
        app->signInAs("admin", "admin", true, {});
    }

    std::string classId(const std::string& name) const { return demo.classIds.at(name); }

    TempDir dir;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<AppContext> app;
    DemoSummary demo;
};

}  // namespace taizhang::testing
