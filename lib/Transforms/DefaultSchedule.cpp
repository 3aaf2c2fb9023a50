//===- DefaultSchedule.cpp - Rule-based default schedules for tir ---------===//
//
// Default schedules in the spirit of TVM's DLight: each rule recognises a
// block shape and applies schedule primitives (Dialect/TIR/Schedule.h).
//
//===----------------------------------------------------------------------===//

#include "Dialect/TIR/Schedule.h"
#include "Dialect/TIR/TIROps.h"
#include "Transforms/Passes.h"
#include "Transforms/Transforms.h"

#include "mlir/IR/PatternMatch.h"

namespace mlc {
#define GEN_PASS_DEF_TIRDEFAULTSCHEDULEPASS
#include "Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;
using namespace mlc;

/// The loops of `block` when they are exactly its iteration variables, one
/// loop per variable in order, each bound to the plain loop variable.
static std::optional<SmallVector<tir::ForOp>> getPlainLoopNest(
    tir::BlockOp block) {
  SmallVector<tir::ForOp> loops = tir::getLoops(block);
  if (loops.size() != block.getBindings().size())
    return std::nullopt;
  for (auto [loop, binding] : llvm::zip_equal(loops, block.getBindings()))
    if (binding != loop.getInductionVar())
      return std::nullopt;
  return loops;
}

/// Reduce loops inside the innermost spatial loop move outside it, when that
/// spatial variable is the last index of the first written buffer: the
/// innermost loop then walks memory contiguously and vectorizes. Returns
/// whether the block was rescheduled.
static bool moveReductionOutward(RewriterBase &rewriter, tir::BlockOp block) {
  std::optional<SmallVector<tir::ForOp>> loops = getPlainLoopNest(block);
  if (!loops || block.getWrites().empty())
    return false;
  SmallVector<tir::IterKind> kinds = llvm::map_to_vector(
      block.getIterKinds(), [](Attribute kind) {
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
      !llvm::all_of(llvm::make_range(kinds.begin(), firstReduce),
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
  return tir::reorder(rewriter, order).succeeded();
}

unsigned mlc::applyDefaultCPUSchedules(Operation *root) {
  SmallVector<tir::BlockOp> blocks;
  root->walk([&](tir::BlockOp block) { blocks.push_back(block); });
  IRRewriter rewriter(root->getContext());
  unsigned rescheduled = 0;
  for (tir::BlockOp block : blocks)
    rescheduled += moveReductionOutward(rewriter, block);
  return rescheduled;
}

namespace {
struct TIRDefaultSchedulePass
    : public mlc::impl::TIRDefaultSchedulePassBase<TIRDefaultSchedulePass> {
  using Base::Base;

  void runOnOperation() override {
    if (target != "cpu") {
      getOperation().emitError("tir-default-schedule: unknown target '")
          << target << "' (known: cpu)";
      return signalPassFailure();
    }
    (void)applyDefaultCPUSchedules(getOperation());
  }
};
} // namespace
