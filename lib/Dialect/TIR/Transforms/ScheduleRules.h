//===- ScheduleRules.h - Rules of tir-default-schedule ----------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_TRANSFORMS_SCHEDULERULES_H
#define MLC_LIB_TRANSFORMS_SCHEDULERULES_H

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Transform/Utils/DiagnosedSilenceableFailure.h"
#include "mlir/IR/PatternMatch.h"

namespace mlc::detail {

/// The loops of `block` when they are exactly its iteration variables, one
/// loop per variable in order, each bound to the plain loop variable.
std::optional<llvm::SmallVector<tir::ForOp>>
getPlainLoopNest(tir::BlockOp block);

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
