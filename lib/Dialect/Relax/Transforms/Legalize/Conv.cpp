//===- Conv.cpp - Legalize convolutions, pooling and batch_norm -----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// conv2d: with padding, a block first copies the data into a zero-padded
// kernel-local buffer (T_pad, reading the input at clamped indices); then
// one reduction block (T_conv2d) over the output (spatial) and the input
// channels of a group and the window (reduce):
//
//   out[n, o, y, x] += padded[n, (o / og) * ig + c, y * sy + i * dy,
//                             x * sx + j * dx] * w[o, c, i, j]
//
// (NHWC permutes the dims; `og`, `ig`: channels per group out and in.)
//
// max_pool2d / avg_pool2d: one reduction block over the output and the
// window that reads the data at clamped indices and ignores the positions
// in the padding (-inf for max, 0 for the sum); average pooling then
// divides by the window's size, or by its real elements. adaptive_avg_pool2d
// reduces over the whole plane and keeps the rows and columns of each
// output's window. Their reads cover the whole plane (region symbols h, w).
//
// resize2d: one spatial block that reads the plane at the sampled (clamped)
// coordinates, interpolating between four neighbours for `linear`.
//
// batch_norm: one spatial block, the parameters read at the channel.
//
// conv2d_transpose: one reduction block over the output, the input channels
// of a group and the window; a tap contributes where the output position
// minus the tap's offset lands on a stride of the data (a clamped plane
// read, as pooling does).
//
// conv1d becomes expand_dims, conv2d and squeeze, which relax-legalize's
// next round legalizes.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using mlc::relax::ConvLayout;

namespace mlc::legalize {
namespace {

/// Indices of a 4-D data buffer from (batch, channel, row, column).
template <typename T>
SmallVector<T> inLayout(ConvLayout layout, T n, T c, T h, T w) {
  if (layout == ConvLayout::NCHW)
    return {n, c, h, w};
  return {n, h, w, c};
}

/// The positions of (channel, row, column) in a layout.
std::array<unsigned, 3> getDataDims(ConvLayout layout) {
  return layout == ConvLayout::NCHW ? std::array<unsigned, 3>{1, 2, 3}
                                    : std::array<unsigned, 3>{3, 1, 2};
}

std::string formatWindow(ArrayRef<int64_t> strides, ArrayRef<int64_t> padding,
                         ArrayRef<int64_t> dilation, ConvLayout layout) {
  return "strides=" + formatAxes(strides) + ",padding=" + formatAxes(padding) +
         ",dilation=" + formatAxes(dilation) +
         ",layout=" + relax::stringifyConvLayout(layout).str();
}

/// Whether `0 <= index < extent`, on index values.
Value createInRange(OpBuilder &b, Location loc, Value index, Value extent) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  return arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, index, zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, index, extent));
}

/// `index` clamped into [0, extent).
Value createClamped(OpBuilder &b, Location loc, Value index, Value extent) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value last = arith::SubIOp::create(b, loc, extent,
                                     arith::ConstantIndexOp::create(b, loc, 1));
  return arith::MaxSIOp::create(
      b, loc, arith::MinSIOp::create(b, loc, index, last), zero);
}

/// A read of the data's whole plane at (n, c): region symbols s0 and s1 are
/// its height and width.
Access getPlaneAccess(Value data, ConvLayout layout, AffineExpr n, AffineExpr c,
                      MLIRContext *ctx) {
  AffineExpr zero = getAffineConstantExpr(0, ctx);
  AffineExpr one = getAffineConstantExpr(1, ctx);
  return {data, inLayout(layout, n, c, zero, zero),
          inLayout(layout, one, one, getAffineSymbolExpr(0, ctx),
                   getAffineSymbolExpr(1, ctx))};
}

/// Loads the data at (n, c, row, column) where the row and column are in
/// range, else yields `fill`; the load itself uses clamped indices, so it
/// never leaves the buffer.
Value loadOrFill(BlockBuilder &block, const Access &plane, ConvLayout layout,
                 Value n, Value c, Value row, Value column, Value height,
                 Value width, Value fill) {
  OpBuilder &b = block.getBuilder();
  Location loc = block.getLoc();
  Value inside =
      arith::AndIOp::create(b, loc, createInRange(b, loc, row, height),
                            createInRange(b, loc, column, width));
  Value value = block.loadAt(
      plane, inLayout(layout, n, c, createClamped(b, loc, row, height),
                      createClamped(b, loc, column, width)));
  return arith::SelectOp::create(b, loc, inside, value, fill);
}

