/*===- memref.h - MLIR memref descriptors for hand-written modules --------===*
 *
 * Part of the mlc project.
 *
 * The fixture modules in this directory stand in for compiled ones: they
 * take and fill MLIR's strided memref descriptors, laid out as here.
 *
 *===----------------------------------------------------------------------===*/

#ifndef MLC_TEST_RUNTIME_INPUTS_MEMREF_H
#define MLC_TEST_RUNTIME_INPUTS_MEMREF_H

#include <stdint.h>

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
} Memref0;

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[1];
  int64_t strides[1];
} Memref1;

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[2];
  int64_t strides[2];
} Memref2;

#endif /* MLC_TEST_RUNTIME_INPUTS_MEMREF_H */
