//===- DefaultSchedule.cpp - Rule-based default schedules for tir ---------===//
//
// Default schedules in the spirit of TVM's DLight: each rule recognises a
// block shape and applies schedule primitives (Dialect/TIR/Schedule.h).
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/TIR/Schedule.h"
#include "mlc/Dialect/TIR/TIROps.h"
#include "mlc/Dialect/TIR/Transforms/BlockPattern.h"
#include "mlc/Dialect/TIR/Transforms/Passes.h"
#include "mlc/Dialect/TIR/Transforms/Transforms.h"

#include "ScheduleRules.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"

namespace mlc {
#define GEN_PASS_DEF_TIRDEFAULTSCHEDULEPASS
#include "mlc/Dialect/TIR/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;
using namespace mlc;
using mlc::detail::getPlainLoopNest;
using mlc::detail::succeeded;

std::optional<SmallVector<tir::ForOp>>
mlc::detail::getPlainLoopNest(tir::BlockOp block) {
  SmallVector<tir::ForOp> loops = tir::getLoops(block);
  if (loops.size() != block.getBindings().size())
    return std::nullopt;
  for (auto [loop, binding] : llvm::zip_equal(loops, block.getBindings()))
    if (binding != loop.getInductionVar())
      return std::nullopt;
  return loops;
}

void mlc::detail::moveParallelismOutermost(RewriterBase &rewriter,
                                           tir::BlockOp block) {
  SmallVector<tir::ForOp> nest = tir::getLoops(block);
  if (nest.empty())
    return;
  for (tir::ForOp loop : ArrayRef(nest).drop_front())
    if (loop.getKind() == tir::ForKind::Parallel)
      (void)succeeded(tir::setLoopKind(rewriter, loop, tir::ForKind::Serial));
  if (isa<tir::PrimFuncOp>(nest.front()->getParentOp()) &&
      nest.front().getKind() == tir::ForKind::Serial)
    (void)succeeded(
        tir::setLoopKind(rewriter, nest.front(), tir::ForKind::Parallel));
}

bool mlc::detail::succeeded(DiagnosedSilenceableFailure &&result) {
  if (result.succeeded())
    return true;
  (void)result.silence();
  return false;
}

/// Rows per tile and reduction steps per tile of tileRowsAndReduction.
static constexpr int64_t kRowTile = 8;
static constexpr int64_t kReduceTile = 64;

/// Splits `loop` into (outer, inner) with an inner extent of `factor`, unless
/// its extent is a constant no larger than `factor`. Returns the loops
/// (outer first), or just `loop` when it stays whole.
static SmallVector<tir::ForOp> splitBy(RewriterBase &rewriter, tir::ForOp loop,
                                       int64_t factor) {
  std::optional<int64_t> extent = getConstantIntValue(loop.getUpperBound());
  SmallVector<tir::ForOp> result;
  if ((extent && *extent <= factor) ||
      !succeeded(
          tir::split(rewriter, loop, {tir::kInferredFactor, factor}, result)))
    return {loop};
  return result;
}

/// Cache tiling on the nest `row`, `reduce`, innermost spatial loop that
/// moveReductionOutward leaves: the reduction is split into tiles of
/// kReduceTile steps and the rows into tiles of kRowTile, giving
/// `rowOuter, reduceOuter, rowInner, reduceInner, inner`. Each tile of
/// kReduceTile rows of the second operand (64 x N values) then serves
/// kRowTile rows of the output from cache instead of being streamed from
/// memory once per row. The innermost loop is not split: a predicate inside
/// it (for a symbolic extent) would keep LLVM from vectorizing it. When the
/// row loop is parallel its outer part is.
static void tileRowsAndReduction(RewriterBase &rewriter, tir::ForOp row,
                                 tir::ForOp reduce) {
  bool parallel = row.getKind() == tir::ForKind::Parallel;
  SmallVector<tir::ForOp> rows = splitBy(rewriter, row, kRowTile);
  SmallVector<tir::ForOp> reduces = splitBy(rewriter, reduce, kReduceTile);
  if (rows.size() == 2 && parallel)
    (void)succeeded(
        tir::setLoopKind(rewriter, rows[0], tir::ForKind::Parallel));
  if (rows.size() == 2 && reduces.size() == 2)
    (void)succeeded(tir::reorder(rewriter, {reduces[0], rows[1]}));
}

/// Reduce loops inside the innermost spatial loop move outside it, when that
/// spatial variable is the last index of the first written buffer: the
/// innermost loop then walks memory contiguously and vectorizes. Returns
/// whether the block was rescheduled.
static bool moveReductionOutward(RewriterBase &rewriter, tir::BlockOp block) {
  std::optional<SmallVector<tir::ForOp>> loops = getPlainLoopNest(block);
  if (!loops || block.getWrites().empty())
    return false;
  SmallVector<tir::IterKind> kinds =
      llvm::map_to_vector(block.getIterKinds(), [](Attribute kind) {
        return cast<tir::IterKindAttr>(kind).getValue();
      });
  // The legalized shape: spatial loops, then reduce loops.
  auto firstReduce = llvm::find(kinds, tir::IterKind::Reduce);
  if (firstReduce == kinds.end() ||
      !llvm::all_of(llvm::make_range(firstReduce, kinds.end()),
                    [](tir::IterKind k) { return k == tir::IterKind::Reduce; }))
    return false;
  unsigned numSpatial = firstReduce - kinds.begin();
  // Keep the outermost (parallel) loop outermost.
  if (numSpatial < 2 ||
      !llvm::all_of(
          llvm::make_range(kinds.begin(), firstReduce),
          [](tir::IterKind k) { return k == tir::IterKind::Spatial; }))
    return false;
  auto region = cast<tir::BufferRegionAttr>(block.getWriteRegions()[0]);
  if (region.getRank() == 0)
    return false;
  auto lastIndex = dyn_cast<AffineDimExpr>(
      region.getStart().getResult(region.getRank() - 1));
  unsigned innerSpatial = numSpatial - 1;
  if (!lastIndex || lastIndex.getPosition() != innerSpatial)
    return false;
  SmallVector<tir::ForOp> order(loops->begin() + numSpatial, loops->end());
  order.push_back((*loops)[innerSpatial]);
  if (!succeeded(tir::reorder(rewriter, order)))
    return false;
  // A row loop that other blocks share (fused rows) stays whole: splitting
  // it would replace the loop those blocks and fuseRows' list refer to.
  tir::ForOp row = (*loops)[innerSpatial - 1];
  unsigned blocksInRow = 0;
  row.walk([&](tir::BlockOp) { ++blocksInRow; });
  if (loops->size() == numSpatial + 1 && blocksInRow == 1)
    tileRowsAndReduction(rewriter, row, (*loops)[numSpatial]);
  return true;
}

/// Loops whose bounds are the same value or equal constants.
static bool sameBound(Value lhs, Value rhs) {
  if (lhs == rhs)
    return true;
  std::optional<int64_t> l = getConstantIntValue(lhs);
  return l && l == getConstantIntValue(rhs);
}

/// Whether `index` is an iteration variable of `block` bound to the
/// variable of `rows`.
static bool isRowVar(tir::BlockOp block, Value index, tir::ForOp rows) {
  auto arg = dyn_cast<BlockArgument>(index);
  if (!arg || arg.getOwner()->getParentOp() != block.getOperation())
    return false;
  return block.getBindings()[arg.getArgNumber()] == rows.getInductionVar();
}

/// TVM's CompactBufferAllocation for the row-wise chains: an intermediate
/// `[m, ...]` that, after fuseRows, only blocks under the row loop access,
/// each at its own row (dim 0 indexed by the variable bound to the row
/// loop), shrinks to `[1, ...]` allocated in each iteration of the row loop.
/// The exponentials of a softmax then stay in cache instead of filling (and
/// page-faulting) a buffer of the whole input's size. Returns whether the
/// buffer was compacted.
static bool compactToRow(RewriterBase &rewriter, tir::AllocBufferOp alloc,
                         tir::ForOp rows, Value &zero) {
  MemRefType type = alloc.getType();
  if (type.getRank() < 1)
    return false;
  Value buffer = alloc.getResult();
  SmallVector<OpOperand *> uses;
  for (OpOperand &use : buffer.getUses()) {
    Operation *user = use.getOwner();
    if (!rows->isProperAncestor(user))
      return false;
    auto block = dyn_cast<tir::BlockOp>(user);
    auto owner = block ? block : user->getParentOfType<tir::BlockOp>();
    if (!owner)
      return false;
    if (block) {
      // The region of the buffer: dim 0 is the row variable, a point.
      bool isRead = llvm::is_contained(block.getReads(), buffer);
      ArrayAttr regions =
          isRead ? block.getReadRegions() : block.getWriteRegions();
      ValueRange buffers = isRead ? block.getReads() : block.getWrites();
      for (auto [value, attr] : llvm::zip_equal(buffers, regions)) {
        auto region = cast<tir::BufferRegionAttr>(attr);
        auto dim = dyn_cast<AffineDimExpr>(region.getStart().getResult(0));
        if (value == buffer &&
            (!dim ||
             region.getExtent(0) !=
                 getAffineConstantExpr(1, rewriter.getContext()) ||
             block.getBindings()[dim.getPosition()] != rows.getInductionVar()))
          return false;
      }
      continue;
    }
    Value index;
    if (auto load = dyn_cast<memref::LoadOp>(user))
      index = load.getIndices().front();
    else if (auto store = dyn_cast<memref::StoreOp>(user);
             store && use.getOperandNumber() == 1)
      index = store.getIndices().front();
    if (!index || !isRowVar(owner, index, rows))
      return false;
    uses.push_back(&use);
  }

  // One row, allocated where each row starts; every access goes to row 0.
  MLIRContext *ctx = rewriter.getContext();
  SmallVector<int64_t> shape(type.getShape());
  shape[0] = 1;
  SmallVector<Value> sizes(alloc.getDynamicSizes());
  if (ShapedType::isDynamic(type.getDimSize(0)))
    sizes.erase(sizes.begin());
  if (!zero) {
    rewriter.setInsertionPoint(rows);
    zero = arith::ConstantIndexOp::create(rewriter, alloc.getLoc(), 0);
  }
  rewriter.setInsertionPointToStart(rows.getBody());
  MemRefType rowType = MemRefType::Builder(type).setShape(shape);
  auto rowBuffer = tir::AllocBufferOp::create(rewriter, alloc.getLoc(), rowType,
                                              ValueRange(sizes));
  for (OpOperand *use : uses) {
    Operation *user = use->getOwner();
    unsigned firstIndex = isa<memref::LoadOp>(user) ? 1 : 2;
    rewriter.modifyOpInPlace(user, [&] {
      user->setOperand(firstIndex, zero);
      use->set(rowBuffer);
    });
  }
  auto toRowZero = [&](ValueRange buffers, ArrayAttr regions) {
    SmallVector<Attribute> result(regions.begin(), regions.end());
    for (auto [i, value] : llvm::enumerate(buffers)) {
      if (value != buffer)
        continue;
      auto region = cast<tir::BufferRegionAttr>(result[i]);
      AffineMap start = region.getStart();
      SmallVector<AffineExpr> starts(start.getResults());
      starts[0] = getAffineConstantExpr(0, ctx);
      result[i] = tir::BufferRegionAttr::get(
          ctx,
          AffineMap::get(start.getNumDims(), start.getNumSymbols(), starts,
                         ctx),
          region.getExtents());
    }
    return ArrayAttr::get(ctx, result);
  };
  for (Operation *user : llvm::to_vector(buffer.getUsers())) {
    auto block = cast<tir::BlockOp>(user);
    rewriter.modifyOpInPlace(block, [&] {
      block.setReadRegionsAttr(
          toRowZero(block.getReads(), block.getReadRegions()));
      block.setWriteRegionsAttr(
          toRowZero(block.getWrites(), block.getWriteRegions()));
      for (OpOperand &operand : block->getOpOperands())
        if (operand.get() == buffer)
          operand.set(rowBuffer);
    });
  }
  rewriter.eraseOp(alloc);
  return true;
}

/// Row-wise fusion (softmax, normalizations): when the body of `func` is a
/// sequence of loop nests whose outermost loops run over the same rows, the
/// blocks of the earlier nests move under the last nest's row loop
/// (compute_at, the last producer first). Each row is then reduced,
/// transformed and written while it is in cache, and the rows stay
/// parallel. Stops at the first block that cannot move. Returns the number
/// of blocks moved; the row loop is added to `fusedRows` when one moved.
static unsigned fuseRows(RewriterBase &rewriter, tir::PrimFuncOp func,
                         SmallVectorImpl<tir::ForOp> &fusedRows) {
  SmallVector<tir::ForOp> nests =
      llvm::to_vector(func.getBody().front().getOps<tir::ForOp>());
  if (nests.size() < 2)
    return 0;
  tir::ForOp rows = nests.back();
  if (llvm::any_of(nests, [&](tir::ForOp nest) {
        return !sameBound(nest.getUpperBound(), rows.getUpperBound()) ||
               !sameBound(nest.getLowerBound(), rows.getLowerBound());
      }))
    return 0;
  SmallVector<tir::BlockOp> producers;
  for (tir::ForOp nest : llvm::drop_end(nests))
    nest.walk([&](tir::BlockOp block) { producers.push_back(block); });
  unsigned moved = 0;
  for (tir::BlockOp block : llvm::reverse(producers)) {
    if (!succeeded(tir::computeAt(rewriter, block, rows)))
      break;
    ++moved;
  }
  if (moved != 0)
    fusedRows.push_back(rows);
  return moved;
}

/// compactToRow for the intermediates of every fused row loop, once the
/// block rules (which read the blocks' indices) are done.
static void compactFusedRows(RewriterBase &rewriter,
                             ArrayRef<tir::ForOp> fusedRows) {
  for (tir::ForOp rows : fusedRows) {
    auto func = rows->getParentOfType<tir::PrimFuncOp>();
    Value zero;
    for (tir::AllocBufferOp alloc :
         llvm::to_vector(func.getBody().front().getOps<tir::AllocBufferOp>()))
      (void)compactToRow(rewriter, alloc, rows, zero);
  }
}

/// A float reduction over the innermost loop (`C[v] = C[v] + x`): LLVM
/// vectorizes it only if it may reassociate the sum, which is the freedom
/// TVM's rfactor takes when it splits a reduction into vector lanes. The
/// combiner gets `reassoc`, so LLVM keeps one partial sum per lane (and
/// several vectors of them) and handles the tail of a symbolic extent
/// itself; max and min need no flag. Returns whether the block changed.
static bool vectorizeInnerReduction(RewriterBase &rewriter,
                                    tir::BlockOp block) {
  if (!block.hasInit() || block.getWrites().size() != 1)
    return false;
  // Only a reduction that the innermost loop walks.
  SmallVector<tir::ForOp> loops = tir::getLoops(block);
  if (loops.empty())
    return false;
  Value innermost = loops.back().getInductionVar();
  bool innerReduce = false;
  for (auto [i, binding] : llvm::enumerate(block.getBindings()))
    if (binding == innermost && block.getIterKind(i) == tir::IterKind::Reduce)
      innerReduce = true;
  if (!innerReduce)
    return false;
  Value output = block.getWrites()[0];
  bool changed = false;
  block.getBody()->walk([&](memref::StoreOp store) {
    if (store.getMemRef() != output)
      return;
    auto combiner = store.getValue().getDefiningOp<arith::AddFOp>();
    if (!combiner || arith::bitEnumContainsAll(combiner.getFastmath(),
                                               arith::FastMathFlags::reassoc))
      return;
    rewriter.modifyOpInPlace(combiner, [&] {
      combiner.setFastmath(combiner.getFastmath() |
                           arith::FastMathFlags::reassoc);
    });
    changed = true;
  });
  return changed;
}

/// A float division by a value that the innermost loop does not change (the
/// softmax's and the norms' `x / sum[row]`): the division gets
/// `fastmath<arcp>`, so LLVM computes the reciprocal once per row and
/// multiplies (a vector division costs about ten multiplications; the
/// result may differ in the last bit). Returns whether the block changed.
static bool multiplyByReciprocal(RewriterBase &rewriter, tir::BlockOp block) {
  SmallVector<tir::ForOp> loops = tir::getLoops(block);
  if (loops.empty())
    return false;
  Value innermost = loops.back().getInductionVar();
  // The iteration variables that the innermost loop drives.
  llvm::SmallDenseSet<Value> varying;
  for (auto [var, binding] :
       llvm::zip_equal(block.getIterVars(), block.getBindings()))
    if (binding == innermost)
      varying.insert(var);
  if (varying.empty())
    return false;
  bool changed = false;
  block.getBody()->walk([&](arith::DivFOp div) {
    auto load = div.getRhs().getDefiningOp<memref::LoadOp>();
    if (!load || load->getBlock() != block.getBody() ||
        llvm::any_of(load.getIndices(),
                     [&](Value index) { return varying.contains(index); }) ||
        arith::bitEnumContainsAll(div.getFastmath(),
                                  arith::FastMathFlags::arcp))
      return;
    rewriter.modifyOpInPlace(div, [&] {
      div.setFastmath(div.getFastmath() | arith::FastMathFlags::arcp);
    });
    changed = true;
  });
  return changed;
}

/// The CPU's parallelism: each outermost loop of `func` that binds only
/// spatial iteration variables (its iterations write disjoint outputs)
/// runs on the cores (OpenMP). Returns the number of loops made parallel.
static unsigned parallelizeOuterLoops(RewriterBase &rewriter,
                                      tir::PrimFuncOp func) {
  unsigned parallelized = 0;
  for (tir::ForOp loop :
       llvm::to_vector(func.getBody().front().getOps<tir::ForOp>())) {
    if (loop.getKind() != tir::ForKind::Serial)
      continue;
    DiagnosedSilenceableFailure result =
        tir::setLoopKind(rewriter, loop, tir::ForKind::Parallel);
    if (result.succeeded())
      ++parallelized;
    else
      (void)result.silence(); // a reduction outermost: stays serial
  }
  return parallelized;
}

/// Reorders the loops that bind the iteration variables one to one into
/// `order` (variable positions, outermost first), when they are not so
/// already. Returns whether the loops moved.
static bool reorderLoopsByVars(RewriterBase &rewriter, tir::BlockOp block,
                               ArrayRef<unsigned> order) {
  std::optional<SmallVector<tir::ForOp>> loops =
      mlc::detail::getLoopPerIterVar(block);
  if (!loops)
    return false;
  SmallVector<tir::ForOp> wanted =
      llvm::map_to_vector(order, [&](unsigned var) { return (*loops)[var]; });
  SmallVector<tir::ForOp> current = tir::getLoops(block);
  if (ArrayRef(current).take_back(wanted.size()) == ArrayRef(wanted) ||
      !succeeded(tir::reorder(rewriter, wanted)))
    return false;
  mlc::detail::moveParallelismOutermost(rewriter, block);
  return true;
}

/// The positions of the iteration variables that index the store of a
/// block's written buffer, when they are plain variables.
static std::optional<SmallVector<unsigned>> getStoreVars(tir::BlockOp block) {
  for (Operation &op : block.getBody()->without_terminator()) {
    auto store = dyn_cast<memref::StoreOp>(op);
    if (!store || store.getMemRef() != block.getWrites()[0])
      continue;
    SmallVector<unsigned> vars;
    for (Value index : store.getIndices()) {
      auto arg = dyn_cast<BlockArgument>(index);
      if (!arg || arg.getOwner() != block.getBody())
        return std::nullopt;
      vars.push_back(arg.getArgNumber());
    }
    return vars;
  }
  return std::nullopt;
}

/// Spatial blocks walk the written buffer in memory order: the loops go in
/// the order of the store's indices, so the innermost one is contiguous
/// and vectorizes (a hand-written `for j { for i { C[i, j] = ... } }`
/// becomes `for i { for j { ... } }`).
static bool makeWriteContiguous(RewriterBase &rewriter, tir::BlockOp block) {
  std::optional<SmallVector<unsigned>> vars = getStoreVars(block);
  if (!vars || vars->size() != block.getNumIterVars())
    return false;
  return reorderLoopsByVars(rewriter, block, *vars);
}

/// A matrix-vector product `y[i] += A[i, k] * x[k]`: the reduction stays
/// innermost when it walks the matrix's rows contiguously (dot products
/// that vectorize once reassociated), else moves outward so the output
/// loop is innermost (`y[j] += x[k] * W[k, j]`).
static bool scheduleGEMV(RewriterBase &rewriter, tir::BlockOp block) {
  std::optional<SmallVector<unsigned>> outVars = getStoreVars(block);
  if (!outVars)
    return false;
  unsigned reduce = 0;
  for (unsigned v = 0, e = block.getNumIterVars(); v < e; ++v)
    if (block.getIterKind(v) == tir::IterKind::Reduce)
      reduce = v;
  // The matrix: the load with the most indices.
  memref::LoadOp matrix;
  block.getBody()->walk([&](memref::LoadOp load) {
    if (!matrix || load.getIndices().size() > matrix.getIndices().size())
      matrix = load;
  });
  auto last = matrix && !matrix.getIndices().empty()
                  ? dyn_cast<BlockArgument>(matrix.getIndices().back())
                  : BlockArgument();
  if (last && last.getOwner() == block.getBody() &&
      last.getArgNumber() == reduce) {
    SmallVector<unsigned> order = *outVars;
    order.push_back(reduce);
    return reorderLoopsByVars(rewriter, block, order);
  }
  return moveReductionOutward(rewriter, block);
}

namespace {
/// What the rules did to one block, for `report`.
struct RuleReport {
  tir::BlockPatternKind kind;
  StringRef rule;
};
} // namespace

/// Applies the rule of `block`'s pattern. The block may be rebuilt.
static RuleReport scheduleBlock(RewriterBase &rewriter, tir::BlockOp &block,
                                const mlc::detail::MatmulTiling &tiling) {
  int64_t lanes = tiling.lanes;
  tir::BlockPattern pattern = tir::classifyBlock(block);
  switch (pattern.kind) {
  case tir::BlockPatternKind::Matmul: {
    const tir::MatmulPattern &matmul = *pattern.matmul;
    tir::BlockOp normalized =
        mlc::detail::normalizeMatmul(rewriter, block, matmul);
    if (!normalized)
      return {pattern.kind, moveReductionOutward(rewriter, block)
                                ? "reduction outward"
                                : "none (loops do not bind one variable each)"};
    block = normalized;
    if (!matmul.transposeA && !matmul.transposeB && lanes >= 4 &&
        (mlc::detail::scheduleMatmul(rewriter, block, tiling) ||
         mlc::detail::scheduleBatchedMatmul(rewriter, block, tiling)))
      return {pattern.kind, "micro-kernel"};
    // B[j, k] (x times W transposed): the reduction innermost walks both
    // operands contiguously, as dot products.
    if (matmul.transposeB && !matmul.transposeA)
      return {pattern.kind, "dot products"};
    return {pattern.kind, moveReductionOutward(rewriter, block)
                              ? "reduction outward"
                              : "loops in (i, j, k) order"};
  }
  case tir::BlockPatternKind::GEMV:
    return {pattern.kind,
            scheduleGEMV(rewriter, block) ? "gemv" : "gemv (as is)"};
  case tir::BlockPatternKind::Reduction:
    return {pattern.kind, moveReductionOutward(rewriter, block)
                              ? "reduction outward"
                              : "reduction (as is)"};
  case tir::BlockPatternKind::Elementwise:
  case tir::BlockPatternKind::Broadcast:
  case tir::BlockPatternKind::Injective:
    return {pattern.kind, makeWriteContiguous(rewriter, block)
                              ? "loops in memory order"
                              : "spatial (as is)"};
  case tir::BlockPatternKind::Opaque:
    return {pattern.kind, "none"};
  }
  llvm_unreachable("unknown block pattern kind");
}

unsigned mlc::applyDefaultCPUSchedules(Operation *root, int64_t vectorBits,
                                       bool report, int64_t l1Bytes,
                                       int64_t l2Bytes) {
  IRRewriter rewriter(root->getContext());
  auto tiling = mlc::detail::MatmulTiling::get(vectorBits, l1Bytes, l2Bytes);
  unsigned rescheduled = 0;
  SmallVector<tir::PrimFuncOp> funcs;
  root->walk([&](tir::PrimFuncOp func) { funcs.push_back(func); });
  for (tir::PrimFuncOp func : funcs)
    rescheduled += parallelizeOuterLoops(rewriter, func) != 0;
  SmallVector<tir::ForOp> fusedRows;
  for (tir::PrimFuncOp func : funcs)
    rescheduled += fuseRows(rewriter, func, fusedRows) != 0;
  SmallVector<tir::BlockOp> blocks;
  root->walk([&](tir::BlockOp block) { blocks.push_back(block); });
  for (tir::BlockOp block : blocks) {
    // The rules may replace the block (tensorize does): report at its
    // location, under its original name.
    Location loc = block.getLoc();
    std::string name = block.getNameHint().str();
    RuleReport done = scheduleBlock(rewriter, block, tiling);
    rescheduled += !done.rule.ends_with("as is") && done.rule != "none";
    if (report)
      emitRemark(loc) << "block \"" << name
                      << "\": " << tir::stringifyBlockPatternKind(done.kind)
                      << ", rule: " << done.rule;
  }
  compactFusedRows(rewriter, fusedRows);
  // Reductions left innermost (row sums, the fused softmax's, dot products).
  blocks.clear();
  root->walk([&](tir::BlockOp block) { blocks.push_back(block); });
  for (tir::BlockOp block : blocks) {
    rescheduled += vectorizeInnerReduction(rewriter, block);
    rescheduled += multiplyByReciprocal(rewriter, block);
  }
  return rescheduled;
}

namespace {
struct TIRDefaultSchedulePass
    : public mlc::impl::TIRDefaultSchedulePassBase<TIRDefaultSchedulePass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<tir::PrimFuncOp> kernels(
        getOperation().getOps<tir::PrimFuncOp>());
    for (tir::PrimFuncOp kernel : kernels) {
      TargetAttr target = getTarget(kernel);
      if (target && !target.isCPU()) {
        kernel.emitOpError("has a ")
            << stringifyTargetKind(target.getKind())
            << " target, for which tir-default-schedule has no rules yet";
        return signalPassFailure();
      }
      // Without a target, the baseline every x86-64 and AArch64 CPU has.
      (void)applyDefaultCPUSchedules(
          kernel, target ? target.getVectorBits() : 128, report,
          target ? target.getL1() : 0, target ? target.getL2() : 0);
    }
  }
};
} // namespace
