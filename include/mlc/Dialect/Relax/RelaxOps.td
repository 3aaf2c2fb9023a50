//===- RelaxOps.td - relax core ops ------------------------*- tablegen -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXOPS_TD
#define MLC_DIALECT_RELAX_RELAXOPS_TD

include "mlc/Dialect/Relax/RelaxDialect.td"
include "mlc/Dialect/Relax/RelaxTypes.td"
include "mlc/Dialect/Relax/RelaxAttrs.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Calls (destination-passing style)
//===----------------------------------------------------------------------===//

def Relax_CallTIROp : Relax_Op<"call_tir", [Pure,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "Call a tir.prim_func in destination-passing style";
  let description = [{
    Calls the tensor program named by `callee`: a `tir.prim_func`, or a
    `func.func` over memrefs (a lowered or hand-written kernel). The caller allocates one
    output tensor per result, with the result's declared type, and passes
    the inputs, then the outputs, then the values of the `tir_vars`
    symbolic expressions (as `index`) to the prim_func, which writes the
    outputs. The call is pure: the outputs are fresh tensors.

    ```mlir
    %y = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>,
        !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    %z = relax.call_tir @tile(%x) tir_vars [n, 2 * n]
        : (!relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32>
    ```

    The verifier checks the callee's parameter count and, dimension by
    dimension, that inputs and outputs do not *provably* disagree with the
    callee's buffer types (dtype, rank, constant extents); a disagreement the
    prover cannot decide is left to run time.
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee,
                       Variadic<Relax_AnyTensor>:$inputs,
                       OptionalAttr<Relax_ShapeAttr>:$tir_vars);
  let results = (outs Variadic<Relax_AnyTensor>:$outputs);
  let assemblyFormat = [{
    $callee `(` $inputs `)` (`tir_vars` custom<SymList>($tir_vars)^)?
    attr-dict `:` functional-type($inputs, results)
  }];
  let hasVerifier = 1;
}

def Relax_CallTIRInplaceOp : Relax_Op<"call_tir_inplace", [Pure,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "Call a tir.prim_func that writes some outputs in place";
  let description = [{
    Like `relax.call_tir`, but output `i` reuses input `inplace_indices[i]`
    as its storage (`-1`: a fresh tensor is allocated). An in-place output
    has its input's type. The prim_func receives the inputs, then the fresh
    outputs only, then the `tir_vars`. TVM's pass `DataflowUseInplaceCalls`
    produces this op; it is pure to the type system because the inputs it
    overwrites are dead after the call.

    ```mlir
    %y = relax.call_tir_inplace @relu_(%x) inplace [0]
        : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee,
                       Variadic<Relax_AnyTensor>:$inputs,
                       DenseI64ArrayAttr:$inplace_indices,
                       OptionalAttr<Relax_ShapeAttr>:$tir_vars);
  let results = (outs Variadic<Relax_AnyTensor>:$outputs);
  let assemblyFormat = [{
    $callee `(` $inputs `)` `inplace` $inplace_indices
    (`tir_vars` custom<SymList>($tir_vars)^)?
    attr-dict `:` functional-type($inputs, results)
  }];
  let hasVerifier = 1;
}

def Relax_CallDPSPackedOp : Relax_Op<"call_dps_packed", [Pure]> {
  let summary = "Call an external kernel by name, destination-passing style";
  let description = [{
    Calls the external function `callee` (resolved by the runtime's kernel
    registry, e.g. a library offload such as `"cublas.matmul"`) with the
    inputs followed by caller-allocated outputs of the declared types.

    ```mlir
    %y = relax.call_dps_packed "mlc.cpu.matmul"(%a, %b)
        : (!relax.tensor<[m, k], f32>, !relax.tensor<[k, n], f32>)
        -> !relax.tensor<[m, n], f32>
    ```
  }];
  let arguments = (ins StrAttr:$callee, Variadic<Relax_Value>:$inputs);
  let results = (outs Variadic<Relax_AnyTensor>:$outputs);
  let assemblyFormat = [{
    $callee `(` $inputs `)` attr-dict `:` functional-type($inputs, results)
  }];
  let hasVerifier = 1;
}

def Relax_CallPackedOp : Relax_Op<"call_packed", [
    MemoryEffects<[MemRead, MemWrite]>]> {
  let summary = "Call a registered packed function that returns its results";
  let description = [{
    Calls the function registered under `callee` in the runtime's
    packed-function registry with the inputs; unlike
    `relax.call_dps_packed` it allocates its results itself (their sizes may
    depend on the data), and it is not pure: it may read and write state,
    so it is never removed, reordered or merged. The caller owns the results.
    A result dim may be `?`; the runtime's answer is checked against every
    known dim.

    ```mlir
    %nz = relax.call_packed "user.nonzero"(%x)
        : (!relax.tensor<[n], f32>) -> !relax.tensor<[?], i64>
    ```

    Inputs and results may also be `!relax.object`s (runtime objects such as
    a KV cache or a library handle): an object input is borrowed for the
    call, an object result is a reference the caller owns.

    ```mlir
    %cache = relax.call_packed "user.cache_create"() : () -> !relax.object
    %y = relax.call_packed "user.cache_append"(%cache, %x)
        : (!relax.object, !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
    ```

    At run time the registered function receives the inputs followed by one
    DLTensor per result whose `data` is NULL and whose `shape` it fills
    (dtype, ndim and device preset); it allocates each result's data with
    `mlcContextAlloc` on the context it received. An object travels as a 0-d
    DLTensor of DLPack's opaque-handle type whose `data` is the `MLCObject *`.
  }];
  let arguments = (ins StrAttr:$callee, Variadic<Relax_TensorOrObject>:$inputs);
  let results = (outs Variadic<Relax_TensorOrObject>:$outputs);
  let assemblyFormat = [{
    $callee `(` $inputs `)` attr-dict `:` functional-type($inputs, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

def Relax_MatchCastOp : Relax_Op<"match_cast"> {
  let summary = "Assert a value's type at run time and bind symbolic variables";
  let description = [{
    Returns `value` with the more precise type `result`. At run time the
    value's rank, dtype and dimensions are matched against the target type:
    a symbolic variable that is not yet defined is *defined* by its first
    bare occurrence in the target type (TVM's `R.match_cast`); every other
    dimension is an equality assertion. A mismatch the compiler can prove is
    a verification error.

    ```mlir
    %t = relax.match_cast %x : !relax.tensor<[?, ?], f32>
        to !relax.tensor<[m, 2 * m], f32>
    ```

    The op is not pure: it stands for a run-time check, so it is never
    removed as dead code even when its result is unused.
  }];
  let arguments = (ins Relax_Value:$value);
  let results = (outs Relax_Value:$result);
  let assemblyFormat = [{
    $value attr-dict `:` type($value) `to` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Relax_ShapeOfOp : Relax_Op<"shape_of", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "The shape of a tensor, as a first-class value";
  let description = [{
    ```mlir
    %s = relax.shape_of %x : !relax.tensor<[n, 4], f32>   // !relax.shape<[n, 4]>
    ```
    Canonicalizes to `relax.shape` when every dimension of the input is
    known.
  }];
  let arguments = (ins Relax_AnyTensor:$input);
  let results = (outs Relax_AnyShape:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
  let hasCanonicalizeMethod = 1;
  let hasVerifier = 1;
}

// Not ConstantLike: its expressions may use variables that a match_cast
// defines, so it must not be hoisted above that cast like a constant.
def Relax_ShapeOp : Relax_Op<"shape", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "A shape built from symbolic expressions";
  let description = [{
    A shape value (TVM's `R.shape([...])`) whose entries are symbolic
    expressions over variables in scope.

    ```mlir
    %s = relax.shape [n, 2 * n, 4]   // !relax.shape<[n, 2 * n, 4]>
    ```
  }];
  let arguments = (ins Relax_ShapeAttr:$value);
  let results = (outs Relax_AnyShape:$result);
  let assemblyFormat = "custom<SymList>($value) attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Tuples
//===----------------------------------------------------------------------===//

def Relax_TupleOp : Relax_Op<"tuple", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "Group values into a tuple";
  let description = [{
    A builtin `tuple` of the fields (TVM's `R.Tuple`); fields may be tensors,
    shapes, objects or tuples. Tuples cross function boundaries: at the
    runtime ABI a tuple argument or result is flattened into its tensors.

    ```mlir
    %t = relax.tuple %a, %b : !relax.tensor<[n], f32>, !relax.tensor<[2], i32>
    // : tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i32>>
    ```
  }];
  let arguments = (ins Variadic<Relax_Value>:$fields);
  let results = (outs AnyTuple:$result);
  let assemblyFormat = "($fields^ `:` type($fields))? attr-dict";
}

def Relax_TupleGetItemOp : Relax_Op<"tuple_get_item", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "One field of a tuple";
  let description = [{
    Field `index` of `tuple` (TVM's `TupleGetItem`); the index must be in
    range. Folds when the tuple is a `relax.tuple`.

    ```mlir
    %b = relax.tuple_get_item %t[1] : tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i32>>
    ```
  }];
  let arguments = (ins AnyTuple:$tuple, I64Attr:$index);
  let results = (outs Relax_Value:$result);
  let assemblyFormat = "$tuple `[` $index `]` attr-dict `:` type($tuple)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Relax_ConstantOp : Relax_Op<"constant", [Pure, ConstantLike,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "A constant tensor (weights, literals)";
  let description = [{
    ```mlir
    %w = relax.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32>
    // : !relax.tensor<[1, 2], f32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Dataflow regions
//===----------------------------------------------------------------------===//

def Relax_DataflowOp : Relax_Op<"dataflow", [RecursiveMemoryEffects,
    SingleBlock, NoRegionArguments]> {
  let summary = "A region of pure dataflow";
  let description = [{
    Groups side-effect-free computation (TVM's `DataflowBlock`). Values
    defined inside are local to the region; `relax.output` names the ones
    that leave it, as the op's results. Only pure ops without regions and
    `relax.match_cast` may appear inside (no control flow, no nested
    dataflow), and a dataflow region sits directly in a function body.

    ```mlir
    %y = relax.dataflow -> !relax.tensor<[n], f32> {
      %0 = relax.call_tir @exp(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
      relax.output %0 : !relax.tensor<[n], f32>
    }
    ```
  }];
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "(`->` type($results)^)? $body attr-dict";
  let hasRegionVerifier = 1;
}

def Relax_OutputOp : Relax_Op<"output", [Pure, Terminator, ReturnLike,
    HasParent<"DataflowOp">]> {
  let summary = "The values that leave a relax.dataflow region";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
  let hasVerifier = 1;
}

include "mlc/Dialect/Relax/RelaxTensorOps.td"
include "mlc/Dialect/Relax/RelaxMemoryOps.td"

#endif // MLC_DIALECT_RELAX_RELAXOPS_TD
