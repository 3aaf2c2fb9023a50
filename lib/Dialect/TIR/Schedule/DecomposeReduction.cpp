//===- DecomposeReduction.cpp - TensorIR decompose_reduction --------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `decompose_reduction`: the init region of a reduction block becomes
// a block of its own in front of a given loop. All checks run before the IR
// is touched.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "ScheduleUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlc::tir;
using namespace mlc::tir::detail;

/// Appends the conjuncts of the `arith.andi` tree `predicate` to `result`.
static void collectConjuncts(Value predicate, SmallVectorImpl<Value> &result) {
  if (auto andOp = predicate.getDefiningOp<arith::AndIOp>()) {
    collectConjuncts(andOp.getLhs(), result);
    collectConjuncts(andOp.getRhs(), result);
    return;
  }
  result.push_back(predicate);
}

DiagnosedSilenceableFailure mlc::tir::decomposeReduction(RewriterBase &rewriter,
                                                         BlockOp block,
                                                         ForOp loop,
                                                         BlockOp &result) {
  // Step 1. Check everything.
  StringRef name = block.getNameHint();
  if (!block.hasInit())
    return emitSilenceableFailure(block)
           << "cannot decompose the reduction of block \"" << name
           << "\": it has no init region";
  SmallVector<ForOp> loops = getLoops(block);
  auto *position = llvm::find(loops, loop);
  if (position == loops.end()) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(loop)
        << "cannot decompose the reduction of block \"" << name
        << "\" at this loop: it does not enclose the block (inside the "
           "block's scope)";
    diag.attachNote(block.getLoc()) << "block \"" << name << "\"";
    return diag;
  }
  ArrayRef<ForOp> outerLoops(loops.begin(), position);
  ArrayRef<ForOp> innerLoops(position, loops.end());
  unsigned numIterVars = block.getNumIterVars();
  for (ForOp outer : outerLoops) {
    for (unsigned i = 0; i < numIterVars; ++i) {
      if (block.getIterKind(i) != IterKind::Reduce ||
          !dependsOn(block.getBindings()[i], outer.getInductionVar()))
        continue;
      DiagnosedSilenceableFailure diag =
          emitSilenceableFailure(loop)
          << "cannot decompose the reduction of block \"" << name
          << "\" at this loop: reduce iteration variable #" << i
          << " depends on a loop outside it";
      diag.attachNote(outer.getLoc()) << "loop outside";
      return diag;
    }
  }

  // Only spatial variables move to the init block: the init region and the
  // write regions must not use the others.
  Block &init = block.getInit().front();
  SmallVector<unsigned> spatial;
  for (unsigned i = 0; i < numIterVars; ++i) {
    if (block.getIterKind(i) == IterKind::Spatial) {
      spatial.push_back(i);
      continue;
    }
    bool inWrites =
        llvm::any_of(block.getWriteRegions().getAsRange<BufferRegionAttr>(),
                     [&](BufferRegionAttr region) {
                       return region.getStart().isFunctionOfDim(i);
                     });
    if (init.getArgument(i).use_empty() && !inWrites)
      continue;
    return emitSilenceableFailure(block)
           << "cannot decompose the reduction of block \"" << name
           << "\": its init region or write regions use the '"
           << stringifyIterKind(block.getIterKind(i))
           << "' iteration variable #" << i;
  }

  // The loops to copy: those at or inside `loop` that a spatial binding
  // uses. Their bounds, the spatial bindings and extents, and the values
  // the init region uses from outside the block must be computable in
  // front of `loop`.
  IRMapping mapping;
  SmallVector<ForOp> copied;
  for (ForOp inner : innerLoops)
    if (llvm::any_of(spatial, [&](unsigned i) {
          return dependsOn(block.getBindings()[i], inner.getInductionVar());
        })) {
      copied.push_back(inner);
      // A placeholder until the copy exists, so that findObstacle accepts
      // its variable.
      mapping.map(inner.getInductionVar(), inner.getInductionVar());
    }
  Recomputer recomputer{loop, mapping};
  auto reject = [&](Operation *user, Value obstacle) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(user)
        << "cannot decompose the reduction of block \"" << name
        << "\": this op uses a value that cannot be recomputed in front of "
           "the loop";
    diag.attachNote(obstacle.getLoc()) << "value defined here";
    return diag;
  };
  for (ForOp inner : copied)
    for (Value bound : inner->getOperands())
      if (Value obstacle = recomputer.findObstacle(bound))
        return reject(inner, obstacle);
  for (unsigned i : spatial)
    if (Value obstacle = recomputer.findObstacle(block.getBindings()[i]))
      return reject(block, obstacle);
  for (Value extent : block.getDynamicExtents())
    if (Value obstacle = recomputer.findObstacle(extent))
      return reject(block, obstacle);
  for (Value written : block.getWrites())
    if (Value obstacle = recomputer.findObstacle(written))
      return reject(block, obstacle);
  for (Value symbol : block.getRegionSymbols())
    if (Value obstacle = recomputer.findObstacle(symbol))
      return reject(block, obstacle);
  SmallVector<Value> external;
  SmallVector<Operation *> externalUsers;
  init.walk([&](Operation *op) {
    for (Value operand : op->getOperands()) {
      if (block->isAncestor(operand.getParentBlock()->getParentOp()))
        continue;
      external.push_back(operand);
      externalUsers.push_back(op);
    }
  });
  for (auto [value, user] : llvm::zip_equal(external, externalUsers))
    if (Value obstacle = recomputer.findObstacle(value))
      return reject(user, obstacle);
  // Predicate conjuncts that use a dropped loop are dropped (TVM's
  // RemakePredicate); the others must be computable.
  SmallVector<Value> conjuncts;
  if (Value predicate = block.getPredicate()) {
    SmallVector<Value> all;
    collectConjuncts(predicate, all);
    for (Value conjunct : all) {
      bool usesDropped = llvm::any_of(innerLoops, [&](ForOp inner) {
        return !llvm::is_contained(copied, inner) &&
               dependsOn(conjunct, inner.getInductionVar());
      });
      if (usesDropped)
        continue;
      if (Value obstacle = recomputer.findObstacle(conjunct))
        return reject(block, obstacle);
      conjuncts.push_back(conjunct);
    }
  }

  // Step 2. The loop nest in front of `loop`.
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(loop);
  mapping.clear();
  recomputer.copyLoops(rewriter, copied);

  // Step 3. The init block.
  Location loc = block.getLoc();
  SmallVector<IterKind> kinds(spatial.size(), IterKind::Spatial);
  SmallVector<OpFoldResult> extents;
  SmallVector<Value> bindings;
  recomputer.recomputeIterVars(rewriter, block, spatial, extents, bindings);
  SmallVector<Value> writes =
      llvm::map_to_vector(block.getWrites(), [&](Value written) {
        return recomputer.recompute(rewriter, written);
      });
  MLIRContext *ctx = block.getContext();
  SmallVector<AffineExpr> dimReplacements(numIterVars,
                                          getAffineConstantExpr(0, ctx));
  for (auto [newIndex, oldIndex] : llvm::enumerate(spatial))
    dimReplacements[oldIndex] = getAffineDimExpr(newIndex, ctx);
  SmallVector<BufferRegionAttr> writeRegions = llvm::map_to_vector(
      block.getWriteRegions().getAsRange<BufferRegionAttr>(),
      [&](BufferRegionAttr region) {
        unsigned numSymbols = region.getNumSymbols();
        AffineMap start = region.getStart().replaceDimsAndSymbols(
            dimReplacements, {}, spatial.size(), numSymbols);
        AffineMap extents = region.getExtents().replaceDimsAndSymbols(
            dimReplacements, {}, spatial.size(), numSymbols);
        return BufferRegionAttr::get(ctx, start, extents);
      });
  SmallVector<Value> regionSymbols =
      llvm::map_to_vector(block.getRegionSymbols(), [&](Value symbol) {
        return recomputer.recompute(rewriter, symbol);
      });
  Value predicate;
  for (Value conjunct : conjuncts) {
    Value value = recomputer.recompute(rewriter, conjunct);
    predicate = predicate
                    ? arith::AndIOp::create(rewriter, loc, predicate, value)
                    : value;
  }
  for (Value value : external)
    recomputer.recompute(rewriter, value);
  auto initBlock =
      BlockOp::create(rewriter, loc, (name + "_init").str(), kinds, extents,
                      bindings, ValueRange{}, ArrayRef<BufferRegionAttr>{},
                      writes, writeRegions, predicate, regionSymbols);

  // Step 4. Move the init region's ops into the new block.
  Block *newBody = initBlock.getBody();
  Operation *newTerminator = newBody->getTerminator();
  for (auto [newIndex, oldIndex] : llvm::enumerate(spatial))
    rewriter.replaceAllUsesWith(init.getArgument(oldIndex),
                                newBody->getArgument(newIndex));
  for (Operation &op : llvm::make_early_inc_range(init.without_terminator()))
    rewriter.moveOpBefore(&op, newTerminator);
  initBlock.walk([&](Operation *op) {
    for (OpOperand &operand : op->getOpOperands())
      if (Value mapped = mapping.lookupOrNull(operand.get()))
        rewriter.modifyOpInPlace(op, [&] { operand.set(mapped); });
  });
  rewriter.eraseBlock(&init);
  result = initBlock;
  return DiagnosedSilenceableFailure::success();
}
