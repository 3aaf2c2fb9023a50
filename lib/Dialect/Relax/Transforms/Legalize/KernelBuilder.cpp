//===- KernelBuilder.cpp - Building the kernels of relax-legalize ---------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/Relax/RelaxDialect.h"
#include "mlc/Dialect/Relax/RelaxTypes.h"

#include "mlc/Transforms/SymbolicArith.h"
#include "mlir/Dialect/Affine/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <numeric>

using namespace mlir;

namespace mlc {

/// The C math library's functions, which the CPU pipeline calls for what
/// LLVM has no instruction for (f64 erf, ...): a kernel named like one would
/// take its place in the module (math-to-libm reuses an existing symbol).
static bool isMathLibraryName(StringRef name) {
  static constexpr StringLiteral kNames[] = {
      "abs",   "acos",  "acosh", "asin",  "asinh",     "atan",
      "atan2", "atanh", "cbrt",  "ceil",  "copysign",  "cos",
      "cosh",  "erf",   "erfc",  "exp",   "exp2",      "expm1",
      "fabs",  "floor", "fma",   "fmod",  "log",       "log10",
      "log1p", "log2",  "pow",   "round", "roundeven", "rsqrt",
      "sin",   "sinh",  "sqrt",  "tan",   "tanh",      "trunc"};
  return llvm::is_contained(kNames, name);
}

std::string LegalizeKernelCache::getUniqueName(StringRef base) const {
  std::string name = base.str();
  auto isTaken = [&](StringRef candidate) {
    return isMathLibraryName(candidate) ||
           SymbolTable::lookupSymbolIn(module, candidate);
  };
  for (unsigned suffix = 1; isTaken(name); ++suffix)
    name = (base + "_" + Twine(suffix)).str();
  return name;
}

namespace legalize {

//===----------------------------------------------------------------------===//
// KernelSignature
//===----------------------------------------------------------------------===//

std::string KernelSignature::getParamVarName(unsigned index) {
  return "v" + std::to_string(index);
}

KernelSignature::KernelSignature(ArrayRef<TensorType> inputs,
                                 ArrayRef<TensorType> outputs,
                                 ArrayRef<sym::Expr> extras) {
  SmallVector<TensorType> all(inputs);
  llvm::append_range(all, outputs);
  if (all.empty())
    return;
  sym::Context &ctx = relax::RelaxDialect::getSymContext(all[0].getContext());

  SmallVector<StringRef> names;
  for (TensorType type : all)
    for (sym::Expr dim : type.getDims())
      if (dim)
        sym::collectVars(dim, names);
  for (sym::Expr extra : extras)
    sym::collectVars(extra, names);
  // Substitution is simultaneous, so a caller's variable that happens to be
  // called `v1` cannot be captured.
  llvm::StringMap<sym::Expr> renaming;
  for (auto [index, name] : llvm::enumerate(names)) {
    vars.push_back(ctx.var(name));
    renaming[name] = ctx.var(getParamVarName(index));
  }
  auto rename = [&](sym::Expr expr) {
    // Renaming a variable to a variable cannot divide by zero.
    FailureOr<sym::Expr> renamed =
        expr ? sym::substitute(expr, renaming) : FailureOr<sym::Expr>(expr);
    return succeeded(renamed) ? *renamed : expr;
  };
  auto renameType = [&](TensorType type) {
    return TensorType::get(llvm::map_to_vector(type.getDims(), rename),
                           type.getElementType());
  };
  this->inputs = llvm::map_to_vector(inputs, renameType);
  this->outputs = llvm::map_to_vector(outputs, renameType);
  this->extras = llvm::map_to_vector(extras, rename);
}

std::string KernelSignature::getKey(StringRef name, StringRef attrs) const {
  std::string key;
  llvm::raw_string_ostream os(key);
  os << name << '{' << attrs << "}(";
  llvm::interleaveComma(inputs, os);
  os << ") -> (";
  llvm::interleaveComma(outputs, os);
  os << ')';
  if (!extras.empty())
    os << " with " << relax::dimsToString(extras);
  return key;
}

relax::ShapeAttr KernelSignature::getTirVars(MLIRContext *ctx) const {
  if (vars.empty())
    return {};
  return relax::ShapeAttr::get(ctx, vars);
}

//===----------------------------------------------------------------------===//
// BlockBuilder
//===----------------------------------------------------------------------===//

// NOLINTNEXTLINE(misc-no-recursion): bounded by the depth of the expression.
Value BlockBuilder::index(AffineExpr expr) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr))
    return iterVars[dim.getPosition()];
  if (auto constant = dyn_cast<AffineConstantExpr>(expr)) {
    Value &value = constants[constant.getValue()];
    if (!value)
      value = arith::ConstantIndexOp::create(builder, loc, constant.getValue());
    return value;
  }
  if (auto symbol = dyn_cast<AffineSymbolExpr>(expr))
    return symbols[symbol.getPosition()];
  return affine::expandAffineExpr(builder, loc, expr, iterVars, symbols);
}

