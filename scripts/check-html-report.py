#!/usr/bin/env python3
"""Open v360audit HTML reports in headless Chromium, with scripts enabled, and check them.

For each report: no console error (a Content-Security-Policy violation is one), no uncaught
exception, no dialog, no <script>, <img> or inline event handler in the DOM, every open finding's
fingerprint (from the v360audit.json beside it) in the page text, and an <svg> drawn with a size.
Writes a light and a dark screenshot (PNG) and a printed PDF of each into --out for a person to
look at. Talks to Chromium over the DevTools protocol (PyPI `websockets`) on loopback only.

usage: check-html-report.py --out DIR REPORT.html [REPORT.html ...]
"""
import argparse
import base64
import contextlib
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

from websockets.sync.client import connect

WIDTH, HEIGHT = 1280, 900


class Browser:
    """One headless Chromium and one page, driven over the DevTools protocol."""

    def __init__(self, profile):
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            sys.exit("check-html-report: no chromium on PATH (apt-get install chromium)")
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update",
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", f"--user-data-dir={profile}",
             f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        url = None
        while time.monotonic() < deadline and url is None:
            line = self.process.stderr.readline()
            if not line and self.process.poll() is not None:
                break
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            url = match.group(1) if match else None
        if url is None:
            self.close()
            sys.exit("check-html-report: chromium did not start its DevTools endpoint")
        self.stack = contextlib.ExitStack()
        self.socket = self.stack.enter_context(connect(url, max_size=None, open_timeout=30))
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def call(self, method, params=None, session=False, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.note(reply)

    def note(self, event):
        """Keeps events; answers a dialog so the page is not blocked (the check fails on it anyway)."""
        self.events.append(event)
        if event.get("method") == "Page.javascriptDialogOpening":
            self.socket.send(json.dumps({"id": 0, "sessionId": self.session, "method": "Page.handleJavaScriptDialog",
                                         "params": {"accept": False}}))

    def wait_for(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.note(json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic()))))

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            try:
                self.note(json.loads(self.socket.recv(timeout=max(0.01, deadline - time.monotonic()))))
            except TimeoutError:
                return

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        return result["result"].get("value")

    def screenshot(self, path, max_height):
        metrics = self.call("Page.getLayoutMetrics", session=True)
        height = min(int(metrics["cssContentSize"]["height"]), max_height)
        shot = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                    "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1}},
                         session=True)
        pathlib.Path(path).write_bytes(base64.b64decode(shot["data"]))

    def close(self):
        if hasattr(self, "stack"):
            self.stack.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def problems(events):
    """Console errors, exceptions and dialogs among the page's events."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            found.append("exception: " + params.get("exceptionDetails", {}).get("text", ""))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            found.append(f"console error ({params['entry'].get('source')}): {params['entry'].get('text')}")
        elif method == "Page.javascriptDialogOpening":
            found.append(f"dialog ({params.get('type')}): {params.get('message')}")
    return found


def check(report, out, browser):
    report = pathlib.Path(report).resolve()
    failures = []
    browser.events.clear()
    browser.call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]},
                 session=True)
    browser.call("Page.navigate", {"url": report.as_uri()}, session=True)
    browser.wait_for("Page.loadEventFired")
    browser.drain(0.5)
    failures += problems(browser.events)
    text = browser.evaluate("document.body ? document.body.textContent : ''") or ""
    dom = browser.evaluate("""JSON.stringify({
        scripts: document.scripts.length, images: document.images.length,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name))).length,
        svgs: [...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; }),
        title: document.title })""")
    dom = json.loads(dom)
    if dom["scripts"] or dom["images"] or dom["handlers"]:
        failures.append(f"unexpected active content: {dom['scripts']} script(s), {dom['images']} image(s), "
                        f"{dom['handlers']} element(s) with an on* attribute")
    if not any(w > 0 and h > 0 for w, h in dom["svgs"]):
        failures.append(f"no svg drawn (svgs: {dom['svgs']})")
    fingerprints = []
    json_report = report.with_name("v360audit.json")
    if json_report.exists():
        findings = json.loads(json_report.read_text(encoding="utf-8"))["findings"]
        fingerprints = [f["fingerprint"] for f in findings if f["status"] == "open"]
        missing = [fp for fp in fingerprints if fp not in text]
        if missing:
            failures.append(f"{len(missing)} of {len(fingerprints)} open findings' fingerprints missing, e.g. {missing[0]}")
    else:
        failures.append(f"no {json_report.name} beside the report: cannot check the fingerprints")
    name = report.parent.name or "report"
    out.mkdir(parents=True, exist_ok=True)
    mark = len(browser.events)
    browser.screenshot(out / f"{name}-light.png", max_height=4000)
    browser.call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]},
                 session=True)
    browser.screenshot(out / f"{name}-dark.png", max_height=4000)
    browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=True)
    pdf = browser.call("Page.printToPDF", {"printBackground": True}, session=True)
    (out / f"{name}.pdf").write_bytes(base64.b64decode(pdf["data"]))
    browser.call("Emulation.setEmulatedMedia", {"media": ""}, session=True)
    browser.drain(0.2)
    failures += problems(browser.events[mark:])
    status = "ok" if not failures else "FAILED"
    print(f"{report}: {status}: title {dom['title']!r}, {len(fingerprints)} open fingerprints present, "
          f"svg {dom['svgs'][0] if dom['svgs'] else None}; screenshots in {out}")
    for failure in failures:
        print(f"  - {failure}")
    return not failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=pathlib.Path, help="folder for screenshots and PDFs")
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    profile = tempfile.mkdtemp(prefix="v360audit-chromium-")
    browser = Browser(profile)
    try:
        ok = all([check(report, args.out, browser) for report in args.reports])
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
