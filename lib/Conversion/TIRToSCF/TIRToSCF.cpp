//===- TIRToSCF.cpp - Lower tir kernels to scf loops ----------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The conversion patterns of `convert-tir-to-scf` and the type converter that
// drops storage scopes from buffer types. The pass itself, with the checks
// that reject GPU-only kernels, is in TIRToSCFPass.cpp.
//
// Every pattern checks everything that can fail before it changes the IR, so
// the conversion never relies on rollback.
//
//===----------------------------------------------------------------------===//

#include "mlc/Conversion/TIRToSCF/TIRToSCF.h"

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace mlc;
using mlc::tir::AllocBufferOp;
using mlc::tir::BlockOp;
using mlc::tir::ForKind;
using mlc::tir::IterKind;
using mlc::tir::PrimFuncOp;
using mlc::tir::StorageScope;

//===----------------------------------------------------------------------===//
// Type conversion
//===----------------------------------------------------------------------===//

/// Returns the CPU memory space for a buffer memory space: none for global
/// and local, a null attribute (no equivalent) for shared, and the space
/// itself when it is not a storage scope.
static FailureOr<Attribute> convertMemorySpace(Attribute space) {
  auto scope = dyn_cast_if_present<tir::StorageScopeAttr>(space);
  if (!scope)
    return space;
  if (scope.getValue() == StorageScope::Shared)
    return failure();
  return Attribute();
}

TIRToSCFTypeConverter::TIRToSCFTypeConverter() {
  // Conversions are tried last-added first: the identity is the fallback.
  addConversion([](Type type) { return type; });
  addConversion([](MemRefType type) -> Type {
    FailureOr<Attribute> space = convertMemorySpace(type.getMemorySpace());
    if (failed(space))
      return {};
    return MemRefType::Builder(type).setMemorySpace(*space);
  });
  addConversion([](UnrankedMemRefType type) -> Type {
    FailureOr<Attribute> space = convertMemorySpace(type.getMemorySpace());
    if (failed(space))
      return {};
    return UnrankedMemRefType::get(type.getElementType(), *space);
  });
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Returns the tir.alloc_buffer ops directly in `region` (not nested).
static SmallVector<AllocBufferOp> getDirectAllocs(Region &region) {
  if (region.empty())
    return {};
  return llvm::to_vector(region.front().getOps<AllocBufferOp>());
}

/// Replaces `alloc` by a memref.alloc of the converted buffer type, and frees
/// the buffer right before `deallocPoint`. The type must be convertible.
static void lowerAllocBuffer(ConversionPatternRewriter &rewriter,
                             const TypeConverter &typeConverter,
                             AllocBufferOp alloc, Operation *deallocPoint) {
  auto type = cast<MemRefType>(typeConverter.convertType(alloc.getType()));
  rewriter.setInsertionPoint(alloc);
  auto buffer = memref::AllocOp::create(rewriter, alloc.getLoc(), type,
                                        alloc.getDynamicSizes());
  rewriter.setInsertionPoint(deallocPoint);
  memref::DeallocOp::create(rewriter, alloc.getLoc(), buffer);
  rewriter.replaceOp(alloc, buffer);
}

/// Moves the body of `region` (one block ending in tir.yield) before
/// `anchor`, replacing its arguments by `args`, and lowers the buffers it
/// allocates so that they are freed where the body ends. The buffer types
/// must be convertible.
static void inlineBody(ConversionPatternRewriter &rewriter,
                       const TypeConverter &typeConverter, Region &region,
                       Operation *anchor, ValueRange args) {
  SmallVector<AllocBufferOp> allocs = getDirectAllocs(region);
  Block *body = &region.front();
  rewriter.eraseOp(body->getTerminator());
  rewriter.inlineBlockBefore(body, anchor, args);
  for (AllocBufferOp alloc : allocs)
    lowerAllocBuffer(rewriter, typeConverter, alloc, anchor);
}

/// Returns the first buffer allocated directly in one of `regions` whose type
/// has no conversion, if any.
static AllocBufferOp findUnconvertibleAlloc(const TypeConverter &typeConverter,
                                            ArrayRef<Region *> regions) {
  for (Region *region : regions)
    for (AllocBufferOp alloc : getDirectAllocs(*region))
      if (!typeConverter.convertType(alloc.getType()))
        return alloc;
  return {};
}

//===----------------------------------------------------------------------===//
// tir.prim_func and tir.return
//===----------------------------------------------------------------------===//

namespace {
/// tir.prim_func -> func.func with the same symbol, converted parameter
/// types and the C interface.
struct PrimFuncOpLowering final : OpConversionPattern<PrimFuncOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PrimFuncOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FunctionType type = op.getFunctionType();
    TypeConverter::SignatureConversion signature(type.getNumInputs());
    if (failed(getTypeConverter()->convertSignatureArgs(type.getInputs(),
                                                        signature)))
      return rewriter.notifyMatchFailure(
          op, "a parameter type has no CPU equivalent");

    auto func = func::FuncOp::create(
        rewriter, op.getLoc(), op.getSymName(),
        rewriter.getFunctionType(signature.getConvertedTypes(), {}));
    func.setSymVisibilityAttr(op.getSymVisibilityAttr());
    if (ArrayAttr argAttrs = op.getArgAttrsAttr())
      func.setArgAttrsAttr(argAttrs);
    for (NamedAttribute attr : op->getDiscardableAttrs())
      func->setAttr(attr.getName(), attr.getValue());
    func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                  rewriter.getUnitAttr());

    rewriter.inlineRegionBefore(op.getBody(), func.getBody(), func.end());
    rewriter.applySignatureConversion(&func.getBody().front(), signature,
                                      getTypeConverter());
    rewriter.eraseOp(op);
    return success();
  }
};