/// Spatial iteration variables over output 0 (in its layout order), then
/// the given reduce extents. Returns (n, c, y, x) and the reduce variables
/// as affine dims.
struct WindowSpace {
  SmallVector<IterVar> iterVars;
  AffineExpr n, c, y, x;
  SmallVector<AffineExpr> reduce;
};

WindowSpace getWindowSpace(KernelBuilder &builder, ConvLayout layout,
                           ArrayRef<Value> reduceExtents) {
  MLIRContext *ctx = builder.getContext();
  WindowSpace space;
  for (unsigned dim = 0; dim < 4; ++dim)
    space.iterVars.push_back(
        {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
  std::array<unsigned, 3> at = getDataDims(layout);
  space.n = getAffineDimExpr(0, ctx);
  space.c = getAffineDimExpr(at[0], ctx);
  space.y = getAffineDimExpr(at[1], ctx);
  space.x = getAffineDimExpr(at[2], ctx);
  for (Value extent : reduceExtents) {
    space.reduce.push_back(getAffineDimExpr(space.iterVars.size(), ctx));
    space.iterVars.push_back({tir::IterKind::Reduce, extent});
  }
  return space;
}

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

class Conv2DPattern : public LegalizePattern<relax::Conv2DOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::Conv2DOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType data = op.getData().getType(), weight = op.getWeight().getType();
    ConvLayout layout = op.getLayout();
    int64_t groups = op.getGroups();
    // Output channel o reads the input channels of group o / og: with
    // groups, both counts per group must be constants.
    std::array<unsigned, 3> at = getDataDims(layout);
    std::optional<int64_t> outChannels, inPerGroup;
    if (sym::Expr o = weight.getDims()[0])
      outChannels = o.getConstant();
    if (sym::Expr i = weight.getDims()[at[0]])
      inPerGroup = i.getConstant();
    if (groups > 1 && (!outChannels || !inPerGroup))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "a grouped convolution needs constant channel counts in its "
                "weight, but it is "
             << weight;
      });
    ArrayRef<int64_t> strides = op.getStrides(), padding = op.getPadding(),
                      dilation = op.getDilation();
    KernelSignature signature({data, weight}, {op.getResult().getType()});
    std::string attrs = formatWindow(strides, padding, dilation, layout) +
                        ",groups=" + std::to_string(groups);
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "conv2d", attrs,
        [&](KernelBuilder &builder) {
          int64_t outPerGroup = groups > 1 ? *outChannels / groups : 0;
          buildKernel(builder, layout, strides, padding, dilation, groups,
                      outPerGroup, groups > 1 ? *inPerGroup : 0);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, ConvLayout layout,
                          ArrayRef<int64_t> strides, ArrayRef<int64_t> padding,
                          ArrayRef<int64_t> dilation, int64_t groups,
                          int64_t outPerGroup, int64_t inPerGroup) {
    std::array<unsigned, 3> at = getDataDims(layout);
    Type element = builder.getInputType(0).getElementType();
    Value data = builder.getInput(0);
    Value height = builder.getInputDim(0, at[1]);
    Value width = builder.getInputDim(0, at[2]);
    if (llvm::any_of(padding, [](int64_t p) { return p != 0; }))
      data = buildPadding(builder, layout, padding, height, width);

    // Reduce over (in channel, kernel row, kernel column); NHWC puts the
    // channels innermost, where its data is contiguous.
    Value inChannels = builder.getInputDim(1, at[0]);
    Value kernelH = builder.getInputDim(1, at[1]);
    Value kernelW = builder.getInputDim(1, at[2]);
    SmallVector<Value> reduceExtents =
        layout == ConvLayout::NCHW
            ? SmallVector<Value>{inChannels, kernelH, kernelW}
            : SmallVector<Value>{kernelH, kernelW, inChannels};
    WindowSpace space = getWindowSpace(builder, layout, reduceExtents);
    AffineExpr c =
        layout == ConvLayout::NCHW ? space.reduce[0] : space.reduce[2];
    AffineExpr i =
        layout == ConvLayout::NCHW ? space.reduce[1] : space.reduce[0];
    AffineExpr j =
        layout == ConvLayout::NCHW ? space.reduce[2] : space.reduce[1];
    AffineExpr channel =
        groups > 1 ? space.c.floorDiv(outPerGroup) * inPerGroup + c : c;
    AffineExpr row = space.y * strides[0] + i * dilation[0];
    AffineExpr column = space.x * strides[1] + j * dilation[1];
    Access in{data, inLayout(layout, space.n, channel, row, column)};
    Access w{builder.getInput(1), inLayout(layout, space.c, c, i, j)};
    Access out{builder.getOutput(0),
               inLayout(layout, space.n, space.c, space.y, space.x)};
    builder.buildBlock(
        "T_conv2d", space.iterVars, {in, w}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value product =
              arith::MulFOp::create(b, loc, block.load(in), block.load(w));
          block.store(arith::AddFOp::create(b, loc, block.load(out), product),
                      out);
        },
        [&](BlockBuilder &block) {
          block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                           element, 0),
                      out);
        });
  }

  /// The data copied into a zero-padded kernel-local buffer.
  static Value buildPadding(KernelBuilder &builder, ConvLayout layout,
                            ArrayRef<int64_t> padding, Value height,
                            Value width) {
    MLIRContext *ctx = builder.getContext();
    OpBuilder &b = builder.getBuilder();
    Location loc = builder.getLoc();
    std::array<unsigned, 3> at = getDataDims(layout);
    Type element = builder.getInputType(0).getElementType();
    auto plus = [&](Value v, int64_t amount) -> Value {
      return arith::AddIOp::create(b, loc, v, builder.getIndexConstant(amount));
    };
    Value paddedH = plus(height, padding[0] + padding[2]);
    Value paddedW = plus(width, padding[1] + padding[3]);
    Value batch = builder.getInputDim(0, 0);
    Value channels = builder.getInputDim(0, at[0]);
    SmallVector<Value> extents =
        inLayout(layout, batch, channels, paddedH, paddedW);
    Value padded = builder.allocBuffer(extents, element);
    SmallVector<IterVar> iterVars;
    for (Value extent : extents)
      iterVars.push_back({tir::IterKind::Spatial, extent});
    AffineExpr n = getAffineDimExpr(0, ctx), c = getAffineDimExpr(at[0], ctx),
               y = getAffineDimExpr(at[1], ctx),
               x = getAffineDimExpr(at[2], ctx);
    Access plane = getPlaneAccess(builder.getInput(0), layout, n, c, ctx);
    Access out{padded, inLayout(layout, n, c, y, x)};
    builder.buildBlock(
        "T_pad", iterVars, {plane}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &bb = block.getBuilder();
          Location l = block.getLoc();
          auto minus = [&](AffineExpr e, int64_t amount) -> Value {
            return arith::SubIOp::create(
                bb, l, block.index(e),
                arith::ConstantIndexOp::create(bb, l, amount));
          };
          block.store(loadOrFill(block, plane, layout, block.index(n),
                                 block.index(c), minus(y, padding[0]),
                                 minus(x, padding[1]), height, width,
                                 createScalarConstant(bb, l, element, 0)),
                      out);
        },
        {}, {height, width});
    return padded;
  }
};

