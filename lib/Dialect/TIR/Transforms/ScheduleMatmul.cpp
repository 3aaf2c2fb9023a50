//===- ScheduleMatmul.cpp - Default CPU schedule of f32 matmuls -----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// GotoBLAS on TensorIR: tiles for the caches, a register-blocked FMA
// micro-kernel through `tensorize`, and, when there are enough rows to pay
// for it, B packed into panels the micro-kernel streams contiguously.
//
//===----------------------------------------------------------------------===//

#include "ScheduleRules.h"

#include "mlc/Dialect/TIR/Intrinsics/CPU.h"
#include "mlc/Dialect/TIR/Schedule.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlc;
using mlc::detail::getPlainLoopNest;
using mlc::detail::moveParallelismOutermost;
using mlc::detail::succeeded;

/// Micro-kernel tile: rows of C per tile (each row is `2 * lanes` wide).
static constexpr int64_t kKernelRows = 6;

mlc::detail::MatmulTiling mlc::detail::MatmulTiling::get(int64_t vectorBits,
                                                         int64_t l1Bytes,
                                                         int64_t l2Bytes) {
  MatmulTiling tiling;
  tiling.lanes = vectorBits / 32;
  int64_t l1 = l1Bytes > 0 ? l1Bytes : 32 * 1024;
  int64_t l2 = l2Bytes > 0 ? l2Bytes : 1024 * 1024;
  int64_t panelRowBytes = 2 * tiling.lanes * 4;
  // Half of L1 for the panel of B, in whole cache lines of steps.
  tiling.reduceTile = std::max<int64_t>(16, (l1 / 2 / panelRowBytes) / 16 * 16);
  int64_t aTileBytes = kKernelRows * tiling.reduceTile * 4;
  tiling.rowTiles = std::clamp<int64_t>(l2 / 4 / aTileBytes, 16, 32);
  return tiling;
}

/// Packing B costs a copy of B, about 2.3 ns per element here (K = N = 4096:
/// 37 ms), against about 0.033 ns of micro-kernel time per element of B and
/// row of C; the contiguous panels save some 15% of the kernel time (the
/// strided panel of B misses L1 and the TLB from 1024 columns on). Packing
/// pays from about 500 rows of C; LLM decoding shapes (1 to 128 rows) stay
/// unpacked.
static constexpr int64_t kPackMinRows = 512;

/// Whether `block` is `C[i, j] += A[i, k] * B[k, j]` over f32 in the form
/// relax-legalize emits (the FMA intrinsics' description); tensorize checks
/// the details, this only avoids splitting loops that cannot be tensorized.
static bool isF32Matmul(tir::BlockOp block) {
  static constexpr StringLiteral kOps[] = {"memref.load", "memref.load",
                                           "arith.mulf",  "memref.load",
                                           "arith.addf",  "memref.store"};
  if (block.getNumIterVars() != 3 || block.getWrites().size() != 1 ||
      block.getIterKind(0) != tir::IterKind::Spatial ||
      block.getIterKind(1) != tir::IterKind::Spatial ||
      block.getIterKind(2) != tir::IterKind::Reduce)
    return false;
  auto type = dyn_cast<MemRefType>(block.getWrites()[0].getType());
  if (!type || !type.getElementType().isF32())
    return false;
  auto ops = block.getBody()->without_terminator();
  if (std::distance(ops.begin(), ops.end()) != std::size(kOps))
    return false;
  return llvm::all_of(llvm::zip(ops, kOps), [](auto pair) {
    return std::get<0>(pair).getName().getStringRef() == std::get<1>(pair);
  });
}

/// The load of B (`B[vk, vj]`) in a block that isF32Matmul accepts.
static memref::LoadOp getLoadOfB(tir::BlockOp block) {
  auto load = dyn_cast<memref::LoadOp>(*std::next(block.getBody()->begin()));
  ValueRange vars = block.getIterVars();
  if (!load || load.getIndices().size() != 2 ||
      load.getIndices()[0] != vars[2] || load.getIndices()[1] != vars[1] ||
      !llvm::is_contained(block.getReads(), load.getMemRef()))
    return {};
  return load;
}

