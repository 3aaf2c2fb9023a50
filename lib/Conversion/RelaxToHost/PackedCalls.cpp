//===- PackedCalls.cpp - Calls into the packed-function registry ----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// relax.invoke_packed and relax.call_packed call `mlcContextCallPacked` with
// an array of DLTensors: the inputs, then either the outputs the caller
// allocated (destination-passing style) or result slots the callee fills
// (data NULL, a shape array to write, dtype, rank and device preset). An
// object is a 0-d DLTensor of the opaque-handle type whose data is its
// MLCObject *; the runtime checks each object a callee returns
// (mlcContextTakeObject) before the function owns it.
//
//===----------------------------------------------------------------------===//

#include "HostPattern.h"

#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

#include "mlc/Runtime/ABI.h"

using namespace mlir;

namespace mlc::host {
namespace {

/// DLPack's type code of an element type.
uint8_t getDLTypeCode(Type type) {
  if (type.isBF16())
    return 4; // kDLBfloat
  if (isa<FloatType>(type))
    return 2; // kDLFloat
  auto integer = cast<IntegerType>(type);
  // i1 is {kDLUInt, 1}, as in the runtime's dtype table.
  return integer.isUnsigned() || integer.getWidth() == 1 ? 1 : 0;
}

/// The LLVM struct of dlpack.h's DLTensor.
LLVM::LLVMStructType getDLTensorType(MLIRContext *ctx) {
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Type i8 = IntegerType::get(ctx, 8), i16 = IntegerType::get(ctx, 16),
       i32 = IntegerType::get(ctx, 32), i64 = IntegerType::get(ctx, 64);
  auto deviceType = LLVM::LLVMStructType::getLiteral(ctx, {i32, i32});
  auto dtypeType = LLVM::LLVMStructType::getLiteral(ctx, {i8, i8, i16});
  return LLVM::LLVMStructType::getLiteral(
      ctx, {ptr, deviceType, i32, dtypeType, ptr, ptr, i64});
}

/// An array, on the stack, of DLTensors describing `memrefs` (memrefs, or
/// objects as `!llvm.ptr`), followed by one result slot per type of `slots`
/// (a MemRefType: data NULL, a shape array of its rank for the callee to
/// fill, returned in `slotShapes`; an `!llvm.ptr`: an object slot).
Value buildDLTensorArray(OpBuilder &b, Location loc, ValueRange memrefs,
                         ArrayRef<Type> slots,
                         std::pair<int32_t, int64_t> device,
                         SmallVectorImpl<Value> *slotShapes = nullptr) {
  MLIRContext *ctx = b.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Type i8 = b.getI8Type(), i16 = b.getI16Type(), i32 = b.getI32Type(),
       i64 = b.getI64Type();
  auto tensorType = getDLTensorType(ctx);
  Value array = LLVM::AllocaOp::create(
      b, loc, ptr, tensorType,
      i64Constant(b, loc, memrefs.size() + slots.size()));
  auto constant = [&](Type type, int64_t value) -> Value {
    return LLVM::ConstantOp::create(b, loc, type,
                                    b.getIntegerAttr(type, value));
  };
  // A null `type` stores an object (rank 0, opaque handle).
  auto store = [&](int64_t index, MemRefType type, Value data, Value shape,
                   Value byteOffset) {
    Value tensor = LLVM::PoisonOp::create(b, loc, tensorType);
    auto insert = [&](Value field, ArrayRef<int64_t> position) {
      tensor = LLVM::InsertValueOp::create(b, loc, tensor, field, position);
    };
    insert(data, {0});
    insert(constant(i32, device.first), {1, 0});
    insert(constant(i32, device.second), {1, 1});
    insert(constant(i32, type ? type.getRank() : 0), {2});
    if (type) {
      Type element = type.getElementType();
      insert(constant(i8, getDLTypeCode(element)), {3, 0});
      insert(constant(i8, element.getIntOrFloatBitWidth()), {3, 1});
    } else {
      insert(constant(i8, MLC_ABI_OBJECT_TYPE_CODE), {3, 0});
      insert(constant(i8, 64), {3, 1});
    }
    insert(constant(i16, 1), {3, 2});
    insert(shape, {4});
    insert(LLVM::ZeroOp::create(b, loc, ptr), {5}); // compact row-major
    insert(byteOffset, {6});
    Value slot = LLVM::GEPOp::create(b, loc, ptr, tensorType, array,
                                     ArrayRef<LLVM::GEPArg>{int32_t(index)});
    LLVM::StoreOp::create(b, loc, tensor, slot);
  };
  for (auto [index, memref] : llvm::enumerate(memrefs)) {
    auto type = dyn_cast<MemRefType>(memref.getType());
    if (!type) {
      Value none = LLVM::ZeroOp::create(b, loc, ptr);
      store(index, MemRefType(), memref, none, i64Constant(b, loc, 0));
      continue;
    }
    auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
    Value aligned =
        memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
    Value address = arith::IndexCastOp::create(b, loc, i64, aligned);
    Value data = LLVM::IntToPtrOp::create(b, loc, ptr, address);
    Value shape = LLVM::ZeroOp::create(b, loc, ptr);
    if (type.getRank() > 0) {
      shape = LLVM::AllocaOp::create(b, loc, ptr, i64,
                                     i64Constant(b, loc, type.getRank()));
      for (auto [dim, size] : llvm::enumerate(metadata.getSizes())) {
        Value slot = LLVM::GEPOp::create(b, loc, ptr, i64, shape,
                                         ArrayRef<LLVM::GEPArg>{int32_t(dim)});
        LLVM::StoreOp::create(
            b, loc, arith::IndexCastOp::create(b, loc, i64, size), slot);
      }
    }
    Value byteOffset = arith::MulIOp::create(
        b, loc, arith::IndexCastOp::create(b, loc, i64, metadata.getOffset()),
        i64Constant(b, loc, relax::getElementByteSize(type.getElementType())));
    store(index, type, data, shape, byteOffset);
  }
  for (auto [index, slot] : llvm::enumerate(slots)) {
    auto type = dyn_cast<MemRefType>(slot);
    Value shape = LLVM::ZeroOp::create(b, loc, ptr);
    if (type && type.getRank() > 0)
      shape = LLVM::AllocaOp::create(b, loc, ptr, i64,
                                     i64Constant(b, loc, type.getRank()));
    if (slotShapes)
      slotShapes->push_back(shape);
    store(memrefs.size() + index, type, LLVM::ZeroOp::create(b, loc, ptr),
          shape, i64Constant(b, loc, 0));
  }
  return array;
}

/// mlcContextCallPacked(ctx, name, array, count), whose status must be 0.
void callPacked(OpBuilder &b, Location loc, RelaxHostState &state, Value ctx,
                StringRef callee, Value array, size_t count) {
  Value name = createStringConstant(b, loc, state, callee);
  Value status = LLVM::CallOp::create(
                     b, loc, TypeRange{b.getI32Type()}, kCallPackedFn,
                     ValueRange{ctx, name, array, i32Constant(b, loc, count)})
                     .getResult();
  assertSuccess(b, loc, status);
}

struct InvokePackedPattern : public HostPattern<relax::InvokePackedOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::InvokePackedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<Value> tensors(adaptor.getInputs());
    llvm::append_range(tensors, adaptor.getOutputs());
    auto device = toPair(relax::getFunctionDevice(getFunction(op)));
    Value array = buildDLTensorArray(rewriter, loc, tensors, {}, device);
    callPacked(rewriter, loc, state, getContext(op), op.getCallee(), array,
               tensors.size());
    rewriter.eraseOp(op);
    return success();
  }
};