Value BlockBuilder::load(const Access &access) {
  SmallVector<Value> indices = llvm::map_to_vector(
      access.indices, [&](AffineExpr e) { return index(e); });
  return memref::LoadOp::create(builder, loc, access.buffer, indices);
}

Value BlockBuilder::loadAt(const Access &access, ValueRange indices) {
  return memref::LoadOp::create(builder, loc, access.buffer, indices);
}

void BlockBuilder::store(Value value, const Access &access) {
  SmallVector<Value> indices = llvm::map_to_vector(
      access.indices, [&](AffineExpr e) { return index(e); });
  memref::StoreOp::create(builder, loc, value, access.buffer, indices);
}

//===----------------------------------------------------------------------===//
// KernelBuilder
//===----------------------------------------------------------------------===//

KernelBuilder::KernelBuilder(OpBuilder &builder, Location loc,
                             const KernelSignature &signature,
                             tir::PrimFuncOp kernel)
    : builder(builder), loc(loc), signature(signature), kernel(kernel) {
  unsigned first = signature.getInputs().size() + signature.getOutputs().size();
  for (unsigned index = 0, e = signature.getVars().size(); index < e; ++index)
    varParams[KernelSignature::getParamVarName(index)] =
        kernel.getArgument(first + index);
}

/// The kernel states its shapes over its own variables (the renamed ones),
/// so call sites are matched against it symbolically. A dim that no
/// variable names (`?`) leaves the kernel without a signature, and a static
/// kernel needs none (its types say it all).
static void setSymbolicSignature(tir::PrimFuncOp kernel,
                                 const KernelSignature &signature) {
  if (signature.getVars().empty())
    return;
  MLIRContext *ctx = kernel.getContext();
  SmallVector<Attribute> shapes;
  for (TensorType type : llvm::concat<const TensorType>(
           signature.getInputs(), signature.getOutputs())) {
    if (llvm::any_of(type.getDims(), [](sym::Expr dim) { return !dim; }))
      return;
    shapes.push_back(SymShapeAttr::get(ctx, type.getDims()));
  }
  sym::Context &symbols = MLCDialect::getSymContext(ctx);
  SmallVector<sym::Expr> vars = llvm::map_to_vector(
      llvm::seq<unsigned>(0, signature.getVars().size()), [&](unsigned index) {
        return symbols.var(KernelSignature::getParamVarName(index));
      });
  kernel.setSymShapesAttr(ArrayAttr::get(ctx, shapes));
  kernel.setSymVarsAttr(SymShapeAttr::get(ctx, vars));
}

