//===- ComputeLocation.cpp - TensorIR schedule primitives ---------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "Dialect/TIR/Schedule.h"
