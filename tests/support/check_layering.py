#!/usr/bin/python3
"""Checks the layering DESIGN.md promises, from the includes themselves:
core/smtp <- core/mime <- core/account, core/sandbox; cli uses core; core and cli never
include Qt Gui or Widgets nor the UI; nothing in core, cli or ui waits in a nested loop.
Prints one line per violation and exits 1 if there is any."""
import os
import re
import sys

root = sys.argv[1]
qt_include = sys.argv[2] if len(sys.argv) > 2 else "/usr/include/x86_64-linux-gnu/qt6"

allowed = {
    "core/smtp": {"smtp"},
    "core/mime": {"smtp", "mime"},
    "core/account": {"smtp", "mime", "account"},
    "core/sandbox": {"smtp", "mime", "sandbox"},
    "core/delivery": {"smtp", "delivery"},
    "core/sandboxapi": {"smtp", "mime", "sandbox", "sandboxapi"},
    "core/console": {"smtp", "console"},
    "core/history": {"smtp", "mime", "history"},
    "core/lesson": {"smtp", "mime", "sandbox", "lesson"},
    "core/i18n": {"i18n"},
    "core/oauth": {"oauth"},
    "cli": {"smtp", "mime", "account", "sandbox", "sandboxapi", "console", "delivery", "history", "i18n", "oauth", "cli"},
}
gui_headers = set()
for module in ("QtGui", "QtWidgets"):
    folder = os.path.join(qt_include, module)
    if os.path.isdir(folder):
        gui_headers.update(os.listdir(folder))
gui_headers.update({"QtGui", "QtWidgets"})

local = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
system = re.compile(r'^\s*#\s*include\s+<([^>]+)>')
blocking = re.compile(r'\bwaitFor[A-Z]\w*\s*\(|\bQEventLoop\b|\bprocessEvents\s*\(')
problems = []
scanned = 0
for folder in list(allowed) + ["ui"]:
    path = os.path.join(root, folder)
    for name in sorted(os.listdir(path)):
        if not name.endswith((".h", ".cpp")):
            continue
        scanned += 1
        rel = f"{folder}/{name}"
        with open(os.path.join(path, name), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                where = f"{rel}:{number}"
                if blocking.search(line) and not line.lstrip().startswith("//"):
                    problems.append(f"{where}: waits in a nested loop or blocks: {line.strip()}")
                if folder == "ui":
                    continue
                m = local.match(line)
                if m:
                    header = m.group(1)
                    if "/" not in header:
                        if not name.endswith(".moc") and not header.endswith(".moc"):
                            problems.append(f"{where}: include \"{header}\" does not name its folder")
                        continue
                    top = header.split("/")[0]
                    if top not in allowed[folder]:
                        problems.append(f"{where}: {folder} may not include \"{header}\"")
                m = system.match(line)
                if m:
                    header = m.group(1).split("/")[-1]
                    if header in gui_headers:
                        problems.append(f"{where}: {folder} may not use Qt Gui/Widgets (<{m.group(1)}>)")

for p in problems:
    print(p)
if scanned == 0:
    print("no source files found under", root)
    sys.exit(1)
print(f"layering: {scanned} files checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
