// WebAssembly SIMD pooling kernels (AssemblyScript), compiled by `npm run build:wasm` into dist/backend/wasm/pool.wasm.
// Every pointer is a byte offset into the shared memory the JS side imports (src/backend/wasm/runtime.ts owns the
// layout: tensors, scratch, divisors). Kernels never allocate. Planes are independent, so a caller (or a
// worker) can run any contiguous range of planes by offsetting src/dst.
//
// Exactness: value kernels compute max with f32x4.pmax (first-wins on ties, one x86 instruction) and keep a
// NaN detector per plane (a running f32x4.add of every loaded vector); a plane whose detector is not finite
// (a NaN, an infinity or an overflow) is recomputed by the scalar PyTorch rule (`v > m || v != v`), so NaN
// always wins. Sums are float32 in scan order per output, then divided by the divisor (float32).

const NEG_INF: f32 = -Infinity;

function nonFinite(acc: v128): bool {
  // true if any lane is NaN or ±Inf: x - x is NaN exactly for those
  const d = f32x4.sub(acc, acc);
  return v128.any_true(f32x4.ne(d, d));
}

/** Keeps the touch loads alive (a load whose value is never used could be dropped). */
let touchSink: f32 = 0;

/**
 * Reads one float per 64-byte line of [p, p + bytes) if that range ends by `limit`: a software prefetch.
 * Measured on W3: the streaming loops alone keep too few misses in flight, and touching the row pair two
 * ahead first (a tiny loop, so many loads in flight) halves the time (7.2 → 3.8 ms).
 */
function touch(p: usize, bytes: usize, limit: usize): void {
  if (p + bytes > limit) return;
  let t = f32x4.splat(0);
  for (let q: usize = 0; q < bytes; q += 64) t = f32x4.add(t, v128.load32_splat(p + q));
  touchSink += f32x4.extract_lane(t, 0);
}

/**
 * Where touches must stop: the end of this call's input, or 0 (no touching) for an input that fits in the
 * last-level cache, where the touch loop only costs time (W2: 0.123 ms without, 0.131 ms with).
 */
function prefetchLimit(src: usize, bytes: usize): usize {
  return bytes >= 16 << 20 ? src + bytes : 0;
}

/** Copies one H×W plane into a Hp×Wp padded plane (row stride Wp), `fill` everywhere else. */
export function padPlane(
  src: usize,
  dst: usize,
  h: i32,
  w: i32,
  hp: i32,
  wp: i32,
  top: i32,
  left: i32,
  fill: f32,
): void {
  const total = hp * wp;
  const fv = f32x4.splat(fill);
  let i = 0;
  for (; i + 4 <= total; i += 4) v128.store(dst + ((<usize>i) << 2), fv);
  for (; i < total; i++) store<f32>(dst + ((<usize>i) << 2), fill);
  for (let y = 0; y < h; y++) {
    memory.copy(dst + ((<usize>((y + top) * wp + left)) << 2), src + ((<usize>(y * w)) << 2), (<usize>w) << 2);
  }
}

// ---- sliding windows, channels first, on an input whose every window is in bounds (padded by the caller) ----

function gather(row: usize, c: i32, sw: i32): v128 {
  if (sw == 1) return v128.load(row + ((<usize>c) << 2));
  if (sw == 2) {
    const p = row + ((<usize>c) << 2);
    return f32x4.shuffle(v128.load(p), v128.load(p, 16), 0, 2, 4, 6);
  }
  let v = f32x4.splat(load<f32>(row + ((<usize>c) << 2)));
  v = f32x4.replace_lane(v, 1, load<f32>(row + ((<usize>(c + sw)) << 2)));
  v = f32x4.replace_lane(v, 2, load<f32>(row + ((<usize>(c + 2 * sw)) << 2)));
  v = f32x4.replace_lane(v, 3, load<f32>(row + ((<usize>(c + 3 * sw)) << 2)));
  return v;
}

/** Max of one plane (row stride rs) into dst (oh×ow); returns false if a NaN was read (padding is −∞, so only NaN counts). */
function maxPlane(
  src: usize,
  rs: i32,
  dst: usize,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
): bool {
  let nan = f32x4.splat(0);
  const ow4 = ow & ~3;
  for (let oy = 0; oy < oh; oy++) {
    const drow = dst + ((<usize>(oy * ow)) << 2);
    const y0 = oy * sh;
    let ox = 0;
    for (; ox < ow4; ox += 4) {
      let m = f32x4.splat(NEG_INF);
      for (let ky = 0; ky < kh; ky++) {
        const row = src + ((<usize>((y0 + ky * dh) * rs)) << 2);
        for (let kx = 0; kx < kw; kx++) {
          const v = gather(row, ox * sw + kx * dw, sw);
          nan = v128.or(nan, f32x4.ne(v, v));
          m = f32x4.pmax(m, v);
        }
      }
      v128.store(drow + ((<usize>ox) << 2), m);
    }
    for (; ox < ow; ox++) {
      let m: f32 = NEG_INF;
      let bad = false;
      for (let ky = 0; ky < kh; ky++) {
        const row = src + ((<usize>((y0 + ky * dh) * rs)) << 2);
        for (let kx = 0; kx < kw; kx++) {
          const v = load<f32>(row + ((<usize>(ox * sw + kx * dw)) << 2));
          if (v != v) bad = true;
          if (v > m) m = v;
        }
      }
      if (bad) nan = f32x4.splat(NaN);
      store<f32>(drow + ((<usize>ox) << 2), m);
    }
  }
  return !v128.any_true(nan);
}

/** The scalar PyTorch rule for one plane: strict `>` (first max wins), a NaN always wins. */
function maxPlaneExact(
  src: usize,
  rs: i32,
  dst: usize,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
): void {
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      let m: f32 = NEG_INF;
      for (let ky = 0; ky < kh; ky++) {
        const row = src + ((<usize>((oy * sh + ky * dh) * rs)) << 2);
        for (let kx = 0; kx < kw; kx++) {
          const v = load<f32>(row + ((<usize>(ox * sw + kx * dw)) << 2));
          if (v > m || v != v) m = v;
        }
      }
      store<f32>(dst + ((<usize>(oy * ow + ox)) << 2), m);
    }
  }
}