/// tir.return -> func.return.
struct ReturnOpLowering final : OpConversionPattern<tir::ReturnOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tir::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto ret = func::ReturnOp::create(rewriter, op.getLoc());
    rewriter.replaceOp(op, ret);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// tir.for
//===----------------------------------------------------------------------===//

namespace {
/// tir.for -> scf.for (serial, vectorized, unrolled) or scf.parallel
/// (parallel). Vectorized and unrolled loops are hints: they run serially
/// and keep their kind in `tir.loop_kind`.
struct ForOpLowering final : OpConversionPattern<tir::ForOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tir::ForOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ForKind kind = op.getKind();
    if (kind == ForKind::ThreadBinding)
      return rewriter.notifyMatchFailure(
          op, "thread_binding loops need the GPU pipeline");

    Location loc = op.getLoc();
    Value step = adaptor.getStep();
    if (!step)
      step = arith::ConstantIndexOp::create(rewriter, loc, 1);

    Operation *loop;
    Block *loopBody;
    Value inductionVar;
    if (kind == ForKind::Parallel) {
      auto parallel = scf::ParallelOp::create(
          rewriter, loc, ValueRange{adaptor.getLowerBound()},
          ValueRange{adaptor.getUpperBound()}, ValueRange{step});
      loop = parallel;
      loopBody = parallel.getBody();
      inductionVar = parallel.getInductionVars().front();
    } else {
      auto serial = scf::ForOp::create(rewriter, loc, adaptor.getLowerBound(),
                                       adaptor.getUpperBound(), step);
      if (kind != ForKind::Serial)
        serial->setAttr(kLoopKindAttrName, op.getKindAttr());
      loop = serial;
      loopBody = serial.getBody();
      inductionVar = serial.getInductionVar();
    }
    if (DictionaryAttr annotations = op.getAnnotationsAttr())
      loop->setAttr(kLoopAnnotationsAttrName, annotations);
    for (NamedAttribute attr : op->getDiscardableAttrs())
      loop->setAttr(attr.getName(), attr.getValue());

    inlineBody(rewriter, *getTypeConverter(), op.getRegion(),
               loopBody->getTerminator(), inductionVar);
    rewriter.eraseOp(op);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// tir.block
//===----------------------------------------------------------------------===//

/// Builds `binding == 0` for every reduce iteration variable of `op`, and
/// returns their conjunction: the condition under which `init` runs.
static Value buildIsFirstReduction(OpBuilder &builder, BlockOp op,
                                   ValueRange bindings) {
  Location loc = op.getLoc();
  Value zero, isFirst;
  for (auto [index, binding] : llvm::enumerate(bindings)) {
    if (op.getIterKind(index) != IterKind::Reduce)
      continue;
    if (!zero)
      zero = arith::ConstantIndexOp::create(builder, loc, 0);
    Value isZero = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq,
                                         binding, zero);
    isFirst =
        isFirst ? arith::AndIOp::create(builder, loc, isFirst, isZero) : isZero;
  }
  return isFirst;
}

namespace {
/// tir.block -> its body in place, with the iteration variables replaced by
/// their bindings:
///
///   scf.if %predicate {                      // when there is a predicate
///     scf.if (%vk == 0 && ...) { <init> }    // when there is an init region
///     <body>
///   }
///
/// The buffers the block allocates are freed where its body ends.
struct BlockOpLowering final : OpConversionPattern<BlockOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BlockOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const TypeConverter &typeConverter = *getTypeConverter();
    if (AllocBufferOp alloc = findUnconvertibleAlloc(
            typeConverter, {&op.getRegion(), &op.getInit()}))
      return rewriter.notifyMatchFailure(
          alloc, "the buffer type has no CPU equivalent");

