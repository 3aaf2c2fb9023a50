//===- RelaxTensorOps.cpp - Hooks of the relax tensor operators -----------===//
//
// InferTypeOpInterface and verifiers of the ops in RelaxTensorOps.td. The
// shape rules live in ShapeInference.cpp; these hooks feed them:
//  * inference runs with no facts, so a result type depends only on the
//    operand types and attributes (parsing, builders and the interface's
//    own verifier all see the same type);
//  * verify() runs the rule again with the facts of the enclosing function
//    (`relax.sym_bounds`, `relax.sym_divisible`), which can prove more
//    mismatches, and checks the scope of symbolic variables.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/RelaxOps.h"

#include "BroadcastOps.h"

#include "mlc/Dialect/Relax/ShapeInference.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

using namespace mlir;

namespace mlc::relax {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

namespace {
/// Reports shape errors found while inferring `OpTy`'s result type the way
/// emitOpError does. Inference runs while the op is parsed or built, before
/// it exists, so only its name and location are at hand; with no location
/// the errors are silent.
template <typename OpTy> class InferenceErrors {
public:
  explicit InferenceErrors(std::optional<Location> location)
      : location(location) {}

  EmitErrorFn callback() const {
    return location ? EmitErrorFn(*this) : EmitErrorFn();
  }

  InFlightDiagnostic operator()() const {
    return mlir::emitError(*location)
           << "'" << OpTy::getOperationName() << "' op ";
  }

private:
  std::optional<Location> location;
};
} // namespace

/// Appends the result of a shape rule; a failed rule has reported why.
static LogicalResult appendInferred(FailureOr<TensorType> type,
                                    SmallVectorImpl<Type> &inferred) {
  if (failed(type))
    return failure();
  inferred.push_back(*type);
  return success();
}

/// A non-tensor operand can only come from a C++ builder; the op's type
/// constraints report it when it is verified.
static TensorType getTensorType(Value value) {
  return dyn_cast<TensorType>(value.getType());
}

/// `type`'s shape (or unknown rank) with `element` as its element type.
static TensorType withElementType(TensorType type, Type element) {
  return type.getRanked() ? TensorType::get(type.getDims(), element)
                          : TensorType::get(element);
}

/// Infers the result of a one-input op: `rule` maps the input's type and the
/// error callback to the result type.
template <typename OpTy, typename Rule>
static LogicalResult
inferFromInput(Value input, std::optional<Location> location,
               SmallVectorImpl<Type> &inferred, Rule rule) {
  TensorType type = getTensorType(input);
  if (!type)
    return failure();
  InferenceErrors<OpTy> errors(location);
  return appendInferred(rule(type, errors.callback()), inferred);
}

/// Infers with a shape rule over the tensor types of `values`:
/// `rule(types..., analyzer, emitError)`. Inference sees no facts (the
/// enclosing function may not exist yet): the analyzer is empty.
template <typename OpTy, typename Rule, typename... Values>
static LogicalResult inferWithRule(std::optional<Location> location,
                                   SmallVectorImpl<Type> &inferred, Rule rule,
                                   Values... values) {
  if ((... || !getTensorType(values)))
    return failure();
  InferenceErrors<OpTy> errors(location);
  return appendInferred(
      rule(getTensorType(values)..., sym::Analyzer(), errors.callback()),
      inferred);
}

/// The verifier of an op whose type comes from `rule`: the rule again, with
/// the facts of the enclosing function (`relax.sym_bounds`, ...), then the
/// scope of the symbolic variables.
template <typename Rule, typename... Values>
static LogicalResult verifyWithRule(Operation *op, Rule rule,
                                    Values... values) {
  auto emitError = [op] { return op->emitOpError(); };
  if (failed(rule(getTensorType(values)..., getAnalyzerFor(op), emitError)))
    return failure();
  return verifyInRelaxFunction(op);
}

//===----------------------------------------------------------------------===//
// Elementwise ops with broadcasting
//===----------------------------------------------------------------------===//

LogicalResult inferBroadcastResult(StringRef opName,
                                   std::optional<Location> location, Value lhs,
                                   Value rhs, Type resultElementType,
                                   SmallVectorImpl<Type> &inferred) {
  TensorType lhsType = getTensorType(lhs), rhsType = getTensorType(rhs);
  if (!lhsType || !rhsType)
    return failure();
  // EmitErrorFn does not own its callable: keep the lambda alive here.
  auto report = [&]() -> InFlightDiagnostic {
    return mlir::emitError(*location) << "'" << opName << "' op ";
  };
  FailureOr<TensorType> type =
      inferBroadcastShape(lhsType, rhsType, sym::Analyzer(),
                          location ? EmitErrorFn(report) : EmitErrorFn());
  if (failed(type))
    return failure();
  if (resultElementType)
    type = withElementType(*type, resultElementType);
  inferred.push_back(*type);
  return success();
}

LogicalResult verifyBroadcastOperands(Operation *op, Value lhs, Value rhs) {
  auto emitError = [&] { return op->emitOpError(); };
  if (failed(inferBroadcastShape(cast<TensorType>(lhs.getType()),
                                 cast<TensorType>(rhs.getType()),
                                 getAnalyzerFor(op), emitError)))
    return failure();
  return verifyInRelaxFunction(op);
}

//===----------------------------------------------------------------------===//
// WhereOp
//===----------------------------------------------------------------------===//

/// numpy's where: the values broadcast with each other (same dtype), then
/// with the boolean condition (its shape only).
static FailureOr<TensorType> inferWhereType(TensorType condition,
                                            TensorType lhs, TensorType rhs,
                                            const sym::Analyzer &analyzer,
                                            EmitErrorFn emitError) {
  if (!condition.getElementType().isInteger(1)) {
    if (emitError)
      emitError() << "expects a boolean (i1) condition, but got " << condition;
    return failure();
  }
  FailureOr<TensorType> values =
      inferBroadcastShape(lhs, rhs, analyzer, emitError);
  if (failed(values))
    return failure();
  TensorType conditionShape =
      withElementType(condition, values->getElementType());
  return inferBroadcastShape(conditionShape, *values, analyzer, emitError);
}

LogicalResult WhereOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> location,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  return inferWithRule<WhereOp>(location, inferred, inferWhereType,
                                adaptor.getCondition(), adaptor.getLhs(),
                                adaptor.getRhs());
}

