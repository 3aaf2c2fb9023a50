//===- Tensorize.cpp - TensorIR tensorize schedule primitive --------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `tensorize`: a loop nest that computes what a registered tensor
// intrinsic's description computes is replaced by the intrinsic's
// implementation. Matching is structural (loops, iteration variables, block
// body); the payload may be a tile of a larger computation, i.e. its
// bindings are `origin + loop variable`. All checks run before the IR is
// touched.
//
//===----------------------------------------------------------------------===//

#include "ScheduleUtils.h"
#include "mlc/Dialect/TIR/Schedule.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Parser/Parser.h"

using namespace mlir;
using namespace mlc::tir;
using mlc::tir::detail::dependsOn;

namespace {
/// One conjunct `lhs < bound` of the payload block's predicate, where `lhs`
/// is the binding of iteration variable `iterVar`.
struct BoundTerm {
  unsigned iterVar;
  arith::CmpIPredicate predicate;
  Value bound;
};

/// What matching the payload against the description found.
struct TensorizeMatch {
  SmallVector<ForOp> loops;          // payload loops, outermost first
  BlockOp block;                     // payload block
  SmallVector<unsigned> loopOfVar;   // per iteration variable: its loop
  SmallVector<Value> buffers;        // per description buffer parameter
  SmallVector<BoundTerm> terms;      // the predicate's conjuncts over the tile
  SmallVector<Value> invariantTerms; // conjuncts that hold for all the tile
};
} // namespace

/// The loops directly nested in `loop` (itself first) down to the single
/// block of the innermost one. Index computations may sit between them.
static FailureOr<BlockOp> collectPerfectNest(ForOp loop,
                                             SmallVectorImpl<ForOp> &loops) {
  Operation *current = loop;
  while (auto forOp = dyn_cast<ForOp>(current)) {
    loops.push_back(forOp);
    Operation *inner = nullptr;
    for (Operation &op : forOp.getBody()->without_terminator()) {
      if (isa<ForOp, BlockOp>(op)) {
        if (inner)
          return failure();
        inner = &op;
      } else if (!isPure(&op)) {
        return failure();
      }
    }
    if (!inner)
      return failure();
    current = inner;
  }
  return cast<BlockOp>(current);
}

/// Whether `binding` is `x + iv` (or `iv`) with `x` independent of every
/// loop in `loops`; `origin` is set to `x` (null for a plain `iv`).
static bool isOriginPlusLoop(Value binding, Value iv, ArrayRef<ForOp> loops,
                             Value &origin) {
  origin = nullptr;
  if (binding == iv)
    return true;
  auto add = binding.getDefiningOp<arith::AddIOp>();
  if (!add)
    return false;
  if (add.getRhs() == iv)
    origin = add.getLhs();
  else if (add.getLhs() == iv)
    origin = add.getRhs();
  else
    return false;
  return llvm::none_of(loops, [&](ForOp loop) {
    return dependsOn(origin, loop.getInductionVar());
  });
}

/// Whether `value` (an `index`) is provably a multiple of `factor`: a
/// constant multiple, a product with such a factor, or a sum of multiples.
// NOLINTNEXTLINE(misc-no-recursion)
static bool isMultipleOf(Value value, int64_t factor) {
  if (factor == 1)
    return true;
  if (!value)
    return false;
  if (std::optional<int64_t> constant = getConstantIntValue(value))
    return *constant % factor == 0;
  if (auto mul = value.getDefiningOp<arith::MulIOp>())
    return isMultipleOf(mul.getLhs(), factor) ||
           isMultipleOf(mul.getRhs(), factor);
  if (auto add = value.getDefiningOp<arith::AddIOp>())
    return isMultipleOf(add.getLhs(), factor) &&
           isMultipleOf(add.getRhs(), factor);
  return false;
}

/// Splits `predicate` into conjuncts that use no loop of the nest (they
/// hold for the whole tile or for none of it) and `binding < bound` ones.
static LogicalResult collectBoundTerms(Value predicate, BlockOp block,
                                       ArrayRef<ForOp> loops,
                                       TensorizeMatch &match) {
  if (auto conj = predicate.getDefiningOp<arith::AndIOp>())
    return success(
        succeeded(collectBoundTerms(conj.getLhs(), block, loops, match)) &&
        succeeded(collectBoundTerms(conj.getRhs(), block, loops, match)));
  if (llvm::none_of(loops, [&](ForOp loop) {
        return dependsOn(predicate, loop.getInductionVar());
      })) {
    match.invariantTerms.push_back(predicate);
    return success();
  }
  auto cmp = predicate.getDefiningOp<arith::CmpIOp>();
  if (!cmp || (cmp.getPredicate() != arith::CmpIPredicate::slt &&
               cmp.getPredicate() != arith::CmpIPredicate::ult))
    return failure();
  auto bindings = block.getBindings();
  auto it = llvm::find(bindings, cmp.getLhs());
  if (it == bindings.end())
    return failure();
  // The bound must be available where the nest starts.
  Value bound = cmp.getRhs();
  if (loops.front()->isAncestor(bound.getParentRegion()->getParentOp()))
    return failure();
  match.terms.push_back({static_cast<unsigned>(it - bindings.begin()),
                         cmp.getPredicate(), bound});
  return success();
}

