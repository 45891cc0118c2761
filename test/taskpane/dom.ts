/** Browser APIs Fluent UI uses that jsdom lacks. Import first in each component test. */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as Record<string, unknown>;
if (!w.ResizeObserver) w.ResizeObserver = ResizeObserverStub;
if (!w.matchMedia)
  w.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  });
export {};

// The panels load as lazy chunks and score real workbooks: allow for a slow, shared machine.
import { configure } from "@testing-library/react";
configure({ asyncUtilTimeout: 8000 });
