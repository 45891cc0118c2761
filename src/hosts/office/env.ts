/**
 * What the Office host needs from its surroundings. `officeEnv()` takes it from the
 * Office.js globals; tests pass a recording fake instead.
 */

export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } }) => void): void;
  /**
   * Re-reads the settings saved in the document: each runtime (task pane, ribbon commands)
   * holds its own copy, loaded when it started.
   */
  refreshAsync?(callback?: (result: { status: unknown }) => void): void;
}

export interface OfficeEnv {
  /** `Excel.run`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
  /** `Office.context.document.settings`, or null where there is none. */
  settings: DocumentSettings | null;
  /** Excel on the web has a 5 MB limit per request and response. */
  web: boolean;
}

export function officeEnv(): OfficeEnv {
  const office = typeof Office === "undefined" ? undefined : Office;
  const excel = typeof Excel === "undefined" ? undefined : Excel;
  const ctx = office?.context;
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      if (!excel) return Promise.reject(new Error("Excel API unavailable"));
      return excel.run(batch);
    },
    isSetSupported: (name, version) => {
      try {
        return !!ctx?.requirements?.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
    settings: (ctx?.document?.settings as unknown as DocumentSettings) ?? null,
    web: !!office && ctx?.platform === office.PlatformType?.OfficeOnline,
  };
}