LogicalResult WhereOp::verify() {
  return verifyWithRule(*this, inferWhereType, getCondition(), getLhs(),
                        getRhs());
}

//===----------------------------------------------------------------------===//
// AstypeOp
//===----------------------------------------------------------------------===//

LogicalResult AstypeOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  TypeAttr dtype = adaptor.getDtypeAttr();
  if (!input || !dtype)
    return failure();
  if (!isValidElementType(dtype.getValue())) {
    if (location)
      InferenceErrors<AstypeOp>(location)()
          << "expects an integer or floating-point dtype, but got "
          << dtype.getValue();
    return failure();
  }
  inferred.push_back(withElementType(input, dtype.getValue()));
  return success();
}

// The dtype was checked by inference, and the shape is the input's.
LogicalResult AstypeOp::verify() { return verifyInRelaxFunction(*this); }

//===----------------------------------------------------------------------===//
// Unary elementwise ops: the result type is the operand type (ODS infers it
// from SameOperandsAndResultType).
//===----------------------------------------------------------------------===//

// Their verify() comes from Relax_UnaryElementwiseOp.

template <OpPatternKind Kind> static bool hasPatternKind(Operation *op) {
  return op->hasTrait<HasOpPatternKind<Kind>::template Impl>();
}

OpPatternKind getOpPatternKind(Operation *op) {
  if (hasPatternKind<OpPatternKind::Elementwise>(op))
    return OpPatternKind::Elementwise;
  if (hasPatternKind<OpPatternKind::Broadcast>(op))
    return OpPatternKind::Broadcast;
  if (hasPatternKind<OpPatternKind::Injective>(op))
    return OpPatternKind::Injective;
  if (hasPatternKind<OpPatternKind::CommReduce>(op))
    return OpPatternKind::CommReduce;
  if (hasPatternKind<OpPatternKind::OutEWiseFusable>(op))
    return OpPatternKind::OutEWiseFusable;
  return OpPatternKind::Opaque;
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  TensorType lhs = getTensorType(adaptor.getLhs());
  TensorType rhs = getTensorType(adaptor.getRhs());
  if (!lhs || !rhs)
    return failure();
  InferenceErrors<MatmulOp> errors(location);
  return appendInferred(
      inferMatmulShape(lhs, rhs, sym::Analyzer(), errors.callback()), inferred);
}

LogicalResult MatmulOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  if (failed(inferMatmulShape(getLhs().getType(), getRhs().getType(),
                              getAnalyzerFor(*this), emitError)))
    return failure();
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// PermuteDimsOp
//===----------------------------------------------------------------------===//

LogicalResult PermuteDimsOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location> location,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &inferred) {
  return inferFromInput<PermuteDimsOp>(
      adaptor.getInput(), location, inferred,
      [&](TensorType input, EmitErrorFn emitError) {
        return inferPermuteDimsShape(input, adaptor.getAxes(), emitError);
      });
}

// The permutation involves no symbolic relations, so inference has found
// every error already.
LogicalResult PermuteDimsOp::verify() { return verifyInRelaxFunction(*this); }

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> location,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  ShapeAttr shape = adaptor.getShapeAttr();
  if (!input || !shape)
    return failure();
  InferenceErrors<ReshapeOp> errors(location);
  return appendInferred(inferReshapeShape(input, shape.getDims(),
                                          sym::Analyzer(), errors.callback()),
                        inferred);
}

LogicalResult ReshapeOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  ArrayRef<sym::Expr> shape = getShape().getDims();
  if (failed(inferReshapeShape(getInput().getType(), shape,
                               getAnalyzerFor(*this), emitError)))
    return failure();
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

// Reductions and softmax, like permute_dims, only check axes against the
// rank, which facts cannot change: their verifiers only check the scope.

