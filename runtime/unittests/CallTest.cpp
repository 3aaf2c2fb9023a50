//===- CallTest.cpp - Loading and calling real modules --------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Calls into the hand-written fixture modules of test/Runtime/Inputs:
// descriptors (ranked, rank 0, unranked, strided), result ownership (blocks
// of the call's context, and the violations the runtime refuses: aliased,
// shared, global, out of bounds), contexts and their statistics, binding
// through linear dims, bounds, devices, failures reported by compiled code,
// and the checks of the C API.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"
#include "mlc/Runtime/Tensor.h"

#include "gtest/gtest.h"

#include <cstring>
#include <memory>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using mlc::rt::TensorPtr;

template <typename T> DLDataType dtypeOf();
template <> DLDataType dtypeOf<float>() { return {kDLFloat, 32, 1}; }
template <> DLDataType dtypeOf<double>() { return {kDLFloat, 64, 1}; }
template <> DLDataType dtypeOf<int32_t>() { return {kDLInt, 32, 1}; }

template <typename T>
TensorPtr makeTensor(std::vector<int64_t> shape, std::vector<T> values,
                     DLDataType dtype = dtypeOf<T>()) {
  DLManagedTensor *t = nullptr;
  EXPECT_EQ(mlcAllocTensor(dtype, int32_t(shape.size()), shape.data(), &t),
            MLC_OK)
      << mlcGetLastError();
  if (!values.empty())
    std::memcpy(t->dl_tensor.data, values.data(), values.size() * sizeof(T));
  return TensorPtr(t);
}

/// The elements of `t` in row-major order, following its strides.
template <typename T> std::vector<T> elements(const DLTensor &t) {
  std::vector<T> out;
  int64_t numel = 1;
  for (int i = 0; i < t.ndim; ++i)
    numel *= t.shape[i];
  const T *base = reinterpret_cast<const T *>(
      static_cast<const char *>(t.data) + t.byte_offset);
  for (int64_t flat = 0; flat < numel; ++flat) {
    int64_t rest = flat, offset = 0;
    for (int d = t.ndim - 1; d >= 0; --d) {
      offset += (rest % t.shape[d]) * t.strides[d];
      rest /= t.shape[d];
    }
    out.push_back(base[offset]);
  }
  return out;
}

std::vector<int64_t> shapeOf(const DLTensor &t) {
  return std::vector<int64_t>(t.shape, t.shape + t.ndim);
}

class CallTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(mlcModuleLoad(MLC_TEST_MODULE, &module), MLC_OK)
        << mlcGetLastError();
  }
  void TearDown() override {
    results.clear();
    mlcContextDestroy(context);
    mlcModuleFree(module);
  }

  /// Switches to a context of the test's own, whose stats start at zero.
  void useOwnContext() { ASSERT_EQ(mlcContextCreate(&context), MLC_OK); }
  MLCAllocStats stats() {
    MLCAllocStats out{};
    EXPECT_EQ(mlcContextGetStats(context, &out), MLC_OK);
    return out;
  }

  /// Calls `name` (with `context` if set, else the default context); on
  /// success takes ownership of the results.
  MLCStatus call(const char *name, std::vector<DLTensor> args,
                 int32_t numResults = 1) {
    std::vector<DLManagedTensor *> raw(numResults, nullptr);
    results.clear();
    MLCStatus status =
        context ? mlcModuleCallWithContext(context, module, name, args.data(),
                                           int32_t(args.size()), raw.data(),
                                           numResults)
                : mlcModuleCall(module, name, args.data(), int32_t(args.size()),
                                raw.data(), numResults);
    message = mlcGetLastError();
    for (DLManagedTensor *r : raw) {
      if (status != MLC_OK)
        EXPECT_EQ(r, nullptr);
      results.emplace_back(r);
    }
    return status;
  }
  const DLTensor &result(size_t i = 0) { return results[i]->dl_tensor; }

  MLCModule *module = nullptr;
  MLCContext *context = nullptr;
  std::vector<TensorPtr> results;
  std::string message;
};

