//===- Metadata.cpp - Parsing module metadata -----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The line-based `__mlc_metadata` format, version 2 (docs/Runtime.md):
//
//   mlc-module 2
//   import NAME                      module level, anywhere after the header
//   func NAME
//     device TYPE ID                 cpu | cuda | vulkan; default cpu 0
//     bound VAR LO HI                inclusive int64 range of a variable
//     attr KEY [VALUE]               VALUE is the rest of the line
//     arg NAME DTYPE SHAPE [strided] [param PNAME]   attributes in any order
//     ret DTYPE SHAPE
//
// where SHAPE is `[d0, d1, ...]` (each `?` or an expression) or `*` and
// PNAME is 1-256 characters of [A-Za-z0-9_.:/-], unique per function. The
// `device`, `bound` and `attr` lines may come anywhere after their `func`;
// `arg` lines precede `ret` lines. Blank lines and lines starting with `#`
// are ignored. The parser is strict: the metadata is generated, so anything
// unexpected is a compiler bug worth reporting at load time rather than a
// wrong check at call time.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Metadata.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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
    if (!args[i].param.empty())
      result += " = param " + args[i].param;
  }
  result += ") -> (";
  for (size_t i = 0; i < results.size(); ++i) {
    if (i)
      result += ", ";
    result += results[i].typeString();
  }
  return result + ')';
}

size_t FunctionSpec::numParams() const {
  return size_t(
      std::count_if(args.begin(), args.end(),
                    [](const TensorSpec &a) { return !a.param.empty(); }));
}

const BoundSpec *FunctionSpec::findBound(const std::string &var) const {
  for (const BoundSpec &bound : bounds)
    if (bound.var == var)
      return &bound;
  return nullptr;
}

const AttrSpec *FunctionSpec::findAttr(const std::string &key) const {
  for (const AttrSpec &attr : attrs)
    if (attr.key == key)
      return &attr;
  return nullptr;
}

const FunctionSpec *ModuleSpec::find(const std::string &name) const {
  for (const FunctionSpec &function : functions)
    if (function.name == name)
      return &function;
  return nullptr;
}

std::string mlc::rt::deviceToString(DLDevice device) {
  const char *type = nullptr;
  switch (device.device_type) {
  case kDLCPU:
    type = "cpu";
    break;
  case kDLCUDA:
    type = "cuda";
    break;
  case kDLCUDAHost:
    type = "cuda_host";
    break;
  case kDLVulkan:
    type = "vulkan";
    break;
  default:
    return "device type " + std::to_string(device.device_type) + " id " +
           std::to_string(device.device_id);
  }
  return type + (":" + std::to_string(device.device_id));
}

static bool isIdentifier(const std::string &word) {
  if (word.empty() ||
      !(std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_'))
    return false;
  return std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool mlc::rt::isDottedIdentifier(const std::string &name) {
  size_t start = 0;
  for (;;) {
    size_t dot = name.find('.', start);
    if (!isIdentifier(name.substr(start, dot - start)))
      return false;
    if (dot == std::string::npos)
      return true;
    start = dot + 1;
  }
}

bool mlc::rt::isParamName(const std::string &name) {
  if (name.empty() || name.size() > kMaxParamNameLength)
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::strchr("_.:/-", c);
  });
}

/// A strict decimal int64: an optional '-', digits, nothing else.
static bool parseInt64(const std::string &word, int64_t &value) {
  if (word.empty() ||
      !(std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-'))
    return false;
  char *end;
  errno = 0;
  long long parsed = std::strtoll(word.c_str(), &end, 10);
  if (*end || errno == ERANGE || end == word.c_str() ||
      (word[0] == '-' && word.size() == 1))
    return false;
  value = parsed;
  return true;
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
  /// The rest of the line without surrounding whitespace.
  std::string rest() {
    skipSpace();
    size_t end = line.size();
    while (end > pos && std::isspace(static_cast<unsigned char>(line[end - 1])))
      --end;
    std::string text = line.substr(pos, end - pos);
    pos = line.size();
    return text;
  }
  bool atEnd() {
    skipSpace();
    return pos == line.size();
  }
};
} // namespace

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

bool mlc::rt::parseShapeText(const std::string &text, TensorSpec &spec,
                             std::string &error) {
  LineCursor cursor{text};
  if (!parseShape(cursor, spec, error))
    return false;
  if (!cursor.atEnd()) {
    error = "unexpected text after the shape at column " +
            std::to_string(cursor.pos + 1);
    return false;
  }
  return true;
}

/// Parses the PNAME of a `param PNAME` attribute, the cursor after `param`.
static bool parseParamAttribute(LineCursor &cursor, bool isArg,
                                TensorSpec &spec, std::string &error) {
  if (!isArg) {
    error = "'param' is only allowed on 'arg' lines";
    return false;
  }
  if (!spec.param.empty()) {
    error = "duplicate 'param' for argument '" + spec.name + "'";
    return false;
  }
  std::string name = cursor.word();
  if (!isParamName(name)) {
    error = name.empty() ? "expected a parameter name after 'param'"
                         : "invalid parameter name '" + name + "' (1-" +
                               std::to_string(kMaxParamNameLength) +
                               " characters of [A-Za-z0-9_.:/-])";
    return false;
  }
  spec.param = name;
  return true;
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
    if (attribute == "param") {
      if (!parseParamAttribute(cursor, isArg, spec, error))
        return false;
      continue;
    }
    error = "unexpected '" + attribute + "'";
    return false;
  }
  return true;
}

/// Adds to `bound` the variables that dims of `specs` bind: bare dims, then
/// dims linear in one variable. (A linear dim holds a single variable, so
/// binding one never lets another bind: one pass reaches the fixpoint.)
static void collectBindable(const std::vector<TensorSpec> &specs,
                            std::set<std::string> &bound) {
  for (const TensorSpec &spec : specs)
    for (const DimSpec &dim : spec.dims)
      if (!dim.unknown && dim.expr.isVar())
        bound.insert(dim.expr.varName());
  for (const TensorSpec &spec : specs)
    for (const DimSpec &dim : spec.dims) {
      LinearForm form;
      if (!dim.unknown && dim.expr.linearForm(form))
        bound.insert(form.var);
    }
}

/// Checks that every variable of `specs` can be bound (see Metadata.h),
/// adding the bindable ones to `bound`.
static bool checkBindable(const FunctionSpec &function,
                          const std::vector<TensorSpec> &specs, bool isArg,
                          std::set<std::string> &bound, std::string &error) {
  collectBindable(specs, bound);
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
                "' in '" + dim.expr.str() + "' is not bound by a bare or " +
                "linear " + (isArg ? "argument" : "argument or result") +
                " dimension";
        return false;
      }
    }
  }
  return true;
}