LogicalResult
inferReductionResult(StringRef opName, std::optional<Location> location,
                     Value input, std::optional<ArrayRef<int64_t>> axes,
                     bool keepdims, SmallVectorImpl<Type> &inferred) {
  TensorType type = getTensorType(input);
  if (!type)
    return failure();
  // EmitErrorFn does not own its callable: keep the lambda alive here.
  auto report = [&]() -> InFlightDiagnostic {
    return mlir::emitError(*location) << "'" << opName << "' op ";
  };
  return appendInferred(
      inferReductionShape(type, axes, keepdims,
                          location ? EmitErrorFn(report) : EmitErrorFn()),
      inferred);
}

//===----------------------------------------------------------------------===//
// Index reductions and scans
//===----------------------------------------------------------------------===//

static std::optional<int64_t> getOptionalInt(IntegerAttr attr) {
  return attr ? std::optional<int64_t>(attr.getInt()) : std::nullopt;
}

template <typename OpTy>
static LogicalResult inferArgReduceResult(std::optional<Location> location,
                                          typename OpTy::Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  return inferFromInput<OpTy>(
      adaptor.getInput(), location, inferred,
      [&](TensorType input, EmitErrorFn emitError) {
        return inferArgReduceShape(input, getOptionalInt(adaptor.getAxisAttr()),
                                   adaptor.getKeepdims(), emitError);
      });
}

template <typename OpTy>
static LogicalResult inferScanResult(std::optional<Location> location,
                                     typename OpTy::Adaptor adaptor,
                                     SmallVectorImpl<Type> &inferred) {
  return inferFromInput<OpTy>(
      adaptor.getInput(), location, inferred,
      [&](TensorType input, EmitErrorFn emitError) {
        return inferScanShape(input, getOptionalInt(adaptor.getAxisAttr()),
                              emitError);
      });
}

LogicalResult ArgmaxOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  return inferArgReduceResult<ArgmaxOp>(location, adaptor, inferred);
}

LogicalResult ArgminOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  return inferArgReduceResult<ArgminOp>(location, adaptor, inferred);
}

LogicalResult CumsumOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  return inferScanResult<CumsumOp>(location, adaptor, inferred);
}

LogicalResult CumprodOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> location,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  return inferScanResult<CumprodOp>(location, adaptor, inferred);
}

// Axes against the rank only: nothing for facts to change.
LogicalResult ArgmaxOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult ArgminOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult CumsumOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult CumprodOp::verify() { return verifyInRelaxFunction(*this); }

//===----------------------------------------------------------------------===//
// RMSNormOp, LayerNormOp
//===----------------------------------------------------------------------===//

static LogicalResult verifyEpsilon(Operation *op, APFloat epsilon) {
  if (epsilon.convertToDouble() < 0)
    return op->emitOpError("expects a non-negative epsilon, but got ")
           << epsilon.convertToDouble();
  return success();
}

LogicalResult RMSNormOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> location,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  TensorType weight = getTensorType(adaptor.getWeight());
  if (!input || !weight)
    return failure();
  InferenceErrors<RMSNormOp> errors(location);
  return appendInferred(inferLastAxisNormShape(input, {weight}, {"weight"},
                                               sym::Analyzer(),
                                               errors.callback()),
                        inferred);
}

LogicalResult RMSNormOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  if (failed(inferLastAxisNormShape(getInput().getType(),
                                    {getWeight().getType()}, {"weight"},
                                    getAnalyzerFor(*this), emitError)) ||
      failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  return verifyInRelaxFunction(*this);
}

/// layer_norm's rule: its weight and bias follow the last axis.
static FailureOr<TensorType>
inferLayerNormShape(TensorType input, TensorType weight, TensorType bias,
                    const sym::Analyzer &analyzer, EmitErrorFn emitError) {
  return inferLastAxisNormShape(input, {weight, bias}, {"weight", "bias"},
                                analyzer, emitError);
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> location,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  return inferWithRule<LayerNormOp>(location, inferred, inferLayerNormShape,
                                    adaptor.getInput(), adaptor.getWeight(),
                                    adaptor.getBias());
}

LogicalResult LayerNormOp::verify() {
  if (failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  return verifyWithRule(*this, inferLayerNormShape, getInput(), getWeight(),
                        getBias());
}

//===----------------------------------------------------------------------===//
// AttentionOp, RopeOp
//===----------------------------------------------------------------------===//

LogicalResult AttentionOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> location,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  return inferWithRule<AttentionOp>(location, inferred, inferAttentionShape,
                                    adaptor.getQuery(), adaptor.getKey(),
                                    adaptor.getValue());
}

LogicalResult AttentionOp::verify() {
  if (std::optional<APFloat> scale = getScale();
      scale && !(scale->convertToDouble() > 0))
    return emitOpError("expects a positive scale, but got ")
           << scale->convertToDouble();
  return verifyWithRule(*this, inferAttentionShape, getQuery(), getKey(),
                        getValue());
}

LogicalResult RopeOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  return inferWithRule<RopeOp>(location, inferred, inferRopeShape,
                               adaptor.getInput(), adaptor.getPositions());
}

