//===- SymbolicAnalyzerTest.cpp - Symbolic prover tests -------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Equality/inequality proofs, bounds, divisibility and simplification of
// `mlc::sym::Analyzer`, including a brute-force soundness check.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Analyzer.h"

#include "gtest/gtest.h"

using namespace mlc::sym;

namespace mlc::sym {
static void PrintTo(Expr e, std::ostream *os) { *os << e.str(); }
static void PrintTo(Proof p, std::ostream *os) {
  *os << (p == Proof::True ? "True" : p == Proof::False ? "False" : "Unknown");
}
} // namespace mlc::sym

namespace {

class SymbolicAnalyzerTest : public ::testing::Test {
protected:
  Expr parse(llvm::StringRef text) {
    std::string error;
    llvm::FailureOr<Expr> result = parseExpr(ctx, text, &error);
    EXPECT_TRUE(succeeded(result)) << text.str() << ": " << error;
    return succeeded(result) ? *result : ctx.constant(0);
  }
  Proof eq(llvm::StringRef a, llvm::StringRef b) {
    return analyzer.proveEqual(parse(a), parse(b));
  }
  Proof le(llvm::StringRef a, llvm::StringRef b) {
    return analyzer.proveLE(parse(a), parse(b));
  }
  Proof lt(llvm::StringRef a, llvm::StringRef b) {
    return analyzer.proveLT(parse(a), parse(b));
  }
  std::string simplified(llvm::StringRef text) {
    return analyzer.simplify(parse(text)).str();
  }

