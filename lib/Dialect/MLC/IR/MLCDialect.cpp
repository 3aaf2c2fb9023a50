//===- MLCDialect.cpp - mlc's support dialect -----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/MLC/MLCDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlc;

#include "mlc/Dialect/MLC/MLCDialect.cpp.inc"
#include "mlc/Dialect/MLC/MLCEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "mlc/Dialect/MLC/MLCAttrs.cpp.inc"

void MLCDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "mlc/Dialect/MLC/MLCAttrs.cpp.inc"
      >();
}
