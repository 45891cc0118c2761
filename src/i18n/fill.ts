/**
 * Placeholder filling for the catalogs that load with the chunks that use them (explain, grid),
 * kept out of the pane's initial script.
 */
/** Fills `{name}` placeholders (a template without a parameter keeps its placeholder). */
export function fillTemplate(template: string, params?: Readonly<Record<string, string | number>>): string {
  return params
    ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
    : template;
}
