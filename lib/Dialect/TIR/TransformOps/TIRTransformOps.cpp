//===- TIRTransformOps.cpp - transform.tir schedule ops -------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The `transform.tir.*` ops. Each one forwards to a primitive of
// `Dialect/TIR/Schedule.h`, which checks legality and does the rewrite.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.h"

#include "mlc/Dialect/TIR/Schedule.h"
#include "mlc/Dialect/TIR/TIRDialect.h"

#include "TransformOpUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlc::tir;
using mlc::tir::transform::detail::getSinglePayload;
namespace mt = mlir::transform;

//===----------------------------------------------------------------------===//
// Shared helpers (TransformOpUtils.h)
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure mlc::tir::transform::detail::getSinglePayload(
    Operation *transformOp, mt::TransformState &state, Value handle,
    StringRef what, function_ref<bool(Operation *)> isExpected,
    Operation *&result) {
  auto payload = llvm::to_vector(state.getPayloadOps(handle));
  if (payload.size() != 1 || !isExpected(payload.front())) {
    DiagnosedSilenceableFailure diag = emitSilenceableFailure(transformOp)
                                       << "expects a handle to exactly one "
                                       << what << ", but it holds "
                                       << payload.size() << " payload ops";
    for (Operation *op : payload)
      diag.attachNote(op->getLoc()) << "payload op";
    return diag;
  }
  result = payload.front();
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

/// Parses `[f0, f1, ...]` where a factor is a positive integer or `?`.
static ParseResult parseSplitFactors(OpAsmParser &parser,
                                     DenseI64ArrayAttr &factors) {
  SmallVector<int64_t> values;
  if (parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Square, [&]() -> ParseResult {
            if (succeeded(parser.parseOptionalQuestion())) {
              values.push_back(kInferredFactor);
              return success();
            }
            return parser.parseInteger(values.emplace_back());
          }))
    return failure();
  factors = parser.getBuilder().getDenseI64ArrayAttr(values);
  return success();
}

static void printSplitFactors(OpAsmPrinter &p, Operation *,
                              DenseI64ArrayAttr factors) {
  p << '[';
  llvm::interleaveComma(factors.asArrayRef(), p, [&](int64_t factor) {
    if (factor == kInferredFactor)
      p << '?';
    else
      p << factor;
  });
  p << ']';
}

#define GET_OP_CLASSES
#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.cpp.inc"

