//===- TIROps.td - TensorIR operations ---------------------*- tablegen -*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// Operations of the `tir` dialect: prim_func, for, block, alloc_buffer and the
// two terminators. This file includes the dialect and attribute definitions
// so that one tablegen invocation generates everything.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TIROPS_TD
#define MLC_DIALECT_TIR_TIROPS_TD

include "mlc/Dialect/TIR/TIRDialect.td"
include "mlc/Dialect/TIR/TIRAttrs.td"
include "mlc/Dialect/MLC/MLCBase.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/LoopLikeInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

class TIR_Op<string mnemonic, list<Trait> traits = []>
    : Op<TIR_Dialect, mnemonic, traits>;

def TIR_BufferRegionArrayAttr
    : TypedArrayAttrBase<TIR_BufferRegionAttr, "array of buffer regions">;

//===----------------------------------------------------------------------===//
// PrimFuncOp
//===----------------------------------------------------------------------===//

def TIR_PrimFuncOp : TIR_Op<"prim_func", [
    AutomaticAllocationScope, FunctionOpInterface, IsolatedFromAbove
  ]> {
  let summary = "a tensor program (TVM PrimFunc)";
  let description = [{
    A kernel in destination-passing style: its parameters are buffers
    (`memref`s, outputs included) and `index` values that carry symbolic
    sizes; it has no results. The body is a single block that ends in
    `tir.return`.

    ```mlir
    tir.prim_func @add_one(%A: memref<?xf32>, %B: memref<?xf32>, %n: index) {
      ...
      tir.return
    }
    ```

    The prim_func also checks the kernel-wide rule that every
    `thread_binding` loop of one thread tag has the same extent.

    **Symbolic signature.** `sym_vars` names the symbolic variable each
    `index` parameter carries, in order; `sym_shapes` gives each buffer
    parameter's shape as symbolic expressions of those variables (TVM's
    buffer_map shapes). `relax.call_tir` and `relax.invoke_tir` match a
    kernel that has them against the call site symbolically.

    ```mlir
    tir.prim_func @matmul(%A: memref<?x?xf32>, %B: memref<?x?xf32>,
                          %C: memref<?x?xf32>, %n: index, %k: index, %m: index)
        attributes {sym_shapes = [#mlc.shape<[n, k]>, #mlc.shape<[k, m]>,
                                  #mlc.shape<[n, m]>],
                    sym_vars = #mlc.shape<[n, k, m]>} { ... }
    ```
  }];

  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<StrAttr>:$sym_visibility,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs,
                       OptionalAttr<TypedArrayAttrBase<MLC_SymShapeAttr,
                           "buffer shapes">>:$sym_shapes,
                       OptionalAttr<MLC_SymShapeAttr>:$sym_vars);
  let regions = (region AnyRegion:$body);

  let builders = [OpBuilder<(ins "::llvm::StringRef":$name,
      "::mlir::FunctionType":$type,
      CArg<"::llvm::ArrayRef<::mlir::NamedAttribute>", "{}">:$attrs)>];

  let extraClassDeclaration = [{
    //===------------------------------------------------------------------===//
    // FunctionOpInterface
    //===------------------------------------------------------------------===//

    ::mlir::Region *getCallableRegion() {
      return isExternal() ? nullptr : &getBody();
    }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
    bool isDeclaration() { return isExternal(); }

    /// Whether the kernel states a symbolic signature.
    bool hasSymbolicSignature() { return getSymShapes().has_value(); }
  }];

  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

//===----------------------------------------------------------------------===//
// ReturnOp
//===----------------------------------------------------------------------===//

