//===- ShapeInference.cpp - Shape rules of relax tensor operators ---------===//
//
// TVM's inference rules (src/relax/op/op_common.cc, tensor/binary.cc,
// linear_algebra.cc, manipulate.cc, statistical.cc, nn/nn.cc) over mlc's
// symbolic dims. Diagnostics print both sides of a mismatch.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlc/Dialect/Relax/RelaxDialect.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <numeric>
#include <set>

using namespace mlir;

namespace mlc::relax {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Streams `args` into an error when there is a callback; always fails, so
/// callers can `return fail(...)`.
template <typename... Args>
static LogicalResult fail(EmitErrorFn emitError, Args &&...args) {
  if (emitError)
    (emitError() << ... << std::forward<Args>(args));
  return failure();
}

static std::string axesToString(ArrayRef<int64_t> axes) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '[';
  llvm::interleaveComma(axes, os);
  os << ']';
  return text;
}

static sym::Context &getSymContext(TensorType type) {
  return RelaxDialect::getSymContext(type.getContext());
}

/// Whether `dim` provably equals `value`; an unknown dim proves nothing.
static sym::Proof proveEqualTo(const sym::Analyzer &analyzer, sym::Expr dim,
                               int64_t value) {
  if (!dim)
    return sym::Proof::Unknown;
  return analyzer.proveEqual(dim, dim.getContext().constant(value));
}

/// The number of elements of a tensor with `dims`; null if a dim is unknown.
static sym::Expr product(sym::Context &ctx, ArrayRef<sym::Expr> dims) {
  sym::Expr result = ctx.constant(1);
  for (sym::Expr dim : dims) {
    if (!dim)
      return {};
    result = result * dim;
  }
  return result;
}

/// Binary ops do not promote: TVM rejects operands of different dtypes.
static LogicalResult verifySameElementType(TensorType lhs, TensorType rhs,
                                           EmitErrorFn emitError) {
  if (lhs.getElementType() == rhs.getElementType())
    return success();
  return fail(emitError,
              "operands must have the same element type, but the lhs is ", lhs,
              " and the rhs is ", rhs, " (no implicit promotion)");
}

//===----------------------------------------------------------------------===//
// Axes
//===----------------------------------------------------------------------===//

FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank,
                                 EmitErrorFn emitError) {
  if (axis < -rank || axis >= rank)
    return fail(emitError, "axis ", axis,
                " is out of range for a tensor of rank ", rank,
                "; expected an axis in [", -rank, ", ", rank, ")");
  return axis < 0 ? axis + rank : axis;
}

FailureOr<SmallVector<int64_t>>
normalizeAxes(ArrayRef<int64_t> axes, int64_t rank, EmitErrorFn emitError) {
  SmallVector<int64_t> normalized;
  llvm::SmallBitVector seen(rank);
  for (int64_t axis : axes) {
    FailureOr<int64_t> index = normalizeAxis(axis, rank, emitError);
    if (failed(index))
      return failure();
    if (seen.test(*index))
      return fail(emitError, "axes ", axesToString(axes), " name dimension ",
                  *index, " more than once");
    seen.set(*index);
    normalized.push_back(*index);
  }
  return normalized;
}

//===----------------------------------------------------------------------===//
// Broadcasting
//===----------------------------------------------------------------------===//

/// One dim of a broadcast (TVM's InferBinaryBroadcastShape, which gives up
/// on the whole shape where we give up on one dim). Null when undecided.
static sym::Expr broadcastDim(sym::Expr lhs, sym::Expr rhs,
                              const sym::Analyzer &analyzer) {
  if (proveEqualTo(analyzer, lhs, 1) == sym::Proof::True)
    return rhs;
  if (proveEqualTo(analyzer, rhs, 1) == sym::Proof::True)
    return lhs;
  if (lhs && rhs && analyzer.proveEqual(lhs, rhs) == sym::Proof::True)
    return lhs;
  return {};
}

/// Whether `lhs` and `rhs` cannot broadcast for any values of the variables
/// consistent with the facts: they differ and neither can be 1.
static bool provablyIncompatible(sym::Expr lhs, sym::Expr rhs,
                                 const sym::Analyzer &analyzer) {
  return lhs && rhs && analyzer.proveEqual(lhs, rhs) == sym::Proof::False &&
         proveEqualTo(analyzer, lhs, 1) == sym::Proof::False &&
         proveEqualTo(analyzer, rhs, 1) == sym::Proof::False;
}

FailureOr<SmallVector<sym::Expr>>
inferBroadcastDims(ArrayRef<sym::Expr> lhs, ArrayRef<sym::Expr> rhs,
                   const sym::Analyzer &analyzer, StringRef what,
                   EmitErrorFn emitError) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<sym::Expr> result(rank);
  // Walk from the last dim: the shorter shape is padded in front.
  for (size_t i = 0; i < rank; ++i) {
    sym::Expr &out = result[rank - 1 - i];
    if (i >= lhs.size()) {
      out = rhs[rhs.size() - 1 - i];
      continue;
    }
    if (i >= rhs.size()) {
      out = lhs[lhs.size() - 1 - i];
      continue;
    }
    size_t lhsIndex = lhs.size() - 1 - i, rhsIndex = rhs.size() - 1 - i;
    sym::Expr lhsDim = lhs[lhsIndex], rhsDim = rhs[rhsIndex];
    if (provablyIncompatible(lhsDim, rhsDim, analyzer))
      return fail(emitError, what, " ", dimsToString(lhs), " and ",
                  dimsToString(rhs), " do not broadcast: dimension ", lhsIndex,
                  " of the lhs is ", dimToString(lhsDim), " and dimension ",
                  rhsIndex, " of the rhs is ", dimToString(rhsDim),
                  ", which provably differ and are not 1");
    out = broadcastDim(lhsDim, rhsDim, analyzer);
  }
  return result;
}

FailureOr<TensorType> inferBroadcastShape(TensorType lhs, TensorType rhs,
                                          const sym::Analyzer &analyzer,
                                          EmitErrorFn emitError) {
  if (failed(verifySameElementType(lhs, rhs, emitError)))
    return failure();
  if (!lhs.getRanked() || !rhs.getRanked())
    return TensorType::get(lhs.getElementType());
  FailureOr<SmallVector<sym::Expr>> dims = inferBroadcastDims(
      lhs.getDims(), rhs.getDims(), analyzer, "operand shapes", emitError);
  if (failed(dims))
    return failure();
  return TensorType::get(*dims, lhs.getElementType());
}

//===----------------------------------------------------------------------===//
// Matmul
//===----------------------------------------------------------------------===//

FailureOr<TensorType> inferMatmulShape(TensorType lhs, TensorType rhs,
                                       const sym::Analyzer &analyzer,
                                       EmitErrorFn emitError) {
  if (failed(verifySameElementType(lhs, rhs, emitError)))
    return failure();
  Type elementType = lhs.getElementType();
  if (!lhs.getRanked() || !rhs.getRanked())
    return TensorType::get(elementType);
  ArrayRef<sym::Expr> lhsDims = lhs.getDims(), rhsDims = rhs.getDims();
  if (lhsDims.empty() || rhsDims.empty())
    return fail(emitError,
                "operands must have at least one dimension, but the lhs is ",
                lhs, " and the rhs is ", rhs);

  // numpy.matmul: a 1-D lhs is a row vector [1, k], a 1-D rhs a column
  // vector [k, 1]; the added 1 is not part of the result.
  bool lhsIsVector = lhsDims.size() == 1, rhsIsVector = rhsDims.size() == 1;
  sym::Expr lhsReduction = lhsDims.back();
  sym::Expr rhsReduction = rhsDims[rhsDims.size() - (rhsIsVector ? 1 : 2)];
  if (lhsReduction && rhsReduction &&
      analyzer.proveEqual(lhsReduction, rhsReduction) == sym::Proof::False)
    return fail(emitError, "contraction dimensions provably differ: the lhs ",
                lhs, " contracts ", dimToString(lhsReduction), " and the rhs ",
                rhs, " contracts ", dimToString(rhsReduction));

  ArrayRef<sym::Expr> lhsBatch =
      lhsIsVector ? ArrayRef<sym::Expr>() : lhsDims.drop_back(2);
  ArrayRef<sym::Expr> rhsBatch =
      rhsIsVector ? ArrayRef<sym::Expr>() : rhsDims.drop_back(2);
  FailureOr<SmallVector<sym::Expr>> dims = inferBroadcastDims(
      lhsBatch, rhsBatch, analyzer, "batch dimensions", emitError);
  if (failed(dims))
    return failure();
  if (!lhsIsVector)
    dims->push_back(lhsDims[lhsDims.size() - 2]);
  if (!rhsIsVector)
    dims->push_back(rhsDims.back());
  return TensorType::get(*dims, elementType);
}

