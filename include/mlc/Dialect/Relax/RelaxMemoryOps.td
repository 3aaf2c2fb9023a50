//===- RelaxMemoryOps.td - explicit memory in relax --------*- tablegen -*-===//
//
// The ops of relax's explicit-memory form, which `relax-to-explicit-memory`
// produces from destination-passing calls and the host conversion consumes
// (TVM's relax.memory.* and VM builtins). Storage is allocated, viewed as
// tensors, written by kernels through `invoke_*`, and killed after its last
// use; memory planning rewrites exactly these ops.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXMEMORYOPS_TD
#define MLC_DIALECT_RELAX_RELAXMEMORYOPS_TD

include "mlc/Dialect/Relax/RelaxDialect.td"
include "mlc/Dialect/Relax/RelaxTypes.td"
include "mlc/Dialect/Relax/RelaxAttrs.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Relax_AllocStorageOp : Relax_Op<"alloc_storage"> {
  let summary = "Allocate bytes on a device";
  let description = [{
    Allocates `size` bytes (a symbolic expression over variables in scope)
    on `device`, aligned to `align` bytes (a power of two). The storage lives
    until `relax.kill_storage`, or, if a tensor viewing it is returned, is
    handed to the caller.

    ```mlir
    %s = relax.alloc_storage size(512 * n) align 64 on #relax.device<cpu>
    ```
  }];
  let arguments = (ins Relax_ShapeAttr:$size, I64Attr:$align,
                       Relax_DeviceAttr:$device);
  let results = (outs Res<Relax_StorageType, "", [MemAlloc]>:$storage);
  let assemblyFormat = [{
    `size` `(` custom<SymScalar>($size) `)` `align` $align `on` qualified($device)
    attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The size in bytes.
    ::mlc::sym::Expr getSizeExpr() { return getSize().getDims().front(); }
  }];
}

def Relax_AllocTensorOp : Relax_Op<"alloc_tensor"> {
  let summary = "A tensor that views a storage at a byte offset";
  let description = [{
    A compact row-major tensor of the result type, whose data starts `offset`
    bytes (a symbolic expression) into `storage`. The verifier checks what it
    can prove: every dim is known and the tensor fits the storage.

    ```mlir
    %t = relax.alloc_tensor %s[0] : !relax.tensor<[n, 128], f32>
    ```
  }];
  let arguments = (ins Relax_StorageType:$storage, Relax_ShapeAttr:$offset);
  let results = (outs Res<Relax_AnyTensor, "", [MemAlloc]>:$result);
  let assemblyFormat = [{
    $storage `[` custom<SymScalar>($offset) `]` attr-dict `:` qualified(type($result))
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The offset in bytes.
    ::mlc::sym::Expr getOffsetExpr() { return getOffset().getDims().front(); }
  }];
}

def Relax_KillTensorOp : Relax_Op<"kill_tensor"> {
  let summary = "End the lifetime of a tensor view";
  let description = [{
    Marks the last use of a tensor the function owns: a view made by
    `relax.alloc_tensor`, a tensor a call returned, a result of a region op
    (`scf.if`, `scf.for`, ...) whose regions handed over buffers they
    allocated, or a loop's iteration argument that owns its buffer. A view
    frees nothing (its storage does) but tells memory planning where its
    lifetime ends; every other such tensor owns its buffer, which this
    frees. A function argument belongs to the caller and cannot be killed.

    ```mlir
    relax.kill_tensor %t : !relax.tensor<[n, 128], f32>
    ```
  }];
  let arguments = (ins Arg<Relax_AnyTensor, "", [MemFree]>:$tensor);
  let assemblyFormat = "$tensor attr-dict `:` qualified(type($tensor))";
  let hasVerifier = 1;
}

def Relax_KillObjectOp : Relax_Op<"kill_object"> {
  let summary = "Drop the reference to a runtime object the function owns";
  let description = [{
    Marks the last use of an object a `relax.call_packed` returned and
    releases the function's reference to it (the object's deleter runs when
    no other reference is left). `relax-to-explicit-memory` places it after
    the object's last use.

    ```mlir
    relax.kill_object %cache
    ```
  }];
  let arguments = (ins Arg<Relax_ObjectType, "", [MemFree]>:$object);
  let assemblyFormat = "$object attr-dict";
  let hasVerifier = 1;
}

