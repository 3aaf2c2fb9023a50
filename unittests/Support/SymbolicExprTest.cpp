//===- SymbolicExprTest.cpp - Symbolic expression construction tests ------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Canonical form, division semantics, overflow handling, substitution and
// evaluation of `mlc::sym::Expr`.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Expr.h"

#include "llvm/ADT/DenseMap.h"
#include "gtest/gtest.h"

#include <cmath>
#include <memory>
#include <thread>

using namespace mlc::sym;

namespace mlc::sym {
/// Lets GoogleTest print expressions in failure messages.
static void PrintTo(Expr e, std::ostream *os) { *os << e.str(); }
} // namespace mlc::sym

namespace {

class SymbolicExprTest : public ::testing::Test {
protected:
  Expr c(int64_t value) { return ctx.constant(value); }
  Expr fd(Expr a, Expr b) { return *floorDiv(a, b); }
  Expr cd(Expr a, Expr b) { return *ceilDiv(a, b); }
  Expr md(Expr a, Expr b) { return *mod(a, b); }
  Expr fd(Expr a, int64_t b) { return fd(a, c(b)); }
  Expr cd(Expr a, int64_t b) { return cd(a, c(b)); }
  Expr md(Expr a, int64_t b) { return md(a, c(b)); }

  /// Evaluates with n and m bound, expecting success.
  int64_t eval(Expr e, int64_t nValue, int64_t mValue) {
    llvm::StringMap<int64_t> bindings{{"n", nValue}, {"m", mValue}};
    std::string error;
    llvm::FailureOr<int64_t> result = evaluate(e, bindings, &error);
    EXPECT_TRUE(succeeded(result)) << error;
    return succeeded(result) ? *result : 0;
  }

  Context ctx;
  Expr n = ctx.var("n"), m = ctx.var("m"), k = ctx.var("k");
};

//===----------------------------------------------------------------------===//
// Handles and interning
//===----------------------------------------------------------------------===//

TEST_F(SymbolicExprTest, NullHandle) {
  Expr null;
  EXPECT_FALSE(null);
  EXPECT_TRUE(n);
  EXPECT_NE(null, n);
  EXPECT_TRUE(null < n);
  EXPECT_FALSE(n < null);
}

TEST_F(SymbolicExprTest, InterningGivesPointerEquality) {
  EXPECT_EQ(ctx.var("n"), n);
  EXPECT_EQ(c(5), c(5));
  EXPECT_NE(c(5), c(6));
  EXPECT_EQ((n + 1).getAsOpaquePointer(), (1 + n).getAsOpaquePointer());
  EXPECT_EQ(Expr::getFromOpaquePointer(n.getAsOpaquePointer()), n);
  EXPECT_EQ(hash_value(n * m), hash_value(m * n));
}

TEST_F(SymbolicExprTest, Accessors) {
  EXPECT_TRUE(n.isVar());
  EXPECT_EQ(n.getVarName(), "n");
  EXPECT_EQ(n.getKind(), ExprKind::Var);
  EXPECT_EQ(c(3).getConstant(), 3);
  EXPECT_EQ(n.getConstant(), std::nullopt);
  EXPECT_EQ(&n.getContext(), &ctx);
  Expr sum = n + m + 1;
  EXPECT_EQ(sum.getKind(), ExprKind::Add);
  ASSERT_EQ(sum.getOperands().size(), 3u);
  EXPECT_EQ(sum.getOperands()[0], m);
  EXPECT_EQ(sum.getOperands()[1], n);
  EXPECT_EQ(sum.getOperands()[2], c(1));
}

TEST_F(SymbolicExprTest, DeterministicOrderIsNotPointerOrder) {
  // Create "z" before "a"; the order must still follow the names.
  Context other;
  Expr z = other.var("z"), a = other.var("a");
  EXPECT_TRUE(a < z);
  EXPECT_FALSE(z < a);
  EXPECT_TRUE(other.constant(-1) < a) << "constants sort first";
  EXPECT_EQ((z + a).str(), "a + z");
  EXPECT_EQ(compare(z * a, a * z), 0);
}

TEST_F(SymbolicExprTest, UsableAsDenseMapKey) {
  llvm::DenseMap<Expr, int> map;
  map[n * m] = 1;
  map[n + 1] = 2;
  EXPECT_EQ(map.lookup(m * n), 1);
  EXPECT_EQ(map.lookup(1 + n), 2);
  EXPECT_EQ(map.count(n), 0u);
}

TEST_F(SymbolicExprTest, ConcurrentInterning) {
  // Interning from several threads must agree on one node per expression.
  std::vector<Expr> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i != results.size(); ++i)
    threads.emplace_back([&, i] {
      Expr e = ctx.constant(0);
      for (int j = 0; j != 200; ++j)
        e = e + ctx.var("v" + std::to_string(j % 17)) * j;
      results[i] = e;
    });
  for (std::thread &t : threads)
    t.join();
  for (Expr e : results)
    EXPECT_EQ(e, results.front());
}

