//===- MLCDialect.cpp - mlc's support dialect -----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/MLC/SymbolicAsm.h"

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
  symContext = std::make_unique<sym::Context>();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "mlc/Dialect/MLC/MLCAttrs.cpp.inc"
      >();
}

sym::Context &MLCDialect::getSymContext(MLIRContext *ctx) {
  return ctx->getOrLoadDialect<MLCDialect>()->getSymContext();
}

Attribute SymShapeAttr::parse(AsmParser &parser, Type) {
  SmallVector<sym::Expr> dims;
  if (parser.parseLess() ||
      parseSymDims(parser, dims, /*ranked=*/nullptr, /*allowUnknown=*/false) ||
      parser.parseGreater())
    return {};
  return get(parser.getContext(), dims);
}

void SymShapeAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printSymDims(printer, getDims());
  printer << '>';
}