/// Whether a payload buffer of type `payload` can stand for a description
/// buffer of type `desc`: same element type and rank, the description's
/// static sizes, and a unit-stride innermost dimension (implementations
/// load vectors along it).
static bool isCompatibleBuffer(Type payload, Type desc) {
  auto p = dyn_cast<MemRefType>(payload);
  auto d = dyn_cast<MemRefType>(desc);
  if (!p || !d || p.getElementType() != d.getElementType() ||
      p.getRank() != d.getRank() || !p.isLastDimUnitStride())
    return false;
  for (auto [have, want] : llvm::zip(p.getShape(), d.getShape()))
    if (!ShapedType::isDynamic(want) && have != want)
      return false;
  return true;
}

/// Whether the payload body computes what the description body computes:
/// the same operations in the same order, with description buffers and
/// iteration variables mapped to payload ones consistently. Inherent
/// attributes other than comparison predicates and constant values are not
/// compared: a builder
/// and the parser may spell the same default differently (`nontemporal =
/// false` or nothing).
static DiagnosedSilenceableFailure matchBody(BlockOp payload, BlockOp desc,
                                             PrimFuncOp descFunc,
                                             SmallVectorImpl<Value> &buffers) {
  IRMapping mapping;
  for (auto [d, p] : llvm::zip_equal(desc.getIterVars(), payload.getIterVars()))
    mapping.map(d, p);
  buffers.assign(descFunc.getNumArguments(), Value());
  auto payloadOps = payload.getBody()->without_terminator();
  auto descOps = desc.getBody()->without_terminator();
  auto mismatch = [&](Operation *op) {
    return emitSilenceableFailure(op)
           << "cannot tensorize: the body of block \"" << payload.getNameHint()
           << "\" does not match the intrinsic's description here";
  };
  if (std::distance(payloadOps.begin(), payloadOps.end()) !=
      std::distance(descOps.begin(), descOps.end()))
    return emitSilenceableFailure(payload)
           << "cannot tensorize: block \"" << payload.getNameHint()
           << "\" has a different number of operations than the intrinsic's "
              "description";
  for (auto [p, d] : llvm::zip(payloadOps, descOps)) {
    if (p.getName() != d.getName() ||
        p.getNumOperands() != d.getNumOperands() ||
        p.getResultTypes() != d.getResultTypes() ||
        p.getDiscardableAttrDictionary() != d.getDiscardableAttrDictionary() ||
        p.getInherentAttr("predicate") != d.getInherentAttr("predicate") ||
        p.getInherentAttr("value") != d.getInherentAttr("value"))
      return mismatch(&p);
    for (auto [po, dOperand] : llvm::zip(p.getOperands(), d.getOperands())) {
      if (auto arg = dyn_cast<BlockArgument>(dOperand);
          arg && arg.getOwner()->getParentOp() == descFunc) {
        if (!isCompatibleBuffer(po.getType(), arg.getType()))
          return emitSilenceableFailure(&p)
                 << "cannot tensorize: buffer of type " << po.getType()
                 << " does not fit the intrinsic's " << arg.getType()
                 << " (element type, rank, static sizes and a unit-stride "
                    "innermost dimension must agree)";
        Value &buffer = buffers[arg.getArgNumber()];
        if (buffer && buffer != po)
          return mismatch(&p);
        if (!buffer && llvm::is_contained(buffers, po))
          return mismatch(&p);
        buffer = po;
        continue;
      }
      if (mapping.lookupOrNull(dOperand) != po)
        return mismatch(&p);
    }
    mapping.map(d.getResults(), p.getResults());
  }
  return DiagnosedSilenceableFailure::success();
}

