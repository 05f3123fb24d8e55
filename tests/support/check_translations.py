#!/usr/bin/env python3
"""Fails when a translatable text has no translation: runs translations/update.sh (lupdate)
over the sources into a temporary copy of translations/ (the tree is never modified), then
counts the unfinished or empty entries of every translation (English: its plural forms).

Usage: check_translations.py LUPDATE SOURCE_ROOT WORK_DIR [EXTRA_TS_DIR]
EXTRA_TS_DIR: .ts files from elsewhere (e.g. another branch) used where the tree has none.
"""
import glob
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

REQUIRED = ["postwire_core_ru.ts", "postwire_ui_ru.ts", "postwire_core_en.ts", "postwire_ui_en.ts"]


def unfinished(path):
    found = []
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            t = message.find("translation")
            source = message.findtext("source") or ""
            kind = t.get("type") if t is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in t.iter("numerusform")] if t is not None else []
                empty = not forms or any(not f.strip() for f in forms)
            else:
                empty = t is None or not (t.text or "").strip()
            if kind == "unfinished" or empty:
                found.append(f"[{name}] {source}")
    return found


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    lupdate, root, work = sys.argv[1:4]
    extra = sys.argv[4] if len(sys.argv) == 5 else ""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for ts in glob.glob(os.path.join(root, "translations", "*.ts")):
        shutil.copy(ts, work)
    if extra:
        for ts in glob.glob(os.path.join(extra, "*.ts")):
            if not os.path.exists(os.path.join(work, os.path.basename(ts))):
                shutil.copy(ts, work)
    missing = [name for name in REQUIRED if not os.path.exists(os.path.join(work, name))]
    if missing:
        sys.exit("check_translations: translations/" + " and translations/".join(missing) +
                 " missing")
    proc = subprocess.run([os.path.join(root, "translations", "update.sh"), lupdate, work],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        sys.exit("check_translations: lupdate failed:\n" + proc.stdout + proc.stderr)
    failed = False
    for ts in sorted(glob.glob(os.path.join(work, "*.ts"))):
        entries = unfinished(ts)
        name = os.path.basename(ts)
        if entries:
            failed = True
            print(f"{name}: texts without a translation: {len(entries)}; the first:")
            for e in entries[:10]:
                print("   ", e)
        else:
            print(f"{name}: complete")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