//===----------------------------------------------------------------------===//
// Manipulation
//===----------------------------------------------------------------------===//

FailureOr<TensorType>
inferPermuteDimsShape(TensorType input, std::optional<ArrayRef<int64_t>> axes,
                      EmitErrorFn emitError) {
  Type elementType = input.getElementType();
  if (!input.getRanked()) {
    if (!axes)
      return input;
    // TVM: the axes fix the rank even when the input's is unknown.
    if (failed(normalizeAxes(*axes, axes->size(), emitError)))
      return failure();
    return TensorType::get(SmallVector<sym::Expr>(axes->size()), elementType);
  }

  int64_t rank = input.getNumDims();
  SmallVector<int64_t> permutation(rank);
  if (axes) {
    if (static_cast<int64_t>(axes->size()) != rank)
      return fail(emitError, "axes ", axesToString(*axes),
                  " must list each of the ", rank, " dimensions of ", input,
                  " once, but have ", axes->size(), " entries");
    FailureOr<SmallVector<int64_t>> normalized =
        normalizeAxes(*axes, rank, emitError);
    if (failed(normalized))
      return failure();
    permutation = std::move(*normalized);
  } else {
    std::iota(permutation.rbegin(), permutation.rend(), 0);
  }
  SmallVector<sym::Expr> dims = llvm::map_to_vector(
      permutation, [&](int64_t axis) { return input.getDims()[axis]; });
  return TensorType::get(dims, elementType);
}

/// Finds the `-1` entry of a reshape target (-1 when there is none) and
/// rejects every other entry that is provably negative.
static FailureOr<int64_t> findInferredDim(ArrayRef<sym::Expr> shape,
                                          const sym::Analyzer &analyzer,
                                          EmitErrorFn emitError) {
  int64_t inferred = -1;
  for (auto [index, dim] : llvm::enumerate(shape)) {
    if (!dim)
      return fail(emitError, "dimension ", index, " of the target shape ",
                  dimsToString(shape), " is unknown; use -1 to infer one");
    if (dim.getConstant() == -1) {
      if (inferred != -1)
        return fail(emitError, "the target shape ", dimsToString(shape),
                    " has more than one -1; at most one dimension can be "
                    "inferred");
      inferred = index;
      continue;
    }
    if (analyzer.proveLT(dim, dim.getContext().constant(0)) == sym::Proof::True)
      return fail(emitError, "dimension ", index, " of the target shape ",
                  dimsToString(shape), " is ", dimToString(dim),
                  ", which is negative; only -1 (infer) may be");
  }
  return inferred;
}

FailureOr<TensorType> inferReshapeShape(TensorType input,
                                        ArrayRef<sym::Expr> shape,
                                        const sym::Analyzer &analyzer,
                                        EmitErrorFn emitError) {
  FailureOr<int64_t> inferred = findInferredDim(shape, analyzer, emitError);
  if (failed(inferred))
    return failure();
  sym::Context &ctx = getSymContext(input);
  SmallVector<sym::Expr> dims(shape);
  sym::Expr count =
      input.getRanked() ? product(ctx, input.getDims()) : sym::Expr();
  // Without the input's element count the sizes cannot be related: a -1
  // stays unknown and the run-time reshape checks the count. Its known
  // dimensions still divide it: a target count that provably is no multiple
  // of theirs is an error.
  if (!count) {
    if (*inferred >= 0) {
      dims[*inferred] = sym::Expr();
    } else if (input.getRanked()) {
      SmallVector<sym::Expr> known;
      llvm::copy_if(input.getDims(), std::back_inserter(known),
                    [](sym::Expr dim) { return bool(dim); });
      sym::Expr knownCount = product(ctx, known);
      sym::Expr newCount = product(ctx, dims);
      FailureOr<sym::Expr> remainder = newCount
                                           ? sym::mod(newCount, knownCount)
                                           : FailureOr<sym::Expr>(failure());
      if (succeeded(remainder) &&
          proveEqualTo(analyzer, knownCount, 0) == sym::Proof::False &&
          proveEqualTo(analyzer, *remainder, 0) == sym::Proof::False)
        return fail(emitError, "cannot reshape ", input, " to ",
                    dimsToString(shape), " (", dimToString(newCount),
                    " elements): that is no multiple of the ",
                    dimToString(knownCount),
                    " elements its known dimensions hold");
    }
    return TensorType::get(dims, input.getElementType());
  }

  if (*inferred < 0) {
    sym::Expr newCount = product(ctx, dims);
    if (analyzer.proveEqual(count, newCount) == sym::Proof::False)
      return fail(emitError, "cannot reshape ", input, " (", dimToString(count),
                  " elements) to ", dimsToString(shape), " (",
                  dimToString(newCount),
                  " elements): the element counts provably differ");
    return TensorType::get(dims, input.getElementType());
  }

  SmallVector<sym::Expr> others(dims);
  others.erase(others.begin() + *inferred);
  sym::Expr othersCount = product(ctx, others);
  FailureOr<sym::Expr> remainder = sym::mod(count, othersCount);
  FailureOr<sym::Expr> quotient = sym::floorDiv(count, othersCount);
  if (failed(remainder) || failed(quotient) ||
      proveEqualTo(analyzer, othersCount, 0) == sym::Proof::True)
    return fail(emitError, "cannot infer the -1 in ", dimsToString(shape),
                ": the other dimensions hold no elements");
  if (proveEqualTo(analyzer, *remainder, 0) == sym::Proof::False)
    return fail(emitError, "cannot reshape ", input, " (", dimToString(count),
                " elements) to ", dimsToString(shape),
                ": the elements do not divide evenly by the other dimensions (",
                dimToString(othersCount), ")");
  if (analyzer.proveLT(*quotient, ctx.constant(0)) == sym::Proof::True)
    return fail(emitError, "cannot reshape ", input, " to ",
                dimsToString(shape), ": the inferred dimension would be ",
                dimToString(*quotient), ", a negative size");
  dims[*inferred] = *quotient;
  return TensorType::get(dims, input.getElementType());
}

//===----------------------------------------------------------------------===//
// Reductions and axis ops
//===----------------------------------------------------------------------===//

FailureOr<TensorType> inferReductionShape(TensorType input,
                                          std::optional<ArrayRef<int64_t>> axes,
                                          bool keepDims,
                                          EmitErrorFn emitError) {
  Type elementType = input.getElementType();
  if (!input.getRanked()) {
    // TVM: reducing everything away leaves a scalar whatever the rank was.
    if (!axes && !keepDims)
      return TensorType::get(ArrayRef<sym::Expr>(), elementType);
    // Without a rank, an axis and its negative form cannot be compared, but
    // an axis named twice is still an error.
    if (axes)
      for (auto [index, axis] : llvm::enumerate(*axes))
        if (llvm::is_contained(axes->take_front(index), axis))
          return fail(emitError, "axes ", axesToString(*axes), " name axis ",
                      axis, " more than once");
    return input;
  }
  int64_t rank = input.getNumDims();
  llvm::SmallBitVector reduced(rank, /*t=*/!axes);
  if (axes) {
    FailureOr<SmallVector<int64_t>> normalized =
        normalizeAxes(*axes, rank, emitError);
    if (failed(normalized))
      return failure();
    for (int64_t axis : *normalized)
      reduced.set(axis);
  }
  sym::Expr one = getSymContext(input).constant(1);
  SmallVector<sym::Expr> dims;
  for (auto [index, dim] : llvm::enumerate(input.getDims())) {
    if (!reduced.test(index))
      dims.push_back(dim);
    else if (keepDims)
      dims.push_back(one);
  }
  return TensorType::get(dims, elementType);
}

FailureOr<TensorType> inferSoftmaxShape(TensorType input, int64_t axis,
                                        EmitErrorFn emitError) {
  if (input.getRanked() &&
      failed(normalizeAxis(axis, input.getNumDims(), emitError)))
    return failure();
  return input;
}

//===----------------------------------------------------------------------===//
// Index reductions and scans
//===----------------------------------------------------------------------===//

