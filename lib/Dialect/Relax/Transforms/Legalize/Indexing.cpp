//===- Indexing.cpp - Legalize the copies by index arithmetic -------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// broadcast_to, concat, flip, tril/triu, tile, repeat, strided_slice, take
// and one_hot. Each is one spatial block per output (concat: per input)
// whose read indices are affine in the iteration variables and region
// symbols (prologue values such as a symbolic dim or a slice start):
//
//   flip:          out[.., i, ..]          = in[.., s0 - 1 - i, ..]
//   concat:        out[.., i + s_k, ..]    = in_k[.., i, ..]   (s_k: offset)
//   tile:          out[.., r * s0 + i, ..] = in[.., i, ..]     (r < repeats)
//   repeat:        out[.., i * R + r, ..]  = in[.., i, ..]     (r < R)
//   strided_slice: out[.., i, ..]          = in[.., s0 + i * stride, ..]
//   take:          out[.., j.., ..]        = in[.., idx[j..], ..]
//
// take reads a data-dependent row, so its region covers the whole axis
// (extent s0), and the index is wrapped once and clamped into the axis.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;

namespace mlc::legalize {
namespace {

/// Spatial iteration variables over every dim of output `index`.
SmallVector<IterVar> getSpatialIterVars(KernelBuilder &kernel,
                                        unsigned index = 0) {
  SmallVector<IterVar> iterVars;
  for (unsigned dim = 0, e = kernel.getOutputType(index).getNumDims(); dim < e;
       ++dim)
    iterVars.push_back(
        {tir::IterKind::Spatial, kernel.getOutputDim(index, dim)});
  return iterVars;
}

/// The checks of a copy along one axis of the first operand: any element
/// type, and the axis normalized into [0, rank).
FailureOr<int64_t> checkAxisCopy(PatternRewriter &rewriter, Operation *op,
                                 int64_t axis) {
  if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
    return failure();
  int64_t rank = cast<TensorType>(op->getOperand(0).getType()).getNumDims();
  FailureOr<std::optional<int64_t>> normalized =
      normalizeOptionalAxis(rewriter, op, axis, rank);
  if (failed(normalized))
    return failure();
  return **normalized;
}

/// A copy of each output element from the input element at `inIndices`
/// (over the output's iteration variables and `symbols`).
void buildCopy(KernelBuilder &builder, StringRef name,
               ArrayRef<AffineExpr> inIndices, ValueRange symbols = {}) {
  MLIRContext *ctx = builder.getContext();
  unsigned rank = builder.getOutputType(0).getNumDims();
  Access in{builder.getInput(0), SmallVector<AffineExpr>(inIndices)};
  Access out{builder.getOutput(0), getIdentityIndices(ctx, 0, rank)};
  builder.buildBlock(
      name, getSpatialIterVars(builder), {in}, {out},
      [&](BlockBuilder &block) { block.store(block.load(in), out); }, {},
      symbols);
}

//===----------------------------------------------------------------------===//
// broadcast_to, flip, tril/triu
//===----------------------------------------------------------------------===//

class BroadcastToPattern : public LegalizePattern<relax::BroadcastToOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::BroadcastToOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    TensorType input = op.getInput().getType();
    TensorType result = op.getResult().getType();
    // The caller's names in the reason; the indices are positional.
    FailureOr<SmallVector<AffineExpr>> indices = getBroadcastIndices(
        rewriter, op, input.getDims(), result.getDims(), 0, "input");
    KernelSignature signature({input}, {result});
    if (failed(indices))
      return failure();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "broadcast_to", "",
        [&](KernelBuilder &builder) {
          buildCopy(builder, "T_broadcast_to", *indices);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

class FlipPattern : public LegalizePattern<relax::FlipOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::FlipOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<int64_t> axis = checkAxisCopy(rewriter, op, op.getAxis());
    if (failed(axis))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t rank = input.getNumDims();
    KernelSignature signature({input}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "flip", "axis=" + std::to_string(*axis),
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
          indices[*axis] = getAffineSymbolExpr(0, ctx) - 1 - indices[*axis];
          buildCopy(builder, "T_flip", indices,
                    {builder.getInputDim(0, *axis)});
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

/// tril (`keepBelow`) and triu: `j - i <= k` (or `>= k`) keeps the element.
template <typename OpTy, bool keepBelow>
class TrianglePattern : public LegalizePattern<OpTy> {
public:
  using LegalizePattern<OpTy>::LegalizePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    // The kernel stores the elements or a zero of their type (false for
    // booleans): a copy, so every element type.
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t k = op.getK();
    KernelSignature signature({input}, {op.getResult().getType()});
    StringRef name = getKernelBaseName<OpTy>();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name, "k=" + std::to_string(k),
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          unsigned rank = input.getNumDims();
          SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
          Access in{builder.getInput(0), indices};
          Access out{builder.getOutput(0), indices};
          builder.buildBlock(
              ("T_" + name).str(), getSpatialIterVars(builder), {in}, {out},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                // j - i compared with k, on index values.
                Value diff = arith::SubIOp::create(
                    b, loc, block.index(indices[rank - 1]),
                    block.index(indices[rank - 2]));
                Value keep = arith::CmpIOp::create(
                    b, loc,
                    keepBelow ? arith::CmpIPredicate::sle
                              : arith::CmpIPredicate::sge,
                    diff, arith::ConstantIndexOp::create(b, loc, k));
                Value x = block.load(in);
                Value zero = createScalarConstant(b, loc, x.getType(), 0);
                block.store(arith::SelectOp::create(b, loc, keep, x, zero),
                            out);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// concat, tile, repeat
//===----------------------------------------------------------------------===//

class ConcatPattern : public LegalizePattern<relax::ConcatOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::ConcatOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<int64_t> axis = checkAxisCopy(rewriter, op, op.getAxis());
    if (failed(axis))
      return failure();
    SmallVector<TensorType> inputs;
    for (Value input : op.getInputs())
      inputs.push_back(cast<TensorType>(input.getType()));
    int64_t rank = inputs.front().getNumDims();
    KernelSignature signature(inputs, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "concat",
        "axis=" + std::to_string(*axis), [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          sym::Context &symbols = relax::RelaxDialect::getSymContext(ctx);
          sym::Expr offset = symbols.constant(0);
          // Input k fills [offset_k, offset_k + its dim) of the axis.
          for (unsigned k = 0, e = inputs.size(); k < e; ++k) {
            SmallVector<IterVar> iterVars;
            for (int64_t dim = 0; dim < rank; ++dim)
              iterVars.push_back(
                  {tir::IterKind::Spatial, builder.getInputDim(k, dim)});
            SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
            SmallVector<AffineExpr> outIndices(indices);
            outIndices[*axis] = indices[*axis] + getAffineSymbolExpr(0, ctx);
            Access in{builder.getInput(k), indices};
            Access out{builder.getOutput(0), outIndices};
            builder.buildBlock(
                "T_concat", iterVars, {in}, {out},
                [&](BlockBuilder &block) { block.store(block.load(in), out); },
                {}, {builder.materialize(offset)});
            offset = offset + builder.getInputType(k).getDims()[*axis];
          }
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

class TilePattern : public LegalizePattern<relax::TileOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::TileOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    TensorType input = op.getInput().getType();
    TensorType result = op.getResult().getType();
    int64_t rank = result.getNumDims();
    int64_t padding = rank - input.getNumDims();
    // The repeats per result dim, 1s prepended.
    SmallVector<int64_t> repeats(rank - op.getRepeats().size(), 1);
    llvm::append_range(repeats, op.getRepeats());
    KernelSignature signature({input}, {result});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "tile",
        "repeats=" + formatAxes(repeats), [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          // Per result dim: the repeat (outer) and the input position.
          SmallVector<IterVar> iterVars;
          SmallVector<AffineExpr> inIndices, outIndices;
          SmallVector<Value> symbols;
          for (int64_t dim = 0; dim < rank; ++dim) {
            AffineExpr repeat = getAffineDimExpr(2 * dim, ctx);
            AffineExpr position = getAffineDimExpr(2 * dim + 1, ctx);
            Value extent = dim < padding
                               ? builder.getIndexConstant(1)
                               : builder.getInputDim(0, dim - padding);
            iterVars.push_back({tir::IterKind::Spatial,
                                builder.getIndexConstant(repeats[dim])});
            iterVars.push_back({tir::IterKind::Spatial, extent});
            outIndices.push_back(
                repeat * getAffineSymbolExpr(symbols.size(), ctx) + position);
            symbols.push_back(extent);
            if (dim >= padding)
              inIndices.push_back(position);
          }
          Access in{builder.getInput(0), inIndices};
          Access out{builder.getOutput(0), outIndices};
          builder.buildBlock(
              "T_tile", iterVars, {in}, {out},
              [&](BlockBuilder &block) { block.store(block.load(in), out); },
              {}, symbols);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

class RepeatPattern : public LegalizePattern<relax::RepeatOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::RepeatOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<int64_t> axis = checkAxisCopy(rewriter, op, op.getAxis());
    if (failed(axis))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t rank = input.getNumDims();
    int64_t repeats = op.getRepeats();
    KernelSignature signature({input}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "repeat",
        "axis=" + std::to_string(*axis) + ",repeats=" + std::to_string(repeats),
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          // The input's dims, then the copy number along the axis.
          SmallVector<IterVar> iterVars;
          for (int64_t dim = 0; dim < rank; ++dim)
            iterVars.push_back(
                {tir::IterKind::Spatial, builder.getInputDim(0, dim)});
          iterVars.push_back(
              {tir::IterKind::Spatial, builder.getIndexConstant(repeats)});
          SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
          SmallVector<AffineExpr> outIndices(indices);
          outIndices[*axis] =
              indices[*axis] * repeats + getAffineDimExpr(rank, ctx);
          Access in{builder.getInput(0), indices};
          Access out{builder.getOutput(0), outIndices};
          builder.buildBlock(
              "T_repeat", iterVars, {in}, {out},
              [&](BlockBuilder &block) { block.store(block.load(in), out); });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// strided_slice
//===----------------------------------------------------------------------===//

class StridedSlicePattern : public LegalizePattern<relax::StridedSliceOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::StridedSliceOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    TensorType input = op.getInput().getType();
    int64_t rank = input.getNumDims();
    FailureOr<SmallVector<int64_t>> axes =
        relax::normalizeAxes(op.getAxes(), rank);
    if (failed(axes))
      return rewriter.notifyMatchFailure(op, "invalid axes");
    SmallVector<int64_t> strides(axes->size(), 1);
    if (std::optional<ArrayRef<int64_t>> given = op.getStrides())
      strides.assign(given->begin(), given->end());
    // The bounds travel as the signature's extras: symbolic ones become
    // kernel parameters, and the kernel is keyed by their renamed form.
    ArrayRef<sym::Expr> begin = op.getBegin().getDims(),
                        end = op.getEnd().getDims();
    SmallVector<sym::Expr> bounds(begin);
    llvm::append_range(bounds, end);
    KernelSignature signature({input}, {op.getResult().getType()}, bounds);
    std::string attrs =
        "axes=" + formatAxes(*axes) + ",strides=" + formatAxes(strides);
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "strided_slice", attrs,
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
          SmallVector<Value> symbols;
          ArrayRef<sym::Expr> dims = builder.getInputType(0).getDims();
          ArrayRef<sym::Expr> renamed = signature.getExtras();
          size_t count = axes->size();
          for (auto [index, axis] : llvm::enumerate(*axes)) {
            relax::SliceBounds slice =
                relax::getSliceBounds(dims[axis], renamed[index],
                                      renamed[count + index], strides[index]);
            indices[axis] = getAffineSymbolExpr(symbols.size(), ctx) +
                            indices[axis] * slice.stride;
            symbols.push_back(builder.materialize(slice.start));
          }
          buildCopy(builder, "T_strided_slice", indices, symbols);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// take, one_hot
//===----------------------------------------------------------------------===//

/// `index` (an integer) wrapped once when negative and clamped into
/// [0, extent), as an `index` value.
Value createClampedIndex(OpBuilder &b, Location loc, Value index,
                         Value extent) {
  Value asIndex = arith::IndexCastOp::create(b, loc, b.getIndexType(), index);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, asIndex, zero);
  Value wrapped = arith::SelectOp::create(
      b, loc, negative, arith::AddIOp::create(b, loc, asIndex, extent),
      asIndex);
  Value last = arith::SubIOp::create(b, loc, extent,
                                     arith::ConstantIndexOp::create(b, loc, 1));
  return arith::MaxSIOp::create(
      b, loc, arith::MinSIOp::create(b, loc, wrapped, last), zero);
}

class TakePattern : public LegalizePattern<relax::TakeOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::TakeOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<int64_t> axis = checkAxisCopy(rewriter, op, op.getAxis());
    if (failed(axis))
      return failure();
    TensorType input = op.getInput().getType();
    TensorType indices = op.getIndices().getType();
    int64_t rank = input.getNumDims();
    KernelSignature signature({input, indices}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "take", "axis=" + std::to_string(*axis),
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          int64_t numIndexDims = indices.getNumDims();
          unsigned resultRank = builder.getOutputType(0).getNumDims();
          SmallVector<AffineExpr> out = getIdentityIndices(ctx, 0, resultRank);
          ArrayRef<AffineExpr> outRef(out);
          // The row the indices select may be any: the region is the axis.
          SmallVector<AffineExpr> inStart(outRef.take_front(*axis));
          inStart.push_back(getAffineConstantExpr(0, ctx));
          llvm::append_range(inStart, outRef.drop_front(*axis + numIndexDims));
          SmallVector<AffineExpr> inExtents(rank,
                                            getAffineConstantExpr(1, ctx));
          inExtents[*axis] = getAffineSymbolExpr(0, ctx);
          Value extent = builder.getInputDim(0, *axis);
          Access in{builder.getInput(0), inStart, inExtents};
          Access idx{builder.getInput(1), SmallVector<AffineExpr>(outRef.slice(
                                              *axis, numIndexDims))};
          Access result{builder.getOutput(0), out};
          builder.buildBlock(
              "T_take", getSpatialIterVars(builder), {in, idx}, {result},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                SmallVector<Value> at = llvm::map_to_vector(
                    inStart, [&](AffineExpr e) { return block.index(e); });
                at[*axis] = createClampedIndex(b, loc, block.load(idx), extent);
                block.store(block.loadAt(in, at), result);
              },
              {}, {extent});
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

class OneHotPattern : public LegalizePattern<relax::OneHotOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::OneHotOp op,
                                PatternRewriter &rewriter) const override {
    // The result is stored, the indices compared.
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType indices = op.getIndices().getType();
    double on = op.getOnValue().convertToDouble();
    double off = op.getOffValue().convertToDouble();
    KernelSignature signature({indices}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "one_hot",
        "on=" + std::to_string(on) + ",off=" + std::to_string(off),
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          unsigned rank = builder.getOutputType(0).getNumDims();
          SmallVector<AffineExpr> out = getIdentityIndices(ctx, 0, rank);
          Access idx{builder.getInput(0),
                     SmallVector<AffineExpr>(ArrayRef(out).drop_back())};
          Access result{builder.getOutput(0), out};
          Type element = builder.getOutputType(0).getElementType();
          builder.buildBlock(
              "T_one_hot", getSpatialIterVars(builder), {idx}, {result},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                Value value = block.load(idx);
                Value column = arith::IndexCastOp::create(
                    b, loc, value.getType(), block.index(out.back()));
                Value hot = arith::CmpIOp::create(
                    b, loc, arith::CmpIPredicate::eq, value, column);
                block.store(arith::SelectOp::create(
                                b, loc, hot,
                                createScalarConstant(b, loc, element, on),
                                createScalarConstant(b, loc, element, off)),
                            result);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// pad
//===----------------------------------------------------------------------===//

/// The source index of padded index `i` along a dim of `extent` with
/// `before` elements before it, as `mode` maps it; the result is clamped
/// into [0, extent) (a constant pad selects its value where `i` is outside).
Value createPadSource(OpBuilder &b, Location loc, Value i, int64_t before,
                      Value extent, relax::PadMode mode) {
  Value j = arith::SubIOp::create(
      b, loc, i, arith::ConstantIndexOp::create(b, loc, before));
  if (mode == relax::PadMode::reflect) {
    // -j before the start, 2 (extent - 1) - j past the end.
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value negated = arith::SubIOp::create(b, loc, zero, j);
    j = arith::SelectOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, j, zero),
        negated, j);
    Value last = arith::SubIOp::create(
        b, loc, extent, arith::ConstantIndexOp::create(b, loc, 1));
    Value mirrored = arith::SubIOp::create(
        b, loc, arith::AddIOp::create(b, loc, last, last), j);
    j = arith::SelectOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, j, last),
        mirrored, j);
  }
  Value last = arith::SubIOp::create(b, loc, extent,
                                     arith::ConstantIndexOp::create(b, loc, 1));
  return arith::MaxSIOp::create(b, loc, arith::MinSIOp::create(b, loc, j, last),
                                arith::ConstantIndexOp::create(b, loc, 0));
}

class PadPattern : public LegalizePattern<relax::PadOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::PadOp op,
                                PatternRewriter &rewriter) const override {
    relax::PadMode mode = op.getMode();
    // A constant pad stores its value: the element type must be one the
    // scalar helpers make constants of.
    if (failed(
            checkKernelTypes(rewriter, op, mode == relax::PadMode::constant)))
      return failure();
    TensorType input = op.getInput().getType();
    ArrayRef<int64_t> widths = op.getPadWidth();
    double value = op.getValue().convertToDouble();
    KernelSignature signature({input}, {op.getResult().getType()});
    std::string attrs = "widths=" + formatAxes(widths) +
                        ",mode=" + relax::stringifyPadMode(mode).str() +
                        ",value=" + std::to_string(value);
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "pad", attrs,
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          unsigned rank = input.getNumDims();
          SmallVector<AffineExpr> out = getIdentityIndices(ctx, 0, rank);
          // The read may be anywhere in the input: its region is all of it.
          SmallVector<Value> extents;
          SmallVector<AffineExpr> starts, sizes;
          for (unsigned dim = 0; dim < rank; ++dim) {
            extents.push_back(builder.getInputDim(0, dim));
            starts.push_back(getAffineConstantExpr(0, ctx));
            sizes.push_back(getAffineSymbolExpr(dim, ctx));
          }
          Access in{builder.getInput(0), starts, sizes};
          Access result{builder.getOutput(0), out};
          SmallVector<IterVar> iterVars;
          for (unsigned dim = 0; dim < rank; ++dim)
            iterVars.push_back(
                {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
          builder.buildBlock(
              "T_pad", iterVars, {in}, {result},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                SmallVector<Value> at;
                Value inside;
                for (unsigned dim = 0; dim < rank; ++dim) {
                  Value i = block.index(out[dim]);
                  at.push_back(createPadSource(b, loc, i, widths[2 * dim],
                                               extents[dim], mode));
                  if (mode != relax::PadMode::constant)
                    continue;
                  Value j = arith::SubIOp::create(
                      b, loc, i,
                      arith::ConstantIndexOp::create(b, loc, widths[2 * dim]));
                  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
                  Value ok = arith::AndIOp::create(
                      b, loc,
                      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge,
                                            j, zero),
                      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                            j, extents[dim]));
                  inside =
                      inside ? arith::AndIOp::create(b, loc, inside, ok) : ok;
                }
                Value x = block.loadAt(in, at);
                if (inside)
                  x = arith::SelectOp::create(
                      b, loc, inside, x,
                      createScalarConstant(b, loc, x.getType(), value));
                block.store(x, result);
              },
              {}, extents);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// split
//===----------------------------------------------------------------------===//

/// One block per part, copying from the input at the part's offset along
/// the axis (a region symbol).
class SplitPattern : public LegalizePattern<relax::SplitOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::SplitOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<int64_t> axis = checkAxisCopy(rewriter, op, op.getAxis());
    if (failed(axis))
      return failure();
    TensorType input = op.getInput().getType();
    SmallVector<TensorType> parts;
    for (Value output : op.getOutputs())
      parts.push_back(cast<TensorType>(output.getType()));
    KernelSignature signature({input}, parts);
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "split",
        "axis=" + std::to_string(*axis), [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          sym::Context &symbols = relax::RelaxDialect::getSymContext(ctx);
          unsigned rank = input.getNumDims();
          sym::Expr offset = symbols.constant(0);
          for (unsigned part = 0; part < parts.size(); ++part) {
            SmallVector<IterVar> iterVars;
            for (unsigned dim = 0; dim < rank; ++dim)
              iterVars.push_back(
                  {tir::IterKind::Spatial, builder.getOutputDim(part, dim)});
            SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
            SmallVector<AffineExpr> inIndices(indices);
            inIndices[*axis] = indices[*axis] + getAffineSymbolExpr(0, ctx);
            Access in{builder.getInput(0), inIndices};
            Access out{builder.getOutput(part), indices};
            builder.buildBlock(
                "T_split", iterVars, {in}, {out},
                [&](BlockBuilder &block) { block.store(block.load(in), out); },
                {}, {builder.materialize(offset)});
            offset = offset + builder.getOutputType(part).getDims()[*axis];
          }
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// gather_elements, scatter_elements, gather_nd
//===----------------------------------------------------------------------===//

/// An access to all of `buffer` along `dims` (extents s0, s1, ...), at
/// `indices` elsewhere: the region of a data-dependent read or write.
Access getWholeDims(KernelBuilder &builder, Value buffer,
                    ArrayRef<AffineExpr> indices, ArrayRef<unsigned> dims) {
  MLIRContext *ctx = builder.getContext();
  SmallVector<AffineExpr> starts(indices),
      extents(indices.size(), getAffineConstantExpr(1, ctx));
  for (auto [symbol, dim] : llvm::enumerate(dims)) {
    starts[dim] = getAffineConstantExpr(0, ctx);
    extents[dim] = getAffineSymbolExpr(symbol, ctx);
  }
  return {buffer, starts, extents};
}

/// gather_elements (`scatter` false) and scatter_elements: one block over
/// the indices whose input (output) position along the axis comes from
/// them. The scatter copies the input first; its block's variables are
/// opaque, so no schedule runs it in parallel (duplicate indices: the last
/// wins).
template <typename OpTy, bool scatter>
class ElementsPattern : public LegalizePattern<OpTy> {
public:
  using LegalizePattern<OpTy>::LegalizePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    FailureOr<int64_t> axis = checkAxisCopy(rewriter, op, op.getAxis());
    if (failed(axis))
      return failure();
    SmallVector<TensorType> inputs = getOperandTypes(op);
    KernelSignature signature(inputs, {op.getResult().getType()});
    StringRef name = getKernelBaseName<OpTy>();
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name,
        "axis=" + std::to_string(*axis), [&](KernelBuilder &builder) {
          buildKernel(builder, ("T_" + name).str(), *axis);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, const std::string &name,
                          unsigned axis) {
    MLIRContext *ctx = builder.getContext();
    unsigned rank = builder.getInputType(0).getNumDims();
    SmallVector<AffineExpr> identity = getIdentityIndices(ctx, 0, rank);
    Value extent = builder.getInputDim(0, axis);
    Value data = scatter ? builder.getOutput(0) : builder.getInput(0);
    if (scatter) {
      SmallVector<IterVar> copyVars;
      for (unsigned dim = 0; dim < rank; ++dim)
        copyVars.push_back(
            {tir::IterKind::Spatial, builder.getInputDim(0, dim)});
      Access in{builder.getInput(0), identity};
      Access out{data, identity};
      builder.buildBlock(
          name + "_copy", copyVars, {in}, {out},
          [&](BlockBuilder &block) { block.store(block.load(in), out); });
    }
    SmallVector<IterVar> iterVars;
    for (unsigned dim = 0; dim < rank; ++dim)
      iterVars.push_back(
          {scatter ? tir::IterKind::Opaque : tir::IterKind::Spatial,
           builder.getInputDim(1, dim)});
    Access idx{builder.getInput(1), identity};
    Access whole = getWholeDims(builder, data, identity, {axis});
    SmallVector<Access> reads{idx};
    Access updates{scatter ? builder.getInput(2) : Value(), identity};
    Access result{builder.getOutput(0), identity};
    if (scatter)
      reads.push_back(updates);
    else
      reads.push_back(whole);
    builder.buildBlock(
        name, iterVars, reads, {scatter ? whole : result},
        [&](BlockBuilder &block) {
          SmallVector<Value> at = llvm::map_to_vector(
              identity, [&](AffineExpr e) { return block.index(e); });
          at[axis] = createClampedIndex(block.getBuilder(), block.getLoc(),
                                        block.load(idx), extent);
          if (scatter)
            memref::StoreOp::create(block.getBuilder(), block.getLoc(),
                                    block.load(updates), data, at);
          else
            block.store(block.loadAt(whole, at), result);
        },
        {}, {extent});
  }
};

/// gather_nd: one block over the result; the first m input coordinates
/// come from the index tuple (m loads), the rest from the result's.
class GatherNDPattern : public LegalizePattern<relax::GatherNDOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::GatherNDOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op, /*computes=*/false)))
      return failure();
    TensorType input = op.getInput().getType();
    TensorType indices = op.getIndices().getType();
    int64_t m = *indices.getDims().back().getConstant();
    KernelSignature signature({input, indices}, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "gather_nd", "",
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          unsigned rank = builder.getOutputType(0).getNumDims();
          unsigned batch = indices.getNumDims() - 1;
          unsigned inRank = input.getNumDims();
          SmallVector<AffineExpr> out = getIdentityIndices(ctx, 0, rank);
          // The input's region: its first m dims whole, the rest at the
          // result's trailing coordinates.
          SmallVector<AffineExpr> inIndices(m, getAffineConstantExpr(0, ctx));
          llvm::append_range(inIndices, ArrayRef(out).drop_front(batch));
          SmallVector<unsigned> gathered;
          SmallVector<Value> extents;
          for (unsigned dim = 0; dim < m; ++dim) {
            gathered.push_back(dim);
            extents.push_back(builder.getInputDim(0, dim));
          }
          Access whole =
              getWholeDims(builder, builder.getInput(0), inIndices, gathered);
          // The index tuple: all m of it.
          SmallVector<AffineExpr> tuple(ArrayRef(out).take_front(batch));
          tuple.push_back(getAffineConstantExpr(0, ctx));
          SmallVector<AffineExpr> tupleExtents(batch,
                                               getAffineConstantExpr(1, ctx));
          tupleExtents.push_back(getAffineConstantExpr(m, ctx));
          Access idx{builder.getInput(1), tuple, tupleExtents};
          Access result{builder.getOutput(0), out};
          SmallVector<IterVar> iterVars;
          for (unsigned dim = 0; dim < rank; ++dim)
            iterVars.push_back(
                {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
          builder.buildBlock(
              "T_gather_nd", iterVars, {whole, idx}, {result},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                SmallVector<Value> tupleAt =
                    llvm::map_to_vector(ArrayRef(tuple), [&](AffineExpr e) {
                      return block.index(e);
                    });
                SmallVector<Value> at;
                for (unsigned dim = 0; dim < m; ++dim) {
                  tupleAt.back() = arith::ConstantIndexOp::create(b, loc, dim);
                  at.push_back(createClampedIndex(
                      b, loc, block.loadAt(idx, tupleAt), extents[dim]));
                }
                for (unsigned dim = m; dim < inRank; ++dim)
                  at.push_back(block.index(inIndices[dim]));
                block.store(block.loadAt(whole, at), result);
              },
              {}, extents);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeIndexingPatterns(RewritePatternSet &patterns,
                                                LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  patterns
      .add<BroadcastToPattern, ConcatPattern, FlipPattern,
           TrianglePattern<relax::TrilOp, true>,
           TrianglePattern<relax::TriuOp, false>, TilePattern, RepeatPattern,
           StridedSlicePattern, TakePattern, OneHotPattern, PadPattern,
           SplitPattern, ElementsPattern<relax::GatherElementsOp, false>,
           ElementsPattern<relax::ScatterElementsOp, true>, GatherNDPattern>(
          patterns.getContext(), cache);
}