//===----------------------------------------------------------------------===//
// Polynomial canonical form
//===----------------------------------------------------------------------===//

TEST_F(SymbolicExprTest, LikeTermsCombine) {
  EXPECT_EQ((n + n).str(), "2 * n");
  EXPECT_EQ(n + n, n * 2);
  EXPECT_EQ((n + n + n - n).str(), "2 * n");
  EXPECT_EQ(n - n, c(0));
}

TEST_F(SymbolicExprTest, MultiplicationIsCommutative) {
  EXPECT_EQ(n * m, m * n);
  EXPECT_EQ((n * m).str(), "m * n");
  EXPECT_EQ(n * m * k, k * (m * n));
  EXPECT_EQ((n * m * k).str(), "k * m * n");
}

TEST_F(SymbolicExprTest, ConstantsDistribute) {
  EXPECT_EQ(((n + 1) * 2).str(), "2 * n + 2");
  EXPECT_EQ(((n - m) * 3).str(), "3 * n - 3 * m");
  EXPECT_EQ((2 * (3 * n)).str(), "6 * n");
}

TEST_F(SymbolicExprTest, ProductsOfSumsExpand) {
  EXPECT_EQ(((n + 1) * (n - 1)).str(), "n * n - 1");
  EXPECT_EQ(((n + m) * (n + m)).str(), "m * m + 2 * m * n + n * n");
  EXPECT_EQ((n * (m + 1)).str(), "m * n + n");
  EXPECT_EQ((n + 1) * (m + 1), n * m + n + m + 1);
}

TEST_F(SymbolicExprTest, ConstantFolding) {
  EXPECT_EQ(c(2) + c(3), c(5));
  EXPECT_EQ(c(2) * c(-3), c(-6));
  EXPECT_EQ(n * 0, c(0));
  EXPECT_EQ(n * 1, n);
  EXPECT_EQ(n + 0, n);
  EXPECT_EQ((n + 2 + 3).str(), "n + 5");
}

TEST_F(SymbolicExprTest, ZeroTermsAreDropped) {
  Expr e = 2 * n + m - 2 * n;
  EXPECT_EQ(e, m);
  EXPECT_EQ(e.getKind(), ExprKind::Var);
  EXPECT_EQ((n * m - m * n + 7), c(7));
}

TEST_F(SymbolicExprTest, NegationForms) {
  EXPECT_EQ((-n).str(), "-n");
  EXPECT_EQ((-(2 * n)).str(), "-2 * n");
  EXPECT_EQ(-(-n), n);
  EXPECT_EQ((0 - n - 1).str(), "-n - 1");
  EXPECT_EQ((3 - n).str(), "3 - n");
  EXPECT_EQ((2 * n - m).str(), "2 * n - m");
  EXPECT_EQ((n - 1).str(), "n - 1");
}