//===----------------------------------------------------------------------===//
// conv2d_transpose
//===----------------------------------------------------------------------===//

/// The gradient of conv2d with respect to its data, as a gather: output
/// (y, x) sums the input positions q that conv2d's window places on it,
/// `q * stride + i * dilation - top == y`, i.e. the kernel taps i for which
/// `y + top - i * dilation` is a multiple of the stride inside the data.
class Conv2DTransposePattern
    : public LegalizePattern<relax::Conv2DTransposeOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::Conv2DTransposeOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType data = op.getData().getType(), weight = op.getWeight().getType();
    int64_t groups = op.getGroups();
    std::optional<int64_t> inChannels, outPerGroup;
    if (sym::Expr c = data.getDims()[1])
      inChannels = c.getConstant();
    if (sym::Expr o = weight.getDims()[1])
      outPerGroup = o.getConstant();
    if (groups > 1 && (!inChannels || !outPerGroup))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "a grouped transposed convolution needs constant channel "
                "counts, but it is "
             << data << " and " << weight;
      });
    ArrayRef<int64_t> strides = op.getStrides(), padding = op.getPadding(),
                      dilation = op.getDilation();
    KernelSignature signature({data, weight}, {op.getResult().getType()});
    std::string attrs =
        formatWindow(strides, padding, dilation, ConvLayout::NCHW) +
        ",groups=" + std::to_string(groups);
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "conv2d_transpose", attrs,
        [&](KernelBuilder &builder) {
          buildKernel(builder, strides, padding, dilation, groups,
                      groups > 1 ? *inChannels / groups : 0,
                      groups > 1 ? *outPerGroup : 0);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, ArrayRef<int64_t> strides,
                          ArrayRef<int64_t> padding, ArrayRef<int64_t> dilation,
                          int64_t groups, int64_t inPerGroup,
                          int64_t outPerGroup) {
    MLIRContext *ctx = builder.getContext();
    ConvLayout layout = ConvLayout::NCHW;
    Type element = builder.getInputType(0).getElementType();
    Value height = builder.getInputDim(0, 2);
    Value width = builder.getInputDim(0, 3);
    Value channelsPerGroup = groups > 1 ? builder.getIndexConstant(inPerGroup)
                                        : builder.getInputDim(1, 0);
    WindowSpace space =
        getWindowSpace(builder, layout,
                       {channelsPerGroup, builder.getInputDim(1, 2),
                        builder.getInputDim(1, 3)});
    AffineExpr c = space.reduce[0], i = space.reduce[1], j = space.reduce[2];
    AffineExpr channel =
        groups > 1 ? space.c.floorDiv(outPerGroup) * inPerGroup + c : c;
    AffineExpr outInGroup = groups > 1 ? space.c % outPerGroup : space.c;
    Access plane =
        getPlaneAccess(builder.getInput(0), layout, space.n, channel, ctx);
    Access w{builder.getInput(1), {channel, outInGroup, i, j}};
    Access out{builder.getOutput(0), {space.n, space.c, space.y, space.x}};
    builder.buildBlock(
        "T_conv2d_transpose", space.iterVars, {plane, w}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value zero = createScalarConstant(b, loc, element, 0);
          // The data position under tap (i, j), or -1 where the tap falls
          // between strides (never in range).
          auto source = [&](AffineExpr outIndex, AffineExpr tap,
                            unsigned axis) -> Value {
            Value t =
                block.index(outIndex + padding[axis] - tap * dilation[axis]);
            Value stride =
                arith::ConstantIndexOp::create(b, loc, strides[axis]);
            Value onStride = arith::CmpIOp::create(
                b, loc, arith::CmpIPredicate::eq,
                arith::RemSIOp::create(b, loc, t, stride),
                arith::ConstantIndexOp::create(b, loc, 0));
            return arith::SelectOp::create(
                b, loc, onStride, arith::DivSIOp::create(b, loc, t, stride),
                arith::ConstantIndexOp::create(b, loc, -1));
          };
          Value value = loadOrFill(block, plane, layout, block.index(space.n),
                                   block.index(channel), source(space.y, i, 0),
                                   source(space.x, j, 1), height, width, zero);
          Value product = arith::MulFOp::create(b, loc, value, block.load(w));
          block.store(arith::AddFOp::create(b, loc, block.load(out), product),
                      out);
        },
        [&](BlockBuilder &block) {
          block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                           element, 0),
                      out);
        },
        {height, width});
  }
};

