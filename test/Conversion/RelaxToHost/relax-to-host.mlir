// RUN: mlc-opt %s -split-input-file --relax-to-host | FileCheck %s

// Kernels here are func.func over memrefs: what convert-tir-to-scf produces.
func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)
func.func private @tile(memref<?xf32>, memref<?xf32>, index)

// The function takes the context first and returns a status first; storages
// come from the runtime's pool, tensors are views of them, an intermediate
// is freed after its last use.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[CTX:.*]]: !llvm.ptr, %[[X:.*]]: memref<?xf32>) -> (i32, memref<?xf32>)
// CHECK-SAME: attributes {mlc.host_func}
// CHECK: %[[N:.*]] = memref.dim %[[X]], %{{.*}} : memref<?xf32>
// The size, 4 * n, is computed with a wrap-around check.
// CHECK: arith.mulsi_extended
// CHECK: %[[SUM_PTR:.*]] = llvm.call @mlcContextAlloc(%[[CTX]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
// CHECK: %[[SUM_OK:.*]] = llvm.icmp "ne" %[[SUM_PTR]]
// CHECK: cf.cond_br %[[SUM_OK]], ^[[ALLOCATED:.*]], ^[[ALLOC_FAILED:.*]]
// CHECK: ^[[ALLOCATED]]:
// CHECK: %[[SUM_STORAGE:.*]] = builtin.unrealized_conversion_cast %{{.*}} : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)> to memref<?xi8>
// CHECK: %[[SUM:.*]] = memref.view %[[SUM_STORAGE]][%{{.*}}][%[[N]]] : memref<?xi8> to memref<?xf32>
// CHECK: call @add(%[[X]], %[[X]], %[[SUM]])
// CHECK: %[[TILED_PTR:.*]] = llvm.call @mlcContextAlloc
// CHECK: cf.cond_br %{{.*}}, ^[[ALLOCATED2:.*]], ^[[ALLOC2_FAILED:.*]]
// CHECK: ^[[ALLOCATED2]]:
// CHECK: %[[TILED:.*]] = memref.view
// CHECK: call @tile(%[[SUM]], %[[TILED]], %[[N]])
// CHECK: llvm.call @mlcContextFree(%[[CTX]], %{{.*}}, %{{.*}}, %[[SUM_PTR]])
// CHECK: %[[OK:.*]] = arith.constant 0 : i32
// CHECK: return %[[OK]], %[[TILED]] : i32, memref<?xf32>
// The first allocation failed: nothing is live but its NULL result.
// CHECK: ^[[ALLOC_FAILED]]:
// CHECK: llvm.call @mlcContextFree(%[[CTX]], %{{.*}}, %{{.*}}, %[[SUM_PTR]])
// CHECK-NOT: llvm.call
// CHECK: %[[FAIL:.*]] = arith.constant 1 : i32
// CHECK: return %[[FAIL]]
// The second failed: the first storage is live and freed too.
// CHECK: ^[[ALLOC2_FAILED]]:
// CHECK: llvm.call @mlcContextFree(%[[CTX]], %{{.*}}, %{{.*}}, %[[SUM_PTR]])
// CHECK: llvm.call @mlcContextFree(%[[CTX]], %{{.*}}, %{{.*}}, %[[TILED_PTR]])

// The entry point reads argument descriptors and writes result descriptors.
// CHECK-LABEL: func.func @__mlc_packed_main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK: llvm.load %{{.*}} : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: %[[CALL:.*]]:2 = call @main
// CHECK: llvm.store
// CHECK: return %[[CALL]]#0 : i32

