//===- Canonicalize.cpp - Canonicalizing expression construction ----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The arithmetic operators, divisions and min/max. Every function returns the
// canonical form described in Expr.h and never assumes anything about the
// signs or ranges of variables.
//
//===----------------------------------------------------------------------===//

#include "Polynomial.h"

#include "llvm/ADT/Twine.h"

#include <algorithm>

using namespace mlc::sym;
using namespace mlc::sym::detail;

static Context &getCommonContext(Expr lhs, Expr rhs) {
  assert(lhs && rhs && "null expression operand");
  assert(&lhs.getContext() == &rhs.getContext() &&
         "operands from different contexts");
  return lhs.getContext();
}

//===----------------------------------------------------------------------===//
// Addition and multiplication
//===----------------------------------------------------------------------===//

/// `lhs + scale * rhs`. When a coefficient overflows, the sum is kept as an
/// unfolded node; its operands are sorted so that the result does not depend
/// on the operand order.
static Expr addScaled(Expr lhs, Expr rhs, int64_t scale) {
  Context &ctx = getCommonContext(lhs, rhs);
  if (std::optional<Polynomial> sum =
          addPolynomials(toPolynomial(lhs), toPolynomial(rhs), scale))
    return fromPolynomial(ctx, *sum);
  if (scale != 1) {
    // Scaling itself overflowed (e.g. -INT64_MIN): negate first, which may
    // yield an unfolded product that then adds as an atom, so that `a - b`
    // and `a + (-b)` agree.
    rhs = rhs * scale;
    if (std::optional<Polynomial> sum =
            addPolynomials(toPolynomial(lhs), toPolynomial(rhs)))
      return fromPolynomial(ctx, *sum);
  }
  if (rhs < lhs)
    std::swap(lhs, rhs);
  return ctx.getNode(ExprKind::Add, {lhs, rhs}, /*unfolded=*/true);
}

Expr mlc::sym::operator+(Expr lhs, Expr rhs) { return addScaled(lhs, rhs, 1); }

Expr mlc::sym::operator-(Expr lhs, Expr rhs) { return addScaled(lhs, rhs, -1); }

Expr mlc::sym::operator*(Expr lhs, Expr rhs) {
  Context &ctx = getCommonContext(lhs, rhs);
  // Sorting first makes the expansion (and whether it overflows) independent
  // of the operand order.
  if (rhs < lhs)
    std::swap(lhs, rhs);
  if (std::optional<Polynomial> product =
          mulPolynomials(toPolynomial(lhs), toPolynomial(rhs)))
    return fromPolynomial(ctx, *product);
  return ctx.getNode(ExprKind::Mul, {lhs, rhs}, /*unfolded=*/true);
}

Expr mlc::sym::operator-(Expr e) { return e * -1; }

Expr mlc::sym::operator+(Expr lhs, int64_t rhs) {
  return lhs + lhs.getContext().constant(rhs);
}
Expr mlc::sym::operator-(Expr lhs, int64_t rhs) {
  return lhs - lhs.getContext().constant(rhs);
}
Expr mlc::sym::operator*(Expr lhs, int64_t rhs) {
  return lhs * lhs.getContext().constant(rhs);
}
Expr mlc::sym::operator+(int64_t lhs, Expr rhs) {
  return rhs.getContext().constant(lhs) + rhs;
}
Expr mlc::sym::operator-(int64_t lhs, Expr rhs) {
  return rhs.getContext().constant(lhs) - rhs;
}
Expr mlc::sym::operator*(int64_t lhs, Expr rhs) {
  return rhs.getContext().constant(lhs) * rhs;
}

//===----------------------------------------------------------------------===//
// Division and modulus
//===----------------------------------------------------------------------===//

namespace {
enum class DivOp { Floor, Ceil, Mod };
} // namespace

static ExprKind kindOf(DivOp op) {
  switch (op) {
  case DivOp::Floor:
    return ExprKind::FloorDiv;
  case DivOp::Ceil:
    return ExprKind::CeilDiv;
  case DivOp::Mod:
    return ExprKind::Mod;
  }
  llvm_unreachable("unknown division");
}

static llvm::FailureOr<Expr> divide(DivOp op, Expr lhs, Expr rhs,
                                    std::string *error);

