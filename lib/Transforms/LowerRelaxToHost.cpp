//===- LowerRelaxToHost.cpp - relax functions to host code ----------------===//
//
// Rewrites each relax function into a function over memrefs that allocates
// outputs, calls kernels and checks match_casts, then adds the runtime's
// packed entry points and the module metadata (docs/Runtime.md).
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/SymbolScope.h"
#include "mlc/Transforms/HostABI.h"
#include "mlc/Transforms/Passes.h"
#include "mlc/Transforms/SymbolicArith.h"
#include "mlc/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

namespace mlc {
#define GEN_PASS_DEF_RELAXLOWERTOHOSTPASS
#include "mlc/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;

namespace mlc::relax {
namespace {

/// The memref a relax tensor becomes: constant dims stay static.
FailureOr<MemRefType> toMemRefType(Type type, Location loc) {
  auto tensor = dyn_cast<TensorType>(type);
  if (!tensor)
    return emitError(loc) << "host lowering supports tensor values only, "
                             "not "
                          << type;
  if (!tensor.getRanked())
    return emitError(loc) << "host lowering needs a known rank, got " << type;
  return MemRefType::get(tensor.getShape(), tensor.getElementType());
}

/// Emits index arithmetic for symbolic expressions, given the values of the
/// variables bound so far.
class ExprMaterializer {
public:
  explicit ExprMaterializer(llvm::StringMap<Value> &vars) : vars(vars) {}

  // NOLINTNEXTLINE(misc-no-recursion)
  FailureOr<Value> materialize(OpBuilder &b, Location loc, sym::Expr expr) {
    switch (expr.getKind()) {
    case sym::ExprKind::Constant:
      return Value(arith::ConstantIndexOp::create(b, loc, *expr.getConstant()));
    case sym::ExprKind::Var: {
      Value value = vars.lookup(expr.getVarName());
      if (!value)
        return emitError(loc) << "symbolic variable '" << expr.getVarName()
                              << "' has no value here";
      return value;
    }
    default:
      break;
    }
    SmallVector<Value> operands;
    for (sym::Expr operand : expr.getOperands()) {
      FailureOr<Value> value = materialize(b, loc, operand);
      if (failed(value))
        return failure();
      operands.push_back(*value);
    }
    Value result = operands.front();
    for (Value operand : llvm::drop_begin(operands))
      result = createSymbolicBinaryOp(b, loc, expr.getKind(), result, operand);
    return result;
  }

private:
  llvm::StringMap<Value> &vars;
};

/// Lowers one relax function in place.
class FunctionLowering {
public:
  FunctionLowering(func::FuncOp function, SymbolTable &symbols)
      : function(function), symbols(symbols), materializer(vars) {}

  LogicalResult run();

private:
  LogicalResult convertSignature();
  void bindArgumentVars();
  LogicalResult lowerOp(Operation *op);
  LogicalResult lowerCallTIR(Operation *op, FlatSymbolRefAttr callee,
                             ValueRange inputs, ArrayRef<int64_t> inplace,
                             std::optional<ShapeAttr> tirVars);
  LogicalResult lowerCallPacked(CallDPSPackedOp op);
  LogicalResult lowerConstant(ConstantOp op);
  LogicalResult lowerMatchCast(MatchCastOp op);
  LogicalResult lowerReturn(func::ReturnOp op);
  FailureOr<Value> allocate(OpBuilder &b, Location loc, TensorType type);
  Block *createErrorBlock(Location loc, StringRef message);
  FailureOr<SmallVector<Value>> materializeAll(OpBuilder &b, Location loc,
                                               ArrayRef<sym::Expr> exprs);

