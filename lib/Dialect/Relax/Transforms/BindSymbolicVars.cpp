//===- BindSymbolicVars.cpp - Specialize symbolic shape variables ---------===//

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/Transforms/Passes.h"
#include "mlc/Dialect/Relax/Transforms/Transforms.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

using namespace mlir;
using namespace mlc;
using mlc::relax::RelaxDialect;
using mlc::relax::ShapeAttr;
using mlc::relax::ShapeType;

namespace mlc {
#define GEN_PASS_DEF_RELAXBINDSYMBOLICVARSPASS
#include "mlc/Dialect/Relax/Transforms/Passes.h.inc"
} // namespace mlc

/// Substitutes `bindings` into `dims`; unknown dims stay unknown. Fails with a
/// message when an expression becomes invalid, or a dimension negative.
static FailureOr<SmallVector<sym::Expr>>
substituteDims(ArrayRef<sym::Expr> dims,
               const llvm::StringMap<sym::Expr> &bindings, bool areSizes,
               std::string &error) {
  SmallVector<sym::Expr> result;
  for (sym::Expr dim : dims) {
    if (!dim) {
      result.push_back(dim);
      continue;
    }
    FailureOr<sym::Expr> bound = sym::substitute(dim, bindings, &error);
    if (failed(bound))
      return failure();
    std::optional<int64_t> value = bound->getConstant();
    if (areSizes && value && *value < 0) {
      error = "dimension '" + dim.str() + "' becomes " +
              std::to_string(*value) + ", a negative size";
      return failure();
    }
    result.push_back(*bound);
  }
  return result;
}

namespace {
/// Rewrites the symbolic parts of relax types and attributes. `error` keeps
/// the first failure; the caller checks it before trusting the result.
struct SymbolicSubstitution {
  const llvm::StringMap<sym::Expr> &bindings;
  std::string error;

  std::optional<Type> tensor(relax::TensorType type) {
    if (!type.getRanked())
      return type;
    FailureOr<SmallVector<sym::Expr>> dims =
        substituteDims(type.getDims(), bindings, /*areSizes=*/true, error);
    if (failed(dims))
      return type;
    return relax::TensorType::get(*dims, type.getElementType());
  }
  std::optional<Type> shape(ShapeType type) {
    if (!type.getRanked())
      return type;
    FailureOr<SmallVector<sym::Expr>> dims =
        substituteDims(type.getDims(), bindings, /*areSizes=*/false, error);
    if (failed(dims))
      return type;
    return ShapeType::get(type.getContext(), *dims);
  }
  std::optional<Attribute> shapeAttr(ShapeAttr attr) {
    FailureOr<SmallVector<sym::Expr>> dims =
        substituteDims(attr.getDims(), bindings, /*areSizes=*/false, error);
    if (failed(dims))
      return attr;
    return ShapeAttr::get(attr.getContext(), *dims);
  }
};
} // namespace

/// Applies every type and attribute of `op` and its nested ops to `walker`.
static void walkTypesAndAttrs(Operation *op, AttrTypeWalker &walker) {
  op->walk([&](Operation *nested) {
    walker.walk(nested->getAttrDictionary());
    for (Type type : nested->getResultTypes())
      walker.walk(type);
    for (Region &region : nested->getRegions())
      for (Block &block : region)
        for (BlockArgument arg : block.getArguments())
          walker.walk(arg.getType());
  });
}

/// Binding can make inferred result types more precise (`[n] + [m]` is `[?]`,
/// but `[n]` once `m := n`); relax ops must carry exactly what they infer.
/// A function's declared result type stays as it was: where the returned
/// value became more precise, a relax.match_cast restores the declared type.
static void refineInferredTypes(Operation *root) {
  root->walk([](InferTypeOpInterface op) {
    if (!isa<RelaxDialect>(op->getDialect()))
      return;
    SmallVector<Type> inferred;
    if (failed(op.inferReturnTypes(
            op->getContext(), op->getLoc(), op->getOperands(),
            op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
            op->getRegions(), inferred)) ||
        inferred.size() != op->getNumResults())
      return;
    for (auto [result, type] : llvm::zip_equal(op->getResults(), inferred))
      result.setType(type);
  });
  root->walk([](func::ReturnOp ret) {
    auto function = dyn_cast<func::FuncOp>(ret->getParentOp());
    if (!function)
      return;
    OpBuilder b(ret);
    for (auto [operand, declared] :
         llvm::zip_equal(ret->getOpOperands(), function.getResultTypes())) {
      if (operand.get().getType() == declared ||
          !isa<relax::TensorType>(operand.get().getType()) ||
          !isa<relax::TensorType>(declared))
        continue;
      operand.set(
          relax::MatchCastOp::create(b, ret.getLoc(), declared, operand.get()));
    }
  });
}

