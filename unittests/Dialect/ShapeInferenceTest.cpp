//===- ShapeInferenceTest.cpp - The shape rules of relax tensor ops -------===//
//
// The free functions of Dialect/Relax/ShapeInference.h, called directly:
// with facts that no lit test can hand them (a prover with bounds), with
// silent and reporting error callbacks, and on the symbolic cases the ops
// rely on.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/ShapeInference.h"

#include "mlc/Dialect/Relax/RelaxOps.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include "gtest/gtest.h"

using namespace mlir;
namespace relax = mlc::relax;
namespace sym = mlc::sym;

namespace {
class ShapeInferenceTest : public ::testing::Test {
protected:
  ShapeInferenceTest() { context.loadDialect<relax::RelaxDialect>(); }

  /// Parses `!relax.tensor<...>` from the text between the angle brackets.
  relax::TensorType tensor(StringRef body) {
    auto type = dyn_cast_or_null<relax::TensorType>(
        parseType(("!relax.tensor<" + body + ">").str(), &context));
    EXPECT_TRUE(type) << "cannot parse tensor<" << body.str() << ">";
    return type;
  }

  /// Symbolic expressions in the printed syntax, for reshape targets.
  SmallVector<sym::Expr> exprs(ArrayRef<StringRef> texts) {
    sym::Context &ctx = relax::RelaxDialect::getSymContext(&context);
    SmallVector<sym::Expr> result;
    for (StringRef text : texts) {
      FailureOr<sym::Expr> expr = sym::parseExpr(ctx, text);
      EXPECT_TRUE(succeeded(expr)) << text.str();
      result.push_back(succeeded(expr) ? *expr : sym::Expr());
    }
    return result;
  }

  /// Calls `infer` with a callback that records the error it reports.
  template <typename Fn>
  FailureOr<relax::TensorType> inferWithMessage(Fn infer) {
    message.clear();
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      message = diag.str();
      return success();
    });
    Location loc = UnknownLoc::get(&context);
    auto emitError = [&] { return mlir::emitError(loc); };
    return infer(relax::EmitErrorFn(emitError));
  }

  MLIRContext context;
  sym::Analyzer noFacts;
  std::string message;
};
} // namespace

/// Expects success and the type that `expected` names.
#define EXPECT_INFERS(result, expected)                                        \
  do {                                                                         \
    FailureOr<relax::TensorType> inferred = (result);                          \
    ASSERT_TRUE(succeeded(inferred));                                          \
    EXPECT_EQ(*inferred, tensor(expected));                                    \
  } while (false)

//===----------------------------------------------------------------------===//
// Broadcasting
//===----------------------------------------------------------------------===//

TEST_F(ShapeInferenceTest, BroadcastAlignsTrailingDims) {
  EXPECT_INFERS(relax::inferBroadcastShape(tensor("[n, 4], f32"),
                                           tensor("[4], f32"), noFacts),
                "[n, 4], f32");
}

TEST_F(ShapeInferenceTest, BroadcastOnesGiveTheOtherSide) {
  EXPECT_INFERS(relax::inferBroadcastShape(tensor("[1, m], f32"),
                                           tensor("[n, 1], f32"), noFacts),
                "[n, m], f32");
}

TEST_F(ShapeInferenceTest, BroadcastUnrelatedSymbolsIsUnknown) {
  EXPECT_INFERS(relax::inferBroadcastShape(tensor("[n], f32"),
                                           tensor("[m], f32"), noFacts),
                "[?], f32");
}

TEST_F(ShapeInferenceTest, BroadcastEqualExpressions) {
  // Canonical forms make `n + n` and `2 * n` the same expression.
  EXPECT_INFERS(relax::inferBroadcastShape(tensor("[b, n + n], f16"),
                                           tensor("[2 * n], f16"), noFacts),
                "[b, 2 * n], f16");
}

TEST_F(ShapeInferenceTest, BroadcastUnknownDims) {
  // TVM's rule: `4` with `?` is unknown, although a valid program can only
  // give 4 there.
  EXPECT_INFERS(relax::inferBroadcastShape(tensor("[?, 4], f32"),
                                           tensor("[1, ?], f32"), noFacts),
                "[?, ?], f32");
}

TEST_F(ShapeInferenceTest, BroadcastUnknownRank) {
  EXPECT_INFERS(
      relax::inferBroadcastShape(tensor("*, i32"), tensor("[4], i32"), noFacts),
      "*, i32");
}

TEST_F(ShapeInferenceTest, BroadcastConstantMismatch) {
  FailureOr<relax::TensorType> result =
      inferWithMessage([&](relax::EmitErrorFn fn) {
        return relax::inferBroadcastShape(tensor("[n, 3], f32"),
                                          tensor("[4], f32"), noFacts, fn);
      });
  EXPECT_TRUE(failed(result));
  EXPECT_EQ(message, "operand shapes [n, 3] and [4] do not broadcast: "
                     "dimension 1 of the lhs is 3 and dimension 0 of the rhs "
                     "is 4, which provably differ and are not 1");
}