def TIR_ReturnOp : TIR_Op<"return", [
    Pure, HasParent<"PrimFuncOp">, ReturnLike, Terminator
  ]> {
  let summary = "terminator of a tir.prim_func";
  let description = [{
    Ends the body of a `tir.prim_func`. It has no operands: prim_funcs write
    their outputs into buffer parameters.
  }];
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// YieldOp
//===----------------------------------------------------------------------===//

def TIR_YieldOp : TIR_Op<"yield", [
    Pure, ParentOneOf<["ForOp", "BlockOp"]>, Terminator
  ]> {
  let summary = "terminator of tir.for and tir.block regions";
  let description = [{
    Ends the body of a `tir.for` and the `init` and body regions of a
    `tir.block`. It is implicit in the custom form of both ops.
  }];
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// AllocBufferOp
//===----------------------------------------------------------------------===//

def TIR_AllocBufferOp : TIR_Op<"alloc_buffer"> {
  let summary = "allocate a buffer in a storage scope";
  let description = [{
    Allocates a buffer whose storage scope is the memory space of the result
    type (`#tir.scope<global|shared|local>`; none means global). Dynamic
    dimensions take their sizes from the operands, in order, as in
    `memref.alloc`. The layout must be the identity. A buffer allocated
    inside a `tir.block` is private to it and need not be in its `writes`.

    ```mlir
    %As = tir.alloc_buffer : memref<32x32xf32, #tir.scope<shared>>
    %T = tir.alloc_buffer(%n) : memref<?xf32, #tir.scope<local>>
    ```
  }];
  let arguments = (ins Variadic<Index>:$dynamicSizes);
  let results = (outs Res<AnyMemRef, "the new buffer",
                          [MemAlloc<DefaultResource, 0, FullEffect>]>:$buffer);
  let assemblyFormat = [{
    (`(` $dynamicSizes^ `)`)? attr-dict `:` type($buffer)
  }];
  let extraClassDeclaration = [{
    /// The buffer's storage scope; a memref without memory space is global.
    StorageScope getScope();
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// ForOp
//===----------------------------------------------------------------------===//

def TIR_ForOp : TIR_Op<"for", [
    DeclareOpInterfaceMethods<LoopLikeOpInterface, [
      "getLoopInductionVars", "getLoopLowerBounds", "getLoopUpperBounds",
      "getLoopSteps"]>,
    RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"YieldOp">
  ]> {
  let summary = "a loop with a kind (serial, parallel, ..., thread binding)";
  let description = [{
    Runs its body for `%i` in `[lb, ub)` with step `step` (1 when omitted).
    The kind says how the loop executes; `thread_binding` binds the loop to a
    GPU thread axis named by the thread tag, which is present if and only if
    the kind is `thread_binding`. Annotations are free-form hints for later
    passes (TVM's `For::annotations`).

    ```mlir
    tir.for %i = %c0 to %n {
      ...
    }
    tir.for parallel %i = %c0 to %c128 step %c4 { ... }
    tir.for thread_binding("threadIdx.x") %tx = %c0 to %c32 { ... }
    tir.for unrolled %k = %c0 to %c4 annotations {pragma_unroll_explicit = 1 : i64} { ... }
    ```
  }];

  let arguments = (ins Index:$lowerBound, Index:$upperBound,
                       Optional<Index>:$step,
                       DefaultValuedAttr<TIR_ForKindAttr,
                                         "::mlc::tir::ForKind::Serial">:$kind,
                       OptionalAttr<TIR_ThreadTagAttr>:$thread,
                       OptionalAttr<DictionaryAttr>:$annotations);
  let regions = (region SizedRegion<1>:$region);

  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::mlir::Value":$lowerBound,
      "::mlir::Value":$upperBound,
      CArg<"::mlir::Value", "{}">:$step,
      CArg<"::mlc::tir::ForKind", "::mlc::tir::ForKind::Serial">:$kind,
      CArg<"std::optional<::mlc::tir::ThreadTag>", "std::nullopt">:$thread)>];

  let extraClassDeclaration = [{
    /// The loop's induction variable, the body's only argument.
    ::mlir::Value getInductionVar() { return getBody()->getArgument(0); }

    /// The number of iterations when bounds and step are constants.
    std::optional<int64_t> getConstantTripCount();
  }];

  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// BlockOp
//===----------------------------------------------------------------------===//

def TIR_BlockOp : TIR_Op<"block", [
    AttrSizedOperandSegments, RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"YieldOp">
  ]> {
  let summary = "a schedulable computation with iteration variables";
  let description = [{
    TVM's SBlock together with its SBlockRealize. The body's arguments are
    the block's iteration variables. Each has a kind (`spatial`, `reduce`,
    `scan`, `opaque`), a domain `[0, extent)` with a constant or `index`
    extent, and a binding: an `index` value computed from the loop variables
    of the enclosing `tir.for`s (inside the enclosing block), the iteration
    variables of enclosing blocks, constants and prim_func parameters.

    `reads(...)` and `writes(...)` declare the buffer regions the block
    touches, as affine expressions of its iteration variables (the region
    start per dimension), each optionally followed by a list of extents (1
    per dimension when omitted). Starts and extents may also use `index`
    values defined outside the block that are the same for every instance
    (prim_func parameters and index computations of them and of enclosing
    blocks' iteration variables): they become the block's region symbols,
    e.g. `%cache[%past + %vi, %vj]` or `%A[0, %vj] [%n, 1]` (a gather that
    may read any row). `where(%p)` is the predicate
    under which the block executes. The optional `init` region runs before
    the first reduction step, i.e. when every `reduce` variable is 0; it
    requires at least one `reduce` variable.

    ```mlir
    tir.block "C" (%vi: spatial[128] = %i, %vj: spatial[128] = %j,
                   %vk: reduce[64] = %k)
        reads(%A[%vi, %vk], %B[%vk, %vj] : memref<128x64xf32>, memref<64x128xf32>)
        writes(%C[%vi, %vj] : memref<128x128xf32>)
        init {
      memref.store %zero, %C[%vi, %vj] : memref<128x128xf32>
    } {
      ...
    }
    tir.block "copy" (%v: spatial[%n] = %t) reads(%A[%v * 4] [4] : memref<?xf32>)
        writes(%B[%v] : memref<?xf32>) where(%inside) { ... }
    tir.block "append" (%v: spatial[%n] = %i) reads(%x[%v] : memref<?xf32>)
        writes(%cache[%past + %v] : memref<?xf32>) { ... }
    ```

    The verifier implements TVM's well-formedness checks; see docs/TIR.md.
  }];

  let arguments = (ins StrAttr:$name_hint,
                       TIR_IterKindArrayAttr:$iter_kinds,
                       DenseI64ArrayAttr:$static_extents,
                       Variadic<Index>:$dynamic_extents,
                       Variadic<Index>:$bindings,
                       Variadic<Index>:$region_symbols,
                       Variadic<AnyMemRef>:$reads,
                       TIR_BufferRegionArrayAttr:$read_regions,
                       Variadic<AnyMemRef>:$writes,
                       TIR_BufferRegionArrayAttr:$write_regions,
                       Optional<I1>:$predicate);
  // The body comes first so that SingleBlock's getBody() is the body.
  let regions = (region SizedRegion<1>:$region, MaxSizedRegion<1>:$init);

  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$nameHint,
      "::llvm::ArrayRef<::mlc::tir::IterKind>":$kinds,
      "::llvm::ArrayRef<::mlir::OpFoldResult>":$extents,
      "::mlir::ValueRange":$bindings,
      "::mlir::ValueRange":$reads,
      "::llvm::ArrayRef<::mlc::tir::BufferRegionAttr>":$readRegions,
      "::mlir::ValueRange":$writes,
      "::llvm::ArrayRef<::mlc::tir::BufferRegionAttr>":$writeRegions,
      CArg<"::mlir::Value", "{}">:$predicate,
      CArg<"::mlir::ValueRange", "{}">:$regionSymbols)>];

  let extraClassDeclaration = [{
    unsigned getNumIterVars() { return getIterKinds().size(); }
    /// The iteration variables: the body's arguments.
    ::mlir::Block::BlockArgListType getIterVars() {
      return getBody()->getArguments();
    }
    ::mlc::tir::IterKind getIterKind(unsigned i) {
      return ::llvm::cast<::mlc::tir::IterKindAttr>(getIterKinds()[i])
          .getValue();
    }
    /// The domain extents, constant or dynamic, one per iteration variable.
    ::llvm::SmallVector<::mlir::OpFoldResult> getMixedExtents();
    bool hasInit() { return !getInit().empty(); }
    bool hasReduceIterVar();
  }];

  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

#endif // MLC_DIALECT_TIR_TIROPS_TD
