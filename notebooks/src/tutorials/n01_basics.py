from .cells import code, md

NAME = "01-pooling-basics.ipynb"

CELLS = [
    md(
        """
# 1 · Pooling basics

Pooling slides a window over a feature map and replaces each window — a *pool* of values — by one
representative: its **maximum** (max pooling) or its **mean** (average pooling). Every name used below
(`tensor`, `maxPool2d`, `avgPool2d`, …) is preloaded by the poolscope kernel, and a tensor that is the last value
of a cell draws itself as a heatmap: hover a cell to read its index and value. Change any number and run the
cell again.
""",
        """
# 1 · 池化基础

池化让一个窗口在特征图上滑动，把每个窗口里的一组值（一个"池"）换成一个代表值：取**最大值**（最大池化）或取**平均值**
（平均池化）。下面用到的所有名字（`tensor`、`maxPool2d`、`avgPool2d` 等）都由 poolscope 内核预先载入；
单元格的最后一个值如果是张量，就会画成热力图，鼠标悬停可读出下标和数值。随手改一个数字，再运行一次看看。
""",
    ),
    md(
        "A 4×4 feature map, one sample and one channel (shape N, C, H, W = 1, 1, 4, 4):",
        "一个 4×4 的特征图，一个样本、一个通道（形状 N, C, H, W = 1, 1, 4, 4）：",
    ),
    code(
        """
const x = tensor([[[
  [1, 3, 2, 0],
  [5, 6, 1, 2],
  [0, 2, 9, 4],
  [3, 1, 4, 8],
]]]);
x
"""
    ),
    md(
        """
**Max pooling** with a 2×2 window and stride 2 (the stride defaults to the window) keeps the largest value of
each of the four windows: 6, 2, 3 and 9.
""",
        """
**最大池化**：窗口 2×2、步长 2（步长默认等于窗口大小），四个窗口各保留最大的值：6、2、3、9。
""",
    ),
    code(
        """
const xMax = maxPool2d(x, { kernelSize: 2 });
xMax
"""
    ),
    md(
        """
**Average pooling** over the same windows keeps their means: (1+3+5+6)/4 = 3.75, (2+0+1+2)/4 = 1.25,
(0+2+3+1)/4 = 1.5 and (9+4+4+8)/4 = 6.25.
""",
        """
在同样的窗口上做**平均池化**，保留的是各窗口的均值：(1+3+5+6)/4 = 3.75，(2+0+1+2)/4 = 1.25，
(0+2+3+1)/4 = 1.5，(9+4+4+8)/4 = 6.25。
""",
    ),
    code(
        """
const xMean = avgPool2d(x, { kernelSize: 2 });
xMean
"""
    ),
    md(
        """
Both halve each spatial side: 16 values become 4, while the map still says roughly *where* the large responses
are.
""",
        """
两者都把每条空间边长减半：16 个值变成 4 个，但这张图仍然大致告诉我们强响应在*哪里*。
""",
    ),
    code(
        """
console.log(`input ${x.shape.join("×")} → max ${xMax.shape.join("×")}, mean ${xMean.shape.join("×")}`);
"""
    ),
    md(
        """
## A pool and its representative

With `trace: true` a pooling op also returns which input cells formed each output cell. In JupyterLab, hover an
output cell to see its window on the input; the max result also records the winner (PyTorch's index, flat
within the 4×4 plane).
""",
        """
## 一个池和它的代表值

加上 `trace: true`，池化运算还会记录每个输出格由哪些输入格算出。在 JupyterLab 中把鼠标移到输出格上，就能在输入上看到它的窗口；
最大池化的结果还记下了胜出者的位置（PyTorch 的下标，在 4×4 平面内按行展平）。
""",
    ),
    code(
        """
const traced = maxPool2d(x, { kernelSize: 2, trace: true });
console.log("winning positions:", Array.from(traced.indices.data));
traced
"""
    ),
    md(
        """
The winners sit at flat positions 5, 2, 12 and 10 — row·4 + column of 6, 2, 3 and 9. Max pooling keeps the
strongest evidence in each pool and forgets where exactly inside the pool it was; the mean keeps how much
evidence there was in total, diluted by the weak cells.
""",
        """
胜出者位于展平位置 5、2、12、10，也就是 6、2、3、9 各自的 行·4 + 列。最大池化保留每个池中最强的证据，
却忘掉了它在池里的确切位置；平均池化保留的是证据的总量，但会被弱响应稀释。
""",
    ),
    md(
        """
## Pooling as aggregate statistics

A pool is summarised by a statistic. Max and mean are the usual two; the Lp norm sits between them
(p = 1 sums, a large p approaches the max), and *global* pooling takes a whole map as one pool — one number per
channel.
""",
        """
## 池化就是聚合统计

一个池用一个统计量来概括。最大值和平均值最常用；Lp 范数介于两者之间（p = 1 是求和，p 越大越接近最大值）；
*全局*池化把整张图当作一个池，每个通道只剩一个数。
""",
    ),
    code(
        """
const stats = {
  max: maxPool2d(x, { kernelSize: 2 }).data,
  mean: avgPool2d(x, { kernelSize: 2 }).data,
  lp1: lpPool2d(x, { normType: 1, kernelSize: 2 }).data,
  lp2: lpPool2d(x, { normType: 2, kernelSize: 2 }).data,
  lp8: lpPool2d(x, { normType: 8, kernelSize: 2 }).data,
};
for (const [name, v] of Object.entries(stats)) console.log(name.padEnd(5), Array.from(v, (a) => a.toFixed(3)).join("  "));
console.log("global max", globalMaxPool(x).item(), " global mean", globalAvgPool(x).item());
"""
    ),
    md(
        """
## Shift the input by one pixel

A small map with four isolated responses (think: four detected corners). Move everything one pixel to the right
and pool again with 2×2 windows.
""",
        """
## 把输入平移一个像素

一张只有四个孤立响应的小图（可以想象成检测到的四个角点）。把所有内容向右平移一个像素，再用 2×2 窗口池化。
""",
    ),
    code(
        """
// pad `by` zero columns on the left and crop as many on the right (F.pad with a negative amount crops)
const shiftRight = (t: Tensor, by: number): Tensor => t.pad([by, -by]);
const peaks = zeros([1, 1, 8, 8]);
for (const [i, j, v] of [[1, 0, 5], [2, 4, 3], [5, 2, 8], [6, 5, 4]]) peaks.set([0, 0, i, j], v);
const moved = shiftRight(peaks, 1);
display(peaks);
moved
"""
    ),
    code(
        """
const changed = (a: Tensor, b: Tensor) => a.ne(b).sum().item();
const pooledPeaks = maxPool2d(peaks, { kernelSize: 2 });
const pooledMoved = maxPool2d(moved, { kernelSize: 2 });
console.log(`input:  ${changed(peaks, moved)} of ${peaks.size} cells differ`);
console.log(`pooled: ${changed(pooledPeaks, pooledMoved)} of ${pooledPeaks.size} cells differ`);
display(pooledPeaks);
pooledMoved
"""
    ),
    md(
        """
Every one of the four responses moved, so 8 input cells changed; after pooling only the response that crossed
a window border (column 5 → 6) changes anything, 2 cells out of 16. Max pooling is invariant to shifts that stay
inside a window, and only approximately so across borders — try `shiftRight(peaks, 2)`, or a 3×3 window.
""",
        """
四个响应全部移动了，所以输入有 8 个格子变了；池化之后，只有跨过窗口边界的那一个响应（第 5 列 → 第 6 列）造成了变化，
16 个格子中只有 2 个不同。最大池化对窗口内的小平移是不变的，跨过边界时只是近似不变——试试 `shiftRight(peaks, 2)`，
或者换成 3×3 的窗口。
""",
    ),
    md(
        """
## Convolution adds information, pooling trades size for it

A convolution with several filters describes every position in several ways, so the number of values grows;
pooling then shrinks the map and keeps one representative per pool. Four 3×3 filters (seeded random weights)
on an 8×8 map, then 2×2 max pooling:
""",
        """
## 卷积增加信息，池化用尺寸换信息

多个滤波器的卷积从多个角度描述每个位置，于是数值的个数增多；池化再把图缩小，每个池只留一个代表值。
下面在 8×8 的图上用四个 3×3 滤波器（固定种子的随机权重），再做 2×2 最大池化：
""",
    ),
    code(
        """
const img8 = rand([1, 1, 8, 8], { seed: 1 });
const w4 = randn([4, 1, 3, 3], { seed: 2 }).mul(Math.sqrt(2 / 9)); // He initialisation
const conv4 = relu(conv2d(img8, w4, { padding: 1 }));
const pool4 = maxPool2d(conv4, { kernelSize: 2 });
console.log(`input ${img8.shape.join("×")} = ${img8.size} values`);
console.log(`conv  ${conv4.shape.join("×")} = ${conv4.size} values (4 descriptions of each position)`);
console.log(`pool  ${pool4.shape.join("×")} = ${pool4.size} values (one per 2×2 pool per channel)`);
display(conv4);
pool4
"""
    ),
    md(
        """
## Through a small stack

Alternating convolution (more channels) and pooling (smaller maps) is the shape of a classic CNN: resolution
falls while the channel count rises. Here on a real picture, the 96×96 street scene in `../images/street.png`
(drawn by code, see `notebooks/images/README.md`), first shrunk to 32×32 by 3×3 average pooling:
""",
        """
## 穿过一个小小的网络

卷积（通道变多）与池化（图变小）交替出现，正是经典 CNN 的样子：分辨率下降，通道数上升。这里用一张真实的图片：
`../images/street.png` 中 96×96 的街景（由代码绘制，见 `notebooks/images/README.md`），先用 3×3 平均池化缩到 32×32：
""",
    ),
    code(
        """
const street = await loadImage("../images/street.png", { channels: "gray" });
let h = avgPool2d(street, { kernelSize: 3 });
display(h);
const channels = [8, 16, 32];
let seed = 10;
console.log(`input        ${h.shape.slice(1).join("×")}`);
for (const c of channels) {
  const fanIn = h.shape[1] * 9;
  const w = randn([c, h.shape[1], 3, 3], { seed: seed++ }).mul(Math.sqrt(2 / fanIn));
  h = relu(conv2d(h, w, { padding: 1 }));
  const convShape = h.shape.slice(1).join("×");
  h = maxPool2d(h, { kernelSize: 2 });
  console.log(`conv → ${convShape.padEnd(9)} pool → ${h.shape.slice(1).join("×")}`);
}
h
"""
    ),
    md(
        """
From 1×32×32 to 32×4×4: each step halves the side and doubles the channels, so every remaining position speaks
for a larger patch of the picture in more ways.
""",
        """
从 1×32×32 到 32×4×4：每一步边长减半、通道加倍，于是剩下的每个位置都以更多的方式描述图片中更大的一块区域。
""",
    ),
]
