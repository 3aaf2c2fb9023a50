//===- SymbolScope.cpp - Scope and facts of symbolic variables ------------===//

#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/RelaxTypes.h"

#include "mlir/IR/BuiltinAttributes.h"
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

/// Whether `op` defines `var`: a relax.match_cast, or a relax.dataflow one
/// of whose casts does. Casts inside other regions (loops, conditionals) do
/// not define anything for the code after them (TVM scopes them there).
// NOLINTNEXTLINE(misc-no-recursion)
static bool definesVar(Operation *op, StringRef var) {
  if (auto cast = dyn_cast<MatchCastOp>(op)) {
    llvm::StringSet<> defined;
    collectDefinedVars(cast.getResult().getType(), defined);
    return defined.contains(var);
  }
  if (auto dataflow = dyn_cast<DataflowOp>(op))
    return llvm::any_of(dataflow.getBody().front(), [&](Operation &nested) {
      return definesVar(&nested, var);
    });
  return false;
}

/// Whether a relax.match_cast that executes before `op` in `function`
/// defines `var`. Casts in regions of earlier ops count: TVM lets variables
/// bound inside a dataflow block be used after it.
static bool isDefinedByEarlierCast(Operation *op, Operation *function,
                                   StringRef var) {
  for (Operation *cur = op; cur && cur != function; cur = cur->getParentOp())
    for (Operation *prev = cur->getPrevNode(); prev; prev = prev->getPrevNode())
      if (definesVar(prev, var))
        return true;
  return false;
}

LogicalResult verifySymbolsInScope(Operation *op, ArrayRef<Type> types,
                                          ArrayRef<sym::Expr> exprs,
                                          const llvm::StringSet<> *localDefs) {
  auto function = op->getParentOfType<FunctionOpInterface>();
  if (!function)
    return success();
  llvm::StringSet<> defined;
  collectSignatureVars(function.getArgumentTypes(), defined);
  if (localDefs)
    for (const auto &var : *localDefs)
      defined.insert(var.getKey());

  SmallVector<StringRef> used;
  for (Type type : types)
    forEachSymDim(type, [&](sym::Expr dim) { sym::collectVars(dim, used); });
  for (sym::Expr expr : exprs)
    sym::collectVars(expr, used);

  for (StringRef var : used) {
    if (defined.contains(var))
      continue;
    if (isDefinedByEarlierCast(op, function, var)) {
      defined.insert(var);
      continue;
    }
    return op->emitOpError("uses symbolic variable '")
           << var
           << "' before it is defined; a symbolic variable is defined by a "
              "bare dimension in the function's argument types or by "
              "relax.match_cast";
  }
  return success();
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