  func::FuncOp function;
  SymbolTable &symbols;
  llvm::StringMap<Value> vars;
  ExprMaterializer materializer;
  /// Buffers this function allocated, in order; freed unless returned.
  llvm::SetVector<Value> allocations;
  SmallVector<Type> resultTypes;
  /// Numbers the error messages of this function.
  unsigned errorCounter = 0;
};

} // namespace

/// Whether `function` is relax code: relax types in its signature or relax
/// ops in its body.
static bool isRelaxFunction(func::FuncOp function) {
  auto isRelaxType = [](Type type) {
    return isa<RelaxDialect>(type.getDialect());
  };
  if (llvm::any_of(function.getArgumentTypes(), isRelaxType) ||
      llvm::any_of(function.getResultTypes(), isRelaxType))
    return true;
  bool hasRelaxOp = false;
  function.walk([&](Operation *op) {
    if (isa<RelaxDialect>(op->getDialect()))
      hasRelaxOp = true;
  });
  return hasRelaxOp;
}

/// Moves the body of each relax.dataflow before it and forwards its outputs.
static void inlineDataflowRegions(func::FuncOp function) {
  SmallVector<DataflowOp> regions;
  function.walk([&](DataflowOp op) { regions.push_back(op); });
  for (DataflowOp op : regions) {
    Block &body = op.getBody().front();
    auto output = cast<OutputOp>(body.getTerminator());
    op->replaceAllUsesWith(output.getValues());
    output->erase();
    op->getBlock()->getOperations().splice(op->getIterator(),
                                           body.getOperations());
    op->erase();
  }
}

LogicalResult FunctionLowering::convertSignature() {
  if (function.isExternal())
    return function.emitError("host lowering needs a function body");
  if (!function.getBody().hasOneBlock())
    return function.emitError("host lowering supports single-block relax "
                              "functions only");
  Block &entry = function.getBody().front();
  for (BlockArgument arg : entry.getArguments()) {
    FailureOr<MemRefType> type = toMemRefType(arg.getType(), arg.getLoc());
    if (failed(type))
      return failure();
    arg.setType(*type);
  }
  resultTypes.push_back(IntegerType::get(function.getContext(), 32));
  for (Type type : function.getResultTypes()) {
    FailureOr<MemRefType> memref = toMemRefType(type, function.getLoc());
    if (failed(memref))
      return failure();
    resultTypes.push_back(*memref);
  }
  return success();
}

void FunctionLowering::bindArgumentVars() {
  Block &entry = function.getBody().front();
  OpBuilder b = OpBuilder::atBlockBegin(&entry);
  for (auto [arg, type] :
       llvm::zip_equal(entry.getArguments(), function.getArgumentTypes())) {
    auto tensor = cast<TensorType>(type);
    for (auto [index, dim] : llvm::enumerate(tensor.getDims())) {
      if (!dim || !dim.isVar() || vars.count(dim.getVarName()))
        continue;
      vars[dim.getVarName()] =
          memref::DimOp::create(b, arg.getLoc(), arg, index);
    }
  }
}

FailureOr<SmallVector<Value>>
FunctionLowering::materializeAll(OpBuilder &b, Location loc,
                                 ArrayRef<sym::Expr> exprs) {
  SmallVector<Value> values;
  for (sym::Expr expr : exprs) {
    FailureOr<Value> value = materializer.materialize(b, loc, expr);
    if (failed(value))
      return failure();
    values.push_back(*value);
  }
  return values;
}

FailureOr<Value> FunctionLowering::allocate(OpBuilder &b, Location loc,
                                            TensorType type) {
  FailureOr<MemRefType> memref = toMemRefType(type, loc);
  if (failed(memref))
    return failure();
  SmallVector<sym::Expr> dynamicDims;
  for (sym::Expr dim : type.getDims()) {
    if (!dim)
      return emitError(loc) << "cannot allocate " << type
                            << ": a dimension is unknown";
    if (!dim.isConstant())
      dynamicDims.push_back(dim);
  }
  FailureOr<SmallVector<Value>> sizes = materializeAll(b, loc, dynamicDims);
  if (failed(sizes))
    return failure();
  Value buffer = memref::AllocOp::create(b, loc, *memref, *sizes);
  allocations.insert(buffer);
  return buffer;
}

LogicalResult FunctionLowering::lowerCallTIR(Operation *op,
                                             FlatSymbolRefAttr callee,
                                             ValueRange inputs,
                                             ArrayRef<int64_t> inplace,
                                             std::optional<ShapeAttr> tirVars) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  SmallVector<Value> operands(inputs);
  SmallVector<Value> results;
  for (auto [index, result] : llvm::enumerate(op->getResults())) {
    if (!inplace.empty() && inplace[index] >= 0) {
      results.push_back(inputs[inplace[index]]);
      continue;
    }
    FailureOr<Value> buffer =
        allocate(b, loc, cast<TensorType>(result.getType()));
    if (failed(buffer))
      return failure();
    operands.push_back(*buffer);
    results.push_back(*buffer);
  }
  if (tirVars) {
    FailureOr<SmallVector<Value>> values =
        materializeAll(b, loc, tirVars->getDims());
    if (failed(values))
      return failure();
    llvm::append_range(operands, *values);
  }
  func::CallOp::create(b, loc, callee, TypeRange(), operands);
  op->replaceAllUsesWith(results);
  op->erase();
  return success();
}

LogicalResult FunctionLowering::lowerCallPacked(CallDPSPackedOp op) {
  OpBuilder b(op);
  SmallVector<Value> operands(op.getInputs());
  SmallVector<Value> results;
  for (Value result : op.getResults()) {
    FailureOr<Value> buffer =
        allocate(b, op.getLoc(), cast<TensorType>(result.getType()));
    if (failed(buffer))
      return failure();
    operands.push_back(*buffer);
    results.push_back(*buffer);
  }
  // The external kernel is declared with the memref types of this call.
  auto type = FunctionType::get(op.getContext(),
                                ValueRange(operands).getTypes(), {});
  auto declared = symbols.lookup<func::FuncOp>(op.getCallee());
  if (!declared) {
    OpBuilder top = OpBuilder::atBlockEnd(symbols.getOp()->getBlock());
    top.setInsertionPoint(function);
    declared = func::FuncOp::create(top, op.getLoc(), op.getCallee(), type);
    declared.setPrivate();
    symbols.insert(declared);
  } else if (declared.getFunctionType() != type) {
    return op.emitOpError("calls '")
           << op.getCallee() << "' with types " << type
           << " but it is declared as " << declared.getFunctionType();
  }
  func::CallOp::create(b, op.getLoc(), declared, operands);
  op->replaceAllUsesWith(results);
  op->erase();
  return success();
}

LogicalResult FunctionLowering::lowerConstant(ConstantOp op) {
  auto type = cast<TensorType>(op.getType());
  auto memref = MemRefType::get(type.getShape(), type.getElementType());
  OpBuilder top(function);
  auto global = memref::GlobalOp::create(
      top, op.getLoc(), "__mlc_constant", top.getStringAttr("private"),
      memref, op.getValue(), /*constant=*/true, /*alignment=*/nullptr);
  symbols.insert(global); // Renames it to a unique symbol.
  OpBuilder b(op);
  Value value = memref::GetGlobalOp::create(b, op.getLoc(), memref,
                                            global.getSymName());
  op->replaceAllUsesWith(ValueRange(value));
  op->erase();
  return success();
}

Block *FunctionLowering::createErrorBlock(Location loc, StringRef message) {
  Block *block = new Block();
  function.getBody().push_back(block);
  OpBuilder b = OpBuilder::atBlockEnd(block);
  auto module = cast<ModuleOp>(symbols.getOp());
  if (!module.lookupSymbol(abi::kSetErrorFunction)) {
    OpBuilder top = OpBuilder::atBlockEnd(module.getBody());
    auto ptr = LLVM::LLVMPointerType::get(module.getContext());
    LLVM::LLVMFuncOp::create(
        top, loc, abi::kSetErrorFunction,
        LLVM::LLVMFunctionType::get(
            LLVM::LLVMVoidType::get(module.getContext()), {ptr}));
  }
  std::string name = ("__mlc_error_" + function.getSymName() + "_" +
                      Twine(errorCounter++))
                         .str();
  Value text = LLVM::createGlobalString(loc, b, name, message,
                                        LLVM::Linkage::Private);
  LLVM::CallOp::create(b, loc, TypeRange(), abi::kSetErrorFunction,
                       ValueRange{text});
  // Nothing allocated so far is returned on this path.
  for (Value buffer : allocations)
    memref::DeallocOp::create(b, loc, buffer);
  SmallVector<Value> results = {
      arith::ConstantIntOp::create(b, loc, 1, 32).getResult()};
  for (Type type : llvm::drop_begin(resultTypes))
    results.push_back(ub::PoisonOp::create(b, loc, type));
  func::ReturnOp::create(b, loc, results);
  return block;
}

/// A tensor-to-tensor match_cast becomes a memref.cast, after binding the
/// variables it defines and checking the dims it asserts.
LogicalResult FunctionLowering::lowerMatchCast(MatchCastOp op) {
  // The operand is already lowered to a memref.
  auto from = dyn_cast<MemRefType>(op.getValue().getType());
  auto to = dyn_cast<TensorType>(op.getType());
  if (!from || !to)
    return op.emitOpError("host lowering supports tensor-to-tensor casts only");
  if (!to.getRanked() || from.getRank() != to.getNumDims())
    return op.emitOpError("host lowering needs the target rank to be known "
                          "and equal to the source's");
  Value source = op.getValue();
  Location loc = op.getLoc();
  OpBuilder b(op);
  Value ok;
  std::string message;
  llvm::raw_string_ostream os(message);
  os << "match_cast at " << loc << ": the value's shape does not match "
     << to;
  for (auto [index, dim] : llvm::enumerate(to.getDims())) {
    if (!dim)
      continue;
    Value actual = memref::DimOp::create(b, loc, source, index);
    if (dim.isVar() && !vars.count(dim.getVarName())) {
      vars[dim.getVarName()] = actual;
      continue;
    }
    FailureOr<Value> expected = materializer.materialize(b, loc, dim);
    if (failed(expected))
      return failure();
    Value equal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                        actual, *expected);
    ok = ok ? arith::AndIOp::create(b, loc, ok, equal).getResult() : equal;
  }
  FailureOr<MemRefType> type = toMemRefType(to, loc);
  if (failed(type))
    return failure();
  if (ok) {
    // Split after the checks: the rest of the function runs only if they
    // hold.
    Block *before = op->getBlock();
    Block *after = before->splitBlock(op);
    Block *error = createErrorBlock(loc, message);
    b.setInsertionPointToEnd(before);
    cf::CondBranchOp::create(b, loc, ok, after, error);
    b.setInsertionPointToStart(after);
  }
  Value cast = memref::CastOp::create(b, loc, *type, source);
  op->replaceAllUsesWith(ValueRange(cast));
  op->erase();
  return success();
}

