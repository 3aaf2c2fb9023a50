//===- RelaxToHostPatterns.cpp - relax ops to host code -------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Conversion patterns from relax's explicit-memory form to memrefs, calls of
// kernels and calls into the runtime (ABI v2). Run-time checks become
// `cf.assert`s here; lowerHostErrorPaths turns them into error returns.
//
//===----------------------------------------------------------------------===//

#include "HostPattern.h"

#include "mlc/Conversion/RelaxToHost/RelaxToHost.h"
#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/SymbolScope.h"
#include "mlc/Transforms/SymbolicArith.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/ControlFlow/Transforms/StructuralTypeConversions.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Dialect/UB/IR/UBOps.h"

using namespace mlir;

namespace mlc {

RelaxHostTypeConverter::RelaxHostTypeConverter(MLIRContext *ctx) {
  addConversion([](Type type) { return type; });
  addConversion([](relax::TensorType type) -> Type {
    if (!type.getRanked())
      return Type();
    return MemRefType::get(type.getShape(), type.getElementType());
  });
  // First-class shapes have no host form yet; an object is its MLCObject *.
  addConversion([](relax::ShapeType) -> Type { return Type(); });
  addConversion([ctx](relax::ObjectType) -> Type {
    return LLVM::LLVMPointerType::get(ctx);
  });
  addConversion([ctx](relax::StorageType) -> Type {
    return MemRefType::get({ShapedType::kDynamic}, IntegerType::get(ctx, 8));
  });
  // A tuple is its fields, flattened (1:N).
  addConversion(
      [this](TupleType type,
             SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        for (Type field : type.getTypes())
          if (failed(convertType(field, results)))
            return failure();
        return success();
      });
}

namespace {

using namespace host;

//===----------------------------------------------------------------------===//
// Binding symbolic variables
//===----------------------------------------------------------------------===//

/// Binds, in `vars`, the variables of an argument type the runtime has
/// checked (so no check here): bare dims first,
/// then dims linear in one unbound variable (sym::getLinearForm), the rule
/// that collectSignatureVars and the runtime follow.
void bindDims(OpBuilder &b, Location loc, relax::TensorType type,
              function_ref<Value(int64_t)> readDim,
              llvm::StringMap<Value> &vars) {
  for (auto [index, dim] : llvm::enumerate(type.getDims())) {
    if (!dim || !dim.isVar() || vars.count(dim.getVarName()))
      continue;
    vars[dim.getVarName()] = readDim(index);
  }
  for (auto [index, dim] : llvm::enumerate(type.getDims())) {
    if (!dim)
      continue;
    SmallVector<StringRef> used;
    sym::collectVars(dim, used);
    if (used.size() != 1 || vars.count(used.front()))
      continue;
    std::optional<sym::LinearForm> form = sym::getLinearForm(dim, used.front());
    if (!form)
      continue;
    // var = (dim - constant) floordiv coefficient; the equality check of
    // the dim (runtime or match_cast) catches a remainder.
    Value shifted = arith::SubIOp::create(
        b, loc, readDim(index),
        arith::ConstantIndexOp::create(b, loc, form->constant));
    vars[used.front()] = createSymbolicBinaryOp(
        b, loc, sym::ExprKind::FloorDiv, shifted,
        arith::ConstantIndexOp::create(b, loc, form->coefficient));
  }
}

//===----------------------------------------------------------------------===//
// Functions, returns and calls
//===----------------------------------------------------------------------===//

/// The tensors of `type`, looking into tuples depth first.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
void collectTensorLeaves(Type type, SmallVectorImpl<relax::TensorType> &out) {
  if (auto tensor = dyn_cast<relax::TensorType>(type))
    out.push_back(tensor);
  else if (auto tuple = dyn_cast<TupleType>(type))
    for (Type field : tuple.getTypes())
      collectTensorLeaves(field, out);
}

/// A relax function takes the context first and returns a status first.
struct FuncPattern : public HostPattern<func::FuncOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(func::FuncOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!state.relaxFunctions.contains(op.getSymName()) ||
        op->hasAttr(kHostFunctionAttrName) || op.isExternal())
      return failure();
    MLIRContext *ctx = op.getContext();
    FunctionType type = op.getFunctionType();
    TypeConverter::SignatureConversion signature(type.getNumInputs());
    signature.addInputs(LLVM::LLVMPointerType::get(ctx));
    for (auto [index, argType] : llvm::enumerate(type.getInputs())) {
      SmallVector<Type> converted;
      if (failed(getTypeConverter()->convertType(argType, converted)))
        return rewriter.notifyMatchFailure(op, "argument without host type");
      signature.addInputs(index, converted);
    }
    SmallVector<Type> results = {IntegerType::get(ctx, 32)};
    if (failed(getTypeConverter()->convertTypes(type.getResults(), results)))
      return rewriter.notifyMatchFailure(op, "result without host type");
    Block *entry = rewriter.applySignatureConversion(
        &op.getBody().front(), signature, getTypeConverter());
    rewriter.modifyOpInPlace(op, [&] {
      op.setType(
          FunctionType::get(ctx, signature.getConvertedTypes(), results));
      op->setAttr(kHostFunctionAttrName, UnitAttr::get(ctx));
      op->removeAttr(relax::RelaxDialect::kFunctionAttrName);
      // relax.param and the like described the relax signature (the
      // metadata keeps them); the host arguments are different ones.
      op.removeArgAttrsAttr();
      op.removeResAttrsAttr();
    });
    // The runtime has checked the arguments against the signature (and
    // their bounds), so the variables are read from their dims.
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointToStart(entry);
    llvm::StringMap<Value> &vars = state.vars[op];
    for (auto [index, argType] : llvm::enumerate(type.getInputs())) {
      // A tuple argument is its tensors, in order (the type converter
      // flattens depth first).
      SmallVector<relax::TensorType> leaves;
      collectTensorLeaves(argType, leaves);
      unsigned first = signature.getInputMapping(index)->inputNo;
      for (auto [offset, tensor] : llvm::enumerate(leaves)) {
        if (!tensor.getRanked())
          continue;
        Value arg = entry->getArgument(first + offset);
        bindDims(
            rewriter, op.getLoc(), tensor,
            [&](int64_t dim) -> Value {
              return memref::DimOp::create(rewriter, op.getLoc(), arg, dim);
            },
            vars);
      }
    }
    return success();
  }
};

