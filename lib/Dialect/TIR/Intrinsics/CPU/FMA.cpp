//===- FMA.cpp - CPU f32 FMA micro-kernels as tensor intrinsics -----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The CPU target's tensor intrinsics: register-blocked f32 micro-kernels
// that keep a rows x cols tile of C in vector registers while they stream a
// column of A and a row of B per step. They are added to each context's
// registry when the tir dialect loads (registerCPUTensorIntrinsicsExtension).
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Intrinsics/CPU.h"

#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

#include "mlir/IR/DialectRegistry.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlc::tir;

//===----------------------------------------------------------------------===//
// f32 FMA micro-kernels
//===----------------------------------------------------------------------===//

std::string mlc::tir::getFMATensorIntrinsicName(int64_t rows, int64_t cols,
                                                bool packedB, bool packedA) {
  return llvm::formatv("cpu.f32_fma_{0}x{1}{2}", rows, cols,
                       packedA   ? "_packed_ab"
                       : packedB ? "_packed_b"
                                 : "")
      .str();
}

namespace {
/// How a description declares, indexes and loads one operand (`%A` or
/// `%B`): in place, `X[first, second]`, or from panels of `size` along the
/// iteration variable `var`, `Xp[var floordiv size, %vk, var mod size]`.
struct OperandText {
  std::string type, region, load;
};
} // namespace

static OperandText getOperandText(StringRef name, StringRef value,
                                  StringRef first, StringRef second,
                                  StringRef var, bool packed, int64_t size) {
  if (!packed) {
    std::string access = llvm::formatv("%{0}[{1}, {2}]", name, first, second);
    return {
        "memref<?x?xf32>", access,
        llvm::formatv("{0} = memref.load {1} : memref<?x?xf32>", value, access)
            .str()};
  }
  std::string type = llvm::formatv("memref<?x?x{0}xf32>", size).str();
  return {
      type,
      llvm::formatv("%{0}[{1} floordiv {2}, %vk, {1} mod {2}]", name, var, size)
          .str(),
      llvm::formatv(R"mlir(%{0}size = arith.constant {1} : index
          %{0}panel = arith.divui {2}, %{0}size : index
          %{0}lane = arith.remui {2}, %{0}size : index
          {3} = memref.load %{0}[%{0}panel, %vk, %{0}lane] : {4})mlir",
                    name, size, var, value, type)
          .str()};
}

