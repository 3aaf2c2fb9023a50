//===- Attention.cpp - Legalize attention and rotary embeddings -----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// relax.attention (BSNH) becomes one kernel of six blocks over kernel-local
// buffers in the accumulation type (f32 for f16 and bf16 operands), `g`
// being the query heads per key/value head:
//
//   score[b, h, i, j] += q[b, i, h, c] * k[b, j, h / g, c] (T_attention_score)
//   max[b, h, i]       = max_j masked(score * scale) (T_attention_max) p[b, h,
//   i, j]      = masked ? 0 : exp(score * scale - max)   (T_attention_exp)
//   sum[b, h, i]      += p[b, h, i, j] (T_attention_sum) acc[b, i, h, c]   +=
//   p[b, h, i, j] * v[b, j, h / g, c]       (T_attention_pv) out[b, i, h, c] =
//   acc / sum[b, h, i]                      (T_attention_norm)
//
// With `causal`, key `j` is masked for query `i` when j > i + t - s.
//
// relax.rope: one spatial block over the input; element `k` of a head reads
// its partner `(k + d/2) mod d`, so the head dim must be a constant.
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

/// The constant of a dim, when it is one.
std::optional<int64_t> getConstantDim(TensorType type, unsigned dim) {
  sym::Expr expr = type.getDims()[dim];
  return expr ? expr.getConstant() : std::nullopt;
}

