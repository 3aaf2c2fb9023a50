//===- Common.cpp - Helpers shared by the pieces of mlc-run ---------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace mlc::run;

std::string mlc::run::runtimeError() { return mlcGetLastError(); }

std::string mlc::run::shapeString(const DLTensor &t) {
  std::string result = "[";
  for (int32_t i = 0; i < t.ndim; ++i)
    result += (i ? ", " : "") + std::to_string(t.shape[i]);
  return result + "]";
}
