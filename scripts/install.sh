#!/bin/sh
# Installs v360audit from an unpacked release archive: the binary, its man page and the bash, zsh
# and fish completions, under PREFIX (default /usr/local). Needs no Swift toolchain.
#
#   sudo ./install.sh                        # /usr/local/bin/v360audit, ...
#   ./install.sh PREFIX="$HOME/.local"       # no root needed
#   ./install.sh DESTDIR=/tmp/stage          # packagers: stage under DESTDIR, paths as for PREFIX
#
# PREFIX and DESTDIR may also come from the environment. POSIX sh; it copies files only.
set -eu

usage() {
    sed -n '2,8s/^# \{0,1\}//p' "$0"
}

for arg in "$@"; do
    case $arg in
        PREFIX=*) PREFIX=${arg#PREFIX=} ;;
        DESTDIR=*) DESTDIR=${arg#DESTDIR=} ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument '$arg' (expected PREFIX=DIR or DESTDIR=DIR)" >&2; exit 64 ;;
    esac
done
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
case $PREFIX in
    /*) ;;
    *) echo "install.sh: PREFIX must be an absolute path, not '$PREFIX'" >&2; exit 64 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)

# copy SOURCE DEST MODE: copies beside the target, then renames over it, so a v360audit that a cron
# job is running right now is replaced cleanly ("Text file busy" otherwise) and never half-written.
copy() {
    dir=$(dirname "$2")
    mkdir -p "$dir"
    cp "$1" "$2.new.$$"
    chmod "$3" "$2.new.$$"
    mv -f "$2.new.$$" "$2"
    echo "  $2"
}

for f in bin/v360audit share/man/man1/v360audit.1 share/bash-completion/completions/v360audit \
         share/zsh/site-functions/_v360audit share/fish/vendor_completions.d/v360audit.fish; do
    if [ ! -f "$here/$f" ]; then
        echo "install.sh: $here/$f is missing: run install.sh from the unpacked release archive" >&2
        exit 66
    fi
done

echo "Installing v360audit under $DESTDIR$PREFIX:"
copy "$here/bin/v360audit" "$DESTDIR$PREFIX/bin/v360audit" 755
copy "$here/share/man/man1/v360audit.1" "$DESTDIR$PREFIX/share/man/man1/v360audit.1" 644
copy "$here/share/bash-completion/completions/v360audit" \
     "$DESTDIR$PREFIX/share/bash-completion/completions/v360audit" 644
copy "$here/share/zsh/site-functions/_v360audit" "$DESTDIR$PREFIX/share/zsh/site-functions/_v360audit" 644
copy "$here/share/fish/vendor_completions.d/v360audit.fish" \
     "$DESTDIR$PREFIX/share/fish/vendor_completions.d/v360audit.fish" 644

if [ -z "$DESTDIR" ]; then
    case ":${PATH:-}:" in
        *":$PREFIX/bin:"*) ;;
        *) echo "Note: $PREFIX/bin is not on PATH; add it, or run $PREFIX/bin/v360audit." ;;
    esac
fi
echo "Done: $PREFIX/bin/v360audit --version; man v360audit. Completions load in new bash, zsh and fish shells"
echo "(zsh: $PREFIX/share/zsh/site-functions must be on fpath, as it is for /usr/local and /usr)."
