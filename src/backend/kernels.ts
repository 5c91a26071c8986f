/**
 * The interface every backend's kernel table implements (js/kernels.ts, wasm/index.ts); index.ts picks the
 * table. Kernels work on raw float32 planes, channels first unless the name says otherwise; `out` is a hint a
 * kernel may write into. A kernel returns null for a case it has no kernel for.
 */
import type { AxisGeometry, AxisWindows } from "../geometry/window.js";

/** The geometry of a 2-d convolution call (NCHW x, OIHW weights, zero padding, groups 1). */
export interface ConvShape {
  n: number;
  cin: number;
  h: number;
  w: number;
  cout: number;
  kh: number;
  kw: number;
  oh: number;
  ow: number;
  strideH: number;
  strideW: number;
  padTop: number;
  padLeft: number;
  dilationH: number;
  dilationW: number;
}

export interface PoolValues {
  values: Float32Array;
  /** Max pooling's argmax within each plane, as float32 (absent when not asked for and not free). */
  indices?: Float32Array;
}

export interface PoolKernels {
  /** Max over sliding windows of `planes` channels-first planes. */
  maxPool(
    x: Float32Array,
    planes: number,
    axes: readonly AxisGeometry[],
    wantIndices: boolean,
    out?: Float32Array,
  ): PoolValues | null;
  /** Mean over sliding windows with the per-position divisors of one plane. */
  avgPool(
    x: Float32Array,
    planes: number,
    axes: readonly AxisGeometry[],
    divisors: Float32Array,
    out?: Float32Array,
  ): Float32Array | null;
  /** Max or mean over per-axis bins (adaptive, global, strip pooling); `spatial` is a plane's shape. */
  binsPool(
    x: Float32Array,
    planes: number,
    spatial: readonly number[],
    axes: readonly AxisWindows[],
    mode: "max" | "avg",
    divisors: Float32Array | undefined,
    wantIndices: boolean,
    out?: Float32Array,
  ): PoolValues | null;
  /**
   * Optional fast path: max (values only) or mean of a channels-last tensor without moving it to channels
   * first. A backend without it (or null) means the op moves the layout and calls maxPool / avgPool.
   */
  poolChannelsLast?(
    x: Float32Array,
    shape: readonly number[],
    axes: readonly AxisGeometry[],
    mode: "max" | "avg",
    divisors: Float32Array | null,
    out?: Float32Array,
  ): Float32Array | null;
  /**
   * Optional fast path: a whole spatial pyramid in one call from sppTable's level table (values only). The
   * reference builds it level by level in ops/spp.ts, which is also how a trace's argmax is found.
   */
  sppPool?(
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
  ): Float32Array | null;
  /** Optional fast path: 2-d convolution, groups 1 (null for a case it has no kernel for). */
  conv2d?(x: Float32Array, weight: Float32Array, bias: Float32Array | null, shape: ConvShape): Float32Array | null;
  /** Optional fast path: max(x, 0) of every value, NaN and −0 kept. */
  relu?(x: Float32Array): Float32Array | null;
}
