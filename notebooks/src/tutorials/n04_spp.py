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
value. SPP-net's 224×224 and 180×180 inputs give 13×13 and 10×10 conv5 maps; a dense layer built for the first
cannot take the second (4 channels here instead of 256):
""",
        """
## 全连接层固定了输入尺寸

卷积和池化可以处理任意尺寸的图，但第一个全连接层对每个输入值都有一个权重。SPP-net 中 224×224 和 180×180 的输入
分别得到 13×13 和 10×10 的 conv5 特征图；为前者建的全连接层接不了后者（这里用 4 个通道代替 256 个）：
""",
    ),
    code(
        """
const conv5Large = relu(randn([1, 4, 13, 13], { seed: 1 }));
const conv5Small = relu(randn([1, 4, 10, 10], { seed: 2 }));
const fcWeight = randn([10, 4 * 13 * 13], { seed: 3 });
console.log("13×13 flattened:", flatten(conv5Large).shape, "→ fc:", linear(flatten(conv5Large), fcWeight).shape);
try {
  linear(flatten(conv5Small), fcWeight);
} catch (e) {
  console.log("10×10 flattened:", flatten(conv5Small).shape, "→", String(e));
}
"""
    ),
    md(
        """
## One length for every size

SPP pools each channel at several levels — n×n bins for n in, say, {4, 2, 1} — and concatenates the results. The
number of bins does not depend on the map size, so the output length is C·(16 + 4 + 1) = 21·C for both maps:
""",
        """
## 所有尺寸，同一个长度

SPP 对每个通道做多级池化——比如 n ∈ {4, 2, 1}，每级 n×n 个格子——再把结果拼接起来。格子数与特征图尺寸无关，
所以两张图的输出长度都是 C·(16 + 4 + 1) = 21·C：
""",
    ),
    code(
        """
const sppLarge = spatialPyramidPool(conv5Large, { levels: [4, 2, 1], trace: true });
const sppSmall = spatialPyramidPool(conv5Small, { levels: [4, 2, 1], trace: true });
console.log("13×13 →", sppLarge.output.shape, "  10×10 →", sppSmall.output.shape);
display(sppLarge);
sppSmall
"""
    ),
    md(
        """
`compareSpp` puts the two results side by side in one output: both maps with the bins of one level, and both
vectors, of the same length. In JupyterLab, hovering entry k of either vector lights entry k of the other too,
and the bin it pooled on each map: the same level, channel and bin, drawn on a 13×13 and on a 10×10 map.
""",
        """
`compareSpp` 把两个结果并排放进同一个输出：两张图连同某一级的格子，以及两个长度相同的向量。在 JupyterLab 中悬停任一向量的第 k 项，
另一个向量的第 k 项也会亮起，两张图上它所池化的格子也会亮起：同一级、同一通道、同一个格子，分别画在 13×13 和 10×10 的图上。
""",
    ),
    code(
        """
compareSpp(sppLarge, sppSmall)
"""
    ),
    md(
        """
In JupyterLab, hover an entry of the 84-long vector to see the bin of the 10×10 map it came from. The paper's
pyramids, for 256 conv5 channels:
""",
        """
在 JupyterLab 中悬停这个长度为 84 的向量中的某一项，就能看到它来自 10×10 图上的哪个格子。论文中几种金字塔在 256 个
conv5 通道下的长度：
""",
    ),
    code(
        """
for (const levels of [[6, 3, 2, 1], [4, 2, 1], [3, 2, 1]]) {
  const bins = sppBins(13, 13, levels).reduce((s, [h, w]) => s + h * w, 0);
  console.log(`{${levels.join(", ")}}: ${bins} bins × 256 channels = ${bins * 256}`);
}
"""
    ),
    md(
        """
## The paper's rule: window ⌈a/n⌉, stride ⌊a/n⌋

The paper implements each level as an ordinary sliding max pool on an a×a map: window ⌈a/n⌉, stride ⌊a/n⌋, no
padding. For the 13×13 map it works at every level of {6, 3, 2, 1}:
""",
        """
## 论文的规则：窗口 ⌈a/n⌉，步长 ⌊a/n⌋

