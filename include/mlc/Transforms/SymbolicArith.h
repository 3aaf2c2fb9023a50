//===- SymbolicArith.h - Symbolic expressions as index arithmetic -*- C++
//-*-===//
//
// Code generators (host lowering, kernel generation) compute symbolic dims
// at run time; these helpers give the `arith` ops with the semantics of
// mlc::sym (floor division, floor modulus).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TRANSFORMS_SYMBOLICARITH_H
#define MLC_TRANSFORMS_SYMBOLICARITH_H

#include "mlc/Support/Symbolic/Expr.h"

#include "mlir/IR/Builders.h"

namespace mlc {

/// Combines two `index` values with the operator of a non-leaf expression
/// kind (Add, Mul, FloorDiv, CeilDiv, Mod, Min, Max), following mlc::sym:
/// `mod` takes the sign of the divisor.
mlir::Value createSymbolicBinaryOp(mlir::OpBuilder &b, mlir::Location loc,
                                   sym::ExprKind kind, mlir::Value lhs,
                                   mlir::Value rhs);

/// Emits `expr` as `index` arithmetic. `lookup` returns the value of a
/// variable, or null when it has none here (then this fails with a
/// diagnostic at `loc`).
llvm::FailureOr<mlir::Value>
materializeSymExpr(mlir::OpBuilder &b, mlir::Location loc, sym::Expr expr,
                   llvm::function_ref<mlir::Value(llvm::StringRef)> lookup);

/// As materializeSymExpr, in i64, also computing `overflow`: an i1 that is
/// true when an addition or multiplication wrapped (the result is then
/// meaningless). For sizes computed from run-time values, such as a
/// storage's bytes.
llvm::FailureOr<mlir::Value> materializeSymExprChecked(
    mlir::OpBuilder &b, mlir::Location loc, sym::Expr expr,
    llvm::function_ref<mlir::Value(llvm::StringRef)> lookup,
    mlir::Value &overflow);

} // namespace mlc

#endif // MLC_TRANSFORMS_SYMBOLICARITH_H
