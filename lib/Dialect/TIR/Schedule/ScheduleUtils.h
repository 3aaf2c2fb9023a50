//===- ScheduleUtils.h - Helpers shared by the schedule primitives -*- C++
//-*-===//

#ifndef MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H
#define MLC_LIB_DIALECT_TIR_SCHEDULE_SCHEDULEUTILS_H

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Transform/Utils/DiagnosedSilenceableFailure.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Value.h"

namespace mlc::tir::detail {

/// Fails with "cannot `what`: block "X" has symbolic regions, which this
/// primitive does not handle yet" when `block` has region symbols.
mlir::DiagnosedSilenceableFailure
rejectSymbolicRegions(BlockOp block, const llvm::Twine &what);

/// The constant extents of a region of a block without region symbols.
llvm::SmallVector<int64_t> getSymbolFreeExtents(BufferRegionAttr region);

/// Whether `value` is computed from `iv` through the ops that define it.
bool dependsOn(mlir::Value value, mlir::Value iv);

/// The only block nested in `loop`, or a silenceable failure "cannot
/// `what` this loop: it must hold exactly one block, ...".
mlir::DiagnosedSilenceableFailure
getSingleBlock(ForOp loop, llvm::StringRef what, BlockOp &block);

/// For a point region whose every dimension is an iteration variable, the
/// variable of each dimension; nullopt otherwise.
std::optional<llvm::SmallVector<unsigned>>
getPointRegionVars(BufferRegionAttr region);

/// Recomputes values of the loop nest under `root` in front of `root`
/// (rfactor's write-back nest, decompose_reduction's init nest), with the
/// loop variables of the copied loops in `mapping`.
struct Recomputer {
  mlir::Operation *root;
  mlir::IRMapping &mapping;

  /// Whether `value` is defined inside `root` (or is its loop variable).
  bool isInside(mlir::Value value) const;

  /// Returns the value in `value`'s def chain that cannot be recomputed:
  /// the variable of a loop that is not copied, or the result of an op
  /// that is not an index computation. Null when it can be.
  mlir::Value findObstacle(mlir::Value value) const;

  /// Clones the def chain of `value` (which has no obstacle) at the
  /// insertion point of `rewriter`.
  mlir::Value recompute(mlir::RewriterBase &rewriter, mlir::Value value);

  /// Copies the nest `loops` (outermost first, bounds recomputed) at the
  /// insertion point, maps their variables to the copies' and leaves the
  /// insertion point at the start of the innermost copy.
  void copyLoops(mlir::RewriterBase &rewriter, llvm::ArrayRef<ForOp> loops);

  /// Appends, per iteration variable `i` in `vars`, the recomputed extent
  /// and binding of `block`.
  void recomputeIterVars(mlir::RewriterBase &rewriter, BlockOp block,
                         llvm::ArrayRef<unsigned> vars,
                         llvm::SmallVectorImpl<mlir::OpFoldResult> &extents,
                         llvm::SmallVectorImpl<mlir::Value> &bindings);
};

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
