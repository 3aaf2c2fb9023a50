//===- ExplicitMemory.cpp - relax-to-explicit-memory ----------------------===//
//
// Destination-passing calls become alloc_storage + alloc_tensor +
// invoke_*, and each intermediate is killed right after its last use. The
// pass decides *when* memory is live; memory planning later decides *where*
// (sharing storages), and the host conversion how it is allocated.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/SymbolScope.h"
#include "mlc/Dialect/Relax/Transforms/Passes.h"
#include "mlc/Dialect/Relax/Transforms/Transforms.h"

#include "mlir/Analysis/Liveness.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringSet.h"

#include <set>
#include <vector>

namespace mlc {
#define GEN_PASS_DEF_RELAXTOEXPLICITMEMORYPASS
#include "mlc/Dialect/Relax/Transforms/Passes.h.inc"
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
  void insertKills();

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

} // namespace

namespace {
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
} // namespace

FailureOr<Value> FunctionRewriter::allocate(OpBuilder &b, Location loc,
                                            TensorType type, DeviceAttr on) {
  FailureOr<sym::Expr> bytes = getByteSize(type);
  if (failed(bytes))
    return emitError(loc) << "cannot allocate " << type
                          << ": its rank and every dim must be known";
  sym::Context &ctx = RelaxDialect::getSymContext(b.getContext());
  auto storage = AllocStorageOp::create(
      b, loc, StorageType::get(b.getContext()),
      ShapeAttr::get(b.getContext(), {*bytes}),
      b.getI64IntegerAttr(kStorageAlignment), on ? on : device);
  auto tensor = AllocTensorOp::create(
      b, loc, type, storage, ShapeAttr::get(b.getContext(), {ctx.constant(0)}));
  own(tensor.getResult());
  return tensor.getResult();
}

LogicalResult FunctionRewriter::rewriteCall(Operation *op) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  ArrayRef<int64_t> inplace;
  if (auto call = dyn_cast<CallTIRInplaceOp>(op))
    inplace = call.getInplaceIndices();
  SmallVector<Value> inputs(op->getOperands());
  SmallVector<Value> outputs, results;
  for (auto [index, result] : llvm::enumerate(op->getResults())) {
    if (!inplace.empty() && inplace[index] >= 0) {
      // Writing in place is for buffers this function owns: an argument
      // belongs to the caller (or the parameter table), a constant to the
      // module. Those are copied first.
      Value &input = inputs[inplace[index]];
      if (!getOwner(input)) {
        FailureOr<Value> copy = copyToFreshStorage(b, loc, input);
        if (failed(copy))
          return failure();
        input = *copy;
      }
      results.push_back(input);
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
                        call.getTirVarsAttr(), b.getDenseI64ArrayAttr(written));
  } else {
    InvokePackedOp::create(b, loc, cast<CallDPSPackedOp>(op).getCalleeAttr(),
                           inputs, outputs);
  }
  op->replaceAllUsesWith(results);
  op->erase();
  return success();
}

/// A storage on the target device and a copy into it.
LogicalResult FunctionRewriter::rewriteToDevice(ToDeviceOp op) {
  OpBuilder b(op);
  FailureOr<Value> copy =
      allocate(b, op.getLoc(), cast<TensorType>(op.getType()), op.getDevice());
  if (failed(copy))
    return failure();
  CopyOp::create(b, op.getLoc(), op.getValue(), *copy);
  op.replaceAllUsesWith(*copy);
  op.erase();
  return success();
}

/// Whether `value` already has a kill (the pass ran before, or the function
/// was written in explicit form), directly or on a field.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
static bool isAlreadyKilled(Value value) {
  for (Operation *user : value.getUsers()) {
    if (isa<KillTensorOp, KillObjectOp>(user))
      return true;
    if (auto get = dyn_cast<TupleGetItemOp>(user))
      if (isAlreadyKilled(get.getResult()))
        return true;
  }
  return false;
}

/// Takes ownership of what a call of a relax function returned: a tensor,
/// or each tensor of a tuple, whose fields are extracted here so that each
/// can be killed on its own.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
void FunctionRewriter::takeCallResult(OpBuilder &b, Location loc,
                                      Value result) {
  if (isa<TensorType, ObjectType>(result.getType())) {
    own(result);
    return;
  }
  auto tuple = dyn_cast<TupleType>(result.getType());
  if (!tuple)
    return;
  for (int64_t index = 0, e = tuple.size(); index < e; ++index) {
    Value field = TupleGetItemOp::create(b, loc, result, index);
    calleeFields[{result, index}] = field;
    fieldContainers[field] = result;
    takeCallResult(b, loc, field);
  }
}

