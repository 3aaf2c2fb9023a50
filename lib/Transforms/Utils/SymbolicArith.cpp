//===- SymbolicArith.cpp - Symbolic expressions as index arithmetic -------===//

#include "mlc/Transforms/SymbolicArith.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;

/// remsi truncates; the floor modulus takes the sign of the divisor.
static Value createFloorMod(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Value rem = arith::RemSIOp::create(b, loc, lhs, rhs);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value remNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rem, zero);
  Value rhsNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rhs, zero);
  Value nonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rem, zero);
  Value signsDiffer = arith::XOrIOp::create(b, loc, remNegative, rhsNegative);
  Value adjust = arith::AndIOp::create(b, loc, nonZero, signsDiffer);
  Value adjusted = arith::AddIOp::create(b, loc, rem, rhs);
  return arith::SelectOp::create(b, loc, adjust, adjusted, rem);
}

Value mlc::createSymbolicBinaryOp(OpBuilder &b, Location loc,
                                  sym::ExprKind kind, Value lhs, Value rhs) {
  switch (kind) {
  case sym::ExprKind::Add:
    return arith::AddIOp::create(b, loc, lhs, rhs);
  case sym::ExprKind::Mul:
    return arith::MulIOp::create(b, loc, lhs, rhs);
  case sym::ExprKind::FloorDiv:
    return arith::FloorDivSIOp::create(b, loc, lhs, rhs);
  case sym::ExprKind::CeilDiv:
    return arith::CeilDivSIOp::create(b, loc, lhs, rhs);
  case sym::ExprKind::Mod:
    return createFloorMod(b, loc, lhs, rhs);
  case sym::ExprKind::Min:
    return arith::MinSIOp::create(b, loc, lhs, rhs);
  case sym::ExprKind::Max:
    return arith::MaxSIOp::create(b, loc, lhs, rhs);
  case sym::ExprKind::Constant:
  case sym::ExprKind::Var:
    break;
  }
  llvm_unreachable("constants and variables have no operands to combine");
}

// NOLINTNEXTLINE(misc-no-recursion): bounded by the depth of the expression.
FailureOr<Value>
mlc::materializeSymExpr(OpBuilder &b, Location loc, sym::Expr expr,
                        function_ref<Value(StringRef)> lookup) {
  switch (expr.getKind()) {
  case sym::ExprKind::Constant:
    return Value(arith::ConstantIndexOp::create(b, loc, *expr.getConstant()));
  case sym::ExprKind::Var:
    if (Value value = lookup(expr.getVarName()))
      return value;
    return emitError(loc) << "symbolic variable '" << expr.getVarName()
                          << "' has no value here";
  default:
    break;
  }
  Value result;
  for (sym::Expr operand : expr.getOperands()) {
    FailureOr<Value> value = materializeSymExpr(b, loc, operand, lookup);
    if (failed(value))
      return failure();
    result =
        result ? createSymbolicBinaryOp(b, loc, expr.getKind(), result, *value)
               : *value;
  }
  return result;
}

namespace {
using namespace mlc;

/// Builds index arithmetic with wrap-around detection.
class CheckedMaterializer {
public:
  CheckedMaterializer(OpBuilder &b, Location loc,
                      function_ref<Value(StringRef)> lookup)
      : b(b), loc(loc), lookup(lookup),
        overflow(arith::ConstantIntOp::create(b, loc, 0, 1)) {}

  // NOLINTNEXTLINE(misc-no-recursion): bounded by the depth of the expression.
  FailureOr<Value> build(sym::Expr expr) {
    if (expr.getKind() == sym::ExprKind::Constant ||
        expr.getKind() == sym::ExprKind::Var)
      return materializeSymExpr(b, loc, expr, lookup);
    Value result;
    for (sym::Expr operand : expr.getOperands()) {
      FailureOr<Value> value = build(operand);
      if (failed(value))
        return failure();
      result = result ? combine(expr.getKind(), result, *value) : *value;
    }
    return result;
  }

  Value overflow;

private:
  Value combine(sym::ExprKind kind, Value lhs, Value rhs) {
    if (kind != sym::ExprKind::Add && kind != sym::ExprKind::Mul)
      return createSymbolicBinaryOp(b, loc, kind, lhs, rhs);
    Type i64 = b.getI64Type();
    Value a = arith::IndexCastOp::create(b, loc, i64, lhs);
    Value c = arith::IndexCastOp::create(b, loc, i64, rhs);
    Value wrapped;
    Value result;
    Value zero = arith::ConstantIntOp::create(b, loc, 0, 64);
    if (kind == sym::ExprKind::Add) {
      // Signed overflow: both operands differ in sign from the result.
      result = arith::AddIOp::create(b, loc, a, c);
      Value x = arith::XOrIOp::create(b, loc, a, result);
      Value y = arith::XOrIOp::create(b, loc, c, result);
      wrapped =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                arith::AndIOp::create(b, loc, x, y), zero);
    } else {
      // The high half of the full product is the sign of the low half.
      auto product = arith::MulSIExtendedOp::create(b, loc, a, c);
      result = product.getLow();
      Value sign = arith::ShRSIOp::create(
          b, loc, result, arith::ConstantIntOp::create(b, loc, 63, 64));
      wrapped = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                      product.getHigh(), sign);
    }
    overflow = arith::OrIOp::create(b, loc, overflow, wrapped);
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), result);
  }

  OpBuilder &b;
  Location loc;
  function_ref<Value(StringRef)> lookup;
};
} // namespace

FailureOr<Value>
mlc::materializeSymExprChecked(OpBuilder &b, Location loc, sym::Expr expr,
                               function_ref<Value(StringRef)> lookup,
                               Value &overflow) {
  CheckedMaterializer materializer(b, loc, lookup);
  FailureOr<Value> value = materializer.build(expr);
  overflow = materializer.overflow;
  return value;
}
