//===- RegistryTest.cpp - Packed functions, libraries and BLAS ------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The packed-function registry (registration, lookup, calls through a
// context), user libraries (mlcLoadLibrary and its errors), import
// resolution at load, and the built-in sgemm functions against a naive
// reference. The registry is process-wide: every test uses its own names.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"
#include "mlc/Runtime/Tensor.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <dlfcn.h>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using mlc::rt::TensorPtr;

int32_t succeed(MLCContext *, DLTensor *, int32_t numArgs, void *userData) {
  *static_cast<int32_t *>(userData) = numArgs;
  return 0;
}

int32_t failLoudly(MLCContext *ctx, DLTensor *, int32_t, void *) {
  mlcContextSetError(ctx, "boom");
  return 5;
}

int32_t failSilently(MLCContext *, DLTensor *, int32_t, void *) { return 3; }

class RegistryTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(mlcContextCreate(&ctx), MLC_OK); }
  void TearDown() override { mlcContextDestroy(ctx); }
  MLCContext *ctx = nullptr;
};

TEST_F(RegistryTest, BuiltinsAreRegistered) {
  MLCPackedFunction fn = nullptr;
  void *userData = &fn;
  ASSERT_EQ(mlcGetPackedFunction("mlc.blas.sgemm", &fn, &userData), MLC_OK);
  EXPECT_NE(fn, nullptr);
  EXPECT_EQ(userData, nullptr);
  EXPECT_EQ(mlcGetPackedFunction("mlc.blas.sgemm_batched", nullptr, nullptr),
            MLC_OK);
}

TEST_F(RegistryTest, RegisterLookUpAndReplace) {
  int32_t seen = -1, other = -1;
  ASSERT_EQ(mlcRegisterPackedFunction("test.succeed", succeed, &seen, 0),
            MLC_OK)
      << mlcGetLastError();
  MLCPackedFunction fn = nullptr;
  void *userData = nullptr;
  ASSERT_EQ(mlcGetPackedFunction("test.succeed", &fn, &userData), MLC_OK);
  EXPECT_EQ(fn, &succeed);
  EXPECT_EQ(userData, &seen);
  // Registered twice: refused, and the first registration stays.
  EXPECT_EQ(mlcRegisterPackedFunction("test.succeed", failLoudly, &other, 0),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "packed function 'test.succeed' is already "
                                  "registered (pass override to replace it)");
  ASSERT_EQ(mlcGetPackedFunction("test.succeed", &fn, &userData), MLC_OK);
  EXPECT_EQ(fn, &succeed);
  // With override it replaces.
  ASSERT_EQ(mlcRegisterPackedFunction("test.succeed", succeed, &other, 1),
            MLC_OK);
  ASSERT_EQ(mlcGetPackedFunction("test.succeed", &fn, &userData), MLC_OK);
  EXPECT_EQ(userData, &other);
  EXPECT_EQ(mlcContextCallPacked(ctx, "test.succeed", nullptr, 0), 0);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(seen, -1);
}

