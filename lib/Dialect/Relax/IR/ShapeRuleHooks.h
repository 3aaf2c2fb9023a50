//===- ShapeRuleHooks.h - Hooks generated from shape rules ------*- C++ -*-===//
//
// Private to the relax dialect: the InferTypeOpInterface hooks and verifiers
// that Relax_ShapeRuleOp (RelaxTensorOps.td) generates for each op call
// these with the op's `inferShape`.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_DIALECT_RELAX_IR_SHAPERULEHOOKS_H
#define MLC_LIB_DIALECT_RELAX_IR_SHAPERULEHOOKS_H

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Types.h"

#include <optional>

namespace mlc::relax {

/// An op's shape rule bound to its operands and attributes.
using ShapeRuleFn = llvm::function_ref<llvm::FailureOr<TensorType>(
    const sym::Analyzer &, EmitErrorFn)>;

/// Inference for the op named `opName`: the rule with no facts, its errors
/// reported at `location` when there is one. Fails silently when an operand
/// is not a relax tensor (only a C++ builder can make one; the op's type
/// constraints report it).
mlir::LogicalResult inferWithShapeRule(
    llvm::StringRef opName, std::optional<mlir::Location> location,
    mlir::ValueRange operands, llvm::SmallVectorImpl<mlir::Type> &inferred,
    ShapeRuleFn rule);

/// The verifier: the rule again with the facts of the enclosing function,
/// then the scope of the symbolic variables.
mlir::LogicalResult verifyWithShapeRule(mlir::Operation *op, ShapeRuleFn rule);

/// The rule of the broadcasting binary ops: numpy broadcasting of `lhs` and
/// `rhs`, with `lhs`'s element type or, when `resultElementType` is set,
/// that one (i1 for comparisons).
llvm::FailureOr<TensorType> inferBroadcastResult(mlir::Value lhs,
                                                 mlir::Value rhs,
                                                 mlir::Type resultElementType,
                                                 const sym::Analyzer &analyzer,
                                                 EmitErrorFn emitError);

/// `type`'s shape (or unknown rank) with `element` as its element type.
TensorType withElementType(TensorType type, mlir::Type element);

} // namespace mlc::relax

#endif // MLC_LIB_DIALECT_RELAX_IR_SHAPERULEHOOKS_H
