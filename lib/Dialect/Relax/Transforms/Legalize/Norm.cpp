//===- Norm.cpp - Legalize the normalizations -----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// rms_norm over the last axis: one kernel with two blocks, a reduction of
// the squares per row into a row buffer, then the scaling:
//
//   tir.block "T_rms_norm_sumsq" (%r..: spatial, %k: reduce)  sq[r] += x*x
//   tir.block "T_rms_norm"       (%r..: spatial, %k: spatial)
//       y[r, k] = x[r, k] * rsqrt(sq[r] / K + eps) * w[k]
//
// tir-default-schedule then fuses the two nests per row (its row-wise rule)
// and reassociates the sum.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

class RMSNormPattern : public LegalizePattern<relax::RMSNormOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::RMSNormOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
    TensorType weight = op.getWeight().getType();
    double epsilon = op.getEpsilon().convertToDouble();
    KernelSignature signature({input, weight}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "rms_norm",
        llvm::formatv("epsilon={0}", epsilon).str(),
        [&](KernelBuilder &builder) {
          buildKernel(builder, input.getNumDims(), input.getElementType(),
                      epsilon);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, int64_t rank,
                          Type elementType, double epsilon) {
    MLIRContext *ctx = builder.getContext();
    SmallVector<Value> extents, rowExtents;
    SmallVector<IterVar> spatial, reduction;
    SmallVector<AffineExpr> inIndices, rowIndices;
    for (int64_t dim = 0; dim < rank; ++dim) {
      extents.push_back(builder.getInputDim(0, dim));
      inIndices.push_back(getAffineDimExpr(dim, ctx));
      spatial.push_back({tir::IterKind::Spatial, extents.back()});
      bool last = dim == rank - 1;
      reduction.push_back(
          {last ? tir::IterKind::Reduce : tir::IterKind::Spatial,
           extents.back()});
      if (!last) {
        rowExtents.push_back(extents.back());
        rowIndices.push_back(getAffineDimExpr(dim, ctx));
      }
    }
    Value sumSq = builder.allocBuffer(rowExtents, elementType);
    Value input = builder.getInput(0), weight = builder.getInput(1);
    Value output = builder.getOutput(0);

    // sumsq[r] = sumsq[r] + x * x
    Access sqIn{input, inIndices};
    Access sqOut{sumSq, rowIndices};
    builder.buildBlock(
        "T_rms_norm_sumsq", reduction, {sqIn}, {sqOut},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value x = block.load(sqIn);
          block.store(
              arith::AddFOp::create(b, loc, block.load(sqOut),
                                    arith::MulFOp::create(b, loc, x, x)),
              sqOut);
        },
        [&](BlockBuilder &block) {
          block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                           elementType, 0),
                      sqOut);
        });

    // y = x * rsqrt(sumsq[r] / K + eps) * w[k]
    Value length = extents.back();
    Access normIn{input, inIndices};
    Access normSq{sumSq, rowIndices};
    Access normWeight{weight, {getAffineDimExpr(rank - 1, ctx)}};
    Access normOut{output, inIndices};
    builder.buildBlock(
        "T_rms_norm", spatial, {normIn, normSq, normWeight}, {normOut},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value count = arith::SIToFPOp::create(
              b, loc, elementType,
              arith::IndexCastOp::create(b, loc, b.getI64Type(), length));
          Value mean = arith::DivFOp::create(b, loc, block.load(normSq), count);
          Value shifted = arith::AddFOp::create(
              b, loc, mean, createScalarConstant(b, loc, elementType, epsilon));
          Value scale = math::RsqrtOp::create(b, loc, shifted);
          Value scaled =
              arith::MulFOp::create(b, loc, block.load(normIn), scale);
          block.store(
              arith::MulFOp::create(b, loc, scaled, block.load(normWeight)),
              normOut);
        });
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeNormPatterns(RewritePatternSet &patterns,
                                            LegalizeKernelCache &cache) {
  patterns.add<legalize::RMSNormPattern>(patterns.getContext(), cache);
}
