//===- ElfCheckTest.cpp - Truncated shared objects are refused ------------===//
//
// Part of the mlc project.
//
//===----------------------------------------------------------------------===//
//
// mlcModuleLoad refuses copies of a real module cut short (in its section
// header table, or in a segment once that table is gone) before dlopen,
// which would die of SIGBUS; a file that is not ELF is left to dlopen.
//
//===----------------------------------------------------------------------===//

#include "mlc/Runtime/Runtime.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <cstring>
#include <elf.h>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<char> readFile(const std::string &path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), {}};
}

std::string writeTemp(const std::vector<char> &bytes, const char *name) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

/// The error of loading `path`, "" if it loads.
std::string loadError(const std::string &path) {
  MLCModule *module = nullptr;
  if (mlcModuleLoad(path.c_str(), &module) == MLC_OK) {
    mlcModuleFree(module);
    return "";
  }
  return mlcGetLastError();
}

TEST(ElfCheckTest, WholeModuleLoads) {
  EXPECT_EQ(loadError(MLC_TEST_MODULE), "");
}

TEST(ElfCheckTest, CutInTheSectionTable) {
  std::vector<char> bytes = readFile(MLC_TEST_MODULE);
  bytes.resize(bytes.size() / 2);
  std::string path = writeTemp(bytes, "half.so");
  std::string error = loadError(path);
  EXPECT_NE(error.find("the file is truncated or corrupt: the section header "
                       "table ends at byte"),
            std::string::npos)
      << error;
  std::remove(path.c_str());
}

TEST(ElfCheckTest, CutInASegment) {
  std::vector<char> bytes = readFile(MLC_TEST_MODULE);
  ASSERT_GE(bytes.size(), sizeof(Elf64_Ehdr));
  Elf64_Ehdr header;
  std::memcpy(&header, bytes.data(), sizeof(header));
  // Without a section table, the first check left is the segments'.
  header.e_shoff = 0;
  header.e_shnum = 0;
  std::memcpy(bytes.data(), &header, sizeof(header));
  uint64_t lastEnd = 0;
  for (int i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr segment;
    std::memcpy(&segment,
                bytes.data() + header.e_phoff + i * sizeof(Elf64_Phdr),
                sizeof(segment));
    if (segment.p_type == PT_LOAD)
      lastEnd =
          std::max<uint64_t>(lastEnd, segment.p_offset + segment.p_filesz);
  }
  ASSERT_GT(lastEnd, 1u);
  bytes.resize(lastEnd - 1);
  std::string path = writeTemp(bytes, "cut.so");
  std::string error = loadError(path);
  EXPECT_NE(error.find("truncated or corrupt: segment"), std::string::npos)
      << error;
  std::remove(path.c_str());
}

TEST(ElfCheckTest, NotElfIsLeftToDlopen) {
  std::string path = writeTemp({'n', 'o', 't', ' ', 'E', 'L', 'F'}, "x.so");
  std::string error = loadError(path);
  EXPECT_EQ(error.find("truncated"), std::string::npos) << error;
  EXPECT_NE(error.find("cannot load module"), std::string::npos) << error;
  std::remove(path.c_str());
}

} // namespace
