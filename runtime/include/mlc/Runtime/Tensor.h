//===- Tensor.h - DLTensor helpers ------------------------------*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Element counts, layouts, copies and element conversions over DLTensors,
// shared by the call path, the .npy reader/writer and mlc-run.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_RUNTIME_TENSOR_H
#define MLC_RUNTIME_TENSOR_H

#include "mlc/Runtime/Metadata.h"

#include <cstdint>
#include <vector>

namespace mlc::rt {

/// The product of `shape`, or false if a dim is negative or it overflows.
MLC_RUNTIME_EXPORT bool numElements(int32_t ndim, const int64_t *shape,
                                    int64_t &numel);

/// The byte size of `numel` elements of `bytes` each, or false on overflow.
MLC_RUNTIME_EXPORT bool byteSize(int64_t numel, unsigned bytes, size_t &size);

/// Row-major strides of `shape`, in elements.
MLC_RUNTIME_EXPORT std::vector<int64_t> compactStrides(int32_t ndim,
                                                       const int64_t *shape);

/// Whether `t` is laid out compact row-major (NULL strides, or strides that
/// match except on dims of extent 1; an empty tensor always is).
MLC_RUNTIME_EXPORT bool isCompactRowMajor(const DLTensor &t);

/// Copies the elements of `t` (any strides, with byte_offset) in row-major
/// order to `dst`.
MLC_RUNTIME_EXPORT void copyToCompact(const DLTensor &t, unsigned elementBytes,
                                      void *dst);

/// A managed CPU tensor over `data` whose deleter frees `owned` (may be
/// NULL) through _mlir_memref_to_llvm_free. `strides` NULL means compact;
/// the tensor always carries explicit strides. NULL when out of memory.
MLC_RUNTIME_EXPORT DLManagedTensor *
makeManagedTensor(DLDataType dtype, int32_t ndim, const int64_t *shape,
                  const int64_t *strides, void *data, void *owned);

MLC_RUNTIME_EXPORT float halfToFloat(uint16_t bits);
MLC_RUNTIME_EXPORT uint16_t floatToHalf(float value);
MLC_RUNTIME_EXPORT float bf16ToFloat(uint16_t bits);
MLC_RUNTIME_EXPORT uint16_t floatToBF16(float value);

/// The element at `p` converted to double (i1 as 0/1).
MLC_RUNTIME_EXPORT double loadAsDouble(const void *p, const DType &dtype);

} // namespace mlc::rt

#endif // MLC_RUNTIME_TENSOR_H
