/*===- Runtime.h - mlc runtime C API ------------------------------*- C -*-===*\
|*                                                                            *|
|* Part of the mlc project.                                                   *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The C API of libmlc_runtime: load a compiled module (a shared library that *|
|* follows the ABI of ABI.h and docs/Runtime.md), inspect its functions and   *|
|* call them on DLPack tensors within a context (allocator pool, stats and    *|
|* a table of model parameters); register packed functions that modules      *|
|* import. Every entry point that returns an MLCStatus records a one-line     *|
|* message in the calling thread's last error (mlcGetLastError) on failure.  *|
|* Nothing here aborts the process on bad input.                              *|
|*                                                                            *|
|* A loaded module is immutable and contexts and the registry are locked, so  *|
|* calls may run concurrently, on one module and one context, from several    *|
|* threads.                                                                   *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef MLC_RUNTIME_RUNTIME_H
#define MLC_RUNTIME_RUNTIME_H

#include "mlc/Runtime/ABI.h"

#include <dlpack/dlpack.h>
#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define MLC_RUNTIME_EXPORT __declspec(dllexport)
#else
#define MLC_RUNTIME_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum MLCStatus {
  MLC_OK = 0,
  /* A null pointer, a count that does not match, a malformed tensor. */
  MLC_ERROR_INVALID_ARGUMENT = 1,
  /* An unknown function name or an index out of range. */
  MLC_ERROR_NOT_FOUND = 2,
  /* A rank or dimension that violates the function's signature. */
  MLC_ERROR_SHAPE_MISMATCH = 3,
  /* A dtype that differs from the function's signature. */
  MLC_ERROR_TYPE_MISMATCH = 4,
  /* A valid request the runtime cannot serve (device, vector lanes, ...). */
  MLC_ERROR_UNSUPPORTED = 5,
  /* dlopen failed, or the module's metadata or symbols are broken. */
  MLC_ERROR_LOAD = 6,
  /* The compiled function failed or broke its own signature. */
  MLC_ERROR_RUNTIME = 7,
  MLC_ERROR_OUT_OF_MEMORY = 8,
  /* A file could not be opened, read or written. */
  MLC_ERROR_IO = 9,
  /* A file's contents are malformed (e.g. a bad .npy header). */
  MLC_ERROR_FORMAT = 10,
} MLCStatus;

typedef struct MLCModule MLCModule;

/* The calling thread's last error message; "" if none was set. Valid until
 * the next runtime call on this thread. Success does not clear it. */
MLC_RUNTIME_EXPORT const char *mlcGetLastError(void);

/* A short name for a status code, e.g. "MLC_ERROR_SHAPE_MISMATCH". */
MLC_RUNTIME_EXPORT const char *mlcStatusString(MLCStatus status);

/*===--- Modules ----------------------------------------------------------===*/

/* Loads the compiled module at `path` (a path without '/' is taken relative
 * to the working directory, not searched in the library path). */
MLC_RUNTIME_EXPORT MLCStatus mlcModuleLoad(const char *path, MLCModule **out);

/* Unloads the module. Result tensors of earlier calls stay valid. */
MLC_RUNTIME_EXPORT void mlcModuleFree(MLCModule *module);

MLC_RUNTIME_EXPORT MLCStatus mlcModuleNumFunctions(const MLCModule *module,
                                                   int32_t *out);

/* The name of function `index` (in metadata order); owned by the module. */
MLC_RUNTIME_EXPORT MLCStatus mlcModuleGetFunctionName(const MLCModule *module,
                                                      int32_t index,
                                                      const char **out);

/* Writes e.g. `add(a: f32[n], b: f32[n]) -> (f32[n])` into `buf`. If it does
 * not fit, writes a truncated, NUL-terminated prefix and returns
 * MLC_ERROR_INVALID_ARGUMENT with the needed size in the message. */
MLC_RUNTIME_EXPORT MLCStatus mlcModuleGetSignature(const MLCModule *module,
                                                   const char *name, char *buf,
                                                   size_t size);

