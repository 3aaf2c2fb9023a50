//===- TIRVerifier.cpp - TensorIR well-formedness checks ------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The checks of TVM's VerifyWellFormed that need more than one op: block
// iteration variable bindings and loop-variable access, stores against the
// declared write regions, reduce variables in non-reduction positions, and
// consistent thread extents in one kernel. The op verifiers call them from
// their region verifiers, after the nested ops have been verified.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace mlir;
using namespace mlc::tir;

//===----------------------------------------------------------------------===//
// Def-chain helpers
//===----------------------------------------------------------------------===//

/// Ops through which an index computation is followed: they compute a value
/// from their operands only (arith, affine.apply, memref.dim, ...). Anything
/// with memory effects or regions ends the chain.
static bool isIndexComputation(Operation *op) {
  return op->getNumRegions() == 0 && isMemoryEffectFree(op);
}

/// Visits `root` and every value it is computed from through index
/// computations, until `visit` returns a non-null value, which is returned.
static Value findInDefChain(Value root, function_ref<bool(Value)> visit) {
  SmallVector<Value> worklist{root};
  llvm::DenseSet<Value> visited;
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    if (!visited.insert(value).second)
      continue;
    if (visit(value))
      return value;
    Operation *def = value.getDefiningOp();
    if (def && isIndexComputation(def))
      worklist.append(def->operand_begin(), def->operand_end());
  }
  return {};
}

/// Returns the nearest enclosing block that has iteration variables. Blocks
/// without any (like TVM's root block) are opaque and do not open a scope.
static BlockOp getScopeBlock(Operation *op) {
  for (auto block = op->getParentOfType<BlockOp>(); block;
       block = block->getParentOfType<BlockOp>())
    if (block.getNumIterVars() != 0)
      return block;
  return {};
}

/// Returns the loop whose induction variable `value` is, if any.
static ForOp getInductionLoop(Value value) {
  auto arg = dyn_cast<BlockArgument>(value);
  if (!arg)
    return {};
  return dyn_cast<ForOp>(arg.getOwner()->getParentOp());
}

/// Returns the index of the iteration variable of `block` that `value` is,
/// in its body or its init region.
static std::optional<unsigned> getIterVarIndex(BlockOp block, Value value) {
  auto arg = dyn_cast<BlockArgument>(value);
  if (!arg || arg.getOwner()->getParentOp() != block.getOperation())
    return std::nullopt;
  return arg.getArgNumber();
}

static std::string toString(AffineExpr expr) {
  std::string result;
  llvm::raw_string_ostream os(result);
  expr.print(os);
  return result;
}

//===----------------------------------------------------------------------===//
// Rule 1: bindings and loop-variable access
//===----------------------------------------------------------------------===//

/// Returns a diagnostic fragment describing why `leaf` may not be part of a
/// binding of `block`, or an empty string when it may.
static std::string describeBadBindingLeaf(BlockOp block, BlockOp scope,
                                          Value leaf) {
  if (auto arg = dyn_cast<BlockArgument>(leaf)) {
    Operation *owner = arg.getOwner()->getParentOp();
    if (isa<PrimFuncOp>(owner))
      return "";
    if (isa<BlockOp>(owner) && owner->isProperAncestor(block))
      return "";
    if (auto loop = dyn_cast<ForOp>(owner)) {
      if (!scope || scope->isProperAncestor(loop))
        return "";
      return ("the induction variable of a 'tir.for' outside the enclosing "
              "block \"" +
              scope.getNameHint() + "\"")
          .str();
    }
    return ("an argument of '" + owner->getName().getStringRef() +
            "', which is not a loop variable, iteration variable or "
            "prim_func parameter")
        .str();
  }
  Operation *def = leaf.getDefiningOp();
  if (isIndexComputation(def))
    return "";
  return ("'" + def->getName().getStringRef() +
          "', which is not an index computation of loop variables, constants "
          "and prim_func parameters")
      .str();
}

