#!/usr/bin/env python3
"""Store the current language_info in notebooks without re-running them.

    python3 python/patch_language_info.py .build/debug/nb-run notebooks/*.ipynb notebooks/ko/*.ipynb

`make update-notebooks` rewrites metadata and outputs together; use this when only the
metadata should change (the stored outputs stay byte for byte). The language_info is
what nb-run writes (the same as the kernel's kernel_info_reply: NetLang/LanguageMetadata.swift),
and the block is rewritten in nb-run's own layout so the diff shows only that block.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def current_language_info(nb_run: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp, "empty.txt"), Path(tmp, "empty.ipynb")
        source.write_text("# %%\n")
        subprocess.run([nb_run, "--to", "ipynb", "-o", str(target), str(source)],
                       check=True, stdout=subprocess.DEVNULL)
        return json.loads(target.read_text())["metadata"]["language_info"]


def block(info: dict, indent: str) -> str:
    """`"language_info" : {...}` as nb-run's writer lays it out (sorted keys, ` : `)."""
    lines = [f'{indent}  {json.dumps(key)} : {json.dumps(info[key])}' for key in sorted(info)]
    return f'{indent}"language_info" : {{\n' + ",\n".join(lines) + f"\n{indent}}}"


def main() -> int:
    nb_run, paths = sys.argv[1], sys.argv[2:]
    info = current_language_info(nb_run)
    pattern = re.compile(r'^( *)"language_info" : \{\n.*?\n\1\}', re.DOTALL | re.MULTILINE)
    for path in map(Path, paths):
        text = path.read_text()
        patched, count = pattern.subn(lambda m: block(info, m.group(1)), text)
        if count != 1:
            print(f"{path}: expected one language_info block, found {count}", file=sys.stderr)
            return 1
        if json.loads(patched)["metadata"]["language_info"] != info:
            print(f"{path}: the patched block does not read back as {info}", file=sys.stderr)
            return 1
        path.write_text(patched)
    return 0


if __name__ == "__main__":
    sys.exit(main())
