//===- MetadataFuzzer.cpp - Module metadata and the argument checker ------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The input is metadata text, a NUL byte, then bytes that describe
// arguments. Metadata that parses is printed back through its specs; each
// of its functions is then called, through the argument checker only, with
// DLTensors whose rank, dtype, device, shape and strides come from the
// remaining bytes (shapes include 0, 1, huge and negative extents). The
// parser and the checker must answer with a status, never crash.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Check.h"
#include "mlc/Runtime/Metadata.h"

#include <cstring>
#include <string>
#include <vector>

using namespace mlc::rt;

namespace {
/// Reads bytes, then zeros once they run out.
struct ByteReader {
  const uint8_t *data;
  size_t size;
  size_t pos = 0;
  uint8_t next() { return pos < size ? data[pos++] : 0; }
  int64_t extent() {
    static const int64_t extents[] = {
        0,    1,  2,  3,         4,         7,         8,        16,
        1000, -1, -5, INT64_MAX, INT64_MIN, 1LL << 31, 1LL << 62};
    return extents[next() % std::size(extents)];
  }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const void *nul = std::memchr(data, 0, size);
  size_t textSize = nul ? static_cast<const uint8_t *>(nul) - data : size;
  std::string text(reinterpret_cast<const char *>(data), textSize);
  ModuleSpec spec;
  std::string error;
  if (!parseMetadata(text, spec, error))
    return 0;
  ByteReader bytes{data + textSize, size - textSize};
  static const DLDataType dtypes[] = {{kDLFloat, 32, 1},  {kDLFloat, 16, 1},
                                      {kDLInt, 64, 1},    {kDLUInt, 1, 1},
                                      {kDLBfloat, 16, 1}, {kDLFloat, 32, 4}};
  static float storage[64];
  for (const FunctionSpec &function : spec.functions) {
    size_t count = function.args.size() + bytes.next() % 2;
    std::vector<std::vector<int64_t>> shapes(count), strides(count);
    std::vector<DLTensor> args(count);
    for (size_t i = 0; i < count; ++i) {
      DLTensor &t = args[i];
      t.ndim = bytes.next() % 5;
      t.dtype = dtypes[bytes.next() % std::size(dtypes)];
      t.device = {bytes.next() % 8 == 0 ? kDLCUDA : kDLCPU, 0};
      shapes[i].resize(t.ndim);
      for (int64_t &extent : shapes[i])
        extent = bytes.extent();
      t.shape = t.ndim ? shapes[i].data() : nullptr;
      if (bytes.next() % 4 == 0) {
        strides[i].resize(t.ndim);
        for (int64_t &stride : strides[i])
          stride = bytes.extent();
        t.strides = t.ndim ? strides[i].data() : nullptr;
      }
      t.data = bytes.next() % 8 == 0 ? nullptr : storage;
      t.byte_offset = bytes.next() % 4 == 0 ? bytes.extent() : 0;
    }
    Bindings bindings;
    (void)checkArguments(function, args.data(),
                         static_cast<int32_t>(args.size()), bindings);
  }
  return 0;
}
