/**
 * The renderer's words follow JupyterLab's own language when the notebook names none: with JupyterLab switched
 * to Chinese (the zh_CN language pack from requirements.txt, chosen in @jupyterlab/translation-extension's
 * settings as Settings → Language would), a notebook without `poolscope.lang` (fixtures/pooling.ipynb) is drawn
 * in Chinese; a copy whose metadata says `"poolscope": {"lang": "en"}` stays English: the notebook wins.
 * The setting is put back after the tests, so the specs that run after this one see an English JupyterLab.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, openNotebook, test } from "./lab.js";

const SETTINGS = "/lab/api/settings/@jupyterlab/translation-extension:plugin";
const EN_COPY = "fixtures/pooling-lang-en.ipynb";

/** The plugin's user settings as stored (raw JSON text), so they can be put back as they were. */
async function rawSettings(request: APIRequestContext): Promise<string> {
  const r = await request.get(SETTINGS);
  expect(r.ok()).toBe(true);
  return ((await r.json()) as { raw: string }).raw;
}

async function putSettings(request: APIRequestContext, raw: string): Promise<void> {
  const r = await request.put(SETTINGS, { data: { raw } });
  expect(r.status(), await r.text()).toBe(204);
}

let before = "{}";

test.beforeAll(async ({ request }) => {
  before = await rawSettings(request);
  await putSettings(request, JSON.stringify({ locale: "zh_CN" }));
  // the same notebook, saved with metadata poolscope.lang "en" (in the scratch copy the lab serves)
  const r = await request.get("/api/contents/fixtures/pooling.ipynb?content=1");
  expect(r.ok()).toBe(true);
  const nb = (await r.json()) as { content: { metadata: Record<string, unknown> } };
  nb.content.metadata.poolscope = { lang: "en" };
  const w = await request.put(`/api/contents/${EN_COPY}`, {
    data: { type: "notebook", format: "json", content: nb.content },
  });
  expect(w.ok(), await w.text()).toBe(true);
});

test.afterAll(async ({ request }) => {
  await putSettings(request, before);
  await request.delete(`/api/contents/${EN_COPY}`);
});

test("with JupyterLab in Chinese, a notebook without poolscope.lang gets the renderer's words in Chinese", async ({
  page,
}) => {
  const panel = await openNotebook(page, "fixtures/pooling.ipynb");
  // JupyterLab itself is Chinese: its File menu reads 文件 (the language pack's translation)
  await expect(page.locator(".lm-MenuBar-itemLabel").first()).toHaveText("文件");
  const v = panel.locator(".jp-PoolscopeTensor").first();
  await expect(v).toHaveAttribute("data-lang", "zh", { timeout: 60_000 });
  await expect(v.locator(".jp-PoolscopeTensor-save")).toHaveText("保存 PNG");
  await expect(v.locator(".jp-PoolscopeTensor-save")).toHaveAttribute("title", "将此视图下载为 PNG 图像");
  await expect(v.locator(".jp-PoolscopeTensor-scale")).toHaveText(/^色标：(共享|逐通道)$/);
  await expect(v.locator(".jp-PoolscopeTensor-key").first()).toHaveText(/^(顺序|发散)色标，/);
});

test("with JupyterLab in Chinese, a notebook whose metadata says en stays English", async ({ page }) => {
  const panel = await openNotebook(page, EN_COPY);
  await expect(page.locator(".lm-MenuBar-itemLabel").first()).toHaveText("文件");
  const v = panel.locator(".jp-PoolscopeTensor").first();
  await expect(v).toHaveAttribute("data-lang", "en", { timeout: 60_000 });
  await expect(v.locator(".jp-PoolscopeTensor-save")).toHaveText("save PNG");
  await expect(v.locator(".jp-PoolscopeTensor-scale")).toHaveText(/^scale: (shared|per channel)$/);
  await expect(v.locator(".jp-PoolscopeTensor-key").first()).toHaveText(/^(sequential|diverging) scale, /);
});