/// Checks that each `bound` names a variable that a dim of its function uses.
static bool checkBoundsUsed(const FunctionSpec &function, std::string &error) {
  std::set<std::string> used;
  for (const std::vector<TensorSpec> *specs :
       {&function.args, &function.results})
    for (const TensorSpec &spec : *specs)
      for (const DimSpec &dim : spec.dims)
        if (!dim.unknown)
          for (const std::string &var : dim.expr.vars())
            used.insert(var);
  for (const BoundSpec &bound : function.bounds) {
    if (used.count(bound.var))
      continue;
    error = "function '" + function.name + "' has a bound for variable '" +
            bound.var + "', which no dimension of it uses";
    return false;
  }
  return true;
}

namespace {
/// The line-by-line parser; each directive has its own method.
class MetadataParser {
public:
  explicit MetadataParser(ModuleSpec &out) : out(out) {}

  /// Parses one line (without its newline); false with `error` on failure.
  bool parseLine(const std::string &line, std::string &error) {
    LineCursor cursor{line};
    if (cursor.atEnd() || line[cursor.pos] == '#')
      return true;
    std::string keyword = cursor.word();
    if (!sawHeader)
      return parseHeader(keyword, cursor, error);
    if (keyword == "import")
      return parseImport(cursor, error);
    if (keyword == "func")
      return parseFunc(cursor, error);
    if (keyword != "arg" && keyword != "ret" && keyword != "device" &&
        keyword != "bound" && keyword != "attr") {
      error = "unknown directive '" + keyword + "'";
      return false;
    }
    if (out.functions.empty()) {
      error = "'" + keyword + "' before any 'func'";
      return false;
    }
    FunctionSpec &function = out.functions.back();
    if (keyword == "device")
      return parseDevice(cursor, function, error);
    if (keyword == "bound")
      return parseBound(cursor, function, error);
    if (keyword == "attr")
      return parseAttr(cursor, function, error);
    return parseTensor(cursor, keyword == "arg", function, error);
  }

  bool sawHeader = false;

private:
  bool parseHeader(const std::string &keyword, LineCursor &cursor,
                   std::string &error) {
    if (keyword != "mlc-module") {
      error = "expected '" MLC_ABI_METADATA_HEADER "'";
      return false;
    }
    std::string version = cursor.word();
    if (version == "1" && cursor.atEnd()) {
      error = "module ABI version 1 is no longer supported; recompile";
      return false;
    }
    if (version != std::to_string(MLC_ABI_VERSION) || !cursor.atEnd()) {
      error = "unsupported module version '" + version +
              "' (this runtime reads version " +
              std::to_string(MLC_ABI_VERSION) + ")";
      return false;
    }
    sawHeader = true;
    return true;
  }

  bool parseImport(LineCursor &cursor, std::string &error) {
    std::string name = cursor.word();
    if (!isDottedIdentifier(name)) {
      error = "expected a packed function name (a dotted identifier), got '" +
              name + "'";
      return false;
    }
    if (!cursor.atEnd()) {
      error = "unexpected text after the imported name";
      return false;
    }
    if (std::find(out.imports.begin(), out.imports.end(), name) !=
        out.imports.end()) {
      error = "duplicate import '" + name + "'";
      return false;
    }
    out.imports.push_back(name);
    return true;
  }

