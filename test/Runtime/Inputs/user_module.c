/*===- user_module.c - A module that imports a user's packed function ------===*
 *
 * Part of the mlc project.
 *
 * Imports `user.scale2`, which user_library.c registers: loading fails
 * unless that library was loaded first (mlcLoadLibrary, mlc-run --load).
 *
 *===----------------------------------------------------------------------===*/

#include "mlc/Runtime/Runtime.h"

#include <string.h>

#include "memref.h"

const char __mlc_metadata[] = "mlc-module 2\n"
                              "import user.scale2\n"
                              "func scale2\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n";

static DLTensor view(Memref1 *m) {
  DLTensor t;
  memset(&t, 0, sizeof(t));
  t.data = (float *)m->aligned + m->offset;
  t.device.device_type = kDLCPU;
  t.ndim = 1;
  t.dtype.code = kDLFloat;
  t.dtype.bits = 32;
  t.dtype.lanes = 1;
  t.shape = m->sizes;
  t.strides = m->strides;
  return t;
}

int32_t __mlc_packed_scale2(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0], *r = results[0];
  int64_t n = x->sizes[0];
  r->allocated = r->aligned =
      mlcContextAlloc(ctx, kDLCPU, 0, n * (int64_t)sizeof(float), 64);
  if (!r->allocated)
    return 1;
  r->offset = 0;
  r->sizes[0] = n;
  r->strides[0] = 1;
  DLTensor tensors[2] = {view(x), view(r)};
  int32_t status = mlcContextCallPacked(ctx, "user.scale2", tensors, 2);
  if (status != 0)
    mlcContextFree(ctx, kDLCPU, 0, r->allocated);
  return status;
}
