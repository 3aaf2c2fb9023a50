//===- CheckTest.cpp - Boundary checks without a module -------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// checkArguments/checkResults against parsed metadata and hand-made
// DLTensors: the order of checks, the status codes and the exact messages.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Check.h"

#include "gtest/gtest.h"

using namespace mlc::rt;

namespace {

/// A DLTensor over a static buffer, enough for checks that never read data.
struct FakeTensor {
  std::vector<int64_t> shape;
  DLTensor t{};
  alignas(64) static inline char buffer[64];

  FakeTensor(std::vector<int64_t> dims, DLDataType dtype = {kDLFloat, 32, 1})
      : shape(std::move(dims)) {
    t.data = buffer;
    t.device = {kDLCPU, 0};
    t.ndim = static_cast<int32_t>(shape.size());
    t.dtype = dtype;
    t.shape = shape.data();
  }
  // Copies must point at their own shape.
  FakeTensor(const FakeTensor &other) : shape(other.shape), t(other.t) {
    t.shape = shape.data();
  }
  FakeTensor &operator=(const FakeTensor &other) {
    shape = other.shape;
    t = other.t;
    t.shape = shape.data();
    return *this;
  }
};

class CheckTest : public ::testing::Test {
protected:
  void load(const std::string &body) {
    std::string error;
    ASSERT_TRUE(parseMetadata("mlc-module 2\n" + body, spec, error)) << error;
  }

  /// Checks the arguments of the first function; returns the status and
  /// leaves the message in `message`.
  MLCStatus check(std::vector<FakeTensor> &args) {
    std::vector<DLTensor> tensors;
    for (FakeTensor &arg : args)
      tensors.push_back(arg.t);
    bindings = Bindings();
    MLCStatus status =
        checkArguments(spec.functions[0], tensors.data(),
                       static_cast<int32_t>(tensors.size()), bindings);
    message = mlcGetLastError();
    return status;
  }

