// Loaded in <head> without `defer`, so a returning visitor's theme applies before the first paint.
// site.js wires up the switch.
try {
  const stored = localStorage.getItem('newsroom-demo-theme');
  const theme = stored === 'dark' || stored === 'light' ? stored : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked: site.js falls back to the system setting.
}
