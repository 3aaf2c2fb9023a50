//===- Common.h - Helpers shared by the pieces of mlc-run -------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TOOLS_MLC_RUN_COMMON_H
#define MLC_TOOLS_MLC_RUN_COMMON_H

#include "mlc/Runtime/Runtime.h"
#include "mlc/Runtime/Tensor.h"

#include <memory>
#include <string>

namespace mlc::run {

using rt::TensorDeleter;
using rt::TensorPtr;

/// The runtime's last error on this thread.
std::string runtimeError();

/// `[2, 3]`.
std::string shapeString(const DLTensor &t);

} // namespace mlc::run

#endif // MLC_TOOLS_MLC_RUN_COMMON_H
