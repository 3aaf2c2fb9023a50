//===- Elementwise.cpp - Legalize elementwise relax operators -------------===//
//
// The broadcasting binary operators (arithmetic, remainders, shifts,
// minimum/maximum, logical, bitwise and comparisons), and the unary
// operators (exp, relu, silu, abs, negative, sign, square, log, sqrt, rsqrt,
// sin, cos, tanh, sigmoid, erf, floor, ceil, round). Each becomes one block
// over the result's dims, all spatial:
//
//   tir.block "T_add" (%v0: spatial[%n] = %i0, %v1: spatial[4] = %i1)
//       reads(%lhs[%v0, %v1], %rhs[0, %v1] : ...) writes(%out[%v0, %v1] : ...)
//
// An operand dim equal to the result's is indexed by its iteration variable,
// a constant 1 where the result's dim is not by 0 (it broadcasts).
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace mlir;

namespace mlc::legalize {
namespace {

/// Iterates over every dim of the (single) output, all spatial.
SmallVector<IterVar> getOutputIterVars(KernelBuilder &kernel) {
  SmallVector<IterVar> iterVars;
  for (unsigned dim = 0, e = kernel.getOutputType(0).getNumDims(); dim < e;
       ++dim)
    iterVars.push_back({tir::IterKind::Spatial, kernel.getOutputDim(0, dim)});
  return iterVars;
}

//===----------------------------------------------------------------------===//
// Binary ops with broadcasting
//===----------------------------------------------------------------------===//

using BinaryFn = Value (*)(OpBuilder &, Location, Value, Value);

/// The element types an operator computes on; the others are reported.
/// Booleans (i1, a byte per element in memory as DLPack's bool) only where
/// the operator is boolean: arithmetic on them would mean nothing numpy
/// means (the sum of i1 bits wraps).
enum class Operands { Any, Float, Integer, Bool };

LogicalResult checkOperands(PatternRewriter &rewriter, Operation *op,
                            Type element, Operands operands) {
  bool ok = operands == Operands::Any ||
            (operands == Operands::Float && isa<FloatType>(element)) ||
            (operands == Operands::Integer && isa<IntegerType>(element)) ||
            (operands == Operands::Bool && element.isInteger(1));
  if (ok)
    return success();
  return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
    diag << "its operands must be "
         << (operands == Operands::Float     ? "floating-point"
             : operands == Operands::Integer ? "integers"
                                             : "booleans (i1)")
         << ", not " << element;
  });
}

