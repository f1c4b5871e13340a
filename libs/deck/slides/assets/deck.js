/*
 * Starts a deck rendered by @herald/deck-slides: reads the boot config and chart data that the
 * server put in data-* attributes (never inline scripts, so user text cannot become code),
 * initializes reveal.js with the notes plugin, draws charts when their slide is shown and
 * shrinks text that would overflow its slide.
 */
/* global Reveal, RevealNotes, Chart */
(function () {
  'use strict';

  var root = document.querySelector('.reveal[data-deck]');
  if (!root) return;
  var boot = JSON.parse(root.getAttribute('data-deck'));
  var locale = boot.locale;

  // Colour-blind-friendly after the first colour, which follows the theme's accent.
  var PALETTE = ['#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#9c755f', '#bab0ac'];
  var MIN_FIT_SCALE = 0.6;

  function cssVar(name, fallback) {
    var value = getComputedStyle(root).getPropertyValue(name).trim();
    return value || fallback;
  }

  function withAlpha(color, alpha) {
    var m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(color);
    if (m) return 'rgba(' + m[1] + ',' + m[2] + ',' + m[3] + ',' + alpha + ')';
    var hex = /^#([0-9a-f]{6})$/i.exec(color);
    if (hex) {
      var n = parseInt(hex[1], 16);
      return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
    }
    return color;
  }

  function theme() {
    var style = getComputedStyle(root);
    var accent = cssVar('--hd-accent', cssVar('--r-link-color', '#2a76dd'));
    return {
      text: style.color,
      muted: withAlpha(style.color, 0.7),
      grid: withAlpha(style.color, 0.12),
      background: cssVar('--r-background-color', '#ffffff'),
      font: style.fontFamily,
      colors: [accent].concat(PALETTE),
    };
  }

  // Values drawn on the chart itself: the room cannot hover for tooltips.
  var valueLabels = {
    id: 'heraldValueLabels',
    afterDatasetsDraw: function (chart, _args, options) {
      var ctx = chart.ctx;
      var type = chart.config.type;
      var format = options.format;
      ctx.save();
      ctx.font = '600 ' + options.size + 'px ' + options.font;
      chart.data.datasets.forEach(function (dataset, d) {
        var meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        var total = dataset.data.reduce(function (sum, v) {
          return sum + v;
        }, 0);
        meta.data.forEach(function (element, i) {
          var value = dataset.data[i];
          if (type === 'bar') {
            if (meta.data.length * chart.data.datasets.length > 24) return;
            ctx.fillStyle = options.color;
            ctx.textAlign = 'center';
            ctx.textBaseline = value < 0 ? 'top' : 'bottom';
            ctx.fillText(format(value), element.x, element.y + (value < 0 ? 6 : -6));
          } else if (type === 'doughnut') {
            if (!total || value / total < 0.04) return;
            var pos = element.tooltipPosition();
            ctx.fillStyle = '#ffffff';
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.fillText(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / total), pos.x, pos.y);
          }
        });
      });
      ctx.restore();
    },
  };

  function chartConfig(spec, t, animate) {
    var number = new Intl.NumberFormat(locale, spec.number);
    var format = function (v) {
      return number.format(v);
    };
    var single = spec.series.length === 1;
    var datasets = spec.series.map(function (series, i) {
      var color = t.colors[i % t.colors.length];
      if (spec.type === 'doughnut') {
        return {
          label: series.name,
          data: series.values,
          backgroundColor: spec.labels.map(function (_l, j) {
            return t.colors[j % t.colors.length];
          }),
          borderColor: t.background,
          borderWidth: 3,
          hoverOffset: 8,
        };
      }
      if (spec.type === 'line') {
        return {
          label: series.name,
          data: series.values,
          borderColor: color,
          backgroundColor: single ? withAlpha(color, 0.14) : color,
          fill: single,
          tension: 0.3,
          borderWidth: 4,
          pointRadius: 5,
          pointHoverRadius: 7,
          pointBackgroundColor: color,
        };
      }
      return { label: series.name, data: series.values, backgroundColor: color, borderRadius: 6, maxBarThickness: 96 };
    });
    var axes =
      spec.type === 'doughnut'
        ? {}
        : {
            x: { grid: { display: false }, border: { color: t.grid }, ticks: { color: t.muted, font: { size: 18 } } },
            y: {
              beginAtZero: true,
              grace: spec.type === 'bar' ? '10%' : 0,
              grid: { color: t.grid },
              border: { display: false },
              ticks: { color: t.muted, font: { size: 16 }, maxTicksLimit: 6, callback: format },
            },
          };
    return {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      plugins: [valueLabels],
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // reveal.js scales the slide with a CSS transform: render sharper than the screen needs.
        devicePixelRatio: Math.max(2, window.devicePixelRatio || 1),
        animation: animate ? { duration: 700, onComplete: markDrawn } : false,
        cutout: spec.type === 'doughnut' ? '58%' : undefined,
        layout: { padding: { top: spec.type === 'bar' ? 8 : 4 } },
        scales: axes,
        plugins: {
          legend: {
            display: !single || spec.type === 'doughnut',
            position: spec.type === 'doughnut' ? 'right' : 'top',
            align: spec.type === 'doughnut' ? 'center' : 'end',
            labels: { color: t.text, font: { size: 20 }, boxWidth: 20, boxHeight: 20, padding: 20, usePointStyle: spec.type === 'line' },
          },
          tooltip: {
            bodyFont: { size: 16 },
            titleFont: { size: 16 },
            callbacks: {
              label: function (item) {
                var name = spec.type === 'doughnut' ? item.label : item.dataset.label;
                return ' ' + name + ': ' + format(item.parsed.y !== undefined && spec.type !== 'doughnut' ? item.parsed.y : item.raw);
              },
            },
          },
          heraldValueLabels: { format: format, color: t.text, font: t.font, size: 17 },
        },
      },
    };
  }

  function markDrawn(event) {
    event.chart.canvas.setAttribute('data-chart-drawn', '');
  }

  function drawCharts(section, animate) {
    if (typeof Chart === 'undefined') return;
    var canvases = section.querySelectorAll('canvas[data-chart]');
    if (!canvases.length) return;
    var t = theme();
    Chart.defaults.font.family = t.font;
    Chart.defaults.color = t.text;
    canvases.forEach(function (canvas) {
      if (Chart.getChart(canvas)) return;
      var chart = new Chart(canvas, chartConfig(JSON.parse(canvas.getAttribute('data-chart')), t, animate));
      if (!animate) markDrawn({ chart: chart });
    });
  }

  // Long figures (12,345,678 or "1 Std. 30 Min.") shrink to fit their card; every card on the
  // slide gets the same size so the row still reads as one set.
  function fitKpiValues(section) {
    var values = Array.prototype.slice.call(section.querySelectorAll('.hd-kpi-value'));
    var ratio = values.reduce(function (min, el) {
      return el.scrollWidth > el.clientWidth ? Math.min(min, el.clientWidth / el.scrollWidth) : min;
    }, 1);
    if (ratio >= 1) return;
    var size = parseFloat(getComputedStyle(values[0]).fontSize);
    values.forEach(function (el) {
      el.style.fontSize = Math.floor(size * ratio) + 'px';
    });
  }

  // reveal.js does not scroll: text longer than the slide is shrunk rather than cut off.
  function fitText(section) {
    var body = section.querySelector('.hd-body');
    if (!body || body.hasAttribute('data-fitted') || section.querySelector('canvas[data-chart]')) return;
    fitKpiValues(section);
    var scale = 1;
    while (body.scrollHeight > body.clientHeight + 1 && scale > MIN_FIT_SCALE) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      body.style.fontSize = scale + 'em';
    }
    body.setAttribute('data-fitted', String(scale));
    // Still too long at the smallest readable size: flag it so a review of the deck can find it.
    if (body.scrollHeight > body.clientHeight + 1) section.setAttribute('data-overflowing', '');
  }

  function prepare(section, animate) {
    if (!section) return;
    fitText(section);
    drawCharts(section, animate);
  }

  function prepareAll() {
    document.querySelectorAll('.reveal .slides section').forEach(function (section) {
      prepare(section, false);
    });
  }

  var fontsReady = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();

  Reveal.on('ready', function (event) {
    fontsReady.then(function () {
      if (Reveal.isPrintView && Reveal.isPrintView()) prepareAll();
      else prepare(event.currentSlide, true);
      root.setAttribute('data-deck-ready', '');
    });
  });
  Reveal.on('slidechanged', function (event) {
    fontsReady.then(function () {
      prepare(event.currentSlide, true);
    });
  });

  var options = Object.assign({}, boot.reveal, { plugins: typeof RevealNotes === 'undefined' ? [] : [RevealNotes] });
  Reveal.initialize(options);
})();
