//===- Blockize.cpp - TensorIR blockize -----------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `blockize` of a loop: the subtree under the loop becomes the body
// of a new outer block, whose iteration variables take over the parts of
// the inner block's bindings that depend on the loops outside (TVM's
// subspace division, for bindings of the forms `outer`, `inner` and
// `outer * c + inner`). All checks run before the IR is touched.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "ScheduleUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace mlc::tir;
using namespace mlc::tir::detail;

namespace {
/// How one binding of the inner block divides into the outer and inner
/// loops: `outer * factor + inner`, where either part may be absent.
struct Division {
  /// The part over the loops outside (dims and symbols of the affine map),
  /// divided by `factor`; null when the binding uses no outer loop.
  AffineExpr outer;
  /// The dim of the inner loop, or -1.
  int inner = -1;
  int64_t factor = 1;
};
} // namespace

/// Divides `expr` (over the outer loops, then the inner loops from
/// `firstInner`) into `outer * c + inner` with `inner` one inner loop from
/// 0 with trip count `c`, or fails.
static std::optional<Division> divide(AffineExpr expr, unsigned firstInner,
                                      ArrayRef<ForOp> dimLoops,
                                      unsigned numSymbols) {
  MLIRContext *ctx = expr.getContext();
  SmallVector<AffineExpr> zeroInner;
  for (unsigned d = 0, e = dimLoops.size(); d < e; ++d)
    zeroInner.push_back(d < firstInner ? getAffineDimExpr(d, ctx)
                                       : getAffineConstantExpr(0, ctx));
  AffineExpr base = simplifyAffineExpr(expr.replaceDims(zeroInner),
                                       dimLoops.size(), numSymbols);
  AffineExpr rest =
      simplifyAffineExpr(expr - base, dimLoops.size(), numSymbols);
  Division division;
  bool hasOuter = base != getAffineConstantExpr(0, ctx);
  if (rest == getAffineConstantExpr(0, ctx)) {
    division.outer = base;
    return division;
  }
  auto dim = dyn_cast<AffineDimExpr>(rest);
  if (!dim || dim.getPosition() < firstInner)
    return std::nullopt;
  ForOp loop = dimLoops[dim.getPosition()];
  std::optional<int64_t> trip = loop.getConstantTripCount();
  std::optional<int64_t> step =
      loop.getStep() ? getConstantIntValue(loop.getStep()) : 1;
  if (getConstantIntValue(loop.getLowerBound()) != 0 || !trip || step != 1)
    return std::nullopt;
  division.inner = dim.getPosition();
  if (!hasOuter)
    return division;
  // base == c * outer exactly.
  AffineExpr quotient = base.floorDiv(*trip);
  if (simplifyAffineExpr(quotient * *trip - base, dimLoops.size(),
                         numSymbols) != getAffineConstantExpr(0, ctx))
    return std::nullopt;
  division.outer = simplifyAffineExpr(quotient, dimLoops.size(), numSymbols);
  division.factor = *trip;
  return division;
}

/// The ops under `loop` that are left without users once the inner block's
/// bindings are replaced: memory-effect-free index computations whose
/// results feed only those bindings or other such ops.
static llvm::DenseSet<Operation *> findDeadBindingOps(ForOp loop,
                                                      BlockOp block) {
  llvm::DenseSet<Operation *> dead;
  SmallVector<Operation *> ops;
  loop.getBody()->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == block.getOperation())
      return WalkResult::skip();
    ops.push_back(op);
    return WalkResult::advance();
  });
  // Operand group 1 of a tir.block is its bindings.
  auto [bindingsBegin, numBindings] = block.getODSOperandIndexAndLength(1);
  unsigned begin = bindingsBegin, bindingsEnd = bindingsBegin + numBindings;
  for (Operation *op : llvm::reverse(ops)) {
    if (op->getNumRegions() != 0 || !isMemoryEffectFree(op) ||
        op->getNumResults() == 0)
      continue;
    bool unused = llvm::all_of(op->getUses(), [&](OpOperand &use) {
      if (use.getOwner() == block.getOperation())
        return use.getOperandNumber() >= begin &&
               use.getOperandNumber() < bindingsEnd;
      return dead.contains(use.getOwner());
    });
    if (unused)
      dead.insert(op);
  }
  return dead;
}

