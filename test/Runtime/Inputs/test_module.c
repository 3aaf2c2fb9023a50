/*===- test_module.c - A hand-written "compiled module" --------------------===*
 *
 * Part of the mlc project.
 *
 * Follows the module ABI (version 2, ABI.h and docs/Runtime.md) by hand, the
 * way generated code will: __mlc_metadata, one
 * __mlc_packed_<name>(ctx, args, results) per function, strided memref
 * descriptors, results allocated with mlcContextAlloc, errors through
 * mlcContextSetError. Some functions misbehave on purpose to exercise the
 * runtime's defenses.
 *
 *===----------------------------------------------------------------------===*/

#include "mlc/Runtime/Runtime.h"

#include <stdint.h>
#include <string.h>

#include "memref.h"

const char __mlc_metadata[] = "mlc-module 2\n"
                              "# Test fixture for the runtime.\n"
                              "func add\n"
                              "arg a f32 [n]\n"
                              "arg b f32 [n]\n"
                              "ret f32 [n]\n"
                              "func concat_self\n"
                              "arg x f32 [n]\n"
                              "ret f32 [2 * n]\n"
                              "func matmul\n"
                              "arg x f32 [m, k]\n"
                              "arg w f32 [k, n]\n"
                              "ret f32 [m, n]\n"
                              "func scale\n"
                              "arg x f32 [n, 4]\n"
                              "arg s f32 []\n"
                              "ret f32 [n, 4]\n"
                              "func pad_div\n"
                              "arg x f32 [n]\n"
                              "arg y f32 [(n + 3) floordiv 4]\n"
                              "ret f32 [n]\n"
                              "func sum_strided\n"
                              "arg x f64 [m, n] strided\n"
                              "ret f64 []\n"
                              "func row_sums\n"
                              "arg x f64 [m, n]\n"
                              "ret f64 [m]\n"
                              "func cast\n"
                              "arg x i32 [?]\n"
                              "ret f64 [?]\n"
                              "func logical_not\n"
                              "arg x i1 [n]\n"
                              "ret i1 [n]\n"
                              "func widen\n"
                              "arg x f16 [n]\n"
                              "ret f32 [n]\n"
                              "func widen_bf16\n"
                              "arg x bf16 [n]\n"
                              "ret f32 [n]\n"
                              "func numel_any\n"
                              "arg x f32 *\n"
                              "ret i64 []\n"
                              "func flatten\n"
                              "arg x f32 *\n"
                              "ret f32 *\n"
                              "func copy\n"
                              "arg x f32 *\n"
                              "ret f32 *\n"
                              "func twice\n"
                              "arg x i32 [n]\n"
                              "ret i32 [n]\n"
                              "ret i32 [n]\n"
                              "func chain\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n"
                              "func leak\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n"
                              "func halve\n"
                              "arg x f32 [2 * n]\n"
                              "ret f32 [n]\n"
                              "func drop_first\n"
                              "arg x f32 [n + 1]\n"
                              "ret f32 [n]\n"
                              "func bounded\n"
                              "bound batch 1 4096\n"
                              "arg x f32 [batch]\n"
                              "ret f32 [batch]\n"
                              "func on_cpu\n"
                              "device cpu 0\n"
                              "attr mlc.schedule default gemm\n"
                              "attr pure\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n"
                              "func on_gpu\n"
                              "device cuda 0\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n"
                              "func fail\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n"
                              "func fail_values\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n"
                              "func fail_after_alloc\n"
                              "arg x f32 [n]\n"
                              "ret f32 [n]\n"
                              "func fail_silent\n"
                              "ret f32 []\n"
                              "func alloc_cuda\n"
                              "ret f32 []\n"
                              "func bad_result\n"
                              "arg x f32 [n]\n"
                              "ret f32 [2 * n]\n"
                              "func identity\n"
                              "arg x i32 [n]\n"
                              "ret i32 [n]\n"
                              "func shared_result\n"
                              "arg x i32 [n]\n"
                              "ret i32 [n]\n"
                              "ret i32 [n]\n"
                              "func global_const\n"
                              "ret i64 [3]\n"
                              "func outside\n"
                              "arg x f32 [n]\n"
                              "ret f32 [?]\n";

