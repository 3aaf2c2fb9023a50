// RUN: mlc-translate --mlc-to-object %s -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=OBJECT
// RUN: mlc-translate --mlc-to-shared-library %s -o %t.so
// RUN: llvm-readobj --file-headers --dyn-symbols %t.so | FileCheck %s --check-prefix=LIBRARY

// OBJECT: T add_one
// OBJECT: U mlcContextSetError
// LIBRARY: Type: SharedObject
// LIBRARY: Name: add_one

llvm.func @mlcContextSetError(!llvm.ptr, !llvm.ptr)

llvm.func @add_one(%x: i64) -> i64 {
  %one = llvm.mlir.constant(1 : i64) : i64
  %sum = llvm.add %x, %one : i64
  llvm.return %sum : i64
}

llvm.func @fail(%ctx: !llvm.ptr, %msg: !llvm.ptr) {
  llvm.call @mlcContextSetError(%ctx, %msg) : (!llvm.ptr, !llvm.ptr) -> ()
  llvm.return
}