/// Matches the nest at `loop` against the description function.
static DiagnosedSilenceableFailure matchNest(ForOp loop, PrimFuncOp descFunc,
                                             const TensorIntrinsic &intrinsic,
                                             TensorizeMatch &match) {
  StringRef name = intrinsic.name;
  SmallVector<ForOp> descLoops;
  auto descRoot = descFunc.getBody().front().getOps<ForOp>();
  if (descRoot.empty())
    return emitSilenceableFailure(loop)
           << "tensor intrinsic '" << name << "' has no loop nest";
  FailureOr<BlockOp> descBlock =
      collectPerfectNest(*descRoot.begin(), descLoops);
  if (failed(descBlock))
    return emitSilenceableFailure(loop)
           << "tensor intrinsic '" << name << "' is not a perfect loop nest";
  FailureOr<BlockOp> block = collectPerfectNest(loop, match.loops);
  if (failed(block))
    return emitSilenceableFailure(loop)
           << "cannot tensorize: the loops from here are not perfectly "
              "nested around one block";
  match.block = *block;
  if (match.loops.size() != descLoops.size())
    return emitSilenceableFailure(loop)
           << "cannot tensorize: " << match.loops.size()
           << " nested loops, but intrinsic '" << name << "' has "
           << descLoops.size();
  for (auto [p, d] : llvm::zip_equal(match.loops, descLoops)) {
    if (getConstantIntValue(p.getLowerBound()) != 0 ||
        (p.getStep() && getConstantIntValue(p.getStep()) != 1) ||
        p.getKind() != ForKind::Serial)
      return emitSilenceableFailure(p)
             << "cannot tensorize: loops must be serial, from 0 with step 1";
    std::optional<int64_t> want = getConstantIntValue(d.getUpperBound());
    std::optional<int64_t> have = getConstantIntValue(p.getUpperBound());
    if (want && want != have)
      return emitSilenceableFailure(p)
             << "cannot tensorize: intrinsic '" << name << "' needs a loop of "
             << *want << " iterations here";
    if (!have)
      return emitSilenceableFailure(p)
             << "cannot tensorize: the loop's extent must be a constant";
  }
  if (block->hasInit())
    return emitSilenceableFailure(*block)
           << "cannot tensorize block \"" << block->getNameHint()
           << "\": it has an init region (decompose_reduction first)";
  if (block->getNumIterVars() != descBlock->getNumIterVars())
    return emitSilenceableFailure(*block)
           << "cannot tensorize block \"" << block->getNameHint()
           << "\": " << block->getNumIterVars()
           << " iteration variables, intrinsic '" << name << "' has "
           << descBlock->getNumIterVars();
  for (unsigned v = 0, e = block->getNumIterVars(); v < e; ++v) {
    auto descIv = dyn_cast<BlockArgument>(descBlock->getBindings()[v]);
    auto descLoop = llvm::find_if(
        descLoops, [&](ForOp l) { return l.getInductionVar() == descIv; });
    unsigned position = descLoop - descLoops.begin();
    Value origin;
    if (block->getIterKind(v) != descBlock->getIterKind(v) ||
        descLoop == descLoops.end() ||
        !isOriginPlusLoop(block->getBindings()[v],
                          match.loops[position].getInductionVar(), match.loops,
                          origin))
      return emitSilenceableFailure(*block)
             << "cannot tensorize block \"" << block->getNameHint()
             << "\": iteration variable #" << v << " must be '"
             << stringifyIterKind(descBlock->getIterKind(v))
             << "' and bound to an origin plus the variable of loop #"
             << position << " of the nest";
    int64_t alignment =
        v < intrinsic.originAlignment.size() ? intrinsic.originAlignment[v] : 1;
    if (origin && !isMultipleOf(origin, alignment))
      return emitSilenceableFailure(*block)
             << "cannot tensorize block \"" << block->getNameHint()
             << "\": the origin of iteration variable #" << v
             << " is not provably a multiple of " << alignment
             << ", which intrinsic '" << name << "' needs";
    match.loopOfVar.push_back(position);
  }
  if (Value predicate = block->getPredicate())
    if (failed(collectBoundTerms(predicate, *block, match.loops, match)))
      return emitSilenceableFailure(*block)
             << "cannot tensorize block \"" << block->getNameHint()
             << "\": its predicate is not a conjunction of 'binding < bound' "
                "with bounds defined outside the nest";
  // The new block takes the place of the nest: what it keeps must be
  // defined outside it.
  auto definedInside = [&](Value value) {
    return match.loops.front()->isAncestor(
        value.getParentRegion()->getParentOp());
  };
  for (ValueRange values :
       {ValueRange(block->getReads()), ValueRange(block->getWrites()),
        ValueRange(block->getDynamicExtents())})
    for (Value value : values)
      if (definedInside(value))
        return emitSilenceableFailure(*block)
               << "cannot tensorize block \"" << block->getNameHint()
               << "\": a buffer or extent it uses is defined inside the nest";
  DiagnosedSilenceableFailure body =
      matchBody(*block, *descBlock, descFunc, match.buffers);
  if (!body.succeeded())
    return body;
  if (llvm::any_of(match.buffers, [&](Value buffer) {
        return buffer && definedInside(buffer);
      }))
    return emitSilenceableFailure(*block)
           << "cannot tensorize block \"" << block->getNameHint()
           << "\": a buffer or extent it uses is defined inside the nest";
  return DiagnosedSilenceableFailure::success();
}

