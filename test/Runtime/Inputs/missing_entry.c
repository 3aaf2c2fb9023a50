/* A module whose metadata declares a function it does not define. */
#include <stdint.h>

const char __mlc_metadata[] = "mlc-module 1\n"
                              "func present\n"
                              "ret f32 []\n"
                              "func absent\n"
                              "ret f32 []\n";

int32_t __mlc_packed_present(void **args) {
  (void)args;
  return 1;
}