TEST_F(SymbolicExprTest, AddOperandsSortedWithConstantLast) {
  Expr e = 5 + k * 2 + n;
  llvm::ArrayRef<Expr> operands = e.getOperands();
  ASSERT_EQ(operands.size(), 3u);
  EXPECT_EQ(operands[0], 2 * k);
  EXPECT_EQ(operands[1], n);
  EXPECT_EQ(operands[2], c(5));
  // The coefficient is the first operand of a product.
  EXPECT_EQ(operands[0].getOperands()[0], c(2));
}

//===----------------------------------------------------------------------===//
// Division and modulus: canonical form
//===----------------------------------------------------------------------===//

TEST_F(SymbolicExprTest, DivisionExtractsExactMultiples) {
  EXPECT_EQ(fd(2 * n, 2), n);
  EXPECT_EQ(fd(4 * n + 8, 4), n + 2);
  EXPECT_EQ(fd(4 * n + 8 * m, -4), -n - 2 * m);
  EXPECT_EQ(cd(6 * n, 3), 2 * n);
  EXPECT_EQ(fd(8 * n + m, 4).str(), "2 * n + m floordiv 4");
}

TEST_F(SymbolicExprTest, ConstantRemainderFoldsForAllSigns) {
  // floor((4n + 3) / 4) == n for every integer n (4n is a multiple of 4), so
  // this needs no sign assumption; the brute-force test checks it too.
  EXPECT_EQ(fd(4 * n + 3, 4), n);
  EXPECT_EQ(fd(4 * n + 7, 4), n + 1);
  EXPECT_EQ(fd(4 * n - 1, 4), n - 1);
  EXPECT_EQ(cd(4 * n + 3, 4), n + 1);
  EXPECT_EQ(md(4 * n + 3, 4), c(3));
  EXPECT_EQ(md(4 * n - 1, 4), c(3));
  for (int64_t value = -9; value <= 9; ++value) {
    EXPECT_EQ(eval(fd(4 * n + 3, 4), value, 0),
              eval(fd(ctx.constant(4 * value + 3), 4), 0, 0));
  }
}

TEST_F(SymbolicExprTest, DivisionWithoutFactsStaysSymbolic) {
  Expr rounded = fd(n + 31, 32) * 32;
  EXPECT_EQ(rounded.str(), "(n + 31) floordiv 32 * 32");
  EXPECT_NE(rounded, n);
  EXPECT_EQ(fd(n, 2).str(), "n floordiv 2");
  EXPECT_EQ(cd(n, 32).str(), "n ceildiv 32");
  EXPECT_EQ(md(n, 8).str(), "n mod 8");
}

TEST_F(SymbolicExprTest, DivisionByOneAndMinusOne) {
  EXPECT_EQ(fd(n, 1), n);
  EXPECT_EQ(cd(n + m, 1), n + m);
  EXPECT_EQ(md(n, 1), c(0));
  EXPECT_EQ(fd(n, -1), -n);
  EXPECT_EQ(md(n * m, -1), c(0));
}

TEST_F(SymbolicExprTest, ModOfMultipleIsZero) {
  EXPECT_EQ(md(6 * n, 3), c(0));
  EXPECT_EQ(md(6 * n + 9 * m, 3), c(0));
  EXPECT_EQ(md(6 * n + 1, 3), c(1));
}

TEST_F(SymbolicExprTest, DivisionReducesCommonFactors) {
  EXPECT_EQ(fd(2 * n + 4 * m + 2, 4).str(), "m + (n + 1) floordiv 2");
  EXPECT_EQ(fd(2 * n, 4), fd(n, 2));
  EXPECT_EQ(md(2 * n + 2, 4), md(n + 1, 2) * 2);
}

TEST_F(SymbolicExprTest, NestedDivisionsMerge) {
  EXPECT_EQ(fd(fd(n, 4), 8), fd(n, 32));
  EXPECT_EQ(cd(cd(n, 4), 8), cd(n, 32));
  EXPECT_EQ(md(md(n, 8), 4), md(n, 4));
  EXPECT_EQ(md(md(n, 4), 8), md(n, 4));
  // A negative outer divisor does not merge.
  EXPECT_EQ(fd(fd(n, 4), -8).str(), "n floordiv 4 floordiv -8");
}

