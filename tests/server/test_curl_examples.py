#!/usr/bin/env python3
"""Runs the curl examples of docs/sync-protocol.md, as the document writes them, against a fresh
county server, and checks each answer.

Nothing here is a copy of the document: the commands are read from the ```sh blocks of its
"## curl examples" section, the batch from the ``` block of "### Worked example", and the shape of
the capabilities and ack answers from their ```json blocks. The only changes made to a command are
the ones a reader makes too: the path of the built server, a free port instead of 8787, and the
values the earlier commands printed (enrollment code, token, device id, ETag) in place of their
placeholders. A placeholder this runner cannot fill, or an example it did not run, fails the test,
so the document cannot drift away from the server unnoticed.

Usage: test_curl_examples.py path/to/taizhang-county path/to/docs/sync-protocol.md
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

EXAMPLE_PORT = "127.0.0.1:8787"
EXAMPLE_CODE = "K7Q2-9XMD-4HTP"
EXAMPLE_DEVICE = "0193b0f2-1111-7000-8000-000000000001"


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def section(text, heading):
    """The text under `heading` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = text.find("\n" + heading + "\n")
    if start < 0:
        fail("docs/sync-protocol.md has no section '%s'" % heading)
    lines, inside = [], False
    for line in text[start + len(heading) + 2:].splitlines(keepends=True):
        if line.startswith("```"):
            inside = not inside
        elif not inside and re.match(r"#{1,%d} " % level, line):
            break  # a heading; a "# comment" inside a fenced block is not one
        lines.append(line)
    return "".join(lines)


def fenced(text, language):
    return re.findall(r"^```%s\n(.*?)^```$" % re.escape(language), text, re.M | re.S)


def commands(block):
    """Shell commands of a ```sh block: continuation lines joined, comments kept as expectations."""
    out, current = [], ""
    for line in block.splitlines():
        if current:
            current += " " + line.strip()
        elif line.startswith("#"):
            if out:
                out[-1]["notes"].append(line)
            continue
        else:
            current = line.strip()
        if current.endswith("\\"):
            current = current[:-1].rstrip()
            continue
        command, _, note = current.partition("  #")
        out.append({"text": command.strip(), "notes": [note] if note else []})
        current = ""
    return out


class Runner:
    def __init__(self, county, work):
        self.county, self.work = county, work
        self.values = {}       # placeholder -> value, filled as the examples print them
        self.server = None
        self.port = None
        self.env = dict(os.environ)

    def fill(self, text):
        text = text.replace("build/bin/taizhang-county", shlex.quote(self.county))
        if self.port:
            text = text.replace(EXAMPLE_PORT, "127.0.0.1:%d" % self.port)
        for placeholder, value in self.values.items():
            text = text.replace(placeholder, value)
        left = re.findall(r"<[a-z_ ]+>", text)
        if left:
            fail("the example '%s' has a placeholder no earlier example fills: %s" % (text, left))
        return text

    def shell(self, text):
        r = subprocess.run(["bash", "-c", text], cwd=self.work, env=self.env, capture_output=True, timeout=60)
        if r.returncode != 0:
            fail("'%s' exited %d: %s" % (text, r.returncode, r.stderr.decode(errors="replace")))
        return r.stdout.decode()

    def start_server(self, text):
        # The documented command with an ephemeral port; the example's `&` becomes a child process
        # whose first line ("listening on HOST:PORT") is the event the next examples wait for.
        text = text.rstrip("&").strip().replace("--listen " + EXAMPLE_PORT, "--listen 127.0.0.1:0")
        self.server = subprocess.Popen(["bash", "-c", "exec " + self.fill(text)], cwd=self.work,
                                       stdout=subprocess.PIPE, stderr=open(os.path.join(self.work, "log.txt"), "w"))
        line = self.server.stdout.readline().decode()
        match = re.match(r"listening on .*:(\d+)$", line.strip())
        if not match:
            fail("the server did not start: '%s'" % line)
        self.port = int(match.group(1))

    def stop(self):
        if self.server:
            self.server.terminate()
            self.server.wait(timeout=30)


def main():
    county, doc_path = os.path.abspath(sys.argv[1]), sys.argv[2]
    doc = open(doc_path, encoding="utf-8").read()
    examples = [c for block in fenced(section(doc, "## curl examples"), "sh") for c in commands(block)]
    worked = fenced(section(doc, "### Worked example"), "")
    if not worked:
        fail("no ``` block under '### Worked example'")
    batch_lines = [l for l in worked[0].splitlines() if l.startswith("{")]
    capabilities_doc = json.loads(fenced(section(doc, "## GET /v1/capabilities (no authentication)"), "json")[0])
    ack_doc = json.loads(fenced(section(doc, "### Ack (200 whenever the envelope parsed)"), "json")[0])

    with tempfile.TemporaryDirectory() as work:
        r = Runner(county, work)
        try:
            run_all(r, examples, batch_lines, capabilities_doc, ack_doc)
        finally:
            r.stop()
        if r.values.get("<device_token>") and r.values["<device_token>"] in open(os.path.join(work, "log.txt")).read():
            fail("the device token is in the server log")
    print("the %d curl examples of docs/sync-protocol.md: OK" % len(examples))


