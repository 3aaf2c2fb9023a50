//===- Expr.cpp - Symbolic integer expressions ----------------------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The context (interning), the structural order, and the tree walks that do
// not canonicalize by themselves: variable collection, substitution and
// evaluation.
//
//===----------------------------------------------------------------------===//

#include "mlc/Support/Symbolic/Expr.h"

#include <algorithm>
#include <limits>

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/MathExtras.h"

#include <mutex>

using namespace mlc::sym;
using namespace mlc::sym::detail;

//===----------------------------------------------------------------------===//
// Context
//===----------------------------------------------------------------------===//

namespace {
/// The lookup key of a node, compared field by field.
struct NodeKey {
  ExprKind kind;
  bool unfolded;
  int64_t value;
  llvm::StringRef name;
  llvm::ArrayRef<Expr> operands;

  llvm::hash_code hash() const {
    return llvm::hash_combine(
        static_cast<unsigned>(kind), unfolded, value, name,
        llvm::hash_combine_range(operands.begin(), operands.end()));
  }
  bool matches(const ExprNode *node) const {
    return node->kind == kind && node->unfolded == unfolded &&
           node->value == value && node->name == name &&
           node->operands == operands;
  }
};

struct NodeInfo {
  static ExprNode *getEmptyKey() {
    return llvm::DenseMapInfo<ExprNode *>::getEmptyKey();
  }
  static ExprNode *getTombstoneKey() {
    return llvm::DenseMapInfo<ExprNode *>::getTombstoneKey();
  }
  static bool isSentinel(const ExprNode *node) {
    return node == getEmptyKey() || node == getTombstoneKey();
  }
  static unsigned getHashValue(const NodeKey &key) { return key.hash(); }
  static unsigned getHashValue(const ExprNode *node) {
    return NodeKey{node->kind, node->unfolded, node->value, node->name,
                   node->operands}
        .hash();
  }
  static bool isEqual(const NodeKey &key, const ExprNode *node) {
    return !isSentinel(node) && key.matches(node);
  }
  static bool isEqual(const ExprNode *lhs, const ExprNode *rhs) {
    return lhs == rhs;
  }
};
} // namespace

struct Context::Impl {
  std::mutex mutex;
  llvm::BumpPtrAllocator allocator;
  llvm::DenseSet<ExprNode *, NodeInfo> nodes;
};

Context::Context() : impl(std::make_unique<Impl>()) {}
Context::~Context() = default;

Expr Context::intern(ExprKind kind, int64_t value, llvm::StringRef name,
                     llvm::ArrayRef<Expr> operands, bool unfolded) {
  NodeKey key{kind, unfolded, value, name, operands};
  std::lock_guard<std::mutex> lock(impl->mutex);
  auto it = impl->nodes.find_as(key);
  if (it != impl->nodes.end())
    return Expr(*it);

  // Copy the variable name and operands into context-owned storage so that
  // the node outlives the caller's buffers.
  auto *node = new (impl->allocator.Allocate<ExprNode>()) ExprNode();
  node->kind = kind;
  node->unfolded = unfolded;
  node->value = value;
  node->context = this;
  uint64_t treeSize = 1;
  for (Expr operand : operands)
    treeSize += operand.getTreeSize();
  node->treeSize = static_cast<uint32_t>(
      std::min<uint64_t>(treeSize, std::numeric_limits<uint32_t>::max()));
  if (!name.empty()) {
    char *chars = impl->allocator.Allocate<char>(name.size());
    std::copy(name.begin(), name.end(), chars);
    node->name = llvm::StringRef(chars, name.size());
  }
  if (!operands.empty()) {
    Expr *storage = impl->allocator.Allocate<Expr>(operands.size());
    std::uninitialized_copy(operands.begin(), operands.end(), storage);
    node->operands = llvm::ArrayRef<Expr>(storage, operands.size());
  }
  impl->nodes.insert_as(node, key);
  return Expr(node);
}

Expr Context::constant(int64_t value) {
  return intern(ExprKind::Constant, value, {}, {}, /*unfolded=*/false);
}

Expr Context::var(llvm::StringRef name) {
  assert(!name.empty() && "variable names must be non-empty");
  return intern(ExprKind::Var, 0, name, {}, /*unfolded=*/false);
}

