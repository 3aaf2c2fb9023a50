//===- RelaxToHostPass.cpp - The relax-to-host pass -----------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Conversion/Passes.h"
#include "mlc/Conversion/RelaxToHost/RelaxToHost.h"
#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"

namespace mlc {
#define GEN_PASS_DEF_RELAXTOHOSTPASS
#include "mlc/Conversion/Passes.h.inc"
} // namespace mlc

using namespace mlir;
using namespace mlc;

/// What relax-to-host accepts: explicit memory, calls, casts, constants.
static bool isHostConvertible(Operation *op) {
  return isa<relax::AllocStorageOp, relax::AllocTensorOp, relax::KillTensorOp,
             relax::KillObjectOp, relax::KillStorageOp, relax::InvokeTIROp,
             relax::InvokePackedOp, relax::CopyOp, relax::ConstantOp,
             relax::MatchCastOp, relax::ShapeOfOp, relax::ShapeOp,
             relax::TupleOp, relax::TupleGetItemOp, relax::CallPackedOp>(op);
}

/// Why `op`, which relax-to-host accepts, cannot be converted; empty if it
/// can.
static LogicalResult checkConvertibleOp(Operation *op) {
  if (auto alloc = dyn_cast<relax::AllocStorageOp>(op))
    if (alloc.getDevice().getKind() != relax::DeviceKind::cpu)
      return op->emitOpError("allocates on ")
             << alloc.getDevice()
             << ", but relax-to-host compiles for the CPU only today";
  if (isa<relax::ShapeOfOp, relax::ShapeOp>(op) && !op->use_empty())
    return op->emitOpError("produces a first-class shape, which host "
                           "lowering does not support yet");
  if (auto invoke = dyn_cast<relax::InvokeTIROp>(op))
    if (!SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
            op, invoke.getCalleeAttr()))
      return op->emitOpError("calls @")
             << invoke.getCallee()
             << ", which must be a func.func by now (run convert-tir-to-scf "
                "before relax-to-host)";
  if (auto cast = dyn_cast<relax::MatchCastOp>(op)) {
    auto from = dyn_cast<relax::TensorType>(cast.getValue().getType());
    auto to = dyn_cast<relax::TensorType>(cast.getType());
    if (!from || !to)
      return op->emitOpError("host lowering supports tensor-to-tensor "
                             "casts only");
    if (!from.getRanked() || !to.getRanked() ||
        from.getNumDims() != to.getNumDims())
      return op->emitOpError("host lowering needs the ranks of both sides "
                             "known and equal");
  }
  return success();
}

/// Other dialects' ops on relax values: only those whose conversion is
/// structural (calls, returns, scf and cf control flow, arith.select).
static LogicalResult checkOtherOp(Operation *op,
                                  RelaxHostTypeConverter &converter) {
  if (isa<func::FuncOp, func::CallOp, func::ReturnOp, arith::SelectOp,
          scf::IfOp, scf::ForOp, scf::WhileOp, scf::YieldOp, scf::ConditionOp,
          cf::BranchOp, cf::CondBranchOp>(op))
    return success();
  auto isRelax = [](Type type) {
    bool found = false;
    type.walk(
        [&](Type sub) { found |= isa<relax::RelaxDialect>(sub.getDialect()); });
    return found;
  };
  if (llvm::any_of(op->getOperandTypes(), isRelax) ||
      llvm::any_of(op->getResultTypes(), isRelax))
    return op->emitOpError("on relax values is not supported by "
                           "relax-to-host");
  return success();
}

/// The variables a function binds in its body before `before`: its
/// signature's, and those of casts and packed-call results at the top level.
static llvm::StringSet<> collectBodyVars(func::FuncOp function,
                                         Operation *before) {
  llvm::StringSet<> vars;
  relax::collectSignatureVars(function.getArgumentTypes(), vars);
  for (Operation &op : function.getBody().getOps())
    if (&op == before)
      break;
    else if (isa<relax::MatchCastOp, relax::CallPackedOp>(op))
      for (Type type : op.getResultTypes())
        relax::forEachSymDim(type, [&](sym::Expr dim) {
          SmallVector<StringRef> used;
          sym::collectVars(dim, used);
          for (StringRef var : used)
            vars.insert(var);
        });
  return vars;
}

