/* The module-ABI side of mlir-add.mlir, written by hand: metadata and a
 * packed entry point over MLIR's C interface (_mlir_ciface_add takes the
 * result descriptor first). */
#include <stdint.h>

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[1];
  int64_t strides[1];
} Memref1;

void _mlir_ciface_add(Memref1 *result, Memref1 *a, Memref1 *b);

const char __mlc_metadata[] = "mlc-module 1\n"
                              "func add\n"
                              "arg a f32 [n]\n"
                              "arg b f32 [n]\n"
                              "ret f32 [n]\n";

int32_t __mlc_packed_add(void **args) {
  _mlir_ciface_add(args[2], args[0], args[1]);
  return 0;
}