FlatSymbolRefAttr KernelBuilder::getOrCreate(PatternRewriter &rewriter,
                                             Operation *user,
                                             LegalizeKernelCache &cache,
                                             const KernelSignature &signature,
                                             StringRef name, StringRef attrs,
                                             BuildFn build) {
  std::string key = signature.getKey(name, attrs);
  if (FlatSymbolRefAttr kernel = cache.lookup(key))
    return kernel;

  MLIRContext *ctx = rewriter.getContext();
  Operation *moduleOp = cache.getModule();
  Operation *anchor = user;
  while (anchor->getParentOp() != moduleOp)
    anchor = anchor->getParentOp();

  SmallVector<Type> params;
  for (TensorType type : llvm::concat<const TensorType>(signature.getInputs(),
                                                        signature.getOutputs()))
    params.push_back(MemRefType::get(type.getShape(), type.getElementType()));
  params.append(signature.getVars().size(), rewriter.getIndexType());

  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(anchor);
  Location loc = user->getLoc();
  auto kernel = tir::PrimFuncOp::create(
      rewriter, loc, cache.getUniqueName(name),
      FunctionType::get(ctx, params, {}),
      rewriter.getNamedAttr(SymbolTable::getVisibilityAttrName(),
                            rewriter.getStringAttr("private")));
  setSymbolicSignature(kernel, signature);
  Block *entry = rewriter.createBlock(
      &kernel.getBody(), {}, params, SmallVector<Location>(params.size(), loc));
  KernelBuilder kernelBuilder(rewriter, loc, signature, kernel);
  build(kernelBuilder);
  rewriter.setInsertionPointToEnd(entry);
  tir::ReturnOp::create(rewriter, loc);

  auto symbol = FlatSymbolRefAttr::get(kernel.getSymNameAttr());
  cache.insert(key, symbol);
  return symbol;
}

Value KernelBuilder::getInput(unsigned index) {
  return kernel.getArgument(index);
}

Value KernelBuilder::getOutput(unsigned index) {
  return kernel.getArgument(signature.getInputs().size() + index);
}

TensorType KernelBuilder::getInputType(unsigned index) const {
  return signature.getInputs()[index];
}

TensorType KernelBuilder::getOutputType(unsigned index) const {
  return signature.getOutputs()[index];
}

Value KernelBuilder::getInputDim(unsigned index, unsigned dim) {
  return getDim(getInput(index), getInputType(index), dim);
}

Value KernelBuilder::getOutputDim(unsigned index, unsigned dim) {
  return getDim(getOutput(index), getOutputType(index), dim);
}

Value KernelBuilder::getDim(Value buffer, TensorType type, unsigned dim) {
  if (sym::Expr expr = type.getDims()[dim])
    return materialize(expr);
  // An unknown dim has no variable to pass: the buffer knows its size.
  OpBuilder::InsertionGuard guard(builder);
  setInsertionPointToPrologue();
  return memref::DimOp::create(builder, loc, buffer, dim);
}

void KernelBuilder::setInsertionPointToPrologue() {
  if (firstNest)
    builder.setInsertionPoint(firstNest);
  else
    builder.setInsertionPointToEnd(&kernel.getBody().front());
}

Value KernelBuilder::getIndexConstant(int64_t value) {
  Value &result = constants[value];
  if (!result) {
    OpBuilder::InsertionGuard guard(builder);
    setInsertionPointToPrologue();
    result = arith::ConstantIndexOp::create(builder, loc, value);
  }
  return result;
}

// NOLINTNEXTLINE(misc-no-recursion): bounded by the depth of the expression.
Value KernelBuilder::materialize(sym::Expr expr) {
  assert(expr && "unknown dims are read with memref.dim");
  if (Value value = exprValues.lookup(expr))
    return value;
  Value result;
  switch (expr.getKind()) {
  case sym::ExprKind::Constant:
    result = getIndexConstant(*expr.getConstant());
    break;
  case sym::ExprKind::Var: {
    auto param = varParams.find(expr.getVarName());
    assert(param != varParams.end() && "the signature renames every variable");
    result = param->second;
    break;
  }
  default: {
    SmallVector<Value> operands = llvm::map_to_vector(
        expr.getOperands(), [&](sym::Expr e) { return materialize(e); });
    OpBuilder::InsertionGuard guard(builder);
    setInsertionPointToPrologue();
    result = operands.front();
    for (Value operand : llvm::drop_begin(operands))
      result =
          createSymbolicBinaryOp(builder, loc, expr.getKind(), result, operand);
    break;
  }
  }
  exprValues[expr] = result;
  return result;
}

