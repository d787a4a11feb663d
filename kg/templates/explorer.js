/* kg explorer: draws the graph from the JSON blob with vis-network and wires the controls.
 *
 * Safety: every string that came from an article reaches the page through textContent, an <option>'s
 * text, or vis-network's plain-text labels and tooltips (a string tooltip is set with innerText).
 * Nothing here assigns innerHTML, builds HTML strings or evaluates text.
 * Offsets in the data are Unicode code points (Python); Array.from(string) walks code points, so
 * highlighting is right for characters outside the BMP (e.g. 𠮷) that take two UTF-16 units.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const api = { data: data, settleMs: null, network: null, nodes: null, edges: null };
  window.kgExplorer = api;

  const $ = (id) => document.getElementById(id);
  const graphBox = $("kg-graph"), panel = $("kg-panel"), searchBox = $("kg-search"), results = $("kg-results");
  const articleSelect = $("kg-article"), physicsBox = $("kg-physics"), status = $("kg-status");

  const types = new Map(data.types.map((t) => [t.type, t]));
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const incident = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) {
    if (incident.has(e.from)) incident.get(e.from).push(e);
    if (e.to !== e.from && incident.has(e.to)) incident.get(e.to).push(e);
  }
  const big = data.nodes.length > 600;  // above this, cheaper highlighting and no hover effects
  const PREDICATE_ORDER = ["membership", "award", "quote", "suborganization", "located_in", "contained_in_place"];

  // ---- small helpers --------------------------------------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function codePoints(s) { return Array.from(String(s)); }
  function shorten(s, max) {
    const cps = codePoints(s);
    return cps.length > max ? cps.slice(0, max - 1).join("") + "…" : String(s);
  }
  function typeName(t) { return types.has(t) ? types.get(t).name : String(t); }
  function typeColor(t) { return types.has(t) ? types.get(t).color : "#bbbbbb"; }
  function predicateName(p) { return Object.prototype.hasOwnProperty.call(data.predicates, p) ? data.predicates[p] : String(p); }
  function darker(hex) {
    const v = parseInt(hex.slice(1), 16);
    const f = (c) => Math.max(0, Math.round(c * 0.7)).toString(16).padStart(2, "0");
    return "#" + f(v >> 16) + f((v >> 8) & 255) + f(v & 255);
  }
  function docLine(docId) {
    const d = byId.get(docId);
    if (!d) return String(docId);
    const title = d.title || d.label || d.id;
    return "《" + title + "》" + (d.date ? " " + d.date : "");
  }

  // ---- vis data ---------------------------------------------------------------------------------
  function nodeColor(n) {
    const c = typeColor(n.type), b = darker(c);
    return { background: c, border: b, highlight: { background: c, border: "#111111" }, hover: { background: c, border: "#111111" } };
  }
  const DIM_NODE = { background: "#eeeeee", border: "#dddddd", highlight: { background: "#eeeeee", border: "#999999" }, hover: { background: "#eeeeee", border: "#999999" } };
  const EDGE_COLOR = { color: "#a0a6ad", highlight: "#333333", hover: "#555555", inherit: false };
  const DIM_EDGE = { color: "#f0f0f0", highlight: "#cccccc", hover: "#cccccc", inherit: false };

  function nodeTooltip(n) {
    const lines = [n.label, "类型：" + typeName(n.type)];
    if (n.aliases.length) lines.push("别名：" + n.aliases.join("、"));
    if (n.type === "Document" && n.date) lines.push("日期：" + n.date);
    lines.push("关系：" + n.degree);
    return lines.join("\n");
  }
  function edgeLabel(e) { return e.role ? String(e.role) : predicateName(e.predicate); }
  function edgeTooltip(e) {
    const from = byId.get(e.from), to = byId.get(e.to);
    const lines = [(from ? from.label : e.from) + " → " + (to ? to.label : e.to), predicateName(e.predicate) + (e.role ? "：" + e.role : "")];
    if (e.sentence) lines.push(shorten(e.sentence, 160));
    if (e.doc) lines.push(docLine(e.doc));
    return lines.join("\n");
  }
  function nodeSize(n) { return Math.min(46, 9 + 6 * Math.log2(1 + n.degree)); }
  function visNode(n) {
    const item = {
      id: n.id, label: shorten(n.label, 16), title: nodeTooltip(n), shape: types.has(n.type) ? types.get(n.type).shape : "dot",
      size: nodeSize(n), color: nodeColor(n), font: { color: "#222222" },
      borderWidth: n.id === data.focus ? 4 : 1,
    };
    if (typeof n.x === "number") { item.x = n.x; item.y = n.y; }
    return item;
  }
  function visEdge(e) {
    const item = { id: e.id, from: e.from, to: e.to, label: edgeLabel(e), title: edgeTooltip(e), color: EDGE_COLOR, font: { color: "#555555" } };
    if (e.parallel > 0 || e.from === e.to) {
      item.smooth = { enabled: true, type: e.parallel % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 + 0.15 * Math.floor((e.parallel + 1) / 2) };
    }
    return item;
  }

  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  api.nodes = nodes;
  api.edges = edges;
  const options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: data.physics && data.nodes.length <= 150 },
    physics: {
      enabled: data.physics,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 110, springConstant: 0.08, avoidOverlap: 0.5 },
      maxVelocity: 60, minVelocity: 0.75, timestep: 0.5,
      stabilization: { enabled: true, iterations: 1000, updateInterval: 100, fit: true },
    },
    interaction: { hover: !big, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false, keyboard: false },
    nodes: {
      font: { face: data.fonts, size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 7 } },
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      font: { face: data.fonts, size: 11, align: "middle", strokeWidth: 3, strokeColor: "#ffffff" },
      smooth: false, width: 1, selectionWidth: 1.5, hoverWidth: 0.5,
      scaling: { label: { drawThreshold: 7 } },
    },
  };
  // Listeners go on before the data, so that no stabilization event can be missed.
  const network = new vis.Network(graphBox, {}, options);
  api.network = network;

  // ---- settling: physics runs until stable, then the layout freezes; afterwards the toggle is the user's ----
  let settled = false;
  function markSettled() {
    if (settled) return;
    settled = true;
    api.settleMs = performance.now();
    document.documentElement.setAttribute("data-settled", String(Math.round(api.settleMs)));
    if (data.focus && byId.has(data.focus)) selectNode(data.focus, { move: false });
  }
  function freeze() {
    network.setOptions({ physics: { enabled: false } });
    physicsBox.checked = false;
  }
  network.on("stabilizationIterationsDone", function () {
    freeze();
    network.once("afterDrawing", markSettled);
    network.redraw();
  });
  if (!data.physics || data.nodes.length === 0) network.once("afterDrawing", markSettled);
  physicsBox.checked = data.physics;
  physicsBox.addEventListener("change", function () { network.setOptions({ physics: { enabled: physicsBox.checked } }); });
  $("kg-fit").addEventListener("click", function () { network.fit({ animation: false }); });

  nodes.add(data.nodes.map(visNode));
  edges.add(data.edges.map(visEdge));
  network.setData({ nodes: nodes, edges: edges });

  // ---- legend counts, article list, status -------------------------------------------------------
  const counts = new Map();
  for (const n of data.nodes) counts.set(n.type, (counts.get(n.type) || 0) + 1);
  for (const span of document.querySelectorAll("[data-count]")) span.textContent = String(counts.get(span.dataset.count) || 0);
  const docs = data.nodes.filter((n) => n.type === "Document")
    .sort((a, b) => String(b.date || "").localeCompare(String(a.date || "")) || String(a.title || a.label).localeCompare(String(b.title || b.label)));
  for (const d of docs) articleSelect.appendChild(new Option(shorten((d.date ? d.date + " " : "") + (d.title || d.label), 40), d.id));

  // ---- filters: by type and by article -----------------------------------------------------------
  const hidden = new Set();
  function enabledTypes() {
    const on = new Set();
    for (const box of document.querySelectorAll("#kg-legend input[data-type]")) if (box.checked) on.add(box.dataset.type);
    return on;
  }
  function applyFilters() {
    const on = enabledTypes(), article = articleSelect.value;
    const known = new Set(data.types.map((t) => t.type));
    const changes = [];
    for (const n of data.nodes) {
      const typeOk = known.has(n.type) ? on.has(n.type) : true;
      const articleOk = !article || n.id === article || n.docs.indexOf(article) >= 0;
      const hide = !(typeOk && articleOk);
      if (hide !== hidden.has(n.id)) {
        if (hide) hidden.add(n.id); else hidden.delete(n.id);
        changes.push({ id: n.id, hidden: hide });
      }
    }
    if (changes.length) nodes.update(changes);
    showStatus();
  }
  function showStatus() {
    const shown = data.nodes.length - hidden.size;
    status.textContent = (shown === data.nodes.length ? "" : shown + " / ") + data.nodes.length + " 个节点 · " + data.edges.length + " 条关系";
  }
  for (const box of document.querySelectorAll("#kg-legend input[data-type]")) box.addEventListener("change", applyFilters);
  articleSelect.addEventListener("change", applyFilters);
  function clearFilters() {
    for (const box of document.querySelectorAll("#kg-legend input[data-type]")) box.checked = true;
    articleSelect.value = "";
    applyFilters();
  }
  showStatus();

  // ---- selection: highlight neighbours, fill the panel -------------------------------------------
  // Small graphs dim everything but the neighbourhood (a DataSet update per changed item). Big graphs
  // would take seconds for that, so they ring the neighbours on the canvas after each frame instead.
  const dimmedNodes = new Set(), dimmedEdges = new Set();
  let ringed = [];
  api.lit = [];
  function highlight(id) {
    const lit = id === null ? [] : [id].concat(network.getConnectedNodes(id));
    api.lit = lit.slice().sort();
    if (big) {
      ringed = lit;
      network.redraw();
      return;
    }
    const keepNodes = new Set(id === null ? data.nodes.map((n) => n.id) : lit);
    const nodeChanges = [], edgeChanges = [];
    for (const n of data.nodes) {
      const dim = !keepNodes.has(n.id);
      if (dim !== dimmedNodes.has(n.id)) {
        if (dim) dimmedNodes.add(n.id); else dimmedNodes.delete(n.id);
        nodeChanges.push({ id: n.id, color: dim ? DIM_NODE : nodeColor(n), font: { color: dim ? "#c4c4c4" : "#222222" } });
      }
    }
    for (const e of data.edges) {
      const dim = id !== null && e.from !== id && e.to !== id;
      if (dim !== dimmedEdges.has(e.id)) {
        if (dim) dimmedEdges.add(e.id); else dimmedEdges.delete(e.id);
        edgeChanges.push({ id: e.id, color: dim ? DIM_EDGE : EDGE_COLOR, font: { color: dim ? "#dddddd" : "#555555" } });
      }
    }
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
  }
  network.on("afterDrawing", function (ctx) {
    if (!ringed.length) return;
    const positions = network.getPositions(ringed);
    const scale = network.getScale();
    ctx.save();
    ctx.strokeStyle = "rgba(255, 153, 0, 0.95)";
    ctx.lineWidth = Math.max(3, 3 / scale);
    for (const id of ringed) {
      const p = positions[id], n = byId.get(id);
      if (!p || hidden.has(id)) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, nodeSize(n) + Math.max(6, 6 / scale), 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.restore();
  });

  function evidence(sentence, marks) {
    const box = el("blockquote", "kg-evidence");
    const cps = codePoints(sentence);
    let at = 0;
    const spans = (marks || []).filter((m) => Array.isArray(m) && m.length === 2 && Number.isInteger(m[0]) && Number.isInteger(m[1]))
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [s, e] of spans) {
      if (s < at || e <= s || e > cps.length) continue;
      if (s > at) box.appendChild(document.createTextNode(cps.slice(at, s).join("")));
      box.appendChild(el("mark", null, cps.slice(s, e).join("")));
      at = e;
    }
    if (at < cps.length) box.appendChild(document.createTextNode(cps.slice(at).join("")));
    return box;
  }
  function nodeLink(id) {
    const n = byId.get(id);
    const b = el("button", "kg-link", n ? n.label : id);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, { move: true }); });
    return b;
  }
  function factItem(e, from) {
    const li = el("li", "kg-fact");
    li.dataset.edge = e.id;
    li.dataset.predicate = String(e.predicate);
    const head = el("div", "kg-fact-head");
    const other = from === e.from ? e.to : e.from;
    if (from !== e.from) { head.appendChild(nodeLink(e.from)); head.appendChild(document.createTextNode(" ")); }
    head.appendChild(el("span", "kg-pred", predicateName(e.predicate)));
    if (e.role) { head.appendChild(document.createTextNode(" ")); head.appendChild(el("span", "kg-role", e.role)); }
    if (from === e.from || from === null) {
      head.appendChild(document.createTextNode(" → "));
      head.appendChild(nodeLink(other));
    }
    li.appendChild(head);
    if (e.sentence) li.appendChild(evidence(e.sentence, e.marks));
    if (e.doc) {
      const src = el("div", "kg-source", "出处：" + docLine(e.doc));
      li.appendChild(src);
    }
    return li;
  }
  function field(name, value) {
    const p = el("p", "kg-field");
    p.appendChild(el("span", "kg-field-name", name + "："));
    p.appendChild(document.createTextNode(String(value)));
    return p;
  }
  function showNode(id) {
    const n = byId.get(id);
    panel.replaceChildren();
    panel.dataset.node = id;
    const h = el("h2", null, n.label);
    h.id = "kg-panel-title";
    panel.appendChild(h);
    const badge = el("span", "kg-type", typeName(n.type));
    badge.style.backgroundColor = typeColor(n.type);
    panel.appendChild(badge);
    if (n.aliases.length) panel.appendChild(field("别名", n.aliases.join("、")));
    if (n.type === "Document") {
      for (const [name, key] of [["标题", "title"], ["日期", "date"], ["作者", "author"], ["网址", "url"], ["来源", "source"]]) {
        if (n[key]) panel.appendChild(field(name, n[key]));
      }
    }
    const facts = (incident.get(id) || []).slice().sort((a, b) => {
      const pa = PREDICATE_ORDER.indexOf(a.predicate), pb = PREDICATE_ORDER.indexOf(b.predicate);
      return (pa < 0 ? 99 : pa) - (pb < 0 ? 99 : pb) || (a.from === id ? 0 : 1) - (b.from === id ? 0 : 1);
    });
    panel.appendChild(el("h3", null, "事实（" + facts.length + "）"));
    const list = el("ul", "kg-facts");
    for (const e of facts) list.appendChild(factItem(e, id));
    panel.appendChild(list);
    panel.scrollTop = 0;
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    panel.replaceChildren();
    delete panel.dataset.node;
    panel.appendChild(el("h2", null, predicateName(e.predicate)));
    const list = el("ul", "kg-facts");
    list.appendChild(factItem(e, e.from));
    panel.appendChild(list);
  }
  function clearSelection() {
    network.unselectAll();
    highlight(null);
    panel.replaceChildren(el("p", "kg-empty", "点击节点或搜索名称，查看其事实、证据句与出处。"));
    delete panel.dataset.node;
  }
  function selectNode(id, opts) {
    if (!byId.has(id)) return;
    if (hidden.has(id)) clearFilters();
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    // No glide: vis-network 9.1 leaves a glide running if another starts before its first frame.
    if (opts && opts.move) network.focus(id, { scale: Math.max(network.getScale(), 1.0), locked: false, animation: false });
  }
  api.select = function (id) { selectNode(id, { move: true }); };
  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], { move: false });
    else if (params.edges.length) { highlight(null); showEdge(params.edges[0]); }
    else clearSelection();
  });

  // ---- search by name or alias ------------------------------------------------------------------
  let matches = [];
  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const scored = [];
    for (const n of data.nodes) {
      const label = String(n.label).toLowerCase();
      const aliases = n.aliases.map((a) => String(a).toLowerCase());
      let score = -1;
      if (label === q) score = 0;
      else if (aliases.indexOf(q) >= 0) score = 1;
      else if (label.startsWith(q)) score = 2;
      else if (aliases.some((a) => a.startsWith(q))) score = 3;
      else if (label.includes(q)) score = 4;
      else if (aliases.some((a) => a.includes(q))) score = 5;
      if (score >= 0) scored.push([score, codePoints(n.label).length, n]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2].id < b[2].id ? -1 : 1));
    return scored.slice(0, 20).map((s) => s[2]);
  }
  function showResults() {
    matches = search(searchBox.value);
    results.replaceChildren();
    for (const n of matches) {
      const li = el("li");
      li.setAttribute("role", "option");
      const b = el("button");
      b.type = "button";
      b.dataset.node = n.id;
      b.appendChild(el("span", "kg-result-label", n.label));
      b.appendChild(el("span", "kg-result-type", typeName(n.type)));
      b.addEventListener("click", function () { choose(n.id); });
      li.appendChild(b);
      results.appendChild(li);
    }
    if (!matches.length && searchBox.value.trim()) results.appendChild(el("li", "kg-empty", "没有找到"));
    results.hidden = !searchBox.value.trim();
  }
  function choose(id) {
    results.hidden = true;
    selectNode(id, { move: true });
  }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      matches = search(searchBox.value);
      if (matches.length) choose(matches[0].id);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (ev) { if (!$("kg-searchbox").contains(ev.target)) results.hidden = true; });
})();
