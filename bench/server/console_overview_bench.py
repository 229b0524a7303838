#!/usr/bin/env python3
"""Server time of the county console's overview at many schools, on SQLite or PostgreSQL.

usage: console_overview_bench.py --county build/bin/taizhang-county --backend sqlite|postgres
           [--schools 300] [--classes 6] [--days 120] [--runs 5]
PostgreSQL: TAIZHANG_TEST_PG_DIR names a cluster started by tests/server/pg_cluster.sh.

Seeds SCHOOLS schools through the real CLI and the real sync API (one device each, one class
record per class and one homework per class and school day over the last DAYS days), signs in
as a viewer and asks for the overview of this week and of the whole seeded range. Server time is
the "ms" of the server's own access log line. The overview reads the day summaries ingest keeps
(server/day_summary.cpp). Baselines in the same run: core's checks over every record of the range
as the overview computed them per request before the summaries (`taizhang-county report`, same
code path, wall time), and a bare read of the same rows (SELECT of every stored body dated in
the range; packed since county migration 9, read without unpacking), which any overview computed
per request from the records must at least do."""
import argparse
import datetime
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "console"))
from console_fixture import PASSWORDS, County, beijing_today, http  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--county", required=True)
    ap.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    ap.add_argument("--schools", type=int, default=300)
    ap.add_argument("--classes", type=int, default=6)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    county = County(a.county, a.backend)
    try:
        codes = [f"32010{i:05d}" for i in range(a.schools)]
        csv_path = os.path.join(county.dir, "schools.csv")
        with open(csv_path, "w") as f:
            for i, code in enumerate(codes):
                f.write(f"{code},第{i + 1}小学,320102\n")
        county.cli("school", "add", "--csv", csv_path)
        county.add_staff("viewer", "viewer", "张查看")
        base = county.start_server()
        today = beijing_today()
        first = today - datetime.timedelta(days=a.days - 1)
        school_days = [first + datetime.timedelta(days=i) for i in range(a.days)
                       if (first + datetime.timedelta(days=i)).isoweekday() <= 5]
        t0 = time.time()
        total = 0
        for code in codes:
            device, token = county.enroll(base, code)
            classes = [str(uuid.uuid4()) for _ in range(a.classes)]
            records = [(c, "class", {"grade": 3 + n % 4, "name": f"{3 + n % 4}年级{n + 1}班", "students": 45,
                                     "subjects": ["chinese", "math"]}) for n, c in enumerate(classes)]
            for d in school_days:
                for c in classes:
                    records.append((str(uuid.uuid4()), "homework",
                                    {"class_id": c, "date": d.isoformat(), "subject": "math", "minutes": 30, "written": True,
                                     "at_home": True, "content": "口算练习", "teacher_id": ""}))
            for i in range(0, len(records), 1000):
                ack = county.push(base, code, device, token, records[i:i + 1000])
                assert ack["counts"]["rejected"] == 0, ack
            total += len(records)
        seconds = time.time() - t0
        print(f"seeded {a.schools} schools, {total} records in {seconds:.0f} s ({total / seconds:.0f} records/s"
              " through the sync API, summaries included)", flush=True)

        status, headers, _ = http(base + "/console/login")
        login = re.search(r"tz_login=([0-9a-f]{64})", headers.get("Set-Cookie", "")).group(1)
        status, headers, _ = http(base + "/console/login", "POST",
                                  f"csrf={login}&username=viewer&password={PASSWORDS['viewer']}".encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "tz_login=" + login})
        session = re.search(r"tz_session=([0-9a-f]{64})", headers.get("Set-Cookie", "")).group(1)
        log_path = os.path.join(county.dir, "server0.log")

        def overview_ms(frm, to):
            """Median server time of the overview over [frm, to], from the access log."""
            times = []
            for _ in range(a.runs):
                with open(log_path) as f:
                    f.seek(0, 2)
                    start = f.tell()
                status, _, body = http(f"{base}/console/overview?from={frm.isoformat()}&to={to.isoformat()}",
                                       headers={"Cookie": "tz_session=" + session})
                assert status == 200 and codes[-1] in body, status
                with open(log_path) as f:
                    f.seek(start)
                    lines = [json.loads(x) for x in f if x.startswith("{")]
                times += [x["ms"] for x in lines if x.get("path") == "/console/overview"]
            return statistics.median(times)

        def bare_ms(frm, to):
            sql = (f"SELECT body FROM records WHERE day >= '{frm.isoformat()}' AND day <= '{to.isoformat()}'"
                   " ORDER BY school_code, id")
            times = []
            for _ in range(a.runs):
                if a.backend == "sqlite":
                    db = sqlite3.connect(county.db.args[1])
                    t = time.perf_counter()
                    rows = db.execute(sql).fetchall()
                    times.append((time.perf_counter() - t) * 1000)
                    db.close()
                else:
                    out = subprocess.run(["psql", county.db.args[1], "-At", "-c", "\\timing on", "-c", sql],
                                         capture_output=True, text=True, check=True).stdout
                    times.append(float(re.findall(r"Time: ([0-9.]+) ms", out)[-1]))
                    rows = [x for x in out.splitlines() if not x.startswith(("Timing is", "Time: "))]
            return statistics.median(times), len(rows)

        def checks_ms(frm, to):
            """Core's checks over every record of the range, school by school (the old overview)."""
            t = time.perf_counter()
            subprocess.run([a.county, "report", "--from", frm.isoformat(), "--to", to.isoformat(), "--format", "csv",
                            *county.db.args], capture_output=True, check=True, timeout=1800)
            return (time.perf_counter() - t) * 1000

        print(f"| range | days | overview server ms (median of {a.runs}) | checks per request ms | bare read ms"
              " | rows read | overview / checks | overview / bare |")
        print("|---|---|---|---|---|---|---|---|")
        for name, frm in [("this week", today - datetime.timedelta(days=today.weekday())), ("seeded range", first)]:
            o = overview_ms(frm, today)
            c = checks_ms(frm, today)
            b, n = bare_ms(frm, today)
            print(f"| {name} | {(today - frm).days + 1} | {o:.0f} | {c:.0f} | {b:.0f} | {n} | {o / max(c, 1):.3f}"
                  f" | {o / max(b, 1):.2f} |", flush=True)
    finally:
        county.close()


if __name__ == "__main__":
    main()