/// Returns the status and the buffers. A returned buffer the caller may not
/// free (an argument, a constant, one returned twice) is copied first; every
/// other allocation is freed.
LogicalResult FunctionLowering::lowerReturn(func::ReturnOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  SmallVector<Value> results = {
      arith::ConstantIntOp::create(b, loc, 0, 32).getResult()};
  llvm::SmallPtrSet<Value, 4> returned;
  for (auto [value, type] :
       llvm::zip_equal(op.getOperands(), llvm::drop_begin(resultTypes))) {
    if (value.getType() != type)
      value = memref::CastOp::create(b, loc, type, value);
    Value owned = value;
    if (value.getDefiningOp() && isa<memref::CastOp>(value.getDefiningOp()))
      owned = value.getDefiningOp()->getOperand(0);
    if (!allocations.contains(owned) || !returned.insert(owned).second) {
      SmallVector<Value> sizes;
      auto memref = cast<MemRefType>(type);
      for (auto [index, size] : llvm::enumerate(memref.getShape()))
        if (ShapedType::isDynamic(size))
          sizes.push_back(memref::DimOp::create(b, loc, value, index));
      Value copy = memref::AllocOp::create(b, loc, memref, sizes);
      memref::CopyOp::create(b, loc, value, copy);
      value = copy;
    }
    results.push_back(value);
  }
  for (Value buffer : allocations)
    if (!returned.contains(buffer))
      memref::DeallocOp::create(b, loc, buffer);
  func::ReturnOp::create(b, loc, results);
  op->erase();
  return success();
}

