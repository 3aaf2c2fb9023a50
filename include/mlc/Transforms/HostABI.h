//===- HostABI.h - The calling convention of compiled modules ---*- C++ -*-===//
//
// Names shared by the host lowering and the runtime (docs/Runtime.md): a
// compiled module exports `__mlc_metadata` and one `__mlc_packed_<f>` per
// relax function.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_TRANSFORMS_HOSTABI_H
#define MLC_TRANSFORMS_HOSTABI_H

#include "llvm/ADT/StringRef.h"

namespace mlc::abi {

/// The text global describing the module's functions.
inline constexpr llvm::StringLiteral kMetadataSymbol = "__mlc_metadata";
/// Prefix of the packed entry point of each function.
inline constexpr llvm::StringLiteral kPackedPrefix = "__mlc_packed_";
/// Runtime function that records the error message of a failing call.
inline constexpr llvm::StringLiteral kSetErrorFunction = "mlcRuntimeSetError";
/// First line of the metadata text.
inline constexpr llvm::StringLiteral kMetadataHeader = "mlc-module 1";

} // namespace mlc::abi

#endif // MLC_TRANSFORMS_HOSTABI_H
