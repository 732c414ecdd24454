// The search page of vinhdanh (docs/search.md): finds profiles and
// award-list recipients in the index files the build writes, with no
// server and no outside request. Plain DOM, text set with textContent only.
//
// A query is folded like the index (NFD, marks dropped, đ → d, lower case),
// split into words; each word fetches only the postings shards of its first
// letters. Records holding every word are ranked (a word in the name before
// one in the unit or position, a whole word before a prefix), narrowed by
// the facets, and only the shown results' display chunks are fetched.
'use strict';
(function () {
  const form = document.querySelector('form.search-form');
  if (!form) return;
  const input = form.querySelector('input[name="q"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const fieldset = form.querySelector('.search-facets');
  const FACETS = ['year', 'award', 'kind', 'campaign', 'unit'];
  const selects = {};
  for (const f of FACETS) selects[f] = form.querySelector('select[name="' + f + '"]');
  const kindLabel = {};
  for (const o of selects.kind.options) kindLabel[o.value] = o.textContent;
  const text = form.dataset;
  const PAGE = 20;
  const FINAL = '0123456789abcdefghijklmnopqrstuv';
  const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$%&*';
  const digit = new Int8Array(128).fill(-1);
  const cont = new Int8Array(128).fill(-1);
  for (let i = 0; i < 32; i++) {
    digit[FINAL.charCodeAt(i)] = i;
    cont[MORE.charCodeAt(i)] = i;
  }

  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const words = (s) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const fileName = (key) =>
    Array.from(key, (c) => (/[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16))).join('') + '.txt';

  const fetched = new Map();
  function get(url, json) {
    if (!fetched.has(url)) {
      fetched.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return json ? r.json() : r.text();
      }));
    }
    return fetched.get(url);
  }

  // The language-neutral core and this language's labels, loaded once.
  let base = null;
  function loadBase() {
    if (!base) {
      base = Promise.all([
        get(text.index + 'meta.json', true),
        get(text.index + 'facets.json', true),
        get(text.labels + 'labels.json', true),
      ]).then(([meta, facets, labels]) => {
        const n = meta.records;
        const columns = {};
        for (const f of FACETS) {
          const col = new Int32Array(n);
          const many = new Map();
          let at = 0;
          const runs = facets[f];
          for (let i = 0; i < runs.length; i += 2) {
            const v = runs[i];
            for (let k = 0; k < runs[i + 1]; k++, at++) {
              if (Array.isArray(v)) {
                col[at] = -1;
                many.set(at, v);
              } else col[at] = v;
            }
          }
          columns[f] = { col, many };
        }
        return { meta, labels, columns, score: new Uint8Array(n) };
      });
    }
    return base;
  }

  // Parsed shards: key → [[word, name ids, other ids], …].
  const shards = new Map();
  function shard(key) {
    if (!shards.has(key)) {
      shards.set(key, get(text.index + 't/' + fileName(key), false).then((t) =>
        t.split('\n').filter(Boolean).map((line) => line.split('\t'))));
    }
    return shards.get(key);
  }

  function shardsFor(word, keys) {
    let longest = null;
    const out = [];
    for (const k of keys) {
      if (word.startsWith(k) && (!longest || k.length > longest.length)) longest = k;
      else if (word.length >= 2 && k.startsWith(word)) out.push(k);
    }
    if (longest) out.push(longest);
    return out;
  }

  // Sets score[id] to the best of `value` and what it has, for each id.
  function mark(ids, score, value) {
    let prev = -1;
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      const c = ids.charCodeAt(i);
      const d = digit[c];
      if (d < 0) {
        n = n * 32 + cont[c];
        continue;
      }
      prev += n * 32 + d;
      n = 0;
      if (score[prev] < value) score[prev] = value;
    }
  }

  // Records holding every word, with their scores, ids increasing.
  async function match(qwords, b) {
    const keys = b.meta.shards;
    const lists = await Promise.all(qwords.map((w) => Promise.all(shardsFor(w, keys).map(shard))));
    const n = b.meta.records;
    let ids = null;
    let total = null;
    qwords.forEach((w, i) => {
      const score = b.score;
      score.fill(0);
      for (const lines of lists[i]) {
        for (const [word, name, other] of lines) {
          const exact = word === w;
          if (!exact && (w.length < 2 || !word.startsWith(w))) continue;
          mark(name, score, exact ? 4 : 3);
          mark(other, score, exact ? 2 : 1);
        }
      }
      if (ids === null) {
        ids = [];
        total = [];
        for (let id = 0; id < n; id++) {
          if (score[id]) {
            ids.push(id);
            total.push(score[id]);
          }
        }
      } else {
        const keep = [];
        const kept = [];
        ids.forEach((id, j) => {
          if (score[id]) {
            keep.push(id);
            kept.push(total[j] + score[id]);
          }
        });
        ids = keep;
        total = kept;
      }
    });
    return { ids, total };
  }

  function has(c, id, v) {
    const x = c.col[id];
    return x === v || (x === -1 && c.many.get(id).includes(v));
  }

  // The chosen facet values as 1-based label indexes (0: none chosen).
  function chosen(b, state) {
    const want = {};
    for (const f of FACETS) {
      const value = state[f];
      const labels = b.labels[f];
      const i = value ? labels.findIndex((l) => String(Array.isArray(l) ? l[0] : l) === value) : -1;
      want[f] = i >= 0 ? i + 1 : 0;
    }
    return want;
  }

  function narrow(b, found, want) {
    const counts = {};
    for (const f of FACETS) counts[f] = new Map();
    const kept = [];
    const cols = b.columns;
    found.ids.forEach((id, j) => {
      let misses = 0;
      let missed = null;
      for (const f of FACETS) {
        if (want[f] && !has(cols[f], id, want[f])) {
          misses++;
          missed = f;
        }
      }
      if (misses > 1) return;
      for (const f of FACETS) {
        if (misses === 1 && missed !== f) continue;
        const c = cols[f];
        const x = c.col[id];
        for (const v of x === -1 ? c.many.get(id) : [x]) {
          if (v) counts[f].set(v, (counts[f].get(v) || 0) + 1);
        }
      }
      if (misses === 0) kept.push(j);
    });
    const order = kept.sort((a, c) => found.total[c] - found.total[a] || found.ids[a] - found.ids[c]);
    return { order: order.map((j) => found.ids[j]), counts };
  }

  function fillSelect(f, b, counts, want) {
    const select = selects[f];
    const labels = b.labels[f];
    const entries = [];
    for (const [v, count] of counts) entries.push([v, count]);
    if (want && !counts.has(want)) entries.push([want, 0]);
    if (f === 'unit') entries.sort((a, c) => c[1] - a[1] || a[0] - c[0]);
    else entries.sort((a, c) => a[0] - c[0]);
    const shown = f === 'unit' ? entries.filter((e, i) => i < 100 || e[0] === want) : entries;
    const options = [new Option(text.all, '')];
    for (const [v, count] of shown) {
      const l = labels[v - 1];
      const key = String(Array.isArray(l) ? l[0] : l);
      const label = f === 'kind' ? kindLabel[key] : Array.isArray(l) ? l[1] : String(l);
      const o = new Option(label + ' (' + count + ')', key);
      o.selected = v === want;
      options.push(o);
    }
    select.replaceChildren(...options);
  }

  function countText(n) {
    return n === 1 ? text.countOne : text.count.replace('{n}', n.toLocaleString(document.documentElement.lang));
  }

  async function rows(b, ids) {
    const size = b.meta.chunk;
    const chunks = [...new Set(ids.map((id) => Math.floor(id / size)))];
    const loaded = await Promise.all(chunks.map((c) => get(text.labels + 'r/' + c + '.json', true)));
    const byChunk = new Map(chunks.map((c, i) => [c, loaded[i]]));
    return ids.map((id) => byChunk.get(Math.floor(id / size))[id % size]);
  }

  function item(b, id, row) {
    const [type, name, target, unit, position] = row;
    const li = document.createElement('li');
    li.className = 'search-result';
    const a = document.createElement('a');
    a.textContent = name;
    const kind = b.labels.kind[b.columns.kind.col[id] - 1];
    const meta = [kindLabel[kind], unit, position].filter(Boolean);
    const year = b.labels.year[b.columns.year.col[id] - 1];
    const award = b.columns.award;
    const first = award.col[id] === -1 ? award.many.get(id)[0] : award.col[id];
    const facts = [first ? b.labels.award[first - 1][1] : '', year ? String(year) : ''];
    if (type === 0) a.href = target;
    else {
      const decision = b.labels.list[target];
      a.href = decision[0];
      // A decision the report gives without a number shows its award and
      // year only (already in `facts`).
      if (decision[1]) facts.push(text.decision + ' ' + decision[1]);
    }
    li.append(a);
    for (const line of [meta, facts.filter(Boolean)]) {
      if (!line.length) continue;
      const p = document.createElement('span');
      p.className = 'search-meta';
      p.textContent = line.join(' · ');
      li.append(document.createElement('br'), p);
    }
    return li;
  }

  let seq = 0;
  let ready = false;
  let current = null;

  function readState() {
    const params = new URLSearchParams(location.search);
    const state = { q: params.get('q') || '' };
    for (const f of FACETS) state[f] = params.get(f) || '';
    return state;
  }

  function formState() {
    const state = { q: input.value };
    for (const f of FACETS) state[f] = selects[f].value;
    return state;
  }

  function writeState(state, push) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const f of FACETS) if (state[f]) params.set(f, state[f]);
    const query = params.toString();
    const url = location.pathname + (query ? '?' + query : '');
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  async function run(state) {
    const my = ++seq;
    const qwords = words(state.q);
    // A last word of one letter after others is a word being typed: it
    // would fetch every shard of its letter, so it waits for its second.
    if (qwords.length > 1 && qwords[qwords.length - 1].length === 1) qwords.pop();
    const filtered = FACETS.some((f) => state[f]);
    if (!ready && (qwords.length || filtered)) status.textContent = text.loading;
    let b;
    try {
      b = await loadBase();
      ready = true;
    } catch (e) {
      status.textContent = text.failed;
      return;
    }
    if (my !== seq) return;
    if (!qwords.length && !filtered) {
      current = null;
      status.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      for (const f of FACETS) fillSelect(f, b, new Map(), 0);
      done(state);
      return;
    }
    let found;
    try {
      if (qwords.length) found = await match(qwords, b);
      else {
        const n = b.meta.records;
        found = { ids: Array.from({ length: n }, (_, i) => i), total: new Array(n).fill(0) };
      }
    } catch (e) {
      if (my === seq) status.textContent = text.failed;
      return;
    }
    if (my !== seq) return;
    const want = chosen(b, state);
    const { order, counts } = narrow(b, found, want);
    for (const f of FACETS) fillSelect(f, b, counts[f], want[f]);
    current = { b, order, shown: 0 };
    list.replaceChildren();
    if (!order.length) {
      status.textContent = text.none;
      more.hidden = true;
      done(state);
      return;
    }
    await show(my);
    if (my !== seq) return;
    status.textContent = countText(order.length);
    done(state);
  }

  async function show(my) {
    const { b, order, shown } = current;
    const ids = order.slice(shown, shown + PAGE);
    let got;
    try {
      got = await rows(b, ids);
    } catch (e) {
      if (my === seq) status.textContent = text.failed;
      return null;
    }
    if (my !== seq) return null;
    const items = ids.map((id, i) => item(b, id, got[i]));
    list.append(...items);
    current.shown = shown + ids.length;
    more.hidden = current.shown >= order.length;
    return items[0];
  }

  // Marks the end of a search for tests and the benchmark.
  function done(state) {
    form.dataset.done = state.q;
    performance.mark('vd:results');
    if (performance.getEntriesByName('vd:input').length) {
      performance.measure('vd:search', 'vd:input', 'vd:results');
    }
  }

  function setForm(state) {
    input.value = state.q;
    for (const f of FACETS) {
      const s = selects[f];
      if (state[f] && ![...s.options].some((o) => o.value === state[f])) s.add(new Option(state[f], state[f]));
      s.value = state[f];
    }
  }

  input.addEventListener('input', () => {
    performance.mark('vd:input');
    const state = formState();
    writeState(state, false);
    run(state);
  });
  for (const f of FACETS) {
    selects[f].addEventListener('change', () => {
      performance.mark('vd:input');
      const state = formState();
      writeState(state, true);
      run(state);
    });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const state = formState();
    writeState(state, true);
    run(state);
  });
  more.addEventListener('click', async () => {
    const first = await show(seq);
    if (first) first.querySelector('a').focus();
  });
  window.addEventListener('popstate', () => {
    const state = readState();
    setForm(state);
    run(state);
  });

  fieldset.hidden = false;
  const state = readState();
  setForm(state);
  run(state);
})();
