/**
 * 2-d convolution (cross-correlation), as PyTorch's F.conv2d(x, weight, bias, stride, padding, dilation,
 * groups): x (N, Cin, H, W), weight (Cout, Cin/groups, kH, kW), zero padding. It sits beside pooling so a
 * notebook can build a small CNN stage (conv → ReLU → pool).
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor, expandParam, type PerDim } from "../geometry/params.js";
import { convAxis, windowStart } from "../geometry/window.js";
import { Tensor } from "../core/tensor.js";
import { allocValues } from "../core/storage.js";
import { tryFast } from "../backend/index.js";

export interface Conv2dOptions {
  /** Added per output channel, shape (Cout). */
  bias?: Tensor | null;
  stride?: PerDim;
  padding?: PerDim;
  dilation?: PerDim;
  groups?: number;
}

const OP = "conv2d";

export function conv2d(x: Tensor, weight: Tensor, options: Conv2dOptions = {}): Tensor {
  checkTensor(OP, "x", x);
  checkTensor(OP, "weight", weight);
  if (x.rank !== 4) throw new ParameterError(OP, "x.shape", x.shape, "must have 4 dims (N, C, H, W)");
  if (weight.rank !== 4)
    throw new ParameterError(OP, "weight.shape", weight.shape, "must have 4 dims (Cout, Cin/groups, kH, kW)");
  const groups = options.groups ?? 1;
  if (!Number.isInteger(groups) || groups < 1)
    throw new ParameterError(OP, "groups", groups, "must be a positive whole number");
  const [n, cin, h, w] = x.shape;
  const [cout, cinG, kh, kw] = weight.shape;
  if (cin % groups !== 0) throw new ParameterError(OP, "groups", groups, `must divide the input channels ${cin}`);
  if (cout % groups !== 0) throw new ParameterError(OP, "groups", groups, `must divide the output channels ${cout}`);
  if (cinG !== cin / groups) {
    throw new ParameterError(
      OP,
      "weight.shape",
      weight.shape,
      `needs ${cin / groups} input channels per group (Cin ${cin} / groups ${groups})`,
    );
  }
  const bias = options.bias ?? null;
  if (bias !== null) {
    checkTensor(OP, "bias", bias);
    if (bias.rank !== 1 || bias.shape[0] !== cout)
      throw new ParameterError(OP, "bias.shape", bias.shape, `must be [${cout}]`);
  }
  const stride = expandParam(OP, "stride", options.stride ?? 1, 2, 1);
  const padding = expandParam(OP, "padding", options.padding ?? 0, 2, 0);
  const dilation = expandParam(OP, "dilation", options.dilation ?? 1, 2, 1);
  const ay = convAxis(OP, "H", h, { kernel: kh, stride: stride[0], padding: padding[0], dilation: dilation[0] });
  const ax = convAxis(OP, "W", w, { kernel: kw, stride: stride[1], padding: padding[1], dilation: dilation[1] });
  const oh = ay.outSize;
  const ow = ax.outSize;
  if (groups === 1) {
    const fast = tryFast("conv2d", x.data, weight.data, bias?.data ?? null, {
      n, cin, h, w, cout, kh, kw, oh, ow,
      strideH: ay.stride, strideW: ax.stride, padTop: ay.padBefore, padLeft: ax.padBefore,
      dilationH: ay.dilation, dilationW: ax.dilation,
    }); // prettier-ignore
    if (fast) return new Tensor(fast, [n, cout, oh, ow]);
  }
  const coutG = cout / groups;
  const acc = new Float64Array(oh * ow);
  const y = allocValues(OP, n * cout * oh * ow, false);
  for (let b = 0; b < n; b++) {
    for (let oc = 0; oc < cout; oc++) {
      acc.fill(bias === null ? 0 : bias.data[oc]);
      const g = Math.floor(oc / coutG);
      for (let icg = 0; icg < cinG; icg++) {
        const inBase = (b * cin + g * cinG + icg) * h * w;
        for (let i = 0; i < kh; i++) {
          for (let j = 0; j < kw; j++) {
            const wv = weight.data[((oc * cinG + icg) * kh + i) * kw + j];
            for (let r = 0; r < oh; r++) {
              const ih = windowStart(ay, r) + i * ay.dilation;
              if (ih < 0 || ih >= h) continue;
              for (let s = 0; s < ow; s++) {
                const iw = windowStart(ax, s) + j * ax.dilation;
                if (iw >= 0 && iw < w) acc[r * ow + s] += wv * x.data[inBase + ih * w + iw];
              }
            }
          }
        }
      }
      y.set(acc, (b * cout + oc) * oh * ow);
    }
  }
  return new Tensor(y, [n, cout, oh, ow]);
}
