/* A module that imports a packed function nobody registers. */
#include <stdint.h>

typedef struct MLCContext MLCContext;

const char __mlc_metadata[] = "mlc-module 2\n"
                              "import mlc.blas.sgemm\n"
                              "import nobody.registers.this\n"
                              "func f\n"
                              "ret f32 []\n";

int32_t __mlc_packed_f(MLCContext *ctx, void **args, void **results) {
  (void)ctx;
  (void)args;
  (void)results;
  return 1;
}
