//===- RelaxAttrs.td - relax attributes --------------------*- tablegen -*-===//

#ifndef MLC_DIALECT_RELAX_RELAXATTRS_TD
#define MLC_DIALECT_RELAX_RELAXATTRS_TD

include "mlc/Dialect/Relax/RelaxTypes.td"
include "mlir/IR/EnumAttr.td"

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

// The values are DLPack's device type codes, which the runtime ABI uses.
def Relax_DeviceKind : I32EnumAttr<"DeviceKind", "kind of device", [
    I32EnumAttrCase<"cpu", 1>,
    I32EnumAttrCase<"cuda", 2>,
    I32EnumAttrCase<"vulkan", 7>]> {
  let cppNamespace = "::mlc::relax";
  let genSpecializedAttr = 0;
}

def Relax_DeviceAttr : Relax_Attr<"Device", "device"> {
  let summary = "A device: its kind and index";
  let description = [{
    Where a storage lives and where the code that uses it runs. The kind is
    `cpu`, `cuda` or `vulkan` (DLPack's device types 1, 2 and 7); the index
    (default 0) tells devices of one kind apart.

    ```mlir
    #relax.device<cpu>
    #relax.device<cuda:1>
    ```

    Only `cpu` is compiled and run today; the others are carried through the
    IR and the module metadata unchanged.
  }];
  let parameters = (ins EnumParameter<Relax_DeviceKind>:$kind,
                        DefaultValuedParameter<"int64_t", "0">:$index);
  let assemblyFormat = "`<` $kind (`:` $index^)? `>`";
  let genVerifyDecl = 1;
  let builders = [
    AttrBuilder<(ins), [{ return $_get($_ctxt, DeviceKind::cpu, 0); }]>
  ];
}

#endif // MLC_DIALECT_RELAX_RELAXATTRS_TD
