#!/bin/sh
# Brings the translation sources up to date with the code: lupdate over core/, cli/ and app/
# into postwire_core_<lang>.ts, over ui/ into postwire_ui_<lang>.ts, for every language that
# has a file in DIR. English files keep only the plural forms (-pluralonly). No line numbers
# and nothing obsolete, so branches merge without conflicts in the .ts files.
#
# Usage: translations/update.sh [LUPDATE [DIR]]   (DIR: the .ts files to update; default the
# tree's translations/; the check test passes a copy)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${1:-/usr/lib/qt6/bin/lupdate}
dir=${2:-$root/translations}
cd "$root"
status=0
for ts in "$dir"/postwire_core_*.ts "$dir"/postwire_ui_*.ts; do
    [ -e "$ts" ] || continue
    case $(basename "$ts") in
    postwire_core_*) sources="core cli app" ;;
    *) sources="ui" ;;
    esac
    case $(basename "$ts") in
    *_en.ts) plural=-pluralonly ;;
    *) plural= ;;
    esac
    # shellcheck disable=SC2086 # the source folders are words
    "$lupdate" -locations none -no-obsolete -silent $plural -extensions cpp,h $sources -ts "$ts" ||
        { echo "update.sh: lupdate failed for $ts" >&2; status=1; }
done
exit $status