TEST_F(ShapeInferenceTest, BroadcastSymbolicMismatchNeedsFacts) {
  relax::TensorType lhs = tensor("[n], f32"), rhs = tensor("[n + 1], f32");
  // Unbounded, n = 0 makes the rhs 1: broadcastable, the dim unknown.
  EXPECT_INFERS(relax::inferBroadcastShape(lhs, rhs, noFacts), "[?], f32");
  sym::Analyzer facts;
  facts.setBounds("n", 2, 64);
  EXPECT_TRUE(failed(relax::inferBroadcastShape(lhs, rhs, facts)));
}

TEST_F(ShapeInferenceTest, BroadcastFactsProveOne) {
  sym::Analyzer facts;
  facts.setBounds("n", 1, 1);
  EXPECT_INFERS(
      relax::inferBroadcastShape(tensor("[n], f32"), tensor("[m], f32"), facts),
      "[m], f32");
}

TEST_F(ShapeInferenceTest, BroadcastDtypeMismatch) {
  FailureOr<relax::TensorType> result =
      inferWithMessage([&](relax::EmitErrorFn fn) {
        return relax::inferBroadcastShape(tensor("[4], f32"),
                                          tensor("[4], f16"), noFacts, fn);
      });
  EXPECT_TRUE(failed(result));
  EXPECT_NE(message.find("same element type"), std::string::npos) << message;
}

TEST_F(ShapeInferenceTest, BroadcastDimsDirectly) {
  FailureOr<SmallVector<sym::Expr>> dims = relax::inferBroadcastDims(
      exprs({"b", "1", "n"}), exprs({"m", "1"}), noFacts, "shapes");
  ASSERT_TRUE(succeeded(dims));
  EXPECT_EQ(*dims, exprs({"b", "m", "n"}));
}

//===----------------------------------------------------------------------===//
// Matmul
//===----------------------------------------------------------------------===//

TEST_F(ShapeInferenceTest, MatmulBatchedTimesMatrix) {
  EXPECT_INFERS(relax::inferMatmulShape(tensor("[b, n, k], f32"),
                                        tensor("[k, m], f32"), noFacts),
                "[b, n, m], f32");
}

TEST_F(ShapeInferenceTest, MatmulVectorPromotion) {
  EXPECT_INFERS(relax::inferMatmulShape(tensor("[k], f32"),
                                        tensor("[k, m], f32"), noFacts),
                "[m], f32");
  EXPECT_INFERS(relax::inferMatmulShape(tensor("[n, k], f32"),
                                        tensor("[k], f32"), noFacts),
                "[n], f32");
  EXPECT_INFERS(
      relax::inferMatmulShape(tensor("[k], f32"), tensor("[k], f32"), noFacts),
      "[], f32");
}

TEST_F(ShapeInferenceTest, MatmulBroadcastsBatchDims) {
  EXPECT_INFERS(relax::inferMatmulShape(tensor("[b, 1, n, k], f16"),
                                        tensor("[h, k, m], f16"), noFacts),
                "[b, h, n, m], f16");
}

TEST_F(ShapeInferenceTest, MatmulContractionMismatch) {
  FailureOr<relax::TensorType> result =
      inferWithMessage([&](relax::EmitErrorFn fn) {
        return relax::inferMatmulShape(tensor("[n, k], f32"),
                                       tensor("[k + 1, m], f32"), noFacts, fn);
      });
  EXPECT_TRUE(failed(result));
  EXPECT_NE(message.find("contracts k and the rhs"), std::string::npos)
      << message;
  EXPECT_NE(message.find("contracts k + 1"), std::string::npos) << message;
}

TEST_F(ShapeInferenceTest, MatmulUndecidedContractionIsAssumedEqual) {
  EXPECT_INFERS(relax::inferMatmulShape(tensor("[n, k], f32"),
                                        tensor("[j, m], f32"), noFacts),
                "[n, m], f32");
}

TEST_F(ShapeInferenceTest, MatmulRejectsScalars) {
  EXPECT_TRUE(failed(
      relax::inferMatmulShape(tensor("[], f32"), tensor("[4], f32"), noFacts)));
}

TEST_F(ShapeInferenceTest, MatmulUnknownRank) {
  EXPECT_INFERS(
      relax::inferMatmulShape(tensor("*, f32"), tensor("[k, m], f32"), noFacts),
      "*, f32");
}

//===----------------------------------------------------------------------===//
// Permute dims
//===----------------------------------------------------------------------===//

