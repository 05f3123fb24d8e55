#!/usr/bin/env python3
"""Keeps postwire(1) true: every option the built binary's --help prints, for the program
and for every command it lists, must be described in that command's section of the man page.

Usage: check_manpage.py POSTWIRE_BINARY MAN_PAGE [--drop COMMAND OPTION]
--drop removes an option from the man page text first, to prove the check fails then.
"""
import os
import re
import shutil
import subprocess
import sys

OPTION = re.compile(r"(?<![\w\-/.])(--?[A-Za-z][A-Za-z0-9\-]*)")
# The program's --help lists its commands as "  name   description" under "Commands".
COMMAND_LINE = re.compile(r"^  ([a-z][a-z0-9-]*)\s{2,}\S")


def run_help(binary, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([binary, *args, "--help"], capture_output=True, text=True, env=env,
                          timeout=60)
    text = proc.stdout + proc.stderr
    if not text.strip():
        sys.exit(f"check_manpage: '{' '.join(['postwire', *args, '--help'])}' printed nothing "
                 f"(exit {proc.returncode})")
    return text


def options_in(text):
    return set(OPTION.findall(text))


def man_text(source):
    """The man page's words with troff's escapes undone, enough to find option names."""
    text = source.replace("\\-", "-").replace("\\e", "\\")
    text = re.sub(r"\\f[BIRP]", "", text)
    text = re.sub(r"\\\(aq", "'", text)
    return text


def man_sections(source):
    """{command: text} from '.SS "postwire COMMAND"'; '' is the program's own OPTIONS."""
    sections = {}
    current = None
    for line in source.splitlines():
        if line.startswith(".\\\""):
            continue
        m = re.match(r'^\.SS\s+"?postwire\s+([a-z0-9-]+)"?\s*$', line)
        if m:
            current = m.group(1)
            sections[current] = ""
            continue
        if line.startswith(".SH"):
            current = "" if line.split(None, 1)[1:] == ["OPTIONS"] else None
            if current == "":
                sections[""] = ""
            continue
        if current is not None:
            sections[current] += line + "\n"
    return sections


def main():
    args = sys.argv[1:]
    drop = None
    if "--drop" in args:
        i = args.index("--drop")
        drop = (args[i + 1], args[i + 2])
        del args[i:i + 3]
    if len(args) != 2:
        sys.exit(__doc__)
    binary, man_path = args
    with open(man_path, encoding="utf-8") as f:
        sections = man_sections(man_text(f.read()))
    if drop:
        command, option = drop
        sections[command] = re.sub(r"(?<![\w\-])" + re.escape(option) + r"(?![\w\-])", "",
                                   sections.get(command, ""))

    top = run_help(binary)
    commands = []
    in_commands = False
    for line in top.splitlines():
        if line.startswith("Commands"):
            in_commands = True
            continue
        if in_commands:
            m = COMMAND_LINE.match(line)
            if m:
                commands.append(m.group(1))
            elif not line.strip() or not line.startswith("  "):
                in_commands = False
    if not commands:
        sys.exit("check_manpage: 'postwire --help' lists no commands under 'Commands'")

    problems = []
    for command, help_text in [("", top)] + [(c, run_help(binary, c)) for c in commands]:
        name = f"postwire {command}".strip()
        if command not in sections:
            problems.append(f"{name}: no section in the man page "
                            f"(.SS \"postwire {command}\")" if command else
                            f"{name}: no OPTIONS section in the man page")
            continue
        missing = sorted(options_in(help_text) - options_in(sections[command]))
        for option in missing:
            problems.append(f"{name}: {option} is in --help but not in the man page")
        print(f"{name}: {len(options_in(help_text))} options, all in the man page"
              if not missing else f"{name}: {len(missing)} missing")

    groff = shutil.which("groff")
    if groff:
        proc = subprocess.run([groff, "-man", "-ww", "-z", "-Tutf8", man_path],
                              capture_output=True, text=True)
        for line in proc.stderr.splitlines():
            problems.append(f"groff: {line}")

    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
