/* The module-ABI side of mlir-add.mlir, written by hand: metadata and an
 * entry point over MLIR's C interface (_mlir_ciface_add takes the result
 * descriptor first). Upstream MLIR allocates the result with
 * _mlir_memref_to_llvm_alloc, so the wrapper moves it into a block of the
 * context (the ABI's ownership rule) and frees MLIR's buffer. */
#include <stdint.h>

#include "memref.h"

typedef struct MLCContext MLCContext;
void *mlcContextAlloc(MLCContext *ctx, int32_t deviceType, int32_t deviceId,
                      int64_t bytes, int64_t alignment);
void _mlir_memref_to_llvm_free(void *ptr);

void _mlir_ciface_add(Memref1 *result, Memref1 *a, Memref1 *b);

const char __mlc_metadata[] = "mlc-module 2\n"
                              "func add\n"
                              "arg a f32 [n]\n"
                              "arg b f32 [n]\n"
                              "ret f32 [n]\n";

int32_t __mlc_packed_add(MLCContext *ctx, void **args, void **results) {
  Memref1 sum, *r = results[0];
  _mlir_ciface_add(&sum, args[0], args[1]);
  int64_t n = sum.sizes[0];
  float *out =
      mlcContextAlloc(ctx, /*kDLCPU=*/1, 0, n * (int64_t)sizeof(float), 64);
  if (out)
    for (int64_t i = 0; i < n; ++i)
      out[i] = ((const float *)sum.aligned)[sum.offset + i * sum.strides[0]];
  _mlir_memref_to_llvm_free(sum.allocated);
  if (!out)
    return 1;
  r->allocated = r->aligned = out;
  r->offset = 0;
  r->sizes[0] = n;
  r->strides[0] = 1;
  return 0;
}