/// Folds `lhs op rhs` for constants. Only `INT64_MIN floordiv -1` and
/// `INT64_MIN ceildiv -1` do not fit; they stay unfolded.
static Expr foldConstants(DivOp op, Expr lhs, Expr rhs) {
  int64_t a = *lhs.getConstant(), b = *rhs.getConstant();
  std::optional<int64_t> result = op == DivOp::Floor  ? floorDivInt(a, b)
                                  : op == DivOp::Ceil ? ceilDivInt(a, b)
                                                      : floorModInt(a, b);
  if (!result)
    return lhs.getContext().getNode(kindOf(op), {lhs, rhs});
  return lhs.getContext().constant(*result);
}

/// Builds the node for a remainder `rest op divisor` whose terms are not
/// multiples of `divisor` and share no common factor with it. Nested
/// divisions by positive constants merge:
///   (x floordiv a) floordiv b == x floordiv (a * b)
///   (x ceildiv a) ceildiv b  == x ceildiv (a * b)
///   (x mod a) mod b          == x mod b   if b divides a
///   (x mod a) mod b          == x mod a   if a <= b
static Expr makeConstantDivision(DivOp op, Expr rest, int64_t divisor) {
  Context &ctx = rest.getContext();
  if (divisor > 0 && rest.getKind() == kindOf(op)) {
    Expr inner = rest.getOperands()[0];
    std::optional<int64_t> innerDivisor = rest.getOperands()[1].getConstant();
    if (innerDivisor && *innerDivisor > 0) {
      if (op == DivOp::Mod) {
        if (*innerDivisor % divisor == 0)
          return *divide(op, inner, ctx.constant(divisor), nullptr);
        if (*innerDivisor <= divisor)
          return rest;
      } else if (int64_t combined;
                 !llvm::MulOverflow(*innerDivisor, divisor, combined)) {
        // Re-canonicalize: the merged divisor may share factors with `inner`.
        return *divide(op, inner, ctx.constant(combined), nullptr);
      }
    }
  }
  return ctx.getNode(kindOf(op), {rest, ctx.constant(divisor)});
}

/// Division by a non-zero constant. Uses, for any integers Q and R,
///   (c*Q + R) floordiv c == Q + R floordiv c
///   (c*Q + R) ceildiv c  == Q + R ceildiv c
///   (c*Q + R) mod c      == R mod c
/// and, with g = gcd(c, coefficients of R),
///   R floordiv c == (R/g) floordiv (c/g),  R mod c == g * ((R/g) mod (c/g)).
static Expr divideByConstant(DivOp op, Expr lhs, int64_t divisor) {
  Context &ctx = lhs.getContext();
  if (divisor == 1 || divisor == -1) {
    if (op == DivOp::Mod)
      return ctx.constant(0);
    return divisor == 1 ? lhs : -lhs;
  }

  // Split into multiples of the divisor (quotient) and the rest. `divisor`
  // is not -1 here, so none of the divisions below can overflow.
  Polynomial numerator = toPolynomial(lhs), quotient, rest;
  for (const Term &term : numerator.terms) {
    if (term.coefficient % divisor == 0)
      quotient.terms.push_back({term.atoms, term.coefficient / divisor});
    else
      rest.terms.push_back(term);
  }
  if (numerator.constant % divisor == 0)
    quotient.constant = numerator.constant / divisor;
  else
    rest.constant = numerator.constant;

  if (rest.isConstant()) {
    if (op == DivOp::Mod)
      return ctx.constant(floorModInt(rest.constant, divisor));
    if (rest.constant != 0)
      quotient.constant = op == DivOp::Floor
                              ? *floorDivInt(rest.constant, divisor)
                              : *ceilDivInt(rest.constant, divisor);
    return fromPolynomial(ctx, quotient);
  }

  uint64_t gcd = gcdAbs(divisor, rest.constant);
  for (const Term &term : rest.terms)
    gcd = std::gcd(gcd, gcdAbs(term.coefficient, 0));
  // gcd divides the non-zero divisor, so it fits int64 and is at least 1.
  auto factor = static_cast<int64_t>(gcd);
  for (Term &term : rest.terms)
    term.coefficient /= factor;
  rest.constant /= factor;
  Expr remainder =
      makeConstantDivision(op, fromPolynomial(ctx, rest), divisor / factor);
  if (op == DivOp::Mod)
    return remainder * factor;
  return fromPolynomial(ctx, quotient) + remainder;
}