Value KernelBuilder::allocBuffer(ArrayRef<Value> extents, Type elementType) {
  SmallVector<int64_t> shape;
  SmallVector<Value> dynamicSizes;
  for (Value extent : extents) {
    if (std::optional<int64_t> size = getConstantIntValue(extent)) {
      shape.push_back(*size);
    } else {
      shape.push_back(ShapedType::kDynamic);
      dynamicSizes.push_back(extent);
    }
  }
  OpBuilder::InsertionGuard guard(builder);
  setInsertionPointToPrologue();
  return tir::AllocBufferOp::create(
      builder, loc, MemRefType::get(shape, elementType), dynamicSizes);
}

Value KernelBuilder::flatten(Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  if (type.getRank() == 1)
    return buffer;
  OpBuilder::InsertionGuard guard(builder);
  setInsertionPointToPrologue();
  if (type.getRank() == 0)
    return memref::ExpandShapeOp::create(
        builder, loc, MemRefType::get({1}, type.getElementType()), buffer,
        ArrayRef<ReassociationIndices>{},
        ArrayRef<OpFoldResult>{builder.getIndexAttr(1)});
  ReassociationIndices all(type.getRank());
  std::iota(all.begin(), all.end(), 0);
  return memref::CollapseShapeOp::create(builder, loc, buffer,
                                         ArrayRef<ReassociationIndices>{all});
}

void KernelBuilder::buildBlock(StringRef name, ArrayRef<IterVar> iterVars,
                               ArrayRef<Access> reads, ArrayRef<Access> writes,
                               BlockBodyFn body, BlockBodyFn init,
                               ValueRange symbols) {
  MLIRContext *ctx = getContext();
  unsigned numIterVars = iterVars.size();
  Value zero = numIterVars ? getIndexConstant(0) : Value();

  SmallVector<Value> loopVars;
  Operation *outermost = nullptr;
  for (const IterVar &iterVar : iterVars) {
    // Serial loops: parallelism, vectorization and tiling are the target's
    // decisions (tir-default-schedule's rules).
    auto loop = tir::ForOp::create(builder, loc, zero, iterVar.extent, Value(),
                                   tir::ForKind::Serial);
    if (!outermost)
      outermost = loop;
    builder.setInsertionPointToStart(loop.getBody());
    loopVars.push_back(loop.getInductionVar());
  }

  auto regions = [&](ArrayRef<Access> accesses) {
    return llvm::map_to_vector(accesses, [&](const Access &access) {
      unsigned numSymbols = symbols.size();
      auto start = AffineMap::get(numIterVars, numSymbols, access.indices, ctx);
      SmallVector<AffineExpr> extents(access.extents);
      if (extents.empty())
        extents.assign(access.indices.size(), getAffineConstantExpr(1, ctx));
      return tir::BufferRegionAttr::get(
          ctx, start, AffineMap::get(numIterVars, numSymbols, extents, ctx));
    });
  };
  auto buffers = [](ArrayRef<Access> accesses) {
    return llvm::map_to_vector(
        accesses, [](const Access &access) { return access.buffer; });
  };
  SmallVector<tir::IterKind> kinds = llvm::map_to_vector(
      iterVars, [](const IterVar &iterVar) { return iterVar.kind; });
  SmallVector<OpFoldResult> extents =
      llvm::map_to_vector(iterVars, [](const IterVar &iterVar) {
        return getAsOpFoldResult(iterVar.extent);
      });
  auto block = tir::BlockOp::create(
      builder, loc, name, kinds, extents, loopVars, buffers(reads),
      regions(reads), buffers(writes), regions(writes), Value(), symbols);
  if (!outermost)
    outermost = block;
  if (!firstNest)
    firstNest = outermost;

  {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(block.getBody());
    BlockBuilder bodyBuilder(builder, loc, block.getIterVars(), symbols);
    body(bodyBuilder);
  }
  if (init) {
    OpBuilder::InsertionGuard guard(builder);
    Block *initBlock = builder.createBlock(
        &block.getInit(), {},
        SmallVector<Type>(numIterVars, builder.getIndexType()),
        SmallVector<Location>(numIterVars, loc));
    BlockBuilder initBuilder(builder, loc, initBlock->getArguments(), symbols);
    init(initBuilder);
    tir::YieldOp::create(builder, loc);
  }
  builder.setInsertionPointAfter(outermost);
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

FailureOr<std::optional<int64_t>>
normalizeOptionalAxis(PatternRewriter &rewriter, Operation *op,
                      std::optional<int64_t> axis, int64_t rank) {
  if (!axis)
    return std::optional<int64_t>();
  FailureOr<int64_t> normalized = relax::normalizeAxis(*axis, rank);
  if (failed(normalized))
    return rewriter.notifyMatchFailure(op, "invalid axis");
  return std::optional<int64_t>(*normalized);
}

SmallVector<TensorType> getOperandTypes(Operation *op) {
  return llvm::map_to_vector(op->getOperandTypes(),
                             [](Type type) { return cast<TensorType>(type); });
}

std::string formatAxes(ArrayRef<int64_t> axes) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '[';
  llvm::interleaveComma(axes, os);
  os << ']';
  return text;
}

