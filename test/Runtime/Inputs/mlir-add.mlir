// `add` as upstream MLIR lowers it: identity-layout memrefs, a result
// allocated through the generic allocation function, a C interface.
func.func @add(%a: memref<?xf32>, %b: memref<?xf32>) -> memref<?xf32>
    attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %a, %c0 : memref<?xf32>
  %r = memref.alloc(%n) {alignment = 64 : i64} : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %x = memref.load %a[%i] : memref<?xf32>
    %y = memref.load %b[%i] : memref<?xf32>
    %s = arith.addf %x, %y : f32
    memref.store %s, %r[%i] : memref<?xf32>
  }
  return %r : memref<?xf32>
}
