//===- TIRTransformOps.td - TensorIR schedule primitives ---*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's TensorIR schedule primitives as ops of a `transform.tir` extension of
// the transform dialect. Each op is a thin wrapper around a function of
// `Dialect/TIR/Schedule.h`, which checks legality and leaves the payload IR
// unchanged with a diagnostic when the primitive does not apply.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_TIRTRANSFORMOPS_TD
#define MLC_DIALECT_TIR_TRANSFORMOPS_TIRTRANSFORMOPS_TD

include "mlir/Dialect/Transform/IR/TransformDialect.td"
include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.td"
include "mlir/Dialect/Transform/IR/TransformTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

class TIRTransformOp<string mnemonic, list<Trait> traits = []>
    : Op<Transform_Dialect, "tir." # mnemonic, traits> {
  let cppNamespace = "::mlc::tir::transform";
}

/// An op that rewrites one payload op at a time in place: it reads its handle
/// (which stays valid) and modifies the payload.
class TIRInPlaceTransformOp<string mnemonic, list<Trait> traits = []>
    : TIRTransformOp<mnemonic, traits # [
        DeclareOpInterfaceMethods<MemoryEffectsOpInterface>,
        TransformOpInterface, TransformEachOpTrait]> {
  let extraClassDeclaration = [{
    ::mlir::DiagnosedSilenceableFailure applyToOne(
        ::mlir::transform::TransformRewriter &rewriter,
        ::mlc::tir::ForOp target,
        ::mlir::transform::ApplyToEachResultList &results,
        ::mlir::transform::TransformState &state);
  }];
}

//===----------------------------------------------------------------------===//
// GetBlockOp
//===----------------------------------------------------------------------===//

