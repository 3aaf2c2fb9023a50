//===- ShapeInference.h - Shape rules of relax tensor operators -*- C++ -*-===//
//
// The result types of relax's tensor operators as free functions of their
// operand types and attributes (TVM's FInferStructInfo; StableHLO keeps its
// rules the same way in TypeInference.h). The ops call them from
// InferTypeOpInterface and from their verifiers; passes may call them to
// check or build ops.
//
// Policy, shared by every function (TVM's):
//  * only a *provable* mismatch is an error; a relation the prover cannot
//    decide gives an unknown dim (`?`, a null Expr) or is assumed to hold
//    and left to the run-time checks;
//  * an operand of unknown rank gives a result of unknown rank, unless the
//    attributes alone fix the rank (reshape, permute_dims with axes, a full
//    reduction without keepdims);
//  * element types never promote: binary operands must have equal dtypes.
//
// Each function reports an error through `emitError` when it is non-null
// and fails; the ops pass a callback that reads like emitOpError. Functions
// that compare symbolic values take the prover, with whatever facts the
// caller knows (the ops infer with none, so that a type depends on its
// operands only, and verify with the enclosing function's facts).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_SHAPEINFERENCE_H
#define MLC_DIALECT_RELAX_SHAPEINFERENCE_H

#include "mlc/Dialect/Relax/RelaxTypes.h"
#include "mlc/Support/Symbolic/Analyzer.h"
#include "mlc/Support/Symbolic/Expr.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>

namespace mlc::relax {

// EmitErrorFn, the callback that starts a shape rule's error diagnostic,
// is declared in RelaxTypes.h: the ops' declarations use it too.

/// Normalizes `axis` of a rank-`rank` tensor to [0, rank): negative axes
/// count from the end. Fails when it is out of range.
llvm::FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank,
                                       EmitErrorFn emitError = nullptr);

/// Normalizes every axis as normalizeAxis does; also fails when two entries
/// name the same dimension.
llvm::FailureOr<llvm::SmallVector<int64_t>>
normalizeAxes(llvm::ArrayRef<int64_t> axes, int64_t rank,
              EmitErrorFn emitError = nullptr);

/// Numpy broadcasting of two shapes, aligned at their last dimension. A pair
/// of dims gives the other side when one side is the constant 1, the lhs dim
/// when they are provably equal, and `?` otherwise. Fails when a pair
/// provably differs and neither side can be 1. `what` names the shapes in
/// diagnostics ("operands", "batch dimensions").
llvm::FailureOr<llvm::SmallVector<sym::Expr>>
inferBroadcastDims(llvm::ArrayRef<sym::Expr> lhs, llvm::ArrayRef<sym::Expr> rhs,
                   const sym::Analyzer &analyzer, llvm::StringRef what,
                   EmitErrorFn emitError = nullptr);

/// The result of an elementwise binary op (relax.add, ...): equal dtypes,
/// broadcast shapes.
llvm::FailureOr<TensorType>
inferBroadcastShape(TensorType lhs, TensorType rhs,
                    const sym::Analyzer &analyzer,
                    EmitErrorFn emitError = nullptr);

/// The result of relax.matmul (numpy.matmul): 1-D operands are promoted to
/// a row (lhs) or column (rhs) vector and the promoted dim is dropped again,
/// batch dims broadcast, contraction lengths must not provably differ.
llvm::FailureOr<TensorType> inferMatmulShape(TensorType lhs, TensorType rhs,
                                             const sym::Analyzer &analyzer,
                                             EmitErrorFn emitError = nullptr);

/// The result of relax.permute_dims: result dim `i` is input dim
/// `axes[i]`; no axes reverse the dims.
llvm::FailureOr<TensorType>
inferPermuteDimsShape(TensorType input,
                      std::optional<llvm::ArrayRef<int64_t>> axes,
                      EmitErrorFn emitError = nullptr);

