//===- NativeCode.cpp - MLIR (LLVM dialect) to native code ----------------===//

#include "mlc/Target/NativeCode.h"

#include "mlc/Dialect/MLC/MLCDialect.h"
#include "mlc/Dialect/TIR/TIRDialect.h"

#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

using namespace mlir;

/// A target machine for the module's `mlc.target`, or for the host CPU with
/// all its features when it has none.
static std::unique_ptr<llvm::TargetMachine>
createTargetMachine(Operation *module) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  mlc::TargetAttr target = mlc::getTarget(module);
  if (target && !target.isCPU()) {
    module->emitError("native code needs a cpu target, but the module's "
                      "mlc.target is ")
        << target;
    return nullptr;
  }
  llvm::Triple triple(target ? target.getTriple().str()
                             : llvm::sys::getDefaultTargetTriple());
  std::string error;
  const llvm::Target *llvmTarget =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!llvmTarget) {
    module->emitError("no LLVM target for ") << triple.str() << ": " << error;
    return nullptr;
  }
  if (target)
    return std::unique_ptr<llvm::TargetMachine>(llvmTarget->createTargetMachine(
        triple, target.getArch(), target.getFeatures(), {}, llvm::Reloc::PIC_));
  llvm::SubtargetFeatures features;
  for (const auto &[name, enabled] : llvm::sys::getHostCPUFeatures())
    features.AddFeature(name, enabled);
  return std::unique_ptr<llvm::TargetMachine>(llvmTarget->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features.getString(), {},
      llvm::Reloc::PIC_));
}

LogicalResult mlc::emitObjectFile(Operation *module, llvm::raw_ostream &os) {
  std::unique_ptr<llvm::TargetMachine> machine = createTargetMachine(module);
  if (!machine)
    return failure();
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return module->emitError("cannot translate the module to LLVM IR");
  // The runtime's allocator returns fresh memory, like malloc: saying so
  // lets LLVM keep reduction accumulators of kernel-local buffers in
  // registers and vectorize loops that read one buffer and write another.
  if (llvm::Function *alloc =
          llvmModule->getFunction("_mlir_memref_to_llvm_alloc"))
    alloc->addRetAttr(llvm::Attribute::NoAlias);
  // The target's vector width is the schedules' (getVectorBits); LLVM's
  // own preference on AVX-512 CPUs is 256 bits, which would leave the
  // loops it vectorizes itself at half the width the micro-kernels use.
  if (mlc::TargetAttr target = mlc::getTarget(module);
      target && target.getVectorBits() == 512)
    for (llvm::Function &function : *llvmModule)
      if (!function.isDeclaration())
        function.addFnAttr("prefer-vector-width", "512");
  llvmModule->setDataLayout(machine->createDataLayout());
  llvmModule->setTargetTriple(machine->getTargetTriple());
  if (llvm::Error error = makeOptimizingTransformer(
          /*optLevel=*/3, /*sizeLevel=*/0, machine.get())(llvmModule.get()))
    return module->emitError("LLVM optimization failed: ")
           << llvm::toString(std::move(error));
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream stream(buffer);
  llvm::legacy::PassManager passes;
  if (machine->addPassesToEmitFile(passes, stream, nullptr,
                                   llvm::CodeGenFileType::ObjectFile))
    return module->emitError("the target cannot emit object files");
  passes.run(*llvmModule);
  os.write(buffer.data(), buffer.size());
  return success();
}

/// The C compiler driver used as linker.
static FailureOr<std::string> findLinker(Operation *module) {
  if (const char *env = std::getenv("MLC_CLANG"))
    return std::string(env);
  for (StringRef name : {"clang-22", "clang"})
    if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(name))
      return *path;
  return module->emitError("no linker: set MLC_CLANG or put clang-22 on PATH");
}

/// Removes a temporary file when it goes out of scope.
struct TemporaryFile {
  llvm::SmallString<128> path;
  ~TemporaryFile() {
    if (!path.empty())
      llvm::sys::fs::remove(path);
  }
};

LogicalResult mlc::emitSharedLibrary(Operation *module, llvm::raw_ostream &os) {
  FailureOr<std::string> linker = findLinker(module);
  if (failed(linker))
    return failure();
  TemporaryFile object, library;
  int fd;
  if (llvm::sys::fs::createTemporaryFile("mlc", "o", fd, object.path) ||
      llvm::sys::fs::createTemporaryFile("mlc", "so", library.path))
    return module->emitError("cannot create temporary files");
  {
    llvm::raw_fd_ostream objectStream(fd, /*shouldClose=*/true);
    if (failed(emitObjectFile(module, objectStream)))
      return failure();
  }
  std::string message;
  // -fopenmp links the OpenMP runtime that parallel loops call into; the
  // rpath picks the one next to the linker (the LLVM mlc was built with)
  // over any other libomp on the system.
  llvm::SmallString<128> linkerPath;
  if (llvm::sys::fs::real_path(*linker, linkerPath))
    linkerPath = *linker;
  llvm::SmallString<128> libDir =
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(linkerPath));
  llvm::sys::path::append(libDir, "lib");
  std::string rpath = ("-Wl,-rpath," + libDir).str();
  // libm for the math functions that kernels call (erf in f64, ...).
  llvm::SmallVector<StringRef> args = {*linker,     "-shared", "-fopenmp",
                                       rpath,       "-o",      library.path,
                                       object.path, "-lm"};
  if (llvm::sys::ExecuteAndWait(*linker, args, std::nullopt, {}, 0, 0,
                                &message) != 0)
    return module->emitError("linking the shared library failed")
           << (message.empty() ? "" : ": ") << message;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> bytes =
      llvm::MemoryBuffer::getFile(library.path, /*IsText=*/false);
  if (!bytes)
    return module->emitError("cannot read the linked library: ")
           << bytes.getError().message();
  os << (*bytes)->getBuffer();
  return success();
}

void mlc::registerNativeCodeTranslations() {
  auto registerDialects = [](DialectRegistry &registry) {
    registerAllToLLVMIRTranslations(registry);
    // tir for the module's `mlc.target`.
    registry.insert<DLTIDialect, func::FuncDialect, mlc::MLCDialect,
                    mlc::tir::TIRDialect>();
  };
  TranslateFromMLIRRegistration object(
      "mlc-to-object", "Emit a host object file from the LLVM dialect",
      emitObjectFile, registerDialects);
  TranslateFromMLIRRegistration library(
      "mlc-to-shared-library",
      "Emit a host shared library (the module the runtime loads) from the "
      "LLVM dialect",
      emitSharedLibrary, registerDialects);
}
