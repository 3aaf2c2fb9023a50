/*===- packed_module.c - A module that calls packed functions --------------===*
 *
 * Part of the mlc project.
 *
 * Imports packed functions (checked at load) and calls them through
 * mlcContextCallPacked with DLTensors over its memref descriptors, in
 * destination-passing style: the module allocates the output and the packed
 * function fills it.
 *
 *===----------------------------------------------------------------------===*/

#include "mlc/Runtime/Runtime.h"

#include <string.h>

const char __mlc_metadata[] = "mlc-module 2\n"
                              "import mlc.blas.sgemm\n"
                              "import mlc.blas.sgemm_batched\n"
                              "func matmul\n"
                              "arg a f32 [m, k]\n"
                              "arg b f32 [k, n]\n"
                              "ret f32 [m, n]\n"
                              "func bmm\n"
                              "arg a f32 [batch, m, k]\n"
                              "arg b f32 [batch, k, n]\n"
                              "ret f32 [batch, m, n]\n"
                              "func matmul_swapped\n"
                              "arg a f32 [m, k]\n"
                              "arg b f32 [k, n]\n"
                              "ret f32 [m, n]\n"
                              "func call_unregistered\n"
                              "ret f32 []\n";

/* A ranked descriptor of rank r: allocated, aligned, offset, sizes[r],
 * strides[r], as int64 slots. */
typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t rest[];
} Memref;

/* A DLTensor viewing a descriptor of rank `rank`. */
static DLTensor view(Memref *m, int32_t rank) {
  DLTensor t;
  memset(&t, 0, sizeof(t));
  t.data = (float *)m->aligned + m->offset;
  t.device.device_type = kDLCPU;
  t.ndim = rank;
  t.dtype.code = kDLFloat;
  t.dtype.bits = 32;
  t.dtype.lanes = 1;
  t.shape = m->rest;
  t.strides = m->rest + rank;
  return t;
}

/* Allocates a compact result of `rank` dims from `sizes`. */
static int32_t allocResult(MLCContext *ctx, Memref *r, int32_t rank,
                           const int64_t *sizes) {
  int64_t numel = 1;
  for (int32_t i = rank - 1; i >= 0; --i) {
    r->rest[i] = sizes[i];
    r->rest[rank + i] = numel;
    numel *= sizes[i];
  }
  r->allocated = r->aligned =
      mlcContextAlloc(ctx, kDLCPU, 0, numel * (int64_t)sizeof(float), 64);
  r->offset = 0;
  return r->allocated != NULL;
}

/* Calls `name` on (a, b, result); frees the result on failure. */
static int32_t callGemm(MLCContext *ctx, const char *name, Memref *a, Memref *b,
                        Memref *r, int32_t rank) {
  DLTensor tensors[3] = {view(a, rank), view(b, rank), view(r, rank)};
  int32_t status = mlcContextCallPacked(ctx, name, tensors, 3);
  if (status != 0)
    mlcContextFree(ctx, kDLCPU, 0, r->allocated);
  return status;
}

int32_t __mlc_packed_matmul(MLCContext *ctx, void **args, void **results) {
  Memref *a = args[0], *b = args[1], *r = results[0];
  int64_t sizes[2] = {a->rest[0], b->rest[1]};
  if (!allocResult(ctx, r, 2, sizes))
    return 1;
  return callGemm(ctx, "mlc.blas.sgemm", a, b, r, 2);
}

int32_t __mlc_packed_bmm(MLCContext *ctx, void **args, void **results) {
  Memref *a = args[0], *b = args[1], *r = results[0];
  int64_t sizes[3] = {a->rest[0], a->rest[1], b->rest[2]};
  if (!allocResult(ctx, r, 3, sizes))
    return 1;
  return callGemm(ctx, "mlc.blas.sgemm_batched", a, b, r, 3);
}

/* Passes B as A and A as B: sgemm reports the shapes that do not agree. */
int32_t __mlc_packed_matmul_swapped(MLCContext *ctx, void **args,
                                    void **results) {
  Memref *a = args[0], *b = args[1], *r = results[0];
  int64_t sizes[2] = {a->rest[0], b->rest[1]};
  if (!allocResult(ctx, r, 2, sizes))
    return 1;
  return callGemm(ctx, "mlc.blas.sgemm", b, a, r, 2);
}

/* Calls a name it did not import, which nobody registered. */
int32_t __mlc_packed_call_unregistered(MLCContext *ctx, void **args,
                                       void **results) {
  (void)args;
  (void)results;
  return mlcContextCallPacked(ctx, "nobody.registers.this", NULL, 0);
}
