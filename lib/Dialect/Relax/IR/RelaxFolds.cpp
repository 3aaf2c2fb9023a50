//===- RelaxFolds.cpp - Folders and canonicalizations of relax ops --------===//

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlir/Dialect/CommonFolders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/APSInt.h"

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
// Ops on constants
//===----------------------------------------------------------------------===//
//
// Elementwise arithmetic, negation, abs, astype and reshape of constants
// fold to constants, computed as the kernels compute them (in the element
// type, integers wrapping). Binary ops fold when both operands are
// constants of one type (no broadcasting).

/// `value`'s type as a builtin tensor type when every dim is a constant.
static RankedTensorType getStaticTensorType(Value value) {
  auto type = cast<TensorType>(value.getType());
  if (!type.getRanked() || llvm::any_of(type.getDims(), [](sym::Expr dim) {
        return !dim || !dim.getConstant();
      }))
    return {};
  return RankedTensorType::get(type.getStaticShape(), type.getElementType());
}

/// Folds `floatFn` or `intFn` over two constants of one float or integer
/// (not boolean) type.
template <typename FloatFn, typename IntFn>
static OpFoldResult foldBinaryConstants(ArrayRef<Attribute> operands,
                                        FloatFn floatFn, IntFn intFn) {
  auto lhs = dyn_cast_or_null<ElementsAttr>(operands[0]);
  auto rhs = dyn_cast_or_null<ElementsAttr>(operands[1]);
  if (!lhs || !rhs || lhs.getType() != rhs.getType())
    return {};
  Type element = lhs.getElementType();
  if (isa<FloatType>(element))
    return constFoldBinaryOp<FloatAttr, APFloat, void>(operands, floatFn);
  if (isa<IntegerType>(element) && !element.isInteger(1))
    return constFoldBinaryOp<IntegerAttr, APInt, void>(operands, intFn);
  return {};
}

template <typename FloatFn, typename IntFn>
static OpFoldResult foldUnaryConstant(Attribute operand, FloatFn floatFn,
                                      IntFn intFn) {
  auto elements = dyn_cast_or_null<ElementsAttr>(operand);
  if (!elements)
    return {};
  Type element = elements.getElementType();
  if (isa<FloatType>(element))
    return constFoldUnaryOp<FloatAttr, APFloat, void>({operand}, floatFn);
  if (isa<IntegerType>(element) && !element.isInteger(1))
    return constFoldUnaryOp<IntegerAttr, APInt, void>({operand}, intFn);
  return {};
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldBinaryConstants(
      adaptor.getOperands(), [](APFloat a, const APFloat &b) { return a + b; },
      [](const APInt &a, const APInt &b) { return a + b; });
}

OpFoldResult SubtractOp::fold(FoldAdaptor adaptor) {
  return foldBinaryConstants(
      adaptor.getOperands(), [](APFloat a, const APFloat &b) { return a - b; },
      [](const APInt &a, const APInt &b) { return a - b; });
}

OpFoldResult MultiplyOp::fold(FoldAdaptor adaptor) {
  return foldBinaryConstants(
      adaptor.getOperands(), [](APFloat a, const APFloat &b) { return a * b; },
      [](const APInt &a, const APInt &b) { return a * b; });
}

// NaN-propagating for floats, as the kernels' arith.minimumf/maximumf.
OpFoldResult MinimumOp::fold(FoldAdaptor adaptor) {
  return foldBinaryConstants(
      adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::minimum(a, b); },
      [](const APInt &a, const APInt &b) {
        return llvm::APIntOps::smin(a, b);
      });
}

OpFoldResult MaximumOp::fold(FoldAdaptor adaptor) {
  return foldBinaryConstants(
      adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::maximum(a, b); },
      [](const APInt &a, const APInt &b) {
        return llvm::APIntOps::smax(a, b);
      });
}

// Integers wrap: the most negative value stays itself.
OpFoldResult NegativeOp::fold(FoldAdaptor adaptor) {
  return foldUnaryConstant(
      adaptor.getInput(), [](APFloat a) { return neg(a); },
      [](const APInt &a) { return -a; });
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  return foldUnaryConstant(
      adaptor.getInput(), [](const APFloat &a) { return abs(a); },
      [](const APInt &a) { return a.abs(); });
}

/// One element of astype, or nullopt where the conversion is unspecified
/// (a NaN or out-of-range float to an integer) or not folded.
static std::optional<Attribute> castElement(Attribute value, Type to) {
  auto toFloat = dyn_cast<FloatType>(to);
  auto toInt = dyn_cast<IntegerType>(to);
  if (auto f = dyn_cast<FloatAttr>(value)) {
    APFloat x = f.getValue();
    if (toFloat) {
      bool lost;
      // f64 to bf16 rounds through f32, as the kernels convert.
      if (to.isBF16() && f.getType().isF64())
        x.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &lost);
      x.convert(toFloat.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                &lost);
      return FloatAttr::get(to, x);
    }
    if (toInt.getWidth() == 1)
      return IntegerAttr::get(to, !x.isZero());
    APSInt result(toInt.getWidth(), /*isUnsigned=*/false);
    bool exact;
    APFloat::opStatus status =
        x.convertToInteger(result, APFloat::rmTowardZero, &exact);
    if (status != APFloat::opOK && status != APFloat::opInexact)
      return std::nullopt;
    return IntegerAttr::get(to, result);
  }
  auto i = cast<IntegerAttr>(value);
  const APInt &x = i.getValue();
  bool isBool = x.getBitWidth() == 1;
  if (toFloat) {
    APFloat result(toFloat.getFloatSemantics());
    result.convertFromAPInt(isBool ? x.zext(8) : x, /*IsSigned=*/!isBool,
                            APFloat::rmNearestTiesToEven);
    return FloatAttr::get(to, result);
  }
  if (toInt.getWidth() == 1)
    return IntegerAttr::get(to, !x.isZero());
  return IntegerAttr::get(to, isBool ? x.zext(toInt.getWidth())
                                     : x.sextOrTrunc(toInt.getWidth()));
}

/// astype of a dense constant, element by element.
static OpFoldResult foldConstantCast(Attribute input, Value result) {
  auto elements = dyn_cast_or_null<DenseElementsAttr>(input);
  RankedTensorType type = getStaticTensorType(result);
  if (!elements || !type)
    return {};
  Type to = type.getElementType();
  if (!isa<FloatType, IntegerType>(to))
    return {};
  SmallVector<Attribute> values;
  values.reserve(elements.getNumElements());
  for (Attribute value : elements.getValues<Attribute>()) {
    std::optional<Attribute> cast = castElement(value, to);
    if (!cast)
      return {};
    values.push_back(*cast);
  }
  return DenseElementsAttr::get(type, values);
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

OpFoldResult AstypeOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = foldToSameType(getInput(), getResult()))
    return same;
  return foldConstantCast(adaptor.getInput(), getResult());
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
OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = foldToSameType(getInput(), getResult()))
    return same;
  // A constant keeps its elements in order under a new static shape.
  auto elements = dyn_cast_or_null<DenseElementsAttr>(adaptor.getInput());
  RankedTensorType type = getStaticTensorType(getResult());
  if (!elements || !type)
    return {};
  return elements.reshape(type);
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