  Context ctx;
  Analyzer analyzer;
};

//===----------------------------------------------------------------------===//
// Equality
//===----------------------------------------------------------------------===//

TEST_F(SymbolicAnalyzerTest, EqualByCanonicalForm) {
  EXPECT_EQ(eq("n * m", "m * n"), Proof::True);
  EXPECT_EQ(eq("(n + 1) * 2", "2 * n + 2"), Proof::True);
  EXPECT_EQ(eq("n floordiv 1", "n"), Proof::True);
  EXPECT_EQ(eq("min(n, n + 1)", "n"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, NotEqualByConstantDifference) {
  EXPECT_EQ(eq("n + 1", "n"), Proof::False);
  EXPECT_EQ(eq("n * m + 3", "m * n"), Proof::False);
  EXPECT_EQ(eq("4", "5"), Proof::False);
}

TEST_F(SymbolicAnalyzerTest, UnknownWithoutFacts) {
  // n could be 0, where n == 2 * n.
  EXPECT_EQ(eq("n", "2 * n"), Proof::Unknown);
  EXPECT_EQ(eq("n", "m"), Proof::Unknown);
  EXPECT_EQ(eq("n floordiv 2 * 2", "n"), Proof::Unknown);
  EXPECT_EQ(eq("n * n", "n"), Proof::Unknown);
  EXPECT_EQ(eq("min(n, m)", "n"), Proof::Unknown);
}

TEST_F(SymbolicAnalyzerTest, NotEqualByBounds) {
  analyzer.setBounds("n", 1, INT64_MAX);
  EXPECT_EQ(eq("n", "2 * n"), Proof::False);
  EXPECT_EQ(eq("n", "0"), Proof::False);
  EXPECT_EQ(eq("n * n", "0"), Proof::False);
}

TEST_F(SymbolicAnalyzerTest, EqualByBounds) {
  analyzer.setBounds("n", 7, 7);
  EXPECT_EQ(eq("n", "7"), Proof::True);
  EXPECT_EQ(eq("n * m", "7 * m"), Proof::True);
  analyzer.setBounds("k", 0, 3);
  EXPECT_EQ(eq("k floordiv 4", "0"), Proof::True);
  EXPECT_EQ(eq("k mod 4", "k"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, NotEqualByCongruence) {
  EXPECT_EQ(eq("2 * n", "2 * m + 1"), Proof::False);
  EXPECT_EQ(eq("6 * n + 3", "9 * m"), Proof::Unknown) << "both multiples of 3";
  analyzer.setDivisibility("n", 4);
  EXPECT_EQ(eq("n", "4 * m + 1"), Proof::False);
  EXPECT_EQ(eq("n + 2", "0"), Proof::False);
  EXPECT_EQ(eq("n", "8 * m"), Proof::Unknown);
}

TEST_F(SymbolicAnalyzerTest, EqualByDivisibilityRoundUp) {
  analyzer.setDivisibility("n", 32);
  EXPECT_EQ(eq("(n + 31) floordiv 32 * 32", "n"), Proof::True);
  EXPECT_EQ(eq("n ceildiv 32 * 32", "n"), Proof::True);
  EXPECT_EQ(eq("n floordiv 32 * 32", "n"), Proof::True);
  EXPECT_EQ(eq("n mod 32", "0"), Proof::True);
  EXPECT_EQ(eq("n mod 16", "0"), Proof::True);
  EXPECT_EQ(eq("(n + 5) mod 8", "5"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, DivisibilityIsRequiredForRoundUp) {
  EXPECT_EQ(eq("(n + 31) floordiv 32 * 32", "n"), Proof::Unknown);
  analyzer.setDivisibility("n", 16);
  EXPECT_EQ(eq("(n + 31) floordiv 32 * 32", "n"), Proof::Unknown)
      << "n == 16 rounds up to 32";
  EXPECT_EQ(eq("(n + 15) floordiv 16 * 16", "n"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, DivisibilityCombinesAsLcm) {
  analyzer.setDivisibility("n", 4);
  analyzer.setDivisibility("n", 6);
  EXPECT_EQ(eq("n mod 12", "0"), Proof::True);
  EXPECT_EQ(eq("n mod 24", "0"), Proof::Unknown);
  analyzer.setDivisibility("m", -8);
  EXPECT_EQ(eq("m mod 8", "0"), Proof::True);
}

//===----------------------------------------------------------------------===//
// Ordering
//===----------------------------------------------------------------------===//

TEST_F(SymbolicAnalyzerTest, LEWithoutFacts) {
  EXPECT_EQ(le("n", "n + 1"), Proof::True);
  EXPECT_EQ(le("n", "n"), Proof::True);
  EXPECT_EQ(le("n + 1", "n"), Proof::False);
  EXPECT_EQ(le("n", "m"), Proof::Unknown);
  EXPECT_EQ(le("n", "2 * n"), Proof::Unknown);
  EXPECT_EQ(le("0", "n mod 8"), Proof::True);
  EXPECT_EQ(le("n mod 8", "7"), Proof::True);
  EXPECT_EQ(le("0", "n * n"), Proof::True) << "even powers are non-negative";
}

TEST_F(SymbolicAnalyzerTest, LTWithoutFacts) {
  EXPECT_EQ(lt("n", "n + 1"), Proof::True);
  EXPECT_EQ(lt("n", "n"), Proof::False);
  EXPECT_EQ(lt("n + 2", "n"), Proof::False);
  EXPECT_EQ(lt("n", "m"), Proof::Unknown);
  EXPECT_EQ(lt("n mod 8", "8"), Proof::True);
  EXPECT_EQ(lt("n mod -8", "1"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, LEWithBounds) {
  analyzer.setBounds("n", 1, 4096);
  EXPECT_EQ(le("n", "4096"), Proof::True);
  EXPECT_EQ(lt("4096", "n"), Proof::False);
  EXPECT_EQ(lt("n", "4096"), Proof::Unknown);
  EXPECT_EQ(le("1", "n"), Proof::True);
  EXPECT_EQ(le("n", "2 * n"), Proof::True);
  EXPECT_EQ(lt("n", "2 * n"), Proof::True);
  EXPECT_EQ(le("5000", "n"), Proof::False);
  EXPECT_EQ(le("n * n", "16777216"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, LEWithTwoBoundedVariables) {
  analyzer.setBounds("n", 1, 10);
  analyzer.setBounds("m", 20, 30);
  EXPECT_EQ(lt("n", "m"), Proof::True);
  EXPECT_EQ(le("m", "n"), Proof::False);
  EXPECT_EQ(le("n * m", "300"), Proof::True);
  EXPECT_EQ(le("m floordiv n", "30"), Proof::True);
  EXPECT_EQ(le("2", "m floordiv n"), Proof::True);
  EXPECT_EQ(le("m mod n", "9"), Proof::True);
  EXPECT_EQ(le("3 * n", "m"), Proof::Unknown);
}

TEST_F(SymbolicAnalyzerTest, LEOfRoundingIdentities) {
  // floor rounding never exceeds, ceil rounding never falls below.
  EXPECT_EQ(le("n floordiv 32 * 32", "n"), Proof::True);
  EXPECT_EQ(le("n", "(n + 31) floordiv 32 * 32"), Proof::True);
  EXPECT_EQ(le("n", "n ceildiv 32 * 32"), Proof::True);
  EXPECT_EQ(lt("n", "n floordiv 32 * 32 + 32"), Proof::True);
  EXPECT_EQ(le("n ceildiv 32 * 32", "n + 31"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, LEOfMinMax) {
  EXPECT_EQ(le("min(n, m)", "n"), Proof::True);
  EXPECT_EQ(le("min(n, m)", "max(n, m)"), Proof::True);
  EXPECT_EQ(lt("min(n, m)", "max(n, m)"), Proof::Unknown) << "n == m";
  EXPECT_EQ(le("min(n, m) + 1", "max(n + 1, k)"), Proof::True);
  EXPECT_EQ(le("max(n, m)", "n"), Proof::Unknown);
  EXPECT_EQ(le("n", "max(n, m)"), Proof::True);
  analyzer.setBounds("n", 0, 100);
  EXPECT_EQ(le("min(n, 50)", "50"), Proof::True);
  EXPECT_EQ(le("0", "min(n, 50)"), Proof::True);
  EXPECT_EQ(le("max(n, 200)", "199"), Proof::False);
}

//===----------------------------------------------------------------------===//
// Bounds
//===----------------------------------------------------------------------===//

TEST_F(SymbolicAnalyzerTest, BoundsOfUnconstrainedVariable) {
  EXPECT_EQ(analyzer.getBounds(parse("n")), std::nullopt);
  EXPECT_EQ(analyzer.getBounds(parse("n + 1")), std::nullopt);
  auto bounds = analyzer.getBounds(parse("n mod 8"));
  ASSERT_TRUE(bounds);
  EXPECT_EQ(*bounds, std::make_pair(int64_t(0), int64_t(7)));
}

TEST_F(SymbolicAnalyzerTest, BoundsIntervalArithmetic) {
  analyzer.setBounds("n", 1, 4096);
  analyzer.setBounds("m", -3, 5);
  using Range = std::pair<int64_t, int64_t>;
  EXPECT_EQ(analyzer.getBounds(parse("n")), Range(1, 4096));
  EXPECT_EQ(analyzer.getBounds(parse("2 * n - 1")), Range(1, 8191));
  EXPECT_EQ(analyzer.getBounds(parse("n * m")), Range(-12288, 20480));
  EXPECT_EQ(analyzer.getBounds(parse("m * m")), Range(0, 25));
  EXPECT_EQ(analyzer.getBounds(parse("(n + 31) floordiv 32")), Range(1, 128));
  EXPECT_EQ(analyzer.getBounds(parse("n ceildiv 32")), Range(1, 128));
  EXPECT_EQ(analyzer.getBounds(parse("min(n, m)")), Range(-3, 5));
  EXPECT_EQ(analyzer.getBounds(parse("max(n, m)")), Range(1, 4096));
  EXPECT_EQ(analyzer.getBounds(parse("-m")), Range(-5, 3));
}

TEST_F(SymbolicAnalyzerTest, BoundsUseDivisibility) {
  analyzer.setBounds("n", 1, 100);
  analyzer.setDivisibility("n", 32);
  using Range = std::pair<int64_t, int64_t>;
  EXPECT_EQ(analyzer.getBounds(parse("n")), Range(32, 96));
  EXPECT_EQ(analyzer.proveLE(parse("32"), parse("n")), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, BoundsNeverWrap) {
  analyzer.setBounds("n", 0, INT64_MAX);
  // The true range exceeds int64: no bounds rather than wrapped ones.
  EXPECT_EQ(analyzer.getBounds(parse("n + 1")), std::nullopt);
  EXPECT_EQ(analyzer.getBounds(parse("n * n")), std::nullopt);
  EXPECT_EQ(le("0", "n * n * n"), Proof::True);
  EXPECT_EQ(le("0", "n + 1"), Proof::True);
}

TEST_F(SymbolicAnalyzerTest, FactsIntersect) {
  analyzer.setBounds("n", 0, 100);
  analyzer.setBounds("n", 50, 200);
  using Range = std::pair<int64_t, int64_t>;
  EXPECT_EQ(analyzer.getBounds(parse("n")), Range(50, 100));
}

//===----------------------------------------------------------------------===//
// Simplification
//===----------------------------------------------------------------------===//

TEST_F(SymbolicAnalyzerTest, SimplifyRoundUpWithDivisibility) {
  analyzer.setDivisibility("n", 32);
  EXPECT_EQ(simplified("(n + 31) floordiv 32 * 32"), "n");
  EXPECT_EQ(simplified("(n + 31) floordiv 32"), "n floordiv 32");
  EXPECT_EQ(simplified("n ceildiv 32"), "n floordiv 32");
  EXPECT_EQ(simplified("n mod 32 + m"), "m");
}

TEST_F(SymbolicAnalyzerTest, SimplifyMinMaxWithBounds) {
  analyzer.setBounds("n", 1, 4096);
  EXPECT_EQ(simplified("min(n, 4096)"), "n");
  EXPECT_EQ(simplified("max(n, 1)"), "n");
  EXPECT_EQ(simplified("max(n, 0) + min(n, 8192)"), "2 * n");
  EXPECT_EQ(simplified("min(n, 100)"), "min(n, 100)");
  EXPECT_EQ(simplified("min(n, m)"), "min(m, n)");
}

TEST_F(SymbolicAnalyzerTest, SimplifyDivisionWithBounds) {
  analyzer.setBounds("n", 0, 63);
  EXPECT_EQ(simplified("n floordiv 64"), "0");
  EXPECT_EQ(simplified("n mod 64"), "n");
  EXPECT_EQ(simplified("n ceildiv 64"), "n ceildiv 64") << "0 or 1";
  EXPECT_EQ(simplified("(n + 64) mod 64"), "n");
  EXPECT_EQ(simplified("(4 * m + n) floordiv 64"), "(4 * m + n) floordiv 64");
  EXPECT_EQ(simplified("(64 * m + n) floordiv 64"), "m");
}

TEST_F(SymbolicAnalyzerTest, SimplifyModIdentities) {
  EXPECT_EQ(simplified("n - n floordiv 32 * 32"), "n mod 32");
  EXPECT_EQ(simplified("n floordiv 32 * 32 + n mod 32"), "n");
  EXPECT_EQ(simplified("n ceildiv 8 * 8 - n"), "-n mod 8");
  EXPECT_EQ(simplified("n floordiv 32 * 32"), "n floordiv 32 * 32")
      << "only rewrites that shrink the expression";
}

TEST_F(SymbolicAnalyzerTest, SimplifyNormalizesDivisionConstants) {
  EXPECT_EQ(analyzer.simplify(parse("(n + 33) floordiv 32")),
            analyzer.simplify(parse("(n + 1) floordiv 32 + 1")));
  EXPECT_EQ(eq("(n + 33) floordiv 32", "(n + 1) floordiv 32 + 1"), Proof::True);
  EXPECT_EQ(simplified("(n - 1) mod 4"), "(n + 3) mod 4");
}

TEST_F(SymbolicAnalyzerTest, SimplifyFixedVariable) {
  analyzer.setBounds("n", 16, 16);
  EXPECT_EQ(simplified("n * m + n"), "16 * m + 16");
  EXPECT_EQ(simplified("m floordiv n"), "m floordiv 16");
}

TEST_F(SymbolicAnalyzerTest, SimplifyWithoutFactsKeepsCanonicalForm) {
  const char *cases[] = {"n + 1", "n floordiv 2", "min(n, m)", "n * m - 3",
                         "(n + 31) floordiv 32 * 32"};
  for (const char *text : cases)
    EXPECT_EQ(analyzer.simplify(parse(text)), parse(text)) << text;
}

TEST_F(SymbolicAnalyzerTest, OverflowEdgeCasesAreHandled) {
  // Unfolded nodes must neither crash the analyses nor be misjudged.
  Expr huge = parse("9223372036854775807 + 1");
  EXPECT_EQ(analyzer.getBounds(huge), std::nullopt);
  EXPECT_EQ(analyzer.proveEqual(huge, huge), Proof::True);
  EXPECT_EQ(analyzer.proveLE(parse("n"), parse("n + 9223372036854775807")),
            Proof::True);
  Expr trap = parse("-9223372036854775808 floordiv -1 + n");
  EXPECT_EQ(analyzer.simplify(trap), trap);
  EXPECT_EQ(analyzer.proveEqual(trap, parse("n")), Proof::False);
  // Normalizing the constant of a division must not overflow.
  EXPECT_EQ(simplified("(n + -9223372036854775807) floordiv 4"),
            "(n + 1) floordiv 4 - 2305843009213693952");
}

TEST_F(SymbolicAnalyzerTest, ContradictoryFactsDoNotTrap) {
  // No multiple of 4 lies in [1, 3]: every answer is vacuous, but divisions
  // over the empty range must not trap.
  analyzer.setBounds("n", 1, 3);
  analyzer.setDivisibility("n", 4);
  EXPECT_EQ(analyzer.getBounds(parse("n")), std::nullopt);
  Expr e = parse("m floordiv n + m mod n + m ceildiv (n * 2)");
  EXPECT_TRUE(analyzer.simplify(e));
  EXPECT_EQ(analyzer.getBounds(parse("m floordiv n")), std::nullopt);
  EXPECT_EQ(analyzer.getBounds(parse("m mod n")), std::nullopt);
}

//===----------------------------------------------------------------------===//
// Brute-force soundness
//===----------------------------------------------------------------------===//

/// Checks every True/False answer and every simplification against exhaustive
/// evaluation over the variables' (small) ranges.
class SymbolicAnalyzerSoundnessTest : public SymbolicAnalyzerTest {
protected:
  void SetUp() override {
    analyzer.setBounds("n", 0, 12);
    analyzer.setDivisibility("n", 4);
    analyzer.setBounds("m", -5, 5);
  }

  /// Values of `e` at every consistent assignment (nullopt where undefined).
  std::vector<std::optional<int64_t>> valuesOf(Expr e) {
    std::vector<std::optional<int64_t>> values;
    for (int64_t nValue = 0; nValue <= 12; nValue += 4) {
      for (int64_t mValue = -5; mValue <= 5; ++mValue) {
        llvm::StringMap<int64_t> bindings{{"n", nValue}, {"m", mValue}};
        llvm::FailureOr<int64_t> value = evaluate(e, bindings);
        values.push_back(succeeded(value) ? std::optional<int64_t>(*value)
                                          : std::nullopt);
      }
    }
    return values;
  }
};

TEST_F(SymbolicAnalyzerSoundnessTest, ProofsAndSimplificationsHold) {
  const char *texts[] = {
      "n",
      "m",
      "n + m",
      "n - m",
      "n * m",
      "m * m",
      "n floordiv 4",
      "(n + 3) floordiv 4 * 4",
      "n mod 8",
      "m mod 3",
      "m floordiv 2",
      "m ceildiv 2 * 2",
      "min(n, m)",
      "max(n, 4)",
      "n floordiv (m * m + 1)",
      "(m + 5) mod 4",
      "12 - n",
      "2 * m + 1",
      "n ceildiv 8",
      "m mod -3",
      "min(n, 8)",
      "n * n - m",
      "0",
      "4",
  };
  std::vector<Expr> exprs;
  for (const char *text : texts)
    exprs.push_back(parse(text));

  unsigned decided = 0;
  for (Expr a : exprs) {
    std::vector<std::optional<int64_t>> aValues = valuesOf(a);
    std::vector<std::optional<int64_t>> sValues =
        valuesOf(analyzer.simplify(a));
    for (size_t i = 0; i != aValues.size(); ++i)
      if (aValues[i])
        ASSERT_EQ(sValues[i], aValues[i])
            << a.str() << " simplified to " << analyzer.simplify(a).str();

    for (Expr b : exprs) {
      std::vector<std::optional<int64_t>> bValues = valuesOf(b);
      auto holdsEverywhere = [&](auto predicate) {
        for (size_t i = 0; i != aValues.size(); ++i)
          if (aValues[i] && bValues[i] && !predicate(*aValues[i], *bValues[i]))
            return false;
        return true;
      };
      auto check = [&](Proof proof, auto predicate, const char *name) {
        if (proof == Proof::Unknown)
          return;
        ++decided;
        if (proof == Proof::True)
          EXPECT_TRUE(holdsEverywhere(predicate))
              << name << "(" << a.str() << ", " << b.str() << ") claimed True";
        else
          EXPECT_TRUE(holdsEverywhere([&](int64_t x, int64_t y) {
            return !predicate(x, y);
          })) << name
              << "(" << a.str() << ", " << b.str() << ") claimed False";
      };
      check(
          analyzer.proveEqual(a, b),
          [](int64_t x, int64_t y) { return x == y; }, "proveEqual");
      check(
          analyzer.proveLE(a, b), [](int64_t x, int64_t y) { return x <= y; },
          "proveLE");
      check(
          analyzer.proveLT(a, b), [](int64_t x, int64_t y) { return x < y; },
          "proveLT");
    }
  }
  EXPECT_GT(decided, 200u) << "the prover should decide many of these";
}

/// Random expressions over n and m built from the printed syntax.
static std::string randomExpr(unsigned &state, unsigned depth) {
  auto next = [&](unsigned bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % bound;
  };
  if (depth == 0 || next(4) == 0) {
    const char *leaves[] = {"n", "m", "1", "3", "-2", "4", "0"};
    return leaves[next(7)];
  }
  std::string a = randomExpr(state, depth - 1);
  const char *divisors[] = {"2", "3", "4", "-3", "8"};
  switch (next(9)) {
  case 0:
    return "(" + a + " + " + randomExpr(state, depth - 1) + ")";
  case 1:
    return "(" + a + " - " + randomExpr(state, depth - 1) + ")";
  case 2:
    return "(" + a + " * " + randomExpr(state, depth - 1) + ")";
  case 3:
    return "(" + a + " floordiv " + divisors[next(5)] + ")";
  case 4:
    return "(" + a + " ceildiv " + divisors[next(5)] + ")";
  case 5:
    return "(" + a + " mod " + divisors[next(5)] + ")";
  case 6:
    return "min(" + a + ", " + randomExpr(state, depth - 1) + ")";
  case 7:
    return "max(" + a + ", " + randomExpr(state, depth - 1) + ")";
  default:
    return "(" + a + " floordiv (" + randomExpr(state, depth - 1) + "))";
  }
}

TEST_F(SymbolicAnalyzerSoundnessTest, RandomExpressions) {
  unsigned state = 2024;
  std::vector<Expr> exprs;
  while (exprs.size() != 60) {
    llvm::FailureOr<Expr> e = parseExpr(ctx, randomExpr(state, 4));
    if (succeeded(e)) // Skips constant zero divisors.
      exprs.push_back(*e);
  }
  for (size_t i = 0; i != exprs.size(); ++i) {
    Expr a = exprs[i], b = exprs[(i * 7 + 3) % exprs.size()];
    std::vector<std::optional<int64_t>> aValues = valuesOf(a),
                                        bValues = valuesOf(b),
                                        sValues =
                                            valuesOf(analyzer.simplify(a));
    auto bounds = analyzer.getBounds(a);
    Proof eqProof = analyzer.proveEqual(a, b), leProof = analyzer.proveLE(a, b);
    for (size_t j = 0; j != aValues.size(); ++j) {
      if (!aValues[j])
        continue;
      EXPECT_EQ(sValues[j], aValues[j]) << a.str();
      if (bounds) {
        EXPECT_LE(bounds->first, *aValues[j]) << a.str();
        EXPECT_LE(*aValues[j], bounds->second) << a.str();
      }
      if (!bValues[j])
        continue;
      if (eqProof != Proof::Unknown)
        EXPECT_EQ(eqProof == Proof::True, *aValues[j] == *bValues[j])
            << a.str() << " == " << b.str();
      if (leProof != Proof::Unknown)
        EXPECT_EQ(leProof == Proof::True, *aValues[j] <= *bValues[j])
            << a.str() << " <= " << b.str();
    }
  }
}

TEST_F(SymbolicAnalyzerSoundnessTest, BoundsContainAllValues) {
  const char *texts[] = {"n * m - 3",
                         "(n + 3) floordiv 4",
                         "m mod 3",
                         "min(n, m) * 2",
                         "m * m * m",
                         "n ceildiv 3",
                         "(m + 7) floordiv (n + 1)",
                         "max(n - m, m - n)"};
  for (const char *text : texts) {
    Expr e = parse(text);
    auto bounds = analyzer.getBounds(e);
    ASSERT_TRUE(bounds) << text;
    for (std::optional<int64_t> value : valuesOf(e)) {
      ASSERT_TRUE(value);
      EXPECT_LE(bounds->first, *value) << text;
      EXPECT_LE(*value, bounds->second) << text;
    }
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// Shared subexpressions
//===----------------------------------------------------------------------===//

// Expressions are DAGs. A node reached along 2^40 paths must still be
// analyzed once: congruences are memoized, and the simplifier's cost counts
// distinct nodes. (Found by mlc-parse-fuzzer: a reshape of a garbled module
// took 7 s to verify.)
TEST_F(SymbolicAnalyzerTest, SharedSubexpressionsAreAnalyzedOnce) {
  Expr x = ctx.var("n");
  for (int depth = 0; depth < 40; ++depth)
    x = *floorDiv(x, ctx.constant(2)) + *floorDiv(x, ctx.constant(3)) * 6;
  EXPECT_EQ(analyzer.proveEqual(x, x + 1), Proof::False);
  EXPECT_EQ(analyzer.proveEqual(x, x), Proof::True);
  (void)analyzer.simplify(x);
  (void)analyzer.getCongruence(x);
}