MLC_RUNTIME_EXPORT MLCStatus mlcModuleGetArity(const MLCModule *module,
                                               const char *name,
                                               int32_t *numArgs,
                                               int32_t *numResults);

/* Describes argument `index` (or result `index` if `isResult`) of a function:
 * its name ("" for results), dtype and rank (-1 for unknown rank). Any out
 * pointer may be NULL. */
MLC_RUNTIME_EXPORT MLCStatus mlcModuleGetParam(
    const MLCModule *module, const char *name, int isResult, int32_t index,
    const char **paramName, DLDataType *dtype, int32_t *ndim);

/* The model parameter that argument `index` of function `name` is (its
 * metadata attribute `param PNAME`: a call may take it from the context's
 * parameter table), or "" if it is an ordinary argument. Owned by the
 * module. */
MLC_RUNTIME_EXPORT MLCStatus mlcModuleGetArgParamName(const MLCModule *module,
                                                      const char *name,
                                                      int32_t index,
                                                      const char **out);

/* Calls function `name` in the process-wide default context (created on
 * first use, never destroyed; its pool serves every mlcModuleCall, and its
 * parameter table, see mlcContextGetDefault, supplies parameters). See
 * mlcModuleCallWithContext. */
MLC_RUNTIME_EXPORT MLCStatus
mlcModuleCall(const MLCModule *module, const char *name, const DLTensor *args,
              int32_t numArgs, DLManagedTensor **results, int32_t numResults);

/* Calls function `name` with `ctx`. If `numArgs` is the function's arity,
 * `args` holds every argument. Otherwise, if the function has parameter
 * arguments (metadata `param PNAME`) and `numArgs` is the number of the
 * others, `args` holds those, in signature order, and each parameter
 * argument is ctx's table entry PNAME (MLC_ERROR_NOT_FOUND if it is not
 * loaded). Any other count is MLC_ERROR_INVALID_ARGUMENT. The arguments,
 * parameters included, are checked against the signature (device, dtype,
 * rank, symbolic dims and their bounds) before the call and the results
 * after it. On success each results[i] is a new tensor
 * whose buffer came from ctx's pool; the caller releases it through its
 * deleter, which returns the buffer to the pool (the tensor keeps the pool
 * alive, so it may outlive the context and the module). On failure every
 * results[i] is NULL. Argument tensors are only read. */
MLC_RUNTIME_EXPORT MLCStatus mlcModuleCallWithContext(
    MLCContext *ctx, const MLCModule *module, const char *name,
    const DLTensor *args, int32_t numArgs, DLManagedTensor **results,
    int32_t numResults);

/*===--- Contexts ---------------------------------------------------------===*/

/* Allocation statistics of a context. Byte counts are the sizes requested
 * from mlcContextAlloc, not the rounded sizes of pool blocks. */
typedef struct MLCAllocStats {
  /* Successful mlcContextAlloc calls, including the runtime's own compact
   * copies of non-compact arguments. */
  uint64_t allocations;
  /* Those served from a cached block instead of fresh memory. */
  uint64_t poolHits;
  /* Bytes allocated and not yet freed (result tensors count until they are
   * released). */
  uint64_t bytesInUse;
  /* The maximum of bytesInUse since creation or mlcContextResetStats. */
  uint64_t peakBytesInUse;
  /* Blocks a call neither freed nor returned, which the runtime freed when
   * the call ended: leaks of compiled code after a successful call, the
   * buffers live at the failure after a failed one. */
  uint64_t reclaimed;
} MLCAllocStats;

/* A new context: an empty caching pool per device, zeroed statistics. */
MLC_RUNTIME_EXPORT MLCStatus mlcContextCreate(MLCContext **out);

/* Destroys the context and frees its parameter table. Its pool (cached
 * blocks, and blocks compiled code never returned) is released once the last
 * result tensor that came from it is released. NULL and the default context
 * are no-ops. */
