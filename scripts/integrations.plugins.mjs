export function integrationPlugins() {
  return [];
}