LogicalResult RopeOp::verify() {
  if (!(getTheta().convertToDouble() > 0))
    return emitOpError("expects a positive theta, but got ")
           << getTheta().convertToDouble();
  return verifyWithRule(*this, inferRopeShape, getInput(), getPositions());
}

//===----------------------------------------------------------------------===//
// Q4QuantizeOp, Q4DequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult Q4QuantizeOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> location,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &inferred) {
  TensorType weight = getTensorType(adaptor.getWeight());
  if (!weight)
    return failure();
  // Default-valued attributes are not filled in yet when the parser infers.
  IntegerAttr groupSize = adaptor.getGroupSizeAttr();
  InferenceErrors<Q4QuantizeOp> errors(location);
  FailureOr<std::pair<TensorType, TensorType>> types = inferQ4QuantizeShapes(
      weight, groupSize ? groupSize.getInt() : 32, errors.callback());
  if (failed(types))
    return failure();
  inferred.push_back(types->first);
  inferred.push_back(types->second);
  return success();
}

// The rule involves no relation that facts could decide.
LogicalResult Q4QuantizeOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult Q4DequantizeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  IntegerAttr groupAttr = adaptor.getGroupSizeAttr();
  int64_t group = groupAttr ? groupAttr.getInt() : 32;
  return inferWithRule<Q4DequantizeOp>(
      location, inferred,
      [&](TensorType packed, TensorType scale, const sym::Analyzer &analyzer,
          EmitErrorFn emitError) {
        return inferQ4DequantizeShape(packed, scale, group, analyzer,
                                      emitError);
      },
      adaptor.getPacked(), adaptor.getScale());
}

LogicalResult Q4DequantizeOp::verify() {
  return verifyWithRule(
      *this,
      [&](TensorType packed, TensorType scale, const sym::Analyzer &analyzer,
          EmitErrorFn emitError) {
        return inferQ4DequantizeShape(packed, scale, getGroupSize(), analyzer,
                                      emitError);
      },
      getPacked(), getScale());
}

//===----------------------------------------------------------------------===//
// Copies by index arithmetic
//===----------------------------------------------------------------------===//

LogicalResult BroadcastToOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location> location,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &inferred) {
  ShapeAttr shape = adaptor.getShapeAttr();
  if (!shape)
    return failure();
  return inferFromInput<BroadcastToOp>(
      adaptor.getInput(), location, inferred,
      [&](TensorType input, EmitErrorFn emitError) {
        return inferBroadcastToShape(input, shape.getDims(), sym::Analyzer(),
                                     emitError);
      });
}

LogicalResult BroadcastToOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  if (failed(inferBroadcastToShape(getInput().getType(), getShape().getDims(),
                                   getAnalyzerFor(*this), emitError)))
    return failure();
  return verifyInRelaxFunction(*this);
}

static SmallVector<TensorType> getTensorTypes(ValueRange values) {
  SmallVector<TensorType> types;
  for (Value value : values)
    if (TensorType type = getTensorType(value))
      types.push_back(type);
  return types;
}

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  SmallVector<TensorType> inputs = getTensorTypes(adaptor.getInputs());
  if (inputs.size() != adaptor.getInputs().size())
    return failure();
  IntegerAttr axis = adaptor.getAxisAttr();
  InferenceErrors<ConcatOp> errors(location);
  return appendInferred(inferConcatShape(inputs, axis ? axis.getInt() : 0,
                                         sym::Analyzer(), errors.callback()),
                        inferred);
}

LogicalResult ConcatOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  if (failed(inferConcatShape(getTensorTypes(getInputs()), getAxis(),
                              getAnalyzerFor(*this), emitError)))
    return failure();
  return verifyInRelaxFunction(*this);
}

LogicalResult FlipOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  IntegerAttr axis = adaptor.getAxisAttr();
  if (!axis)
    return failure();
  return inferFromInput<FlipOp>(adaptor.getInput(), location, inferred,
                                [&](TensorType input, EmitErrorFn emitError) {
                                  return inferSoftmaxShape(input, axis.getInt(),
                                                           emitError);
                                });
}

template <typename OpTy>
static LogicalResult inferTriangleResult(std::optional<Location> location,
                                         typename OpTy::Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  return inferFromInput<OpTy>(adaptor.getInput(), location, inferred,
                              inferTriangleShape);
}

LogicalResult TrilOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  return inferTriangleResult<TrilOp>(location, adaptor, inferred);
}

LogicalResult TriuOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  return inferTriangleResult<TriuOp>(location, adaptor, inferred);
}

LogicalResult TileOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  // Required attributes are missing only from a malformed generic form; its
  // verification reports them.
  if (!adaptor.getRepeatsAttr())
    return failure();
  return inferFromInput<TileOp>(adaptor.getInput(), location, inferred,
                                [&](TensorType input, EmitErrorFn emitError) {
                                  return inferTileShape(
                                      input, adaptor.getRepeats(), emitError);
                                });
}

