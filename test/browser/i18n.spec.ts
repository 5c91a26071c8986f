/**
 * The renderer's words in Chinese: fixtures/i18n.ipynb's metadata says `"poolscope": {"lang": "zh"}`, so its
 * toolbars, legends and level buttons are Chinese while JupyterLab's own language stays English; a notebook
 * without that metadata (fixtures/pooling.ipynb) is drawn in English in the same JupyterLab.
 */
import { expect, openNotebook, test } from "./lab.js";
import { whileHovering } from "./views.js";

test("a notebook whose metadata says zh gets the renderer's words in Chinese", async ({ page }) => {
  const panel = await openNotebook(page, "fixtures/i18n.ipynb");
  const v = panel.locator(".jp-PoolscopeTensor");
  await expect(v).toHaveCount(2, { timeout: 60_000 });
  await expect(v.nth(0)).toHaveAttribute("data-lang", "zh");
  await expect(v.nth(1)).toHaveAttribute("data-lang", "zh");

  const pool = v.nth(0);
  await expect(pool.locator(".jp-PoolscopeTensor-scale")).toHaveText(/^色标：(共享|逐通道)$/);
  // the data chose the scale, and says why in Chinese too
  await expect(pool.locator(".jp-PoolscopeTensor-scaleWhy")).toHaveText(/^\(根据数据选择：(共享|逐通道)，因为/);
  await expect(pool.locator(".jp-PoolscopeTensor-save")).toHaveText("保存 PNG");
  await expect(pool.locator(".jp-PoolscopeTensor-save")).toHaveAttribute("title", "将此视图下载为 PNG 图像");
  await expect(pool.locator(".jp-PoolscopeTensor-coverage")).toHaveText("覆盖");
  await expect(pool.locator(".jp-PoolscopeTensor-step")).toHaveText("单步 ›");
  await expect(pool.locator(".jp-PoolscopeTensor-scrub")).toHaveAttribute("title", "输出位置");
  await expect(pool.locator(".jp-PoolscopeTensor-key").first()).toHaveText(/^(顺序|发散)色标，输入与输出共享/);
  await expect(pool.locator(".jp-PoolscopeTensor-readout")).toHaveText(
    "悬停在输出格子上查看其窗口，悬停在输入格子上查看读取它的输出；单击以固定",
  );
  // a state change redraws in the same language: play turns into pause
  const play = pool.locator(".jp-PoolscopeTensor-play");
  await expect(play).toHaveText("▶ 播放");
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "true");
  await expect(play).toHaveText("❚❚ 暂停");
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "false");
  // the scale toggle redraws the whole output, still in Chinese
  const scale = pool.locator(".jp-PoolscopeTensor-scale");
  const before = await scale.getAttribute("aria-pressed");
  await scale.click();
  await expect(scale).not.toHaveAttribute("aria-pressed", before ?? "");
  await expect(scale).toHaveText(/^色标：(共享|逐通道)$/);
  await expect(pool.locator(".jp-PoolscopeTensor-scaleWhy")).toHaveText("(由你选择)");
  // the stats line and the hovered cells' read-outs: Chinese words around the same numbers
  await expect(pool.locator(".jp-PoolscopeTensor-stats")).toHaveText(
    /^输入 shape=\[1, 1, 4, 4\].*\n?输出 shape=\[1, 1, 3, 3\]/s,
  );
  await expect(pool.locator(".jp-mod-input .jp-PoolscopeTensor-caption")).toHaveText(/^输入 n=0 c=0/);
  await expect(pool.locator(".jp-mod-output .jp-PoolscopeTensor-caption")).toHaveText(/^输出 n=0 c=0/);
  const readout = pool.locator(".jp-PoolscopeTensor-readout");
  const formula = pool.locator(".jp-PoolscopeTensor-formula");
  await whileHovering(pool.locator(".jp-mod-output .jp-PoolscopeTensor-stage"), 1, 1, async () => {
    await expect(readout).toHaveText("输出 [0, 0, 1, 1] = 9", { timeout: 1_000 });
  });
  await whileHovering(pool.locator(".jp-mod-input .jp-PoolscopeTensor-stage"), 2, 2, async () => {
    await expect(readout).toHaveText("输入 [0, 0, 2, 2] = 9", { timeout: 1_000 });
    await expect(formula).toHaveText(/^被 4 个输出读取：\(1, 1\)/, { timeout: 1_000 });
  });

  // the coverage line, once its toggle is on
  await pool.locator(".jp-PoolscopeTensor-coverage").click();
  await expect(pool.locator(".jp-PoolscopeTensor-coverage")).toHaveAttribute("aria-pressed", "true");
  await expect(pool.locator(".jp-PoolscopeTensor-coverageLine")).toHaveText(
    "覆盖：每个输入格子都影响某个输出；窗口重叠：一个格子最多被 4 个窗口读取",
  );

  const spp = v.nth(1);
  await expect(spp.locator(".jp-PoolscopeTensor-level")).toHaveText(["层级 1×1", "层级 2×2"]);
  await expect(spp.locator(".jp-PoolscopeTensor-key").first()).toHaveText(/特征图与向量共享/);
  await expect(spp.locator(".jp-PoolscopeTensor-caption").last()).toHaveText(
    "输出：每个样本一行 10 个特征（各层级依次着色）",
  );

  // feature 2 = level 2's bin (0, 0) of channel 0: its place in the vector and its cells, said in Chinese
  const vec = spp.locator(".jp-mod-output .jp-PoolscopeTensor-stage");
  await whileHovering(vec, 0, 2, () =>
    expect(spp.locator(".jp-PoolscopeTensor-formula")).toHaveText(
      /^特征 2 = 层级 2（2×2），通道 0，区块 \(0, 0\)：2 \+ 0·4 \+ 0·2 \+ 0；行 0…2，列 0…3$/,
      { timeout: 1_000 },
    ),
  );

  // JupyterLab itself was not switched: its menus are still English
  await expect(page.locator(".lm-MenuBar-itemLabel").first()).toHaveText("File");
});

test("without that metadata, in the same English JupyterLab, the words are English", async ({ page }) => {
  const panel = await openNotebook(page, "fixtures/pooling.ipynb");
  const v = panel.locator(".jp-PoolscopeTensor").first();
  await expect(v).toHaveAttribute("data-lang", "en", { timeout: 60_000 });
  await expect(v.locator(".jp-PoolscopeTensor-save")).toHaveText("save PNG");
  await expect(v.locator(".jp-PoolscopeTensor-scale")).toHaveText(/^scale: (shared|per channel)$/);
  await expect(v.locator(".jp-PoolscopeTensor-key").first()).toHaveText(/^(sequential|diverging) scale, /);
});