//===----------------------------------------------------------------------===//
// conv1d
//===----------------------------------------------------------------------===//

/// conv1d is conv2d over a height of 1: expand_dims of the data and the
/// weight, conv2d, squeeze. relax-legalize's next round legalizes those.
class Conv1DPattern : public OpRewritePattern<relax::Conv1DOp> {
public:
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(relax::Conv1DOp op,
                                PatternRewriter &rewriter) const override {
    TensorType data = op.getData().getType();
    TensorType weight = op.getWeight().getType();
    if (!data.getRanked() || !weight.getRanked())
      return rewriter.notifyMatchFailure(op, "an operand has unknown rank");
    FailureOr<relax::Conv1DWindow> window = relax::getConv1DWindow(
        op.getStrides(), op.getPadding(), op.getDilation());
    if (failed(window))
      return rewriter.notifyMatchFailure(op, "invalid window");
    ConvLayout layout = op.getLayout();
    int64_t height = layout == ConvLayout::NCHW ? 2 : 1;
    Location loc = op.getLoc();
    auto axes = rewriter.getDenseI64ArrayAttr({height});
    Value data4 = relax::ExpandDimsOp::create(
        rewriter, loc, relax::getConv1DAs2D(data, layout), op.getData(), axes);
    Value weight4 = relax::ExpandDimsOp::create(
        rewriter, loc, relax::getConv1DAs2D(weight, layout), op.getWeight(),
        axes);
    auto conv = relax::Conv2DOp::create(
        rewriter, loc, data4, weight4,
        rewriter.getDenseI64ArrayAttr(window->strides),
        rewriter.getDenseI64ArrayAttr(window->padding),
        rewriter.getDenseI64ArrayAttr(window->dilation),
        rewriter.getI64IntegerAttr(op.getGroups()),
        relax::ConvLayoutAttr::get(rewriter.getContext(), layout));
    rewriter.replaceOpWithNewOp<relax::SqueezeOp>(op, op.getResult().getType(),
                                                  conv.getResult(), axes);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// max_pool2d, avg_pool2d
//===----------------------------------------------------------------------===//

template <typename OpTy, bool isMax>
class Pool2DPattern : public LegalizePattern<OpTy> {
public:
  using LegalizePattern<OpTy>::LegalizePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType data = op.getData().getType();
    ArrayRef<int64_t> pool = op.getPoolSize(), strides = op.getStrides(),
                      padding = op.getPadding();
    ConvLayout layout = op.getLayout();
    bool countPad = op.getCountIncludePad();
    KernelSignature signature({data}, {op.getResult().getType()});
    StringRef name = getKernelBaseName<OpTy>();
    std::string attrs = "pool=" + formatAxes(pool) + "," +
                        formatWindow(strides, padding, {1, 1}, layout) +
                        (countPad ? ",count_include_pad" : "");
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, this->cache, signature, name, attrs,
        [&](KernelBuilder &builder) {
          buildKernel(builder, ("T_" + name).str(), layout, pool, strides,
                      padding, countPad);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  static void buildKernel(KernelBuilder &builder, const std::string &name,
                          ConvLayout layout, ArrayRef<int64_t> pool,
                          ArrayRef<int64_t> strides, ArrayRef<int64_t> padding,
                          bool countPad) {
    MLIRContext *ctx = builder.getContext();
    std::array<unsigned, 3> at = getDataDims(layout);
    Type element = builder.getInputType(0).getElementType();
    Value height = builder.getInputDim(0, at[1]);
    Value width = builder.getInputDim(0, at[2]);
    WindowSpace space = getWindowSpace(
        builder, layout,
        {builder.getIndexConstant(pool[0]), builder.getIndexConstant(pool[1])});
    Access plane =
        getPlaneAccess(builder.getInput(0), layout, space.n, space.c, ctx);
    Access out{builder.getOutput(0),
               inLayout(layout, space.n, space.c, space.y, space.x)};
    // The first row and column of the window (in data coordinates).
    auto windowStart = [&](BlockBuilder &block, AffineExpr outIndex,
                           unsigned axis) -> Value {
      OpBuilder &b = block.getBuilder();
      Location loc = block.getLoc();
      return arith::SubIOp::create(
          b, loc,
          arith::MulIOp::create(
              b, loc, block.index(outIndex),
              arith::ConstantIndexOp::create(b, loc, strides[axis])),
          arith::ConstantIndexOp::create(b, loc, padding[axis]));
    };
    builder.buildBlock(
        name, space.iterVars, {plane}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value row =
              arith::AddIOp::create(b, loc, windowStart(block, space.y, 0),
                                    block.index(space.reduce[0]));
          Value column =
              arith::AddIOp::create(b, loc, windowStart(block, space.x, 1),
                                    block.index(space.reduce[1]));
          Value fill = isMax ? createLowest(b, loc, element)
                             : createScalarConstant(b, loc, element, 0);
          Value value = loadOrFill(block, plane, layout, block.index(space.n),
                                   block.index(space.c), row, column, height,
                                   width, fill);
          Value acc = block.load(out);
          block.store(isMax ? createMax(b, loc, acc, value)
                            : arith::AddFOp::create(b, loc, acc, value),
                      out);
        },
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          block.store(isMax ? createLowest(b, loc, element)
                            : createScalarConstant(b, loc, element, 0),
                      out);
        },
        {height, width});
    if (isMax)
      return;
    // The average: the sums divided by the window's size, or by the number
    // of its elements inside the data.
    SmallVector<IterVar> spatial(space.iterVars.begin(),
                                 space.iterVars.begin() + 4);
    builder.buildBlock(
        name + "_divide", spatial, {out}, {out}, [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value count;
          if (countPad) {
            count = arith::ConstantIndexOp::create(b, loc, pool[0] * pool[1]);
          } else {
            auto inside = [&](AffineExpr outIndex, unsigned axis,
                              Value extent) -> Value {
              Value first = windowStart(block, outIndex, axis);
              Value end = arith::AddIOp::create(
                  b, loc, first,
                  arith::ConstantIndexOp::create(b, loc, pool[axis]));
              Value zero = arith::ConstantIndexOp::create(b, loc, 0);
              return arith::SubIOp::create(
                  b, loc, arith::MinSIOp::create(b, loc, end, extent),
                  arith::MaxSIOp::create(b, loc, first, zero));
            };
            count = arith::MulIOp::create(b, loc, inside(space.y, 0, height),
                                          inside(space.x, 1, width));
          }
          Value divisor = arith::SIToFPOp::create(
              b, loc, element,
              arith::IndexCastOp::create(b, loc, b.getI64Type(), count));
          block.store(arith::DivFOp::create(b, loc, block.load(out), divisor),
                      out);
        });
  }
};

//===----------------------------------------------------------------------===//
// adaptive_avg_pool2d
//===----------------------------------------------------------------------===//

class AdaptiveAvgPool2DPattern
    : public LegalizePattern<relax::AdaptiveAvgPool2DOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::AdaptiveAvgPool2DOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    ConvLayout layout = op.getLayout();
    ArrayRef<int64_t> outputSize = op.getOutputSize();
    KernelSignature signature({op.getData().getType()},
                              {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "adaptive_avg_pool2d",
        "size=" + formatAxes(outputSize) +
            ",layout=" + relax::stringifyConvLayout(layout).str(),
        [&](KernelBuilder &builder) {
          buildKernel(builder, layout, outputSize);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  /// floor(i * size / out) and ceil((i + 1) * size / out), on index values.
  static std::pair<Value, Value> getWindow(OpBuilder &b, Location loc, Value i,
                                           Value size, int64_t out) {
    Value outSize = arith::ConstantIndexOp::create(b, loc, out);
    Value one = arith::ConstantIndexOp::create(b, loc, 1);
    Value first = arith::DivUIOp::create(
        b, loc, arith::MulIOp::create(b, loc, i, size), outSize);
    Value next = arith::MulIOp::create(
        b, loc, arith::AddIOp::create(b, loc, i, one), size);
    Value end = arith::CeilDivUIOp::create(b, loc, next, outSize);
    return {first, end};
  }

  static void buildKernel(KernelBuilder &builder, ConvLayout layout,
                          ArrayRef<int64_t> outputSize) {
    std::array<unsigned, 3> at = getDataDims(layout);
    Type element = builder.getInputType(0).getElementType();
    Value height = builder.getInputDim(0, at[1]);
    Value width = builder.getInputDim(0, at[2]);
    WindowSpace space = getWindowSpace(builder, layout, {height, width});
    Access in{builder.getInput(0), inLayout(layout, space.n, space.c,
                                            space.reduce[0], space.reduce[1])};
    Access out{builder.getOutput(0),
               inLayout(layout, space.n, space.c, space.y, space.x)};
    builder.buildBlock(
        "T_adaptive_avg_pool2d", space.iterVars, {in}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          auto inWindow = [&](AffineExpr outIndex, AffineExpr index, Value size,
                              int64_t count) -> Value {
            auto [first, end] =
                getWindow(b, loc, block.index(outIndex), size, count);
            Value i = block.index(index);
            return arith::AndIOp::create(
                b, loc,
                arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, i,
                                      first),
                arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, i,
                                      end));
          };
          Value inside = arith::AndIOp::create(
              b, loc, inWindow(space.y, space.reduce[0], height, outputSize[0]),
              inWindow(space.x, space.reduce[1], width, outputSize[1]));
          Value value =
              arith::SelectOp::create(b, loc, inside, block.load(in),
                                      createScalarConstant(b, loc, element, 0));
          block.store(arith::AddFOp::create(b, loc, block.load(out), value),
                      out);
        },
        [&](BlockBuilder &block) {
          block.store(createScalarConstant(block.getBuilder(), block.getLoc(),
                                           element, 0),
                      out);
        });
    SmallVector<IterVar> spatial(space.iterVars.begin(),
                                 space.iterVars.begin() + 4);
    builder.buildBlock(
        "T_adaptive_avg_pool2d_divide", spatial, {out}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          auto length = [&](AffineExpr outIndex, Value size,
                            int64_t count) -> Value {
            auto [first, end] =
                getWindow(b, loc, block.index(outIndex), size, count);
            return arith::SubIOp::create(b, loc, end, first);
          };
          Value n = arith::MulIOp::create(
              b, loc, length(space.y, height, outputSize[0]),
              length(space.x, width, outputSize[1]));
          Value divisor = arith::SIToFPOp::create(
              b, loc, element,
              arith::IndexCastOp::create(b, loc, b.getI64Type(), n));
          block.store(arith::DivFOp::create(b, loc, block.load(out), divisor),
                      out);
        });
  }
};

