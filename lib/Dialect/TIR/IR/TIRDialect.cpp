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
#include "mlc/Dialect/TIR/TensorIntrinsics.h"

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
  tensorIntrinsics = std::make_unique<TensorIntrinsicRegistry>(getContext());
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

AffineMap mlc::tir::getConstantExtentsMap(AffineMap start,
                                          ArrayRef<int64_t> extents) {
  MLIRContext *ctx = start.getContext();
  SmallVector<AffineExpr> exprs =
      llvm::map_to_vector(extents, [&](int64_t extent) {
        return getAffineConstantExpr(extent, ctx);
      });
  return AffineMap::get(start.getNumDims(), start.getNumSymbols(), exprs, ctx);
}

std::optional<SmallVector<int64_t>>
BufferRegionAttr::getConstantExtents() const {
  if (!getExtents().isConstant())
    return std::nullopt;
  return llvm::to_vector(getExtents().getConstantResults());
}

bool BufferRegionAttr::isSymbolFree() const {
  for (AffineMap map : {getStart(), getExtents()})
    for (unsigned i = 0, e = map.getNumSymbols(); i < e; ++i)
      if (map.isFunctionOfSymbol(i))
        return false;
  return true;
}

/// Syntax: `<` start-map `,` (`[` integers `]` | extents-map) `>`, e.g.
/// `#tir.region<(d0, d1) -> (d0, d1 * 4), [1, 4]>` or
/// `#tir.region<(d0)[s0] -> (d0 + s0), (d0)[s0] -> (s0)>`.
Attribute BufferRegionAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  AffineMap start, extentsMap;
  SmallVector<int64_t> extents;
  auto parseExtent = [&]() -> ParseResult {
    return parser.parseInteger(extents.emplace_back());
  };
  if (parser.parseLess() || parser.parseAffineMap(start) || parser.parseComma())
    return {};
  if (succeeded(parser.parseOptionalLSquare())) {
    if (failed(parser.parseOptionalRSquare()) &&
        (parser.parseCommaSeparatedList(parseExtent) || parser.parseRSquare()))
      return {};
    extentsMap = getConstantExtentsMap(start, extents);
  } else if (parser.parseAffineMap(extentsMap)) {
    return {};
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    start, extentsMap);
}

void BufferRegionAttr::print(AsmPrinter &printer) const {
  printer << '<' << getStart() << ", ";
  if (std::optional<SmallVector<int64_t>> extents = getConstantExtents()) {
    printer << '[';
    llvm::interleaveComma(*extents, printer);
    printer << ']';
  } else {
    printer << getExtents();
  }
  printer << '>';
}

LogicalResult
BufferRegionAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         AffineMap start, AffineMap extents) {
  if (extents.getNumResults() != start.getNumResults())
    return emitError() << "region has " << start.getNumResults()
                       << " start indices but " << extents.getNumResults()
                       << " extents";
  if (extents.getNumDims() != start.getNumDims() ||
      extents.getNumSymbols() != start.getNumSymbols())
    return emitError() << "region extents must be over the same dims and "
                          "symbols as its start";
  for (AffineExpr extent : extents.getResults()) {
    if (!extent.isSymbolicOrConstant())
      return emitError() << "region extents must not use iteration "
                            "variables";
    if (auto constant = dyn_cast<AffineConstantExpr>(extent))
      if (constant.getValue() <= 0)
        return emitError() << "region extents must be positive, but got "
                           << constant.getValue();
  }
  return success();
}