/// Takes ownership of `value` as takeCallResult does, unless its kills are
/// already there (an earlier run of the pass, or the author): then it is
/// owned as it is, with the fields its tuple already has, and its kills stay.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
void FunctionRewriter::takeOwnership(OpBuilder &b, Location loc, Value value) {
  if (!isAlreadyKilled(value)) {
    takeCallResult(b, loc, value);
    return;
  }
  if (isa<TensorType, ObjectType>(value.getType())) {
    own(value);
    preexisting.insert(value);
    return;
  }
  // The first extraction of each field (in program order) owns it; later
  // ones are aliases.
  SmallVector<TupleGetItemOp> fields;
  function.walk([&](TupleGetItemOp get) {
    if (get.getTuple() == value)
      fields.push_back(get);
  });
  for (TupleGetItemOp get : fields)
    if (calleeFields.try_emplace({value, get.getIndex()}, get.getResult())
            .second) {
      fieldContainers[get.getResult()] = value;
      takeOwnership(b, loc, get.getResult());
    }
}

/// The owned tensor whose buffer `value` is, looking through match_casts and
/// tuples; null if the function does not own it (an argument, a constant).
Value FunctionRewriter::getOwner(Value value) const {
  while (true) {
    if (auto cast = value.getDefiningOp<MatchCastOp>()) {
      value = cast.getValue();
      continue;
    }
    auto get = value.getDefiningOp<TupleGetItemOp>();
    if (!get)
      break;
    if (auto tuple = get.getTuple().getDefiningOp<TupleOp>()) {
      value = tuple.getFields()[get.getIndex()];
      continue;
    }
    Value field = calleeFields.lookup({get.getTuple(), get.getIndex()});
    if (!field || field == value)
      break;
    value = field;
  }
  return owned.contains(value) ? value : Value();
}

/// Whether `value` is, or is a tuple holding, a buffer owned by a value of
/// `block`.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
bool FunctionRewriter::holdsBufferOwnedIn(Value value, Block *block) const {
  if (auto tuple = value.getDefiningOp<TupleOp>())
    return llvm::any_of(tuple.getFields(), [&](Value field) {
      return holdsBufferOwnedIn(field, block);
    });
  if (isa<TupleType>(value.getType()))
    return llvm::any_of(calleeFields, [&](auto &entry) {
      return entry.first.first == value &&
             holdsBufferOwnedIn(entry.second, block);
    });
  Value owner = getOwner(value);
  return owner && owner.getParentBlock() == block;
}

/// A value the caller (or a region op's parent) may own: the tensor itself
/// when a value of `block` owns it and it is handed over once, otherwise a
/// copy in a fresh storage; a tuple field by field.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
FailureOr<Value> FunctionRewriter::giveToCaller(OpBuilder &b, Location loc,
                                                Value value, Block *block) {
  if (auto tuple = dyn_cast<TupleType>(value.getType())) {
    // A tuple built here is handed over field by field, and as it is when
    // every field is its own (as after an earlier run).
    auto built = value.getDefiningOp<TupleOp>();
    SmallVector<Value> fields;
    for (int64_t index = 0, e = tuple.size(); index < e; ++index) {
      Value field = built ? built.getFields()[index]
                          : TupleGetItemOp::create(b, loc, value, index);
      FailureOr<Value> given = giveToCaller(b, loc, field, block);
      if (failed(given))
        return failure();
      fields.push_back(*given);
    }
    if (built && ValueRange(fields) == built.getFields())
      return value;
    return TupleOp::create(b, loc, fields).getResult();
  }
  Value owner = getOwner(value);
  // With several blocks, a return hands over what any block owns (its
  // definition dominates the return); liveness decides the other paths.
  bool ownedHere = owner && (owner.getParentBlock() == block ||
                             (isa<func::ReturnOp>(block->getTerminator()) &&
                              owner.getParentRegion() == block->getParent()));
  if (ownedHere && escaping.insert(owner).second) {
    returnedIn.insert({owner.getAsOpaquePointer(), block});
    returned.insert(owner);
    return value;
  }
  if (isa<ObjectType>(value.getType()))
    return emitError(loc) << "hands over an object it does not own (an "
                             "argument, or an object handed over twice); "
                             "objects are never copied";
  auto type = dyn_cast<TensorType>(value.getType());
  if (!type)
    return emitError(loc) << "returns " << value.getType()
                          << ", but explicit memory handles tensors, objects "
                             "and tuples of them only";
  FailureOr<Value> copy = copyToFreshStorage(b, loc, value);
  if (failed(copy))
    return failure();
  escaping.insert(getOwner(*copy));
  return *copy;
}

