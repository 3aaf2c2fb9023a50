//===- CompileFuzzer.cpp - The CPU pipeline on any module that verifies ---===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Any text that parses and verifies goes through --mlc-compile for a fixed
// x86-64 target (no host detection per input). Every pass must either
// succeed or fail with a diagnostic; none may crash or leave IR that no
// longer verifies.
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "mlc/Pipelines/Pipelines.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

namespace {
/// A pass that succeeds must leave valid IR: a crash for the fuzzer (the
/// pass manager's own verifier would turn it into a quiet failure).
struct AbortOnInvalidIR : public mlir::PassInstrumentation {
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override {
    if (succeeded(mlir::verify(op)))
      return;
    llvm::errs() << "pass '" << pass->getArgument()
                 << "' succeeded but left invalid IR\n";
    std::abort();
  }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::OwningOpRef<mlir::ModuleOp> module = mlc::fuzz::parse(data, size);
  if (!module)
    return 0;
  mlir::PassManager pm(&mlc::fuzz::getContext());
  mlc::CompileOptions options;
  options.arch = "x86-64";
  options.features = "+sse2";
  mlc::buildCompilePipeline(pm, options);
  pm.enableVerifier(false);
  pm.addInstrumentation(std::make_unique<AbortOnInvalidIR>());
  // A pass that fails has said why (a diagnostic), which is fine.
  (void)pm.run(*module);
  return 0;
}