LogicalResult RepeatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  if (!adaptor.getRepeatsAttr() || !adaptor.getAxisAttr())
    return failure();
  return inferFromInput<RepeatOp>(adaptor.getInput(), location, inferred,
                                  [&](TensorType input, EmitErrorFn emitError) {
                                    return inferRepeatShape(
                                        input, adaptor.getRepeats(),
                                        adaptor.getAxis(), emitError);
                                  });
}

LogicalResult StridedSliceOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  if (!adaptor.getAxesAttr() || !adaptor.getBeginAttr() ||
      !adaptor.getEndAttr())
    return failure();
  return inferFromInput<StridedSliceOp>(
      adaptor.getInput(), location, inferred,
      [&](TensorType input, EmitErrorFn emitError) {
        std::optional<ArrayRef<int64_t>> strides = adaptor.getStrides();
        return inferStridedSliceShape(
            input, adaptor.getAxes(), adaptor.getBegin(), adaptor.getEnd(),
            strides ? *strides : ArrayRef<int64_t>(), emitError);
      });
}

// The rules above check only attributes against the rank and constants,
// which facts cannot change: the verifiers check the scope.
LogicalResult FlipOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult TrilOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult TriuOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult TileOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult RepeatOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult StridedSliceOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult TakeOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  TensorType indices = getTensorType(adaptor.getIndices());
  if (!input || !indices)
    return failure();
  IntegerAttr axis = adaptor.getAxisAttr();
  InferenceErrors<TakeOp> errors(location);
  return appendInferred(inferTakeShape(input, indices, axis ? axis.getInt() : 0,
                                       errors.callback()),
                        inferred);
}

LogicalResult TakeOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult OneHotOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  TypeAttr dtype = adaptor.getDtypeAttr();
  if (!dtype || !adaptor.getDepthAttr())
    return failure();
  return inferFromInput<OneHotOp>(
      adaptor.getIndices(), location, inferred,
      [&](TensorType indices, EmitErrorFn emitError) {
        return inferOneHotShape(indices, adaptor.getDepth(), dtype.getValue(),
                                emitError);
      });
}

LogicalResult OneHotOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult GroupNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> location,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  IntegerAttr groups = adaptor.getNumGroupsAttr();
  if (!groups)
    return failure();
  return inferWithRule<GroupNormOp>(
      location, inferred,
      [&](TensorType input, TensorType weight, TensorType bias,
          const sym::Analyzer &analyzer, EmitErrorFn emitError) {
        return inferGroupNormShape(input, weight, bias, groups.getInt(),
                                   analyzer, emitError);
      },
      adaptor.getInput(), adaptor.getWeight(), adaptor.getBias());
}

LogicalResult GroupNormOp::verify() {
  if (failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  return verifyWithRule(
      *this,
      [&](TensorType input, TensorType weight, TensorType bias,
          const sym::Analyzer &analyzer, EmitErrorFn emitError) {
        return inferGroupNormShape(input, weight, bias, getNumGroups(),
                                   analyzer, emitError);
      },
      getInput(), getWeight(), getBias());
}

//===----------------------------------------------------------------------===//
// Convolutions and pooling
//===----------------------------------------------------------------------===//

// Default-valued attributes are not filled in yet when the parser infers:
// these read them with their ODS defaults.
static ArrayRef<int64_t> getOr(DenseI64ArrayAttr attr,
                               ArrayRef<int64_t> fallback) {
  return attr ? attr.asArrayRef() : fallback;
}

static ConvLayout getLayoutOr(ConvLayoutAttr attr) {
  return attr ? attr.getValue() : ConvLayout::NCHW;
}

static constexpr int64_t kOnes[] = {1, 1};
static constexpr int64_t kZeros[] = {0, 0, 0, 0};

LogicalResult Conv2DOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  TensorType data = getTensorType(adaptor.getData());
  TensorType weight = getTensorType(adaptor.getWeight());
  if (!data || !weight)
    return failure();
  Window2D window{getOr(adaptor.getStridesAttr(), kOnes),
                  getOr(adaptor.getPaddingAttr(), kZeros),
                  getOr(adaptor.getDilationAttr(), kOnes),
                  getLayoutOr(adaptor.getLayoutAttr())};
  IntegerAttr groups = adaptor.getGroupsAttr();
  InferenceErrors<Conv2DOp> errors(location);
  return appendInferred(inferConv2DShape(data, weight, window,
                                         groups ? groups.getInt() : 1,
                                         sym::Analyzer(), errors.callback()),
                        inferred);
}

LogicalResult Conv2DOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  Window2D window{getStrides(), getPadding(), getDilation(), getLayout()};
  if (failed(inferConv2DShape(getData().getType(), getWeight().getType(),
                              window, getGroups(), getAnalyzerFor(*this),
                              emitError)))
    return failure();
  return verifyInRelaxFunction(*this);
}

