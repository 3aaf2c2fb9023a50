//===- RelaxOps.cpp - relax operations ------------------------------------===//

#include "mlc/Dialect/Relax/RelaxOps.h"

#include "ShapeRuleHooks.h"
#include "CallVerification.h"
#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlc;

//===----------------------------------------------------------------------===//
// custom<SymList>: `[n, 2 * n]` as a ShapeAttr
//===----------------------------------------------------------------------===//

namespace mlc::relax {
static ParseResult parseSymList(OpAsmParser &parser, ShapeAttr &attr) {
  SmallVector<sym::Expr> dims;
  if (parseSymDims(parser, dims, /*ranked=*/nullptr, /*allowUnknown=*/false))
    return failure();
  attr = ShapeAttr::get(parser.getContext(), dims);
  return success();
}

static void printSymList(OpAsmPrinter &printer, Operation *, ShapeAttr attr) {
  printSymDims(printer, attr.getDims());
}

// custom<SymScalar>: one expression `4 * n`, kept as a one-entry ShapeAttr.
static ParseResult parseSymScalar(OpAsmParser &parser, ShapeAttr &attr) {
  sym::Expr expr;
  if (parseSymExpr(parser, expr))
    return failure();
  attr = ShapeAttr::get(parser.getContext(), {expr});
  return success();
}

static void printSymScalar(OpAsmPrinter &printer, Operation *, ShapeAttr attr) {
  if (attr.getDims().size() == 1 && attr.getDims().front())
    attr.getDims().front().print(printer.getStream());
  else // Malformed (the verifier rejects it): print something readable.
    printSymDims(printer, attr.getDims());
}
} // namespace mlc::relax

#define GET_OP_CLASSES
#include "mlc/Dialect/Relax/RelaxOps.cpp.inc"