TEST_F(SymbolicExprTest, SymbolicDivisor) {
  EXPECT_EQ(fd(n, n), c(1));
  EXPECT_EQ(md(n, n), c(0));
  EXPECT_EQ(fd(n * m, n), m);
  EXPECT_EQ(fd(n * m + n, n), m + 1);
  EXPECT_EQ(cd(2 * n * m, 2 * n), m);
  EXPECT_EQ(md(n * m, n), c(0));
  EXPECT_EQ(fd(n * m + 1, n).str(), "m + 1 floordiv n");
  EXPECT_EQ(md(n * m + 3, n).str(), "3 mod n");
  EXPECT_EQ(fd(m, n + 1).str(), "m floordiv (n + 1)");
}

TEST_F(SymbolicExprTest, ConstantDivisionSemantics) {
  // floordiv rounds towards -inf, ceildiv towards +inf, mod has the sign of
  // the divisor.
  EXPECT_EQ(fd(c(7), 2), c(3));
  EXPECT_EQ(fd(c(-7), 2), c(-4));
  EXPECT_EQ(fd(c(7), -2), c(-4));
  EXPECT_EQ(fd(c(-7), -2), c(3));
  EXPECT_EQ(cd(c(7), 2), c(4));
  EXPECT_EQ(cd(c(-7), 2), c(-3));
  EXPECT_EQ(cd(c(7), -2), c(-3));
  EXPECT_EQ(cd(c(-7), -2), c(4));
  EXPECT_EQ(md(c(7), 2), c(1));
  EXPECT_EQ(md(c(-7), 2), c(1));
  EXPECT_EQ(md(c(7), -2), c(-1));
  EXPECT_EQ(md(c(-7), -2), c(-1));
  EXPECT_EQ(md(c(6), -3), c(0));
}

TEST_F(SymbolicExprTest, EvaluatedDivisionSemantics) {
  Expr q = fd(n, m), r = md(n, m), up = cd(n, m);
  EXPECT_EQ(eval(q, -7, 2), -4);
  EXPECT_EQ(eval(r, -7, 2), 1);
  EXPECT_EQ(eval(r, 7, -2), -1);
  EXPECT_EQ(eval(up, -7, 2), -3);
  EXPECT_EQ(eval(up, 7, 2), 4);
  // n == m * (n floordiv m) + n mod m for all signs.
  for (int64_t a = -6; a <= 6; ++a)
    for (int64_t b : {-3, -2, -1, 1, 2, 3})
      EXPECT_EQ(b * eval(q, a, b) + eval(r, a, b), a) << a << " " << b;
}

//===----------------------------------------------------------------------===//
// Division by zero
//===----------------------------------------------------------------------===//

TEST_F(SymbolicExprTest, DivisionByConstantZeroFails) {
  std::string error;
  EXPECT_TRUE(failed(floorDiv(n, c(0), &error)));
  EXPECT_NE(error.find("division by zero"), std::string::npos) << error;
  EXPECT_TRUE(failed(ceilDiv(c(5), c(0), &error)));
  EXPECT_NE(error.find("division by zero"), std::string::npos) << error;
  EXPECT_TRUE(failed(mod(n + 1, c(0), &error)));
  EXPECT_NE(error.find("modulo by zero"), std::string::npos) << error;
  // The error output is optional.
  EXPECT_TRUE(failed(mod(n, c(0))));
}

TEST_F(SymbolicExprTest, DivisorThatCanonicalizesToZeroFails) {
  std::string error;
  EXPECT_TRUE(failed(floorDiv(n, m - m, &error)));
  EXPECT_TRUE(failed(mod(n, n * 2 - n - n, &error)));
  EXPECT_NE(error.find("by zero"), std::string::npos);
}

