//===- TIROps.cpp - TensorIR operations -----------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Builders, custom assembly and structural verifiers of the tir operations.
// The well-formedness rules that look across ops live in TIRVerifier.cpp.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionImplementation.h"
#include "llvm/ADT/STLExtras.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlc::tir;

#define GET_OP_CLASSES
#include "mlc/Dialect/TIR/TIROps.cpp.inc"

//===----------------------------------------------------------------------===//
// PrimFuncOp
//===----------------------------------------------------------------------===//

void PrimFuncOp::build(OpBuilder &builder, OperationState &state,
                       StringRef name, FunctionType type,
                       ArrayRef<NamedAttribute> attrs) {
  state.addAttribute(SymbolTable::getSymbolAttrName(),
                     builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name), TypeAttr::get(type));
  state.attributes.append(attrs.begin(), attrs.end());
  state.addRegion();
}

ParseResult PrimFuncOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildFuncType =
      [](Builder &builder, ArrayRef<Type> argTypes, ArrayRef<Type> results,
         function_interface_impl::VariadicFlag,
         std::string &) { return builder.getFunctionType(argTypes, results); };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false,
      getFunctionTypeAttrName(result.name), buildFuncType,
      getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void PrimFuncOp::print(OpAsmPrinter &p) {
  function_interface_impl::printFunctionOp(
      p, *this, /*isVariadic=*/false, getFunctionTypeAttrName(),
      getArgAttrsAttrName(), getResAttrsAttrName());
}

/// Checks `sym_vars` and `sym_shapes` against the parameters.
static LogicalResult verifySymbolicSignature(PrimFuncOp func) {
  ArrayRef<Type> params = func.getArgumentTypes();
  auto indexParams = llvm::count_if(params, llvm::IsaPred<IndexType>);
  SmallVector<StringRef> declared;
  if (std::optional<mlc::SymShapeAttr> vars = func.getSymVars()) {
    if (static_cast<int64_t>(vars->getDims().size()) != indexParams)
      return func.emitOpError("'sym_vars' names ")
             << vars->getDims().size() << " variables, but the prim_func has "
             << indexParams << " index parameters";
    for (mlc::sym::Expr var : vars->getDims()) {
      if (!var.isVar())
        return func.emitOpError("'sym_vars' must name plain variables, but "
                                "has '")
               << var.str() << "'";
      if (llvm::is_contained(declared, var.getVarName()))
        return func.emitOpError("'sym_vars' names '")
               << var.getVarName() << "' twice";
      declared.push_back(var.getVarName());
    }
  }
  std::optional<ArrayAttr> shapes = func.getSymShapes();
  if (!shapes)
    return success();
  SmallVector<MemRefType> buffers;
  for (Type type : params)
    if (auto memref = dyn_cast<MemRefType>(type))
      buffers.push_back(memref);
  if (shapes->size() != buffers.size())
    return func.emitOpError("'sym_shapes' has ")
           << shapes->size() << " shapes, but the prim_func has "
           << buffers.size() << " buffer parameters";
  for (auto [index, pair] : llvm::enumerate(
           llvm::zip_equal(shapes->getAsRange<mlc::SymShapeAttr>(), buffers))) {
    auto [shape, buffer] = pair;
    ArrayRef<mlc::sym::Expr> dims = shape.getDims();
    if (static_cast<int64_t>(dims.size()) != buffer.getRank())
      return func.emitOpError("'sym_shapes' gives buffer #")
             << index << " " << dims.size() << " dims, but it has rank "
             << buffer.getRank();
    for (auto [dim, expr] : llvm::enumerate(dims)) {
      int64_t size = buffer.getDimSize(dim);
      if (!ShapedType::isDynamic(size) && expr.getConstant() != size)
        return func.emitOpError("'sym_shapes' gives dim ")
               << dim << " of buffer #" << index << " as '" << expr.str()
               << "', but its type has " << size;
    }
  }
  // A variable is defined by an index parameter or, as TVM's buffer_map
  // shape variables are, by a dim that is that variable alone.
  for (mlc::SymShapeAttr shape : shapes->getAsRange<mlc::SymShapeAttr>())
    for (mlc::sym::Expr dim : shape.getDims())
      if (dim.isVar() && !llvm::is_contained(declared, dim.getVarName()))
        declared.push_back(dim.getVarName());
  for (mlc::SymShapeAttr shape : shapes->getAsRange<mlc::SymShapeAttr>())
    for (mlc::sym::Expr dim : shape.getDims()) {
      SmallVector<StringRef> used;
      mlc::sym::collectVars(dim, used);
      for (StringRef var : used)
        if (!llvm::is_contained(declared, var))
          return func.emitOpError("'sym_shapes' uses '")
                 << var
                 << "', which neither an index parameter ('sym_vars') nor a "
                    "dim of its own defines";
    }
  return success();
}

