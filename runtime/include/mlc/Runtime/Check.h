//===- Check.h - Boundary checks of calls -----------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The checks at a function boundary: arguments against the signature before
// a call, results after it. A symbolic variable is bound by the first dim
// where it appears bare (`n`, not `2 * n`), arguments in order and then
// results; every other dim is evaluated and compared. Messages name the
// tensor, the dim, the expected expression with its value, where its
// variables were bound, and the actual extent.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_CHECK_H
#define MLC_RUNTIME_CHECK_H

#include "mlc/Runtime/Metadata.h"

namespace mlc::rt {

/// Symbolic variable values and where each was bound, e.g.
/// `argument 'x' dimension 1`.
struct Bindings {
  ShapeEnv values;
  std::unordered_map<std::string, std::string> sources;
};

/// Checks the argument count, each argument's layout, device, dtype and
/// rank, then its dims. Sets the last error on failure.
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

} // namespace mlc::rt

#endif // MLC_RUNTIME_CHECK_H
