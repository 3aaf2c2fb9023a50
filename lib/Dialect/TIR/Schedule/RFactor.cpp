//===- RFactor.cpp - TensorIR rfactor -------------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `rfactor`: a reduction over a loop becomes partial reductions into
// a new buffer indexed by that loop (the "rf" block, where the loop is
// spatial) and a write-back block that reduces the partial results. The
// reducer is recognised from the block body `C[v] = C[v] op expr` and its
// init region. All checks run before the IR is touched.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "ScheduleUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace mlc::tir;
using namespace mlc::tir::detail;

namespace {
/// The reduction `C[idx] = C[idx] op expr` at the end of a block body.
struct Reducer {
  memref::LoadOp load;
  Operation *combiner = nullptr;
  memref::StoreOp store;
  /// The combiner's operand that is not the load.
  Value expr;
  /// Whether the reducer is idempotent (max/min), so that any init value
  /// may seed every partial reduction.
  bool idempotent = false;
};
} // namespace

/// Whether `value` is the constant `identity` (0 or 1) of its type.
static bool isIdentityConstant(Value value, int64_t identity) {
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return false;
  if (auto floatAttr = dyn_cast<FloatAttr>(attr))
    return identity == 0 ? floatAttr.getValue().isZero()
                         : floatAttr.getValue().isExactlyValue(1.0);
  if (auto intAttr = dyn_cast<IntegerAttr>(attr))
    return intAttr.getValue() == identity;
  return false;
}

