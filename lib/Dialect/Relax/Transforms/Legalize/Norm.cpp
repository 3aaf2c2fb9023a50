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
// group_norm reduces per (sample, group) the same way, over the group's
// channels and the trailing dims, then scales per channel.
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
    SmallVector<TensorType> inputs = getOperandTypes(op);
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

/// group_norm: the sums and the centered squares per (sample, group) over
/// the group's channels and the trailing dims, then the scaling per
/// channel. Channel c is in group c / (C / G): C must be a constant.
class GroupNormPattern : public LegalizePattern<relax::GroupNormOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::GroupNormOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
    sym::Expr channels = input.getDims()[1];
    std::optional<int64_t> c = channels ? channels.getConstant() : std::nullopt;
    if (!c)
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "the channels of " << input
             << " must be a constant to map channels to groups";
      });
    int64_t groups = op.getNumGroups();
    double epsilon = op.getEpsilon().convertToDouble();
    SmallVector<TensorType> inputs = getOperandTypes(op);
    KernelSignature signature(inputs, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "group_norm",
        llvm::formatv("groups={0},epsilon={1}", groups, epsilon).str(),
        [&](KernelBuilder &builder) {
          buildKernel(builder, groups, *c / groups, epsilon,
                      input.getElementType());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, int64_t groups,
                          int64_t perGroup, double epsilon, Type element) {
    MLIRContext *ctx = builder.getContext();
    OpBuilder &b = builder.getBuilder();
    Location loc = builder.getLoc();
    Type acc = getAccumulationType(element);
    unsigned rank = builder.getInputType(0).getNumDims();
    Value batch = builder.getInputDim(0, 0);
    // (n, g) spatial, then the group's channels and the trailing dims.
    SmallVector<IterVar> reduceVars{
        {tir::IterKind::Spatial, batch},
        {tir::IterKind::Spatial, builder.getIndexConstant(groups)},
        {tir::IterKind::Reduce, builder.getIndexConstant(perGroup)}};
    Value count = builder.getIndexConstant(perGroup);
    for (unsigned dim = 2; dim < rank; ++dim) {
      Value extent = builder.getInputDim(0, dim);
      reduceVars.push_back({tir::IterKind::Reduce, extent});
      count = arith::MulIOp::create(b, loc, count, extent);
    }
    SmallVector<AffineExpr> x{getAffineDimExpr(0, ctx),
                              getAffineDimExpr(1, ctx) * perGroup +
                                  getAffineDimExpr(2, ctx)};
    for (unsigned dim = 2; dim < rank; ++dim)
      x.push_back(getAffineDimExpr(dim + 1, ctx));
    SmallVector<AffineExpr> row{getAffineDimExpr(0, ctx),
                                getAffineDimExpr(1, ctx)};
    Access in{builder.getInput(0), x};
    SmallVector<Value> rowExtents{batch, builder.getIndexConstant(groups)};
    auto sumInto = [&](StringRef name, ArrayRef<Access> reads,
                       function_ref<Value(BlockBuilder &)> term) {
      Value sum = builder.allocBuffer(rowExtents, acc);
      Access out{sum, row};
      builder.buildBlock(
          name, reduceVars, reads, {out},
          [&](BlockBuilder &block) {
            block.store(arith::AddFOp::create(block.getBuilder(),
                                              block.getLoc(), block.load(out),
                                              term(block)),
                        out);
          },
          [&](BlockBuilder &block) {
            block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                             acc, 0),
                        out);
          });
      return sum;
    };
    Value sum = sumInto("T_group_norm_sum", {in}, [&](BlockBuilder &block) {
      return loadAs(block, in, acc);
    });
    Access rowSum{sum, row};
    Value sumSq =
        sumInto("T_group_norm_sumsq", {in, rowSum}, [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          Value centered = arith::SubFOp::create(
              bb, l, loadAs(block, in, acc),
              createMean(bb, l, block.load(rowSum), count));
          return arith::MulFOp::create(bb, l, centered, centered);
        });

    // y = (x - mean[n, c / Cg]) * rsqrt(var + eps) * w[c] + b[c]
    SmallVector<IterVar> spatial;
    for (unsigned dim = 0; dim < rank; ++dim)
      spatial.push_back({tir::IterKind::Spatial, builder.getInputDim(0, dim)});
    SmallVector<AffineExpr> identity = getIdentityIndices(ctx, 0, rank);
    SmallVector<AffineExpr> group{identity[0], identity[1].floorDiv(perGroup)};
    Access xs{builder.getInput(0), identity};
    Access means{sum, group};
    Access squares{sumSq, group};
    Access w{builder.getInput(1), {identity[1]}};
    Access bias{builder.getInput(2), {identity[1]}};
    Access out{builder.getOutput(0), identity};
    builder.buildBlock(
        "T_group_norm", spatial, {xs, means, squares, w, bias}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          Value centered = arith::SubFOp::create(
              bb, l, loadAs(block, xs, acc),
              createMean(bb, l, block.load(means), count));
          Value scale = createInverseDeviation(bb, l, block.load(squares),
                                               count, epsilon);
          Value y = arith::AddFOp::create(
              bb, l,
              arith::MulFOp::create(
                  bb, l, arith::MulFOp::create(bb, l, centered, scale),
                  loadAs(block, w, acc)),
              loadAs(block, bias, acc));
          block.store(createFloatCast(bb, l, y, element), out);
        });
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeNormPatterns(RewritePatternSet &patterns,
                                            LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  patterns.add<LastAxisNormPattern<relax::RMSNormOp>,
               LastAxisNormPattern<relax::LayerNormOp>, GroupNormPattern>(
      patterns.getContext(), cache);
}
