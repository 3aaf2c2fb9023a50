//===- RelaxFolds.cpp - Folders of relax operations -----------------------===//

#include "mlc/Dialect/Relax/RelaxOps.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;

namespace mlc::relax {

/// A cast to the type the value already has checks nothing and defines
/// nothing new (its variables are already in scope through that type).
OpFoldResult MatchCastOp::fold(FoldAdaptor) {
  if (getValue().getType() == getResult().getType())
    return getValue();
  return {};
}

/// The shape of a tensor whose dims are all known is a `relax.shape`, built
/// in place (not hoisted: its variables may come from a match_cast).
LogicalResult ShapeOfOp::canonicalize(ShapeOfOp op, PatternRewriter &rewriter) {
  auto type = cast<TensorType>(op.getInput().getType());
  if (!type.getRanked() ||
      llvm::any_of(type.getDims(), [](mlc::sym::Expr dim) { return !dim; }))
    return rewriter.notifyMatchFailure(op, "a dimension is unknown");
  rewriter.replaceOpWithNewOp<ShapeOp>(op, type.getShapeAttr());
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

OpFoldResult TupleGetItemOp::fold(FoldAdaptor) {
  if (auto tuple = getTuple().getDefiningOp<TupleOp>())
    return tuple.getFields()[getIndex()];
  return {};
}

/// Inference dropout is the identity.
OpFoldResult DropoutOp::fold(FoldAdaptor) { return getInput(); }

} // namespace mlc::relax
