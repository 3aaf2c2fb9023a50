//===- ComputeLocation.cpp - TensorIR compute_at and reverse_compute_at ---===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `compute_at` and `reverse_compute_at`: a producer (consumer) block
// moves under a loop of its consumer (producer) and iterates over the part
// of its domain that one iteration of the loop needs (provides). The region
// analysis is TVM's for the affine case: the regions the other side
// accesses, composed with its bindings, are affine in the loop variables
// and linear in the loops inside the target loop, so the covered range of
// each buffer dimension is a start in terms of the outer loops and a
// constant extent. All checks run before the IR is touched.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "ScheduleUtils.h"

#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlc::tir;
using namespace mlc::tir::detail;

//===----------------------------------------------------------------------===//
// Shared helpers (ScheduleUtils.h)
//===----------------------------------------------------------------------===//

// NOLINTNEXTLINE(misc-no-recursion)
FailureOr<AffineExpr> mlc::tir::detail::LoopAffineMap::get(Value value) {
  if (auto *it = llvm::find(dims, value); it != dims.end())
    return getAffineDimExpr(it - dims.begin(), ctx);
  if (std::optional<int64_t> constant = getConstantIntValue(value))
    return getAffineConstantExpr(*constant, ctx);
  if (llvm::none_of(dims, [&](Value dim) { return dependsOn(value, dim); })) {
    auto *it = llvm::find(symbols, value);
    if (it == symbols.end()) {
      symbols.push_back(value);
      it = std::prev(symbols.end());
    }
    return getAffineSymbolExpr(it - symbols.begin(), ctx);
  }
  Operation *def = value.getDefiningOp();
  if (!def || def->getNumOperands() != 2)
    return failure();
  FailureOr<AffineExpr> lhs = get(def->getOperand(0));
  FailureOr<AffineExpr> rhs = get(def->getOperand(1));
  if (failed(lhs) || failed(rhs))
    return failure();
  auto rhsConst = dyn_cast<AffineConstantExpr>(*rhs);
  // Division and remainder are TVM's floor semantics for the non-negative
  // index values they see here.
  bool positiveDivisor = rhsConst && rhsConst.getValue() > 0;
  if (isa<arith::AddIOp>(def))
    return *lhs + *rhs;
  if (isa<arith::SubIOp>(def))
    return *lhs - *rhs;
  if (isa<arith::MulIOp>(def) && (rhsConst || isa<AffineConstantExpr>(*lhs)))
    return *lhs * *rhs;
  if (isa<arith::FloorDivSIOp, arith::DivSIOp, arith::DivUIOp>(def) &&
      positiveDivisor)
    return lhs->floorDiv(*rhs);
  if (isa<arith::CeilDivSIOp, arith::CeilDivUIOp>(def) && positiveDivisor)
    return lhs->ceilDiv(*rhs);
  if (isa<arith::RemSIOp, arith::RemUIOp>(def) && positiveDivisor)
    return *lhs % *rhs;
  return failure();
}

Value mlc::tir::detail::getIndexConstant(RewriterBase &rewriter,
                                         Operation *anchor, int64_t value) {
  OpBuilder::InsertionGuard guard(rewriter);
  auto func = anchor->getParentOfType<PrimFuncOp>();
  if (!func) {
    rewriter.setInsertionPoint(anchor);
    return arith::ConstantIndexOp::create(rewriter, anchor->getLoc(), value);
  }
  Block &entry = func.getBody().front();
  for (Operation &op : entry)
    if (auto existing = dyn_cast<arith::ConstantIndexOp>(op);
        existing && existing.value() == value)
      return existing;
  rewriter.setInsertionPointToStart(&entry);
  return arith::ConstantIndexOp::create(rewriter, func.getLoc(), value);
}

// NOLINTNEXTLINE(misc-no-recursion)
Value mlc::tir::detail::emitIndex(RewriterBase &rewriter, Operation *point,
                                  AffineExpr expr, LoopAffineMap &affine) {
  // Constants go to the kernel's entry, shared; the rest is upstream's
  // expansion of affine expressions into arith.
  if (auto constant = dyn_cast<AffineConstantExpr>(expr))
    return getIndexConstant(rewriter, point, constant.getValue());
  return affine::expandAffineExpr(rewriter, point->getLoc(), expr, affine.dims,
                                  affine.symbols);
}

//===----------------------------------------------------------------------===//
// Region analysis
//===----------------------------------------------------------------------===//

namespace {
/// The range `[start, start + extent)` of one buffer dimension or iteration
/// variable; `start` is over the dims and symbols of a LoopAffineMap.
struct CoveredRange {
  AffineExpr start;
  int64_t extent;
  /// Instead of `extent`, the symbolic upper bound of a loop from 0 that
  /// the range spans whole (`start` is then 0).
  Value symbolicExtent = {};
};

/// A buffer region that a block accesses, the block and its loops.
struct Access {
  BlockOp block;
  BufferRegionAttr region;
};

/// The two sides of compute_at / reverse_compute_at: `moved` goes under
/// `loop`, whose nest holds the blocks `fixed` that access `buffer`.
struct Relocation {
  BlockOp moved;
  ForOp loop;
  Value buffer;
  /// The region of `buffer` that `moved` accesses.
  BufferRegionAttr movedRegion;
  /// The accesses to `buffer` inside `loop`.
  SmallVector<Access> fixed;
  /// The highest op of `moved`'s nest that does not contain `loop`, and
  /// the op of the same block that contains `loop`.
  Operation *movedRoot = nullptr;
  Operation *loopRoot = nullptr;
  /// "compute_at" or "reverse_compute_at", for diagnostics.
  StringRef what;
};
} // namespace

