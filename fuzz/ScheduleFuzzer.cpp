//===- ScheduleFuzzer.cpp - The transform.tir interpreter on any module ---===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Any text that parses and verifies goes through the transform interpreter
// (its `transform.named_sequence @__transform_main`, as schedules are
// written in the tests), verified as mlc-opt verifies it, then what verifies
// through tir-to-scf, which must leave valid IR.
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
  mlir::MLIRContext &context = mlc::fuzz::getContext();
  // The schedule, verified afterwards as mlc-opt does: a script may leave
  // IR that does not verify (transform.annotate with a name that a dialect
  // reserves), which the pass manager reports as an error.
  mlir::PassManager schedule(&context);
  // As mlc-opt does: MLIR 22's interpreter crashes on a non-transform op in
  // a named sequence.
  schedule.addPass(mlc::createMLCCheckTransformScriptsPass());
  schedule.addPass(mlir::transform::createInterpreterPass());
  if (failed(schedule.run(*module)))
    return 0;
  // The scheduled kernels must lower, leaving valid IR.
  mlir::PassManager lower(&context);
  lower.addPass(mlc::createConvertTIRToSCFPass());
  lower.enableVerifier(false);
  lower.addInstrumentation(std::make_unique<mlc::fuzz::AbortOnInvalidIR>());
  (void)lower.run(*module);
  return 0;
}
