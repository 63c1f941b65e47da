// The solver adapter runs in the browser's worker and in Node's worker thread; only browser-* files see the browser.
// lint-probe: src/solver/probe.ts no-restricted-globals
// allowed-at: src/solver/browser-probe.ts
export const reportProgress = (share: number): void => {
  document.title = `${Math.round(share * 100)} %`;
};