/// The `data` field of DLTensor `index` of `array`.
Value loadSlotData(OpBuilder &b, Location loc, Value array, int64_t index) {
  MLIRContext *ctx = b.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Value slot = LLVM::GEPOp::create(b, loc, ptr, getDLTensorType(ctx), array,
                                   ArrayRef<LLVM::GEPArg>{int32_t(index), 0});
  return LLVM::LoadOp::create(b, loc, ptr, slot);
}

/// A DLTensor the callee filled, as an owned memref of `type`: data from
/// the runtime's allocator, compact, with the shape the callee wrote.
struct FilledResult {
  Value memref;
  Value data;
  SmallVector<Value> sizes;
};

FilledResult readResultSlot(OpBuilder &b, Location loc, Value array,
                            int64_t index, Value shape, MemRefType type) {
  MLIRContext *ctx = b.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Type i64 = b.getI64Type();
  FilledResult result;
  result.data = loadSlotData(b, loc, array, index);
  Type descriptorType = getDescriptorType(ctx, type);
  Value descriptor = LLVM::PoisonOp::create(b, loc, descriptorType);
  auto insert = [&](Value field, ArrayRef<int64_t> position) {
    descriptor =
        LLVM::InsertValueOp::create(b, loc, descriptor, field, position);
  };
  insert(result.data, {0});
  insert(result.data, {1});
  insert(i64Constant(b, loc, 0), {2});
  SmallVector<Value> sizes;
  for (int64_t dim = 0; dim < type.getRank(); ++dim) {
    Value address = LLVM::GEPOp::create(b, loc, ptr, i64, shape,
                                        ArrayRef<LLVM::GEPArg>{int32_t(dim)});
    sizes.push_back(LLVM::LoadOp::create(b, loc, i64, address));
    insert(sizes.back(), {3, dim});
  }
  // Compact row-major strides, innermost first.
  Value stride = i64Constant(b, loc, 1);
  for (int64_t dim = type.getRank() - 1; dim >= 0; --dim) {
    insert(stride, {4, dim});
    stride = arith::MulIOp::create(b, loc, stride, sizes[dim]);
  }
  result.memref =
      UnrealizedConversionCastOp::create(b, loc, type, descriptor).getResult(0);
  for (Value size : sizes)
    result.sizes.push_back(
        arith::IndexCastOp::create(b, loc, b.getIndexType(), size));
  return result;
}

