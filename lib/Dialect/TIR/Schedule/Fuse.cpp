//===- Fuse.cpp - TensorIR fuse schedule primitive ------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `fuse` for two directly nested loops. All checks run before the IR
// is touched.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlc::tir;

/// Checks that `loop` may take part in a fuse.
static DiagnosedSilenceableFailure checkFusable(ForOp loop) {
  if (std::optional<ThreadTag> tag = loop.getThread())
    return emitSilenceableFailure(loop)
           << "cannot fuse this loop: it is bound to thread axis '"
           << stringifyThreadTag(*tag) << "'";
  std::optional<int64_t> lb = getConstantIntValue(loop.getLowerBound());
  std::optional<int64_t> step =
      loop.getStep() ? getConstantIntValue(loop.getStep()) : 1;
  if (lb != 0 || step != 1)
    return emitSilenceableFailure(loop)
           << "can only fuse loops that start at 0 with step 1";
  return DiagnosedSilenceableFailure::success();
}

/// Sets the insertion point of `rewriter` right after the definition of
/// `value` (the start of its block for a block argument).
static void setInsertionPointAfterDef(RewriterBase &rewriter, Value value) {
  if (Operation *def = value.getDefiningOp())
    rewriter.setInsertionPointAfter(def);
  else
    rewriter.setInsertionPointToStart(value.getParentBlock());
}

/// Whether the definition of `a` comes no later than that of `b`, given that
/// both dominate one op (so their blocks lie on one chain of ancestors).
static bool isDefinedNoLaterThan(Value a, Value b) {
  Block *blockA = a.getParentBlock(), *blockB = b.getParentBlock();
  if (blockA != blockB)
    return blockA->getParentOp()->isProperAncestor(blockB->getParentOp());
  Operation *defA = a.getDefiningOp(), *defB = b.getDefiningOp();
  if (!defA)
    return true;
  if (!defB)
    return false;
  return defA == defB || defA->isBeforeInBlock(defB);
}

DiagnosedSilenceableFailure mlc::tir::fuse(RewriterBase &rewriter, ForOp outer,
                                           ForOp inner, ForOp &result) {
  // Step 1. Check everything.
  if (outer == inner)
    return emitSilenceableFailure(outer) << "cannot fuse a loop with itself";
  if (inner->getParentOp() != outer.getOperation()) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(outer)
        << "cannot fuse loops that are not directly nested: the second loop "
           "must be directly inside the first";
    diag.attachNote(inner.getLoc()) << "second loop";
    return diag;
  }
  for (ForOp loop : {outer, inner}) {
    DiagnosedSilenceableFailure diag = checkFusable(loop);
    if (!diag.succeeded())
      return diag;
  }
  SmallVector<Operation *> content;
  for (Operation &op : outer.getBody()->without_terminator()) {
    if (&op == inner.getOperation())
      continue;
    if (op.getNumRegions() == 0 && isMemoryEffectFree(&op)) {
      content.push_back(&op);
      continue;
    }
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(outer)
        << "cannot fuse loops that are not perfectly nested";
    diag.attachNote(op.getLoc()) << "this op is between the loops";
    return diag;
  }
  Value outerExtent = outer.getUpperBound();
  Value innerExtent = inner.getUpperBound();
  for (Value bound : inner->getOperands()) {
    if (!outer->isAncestor(bound.getParentBlock()->getParentOp()))
      continue;
    return emitSilenceableFailure(inner)
           << "cannot fuse: the bounds of this loop are computed inside the "
              "outer loop";
  }
  std::optional<int64_t> outerConst = getConstantIntValue(outerExtent);
  std::optional<int64_t> innerConst = getConstantIntValue(innerExtent);
  int64_t product = 0;
  if (outerConst && innerConst &&
      llvm::MulOverflow(*outerConst, *innerConst, product))
    return emitSilenceableFailure(outer)
           << "cannot fuse: the fused extent " << *outerConst << " * "
           << *innerConst << " overflows int64";

  // Step 2. The fused extent, as early as possible so that later primitives
  // (reorder, fuse) see a loop-invariant bound.
  Location loc = outer.getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  auto func = outer->getParentOfType<PrimFuncOp>();
  Value extent;
  if (outerConst && innerConst) {
    if (func) {
      Block &entry = func.getBody().front();
      for (Operation &op : entry)
        if (auto existing = dyn_cast<arith::ConstantIndexOp>(op);
            existing && existing.value() == product) {
          extent = existing;
          break;
        }
      if (!extent) {
        rewriter.setInsertionPointToStart(&entry);
        extent = arith::ConstantIndexOp::create(rewriter, loc, product);
      }
    } else {
      rewriter.setInsertionPoint(outer);
      extent = arith::ConstantIndexOp::create(rewriter, loc, product);
    }
  } else {
    setInsertionPointAfterDef(
        rewriter, isDefinedNoLaterThan(outerExtent, innerExtent) ? innerExtent
                                                                 : outerExtent);
    extent = arith::MulIOp::create(rewriter, loc, outerExtent, innerExtent);
  }

  // Step 3. The fused loop, the old variables and the bodies.
  ForKind kind =
      outer.getKind() == inner.getKind() ? outer.getKind() : ForKind::Serial;
  rewriter.setInsertionPoint(outer);
  auto fused = ForOp::create(rewriter, loc, outer.getLowerBound(), extent,
                             /*step=*/Value(), kind);
  Block *body = fused.getBody();
  rewriter.setInsertionPointToStart(body);
  Value iv = fused.getInductionVar();
  Value outerIv = arith::FloorDivSIOp::create(rewriter, loc, iv, innerExtent);
  Value innerIv = arith::RemSIOp::create(rewriter, loc, iv, innerExtent);
  Operation *terminator = body->getTerminator();
  rewriter.replaceAllUsesWith(outer.getInductionVar(), outerIv);
  for (Operation *op : content)
    rewriter.moveOpBefore(op, terminator);
  Block *innerBody = inner.getBody();
  rewriter.eraseOp(innerBody->getTerminator());
  rewriter.inlineBlockBefore(innerBody, terminator, ValueRange{innerIv});
  rewriter.eraseOp(inner);
  rewriter.eraseOp(outer);
  result = fused;
  return DiagnosedSilenceableFailure::success();
}
