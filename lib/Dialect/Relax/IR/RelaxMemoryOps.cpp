//===- RelaxMemoryOps.cpp - relax's explicit-memory ops -------------------===//
//
// Verifiers of alloc_storage, alloc_tensor, kill_*, invoke_* and copy. Only
// what can be proved wrong is an error; sizes the prover cannot compare are
// left to the allocator at run time.
//
//===----------------------------------------------------------------------===//

#include "CallVerification.h"
#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

namespace mlc::relax {

bool isRelaxFunction(FunctionOpInterface function) {
  return function->hasAttr(RelaxDialect::kFunctionAttrName);
}

void inlineDataflowRegions(Operation *root) {
  SmallVector<DataflowOp> regions;
  root->walk([&](DataflowOp op) { regions.push_back(op); });
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

DeviceAttr getFunctionDevice(FunctionOpInterface function) {
  if (auto device =
          function->getAttrOfType<DeviceAttr>(RelaxDialect::kDeviceAttrName))
    return device;
  return DeviceAttr::get(function->getContext());
}

int64_t getElementByteSize(Type elementType) {
  return llvm::divideCeil(elementType.getIntOrFloatBitWidth(), 8);
}

FailureOr<sym::Expr> getByteSize(TensorType type) {
  if (!type.getRanked())
    return failure();
  sym::Context &ctx = RelaxDialect::getSymContext(type.getContext());
  sym::Expr bytes = ctx.constant(getElementByteSize(type.getElementType()));
  for (sym::Expr dim : type.getDims()) {
    if (!dim)
      return failure();
    bytes = bytes * dim;
  }
  return bytes;
}

/// Checks that a one-expression ShapeAttr holds exactly one known expression.
static LogicalResult verifyScalar(Operation *op, ShapeAttr attr,
                                  StringRef what) {
  if (attr.getDims().size() != 1 || !attr.getDims().front())
    return op->emitOpError() << what << " must be one symbolic expression";
  return success();
}

LogicalResult AllocStorageOp::verify() {
  if (failed(verifyScalar(*this, getSize(), "size")))
    return failure();
  if (getAlign() <= 0 || !llvm::isPowerOf2_64(getAlign()))
    return emitOpError() << "alignment must be a positive power of two, got "
                         << getAlign();
  std::optional<int64_t> size = getSizeExpr().getConstant();
  if (size && *size < 0)
    return emitOpError() << "size must not be negative, got " << *size;
  return verifyInRelaxFunction(*this);
}

LogicalResult AllocTensorOp::verify() {
  if (failed(verifyScalar(*this, getOffset(), "offset")))
    return failure();
  auto type = cast<TensorType>(getResult().getType());
  FailureOr<sym::Expr> bytes = getByteSize(type);
  if (failed(bytes))
    return emitOpError() << "needs a known rank and known dims, got " << type;
  sym::Expr offset = getOffsetExpr();
  sym::Analyzer analyzer = getAnalyzerFor(*this);
  sym::Context &ctx = RelaxDialect::getSymContext(getContext());
  if (analyzer.proveLE(ctx.constant(0), offset) == sym::Proof::False)
    return emitOpError() << "offset " << dimToString(offset)
                         << " is provably negative";
  if (auto alloc = getStorage().getDefiningOp<AllocStorageOp>()) {
    sym::Expr end = offset + *bytes;
    if (analyzer.proveLE(end, alloc.getSizeExpr()) == sym::Proof::False)
      return emitOpError() << "views bytes [" << dimToString(offset) << ", "
                           << dimToString(end) << ") of a storage of "
                           << dimToString(alloc.getSizeExpr())
                           << " bytes, which provably do not fit";
  }
  return verifyInRelaxFunction(*this);
}

/// Whether `value` can be owned by its function: made by a call or a region
/// op (through tuple fields), made by `relax.alloc_tensor`, or a block
/// argument other than the function's own (a loop's iteration argument); a
/// function argument belongs to the caller.
static bool isOwnable(Value value) {
  while (auto get = value.getDefiningOp<TupleGetItemOp>())
    value = get.getTuple();
  if (auto argument = dyn_cast<BlockArgument>(value)) {
    Block *block = argument.getOwner();
    return !isa<FunctionOpInterface>(block->getParentOp()) ||
           !block->isEntryBlock();
  }
  Operation *def = value.getDefiningOp();
  return isa<AllocTensorOp, CallOpInterface, CallPackedOp>(def) ||
         def->getNumRegions() > 0;
}

LogicalResult KillTensorOp::verify() {
  if (isOwnable(getTensor()))
    return success();
  return emitOpError("must kill a tensor made by relax.alloc_tensor, returned "
                     "by a call or a region op, or a loop's iteration "
                     "argument; a function argument belongs to the caller");
}

LogicalResult KillObjectOp::verify() {
  if (isOwnable(getObject()))
    return success();
  return emitOpError("must kill an object returned by a call or a region "
                     "op, or a loop's iteration argument; a function argument "
                     "is borrowed");
}

LogicalResult KillStorageOp::verify() {
  if (!getStorage().getDefiningOp<AllocStorageOp>())
    return emitOpError("must kill a storage made by relax.alloc_storage");
  return success();
}

static SmallVector<TensorType> tensorTypesOf(ValueRange values) {
  return llvm::map_to_vector(
      values, [](Value value) { return cast<TensorType>(value.getType()); });
}

LogicalResult InvokeTIROp::verify() {
  ArrayRef<int64_t> inplace;
  if (std::optional<ArrayRef<int64_t>> indices = getInplace())
    inplace = *indices;
  for (int64_t index : inplace)
    if (index < 0 || index >= static_cast<int64_t>(getInputs().size()))
      return emitOpError() << "in-place index " << index
                           << " is not the index of one of "
                           << getInputs().size() << " inputs";
  if (getOutputs().empty() && inplace.empty())
    return emitOpError("must write at least one output tensor or one input "
                       "in place");
  SmallVector<Type> types(getInputs().getTypes());
  llvm::append_range(types, getOutputs().getTypes());
  ArrayRef<sym::Expr> tirVars;
  if (std::optional<ShapeAttr> attr = getTirVars())
    tirVars = attr->getDims();
  return verifyInRelaxFunction(*this);
}

void InvokeTIROp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  ArrayRef<int64_t> inplace;
  if (std::optional<ArrayRef<int64_t>> indices = getInplace())
    inplace = *indices;
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    effects.emplace_back(MemoryEffects::Read::get(),
                         &getInputsMutable()[index]);
    if (llvm::is_contained(inplace, static_cast<int64_t>(index)))
      effects.emplace_back(MemoryEffects::Write::get(),
                           &getInputsMutable()[index]);
  }
  for (OpOperand &output : getOutputsMutable())
    effects.emplace_back(MemoryEffects::Write::get(), &output);
}