LogicalResult PrimFuncOp::verify() {
  if (isExternal())
    return emitOpError("expects a body");
  if (!getBody().hasOneBlock())
    return emitOpError("expects a body with a single block");
  if (!getResultTypes().empty())
    return emitOpError("expects no results: a prim_func writes its outputs "
                       "into buffer parameters");
  for (auto [index, type] : llvm::enumerate(getArgumentTypes())) {
    if (isa<IndexType>(type))
      continue;
    auto memref = dyn_cast<MemRefType>(type);
    if (!memref)
      return emitOpError("parameter #")
             << index << " must be a memref or index, but got " << type;
    if (!getStorageScope(memref))
      return emitOpError("parameter #")
             << index << " has memory space " << memref.getMemorySpace()
             << ", expected none or a #tir.scope";
  }
  return verifySymbolicSignature(*this);
}

LogicalResult PrimFuncOp::verifyRegions() { return verifyThreadExtents(*this); }

//===----------------------------------------------------------------------===//
// AllocBufferOp
//===----------------------------------------------------------------------===//

StorageScope AllocBufferOp::getScope() {
  return getStorageScope(getType()).value_or(StorageScope::Global);
}

LogicalResult AllocBufferOp::verify() {
  MemRefType type = getType();
  if (!getStorageScope(type))
    return emitOpError("expects the memory space to be a #tir.scope, but got ")
           << type.getMemorySpace();
  if (!type.getLayout().isIdentity())
    return emitOpError("expects an identity layout, but got ")
           << type.getLayout();
  int64_t numDynamic = type.getNumDynamicDims();
  if (static_cast<int64_t>(getDynamicSizes().size()) != numDynamic)
    return emitOpError("expects ")
           << numDynamic
           << " dynamic sizes (one per dynamic dimension), but got "
           << getDynamicSizes().size();
  return success();
}

//===----------------------------------------------------------------------===//
// ForOp
//===----------------------------------------------------------------------===//

void ForOp::build(OpBuilder &builder, OperationState &state, Value lowerBound,
                  Value upperBound, Value step, ForKind kind,
                  std::optional<ThreadTag> thread) {
  MLIRContext *ctx = builder.getContext();
  state.addOperands({lowerBound, upperBound});
  if (step)
    state.addOperands(step);
  Properties &props = state.getOrAddProperties<Properties>();
  props.kind = ForKindAttr::get(ctx, kind);
  if (thread)
    props.thread = ThreadTagAttr::get(ctx, *thread);
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  block->addArgument(builder.getIndexType(), state.location);
  ensureTerminator(*body, builder, state.location);
}

/// Syntax:
///   tir.for [kind[("tag")]] %iv = %lb to %ub [step %s]
///           [annotations {...}] [attributes {...}] { body }
ParseResult ForOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  MLIRContext *ctx = builder.getContext();
  Properties &props = result.getOrAddProperties<Properties>();

  StringRef kindName;
  if (succeeded(parser.parseOptionalKeyword(&kindName,
                                            {"serial", "parallel", "vectorized",
                                             "unrolled", "thread_binding"}))) {
    ForKind kind = *symbolizeForKind(kindName);
    props.kind = ForKindAttr::get(ctx, kind);
    if (kind == ForKind::ThreadBinding) {
      if (parser.parseLParen())
        return failure();
      std::string tagName;
      SMLoc tagLoc = parser.getCurrentLocation();
      if (parser.parseKeywordOrString(&tagName) || parser.parseRParen())
        return failure();
      std::optional<ThreadTag> tag = symbolizeThreadTag(tagName);
      if (!tag)
        return parser.emitError(tagLoc, "unknown thread tag '")
               << tagName << "'";
      props.thread = ThreadTagAttr::get(ctx, *tag);
    }
  }

  OpAsmParser::Argument iv;
  OpAsmParser::UnresolvedOperand lb, ub, step;
  Type indexType = builder.getIndexType();
  if (parser.parseArgument(iv) || parser.parseEqual() ||
      parser.parseOperand(lb) || parser.parseKeyword("to") ||
      parser.parseOperand(ub) ||
      parser.resolveOperand(lb, indexType, result.operands) ||
      parser.resolveOperand(ub, indexType, result.operands))
    return failure();
  iv.type = indexType;
  if (succeeded(parser.parseOptionalKeyword("step")) &&
      (parser.parseOperand(step) ||
       parser.resolveOperand(step, indexType, result.operands)))
    return failure();

  if (succeeded(parser.parseOptionalKeyword("annotations"))) {
    DictionaryAttr annotations;
    if (parser.parseAttribute(annotations))
      return failure();
    props.annotations = annotations;
  }
  if (parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();

  Region *body = result.addRegion();
  if (parser.parseRegion(*body, iv))
    return failure();
  ensureTerminator(*body, builder, result.location);
  return success();
}

