//===- RelaxFolds.cpp - Folders and canonicalizations of relax ops --------===//

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/ShapeInference.h"

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

//===----------------------------------------------------------------------===//
// Tensor operators that return their input
//===----------------------------------------------------------------------===//

/// The input, when an op that only moves or converts elements gives the
/// type it already has (a conversion to its own dtype, a reshape or
/// broadcast to its own shape, a squeeze of nothing). Types with unknown
/// dims are not folded: `?` stands for sizes that may differ.
static OpFoldResult foldToSameType(Value input, Value result) {
  auto type = cast<TensorType>(input.getType());
  if (type != result.getType() || !type.getRanked() ||
      llvm::any_of(type.getDims(), [](sym::Expr dim) { return !dim; }))
    return {};
  return input;
}

OpFoldResult AstypeOp::fold(FoldAdaptor) {
  return foldToSameType(getInput(), getResult());
}
OpFoldResult ExpandDimsOp::fold(FoldAdaptor) {
  return foldToSameType(getInput(), getResult());
}
OpFoldResult SqueezeOp::fold(FoldAdaptor) {
  return foldToSameType(getInput(), getResult());
}
OpFoldResult FlattenOp::fold(FoldAdaptor) {
  return foldToSameType(getInput(), getResult());
}
OpFoldResult BroadcastToOp::fold(FoldAdaptor) {
  return foldToSameType(getInput(), getResult());
}
OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  return foldToSameType(getInput(), getResult());
}

/// A flip of a flip along the same axis.
OpFoldResult FlipOp::fold(FoldAdaptor) {
  auto inner = getInput().getDefiningOp<FlipOp>();
  if (inner && inner.getAxis() == getAxis())
    return inner.getInput();
  return {};
}

/// reshape(reshape(x)) is one reshape of x: the element order is the same.
LogicalResult ReshapeOp::canonicalize(ReshapeOp op, PatternRewriter &rewriter) {
  auto inner = op.getInput().getDefiningOp<ReshapeOp>();
  if (!inner)
    return rewriter.notifyMatchFailure(op, "the input is no reshape");
  rewriter.modifyOpInPlace(
      op, [&] { op.getInputMutable().assign(inner.getInput()); });
  return success();
}

/// The permutation a permute_dims applies (reversed without axes), or none
/// for an input of unknown rank.
static std::optional<SmallVector<int64_t>> getPermutation(PermuteDimsOp op) {
  auto type = cast<TensorType>(op.getInput().getType());
  if (!type.getRanked())
    return std::nullopt;
  int64_t rank = type.getNumDims();
  if (std::optional<ArrayRef<int64_t>> axes = op.getAxes()) {
    FailureOr<SmallVector<int64_t>> normalized = normalizeAxes(*axes, rank);
    if (failed(normalized))
      return std::nullopt;
    return *normalized;
  }
  SmallVector<int64_t> reversed;
  for (int64_t dim = rank - 1; dim >= 0; --dim)
    reversed.push_back(dim);
  return reversed;
}

/// The identity permutation returns its input.
OpFoldResult PermuteDimsOp::fold(FoldAdaptor) {
  std::optional<SmallVector<int64_t>> permutation = getPermutation(*this);
  if (!permutation)
    return {};
  for (auto [index, axis] : llvm::enumerate(*permutation))
    if (axis != static_cast<int64_t>(index))
      return {};
  return getInput();
}

/// permute_dims(permute_dims(x, p), q) is permute_dims(x, p o q): result dim
/// i is x's dim p[q[i]].
LogicalResult PermuteDimsOp::canonicalize(PermuteDimsOp op,
                                          PatternRewriter &rewriter) {
  auto inner = op.getInput().getDefiningOp<PermuteDimsOp>();
  if (!inner)
    return rewriter.notifyMatchFailure(op, "the input is no permute_dims");
  std::optional<SmallVector<int64_t>> outer = getPermutation(op);
  std::optional<SmallVector<int64_t>> first = getPermutation(inner);
  if (!outer || !first)
    return rewriter.notifyMatchFailure(op, "unknown rank");
  SmallVector<int64_t> composed;
  for (int64_t axis : *outer)
    composed.push_back((*first)[axis]);
  rewriter.replaceOpWithNewOp<PermuteDimsOp>(
      op, op.getResult().getType(), inner.getInput(),
      rewriter.getDenseI64ArrayAttr(composed));
  return success();
}

/// Inference dropout is the identity.
OpFoldResult DropoutOp::fold(FoldAdaptor) { return getInput(); }

} // namespace mlc::relax