TEST_F(SymbolicExprTest, EvaluatingSymbolicZeroDivisorFails) {
  std::string error;
  llvm::StringMap<int64_t> bindings{{"n", 5}, {"m", 0}};
  EXPECT_TRUE(failed(evaluate(fd(n, m), bindings, &error)));
  EXPECT_NE(error.find("division by zero"), std::string::npos) << error;
  EXPECT_TRUE(failed(evaluate(md(n, m + n - 5), bindings, &error)));
  EXPECT_TRUE(failed(evaluate(cd(n, m), bindings, &error)));
}

//===----------------------------------------------------------------------===//
// Min and max
//===----------------------------------------------------------------------===//

TEST_F(SymbolicExprTest, MinMaxIdempotentAndCommutative) {
  EXPECT_EQ(min(n, n), n);
  EXPECT_EQ(max(n, n), n);
  EXPECT_EQ(min(n, m), min(m, n));
  EXPECT_EQ(min(n, m).str(), "min(m, n)");
  EXPECT_EQ(max(m, n).str(), "max(m, n)");
}

TEST_F(SymbolicExprTest, MinMaxFlattenAndFold) {
  EXPECT_EQ(min(min(n, m), k), min(n, min(k, m)));
  EXPECT_EQ(min(min(n, m), k).str(), "min(k, min(m, n))");
  EXPECT_EQ(min(c(3), c(5)), c(3));
  EXPECT_EQ(max(c(3), c(-5)), c(3));
  EXPECT_EQ(min(min(n, 3), 5), min(n, 3));
  EXPECT_EQ(min(4096, n).str(), "min(n, 4096)");
  EXPECT_EQ(min(n, 4096).getOperands().back(), c(4096));
}

TEST_F(SymbolicExprTest, MinMaxConstantDifferenceIsDecided) {
  EXPECT_EQ(min(n, n + 1), n);
  EXPECT_EQ(max(n, n + 1), n + 1);
  EXPECT_EQ(min(n + m - 3, m + n), n + m - 3);
  EXPECT_EQ(min(n, 2 * n).str(), "min(n, 2 * n)") << "needs sign facts";
}

TEST_F(SymbolicExprTest, MinMaxAbsorption) {
  EXPECT_EQ(min(n, max(n, m)), n);
  EXPECT_EQ(max(n, min(n, m)), n);
  EXPECT_EQ(min(n, max(n + 1, m)), n);
}

//===----------------------------------------------------------------------===//
// Overflow
//===----------------------------------------------------------------------===//

TEST_F(SymbolicExprTest, OverflowingSumStaysUnfolded) {
  Expr e = c(INT64_MAX) + 1;
  EXPECT_FALSE(e.isConstant()) << "must not wrap to INT64_MIN";
  EXPECT_TRUE(e.isUnfolded());
  EXPECT_EQ(e.str(), "1 + 9223372036854775807");
  EXPECT_EQ(e, 1 + c(INT64_MAX));
  std::string error;
  EXPECT_TRUE(failed(evaluate(e, {}, &error)));
  EXPECT_NE(error.find("overflow"), std::string::npos) << error;
}

TEST_F(SymbolicExprTest, OverflowingProductStaysUnfolded) {
  Expr e = c(INT64_MAX) * 2;
  EXPECT_TRUE(e.isUnfolded());
  EXPECT_EQ(e.str(), "2 * 9223372036854775807");
  EXPECT_TRUE(failed(evaluate(e, {})));
  Expr negMin = -c(INT64_MIN);
  EXPECT_FALSE(negMin.isConstant());
  EXPECT_TRUE(failed(evaluate(negMin, {})));
}

TEST_F(SymbolicExprTest, OverflowingCoefficientStaysUnfolded) {
  Expr big = n * INT64_MAX;
  EXPECT_EQ(big.str(), "9223372036854775807 * n");
  Expr e = big + big;
  EXPECT_TRUE(e.isUnfolded());
  EXPECT_EQ(eval(big, 1, 0), INT64_MAX);
  llvm::StringMap<int64_t> bindings{{"n", 1}};
  EXPECT_TRUE(failed(evaluate(e, bindings)));
  bindings["n"] = 0;
  EXPECT_EQ(*evaluate(e, bindings), 0);
}

