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
multiply-adds per image, for the forward pass alone. The sizes come from the picture used below (the 96×96 street
scene, `../images/street.png`, drawn by code) and from a 28×28 digit-sized tensor:
""",
        """
## 在大图像上用全连接层

输入很小时（8×8 的图块、28×28 的手写数字），让每个特征连接每个像素的层是负担得起的。但对 96×96 的图像学习 400 个特征，
就需要 96·96·400 个权重——约 370 万——而每张图仅前向传播就要同样多次乘加。尺寸取自下面用到的图片（96×96 的街景，
`../images/street.png`，由代码绘制）和一个手写数字大小（28×28）的张量：
""",
    ),
    code(
        """
const street = await loadImage("../images/street.png", { channels: "gray" });
const digit = zeros([1, 1, 28, 28]);
const nFeatures = 400;
const fcSmall = linearParamCount({ inFeatures: digit.size, outFeatures: nFeatures });
const fcLarge = linearParamCount({ inFeatures: street.size, outFeatures: nFeatures });
console.log(`${digit.shape.slice(2).join("×")} →`, fcSmall.text);
console.log(`${street.shape.slice(2).join("×")} →`, fcLarge.text);
console.log(`≈ ${(fcLarge.weights / 1e6).toFixed(1)} million weights, and as many multiply-adds per image`);
""",
        zh=[(" million weights, and as many multiply-adds per image", " × 10⁶ 个权重，每张图也要同样多次乘加")],
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
const patch = 8;
console.log(explainConvOutputSize({ size: street.shape[2], kernelSize: patch }).text);
// the real op on the real picture: one 8×8 feature, to read the map size off its output
const side = conv2d(street, zeros([1, 1, patch, patch])).shape[2];
const convWeights = conv2dParamCount({ inChannels: 1, outChannels: nFeatures, kernelSize: patch });
console.log(`${nFeatures} features of ${patch}×${patch}:`, convWeights.text);
const convFeatures = nFeatures * side * side;
console.log(`features per image: ${nFeatures}·${side}·${side} = ${convFeatures.toLocaleString("en-US")}`);
""",
        zh=[
            ("// the real op on the real picture: one 8×8 feature, to read the map size off its output", "// 在真实图片上运行真实的运算：用一个 8×8 特征，从输出读出特征图尺寸"),
            (" features of ", " 个特征，"),
            ("`features per image: ", "`每张图的特征数："),
        ],
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
const centred = street.sub(street.mean());
// the row and the column of each of the 8×8 taps
const ii = arange(patch).reshape([patch, 1]).expand(patch, patch);
const jj = arange(patch).reshape([1, patch]).expand(patch, patch);
const feature = (f: Tensor) => f.sub(f.mean()).div(8); // zero mean, scaled so the sigmoid does not saturate
const features = stack([
  feature(where(jj.lt(4), -1, 1)), // vertical edge
  feature(where(ii.lt(4), -1, 1)), // horizontal edge
  feature(where(ii.add(jj).lt(7), -1, 1)), // diagonal edge
  feature(where(ii.sub(3.5).abs().lt(2).mul(jj.sub(3.5).abs().lt(2)), -1, 0.33)), // dark blob
]).unsqueeze(1); // 4×1×8×8
display(street);
features
""",
        zh=[
            ("// the row and the column of each of the 8×8 taps", "// 8×8 个抽头各自所在的行和列"),
            ("// zero mean, scaled so the sigmoid does not saturate", "// 均值为零，并缩放，使 sigmoid 不饱和"),
            ("// vertical edge", "// 竖直边缘"),
            ("// horizontal edge", "// 水平边缘"),
            ("// diagonal edge", "// 斜向边缘"),
            ("// dark blob", "// 暗斑"),
        ],
    ),
    code(
        """