TEST_F(RegistryTest, BadRegistrations) {
  for (const char *name : {"", "a b", "a..b", ".a", "a.", "1a", "a-b"}) {
    EXPECT_EQ(mlcRegisterPackedFunction(name, succeed, nullptr, 0),
              MLC_ERROR_INVALID_ARGUMENT)
        << name;
    EXPECT_EQ(std::string(mlcGetLastError()),
              "packed function name '" + std::string(name) +
                  "' is not a dotted identifier (e.g. 'mylib.scale')");
  }
  EXPECT_EQ(mlcRegisterPackedFunction("test.null", nullptr, nullptr, 0),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(),
               "mlcRegisterPackedFunction: 'name' or 'fn' is NULL");
  EXPECT_EQ(mlcRegisterPackedFunction(nullptr, succeed, nullptr, 0),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcGetPackedFunction("test.null", nullptr, nullptr),
            MLC_ERROR_NOT_FOUND);
  EXPECT_STREQ(mlcGetLastError(),
               "packed function 'test.null' is not registered");
  EXPECT_EQ(mlcGetPackedFunction(nullptr, nullptr, nullptr),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcGetPackedFunction: 'name' is NULL");
}

TEST_F(RegistryTest, CallPacked) {
  int32_t seen = -1;
  ASSERT_EQ(mlcRegisterPackedFunction("test.count", succeed, &seen, 0), MLC_OK);
  DLTensor args[2] = {};
  EXPECT_EQ(mlcContextCallPacked(ctx, "test.count", args, 2), 0);
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(mlcContextCallPacked(ctx, "test.unknown", args, 2),
            MLC_ERROR_NOT_FOUND);
  EXPECT_STREQ(mlcContextGetError(ctx),
               "packed function 'test.unknown' is not registered");
  ASSERT_EQ(mlcRegisterPackedFunction("test.fail", failLoudly, nullptr, 0),
            MLC_OK);
  EXPECT_EQ(mlcContextCallPacked(ctx, "test.fail", args, 2), 5);
  EXPECT_STREQ(mlcContextGetError(ctx),
               "packed function 'test.fail' failed: boom");
  ASSERT_EQ(mlcRegisterPackedFunction("test.quiet", failSilently, nullptr, 0),
            MLC_OK);
  EXPECT_EQ(mlcContextCallPacked(ctx, "test.quiet", args, 2), 3);
  EXPECT_STREQ(mlcContextGetError(ctx), "packed function 'test.quiet' failed "
                                        "with status 3 and no message");
  EXPECT_EQ(mlcContextCallPacked(ctx, "test.count", nullptr, 1),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcContextGetError(ctx), "packed function 'test.count': 'args' "
                                        "is NULL or the count 1 is negative");
  EXPECT_EQ(mlcContextCallPacked(ctx, "test.count", args, -1),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcContextCallPacked(ctx, nullptr, args, 2),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcContextGetError(ctx), "mlcContextCallPacked: 'name' is NULL");
  EXPECT_EQ(mlcContextCallPacked(nullptr, "test.count", args, 2),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcContextCallPacked: 'ctx' is NULL");
}

TEST(LibraryTest, LoadAndImport) {
  // Before the library: the module's import is unresolved.
  MLCModule *module = nullptr;
  if (mlcGetPackedFunction("user.scale2", nullptr, nullptr) != MLC_OK) {
    EXPECT_EQ(mlcModuleLoad(MLC_TEST_USER_MODULE, &module), MLC_ERROR_LOAD);
    EXPECT_STREQ(mlcGetLastError(),
                 "module '" MLC_TEST_USER_MODULE "' imports packed function "
                 "'user.scale2', which is not registered (register it or load "
                 "its library with --load)");
  }
  ASSERT_EQ(mlcLoadLibrary(MLC_TEST_USER_LIBRARY), MLC_OK) << mlcGetLastError();
  ASSERT_EQ(mlcLoadLibrary(MLC_TEST_USER_LIBRARY), MLC_OK) // a no-op
      << mlcGetLastError();
  ASSERT_EQ(mlcModuleLoad(MLC_TEST_USER_MODULE, &module), MLC_OK)
      << mlcGetLastError();
  int64_t shape[] = {3};
  DLManagedTensor *x;
  ASSERT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, 1, shape, &x), MLC_OK);
  TensorPtr input(x);
  float values[] = {1, -2, 4.5};
  std::memcpy(x->dl_tensor.data, values, sizeof(values));
  DLManagedTensor *out = nullptr;
  ASSERT_EQ(mlcModuleCall(module, "scale2", &x->dl_tensor, 1, &out, 1), MLC_OK)
      << mlcGetLastError();
  TensorPtr result(out);
  const float *data = static_cast<const float *>(out->dl_tensor.data);
  EXPECT_EQ(std::vector<float>(data, data + 3), (std::vector<float>{2, -4, 9}));
  mlcModuleFree(module);
}

