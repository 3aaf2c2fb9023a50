//===- Check.cpp - Boundary checks of calls -------------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Check.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Tensor.h"

#include <cstdint>

using namespace mlc::rt;

static std::string shapeString(int32_t ndim, const int64_t *shape) {
  std::string result = "[";
  for (int32_t i = 0; i < ndim; ++i)
    result += (i ? ", " : "") + std::to_string(shape[i]);
  return result + "]";
}

/// `784`, `'n' = 784 (bound by argument 'x' dimension 1)` or
/// `'2 * n' = 10 (n = 5 bound by argument 'x' dimension 0)`.
static std::string describeExpected(const ShapeExpr &expr, int64_t value,
                                    const Bindings &bindings) {
  if (expr.isConstant())
    return std::to_string(value);
  std::string result = "'" + expr.str() + "' = " + std::to_string(value);
  if (expr.isVar())
    return result + " (bound by " + bindings.sources.at(expr.varName()) + ")";
  return result + " (" + [&] {
    std::string list;
    for (const std::string &var : expr.vars())
      list += (list.empty() ? "" : ", ") + var + " = " +
              std::to_string(bindings.values.at(var)) + " bound by " +
              bindings.sources.at(var);
    return list;
  }() + ")";
}

/// Binds the bare variables of `spec` that are still unbound.
static void bindBare(const TensorSpec &spec, const int64_t *sizes,
                     const std::string &what, const std::string &label,
                     Bindings &bindings) {
  if (spec.unknownRank)
    return;
  for (size_t d = 0; d < spec.dims.size(); ++d) {
    const DimSpec &dim = spec.dims[d];
    if (dim.unknown || !dim.expr.isVar() ||
        bindings.values.count(dim.expr.varName()))
      continue;
    std::string dimension = " dimension " + std::to_string(d);
    bindings.values[dim.expr.varName()] = sizes[d];
    bindings.sources[dim.expr.varName()] = what + dimension;
    bindings.labels[dim.expr.varName()] = label + dimension;
  }
}

/// Binds the still-unbound variables of the dims of `spec` that are linear
/// in them. A linear dim holds a single variable, so binding one never lets
/// another bind: one pass in order reaches the fixpoint.
static MLCStatus bindLinear(const TensorSpec &spec, const int64_t *sizes,
                            const std::string &what, const std::string &label,
                            MLCStatus failure, const std::string &suffix,
                            Bindings &bindings) {
  if (spec.unknownRank)
    return MLC_OK;
  for (size_t d = 0; d < spec.dims.size(); ++d) {
    const DimSpec &dim = spec.dims[d];
    LinearForm form;
    if (dim.unknown || !dim.expr.linearForm(form) ||
        bindings.values.count(form.var))
      continue;
    std::string dimension = " dimension " + std::to_string(d);
    int64_t value;
    if (!dim.expr.solveLinear(form, sizes[d], value))
      return setError(failure, label + dimension + ": " +
                                   std::to_string(sizes[d]) +
                                   " is not a value of '" + dim.expr.str() +
                                   "' for any integer " + form.var + suffix);
    bindings.values[form.var] = value;
    bindings.sources[form.var] = what + dimension;
    bindings.labels[form.var] = label + dimension;
  }
  return MLC_OK;
}

/// Checks the bounds of the variables bound so far.
static MLCStatus checkBounds(const std::vector<BoundSpec> &bounds,
                             const Bindings &bindings, MLCStatus failure,
                             const std::string &suffix) {
  for (const BoundSpec &bound : bounds) {
    auto it = bindings.values.find(bound.var);
    if (it == bindings.values.end() ||
        (it->second >= bound.lo && it->second <= bound.hi))
      continue;
    return setError(failure, bindings.labels.at(bound.var) + ": '" + bound.var +
                                 "' = " + std::to_string(it->second) +
                                 " is outside its bounds [" +
                                 std::to_string(bound.lo) + ", " +
                                 std::to_string(bound.hi) + "]" + suffix);
  }
  return MLC_OK;
}