LogicalResult Conv2DTransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  static constexpr int64_t kNone[] = {0, 0};
  Window2D window{getOr(adaptor.getStridesAttr(), kOnes),
                  getOr(adaptor.getPaddingAttr(), kZeros),
                  getOr(adaptor.getDilationAttr(), kOnes), ConvLayout::NCHW};
  ArrayRef<int64_t> outputPadding =
      getOr(adaptor.getOutputPaddingAttr(), kNone);
  IntegerAttr groups = adaptor.getGroupsAttr();
  return inferWithRule<Conv2DTransposeOp>(
      location, inferred,
      [&](TensorType data, TensorType weight, const sym::Analyzer &analyzer,
          EmitErrorFn emitError) {
        return inferConv2DTransposeShape(data, weight, window, outputPadding,
                                         groups ? groups.getInt() : 1, analyzer,
                                         emitError);
      },
      adaptor.getData(), adaptor.getWeight());
}

LogicalResult Conv2DTransposeOp::verify() {
  Window2D window{getStrides(), getPadding(), getDilation(), ConvLayout::NCHW};
  return verifyWithRule(
      *this,
      [&](TensorType data, TensorType weight, const sym::Analyzer &analyzer,
          EmitErrorFn emitError) {
        return inferConv2DTransposeShape(data, weight, window,
                                         getOutputPadding(), getGroups(),
                                         analyzer, emitError);
      },
      getData(), getWeight());
}

LogicalResult Conv1DOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  static constexpr int64_t kOne[] = {1}, kNoPadding[] = {0, 0};
  ArrayRef<int64_t> strides = getOr(adaptor.getStridesAttr(), kOne);
  ArrayRef<int64_t> padding = getOr(adaptor.getPaddingAttr(), kNoPadding);
  ArrayRef<int64_t> dilation = getOr(adaptor.getDilationAttr(), kOne);
  IntegerAttr groups = adaptor.getGroupsAttr();
  ConvLayout layout = getLayoutOr(adaptor.getLayoutAttr());
  return inferWithRule<Conv1DOp>(
      location, inferred,
      [&](TensorType data, TensorType weight, const sym::Analyzer &analyzer,
          EmitErrorFn emitError) {
        return inferConv1DShape(data, weight, strides, padding, dilation,
                                groups ? groups.getInt() : 1, layout, analyzer,
                                emitError);
      },
      adaptor.getData(), adaptor.getWeight());
}

LogicalResult Conv1DOp::verify() {
  return verifyWithRule(
      *this,
      [&](TensorType data, TensorType weight, const sym::Analyzer &analyzer,
          EmitErrorFn emitError) {
        return inferConv1DShape(data, weight, getStrides(), getPadding(),
                                getDilation(), getGroups(), getLayout(),
                                analyzer, emitError);
      },
      getData(), getWeight());
}

template <typename OpTy>
static LogicalResult inferPoolResult(std::optional<Location> location,
                                     typename OpTy::Adaptor adaptor,
                                     SmallVectorImpl<Type> &inferred) {
  if (!adaptor.getPoolSizeAttr())
    return failure();
  Window2D window{getOr(adaptor.getStridesAttr(), kOnes),
                  getOr(adaptor.getPaddingAttr(), kZeros), kOnes,
                  getLayoutOr(adaptor.getLayoutAttr())};
  return inferFromInput<OpTy>(
      adaptor.getData(), location, inferred,
      [&](TensorType data, EmitErrorFn emitError) {
        return inferPool2DShape(data, adaptor.getPoolSize(), window, emitError);
      });
}

LogicalResult MaxPool2DOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> location,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  return inferPoolResult<MaxPool2DOp>(location, adaptor, inferred);
}

LogicalResult AvgPool2DOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> location,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  return inferPoolResult<AvgPool2DOp>(location, adaptor, inferred);
}

LogicalResult AdaptiveAvgPool2DOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  if (!adaptor.getOutputSizeAttr())
    return failure();
  return inferFromInput<AdaptiveAvgPool2DOp>(
      adaptor.getData(), location, inferred,
      [&](TensorType data, EmitErrorFn emitError) {
        return inferAdaptivePool2DShape(data, adaptor.getOutputSize(),
                                        getLayoutOr(adaptor.getLayoutAttr()),
                                        emitError);
      });
}

// Pooling shapes involve constants only: nothing for facts to change.
LogicalResult MaxPool2DOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult AvgPool2DOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult AdaptiveAvgPool2DOp::verify() {
  return verifyInRelaxFunction(*this);
}

LogicalResult Resize2DOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> location,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &inferred) {
  ShapeAttr size = adaptor.getSizeAttr();
  if (!size)
    return failure();
  return inferFromInput<Resize2DOp>(
      adaptor.getData(), location, inferred,
      [&](TensorType data, EmitErrorFn emitError) {
        return inferResize2DShape(data, size.getDims(),
                                  getLayoutOr(adaptor.getLayoutAttr()),
                                  emitError);
      });
}

LogicalResult Resize2DOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> location,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  TensorType data = getTensorType(adaptor.getData());
  SmallVector<TensorType> params =
      getTensorTypes({adaptor.getGamma(), adaptor.getBeta(), adaptor.getMean(),
                      adaptor.getVariance()});
  if (!data || params.size() != 4)
    return failure();
  IntegerAttr axis = adaptor.getAxisAttr();
  InferenceErrors<BatchNormOp> errors(location);
  return appendInferred(inferBatchNormShape(data, params,
                                            axis ? axis.getInt() : 1,
                                            sym::Analyzer(), errors.callback()),
                        inferred);
}