namespace mlc::relax {

//===----------------------------------------------------------------------===//
// Helpers shared by the verifiers
//===----------------------------------------------------------------------===//

/// Fails with a diagnostic that shows both sides when the prover shows that
/// `type` cannot be `expected` (different dtype, rank or a dimension that is
/// provably different). `what` names the value being compared.
LogicalResult verifyNotProvablyDifferent(Operation *op,
                                         const sym::Analyzer &analyzer,
                                         TensorType type, TensorType expected,
                                         const Twine &what) {
  if (type.getElementType() != expected.getElementType())
    return op->emitOpError()
           << what << " has dtype " << type.getElementType() << " but "
           << expected.getElementType() << " is required";
  if (!type.getRanked() || !expected.getRanked())
    return success();
  if (type.getNumDims() != expected.getNumDims())
    return op->emitOpError()
           << what << " has rank " << type.getNumDims() << " but rank "
           << expected.getNumDims() << " is required (" << type << " vs "
           << expected << ")";
  for (auto [index, dims] :
       llvm::enumerate(llvm::zip_equal(type.getDims(), expected.getDims()))) {
    auto [dim, expectedDim] = dims;
    if (!dim || !expectedDim)
      continue;
    if (analyzer.proveEqual(dim, expectedDim) == sym::Proof::False)
      return op->emitOpError()
             << what << " dimension " << index << " is " << dimToString(dim)
             << " but " << dimToString(expectedDim)
             << " is required, and they provably differ";
  }
  return success();
}

/// Compares a relax tensor against the memref parameter of a prim_func.
static LogicalResult verifyAgainstBuffer(Operation *op,
                                         const sym::Analyzer &analyzer,
                                         TensorType type, Type paramType,
                                         StringRef callee, unsigned paramIndex,
                                         const Twine &what) {
  auto buffer = dyn_cast<MemRefType>(paramType);
  if (!buffer)
    return op->emitOpError()
           << what << " is passed to parameter " << paramIndex << " of @"
           << callee << ", which is " << paramType << ", not a buffer (memref)";
  sym::Context &ctx = RelaxDialect::getSymContext(op->getContext());
  SmallVector<sym::Expr> bufferDims;
  for (int64_t size : buffer.getShape())
    bufferDims.push_back(ShapedType::isDynamic(size) ? sym::Expr()
                                                     : ctx.constant(size));
  auto expected = TensorType::get(bufferDims, buffer.getElementType());
  return verifyNotProvablyDifferent(op, analyzer, type, expected,
                                    what + " (parameter " + Twine(paramIndex) +
                                        " of @" + callee + ")");
}

/// Matches the call against a kernel's symbolic signature (`sym_vars`,
/// `sym_shapes`): the kernel's variables are bound by the tir_vars, then by
/// the call's dims where the signature has a plain variable; each dim of the
/// signature whose variables are all bound is then compared with the call's
/// dim by the prover. A provable difference is an error showing both sides.
static LogicalResult
verifyAgainstSignature(Operation *op, const sym::Analyzer &analyzer,
                       Operation *kernel, ArrayRef<TensorType> bufferTypes,
                       unsigned numInputs, ArrayRef<sym::Expr> tirVars) {
  auto shapes = kernel->getAttrOfType<ArrayAttr>("sym_shapes");
  if (!shapes || shapes.size() != bufferTypes.size())
    return success();
  llvm::StringMap<sym::Expr> bindings;
  if (auto vars = kernel->getAttrOfType<mlc::SymShapeAttr>("sym_vars"))
    for (auto [var, value] : llvm::zip(vars.getDims(), tirVars))
      if (var.isVar() && value)
        bindings.try_emplace(var.getVarName(), value);
  auto signatureOf = [&](unsigned index) {
    return cast<mlc::SymShapeAttr>(shapes[index]).getDims();
  };
  for (auto [index, type] : llvm::enumerate(bufferTypes)) {
    if (!type.getRanked() || type.getNumDims() != signatureOf(index).size())
      continue;
    for (auto [dim, expected] :
         llvm::zip_equal(type.getDims(), signatureOf(index)))
      if (dim && expected.isVar())
        bindings.try_emplace(expected.getVarName(), dim);
  }
  for (auto [index, type] : llvm::enumerate(bufferTypes)) {
    ArrayRef<sym::Expr> signature = signatureOf(index);
    if (!type.getRanked() || type.getNumDims() != signature.size())
      continue;
    for (auto [dimIndex, pair] :
         llvm::enumerate(llvm::zip_equal(type.getDims(), signature))) {
      auto [dim, expected] = pair;
      SmallVector<StringRef> vars;
      sym::collectVars(expected, vars);
      if (!dim || llvm::any_of(vars, [&](StringRef var) {
            return !bindings.count(var);
          }))
        continue;
      FailureOr<sym::Expr> required = sym::substitute(expected, bindings);
      if (failed(required) ||
          analyzer.proveEqual(dim, *required) != sym::Proof::False)
        continue;
      std::string what = index < numInputs
                             ? ("input " + Twine(index)).str()
                             : ("output " + Twine(index - numInputs)).str();
      InFlightDiagnostic diag =
          op->emitOpError()
          << what << " dimension " << dimIndex << " is " << dimToString(dim)
          << " but the kernel's signature requires " << expected.str() << " = "
          << required->str() << ", and they provably differ";
      diag.attachNote(kernel->getLoc())
          << "kernel signature " << dimsToString(signature) << " for " << what;
      return diag;
    }
  }
  return success();
}

/// Verifies a destination-passing call of a prim_func: `bufferTypes` are the
/// types of the buffers passed (inputs, then the outputs it allocates),
/// followed by the `tirVars` index values.
LogicalResult verifyPrimFuncCall(Operation *op, FlatSymbolRefAttr callee,
                                 ArrayRef<TensorType> bufferTypes,
                                 unsigned numInputs,
                                 ArrayRef<sym::Expr> tirVars,
                                 SymbolTableCollection &symbolTable) {
  size_t numTirVars = tirVars.size();
  Operation *target = symbolTable.lookupNearestSymbolFrom(op, callee);
  if (!target)
    return op->emitOpError()
           << "callee " << callee << " does not name a symbol in scope";
  // A kernel is a tir.prim_func or, once lowered (or written by hand), a
  // func.func over memrefs.
  auto function = dyn_cast<FunctionOpInterface>(target);
  StringRef kind = target->getName().getStringRef();
  if (!function || (kind != "tir.prim_func" && kind != "func.func"))
    return op->emitOpError()
           << "callee " << callee
           << " must be a tir.prim_func or a func.func, but it is a '"
           << target->getName() << "'";
  ArrayRef<Type> params = function.getArgumentTypes();
  size_t expectedParams = bufferTypes.size() + numTirVars;
  if (params.size() != expectedParams)
    return op->emitOpError()
           << "passes " << expectedParams << " values to " << callee << " ("
           << numInputs << " inputs, " << bufferTypes.size() - numInputs
           << " outputs, " << numTirVars << " tir_vars) but it takes "
           << params.size() << " parameters";
  sym::Analyzer analyzer = getAnalyzerFor(op);
  StringRef name = callee.getValue();
  for (auto [index, type] : llvm::enumerate(bufferTypes)) {
    std::string what = index < numInputs
                           ? ("input " + Twine(index)).str()
                           : ("output " + Twine(index - numInputs)).str();
    if (failed(verifyAgainstBuffer(op, analyzer, type, params[index], name,
                                   index, what)))
      return failure();
  }
  for (size_t i = bufferTypes.size(); i < params.size(); ++i)
    if (!params[i].isIndex())
      return op->emitOpError()
             << "tir_vars are passed to parameter " << i << " of " << callee
             << ", which must be 'index' but is " << params[i];
  return verifyAgainstSignature(op, analyzer, target, bufferTypes, numInputs,
                                tirVars);
}

static SmallVector<TensorType> tensorTypes(TypeRange types) {
  return llvm::map_to_vector(types,
                             [](Type type) { return cast<TensorType>(type); });
}

static ArrayRef<sym::Expr> tirVarExprs(std::optional<ShapeAttr> tirVars) {
  return tirVars ? tirVars->getDims() : ArrayRef<sym::Expr>();
}

//===----------------------------------------------------------------------===//
// CallTIROp
//===----------------------------------------------------------------------===//

/// TVM's calls in destination-passing style produce at least one tensor.
static LogicalResult verifyHasOutputs(Operation *op) {
  if (op->getNumResults() == 0)
    return op->emitOpError("must produce at least one output tensor");
  return success();
}

LogicalResult CallTIROp::verify() {
  if (failed(verifyHasOutputs(*this)))
    return failure();
  SmallVector<Type> types(getInputs().getTypes());
  llvm::append_range(types, getResultTypes());
  return verifyInRelaxFunction(*this);
}

LogicalResult CallTIROp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  SmallVector<TensorType> buffers = tensorTypes(getInputs().getTypes());
  llvm::append_range(buffers, tensorTypes(getResultTypes()));
  return verifyPrimFuncCall(*this, getCalleeAttr(), buffers, getInputs().size(),
                            tirVarExprs(getTirVars()), symbolTable);
}