/// Why kernels cannot compute on `type` yet, or an empty string.
static std::string getUnsupportedElementTypeReason(Type type) {
  if (isa<FloatType>(type))
    return {};
  auto integer = dyn_cast<IntegerType>(type);
  if (integer && integer.isSignless() && integer.getWidth() > 1)
    return {};
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "element type " << type
     << " is not supported yet; kernels compute on floats and signless "
        "integers (i8 to i64)";
  return text;
}

/// Checks one operand or result type; `what` names it ("operand #0").
static LogicalResult checkKernelType(PatternRewriter &rewriter, Operation *op,
                                     Type type, const Twine &what,
                                     bool isResult, bool computes) {
  auto tensor = dyn_cast<TensorType>(type);
  if (!tensor)
    return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
      diag << what << " is " << type << ", not a relax tensor";
    });
  if (!tensor.getRanked())
    return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
      diag << what << " has unknown rank (" << type
           << "); a kernel needs the rank, which relax.match_cast can "
              "assert";
    });
  std::string reason =
      computes ? getUnsupportedElementTypeReason(tensor.getElementType())
               : std::string();
  if (!reason.empty())
    return rewriter.notifyMatchFailure(
        op, [&](Diagnostic &diag) { diag << reason << " (" << what << ")"; });
  for (auto [position, dimension] : llvm::enumerate(tensor.getDims())) {
    size_t index = position;
    sym::Expr dim = dimension;
    if (!dim && isResult)
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "dimension " << index << " of " << what << " " << type
             << " is unknown (?), so the caller cannot allocate it";
      });
    std::optional<int64_t> size = dim ? dim.getConstant() : std::nullopt;
    if (size && *size <= 0)
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "dimension " << index << " of " << what << " " << type << " is "
             << *size << "; empty tensors are not supported yet";
      });
  }
  return success();
}

LogicalResult checkKernelTypes(PatternRewriter &rewriter, Operation *op,
                               bool computes) {
  for (auto [index, operand] : llvm::enumerate(op->getOperands()))
    if (failed(checkKernelType(rewriter, op, operand.getType(),
                               "operand #" + Twine(index), false, computes)))
      return failure();
  for (auto [index, result] : llvm::enumerate(op->getResults()))
    if (failed(checkKernelType(rewriter, op, result.getType(),
                               op->getNumResults() == 1
                                   ? Twine("the result type")
                                   : "result type #" + Twine(index),
                               true, computes)))
      return failure();
  return success();
}

