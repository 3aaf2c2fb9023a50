//===- BlockPattern.cpp - Classify tir blocks by access pattern -----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Transforms/BlockPattern.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;
using namespace mlc::tir;

StringRef mlc::tir::stringifyBlockPatternKind(BlockPatternKind kind) {
  switch (kind) {
  case BlockPatternKind::Elementwise:
    return "elementwise";
  case BlockPatternKind::Broadcast:
    return "broadcast";
  case BlockPatternKind::Injective:
    return "injective";
  case BlockPatternKind::Matmul:
    return "matmul";
  case BlockPatternKind::GEMV:
    return "gemv";
  case BlockPatternKind::Reduction:
    return "reduction";
  case BlockPatternKind::Opaque:
    return "opaque";
  }
  llvm_unreachable("unknown block pattern kind");
}

/// The positions of the iteration variables that `indices` are, when each
/// index is a distinct iteration variable of `block`.
static std::optional<SmallVector<unsigned>> getVarIndices(BlockOp block,
                                                          ValueRange indices) {
  SmallVector<unsigned> vars;
  llvm::SmallBitVector seen(block.getNumIterVars());
  for (Value index : indices) {
    auto arg = dyn_cast<BlockArgument>(index);
    if (!arg || arg.getOwner() != block.getBody() ||
        seen.test(arg.getArgNumber()))
      return std::nullopt;
    seen.set(arg.getArgNumber());
    vars.push_back(arg.getArgNumber());
  }
  return vars;
}

/// Whether `sub` is `full` with some entries left out, in order.
static bool isSubsequence(ArrayRef<unsigned> sub, ArrayRef<unsigned> full) {
  const unsigned *it = full.begin();
  for (unsigned var : sub) {
    it = std::find(it, full.end(), var);
    if (it == full.end())
      return false;
    ++it;
  }
  return true;
}

static SmallVector<unsigned> without(ArrayRef<unsigned> vars,
                                     ArrayRef<unsigned> removed) {
  return llvm::to_vector(llvm::make_filter_range(
      vars, [&](unsigned v) { return !llvm::is_contained(removed, v); }));
}

static SmallVector<unsigned> intersect(ArrayRef<unsigned> lhs,
                                       ArrayRef<unsigned> rhs) {
  return llvm::to_vector(llvm::make_filter_range(
      lhs, [&](unsigned v) { return llvm::is_contained(rhs, v); }));
}

