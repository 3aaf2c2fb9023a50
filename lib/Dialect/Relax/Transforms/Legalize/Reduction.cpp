//===- Reduction.cpp - Legalize the reductions and scans ------------------===//
//
// A reduction is one block: spatial iteration variables over the kept dims
// (outer loops), reduce variables over the reduced ones (inner loops), an
// init region that stores the identity (0 for sum and mean, 1 for prod; -inf
// or the smallest integer for max, +inf or the largest for min) and a body
// that combines; a mean then divides the sums by the count in a second
// block:
//
//   tir.block "T_sum" (%i: spatial[%n], %j: reduce[4])
//       reads(%in[%i, %j]) writes(%out[%i, 0])      // keepdims: index 0
//       init { out = 0 } { out = out + in }
//
// Reducing no axis (`axes []`) is a copy: a block without reduce variables.
// variance and std reduce the mean into a buffer first, then the squared
// deviations from it. argmax/argmin and cumsum/cumprod are described at
// their patterns.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

/// How a reduction combines; a mean sums, then divides by the count; a
/// variance (std) sums the squared deviations from the mean, then divides
/// (and takes the square root).
enum class Reducer { Sum, Max, Min, Prod, Mean, Variance, Std };

bool needsFloats(Reducer reducer) {
  return reducer == Reducer::Mean || reducer == Reducer::Variance ||
         reducer == Reducer::Std;
}

/// The identity of `reducer` in `type`.
Value createIdentity(OpBuilder &b, Location loc, Reducer reducer, Type type) {
  switch (reducer) {
  case Reducer::Max:
    return createLowest(b, loc, type);
  case Reducer::Min:
    return createHighest(b, loc, type);
  case Reducer::Prod:
    return createScalarConstant(b, loc, type, 1);
  case Reducer::Sum:
  case Reducer::Mean:
  case Reducer::Variance:
  case Reducer::Std:
    return createScalarConstant(b, loc, type, 0);
  }
  llvm_unreachable("unknown reducer");
}

Value combine(OpBuilder &b, Location loc, Reducer reducer, Value acc,
              Value value) {
  switch (reducer) {
  case Reducer::Max:
    return createMax(b, loc, acc, value);
  case Reducer::Min:
    return createMin(b, loc, acc, value);
  case Reducer::Prod:
    return createMul(b, loc, acc, value);
  case Reducer::Sum:
  case Reducer::Mean:
  case Reducer::Variance:
  case Reducer::Std:
    return createAdd(b, loc, acc, value);
  }
  llvm_unreachable("unknown reducer");
}

/// The iteration space of a reduction: the kept dims (spatial, outer) then
/// the reduced ones (reduce, inner), with the input's and the output's
/// indices over them (keepdims writes index 0).
struct ReduceLayout {
  SmallVector<IterVar> iterVars;
  SmallVector<AffineExpr> inIndices, outIndices;

  ReduceLayout(KernelBuilder &builder, const llvm::SmallBitVector &reduced,
               bool keepDims) {
    MLIRContext *ctx = builder.getContext();
    int64_t rank = reduced.size();
    inIndices.resize(rank);
    for (bool reduce : {false, true})
      for (int64_t dim = 0; dim < rank; ++dim)
        if (reduced.test(dim) == reduce) {
          inIndices[dim] = getAffineDimExpr(iterVars.size(), ctx);
          iterVars.push_back(
              {reduce ? tir::IterKind::Reduce : tir::IterKind::Spatial,
               builder.getInputDim(0, dim)});
        }
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (!reduced.test(dim))
        outIndices.push_back(inIndices[dim]);
      else if (keepDims)
        outIndices.push_back(getAffineConstantExpr(0, ctx));
    }
  }
};

/// The axes of `op` as a bit per input dim (all when absent).
template <typename OpTy>
FailureOr<llvm::SmallBitVector> getReducedDims(PatternRewriter &rewriter,
                                               OpTy op, int64_t rank) {
  llvm::SmallBitVector reduced(rank, /*t=*/!op.getAxes());
  if (std::optional<ArrayRef<int64_t>> axes = op.getAxes()) {
    // The verifier has checked the axes.
    FailureOr<SmallVector<int64_t>> normalized =
        relax::normalizeAxes(*axes, rank);
    if (failed(normalized))
      return rewriter.notifyMatchFailure(op, "invalid axes");
    for (int64_t axis : *normalized)
      reduced.set(axis);
  }
  return reduced;
}