/// The extent of iteration variable `var` of `block` as a value available
/// at the start of `func` (a constant there, or a prim_func parameter).
static Value getExtentAtEntry(RewriterBase &rewriter, tir::PrimFuncOp func,
                              tir::BlockOp block, unsigned var) {
  OpFoldResult extent = block.getMixedExtents()[var];
  if (auto value = dyn_cast<Value>(extent)) {
    auto arg = dyn_cast<BlockArgument>(value);
    return arg && arg.getOwner()->getParentOp() == func ? value : Value();
  }
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(&func.getBody().front());
  return arith::ConstantIndexOp::create(rewriter, block.getLoc(),
                                        *getConstantIntValue(extent));
}

namespace {
/// What the packing nests copy: B (`k x n`) into `packed` (`panels x k x
/// cols`).
struct PackNest {
  Value b, packed, n, k, panels;
  int64_t cols;
};
} // namespace

/// Emits, at the rewriter's insertion point, a nest copying panels
/// `[first, last)` of B: rows outermost, so each step reads a row
/// contiguously and writes one cache line per panel. The nest stays serial:
/// as an OpenMP region its copies did not vectorize (1.6x slower on one
/// thread). With `guardColumns` the block skips columns past `n`.
static void emitPackNest(RewriterBase &rewriter, Location loc,
                         const PackNest &nest, StringRef name, Value first,
                         Value last, bool guardColumns) {
  OpBuilder::InsertionGuard insertionGuard(rewriter);
  MLIRContext *ctx = rewriter.getContext();
  Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
  Value colsValue = arith::ConstantIndexOp::create(rewriter, loc, nest.cols);
  auto rowLoop = tir::ForOp::create(rewriter, loc, zero, nest.k);
  rewriter.setInsertionPointToStart(rowLoop.getBody());
  auto panelLoop = tir::ForOp::create(rewriter, loc, first, last);
  rewriter.setInsertionPointToStart(panelLoop.getBody());
  auto laneLoop = tir::ForOp::create(rewriter, loc, zero, colsValue);
  rewriter.setInsertionPointToStart(laneLoop.getBody());
  Value predicate;
  if (guardColumns) {
    Value column = arith::AddIOp::create(
        rewriter, loc,
        arith::MulIOp::create(rewriter, loc, panelLoop.getInductionVar(),
                              colsValue),
        laneLoop.getInductionVar());
    Value inside = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::slt, column, nest.n);
    predicate = inside;
  }
  AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
             d2 = getAffineDimExpr(2, ctx);
  auto readRegion = tir::BufferRegionAttr::get(
      ctx, AffineMap::get(3, 0, {d1, d0 * nest.cols + d2}, ctx), {1, 1});
  auto writeRegion = tir::BufferRegionAttr::get(
      ctx, AffineMap::get(3, 0, {d0, d1, d2}, ctx), {1, 1, 1});
  auto pack = tir::BlockOp::create(
      rewriter, loc, name,
      {tir::IterKind::Spatial, tir::IterKind::Spatial, tir::IterKind::Spatial},
      {nest.panels, nest.k, rewriter.getIndexAttr(nest.cols)},
      ValueRange{panelLoop.getInductionVar(), rowLoop.getInductionVar(),
                 laneLoop.getInductionVar()},
      ValueRange{nest.b}, {readRegion}, ValueRange{nest.packed}, {writeRegion},
      predicate);
  rewriter.setInsertionPointToStart(pack.getBody());
  ValueRange vars = pack.getIterVars();
  Value packCols = arith::ConstantIndexOp::create(rewriter, loc, nest.cols);
  Value source = arith::AddIOp::create(
      rewriter, loc, arith::MulIOp::create(rewriter, loc, vars[0], packCols),
      vars[2]);
  Value element = memref::LoadOp::create(rewriter, loc, nest.b,
                                         ValueRange{vars[1], source});
  memref::StoreOp::create(rewriter, loc, element, nest.packed, vars);
}

