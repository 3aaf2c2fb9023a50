//===- SymbolicParserTest.cpp - Printing and parsing symbolic exprs -------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The printed syntax (as it appears in MLIR types), `parseExpr`, the
// print/parse round trip and parser diagnostics.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Expr.h"

#include "gtest/gtest.h"

using namespace mlc::sym;

namespace mlc::sym {
static void PrintTo(Expr e, std::ostream *os) { *os << e.str(); }
} // namespace mlc::sym

namespace {

class SymbolicParserTest : public ::testing::Test {
protected:
  /// Parses `text`, failing the test on a parse error.
  Expr parse(llvm::StringRef text) {
    std::string error;
    llvm::FailureOr<Expr> result = parseExpr(ctx, text, &error);
    EXPECT_TRUE(succeeded(result)) << text.str() << ": " << error;
    return succeeded(result) ? *result : Expr();
  }

  /// Returns the parse error for `text` (empty if it parsed).
  std::string parseError(llvm::StringRef text) {
    std::string error;
    llvm::FailureOr<Expr> result = parseExpr(ctx, text, &error);
    EXPECT_TRUE(failed(result)) << text.str() << " parsed unexpectedly";
    return error;
  }

  /// The canonical printed form of `text`.
  std::string canonical(llvm::StringRef text) { return parse(text).str(); }

