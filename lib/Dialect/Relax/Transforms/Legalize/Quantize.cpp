//===- Quantize.cpp - Legalize 4-bit group quantization -------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// q4_quantize: one kernel of three blocks over a weight [.., k] with groups
// of G along k:
//
//   absmax[.., g] = max_e |w[.., g * G + e]|                 (T_q4_absmax)
//   scale[.., g]  = absmax / 7                               (T_q4_scale)
//   packed[.., p] |= q(w[.., 8p + e], scale) << 4e           (T_q4_pack)
//
// q4_dequantize: one spatial block; element k reads word k / 8 and the
// scale of group k / G:
//
//   out[.., k] = ((packed[.., k / 8] >> 4 (k mod 8)) & 15) - 7) * scale
//
// A dequantization whose only use is `relax.matmul %x, (relax.permute_dims
// %w)` becomes one kernel (T_q4_matmul) that dequantizes the weight inside
// the contraction, so the f16 weight never exists in memory:
//
//   out[.., n] += x[.., k] * dequantize(packed[n, k / 8], scale[n, k / G])
//
// f16 and bf16 accumulate in f32 (a kernel-local buffer, then a cast).
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

/// The i32 shift `4 * (k mod 8)` of element `k` (an index) in its word.
Value createNibbleShift(OpBuilder &b, Location loc, Value k) {
  Value inWord = arith::RemUIOp::create(
      b, loc, k, arith::ConstantIndexOp::create(b, loc, 8));
  Value shift = arith::MulIOp::create(
      b, loc, inWord, arith::ConstantIndexOp::create(b, loc, 4));
  return arith::IndexCastOp::create(b, loc, b.getI32Type(), shift);
}

/// `(((word >> shift) & 15) - 7) * scale` in `type`.
Value createDequantized(OpBuilder &b, Location loc, Value word, Value k,
                        Value scale, Type type) {
  Type i32 = b.getI32Type();
  Value nibble = arith::AndIOp::create(
      b, loc,
      arith::ShRUIOp::create(b, loc, word, createNibbleShift(b, loc, k)),
      arith::ConstantIntOp::create(b, loc, i32, 15));
  Value centered = arith::SubIOp::create(
      b, loc, nibble, arith::ConstantIntOp::create(b, loc, i32, 7));
  Value value = arith::SIToFPOp::create(b, loc, type, centered);
  return arith::MulFOp::create(b, loc, value,
                               createFloatCast(b, loc, scale, type));
}

/// Fails with a reason unless `lhs` and `rhs` (element counts along the
/// quantized axis) are provably equal: the kernels cover `rhs` elements.
LogicalResult checkProvablyEqual(PatternRewriter &rewriter, Operation *op,
                                 sym::Expr lhs, sym::Expr rhs, StringRef what) {
  if (lhs && rhs &&
      (lhs == rhs ||
       relax::getAnalyzerFor(op).proveEqual(lhs, rhs) == sym::Proof::True))
    return success();
  return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
    diag << what << " (" << (lhs ? lhs.str() : "?") << " and "
         << (rhs ? rhs.str() : "?")
         << ") are not provably equal; relax.sym_divisible or "
            "relax.match_cast can establish it";
  });
}

/// `d0 .. d<count-1>`.
SmallVector<AffineExpr> getDims(MLIRContext *ctx, unsigned count) {
  return getIdentityIndices(ctx, 0, count);
}

//===----------------------------------------------------------------------===//
// q4_quantize
//===----------------------------------------------------------------------===//

