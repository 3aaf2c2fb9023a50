#!/usr/bin/env python3
"""Mutation driver over the lit corpus: whole-pipeline runs that libFuzzer's
in-process targets do not reach (each test's own mlc-opt flags, the
pipeline, and the printer), on mutated copies of the project's tests.

usage: scripts/mutate.py [--seconds N] [--seed S] [--jobs J] [--out DIR]
                         [--bin DIR]

For each mutation the driver picks a test case (a .mlir file under test/ or
examples/, split at `// -----`), applies one to three random edits (delete,
duplicate or swap lines; replace a number by an extreme one; swap an
identifier, a type or an op name for another seen in the corpus; cut the
text), and runs mlc-opt with one of that file's RUN-line flag sets, or with
`--mlc-compile=target=cpu`, or with no flags (parse, verify, print). An
outcome is fine when mlc-opt exits 0, or exits 1 having printed an
`error:` diagnostic. Anything else is a finding: a signal or another exit
code (a crash), an abort message (`Stack dump`, `Assertion`, `UNREACHABLE`,
a sanitizer report), or a run past 20 s (a hang). Findings are written to
DIR (default build/mutate/) with the flags that reproduce them; the run
ends with one line: `N runs (A accepted, D diagnosed), F findings (C
crashes, H hangs) in S s`.
Exits 1 when there is a finding.
"""
import argparse
import os
import random
import re
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 20
ABORT_MARKERS = ("Stack dump", "Assertion", "UNREACHABLE", "LLVM ERROR",
                 "AddressSanitizer", "UndefinedBehaviorSanitizer",
                 "runtime error:", "LeakSanitizer")
EXTREMES = ["0", "1", "-1", "2", "7", "4096", "2147483647", "-2147483648",
            "4611686018427387904", "9223372036854775807",
            "-9223372036854775808", "18446744073709551616", "1.0e308",
            "nan", "0.5"]


def cases():
    """(text, flag sets) of every test case in the corpus."""
    found = []
    for top in ("test", "examples"):
        for folder, _, files in os.walk(os.path.join(ROOT, top)):
            for name in sorted(files):
                if not name.endswith(".mlir"):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                flags = run_flags(text)
                for part in text.split("\n// -----\n"):
                    found.append((part, flags))
    return found


def run_flags(text):
    """The mlc-opt flags of each RUN line (continuations joined)."""
    lines = re.findall(r"^\s*//\s*RUN:(.*)$", text, re.M)
    joined, current = [], ""
    for line in lines:
        current += line.rstrip()
        if current.endswith("\\"):
            current = current[:-1]
            continue
        joined.append(current)
        current = ""
    flags = []
    for command in joined:
        for stage in command.split("|"):
            words = stage.split()
            if not words or words[0] != "mlc-opt":
                continue
            kept = [w for w in words[1:]
                    if w.startswith("-") and "%" not in w
                    and "verify-diagnostics" not in w]
            try:
                flags.append(shlex.split(" ".join(kept)))
            except ValueError:
                continue
    return flags or [[]]


def token_pools(corpus):
    """Identifiers, types and op names seen in the corpus."""
    text = "\n".join(part for part, _ in corpus)
    return [sorted(set(re.findall(pattern, text))) for pattern in (
        r"%[A-Za-z_][\w]*", r"!relax\.tensor<[^>]*>",
        r"\b(?:relax|tir|transform)\.[a-z_]+")]