typedef struct {
  int64_t rank;
  void *descriptor;
} Unranked;

#define AT(m, T, i) (((T *)(m)->aligned)[(m)->offset + (i)])

static void *alloc(MLCContext *ctx, size_t bytes) {
  return mlcContextAlloc(ctx, kDLCPU, 0, (int64_t)bytes, 64);
}

static void release(MLCContext *ctx, void *ptr) {
  mlcContextFree(ctx, kDLCPU, 0, ptr);
}

static void *fill1(MLCContext *ctx, Memref1 *r, int64_t n,
                   size_t elementBytes) {
  void *buffer = alloc(ctx, (size_t)n * elementBytes);
  r->allocated = r->aligned = buffer;
  r->offset = 0;
  r->sizes[0] = n;
  r->strides[0] = 1;
  return buffer;
}

static void *fill2(MLCContext *ctx, Memref2 *r, int64_t m, int64_t n,
                   size_t elementBytes) {
  void *buffer = alloc(ctx, (size_t)(m * n) * elementBytes);
  r->allocated = r->aligned = buffer;
  r->offset = 0;
  r->sizes[0] = m;
  r->sizes[1] = n;
  r->strides[0] = n;
  r->strides[1] = 1;
  return buffer;
}

static void *fill0(MLCContext *ctx, Memref0 *r, size_t elementBytes) {
  void *buffer = alloc(ctx, elementBytes);
  r->allocated = r->aligned = buffer;
  r->offset = 0;
  return buffer;
}

int32_t __mlc_packed_add(MLCContext *ctx, void **args, void **results) {
  Memref1 *a = args[0], *b = args[1], *r = results[0];
  int64_t n = a->sizes[0];
  float *out = fill1(ctx, r, n, sizeof(float));
  for (int64_t i = 0; i < n; ++i)
    out[i] = AT(a, float, i * a->strides[0]) + AT(b, float, i * b->strides[0]);
  return 0;
}

int32_t __mlc_packed_concat_self(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0], *r = results[0];
  int64_t n = x->sizes[0];
  float *out = fill1(ctx, r, 2 * n, sizeof(float));
  for (int64_t i = 0; i < 2 * n; ++i)
    out[i] = AT(x, float, (i % n) * x->strides[0]);
  return 0;
}

int32_t __mlc_packed_matmul(MLCContext *ctx, void **args, void **results) {
  Memref2 *x = args[0], *w = args[1], *r = results[0];
  int64_t m = x->sizes[0], k = x->sizes[1], n = w->sizes[1];
  float *out = fill2(ctx, r, m, n, sizeof(float));
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float sum = 0;
      for (int64_t p = 0; p < k; ++p)
        sum += AT(x, float, i * x->strides[0] + p) *
               AT(w, float, p * w->strides[0] + j);
      out[i * n + j] = sum;
    }
  return 0;
}

int32_t __mlc_packed_scale(MLCContext *ctx, void **args, void **results) {
  Memref2 *x = args[0], *r = results[0];
  Memref0 *s = args[1];
  int64_t n = x->sizes[0];
  float *out = fill2(ctx, r, n, 4, sizeof(float));
  for (int64_t i = 0; i < n * 4; ++i)
    out[i] = AT(x, float, i) * AT(s, float, 0);
  return 0;
}

int32_t __mlc_packed_pad_div(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0], *r = results[0];
  int64_t n = x->sizes[0];
  float *out = fill1(ctx, r, n, sizeof(float));
  memcpy(out, &AT(x, float, 0), (size_t)n * sizeof(float));
  return 0;
}