TEST_F(ShapeInferenceTest, PermuteDimsDefaultReverses) {
  EXPECT_INFERS(
      relax::inferPermuteDimsShape(tensor("[b, n, 4], f32"), std::nullopt),
      "[4, n, b], f32");
}

TEST_F(ShapeInferenceTest, PermuteDimsNegativeAxes) {
  SmallVector<int64_t> axes = {0, -1, 1};
  EXPECT_INFERS(relax::inferPermuteDimsShape(tensor("[b, n, k], f32"),
                                             ArrayRef<int64_t>(axes)),
                "[b, k, n], f32");
}

TEST_F(ShapeInferenceTest, PermuteDimsRejectsBadAxes) {
  relax::TensorType input = tensor("[b, n, k], f32");
  SmallVector<int64_t> duplicate = {0, 2, -1};
  FailureOr<relax::TensorType> result =
      inferWithMessage([&](relax::EmitErrorFn fn) {
        return relax::inferPermuteDimsShape(input, ArrayRef<int64_t>(duplicate),
                                            fn);
      });
  EXPECT_TRUE(failed(result));
  EXPECT_EQ(message, "axes [0, 2, -1] name dimension 2 more than once");
  SmallVector<int64_t> tooFew = {1, 0};
  EXPECT_TRUE(
      failed(relax::inferPermuteDimsShape(input, ArrayRef<int64_t>(tooFew))));
  SmallVector<int64_t> outOfRange = {0, 1, 3};
  EXPECT_TRUE(failed(
      relax::inferPermuteDimsShape(input, ArrayRef<int64_t>(outOfRange))));
}

TEST_F(ShapeInferenceTest, PermuteDimsUnknownRankWithAxes) {
  SmallVector<int64_t> axes = {1, 0};
  EXPECT_INFERS(
      relax::inferPermuteDimsShape(tensor("*, f32"), ArrayRef<int64_t>(axes)),
      "[?, ?], f32");
}

//===----------------------------------------------------------------------===//
// Reshape
//===----------------------------------------------------------------------===//

TEST_F(ShapeInferenceTest, ReshapeInfersMinusOne) {
  EXPECT_INFERS(relax::inferReshapeShape(tensor("[n, 4, 8], f32"),
                                         exprs({"-1", "32"}), noFacts),
                "[n, 32], f32");
}

TEST_F(ShapeInferenceTest, ReshapeInfersSymbolicQuotient) {
  EXPECT_INFERS(relax::inferReshapeShape(tensor("[2 * n, 6], f32"),
                                         exprs({"-1", "3"}), noFacts),
                "[4 * n, 3], f32");
}

TEST_F(ShapeInferenceTest, ReshapeWithoutMinusOne) {
  EXPECT_INFERS(relax::inferReshapeShape(tensor("[n, 4], f32"),
                                         exprs({"n", "2", "2"}), noFacts),
                "[n, 2, 2], f32");
}

TEST_F(ShapeInferenceTest, ReshapeUnknownCountKeepsMinusOneUnknown) {
  EXPECT_INFERS(relax::inferReshapeShape(tensor("[?, 4], f32"),
                                         exprs({"-1", "2"}), noFacts),
                "[?, 2], f32");
  EXPECT_INFERS(
      relax::inferReshapeShape(tensor("*, f32"), exprs({"n", "-1"}), noFacts),
      "[n, ?], f32");
}

TEST_F(ShapeInferenceTest, ReshapeRejectsTwoMinusOnes) {
  FailureOr<relax::TensorType> result =
      inferWithMessage([&](relax::EmitErrorFn fn) {
        return relax::inferReshapeShape(tensor("[n, 4], f32"),
                                        exprs({"-1", "-1"}), noFacts, fn);
      });
  EXPECT_TRUE(failed(result));
  EXPECT_EQ(message, "the target shape [-1, -1] has more than one -1; at most "
                     "one dimension can be inferred");
}

TEST_F(ShapeInferenceTest, ReshapeRejectsProvablyDifferentCounts) {
  FailureOr<relax::TensorType> result =
      inferWithMessage([&](relax::EmitErrorFn fn) {
        return relax::inferReshapeShape(tensor("[n, 4], f32"),
                                        exprs({"n + 1", "4"}), noFacts, fn);
      });
  EXPECT_TRUE(failed(result));
  EXPECT_NE(message.find("(4 * n elements) to [n + 1, 4] (4 * n + 4 "
                         "elements)"),
            std::string::npos)
      << message;
}

TEST_F(ShapeInferenceTest, ReshapeCountsNeedFactsToDiffer) {
  // 4 * n against 2 * n is equal for n = 0 only; bounds exclude that.
  relax::TensorType input = tensor("[n, 4], f32");
  SmallVector<sym::Expr> target = exprs({"n", "2"});
  EXPECT_INFERS(relax::inferReshapeShape(input, target, noFacts),
                "[n, 2], f32");
  sym::Analyzer facts;
  facts.setBounds("n", 1, 4096);
  EXPECT_TRUE(failed(relax::inferReshapeShape(input, target, facts)));
}

