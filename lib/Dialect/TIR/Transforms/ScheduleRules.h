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

/// The matmul rule (ScheduleMatmul.cpp): schedules an f32 matmul block in
/// relax-legalize's form on the FMA micro-kernel for `lanes`-wide vectors.
/// Returns false, leaving the block as it is, when the block does not fit.
bool scheduleMatmul(mlir::RewriterBase &rewriter, tir::BlockOp block,
                    int64_t lanes);

/// The same for relax-legalize's batched matmul (no broadcast batch), on
/// the `_batched` micro-kernel, B unpacked.
bool scheduleBatchedMatmul(mlir::RewriterBase &rewriter, tir::BlockOp block,
                           int64_t lanes);

} // namespace mlc::detail

#endif // MLC_LIB_TRANSFORMS_SCHEDULERULES_H