struct ReturnPattern : public HostPattern<func::ReturnOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(func::ReturnOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    func::FuncOp function = getFunction(op);
    if (!state.relaxFunctions.contains(function.getSymName()))
      return failure();
    SmallVector<Value> operands = {i32Constant(rewriter, op.getLoc(), 0)};
    for (ValueRange values : adaptor.getOperands())
      llvm::append_range(operands, values);
    rewriter.replaceOpWithNewOp<func::ReturnOp>(op, operands);
    return success();
  }
};

/// A call of another relax function passes the context, checks the status
/// and takes ownership of the results (ABI v2: each is a fresh buffer).
struct CallPattern : public HostPattern<func::CallOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(func::CallOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!state.relaxFunctions.contains(op.getCallee()))
      return failure();
    Location loc = op.getLoc();
    SmallVector<Type> results = {rewriter.getI32Type()};
    SmallVector<unsigned> resultSizes;
    for (Type type : op.getResultTypes()) {
      size_t before = results.size();
      if (failed(getTypeConverter()->convertType(type, results)))
        return rewriter.notifyMatchFailure(op, "result without host type");
      resultSizes.push_back(results.size() - before);
    }
    SmallVector<Value> operands = {getContext(op)};
    for (ValueRange values : adaptor.getOperands())
      llvm::append_range(operands, values);
    auto call = func::CallOp::create(rewriter, loc, op.getCalleeAttr(), results,
                                     operands);
    assertSuccess(rewriter, loc, call.getResult(0));
    auto device = toPair(relax::getFunctionDevice(getFunction(op)));
    for (Value result : llvm::drop_begin(call.getResults())) {
      if (isa<LLVM::LLVMPointerType>(result.getType()))
        state.ownedObjects.insert(result); // a reference the callee gave
      if (!isa<MemRefType>(result.getType()))
        continue;
      Value pointer = host::getAllocatedPointer(rewriter, loc, result);
      state.allocatedPointers[result] = pointer;
      state.ownedPointers[pointer] = device;
    }
    // Each original result is its range of flattened results.
    SmallVector<SmallVector<Value>> replacements;
    ValueRange rest = call.getResults().drop_front();
    for (unsigned size : resultSizes) {
      replacements.emplace_back(rest.take_front(size));
      rest = rest.drop_front(size);
    }
    rewriter.replaceOpWithMultiple(op, std::move(replacements));
    return success();
  }
};

