//===- CheckTransformScripts.cpp - Named sequences the interpreter takes --===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The transform interpreter applies each op of a named sequence's body
// through TransformOpInterface. MLIR 22 checks that the children of a
// `transform.sequence` implement it, but not those of a
// `transform.named_sequence`, and the interpreter crashes on another op
// (found by mlc-schedule-fuzzer). mlc-opt runs this check first.
//
//===----------------------------------------------------------------------===//

#include "mlc/Transforms/Passes.h"

#include "mlir/Dialect/Transform/IR/TransformOps.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"

namespace mlc {
#define GEN_PASS_DEF_MLCCHECKTRANSFORMSCRIPTSPASS
#include "mlc/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;

LogicalResult mlc::checkTransformScripts(Operation *root) {
  bool ok = true;
  root->walk([&](transform::NamedSequenceOp sequence) {
    if (sequence.isExternal())
      return;
    for (Operation &op : sequence.getBody().front()) {
      if (isa<transform::TransformOpInterface>(op) ||
          op.hasTrait<OpTrait::IsTerminator>())
        continue;
      op.emitOpError("is not a transform op, but the body of a "
                     "'transform.named_sequence' holds only transform ops "
                     "(the interpreter applies each)")
              .attachNote(sequence.getLoc())
          << "in this named sequence";
      ok = false;
    }
  });
  return success(ok);
}

namespace {
struct MLCCheckTransformScriptsPass
    : public mlc::impl::MLCCheckTransformScriptsPassBase<
          MLCCheckTransformScriptsPass> {
  void runOnOperation() override {
    if (failed(mlc::checkTransformScripts(getOperation())))
      signalPassFailure();
  }
};
} // namespace