/// relax.call_packed: result slots the callee fills, then checks of what it
/// wrote against the declared types; the caller owns the results.
struct CallPackedPattern : public HostPattern<relax::CallPackedOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::CallPackedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<Type> slots;
    for (Type type : op.getResultTypes()) {
      Type converted = getTypeConverter()->convertType(type);
      if (!isa_and_nonnull<MemRefType, LLVM::LLVMPointerType>(converted))
        return rewriter.notifyMatchFailure(op, "result without host type");
      slots.push_back(converted);
    }
    auto device = toPair(relax::getFunctionDevice(getFunction(op)));
    SmallVector<Value> shapes;
    Value array = buildDLTensorArray(rewriter, loc, adaptor.getInputs(), slots,
                                     device, &shapes);
    Value ctx = getContext(op);
    int64_t numInputs = op.getInputs().size();
    callPacked(rewriter, loc, state, ctx, op.getCallee(), array,
               numInputs + slots.size());
    // Every tensor result is read (and owned, so an error path frees it)
    // before any is checked; each object is owned once the runtime has
    // checked it is one.
    SmallVector<FilledResult> filled(slots.size());
    SmallVector<Value> results(slots.size());
    for (auto [index, slot] : llvm::enumerate(slots)) {
      auto type = dyn_cast<MemRefType>(slot);
      if (!type)
        continue;
      filled[index] = readResultSlot(rewriter, loc, array, numInputs + index,
                                     shapes[index], type);
      state.ownedPointers[filled[index].data] = device;
      state.allocatedPointers[filled[index].memref] = filled[index].data;
      results[index] = filled[index].memref;
    }
    for (auto [index, slot] : llvm::enumerate(slots)) {
      if (isa<MemRefType>(slot))
        continue;
      results[index] =
          takeObject(rewriter, op, index,
                     loadSlotData(rewriter, loc, array, numInputs + index));
    }
    for (auto [index, result] : llvm::enumerate(filled)) {
      auto declared =
          dyn_cast<relax::TensorType>(op.getResult(index).getType());
      if (declared &&
          failed(checkResult(rewriter, op, index, declared, result)))
        return failure();
    }
    rewriter.replaceOp(op, results);
    return success();
  }

