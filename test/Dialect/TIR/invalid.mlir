// RUN: mlc-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// tir.prim_func
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'tir.prim_func' op expects a body}}
tir.prim_func private @no_body(%A: memref<4xf32>)

// -----

// expected-error @+1 {{'tir.prim_func' op expects a body with a single block}}
tir.prim_func @two_blocks() {
  tir.return
^bb1:
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op expects no results: a prim_func writes its outputs into buffer parameters}}
tir.prim_func @with_result() -> index {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op parameter #1 must be a memref or index, but got 'f32'}}
tir.prim_func @scalar_param(%A: memref<4xf32>, %x: f32) {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op parameter #0 has memory space 1 : i64, expected none or a #tir.scope}}
tir.prim_func @numeric_space(%A: memref<4xf32, 1>) {
  tir.return
}

// -----

func.func @return_outside() {
  // expected-error @+1 {{'tir.return' op expects parent op 'tir.prim_func'}}
  tir.return
}

// -----

tir.prim_func @yield_outside() {
  // expected-error @+1 {{'tir.yield' op expects parent op to be one of 'tir.for, tir.block'}}
  tir.yield
}

//===----------------------------------------------------------------------===//
// tir.alloc_buffer
//===----------------------------------------------------------------------===//

// -----

tir.prim_func @alloc_space() {
  // expected-error @+1 {{'tir.alloc_buffer' op expects the memory space to be a #tir.scope, but got 3 : i64}}
  %0 = tir.alloc_buffer : memref<4xf32, 3>
  tir.return
}

// -----

tir.prim_func @alloc_layout() {
  // expected-error @+1 {{'tir.alloc_buffer' op expects an identity layout, but got strided<[1, 4]>}}
  %0 = tir.alloc_buffer : memref<4x4xf32, strided<[1, 4]>>
  tir.return
}

// -----

tir.prim_func @alloc_sizes(%n: index) {
  // expected-error @+1 {{'tir.alloc_buffer' op expects 2 dynamic sizes (one per dynamic dimension), but got 1}}
  %0 = tir.alloc_buffer(%n) : memref<?x?xf32, #tir.scope<shared>>
  tir.return
}

// -----

tir.prim_func @unknown_scope() {
  // expected-error @+2 {{expected ::mlc::tir::StorageScope to be one of: global, shared, local}}
  // expected-error @+1 {{failed to parse TIR_StorageScopeAttr parameter 'value'}}
  %0 = tir.alloc_buffer : memref<4xf32, #tir.scope<texture>>
  tir.return
}

//===----------------------------------------------------------------------===//
// tir.for
//===----------------------------------------------------------------------===//

// -----

tir.prim_func @unknown_tag() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{unknown thread tag 'threadIdx.w'}}
  tir.for thread_binding("threadIdx.w") %i = %c0 to %c4 {
  }
  tir.return
}

// -----

tir.prim_func @missing_tag() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{'tir.for' op of kind 'thread_binding' requires a thread tag}}
  "tir.for"(%c0, %c4) <{kind = #tir.for_kind<thread_binding>}> ({
  ^bb0(%i: index):
    tir.yield
  }) : (index, index) -> ()
  tir.return
}

// -----

tir.prim_func @tag_without_binding() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{'tir.for' op has a thread tag but its kind is 'parallel', not 'thread_binding'}}
  "tir.for"(%c0, %c4) <{kind = #tir.for_kind<parallel>, thread = #tir.thread_tag<threadIdx.x>}> ({
  ^bb0(%i: index):
    tir.yield
  }) : (index, index) -> ()
  tir.return
}

// -----

tir.prim_func @no_induction_variable() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{'tir.for' op expects the body to have a single 'index' argument (the induction variable)}}
  "tir.for"(%c0, %c4) <{kind = #tir.for_kind<serial>}> ({
    tir.yield
  }) : (index, index) -> ()
  tir.return
}

// -----

tir.prim_func @zero_step() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-error @+1 {{'tir.for' op expects a positive step, but got 0}}
  tir.for %i = %c0 to %c4 step %c0 {
  }
  tir.return
}

// -----

tir.prim_func @nested_same_tag() {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  tir.for thread_binding("threadIdx.x") %i = %c0 to %c32 {
    // expected-error @+1 {{'tir.for' op binds thread tag 'threadIdx.x' that an enclosing loop already binds}}
    tir.for thread_binding("threadIdx.x") %j = %c0 to %c32 {
    }
  }
  tir.return
}

// -----

