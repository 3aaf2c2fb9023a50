//===- Metadata.cpp - Parsing module metadata -----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The line-based `__mlc_metadata` format:
//
//   mlc-module 1
//   func NAME
//   arg NAME DTYPE SHAPE [strided]
//   ret DTYPE SHAPE
//
// where SHAPE is `[d0, d1, ...]` (each `?` or an expression) or `*`. Blank
// lines and lines starting with `#` are ignored. The parser is strict: the
// metadata is generated, so anything unexpected is a compiler bug worth
// reporting at load time rather than a wrong check at call time.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Metadata.h"

#include <algorithm>
#include <cctype>
#include <set>

using namespace mlc::rt;

static const DType kDTypes[] = {
    {"f16", {kDLFloat, 16, 1}, 2, true, true},
    {"bf16", {kDLBfloat, 16, 1}, 2, true, true},
    {"f32", {kDLFloat, 32, 1}, 4, true, true},
    {"f64", {kDLFloat, 64, 1}, 8, true, true},
    {"i1", {kDLUInt, 1, 1}, 1, false, false},
    {"i8", {kDLInt, 8, 1}, 1, false, true},
    {"i16", {kDLInt, 16, 1}, 2, false, true},
    {"i32", {kDLInt, 32, 1}, 4, false, true},
    {"i64", {kDLInt, 64, 1}, 8, false, true},
    {"u8", {kDLUInt, 8, 1}, 1, false, false},
    {"u16", {kDLUInt, 16, 1}, 2, false, false},
    {"u32", {kDLUInt, 32, 1}, 4, false, false},
    {"u64", {kDLUInt, 64, 1}, 8, false, false},
};

const DType *mlc::rt::lookupDType(const std::string &name) {
  for (const DType &dtype : kDTypes)
    if (name == dtype.name)
      return &dtype;
  return nullptr;
}

const DType *mlc::rt::lookupDType(DLDataType dl) {
  if (dl.lanes != 1)
    return nullptr;
  constexpr uint8_t kDLBoolCode = 6; // DLPack >= 0.8; absent from 0.6
  if (dl.code == kDLBoolCode && dl.bits == 8)
    return &kDTypes[4];
  for (const DType &dtype : kDTypes)
    if (dtype.dl.code == dl.code && dtype.dl.bits == dl.bits)
      return &dtype;
  return nullptr;
}

std::string mlc::rt::dtypeToString(DLDataType dl) {
  if (const DType *dtype = lookupDType(dl))
    return dtype->name;
  return "(code " + std::to_string(dl.code) + ", bits " +
         std::to_string(dl.bits) + ", lanes " + std::to_string(dl.lanes) + ")";
}

std::string TensorSpec::typeString() const {
  std::string result = dtype->name;
  if (unknownRank)
    return result + "[*]";
  result += '[';
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i)
      result += ", ";
    result += dims[i].unknown ? "?" : dims[i].expr.str();
  }
  return result + ']';
}

std::string FunctionSpec::signature() const {
  std::string result = name + '(';
  for (size_t i = 0; i < args.size(); ++i) {
    if (i)
      result += ", ";
    result += args[i].name + ": " + args[i].typeString();
  }
  result += ") -> (";
  for (size_t i = 0; i < results.size(); ++i) {
    if (i)
      result += ", ";
    result += results[i].typeString();
  }
  return result + ')';
}

const FunctionSpec *ModuleSpec::find(const std::string &name) const {
  for (const FunctionSpec &function : functions)
    if (function.name == name)
      return &function;
  return nullptr;
}

namespace {
/// Splits one line into whitespace-separated words on demand.
struct LineCursor {
  const std::string &line;
  size_t pos = 0;

  void skipSpace() {
    while (pos < line.size() &&
           std::isspace(static_cast<unsigned char>(line[pos])))
      ++pos;
  }
  std::string word() {
    skipSpace();
    size_t start = pos;
    while (pos < line.size() &&
           !std::isspace(static_cast<unsigned char>(line[pos])))
      ++pos;
    return line.substr(start, pos - start);
  }
  bool atEnd() {
    skipSpace();
    return pos == line.size();
  }
};
} // namespace

