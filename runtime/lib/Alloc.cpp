//===- Alloc.cpp - Allocation ABI and managed tensors ---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The allocation functions that MLIR's memref-to-llvm lowering calls when
// `use-generic-functions` is set (kernels' scratch buffers), and the
// DLManagedTensors that own buffers of those functions or of a context's
// pool. The generic functions allocate with posix_memalign, so buffers from
// either may be released by _mlir_memref_to_llvm_free.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Context.h"
#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Tensor.h"

#include <cstdlib>
#include <cstring>
#include <new>

using namespace mlc::rt;

void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t bytes) {
  if (alignment & (alignment - 1))
    return nullptr; // not a power of two
  if (alignment < MLC_ABI_ALIGNMENT)
    alignment = MLC_ABI_ALIGNMENT;
  // Never 0 bytes: code may compare the pointer to NULL to detect failure.
  if (bytes == 0)
    bytes = 1;
  void *ptr = nullptr;
  if (posix_memalign(&ptr, alignment, bytes) != 0)
    return nullptr;
  return ptr;
}

void *_mlir_memref_to_llvm_alloc(size_t bytes) {
  return _mlir_memref_to_llvm_aligned_alloc(MLC_ABI_ALIGNMENT, bytes);
}

void _mlir_memref_to_llvm_free(void *ptr) { std::free(ptr); }

namespace {
/// A managed tensor with its shape, strides and buffer owner.
struct ManagedBlock {
  DLManagedTensor managed;
  BufferOwner owner;
  std::vector<int64_t> dims; // shape[ndim] then strides[ndim]
};
} // namespace

static void deleteManaged(DLManagedTensor *self) {
  if (!self)
    return;
  auto *block = static_cast<ManagedBlock *>(self->manager_ctx);
  BufferOwner &owner = block->owner;
  if (owner.pool)
    owner.pool->release(owner.device, owner.ptr);
  else
    _mlir_memref_to_llvm_free(owner.ptr);
  delete block;
}

DLManagedTensor *mlc::rt::makeManagedTensor(DLDataType dtype, int32_t ndim,
                                            const int64_t *shape,
                                            const int64_t *strides, void *data,
                                            const BufferOwner &owner) {
  auto *block = new (std::nothrow) ManagedBlock();
  if (!block)
    return nullptr;
  block->owner = owner;
  block->dims.assign(shape, shape + ndim);
  if (strides)
    block->dims.insert(block->dims.end(), strides, strides + ndim);
  else
    for (int64_t stride : compactStrides(ndim, shape))
      block->dims.push_back(stride);
  DLTensor &t = block->managed.dl_tensor;
  t.data = data;
  t.device = owner.device;
  t.ndim = ndim;
  t.dtype = dtype;
  t.shape = ndim ? block->dims.data() : nullptr;
  t.strides = ndim ? block->dims.data() + ndim : nullptr;
  t.byte_offset = 0;
  block->managed.manager_ctx = block;
  block->managed.deleter = deleteManaged;
  return &block->managed;
}

MLCStatus mlcAllocTensor(DLDataType dtype, int32_t rank, const int64_t *shape,
                         DLManagedTensor **out) {
  if (!out)
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcAllocTensor: 'out' is NULL");
  *out = nullptr;
  const DType *type = lookupDType(dtype);
  if (!type)
    return setError(MLC_ERROR_UNSUPPORTED,
                    "mlcAllocTensor: unsupported dtype " +
                        dtypeToString(dtype));
  if (rank < 0 || (rank > 0 && !shape))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcAllocTensor: invalid rank or NULL shape");
  int64_t numel;
  size_t bytes;
  if (!numElements(rank, shape, numel) || !byteSize(numel, type->bytes, bytes))
    return setError(MLC_ERROR_INVALID_ARGUMENT,
                    "mlcAllocTensor: negative or overflowing shape");
  void *data = _mlir_memref_to_llvm_alloc(bytes);
  if (!data)
    return setError(MLC_ERROR_OUT_OF_MEMORY,
                    "mlcAllocTensor: cannot allocate " + std::to_string(bytes) +
                        " bytes");
  std::memset(data, 0, bytes);
  BufferOwner owner;
  owner.ptr = data;
  *out = makeManagedTensor(type->dl, rank, shape, nullptr, data, owner);
  if (!*out) {
    _mlir_memref_to_llvm_free(data);
    return setError(MLC_ERROR_OUT_OF_MEMORY, "mlcAllocTensor: out of memory");
  }
  return MLC_OK;
}
