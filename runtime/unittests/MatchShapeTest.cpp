//===- MatchShapeTest.cpp - mlcContextMatchShape --------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The shape checks compiled code asks the runtime for (relax.match_cast,
// call_packed results): binding, checking, bounds, and malformed requests.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"

#include "gtest/gtest.h"

#include <string>

namespace {

class MatchShapeTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(mlcContextCreate(&ctx), MLC_OK); }
  void TearDown() override { mlcContextDestroy(ctx); }

  MLCContext *ctx = nullptr;
};

TEST_F(MatchShapeTest, BindsBareAndLinearDims) {
  int64_t dims[] = {3, 6, 8};
  int64_t values[3] = {0, 0, 0};
  const char *spec = "cast\t[m, 2 * m, k + 4]\t\tm,k\t";
  EXPECT_EQ(mlcContextMatchShape(ctx, spec, dims, 3, values), 0);
  EXPECT_EQ(values[0], 3);
  EXPECT_EQ(values[1], 4);
}

TEST_F(MatchShapeTest, ChecksAgainstKnownVariables) {
  int64_t dims[] = {5, 10};
  int64_t values[] = {5};
  EXPECT_EQ(mlcContextMatchShape(ctx, "r\t[n, 2 * n]\tn\t\t", dims, 2, values),
            0);
  dims[1] = 11;
  EXPECT_EQ(mlcContextMatchShape(ctx, "r\t[n, 2 * n]\tn\t\t", dims, 2, values),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "r dimension 1: expected '2 * n' = 10 (n = 5 bound by the "
            "function) but got 11");
}

TEST_F(MatchShapeTest, RejectsNonSolutionsOfLinearDims) {
  int64_t dims[] = {7};
  int64_t values[1] = {0};
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[2 * m]\t\tm\t", dims, 1, values),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "c dimension 0: 7 is not a value of '2 * m' for any integer m");
}

TEST_F(MatchShapeTest, ChecksBoundsOfBoundVariables) {
  int64_t dims[] = {9};
  int64_t values[1] = {0};
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[m]\t\tm\tm 1 8", dims, 1, values),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "c dimension 0: 'm' = 9 is outside its bounds [1, 8]");
  dims[0] = 8;
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[m]\t\tm\tm 1 8", dims, 1, values),
            0);
  EXPECT_EQ(values[0], 8);
}

TEST_F(MatchShapeTest, ChecksRankAndSigns) {
  int64_t dims[] = {2, -1};
  int64_t values[1] = {0};
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[m]\t\tm\t", dims, 2, values),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "c: expected rank 1 but got rank 2 [2, -1]");
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[?, ?]\t\t\t", dims, 2, values),
            MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "c dimension 1: negative extent -1");
}

TEST_F(MatchShapeTest, RejectsMalformedRequests) {
  int64_t dims[] = {2};
  int64_t values[1] = {0};
  EXPECT_EQ(mlcContextMatchShape(ctx, nullptr, dims, 1, values),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "mlcContextMatchShape: 'spec' is NULL");
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[m]", dims, 1, values),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "mlcContextMatchShape: malformed spec 'c\t[m]'");
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[m +]\t\tm\t", dims, 1, values),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[m]\t\tm\tm 9 1", dims, 1, values),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(mlcContextMatchShape(ctx, "c\t[m]\t\tm\t", dims, 1, nullptr),
            MLC_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(std::string(mlcContextGetError(ctx)),
            "mlcContextMatchShape: 'values' is NULL");
  // A variable the shape cannot bind (the compiler never asks this).
  EXPECT_EQ(
      mlcContextMatchShape(ctx, "c\t[m floordiv 2]\t\tm\t", dims, 1, values),
      MLC_ERROR_SHAPE_MISMATCH);
  EXPECT_NE(std::string(mlcContextGetError(ctx)).find("cannot evaluate"),
            std::string::npos);
}

} // namespace
