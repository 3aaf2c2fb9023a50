//===- Inputs.h - Arguments from files and literals -------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TOOLS_MLC_RUN_INPUTS_H
#define MLC_TOOLS_MLC_RUN_INPUTS_H

#include "Common.h"

namespace mlc::run {

/// Builds argument #index of `function` from an --input value: a .npy path
/// or a literal `2x3xf32=1,2,3,4,5,6`.
bool loadInput(const std::string &spec, MLCModule *module,
               const std::string &function, size_t index, TensorPtr &out,
               std::string &error);

} // namespace mlc::run

#endif // MLC_TOOLS_MLC_RUN_INPUTS_H