/// relax.tuple is its fields, flattened.
struct TuplePattern : public OpConversionPattern<relax::TupleOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(relax::TupleOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> flat;
    for (ValueRange values : adaptor.getFields())
      llvm::append_range(flat, values);
    rewriter.replaceOpWithMultiple(op, {flat});
    return success();
  }
};

/// relax.tuple_get_item is the range of the flattened tuple its field
/// occupies.
struct TupleGetItemPattern : public OpConversionPattern<relax::TupleGetItemOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(relax::TupleGetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto tuple = cast<TupleType>(op.getTuple().getType());
    size_t offset = 0;
    for (int64_t index = 0, e = op.getIndex(); index < e; ++index) {
      SmallVector<Type> leaves;
      if (failed(getTypeConverter()->convertType(tuple.getType(index), leaves)))
        return rewriter.notifyMatchFailure(op, "field without host type");
      offset += leaves.size();
    }
    SmallVector<Type> leaves;
    if (failed(getTypeConverter()->convertType(op.getType(), leaves)))
      return rewriter.notifyMatchFailure(op, "field without host type");
    ValueRange flat = adaptor.getTuple();
    SmallVector<Value> field(flat.drop_front(offset).take_front(leaves.size()));
    rewriter.replaceOpWithMultiple(op, {field});
    return success();
  }
};

/// arith.select of two relax tensors (what canonicalization makes of an
/// scf.if that yields them) selects between their buffers.
struct SelectPattern : public OpConversionPattern<arith::SelectOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(arith::SelectOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // A tuple selects each of its tensors.
    Value condition = adaptor.getCondition().front();
    SmallVector<Value> selected;
    for (auto [onTrue, onFalse] :
         llvm::zip_equal(adaptor.getTrueValue(), adaptor.getFalseValue()))
      selected.push_back(arith::SelectOp::create(rewriter, op.getLoc(),
                                                 condition, onTrue, onFalse));
    rewriter.replaceOpWithMultiple(op, {selected});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Explicit memory
//===----------------------------------------------------------------------===//

/// A memref<?xi8> over `bytes` bytes at `pointer`.
Value buildStorageMemRef(OpBuilder &b, Location loc, Value pointer,
                         Value bytes) {
  auto type = MemRefType::get({ShapedType::kDynamic}, b.getI8Type());
  Type descriptorType = host::getDescriptorType(b.getContext(), type);
  Value descriptor = LLVM::PoisonOp::create(b, loc, descriptorType);
  descriptor = LLVM::InsertValueOp::create(b, loc, descriptor, pointer,
                                           ArrayRef<int64_t>{0});
  descriptor = LLVM::InsertValueOp::create(b, loc, descriptor, pointer,
                                           ArrayRef<int64_t>{1});
  descriptor = LLVM::InsertValueOp::create(
      b, loc, descriptor, i64Constant(b, loc, 0), ArrayRef<int64_t>{2});
  descriptor = LLVM::InsertValueOp::create(b, loc, descriptor, bytes,
                                           ArrayRef<int64_t>{3, 0});
  descriptor = LLVM::InsertValueOp::create(
      b, loc, descriptor, i64Constant(b, loc, 1), ArrayRef<int64_t>{4, 0});
  return UnrealizedConversionCastOp::create(b, loc, type, descriptor)
      .getResult(0);
}

struct AllocStoragePattern : public HostPattern<relax::AllocStorageOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::AllocStorageOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    // The size multiplies run-time extents: a product that wraps must not
    // become a small allocation.
    llvm::StringMap<Value> &vars = getVars(op);
    Value overflow;
    FailureOr<Value> size = materializeSymExprChecked(
        rewriter, loc, op.getSizeExpr(),
        [&](StringRef var) { return vars.lookup(var); }, overflow);
    if (failed(size))
      return failure();
    Value fits = arith::XOrIOp::create(
        rewriter, loc, overflow,
        arith::ConstantIntOp::create(rewriter, loc, 1, 1));
    emitCheck(rewriter, loc, state, getContext(op), fits,
              "storage at " + formatLocation(loc) + ": its size, '" +
                  relax::dimToString(op.getSizeExpr()) +
                  "' bytes, overflows int64",
              {});
    Value bytes =
        arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), *size);
    auto device = toPair(op.getDevice());
    auto ptr = LLVM::LLVMPointerType::get(op.getContext());
    Value pointer =
        LLVM::CallOp::create(
            rewriter, loc, TypeRange{ptr}, host::kAllocFn,
            ValueRange{getContext(op), i32Constant(rewriter, loc, device.first),
                       i32Constant(rewriter, loc, device.second), bytes,
                       i64Constant(rewriter, loc, op.getAlign())})
            .getResult();
    state.ownedPointers[pointer] = device;
    // NULL means the allocator failed and said why.
    Value null = LLVM::ZeroOp::create(rewriter, loc, ptr);
    Value ok = LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::ne,
                                    pointer, null);
    cf::AssertOp::create(rewriter, loc, ok, "");
    Value storage = buildStorageMemRef(rewriter, loc, pointer, bytes);
    state.allocatedPointers[storage] = pointer;
    rewriter.replaceOp(op, storage);
    return success();
  }
};

