//===- TensorizeTransformOps.cpp - transform.tir ops
//------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.h"

#include "TransformOpUtils.h"
#include "mlc/Dialect/TIR/Schedule.h"

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
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      detail::getSinglePayload(*this, state, getLoop(), "tir.for", loop);
  if (!diag.succeeded())
    return diag;
  BlockOp block;
  diag = tir::tensorize(rewriter, loop, getIntrinsic(), block);
  if (!diag.succeeded())
    return diag;
  results.set(cast<OpResult>(getResult()), {block.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

} // namespace mlc::tir::transform
