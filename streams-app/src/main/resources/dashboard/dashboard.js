/*
 * StanceStream dashboard: loads the current state from the query API, then follows /api/stream
 * (Server-Sent Events) for new article results and alerts. Charts are ECharts (WebJar).
 * A bearer token, when the server requires one, is read from the page address (#token=...) and
 * kept for the tab's session.
 */
(function () {
  'use strict';

  const LABELS = ['FAVOR', 'AGAINST', 'NEUTRAL'];
  const COLORS = { FAVOR: '#1f8a4c', AGAINST: '#c0392b', NEUTRAL: '#8a96a3' };
  const MAX_CARDS = 150;
  const state = {
    articles: new Map(), // articleId -> ArticleStance
    alerts: new Map(), // alert id -> Alert
    kind: 'tumbling',
    filters: { stance: '', outlet: '', topic: '' },
  };
  const token = readToken();
  const charts = {};
  let refreshTimer = null;
  let source = null;
  let hadError = false;

  function readToken() {
    const m = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (m) {
      sessionStorage.setItem('stancestream-token', decodeURIComponent(m[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem('stancestream-token') || '';
  }

  async function api(path) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    const r = await fetch(path, { headers });
    if (r.status === 401) throw new Error('The API needs a token: open this page as /#token=YOUR_TOKEN');
    if (!r.ok) throw new Error(path + ' answered ' + r.status);
    return r.json();
  }

  function notice(text) {
    const el = document.getElementById('notice');
    el.hidden = !text;
    el.textContent = text || '';
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function signed(x) {
    return (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(2);
  }

  // ---------- articles ----------

  function eventTime(a) {
    return a.publishedAt || a.ingestedAt || a.processedAt || '';
  }

  function matches(a) {
    const f = state.filters;
    if (f.stance && a.stance.label !== f.stance) return false;
    if (f.outlet && (a.outlet || '') !== f.outlet) return false;
    if (f.topic && !((a.mentions || {})[f.topic] > 0)) return false;
    return true;
  }

  function card(a, fresh) {
    const li = document.getElementById('article-template').content.firstElementChild.cloneNode(true);
    const label = a.stance.label;
    li.dataset.id = a.articleId;
    li.dataset.label = label;
    li.classList.add(label);
    if (fresh) li.classList.add('fresh');
    const badge = li.querySelector('.badge');
    badge.textContent = label;
    badge.classList.add(label);
    li.querySelector('.score').textContent = 'score ' + signed(a.stance.score);
    li.querySelector('.fill').style.width = Math.round(a.stance.confidence * 100) + '%';
    li.querySelector('.conf-text').textContent =
      'confidence ' + Math.round(a.stance.confidence * 100) + '%';
    const link = li.querySelector('.title a');
    link.textContent = a.title || a.articleId;
    if (a.url && /^https?:\/\//.test(a.url)) link.href = a.url;
    li.querySelector('.meta').textContent = [a.outlet, a.author, when(eventTime(a))]
      .filter(Boolean)
      .join(' · ');
    renderEvidence(li.querySelector('.evidence'), a.evidence || []);
    const mentions = li.querySelector('.mentions');
    Object.entries(a.mentions || {})
      .filter(([, n]) => n > 0)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 6)
      .forEach(([t, n]) => mentions.appendChild(el('span', 'chip', t + ' ' + n)));
    return li;
  }

  /** The deciding sentences in reading order, gaps marked, each tinted by its pull and speaker. */
  function renderEvidence(box, evidence) {
    if (!evidence.length) {
      box.remove();
      return;
    }
    const strongest = [...evidence]
      .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
      .slice(0, 4)
      .sort((x, y) => x.start - y.start);
    let end = null;
    strongest.forEach((e, i) => {
      if (i === 0 && e.start > 0) box.appendChild(el('span', 'gap', '… '));
      else if (end !== null && e.start - end > 2) box.appendChild(el('span', 'gap', ' … '));
      else if (i > 0) box.appendChild(document.createTextNode(' '));
      const author = e.speaker === 'author';
      const tag = el('span', 'speaker ' + (author ? 'author' : 'quoted'), author ? 'author' : 'quoted · ' + e.speaker);
      const pull = e.contribution < 0 ? 'contra' : e.contribution > 0 ? 'pro' : 'zero';
      const span = el('span', 'ev ' + pull + (author ? '' : ' quoted-voice'));
      span.title = (author ? 'The author' : e.speaker) + ': contribution ' + signed(e.contribution);
      span.appendChild(tag);
      span.appendChild(document.createTextNode(e.sentence));
      box.appendChild(span);
      end = e.end;
    });
    box.appendChild(el('span', 'gap', ' …'));
  }

  function renderFeed() {
    const list = document.getElementById('articles');
    const items = [...state.articles.values()]
      .filter(matches)
      .sort((x, y) => eventTime(y).localeCompare(eventTime(x)))
      .slice(0, MAX_CARDS);
    list.replaceChildren(...items.map((a) => card(a, false)));
    document.getElementById('articles-empty').hidden = items.length > 0;
  }

  function addArticle(a, live) {
    const known = state.articles.has(a.articleId);
    state.articles.set(a.articleId, a);
    updateTotals();
    updateFilterOptions();
    if (!live) return;
    const list = document.getElementById('articles');
    const old = list.querySelector('li[data-id="' + CSS.escape(a.articleId) + '"]');
    if (!matches(a)) {
      if (old) old.remove();
      return;
    }
    const li = card(a, true);
    if (old) {
      old.replaceWith(li);
    } else if (!known) {
      // Keep newest-first order by event time.
      const t = eventTime(a);
      const after = [...list.children].find((c) => eventTime(state.articles.get(c.dataset.id) || {}) < t);
      list.insertBefore(li, after || null);
      while (list.children.length > MAX_CARDS) list.lastElementChild.remove();
    }
    document.getElementById('articles-empty').hidden = true;
  }

  function updateTotals() {
    const counts = { FAVOR: 0, AGAINST: 0, NEUTRAL: 0 };
    state.articles.forEach((a) => (counts[a.stance.label] = (counts[a.stance.label] || 0) + 1));
    document.getElementById('total-all').textContent = state.articles.size;
    LABELS.forEach((l) => (document.getElementById('total-' + l).textContent = counts[l]));
  }

  function updateFilterOptions() {
    const outlets = new Set();
    const topics = new Set();
    state.articles.forEach((a) => {
      if (a.outlet) outlets.add(a.outlet);
      Object.entries(a.mentions || {}).forEach(([t, n]) => n > 0 && topics.add(t));
    });
    fillSelect('f-outlet', outlets);
    fillSelect('f-topic', topics);
  }

  function fillSelect(id, values) {
    const select = document.getElementById(id);
    const have = new Set([...select.options].map((o) => o.value));
    [...values].sort().forEach((v) => {
      if (!have.has(v)) select.appendChild(new Option(v, v));
    });
  }

  // ---------- alerts ----------

  function alertItem(a, fresh) {
    const li = el('li', 'alert-item' + (fresh ? ' fresh' : ''));
    li.dataset.id = a.id;
    li.dataset.rule = a.rule;
    const head = el('div');
    head.appendChild(el('span', 'rule ' + a.rule, a.rule.replace('-', ' ')));
    head.appendChild(el('span', 'alert-time', 'window ' + when(a.windowStart)));
    li.appendChild(head);
    const msg = el('p', 'alert-msg', a.message || a.key);
    li.appendChild(msg);
    (a.links || []).slice(0, 3).forEach((href) => {
      if (/^https?:\/\//.test(href)) {
        const link = el('a', null, 'article');
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        li.appendChild(link);
        li.appendChild(document.createTextNode(' '));
      }
    });
    return li;
  }

  function addAlert(a, live) {
    if (state.alerts.has(a.id)) return;
    state.alerts.set(a.id, a);
    const list = document.getElementById('alerts');
    if (live) list.insertBefore(alertItem(a, true), list.firstChild);
    updateAlertCount();
  }

  function renderAlerts() {
    const items = [...state.alerts.values()].sort(
      (x, y) => (y.windowStart || '').localeCompare(x.windowStart || '') || x.id.localeCompare(y.id));
    document.getElementById('alerts').replaceChildren(...items.map((a) => alertItem(a, false)));
    updateAlertCount();
  }

  function updateAlertCount() {
    const n = state.alerts.size;
    document.getElementById('alerts-count').textContent = n ? n + (n === 1 ? ' alert' : ' alerts') : 'none yet';
  }

  // ---------- charts ----------

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  async function refreshTrends() {
    const trends = await api('/api/trends?windows=48');
    const series = trends.series.map((s) => ({
      name: s.outlet === '*' ? 'All outlets' : s.outlet,
      type: 'line',
      showSymbol: true,
      symbolSize: s.outlet === '*' ? 8 : 5,
      lineStyle: { width: s.outlet === '*' ? 3.5 : 1.6 },
      z: s.outlet === '*' ? 3 : 2,
      data: s.points.map((p) => [p.windowStart, +p.meanScore.toFixed(3), p.n]),
    }));
    chart('trend-chart').setOption(
      {
        color: ['#14213d', '#2b5fad', '#d35400', '#7b2cbf', '#16a085', '#b7950b', '#c0392b'],
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v) => (typeof v === 'number' ? signed(v) : v),
        },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 44, right: 16, top: 16, bottom: 48 },
        xAxis: { type: 'time' },
        yAxis: {
          type: 'value', min: -1, max: 1, interval: 0.5,
          axisLabel: { formatter: (v) => (v === 0 ? '0' : signed(v)) },
        },
        series: series.length ? series : [{ type: 'line', data: [] }],
      },
      true);
    const overall = trends.series.find((s) => s.outlet === '*');
    const range = timeRange(trends);
    chart('trend-chart').setOption({ xAxis: range });
    const points = overall ? overall.points : [];
    chart('counts-chart').setOption(
      {
        color: LABELS.map((l) => COLORS[l]),
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 44, right: 16, top: 10, bottom: 44 },
        xAxis: Object.assign({ type: 'time' }, range),
        yAxis: { type: 'value', minInterval: 1 },
        series: LABELS.map((l) => ({
          name: l,
          type: 'bar',
          stack: 'labels',
          barMaxWidth: 28,
          data: points.map((p) => [p.windowStart, p.counts[l] || 0]),
        })),
      },
      true);
    if (trends.unavailable && trends.unavailable.length) {
      notice('Some instances did not answer: ' + trends.unavailable.join(', '));
    }
  }

  /** The windows shown, padded by one window each side, so few points do not sit on the edges. */
  function timeRange(trends) {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(trends.windowSize || '');
    const size = m ? ((+m[1] || 0) * 3600 + (+m[2] || 0) * 60 + (+m[3] || 0)) * 1000 : 3600000;
    const starts = trends.series.flatMap((s) => s.points.map((p) => Date.parse(p.windowStart)));
    if (!starts.length) return {};
    return { min: Math.min(...starts) - size, max: Math.max(...starts) + size };
  }

  async function refreshTopics() {
    const view = await api('/api/topics?kind=' + state.kind + '&windows=3');
    const windows = view[state.kind] || [];
    const current = windows[0];
    const topics = current ? current.topics.slice(0, 12).map((t) => t.topic) : [];
    const label = (w, i) =>
      (i === 0 ? 'current: ' : '') +
      new Date(w.windowStart).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) +
      '–' +
      new Date(w.windowEnd).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    chart('topics-chart').setOption(
      {
        color: ['#2b5fad', '#8fb3e8', '#c9d8f0'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 140, right: 20, top: 10, bottom: 48 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: topics, axisLabel: { width: 130, overflow: 'truncate' } },
        series: windows.map((w, i) => {
          const counts = new Map(w.topics.map((t) => [t.topic, t.count]));
          return {
            name: label(w, i),
            type: 'bar',
            barMaxWidth: 16,
            data: topics.map((t) => counts.get(t) || 0),
          };
        }),
      },
      true);
  }

  function refreshCharts() {
    return Promise.all([refreshTrends(), refreshTopics()]).catch((e) => notice(e.message));
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshCharts, 700);
  }

  // ---------- loading and live updates ----------

  async function loadAll() {
    const [articles, alerts] = await Promise.all([api('/api/articles?limit=1000'), api('/api/alerts?limit=200')]);
    articles.articles.forEach((a) => addArticle(a, false));
    alerts.alerts.forEach((a) => addAlert(a, false));
    renderFeed();
    renderAlerts();
    const missing = [].concat(articles.unavailable || [], alerts.unavailable || []);
    notice(missing.length ? 'Some instances did not answer: ' + missing.join(', ') : '');
    await refreshCharts();
  }

  function setLive(on) {
    const live = document.getElementById('live');
    live.className = 'live ' + (on ? 'on' : 'off');
    live.textContent = on ? 'live' : 'reconnecting…';
  }

  function connect() {
    source = new EventSource('/api/stream' + (token ? '?access_token=' + encodeURIComponent(token) : ''));
    source.onopen = () => {
      setLive(true);
      if (hadError) {
        hadError = false;
        loadAll().catch((e) => notice(e.message));
      }
    };
    source.onerror = () => {
      hadError = true;
      setLive(false);
    };
    source.addEventListener('article', (e) => {
      addArticle(JSON.parse(e.data), true);
      scheduleRefresh();
    });
    source.addEventListener('alert', (e) => addAlert(JSON.parse(e.data), true));
    // Windowed views changed (sent at most once a second): re-query what changed.
    source.addEventListener('windows', (e) => {
      const changed = JSON.parse(e.data);
      if (changed.trends) refreshTrends().catch((err) => notice(err.message));
      if (changed.topics) refreshTopics().catch((err) => notice(err.message));
    });
  }

  function wireControls() {
    ['stance', 'outlet', 'topic'].forEach((name) => {
      document.getElementById('f-' + name).addEventListener('change', (e) => {
        state.filters[name] = e.target.value;
        renderFeed();
      });
    });
    document.querySelectorAll('.toggle button').forEach((b) =>
      b.addEventListener('click', () => {
        state.kind = b.dataset.kind;
        document.querySelectorAll('.toggle button').forEach((x) => x.classList.toggle('on', x === b));
        refreshTopics().catch((e) => notice(e.message));
      }));
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  }

  wireControls();
  // Subscribe first, then load: whatever arrives in between is merged by id.
  connect();
  loadAll()
    .catch((e) => notice(e.message))
    .finally(() => (document.body.dataset.loaded = 'true'));
  setInterval(() => refreshCharts(), 30000);
})();
