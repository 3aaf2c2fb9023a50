//===- ErrorPaths.cpp - Run-time checks become error returns --------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The patterns express every run-time check as a `cf.assert`. Here each one
// becomes a conditional branch to its own error block, which frees what the
// function owns at that point (storages allocated and not yet freed, buffers
// callees handed over) and returns status 1. One place decides the error
// protocol, so a new kind of check needs no cleanup code of its own.
//
//===----------------------------------------------------------------------===//

#include "HostRuntime.h"

#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;

namespace mlc {
namespace {

class ErrorPathLowering {
public:
  ErrorPathLowering(func::FuncOp function, RelaxHostState &state)
      : function(function), state(state) {}

  LogicalResult run();

private:
  void lowerBlock(Block *block);
  Block *createErrorBlock(Location loc, StringRef message);

  func::FuncOp function;
  RelaxHostState &state;
  /// The owned pointers live at the current point, in allocation order.
  llvm::SetVector<Value> live;
};

} // namespace

Block *ErrorPathLowering::createErrorBlock(Location loc, StringRef message) {
  Block *block = new Block();
  function.getBody().push_back(block);
  OpBuilder b = OpBuilder::atBlockEnd(block);
  Value ctx = function.getArgument(0);
  if (!message.empty()) {
    Value text = host::createStringConstant(b, loc, state, message);
    LLVM::CallOp::create(b, loc, TypeRange(), host::kSetErrorFn,
                         ValueRange{ctx, text});
  }
  for (Value pointer : live)
    if (state.ownedObjects.contains(pointer))
      LLVM::CallOp::create(b, loc, TypeRange(), host::kReleaseObjectFn,
                           ValueRange{pointer});
    else
      host::createFree(b, loc, ctx, state.ownedPointers.lookup(pointer),
                       pointer);
  SmallVector<Value> results = {
      arith::ConstantIntOp::create(b, loc, 1, 32).getResult()};
  for (Type type : llvm::drop_begin(function.getResultTypes()))
    results.push_back(ub::PoisonOp::create(b, loc, type));
  func::ReturnOp::create(b, loc, results);
  return block;
}

/// Walks `block` in order, splitting it after each assert.
void ErrorPathLowering::lowerBlock(Block *block) {
  live.clear();
  // Objects a packed function returned, owned once the check that follows
  // mlcContextTakeObject passes (before it, they may be no objects).
  SmallVector<Value> pendingObjects;
  for (Block *current = block; current;) {
    Block *next = nullptr;
    for (Operation &op : *current) {
      for (Value result : op.getResults()) {
        // An object a callee returned is owned once its status check
        // passes (a failing callee returns poison).
        if (state.ownedObjects.contains(result) && isa<func::CallOp>(op))
          pendingObjects.push_back(result);
        else if (state.ownedPointers.count(result) ||
                 state.ownedObjects.contains(result))
          live.insert(result);
      }
      if (auto call = dyn_cast<LLVM::CallOp>(op)) {
        if (call.getCallee() == host::kFreeFn)
          live.remove(call.getOperand(3));
        if (call.getCallee() == host::kReleaseObjectFn)
          live.remove(call.getOperand(0));
        if (call.getCallee() == host::kTakeObjectFn &&
            live.remove(call.getOperand(1)))
          pendingObjects.push_back(call.getOperand(1));
      }
      auto check = dyn_cast<cf::AssertOp>(op);
      if (!check)
        continue;
      next = current->splitBlock(check->getNextNode());
      Block *error = createErrorBlock(check.getLoc(), check.getMsg());
      OpBuilder b(check);
      cf::CondBranchOp::create(b, check.getLoc(), check.getArg(), next, error);
      check->erase();
      live.insert(pendingObjects.begin(), pendingObjects.end());
      pendingObjects.clear();
      break;
    }
    current = next;
  }
}

LogicalResult ErrorPathLowering::run() {
  // A check inside scf.if or scf.for can only leave the function once the
  // structured control flow is branches.
  WalkResult nested = function.walk([&](cf::AssertOp op) {
    return op->getParentRegion() == &function.getBody()
               ? WalkResult::advance()
               : WalkResult::interrupt();
  });
  if (nested.wasInterrupted()) {
    RewritePatternSet patterns(function.getContext());
    populateSCFToControlFlowConversionPatterns(patterns);
    ConversionTarget target(*function.getContext());
    target.addIllegalDialect<scf::SCFDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(function, target, std::move(patterns))))
      return function.emitError("cannot turn structured control flow "
                                "holding run-time checks into branches");
  }
  SmallVector<Block *> blocks =
      llvm::map_to_vector(function.getBody(), [](Block &b) { return &b; });
  for (Block *block : blocks)
    lowerBlock(block);
  return success();
}

LogicalResult lowerHostErrorPaths(ModuleOp module, RelaxHostState &state) {
  for (auto function : module.getOps<func::FuncOp>())
    if (function->hasAttr(kHostFunctionAttrName))
      if (failed(ErrorPathLowering(function, state).run()))
        return failure();
  return success();
}

} // namespace mlc
