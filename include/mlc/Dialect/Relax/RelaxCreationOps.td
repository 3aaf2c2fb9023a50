//===- RelaxCreationOps.td - relax tensor creation ---------*- tablegen -*-===//
//
// Tensors made from attributes: zeros, ones, full and arange.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXCREATIONOPS_TD
#define MLC_DIALECT_RELAX_RELAXCREATIONOPS_TD

class Relax_FillOp<string mnemonic, string what, dag extraArguments = (ins),
                   string extraFormat = "">
    : Relax_ShapeRuleOp<mnemonic, [Relax_PatternKind<"Elementwise">]> {
  let summary = "A tensor of " # what;
  let description = [{
    A tensor of `shape` (symbolic dims over variables in scope) and element
    type `dtype` (an integer or float type) filled with }] # what # [{
    (numpy's `}] # mnemonic # [{`).

    ```mlir
    %z = relax.}] # mnemonic # [{ [n, 4]}] # extraFormat # [{ : f32
    // %z : !relax.tensor<[n, 4], f32>
    ```
  }];
  let arguments = !con((ins Relax_ShapeAttr:$shape, TypeAttr:$dtype),
                       extraArguments);
  let results = (outs Relax_AnyTensor:$result);
}

def Relax_ZerosOp : Relax_FillOp<"zeros", "zeros"> {
  let assemblyFormat = "custom<SymList>($shape) attr-dict `:` $dtype";
}

def Relax_OnesOp : Relax_FillOp<"ones", "ones"> {
  let assemblyFormat = "custom<SymList>($shape) attr-dict `:` $dtype";
}

def Relax_FullOp : Relax_FillOp<"full", "one value (converted to dtype)",
                                (ins F64Attr:$value), " value 1.5"> {
  let assemblyFormat = [{
    custom<SymList>($shape) `value` $value attr-dict `:` $dtype
  }];
}

def Relax_ArangeOp : Relax_ShapeRuleOp<"arange", [Relax_PatternKind<"Injective">]> {
  let summary = "Evenly spaced values";
  let description = [{
    numpy's `arange(start, end, step)`: `start + i * step` for the
    `max(ceil((end - start) / step), 0)` values of `i`, in `dtype` (an
    integer or float type). `end` is a symbolic expression over variables
    in scope; `start` (default 0) and `step` (default 1, non-zero) are
    integers.

    ```mlir
    %p = relax.arange [n] : i64
    // %p : !relax.tensor<[n], i64>
    %e = relax.arange [2 * n] start 1 step 2 : f32
    // %e : !relax.tensor<[max(n * 2 - 1 ceildiv 2, 0)], f32>
    ```
  }];
  let arguments = (ins Relax_ShapeAttr:$end,
                       DefaultValuedAttr<I64Attr, "0">:$start,
                       DefaultValuedAttr<I64Attr, "1">:$step, TypeAttr:$dtype);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    custom<SymList>($end) (`start` $start^)? (`step` $step^)? attr-dict `:`
    $dtype
  }];
}

#endif // MLC_DIALECT_RELAX_RELAXCREATIONOPS_TD
