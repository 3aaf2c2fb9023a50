//===- ScheduleFuzzer.cpp - The transform.tir interpreter on any module ---===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Any text that parses and verifies goes through the transform interpreter
// (its `transform.named_sequence @__transform_main`, as schedules are
// written in the tests), then through tir-to-scf, so that a schedule
// primitive that succeeds must leave IR that verifies and still lowers.
// Seeded with the schedule tests of test/Dialect/TIR.
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "mlc/Conversion/Passes.h"
#include "mlc/Transforms/Passes.h"

#include "mlir/Dialect/Transform/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::OwningOpRef<mlir::ModuleOp> module = mlc::fuzz::parse(data, size);
  if (!module)
    return 0;
  mlir::PassManager pm(&mlc::fuzz::getContext());
  // As mlc-opt does: MLIR 22's interpreter crashes on a non-transform op in
  // a named sequence.
  pm.addPass(mlc::createMLCCheckTransformScriptsPass());
  pm.addPass(mlir::transform::createInterpreterPass());
  pm.addPass(mlc::createConvertTIRToSCFPass());
  pm.enableVerifier(false);
  pm.addInstrumentation(std::make_unique<mlc::fuzz::AbortOnInvalidIR>());
  // A pass that fails has said why (a diagnostic), which is fine.
  (void)pm.run(*module);
  return 0;
}
