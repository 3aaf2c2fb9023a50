/* A module compiled for ABI version 1, which this runtime no longer runs. */
#include <stdint.h>

const char __mlc_metadata[] = "mlc-module 1\n"
                              "func f\n"
                              "ret f32 []\n";

int32_t __mlc_packed_f(void **args) {
  (void)args;
  return 1;
}