/// The result of relax.reshape to `shape`, where one entry may be the
/// constant -1 (the product of the input dims floordiv the product of the
/// other entries). Fails on two -1s, another negative entry, element counts
/// that provably differ and a -1 that provably cannot divide evenly.
llvm::FailureOr<TensorType> inferReshapeShape(TensorType input,
                                              llvm::ArrayRef<sym::Expr> shape,
                                              const sym::Analyzer &analyzer,
                                              EmitErrorFn emitError = nullptr);

/// The result of a reduction (relax.sum, relax.max) over `axes` (all dims
/// when absent); `keepDims` keeps the reduced dims as 1s.
llvm::FailureOr<TensorType>
inferReductionShape(TensorType input,
                    std::optional<llvm::ArrayRef<int64_t>> axes, bool keepDims,
                    EmitErrorFn emitError = nullptr);

/// relax.argmax/argmin: the reduction's shape over `axis` (all dims when
/// absent), in i64.
llvm::FailureOr<TensorType>
inferArgReduceShape(TensorType input, std::optional<int64_t> axis,
                    bool keepDims, EmitErrorFn emitError = nullptr);

/// relax.cumsum/cumprod: the input type along `axis`, or a 1-D tensor of
/// the element count without one.
llvm::FailureOr<TensorType> inferScanShape(TensorType input,
                                           std::optional<int64_t> axis,
                                           EmitErrorFn emitError = nullptr);

/// The result of relax.softmax (and of other ops that work along one axis
/// and keep the shape): the input type, once `axis` is checked.
llvm::FailureOr<TensorType> inferSoftmaxShape(TensorType input, int64_t axis,
                                              EmitErrorFn emitError = nullptr);

/// The result of a normalization over the last axis (rms_norm, layer_norm):
/// the input type, once each parameter (`params[i]`, named `names[i]` in
/// errors: "weight", "bias") matches that axis: the input's element type,
/// rank 1, and a length that does not provably differ from the last dim.
llvm::FailureOr<TensorType>
inferLastAxisNormShape(TensorType input, llvm::ArrayRef<TensorType> params,
                       llvm::ArrayRef<llvm::StringRef> names,
                       const sym::Analyzer &analyzer,
                       EmitErrorFn emitError = nullptr);

/// relax.attention in the BSNH layout: query `[b, s, h, d]`, key
/// `[b, t, hk, d]` and value `[b, t, hk, dv]` give `[b, s, h, dv]`. The
/// operands share one element type; pairs of dims that must agree (b, t,
/// hk, d) may not provably differ, and `h` may not be provably indivisible
/// by `hk`.
llvm::FailureOr<TensorType>
inferAttentionShape(TensorType query, TensorType key, TensorType value,
                    const sym::Analyzer &analyzer,
                    EmitErrorFn emitError = nullptr);

/// relax.rope: the input type, once the input is `[b, s, h, d]` with `d`
/// not provably odd and `positions` is a rank-1 integer tensor whose length
/// does not provably differ from `s`.
llvm::FailureOr<TensorType> inferRopeShape(TensorType input,
                                           TensorType positions,
                                           const sym::Analyzer &analyzer,
                                           EmitErrorFn emitError = nullptr);

/// relax.q4_quantize: `[.., k]` floats give the packed words `[.., k / 8]`
/// (i32) and the scales `[.., k / groupSize]`. `groupSize` must be a
/// positive multiple of 8, and `k` not provably indivisible by it.
llvm::FailureOr<std::pair<TensorType, TensorType>>
inferQ4QuantizeShapes(TensorType weight, int64_t groupSize,
                      EmitErrorFn emitError = nullptr);

/// relax.q4_dequantize: packed `[.., p]` (i32) and scales `[.., g]` give
/// `[.., 8 * p]` in the scales' element type; the leading dims may not
/// provably differ, nor `8 * p` and `g * groupSize`.
llvm::FailureOr<TensorType>
inferQ4DequantizeShape(TensorType packed, TensorType scale, int64_t groupSize,
                       const sym::Analyzer &analyzer,
                       EmitErrorFn emitError = nullptr);

/// relax.broadcast_to: `shape`, once the input (aligned at the last dim)
/// broadcasts to it: each input dim 1 or not provably different.
llvm::FailureOr<TensorType>
inferBroadcastToShape(TensorType input, llvm::ArrayRef<sym::Expr> shape,
                      const sym::Analyzer &analyzer,
                      EmitErrorFn emitError = nullptr);