//===----------------------------------------------------------------------===//
// resize2d
//===----------------------------------------------------------------------===//

/// One spatial block over the output that reads the input plane at the
/// sampled (clamped) coordinates.
class Resize2DPattern : public LegalizePattern<relax::Resize2DOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::Resize2DOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    ConvLayout layout = op.getLayout();
    relax::ResizeMethod method = op.getMethod();
    relax::CoordinateMode mode = op.getCoordinates();
    KernelSignature signature({op.getData().getType()},
                              {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "resize2d",
        ("method=" + relax::stringifyResizeMethod(method) +
         ",coordinates=" + relax::stringifyCoordinateMode(mode) +
         ",layout=" + relax::stringifyConvLayout(layout))
            .str(),
        [&](KernelBuilder &builder) {
          buildKernel(builder, layout, method, mode);
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  /// The input coordinate of output coordinate `d` (an index) along an axis
  /// of `in` input and `out` output elements: for nearest an index, for
  /// linear a float of type `type`.
  static Value getSource(OpBuilder &b, Location loc, Value d, Value in,
                         Value out, relax::ResizeMethod method,
                         relax::CoordinateMode mode, Type type) {
    if (method == relax::ResizeMethod::nearest) {
      Value scaled = arith::DivUIOp::create(
          b, loc, arith::MulIOp::create(b, loc, d, in), out);
      Value last = arith::SubIOp::create(
          b, loc, in, arith::ConstantIndexOp::create(b, loc, 1));
      return arith::MinUIOp::create(b, loc, scaled, last);
    }
    auto toFloat = [&](Value index) -> Value {
      return arith::SIToFPOp::create(
          b, loc, type,
          arith::IndexCastOp::create(b, loc, b.getI64Type(), index));
    };
    Value df = toFloat(d), inF = toFloat(in), outF = toFloat(out);
    Value one = createScalarConstant(b, loc, type, 1);
    Value half = createScalarConstant(b, loc, type, 0.5);
    Value zero = createScalarConstant(b, loc, type, 0);
    switch (mode) {
    case relax::CoordinateMode::half_pixel: {
      Value scaled =
          arith::MulFOp::create(b, loc, arith::AddFOp::create(b, loc, df, half),
                                arith::DivFOp::create(b, loc, inF, outF));
      return arith::MaximumFOp::create(
          b, loc, arith::SubFOp::create(b, loc, scaled, half), zero);
    }
    case relax::CoordinateMode::align_corners: {
      // (in - 1) / (out - 1), or 0 for a single output.
      Value outMinusOne = arith::SubFOp::create(b, loc, outF, one);
      Value single = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                           outMinusOne, zero);
      Value ratio = arith::DivFOp::create(
          b, loc, arith::SubFOp::create(b, loc, inF, one),
          arith::SelectOp::create(b, loc, single, one, outMinusOne));
      return arith::SelectOp::create(b, loc, single, zero,
                                     arith::MulFOp::create(b, loc, df, ratio));
    }
    case relax::CoordinateMode::asymmetric:
      return arith::MulFOp::create(b, loc, df,
                                   arith::DivFOp::create(b, loc, inF, outF));
    }
    llvm_unreachable("unknown coordinate mode");
  }

  static void buildKernel(KernelBuilder &builder, ConvLayout layout,
                          relax::ResizeMethod method,
                          relax::CoordinateMode mode) {
    MLIRContext *ctx = builder.getContext();
    std::array<unsigned, 3> at = getDataDims(layout);
    Type element = builder.getInputType(0).getElementType();
    Type compute = getAccumulationType(element);
    Value height = builder.getInputDim(0, at[1]);
    Value width = builder.getInputDim(0, at[2]);
    Value outHeight = builder.getOutputDim(0, at[1]);
    Value outWidth = builder.getOutputDim(0, at[2]);
    WindowSpace space = getWindowSpace(builder, layout, {});
    Access plane =
        getPlaneAccess(builder.getInput(0), layout, space.n, space.c, ctx);
    Access out{builder.getOutput(0),
               inLayout(layout, space.n, space.c, space.y, space.x)};
    builder.buildBlock(
        "T_resize2d", space.iterVars, {plane}, {out},
        [&](BlockBuilder &block) {
          OpBuilder &b = block.getBuilder();
          Location loc = block.getLoc();
          Value n = block.index(space.n), c = block.index(space.c);
          Value sy = getSource(b, loc, block.index(space.y), height, outHeight,
                               method, mode, compute);
          Value sx = getSource(b, loc, block.index(space.x), width, outWidth,
                               method, mode, compute);
          auto load = [&](Value y, Value x) {
            return createFloatCast(
                b, loc,
                block.loadAt(plane, inLayout(layout, n, c,
                                             createClamped(b, loc, y, height),
                                             createClamped(b, loc, x, width))),
                compute);
          };
          Value result;
          if (method == relax::ResizeMethod::nearest) {
            result = load(sy, sx);
          } else {
            // The neighbours floor(s) and floor(s) + 1 (clamped), weighted
            // by the fraction.
            auto split = [&](Value s) {
              Value floor = math::FloorOp::create(b, loc, s);
              Value index = arith::IndexCastOp::create(
                  b, loc, b.getIndexType(),
                  arith::FPToSIOp::create(b, loc, b.getI64Type(), floor));
              Value next = arith::AddIOp::create(
                  b, loc, index, arith::ConstantIndexOp::create(b, loc, 1));
              return std::make_tuple(index, next,
                                     arith::SubFOp::create(b, loc, s, floor));
            };
            auto [y0, y1, fy] = split(sy);
            auto [x0, x1, fx] = split(sx);
            auto lerp = [&](Value a, Value z, Value t) -> Value {
              return arith::AddFOp::create(
                  b, loc, a,
                  arith::MulFOp::create(b, loc, t,
                                        arith::SubFOp::create(b, loc, z, a)));
            };
            result = lerp(lerp(load(y0, x0), load(y0, x1), fx),
                          lerp(load(y1, x0), load(y1, x1), fx), fy);
          }
          block.store(createFloatCast(b, loc, result, element), out);
        },
        {}, {height, width});
  }
};

//===----------------------------------------------------------------------===//
// batch_norm
//===----------------------------------------------------------------------===//

class BatchNormPattern : public LegalizePattern<relax::BatchNormOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType data = op.getData().getType();
    int64_t rank = data.getNumDims();
    FailureOr<std::optional<int64_t>> axis =
        normalizeOptionalAxis(rewriter, op, op.getAxis(), rank);
    if (failed(axis))
      return failure();
    double epsilon = op.getEpsilon().convertToDouble();
    SmallVector<TensorType> inputs = getOperandTypes(op);
    KernelSignature signature(inputs, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "batch_norm",
        llvm::formatv("axis={0},epsilon={1}", **axis, epsilon).str(),
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          Type element = data.getElementType();
          Type acc = getAccumulationType(element);
          SmallVector<IterVar> iterVars;
          for (int64_t dim = 0; dim < rank; ++dim)
            iterVars.push_back(
                {tir::IterKind::Spatial, builder.getInputDim(0, dim)});
          SmallVector<AffineExpr> indices = getIdentityIndices(ctx, 0, rank);
          SmallVector<Access> reads{{builder.getInput(0), indices}};
          for (unsigned param = 1; param <= 4; ++param)
            reads.push_back({builder.getInput(param), {indices[**axis]}});
          Access out{builder.getOutput(0), indices};
          builder.buildBlock(
              "T_batch_norm", iterVars, reads, {out}, [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                auto load = [&](unsigned i) {
                  return createFloatCast(b, loc, block.load(reads[i]), acc);
                };
                Value centered =
                    arith::SubFOp::create(b, loc, load(0), load(3));
                Value scale = math::RsqrtOp::create(
                    b, loc,
                    arith::AddFOp::create(
                        b, loc, load(4),
                        createScalarConstant(b, loc, acc, epsilon)));
                Value y = arith::AddFOp::create(
                    b, loc,
                    arith::MulFOp::create(
                        b, loc, arith::MulFOp::create(b, loc, centered, scale),
                        load(1)),
                    load(2));
                block.store(createFloatCast(b, loc, y, element), out);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeConvPatterns(RewritePatternSet &patterns,
                                            LegalizeKernelCache &cache) {
  using namespace mlc::legalize;
  patterns.add<Conv1DPattern>(patterns.getContext());
  patterns.add<Conv2DPattern, Conv2DTransposePattern,
               Pool2DPattern<relax::MaxPool2DOp, true>,
               Pool2DPattern<relax::AvgPool2DOp, false>,
               AdaptiveAvgPool2DPattern, Resize2DPattern, BatchNormPattern>(
      patterns.getContext(), cache);
}