TEST_F(SymbolicExprTest, UnfoldedNodesActAsAtoms) {
  Expr e = c(INT64_MAX) + 1;
  // The opaque node cancels with itself and combines with other terms.
  EXPECT_EQ(e - e, c(0));
  EXPECT_EQ((e + e).str(), "2 * (1 + 9223372036854775807)");
  EXPECT_EQ((e - 1).str(), "(1 + 9223372036854775807) - 1");
}

TEST_F(SymbolicExprTest, ExactWideIntermediatesStillFold) {
  // INT64_MIN - INT64_MIN is computed exactly rather than via -INT64_MIN.
  EXPECT_EQ(c(INT64_MIN) - c(INT64_MIN), c(0));
  EXPECT_EQ(c(INT64_MAX) - 1 + 1, c(INT64_MAX));
  EXPECT_EQ(c(INT64_MIN) + c(INT64_MAX), c(-1));
}

TEST_F(SymbolicExprTest, DivisionOverflowStaysUnfolded) {
  Expr e = fd(c(INT64_MIN), -1);
  EXPECT_EQ(e.getKind(), ExprKind::FloorDiv);
  EXPECT_EQ(e.str(), "-9223372036854775808 floordiv -1");
  EXPECT_TRUE(failed(evaluate(e, {})));
  EXPECT_EQ(cd(c(INT64_MIN), -1).getKind(), ExprKind::CeilDiv);
  // The modulus is 0 and representable.
  EXPECT_EQ(md(c(INT64_MIN), -1), c(0));
  EXPECT_EQ(fd(c(INT64_MIN), 2), c(INT64_MIN / 2));
}

TEST_F(SymbolicExprTest, EvaluateReportsIntermediateOverflow) {
  std::string error;
  llvm::StringMap<int64_t> bindings{{"n", INT64_MAX}, {"m", 2}};
  EXPECT_TRUE(failed(evaluate(n * m, bindings, &error)));
  EXPECT_NE(error.find("overflow"), std::string::npos);
  EXPECT_TRUE(failed(evaluate(n + 1, bindings, &error)));
  EXPECT_TRUE(failed(evaluate(fd(n * m, 4), bindings, &error)));
  // In-range results in the other direction still work.
  EXPECT_EQ(*evaluate(n - 1, bindings), INT64_MAX - 1);
}

//===----------------------------------------------------------------------===//
// Variables, substitution and evaluation
//===----------------------------------------------------------------------===//

TEST_F(SymbolicExprTest, CollectVarsInFirstOccurrenceOrder) {
  llvm::SmallVector<llvm::StringRef> vars;
  collectVars(n * m + k + fd(n, m), vars);
  // Canonical order: m * n (degree 2 first), k, n floordiv m.
  ASSERT_EQ(vars.size(), 3u);
  EXPECT_EQ(vars[0], "m");
  EXPECT_EQ(vars[1], "n");
  EXPECT_EQ(vars[2], "k");
  collectVars(ctx.var("z") + n, vars);
  EXPECT_EQ(vars.size(), 4u) << "names already present are not repeated";
  EXPECT_EQ(vars.back(), "z");
}

TEST_F(SymbolicExprTest, ContainsVar) {
  Expr e = min(n * 2, fd(m, 4));
  EXPECT_TRUE(containsVar(e, "n"));
  EXPECT_TRUE(containsVar(e, "m"));
  EXPECT_FALSE(containsVar(e, "k"));
  EXPECT_FALSE(containsVar(n - n, "n"));
}

TEST_F(SymbolicExprTest, SubstituteConstant) {
  llvm::StringMap<Expr> bindings{{"n", c(128)}};
  EXPECT_EQ(*substitute(n * m + 1, bindings), 128 * m + 1);
  EXPECT_EQ(*substitute(fd(n + 31, 32) * 32, bindings), c(128));
  EXPECT_EQ(*substitute(min(n, 4096), bindings), c(128));
  EXPECT_EQ(*substitute(m, bindings), m);
}

