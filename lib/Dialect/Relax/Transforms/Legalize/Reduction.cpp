//===- Reduction.cpp - Legalize relax.sum, max, min, prod and mean --------===//
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
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

/// How a reduction combines; a mean sums, then divides by the count.
enum class Reducer { Sum, Max, Min, Prod, Mean };

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
    return createAdd(b, loc, acc, value);
  }
  llvm_unreachable("unknown reducer");
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
    if (reducer == Reducer::Mean && !isa<FloatType>(input.getElementType()))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "the mean of " << input.getElementType()
             << " values is not supported (numpy's is a float)";
      });
    int64_t rank = input.getNumDims();
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
    bool keepDims = op.getKeepdims();
    SmallVector<int64_t> reducedAxes(reduced.set_bits());
    std::string attrs =
        "axes=" + formatAxes(reducedAxes) + (keepDims ? ",keepdims" : "");

    KernelSignature signature({input}, {op.getResult().getType()});
    StringRef name = getKernelBaseName<OpTy>();
    std::string blockName = ("T_" + name).str();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name, attrs,
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = op.getContext();
          // Kept dims first (spatial), then reduced dims (reduce).
          SmallVector<IterVar> iterVars;
          SmallVector<AffineExpr> inIndices(rank);
          for (bool reduce : {false, true})
            for (int64_t dim = 0; dim < rank; ++dim)
              if (reduced.test(dim) == reduce) {
                inIndices[dim] = getAffineDimExpr(iterVars.size(), ctx);
                iterVars.push_back(
                    {reduce ? tir::IterKind::Reduce : tir::IterKind::Spatial,
                     builder.getInputDim(0, dim)});
              }
          SmallVector<AffineExpr> outIndices;
          for (int64_t dim = 0; dim < rank; ++dim) {
            if (!reduced.test(dim))
              outIndices.push_back(inIndices[dim]);
            else if (keepDims)
              outIndices.push_back(getAffineConstantExpr(0, ctx));
          }
          Access in{builder.getInput(0), inIndices};
          Access out{builder.getOutput(0), outIndices};
          Type elementType = input.getElementType();
          auto body = [&](BlockBuilder &block) {
            Value value = block.load(in);
            if (reduced.any())
              value = combine(block.getBuilder(), block.getLoc(), reducer,
                              block.load(out), value);
            block.store(value, out);
          };
          auto init = [&](BlockBuilder &block) {
            block.store(createIdentity(block.getBuilder(), block.getLoc(),
                                       reducer, elementType),
                        out);
          };
          builder.buildBlock(blockName, iterVars, {in}, {out}, body,
                             reduced.any() ? BlockBodyFn(init) : BlockBodyFn());
          if (reducer != Reducer::Mean || !reduced.any())
            return;
          // The mean: the sums divided by the number of reduced elements.
          Value count = builder.getIndexConstant(1);
          for (int64_t dim : reducedAxes)
            count = createMul(builder.getBuilder(), builder.getLoc(), count,
                              builder.getInputDim(0, dim));
          SmallVector<IterVar> outVars;
          SmallVector<AffineExpr> outIdentity;
          TensorType outType = builder.getOutputType(0);
          for (unsigned dim = 0, e = outType.getNumDims(); dim < e; ++dim) {
            outIdentity.push_back(getAffineDimExpr(dim, ctx));
            outVars.push_back(
                {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
          }
          Access sums{builder.getOutput(0), outIdentity};
          builder.buildBlock(
              blockName + "_divide", outVars, {sums}, {sums},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                Value n =
                    arith::IndexCastOp::create(b, loc, b.getI64Type(), count);
                Value divisor = arith::SIToFPOp::create(b, loc, elementType, n);
                block.store(
                    arith::DivFOp::create(b, loc, block.load(sums), divisor),
                    sums);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
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
}