    Location loc = op.getLoc();
    ValueRange bindings = adaptor.getBindings();
    // The ops of the block go before `anchor`.
    Operation *anchor = op;
    if (Value predicate = adaptor.getPredicate()) {
      auto guard = scf::IfOp::create(rewriter, loc, predicate,
                                     /*withElseRegion=*/false);
      anchor = guard.thenBlock()->getTerminator();
    }
    if (op.hasInit()) {
      rewriter.setInsertionPoint(anchor);
      Value isFirst = buildIsFirstReduction(rewriter, op, bindings);
      auto init =
          scf::IfOp::create(rewriter, loc, isFirst, /*withElseRegion=*/false);
      inlineBody(rewriter, typeConverter, op.getInit(),
                 init.thenBlock()->getTerminator(), bindings);
    }
    inlineBody(rewriter, typeConverter, op.getRegion(), anchor, bindings);
    rewriter.eraseOp(op);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// tir.alloc_buffer
//===----------------------------------------------------------------------===//

namespace {
/// tir.alloc_buffer -> memref.alloc, freed at the end of the enclosing
/// block. The buffers allocated directly in a tir.block or tir.for body are
/// lowered with their block or loop, which knows where its body ends; this
/// pattern handles the others: those of the function body, or of the regions
/// of other ops (scf.if, ...).
struct AllocBufferOpLowering final : OpConversionPattern<AllocBufferOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(AllocBufferOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!getTypeConverter()->convertType(op.getType()))
      return rewriter.notifyMatchFailure(
          op, "the buffer type has no CPU equivalent");
    Block *block = op->getBlock();
    Operation *end =
        block->mightHaveTerminator() ? block->getTerminator() : nullptr;
    if (!end)
      return rewriter.notifyMatchFailure(
          op, "the enclosing block has no terminator to free the buffer at");
    lowerAllocBuffer(rewriter, *getTypeConverter(), op, end);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Buffer types in other ops
//===----------------------------------------------------------------------===//

namespace {
/// Rebuilds any op that is neither a tir op nor a function with converted
/// operand, result and block-argument types: the memref.load, memref.subview,
/// scf.if, ... that use buffers with a storage scope.
struct BufferTypeConversion final : ConversionPattern {
  BufferTypeConversion(const TypeConverter &typeConverter, MLIRContext *ctx)
      : ConversionPattern(typeConverter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          ctx) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (isa_and_present<tir::TIRDialect>(op->getDialect()))
      return rewriter.notifyMatchFailure(op, "tir ops have their own pattern");
    if (isa<FunctionOpInterface>(op))
      return rewriter.notifyMatchFailure(
          op, "function signatures have their own pattern");
    const TypeConverter &typeConverter = *getTypeConverter();
    SmallVector<Type> resultTypes;
    if (failed(typeConverter.convertTypes(op->getResultTypes(), resultTypes)))
      return rewriter.notifyMatchFailure(op,
                                         "a result type has no CPU equivalent");
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (Type type : block.getArgumentTypes())
          if (!typeConverter.convertType(type))
            return rewriter.notifyMatchFailure(
                op, "a block argument type has no CPU equivalent");

    // Same op, new types: what Operation::clone does, without cloning the
    // regions, which move over.
    Operation *newOp = Operation::create(
        op->getLoc(), op->getName(), resultTypes, operands,
        NamedAttrList(op->getRawDictionaryAttrs()), op->getPropertiesStorage(),
        op->getSuccessors(), op->getNumRegions());
    rewriter.insert(newOp);
    for (auto [from, to] :
         llvm::zip_equal(op->getRegions(), newOp->getRegions())) {
      rewriter.inlineRegionBefore(from, to, to.end());
      (void)rewriter.convertRegionTypes(&to, typeConverter);
    }
    rewriter.replaceOp(op, newOp->getResults());
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void mlc::populateTIRToSCFConversionPatterns(const TypeConverter &typeConverter,
                                             RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  // clang-format off
  patterns.add<
      AllocBufferOpLowering,
      BlockOpLowering,
      ForOpLowering,
      PrimFuncOpLowering,
      ReturnOpLowering
    >(typeConverter, ctx);
  // clang-format on
  patterns.add<BufferTypeConversion>(typeConverter, ctx);
  populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                 typeConverter);
}

void mlc::configureTIRToSCFConversionTarget(
    ConversionTarget &target, const TypeConverter &typeConverter) {
  target.addIllegalDialect<tir::TIRDialect>();
  target.markUnknownOpDynamicallyLegal([&typeConverter](Operation *op) {
    if (auto func = dyn_cast<FunctionOpInterface>(op)) {
      auto type = dyn_cast<FunctionType>(func.getFunctionType());
      if (type && !typeConverter.isSignatureLegal(type))
        return false;
    }
    return typeConverter.isLegal(op) &&
           llvm::all_of(op->getRegions(), [&](Region &region) {
             return typeConverter.isLegal(&region);
           });
  });
}
