/**
 * The view's size budget. Past it the grid shows fewer planes or samples every k-th cell, and says so; the stats
 * line always covers the whole tensor (the kernel computed it). Keeps a big tensor from freezing the page.
 */
import type { GridLayout } from "poolscope/wire";
import { sayer, type Say } from "../words/messages.js";

export interface ViewBudget {
  /** Most cells drawn for one plane before it is sampled. */
  planeCells: number;
  /** Most planes drawn. */
  planes: number;
  /** Most cells drawn over all planes. */
  totalCells: number;
}

export const DEFAULT_BUDGET: ViewBudget = { planeCells: 1024 * 1024, planes: 64, totalCells: 4 * 1024 * 1024 };

export interface ViewPlan {
  /** Planes drawn, in grid order. */
  planes: number;
  /** Every step-th row and column is drawn (1: all). */
  step: number;
}

export function viewPlan(layout: GridLayout, budget: ViewBudget = DEFAULT_BUDGET): ViewPlan {
  const total = layout.rows * layout.cols;
  const cells = layout.planeH * layout.planeW;
  const planes = Math.min(total, budget.planes, Math.max(1, Math.floor(budget.totalCells / Math.max(1, cells))));
  const perPlane = Math.min(budget.planeCells, budget.totalCells / Math.max(1, planes));
  const step = cells > perPlane ? Math.ceil(Math.sqrt(cells / perPlane)) : 1;
  return { planes, step };
}

/** What the plan left out, for the visible notice in the view's language; null when everything is drawn. */
export function planNotice(layout: GridLayout, plan: ViewPlan, say: Say = sayer("en")): string | null {
  const total = layout.rows * layout.cols;
  const parts: string[] = [];
  if (plan.planes < total) parts.push(say("budgetPlanes", { shown: plan.planes, total }));
  if (plan.step > 1) parts.push(say("budgetStep", { step: plan.step, h: layout.planeH, w: layout.planeW }));
  return parts.length ? say("budgetNotice", { parts: parts.join(say("listSeparator")) }) : null;
}

/** Every step-th row and column of a plane, as its own array. */
export function samplePlane(
  values: ArrayLike<number>,
  offset: number,
  h: number,
  w: number,
  step: number,
): { data: Float32Array; h: number; w: number } {
  const sh = Math.ceil(h / step);
  const sw = Math.ceil(w / step);
  const data = new Float32Array(sh * sw);
  for (let i = 0; i < sh; i++) {
    for (let j = 0; j < sw; j++) data[i * sw + j] = values[offset + i * step * w + j * step];
  }
  return { data, h: sh, w: sw };
}
