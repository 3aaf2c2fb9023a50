//===- BroadcastOps.h - Hooks of the broadcasting binary ops ----*- C++ -*-===//
//
// Private to the relax dialect: the type inference and verifiers that the
// ODS base classes (Relax_BinaryBroadcastOp, Relax_ReductionOp) generate for
// each op call these.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_DIALECT_RELAX_IR_BROADCASTOPS_H
#define MLC_LIB_DIALECT_RELAX_IR_BROADCASTOPS_H

#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Types.h"

#include <optional>

namespace mlc::relax {

/// The result type of a broadcasting binary op named `opName`: numpy
/// broadcasting of `lhs` and `rhs`, with `lhs`'s element type or, when
/// `resultElementType` is set, that one (i1 for comparisons). Shape errors
/// are reported at `location` when there is one.
mlir::LogicalResult
inferBroadcastResult(llvm::StringRef opName,
                     std::optional<mlir::Location> location, mlir::Value lhs,
                     mlir::Value rhs, mlir::Type resultElementType,
                     llvm::SmallVectorImpl<mlir::Type> &inferred);

/// The result type of a reduction named `opName` over `axes` (all when
/// absent), keeping the reduced dims as 1s with `keepdims`.
mlir::LogicalResult
inferReductionResult(llvm::StringRef opName,
                     std::optional<mlir::Location> location, mlir::Value input,
                     std::optional<llvm::ArrayRef<int64_t>> axes, bool keepdims,
                     llvm::SmallVectorImpl<mlir::Type> &inferred);

/// Re-runs the broadcast rule of `op` with the facts of its function and
/// checks the symbolic scope.
mlir::LogicalResult verifyBroadcastOperands(mlir::Operation *op,
                                            mlir::Value lhs, mlir::Value rhs);

} // namespace mlc::relax

#endif // MLC_LIB_DIALECT_RELAX_IR_BROADCASTOPS_H
