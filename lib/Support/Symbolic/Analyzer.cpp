//===- Analyzer.cpp - Proving facts about symbolic expressions ------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Three cooperating analyses:
//  * intervals: extended-integer interval arithmetic in 128 bits, where
//    overflow widens to infinity (never wraps);
//  * congruences: `e == m * k + r` facts propagated through the operators;
//  * simplification: bottom-up rebuilding that uses both, plus the identities
//    `c * (x floordiv c) + x mod c == x` and `c * (x ceildiv c) == x + (-x)
//    mod c`, applied only when they make the expression smaller.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Analyzer.h"

#include "Polynomial.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <numeric>

using namespace mlc::sym;
using namespace mlc::sym::detail;

using Int = __int128;

//===----------------------------------------------------------------------===//
// Facts
//===----------------------------------------------------------------------===//

void Analyzer::setBounds(llvm::StringRef var, int64_t lo, int64_t hi) {
  assert(lo <= hi && "empty range");
  congruences.clear();
  Facts &f = facts[var];
  f.lo = f.lo ? std::max(*f.lo, lo) : lo;
  f.hi = f.hi ? std::min(*f.hi, hi) : hi;
}

void Analyzer::setDivisibility(llvm::StringRef var, int64_t divisor) {
  assert(divisor != 0 && "divisibility by zero");
  congruences.clear();
  // |INT64_MIN| is not representable; dropping the fact is sound.
  if (divisor == INT64_MIN)
    return;
  Facts &f = facts[var];
  int64_t magnitude = divisor < 0 ? -divisor : divisor;
  int64_t lcm;
  if (!llvm::MulOverflow(f.divisor /
                             static_cast<int64_t>(gcdAbs(f.divisor, magnitude)),
                         magnitude, lcm))
    f.divisor = lcm;
}

const Analyzer::Facts *Analyzer::lookup(llvm::StringRef var) const {
  auto it = facts.find(var);
  return it == facts.end() ? nullptr : &it->second;
}

/// Gives the file-local analyses access to the recorded facts.
class mlc::sym::detail::AnalyzerAccess {
public:
  static const auto *lookup(const Analyzer &analyzer, llvm::StringRef var) {
    return analyzer.lookup(var);
  }
};

//===----------------------------------------------------------------------===//
// Extended integers and intervals
//===----------------------------------------------------------------------===//

namespace {
/// A 128-bit integer or an infinity. `inf` is -1, 0 (finite) or +1.
struct Ext {
  int inf = 0;
  Int value = 0;

