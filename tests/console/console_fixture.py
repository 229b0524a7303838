"""A real taizhang-county on loopback with a fresh database (SQLite file or a new database in the
test PostgreSQL cluster), seeded through the real CLI and the real sync API, and a real headless
Chromium driven by chromedriver. Shared by the console browser tests."""
import datetime
import gzip
import json
import os
import shutil
import subprocess
import tempfile
import threading
import urllib.error
import urllib.request
import uuid

BEIJING = datetime.timezone(datetime.timedelta(hours=8))
PASSWORDS = {"admin": "admin-pass-2026", "reviewer": "review-pass-2026", "viewer": "viewer-pass-2026"}


def beijing_today():
    return datetime.datetime.now(BEIJING).date()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def http(url, method="GET", body=None, headers=None):
    """One request without following redirects: (status, headers, body text)."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


class CountyDatabase:
    def __init__(self, backend, workdir):
        self.backend = backend
        if backend == "sqlite":
            self.args = ["--data", os.path.join(workdir, "county.db")]
            self.drop = None
            return
        pg_dir = os.environ.get("TAIZHANG_TEST_PG_DIR")
        if not pg_dir or not os.path.exists(os.path.join(pg_dir, "url")):
            raise RuntimeError("PostgreSQL test cluster not running (TAIZHANG_TEST_PG_DIR/url missing)")
        admin_url = open(os.path.join(pg_dir, "url")).read().strip()
        name = "console_" + uuid.uuid4().hex[:10]
        subprocess.run(["psql", admin_url, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
        self.args = ["--db", admin_url.replace("/postgres?", f"/{name}?", 1)]
        self.drop = lambda: subprocess.run(["psql", admin_url, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"],
                                           check=False)


class County:
    """taizhang-county processes on one database, plus helpers to seed it as a school would."""

    def __init__(self, binary, backend):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="tz-console-")
        self.db = CountyDatabase(backend, self.dir)
        self.servers = []

    def cli(self, *args, stdin=None):
        r = subprocess.run([self.binary, *args, *self.db.args], input=stdin, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"taizhang-county {' '.join(args)} failed: {r.stderr}")
        return r.stdout

    def start_server(self):
        """Starts a server on an ephemeral port; returns its base URL once it says it listens."""
        log = open(os.path.join(self.dir, f"server{len(self.servers)}.log"), "w")
        p = subprocess.Popen([self.binary, "serve", "--listen", "127.0.0.1:0", *self.db.args],
                             stdout=subprocess.PIPE, stderr=log, text=True)
        line = p.stdout.readline()  # blocks until the server prints "listening on HOST:PORT"
        if not line.startswith("listening on "):
            p.kill()
            raise RuntimeError("server did not start: " + line)
        threading.Thread(target=p.stdout.read, daemon=True).start()
        self.servers.append(p)
        return "http://127.0.0.1:" + line.strip().rsplit(":", 1)[1]

    def add_staff(self, username, role, name):
        self.cli("staff", "add", "--username", username, "--role", role, "--name", name, stdin=PASSWORDS.get(role) + "\n")

    def enroll(self, base, school):
        code = self.cli("enroll-code", "issue", "--school", school).strip()
        status, _, body = http(base + "/v1/enroll", "POST",
                               json.dumps({"school_code": school, "enrollment_code": code, "device_name": "教务处电脑"}).encode(),
                               {"Content-Type": "application/json"})
        assert status == 200, body
        j = json.loads(body)
        return j["device_id"], j["device_token"]

    def push(self, base, school, device, token, records):
        """Sends records (kind, body) as one batch; returns the ack."""
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        batch_id = str(uuid.uuid4())
        lines = [json.dumps({"protocol": 1, "batch_id": batch_id, "device_id": device, "school_code": school,
                             "first_seq": 1, "last_seq": len(records), "count": len(records)})]
        for seq, (rid, kind, body) in enumerate(records, start=1):
            lines.append(json.dumps({"seq": seq, "id": rid, "kind": kind, "version": 1, "created_at": now, "updated_at": now,
                                     "author": "admin", "device": device, "deleted": False, "body": body},
                                    ensure_ascii=False))
        data = gzip.compress(("\n".join(lines) + "\n").encode())
        status, _, body = http(base + "/v1/batches", "POST", data,
                               {"Authorization": "Bearer " + token, "Idempotency-Key": batch_id,
                                "Content-Type": "application/x-ndjson", "Content-Encoding": "gzip"})
        assert status == 200, body
        return json.loads(body)

    def close(self):
        for p in self.servers:
            p.terminate()
            p.wait(timeout=30)
        if self.db.drop:
            self.db.drop()
        shutil.rmtree(self.dir, ignore_errors=True)


def chromium(profile_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,768",
              "--lang=zh-CN", f"--user-data-dir={profile_dir}"]:
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    # The page itself at 1366x768, the screen of the county's old office PCs (the window size
    # would include the browser's own frame).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False})
    return driver
