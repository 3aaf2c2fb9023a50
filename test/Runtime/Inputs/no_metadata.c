/* A shared library that is not an mlc module. */
int mlcNotAModule(void) { return 42; }