// CHECK: llvm.mlir.global external constant @__mlc_metadata("mlc-module 2\0Afunc main\0Adevice cpu 0\0Aarg arg0 f32 [n]\0Aret f32 [2 * n]\0A\00")
func.func @main(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32> attributes {relax.function} {
  %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
  %sum = relax.alloc_tensor %s[0] : !relax.tensor<[n], f32>
  relax.invoke_tir @add(%x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>) outs(%sum : !relax.tensor<[n], f32>)
  %t = relax.alloc_storage size(8 * n) align 64 on #relax.device<cpu>
  %tiled = relax.alloc_tensor %t[0] : !relax.tensor<[2 * n], f32>
  relax.invoke_tir @tile(%sum : !relax.tensor<[n], f32>) outs(%tiled : !relax.tensor<[2 * n], f32>) tir_vars [n]
  relax.kill_tensor %sum : !relax.tensor<[n], f32>
  relax.kill_storage %s
  return %tiled : !relax.tensor<[2 * n], f32>
}

// -----

// A copy into an owned storage, and a constant as a global.
// CHECK: memref.global "private" constant @__mlc_constant_{{[0-9]+}} : memref<2xf32> = dense<[1.000000e+00, 2.000000e+00]> {alignment = 64 : i64}
// CHECK-LABEL: func.func @copies
// CHECK: %[[CONST:.*]] = memref.get_global
// CHECK: %[[VIEW:.*]] = memref.view
// CHECK: memref.copy %[[CONST]], %[[VIEW]] : memref<2xf32> to memref<2xf32>
func.func @copies() -> !relax.tensor<[2], f32> attributes {relax.function} {
  %c = relax.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %s = relax.alloc_storage size(8) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[2], f32>
  relax.copy %c to %t : !relax.tensor<[2], f32>, !relax.tensor<[2], f32>
  return %t : !relax.tensor<[2], f32>
}

// -----

func.func private @k(memref<?x?xf32>, memref<?xf32>)

// match_cast passes the value's dims to the runtime, which binds `m`, checks
// `2 * m` and the bounds of `m` with the code that checks arguments
// (mlcContextMatchShape), and hands `m` back; a failure returns 1.
// The spec: what, the shape, variables passed in, variables bound, bounds.
// CHECK: llvm.mlir.global private constant @__mlc_str_{{[0-9]+}}("match_cast at {{.*}}relax-to-host.mlir:{{[0-9]+}}:8 to !relax.tensor<[m, 2 * m], f32>\09[m, 2 * m]\09\09m\09m 1 64\00")
// CHECK-LABEL: func.func @cast
// CHECK: %[[ROWS:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?x?xf32>
// CHECK: %[[COLS:.*]] = memref.dim
// CHECK: %[[DIMS:.*]] = llvm.alloca %{{.*}} x i64
// CHECK: %[[VALUES:.*]] = llvm.alloca %{{.*}} x i64
// CHECK: %[[STATUS:.*]] = llvm.call @mlcContextMatchShape(%{{.*}}, %{{.*}}, %[[DIMS]], %{{.*}}, %[[VALUES]])
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[STATUS]]
// CHECK: cf.cond_br %[[OK]], ^[[CONTINUE:.*]], ^[[ERROR:.*]]
// CHECK: ^[[CONTINUE]]:
// CHECK: %[[M:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i64
// CHECK: memref.cast %{{.*}} : memref<?x?xf32> to memref<?x?xf32>
// CHECK: ^[[ERROR]]:
// CHECK: %[[FAIL:.*]] = arith.constant 1 : i32
// CHECK: return %[[FAIL]]
// Bounds of variables bound inside are checked at the cast, not listed.
// CHECK: @__mlc_metadata("mlc-module 2\0Afunc cast\0Adevice cpu 0\0Aarg arg0 f32 [?, ?]\0Aret f32 [?]\0A\00")
func.func @cast(%x: !relax.tensor<[?, ?], f32>) -> !relax.tensor<[?], f32>
    attributes {relax.function, relax.sym_bounds = {m = array<i64: 1, 64>}} {
  %t = relax.match_cast %x : !relax.tensor<[?, ?], f32> to !relax.tensor<[m, 2 * m], f32>
  %s = relax.alloc_storage size(4 * m) align 64 on #relax.device<cpu>
  %r = relax.alloc_tensor %s[0] : !relax.tensor<[m], f32>
  relax.invoke_tir @k(%t : !relax.tensor<[m, 2 * m], f32>) outs(%r : !relax.tensor<[m], f32>)
  %e = relax.match_cast %r : !relax.tensor<[m], f32> to !relax.tensor<[?], f32>
  return %e : !relax.tensor<[?], f32>
}

// -----

