/*===- param_module.c - A module with parameter arguments ------------------===*
 *
 * Part of the mlc project.
 *
 * Follows the module ABI (version 2) by hand, like test_module.c, with
 * arguments that the metadata marks `param PNAME`: a call may leave them
 * out and take them from the context's parameter table. To the compiled
 * code they are ordinary (read-only) arguments.
 *
 *===----------------------------------------------------------------------===*/

#include "mlc/Runtime/Runtime.h"

#include <stdint.h>

#include "memref.h"

const char __mlc_metadata[] = "mlc-module 2\n"
                              "# y = x . w + b, a linear layer.\n"
                              "func affine\n"
                              "arg x f32 [n, 4]\n"
                              "arg w f32 [4, 3] param layer.w\n"
                              "arg b f32 [3] param layer.b\n"
                              "ret f32 [n, 3]\n"
                              "# The bias alone; reads b's strides.\n"
                              "func add_bias\n"
                              "arg x f32 [n, 3]\n"
                              "arg b f32 [3] param layer.b strided\n"
                              "ret f32 [n, 3]\n"
                              "# A parameter before an ordinary argument.\n"
                              "func scale\n"
                              "arg s f32 [] strided param global:scale\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n";

#define AT(m, i) (((const float *)(m)->aligned)[(m)->offset + (i)])

/* A compact result of `rows` x `cols` floats; NULL (error set) on failure. */
static float *alloc2(MLCContext *ctx, Memref2 *r, int64_t rows, int64_t cols) {
  float *out =
      mlcContextAlloc(ctx, kDLCPU, 0, rows * cols * (int64_t)sizeof(float), 64);
  r->allocated = r->aligned = out;
  r->offset = 0;
  r->sizes[0] = rows;
  r->sizes[1] = cols;
  r->strides[0] = cols;
  r->strides[1] = 1;
  return out;
}

int32_t __mlc_packed_affine(MLCContext *ctx, void **args, void **results) {
  Memref2 *x = args[0], *w = args[1], *r = results[0];
  Memref1 *b = args[2];
  int64_t n = x->sizes[0];
  float *out = alloc2(ctx, r, n, 3);
  if (!out)
    return 1;
  /* Compact arguments: the runtime passes row-major data. */
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < 3; ++j) {
      float sum = AT(b, j);
      for (int64_t k = 0; k < 4; ++k)
        sum += AT(x, i * 4 + k) * AT(w, k * 3 + j);
      out[i * 3 + j] = sum;
    }
  return 0;
}

int32_t __mlc_packed_add_bias(MLCContext *ctx, void **args, void **results) {
  Memref2 *x = args[0], *r = results[0];
  Memref1 *b = args[1];
  int64_t n = x->sizes[0];
  float *out = alloc2(ctx, r, n, 3);
  if (!out)
    return 1;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < 3; ++j)
      out[i * 3 + j] = AT(x, i * 3 + j) + AT(b, j * b->strides[0]);
  return 0;
}

int32_t __mlc_packed_scale(MLCContext *ctx, void **args, void **results) {
  Memref0 *s = args[0];
  Memref1 *x = args[1], *r = results[0];
  int64_t n = x->sizes[0];
  float *out = mlcContextAlloc(ctx, kDLCPU, 0, n * (int64_t)sizeof(float), 64);
  if (!out)
    return 1;
  r->allocated = r->aligned = out;
  r->offset = 0;
  r->sizes[0] = n;
  r->strides[0] = 1;
  for (int64_t i = 0; i < n; ++i)
    out[i] = AT(s, 0) * AT(x, i);
  return 0;
}