LogicalResult BatchNormOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  SmallVector<TensorType> params =
      getTensorTypes({getGamma(), getBeta(), getMean(), getVariance()});
  if (failed(inferBatchNormShape(getData().getType(), params, getAxis(),
                                 getAnalyzerFor(*this), emitError)) ||
      failed(verifyEpsilon(*this, getEpsilon())))
    return failure();
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// EinsumOp
//===----------------------------------------------------------------------===//

LogicalResult EinsumOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  SmallVector<TensorType> inputs = getTensorTypes(adaptor.getInputs());
  StringAttr subscripts = adaptor.getSubscriptsAttr();
  if (!subscripts || inputs.size() != adaptor.getInputs().size() ||
      inputs.empty())
    return failure();
  InferenceErrors<EinsumOp> errors(location);
  return appendInferred(inferEinsumShape(subscripts.getValue(), inputs,
                                         sym::Analyzer(), errors.callback()),
                        inferred);
}

LogicalResult EinsumOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  SmallVector<TensorType> inputs = getTensorTypes(getInputs());
  if (inputs.empty())
    return emitOpError("expects one or two operands");
  if (failed(inferEinsumShape(getSubscripts(), inputs, getAnalyzerFor(*this),
                              emitError)))
    return failure();
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// LinearOp, PadOp
//===----------------------------------------------------------------------===//

static std::optional<TensorType> getOptionalTensorType(Value value) {
  if (!value)
    return std::nullopt;
  return getTensorType(value);
}

LogicalResult LinearOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  TensorType weight = getTensorType(adaptor.getWeight());
  std::optional<TensorType> bias = getOptionalTensorType(adaptor.getBias());
  if (!input || !weight || (bias && !*bias))
    return failure();
  InferenceErrors<LinearOp> errors(location);
  return appendInferred(
      inferLinearShape(input, weight, bias, sym::Analyzer(), errors.callback()),
      inferred);
}

LogicalResult LinearOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  if (failed(inferLinearShape(getInput().getType(), getWeight().getType(),
                              getOptionalTensorType(getBias()),
                              getAnalyzerFor(*this), emitError)))
    return failure();
  return verifyInRelaxFunction(*this);
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> location,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &inferred) {
  if (!adaptor.getPadWidthAttr())
    return failure();
  return inferFromInput<PadOp>(adaptor.getInput(), location, inferred,
                               [&](TensorType input, EmitErrorFn emitError) {
                                 return inferPadShape(
                                     input, adaptor.getPadWidth(), emitError);
                               });
}

LogicalResult PadOp::verify() {
  // reflect mirrors within the dim: its widths must be smaller.
  auto input = cast<TensorType>(getInput().getType());
  if (getMode() == PadMode::reflect && input.getRanked())
    for (auto [index, dim] : llvm::enumerate(input.getDims())) {
      std::optional<int64_t> size = dim ? dim.getConstant() : std::nullopt;
      int64_t widest =
          std::max(getPadWidth()[2 * index], getPadWidth()[2 * index + 1]);
      if (size && widest >= *size)
        return emitOpError("expects reflect widths smaller than the "
                           "dimension, but dimension ")
               << index << " is " << *size << " and a width is " << widest;
    }
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// split, gathers and scatters
//===----------------------------------------------------------------------===//

LogicalResult SplitOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> location,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  if (!input)
    return failure();
  IntegerAttr axis = adaptor.getAxisAttr();
  InferenceErrors<SplitOp> errors(location);
  FailureOr<SmallVector<TensorType>> parts = inferSplitShapes(
      input, getOptionalInt(adaptor.getSectionsAttr()), adaptor.getIndices(),
      axis ? axis.getInt() : 0, errors.callback());
  if (failed(parts))
    return failure();
  llvm::append_range(inferred, *parts);
  return success();
}

LogicalResult SplitOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult GatherElementsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  TensorType indices = getTensorType(adaptor.getIndices());
  if (!input || !indices)
    return failure();
  IntegerAttr axis = adaptor.getAxisAttr();
  InferenceErrors<GatherElementsOp> errors(location);
  return appendInferred(inferGatherElementsShape(input, indices,
                                                 axis ? axis.getInt() : 0,
                                                 errors.callback()),
                        inferred);
}

LogicalResult GatherElementsOp::verify() {
  return verifyInRelaxFunction(*this);
}

LogicalResult ScatterElementsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  IntegerAttr axisAttr = adaptor.getAxisAttr();
  int64_t axis = axisAttr ? axisAttr.getInt() : 0;
  return inferWithRule<ScatterElementsOp>(
      location, inferred,
      [&](TensorType input, TensorType indices, TensorType updates,
          const sym::Analyzer &analyzer, EmitErrorFn emitError) {
        return inferScatterElementsShape(input, indices, updates, axis,
                                         analyzer, emitError);
      },
      adaptor.getInput(), adaptor.getIndices(), adaptor.getUpdates());
}

