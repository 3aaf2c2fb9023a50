//===- CacheInline.cpp - TensorIR caching and inlining --------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's get_producers, get_consumers, compute_inline, reverse_compute_inline,
// cache_read, cache_write and storage_align. Each primitive runs all of its
// checks, and computes every new region, before it touches the IR.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "ScheduleUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlc::tir;
using mlc::tir::detail::getSymbolFreeExtents;
using mlc::tir::detail::rejectSymbolicRegions;

//===----------------------------------------------------------------------===//
// Scopes
//===----------------------------------------------------------------------===//

/// The op whose regions hold `op`'s scope: the nearest enclosing tir.block
/// or tir.prim_func.
static Operation *getScopeOp(Operation *op) {
  for (Operation *parent = op->getParentOp(); parent;
       parent = parent->getParentOp())
    if (isa<BlockOp, PrimFuncOp>(parent))
      return parent;
  return nullptr;
}

/// The blocks directly in the scope of `scope` (not inside another block),
/// in program order.
static SmallVector<BlockOp> getScopeBlocks(Operation *scope) {
  SmallVector<BlockOp> blocks;
  for (Region &region : scope->getRegions())
    region.walk<WalkOrder::PreOrder>([&](BlockOp block) {
      blocks.push_back(block);
      return WalkResult::skip();
    });
  return blocks;
}

/// The op of `block`'s scope that holds `block`: its outermost loop, or the
/// block itself.
static Operation *getScopeRoot(BlockOp block, Operation *scope) {
  Operation *root = block;
  while (root->getParentOp() != scope)
    root = root->getParentOp();
  return root;
}

/// Blocks of `scope` (other than `block`) for which `related` holds.
template <typename Pred>
static SmallVector<BlockOp> getRelatedBlocks(BlockOp block, Pred related) {
  Operation *scope = getScopeOp(block);
  if (!scope)
    return {};
  SmallVector<BlockOp> result;
  for (BlockOp other : getScopeBlocks(scope))
    if (other != block && related(other))
      result.push_back(other);
  return result;
}

SmallVector<BlockOp> mlc::tir::getProducers(BlockOp block) {
  return getRelatedBlocks(block, [&](BlockOp other) {
    return llvm::any_of(other.getWrites(), [&](Value buffer) {
      return llvm::is_contained(block.getReads(), buffer);
    });
  });
}

