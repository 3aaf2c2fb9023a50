//===- RelaxToHost.h - relax functions to host code -------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The pieces of relax-to-host, each usable on its own:
//   * RelaxHostTypeConverter: relax tensors -> memrefs, storages -> i8
//     memrefs;
//   * populateRelaxToHostPatterns: the explicit-memory ops, match_cast
//     checks and shape binding, relax -> relax calls with a context and a
//     status, on top of upstream's structural scf/cf patterns;
//   * lowerHostErrorPaths: each run-time check (cf.assert in a host
//     function) becomes a branch to a block that frees what is live and
//     returns a failure status;
//   * emitHostEntryPoints / buildModuleMetadata: the runtime ABI v2 entry
//     points and the metadata text (docs/Runtime.md).
//
//===----------------------------------------------------------------------===//

#ifndef MLC_CONVERSION_RELAXTOHOST_RELAXTOHOST_H
#define MLC_CONVERSION_RELAXTOHOST_RELAXTOHOST_H

#include "mlc/Dialect/Relax/RelaxTypes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace mlc {

/// The unit attribute that marks a converted relax function: its first
/// argument is the runtime context (`!llvm.ptr`), its first result an `i32`
/// status (0 = success).
inline constexpr llvm::StringLiteral kHostFunctionAttrName = "mlc.host_func";

/// relax.tensor<[n, 4], f32> -> memref<?x4xf32>; relax.storage ->
/// memref<?xi8>; other types unchanged. Unranked tensors and tensors with an
/// unknown dim of unknown rank have no host form.
class RelaxHostTypeConverter : public mlir::TypeConverter {
public:
  explicit RelaxHostTypeConverter(mlir::MLIRContext *ctx);
};

/// What the patterns of one conversion share: the values of symbolic
/// variables per function, and the pointer each owned buffer was allocated
/// with (error paths free what is live).
struct RelaxHostState {
  /// The relax functions being converted (by name).
  llvm::StringSet<> relaxFunctions;
  /// Per converted function: the `index` value of each bound variable.
  llvm::DenseMap<mlir::Operation *, llvm::StringMap<mlir::Value>> vars;
  /// A storage memref, or a tensor a callee handed over -> its allocated
  /// pointer.
  llvm::DenseMap<mlir::Value, mlir::Value> allocatedPointers;
  /// The pointers a function owns until it frees or returns them, with their
  /// device (DLPack type, index).
  llvm::DenseMap<mlir::Value, std::pair<int32_t, int64_t>> ownedPointers;
  /// The object references (`!llvm.ptr` to an MLCObject) a function owns
  /// until it releases them.
  llvm::DenseSet<mlir::Value> ownedObjects;
  unsigned stringCounter = 0;
};

/// Declares the runtime functions of ABI v2 (mlc/Runtime/ABI.h) in `module`
/// unless present.
void declareHostRuntimeFunctions(mlir::ModuleOp module);

/// Patterns that convert relax functions (those in `state.relaxFunctions`)
/// in explicit-memory form to host code.
void populateRelaxToHostPatterns(RelaxHostTypeConverter &converter,
                                 mlir::RewritePatternSet &patterns,
                                 RelaxHostState &state);

/// Marks relax illegal and the converted forms of relax functions, calls and
/// returns legal; adds upstream's scf structural legality.
void configureRelaxToHostTarget(mlir::ConversionTarget &target,
                                RelaxHostTypeConverter &converter,
                                mlir::RewritePatternSet &patterns,
                                RelaxHostState &state);

/// Rewrites every `cf.assert` in a host function into a branch to an error
/// block: set the message (if the assert has one; otherwise the runtime
/// function that failed has set it), free the pointers in
/// `state.ownedPointers` that are live there, return status 1. Fails for an
/// assert inside a nested region.
mlir::LogicalResult lowerHostErrorPaths(mlir::ModuleOp module,
                                        RelaxHostState &state);

/// The metadata text (docs/Runtime.md) of the relax functions of `module`,
/// read from their relax signatures; call it before converting them. Fails
/// with a diagnostic on a signature the runtime cannot describe.
mlir::FailureOr<std::string> buildModuleMetadata(mlir::ModuleOp module);

/// Adds `__mlc_packed_<f>(ctx, args, results)` for every host function and
/// the `__mlc_metadata` global holding `metadata`.
void emitHostEntryPoints(mlir::ModuleOp module, llvm::StringRef metadata);

/// All of the above, in order (the pass relax-to-host).
mlir::LogicalResult convertRelaxToHost(mlir::ModuleOp module);

} // namespace mlc

#endif // MLC_CONVERSION_RELAXTOHOST_RELAXTOHOST_H