template <typename OpTy>
class BinaryBroadcastPattern : public LegalizePattern<OpTy> {
public:
  BinaryBroadcastPattern(MLIRContext *ctx, LegalizeKernelCache &cache,
                         BinaryFn compute, Operands operands = Operands::Any)
      : LegalizePattern<OpTy>(ctx, cache), compute(compute),
        operands(operands) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    TensorType lhs = op.getLhs().getType(), rhs = op.getRhs().getType();
    TensorType result = op.getResult().getType();
    if (failed(checkOperands(rewriter, op, lhs.getElementType(), operands)))
      return failure();
    // Comparisons compute on their operands and only store booleans.
    bool booleanResult = result.getElementType().isInteger(1);
    if ((operands == Operands::Bool || booleanResult) &&
        failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    // An undecided pair of dims leaves `?` in the result; say which pair.
    if (lhs.getRanked() && rhs.getRanked() && result.getRanked() &&
        failed(checkBroadcastDecided(rewriter, op, lhs.getDims(), rhs.getDims(),
                                     result.getDims(), "operand shapes")))
      return failure();
    if (operands != Operands::Bool && !booleanResult &&
        failed(checkKernelTypes(rewriter, op)))
      return failure();
    Type element = lhs.getElementType();
    auto integer = dyn_cast<IntegerType>(element);
    if (booleanResult && operands != Operands::Bool &&
        !isa<FloatType>(element) &&
        !(integer && integer.isSignless() && integer.getWidth() > 1))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "comparisons of " << element
             << " are not supported yet (floats and signless integers from "
                "i8 to i64 are)";
      });

    KernelSignature signature({lhs, rhs}, {result});
    ArrayRef<sym::Expr> resultDims = signature.getOutputs()[0].getDims();
    FailureOr<SmallVector<AffineExpr>> lhsIndices = getBroadcastIndices(
        rewriter, op, signature.getInputs()[0].getDims(), resultDims, 0, "lhs");
    if (failed(lhsIndices))
      return failure();
    FailureOr<SmallVector<AffineExpr>> rhsIndices = getBroadcastIndices(
        rewriter, op, signature.getInputs()[1].getDims(), resultDims, 0, "rhs");
    if (failed(rhsIndices))
      return failure();

    StringRef name = getKernelBaseName<OpTy>();
    std::string blockName = ("T_" + name).str();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name, /*attrs=*/"",
        [&](KernelBuilder &builder) {
          Access lhsAccess{builder.getInput(0), *lhsIndices};
          Access rhsAccess{builder.getInput(1), *rhsIndices};
          Access out{builder.getOutput(0),
                     getIdentityIndices(op.getContext(), 0, resultDims.size())};
          builder.buildBlock(
              blockName, getOutputIterVars(builder), {lhsAccess, rhsAccess},
              {out}, [&](BlockBuilder &block) {
                Value value =
                    compute(block.getBuilder(), block.getLoc(),
                            block.load(lhsAccess), block.load(rhsAccess));
                block.store(value, out);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  BinaryFn compute;
  Operands operands;
};

//===----------------------------------------------------------------------===//
// Binary scalar code
//===----------------------------------------------------------------------===//

/// floor(a / b) for floats; integers as relax.divide (numpy's `//`).
Value computeFloorDivide(OpBuilder &b, Location loc, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return math::FloorOp::create(b, loc, arith::DivFOp::create(b, loc, x, y));
  return createDiv(b, loc, x, y);
}

Value computePower(OpBuilder &b, Location loc, Value x, Value y) {
  return math::PowFOp::create(b, loc, x, y);
}

/// numpy's mod: the remainder takes the divisor's sign. For integers `x % 0`
/// is 0 and the divisors that trap (0, -1) are replaced first.
Value computeFloorMod(OpBuilder &b, Location loc, Value x, Value y) {
  Type type = x.getType();
  Value zero = createScalarConstant(b, loc, type, 0);
  Value remainder, wrongSign, nonZero;
  if (isa<FloatType>(type)) {
    remainder = arith::RemFOp::create(b, loc, x, y);
    nonZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE,
                                    remainder, zero);
    Value rNeg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT,
                                       remainder, zero);
    Value yNeg =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, y, zero);
    wrongSign = arith::XOrIOp::create(b, loc, rNeg, yNeg);
    Value fix = arith::AndIOp::create(b, loc, nonZero, wrongSign);
    return arith::SelectOp::create(
        b, loc, fix, arith::AddFOp::create(b, loc, remainder, y), remainder);
  }
  Value byZero, byMinusOne;
  Value divisor = createNonTrappingDivisor(b, loc, y, byZero, byMinusOne);
  remainder = arith::RemSIOp::create(b, loc, x, divisor);
  nonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, remainder, zero);
  Value rNeg =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, remainder, zero);
  Value yNeg =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, divisor, zero);
  wrongSign = arith::XOrIOp::create(b, loc, rNeg, yNeg);
  Value fix = arith::AndIOp::create(b, loc, nonZero, wrongSign);
  return arith::SelectOp::create(
      b, loc, fix, arith::AddIOp::create(b, loc, remainder, divisor),
      remainder);
}

/// The remainder with the dividend's sign (C's fmod). For integers `x % 0`
/// is 0 and the divisors that trap (0, -1) are replaced first (`x % -1` is
/// 0 anyway).
Value computeMod(OpBuilder &b, Location loc, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::RemFOp::create(b, loc, x, y);
  Value byZero, byMinusOne;
  Value divisor = createNonTrappingDivisor(b, loc, y, byZero, byMinusOne);
  Value remainder = arith::RemSIOp::create(b, loc, x, divisor);
  Value zero = createScalarConstant(b, loc, x.getType(), 0);
  return arith::SelectOp::create(b, loc, byZero, zero, remainder);
}