def TIR_GetBlockOp : TIRTransformOp<"get_block", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    NavigationTransformOpTrait, MemoryEffectsOpInterface]> {
  let summary = "a handle to the tir.block of a given name";
  let description = [{
    Returns a handle to the `tir.block` named `name` inside the payload ops of
    `target` (typically a `tir.prim_func` or the module). TVM's `get_sblock`.

    ```mlir
    %b = transform.tir.get_block "C" in %func
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the `target` handle. Produces a silenceable failure if no block, or
    more than one block, has that name.
  }];
  let arguments = (ins StrAttr:$block_name, TransformHandleTypeInterface:$target);
  let results = (outs TransformHandleTypeInterface:$result);
  let assemblyFormat = [{
    $block_name `in` $target attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// GetLoopsOp
//===----------------------------------------------------------------------===//

def TIR_GetLoopsOp : TIRTransformOp<"get_loops", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    NavigationTransformOpTrait, MemoryEffectsOpInterface]> {
  let summary = "handles to the loops around a tir.block";
  let description = [{
    Returns one handle per `tir.for` that encloses the block (up to the
    enclosing `tir.block` or `tir.prim_func`), outermost first. TVM's
    `get_loops`.

    ```mlir
    %i, %j, %k = transform.tir.get_loops %b
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op,
                                  !transform.any_op)
    ```

    #### Return modes

    Reads the `block` handle, which must point to exactly one `tir.block`.
    Produces a silenceable failure if the number of results is not the number
    of enclosing loops.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let results = (outs Variadic<TransformHandleTypeInterface>:$loops);
  let assemblyFormat = "$target attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Loop kinds: ParallelOp, VectorizeOp, UnrollOp, BindOp
//===----------------------------------------------------------------------===//

def TIR_ParallelOp : TIRInPlaceTransformOp<"parallel"> {
  let summary = "make a loop parallel";
  let description = [{
    Sets the kind of the `tir.for` to `parallel`. TVM's `parallel`.

    ```mlir
    transform.tir.parallel %i : !transform.any_op
    ```

    #### Return modes

    Reads the handle and modifies the loop in place. Produces a silenceable
    failure, leaving the loop unchanged, if the loop is thread-bound or if
    the binding of a non-`spatial` iteration variable of a block inside the
    loop depends on the loop variable.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let assemblyFormat = "$target attr-dict `:` type($target)";
}

def TIR_VectorizeOp : TIRInPlaceTransformOp<"vectorize"> {
  let summary = "make a loop vectorized";
  let description = [{
    Sets the kind of the `tir.for` to `vectorized`. TVM's `vectorize`.

    ```mlir
    transform.tir.vectorize %j : !transform.any_op
    ```

    #### Return modes

    As `transform.tir.parallel`.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let assemblyFormat = "$target attr-dict `:` type($target)";
}

def TIR_UnrollOp : TIRInPlaceTransformOp<"unroll"> {
  let summary = "make a loop unrolled";
  let description = [{
    Sets the kind of the `tir.for` to `unrolled`. TVM's `unroll`.

    ```mlir
    transform.tir.unroll %k : !transform.any_op
    ```

    #### Return modes

    Reads the handle and modifies the loop in place. Produces a silenceable
    failure, leaving the loop unchanged, if the loop is thread-bound.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let assemblyFormat = "$target attr-dict `:` type($target)";
}

def TIR_BindOp : TIRInPlaceTransformOp<"bind"> {
  let summary = "bind a loop to a GPU thread axis";
  let description = [{
    Sets the kind of the `tir.for` to `thread_binding` with the given thread
    tag. TVM's `bind`.

    ```mlir
    transform.tir.bind %i "threadIdx.x" : !transform.any_op
    ```

    #### Return modes

    Reads the handle and modifies the loop in place. Produces a silenceable
    failure, leaving the loop unchanged, if the tag is unknown, the loop is
    already thread-bound, an enclosing or nested loop binds the same tag,
    another loop of the prim_func binds the tag with a different constant
    extent, or the binding of a non-`spatial` iteration variable inside the
    loop depends on the loop variable (a `reduce` one is allowed for
    `threadIdx.*`: a cross-thread reduction).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target, StrAttr:$thread);
  let assemblyFormat = "$target $thread attr-dict `:` type($target)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// AnnotateOp
//===----------------------------------------------------------------------===//

def TIR_AnnotateOp : TIRTransformOp<"annotate", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>,
    TransformOpInterface, TransformEachOpTrait]> {
  let summary = "add annotations to a loop";
  let description = [{
    Merges the dictionary into the `annotations` of the `tir.for`; an entry
    replaces an existing one of the same key. TVM's `annotate` on a loop.

    ```mlir
    transform.tir.annotate %k {pragma_unroll_explicit = 1 : i64}
        : !transform.any_op
    ```

    #### Return modes

    Reads the handle and modifies the loop in place; the handle must point
    to `tir.for` ops.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       DictionaryAttr:$annotations);
  let assemblyFormat = "$target $annotations attr-dict `:` type($target)";
  let extraClassDeclaration = [{
    ::mlir::DiagnosedSilenceableFailure applyToOne(
        ::mlir::transform::TransformRewriter &rewriter,
        ::mlc::tir::ForOp target,
        ::mlir::transform::ApplyToEachResultList &results,
        ::mlir::transform::TransformState &state);
  }];
}

//===----------------------------------------------------------------------===//
// SplitOp
//===----------------------------------------------------------------------===//

def TIR_SplitOp : TIRTransformOp<"split", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "split a loop into a nest of loops";
  let description = [{
    Replaces a `tir.for` from 0 with step 1 by a nest of serial loops, one
    per factor, outermost first, and rewrites every use of the loop variable
    to `((l0 * f1 + l1) * f2 + l2) ...`. At most one factor may be `?`: it
    is inferred as the ceiling of the extent divided by the product of the
    others. When the product of the factors is not provably the extent (a
    symbolic extent, or a constant that is not a multiple), the blocks
    directly under the loop get the predicate `fused < extent`, combined
    with an existing predicate by `arith.andi`. TVM's `split`.

    ```mlir
    %outer, %inner = transform.tir.split %i factors [?, 4]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    ```

    #### Return modes

    Reads the loop handle and returns one handle per new loop. The loop is
    erased, so the handle becomes empty; handles to the ops inside the loop
    (blocks, nested loops) stay valid. Produces a silenceable failure, leaving the IR unchanged, when the handle does not
    point to one `tir.for`, the loop does not start at 0 with step 1, is
    thread-bound, a factor is not positive, more than one factor is `?`, no
    factor is `?` while the extent is not a constant, the product of the
    factors is smaller than a constant extent, or the number of results is
    not the number of factors.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       DenseI64ArrayAttr:$factors);
  let results = (outs Variadic<TransformHandleTypeInterface>:$loops);
  let assemblyFormat = [{
    $target `factors` custom<SplitFactors>($factors) attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// ReorderOp
//===----------------------------------------------------------------------===//

def TIR_ReorderOp : TIRTransformOp<"reorder", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "reorder perfectly nested loops";
  let description = [{
    The loops, given in their new order from outermost to innermost, must
    lie on one chain of perfectly nested `tir.for`s: between the outermost
    and the innermost of them, each loop's body holds only the next loop.
    They are permuted among the positions they occupy; other loops of the
    chain stay where they are, and the body of the innermost loop moves to
    the new innermost loop. TVM's `reorder`.

    ```mlir
    transform.tir.reorder %j, %i : !transform.any_op, !transform.any_op
    ```

    #### Return modes

    Reads the loop handles, which stay valid (the loops move), and modifies
    the payload. Produces a silenceable failure, leaving the IR unchanged,
    when a handle does not point to one `tir.for`, a loop is given twice,
    the loops are not nested in one another, the chain between them is not
    perfectly nested, or the bounds of a loop of the chain are defined
    inside the chain.
  }];
  let arguments = (ins Variadic<TransformHandleTypeInterface>:$targets);
  let assemblyFormat = "$targets attr-dict `:` type($targets)";
}

//===----------------------------------------------------------------------===//
// ReorderBlockIterVarOp
//===----------------------------------------------------------------------===//

def TIR_ReorderBlockIterVarOp : TIRTransformOp<"reorder_block_iter_var", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>,
    TransformOpInterface, TransformEachOpTrait]> {
  let summary = "permute the iteration variables of a block";
  let description = [{
    Variable #k of the block becomes the block's variable #`order[k]`, with
    its kind, extent and binding; regions, init and body follow. Loops do
    not move. TVM's `reorder_block_iter_var`; rules that bring a block into
    a tensor intrinsic's variable order use it.

    ```mlir
    %nb = transform.tir.reorder_block_iter_var %b [0, 2, 1]
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Consumes the handle (the block is rebuilt) and returns a handle to the
    new block. Produces a
    silenceable failure, leaving the IR unchanged, when the order is not a
    permutation of the block's variables.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       DenseI64ArrayAttr:$order);
  let results = (outs TransformHandleTypeInterface:$result);
  let assemblyFormat = [{
    $target $order attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    ::mlir::DiagnosedSilenceableFailure applyToOne(
        ::mlir::transform::TransformRewriter &rewriter,
        ::mlc::tir::BlockOp target,
        ::mlir::transform::ApplyToEachResultList &results,
        ::mlir::transform::TransformState &state);
  }];
}

//===----------------------------------------------------------------------===//
// FuseOp
//===----------------------------------------------------------------------===//

def TIR_FuseOp : TIRTransformOp<"fuse", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "fuse two directly nested loops into one";
  let description = [{
    Replaces `%outer` and the `tir.for` `%inner` directly inside it (both
    from 0 with step 1) by one loop over the product of their extents (an
    `arith.muli` when an extent is symbolic). Uses of the old loop variables
    become `arith.floordivsi %fused, %inner_extent` and
    `arith.remsi %fused, %inner_extent`; index computations between the two
    loops move into the new body. The fused loop has the loops' kind when
    both have the same one and is serial otherwise, and carries no
    annotations. TVM's `fuse` for two loops.

    ```mlir
    %fused = transform.tir.fuse %i, %j
        : (!transform.any_op, !transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the two loop handles and returns a handle to the fused loop. Both
    loops are erased, so their handles become empty; handles to the ops
    inside stay valid. Produces a silenceable failure, leaving the IR
    unchanged, when a handle does not point to one `tir.for`, the loops are
    the same, the second is not directly inside the first, another op with
    memory effects or regions sits between them, a loop is thread-bound or
    does not start at 0 with step 1, or the bounds of the inner loop are
    computed inside the outer loop.
  }];
  let arguments = (ins TransformHandleTypeInterface:$outer,
                       TransformHandleTypeInterface:$inner);
  let results = (outs TransformHandleTypeInterface:$fused);
  let assemblyFormat = [{
    $outer `,` $inner attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// DecomposeReductionOp
//===----------------------------------------------------------------------===//

def TIR_DecomposeReductionOp : TIRTransformOp<"decompose_reduction", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "move the init region of a reduction block into its own block";
  let description = [{
    The `init` region of the `tir.block` `%block` becomes a new block named
    `<name>_init` with the block's `spatial` iteration variables (same
    extents and bindings) and its writes, and no reads. It is placed
    immediately before `%loop`, which must enclose the block (inside the
    block's enclosing block), in fresh copies of the loops at or inside
    `%loop` that the spatial bindings use (same bounds, kind and thread
    tag, no annotations). The conjuncts of the block's predicate (an
    `arith.andi` tree) that use no dropped loop carry over. The original
    block loses its `init` region. TVM's `decompose_reduction`.

    ```mlir
    %init = transform.tir.decompose_reduction %block, %k
        : (!transform.any_op, !transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the two handles and returns a handle to the new init block; both
    handles stay valid. Produces a silenceable failure, leaving the IR
    unchanged, when the handles do not point to one `tir.block` and one
    `tir.for`, the block has no init region, the loop does not enclose the
    block, a reduce binding uses a loop outside `%loop`, the init region or
    the write regions use a non-spatial iteration variable, or a value the
    init block needs (a bound, binding, extent, buffer or predicate) cannot
    be recomputed in front of `%loop`.
  }];
  let arguments = (ins TransformHandleTypeInterface:$block,
                       TransformHandleTypeInterface:$loop);
  let results = (outs TransformHandleTypeInterface:$init);
  let assemblyFormat = [{
    $block `,` $loop attr-dict `:` functional-type(operands, results)
  }];
}

// Primitives that create, inline and re-layout blocks and buffers.
include "mlc/Dialect/TIR/TransformOps/CacheInlineTransformOps.td"
// Primitives that move blocks and reshape iteration domains.
include "mlc/Dialect/TIR/TransformOps/ComputeLocationTransformOps.td"
// Tensorization with registered tensor intrinsics.
include "mlc/Dialect/TIR/TransformOps/TensorizeTransformOps.td"

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_TIRTRANSFORMOPS_TD