/// Splits `expr` into a part without the dims at or after `firstInner` and
/// their coefficients: expr = base + sum(coeffs[d] * d). Fails when an inner
/// dim appears in a non-linear position.
// NOLINTNEXTLINE(misc-no-recursion)
static std::optional<std::pair<AffineExpr, SmallVector<int64_t>>>
splitInnerDims(AffineExpr expr, unsigned firstInner, unsigned numDims) {
  using Result = std::pair<AffineExpr, SmallVector<int64_t>>;
  MLIRContext *ctx = expr.getContext();
  SmallVector<int64_t> zeros(numDims, 0);
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    if (dim.getPosition() < firstInner)
      return Result{expr, zeros};
    zeros[dim.getPosition()] = 1;
    return Result{getAffineConstantExpr(0, ctx), zeros};
  }
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return Result{expr, zeros};
  auto lhs = splitInnerDims(binary.getLHS(), firstInner, numDims);
  auto rhs = splitInnerDims(binary.getRHS(), firstInner, numDims);
  if (!lhs || !rhs)
    return std::nullopt;
  auto isZero = [](ArrayRef<int64_t> coeffs) {
    return llvm::all_of(coeffs, [](int64_t c) { return c == 0; });
  };
  switch (expr.getKind()) {
  case AffineExprKind::Add:
    for (unsigned d = 0; d < numDims; ++d)
      lhs->second[d] += rhs->second[d];
    return Result{lhs->first + rhs->first, lhs->second};
  case AffineExprKind::Mul: {
    // One side is a constant in a pure-affine product.
    auto constant = dyn_cast<AffineConstantExpr>(binary.getRHS());
    if (!constant || !isZero(rhs->second))
      return std::nullopt;
    for (int64_t &c : lhs->second)
      c *= constant.getValue();
    return Result{lhs->first * constant, lhs->second};
  }
  default:
    if (!isZero(lhs->second) || !isZero(rhs->second))
      return std::nullopt;
    return Result{expr, zeros};
  }
}

std::optional<std::pair<AffineExpr, int64_t>>
mlc::tir::detail::coverInnerLoops(AffineExpr expr, unsigned firstInner,
                                  ArrayRef<ForOp> dimLoops, int64_t extent) {
  auto split = splitInnerDims(expr, firstInner, dimLoops.size());
  if (!split)
    return std::nullopt;
  AffineExpr start = split->first;
  for (auto [d, coeff] : llvm::enumerate(split->second)) {
    if (coeff == 0)
      continue;
    ForOp loop = dimLoops[d];
    std::optional<int64_t> lb = getConstantIntValue(loop.getLowerBound());
    std::optional<int64_t> trip = loop.getConstantTripCount();
    std::optional<int64_t> step =
        loop.getStep() ? getConstantIntValue(loop.getStep()) : 1;
    if (!lb || !trip || step != 1 || *trip <= 0)
      return std::nullopt;
    // Extents near INT64_MAX: a range that overflows covers nothing known.
    int64_t last, offset, span;
    if (llvm::AddOverflow(*lb, *trip - 1, last) ||
        llvm::MulOverflow(coeff, coeff > 0 ? *lb : last, offset) ||
        coeff == std::numeric_limits<int64_t>::min() ||
        llvm::MulOverflow(std::abs(coeff), *trip - 1, span) ||
        llvm::AddOverflow(extent, span, extent))
      return std::nullopt;
    start = start + offset;
  }
  return std::make_pair(start, extent);
}

namespace {
/// Bounds of the values of an index expression; a missing bound is unknown.
struct Interval {
  std::optional<int64_t> lo, hi;
};
} // namespace