  static Ext finite(Int v) { return {0, v}; }
  static Ext infinity(int sign) { return {sign, 0}; }
  int sign() const { return inf ? inf : (value > 0) - (value < 0); }
  bool isFinite() const { return inf == 0; }
};

bool operator<(Ext a, Ext b) {
  if (a.inf != b.inf)
    return a.inf < b.inf;
  return a.isFinite() && a.value < b.value;
}
bool operator==(Ext a, Ext b) { return !(a < b) && !(b < a); }
Ext minExt(Ext a, Ext b) { return b < a ? b : a; }
Ext maxExt(Ext a, Ext b) { return a < b ? b : a; }

Ext negExt(Ext a) {
  if (!a.isFinite())
    return Ext::infinity(-a.inf);
  Int result;
  if (__builtin_sub_overflow(Int(0), a.value, &result))
    return Ext::infinity(1);
  return Ext::finite(result);
}

/// Only used on same-side endpoints (lo + lo, hi + hi), so opposite
/// infinities never meet.
Ext addExt(Ext a, Ext b) {
  if (!a.isFinite())
    return a;
  if (!b.isFinite())
    return b;
  Int result;
  if (__builtin_add_overflow(a.value, b.value, &result))
    return Ext::infinity(a.sign());
  return Ext::finite(result);
}

/// Endpoint products with `0 * inf == 0`, which is exact for closed
/// intervals.
Ext mulExt(Ext a, Ext b) {
  int sign = a.sign() * b.sign();
  if (sign == 0)
    return Ext::finite(0);
  if (!a.isFinite() || !b.isFinite())
    return Ext::infinity(sign);
  Int result;
  if (__builtin_mul_overflow(a.value, b.value, &result))
    return Ext::infinity(sign);
  return Ext::finite(result);
}

Int floorDiv128(Int a, Int b) {
  Int q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// floor(a / b) for b > 0, where b may be +inf (the limit value).
Ext floorDivPositive(Ext a, Ext b) {
  if (!b.isFinite()) {
    if (a.isFinite())
      return Ext::finite(a.value >= 0 ? 0 : -1);
    return Ext::finite(a.inf > 0 ? 0 : -1);
  }
  if (!a.isFinite())
    return a;
  return Ext::finite(floorDiv128(a.value, b.value));
}

struct Interval {
  Ext lo = Ext::infinity(-1), hi = Ext::infinity(1);

  static Interval full() { return {}; }
  static Interval point(Int v) { return {Ext::finite(v), Ext::finite(v)}; }
  static Interval of(Ext lo, Ext hi) { return {lo, hi}; }
  /// Only contradictory facts produce empty intervals; any answer derived
  /// from one is vacuously sound, but divisions must not trap on it.
  static Interval empty() { return {Ext::infinity(1), Ext::infinity(-1)}; }
  bool isEmpty() const { return hi < lo; }

  std::optional<Int> getPoint() const {
    if (lo.isFinite() && lo == hi)
      return lo.value;
    return std::nullopt;
  }
  bool contains(Int v) const {
    return !(Ext::finite(v) < lo) && !(hi < Ext::finite(v));
  }
  Interval intersect(const Interval &other) const {
    return {maxExt(lo, other.lo), minExt(hi, other.hi)};
  }
};

Interval negInterval(const Interval &a) { return {negExt(a.hi), negExt(a.lo)}; }

Interval addInterval(const Interval &a, const Interval &b) {
  return {addExt(a.lo, b.lo), addExt(a.hi, b.hi)};
}

Interval mulInterval(const Interval &a, const Interval &b) {
  Ext products[] = {mulExt(a.lo, b.lo), mulExt(a.lo, b.hi), mulExt(a.hi, b.lo),
                    mulExt(a.hi, b.hi)};
  Interval result{products[0], products[0]};
  for (Ext p : products) {
    result.lo = minExt(result.lo, p);
    result.hi = maxExt(result.hi, p);
  }
  return result;
}

/// `a ** exponent`; even powers are non-negative, which plain interval
/// multiplication would not see.
Interval powInterval(const Interval &a, unsigned exponent) {
  Interval result = a;
  for (unsigned i = 1; i < exponent; ++i)
    result = mulInterval(result, a);
  if (exponent % 2 == 0)
    result.lo = maxExt(result.lo, Ext::finite(0));
  return result;
}

/// floor(a / b). Exact extremes occur at the corners because a / b is
/// monotone in each argument when b has a constant sign.
Interval floorDivInterval(const Interval &a, const Interval &b) {
  if (a.isEmpty() || b.isEmpty())
    return Interval::empty();
  if (b.hi < Ext::finite(0))
    return floorDivInterval(negInterval(a), negInterval(b));
  if (!(Ext::finite(0) < b.lo))
    return Interval::full();
  Ext corners[] = {floorDivPositive(a.lo, b.lo), floorDivPositive(a.lo, b.hi),
                   floorDivPositive(a.hi, b.lo), floorDivPositive(a.hi, b.hi)};
  Interval result{corners[0], corners[0]};
  for (Ext c : corners) {
    result.lo = minExt(result.lo, c);
    result.hi = maxExt(result.hi, c);
  }
  return result;
}

/// ceil(a / b) == -floor(-a / b).
Interval ceilDivInterval(const Interval &a, const Interval &b) {
  return negInterval(floorDivInterval(negInterval(a), b));
}

/// a mod b (floor modulus: the sign of b).
Interval modInterval(const Interval &a, const Interval &b) {
  if (a.isEmpty() || b.isEmpty())
    return Interval::empty();
  // Within a single period of a constant divisor the modulus is affine.
  if (std::optional<Int> c = b.getPoint();
      c && *c != 0 && a.lo.isFinite() && a.hi.isFinite()) {
    Int qlo = floorDiv128(a.lo.value, *c), qhi = floorDiv128(a.hi.value, *c);
    if (qlo == qhi)
      return Interval::of(Ext::finite(a.lo.value - *c * qlo),
                          Ext::finite(a.hi.value - *c * qlo))
          .intersect(*c > 0
                         ? Interval::of(Ext::finite(0), Ext::finite(*c - 1))
                         : Interval::of(Ext::finite(*c + 1), Ext::finite(0)));
  }
  if (Ext::finite(0) < b.lo) {
    Interval result{Ext::finite(0), addExt(b.hi, Ext::finite(-1))};
    if (!(a.lo < Ext::finite(0)))
      result.hi = minExt(result.hi, a.hi);
    return result;
  }
  if (b.hi < Ext::finite(0)) {
    Interval result{addExt(b.lo, Ext::finite(1)), Ext::finite(0)};
    if (!(Ext::finite(0) < a.hi))
      result.lo = maxExt(result.lo, a.lo);
    return result;
  }
  // |a mod b| < |b| whatever the signs.
  Ext magnitude = maxExt(negExt(b.lo), b.hi);
  if (!magnitude.isFinite())
    return Interval::full();
  Ext bound = addExt(magnitude, Ext::finite(-1));
  return {negExt(bound), bound};
}

/// Narrows `range` to values congruent to `residue` modulo `modulus`.
Interval refineByCongruence(Interval range, const Analyzer::Congruence &c) {
  if (c.modulus == 0)
    return range.intersect(Interval::point(c.residue));
  if (c.modulus == 1)
    return range;
  Int m = c.modulus, r = c.residue;
  if (range.lo.isFinite()) {
    // Smallest value >= lo that is == r (mod m).
    Int lo = range.lo.value;
    Int delta = r - lo;
    Int step = delta - m * floorDiv128(delta, m);
    range.lo = Ext::finite(lo + step);
  }
  if (range.hi.isFinite()) {
    Int hi = range.hi.value;
    Int delta = hi - r;
    Int step = delta - m * floorDiv128(delta, m);
    range.hi = Ext::finite(hi - step);
  }
  return range;
}
} // namespace

//===----------------------------------------------------------------------===//
// Congruences
//===----------------------------------------------------------------------===//

namespace {
using Congruence = Analyzer::Congruence;

Congruence unknownCongruence() { return {1, 0}; }

unsigned __int128 gcd128(unsigned __int128 a, unsigned __int128 b) {
  while (b != 0) {
    unsigned __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

unsigned __int128 abs128(Int v) {
  return v < 0 ? 0 - static_cast<unsigned __int128>(v)
               : static_cast<unsigned __int128>(v);
}

/// Builds a normalized congruence from 128-bit parts, giving up (modulus 1)
/// when they do not fit int64.
Congruence makeCongruence(unsigned __int128 modulus, Int residue) {
  if (modulus > static_cast<unsigned __int128>(INT64_MAX))
    return unknownCongruence();
  auto m = static_cast<Int>(modulus);
  if (m != 0)
    residue = residue - m * floorDiv128(residue, m);
  if (residue < INT64_MIN || residue > INT64_MAX)
    return unknownCongruence();
  return {static_cast<int64_t>(m), static_cast<int64_t>(residue)};
}

Congruence addCongruence(Congruence a, Congruence b) {
  return makeCongruence(gcd128(a.modulus, b.modulus),
                        Int(a.residue) + b.residue);
}

/// (ma*k + ra) * (mb*l + rb) == ma*mb*k*l + ma*rb*k + mb*ra*l + ra*rb.
Congruence mulCongruence(Congruence a, Congruence b) {
  unsigned __int128 modulus = gcd128(gcd128(abs128(Int(a.modulus) * b.modulus),
                                            abs128(Int(a.modulus) * b.residue)),
                                     abs128(Int(b.modulus) * a.residue));
  return makeCongruence(modulus, Int(a.residue) * b.residue);
}

/// The result is one of the operands: a congruence both satisfy.
Congruence unionCongruence(Congruence a, Congruence b) {
  unsigned __int128 modulus =
      gcd128(gcd128(a.modulus, b.modulus), abs128(Int(a.residue) - b.residue));
  return makeCongruence(modulus, a.residue);
}
} // namespace

Analyzer::Congruence Analyzer::getCongruence(Expr e) const {
  if (auto it = congruences.find(e); it != congruences.end())
    return it->second;
  Congruence result = computeCongruence(e);
  congruences[e] = result;
  return result;
}

Analyzer::Congruence Analyzer::computeCongruence(Expr e) const {
  switch (e.getKind()) {
  case ExprKind::Constant:
    return {0, *e.getConstant()};
  case ExprKind::Var: {
    const Facts *f = lookup(e.getVarName());
    if (!f)
      return unknownCongruence();
    if (f->lo && f->hi && *f->lo == *f->hi)
      return {0, *f->lo};
    return {f->divisor, 0};
  }
  case ExprKind::Add:
  case ExprKind::Mul:
  case ExprKind::Min:
  case ExprKind::Max: {
    Congruence result = getCongruence(e.getOperands().front());
    for (Expr operand : e.getOperands().drop_front()) {
      Congruence next = getCongruence(operand);
      result = e.getKind() == ExprKind::Add   ? addCongruence(result, next)
               : e.getKind() == ExprKind::Mul ? mulCongruence(result, next)
                                              : unionCongruence(result, next);
    }
    return result;
  }
  case ExprKind::FloorDiv:
  case ExprKind::CeilDiv:
  case ExprKind::Mod:
    break;
  }

  std::optional<int64_t> divisor = e.getOperands()[1].getConstant();
  if (!divisor)
    return unknownCongruence();
  Congruence x = getCongruence(e.getOperands()[0]);
  Int c = *divisor, m = x.modulus;
  if (e.getKind() == ExprKind::Mod) {
    // x - c * q is == r modulo gcd(m, c); exactly r mod c when c divides m.
    if (m % c == 0)
      return makeCongruence(0, x.residue - c * floorDiv128(x.residue, c));
    return makeCongruence(gcd128(abs128(m), abs128(c)), x.residue);
  }
  if (m % c != 0)
    return unknownCongruence();
  // (m*k + r) / c == (m/c)*k + r/c with (m/c)*k an integer.
  Int quotient = floorDiv128(x.residue, c);
  if (e.getKind() == ExprKind::CeilDiv && x.residue % c != 0)
    ++quotient;
  return makeCongruence(abs128(m / c), quotient);
}

//===----------------------------------------------------------------------===//
// Bounds
//===----------------------------------------------------------------------===//

namespace {
/// Computes intervals bottom-up, memoizing shared subexpressions.
class BoundsComputer {
public:
  explicit BoundsComputer(const Analyzer &analyzer) : analyzer(analyzer) {}

  Interval get(Expr e) {
    auto it = cache.find(e);
    if (it != cache.end())
      return it->second;
    // Any sound interval may be intersected with the congruence facts.
    Interval result = refineByCongruence(compute(e), analyzer.getCongruence(e));
    cache[e] = result;
    return result;
  }

private:
  Interval compute(Expr e);
  Interval productInterval(llvm::ArrayRef<Expr> factors);

  const Analyzer &analyzer;
  llvm::DenseMap<Expr, Interval> cache;
};
} // namespace

Interval BoundsComputer::productInterval(llvm::ArrayRef<Expr> factors) {
  // Canonical products keep equal atoms adjacent; group them into powers.
  Interval result = Interval::point(1);
  for (size_t i = 0; i != factors.size();) {
    size_t j = i;
    while (j != factors.size() && factors[j] == factors[i])
      ++j;
    result = mulInterval(result, powInterval(get(factors[i]), j - i));
    i = j;
  }
  return result;
}

Interval BoundsComputer::compute(Expr e) {
  switch (e.getKind()) {
  case ExprKind::Constant:
    return Interval::point(*e.getConstant());
  case ExprKind::Var: {
    // Divisibility is applied by `get` through the congruence.
    Interval result;
    if (const auto *f = AnalyzerAccess::lookup(analyzer, e.getVarName())) {
      if (f->lo)
        result.lo = Ext::finite(*f->lo);
      if (f->hi)
        result.hi = Ext::finite(*f->hi);
    }
    return result;
  }
  case ExprKind::Add: {
    Interval result = Interval::point(0);
    for (Expr operand : e.getOperands())
      result = addInterval(result, get(operand));
    return result;
  }
  case ExprKind::Mul:
    return productInterval(e.getOperands());
  case ExprKind::Min:
  case ExprKind::Max: {
    Interval result = get(e.getOperands().front());
    for (Expr operand : e.getOperands().drop_front()) {
      Interval next = get(operand);
      if (e.getKind() == ExprKind::Min)
        result = {minExt(result.lo, next.lo), minExt(result.hi, next.hi)};
      else
        result = {maxExt(result.lo, next.lo), maxExt(result.hi, next.hi)};
    }
    return result;
  }
  case ExprKind::FloorDiv:
    return floorDivInterval(get(e.getOperands()[0]), get(e.getOperands()[1]));
  case ExprKind::CeilDiv:
    return ceilDivInterval(get(e.getOperands()[0]), get(e.getOperands()[1]));
  case ExprKind::Mod:
    return modInterval(get(e.getOperands()[0]), get(e.getOperands()[1]));
  }
  llvm_unreachable("unknown expression kind");
}

//===----------------------------------------------------------------------===//
// Simplification
//===----------------------------------------------------------------------===//

namespace {
/// One bottom-up simplification pass with memoization. `Analyzer::simplify`
/// repeats passes until nothing changes.
class Simplifier {
public:
  explicit Simplifier(const Analyzer &analyzer)
      : analyzer(analyzer), bounds(analyzer) {}

  Expr simplify(Expr e) {
    auto it = cache.find(e);
    if (it != cache.end())
      return it->second;
    Expr result = simplifyUncached(e);
    // Whatever the rewrites, a single possible value is the best answer.
    if (std::optional<Int> value = bounds.get(result).getPoint();
        value && *value >= INT64_MIN && *value <= INT64_MAX)
      result = e.getContext().constant(static_cast<int64_t>(*value));
    cache[e] = result;
    return result;
  }

  BoundsComputer &getBounds() { return bounds; }

private:
  Expr simplifyUncached(Expr e);
  Expr simplifyDivision(Expr e);
  Expr applyDivModIdentities(Expr e);
  Expr dropDominatedOperands(Expr e);

  const Analyzer &analyzer;
  BoundsComputer bounds;
  llvm::DenseMap<Expr, Expr> cache;
};

bool isDivision(Expr e) {
  ExprKind kind = e.getKind();
  return kind == ExprKind::FloorDiv || kind == ExprKind::CeilDiv ||
         kind == ExprKind::Mod;
}

llvm::FailureOr<Expr> rebuildDivision(ExprKind kind, Expr lhs, Expr rhs) {
  if (kind == ExprKind::FloorDiv)
    return floorDiv(lhs, rhs);
  if (kind == ExprKind::CeilDiv)
    return ceilDiv(lhs, rhs);
  return mod(lhs, rhs);
}

/// Rewrites are accepted only when they lower (non-constant terms, distinct
/// division nodes) lexicographically, which also guarantees termination.
/// Expressions are DAGs: each node is counted once, so that a subexpression
/// shared along many paths is not walked once per path (exponential).
std::pair<size_t, size_t> costOf(Expr e) {
  size_t divisions = 0;
  llvm::SmallVector<Expr, 8> worklist{e};
  llvm::DenseSet<Expr> seen{e};
  while (!worklist.empty()) {
    Expr next = worklist.pop_back_val();
    divisions += isDivision(next);
    for (Expr operand : next.getOperands())
      if (seen.insert(operand).second)
        worklist.push_back(operand);
  }
  return {toPolynomial(e).terms.size(), divisions};
}
} // namespace

Expr Simplifier::simplifyUncached(Expr e) {
  switch (e.getKind()) {
  case ExprKind::Constant:
  case ExprKind::Var:
    return e;
  case ExprKind::Add:
  case ExprKind::Mul: {
    bool isAdd = e.getKind() == ExprKind::Add;
    Expr result = simplify(e.getOperands().front());
    for (Expr operand : e.getOperands().drop_front())
      result = isAdd ? result + simplify(operand) : result * simplify(operand);
    return applyDivModIdentities(result);
  }
  case ExprKind::Min:
  case ExprKind::Max: {
    bool isMin = e.getKind() == ExprKind::Min;
    Expr result = simplify(e.getOperands().front());
    for (Expr operand : e.getOperands().drop_front())
      result = isMin ? min(result, simplify(operand))
                     : max(result, simplify(operand));
    return dropDominatedOperands(result);
  }
  case ExprKind::FloorDiv:
  case ExprKind::CeilDiv:
  case ExprKind::Mod: {
    llvm::FailureOr<Expr> rebuilt =
        rebuildDivision(e.getKind(), simplify(e.getOperands()[0]),
                        simplify(e.getOperands()[1]));
    // A divisor that simplifies to 0 means the facts leave no valid
    // assignment; keep the expression as it was.
    if (failed(rebuilt))
      return e;
    if (rebuilt->getKind() != e.getKind())
      return *rebuilt;
    return simplifyDivision(*rebuilt);
  }
  }
  llvm_unreachable("unknown expression kind");
}

Expr Simplifier::simplifyDivision(Expr e) {
  ExprKind kind = e.getKind();
  Expr x = e.getOperands()[0], divisor = e.getOperands()[1];
  Context &ctx = e.getContext();

  // A quotient with a single possible value q: x mod d == x - d * q.
  Interval xRange = bounds.get(x), dRange = bounds.get(divisor);
  Interval quotient = kind == ExprKind::CeilDiv
                          ? ceilDivInterval(xRange, dRange)
                          : floorDivInterval(xRange, dRange);
  if (std::optional<Int> q = quotient.getPoint();
      q && *q >= INT64_MIN && *q <= INT64_MAX) {
    Expr qExpr = ctx.constant(static_cast<int64_t>(*q));
    return kind == ExprKind::Mod ? x - divisor * qExpr : qExpr;
  }

  // Divisions by +-1 only survive as unfolded `INT64_MIN floordiv -1`.
  std::optional<int64_t> c = divisor.getConstant();
  if (!c || *c == 1 || *c == -1)
    return e;

  // x == m*k + r with c | m: the residue modulo c is known, so the division
  // is exact after subtracting it.
  Analyzer::Congruence congruence = analyzer.getCongruence(x);
  if (congruence.modulus != 0 && congruence.modulus % *c == 0) {
    int64_t residue = floorModInt(congruence.residue, *c);
    if (kind == ExprKind::Mod)
      return ctx.constant(residue);
    if (kind == ExprKind::FloorDiv && residue != 0)
      return *floorDiv(x - residue, divisor);
    if (kind == ExprKind::CeilDiv)
      return *floorDiv(x - residue, divisor) + (residue != 0 ? 1 : 0);
  }

  // Normalize the constant into one period: (y + k) floordiv c ==
  // (y + k mod c) floordiv c + (k - k mod c) / c, likewise for ceildiv; mod
  // only keeps k mod c.
  int64_t k = toPolynomial(x).constant;
  int64_t normalized = floorModInt(k, *c);
  int64_t shift;
  if (k == normalized || llvm::SubOverflow(k, normalized, shift))
    return e;
  Expr reduced = x - shift;
  Expr q = ctx.constant(shift / *c);
  if (kind == ExprKind::Mod)
    return *mod(reduced, divisor);
  if (kind == ExprKind::FloorDiv)
    return *floorDiv(reduced, divisor) + q;
  return *ceilDiv(reduced, divisor) + q;
}

Expr Simplifier::applyDivModIdentities(Expr e) {
  for (bool changed = true; changed;) {
    changed = false;
    std::pair<size_t, size_t> cost = costOf(e);
    for (const Term &term : toPolynomial(e).terms) {
      if (term.atoms.size() != 1)
        continue;
      Expr atom = term.atoms.front();
      if (atom.getKind() != ExprKind::FloorDiv &&
          atom.getKind() != ExprKind::CeilDiv)
        continue;
      std::optional<int64_t> c = atom.getOperands()[1].getConstant();
      if (!c || *c == 1 || *c == -1 || term.coefficient % *c != 0)
        continue;
      // c * (x floordiv c) == x - x mod c
      // c * (x ceildiv c)  == x + (-x) mod c
      int64_t k = term.coefficient / *c;
      Expr x = atom.getOperands()[0];
      bool isFloor = atom.getKind() == ExprKind::FloorDiv;
      Expr remainder = simplify(*mod(isFloor ? x : -x, atom.getOperands()[1]));
      Expr candidate =
          e - atom * term.coefficient + x * k + remainder * (isFloor ? -k : k);
      if (costOf(candidate) < cost) {
        e = candidate;
        changed = true;
        break;
      }
    }
  }
  return e;
}

Expr Simplifier::dropDominatedOperands(Expr e) {
  if (e.getKind() != ExprKind::Min && e.getKind() != ExprKind::Max)
    return e;
  bool isMin = e.getKind() == ExprKind::Min;
  llvm::ArrayRef<Expr> operands = e.getOperands();
  // For min, operand i is redundant if some remaining j has j <= i.
  auto isRedundant = [&](Expr candidate, Expr other) {
    Expr difference = isMin ? candidate - other : other - candidate;
    Interval range =
        bounds.get(difference).intersect(bounds.get(simplify(difference)));
    return !(range.lo < Ext::finite(0));
  };
  llvm::SmallVector<bool, 4> dropped(operands.size(), false);
  for (size_t i = 0; i != operands.size(); ++i)
    for (size_t j = 0; j != operands.size() && !dropped[i]; ++j)
      if (i != j && !dropped[j])
        dropped[i] = isRedundant(operands[i], operands[j]);
  Expr result;
  for (size_t i = 0; i != operands.size(); ++i) {
    if (dropped[i])
      continue;
    result = !result ? operands[i]
             : isMin ? min(result, operands[i])
                     : max(result, operands[i]);
  }
  return result;
}

Expr Analyzer::simplify(Expr e) const {
  Simplifier simplifier(*this);
  // Each pass only rewrites towards lower cost; a few passes reach the fixed
  // point in practice, and the bound keeps pathological inputs cheap.
  for (unsigned pass = 0; pass != 8; ++pass) {
    Expr next = simplifier.simplify(e);
    if (next == e)
      break;
    e = next;
  }
  return e;
}

//===----------------------------------------------------------------------===//
// Queries
//===----------------------------------------------------------------------===//

std::optional<std::pair<int64_t, int64_t>> Analyzer::getBounds(Expr e) const {
  Simplifier simplifier(*this);
  BoundsComputer &bounds = simplifier.getBounds();
  Interval range = bounds.get(e).intersect(bounds.get(simplifier.simplify(e)));
  if (range.isEmpty() || !range.lo.isFinite() || !range.hi.isFinite() ||
      range.lo.value < INT64_MIN || range.hi.value > INT64_MAX)
    return std::nullopt;
  return std::make_pair(static_cast<int64_t>(range.lo.value),
                        static_cast<int64_t>(range.hi.value));
}

namespace {
/// What is known about `b - a`: its range and congruence, both taken from the
/// raw and the simplified difference.
struct DifferenceFacts {
  Interval range;
  Analyzer::Congruence congruence;
};
} // namespace

/// A bound of `e` (lower or upper) that also sees through min/max terms:
/// since max(x, y) >= x, replacing `c * max(x, y)` (c > 0) by `c * x` gives a
/// lower bound, and likewise for `-c * min(x, y)`; symmetrically for upper
/// bounds. Replacing lets related terms cancel, which intervals alone cannot
/// do (`n - min(n, m)` becomes `n - n`).
static Ext substitutedBound(BoundsComputer &bounds, Expr e, bool lower,
                            unsigned depth) {
  Interval range = bounds.get(e);
  Ext best = lower ? range.lo : range.hi;
  if (depth == 0)
    return best;
  for (const Term &term : toPolynomial(e).terms) {
    if (term.atoms.size() != 1)
      continue;
    Expr atom = term.atoms.front();
    bool isMax = atom.getKind() == ExprKind::Max;
    if (!isMax && atom.getKind() != ExprKind::Min)
      continue;
    // For a lower bound, a max with a positive coefficient or a min with a
    // negative one may be replaced by any of its operands.
    if (((term.coefficient > 0) == isMax) != lower)
      continue;
    for (Expr operand : atom.getOperands()) {
      Expr replaced = e + (operand - atom) * term.coefficient;
      Ext bound = substitutedBound(bounds, replaced, lower, depth - 1);
      best = lower ? maxExt(best, bound) : minExt(best, bound);
    }
  }
  return best;
}

static DifferenceFacts analyzeDifference(const Analyzer &analyzer, Expr a,
                                         Expr b) {
  Expr difference = b - a;
  Expr simplified = analyzer.simplify(difference);
  BoundsComputer bounds(analyzer);
  DifferenceFacts facts;
  facts.range = bounds.get(difference).intersect(bounds.get(simplified));
  facts.range.lo =
      maxExt(facts.range.lo, substitutedBound(bounds, simplified, true, 2));
  facts.range.hi =
      minExt(facts.range.hi, substitutedBound(bounds, simplified, false, 2));
  facts.congruence = analyzer.getCongruence(simplified);
  return facts;
}

Proof Analyzer::proveEqual(Expr a, Expr b) const {
  DifferenceFacts facts = analyzeDifference(*this, a, b);
  if (!facts.range.contains(0))
    return Proof::False;
  if (facts.range.getPoint() == Int(0))
    return Proof::True;
  const Congruence &c = facts.congruence;
  if (c.modulus == 0)
    return c.residue == 0 ? Proof::True : Proof::False;
  if (c.residue % c.modulus != 0)
    return Proof::False;
  return Proof::Unknown;
}

Proof Analyzer::proveLE(Expr a, Expr b) const {
  Interval range = analyzeDifference(*this, a, b).range;
  if (!(range.lo < Ext::finite(0)))
    return Proof::True;
  if (range.hi < Ext::finite(0))
    return Proof::False;
  return Proof::Unknown;
}

Proof Analyzer::proveLT(Expr a, Expr b) const {
  Interval range = analyzeDifference(*this, a, b).range;
  if (!(range.lo < Ext::finite(1)))
    return Proof::True;
  if (range.hi < Ext::finite(1))
    return Proof::False;
  return Proof::Unknown;
}
