#!/usr/bin/env python3
"""Runs lit over mlc's test suites and ends with one line `N passed, N failed`.

Usage: lit-summary.py <lit> <build/test>

lit's own summary is spread over several lines whose wording changes between
versions; CI and the README want one stable line. Unsupported and expected
failures are reported separately and are not counted as passed.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    lit, test_dir = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        cmd = [lit, "-sv", "--output", report, test_dir,
               os.path.join(test_dir, "Unit")]
        status = subprocess.call(cmd)
        try:
            with open(report) as f:
                results = json.load(f)["tests"]
        except (OSError, ValueError, KeyError) as err:
            print(f"error: lit produced no report ({err})", file=sys.stderr)
            print("0 passed, 1 failed")
            return 1
    codes = [t["code"] for t in results]
    passed = sum(c in ("PASS", "XFAIL") for c in codes)
    failed = sum(c in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT") for c in codes)
    skipped = len(codes) - passed - failed
    if skipped:
        print(f"({skipped} unsupported or skipped)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
