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

#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.h"

#include "mlc/Dialect/TIR/Schedule.h"

#include "TransformOpUtils.h"

using namespace mlir;
using namespace mlc::tir;
using mlc::tir::transform::detail::getSinglePayload;
namespace mt = mlir::transform;

/// Resolves the block and loop handles of a block-moving op and moves the
/// block with `move` (compute_at or reverse_compute_at).
static DiagnosedSilenceableFailure applyBlockMove(
    Operation *transformOp, mt::TransformRewriter &rewriter,
    mt::TransformState &state, Value blockHandle, Value loopHandle,
    DiagnosedSilenceableFailure (*move)(RewriterBase &, BlockOp, ForOp)) {
  BlockOp block;
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(transformOp, state, blockHandle, "tir.block", block);
  if (!diag.succeeded())
    return diag;
  diag = getSinglePayload(transformOp, state, loopHandle, "tir.for", loop);
  if (!diag.succeeded())
    return diag;
  return move(rewriter, block, loop);
}

/// Resolves the loop handle of an op that makes a block of a loop (rfactor,
/// blockize), applies `makeBlock` to the loop and maps `result` to the new
/// block.
static DiagnosedSilenceableFailure applyLoopToBlock(
    Operation *transformOp, mt::TransformResults &results,
    mt::TransformState &state, Value loopHandle, OpResult result,
    function_ref<DiagnosedSilenceableFailure(ForOp, BlockOp &)> makeBlock) {
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(transformOp, state, loopHandle, "tir.for", loop);
  if (!diag.succeeded())
    return diag;
  BlockOp block;
  diag = makeBlock(loop, block);
  if (!diag.succeeded())
    return diag;
  results.set(result, {block.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

namespace mlc::tir::transform {

//===----------------------------------------------------------------------===//
// ComputeAtOp, ReverseComputeAtOp
//===----------------------------------------------------------------------===//

/// Both ops read the block and the loop handle, which stay valid.
void ComputeAtOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getOperation()->getOpOperands(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure ComputeAtOp::apply(mt::TransformRewriter &rewriter,
                                               mt::TransformResults &results,
                                               mt::TransformState &state) {
  return applyBlockMove(*this, rewriter, state, getBlock(), getLoop(),
                        &tir::computeAt);
}

void ReverseComputeAtOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getOperation()->getOpOperands(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure
ReverseComputeAtOp::apply(mt::TransformRewriter &rewriter,
                          mt::TransformResults &results,
                          mt::TransformState &state) {
  return applyBlockMove(*this, rewriter, state, getBlock(), getLoop(),
                        &tir::reverseComputeAt);
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
  return applyLoopToBlock(
      *this, results, state, getLoop(), cast<OpResult>(getRfBlock()),
      [&](ForOp loop, BlockOp &rfBlock) {
        return tir::rfactor(rewriter, loop, getFactorAxis(), rfBlock);
      });
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
  return applyLoopToBlock(*this, results, state, getLoop(),
                          cast<OpResult>(getOuter()),
                          [&](ForOp loop, BlockOp &outer) {
                            return tir::blockize(rewriter, loop, outer);
                          });
}

} // namespace mlc::tir::transform
