from .cells import code, md

NAME = "03-output-size-arithmetic.ipynb"

CELLS = [
    md(
        """
# 3 · Output-size arithmetic

How big is the output of a convolution or a pooling layer? One formula per axis answers it, with stride,
padding, dilation and (for pooling) ceil mode. `explainConvOutputSize`, `explainPoolOutputSize` and
`explainTfPoolOutputSize` return the size *and* the working; every cell then checks the answer against a real op
(the shapes it returns, and for SAME where its padding went), and the parameter counts are read off the tensors a
layer holds.
""",
        """
# 3 · 输出尺寸的算术

卷积层或池化层的输出有多大？每个轴一条公式就能回答，其中涉及步幅、填充、膨胀以及（池化才有的）ceil 模式。
`explainConvOutputSize`、`explainPoolOutputSize` 和 `explainTfPoolOutputSize` 既返回尺寸也给出演算过程；
每个单元格随后都用真实的运算来核对答案（核对它返回的形状，SAME 还要核对填充加在了哪里），参数个数则从层所持有的张量上数出来。
""",
    ),
    md(
        """
## Convolution

For an input of length n, kernel k, stride s, padding p on both sides and dilation d (the kernel's taps are d
apart, so it spans d(k−1)+1 cells):

  out = ⌊(n + 2p − d(k−1) − 1) / s⌋ + 1
""",
        """
## 卷积

输入长度 n、卷积核 k、步幅 s、两侧各填充 p、膨胀 d（卷积核的抽头间隔为 d，所以它覆盖 d(k−1)+1 个格子）时：

  out = ⌊(n + 2p − d(k−1) − 1) / s⌋ + 1
""",
    ),
    code(
        """
const convCases = [
  { size: 32, kernelSize: 5 },
  { size: 32, kernelSize: 5, padding: 2 },
  { size: 32, kernelSize: 3, stride: 2, padding: 1 },
  { size: 32, kernelSize: 3, dilation: 2 },
];
for (const q of convCases) {
  const e = explainConvOutputSize(q);
  const real = conv2d(zeros([1, 1, q.size, q.size]), zeros([1, 1, q.kernelSize, q.kernelSize]), q).shape[2];
  console.log(e.steps.join("; "), ` (conv2d gives ${real})`);
}
""",
        zh=[(" (conv2d gives ", "（conv2d 给出 "), (")`", "）`")],
    ),
    md(
        """
"Same" size for stride 1 needs p = (k−1)/2 for odd k; stride 2 with p = 1 halves the side (rounding up).

## Pooling: floor and ceil mode

Pooling uses the same formula (the stride defaults to the kernel). In **ceil mode** the division rounds up,
so a last, partial window is kept — unless it would *start* in the right padding, which PyTorch drops.
A 7×7 map of 0…48 with 2×2 windows:
""",
        """
步幅为 1 时要保持"同样"尺寸，奇数 k 需要 p = (k−1)/2；步幅 2 加 p = 1 则把边长减半（向上取整）。

## 池化：floor 模式与 ceil 模式

池化用同一条公式（步幅默认等于窗口大小）。在 **ceil 模式**下除法向上取整，于是最后一个不完整的窗口会被保留——
除非它会*从*右侧的填充区开始，PyTorch 会丢掉这样的窗口。下面是一张 0…48 的 7×7 图，窗口 2×2：
""",
    ),
    code(
        """
const grid7 = reshape(arange(49), [1, 1, 7, 7]);
console.log(explainPoolOutputSize({ size: 7, kernelSize: 2 }).text);
console.log(explainPoolOutputSize({ size: 7, kernelSize: 2, ceilMode: true }).text);
display(maxPool2d(grid7, { kernelSize: 2, trace: true }));
maxPool2d(grid7, { kernelSize: 2, ceilMode: true, trace: true })
"""
    ),
    md(
        """
Floor mode gives 3×3 and never looks at row 6 or column 6; ceil mode gives 4×4, whose last row and column are
windows of one cell (hover them in JupyterLab). The drop rule shows up with padding: n = 5, k = 2, s = 2, p = 1 in
ceil mode would give 4 windows, but the fourth would start at (4−1)·2 = 6, entirely in the right padding, so
PyTorch returns 3. Likewise n = 9, k = 4, s = 4, p = 2 gives 3, not 4.
""",
        """
floor 模式得到 3×3，完全不看第 6 行和第 6 列；ceil 模式得到 4×4，最后一行和一列是只含一个格子的窗口（在 JupyterLab
中悬停查看）。丢弃规则在有填充时才显现：n = 5、k = 2、s = 2、p = 1 的 ceil 模式本应得到 4 个窗口，但第四个会从
(4−1)·2 = 6 开始，完全落在右侧填充里，所以 PyTorch 返回 3。同理 n = 9、k = 4、s = 4、p = 2 得到 3 而不是 4。
""",
    ),
    code(
        """
for (const q of [
  { size: 5, kernelSize: 2, stride: 2, padding: 1, ceilMode: true },
  { size: 9, kernelSize: 4, stride: 4, padding: 2, ceilMode: true },
]) {
  const e = explainPoolOutputSize(q);
  const real = maxPool1d(zeros([1, 1, q.size]), q).shape[2];
  console.log(e.steps.join("\\n  "), `\\n  maxPool1d gives ${real}`);
}
""",
        zh=[("maxPool1d gives ", "maxPool1d 给出 ")],
    ),
    md(
        """
## Padding and dilation in pooling

Max pooling pads with −∞ (a padded cell never wins); average pooling pads with zeros and, by default, counts them
in the divisor (`countIncludePad: true`). PyTorch also limits the padding to half the kernel. Dilation spreads
a max pool's taps: k = 3, d = 2 spans 5 cells, so with stride 1 a 7×7 map gives 3×3.
""",
        """
## 池化中的填充与膨胀

最大池化用 −∞ 填充（填充的格子永远不会胜出）；平均池化用 0 填充，并且默认把它们计入除数（`countIncludePad: true`）。
PyTorch 还规定填充不得超过窗口的一半。膨胀让最大池化的抽头分散开：k = 3、d = 2 覆盖 5 个格子，所以步幅为 1 时 7×7 的图得到 3×3。
""",
    ),
    code(
        """
const ones5 = ones([1, 1, 5, 5]);
const padded3 = { kernelSize: 3, stride: 2, padding: 1 };
console.log("avg, zeros counted:    ", String(avgPool2d(ones5, padded3).flatten()));
console.log("avg, zeros not counted:", String(avgPool2d(ones5, { ...padded3, countIncludePad: false }).flatten()));
console.log(explainPoolOutputSize({ size: 7, kernelSize: 3, stride: 1, dilation: 2 }).text);
try {
  maxPool2d(ones5, { kernelSize: 2, padding: 2 });
} catch (e) {
  console.log(String(e));
}
maxPool2d(grid7, { kernelSize: 3, stride: 1, dilation: 2, trace: true })
""",
        zh=[('"avg, zeros counted:    "', '"平均，计入填充的 0：  "'), ('"avg, zeros not counted:"', '"平均，不计入填充的 0："')],
    ),
    md(
        """
A corner window of the padded average covers 4 real ones and 5 padded zeros, so it averages to 4/9 ≈ 0.444 when
the zeros count and to 1 when they don't.

## TensorFlow: SAME and VALID

TensorFlow and Keras do not take a number for the padding but a policy:
- **VALID**: no padding, out = ⌈(n − k + 1)/s⌉ (the same as PyTorch's floor mode with p = 0);
- **SAME**: out = ⌈n/s⌉, with just enough padding; when the total is odd the extra cell goes to the bottom/right.
  Padded cells are ignored, by the max and by the average alike.

Each row is checked against `maxPool2d` with `padding: "valid"` / `"same"`: its output size, and, for SAME, that it
equals a VALID pooling of the map padded by hand with −∞ (`pad`) as many cells before and after as the working says.
""",
        """
填充后的平均池化，角上的窗口包含 4 个真实的 1 和 5 个填充的 0：把 0 计入时平均值为 4/9 ≈ 0.444，不计入时为 1。

## TensorFlow：SAME 与 VALID

TensorFlow 和 Keras 的填充不取数字，而是取一种策略：
- **VALID**：不填充，out = ⌈(n − k + 1)/s⌉（等同于 PyTorch 在 p = 0 时的 floor 模式）；
- **SAME**：out = ⌈n/s⌉，只填必要的量；总填充为奇数时，多出的一格放在下方/右侧。最大值和平均值都忽略填充的格子。

每一行都用 `maxPool2d`（`padding: "valid"` / `"same"`）核对：核对输出尺寸；对 SAME 还核对它等于先用 `pad` 按演算给出的
前后格数手工填充 −∞、再做 VALID 池化的结果。
""",
    ),
    code(
        """
for (const q of [
  { size: 4, kernelSize: 2, stride: 2 },
  { size: 3, kernelSize: 2, stride: 2 },
  { size: 13, kernelSize: 6, stride: 5 },
  { size: 5, kernelSize: 3, stride: 2 },
]) {
  const map = rand([1, 1, q.size, q.size], { seed: q.size });
  for (const padding of ["valid", "same"] as const) {
    const e = explainTfPoolOutputSize({ ...q, padding });
    const real = maxPool2d(map, { ...q, padding });
    let check = `maxPool2d gives ${real.shape[2]}`;
    if (padding === "same") {
      const [before, after] = samePadding(q.size, q.kernelSize, q.stride);
      const byHand = maxPool2d(map.pad([before, after, before, after], "constant", -Infinity), { ...q, padding: "valid" });
      check += `, equals VALID on the map padded ${before} before / ${after} after: ${real.equal(byHand)}`;
    }
    console.log(`n=${q.size} k=${q.kernelSize} s=${q.stride} ${padding.toUpperCase().padEnd(5)}`, e.steps.join("; "), `(${check})`);
  }
}
""",
        zh=[("`maxPool2d gives ", "`maxPool2d 给出 "), ("`, equals VALID on the map padded ", "`，等于前后分别填充 "), (" before / ", " / "), (" after: ", " 格后做 VALID："), ("`(${check})`", "`（${check}）`")],
    ),
    md(
        """
TensorFlow's own example: a 3×4 image of 1…12 in NHWC layout (one channel last), 2×2 windows, stride 2.
VALID drops the third row and gives [[6, 8]]; SAME pads one row at the bottom and gives [[6, 8], [10, 12]]; the
SAME average divides the last row's windows by 2, the cells that exist: [[3.5, 5.5], [9.5, 11.5]].
""",
        """
TensorFlow 文档中的例子：一张 NHWC 布局（通道在最后）的 3×4 图像，值为 1…12，窗口 2×2，步幅 2。VALID 丢掉第三行，得到
[[6, 8]]；SAME 在下方补一行，得到 [[6, 8], [10, 12]]；SAME 的平均池化对最后一行的窗口除以 2，即实际存在的格子数：
[[3.5, 5.5], [9.5, 11.5]]。
""",
    ),
    code(
        """
const tf34 = reshape(arange(1, 13), [1, 3, 4, 1]); // N, H, W, C
const opts = { kernelSize: 2, stride: 2, dataFormat: "NHWC" } as const;
const rows = (t: Tensor) => JSON.stringify((toChannelsFirst(t).toArray() as number[][][][])[0][0]);
console.log("VALID max:", rows(maxPool2d(tf34, { ...opts, padding: "valid" })));
console.log("SAME max: ", rows(maxPool2d(tf34, { ...opts, padding: "same" })));
console.log("SAME avg: ", rows(avgPool2d(tf34, { ...opts, padding: "same" })));
maxPool2d(tf34, { ...opts, padding: "same", trace: true })
""",
        zh=[('"VALID max:"', '"VALID 最大："'), ('"SAME max: "', '"SAME 最大： "'), ('"SAME avg: "', '"SAME 平均： "'), ("// N, H, W, C", "// N, H, W, C（通道在后）")],
    ),
    md(
        """
## The TensorFlow layer parameters

`tf.layers.max_pooling2d(inputs, pool_size, strides, padding='valid', data_format='channels_last')` and
`average_pooling2d` take four things, each with a poolscope counterpart:

| TensorFlow / Keras | meaning | poolscope |
|---|---|---|
| `pool_size` | window size, an int or (h, w) | `kernelSize` |
| `strides` | step between windows (Keras: `None` means `pool_size`) | `stride` |
| `padding` | `'valid'` or `'same'` (case-insensitive) | `padding: "valid"` / `"same"` |
| `data_format` | `'channels_last'` (N, H, W, C), the default, or `'channels_first'` (N, C, H, W) | `dataFormat: "NHWC"` / `"NCHW"` |

The layout changes where the channel sits, not the result: pooling channels-last data equals pooling the
channels-first copy.
""",
        """
## TensorFlow 池化层的参数

`tf.layers.max_pooling2d(inputs, pool_size, strides, padding='valid', data_format='channels_last')` 和
`average_pooling2d` 接受四个参数，每个在 poolscope 中都有对应：

| TensorFlow / Keras | 含义 | poolscope |
|---|---|---|
| `pool_size` | 窗口大小，整数或 (h, w) | `kernelSize` |
| `strides` | 窗口之间的步幅（Keras 中 `None` 表示等于 `pool_size`） | `stride` |
| `padding` | `'valid'` 或 `'same'`（不区分大小写） | `padding: "valid"` / `"same"` |
| `data_format` | 默认 `'channels_last'`（N, H, W, C），或 `'channels_first'`（N, C, H, W） | `dataFormat: "NHWC"` / `"NCHW"` |

布局只改变通道所在的位置，不改变结果：对通道在后的数据做池化，等于对通道在前的副本做池化。
""",
    ),
    code(
        """
const nhwc = rand([1, 5, 5, 2], { seed: 4 });
const a = maxPool2d(nhwc, { kernelSize: 2, stride: 1, padding: "same", dataFormat: "NHWC" });
const b = maxPool2d(toChannelsFirst(nhwc), { kernelSize: 2, stride: 1, padding: "same" });
console.log("NHWC result", a.shape, "NCHW result", b.shape);
console.log("identical after moving the channel:", toChannelsFirst(a).equal(b));
b
""",
        zh=[('"NHWC result"', '"NHWC 结果"'), ('"NCHW result"', '"NCHW 结果"'), ('"identical after moving the channel:"', '"移动通道后完全相同："')],
    ),
    md(
        """
## Parameter counts

A convolution has Cout·Cin·kh·kw weights plus Cout biases, independent of the image size; a dense layer has
in·out weights plus out biases; a pooling layer has **none** — it only has hyper-parameters (size, stride,
padding). The first convolution of a VGG-style network, its second block, its last 2×2 max pool and the first
dense layer on that pool's 512×7×7 output. Each layer is built from its tensors and run once; its parameter count is
the number of values in the tensors it holds (a pooling layer holds none), checked against the formula. The dense
layer's 4096×25088 weight matrix (411 MB in float32) is only counted from its shape, not allocated:
""",
        """
## 参数个数

卷积层有 Cout·Cin·kh·kw 个权重加 Cout 个偏置，与图像大小无关；全连接层有 in·out 个权重加 out 个偏置；池化层**没有**参数——
它只有超参数（窗口大小、步幅、填充）。下面是 VGG 式网络的第一个卷积层、第二块的卷积层、最后一个 2×2 最大池化层，以及接在这个池化层
512×7×7 输出上的第一个全连接层。每一层都由它的张量搭起来并运行一次；参数个数就是它所持有的张量中数值的个数（池化层一个也没有），
再与公式核对。全连接层 4096×25088 的权重矩阵（float32 下 411 MB）只按形状计数，不真正分配：
""",
    ),
    code(
        """
// a layer: the tensors it holds (its parameters) and the call that uses them
const convLayer = (cin: number, cout: number) => {
  const weight = randn([cout, cin, 3, 3], { seed: cout }), bias = zeros([cout]);
  return { params: [weight, bias], run: (t: Tensor) => conv2d(t, weight, { bias, padding: 1 }) };
};
const poolLayer = { params: [] as Tensor[], run: (t: Tensor) => maxPool2d(t, { kernelSize: 2 }) };
const count = (params: Tensor[]) => params.reduce((s, t) => s + t.size, 0);
const conv1 = convLayer(3, 64), conv2 = convLayer(64, 128);
const c1out = conv1.run(rand([1, 3, 8, 8], { seed: 1 })); // run once: the tensors fit the call
const c2out = conv2.run(rand([1, 64, 8, 8], { seed: 2 }));
const pooledOut = poolLayer.run(rand([1, 512, 14, 14], { seed: 3 })); // VGG's last pool: 512×14×14 → 512×7×7
const denseIn = flatten(pooledOut).shape[1];
const denseShapes = [[4096, denseIn], [4096]]; // weight and bias, counted by shape
const denseCount = denseShapes.reduce((s, shape) => s + shapeSize(shape), 0);
const rows = [
  ["conv 3→64, 3×3", count(conv1.params), conv2dParamCount({ inChannels: 3, outChannels: 64, kernelSize: 3 }).total, c1out],
  ["conv 64→128, 3×3", count(conv2.params), conv2dParamCount({ inChannels: 64, outChannels: 128, kernelSize: 3 }).total, c2out],
  ["max pool 2×2", count(poolLayer.params), 0, pooledOut],
  [`dense ${denseIn}→4096`, denseCount, linearParamCount({ inFeatures: denseIn, outFeatures: 4096 }).total, null],
] as const;
for (const [name, n, formula, out] of rows) {
  const shape = out ? ` (output ${out.shape.slice(1).join("×")})` : "";
  console.log(`${name.padEnd(18)} ${n.toLocaleString("en-US").padStart(11)} parameters, formula ${formula.toLocaleString("en-US")}${shape}`);
}
""",
        zh=[
            ("// a layer: the tensors it holds (its parameters) and the call that uses them", "// 一层：它持有的张量（参数）和使用它们的调用"),
            ("// run once: the tensors fit the call", "// 运行一次：张量与调用相符"),
            ("// VGG's last pool: 512×14×14 → 512×7×7", "// VGG 的最后一个池化层：512×14×14 → 512×7×7"),
            ("// weight and bias, counted by shape", "// 权重和偏置，按形状计数"),
            ('"conv 3→64, 3×3"', '"卷积 3→64，3×3"'),
            ('"conv 64→128, 3×3"', '"卷积 64→128，3×3"'),
            ('"max pool 2×2"', '"最大池化 2×2"'),
            ("`dense ${denseIn}→4096`", "`全连接 ${denseIn}→4096`"),
            ("` (output ", "`（输出 "),
            (")`", "）`"),
            (" parameters, formula ", " 个参数，公式 "),
        ],
    ),
    md(
        """
The dense layer alone holds about 100 million parameters, far more than the convolutions, and the pooling layer
none: the dense layer's size is set by the number of values that reach it, which is what pooling reduces
(notebooks 4 and 6).

## Exercises

1. What do SAME and VALID give for n = 7, k = 3, s = 2, and where does SAME put its padding?
2. Which input sizes n ≤ 20 give a 4×4 output after two `conv 3×3, stride 2, padding 1` layers?

The next cell answers both with the explain functions and checks them with the real ops.
""",
        """
仅这一个全连接层就有约 1 亿个参数，远超卷积层，而池化层一个也没有：全连接层的大小由到达它的数值个数决定，而这正是池化所减少的
（见第 4、6 篇）。

## 练习

1. n = 7、k = 3、s = 2 时，SAME 和 VALID 各得到多少？SAME 把填充放在哪里？
2. n ≤ 20 中，哪些输入尺寸经过两层"3×3 卷积、步幅 2、填充 1"后得到 4×4 的输出？

下一个单元格用 explain 函数回答这两个问题，并用真实的运算核对。
""",
    ),
]
CELLS.append(
    code(
        """
const map7 = rand([1, 1, 7, 7], { seed: 7 });
for (const padding of ["same", "valid"] as const) {
  const e = explainTfPoolOutputSize({ size: 7, kernelSize: 3, stride: 2, padding });
  console.log(`1. ${padding.toUpperCase()}: ${e.steps.join("; ")} (maxPool2d gives ${maxPool2d(map7, { kernelSize: 3, stride: 2, padding }).shape[2]})`);
}
const twice = (n: number) => {
  const q = { kernelSize: 3, stride: 2, padding: 1 };
  const m = explainConvOutputSize({ size: explainConvOutputSize({ size: n, ...q }).size, ...q }).size;
  const w = zeros([1, 1, 3, 3]);
  const real = conv2d(conv2d(zeros([1, 1, n, n]), w, q), w, q).shape[2];
  return m === real ? m : NaN; // NaN would mean the formula and the op disagree
};
const sizes = Array.from({ length: 20 }, (_, i) => i + 1).filter((n) => twice(n) === 4);
console.log(`2. sizes that give 4×4: ${sizes.join(", ")}`);
""",
        zh=[
            (" (maxPool2d gives ", "（maxPool2d 给出 "),
            (")`", "）`"),
            ("// NaN would mean the formula and the op disagree", "// 若为 NaN，说明公式与运算不一致"),
            ("`2. sizes that give 4×4: ", "`2. 得到 4×4 的尺寸："),
        ],
    )
)
