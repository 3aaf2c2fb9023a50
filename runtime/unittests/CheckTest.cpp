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
    ASSERT_TRUE(parseMetadata("mlc-module 1\n" + body, spec, error)) << error;
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

} // namespace