/// An iteration variable's binding is evaluated where the block is: it may
/// use loops around the block inside the enclosing block, iteration variables
/// of enclosing blocks, constants and prim_func parameters (TVM's
/// BlockVarAccessVerifier and SBlockRealize rules).
static LogicalResult verifyBindings(BlockOp block) {
  BlockOp scope = getScopeBlock(block);
  for (auto [index, binding] : llvm::enumerate(block.getBindings())) {
    std::string reason;
    Value bad = findInDefChain(binding, [&](Value value) {
      reason = describeBadBindingLeaf(block, scope, value);
      return !reason.empty();
    });
    if (!bad)
      continue;
    InFlightDiagnostic diag =
        block.emitOpError("iteration variable #")
        << index << " is bound to a value that depends on " << reason;
    diag.attachNote(bad.getLoc()) << "offending value";
    return diag;
  }
  return success();
}

/// Inside a block with iteration variables, the loops around the block are
/// only visible through the bindings: the body must not use their induction
/// variables, directly or through values computed outside the block.
static LogicalResult verifyNoOuterLoopAccess(BlockOp block) {
  if (block.getNumIterVars() == 0)
    return success();
  auto dependsOnOuterLoop = [&](Value value) {
    return findInDefChain(value, [&](Value leaf) {
      ForOp loop = getInductionLoop(leaf);
      return loop && loop->isProperAncestor(block);
    });
  };
  llvm::DenseSet<Value> checked;
  Operation *user = nullptr;
  block->walk([&](Operation *op) {
    if (op == block.getOperation())
      return WalkResult::advance();
    for (Value operand : op->getOperands()) {
      Region *defRegion = operand.getParentRegion();
      if (block->isAncestor(defRegion->getParentOp()) ||
          !checked.insert(operand).second)
        continue;
      if (dependsOnOuterLoop(operand)) {
        user = op;
        return WalkResult::interrupt();
      }
    }
    return WalkResult::advance();
  });
  if (!user)
    return success();
  InFlightDiagnostic diag =
      block.emitOpError("uses the induction variable of an enclosing "
                        "'tir.for' in its body; use an iteration variable "
                        "bound to it instead");
  diag.attachNote(user->getLoc()) << "used here";
  return diag;
}

/// Values that are the same for every instance of the block (region
/// symbols, dynamic extents of iteration variables): computed like a
/// binding, but without the loops around the block. `what` names one
/// ("region symbol"), `why` says why the loops are excluded.
static LogicalResult verifyInstanceInvariant(BlockOp block, ValueRange values,
                                             StringRef what, StringRef why) {
  BlockOp scope = getScopeBlock(block);
  for (auto [index, value] : llvm::enumerate(values)) {
    std::string reason;
    Value bad = findInDefChain(value, [&](Value leaf) {
      if (ForOp loop = getInductionLoop(leaf)) {
        if (loop->isProperAncestor(block))
          reason = ("the induction variable of an enclosing 'tir.for'; " + why)
                       .str();
        return !reason.empty();
      }
      reason = describeBadBindingLeaf(block, scope, leaf);
      return !reason.empty();
    });
    if (!bad)
      continue;
    InFlightDiagnostic diag = block.emitOpError(what)
                              << " #" << index << " depends on " << reason;
    diag.attachNote(bad.getLoc()) << "offending value";
    return diag;
  }
  return success();
}

