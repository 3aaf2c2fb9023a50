//===- ScheduleRules.h - Rules of tir-default-schedule ----------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_TRANSFORMS_SCHEDULERULES_H
#define MLC_LIB_TRANSFORMS_SCHEDULERULES_H

#include "mlc/Dialect/TIR/TIROps.h"
#include "mlc/Dialect/TIR/Transforms/BlockPattern.h"

#include "mlir/Dialect/Transform/Utils/DiagnosedSilenceableFailure.h"
#include "mlir/IR/PatternMatch.h"

namespace mlc::detail {

/// The loops of `block` when they are exactly its iteration variables, one
/// loop per variable in order, each bound to the plain loop variable.
std::optional<llvm::SmallVector<tir::ForOp>>
getPlainLoopNest(tir::BlockOp block);

/// The loops that bind the iteration variables of `block` one to one:
/// result[v] is the loop whose variable is variable v's binding. Nullopt
/// unless the loops around the block (in its scope) are exactly those.
std::optional<llvm::SmallVector<tir::ForOp>>
getLoopPerIterVar(tir::BlockOp block);

/// Brings a block that classifyBlock finds to be a Matmul into the form the
/// matmul rules expect: variables (batch.., i, j, k), loops in that order,
/// and the body `a = A[..]; b = B[..]; p = a * b; c = C[..]; s = c + p;
/// C[..] = s`. Returns the (possibly rebuilt) block, or null when its loops
/// do not bind the variables one to one; the block is then unchanged.
tir::BlockOp normalizeMatmul(mlir::RewriterBase &rewriter, tir::BlockOp block,
                             const tir::MatmulPattern &pattern);

/// After loops of `block` moved: the loop now outermost in the prim_func
/// becomes parallel (when its bindings allow), and parallel loops that
/// moved inward become serial (no nested parallel regions).
void moveParallelismOutermost(mlir::RewriterBase &rewriter, tir::BlockOp block);

/// Whether a primitive succeeded; a failure's diagnostic is dropped (the
/// rule then leaves that part of the schedule as it is).
bool succeeded(mlir::DiagnosedSilenceableFailure &&result);

/// The GotoBLAS blocking of the matmul rule for one CPU.
struct MatmulTiling {
  /// f32 lanes of a vector register; the micro-kernel's tile is 6 x 2*lanes.
  int64_t lanes;
  /// Reduction steps per cache tile (GotoBLAS's kc): the micro-kernel's
  /// panel of B, kc x 2*lanes floats, takes half of L1.
  int64_t reduceTile;
  /// Micro-kernel row tiles per cache tile (mc / 6): the block of A, mc x
  /// kc floats, takes at most a quarter of L2, within [16, 32] tiles (larger
  /// measured no better; 32 lets M = 128 read B once).
  int64_t rowTiles;

  /// The tiling for `vectorBits`-wide registers and the data caches (0:
  /// unknown, taken as 32 KiB of L1 and 1 MiB of L2).
  static MatmulTiling get(int64_t vectorBits, int64_t l1Bytes, int64_t l2Bytes);
};

/// The matmul rule (ScheduleMatmul.cpp): schedules an f32 matmul block in
/// relax-legalize's form on the FMA micro-kernel with `tiling`. Returns
/// false, leaving the block as it is, when the block does not fit.
bool scheduleMatmul(mlir::RewriterBase &rewriter, tir::BlockOp block,
                    const MatmulTiling &tiling);

/// The same for relax-legalize's batched matmul (no broadcast batch), on
/// the `_batched` micro-kernel, B unpacked.
bool scheduleBatchedMatmul(mlir::RewriterBase &rewriter, tir::BlockOp block,
                           const MatmulTiling &tiling);

} // namespace mlc::detail

#endif // MLC_LIB_TRANSFORMS_SCHEDULERULES_H
