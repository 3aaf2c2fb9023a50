//===- Softmax.cpp - Legalize relax.softmax and log_softmax ---------------===//
//
// The numerically stable softmax along `axis`, as TVM emits it: one kernel
// with four blocks and three kernel-local buffers.
//
//   maxelem[r] = max over the axis of x             (T_softmax_maxelem)
//   exp[i]     = exp(x[i] - maxelem[r])             (T_softmax_exp)
//   expsum[r]  = sum over the axis of exp           (T_softmax_expsum)
//   out[i]     = exp[i] / expsum[r]                 (T_softmax_norm)
//
// where `r` is `i` without the axis. The reductions iterate the other dims
// (spatial, outer) and the axis (reduce, innermost). log_softmax has the
// same blocks (named T_log_softmax_*) except the last:
//
//   out[i]     = x[i] - maxelem[r] - log(expsum[r]) (T_log_softmax_norm)
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

template <typename OpTy> class SoftmaxPattern : public LegalizePattern<OpTy> {
public:
  using LegalizePattern<OpTy>::LegalizePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t rank = input.getNumDims();
    // The verifier has checked the axis.
    FailureOr<int64_t> axis = relax::normalizeAxis(op.getAxis(), rank);
    if (failed(axis))
      return rewriter.notifyMatchFailure(op, "invalid axis");

    KernelSignature signature({input}, {op.getResult().getType()});
    StringRef name = getKernelBaseName<OpTy>();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name,
        "axis=" + std::to_string(*axis), [&](KernelBuilder &builder) {
          buildKernel(builder, rank, *axis, input.getElementType(),
                      ("T_" + name + "_").str());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  /// `prefix` starts the block names (`T_softmax_`).
  static void buildKernel(KernelBuilder &builder, int64_t rank, int64_t axis,
                          Type elementType, const std::string &prefix) {
    constexpr bool logarithm = std::is_same_v<OpTy, relax::LogSoftmaxOp>;
    MLIRContext *ctx = builder.getContext();
    SmallVector<Value> extents, rowExtents;
    for (int64_t dim = 0; dim < rank; ++dim) {
      extents.push_back(builder.getInputDim(0, dim));
      if (dim != axis)
        rowExtents.push_back(extents.back());
    }
    Value maxElem = builder.allocBuffer(rowExtents, elementType);
    Value exp = builder.allocBuffer(extents, elementType);
    Value expSum = builder.allocBuffer(rowExtents, elementType);

    // Elementwise blocks iterate the dims in order; reductions put the axis
    // last. `inIndices` index the input in each iteration order, `rowIndices`
    // the per-row buffers.
    SmallVector<IterVar> spatial, reduction;
    SmallVector<AffineExpr> inIndices, rowIndices, reductionIndices(rank),
        reductionRowIndices;
    for (int64_t dim = 0; dim < rank; ++dim) {
      spatial.push_back({tir::IterKind::Spatial, extents[dim]});
      inIndices.push_back(getAffineDimExpr(dim, ctx));
      if (dim == axis)
        continue;
      rowIndices.push_back(getAffineDimExpr(dim, ctx));
      reductionIndices[dim] = getAffineDimExpr(reduction.size(), ctx);
      reductionRowIndices.push_back(reductionIndices[dim]);
      reduction.push_back({tir::IterKind::Spatial, extents[dim]});
    }
    reductionIndices[axis] = getAffineDimExpr(reduction.size(), ctx);
    reduction.push_back({tir::IterKind::Reduce, extents[axis]});

    Value input = builder.getInput(0), output = builder.getOutput(0);
    auto initTo = [&](const Access &access, bool lowest) {
      return [&access, lowest, elementType](BlockBuilder &block) {
        OpBuilder &b = block.getBuilder();
        Location loc = block.getLoc();
        block.store(lowest ? createLowest(b, loc, elementType)
                           : createScalarConstant(b, loc, elementType, 0),
                    access);
      };
    };

    // maxelem[r] = max(maxelem[r], x)
    Access maxIn{input, reductionIndices};
    Access maxOut{maxElem, reductionRowIndices};
    builder.buildBlock(
        prefix + "maxelem", reduction, {maxIn}, {maxOut},
        [&](BlockBuilder &block) {
          block.store(createMax(block.getBuilder(), block.getLoc(),
                                block.load(maxOut), block.load(maxIn)),
                      maxOut);
        },
        initTo(maxOut, /*lowest=*/true));

    // exp[i] = exp(x[i] - maxelem[r])
    Access expIn{input, inIndices};
    Access expMax{maxElem, rowIndices};
    Access expOut{exp, inIndices};
    builder.buildBlock(prefix + "exp", spatial, {expIn, expMax}, {expOut},
                       [&](BlockBuilder &block) {
                         OpBuilder &b = block.getBuilder();
                         Location loc = block.getLoc();
                         Value shifted = arith::SubFOp::create(
                             b, loc, block.load(expIn), block.load(expMax));
                         block.store(math::ExpOp::create(b, loc, shifted),
                                     expOut);
                       });

    // expsum[r] = expsum[r] + exp
    Access sumIn{exp, reductionIndices};
    Access sumOut{expSum, reductionRowIndices};
    builder.buildBlock(
        prefix + "expsum", reduction, {sumIn}, {sumOut},
        [&](BlockBuilder &block) {
          block.store(arith::AddFOp::create(block.getBuilder(), block.getLoc(),
                                            block.load(sumOut),
                                            block.load(sumIn)),
                      sumOut);
        },
        initTo(sumOut, /*lowest=*/false));

    Access normSum{expSum, rowIndices};
    Access normOut{output, inIndices};
    if (logarithm) {
      // out[i] = x[i] - maxelem[r] - log(expsum[r])
      Access normIn{input, inIndices};
      Access normMax{maxElem, rowIndices};
      builder.buildBlock(
          prefix + "norm", spatial, {normIn, normMax, normSum}, {normOut},
          [&](BlockBuilder &block) {
            OpBuilder &b = block.getBuilder();
            Location loc = block.getLoc();
            Value shifted = arith::SubFOp::create(b, loc, block.load(normIn),
                                                  block.load(normMax));
            Value logSum = math::LogOp::create(b, loc, block.load(normSum));
            block.store(arith::SubFOp::create(b, loc, shifted, logSum),
                        normOut);
          });
      return;
    }
    // out[i] = exp[i] / expsum[r]
    Access normExp{exp, inIndices};
    builder.buildBlock(prefix + "norm", spatial, {normExp, normSum}, {normOut},
                       [&](BlockBuilder &block) {
                         block.store(arith::DivFOp::create(block.getBuilder(),
                                                           block.getLoc(),
                                                           block.load(normExp),
                                                           block.load(normSum)),
                                     normOut);
                       });
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeSoftmaxPatterns(RewritePatternSet &patterns,
                                               LegalizeKernelCache &cache) {
  patterns.add<legalize::SoftmaxPattern<relax::SoftmaxOp>,
               legalize::SoftmaxPattern<relax::LogSoftmaxOp>>(
      patterns.getContext(), cache);
}
