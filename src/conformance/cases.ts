/**
 * The table that maps golden op names and parameters onto the public API. Each entry names the golden
 * parameters it understands (snake_case → the option's camelCase name), the inputs it needs, and how to call
 * the library; a case of a known op with any parameter values runs through the same entry. Everything here
 * calls the exported functions of the package (../index.js), never private copies.
 */
import * as ps from "../index.js";
import type { Tensor } from "../core/tensor.js";

export type Options = Record<string, unknown>;
export type Inputs = Record<string, Tensor>;

export interface OpSpec {
  /** Golden parameter → option name. */
  params: Record<string, string>;
  /** Golden input names the op needs (grad_y is added for backward cases). */
  inputs: string[];
  /** Runs the forward op; returns every output it can produce, under the golden output names. */
  run(inputs: Inputs, options: Options): Record<string, Tensor>;
  /**
   * Other calls of the same op that take other code (max pooling without indices runs the values-only kernels):
   * each must give the golden outputs it produces, or refuse an error case alike.
   */
  also?: { label: string; run(inputs: Inputs, options: Options): Record<string, Tensor> }[];
  /** The gradient with respect to x, for "<op>.backward" cases. */
  backward?(gradY: Tensor, x: Tensor, options: Options): Tensor;
  /** Parameter value conversion (e.g. TF's "SAME" → "same"). */
  convert?(options: Options): Options;
  /** Checks beyond the outputs (e.g. spp's real bin counts); returns a failure reason or null. */
  check?(inputs: Inputs, options: Options, extra: Record<string, unknown>): string | null;
}

/** Golden snake_case → camelCase, the rule every op follows. */
export function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const names = (...golden: string[]): Record<string, string> => Object.fromEntries(golden.map((g) => [g, camel(g)]));

// The library types options precisely; the table passes them through from JSON, so it speaks `any` here.
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyFn = (...args: any[]) => any;

/** Max pooling asked for values only: the library's default call, served by kernels the indices path never uses. */
const valuesOnly = (fn: AnyFn): NonNullable<OpSpec["also"]>[number] => ({
  label: "values only",
  run: ({ x }, o) => ({ y: fn(x, { ...o, returnIndices: false }) }),
});

function maxPoolSpec(fn: AnyFn, backward: AnyFn): OpSpec {
  return {
    params: names("kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"),
    inputs: ["x"],
    run: ({ x }, o) => {
      const r = fn(x, { ...o, returnIndices: true });
      return { y: r.output, indices: r.indices };
    },
    also: [valuesOnly(fn)],
    backward: (g, x, o) => backward(g, x, o),
  };
}

function avgPoolSpec(fn: AnyFn, backward: AnyFn): OpSpec {
  return {
    params: names("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"),
    inputs: ["x"],
    run: ({ x }, o) => ({ y: fn(x, o) }),
    backward: (g, x, o) => backward(g, x, o),
  };
}

function adaptiveSpec(fn: AnyFn, backward: AnyFn, max: boolean): OpSpec {
  return {
    params: names("output_size", ...(max ? ["return_indices"] : [])),
    inputs: ["x"],
    run: ({ x }, o): Record<string, Tensor> => {
      if (!max) return { y: fn(x, o) };
      const r = fn(x, { ...o, returnIndices: true });
      return { y: r.output, indices: r.indices };
    },
    also: max ? [valuesOnly(fn)] : undefined,
    backward: (g, x, o) => backward(g, x, o),
  };
}

function unpoolSpec(fn: AnyFn): OpSpec {
  return {
    params: names("kernel_size", "stride", "padding", "output_size"),
    inputs: ["x", "indices"],
    run: ({ x, indices }, o) => ({ y: fn(x, indices, o) }),
  };
}

function tfSpec(fn: AnyFn, max: boolean): OpSpec {
  return {
    params: {
      pool_size: "kernelSize",
      ksize: "kernelSize",
      strides: "stride",
      padding: "padding",
      data_format: "dataFormat",
    },
    inputs: ["x"],
    // TensorFlow spells padding in capitals; the library takes Keras' lower case.
    convert: (o) => ({ ...o, padding: typeof o.padding === "string" ? o.padding.toLowerCase() : o.padding }),
    run: ({ x }, o) => ({ y: fn(x, o) }),
    // the values are the same when NHWC indices are asked for too (another kernel)
    also: max
      ? [{ label: "with indices", run: ({ x }, o) => ({ y: fn(x, { ...o, returnIndices: true }).output }) }]
      : [],
  };
}

const lpSpec = (fn: AnyFn): OpSpec => ({
  params: names("norm_type", "kernel_size", "stride", "ceil_mode"),
  inputs: ["x"],
  run: ({ x }, o) => ({ y: fn(x, o) }),
  // an infinite norm travels as the format's infinity strings
  convert: (o) => ({ ...o, normType: infinityOf(o.normType) }),
});

function infinityOf(v: unknown): unknown {
  return v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : v;
}

