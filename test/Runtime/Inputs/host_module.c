/*===- host_module.c - A module that takes the runtime from its host ------===*
 *
 * Part of the mlc project.
 *
 * Not linked with libmlc_runtime: mlcContextAlloc resolves from the process
 * that loads the module (mlc-run or a program linked with it).
 *
 *===----------------------------------------------------------------------===*/

#include <stddef.h>
#include <stdint.h>

#include "memref.h"

typedef struct MLCContext MLCContext;
void *mlcContextAlloc(MLCContext *ctx, int32_t deviceType, int32_t deviceId,
                      int64_t bytes, int64_t alignment);

const char __mlc_metadata[] = "mlc-module 2\n"
                              "func negate\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n";

int32_t __mlc_packed_negate(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0], *r = results[0];
  int64_t n = x->sizes[0];
  float *out =
      mlcContextAlloc(ctx, /*kDLCPU=*/1, 0, n * (int64_t)sizeof(float), 64);
  if (!out)
    return 1;
  const float *in = (const float *)x->aligned + x->offset;
  for (int64_t i = 0; i < n; ++i)
    out[i] = -in[i];
  r->allocated = r->aligned = out;
  r->offset = 0;
  r->sizes[0] = n;
  r->strides[0] = 1;
  return 0;
}