/// `lhs / rhs` when the division is exact and representable.
static std::optional<int64_t> exactQuotient(int64_t lhs, int64_t rhs) {
  if (rhs == -1) // INT64_MIN % -1 and INT64_MIN / -1 trap.
    return lhs == INT64_MIN ? std::nullopt : std::optional<int64_t>(-lhs);
  if (lhs % rhs != 0)
    return std::nullopt;
  return lhs / rhs;
}

/// Returns `atoms` minus the sub-multiset `removed`, or nullopt if `removed`
/// is not contained in `atoms`. Both are sorted.
static std::optional<llvm::SmallVector<Expr, 2>>
removeAtoms(llvm::ArrayRef<Expr> atoms, llvm::ArrayRef<Expr> removed) {
  auto less = [](Expr a, Expr b) { return a < b; };
  if (!std::includes(atoms.begin(), atoms.end(), removed.begin(), removed.end(),
                     less))
    return std::nullopt;
  llvm::SmallVector<Expr, 2> result;
  std::set_difference(atoms.begin(), atoms.end(), removed.begin(),
                      removed.end(), std::back_inserter(result), less);
  return result;
}

/// Division by a symbolic divisor, assumed non-zero where evaluated. When the
/// divisor is a single term `d`, the terms of `lhs` that are multiples of `d`
/// are extracted exactly as for constants.
static Expr divideBySymbol(DivOp op, Expr lhs, Expr rhs) {
  Context &ctx = lhs.getContext();
  if (lhs == rhs)
    return ctx.constant(op == DivOp::Mod ? 0 : 1);
  Polynomial divisor = toPolynomial(rhs);
  if (divisor.terms.size() != 1 || divisor.constant != 0)
    return ctx.getNode(kindOf(op), {lhs, rhs});

  const Term &d = divisor.terms.front();
  Polynomial numerator = toPolynomial(lhs), quotient, rest;
  rest.constant = numerator.constant;
  for (const Term &term : numerator.terms) {
    std::optional<int64_t> coefficient =
        exactQuotient(term.coefficient, d.coefficient);
    std::optional<llvm::SmallVector<Expr, 2>> atoms;
    if (coefficient)
      atoms = removeAtoms(term.atoms, d.atoms);
    if (!atoms) {
      rest.terms.push_back(term);
      continue;
    }
    Polynomial part;
    if (atoms->empty())
      part.constant = *coefficient;
    else
      part.terms.push_back({*atoms, *coefficient});
    // Distinct monomials minus the same atoms stay distinct: no overflow.
    quotient = *addPolynomials(quotient, part);
  }
  if (quotient.isConstant() && quotient.constant == 0)
    return ctx.getNode(kindOf(op), {lhs, rhs});
  bool restIsZero = rest.isConstant() && rest.constant == 0;
  if (op == DivOp::Mod)
    return restIsZero
               ? ctx.constant(0)
               : ctx.getNode(ExprKind::Mod, {fromPolynomial(ctx, rest), rhs});
  Expr result = fromPolynomial(ctx, quotient);
  if (restIsZero)
    return result;
  return result + ctx.getNode(kindOf(op), {fromPolynomial(ctx, rest), rhs});
}

static llvm::FailureOr<Expr> divide(DivOp op, Expr lhs, Expr rhs,
                                    std::string *error) {
  getCommonContext(lhs, rhs);
  std::optional<int64_t> divisor = rhs.getConstant();
  if (divisor == 0) {
    if (error)
      *error = (llvm::Twine(op == DivOp::Mod ? "modulo" : "division") +
                " by zero (dividend: '" + lhs.str() + "')")
                   .str();
    return llvm::failure();
  }
  if (divisor && lhs.isConstant())
    return foldConstants(op, lhs, rhs);
  if (divisor)
    return divideByConstant(op, lhs, *divisor);
  return divideBySymbol(op, lhs, rhs);
}

llvm::FailureOr<Expr> mlc::sym::floorDiv(Expr lhs, Expr rhs,
                                         std::string *error) {
  return divide(DivOp::Floor, lhs, rhs, error);
}

