// RUN: mlc-opt %s -split-input-file --relax-to-host -verify-diagnostics

// expected-error @+1 {{relax-to-host cannot lower '!relax.tensor<*, f32>' yet: unranked tensors and first-class shapes have no host form}}
func.func @unranked(%x: !relax.tensor<*, f32>) attributes {relax.function} {
  return
}

// -----


func.func @shape_value(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // expected-error @+1 {{produces a first-class shape, which host lowering does not support yet}}
  %s = relax.shape_of %x : !relax.tensor<[n], f32>
  %t = relax.match_cast %s : !relax.shape<[n]> to !relax.shape<[m]>
  %st = relax.alloc_storage size(4 * n) align 64 on #relax.device<cpu>
  %r = relax.alloc_tensor %st[0] : !relax.tensor<[n], f32>
  relax.copy %x to %r : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return %r : !relax.tensor<[n], f32>
}

// -----

func.func private @k(memref<?xf32>, memref<?xf32>)

func.func @implicit_memory(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // expected-error @+1 {{must be rewritten into explicit memory before relax-to-host (run relax-to-explicit-memory)}}
  %y = relax.call_tir @k(%x) : (!relax.tensor<[n], f32>) -> !relax.tensor<[n], f32>
  return %y : !relax.tensor<[n], f32>
}

// -----

func.func @not_legalized(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // expected-error @+1 {{must be legalized before host lowering (run relax-legalize)}}
  %y = relax.add %x, %x : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return %y : !relax.tensor<[n], f32>
}

// -----

// expected-error @+1 {{declares a relax function without a body, which relax-to-host cannot call}}
func.func private @extern(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function}

// -----

tir.prim_func @k(%x: memref<4xf32>, %y: memref<4xf32>) {
  tir.return
}

func.func @kernel_not_lowered(%x: !relax.tensor<[4], f32>) -> !relax.tensor<[4], f32> attributes {relax.function} {
  %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
  // expected-error @+1 {{calls @k, which must be a func.func by now (run convert-tir-to-scf before relax-to-host)}}
  relax.invoke_tir @k(%x : !relax.tensor<[4], f32>) outs(%t : !relax.tensor<[4], f32>)
  return %t : !relax.tensor<[4], f32>
}

// -----

// Devices other than the CPU are carried through the IR and the metadata
// but not compiled yet.
func.func @on_gpu(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // expected-error @+1 {{allocates on #relax.device<cuda>, but relax-to-host compiles for the CPU only today}}
  %s = relax.alloc_storage size(4 * n) align 64 on #relax.device<cuda>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[n], f32>
  relax.copy %x to %t : !relax.tensor<[n], f32>, !relax.tensor<[n], f32>
  return %t : !relax.tensor<[n], f32>
}

// -----

func.func @not_explicit(%x: !relax.tensor<[n], f32>) -> !relax.tensor<[n], f32> attributes {relax.function} {
  // expected-error @+1 {{must be rewritten into explicit memory before relax-to-host (run relax-to-explicit-memory)}}
  %g = relax.to_device %x : !relax.tensor<[n], f32> to #relax.device<cpu>
  return %g : !relax.tensor<[n], f32>
}

// -----

// expected-error @+1 {{has relax types in its signature but lacks the 'relax.function' attribute}}
func.func @unmarked(%x: !relax.tensor<[n], f32>) {
  return
}

// -----

// A private function that takes a first-class shape: no host form yet.
// expected-error @+1 {{relax-to-host cannot lower '!relax.shape<[n]>' yet}}
func.func private @shape_arg(%s: !relax.shape<[n]>) attributes {relax.function} {
  return
}

// -----

func.func @match_cast_in_region(%x: !relax.tensor<[?], f32>, %c: i1) attributes {relax.function} {
  scf.if %c {
    // expected-error @+1 {{'relax.match_cast' op binds the symbolic variable 'm' inside a region, which relax-to-host does not support yet (bind it in the function's body)}}
    %t = relax.match_cast %x : !relax.tensor<[?], f32> to !relax.tensor<[m], f32>
  }
  return
}

// -----

func.func @execute_region(%x: !relax.tensor<[4], f32>) -> !relax.tensor<[4], f32> attributes {relax.function} {
  // expected-error @+1 {{'scf.execute_region' op on relax values is not supported by relax-to-host}}
  %r = scf.execute_region -> !relax.tensor<[4], f32> {
    scf.yield %x : !relax.tensor<[4], f32>
  }
  %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
  relax.copy %r to %t : !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
  return %t : !relax.tensor<[4], f32>
}

// -----

// expected-error @+1 {{has a '!relax.object' in its signature; the runtime ABI passes tensors (and tuples of them) only}}
func.func @public_object(%o: !relax.object) attributes {relax.function} {
  return
}

// -----

// Found by mlc-compile-fuzzer: relax code outside any function crashed the
// input check.
// expected-error @+1 {{'relax.call_packed' op is outside any function, where relax-to-host has nothing to convert it into}}
%o = relax.call_packed "user.make"() : () -> !relax.object

// -----

// relax-to-explicit-memory handles scf.index_switch; the host conversion
// does not lower it yet.
func.func @index_switch(%x: !relax.tensor<[4], f32>, %i: index) -> !relax.tensor<[4], f32> attributes {relax.function} {
  // expected-error @+1 {{'scf.index_switch' op on relax values is not supported by relax-to-host}}
  %r = scf.index_switch %i -> !relax.tensor<[4], f32>
  default {
    scf.yield %x : !relax.tensor<[4], f32>
  }
  %s = relax.alloc_storage size(16) align 64 on #relax.device<cpu>
  %t = relax.alloc_tensor %s[0] : !relax.tensor<[4], f32>
  relax.copy %r to %t : !relax.tensor<[4], f32>, !relax.tensor<[4], f32>
  return %t : !relax.tensor<[4], f32>
}
