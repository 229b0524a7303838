"""The county's side of the 无作业-versus-homework walk (docs/server.md, "Walked: 无作业 on one
computer, homework on another"), in Debian's headless Chromium at 1366x768:
    /usr/bin/python3 docs/walks/no_homework_conflict_console.py BASE SCHOOL DAY OUT_PREFIX
Signs in as `viewer` (password viewer-pass-2026), opens the school's page for the week up to DAY,
prints each row of its conflict list and saves OUT_PREFIX-school.png scrolled to that list. The
grid and the 作业公示 are docs/walks/no_homework_console.py."""
import datetime
import os
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "console"))
from console_fixture import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, school, day, out = sys.argv[1:5]
b = chromium(tempfile.mkdtemp())
w = WebDriverWait(b, 30)
b.get(base + "/console/login")
w.until(EC.presence_of_element_located((By.ID, "username"))).send_keys("viewer")
b.find_element(By.ID, "password").send_keys("viewer-pass-2026")
b.find_element(By.ID, "login").click()
w.until(EC.url_contains("/console/overview"))
d = datetime.date.fromisoformat(day)
b.get(f"{base}/console/school?code={school}&from={(d - datetime.timedelta(days=6)).isoformat()}&to={day}")
table = w.until(EC.presence_of_element_located((By.ID, "conflicts")))
for row in table.find_elements(By.CSS_SELECTOR, "tr[data-record]"):
    print("conflict:", " | ".join(td.text for td in row.find_elements(By.TAG_NAME, "td")))
b.execute_script("document.documentElement.style.scrollBehavior = 'auto'; arguments[0].scrollIntoView({block: 'end'})", table)
w.until(lambda _: b.execute_script("return arguments[0].getBoundingClientRect().bottom <= window.innerHeight + 1", table))
b.save_screenshot(out + "-school.png")
b.quit()