void ForOp::print(OpAsmPrinter &p) {
  if (getKind() != ForKind::Serial)
    p << ' ' << stringifyForKind(getKind());
  if (std::optional<ThreadTag> tag = getThread()) {
    p << '(';
    p.printString(stringifyThreadTag(*tag));
    p << ')';
  }
  p << ' ' << getInductionVar() << " = " << getLowerBound() << " to "
    << getUpperBound();
  if (Value step = getStep())
    p << " step " << step;
  if (DictionaryAttr annotations = getAnnotationsAttr()) {
    p << " annotations ";
    p.printAttributeWithoutType(annotations);
  }
  p.printOptionalAttrDictWithKeyword(
      (*this)->getAttrs(),
      {getKindAttrName(), getThreadAttrName(), getAnnotationsAttrName()});
  p << ' ';
  p.printRegion(getRegion(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/false);
}

std::optional<int64_t> ForOp::getConstantTripCount() {
  APInt lb, ub, step(64, 1);
  if (!matchPattern(getLowerBound(), m_ConstantInt(&lb)) ||
      !matchPattern(getUpperBound(), m_ConstantInt(&ub)))
    return std::nullopt;
  if (Value s = getStep(); s && !matchPattern(s, m_ConstantInt(&step)))
    return std::nullopt;
  int64_t stepValue = step.getSExtValue();
  if (stepValue <= 0)
    return std::nullopt;
  // A span that overflows int64 has no trip count to compare.
  int64_t span;
  if (llvm::SubOverflow(ub.getSExtValue(), lb.getSExtValue(), span))
    return std::nullopt;
  return span <= 0 ? 0 : llvm::divideCeil(span, stepValue);
}

LogicalResult ForOp::verify() {
  Block *body = getBody();
  if (body->getNumArguments() != 1 ||
      !isa<IndexType>(body->getArgument(0).getType()))
    return emitOpError("expects the body to have a single 'index' argument "
                       "(the induction variable)");

  bool isThreadBinding = getKind() == ForKind::ThreadBinding;
  if (isThreadBinding && !getThread())
    return emitOpError("of kind 'thread_binding' requires a thread tag");
  if (!isThreadBinding && getThread())
    return emitOpError("has a thread tag but its kind is '")
           << stringifyForKind(getKind()) << "', not 'thread_binding'";

  APInt step;
  if (Value s = getStep();
      s && matchPattern(s, m_ConstantInt(&step)) && !step.isStrictlyPositive())
    return emitOpError("expects a positive step, but got ")
           << step.getSExtValue();

  // A thread axis can only be bound once on any path from the kernel entry.
  if (std::optional<ThreadTag> tag = getThread()) {
    for (auto outer = (*this)->getParentOfType<ForOp>(); outer;
         outer = outer->getParentOfType<ForOp>()) {
      if (outer.getThread() == tag)
        return emitOpError("binds thread tag '")
               << stringifyThreadTag(*tag)
               << "' that an enclosing loop already binds";
    }
  }
  return success();
}

SmallVector<Region *> ForOp::getLoopRegions() { return {&getRegion()}; }

std::optional<SmallVector<Value>> ForOp::getLoopInductionVars() {
  return SmallVector<Value>{getInductionVar()};
}

std::optional<SmallVector<OpFoldResult>> ForOp::getLoopLowerBounds() {
  return SmallVector<OpFoldResult>{OpFoldResult(getLowerBound())};
}

std::optional<SmallVector<OpFoldResult>> ForOp::getLoopUpperBounds() {
  return SmallVector<OpFoldResult>{OpFoldResult(getUpperBound())};
}

std::optional<SmallVector<OpFoldResult>> ForOp::getLoopSteps() {
  if (Value step = getStep())
    return SmallVector<OpFoldResult>{OpFoldResult(step)};
  return SmallVector<OpFoldResult>{
      OpFoldResult(Builder(getContext()).getIndexAttr(1))};
}

//===----------------------------------------------------------------------===//
// BlockOp: builder and accessors
//===----------------------------------------------------------------------===//

void BlockOp::build(OpBuilder &builder, OperationState &state,
                    StringRef nameHint, ArrayRef<IterKind> kinds,
                    ArrayRef<OpFoldResult> extents, ValueRange bindings,
                    ValueRange reads, ArrayRef<BufferRegionAttr> readRegions,
                    ValueRange writes, ArrayRef<BufferRegionAttr> writeRegions,
                    Value predicate, ValueRange regionSymbols) {
  MLIRContext *ctx = builder.getContext();
  SmallVector<int64_t> staticExtents;
  SmallVector<Value> dynamicExtents;
  for (OpFoldResult extent : extents) {
    if (auto value = dyn_cast<Value>(extent)) {
      staticExtents.push_back(ShapedType::kDynamic);
      dynamicExtents.push_back(value);
    } else {
      staticExtents.push_back(
          cast<IntegerAttr>(cast<Attribute>(extent)).getInt());
    }
  }
  state.addOperands(dynamicExtents);
  state.addOperands(bindings);
  state.addOperands(regionSymbols);
  state.addOperands(reads);
  state.addOperands(writes);
  if (predicate)
    state.addOperands(predicate);

  Properties &props = state.getOrAddProperties<Properties>();
  props.name_hint = builder.getStringAttr(nameHint);
  props.iter_kinds = builder.getArrayAttr(
      llvm::map_to_vector(kinds, [&](IterKind kind) -> Attribute {
        return IterKindAttr::get(ctx, kind);
      }));
  props.static_extents = builder.getDenseI64ArrayAttr(staticExtents);
  props.read_regions = builder.getArrayAttr(
      SmallVector<Attribute>(readRegions.begin(), readRegions.end()));
  props.write_regions = builder.getArrayAttr(
      SmallVector<Attribute>(writeRegions.begin(), writeRegions.end()));
  props.operandSegmentSizes = {static_cast<int32_t>(dynamicExtents.size()),
                               static_cast<int32_t>(bindings.size()),
                               static_cast<int32_t>(regionSymbols.size()),
                               static_cast<int32_t>(reads.size()),
                               static_cast<int32_t>(writes.size()),
                               predicate ? 1 : 0};

  Region *body = state.addRegion();
  state.addRegion(); // no init
  Block *block = new Block();
  body->push_back(block);
  for (size_t i = 0, e = kinds.size(); i < e; ++i)
    block->addArgument(builder.getIndexType(), state.location);
  ensureTerminator(*body, builder, state.location);
}

SmallVector<OpFoldResult> BlockOp::getMixedExtents() {
  Builder builder(getContext());
  SmallVector<OpFoldResult> extents;
  auto dynamic = getDynamicExtents().begin();
  for (int64_t extent : getStaticExtents()) {
    if (ShapedType::isDynamic(extent))
      extents.push_back(*dynamic++);
    else
      extents.push_back(builder.getIndexAttr(extent));
  }
  return extents;
}

bool BlockOp::hasReduceIterVar() {
  return llvm::any_of(getIterKinds(), [](Attribute kind) {
    return cast<IterKindAttr>(kind).getValue() == IterKind::Reduce;
  });
}

//===----------------------------------------------------------------------===//
// BlockOp: custom assembly
//===----------------------------------------------------------------------===//
//
//   tir.block "name" (%v: kind[extent] = %binding, ...)
//       reads(%A[affine-expr, ...] [extent, ...]?, ... : type, ...)
//       writes(...) where(%pred) attributes {...}
//       init { ... } { body }
//
// Region indices are affine expressions over the block's iteration variables
// (the `%v` names of the header), stored as the dims of the region's start
// map, and of other `index` values, which become the block's region symbols
// (the maps' symbols, in order of first appearance). Extents are expressions
// of the symbols. A symbol is written as a plain name (`%past + %v`) or, where
// it multiplies an iteration variable, as `symbol(%s)` (`%v * symbol(%s)`).
// The extents list is printed only when some extent is not 1.

namespace {
/// A region as parsed, before the number of region symbols is known.
struct ParsedRegion {
  SMLoc loc;
  SmallVector<AffineExpr> starts, extents;
};

/// Parser state shared by the pieces of the tir.block syntax.
struct BlockParser {
  OpAsmParser &parser;
  MLIRContext *ctx;
  SmallVector<OpAsmParser::Argument> iterVars;
  SmallVector<OpAsmParser::UnresolvedOperand> symbols;

  /// Returns the symbol that `operand` names, adding it when new.
  AffineExpr getSymbol(const OpAsmParser::UnresolvedOperand &operand) {
    const auto *it = llvm::find_if(symbols, [&](auto &symbol) {
      return symbol.name == operand.name && symbol.number == operand.number;
    });
    if (it == symbols.end()) {
      symbols.push_back(operand);
      it = symbols.end() - 1;
    }
    return getAffineSymbolExpr(it - symbols.begin(), ctx);
  }

  /// Parses one region index or extent and rewrites its SSA names into the
  /// dims of the iteration variables and the symbols of other values.
  ParseResult parseIndex(AffineExpr &result, bool allowIterVars) {
    SmallVector<OpAsmParser::UnresolvedOperand> dims, exprSymbols;
    SMLoc loc = parser.getCurrentLocation();
    AffineExpr expr;
    if (parser.parseAffineExprOfSSAIds(dims, exprSymbols, expr))
      return failure();
    SmallVector<AffineExpr> dimReplacements, symbolReplacements;
    for (const OpAsmParser::UnresolvedOperand &dim : dims) {
      const auto *it = llvm::find_if(iterVars, [&](auto &arg) {
        return arg.ssaName.name == dim.name && arg.ssaName.number == dim.number;
      });
      if (it == iterVars.end()) {
        dimReplacements.push_back(getSymbol(dim));
        continue;
      }
      if (!allowIterVars)
        return parser.emitError(loc, "region extents cannot use the "
                                     "iteration variable '")
               << dim.name << "'";
      dimReplacements.push_back(getAffineDimExpr(it - iterVars.begin(), ctx));
    }
    for (const OpAsmParser::UnresolvedOperand &symbol : exprSymbols)
      symbolReplacements.push_back(getSymbol(symbol));
    result = expr.replaceDimsAndSymbols(dimReplacements, symbolReplacements);
    return success();
  }

  /// Parses `%buf[indices] [extents]?`.
  ParseResult parseRegion(OpAsmParser::UnresolvedOperand &buffer,
                          ParsedRegion &region) {
    region.loc = parser.getCurrentLocation();
    if (parser.parseOperand(buffer) ||
        parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square, [&] {
          return parseIndex(region.starts.emplace_back(), true);
        }))
      return failure();
    SMLoc loc = parser.getCurrentLocation();
    if (parser.parseCommaSeparatedList(
            OpAsmParser::Delimiter::OptionalSquare,
            [&] { return parseIndex(region.extents.emplace_back(), false); }))
      return failure();
    if (region.extents.empty())
      region.extents.assign(region.starts.size(),
                            getAffineConstantExpr(1, ctx));
    else if (region.extents.size() != region.starts.size())
      return parser.emitError(loc, "expected ")
             << region.starts.size() << " region extents, but got "
             << region.extents.size();
    return success();
  }

  /// Parses an optional `keyword(%A[...], ... : types)` clause.
  ParseResult parseRegionList(StringRef keyword, OperationState &result,
                              SmallVectorImpl<ParsedRegion> &regions,
                              SmallVectorImpl<Value> &buffers) {
    if (failed(parser.parseOptionalKeyword(keyword)))
      return success();
    SmallVector<OpAsmParser::UnresolvedOperand> operands;
    SmallVector<Type> types;
    if (parser.parseLParen())
      return failure();
    if (succeeded(parser.parseOptionalRParen()))
      return success();
    auto parseOne = [&]() -> ParseResult {
      return parseRegion(operands.emplace_back(), regions.emplace_back());
    };
    if (parser.parseCommaSeparatedList(parseOne) || parser.parseColon())
      return failure();
    SMLoc typesLoc = parser.getCurrentLocation();
    if (parser.parseTypeList(types) || parser.parseRParen() ||
        parser.resolveOperands(operands, types, typesLoc, buffers))
      return failure();
    return success();
  }

  /// Builds the region attributes once all symbols are known.
  ParseResult buildRegions(ArrayRef<ParsedRegion> parsed,
                           SmallVectorImpl<Attribute> &regions) {
    for (const ParsedRegion &region : parsed) {
      auto start =
          AffineMap::get(iterVars.size(), symbols.size(), region.starts, ctx);
      auto extents =
          AffineMap::get(iterVars.size(), symbols.size(), region.extents, ctx);
      auto attr = BufferRegionAttr::getChecked(
          [&] { return parser.emitError(region.loc); }, ctx, start, extents);
      if (!attr)
        return failure();
      regions.push_back(attr);
    }
    return success();
  }
};
} // namespace