/** 2×2 stride 2 max, no padding: the memory-bound case (8 outputs a step). */
function max2x2s2Plane(src: usize, w: i32, dst: usize, oh: i32, ow: i32, limit: usize): bool {
  let acc0 = f32x4.splat(0);
  let acc1 = f32x4.splat(0);
  const ow8 = ow & ~7;
  const pair = (<usize>w) << 3;
  for (let oy = 0; oy < oh; oy++) {
    let r0 = src + ((<usize>(2 * oy * w)) << 2);
    let r1 = r0 + ((<usize>w) << 2);
    touch(r0 + 2 * pair, pair, limit);
    let d = dst + ((<usize>(oy * ow)) << 2);
    const end = d + ((<usize>ow8) << 2);
    while (d < end) {
      const a0 = v128.load(r0);
      const a1 = v128.load(r0, 16);
      const a2 = v128.load(r0, 32);
      const a3 = v128.load(r0, 48);
      const b0 = v128.load(r1);
      const b1 = v128.load(r1, 16);
      const b2 = v128.load(r1, 32);
      const b3 = v128.load(r1, 48);
      acc0 = f32x4.add(acc0, f32x4.add(f32x4.add(a0, a1), f32x4.add(b0, b1)));
      acc1 = f32x4.add(acc1, f32x4.add(f32x4.add(a2, a3), f32x4.add(b2, b3)));
      const v0 = f32x4.pmax(a0, b0);
      const v1 = f32x4.pmax(a1, b1);
      const v2 = f32x4.pmax(a2, b2);
      const v3 = f32x4.pmax(a3, b3);
      v128.store(d, f32x4.pmax(f32x4.shuffle(v0, v1, 0, 2, 4, 6), f32x4.shuffle(v0, v1, 1, 3, 5, 7)));
      v128.store(d, f32x4.pmax(f32x4.shuffle(v2, v3, 0, 2, 4, 6), f32x4.shuffle(v2, v3, 1, 3, 5, 7)), 16);
      r0 += 64;
      r1 += 64;
      d += 32;
    }
    // the tail: 4-output vectors, the last one overlapping its neighbour (a scalar tail cost 3× on 56-wide planes)
    let ox = ow8;
    while (ox < ow && ow >= 4) {
      if (ox + 4 > ow) ox = ow - 4;
      const p = src + ((<usize>(2 * oy * w + 2 * ox)) << 2);
      const q = p + ((<usize>w) << 2);
      const a0 = v128.load(p);
      const a1 = v128.load(p, 16);
      const b0 = v128.load(q);
      const b1 = v128.load(q, 16);
      acc0 = f32x4.add(acc0, f32x4.add(f32x4.add(a0, a1), f32x4.add(b0, b1)));
      const v0 = f32x4.pmax(a0, b0);
      const v1 = f32x4.pmax(a1, b1);
      v128.store(
        dst + ((<usize>(oy * ow + ox)) << 2),
        f32x4.pmax(f32x4.shuffle(v0, v1, 0, 2, 4, 6), f32x4.shuffle(v0, v1, 1, 3, 5, 7)),
      );
      ox += 4;
    }
    for (; ox < ow; ox++) {
      const p = src + ((<usize>(2 * oy * w + 2 * ox)) << 2);
      const a = load<f32>(p);
      const b = load<f32>(p, 4);
      const c = load<f32>(p + ((<usize>w) << 2));
      const e = load<f32>(p + ((<usize>w) << 2), 4);
      if (a - a != 0 || b - b != 0 || c - c != 0 || e - e != 0) acc0 = f32x4.splat(NaN);
      store<f32>(dst + ((<usize>(oy * ow + ox)) << 2), max<f32>(max<f32>(a, b), max<f32>(c, e)));
    }
  }
  return !nonFinite(f32x4.add(acc0, acc1));
}

/**
 * One 4-output column chunk of a 3×3 stride-2 max, walking down the plane: `col` points at the first tap of
 * the chunk's first output in row 0. The horizontal max of the row shared with the next output row is
 * carried, so each input row is reduced once (3 loads, 3 shuffles, 2 max). With `left` the first tap is the
 * left padding (lane 0 of the first load is masked to −∞); `first` marks the plane's first chunk. Returns the
 * NaN/Inf detector: the sum of every tap this chunk owns. The row code is written out in each of the three
 * places on purpose: split into helpers (one for the max, one for the detector) W1 measured 0.127 ms, not 0.102.
 */
function max3x3s2Chunk(
  col: usize,
  rs: usize,
  h: i32,
  d: usize,
  ods: usize,
  oh: i32,
  ph: i32,
  left: bool,
  first: bool,
): v128 {
  const ninf = f32x4.splat(NEG_INF);
  let acc = f32x4.splat(0);
  // output row 0: rows −ph … 2 − ph
  let m = ninf;
  let carry = ninf;
  for (let y = max<i32>(-ph, 0); y < min<i32>(3 - ph, h); y++) {
    const r = col + <usize>y * rs;
    let l0 = v128.load(r);
    const l1 = v128.load(r, 16);
    if (left) l0 = f32x4.replace_lane(l0, 0, NEG_INF);
    const e = f32x4.shuffle(l0, l1, 0, 2, 4, 6);
    const o = f32x4.shuffle(l0, l1, 1, 3, 5, 7);
    const e2 = f32x4.shuffle(e, v128.load32_splat(r, 32), 1, 2, 3, 4);
    // taps b+1 … b+8; the next chunk starts at b+8, so only the first chunk must add tap b as well
    acc = f32x4.add(acc, f32x4.add(o, e2));
    if (first) acc = f32x4.add(acc, e);
    carry = f32x4.pmax(f32x4.pmax(e, o), e2);
    m = f32x4.pmax(m, carry);
  }
  v128.store(d, m);
  // output rows whose two new rows are both inside: the branch-free body
  let oy = 1;
  let r = col + <usize>(2 - ph + 1) * rs;
  for (; oy < oh && 2 * oy - ph + 2 < h; oy++) {
    let a0 = v128.load(r);
    const a1 = v128.load(r, 16);
    let b0 = v128.load(r + rs);
    const b1 = v128.load(r + rs, 16);
    if (left) {
      a0 = f32x4.replace_lane(a0, 0, NEG_INF);
      b0 = f32x4.replace_lane(b0, 0, NEG_INF);
    }
    const ea = f32x4.shuffle(a0, a1, 0, 2, 4, 6);
    const oa = f32x4.shuffle(a0, a1, 1, 3, 5, 7);
    const ea2 = f32x4.shuffle(ea, v128.load32_splat(r, 32), 1, 2, 3, 4);
    const eb = f32x4.shuffle(b0, b1, 0, 2, 4, 6);
    const ob = f32x4.shuffle(b0, b1, 1, 3, 5, 7);
    const eb2 = f32x4.shuffle(eb, v128.load32_splat(r + rs, 32), 1, 2, 3, 4);
    acc = f32x4.add(acc, f32x4.add(f32x4.add(oa, ea2), f32x4.add(ob, eb2)));
    if (first) acc = f32x4.add(acc, f32x4.add(ea, eb));
    const mid = f32x4.pmax(f32x4.pmax(ea, oa), ea2);
    const bot = f32x4.pmax(f32x4.pmax(eb, ob), eb2);
    v128.store(d + <usize>oy * ods, f32x4.pmax(f32x4.pmax(carry, mid), bot));
    carry = bot;
    r += rs << 1;
  }
  // the last output row may have only its middle row inside
  if (oy < oh) {
    const y = 2 * oy - ph + 1;
    m = carry;
    if (y < h) {
      const q = col + <usize>y * rs;
      let l0 = v128.load(q);
      const l1 = v128.load(q, 16);
      if (left) l0 = f32x4.replace_lane(l0, 0, NEG_INF);
      const e = f32x4.shuffle(l0, l1, 0, 2, 4, 6);
      const o = f32x4.shuffle(l0, l1, 1, 3, 5, 7);
      const e2 = f32x4.shuffle(e, v128.load32_splat(q, 32), 1, 2, 3, 4);
      acc = f32x4.add(acc, f32x4.add(o, e2));
      if (first) acc = f32x4.add(acc, e);
      m = f32x4.pmax(m, f32x4.pmax(f32x4.pmax(e, o), e2));
    }
    v128.store(d + <usize>oy * ods, m);
  }
  return acc;
}

/**
 * 3×3 stride 2 max (dilation 1, padding ≤ 1 on each side): the ResNet stem's pooling, read in place (no
 * padded copy), in 4-output column chunks (the last one overlaps its neighbour rather than going scalar).
 * Only output columns whose window runs past the right edge (ceil mode) go scalar. Returns false if a NaN
 * or infinity was read (the caller then redoes the plane by the exact rule).
 */
