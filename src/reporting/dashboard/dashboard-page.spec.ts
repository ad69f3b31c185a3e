import { dashboardHtml, escapeHtml } from './dashboard-page';

describe('dashboardHtml', () => {
  it('escapes what staff typed and keeps the embedded JSON from closing its script', () => {
    expect(escapeHtml(`<b>"O'Neil" & co</b>`)).toBe(
      '&lt;b&gt;&quot;O&#39;Neil&quot; &amp; co&lt;/b&gt;',
    );
    const html = dashboardHtml(
      {
        from: '2026-08-17',
        to: '2026-11-08',
        weeks: ['2026-08-17'],
        charts: [
          {
            id: 'a',
            title: 'A',
            type: 'bar',
            share: false,
            datasets: [{ label: '</script><script>x()</script>', data: [1] }],
          },
        ],
        summaryHeader: ['Clinic'],
        summary: [{ clinic: '<i>Plano</i>', cells: [] }],
        downloads: [{ label: 'CSV', href: '/admin/reports/visits.csv?from=a&to=b' }],
      },
      { chart: '/c.js', script: '/d.js' },
    );
    expect(html).not.toContain('</script><script>x()');
    expect(html).toContain('\\u003c/script>');
    expect(html).toContain('&lt;i&gt;Plano&lt;/i&gt;');
    expect(html).toContain('href="/admin/reports/visits.csv?from=a&amp;to=b"');
  });
});
