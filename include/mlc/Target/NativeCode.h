//===- NativeCode.h - MLIR (LLVM dialect) to native code --------*- C++ -*-===//
//
// Emits object files and shared libraries for the host from a module in the
// LLVM dialect: what the runtime loads.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TARGET_NATIVECODE_H
#define MLC_TARGET_NATIVECODE_H

#include "mlir/IR/Operation.h"
#include "llvm/Support/raw_ostream.h"

namespace mlc {

/// Translates `module` to LLVM IR, optimizes it at -O3 for the host CPU and
/// writes an ELF object (position-independent) to `os`.
mlir::LogicalResult emitObjectFile(mlir::Operation *module,
                                   llvm::raw_ostream &os);

/// Like emitObjectFile, then links the object into a shared library with
/// clang (`$MLC_CLANG`, else `clang-22`, else `clang` on PATH) and writes the
/// library to `os`. The library links the OpenMP runtime (parallel loops);
/// mlc runtime symbols stay undefined: they resolve against the runtime
/// when the library is loaded.
mlir::LogicalResult emitSharedLibrary(mlir::Operation *module,
                                      llvm::raw_ostream &os);

/// Registers `--mlc-to-object` and `--mlc-to-shared-library`.
void registerNativeCodeTranslations();

} // namespace mlc

#endif // MLC_TARGET_NATIVECODE_H
