/*===- ABI.h - The contract between compiled modules and runtime --*- C -*-===*\
|*                                                                            *|
|* Part of the mlc project.                                                   *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Module ABI version 2, shared by the compiler (which emits code that        *|
|* follows it) and libmlc_runtime (which implements it). Dependency-free C:   *|
|* only <stdint.h> and DLPack. docs/Runtime.md explains each item.            *|
|*                                                                            *|
|* A compiled module exports                                                  *|
|*   const char __mlc_metadata[];          the text format of docs/Runtime.md *|
|*   int32_t __mlc_packed_<f>(MLCContext *ctx, void **args, void **results); *|
|* and calls back into the runtime only through the mlcContext* functions     *|
|* below, always with the context its entry point received.                   *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef MLC_RUNTIME_ABI_H
#define MLC_RUNTIME_ABI_H

#include <dlpack/dlpack.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version in the first metadata line, `mlc-module 2`. */
#define MLC_ABI_VERSION 2
#define MLC_ABI_METADATA_HEADER "mlc-module 2"
/* The NUL-terminated metadata text. */
#define MLC_ABI_METADATA_SYMBOL "__mlc_metadata"
/* Prefix of each function's entry point. */
#define MLC_ABI_ENTRY_PREFIX "__mlc_packed_"
/* Alignment of every buffer the context hands out, in bytes. */
#define MLC_ABI_ALIGNMENT 64

/* Everything a call may use besides its arguments: per-device allocators
 * with a caching pool, the packed-function registry, the error message.
 * Opaque to compiled code. */
typedef struct MLCContext MLCContext;

/* Entry point `__mlc_packed_<f>`: `args[i]` points to the MLIR strided
 * memref descriptor of argument i; `results[j]` to zeroed storage for the
 * descriptor of result j, which the function fills. Returns 0 on success;
 * otherwise it has called mlcContextSetError* and freed everything it
 * allocated, and the result descriptors are ignored.
 *
 * Ownership: every result's `allocated` pointer was returned by
 * mlcContextAlloc(ctx, ...) during this call, for this result only (never an
 * argument, a constant or another result's buffer); the caller owns it from
 * then on and releases it with mlcContextFree on the same context. (An empty
 * result may leave it NULL.) The runtime verifies this and fails the call
 * otherwise. For an unranked result, `results[j]` is MLIR's
 * {int64_t rank; void *descriptor} and the function allocates the ranked
 * descriptor with _mlir_memref_to_llvm_alloc, as MLIR does; the runtime
 * frees it. */
typedef int32_t (*MLCEntryFunction)(MLCContext *ctx, void **args,
                                    void **results);

/* A reference-counted runtime object (relax's `!relax.object`): an opaque
 * payload with a type name and a deleter, e.g. a KV cache or a library's
 * handle. Created and inspected through Runtime.h. */
typedef struct MLCObject MLCObject;

/* DLPack type code of an object passed among the DLTensors of a packed call:
 * a 0-d DLTensor whose dtype is {MLC_ABI_OBJECT_TYPE_CODE, 64, 1} and whose
 * `data` is the MLCObject * (kDLOpaqueHandle). */
#define MLC_ABI_OBJECT_TYPE_CODE 3

/* A function in the packed-function registry. `args` holds the inputs, then
 * the outputs, which the function writes (destination-passing style).
 * An object input is borrowed for the call (mlcObjectRetain to keep it); an
 * object output slot has `data` NULL, and the function stores there a
 * reference it hands to the caller (a new object, or one it retained: an
 * input handed back must be retained first). Returns 0 on success;
 * otherwise sets the error (mlcContextSetError), releases the references
 * it created, and returns non-zero. */
typedef int32_t (*MLCPackedFunction)(MLCContext *ctx, DLTensor *args,
                                     int32_t numArgs, void *userData);

/*===--- Runtime functions that compiled code calls -----------------------===*/

/* `bytes` bytes (uninitialized) on device (deviceType, deviceId) (DLPack
 * codes), aligned to max(alignment, MLC_ABI_ALIGNMENT); the alignment must be
 * a power of two. Never NULL for 0 bytes; NULL on failure, with the
 * context's error set (e.g. "device cuda:0 is not supported yet": only
 * kDLCPU is). Served from the context's caching pool. */
void *mlcContextAlloc(MLCContext *ctx, int32_t deviceType, int32_t deviceId,
                      int64_t bytes, int64_t alignment);

/* Returns a buffer of mlcContextAlloc to the context's pool. NULL is a
 * no-op. Within a call, a buffer the call did not allocate is left alone
 * (the context's error names it); blocks a call neither frees nor returns
 * are reclaimed after it. */
void mlcContextFree(MLCContext *ctx, int32_t deviceType, int32_t deviceId,
                    void *ptr);

/* Calls the registered packed function `name` (checked to exist when the
 * module is loaded, see the metadata's `import` lines). Returns its status;
 * on failure the context's error names the function ("packed function 'X'
 * failed: ..."; "packed function 'X' is not registered" for an unknown
 * name). */
int32_t mlcContextCallPacked(MLCContext *ctx, const char *name, DLTensor *args,
                             int32_t numArgs);

/* Matches a tensor's dims against a symbolic shape, for relax.match_cast and
 * the results of relax.call_packed, with the code that checks a call's
 * arguments (one evaluator of symbolic shapes, the runtime's). `spec` is
 * "WHAT\tSHAPE\tKNOWN\tNEW\tBOUNDS": WHAT starts error messages; SHAPE is a
 * shape as the metadata writes it (`[m, 2 * m]`); KNOWN and NEW are
 * comma-separated variable names; BOUNDS is `VAR LO HI` entries separated by
 * `,`. `values` holds the KNOWN variables' values, then room for the NEW
 * ones, which the shape must bind (bare dims, then dims linear in one
 * variable) and this fills; BOUNDS are checked for them, every other dim is
 * compared. Returns 0, or sets the context's error and returns an MLCStatus
 * (MLC_ERROR_SHAPE_MISMATCH for a mismatch). */
int32_t mlcContextMatchShape(MLCContext *ctx, const char *spec,
                             const int64_t *dims, int32_t ndim,
                             int64_t *values);

/* Takes the object reference a packed function returned: 0 if `object` is
 * a live MLCObject, otherwise sets the context's error ("WHAT returned no
 * object" / "... returned 0x.., which is not a live object") and returns
 * MLC_ERROR_RUNTIME, so a bad handle never reaches mlcObjectRelease. */
int32_t mlcContextTakeObject(MLCContext *ctx, MLCObject *object,
                             const char *what);

/* Drops a reference; the last one runs the object's deleter. NULL is a
 * no-op. */
void mlcObjectRelease(MLCObject *object);

/* Records the error of the failing call (NULL records an empty message). */
void mlcContextSetError(MLCContext *ctx, const char *message);

/* As mlcContextSetError, with each `{}` in `format` replaced by the next of
 * `values` in decimal (extra `{}` stay as they are, extra values are
 * ignored; numValues may be 0). */
void mlcContextSetErrorValues(MLCContext *ctx, const char *format,
                              const int64_t *values, int32_t numValues);

#ifdef __cplusplus
}
#endif

#endif /* MLC_RUNTIME_ABI_H */
