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

池化（pooling，《动手学深度学习》第二版译作"汇聚"）让一个窗口在特征图上滑动，把每个窗口里的一组值（一个"池"）换成一个代表值：取**最大值**（最大池化）或取**平均值**
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
**最大池化**：窗口 2×2、步幅 2（步幅默认等于窗口大小），四个窗口各保留最大的值：6、2、3、9。
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
""",
        zh=[("input ", "输入 "), ("max ", "最大 "), ("mean ", "平均 ")],
    ),
    md(
        """
## A pool and its representative

With `trace: true` a pooling op also returns which input cell won each window (PyTorch's index, flat within
the 4×4 plane). In JupyterLab, hover an output cell to see its window on the input. `maxUnpool2d` writes each
winner back at its index, so the second picture shows where the representatives sat:
""",
        """
## 一个池和它的代表值

加上 `trace: true`，池化运算还会返回每个窗口由哪个输入格胜出（PyTorch 的下标，在 4×4 平面内按行展平）。在 JupyterLab
中把鼠标移到输出格子上，就能在输入上看到它的窗口。`maxUnpool2d` 把每个胜出者写回它的下标处，所以第二幅图显示了代表值原来的位置：
""",
    ),
    code(
        """
const traced = maxPool2d(x, { kernelSize: 2, trace: true });
console.log("winning positions:", String(traced.indices.flatten()));
show([traced, maxUnpool2d(traced.output, traced.indices, { kernelSize: 2 })], { titles: ["max pool 2×2, traced", "each winner written back at its index"] })
""",
        zh=[("winning positions:", "胜出位置："), ('"max pool 2×2, traced"', '"最大池化 2×2（带追踪）"'), ('"each winner written back at its index"', '"每个胜出者写回它的下标处"')],
    ),
    md(
        """
Max pooling keeps the strongest evidence in each pool and forgets where exactly inside the pool it was; the mean
keeps how much evidence there was in total, diluted by the weak cells.

## Pooling as aggregate statistics

