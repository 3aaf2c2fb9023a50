//===- mlc-run.h - Pieces of mlc-run ----------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TOOLS_MLC_RUN_H
#define MLC_TOOLS_MLC_RUN_H

#include "mlc/Runtime/Runtime.h"

#include <memory>
#include <string>

namespace mlc::run {

struct TensorDeleter {
  void operator()(DLManagedTensor *t) const {
    if (t && t->deleter)
      t->deleter(t);
  }
};
using TensorPtr = std::unique_ptr<DLManagedTensor, TensorDeleter>;

/// The runtime's last error on this thread.
inline std::string runtimeError() { return mlcGetLastError(); }

/// Builds argument #index of `function` from an --input value: a .npy path
/// or a literal `2x3xf32=1,2,3,4,5,6`.
bool loadInput(const std::string &spec, MLCModule *module,
               const std::string &function, size_t index, TensorPtr &out,
               std::string &error);

/// `[2, 3]`.
std::string shapeString(const DLTensor &t);

/// The elements of `t` printed like numpy.
std::string formatTensor(const DLTensor &t);

/// Compares result #index with the .npy file `path` and prints a summary;
/// on a mismatch `error` names the first bad index.
bool compareResult(const DLTensor &result, size_t index,
                   const std::string &path, double rtol, double atol,
                   std::string &error);

} // namespace mlc::run

#endif // MLC_TOOLS_MLC_RUN_H
