//===- LegalizePass.cpp - The relax-legalize pass -------------------------===//
//
// A thin driver over the populate functions of Transforms/Legalize.h. It
// visits every relax op that is not at the call level once, in program
// order, and offers it to the patterns (a walk, not a greedy fixpoint: the
// calls that replace them are legal). A listener collects the reasons the
// patterns give for not matching, so that an op left over gets an error
// that says why; the ops a fusing pattern erased, which are skipped; and
// the relax ops a decomposing pattern created, which the next round visits.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/Relax/Transforms/Legalize.h"

#include "mlc/Dialect/Relax/RelaxOps.h"
#include "mlc/Dialect/Relax/Transforms/Passes.h"
#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Rewrite/PatternApplicator.h"
#include "llvm/ADT/SetVector.h"

namespace mlc {
#define GEN_PASS_DEF_RELAXLEGALIZEPASS
#include "mlc/Dialect/Relax/Transforms/Passes.h.inc"
} // namespace mlc

using namespace mlir;
using namespace mlc;

void mlc::populateRelaxLegalizePatterns(RewritePatternSet &patterns,
                                        LegalizeKernelCache &cache) {
  populateRelaxLegalizeElementwisePatterns(patterns, cache);
  populateRelaxLegalizeMatmulPatterns(patterns, cache);
  populateRelaxLegalizeReductionPatterns(patterns, cache);
  populateRelaxLegalizeLayoutPatterns(patterns, cache);
  populateRelaxLegalizeSoftmaxPatterns(patterns, cache);
  populateRelaxLegalizeNormPatterns(patterns, cache);
  populateRelaxLegalizeAttentionPatterns(patterns, cache);
  populateRelaxLegalizeQuantizePatterns(patterns, cache);
  populateRelaxLegalizeIndexingPatterns(patterns, cache);
  populateRelaxLegalizeConvPatterns(patterns, cache);
  populateRelaxLegalizeCreationPatterns(patterns, cache);
}

bool mlc::isLegalAfterRelaxLegalize(Operation *op) {
  if (!isa<relax::RelaxDialect>(op->getDialect()))
    return true;
  return isa<relax::CallTIROp, relax::CallTIRInplaceOp, relax::CallDPSPackedOp,
             relax::CallPackedOp, relax::MatchCastOp, relax::ShapeOfOp,
             relax::ShapeOp, relax::ConstantOp, relax::DataflowOp,
             relax::OutputOp, relax::TupleOp, relax::TupleGetItemOp,
             relax::ToDeviceOp, relax::AllocStorageOp, relax::AllocTensorOp,
             relax::KillTensorOp, relax::KillStorageOp, relax::InvokeTIROp,
             relax::InvokePackedOp, relax::CopyOp>(op);
}

namespace {
/// Keeps the reasons that patterns report with notifyMatchFailure while one
/// op is being tried.
struct MatchFailureReasons : public RewriterBase::Listener {
  void
  notifyMatchFailure(Location loc,
                     function_ref<void(Diagnostic &)> reasonCallback) override {
    Diagnostic diag(loc, DiagnosticSeverity::Remark);
    reasonCallback(diag);
    reasons.push_back(diag.str());
  }

  /// A pattern that fuses an op with its users erases them too; they are
  /// skipped when their turn comes.
  void notifyOperationErased(Operation *op) override {
    erased.insert(op);
    inserted.remove(op);
  }

  /// A pattern that decomposes an operator into others creates relax ops:
  /// the next round legalizes them. (An address may be reused by a new op
  /// once its old op is erased.)
  void notifyOperationInserted(Operation *op, OpBuilder::InsertPoint) override {
    erased.erase(op);
    if (!isLegalAfterRelaxLegalize(op))
      inserted.insert(op);
  }

  SmallVector<std::string> reasons;
  llvm::DenseSet<Operation *> erased;
  llvm::SetVector<Operation *> inserted;
};

/// Decompositions nest a few levels at most (conv1d into conv2d and
/// reshapes); a pattern set that keeps producing new operators is a bug.
constexpr unsigned kMaxRounds = 8;
} // namespace

/// Offers each op of `ops` (in order) to the patterns once; an op left
/// over gets an error with the reasons the patterns gave.
static LogicalResult legalizeRound(ModuleOp module, ArrayRef<Operation *> ops,
                                   PatternApplicator &applicator,
                                   PatternRewriter &rewriter,
                                   MatchFailureReasons &reasons) {
  bool legalized = true;
  for (Operation *op : ops) {
    if (reasons.erased.contains(op))
      continue;
    // Kernels go into `module`, which a nested module's ops cannot see.
    Operation *symbolTable =
        SymbolTable::getNearestSymbolTable(op->getParentOp());
    if (symbolTable != module) {
      op->emitOpError("cannot legalize: the op is nested in '")
          << symbolTable->getName()
          << "', and kernels are added to the top-level module only";
      legalized = false;
      continue;
    }
    reasons.reasons.clear();
    bool tried = false;
    auto canApply = [&](const Pattern &) {
      tried = true;
      return true;
    };
    if (succeeded(applicator.matchAndRewrite(op, rewriter, canApply)))
      continue;
    legalized = false;
    InFlightDiagnostic diag = op->emitOpError("cannot legalize: ");
    if (!tried)
      diag << "there is no lowering of this operator to a tensor program yet";
    else if (reasons.reasons.empty())
      diag << "no pattern applies";
    else
      diag << llvm::join(reasons.reasons, "; ");
  }
  return success(legalized);
}

LogicalResult mlc::legalizeRelaxOps(ModuleOp module,
                                    const FrozenRewritePatternSet &patterns) {
  SmallVector<Operation *> ops;
  module.walk([&](Operation *op) {
    if (!isLegalAfterRelaxLegalize(op))
      ops.push_back(op);
  });

  PatternApplicator applicator(patterns);
  applicator.applyDefaultCostModel();
  MatchFailureReasons reasons;
  PatternRewriter rewriter(module.getContext());
  rewriter.setListener(&reasons);
  bool legalized = true;
  // A rewrite replaces its own op (and adds kernels to the module); one that
  // fuses also replaces or erases later ops, and one that decomposes creates
  // ops for the next round, which the listener records.
  for (unsigned round = 0; !ops.empty(); ++round) {
    if (round == kMaxRounds) {
      ops.front()->emitOpError("cannot legalize: decomposing the operators "
                               "does not end after ")
          << kMaxRounds << " rounds";
      return failure();
    }
    reasons.inserted.clear();
    if (failed(legalizeRound(module, ops, applicator, rewriter, reasons)))
      legalized = false;
    ops.assign(reasons.inserted.begin(), reasons.inserted.end());
  }
  return success(legalized);
}

LogicalResult mlc::legalizeRelaxOps(ModuleOp module) {
  LegalizeKernelCache cache(module);
  RewritePatternSet patterns(module.getContext());
  populateRelaxLegalizePatterns(patterns, cache);
  return legalizeRelaxOps(module, FrozenRewritePatternSet(std::move(patterns)));
}

namespace {
struct RelaxLegalizePass
    : public mlc::impl::RelaxLegalizePassBase<RelaxLegalizePass> {
  void runOnOperation() override {
    if (failed(legalizeRelaxOps(getOperation())))
      signalPassFailure();
  }
};
} // namespace
