//===- Compare.cpp - Comparing results with .npy files --------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "Compare.h"

#include "mlc/Runtime/Metadata.h"
#include "mlc/Runtime/Tensor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace mlc::rt;
using namespace mlc::run;

static std::string formatDouble(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.9g", value);
  return buffer;
}

/// Compares result #index with the tensor in `path` and prints a summary;
/// on a mismatch `error` names the first bad index.
bool mlc::run::compareResult(const DLTensor &result, size_t index,
                             const std::string &path, double rtol, double atol,
                             std::string &error) {
  std::string label = "result #" + std::to_string(index);
  DLManagedTensor *loaded;
  if (mlcNpyLoad(path.c_str(), &loaded) != MLC_OK) {
    error = runtimeError();
    return false;
  }
  TensorPtr expected(loaded);
  const DLTensor &e = expected->dl_tensor;
  if (e.ndim != result.ndim ||
      !std::equal(e.shape, e.shape + e.ndim, result.shape)) {
    error = label + " has shape " + shapeString(result) + " but '" + path +
            "' has shape " + shapeString(e);
    return false;
  }
  const DType &resultType = *lookupDType(result.dtype);
  const DType &expectedType = *lookupDType(e.dtype);
  std::vector<int64_t> strides =
      result.strides
          ? std::vector<int64_t>(result.strides, result.strides + result.ndim)
          : compactStrides(result.ndim, result.shape);
  int64_t numel;
  numElements(result.ndim, result.shape, numel);
  std::vector<int64_t> position(result.ndim, 0);
  int64_t offset = 0;
  double maxAbs = 0, maxRel = 0;
  int64_t firstBad = -1;
  std::vector<int64_t> badPosition;
  double badGot = 0, badWant = 0;
  const char *resultBase =
      static_cast<const char *>(result.data) + result.byte_offset;
  const char *expectedBase = static_cast<const char *>(e.data);
  for (int64_t i = 0; i < numel; ++i) {
    double got =
        loadAsDouble(resultBase + offset * resultType.bytes, resultType);
    double want =
        loadAsDouble(expectedBase + i * expectedType.bytes, expectedType);
    bool ok;
    double diff = 0;
    if (std::isnan(got) || std::isnan(want)) {
      ok = std::isnan(got) && std::isnan(want);
    } else if (std::isinf(got) || std::isinf(want)) {
      ok = got == want;
    } else {
      diff = std::fabs(got - want);
      ok = diff <= atol + rtol * std::fabs(want);
      maxAbs = std::max(maxAbs, diff);
      if (diff > 0)
        maxRel =
            std::max(maxRel, want != 0 ? diff / std::fabs(want) : INFINITY);
    }
    if (!ok && firstBad < 0) {
      firstBad = i;
      badPosition = position;
      badGot = got;
      badWant = want;
    }
    for (int32_t d = result.ndim - 1; d >= 0; --d) {
      offset += strides[d];
      if (++position[d] < result.shape[d])
        break;
      offset -= strides[d] * result.shape[d];
      position[d] = 0;
    }
  }
  std::string errors = "max abs error " + formatDouble(maxAbs) +
                       ", max rel error " + formatDouble(maxRel);
  if (firstBad >= 0) {
    std::string where = "[";
    for (size_t d = 0; d < badPosition.size(); ++d)
      where += (d ? ", " : "") + std::to_string(badPosition[d]);
    where += "]";
    error = label + " does not match '" + path + "': first mismatch at index " +
            where + ": got " + formatDouble(badGot) + ", expected " +
            formatDouble(badWant) + " (" + errors + ", rtol " +
            formatDouble(rtol) + ", atol " + formatDouble(atol) + ")";
    return false;
  }
  std::printf("%s matches '%s' (%lld elements, %s)\n", label.c_str(),
              path.c_str(), (long long)numel, errors.c_str());
  return true;
}
