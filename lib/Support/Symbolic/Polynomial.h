//===- Polynomial.h - Polynomial view of symbolic expressions ---*- C++ -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Internal helpers shared by the canonicalizer and the analyzer: a flat,
// overflow-checked polynomial view of `Add`/`Mul` expressions, and exact
// integer division helpers.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_LIB_SUPPORT_SYMBOLIC_POLYNOMIAL_H
#define MLC_LIB_SUPPORT_SYMBOLIC_POLYNOMIAL_H

#include "mlc/Support/Symbolic/Expr.h"

#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace mlc::sym::detail {

/// `coefficient * atoms[0] * atoms[1] * ...`; `atoms` is sorted and non-empty.
struct Term {
  llvm::SmallVector<Expr, 2> atoms;
  int64_t coefficient = 1;
};

/// A sum of terms with pairwise distinct monomials, sorted by monomial, plus
/// a constant. No term has a zero coefficient.
struct Polynomial {
  llvm::SmallVector<Term, 4> terms;
  int64_t constant = 0;

  bool isConstant() const { return terms.empty(); }
};

/// Graded order of sorted atom lists: higher degree first, then
/// lexicographic.
int compareMonomials(llvm::ArrayRef<Expr> lhs, llvm::ArrayRef<Expr> rhs);

/// Returns true for the kinds that are atoms of a polynomial. Unfolded
/// `Add`/`Mul` nodes are atoms too, see `isAtom`.
bool isAtom(Expr e);

/// The polynomial view of `e`; atoms become single terms with coefficient 1.
Polynomial toPolynomial(Expr e);

/// Builds the canonical expression for `p` in context `ctx`.
Expr fromPolynomial(Context &ctx, const Polynomial &p);

/// `lhs + scale * rhs`, or nullopt when a coefficient overflows.
std::optional<Polynomial>
addPolynomials(const Polynomial &lhs, const Polynomial &rhs, int64_t scale = 1);

/// `lhs * rhs`, or nullopt on overflow or when the expansion would exceed
/// `kMaxExpandedTerms` terms or `kMaxExpandedTreeSize` nodes written out.
std::optional<Polynomial> mulPolynomials(const Polynomial &lhs,
                                         const Polynomial &rhs);

/// Expansions larger than this are kept unfolded instead (a product of sums
/// can grow exponentially).
constexpr size_t kMaxExpandedTerms = 64;

/// The same bound on the expansion written out: 64 terms of products of
/// large atoms (divisions of sums, themselves expanded) multiply the text;
/// a 300-character product of 15 differences printed as 19 MB before.
constexpr uint64_t kMaxExpandedTreeSize = 4096;

/// Canonical expression of a single term.
Expr termToExpr(Context &ctx, const Term &term);

/// Integer helpers with floor/ceil rounding; nullopt when the result does not
/// fit int64 (only `INT64_MIN / -1`). `rhs` must be non-zero.
std::optional<int64_t> floorDivInt(int64_t lhs, int64_t rhs);
std::optional<int64_t> ceilDivInt(int64_t lhs, int64_t rhs);
int64_t floorModInt(int64_t lhs, int64_t rhs);

/// Greatest common divisor of the absolute values (as unsigned, so that
/// `INT64_MIN` is handled); gcd(0, 0) == 0.
uint64_t gcdAbs(int64_t a, int64_t b);

} // namespace mlc::sym::detail

#endif // MLC_LIB_SUPPORT_SYMBOLIC_POLYNOMIAL_H
