//===- TensorizeTransformOps.cpp - transform.tir ops
//------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "Dialect/TIR/TransformOps/TIRTransformOps.h"

#include "Dialect/TIR/Schedule.h"

using namespace mlir;
using namespace mlc::tir;
namespace mt = mlir::transform;

namespace mlc::tir::transform {

void TensorizeOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::consumesHandle(getLoopMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure TensorizeOp::apply(mt::TransformRewriter &rewriter,
                                               mt::TransformResults &results,
                                               mt::TransformState &state) {
  auto payload = llvm::to_vector(state.getPayloadOps(getLoop()));
  if (payload.size() != 1 || !isa<ForOp>(payload.front())) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableError()
        << "expects a handle to exactly one tir.for, but it holds "
        << payload.size() << " payload ops";
    for (Operation *op : payload)
      diag.attachNote(op->getLoc()) << "payload op";
    return diag;
  }
  BlockOp block;
  DiagnosedSilenceableFailure diag = tir::tensorize(
      rewriter, cast<ForOp>(payload.front()), getIntrinsic(), block);
  if (!diag.succeeded())
    return diag;
  results.set(cast<OpResult>(getResult()), {block.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

} // namespace mlc::tir::transform
