/* A module whose metadata declares a function it does not define. */
#include <stdint.h>

typedef struct MLCContext MLCContext;

const char __mlc_metadata[] = "mlc-module 2\n"
                              "func present\n"
                              "ret f32 []\n"
                              "func absent\n"
                              "ret f32 []\n";

int32_t __mlc_packed_present(MLCContext *ctx, void **args, void **results) {
  (void)ctx;
  (void)args;
  (void)results;
  return 1;
}