Expr Context::getNode(ExprKind kind, llvm::ArrayRef<Expr> operands,
                      bool unfolded) {
  assert(kind != ExprKind::Constant && kind != ExprKind::Var &&
         "use constant()/var() for leaves");
  assert(llvm::all_of(operands,
                      [&](Expr e) { return e && &e.getContext() == this; }) &&
         "operands must belong to this context");
  return intern(kind, 0, {}, operands, unfolded);
}

//===----------------------------------------------------------------------===//
// Expr
//===----------------------------------------------------------------------===//

std::optional<int64_t> Expr::getConstant() const {
  if (!isConstant())
    return std::nullopt;
  return node->value;
}

uint32_t Expr::getTreeSize() const { return node ? node->treeSize : 0; }

llvm::StringRef Expr::getVarName() const {
  assert(isVar() && "not a variable");
  return node->name;
}

int mlc::sym::compare(Expr lhs, Expr rhs) {
  if (lhs == rhs)
    return 0;
  if (!lhs || !rhs)
    return !lhs ? -1 : 1;
  if (lhs.getKind() != rhs.getKind())
    return lhs.getKind() < rhs.getKind() ? -1 : 1;
  switch (lhs.getKind()) {
  case ExprKind::Constant:
    return *lhs.getConstant() < *rhs.getConstant() ? -1 : 1;
  case ExprKind::Var:
    return lhs.getVarName().compare(rhs.getVarName());
  default:
    break;
  }
  llvm::ArrayRef<Expr> lhsOps = lhs.getOperands(), rhsOps = rhs.getOperands();
  for (size_t i = 0, e = std::min(lhsOps.size(), rhsOps.size()); i != e; ++i)
    if (int c = compare(lhsOps[i], rhsOps[i]))
      return c;
  if (lhsOps.size() != rhsOps.size())
    return lhsOps.size() < rhsOps.size() ? -1 : 1;
  // Only the unfolded flag can still differ between distinct nodes.
  return lhs.isUnfolded() ? 1 : -1;
}

bool Expr::operator<(Expr other) const { return compare(*this, other) < 0; }

std::string Expr::str() const {
  std::string result;
  llvm::raw_string_ostream os(result);
  print(os);
  return result;
}

llvm::raw_ostream &mlc::sym::operator<<(llvm::raw_ostream &os, Expr e) {
  e.print(os);
  return os;
}

//===----------------------------------------------------------------------===//
// Variable queries
//===----------------------------------------------------------------------===//

static void collectVarsImpl(Expr e,
                            llvm::SmallVectorImpl<llvm::StringRef> &vars,
                            llvm::StringSet<> &seen) {
  if (e.isVar()) {
    if (seen.insert(e.getVarName()).second)
      vars.push_back(e.getVarName());
    return;
  }
  for (Expr operand : e.getOperands())
    collectVarsImpl(operand, vars, seen);
}

void mlc::sym::collectVars(Expr e,
                           llvm::SmallVectorImpl<llvm::StringRef> &vars) {
  llvm::StringSet<> seen;
  for (llvm::StringRef name : vars)
    seen.insert(name);
  collectVarsImpl(e, vars, seen);
}

bool mlc::sym::containsVar(Expr e, llvm::StringRef name) {
  if (e.isVar())
    return e.getVarName() == name;
  return llvm::any_of(e.getOperands(),
                      [&](Expr operand) { return containsVar(operand, name); });
}

//===----------------------------------------------------------------------===//
// Substitution
//===----------------------------------------------------------------------===//

namespace {
/// Rebuilds an expression bottom-up through the canonicalizing constructors,
/// memoizing shared subtrees.
class Substituter {
public:
  Substituter(const llvm::StringMap<Expr> &bindings, std::string *error)
      : bindings(bindings), error(error) {}

