//===- InitAll.h - Register everything mlc provides -------------*- C++ -*-===//
//
// One place that registers mlc's dialects, passes and translations, for the
// tools and for projects that embed mlc.
//
//===----------------------------------------------------------------------===//

#ifndef MLC_INITALL_H
#define MLC_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlc {

/// Adds the mlc, relax and tir dialects to `registry`.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers mlc's passes and pipelines with the global pass registry, so
/// that command-line tools can name them.
void registerAllPasses();

/// Registers mlc's translations with the global translation registry.
void registerAllTranslations();

} // namespace mlc

#endif // MLC_INITALL_H