FailureOr<SmallVector<AffineExpr>> getBroadcastIndices(
    PatternRewriter &rewriter, Operation *op, ArrayRef<sym::Expr> operandDims,
    ArrayRef<sym::Expr> resultDims, unsigned firstIterVar, StringRef what) {
  MLIRContext *ctx = op->getContext();
  if (operandDims.size() > resultDims.size())
    return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
      diag << "the " << what << " " << relax::dimsToString(operandDims)
           << " has more dimensions than the result "
           << relax::dimsToString(resultDims);
    });
  size_t offset = resultDims.size() - operandDims.size();
  SmallVector<AffineExpr> indices;
  for (size_t index = 0; index < operandDims.size(); ++index) {
    sym::Expr dim = operandDims[index];
    sym::Expr resultDim = resultDims[offset + index];
    if (dim && dim == resultDim) {
      indices.push_back(getAffineDimExpr(firstIterVar + offset + index, ctx));
    } else if (dim && dim.getConstant() == 1) {
      indices.push_back(getAffineConstantExpr(0, ctx));
    } else {
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "dimension " << index << " of the " << what << " ("
             << relax::dimToString(dim) << ") is neither 1 nor the dimension "
             << offset + index << " of the result ("
             << relax::dimToString(resultDim)
             << "), so whether it broadcasts cannot be decided";
      });
    }
  }
  return indices;
}

LogicalResult checkBroadcastDecided(PatternRewriter &rewriter, Operation *op,
                                    ArrayRef<sym::Expr> lhsDims,
                                    ArrayRef<sym::Expr> rhsDims,
                                    ArrayRef<sym::Expr> resultDims,
                                    StringRef what) {
  size_t rank = resultDims.size();
  for (size_t position = 0; position < rank; ++position) {
    if (resultDims[position])
      continue;
    // The pair of operand dims that broadcast into this position; an operand
    // too short to reach it is padded with 1s and cannot be the cause.
    size_t fromEnd = rank - position;
    auto operandDim = [&](ArrayRef<sym::Expr> dims,
                          int64_t &index) -> std::optional<sym::Expr> {
      if (fromEnd > dims.size())
        return std::nullopt;
      index = dims.size() - fromEnd;
      return dims[index];
    };
    int64_t lhsIndex = -1, rhsIndex = -1;
    std::optional<sym::Expr> lhs = operandDim(lhsDims, lhsIndex);
    std::optional<sym::Expr> rhs = operandDim(rhsDims, rhsIndex);
    return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
      diag << "broadcasting the " << what << " " << relax::dimsToString(lhsDims)
           << " and " << relax::dimsToString(rhsDims) << ": ";
      if (lhs && rhs && *lhs && *rhs)
        diag << "dimension " << lhsIndex << " of the lhs (" << lhs->str()
             << ") and dimension " << rhsIndex << " of the rhs (" << rhs->str()
             << ") are neither provably equal nor 1, so which one "
                "broadcasts cannot be decided";
      else if (lhs && !*lhs)
        diag << "dimension " << lhsIndex
             << " of the lhs is unknown (?), so whether it broadcasts "
                "cannot be decided";
      else
        diag << "dimension " << rhsIndex
             << " of the rhs is unknown (?), so whether it broadcasts "
                "cannot be decided";
      diag << "; relax.match_cast can give the operands shapes that decide "
              "it";
    });
  }
  return success();
}

SmallVector<AffineExpr> getIdentityIndices(MLIRContext *ctx, unsigned first,
                                           unsigned count) {
  SmallVector<AffineExpr> indices;
  for (unsigned i = 0; i < count; ++i)
    indices.push_back(getAffineDimExpr(first + i, ctx));
  return indices;
}

//===----------------------------------------------------------------------===//
// Scalar code
//===----------------------------------------------------------------------===//

Value createScalarConstant(OpBuilder &b, Location loc, Type type,
                           double value) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, loc, FloatAttr::get(floatType, value));
  return arith::ConstantOp::create(
      b, loc, IntegerAttr::get(type, static_cast<int64_t>(value)));
}

Value createLowest(OpBuilder &b, Location loc, Type type) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        b, loc,
        FloatAttr::get(floatType, APFloat::getInf(floatType.getFloatSemantics(),
                                                  /*Negative=*/true)));
  unsigned width = cast<IntegerType>(type).getWidth();
  return arith::ConstantOp::create(
      b, loc, IntegerAttr::get(type, APInt::getSignedMinValue(width)));
}