FailureOr<TensorType> inferArgReduceShape(TensorType input,
                                          std::optional<int64_t> axis,
                                          bool keepDims,
                                          EmitErrorFn emitError) {
  SmallVector<int64_t> axes;
  if (axis)
    axes.push_back(*axis);
  FailureOr<TensorType> shape = inferReductionShape(
      input, axis ? std::optional<ArrayRef<int64_t>>(axes) : std::nullopt,
      keepDims, emitError);
  if (failed(shape))
    return failure();
  Type i64 = IntegerType::get(input.getContext(), 64);
  return shape->getRanked() ? TensorType::get(shape->getDims(), i64)
                            : TensorType::get(i64);
}

FailureOr<TensorType> inferScanShape(TensorType input,
                                     std::optional<int64_t> axis,
                                     EmitErrorFn emitError) {
  if (axis) {
    if (input.getRanked() &&
        failed(normalizeAxis(*axis, input.getNumDims(), emitError)))
      return failure();
    return input;
  }
  sym::Expr count = input.getRanked()
                        ? product(getSymContext(input), input.getDims())
                        : sym::Expr();
  return TensorType::get({count}, input.getElementType());
}

//===----------------------------------------------------------------------===//
// Normalizations over the last axis
//===----------------------------------------------------------------------===//

/// The input type, once each parameter matches dim `axis` of `input`: same
/// element type, rank 1, a length that does not provably differ. `where`
/// names the dim in errors.
static FailureOr<TensorType>
checkAxisParams(TensorType input, ArrayRef<TensorType> params,
                ArrayRef<StringRef> names, int64_t axis, StringRef where,
                const sym::Analyzer &analyzer, EmitErrorFn emitError) {
  for (auto [param, name] : llvm::zip_equal(params, names)) {
    if (input.getElementType() != param.getElementType())
      return fail(emitError, "expects the ", name,
                  " to have the input's element type, but got ", param, " for ",
                  input);
    if (!input.getRanked() || !param.getRanked())
      continue;
    if (input.getNumDims() == 0 || param.getNumDims() != 1)
      return fail(emitError, "expects an input of rank >= 1 and a ", name,
                  " of rank 1, but got ", input, " and ", param);
    sym::Expr dim = input.getDims()[axis], length = param.getDims().front();
    if (dim && length && analyzer.proveEqual(dim, length) == sym::Proof::False)
      return fail(emitError, "expects a ", name, " of ", dimToString(dim),
                  " elements (", where, "), but it has ", dimToString(length),
                  ", and they provably differ");
  }
  return input;
}

FailureOr<TensorType> inferLastAxisNormShape(TensorType input,
                                             ArrayRef<TensorType> params,
                                             ArrayRef<StringRef> names,
                                             const sym::Analyzer &analyzer,
                                             EmitErrorFn emitError) {
  int64_t last = input.getRanked() ? input.getNumDims() - 1 : 0;
  return checkAxisParams(input, params, names, last,
                         "the input's last dimension", analyzer, emitError);
}

FailureOr<TensorType>
inferBatchNormShape(TensorType input, ArrayRef<TensorType> params, int64_t axis,
                    const sym::Analyzer &analyzer, EmitErrorFn emitError) {
  int64_t normalized = 0;
  if (input.getRanked()) {
    FailureOr<int64_t> checked =
        normalizeAxis(axis, input.getNumDims(), emitError);
    if (failed(checked))
      return failure();
    normalized = *checked;
  }
  return checkAxisParams(input, params, {"gamma", "beta", "mean", "variance"},
                         normalized, "the input's axis dimension", analyzer,
                         emitError);
}

FailureOr<TensorType> inferGroupNormShape(TensorType input, TensorType weight,
                                          TensorType bias, int64_t groups,
                                          const sym::Analyzer &analyzer,
                                          EmitErrorFn emitError) {
  if (groups <= 0)
    return fail(emitError, "expects a positive number of groups, but got ",
                groups);
  if (input.getRanked()) {
    if (input.getNumDims() < 2)
      return fail(emitError, "expects an input of rank >= 2, but got ", input);
    sym::Expr channels = input.getDims()[1];
    std::optional<int64_t> c = channels ? channels.getConstant() : std::nullopt;
    if (c && *c % groups != 0)
      return fail(emitError, "expects the ", *c,
                  " channels to be a multiple of the groups (", groups, ")");
  }
  return checkAxisParams(input, {weight, bias}, {"weight", "bias"}, 1,
                         "the input's channels", analyzer, emitError);
}

//===----------------------------------------------------------------------===//
// Convolutions and pooling
//===----------------------------------------------------------------------===//

/// Fails when `lhs` and `rhs` provably differ; `what` names the pair.
static LogicalResult checkNotProvablyDifferent(const sym::Analyzer &analyzer,
                                               sym::Expr lhs, sym::Expr rhs,
                                               StringRef what,
                                               EmitErrorFn emitError) {
  if (!lhs || !rhs || analyzer.proveEqual(lhs, rhs) != sym::Proof::False)
    return success();
  return fail(emitError, what, " are ", dimToString(lhs), " and ",
              dimToString(rhs), ", which provably differ");
}

/// Checks the window attributes: lengths, positive strides and dilation,
/// non-negative padding.
static LogicalResult checkWindow(const Window2D &window,
                                 EmitErrorFn emitError) {
  if (window.strides.size() != 2 || window.dilation.size() != 2 ||
      window.padding.size() != 4)
    return fail(emitError,
                "expects 2 strides, 2 dilations and 4 paddings "
                "(top, left, bottom, right), but got ",
                window.strides.size(), ", ", window.dilation.size(), " and ",
                window.padding.size());
  if (llvm::any_of(window.strides, [](int64_t v) { return v <= 0; }) ||
      llvm::any_of(window.dilation, [](int64_t v) { return v <= 0; }))
    return fail(emitError, "expects positive strides and dilation, but got ",
                axesToString(window.strides), " and ",
                axesToString(window.dilation));
  if (llvm::any_of(window.padding, [](int64_t v) { return v < 0; }))
    return fail(emitError, "expects non-negative padding, but got ",
                axesToString(window.padding));
  return success();
}

/// The positions of (channels, height, width) in a layout's data.
static std::array<unsigned, 3> getDataDims(ConvLayout layout) {
  return layout == ConvLayout::NCHW ? std::array<unsigned, 3>{1, 2, 3}
                                    : std::array<unsigned, 3>{3, 1, 2};
}

/// The output extent of a window of `kernel` over `size` along axis `i`
/// (0: y, 1: x); fails when it is a constant below 1.
static FailureOr<sym::Expr> getWindowOutput(sym::Expr size, sym::Expr kernel,
                                            const Window2D &window, unsigned i,
                                            EmitErrorFn emitError) {
  if (!size || !kernel)
    return sym::Expr();
  sym::Context &ctx = size.getContext();
  sym::Expr span = size + (window.padding[i] + window.padding[i + 2]) -
                   (kernel - 1) * window.dilation[i] - 1;
  sym::Expr out = *sym::floorDiv(span, ctx.constant(window.strides[i])) + 1;
  if (std::optional<int64_t> constant = out.getConstant();
      constant && *constant < 1)
    return fail(emitError, "the window of ", dimToString(kernel),
                " does not fit the padded extent of ", dimToString(size), " (",
                *constant, " outputs along ", i == 0 ? "y" : "x", ")");
  return out;
}

/// The data dims with (channels, height, width) replaced.
static TensorType withDataDims(TensorType data, ConvLayout layout,
                               sym::Expr channels, sym::Expr height,
                               sym::Expr width) {
  SmallVector<sym::Expr> dims(data.getDims());
  std::array<unsigned, 3> at = getDataDims(layout);
  dims[at[0]] = channels;
  dims[at[1]] = height;
  dims[at[2]] = width;
  return TensorType::get(dims, data.getElementType());
}

/// Checks what every 2-D convolution asks of its operands: one element
/// type, and rank 4 where ranked.
static LogicalResult checkConvOperands(TensorType data, TensorType weight,
                                       EmitErrorFn emitError) {
  if (data.getElementType() != weight.getElementType())
    return fail(emitError,
                "expects data and weight of one element type, but got ", data,
                " and ", weight);
  if (data.getRanked() && weight.getRanked() &&
      (data.getNumDims() != 4 || weight.getNumDims() != 4))
    return fail(emitError, "expects data and weight of rank 4, but got ", data,
                " and ", weight);
  return success();
}