TEST(LibraryTest, Errors) {
  EXPECT_EQ(mlcLoadLibrary("/nonexistent/libfoo.so"), MLC_ERROR_LOAD);
  EXPECT_EQ(std::string(mlcGetLastError())
                .rfind("cannot load library '/nonexistent/libfoo.so': "
                       "/nonexistent/libfoo.so: cannot open shared object "
                       "file",
                       0),
            0u)
      << mlcGetLastError();
  EXPECT_EQ(mlcLoadLibrary(MLC_TEST_NO_INIT_LIBRARY), MLC_ERROR_LOAD);
  EXPECT_STREQ(mlcGetLastError(),
               "library '" MLC_TEST_NO_INIT_LIBRARY "' does not export "
               "'mlc_library_init' (int32_t mlc_library_init(void), which "
               "registers its packed functions)");
  EXPECT_EQ(mlcLoadLibrary(MLC_TEST_BAD_INIT_LIBRARY), MLC_ERROR_LOAD);
  EXPECT_STREQ(mlcGetLastError(),
               "library '" MLC_TEST_BAD_INIT_LIBRARY "': mlc_library_init "
               "failed with status 1: packed function name 'user.bad name' is "
               "not a dotted identifier (e.g. 'mylib.scale')");
  EXPECT_EQ(mlcLoadLibrary(nullptr), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcLoadLibrary: 'path' is NULL");
}

//===--- sgemm ------------------------------------------------------------===//

bool haveOpenBlas() {
  void *handle = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
  if (handle)
    dlclose(handle);
  return handle != nullptr;
}

/// A row-major f32 matrix (or batch of matrices) with an optional padded
/// leading dimension.
struct Matrix {
  std::vector<int64_t> shape, strides;
  std::vector<float> data;
  DLTensor t{};

  Matrix(std::vector<int64_t> dims, int64_t pad = 0, float fill = NAN)
      : shape(std::move(dims)) {
    size_t r = shape.size();
    strides.assign(r, 1);
    strides[r - 2] = shape[r - 1] + pad;
    if (r == 3)
      strides[0] = shape[1] * strides[1];
    data.assign(size_t(std::max<int64_t>(1, (r == 3 ? shape[0] : 1) *
                                                shape[r - 2] * strides[r - 2])),
                fill);
    t.data = data.data();
    t.device = {kDLCPU, 0};
    t.ndim = int32_t(r);
    t.dtype = {kDLFloat, 32, 1};
    t.shape = shape.data();
    t.strides = pad ? strides.data() : nullptr;
  }
  float &at(int64_t b, int64_t i, int64_t j) {
    size_t r = shape.size();
    return data[size_t((r == 3 ? b * strides[0] : 0) + i * strides[r - 2] + j)];
  }
};

void randomize(Matrix &m, std::mt19937 &rng) {
  std::uniform_real_distribution<float> dist(-1, 1);
  int64_t batch = m.shape.size() == 3 ? m.shape[0] : 1;
  size_t r = m.shape.size();
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t i = 0; i < m.shape[r - 2]; ++i)
      for (int64_t j = 0; j < m.shape[r - 1]; ++j)
        m.at(b, i, j) = dist(rng);
}

/// Checks C against a naive triple loop over A and B.
void expectProduct(Matrix &a, Matrix &b, Matrix &c) {
  size_t r = a.shape.size();
  int64_t batch = r == 3 ? a.shape[0] : 1;
  int64_t m = a.shape[r - 2], k = a.shape[r - 1], n = b.shape[r - 1];
  for (int64_t bi = 0; bi < batch; ++bi)
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        double sum = 0;
        for (int64_t p = 0; p < k; ++p)
          sum += double(a.at(bi, i, p)) * double(b.at(bi, p, j));
        ASSERT_NEAR(c.at(bi, i, j), sum, 1e-4 * (1 + std::fabs(sum)))
            << "at [" << bi << ", " << i << ", " << j << "] of m " << m << " k "
            << k << " n " << n;
      }
}

class SgemmTest : public RegistryTest {
protected:
  int32_t call(const char *name, Matrix &a, Matrix &b, Matrix &c) {
    DLTensor args[] = {a.t, b.t, c.t};
    return mlcContextCallPacked(ctx, name, args, 3);
  }
};

TEST_F(SgemmTest, MatchesNaiveLoops) {
  if (!haveOpenBlas())
    GTEST_SKIP() << "libopenblas.so.0 cannot be opened";
  std::mt19937 rng(42);
  int64_t shapes[][3] = {{1, 1, 1},   {2, 3, 4},   {7, 5, 3},    {1, 100, 1},
                         {64, 1, 65}, {17, 33, 9}, {31, 64, 127}};
  for (auto &[m, k, n] : shapes) {
    for (int64_t pad : {0, 3}) {
      Matrix a({m, k}, pad), b({k, n}, pad), c({m, n}, pad);
      randomize(a, rng);
      randomize(b, rng);
      ASSERT_EQ(call("mlc.blas.sgemm", a, b, c), 0) << mlcContextGetError(ctx);
      expectProduct(a, b, c);
      if (pad) // the padding is not written
        EXPECT_TRUE(std::isnan(c.data[size_t(n)]));
    }
  }
}