/* Reads the descriptor's offset and strides (metadata attribute `strided`). */
int32_t __mlc_packed_sum_strided(MLCContext *ctx, void **args, void **results) {
  Memref2 *x = args[0];
  double sum = 0;
  for (int64_t i = 0; i < x->sizes[0]; ++i)
    for (int64_t j = 0; j < x->sizes[1]; ++j)
      sum += AT(x, double, i * x->strides[0] + j * x->strides[1]);
  *(double *)fill0(ctx, results[0], sizeof(double)) = sum;
  return 0;
}

/* Assumes compact row-major data, as identity-layout memrefs do. */
int32_t __mlc_packed_row_sums(MLCContext *ctx, void **args, void **results) {
  Memref2 *x = args[0];
  int64_t m = x->sizes[0], n = x->sizes[1];
  const double *data = x->aligned;
  double *out = fill1(ctx, results[0], m, sizeof(double));
  for (int64_t i = 0; i < m; ++i) {
    out[i] = 0;
    for (int64_t j = 0; j < n; ++j)
      out[i] += data[i * n + j];
  }
  return 0;
}

int32_t __mlc_packed_cast(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  double *out = fill1(ctx, results[0], n, sizeof(double));
  for (int64_t i = 0; i < n; ++i)
    out[i] = AT(x, int32_t, i);
  return 0;
}

int32_t __mlc_packed_logical_not(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  uint8_t *out = fill1(ctx, results[0], n, 1);
  for (int64_t i = 0; i < n; ++i)
    out[i] = !AT(x, uint8_t, i);
  return 0;
}

static float halfToFloat(uint16_t h) {
  /* Normal numbers only; enough for the test values. */
  uint32_t bits = ((uint32_t)(h & 0x8000) << 16) |
                  ((((h >> 10) & 0x1f) + 112) << 23) |
                  ((uint32_t)(h & 0x3ff) << 13);
  float f;
  if ((h & 0x7fff) == 0)
    bits = (uint32_t)(h & 0x8000) << 16;
  memcpy(&f, &bits, sizeof(f));
  return f;
}

int32_t __mlc_packed_widen(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  float *out = fill1(ctx, results[0], n, sizeof(float));
  for (int64_t i = 0; i < n; ++i)
    out[i] = halfToFloat(AT(x, uint16_t, i));
  return 0;
}

int32_t __mlc_packed_widen_bf16(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  float *out = fill1(ctx, results[0], n, sizeof(float));
  for (int64_t i = 0; i < n; ++i) {
    uint32_t bits = (uint32_t)AT(x, uint16_t, i) << 16;
    memcpy(&out[i], &bits, sizeof(float));
  }
  return 0;
}

/* Unranked: {rank, descriptor *}; sizes follow the first three fields. */
int32_t __mlc_packed_numel_any(MLCContext *ctx, void **args, void **results) {
  Unranked *x = args[0];
  const int64_t *sizes = (const int64_t *)x->descriptor + 3;
  int64_t numel = 1;
  for (int64_t i = 0; i < x->rank; ++i)
    numel *= sizes[i];
  *(int64_t *)fill0(ctx, results[0], sizeof(int64_t)) = numel;
  return 0;
}

/* Returns an unranked result whose descriptor is heap-allocated with
 * _mlir_memref_to_llvm_alloc, as MLIR does when returning unranked memrefs;
 * the runtime frees it. The data comes from the context as for any result. */
int32_t __mlc_packed_flatten(MLCContext *ctx, void **args, void **results) {
  Unranked *x = args[0], *r = results[0];
  const Memref0 *in = x->descriptor;
  const int64_t *sizes = (const int64_t *)x->descriptor + 3;
  int64_t numel = 1;
  for (int64_t i = 0; i < x->rank; ++i)
    numel *= sizes[i];
  Memref1 *descriptor = _mlir_memref_to_llvm_alloc(sizeof(Memref1));
  float *out = fill1(ctx, descriptor, numel, sizeof(float));
  memcpy(out, (const float *)in->aligned + in->offset,
         (size_t)numel * sizeof(float));
  r->rank = 1;
  r->descriptor = descriptor;
  return 0;
}

