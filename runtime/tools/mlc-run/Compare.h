//===- Compare.h - Comparing results with .npy files ------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TOOLS_MLC_RUN_COMPARE_H
#define MLC_TOOLS_MLC_RUN_COMPARE_H

#include "Common.h"

namespace mlc::run {

/// Compares result #index with the .npy file `path` and prints a summary;
/// on a mismatch `error` names the first bad index.
bool compareResult(const DLTensor &result, size_t index,
                   const std::string &path, double rtol, double atol,
                   std::string &error);

} // namespace mlc::run

#endif // MLC_TOOLS_MLC_RUN_COMPARE_H
