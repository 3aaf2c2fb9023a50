//===- HostRuntime.cpp - Calls into the runtime from host code ------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "HostPattern.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

#include <algorithm>

using namespace mlir;

namespace mlc {

void declareHostRuntimeFunctions(ModuleOp module) {
  MLIRContext *ctx = module.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i32 = IntegerType::get(ctx, 32);
  auto i64 = IntegerType::get(ctx, 64);
  auto voidType = LLVM::LLVMVoidType::get(ctx);
  std::pair<StringRef, Type> functions[] = {
      {host::kAllocFn,
       LLVM::LLVMFunctionType::get(ptr, {ptr, i32, i32, i64, i64})},
      {host::kFreeFn,
       LLVM::LLVMFunctionType::get(voidType, {ptr, i32, i32, ptr})},
      {host::kCallPackedFn,
       LLVM::LLVMFunctionType::get(i32, {ptr, ptr, ptr, i32})},
      {host::kSetErrorFn, LLVM::LLVMFunctionType::get(voidType, {ptr, ptr})},
      {host::kSetErrorValuesFn,
       LLVM::LLVMFunctionType::get(voidType, {ptr, ptr, ptr, i32})},
      {host::kMatchShapeFn,
       LLVM::LLVMFunctionType::get(i32, {ptr, ptr, ptr, i32, ptr})},
      {host::kTakeObjectFn, LLVM::LLVMFunctionType::get(i32, {ptr, ptr, ptr})},
      {host::kReleaseObjectFn, LLVM::LLVMFunctionType::get(voidType, {ptr})},
  };
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  for (auto [name, type] : functions)
    if (!module.lookupSymbol(name))
      LLVM::LLVMFuncOp::create(b, module.getLoc(), name,
                               cast<LLVM::LLVMFunctionType>(type));
}

namespace host {

Type getDescriptorType(MLIRContext *ctx, MemRefType type) {
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i64 = IntegerType::get(ctx, 64);
  SmallVector<Type> fields = {ptr, ptr, i64};
  if (type.getRank() > 0) {
    auto array = LLVM::LLVMArrayType::get(i64, type.getRank());
    fields.append({array, array});
  }
  return LLVM::LLVMStructType::getLiteral(ctx, fields);
}

Value getAllocatedPointer(OpBuilder &b, Location loc, Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  Value descriptor =
      UnrealizedConversionCastOp::create(
          b, loc, getDescriptorType(b.getContext(), type), memref)
          .getResult(0);
  return LLVM::ExtractValueOp::create(b, loc, descriptor, 0);
}

Value createStringConstant(OpBuilder &b, Location loc, RelaxHostState &state,
                           StringRef text) {
  std::string name = ("__mlc_str_" + Twine(state.stringCounter++)).str();
  // The runtime reads C strings.
  std::string terminated = text.str();
  terminated.push_back('\0');
  return LLVM::createGlobalString(loc, b, name, terminated,
                                  LLVM::Linkage::Private);
}

std::string formatLocation(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return (file.getFilename().getValue() + ":" + Twine(file.getLine()) + ":" +
            Twine(file.getColumn()))
        .str();
  if (auto named = dyn_cast<NameLoc>(loc))
    return formatLocation(named.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (!fused.getLocations().empty())
      return formatLocation(fused.getLocations().front());
  std::string text;
  llvm::raw_string_ostream os(text);
  os << loc;
  return text;
}

void createFree(OpBuilder &b, Location loc, Value ctx,
                std::pair<int32_t, int64_t> device, Value pointer) {
  LLVM::CallOp::create(b, loc, TypeRange(), kFreeFn,
                       ValueRange{ctx, i32Constant(b, loc, device.first),
                                  i32Constant(b, loc, device.second), pointer});
}

/// An i64 array on the stack holding `values` (index or i64), with room for
/// `extra` more.
static Value createI64Array(OpBuilder &b, Location loc, ValueRange values,
                            unsigned extra) {
  auto ptr = LLVM::LLVMPointerType::get(b.getContext());
  Type i64 = b.getI64Type();
  Value count = arith::ConstantIntOp::create(
      b, loc, std::max<int64_t>(1, values.size() + extra), 64);
  Value array = LLVM::AllocaOp::create(b, loc, ptr, i64, count);
  for (auto [index, value] : llvm::enumerate(values)) {
    Value asI64 = value.getType().isIndex()
                      ? arith::IndexCastOp::create(b, loc, i64, value)
                      : value;
    Value slot = LLVM::GEPOp::create(b, loc, ptr, i64, array,
                                     ArrayRef<LLVM::GEPArg>{int32_t(index)});
    LLVM::StoreOp::create(b, loc, asI64, slot);
  }
  return array;
}

void createSetErrorValues(OpBuilder &b, Location loc, RelaxHostState &state,
                          Value ctx, StringRef format, ValueRange values) {
  Value array = createI64Array(b, loc, values, 0);
  Value text = createStringConstant(b, loc, state, format);
  LLVM::CallOp::create(
      b, loc, TypeRange(), kSetErrorValuesFn,
      ValueRange{ctx, text, array, i32Constant(b, loc, values.size())});
}

std::string buildMatchShapeSpec(StringRef what, ArrayRef<sym::Expr> dims,
                                ArrayRef<StringRef> known,
                                ArrayRef<StringRef> bound,
                                func::FuncOp function) {
  std::string spec;
  llvm::raw_string_ostream os(spec);
  // Tabs separate the fields: one in a location or a name must not split.
  std::string label = what.str();
  std::replace(label.begin(), label.end(), '\t', ' ');
  os << label << '\t' << relax::dimsToString(dims) << '\t';
  llvm::interleave(known, os, ",");
  os << '\t';
  llvm::interleave(bound, os, ",");
  os << '\t';
  auto bounds = function->getAttrOfType<DictionaryAttr>(
      relax::RelaxDialect::kSymBoundsAttrName);
  bool first = true;
  for (StringRef var : bound) {
    auto range =
        bounds ? dyn_cast_or_null<DenseI64ArrayAttr>(bounds.get(var)) : nullptr;
    if (!range || range.size() != 2)
      continue;
    os << (first ? "" : ",") << var << ' ' << range[0] << ' ' << range[1];
    first = false;
  }
  return spec;
}

void createMatchShape(OpBuilder &b, Location loc, RelaxHostState &state,
                      Value ctx, StringRef spec, ValueRange dims,
                      ValueRange known, unsigned numBound,
                      SmallVectorImpl<Value> &bound) {
  auto ptr = LLVM::LLVMPointerType::get(b.getContext());
  Type i64 = b.getI64Type();
  Value dimArray = createI64Array(b, loc, dims, 0);
  Value values = createI64Array(b, loc, known, numBound);
  Value text = createStringConstant(b, loc, state, spec);
  Value status =
      LLVM::CallOp::create(b, loc, TypeRange{b.getI32Type()}, kMatchShapeFn,
                           ValueRange{ctx, text, dimArray,
                                      i32Constant(b, loc, dims.size()), values})
          .getResult();
  Value ok = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, status,
                                   i32Constant(b, loc, 0));
  cf::AssertOp::create(b, loc, ok, "");
  for (unsigned i = 0; i < numBound; ++i) {
    Value slot =
        LLVM::GEPOp::create(b, loc, ptr, i64, values,
                            ArrayRef<LLVM::GEPArg>{int32_t(known.size() + i)});
    Value value = LLVM::LoadOp::create(b, loc, i64, slot);
    bound.push_back(
        arith::IndexCastOp::create(b, loc, b.getIndexType(), value));
  }
}

} // namespace host
} // namespace mlc
