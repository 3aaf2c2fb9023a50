/*===- user_library.c - A user library of packed functions -----------------===*
 *
 * Part of the mlc project.
 *
 * What `mlc-run --load` and mlcLoadLibrary load: it exports
 * mlc_library_init, which registers `user.scale2` (out = factor * in, the
 * factor passed as user data) in the runtime's registry.
 *
 *===----------------------------------------------------------------------===*/

#include "mlc/Runtime/Runtime.h"

static const float kFactor = 2.0f;

static int64_t numel(const DLTensor *t) {
  int64_t n = 1;
  for (int32_t i = 0; i < t->ndim; ++i)
    n *= t->shape[i];
  return n;
}

/* args: in f32[...], out f32[...] (compact, same element count). */
static int32_t scale(MLCContext *ctx, DLTensor *args, int32_t numArgs,
                     void *userData) {
  if (numArgs != 2) {
    int64_t count = numArgs;
    mlcContextSetErrorValues(ctx, "expected 2 arguments but got {}", &count, 1);
    return 1;
  }
  const DLTensor *in = &args[0], *out = &args[1];
  if (in->dtype.code != kDLFloat || in->dtype.bits != 32 ||
      out->dtype.code != kDLFloat || out->dtype.bits != 32 ||
      numel(in) != numel(out)) {
    mlcContextSetError(ctx, "expected two f32 tensors of one size");
    return 1;
  }
  float factor = *(const float *)userData;
  const float *src = (const float *)((const char *)in->data + in->byte_offset);
  float *dst = (float *)((char *)out->data + out->byte_offset);
  for (int64_t i = 0, n = numel(in); i < n; ++i)
    dst[i] = factor * src[i];
  return 0;
}

int32_t mlc_library_init(void) {
  return mlcRegisterPackedFunction("user.scale2", scale, (void *)&kFactor,
                                   /*override=*/0);
}