  Context ctx;
  Expr n = ctx.var("n"), m = ctx.var("m");
};

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

TEST_F(SymbolicParserTest, PrintLeaves) {
  EXPECT_EQ(ctx.constant(42).str(), "42");
  EXPECT_EQ(ctx.constant(-3).str(), "-3");
  EXPECT_EQ(n.str(), "n");
  EXPECT_EQ(ctx.var("batch_size0").str(), "batch_size0");
  EXPECT_EQ(Expr().str(), "<<null expr>>");
}

TEST_F(SymbolicParserTest, PrintStreamOperator) {
  std::string buffer;
  llvm::raw_string_ostream os(buffer);
  os << (n + 1) << " and " << (2 * m);
  EXPECT_EQ(buffer, "n + 1 and 2 * m");
}

TEST_F(SymbolicParserTest, PrintSumsWithSubtraction) {
  EXPECT_EQ(canonical("n - 1"), "n - 1");
  EXPECT_EQ(canonical("2 * n - m"), "2 * n - m");
  EXPECT_EQ(canonical("-m + 2 * n"), "2 * n - m");
  EXPECT_EQ(canonical("-n"), "-n");
  EXPECT_EQ(canonical("-2 * n"), "-2 * n");
  EXPECT_EQ(canonical("-n - 1"), "-n - 1");
  EXPECT_EQ(canonical("1 - n"), "1 - n");
  EXPECT_EQ(canonical("n - 3 * m - 2"), "n - 3 * m - 2");
}

TEST_F(SymbolicParserTest, PrintCoefficientFirst) {
  EXPECT_EQ(canonical("n * 2"), "2 * n");
  EXPECT_EQ(canonical("n * m * 3"), "3 * m * n");
  EXPECT_EQ(canonical("n * m"), "m * n");
  EXPECT_EQ(canonical("min(n, m) * 4"), "4 * min(m, n)");
}

TEST_F(SymbolicParserTest, PrintDivisionsWithMinimalParentheses) {
  EXPECT_EQ(canonical("(n + 31) floordiv 32 * 32"),
            "(n + 31) floordiv 32 * 32");
  EXPECT_EQ(canonical("32 * ((n + 31) floordiv 32)"),
            "(n + 31) floordiv 32 * 32");
  EXPECT_EQ(canonical("n floordiv 2 + m"), "m + n floordiv 2");
  EXPECT_EQ(canonical("m * (n floordiv 2)"), "m * (n floordiv 2)");
  EXPECT_EQ(canonical("n floordiv (m + 1)"), "n floordiv (m + 1)");
  EXPECT_EQ(canonical("n floordiv (m * 2)"), "n floordiv (2 * m)");
  EXPECT_EQ(canonical("n mod m ceildiv 3"), "n mod m ceildiv 3");
  EXPECT_EQ(canonical("n - n floordiv 4"), "n - n floordiv 4");
}

TEST_F(SymbolicParserTest, PrintNegatedDivision) {
  // Unary minus binds tighter than floordiv, so the division needs
  // parentheses.
  Expr e = -*floorDiv(n, ctx.constant(2));
  EXPECT_EQ(e.str(), "-(n floordiv 2)");
  EXPECT_EQ(parse(e.str()), e);
  EXPECT_NE(parse("-n floordiv 2"), e);
}

TEST_F(SymbolicParserTest, PrintMinMaxBinaryForm) {
  EXPECT_EQ(canonical("min(n, 4096)"), "min(n, 4096)");
  EXPECT_EQ(canonical("max(m, n, 3)"), "max(m, max(n, 3))");
  EXPECT_EQ(canonical("min(n + 1, m * 2)"), "min(n + 1, 2 * m)");
}

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

TEST_F(SymbolicParserTest, ParsePrecedenceAndAssociativity) {
  EXPECT_EQ(parse("1 + 2 * 3"), ctx.constant(7));
  EXPECT_EQ(parse("(1 + 2) * 3"), ctx.constant(9));
  EXPECT_EQ(parse("10 - 3 - 2"), ctx.constant(5));
  EXPECT_EQ(parse("100 floordiv 10 floordiv 3"), ctx.constant(3));
  EXPECT_EQ(parse("7 mod 4 * 2"), ctx.constant(6));
  EXPECT_EQ(parse("2 * 7 mod 4"), ctx.constant(2));
  EXPECT_EQ(parse("-7 floordiv 2"), ctx.constant(-4));
  EXPECT_EQ(parse("- 7 mod 2"), ctx.constant(1));
  EXPECT_EQ(parse("7 mod -2"), ctx.constant(-1));
}

TEST_F(SymbolicParserTest, ParseVariablesAndWhitespace) {
  EXPECT_EQ(parse("  n\t+\n m "), n + m);
  EXPECT_EQ(parse("n*m"), n * m);
  EXPECT_EQ(parse("_x1 + x_2"), ctx.var("_x1") + ctx.var("x_2"));
  EXPECT_EQ(parse("modulus"), ctx.var("modulus"))
      << "a keyword prefix is still an identifier";
  EXPECT_EQ(parse("minimum + maxi"), ctx.var("maxi") + ctx.var("minimum"));
}

TEST_F(SymbolicParserTest, ParseUnaryMinus) {
  EXPECT_EQ(parse("--n"), n);
  EXPECT_EQ(parse("-(n - m)"), m - n);
  EXPECT_EQ(parse("n - -1"), n + 1);
  EXPECT_EQ(parse("-n * m"), -(n * m));
}

TEST_F(SymbolicParserTest, ParseInt64Extremes) {
  EXPECT_EQ(parse("9223372036854775807"), ctx.constant(INT64_MAX));
  EXPECT_EQ(parse("-9223372036854775808"), ctx.constant(INT64_MIN));
  EXPECT_EQ(ctx.constant(INT64_MIN).str(), "-9223372036854775808");
}

TEST_F(SymbolicParserTest, ParseMinMaxNary) {
  EXPECT_EQ(parse("min(n, m, 4)"), min(n, min(m, ctx.constant(4))));
  EXPECT_EQ(parse("max(n, n + 1)"), n + 1);
  EXPECT_EQ(parse("min( n , m )"), min(n, m));
}

//===----------------------------------------------------------------------===//
// Round trip
//===----------------------------------------------------------------------===//

TEST_F(SymbolicParserTest, RoundTripHandwritten) {
  const char *cases[] = {
      "0",
      "-1",
      "n",
      "n + 1",
      "n - 1",
      "2 * n - m",
      "-n - m - 1",
      "n * n * m - 7",
      "(n + 1) * (m - 1)",
      "(n + 31) floordiv 32 * 32",
      "n ceildiv 32",
      "(n * m + 5) mod 16",
      "n floordiv m",
      "n floordiv (m - 1)",
      "n floordiv -m",
      "n floordiv (-2 * m)",
      "-(n mod 3)",
      "-(n mod 3) * m",
      "min(n, 4096)",
      "max(min(n, m), 1) * 2 + 1",
      "min(n floordiv 2, m ceildiv 3) - max(n, 0)",
      "(n + 3) floordiv 4 floordiv -5",
      "(n mod 4) * (m mod 3)",
      "n mod (m mod 5)",
      "m - (n + 31) floordiv 32 * 32",
      "-((n + 1) floordiv 2) * 3",
  };
  for (const char *text : cases) {
    Expr e = parse(text);
    ASSERT_TRUE(e) << text;
    EXPECT_EQ(parse(e.str()), e) << text << " printed as " << e.str();
    // Printing is a fixed point after one canonicalization.
    EXPECT_EQ(parse(e.str()).str(), e.str()) << text;
  }
}

TEST_F(SymbolicParserTest, RoundTripOverflowEdgeCases) {
  Expr big = ctx.constant(INT64_MAX), small = ctx.constant(INT64_MIN);
  Expr cases[] = {
      big + 1,
      (n + big) + 1,
      big * 2 * n,
      small * n,
      n - small * m,
      n + small,
      -small,
      (n + 2) * (big * m),
      *floorDiv(small, ctx.constant(-1)),
      *ceilDiv(small, ctx.constant(-1)),
      (big + 1) * 3 - n,
      min(big + 1, n),
  };
  for (Expr e : cases) {
    std::string error;
    llvm::FailureOr<Expr> parsed = parseExpr(ctx, e.str(), &error);
    ASSERT_TRUE(succeeded(parsed)) << e.str() << ": " << error;
    EXPECT_EQ(*parsed, e) << e.str() << " reparsed as " << parsed->str();
  }
}

TEST_F(SymbolicParserTest, EqualExpressionsPrintIdentically) {
  EXPECT_EQ(canonical("n * m + n"), canonical("n * (m + 1)"));
  EXPECT_EQ(canonical("(n + m) * 2"), canonical("2 * m + n + n"));
  EXPECT_EQ(canonical("min(m, n)"), canonical("min(n, m)"));
  EXPECT_EQ(canonical("n - (m - n)"), canonical("2 * n - m"));
}

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

TEST_F(SymbolicParserTest, ErrorEmptyInput) {
  EXPECT_EQ(parseError(""), "expected expression at position 0");
  EXPECT_EQ(parseError("   "), "expected expression at position 3");
}

TEST_F(SymbolicParserTest, ErrorMissingOperand) {
  EXPECT_EQ(parseError("n +"), "expected expression at position 3");
  EXPECT_EQ(parseError("n floordiv"), "expected expression at position 10");
  EXPECT_EQ(parseError("* n"), "expected expression at position 0");
}

TEST_F(SymbolicParserTest, ErrorUnbalancedParentheses) {
  EXPECT_EQ(parseError("(n + 1"), "expected ')' at position 6");
  EXPECT_EQ(parseError("n + 1)"), "unexpected ')' at position 5");
}

TEST_F(SymbolicParserTest, ErrorUnexpectedCharacter) {
  EXPECT_EQ(parseError("n $ m"), "unexpected '$' at position 2");
  EXPECT_EQ(parseError("n / 2"), "unexpected '/' at position 2");
  EXPECT_EQ(parseError("2n"), "unexpected 'n' at position 1");
  EXPECT_EQ(parseError("n m"), "unexpected 'm' at position 2");
}

TEST_F(SymbolicParserTest, ErrorKeywordAsIdentifier) {
  EXPECT_EQ(parseError("mod + 1"),
            "expected expression, found keyword 'mod' at position 0");
  EXPECT_EQ(parseError("n + floordiv"),
            "expected expression, found keyword 'floordiv' at position 4");
  EXPECT_EQ(parseError("min + 1"), "expected '(' after 'min' at position 4");
}

TEST_F(SymbolicParserTest, ErrorMinMaxArity) {
  EXPECT_EQ(parseError("min(n)"),
            "min expects at least two arguments at position 0");
  EXPECT_EQ(parseError("max(n, )"), "expected expression at position 7");
  EXPECT_EQ(parseError("max(n m)"), "expected ',' or ')' at position 6");
}

TEST_F(SymbolicParserTest, ErrorIntegerOutOfRange) {
  EXPECT_EQ(parseError("9223372036854775808"),
            "integer literal '9223372036854775808' out of range at position 0");
  EXPECT_EQ(parseError("n + -9223372036854775809"),
            "integer literal '9223372036854775809' out of range at position 5");
  EXPECT_NE(parseError("n * 99999999999999999999999").find("out of range"),
            std::string::npos);
}

TEST_F(SymbolicParserTest, ErrorDivisionByZero) {
  std::string error = parseError("n floordiv (m - m)");
  EXPECT_NE(error.find("division by zero"), std::string::npos) << error;
  EXPECT_NE(error.find("at position 2"), std::string::npos) << error;
  error = parseError("1 + n mod 0");
  EXPECT_NE(error.find("modulo by zero"), std::string::npos) << error;
  EXPECT_NE(error.find("at position 6"), std::string::npos) << error;
}

TEST_F(SymbolicParserTest, ErrorDeepNestingIsRejected) {
  std::string deep(1000, '(');
  deep += "n";
  deep += std::string(1000, ')');
  EXPECT_NE(parseError(deep).find("nested too deeply"), std::string::npos);
  std::string negations(1000, '-');
  negations += "n";
  EXPECT_NE(parseError(negations).find("nested too deeply"), std::string::npos);
  // Moderate nesting is fine.
  EXPECT_EQ(parse("((((((n))))))"), n);
}

TEST_F(SymbolicParserTest, ErrorWithoutMessageBuffer) {
  EXPECT_TRUE(failed(parseExpr(ctx, "n +")));
  EXPECT_TRUE(succeeded(parseExpr(ctx, "n + 1")));
}

} // namespace