namespace mlc::tir::transform {

//===----------------------------------------------------------------------===//
// GetBlockOp
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure GetBlockOp::apply(mt::TransformRewriter &rewriter,
                                              mt::TransformResults &results,
                                              mt::TransformState &state) {
  SmallVector<Operation *> blocks;
  for (Operation *target : state.getPayloadOps(getTarget())) {
    BlockOp block;
    DiagnosedSilenceableFailure diag =
        tir::getBlock(target, getBlockName(), block);
    if (!diag.succeeded())
      return diag;
    blocks.push_back(block);
  }
  results.set(cast<OpResult>(getResult()), blocks);
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// GetLoopsOp
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure GetLoopsOp::apply(mt::TransformRewriter &rewriter,
                                              mt::TransformResults &results,
                                              mt::TransformState &state) {
  SmallVector<SmallVector<Operation *>> loops(getNumResults());
  for (Operation *target : state.getPayloadOps(getTarget())) {
    auto block = dyn_cast<BlockOp>(target);
    if (!block) {
      DiagnosedSilenceableFailure diag = emitSilenceableError()
                                         << "expects a handle to tir.block ops";
      diag.attachNote(target->getLoc()) << "payload op";
      return diag;
    }
    SmallVector<ForOp> enclosing = tir::getLoops(block);
    if (enclosing.size() != getNumResults()) {
      DiagnosedSilenceableFailure diag =
          emitSilenceableError()
          << "expects " << getNumResults() << " results, one per loop, but "
          << "the block has " << enclosing.size() << " enclosing loop(s)";
      diag.attachNote(block.getLoc())
          << "block \"" << block.getNameHint() << "\"";
      return diag;
    }
    for (auto [list, loop] : llvm::zip_equal(loops, enclosing))
      list.push_back(loop);
  }
  for (auto [result, list] : llvm::zip_equal(getLoops(), loops))
    results.set(cast<OpResult>(result), list);
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// ParallelOp, VectorizeOp, UnrollOp, BindOp, AnnotateOp
//===----------------------------------------------------------------------===//

/// The in-place ops read their handle and modify the payload.
#define MLC_IN_PLACE_EFFECTS(OpTy)                                             \
  void OpTy::getEffects(                                                       \
      SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {               \
    mt::onlyReadsHandle(getTargetMutable(), effects);                          \
    mt::modifiesPayload(effects);                                              \
  }
MLC_IN_PLACE_EFFECTS(ParallelOp)
MLC_IN_PLACE_EFFECTS(VectorizeOp)
MLC_IN_PLACE_EFFECTS(UnrollOp)
MLC_IN_PLACE_EFFECTS(BindOp)
MLC_IN_PLACE_EFFECTS(AnnotateOp)
#undef MLC_IN_PLACE_EFFECTS

DiagnosedSilenceableFailure
ParallelOp::applyToOne(mt::TransformRewriter &rewriter, ForOp target,
                       mt::ApplyToEachResultList &results,
                       mt::TransformState &state) {
  return tir::setLoopKind(rewriter, target, ForKind::Parallel);
}

DiagnosedSilenceableFailure
VectorizeOp::applyToOne(mt::TransformRewriter &rewriter, ForOp target,
                        mt::ApplyToEachResultList &results,
                        mt::TransformState &state) {
  return tir::setLoopKind(rewriter, target, ForKind::Vectorized);
}

DiagnosedSilenceableFailure
UnrollOp::applyToOne(mt::TransformRewriter &rewriter, ForOp target,
                     mt::ApplyToEachResultList &results,
                     mt::TransformState &state) {
  return tir::setLoopKind(rewriter, target, ForKind::Unrolled);
}

LogicalResult BindOp::verify() {
  if (!symbolizeThreadTag(getThread()))
    return emitOpError("unknown thread tag '") << getThread() << "'";
  return success();
}

DiagnosedSilenceableFailure
BindOp::applyToOne(mt::TransformRewriter &rewriter, ForOp target,
                   mt::ApplyToEachResultList &results,
                   mt::TransformState &state) {
  return tir::bind(rewriter, target, *symbolizeThreadTag(getThread()));
}

DiagnosedSilenceableFailure
AnnotateOp::applyToOne(mt::TransformRewriter &rewriter, ForOp target,
                       mt::ApplyToEachResultList &results,
                       mt::TransformState &state) {
  tir::annotate(rewriter, target, getAnnotations());
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// SplitOp
//===----------------------------------------------------------------------===//

LogicalResult SplitOp::verify() {
  ArrayRef<int64_t> factors = getFactors();
  if (factors.empty())
    return emitOpError("expects at least one factor");
  if (llvm::count(factors, kInferredFactor) > 1)
    return emitOpError("expects at most one inferred factor '?'");
  for (int64_t factor : factors)
    if (factor != kInferredFactor && factor <= 0)
      return emitOpError("expects positive factors, but got ") << factor;
  if (getNumResults() != factors.size())
    return emitOpError("expects one result per factor (")
           << factors.size() << "), but has " << getNumResults();
  return success();
}

void SplitOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getTargetMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure SplitOp::apply(mt::TransformRewriter &rewriter,
                                           mt::TransformResults &results,
                                           mt::TransformState &state) {
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(*this, state, getTarget(), "tir.for", loop);
  if (!diag.succeeded())
    return diag;
  SmallVector<ForOp> loops;
  diag = tir::split(rewriter, loop, getFactors(), loops);
  if (!diag.succeeded())
    return diag;
  for (auto [result, newLoop] : llvm::zip_equal(getLoops(), loops))
    results.set(cast<OpResult>(result), {newLoop.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// ReorderOp
//===----------------------------------------------------------------------===//

void ReorderBlockIterVarOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::consumesHandle(getTargetMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure ReorderBlockIterVarOp::applyToOne(
    mt::TransformRewriter &rewriter, BlockOp target,
    mt::ApplyToEachResultList &results, mt::TransformState &state) {
  BlockOp result;
  DiagnosedSilenceableFailure diag =
      tir::reorderBlockIterVars(rewriter, target, getOrder(), result);
  if (diag.succeeded())
    results.push_back(result);
  return diag;
}

void ReorderOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getTargetsMutable(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure ReorderOp::apply(mt::TransformRewriter &rewriter,
                                             mt::TransformResults &results,
                                             mt::TransformState &state) {
  SmallVector<ForOp> order;
  for (Value handle : getTargets()) {
    DiagnosedSilenceableFailure diag =
        getSinglePayload(*this, state, handle, "tir.for", order.emplace_back());
    if (!diag.succeeded())
      return diag;
  }
  return tir::reorder(rewriter, order);
}

//===----------------------------------------------------------------------===//
// FuseOp
//===----------------------------------------------------------------------===//

void FuseOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getOuterMutable(), effects);
  mt::onlyReadsHandle(getInnerMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure FuseOp::apply(mt::TransformRewriter &rewriter,
                                          mt::TransformResults &results,
                                          mt::TransformState &state) {
  ForOp outer, inner, fused;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(*this, state, getOuter(), "tir.for", outer);
  if (!diag.succeeded())
    return diag;
  diag = getSinglePayload(*this, state, getInner(), "tir.for", inner);
  if (!diag.succeeded())
    return diag;
  diag = tir::fuse(rewriter, outer, inner, fused);
  if (!diag.succeeded())
    return diag;
  results.set(cast<OpResult>(getFused()), {fused.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// DecomposeReductionOp
//===----------------------------------------------------------------------===//

void DecomposeReductionOp::getEffects(
    SmallVectorImpl<MemoryEffects::EffectInstance> &effects) {
  mt::onlyReadsHandle(getBlockMutable(), effects);
  mt::onlyReadsHandle(getLoopMutable(), effects);
  mt::producesHandle(getOperation()->getOpResults(), effects);
  mt::modifiesPayload(effects);
}

DiagnosedSilenceableFailure
DecomposeReductionOp::apply(mt::TransformRewriter &rewriter,
                            mt::TransformResults &results,
                            mt::TransformState &state) {
  BlockOp block;
  ForOp loop;
  DiagnosedSilenceableFailure diag =
      getSinglePayload(*this, state, getBlock(), "tir.block", block);
  if (!diag.succeeded())
    return diag;
  diag = getSinglePayload(*this, state, getLoop(), "tir.for", loop);
  if (!diag.succeeded())
    return diag;
  BlockOp init;
  diag = tir::decomposeReduction(rewriter, block, loop, init);
  if (!diag.succeeded())
    return diag;
  results.set(cast<OpResult>(getInit()), {init.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

} // namespace mlc::tir::transform

//===----------------------------------------------------------------------===//
// Extension
//===----------------------------------------------------------------------===//

namespace {
class TIRTransformDialectExtension
    : public mt::TransformDialectExtension<TIRTransformDialectExtension> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(TIRTransformDialectExtension)

  TIRTransformDialectExtension() {
    declareGeneratedDialect<TIRDialect>();
    declareGeneratedDialect<arith::ArithDialect>();
    // Tensor intrinsics emit micro-kernels in these.
    declareGeneratedDialect<scf::SCFDialect>();
    declareGeneratedDialect<vector::VectorDialect>();
    registerTransformOps<
#define GET_OP_LIST
#include "mlc/Dialect/TIR/TransformOps/TIRTransformOps.cpp.inc"
        >();
  }
};
} // namespace

void mlc::tir::registerTransformDialectExtension(DialectRegistry &registry) {
  registry.addExtensions<TIRTransformDialectExtension>();
}
