//===- Metadata.h - Module metadata -----------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The function signatures a compiled module describes in `__mlc_metadata`
// (format in docs/Runtime.md), and the dtype table shared by the runtime and
// mlc-run.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_METADATA_H
#define MLC_RUNTIME_METADATA_H

#include "mlc/Runtime/ShapeExpr.h"

#include <optional>
#include <string>
#include <vector>

namespace mlc::rt {

/// An element type of the ABI and its DLPack encoding.
struct DType {
  const char *name; // "f32"
  DLDataType dl;    // i1 is {kDLUInt, 1, 1}, TVM's boolean
  unsigned bytes;   // storage size of one element
  bool isFloat;
  bool isSigned;
};

/// The dtype named `name` ("f32", "i1", ...), if any.
MLC_RUNTIME_EXPORT const DType *lookupDType(const std::string &name);
/// The ABI dtype of a DLPack type, if any. DLPack 0.8's kDLBool (code 6,
/// 8 bits) is also read as i1.
MLC_RUNTIME_EXPORT const DType *lookupDType(DLDataType dl);
/// `f32` for known types, otherwise a description of the raw fields.
MLC_RUNTIME_EXPORT std::string dtypeToString(DLDataType dl);

/// One dimension: `?` or an expression.
struct DimSpec {
  bool unknown = false;
  ShapeExpr expr;
};

/// One argument or result.
struct MLC_RUNTIME_EXPORT TensorSpec {
  std::string name; // empty for results
  const DType *dtype = nullptr;
  bool unknownRank = false; // `*`
  std::vector<DimSpec> dims;
  /// The function reads the descriptor's offset and strides (metadata
  /// attribute `strided`); otherwise the runtime passes compact data.
  bool strided = false;

  /// `f32[n, 4]`, `f32[]` or `f32[*]`.
  std::string typeString() const;
};

struct MLC_RUNTIME_EXPORT FunctionSpec {
  std::string name;
  std::vector<TensorSpec> args;
  std::vector<TensorSpec> results;

  /// `add(a: f32[n], b: f32[n]) -> (f32[n])`.
  std::string signature() const;
};

struct MLC_RUNTIME_EXPORT ModuleSpec {
  std::vector<FunctionSpec> functions;

  const FunctionSpec *find(const std::string &name) const;
};

/// Parses metadata text. On failure `error` names the line and the problem.
/// Besides syntax this checks that every variable can be bound: each one
/// used inside a compound argument dim must appear bare in some argument,
/// and each one inside a compound result dim bare in an argument or result.
MLC_RUNTIME_EXPORT bool parseMetadata(const std::string &text, ModuleSpec &out,
                                      std::string &error);

} // namespace mlc::rt

#endif // MLC_RUNTIME_METADATA_H