MLC_RUNTIME_EXPORT void mlcContextDestroy(MLCContext *ctx);

/* The process-wide context of mlcModuleCall, e.g. to load parameters into
 * it or read its statistics. Never destroyed (mlcContextDestroy ignores
 * it). */
MLC_RUNTIME_EXPORT MLCStatus mlcContextGetDefault(MLCContext **out);

MLC_RUNTIME_EXPORT MLCStatus mlcContextGetStats(const MLCContext *ctx,
                                                MLCAllocStats *out);

/* Zeroes the counters and sets the peak to the bytes now in use. */
MLC_RUNTIME_EXPORT MLCStatus mlcContextResetStats(MLCContext *ctx);

/* The last error that a runtime function of ABI.h (mlcContextAlloc, a
 * packed function, ...) recorded when called directly on `ctx`; "" if none.
 * Calls through mlcModuleCallWithContext record theirs in a per-call context
 * and report them through mlcGetLastError instead. Valid until the next such
 * call on `ctx`. */
MLC_RUNTIME_EXPORT const char *mlcContextGetError(const MLCContext *ctx);

/*===--- Parameter tables -------------------------------------------------===*/

/* Each context owns a table of model parameters, name -> tensor: weights
 * loaded once and used by every call on the context for the arguments that
 * the metadata marks `param PNAME` (see mlcModuleCallWithContext). Table
 * tensors are CPU tensors, compact row-major, 64-byte aligned and read-only,
 * with explicit strides; the context owns them (they are not part of its
 * allocation pool or statistics) and frees them when it is destroyed. The
 * table is locked: loading while calls run on other threads is safe, and a
 * running call keeps the tensors it was given. */

/* Loads every tensor of the .safetensors file at `path` into ctx's table,
 * replacing tensors of the same names. Supported dtypes: F16, BF16, F32,
 * F64, I8-I64, U8-U64 and BOOL (one byte per element, like i1); the file is
 * validated completely first (header length, JSON syntax and schema, dtypes,
 * shapes, offsets against the data buffer and the tensor sizes) and on any
 * error nothing is added. MLC_ERROR_IO if the file cannot be read,
 * MLC_ERROR_FORMAT if it is malformed (the message names the file, and the
 * byte offset for header errors). */
MLC_RUNTIME_EXPORT MLCStatus mlcContextLoadParams(MLCContext *ctx,
                                                  const char *path);

/* Copies `tensor` (a CPU tensor with any strides and byte_offset, of a dtype
 * of the ABI) into ctx's table as `name` (non-empty), replacing any tensor
 * of that name. */
MLC_RUNTIME_EXPORT MLCStatus mlcContextSetParam(MLCContext *ctx,
                                                const char *name,
                                                const DLTensor *tensor);

/* The table tensor `name` (MLC_ERROR_NOT_FOUND if absent). It stays owned
 * by the context and valid until `name` is replaced or the context is
 * destroyed; do not write to it. */
MLC_RUNTIME_EXPORT MLCStatus mlcContextGetParam(const MLCContext *ctx,
                                                const char *name,
                                                const DLTensor **out);

/* The number of tensors in ctx's table. */
MLC_RUNTIME_EXPORT MLCStatus mlcContextNumParams(const MLCContext *ctx,
                                                 int32_t *out);

/* The name of table entry `index` in sorted (byte-wise) order, for listing
 * the table; MLC_ERROR_NOT_FOUND if out of range. Valid until the table
 * changes. */
MLC_RUNTIME_EXPORT MLCStatus mlcContextGetParamName(const MLCContext *ctx,
                                                    int32_t index,
                                                    const char **out);

/*===--- Packed functions -------------------------------------------------===*/

