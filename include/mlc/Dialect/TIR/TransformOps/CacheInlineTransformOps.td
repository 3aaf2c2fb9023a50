//===- CacheInlineTransformOps.td - transform.tir ops ------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Included by TIRTransformOps.td: cache_read, cache_write, compute_inline,
// reverse_compute_inline, storage_align, get_producers and get_consumers.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_CACHEINLINETRANSFORMOPS_TD
#define MLC_DIALECT_TIR_TRANSFORMOPS_CACHEINLINETRANSFORMOPS_TD

/// An op that applies a primitive to each `tir.block` its handle points to.
class TIRBlockTransformOp<string mnemonic, list<Trait> traits = []>
    : TIRTransformOp<mnemonic, traits # [
        DeclareOpInterfaceMethods<MemoryEffectsOpInterface>,
        TransformOpInterface, TransformEachOpTrait]> {
  let extraClassDeclaration = [{
    ::mlir::DiagnosedSilenceableFailure applyToOne(
        ::mlir::transform::TransformRewriter &rewriter,
        ::mlc::tir::BlockOp target,
        ::mlir::transform::ApplyToEachResultList &results,
        ::mlir::transform::TransformState &state);
  }];
}

//===----------------------------------------------------------------------===//
// GetProducersOp, GetConsumersOp
//===----------------------------------------------------------------------===//

class TIRBlockNavigationOp<string mnemonic>
    : TIRTransformOp<mnemonic, [
        DeclareOpInterfaceMethods<TransformOpInterface>,
        NavigationTransformOpTrait, MemoryEffectsOpInterface]> {
  let arguments = (ins TransformHandleTypeInterface:$target);
  let results = (outs TransformHandleTypeInterface:$result);
  let assemblyFormat = [{
    $target attr-dict `:` functional-type(operands, results)
  }];
}

def TIR_GetProducersOp : TIRBlockNavigationOp<"get_producers"> {
  let summary = "handles to the blocks that write what a block reads";
  let description = [{
    Returns the other `tir.block`s of the block's scope (its enclosing block
    or prim_func, not looking into nested blocks) that write a buffer the
    block reads, in program order, each once. TVM's `get_producers`.

    ```mlir
    %producers = transform.tir.get_producers %b
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the handle, which must point to `tir.block` ops; the result may
    be empty.
  }];
}

def TIR_GetConsumersOp : TIRBlockNavigationOp<"get_consumers"> {
  let summary = "handles to the blocks that read what a block writes";
  let description = [{
    Returns the other `tir.block`s of the block's scope that read a buffer
    the block writes, in program order, each once. TVM's `get_consumers`.

    ```mlir
    %consumers = transform.tir.get_consumers %b
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    As `transform.tir.get_producers`.
  }];
}

//===----------------------------------------------------------------------===//
// ComputeInlineOp, ReverseComputeInlineOp
//===----------------------------------------------------------------------===//

