/**
 * Every word the renderer shows, English and Chinese side by side. The table is typed so that an entry without
 * both languages does not compile; placeholders are `{name}`, filled by say() (a unit test checks that both
 * languages of an entry use the same ones). Chinese terms follow 《动手学深度学习》 (池化/汇聚, 步幅, 填充, 通道,
 * 输入, 输出, 窗口).
 */
import { SHARED_WORDS } from "poolscope/wire";

/** The languages the renderer speaks; English is the default. */
export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

type Entry = Readonly<Record<Lang, string>>;

export const MESSAGES = {
  ...SHARED_WORDS,
  // errors and refusals of the whole output
  payloadUnreadable: { en: "the payload could not be read", zh: "无法读取输出数据" },
  drawFailed: { en: "poolscope could not draw this tensor: {error}", zh: "poolscope 无法绘制此张量：{error}" },
  cannotShow: { en: "poolscope: cannot show this output: {error}", zh: "poolscope：无法显示此输出：{error}" },
  // the toolbar
  savePng: { en: "save PNG", zh: "保存 PNG" },
  savePngTitle: { en: "download this view as a PNG image", zh: "将此视图下载为 PNG 图像" },
  saveFailed: { en: "could not save the PNG: {error}", zh: "无法保存 PNG：{error}" },
  rgbColour: { en: "RGB: colour", zh: "RGB：彩色" },
  rgbChannels: { en: "RGB: channels", zh: "RGB：逐通道" },
  rgbTitle: {
    en: "switch between the colour picture and its red, green and blue channels as heatmaps",
    zh: "在彩色图像与其红、绿、蓝三个通道的热力图之间切换",
  },
  scaleShared: { en: "scale: shared", zh: "色标：共享" },
  scaleChannel: { en: "scale: per channel", zh: "色标：逐通道" },
  scaleTitle: {
    en: "switch between one scale for everything and one scale per channel",
    zh: "在全部共享一个色标与每个通道一个色标之间切换",
  },
  numbers: { en: "numbers", zh: "数值" },
  numbersTitle: {
    en: "print every cell's value, enlarging the cells where the numbers do not fit",
    zh: "在每个格子中显示数值，放不下时放大格子",
  },
  coverage: { en: "coverage", zh: "覆盖" },
  coverageTitle: {
    en: "how many windows read each input cell; hatched cells reach no output",
    zh: "每个输入格子被多少个窗口读取；带斜线的格子不影响任何输出",
  },
  play: { en: "▶ play", zh: "▶ 播放" },
  pause: { en: "❚❚ pause", zh: "❚❚ 暂停" },
  step: { en: "step ›", zh: "单步 ›" },
  scrubTitle: { en: "output position", zh: "输出位置" },
  sppLevel: { en: "level {h}×{w}", zh: "层级 {h}×{w}" },
  // the read-out before any hover, and a pinned cell's hint
  hintTensor: { en: "hover a cell to read its value; click to pin it", zh: "悬停在格子上读取其数值；单击以固定" },
  hintPinned: { en: "  (pinned; arrow keys move, Esc unpins)", zh: "  （已固定；方向键移动，Esc 取消固定）" },
  hintPicture: {
    en: "hover a pixel to read its red, green and blue values; click to pin it",
    zh: "悬停在像素上读取其红、绿、蓝值；单击以固定",
  },
  hintPooling: {
    en: "hover an output cell to see its window, an input cell to see the outputs that read it; click to pin",
    zh: "悬停在输出格子上查看其窗口，悬停在输入格子上查看读取它的输出；单击以固定",
  },
  hintVolume: {
    en: "hover an output cell to see its window across the depth slices, an input cell to see the outputs that read it",
    zh: "悬停在输出格子上查看其窗口跨越的深度切片，悬停在输入格子上查看读取它的输出",
  },
  hintUnpool: {
    en: "hover an input cell to see where its value went, an output cell to see what was written there",
    zh: "悬停在输入格子上查看其值写到了哪里，悬停在输出格子上查看写入了什么",
  },
  hintRoi: {
    en: "hover an output bin to see its region and cells, a map cell to see the bins that hold it; click to pin",
    zh: "悬停在输出区块上查看其区域和格子，悬停在特征图格子上查看包含它的区块；单击以固定",
  },
  hintSpp: {
    en: "hover a feature of the vector or a cell of the map",
    zh: "悬停在向量的某个特征或特征图的某个格子上",
  },
  hintSppCompare: {
    en: "hover a feature of either vector, or a cell of either map",
    zh: "悬停在任一向量的某个特征或任一特征图的某个格子上",
  },
  hintStripFusion: {
    en: "hover a fused cell to see the strip cells it is made of, or a strip cell to see its row or column",
    zh: "悬停在融合格子上查看构成它的条带格子，或悬停在条带格子上查看其行或列",
  },
  pictureKey: {
    en: 'colour picture: channels 0, 1, 2 as red, green, blue, 0 to {peak} (toggle "RGB" for the channels)',
    zh: "彩色图像：通道 0、1、2 分别为红、绿、蓝，取值 0 到 {peak}（切换“RGB”查看各通道）",
  },
  volumesShown: {
    en: "showing {shown} of {total} (n, c) volumes (size budget)",
    zh: "显示 {total} 个 (n, c) 体中的 {shown} 个（大小预算）",
  },
  volumeOneScale: {
    en: "the 3-d view draws one scale shared by input and output",
    zh: "三维视图只使用一个由输入与输出共享的色标",
  },
  // the scale toggle's reason, beside it
  scaleYourChoice: { en: "your choice", zh: "由你选择" },
  scaleOneShared: { en: "this view draws one shared scale", zh: "此视图只使用一个共享色标" },
  scaleFromData: { en: "chosen from the data: {each}", zh: "根据数据选择：{each}" },
  scaleOf: { en: "{of}: {decision}", zh: "{of}：{decision}" },
  ofStrips: { en: "input and strips", zh: "输入与条带" },
  // legends: "<kind> scale, <whose range>"
  legendKey: { en: "{kind} scale, {scope}", zh: "{kind}色标，{scope}" },
  sequential: { en: "sequential", zh: "顺序" },
  diverging: { en: "diverging", zh: "发散" },
  legendRow: { en: "shared by the row's {count} results", zh: "本行 {count} 个结果共享" },
  legendHovered: { en: "per channel: this plane's range ({caption})", zh: "逐通道：此平面的范围（{caption}）" },
  legendFirst: {
    en: "per channel: the first plane's range ({caption}); hover a plane for its own",
    zh: "逐通道：第一个平面的范围（{caption}）；悬停在某个平面上可查看其自身的范围",
  },
  legendInputOutput: { en: "shared by input and output", zh: "输入与输出共享" },
  legendMapVector: { en: "shared by the map and the vector", zh: "特征图与向量共享" },
  legendBothSpp: { en: "shared by both maps and both vectors", zh: "两张特征图与两个向量共享" },
  legendPairChannel: {
    en: "per channel, input and output together (ranges in captions)",
    zh: "逐通道，输入与输出一起（范围见各标题）",
  },
  legendTensorChannel: { en: "per channel (ranges in captions)", zh: "逐通道（范围见各标题）" },
  legendBlockMeans: { en: "over the block means shown", zh: "基于所示的块均值" },
  legendWholeTensor: { en: "over the whole tensor", zh: "基于整个张量" },
  legendRoiShared: { en: "shared by the maps and the pooled bins", zh: "特征图与池化后的区块共享" },
  legendRoiChannel: {
    en: "per channel, maps and bins together (ranges in captions)",
    zh: "逐通道，特征图与区块一起（范围见各标题）",
  },
  legendStrips: { en: "input and its strips", zh: "输入及其条带" },
  legendFused: { en: "fused map", zh: "融合图" },
  // the per-cell read-outs of the linked views
  readOutput: { en: "output {cell}", zh: "输出 {cell}" },
  readInput: { en: "input {cell}", zh: "输入 {cell}" },
  noOutputReads: { en: "no output reads this cell", zh: "没有输出读取此格子" },
  readByOne: { en: "read by 1 output: {cells}", zh: "被 1 个输出读取：{cells}" },
  readByMany: { en: "read by {count} outputs: {cells}", zh: "被 {count} 个输出读取：{cells}" },
  inBinsOne: { en: "in 1 bin: {bins}", zh: "位于 1 个区块中：{bins}" },
  inBinsMany: { en: "in {count} bins: {bins}", zh: "位于 {count} 个区块中：{bins}" },
  writtenByOne: { en: "written by input {cell}", zh: "由输入 {cell} 写入" },
  writtenByMany: {
    en: "written by inputs {cells}; the last write wins",
    zh: "由输入 {cells} 写入；以最后一次写入为准",
  },
  readOutputK: { en: "output {k} {cell}", zh: "输出 {k} {cell}" },
  readInputK: { en: "input {k} {cell}", zh: "输入 {k} {cell}" },
  readFused: { en: "fused {cell}", zh: "融合 {cell}" },
  readRowMean: { en: "row mean {cell}", zh: "行均值 {cell}" },
  readColumnMean: { en: "column mean {cell}", zh: "列均值 {cell}" },
  // plane captions: a prefix before the plane's index ("input n=0 c=1"), or the whole caption
  captionInput: { en: "input ", zh: "输入 " },
  captionOutput: { en: "output ", zh: "输出 " },
  captionFused: { en: "fused ", zh: "融合 " },
  captionRows: { en: "rows", zh: "行" },
  captionColumns: { en: "columns", zh: "列" },
  captionInputDepth: { en: "input d={d}", zh: "输入 d={d}" },
  captionOutputDepth: { en: "output d={d}", zh: "输出 d={d}" },
  captionPicture: { en: "RGB picture, values 0…{peak}", zh: "RGB 图像，取值 0…{peak}" },
  captionSppVector: {
    en: "output: one row of {count} features per sample (levels shaded in turn)",
    zh: "输出：每个样本一行 {count} 个特征（各层级依次着色）",
  },
  captionSppCompareVector: { en: "output: {count} features per sample", zh: "输出：每个样本 {count} 个特征" },
  captionSppCompareTitle: {
    en: "{name}: input {hw}, {count} features per sample",
    zh: "{name}：输入 {hw}，每个样本 {count} 个特征",
  },
  // the SPP view's formulas: a feature's place in the vector, a map cell's bins
  sppFeature: {
    en: "feature {k} = level {level} ({bins}), channel {c}, bin ({bi}, {bj}): {index}",
    zh: "特征 {k} = 层级 {level}（{bins}），通道 {c}，区块 ({bi}, {bj})：{index}",
  },
  sppBinCells: { en: "; rows {r0}…{r1}, cols {c0}…{c1}", zh: "；行 {r0}…{r1}，列 {c0}…{c1}" },
  sppInBinOne: {
    en: "in 1 bin of level {level}: features {features}",
    zh: "位于层级 {level} 的 1 个区块中：特征 {features}",
  },
  sppInBinsMany: {
    en: "in {count} bins of level {level}: features {features}",
    zh: "位于层级 {level} 的 {count} 个区块中：特征 {features}",
  },
  // the coverage line under the toolbar
  coverageLine: { en: "coverage: {skipped}; {overlap}", zh: "覆盖：{skipped}；{overlap}" },
  coverageAll: { en: "every input cell reaches an output", zh: "每个输入格子都影响某个输出" },
  coverageSkipped: {
    en: "{uncovered} of {total} input cells reach no output (hatched)",
    zh: "{total} 个输入格子中有 {uncovered} 个不影响任何输出（带斜线）",
  },
  coverageOverlap: {
    en: "windows overlap: up to {count} read one cell",
    zh: "窗口重叠：一个格子最多被 {count} 个窗口读取",
  },
  coverageDisjoint: { en: "windows do not overlap", zh: "窗口互不重叠" },
  // the stats line above a view: the label, then the kernel's summary fields
  statsTensor: { en: "Tensor {fields}", zh: "张量 {fields}" },
  statsInput: { en: "input  {fields}", zh: "输入 {fields}" },
  statsOutput: { en: "output {fields}", zh: "输出 {fields}" },
  statsInputK: { en: "input {k}  {fields}", zh: "输入 {k} {fields}" },
  statsOutputK: { en: "output {k} {fields}", zh: "输出 {k} {fields}" },
  // notices and refusals of the linked views
  compareFallback: {
    en: "the two SPP results cannot be drawn side by side (traces, shapes or size budget); showing the first",
    zh: "两个 SPP 结果无法并排绘制（轨迹、形状或大小预算不符）；仅显示第一个",
  },
  overBudget: {
    en: "the tensors are over the size budget for the linked view",
    zh: "张量超出了联动视图的大小预算",
  },
  showingOutput: { en: "{reason}; showing the output", zh: "{reason}；改为显示输出" },
  showingFused: { en: "{reason}; showing the fused map", zh: "{reason}；改为显示融合图" },
  sppMismatch: {
    en: "the SPP trace does not match the tensors' shapes (or they are over the size budget); showing the output",
    zh: "SPP 轨迹与张量形状不符（或超出大小预算）；改为显示输出",
  },
  unpoolRefused: {
    en: "the linked view draws 1-d and 2-d unpooling that matches the tensors; this trace of {op} is shown as its output",
    zh: "联动视图只绘制与张量相符的一维和二维反池化；{op} 的此轨迹改为显示其输出",
  },
  needsWhole: {
    en: "the linked view needs every cell of the input and output; showing the output",
    zh: "联动视图需要输入和输出的每个格子；改为显示输出",
  },
  unknownTrace: {
    en: "the linked view draws 1-d, 2-d and 3-d window, SPP, RoI and strip traces; this trace is shown as its output",
    zh: "联动视图绘制一维、二维和三维窗口、SPP、RoI 及条带轨迹；此轨迹改为显示其输出",
  },
  windowRefused: {
    en: "the linked view draws 1-d, 2-d and 3-d window, SPP, RoI and strip traces; this {kind} trace of {op} is shown as its output",
    zh: "联动视图绘制一维、二维和三维窗口、SPP、RoI 及条带轨迹；{op} 的此 {kind} 轨迹改为显示其输出",
  },
  volumeRefused: {
    en: "the 3-d linked view draws channels-first (N, C, D, H, W) traces that match the tensors; this trace of {op} is shown as its output",
    zh: "三维联动视图只绘制与张量相符的通道在前 (N, C, D, H, W) 轨迹；{op} 的此轨迹改为显示其输出",
  },
  // the size budget's notice (canvas/budget.ts) and the notices of reduced and quantised payloads
  budgetPlanes: { en: "showing {shown} of {total} planes", zh: "显示 {total} 个平面中的 {shown} 个" },
  budgetStep: {
    en: "every {step}th row and column of each {h}×{w} plane",
    zh: "每个 {h}×{w} 平面的行和列每 {step} 个取一个",
  },
  budgetNotice: {
    en: "{parts} (size budget); the stats cover every value",
    zh: "{parts}（大小预算）；统计量涵盖全部数值",
  },
  sideNotice: { en: "{side}: {notice}", zh: "{side}：{notice}" },
  sideInput: { en: "input", zh: "输入" },
  sideOutput: { en: "output", zh: "输出" },
  roleTensor: { en: "this tensor", zh: "此张量" },
  roleInput: { en: "the input", zh: "输入" },
  roleOutput: { en: "the output", zh: "输出" },
  roleInput2: { en: "the input 2", zh: "输入 2" },
  roleOutput2: { en: "the output 2", zh: "输出 2" },
  reducedNotice: {
    en: "reduced view: {what} has shape [{shape}], too large to embed whole; shown as [{shown}], {how}. Colours span the block means shown; the stats cover every value.",
    zh: "缩减视图：{what}的形状为 [{shape}]，太大而无法完整嵌入；显示为 [{shown}]，{how}。颜色范围取自所示的块均值；统计量涵盖全部数值。",
  },
  quantisedOne: {
    en: "{what}'s values to {bits} bits ({levels} levels, step {step})",
    zh: "{what}的值量化为 {bits} 位（{levels} 级，量化步长 {step}）",
  },
  listAnd: { en: " and ", zh: "和" },
  quantisedNotice: {
    en: "quantised view: to keep the notebook small, {which} are embedded in fewer bits than float32 (exact values are embedded when a result's values fit 1 MiB). Colours and read-outs (≈) are within half a step; the smallest and largest values, NaN, ±Inf and the stats are exact.",
    zh: "量化视图：为使笔记本保持小巧，{which}以少于 float32 的位数嵌入（结果的值不超过 1 MiB 时嵌入精确值）。颜色和读数（≈）的误差在半个量化步长以内；最小值、最大值、NaN、±Inf 和统计量都是精确的。",
  },
  pngEncodeFailed: { en: "the browser could not encode the PNG", zh: "浏览器无法将其编码为 PNG" },
  // read-outs of quantised and reduced cells
  readApprox: { en: "{index} ≈ {value} (±{half}: {bits}-bit view)", zh: "{index} ≈ {value}（±{half}：{bits} 位视图）" },
  readBlockMean: { en: "{index} block mean = {value}", zh: "{index} 块均值 = {value}" },
  readBlockValue: { en: "{index} value = {value}", zh: "{index} 值 = {value}" },
  // formulas (link/): the words around the numbers
  formulaMore: { en: "… ({count} more)", zh: "…（另 {count} 项）" },
  formulaMean: { en: "mean({sum}) = {value}", zh: "均值({sum}) = {value}" },
  argmaxAt: { en: "   argmax at ({cell})", zh: "   argmax 位于 ({cell})" },
  sppLength: {
    en: "C·Σn² = {c}·({parts}) = {count} features per sample, whatever H×W",
    zh: "C·Σn² = {c}·({parts}) = 每个样本 {count} 个特征，与 H×W 无关",
  },
  sppSameLength: {
    en: "both vectors hold {count} features: {ha} and {hb} inputs give the same length",
    zh: "两个向量都有 {count} 个特征：{ha} 与 {hb} 的输入得到相同的长度",
  },
  sppDifferentLength: {
    en: "the vectors differ in length: {a} ({ha}) and {b} ({hb}); the levels or channels differ",
    zh: "两个向量长度不同：{a}（{ha}）与 {b}（{hb}）；层级或通道数不同",
  },
  sppCompareFeature: {
    en: "feature {k} = level {level} ({bins}), channel {c}, bin ({bi}, {bj}) on both sides; {sides}",
    zh: "两侧的特征 {k} = 层级 {level}（{bins}），通道 {c}，区块 ({bi}, {bj})；{sides}",
  },
  sppCompareSide: { en: "{side}: rows {r0}…{r1}, cols {c0}…{c1}", zh: "{side}：行 {r0}…{r1}，列 {c0}…{c1}" },
  sppCompareNone: { en: "{side}: none", zh: "{side}：无" },
  sppCompareBinsOne: {
    en: "in 1 bin of level {level}: features {features} (the same features on the other side)",
    zh: "位于层级 {level} 的 1 个区块中：特征 {features}（另一侧为相同的特征）",
  },
  sppCompareBinsMany: {
    en: "in {count} bins of level {level}: features {features} (the same features on the other side)",
    zh: "位于层级 {level} 的 {count} 个区块中：特征 {features}（另一侧为相同的特征）",
  },
  // RoI pooling / RoIAlign
  roiName: { en: "region {k}", zh: "区域 {k}" },
  roiNamed: { en: 'region {k} "{name}"', zh: "区域 {k}“{name}”" },
  roiNeeds4d: {
    en: "an RoI trace needs (N, C, H, W) in, (K, C, ph, pw) out",
    zh: "RoI 轨迹需要 (N, C, H, W) 的输入和 (K, C, ph, pw) 的输出",
  },
  roiChannels: { en: "the RoI output's channels differ from the input's", zh: "RoI 输出的通道数与输入不同" },
  roiRegionCount: {
    en: "the RoI trace lists {regions} regions for {outputs} outputs",
    zh: "RoI 轨迹列出了 {regions} 个区域，而输出有 {outputs} 个",
  },
  roiTooManyBins: {
    en: "the RoI trace has too many bins per region to draw",
    zh: "RoI 轨迹每个区域的区块太多，无法绘制",
  },
  roiRegionOff: {
    en: "region {r} of the RoI trace does not fit the feature map",
    zh: "RoI 轨迹的区域 {r} 与特征图不符",
  },
  roiAlignNoSamples: { en: "no samples in this bin: output = {value}", zh: "此区块中没有采样点：输出 = {value}" },
  roiAlignOffMap: { en: " ({off} off the map read 0)", zh: "（其中 {off} 个在特征图之外，读作 0）" },
  roiAlignMean: {
    en: "mean of {count} bilinear samples (dots){off} = {value}",
    zh: "{count} 个双线性采样点（圆点）的均值{off} = {value}",
  },
  roiEmptyBin: {
    en: "empty bin (it lies off the feature map): nothing to pool, output = {value}",
    zh: "空区块（位于特征图之外）：没有可汇聚的值，输出 = {value}",
  },
  roiBinAt: { en: "   {region}, bin ({i}, {j})", zh: "   {region}，区块 ({i}, {j})" },
  roiBinCells: { en: ": rows {r0}…{r1}, cols {c0}…{c1}", zh: "：行 {r0}…{r1}，列 {c0}…{c1}" },
  roiMapNotDrawn: { en: " (its map is not drawn: size budget)", zh: "（其特征图未绘制：大小预算）" },
  roiNoBin: { en: "no region's bin holds this cell", zh: "没有任何区域的区块包含此格子" },
  // unpooling
  unpoolInWindow: {
    en: "{value} goes to ({i}, {j}), the index its max pooling recorded, inside its window",
    zh: "{value} 写到 ({i}, {j})，即其最大池化记录的索引，位于其窗口内",
  },
  unpoolOutside: {
    en: "{value} goes to ({i}, {j}): the index its max pooling recorded, re-read in the output's width, lies outside this window",
    zh: "{value} 写到 ({i}, {j})：其最大池化记录的索引按输出的宽度重新解读后，落在此窗口之外",
  },
  unpoolNoIndex: {
    en: "{value}: its pooling window is lit; the trace holds no index for it",
    zh: "{value}：已点亮其池化窗口；轨迹中没有它的索引",
  },
  unpoolNothing: { en: "no input value was written here: 0", zh: "没有输入值写到这里：0" },
  // 3-d pooling
  volumeSlices: { en: "   slices {first}…{last}", zh: "   切片 {first}…{last}" },
  volumeNoSlice: { en: "   no slice inside the input", zh: "   输入中没有切片" },
  volumeDepthPadding: { en: ", {count} in the depth padding", zh: "，{count} 个在深度填充中" },
  volumeNotDrawn: { en: " (slices from {from} on are not drawn)", zh: "（从切片 {from} 起未绘制）" },
  volumeSlicesShown: {
    en: "{side}: showing depth slices 0…{last} of {count} (size budget)",
    zh: "{side}：显示 {count} 个深度切片中的 0…{last}（大小预算）",
  },
  // strip pooling
  stripTraceShapes: { en: "the strip trace does not match the tensors' shapes", zh: "条带轨迹与张量形状不符" },
  stripTooLarge: { en: "the strips were too large to travel with the trace", zh: "条带太大，未随轨迹一起传送" },
  stripStripsShapes: {
    en: "the strips in the trace do not match the tensors' shapes",
    zh: "轨迹中的条带与张量形状不符",
  },
  stripRow: { en: "row {i}", zh: "行 {i}" },
  stripColumn: { en: "column {j}", zh: "列 {j}" },
  stripFused: {
    en: "fused ({i}, {j}) = σ(conv₁ₓ₁(ReLU(conv(rows {rows})[{i}] + conv(cols {cols})[{j}]))) = {value};  row mean {i} = {row}, column mean {j} = {col}",
    zh: "融合 ({i}, {j}) = σ(conv₁ₓ₁(ReLU(conv(行 {rows})[{i}] + conv(列 {cols})[{j}]))) = {value}；行均值 {i} = {row}，列均值 {j} = {col}",
  },
  stripInputCell: {
    en: "averaged into row mean {i} and column mean {j}; they feed fused row {i} and column {j}",
    zh: "被平均进行均值 {i} 和列均值 {j}；二者进入融合图的第 {i} 行和第 {j} 列",
  },
} as const satisfies Readonly<Record<string, Entry>>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageVars = Readonly<Record<string, string | number>>;
/** A message in the view's language, its placeholders filled. */
export type Say = (key: MessageKey, vars?: MessageVars) => string;

/** The placeholder names of a message, sorted (for the table's test). */
export function placeholders(text: string): string[] {
  return Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();
}

/** say() for one language. A placeholder without a value stays visible as `{name}` rather than throwing. */
export function sayer(lang: Lang): Say {
  return (key, vars = {}) =>
    MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
