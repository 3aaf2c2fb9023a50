//===- Schedule.cpp - TensorIR schedule primitives ------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's loop schedule primitives over tir.for / tir.block. Each primitive
// runs all of its checks before it touches the IR.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "ScheduleUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/Support/MathExtras.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace mlc::tir;
using mlc::tir::detail::dependsOn;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool mlc::tir::detail::dependsOn(Value value, Value iv) {
  SmallVector<Value> worklist{value};
  llvm::DenseSet<Value> seen;
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    if (v == iv)
      return true;
    if (!seen.insert(v).second)
      continue;
    if (Operation *def = v.getDefiningOp())
      llvm::append_range(worklist, def->getOperands());
  }
  return false;
}

DiagnosedSilenceableFailure
mlc::tir::detail::getSingleBlock(ForOp loop, StringRef what, BlockOp &block) {
  SmallVector<BlockOp> blocks;
  loop.walk([&](BlockOp nested) { blocks.push_back(nested); });
  if (blocks.size() != 1)
    return emitSilenceableFailure(loop)
           << "cannot " << what
           << " this loop: it must hold exactly one block, but it holds "
           << blocks.size();
  block = blocks.front();
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure
mlc::tir::detail::rejectSymbolicRegions(BlockOp block, const Twine &what) {
  if (block.getRegionSymbols().empty())
    return DiagnosedSilenceableFailure::success();
  return emitSilenceableFailure(block)
         << "cannot " << what << ": block \"" << block.getNameHint()
         << "\" has regions over region symbols, which this primitive does "
            "not handle yet";
}

SmallVector<int64_t>
mlc::tir::detail::getSymbolFreeExtents(BufferRegionAttr region) {
  std::optional<SmallVector<int64_t>> extents = region.getConstantExtents();
  assert(extents && "a region without symbols has constant extents");
  return *extents;
}

std::optional<SmallVector<unsigned>>
mlc::tir::detail::getPointRegionVars(BufferRegionAttr region) {
  SmallVector<unsigned> vars;
  for (auto [expr, extent] : llvm::zip_equal(
           region.getStart().getResults(), region.getExtents().getResults())) {
    auto dim = dyn_cast<AffineDimExpr>(expr);
    auto constant = dyn_cast<AffineConstantExpr>(extent);
    if (!dim || !constant || constant.getValue() != 1)
      return std::nullopt;
    vars.push_back(dim.getPosition());
  }
  return vars;
}

bool mlc::tir::detail::Recomputer::isInside(Value value) const {
  return root->isAncestor(value.getParentBlock()->getParentOp());
}

Value mlc::tir::detail::Recomputer::findObstacle(Value value) const {
  SmallVector<Value> worklist{value};
  llvm::DenseSet<Value> seen;
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    if (!seen.insert(v).second || !isInside(v) || mapping.contains(v))
      continue;
    Operation *def = v.getDefiningOp();
    if (!def || def->getNumRegions() != 0 || !isMemoryEffectFree(def))
      return v;
    llvm::append_range(worklist, def->getOperands());
  }
  return {};
}

// NOLINTNEXTLINE(misc-no-recursion)
Value mlc::tir::detail::Recomputer::recompute(RewriterBase &rewriter,
                                              Value value) {
  if (!isInside(value))
    return value;
  if (Value mapped = mapping.lookupOrNull(value))
    return mapped;
  Operation *def = value.getDefiningOp();
  for (Value operand : def->getOperands())
    recompute(rewriter, operand);
  Operation *clone = rewriter.clone(*def, mapping);
  return clone->getResult(cast<OpResult>(value).getResultNumber());
}

void mlc::tir::detail::Recomputer::copyLoops(RewriterBase &rewriter,
                                             ArrayRef<ForOp> loops) {
  for (ForOp loop : loops) {
    Value lb = recompute(rewriter, loop.getLowerBound());
    Value ub = recompute(rewriter, loop.getUpperBound());
    Value step = loop.getStep() ? recompute(rewriter, loop.getStep()) : Value();
    auto copy = ForOp::create(rewriter, loop.getLoc(), lb, ub, step,
                              loop.getKind(), loop.getThread());
    mapping.map(loop.getInductionVar(), copy.getInductionVar());
    rewriter.setInsertionPointToStart(copy.getBody());
  }
}