/* Copies a tensor of any rank into a compact one of the same shape. */
int32_t __mlc_packed_copy(MLCContext *ctx, void **args, void **results) {
  Unranked *x = args[0], *r = results[0];
  int64_t rank = x->rank;
  const int64_t *in = x->descriptor;
  size_t descriptorBytes = (size_t)(3 + 2 * rank) * sizeof(int64_t);
  int64_t *out = _mlir_memref_to_llvm_alloc(descriptorBytes);
  int64_t numel = 1;
  for (int64_t i = rank - 1; i >= 0; --i) {
    out[3 + i] = in[3 + i];
    out[3 + rank + i] = numel;
    numel *= in[3 + i];
  }
  const Memref0 *source = x->descriptor;
  float *data = alloc(ctx, (size_t)numel * sizeof(float));
  memcpy(data, (const float *)source->aligned + source->offset,
         (size_t)numel * sizeof(float));
  Memref0 *head = (Memref0 *)out;
  head->allocated = head->aligned = data;
  head->offset = 0;
  r->rank = rank;
  r->descriptor = out;
  return 0;
}

/* Two results, each in its own block. */
int32_t __mlc_packed_twice(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  int32_t *first = fill1(ctx, results[0], n, sizeof(int32_t));
  int32_t *second = fill1(ctx, results[1], n, sizeof(int32_t));
  for (int64_t i = 0; i < n; ++i)
    first[i] = second[i] = AT(x, int32_t, i) * 2;
  return 0;
}

/* ((2x) + 1)^2 through two intermediates, each freed as soon as it is dead:
 * three blocks of n floats, at most two live at once. */
int32_t __mlc_packed_chain(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  size_t bytes = (size_t)n * sizeof(float);
  float *doubled = alloc(ctx, bytes);
  for (int64_t i = 0; i < n; ++i)
    doubled[i] = 2 * AT(x, float, i);
  float *plusOne = alloc(ctx, bytes);
  for (int64_t i = 0; i < n; ++i)
    plusOne[i] = doubled[i] + 1;
  release(ctx, doubled);
  float *out = fill1(ctx, results[0], n, sizeof(float));
  for (int64_t i = 0; i < n; ++i)
    out[i] = plusOne[i] * plusOne[i];
  release(ctx, plusOne);
  return 0;
}

/* Forgets to free an intermediate: the runtime reclaims it. */
int32_t __mlc_packed_leak(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  float *scratch = alloc(ctx, (size_t)n * sizeof(float));
  float *out = fill1(ctx, results[0], n, sizeof(float));
  for (int64_t i = 0; i < n; ++i) {
    scratch[i] = AT(x, float, i);
    out[i] = -scratch[i];
  }
  return 0;
}

/* [2 * n] -> [n]: sums of pairs. n is bound by the linear dim alone. */
int32_t __mlc_packed_halve(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0] / 2;
  float *out = fill1(ctx, results[0], n, sizeof(float));
  for (int64_t i = 0; i < n; ++i)
    out[i] = AT(x, float, 2 * i) + AT(x, float, 2 * i + 1);
  return 0;
}

/* [n + 1] -> [n]: all but the first element. */
int32_t __mlc_packed_drop_first(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0] - 1;
  float *out = fill1(ctx, results[0], n, sizeof(float));
  for (int64_t i = 0; i < n; ++i)
    out[i] = AT(x, float, i + 1);
  return 0;
}

static int32_t negate(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  float *out = fill1(ctx, results[0], n, sizeof(float));
  for (int64_t i = 0; i < n; ++i)
    out[i] = -AT(x, float, i);
  return 0;
}

int32_t __mlc_packed_bounded(MLCContext *ctx, void **args, void **results) {
  return negate(ctx, args, results);
}

int32_t __mlc_packed_on_cpu(MLCContext *ctx, void **args, void **results) {
  return negate(ctx, args, results);
}

