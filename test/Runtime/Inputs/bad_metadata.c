/* A module whose metadata names an unknown dtype. */
const char __mlc_metadata[] = "mlc-module 2\n"
                              "func f\n"
                              "arg x f33 [n]\n"
                              "ret f32 [n]\n";