TEST_F(ShapeInferenceTest, ReshapeRejectsUnevenMinusOne) {
  EXPECT_TRUE(failed(relax::inferReshapeShape(tensor("[6], f32"),
                                              exprs({"-1", "4"}), noFacts)));
  EXPECT_TRUE(failed(relax::inferReshapeShape(tensor("[6], f32"),
                                              exprs({"-1", "0"}), noFacts)));
  EXPECT_TRUE(failed(relax::inferReshapeShape(tensor("[6], f32"),
                                              exprs({"-2", "-3"}), noFacts)));
}

//===----------------------------------------------------------------------===//
// Reductions and axis ops
//===----------------------------------------------------------------------===//

TEST_F(ShapeInferenceTest, ReductionDropsOrKeepsAxes) {
  relax::TensorType input = tensor("[b, n, 4], f32");
  SmallVector<int64_t> axes = {1, -1};
  EXPECT_INFERS(relax::inferReductionShape(input, ArrayRef<int64_t>(axes),
                                           /*keepDims=*/false),
                "[b], f32");
  EXPECT_INFERS(relax::inferReductionShape(input, ArrayRef<int64_t>(axes),
                                           /*keepDims=*/true),
                "[b, 1, 1], f32");
}

TEST_F(ShapeInferenceTest, ReductionOverEverything) {
  relax::TensorType input = tensor("[n, 4], f32");
  EXPECT_INFERS(relax::inferReductionShape(input, std::nullopt, false),
                "[], f32");
  EXPECT_INFERS(relax::inferReductionShape(input, std::nullopt, true),
                "[1, 1], f32");
  EXPECT_INFERS(
      relax::inferReductionShape(tensor("*, f32"), std::nullopt, false),
      "[], f32");
  SmallVector<int64_t> axes = {0};
  EXPECT_INFERS(relax::inferReductionShape(tensor("*, f32"),
                                           ArrayRef<int64_t>(axes), false),
                "*, f32");
}

TEST_F(ShapeInferenceTest, ReductionAxisOutOfRange) {
  SmallVector<int64_t> axes = {2};
  FailureOr<relax::TensorType> result =
      inferWithMessage([&](relax::EmitErrorFn fn) {
        return relax::inferReductionShape(tensor("[n, 4], f32"),
                                          ArrayRef<int64_t>(axes), false, fn);
      });
  EXPECT_TRUE(failed(result));
  EXPECT_EQ(message, "axis 2 is out of range for a tensor of rank 2; expected "
                     "an axis in [-2, 2)");
}

TEST_F(ShapeInferenceTest, SoftmaxChecksAxis) {
  relax::TensorType input = tensor("[b, n], f32");
  EXPECT_INFERS(relax::inferSoftmaxShape(input, -1), "[b, n], f32");
  EXPECT_TRUE(failed(relax::inferSoftmaxShape(input, -3)));
  EXPECT_INFERS(relax::inferSoftmaxShape(tensor("*, f32"), 7), "*, f32");
}

TEST_F(ShapeInferenceTest, NormalizeAxes) {
  FailureOr<SmallVector<int64_t>> axes = relax::normalizeAxes({-1, 0, -2}, 3);
  ASSERT_TRUE(succeeded(axes));
  EXPECT_EQ(*axes, (SmallVector<int64_t>{2, 0, 1}));
  EXPECT_TRUE(failed(relax::normalizeAxes({0, -3}, 3)));
  EXPECT_TRUE(failed(relax::normalizeAxis(0, 0)));
}

//===----------------------------------------------------------------------===//
// Through the ops
//===----------------------------------------------------------------------===//

TEST_F(ShapeInferenceTest, BuilderInfersTheResultType) {
  // OpTy::create runs the same rule as the parser.
  OpBuilder builder(&context);
  Location loc = builder.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  builder.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(
      builder, loc, "f",
      builder.getFunctionType({tensor("[b, n, k], f32"), tensor("[k, m], f32")},
                              {}));
  func->setAttr(relax::RelaxDialect::kFunctionAttrName, builder.getUnitAttr());
  builder.setInsertionPointToEnd(func.addEntryBlock());
  Value product = relax::MatmulOp::create(builder, loc, func.getArgument(0),
                                          func.getArgument(1));
  EXPECT_EQ(product.getType(), tensor("[b, n, m], f32"));
  Value sum = relax::SumOp::create(builder, loc, product,
                                   builder.getDenseI64ArrayAttr({-1}),
                                   /*keepdims=*/true);
  EXPECT_EQ(sum.getType(), tensor("[b, n, 1], f32"));
  func::ReturnOp::create(builder, loc);
  EXPECT_TRUE(succeeded(verify(*module)));
}