struct AllocTensorPattern : public HostPattern<relax::AllocTensorOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::AllocTensorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = dyn_cast_or_null<MemRefType>(
        getTypeConverter()->convertType(op.getType()));
    if (!type)
      return rewriter.notifyMatchFailure(op, "tensor without host type");
    FailureOr<Value> offset = materialize(rewriter, op, op.getOffsetExpr());
    SmallVector<sym::Expr> dynamicDims;
    for (sym::Expr dim : cast<relax::TensorType>(op.getType()).getDims())
      if (!dim.isConstant())
        dynamicDims.push_back(dim);
    FailureOr<SmallVector<Value>> sizes =
        materializeAll(rewriter, op, dynamicDims);
    if (failed(offset) || failed(sizes))
      return failure();
    if (failed(checkFits(rewriter, op, adaptor.getStorage(), *offset)))
      return failure();
    rewriter.replaceOpWithNewOp<memref::ViewOp>(op, type, adaptor.getStorage(),
                                                *offset, *sizes);
    return success();
  }

private:
  /// The view lies inside its storage; checked at run time unless the
  /// prover shows it (memory planning's and this pass's own views are).
  LogicalResult checkFits(ConversionPatternRewriter &rewriter,
                          relax::AllocTensorOp op, Value storage,
                          Value offset) const {
    auto type = cast<relax::TensorType>(op.getType());
    sym::Expr bytes = *relax::getByteSize(type);
    sym::Expr end = op.getOffsetExpr() + bytes;
    sym::Analyzer analyzer = relax::getAnalyzerFor(op);
    sym::Context &ctx = relax::RelaxDialect::getSymContext(op.getContext());
    if (auto alloc = op.getStorage().getDefiningOp<relax::AllocStorageOp>())
      if (analyzer.proveLE(ctx.constant(0), op.getOffsetExpr()) ==
              sym::Proof::True &&
          analyzer.proveLE(end, alloc.getSizeExpr()) == sym::Proof::True)
        return success();
    Location loc = op.getLoc();
    llvm::StringMap<Value> &vars = getVars(op);
    Value overflow;
    FailureOr<Value> last = materializeSymExprChecked(
        rewriter, loc, end, [&](StringRef var) { return vars.lookup(var); },
        overflow);
    if (failed(last))
      return failure();
    Value size = memref::DimOp::create(rewriter, loc, storage, 0);
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value ok = arith::AndIOp::create(
        rewriter, loc,
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::sge, offset,
                              zero),
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::sle, *last,
                              size));
    ok = arith::AndIOp::create(
        rewriter, loc, ok,
        arith::XOrIOp::create(
            rewriter, loc, overflow,
            arith::ConstantIntOp::create(rewriter, loc, 1, 1)));
    emitCheck(rewriter, loc, state, getContext(op), ok,
              "alloc_tensor at " + formatLocation(loc) + ": bytes [{}, {}) " +
                  "do not fit a storage of {} bytes",
              {offset, *last, size});
    return success();
  }
};

