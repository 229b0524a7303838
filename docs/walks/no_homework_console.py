"""The county's side of the 无作业 walk (docs/server.md, "Walked: 无作业 from the client to the
console"), in Debian's headless Chromium at 1366x768:
    /usr/bin/python3 docs/walks/no_homework_console.py BASE SCHOOL DAY CLASS_NAME OUT_PREFIX
Signs in as `viewer` (password viewer-pass-2026), opens the school's classes x days grid for the
week up to DAY and the school's 作业公示 of DAY, prints the class's cell and row, and saves
OUT_PREFIX-grid.png and OUT_PREFIX-publication.png."""
import datetime
import os
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "console"))
from console_fixture import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, school, day, class_name, out = sys.argv[1:6]
b = chromium(tempfile.mkdtemp())
w = WebDriverWait(b, 30)
b.get(base + "/console/login")
w.until(EC.presence_of_element_located((By.ID, "username"))).send_keys("viewer")
b.find_element(By.ID, "password").send_keys("viewer-pass-2026")
b.find_element(By.ID, "login").click()
w.until(EC.url_contains("/console/overview"))
d = datetime.date.fromisoformat(day)
b.get(f"{base}/console/school?code={school}&from={(d - datetime.timedelta(days=6)).isoformat()}&to={day}")
grid = w.until(EC.presence_of_element_located((By.ID, "grid")))
row = [r for r in grid.find_elements(By.CSS_SELECTOR, "tr[data-class]") if r.text.startswith(class_name)][0]
cell = row.find_element(By.CSS_SELECTOR, f"td[data-day='{day}']")
print("grid:", class_name, day, repr(cell.text), cell.get_attribute("class"))
b.execute_script("arguments[0].scrollIntoView()", grid)
b.save_screenshot(out + "-grid.png")
b.get(f"{base}/console/publication?code={school}&day={day}")
table = w.until(EC.presence_of_element_located((By.ID, "publication-table")))
for r in table.find_elements(By.CSS_SELECTOR, "tr[data-class]"):
    if r.text.startswith(class_name):
        print("publication:", repr(r.text))
b.save_screenshot(out + "-publication.png")
b.quit()