SmallVector<BlockOp> mlc::tir::getConsumers(BlockOp block) {
  return getRelatedBlocks(block, [&](BlockOp other) {
    return llvm::any_of(other.getReads(), [&](Value buffer) {
      return llvm::is_contained(block.getWrites(), buffer);
    });
  });
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// An `index` constant at the entry of `func`, reusing an existing one.
static Value getIndexConstant(RewriterBase &rewriter, PrimFuncOp func,
                              Location loc, int64_t value) {
  Block &entry = func.getBody().front();
  for (Operation &op : entry)
    if (auto existing = dyn_cast<arith::ConstantIndexOp>(op);
        existing && existing.value() == value)
      return existing;
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(&entry);
  return arith::ConstantIndexOp::create(rewriter, loc, value);
}

/// `name`, or `name_<n>` for the first `n` that no block of `func` has.
static std::string getUniqueBlockName(PrimFuncOp func, StringRef name) {
  llvm::StringSet<> taken;
  func.walk([&](BlockOp block) { taken.insert(block.getNameHint()); });
  std::string candidate = name.str();
  for (unsigned n = 1; taken.contains(candidate); ++n)
    candidate = (name + "_" + Twine(n)).str();
  return candidate;
}

/// A silenceable failure at `op`: "cannot <what>: <why>".
static DiagnosedSilenceableFailure reject(Operation *op, const Twine &what,
                                          const Twine &why) {
  return emitSilenceableFailure(op) << "cannot " << what << ": " << why;
}

/// Whether `buffer` is a parameter of a tir.prim_func.
static bool isPrimFuncParam(Value buffer) {
  auto arg = dyn_cast<BlockArgument>(buffer);
  return arg && isa<PrimFuncOp>(arg.getOwner()->getParentOp());
}

/// Erases `block` and the loops around it that it leaves without other
/// content than index computations.
static void eraseBlockAndEmptyLoops(RewriterBase &rewriter, BlockOp block) {
  Operation *erased = block;
  while (auto loop = dyn_cast<ForOp>(erased->getParentOp())) {
    bool onlyIndexMath =
        llvm::all_of(loop.getBody()->without_terminator(), [&](Operation &op) {
          return &op == erased ||
                 (op.getNumRegions() == 0 && isMemoryEffectFree(&op));
        });
    if (!onlyIndexMath)
      break;
    erased = loop;
  }
  rewriter.eraseOp(erased);
}

/// Erases the tir.alloc_buffer of `buffer` once nothing uses it.
static void eraseDeadAlloc(RewriterBase &rewriter, Value buffer) {
  if (auto alloc = buffer.getDefiningOp<AllocBufferOp>();
      alloc && alloc->use_empty())
    rewriter.eraseOp(alloc);
}

/// Rewrites `region` (over the iteration variables of a block P) over the
/// iteration variables of a block Q (`numDims` of them), where P's variable
/// #i ranges over `[starts[i], starts[i] + extents[i])`. Fails when a
/// region dimension is not linear in a variable whose range is wider than a
/// point, since the range of such a dimension is not a box.
static FailureOr<BufferRegionAttr> composeRegion(BufferRegionAttr region,
                                                 ArrayRef<AffineExpr> starts,
                                                 ArrayRef<int64_t> extents,
                                                 unsigned numDims) {
  MLIRContext *ctx = region.getContext();
  SmallVector<AffineExpr> newStarts;
  SmallVector<int64_t> newExtents;
  for (auto [expr, extent] : llvm::zip_equal(region.getStart().getResults(),
                                             getSymbolFreeExtents(region))) {
    AffineExpr start = expr.replaceDims(starts);
    int64_t newExtent = extent;
    for (auto [i, varExtent] : llvm::enumerate(extents)) {
      if (varExtent == 1 || !expr.isFunctionOfDim(i))
        continue;
      AffineExpr dim = getAffineDimExpr(i, ctx);
      AffineExpr step = simplifyAffineExpr(expr.replace(dim, dim + 1) - expr,
                                           extents.size(), 0);
      auto coefficient = dyn_cast<AffineConstantExpr>(step);
      if (!coefficient)
        return failure();
      int64_t spread = coefficient.getValue() * (varExtent - 1);
      // A negative coefficient reaches its lowest index at the end of the
      // variable's range.
      if (spread < 0)
        start = start + spread;
      newExtent += std::abs(spread);
    }
    newStarts.push_back(simplifyAffineExpr(start, numDims, 0));
    newExtents.push_back(newExtent);
  }
  return BufferRegionAttr::get(ctx, AffineMap::get(numDims, 0, newStarts, ctx),
                               newExtents);
}

/// Appends (`buffer`, `region`) to the lists unless it is already there.
static void addRegion(SmallVectorImpl<Value> &buffers,
                      SmallVectorImpl<BufferRegionAttr> &regions, Value buffer,
                      BufferRegionAttr region) {
  for (auto [existing, existingRegion] : llvm::zip_equal(buffers, regions))
    if (existing == buffer && existingRegion == region)
      return;
  buffers.push_back(buffer);
  regions.push_back(region);
}

static SmallVector<BufferRegionAttr> getRegions(ArrayAttr regions) {
  return llvm::to_vector(regions.getAsRange<BufferRegionAttr>());
}

static ArrayAttr toArrayAttr(MLIRContext *ctx,
                             ArrayRef<BufferRegionAttr> regions) {
  return ArrayAttr::get(ctx,
                        SmallVector<Attribute>(regions.begin(), regions.end()));
}

/// Whether the iteration variable `var` of `block` ranges over dimension
/// `dim` of `buffer` exactly.
static bool coversDim(BlockOp block, unsigned var, Value buffer, unsigned dim) {
  auto type = cast<MemRefType>(buffer.getType());
  OpFoldResult extent = block.getMixedExtents()[var];
  if (!type.isDynamicDim(dim))
    return getConstantIntValue(extent) == type.getDimSize(dim);
  auto value = dyn_cast<Value>(extent);
  if (!value)
    return false;
  if (auto dimOp = value.getDefiningOp<memref::DimOp>())
    return dimOp.getSource() == buffer &&
           getConstantIntValue(dimOp.getDimension()) ==
               static_cast<int64_t>(dim);
  if (auto alloc = buffer.getDefiningOp<AllocBufferOp>())
    return alloc.getDynamicSizes()[type.getDynamicDimIndex(dim)] == value;
  // An index parameter of the prim_func is taken to be the size, as TVM's
  // buffer_map shape variables are.
  return isPrimFuncParam(value);
}

//===----------------------------------------------------------------------===//
// Inlining
//===----------------------------------------------------------------------===//

namespace {
/// A block computing `B[...] = f(...)`: its single store and, when the store
/// indices are distinct iteration variables, which ones (index k is
/// variable `perm[k]`).
struct StoreBlock {
  memref::StoreOp store;
  SmallVector<unsigned> perm;
};
} // namespace

/// Whether `indices` are distinct iteration variables of `block`, one per
/// variable; fills `perm` (index k is variable perm[k]).
static bool getIterVarPermutation(BlockOp block, ValueRange indices,
                                  SmallVectorImpl<unsigned> &perm) {
  if (indices.size() != block.getNumIterVars())
    return false;
  llvm::SmallBitVector seen(indices.size());
  for (Value index : indices) {
    auto arg = dyn_cast<BlockArgument>(index);
    if (!arg || arg.getOwner() != block.getBody() ||
        seen.test(arg.getArgNumber()))
      return false;
    seen.set(arg.getArgNumber());
    perm.push_back(arg.getArgNumber());
  }
  return true;
}

/// Checks that `block` is a complete elementwise block: spatial iteration
/// variables only, no init, no predicate, a single written buffer that its
/// body stores once, and otherwise only loads of other buffers and pure ops
/// without regions.
static DiagnosedSilenceableFailure
analyzeStoreBlock(BlockOp block, const Twine &what, StoreBlock &info) {
  if (DiagnosedSilenceableFailure diag = rejectSymbolicRegions(block, what);
      !diag.succeeded())
    return diag;
  if (block.hasInit())
    return reject(block, what, "it has an init region");
  for (unsigned i = 0, e = block.getNumIterVars(); i < e; ++i)
    if (block.getIterKind(i) != IterKind::Spatial)
      return reject(block, what,
                    "iteration variable #" + Twine(i) + " is '" +
                        stringifyIterKind(block.getIterKind(i)) +
                        "', not spatial");
  if (block.getPredicate())
    return reject(block, what, "it has a predicate");
  if (block.getWrites().size() != 1)
    return reject(block, what,
                  "it writes " + Twine(block.getWrites().size()) +
                      " buffers, not one");
  Value written = block.getWrites().front();
  if (llvm::is_contained(block.getReads(), written))
    return reject(block, what, "it reads the buffer it writes");
  for (Operation &op : block.getBody()->without_terminator()) {
    if (op.getNumRegions() != 0)
      return reject(&op, what, "the block body holds an op with regions");
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      if (info.store)
        return reject(&op, what, "the block stores more than once");
      info.store = store;
      continue;
    }
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      if (load.getMemRef() == written)
        return reject(&op, what, "the block loads the buffer it writes");
      continue;
    }
    if (!isMemoryEffectFree(&op))
      return reject(&op, what,
                    "the block body has memory effects other than loads and "
                    "one store");
  }
  if (!info.store)
    return reject(block, what, "it has no store");
  return DiagnosedSilenceableFailure::success();
}