template <typename OpTy> class ReductionPattern : public LegalizePattern<OpTy> {
public:
  ReductionPattern(MLIRContext *ctx, LegalizeKernelCache &cache,
                   Reducer reducer)
      : LegalizePattern<OpTy>(ctx, cache), reducer(reducer) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
    StringRef name = getKernelBaseName<OpTy>();
    if (needsFloats(reducer) && !isa<FloatType>(input.getElementType()))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "the " << name << " of " << input.getElementType()
             << " values is not supported (numpy's is a float)";
      });
    int64_t rank = input.getNumDims();
    FailureOr<llvm::SmallBitVector> reduced =
        getReducedDims(rewriter, op, rank);
    if (failed(reduced))
      return failure();
    bool keepDims = op.getKeepdims();
    SmallVector<int64_t> reducedAxes(reduced->set_bits());
    std::string attrs =
        "axes=" + formatAxes(reducedAxes) + (keepDims ? ",keepdims" : "");

    KernelSignature signature({input}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name, attrs,
        [&](KernelBuilder &builder) {
          buildKernel(builder, ("T_" + name).str(), *reduced, keepDims,
                      input.getElementType());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  void buildKernel(KernelBuilder &builder, const std::string &blockName,
                   const llvm::SmallBitVector &reduced, bool keepDims,
                   Type elementType) const {
    ReduceLayout layout(builder, reduced, keepDims);
    Access in{builder.getInput(0), layout.inIndices};
    Value output = builder.getOutput(0);
    bool deviations = reducer == Reducer::Variance || reducer == Reducer::Std;
    // A variance first reduces the mean into a buffer shaped as the output.
    Value mean;
    if (deviations && reduced.any()) {
      SmallVector<Value> extents;
      for (unsigned dim = 0, e = builder.getOutputType(0).getNumDims(); dim < e;
           ++dim)
        extents.push_back(builder.getOutputDim(0, dim));
      mean = builder.allocBuffer(extents, elementType);
      buildReduce(builder, blockName + "_mean", layout, in, mean, Reducer::Mean,
                  reduced, {});
      buildDivide(builder, blockName + "_mean_divide", mean, reduced,
                  /*sqrt=*/false);
    }
    buildReduce(builder, blockName, layout, in, output, reducer, reduced, mean);
    if (needsFloats(reducer) && reduced.any())
      buildDivide(builder, blockName + "_divide", output, reduced,
                  reducer == Reducer::Std);
  }

  /// `target[out] = reduce(term(in))` where the term is the value, or its
  /// squared deviation from `mean[out]` when `mean` is set. Reducing no
  /// dim copies (a variance of nothing is 0).
  static void buildReduce(KernelBuilder &builder, const std::string &name,
                          const ReduceLayout &layout, const Access &in,
                          Value target, Reducer reducer,
                          const llvm::SmallBitVector &reduced, Value mean) {
    Access out{target, layout.outIndices};
    Access center{mean, layout.outIndices};
    SmallVector<Access> reads{in};
    if (mean)
      reads.push_back(center);
    bool deviations = reducer == Reducer::Variance || reducer == Reducer::Std;
    auto body = [&](BlockBuilder &block) {
      OpBuilder &b = block.getBuilder();
      Location loc = block.getLoc();
      Value value = block.load(in);
      if (mean) {
        Value deviation =
            arith::SubFOp::create(b, loc, value, block.load(center));
        value = arith::MulFOp::create(b, loc, deviation, deviation);
      } else if (deviations) {
        value = createScalarConstant(b, loc, value.getType(), 0);
      }
      if (reduced.any())
        value = combine(b, loc, reducer, block.load(out), value);
      block.store(value, out);
    };
    auto init = [&](BlockBuilder &block) {
      block.store(
          createIdentity(block.getBuilder(), block.getLoc(), reducer,
                         cast<MemRefType>(target.getType()).getElementType()),
          out);
    };
    builder.buildBlock(name, layout.iterVars, reads, {out}, body,
                       reduced.any() ? BlockBodyFn(init) : BlockBodyFn());
  }

  /// `buffer /= count` of the reduced elements (then its square root).
  static void buildDivide(KernelBuilder &builder, const std::string &name,
                          Value buffer, const llvm::SmallBitVector &reduced,
                          bool sqrt) {
    MLIRContext *ctx = builder.getContext();
    Value count = builder.getIndexConstant(1);
    for (int64_t dim : reduced.set_bits())
      count = createMul(builder.getBuilder(), builder.getLoc(), count,
                        builder.getInputDim(0, dim));
    SmallVector<IterVar> outVars;
    SmallVector<AffineExpr> outIdentity;
    TensorType outType = builder.getOutputType(0);
    for (unsigned dim = 0, e = outType.getNumDims(); dim < e; ++dim) {
      outIdentity.push_back(getAffineDimExpr(dim, ctx));
      outVars.push_back({tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
    }
    Access sums{buffer, outIdentity};
    builder.buildBlock(name, outVars, {sums}, {sums}, [&](BlockBuilder &block) {
      OpBuilder &b = block.getBuilder();
      Location loc = block.getLoc();
      Value sum = block.load(sums);
      Value n = arith::IndexCastOp::create(b, loc, b.getI64Type(), count);
      Value divisor = arith::SIToFPOp::create(b, loc, sum.getType(), n);
      Value result = arith::DivFOp::create(b, loc, sum, divisor);
      if (sqrt)
        result = math::SqrtOp::create(b, loc, result);
      block.store(result, sums);
    });
  }

  Reducer reducer;
};

//===----------------------------------------------------------------------===//
// argmax, argmin
//===----------------------------------------------------------------------===//

/// One block over the input's dims (the axis reduced) with two outputs:
/// the best value so far (a kernel-local buffer) and its index. A value
/// replaces the best when it is strictly better or NaN while the best is
/// not, so the first of equals (and the first NaN) wins, as in numpy.
template <typename OpTy, bool isMax>
class ArgReducePattern : public LegalizePattern<OpTy> {
public:
  using LegalizePattern<OpTy>::LegalizePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t rank = input.getNumDims();
    FailureOr<std::optional<int64_t>> normalized =
        normalizeOptionalAxis(rewriter, op, op.getAxis(), rank);
    if (failed(normalized))
      return failure();
    std::optional<int64_t> axis = *normalized;
    bool keepDims = op.getKeepdims();
    std::string attrs =
        (axis ? "axis=" + std::to_string(*axis) : std::string("all")) +
        (keepDims ? ",keepdims" : "");
    KernelSignature signature({input}, {op.getResult().getType()});
    StringRef name = getKernelBaseName<OpTy>();
    FlatSymbolRefAttr kernel =
        KernelBuilder::getOrCreate(rewriter, op, this->cache, signature, name,
                                   attrs, [&](KernelBuilder &builder) {
                                     buildKernel(builder, ("T_" + name).str(),
                                                 axis, input.getElementType());
                                   });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, const std::string &name,
                          std::optional<int64_t> axis, Type element) {
    MLIRContext *ctx = builder.getContext();
    // Without an axis, the flattened input (and output: one element).
    Value input = builder.getInput(0), output = builder.getOutput(0);
    int64_t rank = builder.getInputType(0).getNumDims();
    llvm::SmallBitVector reduced(axis ? rank : 1);
    SmallVector<Value> inExtents;
    if (axis) {
      reduced.set(*axis);
      for (int64_t dim = 0; dim < rank; ++dim)
        inExtents.push_back(builder.getInputDim(0, dim));
    } else {
      input = builder.flatten(input);
      output = builder.flatten(output);
      reduced.set(0);
      sym::Expr count = getProduct(builder.getInputType(0).getDims());
      inExtents.push_back(builder.materialize(count));
    }
    int64_t inRank = reduced.size();
    SmallVector<IterVar> iterVars;
    SmallVector<AffineExpr> inIndices(inRank), outIndices;
    for (bool reduce : {false, true})
      for (int64_t dim = 0; dim < inRank; ++dim)
        if (reduced.test(dim) == reduce) {
          inIndices[dim] = getAffineDimExpr(iterVars.size(), ctx);
          iterVars.push_back(
              {reduce ? tir::IterKind::Reduce : tir::IterKind::Spatial,
               inExtents[dim]});
        }
    // The output keeps the axis as a 1 (keepdims, or the flattened view).
    unsigned outRank = cast<MemRefType>(output.getType()).getRank();
    for (int64_t dim = 0; dim < inRank; ++dim) {
      if (!reduced.test(dim))
        outIndices.push_back(inIndices[dim]);
      else if (outRank == static_cast<unsigned>(inRank))
        outIndices.push_back(getAffineConstantExpr(0, ctx));
    }
    SmallVector<Value> bestExtents;
    for (int64_t dim = 0; dim < inRank; ++dim)
      if (!reduced.test(dim))
        bestExtents.push_back(inExtents[dim]);
    Value best = builder.allocBuffer(bestExtents, element);
    SmallVector<AffineExpr> bestIndices;
    for (int64_t dim = 0; dim < inRank; ++dim)
      if (!reduced.test(dim))
        bestIndices.push_back(inIndices[dim]);
    Access in{input, inIndices};
    Access bestAccess{best, bestIndices};
    Access out{output, outIndices};
    AffineExpr position = inIndices[reduced.find_first()];
    builder.buildBlock(
        name, iterVars, {in, bestAccess}, {bestAccess, out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value value = block.load(in), current = block.load(bestAccess);
          Value better;
          if (isa<FloatType>(element)) {
            Value strictly = arith::CmpFOp::create(
                b, loc,
                isMax ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
                value, current);
            Value isNaN = arith::CmpFOp::create(
                b, loc, arith::CmpFPredicate::UNO, value, value);
            Value bestIsNaN = arith::CmpFOp::create(
                b, loc, arith::CmpFPredicate::UNO, current, current);
            Value firstNaN = arith::AndIOp::create(
                b, loc, isNaN,
                arith::XOrIOp::create(
                    b, loc, bestIsNaN,
                    arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)));
            better = arith::OrIOp::create(b, loc, strictly, firstNaN);
          } else {
            better = arith::CmpIOp::create(b, loc,
                                           isMax ? arith::CmpIPredicate::sgt
                                                 : arith::CmpIPredicate::slt,
                                           value, current);
          }
          Value index = arith::IndexCastOp::create(b, loc, b.getI64Type(),
                                                   block.index(position));
          block.store(arith::SelectOp::create(b, loc, better, value, current),
                      bestAccess);
          block.store(
              arith::SelectOp::create(b, loc, better, index, block.load(out)),
              out);
        },
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          block.store(isMax ? createLowest(b, loc, element)
                            : createHighest(b, loc, element),
                      bestAccess);
          block.store(createScalarConstant(b, loc, b.getI64Type(), 0), out);
        });
  }

  static sym::Expr getProduct(ArrayRef<sym::Expr> dims) {
    sym::Expr result;
    for (sym::Expr dim : dims)
      result = result ? result * dim : dim;
    return result;
  }
};