function max3x3s2Plane(src: usize, h: i32, w: i32, dst: usize, oh: i32, ow: i32, ph: i32, pw: i32): bool {
  const rs = (<usize>w) << 2;
  const ods = (<usize>ow) << 2;
  let acc = f32x4.splat(0);
  let bad = false;
  const last = min<i32>((w - 3 + pw) >> 1, ow - 1); // last output column whose window ends inside the row
  let vecEnd = 0; // columns [0, vecEnd) done by chunks
  if (last >= 3) {
    for (let ox = 0; ; ox += 4) {
      if (ox + 3 > last) ox = last - 3;
      const d = dst + ((<usize>ox) << 2);
      const col = src + ((<usize>(2 * ox)) << 2) - ((<usize>pw) << 2);
      acc = f32x4.add(acc, max3x3s2Chunk(col, rs, h, d, ods, oh, ph, ox == 0 && pw > 0, ox == 0 && pw == 0));
      if (ox + 3 == last) break;
    }
    vecEnd = last + 1;
  }
  for (let c = vecEnd; c < ow; c++) {
    const x0 = 2 * c - pw;
    for (let oy = 0; oy < oh; oy++) {
      const y0 = 2 * oy - ph;
      let m: f32 = NEG_INF;
      for (let y = max<i32>(y0, 0); y < min<i32>(y0 + 3, h); y++) {
        for (let x = max<i32>(x0, 0); x < min<i32>(x0 + 3, w); x++) {
          const v = load<f32>(src + ((<usize>(y * w + x)) << 2));
          if (v - v != 0) bad = true;
          if (v > m) m = v;
        }
      }
      store<f32>(dst + ((<usize>(oy * ow + c)) << 2), m);
    }
  }
  return !bad && !nonFinite(acc);
}

/** The scalar PyTorch rule on an unpadded plane: taps outside it are skipped (−∞ padding never wins). */
function maxPlaneExactInPlace(
  src: usize,
  h: i32,
  w: i32,
  dst: usize,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  ph: i32,
  pw: i32,
): void {
  for (let oy = 0; oy < oh; oy++) {
    const y0 = oy * sh - ph;
    for (let ox = 0; ox < ow; ox++) {
      const x0 = ox * sw - pw;
      let m: f32 = NEG_INF;
      for (let y = max<i32>(y0, 0); y < min<i32>(y0 + kh, h); y++) {
        for (let x = max<i32>(x0, 0); x < min<i32>(x0 + kw, w); x++) {
          const v = load<f32>(src + ((<usize>(y * w + x)) << 2));
          if (v > m || v != v) m = v;
        }
      }
      store<f32>(dst + ((<usize>(oy * ow + ox)) << 2), m);
    }
  }
}

/** 3×3 stride 2 max pooling of `planes` planes (padding ph, pw ≤ 1, dilation 1), in place. */
export function maxPool3x3s2(
  src: usize,
  dst: usize,
  planes: i32,
  h: i32,
  w: i32,
  oh: i32,
  ow: i32,
  ph: i32,
  pw: i32,
): void {
  const inPlane = (<usize>(h * w)) << 2;
  const outPlane = (<usize>(oh * ow)) << 2;
  for (let p = 0; p < planes; p++) {
    const s = src + <usize>p * inPlane;
    const d = dst + <usize>p * outPlane;
    if (!max3x3s2Plane(s, h, w, d, oh, ow, ph, pw)) maxPlaneExactInPlace(s, h, w, d, oh, ow, 3, 3, 2, 2, ph, pw);
  }
}

/**
 * Max pooling of `planes` planes. Input plane: h×w at src (plane stride h·w). If `scratch` is non-zero the
 * plane is first padded into it (hp×wp, top/left, −∞), else windows are read in place (row stride w).
 */
export function maxPool2d(
  src: usize,
  dst: usize,
  planes: i32,
  h: i32,
  w: i32,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  scratch: usize,
  hp: i32,
  wp: i32,
  top: i32,
  left: i32,
): void {
  const inPlane = (<usize>(h * w)) << 2;
  const outPlane = (<usize>(oh * ow)) << 2;
  const fast2x2 = scratch == 0 && kh == 2 && kw == 2 && sh == 2 && sw == 2 && dh == 1 && dw == 1;
  const limit = prefetchLimit(src, <usize>planes * inPlane);
  for (let p = 0; p < planes; p++) {
    let s = src + <usize>p * inPlane;
    let rs = w;
    const d = dst + <usize>p * outPlane;
    if (scratch != 0) {
      padPlane(s, scratch, h, w, hp, wp, top, left, NEG_INF);
      s = scratch;
      rs = wp;
    }
    const ok = fast2x2 ? max2x2s2Plane(s, w, d, oh, ow, limit) : maxPlane(s, rs, d, oh, ow, kh, kw, sh, sw, dh, dw);
    if (!ok) maxPlaneExact(s, rs, d, oh, ow, kh, kw, sh, sw, dh, dw);
  }
}

/** Max with PyTorch's indices (flat within the unpadded plane), both written as float32. Scalar, exact. */
export function maxPool2dIndices(
  src: usize,
  dst: usize,
  idx: usize,
  planes: i32,
  h: i32,
  w: i32,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  ph: i32,
  pw: i32,
  dh: i32,
  dw: i32,
): void {
  for (let p = 0; p < planes; p++) {
    const s = src + ((<usize>(p * h * w)) << 2);
    const o = (<usize>(p * oh * ow)) << 2;
    for (let oy = 0; oy < oh; oy++) {
      const ys = oy * sh - ph;
      for (let ox = 0; ox < ow; ox++) {
        const xs = ox * sw - pw;
        let m: f32 = NEG_INF;
        let bi = -1;
        for (let ky = 0; ky < kh; ky++) {
          const y = ys + ky * dh;
          if (y < 0 || y >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const x = xs + kx * dw;
            if (x < 0 || x >= w) continue;
            const v = load<f32>(s + ((<usize>(y * w + x)) << 2));
            if (bi < 0) bi = y * w + x;
            if (v > m || v != v) {
              m = v;
              bi = y * w + x;
            }
          }
        }
        const at = o + ((<usize>(oy * ow + ox)) << 2);
        store<f32>(dst + at, m);
        store<f32>(idx + at, <f32>bi);
      }
    }
  }
}

function avgPlane(
  src: usize,
  rs: i32,
  dst: usize,
  div: usize,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
): void {
  const ow4 = ow & ~3;
  for (let oy = 0; oy < oh; oy++) {
    const o = (<usize>(oy * ow)) << 2;
    const y0 = oy * sh;
    let ox = 0;
    for (; ox < ow4; ox += 4) {
      let s = f32x4.splat(0);
      for (let ky = 0; ky < kh; ky++) {
        const row = src + ((<usize>((y0 + ky) * rs)) << 2);
        for (let kx = 0; kx < kw; kx++) s = f32x4.add(s, gather(row, ox * sw + kx, sw));
      }
      const at = o + ((<usize>ox) << 2);
      v128.store(dst + at, f32x4.div(s, v128.load(div + at)));
    }
    for (; ox < ow; ox++) {
      let s: f32 = 0;
      for (let ky = 0; ky < kh; ky++) {
        const row = src + ((<usize>((y0 + ky) * rs)) << 2);
        for (let kx = 0; kx < kw; kx++) s += load<f32>(row + ((<usize>(ox * sw + kx)) << 2));
      }
      const at = o + ((<usize>ox) << 2);
      store<f32>(dst + at, s / load<f32>(div + at));
    }
  }
}