def run_all(r, examples, batch_lines, capabilities_doc, ack_doc):
    # What the section must show a reader; each is checked when its example runs.
    expected = {"school", "serve", "enroll-code", "capabilities", "enroll", "token", "gzip", "batch", "state", "config",
                "config 304"}
    seen = set()
    for example in examples:
        text = example["text"]
        seen.add(kind_of(text))
        if " serve " in text and text.endswith("&"):
            r.start_server(text)
        elif text.startswith("TOKEN=<device_token>"):
            r.env["TOKEN"], r.env["DEVICE"] = r.values["<device_token>"], r.values["<device_id>"]
        elif "school add" in text:
            r.shell(r.fill(text))
        elif "enroll-code issue" in text:
            out = r.shell(r.fill(text))
            r.values[EXAMPLE_CODE] = out.splitlines()[0].strip()
        elif text.startswith("gzip -c batch.ndjson"):
            # "write batch.ndjson as in the worked example with your device id"
            with open(os.path.join(r.work, "batch.ndjson"), "w", encoding="utf-8") as f:
                for line in batch_lines:
                    f.write(line.replace(EXAMPLE_DEVICE, r.env["DEVICE"]) + "\n")
            r.shell(r.fill(text))
        elif "/v1/capabilities" in text:
            answer = json.loads(r.shell(r.fill(text)))
            if answer.get("protocol") != 1:
                fail("capabilities: %s" % answer)
            if set(answer) != set(capabilities_doc):
                fail("capabilities fields %s, documented %s" % (sorted(answer), sorted(capabilities_doc)))
        elif "/v1/enroll" in text:
            answer = json.loads(r.shell(r.fill(text)))
            if len(answer.get("device_token", "")) != 64:
                fail("enroll: %s" % answer)
            r.values["<device_token>"], r.values["<device_id>"] = answer["device_token"], answer["device_id"]
        elif "/v1/batches" in text:
            check_batch(r, text, example["notes"], ack_doc)
        elif "/v1/state" in text:
            answer = json.loads(r.shell(r.fill(text)))
            if answer.get("last_seq") != 2:
                fail("state after the worked example: %s" % answer)
        elif "/v1/config" in text and "If-None-Match" in text:
            status = r.shell(r.fill(text)).splitlines()[0]
            documented = next((n.split("->")[1].strip() for n in example["notes"] if "->" in n), None)
            if documented is None or status.split()[1] != documented:
                fail("config with If-None-Match answered '%s', the document says %s" % (status, documented))
        elif "/v1/config" in text:
            head = r.shell(r.fill(text)).replace("\r", "")
            etag = re.search(r"^ETag: (.*)$", head, re.M | re.I)
            if not etag:
                fail("config has no ETag: %s" % head)
            r.values['"<etag from above>"'] = etag.group(1).strip()  # the header's value, quotes and all
        else:
            fail("an example this test does not know how to check: '%s'" % text)
    if seen != expected:
        fail("the examples cover %s; expected %s" % (sorted(seen), sorted(expected)))


def kind_of(text):
    for kind, probe in (("serve", " serve "), ("enroll-code", "enroll-code issue"), ("token", "TOKEN=<"),
                        ("gzip", "gzip -c "), ("capabilities", "/v1/capabilities"), ("enroll", "/v1/enroll"),
                        ("batch", "/v1/batches"), ("state", "/v1/state")):
        if probe in text:
            return kind
    if "/v1/config" in text:
        return "config 304" if "If-None-Match" in text else "config"
    if "school add" in text:
        return "school"
    return "unknown"


def check_batch(r, text, notes, ack_doc):
    first = r.shell(r.fill(text))
    ack = json.loads(first)
    if set(ack) != set(ack_doc) or set(ack["counts"]) != set(ack_doc["counts"]):
        fail("ack fields %s, documented %s" % (sorted(ack), sorted(ack_doc)))
    if ack["counts"] != ack_doc["counts"]:
        fail("the worked example's ack counts %s, documented %s" % (ack["counts"], ack_doc["counts"]))
    if [e["code"] for e in ack["exceptions"]] != [e["code"] for e in ack_doc["exceptions"]]:
        fail("the worked example's exceptions %s, documented %s" % (ack["exceptions"], ack_doc["exceptions"]))
    # "the same command again returns the same ack with Idempotent-Replayed: true (curl -i)"
    if not any("Idempotent-Replayed: true" in n for n in notes):
        fail("the batch example no longer documents the replay; update this test with it")
    again = r.shell(r.fill(text.replace("curl -s ", "curl -si ", 1))).replace("\r", "")
    head, _, body = again.partition("\n\n")
    if not re.search(r"^Idempotent-Replayed: true$", head, re.M | re.I):
        fail("replay header: %s" % head)
    if body.strip() != first.strip():
        fail("the replayed ack differs: %s / %s" % (body, first))


if __name__ == "__main__":
    main()
