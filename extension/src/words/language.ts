/**
 * Which language the renderer speaks, from the notebook's metadata and JupyterLab's language (a pure function).
 * The notebook decides when it names a language (`"poolscope": {"lang": "zh"}`: a Chinese tutorial reads in
 * Chinese in any JupyterLab); otherwise JupyterLab's language (ITranslator.languageCode, e.g. "zh-CN"); English
 * when neither says Chinese, and where there is no translator and no notebook (JupyterLite, other front ends).
 */
import type { Lang } from "./messages.js";

/** The notebook-metadata key the renderer reads: metadata.poolscope.lang. */
export const METADATA_KEY = "poolscope";

/** "zh", "zh-CN", "zh_CN", "zh-Hans" → "zh"; "en", "en-US" → "en"; anything else → null. */
export function langOf(code: unknown): Lang | null {
  if (typeof code !== "string") return null;
  const base = code.trim().toLowerCase().split(/[-_]/)[0];
  return base === "zh" ? "zh" : base === "en" ? "en" : null;
}

/** The language of a view: `notebook` is the notebook's metadata.poolscope (any value), `lab` JupyterLab's code. */
export function chooseLanguage(notebook: unknown, lab: string | null | undefined): Lang {
  const asked =
    typeof notebook === "object" && notebook !== null ? langOf((notebook as { lang?: unknown }).lang) : null;
  return asked ?? langOf(lab) ?? "en";
}