ParseResult BlockOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  MLIRContext *ctx = builder.getContext();
  Type indexType = builder.getIndexType();
  BlockParser state{parser, ctx, {}, {}};

  std::string nameHint;
  if (parser.parseString(&nameHint))
    return failure();

  // Iteration variables: `%v: kind[extent] = %binding`.
  SmallVector<Attribute> kinds;
  SmallVector<int64_t> staticExtents;
  SmallVector<OpAsmParser::UnresolvedOperand> dynamicExtents, bindings;
  auto parseIterVar = [&]() -> ParseResult {
    OpAsmParser::Argument &arg = state.iterVars.emplace_back();
    std::string kindName;
    if (parser.parseArgument(arg) || parser.parseColon())
      return failure();
    arg.type = indexType;
    SMLoc kindLoc = parser.getCurrentLocation();
    if (parser.parseKeywordOrString(&kindName))
      return failure();
    std::optional<IterKind> kind = symbolizeIterKind(kindName);
    if (!kind)
      return parser.emitError(kindLoc, "unknown iteration variable kind '")
             << kindName << "'";
    kinds.push_back(IterKindAttr::get(ctx, *kind));
    if (parser.parseLSquare())
      return failure();
    int64_t extent;
    OptionalParseResult isInteger = parser.parseOptionalInteger(extent);
    if (isInteger.has_value()) {
      if (failed(*isInteger))
        return failure();
      staticExtents.push_back(extent);
    } else {
      staticExtents.push_back(ShapedType::kDynamic);
      if (parser.parseOperand(dynamicExtents.emplace_back()))
        return failure();
    }
    return failure(parser.parseRSquare() || parser.parseEqual() ||
                   parser.parseOperand(bindings.emplace_back()));
  };
  if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::OptionalParen,
                                     parseIterVar) ||
      parser.resolveOperands(dynamicExtents, indexType, result.operands) ||
      parser.resolveOperands(bindings, indexType, result.operands))
    return failure();

  SmallVector<ParsedRegion> parsedReads, parsedWrites;
  SmallVector<Value> reads, writes, symbols;
  SmallVector<Attribute> readRegions, writeRegions;
  if (state.parseRegionList("reads", result, parsedReads, reads) ||
      state.parseRegionList("writes", result, parsedWrites, writes) ||
      state.buildRegions(parsedReads, readRegions) ||
      state.buildRegions(parsedWrites, writeRegions) ||
      parser.resolveOperands(state.symbols, indexType, symbols))
    return failure();
  result.addOperands(symbols);
  result.addOperands(reads);
  result.addOperands(writes);

  int32_t hasPredicate = 0;
  if (succeeded(parser.parseOptionalKeyword("where"))) {
    OpAsmParser::UnresolvedOperand predicate;
    if (parser.parseLParen() || parser.parseOperand(predicate) ||
        parser.parseRParen() ||
        parser.resolveOperand(predicate, builder.getI1Type(), result.operands))
      return failure();
    hasPredicate = 1;
  }
  if (parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();

  Properties &props = result.getOrAddProperties<Properties>();
  props.name_hint = builder.getStringAttr(nameHint);
  props.iter_kinds = builder.getArrayAttr(kinds);
  props.static_extents = builder.getDenseI64ArrayAttr(staticExtents);
  props.read_regions = builder.getArrayAttr(readRegions);
  props.write_regions = builder.getArrayAttr(writeRegions);
  props.operandSegmentSizes = {static_cast<int32_t>(dynamicExtents.size()),
                               static_cast<int32_t>(bindings.size()),
                               static_cast<int32_t>(symbols.size()),
                               static_cast<int32_t>(reads.size()),
                               static_cast<int32_t>(writes.size()),
                               hasPredicate};

  // The init region sees the same iteration variables as the body. It is
  // parsed with the header's names unless it spells out its own arguments.
  Region *body = result.addRegion();
  Region *init = result.addRegion();
  if (succeeded(parser.parseOptionalKeyword("init"))) {
    SmallVector<OpAsmParser::Argument> initArgs;
    if (parser.parseArgumentList(initArgs,
                                 OpAsmParser::Delimiter::OptionalParen,
                                 /*allowType=*/false))
      return failure();
    if (initArgs.empty())
      initArgs = state.iterVars;
    for (OpAsmParser::Argument &arg : initArgs)
      arg.type = indexType;
    if (parser.parseRegion(*init, initArgs))
      return failure();
    ensureTerminator(*init, builder, result.location);
  }
  if (parser.parseRegion(*body, state.iterVars))
    return failure();
  ensureTerminator(*body, builder, result.location);
  return success();
}

