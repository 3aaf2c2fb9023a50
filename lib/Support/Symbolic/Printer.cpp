//===- Printer.cpp - Printing symbolic expressions ------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Prints the infix syntax accepted by `parseExpr`, parenthesizing only where
// the grammar's precedence requires it. Printing then parsing yields the same
// node; the tests check this.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Expr.h"

using namespace mlc::sym;

namespace {
/// Binding strength of the printed form, matching the grammar levels.
enum class Prec { Sum, Product, Unary, Primary };

/// A canonical product split into its coefficient and its atoms.
struct TermView {
  int64_t coefficient = 1;
  llvm::ArrayRef<Expr> atoms;
};
} // namespace

static TermView viewTerm(Expr e) {
  TermView view;
  view.atoms = e.getOperands();
  if (std::optional<int64_t> coefficient = view.atoms.front().getConstant()) {
    view.coefficient = *coefficient;
    view.atoms = view.atoms.drop_front();
  }
  return view;
}

static bool isInfixDivision(Expr e) {
  ExprKind kind = e.getKind();
  return kind == ExprKind::FloorDiv || kind == ExprKind::CeilDiv ||
         kind == ExprKind::Mod;
}

static Prec precedenceOf(Expr e) {
  switch (e.getKind()) {
  case ExprKind::Constant:
    return *e.getConstant() < 0 ? Prec::Unary : Prec::Primary;
  case ExprKind::Var:
  case ExprKind::Min:
  case ExprKind::Max:
    return Prec::Primary;
  case ExprKind::Add:
    return Prec::Sum;
  case ExprKind::Mul: {
    if (e.isUnfolded())
      return Prec::Product;
    TermView view = viewTerm(e);
    return view.coefficient == -1 && view.atoms.size() == 1 ? Prec::Unary
                                                            : Prec::Product;
  }
  case ExprKind::FloorDiv:
  case ExprKind::CeilDiv:
  case ExprKind::Mod:
    return Prec::Product;
  }
  llvm_unreachable("unknown expression kind");
}

static void printExpr(llvm::raw_ostream &os, Expr e);

static void printAt(llvm::raw_ostream &os, Expr e, Prec required) {
  bool parenthesize = precedenceOf(e) < required;
  if (parenthesize)
    os << '(';
  printExpr(os, e);
  if (parenthesize)
    os << ')';
}

/// Prints `a * b * c`: the grammar is left-associative, so only the first
/// factor may itself be an unparenthesized product or division.
static void printFactors(llvm::raw_ostream &os, llvm::ArrayRef<Expr> factors,
                         Prec firstPrec) {
  llvm::interleave(
      llvm::enumerate(factors), os,
      [&](const auto &it) {
        printAt(os, it.value(), it.index() == 0 ? firstPrec : Prec::Unary);
      },
      " * ");
}

/// Prints `coefficient * atoms` at product precedence. The coefficient goes
/// first (`2 * n`), except after a leading division where it goes last to
/// avoid parentheses: `(n + 31) floordiv 32 * 32`.
static void printTerm(llvm::raw_ostream &os, int64_t coefficient,
                      llvm::ArrayRef<Expr> atoms) {
  if (coefficient == 1)
    return printFactors(os, atoms, Prec::Product);
  if (coefficient == -1) {
    os << '-';
    return printFactors(os, atoms, Prec::Unary);
  }
  if (isInfixDivision(atoms.front())) {
    printFactors(os, atoms, Prec::Product);
    os << " * " << coefficient;
    return;
  }
  os << coefficient << " * ";
  printFactors(os, atoms, Prec::Unary);
}

/// The sign-carrying coefficient of a sum operand.
static int64_t coefficientOf(Expr term) {
  if (std::optional<int64_t> value = term.getConstant())
    return *value;
  if (term.getKind() == ExprKind::Mul && !term.isUnfolded())
    return viewTerm(term).coefficient;
  return 1;
}