/// The values `expr` can take when each dim `d` ranges over the bounds of
/// `loops[d]` (a non-constant upper bound, like a symbol, is unknown).
// NOLINTNEXTLINE(misc-no-recursion)
static Interval evalRange(AffineExpr expr, ArrayRef<ForOp> loops) {
  if (auto constant = dyn_cast<AffineConstantExpr>(expr))
    return {constant.getValue(), constant.getValue()};
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    ForOp loop = loops[dim.getPosition()];
    std::optional<int64_t> ub = getConstantIntValue(loop.getUpperBound());
    return {getConstantIntValue(loop.getLowerBound()),
            ub ? std::optional<int64_t>(*ub - 1) : std::nullopt};
  }
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return {};
  auto divisor = dyn_cast<AffineConstantExpr>(binary.getRHS());
  int64_t c = divisor ? divisor.getValue() : 0;
  Interval lhs = evalRange(binary.getLHS(), loops);
  // Bounds that would overflow int64 are unknown.
  auto map = [](std::optional<int64_t> v, auto fn) -> std::optional<int64_t> {
    return v ? fn(*v) : std::nullopt;
  };
  // `fn` of both bounds, for a non-decreasing `fn`.
  auto mapBounds = [&](auto fn) -> Interval {
    return {map(lhs.lo, fn), map(lhs.hi, fn)};
  };
  switch (expr.getKind()) {
  case AffineExprKind::Add: {
    Interval rhs = evalRange(binary.getRHS(), loops);
    auto add = [](std::optional<int64_t> a,
                  std::optional<int64_t> b) -> std::optional<int64_t> {
      int64_t sum;
      if (!a || !b || llvm::AddOverflow(*a, *b, sum))
        return std::nullopt;
      return sum;
    };
    return {add(lhs.lo, rhs.lo), add(lhs.hi, rhs.hi)};
  }
  case AffineExprKind::Mul: {
    if (!divisor)
      return {};
    auto mul = [&](int64_t v) -> std::optional<int64_t> {
      int64_t product;
      if (llvm::MulOverflow(v, c, product))
        return std::nullopt;
      return product;
    };
    if (c >= 0)
      return mapBounds(mul);
    return {map(lhs.hi, mul), map(lhs.lo, mul)};
  }
  case AffineExprKind::FloorDiv:
    if (c <= 0)
      return {};
    return mapBounds([&](int64_t v) -> std::optional<int64_t> {
      return llvm::divideFloorSigned(v, c);
    });
  case AffineExprKind::CeilDiv:
    if (c <= 0)
      return {};
    return mapBounds([&](int64_t v) -> std::optional<int64_t> {
      return llvm::divideCeilSigned(v, c);
    });
  case AffineExprKind::Mod:
    if (c <= 0)
      return {};
    return {0, c - 1};
  default:
    return {};
  }
}

/// For a point region whose every dimension is a distinct iteration
/// variable, the variable of each dimension; nullopt otherwise.
static std::optional<SmallVector<unsigned>>
getIterVarPerDim(BufferRegionAttr region) {
  std::optional<SmallVector<unsigned>> vars = getPointRegionVars(region);
  if (!vars)
    return std::nullopt;
  llvm::SmallDenseSet<unsigned> seen;
  for (unsigned var : *vars)
    if (!seen.insert(var).second)
      return std::nullopt;
  return vars;
}

/// The region of `buffer` in `block`'s reads or writes, or null.
static BufferRegionAttr findRegion(ValueRange buffers, ArrayAttr regions,
                                   Value buffer) {
  for (auto [value, region] :
       llvm::zip_equal(buffers, regions.getAsRange<BufferRegionAttr>()))
    if (value == buffer)
      return region;
  return {};
}