def Relax_KillStorageOp : Relax_Op<"kill_storage"> {
  let summary = "Free a storage";
  let description = [{
    Returns the storage to its device's allocator (the runtime's caching
    pool). No tensor viewing it may be used afterwards.

    ```mlir
    relax.kill_storage %s
    ```
  }];
  let arguments = (ins Arg<Relax_StorageType, "", [MemFree]>:$storage);
  let assemblyFormat = "$storage attr-dict";
  let hasVerifier = 1;
}

def Relax_InvokeTIROp : Relax_Op<"invoke_tir", [AttrSizedOperandSegments,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "Run a kernel on explicit outputs";
  let description = [{
    The explicit-memory form of `relax.call_tir`: passes the inputs, the
    outputs (tensors the caller allocated, which the kernel writes) and the
    values of `tir_vars` to the kernel `callee` (a `tir.prim_func` or a
    `func.func` over memrefs). The inputs listed in `inplace` (from
    `relax.call_tir_inplace`) are written as well; the others are only read.

    ```mlir
    relax.invoke_tir @add(%x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>)
        outs(%y : !relax.tensor<[n], f32>)
    relax.invoke_tir @relu_(%y : !relax.tensor<[n], f32>) outs() inplace [0]
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee,
                       Variadic<Relax_AnyTensor>:$inputs,
                       Variadic<Relax_AnyTensor>:$outputs,
                       OptionalAttr<Relax_ShapeAttr>:$tir_vars,
                       OptionalAttr<DenseI64ArrayAttr>:$inplace);
  let assemblyFormat = [{
    $callee `(` ($inputs^ `:` type($inputs))? `)`
    `outs` `(` ($outputs^ `:` type($outputs))? `)`
    (`tir_vars` custom<SymList>($tir_vars)^)? (`inplace` $inplace^)?
    attr-dict
  }];
  let hasVerifier = 1;
}

def Relax_InvokePackedOp : Relax_Op<"invoke_packed", [AttrSizedOperandSegments]> {
  let summary = "Run a registered packed function on explicit outputs";
  let description = [{
    The explicit-memory form of `relax.call_dps_packed`: calls the function
    registered under `callee` in the runtime's packed-function registry (for
    example `mlc.blas.sgemm`) with the inputs followed by the outputs, which
    it writes.

    ```mlir
    relax.invoke_packed "mlc.blas.sgemm"(%a, %b : !relax.tensor<[m, k], f32>,
        !relax.tensor<[k, n], f32>) outs(%c : !relax.tensor<[m, n], f32>)
    ```
  }];
  let arguments = (ins StrAttr:$callee,
                       Arg<Variadic<Relax_AnyTensor>, "", [MemRead]>:$inputs,
                       Arg<Variadic<Relax_AnyTensor>, "", [MemWrite]>:$outputs);
  let assemblyFormat = [{
    $callee `(` ($inputs^ `:` type($inputs))? `)`
    `outs` `(` ($outputs^ `:` type($outputs))? `)` attr-dict
  }];
  let hasVerifier = 1;
}

def Relax_CopyOp : Relax_Op<"copy"> {
  let summary = "Copy one tensor's data into another";
  let description = [{
    Writes the elements of `source` into `target`, which must have the same
    dtype and shape. The explicit-memory form uses it to hand the caller a
    buffer of its own when a function returns an argument or a constant.

    ```mlir
    relax.copy %x to %y : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
    ```
  }];
  let arguments = (ins Arg<Relax_AnyTensor, "", [MemRead]>:$source,
                       Arg<Relax_AnyTensor, "", [MemWrite]>:$target);
  let assemblyFormat = [{
    $source `to` $target attr-dict `:` qualified(type($source)) `,` qualified(type($target))
  }];
  let hasVerifier = 1;
}

def Relax_ToDeviceOp : Relax_Op<"to_device", [Pure,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "A copy of a tensor on another device";
  let description = [{
    The value of `value` on `device`: the one explicit way data moves between
    devices (every call runs on its function's device, `relax.device`).
    `relax-to-explicit-memory` turns it into a storage on `device` and a
    `relax.copy`.

    ```mlir
    %g = relax.to_device %x : !relax.tensor<[n], f32> to #relax.device<cuda:0>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$value, Relax_DeviceAttr:$device);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $value `:` qualified(type($value)) `to` qualified($device) attr-dict
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXMEMORYOPS_TD