LogicalResult FunctionLowering::lowerOp(Operation *op) {
  if (auto call = dyn_cast<CallTIROp>(op))
    return lowerCallTIR(op, call.getCalleeAttr(), call.getInputs(), {},
                        call.getTirVars());
  if (auto call = dyn_cast<CallTIRInplaceOp>(op))
    return lowerCallTIR(op, call.getCalleeAttr(), call.getInputs(),
                        call.getInplaceIndices(), call.getTirVars());
  if (auto call = dyn_cast<CallDPSPackedOp>(op))
    return lowerCallPacked(call);
  if (auto constant = dyn_cast<ConstantOp>(op))
    return lowerConstant(constant);
  if (auto cast = dyn_cast<MatchCastOp>(op))
    return lowerMatchCast(cast);
  if (auto ret = dyn_cast<func::ReturnOp>(op))
    return lowerReturn(ret);
  if (isa<ShapeOfOp, ShapeOp>(op)) {
    if (!op->use_empty())
      return op->emitOpError("produces a first-class shape, which host "
                             "lowering does not support yet");
    op->erase();
    return success();
  }
  if (isa<RelaxDialect>(op->getDialect()))
    return op->emitOpError("must be legalized before host lowering "
                           "(run relax-legalize)");
  return success();
}

LogicalResult FunctionLowering::run() {
  inlineDataflowRegions(function);
  SmallVector<Type> relaxArgTypes(function.getArgumentTypes());
  if (failed(convertSignature()))
    return failure();
  // Symbolic variables are defined by the relax argument types.
  function.setType(FunctionType::get(function.getContext(), relaxArgTypes,
                                     function.getResultTypes()));
  bindArgumentVars();
  SmallVector<Operation *> ops;
  for (Operation &op : function.getBody().front())
    ops.push_back(&op);
  for (Operation *op : ops)
    if (failed(lowerOp(op)))
      return failure();
  SmallVector<Type> argTypes(function.getBody().front().getArgumentTypes());
  function.setType(
      FunctionType::get(function.getContext(), argTypes, resultTypes));
  return success();
}