  llvm::FailureOr<Expr> rewrite(Expr e) {
    auto it = cache.find(e);
    if (it != cache.end())
      return it->second;
    llvm::FailureOr<Expr> result = rewriteUncached(e);
    if (succeeded(result))
      cache[e] = *result;
    return result;
  }

private:
  llvm::FailureOr<Expr> rewriteUncached(Expr e) {
    switch (e.getKind()) {
    case ExprKind::Constant:
      return e;
    case ExprKind::Var: {
      auto it = bindings.find(e.getVarName());
      if (it == bindings.end())
        return e;
      assert(&it->second.getContext() == &e.getContext() &&
             "binding from another context");
      return it->second;
    }
    default:
      break;
    }
    llvm::SmallVector<Expr, 4> operands;
    for (Expr operand : e.getOperands()) {
      llvm::FailureOr<Expr> rewritten = rewrite(operand);
      if (failed(rewritten))
        return llvm::failure();
      operands.push_back(*rewritten);
    }
    return combine(e.getKind(), operands);
  }

  llvm::FailureOr<Expr> combine(ExprKind kind, llvm::ArrayRef<Expr> operands) {
    Expr result = operands.front();
    for (Expr operand : operands.drop_front()) {
      switch (kind) {
      case ExprKind::Add:
        result = result + operand;
        break;
      case ExprKind::Mul:
        result = result * operand;
        break;
      case ExprKind::Min:
        result = min(result, operand);
        break;
      case ExprKind::Max:
        result = max(result, operand);
        break;
      case ExprKind::FloorDiv:
      case ExprKind::CeilDiv:
      case ExprKind::Mod: {
        llvm::FailureOr<Expr> divided =
            kind == ExprKind::FloorDiv  ? floorDiv(result, operand, error)
            : kind == ExprKind::CeilDiv ? ceilDiv(result, operand, error)
                                        : mod(result, operand, error);
        if (failed(divided))
          return llvm::failure();
        result = *divided;
        break;
      }
      default:
        llvm_unreachable("leaf kinds have no operands");
      }
    }
    return result;
  }

  const llvm::StringMap<Expr> &bindings;
  std::string *error;
  llvm::DenseMap<Expr, Expr> cache;
};
} // namespace

llvm::FailureOr<Expr>
mlc::sym::substitute(Expr e, const llvm::StringMap<Expr> &bindings,
                     std::string *error) {
  return Substituter(bindings, error).rewrite(e);
}

//===----------------------------------------------------------------------===//
// Evaluation
//===----------------------------------------------------------------------===//

namespace {
/// Evaluates node by node. Each node's value must fit int64; inside a single
/// `Add`/`Mul` node the partial results are accumulated in 128 bits so that
/// the order of the canonical terms cannot cause a spurious overflow.
class Evaluator {
public:
  Evaluator(const llvm::StringMap<int64_t> &bindings, std::string *error)
      : bindings(bindings), error(error) {}

  llvm::FailureOr<int64_t> eval(Expr e) {
    switch (e.getKind()) {
    case ExprKind::Constant:
      return *e.getConstant();
    case ExprKind::Var: {
      auto it = bindings.find(e.getVarName());
      if (it == bindings.end())
        return fail("unbound variable '" + e.getVarName().str() + "'");
      return it->second;
    }
    case ExprKind::Add:
    case ExprKind::Mul:
      return evalArithmetic(e);
    case ExprKind::Min:
    case ExprKind::Max:
      return evalMinMax(e);
    case ExprKind::FloorDiv:
    case ExprKind::CeilDiv:
    case ExprKind::Mod:
      return evalDivision(e);
    }
    llvm_unreachable("unknown expression kind");
  }

private:
  llvm::LogicalResult fail(const llvm::Twine &message) {
    if (error)
      *error = message.str();
    return llvm::failure();
  }

  llvm::FailureOr<int64_t> checkedResult(__int128 value, Expr e) {
    if (value < INT64_MIN || value > INT64_MAX)
      return fail("integer overflow evaluating '" + e.str() + "'");
    return static_cast<int64_t>(value);
  }

  llvm::FailureOr<int64_t> evalArithmetic(Expr e) {
    bool isAdd = e.getKind() == ExprKind::Add;
    __int128 acc = isAdd ? 0 : 1;
    for (Expr operand : e.getOperands()) {
      llvm::FailureOr<int64_t> value = eval(operand);
      if (failed(value))
        return llvm::failure();
      bool overflow = isAdd ? __builtin_add_overflow(acc, *value, &acc)
                            : __builtin_mul_overflow(acc, *value, &acc);
      if (overflow)
        return fail("integer overflow evaluating '" + e.str() + "'");
    }
    return checkedResult(acc, e);
  }