TEST_F(CallTest, Introspection) {
  int32_t count = 0;
  ASSERT_EQ(mlcModuleNumFunctions(module, &count), MLC_OK);
  EXPECT_EQ(count, 32);
  const char *name;
  ASSERT_EQ(mlcModuleGetFunctionName(module, 0, &name), MLC_OK);
  EXPECT_STREQ(name, "add");
  EXPECT_EQ(mlcModuleGetFunctionName(module, 32, &name), MLC_ERROR_NOT_FOUND);
  char buffer[256];
  ASSERT_EQ(mlcModuleGetSignature(module, "matmul", buffer, sizeof(buffer)),
            MLC_OK);
  EXPECT_STREQ(buffer, "matmul(x: f32[m, k], w: f32[k, n]) -> (f32[m, n])");
  ASSERT_EQ(mlcModuleGetSignature(module, "flatten", buffer, sizeof(buffer)),
            MLC_OK);
  EXPECT_STREQ(buffer, "flatten(x: f32[*]) -> (f32[*])");
  // Too small: truncated, with the needed size in the message.
  EXPECT_EQ(mlcModuleGetSignature(module, "add", buffer, 8),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(buffer, "add(a: ");
  EXPECT_STREQ(mlcGetLastError(),
               "mlcModuleGetSignature: the signature of 'add' needs 38 bytes");
  int32_t numArgs = 0, numResults = 0;
  ASSERT_EQ(mlcModuleGetArity(module, "twice", &numArgs, &numResults), MLC_OK);
  EXPECT_EQ(numArgs, 1);
  EXPECT_EQ(numResults, 2);
  const char *param;
  DLDataType dtype;
  int32_t ndim;
  ASSERT_EQ(mlcModuleGetParam(module, "scale", 0, 1, &param, &dtype, &ndim),
            MLC_OK);
  EXPECT_STREQ(param, "s");
  EXPECT_EQ(dtype.code, kDLFloat);
  EXPECT_EQ(ndim, 0);
  ASSERT_EQ(mlcModuleGetParam(module, "flatten", 1, 0, &param, nullptr, &ndim),
            MLC_OK);
  EXPECT_STREQ(param, "");
  EXPECT_EQ(ndim, -1);
  EXPECT_EQ(mlcModuleGetParam(module, "scale", 0, 2, nullptr, nullptr, nullptr),
            MLC_ERROR_NOT_FOUND);
}

TEST_F(CallTest, Add) {
  TensorPtr a = makeTensor<float>({4}, {1, 2, 3, 4});
  TensorPtr b = makeTensor<float>({4}, {10, 20, 30, 40});
  ASSERT_EQ(call("add", {a->dl_tensor, b->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(shapeOf(result()), std::vector<int64_t>{4});
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{11, 22, 33, 44}));
  EXPECT_EQ(result().device.device_type, kDLCPU);
  EXPECT_EQ(result().dtype.bits, 32);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(result().data) % 64, 0u);
}

TEST_F(CallTest, SymbolicResult) {
  TensorPtr x = makeTensor<float>({3}, {1, 2, 3});
  ASSERT_EQ(call("concat_self", {x->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{1, 2, 3, 1, 2, 3}));
}

TEST_F(CallTest, MatmulAndItsShapeCheck) {
  TensorPtr x = makeTensor<float>({2, 3}, {1, 2, 3, 4, 5, 6});
  TensorPtr w = makeTensor<float>({3, 1}, {1, 1, 1});
  ASSERT_EQ(call("matmul", {x->dl_tensor, w->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(shapeOf(result()), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{6, 15}));
  TensorPtr bad = makeTensor<float>({2, 1}, {1, 1});
  EXPECT_EQ(call("matmul", {x->dl_tensor, bad->dl_tensor}),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'w' (#1) dimension 0: expected 'k' = 3 (bound "
                     "by argument 'x' dimension 1) but got 2");
}

TEST_F(CallTest, RankZeroArgument) {
  TensorPtr x = makeTensor<float>({2, 4}, {1, 2, 3, 4, 5, 6, 7, 8});
  TensorPtr s = makeTensor<float>({}, {0.5f});
  ASSERT_EQ(call("scale", {x->dl_tensor, s->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()),
            (std::vector<float>{0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4}));
}

TEST_F(CallTest, ExpressionInArgument) {
  TensorPtr x = makeTensor<float>({5}, {1, 2, 3, 4, 5});
  TensorPtr y2 = makeTensor<float>({2}, {0, 0});
  TensorPtr y3 = makeTensor<float>({3}, {0, 0, 0});
  EXPECT_EQ(call("pad_div", {x->dl_tensor, y2->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(call("pad_div", {x->dl_tensor, y3->dl_tensor}),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'y' (#1) dimension 0: expected '(n + 3) "
                     "floordiv 4' = 2 (n = 5 bound by argument 'x' dimension "
                     "0) but got 3");
}

TEST_F(CallTest, StridedArgumentGetsAFaithfulDescriptor) {
  // A 3x2 transposed view, starting one element into the buffer.
  TensorPtr buffer = makeTensor<double>({7}, {100, 1, 2, 3, 4, 5, 6});
  DLTensor view = buffer->dl_tensor;
  int64_t shape[] = {3, 2}, strides[] = {1, 3};
  view.ndim = 2;
  view.shape = shape;
  view.strides = strides;
  view.byte_offset = sizeof(double);
  ASSERT_EQ(call("sum_strided", {view}), MLC_OK) << message;
  EXPECT_EQ(result().ndim, 0);
  EXPECT_EQ(*static_cast<double *>(result().data), 21.0);
}

TEST_F(CallTest, NonStridedArgumentIsCompacted) {
  // row_sums assumes compact data; the runtime must copy this view first.
  TensorPtr buffer = makeTensor<double>({7}, {100, 1, 2, 3, 4, 5, 6});
  DLTensor view = buffer->dl_tensor;
  int64_t shape[] = {3, 2}, strides[] = {1, 3};
  view.ndim = 2;
  view.shape = shape;
  view.strides = strides;
  view.byte_offset = sizeof(double);
  // Rows of the view: (1, 4), (2, 5), (3, 6).
  ASSERT_EQ(call("row_sums", {view}), MLC_OK) << message;
  EXPECT_EQ(elements<double>(result()), (std::vector<double>{5, 7, 9}));
  // A compact tensor at a byte offset is passed without a copy.
  int64_t rowShape[] = {2, 3};
  view.shape = rowShape;
  view.strides = nullptr;
  ASSERT_EQ(call("row_sums", {view}), MLC_OK) << message;
  EXPECT_EQ(elements<double>(result()), (std::vector<double>{6, 15}));
}

TEST_F(CallTest, DTypes) {
  TensorPtr ints = makeTensor<int32_t>({3}, {-1, 0, 7});
  ASSERT_EQ(call("cast", {ints->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<double>(result()), (std::vector<double>{-1, 0, 7}));

  TensorPtr flags =
      makeTensor<uint8_t>({3}, {1, 0, 1}, DLDataType{kDLUInt, 1, 1});
  ASSERT_EQ(call("logical_not", {flags->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<uint8_t>(result()), (std::vector<uint8_t>{0, 1, 0}));
  EXPECT_EQ(result().dtype.code, kDLUInt);
  EXPECT_EQ(result().dtype.bits, 1);
  DLTensor asBool = flags->dl_tensor;
  asBool.dtype = {6, 8, 1}; // DLPack 0.8's kDLBool
  EXPECT_EQ(call("logical_not", {asBool}), MLC_OK) << message;

  // f16 1.0, -2.0, 0.5.
  TensorPtr halves = makeTensor<uint16_t>({3}, {0x3c00, 0xc000, 0x3800},
                                          DLDataType{kDLFloat, 16, 1});
  ASSERT_EQ(call("widen", {halves->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{1, -2, 0.5}));

  EXPECT_EQ(call("widen", {ints->dl_tensor}), MLC_ERROR_TYPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0): expected dtype f16 but got i32");
}

TEST_F(CallTest, UnrankedArgumentAndResult) {
  TensorPtr cube = makeTensor<float>({2, 3, 4}, std::vector<float>(24, 1));
  ASSERT_EQ(call("numel_any", {cube->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(*static_cast<int64_t *>(result().data), 24);
  TensorPtr scalar = makeTensor<float>({}, {3});
  ASSERT_EQ(call("numel_any", {scalar->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(*static_cast<int64_t *>(result().data), 1);

  TensorPtr matrix = makeTensor<float>({2, 2}, {1, 2, 3, 4});
  ASSERT_EQ(call("flatten", {matrix->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(shapeOf(result()), std::vector<int64_t>{4});
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{1, 2, 3, 4}));
}

TEST_F(CallTest, EachResultOwnsItsBlock) {
  TensorPtr x = makeTensor<int32_t>({3}, {1, 2, 3});
  ASSERT_EQ(call("twice", {x->dl_tensor}, 2), MLC_OK) << message;
  EXPECT_NE(result(0).data, result(1).data);
  EXPECT_EQ(elements<int32_t>(result(0)), (std::vector<int32_t>{2, 4, 6}));
  EXPECT_EQ(elements<int32_t>(result(1)), (std::vector<int32_t>{2, 4, 6}));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(result(1).data) % 64, 0u);
  results.resize(1); // each is released on its own
  EXPECT_EQ(elements<int32_t>(result(0)), (std::vector<int32_t>{2, 4, 6}));
}

TEST_F(CallTest, OwnershipViolationsAreRefused) {
  TensorPtr x = makeTensor<int32_t>({3}, {1, 2, 3});
  EXPECT_EQ(call("identity", {x->dl_tensor}), MLC_ERROR_RUNTIME);
  EXPECT_EQ(message, "result #0: 'allocated' was not returned by "
                     "mlcContextAlloc during this call (the compiled function "
                     "'identity' broke the ownership rule of the module ABI)");
  // The argument's buffer was neither freed nor reused.
  EXPECT_EQ(elements<int32_t>(x->dl_tensor), (std::vector<int32_t>{1, 2, 3}));
  EXPECT_EQ(call("shared_result", {x->dl_tensor}, 2), MLC_ERROR_RUNTIME);
  EXPECT_EQ(message, "result #1: 'allocated' is also the buffer of result #0 "
                     "(the compiled function 'shared_result' broke the "
                     "ownership rule of the module ABI)");
  EXPECT_EQ(call("global_const", {}), MLC_ERROR_RUNTIME);
  EXPECT_EQ(message, "result #0: 'allocated' was not returned by "
                     "mlcContextAlloc during this call (the compiled function "
                     "'global_const' broke the ownership rule of the module "
                     "ABI)");
  TensorPtr f = makeTensor<float>({3}, {1, 2, 3});
  EXPECT_EQ(call("outside", {f->dl_tensor}), MLC_ERROR_RUNTIME);
  EXPECT_EQ(message, "result #0: its elements lie outside its 12-byte buffer "
                     "(the compiled function 'outside' broke the ownership "
                     "rule of the module ABI)");
}

TEST_F(CallTest, RefusedResultsReturnToThePool) {
  useOwnContext();
  TensorPtr x = makeTensor<int32_t>({3}, {1, 2, 3});
  EXPECT_EQ(call("shared_result", {x->dl_tensor}, 2), MLC_ERROR_RUNTIME);
  EXPECT_EQ(stats().bytesInUse, 0u);
  TensorPtr f = makeTensor<float>({2}, {1, 2});
  EXPECT_EQ(call("bad_result", {f->dl_tensor}), MLC_ERROR_RUNTIME);
  EXPECT_EQ(stats().bytesInUse, 0u);
  EXPECT_EQ(stats().allocations, 2u);
}

TEST_F(CallTest, PoolReuseAcrossCalls) {
  useOwnContext();
  TensorPtr a = makeTensor<float>({1000}, std::vector<float>(1000, 1));
  ASSERT_EQ(call("add", {a->dl_tensor, a->dl_tensor}), MLC_OK) << message;
  void *first = result().data;
  MLCAllocStats s = stats();
  EXPECT_EQ(s.allocations, 1u);
  EXPECT_EQ(s.poolHits, 0u);
  EXPECT_EQ(s.bytesInUse, 4000u);
  results.clear(); // back to the pool
  EXPECT_EQ(stats().bytesInUse, 0u);
  // The second call of a benchmark loop gets the same block back.
  ASSERT_EQ(call("add", {a->dl_tensor, a->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(result().data, first);
  s = stats();
  EXPECT_EQ(s.allocations, 2u);
  EXPECT_EQ(s.poolHits, 1u);
  EXPECT_EQ(s.peakBytesInUse, 4000u);
  // A size of the same class (4000 and 3000 both round to 4096) reuses it
  // too, once it is free; while the first result lives, it cannot.
  TensorPtr b = makeTensor<float>({750}, std::vector<float>(750, 1));
  ASSERT_EQ(mlcContextResetStats(context), MLC_OK);
  std::vector<TensorPtr> kept = std::move(results);
  ASSERT_EQ(call("add", {b->dl_tensor, b->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(stats().poolHits, 0u);
  EXPECT_EQ(stats().peakBytesInUse, 7000u);
  results.clear();
  kept.clear(); // last in, first out: `first` is on top
  ASSERT_EQ(call("add", {b->dl_tensor, b->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(result().data, first);
  EXPECT_EQ(stats().poolHits, 1u);
}

TEST_F(CallTest, IntermediatesAreFreedBeforeTheNextAllocation) {
  useOwnContext();
  TensorPtr x = makeTensor<float>({100}, std::vector<float>(100, 1));
  ASSERT_EQ(call("chain", {x->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()), std::vector<float>(100, 9));
  MLCAllocStats s = stats();
  // Three blocks of 400 bytes, at most two live at once.
  EXPECT_EQ(s.allocations, 3u);
  EXPECT_EQ(s.peakBytesInUse, 800u);
  EXPECT_LT(s.peakBytesInUse, 3 * 400u);
  EXPECT_EQ(s.bytesInUse, 400u); // the result
  // The third allocation reused the first intermediate's block.
  EXPECT_EQ(s.poolHits, 1u);
}

TEST_F(CallTest, LeaksOfCompiledCodeAreReclaimed) {
  useOwnContext();
  TensorPtr x = makeTensor<float>({4}, {1, 2, 3, 4});
  ASSERT_EQ(call("leak", {x->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{-1, -2, -3, -4}));
  EXPECT_EQ(stats().bytesInUse, 16u); // the result only
  EXPECT_EQ(stats().peakBytesInUse, 32u);
  EXPECT_EQ(stats().reclaimed, 1u); // the leaked block
  EXPECT_EQ(call("fail_after_alloc", {x->dl_tensor}), MLC_ERROR_RUNTIME);
  EXPECT_EQ(message, "function 'fail_after_alloc' failed: gave up");
  EXPECT_EQ(stats().bytesInUse, 0u);
  EXPECT_EQ(stats().reclaimed, 3u); // and the failed call's two blocks
}

TEST_F(CallTest, CompactCopiesComeFromThePool) {
  useOwnContext();
  TensorPtr buffer = makeTensor<double>({7}, {100, 1, 2, 3, 4, 5, 6});
  DLTensor view = buffer->dl_tensor;
  int64_t shape[] = {3, 2}, strides[] = {1, 3};
  view.ndim = 2;
  view.shape = shape;
  view.strides = strides;
  view.byte_offset = sizeof(double);
  ASSERT_EQ(call("row_sums", {view}), MLC_OK) << message;
  MLCAllocStats s = stats();
  EXPECT_EQ(s.allocations, 2u); // the copy, then the result
  EXPECT_EQ(s.peakBytesInUse, 48u + 24u);
  EXPECT_EQ(s.bytesInUse, 24u); // the copy went back after the call
}

TEST_F(CallTest, ResultsOutliveTheirContext) {
  useOwnContext();
  TensorPtr x = makeTensor<float>({3}, {1, 2, 3});
  ASSERT_EQ(call("add", {x->dl_tensor, x->dl_tensor}), MLC_OK) << message;
  mlcContextDestroy(context);
  context = nullptr;
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{2, 4, 6}));
  results.clear(); // releases the pool with the last tensor
}

TEST_F(CallTest, CompoundOnlyDims) {
  TensorPtr even = makeTensor<float>({4}, {1, 2, 3, 4});
  ASSERT_EQ(call("halve", {even->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{3, 7}));
  TensorPtr odd = makeTensor<float>({3}, {1, 2, 3});
  EXPECT_EQ(call("halve", {odd->dl_tensor}), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: 3 is not a value of "
                     "'2 * n' for any integer n");
  ASSERT_EQ(call("drop_first", {odd->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{2, 3}));
  TensorPtr one = makeTensor<float>({1}, {5});
  ASSERT_EQ(call("drop_first", {one->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(shapeOf(result()), std::vector<int64_t>{0});
}

TEST_F(CallTest, Bounds) {
  TensorPtr inside = makeTensor<float>({4096}, std::vector<float>(4096, 1));
  ASSERT_EQ(call("bounded", {inside->dl_tensor}), MLC_OK) << message;
  TensorPtr outside = makeTensor<float>({5000}, std::vector<float>(5000, 1));
  EXPECT_EQ(call("bounded", {outside->dl_tensor}), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: 'batch' = 5000 is "
                     "outside its bounds [1, 4096]");
  TensorPtr empty = makeTensor<float>({0}, {});
  EXPECT_EQ(call("bounded", {empty->dl_tensor}), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: 'batch' = 0 is outside "
                     "its bounds [1, 4096]");
}

TEST_F(CallTest, Devices) {
  TensorPtr x = makeTensor<float>({2}, {1, 2});
  ASSERT_EQ(call("on_cpu", {x->dl_tensor}), MLC_OK) << message;
  EXPECT_EQ(elements<float>(result()), (std::vector<float>{-1, -2}));
  EXPECT_EQ(call("on_gpu", {x->dl_tensor}), MLC_ERROR_UNSUPPORTED);
  EXPECT_EQ(message, "function 'on_gpu' runs on device cuda:0, which this "
                     "runtime does not support yet");
  EXPECT_EQ(call("alloc_cuda", {}), MLC_ERROR_RUNTIME);
  EXPECT_EQ(message,
            "function 'alloc_cuda' failed: device cuda:0 is not supported yet");
}

TEST_F(CallTest, BadCalls) {
  TensorPtr x = makeTensor<float>({2}, {1, 2});
  EXPECT_EQ(call("sub", {x->dl_tensor}), MLC_ERROR_NOT_FOUND);
  EXPECT_EQ(message.rfind("module '" MLC_TEST_MODULE
                          "' has no function 'sub' (it has: add, "
                          "concat_self, matmul,",
                          0),
            0u)
      << message;
  EXPECT_EQ(call("add", {x->dl_tensor}), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "function 'add' expects 2 argument(s) but got 1");
  EXPECT_EQ(call("add", {x->dl_tensor, x->dl_tensor}, 2),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "function 'add' returns 1 result(s) but 2 were requested");
  DLTensor onGpu = x->dl_tensor;
  onGpu.device = {kDLCUDA, 0};
  EXPECT_EQ(call("add", {x->dl_tensor, onGpu}), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'b' (#1): expected a CPU tensor but got "
                     "device type 2 id 0");

  DLManagedTensor *out = nullptr;
  EXPECT_EQ(mlcModuleCall(nullptr, "add", nullptr, 0, &out, 1),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(),
               "mlcModuleCall: 'ctx', 'module' or 'name' is NULL");
  EXPECT_EQ(
      mlcModuleCallWithContext(nullptr, module, "add", nullptr, 0, &out, 1),
      MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(),
               "mlcModuleCall: 'ctx', 'module' or 'name' is NULL");
  EXPECT_EQ(mlcModuleCall(module, nullptr, nullptr, 0, &out, 1),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcModuleCall(module, "add", nullptr, 2, &out, 1),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "function 'add': 'args' is NULL");
  DLTensor args[] = {x->dl_tensor, x->dl_tensor};
  EXPECT_EQ(mlcModuleCall(module, "add", args, 2, nullptr, 1),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "mlcModuleCall: 'results' is NULL");
}

TEST_F(CallTest, ConcurrentCalls) {
  useOwnContext(); // one context shared by every thread
  TensorPtr a = makeTensor<float>({1000}, std::vector<float>(1000, 1));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        DLManagedTensor *out = nullptr;
        DLTensor args[] = {a->dl_tensor, a->dl_tensor};
        if (mlcModuleCallWithContext(context, module, "add", args, 2, &out,
                                     1) != MLC_OK ||
            static_cast<float *>(out->dl_tensor.data)[999] != 2)
          ++failures[t];
        // Errors stay with their call even on a shared context.
        DLManagedTensor *none = nullptr;
        if (mlcModuleCallWithContext(context, module, "fail", args, 1, &none,
                                     1) != MLC_ERROR_RUNTIME ||
            std::string(mlcGetLastError()) !=
                "function 'fail' failed: x must be positive")
          ++failures[t];
        if (out)
          out->deleter(out);
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
  MLCAllocStats s = stats();
  EXPECT_EQ(s.allocations, 800u);
  EXPECT_EQ(s.bytesInUse, 0u);
  EXPECT_LE(s.peakBytesInUse, 4 * 4000u);
  EXPECT_GE(s.poolHits, 800u - 4u); // at most one fresh block per thread
}

TEST(ModuleLoadTest, Errors) {
  MLCModule *module = reinterpret_cast<MLCModule *>(1);
  EXPECT_EQ(mlcModuleLoad("/nonexistent/m.so", &module), MLC_ERROR_LOAD);
  EXPECT_EQ(module, nullptr);
  EXPECT_NE(std::string(mlcGetLastError())
                .find("cannot load module '/nonexistent/m.so': "),
            std::string::npos);
  EXPECT_EQ(mlcModuleLoad(MLC_TEST_NO_METADATA_MODULE, &module),
            MLC_ERROR_LOAD);
  EXPECT_STREQ(mlcGetLastError(),
               "module '" MLC_TEST_NO_METADATA_MODULE
               "': no '__mlc_metadata' symbol (not an mlc module?)");
  EXPECT_EQ(mlcModuleLoad(MLC_TEST_BAD_METADATA_MODULE, &module),
            MLC_ERROR_LOAD);
  EXPECT_STREQ(mlcGetLastError(), "module '" MLC_TEST_BAD_METADATA_MODULE
                                  "': metadata line 3: unknown dtype 'f33'");
  EXPECT_EQ(mlcModuleLoad(MLC_TEST_MISSING_ENTRY_MODULE, &module),
            MLC_ERROR_LOAD);
  EXPECT_STREQ(mlcGetLastError(),
               "module '" MLC_TEST_MISSING_ENTRY_MODULE
               "': function 'absent' has no entry point '__mlc_packed_absent'");
  EXPECT_EQ(mlcModuleLoad(MLC_TEST_V1_MODULE, &module), MLC_ERROR_LOAD);
  EXPECT_STREQ(mlcGetLastError(),
               "module '" MLC_TEST_V1_MODULE "': metadata line 1: module ABI "
               "version 1 is no longer supported; recompile");
  EXPECT_EQ(mlcModuleLoad(MLC_TEST_MISSING_IMPORT_MODULE, &module),
            MLC_ERROR_LOAD);
  EXPECT_STREQ(mlcGetLastError(),
               "module '" MLC_TEST_MISSING_IMPORT_MODULE
               "' imports packed function 'nobody.registers.this', which is "
               "not registered (register it or load its library with --load)");
  EXPECT_EQ(mlcModuleLoad(nullptr, &module), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcModuleLoad(MLC_TEST_MODULE, nullptr),
            MLC_ERROR_INVALID_ARGUMENT);
  mlcModuleFree(nullptr); // a no-op
}

TEST(ModuleLoadTest, RelativePathMeansWorkingDirectory) {
  std::string path = MLC_TEST_MODULE;
  std::string dir = path.substr(0, path.rfind('/'));
  std::string file = path.substr(path.rfind('/') + 1);
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  ASSERT_EQ(chdir(dir.c_str()), 0);
  MLCModule *module = nullptr;
  MLCStatus status = mlcModuleLoad(file.c_str(), &module);
  ASSERT_EQ(chdir(cwd), 0);
  ASSERT_EQ(status, MLC_OK) << mlcGetLastError();
  mlcModuleFree(module);
}

TEST(ModuleLoadTest, RuntimeSymbolsFromTheHost) {
  MLCModule *module = nullptr;
  ASSERT_EQ(mlcModuleLoad(MLC_TEST_HOST_MODULE, &module), MLC_OK)
      << mlcGetLastError();
  TensorPtr x = makeTensor<float>({2}, {1, -2});
  DLManagedTensor *out = nullptr;
  ASSERT_EQ(mlcModuleCall(module, "negate", &x->dl_tensor, 1, &out, 1), MLC_OK)
      << mlcGetLastError();
  TensorPtr owned(out);
  EXPECT_EQ(elements<float>(out->dl_tensor), (std::vector<float>{-1, 2}));
  mlcModuleFree(module);
  // Results outlive their module.
  EXPECT_EQ(elements<float>(out->dl_tensor), (std::vector<float>{-1, 2}));
}

TEST(RuntimeTest, LastErrorIsThreadLocal) {
  EXPECT_EQ(mlcGetPackedFunction("main.thread", nullptr, nullptr),
            MLC_ERROR_NOT_FOUND);
  std::string seen;
  std::thread other([&] {
    seen = mlcGetLastError();
    mlcGetPackedFunction("other.thread", nullptr, nullptr);
  });
  other.join();
  EXPECT_EQ(seen, "");
  EXPECT_STREQ(mlcGetLastError(),
               "packed function 'main.thread' is not registered");
}

TEST(RuntimeTest, AllocTensor) {
  int64_t shape[] = {3, 5};
  DLManagedTensor *t = nullptr;
  ASSERT_EQ(mlcAllocTensor({kDLFloat, 64, 1}, 2, shape, &t), MLC_OK);
  TensorPtr owned(t);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(t->dl_tensor.data) % 64, 0u);
  EXPECT_EQ(t->dl_tensor.strides[0], 5);
  EXPECT_EQ(t->dl_tensor.strides[1], 1);
  EXPECT_EQ(elements<double>(t->dl_tensor), std::vector<double>(15, 0.0));
  int64_t negative[] = {-1};
  EXPECT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, 1, negative, &t),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(t, nullptr);
  int64_t huge[] = {INT64_MAX, 4};
  EXPECT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, 2, huge, &t),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcAllocTensor({kDLFloat, 32, 2}, 1, shape, &t),
            MLC_ERROR_UNSUPPORTED);
  EXPECT_EQ(mlcAllocTensor({kDLFloat, 32, 1}, 1, nullptr, &t),
            MLC_ERROR_INVALID_ARGUMENT);
  ASSERT_EQ(mlcAllocTensor({kDLInt, 8, 1}, 0, nullptr, &t), MLC_OK);
  t->deleter(t);
  int64_t empty[] = {0, 7};
  ASSERT_EQ(mlcAllocTensor({kDLInt, 8, 1}, 2, empty, &t), MLC_OK);
  t->deleter(t);
}

TEST(RuntimeTest, AllocationABI) {
  void *p = _mlir_memref_to_llvm_alloc(0);
  EXPECT_NE(p, nullptr);
  _mlir_memref_to_llvm_free(p);
  p = _mlir_memref_to_llvm_aligned_alloc(256, 100);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 256, 0u);
  _mlir_memref_to_llvm_free(p);
  EXPECT_EQ(_mlir_memref_to_llvm_aligned_alloc(48, 100), nullptr);
  _mlir_memref_to_llvm_free(nullptr);
  EXPECT_STREQ(mlcStatusString(MLC_ERROR_SHAPE_MISMATCH),
               "MLC_ERROR_SHAPE_MISMATCH");
}

} // namespace
