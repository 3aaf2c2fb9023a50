//===- Legalize.h - relax operators to tensor programs ----------*- C++ -*-===//
//
// The pieces of relax-legalize (TVM's LegalizeOps), for projects that
// compose them: rewrite patterns that turn high-level relax operators into
// `relax.call_tir` of generated `tir.prim_func`s, split by operator category
// like torch-mlir's TorchToLinalg, and the cache that makes each distinct
// kernel appear once per module.
//
// A pattern that cannot legalize its op changes nothing and reports why
// through `notifyMatchFailure`; legalizeRelaxOps turns those reasons into
// `cannot legalize: ...` errors.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_TRANSFORMS_LEGALIZE_H
#define MLC_DIALECT_RELAX_TRANSFORMS_LEGALIZE_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Rewrite/FrozenRewritePatternSet.h"
#include "llvm/ADT/StringMap.h"

#include <string>

namespace mlc {

/// The kernels generated for one module. A kernel is identified by a key
/// that names the operator, the attributes its code depends on and the
/// symbolic signature of its operands and results, with the symbolic
/// variables renamed in order of first occurrence (so `[n, 4]` and `[m, 4]`
/// have the same key). Patterns look a key up before generating a kernel and
/// record the kernel they generate.
class LegalizeKernelCache {
public:
  explicit LegalizeKernelCache(mlir::ModuleOp module) : module(module) {}

  mlir::ModuleOp getModule() const { return module; }

  /// The kernel recorded for `key`, or null.
  mlir::FlatSymbolRefAttr lookup(llvm::StringRef key) const {
    return kernels.lookup(key);
  }

  /// Records `kernel` as the kernel for `key`.
  void insert(llvm::StringRef key, mlir::FlatSymbolRefAttr kernel) {
    kernels[key] = kernel;
  }

  /// A symbol name that no op of the module defines yet and that is not a
  /// C math library function: `base`, else `base_1`, `base_2`, ...
  std::string getUniqueName(llvm::StringRef base) const;

private:
  mlir::ModuleOp module;
  llvm::StringMap<mlir::FlatSymbolRefAttr> kernels;
};

/// The elementwise operators: broadcasting binary ones, unary ones, clip and
/// where (docs/Operators.md).
void populateRelaxLegalizeElementwisePatterns(mlir::RewritePatternSet &patterns,
                                              LegalizeKernelCache &cache);

/// matmul (numpy.matmul: 1-D operands, broadcasting batch dims).
void populateRelaxLegalizeMatmulPatterns(mlir::RewritePatternSet &patterns,
                                         LegalizeKernelCache &cache);

/// sum, max, min, prod and mean over axes, with or without keepdims.
void populateRelaxLegalizeReductionPatterns(mlir::RewritePatternSet &patterns,
                                            LegalizeKernelCache &cache);

/// permute_dims and reshape.
void populateRelaxLegalizeLayoutPatterns(mlir::RewritePatternSet &patterns,
                                         LegalizeKernelCache &cache);

/// softmax (numerically stable, one kernel with four blocks).
void populateRelaxLegalizeSoftmaxPatterns(mlir::RewritePatternSet &patterns,
                                          LegalizeKernelCache &cache);

/// rms_norm over the last axis (one kernel: the squares' sum per row, then
/// the scaling).
void populateRelaxLegalizeNormPatterns(mlir::RewritePatternSet &patterns,
                                       LegalizeKernelCache &cache);

/// attention (six blocks) and rope.
void populateRelaxLegalizeAttentionPatterns(mlir::RewritePatternSet &patterns,
                                            LegalizeKernelCache &cache);

/// q4_quantize, q4_dequantize, and a dequantization fused into the matmul
/// that uses it through permute_dims (a linear layer).
void populateRelaxLegalizeQuantizePatterns(mlir::RewritePatternSet &patterns,
                                           LegalizeKernelCache &cache);

/// The copies by index arithmetic: broadcast_to, concat, flip, tril, triu,
/// tile, repeat, strided_slice, take and one_hot.
void populateRelaxLegalizeIndexingPatterns(mlir::RewritePatternSet &patterns,
                                           LegalizeKernelCache &cache);

/// conv2d, max_pool2d, avg_pool2d, adaptive_avg_pool2d and batch_norm.
void populateRelaxLegalizeConvPatterns(mlir::RewritePatternSet &patterns,
                                       LegalizeKernelCache &cache);

/// zeros, ones, full and arange.
void populateRelaxLegalizeCreationPatterns(mlir::RewritePatternSet &patterns,
                                           LegalizeKernelCache &cache);

/// All of the above.
void populateRelaxLegalizePatterns(mlir::RewritePatternSet &patterns,
                                   LegalizeKernelCache &cache);

/// Whether relax-legalize leaves `op` alone: an op of another dialect, or a
/// relax op that is already at the call level (call_tir, call_tir_inplace,
/// call_dps_packed, match_cast, shape_of, shape, constant, dataflow,
/// output). Every other relax op must be legalized.
bool isLegalAfterRelaxLegalize(mlir::Operation *op);

/// Legalizes every relax operator in `module` with `patterns` (built over a
/// cache of `module`), visiting each op once. Ops that no pattern rewrites
/// get a `cannot legalize: <reason>` error, with the reason the pattern
/// reported; the others are still rewritten, and the result is failure.
mlir::LogicalResult
legalizeRelaxOps(mlir::ModuleOp module,
                 const mlir::FrozenRewritePatternSet &patterns);

/// legalizeRelaxOps with every pattern of this header (the pass
/// relax-legalize).
mlir::LogicalResult legalizeRelaxOps(mlir::ModuleOp module);

} // namespace mlc

#endif // MLC_DIALECT_RELAX_TRANSFORMS_LEGALIZE_H