TEST_F(SymbolicExprTest, SubstituteExpression) {
  llvm::StringMap<Expr> bindings{{"n", m + 1}};
  EXPECT_EQ((*substitute(n * m + 1, bindings)).str(), "m * m + m + 1");
  EXPECT_EQ(*substitute(n - m, bindings), c(1));
  // Simultaneous substitution: swapping variables.
  llvm::StringMap<Expr> swap{{"n", m}, {"m", n}};
  EXPECT_EQ(*substitute(n - 2 * m, swap), m - 2 * n);
}

TEST_F(SymbolicExprTest, SubstituteCanExposeDivisionByZero) {
  llvm::StringMap<Expr> bindings{{"m", c(0)}};
  std::string error;
  EXPECT_TRUE(failed(substitute(fd(n, m), bindings, &error)));
  EXPECT_NE(error.find("by zero"), std::string::npos) << error;
  EXPECT_TRUE(succeeded(substitute(fd(n, k), bindings)));
}

TEST_F(SymbolicExprTest, EvaluateBindN) {
  llvm::StringMap<int64_t> bindings{{"n", 128}};
  EXPECT_EQ(*evaluate(fd(n + 31, 32) * 32, bindings), 128);
  EXPECT_EQ(*evaluate(n * n - 1, bindings), 16383);
  EXPECT_EQ(*evaluate(min(n, 64) + max(n, 256), bindings), 320);
  EXPECT_EQ(*evaluate(cd(n, 3) + md(n, 3), bindings), 45);
}

TEST_F(SymbolicExprTest, EvaluateUnboundVariableIsNamed) {
  std::string error;
  llvm::StringMap<int64_t> bindings{{"n", 1}};
  EXPECT_TRUE(failed(evaluate(n + m, bindings, &error)));
  EXPECT_NE(error.find("'m'"), std::string::npos) << error;
}

//===----------------------------------------------------------------------===//
// Brute-force soundness against an independent reference
//===----------------------------------------------------------------------===//

/// An uncanonicalized expression tree with its own evaluator, independent of
/// the library (floating point floor/ceil are exact for these small values).
struct RefExpr {
  enum Op { Const, N, M, Add, Sub, Mul, Neg, FloorDiv, CeilDiv, Mod, Min, Max };
  Op op;
  int64_t value = 0;
  std::shared_ptr<RefExpr> lhs, rhs;

  std::optional<int64_t> eval(int64_t n, int64_t m) const {
    switch (op) {
    case Const:
      return value;
    case N:
      return n;
    case M:
      return m;
    case Neg:
      if (auto a = lhs->eval(n, m))
        return -*a;
      return std::nullopt;
    default:
      break;
    }
    std::optional<int64_t> a = lhs->eval(n, m), b = rhs->eval(n, m);
    if (!a || !b)
      return std::nullopt;
    double quotient = b == 0 ? 0 : double(*a) / double(*b);
    switch (op) {
    case Add:
      return *a + *b;
    case Sub:
      return *a - *b;
    case Mul:
      return *a * *b;
    case FloorDiv:
      return *b == 0 ? std::nullopt
                     : std::optional<int64_t>(int64_t(std::floor(quotient)));
    case CeilDiv:
      return *b == 0 ? std::nullopt
                     : std::optional<int64_t>(int64_t(std::ceil(quotient)));
    case Mod:
      return *b == 0 ? std::nullopt
                     : std::optional<int64_t>(
                           *a - *b * int64_t(std::floor(quotient)));
    case Min:
      return std::min(*a, *b);
    case Max:
      return std::max(*a, *b);
    default:
      return std::nullopt;
    }
  }

