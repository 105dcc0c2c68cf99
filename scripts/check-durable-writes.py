#!/usr/bin/env python3
"""Checks under strace that every file v360audit writes reaches the disk before it is renamed
into place, and its folder after: open temporary -> fsync(fd) -> rename(temporary, name) ->
fsync(folder). A report or snapshot renamed without that order could be empty after a power loss.

Usage: check-durable-writes.py PATH/TO/v360audit
Runs `scan --demo` with --save-snapshot and `register draft --demo --out` into a temporary
folder under `strace -f`, then checks every rename and link of a *.partial file.
"""
import os
import re
import subprocess
import sys
import tempfile



def trace(binary, arguments, folder):
    log = os.path.join(folder, "strace.log")
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=openat,fsync,fdatasync,close,rename,renameat,renameat2,link,linkat",
                    "-o", log, binary] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    with open(log, encoding="utf-8", errors="replace") as handle:
        return handle.read().splitlines()


def calls(lines):
    """Yields (index, pid, name, args, result), joining calls strace splits across threads
    (`fsync(15 <unfinished ...>` ... `<... fsync resumed>) = 0`) at the line where they began."""
    pending = {}
    for index, line in enumerate(lines):
        parts = line.split(None, 1)
        if len(parts) < 2:
            continue
        pid, rest = parts
        if rest.endswith("<unfinished ...>"):
            head = rest[: -len("<unfinished ...>")].rstrip()
            name, _, args = head.partition("(")
            pending[pid] = (index, name, args)
            continue
        resumed = re.match(r'<\.\.\. (\w+) resumed>(.*)\)\s+=\s+(-?\d+)', rest)
        if resumed and pid in pending:
            start, name, args = pending.pop(pid)
            yield start, pid, name, args + resumed.group(2), int(resumed.group(3))
            continue
        match = re.match(r'(\w+)\((.*)\)\s+=\s+(-?\d+)', rest)
        if match:
            yield index, pid, match.group(1), match.group(2), int(match.group(3))


def check(lines, expected):
    """Returns the problems found; `expected` are the file names that must be written."""
    # One process: its threads share one descriptor table, so descriptors are keyed by number
    # alone, resolved at the call's start, and forgotten when closed (numbers are reused).
    opened = {}
    events = []  # (index, kind, path or (source, target))
    for index, _pid, name, args, result in sorted(calls(lines)):
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"', args)
        if name == "openat" and result >= 0 and strings:
            opened[result] = strings[0]
        elif name == "close":
            opened.pop(int(args.split(",")[0]), None)
        elif name in ("fsync", "fdatasync") and result == 0:
            path = opened.get(int(args.split(",")[0]))
            if path:
                events.append((index, "sync", path))
        elif name in ("rename", "renameat", "renameat2", "link", "linkat") and result == 0 and len(strings) >= 2:
            events.append((index, name, (strings[0], strings[1])))
    problems = []
    written = set()
    for position, (index, kind, value) in enumerate(events):
        if kind == "sync":
            continue
        source, target = value
        if not source.endswith(".partial"):
            continue
        written.add(os.path.basename(target))
        if not any(k == "sync" and p == source for _, k, p in events[:position]):
            problems.append(f"{target}: {kind} without an fsync of {source} before it")
        folder = os.path.normpath(os.path.dirname(target) or ".")
        if not any(k == "sync" and os.path.normpath(p) == folder for _, k, p in events[position + 1:]):
            problems.append(f"{target}: no fsync of its folder {folder} after the {kind}")
    for name in expected:
        if name not in written:
            problems.append(f"{name} was not written through a temporary file")
    return problems


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "reports")
        lines = trace(binary, ["scan", "--demo", "--quiet", "--output-dir", out,
                               "--save-snapshot", os.path.join(folder, "latest.json")], folder)
        problems = check(lines, ["v360audit.json", "v360audit.junit.xml", "v360audit.md", "latest.json"])
        lines = trace(binary, ["register", "draft", "--demo", "--quiet", "--out", os.path.join(folder, "draft.yml")], folder)
        problems += check(lines, ["draft.yml"])
    for problem in problems:
        print("FAIL", problem)
    if problems:
        sys.exit(1)
    print("durable writes: every report, snapshot and draft fsynced before its rename, its folder after")


if __name__ == "__main__":
    main()
