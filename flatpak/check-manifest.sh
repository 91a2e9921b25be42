#!/bin/sh
# Check a Flatpak manifest the way flatpak-builder reads it.
#
# usage: check-manifest.sh MANIFEST.json
#
# flatpak-builder only warns (and goes on) when a manifest has a mistake such
# as an unknown or misspelt property, so this fails on anything it prints on
# stderr, as well as on a non-zero exit. Exit 77 (skip) when flatpak-builder
# is not installed, e.g. inside the Flatpak SDK itself.

set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 MANIFEST.json" >&2
    exit 2
fi

manifest=$1

if [ ! -r "$manifest" ]; then
    echo "cannot read manifest: $manifest" >&2
    exit 1
fi

if ! command -v flatpak-builder >/dev/null 2>&1; then
    echo "SKIP: flatpak-builder is not installed"
    exit 77
fi

# --show-manifest leaves a .flatpak-builder state directory in the current
# directory, so it runs in a directory of its own.
workdir=$(mktemp -d "${TMPDIR:-/tmp}/check-manifest.XXXXXX") || exit 1
trap 'rm -rf "$workdir"' EXIT INT TERM

case $manifest in
    /*) ;;
    *) manifest=$(pwd)/$manifest ;;
esac

(
    unset G_MESSAGES_DEBUG
    cd "$workdir" &&
    flatpak-builder --show-manifest "$manifest" \
        >"$workdir/stdout" 2>"$workdir/stderr"
)
status=$?

if [ $status -ne 0 ]; then
    echo "FAIL: flatpak-builder --show-manifest exited with status $status" >&2
    cat "$workdir/stderr" >&2
    exit 1
fi

if [ -s "$workdir/stderr" ]; then
    echo "FAIL: flatpak-builder complained about $manifest:" >&2
    cat "$workdir/stderr" >&2
    exit 1
fi

if [ ! -s "$workdir/stdout" ]; then
    echo "FAIL: flatpak-builder printed no manifest" >&2
    exit 1
fi

echo "OK: $manifest"
exit 0