const globalSpec = (fn: AnyFn): OpSpec => ({ params: {}, inputs: ["x"], run: ({ x }) => ({ y: fn(x) }) });

export const OPS: Record<string, OpSpec> = {
  max_pool1d: maxPoolSpec(ps.maxPool1d, ps.maxPool1dBackward),
  max_pool2d: maxPoolSpec(ps.maxPool2d, ps.maxPool2dBackward),
  max_pool3d: maxPoolSpec(ps.maxPool3d, ps.maxPool3dBackward),
  avg_pool1d: avgPoolSpec(ps.avgPool1d, ps.avgPool1dBackward),
  avg_pool2d: avgPoolSpec(ps.avgPool2d, ps.avgPool2dBackward),
  avg_pool3d: avgPoolSpec(ps.avgPool3d, ps.avgPool3dBackward),
  adaptive_max_pool1d: adaptiveSpec(ps.adaptiveMaxPool1d, ps.adaptiveMaxPool1dBackward, true),
  adaptive_max_pool2d: adaptiveSpec(ps.adaptiveMaxPool2d, ps.adaptiveMaxPool2dBackward, true),
  adaptive_max_pool3d: adaptiveSpec(ps.adaptiveMaxPool3d, ps.adaptiveMaxPool3dBackward, true),
  adaptive_avg_pool1d: adaptiveSpec(ps.adaptiveAvgPool1d, ps.adaptiveAvgPool1dBackward, false),
  adaptive_avg_pool2d: adaptiveSpec(ps.adaptiveAvgPool2d, ps.adaptiveAvgPool2dBackward, false),
  adaptive_avg_pool3d: adaptiveSpec(ps.adaptiveAvgPool3d, ps.adaptiveAvgPool3dBackward, false),
  global_max_pool1d: globalSpec(ps.globalMaxPool),
  global_max_pool2d: globalSpec(ps.globalMaxPool),
  global_max_pool3d: globalSpec(ps.globalMaxPool),
  global_avg_pool1d: globalSpec(ps.globalAvgPool),
  global_avg_pool2d: globalSpec(ps.globalAvgPool),
  global_avg_pool3d: globalSpec(ps.globalAvgPool),
  lp_pool1d: lpSpec(ps.lpPool1d),
  lp_pool2d: lpSpec(ps.lpPool2d),
  lp_pool3d: lpSpec(ps.lpPool3d),
  "tf.max_pool2d": tfSpec(ps.maxPool2d, true),
  "tf.avg_pool2d": tfSpec(ps.avgPool2d, false),
  spp: {
    params: { levels: "levels", mode: "mode", variant: "rule", rule: "rule" },
    inputs: ["x"],
    run: ({ x }, o) => ({ y: ps.spatialPyramidPool(x, { ...(o as unknown as ps.SppOptions), trace: false }) }),
    // the golden file records the bins the paper rule really produces; the trace must report the same
    check: ({ x }, o, extra) => {
      if (!Array.isArray(extra.bins)) return null;
      const traced = ps.spatialPyramidPool(x, { ...(o as unknown as ps.SppOptions), trace: true });
      const got = JSON.stringify(traced.trace.levels.map((l) => l.bins));
      const want = JSON.stringify(extra.bins);
      return got === want ? null : `bins per level ${got}, expected ${want}`;
    },
  },
  strip_pool_h: { params: {}, inputs: ["x"], run: ({ x }) => ({ y: ps.stripPool(x, "horizontal") }) },
  strip_pool_v: { params: {}, inputs: ["x"], run: ({ x }) => ({ y: ps.stripPool(x, "vertical") }) },
  conv2d: {
    params: names("stride", "padding", "dilation", "groups"),
    inputs: ["x", "weight"],
    run: ({ x, weight, bias }, o) => ({ y: ps.conv2d(x, weight, { ...o, bias }) }),
  },
  linear: { params: {}, inputs: ["x", "weight"], run: ({ x, weight, bias }) => ({ y: ps.linear(x, weight, bias) }) },
  max_unpool1d: unpoolSpec(ps.maxUnpool1d),
  max_unpool2d: unpoolSpec(ps.maxUnpool2d),
  max_unpool3d: unpoolSpec(ps.maxUnpool3d),
  roi_pool: {
    params: names("output_size", "spatial_scale"),
    inputs: ["x", "boxes"],
    run: ({ x, boxes }, o) => ({ y: ps.roiPool(x, boxes, { ...(o as unknown as ps.RoiPoolOptions), trace: false }) }),
  },
  roi_align: {
    params: names("output_size", "spatial_scale", "sampling_ratio", "aligned"),
    inputs: ["x", "boxes"],
    run: ({ x, boxes }, o) => ({
      y: ps.roiAlign(x, boxes, { ...(o as unknown as ps.RoiAlignOptions), trace: false }),
    }),
  },
};

/** The golden outputs compared exactly (integers). */
export const EXACT_OUTPUTS = new Set(["indices"]);
