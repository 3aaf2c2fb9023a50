//===- ComputeLocationTransformOps.cpp - transform.tir ops ----------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The transform ops of compute_at, reverse_compute_at, rfactor, pad_einsum
// and blockize; their classes are generated in TIRTransformOps.cpp.
//
//===----------------------------------------------------------------------===//

#include "Dialect/TIR/TransformOps/TIRTransformOps.h"

#include "Dialect/TIR/Schedule.h"

using namespace mlir;
using namespace mlc::tir;
namespace mt = mlir::transform;

/// The single payload op of type `OpTy` that `handle` points to, or a
/// silenceable failure.
template <typename OpTy>
static DiagnosedSilenceableFailure
getSinglePayload(Operation *transformOp, mt::TransformState &state,
                 Value handle, StringRef what, OpTy &result) {
  auto payload = llvm::to_vector(state.getPayloadOps(handle));
  if (payload.size() != 1 || !isa<OpTy>(payload.front())) {
    DiagnosedSilenceableFailure diag = emitSilenceableFailure(transformOp)
                                       << "expects a handle to exactly one "
                                       << what << ", but it holds "
                                       << payload.size() << " payload ops";
    for (Operation *op : payload)
      diag.attachNote(op->getLoc()) << "payload op";
    return diag;
  }
  result = cast<OpTy>(payload.front());
  return DiagnosedSilenceableFailure::success();
}

/// Resolves the block and loop handles of a block-moving op.
static DiagnosedSilenceableFailure
getBlockAndLoop(Operation *transformOp, mt::TransformState &state,
                Value blockHandle, Value loopHandle, BlockOp &block,
                ForOp &loop) {
  DiagnosedSilenceableFailure diag =
      getSinglePayload(transformOp, state, blockHandle, "tir.block", block);
  if (!diag.succeeded())
    return diag;
  return getSinglePayload(transformOp, state, loopHandle, "tir.for", loop);
}

namespace mlc::tir::transform {

//===----------------------------------------------------------------------===//
// ComputeAtOp, ReverseComputeAtOp
//===----------------------------------------------------------------------===//

void ComputeAtOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getBlockMutable(), effects);
  mt::onlyReadsHandle(getLoopMutable(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure ComputeAtOp::apply(mt::TransformRewriter &rewriter,
                                               mt::TransformResults &results,
                                               mt::TransformState &state) {
  BlockOp block;
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getBlockAndLoop(*this, state, getBlock(), getLoop(), block, loop);
  if (!diag.succeeded())
    return diag;
  return tir::computeAt(rewriter, block, loop);
}

void ReverseComputeAtOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getBlockMutable(), effects);
  mt::onlyReadsHandle(getLoopMutable(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure
ReverseComputeAtOp::apply(mt::TransformRewriter &rewriter,
                          mt::TransformResults &results,
                          mt::TransformState &state) {
  BlockOp block;
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getBlockAndLoop(*this, state, getBlock(), getLoop(), block, loop);
  if (!diag.succeeded())
    return diag;
  return tir::reverseComputeAt(rewriter, block, loop);
}

//===----------------------------------------------------------------------===//
// RFactorOp
//===----------------------------------------------------------------------===//

void RFactorOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getLoopMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure RFactorOp::apply(mt::TransformRewriter &rewriter,
                                             mt::TransformResults &results,
                                             mt::TransformState &state) {
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(*this, state, getLoop(), "tir.for", loop);
  if (!diag.succeeded())
    return diag;
  BlockOp rfBlock;
  diag = tir::rfactor(rewriter, loop, getFactorAxis(), rfBlock);
  if (!diag.succeeded())
    return diag;
  results.set(cast<OpResult>(getRfBlock()), {rfBlock.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// PadEinsumOp
//===----------------------------------------------------------------------===//

void PadEinsumOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getBlockMutable(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure PadEinsumOp::apply(mt::TransformRewriter &rewriter,
                                               mt::TransformResults &results,
                                               mt::TransformState &state) {
  BlockOp block;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(*this, state, getBlock(), "tir.block", block);
  if (!diag.succeeded())
    return diag;
  return tir::padEinsum(rewriter, block, getPadding());
}

//===----------------------------------------------------------------------===//
// BlockizeOp
//===----------------------------------------------------------------------===//

void BlockizeOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getLoopMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure BlockizeOp::apply(mt::TransformRewriter &rewriter,
                                              mt::TransformResults &results,
                                              mt::TransformState &state) {
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(*this, state, getLoop(), "tir.for", loop);
  if (!diag.succeeded())
    return diag;
  BlockOp outer;
  diag = tir::blockize(rewriter, loop, outer);
  if (!diag.succeeded())
    return diag;
  results.set(cast<OpResult>(getOuter()), {outer.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

} // namespace mlc::tir::transform