//===----------------------------------------------------------------------===//
// CallTIRInplaceOp
//===----------------------------------------------------------------------===//

LogicalResult CallTIRInplaceOp::verify() {
  if (failed(verifyHasOutputs(*this)))
    return failure();
  ArrayRef<int64_t> indices = getInplaceIndices();
  if (indices.size() != getNumResults())
    return emitOpError() << "has " << getNumResults() << " results but "
                         << indices.size() << " inplace indices";
  llvm::SmallSet<int64_t, 4> seen;
  sym::Analyzer analyzer = getAnalyzerFor(*this);
  for (auto [result, index] : llvm::enumerate(indices)) {
    if (index == -1)
      continue;
    if (index < 0 || index >= static_cast<int64_t>(getInputs().size()))
      return emitOpError() << "inplace index " << index << " of result "
                           << result << " is not -1 or the index of one of "
                           << getInputs().size() << " inputs";
    if (!seen.insert(index).second)
      return emitOpError() << "input " << index
                           << " is written in place by two results";
    // The overwritten value is dead after the call (TVM's
    // DataflowUseInplaceCalls guarantees it); a later use would see the
    // result instead of the value it names.
    Value input = getInputs()[index];
    for (Operation *user : input.getUsers()) {
      Operation *inBlock =
          getOperation()->getBlock()->findAncestorOpInBlock(*user);
      if (inBlock && inBlock != getOperation() &&
          getOperation()->isBeforeInBlock(inBlock))
        return emitOpError() << "overwrites input " << index
                             << " in place, but it is used after the call";
    }
    auto inputType = cast<TensorType>(getInputs()[index].getType());
    auto resultType = cast<TensorType>(getResult(result).getType());
    if (failed(verifyNotProvablyDifferent(
            *this, analyzer, resultType, inputType,
            "result " + Twine(result) + " (in place of input " + Twine(index) +
                ")")))
      return failure();
  }
  SmallVector<Type> types(getInputs().getTypes());
  llvm::append_range(types, getResultTypes());
  return verifyInRelaxFunction(*this);
}