const maps = sigmoid(conv2d(centred, features, { bias: zeros([4]) }));
console.log(maps.shape);
// where each feature responds most: |σ − 0.5| averaged along columns (or rows); map cell j covers image cells
// j … j+7, so the response is centred on image cell j + 4
const strength = maps.sub(0.5).abs();
const strongest = (t: Tensor, k: number) => (t.flatten().topk(k).indices.sort().values.add(patch / 2).toArray() as number[]).join(", ");
console.log("vertical edges, strongest image columns:", strongest(strength.select(1, 0).mean(1), 6));
console.log("horizontal edges, strongest image rows: ", strongest(strength.select(1, 1).mean(2), 6));
""",
        zh=[
            ("// where each feature responds most: |σ − 0.5| averaged along columns (or rows); map cell j covers image cells", "// 每个特征响应最强的位置：|σ − 0.5| 沿列（或行）求平均；特征图的第 j 格覆盖图像的第"),
            ("// j … j+7, so the response is centred on image cell j + 4", "// j … j+7 格，所以响应的中心在图像的第 j + 4 格"),
            ('"vertical edges, strongest image columns:"', '"竖直边缘，最强的图像列："'),
            ('"horizontal edges, strongest image rows: "', '"水平边缘，最强的图像行： "'),
        ],
    ),
    md(
        """
Four 89×89 maps. Averaged along each column, the vertical-edge map is strongest at the image columns printed
above, on either side of the two tall poles that `make_images.py` draws at columns 80–81 and 92–93; averaged along
each row, the horizontal-edge map is strongest just below the lower power line (drawn at rows 14–16) and along the
line of the hills above the horizon (around row 34). The diagonal and the blob features are left to the pictures:
the four maps are the input of the traced pooling below.

## Pooling: aggregate over regions

Features useful in one region of an image are likely useful elsewhere, so describe a large map by statistics of
its regions: the mean (or max) of each feature over disjoint regions. With 10×10 regions an 89×89 map becomes
8×8 — the last 9 rows and columns do not fill a region and are left out (PyTorch's default floor mode; see
notebook 3 for `ceilMode`).
""",
        """
四张 89×89 的图。沿每一列求平均，竖直边缘图在上面打印的图像列上最强，位于 `make_images.py` 画在第 80–81 列和第 92–93 列的两根高电线杆的两侧；
沿每一行求平均，水平边缘图在下面那条电线（画在第 14–16 行）的正下方，以及地平线上方的山丘轮廓（约第 34 行）处最强。
斜向边缘和斑点特征留给图片去看：这四张图就是下面带追踪的池化的输入。

## 池化：在区域上做聚合

在图像某一区域有用的特征，在别处很可能也有用；所以用区域统计量来描述一张大图：在互不重叠的区域上取每个特征的平均值（或最大值）。
用 10×10 的区域，89×89 的图变成 8×8——最后 9 行和 9 列凑不满一个区域，被舍去（PyTorch 默认的向下取整模式；
`ceilMode` 见第 3 篇）。
""",
    ),
    code(
        """
