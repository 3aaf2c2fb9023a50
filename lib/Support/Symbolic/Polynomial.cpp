//===- Polynomial.cpp - Polynomial view of symbolic expressions -----------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//

#include "Polynomial.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <numeric>

using namespace mlc::sym;
using namespace mlc::sym::detail;

int detail::compareMonomials(llvm::ArrayRef<Expr> lhs,
                             llvm::ArrayRef<Expr> rhs) {
  // Higher degrees first, as polynomials are usually written.
  if (lhs.size() != rhs.size())
    return lhs.size() > rhs.size() ? -1 : 1;
  for (size_t i = 0, e = std::min(lhs.size(), rhs.size()); i != e; ++i)
    if (int c = compare(lhs[i], rhs[i]))
      return c;
  return 0;
}

bool detail::isAtom(Expr e) {
  switch (e.getKind()) {
  case ExprKind::Constant:
    return false;
  case ExprKind::Add:
  case ExprKind::Mul:
    // An unfolded node could not be merged into a polynomial, so treating it
    // as opaque keeps every later combination deterministic.
    return e.isUnfolded();
  default:
    return true;
  }
}

/// The single term represented by a non-constant, non-Add expression.
static Term termOf(Expr e) {
  Term term;
  if (isAtom(e)) {
    term.atoms.push_back(e);
    return term;
  }
  assert(e.getKind() == ExprKind::Mul && "expected a canonical product");
  llvm::ArrayRef<Expr> operands = e.getOperands();
  if (std::optional<int64_t> coefficient = operands.front().getConstant()) {
    term.coefficient = *coefficient;
    operands = operands.drop_front();
  }
  term.atoms.append(operands.begin(), operands.end());
  return term;
}

Polynomial detail::toPolynomial(Expr e) {
  Polynomial result;
  if (std::optional<int64_t> value = e.getConstant()) {
    result.constant = *value;
    return result;
  }
  if (e.getKind() != ExprKind::Add || e.isUnfolded()) {
    result.terms.push_back(termOf(e));
    return result;
  }
  // A canonical sum already lists its terms in order with the constant last.
  for (Expr operand : e.getOperands()) {
    if (std::optional<int64_t> value = operand.getConstant())
      result.constant = *value;
    else
      result.terms.push_back(termOf(operand));
  }
  return result;
}

Expr detail::termToExpr(Context &ctx, const Term &term) {
  assert(term.coefficient != 0 && !term.atoms.empty() && "degenerate term");
  if (term.coefficient == 1 && term.atoms.size() == 1)
    return term.atoms.front();
  llvm::SmallVector<Expr, 4> operands;
  if (term.coefficient != 1)
    operands.push_back(ctx.constant(term.coefficient));
  operands.append(term.atoms.begin(), term.atoms.end());
  return ctx.getNode(ExprKind::Mul, operands);
}

Expr detail::fromPolynomial(Context &ctx, const Polynomial &p) {
  llvm::SmallVector<Expr, 4> operands;
  for (const Term &term : p.terms)
    operands.push_back(termToExpr(ctx, term));
  if (p.constant != 0 || operands.empty())
    operands.push_back(ctx.constant(p.constant));
  if (operands.size() == 1)
    return operands.front();
  return ctx.getNode(ExprKind::Add, operands);
}

/// Narrows a 128-bit intermediate back to int64.
static std::optional<int64_t> narrow(__int128 value) {
  if (value < INT64_MIN || value > INT64_MAX)
    return std::nullopt;
  return static_cast<int64_t>(value);
}

std::optional<Polynomial> detail::addPolynomials(const Polynomial &lhs,
                                                 const Polynomial &rhs,
                                                 int64_t scale) {
  // `scale * coefficient` and the sum always fit 128 bits, so the result is
  // exact whenever it fits int64 (e.g. `INT64_MIN - INT64_MIN` folds to 0).
  auto combine = [&](int64_t l, int64_t r) {
    return narrow(static_cast<__int128>(l) + static_cast<__int128>(scale) * r);
  };
  Polynomial result;
  std::optional<int64_t> constant = combine(lhs.constant, rhs.constant);
  if (!constant)
    return std::nullopt;
  result.constant = *constant;

  const Term *l = lhs.terms.begin(), *lEnd = lhs.terms.end();
  const Term *r = rhs.terms.begin(), *rEnd = rhs.terms.end();
  while (l != lEnd || r != rEnd) {
    int order = l == lEnd   ? 1
                : r == rEnd ? -1
                            : compareMonomials(l->atoms, r->atoms);
    Term term;
    std::optional<int64_t> coefficient;
    if (order < 0) {
      term.atoms = l->atoms;
      coefficient = l->coefficient;
      ++l;
    } else if (order > 0) {
      term.atoms = r->atoms;
      coefficient = combine(0, r->coefficient);
      ++r;
    } else {
      term.atoms = l->atoms;
      coefficient = combine(l->coefficient, r->coefficient);
      ++l;
      ++r;
    }
    if (!coefficient)
      return std::nullopt;
    if (*coefficient == 0)
      continue;
    term.coefficient = *coefficient;
    result.terms.push_back(std::move(term));
  }
  return result;
}

