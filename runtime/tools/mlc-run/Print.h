//===- Print.h - Printing tensors like numpy --------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TOOLS_MLC_RUN_PRINT_H
#define MLC_TOOLS_MLC_RUN_PRINT_H

#include "Common.h"

namespace mlc::run {

/// The elements of `t` printed like numpy.
std::string formatTensor(const DLTensor &t);

} // namespace mlc::run

#endif // MLC_TOOLS_MLC_RUN_PRINT_H