/// numpy's shifts: the amount is taken as unsigned, and one of the width
/// or more gives 0 (left) or the sign (arithmetic right), where LLVM's
/// shifts would give poison.
template <bool left>
Value computeShift(OpBuilder &b, Location loc, Value x, Value amount) {
  Type type = x.getType();
  Value width =
      arith::ConstantIntOp::create(b, loc, type, type.getIntOrFloatBitWidth());
  Value inRange =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, amount, width);
  if (left)
    return arith::SelectOp::create(b, loc, inRange,
                                   arith::ShLIOp::create(b, loc, x, amount),
                                   createScalarConstant(b, loc, type, 0));
  Value widthMinusOne = arith::ConstantIntOp::create(
      b, loc, type, type.getIntOrFloatBitWidth() - 1);
  Value clamped =
      arith::SelectOp::create(b, loc, inRange, amount, widthMinusOne);
  return arith::ShRSIOp::create(b, loc, x, clamped);
}

Value computeMinimum(OpBuilder &b, Location loc, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::MinimumFOp::create(b, loc, x, y);
  return arith::MinSIOp::create(b, loc, x, y);
}

template <typename IntOp>
Value computeBitwise(OpBuilder &b, Location loc, Value x, Value y) {
  return IntOp::create(b, loc, x, y);
}

/// A comparison: ordered float predicates (NaN compares false) except `!=`,
/// which is true for NaN as in numpy; signed for integers.
template <arith::CmpFPredicate F, arith::CmpIPredicate I>
Value computeCompare(OpBuilder &b, Location loc, Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::CmpFOp::create(b, loc, F, x, y);
  return arith::CmpIOp::create(b, loc, I, x, y);
}

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

using UnaryFn = Value (*)(OpBuilder &, Location, Value);

Value computeExp(OpBuilder &b, Location loc, Value x) {
  return math::ExpOp::create(b, loc, x);
}

/// max(x, 0): arith.maximumf for floats (NaN stays NaN), maxsi for integers.
Value computeRelu(OpBuilder &b, Location loc, Value x) {
  return createMax(b, loc, x, createScalarConstant(b, loc, x.getType(), 0));
}

/// x * sigmoid(x) = x / (1 + exp(-x)): one division, and for very negative
/// x exp(-x) overflows to inf, which gives -0 rather than NaN.
Value computeSilu(OpBuilder &b, Location loc, Value x) {
  Value negated = arith::NegFOp::create(b, loc, x);
  Value exp = math::ExpOp::create(b, loc, negated);
  Value one = createScalarConstant(b, loc, x.getType(), 1);
  Value denominator = arith::AddFOp::create(b, loc, one, exp);
  return arith::DivFOp::create(b, loc, x, denominator);
}

bool isFloat(Value x) { return isa<FloatType>(x.getType()); }

Value computeAbs(OpBuilder &b, Location loc, Value x) {
  if (isFloat(x))
    return math::AbsFOp::create(b, loc, x);
  return math::AbsIOp::create(b, loc, x);
}

Value computeNegative(OpBuilder &b, Location loc, Value x) {
  if (isFloat(x))
    return arith::NegFOp::create(b, loc, x);
  return arith::SubIOp::create(b, loc,
                               createScalarConstant(b, loc, x.getType(), 0), x);
}

