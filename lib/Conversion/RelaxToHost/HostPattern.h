//===- HostPattern.h - What the relax-to-host patterns share ----*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Private to RelaxToHost: the base of patterns that need the conversion's
// state (the runtime context argument, bound symbolic variables, owned
// pointers) and small builders they share.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_CONVERSION_RELAXTOHOST_HOSTPATTERN_H
#define MLC_LIB_CONVERSION_RELAXTOHOST_HOSTPATTERN_H

#include "HostRuntime.h"

#include "mlc/Conversion/RelaxToHost/RelaxToHost.h"
#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Transforms/SymbolicArith.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlc {
namespace host {

using namespace mlir;

/// A device as (DLPack type, index), as the runtime functions take it.
inline std::pair<int32_t, int64_t> toPair(relax::DeviceAttr device) {
  return {static_cast<int32_t>(device.getKind()), device.getIndex()};
}

/// A pattern with the conversion's shared state.
template <typename OpTy> struct HostPattern : public OpConversionPattern<OpTy> {
  HostPattern(const TypeConverter &converter, MLIRContext *ctx,
              RelaxHostState &state)
      : OpConversionPattern<OpTy>(converter, ctx), state(state) {}

  static func::FuncOp getFunction(Operation *op) {
    return op->getParentOfType<func::FuncOp>();
  }
  /// The runtime context: the converted function's first argument.
  static Value getContext(Operation *op) {
    return getFunction(op).getArgument(0);
  }
  llvm::StringMap<Value> &getVars(Operation *op) const {
    return state.vars[getFunction(op)];
  }
  FailureOr<Value> materialize(OpBuilder &b, Operation *op,
                               sym::Expr expr) const {
    llvm::StringMap<Value> &vars = getVars(op);
    return materializeSymExpr(b, op->getLoc(), expr,
                              [&](StringRef var) { return vars.lookup(var); });
  }
  FailureOr<SmallVector<Value>>
  materializeAll(OpBuilder &b, Operation *op, ArrayRef<sym::Expr> exprs) const {
    SmallVector<Value> values;
    for (sym::Expr expr : exprs) {
      FailureOr<Value> value = materialize(b, op, expr);
      if (failed(value))
        return failure();
      values.push_back(*value);
    }
    return values;
  }

  RelaxHostState &state;
};

inline mlir::Value i32Constant(mlir::OpBuilder &b, mlir::Location loc,
                               int64_t value) {
  return arith::ConstantIntOp::create(b, loc, value, 32);
}
inline mlir::Value i64Constant(mlir::OpBuilder &b, mlir::Location loc,
                               int64_t value) {
  return arith::ConstantIntOp::create(b, loc, value, 64);
}

/// Asserts that an i32 status from the runtime or a callee is 0; the failing
/// function has set the message.
inline void assertSuccess(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value status) {
  Value ok = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, status,
                                   i32Constant(b, loc, 0));
  cf::AssertOp::create(b, loc, ok, "");
}

/// Asserts `ok` (an i1); when it fails, the error message is `format` with
/// each `{}` replaced by the next of `values` (set at run time first).
inline void emitCheck(OpBuilder &b, Location loc, RelaxHostState &state,
                      Value ctx, Value ok, StringRef format,
                      ValueRange values) {
  Value failed = arith::XOrIOp::create(
      b, loc, ok, arith::ConstantIntOp::create(b, loc, 1, 1));
  auto ifOp = scf::IfOp::create(b, loc, failed);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    createSetErrorValues(b, loc, state, ctx, format, values);
  }
  cf::AssertOp::create(b, loc, ok, "");
}

/// The `spec` of mlcContextMatchShape (ABI.h) for `dims`: `what` starts
/// messages; `known` variables are passed in, `bound` ones come back, with
/// their bounds from `function`'s relax.sym_bounds.
std::string buildMatchShapeSpec(StringRef what, ArrayRef<sym::Expr> dims,
                                ArrayRef<StringRef> known,
                                ArrayRef<StringRef> bound,
                                func::FuncOp function);

/// Calls mlcContextMatchShape with `dims` (index values) and the values of
/// the `known` variables, asserts success, and returns the `numBound` values
/// it bound (index) in `bound`.
void createMatchShape(OpBuilder &b, Location loc, RelaxHostState &state,
                      Value ctx, StringRef spec, ValueRange dims,
                      ValueRange known, unsigned numBound,
                      SmallVectorImpl<Value> &bound);

/// Adds the patterns of calls into the runtime's packed-function registry
/// (relax.invoke_packed, relax.call_packed).
void populateRelaxToHostPackedCallPatterns(RelaxHostTypeConverter &converter,
                                           RewritePatternSet &patterns,
                                           RelaxHostState &state);

} // namespace host
} // namespace mlc

#endif // MLC_LIB_CONVERSION_RELAXTOHOST_HOSTPATTERN_H