/// Frees a buffer the function owns: one a callee handed over, or one a
/// region op or a loop's iteration handed over (its descriptor's allocated
/// pointer, on the function's device). A view of a storage frees nothing:
/// its storage is killed on its own.
struct KillTensorPattern : public HostPattern<relax::KillTensorOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::KillTensorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value tensor = adaptor.getTensor();
    Location loc = op.getLoc();
    if (Value pointer = state.allocatedPointers.lookup(tensor)) {
      host::createFree(rewriter, loc, getContext(op),
                       state.ownedPointers.lookup(pointer), pointer);
    } else if (!tensor.getDefiningOp<memref::ViewOp>()) {
      if (!isa<MemRefType>(tensor.getType()))
        return rewriter.notifyMatchFailure(op, "tensor without host type");
      host::createFree(rewriter, loc, getContext(op),
                       toPair(relax::getFunctionDevice(getFunction(op))),
                       host::getAllocatedPointer(rewriter, loc, tensor));
    }
    rewriter.eraseOp(op);
    return success();
  }
};

/// Drops the function's reference to an object (mlcObjectRelease).
struct KillObjectPattern : public HostPattern<relax::KillObjectOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::KillObjectOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::CallOp>(op, TypeRange(),
                                              host::kReleaseObjectFn,
                                              ValueRange{adaptor.getObject()});
    return success();
  }
};

struct KillStoragePattern : public HostPattern<relax::KillStorageOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::KillStorageOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value pointer = state.allocatedPointers.lookup(adaptor.getStorage());
    if (!pointer)
      return rewriter.notifyMatchFailure(op, "storage of unknown origin");
    host::createFree(rewriter, op.getLoc(), getContext(op),
                     state.ownedPointers.lookup(pointer), pointer);
    rewriter.eraseOp(op);
    return success();
  }
};

struct CopyPattern : public HostPattern<relax::CopyOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::CopyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // Dims the prover cannot show equal are compared at run time.
    auto source = cast<relax::TensorType>(op.getSource().getType());
    auto target = cast<relax::TensorType>(op.getTarget().getType());
    sym::Analyzer analyzer = relax::getAnalyzerFor(op);
    Location loc = op.getLoc();
    for (auto [index, dims] :
         llvm::enumerate(llvm::zip_equal(source.getDims(), target.getDims()))) {
      auto [from, to] = dims;
      if (from && to && analyzer.proveEqual(from, to) == sym::Proof::True)
        continue;
      Value have =
          memref::DimOp::create(rewriter, loc, adaptor.getSource(), index);
      Value want =
          memref::DimOp::create(rewriter, loc, adaptor.getTarget(), index);
      Value ok = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                       have, want);
      emitCheck(rewriter, loc, state, getContext(op), ok,
                "copy at " + formatLocation(loc) + ": dimension " +
                    std::to_string(index) +
                    " of the source is {} but the "
                    "target's is {}",
                {have, want});
    }
    rewriter.replaceOpWithNewOp<memref::CopyOp>(op, adaptor.getSource(),
                                                adaptor.getTarget());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Kernels and packed functions
//===----------------------------------------------------------------------===//

