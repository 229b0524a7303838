#!/usr/bin/env python3
"""County console in a real headless Chromium against the real taizhang-county (issue 13).

usage: test_console_browser.py --county PATH --backend sqlite|postgres [--screenshots DIR]
Each test name reads given / when / then."""
import argparse
import datetime
import json
import os
import re
import shutil
import sys
import tempfile
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_fixture import BEIJING, PASSWORDS, County, beijing_today, chromium, http  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ARGS = None
LATE, SILENT, OK = "3201020001", "3201020002", "3201020003"


def weekdays(start, end):
    d = start
    while d <= end:
        if d.isoweekday() <= 5:
            yield d
        d += datetime.timedelta(days=1)


class ConsoleInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.county = County(ARGS.county, ARGS.backend)
        c = cls.county
        c.cli("school", "add", "--code", LATE, "--name", "示范小学", "--county", "320102")
        c.cli("school", "add", "--code", SILENT, "--name", "城东小学", "--county", "320102")
        c.cli("school", "add", "--code", OK, "--name", "城西小学", "--county", "320102")
        c.add_staff("admin", "admin", "王主任")
        c.add_staff("reviewer", "reviewer", "李审核")
        c.add_staff("viewer", "viewer", "张查看")
        c.add_staff("throttled", "viewer", "赵老师")
        cls.base = c.start_server()

        today = beijing_today()
        cls.today = today
        cls.range_from = today - datetime.timedelta(days=13)
        days = list(weekdays(cls.range_from, today))
        cls.missing_day = days[3]   # a school day the late school never reported
        cls.over_cap_day = days[5]  # a day class 1 gets 75 minutes of written homework
        cls.class1, cls.class2 = str(uuid.uuid4()), str(uuid.uuid4())

        def homework(class_id, day, minutes):
            return (str(uuid.uuid4()), "homework",
                    {"class_id": class_id, "date": day.isoformat(), "subject": "math", "minutes": minutes,
                     "written": True, "at_home": True, "content": "口算练习", "teacher_id": ""})

        records = [(cls.class1, "class", {"grade": 4, "name": "四年级1班", "students": 45, "subjects": ["chinese", "math"]}),
                   (cls.class2, "class", {"grade": 5, "name": "五年级2班", "students": 44, "subjects": ["chinese", "math"]})]
        for d in days:
            if d == cls.missing_day:
                continue
            records.append(homework(cls.class1, d, 75 if d == cls.over_cap_day else 30))
            records.append(homework(cls.class2, d, 40))
            records.append((str(uuid.uuid4()), "activity",
                            {"class_id": cls.class1, "date": d.isoformat(), "pe_lesson_minutes": 40, "long_break_minutes": 60,
                             "long_break_sessions": 2, "after_school_minutes": 60, "out_of_school_minutes": 60}))
        device, token = c.enroll(cls.base, LATE)
        ack = c.push(cls.base, LATE, device, token, records)
        assert ack["counts"]["rejected"] == 0, ack
        cls.device_token = token

        ok_class = str(uuid.uuid4())
        ok_records = [(ok_class, "class", {"grade": 3, "name": "三年级1班", "students": 40, "subjects": ["math"]})]
        ok_records += [homework(ok_class, d, 20) for d in days]
        device, token = c.enroll(cls.base, OK)
        c.push(cls.base, OK, device, token, ok_records)
        cls.ok_pushed_at = datetime.datetime.now(BEIJING)  # the county received them before this
        cls.ok_device, cls.ok_token, cls.ok_class = device, token, ok_class
        cls.homework = staticmethod(homework)
        cls.silent_device, _ = c.enroll(cls.base, SILENT)  # enrolled, never synced

        cls.profile = tempfile.mkdtemp(prefix="tz-chromium-")
        cls.browser = chromium(cls.profile)
        cls.wait = WebDriverWait(cls.browser, 30)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        shutil.rmtree(cls.profile, ignore_errors=True)
        cls.county.close()

    def setUp(self):
        self.browser.delete_all_cookies()

    # ---- helpers -------------------------------------------------------------------------
    def shot(self, name):
        if ARGS.screenshots:
            os.makedirs(ARGS.screenshots, exist_ok=True)
            self.browser.save_screenshot(os.path.join(ARGS.screenshots, f"console-{name}.png"))

    def open(self, path):
        self.browser.get(self.base + path)

    def sign_in(self, username, password=None):
        self.open("/console/login")
        self.wait.until(EC.presence_of_element_located((By.ID, "username"))).send_keys(username)
        self.browser.find_element(By.ID, "password").send_keys(password or PASSWORDS[username])
        self.browser.find_element(By.ID, "login").click()
        self.wait.until(EC.url_contains("/console/overview"))

    def overview_range(self):
        return f"/console/overview?from={self.range_from.isoformat()}&to={self.today.isoformat()}"

    def post_from_page(self, path, fields):
        """POSTs a form with the browser's own cookies (as a forged or hand-made request would);
        returns the HTTP status the server answered."""
        return self.browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {method: 'POST', body: new URLSearchParams(arguments[1]), redirect: 'manual'})"
            ".then(r => done(r.status)).catch(e => done('error ' + e));", path, fields)

    def page_csrf(self):
        return self.browser.find_element(By.CSS_SELECTOR, "form[action='/console/logout'] input[name=csrf]").get_attribute("value")

    def device_state(self, device_id):
        for line in self.county.cli("device", "list").splitlines():
            if line.startswith(device_id):
                return line.split("\t")[2]
        self.fail("device not listed: " + device_id)

    # ---- tests ---------------------------------------------------------------------------
    def test_given_no_session_when_any_console_page_is_asked_then_it_redirects_to_login(self):
        for path in ["/console/overview", "/console/overview.csv", "/console/overview.xlsx", "/console/findings.xlsx",
                     f"/console/school?code={LATE}", "/console/audit", "/console/audit.xlsx", "/console/admin/schools",
                     "/console/admin/codes", "/console/admin/devices", "/console/admin/config", "/console/admin/staff"]:
            status, headers, body = http(self.base + path)
            self.assertEqual((status, headers.get("Location")), (303, "/console/login"), path)
            self.assertNotIn("示范小学", body)
        for path in ["/console/device/revoke", "/console/logout", "/console/admin/schools/add", "/console/admin/codes/issue",
                     "/console/admin/staff/add", "/console/admin/config/overrides"]:
            status, headers, _ = http(self.base + path, "POST", b"device=x",
                                      {"Content-Type": "application/x-www-form-urlencoded"})
            self.assertEqual((status, headers.get("Location")), (303, "/console/login"), path)
        self.open("/console/overview")
        self.wait.until(EC.url_contains("/console/login"))
        self.shot("login")

    def test_given_a_school_device_token_when_it_asks_for_console_pages_then_nothing_opens(self):
        token = self.device_token
        for path in ["/console/overview", f"/console/school?code={LATE}", "/console/audit", "/console/overview.xlsx",
                     "/console/admin/schools", "/console/admin/devices"]:
            status, headers, _ = http(self.base + path, headers={"Authorization": "Bearer " + token,
                                                                 "Cookie": "tz_session=" + token})
            self.assertEqual((status, headers.get("Location")), (303, "/console/login"), path)

    def test_given_each_role_when_signed_in_then_overview_shows_the_silent_and_late_schools(self):
        for username, label in [("admin", "管理员"), ("reviewer", "审核员"), ("viewer", "查看员")]:
            self.browser.delete_all_cookies()
            self.sign_in(username)
            self.open(self.overview_range())
            row = self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-school='{SILENT}']")))
            self.assertEqual(row.get_attribute("class"), "silent")
            self.assertIn("从未同步", row.text)
            self.assertIn("沉默", row.text)
            late = self.browser.find_element(By.CSS_SELECTOR, f"tr[data-school='{LATE}']")
            self.assertEqual(late.get_attribute("class"), "missing")  # a school day never reported (缺报)
            self.assertIn("缺报", late.text)
            self.assertIn("1 / 0", late.text)  # the day over the homework cap
            self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, f"tr[data-school='{OK}']").get_attribute("class"), "")
            self.assertIn(label, self.browser.find_element(By.TAG_NAME, "header").text)
            rules = self.browser.find_element(By.ID, "rules").text
            self.assertIn("书面作业超时", rules)  # rule name from core, in Chinese
            if username == "admin":
                self.shot("overview")

    def test_given_a_late_school_when_its_grid_is_opened_then_arrivals_misses_and_breaks_show(self):
        self.sign_in("viewer")
        self.open(self.overview_range())
        self.wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "示范小学"))).click()
        grid = self.wait.until(EC.presence_of_element_located((By.ID, "grid")))
        row = grid.find_element(By.CSS_SELECTOR, f"tr[data-class='{self.class1}']")
        cell = lambda d: row.find_element(By.CSS_SELECTOR, f"td[data-day='{d.isoformat()}']")  # noqa: E731
        self.assertEqual(cell(self.missing_day).get_attribute("class"), "missing")
        self.assertEqual(cell(self.over_cap_day).get_attribute("class"), "broke")
        self.assertIn("75", cell(self.over_cap_day).get_attribute("title"))
        normal = next(d for d in weekdays(self.range_from, self.today) if d not in (self.missing_day, self.over_cap_day))
        self.assertEqual(cell(normal).get_attribute("class"), "done")
        self.assertEqual(cell(normal).text, "作 活")
        weekend = next(d for d in (self.range_from + datetime.timedelta(days=i) for i in range(14)) if d.isoweekday() == 6)
        self.assertEqual(cell(weekend).get_attribute("class"), "off")
        self.assertIn("教务处电脑", self.browser.find_element(By.ID, "devices").text)
        self.assertEqual(self.browser.find_elements(By.CSS_SELECTOR, "#devices button"), [])  # viewer: no revoke button
        self.shot("school")

    def set_deadline(self, days, time):
        self.open("/console/admin/config")
        box = self.wait.until(EC.presence_of_element_located((By.ID, "deadline-days")))
        box.clear()
        box.send_keys(days)
        box = self.browser.find_element(By.ID, "deadline-time")
        box.clear()
        box.send_keys(time)
        self.browser.find_element(By.ID, "save-deadline").click()

    def test_given_an_admin_sets_a_next_day_deadline_when_the_overview_is_opened_then_a_school_that_sent_old_days_late_is_late_and_its_grid_marks_the_cells(self):
        self.sign_in("admin")
        # Bad input is refused with the reason in Chinese, and nothing is stored.
        self.set_deadline("8", "9:00")
        problems = self.wait.until(EC.presence_of_element_located((By.ID, "problems"))).text
        self.assertIn("截止天数应为 0 到 7 之间的整数", problems)
        self.assertIn("截止时间应为 时:分，如 09:00", problems)
        self.assertIn("尚未设置", self.browser.find_element(By.ID, "deadline-now").text)
        try:
            self.set_deadline("1", "09:00")
            self.wait.until(EC.presence_of_element_located((By.ID, "notice")))
            self.assertIn("次日 09:00（北京时间）", self.browser.find_element(By.ID, "deadline-now").text)
            self.shot("admin-deadline")

            # The 城西小学 sent every day of the fortnight at once, in setUpClass: each day whose
            # next morning 09:00 had passed by then is late; today's (and maybe yesterday's) is not.
            def due(d):
                return datetime.datetime.combine(d + datetime.timedelta(days=1), datetime.time(9, 0), BEIJING)
            days = list(weekdays(self.range_from, self.today))
            late_days = [d for d in days if self.ok_pushed_at > due(d)]
            self.assertTrue(late_days)
            self.open(self.overview_range())
            row = self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-school='{OK}']")))
            self.assertEqual(row.get_attribute("class"), "late")
            self.assertIn("迟报", row.text)
            cells = row.find_elements(By.TAG_NAME, "td")
            self.assertEqual(cells[6].text, str(len(late_days)))  # 迟报班级日
            # Both schools that reported sent old days at once (the 示范小学 is listed as 缺报 first).
            self.assertEqual(self.browser.find_element(By.ID, "late-count").text, "2 所有迟报的班级日")
            self.shot("overview-late")
            csv = self.fetch_bytes("export-csv").decode("utf-8-sig").splitlines()
            self.assertIn("迟报班级日", csv[0])
            ok_line = next(line for line in csv if line.startswith(OK))
            self.assertIn(",迟报,", ok_line)
            self.assertEqual(ok_line.split(",")[5:7], ["0", str(len(late_days))])

            # Its grid marks the late cells with the first arrival; the others are done.
            row.find_element(By.LINK_TEXT, "城西小学").click()
            grid = self.wait.until(EC.presence_of_element_located((By.ID, "grid")))
            cls_row = grid.find_element(By.CSS_SELECTOR, f"tr[data-class='{self.ok_class}']")
            for d in days:
                cell = cls_row.find_element(By.CSS_SELECTOR, f"td[data-day='{d.isoformat()}']")
                if d in late_days:
                    self.assertEqual(cell.get_attribute("class"), "late", d)
                    self.assertIn("迟", cell.text)
                    self.assertIn("迟报：首次送达", cell.get_attribute("title"))
                    self.assertIn(f"截止 {(d + datetime.timedelta(days=1)).isoformat()} 09:00", cell.get_attribute("title"))
                else:
                    self.assertEqual(cell.get_attribute("class"), "done", d)
            self.assertIn(f"迟报班级日：{len(late_days)}", self.browser.find_element(By.ID, "school-status").text)
            self.shot("school-late")
        finally:
            self.open("/console/admin/config")
            self.wait.until(EC.presence_of_element_located((By.ID, "clear-deadline"))).click()
            self.wait.until(EC.presence_of_element_located((By.ID, "notice")))
            self.assertIn("尚未设置", self.browser.find_element(By.ID, "deadline-now").text)

    def test_given_viewer_or_reviewer_when_posting_an_admin_action_then_the_server_answers_403(self):
        for username in ["viewer", "reviewer"]:
            self.browser.delete_all_cookies()
            self.sign_in(username)
            status = self.post_from_page("/console/device/revoke", {"csrf": self.page_csrf(), "device": self.silent_device})
            self.assertEqual(status, 403, username)
            self.assertEqual(self.device_state(self.silent_device), "active")
        # As a person would meet it: the refusal page.
        self.browser.execute_script(
            "const f = document.createElement('form'); f.method = 'post'; f.action = '/console/device/revoke';"
            "for (const [k, v] of Object.entries(arguments[0])) { const i = document.createElement('input');"
            " i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); } document.body.appendChild(f); f.submit();",
            {"csrf": self.page_csrf(), "device": self.silent_device})
        self.wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "权限不足"))
        self.shot("forbidden")
        self.assertEqual(self.device_state(self.silent_device), "active")

    def test_given_admin_when_posting_without_or_with_a_wrong_csrf_token_then_refused(self):
        self.sign_in("admin")
        self.assertEqual(self.post_from_page("/console/device/revoke", {"device": self.silent_device}), 403)
        self.assertEqual(self.post_from_page("/console/device/revoke", {"csrf": "0" * 64, "device": self.silent_device}), 403)
        self.assertEqual(self.device_state(self.silent_device), "active")
        school = {"code": "3201029902", "name": "伪造小学", "county": "320102", "type": "primary"}
        self.assertEqual(self.post_from_page("/console/admin/schools/add", school), 403)
        self.assertEqual(self.post_from_page("/console/admin/schools/add", {**school, "csrf": "0" * 64}), 403)
        self.assertEqual(self.post_from_page("/console/admin/staff/add", {"username": "forged", "role": "admin",
                                                                           "password": "forged-password-1"}), 403)
        self.assertNotIn("3201029902", self.county.cli("school", "list"))
        self.assertNotIn("forged", self.county.cli("staff", "list"))

    def test_given_admin_when_revoking_a_device_in_the_browser_then_it_is_revoked_and_audited(self):
        device, _ = self.county.enroll(self.base, OK)
        self.sign_in("admin")
        self.open(f"/console/school?code={OK}")
        row = self.wait.until(EC.presence_of_element_located((By.XPATH, f"//table[@id='devices']//tr[td[text()='{device}']]")))
        row.find_element(By.TAG_NAME, "button").click()
        self.wait.until(EC.text_to_be_present_in_element(
            (By.XPATH, f"//table[@id='devices']//tr[td[text()='{device}']]"), "已停用"))
        self.assertEqual(self.device_state(device), "revoked")
        self.open("/console/audit")
        audit = self.wait.until(EC.presence_of_element_located((By.ID, "audit"))).text
        self.assertRegex(audit, r"admin device\.revoke " + re.escape(device))
        self.shot("audit")

    def test_given_five_wrong_passwords_over_two_instances_when_signing_in_then_refused_for_a_while(self):
        second = self.county.start_server()  # same database: throttling is shared
        def attempt(base, password):
            status, headers, body = http(base + "/console/login")
            login = re.search(r"tz_login=([0-9a-f]{64})", headers.get("Set-Cookie", "")).group(1)
            return http(base + "/console/login", "POST",
                        f"csrf={login}&username=throttled&password={password}".encode(),
                        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "tz_login=" + login})
        for i in range(5):
            status, _, body = attempt(self.base if i % 2 else second, "wrong-password")
            self.assertEqual(status, 401)
            self.assertIn("用户名或密码不正确", body)
        status, headers, body = attempt(self.base, PASSWORDS["viewer"])
        self.assertEqual(status, 429)
        self.assertIn("登录失败次数过多", body)
        self.assertNotIn("tz_session", headers.get("Set-Cookie", ""))

    def test_given_a_signed_in_viewer_when_switching_to_english_then_pages_and_rules_are_in_english(self):
        self.sign_in("viewer")
        self.open(self.overview_range())
        self.wait.until(EC.element_to_be_clickable((By.LINK_TEXT, "English"))).click()
        self.wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Overview"))
        self.assertIn(f"from={self.range_from.isoformat()}", self.browser.current_url)
        self.assertIn("Silent", self.browser.find_element(By.CSS_SELECTOR, f"tr[data-school='{SILENT}']").text)
        self.assertIn("written homework over the cap", self.browser.find_element(By.ID, "rules").text)
        self.shot("overview-en")
        self.browser.find_element(By.LINK_TEXT, "中文").click()
        self.wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "总览"))

    def test_given_a_viewer_when_exporting_the_overview_then_csv_has_a_bom_and_every_school(self):
        self.sign_in("viewer")
        self.open(self.overview_range())
        text = self.browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(document.getElementById('export-csv').href).then(r => r.arrayBuffer())"
            ".then(b => done(Array.from(new Uint8Array(b))));")
        data = bytes(text)
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        csv = data.decode("utf-8-sig")
        for name in ["示范小学", "城东小学", "城西小学"]:
            self.assertIn(name, csv)
        self.assertRegex(csv, r"3201020002,城东小学,沉默")
        data = bytes(self.browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(document.getElementById('export-findings').href).then(r => r.arrayBuffer())"
            ".then(b => done(Array.from(new Uint8Array(b))));"))
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        findings = data.decode("utf-8-sig").splitlines()
        self.assertEqual(len(findings), 2, findings)  # header + the one day over the cap
        self.assertIn(f"3201020001,示范小学,{self.over_cap_day.isoformat()},三至六年级书面作业超时,homework.g3_6_cap", findings[1])

    def fetch_bytes(self, link_id):
        return bytes(self.browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(document.getElementById(arguments[0]).href).then(r => r.arrayBuffer())"
            ".then(b => done(Array.from(new Uint8Array(b))));", link_id))

    def test_given_a_viewer_when_exporting_xlsx_then_excel_reads_back_the_same_tables(self):
        import io
        import openpyxl
        self.sign_in("viewer")
        self.open(self.overview_range())
        book = openpyxl.load_workbook(io.BytesIO(self.fetch_bytes("export-xlsx")))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("学校标识码", "学校", "状态"))
        by_code = {r[0]: r for r in rows[1:]}
        self.assertEqual(by_code[SILENT][1:3], ("城东小学", "沉默"))
        late = by_code[LATE]
        # numbers, not text: one day missing, no deadline set (nothing late), one hard finding
        self.assertEqual(rows[0][5:8], ("缺报天数", "迟报班级日", "硬性发现"))
        self.assertEqual((late[5], late[6], late[7], late[8]), (1, 0, 1, 0))
        csv = self.fetch_bytes("export-csv").decode("utf-8-sig").splitlines()
        self.assertEqual(len(csv), len(rows))  # the same table in both forms
        findings = openpyxl.load_workbook(io.BytesIO(self.fetch_bytes("export-findings-xlsx"))).active
        found = list(findings.iter_rows(values_only=True))
        self.assertEqual(len(found), 2, found)
        self.assertEqual(found[1][:5], (LATE, "示范小学", self.over_cap_day.isoformat(), "三至六年级书面作业超时", "homework.g3_6_cap"))
        # The audit log exports too, for administrators only.
        self.browser.delete_all_cookies()
        self.sign_in("admin")
        self.open("/console/audit")
        audit = openpyxl.load_workbook(io.BytesIO(self.fetch_bytes("audit-xlsx"))).active
        actions = [r[3] for r in audit.iter_rows(values_only=True)]
        self.assertIn("export.overview_xlsx", actions)
        self.assertRegex(str(next(audit.iter_rows(min_row=2, values_only=True))[0]), r"^\d{4}-\d\d-\d\d \d\d:\d\d$")

    def test_given_reviewer_when_approving_a_week_then_later_changes_dated_in_it_are_refused_until_reopened(self):
        week = self.today - datetime.timedelta(days=7 + self.today.weekday())  # last week's Monday
        earlier = week - datetime.timedelta(days=7)
        school_page = f"/console/school?code={OK}&from={earlier.isoformat()}&to={(week + datetime.timedelta(days=6)).isoformat()}"
        self.sign_in("viewer")
        self.open(school_page)
        self.wait.until(EC.presence_of_element_located((By.ID, "reviews")))
        self.assertEqual(self.browser.find_elements(By.CSS_SELECTOR, "#reviews button"), [])
        status = self.post_from_page("/console/review", {"csrf": self.page_csrf(), "school": OK, "week": week.isoformat(),
                                                         "action": "approve"})
        self.assertEqual(status, 403)

        self.browser.delete_all_cookies()
        self.sign_in("reviewer")
        self.open(school_page)
        row = lambda w: self.browser.find_element(By.CSS_SELECTOR, f"#reviews tr[data-week='{w.isoformat()}']")  # noqa: E731
        row(week).find_element(By.CSS_SELECTOR, "button.approve").click()
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f"#reviews tr[data-week='{week.isoformat()}']"), "已通过"))
        # When, in Beijing time as everywhere on the console (not the UTC date the county stores).
        self.assertRegex(row(week).text, "李审核 (" + "|".join(d.isoformat() for d in {beijing_today(), self.today}) + r") \d\d:\d\d")
        # Returning without a reason is refused with a message; with one it is recorded.
        row(earlier).find_element(By.CSS_SELECTOR, "button.return").click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "review-error"), "退回时请写明原因"))
        self.open(school_page)
        reason = "三年级1班周三作业未填写，请补报"
        row(earlier).find_element(By.CSS_SELECTOR, "input.reason").send_keys(reason)
        row(earlier).find_element(By.CSS_SELECTOR, "button.return").click()
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f"#reviews tr[data-week='{earlier.isoformat()}']"), reason))
        self.assertEqual(row(week).find_elements(By.CSS_SELECTOR, "button.reopen"), [])  # reviewer cannot reopen
        self.shot("review")

        # The school's client sends a change dated in the approved week, and one dated today.
        def homework_stored():
            report = json.loads(self.county.cli("report", "--from", week.isoformat(), "--to", self.today.isoformat(),
                                                "--school", OK, "--format", "json"))
            return report["schools"][0]["records"]["homework"]
        before = homework_stored()
        locked = self.homework(self.ok_class, week + datetime.timedelta(days=2), 25)
        fresh = self.homework(self.ok_class, self.today, 25)
        fresh[2]["subject"] = "chinese"  # today's maths is held already: one record per class, day and subject
        ack = self.county.push(self.base, OK, self.ok_device, self.ok_token, [locked, fresh])
        self.assertEqual((ack["counts"]["created"], ack["counts"]["rejected"]), (1, 1), ack)
        self.assertEqual([(e["id"], e["code"]) for e in ack["exceptions"]], [(locked[0], "period_locked")])
        self.assertEqual(homework_stored(), before + 1)  # only today's record landed

        self.browser.delete_all_cookies()
        self.sign_in("admin")
        self.open(school_page)
        self.wait.until(EC.presence_of_element_located((By.ID, "reviews")))
        row(week).find_element(By.CSS_SELECTOR, "button.reopen").click()
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f"#reviews tr[data-week='{week.isoformat()}']"), "已重新开放"))
        again = self.homework(self.ok_class, week + datetime.timedelta(days=2), 25)
        again[2]["subject"] = "chinese"  # a day the school recorded maths for already
        ack = self.county.push(self.base, OK, self.ok_device, self.ok_token, [again])
        self.assertEqual(ack["counts"]["created"], 1, ack)
        self.assertEqual(homework_stored(), before + 2)
        self.open("/console/audit")
        audit = self.wait.until(EC.presence_of_element_located((By.ID, "audit"))).text
        for action in ["review.approve", "review.return", "review.reopen"]:
            self.assertIn(action, audit)

    def test_given_a_signed_in_staff_when_signing_out_then_the_session_no_longer_opens_pages(self):
        self.sign_in("reviewer")
        cookie = self.browser.get_cookie("tz_session")
        self.assertTrue(cookie["httpOnly"])
        self.assertEqual(cookie["sameSite"], "Strict")
        self.browser.find_element(By.ID, "logout").click()
        self.wait.until(EC.url_contains("/console/login"))
        status, headers, _ = http(self.base + "/console/overview", headers={"Cookie": "tz_session=" + cookie["value"]})
        self.assertEqual((status, headers.get("Location")), (303, "/console/login"))

    # ---- administration (admin role only) ------------------------------------------------
    def school_list(self):
        return {line.split("\t")[0]: line.split("\t") for line in self.county.cli("school", "list").splitlines()}

    def test_given_findings_when_the_list_is_filtered_by_rule_grade_and_dates_then_only_matching_ones_show(self):
        self.sign_in("viewer")
        base = f"/console/findings?from={self.range_from.isoformat()}&to={self.today.isoformat()}"
        self.open(base + "&rule=homework.g3_6_cap")
        table = self.wait.until(EC.presence_of_element_located((By.ID, "finding-list"))).text
        self.assertIn(self.over_cap_day.isoformat(), table)
        self.assertIn("四年级1班", table)
        self.assertIn("1 条发现", self.browser.find_element(By.ID, "finding-count").text)
        self.shot("findings")
        self.open(base + "&rule=homework.g3_6_cap&grade=5")  # class 2 (grade 5) never went over the cap
        self.assertIn("0 条发现", self.wait.until(EC.presence_of_element_located((By.ID, "finding-count"))).text)
        day_after = self.over_cap_day + datetime.timedelta(days=1)
        self.open(f"/console/findings?from={day_after.isoformat()}&to={self.today.isoformat()}&grade=4")
        self.assertIn("0 条发现", self.wait.until(EC.presence_of_element_located((By.ID, "finding-count"))).text)

    def test_given_a_school_and_day_when_its_publication_is_opened_then_each_class_shows_its_homework_against_the_cap(self):
        self.sign_in("viewer")
        self.open(f"/console/publication?code={LATE}&day={self.over_cap_day.isoformat()}")
        table = self.wait.until(EC.presence_of_element_located((By.ID, "publication-table")))
        row = table.find_element(By.CSS_SELECTOR, f"tr[data-class='{self.class1}']").text
        self.assertIn("口算练习", row)
        self.assertIn("75 / 60", row)
        self.assertEqual(len(table.find_elements(By.CSS_SELECTOR, "td.broke")), 1)
        self.assertIn("60", self.browser.find_element(By.ID, "rule-quote").text)
        self.shot("publication")
        self.open(f"/console/publication?code={LATE}&day={self.missing_day.isoformat()}")
        table = self.wait.until(EC.presence_of_element_located((By.ID, "publication-table"))).text
        self.assertEqual(table.count("未报作业"), 2)

    def test_given_a_class_day_recorded_as_no_homework_when_grid_and_publication_are_opened_then_both_say_none_not_missing(self):
        school = "3201020041"
        self.county.cli("school", "add", "--code", school, "--name", "无作业小学", "--county", "320102")
        device, token = self.county.enroll(self.base, school)
        quiet, busy = str(uuid.uuid4()), str(uuid.uuid4())
        day = max(weekdays(self.range_from, self.today))
        ack = self.county.push(self.base, school, device, token, [
            (quiet, "class", {"grade": 4, "name": "四年级3班", "students": 40, "subjects": ["chinese", "math"]}),
            (busy, "class", {"grade": 4, "name": "四年级4班", "students": 40, "subjects": ["chinese", "math"]}),
            (str(uuid.uuid4()), "homework", {"class_id": quiet, "date": day.isoformat(), "subject": "", "minutes": 0,
                                             "written": True, "at_home": True, "content": "期中考试", "teacher_id": "",
                                             "none": True}),
            self.homework(busy, day, 30)])
        self.assertEqual(ack["counts"]["created"], 4, ack)
        # A second computer of the school marks the busy class 无作业 for the same day (its own
        # ledger did not have the homework yet): the county stored the homework first, so the
        # mark is kept as a conflict, and the homework stands in the grid and the 公示.
        device2, token2 = self.county.enroll(self.base, school)
        ack = self.county.push(self.base, school, device2, token2, [
            (str(uuid.uuid4()), "homework", {"class_id": busy, "date": day.isoformat(), "subject": "", "minutes": 0,
                                             "written": True, "at_home": True, "content": "", "teacher_id": "",
                                             "none": True})])
        self.assertEqual((ack["counts"]["created"], ack["counts"]["conflict"]), (0, 1), ack)
        self.assertEqual(ack["exceptions"][0]["code"], "natural_key_conflict", ack)
        self.sign_in("viewer")
        self.open(f"/console/school?code={school}&from={day.isoformat()}&to={day.isoformat()}")
        grid = self.wait.until(EC.presence_of_element_located((By.ID, "grid")))
        cell = grid.find_element(By.CSS_SELECTOR, f"tr[data-class='{quiet}'] td[data-day='{day.isoformat()}']")
        self.assertEqual((cell.get_attribute("class"), cell.text), ("done", "无作业"))
        cell = grid.find_element(By.CSS_SELECTOR, f"tr[data-class='{busy}'] td[data-day='{day.isoformat()}']")
        self.assertEqual(cell.text, "作")
        # The school page lists the mark that was not stored: class, day, what and why.
        rows = self.browser.find_elements(By.CSS_SELECTOR, "#conflicts tr[data-record]")
        self.assertEqual(len(rows), 1)
        cells = [td.text for td in rows[0].find_elements(By.TAG_NAME, "td")]
        self.assertEqual(cells[1:6], ["四年级4班", day.isoformat(), "无作业", "该班当天已有作业，后到的“无作业”未被采用",
                                      "待学校处理"])
        self.open(f"/console/publication?code={school}&day={day.isoformat()}")
        table = self.wait.until(EC.presence_of_element_located((By.ID, "publication-table")))
        self.assertEqual(table.find_element(By.CSS_SELECTOR, f"tr[data-class='{quiet}']").text, "四年级3班 无作业（期中考试）")
        self.assertIn("口算练习", table.find_element(By.CSS_SELECTOR, f"tr[data-class='{busy}']").text)
        self.assertEqual(table.text.count("无作业"), 1)
        self.assertNotIn("未报作业", table.text)

    def test_given_teachers_with_courses_when_training_is_opened_then_360_and_probation_hours_come_from_core(self):
        school = "3201020031"
        self.county.cli("school", "add", "--code", school, "--name", "培训小学", "--county", "320102")
        device, token = self.county.enroll(self.base, school)
        veteran, newcomer = str(uuid.uuid4()), str(uuid.uuid4())
        hired = (self.today - datetime.timedelta(days=60)).isoformat()

        def course(teacher, hours, end):  # at most 8 学时 a day
            start = end - datetime.timedelta(days=hours // 8)
            return (str(uuid.uuid4()), "training", {"teacher_id": teacher, "start": start.isoformat(), "end": end.isoformat(),
                                                    "title": "新课标培训", "level": "county", "mode": "in_person", "hours": hours})
        recent = self.today - datetime.timedelta(days=10)
        ack = self.county.push(self.base, school, device, token, [
            (veteran, "teacher", {"name": "陈老师", "staff_number": "T001", "subjects": ["math"], "hire_date": "2010-09-01",
                                  "full_time": True}),
            (newcomer, "teacher", {"name": "林老师", "staff_number": "T002", "subjects": ["chinese"], "hire_date": hired,
                                   "full_time": True}),
            course(veteran, 200, recent), course(veteran, 170, datetime.date(2019, 6, 30)),  # the old course is outside the 5 years
            course(newcomer, 120, recent)])
        self.assertEqual(ack["counts"]["rejected"], 0, ack)
        self.sign_in("viewer")
        self.open("/console/training")
        row = self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-school='{school}']"))).text
        # 2 teachers; on track (core's TrainingProgress::onTrack, pro rata): the newcomer only; none at 360 h;
        # 1 on probation who has 120 h.
        self.assertRegex(row, r"培训小学 2 1 0 1 1")
        # The same answer as the county report gives, which tests/app/test_same_answers.cpp holds equal to
        # the school client's Training page.
        report = json.loads(self.county.cli("report", "--from", self.today.isoformat(), "--to", self.today.isoformat(),
                                            "--school", school, "--format", "json"))
        self.assertEqual(report["schools"][0]["teachers_on_track_360h"], 1)
        self.open(f"/console/training?code={school}")
        table = self.wait.until(EC.presence_of_element_located((By.ID, "training-teachers")))
        veteran_row = table.find_element(By.CSS_SELECTOR, f"tr[data-teacher='{veteran}']").text
        self.assertIn("200.0", veteran_row)
        self.assertIn("落后", veteran_row)  # a full cycle served: 360 expected
        newcomer_row = table.find_element(By.CSS_SELECTOR, f"tr[data-teacher='{newcomer}']").text
        self.assertIn("120.0 / 120.0", newcomer_row)
        self.assertIn("达标", newcomer_row)
        self.shot("training")

    def test_given_viewer_or_reviewer_when_opening_or_posting_administration_then_the_server_answers_403(self):
        for username in ["viewer", "reviewer"]:
            self.browser.delete_all_cookies()
            self.sign_in(username)
            for path in ["/console/admin/schools", "/console/admin/codes", "/console/admin/devices", "/console/admin/config",
                         "/console/admin/staff"]:
                status, _, body = http(self.base + path, headers={"Cookie": "tz_session=" + self.browser.get_cookie("tz_session")["value"]})
                self.assertEqual(status, 403, (username, path))
                self.assertNotIn("3201020001", body)
            csrf = self.page_csrf()
            self.assertEqual(self.post_from_page("/console/admin/schools/add", {"csrf": csrf, "code": "3201029901", "name": "越权小学",
                                                                                 "county": "320102", "type": "primary"}), 403)
            self.assertEqual(self.post_from_page("/console/admin/staff/add", {"csrf": csrf, "username": "intruder", "role": "admin",
                                                                               "password": "x" * 12}), 403)
            self.assertEqual(self.post_from_page("/console/admin/codes/issue", {"csrf": csrf, "school": LATE, "ttl_hours": "24"}), 403)
        self.assertNotIn("3201029901", self.school_list())
        self.assertNotIn("intruder", self.county.cli("staff", "list"))

    def test_given_an_admin_when_adding_schools_singly_and_by_csv_then_they_are_stored_and_a_bad_file_adds_none(self):
        self.sign_in("admin")
        self.open("/console/admin/schools")
        self.wait.until(EC.presence_of_element_located((By.ID, "code"))).send_keys("3201020011")
        self.browser.find_element(By.ID, "name").send_keys("城南小学")
        self.browser.find_element(By.ID, "county").send_keys("320102")
        self.browser.find_element(By.ID, "add-school").click()
        self.wait.until(EC.presence_of_element_located((By.ID, "notice")))
        self.assertEqual(self.school_list()["3201020011"][4], "城南小学")

        # A bad row (9-digit code) on line 3: nothing of the file is added, the line is named.
        bad = os.path.join(self.county.dir, "bad.csv")
        with open(bad, "wb") as f:
            f.write("学校标识码,名称,区县\n3201020012,北湖小学,320102\n320102001,坏行小学,320102\n".encode("gbk"))
        self.browser.find_element(By.ID, "csv-file").send_keys(bad)
        self.browser.find_element(By.ID, "upload-csv").click()
        problems = self.wait.until(EC.presence_of_element_located((By.ID, "problems"))).text
        self.assertIn("第 3 行", problems)
        self.assertIn("10 位数字", problems)
        self.assertNotIn("3201020012", self.school_list())
        self.shot("admin-schools-error")

        good = os.path.join(self.county.dir, "good.csv")
        with open(good, "wb") as f:  # GBK, as Excel on a Chinese PC saves it
            f.write("3201020012,北湖小学,320102\n3201020013,北湖中学,320102,junior\n".encode("gbk"))
        self.browser.find_element(By.ID, "csv-file").send_keys(good)
        self.browser.find_element(By.ID, "upload-csv").click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "notice"), "已添加 2 所学校"))
        schools = self.school_list()
        self.assertEqual((schools["3201020012"][4], schools["3201020013"][2]), ("北湖小学", "junior"))
        self.shot("admin-schools")

    def test_given_an_admin_when_issuing_an_enrollment_code_then_a_printable_sheet_with_a_qr_code_enrols_the_school(self):
        self.county.cli("school", "add", "--code", "3201020021", "--name", "新区小学", "--county", "320102")
        self.sign_in("admin")
        self.open("/console/admin/codes?school=3201020021")
        self.wait.until(EC.presence_of_element_located((By.ID, "issue-code"))).click()
        code = self.wait.until(EC.presence_of_element_located((By.ID, "sheet-code"))).text
        self.assertRegex(code, r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
        qr = self.browser.find_element(By.CSS_SELECTOR, "#qr svg path").get_attribute("d")
        self.assertGreater(qr.count("h1v1h-1z"), 100)  # a real QR matrix, not an empty box
        self.assertEqual(self.browser.find_element(By.ID, "sheet-school").text, "3201020021")
        self.shot("admin-enroll-sheet")
        status, _, body = http(self.base + "/v1/enroll", "POST",
                               json.dumps({"school_code": "3201020021", "enrollment_code": code, "device_name": "教务处电脑"}).encode(),
                               {"Content-Type": "application/json"})
        self.assertEqual(status, 200, body)
        self.open("/console/admin/devices")
        devices = self.wait.until(EC.presence_of_element_located((By.ID, "device-list"))).text
        self.assertIn(json.loads(body)["device_id"], devices)
        self.shot("admin-devices")
        self.open("/console/audit")
        self.assertIn("enroll_code.issue 3201020021", self.wait.until(EC.presence_of_element_located((By.ID, "audit"))).text)

    def test_given_an_admin_when_saving_county_policy_then_a_looser_value_is_refused_naming_the_field_and_a_stricter_one_is_applied(self):
        self.sign_in("admin")
        self.open("/console/admin/config")
        box = self.wait.until(EC.presence_of_element_located((By.ID, "overrides-json")))
        box.clear()
        box.send_keys('{"homework": {"g3_6_max_minutes": 70}}')
        self.browser.find_element(By.ID, "save-overrides").click()
        problems = self.wait.until(EC.presence_of_element_located((By.ID, "problems"))).text
        self.assertIn("homework.g3_6_max_minutes", problems)
        self.assertNotIn("g3_6", http(self.base + "/v1/config", headers={"Authorization": "Bearer " + self.device_token})[2])
        self.shot("admin-config")
        try:
            box = self.browser.find_element(By.ID, "overrides-json")
            box.clear()
            box.send_keys('{"homework": {"g3_6_max_minutes": 35}}')
            self.browser.find_element(By.ID, "save-overrides").click()
            self.wait.until(EC.presence_of_element_located((By.ID, "notice")))
            served = json.loads(http(self.base + "/v1/config", headers={"Authorization": "Bearer " + self.device_token})[2])
            self.assertEqual(served["overrides"]["homework"]["g3_6_max_minutes"], 35)
            # Class 2 (grade 5, 40 minutes every day) is now over the county's cap on each day it reported.
            self.open(self.overview_range())
            row = self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-school='{LATE}']"))).text
            self.assertRegex(row, r"(\d+) / \d+")
            hard = int(re.search(r"(\d+) / \d+", row).group(1))
            self.assertGreater(hard, 5, row)
        finally:
            self.open("/console/admin/config")
            box = self.wait.until(EC.presence_of_element_located((By.ID, "overrides-json")))
            box.clear()
            box.send_keys("{}")
            self.browser.find_element(By.ID, "save-overrides").click()
            self.wait.until(EC.presence_of_element_located((By.ID, "notice")))

    def test_given_an_admin_when_adding_staff_then_a_short_password_is_refused_and_the_new_reviewer_signs_in(self):
        self.sign_in("admin")
        self.open("/console/admin/staff")
        self.wait.until(EC.presence_of_element_located((By.ID, "username"))).send_keys("zhou")
        self.browser.find_element(By.ID, "display_name").send_keys("周审核")
        self.browser.find_element(By.CSS_SELECTOR, "#role option[value='reviewer']").click()
        self.browser.find_element(By.ID, "new-password").send_keys("short")
        self.browser.find_element(By.ID, "add-staff").click()
        self.assertIn("至少 10 个字符", self.wait.until(EC.presence_of_element_located((By.ID, "problems"))).text)
        self.assertNotIn("zhou", self.county.cli("staff", "list"))
        self.browser.find_element(By.CSS_SELECTOR, "#role option[value='reviewer']").click()
        self.browser.find_element(By.ID, "new-password").send_keys("zhou-password-2026")
        self.browser.find_element(By.ID, "add-staff").click()
        self.wait.until(EC.presence_of_element_located((By.ID, "notice")))
        self.shot("admin-staff")
        self.assertRegex(self.county.cli("staff", "list"), r"zhou\treviewer\tactive\t周审核")
        self.browser.delete_all_cookies()
        self.sign_in("zhou", "zhou-password-2026")
        self.assertIn("审核员", self.browser.find_element(By.TAG_NAME, "header").text)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--county", required=True)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--screenshots")
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], "-v", *rest])
