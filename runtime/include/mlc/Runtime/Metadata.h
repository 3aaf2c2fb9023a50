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
  /// Arguments only (metadata attribute `param PNAME`): the argument is the
  /// model parameter PNAME, which a call may take from its context's
  /// parameter table instead of the caller. Empty if it is not one.
  std::string param;

  /// `f32[n, 4]`, `f32[]` or `f32[*]`.
  std::string typeString() const;
};

/// `bound VAR LO HI`: the inclusive range of a symbolic variable.
struct BoundSpec {
  std::string var;
  int64_t lo = 0;
  int64_t hi = 0;
};

/// `attr KEY` or `attr KEY VALUE`. The runtime keeps every key, known or not.
struct AttrSpec {
  std::string key;
  std::string value; // the rest of the line, trimmed; "" without a value
  bool hasValue = false;
};

struct MLC_RUNTIME_EXPORT FunctionSpec {
  std::string name;
  std::vector<TensorSpec> args;
  std::vector<TensorSpec> results;
  /// `device TYPE ID`; cpu 0 when absent.
  DLDevice device = {kDLCPU, 0};
  std::vector<BoundSpec> bounds;
  std::vector<AttrSpec> attrs;

  /// `add(a: f32[n], b: f32[n]) -> (f32[n])`; a parameter argument reads
  /// `w: f32[4, 3] = param layer.w`.
  std::string signature() const;
  /// The number of arguments that are parameters (`param PNAME`).
  size_t numParams() const;
  const BoundSpec *findBound(const std::string &var) const;
  const AttrSpec *findAttr(const std::string &key) const;
};

struct MLC_RUNTIME_EXPORT ModuleSpec {
  /// `import NAME`: packed functions that must be registered at load time.
  std::vector<std::string> imports;
  std::vector<FunctionSpec> functions;

  const FunctionSpec *find(const std::string &name) const;
};

/// `cpu:0`, `cuda:1`, `vulkan:0`, `cuda_host:0`, or `device type 13 id 0`.
MLC_RUNTIME_EXPORT std::string deviceToString(DLDevice device);

/// Whether `name` is a dotted identifier (`mlc.blas.sgemm`, `my_fn`): C
/// identifiers joined by single dots.
MLC_RUNTIME_EXPORT bool isDottedIdentifier(const std::string &name);

/// The longest parameter name of a metadata `param` attribute.
constexpr size_t kMaxParamNameLength = 256;

/// Whether `name` can follow `param` in metadata: 1 to kMaxParamNameLength
/// characters of [A-Za-z0-9_.:/-] (`fc1.weight`, `encoder/layer.0:w`).
MLC_RUNTIME_EXPORT bool isParamName(const std::string &name);

/// Parses metadata text (format version MLC_ABI_VERSION, docs/Runtime.md).
/// On failure `error` names the line and the problem. Besides syntax this
/// checks that every variable can be bound: each one used in an argument dim
/// must be bound by an argument dim that is the bare variable or linear in it
/// alone (ShapeExpr::linearForm), and each one in a result dim by such an
/// argument or result dim; that every `bound` names a variable that some
/// dim of its function uses; and that no two arguments of a function name
/// the same `param`.
/// Parses a shape as metadata writes it (`[m, 2 * m]`, `*`) into `spec`'s
/// rank and dims.
MLC_RUNTIME_EXPORT bool parseShapeText(const std::string &text,
                                       TensorSpec &spec, std::string &error);

MLC_RUNTIME_EXPORT bool parseMetadata(const std::string &text, ModuleSpec &out,
                                      std::string &error);

} // namespace mlc::rt

#endif // MLC_RUNTIME_METADATA_H
