//===- ExplicitMemory.cpp - relax-to-explicit-memory ----------------------===//
//
// Destination-passing calls become alloc_storage + alloc_tensor +
// invoke_*, and each intermediate is killed right after its last use. The
// pass decides *when* memory is live; memory planning later decides *where*
// (sharing storages), and the host conversion how it is allocated.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Transforms/Passes.h"
#include "mlc/Transforms/Transforms.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/SetVector.h"

namespace mlc {
#define GEN_PASS_DEF_RELAXTOEXPLICITMEMORYPASS
#include "mlc/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;

namespace mlc::relax {
namespace {

/// The alignment of every storage this pass allocates: a cache line, which
/// also suits the widest SIMD loads.
constexpr int64_t kStorageAlignment = 64;

class FunctionRewriter {
public:
  explicit FunctionRewriter(func::FuncOp function)
      : function(function), device(getFunctionDevice(function)) {}

  LogicalResult run();

private:
  FailureOr<Value> allocate(OpBuilder &b, Location loc, TensorType type);
  LogicalResult rewriteCall(Operation *op);
  LogicalResult giveResultsToCaller(func::ReturnOp ret);
  void insertKills();

  func::FuncOp function;
  DeviceAttr device;
  /// Every tensor this function owns, in order: views this pass allocated
  /// and results of calls of relax functions (ABI v2: fresh buffers).
  SmallVector<Value> allocations;
  /// Owned tensors that a return hands to the caller.
  llvm::SmallPtrSet<Value, 8> escaping;
};

} // namespace

FailureOr<Value> FunctionRewriter::allocate(OpBuilder &b, Location loc,
                                            TensorType type) {
  FailureOr<sym::Expr> bytes = getByteSize(type);
  if (failed(bytes))
    return emitError(loc) << "cannot allocate " << type
                          << ": its rank and every dim must be known";
  sym::Context &ctx = RelaxDialect::getSymContext(b.getContext());
  auto storage = AllocStorageOp::create(
      b, loc, StorageType::get(b.getContext()),
      ShapeAttr::get(b.getContext(), {*bytes}),
      b.getI64IntegerAttr(kStorageAlignment), device);
  auto tensor = AllocTensorOp::create(
      b, loc, type, storage, ShapeAttr::get(b.getContext(), {ctx.constant(0)}));
  allocations.push_back(tensor.getResult());
  return tensor.getResult();
}

LogicalResult FunctionRewriter::rewriteCall(Operation *op) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  ArrayRef<int64_t> inplace;
  if (auto call = dyn_cast<CallTIRInplaceOp>(op))
    inplace = call.getInplaceIndices();
  ValueRange inputs = op->getOperands();
  SmallVector<Value> outputs, results;
  for (auto [index, result] : llvm::enumerate(op->getResults())) {
    if (!inplace.empty() && inplace[index] >= 0) {
      results.push_back(inputs[inplace[index]]);
      continue;
    }
    FailureOr<Value> buffer =
        allocate(b, loc, cast<TensorType>(result.getType()));
    if (failed(buffer))
      return failure();
    outputs.push_back(*buffer);
    results.push_back(*buffer);
  }
  if (auto call = dyn_cast<CallTIROp>(op)) {
    InvokeTIROp::create(b, loc, call.getCalleeAttr(), inputs, outputs,
                        call.getTirVarsAttr(), DenseI64ArrayAttr());
  } else if (auto call = dyn_cast<CallTIRInplaceOp>(op)) {
    SmallVector<int64_t> written;
    for (int64_t index : inplace)
      if (index >= 0)
        written.push_back(index);
    InvokeTIROp::create(b, loc, call.getCalleeAttr(), inputs, outputs,
                        call.getTirVarsAttr(),
                        b.getDenseI64ArrayAttr(written));
  }
  else {
    InvokePackedOp::create(b, loc, cast<CallDPSPackedOp>(op).getCalleeAttr(),
                           inputs, outputs);
  }
  op->replaceAllUsesWith(results);
  op->erase();
  return success();
}

/// The owned tensor whose buffer `value` is, looking through match_casts;
/// null if the function does not own it (an argument, a constant).
static Value getOwner(Value value, ArrayRef<Value> owned) {
  while (auto cast = value.getDefiningOp<MatchCastOp>())
    value = cast.getValue();
  return llvm::is_contained(owned, value) ? value : Value();
}

/// Each result must own its buffer (ABI v2): one this function allocated
/// and returns once. Anything else is copied into a fresh storage.
LogicalResult FunctionRewriter::giveResultsToCaller(func::ReturnOp ret) {
  OpBuilder b(ret);
  SmallVector<Value> operands(ret.getOperands());
  for (Value &value : operands) {
    Value owner = getOwner(value, allocations);
    if (owner && escaping.insert(owner).second)
      continue;
    auto type = dyn_cast<TensorType>(value.getType());
    if (!type)
      return ret.emitOpError("returns ")
             << value.getType()
             << ", but explicit memory handles tensor results only";
    FailureOr<Value> copy = allocate(b, ret.getLoc(), type);
    if (failed(copy))
      return failure();
    escaping.insert(*copy);
    CopyOp::create(b, ret.getLoc(), value, *copy);
    value = *copy;
  }
  ret->setOperands(operands);
  return success();
}

/// Adds `value` and every value that may be its buffer: match_casts of it,
/// the results of a region op (scf.if, scf.for) that yields it and, as
/// conservatively, the tensor results of any other op that takes it and is
/// no call (arith.select, which canonicalization makes of an scf.if).
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the IR.
static void collectAliases(Value value, SmallVectorImpl<Value> &aliases) {
  if (llvm::is_contained(aliases, value))
    return;
  aliases.push_back(value);
  for (Operation *user : value.getUsers()) {
    if (auto cast = dyn_cast<MatchCastOp>(user))
      collectAliases(cast.getResult(), aliases);
    else if (user->hasTrait<OpTrait::IsTerminator>() &&
             !isa<func::ReturnOp>(user))
      for (Value result : user->getParentOp()->getResults())
        collectAliases(result, aliases);
    else if (!isa<func::CallOp, InvokeTIROp, InvokePackedOp, CopyOp>(user))
      for (Value result : user->getResults())
        if (isa<TensorType>(result.getType()))
          collectAliases(result, aliases);
  }
}

void FunctionRewriter::insertKills() {
  for (Value owned : allocations) {
    if (escaping.contains(owned))
      continue;
    Operation *def = owned.getDefiningOp();
    Block *block = def->getBlock();
    SmallVector<Value> aliases;
    collectAliases(owned, aliases);
    Operation *last = def;
    for (Value alias : aliases)
      for (Operation *user : alias.getUsers())
        if (Operation *inBlock = block->findAncestorOpInBlock(*user))
          if (last->isBeforeInBlock(inBlock))
            last = inBlock;
    OpBuilder b(def->getContext());
    b.setInsertionPointAfter(last);
    KillTensorOp::create(b, def->getLoc(), owned);
    if (auto view = dyn_cast<AllocTensorOp>(def))
      KillStorageOp::create(b, def->getLoc(), view.getStorage());
  }
}

LogicalResult FunctionRewriter::run() {
  if (function.isExternal())
    return success();
  inlineDataflowRegions(function);
  if (!function.getBody().hasOneBlock())
    return function.emitError("relax-to-explicit-memory supports relax "
                              "functions with one block only");
  SmallVector<Operation *> calls;
  function.walk([&](Operation *op) {
    if (isa<CallTIROp, CallTIRInplaceOp, CallDPSPackedOp>(op))
      calls.push_back(op);
  });
  for (Operation *op : calls) {
    if (op->getBlock() != &function.getBody().front())
      return op->emitOpError("inside a nested region is not supported by "
                             "relax-to-explicit-memory yet");
    if (failed(rewriteCall(op)))
      return failure();
  }
  // A relax callee returns buffers the caller owns (ABI v2).
  function.walk([&](func::CallOp call) {
    auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
        call, call.getCalleeAttr());
    if (!callee || !isRelaxFunction(callee))
      return;
    for (Value result : call.getResults())
      if (isa<TensorType>(result.getType()))
        allocations.push_back(result);
  });
  SmallVector<func::ReturnOp> returns(function.getOps<func::ReturnOp>());
  for (func::ReturnOp ret : returns)
    if (failed(giveResultsToCaller(ret)))
      return failure();
  insertKills();
  return success();
}

} // namespace mlc::relax

LogicalResult mlc::convertToExplicitMemory(ModuleOp module) {
  SmallVector<func::FuncOp> functions;
  for (auto function : module.getOps<func::FuncOp>())
    if (relax::isRelaxFunction(function))
      functions.push_back(function);
  for (func::FuncOp function : functions)
    if (failed(relax::FunctionRewriter(function).run()))
      return failure();
  return success();
}

namespace {
struct RelaxToExplicitMemoryPass
    : public mlc::impl::RelaxToExplicitMemoryPassBase<
          RelaxToExplicitMemoryPass> {
  void runOnOperation() override {
    if (failed(mlc::convertToExplicitMemory(getOperation())))
      signalPassFailure();
  }
};
} // namespace