A pool is summarised by a statistic. Max and mean are the usual two; *global* pooling takes a whole map as one
pool, one number per channel. Lp pooling (PyTorch's `LPPool2d`) computes (Σ xᵖ)^(1/p) over the window: it is a
norm, not an average. For p = 1 it is the window's **sum** (4× the mean of a 2×2 window), and as p grows it falls
towards the max **from above**: for non-negative values it is never below the max.
""",
        """
最大池化保留每个池中最强的证据，却忘掉了它在池里的确切位置；平均池化保留的是证据的总量，但会被弱响应稀释。

## 池化就是聚合统计

一个池用一个统计量来概括。最大值和平均值最常用；*全局*池化把整张图当作一个池，每个通道只剩一个数。Lp 池化（PyTorch
的 `LPPool2d`）在窗口上计算 (Σ xᵖ)^(1/p)：它是范数，不是平均。p = 1 时就是窗口的**和**（2×2 窗口均值的 4 倍），
p 越大越接近最大值，而且是**从上方**接近：对非负值，它从不小于最大值。
""",
    ),
    code(
        """
const pooledBy = {
  max: maxPool2d(x, { kernelSize: 2 }),
  mean: avgPool2d(x, { kernelSize: 2 }),
  lp1: lpPool2d(x, { normType: 1, kernelSize: 2 }),
  lp2: lpPool2d(x, { normType: 2, kernelSize: 2 }),
  lp8: lpPool2d(x, { normType: 8, kernelSize: 2 }),
};
for (const [name, t] of Object.entries(pooledBy)) console.log(name.padEnd(5), String(t.flatten()));
console.log("lp1 equals 4 × mean:", allclose(pooledBy.lp1, pooledBy.mean.mul(4)));
for (const p of ["lp1", "lp2", "lp8"] as const) {
  const above = pooledBy[p].sub(pooledBy.max);
  console.log(`${p} − max: smallest ${above.min().item().toFixed(3)}, largest ${above.max().item().toFixed(3)}`);
}
console.log("global max", globalMaxPool(x).item(), " global mean", globalAvgPool(x).item());
""",
        zh=[
            ('"lp1 equals 4 × mean:"', '"lp1 等于 4 × 均值："'),
            ("− max: smallest", "− 最大值：最小差"),
            (", largest", "，最大差"),
            ('"global max"', '"全局最大"'),
            ('" global mean"', '" 全局平均"'),
        ],
    ),
    md(
        """
## Mean and max on a picture

The 96×96 street scene in `../images/street.png` (drawn by code, see `notebooks/images/README.md`), in grey
levels 0…1, pooled with 4×4 windows both ways. Max pooling keeps the brightest pixel of each pool, so thin dark
structures (the poles, the power lines, the window panes) are lightened to the background around them; the mean
keeps them as a grey smear, darker than the max. The cell prints each picture's darkest cell and its share of dark
cells (below 0.3):
""",
        """
## 在图片上比较平均与最大

`../images/street.png` 中 96×96 的街景（由代码绘制，见 `notebooks/images/README.md`），灰度 0…1，分别用 4×4 窗口做两种池化。
最大池化保留每个池中最亮的像素，所以细而暗的结构（电线杆、电线、窗格）被周围的背景提亮；平均池化则把它们保留为灰色的斑，
比最大池化的结果更暗。下面的单元格打印每幅图最暗的格子，以及暗格（低于 0.3）所占的比例：
""",
    ),
    code(
        """
const street = await loadImage("../images/street.png", { channels: "gray" });
const streetMax = maxPool2d(street, { kernelSize: 4 });
const streetMean = avgPool2d(street, { kernelSize: 4 });
const darkShare = (t: Tensor) => t.lt(0.3).mean().item();
for (const [name, t] of [["input", street], ["max 4×4", streetMax], ["mean 4×4", streetMean]] as const) {
  const size = t.shape.slice(2).join("×").padEnd(6);
  console.log(`${name.padEnd(9)} ${size} darkest ${t.min().item().toFixed(3)}, dark cells: ${(100 * darkShare(t)).toFixed(1)}%`);
}
show([street, streetMax, streetMean], { titles: ["input 96×96", "max pool 4×4", "mean pool 4×4"] })
""",
        zh=[
            ('"input 96×96"', '"输入 96×96"'),
            ('"max pool 4×4"', '"最大池化 4×4"'),
            ('"mean pool 4×4"', '"平均池化 4×4"'),('"input"', '"输入"'), ('"max 4×4"', '"最大 4×4"'), ('"mean 4×4"', '"平均 4×4"'), ("darkest ", "最暗 "), (", dark cells:", "，暗格：")],
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
show([peaks, moved], { titles: ["four responses", "shifted right by 1"] })
""",
        zh=[
            (
                "// pad `by` zero columns on the left and crop as many on the right (F.pad with a negative amount crops)",
                "// 左侧补 `by` 列零，右侧裁掉同样多列（F.pad 的负数即裁剪）",
            ),
            ('"four responses"', '"四个响应"'),
            ('"shifted right by 1"', '"向右平移 1 格"'),
        ],
    ),
    code(
        """
const changed = (a: Tensor, b: Tensor) => a.ne(b).sum().item();
const pooledPeaks = maxPool2d(peaks, { kernelSize: 2 });
const pooledMoved = maxPool2d(moved, { kernelSize: 2 });
console.log(`input:  ${changed(peaks, moved)} of ${peaks.size} cells differ`);
console.log(`pooled: ${changed(pooledPeaks, pooledMoved)} of ${pooledPeaks.size} cells differ`);
show([pooledPeaks, pooledMoved], { titles: ["pooled", "pooled after the shift"] })
""",
        zh=[('"pooled"', '"池化后"'), ('"pooled after the shift"', '"平移后再池化"'), ("input: ", "输入："), ("pooled:", "池化："), ("} of ${", "} / ${"), (" cells differ", " 个格子不同")],
    ),
    md(
        """
Every one of the four responses moved, so 8 input cells changed; after pooling only the response that crossed
a window border (column 5 → 6) changes anything, 2 cells out of 16. Max pooling is invariant to shifts that stay
inside a window, and only approximately so across borders.

## Convolution adds, pooling subtracts

A convolution with several filters describes every position in several ways: the number of values grows, the
size does not. Pooling then shrinks each map and keeps one representative per pool: size shrinks and some
information goes. One plus, one minus: four 3×3 edge filters on the street scene (shrunk to 48×48 by 2×2
average pooling, to keep the pictures small), then 2×2 max pooling. What
did the pooling keep? Of the edge maps, a quarter of the values, but the largest of each pool: their share of the
maps' energy Σa² says how much of the response survives. Of the picture, a smaller copy: blown back up (each cell
repeated 2×2) it differs from the picture by the relative error ‖a − up(pool(a))‖ / ‖a‖.
""",
        """
四个响应全部移动了，所以输入有 8 个格子变了；池化之后，只有跨过窗口边界的那一个响应（第 5 列 → 第 6 列）造成了变化，
16 个格子中只有 2 个不同。最大池化对窗口内的小平移是不变的，跨过边界时只是近似不变。

## 卷积做加法，池化做减法

多个滤波器的卷积从多个角度描述每个位置：数值的个数增多，尺寸不变。池化再把每张图缩小，每个池只留一个代表值：尺寸变小，
也丢掉一些信息。一加一减：在街景上（用 2×2 平均池化缩小到 48×48，让图片小一些）用四个 3×3 边缘滤波器，再做 2×2 最大池化。池化保留了什么？对边缘图，它保留了四分之一的值，
但都是各池中最大的：它们占特征图能量 Σa² 的比例说明了响应保留了多少。对图片，它保留了一个缩小的副本：放大回去（每个格子重复 2×2）
后与原图的相对误差为 ‖a − up(pool(a))‖ / ‖a‖。
""",
    ),
    code(
        """
const edgeFilters = tensor([
  [[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]], // vertical edges (Sobel)
  [[[-1, -2, -1], [0, 0, 0], [1, 2, 1]]], // horizontal edges
  [[[0, 1, 2], [-1, 0, 1], [-2, -1, 0]]], // one diagonal
  [[[2, 1, 0], [1, 0, -1], [0, -1, -2]]], // the other
]).div(8);
const street48 = avgPool2d(street, { kernelSize: 2 });
const convMaps = relu(conv2d(street48, edgeFilters, { padding: 1 }));
const poolMaps = maxPool2d(convMaps, { kernelSize: 2 });
// nearest-neighbour upsampling by k: every cell becomes a k×k block (reshape and expand, no copy by hand)
const upsample = (t: Tensor, k: number) => {
  const [n, c, h, w] = t.shape;
  return t.reshape([n, c, h, 1, w, 1]).expand(-1, -1, -1, k, -1, k).reshape([n, c, h * k, w * k]);
};
const relError = (a: Tensor, b: Tensor) => a.sub(b).norm().div(a.norm()).item();
const energyKept = (a: Tensor, pooled: Tensor) => pooled.pow(2).sum().div(a.pow(2).sum()).item();
console.log(`input ${street48.shape.join("×")} = ${street48.size} values`);
console.log(`conv  ${convMaps.shape.join("×")} = ${convMaps.size} values (4 descriptions of each position)`);
console.log(`pool  ${poolMaps.shape.join("×")} = ${poolMaps.size} values (one per 2×2 pool per channel)`);
console.log(`kept: ${(100 * poolMaps.size / convMaps.size).toFixed(0)}% of the conv values, ${(100 * energyKept(convMaps, poolMaps)).toFixed(1)}% of their energy`);
console.log(`      up(pool(input)) differs from the input by ${(100 * relError(street48, upsample(maxPool2d(street48, { kernelSize: 2 }), 2))).toFixed(1)}%`);
show([convMaps, poolMaps], { titles: ["conv: 4 edge maps, 48×48", "max pool 2×2: 24×24"] })
""",
        zh=[
            ("// vertical edges (Sobel)", "// 竖直边缘（Sobel）"),
            ("// horizontal edges", "// 水平边缘"),
            ("// one diagonal", "// 一条对角线方向"),
            ("// the other", "// 另一条"),
            (
                "// nearest-neighbour upsampling by k: every cell becomes a k×k block (reshape and expand, no copy by hand)",
                "// 按 k 倍最近邻上采样：每个格子变成 k×k 的块（用 reshape 和 expand，不手写拷贝）",
            ),
            ("`input ", "`输入 "),
            ("`conv  ", "`卷积 "),
            ("`pool  ", "`池化 "),
            (" values`", " 个值`"),
            (" values (4 descriptions of each position)", " 个值（每个位置 4 种描述）"),
            (" values (one per 2×2 pool per channel)", " 个值（每个通道每个 2×2 池一个）"),
            ('"conv: 4 edge maps, 48×48"', '"卷积：4 张边缘图，48×48"'),
            ('"max pool 2×2: 24×24"', '"最大池化 2×2：24×24"'),
            ("`kept: ", "`保留："), ("% of the conv values, ", "% 的卷积值，"), ("% of their energy`", "% 的能量`"),
            ("`      up(pool(input)) differs from the input by ", "`      up(pool(input)) 与输入相差 "),
        ],
    ),
    md(
        """
The convolution multiplied the values by 4 at the same size; the pooling divided them by 4 again, back to as many
values as the picture had, now four descriptions at half the resolution. A quarter of the edge values carries
more than half of the edges' energy (the share above), and the pooled picture, blown up, is the picture up to the printed
error: the result is still usable, and the map of edges is still a map of edges.

## The pooling layer is a blur, then a subsampling

LeNet's subsampling (S-) layers average each 2×2 pool. Average pooling with stride 1 is exactly a convolution with
a box filter (every weight 1/k²), a blur; the stride then keeps every k-th blurred value. So an S-layer smooths
like a low-pass filter and, applied to a feature map, makes a feature of its own: "is there a response somewhere
in this pool". The cell checks the equality against `conv2d`, measures the smoothing (mean |difference| between
horizontal neighbours; the S-layer is compared with keeping every second pixel without the blur, which has the
same size), and counts how many cells of the vertical-edge map hold an edge (> 0.1) before and after 4×4 max
pooling:
""",
        """
卷积把数值个数乘以 4 而尺寸不变；池化又把它除以 4，回到图片原有的数值个数，如今是分辨率减半的四种描述。放大回去的池化图与原图之间的
差别就是上面打印的误差；四分之一的边缘值承载了边缘一半以上的能量（上面的比例）：结果仍然可用，边缘图仍然是边缘图。

## 池化层是先模糊、再下采样

LeNet 的下采样（S-）层对每个 2×2 池取平均。步幅为 1 的平均池化恰好等于用盒式滤波器（每个权重 1/k²）做卷积，也就是模糊；
步幅再每隔 k 个保留一个模糊后的值。所以 S-层像低通滤波器一样做平滑，而作用在特征图上时，它又得到一个新的特征：
"这个池里是否有响应"。下面的单元格用 `conv2d` 核对这一等式，度量平滑程度（水平相邻格之差的绝对值的平均），
S-层与不模糊、直接每隔一个像素取一个的结果比较，两者尺寸相同），并数一数竖直边缘图中有边缘（> 0.1）的格子在
4×4 最大池化前后各占多少：
""",
    ),
    code(
        """
const box = full([1, 1, 3, 3], 1 / 9);
const blurred = avgPool2d(street48, { kernelSize: 3, stride: 1 });
console.log("avgPool2d(k=3, stride 1) equals conv2d with a 3×3 box filter:", allclose(blurred, conv2d(street48, box), { atol: 1e-6 }));
const roughness = (t: Tensor) => t.slice("..., 1:").sub(t.slice("..., :-1")).abs().mean().item();
console.log(`roughness: input ${roughness(street48).toFixed(4)}, blurred ${roughness(blurred).toFixed(4)}`);
console.log(`           every 2nd pixel ${roughness(street48.slice("..., ::2, ::2")).toFixed(4)}, S-layer (avg 2×2, stride 2) ${roughness(avgPool2d(street48, { kernelSize: 2 })).toFixed(4)}`);
const vertical = convMaps.narrow(1, 0, 1);
const share = (t: Tensor) => `${(100 * t.gt(0.1).mean().item()).toFixed(1)}%`;
console.log(`vertical-edge cells > 0.1: ${share(vertical)} of the map; after 4×4 max pooling: ${share(maxPool2d(vertical, { kernelSize: 4 }))} of the pools`);
display(show([blurred, avgPool2d(street48, { kernelSize: 2 })], { titles: ["avg 3×3, stride 1 (blur)", "avg 2×2, stride 2 (S-layer)"] }));
show([vertical, maxPool2d(vertical, { kernelSize: 4 })], { titles: ["vertical edges", "max pool 4×4: an edge in this patch?"] })
""",
        zh=[
            ('"avgPool2d(k=3, stride 1) equals conv2d with a 3×3 box filter:"', '"avgPool2d（k=3，步幅 1）等于用 3×3 盒式滤波器的 conv2d："'),
            ("`roughness: input ", "`粗糙度：输入 "),
            (", blurred ", "，模糊后 "), ("every 2nd pixel ", "每隔一个像素 "),
            (", S-layer (avg 2×2, stride 2) ", "，S-层（平均 2×2，步幅 2）"),
            ('"avg 3×3, stride 1 (blur)"', '"平均 3×3，步幅 1（模糊）"'),
            ('"avg 2×2, stride 2 (S-layer)"', '"平均 2×2，步幅 2（S-层）"'),
            ('"vertical edges"', '"竖直边缘"'),
            ('"max pool 4×4: an edge in this patch?"', '"最大池化 4×4：这块里有边缘吗？"'),
            ("`vertical-edge cells > 0.1: ", "`竖直边缘格 > 0.1：占图的 "),
            (" of the map; after 4×4 max pooling: ", "；4×4 最大池化后：占池的 "),
            (" of the pools`", "`"),
        ],
    ),
    md(
        """
Average pooling lowers the roughness: with stride 1 it is a blur, and with stride 2 it is smoother than plain
subsampling at the same size. After max pooling a much larger share of the cells reports an edge: each
pooled cell now answers a coarser question — is there a vertical edge anywhere in this 4×4 patch — which is the
"second feature extraction" of a subsampling layer.

## Through a small stack

Alternating convolution (more channels) and pooling (smaller maps) is the shape of a classic CNN: resolution
falls while the number of planes rises. The street scene, first shrunk to 32×32 by 3×3 average pooling, goes
through three stages of 3×3 convolution + ReLU + 2×2 max pooling (seeded random weights). To see what one
position now stands for, the same stack with all weights made positive is run on a single bright pixel: the
share of each stage's map that this one pixel reaches.
""",
        """
平均池化降低了粗糙度：步幅为 1 时它就是模糊，步幅为 2 时它也比同样尺寸的直接下采样更平滑。最大池化后报告"有边缘"的格子所占比例大得多：每个池化格回答的是一个更粗的问题——
这个 4×4 图块里是否有竖直边缘——这就是下采样层的"二次特征提取"。

## 穿过一个小小的网络

卷积（通道变多）与池化（图变小）交替出现，正是经典 CNN 的样子：空间分辨率下降，特征平面的个数上升。把街景先用 3×3
平均池化缩到 32×32，再经过三段"3×3 卷积 + ReLU + 2×2 最大池化"（固定种子的随机权重）。为了看清一个位置现在代表什么，
把同一个网络的权重全部取正，输入只有一个亮像素：看这一个像素能影响到每一段特征图的多大比例。
""",
    ),
    code(
        """
const small32 = avgPool2d(street, { kernelSize: 3 });
const stackWeights = [8, 16, 32].map((c, k, all) => {
  const cin = k === 0 ? 1 : all[k - 1];
  return randn([c, cin, 3, 3], { seed: 10 + k }).mul(Math.sqrt(2 / (cin * 9))); // He initialisation
});
const runStack = (input: Tensor, weights: Tensor[]) => {
  const stages: Tensor[] = [input];
  for (const w of weights) stages.push(maxPool2d(relu(conv2d(stages[stages.length - 1], w, { padding: 1 })), { kernelSize: 2 }));
  return stages;
};
const stages = runStack(small32, stackWeights);
const impulse = zeros([1, 1, 32, 32]);
impulse.set("0, 0, 16, 16", 1);
const reach = runStack(impulse, stackWeights.map((w) => w.abs()));
console.log("stage  channels × side²  values  one pixel reaches");
stages.forEach((t, k) => {
  const [, c, side] = t.shape;
  const reached = reach[k].amax(1).gt(0).mean().item(); // share of positions with any channel > 0
  console.log(`${String(k).padEnd(6)} ${`${c} × ${side}²`.padEnd(14)} ${String(t.size).padEnd(7)} ${(100 * reached).toFixed(1)}% of the map`);
});
display(stages[stages.length - 1], { title: "the last stage: 32 planes of 4×4" });
plot({
  x: stages.map((_, k) => k),
  series: [
    { y: stages.map((t) => t.shape[2]), label: "side (resolution)" },
    { y: stages.map((t) => t.shape[1]), label: "channels (planes)" },
  ],
  yScale: "log",
  title: "Through the stack: resolution falls, planes rise",
  xTitle: "stage",
  yTitle: "count",
})
""",
        zh=[
            ("// He initialisation", "// He 初始化"),
            ('"stage  channels × side²  values  one pixel reaches"', '"阶段   通道 × 边长²     值个数  一个像素影响到"'),
            ("// share of positions with any channel > 0", "// 任一通道 > 0 的位置所占比例"),
            ("% of the map`", "% 的图`"),
            ('"the last stage: 32 planes of 4×4"', '"最后一段：32 个 4×4 平面"'),
            ('"side (resolution)"', '"边长（分辨率）"'),
            ('"channels (planes)"', '"通道数（平面数）"'),
            ('"Through the stack: resolution falls, planes rise"', '"穿过网络：分辨率下降，平面增多"'),
            ('"stage"', '"阶段"'),
            ('"count"', '"个数"'),
        ],
    ),
    md(
        """
From 1×32×32 to 32×4×4: the first stage goes from 1 to 8 channels and each later stage doubles them, while each
halves the side. At the input one pixel is one position among 1,024; by the last stage it reaches a quarter of
the positions, so each remaining position no longer stands for one pixel but for a joint feature of a large
patch, described in more ways.

## Exercises

1. In the shift cell, pool with `kernelSize: 4` instead of 2. How many pooled cells differ now?
2. Which is the smallest p for which Lp pooling of `x` is within 5% of the max in every window?
3. With 4×4 max pools instead of 2×2, what share of the edge maps' energy do the pooled values keep?

Each answer is computed by the next cell; try to predict it first.
""",
        """
从 1×32×32 到 32×4×4：第一段从 1 个通道变成 8 个，之后每段通道加倍，同时每段边长减半。在输入端，一个像素只是 1,024
个位置之一；到了最后一段，它影响到了四分之一的位置，所以剩下的每个位置代表的不再是一个像素，而是一大块图像的联合特征，并且有更多种描述。

## 练习

1. 在平移的单元格中，把 `kernelSize` 从 2 改成 4。现在池化后有几个格子不同？
2. 最小取多大的 p，才能让 `x` 的 Lp 池化在每个窗口中都与最大值相差不到 5%？
3. 把 2×2 的最大池化换成 4×4，池化后的值保留了边缘图能量的多大比例？

每个答案都由下一个单元格算出；先试着预测一下。
""",
    ),
    code(
        """
const ex1 = changed(maxPool2d(peaks, { kernelSize: 4 }), maxPool2d(moved, { kernelSize: 4 }));
console.log(`1. kernelSize 4: ${ex1} of ${maxPool2d(peaks, { kernelSize: 4 }).size} pooled cells differ`);
let p = 1;
while (lpPool2d(x, { normType: p, kernelSize: 2 }).div(pooledBy.max).max().item() > 1.05) p++;
console.log(`2. smallest p within 5% of the max: ${p}`);
const kept4 = energyKept(convMaps, maxPool2d(convMaps, { kernelSize: 4 }));
console.log(`3. 4×4 max pools keep ${(100 * kept4).toFixed(1)}% of the energy (2×2: ${(100 * energyKept(convMaps, poolMaps)).toFixed(1)}%)`);
""",
        zh=[
            ("`1. kernelSize 4: ", "`1. kernelSize 4："),
            ("} of ${", "} / ${"),
            (" pooled cells differ`", " 个池化格不同`"),
            ("`2. smallest p within 5% of the max: ", "`2. 与最大值相差不到 5% 的最小 p："),
            ("`3. 4×4 max pools keep ", "`3. 4×4 最大池化保留 "),
            ("% of the energy (2×2: ", "% 的能量（2×2："),
            ("%)`", "%）`"),
        ],
    ),
]