  llvm::FailureOr<int64_t> evalMinMax(Expr e) {
    std::optional<int64_t> result;
    for (Expr operand : e.getOperands()) {
      llvm::FailureOr<int64_t> value = eval(operand);
      if (failed(value))
        return llvm::failure();
      if (!result)
        result = *value;
      else if (e.getKind() == ExprKind::Min)
        result = std::min(*result, *value);
      else
        result = std::max(*result, *value);
    }
    return *result;
  }

  llvm::FailureOr<int64_t> evalDivision(Expr e) {
    llvm::FailureOr<int64_t> lhs = eval(e.getOperands()[0]);
    if (failed(lhs))
      return llvm::failure();
    llvm::FailureOr<int64_t> rhs = eval(e.getOperands()[1]);
    if (failed(rhs))
      return llvm::failure();
    if (*rhs == 0)
      return fail("division by zero evaluating '" + e.str() + "'");
    // 128-bit arithmetic makes INT64_MIN / -1 representable; the range check
    // below then reports it.
    __int128 a = *lhs, b = *rhs;
    __int128 quotient = a / b, remainder = a % b;
    bool inexact = remainder != 0;
    bool negative = (a < 0) != (b < 0);
    switch (e.getKind()) {
    case ExprKind::FloorDiv:
      return checkedResult(quotient - (inexact && negative ? 1 : 0), e);
    case ExprKind::CeilDiv:
      return checkedResult(quotient + (inexact && !negative ? 1 : 0), e);
    default:
      return checkedResult(
          remainder + ((inexact && (remainder < 0) != (b < 0)) ? b : 0), e);
    }
  }

  const llvm::StringMap<int64_t> &bindings;
  std::string *error;
};
} // namespace

llvm::FailureOr<int64_t>
mlc::sym::evaluate(Expr e, const llvm::StringMap<int64_t> &bindings,
                   std::string *error) {
  assert(e && "evaluating a null expression");
  return Evaluator(bindings, error).eval(e);
}

namespace {
/// `coefficient * var + constant`, where the coefficient may still be 0.
struct PartialLinearForm {
  int64_t coefficient = 0;
  int64_t constant = 0;
};
} // namespace

// NOLINTNEXTLINE(misc-no-recursion): bounded by the depth of the expression.
static std::optional<PartialLinearForm> linearize(Expr e, llvm::StringRef var) {
  switch (e.getKind()) {
  case ExprKind::Constant:
    return PartialLinearForm{0, *e.getConstant()};
  case ExprKind::Var:
    if (e.getVarName() != var)
      return std::nullopt;
    return PartialLinearForm{1, 0};
  case ExprKind::Add: {
    PartialLinearForm sum;
    for (Expr operand : e.getOperands()) {
      std::optional<PartialLinearForm> term = linearize(operand, var);
      if (!term ||
          llvm::AddOverflow(sum.coefficient, term->coefficient,
                            sum.coefficient) ||
          llvm::AddOverflow(sum.constant, term->constant, sum.constant))
        return std::nullopt;
    }
    return sum;
  }
  case ExprKind::Mul: {
    PartialLinearForm product{0, 1};
    for (Expr operand : e.getOperands()) {
      std::optional<PartialLinearForm> factor = linearize(operand, var);
      if (!factor)
        return std::nullopt;
      // (a x + b) (c x + d) is linear only if a or c is 0.
      if (product.coefficient != 0 && factor->coefficient != 0)
        return std::nullopt;
      PartialLinearForm next;
      int64_t cross1, cross2;
      if (llvm::MulOverflow(product.coefficient, factor->constant, cross1) ||
          llvm::MulOverflow(product.constant, factor->coefficient, cross2) ||
          llvm::AddOverflow(cross1, cross2, next.coefficient) ||
          llvm::MulOverflow(product.constant, factor->constant, next.constant))
        return std::nullopt;
      product = next;
    }
    return product;
  }
  default:
    return std::nullopt;
  }
}

std::optional<LinearForm> mlc::sym::getLinearForm(Expr e, llvm::StringRef var) {
  std::optional<PartialLinearForm> form = linearize(e, var);
  if (!form || form->coefficient == 0)
    return std::nullopt;
  return LinearForm{form->coefficient, form->constant};
}