struct InvokeTIRPattern : public HostPattern<relax::InvokeTIROp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::InvokeTIROp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto kernel = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
        op, op.getCalleeAttr());
    if (!kernel) // checkInput has reported it.
      return rewriter.notifyMatchFailure(op, "kernel is not a func.func");
    SmallVector<Value> operands(adaptor.getInputs());
    llvm::append_range(operands, adaptor.getOutputs());
    if (std::optional<relax::ShapeAttr> tirVars = op.getTirVars()) {
      FailureOr<SmallVector<Value>> values =
          materializeAll(rewriter, op, tirVars->getDims());
      if (failed(values))
        return failure();
      llvm::append_range(operands, *values);
    }
    // The kernel may be more general (memref<?xf32> for a memref<4xf32>),
    // or more specific: a static extent it takes for a dim the caller only
    // knows at run time is checked first, so the cast is never a lie.
    for (auto [index, operand, param] :
         llvm::enumerate(operands, kernel.getArgumentTypes())) {
      if (operand.getType() == param)
        continue;
      auto from = cast<MemRefType>(operand.getType());
      auto to = cast<MemRefType>(param);
      for (auto [dim, sizes] :
           llvm::enumerate(llvm::zip(from.getShape(), to.getShape()))) {
        auto [have, want] = sizes;
        if (!ShapedType::isDynamic(have) || ShapedType::isDynamic(want))
          continue;
        Value actual =
            memref::DimOp::create(rewriter, op.getLoc(), operand, dim);
        Value ok = arith::CmpIOp::create(
            rewriter, op.getLoc(), arith::CmpIPredicate::eq, actual,
            arith::ConstantIndexOp::create(rewriter, op.getLoc(), want));
        emitCheck(rewriter, op.getLoc(), state, getContext(op), ok,
                  ("invoke_tir at " + formatLocation(op.getLoc()) +
                   ": parameter " + Twine(index) + " of @" + op.getCallee() +
                   " has " + Twine(want) + " at dimension " + Twine(dim) +
                   " but the tensor passed has {}")
                      .str(),
                  {actual});
      }
      operand = memref::CastOp::create(rewriter, op.getLoc(), param, operand);
    }
    rewriter.replaceOpWithNewOp<func::CallOp>(op, kernel, operands);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Constants, shapes and match_cast
//===----------------------------------------------------------------------===//

struct ConstantPattern : public HostPattern<relax::ConstantOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = dyn_cast_or_null<MemRefType>(
        getTypeConverter()->convertType(op.getType()));
    if (!type)
      return rewriter.notifyMatchFailure(op, "constant without host type");
    std::string name = ("__mlc_constant_" + Twine(state.stringCounter++)).str();
    {
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPoint(getFunction(op));
      memref::GlobalOp::create(rewriter, op.getLoc(), name,
                               rewriter.getStringAttr("private"), type,
                               op.getValue(), /*constant=*/true,
                               /*alignment=*/rewriter.getI64IntegerAttr(64));
    }
    rewriter.replaceOpWithNewOp<memref::GetGlobalOp>(op, type, name);
    return success();
  }
};

/// First-class shapes have no host form yet; an unused one (checked before
/// the conversion) is dropped.
template <typename OpTy> struct DropShapePattern : public HostPattern<OpTy> {
  using HostPattern<OpTy>::HostPattern;
  using OpAdaptor = typename HostPattern<OpTy>::OpAdaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!op->use_empty())
      return rewriter.notifyMatchFailure(op, "first-class shape in use");
    rewriter.eraseOp(op);
    return success();
  }
};

/// relax.match_cast asks the runtime (mlcContextMatchShape) to bind the
/// variables the target type defines and check the rest, bounds included:
/// the code that checks a call's arguments, so one evaluator of symbolic
/// shapes serves every check. The cast itself is a memref.cast.
struct MatchCastPattern : public HostPattern<relax::MatchCastOp> {
  using HostPattern::HostPattern;

