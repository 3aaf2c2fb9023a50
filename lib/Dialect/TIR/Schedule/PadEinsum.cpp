//===- PadEinsum.cpp - TensorIR pad_einsum --------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `pad_einsum`: the iteration domain of an einsum block is rounded up
// to multiples of given factors, so that later tiling needs no predicates,
// also for symbolic extents. The block reads zero-padded copies of its
// inputs and writes a padded copy of its output, which is copied back.
// All checks run before the IR is touched.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "ScheduleUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlc::tir;
using namespace mlc::tir::detail;

/// Whether padding the reduce variables `padded` keeps the result: the
/// body ends in `C[v] = C[v] + X[..] * Y[..]` and each padded variable
/// indexes X or Y, whose zero padding then adds nothing.
static bool isPaddableSumOfProducts(BlockOp block,
                                    ArrayRef<unsigned> paddedReduce) {
  Block *body = block.getBody();
  if (body->getOperations().size() < 2)
    return false;
  auto store = dyn_cast<memref::StoreOp>(*std::prev(body->end(), 2));
  if (!store)
    return false;
  Operation *sum = store.getValueToStore().getDefiningOp();
  if (!isa_and_nonnull<arith::AddFOp, arith::AddIOp>(sum))
    return false;
  Operation *product = nullptr;
  for (Value operand : sum->getOperands()) {
    auto load = operand.getDefiningOp<memref::LoadOp>();
    if (load && load.getMemRef() == store.getMemRef() &&
        load.getIndices() == store.getIndices())
      continue;
    product = operand.getDefiningOp();
  }
  if (!isa_and_nonnull<arith::MulFOp, arith::MulIOp>(product))
    return false;
  SmallVector<BufferRegionAttr> factors;
  for (Value operand : product->getOperands()) {
    auto load = operand.getDefiningOp<memref::LoadOp>();
    if (!load)
      return false;
    for (auto [read, region] :
         llvm::zip_equal(block.getReads(),
                         block.getReadRegions().getAsRange<BufferRegionAttr>()))
      if (read == load.getMemRef())
        factors.push_back(region);
  }
  return llvm::all_of(paddedReduce, [&](unsigned var) {
    return llvm::any_of(factors, [&](BufferRegionAttr region) {
      return region.getStart().isFunctionOfDim(var);
    });
  });
}

namespace {
/// The checked pad_einsum problem.
struct PadPlan {
  BlockOp block;
  /// The loop binding each iteration variable.
  SmallVector<ForOp> loopOf;
  /// Whether each iteration variable is padded.
  SmallVector<bool> padded;
  /// The variable of each dimension of each read and of the write.
  SmallVector<SmallVector<unsigned>> readVars;
  SmallVector<unsigned> writeVars;
};
} // namespace

