#!/usr/bin/env bash
# Tests the release archive as a user without Swift would (README, "Install"): builds it with
# `make release`, makes a minimal Debian root (debootstrap --variant=minbase, cached in
# .build/debian-root), and inside a fresh copy of it, by chroot with a cron-like environment:
# checks SHA256SUMS, unpacks the archive, runs install.sh, then v360audit --version, --help,
# rules list, scan --demo, and a live scan of a simulator that runs outside the root on loopback;
# ldd must resolve every library and list no Swift one. Needs root. Prints each step's time.
# SKIP_BUILD=1 tests the archive already in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

cache=.build/debian-root          # pristine minbase root, reused by later runs
root=.build/debian-test-root      # this run's copy, where the archive is installed
checks=0
sim_pid=""

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step_start=""
step() { step_start=$(now); echo "== release test: $*"; }
took() { echo "   took $(elapsed "$step_start") s"; }
fail() { echo "release test FAILED: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); echo "   ok: $*"; }

cleanup() {
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    if mountpoint -q "$root/proc" 2>/dev/null; then umount -l "$root/proc"; fi
    return 0
}
trap cleanup EXIT

# Runs a command inside the root as cron would: an empty environment but PATH and HOME, plus
# any NAME=VALUE given before `--`.
in_root() {
    local vars=()
    while [ "$1" != "--" ]; do vars+=("$1"); shift; done
    shift
    chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root "${vars[@]}" "$@"
}

# The Debian mirror apt uses on this machine (one-line sources.list or deb822 .sources).
debian_mirror() {
    local found
    found=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
                           if ($(i + 1) == "bookworm") { print $i; exit } }')
    if [ -z "$found" ]; then
        found=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
            awk 'function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ / bookworm / && uri != "" && out == "") out = uri
                                    types = ""; suites = ""; uri = "" }
                 /^[[:space:]]*$/ { flush(); next }
                 /^Types:/ { sub(/^Types:[[:space:]]*/, ""); types = $0 }
                 /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
                 /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); split($0, u, /[[:space:]]+/); uri = u[1] }
                 END { flush(); print out }')
    fi
    echo "${found:-http://deb.debian.org/debian}"
}

total_start=$(now)

step "tools (debootstrap)"
if ! command -v debootstrap >/dev/null || ! command -v make >/dev/null || ! command -v strip >/dev/null; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends debootstrap make binutils >/dev/null
fi
took

if [ "${SKIP_BUILD:-}" != 1 ]; then
    step "make release"
    make release
    took
fi
version=$(make -s version)
archive="v360audit-$version-linux-$(uname -m).tar.gz"
[ -s "dist/$archive" ] && [ -s dist/SHA256SUMS ] || fail "dist/$archive or dist/SHA256SUMS is missing"

cleanup
if [ -x "$cache/bin/sh" ] && [ -f "$cache/.v360audit-debootstrap-done" ]; then
    step "minimal Debian root: cached in $cache"
else
    mirror=$(debian_mirror)
    step "minimal Debian root: debootstrap --variant=minbase bookworm from $mirror (first time)"
    rm -rf "$cache.tmp"
    debootstrap --variant=minbase --include=ca-certificates bookworm "$cache.tmp" "$mirror" > .build/debootstrap.log 2>&1 ||
        { tail -20 .build/debootstrap.log; fail "debootstrap"; }
    rm -f "$cache.tmp"/var/cache/apt/archives/*.deb
    touch "$cache.tmp/.v360audit-debootstrap-done"
    rm -rf "$cache" && mv "$cache.tmp" "$cache"
fi
rm -rf "$root"
cp -a "$cache" "$root"
# Every host has /proc, and the binary needs it: libdispatch's thread-pool monitor (under Swift
# concurrency) reads /proc/self/task/*/stat and traps without it. /dev: debootstrap's static nodes.
mount -t proc proc "$root/proc"
took

step "sha256sum -c SHA256SUMS, tar -xzf, ./install.sh (inside the root)"
mkdir -p "$root/root/download"
cp "dist/$archive" dist/SHA256SUMS "$root/root/download/"
in_root -- sh -c 'cd /root/download && sha256sum -c SHA256SUMS' || fail "sha256sum -c SHA256SUMS"
pass "sha256sum -c SHA256SUMS"
in_root -- sh -c "cd /root/download && tar -xzf '$archive' && cd '${archive%.tar.gz}' && ./install.sh" ||
    fail "install.sh"