/// Rule 4: one extent per thread tag in a kernel.
tir.prim_func @thread_extent_mismatch(%A: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  // expected-note @+1 {{other binding here}}
  tir.for thread_binding("threadIdx.x") %i = %c0 to %c32 {
  }
  // expected-error @+1 {{'tir.for' op binds thread tag 'threadIdx.x' with extent 64, but another loop in the same prim_func binds it with extent 32}}
  tir.for thread_binding("threadIdx.x") %i = %c0 to %c64 {
  }
  tir.return
}

//===----------------------------------------------------------------------===//
// tir.block: syntax and structure
//===----------------------------------------------------------------------===//

// -----

tir.prim_func @unknown_iter_kind(%i: index) {
  // expected-error @+1 {{unknown iteration variable kind 'serial'}}
  tir.block "b" (%v: serial[4] = %i) {
  }
  tir.return
}

// -----

tir.prim_func @region_symbol_loop_var(%A: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-note @+1 {{offending value}}
  tir.for %i = %c0 to %c4 {
    // expected-error @+1 {{'tir.block' op region symbol #0 depends on the induction variable of an enclosing 'tir.for'; a region may vary over the block's instances only through its iteration variables}}
    tir.block "b" (%v: spatial[4] = %i) writes(%A[%i] : memref<4xf32>) {
    }
  }
  tir.return
}

// -----

// An iteration variable's extent must not vary with an enclosing loop
// (found by mlc-compile-fuzzer: a schedule then erased the loop under it).
tir.prim_func @extent_loop_var(%A: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  // expected-note @+1 {{offending value}}
  tir.for %i = %c0 to %n {
    // expected-error @+1 {{'tir.block' op dynamic extent #0 depends on the induction variable of an enclosing 'tir.for'; an iteration variable's extent is the same for every instance of the block}}
    tir.block "b" (%v: spatial[%i] = %i) writes(%A[%v] : memref<?xf32>) {
    }
  }
  tir.return
}

// -----

tir.prim_func @extent_load(%A: memref<4xf32>, %N: memref<1xindex>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-note @+1 {{offending value}}
  %n = memref.load %N[%c0] : memref<1xindex>
  tir.for %i = %c0 to %c4 {
    // expected-error-re @+1 {{'tir.block' op dynamic extent #0 depends on {{.*}}}}
    tir.block "b" (%v: spatial[%n] = %i) writes(%A[%v] : memref<4xf32>) {
    }
  }
  tir.return
}

// -----

tir.prim_func @region_symbol_load(%A: memref<4xf32>, %I: memref<1xindex>, %i: index) {
  %c0 = arith.constant 0 : index
  // expected-note @+1 {{offending value}}
  %start = memref.load %I[%c0] : memref<1xindex>
  // expected-error @+1 {{'tir.block' op region symbol #0 depends on 'memref.load', which is not an index computation of loop variables, constants and prim_func parameters}}
  tir.block "b" (%v: spatial[4] = %i) reads(%I[0] : memref<1xindex>) writes(%A[%start] : memref<4xf32>) {
  }
  tir.return
}

// -----

tir.prim_func @region_extent_iter_var(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{region extents cannot use the iteration variable '%v'}}
  tir.block "b" (%v: spatial[4] = %i) writes(%A[0] [%v] : memref<4xf32>) {
  }
  tir.return
}

// -----

tir.prim_func @region_extent_count(%A: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{expected 2 region extents, but got 1}}
  tir.block "b" (%v: spatial[4] = %i) writes(%A[%v, 0] [4] : memref<4x4xf32>) {
  }
  tir.return
}

// -----

tir.prim_func @region_zero_extent(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{region extents must be positive, but got 0}}
  tir.block "b" (%v: spatial[4] = %i) writes(%A[%v] [0] : memref<4xf32>) {
  }
  tir.return
}

// -----

