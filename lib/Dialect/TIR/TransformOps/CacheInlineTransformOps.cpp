//===- CacheInlineTransformOps.cpp - transform.tir ops
//---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// get_producers, get_consumers, compute_inline, reverse_compute_inline,
// cache_read, cache_write and storage_align: each forwards to its primitive
// in `Dialect/TIR/Schedule.h`.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.h"

#include "mlc/Dialect/TIR/Schedule.h"

#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace mlc::tir;
namespace mt = mlir::transform;

namespace mlc::tir::transform {

//===----------------------------------------------------------------------===//
// GetProducersOp, GetConsumersOp
//===----------------------------------------------------------------------===//

/// Sets `result` to the blocks `related` returns for each payload block of
/// `target`, each once.
static DiagnosedSilenceableFailure
applyBlockNavigation(Operation *transformOp, mt::TransformResults &results,
                     mt::TransformState &state, Value target, OpResult result,
                     SmallVector<BlockOp> (*related)(BlockOp)) {
  llvm::SetVector<Operation *> blocks;
  for (Operation *payload : state.getPayloadOps(target)) {
    auto block = dyn_cast<BlockOp>(payload);
    if (!block) {
      DiagnosedSilenceableFailure diag = emitSilenceableFailure(transformOp)
                                         << "expects a handle to tir.block ops";
      diag.attachNote(payload->getLoc()) << "payload op";
      return diag;
    }
    for (BlockOp other : related(block))
      blocks.insert(other);
  }
  results.set(result, blocks.getArrayRef());
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure
GetProducersOp::apply(mt::TransformRewriter &rewriter,
                      mt::TransformResults &results,
                      mt::TransformState &state) {
  return applyBlockNavigation(*this, results, state, getTarget(),
                              cast<OpResult>(getResult()), &tir::getProducers);
}

DiagnosedSilenceableFailure
GetConsumersOp::apply(mt::TransformRewriter &rewriter,
                      mt::TransformResults &results,
                      mt::TransformState &state) {
  return applyBlockNavigation(*this, results, state, getTarget(),
                              cast<OpResult>(getResult()), &tir::getConsumers);
}

//===----------------------------------------------------------------------===//
// ComputeInlineOp, ReverseComputeInlineOp
//===----------------------------------------------------------------------===//

/// The inlining ops erase their blocks, so they consume the handle.
void ComputeInlineOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::consumesHandle(getTargetMutable(), effects);
  mt::modifiesPayload(effects);
}

void ReverseComputeInlineOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::consumesHandle(getTargetMutable(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure
ComputeInlineOp::applyToOne(mt::TransformRewriter &rewriter, BlockOp target,
                            mt::ApplyToEachResultList &results,
                            mt::TransformState &state) {
  return tir::computeInline(rewriter, target);
}

DiagnosedSilenceableFailure ReverseComputeInlineOp::applyToOne(
    mt::TransformRewriter &rewriter, BlockOp target,
    mt::ApplyToEachResultList &results, mt::TransformState &state) {
  return tir::reverseComputeInline(rewriter, target);
}

//===----------------------------------------------------------------------===//
// CacheReadOp, CacheWriteOp
//===----------------------------------------------------------------------===//

/// Checks the buffer index and the storage scope of a cache op.
static LogicalResult verifyCacheOp(Operation *op, int64_t bufferIndex,
                                   StringRef scope) {
  if (bufferIndex < 0)
    return op->emitOpError("expects a non-negative buffer index, but got ")
           << bufferIndex;
  if (!symbolizeStorageScope(scope))
    return op->emitOpError("unknown storage scope '") << scope << "'";
  return success();
}

LogicalResult CacheReadOp::verify() {
  return verifyCacheOp(*this, getBufferIndex(), getStorageScope());
}

LogicalResult CacheWriteOp::verify() {
  return verifyCacheOp(*this, getBufferIndex(), getStorageScope());
}

void CacheReadOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getTargetMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

void CacheWriteOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getTargetMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

/// Applies `cache` (cache_read or cache_write) to `target` and returns the
/// copy block it creates.
static DiagnosedSilenceableFailure applyCacheOp(
    RewriterBase &rewriter, BlockOp target, unsigned bufferIndex,
    StringRef scope, mt::ApplyToEachResultList &results,
    DiagnosedSilenceableFailure (*cache)(RewriterBase &, BlockOp, unsigned,
                                         StorageScope, BlockOp &)) {
  BlockOp copy;
  DiagnosedSilenceableFailure diag =
      cache(rewriter, target, bufferIndex, *symbolizeStorageScope(scope), copy);
  if (!diag.succeeded())
    return diag;
  results.push_back(copy);
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure
CacheReadOp::applyToOne(mt::TransformRewriter &rewriter, BlockOp target,
                        mt::ApplyToEachResultList &results,
                        mt::TransformState &state) {
  return applyCacheOp(rewriter, target, getBufferIndex(), getStorageScope(),
                      results, &tir::cacheRead);
}

DiagnosedSilenceableFailure
CacheWriteOp::applyToOne(mt::TransformRewriter &rewriter, BlockOp target,
                         mt::ApplyToEachResultList &results,
                         mt::TransformState &state) {
  return applyCacheOp(rewriter, target, getBufferIndex(), getStorageScope(),
                      results, &tir::cacheWrite);
}

//===----------------------------------------------------------------------===//
// StorageAlignOp
//===----------------------------------------------------------------------===//

LogicalResult StorageAlignOp::verify() {
  if (getBufferIndex() < 0)
    return emitOpError("expects a non-negative buffer index, but got ")
           << getBufferIndex();
  if (getFactor() <= 0)
    return emitOpError("expects a positive factor, but got ") << getFactor();
  if (getOffset() < 0 || getOffset() >= getFactor())
    return emitOpError("expects an offset in [0, factor), but got ")
           << getOffset();
  return success();
}

void StorageAlignOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getTargetMutable(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure
StorageAlignOp::applyToOne(mt::TransformRewriter &rewriter, BlockOp target,
                           mt::ApplyToEachResultList &results,
                           mt::TransformState &state) {
  return tir::storageAlign(rewriter, target, getBufferIndex(), getAxis(),
                           getFactor(), getOffset());
}

} // namespace mlc::tir::transform
