/* A shared library without mlc_library_init. */
int mlcNotAnInit(void) { return 0; }