FailureOr<TensorType> inferConv2DShape(TensorType data, TensorType weight,
                                       const Window2D &window, int64_t groups,
                                       const sym::Analyzer &analyzer,
                                       EmitErrorFn emitError) {
  if (failed(checkWindow(window, emitError)))
    return failure();
  if (groups <= 0)
    return fail(emitError, "expects positive groups, but got ", groups);
  if (failed(checkConvOperands(data, weight, emitError)))
    return failure();
  if (!data.getRanked() || !weight.getRanked())
    return TensorType::get(data.getElementType());
  std::array<unsigned, 3> at = getDataDims(window.layout);
  ArrayRef<sym::Expr> x = data.getDims(), w = weight.getDims();
  // The weight is [o, in, kh, kw] (NCHW) or [o, kh, kw, in] (NHWC).
  sym::Expr outChannels = w[0], in = w[at[0]], kh = w[at[1]], kw = w[at[2]];
  if (x[at[0]] && in &&
      analyzer.proveEqual(x[at[0]], in * groups) == sym::Proof::False)
    return fail(emitError, "expects ", dimToString(x[at[0]]),
                " data channels to be the weight's ", dimToString(in),
                " times the groups (", groups, ")");
  if (std::optional<int64_t> o =
          outChannels ? outChannels.getConstant() : std::nullopt;
      o && *o % groups != 0)
    return fail(emitError, "expects the ", *o,
                " output channels to be a multiple of the groups (", groups,
                ")");
  FailureOr<sym::Expr> oh = getWindowOutput(x[at[1]], kh, window, 0, emitError);
  FailureOr<sym::Expr> ow = getWindowOutput(x[at[2]], kw, window, 1, emitError);
  if (failed(oh) || failed(ow))
    return failure();
  return withDataDims(data, window.layout, outChannels, *oh, *ow);
}

FailureOr<TensorType> inferConv2DTransposeShape(
    TensorType data, TensorType weight, const Window2D &window,
    ArrayRef<int64_t> outputPadding, int64_t groups,
    const sym::Analyzer &analyzer, EmitErrorFn emitError) {
  if (failed(checkWindow(window, emitError)))
    return failure();
  if (groups <= 0)
    return fail(emitError, "expects positive groups, but got ", groups);
  if (outputPadding.size() != 2)
    return fail(emitError, "expects 2 output paddings, but got ",
                outputPadding.size());
  for (unsigned i = 0; i < 2; ++i)
    if (outputPadding[i] < 0 || (outputPadding[i] >= window.strides[i] &&
                                 outputPadding[i] >= window.dilation[i]))
      return fail(emitError,
                  "expects each output padding to be smaller than "
                  "its stride or its dilation, but got ",
                  axesToString(outputPadding));
  if (failed(checkConvOperands(data, weight, emitError)))
    return failure();
  if (!data.getRanked() || !weight.getRanked())
    return TensorType::get(data.getElementType());
  ArrayRef<sym::Expr> x = data.getDims(), w = weight.getDims();
  if (failed(checkNotProvablyDifferent(
          analyzer, x[1], w[0],
          "the data's channels and the weight's first dim", emitError)))
    return failure();
  if (std::optional<int64_t> c = x[1] ? x[1].getConstant() : std::nullopt;
      c && *c % groups != 0)
    return fail(emitError, "expects the ", *c,
                " data channels to be a multiple of the groups (", groups, ")");
  SmallVector<sym::Expr> dims{x[0], w[1] ? w[1] * groups : sym::Expr()};
  for (unsigned i = 0; i < 2; ++i) {
    sym::Expr size = x[2 + i], kernel = w[2 + i];
    if (!size || !kernel) {
      dims.push_back(sym::Expr());
      continue;
    }
    sym::Expr out = (size - 1) * window.strides[i] -
                    (window.padding[i] + window.padding[i + 2]) +
                    (kernel - 1) * window.dilation[i] + outputPadding[i] + 1;
    if (std::optional<int64_t> constant = out.getConstant();
        constant && *constant < 1)
      return fail(emitError, "the padding leaves ", *constant,
                  " outputs along ", i == 0 ? "y" : "x");
    dims.push_back(out);
  }
  return TensorType::get(dims, data.getElementType());
}

TensorType getConv1DAs2D(TensorType type, ConvLayout layout) {
  if (!type.getRanked() || type.getNumDims() != 3)
    return type;
  SmallVector<sym::Expr> dims(type.getDims());
  dims.insert(dims.begin() + (layout == ConvLayout::NCHW ? 2 : 1),
              getSymContext(type).constant(1));
  return TensorType::get(dims, type.getElementType());
}

FailureOr<Conv1DWindow> getConv1DWindow(ArrayRef<int64_t> strides,
                                        ArrayRef<int64_t> padding,
                                        ArrayRef<int64_t> dilation,
                                        EmitErrorFn emitError) {
  if (strides.size() != 1 || dilation.size() != 1 || padding.size() != 2)
    return fail(emitError,
                "expects 1 stride, 1 dilation and 2 paddings "
                "(left, right), but got ",
                strides.size(), ", ", dilation.size(), " and ", padding.size());
  return Conv1DWindow{
      {1, strides[0]}, {1, dilation[0]}, {0, padding[0], 0, padding[1]}};
}

FailureOr<TensorType>
inferConv1DShape(TensorType data, TensorType weight, ArrayRef<int64_t> strides,
                 ArrayRef<int64_t> padding, ArrayRef<int64_t> dilation,
                 int64_t groups, ConvLayout layout,
                 const sym::Analyzer &analyzer, EmitErrorFn emitError) {
  FailureOr<Conv1DWindow> window =
      getConv1DWindow(strides, padding, dilation, emitError);
  if (failed(window))
    return failure();
  for (TensorType type : {data, weight})
    if (type.getRanked() && type.getNumDims() != 3)
      return fail(emitError, "expects data and weight of rank 3, but got ",
                  data, " and ", weight);
  FailureOr<TensorType> result = inferConv2DShape(
      getConv1DAs2D(data, layout), getConv1DAs2D(weight, layout),
      Window2D{window->strides, window->padding, window->dilation, layout},
      groups, analyzer, emitError);
  if (failed(result) || !result->getRanked())
    return result;
  SmallVector<sym::Expr> dims(result->getDims());
  dims.erase(dims.begin() + (layout == ConvLayout::NCHW ? 2 : 1));
  return TensorType::get(dims, result->getElementType());
}

FailureOr<TensorType> inferPool2DShape(TensorType data,
                                       ArrayRef<int64_t> poolSize,
                                       const Window2D &window,
                                       EmitErrorFn emitError) {
  if (failed(checkWindow(window, emitError)))
    return failure();
  if (poolSize.size() != 2 || poolSize[0] <= 0 || poolSize[1] <= 0)
    return fail(emitError,
                "expects a pool size of 2 positive extents, but "
                "got ",
                axesToString(poolSize));
  if (!data.getRanked())
    return data;
  if (data.getNumDims() != 4)
    return fail(emitError, "expects data of rank 4, but got ", data);
  std::array<unsigned, 3> at = getDataDims(window.layout);
  sym::Context &ctx = getSymContext(data);
  ArrayRef<sym::Expr> x = data.getDims();
  FailureOr<sym::Expr> oh = getWindowOutput(x[at[1]], ctx.constant(poolSize[0]),
                                            window, 0, emitError);
  FailureOr<sym::Expr> ow = getWindowOutput(x[at[2]], ctx.constant(poolSize[1]),
                                            window, 1, emitError);
  if (failed(oh) || failed(ow))
    return failure();
  return withDataDims(data, window.layout, x[at[0]], *oh, *ow);
}

FailureOr<TensorType> inferResize2DShape(TensorType data,
                                         ArrayRef<sym::Expr> size,
                                         ConvLayout layout,
                                         EmitErrorFn emitError) {
  if (size.size() != 2)
    return fail(emitError, "expects a size of 2 dims, but got ",
                dimsToString(size));
  for (sym::Expr dim : size)
    if (std::optional<int64_t> c = dim ? dim.getConstant() : std::nullopt;
        c && *c <= 0)
      return fail(emitError, "expects a positive size, but got ",
                  dimsToString(size));
  if (!data.getRanked())
    return data;
  if (data.getNumDims() != 4)
    return fail(emitError, "expects data of rank 4, but got ", data);
  return withDataDims(data, layout, data.getDims()[getDataDims(layout)[0]],
                      size[0], size[1]);
}