  LogicalResult
  matchAndRewrite(relax::MatchCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // checkInput has rejected casts of other kinds or ranks.
    auto from = dyn_cast<MemRefType>(adaptor.getValue().getType());
    auto to = dyn_cast<relax::TensorType>(op.getType());
    if (!from || !to || !to.getRanked() || from.getRank() != to.getNumDims())
      return rewriter.notifyMatchFailure(op, "not a tensor-to-tensor cast");
    Location loc = op.getLoc();
    Value source = adaptor.getValue();
    llvm::StringMap<Value> &vars = getVars(op);
    SmallVector<Value> dims = llvm::map_to_vector(
        llvm::seq<int64_t>(0, from.getRank()), [&](int64_t index) -> Value {
          return memref::DimOp::create(rewriter, loc, source, index);
        });
    // Variables the target uses that are bound already, and those it binds.
    SmallVector<StringRef> used, known, bound;
    relax::forEachSymDim(to,
                         [&](sym::Expr dim) { sym::collectVars(dim, used); });
    for (StringRef var : used)
      (vars.count(var) ? known : bound).push_back(var);
    std::string what;
    llvm::raw_string_ostream os(what);
    os << "match_cast at " << formatLocation(loc) << " to " << to;
    SmallVector<Value> knownValues = llvm::map_to_vector(
        known, [&](StringRef var) { return vars.lookup(var); });
    SmallVector<Value> boundValues;
    createMatchShape(
        rewriter, loc, state, getContext(op),
        buildMatchShapeSpec(what, to.getDims(), known, bound, getFunction(op)),
        dims, knownValues, bound.size(), boundValues);
    for (auto [var, value] : llvm::zip_equal(bound, boundValues))
      vars[var] = value;
    auto type = cast<MemRefType>(getTypeConverter()->convertType(to));
    rewriter.replaceOpWithNewOp<memref::CastOp>(op, type, source);
    return success();
  }
};

} // namespace

void populateRelaxToHostPatterns(RelaxHostTypeConverter &converter,
                                 RewritePatternSet &patterns,
                                 RelaxHostState &state) {
  patterns.add<FuncPattern, ReturnPattern, CallPattern, AllocStoragePattern,
               AllocTensorPattern, KillTensorPattern, KillObjectPattern,
               KillStoragePattern, CopyPattern, InvokeTIRPattern,
               ConstantPattern, DropShapePattern<relax::ShapeOfOp>,
               DropShapePattern<relax::ShapeOp>, MatchCastPattern>(
      converter, patterns.getContext(), state);
  patterns.add<SelectPattern, TuplePattern, TupleGetItemPattern>(
      converter, patterns.getContext());
  host::populateRelaxToHostPackedCallPatterns(converter, patterns, state);
}

void configureRelaxToHostTarget(ConversionTarget &target,
                                RelaxHostTypeConverter &converter,
                                RewritePatternSet &patterns,
                                RelaxHostState &state) {
  target.addLegalDialect<arith::ArithDialect, cf::ControlFlowDialect,
                         LLVM::LLVMDialect, memref::MemRefDialect,
                         ub::UBDialect>();
  target.addLegalOp<ModuleOp, UnrealizedConversionCastOp>();
  target.addIllegalDialect<relax::RelaxDialect>();
  target.addDynamicallyLegalOp<arith::SelectOp>(
      [&](arith::SelectOp op) { return converter.isLegal(op.getOperation()); });
  target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp function) {
    return !state.relaxFunctions.contains(function.getSymName()) ||
           function.isExternal() || function->hasAttr(kHostFunctionAttrName);
  });
  target.addDynamicallyLegalOp<func::ReturnOp>([&](func::ReturnOp op) {
    auto function = op->getParentOfType<func::FuncOp>();
    if (!state.relaxFunctions.contains(function.getSymName()))
      return converter.isLegal(op);
    return TypeRange(op.getOperandTypes()) ==
           TypeRange(function.getResultTypes());
  });
  target.addDynamicallyLegalOp<func::CallOp>([&](func::CallOp op) {
    if (!state.relaxFunctions.contains(op.getCallee()))
      return converter.isLegal(op);
    return op.getNumOperands() > 0 &&
           isa<LLVM::LLVMPointerType>(op.getOperand(0).getType()) &&
           converter.isLegal(op);
  });
  scf::populateSCFStructuralTypeConversionsAndLegality(converter, patterns,
                                                       target);
  cf::populateCFStructuralTypeConversionsAndLegality(converter, patterns,
                                                     target);
}

} // namespace mlc