/// Allocates panels of `size` rows or columns of a `length x k` operand,
/// `[ceildiv(length, size), k, size]`, before `allocPoint`, with no panels
/// unless `allocGuard` (may be null) holds. Returns the buffer and the
/// number of panels.
static std::pair<Value, Value>
allocatePanels(RewriterBase &rewriter, Location loc, Operation *allocPoint,
               Value allocGuard, Value length, Value k, int64_t size) {
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(allocPoint);
  Value sizeValue = arith::ConstantIndexOp::create(rewriter, loc, size);
  Value panels = arith::CeilDivSIOp::create(rewriter, loc, length, sizeValue);
  Value allocated = panels;
  if (allocGuard)
    allocated = arith::SelectOp::create(
        rewriter, loc, allocGuard, panels,
        arith::ConstantIndexOp::create(rewriter, loc, 0));
  auto packedType =
      MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic, size},
                      rewriter.getF32Type());
  Value packed = tir::AllocBufferOp::create(rewriter, loc, packedType,
                                            ValueRange{allocated, k});
  return {packed, panels};
}

/// Makes the matmul `block` read `packed` where `load` read its operand:
/// `packed[v / size, vk, v % size]` for iteration variable #`var` (v) and
/// the reduction variable vk, the form of the packed intrinsics'
/// descriptions; the read region follows.
static void readFromPanels(RewriterBase &rewriter, tir::BlockOp block,
                           memref::LoadOp load, Value packed, unsigned var,
                           int64_t size) {
  MLIRContext *ctx = rewriter.getContext();
  Location loc = load.getLoc();
  Value operand = load.getMemRef();
  rewriter.setInsertionPoint(load);
  ValueRange vars = block.getIterVars();
  Value sizeValue = arith::ConstantIndexOp::create(rewriter, loc, size);
  Value panel = arith::DivUIOp::create(rewriter, loc, vars[var], sizeValue);
  Value lane = arith::RemUIOp::create(rewriter, loc, vars[var], sizeValue);
  rewriter.replaceOpWithNewOp<memref::LoadOp>(load, packed,
                                              ValueRange{panel, vars[2], lane});
  unsigned readIndex =
      llvm::find(block.getReads(), operand) - block.getReads().begin();
  SmallVector<Attribute> regions(block.getReadRegions().begin(),
                                 block.getReadRegions().end());
  AffineExpr v = getAffineDimExpr(var, ctx), vk = getAffineDimExpr(2, ctx);
  regions[readIndex] = tir::BufferRegionAttr::get(
      ctx,
      AffineMap::get(3, block.getRegionSymbols().size(),
                     {v.floorDiv(size), vk, v % size}, ctx),
      {1, 1, 1});
  rewriter.modifyOpInPlace(block, [&] {
    block.getReadsMutable()[readIndex].set(packed);
    block.setReadRegionsAttr(rewriter.getArrayAttr(regions));
  });
}

/// Copies B (`k x n`) into panels of `cols` columns, `Bp[p, k, c] = B[k, p *
/// cols + c]`, in nests in front of the matmul's nest, and makes the matmul
/// read Bp. Lanes of the last panel past `n` are left unwritten: the
/// micro-kernel masks them. The buffer is allocated before `allocPoint`
/// (in the prim_func body, where allocations are lowered), with no panels
/// unless `allocGuard` (may be null) holds. Returns false, changing nothing,
/// if B cannot be packed.
static bool packOperandB(RewriterBase &rewriter, tir::BlockOp block,
                         int64_t cols, Operation *allocPoint,
                         Value allocGuard) {
  auto func = block->getParentOfType<tir::PrimFuncOp>();
  memref::LoadOp loadB = getLoadOfB(block);
  if (!func || !loadB)
    return false;
  Value n = getExtentAtEntry(rewriter, func, block, 1);
  Value k = getExtentAtEntry(rewriter, func, block, 2);
  if (!n || !k)
    return false;
  Location loc = block.getLoc();
  Value b = loadB.getMemRef();
  // B must be read once and not written (X * X reads it as A too): its one
  // read region becomes the panels'.
  if (llvm::count(block.getReads(), b) != 1 ||
      llvm::is_contained(block.getWrites(), b))
    return false;

  auto [packed, panels] =
      allocatePanels(rewriter, loc, allocPoint, allocGuard, n, k, cols);

  // The packing nests, in front of the matmul's nest.
  rewriter.setInsertionPoint(tir::getLoops(block).front());

  // Full panels need no guard on the columns, so their copies vectorize;
  // the last, partial panel (if any) has its own guarded nest.
  Value colsValue = arith::ConstantIndexOp::create(rewriter, loc, cols);
  Value fullPanels = arith::DivSIOp::create(rewriter, loc, n, colsValue);
  PackNest nest{b, packed, n, k, panels, cols};
  emitPackNest(rewriter, loc, nest, "B_pack",
               arith::ConstantIndexOp::create(rewriter, loc, 0), fullPanels,
               /*guardColumns=*/false);
  emitPackNest(rewriter, loc, nest, "B_pack_tail", fullPanels, panels,
               /*guardColumns=*/true);

  // The matmul reads the panels: `Bp[vj / cols, vk, vj % cols]`, the form
  // of the packed intrinsic's description.
  readFromPanels(rewriter, block, loadB, packed, /*var=*/1, cols);
  return true;
}