LogicalResult
CallTIRInplaceOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  SmallVector<TensorType> buffers = tensorTypes(getInputs().getTypes());
  for (auto [result, index] : llvm::enumerate(getInplaceIndices()))
    if (index == -1)
      buffers.push_back(cast<TensorType>(getResult(result).getType()));
  return verifyPrimFuncCall(*this, getCalleeAttr(), buffers, getInputs().size(),
                            tirVarExprs(getTirVars()), symbolTable);
}

//===----------------------------------------------------------------------===//
// CallDPSPackedOp
//===----------------------------------------------------------------------===//

LogicalResult CallDPSPackedOp::verify() {
  if (failed(verifyPackedCallee(*this, getCallee())))
    return failure();
  if (failed(verifyHasOutputs(*this)))
    return failure();
  SmallVector<Type> types(getInputs().getTypes());
  llvm::append_range(types, getResultTypes());
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// CallPackedOp
//===----------------------------------------------------------------------===//

LogicalResult CallPackedOp::verify() {
  if (failed(verifyPackedCallee(*this, getCallee())))
    return failure();
  for (auto [index, type] : llvm::enumerate(getResultTypes()))
    if (isa<TensorType>(type) && !cast<TensorType>(type).getRanked())
      return emitOpError("result ")
             << index << " needs a known rank (the caller provides its shape "
             << "array), got " << type;
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// MatchCastOp
//===----------------------------------------------------------------------===//

/// The kind of relax value a type describes, for mismatch diagnostics.
static StringRef valueKind(Type type) {
  if (isa<TensorType>(type))
    return "tensor";
  if (isa<ShapeType>(type))
    return "shape";
  if (isa<TupleType>(type))
    return "tuple";
  return "object";
}

/// Fails with a diagnostic when a value of type `from` provably cannot have
/// type `to`: different kinds, dtypes, ranks, dims, shape lengths or tuple
/// arities, recursively through tuples. `what` names the value.
// NOLINTNEXTLINE(misc-no-recursion)
static LogicalResult verifyCastable(Operation *op,
                                    const sym::Analyzer &analyzer, Type from,
                                    Type to, const Twine &what) {
  // An object may hold anything, and anything is an object.
  if (isa<ObjectType>(from) || isa<ObjectType>(to))
    return success();
  if (valueKind(from) != valueKind(to))
    return op->emitOpError()
           << "cannot match a " << valueKind(from) << " (" << from
           << ") against a " << valueKind(to) << " (" << to << ")";
  if (auto fromTensor = dyn_cast<TensorType>(from))
    return verifyNotProvablyDifferent(op, analyzer, fromTensor,
                                      cast<TensorType>(to), what);
  if (auto fromShape = dyn_cast<ShapeType>(from)) {
    auto toShape = cast<ShapeType>(to);
    if (fromShape.getRanked() && toShape.getRanked() &&
        fromShape.getDims().size() != toShape.getDims().size())
      return op->emitOpError()
             << "cannot match a shape of " << fromShape.getDims().size()
             << " values (" << from << ") against one of "
             << toShape.getDims().size() << " values (" << to << ")";
    return success();
  }
  auto fromTuple = dyn_cast<TupleType>(from);
  auto toTuple = dyn_cast<TupleType>(to);
  if (!fromTuple || !toTuple)
    return success();
  if (fromTuple.size() != toTuple.size())
    return op->emitOpError() << "cannot match a tuple of " << fromTuple.size()
                             << " elements (" << from << ") against one of "
                             << toTuple.size() << " elements (" << to << ")";
  for (auto [index, types] : llvm::enumerate(
           llvm::zip_equal(fromTuple.getTypes(), toTuple.getTypes())))
    if (failed(verifyCastable(op, analyzer, std::get<0>(types),
                              std::get<1>(types),
                              what + " element " + Twine(index))))
      return failure();
  return success();
}

LogicalResult MatchCastOp::verify() {
  Type from = getValue().getType(), to = getResult().getType();
  if (failed(verifyCastable(*this, getAnalyzerFor(*this), from, to, "value")))
    return failure();
  return verifyInRelaxFunction(*this);
}

//===----------------------------------------------------------------------===//
// ShapeOfOp, ShapeOp, ConstantOp
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// TupleOp, TupleGetItemOp
//===----------------------------------------------------------------------===//

LogicalResult TupleOp::inferReturnTypes(MLIRContext *context,
                                        std::optional<Location>,
                                        ValueRange operands, DictionaryAttr,
                                        OpaqueProperties, RegionRange,
                                        SmallVectorImpl<Type> &inferred) {
  inferred.push_back(TupleType::get(context, operands.getTypes()));
  return success();
}

LogicalResult
TupleGetItemOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                 ValueRange operands, DictionaryAttr,
                                 OpaqueProperties properties, RegionRange,
                                 SmallVectorImpl<Type> &inferred) {
  auto tuple = dyn_cast<TupleType>(operands[0].getType());
  IntegerAttr index = properties.as<Properties *>()->index;
  if (!tuple || !index)
    return failure();
  int64_t i = index.getInt();
  if (i < 0 || i >= static_cast<int64_t>(tuple.size()))
    return emitOptionalError(loc, "index ", i, " is out of range for ", tuple,
                             " of ", tuple.size(), " fields");
  inferred.push_back(tuple.getType(i));
  return success();
}

LogicalResult ShapeOfOp::inferReturnTypes(MLIRContext *context,
                                          std::optional<Location>,
                                          ValueRange operands, DictionaryAttr,
                                          OpaqueProperties, RegionRange,
                                          SmallVectorImpl<Type> &inferred) {
  auto tensor = dyn_cast<TensorType>(operands[0].getType());
  if (!tensor)
    return failure();
  inferred.push_back(tensor.getRanked()
                         ? ShapeType::get(context, tensor.getDims())
                         : ShapeType::get(context));
  return success();
}

LogicalResult ShapeOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location>, ValueRange, DictionaryAttr,
    OpaqueProperties properties, RegionRange, SmallVectorImpl<Type> &inferred) {
  ShapeAttr value = properties.as<Properties *>()->value;
  if (!value)
    return failure();
  inferred.push_back(ShapeType::get(context, value.getDims()));
  return success();
}