  ModuleSpec spec;
  Bindings bindings;
  std::string message;
};

TEST_F(CheckTest, Accepts) {
  load("func mlp\narg x f32 [batch, n]\narg w1 f32 [n, 128]\n");
  std::vector<FakeTensor> args = {FakeTensor({2, 784}), FakeTensor({784, 128})};
  EXPECT_EQ(check(args), MLC_OK);
  EXPECT_EQ(bindings.values.at("batch"), 2);
  EXPECT_EQ(bindings.values.at("n"), 784);
  EXPECT_EQ(bindings.sources.at("n"), "argument 'x' dimension 1");
  EXPECT_EQ(bindings.labels.at("n"), "argument 'x' (#0) dimension 1");
}

TEST_F(CheckTest, ViolatedRelationNamesEverything) {
  load("func mlp\narg x f32 [batch, n]\narg w1 f32 [n, 128]\n");
  std::vector<FakeTensor> args = {FakeTensor({2, 784}), FakeTensor({783, 128})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'w1' (#1) dimension 0: expected 'n' = 784 "
                     "(bound by argument 'x' dimension 1) but got 783");
}

TEST_F(CheckTest, ConstantAndCompoundDims) {
  load("func f\narg x f32 [n, 784]\narg y f32 [2 * n + m, m]\n");
  std::vector<FakeTensor> args = {FakeTensor({5, 783}), FakeTensor({13, 3})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 1: expected 784 but got 783");
  args = {FakeTensor({5, 784}), FakeTensor({14, 3})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'y' (#1) dimension 0: expected '2 * n + m' = "
                     "13 (n = 5 bound by argument 'x' dimension 0, m = 3 "
                     "bound by argument 'y' dimension 1) but got 14");
  args = {FakeTensor({5, 784}), FakeTensor({13, 3})};
  EXPECT_EQ(check(args), MLC_OK);
}

TEST_F(CheckTest, RepeatedBareVariable) {
  load("func f\narg x f32 [n, n]\n");
  std::vector<FakeTensor> args = {FakeTensor({3, 4})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 1: expected 'n' = 3 (bound "
                     "by argument 'x' dimension 0) but got 4");
}

TEST_F(CheckTest, EvaluationFailure) {
  load("func f\narg a f32 [m]\narg b f32 [n]\narg c f32 [m floordiv n]\n");
  std::vector<FakeTensor> args = {FakeTensor({4}), FakeTensor({0}),
                                  FakeTensor({1})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'c' (#2) dimension 0: cannot evaluate 'm "
                     "floordiv n': division by zero (m = 4 bound by argument "
                     "'a' dimension 0, n = 0 bound by argument 'b' dimension "
                     "0)");
}

TEST_F(CheckTest, UnknownDimsAndRank) {
  load("func f\narg x f32 [?, 3]\narg y f32 *\n");
  std::vector<FakeTensor> args = {FakeTensor({17, 3}), FakeTensor({1, 2, 3})};
  EXPECT_EQ(check(args), MLC_OK);
  args = {FakeTensor({17, 3}), FakeTensor({})};
  EXPECT_EQ(check(args), MLC_OK);
}

TEST_F(CheckTest, WrongRank) {
  load("func mlp\narg x f32 [batch, 784]\n");
  std::vector<FakeTensor> args = {FakeTensor({784})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0): expected rank 2 (f32[batch, 784]) "
                     "but got rank 1 [784]");
  load("func s\narg x f32 []\n");
  args = {FakeTensor({1})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message,
            "argument 'x' (#0): expected rank 0 (f32[]) but got rank 1 [1]");
}

TEST_F(CheckTest, WrongDType) {
  load("func f\narg x f32 [n]\narg flags i1 [n]\n");
  std::vector<FakeTensor> args = {FakeTensor({4}, {kDLInt, 32, 1}),
                                  FakeTensor({4}, {kDLUInt, 1, 1})};
  EXPECT_EQ(check(args), MLC_ERROR_TYPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0): expected dtype f32 but got i32");
  args = {FakeTensor({4}, {kDLFloat, 32, 4}), FakeTensor({4})};
  EXPECT_EQ(check(args), MLC_ERROR_TYPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0): expected dtype f32 but got (code 2, "
                     "bits 32, lanes 4)");
  // DLPack 0.8's kDLBool is accepted for i1.
  args = {FakeTensor({4}), FakeTensor({4}, {6, 8, 1})};
  EXPECT_EQ(check(args), MLC_OK);
}

TEST_F(CheckTest, ChecksRunInOrder) {
  // Device, then dtype, then rank, argument by argument; dims last.
  load("func f\narg x f32 [n]\narg y f32 [n, 2]\n");
  std::vector<FakeTensor> args = {FakeTensor({3}), FakeTensor({3})};
  args[0].t.device = {kDLCUDA, 1};
  args[1].t.dtype = {kDLInt, 8, 1};
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0): expected a CPU tensor but got "
                     "device type 2 id 1");
  args[0].t.device = {kDLCPU, 0};
  EXPECT_EQ(check(args), MLC_ERROR_TYPE_MISMATCH);
  args[1].t.dtype = {kDLFloat, 32, 1};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'y' (#1): expected rank 2 (f32[n, 2]) but got "
                     "rank 1 [3]");
}

TEST_F(CheckTest, MalformedTensors) {
  load("func f\narg x f32 [n]\n");
  std::vector<FakeTensor> args = {FakeTensor({3})};
  args[0].t.shape = nullptr;
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0): invalid ndim 1 or NULL shape");
  args = {FakeTensor({-3})};
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: negative extent -3");
  args = {FakeTensor({3})};
  args[0].t.data = nullptr;
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0): data is NULL");
  args = {FakeTensor({0})};
  args[0].t.data = nullptr; // fine for an empty tensor
  EXPECT_EQ(check(args), MLC_OK);
  args = {FakeTensor({3})};
  args[0].t.byte_offset = 2;
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0): data + byte_offset is not aligned "
                     "to 4 bytes");
  // 2^62 * 4 wraps to 0 in int64: an overflow, not an empty tensor.
  load("func f\narg x f32 [?, ?]\n");
  args = {FakeTensor({int64_t(1) << 62, 4})};
  args[0].t.data = nullptr;
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0): the size of shape "
                     "[4611686018427387904, 4] overflows");
  args = {FakeTensor({int64_t(1) << 62, 0})};
  args[0].t.data = nullptr;
  EXPECT_EQ(check(args), MLC_OK) << message;
}