/// relax.concat along `axis`: one rank and element type, other dims not
/// provably different (the result takes the first input's), the axis dims
/// summed.
llvm::FailureOr<TensorType> inferConcatShape(llvm::ArrayRef<TensorType> inputs,
                                             int64_t axis,
                                             const sym::Analyzer &analyzer,
                                             EmitErrorFn emitError = nullptr);

/// relax.tril and relax.triu: the input type, of rank >= 2.
llvm::FailureOr<TensorType> inferTriangleShape(TensorType input,
                                               EmitErrorFn emitError = nullptr);

/// relax.tile (numpy's): each dim times its repeat, after padding the
/// shorter of the shape and `repeats` with leading 1s.
llvm::FailureOr<TensorType> inferTileShape(TensorType input,
                                           llvm::ArrayRef<int64_t> repeats,
                                           EmitErrorFn emitError = nullptr);

/// relax.repeat: the `axis` dim times `repeats`.
llvm::FailureOr<TensorType> inferRepeatShape(TensorType input, int64_t repeats,
                                             int64_t axis,
                                             EmitErrorFn emitError = nullptr);

/// One axis of a strided slice, numpy's way: the index of the first element
/// (`start`), the number of elements (`extent`) and the step.
struct SliceBounds {
  sym::Expr start, extent;
  int64_t stride;
};

/// The bounds of `begin:end:stride` over a dim of extent `dim` (`stride`
/// non-zero): constant bounds as numpy takes them (negative ones count from
/// the end), symbolic ones as indices clamped into the dim.
SliceBounds getSliceBounds(sym::Expr dim, sym::Expr begin, sym::Expr end,
                           int64_t stride);

/// The same with constant bounds.
inline SliceBounds getSliceBounds(sym::Expr dim, int64_t begin, int64_t end,
                                  int64_t stride) {
  sym::Context &ctx = dim.getContext();
  return getSliceBounds(dim, ctx.constant(begin), ctx.constant(end), stride);
}

/// relax.strided_slice: each of `axes` (distinct, in range) sliced by its
/// `begin`, `end` and `strides` (all 1 when empty; none 0).
llvm::FailureOr<TensorType> inferStridedSliceShape(
    TensorType input, llvm::ArrayRef<int64_t> axes,
    llvm::ArrayRef<sym::Expr> begin, llvm::ArrayRef<sym::Expr> end,
    llvm::ArrayRef<int64_t> strides, EmitErrorFn emitError = nullptr);

/// relax.take: `input.shape[:axis] + indices.shape + input.shape[axis+1:]`,
/// with integer indices.
llvm::FailureOr<TensorType> inferTakeShape(TensorType input, TensorType indices,
                                           int64_t axis,
                                           EmitErrorFn emitError = nullptr);

/// relax.one_hot: the indices' shape and `depth` (positive), in `dtype`.
llvm::FailureOr<TensorType> inferOneHotShape(TensorType indices, int64_t depth,
                                             mlir::Type dtype,
                                             EmitErrorFn emitError = nullptr);

/// relax.group_norm: the input type (rank >= 2), once the channels (dim 1,
/// a constant when the groups are checked) divide into `groups` and the
/// weight and bias match them.
llvm::FailureOr<TensorType>
inferGroupNormShape(TensorType input, TensorType weight, TensorType bias,
                    int64_t groups, const sym::Analyzer &analyzer,
                    EmitErrorFn emitError = nullptr);

/// relax.batch_norm: the input type, once each parameter (gamma, beta,
/// mean, var) has the input's element type, rank 1 and a length not
/// provably different from the `axis` dim.
llvm::FailureOr<TensorType>
inferBatchNormShape(TensorType input, llvm::ArrayRef<TensorType> params,
                    int64_t axis, const sym::Analyzer &analyzer,
                    EmitErrorFn emitError = nullptr);

