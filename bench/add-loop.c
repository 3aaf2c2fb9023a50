/*===- add-loop.c - The C loop that `relax.add` is measured against -------===*\
|*                                                                            *|
|* usage: bench-add-loop N RUNS                                               *|
|*                                                                            *|
|* c[i] = a[i] + b[i] over N f32 elements into an output allocated once (what *|
|* a program that reuses its buffers does), with OpenMP threads from          *|
|* OMP_NUM_THREADS. Prints the median time of RUNS calls after one warm-up in *|
|* the format of `mlc-run --benchmark`, so run-mlc-run.sh parses both alike.  *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void add(const float *a, const float *b, float *c, long n) {
#pragma omp parallel for simd schedule(static)
  for (long i = 0; i < n; ++i)
    c[i] = a[i] + b[i];
}

static int compare(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s N RUNS\n", argv[0]);
    return 1;
  }
  long n = atol(argv[1]);
  int runs = atoi(argv[2]);
  if (n <= 0 || runs <= 0) {
    fprintf(stderr, "error: N and RUNS must be positive\n");
    return 1;
  }
  float *a = aligned_alloc(64, n * sizeof(float));
  float *b = aligned_alloc(64, n * sizeof(float));
  float *c = aligned_alloc(64, n * sizeof(float));
  double *times = malloc(runs * sizeof(double));
  if (!a || !b || !c || !times) {
    fprintf(stderr, "error: out of memory\n");
    return 1;
  }
  for (long i = 0; i < n; ++i) {
    a[i] = 1.0f;
    b[i] = 2.0f;
  }
  add(a, b, c, n); /* warm-up: faults the output's pages in */
  for (int r = 0; r < runs; ++r) {
    double start = now();
    add(a, b, c, n);
    times[r] = now() - start;
  }
  if (c[n - 1] != 3.0f) {
    fprintf(stderr, "error: wrong result %f\n", c[n - 1]);
    return 1;
  }
  qsort(times, runs, sizeof(double), compare);
  printf("benchmark 'c-loop': %d runs, median %.3f ms\n", runs,
         times[runs / 2] * 1e3);
  return 0;
}
