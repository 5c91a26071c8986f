/**
 * Calls into the WebAssembly kernels: binds inputs (in place if they live in the module's memory, else
 * copied into the scratch arena), runs the kernel (on worker threads too when enabled and the tensor is
 * large), and delivers the result into `out` (a caller's array) or a new resident block the kernel wrote in
 * place (a fresh Float32Array, copied out of the arena, only when the resident part of the memory is full).
 */
import type { AxisGeometry } from "../../geometry/window.js";
import type { ConvShape } from "../kernels.js";
import {
  arena,
  arenaSize,
  f32View,
  i32View,
  inHeap,
  residentFloats,
  wasmRuntime,
  type PoolExports,
} from "./runtime.js";
import { parallelPlanes, runParallel, type KernelName } from "./workers.js";

export interface Ranges {
  hs: Int32Array;
  he: Int32Array;
  ws: Int32Array;
  we: Int32Array;
}

/** A bound array: its byte offset in the memory, and how to deliver it afterwards. */
interface Slot {
  ptr: number;
  length: number;
  /** The caller's array to fill after the kernel ran (null when the kernel wrote it in place). */
  target: Float32Array | null;
  /** The caller's `out` when the kernel wrote into it in place: returned as is, so no one copies it onto itself. */
  same?: Float32Array;
}

class Binder {
  private sizes: number[] = [];
  /** What each size is for, to word an out-of-memory error. */
  private roles: string[] = [];
  private plan: (() => Slot)[] = [];
  /** Outputs with no `out`: a resident block each, taken in bind(). */
  private fresh: { length: number; view: Float32Array | null }[] = [];

  /** An input array (read only). */
  input(x: Float32Array | Int32Array): () => number {
    const direct = inHeap(x);
    if (!direct) {
      this.sizes.push(x.byteLength);
      this.roles.push("input");
    }
    let slot = 0;
    this.plan.push(() => {
      if (direct) slot = x.byteOffset;
      else {
        slot = arena.take(x.byteLength);
        if (x instanceof Float32Array) f32View(slot, x.length).set(x);
        else i32View(slot, x.length).set(x);
      }
      return { ptr: slot, length: 0, target: null };
    });
    return () => slot;
  }

  /** An output of `length` floats, written into `out` when given, else into a new resident block. */
  output(length: number, out?: Float32Array): () => Slot {
    const direct = out !== undefined && inHeap(out);
    if (out !== undefined && !direct) {
      this.sizes.push(length * 4);
      this.roles.push("output");
    }
    const fresh = out === undefined ? { length, view: null as Float32Array | null } : null;
    if (fresh) this.fresh.push(fresh);
    let s: Slot = { ptr: 0, length, target: null };
    this.plan.push(() => {
      const into = fresh ? fresh.view : direct ? (out as Float32Array) : null;
      s = into
        ? { ptr: into.byteOffset, length, target: null, same: into }
        : { ptr: arena.take(length * 4), length, target: out ?? new Float32Array(length) };
      return s;
    });
    return () => s;
  }

  /** Scratch bytes with no content. */
  scratch(bytes: number): () => number {
    this.sizes.push(bytes);
    this.roles.push("scratch");
    let p = 0;
    this.plan.push(() => {
      p = arena.take(bytes);
      return { ptr: p, length: 0, target: null };
    });
    return () => p;
  }

  bind(): void {
    const begin = (): void =>
      arena.begin(
        arenaSize(...this.sizes),
        this.sizes.map((bytes, i) => ({ what: this.roles[i], bytes })),
      );
    // the arena first: a call that cannot have its copies and scratch takes no output block either
    begin();
    let full = false;
    for (const f of this.fresh) {
      // the kernel writes every output value, so the block needs no zeroing
      f.view = residentFloats(f.length, false);
      if (f.view === null) {
        // the resident part of the memory is full: the output goes through the arena into a plain array
        this.sizes.push(f.length * 4);
        this.roles.push("output");
        full = true;
      }
    }
    if (full) begin();
    for (const step of this.plan) step();
  }
}

/** The set-up every call starts with: a Binder with its main input bound and its output of `length` floats. */
function bindCall(
  x: Float32Array,
  length: number,
  out?: Float32Array,
): { b: Binder; src: () => number; dst: () => Slot } {
  const b = new Binder();
  return { b, src: b.input(x), dst: b.output(length, out) };
}

