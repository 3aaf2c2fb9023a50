//===- Print.cpp - Printing tensors like numpy ----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "Print.h"

#include "mlc/Runtime/Metadata.h"
#include "mlc/Runtime/Tensor.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace mlc::rt;
using namespace mlc::run;

static std::string formatElement(const char *p, const DType &dtype) {
  char buffer[64];
  if (dtype.dl.bits == 1)
    return *p ? "true" : "false";
  if (dtype.isFloat) {
    std::snprintf(buffer, sizeof(buffer), "%g", loadAsDouble(p, dtype));
  } else if (dtype.isSigned) {
    int64_t value = 0;
    std::memcpy(&value, p, dtype.bytes);
    int shift = 64 - 8 * int(dtype.bytes); // sign-extend
    value = int64_t(uint64_t(value) << shift) >> shift;
    std::snprintf(buffer, sizeof(buffer), "%lld", (long long)value);
  } else {
    uint64_t value = 0;
    std::memcpy(&value, p, dtype.bytes);
    std::snprintf(buffer, sizeof(buffer), "%llu", (unsigned long long)value);
  }
  return buffer;
}

namespace {
/// Prints a tensor like numpy: nested brackets, columns padded to one width,
/// and the middle of long dims elided when the tensor is large.
class ArrayPrinter {
public:
  ArrayPrinter(const DLTensor &t, const DType &dtype) : t(t), dtype(dtype) {
    int64_t numel;
    numElements(t.ndim, t.shape, numel);
    summarize = numel > kThreshold;
    strides = t.strides ? std::vector<int64_t>(t.strides, t.strides + t.ndim)
                        : compactStrides(t.ndim, t.shape);
  }

  std::string print() {
    std::string ignored;
    walk(0, 0, /*collect=*/true, ignored);
    for (const std::string &cell : cells)
      width = std::max(width, cell.size());
    std::string out;
    next = 0;
    walk(0, 0, /*collect=*/false, out);
    return out;
  }

private:
  static constexpr int64_t kThreshold = 1000;
  static constexpr int64_t kEdgeItems = 3;

  /// The indices shown along `dim`; -1 stands for the elision.
  std::vector<int64_t> shown(int32_t dim) const {
    std::vector<int64_t> indices;
    int64_t n = t.shape[dim];
    if (summarize && n > 2 * kEdgeItems) {
      for (int64_t i = 0; i < kEdgeItems; ++i)
        indices.push_back(i);
      indices.push_back(-1);
      for (int64_t i = n - kEdgeItems; i < n; ++i)
        indices.push_back(i);
      return indices;
    }
    for (int64_t i = 0; i < n; ++i)
      indices.push_back(i);
    return indices;
  }

  void walk(int32_t dim, int64_t offset, bool collect, std::string &out) {
    if (dim == t.ndim) {
      if (collect) {
        const char *base = static_cast<const char *>(t.data) + t.byte_offset;
        cells.push_back(formatElement(base + offset * dtype.bytes, dtype));
      } else {
        const std::string &cell = cells[next++];
        out.append(width - cell.size(), ' ');
        out += cell;
      }
      return;
    }
    if (!collect)
      out += '[';
    bool first = true;
    for (int64_t index : shown(dim)) {
      if (!collect && !first) {
        if (dim == t.ndim - 1) {
          out += ' ';
        } else {
          out.append(size_t(t.ndim - 1 - dim), '\n');
          out.append(size_t(dim + 1), ' ');
        }
      }
      first = false;
      if (index < 0) {
        if (!collect)
          out += "...";
        continue;
      }
      walk(dim + 1, offset + index * strides[dim], collect, out);
    }
    if (!collect)
      out += ']';
  }

  const DLTensor &t;
  const DType &dtype;
  bool summarize;
  std::vector<int64_t> strides;
  std::vector<std::string> cells;
  size_t width = 0;
  size_t next = 0;
};
} // namespace

std::string mlc::run::formatTensor(const DLTensor &t) {
  return ArrayPrinter(t, *lookupDType(t.dtype)).print();
}