/// Computes, per dimension of `reloc.buffer`, the range that the accesses
/// in `reloc.fixed` cover in one iteration of `reloc.loop`. The dims of
/// `affine` are the loops at or outside `reloc.loop` (the first
/// `outer.size()`), then the loops inside it; `dimLoops` lists them.
static DiagnosedSilenceableFailure
coverAccesses(Relocation &reloc, ArrayRef<ForOp> outer, LoopAffineMap &affine,
              SmallVectorImpl<ForOp> &dimLoops,
              SmallVectorImpl<CoveredRange> &result) {
  auto reject = [&](BlockOp block) {
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(reloc.moved)
        << "cannot " << reloc.what << " block \"" << reloc.moved.getNameHint()
        << "\": the region of the buffer that block \"" << block.getNameHint()
        << "\" accesses is not an affine function of the loops, linear in the "
           "loops inside the target loop with constant bounds";
    diag.attachNote(block.getLoc())
        << "block \"" << block.getNameHint() << "\"";
    return diag;
  };
  dimLoops.assign(outer.begin(), outer.end());
  affine.dims = llvm::map_to_vector(
      outer, [](ForOp loop) -> Value { return loop.getInductionVar(); });
  unsigned rank = cast<MemRefType>(reloc.buffer.getType()).getRank();
  // Per access and dimension: the start at the inner loops' minimum, and
  // the extent over the inner loops.
  SmallVector<SmallVector<CoveredRange>> perAccess;
  for (Access &access : reloc.fixed) {
    for (ForOp loop : getLoops(access.block)) {
      if (llvm::is_contained(dimLoops, loop))
        continue;
      dimLoops.push_back(loop);
      affine.dims.push_back(loop.getInductionVar());
    }
    SmallVector<AffineExpr> bindings;
    for (Value binding : access.block.getBindings()) {
      FailureOr<AffineExpr> expr = affine.get(binding);
      // A binding the region does not use may be anything.
      bindings.push_back(succeeded(expr) ? *expr : AffineExpr());
    }
    // Region symbols are values outside the loops: symbols of `affine`.
    SmallVector<AffineExpr> symbols;
    for (Value symbol : access.block.getRegionSymbols()) {
      FailureOr<AffineExpr> expr = affine.get(symbol);
      if (failed(expr) || !expr->isSymbolicOrConstant())
        return reject(access.block);
      symbols.push_back(*expr);
    }
    SmallVector<CoveredRange> ranges;
    for (auto [expr, extentExpr] :
         llvm::zip_equal(access.region.getStart().getResults(),
                         access.region.getExtents().getResults())) {
      auto constantExtent = dyn_cast<AffineConstantExpr>(extentExpr);
      if (!constantExtent) {
        DiagnosedSilenceableFailure diag =
            emitSilenceableFailure(reloc.moved)
            << "cannot " << reloc.what << " block \""
            << reloc.moved.getNameHint() << "\": block \""
            << access.block.getNameHint()
            << "\" accesses the buffer with a symbolic region extent";
        diag.attachNote(access.block.getLoc())
            << "block \"" << access.block.getNameHint() << "\"";
        return diag;
      }
      int64_t extent = constantExtent.getValue();
      for (unsigned d = 0, e = bindings.size(); d < e; ++d)
        if (expr.isFunctionOfDim(d) && !bindings[d])
          return reject(access.block);
      AffineExpr composed = expr.replaceDimsAndSymbols(
          llvm::map_to_vector(bindings,
                              [&](AffineExpr b) {
                                return b ? b
                                         : getAffineConstantExpr(0, affine.ctx);
                              }),
          symbols);
      std::optional<std::pair<AffineExpr, int64_t>> range =
          coverInnerLoops(composed, outer.size(), dimLoops, extent);
      if (range) {
        ranges.push_back({range->first, range->second});
        continue;
      }
      // A point indexed by the variable of an inner loop from 0 to a
      // symbolic bound spans that loop's whole range.
      auto dim = dyn_cast<AffineDimExpr>(composed);
      if (!dim || dim.getPosition() < outer.size() || extent != 1)
        return reject(access.block);
      ForOp loop = dimLoops[dim.getPosition()];
      std::optional<int64_t> step =
          loop.getStep() ? getConstantIntValue(loop.getStep()) : 1;
      if (getConstantIntValue(loop.getLowerBound()) != 0 || step != 1)
        return reject(access.block);
      ranges.push_back(
          {getAffineConstantExpr(0, affine.ctx), 0, loop.getUpperBound()});
    }
    perAccess.push_back(std::move(ranges));
  }
  // The union of the ranges of one dimension, whose starts must differ by
  // constants.
  for (unsigned dim = 0; dim < rank; ++dim) {
    AffineExpr base = perAccess.front()[dim].start;
    Value symbolic = perAccess.front()[dim].symbolicExtent;
    int64_t lo = 0, hi = perAccess.front()[dim].extent;
    for (auto [access, ranges] : llvm::zip_equal(reloc.fixed, perAccess)) {
      AffineExpr diff = simplifyAffineExpr(
          ranges[dim].start - base, affine.dims.size(), affine.symbols.size());
      auto offset = dyn_cast<AffineConstantExpr>(diff);
      // A symbolic range only unites with the same range.
      bool sameSymbolic = ranges[dim].symbolicExtent == symbolic &&
                          (!symbolic || (offset && offset.getValue() == 0));
      if (!offset || !sameSymbolic) {
        DiagnosedSilenceableFailure diag =
            emitSilenceableFailure(reloc.moved)
            << "cannot " << reloc.what << " block \""
            << reloc.moved.getNameHint() << "\": the regions that the blocks "
            << "under the loop access in dimension " << dim
            << " are not a constant distance apart";
        diag.attachNote(access.block.getLoc())
            << "block \"" << access.block.getNameHint() << "\"";
        return diag;
      }
      lo = std::min(lo, offset.getValue());
      hi = std::max(hi, offset.getValue() + ranges[dim].extent);
    }
    result.push_back({simplifyAffineExpr(base + lo, affine.dims.size(),
                                         affine.symbols.size()),
                      hi - lo, symbolic});
  }
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

/// The enclosing tir.block or tir.prim_func of `op`.
static Operation *getScope(Operation *op) {
  Operation *parent = op->getParentOp();
  while (parent && !isa<BlockOp, PrimFuncOp>(parent))
    parent = parent->getParentOp();
  return parent;
}

/// The values `block` uses that are defined outside it, other than its
/// bindings: extents, buffers, predicate and the captures of its regions.
static void getExternalValues(BlockOp block, SmallVectorImpl<Value> &values) {
  auto add = [&](Value value) {
    if (!llvm::is_contained(values, value))
      values.push_back(value);
  };
  for (OpOperand &operand : block->getOpOperands())
    if (!llvm::is_contained(block.getBindings(), operand.get()))
      add(operand.get());
  for (Region &region : block->getRegions())
    region.walk([&](Operation *op) {
      for (Value operand : op->getOperands())
        if (!block->isAncestor(operand.getParentBlock()->getParentOp()))
          add(operand);
    });
}

/// Finds `reloc.movedRoot` and `reloc.loopRoot`: `loop` must be in the same
/// scope as `moved`, not around it, and its nest must come after (compute_at)
/// or before (reverse_compute_at) the moved block's nest.
static DiagnosedSilenceableFailure findRoots(Relocation &reloc,
                                             bool movedFirst) {
  BlockOp moved = reloc.moved;
  ForOp loop = reloc.loop;
  StringRef name = moved.getNameHint();
  auto reject = [&](StringRef why) {
    DiagnosedSilenceableFailure diag = emitSilenceableFailure(loop)
                                       << "cannot " << reloc.what << " block \""
                                       << name << "\" at this loop: " << why;
    diag.attachNote(moved.getLoc()) << "block \"" << name << "\"";
    return diag;
  };
  if (loop->isProperAncestor(moved))
    return reject("the loop already encloses the block");
  if (getScope(loop) != getScope(moved))
    return reject("it is not in the block's scope");
  Operation *root = moved;
  while (!root->getParentOp()->isAncestor(loop))
    root = root->getParentOp();
  Operation *loopRoot = loop;
  while (loopRoot->getBlock() != root->getBlock())
    loopRoot = loopRoot->getParentOp();
  if (root->isBeforeInBlock(loopRoot) != movedFirst)
    return reject(movedFirst ? "the block must come before the loop"
                             : "the block must come after the loop");
  reloc.movedRoot = root;
  reloc.loopRoot = loopRoot;
  return DiagnosedSilenceableFailure::success();
}

/// The moved block's nest holds only the block, loops and index
/// computations, which go away with it.
static DiagnosedSilenceableFailure checkMovedNest(Relocation &reloc) {
  BlockOp moved = reloc.moved;
  Operation *obstacle = nullptr;
  reloc.movedRoot->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == moved.getOperation())
      return WalkResult::skip();
    if (isa<ForOp, YieldOp>(op) ||
        (op->getNumRegions() == 0 && isMemoryEffectFree(op)))
      return WalkResult::advance();
    obstacle = op;
    return WalkResult::interrupt();
  });
  if (obstacle) {
    DiagnosedSilenceableFailure diag = emitSilenceableFailure(moved)
                                       << "cannot " << reloc.what << " block \""
                                       << moved.getNameHint()
                                       << "\": its loop nest holds another op";
    diag.attachNote(obstacle->getLoc()) << "op in the loop nest";
    return diag;
  }
  if (moved.getPredicate())
    return emitSilenceableFailure(moved)
           << "cannot " << reloc.what << " block \"" << moved.getNameHint()
           << "\": it has a predicate";
  for (unsigned i = 0, e = moved.getNumIterVars(); i < e; ++i) {
    IterKind kind = moved.getIterKind(i);
    if (kind == IterKind::Spatial || kind == IterKind::Reduce)
      continue;
    return emitSilenceableFailure(moved)
           << "cannot " << reloc.what << " block \"" << moved.getNameHint()
           << "\": iteration variable #" << i << " is '"
           << stringifyIterKind(kind) << "'";
  }
  // Everything the block uses must be available inside the loop.
  DominanceInfo dominance(reloc.loop);
  SmallVector<Value> external;
  getExternalValues(moved, external);
  for (Value value : external) {
    if (dominance.properlyDominates(value, reloc.loop))
      continue;
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(moved)
        << "cannot " << reloc.what << " block \"" << moved.getNameHint()
        << "\": it uses a value that is not available at the loop";
    diag.attachNote(value.getLoc()) << "value defined here";
    return diag;
  }
  return DiagnosedSilenceableFailure::success();
}

