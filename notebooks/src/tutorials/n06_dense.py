from .cells import code, md

NAME = "06-pooling-and-dense-layers.ipynb"

CELLS = [
    md(
        """
# 6 · Pooling and dense layers

In TensorFlow a pooling layer is written `tf.layers.max_pooling2d(inputs, pool_size, strides, padding='valid',
data_format='channels_last')` (and `average_pooling2d` alike; Keras: `MaxPooling2D`, `AveragePooling2D`). This
notebook runs those parameters, then follows a classifier's tail: pooling → flatten → dense.
""",
        """
# 6 · 池化与全连接层

在 TensorFlow 中，池化层写作 `tf.layers.max_pooling2d(inputs, pool_size, strides, padding='valid',
data_format='channels_last')`（`average_pooling2d` 同理；Keras 中是 `MaxPooling2D`、`AveragePooling2D`）。
本篇先逐个运行这些参数，再沿着分类器的尾部走一遍：池化 → 展平 → 全连接。
""",
    ),
    md(
        """
## The parameters, one at a time

`inputs` is channels-last by default: (batch, height, width, channels). A 6×6 map with 2 channels; `pool_size`
2, `strides` 2, `padding` 'valid':
""",
        """
## 逐个看参数

`inputs` 默认是通道在后：(batch, height, width, channels)。一张 2 通道的 6×6 图；`pool_size` 为 2、`strides` 为 2、
`padding` 为 'valid'：
""",
    ),
    code(
        """
const inputs = rand([1, 6, 6, 2], { seed: 5 }); // N, H, W, C
const maxPooling2d = (x: Tensor, poolSize: number, strides: number, padding: "valid" | "same" = "valid") =>
  maxPool2d(x, { kernelSize: poolSize, stride: strides, padding, dataFormat: "NHWC" });
const averagePooling2d = (x: Tensor, poolSize: number, strides: number, padding: "valid" | "same" = "valid") =>
  avgPool2d(x, { kernelSize: poolSize, stride: strides, padding, dataFormat: "NHWC" });
const shapes: [string, Tensor][] = [
  ["max  pool 2, strides 2, valid", maxPooling2d(inputs, 2, 2)],
  ["max  pool 3, strides 2, valid", maxPooling2d(inputs, 3, 2)],
  ["max  pool 3, strides 2, same ", maxPooling2d(inputs, 3, 2, "same")],
  ["max  pool 3, strides 1, same ", maxPooling2d(inputs, 3, 1, "same")],
  ["avg  pool 2, strides 2, valid", averagePooling2d(inputs, 2, 2)],
];
for (const [label, t] of shapes) console.log(label, "→", t.shape.join("×"));
show([toChannelsFirst(inputs), toChannelsFirst(maxPooling2d(inputs, 2, 2))], { titles: ["inputs (channels first)", "max pool 2, strides 2, valid"] })
""",
        zh=[
            ('"max  pool 2, strides 2, valid"', '"最大池化 2，步幅 2，valid"'),
            ('"max  pool 3, strides 2, valid"', '"最大池化 3，步幅 2，valid"'),
            ('"max  pool 3, strides 2, same "', '"最大池化 3，步幅 2，same "'),
            ('"max  pool 3, strides 1, same "', '"最大池化 3，步幅 1，same "'),
            ('"avg  pool 2, strides 2, valid"', '"平均池化 2，步幅 2，valid"'),
            ('"inputs (channels first)"', '"inputs（通道在前）"'),
            ('"max pool 2, strides 2, valid"', '"最大池化 2，步幅 2，valid"'),
        ],
    ),
    md(
        """
Pooling acts on each channel separately, so the channel count never changes; only height and width do. The
pictures show the channels-first copies (one panel per channel). `padding='same'` keeps ⌈n/s⌉ positions, so with
strides 1 the size is unchanged — the pooling then only smooths (average) or dilates bright regions (max). The
next cell measures both on the 6×6 input: the average's values spread less (a smaller standard deviation), and the
max's bright cells (above 0.8) grow in number, each bright cell spreading over its 3×3 neighbourhood.
""",
        """
池化在每个通道上分别进行，所以通道数永远不变，变的只是高和宽。图中显示的是通道在前的副本（每个通道一幅）。
`padding='same'` 保留 ⌈n/s⌉ 个位置，所以步幅为 1 时尺寸不变——此时池化只起平滑（平均）或扩张亮区（最大）的作用。
下一个单元格在 6×6 的输入上测量这两点：平均池化后数值更集中（标准差更小），最大池化后亮格（高于 0.8）的个数增多，
每个亮格扩散到它的 3×3 邻域。
""",
    ),
    code(
        """
const same3 = { kernelSize: 3, stride: 1, padding: "same", dataFormat: "NHWC" } as const;
const smoothed = avgPool2d(inputs, same3), dilated = maxPool2d(inputs, same3);
console.log(`std: input ${inputs.std().item().toFixed(3)}, average pool ${smoothed.std().item().toFixed(3)}`);
console.log(`cells above 0.8: input ${inputs.gt(0.8).sum().item()}, max pool ${dilated.gt(0.8).sum().item()} (of ${inputs.size})`);
show([toChannelsFirst(inputs), toChannelsFirst(smoothed), toChannelsFirst(dilated)], { titles: ["inputs", "average 3×3, strides 1, same", "max 3×3, strides 1, same"] })
""",
        zh=[
            ("`std: input ", "`标准差：输入 "),
            (", average pool ", "，平均池化 "),
            ("`cells above 0.8: input ", "`高于 0.8 的格子：输入 "),
            (", max pool ", "，最大池化 "),
            (" (of ${inputs.size})`", "（共 ${inputs.size} 个）`"),
            ('"average 3×3, strides 1, same"', '"平均 3×3，步幅 1，same"'),
            ('"max 3×3, strides 1, same"', '"最大 3×3，步幅 1，same"'),
        ],
    ),
    md(
        """
## Pooling → flatten → dense

A small classifier on the 24×24 RGB street scene: two convolution + ReLU + 2×2 max pool stages, then flatten and
a dense layer with 10 outputs. Weights are seeded and untrained; the point is the shapes and the parameter counts,
which are the number of values in the weight and bias tensors each layer is called with (a pooling layer is called
with none), checked against `conv2dParamCount` / `linearParamCount`.
""",
        """
## 池化 → 展平 → 全连接

在 24×24 的彩色街景上搭一个小分类器：两段"卷积 + ReLU + 2×2 最大池化"，然后展平，再接一个 10 输出的全连接层。
权重是固定种子的随机值，未经训练；重点是形状和参数个数：参数个数就是每层调用时所用的权重和偏置张量中数值的个数（池化层不用任何张量），
并与 `conv2dParamCount` / `linearParamCount` 核对。
""",
    ),
    code(
        """
const he = (shape: number[], seed: number) => {
  const fanIn = shape.slice(1).reduce((a, b) => a * b, 1);
  return randn(shape, { seed }).mul(Math.sqrt(2 / fanIn));
};
const street = await loadImage("../images/street.png");
const image = avgPool2d(street, { kernelSize: 4 }); // 1×3×24×24
const w1 = he([8, 3, 3, 3], 1), b1 = zeros([8]);
const w2 = he([16, 8, 3, 3], 2), b2 = zeros([16]);
const features = (img: Tensor) => {
  const c1 = relu(conv2d(img, w1, { bias: b1, padding: 1 }));
  const p1 = maxPool2d(c1, { kernelSize: 2 });
  const c2 = relu(conv2d(p1, w2, { bias: b2, padding: 1 }));
  return { c1, p1, c2, p2: maxPool2d(c2, { kernelSize: 2 }) };
};
const { c1, p1, c2, p2 } = features(image);
const flat = flatten(p2);
const wd = he([10, flat.shape[1]], 3), bd = zeros([10]);
const logits = linear(flat, wd, bd);
const count = (params: Tensor[]) => params.reduce((s, t) => s + t.size, 0);
const layers: [string, Tensor, Tensor[], number][] = [
  ["input", image, [], 0],
  ["conv 3→8, 3×3", c1, [w1, b1], conv2dParamCount({ inChannels: 3, outChannels: 8, kernelSize: 3 }).total],
  ["max pool 2×2", p1, [], 0],
  ["conv 8→16, 3×3", c2, [w2, b2], conv2dParamCount({ inChannels: 8, outChannels: 16, kernelSize: 3 }).total],
  ["max pool 2×2", p2, [], 0],
  ["flatten", flat, [], 0],
  ["dense → 10", logits, [wd, bd], linearParamCount({ inFeatures: flat.shape[1], outFeatures: 10 }).total],
];
for (const [name, t, params, formula] of layers) {
  const check = count(params) === formula ? "" : ` ≠ formula ${formula}`;
  console.log(name.padEnd(16), t.shape.join("×").padEnd(12), `${count(params)} parameters${check}`);
}
display(p2, { title: "after the second pool: 16×6×6" });
plot({
  x: layers.map(([name], i) => `${i + 1}. ${name}`),
  y: layers.map(([, , params]) => count(params)),
  kind: "bar",
  title: "Parameters per layer: pooling has none",
  yTitle: "parameters",
})
""",
        zh=[
            ('["input", image', '["输入", image'),
            ('["conv 3→8, 3×3"', '["卷积 3→8，3×3"'),
            ('["max pool 2×2", p1', '["最大池化 2×2", p1'),
            ('["conv 8→16, 3×3"', '["卷积 8→16，3×3"'),
            ('["max pool 2×2", p2', '["最大池化 2×2", p2'),
            ('["flatten"', '["展平"'),
            ('["dense → 10"', '["全连接 → 10"'),
            ("} parameters${check}`", "} 个参数${check}`"),
            ("` ≠ formula ", "` ≠ 公式 "),
            ('"after the second pool: 16×6×6"', '"第二个池化层之后：16×6×6"'),
            ('"Parameters per layer: pooling has none"', '"每层的参数个数：池化层没有参数"'),
            ('"parameters"', '"参数个数"'),
        ],
    ),
    md(
        """
Pooling has no parameters, yet it decides the size of the largest layer: the dense layer's weights are
(values reaching it) × 10. Without the two pooling layers the same network would flatten 16×24×24 values:
""",
        """
池化层没有参数，却决定了最大那一层的大小：全连接层的权重个数是（到达它的数值个数）× 10。如果去掉两个池化层，
同一个网络要展平 16×24×24 个数：
""",
    ),
    code(
        """
// the values that reach the dense layer, read off the tensors of the run above
const reaching = [["with both pools", p2], ["with one pool", c2], ["without pooling", relu(conv2d(c1, w2, { bias: b2, padding: 1 }))]] as const;
for (const [label, t] of reaching) {
  const n = flatten(t).shape[1];
  console.log(label.padEnd(16), `${t.shape.slice(1).join("×")} = ${n} features → dense:`, linearParamCount({ inFeatures: n, outFeatures: 10 }).text);
}
plot({
  x: reaching.map(([label]) => label),
  y: reaching.map(([, t]) => linearParamCount({ inFeatures: flatten(t).shape[1], outFeatures: 10 }).total),
  kind: "bar",
  title: "The dense layer's parameters, set by the pooling before it",
  yTitle: "parameters",
})
""",
        zh=[
            ("// the values that reach the dense layer, read off the tensors of the run above", "// 到达全连接层的数值个数，从上面运行得到的张量上读出"),
            ('"with both pools"', '"两个池化层"'),
            ('"with one pool"', '"一个池化层"'),
            ('"without pooling"', '"没有池化"'),
            (" features → dense:`", " 个特征 → 全连接：`"),
            ('"The dense layer\'s parameters, set by the pooling before it"', '"全连接层的参数个数，由它之前的池化决定"'),
            ('"parameters"', '"参数个数"'),
        ],
    ),
    md(
        """
## Global average pooling instead of flatten

Pooling each channel down to one number (global average pooling) makes the dense layer independent of the image
size altogether: 16 features, 170 parameters, for any input. The same layers, with the same weights, on the
picture at 24×24, 48×48 and 96×96:
""",
        """
## 用全局平均池化代替展平

把每个通道池化成一个数（全局平均池化），全连接层就与图像尺寸完全无关：不论输入多大，都是 16 个特征、170 个参数。
同样的层、同样的权重，分别用在 24×24、48×48 和 96×96 的图片上：
""",
    ),
    code(
        """
const wGap = he([10, 16], 4), bGap = zeros([10]);
console.log("dense after global average pooling:", count([wGap, bGap]), "parameters;", linearParamCount({ inFeatures: 16, outFeatures: 10 }).text);
let gapLogits = zeros([1, 10]);
for (const k of [4, 2, 1]) {
  const img = k === 1 ? street : avgPool2d(street, { kernelSize: k });
  const gap = flatten(globalAvgPool(features(img).c2)); // 1×16 whatever the size
  gapLogits = linear(gap, wGap, bGap);
  console.log(`input ${img.shape.slice(2).join("×").padEnd(6)} → conv ${features(img).c2.shape.slice(1).join("×").padEnd(9)} → global pool ${gap.shape.join("×")} → dense ${gapLogits.shape.join("×")}`);
}
gapLogits
""",
        zh=[
            ('"dense after global average pooling:"', '"全局平均池化之后的全连接层："'),
            ('"parameters;"', '"个参数；"'),
            ("// 1×16 whatever the size", "// 无论尺寸如何都是 1×16"),
            ("`input ", "`输入 "),
            (" → conv ", " → 卷积 "),
            (" → global pool ", " → 全局池化 "),
            (" → dense ", " → 全连接 "),
        ],
    ),
    md(
        """
## Flatten order depends on the layout

Flattening (N, C, H, W) lists channel 0's map first; flattening TensorFlow's (N, H, W, C) interleaves the channels
position by position. The same numbers reach the dense layer in a different order, so weights trained in one layout
must be permuted before use in the other:
""",
        """
## 展平的顺序取决于布局

展平 (N, C, H, W) 时先列出通道 0 的整张图；展平 TensorFlow 的 (N, H, W, C) 时则按位置交错排列各通道。
同样的数以不同的顺序到达全连接层，所以在一种布局下训练的权重，用于另一种布局前必须先重排：
""",
    ),
    code(
        """
const small = reshape(arange(8), [1, 2, 2, 2]); // N, C, H, W
console.log("NCHW flatten:", String(flatten(small)));
console.log("NHWC flatten:", String(flatten(toChannelsLast(small))));
""",
        zh=[('"NCHW flatten:"', '"NCHW 展平："'), ('"NHWC flatten:"', '"NHWC 展平："')],
    ),
    md(
        """
## Exercises

1. With `pool_size` 3 and `strides` 3 in both pooling layers of the classifier, how many parameters does the
   dense layer need?
2. On the 6×6 input, how many cells are above 0.8 after a 2×2, stride-1, 'same' max pooling?

The next cell computes both.
""",
        """
## 练习

1. 把分类器两个池化层都改成 `pool_size` 3、`strides` 3，全连接层需要多少个参数？
2. 在 6×6 的输入上做 2×2、步幅 1、'same' 的最大池化后，有多少个格子高于 0.8？

下一个单元格算出这两个答案。
""",
    ),
    code(
        """
const pool3 = (t: Tensor) => maxPool2d(t, { kernelSize: 3 });
const q2 = pool3(relu(conv2d(pool3(relu(conv2d(image, w1, { bias: b1, padding: 1 }))), w2, { bias: b2, padding: 1 })));
console.log(`1. pools of 3: ${q2.shape.slice(1).join("×")} reach the dense layer:`, linearParamCount({ inFeatures: flatten(q2).shape[1], outFeatures: 10 }).total, "parameters");
const dilated2 = maxPool2d(inputs, { kernelSize: 2, stride: 1, padding: "same", dataFormat: "NHWC" });
console.log(`2. cells above 0.8: ${dilated2.gt(0.8).sum().item()} of ${dilated2.size}`);
""",
        zh=[
            ("`1. pools of 3: ", "`1. 池化窗口 3："),
            (" reach the dense layer:`", " 到达全连接层：`"),
            ('"parameters"', '"个参数"'),
            ("`2. cells above 0.8: ", "`2. 高于 0.8 的格子："),
            (" of ${dilated2.size}`", " / ${dilated2.size}`"),
        ],
    ),
]
