"""The reviewer's side of the returned-week walk (docs/server.md, "Walked: a week returned, fixed,
approved, locked"), in Debian's headless Chromium at 1366x768:
    /usr/bin/python3 docs/walks/returned_week_reviewer.py BASE return|approve WEEK OUT.png [REASON]
Signs in as `reviewer` (password review-pass-2026), opens the demo school's page around WEEK
(its Monday), returns it with REASON or approves it, and saves a screenshot of the review table."""
import os
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "console"))
from console_fixture import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
import datetime

base, action, week, out = sys.argv[1:5]
reason = sys.argv[5] if len(sys.argv) > 5 else ""
b = chromium(tempfile.mkdtemp())
w = WebDriverWait(b, 30)
b.get(base + "/console/login")
w.until(EC.presence_of_element_located((By.ID, "username"))).send_keys("reviewer")
b.find_element(By.ID, "password").send_keys("review-pass-2026")
b.find_element(By.ID, "login").click()
w.until(EC.url_contains("/console/overview"))
d = datetime.date.fromisoformat(week)
b.get(f"{base}/console/school?code=2133010601&from={(d - datetime.timedelta(days=7)).isoformat()}&to={(d + datetime.timedelta(days=13)).isoformat()}")
row = w.until(EC.presence_of_element_located((By.CSS_SELECTOR, f"#reviews tr[data-week='{week}']")))
if action == "return":
    row.find_element(By.CSS_SELECTOR, "input[name=reason]").send_keys(reason)
    row.find_element(By.CSS_SELECTOR, "button.return").click()
    w.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f"#reviews tr[data-week='{week}']"), "已退回"))
elif action == "approve":
    row.find_element(By.CSS_SELECTOR, "button.approve").click()
    w.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f"#reviews tr[data-week='{week}']"), "已通过"))
el = b.find_element(By.ID, "reviews")
b.execute_script("arguments[0].scrollIntoView()", el)
print(b.find_element(By.CSS_SELECTOR, f"#reviews tr[data-week='{week}']").text)
b.save_screenshot(out)
b.quit()