/// Sets up `reloc` for moving `block` under `loop` (`what` names the
/// primitive): finds its roots and checks the moved nest.
static DiagnosedSilenceableFailure startRelocation(Relocation &reloc,
                                                   BlockOp block, ForOp loop,
                                                   StringRef what,
                                                   bool movedFirst) {
  reloc.moved = block;
  reloc.loop = loop;
  reloc.what = what;
  DiagnosedSilenceableFailure diag = findRoots(reloc, movedFirst);
  if (!diag.succeeded())
    return diag;
  return checkMovedNest(reloc);
}

/// Appends the blocks nested in `op` (itself included) to `blocks`.
static void collectBlocks(Operation *op, SmallVectorImpl<BlockOp> &blocks) {
  op->walk([&](BlockOp block) { blocks.push_back(block); });
}

/// The blocks in the scope of the moved block: those nested in the ops of
/// the block that holds its nest.
static SmallVector<BlockOp> getScopeBlocks(const Relocation &reloc) {
  SmallVector<BlockOp> blocks;
  for (Operation &op : *reloc.movedRoot->getBlock())
    collectBlocks(&op, blocks);
  return blocks;
}

static bool touches(BlockOp block, Value buffer, bool reads, bool writes) {
  return (reads && llvm::is_contained(block.getReads(), buffer)) ||
         (writes && llvm::is_contained(block.getWrites(), buffer));
}

/// Rejects a block in `blocks` (other than `except`) that reads `readOf` or
/// writes `writeOf`.
static DiagnosedSilenceableFailure rejectConflict(Relocation &reloc,
                                                  ArrayRef<BlockOp> blocks,
                                                  ArrayRef<Value> readOf,
                                                  ArrayRef<Value> writeOf,
                                                  StringRef where) {
  for (BlockOp block : blocks) {
    if (block == reloc.moved)
      continue;
    bool conflict =
        llvm::any_of(readOf,
                     [&](Value b) { return touches(block, b, true, false); }) ||
        llvm::any_of(writeOf,
                     [&](Value b) { return touches(block, b, false, true); });
    if (!conflict)
      continue;
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(reloc.moved)
        << "cannot " << reloc.what << " block \"" << reloc.moved.getNameHint()
        << "\": block \"" << block.getNameHint() << "\" " << where
        << " accesses a buffer that the block depends on";
    diag.attachNote(block.getLoc())
        << "block \"" << block.getNameHint() << "\"";
    return diag;
  }
  return DiagnosedSilenceableFailure::success();
}