for f in bin/v360audit share/man/man1/v360audit.1 share/bash-completion/completions/v360audit \
         share/zsh/site-functions/_v360audit share/fish/vendor_completions.d/v360audit.fish; do
    [ -s "$root/usr/local/$f" ] || fail "install.sh did not install /usr/local/$f"
done
pass "install.sh installed the binary, the man page and 3 completions under /usr/local"
in_root -- bash -n /usr/local/share/bash-completion/completions/v360audit || fail "bash completion syntax"
pass "bash completion parses"
for f in README.md install.sh; do
    [ -s "$root/root/download/${archive%.tar.gz}/$f" ] || fail "$f missing from the archive"
done
[ -s "$root/root/download/${archive%.tar.gz}/LICENSE" ] || echo "   note: the archive has no LICENSE (the repository has none)"
took

step "ldd /usr/local/bin/v360audit (inside the root)"
ldd_out=$(in_root -- ldd /usr/local/bin/v360audit) || fail "ldd"
echo "$ldd_out" | sed 's/^/   /'
echo "$ldd_out" | grep -q "not found" && fail "a library is missing from the minimal root"
echo "$ldd_out" | grep -Eiq 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_FoundationICU|libcurl|libxml2' &&
    fail "the binary links a Swift, Foundation, curl or libxml2 library dynamically"
pass "ldd resolves every library; none is Swift's"
took

step "v360audit --version, --help, rules list (inside the root)"
out=$(in_root -- v360audit --version) || fail "--version exited $?"
[ "$out" = "$version" ] || fail "--version printed '$out', expected '$version'"
pass "--version prints $version"
out=$(in_root -- v360audit --help) || fail "--help exited $?"
grep -q "USAGE: v360audit" <<<"$out" || fail "--help has no USAGE line"
pass "--help"
out=$(in_root -- v360audit rules list) || fail "rules list exited $?"
[ "$(wc -l <<<"$out")" -ge 5 ] || fail "rules list printed too little: $out"
pass "rules list ($(wc -l <<<"$out") lines)"
took

# Every report a scan names in its summary ("Reports: A, B, C.") must exist in the root and not be
# empty, and the JUnit, Markdown and JSON reports must be among them.
expect_reports() {
    local listed f
    listed=$(sed -n 's/.*Reports: \(.*\)\.$/\1/p' <<<"$1" | tr -d ' ' | tr ',' '\n')
    for f in v360audit.junit.xml v360audit.md v360audit.json; do
        grep -qx "$2/$f" <<<"$listed" || fail "the summary does not name $2/$f: $1"
    done
    for f in $listed; do
        [ -s "$root$f" ] || fail "$f is missing or empty"
    done
    echo "   reports: $(tr '\n' ' ' <<<"$listed")"
}

step "v360audit scan --demo --output-dir /tmp/out (inside the root)"
rc=0; out=$(in_root -- v360audit scan --demo --output-dir /tmp/out 2>/dev/null) || rc=$?
[ "$rc" = 1 ] || fail "scan --demo exited $rc, expected 1"
expect_reports "$out" /tmp/out
pass "scan --demo exits 1 and writes every report"
took

step "live scan inside the root of a simulator outside it (loopback)"
host_bin="$(pwd)/.build-release/stage/${archive%.tar.gz}/bin/v360audit"
[ -x "$host_bin" ] || host_bin="$root/usr/local/bin/v360audit"   # the same static binary
sim_env=$(mktemp)
"$host_bin" simulate --port 0 > "$sim_env" 2>/dev/null &
sim_pid=$!
for _ in $(seq 100); do grep -q '^CWM_CLIENT_ID=' "$sim_env" && break; sleep 0.1; done
grep -q '^CWM_CLIENT_ID=' "$sim_env" || fail "the simulator printed no connection"
mapfile -t cwm < <(grep '^CWM_[A-Z_]*=' "$sim_env")
echo "   simulator: $(grep '^CWM_SITE=' "$sim_env")"
rc=0; out=$(in_root "${cwm[@]}" -- v360audit scan --output-dir /tmp/live 2>/dev/null) || rc=$?
[ "$rc" = 1 ] || fail "the live scan exited $rc, expected 1 (the demo tenant fails the gate)"
expect_reports "$out" /tmp/live
pass "live scan over 127.0.0.1 exits 1 and writes every report"
kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=""
rm -f "$sim_env"
took

echo "== release test: all $checks checks passed in $(elapsed "$total_start") s ($archive)"
