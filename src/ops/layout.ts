/**
 * Channel layout conversion: channels first (N, C, spatial…; PyTorch) ↔ channels last (N, spatial…, C;
 * TensorFlow/Keras). Pooling runs channels first; channels-last ops convert at their edges.
 */
import { ParameterError } from "../core/errors.js";
import { channelsFirstValues } from "../geometry/layout.js";
import { checkTensor } from "../geometry/params.js";
import { shapeSize } from "../core/shape.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";

/** (N, spatial…, C) → (N, C, spatial…), any rank ≥ 3. */
export function toChannelsFirst(x: Tensor, op = "toChannelsFirst"): Tensor {
  checkRank(op, x);
  const moved = channelsFirstValues(x.shape, x.data)!; // checkRank leaves no null case
  return new Tensor(moved.values, moved.shape);
}

/** (N, C, spatial…) → (N, spatial…, C), any rank ≥ 3. */
export function toChannelsLast(x: Tensor, op = "toChannelsLast"): Tensor {
  checkRank(op, x);
  const [n, c, ...spatial] = x.shape;
  const plane = shapeSize(spatial);
  const out = allocValues("layout", x.size, false);
  for (let b = 0; b < n; b++) {
    const base = b * plane * c;
    for (let k = 0; k < c; k++) for (let p = 0; p < plane; p++) out[base + p * c + k] = x.data[base + k * plane + p];
  }
  return new Tensor(out, [n, ...spatial, c]);
}

/** NCHW → NHWC. */
export function nchwToNhwc(x: Tensor): Tensor {
  checkRank4("nchwToNhwc", x);
  return toChannelsLast(x, "nchwToNhwc");
}

/** NHWC → NCHW. */
export function nhwcToNchw(x: Tensor): Tensor {
  checkRank4("nhwcToNchw", x);
  return toChannelsFirst(x, "nhwcToNchw");
}

function checkRank(op: string, x: Tensor): void {
  checkTensor(op, "x", x);
  if (x.rank < 3)
    throw new ParameterError(op, "x.shape", x.shape, "must have at least 3 dims (N, C and a spatial dim)");
}

function checkRank4(op: string, x: Tensor): void {
  checkTensor(op, "x", x);
  if (x.rank !== 4) throw new ParameterError(op, "x.shape", x.shape, "must have 4 dims");
}
