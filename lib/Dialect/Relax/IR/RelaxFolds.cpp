//===- RelaxFolds.cpp - Folders of relax operations -----------------------===//

#include "Dialect/Relax/RelaxOps.h"

using namespace mlir;

namespace mlc::relax {

/// A cast to the type the value already has checks nothing and defines
/// nothing new (its variables are already in scope through that type).
OpFoldResult MatchCastOp::fold(FoldAdaptor) {
  if (getValue().getType() == getResult().getType())
    return getValue();
  return {};
}

/// The shape of a tensor whose dims are all known is a constant shape.
OpFoldResult ShapeOfOp::fold(FoldAdaptor) {
  auto type = cast<TensorType>(getInput().getType());
  if (!type.getRanked() ||
      llvm::any_of(type.getDims(), [](mlc::sym::Expr dim) { return !dim; }))
    return {};
  return type.getShapeAttr();
}

OpFoldResult ShapeOp::fold(FoldAdaptor) { return getValueAttr(); }

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

} // namespace mlc::relax