FailureOr<TensorType> inferAdaptivePool2DShape(TensorType data,
                                               ArrayRef<int64_t> outputSize,
                                               ConvLayout layout,
                                               EmitErrorFn emitError) {
  if (outputSize.size() != 2 || outputSize[0] <= 0 || outputSize[1] <= 0)
    return fail(emitError,
                "expects an output size of 2 positive extents, "
                "but got ",
                axesToString(outputSize));
  if (!data.getRanked())
    return data;
  if (data.getNumDims() != 4)
    return fail(emitError, "expects data of rank 4, but got ", data);
  sym::Context &ctx = getSymContext(data);
  return withDataDims(data, layout, data.getDims()[getDataDims(layout)[0]],
                      ctx.constant(outputSize[0]), ctx.constant(outputSize[1]));
}

//===----------------------------------------------------------------------===//
// Attention and rotary embeddings
//===----------------------------------------------------------------------===//

FailureOr<TensorType> inferAttentionShape(TensorType query, TensorType key,
                                          TensorType value,
                                          const sym::Analyzer &analyzer,
                                          EmitErrorFn emitError) {
  Type element = query.getElementType();
  if (key.getElementType() != element || value.getElementType() != element)
    return fail(emitError,
                "expects query, key and value of one element type, but got ",
                query, ", ", key, " and ", value);
  if (!query.getRanked() || !key.getRanked() || !value.getRanked())
    return TensorType::get(element);
  if (query.getNumDims() != 4 || key.getNumDims() != 4 ||
      value.getNumDims() != 4)
    return fail(emitError,
                "expects query, key and value of rank 4 (batch, sequence, "
                "heads, head dim), but got ",
                query, ", ", key, " and ", value);
  ArrayRef<sym::Expr> q = query.getDims(), k = key.getDims(),
                      v = value.getDims();
  if (failed(checkNotProvablyDifferent(analyzer, q[0], k[0],
                                       "the batch sizes of query and key",
                                       emitError)) ||
      failed(checkNotProvablyDifferent(analyzer, k[0], v[0],
                                       "the batch sizes of key and value",
                                       emitError)) ||
      failed(checkNotProvablyDifferent(analyzer, k[1], v[1],
                                       "the sequence lengths of key and value",
                                       emitError)) ||
      failed(checkNotProvablyDifferent(analyzer, k[2], v[2],
                                       "the head counts of key and value",
                                       emitError)) ||
      failed(checkNotProvablyDifferent(
          analyzer, q[3], k[3], "the head dims of query and key", emitError)))
    return failure();
  std::optional<int64_t> heads = q[2] ? q[2].getConstant() : std::nullopt;
  std::optional<int64_t> kvHeads = k[2] ? k[2].getConstant() : std::nullopt;
  if (heads && kvHeads && (*kvHeads <= 0 || *heads % *kvHeads != 0))
    return fail(emitError, "expects the query's heads (", *heads,
                ") to be a multiple of the key's (", *kvHeads, ")");
  return TensorType::get({q[0], q[1], q[2], v[3]}, element);
}

FailureOr<TensorType> inferRopeShape(TensorType input, TensorType positions,
                                     const sym::Analyzer &analyzer,
                                     EmitErrorFn emitError) {
  auto integer = dyn_cast<IntegerType>(positions.getElementType());
  if (!integer || integer.getWidth() == 1)
    return fail(emitError, "expects integer positions, but got ", positions);
  if (!input.getRanked() || !positions.getRanked())
    return input;
  if (input.getNumDims() != 4 || positions.getNumDims() != 1)
    return fail(emitError,
                "expects an input of rank 4 (batch, sequence, heads, head "
                "dim) and positions of rank 1, but got ",
                input, " and ", positions);
  ArrayRef<sym::Expr> dims = input.getDims();
  if (failed(checkNotProvablyDifferent(
          analyzer, dims[1], positions.getDims()[0],
          "the sequence length of the input and the number of positions",
          emitError)))
    return failure();
  std::optional<int64_t> headDim =
      dims[3] ? dims[3].getConstant() : std::nullopt;
  if (headDim && *headDim % 2 != 0)
    return fail(emitError, "expects an even head dim, but got ", *headDim);
  return input;
}

//===----------------------------------------------------------------------===//
// 4-bit group quantization
//===----------------------------------------------------------------------===//

static LogicalResult checkGroupSize(int64_t groupSize, EmitErrorFn emitError) {
  if (groupSize > 0 && groupSize % 8 == 0)
    return success();
  return fail(emitError,
              "expects a group size that is a positive multiple of 8 (the "
              "elements of a word), but got ",
              groupSize);
}

FailureOr<std::pair<TensorType, TensorType>>
inferQ4QuantizeShapes(TensorType weight, int64_t groupSize,
                      EmitErrorFn emitError) {
  if (failed(checkGroupSize(groupSize, emitError)))
    return failure();
  MLIRContext *ctx = weight.getContext();
  Type i32 = IntegerType::get(ctx, 32);
  Type element = weight.getElementType();
  if (!weight.getRanked())
    return std::make_pair(TensorType::get(i32), TensorType::get(element));
  if (weight.getNumDims() == 0)
    return fail(emitError, "expects a weight of rank >= 1, but got ", weight);
  sym::Expr k = weight.getDims().back();
  std::optional<int64_t> constant = k ? k.getConstant() : std::nullopt;
  if (constant && *constant % groupSize != 0)
    return fail(emitError, "expects the last dimension (", *constant,
                ") to be a multiple of the group size (", groupSize, ")");
  SmallVector<sym::Expr> packed(weight.getDims()), scale(weight.getDims());
  sym::Context &symbols = getSymContext(weight);
  // Non-zero constant divisors: the divisions cannot fail.
  packed.back() = k ? *sym::floorDiv(k, symbols.constant(8)) : sym::Expr();
  scale.back() =
      k ? *sym::floorDiv(k, symbols.constant(groupSize)) : sym::Expr();
  return std::make_pair(TensorType::get(packed, i32),
                        TensorType::get(scale, element));
}

FailureOr<TensorType>
inferQ4DequantizeShape(TensorType packed, TensorType scale, int64_t groupSize,
                       const sym::Analyzer &analyzer, EmitErrorFn emitError) {
  if (failed(checkGroupSize(groupSize, emitError)))
    return failure();
  if (!packed.getElementType().isSignlessInteger(32))
    return fail(emitError, "expects packed words of type i32, but got ",
                packed);
  Type element = scale.getElementType();
  if (!packed.getRanked() || !scale.getRanked())
    return TensorType::get(element);
  if (packed.getNumDims() == 0 || packed.getNumDims() != scale.getNumDims())
    return fail(emitError,
                "expects packed words and scales of one rank >= 1, but got ",
                packed, " and ", scale);
  ArrayRef<sym::Expr> words = packed.getDims(), groups = scale.getDims();
  for (size_t dim = 0; dim + 1 < words.size(); ++dim)
    if (failed(checkNotProvablyDifferent(
            analyzer, words[dim], groups[dim],
            ("dimension " + Twine(dim) + " of the packed words and the scales")
                .str(),
            emitError)))
      return failure();
  sym::Context &symbols = getSymContext(packed);
  sym::Expr k = words.back() ? words.back() * symbols.constant(8) : sym::Expr();
  sym::Expr grouped =
      groups.back() ? groups.back() * symbols.constant(groupSize) : sym::Expr();
  if (failed(checkNotProvablyDifferent(
          analyzer, k, grouped,
          "the elements (8 per word) and the elements the scales cover",
          emitError)))
    return failure();
  SmallVector<sym::Expr> dims(words);
  dims.back() = k;
  return TensorType::get(dims, element);
}

//===----------------------------------------------------------------------===//
// Copies by index arithmetic
//===----------------------------------------------------------------------===//

FailureOr<TensorType> inferBroadcastToShape(TensorType input,
                                            ArrayRef<sym::Expr> shape,
                                            const sym::Analyzer &analyzer,
                                            EmitErrorFn emitError) {
  TensorType result = TensorType::get(shape, input.getElementType());
  if (!input.getRanked())
    return result;
  ArrayRef<sym::Expr> dims = input.getDims();
  if (dims.size() > shape.size())
    return fail(emitError, "cannot broadcast ", input, " to ",
                dimsToString(shape), ": the target has fewer dimensions");
  size_t offset = shape.size() - dims.size();
  for (auto [index, dim] : llvm::enumerate(dims)) {
    sym::Expr target = shape[offset + index];
    if (!dim || !target || proveEqualTo(analyzer, dim, 1) == sym::Proof::True)
      continue;
    if (analyzer.proveEqual(dim, target) == sym::Proof::False)
      return fail(emitError, "cannot broadcast ", input, " to ",
                  dimsToString(shape), ": dimension ", index, " is ",
                  dimToString(dim), ", neither 1 nor ", dimToString(target));
  }
  return result;
}