/** 2×2 stride 2 average, no padding, every divisor 4 (memory-bound). */
function avg2x2s2Plane(src: usize, w: i32, dst: usize, oh: i32, ow: i32, limit: usize): void {
  const ow8 = ow & ~7;
  const q = f32x4.splat(0.25); // x / 4 and x · 0.25 are the same float
  const pair = (<usize>w) << 3;
  for (let oy = 0; oy < oh; oy++) {
    let r0 = src + ((<usize>(2 * oy * w)) << 2);
    let r1 = r0 + ((<usize>w) << 2);
    touch(r0 + 2 * pair, pair, limit);
    let d = dst + ((<usize>(oy * ow)) << 2);
    const end = d + ((<usize>ow8) << 2);
    // column sums first (two shuffles instead of four); float32 rounding stays within a few ulps
    while (d < end) {
      const v0 = f32x4.add(v128.load(r0), v128.load(r1));
      const v1 = f32x4.add(v128.load(r0, 16), v128.load(r1, 16));
      const v2 = f32x4.add(v128.load(r0, 32), v128.load(r1, 32));
      const v3 = f32x4.add(v128.load(r0, 48), v128.load(r1, 48));
      const s0 = f32x4.add(f32x4.shuffle(v0, v1, 0, 2, 4, 6), f32x4.shuffle(v0, v1, 1, 3, 5, 7));
      const s1 = f32x4.add(f32x4.shuffle(v2, v3, 0, 2, 4, 6), f32x4.shuffle(v2, v3, 1, 3, 5, 7));
      v128.store(d, f32x4.mul(s0, q));
      v128.store(d, f32x4.mul(s1, q), 16);
      r0 += 64;
      r1 += 64;
      d += 32;
    }
    // the tail: 4-output vectors, the last one overlapping its neighbour (same sums, so same values)
    let ox = ow8;
    while (ox < ow && ow >= 4) {
      if (ox + 4 > ow) ox = ow - 4;
      const p = src + ((<usize>(2 * oy * w + 2 * ox)) << 2);
      const pw = p + ((<usize>w) << 2);
      const v0 = f32x4.add(v128.load(p), v128.load(pw));
      const v1 = f32x4.add(v128.load(p, 16), v128.load(pw, 16));
      const sum = f32x4.add(f32x4.shuffle(v0, v1, 0, 2, 4, 6), f32x4.shuffle(v0, v1, 1, 3, 5, 7));
      v128.store(dst + ((<usize>(oy * ow + ox)) << 2), f32x4.mul(sum, q));
      ox += 4;
    }
    for (; ox < ow; ox++) {
      const c = src + ((<usize>(2 * oy * w + 2 * ox)) << 2);
      const cw = c + ((<usize>w) << 2);
      const sum = load<f32>(c) + load<f32>(cw) + (load<f32>(c, 4) + load<f32>(cw, 4));
      store<f32>(dst + ((<usize>(oy * ow + ox)) << 2), sum * 0.25);
    }
  }
}

/**
 * Average pooling of `planes` planes: sums in scan order (padding adds 0), divided by div[o] (a plane of
 * float32 divisors; a 0 divisor gives 0, as an empty window). `fast4` says every divisor is 4 (2×2/s2 path).
 */
export function avgPool2d(
  src: usize,
  dst: usize,
  div: usize,
  planes: i32,
  h: i32,
  w: i32,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  scratch: usize,
  hp: i32,
  wp: i32,
  top: i32,
  left: i32,
  fast4: bool,
  hasZero: bool,
): void {
  const inPlane = (<usize>(h * w)) << 2;
  const outPlane = (<usize>(oh * ow)) << 2;
  const fast = fast4 && scratch == 0 && kh == 2 && kw == 2 && sh == 2 && sw == 2;
  const limit = prefetchLimit(src, <usize>planes * inPlane);
  for (let p = 0; p < planes; p++) {
    let s = src + <usize>p * inPlane;
    let rs = w;
    const d = dst + <usize>p * outPlane;
    if (scratch != 0) {
      padPlane(s, scratch, h, w, hp, wp, top, left, 0);
      s = scratch;
      rs = wp;
    }
    if (fast) avg2x2s2Plane(s, w, d, oh, ow, limit);
    else avgPlane(s, rs, d, div, oh, ow, kh, kw, sh, sw);
    if (hasZero) {
      for (let o = 0; o < oh * ow; o++) {
        if (load<f32>(div + ((<usize>o) << 2)) == 0) store<f32>(d + ((<usize>o) << 2), 0);
      }
    }
  }
}

// ---- bins (adaptive, SPP, global): per-axis [start, end) ranges, channels first ----

/**
 * Max (mode 0) or mean (mode 1, divided by div[o]) over the rectangular bins of one plane: bin (i, j) covers
 * rows [hs[i], he[i]) and columns [ws[j], we[j]) (int32 arrays). Per bin row band the rows are reduced
 * column-wise with SIMD into `tmp` (w floats + 4), then each bin reduces its columns. Returns the NaN/Inf
 * detector (the sum of every value read; max only).
 */
function binsPlane(
  s: usize,
  w: i32,
  d: usize,
  div: usize,
  nh: i32,
  nw: i32,
  hs: usize,
  he: usize,
  ws: usize,
  we: usize,
  mode: i32,
  tmp: usize,
): v128 {
  const w4 = w & ~3;
  let acc = f32x4.splat(0);
  for (let i = 0; i < nh; i++) {
    const y0 = load<i32>(hs + ((<usize>i) << 2));
    const y1 = load<i32>(he + ((<usize>i) << 2));
    // column reduction of rows [y0, y1) into tmp
    let x = 0;
    for (; x < w4; x += 4) {
      let r = v128.load(s + ((<usize>(y0 * w + x)) << 2));
      acc = f32x4.add(acc, r);
      for (let y = y0 + 1; y < y1; y++) {
        const v = v128.load(s + ((<usize>(y * w + x)) << 2));
        acc = f32x4.add(acc, v);
        r = mode == 0 ? f32x4.pmax(r, v) : f32x4.add(r, v);
      }
      v128.store(tmp + ((<usize>x) << 2), r);
    }
    if (x < w && w >= 4) x = w - 4; // an overlapping last vector instead of a scalar tail
    for (; x + 4 <= w; x += 4) {
      let r = v128.load(s + ((<usize>(y0 * w + x)) << 2));
      acc = f32x4.add(acc, r);
      for (let y = y0 + 1; y < y1; y++) {
        const v = v128.load(s + ((<usize>(y * w + x)) << 2));
        acc = f32x4.add(acc, v);
        r = mode == 0 ? f32x4.pmax(r, v) : f32x4.add(r, v);
      }
      v128.store(tmp + ((<usize>x) << 2), r);
    }
    for (; x < w; x++) {
      let r = load<f32>(s + ((<usize>(y0 * w + x)) << 2));
      if (r - r != 0) acc = f32x4.splat(NaN);
      for (let y = y0 + 1; y < y1; y++) {
        const v = load<f32>(s + ((<usize>(y * w + x)) << 2));
        if (v - v != 0) acc = f32x4.splat(NaN);
        r = mode == 0 ? (v > r ? v : r) : r + v;
      }
      store<f32>(tmp + ((<usize>x) << 2), r);
    }
    for (let j = 0; j < nw; j++) {
      const x0 = load<i32>(ws + ((<usize>j) << 2));
      const x1 = load<i32>(we + ((<usize>j) << 2));
      const o = (<usize>(i * nw + j)) << 2;
      if (mode == 0 && x1 - x0 >= 4) {
        // vectors over the bin's columns (the last one overlapping), then across lanes
        let m = v128.load(tmp + ((<usize>x0) << 2));
        let xx = x0 + 4;
        for (; xx + 4 <= x1; xx += 4) m = f32x4.pmax(m, v128.load(tmp + ((<usize>xx) << 2)));
        if (xx < x1) m = f32x4.pmax(m, v128.load(tmp + ((<usize>(x1 - 4)) << 2)));
        m = f32x4.pmax(m, f32x4.shuffle(m, m, 2, 3, 0, 1));
        m = f32x4.pmax(m, f32x4.shuffle(m, m, 1, 0, 3, 2));
        store<f32>(d + o, f32x4.extract_lane(m, 0));
      } else if (mode == 0) {
        // narrow bins: splat + pmax, branch-free (a data-dependent branch mispredicts on real data)
        let m = v128.load32_splat(tmp + ((<usize>x0) << 2));
        for (let xx = x0 + 1; xx < x1; xx++) m = f32x4.pmax(m, v128.load32_splat(tmp + ((<usize>xx) << 2)));
        store<f32>(d + o, f32x4.extract_lane(m, 0));
      } else {
        let sum: f32 = 0;
        for (let xx = x0; xx < x1; xx++) sum += load<f32>(tmp + ((<usize>xx) << 2));
        store<f32>(d + o, sum / load<f32>(div + o));
      }
    }
  }
  return acc;
}