/// The GotoBLAS schedule with a register-blocked micro-kernel: loops
/// `k/kc, i/mc, j/(2*lanes), i/6 [ki, ii, ji]` (MatmulTiling), where the
/// bracketed tile becomes the FMA intrinsic `intrinsic` (6 x 2 vector
/// accumulators). A batched matmul keeps its batch loop outermost and splits
/// off a one-batch loop in front of the tile (`b, ..., [1, ki, ii, ji]`). An
/// mc x kc block of A stays in L2 while the j loop (the parallel one: it has
/// work for every shape) sweeps kc-row panels of B. The init becomes its
/// own parallel nest in front.
static bool tileAndTensorize(RewriterBase &rewriter, tir::BlockOp block,
                             const mlc::detail::MatmulTiling &tiling,
                             StringRef intrinsic) {
  int64_t lanes = tiling.lanes;
  std::optional<SmallVector<tir::ForOp>> loops = getPlainLoopNest(block);
  if (!loops || (loops->size() != 3 && loops->size() != 4))
    return false;
  bool batched = loops->size() == 4;
  ArrayRef<tir::ForOp> ijk = ArrayRef(*loops).take_back(3);
  SmallVector<tir::ForOp> b, i, j, k, io;
  if ((batched && !succeeded(tir::split(rewriter, loops->front(),
                                        {tir::kInferredFactor, 1}, b))) ||
      !succeeded(tir::split(rewriter, ijk[0],
                            {tir::kInferredFactor, kKernelRows}, i)) ||
      !succeeded(
          tir::split(rewriter, ijk[1], {tir::kInferredFactor, 2 * lanes}, j)) ||
      !succeeded(tir::split(rewriter, ijk[2],
                            {tir::kInferredFactor, tiling.reduceTile}, k)) ||
      !succeeded(tir::split(rewriter, i[0],
                            {tir::kInferredFactor, tiling.rowTiles}, io)))
    return false;
  SmallVector<tir::ForOp> order = {k[0], io[0], j[0], io[1], k[1], i[1], j[1]};
  if (batched) {
    order.insert(order.begin(), b[0]);
    order.insert(order.begin() + 5, b[1]);
  }
  if (!succeeded(tir::reorder(rewriter, order)))
    return false;
  (void)succeeded(tir::setLoopKind(rewriter, j[0], tir::ForKind::Parallel));
  tir::BlockOp init;
  if (succeeded(tir::decomposeReduction(rewriter, block, k[0], init))) {
    SmallVector<tir::ForOp> initLoops = tir::getLoops(init);
    if (!initLoops.empty())
      (void)succeeded(
          tir::setLoopKind(rewriter, initLoops[0], tir::ForKind::Parallel));
  }
  tir::BlockOp tile;
  return succeeded(
      tir::tensorize(rewriter, batched ? b[1] : k[1], intrinsic, tile));
}

/// tileAndTensorize for a 2-D matmul, on the plain or packed-B kernel.
static bool tileAndTensorize(RewriterBase &rewriter, tir::BlockOp block,
                             const mlc::detail::MatmulTiling &tiling,
                             bool packedB) {
  return tileAndTensorize(
      rewriter, block, tiling,
      tir::getFMATensorIntrinsicName(kKernelRows, 2 * tiling.lanes, packedB));
}

