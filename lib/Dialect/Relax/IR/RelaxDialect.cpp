//===- RelaxDialect.cpp - relax dialect -----------------------------------===//

#include "mlc/Dialect/Relax/RelaxDialect.h"

#include "mlc/Dialect/MLC/MLCDialect.h"

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/RelaxTypes.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

#include "mlc/Dialect/Relax/RelaxDialect.cpp.inc"

namespace mlc::relax {

void RelaxDialect::initialize() {
  registerTypes();
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "mlc/Dialect/Relax/RelaxOps.cpp.inc"
      >();
}

mlc::sym::Context &RelaxDialect::getSymContext() {
  return MLCDialect::getSymContext(getContext());
}

mlc::sym::Context &RelaxDialect::getSymContext(MLIRContext *ctx) {
  return MLCDialect::getSymContext(ctx);
}

Operation *RelaxDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  if (auto elements = dyn_cast<ElementsAttr>(value))
    if (isa<TensorType>(type))
      return ConstantOp::create(builder, loc, elements);
  return nullptr;
}

/// Checks `relax.sym_bounds = {n = array<i64: lo, hi>, ...}`.
static LogicalResult verifySymBounds(Operation *op, Attribute attr) {
  auto dict = dyn_cast<DictionaryAttr>(attr);
  if (!dict)
    return op->emitError("'relax.sym_bounds' must be a dictionary from "
                         "symbolic variable names to array<i64: lo, hi>");
  for (NamedAttribute entry : dict) {
    auto bounds = dyn_cast<DenseI64ArrayAttr>(entry.getValue());
    if (!bounds || bounds.size() != 2)
      return op->emitError("'relax.sym_bounds' entry '")
             << entry.getName().getValue()
             << "' must be array<i64: lo, hi>, got " << entry.getValue();
    if (bounds[0] > bounds[1])
      return op->emitError("'relax.sym_bounds' entry '")
             << entry.getName().getValue() << "' has an empty range ["
             << bounds[0] << ", " << bounds[1] << "]";
  }
  return success();
}

/// Checks `relax.sym_divisible = {n = 32 : i64, ...}`.
static LogicalResult verifySymDivisible(Operation *op, Attribute attr) {
  auto dict = dyn_cast<DictionaryAttr>(attr);
  if (!dict)
    return op->emitError("'relax.sym_divisible' must be a dictionary from "
                         "symbolic variable names to positive integers");
  for (NamedAttribute entry : dict) {
    auto divisor = dyn_cast<IntegerAttr>(entry.getValue());
    if (!divisor || divisor.getValue().getSignificantBits() > 64 ||
        divisor.getValue().getSExtValue() <= 0)
      return op->emitError("'relax.sym_divisible' entry '")
             << entry.getName().getValue()
             << "' must be a positive 64-bit integer, got " << entry.getValue();
  }
  // Facts that no value satisfies would make every comparison provable.
  auto bounds =
      op->getAttrOfType<DictionaryAttr>(RelaxDialect::kSymBoundsAttrName);
  if (!bounds)
    return success();
  for (NamedAttribute entry : dict) {
    auto range =
        dyn_cast_or_null<DenseI64ArrayAttr>(bounds.get(entry.getName()));
    if (!range || range.size() != 2)
      continue;
    int64_t divisor = cast<IntegerAttr>(entry.getValue()).getInt();
    int64_t lo = range[0], hi = range[1];
    // Multiples k * divisor with ceil(lo / divisor) <= k <= floor(hi /
    // divisor).
    if (llvm::divideFloorSigned(hi, divisor) <
        llvm::divideCeilSigned(lo, divisor))
      return op->emitError("contradictory facts about '")
             << entry.getName().getValue() << "': no multiple of " << divisor
             << " lies in its bounds [" << lo << ", " << hi << "]";
  }
  return success();
}

LogicalResult RelaxDialect::verifyOperationAttribute(Operation *op,
                                                     NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name != kSymBoundsAttrName && name != kSymDivisibleAttrName &&
      name != kDeviceAttrName && name != kFunctionAttrName)
    return op->emitError("unknown relax attribute '") << name << "'";
  auto function = dyn_cast<FunctionOpInterface>(op);
  if (!function)
    return op->emitError("'") << name << "' may only be set on a function";
  if (name == kFunctionAttrName) {
    if (!isa<UnitAttr>(attr.getValue()))
      return op->emitError("'relax.function' is a unit attribute");
    return verifyFunctionScope(function);
  }
  if (name == kDeviceAttrName) {
    if (!isa<DeviceAttr>(attr.getValue()))
      return op->emitError("'relax.device' must be a #relax.device, got ")
             << attr.getValue();
    return success();
  }
  if (name == kSymBoundsAttrName)
    return verifySymBounds(op, attr.getValue());
  return verifySymDivisible(op, attr.getValue());
}

/// Whether `name` may name a parameter (the runtime's metadata grammar).
static bool isValidParamName(StringRef name) {
  return !name.empty() && name.size() <= 256 && llvm::all_of(name, [](char c) {
    return llvm::isAlnum(c) || StringRef("_.:/-").contains(c);
  });
}

LogicalResult RelaxDialect::verifyRegionArgAttribute(Operation *op,
                                                     unsigned regionIndex,
                                                     unsigned argIndex,
                                                     NamedAttribute attr) {
  if (attr.getName() != kParamAttrName)
    return op->emitError("unknown relax argument attribute '")
           << attr.getName().getValue() << "'";
  auto function = dyn_cast<FunctionOpInterface>(op);
  if (!function || regionIndex != 0)
    return op->emitError("'relax.param' may only be set on a function "
                         "argument");
  auto name = dyn_cast<StringAttr>(attr.getValue());
  if (!name || !isValidParamName(name.getValue()))
    return op->emitError("'relax.param' of argument ")
           << argIndex
           << " must be a string of 1 to 256 characters from "
              "[A-Za-z0-9_.:/-], got "
           << attr.getValue();
  if (!isa<TensorType>(function.getArgumentTypes()[argIndex]))
    return op->emitError("'relax.param' argument ")
           << argIndex << " must be a relax tensor, not "
           << function.getArgumentTypes()[argIndex];
  for (unsigned other = 0; other < argIndex; ++other)
    if (function.getArgAttr(other, kParamAttrName) == name)
      return op->emitError("arguments ")
             << other << " and " << argIndex << " are both parameter " << name;
  return success();
}

} // namespace mlc::relax