/* Never called: the runtime refuses devices other than the CPU. */
int32_t __mlc_packed_on_gpu(MLCContext *ctx, void **args, void **results) {
  (void)args;
  (void)results;
  mlcContextSetError(ctx, "on_gpu must not run on the CPU");
  return 1;
}

int32_t __mlc_packed_fail(MLCContext *ctx, void **args, void **results) {
  (void)args;
  (void)results;
  mlcContextSetError(ctx, "x must be positive");
  return 1;
}

/* Fails on the first element that is not positive, naming it. */
int32_t __mlc_packed_fail_values(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  for (int64_t i = 0; i < x->sizes[0]; ++i) {
    float value = AT(x, float, i);
    if (value <= 0) {
      int64_t values[] = {i, (int64_t)value};
      mlcContextSetErrorValues(ctx, "x[{}] = {} must be positive ({})", values,
                               2);
      return 1;
    }
  }
  return negate(ctx, args, results);
}

/* Fails with its result and an intermediate still allocated (breaking the
 * ABI): the runtime reclaims both. */
int32_t __mlc_packed_fail_after_alloc(MLCContext *ctx, void **args,
                                      void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  fill1(ctx, results[0], n, sizeof(float));
  alloc(ctx, (size_t)n * sizeof(float));
  mlcContextSetError(ctx, "gave up");
  return 2;
}

int32_t __mlc_packed_fail_silent(MLCContext *ctx, void **args, void **results) {
  (void)ctx;
  (void)args;
  (void)results;
  return 7;
}

/* Asks for device memory the runtime cannot provide yet. */
int32_t __mlc_packed_alloc_cuda(MLCContext *ctx, void **args, void **results) {
  (void)args;
  Memref0 *r = results[0];
  r->allocated = r->aligned = mlcContextAlloc(ctx, kDLCUDA, 0, 4, 64);
  return r->allocated ? 0 : 1;
}

/* Declares [2 * n] but returns [n]: a compiler bug the runtime reports. */
int32_t __mlc_packed_bad_result(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  float *out = fill1(ctx, results[0], n, sizeof(float));
  memcpy(out, &AT(x, float, 0), (size_t)n * sizeof(float));
  return 0;
}

/* Returns its argument's buffer, breaking the ownership rule. */
int32_t __mlc_packed_identity(MLCContext *ctx, void **args, void **results) {
  (void)ctx;
  memcpy(results[0], args[0], sizeof(Memref1));
  return 0;
}

/* Returns one block as both results, breaking the ownership rule. */
int32_t __mlc_packed_shared_result(MLCContext *ctx, void **args,
                                   void **results) {
  Memref1 *x = args[0];
  int64_t n = x->sizes[0];
  int32_t *out = fill1(ctx, results[0], n, sizeof(int32_t));
  for (int64_t i = 0; i < n; ++i)
    out[i] = AT(x, int32_t, i);
  memcpy(results[1], results[0], sizeof(Memref1));
  return 0;
}

/* Returns a global the way v1's memref.get_global did. */
static const int64_t kGlobal[3] = {7, 8, 9};
int32_t __mlc_packed_global_const(MLCContext *ctx, void **args,
                                  void **results) {
  (void)ctx;
  (void)args;
  Memref1 *r = results[0];
  r->allocated = (void *)(uintptr_t)0xdeadbeef;
  r->aligned = (void *)(uintptr_t)kGlobal;
  r->offset = 0;
  r->sizes[0] = 3;
  r->strides[0] = 1;
  return 0;
}

/* Claims one element more than its block holds. */
int32_t __mlc_packed_outside(MLCContext *ctx, void **args, void **results) {
  Memref1 *x = args[0], *r = results[0];
  int64_t n = x->sizes[0];
  float *out = fill1(ctx, r, n, sizeof(float));
  memcpy(out, &AT(x, float, 0), (size_t)n * sizeof(float));
  r->sizes[0] = n + 1;
  return 0;
}
