// The home page's charts: each canvas[data-chart] is drawn with Chart.js from the office's chart
// endpoint (/api/offices/{office}/charts/<name>), numbers in the page's language.
(function () {
  'use strict';
  var box = document.querySelector('.charts[data-api]');
  if (!box || !window.Chart) {
    return;
  }
  var lang = document.documentElement.lang || 'id';
  var colours = ['#1d2733', '#b3261e', '#1e7b34', '#a15c00', '#3b5ba5', '#7a3ea1', '#0f7c8a'];
  var kinds = { 'burn-down': 'line', 'prints-per-day': 'bar', 'spoilage': 'bar', 'queue-by-tier': 'line' };

  function draw(canvas, chart) {
    var name = canvas.getAttribute('data-chart');
    var datasets = chart.series.map(function (s, i) {
      var colour = colours[i % colours.length];
      var set = { label: s.label, data: s.values, borderColor: colour, backgroundColor: colour, spanGaps: false, pointRadius: 1 };
      if (s.key === 'forecast') {
        set.borderDash = [6, 4];
      }
      if (s.key === 'threshold') {
        set.borderDash = [2, 2];
        set.pointRadius = 0;
      }
      return set;
    });
    new window.Chart(canvas, {
      type: kinds[name] || 'line',
      data: { labels: chart.labels, datasets: datasets },
      options: {
        locale: lang,
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: 2,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    canvas.setAttribute('data-drawn', String(chart.labels.length));
  }

  box.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    fetch(box.getAttribute('data-api') + '/' + canvas.getAttribute('data-chart'), {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('chart answered ' + response.status);
        }
        return response.json();
      })
      .then(function (chart) { draw(canvas, chart); })
      .catch(function () { canvas.setAttribute('data-drawn', 'failed'); });
  });
})();
