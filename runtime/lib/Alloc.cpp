//===- Alloc.cpp - Allocation ABI and managed tensors ---------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The allocation functions that MLIR's memref-to-llvm lowering calls when
// `use-generic-functions` is set, and the DLManagedTensors that own such
// buffers. Everything is freed with std::free, so buffers from either
// allocation function may be released by _mlir_memref_to_llvm_free.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Error.h"
#include "mlc/Runtime/Tensor.h"

#include <cstdlib>
#include <cstring>

using namespace mlc::rt;

static constexpr size_t kAlignment = 64;

void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t bytes) {
  if (alignment & (alignment - 1))
    return nullptr; // not a power of two
  if (alignment < kAlignment)
    alignment = kAlignment;
  // Never 0 bytes: code may compare the pointer to NULL to detect failure.
  if (bytes == 0)
    bytes = 1;
  void *ptr = nullptr;
  if (posix_memalign(&ptr, alignment, bytes) != 0)
    return nullptr;
  return ptr;
}

void *_mlir_memref_to_llvm_alloc(size_t bytes) {
  return _mlir_memref_to_llvm_aligned_alloc(kAlignment, bytes);
}

void _mlir_memref_to_llvm_free(void *ptr) { std::free(ptr); }

namespace {
/// One allocation holds the DLManagedTensor and its shape and strides.
struct ManagedBlock {
  DLManagedTensor managed;
  int64_t dims[1]; // shape[ndim] then strides[ndim]
};
} // namespace

static void deleteManaged(DLManagedTensor *self) {
  if (!self)
    return;
  _mlir_memref_to_llvm_free(self->manager_ctx);
  std::free(self);
}

DLManagedTensor *mlc::rt::makeManagedTensor(DLDataType dtype, int32_t ndim,
                                            const int64_t *shape,
                                            const int64_t *strides, void *data,
                                            void *owned) {
  size_t size = sizeof(ManagedBlock) + 2 * size_t(ndim) * sizeof(int64_t);
  auto *block = static_cast<ManagedBlock *>(std::calloc(1, size));
  if (!block)
    return nullptr;
  int64_t *blockShape = block->dims;
  int64_t *blockStrides = block->dims + ndim;
  std::vector<int64_t> compact;
  if (!strides) {
    compact = compactStrides(ndim, shape);
    strides = compact.data();
  }
  for (int32_t i = 0; i < ndim; ++i) {
    blockShape[i] = shape[i];
    blockStrides[i] = strides[i];
  }
  DLTensor &t = block->managed.dl_tensor;
  t.data = data;
  t.device = {kDLCPU, 0};
  t.ndim = ndim;
  t.dtype = dtype;
  t.shape = ndim ? blockShape : nullptr;
  t.strides = ndim ? blockStrides : nullptr;
  t.byte_offset = 0;
  block->managed.manager_ctx = owned;
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
  *out = makeManagedTensor(type->dl, rank, shape, nullptr, data, data);
  if (!*out) {
    _mlir_memref_to_llvm_free(data);
    return setError(MLC_ERROR_OUT_OF_MEMORY, "mlcAllocTensor: out of memory");
  }
  return MLC_OK;
}