/// `value` as a tensor whose dims are all known, so that it can be copied:
/// itself, the source of the match_casts it came through, or a match_cast
/// that binds each `?` to a fresh variable (read at run time).
Value FunctionRewriter::withKnownDims(OpBuilder &b, Location loc, Value value) {
  Value source = value;
  while (failed(getByteSize(cast<TensorType>(source.getType()))))
    if (auto matchCast = source.getDefiningOp<MatchCastOp>())
      source = matchCast.getValue();
    else
      break;
  auto type = cast<TensorType>(source.getType());
  if (succeeded(getByteSize(type)) || !type.getRanked())
    return source;
  if (!usedVarsCollected) {
    usedVarsCollected = true;
    auto collect = [&](Type type) {
      forEachSymDim(type, [&](sym::Expr dim) {
        SmallVector<StringRef> vars;
        sym::collectVars(dim, vars);
        for (StringRef var : vars)
          usedVars.insert(var);
      });
    };
    llvm::for_each(function.getArgumentTypes(), collect);
    function.walk(
        [&](Operation *op) { llvm::for_each(op->getResultTypes(), collect); });
  }
  sym::Context &ctx = RelaxDialect::getSymContext(b.getContext());
  SmallVector<sym::Expr> dims;
  for (sym::Expr dim : type.getDims()) {
    if (dim) {
      dims.push_back(dim);
      continue;
    }
    std::string name;
    do
      name = "copy" + std::to_string(freshVarCounter++);
    while (usedVars.contains(name));
    usedVars.insert(name);
    dims.push_back(ctx.var(name));
  }
  auto known = TensorType::get(dims, type.getElementType());
  return MatchCastOp::create(b, loc, known, source).getResult();
}

/// A copy of tensor `value` in a fresh storage, with `value`'s type.
FailureOr<Value>
FunctionRewriter::copyToFreshStorage(OpBuilder &b, Location loc, Value value) {
  Value source = withKnownDims(b, loc, value);
  auto sourceType = cast<TensorType>(source.getType());
  FailureOr<Value> copy = allocate(b, loc, sourceType);
  if (failed(copy))
    return failure();
  CopyOp::create(b, loc, source, *copy);
  if (sourceType == value.getType())
    return *copy;
  return MatchCastOp::create(b, loc, value.getType(), *copy).getResult();
}

/// Each result must own its buffer (ABI v2): one this function allocated
/// and returns once. Anything else is copied into a fresh storage.
LogicalResult FunctionRewriter::giveResultsToCaller(func::ReturnOp ret) {
  OpBuilder b(ret);
  SmallVector<Value> operands(ret.getOperands());
  for (Value &value : operands) {
    FailureOr<Value> given =
        giveToCaller(b, ret.getLoc(), value, ret->getBlock());
    if (failed(given))
      return failure();
    value = *given;
  }
  ret->setOperands(operands);
  return success();
}

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
  SmallVector<Operation *> yields;
  for (Region &region : op->getRegions())
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