LogicalResult InvokeTIROp::verifySymbolUses(SymbolTableCollection &symbols) {
  SmallVector<TensorType> buffers = tensorTypesOf(getInputs());
  llvm::append_range(buffers, tensorTypesOf(getOutputs()));
  ArrayRef<sym::Expr> tirVars;
  if (getTirVars())
    tirVars = getTirVars()->getDims();
  return verifyPrimFuncCall(*this, getCalleeAttr(), buffers, getInputs().size(),
                            tirVars, symbols);
}

LogicalResult verifyPackedCallee(Operation *op, StringRef name) {
  if (name.empty())
    return op->emitOpError("callee name must not be empty");
  SmallVector<StringRef> parts;
  name.split(parts, '.');
  for (StringRef part : parts)
    if (part.empty() || llvm::isDigit(part.front()) ||
        !llvm::all_of(part,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; }))
      return op->emitOpError("callee '")
             << name
             << "' is not a dotted identifier (like mlc.blas.sgemm), which "
                "the runtime's registry and metadata name functions by";
  return success();
}

LogicalResult InvokePackedOp::verify() {
  if (failed(verifyPackedCallee(*this, getCallee())))
    return failure();
  if (getOutputs().empty())
    return emitOpError("must write at least one output tensor");
  SmallVector<Type> types(getInputs().getTypes());
  llvm::append_range(types, getOutputs().getTypes());
  return verifyInRelaxFunction(*this);
}

LogicalResult CopyOp::verify() {
  auto source = cast<TensorType>(getSource().getType());
  auto target = cast<TensorType>(getTarget().getType());
  if (failed(verifyNotProvablyDifferent(*this, getAnalyzerFor(*this), source,
                                        target, "the source")))
    return failure();
  return verifyInRelaxFunction(*this);
}

} // namespace mlc::relax