/// Recognises the reducer of `block`, which writes the single buffer
/// `buffer`. The identity of a non-idempotent reducer (0 for add, 1 for
/// mul) must be what the init region stores, since every partial
/// reduction starts from it.
static DiagnosedSilenceableFailure matchReducer(BlockOp block, Value buffer,
                                                Reducer &result) {
  auto reject = [&](StringRef why) {
    return emitSilenceableFailure(block)
           << "cannot rfactor block \"" << block.getNameHint() << "\": " << why;
  };
  Block *body = block.getBody();
  if (body->getOperations().size() < 2)
    return reject("its body does not end in a store of `C[v] op expr` to the "
                  "written buffer");
  auto store = dyn_cast<memref::StoreOp>(*std::prev(body->end(), 2));
  if (!store || store.getMemRef() != buffer)
    return reject("its body does not end in a store of `C[v] op expr` to the "
                  "written buffer");
  Operation *combiner = store.getValueToStore().getDefiningOp();
  if (!combiner || combiner->getBlock() != body ||
      combiner->getNumOperands() != 2)
    return reject("the stored value is not a recognised reduction "
                  "(arith.addf/addi/mulf/muli/maximumf/maxnumf/minimumf/"
                  "minnumf/maxsi/minsi/maxui/minui)");
  bool idempotent;
  int64_t identity = 0;
  if (isa<arith::AddFOp, arith::AddIOp>(combiner)) {
    idempotent = false;
  } else if (isa<arith::MulFOp, arith::MulIOp>(combiner)) {
    idempotent = false;
    identity = 1;
  } else if (isa<arith::MaximumFOp, arith::MaxNumFOp, arith::MinimumFOp,
                 arith::MinNumFOp, arith::MaxSIOp, arith::MinSIOp,
                 arith::MaxUIOp, arith::MinUIOp>(combiner)) {
    idempotent = true;
  } else {
    return reject("the stored value is not a recognised reduction "
                  "(arith.addf/addi/mulf/muli/maximumf/maxnumf/minimumf/"
                  "minnumf/maxsi/minsi/maxui/minui)");
  }
  memref::LoadOp load;
  Value expr;
  for (unsigned i = 0; i < 2; ++i) {
    auto candidate = combiner->getOperand(i).getDefiningOp<memref::LoadOp>();
    if (candidate && candidate.getMemRef() == buffer &&
        candidate.getIndices() == store.getIndices() &&
        candidate->hasOneUse()) {
      load = candidate;
      expr = combiner->getOperand(1 - i);
      break;
    }
  }
  if (!load)
    return reject("the reduction does not combine the stored element `C[v]` "
                  "with another value");
  // The buffer is accessed only by the load and the store in the body.
  for (Operation *user : buffer.getUsers())
    if (block->isProperAncestor(user) && user != load.getOperation() &&
        user != store.getOperation() &&
        !block.getInit().isAncestor(user->getParentRegion()))
      return reject("it accesses the written buffer other than in `C[v] = "
                    "C[v] op expr`");

  // A non-idempotent reducer's init stores the identity to the buffer.
  if (!block.hasInit())
    return reject("it has no init region");
  WalkResult walk = block.getInit().walk([&](memref::StoreOp initStore) {
    if (!idempotent && initStore.getMemRef() == buffer &&
        !isIdentityConstant(initStore.getValueToStore(), identity))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return reject("its init region does not store the identity of the "
                  "reduction");
  result = {load, combiner, store, expr, idempotent};
  return DiagnosedSilenceableFailure::success();
}

namespace {
/// What rfactor needs to know about the block and its loops.
struct RFactorPlan {
  BlockOp block;
  ForOp loop;
  int64_t axis;
  int64_t factor;
  Value buffer;
  BufferRegionAttr writeRegion;
  Reducer reducer;
  SmallVector<ForOp> loops;
  /// Indices of the spatial and reduce iteration variables.
  SmallVector<unsigned> spatial, reduce;
  /// The loops (other than `loop`) that reduce bindings use, in nest order.
  SmallVector<ForOp> reduceLoops;
  /// The reduce bindings as affine expressions of `loops`.
  SmallVector<AffineExpr> reduceExprs;
  /// The loops of the write-back nest: those the spatial bindings use, and
  /// `loop`, in nest order.
  SmallVector<ForOp> writeBackLoops;
  /// The outermost op of the block's nest in its scope.
  Operation *root = nullptr;
};
} // namespace

static DiagnosedSilenceableFailure planLoops(RFactorPlan &plan) {
  BlockOp block = plan.block;
  StringRef name = block.getNameHint();
  auto reject = [&](Operation *at, StringRef why) {
    return emitSilenceableFailure(at)
           << "cannot rfactor block \"" << name << "\": " << why;
  };
  auto startsAtZero = [](ForOp loop) {
    std::optional<int64_t> step =
        loop.getStep() ? getConstantIntValue(loop.getStep()) : 1;
    return getConstantIntValue(loop.getLowerBound()) == 0 && step == 1;
  };
  std::optional<int64_t> trip = plan.loop.getConstantTripCount();
  if (!startsAtZero(plan.loop) || !trip)
    return reject(plan.loop, "the loop must start at 0 with step 1 and have "
                             "a constant extent");
  plan.factor = *trip;

  LoopAffineMap affine;
  affine.ctx = block.getContext();
  for (ForOp loop : plan.loops)
    affine.dims.push_back(loop.getInductionVar());
  bool usesLoop = false;
  for (unsigned i = 0, e = block.getNumIterVars(); i < e; ++i) {
    Value binding = block.getBindings()[i];
    if (block.getIterKind(i) == IterKind::Spatial) {
      if (dependsOn(binding, plan.loop.getInductionVar()))
        return reject(plan.loop, "the binding of spatial iteration variable "
                                 "#" +
                                     std::to_string(i) +
                                     " depends on the loop");
      plan.spatial.push_back(i);
      continue;
    }
    FailureOr<AffineExpr> expr = affine.get(binding);
    if (failed(expr) || !affine.symbols.empty())
      return reject(block, "the binding of reduce iteration variable #" +
                               std::to_string(i) +
                               " is not an affine function of the loops");
    usesLoop |= dependsOn(binding, plan.loop.getInductionVar());
    plan.reduce.push_back(i);
    plan.reduceExprs.push_back(*expr);
  }
  if (!usesLoop)
    return reject(plan.loop, "no reduce binding depends on the loop");

  for (ForOp loop : plan.loops) {
    Value iv = loop.getInductionVar();
    bool bySpatial = llvm::any_of(plan.spatial, [&](unsigned i) {
      return dependsOn(block.getBindings()[i], iv);
    });
    bool byReduce = llvm::any_of(plan.reduce, [&](unsigned i) {
      return dependsOn(block.getBindings()[i], iv);
    });
    if (bySpatial && byReduce)
      return reject(loop, "this loop is used by both spatial and reduce "
                          "bindings");
    if (loop == plan.loop || bySpatial)
      plan.writeBackLoops.push_back(loop);
    if (loop == plan.loop || !byReduce)
      continue;
    if (!startsAtZero(loop))
      return reject(loop, "this reduction loop must start at 0 with step 1");
    plan.reduceLoops.push_back(loop);
  }
  return DiagnosedSilenceableFailure::success();
}

/// Checks that the write-back nest can be rebuilt after `plan.root`.
static DiagnosedSilenceableFailure checkWriteBack(RFactorPlan &plan) {
  IRMapping mapping;
  for (ForOp loop : plan.writeBackLoops)
    mapping.map(loop.getInductionVar(), loop.getInductionVar());
  Recomputer recomputer{plan.root, mapping};
  SmallVector<Value> needed;
  for (ForOp loop : plan.writeBackLoops)
    llvm::append_range(needed, loop->getOperands());
  for (unsigned i : plan.spatial)
    needed.push_back(plan.block.getBindings()[i]);
  llvm::append_range(needed, plan.block.getDynamicExtents());
  needed.push_back(plan.buffer);
  plan.block.getInit().walk([&](Operation *op) {
    for (Value operand : op->getOperands())
      if (!plan.block->isAncestor(operand.getParentBlock()->getParentOp()))
        needed.push_back(operand);
  });
  for (Value value : needed) {
    Value obstacle = recomputer.findObstacle(value);
    if (!obstacle)
      continue;
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(plan.block)
        << "cannot rfactor block \"" << plan.block.getNameHint()
        << "\": the write-back block needs a value that cannot be recomputed "
           "after the loop nest";
    diag.attachNote(obstacle.getLoc()) << "value defined here";
    return diag;
  }
  return DiagnosedSilenceableFailure::success();
}

/// `map` with `expr` inserted as result `axis`.
static AffineMap insertResult(AffineMap map, unsigned numDims, unsigned axis,
                              AffineExpr expr) {
  SmallVector<AffineExpr> results(map.getResults());
  results.insert(results.begin() + axis, expr);
  return AffineMap::get(numDims, 0, results, map.getContext());
}

static SmallVector<int64_t> insertExtent(ArrayRef<int64_t> extents,
                                         unsigned axis) {
  SmallVector<int64_t> result(extents);
  result.insert(result.begin() + axis, 1);
  return result;
}

/// Allocates the rf buffer: the written buffer's shape with the loop's
/// extent at `axis`, in the block's scope right before its loop nest.
static Value createRFactorBuffer(RewriterBase &rewriter, RFactorPlan &plan) {
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(plan.root);
  Location loc = plan.block.getLoc();
  auto type = cast<MemRefType>(plan.buffer.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape.insert(shape.begin() + plan.axis, plan.factor);
  SmallVector<Value> sizes;
  for (auto [i, size] : llvm::enumerate(type.getShape()))
    if (ShapedType::isDynamic(size))
      sizes.push_back(
          memref::DimOp::create(rewriter, loc, plan.buffer,
                                getIndexConstant(rewriter, plan.root, i)));
  auto rfType =
      MemRefType::get(shape, type.getElementType(), MemRefLayoutAttrInterface(),
                      type.getMemorySpace());
  return AllocBufferOp::create(rewriter, loc, rfType, sizes);
}

/// Replaces the stores to `plan.buffer` in `region` by stores to `rf` with
/// `rfIndex` inserted at the factor axis.
static void redirectStores(RewriterBase &rewriter, Region &region,
                           const RFactorPlan &plan, Value rf, Value rfIndex) {
  SmallVector<memref::StoreOp> stores;
  region.walk([&](memref::StoreOp store) {
    if (store.getMemRef() == plan.buffer)
      stores.push_back(store);
  });
  for (memref::StoreOp store : stores) {
    SmallVector<Value> indices(store.getIndices());
    indices.insert(indices.begin() + plan.axis, rfIndex);
    rewriter.setInsertionPoint(store);
    rewriter.replaceOpWithNewOp<memref::StoreOp>(store, store.getValueToStore(),
                                                 rf, indices);
  }
}

/// Fills the init region of `newBlock` with a copy of the old block's init
/// region, whose iteration variable `i` becomes `newVars[i]`.
static void cloneInit(RewriterBase &rewriter, BlockOp oldBlock,
                      BlockOp newBlock, ArrayRef<unsigned> newVarOf) {
  OpBuilder::InsertionGuard guard(rewriter);
  Region &init = newBlock.getInit();
  SmallVector<Type> types(newBlock.getNumIterVars(), rewriter.getIndexType());
  SmallVector<Location> locs(types.size(), newBlock.getLoc());
  Block *initBody = rewriter.createBlock(&init, init.end(), types, locs);
  Block &oldInit = oldBlock.getInit().front();
  IRMapping mapping;
  for (auto [oldIndex, newIndex] : llvm::enumerate(newVarOf))
    if (newIndex != ~0u)
      mapping.map(oldInit.getArgument(oldIndex),
                  initBody->getArgument(newIndex));
  for (Operation &op : oldInit)
    rewriter.clone(op, mapping);
}

/// Erases the index computations inside `root` that compute `values` and
/// are left without users.
static void eraseDeadIndexOps(RewriterBase &rewriter, Operation *root,
                              ArrayRef<Value> values) {
  SmallVector<Value> worklist(values);
  while (!worklist.empty()) {
    Operation *def = worklist.pop_back_val().getDefiningOp();
    if (!def || !root->isProperAncestor(def) || !def->use_empty() ||
        def->getNumRegions() != 0 || !isMemoryEffectFree(def))
      continue;
    llvm::append_range(worklist, def->getOperands());
    rewriter.eraseOp(def);
  }
}

DiagnosedSilenceableFailure mlc::tir::rfactor(RewriterBase &rewriter,
                                              ForOp loop, int64_t factorAxis,
                                              BlockOp &result) {
  // Step 1. Check everything.
  RFactorPlan plan;
  DiagnosedSilenceableFailure diag =
      getSingleBlock(loop, "rfactor", plan.block);
  if (!diag.succeeded())
    return diag;
  plan.loop = loop;
  BlockOp block = plan.block;
  StringRef name = block.getNameHint();
  auto reject = [&](StringRef why) {
    return emitSilenceableFailure(block)
           << "cannot rfactor block \"" << name << "\": " << why;
  };
  // The only block under the loop is not nested in another block there,
  // so the loop is one of its loops.
  plan.loops = getLoops(block);
  assert(llvm::is_contained(plan.loops, loop) && "loop outside the scope");
  if (block.getPredicate())
    return reject("it has a predicate");
  if (!block.getRegionSymbols().empty())
    return reject("it has regions over region symbols, which rfactor does "
                  "not handle yet");
  for (unsigned i = 0, e = block.getNumIterVars(); i < e; ++i) {
    IterKind kind = block.getIterKind(i);
    if (kind != IterKind::Spatial && kind != IterKind::Reduce)
      return reject("iteration variable #" + std::to_string(i) + " is '" +
                    stringifyIterKind(kind).str() + "'");
  }
  if (block.getWrites().size() != 1)
    return reject("it must write exactly one buffer");
  plan.buffer = block.getWrites().front();
  plan.writeRegion =
      cast<BufferRegionAttr>(block.getWriteRegions().getValue().front());
  if (llvm::any_of(getSymbolFreeExtents(plan.writeRegion),
                   [](int64_t extent) { return extent != 1; }))
    return reject("its write region must be a single element");
  int64_t rank = plan.writeRegion.getRank();
  plan.axis = factorAxis < 0 ? factorAxis + rank + 1 : factorAxis;
  if (plan.axis < 0 || plan.axis > rank)
    return emitSilenceableFailure(loop)
           << "cannot rfactor block \"" << name << "\": factor axis "
           << factorAxis << " is out of range for a buffer of rank " << rank;
  diag = planLoops(plan);
  if (!diag.succeeded())
    return diag;
  diag = matchReducer(block, plan.buffer, plan.reducer);
  if (!diag.succeeded())
    return diag;
  for (unsigned i : plan.reduce)
    if (!block.getInit().front().getArgument(i).use_empty())
      return reject("its init region uses the reduce iteration variable #" +
                    std::to_string(i));
  // The write-back block runs after the whole nest, so nothing else in the
  // nest may see the buffer before it is complete.
  plan.root = plan.loops.front();
  BlockOp other;
  plan.root->walk([&](BlockOp nested) {
    if (nested != block)
      other = nested;
  });
  if (other) {
    diag = reject("its loop nest holds another block");
    diag.attachNote(other.getLoc())
        << "block \"" << other.getNameHint() << "\"";
    return diag;
  }
  diag = checkWriteBack(plan);
  if (!diag.succeeded())
    return diag;

  // Step 2. The rf buffer: the written buffer with the loop's extent at
  // the factor axis.
  MLIRContext *ctx = block.getContext();
  Location loc = block.getLoc();
  Value rf = createRFactorBuffer(rewriter, plan);
  unsigned numSpatial = plan.spatial.size();
  SmallVector<OpFoldResult> oldExtents = block.getMixedExtents();
  Reducer &reducer = plan.reducer;

  // Step 3. The write-back block `C[v] = C[v] op rf[r, v]` over the
  // spatial variables and the rf variable (reduce), with the old init, in a
  // copy of the loops that bind them after the nest. It comes first, while
  // the reducer is intact.
  IRMapping mapping;
  Recomputer recomputer{plan.root, mapping};
  rewriter.setInsertionPointAfter(plan.root);
  recomputer.copyLoops(rewriter, plan.writeBackLoops);
  SmallVector<IterKind> wbKinds(numSpatial, IterKind::Spatial);
  wbKinds.push_back(IterKind::Reduce);
  SmallVector<OpFoldResult> wbExtents;
  SmallVector<Value> wbBindings;
  recomputer.recomputeIterVars(rewriter, block, plan.spatial, wbExtents,
                               wbBindings);
  wbExtents.push_back(rewriter.getIndexAttr(plan.factor));
  wbBindings.push_back(mapping.lookup(loop.getInductionVar()));
  unsigned numWB = numSpatial + 1;
  SmallVector<AffineExpr> spatialToWB(block.getNumIterVars(),
                                      getAffineConstantExpr(0, ctx));
  for (auto [k, i] : llvm::enumerate(plan.spatial))
    spatialToWB[i] = getAffineDimExpr(k, ctx);
  AffineMap wbStart = plan.writeRegion.getStart().replaceDimsAndSymbols(
      spatialToWB, {}, numWB, 0);
  auto wbRegion = BufferRegionAttr::get(ctx, wbStart,
                                        getSymbolFreeExtents(plan.writeRegion));
  auto wbRFRegion = BufferRegionAttr::get(
      ctx,
      insertResult(wbStart, numWB, plan.axis,
                   getAffineDimExpr(numSpatial, ctx)),
      insertExtent(getSymbolFreeExtents(plan.writeRegion), plan.axis));
  SmallVector<Value> wbReads{rf};
  SmallVector<BufferRegionAttr> wbReadRegions{wbRFRegion};
  if (llvm::is_contained(block.getReads(), plan.buffer)) {
    wbReads.push_back(plan.buffer);
    wbReadRegions.push_back(wbRegion);
  }
  auto wbBlock = BlockOp::create(rewriter, loc, name, wbKinds, wbExtents,
                                 wbBindings, wbReads, wbReadRegions,
                                 ValueRange{plan.buffer}, ArrayRef{wbRegion});
  SmallVector<unsigned> wbVarOf(block.getNumIterVars(), ~0u);
  for (auto [k, i] : llvm::enumerate(plan.spatial))
    wbVarOf[i] = k;
  cloneInit(rewriter, block, wbBlock, wbVarOf);

  Block *wbBody = wbBlock.getBody();
  rewriter.setInsertionPointToStart(wbBody);
  LoopAffineMap wbVars;
  wbVars.ctx = ctx;
  llvm::append_range(wbVars.dims, wbBody->getArguments());
  SmallVector<Value> indices =
      llvm::map_to_vector(wbStart.getResults(), [&](AffineExpr expr) {
        return emitIndex(rewriter, wbBlock, expr, wbVars);
      });
  SmallVector<Value> rfIndices(indices);
  rfIndices.insert(rfIndices.begin() + plan.axis,
                   wbBody->getArgument(numSpatial));
  Value acc = memref::LoadOp::create(rewriter, loc, plan.buffer, indices);
  Value part = memref::LoadOp::create(rewriter, loc, rf, rfIndices);
  IRMapping combine;
  combine.map(reducer.load.getResult(), acc);
  combine.map(reducer.expr, part);
  Operation *combined = rewriter.clone(*reducer.combiner, combine);
  memref::StoreOp::create(rewriter, loc, combined->getResult(0), plan.buffer,
                          indices);

  // Step 4. The rf block in place of the block. Its iteration variables:
  // the loop (spatial), the block's spatial ones, one reduce variable per
  // remaining reduction loop.
  unsigned numRF = 1 + numSpatial + plan.reduceLoops.size();
  SmallVector<IterKind> kinds{IterKind::Spatial};
  SmallVector<OpFoldResult> extents{rewriter.getIndexAttr(plan.factor)};
  SmallVector<Value> bindings{loop.getInductionVar()};
  for (unsigned i : plan.spatial) {
    kinds.push_back(IterKind::Spatial);
    extents.push_back(oldExtents[i]);
    bindings.push_back(block.getBindings()[i]);
  }
  for (ForOp reduceLoop : plan.reduceLoops) {
    kinds.push_back(IterKind::Reduce);
    Value ub = reduceLoop.getUpperBound();
    std::optional<int64_t> constant = getConstantIntValue(ub);
    extents.push_back(constant ? OpFoldResult(rewriter.getIndexAttr(*constant))
                               : OpFoldResult(ub));
    bindings.push_back(reduceLoop.getInductionVar());
  }
  // The old iteration variables as expressions of the new ones: loop
  // dims of the reduce bindings map to the rf and reduce variables.
  SmallVector<AffineExpr> loopToVar(plan.loops.size(),
                                    getAffineConstantExpr(0, ctx));
  for (auto [d, nestLoop] : llvm::enumerate(plan.loops)) {
    if (nestLoop == loop)
      loopToVar[d] = getAffineDimExpr(0, ctx);
    auto *it = llvm::find(plan.reduceLoops, nestLoop);
    if (it != plan.reduceLoops.end())
      loopToVar[d] = getAffineDimExpr(
          1 + numSpatial + (it - plan.reduceLoops.begin()), ctx);
  }
  SmallVector<AffineExpr> oldVarExprs(block.getNumIterVars());
  SmallVector<unsigned> newVarOf(block.getNumIterVars(), ~0u);
  for (auto [k, i] : llvm::enumerate(plan.spatial)) {
    oldVarExprs[i] = getAffineDimExpr(1 + k, ctx);
    newVarOf[i] = 1 + k;
  }
  for (auto [k, i] : llvm::enumerate(plan.reduce))
    oldVarExprs[i] = plan.reduceExprs[k].replaceDims(loopToVar);
  auto translate = [&](BufferRegionAttr region) {
    AffineMap start =
        region.getStart().replaceDimsAndSymbols(oldVarExprs, {}, numRF, 0);
    return BufferRegionAttr::get(ctx, start, getSymbolFreeExtents(region));
  };
  BufferRegionAttr rfRegion = BufferRegionAttr::get(
      ctx,
      insertResult(translate(plan.writeRegion).getStart(), numRF, plan.axis,
                   getAffineDimExpr(0, ctx)),
      insertExtent(getSymbolFreeExtents(plan.writeRegion), plan.axis));
  SmallVector<Value> reads;
  SmallVector<BufferRegionAttr> readRegions;
  for (auto [read, region] :
       llvm::zip_equal(block.getReads(),
                       block.getReadRegions().getAsRange<BufferRegionAttr>())) {
    // Without a reduce variable the rf block only writes the rf buffer.
    if (read == plan.buffer && plan.reduceLoops.empty())
      continue;
    reads.push_back(read == plan.buffer ? rf : read);
    readRegions.push_back(read == plan.buffer ? rfRegion : translate(region));
  }
  rewriter.setInsertionPoint(block);
  auto rfBlock = BlockOp::create(rewriter, loc, (name + "_rf").str(), kinds,
                                 extents, bindings, reads, readRegions,
                                 ValueRange{rf}, ArrayRef{rfRegion});
  if (Attribute attrs = block->getDiscardableAttrDictionary())
    rfBlock->setDiscardableAttrs(cast<DictionaryAttr>(attrs));

  // The body: the old reduce variables are recomputed from the new ones,
  // and `C[v] op= expr` becomes `rf[r, v] op= expr` (`rf[r, v] = expr` when
  // no reduce variable is left: each element is written once).
  Block *rfBody = rfBlock.getBody();
  rewriter.setInsertionPointToStart(rfBody);
  LoopAffineMap newVars;
  newVars.ctx = ctx;
  llvm::append_range(newVars.dims, rfBody->getArguments());
  Block *oldBody = block.getBody();
  SmallVector<Value> oldVarValues(block.getNumIterVars());
  for (auto [k, i] : llvm::enumerate(plan.spatial))
    oldVarValues[i] = rfBody->getArgument(1 + k);
  for (unsigned i : plan.reduce)
    oldVarValues[i] = emitIndex(rewriter, rfBlock, oldVarExprs[i], newVars);
  rewriter.eraseOp(oldBody->getTerminator());
  rewriter.inlineBlockBefore(oldBody, rfBody->getTerminator(), oldVarValues);
  if (plan.reduceLoops.empty()) {
    rewriter.replaceAllUsesWith(reducer.combiner->getResult(0), reducer.expr);
    rewriter.eraseOp(reducer.combiner);
    rewriter.eraseOp(reducer.load);
  } else {
    SmallVector<Value> indices(reducer.load.getIndices());
    indices.insert(indices.begin() + plan.axis, rfBody->getArgument(0));
    rewriter.setInsertionPoint(reducer.load);
    rewriter.replaceOpWithNewOp<memref::LoadOp>(reducer.load, rf, indices);
    cloneInit(rewriter, block, rfBlock, newVarOf);
    redirectStores(rewriter, rfBlock.getInit(), plan, rf,
                   rfBlock.getInit().front().getArgument(0));
  }
  redirectStores(rewriter, rfBlock.getRegion(), plan, rf,
                 rfBody->getArgument(0));

  // The old reduce bindings are recomputed inside the rf block now.
  SmallVector<Value> oldBindings(block.getBindings());
  rewriter.eraseOp(block);
  eraseDeadIndexOps(rewriter, plan.root, oldBindings);
  result = rfBlock;
  return DiagnosedSilenceableFailure::success();
}