void FunctionRewriter::insertKills() {
  bool severalBlocks = !function.getBody().hasOneBlock();
  if (severalBlocks)
    insertKillsByLiveness();
  for (Value tensor : allocations) {
    if (escaping.contains(tensor) || preexisting.contains(tensor) ||
        (severalBlocks && tensor.getParentRegion() == &function.getBody()))
      continue;
    Block *block = tensor.getParentBlock();
    BufferUses uses(owned);
    uses.collectOwned(tensor);
    // A field of a tuple a call returned is also used through the tuple.
    SmallVector<int64_t> path;
    Value field = tensor;
    for (Value tuple = fieldContainers.lookup(field); tuple;
         field = tuple, tuple = fieldContainers.lookup(tuple)) {
      path.insert(path.begin(),
                  field.getDefiningOp<TupleGetItemOp>().getIndex());
      uses.collect(tuple, path);
    }
    Operation *last = tensor.getDefiningOp();
    for (Operation *user : uses.users)
      if (Operation *inBlock = block->findAncestorOpInBlock(*user))
        if (!last || last->isBeforeInBlock(inBlock))
          last = inBlock;
    OpBuilder b(tensor.getContext());
    if (last)
      b.setInsertionPointAfter(last);
    else
      b.setInsertionPointToStart(block);
    createKill(b, tensor);
  }
}

void FunctionRewriter::createKill(OpBuilder &b, Value owned) {
  if (isa<ObjectType>(owned.getType())) {
    KillObjectOp::create(b, owned.getLoc(), owned);
    return;
  }
  KillTensorOp::create(b, owned.getLoc(), owned);
  if (auto view = owned.getDefiningOp<AllocTensorOp>())
    KillStorageOp::create(b, owned.getLoc(), view.getStorage());
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
        bool deadAfter = owned.contains(value) &&
                         llvm::count(operands, value) == 1 &&
                         !(targetInfo && targetInfo->isLiveIn(value));
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

LogicalResult FunctionRewriter::run() {
  if (function.isExternal())
    return success();
  inlineDataflowRegions(function);
  bool severalBlocks = !function.getBody().hasOneBlock();
  SmallVector<Operation *> calls, owningCalls;
  bool explicitForm = false;
  WalkResult nested = function.walk([&](Operation *op) {
    explicitForm |= isa<AllocStorageOp, KillTensorOp>(op);
    bool destinationPassing =
        isa<CallTIROp, CallTIRInplaceOp, CallDPSPackedOp, ToDeviceOp>(op);
    bool owning = isa<CallPackedOp>(op);
    if (auto call = dyn_cast<func::CallOp>(op)) {
      auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
          call, call.getCalleeAttr());
      owning = callee && isRelaxFunction(callee);
    }
    if (!destinationPassing && !owning)
      return WalkResult::advance();
    // What such a call allocates lives until a kill in its block, or is
    // handed over by the region ops around it.
    for (Operation *parent = op->getParentOp(); parent != function;
         parent = parent->getParentOp())
      if (!isa<scf::IfOp, scf::IndexSwitchOp, scf::ForOp>(parent)) {
        op->emitOpError("inside '")
            << parent->getName()
            << "' is not supported by relax-to-explicit-memory: calls that "
               "allocate may be nested in scf.if, scf.index_switch and "
               "scf.for only";
        return WalkResult::interrupt();
      }
    (destinationPassing ? calls : owningCalls).push_back(op);
    return WalkResult::advance();
  });
  if (nested.wasInterrupted())
    return failure();
  // Views written before this pass (by hand, or by an earlier run) are the
  // function's own, and their lifetimes are already there: owned, never
  // killed here. So is what a call returns once a kill of it exists. This
  // keeps the pass idempotent.
  if (explicitForm)
    function.walk([&](AllocTensorOp view) {
      own(view.getResult());
      preexisting.insert(view.getResult());
    });
  // A relax callee, or a packed function that allocates, returns buffers the
  // caller owns (ABI v2). Known first: in-place calls need to know what the
  // function owns.
  for (Operation *op : owningCalls) {
    OpBuilder b(op->getContext());
    b.setInsertionPointAfter(op);
    for (Value result : op->getResults())
      takeOwnership(b, op->getLoc(), result);
  }
  for (Operation *op : calls)
    if (failed(isa<ToDeviceOp>(op) ? rewriteToDevice(cast<ToDeviceOp>(op))
                                   : rewriteCall(op)))
      return failure();
  // Inner region ops first: what they hand over is owned in the enclosing
  // region, which may hand it over in turn.
  SmallVector<Operation *> regionOps;
  function.walk([&](Operation *op) {
    if (isa<scf::IfOp, scf::IndexSwitchOp, scf::ForOp>(op))
      regionOps.push_back(op);
  });
  for (Operation *op : regionOps)
    if (failed(handOverRegionResults(op)))
      return failure();
  if (severalBlocks && failed(handOverBranchOperands()))
    return failure();
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
