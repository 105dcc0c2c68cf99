#!/bin/sh
# Builds the release archive for hosts without Swift; run it as `make release`, which passes
# VERSION (read from Sources/Reports/ToolInfo.swift, the version's one source) and ARCH.
#   dist/v360audit-VERSION-linux-ARCH.tar.gz   bin/, share/ (man page, completions), install.sh,
#                                               README.md, LICENSE
#   dist/SHA256SUMS
# Refuses (exit 1) when HEAD carries a v* tag other than vVERSION.
# SWIFT (default swift) and SCRATCH (default .build-release) may be set.
set -eu
cd "$(dirname "$0")/.."
: "${VERSION:?run this through make release, which sets VERSION}"
ARCH=${ARCH:-$(uname -m)}
SWIFT=${SWIFT:-swift}
SCRATCH=${SCRATCH:-.build-release}
name="v360audit-$VERSION-linux-$ARCH"
say() { echo "make release: $*"; }

# The tag, when there is one, must name the version the binary reports.
if git rev-parse --git-dir >/dev/null 2>&1; then
    for tag in $(git tag --points-at HEAD 'v*'); do
        if [ "$tag" != "v$VERSION" ]; then
            echo "make release: HEAD is tagged $tag but ToolInfo.version is $VERSION." >&2
            echo "  Set the version in Sources/Reports/ToolInfo.swift, commit, and tag v<version> (README, \"Cutting a release\")." >&2
            exit 1
        fi
    done
    git tag --points-at HEAD | grep -qx "v$VERSION" || say "note: HEAD is not tagged v$VERSION (a build for testing, not a release)"
    [ -z "$(git status --porcelain --untracked-files=no)" ] || say "note: the work tree has uncommitted changes"
    epoch=$(git log -1 --format=%ct)
else
    epoch=$(date +%s)
fi
date=$(date -u -d "@$epoch" +%F)

# Static Swift runtime and Foundation: the binary needs only glibc, libstdc++, libgcc_s and zlib.
say "building v360audit $VERSION (release, --static-swift-stdlib) in $SCRATCH"
"$SWIFT" build -c release --static-swift-stdlib --product v360audit --scratch-path "$SCRATCH"
bin_dir="$SCRATCH/release"   # SwiftPM links it to the triple's release folder

stage="$SCRATCH/stage/$name"
rm -rf "$SCRATCH/stage"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
cp "$bin_dir/v360audit" "$stage/bin/v360audit"
strip --strip-all "$stage/bin/v360audit"
exe="$stage/bin/v360audit"

reported=$("$exe" --version)
if [ "$reported" != "$VERSION" ]; then
    echo "make release: the binary reports version '$reported', expected '$VERSION'" >&2
    exit 1
fi

"$exe" --generate-completion-script bash > "$stage/share/bash-completion/completions/v360audit"
"$exe" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_v360audit"
"$exe" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/v360audit.fish"

# The man page: ArgumentParser's generate-manual, the tool behind its GenerateManual plugin, run on
# the binary being shipped. The plugin itself (`swift package generate-manual`) first builds every
# product again with its own build settings (not --static-swift-stdlib), a second full release
# build; the tool alone is ArgumentParser plus one module. Dated by the commit, so reproducible.
parser="$SCRATCH/checkouts/swift-argument-parser"
say "building ArgumentParser's generate-manual tool"
"$SWIFT" build -c release --package-path "$parser" --scratch-path "$SCRATCH/generate-manual" \
    --product generate-manual
"$SCRATCH/generate-manual/release/generate-manual" "$exe" --date "$date" \
    --output-directory "$stage/share/man/man1"
test -s "$stage/share/man/man1/v360audit.1"

cp README.md "$stage/README.md"
cp scripts/install.sh "$stage/install.sh"
if [ -f LICENSE ]; then
    cp LICENSE "$stage/LICENSE"
else
    echo "make release: WARNING: the repository has no LICENSE file; the archive ships without one" >&2
fi
find "$stage" -type d -exec chmod 755 {} +
find "$stage" -type f -exec chmod 644 {} +
chmod 755 "$stage/bin/v360audit" "$stage/install.sh"

# A reproducible archive: sorted names, root-owned, every mtime the commit's, no gzip timestamp.
mkdir -p dist
archive="dist/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -C "$SCRATCH/stage" -cf - "$name" | gzip -9 -n > "$archive.tmp"
mv -f "$archive.tmp" "$archive"
(cd dist && sha256sum "$name.tar.gz" > SHA256SUMS)

say "$archive ($(du -h "$archive" | cut -f1); binary $(du -h "$exe" | cut -f1))"
say "dist/SHA256SUMS: $(cat dist/SHA256SUMS)"