const pooled = avgPool2d(maps, { kernelSize: 10, trace: true });
const [, channels, pooledH, pooledW] = pooled.output.shape;
console.log(`per image: ${maps.size.toLocaleString("en-US")} values → ${pooled.output.size} values (${channels} features)`);
const pooledFeatures = nFeatures * pooledH * pooledW;
console.log(`for ${nFeatures} features: ${pooledFeatures.toLocaleString("en-US")} instead of ${convFeatures.toLocaleString("en-US")}`);
pooled
""",
        zh=[
            ("`per image: ", "`每张图："),
            (" values → ", " 个值 → "),
            (" values (", " 个值（"),
            (" features)`", " 个特征）`"),
            ("`for ", "`"),
            (" features: ", " 个特征："),
            (" instead of ", "，而不是 "),
        ],
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
## Pooled features move less when the image does

Pooled features are more translation invariant than the maps they summarise: shift the picture two pixels to the
right and compare how much the 89×89 maps and their pooled summaries change, relative to their size
(‖a − b‖ / ‖a‖, with σ(0) = 0.5, "no response", taken as zero), for pooling regions from 2×2 to 20×20.
""",
        """
## 图像移动时，池化后的特征变化更小

池化后的特征比它们所概括的特征图更具平移不变性：把图片向右平移两个像素，比较 89×89 的特征图和池化后的概要各自相对变化了多少
（‖a − b‖ / ‖a‖，把 σ(0) = 0.5 即"无响应"当作零），池化区域从 2×2 到 20×20。
""",
    ),
    code(
        """
const shifted = centred.pad([2, -2]); // two zero columns in on the left, two out on the right
const mapsShifted = sigmoid(conv2d(shifted, features));
const relChange = (a: Tensor, b: Tensor) => a.sub(b).norm().div(a.norm()).item(); // ‖a − b‖ / ‖a‖
const detail = (t: Tensor) => t.sub(0.5); // σ(0) = 0.5 is "no response"
const poolSizes = [2, 5, 10, 20];
const sensitivity = (pool: typeof avgPool2d) =>
  poolSizes.map((k) => relChange(pool(detail(maps), { kernelSize: k }), pool(detail(mapsShifted), { kernelSize: k })));
const meanChange = sensitivity(avgPool2d), maxChange = sensitivity(maxPool2d);
console.log("maps, unpooled: change", relChange(detail(maps), detail(mapsShifted)).toFixed(3));
const falls = (v: number[]) => v.every((c, i) => i === 0 || c < v[i - 1]);
console.log("change falls as the region grows:", falls(meanChange) && falls(maxChange));
plot({
  x: poolSizes,
  series: [
    { y: meanChange, label: "mean pool" },
    { y: maxChange, label: "max pool" },
  ],
  title: "A two-pixel shift: how much the pooled features change",
  xTitle: "pooling region side k (k×k)",
  yTitle: "relative change ‖a − b‖ / ‖a‖",
})
""",
        zh=[
            ('"maps, unpooled: change"', '"未池化的特征图：变化"'),
            ('"mean pool"', '"平均池化"'),
            ('"max pool"', '"最大池化"'),
            ('"A two-pixel shift: how much the pooled features change"', '"平移两个像素：池化后的特征变化多少"'),
            ('"pooling region side k (k×k)"', '"池化区域边长 k（k×k）"'),
            ('"relative change ‖a − b‖ / ‖a‖"', '"相对变化 ‖a − b‖ / ‖a‖"'),
            ('"change falls as the region grows:"', '"区域越大变化越小："'),
        ],
    ),
    md(
        """
The larger the pooling region, the smaller the change: a two-pixel shift rewrites the edge maps cell by cell, and a
region's mean or max changes less the smaller that shift is against the region's width. It is not zero: at 10×10
a third of the summary still changes, so "invariant" holds only for shifts small against the region. UFLDL's
condition for this is that the regions are contiguous and pool the *same* feature.

## Exercises

1. Shift by one pixel instead of two: how much do the 10×10 mean-pooled features change now?
2. With 15×15 regions instead of 10×10, how many pooled features does the 400-feature layer give per image?

The next cell computes both answers.
""",
        """
池化区域越大，变化越小：平移两个像素会逐格改写边缘图，而平移相对于区域宽度越小，区域的平均值或最大值变化就越小。
变化并不为零：在 10×10 时概要仍有三分之一发生了变化，所以"不变"只对相对区域很小的平移成立。UFLDL 给出的条件是：
池化区域是连续的，并且池化的是*同一个*特征。

## 练习

1. 只平移一个像素而不是两个：10×10 平均池化后的特征现在变化多少？
2. 用 15×15 的区域代替 10×10，400 个特征的层每张图给出多少个池化特征？

下一个单元格算出这两个答案。
""",
    ),
]
CELLS.append(
    code(
        """
const mapsShifted1 = sigmoid(conv2d(centred.pad([1, -1]), features));
const change1 = relChange(avgPool2d(detail(maps), { kernelSize: 10 }), avgPool2d(detail(mapsShifted1), { kernelSize: 10 }));
console.log(`1. one-pixel shift, 10×10 mean pool: change ${change1.toFixed(3)} (two pixels: ${meanChange[poolSizes.indexOf(10)].toFixed(3)})`);
const [, , h15, w15] = avgPool2d(maps, { kernelSize: 15 }).shape;
console.log(`2. 15×15 regions: ${h15}×${w15} per feature, ${nFeatures * h15 * w15} pooled features per image`);
""",
        zh=[
            ("`1. one-pixel shift, 10×10 mean pool: change ", "`1. 平移一个像素，10×10 平均池化：变化 "),
            (" (two pixels: ", "（两个像素："),
            (")`", "）`"),
            ("`2. 15×15 regions: ", "`2. 15×15 区域：每个特征 "),
            (" per feature, ", "，每张图 "),
            (" pooled features per image`", " 个池化特征`"),
        ],
    )
)
