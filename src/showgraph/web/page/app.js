// showgraph page: named queries, a results table, an entity's neighbourhood graph and facts.
// Plain script, no build step. Text from the graph is only ever set with textContent, never as HTML.
"use strict";

(() => {
  const PREFIXES = [
    ["sgid:", "https://w3id.org/showgraph/id/"],
    ["sgart:", "https://w3id.org/showgraph/article/"],
    ["sg:", "https://w3id.org/showgraph/ontology#"],
    ["schema:", "http://schema.org/"],
    ["prov:", "http://www.w3.org/ns/prov#"],
    ["rdfs:", "http://www.w3.org/2000/01/rdf-schema#"],
    ["xsd:", "http://www.w3.org/2001/XMLSchema#"],
  ];

  const $ = (id) => document.getElementById(id);
  const state = { queries: new Map(), cy: null, entity: null };

  function compact(iri) {
    for (const [prefix, base] of PREFIXES) {
      if (iri.startsWith(base)) return prefix + iri.slice(base.length);
    }
    return iri;
  }

  // el("td", {class: "x"}, "text", otherNode): children are text (escaped by the DOM) or nodes.
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  async function api(url, options = {}) {
    const response = await fetch(url, options);
    let body;
    try {
      body = await response.json();
    } catch {
      body = { error: `${response.status} ${response.statusText}` };
    }
    if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
    return body;
  }

  function entityButton(iri, label) {
    return el("button", {
      type: "button", class: "iri", title: iri, "data-iri": iri, onclick: () => showEntity(iri),
    }, label || compact(iri));
  }

  // -- named queries --------------------------------------------------------------------------

  async function loadQueries() {
    const data = await api("/api/queries");
    const picker = $("picker");
    for (const query of data.queries) {
      state.queries.set(query.name, query);
      picker.append(el("option", { value: query.name }, `${query.title} (${query.name})`));
    }
    if (data.queries.length) {
      picker.value = data.queries[0].name;
      pickQuery();
    }
  }

  function pickQuery() {
    const query = state.queries.get($("picker").value);
    const inputs = $("param-inputs");
    inputs.replaceChildren();
    $("query-description").textContent = query ? query.description : "";
    $("params").hidden = !query || query.parameters.length === 0;
    if (!query) return;
    $("editor").value = query.sparql;
    for (const parameter of query.parameters) {
      const id = `param-${parameter.name}`;
      const input = el("input", {
        id, name: parameter.name, type: parameter.type === "integer" ? "number" : "text",
        required: parameter.required, "aria-describedby": `${id}-help`,
        value: parameter.default === null || parameter.default === undefined ? "" : parameter.default,
      });
      inputs.append(el("div", { class: "param" },
        el("label", { for: id }, `${parameter.name}${parameter.required ? " *" : ""}`),
        input,
        el("span", { id: `${id}-help`, class: "muted" }, parameter.description)));
    }
  }

  function paramValues() {
    const params = {};
    for (const input of $("param-inputs").querySelectorAll("input")) {
      if (input.value !== "") params[input.name] = input.value;
    }
    return params;
  }

  async function runQuery(event) {
    if (event) event.preventDefault();
    const name = $("picker").value;
    const query = state.queries.get(name);
    const text = $("editor").value;
    const body = {};
    if (query) {
      body.name = name;
      body.params = paramValues();
      if (text !== query.sparql) body.query = text; // edited: run the text, parameters bound the same way
    } else {
      body.query = text;
    }
    $("status").textContent = "Running…";
    $("run").disabled = true;
    const started = performance.now();
    try {
      const data = await api("/api/query", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      renderResults(data, performance.now() - started);
    } catch (error) {
      $("status").textContent = `Error: ${error.message}`;
      $("results").hidden = true;
    } finally {
      $("run").disabled = false;
    }
  }

  function renderCell(term, labels) {
    if (!term) return el("td");
    if (term.type === "uri") return el("td", {}, entityButton(term.value, labels[term.value]));
    if (term.type === "bnode") return el("td", {}, `_:${term.value}`);
    const title = term["xml:lang"] ? `@${term["xml:lang"]}` : term.datatype ? compact(term.datatype) : undefined;
    return el("td", { title }, term.value);
  }

  function renderResults(data, elapsed) {
    const table = $("results");
    const graphResult = $("graph-result");
    graphResult.hidden = true;
    table.hidden = true;
    const ms = `${Math.round(elapsed)} ms`;
    if (data.kind === "ask") {
      $("status").textContent = `Answer: ${data.boolean} (${ms})`;
      return;
    }
    if (data.kind === "construct") {
      graphResult.textContent = data.turtle;
      graphResult.hidden = false;
      $("status").textContent = `${data.triples} triples (${ms})`;
      return;
    }
    const vars = data.head.vars;
    const rows = data.results.bindings;
    const labels = data.labels || {};
    table.tHead.replaceChildren(el("tr", {}, ...vars.map((v) => el("th", { scope: "col" }, v))));
    const body = document.createDocumentFragment();
    for (const row of rows) body.append(el("tr", {}, ...vars.map((v) => renderCell(row[v], labels))));
    table.tBodies[0].replaceChildren(body);
    table.hidden = false;
    $("status").textContent = `${rows.length} row${rows.length === 1 ? "" : "s"} (${ms})`;
  }

  // -- an entity: graph and facts ------------------------------------------------------------

  async function showEntity(iri) {
    state.entity = iri;
    const section = $("entity");
    section.hidden = false;
    $("entity-label").textContent = compact(iri);
    $("entity-iri").textContent = iri;
    $("facts-status").textContent = "Loading…";
    $("facts").tBodies[0].replaceChildren();
    $("entity-heading").focus();
    try {
      const data = await api(`/api/entity?iri=${encodeURIComponent(iri)}&depth=${$("depth").value}`);
      $("entity-label").textContent = data.label;
      $("graph").setAttribute("aria-label", `Neighbourhood graph of ${data.label}`);
      drawGraph(data.graph, iri);
      renderFacts(data.facts, iri);
    } catch (error) {
      $("facts-status").textContent = `Error: ${error.message}`;
    }
  }

  function drawGraph(graph, focus) {
    // graph: {nodes, edges, legend} from showgraph.network.to_cytoscape; colours and line styles come with it.
    const nodes = graph.nodes || [];
    const edges = graph.edges || [];
    $("graph-note").textContent = `${nodes.length} node${nodes.length === 1 ? "" : "s"}, ${edges.length} ` +
      `edge${edges.length === 1 ? "" : "s"}. Click a node to open it.`;
    renderLegend(graph.legend || { kinds: {}, statuses: {} });
    if (state.cy) state.cy.destroy();
    state.cy = null;
    if (typeof window.cytoscape !== "function") {
      $("graph-note").textContent = "The graph library did not load; the facts below are complete.";
      return;
    }
    state.cy = window.cytoscape({
      container: $("graph"),
      elements: [...nodes, ...edges],
      wheelSensitivity: 0.3,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 100,
            "background-color": "data(colour)", width: 18, height: 18, color: "#222",
            "text-valign": "bottom", "text-margin-y": 3, "text-background-color": "#fcfcfd",
            "text-background-opacity": 0.85, "text-background-padding": 1,
          },
        },
        { selector: "node.focus", style: { width: 30, height: 30, "border-width": 3, "border-color": "#111" } },
        {
          selector: "edge",
          style: {
            label: "data(label)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle",
            width: 1.6, "line-color": "data(colour)", "target-arrow-color": "data(colour)",
            "line-style": "data(line)", color: "#333", "text-rotation": "autorotate",
            "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1,
          },
        },
      ],
      layout: { name: nodes.length > 2 ? "cose" : "circle", animate: false, padding: 24,
        nodeDimensionsIncludeLabels: true },
    });
    state.cy.getElementById(focus).addClass("focus");
    state.cy.on("tap", "node", (event) => {
      const id = event.target.id();
      if (id !== focus) showEntity(id);
    });
  }

  function renderLegend(legend) {
    const items = [];
    for (const [kind, colour] of Object.entries(legend.kinds || {})) {
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = colour;
      items.push(el("li", {}, swatch, kind));
    }
    for (const [status, style] of Object.entries(legend.statuses || {})) {
      const line = el("span", { class: "line", "aria-hidden": "true" });
      line.style.borderTopStyle = style.line;
      line.style.borderTopColor = style.colour;
      items.push(el("li", {}, line, status));
    }
    $("legend").replaceChildren(...items);
  }

  function partyNode(iri, label) {
    return iri ? entityButton(iri, label) : document.createTextNode(label || "");
  }

  function renderFacts(facts, focus) {
    const body = document.createDocumentFragment();
    for (const fact of facts) {
      const object = fact.objectIri
        ? partyNode(fact.objectIri, fact.objectLabel)
        : document.createTextNode(fact.value ?? "");
      const claim = el("td", {},
        fact.subjectIri === focus ? el("strong", {}, fact.subjectLabel || compact(focus))
          : partyNode(fact.subjectIri, fact.subjectLabel),
        " ", el("em", {}, (fact.relationName || "").replaceAll("_", " ")), " ",
        fact.objectIri === focus ? el("strong", {}, fact.objectLabel || compact(focus)) : object,
        fact.season ? ` (season ${fact.season})` : "");
      const status = el("td", {}, el("span", { class: `status status-${fact.statusName}` }, fact.statusName));
      const evidence = el("td", { class: "evidence" }, fact.evidence ? el("q", {}, fact.evidence) : "");
      const title = fact.headline || compact(fact.article || "");
      const link = fact.url && /^https?:\/\//.test(fact.url)
        ? el("a", { href: fact.url, rel: "noopener noreferrer", target: "_blank" }, title)
        : el("span", { title: fact.article }, title);
      const article = el("td", {}, link, fact.published ? el("span", { class: "muted" }, ` ${fact.published}`) : "");
      body.append(el("tr", {}, claim, status, evidence, article));
    }
    $("facts").tBodies[0].replaceChildren(body);
    $("facts-status").textContent = `${facts.length} fact${facts.length === 1 ? "" : "s"}`;
  }

  // -- loading an article --------------------------------------------------------------------

  async function loadArticle(event) {
    event.preventDefault();
    const form = new FormData();
    const file = $("load-file").files[0];
    const text = $("load-text").value;
    if (file) form.append("file", file);
    else if (text.trim()) form.append("text", text);
    else {
      $("load-status").textContent = "Choose a file or paste an article first.";
      return;
    }
    $("load-status").textContent = "Loading…";
    try {
      const report = await api("/api/load", {
        method: "POST", headers: { Authorization: `Bearer ${$("load-token").value}` }, body: form,
      });
      const failures = report.failures.map((f) => `${f.source}: ${f.message}`).join("; ");
      $("load-status").textContent = `${report.articles} article(s), ${report.facts} facts, ${report.stored} stored, ` +
        `${report.quarantined} quarantined${failures ? `. Failed: ${failures}` : ""}`;
      refreshCounts();
    } catch (error) {
      $("load-status").textContent = `Error: ${error.message}`;
    }
  }

  async function refreshCounts() {
    try {
      const info = await api("/api/info");
      const s = info.stats;
      $("counts").textContent = `${s.articles} articles, ${s.claims} claims, ${s.quarantined} quarantined`;
      $("load").hidden = !info.load;
    } catch (error) {
      $("counts").textContent = `Cannot read the graph: ${error.message}`;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("picker").addEventListener("change", pickQuery);
    $("query-form").addEventListener("submit", runQuery);
    $("editor").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runQuery(event);
    });
    $("load-form").addEventListener("submit", loadArticle);
    $("depth").addEventListener("change", () => { if (state.entity) showEntity(state.entity); });
    refreshCounts();
    loadQueries().catch((error) => { $("status").textContent = `Cannot list the named queries: ${error.message}`; });
  });
})();