LogicalResult mlc::tir::verifyBlockScoping(BlockOp block) {
  if (failed(verifyBindings(block)) ||
      failed(verifyInstanceInvariant(
          block, block.getRegionSymbols(), "region symbol",
          "a region may vary over the block's instances only through its "
          "iteration variables")) ||
      failed(verifyInstanceInvariant(
          block, block.getDynamicExtents(), "dynamic extent",
          "an iteration variable's extent is the same for every instance "
          "of the block")) ||
      failed(verifyNoOuterLoopAccess(block)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Rules 2 and 3: stores against the write regions
//===----------------------------------------------------------------------===//

/// Returns `index` as an affine expression of the iteration variables of
/// `block` (as dims) and its region symbols (as symbols), or null when it is
/// not one. Depth-bounded.
// NOLINTNEXTLINE(misc-no-recursion)
static AffineExpr getAffineIndex(BlockOp block, Value index,
                                 unsigned depth = 0) {
  MLIRContext *ctx = block.getContext();
  if (depth > 16)
    return {};
  if (std::optional<unsigned> iterVar = getIterVarIndex(block, index))
    return getAffineDimExpr(*iterVar, ctx);
  for (auto [position, symbol] : llvm::enumerate(block.getRegionSymbols()))
    if (symbol == index)
      return getAffineSymbolExpr(position, ctx);
  APInt constant;
  if (matchPattern(index, m_ConstantInt(&constant)))
    return getAffineConstantExpr(constant.getSExtValue(), ctx);
  Operation *def = index.getDefiningOp();
  if (!def || def->getNumOperands() != 2 ||
      !isa<arith::AddIOp, arith::SubIOp, arith::MulIOp, arith::FloorDivSIOp,
           arith::CeilDivSIOp>(def))
    return {};
  AffineExpr lhs = getAffineIndex(block, def->getOperand(0), depth + 1);
  AffineExpr rhs = getAffineIndex(block, def->getOperand(1), depth + 1);
  if (!lhs || !rhs)
    return {};
  auto divisor = dyn_cast<AffineConstantExpr>(rhs);
  if (isa<arith::AddIOp>(def))
    return lhs + rhs;
  if (isa<arith::SubIOp>(def))
    return lhs - rhs;
  if (isa<arith::MulIOp>(def))
    return isa<AffineConstantExpr>(lhs) || divisor ? lhs * rhs : AffineExpr();
  if (!divisor || divisor.getValue() <= 0)
    return {};
  return isa<arith::FloorDivSIOp>(def) ? lhs.floorDiv(divisor)
                                       : lhs.ceilDiv(divisor);
}

/// A dimension of a store that is provably outside a write region.
struct OutsideDim {
  unsigned dim;
  AffineExpr index, start, extent;
};

/// Returns a dimension in which the store indices `indices` (null where not
/// affine) lie provably outside `region`, if there is one.
static std::optional<OutsideDim> findOutsideDim(ArrayRef<AffineExpr> indices,
                                                BufferRegionAttr region) {
  AffineMap start = region.getStart();
  for (auto [dim, index] : llvm::enumerate(indices)) {
    if (!index)
      continue;
    AffineExpr begin = start.getResult(dim);
    AffineExpr offset = simplifyAffineExpr(index - begin, start.getNumDims(),
                                           start.getNumSymbols());
    auto constant = dyn_cast<AffineConstantExpr>(offset);
    if (!constant)
      continue;
    // Extents are positive, so a negative offset is outside whatever the
    // extent; otherwise it is compared with a constant extent only.
    AffineExpr extent = region.getExtent(dim);
    auto constantExtent = dyn_cast<AffineConstantExpr>(extent);
    if (constant.getValue() < 0 ||
        (constantExtent && constant.getValue() >= constantExtent.getValue()))
      return OutsideDim{static_cast<unsigned>(dim), index, begin, extent};
  }
  return std::nullopt;
}

/// Follows view-like ops (subview, cast, ...) to the buffer they view.
static Value getViewedBuffer(Value buffer) {
  while (auto view = buffer.getDefiningOp<ViewLikeOpInterface>())
    buffer = view.getViewSource();
  return buffer;
}

/// Checks one store inside `block` against the block's write set.
static LogicalResult verifyStore(BlockOp block, memref::StoreOp store) {
  Value buffer = store.getMemRef();
  SmallVector<unsigned> entries;
  for (auto [index, written] : llvm::enumerate(block.getWrites()))
    if (written == buffer)
      entries.push_back(index);

  if (entries.empty()) {
    // Buffers allocated in the block are private to it; views of a written
    // buffer are accepted without proof.
    Value viewed = getViewedBuffer(buffer);
    Operation *def = viewed.getDefiningOp();
    if ((def && block->isProperAncestor(def)) ||
        llvm::is_contained(block.getWrites(), viewed))
      return success();
    InFlightDiagnostic diag =
        block.emitOpError("stores to a buffer that is not in its 'writes'");
    diag.attachNote(store.getLoc()) << "store here";
    return diag;
  }

  // A reduce variable in a written index would make the block write a
  // different element on each reduction step.
  for (Value index : store.getIndices()) {
    std::optional<unsigned> reduceVar;
    findInDefChain(index, [&](Value value) {
      std::optional<unsigned> iterVar = getIterVarIndex(block, value);
      if (iterVar && block.getIterKind(*iterVar) == IterKind::Reduce)
        reduceVar = iterVar;
      return reduceVar.has_value();
    });
    if (!reduceVar)
      continue;
    InFlightDiagnostic diag = block.emitOpError("reduce iteration variable #")
                              << *reduceVar
                              << " is used in the index of a store to a "
                                 "written buffer (a non-reduction position)";
    diag.attachNote(store.getLoc()) << "store here";
    return diag;
  }

  SmallVector<AffineExpr> indices =
      llvm::map_to_vector(store.getIndices(), [&](Value index) {
        return getAffineIndex(block, index);
      });
  std::optional<OutsideDim> firstOutside;
  for (unsigned entry : entries) {
    auto region = cast<BufferRegionAttr>(block.getWriteRegions()[entry]);
    std::optional<OutsideDim> outside = findOutsideDim(indices, region);
    if (!outside)
      return success();
    if (!firstOutside)
      firstOutside = outside;
  }
  InFlightDiagnostic diag =
      block.emitOpError("stores outside its declared write region: index ")
      << toString(firstOutside->index) << " of dimension " << firstOutside->dim
      << " is not in [" << toString(firstOutside->start) << ", "
      << toString(firstOutside->start + firstOutside->extent)
      << ") (dN is iteration variable #N"
      << (block.getRegionSymbols().empty() ? ")" : ", sN region symbol #N)");
  diag.attachNote(store.getLoc()) << "store here";
  return diag;
}

LogicalResult mlc::tir::verifyBlockWrites(BlockOp block) {
  // The write regions themselves are write positions too.
  for (auto [regionIndex, attr] : llvm::enumerate(block.getWriteRegions())) {
    AffineMap start = cast<BufferRegionAttr>(attr).getStart();
    for (unsigned iterVar = 0, e = block.getNumIterVars(); iterVar < e;
         ++iterVar) {
      if (block.getIterKind(iterVar) == IterKind::Reduce &&
          start.isFunctionOfDim(iterVar))
        return block.emitOpError("reduce iteration variable #")
               << iterVar << " is used in write region #" << regionIndex
               << " (a non-reduction position)";
    }
  }

  // Stores of nested blocks are checked against their own block.
  LogicalResult result = success();
  block->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op != block.getOperation() && isa<BlockOp>(op))
      return WalkResult::skip();
    auto store = dyn_cast<memref::StoreOp>(op);
    if (store && failed(verifyStore(block, store))) {
      result = failure();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return result;
}

//===----------------------------------------------------------------------===//
// Rule 4: one extent per thread tag in a kernel
//===----------------------------------------------------------------------===//

LogicalResult mlc::tir::verifyThreadExtents(PrimFuncOp func) {
  // The first loop with a constant extent, per thread tag.
  llvm::SmallDenseMap<unsigned, std::pair<ForOp, int64_t>> firstBinding;
  WalkResult result = func.walk([&](ForOp loop) {
    std::optional<ThreadTag> tag = loop.getThread();
    std::optional<int64_t> extent = loop.getConstantTripCount();
    if (!tag || !extent)
      return WalkResult::advance();
    auto [it, inserted] = firstBinding.try_emplace(
        static_cast<unsigned>(*tag), std::make_pair(loop, *extent));
    auto [other, otherExtent] = it->second;
    if (inserted || otherExtent == *extent)
      return WalkResult::advance();
    InFlightDiagnostic diag = loop.emitOpError("binds thread tag '")
                              << stringifyThreadTag(*tag) << "' with extent "
                              << *extent
                              << ", but another loop in the same prim_func "
                                 "binds it with extent "
                              << otherExtent;
    diag.attachNote(other.getLoc()) << "other binding here";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}