static DiagnosedSilenceableFailure
checkPadEinsum(BlockOp block, ArrayRef<int64_t> padding, PadPlan &plan) {
  StringRef name = block.getNameHint();
  auto reject = [&](Operation *at, const Twine &why) {
    return emitSilenceableFailure(at)
           << "cannot pad_einsum block \"" << name << "\": " << why;
  };
  unsigned numVars = block.getNumIterVars();
  if (padding.size() != numVars)
    return reject(block, "expects " + Twine(numVars) +
                             " padding factors, one per iteration variable, "
                             "but got " +
                             Twine(padding.size()));
  if (llvm::any_of(padding, [](int64_t p) { return p <= 0; }))
    return reject(block, "expects positive padding factors");
  if (numVars == 0)
    return reject(block, "it has no iteration variables");
  if (block.getPredicate())
    return reject(block, "it has a predicate");
  if (block.getWrites().size() != 1)
    return reject(block, "it must write exactly one buffer");

  // The block's loops: one per iteration variable, each from 0 with step 1
  // up to the variable's extent and bound to it, perfectly nested.
  SmallVector<ForOp> loops = getLoops(block);
  SmallVector<OpFoldResult> extents = block.getMixedExtents();
  plan.block = block;
  plan.loopOf.assign(numVars, ForOp());
  for (unsigned i = 0; i < numVars; ++i) {
    IterKind kind = block.getIterKind(i);
    if (kind != IterKind::Spatial && kind != IterKind::Reduce)
      return reject(block, "iteration variable #" + Twine(i) + " is '" +
                               stringifyIterKind(kind) + "'");
    Value binding = block.getBindings()[i];
    const auto *loop = llvm::find_if(
        loops, [&](ForOp l) { return l.getInductionVar() == binding; });
    if (loop == loops.end() || llvm::is_contained(plan.loopOf, *loop))
      return reject(block, "iteration variable #" + Twine(i) +
                               " is not bound to a loop variable of its own");
    plan.loopOf[i] = *loop;
  }
  for (ForOp loop : loops)
    if (!llvm::is_contained(plan.loopOf, loop))
      return reject(loop, "this loop binds no iteration variable");
  for (auto [i, loop] : llvm::enumerate(plan.loopOf)) {
    std::optional<int64_t> step =
        loop.getStep() ? getConstantIntValue(loop.getStep()) : 1;
    OpFoldResult ub = getAsOpFoldResult(loop.getUpperBound());
    if (getConstantIntValue(loop.getLowerBound()) != 0 || step != 1 ||
        !isEqualConstantIntOrValue(ub, extents[i]))
      return reject(loop, "this loop must run from 0 with step 1 over the "
                          "domain of iteration variable #" +
                              Twine(i));
    Operation *inner =
        &loop.getBody()->front() == loop.getBody()->getTerminator()
            ? nullptr
            : &loop.getBody()->front();
    bool perfect = loop.getBody()->getOperations().size() == 2 &&
                   (isa<ForOp>(inner) || inner == block.getOperation());
    if (!perfect)
      return reject(loop, "the loops around the block must be perfectly "
                          "nested");
  }

  // Every access is indexed by iteration variables (an einsum).
  for (BufferRegionAttr region :
       block.getReadRegions().getAsRange<BufferRegionAttr>()) {
    std::optional<SmallVector<unsigned>> vars = getPointRegionVars(region);
    if (!vars)
      return reject(block, "a read region is not indexed by iteration "
                           "variables");
    plan.readVars.push_back(*vars);
  }
  std::optional<SmallVector<unsigned>> writeVars = getPointRegionVars(
      cast<BufferRegionAttr>(block.getWriteRegions().getValue().front()));
  if (!writeVars)
    return reject(block, "its write region is not indexed by iteration "
                         "variables");
  plan.writeVars = *writeVars;

  // A variable is padded unless its extent is a known multiple.
  SmallVector<unsigned> paddedReduce;
  for (unsigned i = 0; i < numVars; ++i) {
    std::optional<int64_t> extent = getConstantIntValue(extents[i]);
    plan.padded.push_back(padding[i] > 1 &&
                          (!extent || *extent % padding[i] != 0));
    if (plan.padded.back() && block.getIterKind(i) == IterKind::Reduce)
      paddedReduce.push_back(i);
  }
  if (!paddedReduce.empty() && !isPaddableSumOfProducts(block, paddedReduce))
    return reject(block, "padding a reduce iteration variable needs a body "
                         "`C[v] = C[v] + X[..] * Y[..]` with each padded "
                         "reduce variable indexing X or Y");

  // The extents and buffers are available in front of the loop nest, where
  // the padded buffers are allocated and filled: the nest is perfect, so
  // they are defined outside it.
  return DiagnosedSilenceableFailure::success();
}

/// Creates a perfect nest of loops from 0 to `extents` and a block named
/// `name` with one spatial iteration variable per loop in it, at the
/// insertion point (next to `anchor`, whose prim_func gets the constants).
static BlockOp createCopyNest(RewriterBase &rewriter, Operation *anchor,
                              StringRef name, ArrayRef<Value> extents,
                              Value read, BufferRegionAttr readRegion,
                              Value write, BufferRegionAttr writeRegion) {
  Location loc = anchor->getLoc();
  Value zero = getIndexConstant(rewriter, anchor, 0);
  SmallVector<Value> ivs;
  for (Value extent : extents) {
    auto loop = ForOp::create(rewriter, loc, zero, extent);
    rewriter.setInsertionPointToStart(loop.getBody());
    ivs.push_back(loop.getInductionVar());
  }
  SmallVector<IterKind> kinds(extents.size(), IterKind::Spatial);
  SmallVector<OpFoldResult> blockExtents = llvm::map_to_vector(
      extents, [](Value v) { return getAsOpFoldResult(v); });
  return BlockOp::create(rewriter, loc, name, kinds, blockExtents, ivs,
                         ValueRange{read}, ArrayRef{readRegion},
                         ValueRange{write}, ArrayRef{writeRegion});
}