LogicalResult ShapeOfOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult ShapeOp::verify() { return verifyInRelaxFunction(*this); }

LogicalResult ConstantOp::inferReturnTypes(MLIRContext *context,
                                           std::optional<Location> location,
                                           ValueRange, DictionaryAttr,
                                           OpaqueProperties properties,
                                           RegionRange,
                                           SmallVectorImpl<Type> &inferred) {
  ElementsAttr value = properties.as<Properties *>()->value;
  if (!value)
    return failure();
  ShapedType type = value.getShapedType();
  if (!type.hasStaticShape() || !isValidElementType(type.getElementType()))
    return emitOptionalError(location,
                             "relax.constant needs a statically "
                             "shaped integer or float value, got ",
                             type);
  sym::Context &ctx = RelaxDialect::getSymContext(context);
  SmallVector<sym::Expr> dims = llvm::map_to_vector(
      type.getShape(), [&](int64_t size) { return ctx.constant(size); });
  inferred.push_back(TensorType::get(dims, type.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// DataflowOp, OutputOp
//===----------------------------------------------------------------------===//

LogicalResult DataflowOp::verifyRegions() {
  if (!isa_and_nonnull<FunctionOpInterface>((*this)->getParentOp()))
    return emitOpError("must be directly inside a function body");
  for (Operation &op : getBody().front()) {
    if (op.getNumRegions() != 0)
      return op.emitOpError("has regions; relax.dataflow may not contain "
                            "control flow or nested dataflow");
    // match_cast stands for a run-time check but TVM allows it in dataflow
    // blocks: it defines symbolic variables and has no other effect.
    if (isa<MatchCastOp>(op))
      continue;
    if (!isMemoryEffectFree(&op))
      return op.emitOpError("has side effects and may not appear inside "
                            "relax.dataflow, whose body must be pure");
  }
  // Scope (the results may use what the body's casts define) is checked
  // with the function.
  return verifyInRelaxFunction(*this);
}

LogicalResult OutputOp::verify() {
  auto parent = cast<DataflowOp>((*this)->getParentOp());
  if (getValues().getTypes() != parent.getResultTypes())
    return emitOpError() << "returns (" << getValues().getTypes()
                         << ") but the enclosing relax.dataflow produces ("
                         << parent.getResultTypes() << ")";
  return success();
}

} // namespace mlc::relax
