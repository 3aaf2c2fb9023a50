//===- EntryPoints.cpp - The runtime ABI v2 of a compiled module ----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The metadata text and the `__mlc_packed_<f>` entry points that
// docs/Runtime.md specifies and runtime/include/mlc/Runtime/ABI.h declares.
//
//===----------------------------------------------------------------------===//

#include "HostRuntime.h"

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/SymbolScope.h"
#include "mlc/Runtime/ABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "llvm/ADT/StringSet.h"

#include <set>

using namespace mlir;

namespace mlc {

/// The runtime's spelling of a dtype.
static std::string dtypeName(Type type) {
  if (auto integer = dyn_cast<IntegerType>(type))
    return ((integer.isUnsigned() ? "u" : "i") + Twine(integer.getWidth()))
        .str();
  if (type.isBF16())
    return "bf16";
  return ("f" + Twine(type.getIntOrFloatBitWidth())).str();
}

/// Prints `type` for the metadata. A dim that uses a variable the signature
/// does not define (one bound by a match_cast inside) is `?`: the runtime
/// can only check what the arguments determine.
static void printSignatureType(llvm::raw_ostream &os, relax::TensorType type,
                               const llvm::StringSet<> &signatureVars) {
  os << dtypeName(type.getElementType()) << ' ';
  if (!type.getRanked()) {
    os << '*';
    return;
  }
  os << '[';
  llvm::interleaveComma(type.getDims(), os, [&](sym::Expr dim) {
    SmallVector<StringRef> used;
    if (dim)
      sym::collectVars(dim, used);
    if (dim && llvm::all_of(used, [&](StringRef var) {
          return signatureVars.contains(var);
        }))
      dim.print(os);
    else
      os << '?';
  });
  os << ']';
}

static StringRef deviceKindName(relax::DeviceKind kind) {
  return relax::stringifyDeviceKind(kind);
}

/// Appends the tensors of `type` in order, looking into tuples (the ABI
/// flattens them); fails on anything else. `path` names each one.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
static LogicalResult flattenTensors(
    Type type, const std::string &path,
    SmallVectorImpl<std::pair<std::string, relax::TensorType>> &out) {
  if (auto tensor = dyn_cast<relax::TensorType>(type)) {
    out.push_back({path, tensor});
    return success();
  }
  auto tuple = dyn_cast<TupleType>(type);
  if (!tuple)
    return failure();
  for (auto [index, field] : llvm::enumerate(tuple.getTypes()))
    if (failed(flattenTensors(field, path + "_" + std::to_string(index), out)))
      return failure();
  return success();
}

/// Appends the metadata lines of `function`. Tuples are flattened: argument
/// `arg1` of type tuple<A, B> becomes `arg1_0` and `arg1_1`.
static LogicalResult printFunctionMetadata(llvm::raw_ostream &os,
                                           func::FuncOp function) {
  SmallVector<std::pair<std::string, relax::TensorType>> args, results;
  llvm::StringMap<StringRef> params; // argument name -> parameter name
  for (auto [index, type] : llvm::enumerate(function.getArgumentTypes())) {
    std::string name = "arg" + std::to_string(index);
    if (auto param = function.getArgAttrOfType<StringAttr>(
            index, relax::RelaxDialect::kParamAttrName))
      params[name] = param.getValue();
    if (failed(flattenTensors(type, name, args)))
      return function.emitOpError("has a ")
             << type
             << " in its signature; the runtime ABI passes tensors (and "
                "tuples of them) only";
  }
  for (Type type : function.getResultTypes())
    if (failed(flattenTensors(type, "", results)))
      return function.emitOpError("has a ")
             << type
             << " in its signature; the runtime ABI passes tensors (and "
                "tuples of them) only";
  llvm::StringSet<> signatureVars;
  relax::collectSignatureVars(function.getArgumentTypes(), signatureVars);
  relax::DeviceAttr device = relax::getFunctionDevice(function);
  os << "func " << function.getSymName() << '\n';
  os << "device " << deviceKindName(device.getKind()) << ' '
     << device.getIndex() << '\n';
  if (auto bounds = function->getAttrOfType<DictionaryAttr>(
          relax::RelaxDialect::kSymBoundsAttrName))
    for (NamedAttribute entry : bounds) {
      auto range = cast<DenseI64ArrayAttr>(entry.getValue());
      // Bounds of variables bound inside are checked at their match_cast.
      if (signatureVars.contains(entry.getName().getValue()))
        os << "bound " << entry.getName().getValue() << ' ' << range[0] << ' '
           << range[1] << '\n';
    }
  for (auto &[name, type] : args) {
    os << "arg " << name << ' ';
    printSignatureType(os, type, signatureVars);
    if (StringRef param = params.lookup(name); !param.empty())
      os << " param " << param;
    os << '\n';
  }
  for (auto &[name, type] : results) {
    os << "ret ";
    printSignatureType(os, type, signatureVars);
    os << '\n';
  }
  return success();
}

FailureOr<std::string> buildModuleMetadata(ModuleOp module) {
  std::string metadata;
  llvm::raw_string_ostream os(metadata);
  os << MLC_ABI_METADATA_HEADER << '\n';
  // Packed functions the module calls; the runtime resolves them at load.
  std::set<std::string> imports;
  module.walk(
      [&](relax::InvokePackedOp op) { imports.insert(op.getCallee().str()); });
  module.walk(
      [&](relax::CallPackedOp op) { imports.insert(op.getCallee().str()); });
  for (const std::string &name : imports)
    os << "import " << name << '\n';
  // Private relax functions are internal: only relax code calls them.
  for (auto function : module.getOps<func::FuncOp>())
    if (function.isPublic() && !function.isExternal() &&
        relax::isRelaxFunction(function))
      if (failed(printFunctionMetadata(os, function)))
        return failure();
  return metadata;
}

/// Emits `i32 __mlc_packed_<f>(ptr ctx, ptr args, ptr results)`: args[i]
/// points to the memref descriptor of argument i, results[j] to storage for
/// result j's descriptor.
static void emitEntryPoint(func::FuncOp function) {
  MLIRContext *ctx = function.getContext();
  Location loc = function.getLoc();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  OpBuilder top(function);
  top.setInsertionPointAfter(function);
  auto entryPoint = func::FuncOp::create(
      top, loc, (MLC_ABI_ENTRY_PREFIX + function.getSymName()).str(),
      FunctionType::get(ctx, {ptr, ptr, ptr}, {IntegerType::get(ctx, 32)}));
  Block *entry = entryPoint.addEntryBlock();
  OpBuilder b = OpBuilder::atBlockEnd(entry);
  auto slot = [&](Value array, int64_t index) -> Value {
    Value address = LLVM::GEPOp::create(b, loc, ptr, ptr, array,
                                        ArrayRef<LLVM::GEPArg>{int32_t(index)});
    return LLVM::LoadOp::create(b, loc, ptr, address);
  };
  SmallVector<Value> operands = {entry->getArgument(0)};
  for (auto [index, type] :
       llvm::enumerate(llvm::drop_begin(function.getArgumentTypes()))) {
    auto memref = cast<MemRefType>(type);
    Value descriptor =
        LLVM::LoadOp::create(b, loc, host::getDescriptorType(ctx, memref),
                             slot(entry->getArgument(1), index));
    operands.push_back(
        UnrealizedConversionCastOp::create(b, loc, memref, descriptor)
            .getResult(0));
  }
  auto call = func::CallOp::create(b, loc, function, operands);
  for (auto [index, result] : llvm::enumerate(call.getResults().drop_front())) {
    auto memref = cast<MemRefType>(result.getType());
    Value descriptor = UnrealizedConversionCastOp::create(
                           b, loc, host::getDescriptorType(ctx, memref), result)
                           .getResult(0);
    LLVM::StoreOp::create(b, loc, descriptor,
                          slot(entry->getArgument(2), index));
  }
  func::ReturnOp::create(b, loc, call.getResult(0));
}

void emitHostEntryPoints(ModuleOp module, StringRef metadata) {
  SmallVector<func::FuncOp> functions;
  for (auto function : module.getOps<func::FuncOp>())
    if (function->hasAttr(kHostFunctionAttrName) && function.isPublic())
      functions.push_back(function);
  for (func::FuncOp function : functions)
    emitEntryPoint(function);
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  std::string text = metadata.str();
  text.push_back('\0');
  auto type = LLVM::LLVMArrayType::get(b.getI8Type(), text.size());
  LLVM::GlobalOp::create(b, module.getLoc(), type, /*isConstant=*/true,
                         LLVM::Linkage::External, MLC_ABI_METADATA_SYMBOL,
                         b.getStringAttr(text));
}

} // namespace mlc
