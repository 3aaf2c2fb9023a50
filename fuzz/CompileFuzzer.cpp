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

#include "mlir/Pass/PassManager.h"

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
  pm.addInstrumentation(std::make_unique<mlc::fuzz::AbortOnInvalidIR>());
  // A pass that fails has said why (a diagnostic), which is fine.
  (void)pm.run(*module);
  return 0;
}
