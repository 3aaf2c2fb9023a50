//===- Norm.cpp - Legalize the normalizations -----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Normalizations over the last axis, each one kernel whose blocks reduce
// per row into row buffers and then scale:
//
// rms_norm:
//   tir.block "T_rms_norm_sumsq" (%r..: spatial, %k: reduce)  sq[r] += x*x
//   tir.block "T_rms_norm"       (%r..: spatial, %k: spatial)
//       y[r, k] = x[r, k] * rsqrt(sq[r] / K + eps) * w[k]
//
// layer_norm (two passes over the row, which keeps the variance accurate
// where the mean is large, unlike E[x^2] - E[x]^2):
//   tir.block "T_layer_norm_sum"   sum[r] += x
//   tir.block "T_layer_norm_sumsq" sq[r] += (x - sum[r] / K)^2
//   tir.block "T_layer_norm"
//       y[r, k] = (x - sum[r] / K) * rsqrt(sq[r] / K + eps) * w[k] + b[k]
//
// f16 and bf16 inputs sum and scale in f32 (row buffers in f32).
// tir-default-schedule then fuses the nests per row (its row-wise rule)
// and reassociates the sums.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

/// The iteration spaces of a normalization over the last axis of a rank
/// `rank` input: every dim spatial (the scaling), or the last one reduced
/// (the per-row sums), with the indices of the input and of the row buffers.
struct RowLayout {
  SmallVector<Value> rowExtents;
  SmallVector<IterVar> spatial, reduction;
  SmallVector<AffineExpr> inIndices, rowIndices;
  Value length;

  RowLayout(KernelBuilder &builder, int64_t rank) {
    MLIRContext *ctx = builder.getContext();
    for (int64_t dim = 0; dim < rank; ++dim) {
      Value extent = builder.getInputDim(0, dim);
      inIndices.push_back(getAffineDimExpr(dim, ctx));
      spatial.push_back({tir::IterKind::Spatial, extent});
      bool last = dim == rank - 1;
      reduction.push_back(
          {last ? tir::IterKind::Reduce : tir::IterKind::Spatial, extent});
      if (last) {
        length = extent;
        continue;
      }
      rowExtents.push_back(extent);
      rowIndices.push_back(getAffineDimExpr(dim, ctx));
    }
  }
};

/// `sum / length` in the element type of `sum`.
Value createMean(OpBuilder &b, Location loc, Value sum, Value length) {
  Value count = arith::SIToFPOp::create(
      b, loc, sum.getType(),
      arith::IndexCastOp::create(b, loc, b.getI64Type(), length));
  return arith::DivFOp::create(b, loc, sum, count);
}

/// `rsqrt(sumsq / length + epsilon)`.
Value createInverseDeviation(OpBuilder &b, Location loc, Value sumSq,
                             Value length, double epsilon) {
  Value shifted = arith::AddFOp::create(
      b, loc, createMean(b, loc, sumSq, length),
      createScalarConstant(b, loc, sumSq.getType(), epsilon));
  return math::RsqrtOp::create(b, loc, shifted);
}

/// Builds a per-row sum of `term(x, block)` into a new row buffer.
template <typename TermFn>
Value buildRowSum(KernelBuilder &builder, const RowLayout &layout,
                  StringRef name, ArrayRef<Access> reads, Type elementType,
                  TermFn term) {
  Value sum = builder.allocBuffer(layout.rowExtents, elementType);
  Access out{sum, layout.rowIndices};
  builder.buildBlock(
      name, layout.reduction, reads, {out},
      [&](BlockBuilder &block) {
        block.store(arith::AddFOp::create(block.getBuilder(), block.getLoc(),
                                          block.load(out), term(block)),
                    out);
      },
      [&](BlockBuilder &block) {
        block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                         elementType, 0),
                    out);
      });
  return sum;
}

