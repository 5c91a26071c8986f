from .cells import code, md

NAME = "04-spatial-pyramid-pooling.ipynb"

CELLS = [
    md(
        """
# 4 · Spatial pyramid pooling

SPP-net (He, Zhang, Ren and Sun, 2014) lets a CNN take images of any size. This notebook shows why a plain CNN
cannot, how a pyramid of poolings fixes it, three ways to choose the pyramid's windows and where two of them
break, and how SPP-net used the same idea to make object detection fast.
""",
        """
# 4 · 空间金字塔池化

SPP-net（何恺明、张祥雨、任少卿、孙剑，2014）让 CNN 可以接受任意尺寸的图像。本篇说明普通 CNN 为什么做不到、
金字塔式的多级池化如何解决这个问题、选取金字塔窗口的三种规则以及其中两种会在哪里失效，最后看 SPP-net
如何用同一思想让目标检测变快。
""",
    ),
    md(
        """
## A fully connected layer fixes the input size

Convolution and pooling work on maps of any size, but the first fully connected layer has one weight per input
value. SPP-net's 224×224 and 180×180 inputs give 13×13 and 10×10 conv5 maps. Here a small real stack — three
stages of 3×3 convolution + ReLU + 2×2 max pooling, 16 channels at the end instead of 256, seeded weights — runs
with the *same* weights on the street scene (`../images/street.png`, drawn by code) at 96×96 and resized to 72×72
(by adaptive average pooling). The convolutions take both; the dense layer built for the first cannot take the
second:
""",
        """
## 全连接层固定了输入尺寸

卷积和池化可以处理任意尺寸的图，但第一个全连接层对每个输入值都有一个权重。SPP-net 中 224×224 和 180×180 的输入
分别得到 13×13 和 10×10 的 conv5 特征图。这里用一个真实的小网络——三段"3×3 卷积 + ReLU + 2×2 最大池化"，最后是 16 个通道而不是 256 个，
权重取固定种子——用*同一组*权重处理 96×96 的街景（`../images/street.png`，由代码绘制）以及把它缩放到 72×72（用自适应平均池化）的版本。
卷积层两者都能接受；为前者建的全连接层却接不了后者：
""",
    ),
    code(
        """
const street96 = await loadImage("../images/street.png", { channels: "gray" });
const side = (t: Tensor) => t.shape.slice(2).join("×");
const street72 = adaptiveAvgPool2d(street96, { outputSize: 72 });
const stackWeights = [8, 16, 16].map((c, k, all) => {
  const cin = k === 0 ? 1 : all[k - 1];
  return randn([c, cin, 3, 3], { seed: 1 + k }).mul(Math.sqrt(2 / (cin * 9))); // He initialisation
});
// the convolutional part: any input size, the same weights
const convStack = (image: Tensor) =>
  stackWeights.reduce((h, w) => maxPool2d(relu(conv2d(h, w, { padding: 1 })), { kernelSize: 2 }), image);
const conv5Large = convStack(street96);
const conv5Small = convStack(street72);
console.log(`conv stack: ${side(street96)} → ${conv5Large.shape.slice(1).join("×")}, ${side(street72)} → ${conv5Small.shape.slice(1).join("×")}`);
const fcWeight = randn([10, flatten(conv5Large).shape[1]], { seed: 9 });
console.log("large flattened:", flatten(conv5Large).shape, "→ fc:", linear(flatten(conv5Large), fcWeight).shape);
try {
  linear(flatten(conv5Small), fcWeight);
} catch (e) {
  console.log("small flattened:", flatten(conv5Small).shape, "→", String(e));
}
show([conv5Large, conv5Small], { titles: [`conv5 of the ${side(street96)} picture`, `conv5 of the ${side(street72)} picture`] })
""",
        zh=[
            ("// He initialisation", "// He 初始化"),
            ("// the convolutional part: any input size, the same weights", "// 卷积部分：任意输入尺寸，同一组权重"),
            ("`conv stack: ", "`卷积部分："),
            ('"large flattened:"', '"大图展平："'),
            ('"→ fc:"', '"→ 全连接："'),
            ('"small flattened:"', '"小图展平："'),
            ("`conv5 of the ${side(street96)} picture`", "`${side(street96)} 图片的 conv5`"),
            ("`conv5 of the ${side(street72)} picture`", "`${side(street72)} 图片的 conv5`"),
        ],
    ),
    md(
        """
## One length for every size

SPP pools each channel at several levels — n×n bins for n in, say, {4, 2, 1} — and concatenates the results. The
number of bins does not depend on the map size, so the output length is C·(16 + 4 + 1) = 21·C for both maps, and
the same dense layer (built for that length) takes both:
""",
        """
## 所有尺寸，同一个长度

SPP 对每个通道做多级池化——比如 n ∈ {4, 2, 1}，每级 n×n 个区块——再把结果拼接起来。区块数与特征图尺寸无关，
所以两张图的输出长度都是 C·(16 + 4 + 1) = 21·C，为这个长度建的同一个全连接层两者都能接受：
""",
    ),
    code(
        """
const sppLarge = spatialPyramidPool(conv5Large, { levels: [4, 2, 1], trace: true });
const sppSmall = spatialPyramidPool(conv5Small, { levels: [4, 2, 1], trace: true });
console.log(`${side(conv5Large)} →`, sppLarge.output.shape, `  ${side(conv5Small)} →`, sppSmall.output.shape);
const fcSpp = randn([10, sppLarge.output.shape[1]], { seed: 10 });
console.log("one dense layer, both sizes:", linear(sppLarge.output, fcSpp).shape, linear(sppSmall.output, fcSpp).shape);
show([sppLarge, sppSmall], { titles: [`SPP {4, 2, 1} of ${side(conv5Large)}`, `SPP {4, 2, 1} of ${side(conv5Small)}`] })
""",
        zh=[
            ('"one dense layer, both sizes:"', '"同一个全连接层，两种尺寸："'),
            ("`SPP {4, 2, 1} of ${side(conv5Large)}`", "`${side(conv5Large)} 的 SPP {4, 2, 1}`"),
            ("`SPP {4, 2, 1} of ${side(conv5Small)}`", "`${side(conv5Small)} 的 SPP {4, 2, 1}`"),
        ],
    ),
    md(
        """
`compareSpp` puts the two results side by side in one output: both maps with the bins of one level, and both
vectors, of the same length. In JupyterLab, hovering entry k of either vector lights entry k of the other too,
and the bin it pooled on each map: the same level, channel and bin, drawn on the 12×12 and on the 9×9 map.
""",
        """
`compareSpp` 把两个结果并排放进同一个输出：两张图连同某一级的区块，以及两个长度相同的向量。在 JupyterLab 中悬停任一向量的第 k 项，
另一个向量的第 k 项也会亮起，两张图上它所池化的区块也会亮起：同一级、同一通道、同一个区块，分别画在 12×12 和 9×9 的图上。
""",
    ),
    code(
        """
compareSpp(sppLarge, sppSmall)
"""
    ),
    md(
        """
The paper's pyramids, for 256 conv5 channels, their lengths read off the bins `sppBins` computes for a 13×13
map:
""",
        """
论文中几种金字塔在 256 个 conv5 通道下的长度，由 `sppBins` 对 13×13 特征图算出的区块数得到：
""",
    ),
    code(
        """
for (const levels of [[6, 3, 2, 1], [4, 2, 1], [3, 2, 1]]) {
  const bins = sppBins(13, 13, levels).reduce((s, [h, w]) => s + h * w, 0);
  console.log(`{${levels.join(", ")}}: ${bins} bins × 256 channels = ${bins * 256}`);
}
""",
        zh=[(" bins × 256 channels = ", " 个区块 × 256 个通道 = ")],
    ),
    md(
        """
## The paper's rule: window ⌈a/n⌉, stride ⌊a/n⌋

The paper implements each level as an ordinary sliding max pool on an a×a map: window ⌈a/n⌉, stride ⌊a/n⌋, no
padding. For the 13×13 map it works at every level of {6, 3, 2, 1}:
""",
        """
## 论文的规则：窗口 ⌈a/n⌉，步幅 ⌊a/n⌋

论文把每一级实现为 a×a 图上的普通滑动最大池化：窗口 ⌈a/n⌉、步幅 ⌊a/n⌋、不填充。对 13×13 的图，{6, 3, 2, 1} 的每一级都正确：
""",
    ),
    code(
        """
const paperRow = (a: number, n: number) => {
  const win = Math.ceil(a / n), stride = Math.floor(a / n);
  const [[bins]] = sppBins(a, a, [n], "paper");
  return `a=${a} n=${n}: window ${win}, stride ${stride} → ${bins} bins${bins === n ? "" : `  ✗ (wanted ${n})`}`;
};
for (const n of [6, 3, 2, 1]) console.log(paperRow(13, n));
for (const n of [6, 3, 2, 1]) console.log(paperRow(10, n));
""",
        zh=[(": window ${win}, stride ${stride} → ${bins} bins", "：窗口 ${win}，步幅 ${stride} → ${bins} 个区块"), ("  ✗ (wanted ${n})", "  ✗（应为 ${n}）")],
    ),
    md(
        """
For the 10×10 map the 6×6 level fails: window 2, stride 1 gives 9 bins, so the output length changes with the
input size again — exactly what SPP was meant to prevent. The stride ⌊a/n⌋ is too small whenever a is not a
multiple of n and a/n is small. All the sizes a ≤ 64 where the rule gives the wrong count:
""",
        """
对 10×10 的图，6×6 这一级失效：窗口 2、步幅 1 得到 9 个区块，于是输出长度又随输入尺寸变化——这正是 SPP 想要避免的。
只要 a 不是 n 的倍数且 a/n 较小，步幅 ⌊a/n⌋ 就太小。下面列出 a ≤ 64 中所有使该规则给出错误区块数的尺寸：
""",
    ),
    code(
        """
for (const n of [2, 3, 4, 6]) {
  const bad: string[] = [];
  for (let a = n; a <= 64; a++) {
    const [[bins]] = sppBins(a, a, [n], "paper");
    if (bins !== n) bad.push(`${a}→${bins}`);
  }
  console.log(`n=${n}: ${bad.length ? bad.join(", ") : "never fails"}`);
}
""",
        zh=[('"never fails"', '"从不失效"')],
    ),
    md(
        """
A second failure hides behind the right count: an implementation that simply takes n windows
[i·⌊a/n⌋, i·⌊a/n⌋ + ⌈a/n⌉) leaves the end of the map unpooled whenever (n−1)·⌊a/n⌋ + ⌈a/n⌉ < a. For a = 8, n = 3
the three windows are [0,3), [2,5), [4,7): row 7 is never seen.
""",
        """
还有一种失效藏在"区块数正确"的背后：如果实现直接取 n 个窗口 [i·⌊a/n⌋, i·⌊a/n⌋ + ⌈a/n⌉)，那么只要
(n−1)·⌊a/n⌋ + ⌈a/n⌉ < a，图的末尾就没有被池化。a = 8、n = 3 时三个窗口是 [0,3)、[2,5)、[4,7)：第 7 行从未被看到。
""",
    ),
    code(
        """
for (const n of [3, 4, 6]) {
  const dropped: string[] = [];
  for (let a = n; a <= 24; a++) {
    const covered = (n - 1) * Math.floor(a / n) + Math.ceil(a / n);
    if (covered < a) dropped.push(`${a} (drops ${a - covered})`);
  }
  console.log(`n=${n}, a ≤ 24: ${dropped.join(", ")}`);
}
""",
        zh=[(" (drops ${a - covered})`", "（漏掉 ${a - covered}）`")],
    ),
    md(
        """
## The corrected rule: K = S = ⌈a/n⌉, padding ⌊(K·n − a + 1)/2⌋

A widely copied fix (the `SPPLayer` found in many PyTorch repositories) rounds both window and stride up and pads
the map so that n windows of size K tile it. For 10×10 at n = 6: K = S = 2, padding 1, and 6 bins. But the
padding can exceed half the window, which PyTorch's max pooling refuses, and for some sizes whole bins fall in the
padding. Calling the real op with the rule's parameters:
""",
        """
## 修正后的规则：K = S = ⌈a/n⌉，填充 ⌊(K·n − a + 1)/2⌋

一种被广泛复制的修正（许多 PyTorch 仓库里的 `SPPLayer`）把窗口和步幅都向上取整，并对图做填充，使 n 个大小为 K 的窗口
恰好铺满。10×10、n = 6 时：K = S = 2，填充 1，得到 6 个区块。但填充可能超过窗口的一半，PyTorch 的最大池化会拒绝；
对某些尺寸，甚至整个区块都落在填充里。用该规则的参数调用真实的运算：
""",
    ),
    code(
        """
const corrected = (a: number, n: number) => {
  const k = Math.ceil(a / n);
  return { k, p: Math.floor((k * n - a + 1) / 2) };
};
{
  const { k, p } = corrected(10, 6);
  console.log(`a=10 n=6: K=S=${k}, padding ${p} →`, maxPool2d(zeros([1, 1, 10, 10]), { kernelSize: k, padding: p }).shape);
}
for (const n of [2, 3, 4, 6]) {
  const refused: number[] = [], emptyBin: number[] = [];
  for (let a = n; a <= 64; a++) {
    const { k, p } = corrected(a, n);
    try {
      maxPool2d(zeros([1, 1, a, a]), { kernelSize: k, padding: p });
    } catch {
      refused.push(a);
    }
    if (p >= k) emptyBin.push(a); // the first window [−p, k−p) holds no real cell
  }
  console.log(`n=${n}: PyTorch refuses a = ${refused.join(", ") || "none"}; a bin lies wholly in the padding at a = ${emptyBin.join(", ") || "none"}`);
}
try {
  const { k, p } = corrected(5, 4);
  maxPool2d(zeros([1, 1, 5, 5]), { kernelSize: k, padding: p });
} catch (e) {
  console.log(String(e));
}
""",
        zh=[
            (", padding ${p} →`", "，填充 ${p} →`"),
            (": PyTorch refuses a = ", "：PyTorch 拒绝 a = "),
            ('"none"}; a bin lies wholly in the padding at a = ${emptyBin.join(", ") || "none"}', '"无"}；有区块完全落在填充里的 a = ${emptyBin.join(", ") || "无"}'),
            ("// the first window [−p, k−p) holds no real cell", "// 第一个窗口 [−p, k−p) 不含任何真实格子"),
        ],
    ),
    md(
        """
## The adaptive rule

Adaptive pooling (PyTorch's `AdaptiveMaxPool2d`) asks for n bins directly and computes each bin's range:
start = ⌊i·a/n⌋, end = ⌈(i+1)·a/n⌉. Bins may overlap by one cell and differ in size by one, but there are always
exactly n of them, every cell is covered, and it works even when a < n. It is poolscope's default SPP rule.
""",
        """
## 自适应规则

自适应池化（PyTorch 的 `AdaptiveMaxPool2d`）直接要求 n 个区块，并计算每个区块的范围：start = ⌊i·a/n⌋，
end = ⌈(i+1)·a/n⌉。区块之间可能重叠一格、大小可能相差一格，但总是恰好 n 个，每个区块都被覆盖，甚至 a < n 时也能工作。
这是 poolscope 的 SPP 默认规则。
""",
    ),
    code(
        """
const ranges = (a: number, n: number) => Array.from({ length: n }, (_, i) => adaptiveRange(i, n, a)).map(([s, e]) => `[${s},${e})`).join(" ");
console.log("a=10 n=6:", ranges(10, 6));
console.log("a=13 n=4:", ranges(13, 4));
console.log("a=3  n=5:", ranges(3, 5));
let failures = 0;
for (const n of [1, 2, 3, 4, 6]) for (let a = 1; a <= 64; a++) if (sppBins(a, a, [n])[0][0] !== n) failures++;
console.log("sizes 1…64, levels {1,2,3,4,6}: wrong bin counts =", failures);
spatialPyramidPool(conv5Small, { levels: [6, 3, 2, 1], trace: true })
""",
        zh=[('"sizes 1…64, levels {1,2,3,4,6}: wrong bin counts ="', '"尺寸 1…64，层级 {1,2,3,4,6}：区块数错误的次数 ="')],
    ),
    md(
        """
## The three rules on the same sizes

All three rules, run by the real op (`spatialPyramidPool` with `rule: "paper"`, `"corrected"`, `"adaptive"`) on
the same maps: for each size a and level n, the bins per axis the level really gives (✗ when it is not n), or
"refused" when the op throws. The last line asks the question SPP exists for: does the pyramid {6, 3, 2, 1} give
the same length on the two conv5 maps of this notebook?
""",
        """
## 三种规则，同样的尺寸

用真实的运算（`spatialPyramidPool`，`rule: "paper"`、`"corrected"`、`"adaptive"`）在同样的特征图上运行三种规则：对每个尺寸 a
和层级 n，给出该级在每个轴上实际得到的区块数（不等于 n 时标 ✗），运算抛出错误时标"拒绝"。最后一行问的正是 SPP 要解决的问题：
金字塔 {6, 3, 2, 1} 在本篇的两张 conv5 特征图上给出的长度是否相同？
""",
    ),
    code(
        """
const rules = ["paper", "corrected", "adaptive"] as const;
const binsPerAxis = (a: number, n: number, rule: (typeof rules)[number]) => {
  try {
    const bins = spatialPyramidPool(zeros([1, 1, a, a]), { levels: [n], rule }).shape[1];
    const perAxis = Math.round(Math.sqrt(bins));
    return perAxis === n ? `${perAxis}` : `${perAxis} ✗`;
  } catch {
    return "refused";
  }
};
console.log(`a   n   ${rules.map((r) => r.padEnd(10)).join("")}`);
for (const n of [6, 4, 3]) {
  for (const a of [3, 5, 7, 8, 9, 10, 12, 13]) {
    console.log(`${String(a).padEnd(3)} ${String(n).padEnd(3)} ${rules.map((r) => binsPerAxis(a, n, r).padEnd(10)).join("")}`);
  }
}
const pyramidLength = (t: Tensor, rule: (typeof rules)[number]) => {
  try {
    return String(spatialPyramidPool(t, { levels: [6, 3, 2, 1], rule }).shape[1]);
  } catch {
    return "refused";
  }
};
for (const rule of rules) {
  console.log(`${rule.padEnd(9)} {6,3,2,1}: ${side(conv5Large)} → ${pyramidLength(conv5Large, rule)}, ${side(conv5Small)} → ${pyramidLength(conv5Small, rule)}`);
}
""",
        zh=[('return "refused";', 'return "拒绝";')],
    ),
    md(
        """
## SPP-net for detection: compute features once, pool each region

R-CNN crops each of about 2000 region proposals from the image, warps it to a fixed size and runs the whole CNN
on it — the convolutions are recomputed for every region, though the regions overlap heavily. SPP-net runs the
convolutional layers **once** on the whole image, maps each proposal onto the feature map, and pools that region
with the pyramid, which gives a fixed-length vector whatever the region's shape. (Fast R-CNN later kept a single
level: RoI pooling.)

On the street scene at 48×48 (colour), both paths are run. SPP-net: eight 3×3 filters give the shared feature map
once, and three regions of different shapes (the building, the poles, the road) are cut from the *feature map*
and pooled by the pyramid. R-CNN: the same three regions are cut from the *image*, each warped to the same 24×24
input (by `roiAlign`, i.e. bilinear resampling), and the same convolution and pyramid are run on every warped
region. Both give vectors of one length; the multiply-adds are counted from the shapes of each convolution's
weights and outputs:
""",
        """
## 用于检测的 SPP-net：特征只算一次，逐区域池化

R-CNN 从图像中裁出约 2000 个提议区域，把每个区域缩放到固定尺寸，再对它运行整个 CNN——尽管区域之间大量重叠，
卷积仍要为每个区域重新计算。SPP-net 只在整张图上运行**一次**卷积层，把每个提议区域映射到特征图上，再用金字塔池化这个区域，
无论区域形状如何都得到定长的向量。（后来的 Fast R-CNN 只保留了一级：RoI 池化。）

在 48×48 的彩色街景上把两条路径都运行一遍。SPP-net：八个 3×3 滤波器只算一次，得到共享的特征图，三个形状各异的区域（楼房、电线杆、道路）
从*特征图*上裁出，用金字塔池化。R-CNN：同样的三个区域从*图像*上裁出，各自缩放成同样的 24×24 输入（用 `roiAlign`，即双线性重采样），
再对每个缩放后的区域运行同样的卷积和金字塔。两者都给出同一长度的向量；乘加次数由每次卷积的权重和输出的形状算出：
""",
    ),
    code(
        """
const photo = avgPool2d(await loadImage("../images/street.png"), { kernelSize: 2 }); // 1×3×48×48
const filters = randn([8, 3, 3, 3], { seed: 7 }).div(3);
const featureMap = relu(conv2d(photo, filters, { padding: 1 })); // computed once: 1×8×48×48
const crop = (t: Tensor, [x1, y1, x2, y2]: number[]) => t.slice(`..., ${y1}:${y2}, ${x1}:${x2}`); // t[..., y1:y2, x1:x2]
const regions = { building: [1, 6, 13, 23], poles: [32, 0, 48, 36], road: [8, 20, 48, 48] };
// multiply-adds of one conv2d call: each output value is a dot product of one filter's Cin·kh·kw weights
const convMacs = (w: Tensor, out: Tensor) => (w.size / w.shape[0]) * out.size;
const sppNetMacs = convMacs(filters, featureMap);
// R-CNN: warp each region of the image (x1, y1, x2, y2 in pixels) to 24×24, then the CNN on every warped region
const regionBoxes = tensor(Object.values(regions).map(([x1, y1, x2, y2]) => [0, x1, y1, x2, y2]));
const warped = roiAlign(photo, regionBoxes, { outputSize: 24, samplingRatio: 2 }); // R×3×24×24
const warpedFeatures = relu(conv2d(warped, filters, { padding: 1 })); // R×8×24×24: one convolution per region
const rcnnMacs = convMacs(filters, warpedFeatures);
const rcnnVectors = spatialPyramidPool(warpedFeatures, { levels: [4, 2, 1] });
Object.entries(regions).forEach(([name, box], r) => {
  const sppVec = spatialPyramidPool(crop(featureMap, box), { levels: [4, 2, 1] });
  console.log(`${name.padEnd(8)} region ${box[2] - box[0]}×${box[3] - box[1]}: SPP-net vector ${sppVec.shape[1]}, R-CNN vector ${rcnnVectors.select(0, r).shape[0]}`);
});
const perRegion = rcnnMacs / warped.shape[0];
console.log(`convolution MACs: SPP-net ${sppNetMacs.toLocaleString("en-US")} once; R-CNN ${perRegion.toLocaleString("en-US")} per region, ${rcnnMacs.toLocaleString("en-US")} for ${warped.shape[0]}`);
const proposals = 2000; // R-CNN's selective search proposals per image
console.log(`for ${proposals} proposals: SPP-net ${sppNetMacs.toLocaleString("en-US")}, R-CNN ${(perRegion * proposals).toLocaleString("en-US")} (${Math.round((perRegion * proposals) / sppNetMacs)}×)`);
display(photo, { title: "the street scene, 48×48" });
display(warped, { title: "R-CNN: each region warped to 24×24" });
""",
        zh=[
            ("// multiply-adds of one conv2d call: each output value is a dot product of one filter's Cin·kh·kw weights", "// 一次 conv2d 的乘加次数：每个输出值是一个滤波器 Cin·kh·kw 个权重的点积"),
            ("// R-CNN: warp each region of the image (x1, y1, x2, y2 in pixels) to 24×24, then the CNN on every warped region", "// R-CNN：把图像的每个区域（x1, y1, x2, y2，单位像素）缩放到 24×24，再对每个缩放后的区域运行 CNN"),
            ("// R×3×24×24", "// R×3×24×24（R 个区域）"),
            ("// R×8×24×24: one convolution per region", "// R×8×24×24：每个区域一次卷积"),
            (" region ${box[2] - box[0]}×${box[3] - box[1]}: SPP-net vector ", " 区域 ${box[2] - box[0]}×${box[3] - box[1]}：SPP-net 向量 "),
            (", R-CNN vector ", "，R-CNN 向量 "),
            ("`convolution MACs: SPP-net ", "`卷积乘加次数：SPP-net "),
            (" once; R-CNN ", "（一次）；R-CNN 每个区域 "),
            (" per region, ", "，"),
            ("`for ${proposals} proposals: SPP-net ", "`${proposals} 个提议区域：SPP-net "),
            ("// R-CNN's selective search proposals per image", "// R-CNN 每张图的选择性搜索提议区域数"),
            ("// computed once: 1×8×48×48", "// 只算一次：1×8×48×48"),
            ('"the street scene, 48×48"', '"街景，48×48"'),
            ('"R-CNN: each region warped to 24×24"', '"R-CNN：每个区域缩放到 24×24"'),
        ],
    ),
    md(
        """
For these three small regions, warped to 24×24, R-CNN's three passes cost less than SPP-net's one pass over the
whole 48×48 image: SPP-net's saving comes from the number of proposals, as the last line shows for R-CNN's 2000.

RoI pooling does the same for all regions at once, from box coordinates (rows [batch, x1, y1, x2, y2]). In
JupyterLab each region's box (dashed) and its 4×4 bins are drawn on the feature map (SPP-net's, computed once): hover an output cell to see
its bin's cells and the winning cell, a map cell to see every bin, of every region, that holds it. Each region's
RoI pooling is exactly an adaptive max pooling of the region cut from the map (torchvision's bins are the adaptive
rule's), which the cell checks:
""",
        """
对这三个缩放到 24×24 的小区域，R-CNN 的三次计算反而比 SPP-net 在整张 48×48 图像上的一次计算更省：SPP-net 的节省来自提议区域的数量，
最后一行按 R-CNN 的 2000 个提议区域给出了这一点。

RoI 池化根据框坐标（每行 [batch, x1, y1, x2, y2]）一次处理所有区域。在 JupyterLab 中，每个区域的框（虚线）和它的 4×4
个区块都画在（SPP-net 只算一次的）特征图上：悬停输出格子可看到它的区块所含的格子和取得最大值的格子，悬停特征图上的格子可看到包含它的所有区域的所有区块。
每个区域的 RoI 池化恰好就是对从特征图上裁出的该区域做自适应最大池化（torchvision 的区块就是自适应规则的区块），下面的单元格核对这一点：
""",
    ),
    code(
        """
// roiPool's boxes are inclusive cell coordinates: the last cell of [x1, x2) is x2 − 1
const boxes = tensor(Object.values(regions).map((b) => [0, b[0], b[1], b[2] - 1, b[3] - 1]));
const roiPooled = roiPool(featureMap, boxes, { outputSize: 4 });
Object.entries(regions).forEach(([name, box], r) => {
  const same = roiPooled.select(0, r).equal(adaptiveMaxPool2d(crop(featureMap, box), { outputSize: 4 }).select(0, 0));
  console.log(`${name.padEnd(8)} roiPool equals adaptiveMaxPool2d of the cut region: ${same}`);
});
roiPool(featureMap, boxes, { outputSize: 4, trace: true })
""",
        zh=[
            ("// roiPool's boxes are inclusive cell coordinates: the last cell of [x1, x2) is x2 − 1", "// roiPool 的框是闭区间的格子坐标：[x1, x2) 的最后一格是 x2 − 1"),
            (" roiPool equals adaptiveMaxPool2d of the cut region: ", " roiPool 等于对裁出区域做 adaptiveMaxPool2d："),
        ],
    ),
    md(
        """
RoI pooling rounds every box to whole cells, and its bins again, so a box moved by less than half a cell pools
exactly the same cells. Mask R-CNN's RoIAlign removes both roundings: the box stays where it is, each bin is
sampled at evenly spaced points, and each point is read by bilinear interpolation between the four cells around
it. Move the whole road box (both x1 and x2) right by 0.2, 0.4 and 0.6 of a pixel: RoI pooling's sum does not
change until the box rounds to the next cell (at 0.6), RoIAlign's changes with every shift.

The two sums also differ by a large factor, and that is not a bug: RoI pooling takes each bin's **maximum**,
RoIAlign each bin's **average** of its sample points (torchvision's `roi_align` averages). Averaging the same cut
region with `adaptiveAvgPool2d` gives nearly RoIAlign's sum, and the ratio of max to mean is close to the ratio of
the two sums.
In JupyterLab, hover a RoIAlign output cell to see its bin's sample points as dots:
""",
        """
RoI 池化把每个框取整到整格，再把它的区块取整，所以框移动不到半格时，池化的仍是完全相同的格子。Mask R-CNN 的 RoIAlign
去掉了这两次取整：框保持原位，每个区块在等距的采样点上取值，每个采样点由它周围四个格子做双线性插值得到。把整个道路框（x1 和 x2
一起）向右移动 0.2、0.4 和 0.6 个像素：RoI 池化的总和不变，直到框被取整到下一格（0.6 时）才改变；RoIAlign 的总和每次移动都会变。

两个总和还相差好几倍，这并不是错误：RoI 池化取每个区块的**最大值**，RoIAlign 取每个区块采样点的**平均值**（torchvision 的
`roi_align` 求平均）。用 `adaptiveAvgPool2d` 对同一个裁出的区域求平均，得到的总和与 RoIAlign 很接近，最大值与平均值之比也接近两个总和之比。
在 JupyterLab 中，悬停 RoIAlign 的输出格子可看到它的区块的采样点（圆点）：
""",
    ),
    code(
        """
// the road, its right edge one cell in from the map's, so that every shifted box stays on the map
const road = (dx: number) => tensor([[0, 8 + dx, 20, 46 + dx, 47]]);
const total = (t: Tensor) => t.sum().item(); // over all 8×4×4 outputs
for (const dx of [0, 0.2, 0.4, 0.6]) {
  const pooled = total(roiPool(featureMap, road(dx), { outputSize: 4 }));
  const aligned = total(roiAlign(featureMap, road(dx), { outputSize: 4 }));
  console.log(`box moved by ${dx} px: roiPool sum ${pooled.toFixed(5)}, roiAlign sum ${aligned.toFixed(5)}`);
}
const roadCut = crop(featureMap, [8, 20, 47, 48]); // the cells of the unshifted road box
const maxSum = total(adaptiveMaxPool2d(roadCut, { outputSize: 4 })), meanSum = total(adaptiveAvgPool2d(roadCut, { outputSize: 4 }));
console.log(`same region, adaptive max sum ${maxSum.toFixed(5)}, adaptive mean sum ${meanSum.toFixed(5)}, ratio ${(maxSum / meanSum).toFixed(2)}`);
const ratio = total(roiPool(featureMap, road(0), { outputSize: 4 })) / total(roiAlign(featureMap, road(0), { outputSize: 4 }));
console.log(`roiPool sum / roiAlign sum: ${ratio.toFixed(2)}`);
roiAlign(featureMap, boxes, { outputSize: 4, samplingRatio: 2, aligned: true, trace: true })
""",
        zh=[
            ("// the road, its right edge one cell in from the map's, so that every shifted box stays on the map", "// 道路框，右边缘比特征图的右边缘往里一格，移动后的框都还在图内"),
            ("// over all 8×4×4 outputs", "// 对全部 8×4×4 个输出求和"),
            ("`box moved by ", "`框移动 "),
            (" px: roiPool sum ", " 像素：roiPool 总和 "),
            (", roiAlign sum ", "，roiAlign 总和 "),
            ("// the cells of the unshifted road box", "// 未移动的道路框所含的格子"),
            ("`same region, adaptive max sum ", "`同一区域，自适应最大池化总和 "),
            (", adaptive mean sum ", "，自适应平均池化总和 "),
            (", ratio ", "，比值 "),
            ("`roiPool sum / roiAlign sum: ", "`roiPool 总和 / roiAlign 总和："),
        ],
    ),
    md(
        """
## Exercises

1. Which of the three rules give the same {6, 3, 2, 1} length on a 7×7 and a 5×5 map?
2. How many times more convolution multiply-adds does R-CNN spend than SPP-net on 100 proposals, each warped
   to 32×32 instead of 24×24?

The next cell computes both.
""",
        """
## 练习

1. 三种规则中，哪些在 7×7 和 5×5 的特征图上给出相同的 {6, 3, 2, 1} 长度？
2. 如果有 100 个提议区域，每个缩放到 32×32 而不是 24×24，R-CNN 的卷积乘加次数是 SPP-net 的多少倍？

下一个单元格算出这两个答案。
""",
    ),
    code(
        """
for (const rule of rules) {
  const a = pyramidLength(zeros([1, 1, 7, 7]), rule), b = pyramidLength(zeros([1, 1, 5, 5]), rule);
  console.log(`1. ${rule.padEnd(9)} 7×7 → ${a}, 5×5 → ${b}: ${a === b && a !== "refused" ? "same length" : "not usable"}`);
}
const warped32 = roiAlign(photo, regionBoxes, { outputSize: 32, samplingRatio: 2 });
const per32 = convMacs(filters, relu(conv2d(warped32, filters, { padding: 1 }))) / warped32.shape[0];
console.log(`2. R-CNN / SPP-net for 100 proposals at 32×32: ${((100 * per32) / sppNetMacs).toFixed(1)}×`);
""",
        zh=[
            ('"same length"', '"长度相同"'),
            ('"not usable"', '"不可用"'),
            ('a !== "refused"', 'a !== "拒绝"'),
            ("`2. R-CNN / SPP-net for 100 proposals at 32×32: ", "`2. 100 个 32×32 提议区域时 R-CNN / SPP-net："),
        ],
    ),
]
