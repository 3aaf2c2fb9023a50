//===- ExplicitMemoryControlFlow.cpp - Ownership across control flow -----===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// relax-to-explicit-memory where buffers cross control flow: region ops
// (scf.if, scf.index_switch, scf.for) that hand buffers over to their
// results, loops whose iteration arguments own theirs, and functions of
// several blocks, whose block arguments own their buffers and whose kills
// liveness places.
//
//===----------------------------------------------------------------------===//

#include "ExplicitMemoryRewriter.h"

#include "mlir/Analysis/Liveness.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "llvm/ADT/SmallBitVector.h"

namespace mlc::relax::explicit_memory {

/// An initial value a loop may own: a tensor the enclosing block owns and
/// uses only here moves in; anything else is copied first.
FailureOr<Value> FunctionRewriter::giveToLoop(scf::ForOp loop, Value init) {
  Block *block = loop->getBlock();
  if (getOwner(init) == init && init.getParentBlock() == block &&
      !escaping.contains(init)) {
    BufferUses uses(owned);
    uses.collectOwned(init);
    bool deadAfter = llvm::all_of(uses.users, [&](Operation *user) {
      if (user == loop)
        return true;
      Operation *inBlock = block->findAncestorOpInBlock(*user);
      return inBlock && inBlock->isBeforeInBlock(loop);
    });
    if (deadAfter && llvm::count(loop.getInitArgs(), init) == 1) {
      escaping.insert(init);
      return init;
    }
  }
  OpBuilder b(loop);
  // No buffer of the loop's own block: giveToCaller copies every field.
  return giveToCaller(b, loop.getLoc(), init, loop.getBody());
}

/// A region op (scf.if, scf.index_switch, scf.for) whose regions yield, at
/// some result position, a buffer they allocated owns that result as a call
/// owns its result: every yield hands its value over at that position
/// (copying what its block does not own, such as an argument) and the
/// enclosing block takes ownership. A loop's iteration argument at such a
/// position owns its buffer too, and its initial value moves in or is
/// copied. Other positions alias what the regions yield.
LogicalResult FunctionRewriter::handOverRegionResults(Operation *op) {
  if (op->getNumResults() == 0)
    return success();
  SmallVector<Operation *> yields;
  for (Region &region : op->getRegions())
    if (!region.empty())
      yields.push_back(region.front().getTerminator());
  auto loop = dyn_cast<scf::ForOp>(op);
  llvm::SmallBitVector handedOver(op->getNumResults());
  // A loop's iteration argument owns its buffer when its position is handed
  // over, and yielding it hands the position it is yielded at over: a
  // fixpoint.
  for (bool changed = true; changed;) {
    changed = false;
    for (unsigned index = 0, e = op->getNumResults(); index < e; ++index) {
      if (handedOver[index] || !llvm::any_of(yields, [&](Operation *yield) {
            return holdsBufferOwnedIn(yield->getOperand(index),
                                      yield->getBlock());
          }))
        continue;
      handedOver.set(index);
      changed = true;
      if (!loop)
        continue;
      OpBuilder b = OpBuilder::atBlockBegin(loop.getBody());
      takeOwnership(b, loop.getLoc(), loop.getRegionIterArgs()[index]);
    }
  }
  if (handedOver.none())
    return success();
  for (Operation *yield : yields) {
    OpBuilder b(yield);
    for (unsigned index : handedOver.set_bits()) {
      FailureOr<Value> given = giveToCaller(
          b, yield->getLoc(), yield->getOperand(index), yield->getBlock());
      if (failed(given))
        return failure();
      yield->setOperand(index, *given);
    }
  }
  OpBuilder b(op->getContext());
  b.setInsertionPointAfter(op);
  for (unsigned index : handedOver.set_bits())
    takeOwnership(b, op->getLoc(), op->getResult(index));
  if (loop)
    for (unsigned index : handedOver.set_bits()) {
      OpOperand &init = loop.getInitArgsMutable()[index];
      FailureOr<Value> given = giveToLoop(loop, init.get());
      if (failed(given))
        return failure();
      init.set(*given);
    }
  return success();
}

/// A block on the edge from `terminator` to its successor `successor`,
/// created on first use: it takes no arguments and branches on with the
/// edge's operands, so code can run on that edge only.
Block *FunctionRewriter::getEdgeBlock(Operation *terminator,
                                      unsigned successor) {
  Block *&edge = edgeBlocks[{terminator, successor}];
  if (edge)
    return edge;
  auto branch = cast<BranchOpInterface>(terminator);
  Block *target = terminator->getSuccessor(successor);
  edge = new Block();
  function.getBody().getBlocks().insert(
      std::next(terminator->getBlock()->getIterator()), edge);
  OperandRange operands =
      branch.getSuccessorOperands(successor).getForwardedOperands();
  OpBuilder b = OpBuilder::atBlockEnd(edge);
  cf::BranchOp::create(b, terminator->getLoc(), target,
                       SmallVector<Value>(operands));
  terminator->setSuccessor(edge, successor);
  branch.getSuccessorOperands(successor).erase(0, operands.size());
  return edge;
}

/// Several blocks: a block argument owns its buffer, as a loop's iteration
/// argument does. Each branch hands a value over to it when the value is
/// owned, dead on that edge afterwards and passed once there; anything
/// else is copied on the edge (objects cannot be).
LogicalResult FunctionRewriter::handOverBranchOperands() {
  for (Block &block : llvm::drop_begin(function.getBody()))
    for (BlockArgument argument : block.getArguments()) {
      if (isa<TupleType>(argument.getType()))
        return emitError(argument.getLoc())
               << "relax-to-explicit-memory does not support tuple-typed "
                  "block arguments yet";
      if (!owned.contains(argument)) {
        OpBuilder b = OpBuilder::atBlockBegin(&block);
        takeOwnership(b, argument.getLoc(), argument);
      }
    }
  Liveness liveness(function);
  SmallVector<Operation *> terminators;
  for (Block &block : function.getBody())
    if (isa<BranchOpInterface>(block.getTerminator()))
      terminators.push_back(block.getTerminator());
  for (Operation *terminator : terminators) {
    auto branch = cast<BranchOpInterface>(terminator);
    for (unsigned successor = 0, e = terminator->getNumSuccessors();
         successor < e; ++successor) {
      Block *target = terminator->getSuccessor(successor);
      const LivenessBlockInfo *targetInfo = liveness.getLiveness(target);
      SmallVector<Value> operands(
          branch.getSuccessorOperands(successor).getForwardedOperands());
      SmallVector<unsigned> handedOver, copied;
      for (auto [index, value] : llvm::enumerate(operands)) {
        if (!isa<TensorType, ObjectType>(value.getType()))
          continue;
        // Handed over only if no alias of the buffer lives on past the
        // edge or is passed on it too.
        BufferUses uses(owned);
        uses.collectOwned(value);
        SmallVector<Value> buffer = {value};
        llvm::append_range(buffer, uses.aliases);
        bool deadAfter =
            owned.contains(value) &&
            llvm::count_if(operands,
                           [&](Value operand) {
                             return llvm::is_contained(buffer, operand);
                           }) == 1 &&
            !(targetInfo && llvm::any_of(buffer, [&](Value alias) {
                return targetInfo->isLiveIn(alias);
              }));
        if (deadAfter) {
          handedOver.push_back(index);
          continue;
        }
        if (isa<ObjectType>(value.getType()))
          return emitError(terminator->getLoc())
                 << "passes an object it cannot hand over (an argument, one "
                    "still used after, or one passed twice); objects are "
                    "never copied";
        copied.push_back(index);
      }
      // The branch that finally passes the operands: the terminator, or the
      // block on the edge where the copies are made.
      Operation *carrier = terminator;
      unsigned carrierSuccessor = successor;
      if (!copied.empty()) {
        Block *edge = getEdgeBlock(terminator, successor);
        carrier = edge->getTerminator();
        carrierSuccessor = 0;
        OpBuilder b(carrier);
        for (unsigned index : copied) {
          FailureOr<Value> copy =
              copyToFreshStorage(b, terminator->getLoc(), operands[index]);
          if (failed(copy))
            return failure();
          carrier->setOperand(index, *copy);
          passedOn.insert({getOwner(*copy).getAsOpaquePointer(), carrier, 0});
        }
      }
      for (unsigned index : handedOver)
        passedOn.insert(
            {operands[index].getAsOpaquePointer(), carrier, carrierSuccessor});
    }
  }
  return success();
}

/// Several blocks: each owned value is killed where the last use of its
/// buffer is on every path: after its last use in a block it does not
/// outlive, or on each edge out of a block into a successor where it is
/// dead; not where a terminator hands it over.
void FunctionRewriter::insertKillsByLiveness() {
  Liveness liveness(function);
  SmallVector<std::pair<Value, std::pair<Operation *, unsigned>>> onEdges;
  SmallVector<std::pair<Value, Operation *>> afterOps;
  SmallVector<std::pair<Value, Block *>> atStarts;
  for (Value value : allocations) {
    // Nested values die inside their region (insertKills); values moved
    // into a loop die there.
    if (preexisting.contains(value) ||
        value.getParentRegion() != &function.getBody() ||
        (escaping.contains(value) && !returned.contains(value)))
      continue;
    BufferUses uses(owned);
    uses.collectOwned(value);
    SmallVector<Value> aliases = {value};
    llvm::append_range(aliases, uses.aliases);
    auto liveIn = [&](Block *block) {
      const LivenessBlockInfo *info = liveness.getLiveness(block);
      return info && llvm::any_of(aliases, [&](Value alias) {
               return info->isLiveIn(alias);
             });
    };
    for (Block &block : function.getBody()) {
      bool defined = value.getParentBlock() == &block;
      if (!defined && !liveIn(&block))
        continue;
      Operation *terminator = block.getTerminator();
      auto passed = [&](unsigned successor) {
        return passedOn.count(
                   {value.getAsOpaquePointer(), terminator, successor}) != 0;
      };
      bool liveOut =
          llvm::any_of(terminator->getSuccessors(), liveIn) ||
          llvm::any_of(llvm::seq(0u, terminator->getNumSuccessors()), passed);
      if (!liveOut) {
        if (returnedIn.count({value.getAsOpaquePointer(), &block}))
          continue;
        Operation *last = defined ? value.getDefiningOp() : nullptr;
        for (Operation *user : uses.users)
          if (Operation *inBlock = block.findAncestorOpInBlock(*user))
            if (inBlock != terminator &&
                (!last || last->isBeforeInBlock(inBlock)))
              last = inBlock;
        if (last)
          afterOps.push_back({value, last});
        else
          atStarts.push_back({value, &block});
        continue;
      }
      for (unsigned successor = 0, e = terminator->getNumSuccessors();
           successor < e; ++successor)
        if (!liveIn(terminator->getSuccessor(successor)) && !passed(successor))
          onEdges.push_back({value, {terminator, successor}});
    }
  }
  OpBuilder b(function.getContext());
  for (auto [value, last] : afterOps) {
    b.setInsertionPointAfter(last);
    createKill(b, value);
  }
  for (auto [value, block] : atStarts) {
    b.setInsertionPointToStart(block);
    createKill(b, value);
  }
  for (auto [value, edge] : onEdges) {
    Block *target = edge.first->getSuccessor(edge.second);
    if (target->getSinglePredecessor() == edge.first->getBlock() &&
        target->getNumArguments() == 0)
      b.setInsertionPointToStart(target);
    else
      b.setInsertionPoint(
          getEdgeBlock(edge.first, edge.second)->getTerminator());
    createKill(b, value);
  }
}

} // namespace mlc::relax::explicit_memory