/// Prints `keyword(%A[...] [...], ... : types)` when `buffers` is not empty.
/// `names` are the iteration variables followed by the region symbols; the
/// symbols of the maps are printed as the dims that follow the iteration
/// variables.
static void printRegionList(OpAsmPrinter &p, StringRef keyword,
                            ValueRange buffers, ArrayAttr regions,
                            ArrayRef<Value> names, unsigned numIterVars) {
  if (buffers.empty())
    return;
  MLIRContext *ctx = regions.getContext();
  SmallVector<AffineExpr> symbolsAsDims =
      llvm::map_to_vector(llvm::seq<unsigned>(numIterVars, names.size()),
                          [&](unsigned i) { return getAffineDimExpr(i, ctx); });
  ArrayRef<Value> iterVars = names.take_front(numIterVars);
  ArrayRef<Value> symbols = names.drop_front(numIterVars);
  // `symbol(%s)` only where a symbol multiplies an iteration variable, which
  // the parser would otherwise read as a product of two dims.
  auto printExpr = [&](AffineExpr expr) {
    AffineExpr asDims = expr.replaceSymbols(symbolsAsDims);
    if (asDims.isPureAffine())
      p.printAffineExprOfSSAIds(asDims, names, {});
    else
      p.printAffineExprOfSSAIds(expr, iterVars, symbols);
  };
  p.printNewline();
  p << keyword << '(';
  llvm::interleaveComma(
      llvm::zip_equal(buffers, regions.getAsRange<BufferRegionAttr>()), p,
      [&](auto pair) {
        auto [buffer, region] = pair;
        p << buffer << '[';
        llvm::interleaveComma(region.getStart().getResults(), p, printExpr);
        p << ']';
        AffineMap extents = region.getExtents();
        if (llvm::any_of(extents.getResults(), [](AffineExpr extent) {
              auto constant = dyn_cast<AffineConstantExpr>(extent);
              return !constant || constant.getValue() != 1;
            })) {
          p << " [";
          llvm::interleaveComma(extents.getResults(), p, printExpr);
          p << ']';
        }
      });
  p << " : ";
  llvm::interleaveComma(buffers.getTypes(), p);
  p << ')';
}