/// The identity region over `rank` variables: each dimension is one.
static BufferRegionAttr identityRegion(MLIRContext *ctx, unsigned rank) {
  return BufferRegionAttr::get(ctx,
                               AffineMap::getMultiDimIdentityMap(rank, ctx),
                               SmallVector<int64_t>(rank, 1));
}

/// Splits `extents` into static sizes (`ShapedType::kDynamic` where not
/// constant) and the values of the dynamic ones.
static void splitStaticExtents(ArrayRef<Value> extents,
                               SmallVectorImpl<int64_t> &staticExtents,
                               SmallVectorImpl<Value> &dynamicExtents) {
  for (Value extent : extents) {
    std::optional<int64_t> constant = getConstantIntValue(extent);
    staticExtents.push_back(constant ? *constant : ShapedType::kDynamic);
    if (!constant)
      dynamicExtents.push_back(extent);
  }
}

/// A padded copy of `buffer`, whose dimension `j` has the extent
/// `extents[j]`, in front of `root`.
static Value allocPadded(RewriterBase &rewriter, Location loc, Value buffer,
                         ArrayRef<Value> extents) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<int64_t> shape;
  SmallVector<Value> sizes;
  splitStaticExtents(extents, shape, sizes);
  auto paddedType =
      MemRefType::get(shape, type.getElementType(), MemRefLayoutAttrInterface(),
                      type.getMemorySpace());
  return AllocBufferOp::create(rewriter, loc, paddedType, sizes);
}

