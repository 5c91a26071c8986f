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
display(toChannelsFirst(inputs));
toChannelsFirst(maxPooling2d(inputs, 2, 2))
"""
    ),
    md(
        """
Pooling acts on each channel separately, so the channel count never changes; only height and width do. The
pictures show the channels-first copies (one panel per channel). `padding='same'` keeps ⌈n/s⌉ positions, so with
strides 1 the size is unchanged — the pooling then only smooths (average) or dilates bright regions (max).

## Pooling → flatten → dense

A small classifier on the 24×24 RGB street scene: two convolution + ReLU + 2×2 max pool stages, then flatten and
a dense layer with 10 outputs. Weights are seeded and untrained; the point is the shapes and the parameter counts.
""",
        """
池化在每个通道上分别进行，所以通道数永远不变，变的只是高和宽。图中显示的是通道在前的副本（每个通道一幅）。
`padding='same'` 保留 ⌈n/s⌉ 个位置，所以步长为 1 时尺寸不变——此时池化只起平滑（平均）或扩张亮区（最大）的作用。

## 池化 → 展平 → 全连接

在 24×24 的彩色街景上搭一个小分类器：两段"卷积 + ReLU + 2×2 最大池化"，然后展平，再接一个 10 输出的全连接层。
权重是固定种子的随机值，未经训练；重点是形状和参数个数。
""",
    ),
    code(
        """
const he = (shape: number[], seed: number) => {
  const fanIn = shape.slice(1).reduce((a, b) => a * b, 1);
  return randn(shape, { seed }).mul(Math.sqrt(2 / fanIn));
};
const image = avgPool2d(await loadImage("../images/street.png"), { kernelSize: 4 }); // 1×3×24×24
const w1 = he([8, 3, 3, 3], 1), w2 = he([16, 8, 3, 3], 2);
const c1 = relu(conv2d(image, w1, { padding: 1 }));
const p1 = maxPool2d(c1, { kernelSize: 2 });
const c2 = relu(conv2d(p1, w2, { padding: 1 }));
const p2 = maxPool2d(c2, { kernelSize: 2 });
const flat = flatten(p2);
const wd = he([10, flat.shape[1]], 3);
const logits = linear(flat, wd, zeros([10]));
const layers: [string, Tensor, number][] = [
  ["input", image, 0],
  ["conv 3→8, 3×3", c1, conv2dParamCount({ inChannels: 3, outChannels: 8, kernelSize: 3 }).total],
  ["max pool 2×2", p1, 0],
  ["conv 8→16, 3×3", c2, conv2dParamCount({ inChannels: 8, outChannels: 16, kernelSize: 3 }).total],
  ["max pool 2×2", p2, 0],
  ["flatten", flat, 0],
  ["dense → 10", logits, linearParamCount({ inFeatures: flat.shape[1], outFeatures: 10 }).total],
];
for (const [name, t, params] of layers) console.log(name.padEnd(16), t.shape.join("×").padEnd(12), `${params} parameters`);
display(p2);
logits
"""
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
for (const [label, n] of [["with both pools", 16 * 6 * 6], ["with one pool", 16 * 12 * 12], ["without pooling", 16 * 24 * 24]] as const) {
  console.log(label.padEnd(16), `${n} features → dense:`, linearParamCount({ inFeatures: n, outFeatures: 10 }).text);
}
"""
    ),
    md(
        """
## Global average pooling instead of flatten

Pooling each channel down to one number (global average pooling) makes the dense layer independent of the image
size altogether: 16 features, 170 parameters, for any input.
""",
        """
## 用全局平均池化代替展平

把每个通道池化成一个数（全局平均池化），全连接层就与图像尺寸完全无关：不论输入多大，都是 16 个特征、170 个参数。
""",
    ),
    code(
        """
const gap = flatten(globalAvgPool(c2)); // 1×16
console.log("global average pool:", gap.shape, linearParamCount({ inFeatures: 16, outFeatures: 10 }).text);
linear(gap, he([10, 16], 4), zeros([10]))
"""
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
console.log("NCHW flatten:", Array.from(flatten(small).data).join(" "));
console.log("NHWC flatten:", Array.from(flatten(toChannelsLast(small)).data).join(" "));
"""
    ),
]
