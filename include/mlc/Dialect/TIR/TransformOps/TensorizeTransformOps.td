//===- TensorizeTransformOps.td - transform.tir ops -------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Included by TIRTransformOps.td: tensorize.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TRANSFORMOPS_TENSORIZETRANSFORMOPS_TD
#define MLC_DIALECT_TIR_TRANSFORMOPS_TENSORIZETRANSFORMOPS_TD

//===----------------------------------------------------------------------===//
// TensorizeOp
//===----------------------------------------------------------------------===//

def TIR_TensorizeOp : TIRTransformOp<"tensorize", [
    DeclareOpInterfaceMethods<TransformOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "replace a loop nest by a registered tensor intrinsic";
  let description = [{
    Replaces the `tir.for` `%loop` and the loops perfectly nested in it by
    one `tir.block` named `<block>_<intrinsic>` that runs the implementation
    of the registered tensor intrinsic `intrinsic` (for example the CPU
    micro-kernel `cpu.f32_fma_6x16`). The nest must match the intrinsic's
    description (a `tir.prim_func`): the same number of loops with the same
    constant extents where the description has constants, and a block
    without `init` whose iteration variables have the description's kinds,
    are bound to `origin + loop variable` and whose body has the
    description's operations. The new block keeps the iteration variables,
    bound to the tile origin, with regions widened to the tile. A predicate
    `binding < bound` (from `split`) shortens the implementation's trip
    count of that loop (edge tiles of symbolic domains). TVM's `tensorize`;
    see docs/TIR.md for the built-in intrinsics.

    ```mlir
    %tile = transform.tir.tensorize %ki "cpu.f32_fma_6x16"
        : (!transform.any_op) -> !transform.any_op
    ```

    #### Return modes

    Consumes the loop handle (the loops are erased) and returns a handle to
    the new block. Produces a silenceable failure, leaving the IR unchanged,
    when the handle does not hold one `tir.for`, the intrinsic is unknown,
    or the nest does not match the description (the diagnostic says where).
  }];
  let arguments = (ins TransformHandleTypeInterface:$loop,
                       StrAttr:$intrinsic);
  let results = (outs TransformHandleTypeInterface:$result);
  let assemblyFormat = [{
    $loop $intrinsic attr-dict `:` functional-type(operands, results)
  }];
}

#endif // MLC_DIALECT_TIR_TRANSFORMOPS_TENSORIZETRANSFORMOPS_TD