  bool parseFunc(LineCursor &cursor, std::string &error) {
    std::string name = cursor.word();
    if (!isIdentifier(name)) {
      error = "expected a function name (a C identifier), got '" + name + "'";
      return false;
    }
    if (!cursor.atEnd()) {
      error = "unexpected text after the function name";
      return false;
    }
    if (out.find(name)) {
      error = "duplicate function '" + name + "'";
      return false;
    }
    out.functions.emplace_back();
    out.functions.back().name = name;
    sawDevice = false;
    return true;
  }

  bool parseDevice(LineCursor &cursor, FunctionSpec &function,
                   std::string &error) {
    if (sawDevice) {
      error = "duplicate 'device' in function '" + function.name + "'";
      return false;
    }
    std::string type = cursor.word();
    if (type == "cpu")
      function.device.device_type = kDLCPU;
    else if (type == "cuda")
      function.device.device_type = kDLCUDA;
    else if (type == "vulkan")
      function.device.device_type = kDLVulkan;
    else {
      error =
          "unknown device type '" + type + "' (expected cpu, cuda or vulkan)";
      return false;
    }
    std::string id = cursor.word();
    int64_t value;
    if (!parseInt64(id, value) || value < 0 || value > INT32_MAX) {
      error = "invalid device id '" + id + "' (expected an integer in [0, " +
              std::to_string(INT32_MAX) + "])";
      return false;
    }
    if (!cursor.atEnd()) {
      error = "unexpected text after the device id";
      return false;
    }
    function.device.device_id = static_cast<int32_t>(value);
    sawDevice = true;
    return true;
  }

  bool parseBound(LineCursor &cursor, FunctionSpec &function,
                  std::string &error) {
    BoundSpec bound;
    bound.var = cursor.word();
    if (!isIdentifier(bound.var)) {
      error = "expected a variable name, got '" + bound.var + "'";
      return false;
    }
    if (function.findBound(bound.var)) {
      error = "duplicate bound for '" + bound.var + "' in function '" +
              function.name + "'";
      return false;
    }
    std::string lo = cursor.word(), hi = cursor.word();
    for (const std::string *word : {&lo, &hi}) {
      int64_t &value = word == &lo ? bound.lo : bound.hi;
      if (!parseInt64(*word, value)) {
        error = "invalid bound '" + *word + "' for '" + bound.var +
                "' (expected an int64)";
        return false;
      }
    }
    if (!cursor.atEnd()) {
      error = "unexpected text after the bounds of '" + bound.var + "'";
      return false;
    }
    if (bound.lo > bound.hi) {
      error = "empty bounds [" + lo + ", " + hi + "] for '" + bound.var + "'";
      return false;
    }
    function.bounds.push_back(std::move(bound));
    return true;
  }

  bool parseAttr(LineCursor &cursor, FunctionSpec &function,
                 std::string &error) {
    AttrSpec attr;
    attr.key = cursor.word();
    if (!isDottedIdentifier(attr.key)) {
      error = "expected an attribute key (a dotted identifier), got '" +
              attr.key + "'";
      return false;
    }
    if (function.findAttr(attr.key)) {
      error = "duplicate attribute '" + attr.key + "' in function '" +
              function.name + "'";
      return false;
    }
    attr.value = cursor.rest();
    attr.hasValue = !attr.value.empty();
    function.attrs.push_back(std::move(attr));
    return true;
  }

  bool parseTensor(LineCursor &cursor, bool isArg, FunctionSpec &function,
                   std::string &error) {
    if (isArg && !function.results.empty()) {
      error = "'arg' after 'ret' in function '" + function.name + "'";
      return false;
    }
    TensorSpec spec;
    if (!parseTensorLine(cursor, isArg, spec, error))
      return false;
    if (isArg)
      for (const TensorSpec &other : function.args) {
        if (other.name == spec.name) {
          error = "duplicate argument '" + spec.name + "'";
          return false;
        }
        // One table entry cannot be two arguments: the caller could not
        // tell which one a name refers to, and it is surely a compiler bug.
        if (!spec.param.empty() && other.param == spec.param) {
          error = "duplicate parameter '" + spec.param + "' in function '" +
                  function.name + "' (arguments '" + other.name + "' and '" +
                  spec.name + "')";
          return false;
        }
      }
    (isArg ? function.args : function.results).push_back(std::move(spec));
    return true;
  }

  ModuleSpec &out;
  bool sawDevice = false;
};
} // namespace

bool mlc::rt::parseMetadata(const std::string &text, ModuleSpec &out,
                            std::string &error) {
  out = ModuleSpec();
  MetadataParser parser(out);
  size_t lineNo = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    std::string message;
    if (!parser.parseLine(line, message)) {
      error = "metadata line " + std::to_string(lineNo) + ": " + message;
      return false;
    }
  }
  if (!parser.sawHeader) {
    error = "metadata is empty (expected '" MLC_ABI_METADATA_HEADER "')";
    return false;
  }
  for (const FunctionSpec &function : out.functions) {
    std::set<std::string> bound;
    if (!checkBindable(function, function.args, true, bound, error) ||
        !checkBindable(function, function.results, false, bound, error) ||
        !checkBoundsUsed(function, error)) {
      error = "metadata: " + error;
      return false;
    }
  }
  return true;
}
