/*===- Runtime.h - mlc runtime C API ------------------------------*- C -*-===*\
|*                                                                            *|
|* Part of the mlc project.                                                   *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The C API of libmlc_runtime: load a compiled module (a shared library that *|
|* follows the ABI in docs/Runtime.md), inspect its functions and call them   *|
|* on DLPack tensors. Every entry point returns an MLCStatus; on failure the  *|
|* calling thread's last error (mlcGetLastError) holds a one-line message.    *|
|* Nothing here aborts the process on bad input.                              *|
|*                                                                            *|
|* A loaded module is immutable: mlcModuleCall may run concurrently on one    *|
|* module from several threads.                                               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef MLC_RUNTIME_RUNTIME_H
#define MLC_RUNTIME_RUNTIME_H

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

/* The version of the module ABI (the `mlc-module N` metadata header). */
#define MLC_MODULE_ABI_VERSION 1

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

/* Calls function `name`. The arguments are checked against the signature
 * (device, dtype, rank, symbolic dims) before the call and the results after
 * it. On success each results[i] is a new tensor that the caller releases
 * through its deleter; on failure every results[i] is NULL. Argument tensors
 * are only read. */
MLC_RUNTIME_EXPORT MLCStatus
mlcModuleCall(const MLCModule *module, const char *name, const DLTensor *args,
              int32_t numArgs, DLManagedTensor **results, int32_t numResults);

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

/*===--- ABI used by compiled modules (see docs/Runtime.md) ---------------===*/

/* 64-byte aligned; never returns NULL for 0 bytes. */
MLC_RUNTIME_EXPORT void *_mlir_memref_to_llvm_alloc(size_t bytes);
MLC_RUNTIME_EXPORT void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment,
                                                            size_t bytes);
MLC_RUNTIME_EXPORT void _mlir_memref_to_llvm_free(void *ptr);

/* Sets the calling thread's last error; compiled code calls it before
 * returning a non-zero status. */
MLC_RUNTIME_EXPORT void mlcRuntimeSetError(const char *message);

#ifdef __cplusplus
}
#endif

#endif /* MLC_RUNTIME_RUNTIME_H */