function deliver(s: Slot): Float32Array {
  if (s.same) return s.same;
  if (s.target === null) return f32View(s.ptr, s.length);
  s.target.set(f32View(s.ptr, s.length));
  return s.target;
}

function kernels(): PoolExports {
  return (wasmRuntime() as NonNullable<ReturnType<typeof wasmRuntime>>).exports;
}

/**
 * The padded copy of a plane max and avg pooling take when windows need it (`pad`): its height and width (8
 * floats of slack per row for the SIMD overread), its bytes, and each axis's lead padding.
 */
function paddedPlane(ah: AxisGeometry, aw: AxisGeometry) {
  const ph = paddedDims(ah);
  const pw = paddedDims(aw);
  const hp = ph ? ph.span : ah.size;
  const wp = (pw ? pw.span : aw.size) + 8;
  return { ph, pw, pad: ph !== null || pw !== null, hp, wp, scratchBytes: hp * wp * 4 };
}

/** Whether windows need the padded copy: any padding, or a (ceil-mode) window running past the input. */
function paddedDims(a: AxisGeometry): { lead: number; span: number } | null {
  const reach = (a.outSize - 1) * a.stride + a.dilation * (a.kernel - 1) + 1;
  if (a.padBefore === 0 && reach <= a.size) return null;
  return { lead: a.padBefore, span: Math.max(a.padBefore + a.size, reach) };
}

const LINE: AxisGeometry = { size: 1, kernel: 1, stride: 1, dilation: 1, padBefore: 0, padAfter: 0, outSize: 1 };

/** 1-d or 2-d axes as (H, W) axes. */
export function as2d(axes: readonly AxisGeometry[]): [AxisGeometry, AxisGeometry] {
  return axes.length === 1 ? [LINE, axes[0]] : [axes[0], axes[1]];
}

/** 3-wide, stride-2 windows with padding ≤ 1 (the ResNet stem): the in-place column-carry kernel's case. */
function isStem3x3s2(a: AxisGeometry): boolean {
  return a.kernel === 3 && a.stride === 2 && a.dilation === 1 && a.padBefore <= 1;
}

/** Max pooling of NCHW planes; values always, PyTorch's indices (float32) when asked. */
export function maxPool2dWasm(
  x: Float32Array,
  planes: number,
  axes: readonly AxisGeometry[],
  wantIndices: boolean,
  out?: Float32Array,
): { values: Float32Array; indices?: Float32Array } {
  const [ah, aw] = as2d(axes);
  const h = ah.size;
  const w = aw.size;
  const oh = ah.outSize;
  const ow = aw.outSize;
  const n = planes * oh * ow;
  const { b, src, dst } = bindCall(x, n, out);
  const k = kernels();
  if (wantIndices) {
    const idx = b.output(n);
    b.bind();
    k.maxPool2dIndices(src(), dst().ptr, idx().ptr, planes, h, w, oh, ow, ah.kernel, aw.kernel, ah.stride, aw.stride,
      ah.padBefore, aw.padBefore, ah.dilation, aw.dilation); // prettier-ignore
    return { values: deliver(dst()), indices: deliver(idx()) };
  }
  const workers = parallelPlanes(planes, x.length * 4);
  const inPlane = h * w * 4;
  const outPlane = oh * ow * 4;
  if (isStem3x3s2(ah) && isStem3x3s2(aw)) {
    b.bind();
    runPlanes("maxPool3x3s2", planes, workers, (p0, p1) => [
      src() + p0 * inPlane, dst().ptr + p0 * outPlane, p1 - p0, h, w, oh, ow, ah.padBefore, aw.padBefore,
    ]); // prettier-ignore
    return { values: deliver(dst()) };
  }
  const { ph, pw, pad, hp, wp, scratchBytes } = paddedPlane(ah, aw);
  const scratch = pad ? b.scratch(scratchBytes * workers) : () => 0;
  b.bind();
  const args = (p0: number, p1: number, part: number) => [
    src() + p0 * inPlane, dst().ptr + p0 * outPlane, p1 - p0, h, w, oh, ow, ah.kernel, aw.kernel, ah.stride,
    aw.stride, ah.dilation, aw.dilation, pad ? scratch() + part * scratchBytes : 0, hp, wp, ph ? ph.lead : 0,
    pw ? pw.lead : 0,
  ]; // prettier-ignore
  runPlanes("maxPool2d", planes, workers, args);
  return { values: deliver(dst()) };
}