Value createHighest(OpBuilder &b, Location loc, Type type) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        b, loc,
        FloatAttr::get(floatType,
                       APFloat::getInf(floatType.getFloatSemantics())));
  unsigned width = cast<IntegerType>(type).getWidth();
  return arith::ConstantOp::create(
      b, loc, IntegerAttr::get(type, APInt::getSignedMaxValue(width)));
}

static bool isFloat(Value value) { return isa<FloatType>(value.getType()); }

Value createAdd(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isFloat(lhs))
    return arith::AddFOp::create(b, loc, lhs, rhs);
  return arith::AddIOp::create(b, loc, lhs, rhs);
}

Value createSub(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isFloat(lhs))
    return arith::SubFOp::create(b, loc, lhs, rhs);
  return arith::SubIOp::create(b, loc, lhs, rhs);
}

Value createMul(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isFloat(lhs))
    return arith::MulFOp::create(b, loc, lhs, rhs);
  return arith::MulIOp::create(b, loc, lhs, rhs);
}

Value createNonTrappingDivisor(OpBuilder &b, Location loc, Value divisor,
                               Value &byZero, Value &byMinusOne) {
  Type type = divisor.getType();
  Value zero = createScalarConstant(b, loc, type, 0);
  Value one = createScalarConstant(b, loc, type, 1);
  Value minusOne = createScalarConstant(b, loc, type, -1);
  byZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, divisor, zero);
  byMinusOne = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, divisor,
                                     minusOne);
  Value trapping = arith::OrIOp::create(b, loc, byZero, byMinusOne);
  return arith::SelectOp::create(b, loc, trapping, one, divisor);
}

Value createDiv(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isFloat(lhs))
    return arith::DivFOp::create(b, loc, lhs, rhs);
  // Floor division, with the divisors that trap (0, and -1 when the
  // dividend is the smallest value) replaced by 1 and their numpy results
  // selected afterwards.
  Type type = lhs.getType();
  Value byZero, byMinusOne;
  Value divisor = createNonTrappingDivisor(b, loc, rhs, byZero, byMinusOne);
  Value zero = createScalarConstant(b, loc, type, 0);
  Value quotient = arith::FloorDivSIOp::create(b, loc, lhs, divisor);
  Value negated = arith::SubIOp::create(b, loc, zero, lhs);
  Value result = arith::SelectOp::create(b, loc, byMinusOne, negated, quotient);
  return arith::SelectOp::create(b, loc, byZero, zero, result);
}

Value createMin(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isFloat(lhs))
    return arith::MinimumFOp::create(b, loc, lhs, rhs);
  return arith::MinSIOp::create(b, loc, lhs, rhs);
}

Value createMax(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isFloat(lhs))
    return arith::MaximumFOp::create(b, loc, lhs, rhs);
  return arith::MaxSIOp::create(b, loc, lhs, rhs);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

Value createFloatCast(OpBuilder &b, Location loc, Value value, Type type) {
  unsigned from = cast<FloatType>(value.getType()).getWidth();
  unsigned to = cast<FloatType>(type).getWidth();
  if (value.getType() == type)
    return value;
  return from < to ? Value(arith::ExtFOp::create(b, loc, type, value))
                   : Value(arith::TruncFOp::create(b, loc, type, value));
}

Type getAccumulationType(Type element) {
  return cast<FloatType>(element).getWidth() < 32
             ? Float32Type::get(element.getContext())
             : element;
}

void replaceWithCallTIR(PatternRewriter &rewriter, Operation *op,
                        FlatSymbolRefAttr kernel,
                        const KernelSignature &signature) {
  auto call = relax::CallTIROp::create(
      rewriter, op->getLoc(), op->getResultTypes(), kernel, op->getOperands(),
      signature.getTirVars(rewriter.getContext()));
  rewriter.replaceOp(op, call.getResults());
}

} // namespace legalize
} // namespace mlc