class AttentionPattern : public LegalizePattern<relax::AttentionOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::AttentionOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType query = op.getQuery().getType(), key = op.getKey().getType();
    TensorType value = op.getValue().getType();
    // Query head h reads key head h / g: g must be a constant (or 1, when
    // both counts are the same expression).
    int64_t group = 1;
    if (query.getDims()[2] != key.getDims()[2]) {
      std::optional<int64_t> heads = getConstantDim(query, 2);
      std::optional<int64_t> kvHeads = getConstantDim(key, 2);
      if (!heads || !kvHeads)
        return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
          diag << "the head counts of query (" << query << ") and key (" << key
               << ") must be constants, or the same, to map query heads to "
                  "key heads";
        });
      group = *heads / *kvHeads;
    }
    std::optional<double> scale;
    if (std::optional<APFloat> attr = op.getScale())
      scale = attr->convertToDouble();
    bool causal = op.getCausal();

    KernelSignature signature({query, key, value}, {op.getResult().getType()});
    std::string attrs =
        llvm::formatv("group={0},scale={1},causal={2}", group,
                      scale ? std::to_string(*scale) : "default", causal)
            .str();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "attention", attrs,
        [&](KernelBuilder &builder) {
          buildKernel(builder, group, scale, causal, query.getElementType());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, int64_t group,
                          std::optional<double> scaleAttr, bool causal,
                          Type element) {
    MLIRContext *ctx = builder.getContext();
    OpBuilder &b = builder.getBuilder();
    Location loc = builder.getLoc();
    Type acc = getAccumulationType(element);
    Value batch = builder.getInputDim(0, 0), seq = builder.getInputDim(0, 1);
    Value heads = builder.getInputDim(0, 2),
          headDim = builder.getInputDim(0, 3);
    Value kvSeq = builder.getInputDim(1, 1);
    Value valueDim = builder.getInputDim(2, 3);
    Value query = builder.getInput(0), key = builder.getInput(1);
    Value value = builder.getInput(2), output = builder.getOutput(0);

    // Values of the prologue (no loop nest exists yet) that the blocks use:
    // the scale, and the offset of the causal mask (t - s).
    Value scale;
    if (scaleAttr) {
      scale = createScalarConstant(b, loc, acc, *scaleAttr);
    } else {
      Value d = arith::SIToFPOp::create(
          b, loc, acc,
          arith::IndexCastOp::create(b, loc, b.getI64Type(), headDim));
      scale = math::RsqrtOp::create(b, loc, d);
    }
    Value maskOffset = arith::SubIOp::create(b, loc, kvSeq, seq);

    Value score = builder.allocBuffer({batch, heads, seq, kvSeq}, acc);
    Value rowMax = builder.allocBuffer({batch, heads, seq}, acc);
    Value probs = builder.allocBuffer({batch, heads, seq, kvSeq}, acc);
    Value rowSum = builder.allocBuffer({batch, heads, seq}, acc);
    Value weighted = builder.allocBuffer({batch, seq, heads, valueDim}, acc);

    auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
    auto spatial = [](Value extent) {
      return IterVar{tir::IterKind::Spatial, extent};
    };
    auto reduce = [](Value extent) {
      return IterVar{tir::IterKind::Reduce, extent};
    };
    auto storeZero = [&](const Access &access) {
      return [&access, acc](BlockBuilder &block) {
        block.store(
            createScalarConstant(block.getBuilder(), block.getLoc(), acc, 0),
            access);
      };
    };
    // Whether key `j` is hidden from query `i` (the causal mask).
    auto isMasked = [&](BlockBuilder &block, AffineExpr i, AffineExpr j) {
      OpBuilder &bb = block.getBuilder();
      Value last =
          arith::AddIOp::create(bb, block.getLoc(), block.index(i), maskOffset);
      return arith::CmpIOp::create(
          bb, block.getLoc(), arith::CmpIPredicate::sgt, block.index(j), last);
    };

    // score[b, h, i, j] += q[b, i, h, c] * k[b, j, h / g, c]
    Access scoreQ{query, {d(0), d(2), d(1), d(4)}};
    Access scoreK{key, {d(0), d(3), d(1).floorDiv(group), d(4)}};
    Access scoreOut{score, {d(0), d(1), d(2), d(3)}};
    builder.buildBlock(
        "T_attention_score",
        {spatial(batch), spatial(heads), spatial(seq), spatial(kvSeq),
         reduce(headDim)},
        {scoreQ, scoreK}, {scoreOut},
        [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          Value product = arith::MulFOp::create(
              bb, l, createFloatCast(bb, l, block.load(scoreQ), acc),
              createFloatCast(bb, l, block.load(scoreK), acc));
          block.store(
              arith::AddFOp::create(bb, l, block.load(scoreOut), product),
              scoreOut);
        },
        storeZero(scoreOut));

    // max[b, h, i] = max_j masked(score * scale)
    Access maxIn{score, {d(0), d(1), d(2), d(3)}};
    Access maxOut{rowMax, {d(0), d(1), d(2)}};
    builder.buildBlock(
        "T_attention_max",
        {spatial(batch), spatial(heads), spatial(seq), reduce(kvSeq)}, {maxIn},
        {maxOut},
        [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          Value scaled = arith::MulFOp::create(bb, l, block.load(maxIn), scale);
          if (causal)
            scaled = arith::SelectOp::create(bb, l, isMasked(block, d(2), d(3)),
                                             createLowest(bb, l, acc), scaled);
          block.store(createMax(bb, l, block.load(maxOut), scaled), maxOut);
        },
        [&](BlockBuilder &block) {
          block.store(createLowest(block.getBuilder(), block.getLoc(), acc),
                      maxOut);
        });

    // p[b, h, i, j] = masked ? 0 : exp(score * scale - max)
    Access expIn{score, {d(0), d(1), d(2), d(3)}};
    Access expMax{rowMax, {d(0), d(1), d(2)}};
    Access expOut{probs, {d(0), d(1), d(2), d(3)}};
    builder.buildBlock(
        "T_attention_exp",
        {spatial(batch), spatial(heads), spatial(seq), spatial(kvSeq)},
        {expIn, expMax}, {expOut}, [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          Value scaled = arith::MulFOp::create(bb, l, block.load(expIn), scale);
          Value p = math::ExpOp::create(
              bb, l, arith::SubFOp::create(bb, l, scaled, block.load(expMax)));
          if (causal)
            p = arith::SelectOp::create(bb, l, isMasked(block, d(2), d(3)),
                                        createScalarConstant(bb, l, acc, 0), p);
          block.store(p, expOut);
        });

    // sum[b, h, i] += p[b, h, i, j]
    Access sumIn{probs, {d(0), d(1), d(2), d(3)}};
    Access sumOut{rowSum, {d(0), d(1), d(2)}};
    builder.buildBlock(
        "T_attention_sum",
        {spatial(batch), spatial(heads), spatial(seq), reduce(kvSeq)}, {sumIn},
        {sumOut},
        [&](BlockBuilder &block) {
          block.store(arith::AddFOp::create(block.getBuilder(), block.getLoc(),
                                            block.load(sumOut),
                                            block.load(sumIn)),
                      sumOut);
        },
        storeZero(sumOut));

    // acc[b, i, h, c] += p[b, h, i, j] * v[b, j, h / g, c]
    Access pvP{probs, {d(0), d(2), d(1), d(4)}};
    Access pvV{value, {d(0), d(4), d(2).floorDiv(group), d(3)}};
    Access pvOut{weighted, {d(0), d(1), d(2), d(3)}};
    builder.buildBlock(
        "T_attention_pv",
        {spatial(batch), spatial(seq), spatial(heads), spatial(valueDim),
         reduce(kvSeq)},
        {pvP, pvV}, {pvOut},
        [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          Value product = arith::MulFOp::create(
              bb, l, block.load(pvP),
              createFloatCast(bb, l, block.load(pvV), acc));
          block.store(arith::AddFOp::create(bb, l, block.load(pvOut), product),
                      pvOut);
        },
        storeZero(pvOut));

    // out[b, i, h, c] = acc / sum[b, h, i]
    Access normAcc{weighted, {d(0), d(1), d(2), d(3)}};
    Access normSum{rowSum, {d(0), d(2), d(1)}};
    Access normOut{output, {d(0), d(1), d(2), d(3)}};
    builder.buildBlock(
        "T_attention_norm",
        {spatial(batch), spatial(seq), spatial(heads), spatial(valueDim)},
        {normAcc, normSum}, {normOut}, [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          Value result = arith::DivFOp::create(bb, l, block.load(normAcc),
                                               block.load(normSum));
          if (result.getType() != element)
            result = arith::TruncFOp::create(bb, l, element, result);
          block.store(result, normOut);
        });
  }
};