  /// Builds through the library; fails only on a constant zero divisor.
  std::optional<Expr> build(Context &ctx) const {
    switch (op) {
    case Const:
      return ctx.constant(value);
    case N:
      return ctx.var("n");
    case M:
      return ctx.var("m");
    case Neg:
      if (auto a = lhs->build(ctx))
        return -*a;
      return std::nullopt;
    default:
      break;
    }
    std::optional<Expr> a = lhs->build(ctx), b = rhs->build(ctx);
    if (!a || !b)
      return std::nullopt;
    llvm::FailureOr<Expr> result = *a;
    switch (op) {
    case Add:
      return *a + *b;
    case Sub:
      return *a - *b;
    case Mul:
      return *a * *b;
    case Min:
      return min(*a, *b);
    case Max:
      return max(*a, *b);
    case FloorDiv:
      result = floorDiv(*a, *b);
      break;
    case CeilDiv:
      result = ceilDiv(*a, *b);
      break;
    case Mod:
      result = mod(*a, *b);
      break;
    default:
      break;
    }
    if (failed(result))
      return std::nullopt;
    return *result;
  }
};

/// A small deterministic generator of random trees over n and m.
class RefGenerator {
public:
  explicit RefGenerator(uint64_t seed) : state(seed) {}

  std::shared_ptr<RefExpr> generate(unsigned depth) {
    auto e = std::make_shared<RefExpr>();
    if (depth == 0 || next(4) == 0) {
      unsigned leaf = next(3);
      e->op = leaf == 0 ? RefExpr::N : leaf == 1 ? RefExpr::M : RefExpr::Const;
      e->value = int64_t(next(13)) - 6;
      return e;
    }
    e->op = static_cast<RefExpr::Op>(RefExpr::Add + next(10));
    e->lhs = generate(depth - 1);
    if (e->op == RefExpr::Neg)
      return e;
    bool division = e->op == RefExpr::FloorDiv || e->op == RefExpr::CeilDiv ||
                    e->op == RefExpr::Mod;
    if (division && next(3) != 0) {
      // Mostly constant divisors, which exercise the canonicalizer most.
      e->rhs = std::make_shared<RefExpr>();
      e->rhs->op = RefExpr::Const;
      int64_t divisors[] = {-4, -3, -2, 2, 3, 4, 8};
      e->rhs->value = divisors[next(7)];
    } else {
      e->rhs = generate(depth - 1);
    }
    return e;
  }

private:
  unsigned next(unsigned bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return unsigned(state >> 33) % bound;
  }
  uint64_t state;
};

TEST_F(SymbolicExprTest, BruteForceCanonicalFormMatchesReference) {
  RefGenerator generator(42);
  unsigned checked = 0;
  for (int i = 0; i != 400; ++i) {
    std::shared_ptr<RefExpr> ref = generator.generate(4);
    std::optional<Expr> e = ref->build(ctx);
    if (!e)
      continue;
    for (int64_t nValue = -5; nValue <= 5; ++nValue) {
      for (int64_t mValue = -5; mValue <= 5; ++mValue) {
        std::optional<int64_t> expected = ref->eval(nValue, mValue);
        if (!expected)
          continue; // Undefined: canonicalization may refine it.
        llvm::StringMap<int64_t> bindings{{"n", nValue}, {"m", mValue}};
        std::string error;
        llvm::FailureOr<int64_t> actual = evaluate(*e, bindings, &error);
        ASSERT_TRUE(succeeded(actual)) << e->str() << " at n=" << nValue
                                       << " m=" << mValue << ": " << error;
        ASSERT_EQ(*actual, *expected)
            << e->str() << " at n=" << nValue << " m=" << mValue;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 10000u) << "the generator should produce enough cases";
}

TEST_F(SymbolicExprTest, BruteForcePrintParseRoundTrip) {
  RefGenerator generator(7);
  for (int i = 0; i != 400; ++i) {
    std::optional<Expr> e = generator.generate(4)->build(ctx);
    if (!e)
      continue;
    std::string error;
    llvm::FailureOr<Expr> parsed = parseExpr(ctx, e->str(), &error);
    ASSERT_TRUE(succeeded(parsed)) << e->str() << ": " << error;
    EXPECT_EQ(*parsed, *e) << e->str() << " reparsed as " << parsed->str();
  }
}

} // namespace
