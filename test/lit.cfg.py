# -*- Python -*-
# lit configuration for mlc's FileCheck tests.

import os
import sys

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "MLC"
# The internal shell provides `not` and `cd`, which Debian does not package.
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py",
                   "Inputs", "project"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.mlc_obj_root, "test")

# Keep FileCheck variables local to a CHECK-LABEL block and reject unused
# prefixes (upstream MLIR's setting).
config.environment["FILECHECK_OPTS"] = (
    "-enable-var-scope --allow-unused-prefixes=false")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%shlibext", config.mlc_shlib_ext))
config.substitutions.append(("%mlc_src_root", config.mlc_src_root))
config.substitutions.append(("%mlc_obj_root", config.mlc_obj_root))
config.substitutions.append(("%mlc_lib_dir", config.mlc_lib_dir))
config.substitutions.append(("%mlir_dir", config.mlir_dir))
config.substitutions.append(("%cmake_generator", config.cmake_generator))
config.substitutions.append(("%cmake", config.cmake_command))
config.substitutions.append(("%cxx", config.cxx_compiler))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.mlc_tools_dir, config.llvm_tools_dir]
tools = [
    "mlc-opt", "mlc-translate", "mlc-lsp-server", "mlc-run",
    ToolSubst("mlir-opt", unresolved="ignore"),
    "llvm-nm", "llvm-readobj",
]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Executed tests (test/Integration): kernels are compiled with llc into a
# shared library that mlir-runner loads next to its runtime libraries, all
# taken from the LLVM installation mlc builds against. The library
# substitutions come first: %mlir_runner is a prefix of %mlir_runner_utils.
llvm_config.add_tool_substitutions(["llc", "mlir-translate", "split-file"],
                                   [config.llvm_tools_dir])
mlir_runtime_lib_dir = os.path.normpath(
    os.path.join(config.llvm_tools_dir, "..", "lib"))
for runtime_lib in ["mlir_c_runner_utils", "mlir_runner_utils"]:
    config.substitutions.append(
        ("%" + runtime_lib, os.path.join(
            mlir_runtime_lib_dir, "lib" + runtime_lib + config.mlc_shlib_ext)))
config.substitutions.append(
    ("%mlir_runner", os.path.join(config.llvm_tools_dir, "mlir-runner")))

# Debian's interpreter sees python3-numpy (the reference for executed tests);
# the default python3 on PATH may be another build without it.
config.substitutions.append(("%numpy_python", config.numpy_python))

# A sanitized build (MLC_SANITIZE): see sanitizer.py.
sys.path.insert(0, os.path.dirname(__file__))
import sanitizer  # noqa: E402
sanitizer.configure(config)
