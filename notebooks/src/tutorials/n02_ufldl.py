from .cells import code, md

NAME = "02-feature-extraction-large-images.ipynb"

CELLS = [
    md(
        """
# 2 · Convolution and pooling for feature extraction on large images

This follows the UFLDL tutorial's chapters *Feature extraction using convolution* and *Pooling*: features
learned on small patches are applied to large images by convolution, and the resulting maps are made
manageable by pooling. Everything is small enough to rerun in a second; change the numbers.
""",
        """
# 2 · 用卷积和池化在大图像上提取特征

本篇跟随 UFLDL 教程的《卷积特征提取》和《池化》两章：在小图块上学到的特征，通过卷积用到大图像上，
得到的特征图再通过池化变得可以处理。所有运算都很小，一秒内就能重跑；请随意修改数字。
""",
    ),
    md(
        """
## A fully connected layer on a large image

On small inputs (8×8 patches, 28×28 digits) a layer that connects every feature to every pixel is affordable.
On 96×96 images with 400 features it needs 96·96·400 weights — about 3.7 million — and as many
multiply-adds per image, for the forward pass alone:
""",
        """
## 在大图像上用全连接层

输入很小时（8×8 的图块、28×28 的手写数字），让每个特征连接每个像素的层是负担得起的。但对 96×96 的图像学习 400 个特征，
就需要 96·96·400 个权重——约 370 万——而每张图仅前向传播就要同样多次乘加：
""",
    ),
    code(
        """
const fcSmall = linearParamCount({ inFeatures: 28 * 28, outFeatures: 400 });
const fcLarge = linearParamCount({ inFeatures: 96 * 96, outFeatures: 400 });
console.log("28×28 →", fcSmall.text);
console.log("96×96 →", fcLarge.text);
console.log(`≈ ${(fcLarge.weights / 1e6).toFixed(1)} million weights`);
"""
    ),
    md(
        """
## Locally connected: convolve each feature over the image

Instead, learn each feature on 8×8 patches and slide it over every 8×8 patch of the large image. A feature then
has 64 weights, wherever it is applied. A 96×96 image has 96 − 8 + 1 = 89 patch positions per axis, so each
feature gives an 89×89 map:
""",
        """
## 局部连接：把每个特征在图像上做卷积

换一种做法：在 8×8 的图块上学习每个特征，再把它滑过大图像上的每一个 8×8 图块。这样一个特征无论用在哪里都只有 64 个权重。
96×96 的图像每个方向有 96 − 8 + 1 = 89 个图块位置，所以每个特征得到一张 89×89 的图：
""",
    ),
    code(
        """
console.log(explainConvOutputSize({ size: 96, kernelSize: 8 }).text);
console.log("400 features of 8×8:", conv2dParamCount({ inChannels: 1, outChannels: 400, kernelSize: 8 }).text);
console.log(`features per image: 400·89·89 = ${(400 * 89 * 89).toLocaleString("en-US")}`);
"""
    ),
    md(
        """
The weights are now cheap, but the output is not: 400 maps of 89×89 are over 3 million numbers per image, too
many to feed a classifier (and prone to over-fitting). That is the problem pooling solves below.

First the convolution itself, on the 96×96 street scene (`../images/street.png`, drawn by code). Four hand-made
8×8 features stand in for learned ones: a vertical edge, a horizontal edge, a diagonal edge and a centre-surround
blob (zero mean, scaled by 1/8). As in UFLDL, each response goes through the sigmoid, `a = σ(W·x + b)`.
""",
        """
权重现在很省，输出却不省：400 张 89×89 的图，每张图像超过 300 万个数，太多了，没法直接交给分类器（也容易过拟合）。
这正是下面池化要解决的问题。

先看卷积本身，用的是 96×96 的街景（`../images/street.png`，由代码绘制）。四个手工设计的 8×8 特征代替学到的特征：
竖直边缘、水平边缘、斜向边缘和中心-周边斑点（均值为零，并缩放 1/8）。和 UFLDL 一样，每个响应都经过 sigmoid：`a = σ(W·x + b)`。
""",
    ),
    code(
        """
const street = await loadImage("../images/street.png", { channels: "gray" });
const centred = street.sub(street.mean());
const feature = (f: (i: number, j: number) => number) => {
  const w = Array.from({ length: 64 }, (_, k) => f(Math.floor(k / 8), k % 8));
  const m = w.reduce((s, v) => s + v, 0) / 64;
  return w.map((v) => (v - m) / 8); // zero mean, scaled so the sigmoid does not saturate
};
const features = tensor(
  [
    feature((i, j) => (j < 4 ? -1 : 1)), // vertical edge
    feature((i, j) => (i < 4 ? -1 : 1)), // horizontal edge
    feature((i, j) => (i + j < 7 ? -1 : 1)), // diagonal edge
    feature((i, j) => (Math.abs(i - 3.5) < 2 && Math.abs(j - 3.5) < 2 ? -1 : 0.33)), // dark blob
  ].flat(),
  [4, 1, 8, 8],
);
display(street);
features
"""
    ),
    code(
        """
const maps = sigmoid(conv2d(centred, features, { bias: tensor([0, 0, 0, 0]) }));
console.log(maps.shape);
maps
"""
    ),
    md(
        """
Four 89×89 maps: the vertical-edge feature lights up on the poles and the building's sides, the horizontal one
on the horizon, the roof and the power lines, the blob on the windows.

## Pooling: aggregate over regions

Features useful in one region of an image are likely useful elsewhere, so describe a large map by statistics of
its regions: the mean (or max) of each feature over disjoint regions. With 10×10 regions an 89×89 map becomes
8×8 — the last 9 rows and columns do not fill a region and are left out (PyTorch's default floor mode; see
notebook 3 for `ceilMode`).
""",
        """
四张 89×89 的图：竖直边缘特征在电线杆和楼房两侧亮起，水平边缘特征在地平线、楼顶和电线上亮起，斑点特征在窗户上亮起。

## 池化：在区域上做聚合

在图像某一区域有用的特征，在别处很可能也有用；所以用区域统计量来描述一张大图：在互不重叠的区域上取每个特征的平均值（或最大值）。
用 10×10 的区域，89×89 的图变成 8×8——最后 9 行和 9 列凑不满一个区域，被舍去（PyTorch 默认的向下取整模式；
`ceilMode` 见第 3 篇）。
""",
    ),
    code(
        """
const pooled = avgPool2d(maps, { kernelSize: 10, trace: true });
console.log(`per image: ${maps.size.toLocaleString("en-US")} values → ${pooled.output.size} values`);
console.log(`for 400 features: ${(400 * 8 * 8).toLocaleString("en-US")} instead of ${(400 * 89 * 89).toLocaleString("en-US")}`);
pooled
"""
    ),
    md(
        """
Hover a pooled cell in JupyterLab to see its 10×10 region on the 89×89 map. With `ceilMode: true` the leftover
rows and columns form a ninth, partial region (its mean is over the cells that exist):
""",
        """
在 JupyterLab 中把鼠标移到池化后的格子上，可以看到它在 89×89 图上对应的 10×10 区域。设置 `ceilMode: true` 后，
剩下的行和列组成第九个不完整的区域（它的平均值只对实际存在的格子求）：
""",
    ),
    code(
        """
const pooledCeil = avgPool2d(maps, { kernelSize: 10, ceilMode: true });
console.log(pooledCeil.shape);
pooledCeil
"""
    ),
    md(
        """
## Pooled features barely move when the image does

Pooled features are (almost) translation invariant: shift the picture two pixels to the right and compare how
much the 89×89 maps and the pooled 8×8 summaries change, relative to their size.
""",
        """
## 图像移动时，池化后的特征几乎不动

池化后的特征（近似地）具有平移不变性：把图片向右平移两个像素，比较 89×89 的特征图和池化后的 8×8 概要各自相对变化了多少。
""",
    ),
    code(
        """
const shifted = centred.pad([2, -2]); // two zero columns in on the left, two out on the right
const mapsShifted = sigmoid(conv2d(shifted, features));
const relChange = (a: Tensor, b: Tensor) => a.sub(b).norm().div(a.norm()).item(); // ‖a − b‖ / ‖a‖
const detail = (t: Tensor) => t.sub(0.5); // σ(0) = 0.5 is "no response"
console.log("maps   change:", relChange(detail(maps), detail(mapsShifted)).toFixed(3));
for (const k of [5, 10, 20]) {
  const a = avgPool2d(detail(maps), { kernelSize: k }), b = avgPool2d(detail(mapsShifted), { kernelSize: k });
  console.log(`mean pool ${String(k).padStart(2)}×${k}: change`, relChange(a, b).toFixed(3));
}
for (const k of [5, 10, 20]) {
  const a = maxPool2d(maps, { kernelSize: k }), b = maxPool2d(mapsShifted, { kernelSize: k });
  console.log(`max pool  ${String(k).padStart(2)}×${k}: change`, relChange(detail(a), detail(b)).toFixed(3));
}
"""
    ),
    md(
        """
The larger the pooling region, the smaller the change: a two-pixel shift rewrites the edge maps cell by cell, but
a region's mean or max hardly notices that its content moved by a fraction of its width. UFLDL's condition for
this is that the regions are contiguous and pool the *same* feature.
""",
        """
池化区域越大，变化越小：平移两个像素会逐格改写边缘图，但一个区域的平均值或最大值几乎察觉不到其内容只移动了区域宽度的一小部分。
UFLDL 给出的条件是：池化区域是连续的，并且池化的是*同一个*特征。
""",
    ),
]