TEST_F(SgemmTest, BatchedMatchesNaiveLoops) {
  if (!haveOpenBlas())
    GTEST_SKIP() << "libopenblas.so.0 cannot be opened";
  std::mt19937 rng(7);
  int64_t shapes[][4] = {{1, 1, 1, 1}, {3, 2, 3, 4}, {5, 7, 1, 9}};
  for (auto &[batch, m, k, n] : shapes) {
    for (int64_t pad : {0, 2}) {
      Matrix a({batch, m, k}, pad), b({batch, k, n}, pad),
          c({batch, m, n}, pad);
      randomize(a, rng);
      randomize(b, rng);
      ASSERT_EQ(call("mlc.blas.sgemm_batched", a, b, c), 0)
          << mlcContextGetError(ctx);
      expectProduct(a, b, c);
    }
  }
}

TEST_F(SgemmTest, EmptyDimensions) {
  // No BLAS call is needed: these pass even without OpenBLAS.
  Matrix a({2, 0}), b({0, 3}), c({2, 3});
  ASSERT_EQ(call("mlc.blas.sgemm", a, b, c), 0) << mlcContextGetError(ctx);
  EXPECT_EQ(c.data, std::vector<float>(6, 0.0f)); // k = 0: C = 0
  Matrix a0({0, 4}), b0({4, 3}), c0({0, 3});
  EXPECT_EQ(call("mlc.blas.sgemm", a0, b0, c0), 0) << mlcContextGetError(ctx);
  Matrix ab({0, 2, 2}), bb({0, 2, 2}), cb({0, 2, 2});
  EXPECT_EQ(call("mlc.blas.sgemm_batched", ab, bb, cb), 0)
      << mlcContextGetError(ctx);
}

TEST_F(SgemmTest, BadArguments) {
  Matrix a({2, 3}), b({3, 4}), c({2, 4});
  auto expectError = [&](const std::string &message, const char *name,
                         std::vector<DLTensor> args) {
    EXPECT_NE(
        mlcContextCallPacked(ctx, name, args.data(), int32_t(args.size())), 0);
    EXPECT_EQ(std::string(mlcContextGetError(ctx)),
              "packed function '" + std::string(name) + "' failed: " + message);
  };
  expectError("expected 3 arguments (A, B, C) but got 2", "mlc.blas.sgemm",
              {a.t, b.t});
  DLTensor f64 = b.t;
  f64.dtype = {kDLFloat, 64, 1};
  expectError("argument 'B' (#1): expected dtype f32 but got f64",
              "mlc.blas.sgemm", {a.t, f64, c.t});
  DLTensor gpu = c.t;
  gpu.device = {kDLCUDA, 0};
  expectError("argument 'C' (#2): expected a CPU tensor but got cuda:0",
              "mlc.blas.sgemm", {a.t, b.t, gpu});
  expectError("argument 'A' (#0): expected rank 3 but got rank 2",
              "mlc.blas.sgemm_batched", {a.t, b.t, c.t});
  expectError("shapes do not agree: A [2, 3], B [2, 4], C [3, 4] (expected "
              "A[m, k], B[k, n], C[m, n])",
              "mlc.blas.sgemm", {a.t, c.t, b.t});
  Matrix ab({2, 2, 3}), bb({3, 3, 4}), cb({2, 2, 4});
  expectError("shapes do not agree: A [2, 2, 3], B [3, 3, 4], C [2, 2, 4] "
              "(expected A[b, m, k], B[b, k, n], C[b, m, n])",
              "mlc.blas.sgemm_batched", {ab.t, bb.t, cb.t});
  // A column-major view: the inner stride is not 1.
  int64_t transposed[] = {1, 2};
  DLTensor columns = a.t;
  columns.strides = transposed;
  expectError("argument 'A' (#0): expected a row-major layout with a unit "
              "inner stride and a leading stride of at least 3 but got "
              "strides [1, 2]",
              "mlc.blas.sgemm", {columns, b.t, c.t});
  int64_t overlapping[] = {4, 4, 1};
  DLTensor overlap = cb.t;
  overlap.strides = overlapping;
  expectError("argument 'C' (#2): expected a row-major layout with a unit "
              "inner stride and a leading stride of at least 4, matrices not "
              "overlapping, but got strides [4, 4, 1]",
              "mlc.blas.sgemm_batched", {ab.t, Matrix({2, 3, 4}).t, overlap});
  int64_t huge[] = {int64_t(1) << 40, 1};
  DLTensor far = a.t;
  far.strides = huge;
  expectError("argument 'A' (#0): leading stride 1099511627776 exceeds "
              "OpenBLAS's 32-bit indices",
              "mlc.blas.sgemm", {far, b.t, c.t});
  DLTensor null = a.t;
  null.data = nullptr;
  expectError("argument 'A' (#0): data is NULL", "mlc.blas.sgemm",
              {null, b.t, c.t});
  DLTensor odd = a.t;
  odd.byte_offset = 2;
  expectError("argument 'A' (#0): data + byte_offset is not aligned to 4 "
              "bytes",
              "mlc.blas.sgemm", {odd, b.t, c.t});
  int64_t negative[] = {-1, 3};
  DLTensor bad = a.t;
  bad.shape = negative;
  expectError("argument 'A' (#0): dimension 0 (-1) is negative or exceeds "
              "OpenBLAS's 32-bit indices",
              "mlc.blas.sgemm", {bad, b.t, c.t});
  // Called directly, the message has no prefix.
  MLCPackedFunction fn;
  ASSERT_EQ(mlcGetPackedFunction("mlc.blas.sgemm", &fn, nullptr), MLC_OK);
  EXPECT_EQ(fn(ctx, nullptr, 3, nullptr), 1);
  EXPECT_STREQ(mlcContextGetError(ctx),
               "expected 3 arguments (A, B, C) but got 0");
}

