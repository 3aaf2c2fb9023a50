//===- TIRToSCF.h - Lower tir kernels to scf loops --------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The patterns of `convert-tir-to-scf`, for passes that compose them with
// their own: tir.prim_func -> func.func, tir.for -> scf.for/scf.parallel,
// tir.block -> its body under scf.if, tir.alloc_buffer -> memref.alloc and
// memref.dealloc, and the buffer-type conversion that drops storage scopes.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_CONVERSION_TIRTOSCF_TIRTOSCF_H
#define MLC_CONVERSION_TIRTOSCF_TIRTOSCF_H

#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/StringRef.h"

namespace mlc {

/// Discardable attribute that keeps the kind of a `vectorized` or `unrolled`
/// tir.for on the scf.for it becomes (a `#tir.for_kind`), for later passes.
inline constexpr llvm::StringLiteral kLoopKindAttrName = "tir.loop_kind";

/// Discardable attribute that keeps the `annotations` dictionary of a tir.for
/// on the scf.for or scf.parallel it becomes.
inline constexpr llvm::StringLiteral kLoopAnnotationsAttrName =
    "tir.annotations";

/// Converts tir buffer types for the CPU: a memref in `#tir.scope<global>` or
/// `#tir.scope<local>` becomes the same memref without memory space; a memref
/// in `#tir.scope<shared>` has no CPU equivalent and fails to convert. Every
/// other type is kept.
class TIRToSCFTypeConverter : public mlir::TypeConverter {
public:
  TIRToSCFTypeConverter();
};

/// Adds the patterns that lower tir.prim_func, tir.return, tir.for (except
/// `thread_binding`), tir.block and tir.alloc_buffer, and that rewrite any
/// other op whose operand, result or block-argument types `typeConverter`
/// changes. `typeConverter` must outlive the patterns.
void populateTIRToSCFConversionPatterns(
    const mlir::TypeConverter &typeConverter,
    mlir::RewritePatternSet &patterns);

/// Makes the tir dialect illegal in `target`, and every other op legal when
/// `typeConverter` keeps the types of its operands, results, block arguments
/// and function signature. `typeConverter` must outlive `target`.
void configureTIRToSCFConversionTarget(
    mlir::ConversionTarget &target, const mlir::TypeConverter &typeConverter);

/// Keeps elements of buffers that tir allocated (and that only loads, stores
/// and their dealloc use) in registers inside scf.for loops: invariant
/// loads move in front of the loop, and accumulators (`B[I] = B[I] op x`,
/// with the init branch tir-to-scf emits) become loop-carried values stored
/// once after the loop. convert-tir-to-scf runs it on what it lowers.
void replaceScalarsOfPrivateBuffers(mlir::Operation *root);

} // namespace mlc

#endif // MLC_CONVERSION_TIRTOSCF_TIRTOSCF_H
