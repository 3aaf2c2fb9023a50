//===- TIRDialect.cpp - TensorIR dialect and attributes -------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Registers the tir dialect, its enums and attributes, and implements the
// buffer-region attribute.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TIRDialect.h"
#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlc::tir;

#include "mlc/Dialect/TIR/TIRDialect.cpp.inc"
#include "mlc/Dialect/TIR/TIREnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "mlc/Dialect/TIR/TIRAttrs.cpp.inc"

void TIRDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "mlc/Dialect/TIR/TIROps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "mlc/Dialect/TIR/TIRAttrs.cpp.inc"
      >();
}

std::optional<StorageScope> mlc::tir::getStorageScope(MemRefType type) {
  Attribute space = type.getMemorySpace();
  if (!space)
    return StorageScope::Global;
  if (auto scope = dyn_cast<StorageScopeAttr>(space))
    return scope.getValue();
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// BufferRegionAttr
//===----------------------------------------------------------------------===//

/// Syntax: `<` affine-map `,` `[` extents `]` `>`, e.g.
/// `#tir.region<(d0, d1) -> (d0, d1 * 4), [1, 4]>`.
Attribute BufferRegionAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  AffineMap start;
  SmallVector<int64_t> extents;
  auto parseExtent = [&]() -> ParseResult {
    return parser.parseInteger(extents.emplace_back());
  };
  if (parser.parseLess() || parser.parseAffineMap(start) ||
      parser.parseComma() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     parseExtent) ||
      parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    start, extents);
}

void BufferRegionAttr::print(AsmPrinter &printer) const {
  printer << '<' << getStart() << ", [";
  llvm::interleaveComma(getExtents(), printer);
  printer << "]>";
}

LogicalResult
BufferRegionAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         AffineMap start, ArrayRef<int64_t> extents) {
  if (start.getNumSymbols() != 0)
    return emitError() << "region start map must not have symbols";
  if (extents.size() != start.getNumResults())
    return emitError() << "region has " << start.getNumResults()
                       << " start indices but " << extents.size() << " extents";
  for (int64_t extent : extents)
    if (extent <= 0)
      return emitError() << "region extents must be positive, but got "
                         << extent;
  return success();
}
