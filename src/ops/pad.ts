/**
 * F.pad: padding (or, with negative amounts, cropping) the last dims, in PyTorch's order — `pad` lists
 * (left, right) for the last dim, then (top, bottom) for the one before, and so on. Modes: "constant" (value,
 * default 0, any rank), "reflect" (mirror without repeating the edge; each amount below the dim's size) and
 * "replicate" (repeat the edge), the latter two on 1–3 trailing dims of a tensor with one or two more dims, as
 * PyTorch allows.
 */
import { ParameterError } from "../core/errors.js";
import { installMethods } from "../core/methods.js";
import { Tensor } from "../core/tensor.js";
import { gather, range } from "./select.js";

export type PadMode = "constant" | "reflect" | "replicate";

/** Pads the last pad.length / 2 dims (torch.nn.functional.pad). */
export function pad(input: Tensor, pad: readonly number[], mode: PadMode = "constant", value = 0): Tensor {
  if (!(input instanceof Tensor)) throw new ParameterError("pad", "input", input, "must be a Tensor");
  const x = input;
  if (!Array.isArray(pad) || pad.length % 2 !== 0 || pad.some((p) => !Number.isInteger(p)))
    throw new ParameterError("pad", "pad", pad, "must be an even-length list of whole numbers");
  const n = pad.length / 2;
  if (n > x.rank)
    throw new ParameterError(
      "pad",
      "pad",
      pad,
      `pads ${n} dims of a ${x.rank}-d tensor of shape [${x.shape.join(", ")}]`,
    );
  if (!["constant", "reflect", "replicate"].includes(mode))
    throw new ParameterError("pad", "mode", mode, 'must be "constant", "reflect" or "replicate"');
  if (mode !== "constant" && (n === 0 || n > 3 || x.rank < n + 1 || x.rank > n + 2))
    throw new ParameterError(
      "pad",
      "pad",
      pad,
      `in ${mode} mode pads the last 1–3 dims of a tensor with one or two more dims; got ${n} for shape [${x.shape.join(", ")}]`,
    );
  if (typeof value !== "number") throw new ParameterError("pad", "value", value, "must be a number");
  const maps = x.shape.map((s) => range(0, s));
  for (let k = 0; k < n; k++) {
    const d = x.rank - 1 - k;
    const size = x.shape[d];
    const before = pad[2 * k];
    const after = pad[2 * k + 1];
    const out = size + before + after;
    if (out < 0) throw new ParameterError("pad", "pad", pad, `makes dim ${d} of size ${size} negative (${out})`);
    if (mode === "reflect" && (before >= size || after >= size || before < 0 || after < 0))
      throw new ParameterError("pad", "pad", pad, `must be ≥ 0 and below the size ${size} of dim ${d} in reflect mode`);
    if (mode === "replicate" && (size === 0 || before < 0 || after < 0))
      throw new ParameterError(
        "pad",
        "pad",
        pad,
        `must be ≥ 0 on a non-empty dim ${d} (size ${size}) in replicate mode`,
      );
    maps[d] = Int32Array.from({ length: out }, (_, j) => {
      const i = j - before;
      if (i >= 0 && i < size) return i;
      if (mode === "constant") return -1;
      if (mode === "replicate") return i < 0 ? 0 : size - 1;
      return i < 0 ? -i : 2 * (size - 1) - i;
    });
  }
  return gather(x, maps, Math.fround(value));
}

declare module "../core/tensor.js" {
  interface Tensor {
    /** Padded as F.pad(this, pad, mode, value): (left, right) for the last dim first. */
    pad(pad: readonly number[], mode?: PadMode, value?: number): Tensor;
  }
}

installMethods({
  pad(p: readonly number[], mode?: PadMode, value?: number) {
    return pad(this, p, mode, value);
  },
});