/// The region of the tile: each start result that is an iteration variable
/// of a tiled loop grows by the loop's extent minus one. A variable whose
/// tile is `c` and whose origin is a multiple of `c` (the intrinsic's
/// alignment) keeps `v floordiv c` to one value and spans all of `v mod c`
/// (a packed layout). Fails on a result that mixes a tiled variable with
/// anything else.
static FailureOr<BufferRegionAttr> widenRegion(BufferRegionAttr region,
                                               ArrayRef<int64_t> tileOfVar,
                                               ArrayRef<int64_t> alignment) {
  SmallVector<AffineExpr> extents(region.getExtents().getResults());
  for (auto [dim, expr] : llvm::enumerate(region.getStart().getResults())) {
    if (auto d = dyn_cast<AffineDimExpr>(expr)) {
      extents[dim] = extents[dim] + (tileOfVar[d.getPosition()] - 1);
      continue;
    }
    if (auto binary = dyn_cast<AffineBinaryOpExpr>(expr)) {
      auto d = dyn_cast<AffineDimExpr>(binary.getLHS());
      auto c = dyn_cast<AffineConstantExpr>(binary.getRHS());
      unsigned v = d ? d.getPosition() : 0;
      if (d && c && tileOfVar[v] == c.getValue() && v < alignment.size() &&
          alignment[v] % c.getValue() == 0) {
        if (expr.getKind() == AffineExprKind::FloorDiv)
          continue;
        if (expr.getKind() == AffineExprKind::Mod) {
          extents[dim] = c;
          continue;
        }
      }
    }
    for (unsigned v = 0; v < tileOfVar.size(); ++v)
      if (tileOfVar[v] > 1 && expr.isFunctionOfDim(v))
        return failure();
  }
  AffineMap start = region.getStart();
  return BufferRegionAttr::get(region.getContext(), start,
                               AffineMap::get(start.getNumDims(),
                                              start.getNumSymbols(), extents,
                                              region.getContext()));
}

/// Clones the ops inside `loops` that `value` depends on, at the rewriter's
/// insertion point, with each loop variable replaced by `ivValues`.
static Value cloneWithLoopValues(RewriterBase &rewriter, Value value,
                                 ArrayRef<ForOp> loops,
                                 ArrayRef<Value> ivValues, IRMapping &mapping) {
  if (Value mapped = mapping.lookupOrNull(value))
    return mapped;
  for (auto [loop, replacement] : llvm::zip_equal(loops, ivValues))
    if (value == ForOp(loop).getInductionVar())
      return replacement;
  Operation *def = value.getDefiningOp();
  if (!def || !loops.front()->isProperAncestor(def))
    return value;
  for (Value operand : def->getOperands())
    mapping.map(operand, cloneWithLoopValues(rewriter, operand, loops, ivValues,
                                             mapping));
  Operation *clone = rewriter.clone(*def, mapping);
  return clone->getResult(cast<OpResult>(value).getResultNumber());
}