//===----------------------------------------------------------------------===//
// cumsum, cumprod
//===----------------------------------------------------------------------===//

/// One block over the input's dims whose axis variable is a `scan`: element
/// i combines element i - 1 of the output (the identity for i = 0) with the
/// input. It reads the output along the whole axis (a region with the
/// axis's extent) and is never parallelized along it.
template <typename OpTy> class ScanPattern : public LegalizePattern<OpTy> {
public:
  ScanPattern(MLIRContext *ctx, LegalizeKernelCache &cache, Reducer reducer)
      : LegalizePattern<OpTy>(ctx, cache), reducer(reducer) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t rank = input.getNumDims();
    FailureOr<std::optional<int64_t>> normalized =
        normalizeOptionalAxis(rewriter, op, op.getAxis(), rank);
    if (failed(normalized))
      return failure();
    std::optional<int64_t> axis = *normalized;
    KernelSignature signature({input}, {op.getResult().getType()});
    StringRef name = getKernelBaseName<OpTy>();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name,
        axis ? "axis=" + std::to_string(*axis) : std::string("flat"),
        [&](KernelBuilder &builder) {
          buildKernel(builder, ("T_" + name).str(), axis);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  void buildKernel(KernelBuilder &builder, const std::string &name,
                   std::optional<int64_t> axis) const {
    MLIRContext *ctx = builder.getContext();
    Value input = builder.getInput(0), output = builder.getOutput(0);
    SmallVector<Value> extents;
    int64_t scanDim = 0;
    if (axis) {
      scanDim = *axis;
      for (int64_t dim = 0, e = builder.getInputType(0).getNumDims(); dim < e;
           ++dim)
        extents.push_back(builder.getInputDim(0, dim));
    } else {
      // The flattened input; the output is already 1-D.
      input = builder.flatten(input);
      extents.push_back(builder.getOutputDim(0, 0));
    }
    int64_t rank = extents.size();
    SmallVector<IterVar> iterVars;
    for (int64_t dim = 0; dim < rank; ++dim)
      iterVars.push_back(
          {dim == scanDim ? tir::IterKind::Scan : tir::IterKind::Spatial,
           extents[dim]});
    SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
    SmallVector<AffineExpr> rowStart(indices),
        rowExtents(rank, getAffineConstantExpr(1, ctx));
    rowStart[scanDim] = getAffineConstantExpr(0, ctx);
    rowExtents[scanDim] = getAffineSymbolExpr(0, ctx);
    Access in{input, indices};
    Access previous{output, rowStart, rowExtents};
    Access out{output, indices};
    builder.buildBlock(
        name, iterVars, {in, previous}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value value = block.load(in);
          Value i = block.index(indices[scanDim]);
          Value zero = arith::ConstantIndexOp::create(b, loc, 0);
          Value first =
              arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, i, zero);
          // Element i - 1, read at 0 for i = 0 (then unused).
          SmallVector<Value> at = llvm::map_to_vector(
              indices, [&](AffineExpr e) { return block.index(e); });
          at[scanDim] = arith::SelectOp::create(
              b, loc, first, zero,
              arith::SubIOp::create(b, loc, i,
                                    arith::ConstantIndexOp::create(b, loc, 1)));
          Value prior = arith::SelectOp::create(
              b, loc, first, createIdentity(b, loc, reducer, value.getType()),
              block.loadAt(previous, at));
          block.store(combine(b, loc, reducer, prior, value), out);
        },
        {}, {extents[scanDim]});
  }

  Reducer reducer;
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeReductionPatterns(RewritePatternSet &patterns,
                                                 LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  MLIRContext *ctx = patterns.getContext();
  patterns.add<ReductionPattern<relax::SumOp>>(ctx, cache, Reducer::Sum);
  patterns.add<ReductionPattern<relax::MaxOp>>(ctx, cache, Reducer::Max);
  patterns.add<ReductionPattern<relax::MinOp>>(ctx, cache, Reducer::Min);
  patterns.add<ReductionPattern<relax::ProdOp>>(ctx, cache, Reducer::Prod);
  patterns.add<ReductionPattern<relax::MeanOp>>(ctx, cache, Reducer::Mean);
  patterns.add<ReductionPattern<relax::VarianceOp>>(ctx, cache,
                                                    Reducer::Variance);
  patterns.add<ReductionPattern<relax::StdOp>>(ctx, cache, Reducer::Std);
  patterns.add<ArgReducePattern<relax::ArgmaxOp, true>,
               ArgReducePattern<relax::ArgminOp, false>>(ctx, cache);
  patterns.add<ScanPattern<relax::CumsumOp>>(ctx, cache, Reducer::Sum);
  patterns.add<ScanPattern<relax::CumprodOp>>(ctx, cache, Reducer::Prod);
}