/// A cast or packed call inside a region (scf.if, scf.for) may check
/// variables the body bound, but not bind new ones: bound variables are
/// kept per function.
static LogicalResult checkNoBindingInRegion(Operation *op,
                                            const llvm::StringSet<> &bodyVars) {
  std::string unbound;
  for (Type type : op->getResultTypes())
    relax::forEachSymDim(type, [&](sym::Expr dim) {
      SmallVector<StringRef> used;
      sym::collectVars(dim, used);
      for (StringRef var : used)
        if (unbound.empty() && !bodyVars.contains(var))
          unbound = var.str();
    });
  if (unbound.empty())
    return success();
  return op->emitOpError("binds the symbolic variable '")
         << unbound
         << "' inside a region, which relax-to-host does not support yet "
            "(bind it in the function's body)";
}

/// Rejects, with a diagnostic and before anything changes, what relax-to-host
/// cannot convert, naming the pass that should have run.
static LogicalResult checkInput(ModuleOp module,
                                const llvm::StringSet<> &relaxFunctions) {
  RelaxHostTypeConverter converter(module.getContext());
  auto isRelaxType = [](Type type) {
    bool found = false;
    type.walk(
        [&](Type sub) { found |= isa<relax::RelaxDialect>(sub.getDialect()); });
    return found;
  };
  for (auto function : module.getOps<func::FuncOp>()) {
    if (!relaxFunctions.contains(function.getSymName())) {
      if (llvm::any_of(function.getArgumentTypes(), isRelaxType) ||
          llvm::any_of(function.getResultTypes(), isRelaxType))
        return function.emitOpError("has relax types in its signature but "
                                    "lacks the 'relax.function' attribute");
      continue;
    }
    if (function.isExternal())
      return function.emitOpError("declares a relax function without a body, "
                                  "which relax-to-host cannot call");
    for (Type type : llvm::concat<const Type>(function.getArgumentTypes(),
                                              function.getResultTypes())) {
      SmallVector<Type> converted;
      if (failed(converter.convertType(type, converted)))
        return function.emitOpError("relax-to-host cannot lower ")
               << type
               << " yet: unranked tensors and first-class shapes have no "
                  "host form";
    }
  }
  WalkResult result = module.walk([&](Operation *op) {
    auto function = op->getParentOfType<func::FuncOp>();
    if (isa<relax::RelaxDialect>(op->getDialect()) && !function) {
      op->emitOpError("is outside any function, where relax-to-host has "
                      "nothing to convert it into");
      return WalkResult::interrupt();
    }
    if (isa<relax::MatchCastOp, relax::CallPackedOp>(op) &&
        !isa<FunctionOpInterface>(op->getParentOp())) {
      Operation *region = function.getBody().front().findAncestorOpInBlock(*op);
      if (failed(checkNoBindingInRegion(op, collectBodyVars(function, region))))
        return WalkResult::interrupt();
    }
    if (!isa<relax::RelaxDialect>(op->getDialect()))
      return failed(checkOtherOp(op, converter)) ? WalkResult::interrupt()
                                                 : WalkResult::advance();
    if (isHostConvertible(op))
      return failed(checkConvertibleOp(op)) ? WalkResult::interrupt()
                                            : WalkResult::advance();
    if (isa<relax::CallTIROp, relax::CallTIRInplaceOp, relax::CallDPSPackedOp,
            relax::DataflowOp, relax::OutputOp, relax::ToDeviceOp>(op))
      op->emitOpError("must be rewritten into explicit memory before "
                      "relax-to-host (run relax-to-explicit-memory)");
    else
      op->emitOpError("must be legalized before host lowering "
                      "(run relax-legalize)");
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

LogicalResult mlc::convertRelaxToHost(ModuleOp module) {
  RelaxHostState state;
  for (auto function : module.getOps<func::FuncOp>())
    if (relax::isRelaxFunction(function))
      state.relaxFunctions.insert(function.getSymName());
  if (failed(checkInput(module, state.relaxFunctions)))
    return failure();
  if (state.relaxFunctions.empty())
    return success();
  FailureOr<std::string> metadata = buildModuleMetadata(module);
  if (failed(metadata))
    return failure();
  declareHostRuntimeFunctions(module);

  MLIRContext *ctx = module.getContext();
  RelaxHostTypeConverter converter(ctx);
  RewritePatternSet patterns(ctx);
  ConversionTarget target(*ctx);
  populateRelaxToHostPatterns(converter, patterns, state);
  configureRelaxToHostTarget(target, converter, patterns, state);
  if (failed(applyPartialConversion(module, target, std::move(patterns))))
    return failure();
  if (failed(lowerHostErrorPaths(module, state)))
    return failure();
  emitHostEntryPoints(module, *metadata);
  return success();
}

namespace {
struct RelaxToHostPass
    : public mlc::impl::RelaxToHostPassBase<RelaxToHostPass> {
  void runOnOperation() override {
    if (failed(mlc::convertRelaxToHost(getOperation())))
      signalPassFailure();
  }
};
} // namespace
