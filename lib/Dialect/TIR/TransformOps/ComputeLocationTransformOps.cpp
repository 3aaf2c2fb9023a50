//===- ComputeLocationTransformOps.cpp - transform.tir ops ------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "Dialect/TIR/TransformOps/TIRTransformOps.h"

#include "Dialect/TIR/Schedule.h"
