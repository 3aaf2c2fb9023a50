//===- Matmul.cpp - Legalize relax.matmul ---------------------------------===//
//
// numpy.matmul as one reduction block: spatial iteration variables over the
// result's dims (broadcast batch dims, then the rows of a 2-D+ lhs and the
// columns of a 2-D+ rhs), then the reduce variable of the contraction,
// innermost:
//
//   tir.block "T_matmul" (%b: spatial[%n], %i: spatial[4], %j: spatial[%m],
//                         %k: reduce[8]) reads(%lhs[%b, %i, %k], %rhs[%k, %j])
//       writes(%out[%b, %i, %j]) init { out = 0 } { out += lhs * rhs }
//
// The accumulation is in the element type, as TVM does without out_dtype.
// relax.linear is one such block over the weight's rows (then the bias),
// and relax.einsum one over its letters.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlc/Dialect/Relax/ShapeInference.h"
#include "mlc/Dialect/Relax/SymbolScope.h"

#include <map>

using namespace mlir;

namespace mlc::legalize {
namespace {

class MatmulPattern : public LegalizePattern<relax::MatmulOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::MatmulOp op,
                                PatternRewriter &rewriter) const override {
    TensorType lhs = op.getLhs().getType(), rhs = op.getRhs().getType();
    TensorType result = op.getResult().getType();
    if (lhs.getRanked() && rhs.getRanked() && result.getRanked()) {
      // The batch dims are those of the result before its matrix dims.
      size_t numMatrixDims = (lhs.getNumDims() > 1) + (rhs.getNumDims() > 1);
      if (failed(checkBroadcastDecided(
              rewriter, op, getBatchDims(lhs), getBatchDims(rhs),
              result.getDims().drop_back(numMatrixDims), "batch dimensions")))
        return failure();
    }
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();

    // A kernel reads both operands along the lhs's contraction extent, so a
    // mismatch the verifier had to accept would read out of bounds.
    sym::Expr lhsReduction = lhs.getDims().back();
    sym::Expr rhsReduction =
        rhs.getDims()[rhs.getNumDims() - (rhs.getNumDims() > 1 ? 2 : 1)];
    if (!lhsReduction || !rhsReduction ||
        (lhsReduction != rhsReduction &&
         relax::getAnalyzerFor(op).proveEqual(lhsReduction, rhsReduction) !=
             sym::Proof::True))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "the contraction dimensions of the lhs ("
             << (lhsReduction ? lhsReduction.str() : "?") << ") and the rhs ("
             << (rhsReduction ? rhsReduction.str() : "?")
             << ") are not provably equal; relax.match_cast can give them "
                "one symbolic size";
      });

    KernelSignature signature({lhs, rhs}, {result});
    TensorType lhsType = signature.getInputs()[0];
    TensorType rhsType = signature.getInputs()[1];
    TensorType resultType = signature.getOutputs()[0];
    bool hasRows = lhsType.getNumDims() > 1, hasCols = rhsType.getNumDims() > 1;
    unsigned rank = resultType.getNumDims();
    unsigned numBatch = rank - hasRows - hasCols;
    ArrayRef<sym::Expr> batchDims = resultType.getDims().take_front(numBatch);
    FailureOr<SmallVector<AffineExpr>> lhsIndices =
        getBroadcastIndices(rewriter, op, getBatchDims(lhsType), batchDims, 0,
                            "lhs batch dimensions");
    if (failed(lhsIndices))
      return failure();
    FailureOr<SmallVector<AffineExpr>> rhsIndices =
        getBroadcastIndices(rewriter, op, getBatchDims(rhsType), batchDims, 0,
                            "rhs batch dimensions");
    if (failed(rhsIndices))
      return failure();

    // Iteration variables: the result's dims, then the contraction.
    MLIRContext *ctx = op.getContext();
    AffineExpr k = getAffineDimExpr(rank, ctx);
    if (hasRows)
      lhsIndices->push_back(getAffineDimExpr(numBatch, ctx));
    lhsIndices->push_back(k);
    rhsIndices->push_back(k);
    if (hasCols)
      rhsIndices->push_back(getAffineDimExpr(rank - 1, ctx));

    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "matmul", /*attrs=*/"",
        [&](KernelBuilder &builder) {
          SmallVector<IterVar> iterVars;
          for (unsigned dim = 0; dim < rank; ++dim)
            iterVars.push_back(
                {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
          iterVars.push_back(
              {tir::IterKind::Reduce,
               builder.getInputDim(0, lhsType.getNumDims() - 1)});
          Access lhsAccess{builder.getInput(0), *lhsIndices};
          Access rhsAccess{builder.getInput(1), *rhsIndices};
          Access out{builder.getOutput(0), getIdentityIndices(ctx, 0, rank)};
          Type elementType = resultType.getElementType();
          builder.buildBlock(
              "T_matmul", iterVars, {lhsAccess, rhsAccess}, {out},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                Value product = createMul(b, loc, block.load(lhsAccess),
                                          block.load(rhsAccess));
                block.store(createAdd(b, loc, block.load(out), product), out);
              },
              [&](BlockBuilder &init) {
                init.store(createScalarConstant(init.getBuilder(),
                                                init.getLoc(), elementType, 0),
                           out);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }

private:
  /// The leading dims of an operand with two or more dims; a 1-D operand
  /// has none.
  static ArrayRef<sym::Expr> getBatchDims(TensorType type) {
    ArrayRef<sym::Expr> dims = type.getDims();
    return dims.size() > 1 ? dims.drop_back(2) : ArrayRef<sym::Expr>();
  }
};

/// linear: one reduction block `out[.., j] = b[j] + sum_k x[.., k] * w[j, k]`
/// (the init stores the bias, or 0); the reduction walks both operands'
/// rows contiguously (dot products).
class LinearPattern : public LegalizePattern<relax::LinearOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::LinearOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    TensorType input = op.getInput().getType();
    TensorType weight = op.getWeight().getType();
    // The kernel reads both along the input's k.
    sym::Expr k = input.getDims().back(), weightK = weight.getDims()[1];
    if (!k || !weightK ||
        (k != weightK &&
         relax::getAnalyzerFor(op).proveEqual(k, weightK) != sym::Proof::True))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "the contraction dimensions of the input ("
             << (k ? k.str() : "?") << ") and the weight ("
             << (weightK ? weightK.str() : "?")
             << ") are not provably equal; relax.match_cast can give them "
                "one symbolic size";
      });
    SmallVector<TensorType> inputs{input, weight};
    bool hasBias = bool(op.getBias());
    if (hasBias)
      inputs.push_back(cast<TensorType>(op.getBias().getType()));
    KernelSignature signature(inputs, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "linear", hasBias ? "bias" : "",
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          unsigned rank = builder.getOutputType(0).getNumDims();
          SmallVector<IterVar> iterVars;
          for (unsigned dim = 0; dim < rank; ++dim)
            iterVars.push_back(
                {tir::IterKind::Spatial, builder.getOutputDim(0, dim)});
          iterVars.push_back(
              {tir::IterKind::Reduce, builder.getInputDim(0, rank - 1)});
          SmallVector<AffineExpr> out = getIdentityIndices(ctx, 0, rank);
          AffineExpr kExpr = getAffineDimExpr(rank, ctx);
          SmallVector<AffineExpr> x(out);
          x.back() = kExpr;
          Access xAccess{builder.getInput(0), x};
          Access wAccess{builder.getInput(1), {out.back(), kExpr}};
          Access outAccess{builder.getOutput(0), out};
          Type element = builder.getOutputType(0).getElementType();
          builder.buildBlock(
              "T_linear", iterVars, {xAccess, wAccess}, {outAccess},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                Value product =
                    createMul(b, loc, block.load(xAccess), block.load(wAccess));
                block.store(createAdd(b, loc, block.load(outAccess), product),
                            outAccess);
              },
              [&](BlockBuilder &init) {
                init.store(createScalarConstant(init.getBuilder(),
                                                init.getLoc(), element, 0),
                           outAccess);
              });
          if (!hasBias)
            return;
          // The bias, added once the sums are done.
          Access bias{builder.getInput(2), {out.back()}};
          SmallVector<IterVar> spatial(iterVars.begin(), iterVars.end() - 1);
          builder.buildBlock(
              "T_linear_bias", spatial, {outAccess, bias}, {outAccess},
              [&](BlockBuilder &block) {
                block.store(createAdd(block.getBuilder(), block.getLoc(),
                                      block.load(outAccess), block.load(bias)),
                            outAccess);
              });
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