DiagnosedSilenceableFailure mlc::tir::blockize(RewriterBase &rewriter,
                                               ForOp loop, BlockOp &result) {
  // Step 1. Check everything.
  BlockOp block;
  if (DiagnosedSilenceableFailure diag =
          getSingleBlock(loop, "blockize", block);
      !diag.succeeded())
    return diag;
  StringRef name = block.getNameHint();
  auto reject = [&](Operation *at, const Twine &why) {
    return emitSilenceableFailure(at)
           << "cannot blockize block \"" << name << "\": " << why;
  };
  if (block.getPredicate())
    return reject(block, "it has a predicate");

  // The loops: outside `loop` (dims first), then `loop` and the ones in it.
  SmallVector<ForOp> loops = getLoops(block);
  auto *position = llvm::find(loops, loop);
  unsigned numOuter = position - loops.begin();
  LoopAffineMap affine;
  affine.ctx = block.getContext();
  for (ForOp l : loops)
    affine.dims.push_back(l.getInductionVar());
  for (ForOp inner : ArrayRef(loops).drop_front(numOuter))
    if (!inner.getConstantTripCount() ||
        !getConstantIntValue(inner.getLowerBound()))
      return reject(inner, "this loop inside the blockized loop must have "
                           "constant bounds");
  SmallVector<Division> divisions;
  for (auto [i, binding] : llvm::enumerate(block.getBindings())) {
    FailureOr<AffineExpr> expr = affine.get(binding);
    std::optional<Division> division;
    if (succeeded(expr))
      division = divide(*expr, numOuter, loops, affine.symbols.size());
    if (!division)
      return reject(block, "the binding of iteration variable #" + Twine(i) +
                               " is not of the form `outer`, `inner` or "
                               "`outer * c + inner` (inner a loop from 0 "
                               "under the blockized loop)");
    divisions.push_back(*division);
  }
  DominanceInfo dominance(loop);
  for (Value symbol : affine.symbols)
    if (!dominance.properlyDominates(symbol, loop)) {
      DiagnosedSilenceableFailure diag =
          reject(block, "a binding uses a value computed inside the "
                        "blockized loop");
      diag.attachNote(symbol.getLoc()) << "value defined here";
      return diag;
    }

  // Inside the new block nothing but the replaced bindings may use the
  // loops outside it.
  llvm::DenseSet<Operation *> dead = findDeadBindingOps(loop, block);
  SmallVector<Value> outerIvs(affine.dims.begin(),
                              affine.dims.begin() + numOuter);
  auto usesOuter = [&](Value value) {
    return llvm::any_of(outerIvs,
                        [&](Value iv) { return dependsOn(value, iv); });
  };
  Operation *offender = nullptr;
  loop->walk([&](Operation *op) {
    if (dead.contains(op) || block->isProperAncestor(op))
      return WalkResult::advance();
    for (OpOperand &operand : op->getOpOperands()) {
      if (op == block.getOperation() &&
          llvm::is_contained(block.getBindings(), operand.get()))
        continue;
      if (usesOuter(operand.get())) {
        offender = op;
        return WalkResult::interrupt();
      }
    }
    return WalkResult::advance();
  });
  // The verifier keeps loop variables out of extents, region symbols and
  // block bodies, so this guards IR built without verification.
  if (offender) {
    DiagnosedSilenceableFailure diag =
        reject(block, "an op under the loop uses a loop outside it");
    diag.attachNote(offender->getLoc()) << "op using an outer loop";
    return diag;
  }

  // The outer block's variables: one per binding with an outer part. Its
  // regions cover the inner ones over the loops in `loop`: the inner
  // variables are `outer var * c + inner loop` (dims: outer variables, then
  // the loops from `loop` on).
  MLIRContext *ctx = block.getContext();
  SmallVector<int> outerVarOf;
  unsigned numVars = 0;
  for (const Division &division : divisions)
    outerVarOf.push_back(division.outer ? numVars++ : -1);
  SmallVector<ForOp> regionLoops(numVars, ForOp());
  regionLoops.append(position, loops.end());
  SmallVector<AffineExpr> innerVarExprs;
  for (auto [i, division] : llvm::enumerate(divisions)) {
    AffineExpr expr = getAffineConstantExpr(0, ctx);
    if (outerVarOf[i] >= 0)
      expr = getAffineDimExpr(outerVarOf[i], ctx) * division.factor;
    if (division.inner >= 0)
      expr = expr + getAffineDimExpr(numVars + division.inner - numOuter, ctx);
    innerVarExprs.push_back(expr);
  }
  // Region symbols stay symbols of the outer block, whose extents grow by
  // the span of the loops under `loop`.
  unsigned numSymbols = block.getRegionSymbols().size();
  auto cover = [&](ArrayAttr regions,
                   SmallVectorImpl<BufferRegionAttr> &covered) {
    for (BufferRegionAttr region : regions.getAsRange<BufferRegionAttr>()) {
      SmallVector<AffineExpr> starts, extents;
      for (auto [start, extent] :
           llvm::zip_equal(region.getStart().getResults(),
                           region.getExtents().getResults())) {
        auto range = coverInnerLoops(start.replaceDims(innerVarExprs), numVars,
                                     regionLoops, 1);
        if (!range)
          return false;
        starts.push_back(range->first);
        extents.push_back(
            simplifyAffineExpr(extent + (range->second - 1), 0, numSymbols));
      }
      covered.push_back(BufferRegionAttr::get(
          ctx, AffineMap::get(numVars, numSymbols, starts, ctx),
          AffineMap::get(numVars, numSymbols, extents, ctx)));
    }
    return true;
  };
  SmallVector<BufferRegionAttr> readRegions, writeRegions;
  if (!cover(block.getReadRegions(), readRegions) ||
      !cover(block.getWriteRegions(), writeRegions))
    return reject(block, "a region is not linear in the loops under the "
                         "blockized loop");
  for (Value symbol : block.getRegionSymbols()) {
    if (dominance.properlyDominates(symbol, loop))
      continue;
    DiagnosedSilenceableFailure diag =
        reject(block, "a region symbol is computed inside the blockized loop");
    diag.attachNote(symbol.getLoc()) << "value defined here";
    return diag;
  }
  SmallVector<OpFoldResult> innerExtents = block.getMixedExtents();
  for (auto [i, extent] : llvm::enumerate(innerExtents)) {
    auto value = dyn_cast<Value>(extent);
    if (outerVarOf[i] < 0 || !value || dominance.properlyDominates(value, loop))
      continue;
    DiagnosedSilenceableFailure diag =
        reject(block, "the extent of iteration variable #" + Twine(i) +
                          " is computed inside the blockized loop");
    diag.attachNote(value.getLoc()) << "value defined here";
    return diag;
  }

  // Step 2. The outer block, of the inner variables' kinds, over
  // ceildiv(extent, c), around the loop.
  Location loc = block.getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(loop);
  SmallVector<IterKind> kinds;
  SmallVector<OpFoldResult> extents;
  SmallVector<Value> bindings;
  for (auto [i, division] : llvm::enumerate(divisions)) {
    if (!division.outer)
      continue;
    kinds.push_back(block.getIterKind(i));
    OpFoldResult extent = innerExtents[i];
    if (division.factor != 1) {
      if (std::optional<int64_t> constant = getConstantIntValue(extent)) {
        extent =
            rewriter.getIndexAttr(llvm::divideCeil(*constant, division.factor));
      } else {
        Value factor = getIndexConstant(rewriter, loop, division.factor);
        extent = arith::CeilDivSIOp::create(rewriter, loc, cast<Value>(extent),
                                            factor)
                     .getResult();
      }
    }
    extents.push_back(extent);
    bindings.push_back(emitIndex(rewriter, loop, division.outer, affine));
  }
  auto outerBlock = BlockOp::create(
      rewriter, loc, (name + "_o").str(), kinds, extents, bindings,
      block.getReads(), readRegions, block.getWrites(), writeRegions,
      /*predicate=*/Value(), block.getRegionSymbols());
  rewriter.moveOpBefore(loop, outerBlock.getBody()->getTerminator());

  // Step 3. The inner bindings over the outer variables, and the old index
  // computations of the outer part gone.
  rewriter.setInsertionPoint(block);
  SmallVector<Value> innerBindings;
  for (auto [i, division] : llvm::enumerate(divisions)) {
    Value outerVar = outerVarOf[i] >= 0
                         ? outerBlock.getBody()->getArgument(outerVarOf[i])
                         : Value();
    Value innerIv =
        division.inner >= 0 ? loops[division.inner].getInductionVar() : Value();
    if (outerVar && division.factor != 1) {
      Value factor = getIndexConstant(rewriter, block, division.factor);
      outerVar = arith::MulIOp::create(rewriter, loc, outerVar, factor);
    }
    if (outerVar && innerIv)
      innerBindings.push_back(
          arith::AddIOp::create(rewriter, loc, outerVar, innerIv));
    else
      innerBindings.push_back(outerVar ? outerVar : innerIv);
  }
  rewriter.modifyOpInPlace(
      block, [&] { block.getBindingsMutable().assign(innerBindings); });
  SmallVector<Operation *> deadOps(dead.begin(), dead.end());
  // Users first: an op is erased only when nothing uses it any more.
  while (!deadOps.empty()) {
    auto *it =
        llvm::find_if(deadOps, [](Operation *op) { return op->use_empty(); });
    rewriter.eraseOp(*it);
    deadOps.erase(it);
  }
  result = outerBlock;
  return DiagnosedSilenceableFailure::success();
}
