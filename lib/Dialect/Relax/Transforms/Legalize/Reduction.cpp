//===- Reduction.cpp - Legalize relax.sum and relax.max -------------------===//
//
// A reduction is one block: spatial iteration variables over the kept dims
// (outer loops), reduce variables over the reduced ones (inner loops), an
// init region that stores the identity (0 for sum; -inf, or the smallest
// integer, for max) and a body that combines:
//
//   tir.block "T_sum" (%i: spatial[%n], %j: reduce[4])
//       reads(%in[%i, %j]) writes(%out[%i, 0])      // keepdims: index 0
//       init { out = 0 } { out = out + in }
//
// Reducing no axis (`axes []`) is a copy: a block without reduce variables.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

template <typename OpTy> class ReductionPattern : public LegalizePattern<OpTy> {
public:
  ReductionPattern(MLIRContext *ctx, LegalizeKernelCache &cache, bool isMax)
      : LegalizePattern<OpTy>(ctx, cache), isMax(isMax) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
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
          auto combine = [&](BlockBuilder &block) {
            OpBuilder &b = block.getBuilder();
            Location loc = block.getLoc();
            Value value = block.load(in);
            if (reduced.any()) {
              Value acc = block.load(out);
              value = isMax ? createMax(b, loc, acc, value)
                            : createAdd(b, loc, acc, value);
            }
            block.store(value, out);
          };
          auto init = [&](BlockBuilder &block) {
            OpBuilder &b = block.getBuilder();
            Location loc = block.getLoc();
            block.store(isMax ? createLowest(b, loc, elementType)
                              : createScalarConstant(b, loc, elementType, 0),
                        out);
          };
          builder.buildBlock(blockName, iterVars, {in}, {out}, combine,
                             reduced.any() ? BlockBodyFn(init) : BlockBodyFn());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  bool isMax;
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeReductionPatterns(RewritePatternSet &patterns,
                                                 LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  MLIRContext *ctx = patterns.getContext();
  patterns.add<ReductionPattern<relax::SumOp>>(ctx, cache, /*isMax=*/false);
  patterns.add<ReductionPattern<relax::MaxOp>>(ctx, cache, /*isMax=*/true);
}
