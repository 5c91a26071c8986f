/** Play / pause, step and a scrub slider that sweep the window over the output positions in raster order. */
import { el } from "../canvas/plane.js";
import type { Say } from "../words/messages.js";

export const SWEEP_MS = 600;

export function sweepControls(
  count: number,
  show: (k: number) => void,
  say: Say,
): { nodes: HTMLElement[]; stop(): void } {
  let k = -1;
  let timer: ReturnType<typeof setInterval> | null = null;
  const play = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-play");
  const step = el("button", "jp-PoolscopeTensor-button jp-PoolscopeTensor-step");
  const scrub = el("input", "jp-PoolscopeTensor-scrub");
  scrub.type = "range";
  scrub.min = "0";
  scrub.max = String(Math.max(0, count - 1));
  scrub.value = "0";
  scrub.title = say("scrubTitle");
  play.textContent = say("play");
  play.setAttribute("aria-pressed", "false");
  step.textContent = say("step");
  const go = (next: number): void => {
    k = ((next % count) + count) % count;
    scrub.value = String(k);
    show(k);
  };
  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    play.textContent = say("play");
    play.setAttribute("aria-pressed", "false");
  };
  play.addEventListener("click", () => {
    if (timer !== null) return stop();
    play.textContent = say("pause");
    play.setAttribute("aria-pressed", "true");
    go(k + 1);
    timer = setInterval(() => (play.isConnected ? go(k + 1) : stop()), SWEEP_MS);
  });
  step.addEventListener("click", () => {
    stop();
    go(k + 1);
  });
  scrub.addEventListener("input", () => {
    stop();
    go(Number(scrub.value));
  });
  return { nodes: count > 0 ? [play, step, scrub] : [], stop };
}