/** Whether every divisor is 4 (the 2×2 fast path) and whether any is 0; kept per (cached) divisor array. */
const flags = new WeakMap<Float32Array, { fast4: number; hasZero: number }>();
function divisorFlags(divisors: Float32Array): { fast4: number; hasZero: number } {
  let f = flags.get(divisors);
  if (!f) {
    f = { fast4: divisors.every((d) => d === 4) ? 1 : 0, hasZero: divisors.some((d) => d === 0) ? 1 : 0 };
    flags.set(divisors, f);
  }
  return f;
}

/** Average pooling of NCHW planes with the per-position divisors of a plane. */
export function avgPool2dWasm(
  x: Float32Array,
  planes: number,
  axes: readonly AxisGeometry[],
  divisors: Float32Array,
  out?: Float32Array,
): Float32Array {
  const [ah, aw] = as2d(axes);
  const h = ah.size;
  const w = aw.size;
  const oh = ah.outSize;
  const ow = aw.outSize;
  const { ph, pw, pad, hp, wp, scratchBytes } = paddedPlane(ah, aw);
  const { b, src, dst } = bindCall(x, planes * oh * ow, out);
  const div = b.input(divisors);
  const workers = parallelPlanes(planes, x.length * 4);
  const scratch = pad ? b.scratch(scratchBytes * workers) : () => 0;
  b.bind();
  const { fast4, hasZero } = divisorFlags(divisors);
  const inPlane = h * w * 4;
  const outPlane = oh * ow * 4;
  const args = (p0: number, p1: number, part: number) => [
    src() + p0 * inPlane, dst().ptr + p0 * outPlane, div(), p1 - p0, h, w, oh, ow, ah.kernel, aw.kernel,
    ah.stride, aw.stride, pad ? scratch() + part * scratchBytes : 0, hp, wp, ph ? ph.lead : 0, pw ? pw.lead : 0,
    fast4, hasZero,
  ]; // prettier-ignore
  runPlanes("avgPool2d", planes, workers, args);
  return deliver(dst());
}

/** Max or mean over rectangular bins [hs, he) × [ws, we) of every NCHW plane (adaptive, SPP, global). */
export function binsPool2dWasm(
  x: Float32Array,
  planes: number,
  h: number,
  w: number,
  r: Ranges,
  mode: "max" | "avg",
  divisors: Float32Array | null,
  wantIndices: boolean,
  out?: Float32Array,
): { values: Float32Array; indices?: Float32Array } {
  const nh = r.hs.length;
  const nw = r.ws.length;
  const { b, src, dst } = bindCall(x, planes * nh * nw, out);
  const hs = b.input(r.hs);
  const he = b.input(r.he);
  const ws = b.input(r.ws);
  const we = b.input(r.we);
  const div = divisors ? b.input(divisors) : () => 0;
  const idx = wantIndices ? b.output(planes * nh * nw) : null;
  const workers = parallelPlanes(planes, x.length * 4);
  const tmpBytes = (w + 8) * 4;
  const tmp = b.scratch(tmpBytes * workers);
  b.bind();
  const inPlane = h * w * 4;
  const outPlane = nh * nw * 4;
  const args = (p0: number, p1: number, part: number) => [
    src() + p0 * inPlane, dst().ptr + p0 * outPlane, idx ? idx().ptr + p0 * outPlane : 0, div(), p1 - p0, h, w,
    nh, nw, hs(), he(), ws(), we(), mode === "max" ? 0 : 1, tmp() + part * tmpBytes,
  ]; // prettier-ignore
  runPlanes("binsPool2d", planes, workers, args);
  return { values: deliver(dst()), indices: idx ? deliver(idx()) : undefined };
}

/**
 * Spatial pyramid pooling of N×C planes h×w into the (N, C·Σ bins) output in one call, from the level
 * table of sppTable.ts (`bins`: Σ bins per channel).
 */
export function sppPoolWasm(
  x: Float32Array,
  n: number,
  c: number,
  h: number,
  w: number,
  table: Int32Array,
  levels: number,
  bins: number,
  mode: "max" | "avg",
  out?: Float32Array,
): Float32Array {
  const planes = n * c;
  const { b, src, dst } = bindCall(x, n * c * bins, out);
  const tab = b.input(table);
  const workers = parallelPlanes(planes, x.length * 4);
  const tmpBytes = (w + 8) * 4 + ((levels + 15) & ~15);
  const tmp = b.scratch(tmpBytes * workers);
  b.bind();
  const args = (p0: number, p1: number, part: number) => [
    src(), dst().ptr, p0, p1 - p0, c, h, w, c * bins, levels, tab(), mode === "max" ? 0 : 1, tmp() + part * tmpBytes,
  ]; // prettier-ignore
  runPlanes("sppPool", planes, workers, args);
  return deliver(dst());
}

