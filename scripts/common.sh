# Shared by scripts/run, scripts/test and scripts/bench: install what is missing, configure, build.
# Sourced, not executed. Every failure ends in one line that says what and why.

set -euo pipefail

POSTWIRE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() {
    echo "postwire: $*" >&2
    exit 1
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "installing packages needs root: run this command as root or install sudo"
    fi
}

# Each entry: "package|why it is needed".
POSTWIRE_BUILD_PACKAGES=(
    "g++|the C++20 compiler"
    "make|building"
    "cmake|configuring the build (CMake 3.25)"
    "ninja-build|building incrementally"
    "qt6-base-dev|Qt 6 Core, Network and Widgets (the whole application)"
    "qt6-base-dev-tools|Qt's moc and rcc code generators"
    "libgl-dev|OpenGL headers that Qt 6 Gui's CMake package requires"
    "libqt6svg6|showing the SVG application icon"
    "qt6-l10n-tools|lupdate and lrelease: the translations are built into Postwire"
    "qt6-tools-dev|Qt Linguist's CMake package (qt_add_lrelease)"
    "qt6-translations-l10n|Qt's own dialogs in the interface language (qtbase_*.qm)"
    "qt6-qpa-plugins|the platform plugins that open Postwire's window"
    "qtkeychain-qt6-dev|storing passwords in the desktop keychain"
    "qt6-httpserver-dev|the sandbox's HTTP API for test suites (Qt HTTP Server)"
    "qt6-websockets-dev|Qt HTTP Server's CMake package, which requires Qt WebSockets"
    "qt6-networkauth-dev|OAuth2 sign-in and token renewal for XOAUTH2/OAUTHBEARER (Qt Network Authorization)"
    "openssl|generating the built-in sandbox's STARTTLS certificate"
    "ca-certificates|verifying the certificates of real mail servers"
    "libhunspell-dev|spelling in the message editor (Hunspell)"
    "pkg-config|finding Hunspell when configuring"
)
POSTWIRE_TEST_PACKAGES=(
    "python3|the test oracles and the real SMTP server used by integration tests"
    "python3-aiosmtpd|the real SMTP server (STARTTLS, AUTH) the integration tests send to"
    "python3-cryptography|generating the TLS certificates for each test run"
    "python3-dnslib|the real DNS server (port 53 of a loopback address) the MX delivery tests ask"
    "hunspell-en-us|the English dictionary the spelling tests check words with"
    "hunspell-ru|a second dictionary: the spelling language is chosen per message"
    "gnome-keyring|a real Secret Service for the keychain test (a private D-Bus session)"
    "dbus|the private D-Bus session of the keychain test"
    "libsecret-tools|secret-tool, with which the keychain test looks into the Secret Service"
)

# ensure_packages ENTRY...: installs the packages that are not installed yet, with apt-get.
ensure_packages() {
    local missing=() entry pkg
    for entry in "$@"; do
        pkg=${entry%%|*}
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$entry")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 ||
        die "cannot install ${missing[0]%%|*} (${missing[0]#*|}): apt-get not found; Postwire's scripts need Debian 12 or a derivative"
    local names=()
    for entry in "${missing[@]}"; do names+=("${entry%%|*}"); done
    echo "postwire: installing ${names[*]}"
    local log
    log=$(mktemp)
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update >"$log" 2>&1; then
        echo "postwire: apt-get update failed; trying the package lists this machine has" >&2
    fi
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${names[@]}" >>"$log" 2>&1; then
        # Name the first package that apt cannot provide, with the reason it is needed.
        for entry in "${missing[@]}"; do
            pkg=${entry%%|*}
            if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
                "$pkg" >>"$log" 2>&1; then
                die "cannot install package $pkg, needed for ${entry#*|}: apt-get failed (details in $log)"
            fi
        done
        die "apt-get install failed (details in $log)"
    fi
    rm -f "$log"
}

# clang builds the fuzz targets (libFuzzer is clang's) and the sanitizer suite.
POSTWIRE_CLANG_PACKAGES=(
    "clang|the fuzz targets and the sanitizer build (libFuzzer is clang's)"
    "libclang-rt-14-dev|libFuzzer and the sanitizer runtimes for clang 14 (Debian 12)"
)

# The sanitizer build (scripts/test --sanitize, scripts/fuzz): AddressSanitizer (with its
# LeakSanitizer) and UBSan, every UB report fatal, frames kept for readable stacks. Both use
# clang; under g++ (CMAKE_CXX_COMPILER=g++) GCC 12's -Warray-bounds misfires under ASan's
# instrumentation (a length-checked qFromLittleEndian in core/sandbox/mailindex.cpp is reported
# against QByteArray's empty buffer), so it stays a warning there.
POSTWIRE_SANITIZE_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Wno-error=array-bounds"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# build_postwire DIR BUILD_TYPE [CMAKE_ARGS...]: configures once, then builds incrementally.
build_postwire() {
    local dir=$1 type=$2
    shift 2
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        # ccache, where a developer has it, makes rebuilds after a branch switch cheap (CI has
        # none); set when a build folder is made, so an existing one is not rebuilt for it.
        command -v ccache >/dev/null && set -- -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
        cmake -S "$POSTWIRE_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" ||
            die "configuring the build in $dir failed (see the CMake output above)"
    else
        cmake "$dir" -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null ||
            die "configuring the build in $dir failed (see the CMake output above)"
    fi
    # POSTWIRE_BUILD_TARGETS (space-separated) builds only those, e.g. one fuzz target.
    local targets=()
    [ -n "${POSTWIRE_BUILD_TARGETS:-}" ] && read -ra targets <<<"--target $POSTWIRE_BUILD_TARGETS"
    cmake --build "$dir" --parallel "$(nproc)" "${targets[@]}" ||
        die "building in $dir failed (see the compiler output above)"
}