void mlc::tir::detail::Recomputer::recomputeIterVars(
    RewriterBase &rewriter, BlockOp block, ArrayRef<unsigned> vars,
    SmallVectorImpl<OpFoldResult> &extents, SmallVectorImpl<Value> &bindings) {
  SmallVector<OpFoldResult> allExtents = block.getMixedExtents();
  for (unsigned i : vars) {
    OpFoldResult extent = allExtents[i];
    if (auto value = dyn_cast<Value>(extent))
      extent = recompute(rewriter, value);
    extents.push_back(extent);
    bindings.push_back(recompute(rewriter, block.getBindings()[i]));
  }
}

/// Rejects a block inside `loop` with an iteration variable that is neither
/// spatial nor (if `allowReduce`) reduce and whose binding depends on the
/// loop variable (TVM's CheckLoopParallelizableInBlock).
static DiagnosedSilenceableFailure
checkIterVarBindings(ForOp loop, StringRef what, bool allowReduce) {
  Value iv = loop.getInductionVar();
  DiagnosedSilenceableFailure result = DiagnosedSilenceableFailure::success();
  loop.walk([&](BlockOp block) {
    for (auto [i, binding] : llvm::enumerate(block.getBindings())) {
      IterKind kind = block.getIterKind(i);
      if (kind == IterKind::Spatial ||
          (allowReduce && kind == IterKind::Reduce))
        continue;
      if (!dependsOn(binding, iv))
        continue;
      result = emitSilenceableFailure(loop)
               << "cannot " << what << ": iteration variable #" << i
               << " of block \"" << block.getNameHint() << "\" is '"
               << stringifyIterKind(kind)
               << "' and its binding depends on the loop variable";
      result.attachNote(block.getLoc())
          << "block \"" << block.getNameHint() << "\"";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return result;
}

static DiagnosedSilenceableFailure rejectThreadBound(ForOp loop,
                                                     StringRef what) {
  if (std::optional<ThreadTag> tag = loop.getThread())
    return emitSilenceableFailure(loop)
           << "cannot " << what << ": it is bound to thread axis '"
           << stringifyThreadTag(*tag) << "'";
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// Getters
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure mlc::tir::getBlock(Operation *scope, StringRef name,
                                               BlockOp &result) {
  SmallVector<BlockOp> found;
  scope->walk([&](BlockOp block) {
    if (block.getNameHint() == name)
      found.push_back(block);
  });
  if (found.empty())
    return emitSilenceableFailure(scope)
           << "contains no tir.block named \"" << name << "\"";
  if (found.size() > 1) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(scope) << "contains " << found.size()
                                      << " tir.blocks named \"" << name << "\"";
    for (BlockOp block : found)
      diag.attachNote(block.getLoc()) << "block named \"" << name << "\"";
    return diag;
  }
  result = found.front();
  return DiagnosedSilenceableFailure::success();
}

SmallVector<ForOp> mlc::tir::getLoops(BlockOp block) {
  SmallVector<ForOp> loops;
  for (Operation *parent = block->getParentOp();
       parent && !isa<BlockOp, PrimFuncOp>(parent);
       parent = parent->getParentOp()) {
    if (auto loop = dyn_cast<ForOp>(parent))
      loops.push_back(loop);
  }
  std::reverse(loops.begin(), loops.end());
  return loops;
}

//===----------------------------------------------------------------------===//
// Loop kinds and annotations
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure mlc::tir::setLoopKind(RewriterBase &rewriter,
                                                  ForOp loop, ForKind kind) {
  assert(kind != ForKind::ThreadBinding && "use bind() to bind threads");
  std::string what = ("make this loop " + stringifyForKind(kind)).str();
  DiagnosedSilenceableFailure diag = rejectThreadBound(loop, what);
  if (!diag.succeeded())
    return diag;
  if (kind == ForKind::Parallel || kind == ForKind::Vectorized) {
    diag = checkIterVarBindings(loop, what, /*allowReduce=*/false);
    if (!diag.succeeded())
      return diag;
  }
  rewriter.modifyOpInPlace(loop, [&] {
    loop.setKindAttr(ForKindAttr::get(loop.getContext(), kind));
  });
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure mlc::tir::bind(RewriterBase &rewriter, ForOp loop,
                                           ThreadTag tag) {
  StringRef tagName = stringifyThreadTag(tag);
  if (std::optional<ThreadTag> current = loop.getThread())
    return emitSilenceableFailure(loop)
           << "cannot bind a loop that is already bound to thread axis '"
           << stringifyThreadTag(*current) << "'";

  for (auto outer = loop->getParentOfType<ForOp>(); outer;
       outer = outer->getParentOfType<ForOp>()) {
    if (outer.getThread() != tag)
      continue;
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(loop) << "cannot bind thread axis '" << tagName
                                     << "': an enclosing loop already binds it";
    diag.attachNote(outer.getLoc()) << "enclosing loop";
    return diag;
  }
  ForOp inner;
  loop.getBody()->walk([&](ForOp nested) {
    if (nested.getThread() != tag)
      return WalkResult::advance();
    inner = nested;
    return WalkResult::interrupt();
  });
  if (inner) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(loop)
        << "cannot bind thread axis '" << tagName
        << "': a loop nested in this one already binds it";
    diag.attachNote(inner.getLoc()) << "nested loop";
    return diag;
  }

  // All loops of one tag in a prim_func share one extent.
  std::optional<int64_t> extent = loop.getConstantTripCount();
  auto func = loop->getParentOfType<PrimFuncOp>();
  ForOp other;
  if (func && extent) {
    func.walk([&](ForOp candidate) {
      if (candidate.getThread() != tag)
        return WalkResult::advance();
      std::optional<int64_t> otherExtent = candidate.getConstantTripCount();
      if (!otherExtent || *otherExtent == *extent)
        return WalkResult::advance();
      other = candidate;
      return WalkResult::interrupt();
    });
  }
  if (other) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(loop)
        << "cannot bind thread axis '" << tagName << "' with extent " << *extent
        << ": another loop in the prim_func binds it with extent "
        << *other.getConstantTripCount();
    diag.attachNote(other.getLoc()) << "other loop";
    return diag;
  }

  bool isThreadIdx = tag == ThreadTag::ThreadIdxX ||
                     tag == ThreadTag::ThreadIdxY ||
                     tag == ThreadTag::ThreadIdxZ;
  DiagnosedSilenceableFailure diag =
      checkIterVarBindings(loop, ("bind this loop to '" + tagName + "'").str(),
                           /*allowReduce=*/isThreadIdx);
  if (!diag.succeeded())
    return diag;

  MLIRContext *ctx = loop.getContext();
  rewriter.modifyOpInPlace(loop, [&] {
    loop.setKindAttr(ForKindAttr::get(ctx, ForKind::ThreadBinding));
    loop.setThreadAttr(ThreadTagAttr::get(ctx, tag));
  });
  return DiagnosedSilenceableFailure::success();
}

void mlc::tir::annotate(RewriterBase &rewriter, ForOp loop,
                        DictionaryAttr annotations) {
  NamedAttrList merged;
  if (DictionaryAttr current = loop.getAnnotationsAttr())
    merged.append(current.getValue());
  for (NamedAttribute entry : annotations)
    merged.set(entry.getName(), entry.getValue());
  rewriter.modifyOpInPlace(loop, [&] {
    loop.setAnnotationsAttr(merged.getDictionary(loop.getContext()));
  });
}

//===----------------------------------------------------------------------===//
// Split
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure mlc::tir::split(RewriterBase &rewriter, ForOp loop,
                                            ArrayRef<int64_t> factors,
                                            SmallVectorImpl<ForOp> &result) {
  // Step 1. Check everything.
  DiagnosedSilenceableFailure diag = rejectThreadBound(loop, "split this loop");
  if (!diag.succeeded())
    return diag;
  std::optional<int64_t> lb = getConstantIntValue(loop.getLowerBound());
  std::optional<int64_t> step =
      loop.getStep() ? getConstantIntValue(loop.getStep()) : 1;
  if (lb != 0 || step != 1)
    return emitSilenceableFailure(loop)
           << "can only split a loop that starts at 0 with step 1";
  if (factors.empty())
    return emitSilenceableFailure(loop) << "expects at least one factor";

  std::optional<size_t> inferred;
  int64_t product = 1;
  for (auto [i, factor] : llvm::enumerate(factors)) {
    if (factor == kInferredFactor) {
      if (inferred)
        return emitSilenceableFailure(loop)
               << "expects at most one inferred factor";
      inferred = i;
      continue;
    }
    if (factor <= 0)
      return emitSilenceableFailure(loop)
             << "expects positive factors, but factor #" << i << " is "
             << factor;
    if (llvm::MulOverflow(product, factor, product))
      return emitSilenceableFailure(loop)
             << "the product of the factors overflows int64";
  }

  Value ub = loop.getUpperBound();
  std::optional<int64_t> extent = getConstantIntValue(ub);
  if (extent && *extent <= 0)
    return emitSilenceableFailure(loop)
           << "cannot split a loop with non-positive extent " << *extent;
  bool needsPredicate;
  int64_t inferredFactor = 0;
  if (!inferred) {
    if (!extent)
      return emitSilenceableFailure(loop)
             << "the loop extent is not a constant, so one factor must be "
                "inferred ('?')";
    if (product < *extent)
      return emitSilenceableFailure(loop)
             << "the product of the factors (" << product
             << ") is smaller than the loop extent (" << *extent << ")";
    needsPredicate = product != *extent;
  } else if (extent) {
    inferredFactor = llvm::divideCeil(*extent, product);
    needsPredicate = *extent % product != 0;
  } else {
    needsPredicate = product != 1;
  }

  // Step 2. Build the loop nest in front of the loop. The extents are
  // computed as early as possible (constants at the prim_func entry, the
  // inferred symbolic extent right after the original extent), so that
  // later primitives such as reorder see loop-invariant bounds.
  Location loc = loop.getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  auto constant = [&](int64_t value) {
    return detail::getIndexConstant(rewriter, loop, value);
  };
  SmallVector<Value> extents;
  for (int64_t factor : factors) {
    if (factor != kInferredFactor) {
      extents.push_back(constant(factor));
    } else if (extent) {
      extents.push_back(constant(inferredFactor));
    } else if (product == 1) {
      extents.push_back(ub);
    } else {
      Value divisor = constant(product);
      rewriter.setInsertionPointAfterValue(ub);
      if (divisor.getParentBlock() == ub.getParentBlock() &&
          !divisor.getDefiningOp()->isBeforeInBlock(
              &*rewriter.getInsertionPoint()))
        rewriter.setInsertionPointAfter(divisor.getDefiningOp());
      extents.push_back(arith::CeilDivSIOp::create(rewriter, loc, ub, divisor));
    }
  }
  rewriter.setInsertionPoint(loop);

  Value zero = loop.getLowerBound();
  SmallVector<ForOp> loops;
  for (Value loopExtent : extents) {
    loops.push_back(ForOp::create(rewriter, loc, zero, loopExtent));
    rewriter.setInsertionPointToStart(loops.back().getBody());
  }

  // fused = ((l0 * f1 + l1) * f2 + l2) ...
  Value fused = loops.front().getInductionVar();
  for (size_t i = 1, e = loops.size(); i < e; ++i) {
    Value scaled = arith::MulIOp::create(rewriter, loc, fused, extents[i]);
    fused = arith::AddIOp::create(rewriter, loc, scaled,
                                  loops[i].getInductionVar());
  }
  Value inBounds;
  if (needsPredicate)
    inBounds = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt,
                                     fused, ub);

  // Step 3. Move the body in and guard the blocks directly under the loop.
  Block *body = loop.getBody();
  rewriter.eraseOp(body->getTerminator());
  rewriter.inlineBlockBefore(body, loops.back().getBody()->getTerminator(),
                             ValueRange{fused});
  rewriter.eraseOp(loop);

  if (inBounds) {
    SmallVector<BlockOp> blocks;
    loops.back().getBody()->walk<WalkOrder::PreOrder>([&](BlockOp block) {
      blocks.push_back(block);
      return WalkResult::skip();
    });
    for (BlockOp block : blocks) {
      Value predicate = inBounds;
      if (Value current = block.getPredicate()) {
        rewriter.setInsertionPoint(block);
        predicate = arith::AndIOp::create(rewriter, loc, current, inBounds);
      }
      rewriter.modifyOpInPlace(
          block, [&] { block.getPredicateMutable().assign(predicate); });
    }
  }
  result.append(loops.begin(), loops.end());
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// Reorder
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure mlc::tir::reorder(RewriterBase &rewriter,
                                              ArrayRef<ForOp> order) {
  if (order.empty())
    return DiagnosedSilenceableFailure::success();

  // Step 1. The loops lie on one chain, from `outermost` to `innermost`.
  llvm::SmallPtrSet<Operation *, 4> given;
  for (ForOp loop : order)
    if (!given.insert(loop).second)
      return emitSilenceableFailure(loop)
             << "cannot reorder: this loop is given more than once";
  ForOp innermost, outermost;
  for (ForOp loop : order) {
    if (llvm::all_of(order, [&](ForOp other) {
          return other == loop || other->isProperAncestor(loop);
        }))
      innermost = loop;
    if (llvm::all_of(order, [&](ForOp other) {
          return other == loop || loop->isProperAncestor(other);
        }))
      outermost = loop;
  }
  if (!innermost || !outermost) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(order.front())
        << "cannot reorder loops that are not nested in one another";
    for (ForOp loop : order.drop_front())
      diag.attachNote(loop.getLoc()) << "loop to reorder";
    return diag;
  }

  // Step 2. The chain between them is perfectly nested up to index
  // computations (memory-effect-free ops without regions, such as the ones
  // split creates), which sink into the innermost body.
  SmallVector<ForOp> chain{innermost};
  for (Operation *op = innermost; op != outermost.getOperation();) {
    Operation *parent = op->getParentOp();
    auto parentLoop = dyn_cast<ForOp>(parent);
    if (!parentLoop) {
      DiagnosedSilenceableFailure diag =
          emitSilenceableFailure(outermost)
          << "cannot reorder loops that are not perfectly nested";
      diag.attachNote(parent->getLoc()) << "this op is between the loops";
      return diag;
    }
    chain.push_back(parentLoop);
    op = parent;
  }
  std::reverse(chain.begin(), chain.end());
  SmallVector<Operation *> content;
  for (ForOp loop : ArrayRef(chain).drop_back()) {
    for (Operation &op : loop.getBody()->without_terminator()) {
      if (isa<ForOp>(op) && llvm::is_contained(chain, cast<ForOp>(op)))
        continue;
      if (op.getNumRegions() == 0 && isMemoryEffectFree(&op)) {
        content.push_back(&op);
        continue;
      }
      DiagnosedSilenceableFailure diag =
          emitSilenceableFailure(outermost)
          << "cannot reorder loops that are not perfectly nested";
      diag.attachNote(op.getLoc()) << "this op is between the loops";
      return diag;
    }
  }
  for (ForOp loop : chain) {
    for (Value bound : loop->getOperands()) {
      if (!outermost->isAncestor(bound.getParentBlock()->getParentOp()))
        continue;
      DiagnosedSilenceableFailure diag =
          emitSilenceableFailure(loop)
          << "cannot reorder: the bounds of this loop depend on the loop nest "
             "being reordered";
      return diag;
    }
  }

  // Step 3. Move the loops: the k-th given loop goes to the k-th position,
  // in chain order, that the given loops occupy. The innermost loop's body
  // moves to the new innermost loop.
  SmallVector<ForOp> newChain(chain);
  for (size_t pos = 0, k = 0, e = chain.size(); pos < e; ++pos)
    if (given.contains(chain[pos]))
      newChain[pos] = order[k++];
  for (Operation &op : innermost.getBody()->without_terminator())
    content.push_back(&op);
  if (newChain.front() != chain.front())
    rewriter.moveOpBefore(newChain.front(), chain.front());
  for (size_t pos = 1, e = newChain.size(); pos < e; ++pos)
    rewriter.moveOpBefore(newChain[pos],
                          newChain[pos - 1].getBody()->getTerminator());
  Operation *newTerminator = newChain.back().getBody()->getTerminator();
  for (Operation *op : content)
    rewriter.moveOpBefore(op, newTerminator);
  return DiagnosedSilenceableFailure::success();
}
