//===- ReorderBlockIterVars.cpp - TensorIR reorder_block_iter_var ---------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's `reorder_block_iter_var`: permutes a block's iteration variables.
// Rules that recognise a block by its access pattern use it to bring the
// block into the variable order a tensor intrinsic's description has.
//
//===----------------------------------------------------------------------===//

#include "mlc/Dialect/TIR/Schedule.h"

#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;
using namespace mlc::tir;

/// Moves the ops of `source` into `region`'s new entry block, whose
/// arguments are the new iteration variables.
static void moveBody(RewriterBase &rewriter, Block *source, Region &region,
                     ArrayRef<Value> oldToNew) {
  rewriter.mergeBlocks(source, &region.front(), oldToNew);
}

DiagnosedSilenceableFailure
mlc::tir::reorderBlockIterVars(RewriterBase &rewriter, BlockOp block,
                               ArrayRef<int64_t> order, BlockOp &result) {
  unsigned numVars = block.getNumIterVars();
  llvm::SmallBitVector seen(numVars);
  bool valid = order.size() == numVars;
  for (int64_t var : order) {
    valid = valid && var >= 0 && var < numVars && !seen.test(var);
    if (valid)
      seen.set(var);
  }
  if (!valid)
    return emitSilenceableFailure(block)
           << "cannot reorder the iteration variables of block \""
           << block.getNameHint() << "\": the order must be a permutation of "
           << "its " << numVars << " variables";

  MLIRContext *ctx = block.getContext();
  SmallVector<IterKind> kinds;
  SmallVector<OpFoldResult> extents;
  SmallVector<Value> bindings;
  SmallVector<OpFoldResult> oldExtents = block.getMixedExtents();
  // Old variable #order[k] becomes dim #k of the regions.
  SmallVector<AffineExpr> oldToNewDims(numVars);
  for (auto [k, var] : llvm::enumerate(order)) {
    kinds.push_back(block.getIterKind(var));
    extents.push_back(oldExtents[var]);
    bindings.push_back(block.getBindings()[var]);
    oldToNewDims[var] = getAffineDimExpr(k, ctx);
  }
  auto remap = [&](ArrayAttr regions) {
    return llvm::map_to_vector(
        regions.getAsRange<BufferRegionAttr>(), [&](BufferRegionAttr region) {
          unsigned numSymbols = region.getNumSymbols();
          return BufferRegionAttr::get(
              ctx,
              region.getStart().replaceDimsAndSymbols(oldToNewDims, {}, numVars,
                                                      numSymbols),
              region.getExtents().replaceDimsAndSymbols(oldToNewDims, {},
                                                        numVars, numSymbols));
        });
  };

  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(block);
  auto newBlock = BlockOp::create(
      rewriter, block.getLoc(), block.getNameHint(), kinds, extents, bindings,
      block.getReads(), remap(block.getReadRegions()), block.getWrites(),
      remap(block.getWriteRegions()), block.getPredicate(),
      block.getRegionSymbols());
  if (DictionaryAttr attrs = block->getDiscardableAttrDictionary())
    newBlock->setDiscardableAttrs(attrs);

  auto newVarsFor = [&](Block *entry) {
    SmallVector<Value> values(numVars);
    for (auto [k, var] : llvm::enumerate(order))
      values[var] = entry->getArgument(k);
    return values;
  };
  Block *newBody = newBlock.getBody();
  rewriter.eraseOp(newBody->getTerminator());
  moveBody(rewriter, block.getBody(), newBlock.getRegion(),
           newVarsFor(newBody));
  if (block.hasInit()) {
    Block *init = rewriter.createBlock(
        &newBlock.getInit(), {},
        SmallVector<Type>(numVars, rewriter.getIndexType()),
        SmallVector<Location>(numVars, block.getLoc()));
    moveBody(rewriter, &block.getInit().front(), newBlock.getInit(),
             newVarsFor(init));
  }
  rewriter.eraseOp(block);
  result = newBlock;
  return DiagnosedSilenceableFailure::success();
}
