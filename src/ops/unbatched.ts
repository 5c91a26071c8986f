/**
 * Unbatched input where PyTorch takes it: a pooling op over nd spatial dims also accepts a tensor of rank
 * nd + 1 — (C, L), (C, H, W), (C, D, H, W) — runs it as a batch of one and returns the result without the
 * batch dim (output and indices alike), as torch.nn.functional does. A traced result keeps the batch of one
 * on its input and output, so they stay the tensors its trace's plane numbers and shapes describe.
 *
 * The ops are wrapped here, at the public entry, rather than inside each op file: every op keeps its one
 * batched path, and the wrapped function has the op's own overloads.
 */
import { Tensor, viewOf } from "../core/tensor.js";
import { maxPool1d as max1, maxPool2d as max2, maxPool3d as max3 } from "./maxPool.js";
import { avgPool1d as avg1, avgPool2d as avg2, avgPool3d as avg3 } from "./avgPool.js";
import { lpPool1d as lp1, lpPool2d as lp2, lpPool3d as lp3 } from "./lpPool.js";
import {
  adaptiveAvgPool1d as aavg1,
  adaptiveAvgPool2d as aavg2,
  adaptiveAvgPool3d as aavg3,
  adaptiveMaxPool1d as amax1,
  adaptiveMaxPool2d as amax2,
  adaptiveMaxPool3d as amax3,
} from "./adaptivePool.js";
import { maxUnpool1d as unpool1, maxUnpool2d as unpool2, maxUnpool3d as unpool3 } from "./unpool.js";

const batched = (t: Tensor): Tensor => viewOf(t, [1, ...t.shape]);
const unbatch = (t: Tensor): Tensor => viewOf(t, t.shape.slice(1));

function unbatchResult(r: unknown): unknown {
  if (r instanceof Tensor) return unbatch(r);
  const pair = r as { output?: unknown; indices?: unknown; trace?: unknown };
  // { output, indices } from returnIndices; a traced result (it has a trace) stays batched, see above
  if (pair && pair.trace === undefined && pair.output instanceof Tensor && pair.indices instanceof Tensor) {
    return { ...pair, output: unbatch(pair.output), indices: unbatch(pair.indices) };
  }
  return r;
}

/** op, accepting rank nd + 1 as one unbatched sample; `tensors` is how many leading arguments are tensors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function unbatched<F extends (...args: any[]) => unknown>(op: F, nd: number, tensors = 1): F {
  const wrapped = (...args: unknown[]): unknown => {
    const x = args[0];
    if (!(x instanceof Tensor) || x.rank !== nd + 1) return op(...args);
    const batchedArgs = args.map((a, i) => (i < tensors && a instanceof Tensor ? batched(a) : a));
    return unbatchResult(op(...batchedArgs));
  };
  return wrapped as F;
}

/** 1-d max pooling over (N, C, L) or unbatched (C, L), e.g. `maxPool1d(x, { kernelSize: 2 })`. */
export const maxPool1d = unbatched(max1, 1);
/** 2-d max pooling over (N, C, H, W) or unbatched (C, H, W), e.g. `maxPool2d(x, { kernelSize: 2 })`. */
export const maxPool2d = unbatched(max2, 2);
/** 3-d max pooling over (N, C, D, H, W) or unbatched (C, D, H, W). */
export const maxPool3d = unbatched(max3, 3);
/** 1-d average pooling over (N, C, L) or unbatched (C, L). */
export const avgPool1d = unbatched(avg1, 1);
/** 2-d average pooling over (N, C, H, W) or unbatched (C, H, W), e.g. `avgPool2d(x, { kernelSize: 2 })`. */
export const avgPool2d = unbatched(avg2, 2);
/** 3-d average pooling over (N, C, D, H, W) or unbatched (C, D, H, W). */
export const avgPool3d = unbatched(avg3, 3);
/** 1-d power-average (Lp) pooling over (N, C, L) or unbatched (C, L). */
export const lpPool1d = unbatched(lp1, 1);
/** 2-d power-average (Lp) pooling over (N, C, H, W) or unbatched (C, H, W). */
export const lpPool2d = unbatched(lp2, 2);
/** 3-d power-average (Lp) pooling over (N, C, D, H, W) or unbatched (C, D, H, W). */
export const lpPool3d = unbatched(lp3, 3);
/** 1-d adaptive average pooling to an output size, over (N, C, L) or unbatched (C, L). */
export const adaptiveAvgPool1d = unbatched(aavg1, 1);
/** 2-d adaptive average pooling to an output size, over (N, C, H, W) or unbatched (C, H, W). */
export const adaptiveAvgPool2d = unbatched(aavg2, 2);
/** 3-d adaptive average pooling to an output size, over (N, C, D, H, W) or unbatched (C, D, H, W). */
export const adaptiveAvgPool3d = unbatched(aavg3, 3);
/** 1-d adaptive max pooling to an output size, over (N, C, L) or unbatched (C, L). */
export const adaptiveMaxPool1d = unbatched(amax1, 1);
/** 2-d adaptive max pooling to an output size, over (N, C, H, W) or unbatched (C, H, W). */
export const adaptiveMaxPool2d = unbatched(amax2, 2);
/** 3-d adaptive max pooling to an output size, over (N, C, D, H, W) or unbatched (C, D, H, W). */
export const adaptiveMaxPool3d = unbatched(amax3, 3);
/** 1-d max unpooling (the inverse of max pooling with its indices), batched or unbatched (C, L). */
export const maxUnpool1d = unbatched(unpool1, 1, 2);
/** 2-d max unpooling (the inverse of max pooling with its indices), batched or unbatched (C, H, W). */
export const maxUnpool2d = unbatched(unpool2, 2, 2);
/** 3-d max unpooling (the inverse of max pooling with its indices), batched or unbatched (C, D, H, W). */
export const maxUnpool3d = unbatched(unpool3, 3, 2);