/// Rejects a buffer that is not an intermediate `tir.alloc_buffer`.
static DiagnosedSilenceableFailure
checkIntermediate(BlockOp block, Value buffer, const Twine &what) {
  if (isPrimFuncParam(buffer))
    return reject(block, what,
                  "the intermediate buffer is parameter #" +
                      Twine(cast<BlockArgument>(buffer).getArgNumber()) +
                      " of the prim_func (an input or output)");
  if (!buffer.getDefiningOp<AllocBufferOp>())
    return reject(
        block, what,
        "the intermediate buffer is not allocated by tir.alloc_buffer");
  return DiagnosedSilenceableFailure::success();
}

/// Checks that the iteration variables `perm` of `block` range over the
/// whole of `buffer`, variable perm[k] over dimension k.
static DiagnosedSilenceableFailure checkCoversBuffer(BlockOp block,
                                                     ArrayRef<unsigned> perm,
                                                     Value buffer,
                                                     const Twine &what) {
  for (auto [dim, var] : llvm::enumerate(perm))
    if (!coversDim(block, var, buffer, dim))
      return reject(block, what,
                    "iteration variable #" + Twine(var) +
                        " does not range over the whole dimension " +
                        Twine(dim) + " of the intermediate buffer");
  return DiagnosedSilenceableFailure::success();
}

/// Rejects a block strictly between `first` and `last` (in program order of
/// the prim_func) that writes one of `buffers`, or (`anyAccess`) reads it:
/// moving accesses of `buffers` from one to the other would reorder them.
static DiagnosedSilenceableFailure
checkNoAccessBetween(BlockOp first, BlockOp last, ValueRange buffers,
                     bool anyAccess, const Twine &what) {
  auto func = first->getParentOfType<PrimFuncOp>();
  SmallVector<BlockOp> order;
  func.walk<WalkOrder::PreOrder>(
      [&](BlockOp block) { order.push_back(block); });
  auto *begin = llvm::find(order, first), *end = llvm::find(order, last);
  if (end < begin) {
    DiagnosedSilenceableFailure diag =
        reject(last, what, "this block comes before the block it depends on");
    diag.attachNote(first.getLoc())
        << "block \"" << first.getNameHint() << "\"";
    return diag;
  }
  for (BlockOp between : llvm::make_range(begin + 1, end)) {
    if (between->isAncestor(last) || between->isAncestor(first))
      continue;
    for (Value buffer : buffers) {
      if (!llvm::is_contained(between.getWrites(), buffer) &&
          !(anyAccess && llvm::is_contained(between.getReads(), buffer)))
        continue;
      DiagnosedSilenceableFailure diag =
          reject(between, what,
                 "this block accesses a buffer whose accesses would move "
                 "across it");
      diag.attachNote(buffer.getLoc()) << "buffer";
      return diag;
    }
  }
  return DiagnosedSilenceableFailure::success();
}

/// Rejects a value that `source` uses from outside `source` and that does
/// not dominate `target`, where a copy of `source`'s ops goes.
static DiagnosedSilenceableFailure
checkExternalValuesDominate(DominanceInfo &dom, BlockOp source,
                            Operation *target, const Twine &what) {
  for (Operation &op : source.getBody()->without_terminator())
    for (Value operand : op.getOperands()) {
      if (source->isAncestor(operand.getParentBlock()->getParentOp()) ||
          dom.properlyDominates(operand, target))
        continue;
      DiagnosedSilenceableFailure diag =
          reject(&op, what,
                 "this op uses a value that is not available where it would "
                 "be copied");
      diag.attachNote(target->getLoc()) << "copied here";
      return diag;
    }
  return DiagnosedSilenceableFailure::success();
}

/// The ranges of a store block's variables in a block whose region of the
/// stored buffer is `region` (dimension k is variable perm[k]).
static void getVarRanges(const StoreBlock &info, BufferRegionAttr region,
                         SmallVectorImpl<AffineExpr> &starts,
                         SmallVectorImpl<int64_t> &extents) {
  starts.assign(info.perm.size(), AffineExpr());
  extents.assign(info.perm.size(), 1);
  for (auto [k, var] : llvm::enumerate(info.perm)) {
    starts[var] = region.getStart().getResult(k);
    extents[var] = getSymbolFreeExtents(region)[k];
  }
}

