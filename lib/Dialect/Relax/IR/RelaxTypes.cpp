//===- RelaxTypes.cpp - relax types and attributes ------------------------===//

#include "mlc/Dialect/Relax/RelaxTypes.h"

#include "mlc/Dialect/Relax/RelaxDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlc;

#include "mlc/Dialect/Relax/RelaxEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "mlc/Dialect/Relax/RelaxAttrs.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "mlc/Dialect/Relax/RelaxTypes.cpp.inc"

namespace mlc::relax {

void RelaxDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "mlc/Dialect/Relax/RelaxTypes.cpp.inc"
      >();
}

void RelaxDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "mlc/Dialect/Relax/RelaxAttrs.cpp.inc"
      >();
}

LogicalResult DeviceAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 DeviceKind kind, int64_t index) {
  if (index < 0)
    return emitError() << "device index must be non-negative, got " << index;
  return success();
}

SmallVector<int64_t> getStaticShape(ArrayRef<sym::Expr> dims) {
  SmallVector<int64_t> shape;
  shape.reserve(dims.size());
  for (sym::Expr dim : dims) {
    std::optional<int64_t> value = dim ? dim.getConstant() : std::nullopt;
    // Negative constants are not valid sizes; ShapedType users must not see
    // them as static extents.
    shape.push_back(value && *value >= 0 ? *value : ShapedType::kDynamic);
  }
  return shape;
}

bool isValidElementType(Type type) { return isa<IntegerType, FloatType>(type); }

//===----------------------------------------------------------------------===//
// TensorType
//===----------------------------------------------------------------------===//

Type TensorType::parse(AsmParser &parser) {
  SmallVector<sym::Expr> dims;
  bool ranked;
  Type elementType;
  if (parser.parseLess() ||
      parseSymDims(parser, dims, &ranked, /*allowUnknown=*/true) ||
      parser.parseComma())
    return {};
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseType(elementType) || parser.parseGreater())
    return {};
  if (!isValidElementType(elementType)) {
    parser.emitError(loc, "relax tensor element type must be an integer or "
                          "float type, got ")
        << elementType;
    return {};
  }
  for (sym::Expr dim : dims) {
    std::optional<int64_t> value = dim ? dim.getConstant() : std::nullopt;
    if (value && *value < 0) {
      parser.emitError(loc, "relax tensor dimension must not be negative, "
                            "got ")
          << *value;
      return {};
    }
  }
  return ranked ? TensorType::get(dims, elementType)
                : TensorType::get(elementType);
}

void TensorType::print(AsmPrinter &printer) const {
  printer << '<';
  printSymDims(printer, getDims(), getRanked());
  printer << ", " << getElementType() << '>';
}

ArrayRef<int64_t> TensorType::getShape() const { return getStaticShape(); }

bool TensorType::hasRank() const { return getRanked(); }

ShapedType TensorType::cloneWith(std::optional<ArrayRef<int64_t>> shape,
                                 Type elementType) const {
  if (!shape)
    return TensorType::get(elementType);
  // Keep the symbolic dims when the static view is unchanged; otherwise the
  // new dims are the given constants, dynamic ones becoming unknown.
  if (getRanked() && *shape == getStaticShape())
    return TensorType::get(getDims(), elementType);
  sym::Context &ctx = RelaxDialect::getSymContext(getContext());
  SmallVector<sym::Expr> dims;
  for (int64_t size : *shape)
    dims.push_back(ShapedType::isDynamic(size) ? sym::Expr()
                                               : ctx.constant(size));
  return TensorType::get(dims, elementType);
}

ShapeAttr TensorType::getShapeAttr() const {
  return ShapeAttr::get(getContext(), getDims());
}

//===----------------------------------------------------------------------===//
// ShapeType and ShapeAttr
//===----------------------------------------------------------------------===//

Type ShapeType::parse(AsmParser &parser) {
  SmallVector<sym::Expr> dims;
  bool ranked;
  if (parser.parseLess() ||
      parseSymDims(parser, dims, &ranked, /*allowUnknown=*/true) ||
      parser.parseGreater())
    return {};
  return ranked ? ShapeType::get(parser.getContext(), dims)
                : ShapeType::get(parser.getContext());
}

void ShapeType::print(AsmPrinter &printer) const {
  printer << '<';
  printSymDims(printer, getDims(), getRanked());
  printer << '>';
}

Attribute ShapeAttr::parse(AsmParser &parser, Type) {
  SmallVector<sym::Expr> dims;
  if (parser.parseLess() ||
      parseSymDims(parser, dims, /*ranked=*/nullptr, /*allowUnknown=*/false) ||
      parser.parseGreater())
    return {};
  return ShapeAttr::get(parser.getContext(), dims);
}

void ShapeAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printSymDims(printer, getDims());
  printer << '>';
}

} // namespace mlc::relax
