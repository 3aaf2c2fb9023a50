//===- ScheduleUtils.h - Helpers shared by the schedule primitives -*- C++ -*-===//

#ifndef MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H
#define MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H

#include "Dialect/TIR/TIROps.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Value.h"

namespace mlc::tir::detail {

/// Whether `value` is computed from `iv` through the ops that define it.
bool dependsOn(mlir::Value value, mlir::Value iv);

//===----------------------------------------------------------------------===//
// Index arithmetic over loops (ComputeLocation.cpp; also used by rfactor,
// pad_einsum and blockize)
//===----------------------------------------------------------------------===//

/// Index values as affine expressions over loop variables: `dims` are the
/// loop variables, values computed without them become `symbols` (appended
/// as they are met), and `arith` index arithmetic with constant
/// multipliers and positive constant divisors maps to affine ops.
struct LoopAffineMap {
  mlir::MLIRContext *ctx = nullptr;
  llvm::SmallVector<mlir::Value> dims;
  llvm::SmallVector<mlir::Value> symbols;

  /// Fails when `value` is not such an expression.
  mlir::FailureOr<mlir::AffineExpr> get(mlir::Value value);
};

/// Emits `expr` over the dims and symbols of `affine` at the insertion
/// point as `arith` index ops (floor division and remainder of the
/// non-negative values that regions index with); constants go to the
/// prim_func entry (see getIndexConstant) of `point`.
mlir::Value emitIndex(mlir::RewriterBase &rewriter, mlir::Operation *point,
                      mlir::AffineExpr expr, LoopAffineMap &affine);

/// The range of `expr + [0, extent)` when the dims at or after `firstInner`
/// run over their loops in `dimLoops` (constant bounds, step 1): a start
/// over the other dims and symbols, and a constant extent. Nullopt when an
/// inner dim appears other than linearly, or its loop bounds are unknown.
std::optional<std::pair<mlir::AffineExpr, int64_t>>
coverInnerLoops(mlir::AffineExpr expr, unsigned firstInner,
                llvm::ArrayRef<ForOp> dimLoops, int64_t extent);

/// An `index` constant at the entry of the prim_func around `anchor`
/// (reusing an existing one), or right before `anchor` outside one.
mlir::Value getIndexConstant(mlir::RewriterBase &rewriter,
                             mlir::Operation *anchor, int64_t value);

} // namespace mlc::tir::detail

#endif // MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H