/// The packed module: sgemm called by compiled code through its context.
class PackedModuleTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(mlcModuleLoad(MLC_TEST_PACKED_MODULE, &module), MLC_OK)
        << mlcGetLastError();
  }
  void TearDown() override { mlcModuleFree(module); }
  MLCModule *module = nullptr;
};

TEST_F(PackedModuleTest, CallsSgemm) {
  if (!haveOpenBlas())
    GTEST_SKIP() << "libopenblas.so.0 cannot be opened";
  std::mt19937 rng(3);
  Matrix a({5, 7}), b({7, 3});
  randomize(a, rng);
  randomize(b, rng);
  DLTensor args[] = {a.t, b.t};
  DLManagedTensor *out = nullptr;
  ASSERT_EQ(mlcModuleCall(module, "matmul", args, 2, &out, 1), MLC_OK)
      << mlcGetLastError();
  TensorPtr result(out);
  Matrix c({5, 3});
  std::memcpy(c.data.data(), out->dl_tensor.data, 15 * sizeof(float));
  expectProduct(a, b, c);

  Matrix ab({2, 3, 4}), bb({2, 4, 5});
  randomize(ab, rng);
  randomize(bb, rng);
  DLTensor batched[] = {ab.t, bb.t};
  ASSERT_EQ(mlcModuleCall(module, "bmm", batched, 2, &out, 1), MLC_OK)
      << mlcGetLastError();
  TensorPtr batchResult(out);
  Matrix cb({2, 3, 5});
  std::memcpy(cb.data.data(), out->dl_tensor.data, 30 * sizeof(float));
  expectProduct(ab, bb, cb);
}

TEST_F(PackedModuleTest, FailuresOfPackedCalls) {
  MLCContext *ctx;
  ASSERT_EQ(mlcContextCreate(&ctx), MLC_OK);
  Matrix a({2, 3}), b({3, 4});
  DLTensor args[] = {a.t, b.t};
  DLManagedTensor *out = nullptr;
  EXPECT_EQ(
      mlcModuleCallWithContext(ctx, module, "matmul_swapped", args, 2, &out, 1),
      MLC_ERROR_RUNTIME);
  EXPECT_STREQ(mlcGetLastError(),
               "function 'matmul_swapped' failed: packed function "
               "'mlc.blas.sgemm' failed: shapes do not agree: A [3, 4], B "
               "[2, 3], C [2, 4] (expected A[m, k], B[k, n], C[m, n])");
  MLCAllocStats stats;
  ASSERT_EQ(mlcContextGetStats(ctx, &stats), MLC_OK);
  EXPECT_EQ(stats.allocations, 1u);
  EXPECT_EQ(stats.bytesInUse, 0u); // the function freed its result
  EXPECT_EQ(mlcModuleCallWithContext(ctx, module, "call_unregistered", nullptr,
                                     0, &out, 1),
            MLC_ERROR_RUNTIME);
  EXPECT_STREQ(mlcGetLastError(),
               "function 'call_unregistered' failed: packed function "
               "'nobody.registers.this' is not registered");
  mlcContextDestroy(ctx);
}

} // namespace