论文把每一级实现为 a×a 图上的普通滑动最大池化：窗口 ⌈a/n⌉、步长 ⌊a/n⌋、不填充。对 13×13 的图，{6, 3, 2, 1} 的每一级都正确：
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
"""
    ),
    md(
        """
For the 10×10 map the 6×6 level fails: window 2, stride 1 gives 9 bins, so the output length changes with the
input size again — exactly what SPP was meant to prevent. The stride ⌊a/n⌋ is too small whenever a is not a
multiple of n and a/n is small. All the sizes a ≤ 64 where the rule gives the wrong count:
""",
        """
对 10×10 的图，6×6 这一级失效：窗口 2、步长 1 得到 9 个格子，于是输出长度又随输入尺寸变化——这正是 SPP 想要避免的。
只要 a 不是 n 的倍数且 a/n 较小，步长 ⌊a/n⌋ 就太小。下面列出 a ≤ 64 中所有使该规则给出错误格子数的尺寸：
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
display(spatialPyramidPool(conv5Small, { levels: [6, 3, 2, 1], rule: "paper" }));
"""
    ),
    md(
        """
A second failure hides behind the right count: an implementation that simply takes n windows
[i·⌊a/n⌋, i·⌊a/n⌋ + ⌈a/n⌉) leaves the end of the map unpooled whenever (n−1)·⌊a/n⌋ + ⌈a/n⌉ < a. For a = 8, n = 3
the three windows are [0,3), [2,5), [4,7): row 7 is never seen.
""",
        """
还有一种失效藏在"格子数正确"的背后：如果实现直接取 n 个窗口 [i·⌊a/n⌋, i·⌊a/n⌋ + ⌈a/n⌉)，那么只要
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
"""
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

一种被广泛复制的修正（许多 PyTorch 仓库里的 `SPPLayer`）把窗口和步长都向上取整，并对图做填充，使 n 个大小为 K 的窗口
恰好铺满。10×10、n = 6 时：K = S = 2，填充 1，得到 6 个格子。但填充可能超过窗口的一半，PyTorch 的最大池化会拒绝；
对某些尺寸，甚至整个格子都落在填充里。用该规则的参数调用真实的运算：
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
  console.log(`a=10 n=6: K=S=${k}, padding ${p} →`, maxPool2d(conv5Small, { kernelSize: k, padding: p }).shape);
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
"""
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

自适应池化（PyTorch 的 `AdaptiveMaxPool2d`）直接要求 n 个格子，并计算每个格子的范围：start = ⌊i·a/n⌋，
end = ⌈(i+1)·a/n⌉。格子之间可能重叠一格、大小可能相差一格，但总是恰好 n 个，每个格子都被覆盖，甚至 a < n 时也能工作。
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
"""
    ),
    md(
        """
## SPP-net for detection: compute features once, pool each region

R-CNN crops each of about 2000 region proposals from the image, warps it to a fixed size and runs the whole CNN
on it — the convolutions are recomputed for every region, though the regions overlap heavily. SPP-net runs the
convolutional layers **once** on the whole image, maps each proposal onto the feature map, and pools that region
with the pyramid, which gives a fixed-length vector whatever the region's shape. (Fast R-CNN later kept a single
level: RoI pooling.)

On the street scene at 48×48: eight 3×3 filters give the shared feature map, and three regions of different
shapes (the building, the poles, the road) each become a vector of the same length:
""",
        """
## 用于检测的 SPP-net：特征只算一次，逐区域池化

R-CNN 从图像中裁出约 2000 个候选区域，把每个区域缩放到固定尺寸，再对它运行整个 CNN——尽管区域之间大量重叠，
卷积仍要为每个区域重新计算。SPP-net 只在整张图上运行**一次**卷积层，把每个候选区域映射到特征图上，再用金字塔池化这个区域，
无论区域形状如何都得到定长的向量。（后来的 Fast R-CNN 只保留了一级：RoI 池化。）

在 48×48 的街景上：八个 3×3 滤波器得到共享的特征图，三个形状各异的区域（楼房、电线杆、道路）各自变成同样长度的向量：
""",
    ),
    code(
        """
