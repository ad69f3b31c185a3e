/**
 * The reports dashboard page: server-rendered HTML with the figures it charts embedded as JSON,
 * and the small script that draws them with Chart.js (served by the app: no CDN). Kept apart from
 * Nest so that it is plain rendering.
 */

export interface DashboardChart {
  id: string;
  title: string;
  type: 'bar' | 'line';
  /** Whether values are shares (0 to 1), drawn as percentages. */
  share: boolean;
  datasets: { label: string; data: (number | null)[] }[];
}

export interface DashboardSummary {
  clinic: string;
  cells: string[];
}

export interface DashboardModel {
  from: string;
  to: string;
  /** The Monday of each week charted. */
  weeks: string[];
  charts: DashboardChart[];
  summaryHeader: string[];
  summary: DashboardSummary[];
  downloads: { label: string; href: string }[];
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values (clinic names are typed by staff). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/** JSON made safe inside a script element: no `</script>` or `<!--` can close it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function dashboardHtml(
  model: DashboardModel,
  assets: { chart: string; script: string },
): string {
  const canvases = model.charts
    .map(
      (chart) =>
        `<figure><canvas id="${escapeHtml(chart.id)}" aria-label="${escapeHtml(chart.title)}" role="img"></canvas></figure>`,
    )
    .join('\n');
  const rows = model.summary
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.clinic)}</th>${row.cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const downloads = model.downloads
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.href)}" download>${escapeHtml(link.label)}</a></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PT Practice reports</title>
<link rel="icon" href="data:,">
<style>
body { font-family: Arial, sans-serif; margin: 1.5rem; color: #1f2933; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 1.5rem; }
figure { margin: 0; padding: 1rem; border: 1px solid #d9e2ec; border-radius: 6px; }
table { border-collapse: collapse; margin: 1.5rem 0; }
th, td { padding: 0.35rem 0.8rem; border-bottom: 1px solid #d9e2ec; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; }
</style>
</head><body>
<h1>Reports: the last 12 weeks</h1>
<p>Local dates ${escapeHtml(model.from)} to ${escapeHtml(model.to)}, each clinic in its own time zone. Definitions: <code>GET /reports</code> and the API documentation.</p>
<main>
${canvases}
</main>
<table id="summary"><thead><tr>${model.summaryHeader.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Download as CSV</h2>
<ul id="downloads">
${downloads}
</ul>
<script type="application/json" id="figures">${jsonForScript({ weeks: model.weeks, charts: model.charts })}</script>
<script src="${escapeHtml(assets.chart)}"></script>
<script src="${escapeHtml(assets.script)}"></script>
</body></html>
`;
}

/** Draws each chart from the embedded figures; percentages for shares. Runs in the browser. */
export const DASHBOARD_SCRIPT = `'use strict';
(function () {
  var figures = JSON.parse(document.getElementById('figures').textContent);
  var palette = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04',
    '#db2777', '#4b5563', '#65a30d', '#7c3aed', '#0d9488'];
  figures.charts.forEach(function (chart) {
    var percent = function (value) { return Math.round(value * 1000) / 10 + ' %'; };
    new Chart(document.getElementById(chart.id), {
      type: chart.type,
      data: {
        labels: figures.weeks,
        datasets: chart.datasets.map(function (dataset, index) {
          var colour = palette[index % palette.length];
          return { label: dataset.label, data: dataset.data, borderColor: colour,
            backgroundColor: colour, spanGaps: true };
        })
      },
      options: {
        animation: false,
        plugins: { title: { display: true, text: chart.title } },
        scales: { y: chart.share
          ? { beginAtZero: true, ticks: { callback: percent } }
          : { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
`;
