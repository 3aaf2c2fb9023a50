//===- Check.h - Boundary checks of calls -----------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The checks at a function boundary: arguments against the signature before
// a call, results after it. Arguments bind symbolic variables first, then
// results bind those still unbound, each in two steps: the first dim where a
// variable appears bare (`n`) binds it, tensors and dims in order; then a dim
// linear in one still-unbound variable (`2 * n`, `n + 1`, see
// ShapeExpr::linearForm) binds it if the extent has an integer solution, and
// fails the call if not. Bound variables must lie within their `bound`s;
// every other dim is evaluated and compared. Messages name the tensor, the
// dim, the expected expression with its value, where its variables were
// bound, and the actual extent.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_CHECK_H
#define MLC_RUNTIME_CHECK_H

#include "mlc/Runtime/Metadata.h"

namespace mlc::rt {

/// Symbolic variable values and where each was bound: `sources` as in
/// `argument 'x' dimension 1`, `labels` as in `argument 'x' (#0) dimension
/// 1`.
struct Bindings {
  ShapeEnv values;
  std::unordered_map<std::string, std::string> sources;
  std::unordered_map<std::string, std::string> labels;
};

/// Whether a tensor on `actual` can be passed to a function that runs on
/// `expected` (a cpu function takes kDLCPU and kDLCUDAHost tensors).
MLC_RUNTIME_EXPORT bool deviceAccepts(DLDevice expected, DLDevice actual);

/// Checks the argument count, each argument's layout, device, dtype and
/// rank, then binds variables, checks their bounds and then the dims. Sets
/// the last error on failure.
MLC_RUNTIME_EXPORT MLCStatus checkArguments(const FunctionSpec &function,
                                            const DLTensor *args,
                                            int32_t numArgs,
                                            Bindings &bindings);

/// The rank and sizes of a result as the compiled function returned it.
struct ResultShape {
  int32_t ndim;
  const int64_t *sizes;
};

/// Checks results against the signature (a failure is a compiler bug, so it
/// is MLC_ERROR_RUNTIME). Sets the last error on failure.
MLC_RUNTIME_EXPORT MLCStatus checkResults(const FunctionSpec &function,
                                          const ResultShape *results,
                                          Bindings &bindings);

/// Matches `ndim` sizes against `spec` by the rules of arguments: binds the
/// variables `spec` defines that `bindings` lacks, checks `bounds` of those
/// and every other dim. `label` starts messages. For relax.match_cast and
/// call_packed results in compiled code (mlcContextMatchShape).
MLC_RUNTIME_EXPORT MLCStatus matchShape(const TensorSpec &spec,
                                        const int64_t *sizes, int32_t ndim,
                                        const std::string &label,
                                        const std::vector<BoundSpec> &bounds,
                                        Bindings &bindings);

} // namespace mlc::rt

#endif // MLC_RUNTIME_CHECK_H