/// Whether `block` is relax-legalize's batched matmul `C[b, i, j] += A[b, i,
/// k] * B[b, k, j]` over f32 with every operand indexed by the iteration
/// variables in that order (no broadcast batch).
static bool isF32BatchedMatmul(tir::BlockOp block) {
  if (block.getNumIterVars() != 4 || block.getWrites().size() != 1 ||
      block.getIterKind(3) != tir::IterKind::Reduce ||
      !llvm::all_of(llvm::seq(0, 3), [&](int v) {
        return block.getIterKind(v) == tir::IterKind::Spatial;
      }))
    return false;
  auto type = dyn_cast<MemRefType>(block.getWrites()[0].getType());
  if (!type || !type.getElementType().isF32())
    return false;
  ValueRange v = block.getIterVars();
  SmallVector<SmallVector<Value>> expected = {
      {v[0], v[1], v[3]}, {v[0], v[3], v[2]}, {v[0], v[1], v[2]}};
  SmallVector<memref::LoadOp> loads;
  for (Operation &op : block.getBody()->without_terminator())
    if (auto load = dyn_cast<memref::LoadOp>(op))
      loads.push_back(load);
  return loads.size() == 3 &&
         llvm::all_of(llvm::zip(loads, expected), [](auto pair) {
           return llvm::equal(std::get<0>(pair).getIndices(),
                              std::get<1>(pair));
         });
}

/// The batched matmul on the `_batched` FMA intrinsic (tileAndTensorize).
bool mlc::detail::scheduleBatchedMatmul(RewriterBase &rewriter,
                                        tir::BlockOp block,
                                        const MatmulTiling &tiling) {
  std::optional<SmallVector<tir::ForOp>> loops = getPlainLoopNest(block);
  if (!loops || loops->size() != 4 || !block.hasInit() ||
      !isF32BatchedMatmul(block))
    return false;
  return tileAndTensorize(
      rewriter, block, tiling,
      tir::getFMATensorIntrinsicName(kKernelRows, 2 * tiling.lanes) +
          "_batched");
}

