// RUN: mlc-opt %s -split-input-file --relax-to-explicit-memory -verify-diagnostics

func.func private @k(memref<?xf32>, memref<?xf32>)

func.func @tuple_argument(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %t = relax.tuple %x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  cf.br ^bb1(%t : tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>)
// expected-error @+1 {{relax-to-explicit-memory does not support tuple-typed block arguments yet}}
^bb1(%u: tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>):
  %y = relax.tuple_get_item %u[0] : tuple<!relax.tensor<[n], f32>, !relax.tensor<[n], f32>>
  %z = relax.call_tir @k(%y) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %z : !relax.tensor<[n], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

func.func @while_loop(%x: !relax.tensor<[n], f32>, %c: i1) -> !relax.tensor<[n], f32> attributes {relax.function} {
  %r = scf.while (%a = %x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> {
    scf.condition(%c) %a : !relax.tensor<[n], f32>
  } do {
  ^bb0(%b: !relax.tensor<[n], f32>):
    // expected-error @+1 {{'relax.call_tir' op inside 'scf.while' is not supported by relax-to-explicit-memory: calls that allocate may be nested in scf.if, scf.index_switch and scf.for only}}
    %y = relax.call_tir @k(%b) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
    scf.yield %y : !relax.tensor<[n], f32>
  }
  return %r : !relax.tensor<[n], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

func.func @unknown_dim(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[?], f32> attributes {relax.function} {
  // expected-error @+1 {{cannot allocate '!relax.tensor<[?], f32>': its rank and every dim must be known}}
  %y = relax.call_tir @k(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[?], f32>
  return %y : !relax.tensor<[?], f32>
}

// -----

func.func @shape_result(%x: !relax.tensor<[n], f32>) -> !relax.shape<[n]> attributes {relax.function} {
  %s = relax.shape_of %x : !relax.tensor<[n], f32>
  // expected-error @+1 {{returns '!relax.shape<[n]>', but explicit memory handles tensors, objects and tuples of them only}}
  return %s : !relax.shape<[n]>
}

// -----

func.func private @pass_through(%o: !relax.object) -> !relax.object attributes {relax.function} {
  // expected-error @+1 {{hands over an object it does not own (an argument, or an object handed over twice); objects are never copied}}
  return %o : !relax.object
}

// -----

func.func @object_passed_on(%c: i1) attributes {relax.function} {
  %o = relax.call_packed "user.make"() : () -> !relax.object
  // expected-error @+1 {{passes an object it cannot hand over (an argument, one still used after, or one passed twice); objects are never copied}}
  cf.br ^bb1(%o, %o : !relax.object, !relax.object)
^bb1(%p: !relax.object, %q: !relax.object):
  return
}
