//===- KernelBuilder.h - Building the kernels of relax-legalize -*- C++ -*-===//
//
// What the legalization patterns share:
//  * KernelSignature: the buffer types and symbolic variables of a kernel,
//    and the key that deduplicates kernels;
//  * KernelBuilder: creates a tir.prim_func (or finds the cached one) and
//    fills it with loop nests around tir.blocks;
//  * BlockBuilder: loads, stores and index values inside a block;
//  * checks that explain why an op cannot be legalized, scalar helpers over
//    float and integer element types, and the pattern base class.
//
// Kernel layout: parameters are the input buffers, the output buffers, then
// one `index` per symbolic variable of the signature (passed by the call's
// tir_vars). Symbolic dims are computed from those parameters at the top of
// the kernel; an unknown input dim (`?`) is read with memref.dim, since no
// variable names it. Every loop is a serial tir.for bound one-to-one to a
// block iteration variable: scheduling is left to later passes.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_TRANSFORMS_LEGALIZE_KERNELBUILDER_H
#define MLC_LIB_TRANSFORMS_LEGALIZE_KERNELBUILDER_H

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/Transforms/Legalize.h"
#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"

#include <string>

namespace mlc::legalize {

using relax::TensorType;

//===----------------------------------------------------------------------===//
// KernelSignature
//===----------------------------------------------------------------------===//

/// The tensor types a kernel reads and writes, with their symbolic variables
/// renamed `v0`, `v1`, ... in order of first occurrence (inputs first). The
/// kernel is built from the renamed types only, so two ops whose signatures
/// differ by a renaming get the same kernel, each call passing its own
/// variables.
class KernelSignature {
public:
  /// Every type must be ranked. `extras` are symbolic values the kernel
  /// computes with besides the dims (a slice's symbolic bounds): their
  /// variables become parameters too.
  KernelSignature(llvm::ArrayRef<TensorType> inputs,
                  llvm::ArrayRef<TensorType> outputs,
                  llvm::ArrayRef<sym::Expr> extras = {});

  /// The renamed types, in parameter order.
  llvm::ArrayRef<TensorType> getInputs() const { return inputs; }
  llvm::ArrayRef<TensorType> getOutputs() const { return outputs; }

  /// The renamed `extras`, which KernelBuilder::materialize computes.
  llvm::ArrayRef<sym::Expr> getExtras() const { return extras; }

  /// The caller's variables, one per `index` parameter, in order.
  llvm::ArrayRef<sym::Expr> getVars() const { return vars; }

  /// The name of the kernel parameter of variable #i (`v<i>`).
  static std::string getParamVarName(unsigned index);

  /// The cache key: the kernel's base name, `attrs` (what the code depends
  /// on besides the types) and the renamed types.
  std::string getKey(llvm::StringRef name, llvm::StringRef attrs) const;

  /// The call's tir_vars, or null when the signature has no variable.
  relax::ShapeAttr getTirVars(mlir::MLIRContext *ctx) const;

private:
  llvm::SmallVector<TensorType> inputs, outputs;
  llvm::SmallVector<sym::Expr> extras, vars;
};

//===----------------------------------------------------------------------===//
// Blocks
//===----------------------------------------------------------------------===//

/// An iteration variable of a block: its kind and its extent (an index
/// value of the kernel's prologue).
struct IterVar {
  tir::IterKind kind;
  mlir::Value extent;
};

/// An access of a block: one index per buffer dimension, an affine
/// expression of the block's iteration variables (`d0`, ...), constants and
/// the block's region symbols (`s0`, ...: prologue values passed to
/// buildBlock). The indices start the block's declared region and are the
/// load/store indices. `extents` (over symbols and constants; 1 per
/// dimension when empty) widen the region, for a block whose loads the
/// indices do not say (a gather reads some row of a whole dimension).
struct Access {
  mlir::Value buffer;
  llvm::SmallVector<mlir::AffineExpr> indices;
  llvm::SmallVector<mlir::AffineExpr> extents = {};
};

/// Emits the code of a block body or init region.
class BlockBuilder {
public:
  BlockBuilder(mlir::OpBuilder &builder, mlir::Location loc,
               mlir::ValueRange iterVars, mlir::ValueRange symbols = {})
      : builder(builder), loc(loc), iterVars(iterVars), symbols(symbols) {}

  mlir::OpBuilder &getBuilder() { return builder; }
  mlir::Location getLoc() const { return loc; }

  /// The index value of `expr` over the iteration variables.
  mlir::Value index(mlir::AffineExpr expr);
  mlir::Value load(const Access &access);
  void store(mlir::Value value, const Access &access);
  /// A load at indices computed in the body (within `access`'s region).
  mlir::Value loadAt(const Access &access, mlir::ValueRange indices);

private:
  mlir::OpBuilder &builder;
  mlir::Location loc;
  mlir::ValueRange iterVars;
  mlir::ValueRange symbols;
  llvm::DenseMap<int64_t, mlir::Value> constants;
};

using BlockBodyFn = llvm::function_ref<void(BlockBuilder &)>;

//===----------------------------------------------------------------------===//
// KernelBuilder
//===----------------------------------------------------------------------===//

class KernelBuilder {
public:
  using BuildFn = llvm::function_ref<void(KernelBuilder &)>;