/**
 * Max or mean over rectangular bins of every plane (see binsPlane). With idx ≠ 0 (max only) the scalar
 * PyTorch rule runs and writes the per-plane flat indices as float32.
 */
export function binsPool2d(
  src: usize,
  dst: usize,
  idx: usize,
  div: usize,
  planes: i32,
  h: i32,
  w: i32,
  nh: i32,
  nw: i32,
  hs: usize,
  he: usize,
  ws: usize,
  we: usize,
  mode: i32,
  tmp: usize,
): void {
  const inPlane = (<usize>(h * w)) << 2;
  const outPlane = (<usize>(nh * nw)) << 2;
  for (let p = 0; p < planes; p++) {
    const s = src + <usize>p * inPlane;
    const d = dst + <usize>p * outPlane;
    if (idx != 0) {
      binsMaxExact(s, w, d, idx + <usize>p * outPlane, nh, nw, hs, he, ws, we);
      continue;
    }
    const acc = binsPlane(s, w, d, div, nh, nw, hs, he, ws, we, mode, tmp);
    if (mode == 0 && nonFinite(acc)) binsMaxExact(s, w, d, 0, nh, nw, hs, he, ws, we);
  }
}

/** Words per level in sppPool's table. */
const SPP_WORDS = 10;

/**
 * Spatial pyramid pooling of planes [first, first + planes) straight into the (N, C·Σ bins) output: for
 * each plane every level in table order. A level entry (SPP_WORDS int32) is nh, nw, the bins of the levels
 * before it in the output (its offset in a sample's row is that times c), the parent's entry (−1: none), then
 * word offsets (into the table) of hs, he, ws, we and the divisors (−1: none). Built by src/backend/wasm/sppTable.ts.
 * A level with parent ≥ 0 (max only) is the max over blocks of kh×kw of that earlier level's bins: the
 * caller checked its bins are exact unions of the parent's, so no input is read again; exact, because the
 * parent's values already follow the NaN rule. `tmp` holds w + 4 floats and then one byte per level.
 */
export function sppPool(
  src: usize,
  dst: usize,
  first: i32,
  planes: i32,
  c: i32,
  h: i32,
  w: i32,
  perSample: i32,
  levels: i32,
  table: usize,
  mode: i32,
  tmp: usize,
): void {
  const inPlane = (<usize>(h * w)) << 2;
  // per level of the current plane: whether its values are all finite (derived levels may then use pmax)
  const finite = tmp + ((<usize>(w + 4)) << 2);
  for (let p = first; p < first + planes; p++) {
    const s = src + <usize>p * inPlane;
    const b = p / c;
    const ch = p % c;
    const row = dst + ((<usize>(b * perSample)) << 2);
    for (let l = 0; l < levels; l++) {
      const e = table + ((<usize>(l * SPP_WORDS)) << 2);
      const nh = load<i32>(e);
      const nw = load<i32>(e, 4);
      const d = row + ((<usize>(load<i32>(e, 8) * c + ch * nh * nw)) << 2);
      const parent = load<i32>(e, 12);
      if (parent >= 0) {
        const pe = table + ((<usize>(parent * SPP_WORDS)) << 2);
        const pnh = load<i32>(pe);
        const pnw = load<i32>(pe, 4);
        const pd = row + ((<usize>(load<i32>(pe, 8) * c + ch * pnh * pnw)) << 2);
        const kh = pnh / nh;
        const kw = pnw / nw;
        const exact = !load<bool>(finite + <usize>parent);
        for (let i = 0; i < nh; i++) {
          for (let j = 0; j < nw; j++) {
            let m: f32 = NEG_INF;
            let mv = f32x4.splat(NEG_INF);
            for (let y = i * kh; y < (i + 1) * kh; y++) {
              for (let x = j * kw; x < (j + 1) * kw; x++) {
                const at = pd + ((<usize>(y * pnw + x)) << 2);
                if (exact) {
                  const v = load<f32>(at);
                  if (v > m || v != v) m = v;
                } else mv = f32x4.pmax(mv, v128.load32_splat(at));
              }
            }
            store<f32>(d + ((<usize>(i * nw + j)) << 2), exact ? m : f32x4.extract_lane(mv, 0));
          }
        }
        store<bool>(finite + <usize>l, !exact);
        continue;
      }
      const hs = table + ((<usize>load<i32>(e, 16)) << 2);
      const he = table + ((<usize>load<i32>(e, 20)) << 2);
      const ws = table + ((<usize>load<i32>(e, 24)) << 2);
      const we = table + ((<usize>load<i32>(e, 28)) << 2);
      const dv = load<i32>(e, 32);
      const div: usize = dv < 0 ? 0 : table + ((<usize>dv) << 2);
      const acc = binsPlane(s, w, d, div, nh, nw, hs, he, ws, we, mode, tmp);
      const bad = mode == 0 && nonFinite(acc);
      if (bad) binsMaxExact(s, w, d, 0, nh, nw, hs, he, ws, we);
      store<bool>(finite + <usize>l, !bad);
    }
  }
}

function binsMaxExact(
  s: usize,
  w: i32,
  d: usize,
  ix: usize,
  nh: i32,
  nw: i32,
  hs: usize,
  he: usize,
  ws: usize,
  we: usize,
): void {
  for (let i = 0; i < nh; i++) {
    const y0 = load<i32>(hs + ((<usize>i) << 2));
    const y1 = load<i32>(he + ((<usize>i) << 2));
    for (let j = 0; j < nw; j++) {
      const x0 = load<i32>(ws + ((<usize>j) << 2));
      const x1 = load<i32>(we + ((<usize>j) << 2));
      let m: f32 = NEG_INF;
      let bi = y0 * w + x0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const v = load<f32>(s + ((<usize>(y * w + x)) << 2));
          if (v > m || v != v) {
            m = v;
            bi = y * w + x;
          }
        }
      }
      const o = (<usize>(i * nw + j)) << 2;
      store<f32>(d + o, m);
      if (ix != 0) store<f32>(ix + o, <f32>bi);
    }
  }
}

/** Mean (mode 1) or max (mode 0) of each contiguous plane of n values: global pooling. */
export function planeReduce(src: usize, dst: usize, planes: i32, n: i32, mode: i32): void {
  const n4 = n & ~3;
  for (let p = 0; p < planes; p++) {
    const s = src + ((<usize>(p * n)) << 2);
    let r: f32;
    if (mode == 1) {
      let v = f32x4.splat(0);
      let i = 0;
      for (; i < n4; i += 4) v = f32x4.add(v, v128.load(s + ((<usize>i) << 2)));
      r = f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
      for (; i < n; i++) r += load<f32>(s + ((<usize>i) << 2));
      r = r / <f32>n;
    } else {
      let v = f32x4.splat(NEG_INF);
      let acc = f32x4.splat(0);
      let i = 0;
      for (; i < n4; i += 4) {
        const x = v128.load(s + ((<usize>i) << 2));
        acc = f32x4.add(acc, x);
        v = f32x4.pmax(v, x);
      }
      r = max<f32>(
        max<f32>(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)),
        max<f32>(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)),
      );
      let bad = nonFinite(acc);
      for (; i < n; i++) {
        const x = load<f32>(s + ((<usize>i) << 2));
        if (x - x != 0) bad = true;
        if (x > r) r = x;
      }
      if (bad) {
        r = NEG_INF;
        for (let j = 0; j < n; j++) {
          const x = load<f32>(s + ((<usize>j) << 2));
          if (x > r || x != x) r = x;
        }
      }
    }
    store<f32>(dst + ((<usize>p) << 2), r);
  }
}

// ---- channels last (NHWC): every tap is a contiguous run of C channels, so SIMD runs over channels ----