/// The attributes of a 2-D convolution or pooling window: `[y, x]` strides
/// and dilation, `[top, left, bottom, right]` padding.
struct Window2D {
  llvm::ArrayRef<int64_t> strides, padding, dilation;
  ConvLayout layout;
};

/// relax.conv2d: `[n, o, oh, ow]` (NCHW) or `[n, oh, ow, o]` (NHWC), with
/// `oh = (h + top + bottom - dilation_y * (kh - 1) - 1) floordiv stride_y
/// + 1`; the channels `c` and `groups * in` may not provably differ, and
/// `o` must be a multiple of `groups`.
llvm::FailureOr<TensorType> inferConv2DShape(TensorType data, TensorType weight,
                                             const Window2D &window,
                                             int64_t groups,
                                             const sym::Analyzer &analyzer,
                                             EmitErrorFn emitError = nullptr);

/// The 4-D type of a 3-D conv1d operand: a 1 inserted as the height (at 2
/// for NCW data and OIW weights, at 1 for NWC and OWI).
TensorType getConv1DAs2D(TensorType type, ConvLayout layout);

/// The 2-D window of a conv1d's: stride and dilation 1 and no padding along
/// the inserted height.
struct Conv1DWindow {
  llvm::SmallVector<int64_t, 2> strides, dilation;
  llvm::SmallVector<int64_t, 4> padding;
};
llvm::FailureOr<Conv1DWindow> getConv1DWindow(llvm::ArrayRef<int64_t> strides,
                                              llvm::ArrayRef<int64_t> padding,
                                              llvm::ArrayRef<int64_t> dilation,
                                              EmitErrorFn emitError = nullptr);

/// relax.conv1d: conv2d's rule over a height of 1, the height dropped.
llvm::FailureOr<TensorType> inferConv1DShape(TensorType data, TensorType weight,
                                             llvm::ArrayRef<int64_t> strides,
                                             llvm::ArrayRef<int64_t> padding,
                                             llvm::ArrayRef<int64_t> dilation,
                                             int64_t groups, ConvLayout layout,
                                             const sym::Analyzer &analyzer,
                                             EmitErrorFn emitError = nullptr);

/// relax.conv2d_transpose (NCHW, weight `[c, o / groups, kh, kw]`):
/// `[n, o, oh, ow]` with `oh = (h - 1) * stride - top - bottom + dilation *
/// (kh - 1) + output_padding + 1`.
llvm::FailureOr<TensorType> inferConv2DTransposeShape(
    TensorType data, TensorType weight, const Window2D &window,
    llvm::ArrayRef<int64_t> outputPadding, int64_t groups,
    const sym::Analyzer &analyzer, EmitErrorFn emitError = nullptr);

/// relax.max_pool2d/avg_pool2d: conv2d's rule with a `poolSize` window
/// (dilation 1), the channels kept.
llvm::FailureOr<TensorType> inferPool2DShape(TensorType data,
                                             llvm::ArrayRef<int64_t> poolSize,
                                             const Window2D &window,
                                             EmitErrorFn emitError = nullptr);

/// relax.resize2d: the spatial dims replaced by `size` (two expressions).
llvm::FailureOr<TensorType> inferResize2DShape(TensorType data,
                                               llvm::ArrayRef<sym::Expr> size,
                                               ConvLayout layout,
                                               EmitErrorFn emitError = nullptr);

/// relax.adaptive_avg_pool2d: the spatial dims replaced by `outputSize`.
llvm::FailureOr<TensorType>
inferAdaptivePool2DShape(TensorType data, llvm::ArrayRef<int64_t> outputSize,
                         ConvLayout layout, EmitErrorFn emitError = nullptr);

/// relax.zeros/ones/full: `shape` in `dtype` (an integer or float type).
llvm::FailureOr<TensorType> inferFillShape(llvm::ArrayRef<sym::Expr> shape,
                                           mlir::Type dtype,
                                           EmitErrorFn emitError = nullptr);

/// relax.arange: `[max(ceil((end - start) / step), 0)]` in `dtype`; `end`
/// is one expression and `step` is not 0.
llvm::FailureOr<TensorType> inferArangeShape(llvm::ArrayRef<sym::Expr> end,
                                             int64_t start, int64_t step,
                                             mlir::Type dtype,
                                             EmitErrorFn emitError = nullptr);