  /// Returns the kernel of `signature` for the key (`name`, `attrs`),
  /// building it with `build` when the cache has none: a tir.prim_func
  /// named after `name` (made unique), inserted before the top-level op
  /// that holds `user`. `build` emits the body; the final tir.return is
  /// added here.
  static mlir::FlatSymbolRefAttr
  getOrCreate(mlir::PatternRewriter &rewriter, mlir::Operation *user,
              LegalizeKernelCache &cache, const KernelSignature &signature,
              llvm::StringRef name, llvm::StringRef attrs, BuildFn build);

  mlir::OpBuilder &getBuilder() { return builder; }
  mlir::Location getLoc() const { return loc; }
  mlir::MLIRContext *getContext() const { return builder.getContext(); }

  /// Buffer parameters and their (renamed) types.
  mlir::Value getInput(unsigned index);
  mlir::Value getOutput(unsigned index);
  TensorType getInputType(unsigned index) const;
  TensorType getOutputType(unsigned index) const;

  /// The extent of dimension `dim` of input or output `index`.
  mlir::Value getInputDim(unsigned index, unsigned dim);
  mlir::Value getOutputDim(unsigned index, unsigned dim);

  /// The index value of a symbolic expression over the signature's
  /// variables, emitted once in the kernel's prologue.
  mlir::Value materialize(sym::Expr expr);

  /// A constant index in the prologue.
  mlir::Value getIndexConstant(int64_t value);

  /// A kernel-local buffer (tir.alloc_buffer in the prologue) of the given
  /// extents; constant extents become static dims.
  mlir::Value allocBuffer(llvm::ArrayRef<mlir::Value> extents,
                          mlir::Type elementType);

  /// A 1-D view of `buffer` (memref.collapse_shape, or expand_shape for a
  /// rank-0 buffer) in the prologue; a 1-D buffer is returned as it is.
  mlir::Value flatten(mlir::Value buffer);

  /// Emits one serial tir.for per iteration variable (outermost first)
  /// around a tir.block named `name` whose iteration variables are bound to
  /// the loops, with the given read and write regions over `symbols` (the
  /// block's region symbols, prologue values); `body` fills the block and
  /// `init`, when given, its init region. The insertion point ends up after
  /// the loop nest.
  void buildBlock(llvm::StringRef name, llvm::ArrayRef<IterVar> iterVars,
                  llvm::ArrayRef<Access> reads, llvm::ArrayRef<Access> writes,
                  BlockBodyFn body, BlockBodyFn init = {},
                  mlir::ValueRange symbols = {});

private:
  KernelBuilder(mlir::OpBuilder &builder, mlir::Location loc,
                const KernelSignature &signature, tir::PrimFuncOp kernel);

  /// Sets `builder` to the end of the prologue (before the first loop nest).
  void setInsertionPointToPrologue();

  mlir::Value getDim(mlir::Value buffer, TensorType type, unsigned dim);

