//===- ShapeExprTest.cpp - Symbolic dimension expressions -----------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Parsing, precedence, floor semantics on negatives, and the evaluation
// errors (unbound variable, division by zero, overflow).
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/ShapeExpr.h"

#include "gtest/gtest.h"

#include <optional>

using namespace mlc::rt;

namespace {

/// Parses and evaluates `text`, failing the test on any error.
int64_t eval(const std::string &text, const ShapeEnv &env = {}) {
  ShapeExpr expr;
  std::string error;
  EXPECT_TRUE(ShapeExpr::parse(text, expr, error)) << text << ": " << error;
  int64_t value = 0;
  EXPECT_TRUE(expr.evaluate(env, value, error)) << text << ": " << error;
  return value;
}

/// The evaluation error of `text` (which must parse).
std::string evalError(const std::string &text, const ShapeEnv &env = {}) {
  ShapeExpr expr;
  std::string error;
  EXPECT_TRUE(ShapeExpr::parse(text, expr, error)) << text << ": " << error;
  int64_t value = 0;
  EXPECT_FALSE(expr.evaluate(env, value, error)) << text << " = " << value;
  return error;
}

std::string parseError(const std::string &text) {
  ShapeExpr expr;
  std::string error;
  EXPECT_FALSE(ShapeExpr::parse(text, expr, error)) << text;
  return error;
}

TEST(ShapeExprTest, Atoms) {
  EXPECT_EQ(eval("42"), 42);
  EXPECT_EQ(eval("n", {{"n", 7}}), 7);
  EXPECT_EQ(eval("seq_len2", {{"seq_len2", 3}}), 3);
  EXPECT_EQ(eval("  ( n )  ", {{"n", 7}}), 7);
  EXPECT_EQ(eval("-9223372036854775808"), INT64_MIN);
  EXPECT_EQ(eval("9223372036854775807"), INT64_MAX);
}

TEST(ShapeExprTest, Precedence) {
  EXPECT_EQ(eval("1 + 2 * 3"), 7);
  EXPECT_EQ(eval("(1 + 2) * 3"), 9);
  EXPECT_EQ(eval("10 - 4 - 3"), 3); // left-associative
  EXPECT_EQ(eval("2 * 3 mod 4"), 2);
  EXPECT_EQ(eval("7 floordiv 2 * 2"), 6);
  EXPECT_EQ(eval("(n + 31) floordiv 32 * 32", {{"n", 33}}), 64);
  EXPECT_EQ(eval("2 * n - m", {{"n", 5}, {"m", 3}}), 7);
  // Unary minus binds tighter than the products, as in mlc::sym.
  EXPECT_EQ(eval("-2 mod 3"), 1);
  EXPECT_EQ(eval("-(2 mod 3)"), -2);
  EXPECT_EQ(eval("- -3"), 3);
  EXPECT_EQ(eval("-n * 2", {{"n", 4}}), -8);
  EXPECT_EQ(eval("2 * -3"), -6);
  EXPECT_EQ(eval("5 - -3"), 8);
}

TEST(ShapeExprTest, FloorSemanticsOnNegatives) {
  EXPECT_EQ(eval("7 floordiv 2"), 3);
  EXPECT_EQ(eval("-7 floordiv 2"), -4);
  EXPECT_EQ(eval("7 floordiv -2"), -4);
  EXPECT_EQ(eval("-7 floordiv -2"), 3);
  EXPECT_EQ(eval("-8 floordiv 2"), -4);
  EXPECT_EQ(eval("7 ceildiv 2"), 4);
  EXPECT_EQ(eval("-7 ceildiv 2"), -3);
  EXPECT_EQ(eval("7 ceildiv -2"), -3);
  EXPECT_EQ(eval("-7 ceildiv -2"), 4);
  EXPECT_EQ(eval("8 ceildiv 2"), 4);
  EXPECT_EQ(eval("7 mod 2"), 1);
  EXPECT_EQ(eval("-7 mod 2"), 1); // sign of the divisor
  EXPECT_EQ(eval("7 mod -2"), -1);
  EXPECT_EQ(eval("-7 mod -2"), -1);
  EXPECT_EQ(eval("-8 mod 2"), 0);
  EXPECT_EQ(eval("-9223372036854775808 mod -1"), 0);
  EXPECT_EQ(eval("5 floordiv -1"), -5);
}

TEST(ShapeExprTest, MinMax) {
  EXPECT_EQ(eval("min(3, n)", {{"n", 5}}), 3);
  EXPECT_EQ(eval("max(3, n)", {{"n", 5}}), 5);
  EXPECT_EQ(eval("max(a, b, c)", {{"a", 1}, {"b", 9}, {"c", 4}}), 9);
  EXPECT_EQ(eval("min(n, 4) * 2 + max(-1, -2)", {{"n", 7}}), 7);
}

TEST(ShapeExprTest, EvaluationErrors) {
  EXPECT_EQ(evalError("n + 1"), "variable 'n' is not bound");
  EXPECT_EQ(evalError("n floordiv 0", {{"n", 1}}), "division by zero");
  EXPECT_EQ(evalError("n ceildiv m", {{"n", 1}, {"m", 0}}), "division by zero");
  EXPECT_EQ(evalError("n mod (m - m)", {{"n", 1}, {"m", 3}}),
            "division by zero");
  EXPECT_EQ(evalError("9223372036854775807 + 1"), "integer overflow");
  EXPECT_EQ(evalError("-9223372036854775808 - 1"), "integer overflow");
  EXPECT_EQ(evalError("n * n", {{"n", int64_t(1) << 32}}), "integer overflow");
  EXPECT_EQ(evalError("-n", {{"n", INT64_MIN}}), "integer overflow");
  EXPECT_EQ(evalError("-9223372036854775808 floordiv -1"), "integer overflow");
  EXPECT_EQ(evalError("-9223372036854775808 ceildiv -1"), "integer overflow");
}

TEST(ShapeExprTest, ParseErrors) {
  EXPECT_EQ(parseError(""), "expected expression at column 1");
  EXPECT_EQ(parseError("2 +"), "expected expression at column 4");
  EXPECT_EQ(parseError("(n"), "expected ')' at column 3");
  EXPECT_EQ(parseError("min(n)"), "min expects at least two arguments at "
                                  "column 1");
  EXPECT_EQ(parseError("max n"), "expected '(' after 'max' at column 5");
  EXPECT_EQ(parseError("n floordiv"), "expected expression at column 11");
  EXPECT_EQ(parseError("mod"), "expected expression, found keyword 'mod' at "
                               "column 1");
  EXPECT_EQ(parseError("n $"), "unexpected '$' at column 3");
  EXPECT_EQ(parseError("2 ** 3"), "unexpected '*' at column 4");
  EXPECT_EQ(parseError("9223372036854775808"),
            "integer literal '9223372036854775808' out of range at column 1");
  EXPECT_EQ(parseError("n ?"), "unexpected '?' at column 3");
  EXPECT_EQ(parseError(std::string(300, '(') + "1" + std::string(300, ')')),
            "expression nested too deeply at column 257");
}

TEST(ShapeExprTest, LongExpressionsEvaluateWithoutRecursion) {
  std::string text = "1";
  for (int i = 0; i < 100000; ++i)
    text += " + 1";
  EXPECT_EQ(eval(text), 100001);
}

TEST(ShapeExprTest, Introspection) {
  ShapeExpr expr;
  std::string error;
  ASSERT_TRUE(ShapeExpr::parse(" n ", expr, error));
  EXPECT_TRUE(expr.isVar());
  EXPECT_EQ(expr.varName(), "n");
  EXPECT_EQ(expr.str(), "n");
  ASSERT_TRUE(ShapeExpr::parse("(n)", expr, error));
  EXPECT_TRUE(expr.isVar()); // parentheses do not hide a bare variable
  ASSERT_TRUE(ShapeExpr::parse("m * n + max(m, k)", expr, error));
  EXPECT_FALSE(expr.isVar());
  EXPECT_FALSE(expr.isConstant());
  EXPECT_EQ(expr.vars(), (std::vector<std::string>{"m", "n", "k"}));
  ASSERT_TRUE(ShapeExpr::parse("784", expr, error));
  EXPECT_TRUE(expr.isConstant());
}

TEST(ShapeExprTest, ParsePrefixStopsAtDelimiters) {
  std::string text = "[min(n, 4), 2 * n]";
  size_t pos = 1;
  ShapeExpr first, second;
  std::string error;
  ASSERT_TRUE(ShapeExpr::parsePrefix(text, pos, first, error)) << error;
  EXPECT_EQ(first.str(), "min(n, 4)");
  ASSERT_EQ(text[pos], ',');
  ++pos;
  ASSERT_TRUE(ShapeExpr::parsePrefix(text, pos, second, error)) << error;
  EXPECT_EQ(second.str(), "2 * n");
  EXPECT_EQ(text[pos], ']');
}

/// The linear form of `text`, which must parse; nullopt if not linear.
std::optional<LinearForm> linear(const std::string &text) {
  ShapeExpr expr;
  std::string error;
  EXPECT_TRUE(ShapeExpr::parse(text, expr, error)) << text << ": " << error;
  LinearForm form;
  if (!expr.linearForm(form))
    return std::nullopt;
  return form;
}

/// Solves `text` = value; nullopt if there is no integer solution.
std::optional<int64_t> solve(const std::string &text, int64_t value) {
  ShapeExpr expr;
  std::string error;
  EXPECT_TRUE(ShapeExpr::parse(text, expr, error)) << text << ": " << error;
  LinearForm form;
  EXPECT_TRUE(expr.linearForm(form)) << text;
  int64_t solution;
  if (!expr.solveLinear(form, value, solution))
    return std::nullopt;
  return solution;
}

TEST(ShapeExprTest, LinearForms) {
  std::optional<LinearForm> form = linear("4 * (n - 1)");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->var, "n");
  EXPECT_EQ(form->coefficient, 4);
  EXPECT_EQ(form->constant, -4);
  form = linear("n");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->coefficient, 1);
  EXPECT_EQ(form->constant, 0);
  form = linear("3 - 2 * -n + (1 + 1) * 5");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->coefficient, 2);
  EXPECT_EQ(form->constant, 13);
  form = linear("-(n * 3)");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->coefficient, -3);
  // Constant sub-expressions may use any operator.
  form = linear("n * (7 floordiv 2) + min(1, 2)");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->coefficient, 3);
  EXPECT_EQ(form->constant, 1);
  EXPECT_FALSE(linear("7"));            // no variable
  EXPECT_FALSE(linear("m + n"));        // two variables
  EXPECT_FALSE(linear("n * n"));        // not linear
  EXPECT_FALSE(linear("n floordiv 2")); // division of the variable
  EXPECT_FALSE(linear("n mod 4"));      // modulus of the variable
  EXPECT_FALSE(linear("max(n, 1)"));    // min/max of the variable
  EXPECT_FALSE(linear("n - n"));        // zero coefficient
  EXPECT_FALSE(linear("0 * n + 5"));    // zero coefficient
  EXPECT_FALSE(linear("9223372036854775807 * n + 1")); // f(1) overflows
}

TEST(ShapeExprTest, SolveLinear) {
  EXPECT_EQ(solve("2 * n", 8), 4);
  EXPECT_EQ(solve("2 * n", 7), std::nullopt);
  EXPECT_EQ(solve("n + 1", 1), 0);
  EXPECT_EQ(solve("n + 1", 0), -1); // bounds, not binding, exclude it
  EXPECT_EQ(solve("4 * (n - 1)", 12), 4);
  EXPECT_EQ(solve("4 * (n - 1)", 13), std::nullopt);
  EXPECT_EQ(solve("-n + 3", 1), 2);
  EXPECT_EQ(solve("-n", INT64_MIN), std::nullopt);    // n would overflow
  EXPECT_EQ(solve("n - 1", INT64_MAX), std::nullopt); // n = 2^63
  EXPECT_EQ(solve("n + 1", INT64_MIN), std::nullopt);
  EXPECT_EQ(solve("3 * n", INT64_MAX), std::nullopt);
  EXPECT_EQ(solve("n", INT64_MAX), INT64_MAX);
}

} // namespace