TEST_F(CheckTest, ArgumentCount) {
  load("func add\narg a f32 [n]\narg b f32 [n]\n");
  std::vector<FakeTensor> args = {FakeTensor({3})};
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "function 'add' expects 2 argument(s) but got 1");
  Bindings fresh;
  EXPECT_EQ(checkArguments(spec.functions[0], nullptr, 2, fresh),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(mlcGetLastError(), "function 'add': 'args' is NULL");
  // With parameter arguments, both counts a call accepts are named.
  load("func f\narg x f32 [n]\narg w f32 [n] param w\n");
  args = {FakeTensor({3}), FakeTensor({3}), FakeTensor({3})};
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "function 'f' expects 2 argument(s), or 1 with its 1 "
                     "parameter(s) taken from the context, but got 3");
  args = {FakeTensor({3}), FakeTensor({3})};
  EXPECT_EQ(check(args), MLC_OK) << message;
}

TEST_F(CheckTest, Results) {
  load("func f\narg x f32 [n]\nret f32 [2 * n]\nret f32 [k]\nret f32 [k + "
       "1]\n");
  std::vector<FakeTensor> args = {FakeTensor({4})};
  ASSERT_EQ(check(args), MLC_OK);
  int64_t r0[] = {8}, r1[] = {5}, r2[] = {6}, bad[] = {7};
  ResultShape good[] = {{1, r0}, {1, r1}, {1, r2}};
  Bindings copy = bindings;
  EXPECT_EQ(checkResults(spec.functions[0], good, copy), MLC_OK);
  EXPECT_EQ(copy.sources.at("k"), "result #1 dimension 0");
  ResultShape wrong[] = {{1, r0}, {1, r1}, {1, bad}};
  copy = bindings;
  EXPECT_EQ(checkResults(spec.functions[0], wrong, copy), MLC_ERROR_RUNTIME);
  EXPECT_STREQ(mlcGetLastError(),
               "result #2 dimension 0: expected 'k + 1' = 6 (k = 5 bound by "
               "result #1 dimension 0) but got 7 (the compiled function 'f' "
               "broke its signature)");
  ResultShape rank[] = {{2, r0}, {1, r1}, {1, r2}};
  copy = bindings;
  EXPECT_EQ(checkResults(spec.functions[0], rank, copy), MLC_ERROR_RUNTIME);
}

TEST_F(CheckTest, CompoundOnlyDimsBind) {
  load("func f\narg x f32 [2 * n]\narg y f32 [n + 1, 4 * (m - 1)]\n"
       "arg z f32 [m + n]\n");
  std::vector<FakeTensor> args = {FakeTensor({6}), FakeTensor({4, 8}),
                                  FakeTensor({6})};
  EXPECT_EQ(check(args), MLC_OK) << message;
  EXPECT_EQ(bindings.values.at("n"), 3);
  EXPECT_EQ(bindings.values.at("m"), 3);
  EXPECT_EQ(bindings.sources.at("m"), "argument 'y' dimension 1");
  // Odd: no integer n.
  args[0] = FakeTensor({7});
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: 7 is not a value of "
                     "'2 * n' for any integer n");
  args[0] = FakeTensor({6});
  args[1] = FakeTensor({4, 9});
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'y' (#1) dimension 1: 9 is not a value of "
                     "'4 * (m - 1)' for any integer m");
  // Bound by the linear dim, then checked like any other dim.
  args[1] = FakeTensor({5, 8});
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'y' (#1) dimension 0: expected 'n + 1' = 4 "
                     "(n = 3 bound by argument 'x' dimension 0) but got 5");
  args[1] = FakeTensor({4, 8});
  args[2] = FakeTensor({7});
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'z' (#2) dimension 0: expected 'm + n' = 6 (m "
                     "= 3 bound by argument 'y' dimension 1, n = 3 bound by "
                     "argument 'x' dimension 0) but got 7");
}

TEST_F(CheckTest, BareDimsBindBeforeLinearOnes) {
  load("func f\narg x f32 [n + 1]\narg y f32 [n]\n");
  std::vector<FakeTensor> args = {FakeTensor({5}), FakeTensor({4})};
  EXPECT_EQ(check(args), MLC_OK) << message;
  EXPECT_EQ(bindings.sources.at("n"), "argument 'y' dimension 0");
  args = {FakeTensor({5}), FakeTensor({3})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: expected 'n + 1' = 4 "
                     "(n = 3 bound by argument 'y' dimension 0) but got 5");
}