class Mutator:
    def __init__(self, pools, rng):
        self.pools = [pool for pool in pools if pool]
        self.rng = rng

    def mutate(self, text):
        for _ in range(self.rng.randint(1, 3)):
            text = self.rng.choice([self.delete_line, self.duplicate_line,
                                    self.swap_lines, self.extreme_number,
                                    self.swap_token, self.cut])(text)
        return text

    def lines(self, text):
        lines = text.split("\n")
        return lines, self.rng.randrange(len(lines))

    def delete_line(self, text):
        lines, i = self.lines(text)
        del lines[i]
        return "\n".join(lines)

    def duplicate_line(self, text):
        lines, i = self.lines(text)
        lines.insert(i, lines[i])
        return "\n".join(lines)

    def swap_lines(self, text):
        lines, i = self.lines(text)
        j = self.rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)

    def extreme_number(self, text):
        numbers = list(re.finditer(r"-?\b\d+(?:\.\d+)?(?:e-?\d+)?\b", text))
        if not numbers:
            return text
        m = self.rng.choice(numbers)
        return text[:m.start()] + self.rng.choice(EXTREMES) + text[m.end():]

    def swap_token(self, text):
        pool = self.rng.choice(self.pools)
        present = [t for t in pool if t in text]
        if not present:
            return text
        old, new = self.rng.choice(present), self.rng.choice(pool)
        starts = [m.start() for m in re.finditer(re.escape(old), text)]
        start = self.rng.choice(starts)
        return text[:start] + new + text[start + len(old):]

    def cut(self, text):
        return text[:self.rng.randrange(len(text) + 1)]


def classify(result):
    """None when fine, else the kind of finding."""
    if result is None:
        return "hang"
    code, output = result
    if any(marker in output for marker in ABORT_MARKERS):
        return "crash"
    if code == 0 or (code == 1 and "error:" in output):
        return None
    return "crash"


def run(opt, flags, text):
    try:
        done = subprocess.run([opt, "-", "-o", os.devnull] + flags,
                              input=text.encode(), capture_output=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return done.returncode, (done.stdout + done.stderr).decode(errors="replace")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "mutate"))
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    args = parser.parse_args()
    opt = os.path.join(args.bin, "mlc-opt")
    if not os.access(opt, os.X_OK):
        print("mutate.py: no mlc-opt in %s (build first)" % args.bin,
              file=sys.stderr)
        return 2
    corpus = cases()
    pools = token_pools(corpus)
    os.makedirs(args.out, exist_ok=True)
    # For a sanitized mlc-opt (docs/Reliability.md).
    os.environ.setdefault("ASAN_OPTIONS",
                          "allow_user_poisoning=0:detect_leaks=0")
    start = time.time()
    runs, accepted, findings = 0, 0, {"crash": 0, "hang": 0}
    seen = set()

    def job(index):
        local = random.Random(args.seed * 1000003 + index)
        text, flag_sets = local.choice(corpus)
        mutated = Mutator(pools, local).mutate(text)
        flags = local.choice(flag_sets + [["--mlc-compile=target=cpu"], []])
        return mutated, flags, run(opt, flags, mutated)

    index = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        while time.time() - start < args.seconds:
            batch = [pool.submit(job, index + i) for i in range(args.jobs * 4)]
            index += len(batch)
            for future in batch:
                mutated, flags, result = future.result()
                runs += 1
                kind = classify(result)
                if not kind:
                    accepted += result[0] == 0
                    continue
                output = result[1] if result else ""
                # One file per distinct first line of the report.
                key = (kind, next((l for l in output.splitlines()
                                   if any(m in l for m in ABORT_MARKERS)),
                                  output[:200]))
                if key in seen:
                    continue
                seen.add(key)
                findings[kind] += 1
                name = os.path.join(args.out, "%s-%d.mlir" % (kind, index))
                with open(name, "w") as f:
                    f.write("// mlc-opt %s\n" % " ".join(flags) + mutated)
                with open(name + ".log", "w") as f:
                    f.write(output)
                print("%s: mlc-opt %s %s" % (kind, " ".join(flags), name))
    total = findings["crash"] + findings["hang"]
    print("%d runs (%d accepted, %d diagnosed), %d findings (%d crashes, "
          "%d hangs) in %.0f s" % (runs, accepted, runs - accepted - total,
                                   total, findings["crash"], findings["hang"],
                                   time.time() - start))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
