//===- SymbolScope.cpp - Scope and facts of symbolic variables ------------===//

#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/RelaxTypes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlc;

namespace mlc::relax {

void forEachSymDim(Type type, function_ref<void(sym::Expr)> fn) {
  type.walk([&](Type sub) {
    ArrayRef<sym::Expr> dims;
    if (auto tensor = dyn_cast<TensorType>(sub))
      dims = tensor.getDims();
    else if (auto shape = dyn_cast<ShapeType>(sub))
      dims = shape.getDims();
    for (sym::Expr dim : dims)
      if (dim)
        fn(dim);
  });
}

void collectBareVars(Type type, llvm::StringSet<> &vars) {
  forEachSymDim(type, [&](sym::Expr dim) {
    if (dim.isVar())
      vars.insert(dim.getVarName());
  });
}

void collectDefinedVars(Type type, llvm::StringSet<> &vars) {
  forEachSymDim(type, [&](sym::Expr dim) {
    SmallVector<StringRef> used;
    sym::collectVars(dim, used);
    if (used.size() == 1 &&
        (dim.isVar() || sym::getLinearForm(dim, used.front())))
      vars.insert(used.front());
  });
}

void collectSignatureVars(ArrayRef<Type> argTypes, llvm::StringSet<> &vars) {
  // A linear dim mentions no other variable, so the order of the arguments
  // does not matter.
  for (Type type : argTypes)
    collectDefinedVars(type, vars);
}

LogicalResult verifyInRelaxFunction(Operation *op) {
  auto function = op->getParentOfType<FunctionOpInterface>();
  if (!function || function->hasAttr(RelaxDialect::kFunctionAttrName))
    return success();
  return op->emitOpError("is relax code, but its function @")
         << SymbolTable::getSymbolName(function).getValue()
         << " lacks the 'relax.function' attribute";
}

namespace {
/// One walk over a relax function that checks every use of a symbolic
/// variable against the variables defined at that point: O(size of the
/// function), where checking each op on its own had to look back through
/// the function for casts.
class ScopeChecker {
public:
  /// Checks the ops of `region` in order; `defined` is what is in scope at
  /// its start and grows with the region's casts.
  // NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the IR.
  LogicalResult checkRegion(Region &region, llvm::StringSet<> &defined) {
    for (Block &block : region)
      for (Operation &op : block)
        if (failed(checkOp(&op, defined)))
          return failure();
    return success();
  }

private:
  // NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the IR.
  LogicalResult checkOp(Operation *op, llvm::StringSet<> &defined) {
    if (auto cast = dyn_cast<MatchCastOp>(op))
      collectDefinedVars(cast.getType(), defined);
    // TVM lets code after a dataflow block (its results included) use what
    // its casts define; casts in other regions (loops, conditionals) stay
    // there.
    if (auto dataflow = dyn_cast<DataflowOp>(op))
      if (failed(checkRegion(dataflow.getBody(), defined)))
        return failure();
    SmallVector<StringRef> used;
    auto collectType = [&](Type type) {
      forEachSymDim(type, [&](sym::Expr dim) { sym::collectVars(dim, used); });
    };
    llvm::for_each(op->getOperandTypes(), collectType);
    llvm::for_each(op->getResultTypes(), collectType);
    op->getAttrDictionary().walk([&](Attribute attr) {
      if (auto shape = dyn_cast<ShapeAttr>(attr))
        for (sym::Expr dim : shape.getDims())
          if (dim)
            sym::collectVars(dim, used);
    });
    for (StringRef var : used)
      if (!defined.contains(var))
        return op->emitOpError("uses symbolic variable '")
               << var
               << "' before it is defined; a symbolic variable is defined by "
                  "a bare (or linear) dimension in the function's argument "
                  "types or by relax.match_cast";
    if (isa<DataflowOp>(op))
      return success();
    for (Region &region : op->getRegions()) {
      llvm::StringSet<> inner = defined;
      if (failed(checkRegion(region, inner)))
        return failure();
    }
    return success();
  }
};
} // namespace

LogicalResult verifyFunctionScope(FunctionOpInterface function) {
  llvm::StringSet<> defined;
  collectSignatureVars(function.getArgumentTypes(), defined);
  // A result type may only use what the arguments define (TVM's rule): a
  // caller substitutes its own values for those, and has no value for a
  // variable the callee binds inside. Such a dim is `?`; the caller can
  // match_cast it.
  for (Type type : function.getResultTypes()) {
    SmallVector<StringRef> used;
    forEachSymDim(type, [&](sym::Expr dim) { sym::collectVars(dim, used); });
    for (StringRef var : used)
      if (!defined.contains(var))
        return function.emitOpError("result type ")
               << type << " uses symbolic variable '" << var
               << "', which its arguments do not define; write '?' (a caller "
                  "can relax.match_cast the result)";
  }
  if (function.isExternal())
    return success();
  return ScopeChecker().checkRegion(function.getFunctionBody(), defined);
}

sym::Analyzer getAnalyzerFor(Operation *op) {
  sym::Analyzer analyzer;
  auto function = op->getParentOfType<FunctionOpInterface>();
  if (!function)
    return analyzer;
  if (auto bounds = function->getAttrOfType<DictionaryAttr>(
          RelaxDialect::kSymBoundsAttrName)) {
    for (NamedAttribute entry : bounds)
      if (auto range = dyn_cast<DenseI64ArrayAttr>(entry.getValue()))
        if (range.size() == 2 && range[0] <= range[1])
          analyzer.setBounds(entry.getName().getValue(), range[0], range[1]);
  }
  if (auto divisible = function->getAttrOfType<DictionaryAttr>(
          RelaxDialect::kSymDivisibleAttrName)) {
    for (NamedAttribute entry : divisible)
      if (auto divisor = dyn_cast<IntegerAttr>(entry.getValue()))
        if (divisor.getValue().getSignificantBits() <= 64 &&
            divisor.getValue().getSExtValue() > 0)
          analyzer.setDivisibility(entry.getName().getValue(),
                                   divisor.getValue().getSExtValue());
  }
  return analyzer;
}

} // namespace mlc::relax