/// The blocks in the ops strictly between `first` and `last` of one block.
static SmallVector<BlockOp> blocksBetween(Operation *first, Operation *last) {
  SmallVector<BlockOp> blocks;
  for (Operation *op = first->getNextNode(); op && op != last;
       op = op->getNextNode())
    collectBlocks(op, blocks);
  return blocks;
}

//===----------------------------------------------------------------------===//
// Rewrite
//===----------------------------------------------------------------------===//

namespace {
/// The range of one iteration variable of the moved block and the guards it
/// needs against the variable's domain.
struct IterRange {
  AffineExpr start;
  OpFoldResult extent;
  bool guardLow = false;
  bool guardHigh = false;
};
} // namespace

/// Ranges of the moved block's iteration variables: the covered range of
/// the buffer dimension a variable indexes, clamped to its domain, or its
/// whole domain. `clampToDomain` widens a range that spans the whole
/// constant domain to the domain (only compute_at may compute more than
/// needed).
static SmallVector<IterRange> getIterRanges(BlockOp moved,
                                            ArrayRef<unsigned> varPerDim,
                                            ArrayRef<CoveredRange> covered,
                                            ArrayRef<ForOp> dimLoops,
                                            bool clampToDomain) {
  MLIRContext *ctx = moved.getContext();
  SmallVector<OpFoldResult> domains = moved.getMixedExtents();
  SmallVector<IterRange> ranges;
  for (OpFoldResult domain : domains)
    ranges.push_back({getAffineConstantExpr(0, ctx), domain});
  for (auto [dim, var] : llvm::enumerate(varPerDim)) {
    const CoveredRange &range = covered[dim];
    if (range.symbolicExtent) {
      // The whole domain, or the loop's range guarded by the domain.
      if (range.symbolicExtent == dyn_cast<Value>(domains[var]))
        continue;
      ranges[var].extent = range.symbolicExtent;
      ranges[var].guardHigh = true;
      continue;
    }
    std::optional<int64_t> domain = getConstantIntValue(domains[var]);
    Interval bounds = evalRange(range.start, dimLoops);
    bool startsAtZero = bounds.lo == 0 && bounds.hi == 0;
    if (domain && range.extent >= *domain && (clampToDomain || startsAtZero))
      continue;
    IterRange &result = ranges[var];
    result.start = range.start;
    result.extent = Builder(ctx).getIndexAttr(range.extent);
    result.guardLow = !bounds.lo || *bounds.lo < 0;
    // A symbolic domain is provably not passed by the single value of a
    // loop that runs from 0 up to it.
    auto loopVar = dyn_cast<AffineDimExpr>(range.start);
    bool belowSymbolic =
        !domain && loopVar && range.extent == 1 && bounds.lo == 0 &&
        ForOp(dimLoops[loopVar.getPosition()]).getUpperBound() ==
            dyn_cast<Value>(domains[var]);
    result.guardHigh = !belowSymbolic && (!domain || !bounds.hi ||
                                          *bounds.hi + range.extent > *domain);
  }
  return ranges;
}

/// Moves `reloc.moved` in front of `point` (an op in `reloc.loop`'s body)
/// inside one new loop per iteration variable over `ranges`, with bindings
/// `start + loop` and a predicate for the guards, and erases its old nest.
static void relocate(RewriterBase &rewriter, Relocation &reloc,
                     Operation *point, ArrayRef<IterRange> ranges,
                     LoopAffineMap &affine) {
  BlockOp moved = reloc.moved;
  Location loc = moved.getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(point);
  Value zero = getIndexConstant(rewriter, point, 0);
  SmallVector<Value> starts;
  for (const IterRange &range : ranges) {
    if (auto constant = dyn_cast<AffineConstantExpr>(range.start))
      starts.push_back(getIndexConstant(rewriter, point, constant.getValue()));
    else
      starts.push_back(emitIndex(rewriter, point, range.start, affine));
  }
  SmallVector<Value> bindings;
  Operation *anchor = point;
  for (auto [range, start] : llvm::zip_equal(ranges, starts)) {
    if (getConstantIntValue(range.extent) == 1) {
      bindings.push_back(start);
      continue;
    }
    Value ub = isa<Value>(range.extent)
                   ? cast<Value>(range.extent)
                   : getIndexConstant(rewriter, point,
                                      *getConstantIntValue(range.extent));
    auto newLoop = ForOp::create(rewriter, loc, zero, ub);
    rewriter.setInsertionPointToStart(newLoop.getBody());
    anchor = newLoop.getBody()->getTerminator();
    Value iv = newLoop.getInductionVar();
    bindings.push_back(
        start == zero
            ? iv
            : arith::AddIOp::create(rewriter, loc, start, iv).getResult());
  }
  Value predicate;
  auto conjoin = [&](Value cond) {
    predicate = predicate
                    ? arith::AndIOp::create(rewriter, loc, predicate, cond)
                    : cond;
  };
  SmallVector<OpFoldResult> domains = moved.getMixedExtents();
  for (auto [range, binding, domain] :
       llvm::zip_equal(ranges, bindings, domains)) {
    if (range.guardLow)
      conjoin(arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::sge,
                                    binding, zero));
    if (range.guardHigh) {
      Value bound =
          isa<Value>(domain)
              ? cast<Value>(domain)
              : getIndexConstant(rewriter, point, *getConstantIntValue(domain));
      conjoin(arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt,
                                    binding, bound));
    }
  }
  rewriter.moveOpBefore(moved, anchor);
  rewriter.modifyOpInPlace(moved, [&] {
    moved.getBindingsMutable().assign(bindings);
    if (predicate)
      moved.getPredicateMutable().assign(predicate);
  });
  if (reloc.movedRoot != moved.getOperation())
    rewriter.eraseOp(reloc.movedRoot);
}