/// Matches `C[s] = C[s] + X[x] * Y[y]` (f or i arithmetic, either operand
/// order) with one reduce variable in X and Y. Sets `kind` to Matmul or GEMV
/// and fills `result` for a Matmul; returns false for anything else.
static bool matchMultiplyAccumulate(BlockOp block, memref::StoreOp store,
                                    ArrayRef<unsigned> storeVars,
                                    BlockPatternKind &kind,
                                    MatmulPattern &result) {
  SmallVector<unsigned> reduce;
  for (unsigned v = 0, e = block.getNumIterVars(); v < e; ++v)
    if (block.getIterKind(v) == IterKind::Reduce)
      reduce.push_back(v);
  Operation *add = store.getValueToStore().getDefiningOp();
  if (reduce.size() != 1 || !isa_and_nonnull<arith::AddFOp, arith::AddIOp>(add))
    return false;
  // One addend is the accumulator, the other the product.
  auto isAccumulator = [&](Value value) {
    auto load = value.getDefiningOp<memref::LoadOp>();
    return load && load.getMemRef() == store.getMemRef() &&
           llvm::equal(load.getIndices(), store.getIndices());
  };
  Value accumulator = add->getOperand(0), product = add->getOperand(1);
  if (!isAccumulator(accumulator))
    std::swap(accumulator, product);
  Operation *mul = product.getDefiningOp();
  if (!isAccumulator(accumulator) ||
      !isa_and_nonnull<arith::MulFOp, arith::MulIOp>(mul))
    return false;
  auto x = mul->getOperand(0).getDefiningOp<memref::LoadOp>();
  auto y = mul->getOperand(1).getDefiningOp<memref::LoadOp>();
  if (!x || !y || x->getBlock() != block.getBody() ||
      y->getBlock() != block.getBody())
    return false;
  std::optional<SmallVector<unsigned>> xVars =
      getVarIndices(block, x.getIndices());
  std::optional<SmallVector<unsigned>> yVars =
      getVarIndices(block, y.getIndices());
  unsigned k = reduce.front();
  if (!xVars || !yVars || !llvm::is_contained(*xVars, k) ||
      !llvm::is_contained(*yVars, k))
    return false;
  SmallVector<unsigned> batch = intersect(intersect(storeVars, *xVars), *yVars);
  SmallVector<unsigned> is = without(intersect(storeVars, *xVars), batch);
  SmallVector<unsigned> js = without(intersect(storeVars, *yVars), batch);
  // Nothing but batch, output and reduce variables index the operands, and
  // the batch variables lead every access in one order.
  SmallVector<unsigned> k1{k};
  if (without(without(without(*xVars, batch), is), k1).size() != 0 ||
      without(without(without(*yVars, batch), js), k1).size() != 0 ||
      without(without(storeVars, batch), is).size() != js.size() ||
      ArrayRef(storeVars).take_front(batch.size()) != ArrayRef(batch) ||
      ArrayRef(*xVars).take_front(batch.size()) != ArrayRef(batch) ||
      ArrayRef(*yVars).take_front(batch.size()) != ArrayRef(batch))
    return false;
  // The operand that carries an output variable of its own is A.
  if (is.empty()) {
    std::swap(x, y);
    std::swap(xVars, yVars);
    std::swap(is, js);
  }
  if (is.size() != 1 || js.size() > 1)
    return false;
  if (js.empty()) {
    kind = BlockPatternKind::GEMV;
    return true;
  }
  auto position = [](ArrayRef<unsigned> vars, unsigned v) {
    return llvm::find(vars, v) - vars.begin();
  };
  // A carries the output's row variable: C is [.., i, j].
  if (position(storeVars, is.front()) > position(storeVars, js.front())) {
    std::swap(x, y);
    std::swap(xVars, yVars);
    std::swap(is, js);
  }
  kind = BlockPatternKind::Matmul;
  result.batch = batch;
  result.i = is.front();
  result.j = js.front();
  result.k = k;
  result.a = x.getMemRef();
  result.b = y.getMemRef();
  result.c = store.getMemRef();
  result.transposeA = position(*xVars, k) < position(*xVars, result.i);
  result.transposeB = position(*yVars, result.j) < position(*yVars, k);
  result.loadA = x;
  result.loadB = y;
  result.loadC = accumulator.getDefiningOp();
  result.store = store;
  result.mul = mul;
  result.add = add;
  return true;
}

BlockPattern mlc::tir::classifyBlock(BlockOp block) {
  BlockPattern pattern;
  if (block.getNumIterVars() == 0 || block.getWrites().size() != 1)
    return pattern;
  bool hasReduce = false;
  for (unsigned v = 0, e = block.getNumIterVars(); v < e; ++v) {
    IterKind kind = block.getIterKind(v);
    if (kind == IterKind::Opaque || kind == IterKind::Scan)
      return pattern;
    hasReduce |= kind == IterKind::Reduce;
  }
  // The body's own stores and loads; a nested block makes it opaque.
  SmallVector<memref::StoreOp> stores;
  SmallVector<memref::LoadOp> loads;
  for (Operation &op : block.getBody()->without_terminator()) {
    if (op.getNumRegions() != 0)
      return pattern;
    if (auto store = dyn_cast<memref::StoreOp>(op))
      stores.push_back(store);
    else if (auto load = dyn_cast<memref::LoadOp>(op))
      loads.push_back(load);
  }
  if (stores.size() != 1 || stores.front().getMemRef() != block.getWrites()[0])
    return pattern;
  memref::StoreOp store = stores.front();
  std::optional<SmallVector<unsigned>> storeVars =
      getVarIndices(block, store.getIndices());

  if (hasReduce) {
    if (!storeVars)
      return pattern;
    MatmulPattern matmul;
    if (matchMultiplyAccumulate(block, store, *storeVars, pattern.kind,
                                matmul)) {
      if (pattern.kind == BlockPatternKind::Matmul)
        pattern.matmul = matmul;
      return pattern;
    }
    pattern.kind = BlockPatternKind::Reduction;
    return pattern;
  }

  pattern.kind = BlockPatternKind::Injective;
  if (!storeVars)
    return pattern;
  bool broadcast = false;
  for (memref::LoadOp load : loads) {
    std::optional<SmallVector<unsigned>> vars =
        getVarIndices(block, load.getIndices());
    if (!vars || !isSubsequence(*vars, *storeVars))
      return pattern;
    broadcast |= *vars != *storeVars;
  }
  pattern.kind =
      broadcast ? BlockPatternKind::Broadcast : BlockPatternKind::Elementwise;
  return pattern;
}