FailureOr<TensorType> inferConcatShape(ArrayRef<TensorType> inputs,
                                       int64_t axis,
                                       const sym::Analyzer &analyzer,
                                       EmitErrorFn emitError) {
  if (inputs.empty())
    return fail(emitError, "expects at least one input");
  Type element = inputs.front().getElementType();
  for (TensorType input : inputs)
    if (input.getElementType() != element)
      return fail(emitError, "expects inputs of one element type, but got ",
                  inputs.front(), " and ", input);
  auto ranked =
      llvm::find_if(inputs, [](TensorType t) { return t.getRanked(); });
  if (ranked == inputs.end())
    return TensorType::get(element);
  int64_t rank = ranked->getNumDims();
  FailureOr<int64_t> normalized = normalizeAxis(axis, rank, emitError);
  if (failed(normalized))
    return failure();
  SmallVector<sym::Expr> dims(ranked->getDims());
  sym::Expr sum = getSymContext(*ranked).constant(0);
  for (TensorType input : inputs) {
    if (!input.getRanked()) {
      sum = sym::Expr();
      continue;
    }
    if (input.getNumDims() != rank)
      return fail(emitError, "expects inputs of one rank, but got ", *ranked,
                  " and ", input);
    for (int64_t dim = 0; dim < rank; ++dim) {
      sym::Expr value = input.getDims()[dim];
      if (dim == *normalized) {
        sum = sum && value ? sum + value : sym::Expr();
        continue;
      }
      if (!dims[dim]) {
        dims[dim] = value;
      } else if (value &&
                 analyzer.proveEqual(dims[dim], value) == sym::Proof::False) {
        return fail(emitError, "expects the inputs to agree outside axis ",
                    *normalized, ", but dimension ", dim, " is ",
                    dimToString(dims[dim]), " in ", *ranked, " and ",
                    dimToString(value), " in ", input);
      }
    }
  }
  dims[*normalized] = sum;
  return TensorType::get(dims, element);
}

FailureOr<TensorType> inferTriangleShape(TensorType input,
                                         EmitErrorFn emitError) {
  if (input.getRanked() && input.getNumDims() < 2)
    return fail(emitError, "expects an input of rank >= 2, but got ", input);
  return input;
}

FailureOr<TensorType> inferTileShape(TensorType input,
                                     ArrayRef<int64_t> repeats,
                                     EmitErrorFn emitError) {
  for (int64_t repeat : repeats)
    if (repeat <= 0)
      return fail(emitError, "expects positive repeats, but got ",
                  axesToString(repeats));
  if (!input.getRanked())
    return TensorType::get(input.getElementType());
  sym::Context &ctx = getSymContext(input);
  size_t rank = std::max<size_t>(input.getNumDims(), repeats.size());
  SmallVector<sym::Expr> dims(rank - input.getNumDims(), ctx.constant(1));
  llvm::append_range(dims, input.getDims());
  size_t first = rank - repeats.size();
  for (auto [index, repeat] : llvm::enumerate(repeats))
    if (sym::Expr &dim = dims[first + index])
      dim = dim * repeat;
  return TensorType::get(dims, input.getElementType());
}

FailureOr<TensorType> inferRepeatShape(TensorType input, int64_t repeats,
                                       int64_t axis, EmitErrorFn emitError) {
  if (repeats <= 0)
    return fail(emitError, "expects a positive repeat count, but got ",
                repeats);
  if (!input.getRanked())
    return input;
  FailureOr<int64_t> normalized =
      normalizeAxis(axis, input.getNumDims(), emitError);
  if (failed(normalized))
    return failure();
  SmallVector<sym::Expr> dims(input.getDims());
  if (dims[*normalized])
    dims[*normalized] = dims[*normalized] * repeats;
  return TensorType::get(dims, input.getElementType());
}

SliceBounds getSliceBounds(sym::Expr dim, sym::Expr begin, sym::Expr end,
                           int64_t stride) {
  // Bounds beyond 2^40 clamp like infinite ones (numpy's sys.maxsize
  // sentinels) without overflowing the arithmetic below; dims are smaller.
  constexpr int64_t kFar = int64_t(1) << 40;
  sym::Context &ctx = dim.getContext();
  // numpy: a negative constant bound counts from the end; then clamp into
  // [0, dim] (forwards) or [-1, dim - 1] (backwards). Dims are non-negative,
  // so the far and zero bounds need no min or max. A symbolic bound is an
  // index from the start: only clamped.
  // Symbolic variables stand for sizes, so they are non-negative: a bound
  // such as `p` in a dim `p + n` needs no clamp.
  sym::Analyzer sizes;
  SmallVector<StringRef> names;
  for (sym::Expr e : {dim, begin, end})
    sym::collectVars(e, names);
  for (StringRef name : names)
    sizes.setBounds(name, 0, std::numeric_limits<int64_t>::max());
  auto isTrue = [](sym::Proof proof) { return proof == sym::Proof::True; };
  auto normalize = [&](sym::Expr boundExpr) -> sym::Expr {
    std::optional<int64_t> constant = boundExpr.getConstant();
    if (!constant) {
      sym::Expr low = ctx.constant(stride > 0 ? 0 : -1);
      sym::Expr high = stride > 0 ? dim : dim - 1;
      if (!isTrue(sizes.proveLE(low, boundExpr)))
        boundExpr = sym::max(boundExpr, low);
      return isTrue(sizes.proveLE(boundExpr, high)) ? boundExpr
                                                    : sym::min(boundExpr, high);
    }
    int64_t bound = std::clamp(*constant, -kFar, kFar);
    if (stride > 0) {
      if (bound >= kFar)
        return dim;
      if (bound == 0)
        return ctx.constant(0);
      return bound < 0 ? sym::max(dim + bound, 0) : sym::min(dim, bound);
    }
    if (bound >= kFar)
      return dim - 1;
    if (bound <= -kFar)
      return ctx.constant(-1);
    return bound < 0 ? sym::max(dim + bound, -1) : sym::min(dim - 1, bound);
  };
  sym::Expr first = normalize(begin), last = normalize(end);
  sym::Expr span = stride > 0 ? last - first : first - last;
  int64_t step = stride > 0 ? stride : -stride;
  // A positive constant divisor: ceilDiv cannot fail.
  sym::Expr extent = *sym::ceilDiv(span, ctx.constant(step));
  // From the start forwards (the end is clamped into [0, dim]) or from the
  // last element backwards (into [-1, dim - 1]), the span is non-negative.
  bool fromEdge = stride > 0 ? first.getConstant() == 0 : first == dim - 1;
  bool ordered = isTrue(stride > 0 ? sizes.proveLE(first, last)
                                   : sizes.proveLE(last, first));
  return {first, fromEdge || ordered ? extent : sym::max(extent, 0), stride};
}

FailureOr<TensorType>
inferStridedSliceShape(TensorType input, ArrayRef<int64_t> axes,
                       ArrayRef<sym::Expr> begin, ArrayRef<sym::Expr> end,
                       ArrayRef<int64_t> strides, EmitErrorFn emitError) {
  if (begin.size() != axes.size() || end.size() != axes.size() ||
      (!strides.empty() && strides.size() != axes.size()))
    return fail(emitError,
                "expects one begin, end and stride per axis, but "
                "got ",
                axes.size(), " axes, ", begin.size(), " begins, ", end.size(),
                " ends and ", strides.size(), " strides");
  if (llvm::is_contained(strides, 0))
    return fail(emitError, "expects non-zero strides, but got ",
                axesToString(strides));
  if (llvm::any_of(llvm::concat<const sym::Expr>(begin, end),
                   [](sym::Expr bound) { return !bound; }))
    return fail(emitError, "expects known bounds, but got ",
                dimsToString(begin), " and ", dimsToString(end));
  if (!input.getRanked())
    return TensorType::get(input.getElementType());
  FailureOr<SmallVector<int64_t>> normalized =
      normalizeAxes(axes, input.getNumDims(), emitError);
  if (failed(normalized))
    return failure();
  SmallVector<sym::Expr> dims(input.getDims());
  for (auto [index, axis] : llvm::enumerate(*normalized)) {
    sym::Expr &dim = dims[axis];
    if (dim)
      dim = getSliceBounds(dim, begin[index], end[index],
                           strides.empty() ? 1 : strides[index])
                .extent;
  }
  return TensorType::get(dims, input.getElementType());
}

