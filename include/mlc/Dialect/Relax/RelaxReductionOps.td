//===- RelaxReductionOps.td - relax reductions -------------*- tablegen -*-===//
//
// Reductions over axes, the index reductions and the cumulative scans.
// Included by RelaxTensorOps.td, whose base classes these ops use.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_RELAX_RELAXREDUCTIONOPS_TD
#define MLC_DIALECT_RELAX_RELAXREDUCTIONOPS_TD

def Relax_SumOp : Relax_ReductionOp<"sum", "sum">;
def Relax_MaxOp : Relax_ReductionOp<"max", "maximum">;
def Relax_MinOp : Relax_ReductionOp<"min", "minimum">;
def Relax_ProdOp : Relax_ReductionOp<"prod", "product">;
def Relax_MeanOp : Relax_ReductionOp<"mean", "mean (floating-point inputs)">;
def Relax_VarianceOp : Relax_ReductionOp<"variance",
    "variance (numpy's var: the mean squared deviation from the mean, "
    "floating-point inputs)">;
def Relax_StdOp : Relax_ReductionOp<"std",
    "standard deviation (numpy's std: the square root of the variance, "
    "floating-point inputs)">;

class Relax_ArgReduceOp<string mnemonic, string what>
    : Relax_ShapeRuleOp<mnemonic, [Relax_PatternKind<"CommReduce">]> {
  let summary = "The index of the " # what # " along an axis";
  let description = [{
    numpy's `}] # mnemonic # [{`: the index (i64) of the first }] # what #
    [{ along `axis` (of the flattened input when `axis` is absent); NaN
    counts as the }] # what # [{, the first one winning. With `keepdims`
    the axis stays as a 1.

    ```mlir
    %i = relax.}] # mnemonic # [{ %logits axis -1 : !relax.tensor<[n, 32000], f32>
    // %i : !relax.tensor<[n], i64>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, OptionalAttr<I64Attr>:$axis,
                       UnitAttr:$keepdims);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`axis` $axis^)? (`keepdims` $keepdims^)? attr-dict `:`
    qualified(type($input))
  }];
}

def Relax_ArgmaxOp : Relax_ArgReduceOp<"argmax", "maximum">;
def Relax_ArgminOp : Relax_ArgReduceOp<"argmin", "minimum">;

class Relax_ScanOp<string mnemonic, string what>
    : Relax_ShapeRuleOp<mnemonic, [Relax_PatternKind<"Opaque">]> {
  let summary = "Cumulative " # what # " along an axis";
  let description = [{
    numpy's `}] # mnemonic # [{`: element `i` along `axis` is the }] #
    what # [{ of elements `0..i` (of the flattened input, a 1-D result,
    when `axis` is absent). The element type is the input's (integers
    wrap).

    ```mlir
    %c = relax.}] # mnemonic # [{ %x axis 1 : !relax.tensor<[n, m], f32>
    ```
  }];
  let arguments = (ins Relax_AnyTensor:$input, OptionalAttr<I64Attr>:$axis);
  let results = (outs Relax_AnyTensor:$result);
  let assemblyFormat = [{
    $input (`axis` $axis^)? attr-dict `:` qualified(type($input))
  }];
}

def Relax_CumsumOp : Relax_ScanOp<"cumsum", "sum">;
def Relax_CumprodOp : Relax_ScanOp<"cumprod", "product">;

#endif // MLC_DIALECT_RELAX_RELAXREDUCTIONOPS_TD