/// The loops at or outside `loop` inside its scope, outermost first.
static SmallVector<ForOp> getOuterLoops(ForOp loop) {
  SmallVector<ForOp> loops;
  for (Operation *op = loop; op && !isa<BlockOp, PrimFuncOp>(op);
       op = op->getParentOp())
    if (auto forOp = dyn_cast<ForOp>(op))
      loops.push_back(forOp);
  std::reverse(loops.begin(), loops.end());
  return loops;
}

/// Checks the symbols of the covered ranges (values the accesses use that
/// do not depend on the loops) are available in front of the loop.
static DiagnosedSilenceableFailure
checkSymbols(Relocation &reloc, LoopAffineMap &affine,
             ArrayRef<CoveredRange> covered) {
  DominanceInfo dominance(reloc.loop);
  SmallVector<Value> symbols(affine.symbols);
  for (const CoveredRange &range : covered)
    if (range.symbolicExtent)
      symbols.push_back(range.symbolicExtent);
  for (Value symbol : symbols) {
    if (dominance.properlyDominates(symbol, reloc.loop))
      continue;
    DiagnosedSilenceableFailure diag =
        emitSilenceableFailure(reloc.moved)
        << "cannot " << reloc.what << " block \"" << reloc.moved.getNameHint()
        << "\": a region bound uses a value that is not available at the loop";
    diag.attachNote(symbol.getLoc()) << "value defined here";
    return diag;
  }
  return DiagnosedSilenceableFailure::success();
}

/// The op of `loop`'s body that contains `op`.
static Operation *childOf(ForOp loop, Operation *op) {
  while (op->getParentOp() != loop.getOperation())
    op = op->getParentOp();
  return op;
}