/// The checks and the call of both normalizations; `buildKernel` fills the
/// kernel from the layout, the element type and epsilon.
template <typename OpTy>
class LastAxisNormPattern : public LegalizePattern<OpTy> {
public:
  using LegalizePattern<OpTy>::LegalizePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    SmallVector<TensorType> inputs;
    for (Value operand : op->getOperands())
      inputs.push_back(cast<TensorType>(operand.getType()));
    TensorType input = inputs.front();
    double epsilon = op.getEpsilon().convertToDouble();
    KernelSignature signature(inputs, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, getKernelBaseName<OpTy>(),
        llvm::formatv("epsilon={0}", epsilon).str(),
        [&](KernelBuilder &builder) {
          RowLayout layout(builder, input.getNumDims());
          buildKernel(builder, layout, input.getElementType(), epsilon);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, const RowLayout &layout,
                          Type elementType, double epsilon);
};

/// Loads of `access` in the accumulation type `acc`.
Value loadAs(BlockBuilder &block, const Access &access, Type acc) {
  return createFloatCast(block.getBuilder(), block.getLoc(), block.load(access),
                         acc);
}

template <>
void LastAxisNormPattern<relax::RMSNormOp>::buildKernel(KernelBuilder &builder,
                                                        const RowLayout &layout,
                                                        Type elementType,
                                                        double epsilon) {
  Type acc = getAccumulationType(elementType);
  Value input = builder.getInput(0), weight = builder.getInput(1);
  Access x{input, layout.inIndices};
  Value sumSq = buildRowSum(
      builder, layout, "T_rms_norm_sumsq", {x}, acc, [&](BlockBuilder &block) {
        Value value = loadAs(block, x, acc);
        return arith::MulFOp::create(block.getBuilder(), block.getLoc(), value,
                                     value);
      });

  // y = x * rsqrt(sumsq[r] / K + eps) * w[k]
  Access sq{sumSq, layout.rowIndices};
  Access w{weight, {layout.inIndices.back()}};
  Access out{builder.getOutput(0), layout.inIndices};
  builder.buildBlock(
      "T_rms_norm", layout.spatial, {x, sq, w}, {out},
      [&](BlockBuilder &block) {
        OpBuilder &b = block.getBuilder();
        Location loc = block.getLoc();
        Value scale = createInverseDeviation(b, loc, block.load(sq),
                                             layout.length, epsilon);
        Value scaled =
            arith::MulFOp::create(b, loc, loadAs(block, x, acc), scale);
        Value result =
            arith::MulFOp::create(b, loc, scaled, loadAs(block, w, acc));
        block.store(createFloatCast(b, loc, result, elementType), out);
      });
}

template <>
void LastAxisNormPattern<relax::LayerNormOp>::buildKernel(
    KernelBuilder &builder, const RowLayout &layout, Type elementType,
    double epsilon) {
  Type acc = getAccumulationType(elementType);
  Value input = builder.getInput(0);
  Access x{input, layout.inIndices};
  Value sum =
      buildRowSum(builder, layout, "T_layer_norm_sum", {x}, acc,
                  [&](BlockBuilder &block) { return loadAs(block, x, acc); });

  // sumsq[r] += (x - sum[r] / K)^2
  Access rowSum{sum, layout.rowIndices};
  Value sumSq =
      buildRowSum(builder, layout, "T_layer_norm_sumsq", {x, rowSum}, acc,
                  [&](BlockBuilder &block) {
                    OpBuilder &b = block.getBuilder();
                    Location loc = block.getLoc();
                    Value centered = arith::SubFOp::create(
                        b, loc, loadAs(block, x, acc),
                        createMean(b, loc, block.load(rowSum), layout.length));
                    return arith::MulFOp::create(b, loc, centered, centered);
                  });

  // y = (x - sum[r] / K) * rsqrt(sumsq[r] / K + eps) * w[k] + b[k]
  Access sq{sumSq, layout.rowIndices};
  Access w{builder.getInput(1), {layout.inIndices.back()}};
  Access bias{builder.getInput(2), {layout.inIndices.back()}};
  Access out{builder.getOutput(0), layout.inIndices};
  builder.buildBlock(
      "T_layer_norm", layout.spatial, {x, rowSum, sq, w, bias}, {out},
      [&](BlockBuilder &block) {
        OpBuilder &b = block.getBuilder();
        Location loc = block.getLoc();
        Value centered = arith::SubFOp::create(
            b, loc, loadAs(block, x, acc),
            createMean(b, loc, block.load(rowSum), layout.length));
        Value scale = createInverseDeviation(b, loc, block.load(sq),
                                             layout.length, epsilon);
        Value scaled = arith::MulFOp::create(
            b, loc, arith::MulFOp::create(b, loc, centered, scale),
            loadAs(block, w, acc));
        Value result =
            arith::AddFOp::create(b, loc, scaled, loadAs(block, bias, acc));
        block.store(createFloatCast(b, loc, result, elementType), out);
      });
}

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeNormPatterns(RewritePatternSet &patterns,
                                            LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  patterns.add<LastAxisNormPattern<relax::RMSNormOp>,
               LastAxisNormPattern<relax::LayerNormOp>>(patterns.getContext(),
                                                        cache);
}