static LogicalResult checkIntegerIndices(TensorType indices,
                                         EmitErrorFn emitError) {
  auto integer = dyn_cast<IntegerType>(indices.getElementType());
  if (integer && integer.getWidth() > 1)
    return success();
  return fail(emitError, "expects integer indices, but got ", indices);
}

FailureOr<TensorType> inferTakeShape(TensorType input, TensorType indices,
                                     int64_t axis, EmitErrorFn emitError) {
  if (failed(checkIntegerIndices(indices, emitError)))
    return failure();
  if (!input.getRanked() || !indices.getRanked())
    return TensorType::get(input.getElementType());
  FailureOr<int64_t> normalized =
      normalizeAxis(axis, input.getNumDims(), emitError);
  if (failed(normalized))
    return failure();
  ArrayRef<sym::Expr> dims = input.getDims();
  SmallVector<sym::Expr> result(dims.take_front(*normalized));
  llvm::append_range(result, indices.getDims());
  llvm::append_range(result, dims.drop_front(*normalized + 1));
  return TensorType::get(result, input.getElementType());
}

FailureOr<TensorType> inferOneHotShape(TensorType indices, int64_t depth,
                                       Type dtype, EmitErrorFn emitError) {
  if (failed(checkIntegerIndices(indices, emitError)))
    return failure();
  if (depth <= 0)
    return fail(emitError, "expects a positive depth, but got ", depth);
  if (!isa<FloatType, IntegerType>(dtype))
    return fail(emitError,
                "expects an integer or floating-point dtype, but got ", dtype);
  if (!indices.getRanked())
    return TensorType::get(dtype);
  SmallVector<sym::Expr> dims(indices.getDims());
  dims.push_back(getSymContext(indices).constant(depth));
  return TensorType::get(dims, dtype);
}

//===----------------------------------------------------------------------===//
// einsum
//===----------------------------------------------------------------------===//

FailureOr<EinsumSubscripts> parseEinsumSubscripts(StringRef subscripts,
                                                  ArrayRef<int64_t> ranks,
                                                  EmitErrorFn emitError) {
  if (subscripts.contains("..."))
    return fail(emitError, "does not support ellipses in '", subscripts, "'");
  auto [lhs, rhs] = subscripts.split("->");
  bool explicitOutput = subscripts.contains("->");
  SmallVector<StringRef> operands;
  lhs.split(operands, ',');
  if (operands.size() != ranks.size() || ranks.empty() || ranks.size() > 2)
    return fail(emitError, "expects subscripts for its ", ranks.size(),
                " operands (one or two), but got '", subscripts, "'");
  EinsumSubscripts result;
  std::map<char, int> counts;
  for (auto [letters, rank] : llvm::zip_equal(operands, ranks)) {
    std::string trimmed = letters.trim().str();
    if (!llvm::all_of(trimmed, [](char c) { return llvm::isAlpha(c); }))
      return fail(emitError, "expects letters in '", subscripts, "'");
    if (rank >= 0 && static_cast<int64_t>(trimmed.size()) != rank)
      return fail(emitError, "'", trimmed, "' names ", trimmed.size(),
                  " dims of an operand of rank ", rank);
    for (char c : trimmed)
      ++counts[c];
    result.inputs.push_back(trimmed);
  }
  if (explicitOutput) {
    result.output = rhs.trim().str();
    std::set<char> seen;
    for (char c : result.output)
      if (!counts.count(c) || !seen.insert(c).second)
        return fail(emitError,
                    "expects result letters that appear in the "
                    "operands once each, but got '",
                    result.output, "'");
  } else {
    for (auto [c, count] : counts)
      if (count == 1)
        result.output.push_back(c);
  }
  return result;
}

FailureOr<TensorType> inferEinsumShape(StringRef subscripts,
                                       ArrayRef<TensorType> inputs,
                                       const sym::Analyzer &analyzer,
                                       EmitErrorFn emitError) {
  SmallVector<int64_t> ranks = llvm::map_to_vector(inputs, [](TensorType t) {
    return t.getRanked() ? int64_t(t.getNumDims()) : int64_t(-1);
  });
  FailureOr<EinsumSubscripts> parsed =
      parseEinsumSubscripts(subscripts, ranks, emitError);
  if (failed(parsed))
    return failure();
  Type element = inputs.front().getElementType();
  for (TensorType input : inputs)
    if (input.getElementType() != element)
      return fail(emitError, "expects operands of one element type, but got ",
                  inputs.front(), " and ", input);
  // Each letter's dim: the first known occurrence; the others may not
  // provably differ from it.
  std::map<char, sym::Expr> dims;
  for (auto [letters, input] : llvm::zip_equal(parsed->inputs, inputs)) {
    if (!input.getRanked())
      continue;
    for (auto [c, dim] : llvm::zip_equal(letters, input.getDims())) {
      sym::Expr &known = dims[c];
      if (!known) {
        known = dim;
        continue;
      }
      if (dim && analyzer.proveEqual(known, dim) == sym::Proof::False)
        return fail(emitError, "the dims of '", std::string(1, c), "' are ",
                    dimToString(known), " and ", dimToString(dim),
                    ", which provably differ");
    }
  }
  if (llvm::any_of(inputs, [](TensorType t) { return !t.getRanked(); }))
    return TensorType::get(element);
  SmallVector<sym::Expr> result;
  for (char c : parsed->output)
    result.push_back(dims[c]);
  return TensorType::get(result, element);
}

//===----------------------------------------------------------------------===//
// linear, pad
//===----------------------------------------------------------------------===//

FailureOr<TensorType> inferLinearShape(TensorType input, TensorType weight,
                                       std::optional<TensorType> bias,
                                       const sym::Analyzer &analyzer,
                                       EmitErrorFn emitError) {
  Type element = input.getElementType();
  if (weight.getElementType() != element ||
      (bias && bias->getElementType() != element))
    return fail(emitError,
                "expects input, weight and bias of one element "
                "type, but got ",
                input, " and ", weight);
  if (!input.getRanked() || !weight.getRanked())
    return TensorType::get(element);
  if (input.getNumDims() == 0 || weight.getNumDims() != 2 ||
      (bias && bias->getRanked() && bias->getNumDims() != 1))
    return fail(emitError,
                "expects an input of rank >= 1, a weight of rank "
                "2 and a bias of rank 1, but got ",
                input, " and ", weight);
  ArrayRef<sym::Expr> w = weight.getDims();
  if (failed(checkNotProvablyDifferent(
          analyzer, input.getDims().back(), w[1],
          "the input's last dimension and the weight's second", emitError)))
    return failure();
  if (bias && bias->getRanked() &&
      failed(checkNotProvablyDifferent(analyzer, bias->getDims()[0], w[0],
                                       "the bias length and the weight's "
                                       "first dimension",
                                       emitError)))
    return failure();
  SmallVector<sym::Expr> dims(input.getDims());
  dims.back() = w[0];
  return TensorType::get(dims, element);
}

FailureOr<TensorType> inferPadShape(TensorType input,
                                    ArrayRef<int64_t> padWidth,
                                    EmitErrorFn emitError) {
  if (llvm::any_of(padWidth, [](int64_t w) { return w < 0; }))
    return fail(emitError, "expects non-negative pad widths, but got ",
                axesToString(padWidth));
  if (!input.getRanked())
    return input;
  if (static_cast<int64_t>(padWidth.size()) != 2 * input.getNumDims())
    return fail(emitError, "expects 2 pad widths per dimension (",
                2 * input.getNumDims(), "), but got ", padWidth.size());
  SmallVector<sym::Expr> dims(input.getDims());
  for (auto [index, dim] : llvm::enumerate(dims))
    if (dim)
      dim = dim + (padWidth[2 * index] + padWidth[2 * index + 1]);
  return TensorType::get(dims, input.getElementType());
}

//===----------------------------------------------------------------------===//
// split, gathers and scatters
//===----------------------------------------------------------------------===//

