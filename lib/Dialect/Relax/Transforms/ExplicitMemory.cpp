//===- ExplicitMemory.cpp - relax-to-explicit-memory ----------------------===//
//
// Destination-passing calls become alloc_storage + alloc_tensor +
// invoke_*, and each intermediate is killed right after its last use. The
// pass decides *when* memory is live; memory planning later decides *where*
// (sharing storages), and the host conversion how it is allocated.
//
//===----------------------------------------------------------------------===//

#include "ExplicitMemoryRewriter.h"

#include "mlc/Dialect/Relax/SymbolScope.h"
#include "mlc/Dialect/Relax/Transforms/Passes.h"
#include "mlc/Dialect/Relax/Transforms/Transforms.h"

namespace mlc {
#define GEN_PASS_DEF_RELAXTOEXPLICITMEMORYPASS
#include "mlc/Dialect/Relax/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;

namespace mlc::relax::explicit_memory {

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
bool isAlreadyKilled(Value value) {
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

/// Whether `value` may hold a buffer owned by a value of `block`: it is such
/// a value, a tuple holding one, or anything that may alias one (a cast, a
/// tuple, a region result, a select).
bool FunctionRewriter::holdsBufferOwnedIn(Value value, Block *block) const {
  if (ownsBufferIn(value, block))
    return true;
  for (Value candidate : allocations) {
    if (candidate.getParentBlock() != block)
      continue;
    BufferUses uses(owned);
    uses.collectOwned(candidate);
    if (llvm::is_contained(uses.aliases, value))
      return true;
  }
  return false;
}

/// Whether `value` is, or is a tuple holding, a buffer owned by a value of
/// `block`, as getOwner resolves it.
// NOLINTNEXTLINE(misc-no-recursion): bounded by the nesting of the type.
bool FunctionRewriter::ownsBufferIn(Value value, Block *block) const {
  if (auto tuple = value.getDefiningOp<TupleOp>())
    return llvm::any_of(tuple.getFields(), [&](Value field) {
      return ownsBufferIn(field, block);
    });
  if (isa<TupleType>(value.getType()))
    return llvm::any_of(calleeFields, [&](auto &entry) {
      return entry.first.first == value && ownsBufferIn(entry.second, block);
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

LogicalResult FunctionRewriter::insertKills() {
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
    // The region ops around hand over what their terminators pass on; a
    // buffer still reaching a terminator here has escaped this analysis.
    if (last && last->hasTrait<OpTrait::IsTerminator>())
      return last->emitOpError("passes on a buffer that "
                               "relax-to-explicit-memory cannot track here");
    OpBuilder b(tensor.getContext());
    if (last)
      b.setInsertionPointAfter(last);
    else
      b.setInsertionPointToStart(block);
    createKill(b, tensor);
  }
  return success();
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
  return insertKills();
}

} // namespace mlc::relax::explicit_memory

LogicalResult mlc::convertToExplicitMemory(ModuleOp module) {
  SmallVector<func::FuncOp> functions;
  for (auto function : module.getOps<func::FuncOp>())
    if (relax::isRelaxFunction(function))
      functions.push_back(function);
  for (func::FuncOp function : functions)
    if (failed(relax::explicit_memory::FunctionRewriter(function).run()))
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