/// Builds the replacement of the nest: a block over the tile origins whose
/// body runs the implementation with the tile's trip counts.
static BlockOp buildTensorizedBlock(RewriterBase &rewriter,
                                    const TensorIntrinsic &intrinsic,
                                    const TensorizeMatch &match,
                                    ArrayRef<BufferRegionAttr> readRegions,
                                    ArrayRef<BufferRegionAttr> writeRegions) {
  BlockOp block = match.block;
  Location loc = block.getLoc();
  rewriter.setInsertionPoint(match.loops.front());
  SmallVector<Value> zeros(match.loops.size(),
                           arith::ConstantIndexOp::create(rewriter, loc, 0));
  IRMapping originMapping;
  SmallVector<Value> origins =
      llvm::map_to_vector(block.getBindings(), [&](Value binding) {
        return cloneWithLoopValues(rewriter, binding, match.loops, zeros,
                                   originMapping);
      });
  Value tilePredicate;
  for (Value term : match.invariantTerms) {
    Value value =
        cloneWithLoopValues(rewriter, term, match.loops, zeros, originMapping);
    tilePredicate = tilePredicate ? arith::AndIOp::create(rewriter, loc,
                                                          tilePredicate, value)
                                  : value;
  }
  auto newBlock = BlockOp::create(
      rewriter, loc, (block.getNameHint() + "_" + intrinsic.name).str(),
      llvm::map_to_vector(
          block.getIterKinds(),
          [](Attribute kind) { return cast<IterKindAttr>(kind).getValue(); }),
      block.getMixedExtents(), origins, block.getReads(), readRegions,
      block.getWrites(), writeRegions, tilePredicate, block.getRegionSymbols());
  rewriter.setInsertionPointToStart(newBlock.getBody());
  ValueRange iterVars = newBlock.getIterVars();

  // Trip counts: the loops' (constant) extents, created here (the bound
  // values may live in the nest that is erased), shortened by predicate
  // terms to the part of the tile inside the bound.
  SmallVector<Value> tripCounts =
      llvm::map_to_vector(match.loops, [&](ForOp loop) -> Value {
        return arith::ConstantIndexOp::create(
            rewriter, loc, *getConstantIntValue(loop.getUpperBound()));
      });
  for (const BoundTerm &term : match.terms) {
    unsigned loopIndex = match.loopOfVar[term.iterVar];
    Value left = arith::SubIOp::create(rewriter, loc, term.bound,
                                       iterVars[term.iterVar]);
    left = arith::MaxSIOp::create(
        rewriter, loc, left, arith::ConstantIndexOp::create(rewriter, loc, 0));
    tripCounts[loopIndex] =
        arith::MinSIOp::create(rewriter, loc, tripCounts[loopIndex], left);
  }
  // The description's variables are in the payload's order (matchNest).
  intrinsic.implement(
      rewriter, loc,
      TensorizeOperands{match.buffers,
                        SmallVector<Value>(iterVars.begin(), iterVars.end()),
                        tripCounts});
  return newBlock;
}

DiagnosedSilenceableFailure mlc::tir::tensorize(RewriterBase &rewriter,
                                                ForOp loop, StringRef name,
                                                BlockOp &result) {
  TensorIntrinsicRegistry &registry =
      getTensorIntrinsicRegistry(loop.getContext());
  const TensorIntrinsic *intrinsic = registry.lookup(name);
  if (!intrinsic)
    return emitSilenceableFailure(loop)
           << "unknown tensor intrinsic '" << name << "'";
  PrimFuncOp descFunc = registry.getDescription(*intrinsic);
  if (!descFunc)
    return emitSilenceableFailure(loop)
           << "tensor intrinsic '" << name
           << "' has a description that is not a tir.prim_func";
  TensorizeMatch match;
  DiagnosedSilenceableFailure matched =
      matchNest(loop, descFunc, *intrinsic, match);
  if (!matched.succeeded())
    return matched;
  DominanceInfo dominance(loop->getParentOfType<PrimFuncOp>());
  for (Value symbol : match.block.getRegionSymbols())
    if (!dominance.properlyDominates(symbol, loop)) {
      DiagnosedSilenceableFailure diag =
          emitSilenceableFailure(loop)
          << "cannot tensorize block \"" << match.block.getNameHint()
          << "\": a region symbol is computed inside the loop";
      diag.attachNote(symbol.getLoc()) << "value defined here";
      return diag;
    }

  SmallVector<int64_t> tileOfVar =
      llvm::map_to_vector(match.loopOfVar, [&](unsigned position) {
        return *getConstantIntValue(match.loops[position].getUpperBound());
      });
  auto widen = [&](ArrayAttr regions,
                   SmallVectorImpl<BufferRegionAttr> &out) -> LogicalResult {
    for (Attribute attr : regions) {
      FailureOr<BufferRegionAttr> region = widenRegion(
          cast<BufferRegionAttr>(attr), tileOfVar, intrinsic->originAlignment);
      if (failed(region))
        return failure();
      out.push_back(*region);
    }
    return success();
  };
  SmallVector<BufferRegionAttr> readRegions, writeRegions;
  if (failed(widen(match.block.getReadRegions(), readRegions)) ||
      failed(widen(match.block.getWriteRegions(), writeRegions)))
    return emitSilenceableFailure(match.block)
           << "cannot tensorize block \"" << match.block.getNameHint()
           << "\": a region index mixes a tiled iteration variable with "
              "other terms";

  result = buildTensorizedBlock(rewriter, *intrinsic, match, readRegions,
                                writeRegions);
  rewriter.eraseOp(loop);
  return DiagnosedSilenceableFailure::success();
}