/// Copies A (`m x k`) into panels of kKernelRows rows, `Ap[p, k, r] = A[p *
/// rows + r, k]`, in a nest in front of the matmul's nest (after B's), and
/// makes the matmul read Ap: the micro-kernel then reads one contiguous
/// stream of A instead of six strided rows with their address arithmetic.
/// Rows of the last panel past `m` are left unwritten: the micro-kernel
/// reads rows up to the last valid one. Allocated like packOperandB's
/// buffer. Returns false, changing nothing, if A cannot be packed.
static bool packOperandA(RewriterBase &rewriter, tir::BlockOp block,
                         Operation *allocPoint, Value allocGuard) {
  auto func = block->getParentOfType<tir::PrimFuncOp>();
  auto loadA = dyn_cast<memref::LoadOp>(block.getBody()->front());
  ValueRange vars = block.getIterVars();
  if (!func || !loadA || loadA.getIndices().size() != 2 ||
      loadA.getIndices()[0] != vars[0] || loadA.getIndices()[1] != vars[2])
    return false;
  Value a = loadA.getMemRef();
  if (llvm::count(block.getReads(), a) != 1 ||
      llvm::is_contained(block.getWrites(), a))
    return false;
  Value m = getExtentAtEntry(rewriter, func, block, 0);
  Value k = getExtentAtEntry(rewriter, func, block, 2);
  if (!m || !k)
    return false;
  MLIRContext *ctx = rewriter.getContext();
  Location loc = block.getLoc();
  int64_t rows = kKernelRows;

  auto [packed, panels] =
      allocatePanels(rewriter, loc, allocPoint, allocGuard, m, k, rows);

  // The packing nest: panels, then steps, then the panel's rows (one
  // element of each of `rows` rows per step, written contiguously).
  {
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPoint(tir::getLoops(block).front());
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    auto panelLoop = tir::ForOp::create(rewriter, loc, zero, panels);
    rewriter.setInsertionPointToStart(panelLoop.getBody());
    auto stepLoop = tir::ForOp::create(rewriter, loc, zero, k);
    rewriter.setInsertionPointToStart(stepLoop.getBody());
    Value rowsHere = arith::ConstantIndexOp::create(rewriter, loc, rows);
    auto rowLoop = tir::ForOp::create(rewriter, loc, zero, rowsHere);
    rewriter.setInsertionPointToStart(rowLoop.getBody());
    Value source = arith::AddIOp::create(
        rewriter, loc,
        arith::MulIOp::create(rewriter, loc, panelLoop.getInductionVar(),
                              rowsHere),
        rowLoop.getInductionVar());
    Value inside = arith::CmpIOp::create(rewriter, loc,
                                         arith::CmpIPredicate::slt, source, m);
    AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
               d2 = getAffineDimExpr(2, ctx);
    auto readRegion = tir::BufferRegionAttr::get(
        ctx, AffineMap::get(3, 0, {d0 * rows + d2, d1}, ctx), {1, 1});
    auto writeRegion = tir::BufferRegionAttr::get(
        ctx, AffineMap::get(3, 0, {d0, d1, d2}, ctx), {1, 1, 1});
    auto pack = tir::BlockOp::create(
        rewriter, loc, "A_pack",
        {tir::IterKind::Spatial, tir::IterKind::Spatial,
         tir::IterKind::Spatial},
        {panels, k, rewriter.getIndexAttr(rows)},
        ValueRange{panelLoop.getInductionVar(), stepLoop.getInductionVar(),
                   rowLoop.getInductionVar()},
        ValueRange{a}, {readRegion}, ValueRange{packed}, {writeRegion}, inside);
    rewriter.setInsertionPointToStart(pack.getBody());
    ValueRange packVars = pack.getIterVars();
    Value packRows = arith::ConstantIndexOp::create(rewriter, loc, rows);
    Value row = arith::AddIOp::create(
        rewriter, loc,
        arith::MulIOp::create(rewriter, loc, packVars[0], packRows),
        packVars[2]);
    Value element =
        memref::LoadOp::create(rewriter, loc, a, ValueRange{row, packVars[1]});
    memref::StoreOp::create(rewriter, loc, element, packed, packVars);
  }

  // The matmul reads the panels: `Ap[vi / rows, vk, vi % rows]`, the form
  // of the packed intrinsic's description.
  readFromPanels(rewriter, block, loadA, packed, /*var=*/0, rows);
  return true;
}

/// Packs A (packOperandA) after B was packed, and returns the intrinsic
/// that reads what was packed.
static std::string packAAndChooseIntrinsic(RewriterBase &rewriter,
                                           tir::BlockOp block,
                                           Operation *allocPoint,
                                           Value allocGuard, bool packedB,
                                           int64_t lanes) {
  bool packedA =
      packedB && packOperandA(rewriter, block, allocPoint, allocGuard);
  return tir::getFMATensorIntrinsicName(kKernelRows, 2 * lanes, packedB,
                                        packedA);
}

