//===- TensorIntrinsics.h - Tensor intrinsics and their registry -*- C++
//-*-===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// TVM's TensorIntrin and its registry. The registry belongs to the tir
// dialect of an MLIRContext (`getTensorIntrinsicRegistry`): targets add
// their intrinsics through a dialect extension when the dialect loads
// (`Intrinsics/CPU.h`), and each description is parsed once, in that
// context, the first time tensorize asks for it.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_DIALECT_TIR_TENSORINTRINSICS_H
#define MLC_DIALECT_TIR_TENSORINTRINSICS_H

#include "mlc/Dialect/TIR/TIROps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace mlc::tir {

/// What a tensor intrinsic's implementation receives: the payload buffers in
/// the order of the description's buffer parameters, and, per iteration
/// variable of the description's block, the payload iteration variable that
/// holds the tile's origin. `tripCounts` holds, per description loop, the
/// number of iterations to run: at most the loop's extent, fewer (down to
/// zero) when a predicate cuts the tile short, e.g. on the edge of a
/// symbolic domain. Implementations must handle every such count.
struct TensorizeOperands {
  llvm::SmallVector<mlir::Value> buffers;
  llvm::SmallVector<mlir::Value> origins;
  llvm::SmallVector<mlir::Value> tripCounts;
};

/// TVM's TensorIntrin: `description` is the text of a `tir.prim_func` whose
/// body is a loop nest around one block (the computation the intrinsic
/// performs); `implement` emits the code that performs it at the builder's
/// insertion point (see TensorizeOperands for the trip counts it must
/// handle). `originAlignment` (per iteration variable of the description, 1
/// when absent) is what a tile origin must provably be a multiple of, e.g. for
/// a packed operand indexed by `v floordiv c` and `v mod c`.
struct TensorIntrinsic {
  std::string name;
  std::string description;
  std::function<void(mlir::OpBuilder &, mlir::Location,
                     const TensorizeOperands &)>
      implement;
  llvm::SmallVector<int64_t> originAlignment = {};
};

/// The intrinsics of one MLIRContext. Passes may run on several threads, so
/// access is serialized; entries live as long as the registry (a replaced
/// one too), so returned pointers stay valid.
class TensorIntrinsicRegistry {
public:
  explicit TensorIntrinsicRegistry(mlir::MLIRContext *ctx) : ctx(ctx) {}

  /// Adds `intrinsic`, replacing one of the same name.
  void add(TensorIntrinsic intrinsic);

  /// The intrinsic named `name`, or null.
  const TensorIntrinsic *lookup(llvm::StringRef name);

  /// The description of `intrinsic` as a tir.prim_func, parsed on first use
  /// and kept; null (after reporting to the context's diagnostic handler)
  /// when the text is not a module holding one tir.prim_func.
  PrimFuncOp getDescription(const TensorIntrinsic &intrinsic);

  /// Names of the registered intrinsics, sorted.
  llvm::SmallVector<std::string> getNames();

private:
  struct Entry {
    TensorIntrinsic intrinsic;
    mlir::OwningOpRef<mlir::ModuleOp> description;
    bool parsed = false;
  };
  mlir::MLIRContext *ctx;
  std::mutex mutex;
  llvm::StringMap<Entry *> byName;
  std::vector<std::unique_ptr<Entry>> storage;
};

/// The registry of `ctx`'s tir dialect (loading the dialect if needed).
TensorIntrinsicRegistry &getTensorIntrinsicRegistry(mlir::MLIRContext *ctx);

} // namespace mlc::tir

#endif // MLC_DIALECT_TIR_TENSORINTRINSICS_H
