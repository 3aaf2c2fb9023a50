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
#include <memory>
#include <vector>

namespace mlc::rt {

/// Releases a DLManagedTensor through its deleter: tools and tests hold
/// runtime tensors as TensorPtr.
struct TensorDeleter {
  void operator()(DLManagedTensor *t) const {
    if (t && t->deleter)
      t->deleter(t);
  }
};
using TensorPtr = std::unique_ptr<DLManagedTensor, TensorDeleter>;

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

class ContextState;

/// What a managed tensor's deleter releases: `ptr` (may be NULL), returned
/// to the pool of `pool` if set, otherwise freed through
/// _mlir_memref_to_llvm_free. The tensor holds `pool`, which keeps the
/// context's pool alive after mlcContextDestroy.
struct BufferOwner {
  std::shared_ptr<ContextState> pool;
  DLDevice device = {kDLCPU, 0};
  void *ptr = nullptr;
};

/// A managed tensor on `owner.device` over `data`, whose deleter releases
/// `owner`. `strides` NULL means compact; the tensor always carries explicit
/// strides. NULL when out of memory (then `owner` is not released).
MLC_RUNTIME_EXPORT DLManagedTensor *
makeManagedTensor(DLDataType dtype, int32_t ndim, const int64_t *shape,
                  const int64_t *strides, void *data, const BufferOwner &owner);

MLC_RUNTIME_EXPORT float halfToFloat(uint16_t bits);
MLC_RUNTIME_EXPORT uint16_t floatToHalf(float value);
MLC_RUNTIME_EXPORT float bf16ToFloat(uint16_t bits);
MLC_RUNTIME_EXPORT uint16_t floatToBF16(float value);

/// The element at `p` converted to double (i1 as 0/1).
MLC_RUNTIME_EXPORT double loadAsDouble(const void *p, const DType &dtype);

} // namespace mlc::rt

#endif // MLC_RUNTIME_TENSOR_H