TEST_F(CheckTest, Bounds) {
  load("func mlp\nbound batch 1 4096\nbound n 2 2\n"
       "arg x f32 [batch, 2 * n]\n");
  std::vector<FakeTensor> args = {FakeTensor({4096, 4})};
  EXPECT_EQ(check(args), MLC_OK) << message;
  args = {FakeTensor({1, 4})};
  EXPECT_EQ(check(args), MLC_OK) << message;
  args = {FakeTensor({5000, 4})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: 'batch' = 5000 is "
                     "outside its bounds [1, 4096]");
  args = {FakeTensor({0, 4})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 0: 'batch' = 0 is outside "
                     "its bounds [1, 4096]");
  // Bounds apply to variables bound by linear dims too.
  args = {FakeTensor({8, 6})};
  EXPECT_EQ(check(args), MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(message, "argument 'x' (#0) dimension 1: 'n' = 3 is outside its "
                     "bounds [2, 2]");
}

TEST_F(CheckTest, DeviceOfTheFunction) {
  load("func f\ndevice cpu 0\narg x f32 [n]\n");
  std::vector<FakeTensor> args = {FakeTensor({3})};
  args[0].t.device = {kDLCUDAHost, 0}; // pinned host memory is CPU memory
  EXPECT_EQ(check(args), MLC_OK) << message;
  args[0].t.device = {kDLVulkan, 0};
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0): expected a CPU tensor but got "
                     "device type 7 id 0");
  // checkArguments itself serves any device (the call refuses non-CPU ones).
  load("func g\ndevice cuda 1\narg x f32 [n]\n");
  args[0].t.device = {kDLCUDA, 1};
  EXPECT_EQ(check(args), MLC_OK) << message;
  args[0].t.device = {kDLCUDA, 0};
  EXPECT_EQ(check(args), MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(message, "argument 'x' (#0): expected a tensor on cuda:1 but got "
                     "device type 2 id 0");
  EXPECT_TRUE(deviceAccepts({kDLCPU, 0}, {kDLCPU, 3}));
  EXPECT_FALSE(deviceAccepts({kDLCUDA, 0}, {kDLCPU, 0}));
}

TEST_F(CheckTest, ResultsBindThroughLinearDimsAndBounds) {
  load("func f\nbound k 0 10\narg x f32 [n]\nret f32 [2 * k]\n"
       "ret f32 [k]\n");
  std::vector<FakeTensor> args = {FakeTensor({4})};
  ASSERT_EQ(check(args), MLC_OK);
  int64_t r0[] = {8}, r1[] = {4}, odd[] = {7}, big[] = {22}, r1big[] = {11};
  ResultShape good[] = {{1, r0}, {1, r1}};
  Bindings copy = bindings;
  EXPECT_EQ(checkResults(spec.functions[0], good, copy), MLC_OK)
      << mlcGetLastError();
  // Bare dims bind first: k comes from result #1.
  EXPECT_EQ(copy.sources.at("k"), "result #1 dimension 0");
  ResultShape bad[] = {{1, odd}, {1, r1}};
  copy = bindings;
  EXPECT_EQ(checkResults(spec.functions[0], bad, copy), MLC_ERROR_RUNTIME);
  EXPECT_STREQ(mlcGetLastError(),
               "result #0 dimension 0: expected '2 * k' = 8 (k = 4 bound by "
               "result #1 dimension 0) but got 7 (the compiled function 'f' "
               "broke its signature)");
  ResultShape outside[] = {{1, big}, {1, r1big}};
  copy = bindings;
  EXPECT_EQ(checkResults(spec.functions[0], outside, copy), MLC_ERROR_RUNTIME);
  EXPECT_STREQ(mlcGetLastError(),
               "result #1 dimension 0: 'k' = 11 is outside its bounds [0, "
               "10] (the compiled function 'f' broke its signature)");
  load("func g\nret f32 [2 * k]\n");
  copy = Bindings();
  ResultShape oddOnly[] = {{1, odd}};
  EXPECT_EQ(checkResults(spec.functions[0], oddOnly, copy), MLC_ERROR_RUNTIME);
  EXPECT_STREQ(mlcGetLastError(),
               "result #0 dimension 0: 7 is not a value of '2 * k' for any "
               "integer k (the compiled function 'g' broke its signature)");
}

} // namespace