private:
  std::string describeResult(relax::CallPackedOp op, size_t index) const {
    return ("call_packed '" + op.getCallee() + "' at " +
            formatLocation(op.getLoc()) + ": result " + Twine(index))
        .str();
  }

  /// The runtime checks that `object` is a live MLCObject; from then on the
  /// function owns the reference.
  Value takeObject(ConversionPatternRewriter &rewriter, relax::CallPackedOp op,
                   size_t index, Value object) const {
    Location loc = op.getLoc();
    Value what =
        createStringConstant(rewriter, loc, state, describeResult(op, index));
    Value status = LLVM::CallOp::create(
                       rewriter, loc, TypeRange{rewriter.getI32Type()},
                       kTakeObjectFn, ValueRange{getContext(op), object, what})
                       .getResult();
    assertSuccess(rewriter, loc, status);
    state.ownedObjects.insert(object);
    return object;
  }

  /// The runtime matches what the callee wrote against the declared type
  /// (dims not negative, equal where known: mlcContextMatchShape); data is
  /// not NULL unless the result is empty.
  LogicalResult checkResult(ConversionPatternRewriter &rewriter,
                            relax::CallPackedOp op, size_t index,
                            relax::TensorType declared,
                            const FilledResult &filled) const {
    Location loc = op.getLoc();
    std::string what = describeResult(op, index);
    SmallVector<StringRef> known;
    relax::forEachSymDim(declared,
                         [&](sym::Expr dim) { sym::collectVars(dim, known); });
    llvm::StringMap<Value> &vars = getVars(op);
    SmallVector<Value> knownValues;
    for (StringRef var : known) {
      Value value = vars.lookup(var);
      if (!value)
        return op.emitOpError("symbolic variable '")
               << var << "' has no value here";
      knownValues.push_back(value);
    }
    SmallVector<Value> none;
    createMatchShape(rewriter, loc, state, getContext(op),
                     buildMatchShapeSpec(what, declared.getDims(), known, {},
                                         getFunction(op)),
                     filled.sizes, knownValues, 0, none);
    Value numel = arith::ConstantIndexOp::create(rewriter, loc, 1);
    for (Value size : filled.sizes)
      numel = arith::MulIOp::create(rewriter, loc, numel, size);
    auto ptr = LLVM::LLVMPointerType::get(op.getContext());
    Value hasData = LLVM::ICmpOp::create(
        rewriter, loc, LLVM::ICmpPredicate::ne, filled.data,
        LLVM::ZeroOp::create(rewriter, loc, ptr));
    Value empty =
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq, numel,
                              arith::ConstantIndexOp::create(rewriter, loc, 0));
    Value ok = arith::OrIOp::create(rewriter, loc, hasData, empty);
    emitCheck(rewriter, loc, state, getContext(op), ok,
              what + " has no data ({} elements)", {numel});
    return success();
  }
};

} // namespace

void populateRelaxToHostPackedCallPatterns(RelaxHostTypeConverter &converter,
                                           RewritePatternSet &patterns,
                                           RelaxHostState &state) {
  patterns.add<InvokePackedPattern, CallPackedPattern>(
      converter, patterns.getContext(), state);
}

} // namespace mlc::host