FailureOr<SmallVector<TensorType>>
inferSplitShapes(TensorType input, std::optional<int64_t> sections,
                 std::optional<ArrayRef<int64_t>> indices, int64_t axis,
                 EmitErrorFn emitError) {
  if (bool(sections) == bool(indices))
    return fail(emitError, "expects either sections or indices");
  if (sections && *sections <= 0)
    return fail(emitError, "expects a positive number of sections, but got ",
                *sections);
  if (indices && !llvm::is_sorted(*indices))
    return fail(emitError, "expects sorted indices, but got ",
                axesToString(*indices));
  size_t parts = sections ? *sections : indices->size() + 1;
  if (!input.getRanked())
    return SmallVector<TensorType>(parts, input);
  FailureOr<int64_t> normalized =
      normalizeAxis(axis, input.getNumDims(), emitError);
  if (failed(normalized))
    return failure();
  sym::Expr dim = input.getDims()[*normalized];
  SmallVector<TensorType> results;
  for (size_t part = 0; part < parts; ++part) {
    SmallVector<sym::Expr> dims(input.getDims());
    if (dim && sections) {
      std::optional<int64_t> size = dim.getConstant();
      if (size && *size % *sections != 0)
        return fail(emitError, "cannot split ", *size, " into ", *sections,
                    " equal sections");
      dims[*normalized] =
          *sym::floorDiv(dim, dim.getContext().constant(*sections));
    } else if (dim) {
      int64_t begin = part == 0 ? 0 : (*indices)[part - 1];
      int64_t end = part == indices->size()
                        ? std::numeric_limits<int64_t>::max()
                        : (*indices)[part];
      dims[*normalized] = getSliceBounds(dim, begin, end, 1).extent;
    }
    results.push_back(TensorType::get(dims, input.getElementType()));
  }
  return results;
}

FailureOr<TensorType> inferGatherElementsShape(TensorType input,
                                               TensorType indices, int64_t axis,
                                               EmitErrorFn emitError) {
  if (failed(checkIntegerIndices(indices, emitError)))
    return failure();
  if (!input.getRanked() || !indices.getRanked())
    return indices.getRanked()
               ? TensorType::get(indices.getDims(), input.getElementType())
               : TensorType::get(input.getElementType());
  if (input.getNumDims() != indices.getNumDims())
    return fail(emitError, "expects indices of the input's rank, but got ",
                indices, " for ", input);
  if (failed(normalizeAxis(axis, input.getNumDims(), emitError)))
    return failure();
  return TensorType::get(indices.getDims(), input.getElementType());
}

FailureOr<TensorType> inferScatterElementsShape(
    TensorType input, TensorType indices, TensorType updates, int64_t axis,
    const sym::Analyzer &analyzer, EmitErrorFn emitError) {
  if (updates.getElementType() != input.getElementType())
    return fail(emitError,
                "expects updates of the input's element type, but "
                "got ",
                updates, " for ", input);
  FailureOr<TensorType> gathered =
      inferGatherElementsShape(input, indices, axis, emitError);
  if (failed(gathered))
    return failure();
  if (indices.getRanked() && updates.getRanked()) {
    if (updates.getNumDims() != indices.getNumDims())
      return fail(emitError, "expects updates of the indices' shape, but got ",
                  updates, " and ", indices);
    for (auto [u, i] : llvm::zip_equal(updates.getDims(), indices.getDims()))
      if (failed(checkNotProvablyDifferent(
              analyzer, u, i, "dimensions of the updates and the indices",
              emitError)))
        return failure();
  }
  return input;
}

FailureOr<TensorType> inferGatherNDShape(TensorType input, TensorType indices,
                                         EmitErrorFn emitError) {
  if (failed(checkIntegerIndices(indices, emitError)))
    return failure();
  if (!input.getRanked() || !indices.getRanked())
    return TensorType::get(input.getElementType());
  if (indices.getNumDims() == 0)
    return fail(emitError, "expects indices of rank >= 1, but got ", indices);
  sym::Expr last = indices.getDims().back();
  std::optional<int64_t> m = last ? last.getConstant() : std::nullopt;
  if (!m || *m < 1 || *m > input.getNumDims())
    return fail(emitError, "expects index tuples of a constant length in [1, ",
                input.getNumDims(), "], but the indices are ", indices);
  SmallVector<sym::Expr> dims(indices.getDims().drop_back());
  llvm::append_range(dims, input.getDims().drop_front(*m));
  return TensorType::get(dims, input.getElementType());
}

//===----------------------------------------------------------------------===//
// Creation
//===----------------------------------------------------------------------===//

static LogicalResult checkDtype(Type dtype, EmitErrorFn emitError) {
  if (isa<IntegerType, FloatType>(dtype))
    return success();
  return fail(emitError, "expects an integer or floating-point dtype, but got ",
              dtype);
}

FailureOr<TensorType> inferFillShape(ArrayRef<sym::Expr> shape, Type dtype,
                                     EmitErrorFn emitError) {
  if (failed(checkDtype(dtype, emitError)))
    return failure();
  for (sym::Expr dim : shape)
    if (std::optional<int64_t> size = dim ? dim.getConstant() : std::nullopt;
        size && *size < 0)
      return fail(emitError, "expects non-negative dims, but got ",
                  dimsToString(shape));
  return TensorType::get(shape, dtype);
}

FailureOr<TensorType> inferArangeShape(ArrayRef<sym::Expr> end, int64_t start,
                                       int64_t step, Type dtype,
                                       EmitErrorFn emitError) {
  if (failed(checkDtype(dtype, emitError)))
    return failure();
  if (end.size() != 1 || !end.front())
    return fail(emitError, "expects one end expression, but got ",
                dimsToString(end));
  if (step == 0)
    return fail(emitError, "expects a non-zero step");
  sym::Context &ctx = end.front().getContext();
  sym::Expr span = step > 0 ? end.front() - start : start - end.front();
  sym::Expr count = *sym::ceilDiv(span, ctx.constant(step > 0 ? step : -step));
  // 0 to end by 1 counts end: no max needed for a dim-like end.
  if (!(start == 0 && step == 1))
    count = sym::max(count, 0);
  return TensorType::get({count}, dtype);
}

//===----------------------------------------------------------------------===//
// expand_dims, squeeze, flatten
//===----------------------------------------------------------------------===//

FailureOr<TensorType> inferExpandDimsShape(TensorType input,
                                           ArrayRef<int64_t> axes,
                                           EmitErrorFn emitError) {
  if (!input.getRanked())
    return input;
  int64_t rank = input.getNumDims() + axes.size();
  FailureOr<SmallVector<int64_t>> normalized =
      normalizeAxes(axes, rank, emitError);
  if (failed(normalized))
    return failure();
  llvm::SmallBitVector inserted(rank);
  for (int64_t axis : *normalized)
    inserted.set(axis);
  sym::Context &ctx =
      RelaxDialect::getSymContext(input.getElementType().getContext());
  SmallVector<sym::Expr> dims;
  ArrayRef<sym::Expr> inputDims = input.getDims();
  for (int64_t dim = 0, next = 0; dim < rank; ++dim)
    dims.push_back(inserted.test(dim) ? ctx.constant(1) : inputDims[next++]);
  return TensorType::get(dims, input.getElementType());
}

FailureOr<TensorType> inferSqueezeShape(TensorType input,
                                        std::optional<ArrayRef<int64_t>> axes,
                                        EmitErrorFn emitError) {
  if (!input.getRanked())
    return input;
  int64_t rank = input.getNumDims();
  ArrayRef<sym::Expr> dims = input.getDims();
  llvm::SmallBitVector removed(rank);
  if (axes) {
    FailureOr<SmallVector<int64_t>> normalized =
        normalizeAxes(*axes, rank, emitError);
    if (failed(normalized))
      return failure();
    for (int64_t axis : *normalized) {
      if (!dims[axis] || dims[axis].getConstant() != 1) {
        if (emitError)
          emitError() << "cannot squeeze dimension " << axis << " of " << input
                      << ": it is " << dimToString(dims[axis]) << ", not 1";
        return failure();
      }
      removed.set(axis);
    }
  } else {
    for (int64_t dim = 0; dim < rank; ++dim)
      if (dims[dim] && dims[dim].getConstant() == 1)
        removed.set(dim);
  }
  SmallVector<sym::Expr> kept;
  for (int64_t dim = 0; dim < rank; ++dim)
    if (!removed.test(dim))
      kept.push_back(dims[dim]);
  return TensorType::get(kept, input.getElementType());
}

TensorType inferFlattenShape(TensorType input) {
  if (!input.getRanked())
    return input;
  sym::Context &ctx =
      RelaxDialect::getSymContext(input.getElementType().getContext());
  sym::Expr product = ctx.constant(1);
  for (sym::Expr dim : input.getDims()) {
    if (!dim)
      return TensorType::get({sym::Expr()}, input.getElementType());
    product = product * dim;
  }
  return TensorType::get({product}, input.getElementType());
}

} // namespace mlc::relax