/**
 * Max (mode 0) or mean (mode 1, divided by div[oy·ow+ox]) pooling of n images h×w×c into oh×ow×c, with
 * explicit padding (taps outside the input are skipped). The NaN rule is kept per output vector.
 */
export function pool2dNhwc(
  src: usize,
  dst: usize,
  div: usize,
  n: i32,
  h: i32,
  w: i32,
  c: i32,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  ph: i32,
  pw: i32,
  dh: i32,
  dw: i32,
  mode: i32,
): void {
  const c4 = c & ~3;
  for (let b = 0; b < n; b++) {
    const s = src + ((<usize>(b * h * w * c)) << 2);
    const d = dst + ((<usize>(b * oh * ow * c)) << 2);
    for (let oy = 0; oy < oh; oy++) {
      const ys = oy * sh - ph;
      for (let ox = 0; ox < ow; ox++) {
        const xs = ox * sw - pw;
        const o = d + ((<usize>((oy * ow + ox) * c)) << 2);
        const dv = mode == 1 ? load<f32>(div + ((<usize>(oy * ow + ox)) << 2)) : <f32>1;
        let ch = 0;
        for (; ch < c4; ch += 4) {
          let m = f32x4.splat(mode == 0 ? NEG_INF : 0);
          let nan = f32x4.splat(0);
          for (let ky = 0; ky < kh; ky++) {
            const y = ys + ky * dh;
            if (y < 0 || y >= h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const x = xs + kx * dw;
              if (x < 0 || x >= w) continue;
              const v = v128.load(s + ((<usize>((y * w + x) * c + ch)) << 2));
              if (mode == 0) {
                nan = v128.or(nan, f32x4.ne(v, v));
                m = f32x4.pmax(m, v);
              } else m = f32x4.add(m, v);
            }
          }
          if (mode == 0) m = v128.bitselect(f32x4.splat(NaN), m, nan);
          else m = dv == 0 ? f32x4.splat(0) : f32x4.div(m, f32x4.splat(dv));
          v128.store(o + ((<usize>ch) << 2), m);
        }
        for (; ch < c; ch++) {
          let m: f32 = mode == 0 ? NEG_INF : 0;
          for (let ky = 0; ky < kh; ky++) {
            const y = ys + ky * dh;
            if (y < 0 || y >= h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const x = xs + kx * dw;
              if (x < 0 || x >= w) continue;
              const v = load<f32>(s + ((<usize>((y * w + x) * c + ch)) << 2));
              if (mode == 0) {
                if (v > m || v != v) m = v;
              } else m += v;
            }
          }
          if (mode == 1) m = dv == 0 ? 0 : m / dv;
          store<f32>(o + ((<usize>ch) << 2), m);
        }
      }
    }
  }
}

// ---- 2-d convolution (cross-correlation), column stride 1, groups 1 ----
// Not pooling, but the CNN stage a notebook builds around it (conv2d → relu → pool): in plain TypeScript the
// convolution was ~30× TF.js's XNNPACK and dominated the stage. Float32 sums in (ic, i, j) order per output.

/**
 * Lays the weights (cout, cin, kh, kw) out for conv2dTiles: per block of 4 output channels, per (ic, i, j),
 * one vector of the 4 channels' weights (16 bytes); channels past cout get zeros.
 */
export function convPackWeights(w: usize, dst: usize, cout: i32, cin: i32, taps: i32): void {
  const blocks = (cout + 3) >> 2;
  let q = dst;
  for (let b = 0; b < blocks; b++) {
    for (let t = 0; t < cin * taps; t++) {
      for (let k = 0; k < 4; k++) {
        const oc = b * 4 + k;
        store<f32>(q, oc < cout ? load<f32>(w + ((<usize>(oc * cin * taps + t)) << 2)) : 0);
        q += 4;
      }
    }
  }
}

/**
 * Output rows [r0, r1) of every output channel, for one sample whose cin planes are already zero-padded
 * (hp×wp each at xp). Output channels are taken 4 at a time and columns 8 at a time (8 accumulators), so a
 * tap's 2 input vectors serve 4 channels; dst holds ceil(cout/4)·4 planes of oh×owp (owp = ceil(ow/8)·8).
 * bias: 0 or ceil(cout/4)·4 floats.
 */
export function conv2dTiles(
  xp: usize,
  wpack: usize,
  bias: usize,
  dst: usize,
  cin: i32,
  coutp: i32,
  hp: i32,
  wp: i32,
  oh: i32,
  owp: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  dh: i32,
  dw: i32,
  r0: i32,
  r1: i32,
): void {
  const planeIn = (<usize>(hp * wp)) << 2;
  const planeOut = (<usize>(oh * owp)) << 2;
  const rowIn = (<usize>wp) << 2;
  const taps = kh * kw;
  const blockW = (<usize>(cin * taps)) << 4;
  for (let b = 0; b < coutp >> 2; b++) {
    const wb = wpack + <usize>b * blockW;
    let b0 = f32x4.splat(0);
    let b1 = b0;
    let b2 = b0;
    let b3 = b0;
    if (bias != 0) {
      const bp = bias + ((<usize>(b * 4)) << 2);
      b0 = v128.load32_splat(bp);
      b1 = v128.load32_splat(bp + 4);
      b2 = v128.load32_splat(bp + 8);
      b3 = v128.load32_splat(bp + 12);
    }
    const d0 = dst + <usize>(b * 4) * planeOut;
    for (let r = r0; r < r1; r++) {
      const rowBase = xp + <usize>(r * sh) * rowIn;
      const drow = d0 + ((<usize>(r * owp)) << 2);
      for (let s = 0; s < owp; s += 8) {
        let a0 = b0;
        let a1 = b0;
        let a2 = b1;
        let a3 = b1;
        let a4 = b2;
        let a5 = b2;
        let a6 = b3;
        let a7 = b3;
        let wq = wb;
        for (let ic = 0; ic < cin; ic++) {
          const pc = rowBase + <usize>ic * planeIn + ((<usize>s) << 2);
          for (let i = 0; i < kh; i++) {
            const pr = pc + <usize>(i * dh) * rowIn;
            for (let j = 0; j < kw; j++) {
              const p = pr + ((<usize>(j * dw)) << 2);
              const x0 = v128.load(p);
              const x1 = v128.load(p, 16);
              // one load for the 4 channels' weights, each lane splatted in a register: the block's weights
              // (cin·taps·16 bytes, 9 KiB for 64×3×3) then stay in L1, where 4 splatted copies did not
              const wv = v128.load(wq);
              let w = i32x4.shuffle(wv, wv, 0, 0, 0, 0);
              a0 = f32x4.add(a0, f32x4.mul(x0, w));
              a1 = f32x4.add(a1, f32x4.mul(x1, w));
              w = i32x4.shuffle(wv, wv, 1, 1, 1, 1);
              a2 = f32x4.add(a2, f32x4.mul(x0, w));
              a3 = f32x4.add(a3, f32x4.mul(x1, w));
              w = i32x4.shuffle(wv, wv, 2, 2, 2, 2);
              a4 = f32x4.add(a4, f32x4.mul(x0, w));
              a5 = f32x4.add(a5, f32x4.mul(x1, w));
              w = i32x4.shuffle(wv, wv, 3, 3, 3, 3);
              a6 = f32x4.add(a6, f32x4.mul(x0, w));
              a7 = f32x4.add(a7, f32x4.mul(x1, w));
              wq += 16;
            }
          }
        }
        const o = drow + ((<usize>s) << 2);
        v128.store(o, a0);
        v128.store(o, a1, 16);
        v128.store(o + planeOut, a2);
        v128.store(o + planeOut, a3, 16);
        v128.store(o + 2 * planeOut, a4);
        v128.store(o + 2 * planeOut, a5, 16);
        v128.store(o + 3 * planeOut, a6);
        v128.store(o + 3 * planeOut, a7, 16);
      }
    }
  }
}