llvm::FailureOr<Expr> mlc::sym::ceilDiv(Expr lhs, Expr rhs,
                                        std::string *error) {
  return divide(DivOp::Ceil, lhs, rhs, error);
}

llvm::FailureOr<Expr> mlc::sym::mod(Expr lhs, Expr rhs, std::string *error) {
  return divide(DivOp::Mod, lhs, rhs, error);
}

//===----------------------------------------------------------------------===//
// Min and max
//===----------------------------------------------------------------------===//

/// The constant `rhs - lhs`, if the difference is constant.
static std::optional<int64_t> constantDifference(Expr lhs, Expr rhs) {
  std::optional<Polynomial> difference =
      addPolynomials(toPolynomial(rhs), toPolynomial(lhs), -1);
  if (!difference || !difference->isConstant())
    return std::nullopt;
  return difference->constant;
}

/// Structural, bound-free proof of `lhs <= rhs`: a non-negative constant
/// difference, or `rhs` is a max (`lhs` a min) with such an operand.
static bool isStructurallyLE(Expr lhs, Expr rhs) {
  std::optional<int64_t> difference = constantDifference(lhs, rhs);
  if (difference)
    return *difference >= 0;
  if (rhs.getKind() == ExprKind::Max &&
      llvm::any_of(rhs.getOperands(), [&](Expr operand) {
        return isStructurallyLE(lhs, operand);
      }))
    return true;
  return lhs.getKind() == ExprKind::Min &&
         llvm::any_of(lhs.getOperands(), [&](Expr operand) {
           return isStructurallyLE(operand, rhs);
         });
}

/// Sorts distinct min/max operands: non-constants in structural order, the
/// constant (at most one) last, so that `min(n, 4096)` reads naturally.
static void sortMinMaxOperands(llvm::SmallVectorImpl<Expr> &operands) {
  llvm::sort(operands, [](Expr a, Expr b) {
    if (a.isConstant() != b.isConstant())
      return b.isConstant();
    return a < b;
  });
}

static Expr makeMinMax(ExprKind kind, Expr lhs, Expr rhs) {
  Context &ctx = getCommonContext(lhs, rhs);
  bool isMin = kind == ExprKind::Min;
  llvm::SmallVector<Expr, 4> operands;
  for (Expr e : {lhs, rhs}) {
    if (e.getKind() == kind)
      operands.append(e.getOperands().begin(), e.getOperands().end());
    else
      operands.push_back(e);
  }
  llvm::sort(operands);
  operands.erase(std::unique(operands.begin(), operands.end()), operands.end());

  // Drop every operand that another remaining operand provably bounds; this
  // also folds constants. Mutually bounding pairs are equal, so dropping the
  // first one found keeps the other.
  llvm::SmallVector<bool, 4> dropped(operands.size(), false);
  for (size_t i = 0; i != operands.size(); ++i) {
    for (size_t j = 0; j != operands.size() && !dropped[i]; ++j) {
      if (i == j || dropped[j])
        continue;
      dropped[i] = isMin ? isStructurallyLE(operands[j], operands[i])
                         : isStructurallyLE(operands[i], operands[j]);
    }
  }
  llvm::SmallVector<Expr, 4> kept;
  for (size_t i = 0; i != operands.size(); ++i)
    if (!dropped[i])
      kept.push_back(operands[i]);
  if (kept.size() == 1)
    return kept.front();
  sortMinMaxOperands(kept);
  return ctx.getNode(kind, kept);
}

Expr mlc::sym::min(Expr lhs, Expr rhs) {
  return makeMinMax(ExprKind::Min, lhs, rhs);
}

Expr mlc::sym::max(Expr lhs, Expr rhs) {
  return makeMinMax(ExprKind::Max, lhs, rhs);
}

Expr mlc::sym::min(Expr lhs, int64_t rhs) {
  return min(lhs, lhs.getContext().constant(rhs));
}
Expr mlc::sym::max(Expr lhs, int64_t rhs) {
  return max(lhs, lhs.getContext().constant(rhs));
}
Expr mlc::sym::min(int64_t lhs, Expr rhs) {
  return min(rhs.getContext().constant(lhs), rhs);
}
Expr mlc::sym::max(int64_t lhs, Expr rhs) {
  return max(rhs.getContext().constant(lhs), rhs);
}
