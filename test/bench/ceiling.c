/*
 * The memory ceiling of this machine for issue 7's W3 (max 2×2 s2 over 8×64×224×224 float32), in native C:
 * what one and two threads can do when nothing but the hardware is in the way. Run by test/bench/ceiling.mjs,
 * which compiles it with the system's cc (-O2 -pthread) and reads one JSON object from stdout.
 *
 * Kernels, each on 1 and 2 threads (planes split in halves, as poolscope's workers split them):
 *   read      sum every input float (the pure read stream, 103 MB)
 *   pool      the 2×2 s2 max, 128-bit SSE like the wasm kernel (reads 103 MB, writes 26 MB)
 *   pool-pf   the same with __builtin_prefetch of the next row pair (the touch() of src/wasm/assembly/pool.ts)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <emmintrin.h>

enum { PLANES = 8 * 64, H = 224, W = 224, OH = H / 2, OW = W / 2, ROUNDS = 41 };
static float *in, *out;
static volatile float sink[2];
static int nthreads, kernel; /* kernel: 0 read, 1 pool, 2 pool-pf, -1 stop */
static pthread_barrier_t start, finish;

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void read_planes(size_t p0, size_t p1, int t) {
  __m128 a = _mm_setzero_ps(), b = a, c = a, d = a;
  for (const float *p = in + p0 * H * W, *e = in + p1 * H * W; p < e; p += 16) {
    a = _mm_add_ps(a, _mm_load_ps(p));
    b = _mm_add_ps(b, _mm_load_ps(p + 4));
    c = _mm_add_ps(c, _mm_load_ps(p + 8));
    d = _mm_add_ps(d, _mm_load_ps(p + 12));
  }
  float r[4];
  _mm_storeu_ps(r, _mm_add_ps(_mm_add_ps(a, b), _mm_add_ps(c, d)));
  sink[t] = r[0];
}

static void pool_planes(size_t p0, size_t p1, int prefetch) {
  for (size_t p = p0; p < p1; p++) {
    const float *src = in + p * H * W;
    float *dst = out + p * OH * OW;
    for (int y = 0; y < OH; y++) {
      const float *r0 = src + 2 * y * W, *r1 = r0 + W;
      if (prefetch && p * H * W + (2 * y + 4) * W <= (size_t)PLANES * H * W)
        for (int k = 0; k < 2 * W; k += 16) __builtin_prefetch(r0 + 2 * W + k);
      float *o = dst + y * OW;
      for (int x = 0; x < OW; x += 4) {
        __m128 v0 = _mm_max_ps(_mm_load_ps(r0 + 2 * x), _mm_load_ps(r1 + 2 * x));
        __m128 v1 = _mm_max_ps(_mm_load_ps(r0 + 2 * x + 4), _mm_load_ps(r1 + 2 * x + 4));
        _mm_store_ps(o + x, _mm_max_ps(_mm_shuffle_ps(v0, v1, 0x88), _mm_shuffle_ps(v0, v1, 0xdd)));
      }
    }
  }
}

static void run_part(int t) {
  size_t p0 = (size_t)PLANES * t / nthreads, p1 = (size_t)PLANES * (t + 1) / nthreads;
  if (kernel == 0) read_planes(p0, p1, t);
  else pool_planes(p0, p1, kernel == 2);
}

static void *worker(void *arg) {
  int t = (int)(size_t)arg;
  for (;;) {
    pthread_barrier_wait(&start);
    if (kernel < 0) return NULL;
    run_part(t);
    pthread_barrier_wait(&finish);
  }
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(void) {
  in = aligned_alloc(64, sizeof(float) * PLANES * H * W);
  out = aligned_alloc(64, sizeof(float) * PLANES * OH * OW);
  if (!in || !out) return 1;
  for (size_t i = 0; i < (size_t)PLANES * H * W; i++) in[i] = (float)((i * 2654435761u) % 1000);
  memset(out, 0, sizeof(float) * PLANES * OH * OW);
  static const char *names[] = {"read", "pool", "pool-pf"};
  double med[3][2];
  for (nthreads = 1; nthreads <= 2; nthreads++) {
    pthread_t helper;
    pthread_barrier_init(&start, NULL, nthreads);
    pthread_barrier_init(&finish, NULL, nthreads);
    if (nthreads == 2) pthread_create(&helper, NULL, worker, (void *)(size_t)1);
    for (kernel = 0; kernel < 3; kernel++) {
      double ms[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ms();
        pthread_barrier_wait(&start);
        run_part(0);
        pthread_barrier_wait(&finish);
        ms[r] = now_ms() - t0;
      }
      qsort(ms, ROUNDS, sizeof ms[0], cmp);
      med[kernel][nthreads - 1] = ms[ROUNDS / 2];
    }
    kernel = -1;
    pthread_barrier_wait(&start);
    if (nthreads == 2) pthread_join(helper, NULL);
    pthread_barrier_destroy(&start);
    pthread_barrier_destroy(&finish);
  }
  printf("{");
  for (int k = 0; k < 3; k++)
    printf("%s\"%s\": {\"ms1\": %.4f, \"ms2\": %.4f}", k ? ", " : "", names[k], med[k][0], med[k][1]);
  printf("}\n");
  return 0;
}
