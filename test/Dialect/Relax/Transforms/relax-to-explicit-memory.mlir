// RUN: mlc-opt %s -split-input-file --relax-to-explicit-memory | FileCheck %s

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)
func.func private @tile(memref<?xf32>, memref<?xf32>, index)

// Each output gets a storage and a view; an intermediate is killed right
// after its last use, before the next allocation; the result is handed to
// the caller and never killed.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>)
// CHECK-NOT: relax.dataflow
// CHECK: %[[SUM_STORAGE:.*]] = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
// CHECK: %[[SUM:.*]] = relax.alloc_tensor %[[SUM_STORAGE]][0] : !relax.tensor<[n], f32>
// CHECK: relax.invoke_tir @add(%[[X]], %[[X]] : {{.*}}) outs(%[[SUM]] : !relax.tensor<[n], f32>)
// CHECK: %[[TILED_STORAGE:.*]] = relax.alloc_storage size(8 * n) align 64 on #relax.device<cpu>
// CHECK: %[[TILED:.*]] = relax.alloc_tensor %[[TILED_STORAGE]][0] : !relax.tensor<[2 * n], f32>
// CHECK: relax.invoke_tir @tile(%[[SUM]] : !relax.tensor<[n], f32>) outs(%[[TILED]] : !relax.tensor<[2 * n], f32>) tir_vars [n]
// CHECK: relax.kill_tensor %[[SUM]]
// CHECK: relax.kill_storage %[[SUM_STORAGE]]
// CHECK-NOT: relax.kill
// CHECK: return %[[TILED]]
func.func @chain(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32> attributes {relax.function} {
  %y = relax.dataflow -> !relax.tensor<[2 * n], f32> {
    %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    %t = relax.call_tir @tile(%s) tir_vars [n] : (!relax.tensor<[n], f32>) -> !relax.tensor<[2 * n], f32>
    relax.output %t : !relax.tensor<[2 * n], f32>
  }
  return %y : !relax.tensor<[2 * n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// The lifetime of a tensor extends over the match_casts of it; storages live
// on the function's device.
// CHECK-LABEL: func.func @through_cast
// CHECK: %[[STORAGE:.*]] = relax.alloc_storage size(4 * n) align 64 on #relax.device<cuda : 1>
// CHECK: %[[SUM:.*]] = relax.alloc_tensor %[[STORAGE]][0]
// CHECK: %[[CAST:.*]] = relax.match_cast %[[SUM]]
// CHECK: relax.invoke_tir @add(%[[CAST]], %[[CAST]]
// CHECK: relax.kill_tensor %[[SUM]]
// CHECK: relax.kill_storage %[[STORAGE]]
// CHECK: return
func.func @through_cast(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
    attributes {relax.function, relax.device = #relax.device<cuda:1>} {
  %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %c = relax.match_cast %s : !relax.tensor<[n], f32> to !relax.tensor<[m], f32>
  %t = relax.call_tir @add(%c, %c) : (!relax.tensor<[m], f32>, !relax.tensor<[m], f32>) -> !relax.tensor<[m], f32>
  %e = relax.match_cast %t : !relax.tensor<[m], f32> to !relax.tensor<[?], f32>
  return %e : !relax.tensor<[?], f32>
}

// -----

// A result the function does not own (an argument, a constant, a value
// returned twice) is copied into a storage of its own.
// CHECK-LABEL: func.func @not_owned
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n, 4], i8>)
// CHECK: %[[CONST:.*]] = relax.constant
// CHECK: %[[XS:.*]] = relax.alloc_storage size(4 * n) align 64
// CHECK: %[[XCOPY:.*]] = relax.alloc_tensor %[[XS]][0] : !relax.tensor<[n, 4], i8>
// CHECK: relax.copy %[[X]] to %[[XCOPY]]
// CHECK: %[[CS:.*]] = relax.alloc_storage size(8) align 64
// CHECK: %[[CCOPY:.*]] = relax.alloc_tensor %[[CS]][0] : !relax.tensor<[2], f32>
// CHECK: relax.copy %[[CONST]] to %[[CCOPY]]
// CHECK: relax.alloc_storage size(4 * n)
// CHECK: %[[XCOPY2:.*]] = relax.alloc_tensor
// CHECK: relax.copy %[[X]] to %[[XCOPY2]]
// CHECK-NOT: relax.kill
// CHECK: return %[[XCOPY]], %[[CCOPY]], %[[XCOPY2]]
func.func @not_owned(%x: !relax.tensor<[n, 4], i8>) -> (!relax.tensor<[n, 4], i8>, !relax.tensor<[2], f32>, !relax.tensor<[n, 4], i8>) attributes {relax.function} {
  %c = relax.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %x, %c, %x : !relax.tensor<[n, 4], i8>, !relax.tensor<[2], f32>, !relax.tensor<[n, 4], i8>
}

// -----

func.func private @relu_(memref<?xf32>)
func.func private @twice(memref<?xf32>, memref<?xf32>)

// An in-place output is its input: nothing is allocated for it. A packed
// call writes explicit outputs too.
// CHECK-LABEL: func.func @inplace_and_packed
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>)
// CHECK: %[[S:.*]] = relax.alloc_storage size(4 * n)
// CHECK: %[[Y:.*]] = relax.alloc_tensor %[[S]][0]
// CHECK: relax.invoke_tir @twice(%[[X]] : !relax.tensor<[n], f32>) outs(%[[Y]] : !relax.tensor<[n], f32>)
// CHECK-NEXT: relax.invoke_tir @relu_(%[[Y]] : !relax.tensor<[n], f32>) outs() inplace [0]
// CHECK: %[[PS:.*]] = relax.alloc_storage size(4 * n)
// CHECK: %[[P:.*]] = relax.alloc_tensor %[[PS]][0]
// CHECK: relax.invoke_packed "lib.negate"(%[[Y]] : !relax.tensor<[n], f32>) outs(%[[P]] : !relax.tensor<[n], f32>)
// CHECK: relax.kill_tensor %[[Y]]
// CHECK: relax.kill_storage %[[S]]
// CHECK: return %[[P]]
func.func @inplace_and_packed(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %y = relax.call_tir @twice(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %r = relax.call_tir_inplace @relu_(%y) inplace [0] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %p = relax.call_dps_packed "lib.negate"(%r) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %p : !relax.tensor<[n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// The result of a call of another relax function is owned by the caller:
// killed after its last use (no storage to kill), or returned without a
// copy.
// CHECK-LABEL: func.func @caller
// CHECK: %[[A:.*]] = call @callee
// CHECK: %[[B:.*]] = call @callee(%[[A]])
// CHECK: relax.kill_tensor %[[A]]
// CHECK-NOT: relax.kill_storage
// CHECK-NOT: relax.copy
// CHECK: return %[[B]]
func.func @callee(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %s : !relax.tensor<[n], f32>
}

func.func @caller(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %a = func.call @callee(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %b = func.call @callee(%a) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %b : !relax.tensor<[n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// A tensor yielded by scf.if lives as long as the scf.if's result.
// CHECK-LABEL: func.func @select
// CHECK: %[[S:.*]] = relax.alloc_storage
// CHECK: %[[SUM:.*]] = relax.alloc_tensor %[[S]]
// CHECK: %[[PICK:.*]] = scf.if
// CHECK: relax.copy %[[PICK]]
// CHECK: relax.kill_tensor %[[SUM]]
// CHECK: relax.kill_storage %[[S]]
// CHECK: return
func.func @select(%x: !relax.tensor<[n], f32>, %c: i1) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %p = scf.if %c -> !relax.tensor<[n], f32> {
    scf.yield %s : !relax.tensor<[n], f32>
  } else {
    scf.yield %x : !relax.tensor<[n], f32>
  }
  return %p : !relax.tensor<[n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// Tuples: the fields of a tuple a call returned are owned one by one; a
// field used only before the return is killed, a returned tuple hands its
// owned fields over and copies the rest (a tuple argument's field).
// CHECK-LABEL: func.func @tuples
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>, %[[ARG:.*]]: tuple<!relax.tensor<[n], f32>>)
// CHECK: %[[PAIR:.*]] = call @pair(%[[X]])
// CHECK-NEXT: %[[FIRST:.*]] = relax.tuple_get_item %[[PAIR]][0]
// CHECK-NEXT: %[[SECOND:.*]] = relax.tuple_get_item %[[PAIR]][1]
// CHECK: relax.invoke_tir @add
// CHECK: relax.kill_tensor %[[SECOND]]
// CHECK-NOT: relax.kill_tensor
// CHECK: relax.tuple_get_item %[[ARG]][0]
// CHECK: %[[COPY:.*]] = relax.alloc_tensor
// CHECK: relax.copy %{{.*}} to %[[COPY]]
// CHECK: %[[OUT:.*]] = relax.tuple %{{.*}}, %[[COPY]]
// CHECK: return %{{.*}}, %[[OUT]]
func.func private @pair(%x: !relax.tensor<[n], f32>) -> tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>> attributes {relax.function} {
  %a = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %b = relax.call_tir @add(%a, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %t = relax.tuple %a, %b : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return %t : tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>
}

func.func @tuples(%x: !relax.tensor<[n], f32>, %arg: tuple<!relax.tensor<[n], f32>>)
    -> (!relax.tensor<[n], f32>, tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>) attributes {relax.function} {
  %p = func.call @pair(%x) : (!relax.tensor<[n], f32>) -> tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>
  %a = relax.tuple_get_item %p[0] : tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>
  %b = relax.tuple_get_item %p[1] : tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>
  %s = relax.call_tir @add(%a, %b) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %f = relax.tuple_get_item %arg[0] : tuple<!relax.tensor<[n], f32>>
  %out = relax.tuple %a, %f : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return %s, %out : !relax.tensor<[n], f32>, tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>
}

// -----

// relax.to_device is a storage on the target device and a copy.
// CHECK-LABEL: func.func @to_device
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>)
// CHECK: %[[S:.*]] = relax.alloc_storage size(4 * n) align 64 on #relax.device<cuda>
// CHECK: %[[T:.*]] = relax.alloc_tensor %[[S]][0] : !relax.tensor<[n], f32>
// CHECK: relax.copy %[[X]] to %[[T]]
// CHECK: return %[[T]]
func.func @to_device(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %g = relax.to_device %x : !relax.tensor<[n], f32> to #relax.device<cuda:0>
  return %g : !relax.tensor<[n], f32>
}

// -----

// What relax.call_packed returns is owned: killed after its last use, or
// returned without a copy.
// CHECK-LABEL: func.func @call_packed
// CHECK: %[[A:.*]] = relax.call_packed "user.f"
// CHECK: %[[B:.*]] = relax.call_packed "user.g"(%[[A]])
// CHECK-NEXT: relax.kill_tensor %[[A]]
// CHECK-NOT: relax.kill_storage
// CHECK-NOT: relax.copy
// CHECK: return %[[B]]
func.func @call_packed(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32> attributes {relax.function} {
  %a = relax.call_packed "user.f"(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
  %b = relax.call_packed "user.g"(%a) : (!relax.tensor<[?], f32>) -> !relax.tensor<[?], f32>
  return %b : !relax.tensor<[?], f32>
}

// -----

func.func private @neg_(memref<?xf32>)

// In place on an argument: the caller's buffer is not written, a copy is.
// CHECK-LABEL: func.func @inplace_on_argument
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>)
// CHECK: %[[S:.*]] = relax.alloc_storage size(4 * n)
// CHECK: %[[COPY:.*]] = relax.alloc_tensor %[[S]][0]
// CHECK: relax.copy %[[X]] to %[[COPY]]
// CHECK: relax.invoke_tir @neg_(%[[COPY]] : !relax.tensor<[n], f32>) outs() inplace [0]
// CHECK: return %[[COPY]]
func.func @inplace_on_argument(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %r = relax.call_tir_inplace @neg_(%x) inplace [0] : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %r : !relax.tensor<[n], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

// Hand-written explicit memory next to a destination-passing call: the
// hand-written view is owned but its lifetime is the author's (no kill is
// added for it); the call gets its storage and kills as usual; returning an
// argument still copies it.
// CHECK-LABEL: func.func @mixed
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>)
// CHECK: %[[HAND:.*]] = relax.alloc_tensor
// CHECK: relax.copy %[[X]] to %[[HAND]]
// CHECK: %[[OUT:.*]] = relax.alloc_tensor
// CHECK: relax.invoke_tir @k(%[[HAND]] : !relax.tensor<[n], f32>) outs(%[[OUT]] : !relax.tensor<[n], f32>)
// CHECK: %[[COPY:.*]] = relax.alloc_tensor
// CHECK: relax.copy %[[X]] to %[[COPY]]
// CHECK-NOT: relax.kill_tensor %[[HAND]]
// CHECK: return %[[OUT]], %[[COPY]]
func.func @mixed(%x: !relax.tensor<[n], f32>) -> (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) attributes {relax.function} {
  %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[n], f32>
  relax.copy %x to %t : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  %y = relax.call_tir @k(%t) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %y, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// A branch that allocates hands its buffer over to the scf.if's result,
// which the function then owns and kills after its last use; the other
// branch copies the argument it yields, so the result always owns a buffer.
// An intermediate of the branch is killed inside it.
// CHECK-LABEL: func.func @branch_allocates
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>, %[[C:.*]]: i1)
// CHECK: %[[PICK:.*]] = scf.if %[[C]]
// CHECK:   %[[INNER:.*]] = relax.alloc_tensor
// CHECK:   relax.invoke_tir @add(%[[X]], %[[X]] {{.*}} outs(%[[INNER]]
// CHECK:   %[[SUM:.*]] = relax.alloc_tensor
// CHECK:   relax.invoke_tir @add(%[[INNER]], %[[INNER]] {{.*}} outs(%[[SUM]]
// CHECK:   relax.kill_tensor %[[INNER]]
// CHECK:   relax.kill_storage
// CHECK:   scf.yield %[[SUM]]
// CHECK: } else {
// CHECK:   %[[COPY:.*]] = relax.alloc_tensor
// CHECK:   relax.copy %[[X]] to %[[COPY]]
// CHECK:   scf.yield %[[COPY]]
// CHECK: %[[OUT:.*]] = relax.alloc_tensor
// CHECK: relax.invoke_tir @add(%[[PICK]], %[[X]] {{.*}} outs(%[[OUT]]
// CHECK-NEXT: relax.kill_tensor %[[PICK]]
// CHECK-NEXT: return %[[OUT]]
func.func @branch_allocates(%x: !relax.tensor<[n], f32>, %c: i1) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %p = scf.if %c -> !relax.tensor<[n], f32> {
    %y = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    %z = relax.call_tir @add(%y, %y) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    scf.yield %z : !relax.tensor<[n], f32>
  } else {
    scf.yield %x : !relax.tensor<[n], f32>
  }
  %q = relax.call_tir @add(%p, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %q : !relax.tensor<[n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// A loop whose body allocates: each iteration owns its iteration argument
// and kills it once the new value exists. An argument as initial value is
// copied; an owned tensor used nowhere after the loop moves in.
// CHECK-LABEL: func.func @loop_from_argument
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>, %[[K:.*]]: index)
// CHECK: %[[INIT:.*]] = relax.alloc_tensor
// CHECK: relax.copy %[[X]] to %[[INIT]]
// CHECK: %[[R:.*]] = scf.for {{.*}} iter_args(%[[ACC:.*]] = %[[INIT]])
// CHECK:   %[[NEXT:.*]] = relax.alloc_tensor
// CHECK:   relax.invoke_tir @add(%[[ACC]], %[[X]] {{.*}} outs(%[[NEXT]]
// CHECK:   relax.kill_tensor %[[ACC]]
// CHECK:   scf.yield %[[NEXT]]
// CHECK: return %[[R]]
func.func @loop_from_argument(%x: !relax.tensor<[n], f32>, %k: index) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %k step %c1 iter_args(%acc = %x) -> !relax.tensor<[n], f32> {
    %y = relax.call_tir @add(%acc, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    scf.yield %y : !relax.tensor<[n], f32>
  }
  return %r : !relax.tensor<[n], f32>
}

// CHECK-LABEL: func.func @loop_moves_in
// CHECK: %[[START:.*]] = relax.alloc_tensor
// CHECK: relax.invoke_tir @add({{.*}} outs(%[[START]]
// CHECK-NOT: relax.copy
// CHECK: %[[R:.*]] = scf.for {{.*}} iter_args(%[[ACC:.*]] = %[[START]])
// CHECK:   relax.kill_tensor %[[ACC]]
// CHECK: %[[OUT:.*]] = relax.alloc_tensor
// CHECK: relax.invoke_tir @add(%[[R]], %[[R]] {{.*}} outs(%[[OUT]]
// CHECK-NEXT: relax.kill_tensor %[[R]]
// CHECK-NOT: relax.kill_tensor %[[START]]
// CHECK: return %[[OUT]]
func.func @loop_moves_in(%x: !relax.tensor<[n], f32>, %k: index) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %r = scf.for %i = %c0 to %k step %c1 iter_args(%acc = %s) -> !relax.tensor<[n], f32> {
    %y = relax.call_tir @add(%acc, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    scf.yield %y : !relax.tensor<[n], f32>
  }
  %d = relax.call_tir @add(%r, %r) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %d : !relax.tensor<[n], f32>
}

// An owned initial value still used after the loop is copied in.
// CHECK-LABEL: func.func @loop_keeps_initial
// CHECK: %[[START:.*]] = relax.alloc_tensor
// CHECK: %[[INIT:.*]] = relax.alloc_tensor
// CHECK: relax.copy %[[START]] to %[[INIT]]
// CHECK: %[[R:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[INIT]])
// CHECK: relax.invoke_tir @add(%[[R]], %[[START]]
func.func @loop_keeps_initial(%x: !relax.tensor<[n], f32>, %k: index) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %r = scf.for %i = %c0 to %k step %c1 iter_args(%acc = %s) -> !relax.tensor<[n], f32> {
    %y = relax.call_tir @add(%acc, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    scf.yield %y : !relax.tensor<[n], f32>
  }
  %d = relax.call_tir @add(%r, %s) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %d : !relax.tensor<[n], f32>
}

// -----

// A packed call in a branch, yielded inside a tuple: the tuple's fields are
// handed over one by one (the argument field copied) and the enclosing
// block owns each; an unused field is killed at once, a returned one moves
// to the caller.
// CHECK-LABEL: func.func @packed_in_branch
// CHECK: %[[PAIR:.*]] = scf.if
// CHECK:   %[[NEG:.*]] = relax.call_packed "user.neg"
// CHECK:   relax.copy
// CHECK:   scf.yield
// CHECK: } else {
// CHECK-COUNT-2: relax.copy
// CHECK: %[[FIRST:.*]] = relax.tuple_get_item %[[PAIR]][0]
// CHECK-NEXT: relax.kill_tensor %[[FIRST]]
// CHECK: %[[SECOND:.*]] = relax.tuple_get_item %[[PAIR]][1]
// CHECK-NOT: relax.kill_tensor
// CHECK: return
func.func @packed_in_branch(%x: !relax.tensor<[4], f32>, %c: i1) -> !relax.tensor<[4], f32> attributes {relax.function} {
  %p = scf.if %c -> tuple<!relax.tensor<[4], f32>, !relax.tensor<[4], f32>> {
    %q = relax.call_packed "user.neg"(%x) : (!relax.tensor<[4], f32>) -> !relax.tensor<[4], f32>
    %t = relax.tuple %q, %x : !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
    scf.yield %t : tuple<!relax.tensor<[4], f32>, !relax.tensor<[4], f32>>
  } else {
    %t = relax.tuple %x, %x : !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
    scf.yield %t : tuple<!relax.tensor<[4], f32>, !relax.tensor<[4], f32>>
  }
  %f = relax.tuple_get_item %p[1] : tuple<!relax.tensor<[4], f32>, !relax.tensor<[4], f32>>
  return %f : !relax.tensor<[4], f32>
}

// -----

// An object a packed function returned is released right after its last
// use; one returned from a private function moves to the caller, which
// releases it in turn.
// CHECK-LABEL: func.func private @make
// CHECK: %[[MADE:.*]] = relax.call_packed "user.make"
// CHECK-NOT: relax.kill_object
// CHECK: return %[[MADE]]
// CHECK-LABEL: func.func @objects
// CHECK: %[[OBJECT:.*]] = call @make()
// CHECK-NEXT: relax.call_packed "user.use"(%[[OBJECT]])
// CHECK-NEXT: relax.kill_object %[[OBJECT]]
// CHECK-NEXT: relax.call_packed "user.after"()
func.func private @make() -> !relax.object attributes {relax.function} {
  %o = relax.call_packed "user.make"() : () -> !relax.object
  return %o : !relax.object
}

func.func @objects() attributes {relax.function} {
  %o = func.call @make() : () -> !relax.object
  relax.call_packed "user.use"(%o) : (!relax.object) -> ()
  relax.call_packed "user.after"() : () -> ()
  return
}

// -----

func.func private @neg_(memref<?xf32>)

// An in-place call on an argument with a `?` dim: the copy's size binds a
// fresh variable (named to avoid the function's own) from the argument.
// CHECK-LABEL: func.func @inplace_unknown_dim
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[?], f32>, %{{.*}}: !relax.tensor<[copy0], f32>)
// CHECK: %[[KNOWN:.*]] = relax.match_cast %[[X]] : !relax.tensor<[?], f32> to !relax.tensor<[copy1], f32>
// CHECK: %[[STORAGE:.*]] = relax.alloc_storage size(4 * copy1)
// CHECK: %[[COPY:.*]] = relax.alloc_tensor %[[STORAGE]][0] : !relax.tensor<[copy1], f32>
// CHECK: relax.copy %[[KNOWN]] to %[[COPY]]
// CHECK: %[[BACK:.*]] = relax.match_cast %[[COPY]] : !relax.tensor<[copy1], f32> to !relax.tensor<[?], f32>
// CHECK: relax.invoke_tir @neg_(%[[BACK]] : !relax.tensor<[?], f32>) outs() inplace [0]
// CHECK-NOT: relax.kill_tensor
// CHECK: return %[[BACK]]
func.func @inplace_unknown_dim(%x: !relax.tensor<[?], f32>, %y: !relax.tensor<[copy0], f32>) -> !relax.tensor<[?], f32> attributes {relax.function} {
  %r = relax.call_tir_inplace @neg_(%x) inplace [0] : (!relax.tensor<[?], f32>) -> !relax.tensor<[?], f32>
  return %r : !relax.tensor<[?], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// Several blocks: a block argument owns its buffer. A branch hands a
// buffer over where it is dead afterwards (the false edge); where it is
// still used (the true edge) it is killed after that use; a value dead on
// one edge only is killed on that edge.
// CHECK-LABEL: func.func @diamond
// CHECK: %[[A:.*]] = relax.alloc_tensor
// CHECK: cf.cond_br %{{.*}}, ^[[LEFT:.*]], ^[[RIGHT:.*]](%[[A]] : !relax.tensor<[n], f32>)
// CHECK: ^[[LEFT]]:
// CHECK: %[[B:.*]] = relax.alloc_tensor
// CHECK: relax.invoke_tir @add(%[[A]], %[[A]] {{.*}} outs(%[[B]]
// CHECK-NEXT: relax.kill_tensor %[[A]]
// CHECK-NEXT: relax.kill_storage
// CHECK-NEXT: cf.br ^[[RIGHT]](%[[B]] : !relax.tensor<[n], f32>)
// CHECK: ^[[RIGHT]](%[[R:.*]]: !relax.tensor<[n], f32>):
// CHECK: relax.invoke_tir @add(%[[R]]
// CHECK-NEXT: relax.kill_tensor %[[R]]
// CHECK-NEXT: return
func.func @diamond(%x: !relax.tensor<[n], f32>, %c: i1) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %a = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  cf.cond_br %c, ^left, ^right(%a : !relax.tensor<[n], f32>)
^left:
  %b = relax.call_tir @add(%a, %a) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  cf.br ^right(%b : !relax.tensor<[n], f32>)
^right(%r: !relax.tensor<[n], f32>):
  %s = relax.call_tir @add(%r, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %s : !relax.tensor<[n], f32>
}

// A loop of blocks: the argument is copied on the entry edge; each
// iteration kills the previous buffer; the exit returns the last one.
// CHECK-LABEL: func.func @block_loop
// CHECK-SAME: (%[[X:.*]]: !relax.tensor<[n], f32>
// CHECK: cf.br ^[[EDGE:.*]]
// CHECK: ^[[EDGE]]:
// CHECK: %[[COPY:.*]] = relax.alloc_tensor
// CHECK: relax.copy %[[X]] to %[[COPY]]
// CHECK: cf.br ^[[HEADER:.*]](%{{.*}}, %[[COPY]] : index, !relax.tensor<[n], f32>)
// CHECK: ^[[HEADER]](%{{.*}}: index, %[[ACC:.*]]: !relax.tensor<[n], f32>):
// CHECK: cf.cond_br %{{.*}}, ^[[BODY:.*]], ^[[EXIT:.*]]
// CHECK: ^[[BODY]]:
// CHECK: %[[NEXT:.*]] = relax.alloc_tensor
// CHECK: relax.invoke_tir @add(%[[ACC]], %[[X]] {{.*}} outs(%[[NEXT]]
// CHECK-NEXT: relax.kill_tensor %[[ACC]]
// CHECK: cf.br ^[[HEADER]](%{{.*}}, %[[NEXT]] : index, !relax.tensor<[n], f32>)
// CHECK: ^[[EXIT]]:
// CHECK-NEXT: return %[[ACC]]
func.func @block_loop(%x: !relax.tensor<[n], f32>, %k: index) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^header(%c0, %x : index, !relax.tensor<[n], f32>)
^header(%i: index, %acc: !relax.tensor<[n], f32>):
  %more = arith.cmpi slt, %i, %k : index
  cf.cond_br %more, ^body, ^exit
^body:
  %y = relax.call_tir @add(%acc, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %next = arith.addi %i, %c1 : index
  cf.br ^header(%next, %y : index, !relax.tensor<[n], f32>)
^exit:
  return %acc : !relax.tensor<[n], f32>
}

// A value returned on one path and dead on the other is killed on the edge
// where it dies.
// CHECK-LABEL: func.func @dies_on_one_edge
// CHECK: %[[A:.*]] = relax.alloc_tensor
// CHECK: cf.cond_br %{{.*}}, ^[[USE:.*]], ^[[SKIP:.*]]
// CHECK: ^[[USE]]:
// CHECK-NEXT: return %[[A]]
// CHECK: ^[[SKIP]]:
// CHECK-NEXT: relax.kill_tensor %[[A]]
func.func @dies_on_one_edge(%x: !relax.tensor<[n], f32>, %c: i1) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %a = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  cf.cond_br %c, ^use, ^skip
^use:
  return %a : !relax.tensor<[n], f32>
^skip:
  return %x : !relax.tensor<[n], f32>
}

// -----

// An scf.if without results (and without else) around a packed call.
// CHECK-LABEL: func.func @if_without_else
// CHECK: scf.if
// CHECK-NEXT: relax.call_packed "user.log"
// CHECK-NEXT: }
func.func @if_without_else(%x: !relax.tensor<[4], f32>, %c: i1) attributes {relax.function} {
  scf.if %c {
    relax.call_packed "user.log"(%x) : (!relax.tensor<[4], f32>) -> ()
  }
  return
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// A buffer whose alias (a match_cast) is used after the edge is not handed
// over: the branch passes a copy, and the buffer dies after the alias's use.
// CHECK-LABEL: func.func @alias_across_edge
// CHECK: %[[A:.*]] = relax.alloc_tensor
// CHECK: %[[CAST:.*]] = relax.match_cast %[[A]]
// CHECK: relax.copy %[[A]] to %[[COPY:.*]] :
// CHECK: cf.br ^{{.*}}(%[[COPY]] : !relax.tensor<[n], f32>)
// CHECK: relax.invoke_tir @add(%[[CAST]], %[[CAST]]
// CHECK: relax.kill_tensor %[[A]]
// CHECK-NEXT: relax.kill_storage
// CHECK-NEXT: return
func.func @alias_across_edge(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %a = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %c = relax.match_cast %a : !relax.tensor<[n], f32> to !relax.tensor<[m], f32>
  cf.br ^b(%a : !relax.tensor<[n], f32>)
^b(%r: !relax.tensor<[n], f32>):
  %s = relax.call_tir @add(%r, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  %t = relax.call_tir @add(%c, %c) : (!relax.tensor<[m], f32>, !relax.tensor<[m], f32>) -> !relax.tensor<[m], f32>
  return %s : !relax.tensor<[n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// A loop body yields an scf.if result that may alias its own allocation or
// the iteration argument: the position is handed over through a copy, and
// both buffers die in the body.
// CHECK-LABEL: func.func @nested_alias
// CHECK: scf.for {{.*}} iter_args(%[[ACC:.*]] = %{{.*}})
// CHECK:   %[[Y:.*]] = relax.alloc_tensor
// CHECK:   %[[PICK:.*]] = scf.if
// CHECK:   %[[COPY:.*]] = relax.alloc_tensor
// CHECK:   relax.copy %[[PICK]] to %[[COPY]]
// CHECK-DAG:   relax.kill_tensor %[[ACC]]
// CHECK-DAG:   relax.kill_tensor %[[Y]]
// CHECK:   scf.yield %[[COPY]]
func.func @nested_alias(%x: !relax.tensor<[n], f32>, %k: index, %c: i1) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %k step %c1 iter_args(%acc = %x) -> !relax.tensor<[n], f32> {
    %y = relax.call_tir @add(%acc, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    %q = scf.if %c -> !relax.tensor<[n], f32> {
      scf.yield %y : !relax.tensor<[n], f32>
    } else {
      scf.yield %acc : !relax.tensor<[n], f32>
    }
    scf.yield %q : !relax.tensor<[n], f32>
  }
  return %r : !relax.tensor<[n], f32>
}

// -----

func.func private @add(memref<?xf32>, memref<?xf32>, memref<?xf32>)

// scf.index_switch follows scf.if's rule: the case that allocates hands its
// buffer over, the default copies the argument it yields.
// CHECK-LABEL: func.func @switch
// CHECK: %[[PICK:.*]] = scf.index_switch
// CHECK: case 0 {
// CHECK:   %[[SUM:.*]] = relax.alloc_tensor
// CHECK:   relax.invoke_tir @add({{.*}} outs(%[[SUM]]
// CHECK:   scf.yield %[[SUM]]
// CHECK: default {
// CHECK:   %[[COPY:.*]] = relax.alloc_tensor
// CHECK:   relax.copy %{{.*}} to %[[COPY]]
// CHECK:   scf.yield %[[COPY]]
// CHECK: return %[[PICK]]
func.func @switch(%x: !relax.tensor<[n], f32>, %i: index) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %r = scf.index_switch %i -> !relax.tensor<[n], f32>
  case 0 {
    %y = relax.call_tir @add(%x, %x) : (!relax.tensor<[n], f32>, !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    scf.yield %y : !relax.tensor<[n], f32>
  }
  default {
    scf.yield %x : !relax.tensor<[n], f32>
  }
  return %r : !relax.tensor<[n], f32>
}