def TIR_ComputeInlineOp : TIRBlockTransformOp<"compute_inline"> {
  let summary = "inline a block into the blocks that read its buffer";
  let description = [{
    The block computes `B[v...] = f(...)`: spatial iteration variables
    only, no `init` or predicate, one store at distinct iteration variables
    (one per variable) of its single written buffer, otherwise loads of
    other buffers and pure ops without regions. Each load of `B` in a block
    that reads it becomes a copy of `f` at the load's indices, and that
    block's read regions of `B` become the block's read regions composed
    with them. The block, the loops it leaves empty and the
    `tir.alloc_buffer` of `B` are erased. TVM's `compute_inline`.

    ```mlir
    transform.tir.compute_inline %b : !transform.any_op
    ```

    #### Return modes

    Consumes the handle (the block is erased). Produces a silenceable
    failure, leaving the IR unchanged, when the block is not of that form,
    its iteration variables do not range over the whole of `B`, `B` is a
    prim_func parameter or not a `tir.alloc_buffer`, another block
    writes `B`, `B` has another use than loads in blocks that read it, a
    block between the block and a reader writes a buffer the block reads,
    a value the block uses is not available at a load, or a composed region
    is not a box.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let assemblyFormat = "$target attr-dict `:` type($target)";
}

def TIR_ReverseComputeInlineOp
    : TIRBlockTransformOp<"reverse_compute_inline"> {
  let summary = "inline a block into the single block that produces its input";
  let description = [{
    The block computes `C[...] = g(B[v...], ...)`: spatial iteration
    variables only, no `init` or predicate, one store, loads of `B` at
    distinct iteration variables (one per variable). It has one producer,
    of the same form as for `compute_inline` but with any store indices
    `e...`, writing `B`. The producer's store of `x` becomes the block's
    computation with `v... := e...` and `B[v...] := x`; its regions become
    the block's regions over its own iteration variables. The block, the
    loops it leaves empty and the `tir.alloc_buffer` of `B` are erased.
    TVM's `reverse_compute_inline`.

    ```mlir
    transform.tir.reverse_compute_inline %b : !transform.any_op
    ```

    #### Return modes

    Consumes the handle (the block is erased). Produces a silenceable
    failure, leaving the IR unchanged, when the block or its producer is
    not of that form, the block's iteration variables do not range over
    the whole of `B`, the block has no or several producers, `B` is a
    prim_func parameter, not a `tir.alloc_buffer` or has other uses, a
    block in between accesses a buffer the block reads or writes, a value
    the block uses is not available at the producer's store, or a composed
    region is not a box.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let assemblyFormat = "$target attr-dict `:` type($target)";
}

//===----------------------------------------------------------------------===//
// CacheReadOp, CacheWriteOp
//===----------------------------------------------------------------------===//

def TIR_CacheReadOp : TIRBlockTransformOp<"cache_read"> {
  let summary = "read a buffer through a copy in another storage scope";
  let description = [{
    Allocates a buffer like read buffer `#index` of the block in
    `storage_scope` (dynamic sizes from the buffer's `tir.alloc_buffer` or
    `memref.dim`) and a block `<name>_read<index>_<scope>` in a loop nest
    that copies the whole buffer into it, both right before the outermost
    op of the block's scope that holds the block; the block then reads the
    copy. TVM's `cache_read` with the block as the only consumer.

    ```mlir
    %copy = transform.tir.cache_read %b, 0, "shared"
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the handle and returns a handle to the copy block. Produces a
    silenceable failure, leaving the IR unchanged, when the index is out of
    range, the block also writes the buffer or uses it in another op than
    a load or a block's buffer list, the buffer is not defined before the
    block's loop nest, or another op in that nest writes it.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       I64Attr:$buffer_index, StrAttr:$storage_scope);
  let results = (outs TransformHandleTypeInterface:$result);
  let assemblyFormat = [{
    $target `,` $buffer_index `,` $storage_scope attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def TIR_CacheWriteOp : TIRBlockTransformOp<"cache_write"> {
  let summary = "write a buffer through a copy in another storage scope";
  let description = [{
    The block writes (and reads) a new buffer in `storage_scope` instead of
    its write buffer `#index`; the buffer is allocated right before the
    outermost op of the block's scope that holds the block, and a block
    `<name>_write<index>_<scope>` right after that op copies it back whole.
    TVM's `cache_write`.

    ```mlir
    %copy = transform.tir.cache_write %b, 0, "local"
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the handle and returns a handle to the copy-back block. Produces
    a silenceable failure, leaving the IR unchanged, when the index is out
    of range, the write region does not cover the whole buffer (each
    dimension a distinct iteration variable over the whole size; a
    symbolic size matches `memref.dim`, the `tir.alloc_buffer` size or an
    `index` parameter of the prim_func), the block reads the buffer without
    an `init` region, uses it in another op than a load, a store or a
    block's buffer list, or another op in its loop nest accesses it.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       I64Attr:$buffer_index, StrAttr:$storage_scope);
  let results = (outs TransformHandleTypeInterface:$result);
  let assemblyFormat = [{
    $target `,` $buffer_index `,` $storage_scope attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// StorageAlignOp
//===----------------------------------------------------------------------===//

def TIR_StorageAlignOp : TIRBlockTransformOp<"storage_align"> {
  let summary = "pad the stride of a buffer dimension";
  let description = [{
    Pads the allocation of write buffer `#buffer_index` of the block, which
    must come from `tir.alloc_buffer` with static sizes inside `axis`, so
    that the stride of dimension `axis` (negative counts from the end) is
    `offset` modulo `factor`. The layout must stay the identity, so the
    size of dimension `axis + 1` grows to the smallest size that gives that
    stride; accesses do not change and stay in bounds. TVM's
    `storage_align`.

    ```mlir
    transform.tir.storage_align %b, 0, axis = -2, factor = 32, offset = 8
        : !transform.any_op
    ```

    #### Return modes

    Reads the handle and modifies the allocation in place. Produces a
    silenceable failure, leaving the IR unchanged, when the index or axis
    is out of range, the axis is the innermost one, the buffer is not a
    `tir.alloc_buffer` (a prim_func parameter), an inner size is dynamic,
    no size aligns the stride, or the buffer is used by another op than a
    block's buffer list, a load or a store.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       I64Attr:$buffer_index, I64Attr:$axis, I64Attr:$factor,
                       I64Attr:$offset);
  let assemblyFormat = [{
    $target `,` $buffer_index `,` `axis` `=` $axis `,` `factor` `=` $factor
    `,` `offset` `=` $offset attr-dict `:` type($target)
  }];
  let hasVerifier = 1;
}

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_CACHEINLINETRANSFORMOPS_TD