/// 1, -1 or 0 by comparison; a float NaN compares false both ways and is
/// returned as it is (numpy's sign).
Value computeSign(OpBuilder &b, Location loc, Value x) {
  Type type = x.getType();
  Value zero = createScalarConstant(b, loc, type, 0);
  Value one = createScalarConstant(b, loc, type, 1);
  Value minusOne = createScalarConstant(b, loc, type, -1);
  Value positive, negative;
  if (isFloat(x)) {
    positive =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
    negative =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
  } else {
    positive =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, x, zero);
    negative =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero);
  }
  // Zero (and NaN) keep x itself: +-0 stays 0, NaN stays NaN.
  Value rest = arith::SelectOp::create(b, loc, negative, minusOne, x);
  if (!isFloat(x))
    rest = arith::SelectOp::create(b, loc, negative, minusOne, zero);
  return arith::SelectOp::create(b, loc, positive, one, rest);
}

Value computeSquare(OpBuilder &b, Location loc, Value x) {
  return createMul(b, loc, x, x);
}

template <typename MathOp>
Value computeMath(OpBuilder &b, Location loc, Value x) {
  return MathOp::create(b, loc, x);
}

/// 1 / (1 + exp(-x)): for very negative x exp(-x) overflows to inf and the
/// result is 0, not NaN.
Value computeSigmoid(OpBuilder &b, Location loc, Value x) {
  Value exp = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
  Value one = createScalarConstant(b, loc, x.getType(), 1);
  return arith::DivFOp::create(b, loc, one,
                               arith::AddFOp::create(b, loc, one, exp));
}

/// 0.5 * x * (1 + erf(x / sqrt(2))).
Value computeGelu(OpBuilder &b, Location loc, Value x) {
  Type type = x.getType();
  Value scaled = arith::MulFOp::create(
      b, loc, x, createScalarConstant(b, loc, type, M_SQRT1_2));
  Value erf = math::ErfOp::create(b, loc, scaled);
  Value onePlus =
      arith::AddFOp::create(b, loc, createScalarConstant(b, loc, type, 1), erf);
  Value half =
      arith::MulFOp::create(b, loc, x, createScalarConstant(b, loc, type, 0.5));
  return arith::MulFOp::create(b, loc, half, onePlus);
}

/// 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))).
Value computeGeluTanh(OpBuilder &b, Location loc, Value x) {
  Type type = x.getType();
  Value cube =
      arith::MulFOp::create(b, loc, arith::MulFOp::create(b, loc, x, x), x);
  Value inner = arith::AddFOp::create(
      b, loc, x,
      arith::MulFOp::create(b, loc, cube,
                            createScalarConstant(b, loc, type, 0.044715)));
  Value tanh = math::TanhOp::create(
      b, loc,
      arith::MulFOp::create(
          b, loc, inner,
          createScalarConstant(b, loc, type, std::sqrt(2.0 / M_PI))));
  Value onePlus = arith::AddFOp::create(
      b, loc, createScalarConstant(b, loc, type, 1), tanh);
  Value half =
      arith::MulFOp::create(b, loc, x, createScalarConstant(b, loc, type, 0.5));
  return arith::MulFOp::create(b, loc, half, onePlus);
}

Value computeLogicalNot(OpBuilder &b, Location loc, Value x) {
  return arith::XOrIOp::create(b, loc, x,
                               createScalarConstant(b, loc, x.getType(), 1));
}

Value computeBitwiseNot(OpBuilder &b, Location loc, Value x) {
  return arith::XOrIOp::create(b, loc, x,
                               createScalarConstant(b, loc, x.getType(), -1));
}

/// x != x holds exactly for NaN.
Value computeIsNan(OpBuilder &b, Location loc, Value x) {
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
}

Value computeIsInf(OpBuilder &b, Location loc, Value x) {
  auto type = cast<FloatType>(x.getType());
  Value inf = arith::ConstantOp::create(
      b, loc, FloatAttr::get(type, APFloat::getInf(type.getFloatSemantics())));
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                               math::AbsFOp::create(b, loc, x), inf);
}

