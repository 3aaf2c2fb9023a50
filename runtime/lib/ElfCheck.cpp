//===- ElfCheck.cpp - Refuse truncated shared objects before dlopen -------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// The dynamic loader maps a shared object's segments from the file; a
// segment that extends past the end of a truncated file is mapped anyway and
// the first access to it raises SIGBUS, inside dlopen. So before dlopen,
// every table and segment an ELF64 header describes must lie inside the
// file. Anything that is not ELF64 is left to dlopen, which reports it.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Module.h"

#include <cstring>
#include <elf.h>
#include <fstream>
#include <vector>

namespace {
/// Whether [offset, offset + count * size) lies inside `fileSize` bytes,
/// without overflow.
bool fits(uint64_t offset, uint64_t count, uint64_t size, uint64_t fileSize) {
  if (count != 0 && size > UINT64_MAX / count)
    return false;
  uint64_t bytes = count * size;
  return offset <= fileSize && bytes <= fileSize - offset;
}
} // namespace

bool mlc::rt::checkSharedObjectFile(const std::string &path,
                                    std::string &error) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file)
    return true; // dlopen says why it cannot open it
  uint64_t fileSize = static_cast<uint64_t>(file.tellg());
  Elf64_Ehdr header;
  file.seekg(0);
  if (!file.read(reinterpret_cast<char *>(&header), sizeof(header)) ||
      std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 ||
      header.e_ident[EI_CLASS] != ELFCLASS64)
    return true; // not ELF64: dlopen's message is the right one
  auto truncated = [&](const std::string &what, uint64_t end) {
    error = "the file is truncated or corrupt: " + what + " ends at byte " +
            std::to_string(end) + " but the file has " +
            std::to_string(fileSize) + " bytes";
    return false;
  };
  if (header.e_phentsize != sizeof(Elf64_Phdr) ||
      !fits(header.e_phoff, header.e_phnum, sizeof(Elf64_Phdr), fileSize))
    return truncated("the program header table",
                     header.e_phoff +
                         uint64_t(header.e_phnum) * header.e_phentsize);
  if (header.e_shoff != 0 &&
      !fits(header.e_shoff, header.e_shnum, header.e_shentsize, fileSize))
    return truncated("the section header table",
                     header.e_shoff +
                         uint64_t(header.e_shnum) * header.e_shentsize);
  std::vector<Elf64_Phdr> segments(header.e_phnum);
  file.seekg(static_cast<std::streamoff>(header.e_phoff));
  if (!file.read(
          reinterpret_cast<char *>(segments.data()),
          static_cast<std::streamsize>(segments.size() * sizeof(Elf64_Phdr))))
    return truncated("the program header table", fileSize + 1);
  for (size_t i = 0; i < segments.size(); ++i) {
    const Elf64_Phdr &segment = segments[i];
    if (segment.p_type == PT_NULL)
      continue;
    if (!fits(segment.p_offset, 1, segment.p_filesz, fileSize))
      return truncated("segment " + std::to_string(i),
                       segment.p_offset + segment.p_filesz);
  }
  return true;
}