  mlir::OpBuilder &builder;
  mlir::Location loc;
  const KernelSignature &signature;
  tir::PrimFuncOp kernel;
  mlir::Operation *firstNest = nullptr;
  /// The `index` parameter of each (renamed) variable.
  llvm::StringMap<mlir::Value> varParams;
  llvm::DenseMap<sym::Expr, mlir::Value> exprValues;
  llvm::DenseMap<int64_t, mlir::Value> constants;
};

//===----------------------------------------------------------------------===//
// Checks (each reports its reason through notifyMatchFailure)
//===----------------------------------------------------------------------===//

/// Checks what every kernel needs: operands of known rank, results of known
/// rank whose dims are all known (the caller allocates them), no dim that is
/// the constant 0, and, for kernels that `compute` (all but copies), element
/// types that the scalar helpers support (floats and signless integers
/// wider than i1).
mlir::LogicalResult checkKernelTypes(mlir::PatternRewriter &rewriter,
                                     mlir::Operation *op, bool computes = true);

/// The indices with which an operand of dims `operandDims` is read when
/// iterating over `resultDims`, numpy-style (aligned at the last dim):
/// `d<first + i>` where the dims are equal, 0 where the operand's dim is
/// the constant 1 and the result's is not. `what` names the operand in the
/// reason when the broadcast cannot be decided.
mlir::FailureOr<llvm::SmallVector<mlir::AffineExpr>>
getBroadcastIndices(mlir::PatternRewriter &rewriter, mlir::Operation *op,
                    llvm::ArrayRef<sym::Expr> operandDims,
                    llvm::ArrayRef<sym::Expr> resultDims, unsigned firstIterVar,
                    llvm::StringRef what);

/// Fails with a reason that explains a broadcast of `lhsDims` and
/// `rhsDims` whose result has an unknown dim (the pair could not be
/// decided); succeeds when the result has none.
mlir::LogicalResult checkBroadcastDecided(mlir::PatternRewriter &rewriter,
                                          mlir::Operation *op,
                                          llvm::ArrayRef<sym::Expr> lhsDims,
                                          llvm::ArrayRef<sym::Expr> rhsDims,
                                          llvm::ArrayRef<sym::Expr> resultDims,
                                          llvm::StringRef what);

/// `d<i>` for each i in [first, first + count).
llvm::SmallVector<mlir::AffineExpr>
getIdentityIndices(mlir::MLIRContext *ctx, unsigned first, unsigned count);

/// `axis` normalized into [0, rank) (the verifier has checked it; a bad
/// one is reported as a match failure), or none when `axis` is none.
mlir::FailureOr<std::optional<int64_t>>
normalizeOptionalAxis(mlir::PatternRewriter &rewriter, mlir::Operation *op,
                      std::optional<int64_t> axis, int64_t rank);

/// The relax tensor types of `op`'s operands (checkKernelTypes has checked
/// that they are tensors).
llvm::SmallVector<TensorType> getOperandTypes(mlir::Operation *op);

/// `[0, 2]`, for kernel keys.
std::string formatAxes(llvm::ArrayRef<int64_t> axes);

//===----------------------------------------------------------------------===//
// Scalar code over float and signless integer element types
//===----------------------------------------------------------------------===//

mlir::Value createScalarConstant(mlir::OpBuilder &b, mlir::Location loc,
                                 mlir::Type type, double value);
/// -inf for floats, the smallest signed value for integers: the identity
/// of max.
mlir::Value createLowest(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Type type);
mlir::Value createAdd(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs,
                      mlir::Value rhs);
mlir::Value createSub(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs,
                      mlir::Value rhs);
mlir::Value createMul(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs,
                      mlir::Value rhs);
/// The integer divisor that division and remainder can use without
/// trapping: 1 where `divisor` is 0 or -1 (the caller selects those
/// results: numpy gives 0 for `x // 0`, and `x % -1` is 0), else `divisor`.
/// Sets `byZero` and `byMinusOne` to those conditions.
mlir::Value createNonTrappingDivisor(mlir::OpBuilder &b, mlir::Location loc,
                                     mlir::Value divisor, mlir::Value &byZero,
                                     mlir::Value &byMinusOne);
/// Float division; for integers floor division with numpy's results where
/// the hardware would trap: `x // 0` is 0 and `min // -1` wraps to min.
mlir::Value createDiv(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs,
                      mlir::Value rhs);
/// +inf for floats, the largest signed value for integers: the identity of
/// min.
mlir::Value createHighest(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Type type);
/// NaN-propagating minimum for floats (arith.minimumf), signed for integers.
mlir::Value createMin(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs,
                      mlir::Value rhs);
/// NaN-propagating maximum for floats (arith.maximumf), signed for integers.
mlir::Value createMax(mlir::OpBuilder &b, mlir::Location loc, mlir::Value lhs,
                      mlir::Value rhs);

/// `value` (a float) extended or truncated to the float type `type`.
mlir::Value createFloatCast(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value value, mlir::Type type);
/// The type a kernel accumulates floats of `element` in: f32 for the 16-bit
/// floats, which lose too much in long sums; the element type otherwise.
mlir::Type getAccumulationType(mlir::Type element);

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// Base of the legalization patterns: the kernel cache they share.
template <typename OpTy>
class LegalizePattern : public mlir::OpRewritePattern<OpTy> {
public:
  LegalizePattern(mlir::MLIRContext *ctx, LegalizeKernelCache &cache,
                  mlir::PatternBenefit benefit = 1)
      : mlir::OpRewritePattern<OpTy>(ctx, benefit), cache(cache) {}

protected:
  LegalizeKernelCache &cache;
};

/// The base name of `OpTy`'s kernels: its name without the dialect
/// (`add` for relax.add).
template <typename OpTy> llvm::StringRef getKernelBaseName() {
  return OpTy::getOperationName().drop_front(
      relax::RelaxDialect::getDialectNamespace().size() + 1);
}

/// Replaces `op` by `relax.call_tir @kernel(operands) tir_vars [...]` with
/// `op`'s result types.
void replaceWithCallTIR(mlir::PatternRewriter &rewriter, mlir::Operation *op,
                        mlir::FlatSymbolRefAttr kernel,
                        const KernelSignature &signature);

} // namespace mlc::legalize

#endif // MLC_LIB_TRANSFORMS_LEGALIZE_KERNELBUILDER_H
