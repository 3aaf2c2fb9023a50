/* A library whose mlc_library_init fails: it registers an invalid name. */
#include "mlc/Runtime/Runtime.h"

static int32_t unused(MLCContext *ctx, DLTensor *args, int32_t numArgs,
                      void *userData) {
  (void)ctx;
  (void)args;
  (void)numArgs;
  (void)userData;
  return 0;
}

int32_t mlc_library_init(void) {
  return mlcRegisterPackedFunction("user.bad name", unused, 0, 0);
}
