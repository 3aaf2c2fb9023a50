//===- RelaxAttrs.td - relax attributes --------------------*- tablegen -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXATTRS_TD
#define MLC_DIALECT_RELAX_RELAXATTRS_TD

include "mlc/Dialect/Relax/RelaxTypes.td"

def Relax_ShapeAttr : Relax_Attr<"Shape", "shape"> {
  let summary = "A list of symbolic expressions";
  let description = [{
    A list of symbolic integer expressions, used where a shape or a list of
    symbolic values is an attribute of an op (the value of `relax.shape`, the
    symbolic arguments of `relax.call_tir`).

    ```mlir
    #relax.shape<[n, 2 * n, 4]>
    ```
  }];
  let parameters = (ins Relax_SymDimsParameter:$dims);
  let hasCustomAssemblyFormat = 1;
}

#endif // MLC_DIALECT_RELAX_RELAXATTRS_TD
