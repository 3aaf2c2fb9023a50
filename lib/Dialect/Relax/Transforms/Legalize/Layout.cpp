//===- Layout.cpp - Legalize permute_dims, reshape and its special cases --===//
//
// expand_dims, squeeze and flatten become relax.reshape to their results.
//
// permute_dims: one spatial block over the result's dims that reads the
// input at the permuted iteration variables (result dim i is input dim
// axes[i]):
//
//   tir.block "T_permute_dims" (%i: spatial[4], %j: spatial[%n])
//       reads(%in[%j, %i]) writes(%out[%i, %j])
//
// reshape: both buffers are row-major and contiguous, so a reshape copies
// element f of the input to element f of the output. The kernel copies
// between 1-D views (memref.collapse_shape) over the flat index, which keeps
// every access affine whatever the symbolic shapes are (indexing the input
// with the output's iteration variables would need divisions by symbolic
// extents, which buffer regions cannot express):
//
//   %src = memref.collapse_shape %in [[0, 1]] ...
//   tir.block "T_reshape" (%f: spatial[%count]) reads(%src[%f])
//   writes(%dst[%f])
//
// The element counts of input and result must be provably equal (with the
// function's facts): nothing checks them at run time between two ops, and a
// smaller input would be read out of bounds. Both ops copy, so they take any
// element type.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/ShapeInference.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

#include <numeric>

using namespace mlir;

namespace mlc::legalize {
namespace {

class PermuteDimsPattern : public LegalizePattern<relax::PermuteDimsOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::PermuteDimsOp op,
                                PatternRewriter &rewriter) const override {
    // A copy: any element type.
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t rank = input.getNumDims();
    SmallVector<int64_t> permutation(rank);
    if (std::optional<ArrayRef<int64_t>> axes = op.getAxes()) {
      // The verifier has checked that the axes are a permutation.
      FailureOr<SmallVector<int64_t>> normalized =
          relax::normalizeAxes(*axes, rank);
      if (failed(normalized) ||
          static_cast<int64_t>(normalized->size()) != rank)
        return rewriter.notifyMatchFailure(op, "invalid axes");
      permutation = std::move(*normalized);
    } else {
      std::iota(permutation.rbegin(), permutation.rend(), 0);
    }

    KernelSignature signature({input}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "permute_dims",
        "axes=" + formatAxes(permutation), [&](KernelBuilder &builder) {
          MLIRContext *ctx = op.getContext();
          SmallVector<IterVar> iterVars;
          SmallVector<AffineExpr> inIndices(rank);
          for (int64_t dim = 0; dim < rank; ++dim) {
            iterVars.push_back(
                {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
            inIndices[permutation[dim]] = getAffineDimExpr(dim, ctx);
          }
          Access in{builder.getInput(0), inIndices};
          Access out{builder.getOutput(0), getIdentityIndices(ctx, 0, rank)};
          builder.buildBlock(
              "T_permute_dims", iterVars, {in}, {out},
              [&](BlockBuilder &block) { block.store(block.load(in), out); });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

/// The product of the dims of a ranked type; null if one is unknown.
sym::Expr getElementCount(sym::Context &symbols, TensorType type) {
  sym::Expr count = symbols.constant(1);
  for (sym::Expr dim : type.getDims()) {
    if (!dim)
      return {};
    count = count * dim;
  }
  return count;
}

class ReshapePattern : public LegalizePattern<relax::ReshapeOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    // A copy: any element type.
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    // The copy runs over the result's elements; with fewer input elements
    // it would read out of bounds, and nothing checks the counts at run time
    // between two ops.
    TensorType input = op.getInput().getType();
    TensorType result = op.getResult().getType();
    sym::Context &symbols = relax::RelaxDialect::getSymContext(op.getContext());
    sym::Expr inCount = getElementCount(symbols, input);
    sym::Expr outCount = getElementCount(symbols, result);
    if (!inCount || (inCount != outCount &&
                     relax::getAnalyzerFor(op).proveEqual(inCount, outCount) !=
                         sym::Proof::True))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "the element counts of " << input << " ("
             << (inCount ? inCount.str() : "?") << ") and " << result << " ("
             << outCount.str()
             << ") are not provably equal; relax.sym_divisible or "
                "relax.match_cast can establish it";
      });
    // The target shape is the result type; the attribute adds nothing.
    KernelSignature signature({input}, {result});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "reshape", /*attrs=*/"",
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = op.getContext();
          sym::Expr count = getElementCount(symbols, builder.getOutputType(0));
          Access in{builder.flatten(builder.getInput(0)),
                    {getAffineDimExpr(0, ctx)}};
          Access out{builder.flatten(builder.getOutput(0)),
                     {getAffineDimExpr(0, ctx)}};
          builder.buildBlock(
              "T_reshape",
              {IterVar{tir::IterKind::Spatial, builder.materialize(count)}},
              {in}, {out},
              [&](BlockBuilder &block) { block.store(block.load(in), out); });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

} // namespace
} // namespace mlc::legalize

namespace mlc::legalize {
namespace {
/// expand_dims, squeeze and flatten keep the elements in order: each becomes
/// a relax.reshape to its result shape, which the reshape pattern then
/// legalizes at once. The result dims must be known (a reshape's shape has
/// no `?`).
template <typename OpTy> class ToReshapePattern : public LegalizePattern<OpTy> {
public:
  using LegalizePattern<OpTy>::LegalizePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    TensorType result = op.getResult().getType();
    if (!result.getRanked() ||
        llvm::any_of(result.getDims(), [](sym::Expr dim) { return !dim; }))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "its result " << result
             << " has an unknown dimension or rank; relax.match_cast can "
                "give the input a known shape";
      });
    // relax-legalize walks the ops once: the reshape is legalized here, and
    // taken back if it cannot be, leaving `op` as it was.
    auto shape = relax::ShapeAttr::get(op.getContext(), result.getDims());
    auto reshape = relax::ReshapeOp::create(rewriter, op.getLoc(), result,
                                            op.getInput(), shape);
    rewriter.replaceAllUsesWith(op.getResult(), reshape.getResult());
    if (failed(ReshapePattern(op.getContext(), this->cache)
                   .matchAndRewrite(reshape, rewriter))) {
      rewriter.replaceAllUsesWith(reshape.getResult(), op.getResult());
      rewriter.eraseOp(reshape);
      return failure();
    }
    rewriter.eraseOp(op);
    return success();
  }
};
} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeLayoutPatterns(RewritePatternSet &patterns,
                                              LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  MLIRContext *ctx = patterns.getContext();
  patterns.add<
      PermuteDimsPattern, ReshapePattern, ToReshapePattern<relax::ExpandDimsOp>,
      ToReshapePattern<relax::SqueezeOp>, ToReshapePattern<relax::FlattenOp>>(
      ctx, cache);
}