/// With a symbolic row count, the nest is duplicated under an `scf.if`:
/// from kPackMinRows rows the copy that packs B runs, below it the one that
/// does not (run-time dispatch; the branch keeps the idle variant's
/// parallel loops from forking threads).
bool mlc::detail::scheduleMatmul(RewriterBase &rewriter, tir::BlockOp block,
                                 const MatmulTiling &tiling) {
  int64_t lanes = tiling.lanes;
  std::optional<SmallVector<tir::ForOp>> loops = getPlainLoopNest(block);
  if (!loops || loops->size() != 3 || !isF32Matmul(block) || !block.hasInit() ||
      !getLoadOfB(block))
    return false;
  int64_t cols = 2 * lanes;
  tir::ForOp nest = loops->front();
  std::optional<int64_t> rows = getConstantIntValue(block.getMixedExtents()[0]);
  if (rows) {
    bool packed = *rows >= kPackMinRows &&
                  packOperandB(rewriter, block, cols, nest, Value());
    return tileAndTensorize(
        rewriter, block, tiling,
        packAAndChooseIntrinsic(rewriter, block, nest, Value(), packed, lanes));
  }
  auto func = block->getParentOfType<tir::PrimFuncOp>();
  Value m = func ? getExtentAtEntry(rewriter, func, block, 0) : Value();
  if (!m || nest->getParentOp() != func)
    return tileAndTensorize(rewriter, block, tiling, false);
  Location loc = block.getLoc();
  rewriter.setInsertionPoint(nest);
  Value many = arith::CmpIOp::create(
      rewriter, loc, arith::CmpIPredicate::sge, m,
      arith::ConstantIndexOp::create(rewriter, loc, kPackMinRows));
  auto dispatch = scf::IfOp::create(rewriter, loc, many,
                                    /*withElseRegion=*/true);
  rewriter.setInsertionPoint(dispatch.elseBlock()->getTerminator());
  auto copy = cast<tir::ForOp>(rewriter.clone(*nest));
  rewriter.moveOpBefore(nest, dispatch.thenBlock()->getTerminator());
  tir::BlockOp unpacked;
  copy.walk([&](tir::BlockOp b) { unpacked = b; });
  bool packed = packOperandB(rewriter, block, cols, dispatch, many);
  bool packedOk = tileAndTensorize(
      rewriter, block, tiling,
      packAAndChooseIntrinsic(rewriter, block, dispatch, many, packed, lanes));
  bool unpackedOk = tileAndTensorize(rewriter, unpacked, tiling, false);
  return packedOk || unpackedOk;
}

std::optional<SmallVector<tir::ForOp>>
mlc::detail::getLoopPerIterVar(tir::BlockOp block) {
  SmallVector<tir::ForOp> loops = tir::getLoops(block);
  if (loops.size() != block.getNumIterVars())
    return std::nullopt;
  SmallVector<tir::ForOp> result;
  for (Value binding : block.getBindings()) {
    auto *loop = llvm::find_if(loops, [&](tir::ForOp loop) {
      return loop && loop.getInductionVar() == binding;
    });
    if (loop == loops.end())
      return std::nullopt;
    result.push_back(*loop);
    *loop = tir::ForOp(); // each loop binds one variable
  }
  return result;
}

/// Puts the body ops of a matmul in the canonical order and operand order
/// (products and sums of two values commute exactly, also in floating
/// point). Bodies with other ops are left alone.
static void canonicalizeMatmulBody(RewriterBase &rewriter, tir::BlockOp block,
                                   const tir::MatmulPattern &p) {
  Block *body = block.getBody();
  if (body->getOperations().size() != 7) // six ops and the terminator
    return;
  for (Operation *op : {p.loadA, p.loadB, p.mul, p.loadC, p.add})
    rewriter.moveOpBefore(op, p.store);
  rewriter.modifyOpInPlace(p.mul, [&] {
    p.mul->setOperands({p.loadA->getResult(0), p.loadB->getResult(0)});
  });
  rewriter.modifyOpInPlace(p.add, [&] {
    p.add->setOperands({p.loadC->getResult(0), p.mul->getResult(0)});
  });
}

tir::BlockOp mlc::detail::normalizeMatmul(RewriterBase &rewriter,
                                          tir::BlockOp block,
                                          const tir::MatmulPattern &pattern) {
  std::optional<SmallVector<tir::ForOp>> loops = getLoopPerIterVar(block);
  if (!loops)
    return {};
  SmallVector<int64_t> order(pattern.batch.begin(), pattern.batch.end());
  order.append({pattern.i, pattern.j, pattern.k});
  SmallVector<tir::ForOp> orderedLoops =
      llvm::map_to_vector(order, [&](int64_t var) { return (*loops)[var]; });
  if (!llvm::equal(order, llvm::seq<int64_t>(0, order.size()))) {
    tir::BlockOp reordered;
    if (!succeeded(
            tir::reorderBlockIterVars(rewriter, block, order, reordered)))
      return {};
    block = reordered;
  }
  if (tir::getLoops(block) != ArrayRef(orderedLoops) &&
      succeeded(tir::reorder(rewriter, orderedLoops)))
    moveParallelismOutermost(rewriter, block);
  canonicalizeMatmulBody(rewriter, block, pattern);
  return block;
}