LogicalResult
mlc::bindSymbolicVars(Operation *op,
                      const llvm::StringMap<sym::Expr> &bindings) {
  // Substitution is simultaneous: a value that uses a bound variable would
  // leave that variable without a definition.
  for (const auto &binding : bindings) {
    SmallVector<StringRef> used;
    sym::collectVars(binding.getValue(), used);
    for (StringRef var : used)
      if (bindings.count(var))
        return emitError(op->getLoc(),
                         "cannot bind symbolic variables: the value of '")
               << binding.getKey() << "' uses '" << var
               << "', which is bound too";
  }
  SymbolicSubstitution substitution{bindings, {}};
  // First a dry run over every symbolic type and attribute, so that a
  // failure leaves the IR untouched. (A binding whose variable does not
  // occur is no error: a module holds many functions.) Each function is
  // checked on its own, so that an error names and points at it (without
  // printing the whole module).
  AttrTypeWalker checker;
  checker.addWalk(
      [&](relax::TensorType type) { (void)substitution.tensor(type); });
  checker.addWalk([&](ShapeType type) { (void)substitution.shape(type); });
  checker.addWalk([&](ShapeAttr attr) { (void)substitution.shapeAttr(attr); });
  SmallVector<Operation *> scopes;
  op->walk<WalkOrder::PreOrder>([&](FunctionOpInterface function) {
    scopes.push_back(function);
    return WalkResult::skip();
  });
  scopes.push_back(op); // what lies outside functions
  for (Operation *scope : scopes) {
    walkTypesAndAttrs(scope, checker);
    if (substitution.error.empty())
      continue;
    InFlightDiagnostic diag =
        emitError(scope->getLoc(), "cannot bind symbolic variables");
    if (auto function = dyn_cast<FunctionOpInterface>(scope))
      diag << " in @" << function.getName();
    return diag << ": " << substitution.error;
  }

  AttrTypeReplacer replacer;
  replacer.addReplacement(
      [&](relax::TensorType type) { return substitution.tensor(type); });
  replacer.addReplacement(
      [&](ShapeType type) { return substitution.shape(type); });
  replacer.addReplacement(
      [&](ShapeAttr attr) { return substitution.shapeAttr(attr); });
  replacer.recursivelyReplaceElementsIn(op, /*replaceAttrs=*/true,
                                        /*replaceLocs=*/false,
                                        /*replaceTypes=*/true);
  refineInferredTypes(op);
  return success();
}

namespace {
struct RelaxBindSymbolicVarsPass
    : public mlc::impl::RelaxBindSymbolicVarsPassBase<
          RelaxBindSymbolicVarsPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    sym::Context &ctx = RelaxDialect::getSymContext(context);
    for (const std::string &binding : bindings) {
      auto [name, value] = StringRef(binding).split('=');
      name = name.trim();
      std::string error;
      FailureOr<sym::Expr> expr = sym::parseExpr(ctx, value.trim(), &error);
      if (name.empty() || value.empty() || failed(expr))
        return emitError(UnknownLoc::get(context))
               << "relax-bind-symbolic-vars: bad binding '" << binding
               << "', expected name=value"
               << (error.empty() ? "" : " (" + error + ")");
      if (!parsedBindings.try_emplace(name, *expr).second)
        return emitError(UnknownLoc::get(context))
               << "relax-bind-symbolic-vars: '" << name << "' is bound twice";
    }
    return success();
  }

  void runOnOperation() override {
    if (failed(bindSymbolicVars(getOperation(), parsedBindings)))
      signalPassFailure();
  }

  llvm::StringMap<sym::Expr> parsedBindings;
};
} // namespace