/**
 * max(x, 0) of n floats, NaN and −0 kept as they are (as `v < 0 ? 0 : v`): the values below 0 are masked to
 * +0. Branch-free: in JS, the branch on random signs cost ~10 ns a value in mispredictions.
 */
export function relu(src: usize, dst: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    const v = v128.load(src + o);
    v128.store(dst + o, v128.andnot(v, f32x4.lt(v, zero)));
  }
  for (; i < n; i++) {
    const v = load<f32>(src + ((<usize>i) << 2));
    store<f32>(dst + ((<usize>i) << 2), v < 0 ? 0 : v);
  }
}

// ---- conv2d 3×3, stride 1, dilation 1 by Winograd F(2×2, 3×3) ----
// Each 2×2 output tile from a 4×4 input patch with 16 products per (input, output) channel pair instead of 36
// (Lavin & Gray 2016): the transforms cost O(tiles·channels), the 16 channel GEMMs the rest. Sums are float32;
// against the direct sum the error is a few float32 roundings of the patch's magnitude.

/** Row r of U = (G g) Gᵀ from row r of G g: 4 values, one per ξ = 4r + j, each `xi` bytes apart. */
function winoRow(dst: usize, xi: usize, r: i32, a0: f32, a1: f32, a2: f32): void {
  store<f32>(dst + <usize>(r * 4) * xi, a0);
  store<f32>(dst + <usize>(r * 4 + 1) * xi, (a0 + a1 + a2) * 0.5);
  store<f32>(dst + <usize>(r * 4 + 2) * xi, (a0 - a1 + a2) * 0.5);
  store<f32>(dst + <usize>(r * 4 + 3) * xi, a2);
}

/**
 * U = G g Gᵀ of every 3×3 filter (cout, cin, 3, 3) into U[ξ][ic][oc] (16 positions ξ, oc padded to coutp with
 * zeros), so the GEMM reads 8 output channels as 2 vectors.
 */
export function winoWeights(w: usize, u: usize, cout: i32, cin: i32, coutp: i32): void {
  const xi = (<usize>(cin * coutp)) << 2;
  memory.fill(u, 0, xi * 16);
  for (let oc = 0; oc < cout; oc++) {
    for (let ic = 0; ic < cin; ic++) {
      const g = w + ((<usize>((oc * cin + ic) * 9)) << 2);
      const dst = u + ((<usize>(ic * coutp + oc)) << 2);
      const g00 = load<f32>(g, 0),
        g01 = load<f32>(g, 4),
        g02 = load<f32>(g, 8);
      const g10 = load<f32>(g, 12),
        g11 = load<f32>(g, 16),
        g12 = load<f32>(g, 20);
      const g20 = load<f32>(g, 24),
        g21 = load<f32>(g, 28),
        g22 = load<f32>(g, 32);
      winoRow(dst, xi, 0, g00, g01, g02);
      winoRow(dst, xi, 1, (g00 + g10 + g20) * 0.5, (g01 + g11 + g21) * 0.5, (g02 + g12 + g22) * 0.5);
      winoRow(dst, xi, 2, (g00 - g10 + g20) * 0.5, (g01 - g11 + g21) * 0.5, (g02 - g12 + g22) * 0.5);
      winoRow(dst, xi, 3, g20, g21, g22);
    }
  }
}

/**
 * V = Bᵀ d B of every 4×4 patch of the zero-padded planes xp (cin planes hp×wp; tile (ty, tx) starts at row
 * 2ty, column 2tx) into V[ξ][ic][t] (t = ty·tw + tx, tw a multiple of 4), 4 tiles of a row at a time: a patch
 * row of 4 tiles is columns 2tx … 2tx+9, split into even and odd lanes.
 */
export function winoInput(xp: usize, v: usize, cin: i32, hp: i32, wp: i32, th: i32, tw: i32): void {
  const tiles = th * tw;
  const xi = (<usize>(cin * tiles)) << 2;
  for (let ic = 0; ic < cin; ic++) {
    const plane = xp + ((<usize>(ic * hp * wp)) << 2);
    const vrow = v + ((<usize>(ic * tiles)) << 2);
    for (let ty = 0; ty < th; ty++) {
      for (let tx = 0; tx < tw; tx += 4) {
        const p = plane + ((<usize>(2 * ty * wp + 2 * tx)) << 2);
        const rs = (<usize>wp) << 2;
        // d[r][c] for the 4 tiles: row r, columns 2k + c
        let e0 = v128.load(p),
          e1 = v128.load(p, 16),
          f0 = v128.load(p, 8),
          f1 = v128.load(p, 24);
        const d00 = i32x4.shuffle(e0, e1, 0, 2, 4, 6),
          d01 = i32x4.shuffle(e0, e1, 1, 3, 5, 7);
        const d02 = i32x4.shuffle(f0, f1, 0, 2, 4, 6),
          d03 = i32x4.shuffle(f0, f1, 1, 3, 5, 7);
        e0 = v128.load(p + rs);
        e1 = v128.load(p + rs, 16);
        f0 = v128.load(p + rs, 8);
        f1 = v128.load(p + rs, 24);
        const d10 = i32x4.shuffle(e0, e1, 0, 2, 4, 6),
          d11 = i32x4.shuffle(e0, e1, 1, 3, 5, 7);
        const d12 = i32x4.shuffle(f0, f1, 0, 2, 4, 6),
          d13 = i32x4.shuffle(f0, f1, 1, 3, 5, 7);
        e0 = v128.load(p + 2 * rs);
        e1 = v128.load(p + 2 * rs, 16);
        f0 = v128.load(p + 2 * rs, 8);
        f1 = v128.load(p + 2 * rs, 24);
        const d20 = i32x4.shuffle(e0, e1, 0, 2, 4, 6),
          d21 = i32x4.shuffle(e0, e1, 1, 3, 5, 7);
        const d22 = i32x4.shuffle(f0, f1, 0, 2, 4, 6),
          d23 = i32x4.shuffle(f0, f1, 1, 3, 5, 7);
        e0 = v128.load(p + 3 * rs);
        e1 = v128.load(p + 3 * rs, 16);
        f0 = v128.load(p + 3 * rs, 8);
        f1 = v128.load(p + 3 * rs, 24);
        const d30 = i32x4.shuffle(e0, e1, 0, 2, 4, 6),
          d31 = i32x4.shuffle(e0, e1, 1, 3, 5, 7);
        const d32 = i32x4.shuffle(f0, f1, 0, 2, 4, 6),
          d33 = i32x4.shuffle(f0, f1, 1, 3, 5, 7);
        // Bᵀ d: rows d0 − d2, d1 + d2, d2 − d1, d1 − d3
        const r00 = f32x4.sub(d00, d20),
          r01 = f32x4.sub(d01, d21),
          r02 = f32x4.sub(d02, d22),
          r03 = f32x4.sub(d03, d23);
        const r10 = f32x4.add(d10, d20),
          r11 = f32x4.add(d11, d21),
          r12 = f32x4.add(d12, d22),
          r13 = f32x4.add(d13, d23);
        const r20 = f32x4.sub(d20, d10),
          r21 = f32x4.sub(d21, d11),
          r22 = f32x4.sub(d22, d12),
          r23 = f32x4.sub(d23, d13);
        const r30 = f32x4.sub(d10, d30),
          r31 = f32x4.sub(d11, d31),
          r32 = f32x4.sub(d12, d32),
          r33 = f32x4.sub(d13, d33);
        const q = vrow + ((<usize>(ty * tw + tx)) << 2);
        // (Bᵀ d) B per row: c0 − c2, c1 + c2, c2 − c1, c1 − c3
        v128.store(q, f32x4.sub(r00, r02));
        v128.store(q + xi, f32x4.add(r01, r02));
        v128.store(q + 2 * xi, f32x4.sub(r02, r01));
        v128.store(q + 3 * xi, f32x4.sub(r01, r03));
        v128.store(q + 4 * xi, f32x4.sub(r10, r12));
        v128.store(q + 5 * xi, f32x4.add(r11, r12));
        v128.store(q + 6 * xi, f32x4.sub(r12, r11));
        v128.store(q + 7 * xi, f32x4.sub(r11, r13));
        v128.store(q + 8 * xi, f32x4.sub(r20, r22));
        v128.store(q + 9 * xi, f32x4.add(r21, r22));
        v128.store(q + 10 * xi, f32x4.sub(r22, r21));
        v128.store(q + 11 * xi, f32x4.sub(r21, r23));
        v128.store(q + 12 * xi, f32x4.sub(r30, r32));
        v128.store(q + 13 * xi, f32x4.add(r31, r32));
        v128.store(q + 14 * xi, f32x4.sub(r32, r31));
        v128.store(q + 15 * xi, f32x4.sub(r31, r33));
      }
    }
  }
}

