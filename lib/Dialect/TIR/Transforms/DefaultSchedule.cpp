//===- DefaultSchedule.cpp - Rule-based default schedules for tir ---------===//
//
// Default schedules in the spirit of TVM's DLight: each rule recognises a
// block shape and applies schedule primitives (Dialect/TIR/Schedule.h).
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/TIR/Schedule.h"
#include "mlc/Dialect/TIR/TIROps.h"
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
  if (loops->size() == numSpatial + 1)
    tileRowsAndReduction(rewriter, (*loops)[innerSpatial - 1],
                         (*loops)[numSpatial]);
  return true;
}

/// Row-wise fusion (softmax, normalizations): when the body of `func` is a
/// sequence of loop nests whose outermost loops run over the same rows, the
/// blocks of the earlier nests move under the last nest's row loop
/// (compute_at, the last producer first). Each row is then reduced,
/// transformed and written while it is in cache, and the rows stay
/// parallel. Stops at the first block that cannot move. Returns the number
/// of blocks moved.
static unsigned fuseRows(RewriterBase &rewriter, tir::PrimFuncOp func) {
  SmallVector<tir::ForOp> nests =
      llvm::to_vector(func.getBody().front().getOps<tir::ForOp>());
  if (nests.size() < 2)
    return 0;
  tir::ForOp rows = nests.back();
  if (llvm::any_of(nests, [&](tir::ForOp nest) {
        return nest.getUpperBound() != rows.getUpperBound() ||
               nest.getLowerBound() != rows.getLowerBound();
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
  return moved;
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

unsigned mlc::applyDefaultCPUSchedules(Operation *root, int64_t vectorBits) {
  IRRewriter rewriter(root->getContext());
  int64_t lanes = vectorBits / 32;
  unsigned rescheduled = 0;
  SmallVector<tir::PrimFuncOp> funcs;
  root->walk([&](tir::PrimFuncOp func) { funcs.push_back(func); });
  for (tir::PrimFuncOp func : funcs)
    rescheduled += parallelizeOuterLoops(rewriter, func) != 0;
  for (tir::PrimFuncOp func : funcs)
    rescheduled += fuseRows(rewriter, func) != 0;
  SmallVector<tir::BlockOp> blocks;
  root->walk([&](tir::BlockOp block) { blocks.push_back(block); });
  for (tir::BlockOp block : blocks) {
    if (lanes >= 4 && (detail::scheduleMatmul(rewriter, block, lanes) ||
                       detail::scheduleBatchedMatmul(rewriter, block, lanes))) {
      ++rescheduled;
      continue;
    }
    rescheduled += moveReductionOutward(rewriter, block);
  }
  // Reductions left innermost (row sums, the fused softmax's).
  blocks.clear();
  root->walk([&](tir::BlockOp block) { blocks.push_back(block); });
  for (tir::BlockOp block : blocks)
    rescheduled += vectorizeInnerReduction(rewriter, block);
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
      (void)applyDefaultCPUSchedules(kernel,
                                     target ? target.getVectorBits() : 128);
    }
  }
};
} // namespace