LogicalResult ScatterElementsOp::verify() {
  return verifyWithRule(
      *this,
      [&](TensorType input, TensorType indices, TensorType updates,
          const sym::Analyzer &analyzer, EmitErrorFn emitError) {
        return inferScatterElementsShape(input, indices, updates, getAxis(),
                                         analyzer, emitError);
      },
      getInput(), getIndices(), getUpdates());
}

LogicalResult GatherNDOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> location,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  TensorType indices = getTensorType(adaptor.getIndices());
  if (!input || !indices)
    return failure();
  InferenceErrors<GatherNDOp> errors(location);
  return appendInferred(inferGatherNDShape(input, indices, errors.callback()),
                        inferred);
}

LogicalResult GatherNDOp::verify() { return verifyInRelaxFunction(*this); }

//===----------------------------------------------------------------------===//
// Creation
//===----------------------------------------------------------------------===//

template <typename OpTy>
static LogicalResult inferFillResult(std::optional<Location> location,
                                     typename OpTy::Adaptor adaptor,
                                     SmallVectorImpl<Type> &inferred) {
  ShapeAttr shape = adaptor.getShapeAttr();
  TypeAttr dtype = adaptor.getDtypeAttr();
  if (!shape || !dtype)
    return failure();
  InferenceErrors<OpTy> errors(location);
  return appendInferred(
      inferFillShape(shape.getDims(), dtype.getValue(), errors.callback()),
      inferred);
}

LogicalResult ZerosOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> location,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  return inferFillResult<ZerosOp>(location, adaptor, inferred);
}

LogicalResult OnesOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  return inferFillResult<OnesOp>(location, adaptor, inferred);
}

LogicalResult FullOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> location,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  return inferFillResult<FullOp>(location, adaptor, inferred);
}

LogicalResult ArangeOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> location,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  ShapeAttr end = adaptor.getEndAttr();
  TypeAttr dtype = adaptor.getDtypeAttr();
  if (!end || !dtype)
    return failure();
  IntegerAttr start = adaptor.getStartAttr(), step = adaptor.getStepAttr();
  InferenceErrors<ArangeOp> errors(location);
  return appendInferred(inferArangeShape(end.getDims(),
                                         start ? start.getInt() : 0,
                                         step ? step.getInt() : 1,
                                         dtype.getValue(), errors.callback()),
                        inferred);
}

// Only the scope is left to check: the shapes' variables must be defined.
LogicalResult ZerosOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult OnesOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult FullOp::verify() { return verifyInRelaxFunction(*this); }
LogicalResult ArangeOp::verify() { return verifyInRelaxFunction(*this); }

//===----------------------------------------------------------------------===//
// expand_dims, squeeze, flatten: the shape rule, then only the scope to
// check (facts cannot change a constant 1).
//===----------------------------------------------------------------------===//

LogicalResult ExpandDimsOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> location,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &inferred) {
  return inferFromInput<ExpandDimsOp>(
      adaptor.getInput(), location, inferred,
      [&](TensorType input, EmitErrorFn emitError) {
        return inferExpandDimsShape(input, adaptor.getAxes(), emitError);
      });
}

LogicalResult ExpandDimsOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> location,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  return inferFromInput<SqueezeOp>(
      adaptor.getInput(), location, inferred,
      [&](TensorType input, EmitErrorFn emitError) {
        return inferSqueezeShape(input, adaptor.getAxes(), emitError);
      });
}

LogicalResult SqueezeOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult FlattenOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location>,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  TensorType input = getTensorType(adaptor.getInput());
  if (!input)
    return failure();
  inferred.push_back(inferFlattenShape(input));
  return success();
}

LogicalResult FlattenOp::verify() { return verifyInRelaxFunction(*this); }

//===----------------------------------------------------------------------===//
// SoftmaxOp
//===----------------------------------------------------------------------===//

template <typename OpTy>
static LogicalResult inferSoftmaxResult(std::optional<Location> location,
                                        typename OpTy::Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  // The parser infers the type before default-valued attributes are filled
  // in, so a missing axis is the default (-1) of RelaxNNOps.td here.
  IntegerAttr axisAttr = adaptor.getAxisAttr();
  int64_t axis = axisAttr ? axisAttr.getInt() : -1;
  return inferFromInput<OpTy>(adaptor.getInput(), location, inferred,
                              [&](TensorType input, EmitErrorFn emitError) {
                                return inferSoftmaxShape(input, axis,
                                                         emitError);
                              });
}

LogicalResult SoftmaxOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> location,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  return inferSoftmaxResult<SoftmaxOp>(location, adaptor, inferred);
}

LogicalResult SoftmaxOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult LogSoftmaxOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> location,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &inferred) {
  return inferSoftmaxResult<LogSoftmaxOp>(location, adaptor, inferred);
}

LogicalResult LogSoftmaxOp::verify() { return verifyInRelaxFunction(*this); }

} // namespace mlc::relax
