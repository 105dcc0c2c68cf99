#!/bin/sh
# Offline-scan benchmark (DESIGN.md target: decode, evaluate and three reports of the large
# tenant's snapshot in <= 1 s and <= 150 MB peak memory, release build).
# Usage: scripts/bench-offline.sh [runs]   (needs /usr/bin/time: apt-get install time)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product v360audit >/dev/null
swift build -c release --product v360bench >/dev/null
bin=$(swift build -c release --show-bin-path)
# 5,000 members, 400 API members, 300 roles x 150 settings, 50 integrator logins, and a register.
"$bin/v360bench" rules --write-snapshot "$work/snapshot.json" --write-register "$work/register.yml"
i=1
while [ "$i" -le "$runs" ]; do
  # Exit 1 is expected: the generated tenant fails the gate.
  /usr/bin/time -f "offline scan: wall %e s, peak RSS %M KB" \
    "$bin/v360audit" scan --snapshot "$work/snapshot.json" --register "$work/register.yml" \
    --output-dir "$work/reports" --quiet >/dev/null || [ $? -eq 1 ]
  i=$((i + 1))
done
ls -l "$work/reports"