/* Registers `fn` under `name` (a dotted identifier such as
 * `mlc.blas.sgemm`) in the process-wide registry; `userData` is passed to
 * every call. A name that is already registered is refused
 * (MLC_ERROR_INVALID_ARGUMENT) unless `override` is non-zero, which replaces
 * it. The built-ins `mlc.blas.sgemm` and `mlc.blas.sgemm_batched` are
 * registered before any lookup. There is no unregistration: a registered
 * function must stay callable for the life of the process. */
MLC_RUNTIME_EXPORT MLCStatus mlcRegisterPackedFunction(const char *name,
                                                       MLCPackedFunction fn,
                                                       void *userData,
                                                       int32_t override);

/* Looks `name` up (MLC_ERROR_NOT_FOUND if it is not registered). `fn` and
 * `userData` may be NULL. */
MLC_RUNTIME_EXPORT MLCStatus mlcGetPackedFunction(const char *name,
                                                  MLCPackedFunction *fn,
                                                  void **userData);

/* Loads a user library of packed functions: dlopen(RTLD_NOW | RTLD_LOCAL)
 * (a path without '/' is taken relative to the working directory), then
 * calls its exported `int32_t mlc_library_init(void)`, which registers its
 * functions and returns 0 on success. Loading a library again is a no-op.
 * A library is never unloaded, since its functions stay registered. */
MLC_RUNTIME_EXPORT MLCStatus mlcLoadLibrary(const char *path);

/*===--- Objects ----------------------------------------------------------===*/

/* A new object holding one reference (release it with mlcObjectRelease,
 * ABI.h): `payload` is the library's data, `deleter` (may be NULL) runs on
 * it when the last reference is dropped, `typeName` (copied; e.g.
 * "user.counter") names it in errors. */
MLC_RUNTIME_EXPORT MLCStatus mlcObjectCreate(const char *typeName,
                                             void *payload,
                                             void (*deleter)(void *payload),
                                             MLCObject **out);

/* Adds a reference. NULL is a no-op. */
MLC_RUNTIME_EXPORT void mlcObjectRetain(MLCObject *object);

/* The payload of `object` if it is a live object of type `typeName` (NULL:
 * any type); otherwise NULL, with mlcGetLastError saying why. */
MLC_RUNTIME_EXPORT void *mlcObjectGetPayload(const MLCObject *object,
                                             const char *typeName);

/* The number of live objects in the process (for tests and leak checks). */
MLC_RUNTIME_EXPORT int64_t mlcObjectLiveCount(void);

/*===--- Tensors ----------------------------------------------------------===*/

/* A zero-filled, compact row-major CPU tensor whose data is 64-byte aligned.
 * `shape` may be NULL when rank is 0. Release it through its deleter. */
MLC_RUNTIME_EXPORT MLCStatus mlcAllocTensor(DLDataType dtype, int32_t rank,
                                            const int64_t *shape,
                                            DLManagedTensor **out);

/* Reads a .npy file (versions 1-3, little-endian, C order; dtypes b1 i1-i8
 * u1-u8 f2 f4 f8) into a new tensor. */
MLC_RUNTIME_EXPORT MLCStatus mlcNpyLoad(const char *path,
                                        DLManagedTensor **out);

/* Writes a CPU tensor (any strides) as a version 1.0 .npy file. bf16, which
 * numpy lacks, is written as f32. */
MLC_RUNTIME_EXPORT MLCStatus mlcNpySave(const char *path,
                                        const DLTensor *tensor);

/*===--- Used by compiled modules (see also ABI.h) ------------------------===*/

/* The allocation functions of MLIR's memref-to-llvm lowering with
 * `use-generic-functions`, which kernels use for internal scratch buffers
 * (results come from mlcContextAlloc). 64-byte aligned; never NULL for 0
 * bytes; NULL for an alignment that is not a power of two. */
MLC_RUNTIME_EXPORT void *_mlir_memref_to_llvm_alloc(size_t bytes);
MLC_RUNTIME_EXPORT void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment,
                                                            size_t bytes);
MLC_RUNTIME_EXPORT void _mlir_memref_to_llvm_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* MLC_RUNTIME_RUNTIME_H */