/// einsum: one block whose spatial variables are the result's letters and
/// whose reduce variables are the others (in order of appearance); each
/// operand is read at its letters' variables.
class EinsumPattern : public LegalizePattern<relax::EinsumOp> {
public:
  using LegalizePattern::LegalizePattern;

  LogicalResult matchAndRewrite(relax::EinsumOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkKernelTypes(rewriter, op)))
      return failure();
    SmallVector<TensorType> inputs = getOperandTypes(op);
    SmallVector<int64_t> ranks = llvm::map_to_vector(
        inputs, [](TensorType t) { return int64_t(t.getNumDims()); });
    FailureOr<relax::EinsumSubscripts> parsed =
        relax::parseEinsumSubscripts(op.getSubscripts(), ranks);
    if (failed(parsed))
      return rewriter.notifyMatchFailure(op, "invalid subscripts");
    // The variables: result letters, then the summed ones. Each letter's
    // extent is its first occurrence's, and every other occurrence must be
    // provably equal (the kernel reads them all over that extent).
    std::string letters = parsed->output;
    std::map<char, std::pair<unsigned, unsigned>> first;
    sym::Analyzer analyzer = relax::getAnalyzerFor(op);
    for (auto [k, operand] : llvm::enumerate(parsed->inputs))
      for (auto [pos, c] : llvm::enumerate(operand)) {
        auto [it, inserted] = first.try_emplace(c, k, pos);
        if (inserted) {
          if (!llvm::is_contained(letters, c))
            letters.push_back(c);
          continue;
        }
        sym::Expr a = inputs[it->second.first].getDims()[it->second.second];
        sym::Expr b = inputs[k].getDims()[pos];
        if (a != b && analyzer.proveEqual(a, b) != sym::Proof::True)
          return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
            diag << "the dims of '" << c << "' (" << relax::dimToString(a)
                 << " and " << relax::dimToString(b)
                 << ") are not provably equal";
          });
      }
    unsigned numSpatial = parsed->output.size();
    KernelSignature signature(inputs, {op.getResult().getType()});
    FlatSymbolRefAttr kernel = KernelBuilder::getOrCreate(
        rewriter, op, cache, signature, "einsum", op.getSubscripts(),
        [&](KernelBuilder &builder) {
          MLIRContext *ctx = builder.getContext();
          SmallVector<IterVar> iterVars;
          for (auto [index, c] : llvm::enumerate(letters)) {
            auto [k, pos] = first[c];
            iterVars.push_back({index < numSpatial ? tir::IterKind::Spatial
                                                   : tir::IterKind::Reduce,
                                builder.getInputDim(k, pos)});
          }
          auto indicesOf = [&](StringRef names) {
            return llvm::map_to_vector(names, [&](char c) {
              return getAffineDimExpr(letters.find(c), ctx);
            });
          };
          SmallVector<Access> reads;
          for (auto [k, operand] : llvm::enumerate(parsed->inputs))
            reads.push_back({builder.getInput(k), indicesOf(operand)});
          Access out{builder.getOutput(0), indicesOf(parsed->output)};
          Type element = builder.getOutputType(0).getElementType();
          bool reduces = letters.size() > numSpatial;
          builder.buildBlock(
              "T_einsum", iterVars, reads, {out},
              [&](BlockBuilder &block) {
                OpBuilder &b = block.getBuilder();
                Location loc = block.getLoc();
                Value product = block.load(reads[0]);
                for (const Access &read : ArrayRef(reads).drop_front())
                  product = createMul(b, loc, product, block.load(read));
                block.store(reduces
                                ? createAdd(b, loc, block.load(out), product)
                                : product,
                            out);
              },
              reduces ? BlockBodyFn([&](BlockBuilder &init) {
                init.store(createScalarConstant(init.getBuilder(),
                                                init.getLoc(), element, 0),
                           out);
              })
                      : BlockBodyFn());
        });
    replaceWithCallTIR(rewriter, op, kernel, signature);
    return success();
  }
};

} // namespace
} // namespace mlc::legalize

void mlc::populateRelaxLegalizeMatmulPatterns(RewritePatternSet &patterns,
                                              LegalizeKernelCache &cache) {
  patterns.add<legalize::MatmulPattern, legalize::LinearPattern,
               legalize::EinsumPattern>(patterns.getContext(), cache);
}