/// Returns true when the init region's arguments print under the same names
/// as the body's, so that `init { ... }` can omit them.
static bool initArgsShareNames(OpAsmPrinter &p, BlockOp op) {
  Block &init = op.getInit().front();
  if (init.getNumArguments() != op.getNumIterVars())
    return false;
  for (auto [initArg, iterVar] :
       llvm::zip_equal(init.getArguments(), op.getIterVars())) {
    std::string initName, iterName;
    llvm::raw_string_ostream initOs(initName), iterOs(iterName);
    p.printOperand(initArg, initOs);
    p.printOperand(iterVar, iterOs);
    if (initName != iterName)
      return false;
  }
  return true;
}

void BlockOp::print(OpAsmPrinter &p) {
  p << ' ';
  p.printString(getNameHint());
  ValueRange iterVars = getIterVars();
  if (!iterVars.empty()) {
    SmallVector<OpFoldResult> extents = getMixedExtents();
    p << " (";
    llvm::interleaveComma(
        llvm::seq<unsigned>(0, iterVars.size()), p, [&](unsigned i) {
          p << iterVars[i] << ": " << stringifyIterKind(getIterKind(i)) << '[';
          if (auto value = dyn_cast<Value>(extents[i]))
            p << value;
          else
            p << getStaticExtents()[i];
          p << "] = " << getBindings()[i];
        });
    p << ')';
  }

  // Continuation lines are indented two levels deeper than the op.
  p.increaseIndent();
  p.increaseIndent();
  SmallVector<Value> names(iterVars.begin(), iterVars.end());
  llvm::append_range(names, getRegionSymbols());
  printRegionList(p, "reads", getReads(), getReadRegions(), names,
                  iterVars.size());
  printRegionList(p, "writes", getWrites(), getWriteRegions(), names,
                  iterVars.size());
  if (Value predicate = getPredicate())
    p << " where(" << predicate << ')';
  p.printOptionalAttrDictWithKeyword(
      (*this)->getAttrs(),
      {getNameHintAttrName(), getIterKindsAttrName(),
       getStaticExtentsAttrName(), getReadRegionsAttrName(),
       getWriteRegionsAttrName(), getOperandSegmentSizesAttrName()});
  p.decreaseIndent();
  p.decreaseIndent();

  if (hasInit()) {
    p << " init";
    if (!initArgsShareNames(p, *this)) {
      p << '(';
      llvm::interleaveComma(getInit().getArguments(), p,
                            [&](BlockArgument arg) { p << arg; });
      p << ')';
    }
    p << ' ';
    p.printRegion(getInit(), /*printEntryBlockArgs=*/false,
                  /*printBlockTerminators=*/false);
  }
  p << ' ';
  p.printRegion(getRegion(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/false);
}

//===----------------------------------------------------------------------===//
// BlockOp: structural verifier
//===----------------------------------------------------------------------===//

/// Checks one `reads` or `writes` list: a region per buffer, over the block's
/// iteration variables, covering every buffer dimension.
static LogicalResult verifyRegionList(BlockOp op, StringRef what,
                                      ValueRange buffers, ArrayAttr regions) {
  if (buffers.size() != regions.size())
    return op.emitOpError("expects one region per ")
           << what << " buffer (" << buffers.size() << "), but got "
           << regions.size();
  for (auto [index, buffer, region] :
       llvm::enumerate(buffers, regions.getAsRange<BufferRegionAttr>())) {
    AffineMap start = region.getStart();
    if (start.getNumDims() != op.getNumIterVars())
      return op.emitOpError()
             << what << " region #" << index << " is over "
             << start.getNumDims() << " iteration variables, but the block has "
             << op.getNumIterVars();
    if (region.getNumSymbols() != op.getRegionSymbols().size())
      return op.emitOpError()
             << what << " region #" << index << " has "
             << region.getNumSymbols() << " symbols, but the block has "
             << op.getRegionSymbols().size() << " region symbols";
    int64_t rank = cast<MemRefType>(buffer.getType()).getRank();
    if (static_cast<int64_t>(region.getRank()) != rank)
      return op.emitOpError()
             << what << " region #" << index << " has " << region.getRank()
             << " dimensions, but its buffer has rank " << rank;
  }
  return success();
}

/// Checks that `region` (if not empty) has one `index` argument per
/// iteration variable.
static LogicalResult verifyIterVarArgs(BlockOp op, Region &region,
                                       StringRef what) {
  if (region.empty())
    return success();
  Block &block = region.front();
  unsigned numIterVars = op.getNumIterVars();
  if (block.getNumArguments() != numIterVars ||
      !llvm::all_of(block.getArgumentTypes(), llvm::IsaPred<IndexType>))
    return op.emitOpError("expects the ")
           << what << " to have one 'index' argument per iteration variable ("
           << numIterVars << ")";
  return success();
}

LogicalResult BlockOp::verify() {
  unsigned numIterVars = getNumIterVars();
  ArrayRef<int64_t> staticExtents = getStaticExtents();
  if (staticExtents.size() != numIterVars)
    return emitOpError("expects one extent per iteration variable (")
           << numIterVars << "), but got " << staticExtents.size();
  if (getBindings().size() != numIterVars)
    return emitOpError("expects one binding per iteration variable (")
           << numIterVars << "), but got " << getBindings().size();
  int64_t numDynamic = llvm::count_if(staticExtents, ShapedType::isDynamic);
  if (static_cast<int64_t>(getDynamicExtents().size()) != numDynamic)
    return emitOpError("expects ") << numDynamic << " dynamic extents, but got "
                                   << getDynamicExtents().size();
  for (auto [index, extent] : llvm::enumerate(staticExtents))
    if (!ShapedType::isDynamic(extent) && extent <= 0)
      return emitOpError("iteration variable #")
             << index << " has a non-positive extent " << extent;

  if (failed(verifyIterVarArgs(*this, getRegion(), "body")) ||
      failed(verifyIterVarArgs(*this, getInit(), "'init' region")))
    return failure();
  if (hasInit() && !hasReduceIterVar())
    return emitOpError("has an 'init' region but no reduce iteration "
                       "variable");

  if (failed(verifyRegionList(*this, "read", getReads(), getReadRegions())) ||
      failed(verifyRegionList(*this, "write", getWrites(), getWriteRegions())))
    return failure();
  return success();
}

LogicalResult BlockOp::verifyRegions() {
  if (failed(verifyBlockScoping(*this)) || failed(verifyBlockWrites(*this)))
    return failure();
  return success();
}