/// Prints a canonical sum with the positive terms first so that it reads as
/// `2 * n - m` or `5 - n` rather than `-m + 2 * n`.
static void printSum(llvm::raw_ostream &os, Expr e) {
  llvm::SmallVector<Expr, 4> ordered;
  for (Expr term : e.getOperands())
    if (coefficientOf(term) > 0)
      ordered.push_back(term);
  for (Expr term : e.getOperands())
    if (coefficientOf(term) < 0)
      ordered.push_back(term);

  printAt(os, ordered.front(), Prec::Product);
  for (Expr term : llvm::drop_begin(ordered)) {
    int64_t coefficient = coefficientOf(term);
    // INT64_MIN has no positive counterpart; print `+ -9223372036854775808`.
    if (coefficient > 0 || coefficient == INT64_MIN) {
      os << " + ";
      printAt(os, term, Prec::Product);
      continue;
    }
    os << " - ";
    if (term.isConstant())
      os << -coefficient;
    else if (term.getKind() == ExprKind::Mul)
      printTerm(os, -coefficient, viewTerm(term).atoms);
    else
      printAt(os, term, Prec::Product);
  }
}

/// Unfolded nodes print their two operands as written; nested sums and
/// products are parenthesized so that re-parsing rebuilds the same grouping.
static void printUnfolded(llvm::raw_ostream &os, Expr e) {
  const char *separator = e.getKind() == ExprKind::Add ? " + " : " * ";
  llvm::interleave(
      llvm::enumerate(e.getOperands()), os,
      [&](const auto &it) {
        Expr operand = it.value();
        bool nested = operand.getKind() == ExprKind::Add ||
                      operand.getKind() == ExprKind::Mul;
        Prec required = nested                         ? Prec::Primary
                        : it.index() == 0              ? Prec::Product
                        : e.getKind() == ExprKind::Add ? Prec::Product
                                                       : Prec::Unary;
        printAt(os, operand, required);
      },
      separator);
}

/// `min(a, min(b, c))`: the printed form is always binary.
static void printMinMax(llvm::raw_ostream &os, llvm::StringRef name,
                        llvm::ArrayRef<Expr> operands) {
  if (operands.size() == 1)
    return printExpr(os, operands.front());
  os << name << '(';
  printExpr(os, operands.front());
  os << ", ";
  printMinMax(os, name, operands.drop_front());
  os << ')';
}

static void printExpr(llvm::raw_ostream &os, Expr e) {
  switch (e.getKind()) {
  case ExprKind::Constant:
    os << *e.getConstant();
    return;
  case ExprKind::Var:
    os << e.getVarName();
    return;
  case ExprKind::Add:
    if (e.isUnfolded())
      return printUnfolded(os, e);
    return printSum(os, e);
  case ExprKind::Mul: {
    if (e.isUnfolded())
      return printUnfolded(os, e);
    TermView view = viewTerm(e);
    return printTerm(os, view.coefficient, view.atoms);
  }
  case ExprKind::FloorDiv:
  case ExprKind::CeilDiv:
  case ExprKind::Mod: {
    llvm::StringRef keyword = e.getKind() == ExprKind::FloorDiv  ? "floordiv"
                              : e.getKind() == ExprKind::CeilDiv ? "ceildiv"
                                                                 : "mod";
    printAt(os, e.getOperands()[0], Prec::Product);
    os << ' ' << keyword << ' ';
    printAt(os, e.getOperands()[1], Prec::Unary);
    return;
  }
  case ExprKind::Min:
    return printMinMax(os, "min", e.getOperands());
  case ExprKind::Max:
    return printMinMax(os, "max", e.getOperands());
  }
  llvm_unreachable("unknown expression kind");
}

void Expr::print(llvm::raw_ostream &os) const {
  if (!node) {
    os << "<<null expr>>";
    return;
  }
  printExpr(os, *this);
}
