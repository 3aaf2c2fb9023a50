//===- Blas.cpp - The built-in BLAS packed functions ----------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// `mlc.blas.sgemm` and `mlc.blas.sgemm_batched` on OpenBLAS. The library is
// opened lazily, on the first call that needs it, so that the runtime builds
// and loads on machines without it; a call then fails with a clear message.
// The CBLAS prototype is declared here for the same reason. The environment
// variable MLC_OPENBLAS_LIBRARY names another library to open (default
// libopenblas.so.0); it is read once.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Metadata.h"
#include "mlc/Runtime/Registry.h"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>

using namespace mlc::rt;

namespace {
// cblas_sgemm with CBLAS's enums as ints (CblasRowMajor, CblasNoTrans) and
// 32-bit indices, as libopenblas.so.0 (not the 64-bit-index build) takes.
using SgemmFunction = void (*)(int order, int transA, int transB, int m, int n,
                               int k, float alpha, const float *a, int lda,
                               const float *b, int ldb, float beta, float *c,
                               int ldc);
constexpr int kCblasRowMajor = 101;
constexpr int kCblasNoTrans = 111;

struct OpenBlas {
  SgemmFunction sgemm = nullptr;
  std::string error; // why sgemm is null
};

const OpenBlas &openBlas() {
  static const OpenBlas loaded = [] {
    OpenBlas result;
    const char *env = std::getenv("MLC_OPENBLAS_LIBRARY");
    std::string name = env && *env ? env : "libopenblas.so.0";
    void *handle = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char *reason = dlerror();
      result.error = "OpenBLAS is not available: cannot load '" + name +
                     "': " + (reason ? reason : "unknown");
      return result;
    }
    result.sgemm =
        reinterpret_cast<SgemmFunction>(dlsym(handle, "cblas_sgemm"));
    if (!result.sgemm)
      result.error =
          "OpenBLAS is not available: '" + name + "' has no 'cblas_sgemm'";
    return result;
  }();
  return loaded;
}

/// One operand as cblas_sgemm reads it: `batch` matrices of rows x cols,
/// rows `ld` elements apart, matrices `batchStride` elements apart.
struct Operand {
  float *data = nullptr;
  int64_t batch = 1, rows = 0, cols = 0, ld = 1, batchStride = 0;
};

const char *const kOperandNames[] = {"A", "B", "C"};

std::string shapeString(const DLTensor &t) {
  std::string result = "[";
  for (int32_t i = 0; i < t.ndim; ++i)
    result += (i ? ", " : "") + std::to_string(t.shape[i]);
  return result + "]";
}

std::string stridesString(const DLTensor &t) {
  std::string result = "[";
  for (int32_t i = 0; i < t.ndim; ++i)
    result += (i ? ", " : "") + std::to_string(t.strides[i]);
  return result + "]";
}

/// Reads the layout of a row-major operand: compact, or with a unit inner
/// stride and a leading stride of at least `cols` (an output's matrices may
/// not overlap either).
bool readLayout(const DLTensor &t, bool output, Operand &op,
                std::string &error) {
  int32_t r = t.ndim;
  op.ld = op.cols > 0 ? op.cols : 1;
  op.batchStride = op.rows * op.cols;
  if (!t.strides)
    return true;
  bool ok = op.cols <= 1 || t.strides[r - 1] == 1;
  if (op.rows > 1) {
    op.ld = t.strides[r - 2];
    ok &= op.ld >= op.cols && op.ld >= 1;
  }
  if (op.ld > INT_MAX) {
    error = "leading stride " + std::to_string(op.ld) +
            " exceeds OpenBLAS's 32-bit indices";
    return false;
  }
  if (r == 3 && op.batch > 1) {
    op.batchStride = t.strides[0];
    ok &= op.batchStride >= 0;
    if (output) // rows and ld are at most INT_MAX: no overflow
      ok &= op.batchStride >= op.rows * op.ld;
  }
  if (!ok)
    error = "expected a row-major layout with a unit inner stride and a "
            "leading stride of at least " +
            std::to_string(op.cols) +
            (output ? ", matrices not overlapping," : "") +
            " but got strides " + stridesString(t);
  return ok;
}