template <typename OpTy> class UnaryPattern : public LegalizePattern<OpTy> {
public:
  UnaryPattern(MLIRContext *ctx, LegalizeKernelCache &cache, UnaryFn fn,
               Operands operands = Operands::Any)
      : LegalizePattern<OpTy>(ctx, cache), fn(fn), operands(operands) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    TensorType input = op.getInput().getType();
    TensorType result = op.getResult().getType();
    if (failed(checkTypes(op, rewriter)))
      return failure();
    KernelSignature signature({input}, {result});
    StringRef name = getKernelBaseName<OpTy>();
    std::string blockName = ("T_" + name).str();
    std::string attrs = getAttrsKey(op);
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name, attrs,
        [&](KernelBuilder &builder) {
          unsigned rank = builder.getOutputType(0).getNumDims();
          SmallVector<AffineExpr> indices =
              getIdentityIndices(op.getContext(), 0, rank);
          Access in{builder.getInput(0), indices};
          Access out{builder.getOutput(0), indices};
          builder.buildBlock(blockName, getOutputIterVars(builder), {in}, {out},
                             [&](BlockBuilder &block) {
                               block.store(compute(op, block.getBuilder(),
                                                   block.getLoc(),
                                                   block.load(in)),
                                           out);
                             });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

protected:
  /// Checks the element types the kernel computes on.
  virtual LogicalResult checkTypes(OpTy op, PatternRewriter &rewriter) const {
    if (failed(checkOperands(
            rewriter, op, op.getInput().getType().getElementType(), operands)))
      return failure();
    // Predicates (isnan) compute on floats and only store booleans.
    bool boolean = operands == Operands::Bool ||
                   op.getResult().getType().getElementType().isInteger(1);
    return checkKernelTypes(rewriter, op, /*computes=*/!boolean);
  }
  /// The scalar code; operators with attributes override it.
  virtual Value compute(OpTy op, OpBuilder &b, Location loc, Value x) const {
    return fn(b, loc, x);
  }
  /// What the kernel depends on besides the types (its cache key).
  virtual std::string getAttrsKey(OpTy op) const { return ""; }

private:
  UnaryFn fn;
  Operands operands;
};

/// clip: max then min with the bounds in the element type; NaN stays NaN
/// (arith.maximumf/minimumf propagate it).
class ClipPattern : public UnaryPattern<relax::ClipOp> {
public:
  ClipPattern(MLIRContext *ctx, LegalizeKernelCache &cache)
      : UnaryPattern(ctx, cache, nullptr) {}

protected:
  Value compute(relax::ClipOp op, OpBuilder &b, Location loc,
                Value x) const override {
    Type type = x.getType();
    Value low =
        createScalarConstant(b, loc, type, op.getMin().convertToDouble());
    Value high =
        createScalarConstant(b, loc, type, op.getMax().convertToDouble());
    return computeMinimum(b, loc, createMax(b, loc, x, low), high);
  }
  std::string getAttrsKey(relax::ClipOp op) const override {
    return llvm::formatv("{0},{1}", op.getMin().convertToDouble(),
                         op.getMax().convertToDouble())
        .str();
  }
};

/// leaky_relu: x where x > 0, else alpha * x.
class LeakyReluPattern : public UnaryPattern<relax::LeakyReluOp> {
public:
  LeakyReluPattern(MLIRContext *ctx, LegalizeKernelCache &cache)
      : UnaryPattern(ctx, cache, nullptr) {}

protected:
  Value compute(relax::LeakyReluOp op, OpBuilder &b, Location loc,
                Value x) const override {
    Type type = x.getType();
    Value zero = createScalarConstant(b, loc, type, 0);
    Value positive =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
    Value scaled = arith::MulFOp::create(
        b, loc, x,
        createScalarConstant(b, loc, type, op.getAlpha().convertToDouble()));
    return arith::SelectOp::create(b, loc, positive, x, scaled);
  }
  std::string getAttrsKey(relax::LeakyReluOp op) const override {
    return llvm::formatv("alpha={0}", op.getAlpha().convertToDouble()).str();
  }
};

//===----------------------------------------------------------------------===//
// astype
//===----------------------------------------------------------------------===//

/// `x` converted to `to` as relax.astype defines it (RelaxElementwiseOps.td).
Value computeAstype(OpBuilder &b, Location loc, Value x, Type to) {
  Type from = x.getType();
  if (from == to)
    return x;
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (to.isInteger(1)) {
    Value zero = createScalarConstant(b, loc, from, 0);
    if (fromFloat) // Unordered: NaN is true, as numpy's bool(nan).
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x, zero);
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x, zero);
  }
  if (from.isInteger(1))
    return toFloat ? Value(arith::UIToFPOp::create(b, loc, to, x))
                   : Value(arith::ExtUIOp::create(b, loc, to, x));
  if (fromFloat && toFloat) {
    // f16 <-> bf16 and f64 -> bf16 go through f32 (the bf16 expansion of
    // the CPU pipeline converts from f32 only).
    Type f32 = b.getF32Type();
    if (fromFloat.getWidth() == toFloat.getWidth() ||
        (toFloat.isBF16() && fromFloat.getWidth() > 32))
      x = fromFloat.getWidth() < 32
              ? Value(arith::ExtFOp::create(b, loc, f32, x))
              : Value(arith::TruncFOp::create(b, loc, f32, x));
    unsigned width = cast<FloatType>(x.getType()).getWidth();
    if (width == toFloat.getWidth())
      return x;
    return width < toFloat.getWidth()
               ? Value(arith::ExtFOp::create(b, loc, to, x))
               : Value(arith::TruncFOp::create(b, loc, to, x));
  }
  if (fromFloat)
    return arith::FPToSIOp::create(b, loc, to, x);
  if (toFloat)
    return arith::SIToFPOp::create(b, loc, to, x);
  return from.getIntOrFloatBitWidth() < to.getIntOrFloatBitWidth()
             ? Value(arith::ExtSIOp::create(b, loc, to, x))
             : Value(arith::TruncIOp::create(b, loc, to, x));
}

