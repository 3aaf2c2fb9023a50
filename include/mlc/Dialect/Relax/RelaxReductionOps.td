//===- RelaxReductionOps.td - relax reductions -------------*- tablegen -*-===//
//
// Reductions over axes.
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

#endif // MLC_DIALECT_RELAX_RELAXREDUCTIONOPS_TD
