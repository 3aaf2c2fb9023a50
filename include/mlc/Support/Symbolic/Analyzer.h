//===- Analyzer.h - Proving facts about symbolic expressions ----*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// A small, sound prover over `Expr`. Facts are per-variable inclusive bounds
// and divisibility; everything else is derived through interval arithmetic,
// congruence (modular) reasoning and bounds-aware simplification. Variables
// without facts are unbounded. Answers are `True`/`False` only when they hold
// for every assignment consistent with the facts (and at which both sides are
// defined); otherwise `Unknown`.
//
// The prover is deliberately incomplete: intervals treat distinct atoms as
// independent (so `n * n - n >= 0` is only known through bounds), there is no
// case splitting, and min/max terms are only seen through two levels of
// operand substitution.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_SUPPORT_SYMBOLIC_ANALYZER_H
#define MLC_SUPPORT_SYMBOLIC_ANALYZER_H

#include "mlc/Support/Symbolic/Expr.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <utility>

namespace mlc::sym {

namespace detail {
class AnalyzerAccess;
} // namespace detail

enum class Proof { True, False, Unknown };

class Analyzer {
public:
  /// Records `lo <= var <= hi`. Repeated calls intersect the ranges; the
  /// caller must not record contradictory facts.
  void setBounds(llvm::StringRef var, int64_t lo, int64_t hi);

  /// Records that `var` is a multiple of `divisor` (non-zero). Repeated calls
  /// combine (the variable is a multiple of their least common multiple).
  void setDivisibility(llvm::StringRef var, int64_t divisor);

  /// Sound inclusive bounds of `e`, or nullopt when either side is unbounded
  /// or does not fit int64 (or the facts are contradictory).
  std::optional<std::pair<int64_t, int64_t>> getBounds(Expr e) const;

  /// `a == b`: True if `a - b` simplifies to 0 or its bounds are {0}; False if
  /// the difference is a non-zero constant, its bounds exclude 0, or a
  /// congruence excludes 0 (e.g. `2 * n` vs `2 * m + 1`).
  Proof proveEqual(Expr a, Expr b) const;
  /// `a <= b`.
  Proof proveLE(Expr a, Expr b) const;
  /// `a < b`.
  Proof proveLT(Expr a, Expr b) const;

  /// Bounds- and divisibility-aware simplification. The result equals `e`
  /// for every assignment consistent with the facts, for example:
  ///   (n + 31) floordiv 32 * 32  ->  n          if n is a multiple of 32
  ///   min(n, 4096)               ->  n          if n <= 4096
  ///   n mod 64                   ->  n          if 0 <= n < 64
  ///   n - n floordiv 32 * 32     ->  n mod 32
  Expr simplify(Expr e) const;

  /// A congruence `e == modulus * k + residue` for some integer k; a modulus
  /// of 0 means `e == residue`. Exposed for tests and callers that need
  /// alignment facts.
  struct Congruence {
    int64_t modulus = 1;
    int64_t residue = 0;
  };
  /// Memoized per analyzer (expressions are DAGs: without it a shared
  /// subexpression is revisited once per path, exponentially many times).
  /// The cache makes an analyzer unsafe to share between threads.
  Congruence getCongruence(Expr e) const;

private:
  Congruence computeCongruence(Expr e) const;
  friend class detail::AnalyzerAccess;
  struct Facts {
    std::optional<int64_t> lo, hi;
    int64_t divisor = 1;
  };
  const Facts *lookup(llvm::StringRef var) const;

  llvm::StringMap<Facts> facts;
  /// getCongruence's memo; cleared when facts change.
  mutable llvm::DenseMap<Expr, Congruence> congruences;
};

} // namespace mlc::sym

#endif // MLC_SUPPORT_SYMBOLIC_ANALYZER_H