tir.prim_func @region_attr_extents_space() {
  // expected-error @+1 {{region extents must be over the same dims and symbols as its start}}
  tir.return {region = #tir.region<(d0)[s0] -> (d0 + s0), (d0) -> (1)>}
}

// -----

tir.prim_func @region_attr_extents_dims() {
  // expected-error @+1 {{region extents must not use iteration variables}}
  tir.return {region = #tir.region<(d0) -> (d0), (d0) -> (d0)>}
}

// -----

tir.prim_func @region_attr_symbolic_extent_zero() {
  // expected-error @+1 {{region extents must be positive, but got 0}}
  tir.return {region = #tir.region<(d0)[s0] -> (d0 + s0), (d0)[s0] -> (0)>}
}

// -----

tir.prim_func @region_symbol_count(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'tir.block' op read region #0 has 1 symbols, but the block has 0 region symbols}}
  "tir.block"(%i, %A) <{iter_kinds = [#tir.iter_kind<spatial>], name_hint = "b", operandSegmentSizes = array<i32: 0, 1, 0, 1, 0, 0>, read_regions = [#tir.region<(d0)[s0] -> (d0 + s0), [1]>], static_extents = array<i64: 4>, write_regions = []}> ({
  ^bb0(%v: index):
    tir.yield
  }, {
  }) : (index, memref<4xf32>) -> ()
  tir.return
}

// -----

tir.prim_func @store_outside_symbolic_region(%A: memref<?xf32>, %i: index, %past: index) {
  %f = arith.constant 0.0 : f32
  // expected-error @+1 {{'tir.block' op stores outside its declared write region: index d0 + s0 - 1 of dimension 0 is not in [d0 + s0, d0 + s0 + 1) (dN is iteration variable #N, sN region symbol #N)}}
  tir.block "b" (%v: spatial[4] = %i) writes(%A[%past + %v] : memref<?xf32>) {
    %x = arith.addi %past, %v : index
    %c1 = arith.constant 1 : index
    %y = arith.subi %x, %c1 : index
    // expected-note @+1 {{store here}}
    memref.store %f, %A[%y] : memref<?xf32>
  }
  tir.return
}

// -----

tir.prim_func @region_attr_extents() {
  // expected-error @+1 {{region has 2 start indices but 1 extents}}
  tir.return {region = #tir.region<(d0) -> (d0, d0), [1]>}
}

// -----

tir.prim_func @extent_count(%i: index) {
  // expected-error @+1 {{'tir.block' op expects one extent per iteration variable (1), but got 2}}
  "tir.block"(%i) <{iter_kinds = [#tir.iter_kind<spatial>], name_hint = "b", operandSegmentSizes = array<i32: 0, 1, 0, 0, 0, 0>, read_regions = [], static_extents = array<i64: 4, 4>, write_regions = []}> ({
  ^bb0(%v: index):
    tir.yield
  }, {
  }) : (index) -> ()
  tir.return
}

// -----

tir.prim_func @binding_count(%i: index) {
  // expected-error @+1 {{'tir.block' op expects one binding per iteration variable (2), but got 1}}
  "tir.block"(%i) <{iter_kinds = [#tir.iter_kind<spatial>, #tir.iter_kind<spatial>], name_hint = "b", operandSegmentSizes = array<i32: 0, 1, 0, 0, 0, 0>, read_regions = [], static_extents = array<i64: 4, 4>, write_regions = []}> ({
  ^bb0(%v: index, %w: index):
    tir.yield
  }, {
  }) : (index) -> ()
  tir.return
}

// -----

tir.prim_func @dynamic_extent_count(%i: index) {
  // expected-error @+1 {{'tir.block' op expects 1 dynamic extents, but got 0}}
  "tir.block"(%i) <{iter_kinds = [#tir.iter_kind<spatial>], name_hint = "b", operandSegmentSizes = array<i32: 0, 1, 0, 0, 0, 0>, read_regions = [], static_extents = array<i64: -9223372036854775808>, write_regions = []}> ({
  ^bb0(%v: index):
    tir.yield
  }, {
  }) : (index) -> ()
  tir.return
}

// -----

tir.prim_func @zero_extent(%i: index) {
  // expected-error @+1 {{'tir.block' op iteration variable #0 has a non-positive extent 0}}
  tir.block "b" (%v: spatial[0] = %i) {
  }
  tir.return
}

// -----

tir.prim_func @body_arguments(%i: index) {
  // expected-error @+1 {{'tir.block' op expects the body to have one 'index' argument per iteration variable (1)}}
  "tir.block"(%i) <{iter_kinds = [#tir.iter_kind<spatial>], name_hint = "b", operandSegmentSizes = array<i32: 0, 1, 0, 0, 0, 0>, read_regions = [], static_extents = array<i64: 4>, write_regions = []}> ({
    tir.yield
  }, {
  }) : (index) -> ()
  tir.return
}

// -----

tir.prim_func @init_arguments(%i: index) {
  // expected-error @+1 {{'tir.block' op expects the 'init' region to have one 'index' argument per iteration variable (1)}}
  tir.block "b" (%v: reduce[4] = %i) init(%a, %b) {
  } {
  }
  tir.return
}

// -----

/// TVM only allows an init statement in a reduction block.
tir.prim_func @init_without_reduce(%i: index) {
  // expected-error @+1 {{'tir.block' op has an 'init' region but no reduce iteration variable}}
  tir.block "b" (%v: spatial[4] = %i) init {
  } {
  }
  tir.return
}

// -----

tir.prim_func @read_region_count(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'tir.block' op expects one region per read buffer (1), but got 0}}
  "tir.block"(%i, %A) <{iter_kinds = [#tir.iter_kind<spatial>], name_hint = "b", operandSegmentSizes = array<i32: 0, 1, 0, 1, 0, 0>, read_regions = [], static_extents = array<i64: 4>, write_regions = []}> ({
  ^bb0(%v: index):
    tir.yield
  }, {
  }) : (index, memref<4xf32>) -> ()
  tir.return
}

// -----

tir.prim_func @read_region_dims(%A: memref<4xf32>, %i: index) {
  // expected-error @+1 {{'tir.block' op read region #0 is over 2 iteration variables, but the block has 1}}
  "tir.block"(%i, %A) <{iter_kinds = [#tir.iter_kind<spatial>], name_hint = "b", operandSegmentSizes = array<i32: 0, 1, 0, 1, 0, 0>, read_regions = [#tir.region<(d0, d1) -> (d0), [1]>], static_extents = array<i64: 4>, write_regions = []}> ({
  ^bb0(%v: index):
    tir.yield
  }, {
  }) : (index, memref<4xf32>) -> ()
  tir.return
}

// -----

tir.prim_func @write_region_rank(%A: memref<4x4xf32>, %i: index) {
  // expected-error @+1 {{'tir.block' op write region #0 has 1 dimensions, but its buffer has rank 2}}
  tir.block "b" (%v: spatial[4] = %i) writes(%A[%v] : memref<4x4xf32>) {
  }
  tir.return
}

//===----------------------------------------------------------------------===//
// tir.block: well-formedness
//===----------------------------------------------------------------------===//

// -----

/// Rule 1: a binding is evaluated outside the block, from loop variables.
tir.prim_func @binding_from_load(%A: memref<4xf32>, %I: memref<4xindex>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  tir.for %i = %c0 to %c4 {
    // expected-note @+1 {{offending value}}
    %idx = memref.load %I[%i] : memref<4xindex>
    // expected-error @+1 {{'tir.block' op iteration variable #0 is bound to a value that depends on 'memref.load', which is not an index computation of loop variables, constants and prim_func parameters}}
    tir.block "b" (%v: spatial[4] = %idx) writes(%A[%v] : memref<4xf32>) {
    }
  }
  tir.return
}

// -----

/// Rule 1: a block only sees loops inside its enclosing block; the loops
/// around the enclosing block reach it only through iteration variables.
tir.prim_func @binding_outside_scope(%A: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  // expected-note @+1 {{offending value}}
  tir.for %i = %c0 to %c4 {
    tir.block "outer" (%vo: spatial[4] = %i) writes(%A[%vo] : memref<4xf32>) {
      // expected-error @+1 {{'tir.block' op iteration variable #0 is bound to a value that depends on the induction variable of a 'tir.for' outside the enclosing block "outer"}}
      tir.block "inner" (%vi: spatial[4] = %i) writes(%A[%vi] : memref<4xf32>) {
      }
    }
  }
  tir.return
}

// -----

/// Rule 1: only tir loops, blocks and prim_funcs provide index variables.
// expected-note @+1 {{offending value}}
func.func @binding_from_func_arg(%A: memref<4xf32>, %n: index) {
  // expected-error @+1 {{'tir.block' op iteration variable #0 is bound to a value that depends on an argument of 'func.func', which is not a loop variable, iteration variable or prim_func parameter}}
  tir.block "b" (%v: spatial[4] = %n) writes(%A[%v] : memref<4xf32>) {
  }
  return
}

// -----

/// TVM's BlockVarAccessVerifier: inside a block, use the iteration variables.
tir.prim_func @loop_var_in_body(%A: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  tir.for %i = %c0 to %c4 {
    // expected-error @+1 {{'tir.block' op uses the induction variable of an enclosing 'tir.for' in its body; use an iteration variable bound to it instead}}
    tir.block "b" (%v: spatial[4] = %i) writes(%A[%v] : memref<4xf32>) {
      // expected-note @+1 {{used here}}
      memref.store %zero, %A[%i] : memref<4xf32>
    }
  }
  tir.return
}

// -----

/// Rule 2: every buffer a block stores to is in its write set.
tir.prim_func @store_not_in_writes(%A: memref<4xf32>, %B: memref<4xf32>, %i: index) {
  %zero = arith.constant 0.0 : f32
  // expected-error @+1 {{'tir.block' op stores to a buffer that is not in its 'writes'}}
  tir.block "b" (%v: spatial[4] = %i) writes(%A[%v] : memref<4xf32>) {
    // expected-note @+1 {{store here}}
    memref.store %zero, %B[%v] : memref<4xf32>
  }
  tir.return
}

// -----

/// Rule 2: a store provably outside the declared region.
tir.prim_func @store_outside_region(%A: memref<8x8xf32>, %i: index, %j: index) {
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  // expected-error @+1 {{'tir.block' op stores outside its declared write region: index d1 + 2 of dimension 1 is not in [d1, d1 + 2) (dN is iteration variable #N)}}
  tir.block "b" (%vi: spatial[8] = %i, %vj: spatial[4] = %j)
      writes(%A[%vi, %vj] [1, 2] : memref<8x8xf32>) {
    %c2 = arith.constant 2 : index
    %col = arith.addi %vj, %c2 : index
    // expected-note @+1 {{store here}}
    memref.store %zero, %A[%vi, %col] : memref<8x8xf32>
  }
  tir.return
}

// -----

/// Rule 3: a reduce variable in a written index is not a reduction.
tir.prim_func @reduce_var_in_store(%A: memref<4x4xf32>, %i: index, %k: index) {
  %zero = arith.constant 0.0 : f32
  // expected-error @+1 {{'tir.block' op reduce iteration variable #1 is used in the index of a store to a written buffer (a non-reduction position)}}
  tir.block "b" (%vi: spatial[4] = %i, %vk: reduce[4] = %k)
      writes(%A[%vi, 0] [1, 4] : memref<4x4xf32>) {
    // expected-note @+1 {{store here}}
    memref.store %zero, %A[%vi, %vk] : memref<4x4xf32>
  }
  tir.return
}

// -----

/// Rule 3, on the declared region itself.
tir.prim_func @reduce_var_in_write_region(%A: memref<4x4xf32>, %i: index, %k: index) {
  // expected-error @+1 {{'tir.block' op reduce iteration variable #1 is used in write region #0 (a non-reduction position)}}
  tir.block "b" (%vi: spatial[4] = %i, %vk: reduce[4] = %k)
      writes(%A[%vi, %vk] : memref<4x4xf32>) {
  }
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op 'sym_vars' names 1 variables, but the prim_func has 2 index parameters}}
tir.prim_func @sym_vars_count(%A: memref<?xf32>, %n: index, %m: index)
    attributes {sym_vars = #mlc.shape<[n]>} {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op 'sym_vars' must name plain variables, but has '2 * n'}}
tir.prim_func @sym_vars_expr(%A: memref<?xf32>, %n: index)
    attributes {sym_vars = #mlc.shape<[2 * n]>} {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op 'sym_vars' names 'n' twice}}
tir.prim_func @sym_vars_twice(%A: memref<?xf32>, %n: index, %m: index)
    attributes {sym_vars = #mlc.shape<[n, n]>} {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op 'sym_shapes' has 1 shapes, but the prim_func has 2 buffer parameters}}
tir.prim_func @sym_shapes_count(%A: memref<?xf32>, %B: memref<?xf32>, %n: index)
    attributes {sym_shapes = [#mlc.shape<[n]>], sym_vars = #mlc.shape<[n]>} {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op 'sym_shapes' gives buffer #0 2 dims, but it has rank 1}}
tir.prim_func @sym_shapes_rank(%A: memref<?xf32>, %n: index)
    attributes {sym_shapes = [#mlc.shape<[n, n]>], sym_vars = #mlc.shape<[n]>} {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op 'sym_shapes' gives dim 1 of buffer #0 as 'n', but its type has 8}}
tir.prim_func @sym_shapes_static(%A: memref<?x8xf32>, %n: index)
    attributes {sym_shapes = [#mlc.shape<[n, n]>], sym_vars = #mlc.shape<[n]>} {
  tir.return
}

// -----

// expected-error @+1 {{'tir.prim_func' op 'sym_shapes' uses 'k', which neither an index parameter ('sym_vars') nor a dim of its own defines}}
tir.prim_func @sym_shapes_unknown_var(%A: memref<?xf32>, %n: index)
    attributes {sym_shapes = [#mlc.shape<[2 * k]>], sym_vars = #mlc.shape<[n]>} {
  tir.return
}

// -----

// expected-error @+2 {{'?' (an unknown value) is not allowed here}}
tir.prim_func @sym_shapes_unknown(%A: memref<?xf32>)
    attributes {sym_shapes = [#mlc.shape<[?]>]} {
  tir.return
}
