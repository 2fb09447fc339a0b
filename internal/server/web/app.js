// attache dashboard: a single-page app with hash routing over /api/v1.
//
// Safety rule: document data is only ever put into the page as text
// (textContent, createTextNode, setAttribute on non-URL attributes), never
// parsed as HTML: no HTML sinks are used in this file (a test checks).
(function () {
  'use strict';

  // ---------- DOM and API helpers ----------

  // el builds an element: el('a', {href: '#/x', class: 'c'}, 'text', child...).
  // Strings become text nodes. Attributes named "on*" take functions.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k.slice(0, 2) === 'on' && typeof v === 'function') {
          node.addEventListener(k.slice(2), v);
        } else if (k === 'class') {
          node.className = v;
        } else if (k === 'text') {
          node.textContent = v;
        } else {
          node.setAttribute(k, v === true ? '' : String(v));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }

  function add(node, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { add(node, x); }); return; }
    if (typeof c === 'string' || typeof c === 'number') { node.appendChild(document.createTextNode(String(c))); return; }
    node.appendChild(c);
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function qs(params) {
    var parts = [];
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function api(path, params) {
    return fetch('api/v1/' + path + qs(params), { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var e = new Error(body.error || ('HTTP ' + r.status));
          e.status = r.status;
          throw e;
        }
        return body;
      });
    });
  }

  function announce(msg) { document.getElementById('status').textContent = msg; }

  function errorBox(err) { return el('p', { class: 'error', role: 'alert' }, err.message || String(err)); }

  function val(x, dflt) { return x === null || x === undefined || x === '' ? (dflt === undefined ? '—' : dflt) : x; }

  function link(href, text, attrs) {
    var a = el('a', attrs || {}, text);
    a.setAttribute('href', href);
    return a;
  }

  function docLink(id, text) { return link('#/doc/' + encodeURIComponent(id), text || id); }
  function actorLink(name) { return link('#/actor/' + encodeURIComponent(name), name); }
  function dyadLink(s, t, text) { return link('#/dyad/' + encodeURIComponent(s) + '/' + encodeURIComponent(t), text || (s + ' ↔ ' + t)); }

  // clip shortens text to about n characters at a word boundary.
  function clip(s, n) {
    if (!s || s.length <= n) return s || '';
    var cut = s.slice(0, n), sp = cut.lastIndexOf(' ');
    return (sp > n / 2 ? cut.slice(0, sp) : cut) + '…';
  }

  function fmt(n, p) { return (n === null || n === undefined) ? '—' : Number(n).toFixed(p === undefined ? 1 : p); }
  function signed(n, p) { var s = fmt(n, p); return n > 0 ? '+' + s : s; }

  var quadNames = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

  // ---------- byte offsets ----------
  // Spans in the API are UTF-8 byte offsets; JavaScript strings index
  // UTF-16 code units. byteIndex maps one to the other.
  function byteIndex(text) {
    var map = new Map();
    var b = 0;
    for (var i = 0; i < text.length; i++) {
      map.set(b, i);
      var c = text.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff) { b += 4; i++; }
      else b += 3;
    }
    map.set(b, text.length);
    return function (off) { var v = map.get(off); return v === undefined ? -1 : v; };
  }

  // segments cuts text into runs by annotation boundaries; each run lists
  // the annotations covering it. anns: [{start, end, ...}] in UTF-16 units.
  function segments(text, anns) {
    var cuts = new Set([0, text.length]);
    anns.forEach(function (a) { cuts.add(a.start); cuts.add(a.end); });
    var pts = Array.from(cuts).filter(function (x) { return x >= 0 && x <= text.length; }).sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < pts.length; i++) {
      var s = pts[i], e = pts[i + 1];
      if (s === e) continue;
      out.push({ start: s, end: e, anns: anns.filter(function (a) { return a.start <= s && a.end >= e; }) });
    }
    return out;
  }

  // ---------- evidence sentences ----------
  // evidence renders an event's sentence with source, verb and target
  // highlighted.
  function evidence(row) {
    var sent = row.sentence_text || '';
    var ev = row.event;
    var toIdx = byteIndex(sent);
    var base = row.sentence_start || 0;
    var anns = [];
    function place(span, cls, label) {
      if (!span) return false;
      var s = toIdx(span[0] - base), e = toIdx(span[1] - base);
      if (s < 0 || e < 0 || e <= s) return false;
      anns.push({ start: s, end: e, cls: cls, label: label });
      return true;
    }
    place(ev.span, 'ev-verb', 'verb: ' + ev.text);
    [['source', 'ev-src'], ['target', 'ev-tgt']].forEach(function (p) {
      var a = ev[p[0]];
      if (!a) return;
      if (!place(a.span, p[1], p[0] + ': ' + a.text) && a.text) {
        // Older analyses carry no actor span: find the actor's words.
        var i = sent.indexOf(a.text);
        if (i >= 0) anns.push({ start: i, end: i + a.text.length, cls: p[1], label: p[0] + ': ' + a.text });
      }
    });
    var p = el('p', { class: 'sentence' });
    segments(sent, anns).forEach(function (seg) {
      if (!seg.anns.length) { add(p, sent.slice(seg.start, seg.end)); return; }
      var a = seg.anns[seg.anns.length - 1];
      p.appendChild(el('mark', { class: a.cls, title: a.label, 'data-role': a.cls }, sent.slice(seg.start, seg.end)));
    });
    return p;
  }

  function actorText(a) {
    if (!a) return '—';
    return (a.code || a.country || '?') + (a.text ? ' (' + a.text + ')' : '');
  }

  function eventItem(row, opts) {
    var ev = row.event;
    var li = el('li', { class: 'event', 'data-seq': row.seq });
    li.appendChild(evidence(row));
    var meta = el('div', { class: 'meta' },
      el('span', { class: 'code', title: 'CAMEO code' }, 'CAMEO ' + ev.cameo),
      ev.plover ? el('span', { class: 'code', title: 'PLOVER type' }, ev.plover) : null,
      el('span', { class: 'badge q' + ev.quad, title: quadNames[ev.quad] || '' }, 'Q' + ev.quad + ' ' + (quadNames[ev.quad] || '')),
      el('span', { title: 'Goldstein score' }, 'Goldstein ' + signed(ev.goldstein)),
      el('span', {}, actorText(ev.source) + ' → ' + actorText(ev.target)),
      el('span', { title: 'modality' }, ev.modality),
      el('span', { title: 'event date' }, val(ev.date)),
      el('span', {}, docLink(row.doc_id, val(row.doc_source, row.doc_id) + (row.published ? ', ' + row.published : ''))));
    li.appendChild(meta);
    if (row.cluster_id && !(opts && opts.noReports)) {
      var box = el('div', { class: 'reports' });
      var btn = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'all reports of this happening');
      btn.addEventListener('click', function () {
        if (btn.getAttribute('aria-expanded') === 'true') { clear(box); btn.setAttribute('aria-expanded', 'false'); return; }
        btn.setAttribute('aria-expanded', 'true');
        api('clusters/' + row.cluster_id).then(function (c) { clear(box); box.appendChild(reportList(c)); })
          .catch(function (e) { clear(box); box.appendChild(errorBox(e)); });
      });
      li.appendChild(el('div', { class: 'meta' }, btn, link('#/cluster/' + row.cluster_id, 'happening #' + row.cluster_id)));
      li.appendChild(box);
    }
    return li;
  }

  function reportList(c) {
    var ul = el('ul', { class: 'analysis' });
    c.reports.forEach(function (m) {
      ul.appendChild(el('li', {}, docLink(m.doc_id, val(m.doc_source, m.doc_id)), ' ', val(m.reported, ''), ': ',
        el('q', {}, m.sentence_text)));
    });
    return el('div', {}, el('p', { class: 'muted' }, c.num_articles + ' articles, ' + c.num_sources + ' sources, ' + c.num_mentions + ' mentions'), ul);
  }

  // pager: a list that loads its next page on demand.
  function pager(container, fetchPage, render, emptyText) {
    var ul = el('ul', { class: 'list' });
    var more = el('button', { type: 'button', class: 'secondary more' }, 'Load more');
    container.appendChild(ul);
    var count = 0;
    function load(after) {
      more.disabled = true;
      return fetchPage(after).then(function (page) {
        page.items.forEach(function (x) { ul.appendChild(render(x)); count++; });
        if (more.parentNode) more.parentNode.removeChild(more);
        if (page.next !== null && page.next !== undefined) {
          more.disabled = false;
          more.onclick = function () { load(page.next); };
          container.appendChild(more);
        }
        if (!count) container.appendChild(el('p', { class: 'muted' }, emptyText || 'Nothing found.'));
        announce(count + ' shown');
      }).catch(function (e) { container.appendChild(errorBox(e)); });
    }
    return load(0);
  }

  // ---------- charts ----------
  function dayTs(d) { return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 1000; }
  function tsDay(t) { return new Date(t * 1000).toISOString().slice(0, 10); }

  var charts = [];
  function chartWidth(node) { return Math.max(280, (node.clientWidth || node.parentNode.clientWidth || 600) - 4); }

  function makeChart(node, opts, data) {
    if (typeof uPlot === 'undefined') { node.appendChild(el('p', { class: 'muted' }, 'Chart library not loaded.')); return null; }
    opts.width = chartWidth(node);
    opts.height = opts.height || 220;
    opts.tzDate = function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); };
    var u = new uPlot(opts, data, node);
    charts.push({ u: u, node: node });
    return u;
  }

  window.addEventListener('resize', function () {
    clearTimeout(window.__attacheResize);
    window.__attacheResize = setTimeout(function () {
      charts.forEach(function (c) { if (document.body.contains(c.node)) c.u.setSize({ width: chartWidth(c.node), height: c.u.height }); });
    }, 150);
  });

  function destroyCharts() { charts.forEach(function (c) { c.u.destroy(); }); charts = []; }

  // markDates draws vertical markers (alerts) on a chart's canvas.
  function markDates(dates, color) {
    return function (u) {
      var ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = color;
      ctx.lineWidth = 2 * devicePixelRatio;
      ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      dates.forEach(function (d) {
        var x = Math.round(u.valToPos(dayTs(d), 'x', true));
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
      });
      ctx.restore();
    };
  }

  // ---------- views ----------
  var main = document.getElementById('main');

  function page(title) {
    destroyCharts();
    clear(main);
    document.title = title + ' — attaché';
    main.appendChild(el('h1', {}, title));
    return main;
  }

  function overview() {
    var m = page('Overview');
    var stats = el('div', { class: 'stats' });
    m.appendChild(stats);
    var grid = el('div', { class: 'grid' });
    m.appendChild(grid);
    var timeCard = el('section', { class: 'card', 'aria-labelledby': 'tl-h' }, el('h2', { id: 'tl-h' }, 'Documents and events per day'));
    var chartBox = el('div', { class: 'chart', id: 'timeline-chart', role: 'img', 'aria-label': 'Documents and events per day' });
    timeCard.appendChild(chartBox);
    m.insertBefore(timeCard, grid);
    var dyadCard = el('section', { class: 'card', 'aria-labelledby': 'dy-h' }, el('h2', { id: 'dy-h' }, 'Top dyads'));
    var alertCard = el('section', { class: 'card', 'aria-labelledby': 'al-h' }, el('h2', { id: 'al-h' }, 'Latest alerts'));
    grid.appendChild(dyadCard);
    grid.appendChild(alertCard);

    api('stats').then(function (s) {
      [['documents', 'documents'], ['events', 'events'], ['clusters', 'happenings'], ['quotes', 'quotes'], ['entities', 'entities']].forEach(function (k) {
        stats.appendChild(el('div', { class: 'stat' }, el('b', {}, Number(s[k[0]]).toLocaleString('en')), el('span', {}, k[1])));
      });
    }).catch(function (e) { stats.appendChild(errorBox(e)); });

    api('timeline').then(function (t) {
      var days = new Map();
      t.documents.forEach(function (d) { days.set(d.day, [d.n, 0]); });
      t.events.forEach(function (d) { var v = days.get(d.day) || [0, 0]; v[1] = d.n; days.set(d.day, v); });
      var known = Array.from(days.keys()).filter(function (d) { return /^\d{4}-\d{2}-\d{2}$/.test(d); }).sort();
      if (!known.length) { chartBox.appendChild(el('p', { class: 'muted' }, 'No dated documents yet.')); return; }
      // Every day between the first and the last, quiet days as zero.
      var keys = [];
      for (var t = dayTs(known[0]); t <= dayTs(known[known.length - 1]) && keys.length < 20000; t += 86400) keys.push(tsDay(t));
      var xs = keys.map(dayTs), docs = keys.map(function (k) { return (days.get(k) || [0, 0])[0]; }), evs = keys.map(function (k) { return (days.get(k) || [0, 0])[1]; });
      var bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 12] }) : undefined;
      makeChart(chartBox, {
        series: [{}, { label: 'documents', stroke: '#1f3a5f', fill: 'rgba(31,58,95,.35)', paths: bars, points: { show: false } },
          { label: 'events', stroke: '#b42318', width: 1.5, scale: 'ev', points: { show: false } }],
        axes: [{}, { label: 'documents' }, { label: 'events', side: 1, scale: 'ev', grid: { show: false } }],
        scales: { x: { time: true } }
      }, [xs, docs, evs]);
    }).catch(function (e) { chartBox.appendChild(errorBox(e)); });

    api('dyads', { limit: 12 }).then(function (d) {
      var tb = el('tbody');
      d.dyads.forEach(function (x) {
        tb.appendChild(el('tr', {}, el('td', {}, dyadLink(x.source, x.target, x.source + ' → ' + x.target)), el('td', { class: 'num' }, x.clusters)));
      });
      dyadCard.appendChild(el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'dyad'), el('th', { scope: 'col', class: 'num' }, 'happenings'))), tb)));
    }).catch(function (e) { dyadCard.appendChild(errorBox(e)); });

    api('alerts', { limit: 8 }).then(function (a) {
      if (!a.alerts.length) { alertCard.appendChild(el('p', { class: 'muted' }, 'No alerts.')); return; }
      alertCard.appendChild(alertList(a.alerts));
    }).catch(function (e) { alertCard.appendChild(errorBox(e)); });
  }

  function alertList(alerts) {
    var ul = el('ul', { class: 'list alerts' });
    alerts.forEach(function (a) {
      ul.appendChild(el('li', { class: a.direction },
        el('div', {}, el('b', {}, a.date), ' ', dyadLink(a.source, a.target, a.source + ' → ' + a.target), ' towards ', el('b', {}, a.direction)),
        el('div', { class: 'meta' }, el('span', {}, 'mean Goldstein ' + signed(a.goldstein_before, 2) + ' → ' + signed(a.goldstein_after, 2)),
          el('span', {}, 'conflict share ' + Math.round(100 * a.conflict_share_before) + '% → ' + Math.round(100 * a.conflict_share_after) + '%'),
          el('span', {}, a.clusters + ' happenings')),
        a.drivers && a.drivers.length ? el('div', { class: 'meta' }, link('#/cluster/' + a.drivers[0].id, 'driver: ' + clip(a.drivers[0].sentence, 140))) : null));
    });
    return ul;
  }

  function dyad(src, tgt, q) {
    src = (src || 'RUS').toUpperCase(); tgt = (tgt || 'USA').toUpperCase();
    var by = q.by || 'week';
    var m = page(src + ' ↔ ' + tgt);
    var form = el('form', { class: 'filters', 'aria-label': 'Choose a dyad' },
      el('label', {}, 'Source', el('input', { name: 'source', value: src, required: true, size: 8 })),
      el('label', {}, 'Target', el('input', { name: 'target', value: tgt, required: true, size: 8 })),
      el('label', {}, 'Period', (function () {
        var s = el('select', { name: 'by' });
        ['day', 'week', 'month'].forEach(function (p) { var o = el('option', { value: p }, p); if (p === by) o.selected = true; s.appendChild(o); });
        return s;
      })()),
      el('button', { type: 'submit' }, 'Show'));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      location.hash = '#/dyad/' + encodeURIComponent(form.source.value.trim().toUpperCase()) + '/' + encodeURIComponent(form.target.value.trim().toUpperCase()) + qs({ by: form.by.value });
    });
    m.appendChild(form);
    var gCard = el('section', { class: 'card' }, el('h2', {}, 'Goldstein score per ' + by + ' (sum over happenings)'));
    var gChart = el('div', { class: 'chart', id: 'dyad-goldstein', role: 'img', 'aria-label': 'Goldstein series of ' + src + ' to ' + tgt + ' and back' });
    gCard.appendChild(gChart);
    gCard.appendChild(el('p', { class: 'legend-note' }, 'Dashed lines mark alerts. Click a day on a chart, or use the table below, to list its happenings.'));
    var qCards = el('div', { class: 'grid' });
    var dayPanel = el('section', { class: 'card day-panel', id: 'day-panel', 'aria-live': 'polite' });
    var alertsBox = el('section', { class: 'card' }, el('h2', {}, 'Alerts'));
    var tableBox = el('section', { class: 'card' }, el('h2', {}, 'Periods with happenings'));
    m.appendChild(gCard);
    m.appendChild(qCards);
    m.appendChild(dayPanel);
    m.appendChild(el('div', { class: 'grid' }, alertsBox, tableBox));

    Promise.all([api('relations', { source: src, target: tgt, by: by }),
      api('alerts', { source: src, target: tgt }).catch(function () { return { alerts: [] }; }),
      api('alerts', { source: tgt, target: src }).catch(function () { return { alerts: [] }; })]).then(function (r) {
      var series = r[0].series, alerts = r[1].alerts.concat(r[2].alerts);
      var a = series[0], b = series[1];
      if (!a.points.length && !b.points.length) { gChart.appendChild(el('p', { class: 'muted' }, 'No happenings between ' + src + ' and ' + tgt + '.')); return; }
      var xs = a.points.map(function (p) { return dayTs(p.start); });
      var alertDates = alerts.map(function (x) { return x.date; });
      gChart.setAttribute('data-alerts', String(alertDates.length));
      function pick(s, f) { return s.points.map(function (p) { return p.clusters ? f(p) : null; }); }
      function onClick(u) {
        var i = u.cursor.idx;
        if (i === null || i === undefined) return;
        showPeriod(a.points[i].start);
      }
      function clickable(u) { u.over.addEventListener('click', function () { onClick(u); }); }
      makeChart(gChart, {
        series: [{}, { label: src + ' → ' + tgt, stroke: '#0b57a4', width: 2, spanGaps: false, points: { show: true, size: 6, fill: '#0b57a4' } },
          { label: tgt + ' → ' + src, stroke: '#b42318', width: 2, dash: [5, 3], spanGaps: false, points: { show: true, size: 6, fill: '#b42318' } }],
        axes: [{}, { label: 'Goldstein' }],
        scales: { x: { time: true } },
        hooks: { draw: [markDates(alertDates, '#f2a900')], ready: [clickable] }
      }, [xs, pick(a, function (p) { return p.goldstein_sum; }), pick(b, function (p) { return p.goldstein_sum; })]);
      // Lay out both cards before drawing, so that each chart takes its
      // card's final width.
      var boxes = [a, b].map(function (s, k) {
        var box = el('div', { class: 'chart', id: 'dyad-quad-' + k, role: 'img', 'aria-label': 'Happenings by quad class, ' + s.source + ' to ' + s.target });
        qCards.appendChild(el('section', { class: 'card' }, el('h2', {}, s.source + ' → ' + s.target + ': happenings by quad class'), box));
        return box;
      });
      [a, b].forEach(function (s, k) {
        var box = boxes[k];
        var bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.7, 10] }) : undefined;
        var colors = ['#1a7f37', '#7fc98f', '#f08c7e', '#b42318'];
        var ser = [{}];
        var data = [xs];
        [0, 1, 2, 3].forEach(function (qi) {
          ser.push({ label: quadNames[qi + 1], stroke: colors[qi], fill: colors[qi], paths: bars, points: { show: false } });
          // stack: each series draws the cumulative count so the bars stack.
          data.push(s.points.map(function (p) { var t = 0; for (var j = qi; j < 4; j++) t += p.quad[j]; return t || null; }));
        });
        makeChart(box, { height: 180, series: ser, axes: [{}, { label: 'happenings' }],
          scales: { x: { time: true }, y: { range: function (u, lo, hi) { return [0, Math.max(1, hi || 1)]; } } },
          hooks: { draw: [markDates(alertDates, '#f2a900')], ready: [clickable] } }, data);
      });
      if (alerts.length) alertsBox.appendChild(alertList(alerts.sort(function (x, y) { return x.date < y.date ? 1 : -1; })));
      else alertsBox.appendChild(el('p', { class: 'muted' }, 'No alerts for this dyad.'));
      var tb = el('tbody');
      a.points.forEach(function (p, i) {
        var q = b.points[i];
        if (!p.clusters && !(q && q.clusters)) return;
        tb.appendChild(el('tr', {},
          el('td', {}, el('button', { type: 'button', class: 'link day-btn', 'data-day': p.start, onclick: function () { showPeriod(p.start); } }, p.start)),
          el('td', { class: 'num' }, p.clusters), el('td', { class: 'num' }, signed(p.goldstein_sum)),
          el('td', { class: 'num' }, q ? q.clusters : 0), el('td', { class: 'num' }, q ? signed(q.goldstein_sum) : '—')));
      });
      tableBox.appendChild(el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, by), el('th', { scope: 'col', class: 'num' }, src + '→' + tgt), el('th', { scope: 'col', class: 'num' }, 'Goldstein'),
          el('th', { scope: 'col', class: 'num' }, tgt + '→' + src), el('th', { scope: 'col', class: 'num' }, 'Goldstein'))), tb)));
    }).catch(function (e) { gChart.appendChild(errorBox(e)); });

    function showPeriod(start) {
      var t0 = new Date(start + 'T00:00:00Z');
      var t1 = new Date(t0);
      if (by === 'week') t1.setUTCDate(t1.getUTCDate() + 6);
      else if (by === 'month') { t1.setUTCMonth(t1.getUTCMonth() + 1); t1.setUTCDate(0); }
      var until = t1.toISOString().slice(0, 10);
      clear(dayPanel);
      dayPanel.appendChild(el('h2', { tabindex: '-1', id: 'day-title' }, 'Happenings ' + start + (until !== start ? ' – ' + until : '')));
      var box = el('div', { id: 'day-clusters' });
      dayPanel.appendChild(box);
      document.getElementById('day-title').focus();
      pager(box, function (after) {
        return api('clusters', { source: src, target: tgt, both: 'true', since: start, until: until, after: after, limit: 50 });
      }, clusterItem, 'No happenings in this period.');
    }
  }

  function clusterItem(c) {
    var li = el('li', { class: 'cluster', 'data-id': c.id });
    li.appendChild(el('p', { class: 'sentence' }, c.sentence || '(no evidence sentence)'));
    var box = el('div');
    var btn = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, c.num_articles + ' article' + (c.num_articles === 1 ? '' : 's') + ' — show reports');
    btn.addEventListener('click', function () {
      if (btn.getAttribute('aria-expanded') === 'true') { clear(box); btn.setAttribute('aria-expanded', 'false'); return; }
      btn.setAttribute('aria-expanded', 'true');
      api('clusters/' + c.id).then(function (d) { clear(box); box.appendChild(reportList(d)); }).catch(function (e) { box.appendChild(errorBox(e)); });
    });
    li.appendChild(el('div', { class: 'meta' },
      el('span', {}, c.date),
      el('span', {}, val(c.source_name, c.source) + ' (' + c.source + ') → ' + val(c.target_name, c.target) + ' (' + c.target + ')'),
      el('span', { class: 'code' }, 'CAMEO ' + c.cameo),
      el('span', { class: 'badge q' + c.quad }, 'Q' + c.quad + ' ' + quadNames[c.quad]),
      el('span', {}, 'Goldstein ' + signed(c.goldstein)),
      el('span', {}, c.modality),
      c.doc_id ? docLink(c.doc_id, 'document') : null,
      link('#/cluster/' + c.id, '#' + c.id)));
    li.appendChild(el('div', { class: 'meta' }, btn));
    li.appendChild(box);
    return li;
  }

  function clusterView(id) {
    var m = page('Happening #' + id);
    api('clusters/' + encodeURIComponent(id)).then(function (c) {
      var ul = el('ul', { class: 'list' });
      ul.appendChild(clusterItem(c));
      m.appendChild(ul);
      m.appendChild(el('h2', {}, 'Reports'));
      m.appendChild(reportList(c));
      if (c.planned.length || c.actual.length) {
        m.appendChild(el('p', {}, c.planned.length ? ['Announced as: ', c.planned.map(function (x) { return link('#/cluster/' + x, '#' + x + ' '); })] : null,
          c.actual.length ? ['Took place as: ', c.actual.map(function (x) { return link('#/cluster/' + x, '#' + x + ' '); })] : null));
      }
    }).catch(function (e) { m.appendChild(errorBox(e)); });
  }

  var eventFields = [['actor', 'Actor'], ['dyad', 'Dyad (RUS-USA)'], ['country', 'Country'], ['cameo', 'CAMEO'], ['plover', 'PLOVER'],
    ['quad', 'Quad (1-4)'], ['modality', 'Modality'], ['since', 'Since'], ['until', 'Until'], ['q', 'Text search']];

  function events(q) {
    var m = page('Events');
    var form = el('form', { class: 'filters', 'aria-label': 'Event filters' });
    eventFields.forEach(function (f) {
      var input;
      if (f[0] === 'modality') {
        input = el('select', { name: 'modality' });
        ['', 'asserted', 'future', 'hypothetical', 'negated'].forEach(function (v) { var o = el('option', { value: v }, v || 'any'); if (q.modality === v) o.selected = true; input.appendChild(o); });
      } else if (f[0] === 'quad') {
        input = el('select', { name: 'quad' });
        ['', '1', '2', '3', '4'].forEach(function (v) { var o = el('option', { value: v }, v ? v + ' ' + quadNames[v] : 'any'); if (q.quad === v) o.selected = true; input.appendChild(o); });
      } else {
        input = el('input', { name: f[0], value: q[f[0]] || '', type: f[0] === 'since' || f[0] === 'until' ? 'date' : 'text', class: f[0] === 'q' ? 'wide' : '' });
      }
      form.appendChild(el('label', {}, f[1], input));
    });
    form.appendChild(el('button', { type: 'submit' }, 'Filter'));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var p = {};
      eventFields.forEach(function (f) { var v = form.elements[f[0]].value.trim(); if (v) p[f[0]] = v; });
      location.hash = '#/events' + qs(p);
    });
    m.appendChild(form);
    var box = el('div');
    m.appendChild(box);
    var params = {};
    eventFields.forEach(function (f) { if (q[f[0]]) params[f[0]] = q[f[0]]; });
    ['doc', 'source', 'target'].forEach(function (k) {
      if (!q[k]) return;
      params[k] = q[k];
      box.appendChild(el('p', { class: 'muted' }, 'Only events with ' + k + ' = ', el('b', {}, q[k]), ' ', k === 'doc' ? docLink(q[k], '(open the document)') : null));
    });
    pager(box, function (after) { return api('events', Object.assign({}, params, { after: after, limit: 50 })); }, eventItem, 'No events match.');
  }

  function docView(id) {
    var m = page('Document');
    api('documents/' + encodeURIComponent(id)).then(function (d) {
      var a = d.analysis;
      m.querySelector('h1').textContent = a.title || a.id;
      document.title = (a.title || a.id) + ' — attaché';
      m.appendChild(el('p', { class: 'meta' }, el('span', {}, val(a.source)), el('span', {}, val(a.published)), el('span', { class: 'code' }, a.id),
        a.url ? el('span', {}, (function () { var x = el('a', { rel: 'noopener noreferrer' }, 'original'); if (/^https?:\/\//i.test(a.url)) x.setAttribute('href', a.url); return x; })()) : null,
        d.tone ? el('span', {}, 'tone ' + signed(d.tone.tone, 2)) : null));
      var legend = el('div', { class: 'legend', 'aria-label': 'Highlight legend' },
        el('span', { class: 'hl-ent hl-PERSON' }, 'person'), el('span', { class: 'hl-ent hl-ORG' }, 'organisation'),
        el('span', { class: 'hl-ent hl-GPE' }, 'country / city'), el('span', { class: 'hl-ent hl-LOC' }, 'place'), el('span', { class: 'hl-ent hl-NORP' }, 'group'),
        el('span', { class: 'hl-timex' }, 'date / time'), el('span', { class: 'hl-quote' }, 'quote'), el('span', { class: 'hl-event' }, 'event'));
      var text = el('div', { class: 'doctext', id: 'doctext', 'aria-label': 'Document text with annotations' });
      var side = el('aside', { class: 'analysis', 'aria-label': 'Structured analysis' });
      m.appendChild(legend);
      m.appendChild(el('div', { class: 'docview' }, text, side));
      renderDocText(text, a);
      renderAnalysis(side, a);
    }).catch(function (e) { m.appendChild(errorBox(e)); });
  }

  function renderDocText(node, a) {
    var t = a.text, toIdx = byteIndex(t), anns = [];
    function push(span, kind, cls, label, key) {
      var s = toIdx(span[0]), e = toIdx(span[1]);
      if (s < 0 || e < 0 || e <= s) return;
      anns.push({ start: s, end: e, kind: kind, cls: cls, label: label, key: key, len: e - s });
    }
    a.quotes.forEach(function (q, i) { push(q.span, 'quote', 'hl-quote', 'quote' + (q.speaker ? ' by ' + q.speaker.text : ''), 'q' + i); });
    a.entities.forEach(function (en) {
      en.mentions.forEach(function (mn) { push(mn.span, 'entity', 'hl-ent hl-' + en.type, en.type + ': ' + en.name + (en.code ? ' (' + en.code + ')' : ''), en.id); });
    });
    a.timexes.forEach(function (tx, i) { push(tx.span, 'timex', 'hl-timex', tx.type + ' ' + tx.value, 't' + i); });
    a.events.forEach(function (ev) { push(ev.span, 'event', 'hl-event', 'event ' + ev.cameo + ' ' + (ev.plover || '') + ' ' + ev.modality, ev.id); });
    // Longer spans outside, shorter inside: nest marks by length.
    segments(t, anns).forEach(function (seg) {
      var covering = seg.anns.slice().sort(function (x, y) { return y.len - x.len; });
      var outer = null, inner = null;
      covering.forEach(function (c) {
        var mk = el('mark', { class: c.cls, title: c.label, 'data-kind': c.kind, 'data-key': c.key });
        if (!outer) outer = mk; else inner.appendChild(mk);
        inner = mk;
      });
      var txt = document.createTextNode(t.slice(seg.start, seg.end));
      if (inner) { inner.appendChild(txt); node.appendChild(outer); } else node.appendChild(txt);
    });
  }

  function renderAnalysis(side, a) {
    var dl = el('dl');
    function row(k, v) { dl.appendChild(el('dt', {}, k)); dl.appendChild(el('dd', {}, v)); }
    if (a.dateline) row('Dateline', [a.dateline.place, a.dateline.country ? ' (' + a.dateline.country + ')' : '', a.dateline.date ? ', ' + a.dateline.date : '', a.dateline.agency ? ', ' + a.dateline.agency : '']);
    if (a.anchor) row('Anchor', a.anchor.date + ' (' + a.anchor.from + ')');
    row('Sentences', String(a.sentences.length));
    side.appendChild(el('section', { class: 'card' }, el('h2', {}, 'Analysis'), dl));
    var ents = el('ul');
    a.entities.forEach(function (en) {
      ents.appendChild(el('li', {}, el('span', { class: 'hl-ent hl-' + en.type }, en.type), ' ', actorLink(en.name),
        en.code ? el('span', { class: 'code' }, ' ' + en.code) : null, en.role ? ', ' + en.role : '', ' ×' + en.mentions.length));
    });
    side.appendChild(el('section', { class: 'card' }, el('h2', {}, 'Actors (' + a.entities.length + ')'), ents));
    var evs = el('ul');
    a.events.forEach(function (ev) {
      evs.appendChild(el('li', { 'data-event': ev.id }, el('span', { class: 'badge q' + ev.quad }, ev.cameo), ' ', el('b', {}, ev.text), ' — ',
        actorText(ev.source), ' → ', actorText(ev.target), ', ', val(ev.date), ', ', ev.modality, ', Goldstein ' + signed(ev.goldstein)));
    });
    side.appendChild(el('section', { class: 'card' }, el('h2', {}, 'Events (' + a.events.length + ')'), evs));
    var qs_ = el('ul');
    a.quotes.forEach(function (q) {
      qs_.appendChild(el('li', {}, q.speaker ? el('b', {}, q.speaker.text + ': ') : null, el('q', {}, q.text), q.cue ? ' (' + q.cue.lemma + ')' : ''));
    });
    side.appendChild(el('section', { class: 'card' }, el('h2', {}, 'Quotes (' + a.quotes.length + ')'), qs_));
    var tx = el('ul');
    a.timexes.forEach(function (t) { tx.appendChild(el('li', {}, el('span', { class: 'hl-timex' }, t.text), ' → ' + t.value + ' (' + t.type + ')')); });
    side.appendChild(el('section', { class: 'card' }, el('h2', {}, 'Dates and times (' + a.timexes.length + ')'), tx));
  }

  function quoteItem(r) {
    var q = r.quote;
    return el('li', { class: 'quote' }, el('blockquote', { class: 'sentence' }, q.text),
      el('div', { class: 'meta' }, el('span', {}, r.speaker_name ? actorLink(r.speaker_name) : '(unattributed)'),
        q.cue ? el('span', {}, q.cue.lemma) : null, el('span', {}, q.kind), el('span', {}, val(q.date || r.published)), docLink(r.doc_id)));
  }

  function quotes(q) {
    var m = page('Quotes');
    var wrap = el('div', { class: 'two' });
    var left = el('section', { class: 'card speakers', 'aria-labelledby': 'sp-h' }, el('h2', { id: 'sp-h' }, 'Speakers'));
    var right = el('section', { 'aria-label': 'Quotes' });
    wrap.appendChild(left); wrap.appendChild(right);
    var form = el('form', { class: 'filters' },
      el('label', {}, 'Speaker', el('input', { name: 'speaker', value: q.speaker || '' })),
      el('label', {}, 'Words', el('input', { name: 'search', value: q.search || '', class: 'wide' })),
      el('label', {}, 'Since', el('input', { name: 'since', type: 'date', value: q.since || '' })),
      el('label', {}, 'Until', el('input', { name: 'until', type: 'date', value: q.until || '' })),
      el('button', { type: 'submit' }, 'Find'));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      location.hash = '#/quotes' + qs({ speaker: form.speaker.value.trim(), search: form.search.value.trim(), since: form.since.value, until: form.until.value });
    });
    m.appendChild(form);
    m.appendChild(wrap);
    var ul = el('ul', { class: 'list' });
    left.appendChild(ul);
    api('speakers', { limit: 40 }).then(function (p) {
      p.items.forEach(function (s) {
        ul.appendChild(el('li', {}, el('button', { type: 'button', 'aria-pressed': String(s.name === q.speaker), onclick: function () { location.hash = '#/quotes' + qs({ speaker: s.name }); } },
          el('span', {}, s.name), el('span', { class: 'muted' }, String(s.quotes)))));
      });
    }).catch(function (e) { left.appendChild(errorBox(e)); });
    pager(right, function (after) { return api('quotes', { speaker: q.speaker, search: q.search, since: q.since, until: q.until, after: after, limit: 50 }); }, quoteItem, 'No quotes match.');
  }

  function actors(q) {
    var m = page('Actors');
    var form = el('form', { class: 'filters' },
      el('label', {}, 'Name', el('input', { name: 'q', value: q.q || '' })),
      el('label', {}, 'Type', (function () {
        var s = el('select', { name: 'type' });
        ['', 'PERSON', 'ORG', 'GPE', 'LOC', 'NORP'].forEach(function (v) { var o = el('option', { value: v }, v || 'any'); if (q.type === v) o.selected = true; s.appendChild(o); });
        return s;
      })()),
      el('label', {}, 'Country', el('input', { name: 'country', value: q.country || '', size: 5 })),
      el('button', { type: 'submit' }, 'Find'));
    form.addEventListener('submit', function (e) { e.preventDefault(); location.hash = '#/actors' + qs({ q: form.q.value.trim(), type: form.type.value, country: form.country.value.trim() }); });
    m.appendChild(form);
    var box = el('div');
    m.appendChild(box);
    var reg = el('div');
    var grid = el('div', { class: 'two' }, el('section', { 'aria-label': 'Actors in documents' }, el('h2', {}, 'In the documents'), box), el('section', { 'aria-label': 'Actor registry' }, el('h2', {}, 'Registry'), reg));
    m.removeChild(box);
    m.appendChild(grid);
    pager(box, function (after) { return api('actors', { q: q.q, type: q.type, country: q.country, after: after, limit: 50 }); }, function (a) {
      return el('li', {}, actorLink(a.name), ' ', el('span', { class: 'hl-ent hl-' + a.type }, a.type),
        el('div', { class: 'meta' }, el('span', {}, 'country ' + val(a.country)), el('span', { class: 'code' }, val(a.code)), a.role ? el('span', {}, a.role) : null, el('span', {}, a.documents + ' documents')));
    }, 'No actors match.');
    api('registry', { q: q.q, limit: 50 }).then(function (r) {
      if (!r.actors.length) { reg.appendChild(el('p', { class: 'muted' }, 'Nothing learned yet.')); return; }
      reg.appendChild(registryTable(r.actors, 'People and organisations learned across documents'));
    }).catch(function (e) { reg.appendChild(el('p', { class: 'muted' }, e.status === 501 ? 'This database has no actor registry.' : e.message)); });
  }

  function actorView(name) {
    var m = page(name);
    api('actors/' + encodeURIComponent(name)).then(function (a) {
      var tb = el('tbody');
      a.variants.forEach(function (v) {
        tb.appendChild(el('tr', {}, el('td', {}, v.type), el('td', {}, val(v.country)), el('td', { class: 'code' }, val(v.code)), el('td', {}, val(v.role)), el('td', { class: 'num' }, v.documents)));
      });
      m.appendChild(el('section', { class: 'card' }, el('div', { class: 'table-wrap' }, el('table', {}, el('caption', {}, 'Codings'),
        el('thead', {}, el('tr', {}, ['type', 'country', 'code', 'role', 'documents'].map(function (h) { return el('th', { scope: 'col' }, h); }))), tb))));
      if (a.registry && a.registry.length) m.appendChild(registryTable(a.registry, 'Registry: roles learned across documents'));
      var grid = el('div', { class: 'grid' });
      var evs = el('ul', { class: 'list' });
      a.events.forEach(function (r) { evs.appendChild(eventItem(r, { noReports: true })); });
      var qs2 = el('ul', { class: 'list' });
      a.quotes.forEach(function (r) { qs2.appendChild(quoteItem(r)); });
      var docs = el('ul');
      a.documents.forEach(function (d) { docs.appendChild(el('li', {}, docLink(d.id, val(d.title, d.id)), ' ', el('span', { class: 'muted' }, val(d.source, '') + ' ' + val(d.published, '')))); });
      grid.appendChild(el('section', {}, el('h2', {}, 'Events (' + a.events.length + ')'), a.events.length ? evs : el('p', { class: 'muted' }, 'None.')));
      grid.appendChild(el('section', {}, el('h2', {}, 'Quotes (' + a.quotes.length + ')'), a.quotes.length ? qs2 : el('p', { class: 'muted' }, 'None.')));
      m.appendChild(grid);
      m.appendChild(el('section', { class: 'card' }, el('h2', {}, 'Documents'), docs));
    }).catch(function (e) { m.appendChild(errorBox(e)); });
  }

  // registryTable shows registry entries: each role over its date range,
  // with the documents that taught it.
  function registryTable(entries, caption) {
    var tb = el('tbody');
    entries.forEach(function (e) {
      var ev = el('td');
      (e.evidence || []).slice(0, 3).forEach(function (x, i) { if (i) add(ev, ', '); ev.appendChild(docLink(x.doc, x.text || x.doc)); });
      tb.appendChild(el('tr', {}, el('td', {}, actorLink(e.name), e.override ? ' (override)' : ''), el('td', {}, val(e.type)), el('td', {}, val(e.role)),
        el('td', {}, val(e.country)), el('td', { class: 'code' }, val(e.code)), el('td', {}, val(e.first_seen) + ' – ' + val(e.last_seen)),
        el('td', { class: 'num' }, e.mentions), ev));
    });
    return el('section', { class: 'card registry' }, el('div', { class: 'table-wrap' }, el('table', {}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ['name', 'type', 'role', 'country', 'code', 'seen', 'mentions', 'evidence'].map(function (h) { return el('th', { scope: 'col', class: h === 'mentions' ? 'num' : '' }, h); }))), tb)));
  }

  function docItem(d) {
    return el('li', {}, docLink(d.id, val(d.title, d.id)),
      el('div', { class: 'meta' }, el('span', {}, val(d.source)), el('span', {}, val(d.published)), el('span', {}, d.events + ' events'), el('span', {}, d.quotes + ' quotes')),
      el('p', { class: 'muted sentence' }, d.snippet + '…'));
  }

  function docs(q) {
    var m = page('Documents');
    var form = el('form', { class: 'filters' },
      el('label', {}, 'Words', el('input', { name: 'q', value: q.q || '', class: 'wide' })),
      el('label', {}, 'Source', el('input', { name: 'source', value: q.source || '' })),
      el('label', {}, 'Since', el('input', { name: 'since', type: 'date', value: q.since || '' })),
      el('label', {}, 'Until', el('input', { name: 'until', type: 'date', value: q.until || '' })),
      el('button', { type: 'submit' }, 'Find'));
    form.addEventListener('submit', function (e) { e.preventDefault(); location.hash = '#/docs' + qs({ q: form.q.value.trim(), source: form.source.value.trim(), since: form.since.value, until: form.until.value }); });
    m.appendChild(form);
    var box = el('div');
    m.appendChild(box);
    pager(box, function (after) { return api('documents', { q: q.q, source: q.source, since: q.since, until: q.until, after: after, limit: 50 }); }, docItem, 'No documents match.');
  }

  function search(q) {
    var m = page('Search: ' + (q.q || ''));
    document.getElementById('search-q').value = q.q || '';
    if (!q.q) { m.appendChild(el('p', { class: 'muted' }, 'Type words in the search box.')); return; }
    var grid = el('div', { class: 'grid' });
    var d = el('section', {}, el('h2', {}, 'Documents')), qu = el('section', {}, el('h2', {}, 'Quotes')), ac = el('section', {}, el('h2', {}, 'Actors'));
    grid.appendChild(d); grid.appendChild(qu); grid.appendChild(ac);
    m.appendChild(grid);
    pager(d, function (after) { return api('documents', { q: q.q, after: after, limit: 20 }); }, docItem, 'No documents.');
    pager(qu, function (after) { return api('quotes', { search: q.q, after: after, limit: 20 }); }, quoteItem, 'No quotes.');
    pager(ac, function (after) { return api('actors', { q: q.q, after: after, limit: 20 }); }, function (a) {
      return el('li', {}, actorLink(a.name), ' ', el('span', { class: 'muted' }, a.type + ', ' + a.documents + ' documents'));
    }, 'No actors.');
  }

  // ---------- router ----------
  function parseHash() {
    var h = location.hash.replace(/^#\/?/, '');
    var qi = h.indexOf('?');
    var path = qi >= 0 ? h.slice(0, qi) : h, query = {};
    if (qi >= 0) {
      h.slice(qi + 1).split('&').forEach(function (kv) {
        if (!kv) return;
        var i = kv.indexOf('=');
        var k = decodeURIComponent(i >= 0 ? kv.slice(0, i) : kv), v = i >= 0 ? decodeURIComponent(kv.slice(i + 1).replace(/\+/g, ' ')) : '';
        query[k] = v;
      });
    }
    var parts = path.split('/').filter(Boolean).map(function (p) { try { return decodeURIComponent(p); } catch (e) { return p; } });
    return { parts: parts, query: query };
  }

  function route() {
    var r = parseHash(), p = r.parts, nav = p[0] || 'overview';
    if (nav === 'doc' || nav === 'search' || nav === 'cluster') nav = '';
    if (nav === 'actor') nav = 'actors';
    document.querySelectorAll('[data-nav]').forEach(function (a) {
      if (a.getAttribute('data-nav') === nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    try {
      switch (p[0]) {
        case undefined: case '': overview(); break;
        case 'dyad': dyad(p[1], p[2], r.query); break;
        case 'events': events(r.query); break;
        case 'doc': docView(p.slice(1).join('/')); break;
        case 'quotes': quotes(r.query); break;
        case 'actors': actors(r.query); break;
        case 'actor': actorView(p.slice(1).join('/')); break;
        case 'docs': docs(r.query); break;
        case 'cluster': clusterView(p[1]); break;
        case 'search': search(r.query); break;
        default: page('Not found').appendChild(el('p', {}, 'No such page. ', link('#/', 'Back to the overview')));
      }
    } catch (e) { main.appendChild(errorBox(e)); }
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  document.getElementById('search').addEventListener('submit', function (e) {
    e.preventDefault();
    location.hash = '#/search' + qs({ q: document.getElementById('search-q').value.trim() });
  });
  window.addEventListener('hashchange', route);
  route();
})();
