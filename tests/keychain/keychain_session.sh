#!/bin/sh
# Runs a test in a private D-Bus session with gnome-keyring's Secret Service, unlocked with a
# password given on stdin, and a home of its own (the keyring file lives there): nothing
# touches the user's keychain, and everything is gone afterwards.
# Usage: keychain_session.sh TEST_BINARY [ARGS...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
    command -v "$tool" >/dev/null 2>&1 || { echo "keychain_session: $tool not found (scripts/common.sh lists its package)" >&2; exit 1; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/home" "$dir/runtime"
export HOME="$dir/home" XDG_RUNTIME_DIR="$dir/runtime" XDG_DATA_HOME="$dir/home/data" \
    XDG_CONFIG_HOME="$dir/home/config" XDG_CACHE_HOME="$dir/home/cache" \
    POSTWIRE_TEST_HOME="$dir/home" POSTWIRE_KEYCHAIN_SESSION=1
# gnome-keyring-daemon ends with the session bus, which dbus-run-session ends with the test.
exec dbus-run-session -- sh -c '
    printf "%s" "keychain-test-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' sh "$@"
