//===- ScalarReplacement.cpp - Registers for private buffer elements ------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// After tir is lowered, a reduction keeps its accumulator in a buffer element
// (`C[i] = C[i] + x` in every iteration) and later nests reload per element
// what earlier nests computed per row (the softmax's maximum and sum). LLVM
// cannot keep those in registers: the buffers reach the OpenMP outlined
// function through a struct, so it cannot prove that they do not alias the
// kernel's parameters, and the loops then neither promote nor vectorize.
//
// A buffer that tir allocated (memref.alloc/alloca whose every use is a
// load, a store or its dealloc) is private: nothing but those ops touches
// it. For such buffers, in each scf.for:
//  - a load at indices defined outside the loop, with no store to the buffer
//    in the loop, moves in front of the loop;
//  - an accumulator `x = B[I]; ...; B[I] = y` (indices outside the loop, one
//    store, and optionally the init `scf.if %iv == lb { B[I] = v }` that
//    tir-to-scf emits for a block's init region) becomes a loop-carried
//    value: loaded (or `v` when the loop runs) before the loop and stored
//    once after it.
// Loads move in front of a loop whose body would have executed them at the
// same indices: tir's indices stay inside the buffer in every instance.
//
//===----------------------------------------------------------------------===//

#include "mlc/Conversion/TIRToSCF/TIRToSCF.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;

/// Whether `buffer` is allocated here and only loaded, stored and freed.
static bool isPrivateBuffer(Value buffer) {
  if (!buffer.getDefiningOp<memref::AllocOp>() &&
      !buffer.getDefiningOp<memref::AllocaOp>())
    return false;
  return llvm::all_of(buffer.getUses(), [](OpOperand &use) {
    Operation *user = use.getOwner();
    if (auto store = dyn_cast<memref::StoreOp>(user))
      return use.get() == store.getMemRef() && use.getOperandNumber() != 0;
    return isa<memref::LoadOp, memref::DeallocOp>(user);
  });
}

static bool definedOutside(scf::ForOp loop, ValueRange values) {
  return llvm::all_of(
      values, [&](Value value) { return loop.isDefinedOutsideOfLoop(value); });
}

/// The ops inside `loop` (at any depth) that use `buffer`.
static SmallVector<Operation *> getUsersIn(scf::ForOp loop, Value buffer) {
  SmallVector<Operation *> users;
  for (Operation *user : buffer.getUsers())
    if (loop->isProperAncestor(user))
      users.push_back(user);
  return users;
}

/// Moves loads of private buffers that nothing in the loop writes in front
/// of the loop. Returns whether something moved.
static bool hoistInvariantLoads(RewriterBase &rewriter, scf::ForOp loop) {
  bool changed = false;
  for (Operation &op :
       llvm::make_early_inc_range(loop.getBody()->getOperations())) {
    auto load = dyn_cast<memref::LoadOp>(op);
    if (!load || !isPrivateBuffer(load.getMemRef()) ||
        !definedOutside(loop, load.getIndices()))
      continue;
    bool written = llvm::any_of(getUsersIn(loop, load.getMemRef()),
                                llvm::IsaPred<memref::StoreOp>);
    if (written)
      continue;
    rewriter.moveOpBefore(load, loop);
    changed = true;
  }
  return changed;
}

/// The init store of an accumulator: `scf.if %iv == lb { B[I] = v }` with
/// `v` defined outside the loop.
static memref::StoreOp matchInit(scf::ForOp loop, scf::IfOp branch) {
  if (!branch || branch.getNumResults() != 0 || !branch.getElseRegion().empty())
    return {};
  auto cmp = branch.getCondition().getDefiningOp<arith::CmpIOp>();
  if (!cmp || cmp.getPredicate() != arith::CmpIPredicate::eq)
    return {};
  Value iv = loop.getInductionVar();
  Value other = cmp.getLhs() == iv   ? cmp.getRhs()
                : cmp.getRhs() == iv ? cmp.getLhs()
                                     : Value();
  std::optional<int64_t> bound = getConstantIntValue(other);
  if (!other ||
      (other != loop.getLowerBound() &&
       (!bound || bound != getConstantIntValue(loop.getLowerBound()))))
    return {};
  // Constants (which tir-to-scf materializes in the branch), then the store.
  Block *then = branch.thenBlock();
  memref::StoreOp store;
  for (Operation &op : then->without_terminator()) {
    if (store)
      return {};
    if (auto candidate = dyn_cast<memref::StoreOp>(op))
      store = candidate;
    else if (!matchPattern(&op, m_Constant()))
      return {};
  }
  if (!store)
    return {};
  Value value = store.getValueToStore();
  if (!loop.isDefinedOutsideOfLoop(value) && !matchPattern(value, m_Constant()))
    return {};
  return store;
}

