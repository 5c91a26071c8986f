/**
 * The tensor API's golden ops, read generically: a case names a torch function and gives its arguments under
 * PyTorch's names, tensors in `inputs`, everything else in `params`. Each entry lists the library function's
 * positional arguments in order (a name a|b takes whichever the case gives) and, for keyword-only arguments,
 * the names gathered into a trailing options object. A `tensors*` argument is the list of inputs named
 * tensors0, tensors1, …. The result becomes outputs by its form: a Tensor is `y` (`indices` for the index ops),
 * `{ values, indices }` stays, a boolean is a 0-d tensor 1/0.
 */
import * as ps from "../index.js";
import { Tensor } from "../core/tensor.js";
import type { Inputs, OpSpec, Options } from "./cases.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyFn = (...args: any[]) => any;

const camel = (name: string): string => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

interface Call {
  fn: AnyFn;
  /** Positional arguments, PyTorch's names. */
  args: string[];
  /** Keyword-only arguments, gathered into an options object after the positional ones. */
  options?: string[];
  /** The output name of a plain tensor result. */
  out?: string;
}

function generic({ fn, args, options = [], out = "y" }: Call): OpSpec {
  const all = [...args.flatMap((a) => a.split("|")), ...options];
  const params = Object.fromEntries(all.filter((a) => !a.endsWith("*")).map((a) => [a, camel(a)]));
  return {
    params,
    // the inputs every case of the op needs are its first argument's, when that is a tensor
    inputs: [],
    run: (inputs: Inputs, o: Options): Record<string, Tensor> => {
      const value = (name: string): unknown => {
        if (name.endsWith("*")) {
          const stem = name.slice(0, -1);
          return Object.keys(inputs)
            .filter((k) => k.startsWith(stem) && /^\d+$/.test(k.slice(stem.length)))
            .sort((a, b) => Number(a.slice(stem.length)) - Number(b.slice(stem.length)))
            .map((k) => inputs[k]);
        }
        for (const alt of name.split("|")) {
          if (alt in inputs) return inputs[alt];
          if (camel(alt) in o) return o[camel(alt)];
        }
        return undefined;
      };
      const positional = args.map(value);
      // trailing undefineds would still count as given arguments to a rest parameter
      while (positional.length > 0 && positional[positional.length - 1] === undefined) positional.pop();
      if (options.length > 0) {
        const kw = Object.fromEntries(options.filter((k) => camel(k) in o).map((k) => [camel(k), o[camel(k)]]));
        while (positional.length < args.length) positional.push(undefined);
        positional.push(kw);
      }
      return outputsOf(fn(...positional), out);
    },
  };
}

function outputsOf(r: unknown, out: string): Record<string, Tensor> {
  if (r instanceof Tensor) return { [out]: r };
  if (typeof r === "boolean" || typeof r === "number") return { y: new Tensor(Float32Array.of(Number(r)), []) };
  const pair = r as { values?: unknown; indices?: unknown };
  if (pair && pair.values instanceof Tensor && pair.indices instanceof Tensor)
    return { values: pair.values, indices: pair.indices };
  throw new Error(`the op returned neither a tensor, a boolean nor { values, indices }`);
}

/** values and indices reordered along dim by ascending index: a canonical order for comparing as sets. */
function byIndex(values: Tensor, indices: Tensor, dim: number): Record<string, Tensor> {
  const d = dim < 0 ? dim + values.rank : dim;
  const { values: idx, indices: perm } = ps.sort(indices, d);
  const out = ps.zerosLike(values);
  const inner = values.shape.slice(d + 1).reduce((n, s) => n * s, 1);
  const len = values.shape[d];
  for (let p = 0; p < out.size; p++) {
    const j = Math.floor(p / inner) % len;
    out.data[p] = values.data[p + (perm.data[p] - j) * inner];
  }
  return { values: out, indices: idx };
}

/**
 * An op applied after `before`, a list of Tensor method calls on the input ([["transpose", 0, 1], ["slice",
 * ":, ::2"]]): the view ops' strides, which PyTorch's is_contiguous and view answer from, come from such chains.
 */
function after(spec: OpSpec): OpSpec {
  return {
    ...spec,
    params: { ...spec.params, before: "before" },
    run: (inputs: Inputs, o: Options): Record<string, Tensor> => {
      const { before, ...rest } = o;
      let x = inputs.input;
      for (const [name, ...args] of (before as [string, ...unknown[]][] | undefined) ?? [])
        x = (x as unknown as Record<string, AnyFn>)[camel(name)](...args) as Tensor;
      return spec.run({ ...inputs, input: x }, rest);
    },
  };
}

const binary = (fn: AnyFn): OpSpec => generic({ fn, args: ["input", "other"] });
const unary = (fn: AnyFn): OpSpec => generic({ fn, args: ["input"] });
const reduction = (fn: AnyFn, out = "y"): OpSpec => generic({ fn, args: ["input", "dim", "keepdim"], out });
const like = (fn: AnyFn, extra: string[] = []): OpSpec => generic({ fn, args: ["input", ...extra] });