/** Global max or mean of every contiguous plane of `n` values. */
export function planeReduceWasm(
  x: Float32Array,
  planes: number,
  n: number,
  mode: "max" | "avg",
  out?: Float32Array,
): Float32Array {
  const { b, src, dst } = bindCall(x, planes, out);
  b.bind();
  const workers = parallelPlanes(planes, x.length * 4);
  runPlanes("planeReduce", planes, workers, (p0, p1) => [
    src() + p0 * n * 4,
    dst().ptr + p0 * 4,
    p1 - p0,
    n,
    mode === "max" ? 0 : 1,
  ]);
  return deliver(dst());
}

/** Max or mean pooling of an NHWC tensor directly (SIMD over channels). Max gives values only. */
export function pool2dNhwcWasm(
  x: Float32Array,
  shape: readonly number[],
  axes: readonly AxisGeometry[],
  mode: "max" | "avg",
  divisors: Float32Array | null,
  out?: Float32Array,
): Float32Array {
  const [ah, aw] = as2d(axes);
  const n = shape[0];
  const c = shape[shape.length - 1];
  const h = ah.size;
  const w = aw.size;
  const oh = ah.outSize;
  const ow = aw.outSize;
  const { b, src, dst } = bindCall(x, n * oh * ow * c, out);
  const div = divisors ? b.input(divisors) : () => 0;
  b.bind();
  const workers = parallelPlanes(n, x.length * 4);
  runPlanes("pool2dNhwc", n, workers, (p0, p1) => [
    src() + p0 * h * w * c * 4, dst().ptr + p0 * oh * ow * c * 4, div(), p1 - p0, h, w, c, oh, ow, ah.kernel,
    aw.kernel, ah.stride, aw.stride, ah.padBefore, aw.padBefore, ah.dilation, aw.dilation, mode === "max" ? 0 : 1,
  ]); // prettier-ignore
  return deliver(dst());
}

/** Runs a kernel over planes [0, planes), split across `parts` threads (this one included). */
function runPlanes(
  name: KernelName,
  planes: number,
  parts: number,
  args: (p0: number, p1: number, part: number) => number[],
): void {
  const k = kernels();
  if (parts <= 1) {
    k[name](...args(0, planes, 0));
    return;
  }
  runParallel(name, planes, parts, args);
}

/**
 * conv2d of a whole batch (groups 1, column stride 1; null otherwise): each sample's planes zero-padded into
 * scratch, the weights laid out once per call, then the SIMD tiles. The output is written in place when its
 * width is a multiple of 8 and its channels of 4, else through a padded scratch plane.
 */
export function conv2dWasm(
  x: Float32Array,
  weight: Float32Array,
  bias: Float32Array | null,
  g: ConvShape,
): Float32Array | null {
  if (g.strideW !== 1) return null;
  if (winogradFits(g)) return conv3x3Winograd(x, weight, bias, g);
  const coutp = (g.cout + 3) & ~3;
  const owp = (g.ow + 7) & ~7;
  const taps = g.kh * g.kw;
  const hp = Math.max(g.padTop + g.h, (g.oh - 1) * g.strideH + (g.kh - 1) * g.dilationH + 1);
  const wp = Math.max(g.padLeft + g.w, owp + (g.kw - 1) * g.dilationW);
  const direct = coutp === g.cout && owp === g.ow;
  const outPlane = g.cout * g.oh * g.ow;
  const conv = convCall(x, weight, g, hp, wp, coutp);
  const pack = conv.b.scratch(coutp * g.cin * taps * 4);
  const tile = direct ? () => 0 : conv.b.scratch(coutp * g.oh * owp * 4);
  const { xp, biasp, out } = conv.bind(bias);
  const k = kernels();
  k.convPackWeights(conv.wts(), pack(), g.cout, g.cin, taps);
  for (let s = 0; s < g.n; s++) {
    conv.padSample(s);
    const into = direct ? out.ptr + s * outPlane * 4 : tile();
    k.conv2dTiles(xp(), pack(), biasp(), into, g.cin, coutp, hp, wp, g.oh, owp, g.kh, g.kw, g.strideH,
      g.dilationH, g.dilationW, 0, g.oh); // prettier-ignore
    if (!direct) {
      // the valid columns of the first cout planes, row by row
      const t = f32View(tile(), coutp * g.oh * owp);
      const o = f32View(out.ptr + s * outPlane * 4, outPlane);
      for (let c = 0; c < g.cout; c++)
        for (let r = 0; r < g.oh; r++)
          o.set(t.subarray((c * g.oh + r) * owp, (c * g.oh + r) * owp + g.ow), (c * g.oh + r) * g.ow);
    }
  }
  return deliver(out);
}