namespace {

// A product of 15 short differences of divisions (found by mlc-sym-fuzzer,
// fuzz/findings): every expansion stayed under 64 terms, but the terms
// repeated large atoms, so the canonical form printed as 19 MB and took
// seconds to parse back (90 s under ASan). Expansions are now bounded by
// their size written out too: the text stays small and round-trips.
TEST_F(SymbolicParserTest, ProductsOfDifferencesPrintSmall) {
  std::string text = "-(m - n floordiv 3) * -(n ceildiv 7 - m) * "
                     "-(n - l * 2 - m) * -(l - m) * -(n ceildiv 5 - l) * "
                     "-(m - l floordiv 2) * -(n - m * 3) * -(l - 7) * "
                     "-(m ceildiv 3 - n) * -(n - l) * -(m - 2) * "
                     "-(l ceildiv 4 - m - n) * -(n - 5) * -(m - l - n) * "
                     "-(n ceildiv 9 - m)";
  llvm::FailureOr<Expr> parsed = parseExpr(ctx, text);
  ASSERT_TRUE(succeeded(parsed));
  std::string printed = parsed->str();
  EXPECT_LT(printed.size(), 100000u);
  llvm::FailureOr<Expr> back = parseExpr(ctx, printed);
  ASSERT_TRUE(succeeded(back));
  EXPECT_EQ(*back, *parsed);
  EXPECT_LT(parsed->getTreeSize(), 100000u);
}

} // namespace