/// astype: copies and converts, so booleans are fine on either side; the
/// integers must be signless (the conversions treat them as signed).
class AstypePattern : public UnaryPattern<relax::AstypeOp> {
public:
  AstypePattern(MLIRContext *ctx, LegalizeKernelCache &cache)
      : UnaryPattern(ctx, cache, nullptr) {}

protected:
  LogicalResult checkTypes(relax::AstypeOp op,
                           PatternRewriter &rewriter) const override {
    for (Type type : {op.getInput().getType().getElementType(),
                      op.getResult().getType().getElementType()}) {
      auto integer = dyn_cast<IntegerType>(type);
      if (integer && !integer.isSignless())
        return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
          diag << "its element types must be floats or signless integers, "
                  "but "
               << type << " is not";
        });
    }
    return checkKernelTypes(rewriter, op, /*computes=*/false);
  }
  Value compute(relax::AstypeOp op, OpBuilder &b, Location loc,
                Value x) const override {
    return computeAstype(b, loc, x, op.getDtype());
  }
};

/// Inference dropout is its input: no kernel.
class DropoutPattern : public OpRewritePattern<relax::DropoutOp> {
public:
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(relax::DropoutOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, op.getInput());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// where
//===----------------------------------------------------------------------===//

/// `condition ? lhs : rhs` over the broadcast shape: one block reading the
/// three operands at their broadcast indices.
class WherePattern : public LegalizePattern<relax::WhereOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::WhereOp op,
                                PatternRewriter &rewriter) const override {
    TensorType condition = op.getCondition().getType();
    TensorType lhs = op.getLhs().getType(), rhs = op.getRhs().getType();
    TensorType result = op.getResult().getType();
    if (condition.getRanked() && lhs.getRanked() && rhs.getRanked() &&
        result.getRanked() &&
        (failed(checkBroadcastDecided(rewriter, op, lhs.getDims(),
                                      rhs.getDims(), result.getDims(),
                                      "value shapes")) ||
         failed(checkBroadcastDecided(rewriter, op, condition.getDims(),
                                      result.getDims(), result.getDims(),
                                      "condition and value shapes"))))
      return failure();
    // The kernel only selects: the values are copied, the condition tested.
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();

    KernelSignature signature({condition, lhs, rhs}, {result});
    ArrayRef<sym::Expr> resultDims = signature.getOutputs()[0].getDims();
    SmallVector<SmallVector<AffineExpr>> indices;
    for (auto [index, what] :
         llvm::enumerate(ArrayRef<StringRef>{"condition", "lhs", "rhs"})) {
      FailureOr<SmallVector<AffineExpr>> operandIndices = getBroadcastIndices(
          rewriter, op, signature.getInputs()[index].getDims(), resultDims, 0,
          what);
      if (failed(operandIndices))
        return failure();
      indices.push_back(*operandIndices);
    }
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, "where", /*attrs=*/"",
        [&](KernelBuilder &builder) {
          SmallVector<Access> inputs;
          for (unsigned i = 0; i < 3; ++i)
            inputs.push_back({builder.getInput(i), indices[i]});
          Access out{builder.getOutput(0),
                     getIdentityIndices(op.getContext(), 0, resultDims.size())};
          builder.buildBlock("T_where", getOutputIterVars(builder), inputs,
                             {out}, [&](BlockBuilder &block) {
                               Value chosen = arith::SelectOp::create(
                                   block.getBuilder(), block.getLoc(),
                                   block.load(inputs[0]), block.load(inputs[1]),
                                   block.load(inputs[2]));
                               block.store(chosen, out);
                             });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeElementwisePatterns(RewritePatternSet &patterns,
                                                   LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  MLIRContext *ctx = patterns.getContext();
  patterns.add<BinaryBroadcastPattern<relax::AddOp>>(ctx, cache, createAdd);
  patterns.add<BinaryBroadcastPattern<relax::SubtractOp>>(ctx, cache,
                                                          createSub);
  patterns.add<BinaryBroadcastPattern<relax::MultiplyOp>>(ctx, cache,
                                                          createMul);
  patterns.add<BinaryBroadcastPattern<relax::DivideOp>>(ctx, cache, createDiv);
  patterns.add<BinaryBroadcastPattern<relax::FloorDivideOp>>(
      ctx, cache, computeFloorDivide);
  patterns.add<BinaryBroadcastPattern<relax::PowerOp>>(ctx, cache, computePower,
                                                       Operands::Float);
  patterns.add<BinaryBroadcastPattern<relax::FloorModOp>>(ctx, cache,
                                                          computeFloorMod);
  patterns.add<BinaryBroadcastPattern<relax::ModOp>>(ctx, cache, computeMod);
  patterns.add<BinaryBroadcastPattern<relax::LeftShiftOp>>(
      ctx, cache, computeShift<true>, Operands::Integer);
  patterns.add<BinaryBroadcastPattern<relax::RightShiftOp>>(
      ctx, cache, computeShift<false>, Operands::Integer);
  patterns.add<BinaryBroadcastPattern<relax::MinimumOp>>(ctx, cache,
                                                         computeMinimum);
  patterns.add<BinaryBroadcastPattern<relax::MaximumOp>>(ctx, cache, createMax);
  patterns.add<BinaryBroadcastPattern<relax::LogicalAndOp>>(
      ctx, cache, computeBitwise<arith::AndIOp>, Operands::Bool);
  patterns.add<BinaryBroadcastPattern<relax::LogicalOrOp>>(
      ctx, cache, computeBitwise<arith::OrIOp>, Operands::Bool);
  patterns.add<BinaryBroadcastPattern<relax::BitwiseAndOp>>(
      ctx, cache, computeBitwise<arith::AndIOp>, Operands::Integer);
  patterns.add<BinaryBroadcastPattern<relax::BitwiseOrOp>>(
      ctx, cache, computeBitwise<arith::OrIOp>, Operands::Integer);
  patterns.add<BinaryBroadcastPattern<relax::BitwiseXorOp>>(
      ctx, cache, computeBitwise<arith::XOrIOp>, Operands::Integer);
  using FP = arith::CmpFPredicate;
  using IP = arith::CmpIPredicate;
  patterns.add<BinaryBroadcastPattern<relax::EqualOp>>(
      ctx, cache, computeCompare<FP::OEQ, IP::eq>);
  patterns.add<BinaryBroadcastPattern<relax::NotEqualOp>>(
      ctx, cache, computeCompare<FP::UNE, IP::ne>);
  patterns.add<BinaryBroadcastPattern<relax::LessOp>>(
      ctx, cache, computeCompare<FP::OLT, IP::slt>);
  patterns.add<BinaryBroadcastPattern<relax::LessEqualOp>>(
      ctx, cache, computeCompare<FP::OLE, IP::sle>);
  patterns.add<BinaryBroadcastPattern<relax::GreaterOp>>(
      ctx, cache, computeCompare<FP::OGT, IP::sgt>);
  patterns.add<BinaryBroadcastPattern<relax::GreaterEqualOp>>(
      ctx, cache, computeCompare<FP::OGE, IP::sge>);
  patterns.add<UnaryPattern<relax::ExpOp>>(ctx, cache, computeExp);
  patterns.add<UnaryPattern<relax::ReluOp>>(ctx, cache, computeRelu);
  patterns.add<UnaryPattern<relax::SiluOp>>(ctx, cache, computeSilu);
  patterns.add<UnaryPattern<relax::AbsOp>>(ctx, cache, computeAbs);
  patterns.add<UnaryPattern<relax::NegativeOp>>(ctx, cache, computeNegative);
  patterns.add<UnaryPattern<relax::SignOp>>(ctx, cache, computeSign);
  patterns.add<UnaryPattern<relax::SquareOp>>(ctx, cache, computeSquare);
  patterns.add<UnaryPattern<relax::LogOp>>(ctx, cache,
                                           computeMath<math::LogOp>);
  patterns.add<UnaryPattern<relax::SqrtOp>>(ctx, cache,
                                            computeMath<math::SqrtOp>);
  patterns.add<UnaryPattern<relax::RsqrtOp>>(ctx, cache,
                                             computeMath<math::RsqrtOp>);
  patterns.add<UnaryPattern<relax::SinOp>>(ctx, cache,
                                           computeMath<math::SinOp>);
  patterns.add<UnaryPattern<relax::CosOp>>(ctx, cache,
                                           computeMath<math::CosOp>);
  patterns.add<UnaryPattern<relax::TanhOp>>(ctx, cache,
                                            computeMath<math::TanhOp>);
  patterns.add<UnaryPattern<relax::SigmoidOp>>(ctx, cache, computeSigmoid);
  patterns.add<UnaryPattern<relax::ErfOp>>(ctx, cache,
                                           computeMath<math::ErfOp>);
  patterns.add<UnaryPattern<relax::FloorOp>>(ctx, cache,
                                             computeMath<math::FloorOp>);
  patterns.add<UnaryPattern<relax::CeilOp>>(ctx, cache,
                                            computeMath<math::CeilOp>);
  patterns.add<UnaryPattern<relax::RoundOp>>(ctx, cache,
                                             computeMath<math::RoundEvenOp>);
  patterns.add<UnaryPattern<relax::LogicalNotOp>>(ctx, cache, computeLogicalNot,
                                                  Operands::Bool);
  patterns.add<UnaryPattern<relax::BitwiseNotOp>>(ctx, cache, computeBitwiseNot,
                                                  Operands::Integer);
  patterns.add<UnaryPattern<relax::IsNanOp>>(ctx, cache, computeIsNan);
  patterns.add<UnaryPattern<relax::IsInfOp>>(ctx, cache, computeIsInf);
  patterns.add<ClipPattern>(ctx, cache);
  patterns.add<LeakyReluPattern>(ctx, cache);
  patterns.add<UnaryPattern<relax::GeluOp>>(ctx, cache, computeGelu);
  patterns.add<UnaryPattern<relax::GeluTanhOp>>(ctx, cache, computeGeluTanh);
  patterns.add<AstypePattern>(ctx, cache);
  patterns.add<DropoutPattern>(ctx);
  patterns.add<WherePattern>(ctx, cache);
}