/// C[i, j] += A[i, k] * B[k, j] over a rows x cols tile and any number of
/// reduction steps; the operations of the block are those relax-legalize
/// emits for a matmul. With `packedB`, B is read from panels of `cols`
/// columns, as tir-default-schedule packs it; with `packedA` too, A is read
/// from panels of `rows` rows, `Ap[i floordiv rows, k, i mod rows]`.
static std::string getFMADescription(int64_t rows, int64_t cols, bool packedB,
                                     bool packedA = false) {
  OperandText a = getOperandText("A", "%a", "%vi", "%vk", "%vi", packedA, rows);
  OperandText b = getOperandText("B", "%b", "%vk", "%vj", "%vj", packedB, cols);
  std::string &aType = a.type, &aRegion = a.region, &aLoad = a.load;
  std::string &bType = b.type, &bRegion = b.region, &bLoad = b.load;
  return llvm::formatv(R"mlir(
tir.prim_func @desc(%A: {5}, %B: {2},
                    %C: memref<?x?xf32>, %k: index) {{
  %c0 = arith.constant 0 : index
  %rows = arith.constant {0} : index
  %cols = arith.constant {1} : index
  tir.for %kk = %c0 to %k {{
    tir.for %ii = %c0 to %rows {{
      tir.for %jj = %c0 to %cols {{
        tir.block "update" (%vi: spatial[{0}] = %ii, %vj: spatial[{1}] = %jj,
                            %vk: reduce[%k] = %kk)
            reads({6}, {3}, %C[%vi, %vj]
                  : {5}, {2}, memref<?x?xf32>)
            writes(%C[%vi, %vj] : memref<?x?xf32>) {{
          {7}
          {4}
          %p = arith.mulf %a, %b : f32
          %c = memref.load %C[%vi, %vj] : memref<?x?xf32>
          %s = arith.addf %c, %p : f32
          memref.store %s, %C[%vi, %vj] : memref<?x?xf32>
        }
      }
    }
  }
  tir.return
}
)mlir",
                       rows, cols, bType, bRegion, bLoad, aType, aRegion, aLoad)
      .str();
}

/// Where the micro-kernel reads and writes: the buffers, the tile origin
/// and, on an edge tile, the rows and columns that exist.
namespace {
struct FMATile {
  Value a, b, c;
  Value i0, j0, k0, steps;
  int64_t rows, cols;
  /// Whether `b` holds panels of `cols` columns (Bp[j / cols, k, j % cols]).
  bool packedB;
  /// Whether `a` holds panels of `rows` rows (Ap[i / rows, k, i % rows]).
  bool packedA = false;
  /// The batch index of 3-D operands (`X[batch, ...]`), or null for 2-D.
  Value batch = nullptr;

  /// `indices`, behind the batch index for 3-D operands.
  SmallVector<Value> at(ArrayRef<Value> indices) const {
    SmallVector<Value> result;
    if (batch)
      result.push_back(batch);
    llvm::append_range(result, indices);
    return result;
  }
};
} // namespace

/// f32 values per 64-byte cache line, and how many reduction steps ahead an
/// unpacked B is prefetched.
static constexpr int64_t kFloatsPerLine = 16;
static constexpr int64_t kPrefetchSteps = 16;

/// The kernel: the tile of C lives in `rows` vectors of `cols` lanes
/// (loop-carried, so they stay in registers); each reduction step loads one
/// row of B as a vector and broadcasts one element of A per row into an FMA.
/// On an edge tile (`validRows`/`validCols` given) C and B are accessed with
/// lane masks and rows past the edge read the last valid row of A.
static void emitFMAKernel(OpBuilder &b, Location loc, const FMATile &tile,
                          Value validRows, Value validCols) {
  auto vecType = VectorType::get({tile.cols}, b.getF32Type());
  auto maskType = VectorType::get({tile.cols}, b.getI1Type());
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  bool masked = validRows != nullptr;
  SmallVector<Value> rowIndex, rowOffset, rowMask;
  Value colMask, zeroVec;
  if (masked) {
    colMask = vector::CreateMaskOp::create(b, loc, maskType, validCols);
    zeroVec = arith::ConstantOp::create(
        b, loc, vecType, DenseElementsAttr::get(vecType, b.getF32FloatAttr(0)));
  }
  for (int64_t r = 0; r < tile.rows; ++r) {
    Value offset = index(r);
    if (masked) {
      Value lastRow = arith::SubIOp::create(b, loc, validRows, index(1));
      offset = arith::MinSIOp::create(b, loc, offset, lastRow);
      Value exists = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                           index(r), validRows);
      Value lanes =
          arith::SelectOp::create(b, loc, exists, validCols, index(0));
      rowMask.push_back(vector::CreateMaskOp::create(b, loc, maskType, lanes));
    }
    rowIndex.push_back(arith::AddIOp::create(b, loc, tile.i0, offset));
    rowOffset.push_back(offset);
  }
  // The panel of a packed A (the origin is a multiple of `rows`).
  Value aPanel = tile.packedA
                     ? arith::DivUIOp::create(b, loc, tile.i0, index(tile.rows))
                           .getResult()
                     : Value();
  // The products accumulate from zero and C is added once after the
  // reduction steps: the tile of C is prefetched now, so its rows (a cache
  // line or two each, a row of C apart: no hardware prefetcher follows
  // them) arrive while the steps run instead of stalling their start.
  if (!zeroVec)
    zeroVec = arith::ConstantOp::create(
        b, loc, vecType, DenseElementsAttr::get(vecType, b.getF32FloatAttr(0)));
  for (Value row : rowIndex)
    for (int64_t lane = 0; lane < tile.cols; lane += kFloatsPerLine) {
      Value column = arith::AddIOp::create(b, loc, tile.j0, index(lane));
      memref::PrefetchOp::create(b, loc, tile.c, tile.at({row, column}),
                                 /*isWrite=*/true, /*localityHint=*/3,
                                 /*isDataCache=*/true);
    }
  SmallVector<Value> accumulators(rowIndex.size(), zeroVec);
  // The panel of a packed B (the origin is a multiple of `cols`).
  Value panel = tile.packedB
                    ? arith::DivUIOp::create(b, loc, tile.j0, index(tile.cols))
                          .getResult()
                    : Value();
  // An unpacked B is read a row (of the whole matrix) apart per step: each
  // row is a new page that no hardware prefetcher anticipates, so the rows
  // kPrefetchSteps ahead are prefetched (clamped to the tile's last step).
  Value lastStep;
  if (!tile.packedB && !masked)
    lastStep = arith::SubIOp::create(
        b, loc, arith::AddIOp::create(b, loc, tile.k0, tile.steps), index(1));
  auto loop = scf::ForOp::create(
      b, loc, index(0), tile.steps, index(1), accumulators,
      [&](OpBuilder &nb, Location nloc, Value kk, ValueRange acc) {
        Value k = arith::AddIOp::create(nb, nloc, tile.k0, kk);
        if (lastStep) {
          Value ahead = arith::MinSIOp::create(
              nb, nloc,
              arith::AddIOp::create(nb, nloc, k, index(kPrefetchSteps)),
              lastStep);
          for (int64_t lane = 0; lane < tile.cols; lane += kFloatsPerLine)
            memref::PrefetchOp::create(
                nb, nloc, tile.b,
                tile.at({ahead, arith::AddIOp::create(nb, nloc, tile.j0,
                                                      index(lane))}),
                /*isWrite=*/false, /*localityHint=*/3, /*isDataCache=*/true);
        }
        SmallVector<Value> bIndex = tile.packedB
                                        ? SmallVector<Value>{panel, k, index(0)}
                                        : tile.at({k, tile.j0});
        Value bRow =
            masked ? vector::MaskedLoadOp::create(nb, nloc, vecType, tile.b,
                                                  bIndex, colMask, zeroVec)
                         .getResult()
                   : vector::LoadOp::create(nb, nloc, vecType, tile.b, bIndex)
                         .getResult();
        SmallVector<Value> next;
        for (auto [row, offset, sum] :
             llvm::zip_equal(rowIndex, rowOffset, acc)) {
          Value aElem =
              tile.packedA
                  ? memref::LoadOp::create(nb, nloc, tile.a,
                                           ValueRange{aPanel, k, offset})
                        .getResult()
                  : memref::LoadOp::create(nb, nloc, tile.a, tile.at({row, k}))
                        .getResult();
          Value splat = vector::BroadcastOp::create(nb, nloc, vecType, aElem);
          next.push_back(vector::FMAOp::create(nb, nloc, splat, bRow, sum));
        }
        scf::YieldOp::create(nb, nloc, next);
      });
  for (auto [r, row, products] : llvm::enumerate(rowIndex, loop.getResults())) {
    Value c = masked ? vector::MaskedLoadOp::create(b, loc, vecType, tile.c,
                                                    tile.at({row, tile.j0}),
                                                    rowMask[r], zeroVec)
                           .getResult()
                     : vector::LoadOp::create(b, loc, vecType, tile.c,
                                              tile.at({row, tile.j0}))
                           .getResult();
    Value sum = arith::AddFOp::create(b, loc, c, products);
    if (masked)
      vector::MaskedStoreOp::create(b, loc, tile.c, tile.at({row, tile.j0}),
                                    rowMask[r], sum);
    else
      vector::StoreOp::create(b, loc, sum, tile.c, tile.at({row, tile.j0}));
  }
}

/// Full tiles take the unmasked kernel; edge tiles (fewer rows or columns
/// than the tile, known only at run time) take the masked one, and empty
/// ones nothing.
static void emitFMAImplementation(OpBuilder &b, Location loc, int64_t rows,
                                  int64_t cols, bool packedB, bool batched,
                                  const TensorizeOperands &operands,
                                  bool packedA = false) {
  // Batched: variables (b, i, j, k), loops (b, k, i, j); b spans one batch.
  unsigned var = batched ? 1 : 0, loop = batched ? 1 : 0;
  FMATile tile{operands.buffers[0],
               operands.buffers[1],
               operands.buffers[2],
               operands.origins[var],
               operands.origins[var + 1],
               operands.origins[var + 2],
               operands.tripCounts[loop],
               rows,
               cols,
               packedB,
               packedA,
               batched ? operands.origins[0] : Value()};
  Value validRows = operands.tripCounts[loop + 1],
        validCols = operands.tripCounts[loop + 2];
  // A batch past a predicate's bound: nothing to do.
  if (batched && getConstantIntValue(operands.tripCounts[0]) != 1) {
    Value any = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::sgt, operands.tripCounts[0],
        arith::ConstantIndexOp::create(b, loc, 0));
    auto guard = scf::IfOp::create(b, loc, any, /*withElseRegion=*/false);
    b.setInsertionPointToStart(guard.thenBlock());
  }
  if (getConstantIntValue(validRows) == rows &&
      getConstantIntValue(validCols) == cols) {
    emitFMAKernel(b, loc, tile, nullptr, nullptr);
    return;
  }
  auto cmp = [&](arith::CmpIPredicate pred, Value lhs, int64_t rhs) -> Value {
    return arith::CmpIOp::create(b, loc, pred, lhs,
                                 arith::ConstantIndexOp::create(b, loc, rhs));
  };
  Value full = arith::AndIOp::create(
      b, loc, cmp(arith::CmpIPredicate::eq, validRows, rows),
      cmp(arith::CmpIPredicate::eq, validCols, cols));
  auto branch = scf::IfOp::create(b, loc, full, /*withElseRegion=*/true);
  b.setInsertionPointToStart(branch.thenBlock());
  emitFMAKernel(b, loc, tile, nullptr, nullptr);
  b.setInsertionPointToStart(branch.elseBlock());
  Value nonEmpty = arith::AndIOp::create(
      b, loc, cmp(arith::CmpIPredicate::sgt, validRows, 0),
      cmp(arith::CmpIPredicate::sgt, validCols, 0));
  auto edge = scf::IfOp::create(b, loc, nonEmpty, /*withElseRegion=*/false);
  b.setInsertionPointToStart(edge.thenBlock());
  emitFMAKernel(b, loc, tile, validRows, validCols);
  b.setInsertionPointAfter(branch);
}

static TensorIntrinsic makeFMAIntrinsic(int64_t rows, int64_t cols,
                                        bool packedB, bool packedA = false) {
  return TensorIntrinsic{
      getFMATensorIntrinsicName(rows, cols, packedB, packedA),
      getFMADescription(rows, cols, packedB, packedA),
      [rows, cols, packedB, packedA](OpBuilder &b, Location loc,
                                     const TensorizeOperands &operands) {
        emitFMAImplementation(b, loc, rows, cols, packedB, /*batched=*/false,
                              operands, packedA);
      },
      // A packed panel starts at a multiple of its rows or columns.
      /*originAlignment=*/{packedA ? rows : 1, packedB ? cols : 1, 1}};
}

/// The batched matmul of relax-legalize, `C[b, i, j] += A[b, i, k] *
/// B[b, k, j]`, over one batch: the kernel of makeFMAIntrinsic on the
/// slices of batch `b`.
static TensorIntrinsic makeBatchedFMAIntrinsic(int64_t rows, int64_t cols) {
  std::string description = llvm::formatv(R"mlir(
tir.prim_func @desc(%A: memref<?x?x?xf32>, %B: memref<?x?x?xf32>,
                    %C: memref<?x?x?xf32>, %k: index) {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = arith.constant {0} : index
  %cols = arith.constant {1} : index
  tir.for %bb = %c0 to %c1 {{
    tir.for %kk = %c0 to %k {{
      tir.for %ii = %c0 to %rows {{
        tir.for %jj = %c0 to %cols {{
          tir.block "update" (%vb: spatial[1] = %bb, %vi: spatial[{0}] = %ii,
                              %vj: spatial[{1}] = %jj, %vk: reduce[%k] = %kk)
              reads(%A[%vb, %vi, %vk], %B[%vb, %vk, %vj], %C[%vb, %vi, %vj]
                    : memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>)
              writes(%C[%vb, %vi, %vj] : memref<?x?x?xf32>) {{
            %a = memref.load %A[%vb, %vi, %vk] : memref<?x?x?xf32>
            %b = memref.load %B[%vb, %vk, %vj] : memref<?x?x?xf32>
            %p = arith.mulf %a, %b : f32
            %c = memref.load %C[%vb, %vi, %vj] : memref<?x?x?xf32>
            %s = arith.addf %c, %p : f32
            memref.store %s, %C[%vb, %vi, %vj] : memref<?x?x?xf32>
          }
        }
      }
    }
  }
  tir.return
}
)mlir",
                                          rows, cols)
                                .str();
  return TensorIntrinsic{
      getFMATensorIntrinsicName(rows, cols) + "_batched", description,
      [rows, cols](OpBuilder &b, Location loc,
                   const TensorizeOperands &operands) {
        emitFMAImplementation(b, loc, rows, cols, /*packedB=*/false,
                              /*batched=*/true, operands);
      }};
}

/// One kernel per x86 vector width: 12 accumulators of two vectors per row
/// (SSE, AVX2, AVX-512) leave registers for one row of B and a broadcast.
void mlc::tir::registerCPUTensorIntrinsics(TensorIntrinsicRegistry &registry) {
  for (int64_t lanes : {4, 8, 16}) {
    for (bool packedB : {false, true})
      registry.add(makeFMAIntrinsic(6, 2 * lanes, packedB));
    registry.add(makeFMAIntrinsic(6, 2 * lanes, /*packedB=*/true,
                                  /*packedA=*/true));
    registry.add(makeBatchedFMAIntrinsic(6, 2 * lanes));
  }
}

void mlc::tir::registerCPUTensorIntrinsicsExtension(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *, TIRDialect *dialect) {
    registerCPUTensorIntrinsics(dialect->getTensorIntrinsics());
  });
}