/// Composes each of `regions` through the variable ranges, appending them
/// to (`buffers`, `result`).
static DiagnosedSilenceableFailure
composeRegions(Operation *at, const Twine &what, ValueRange sourceBuffers,
               ArrayRef<BufferRegionAttr> sourceRegions,
               ArrayRef<AffineExpr> starts, ArrayRef<int64_t> extents,
               unsigned numDims, SmallVectorImpl<Value> &buffers,
               SmallVectorImpl<BufferRegionAttr> &result) {
  for (auto [buffer, region] : llvm::zip_equal(sourceBuffers, sourceRegions)) {
    FailureOr<BufferRegionAttr> composed =
        composeRegion(region, starts, extents, numDims);
    if (failed(composed)) {
      DiagnosedSilenceableFailure diag =
          reject(at, what,
                 "a region is not linear in an iteration variable that "
                 "ranges over more than one point");
      diag.attachNote(buffer.getLoc()) << "buffer of the region";
      return diag;
    }
    addRegion(buffers, result, buffer, *composed);
  }
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure mlc::tir::computeInline(RewriterBase &rewriter,
                                                    BlockOp block) {
  // Step 1. Check everything.
  std::string what = ("inline block \"" + block.getNameHint() + "\"").str();
  StoreBlock info;
  DiagnosedSilenceableFailure diag = analyzeStoreBlock(block, what, info);
  if (!diag.succeeded())
    return diag;
  Value buffer = block.getWrites().front();
  if (info.store.getMemRef() != buffer)
    return reject(info.store, what, "the store is not to its written buffer");
  if (!getIterVarPermutation(block, info.store.getIndices(), info.perm))
    return reject(info.store, what,
                  "the store indices are not distinct iteration variables, "
                  "one per variable");
  diag = checkIntermediate(block, buffer, what);
  if (!diag.succeeded())
    return diag;
  // The readers may read any element: the block must compute all of them.
  diag = checkCoversBuffer(block, info.perm, buffer, what);
  if (!diag.succeeded())
    return diag;

  // The readers of the buffer: blocks that list it in `reads`, and the loads
  // in them (not in blocks nested in them).
  llvm::SetVector<BlockOp> readerSet;
  SmallVector<memref::LoadOp> loads;
  for (OpOperand &use : buffer.getUses()) {
    Operation *user = use.getOwner();
    if (user == block.getOperation() || user == info.store.getOperation())
      continue;
    if (auto reader = dyn_cast<BlockOp>(user)) {
      if (llvm::is_contained(reader.getWrites(), buffer)) {
        DiagnosedSilenceableFailure diag =
            reject(block, what, "another block writes its buffer");
        diag.attachNote(reader.getLoc()) << "other writer";
        return diag;
      }
      readerSet.insert(reader);
      continue;
    }
    if (auto load = dyn_cast<memref::LoadOp>(user)) {
      auto reader = load->getParentOfType<BlockOp>();
      if (reader && llvm::is_contained(reader.getReads(), buffer)) {
        loads.push_back(load);
        continue;
      }
    }
    DiagnosedSilenceableFailure diag =
        reject(block, what,
               "its buffer has a use that is not a load in a "
               "block that reads it");
    diag.attachNote(user->getLoc()) << "use";
    return diag;
  }

  SmallVector<BlockOp> readers = readerSet.takeVector();
  auto func = block->getParentOfType<PrimFuncOp>();
  DominanceInfo dom(func);
  SmallVector<Value> producerReads(block.getReads());
  for (BlockOp reader : readers) {
    diag = rejectSymbolicRegions(reader, what);
    if (!diag.succeeded())
      return diag;
    diag = checkNoAccessBetween(block, reader, producerReads,
                                /*anyAccess=*/false, what);
    if (!diag.succeeded())
      return diag;
  }
  for (memref::LoadOp load : loads) {
    diag = checkExternalValuesDominate(dom, block, load, what);
    if (!diag.succeeded())
      return diag;
  }

  // The new read lists: the buffer's regions become the block's read
  // regions composed with them.
  SmallVector<BufferRegionAttr> blockRegions =
      getRegions(block.getReadRegions());
  SmallVector<SmallVector<Value>> newReads(readers.size());
  SmallVector<SmallVector<BufferRegionAttr>> newRegions(readers.size());
  for (auto [reader, reads, regions] :
       llvm::zip_equal(readers, newReads, newRegions)) {
    for (auto [read, region] : llvm::zip_equal(
             reader.getReads(), getRegions(reader.getReadRegions()))) {
      if (read != buffer) {
        addRegion(reads, regions, read, region);
        continue;
      }
      SmallVector<AffineExpr> starts;
      SmallVector<int64_t> extents;
      getVarRanges(info, region, starts, extents);
      diag =
          composeRegions(reader, what, block.getReads(), blockRegions, starts,
                         extents, reader.getNumIterVars(), reads, regions);
      if (!diag.succeeded())
        return diag;
    }
  }

  // Step 2. Replace every load by a copy of the computation.
  Block *body = block.getBody();
  for (memref::LoadOp load : loads) {
    IRMapping mapping;
    for (auto [k, var] : llvm::enumerate(info.perm))
      mapping.map(body->getArgument(var), load.getIndices()[k]);
    rewriter.setInsertionPoint(load);
    for (Operation &op : body->without_terminator())
      if (&op != info.store.getOperation())
        rewriter.clone(op, mapping);
    rewriter.replaceOp(load,
                       mapping.lookupOrDefault(info.store.getValueToStore()));
  }
  MLIRContext *ctx = block.getContext();
  for (size_t i = 0, e = readers.size(); i < e; ++i) {
    BlockOp reader = readers[i];
    rewriter.modifyOpInPlace(reader, [&] {
      reader.getReadsMutable().assign(newReads[i]);
      reader.setReadRegionsAttr(toArrayAttr(ctx, newRegions[i]));
    });
  }

  // Step 3. Remove the block and its buffer.
  eraseBlockAndEmptyLoops(rewriter, block);
  eraseDeadAlloc(rewriter, buffer);
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure
mlc::tir::reverseComputeInline(RewriterBase &rewriter, BlockOp block) {
  // Step 1. Check everything.
  std::string what =
      ("reverse-inline block \"" + block.getNameHint() + "\"").str();
  StoreBlock info;
  DiagnosedSilenceableFailure diag = analyzeStoreBlock(block, what, info);
  if (!diag.succeeded())
    return diag;
  SmallVector<BlockOp> producers = getProducers(block);
  if (producers.size() != 1) {
    DiagnosedSilenceableFailure diag = reject(
        block, what,
        "it has " + Twine(producers.size()) + " producer blocks, not one");
    for (BlockOp producer : producers)
      diag.attachNote(producer.getLoc()) << "producer";
    return diag;
  }
  BlockOp producer = producers.front();
  std::string producerWhat =
      what + " into block \"" + producer.getNameHint().str() + "\"";
  StoreBlock producerInfo;
  diag = analyzeStoreBlock(producer, producerWhat, producerInfo);
  if (!diag.succeeded())
    return diag;
  Value buffer = producer.getWrites().front();
  if (producerInfo.store.getMemRef() != buffer)
    return reject(producerInfo.store, producerWhat,
                  "the store is not to its written buffer");
  diag = checkIntermediate(block, buffer, what);
  if (!diag.succeeded())
    return diag;
  Value output = block.getWrites().front();
  if (info.store.getMemRef() != output)
    return reject(info.store, what, "the store is not to its written buffer");

  // The buffer is used by its allocation, the producer and its store, and
  // the block and its loads, which all use the same iteration variables.
  SmallVector<memref::LoadOp> loads;
  for (OpOperand &use : buffer.getUses()) {
    Operation *user = use.getOwner();
    if (isa<AllocBufferOp>(user) || user == producer.getOperation() ||
        user == producerInfo.store.getOperation() ||
        user == block.getOperation())
      continue;
    auto load = dyn_cast<memref::LoadOp>(user);
    if (load && load->getParentOp() == block.getOperation()) {
      SmallVector<unsigned> perm;
      if (!getIterVarPermutation(block, load.getIndices(), perm) ||
          (!info.perm.empty() && perm != info.perm))
        return reject(load, what,
                      "the load indices are not distinct iteration "
                      "variables, one per variable, the same in every load");
      info.perm = perm;
      loads.push_back(load);
      continue;
    }
    DiagnosedSilenceableFailure diag =
        reject(block, what, "the buffer it reads has another use");
    diag.attachNote(user->getLoc()) << "use";
    return diag;
  }
  if (loads.empty())
    return reject(block, what, "it does not load the buffer it reads");
  // The producer computes every element, so the block's computation must be
  // defined (its writes in bounds) for all of them.
  diag = checkCoversBuffer(block, info.perm, buffer, what);
  if (!diag.succeeded())
    return diag;

  SmallVector<Value> moved(block.getReads());
  moved.push_back(output);
  diag = checkNoAccessBetween(producer, block, moved, /*anyAccess=*/true, what);
  if (!diag.succeeded())
    return diag;
  auto func = block->getParentOfType<PrimFuncOp>();
  DominanceInfo dom(func);
  diag = checkExternalValuesDominate(dom, block, producerInfo.store, what);
  if (!diag.succeeded())
    return diag;

  // The producer's new regions: the block's regions over the producer's
  // variables, through the producer's write region of the buffer.
  SmallVector<AffineExpr> starts;
  SmallVector<int64_t> extents;
  getVarRanges(info, getRegions(producer.getWriteRegions()).front(), starts,
               extents);
  unsigned numDims = producer.getNumIterVars();
  SmallVector<Value> newReads, newWrites;
  SmallVector<BufferRegionAttr> newReadRegions, newWriteRegions;
  for (auto [read, region] : llvm::zip_equal(
           producer.getReads(), getRegions(producer.getReadRegions())))
    addRegion(newReads, newReadRegions, read, region);
  SmallVector<Value> otherReads;
  SmallVector<BufferRegionAttr> otherRegions;
  for (auto [read, region] :
       llvm::zip_equal(block.getReads(), getRegions(block.getReadRegions())))
    if (read != buffer) {
      otherReads.push_back(read);
      otherRegions.push_back(region);
    }
  diag = composeRegions(block, what, otherReads, otherRegions, starts, extents,
                        numDims, newReads, newReadRegions);
  if (!diag.succeeded())
    return diag;
  diag = composeRegions(block, what, block.getWrites(),
                        getRegions(block.getWriteRegions()), starts, extents,
                        numDims, newWrites, newWriteRegions);
  if (!diag.succeeded())
    return diag;

  // Step 2. The producer's store becomes the block's computation.
  IRMapping mapping;
  for (auto [k, var] : llvm::enumerate(info.perm))
    mapping.map(block.getBody()->getArgument(var),
                producerInfo.store.getIndices()[k]);
  for (memref::LoadOp load : loads)
    mapping.map(load.getResult(), producerInfo.store.getValueToStore());
  rewriter.setInsertionPoint(producerInfo.store);
  for (Operation &op : block.getBody()->without_terminator())
    if (!llvm::is_contained(loads, dyn_cast<memref::LoadOp>(op)))
      rewriter.clone(op, mapping);
  rewriter.eraseOp(producerInfo.store);
  MLIRContext *ctx = block.getContext();
  rewriter.modifyOpInPlace(producer, [&] {
    producer.getReadsMutable().assign(newReads);
    producer.setReadRegionsAttr(toArrayAttr(ctx, newReadRegions));
    producer.getWritesMutable().assign(newWrites);
    producer.setWriteRegionsAttr(toArrayAttr(ctx, newWriteRegions));
  });

  // Step 3. Remove the block and the buffer.
  eraseBlockAndEmptyLoops(rewriter, block);
  eraseDeadAlloc(rewriter, buffer);
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// Caching
//===----------------------------------------------------------------------===//

/// The sizes of `buffer` computed in front of `before`: constants, the
/// operands of its tir.alloc_buffer, or `memref.dim`.
static SmallVector<OpFoldResult> getBufferSizes(RewriterBase &rewriter,
                                                PrimFuncOp func, Value buffer,
                                                Operation *before) {
  auto type = cast<MemRefType>(buffer.getType());
  auto alloc = buffer.getDefiningOp<AllocBufferOp>();
  SmallVector<OpFoldResult> sizes;
  unsigned dynamicIndex = 0;
  for (auto [dim, size] : llvm::enumerate(type.getShape())) {
    if (!ShapedType::isDynamic(size)) {
      sizes.push_back(rewriter.getIndexAttr(size));
      continue;
    }
    if (alloc) {
      sizes.push_back(alloc.getDynamicSizes()[dynamicIndex++]);
      continue;
    }
    Value index = getIndexConstant(rewriter, func, buffer.getLoc(), dim);
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPoint(before);
    sizes.push_back(
        memref::DimOp::create(rewriter, buffer.getLoc(), buffer, index)
            .getResult());
  }
  return sizes;
}

/// Creates, at the insertion point, a buffer like `buffer` in `scope` with
/// the given sizes.
static Value createCacheBuffer(RewriterBase &rewriter, Location loc,
                               Value buffer, ArrayRef<OpFoldResult> sizes,
                               StorageScope scope) {
  auto type = cast<MemRefType>(buffer.getType());
  auto cacheType =
      MemRefType::get(type.getShape(), type.getElementType(), AffineMap(),
                      StorageScopeAttr::get(rewriter.getContext(), scope));
  SmallVector<Value> dynamicSizes;
  for (OpFoldResult size : sizes)
    if (auto value = dyn_cast<Value>(size))
      dynamicSizes.push_back(value);
  return AllocBufferOp::create(rewriter, loc, cacheType, dynamicSizes);
}

/// Creates, at the insertion point, a loop nest over `sizes` with a block
/// `name` that copies `source` into `target` element by element.
static BlockOp createCopyBlock(RewriterBase &rewriter, Location loc,
                               PrimFuncOp func, StringRef name, Value source,
                               Value target, ArrayRef<OpFoldResult> sizes) {
  OpBuilder::InsertionGuard guard(rewriter);
  MLIRContext *ctx = rewriter.getContext();
  Value zero = getIndexConstant(rewriter, func, loc, 0);
  SmallVector<Value> ivs;
  for (OpFoldResult size : sizes) {
    Value ub = isa<Value>(size) ? cast<Value>(size)
                                : getIndexConstant(rewriter, func, loc,
                                                   *getConstantIntValue(size));
    auto loop = ForOp::create(rewriter, loc, zero, ub);
    ivs.push_back(loop.getInductionVar());
    rewriter.setInsertionPointToStart(loop.getBody());
  }
  unsigned rank = sizes.size();
  auto region =
      BufferRegionAttr::get(ctx, AffineMap::getMultiDimIdentityMap(rank, ctx),
                            SmallVector<int64_t>(rank, 1));
  SmallVector<IterKind> kinds(rank, IterKind::Spatial);
  auto copy = BlockOp::create(rewriter, loc, getUniqueBlockName(func, name),
                              kinds, sizes, ivs, ValueRange{source}, {region},
                              ValueRange{target}, {region});
  rewriter.setInsertionPoint(copy.getBody()->getTerminator());
  ValueRange vars = copy.getIterVars();
  Value value = memref::LoadOp::create(rewriter, loc, source, vars);
  memref::StoreOp::create(rewriter, loc, value, target, vars);
  return copy;
}

/// Rejects a use of `buffer` inside `block` other than in the buffer lists
/// of blocks and as the buffer of `memref.load` (and, if `allowStores`,
/// `memref.store`): the other users would not accept the cache's type.
static DiagnosedSilenceableFailure checkCacheableUses(BlockOp block,
                                                      Value buffer,
                                                      bool allowStores,
                                                      const Twine &what) {
  for (OpOperand &use : buffer.getUses()) {
    Operation *user = use.getOwner();
    if (!block->isAncestor(user))
      continue;
    if (isa<BlockOp, memref::LoadOp>(user))
      continue;
    if (auto store = dyn_cast<memref::StoreOp>(user);
        store && allowStores && store.getMemRef() == buffer)
      continue;
    DiagnosedSilenceableFailure diag =
        reject(block, what,
               "the block uses the buffer in an op that cannot "
               "be redirected to the cache");
    diag.attachNote(user->getLoc()) << "use";
    return diag;
  }
  return DiagnosedSilenceableFailure::success();
}

/// Rejects an op in `root` outside `block` that accesses `buffer` (a block
/// listing it, a load or a store), or (`onlyWrites`) writes it.
static DiagnosedSilenceableFailure
checkNoOtherAccessInNest(Operation *root, BlockOp block, Value buffer,
                         bool onlyWrites, const Twine &what) {
  for (Operation *user : buffer.getUsers()) {
    if (!root->isAncestor(user) || block->isAncestor(user) ||
        user->isProperAncestor(block))
      continue;
    bool writes = isa<memref::StoreOp>(user) ||
                  (isa<BlockOp>(user) &&
                   llvm::is_contained(cast<BlockOp>(user).getWrites(), buffer));
    if (onlyWrites && !writes)
      continue;
    DiagnosedSilenceableFailure diag =
        reject(block, what, "another op in its loop nest accesses the buffer");
    diag.attachNote(user->getLoc()) << "other access";
    return diag;
  }
  return DiagnosedSilenceableFailure::success();
}

/// Points the uses of `buffer` inside `block` at `cache`.
static void redirectUses(RewriterBase &rewriter, BlockOp block, Value buffer,
                         Value cache) {
  rewriter.replaceUsesWithIf(buffer, cache, [&](OpOperand &use) {
    return block->isAncestor(use.getOwner());
  });
}

/// Finds the prim_func of `block` and `root`, the op of its scope that
/// holds it, checks that `buffer` is defined in front of `root` and that
/// no other op in `root` accesses (`onlyWrites`: writes) the buffer.
static DiagnosedSilenceableFailure
checkCacheRoot(BlockOp block, Value buffer, bool onlyWrites, const Twine &what,
               PrimFuncOp &func, Operation *&root) {
  Operation *scopeOp = getScopeOp(block);
  func = block->getParentOfType<PrimFuncOp>();
  if (!scopeOp || !func)
    return reject(block, what, "the block is not inside a tir.prim_func");
  root = getScopeRoot(block, scopeOp);
  DominanceInfo dom(func);
  if (!dom.properlyDominates(buffer, root))
    return reject(block, what,
                  "the buffer is not defined before the block's loop nest");
  return checkNoOtherAccessInNest(root, block, buffer, onlyWrites, what);
}

/// Creates the cache of `buffer` in `scope` in front of `root`, which
/// `block` uses instead, and the block `<block>_read<index>_<scope>` that
/// fills it in front of `root` or (`copyBack`) the block
/// `<block>_write<index>_<scope>` that copies it back after `root`.
static BlockOp createCache(RewriterBase &rewriter, BlockOp block,
                           PrimFuncOp func, Operation *root, Value buffer,
                           unsigned index, StorageScope scope, bool copyBack) {
  Location loc = block.getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  SmallVector<OpFoldResult> sizes =
      getBufferSizes(rewriter, func, buffer, root);
  rewriter.setInsertionPoint(root);
  Value cache = createCacheBuffer(rewriter, loc, buffer, sizes, scope);
  redirectUses(rewriter, block, buffer, cache);
  std::string name = (block.getNameHint() + (copyBack ? "_write" : "_read") +
                      Twine(index) + "_" + stringifyStorageScope(scope))
                         .str();
  if (!copyBack)
    return createCopyBlock(rewriter, loc, func, name, buffer, cache, sizes);
  rewriter.setInsertionPointAfter(root);
  return createCopyBlock(rewriter, loc, func, name, cache, buffer, sizes);
}

DiagnosedSilenceableFailure
mlc::tir::cacheRead(RewriterBase &rewriter, BlockOp block, unsigned readIndex,
                    StorageScope scope, BlockOp &result) {
  // Step 1. Check everything.
  std::string what = ("cache read buffer #" + Twine(readIndex) +
                      " of block \"" + block.getNameHint() + "\"")
                         .str();
  if (readIndex >= block.getReads().size())
    return reject(block, what,
                  "the block has " + Twine(block.getReads().size()) +
                      " read buffer(s)");
  Value buffer = block.getReads()[readIndex];
  if (llvm::is_contained(block.getWrites(), buffer))
    return reject(block, what, "the block also writes the buffer");
  DiagnosedSilenceableFailure diag =
      checkCacheableUses(block, buffer, /*allowStores=*/false, what);
  if (!diag.succeeded())
    return diag;
  // The copy runs before the whole nest: no write in it may precede the
  // block's reads.
  PrimFuncOp func;
  Operation *root;
  diag = checkCacheRoot(block, buffer, /*onlyWrites=*/true, what, func, root);
  if (!diag.succeeded())
    return diag;

  // Step 2. The cache and the copy in front of the nest; the block reads
  // the cache.
  result = createCache(rewriter, block, func, root, buffer, readIndex, scope,
                       /*copyBack=*/false);
  return DiagnosedSilenceableFailure::success();
}

/// Checks that write region `index` of `block` covers its whole buffer:
/// dimension k is a distinct iteration variable over the whole dimension.
static DiagnosedSilenceableFailure
checkWholeBufferWrite(BlockOp block, unsigned index, const Twine &what) {
  Value buffer = block.getWrites()[index];
  auto region = getRegions(block.getWriteRegions())[index];
  llvm::SmallBitVector seen(block.getNumIterVars());
  for (auto [dim, expr, extent] : llvm::enumerate(
           region.getStart().getResults(), region.getExtents().getResults())) {
    auto var = dyn_cast<AffineDimExpr>(expr);
    if (!var || extent != getAffineConstantExpr(1, block.getContext()) ||
        seen.test(var.getPosition()) ||
        !coversDim(block, var.getPosition(), buffer, dim))
      return reject(block, what,
                    "its write region does not cover dimension " + Twine(dim) +
                        " of the buffer with one iteration variable over the "
                        "whole dimension");
    seen.set(var.getPosition());
  }
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure
mlc::tir::cacheWrite(RewriterBase &rewriter, BlockOp block, unsigned writeIndex,
                     StorageScope scope, BlockOp &result) {
  // Step 1. Check everything.
  std::string what = ("cache write buffer #" + Twine(writeIndex) +
                      " of block \"" + block.getNameHint() + "\"")
                         .str();
  if (writeIndex >= block.getWrites().size())
    return reject(block, what,
                  "the block has " + Twine(block.getWrites().size()) +
                      " write buffer(s)");
  Value buffer = block.getWrites()[writeIndex];
  bool readsBuffer =
      llvm::is_contained(block.getReads(), buffer) ||
      llvm::any_of(buffer.getUsers(), [&](Operation *user) {
        return isa<memref::LoadOp>(user) && block->isAncestor(user);
      });
  if (readsBuffer && !block.hasInit())
    return reject(block, what,
                  "the block reads the buffer and has no init region, so it "
                  "would read the cache before anything is written to it");
  DiagnosedSilenceableFailure diag =
      checkWholeBufferWrite(block, writeIndex, what);
  if (!diag.succeeded())
    return diag;
  diag = checkCacheableUses(block, buffer, /*allowStores=*/true, what);
  if (!diag.succeeded())
    return diag;
  // The copy-back runs after the whole nest: nothing else in it may see
  // the buffer.
  PrimFuncOp func;
  Operation *root;
  diag = checkCacheRoot(block, buffer, /*onlyWrites=*/false, what, func, root);
  if (!diag.succeeded())
    return diag;

  // Step 2. The cache in front of the nest, the copy-back after it; the
  // block works on the cache.
  result = createCache(rewriter, block, func, root, buffer, writeIndex, scope,
                       /*copyBack=*/true);
  return DiagnosedSilenceableFailure::success();
}

//===----------------------------------------------------------------------===//
// storage_align
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure mlc::tir::storageAlign(RewriterBase &rewriter,
                                                   BlockOp block,
                                                   unsigned writeIndex,
                                                   int64_t axis, int64_t factor,
                                                   int64_t offset) {
  // Step 1. Check everything.
  std::string what = ("align buffer #" + Twine(writeIndex) + " of block \"" +
                      block.getNameHint() + "\"")
                         .str();
  if (writeIndex >= block.getWrites().size())
    return reject(block, what,
                  "the block has " + Twine(block.getWrites().size()) +
                      " write buffer(s)");
  if (factor <= 0 || offset < 0 || offset >= factor)
    return reject(block, what,
                  "expects a positive factor and an offset in [0, factor)");
  Value buffer = block.getWrites()[writeIndex];
  auto alloc = buffer.getDefiningOp<AllocBufferOp>();
  if (!alloc)
    return reject(block, what,
                  "only a buffer allocated by tir.alloc_buffer can be padded "
                  "(not a prim_func parameter)");
  MemRefType type = alloc.getType();
  int64_t rank = type.getRank();
  int64_t dim = axis < 0 ? axis + rank : axis;
  if (dim < 0 || dim >= rank)
    return reject(block, what,
                  "axis " + Twine(axis) + " is out of range for rank " +
                      Twine(rank));
  if (dim == rank - 1)
    return reject(block, what,
                  "the stride of the innermost dimension is 1 and cannot be "
                  "padded while the layout stays the identity");
  ArrayRef<int64_t> shape = type.getShape();
  if (llvm::any_of(shape.drop_front(dim + 1), ShapedType::isDynamic))
    return reject(block, what,
                  "the dimensions inside axis " + Twine(dim) +
                      " must have static sizes");
  // stride(dim) = size(dim + 1) * inner, where inner = stride(dim + 1):
  // find the smallest size(dim + 1) that aligns it. Sizes repeat modulo
  // factor, so trying `factor` of them is enough.
  int64_t inner = 1;
  for (int64_t size : shape.drop_front(dim + 2))
    inner *= size;
  int64_t padded = -1;
  for (int64_t size = shape[dim + 1]; size < shape[dim + 1] + factor; ++size)
    if ((size * inner) % factor == offset) {
      padded = size;
      break;
    }
  if (padded < 0)
    return reject(block, what,
                  "no size of dimension " + Twine(dim + 1) +
                      " makes the stride of axis " + Twine(dim) + " equal " +
                      Twine(offset) + " modulo " + Twine(factor));
  for (Operation *user : buffer.getUsers())
    if (!isa<BlockOp, memref::LoadOp, memref::StoreOp>(user)) {
      DiagnosedSilenceableFailure diag =
          reject(block, what, "the buffer has a use whose type would change");
      diag.attachNote(user->getLoc()) << "use";
      return diag;
    }

  // Step 2. Enlarge the allocation; the accesses stay where they are.
  SmallVector<int64_t> newShape(shape);
  newShape[dim + 1] = padded;
  auto newType = MemRefType::get(newShape, type.getElementType(), AffineMap(),
                                 type.getMemorySpace());
  rewriter.modifyOpInPlace(alloc, [&] { alloc.getResult().setType(newType); });
  return DiagnosedSilenceableFailure::success();
}