class Q4QuantizePattern : public LegalizePattern<relax::Q4QuantizeOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::Q4QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType weight = op.getWeight().getType();
    int64_t group = op.getGroupSize();
    sym::Expr k = weight.getDims().back();
    sym::Expr groups = op.getScale().getType().getDims().back();
    if (failed(checkProvablyEqual(rewriter, op, k,
                                  groups ? groups * group : sym::Expr(),
                                  "the last dimension and the elements of "
                                  "whole groups")))
      return failure();
    KernelSignature signature(
        {weight}, {op.getPacked().getType(), op.getScale().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "q4_quantize",
        "group=" + std::to_string(group), [&](KernelBuilder &builder) {
          buildKernel(builder, weight.getNumDims(), group,
                      weight.getElementType());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, unsigned rank, int64_t group,
                          Type element) {
    MLIRContext *ctx = builder.getContext();
    Type compute = getAccumulationType(element);
    unsigned last = rank - 1;
    SmallVector<Value> groupExtents;
    SmallVector<IterVar> groupIters, packIters;
    for (unsigned dim = 0; dim < rank; ++dim) {
      groupExtents.push_back(builder.getOutputDim(1, dim));
      groupIters.push_back({tir::IterKind::Spatial, groupExtents.back()});
      packIters.push_back(
          {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
    }
    SmallVector<IterVar> absmaxIters(groupIters);
    absmaxIters.push_back(
        {tir::IterKind::Reduce, builder.getIndexConstant(group)});
    packIters.push_back({tir::IterKind::Reduce, builder.getIndexConstant(8)});
    Value absmax = builder.allocBuffer(groupExtents, element);
    Value weight = builder.getInput(0);
    Value packed = builder.getOutput(0), scale = builder.getOutput(1);

    SmallVector<AffineExpr> groupIndices = getDims(ctx, rank);
    AffineExpr e = getAffineDimExpr(rank, ctx);

    // absmax[.., g] = max(absmax, |w[.., g * G + e]|)
    SmallVector<AffineExpr> inGroup(groupIndices);
    inGroup[last] = groupIndices[last] * group + e;
    Access absIn{weight, inGroup};
    Access absOut{absmax, groupIndices};
    builder.buildBlock(
        "T_q4_absmax", absmaxIters, {absIn}, {absOut},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value magnitude = math::AbsFOp::create(b, loc, block.load(absIn));
          block.store(createMax(b, loc, block.load(absOut), magnitude), absOut);
        },
        [&](BlockBuilder &block) {
          block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                           element, 0),
                      absOut);
        });

    // scale[.., g] = absmax / 7
    Access scaleIn{absmax, groupIndices};
    Access scaleOut{scale, groupIndices};
    builder.buildBlock(
        "T_q4_scale", groupIters, {scaleIn}, {scaleOut},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value quotient = arith::DivFOp::create(
              b, loc, createFloatCast(b, loc, block.load(scaleIn), compute),
              createScalarConstant(b, loc, compute, 7));
          block.store(createFloatCast(b, loc, quotient, element), scaleOut);
        });

    // packed[.., p] |= q(w[.., 8p + e]) << 4e
    SmallVector<AffineExpr> inWord(groupIndices);
    inWord[last] = groupIndices[last] * 8 + e;
    SmallVector<AffineExpr> itsScale(groupIndices);
    itsScale[last] = inWord[last].floorDiv(group);
    Access packIn{weight, inWord};
    Access packScale{scale, itsScale};
    Access packOut{packed, groupIndices};
    builder.buildBlock(
        "T_q4_pack", packIters, {packIn, packScale}, {packOut},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value s = createFloatCast(b, loc, block.load(packScale), compute);
          Value w = createFloatCast(b, loc, block.load(packIn), compute);
          Value zero = createScalarConstant(b, loc, compute, 0);
          Value seven = createScalarConstant(b, loc, compute, 7);
          Value rounded = math::RoundEvenOp::create(
              b, loc, arith::DivFOp::create(b, loc, w, s));
          Value clamped = arith::MinimumFOp::create(
              b, loc,
              arith::MaximumFOp::create(
                  b, loc, arith::AddFOp::create(b, loc, rounded, seven), zero),
              createScalarConstant(b, loc, compute, 14));
          // An all-zero group has scale 0: its elements are 0, stored as 7.
          Value isZero =
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, s, zero);
          Value q = arith::FPToSIOp::create(
              b, loc, b.getI32Type(),
              arith::SelectOp::create(b, loc, isZero, seven, clamped));
          Value shifted = arith::ShLIOp::create(
              b, loc, q, createNibbleShift(b, loc, block.index(e)));
          block.store(
              arith::OrIOp::create(b, loc, block.load(packOut), shifted),
              packOut);
        },
        [&](BlockBuilder &block) {
          block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                           block.getBuilder().getI32Type(), 0),
                      packOut);
        });
  }
};

