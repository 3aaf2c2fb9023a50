"""lit settings of a sanitized build (MLC_SANITIZE, docs/Reliability.md),
shared by the FileCheck suite (lit.cfg.py) and the GoogleTest one
(Unit/lit.cfg.py).

ASan + UBSan are in every mlc binary, and LeakSanitizer runs with the
suppressions of test/lsan.supp (MLIR's and LLVM's own static state).
Instrumented mlc code runs next to uninstrumented LLVM libraries, which
ASan's user poisoning would misreport. The runtime's tests ask for
impossible allocations to check the error path: ASan must return null as
malloc does, not abort. Tests that load mlc's libraries into an
uninstrumented executable (the plugin, the installed package) say
`UNSUPPORTED: sanitizer`.
"""
import os


def configure(config):
    if not getattr(config, "mlc_sanitize", False):
        return
    config.available_features.add("sanitizer")
    config.environment["ASAN_OPTIONS"] = (
        "allow_user_poisoning=0:allocator_may_return_null=1:detect_leaks=1")
    config.environment["LSAN_OPTIONS"] = "suppressions=" + os.path.join(
        config.mlc_src_root, "test", "lsan.supp")
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