//===----------------------------------------------------------------------===//
// Packed entry points and metadata
//===----------------------------------------------------------------------===//

/// The LLVM struct of MLIR's default memref descriptor.
static Type descriptorType(MLIRContext *ctx, MemRefType type) {
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i64 = IntegerType::get(ctx, 64);
  SmallVector<Type> fields = {ptr, ptr, i64};
  if (type.getRank() > 0) {
    auto array = LLVM::LLVMArrayType::get(i64, type.getRank());
    fields.append({array, array});
  }
  return LLVM::LLVMStructType::getLiteral(ctx, fields);
}

/// Emits `i32 __mlc_packed_<f>(ptr args)`: args[i] points to the memref
/// descriptor of argument i, then to storage for each result's descriptor.
static void emitPackedEntry(func::FuncOp function) {
  MLIRContext *ctx = function.getContext();
  Location loc = function.getLoc();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  OpBuilder top(function);
  top.setInsertionPointAfter(function);
  auto packed = func::FuncOp::create(
      top, loc, (abi::kPackedPrefix + function.getSymName()).str(),
      FunctionType::get(ctx, {ptr}, {IntegerType::get(ctx, 32)}));
  Block *entry = packed.addEntryBlock();
  OpBuilder b = OpBuilder::atBlockEnd(entry);
  Value args = entry->getArgument(0);
  auto slot = [&](int64_t index) -> Value {
    Value address = LLVM::GEPOp::create(b, loc, ptr, ptr, args,
                                        ArrayRef<LLVM::GEPArg>{index});
    return LLVM::LoadOp::create(b, loc, ptr, address);
  };
  SmallVector<Value> operands;
  unsigned numArgs = function.getNumArguments();
  for (auto [index, type] : llvm::enumerate(function.getArgumentTypes())) {
    auto memref = cast<MemRefType>(type);
    Value descriptor = LLVM::LoadOp::create(
        b, loc, descriptorType(ctx, memref), slot(index));
    operands.push_back(
        UnrealizedConversionCastOp::create(b, loc, memref, descriptor)
            .getResult(0));
  }
  auto call = func::CallOp::create(b, loc, function, operands);
  for (auto [index, result] : llvm::enumerate(call.getResults())) {
    if (index == 0)
      continue;
    auto memref = cast<MemRefType>(result.getType());
    Value descriptor = UnrealizedConversionCastOp::create(
                           b, loc, descriptorType(ctx, memref), result)
                           .getResult(0);
    LLVM::StoreOp::create(b, loc, descriptor, slot(numArgs + index - 1));
  }
  func::ReturnOp::create(b, loc, call.getResult(0));
}

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
static void printSignatureType(llvm::raw_ostream &os, TensorType type,
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

/// Appends the metadata lines of `function` (docs/Runtime.md).
static void printFunctionMetadata(llvm::raw_ostream &os,
                                  func::FuncOp function) {
  llvm::StringSet<> signatureVars;
  for (Type type : function.getArgumentTypes())
    collectBareVars(type, signatureVars);
  os << "func " << function.getSymName() << '\n';
  for (auto [index, type] : llvm::enumerate(function.getArgumentTypes())) {
    os << "arg arg" << index << ' ';
    printSignatureType(os, cast<TensorType>(type), signatureVars);
    os << '\n';
  }
  for (Type type : function.getResultTypes()) {
    os << "ret ";
    printSignatureType(os, cast<TensorType>(type), signatureVars);
    os << '\n';
  }
}

} // namespace mlc::relax