/// The end of compute_at (`computeAt`) and reverse_compute_at once
/// `reloc.fixed` is known: the last check, that the ranges the fixed
/// accesses cover in one iteration of the loop are computable in front of
/// it, then the move of the block in front of the first fixed access
/// (compute_at) or after the last one (reverse_compute_at).
static DiagnosedSilenceableFailure
coverAndRelocate(RewriterBase &rewriter, Relocation &reloc,
                 ArrayRef<unsigned> varPerDim, bool computeAt) {
  LoopAffineMap affine;
  affine.ctx = reloc.moved.getContext();
  SmallVector<ForOp> outer = getOuterLoops(reloc.loop), dimLoops;
  SmallVector<CoveredRange> covered;
  DiagnosedSilenceableFailure diag =
      coverAccesses(reloc, outer, affine, dimLoops, covered);
  if (!diag.succeeded())
    return diag;
  diag = checkSymbols(reloc, affine, covered);
  if (!diag.succeeded())
    return diag;

  // Step 2. Move the block in front of the first consumer (compute_at) or
  // after the last producer (reverse_compute_at).
  Operation *first = nullptr, *last = nullptr;
  for (Access &access : reloc.fixed) {
    Operation *child = childOf(reloc.loop, access.block);
    if (!first || child->isBeforeInBlock(first))
      first = child;
    if (!last || last->isBeforeInBlock(child))
      last = child;
  }
  SmallVector<IterRange> ranges = getIterRanges(
      reloc.moved, varPerDim, covered, dimLoops, /*clampToDomain=*/computeAt);
  relocate(rewriter, reloc, computeAt ? first : last->getNextNode(), ranges,
           affine);
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// compute_at
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure mlc::tir::computeAt(RewriterBase &rewriter,
                                                BlockOp block, ForOp loop) {
  // Step 1. Check everything.
  Relocation reloc;
  StringRef name = block.getNameHint();
  DiagnosedSilenceableFailure diag =
      startRelocation(reloc, block, loop, "compute_at", /*movedFirst=*/true);
  if (!diag.succeeded())
    return diag;
  if (block.getWrites().size() != 1)
    return emitSilenceableFailure(block)
           << "cannot compute_at block \"" << name
           << "\": it must write exactly one buffer";
  reloc.buffer = block.getWrites().front();
  reloc.movedRegion =
      cast<BufferRegionAttr>(block.getWriteRegions().getValue().front());
  if (!reloc.buffer.getDefiningOp<AllocBufferOp>())
    return emitSilenceableFailure(block)
           << "cannot compute_at block \"" << name
           << "\": it writes a buffer that is not a tir.alloc_buffer (an "
              "output of the scope)";
  std::optional<SmallVector<unsigned>> varPerDim =
      getIterVarPerDim(reloc.movedRegion);
  if (!varPerDim ||
      llvm::any_of(llvm::seq(block.getNumIterVars()), [&](unsigned i) {
        return block.getIterKind(i) == IterKind::Spatial &&
               !llvm::is_contained(*varPerDim, i);
      }))
    return emitSilenceableFailure(block)
           << "cannot compute_at block \"" << name
           << "\": its write region must index each dimension by a distinct "
              "spatial iteration variable, using all of them";

  // Every other block of the scope that accesses the buffer reads it, and
  // is inside the loop.
  for (BlockOp other : getScopeBlocks(reloc)) {
    if (other == block || !touches(other, reloc.buffer, true, true))
      continue;
    if (touches(other, reloc.buffer, false, true)) {
      diag = emitSilenceableFailure(block)
             << "cannot compute_at block \"" << name
             << "\": it is not the only writer of its buffer";
      diag.attachNote(other.getLoc()) << "other writer";
      return diag;
    }
    if (!loop->isProperAncestor(other) || getScope(other) != getScope(block)) {
      diag = emitSilenceableFailure(block)
             << "cannot compute_at block \"" << name
             << "\": a consumer is not under the loop in the block's scope";
      diag.attachNote(other.getLoc()) << "consumer";
      return diag;
    }
    reloc.fixed.push_back(
        {other,
         findRegion(other.getReads(), other.getReadRegions(), reloc.buffer)});
  }
  if (reloc.fixed.empty())
    return emitSilenceableFailure(block)
           << "cannot compute_at block \"" << name
           << "\": no block under the loop reads its buffer";
  // What the producer reads must not change between its old and new place.
  SmallVector<Value> inputs(block.getReads());
  SmallVector<BlockOp> between = blocksBetween(reloc.movedRoot, reloc.loopRoot);
  diag = rejectConflict(reloc, between, {reloc.buffer}, inputs,
                        "between the block and the loop");
  if (!diag.succeeded())
    return diag;
  // The whole nest of the loop now runs around the block.
  SmallVector<BlockOp> nest;
  collectBlocks(reloc.loopRoot, nest);
  diag = rejectConflict(reloc, nest, {}, inputs, "in the loop's nest");
  if (!diag.succeeded())
    return diag;

  return coverAndRelocate(rewriter, reloc, *varPerDim, /*computeAt=*/true);
}

//===----------------------------------------------------------------------===//
// reverse_compute_at
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
mlc::tir::reverseComputeAt(RewriterBase &rewriter, BlockOp block, ForOp loop) {
  // Step 1. Check everything.
  Relocation reloc;
  StringRef name = block.getNameHint();
  DiagnosedSilenceableFailure diag = startRelocation(
      reloc, block, loop, "reverse_compute_at", /*movedFirst=*/false);
  if (!diag.succeeded())
    return diag;

  // The buffer: the one the block reads that is written under the loop.
  SmallVector<BlockOp> inside;
  collectBlocks(loop, inside);
  for (Value read : block.getReads()) {
    if (llvm::none_of(inside, [&](BlockOp other) {
          return touches(other, read, false, true);
        }))
      continue;
    if (reloc.buffer)
      return emitSilenceableFailure(block)
             << "cannot reverse_compute_at block \"" << name
             << "\": it reads more than one buffer written under the loop";
    reloc.buffer = read;
  }
  if (!reloc.buffer)
    return emitSilenceableFailure(block)
           << "cannot reverse_compute_at block \"" << name
           << "\": it reads no buffer written under the loop";
  reloc.movedRegion =
      findRegion(block.getReads(), block.getReadRegions(), reloc.buffer);
  std::optional<SmallVector<unsigned>> varPerDim =
      getIterVarPerDim(reloc.movedRegion);
  if (!varPerDim)
    return emitSilenceableFailure(block)
           << "cannot reverse_compute_at block \"" << name
           << "\": its read region of the produced buffer must index each "
              "dimension by a distinct iteration variable";

  // Every writer of the buffer in the scope is under the loop.
  for (BlockOp other : getScopeBlocks(reloc)) {
    if (!touches(other, reloc.buffer, false, true))
      continue;
    if (!loop->isProperAncestor(other) || getScope(other) != getScope(block)) {
      diag = emitSilenceableFailure(block)
             << "cannot reverse_compute_at block \"" << name
             << "\": a producer of its input is not under the loop in the "
                "block's scope";
      diag.attachNote(other.getLoc()) << "producer";
      return diag;
    }
    reloc.fixed.push_back(
        {other,
         findRegion(other.getWrites(), other.getWriteRegions(), reloc.buffer)});
  }
  // Nothing in the loop's nest (which now runs around the block) or between
  // it and the block may touch what the block writes, or write what else it
  // reads.
  SmallVector<Value> outputs(block.getWrites());
  SmallVector<Value> otherInputs;
  for (Value read : block.getReads())
    if (read != reloc.buffer)
      otherInputs.push_back(read);
  SmallVector<Value> written(outputs);
  llvm::append_range(written, otherInputs);
  SmallVector<BlockOp> nest;
  collectBlocks(reloc.loopRoot, nest);
  diag = rejectConflict(reloc, nest, outputs, written, "in the loop's nest");
  if (!diag.succeeded())
    return diag;
  SmallVector<BlockOp> between = blocksBetween(reloc.loopRoot, reloc.movedRoot);
  SmallVector<Value> allWritten(written);
  allWritten.push_back(reloc.buffer);
  diag = rejectConflict(reloc, between, outputs, allWritten,
                        "between the loop and the block");
  if (!diag.succeeded())
    return diag;

  return coverAndRelocate(rewriter, reloc, *varPerDim, /*computeAt=*/false);
}