/**
 * The set-up both conv2d kernels share: the input and the weights bound, the output (N, cout, oh, ow), an
 * hp×wp zero-padded copy of one sample's planes and the bias as coutp floats (zeros past cout). The caller
 * adds its own scratch to `b`, then binds; `padSample(s)` fills the padded copy with sample s.
 */
function convCall(x: Float32Array, weight: Float32Array, g: ConvShape, hp: number, wp: number, coutp: number) {
  const { b, src, dst } = bindCall(x, g.n * g.cout * g.oh * g.ow);
  const wts = b.input(weight);
  const xp = b.scratch(g.cin * hp * wp * 4);
  const biasp = b.scratch(coutp * 4);
  const plane = g.h * g.w;
  return {
    b,
    wts,
    bind(bias: Float32Array | null): { xp: () => number; biasp: () => number; out: Slot } {
      b.bind();
      const bv = f32View(biasp(), coutp);
      bv.fill(0);
      if (bias) bv.set(bias);
      return { xp, biasp, out: dst() };
    },
    padSample(s: number): void {
      const k = kernels();
      for (let c = 0; c < g.cin; c++) {
        const from = src() + (s * g.cin + c) * plane * 4;
        k.padPlane(from, xp() + c * hp * wp * 4, g.h, g.w, hp, wp, g.padTop, g.padLeft, 0);
      }
    },
  };
}

/** max(x, 0) of every value into a new resident block (NaN and −0 kept). */
export function reluWasm(x: Float32Array): Float32Array {
  const { b, src, dst } = bindCall(x, x.length);
  b.bind();
  kernels().relu(src(), dst().ptr, x.length);
  return deliver(dst());
}

/**
 * Whether Winograd F(2×2, 3×3) pays: 3×3, stride 1, dilation 1, and enough channels and tiles for its transforms
 * to be small beside the products it saves (2.25× fewer); small convolutions keep the direct kernel's sums.
 */
function winogradFits(g: ConvShape): boolean {
  return (
    g.kh === 3 && g.kw === 3 && g.strideH === 1 && g.dilationH === 1 && g.dilationW === 1 &&
    g.cin >= 16 && g.cout >= 16 && g.oh * g.ow >= 256
  ); // prettier-ignore
}

/** conv2d 3×3 / stride 1 by Winograd F(2×2, 3×3): weights, then per sample input transform, 16 GEMMs, output. */
function conv3x3Winograd(x: Float32Array, weight: Float32Array, bias: Float32Array | null, g: ConvShape): Float32Array {
  const coutp = (g.cout + 7) & ~7;
  const th = Math.ceil(g.oh / 2);
  const tw = (Math.ceil(g.ow / 2) + 3) & ~3;
  const tiles = th * tw;
  // the patches reach row 2·th + 1 and column 2·tw + 1 (plus the 2-float overread of the odd lanes)
  const hp = Math.max(g.padTop + g.h, 2 * th + 2);
  const wp = Math.max(g.padLeft + g.w, 2 * tw + 4);
  const outPlane = g.cout * g.oh * g.ow;
  const conv = convCall(x, weight, g, hp, wp, coutp);
  const u = conv.b.scratch(16 * g.cin * coutp * 4);
  const v = conv.b.scratch(16 * g.cin * tiles * 4);
  const m = conv.b.scratch(16 * tiles * coutp * 4);
  const { xp, biasp, out } = conv.bind(bias);
  const k = kernels();
  k.winoWeights(conv.wts(), u(), g.cout, g.cin, coutp);
  for (let s = 0; s < g.n; s++) {
    conv.padSample(s);
    k.winoInput(xp(), v(), g.cin, hp, wp, th, tw);
    k.winoGemm(v(), u(), m(), g.cin, tiles, coutp);
    k.winoOutput(m(), biasp(), out.ptr + s * outPlane * 4, g.cout, coutp, g.oh, g.ow, th, tw);
  }
  return deliver(out);
}