static bool isIdentifier(const std::string &word) {
  if (word.empty() ||
      !(std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_'))
    return false;
  return std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

/// Parses `[d, ...]` or `*` at the cursor.
static bool parseShape(LineCursor &cursor, TensorSpec &spec,
                       std::string &error) {
  const std::string &line = cursor.line;
  cursor.skipSpace();
  if (cursor.pos < line.size() && line[cursor.pos] == '*') {
    ++cursor.pos;
    spec.unknownRank = true;
    return true;
  }
  if (cursor.pos == line.size() || line[cursor.pos] != '[') {
    error = "expected '[' or '*' at column " + std::to_string(cursor.pos + 1);
    return false;
  }
  ++cursor.pos;
  cursor.skipSpace();
  if (cursor.pos < line.size() && line[cursor.pos] == ']') {
    ++cursor.pos;
    return true;
  }
  for (;;) {
    DimSpec dim;
    cursor.skipSpace();
    if (cursor.pos < line.size() && line[cursor.pos] == '?') {
      ++cursor.pos;
      dim.unknown = true;
    } else if (!ShapeExpr::parsePrefix(line, cursor.pos, dim.expr, error)) {
      return false;
    }
    spec.dims.push_back(std::move(dim));
    cursor.skipSpace();
    if (cursor.pos < line.size() && line[cursor.pos] == ',') {
      ++cursor.pos;
      continue;
    }
    if (cursor.pos < line.size() && line[cursor.pos] == ']') {
      ++cursor.pos;
      return true;
    }
    error = "expected ',' or ']' at column " + std::to_string(cursor.pos + 1);
    return false;
  }
}

/// Parses the rest of an `arg`/`ret` line after the keyword.
static bool parseTensorLine(LineCursor &cursor, bool isArg, TensorSpec &spec,
                            std::string &error) {
  if (isArg) {
    spec.name = cursor.word();
    if (spec.name.empty()) {
      error = "expected an argument name";
      return false;
    }
  }
  std::string dtype = cursor.word();
  spec.dtype = lookupDType(dtype);
  if (!spec.dtype) {
    error =
        dtype.empty() ? "expected a dtype" : "unknown dtype '" + dtype + "'";
    return false;
  }
  if (!parseShape(cursor, spec, error))
    return false;
  while (!cursor.atEnd()) {
    std::string attribute = cursor.word();
    if (isArg && attribute == "strided" && !spec.strided) {
      spec.strided = true;
      continue;
    }
    error = "unexpected '" + attribute + "'";
    return false;
  }
  return true;
}

/// Checks that every variable of `specs` can be bound (see Metadata.h),
/// adding the bare ones to `bound`.
static bool checkBindable(const FunctionSpec &function,
                          const std::vector<TensorSpec> &specs, bool isArg,
                          std::set<std::string> &bound, std::string &error) {
  for (const TensorSpec &spec : specs)
    for (const DimSpec &dim : spec.dims)
      if (!dim.unknown && dim.expr.isVar())
        bound.insert(dim.expr.varName());
  for (size_t i = 0; i < specs.size(); ++i) {
    for (size_t d = 0; d < specs[i].dims.size(); ++d) {
      const DimSpec &dim = specs[i].dims[d];
      if (dim.unknown)
        continue;
      for (const std::string &var : dim.expr.vars()) {
        if (bound.count(var))
          continue;
        error = "function '" + function.name + "' " +
                (isArg ? "argument '" + specs[i].name + "'"
                       : "result #" + std::to_string(i)) +
                " dimension " + std::to_string(d) + ": variable '" + var +
                "' in '" + dim.expr.str() + "' is not bound by a bare " +
                (isArg ? "argument" : "argument or result") + " dimension";
        return false;
      }
    }
  }
  return true;
}

bool mlc::rt::parseMetadata(const std::string &text, ModuleSpec &out,
                            std::string &error) {
  out.functions.clear();
  bool sawHeader = false;
  size_t lineNo = 0;
  size_t start = 0;
  auto fail = [&](const std::string &message) {
    error = "metadata line " + std::to_string(lineNo) + ": " + message;
    return false;
  };
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    LineCursor cursor{line};
    if (cursor.atEnd() || line[cursor.pos] == '#')
      continue;
    std::string keyword = cursor.word();
    if (!sawHeader) {
      if (keyword != "mlc-module")
        return fail("expected 'mlc-module " +
                    std::to_string(MLC_MODULE_ABI_VERSION) + "'");
      std::string version = cursor.word();
      if (version != std::to_string(MLC_MODULE_ABI_VERSION) || !cursor.atEnd())
        return fail("unsupported module version '" + version +
                    "' (this runtime reads version " +
                    std::to_string(MLC_MODULE_ABI_VERSION) + ")");
      sawHeader = true;
      continue;
    }
    if (keyword == "func") {
      std::string name = cursor.word();
      if (!isIdentifier(name))
        return fail("expected a function name (a C identifier), got '" + name +
                    "'");
      if (!cursor.atEnd())
        return fail("unexpected text after the function name");
      if (out.find(name))
        return fail("duplicate function '" + name + "'");
      out.functions.push_back(FunctionSpec{name, {}, {}});
      continue;
    }
    if (keyword != "arg" && keyword != "ret")
      return fail("unknown directive '" + keyword + "'");
    if (out.functions.empty())
      return fail("'" + keyword + "' before any 'func'");
    FunctionSpec &function = out.functions.back();
    bool isArg = keyword == "arg";
    if (isArg && !function.results.empty())
      return fail("'arg' after 'ret' in function '" + function.name + "'");
    TensorSpec spec;
    std::string message;
    if (!parseTensorLine(cursor, isArg, spec, message))
      return fail(message);
    if (isArg)
      for (const TensorSpec &other : function.args)
        if (other.name == spec.name)
          return fail("duplicate argument '" + spec.name + "'");
    (isArg ? function.args : function.results).push_back(std::move(spec));
  }
  if (!sawHeader) {
    error = "metadata is empty (expected 'mlc-module " +
            std::to_string(MLC_MODULE_ABI_VERSION) + "')";
    return false;
  }
  for (const FunctionSpec &function : out.functions) {
    std::set<std::string> bound;
    if (!checkBindable(function, function.args, true, bound, error) ||
        !checkBindable(function, function.results, false, bound, error)) {
      error = "metadata: " + error;
      return false;
    }
  }
  return true;
}