DiagnosedSilenceableFailure mlc::tir::padEinsum(RewriterBase &rewriter,
                                                BlockOp block,
                                                ArrayRef<int64_t> padding) {
  // Step 1. Check everything.
  PadPlan plan;
  DiagnosedSilenceableFailure diag = checkPadEinsum(block, padding, plan);
  if (!diag.succeeded())
    return diag;
  if (llvm::none_of(plan.padded, [](bool p) { return p; }))
    return DiagnosedSilenceableFailure::success();

  // Step 2. The padded extents, ceildiv(n, p) * p, in front of the nest.
  MLIRContext *ctx = block.getContext();
  Location loc = block.getLoc();
  StringRef name = block.getNameHint();
  Operation *root = getLoops(block).front();
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(root);
  SmallVector<Value> original, padded;
  for (auto [i, extent] : llvm::enumerate(block.getMixedExtents())) {
    std::optional<int64_t> constant = getConstantIntValue(extent);
    Value value = constant ? getIndexConstant(rewriter, root, *constant)
                           : cast<Value>(extent);
    original.push_back(value);
    if (!plan.padded[i]) {
      padded.push_back(value);
    } else if (constant) {
      padded.push_back(getIndexConstant(
          rewriter, root,
          llvm::divideCeil(*constant, padding[i]) * padding[i]));
    } else {
      Value factor = getIndexConstant(rewriter, root, padding[i]);
      Value tiles = arith::CeilDivSIOp::create(rewriter, loc, value, factor);
      padded.push_back(arith::MulIOp::create(rewriter, loc, tiles, factor));
    }
  }
  auto pick = [](ArrayRef<Value> values, ArrayRef<unsigned> vars) {
    return llvm::map_to_vector(vars, [&](unsigned v) { return values[v]; });
  };
  auto isPadded = [&](ArrayRef<unsigned> vars) {
    return llvm::any_of(vars, [&](unsigned v) { return plan.padded[v]; });
  };

  // Step 3. Zero-padded copies of the inputs (and of the output when the
  // block accumulates into it without an init region).
  Value output = block.getWrites().front();
  Value paddedOutput;
  SmallVector<Value> newReads(block.getReads());
  for (auto [k, read] : llvm::enumerate(block.getReads())) {
    ArrayRef<unsigned> vars = plan.readVars[k];
    if (!isPadded(vars))
      continue;
    unsigned rank = vars.size();
    SmallVector<Value> extents = pick(padded, vars);
    Value copy = allocPadded(rewriter, loc, read, extents);
    newReads[k] = copy;
    if (read == output) {
      paddedOutput = copy;
      if (block.hasInit())
        continue;
    }
    OpBuilder::InsertionGuard nestGuard(rewriter);
    BlockOp fill = createCopyNest(
        rewriter, root, (name + "_pad_read" + Twine(k)).str(), extents, read,
        identityRegion(ctx, rank), copy, identityRegion(ctx, rank));
    Block *body = fill.getBody();
    rewriter.setInsertionPointToStart(body);
    // Inside the original domain, the input; outside, zero.
    Value inside;
    for (auto [j, var] : llvm::enumerate(vars)) {
      if (!plan.padded[var])
        continue;
      Value cmp =
          arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt,
                                body->getArgument(j), original[var]);
      inside = inside ? arith::AndIOp::create(rewriter, loc, inside, cmp) : cmp;
    }
    Type elementType = cast<MemRefType>(read.getType()).getElementType();
    auto select = scf::IfOp::create(rewriter, loc, elementType, inside,
                                    /*withElseRegion=*/true);
    rewriter.setInsertionPointToStart(select.thenBlock());
    Value loaded =
        memref::LoadOp::create(rewriter, loc, read, body->getArguments());
    scf::YieldOp::create(rewriter, loc, loaded);
    rewriter.setInsertionPointToStart(select.elseBlock());
    Value zero = arith::ConstantOp::create(rewriter, loc, elementType,
                                           rewriter.getZeroAttr(elementType));
    scf::YieldOp::create(rewriter, loc, zero);
    rewriter.setInsertionPointAfter(select);
    memref::StoreOp::create(rewriter, loc, select.getResult(0), copy,
                            body->getArguments());
  }
  if (!paddedOutput && isPadded(plan.writeVars))
    paddedOutput =
        allocPadded(rewriter, loc, output, pick(padded, plan.writeVars));

  // Step 4. The block over the padded domain, on the padded buffers.
  for (unsigned i = 0, e = plan.loopOf.size(); i < e; ++i) {
    ForOp loop = plan.loopOf[i];
    if (plan.padded[i])
      rewriter.modifyOpInPlace(
          loop, [&] { loop.getUpperBoundMutable().assign(padded[i]); });
  }
  SmallVector<int64_t> staticExtents;
  SmallVector<Value> dynamicExtents;
  splitStaticExtents(padded, staticExtents, dynamicExtents);
  SmallVector<std::pair<Value, Value>> redirects;
  for (auto [read, newRead] : llvm::zip_equal(block.getReads(), newReads))
    if (read != newRead)
      redirects.emplace_back(read, newRead);
  if (paddedOutput && !llvm::is_contained(block.getReads(), output))
    redirects.emplace_back(output, paddedOutput);
  Value newWrite = paddedOutput ? paddedOutput : output;
  rewriter.modifyOpInPlace(block, [&] {
    block.setStaticExtents(staticExtents);
    block.getDynamicExtentsMutable().assign(dynamicExtents);
    block.getReadsMutable().assign(newReads);
    block.getWritesMutable().assign(newWrite);
  });
  for (auto [from, to] : redirects)
    rewriter.replaceUsesWithIf(from, to, [&](OpOperand &use) {
      return block->isProperAncestor(use.getOwner());
    });

  // Step 5. The output's original domain copied back after the nest.
  if (paddedOutput) {
    unsigned rank = plan.writeVars.size();
    rewriter.setInsertionPointAfter(root);
    BlockOp copyOut = createCopyNest(
        rewriter, root, (name + "_pad_write").str(),
        pick(original, plan.writeVars), paddedOutput, identityRegion(ctx, rank),
        output, identityRegion(ctx, rank));
    Block *body = copyOut.getBody();
    rewriter.setInsertionPointToStart(body);
    Value value = memref::LoadOp::create(rewriter, loc, paddedOutput,
                                         body->getArguments());
    memref::StoreOp::create(rewriter, loc, value, output, body->getArguments());
  }
  return DiagnosedSilenceableFailure::success();
}