std::optional<Polynomial> detail::mulPolynomials(const Polynomial &lhs,
                                                 const Polynomial &rhs) {
  // Treat the constants as terms with an empty monomial so that one loop
  // expands everything.
  struct Product {
    llvm::SmallVector<Expr, 4> atoms;
    __int128 coefficient;
  };
  auto withConstant = [](const Polynomial &p) {
    llvm::SmallVector<std::pair<llvm::ArrayRef<Expr>, int64_t>, 4> terms;
    for (const Term &term : p.terms)
      terms.push_back({term.atoms, term.coefficient});
    if (p.constant != 0)
      terms.push_back({{}, p.constant});
    return terms;
  };
  auto lhsTerms = withConstant(lhs), rhsTerms = withConstant(rhs);
  if (lhsTerms.size() * rhsTerms.size() > kMaxExpandedTerms)
    return std::nullopt;

  // The size of the expansion written out: every product repeats its atoms.
  auto atomsSize = [](llvm::ArrayRef<Expr> atoms) {
    uint64_t size = 2; // the product and its coefficient
    for (Expr atom : atoms)
      size += atom.getTreeSize();
    return size;
  };
  uint64_t treeSize = 0;
  for (const auto &lhsTerm : lhsTerms)
    for (const auto &rhsTerm : rhsTerms)
      treeSize += atomsSize(lhsTerm.first) + atomsSize(rhsTerm.first);
  if (treeSize > kMaxExpandedTreeSize)
    return std::nullopt;

  llvm::SmallVector<Product, 8> products;
  for (const auto &[lAtoms, lCoefficient] : lhsTerms) {
    for (const auto &[rAtoms, rCoefficient] : rhsTerms) {
      Product product;
      product.coefficient = static_cast<__int128>(lCoefficient) * rCoefficient;
      std::merge(lAtoms.begin(), lAtoms.end(), rAtoms.begin(), rAtoms.end(),
                 std::back_inserter(product.atoms),
                 [](Expr a, Expr b) { return a < b; });
      products.push_back(std::move(product));
    }
  }
  // Ties are broken by coefficient so that the accumulation order, and thus
  // whether it overflows, is deterministic.
  llvm::sort(products, [](const Product &a, const Product &b) {
    int order = compareMonomials(a.atoms, b.atoms);
    return order != 0 ? order < 0 : a.coefficient < b.coefficient;
  });

  Polynomial result;
  for (size_t i = 0; i != products.size();) {
    __int128 sum = 0;
    size_t j = i;
    for (; j != products.size() &&
           compareMonomials(products[i].atoms, products[j].atoms) == 0;
         ++j)
      if (__builtin_add_overflow(sum, products[j].coefficient, &sum))
        return std::nullopt;
    std::optional<int64_t> coefficient = narrow(sum);
    if (!coefficient)
      return std::nullopt;
    if (products[i].atoms.empty()) {
      result.constant = *coefficient;
    } else if (*coefficient != 0) {
      Term term;
      term.atoms.assign(products[i].atoms.begin(), products[i].atoms.end());
      term.coefficient = *coefficient;
      result.terms.push_back(std::move(term));
    }
    i = j;
  }
  return result;
}

std::optional<int64_t> detail::floorDivInt(int64_t lhs, int64_t rhs) {
  assert(rhs != 0 && "division by zero");
  // 128 bits: INT64_MIN / -1 must not trap.
  __int128 quotient = static_cast<__int128>(lhs) / rhs;
  if (static_cast<__int128>(lhs) % rhs != 0 && ((lhs < 0) != (rhs < 0)))
    --quotient;
  return narrow(quotient);
}

std::optional<int64_t> detail::ceilDivInt(int64_t lhs, int64_t rhs) {
  assert(rhs != 0 && "division by zero");
  __int128 quotient = static_cast<__int128>(lhs) / rhs;
  if (static_cast<__int128>(lhs) % rhs != 0 && ((lhs < 0) == (rhs < 0)))
    ++quotient;
  return narrow(quotient);
}

int64_t detail::floorModInt(int64_t lhs, int64_t rhs) {
  assert(rhs != 0 && "division by zero");
  if (rhs == -1)
    return 0; // Avoids the INT64_MIN % -1 trap.
  int64_t remainder = lhs % rhs;
  if (remainder != 0 && ((remainder < 0) != (rhs < 0)))
    remainder += rhs;
  return remainder;
}

uint64_t detail::gcdAbs(int64_t a, int64_t b) {
  auto absValue = [](int64_t v) {
    return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  };
  return std::gcd(absValue(a), absValue(b));
}
