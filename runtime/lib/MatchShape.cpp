//===- MatchShape.cpp - Shape checks that compiled code asks for ----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// mlcContextMatchShape: relax.match_cast and the results of relax.call_packed
// are checked by the same code as a call's arguments (Check.cpp), so one
// evaluator of symbolic shapes serves every check, in the runtime.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Check.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Runtime.h"

#include <sstream>

using namespace mlc::rt;

/// Splits `text` at `separator`; an empty text has no fields.
static std::vector<std::string> split(const std::string &text, char separator) {
  std::vector<std::string> fields;
  if (text.empty())
    return fields;
  std::string field;
  std::istringstream stream(text);
  while (std::getline(stream, field, separator))
    fields.push_back(field);
  if (text.back() == separator)
    fields.push_back("");
  return fields;
}

/// Parses `VAR LO HI, ...`.
static bool parseBounds(const std::string &text,
                        std::vector<BoundSpec> &bounds) {
  for (const std::string &entry : split(text, ',')) {
    std::istringstream stream(entry);
    BoundSpec bound;
    if (!(stream >> bound.var >> bound.lo >> bound.hi) || bound.lo > bound.hi)
      return false;
    std::string rest;
    if (stream >> rest)
      return false;
    bounds.push_back(bound);
  }
  return true;
}

/// The checks of one call, with the error set on the thread on failure.
static MLCStatus matchShapeSpec(const char *spec, const int64_t *dims,
                                int32_t ndim, int64_t *values) {
  if (!spec)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextMatchShape: 'spec' is NULL");
  std::vector<std::string> fields = split(spec, '\t');
  std::vector<BoundSpec> bounds;
  TensorSpec shape;
  std::string error;
  if (fields.size() != 5 || !parseBounds(fields[4], bounds) ||
      !parseShapeText(fields[1], shape, error))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextMatchShape: malformed spec '" +
                        std::string(spec) + "'" +
                        (error.empty() ? "" : ": " + error));
  const std::string &label = fields[0];
  std::vector<std::string> known = split(fields[2], ',');
  std::vector<std::string> bound = split(fields[3], ',');
  if ((!known.empty() || !bound.empty()) && !values)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcContextMatchShape: 'values' is NULL");
  Bindings bindings;
  for (size_t i = 0; i < known.size(); ++i) {
    bindings.values[known[i]] = values[i];
    bindings.sources[known[i]] = "the function";
    bindings.labels[known[i]] = label;
  }
  if (MLCStatus status = matchShape(shape, dims, ndim, label, bounds, bindings))
    return status;
  for (size_t i = 0; i < bound.size(); ++i) {
    auto it = bindings.values.find(bound[i]);
    if (it == bindings.values.end())
      return setError(MLC_ERROR_INVALID_ARGUMENT, label + ": '" + bound[i] +
                                                      "' is not bound by " +
                                                      fields[1]);
    values[known.size() + i] = it->second;
  }
  return MLC_OK;
}

MLC_RUNTIME_EXPORT int32_t mlcContextMatchShape(MLCContext *ctx,
                                                const char *spec,
                                                const int64_t *dims,
                                                int32_t ndim, int64_t *values) {
  MLCStatus status = matchShapeSpec(spec, dims, ndim, values);
  if (status != MLC_OK)
    mlcContextSetError(ctx, mlcGetLastError());
  return status;
}