/// relax.linear: `[.., k]` times `[n, k]` transposed (plus `[n]`) gives
/// `[.., n]`; one element type, `k`s (and `n`s) not provably different.
llvm::FailureOr<TensorType> inferLinearShape(TensorType input,
                                             TensorType weight,
                                             std::optional<TensorType> bias,
                                             const sym::Analyzer &analyzer,
                                             EmitErrorFn emitError = nullptr);

/// relax.pad: each dim plus its `before` and `after` (`padWidth` holds two
/// non-negative widths per dim).
llvm::FailureOr<TensorType> inferPadShape(TensorType input,
                                          llvm::ArrayRef<int64_t> padWidth,
                                          EmitErrorFn emitError = nullptr);

/// relax.split: the parts along `axis`, by `sections` (equal parts) or at
/// `indices`; exactly one of the two is given.
llvm::FailureOr<llvm::SmallVector<TensorType>>
inferSplitShapes(TensorType input, std::optional<int64_t> sections,
                 std::optional<llvm::ArrayRef<int64_t>> indices, int64_t axis,
                 EmitErrorFn emitError = nullptr);

/// relax.gather_elements: the indices' shape (the input's rank, integers)
/// in the input's element type; relax.scatter_elements (with `updates` of
/// the indices' shape and the input's element type) gives the input type.
llvm::FailureOr<TensorType>
inferGatherElementsShape(TensorType input, TensorType indices, int64_t axis,
                         EmitErrorFn emitError = nullptr);
llvm::FailureOr<TensorType> inferScatterElementsShape(
    TensorType input, TensorType indices, TensorType updates, int64_t axis,
    const sym::Analyzer &analyzer, EmitErrorFn emitError = nullptr);

/// relax.gather_nd: `indices.shape[:-1] + input.shape[m:]` for a constant
/// tuple length `m` (the indices' last dim) of at most the input's rank.
llvm::FailureOr<TensorType> inferGatherNDShape(TensorType input,
                                               TensorType indices,
                                               EmitErrorFn emitError = nullptr);

/// The letters of an einsum: one string per operand and the result's
/// (explicit, or the letters appearing once, sorted).
struct EinsumSubscripts {
  llvm::SmallVector<std::string, 2> inputs;
  std::string output;
};

/// Parses `subscripts` for `numInputs` (1 or 2) operands of the given ranks
/// (-1: unknown); reports ellipses, bad letters and counts.
llvm::FailureOr<EinsumSubscripts>
parseEinsumSubscripts(llvm::StringRef subscripts, llvm::ArrayRef<int64_t> ranks,
                      EmitErrorFn emitError = nullptr);

/// relax.einsum: the result letters' dims (their first occurrence), once
/// every letter's dims do not provably differ.
llvm::FailureOr<TensorType> inferEinsumShape(llvm::StringRef subscripts,
                                             llvm::ArrayRef<TensorType> inputs,
                                             const sym::Analyzer &analyzer,
                                             EmitErrorFn emitError = nullptr);

/// relax.expand_dims (numpy's): 1s inserted at `axes`, which are positions
/// in the result (negative count from its end) and must be distinct.
llvm::FailureOr<TensorType>
inferExpandDimsShape(TensorType input, llvm::ArrayRef<int64_t> axes,
                     EmitErrorFn emitError = nullptr);

/// relax.squeeze (numpy's): the dims at `axes` removed, which must be the
/// constant 1; without `axes`, every dim that is the constant 1.
llvm::FailureOr<TensorType>
inferSqueezeShape(TensorType input, std::optional<llvm::ArrayRef<int64_t>> axes,
                  EmitErrorFn emitError = nullptr);

/// relax.flatten: one dim, the product of the input's (`?` if one is
/// unknown; an unknown rank stays unknown).
TensorType inferFlattenShape(TensorType input);

} // namespace mlc::relax

#endif // MLC_DIALECT_RELAX_SHAPEINFERENCE_H