LogicalResult mlc::lowerRelaxToHost(ModuleOp module) {
  SymbolTable symbols(module);
  std::string metadata;
  llvm::raw_string_ostream os(metadata);
  os << abi::kMetadataHeader << '\n';
  SmallVector<func::FuncOp> functions;
  for (auto function : module.getOps<func::FuncOp>())
    if (relax::isRelaxFunction(function))
      functions.push_back(function);
  for (func::FuncOp function : functions) {
    // Signatures the runtime cannot describe are rejected by the lowering
    // below, before this text is used.
    bool describable = llvm::all_of(
        llvm::concat<const Type>(function.getArgumentTypes(),
                                 function.getResultTypes()),
        [](Type type) { return isa<relax::TensorType>(type); });
    if (describable)
      relax::printFunctionMetadata(os, function);
    if (failed(relax::FunctionLowering(function, symbols).run()))
      return failure();
    relax::emitPackedEntry(function);
  }
  if (functions.empty())
    return success();
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  metadata.push_back('\0');
  auto type = LLVM::LLVMArrayType::get(b.getI8Type(), metadata.size());
  LLVM::GlobalOp::create(b, module.getLoc(), type, /*isConstant=*/true,
                         LLVM::Linkage::External, abi::kMetadataSymbol,
                         b.getStringAttr(metadata));
  return success();
}

namespace {
struct RelaxLowerToHostPass
    : public mlc::impl::RelaxLowerToHostPassBase<RelaxLowerToHostPass> {
  void runOnOperation() override {
    if (failed(mlc::lowerRelaxToHost(getOperation())))
      signalPassFailure();
  }
};
} // namespace