/// Compares every dim of `spec` with `sizes`; `label` prefixes messages.
static MLCStatus checkDims(const TensorSpec &spec, const int64_t *sizes,
                           const std::string &label, MLCStatus failure,
                           const std::string &suffix,
                           const Bindings &bindings) {
  if (spec.unknownRank)
    return MLC_OK;
  for (size_t d = 0; d < spec.dims.size(); ++d) {
    const DimSpec &dim = spec.dims[d];
    if (dim.unknown)
      continue;
    std::string where = label + " dimension " + std::to_string(d) + ": ";
    int64_t expected;
    std::string error;
    if (!dim.expr.evaluate(bindings.values, expected, error)) {
      std::string context;
      for (const std::string &var : dim.expr.vars())
        if (bindings.values.count(var))
          context += (context.empty() ? " (" : ", ") + var + " = " +
                     std::to_string(bindings.values.at(var)) + " bound by " +
                     bindings.sources.at(var);
      if (!context.empty())
        context += ")";
      return setError(failure, where + "cannot evaluate '" + dim.expr.str() +
                                   "': " + error + context + suffix);
    }
    if (expected != sizes[d])
      return setError(failure,
                      where + "expected " +
                          describeExpected(dim.expr, expected, bindings) +
                          " but got " + std::to_string(sizes[d]) + suffix);
  }
  return MLC_OK;
}

bool mlc::rt::deviceAccepts(DLDevice expected, DLDevice actual) {
  if (expected.device_type == kDLCPU)
    return actual.device_type == kDLCPU || actual.device_type == kDLCUDAHost;
  return actual.device_type == expected.device_type &&
         actual.device_id == expected.device_id;
}

/// Validates one argument's own fields before any shape reasoning.
static MLCStatus checkTensor(const FunctionSpec &function,
                             const TensorSpec &spec, const DLTensor &t,
                             const std::string &label) {
  if (t.ndim < 0 || (t.ndim > 0 && !t.shape))
    return setError(MLC_ERROR_INVALID_ARGUMENT, label + ": invalid ndim " +
                                                    std::to_string(t.ndim) +
                                                    " or NULL shape");
  if (!deviceAccepts(function.device, t.device))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    label + ": expected a " +
                        (function.device.device_type == kDLCPU
                             ? std::string("CPU tensor")
                             : "tensor on " + deviceToString(function.device)) +
                        " but got device type " +
                        std::to_string(t.device.device_type) + " id " +
                        std::to_string(t.device.device_id));
  const DType *dtype = lookupDType(t.dtype);
  if (dtype != spec.dtype)
    return setError(MLC_ERROR_TYPE_MISMATCH,
                    label + ": expected dtype " + spec.dtype->name +
                        " but got " + dtypeToString(t.dtype));
  if (!spec.unknownRank && size_t(t.ndim) != spec.dims.size())
    return setError(
        MLC_ERROR_SHAPE_MISMATCH,
        label + ": expected rank " + std::to_string(spec.dims.size()) + " (" +
            spec.typeString() + ") but got rank " + std::to_string(t.ndim) +
            " " + shapeString(t.ndim, t.shape));
  int64_t numel;
  size_t bytes;
  for (int32_t d = 0; d < t.ndim; ++d)
    if (t.shape[d] < 0)
      return setError(MLC_ERROR_INVALID_ARGUMENT,
                      label + " dimension " + std::to_string(d) +
                          ": negative extent " + std::to_string(t.shape[d]));
  if (!numElements(t.ndim, t.shape, numel) ||
      !byteSize(numel, dtype->bytes, bytes))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    label + ": the size of shape " +
                        shapeString(t.ndim, t.shape) + " overflows");
  if (numel == 0)
    return MLC_OK;
  if (!t.data)
    return setError(MLC_ERROR_INVALID_ARGUMENT, label + ": data is NULL");
  uintptr_t address = reinterpret_cast<uintptr_t>(t.data) + t.byte_offset;
  if (address % dtype->bytes)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    label + ": data + byte_offset is not aligned to " +
                        std::to_string(dtype->bytes) + " bytes");
  return MLC_OK;
}

static std::string argumentLabel(const FunctionSpec &function, size_t i) {
  return "argument '" + function.args[i].name + "' (#" + std::to_string(i) +
         ")";
}

/// `function 'f' expects 3 argument(s) but got 1`, naming the other count
/// that a call accepts when the function has parameter arguments.
static std::string countMessage(const FunctionSpec &function, int32_t numArgs) {
  size_t params = function.numParams();
  std::string expected = std::to_string(function.args.size()) + " argument(s)";
  if (params)
    expected += ", or " + std::to_string(function.args.size() - params) +
                " with its " + std::to_string(params) +
                " parameter(s) taken from the context,";
  return "function '" + function.name + "' expects " + expected + " but got " +
         std::to_string(numArgs);
}