/// Checks operand `index` of a call and describes it.
bool readOperand(const DLTensor *args, int index, int32_t rank, Operand &op,
                 std::string &error) {
  const DLTensor &t = args[index];
  std::string label = "argument '" + std::string(kOperandNames[index]) +
                      "' (#" + std::to_string(index) + "): ";
  if (t.device.device_type != kDLCPU && t.device.device_type != kDLCUDAHost) {
    error = label + "expected a CPU tensor but got " + deviceToString(t.device);
    return false;
  }
  if (t.dtype.code != kDLFloat || t.dtype.bits != 32 || t.dtype.lanes != 1) {
    error = label + "expected dtype f32 but got " + dtypeToString(t.dtype);
    return false;
  }
  if (t.ndim != rank || !t.shape) {
    error = label + "expected rank " + std::to_string(rank) + " but got rank " +
            std::to_string(t.ndim);
    return false;
  }
  for (int32_t d = 0; d < rank; ++d)
    if (t.shape[d] < 0 || t.shape[d] > INT_MAX) {
      error = label + "dimension " + std::to_string(d) + " (" +
              std::to_string(t.shape[d]) +
              ") is negative or exceeds OpenBLAS's 32-bit indices";
      return false;
    }
  op.batch = rank == 3 ? t.shape[0] : 1;
  op.rows = t.shape[rank - 2];
  op.cols = t.shape[rank - 1];
  if (!readLayout(t, index == 2, op, error)) {
    error = label + error;
    return false;
  }
  bool empty = op.batch == 0 || op.rows == 0 || op.cols == 0;
  if (!t.data && !empty) {
    error = label + "data is NULL";
    return false;
  }
  auto address = reinterpret_cast<uintptr_t>(t.data) + t.byte_offset;
  if (address % alignof(float)) {
    error = label + "data + byte_offset is not aligned to 4 bytes";
    return false;
  }
  op.data = reinterpret_cast<float *>(address);
  return true;
}

int32_t fail(MLCContext *ctx, const std::string &message) {
  mlcContextSetError(ctx, message.c_str());
  return 1;
}

/// Zeroes C, the product when k = 0 (which cblas_sgemm does not accept with
/// the leading dimensions a compact empty A has).
void zeroOutput(const Operand &c) {
  for (int64_t i = 0; i < c.batch; ++i)
    for (int64_t row = 0; row < c.rows; ++row)
      std::memset(c.data + i * c.batchStride + row * c.ld, 0,
                  size_t(c.cols) * sizeof(float));
}

int32_t sgemm(MLCContext *ctx, DLTensor *args, int32_t numArgs, bool batched) {
  if (numArgs != 3 || !args)
    return fail(ctx, "expected 3 arguments (A, B, C) but got " +
                         std::to_string(args ? numArgs : 0));
  int32_t rank = batched ? 3 : 2;
  Operand a, b, c;
  std::string error;
  if (!readOperand(args, 0, rank, a, error) ||
      !readOperand(args, 1, rank, b, error) ||
      !readOperand(args, 2, rank, c, error))
    return fail(ctx, error);
  if (a.batch != b.batch || a.batch != c.batch || a.cols != b.rows ||
      a.rows != c.rows || b.cols != c.cols)
    return fail(ctx, "shapes do not agree: A " + shapeString(args[0]) + ", B " +
                         shapeString(args[1]) + ", C " + shapeString(args[2]) +
                         (batched ? " (expected A[b, m, k], B[b, k, n], "
                                    "C[b, m, n])"
                                  : " (expected A[m, k], B[k, n], C[m, n])"));
  if (c.batch == 0 || c.rows == 0 || c.cols == 0)
    return 0;
  if (a.cols == 0) {
    zeroOutput(c);
    return 0;
  }
  const OpenBlas &blas = openBlas();
  if (!blas.sgemm)
    return fail(ctx, blas.error);
  for (int64_t i = 0; i < c.batch; ++i)
    blas.sgemm(kCblasRowMajor, kCblasNoTrans, kCblasNoTrans, int(c.rows),
               int(c.cols), int(a.cols), 1.0f, a.data + i * a.batchStride,
               int(a.ld), b.data + i * b.batchStride, int(b.ld), 0.0f,
               c.data + i * c.batchStride, int(c.ld));
  return 0;
}
} // namespace

int32_t mlc::rt::blasSgemm(MLCContext *ctx, DLTensor *args, int32_t numArgs,
                           void *) {
  return sgemm(ctx, args, numArgs, /*batched=*/false);
}

int32_t mlc::rt::blasSgemmBatched(MLCContext *ctx, DLTensor *args,
                                  int32_t numArgs, void *) {
  return sgemm(ctx, args, numArgs, /*batched=*/true);
}