// A packed function gets DLTensors (data, device, ndim, dtype, shape,
// strides = NULL, byte_offset) and its status is checked; the module
// imports its name.
// CHECK: llvm.mlir.global private constant @__mlc_str_{{[0-9]+}}("mlc.blas.sgemm\00")
// CHECK-LABEL: func.func @packed
// CHECK: memref.extract_aligned_pointer_as_index
// CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[3, 0] : !llvm.struct<(ptr, struct<(i32, i32)>, i32, struct<(i8, i8, i16)>, ptr, ptr, i64)>
// CHECK: %[[STATUS:.*]] = llvm.call @mlcContextCallPacked(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i32) -> i32
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[STATUS]]
// CHECK: cf.cond_br %[[OK]]
// A parameter argument says which one it is.
// CHECK: @__mlc_metadata("mlc-module 2\0Aimport mlc.blas.sgemm\0Afunc packed\0Adevice cpu 0\0Abound m 1 4096\0Aarg arg0 f32 [m, k]\0Aarg arg1 f32 [k, n] param fc.weight\0Aret f32 [m, n]\0A\00")
func.func @packed(%a: !relax.tensor<[m, k], f32>, %b: !relax.tensor<[k, n], f32> {relax.param = "fc.weight"}) -> !relax.tensor<[m, n], f32>
    attributes {relax.function, relax.sym_bounds = {m = array<i64: 1, 4096>}} {
  %s = relax.alloc_storage size(4 * m * n) align 64 on #relax.device<cpu>
  %c = relax.alloc_tensor %s[0] : !relax.tensor<[m, n], f32>
  relax.invoke_packed "mlc.blas.sgemm"(%a, %b : !relax.tensor<[m, k], f32>, !relax.tensor<[k, n], f32>) outs(%c : !relax.tensor<[m, n], f32>)
  return %c : !relax.tensor<[m, n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// A relax -> relax call passes the context, checks the status and owns the
// result, which it frees after its last use.
// CHECK-LABEL: func.func @callee
// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%[[CTX:.*]]: !llvm.ptr, %[[X:.*]]: memref<?xf32>)
// CHECK: %[[CALL:.*]]:2 = call @callee(%[[CTX]], %[[X]]) : (!llvm.ptr, memref<?xf32>) -> (i32, memref<?xf32>)
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[CALL]]#0
// CHECK: cf.cond_br %[[OK]]
// CHECK: %[[PTR:.*]] = llvm.extractvalue %{{.*}}[0]
// CHECK: %[[CALL2:.*]]:2 = call @callee(%[[CTX]], %[[CALL]]#1)
// CHECK: cf.cond_br
// CHECK: llvm.call @mlcContextFree(%[[CTX]], %{{.*}}, %{{.*}}, %[[PTR]])
// CHECK: return %{{.*}}, %[[CALL2]]#1
// CHECK: @__mlc_metadata("mlc-module 2\0Afunc callee\0Adevice cpu 0\0Aarg arg0 f32 [n]\0Aret f32 [n]\0Afunc caller\0Adevice cpu 0\0Aarg arg0 f32 [n]\0Aret f32 [n]\0A\00")
func.func @callee(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[n], f32>
  relax.invoke_tir @add(%x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>) outs(%t : !relax.tensor<[n], f32>)
  return %t : !relax.tensor<[n], f32>
}

func.func @caller(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %a = func.call @callee(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %b = func.call @callee(%a) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  relax.kill_tensor %a : !relax.tensor<[n], f32>
  return %b : !relax.tensor<[n], f32>
}

// -----

// scf.if over relax values converts through upstream's structural patterns.
// A private relax function gets no entry point and may take other types.
// A dim linear in one variable defines it: n = (dim - 1) floordiv 2.
// CHECK-LABEL: func.func private @select
// CHECK-SAME: (%{{.*}}: !llvm.ptr, %[[X:.*]]: memref<?xf32>, %[[Y:.*]]: memref<?xf32>, %[[C:.*]]: i1)
// CHECK: %[[DIM:.*]] = memref.dim %[[X]]
// CHECK: arith.subi %[[DIM]]
// CHECK: %[[PICK:.*]] = scf.if %[[C]] -> (memref<?xf32>)
// CHECK: scf.yield %[[X]] : memref<?xf32>
// CHECK: scf.yield %[[Y]] : memref<?xf32>
// CHECK: memref.copy %[[PICK]]
// CHECK-LABEL: func.func @pick
// CHECK: call @select
// CHECK-NOT: __mlc_packed_select
// CHECK: @__mlc_metadata("mlc-module 2\0Afunc pick\0Adevice cpu 0\0Aarg arg0 f32 [2 * n + 1]\0Aarg arg1 f32 [2 * n + 1]\0Aret f32 [2 * n + 1]\0A\00")
func.func private @select(%x: !relax.tensor<[2 * n + 1], f32>, %y: !relax.tensor<[2 * n + 1], f32>, %c: i1) -> !relax.tensor<[2 * n + 1], f32> attributes {relax.function} {
  %p = scf.if %c -> !relax.tensor<[2 * n + 1], f32> {
    scf.yield %x : !relax.tensor<[2 * n + 1], f32>
  } else {
    scf.yield %y : !relax.tensor<[2 * n + 1], f32>
  }
  %s = relax.alloc_storage size(8 * n + 4) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[2 * n + 1], f32>
  relax.copy %p to %t : !relax.tensor<[2 * n + 1], f32>, !relax.tensor<[2 * n + 1], f32>
  return %t : !relax.tensor<[2 * n + 1], f32>
}

func.func @pick(%x: !relax.tensor<[2 * n + 1], f32>, %y: !relax.tensor<[2 * n + 1], f32>) -> !relax.tensor<[2 * n + 1], f32> attributes {relax.function} {
  %c = arith.constant true
  %r = func.call @select(%x, %y, %c) : (!relax.tensor<[2 * n + 1], f32>, !relax.tensor<[2 * n + 1], f32>, i1) -> !relax.tensor<[2 * n + 1], f32>
  return %r : !relax.tensor<[2 * n + 1], f32>
}

// -----

// Tuples are flattened (1:N): a tuple argument is its tensors, a field is
// its range of them, a returned tuple its tensors; the metadata lists the
// flattened signature.
// CHECK-LABEL: func.func @tuples
// CHECK-SAME: (%{{.*}}: !llvm.ptr, %[[A:.*]]: memref<?xf32>, %[[B:.*]]: memref<2xi32>)
// CHECK-SAME: -> (i32, memref<?xf32>, memref<2xi32>)
// CHECK: memref.copy %[[B]], %[[COPY:[^ ]*]] :
// CHECK: return %{{.*}}, %{{.*}}, %[[COPY]] : i32, memref<?xf32>, memref<2xi32>
// CHECK: @__mlc_metadata("mlc-module 2\0Afunc tuples\0Adevice cpu 0\0Aarg arg0_0 f32 [n]\0Aarg arg0_1 i32 [2]\0Aret f32 [n]\0Aret i32 [2]\0A\00")
func.func @tuples(%t: tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i32>>) -> tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i32>> attributes {relax.function} {
  %a = relax.tuple_get_item %t[0] : tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i32>>
  %b = relax.tuple_get_item %t[1] : tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i32>>
  %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
  %x = relax.alloc_tensor %s[0] : !relax.tensor<[n], f32>
  relax.copy %a to %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  %s2 = relax.alloc_storage size(8) align 64 on #relax.device<cpu>
  %y = relax.alloc_tensor %s2[0] : !relax.tensor<[2], i32>
  relax.copy %b to %y : !relax.tensor<[2], i32>, !relax.tensor<[2], i32>
  %r = relax.tuple %x, %y : !relax.tensor<[n], f32>, !relax.tensor<[2], i32>
  return %r : tuple<!relax.tensor<[n], f32>, !relax.tensor<[2], i32>>
}

// -----

// relax.call_packed: a result slot (data NULL, a shape array) the callee
// fills, then the result read back as an owned memref whose known dims are
// checked; the module imports the name.
// CHECK-LABEL: func.func @call_packed
// CHECK: %[[SHAPE:.*]] = llvm.alloca %{{.*}} x i64
// CHECK: %[[STATUS:.*]] = llvm.call @mlcContextCallPacked
// CHECK: arith.cmpi eq, %[[STATUS]]
// CHECK: cf.cond_br
// CHECK: %[[DATA:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.load %{{.*}} : !llvm.ptr -> i64
// CHECK: %[[RESULT:.*]] = builtin.unrealized_conversion_cast %{{.*}} : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> to memref<?x4xf32>
// CHECK: llvm.call @mlcContextSetErrorValues
// CHECK: return %{{.*}}, %[[RESULT]]
// CHECK: @__mlc_metadata("mlc-module 2\0Aimport user.rows\0Afunc call_packed\0Adevice cpu 0\0Aarg arg0 f32 [n]\0Aret f32 [?, 4]\0A\00")
func.func @call_packed(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[?, 4], f32> attributes {relax.function} {
  %r = relax.call_packed "user.rows"(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[?, 4], f32>
  return %r : !relax.tensor<[?, 4], f32>
}

// -----

// arith.select of tuples (what canonicalization makes of an scf.if that
// yields them) selects each tensor; a copy between dims the prover cannot
// equate is checked at run time.
// CHECK-LABEL: func.func private @select_tuple
// CHECK-SAME: (%{{.*}}: !llvm.ptr, %[[A:.*]]: memref<4xf32>, %[[B:.*]]: memref<4xf32>, %[[C:.*]]: i1)
// CHECK: %[[FIRST:.*]] = arith.select %[[C]], %[[A]], %[[B]] : memref<4xf32>
// CHECK: %[[SECOND:.*]] = arith.select %[[C]], %[[B]], %[[A]] : memref<4xf32>
// CHECK: return %{{.*}}, %[[FIRST]], %[[SECOND]]
func.func private @select_tuple(%a: !relax.tensor<[4], f32>, %b: !relax.tensor<[4], f32>, %c: i1) -> tuple<!relax.tensor<[4], f32>, !relax.tensor<[4], f32>> attributes {relax.function} {
  %x = relax.tuple %a, %b : !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
  %y = relax.tuple %b, %a : !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
  %r = arith.select %c, %x, %y : tuple<!relax.tensor<[4], f32>, !relax.tensor<[4], f32>>
  return %r : tuple<!relax.tensor<[4], f32>, !relax.tensor<[4], f32>>
}

// CHECK-LABEL: func.func @copy_check
// CHECK: memref.view
// CHECK: %[[HAVE:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?xf32>
// CHECK: %[[WANT:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?xf32>
// CHECK: arith.cmpi eq, %[[HAVE]], %[[WANT]]
// CHECK: llvm.call @mlcContextSetErrorValues
// CHECK: memref.copy
func.func @copy_check(%x: !relax.tensor<[n], f32>, %y: !relax.tensor<[m], f32>) -> !relax.tensor<[m], f32> attributes {relax.function} {
  %s = relax.alloc_storage size(4 * m) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[m], f32>
  relax.copy %x to %t : !relax.tensor<[n], f32>, !relax.tensor<[m], f32>
  return %t : !relax.tensor<[m], f32>
}

// -----

// Several blocks: cf branches over relax values convert through upstream's
// structural patterns (block arguments become memrefs).
// CHECK-LABEL: func.func private @branch
// CHECK-SAME: (%{{.*}}: !llvm.ptr, %[[X:.*]]: memref<4xf32>, %[[Y:.*]]: memref<4xf32>, %[[C:.*]]: i1) -> (i32, memref<4xf32>)
// CHECK: cf.cond_br %[[C]], ^[[JOIN:.*]](%[[X]] : memref<4xf32>), ^[[JOIN]](%[[Y]] : memref<4xf32>)
// CHECK: ^[[JOIN]](%[[V:.*]]: memref<4xf32>):
// CHECK: return %{{.*}}, %[[V]] : i32, memref<4xf32>
func.func private @branch(%x: !relax.tensor<[4], f32>, %y: !relax.tensor<[4], f32>, %c: i1) -> !relax.tensor<[4], f32> attributes {relax.function} {
  cf.cond_br %c, ^join(%x : !relax.tensor<[4], f32>), ^join(%y : !relax.tensor<[4], f32>)
^join(%v: !relax.tensor<[4], f32>):
  return %v : !relax.tensor<[4], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

// Run-time checks inside a loop (an allocation, a match_cast of variables
// the body bound): the loop becomes branches, so that each check can leave
// the function with status 1.
// CHECK-LABEL: func.func private @checks_in_loop
// CHECK-SAME: (%[[CTX:.*]]: !llvm.ptr, %[[X:.*]]: memref<?xf32>, %{{.*}}: index) -> (i32, memref<?xf32>)
// CHECK-NOT: scf.for
// CHECK: ^[[HEADER:.*]](%{{.*}}: index, %[[ACC:.*]]: memref<?xf32>):
// CHECK: %[[PTR:.*]] = llvm.call @mlcContextAlloc(%[[CTX]]
// CHECK: cf.cond_br %{{.*}}, ^{{.*}}, ^[[ALLOC_FAILED:.*]]
// CHECK: %[[VIEW:.*]] = memref.view
// CHECK: call @k(%[[ACC]], %[[VIEW]])
// CHECK: %[[MATCH:.*]] = llvm.call @mlcContextMatchShape(%[[CTX]]
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[MATCH]]
// CHECK: cf.cond_br %[[OK]], ^[[NEXT:.*]], ^[[MISMATCH:.*]]
// CHECK: ^[[NEXT]]:
// CHECK: cf.br ^[[HEADER]](%{{.*}}, %[[VIEW]] : index, memref<?xf32>)
// CHECK: ^[[MISMATCH]]:
// CHECK: llvm.call @mlcContextFree(%[[CTX]], %{{.*}}, %{{.*}}, %[[PTR]])
// CHECK-NEXT: %[[FAILED:.*]] = arith.constant 1 : i32
// CHECK-NEXT: %[[NONE:.*]] = ub.poison : memref<?xf32>
// CHECK-NEXT: return %[[FAILED]], %[[NONE]] : i32, memref<?xf32>
func.func private @checks_in_loop(%x: !relax.tensor<[n], f32>, %k: index) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %k step %c1 iter_args(%acc = %x) -> !relax.tensor<[n], f32> {
    %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
    %t = relax.alloc_tensor %s[0] : !relax.tensor<[n], f32>
    relax.invoke_tir @k(%acc : !relax.tensor<[n], f32>) outs(%t : !relax.tensor<[n], f32>)
    %f = relax.match_cast %t : !relax.tensor<[n], f32> to !relax.tensor<[4], f32>
    scf.yield %t : !relax.tensor<[n], f32>
  }
  return %r : !relax.tensor<[n], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

// A tensor an scf.if handed over is freed through its descriptor's
// allocated pointer; a view frees nothing, its storage does. (The branches
// allocate, so the scf.if became branches.)
// CHECK-LABEL: func.func private @kill_region_result
// CHECK: cf.br ^[[MERGE:.*]](%{{.*}} : memref<4xf32>)
// CHECK: cf.br ^[[MERGE]](%{{.*}} : memref<4xf32>)
// CHECK: ^[[MERGE]](%[[PICK:.*]]: memref<4xf32>):
// CHECK: %[[PICKED:.*]] = memref.cast %[[PICK]]
// CHECK: call @k(%[[PICKED]], %{{.*}})
// CHECK-NEXT: %[[DESC:.*]] = builtin.unrealized_conversion_cast %[[PICK]] : memref<4xf32> to !llvm.struct
// CHECK-NEXT: %[[ALLOCATED:.*]] = llvm.extractvalue %[[DESC]][0]
// CHECK: llvm.call @mlcContextFree(%{{.*}}, %{{.*}}, %{{.*}}, %[[ALLOCATED]])
// CHECK-NEXT: %[[OK:.*]] = arith.constant 0 : i32
// CHECK-NEXT: return %[[OK]]
func.func private @kill_region_result(%x: !relax.tensor<[4], f32>, %c: i1) -> !relax.tensor<[4], f32> attributes {relax.function} {
  %p = scf.if %c -> !relax.tensor<[4], f32> {
    %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
    %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
    relax.copy %x to %t : !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
    scf.yield %t : !relax.tensor<[4], f32>
  } else {
    %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
    %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
    relax.invoke_tir @k(%x : !relax.tensor<[4], f32>) outs(%t : !relax.tensor<[4], f32>)
    scf.yield %t : !relax.tensor<[4], f32>
  }
  %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
  relax.invoke_tir @k(%p : !relax.tensor<[4], f32>) outs(%t : !relax.tensor<[4], f32>)
  relax.kill_tensor %p : !relax.tensor<[4], f32>
  return %t : !relax.tensor<[4], f32>
}

// -----

// An object is an MLCObject *: passed to a packed function as a 0-d DLTensor
// of the opaque-handle type (3), checked by the runtime when a packed
// function returns one, and released by relax.kill_object.
// CHECK-LABEL: func.func @objects
// CHECK: llvm.call @mlcContextCallPacked
// CHECK: %[[SLOT:.*]] = llvm.getelementptr %{{.*}}[0, 0]
// CHECK-NEXT: %[[OBJECT:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[TAKEN:.*]] = llvm.call @mlcContextTakeObject(%{{.*}}, %[[OBJECT]], %{{.*}})
// CHECK: %[[OPAQUE:.*]] = llvm.mlir.constant(3 : i8) : i8
// CHECK: llvm.insertvalue %[[OPAQUE]], %{{.*}}[3, 0]
// CHECK: llvm.call @mlcContextCallPacked
// CHECK: llvm.call @mlcObjectRelease(%[[OBJECT]])
func.func @objects(%x: !relax.tensor<[4], f32>) attributes {relax.function} {
  %o = relax.call_packed "user.make"() : () -> !relax.object
  relax.call_packed "user.use"(%o, %x) : (!relax.object, !relax.tensor<[4], f32>) -> ()
  relax.kill_object %o
  return
}