export const TENSOR_OPS: Record<string, OpSpec> = {
  add: generic({ fn: ps.add, args: ["input", "other"], options: ["alpha"] }),
  sub: generic({ fn: ps.sub, args: ["input", "other"], options: ["alpha"] }),
  mul: binary(ps.mul),
  div: generic({ fn: ps.div, args: ["input", "other"], options: ["rounding_mode"] }),
  pow: generic({ fn: ps.pow, args: ["input", "exponent"] }),
  maximum: binary(ps.maximum),
  minimum: binary(ps.minimum),
  eq: binary(ps.eq),
  ne: binary(ps.ne),
  gt: binary(ps.gt),
  ge: binary(ps.ge),
  lt: binary(ps.lt),
  le: binary(ps.le),
  neg: unary(ps.neg),
  abs: unary(ps.abs),
  exp: unary(ps.exp),
  log: unary(ps.log),
  sqrt: unary(ps.sqrt),
  clamp: generic({ fn: ps.clamp, args: ["input", "min", "max"] }),
  where: generic({ fn: ps.where, args: ["condition", "input", "other"] }),
  sum: reduction(ps.sum),
  mean: reduction(ps.mean),
  prod: reduction(ps.prod),
  amax: reduction(ps.amax),
  amin: reduction(ps.amin),
  argmax: reduction(ps.argmax, "indices"),
  argmin: reduction(ps.argmin, "indices"),
  max: generic({ fn: ps.max, args: ["input", "dim|other", "keepdim"] }),
  min: generic({ fn: ps.min, args: ["input", "dim|other", "keepdim"] }),
  std: generic({ fn: ps.std, args: ["input", "dim"], options: ["correction", "keepdim"] }),
  var: generic({ fn: ps.variance, args: ["input", "dim"], options: ["correction", "keepdim"] }),
  norm: {
    ...generic({ fn: ps.norm, args: ["input", "p", "dim", "keepdim"] }),
    // an infinite p travels as the format's infinity strings
    convert: (o) => ({ ...o, p: o.p === "Infinity" ? Infinity : o.p === "-Infinity" ? -Infinity : o.p }),
  },
  select: generic({ fn: ps.select, args: ["input", "dim", "index"] }),
  narrow: generic({ fn: ps.narrow, args: ["input", "dim", "start", "length"] }),
  slice: generic({ fn: ps.slice, args: ["input", "index"] }),
  set: generic({
    fn: (x: Tensor, i: string, v: number | Tensor) => ps.set(ps.clone(x), i, v),
    args: ["input", "index", "value"],
  }),
  clone: unary(ps.clone),
  transpose: generic({ fn: ps.transpose, args: ["input", "dim0", "dim1"] }),
  permute: generic({ fn: ps.permute, args: ["input", "dims"] }),
  reshape: after(generic({ fn: ps.reshape, args: ["input", "shape"] })),
  view: after(generic({ fn: ps.view, args: ["input", "shape"] })),
  flatten: after(generic({ fn: ps.flatten, args: ["input", "start_dim", "end_dim"] })),
  is_contiguous: after(generic({ fn: (x: Tensor) => x.isContiguous(), args: ["input"] })),
  squeeze: generic({ fn: ps.squeeze, args: ["input", "dim"] }),
  unsqueeze: generic({ fn: ps.unsqueeze, args: ["input", "dim"] }),
  expand: generic({ fn: ps.expand, args: ["input", "size"] }),
  repeat: generic({ fn: ps.repeat, args: ["input", "repeats"] }),
  flip: generic({ fn: ps.flip, args: ["input", "dims"] }),
  roll: generic({ fn: ps.roll, args: ["input", "shifts", "dims"] }),
  cat: generic({ fn: ps.cat, args: ["tensors*", "dim"] }),
  stack: generic({ fn: ps.stack, args: ["tensors*", "dim"] }),
  pad: generic({ fn: ps.pad, args: ["input", "pad", "mode", "value"] }),
  ones: generic({ fn: ps.ones, args: ["size"] }),
  full: generic({ fn: ps.full, args: ["size", "fill_value"] }),
  zeros_like: like(ps.zerosLike),
  ones_like: like(ps.onesLike),
  full_like: like(ps.fullLike, ["fill_value"]),
  eye: generic({ fn: ps.eye, args: ["n", "m"] }),
  linspace: generic({ fn: ps.linspace, args: ["start", "end", "steps"] }),
  arange: generic({ fn: ps.arange, args: ["start", "end", "step"] }),
  matmul: binary(ps.matmul),
  allclose: generic({ fn: ps.allclose, args: ["input", "other"], options: ["rtol", "atol", "equal_nan"] }),
  equal: binary(ps.equal),
  sort: generic({ fn: ps.sort, args: ["input", "dim", "descending"] }),
  topk: {
    ...generic({ fn: ps.topk, args: ["input", "k", "dim", "largest", "sorted"] }),
    // sorted=false leaves PyTorch's order open: the case holds its results ordered by index, and so are ours
    run: (inputs: Inputs, o: Options): Record<string, Tensor> => {
      const r = generic({ fn: ps.topk, args: ["input", "k", "dim", "largest", "sorted"] }).run(inputs, o);
      return o.sorted === false ? byIndex(r.values, r.indices, (o.dim as number | undefined) ?? -1) : r;
    },
  },
  nonzero: generic({ fn: ps.nonzero, args: ["input"], out: "indices" }),
};