/**
 * M[ξ][t][oc] = Σ_ic V[ξ][ic][t] · U[ξ][ic][oc] for the 16 ξ: 4 tiles × 8 output channels of accumulators, the
 * 4 tiles' V values one vector splatted lane by lane (as the direct kernel's weights).
 */
export function winoGemm(v: usize, u: usize, m: usize, cin: i32, tiles: i32, coutp: i32): void {
  const vxi = (<usize>(cin * tiles)) << 2;
  const uxi = (<usize>(cin * coutp)) << 2;
  const mxi = (<usize>(tiles * coutp)) << 2;
  const vic = (<usize>tiles) << 2;
  const uic = (<usize>coutp) << 2;
  const mt = (<usize>coutp) << 2;
  for (let x = 0; x < 16; x++) {
    const vx = v + <usize>x * vxi;
    const ux = u + <usize>x * uxi;
    const mx = m + <usize>x * mxi;
    for (let oc = 0; oc < coutp; oc += 8) {
      for (let t = 0; t < tiles; t += 4) {
        let a0 = f32x4.splat(0),
          a1 = a0,
          a2 = a0,
          a3 = a0,
          a4 = a0,
          a5 = a0,
          a6 = a0,
          a7 = a0;
        let pv = vx + ((<usize>t) << 2);
        let pu = ux + ((<usize>oc) << 2);
        for (let ic = 0; ic < cin; ic++) {
          const u0 = v128.load(pu);
          const u1 = v128.load(pu, 16);
          const vv = v128.load(pv);
          let s = i32x4.shuffle(vv, vv, 0, 0, 0, 0);
          a0 = f32x4.add(a0, f32x4.mul(s, u0));
          a1 = f32x4.add(a1, f32x4.mul(s, u1));
          s = i32x4.shuffle(vv, vv, 1, 1, 1, 1);
          a2 = f32x4.add(a2, f32x4.mul(s, u0));
          a3 = f32x4.add(a3, f32x4.mul(s, u1));
          s = i32x4.shuffle(vv, vv, 2, 2, 2, 2);
          a4 = f32x4.add(a4, f32x4.mul(s, u0));
          a5 = f32x4.add(a5, f32x4.mul(s, u1));
          s = i32x4.shuffle(vv, vv, 3, 3, 3, 3);
          a6 = f32x4.add(a6, f32x4.mul(s, u0));
          a7 = f32x4.add(a7, f32x4.mul(s, u1));
          pv += vic;
          pu += uic;
        }
        const q = mx + <usize>t * mt + ((<usize>oc) << 2);
        v128.store(q, a0);
        v128.store(q, a1, 16);
        v128.store(q + mt, a2);
        v128.store(q + mt, a3, 16);
        v128.store(q + 2 * mt, a4);
        v128.store(q + 2 * mt, a5, 16);
        v128.store(q + 3 * mt, a6);
        v128.store(q + 3 * mt, a7, 16);
      }
    }
  }
}

/**
 * Y = Aᵀ M A + bias of every tile into the NCHW output (cout planes oh×ow at dst), 4 channels at a time;
 * tiles or rows/columns past the output are dropped. bias: coutp floats (zeros when there is none).
 */
export function winoOutput(
  m: usize,
  bias: usize,
  dst: usize,
  cout: i32,
  coutp: i32,
  oh: i32,
  ow: i32,
  th: i32,
  tw: i32,
): void {
  const tiles = th * tw;
  const mxi = (<usize>(tiles * coutp)) << 2;
  const plane = <usize>(oh * ow);
  for (let ty = 0; ty < th; ty++) {
    const y0 = 2 * ty;
    const twoRows = y0 + 1 < oh;
    for (let tx = 0; tx < tw; tx++) {
      const x0 = 2 * tx;
      if (x0 >= ow) break;
      const twoCols = x0 + 1 < ow;
      const t = ty * tw + tx;
      for (let oc = 0; oc < cout; oc += 4) {
        const p = m + ((<usize>(t * coutp + oc)) << 2);
        const m0 = v128.load(p),
          m1 = v128.load(p + mxi),
          m2 = v128.load(p + 2 * mxi),
          m3 = v128.load(p + 3 * mxi);
        const m4 = v128.load(p + 4 * mxi),
          m5 = v128.load(p + 5 * mxi),
          m6 = v128.load(p + 6 * mxi),
          m7 = v128.load(p + 7 * mxi);
        const m8 = v128.load(p + 8 * mxi),
          m9 = v128.load(p + 9 * mxi),
          m10 = v128.load(p + 10 * mxi),
          m11 = v128.load(p + 11 * mxi);
        const m12 = v128.load(p + 12 * mxi),
          m13 = v128.load(p + 13 * mxi),
          m14 = v128.load(p + 14 * mxi),
          m15 = v128.load(p + 15 * mxi);
        // Aᵀ M: row 0 = M0 + M1 + M2, row 1 = M1 − M2 − M3 (rows of 4)
        const s0 = f32x4.add(f32x4.add(m0, m4), m8),
          s1 = f32x4.add(f32x4.add(m1, m5), m9);
        const s2 = f32x4.add(f32x4.add(m2, m6), m10),
          s3 = f32x4.add(f32x4.add(m3, m7), m11);
        const t0 = f32x4.sub(f32x4.sub(m4, m8), m12),
          t1 = f32x4.sub(f32x4.sub(m5, m9), m13);
        const t2 = f32x4.sub(f32x4.sub(m6, m10), m14),
          t3 = f32x4.sub(f32x4.sub(m7, m11), m15);
        const b = v128.load(bias + ((<usize>oc) << 2));
        const y00 = f32x4.add(f32x4.add(f32x4.add(s0, s1), s2), b);
        const y01 = f32x4.add(f32x4.sub(f32x4.sub(s1, s2), s3), b);
        const y10 = f32x4.add(f32x4.add(f32x4.add(t0, t1), t2), b);
        const y11 = f32x4.add(f32x4.sub(f32x4.sub(t1, t2), t3), b);
        const n = min(4, cout - oc);
        for (let l = 0; l < n; l++) {
          const o = dst + ((<usize>(oc + l) * plane + <usize>(y0 * ow + x0)) << 2);
          store<f32>(o, laneOf(y00, l));
          if (twoCols) store<f32>(o, laneOf(y01, l), 4);
          if (twoRows) {
            store<f32>(o + ((<usize>ow) << 2), laneOf(y10, l));
            if (twoCols) store<f32>(o + ((<usize>ow) << 2), laneOf(y11, l), 4);
          }
        }
      }
    }
  }
}

/** Lane l of v (l not a constant: a select through the 4 constant extracts). */
function laneOf(v: v128, l: i32): f32 {
  return l == 0
    ? f32x4.extract_lane(v, 0)
    : l == 1
      ? f32x4.extract_lane(v, 1)
      : l == 2
        ? f32x4.extract_lane(v, 2)
        : f32x4.extract_lane(v, 3);
}