const photo = avgPool2d(await loadImage("../images/street.png"), { kernelSize: 2 }); // 1×3×48×48
const filters = randn([8, 3, 3, 3], { seed: 7 }).div(3);
const featureMap = relu(conv2d(photo, filters, { padding: 1 })); // computed once: 1×8×48×48
const crop = (t: Tensor, [x1, y1, x2, y2]: number[]) => t.slice(`..., ${y1}:${y2}, ${x1}:${x2}`); // t[..., y1:y2, x1:x2]
const regions = { building: [1, 6, 13, 23], poles: [32, 0, 48, 36], road: [8, 20, 48, 48] };
for (const [name, box] of Object.entries(regions)) {
  const vec = spatialPyramidPool(crop(featureMap, box), { levels: [4, 2, 1] });
  console.log(`${name.padEnd(8)} region ${box[2] - box[0]}×${box[3] - box[1]} → vector of ${vec.shape[1]}`);
}
display(photo);
featureMap
"""
    ),
    md(
        """
RoI pooling does the same for all regions at once, from box coordinates (rows [batch, x1, y1, x2, y2]). In
JupyterLab each region's box (dashed) and its 4×4 bins are drawn on the feature map: hover an output cell to see
its bin's cells and the winning cell, a map cell to see every bin, of every region, that holds it. And the cost of
the convolution, once for SPP-net against once per region for R-CNN (each region warped to the same 48×48 input):
""",
        """
RoI 池化根据框坐标（每行 [batch, x1, y1, x2, y2]）一次处理所有区域。在 JupyterLab 中，每个区域的框（虚线）和它的 4×4
个格子都画在特征图上：悬停输出格可看到它的格子所含的单元和取得最大值的单元，悬停特征图上的单元可看到包含它的所有区域的所有格子。
再看卷积的计算量：SPP-net 只算一次，R-CNN 每个区域算一次（每个区域都缩放成同样的 48×48 输入）：
""",
    ),
    code(
        """
const macs = 8 * 3 * 3 * 3 * 48 * 48; // Cout·Cin·kh·kw·H·W multiply-adds of the shared convolution
for (const proposals of [3, 2000]) {
  console.log(`${String(proposals).padStart(4)} regions: SPP-net ${macs.toLocaleString("en-US")} MACs, R-CNN ${(macs * proposals).toLocaleString("en-US")} MACs`);
}
const boxes = tensor(Object.values(regions).map((b) => [0, b[0], b[1], b[2] - 1, b[3] - 1]));
roiPool(featureMap, boxes, { outputSize: 4, trace: true })
"""
    ),
    md(
        """
RoI pooling rounds every box to whole cells, and its bins again, so a box moved by less than half a cell pools
exactly the same cells. Mask R-CNN's RoIAlign removes both roundings: the box stays where it is, each bin is
sampled at evenly spaced points, and each point is read by bilinear interpolation between the four cells around
it. Move the road's box right by 0.2 and 0.4 of a pixel: the sum of RoI pooling's outputs does not change, RoIAlign's does. In
JupyterLab, hover a RoIAlign output cell to see its bin's sample points as dots:
""",
        """
RoI 池化把每个框取整到整格，再把它的格子取整，所以框移动不到半格时，池化的仍是完全相同的单元。Mask R-CNN 的 RoIAlign
去掉了这两次取整：框保持原位，每个格子在等距的采样点上取值，每个采样点由它周围四个单元做双线性插值得到。把道路的框向右移动
0.2 和 0.4 个像素：RoI 池化输出的总和不变，RoIAlign 的总和随之改变。在 JupyterLab 中，悬停 RoIAlign 的输出格可看到它的格子的采样点（圆点）：
""",
    ),
    code(
        """
const road = (dx: number) => tensor([[0, 8 + dx, 20, 47, 47]]);
const total = (t: Tensor) => t.sum().item(); // over all 8×4×4 outputs
for (const dx of [0, 0.2, 0.4]) {
  const pooled = total(roiPool(featureMap, road(dx), { outputSize: 4 }));
  const aligned = total(roiAlign(featureMap, road(dx), { outputSize: 4, aligned: true }));
  console.log(`box moved by ${dx} px: roiPool sum ${pooled.toFixed(5)}, roiAlign sum ${aligned.toFixed(5)}`);
}
roiAlign(featureMap, boxes, { outputSize: 4, samplingRatio: 2, aligned: true, trace: true })
"""
    ),
]
