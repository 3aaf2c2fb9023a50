# -*- Python -*-
# Runs every GoogleTest binary under build/unittests as lit tests, so that
# check-mlc counts each test case.

import os
import sys

import lit.formats

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
import sanitizer  # noqa: E402

config.name = "MLC-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.mlc_obj_root, "unittests")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
sanitizer.configure(config)