//===----------------------------------------------------------------------===//
// q4_dequantize
//===----------------------------------------------------------------------===//

class Q4DequantizePattern : public LegalizePattern<relax::Q4DequantizeOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::Q4DequantizeOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    int64_t group = op.getGroupSize();
    TensorType result = op.getResult().getType();
    sym::Expr groups = op.getScale().getType().getDims().back();
    if (failed(checkProvablyEqual(rewriter, op, result.getDims().back(),
                                  groups ? groups * group : sym::Expr(),
                                  "the elements of the words and of the "
                                  "groups")))
      return failure();
    KernelSignature signature(
        {op.getPacked().getType(), op.getScale().getType()}, {result});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "q4_dequantize",
        "group=" + std::to_string(group), [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          unsigned rank = result.getNumDims();
          SmallVector<IterVar> iters;
          for (unsigned dim = 0; dim < rank; ++dim)
            iters.push_back(
                {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
          SmallVector<AffineExpr> indices = getDims(ctx, rank);
          SmallVector<AffineExpr> word(indices), itsScale(indices);
          word.back() = indices.back().floorDiv(8);
          itsScale.back() = indices.back().floorDiv(group);
          Access packed{builder.getInput(0), word};
          Access scale{builder.getInput(1), itsScale};
          Access out{builder.getOutput(0), indices};
          Type element = result.getElementType();
          builder.buildBlock(
              "T_q4_dequantize", iters, {packed, scale}, {out},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                Type compute = getAccumulationType(element);
                Value value = createDequantized(b, loc, block.load(packed),
                                                block.index(indices.back()),
                                                block.load(scale), compute);
                block.store(createFloatCast(b, loc, value, element), out);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Dequantization fused into a matmul
//===----------------------------------------------------------------------===//

/// Rooted at the dequantization, which relax-legalize visits first: it
/// replaces the matmul and erases the permute_dims and itself.
class Q4MatmulPattern : public LegalizePattern<relax::Q4DequantizeOp> {
public:
  Q4MatmulPattern(MLIRContext *ctx, LegalizeKernelCache &cache)
      : LegalizePattern(ctx, cache, /*benefit=*/2) {} // Before dequantize's.

  LogicalResult matchAndRewrite(relax::Q4DequantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto permute = dyn_cast_or_null<relax::PermuteDimsOp>(
        op->hasOneUse() ? *op->user_begin() : nullptr);
    if (!permute || !permute->hasOneUse())
      return failure();
    auto matmul = dyn_cast<relax::MatmulOp>(*permute->user_begin());
    TensorType weight = op.getResult().getType();
    if (!matmul || matmul.getRhs() != permute.getResult() ||
        !weight.getRanked() || weight.getNumDims() != 2)
      return failure();
    std::optional<ArrayRef<int64_t>> axes = permute.getAxes();
    if (axes && !(axes->size() == 2 && (*axes)[0] == 1 && (*axes)[1] == 0))
      return failure();
    TensorType lhs = matmul.getLhs().getType();
    if (!lhs.getRanked() || lhs.getElementType() != weight.getElementType() ||
        failed(checkKernelTypes(rewriter, op)) ||
        failed(checkKernelTypes(rewriter, matmul)))
      return failure();
    // The contraction runs over the lhs's last dim and reads the words of
    // k / 8: the two must be provably equal.
    sym::Expr k = weight.getDims()[1], lhsK = lhs.getDims().back();
    if (!lhsK || (lhsK != k && relax::getAnalyzerFor(matmul).proveEqual(
                                   lhsK, k) != sym::Proof::True))
      return rewriter.notifyMatchFailure(op,
                                         "contraction dims not provably equal");

    int64_t group = op.getGroupSize();
    TensorType result = matmul.getResult().getType();
    KernelSignature signature(
        {lhs, op.getPacked().getType(), op.getScale().getType()}, {result});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, matmul, cache, signature, "q4_matmul",
        "group=" + std::to_string(group), [&](KernelBuilder &builder) {
          buildKernel(builder, lhs.getNumDims(), group,
                      result.getElementType());
        });
    SmallVector<Value> operands{matmul.getLhs(), op.getPacked(), op.getScale()};
    auto call = relax::CallTIROp::create(
        rewriter, matmul.getLoc(), TypeRange{result}, kernel, operands,
        signature.getTirVars(rewriter.getContext()));
    rewriter.replaceOp(matmul, call.getResults());
    rewriter.eraseOp(permute);
    rewriter.eraseOp(op);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, unsigned lhsRank,
                          int64_t group, Type element) {
    MLIRContext *ctx = builder.getContext();
    Type acc = getAccumulationType(element);
    // The result is the lhs's dims with its last one replaced by n (or [n]
    // for a vector lhs).
    unsigned rank = builder.getOutputType(0).getNumDims();
    SmallVector<Value> extents;
    SmallVector<IterVar> iters;
    for (unsigned dim = 0; dim < rank; ++dim) {
      extents.push_back(builder.getOutputDim(0, dim));
      iters.push_back({tir::IterKind::Spatial, extents.back()});
    }
    iters.push_back(
        {tir::IterKind::Reduce, builder.getInputDim(0, lhsRank - 1)});
    SmallVector<AffineExpr> outIndices = getDims(ctx, rank);
    AffineExpr n = outIndices.back(), k = getAffineDimExpr(rank, ctx);
    SmallVector<AffineExpr> lhsIndices(outIndices.begin(),
                                       outIndices.end() - 1);
    lhsIndices.push_back(k);
    bool separate = acc != element;
    Value target =
        separate ? builder.allocBuffer(extents, acc) : builder.getOutput(0);
    Access x{builder.getInput(0), lhsIndices};
    Access word{builder.getInput(1), {n, k.floorDiv(8)}};
    Access scale{builder.getInput(2), {n, k.floorDiv(group)}};
    Access out{target, outIndices};
    builder.buildBlock(
        "T_q4_matmul", iters, {x, word, scale}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value w = createDequantized(b, loc, block.load(word), block.index(k),
                                      block.load(scale), acc);
          Value product = arith::MulFOp::create(
              b, loc, createFloatCast(b, loc, block.load(x), acc), w);
          block.store(arith::AddFOp::create(b, loc, block.load(out), product),
                      out);
        },
        [&](BlockBuilder &block) {
          block.store(
              createScalarConstant(block.getBuilder(), block.getLoc(), acc, 0),
              out);
        });
    if (!separate)
      return;
    Access sum{target, outIndices};
    Access result{builder.getOutput(0), outIndices};
    SmallVector<IterVar> spatial(iters.begin(), iters.end() - 1);
    builder.buildBlock(
        "T_q4_matmul_cast", spatial, {sum}, {result}, [&](BlockBuilder &block) {
          block.store(createFloatCast(block.getBuilder(), block.getLoc(),
                                      block.load(sum), element),
                      result);
        });
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeQuantizePatterns(RewritePatternSet &patterns,
                                                LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  patterns.add<Q4QuantizePattern, Q4DequantizePattern, Q4MatmulPattern>(
      patterns.getContext(), cache);
}
