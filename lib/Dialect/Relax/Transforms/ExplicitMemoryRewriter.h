//===- ExplicitMemoryRewriter.h - relax-to-explicit-memory internals
//-------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Private to relax-to-explicit-memory: the per-function rewriter and the
// buffer-use analysis it shares between its straight-line part
// (ExplicitMemory.cpp) and its control-flow part (regions, loops and
// blocks: ExplicitMemoryControlFlow.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_DIALECT_RELAX_TRANSFORMS_EXPLICITMEMORYREWRITER_H
#define MLC_LIB_DIALECT_RELAX_TRANSFORMS_EXPLICITMEMORYREWRITER_H

#include "mlc/Dialect/Relax/RelaxOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

#include <set>
#include <tuple>
#include <vector>

namespace mlc::relax::explicit_memory {

using namespace mlir;

/// The alignment of every storage this pass allocates: a cache line, which
/// also suits the widest SIMD loads.
constexpr int64_t kStorageAlignment = 64;

class FunctionRewriter {
public:
  explicit FunctionRewriter(func::FuncOp function)
      : function(function), device(getFunctionDevice(function)) {}

  LogicalResult run();

private:
  FailureOr<Value> allocate(OpBuilder &b, Location loc, TensorType type,
                            DeviceAttr on = {});
  LogicalResult rewriteToDevice(ToDeviceOp op);
  LogicalResult rewriteCall(Operation *op);
  void takeCallResult(OpBuilder &b, Location loc, Value result);
  void takeOwnership(OpBuilder &b, Location loc, Value value);
  void own(Value tensor) {
    allocations.push_back(tensor);
    owned.insert(tensor);
  }
  Value getOwner(Value value) const;
  bool holdsBufferOwnedIn(Value value, Block *block) const;
  bool ownsBufferIn(Value value, Block *block) const;
  FailureOr<Value> giveToCaller(OpBuilder &b, Location loc, Value value,
                                Block *block);
  LogicalResult giveResultsToCaller(func::ReturnOp ret);
  LogicalResult handOverRegionResults(Operation *op);
  LogicalResult handOverBranchOperands();
  Block *getEdgeBlock(Operation *terminator, unsigned successor);
  void insertKillsByLiveness();
  void createKill(OpBuilder &b, Value owned);
  FailureOr<Value> giveToLoop(scf::ForOp loop, Value init);
  Value withKnownDims(OpBuilder &b, Location loc, Value value);
  FailureOr<Value> copyToFreshStorage(OpBuilder &b, Location loc, Value value);
  LogicalResult insertKills();

  func::FuncOp function;
  DeviceAttr device;
  /// Every tensor this function owns, in order: views this pass allocated,
  /// results of calls of relax functions (ABI v2: fresh buffers), results of
  /// region ops whose regions hand over buffers, and loops' iteration
  /// arguments that own theirs. Each is killed in its own block.
  SmallVector<Value> allocations;
  llvm::DenseSet<Value> owned;
  /// Owned tensors that a return hands to the caller.
  llvm::SmallPtrSet<Value, 8> escaping;
  /// Views that existed before this pass: owned, but their kills (if any)
  /// are the author's.
  llvm::SmallPtrSet<Value, 8> preexisting;
  /// The fields this pass extracted from tuples that calls returned:
  /// (tuple, index) -> field, and each field's tuple.
  llvm::DenseMap<std::pair<Value, int64_t>, Value> calleeFields;
  llvm::DenseMap<Value, Value> fieldContainers;
  /// The symbolic variables the function uses, to name fresh ones.
  /// Several blocks: owned values a terminator hands over, per block
  /// (a return) or per edge (a branch to a block argument); no kill is
  /// needed on that path.
  std::set<std::pair<const void *, Block *>> returnedIn;
  llvm::DenseSet<Value> returned;
  std::set<std::tuple<const void *, Operation *, unsigned>> passedOn;
  /// Blocks inserted on edges (terminator, successor index).
  llvm::DenseMap<std::pair<Operation *, unsigned>, Block *> edgeBlocks;
  llvm::StringSet<> usedVars;
  bool usedVarsCollected = false;
  unsigned freshVarCounter = 0;
};

/// Collects the ops that use one buffer: `value`'s own tensor, or, when
/// `path` is not empty, the tensor at that path of field indices inside the
/// tuple `value`. It follows match_casts, tuples that hold the buffer, the
/// fields that take it out again, region ops (scf.if, scf.for) that yield it
/// and, conservatively, any other op that takes it and produces tensors or
/// tuples and is no call (arith.select, made of an scf.if by
/// canonicalization).
class BufferUses {
public:
  /// `fresh` are values that own a buffer of their own (allocations, call
  /// results, handed-over region results): never an alias of another.
  explicit BufferUses(const llvm::DenseSet<Value> &fresh) : fresh(fresh) {}

  // NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the IR.
  void collect(Value value, ArrayRef<int64_t> path) {
    if (fresh.contains(value) ||
        !visited
             .insert({value.getAsOpaquePointer(),
                      std::vector<int64_t>(path.begin(), path.end())})
             .second)
      return;
    aliases.push_back(value);
    for (Operation *user : value.getUsers())
      visit(user, value, path);
  }

  /// The uses of a fresh buffer itself.
  void collectOwned(Value tensor) {
    visited.insert({tensor.getAsOpaquePointer(), {}});
    for (Operation *user : tensor.getUsers())
      visit(user, tensor, {});
  }

  SmallVector<Operation *> users;
  /// The values that hold the buffer besides the fresh one (casts, tuples).
  SmallVector<Value> aliases;

private:
  // NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the IR.
  void visit(Operation *user, Value value, ArrayRef<int64_t> path) {
    if (auto get = dyn_cast<TupleGetItemOp>(user)) {
      // Another field of the tuple is another buffer.
      if (!path.empty() && static_cast<int64_t>(get.getIndex()) == path.front())
        collect(get.getResult(), path.drop_front());
      else if (path.empty())
        collect(get.getResult(), {});
      return;
    }
    users.push_back(user);
    if (auto cast = dyn_cast<MatchCastOp>(user)) {
      collect(cast.getResult(), path);
    } else if (auto tuple = dyn_cast<TupleOp>(user)) {
      for (auto [index, field] : llvm::enumerate(tuple.getFields()))
        if (field == value) {
          SmallVector<int64_t> inner = {static_cast<int64_t>(index)};
          llvm::append_range(inner, path);
          collect(tuple.getResult(), inner);
        }
    } else if (user->hasTrait<OpTrait::IsTerminator>() &&
               !isa<func::ReturnOp>(user)) {
      for (Value result : user->getParentOp()->getResults())
        collect(result, {});
    } else if (!isa<func::CallOp, InvokeTIROp, InvokePackedOp, CopyOp,
                    CallPackedOp>(user)) {
      for (Value result : user->getResults())
        if (isa<TensorType, TupleType>(result.getType()))
          collect(result, {});
    }
  }

  const llvm::DenseSet<Value> &fresh;
  std::set<std::pair<const void *, std::vector<int64_t>>> visited;
};

/// Whether `value` already has a kill (the pass ran before, or the function
/// was written in explicit form), directly or on a field.
bool isAlreadyKilled(Value value);

} // namespace mlc::relax::explicit_memory

#endif // MLC_LIB_DIALECT_RELAX_TRANSFORMS_EXPLICITMEMORYREWRITER_H