class RopePattern : public LegalizePattern<relax::RopeOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::RopeOp op,
                                PatternRewriter &rewriter) const override {
    TensorType input = op.getInput().getType();
    TensorType positions = op.getPositions().getType();
    // The positions are only converted to floats.
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    std::optional<int64_t> headDim =
        input.getRanked() ? getConstantDim(input, 3) : std::nullopt;
    if (!headDim)
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "the head dim of " << input
             << " must be a constant (each element reads its partner at "
                "(k + d/2) mod d)";
      });
    double theta = op.getTheta().convertToDouble();
    KernelSignature signature({input, positions}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "rope",
        llvm::formatv("theta={0}", theta).str(), [&](KernelBuilder &builder) {
          buildKernel(builder, *headDim, theta, input.getElementType());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, int64_t headDim, double theta,
                          Type element) {
    MLIRContext *ctx = builder.getContext();
    // f64 inputs rotate in f64; the others in f32.
    Type compute = getAccumulationType(element);
    auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
    int64_t half = headDim / 2;
    SmallVector<IterVar> iterVars;
    for (unsigned dim = 0; dim < 4; ++dim)
      iterVars.push_back({tir::IterKind::Spatial, builder.getInputDim(0, dim)});
    Access x{builder.getInput(0), {d(0), d(1), d(2), d(3)}};
    Access partner{builder.getInput(0),
                   {d(0), d(1), d(2), (d(3) + half) % headDim}};
    Access position{builder.getInput(1), {d(1)}};
    Access out{builder.getOutput(0), {d(0), d(1), d(2), d(3)}};
    builder.buildBlock(
        "T_rope", iterVars, {x, partner, position}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value k = block.index(d(3));
          Value halfIndex = arith::ConstantIndexOp::create(b, loc, half);
          Value second = arith::CmpIOp::create(
              b, loc, arith::CmpIPredicate::sge, k, halfIndex);
          // The frequency index: k mod d/2, as a float.
          Value pair = arith::RemUIOp::create(b, loc, k, halfIndex);
          Value pairF = arith::SIToFPOp::create(
              b, loc, compute,
              arith::IndexCastOp::create(b, loc, b.getI64Type(), pair));
          // f = theta ^ (-2 pair / d) = exp(pair * (-2 ln(theta) / d))
          Value frequency = math::ExpOp::create(
              b, loc,
              arith::MulFOp::create(
                  b, loc, pairF,
                  createScalarConstant(b, loc, compute,
                                       -2.0 * std::log(theta) / headDim)));
          Value pos = block.load(position);
          Value posF = arith::SIToFPOp::create(b, loc, compute, pos);
          Value angle = arith::MulFOp::create(b, loc, posF, frequency);
          Value cos = math::CosOp::create(b, loc, angle);
          Value sin = math::SinOp::create(b, loc, angle);
          Value value = createFloatCast(b, loc, block.load(x), compute);
          Value other = createFloatCast(b, loc, block.load(partner), compute);
          // First half: x cos - partner sin; second: x cos + partner sin.
          Value rotated = arith::MulFOp::create(b, loc, other, sin);
          Value signedRotated = arith::SelectOp::create(
              b, loc, second, rotated, arith::NegFOp::create(b, loc, rotated));
          Value result = arith::AddFOp::create(
              b, loc, arith::MulFOp::create(b, loc, value, cos), signedRotated);
          if (result.getType() != element)
            result = arith::TruncFOp::create(b, loc, element, result);
          block.store(result, out);
        });
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeAttentionPatterns(RewritePatternSet &patterns,
                                                 LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  patterns.add<AttentionPattern, RopePattern>(patterns.getContext(), cache);
}