/// Promotes one accumulator of `loop` to a loop-carried value. Returns the
/// new loop, or null when the loop has none.
static scf::ForOp promoteAccumulator(RewriterBase &rewriter, scf::ForOp loop) {
  for (Operation &op : loop.getBody()->getOperations()) {
    auto store = dyn_cast<memref::StoreOp>(op);
    if (!store)
      continue;
    Value buffer = store.getMemRef();
    if (!isPrivateBuffer(buffer) || !definedOutside(loop, store.getIndices()))
      continue;
    // Every other use in the loop: loads of the same element before the
    // store, directly in the body, or the init branch.
    memref::StoreOp init;
    SmallVector<memref::LoadOp> loads;
    bool ok = true;
    for (Operation *user : getUsersIn(loop, buffer)) {
      if (user == store.getOperation())
        continue;
      auto load = dyn_cast<memref::LoadOp>(user);
      if (load && load->getBlock() == loop.getBody() &&
          load->isBeforeInBlock(store) &&
          llvm::equal(load.getIndices(), store.getIndices())) {
        loads.push_back(load);
        continue;
      }
      auto initStore = dyn_cast<memref::StoreOp>(user);
      auto branch = initStore ? dyn_cast<scf::IfOp>(initStore->getParentOp())
                              : scf::IfOp();
      if (!init && branch && branch->getBlock() == loop.getBody() &&
          matchInit(loop, branch) == initStore &&
          llvm::equal(initStore.getIndices(), store.getIndices()) &&
          llvm::all_of(loads, [&](memref::LoadOp load) {
            return branch->isBeforeInBlock(load);
          })) {
        init = initStore;
        continue;
      }
      ok = false;
      break;
    }
    if (!ok || (init && !llvm::all_of(loads, [&](memref::LoadOp load) {
                  return init->getParentOp()->isBeforeInBlock(load);
                })))
      continue;

    // Rewrite: the accumulator enters as the element, or as `v` with an
    // init when the loop runs at all (an empty loop leaves the element as
    // it was), is carried through the loop, and is stored after it.
    Location loc = store.getLoc();
    rewriter.setInsertionPoint(loop);
    Value start =
        memref::LoadOp::create(rewriter, loc, buffer, store.getIndices());
    if (init) {
      Value nonEmpty =
          arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt,
                                loop.getLowerBound(), loop.getUpperBound());
      Value initValue = init.getValueToStore();
      if (!loop.isDefinedOutsideOfLoop(initValue))
        initValue = rewriter.clone(*initValue.getDefiningOp())->getResult(0);
      start =
          arith::SelectOp::create(rewriter, loc, nonEmpty, initValue, start);
    }
    Value stored = store.getValueToStore();
    FailureOr<LoopLikeOpInterface> grown = loop.replaceWithAdditionalYields(
        rewriter, ValueRange{start}, /*replaceInitOperandUsesInLoop=*/false,
        [&](OpBuilder &, Location, ArrayRef<BlockArgument>) {
          return SmallVector<Value>{stored};
        });
    if (failed(grown))
      return {};
    auto newLoop = cast<scf::ForOp>(grown->getOperation());
    Value carried = newLoop.getRegionIterArgs().back();
    for (memref::LoadOp load : loads)
      rewriter.replaceOp(load, carried);
    if (init)
      rewriter.eraseOp(init->getParentOp());
    rewriter.setInsertionPointAfter(newLoop);
    memref::StoreOp::create(rewriter, loc, newLoop.getResults().back(), buffer,
                            store.getIndices());
    rewriter.eraseOp(store);
    return newLoop;
  }
  return {};
}

void mlc::replaceScalarsOfPrivateBuffers(Operation *root) {
  IRRewriter rewriter(root->getContext());
  SmallVector<scf::ForOp> loops;
  root->walk([&](scf::ForOp loop) { loops.push_back(loop); });
  // Post-order: inner loops first, so an accumulator of an inner loop is
  // carried there.
  for (scf::ForOp loop : loops) {
    hoistInvariantLoads(rewriter, loop);
    while (scf::ForOp promoted = promoteAccumulator(rewriter, loop))
      loop = promoted;
  }
}