MLCStatus mlc::rt::checkArguments(const FunctionSpec &function,
                                  const DLTensor *args, int32_t numArgs,
                                  Bindings &bindings) {
  if (numArgs < 0 || size_t(numArgs) != function.args.size())
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    countMessage(function, numArgs));
  if (numArgs > 0 && !args)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "function '" + function.name + "': 'args' is NULL");
  for (size_t i = 0; i < function.args.size(); ++i)
    if (MLCStatus status = checkTensor(function, function.args[i], args[i],
                                       argumentLabel(function, i)))
      return status;
  for (size_t i = 0; i < function.args.size(); ++i)
    bindBare(function.args[i], args[i].shape,
             "argument '" + function.args[i].name + "'",
             argumentLabel(function, i), bindings);
  for (size_t i = 0; i < function.args.size(); ++i)
    if (MLCStatus status = bindLinear(
            function.args[i], args[i].shape,
            "argument '" + function.args[i].name + "'",
            argumentLabel(function, i), MLC_ERROR_SHAPE_MISMATCH, "", bindings))
      return status;
  if (MLCStatus status =
          checkBounds(function.bounds, bindings, MLC_ERROR_SHAPE_MISMATCH, ""))
    return status;
  for (size_t i = 0; i < function.args.size(); ++i)
    if (MLCStatus status = checkDims(function.args[i], args[i].shape,
                                     argumentLabel(function, i),
                                     MLC_ERROR_SHAPE_MISMATCH, "", bindings))
      return status;
  return MLC_OK;
}

MLCStatus mlc::rt::checkResults(const FunctionSpec &function,
                                const ResultShape *results,
                                Bindings &bindings) {
  std::string suffix =
      " (the compiled function '" + function.name + "' broke its signature)";
  for (size_t i = 0; i < function.results.size(); ++i) {
    const TensorSpec &spec = function.results[i];
    const ResultShape &result = results[i];
    std::string label = "result #" + std::to_string(i);
    if (result.ndim < 0 ||
        (!spec.unknownRank && size_t(result.ndim) != spec.dims.size()))
      return setError(MLC_ERROR_RUNTIME,
                      label + ": expected rank " +
                          std::to_string(spec.dims.size()) + " but got " +
                          std::to_string(result.ndim) + suffix);
    for (int32_t d = 0; d < result.ndim; ++d)
      if (result.sizes[d] < 0)
        return setError(MLC_ERROR_RUNTIME,
                        label + " dimension " + std::to_string(d) +
                            ": negative extent " +
                            std::to_string(result.sizes[d]) + suffix);
  }
  for (size_t i = 0; i < function.results.size(); ++i)
    bindBare(function.results[i], results[i].sizes,
             "result #" + std::to_string(i), "result #" + std::to_string(i),
             bindings);
  for (size_t i = 0; i < function.results.size(); ++i) {
    std::string label = "result #" + std::to_string(i);
    if (MLCStatus status =
            bindLinear(function.results[i], results[i].sizes, label, label,
                       MLC_ERROR_RUNTIME, suffix, bindings))
      return status;
  }
  if (MLCStatus status =
          checkBounds(function.bounds, bindings, MLC_ERROR_RUNTIME, suffix))
    return status;
  for (size_t i = 0; i < function.results.size(); ++i)
    if (MLCStatus status = checkDims(function.results[i], results[i].sizes,
                                     "result #" + std::to_string(i),
                                     MLC_ERROR_RUNTIME, suffix, bindings))
      return status;
  return MLC_OK;
}

MLCStatus mlc::rt::matchShape(const TensorSpec &spec, const int64_t *sizes,
                              int32_t ndim, const std::string &label,
                              const std::vector<BoundSpec> &bounds,
                              Bindings &bindings) {
  if (ndim < 0 || (ndim > 0 && !sizes))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    label + ": invalid rank " + std::to_string(ndim));
  if (!spec.unknownRank && size_t(ndim) != spec.dims.size())
    return setError(MLC_ERROR_SHAPE_MISMATCH,
                    label + ": expected rank " +
                        std::to_string(spec.dims.size()) + " but got rank " +
                        std::to_string(ndim) + " " + shapeString(ndim, sizes));
  for (int32_t d = 0; d < ndim; ++d)
    if (sizes[d] < 0)
      return setError(MLC_ERROR_SHAPE_MISMATCH,
                      label + " dimension " + std::to_string(d) +
                          ": negative extent " + std::to_string(sizes[d]));
  bindBare(spec, sizes, "its", label, bindings);
  if (MLCStatus status = bindLinear(spec, sizes, "its", label,
                                    MLC_ERROR_SHAPE_MISMATCH, "", bindings))
    return status;
  if (MLCStatus status =
          checkBounds(bounds, bindings, MLC_ERROR_SHAPE_MISMATCH, ""))
    return status;
  return checkDims(spec, sizes, label, MLC_ERROR_SHAPE_MISMATCH, "",
                   bindings);
}
