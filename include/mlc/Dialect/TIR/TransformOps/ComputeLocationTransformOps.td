//===- ComputeLocationTransformOps.td - transform.tir ops --*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Included by TIRTransformOps.td: compute_at, reverse_compute_at, rfactor,
// pad_einsum and blockize.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_COMPUTELOCATIONTRANSFORMOPS_TD
#define MLC_DIALECT_TIR_TRANSFORMOPS_COMPUTELOCATIONTRANSFORMOPS_TD

/// An op that moves one block under one loop: it reads both handles, which
/// stay valid, and modifies the payload.
class TIRMoveBlockTransformOp<string mnemonic>
    : TIRTransformOp<mnemonic, [
        DeclareOpInterfaceMethods<TransformOpInterface>,
        DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let arguments = (ins TransformHandleTypeInterface:$block,
                       TransformHandleTypeInterface:$loop);
  let assemblyFormat = [{
    $block `,` $loop attr-dict `:` type($block) `,` type($loop)
  }];
}

//===----------------------------------------------------------------------===//
// ComputeAtOp
//===----------------------------------------------------------------------===//

def TIR_ComputeAtOp : TIRMoveBlockTransformOp<"compute_at"> {
  let summary = "move a producer block under a loop of its consumers";
  let description = [{
    Moves the producer `tir.block` `%block` under `%loop`, in front of the
    first op of the loop's body that holds a consumer. The producer gets one
    new loop per iteration variable over the part of its domain that the
    consumers under the loop read in one iteration of it (no loop for a unit
    range), bindings `start + loop`, and a `where` predicate when that part
    may leave the domain; its old loop nest is erased. TVM's `compute_at`.

    ```mlir
    transform.tir.compute_at %producer, %j : !transform.any_op, !transform.any_op
    ```

    #### Return modes

    Reads both handles, which stay valid (handles to the old loops of the
    block become empty), and modifies the payload. Produces a silenceable
    failure, leaving the IR unchanged, when the handles do not point to one
    `tir.block` and one `tir.for`, or a precondition of
    `mlc::tir::computeAt` fails (see docs/TIR.md).
  }];
}

//===----------------------------------------------------------------------===//
// ReverseComputeAtOp
//===----------------------------------------------------------------------===//

def TIR_ReverseComputeAtOp : TIRMoveBlockTransformOp<"reverse_compute_at"> {
  let summary = "move a consumer block under a loop of its producers";
  let description = [{
    Moves the consumer `tir.block` `%block` under `%loop`, right after the
    last op of the loop's body that holds a writer of the buffer it reads.
    The consumer gets one new loop per iteration variable over the part of
    its domain that reads what one iteration of the loop writes, as in
    `transform.tir.compute_at`. TVM's `reverse_compute_at`.

    ```mlir
    transform.tir.reverse_compute_at %consumer, %i : !transform.any_op, !transform.any_op
    ```

    #### Return modes

    As `transform.tir.compute_at`, for the preconditions of
    `mlc::tir::reverseComputeAt`.
  }];
}

//===----------------------------------------------------------------------===//
// RFactorOp
//===----------------------------------------------------------------------===//

def TIR_RFactorOp : TIRTransformOp<"rfactor", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "factor a reduction over a loop into partial reductions";
  let description = [{
    `%loop` (from 0 with step 1, constant extent) holds one `tir.block`
    whose body ends in `C[v] = C[v] op expr`, with `op` one of `arith`'s
    add, mul, max and min ops, and whose reduce bindings use the loop. A new
    buffer `C_rf` (`C`'s shape with the loop's extent inserted at
    `factor_axis`, which may be negative to count from the end) is
    allocated at the start of the block's scope. The block becomes
    `<name>_rf`: the loop's variable is a new spatial iteration variable,
    the other loops of the reduce bindings get one reduce variable each,
    and it reduces into `C_rf`. A write-back block `<name>` reduces `C_rf`
    over the new variable into `C`, with the original init, in copies of
    the loops that bind the spatial variables and of `%loop`, after the
    loop nest. For add and mul the init region must store the identity
    (every partial reduction starts from it). TVM's `rfactor`.

    ```mlir
    %rf = transform.tir.rfactor %ki factor_axis = 0
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the loop handle, which stays valid, and returns a handle to the rf
    block; handles to the original block become empty. Produces a
    silenceable failure, leaving the IR unchanged, when the handle does not
    point to one `tir.for` or a precondition of `mlc::tir::rfactor` fails
    (see docs/TIR.md).
  }];
  let arguments = (ins TransformHandleTypeInterface:$loop,
                       I64Attr:$factor_axis);
  let results = (outs TransformHandleTypeInterface:$rf_block);
  let assemblyFormat = [{
    $loop `factor_axis` `=` $factor_axis attr-dict `:`
    functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// PadEinsumOp
//===----------------------------------------------------------------------===//

def TIR_PadEinsumOp : TIRTransformOp<"pad_einsum", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "pad the iteration domain of an einsum block";
  let description = [{
    Rounds the extent of each iteration variable of the `tir.block` up to a
    multiple of its padding factor (one per variable, 1 for none), in the
    block and in the loops that bind it; a symbolic extent `n` becomes
    `arith.muli(arith.ceildivsi(n, p), p)`. The buffers indexed by a padded
    variable are replaced by padded `tir.alloc_buffer`s: inputs are filled
    with zero padding in front of the loop nest (blocks
    `<name>_pad_read<k>`), and the output is copied back after it (block
    `<name>_pad_write`). TVM's `pad_einsum`.

    ```mlir
    transform.tir.pad_einsum %block padding [32, 32, 8] : !transform.any_op
    ```

    #### Return modes

    Reads the block handle, which stays valid, and modifies the payload.
    Produces a silenceable failure, leaving the IR unchanged, when the
    handle does not point to one `tir.block` or a precondition of
    `mlc::tir::padEinsum` fails (see docs/TIR.md).
  }];
  let arguments = (ins TransformHandleTypeInterface:$block,
                       DenseI64ArrayAttr:$padding);
  let assemblyFormat = [{
    $block `padding` $padding attr-dict `:` type($block)
  }];
}

//===----------------------------------------------------------------------===//
// BlockizeOp
//===----------------------------------------------------------------------===//

def TIR_BlockizeOp : TIRTransformOp<"blockize", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "wrap the subtree of a loop in a new block";
  let description = [{
    The subtree of `%loop`, which holds one `tir.block`, becomes the body of
    a new block `<name>_o` where the loop was. Each binding of the inner
    block must be `outer`, `inner` or `outer * c + inner` (`outer` affine in
    the loops outside `%loop`, `inner` the variable of a loop from 0 with
    constant trip count `c` at or inside `%loop`): the outer block gets an
    iteration variable bound to each `outer` part, of the inner variable's
    kind, and the inner binding becomes `vo * c + inner`. The outer block's
    regions cover the inner block's over the loops inside. TVM's
    `blockize` of a loop, for these bindings.

    ```mlir
    %outer = transform.tir.blockize %ii
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Reads the loop handle, which stays valid, and returns a handle to the
    outer block. Produces a silenceable failure, leaving the IR unchanged,
    when the handle does not point to one `tir.for` or a precondition of
    `mlc::tir::blockize` fails (see docs/TIR.md).
  }];
  let arguments = (ins TransformHandleTypeInterface:$loop);
  let results = (outs TransformHandleTypeInterface:$outer);
  let assemblyFormat = "$loop attr-dict `:` functional-type(operands, results)";
}

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_COMPUTELOCATIONTRANSFORMOPS_TD
