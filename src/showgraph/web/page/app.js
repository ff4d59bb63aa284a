// showgraph page: search, an overview, the facts browser (facets, sorting, paging, downloads), named
// queries and SPARQL, an entity's graph, timeline and facts with their evidence highlighted.
// Plain script, no build step. Text from the graph is only ever set with textContent, never as HTML.
// The whole state (view, facets, page, sort, query, parameters, entity) lives in the URL, so a link
// reopens what was on the screen.
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
  // Prefixes the "Add missing PREFIXes" button declares (the named queries use the same).
  const KNOWN_PREFIXES = {
    sg: "https://w3id.org/showgraph/ontology#", sgid: "https://w3id.org/showgraph/id/",
    person: "https://w3id.org/showgraph/id/person/", show: "https://w3id.org/showgraph/id/show/",
    schema: "http://schema.org/", rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#", skos: "http://www.w3.org/2004/02/skos/core#",
    prov: "http://www.w3.org/ns/prov#", oa: "http://www.w3.org/ns/oa#", xsd: "http://www.w3.org/2001/XMLSchema#",
    owl: "http://www.w3.org/2002/07/owl#",
  };
  const FACETS = [
    ["relation", "Relation"], ["status", "Status"], ["class", "Class"], ["platform", "Platform"], ["article", "Article"],
  ];
  const CLAIM_COLUMNS = [
    ["subject", "Subject"], ["relation", "Relation"], ["object", "Object"], ["status", "Status"],
    ["published", "Article"],
  ];
  const RESULT_PAGE = 50;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const KIND_COLOURS = {
    release: "#2e7d32", season: "#c62828", casting: "#1565c0", episodes: "#6a1b9a", other: "#757575",
  };
  const LANES = ["release", "season", "casting", "episodes", "other"];

  const $ = (id) => document.getElementById(id);
  const state = {
    queries: new Map(), cy: null, entity: null, view: "home", claims: {}, result: null,
    resultPage: 1, resultSort: null, suggestions: [], active: -1, restoring: false, timeline: [],
  };

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
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function svg(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value !== undefined && value !== null) node.setAttribute(key, String(value));
    }
    for (const child of children) node.append(child instanceof Node ? child : String(child));
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

  const plural = (n, word) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

  function entityButton(iri, label) {
    return el("button", {
      type: "button", class: "iri", title: iri, "data-iri": iri, onclick: () => showEntity(iri),
    }, label || compact(iri));
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // -- the URL: the whole state ---------------------------------------------------------------

  function currentParams() {
    const params = new URLSearchParams();
    if (state.view !== "home") params.set("view", state.view);
    if (state.view === "facts") {
      for (const [key, value] of Object.entries(state.claims)) if (value) params.set(key, value);
    }
    if (state.view === "query") {
      const name = $("picker").value;
      const query = state.queries.get(name);
      if (name) params.set("name", name);
      for (const [key, value] of Object.entries(paramValues())) params.set(`p.${key}`, value);
      if (!query || getSparql() !== query.sparql) params.set("sparql", getSparql());
      if (state.result) {
        params.set("run", "1");
        if (state.resultPage > 1) params.set("rpage", String(state.resultPage));
        if (state.resultSort) params.set("rsort", `${state.resultSort.desc ? "-" : ""}${state.resultSort.column}`);
      }
    }
    if (state.entity) {
      params.set("entity", state.entity);
      if ($("depth").value !== "1") params.set("depth", $("depth").value);
    }
    return params;
  }

  function pushUrl(replace = false) {
    if (state.restoring) return;
    const search = currentParams().toString();
    const url = search ? `/?${search}` : "/";
    if (url === `${location.pathname}${location.search}`) return;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  async function restore() {
    const params = new URLSearchParams(location.search);
    state.restoring = true;
    try {
      const view = ["facts", "query"].includes(params.get("view")) ? params.get("view") : "home";
      showView(view);
      if (view === "facts") {
        state.claims = {};
        for (const key of ["relation", "status", "class", "platform", "article", "q", "sort", "page", "size", "about"]) {
          if (params.get(key)) state.claims[key] = params.get(key);
        }
        await loadClaims();
      }
      if (view === "query") {
        await state.queriesLoaded;
        const name = params.get("name") || "";
        $("picker").value = state.queries.has(name) ? name : "";
        pickQuery();
        for (const input of $("param-inputs").querySelectorAll("input")) {
          const value = params.get(`p.${input.name}`);
          if (value !== null) input.value = value;
        }
        if (params.has("sparql")) setSparql(params.get("sparql"));
        state.result = null;
        if (params.get("run")) {
          const sort = params.get("rsort");
          state.resultSort = sort ? { column: sort.replace(/^-/, ""), desc: sort.startsWith("-") } : null;
          await runQuery(null, Number(params.get("rpage")) || 1);
        } else {
          clearResults();
        }
      }
      const entity = params.get("entity");
      const depth = ["1", "2", "3"].includes(params.get("depth")) ? params.get("depth") : "1";
      const deeper = depth !== $("depth").value;
      $("depth").value = depth;
      if (entity && (entity !== state.entity || deeper)) await showEntity(entity);
      else if (!entity) closeEntity();
    } finally {
      state.restoring = false;
    }
  }

  function showView(view) {
    state.view = view;
    for (const name of ["home", "facts", "query"]) {
      $(`view-${name}`).hidden = name !== view;
      $(`tab-${name}`).setAttribute("aria-current", name === view ? "page" : "false");
    }
    if (view === "query" && state.cm) state.cm.refresh(); // CodeMirror measures itself only when shown
  }

  async function openView(view) {
    showView(view);
    if (view === "facts") await loadClaims();
    pushUrl();
  }

  // -- search ---------------------------------------------------------------------------------

  let searchTimer = null;
  let searchSeq = 0;

  function onSearchInput() {
    clearTimeout(searchTimer);
    const text = $("search").value.trim();
    if (!text) {
      hideSuggestions();
      return;
    }
    searchTimer = setTimeout(() => suggest(text), 120);
  }

  async function suggest(text) {
    const seq = ++searchSeq;
    try {
      const data = await api(`/api/search?q=${encodeURIComponent(text)}&limit=10`);
      if (seq !== searchSeq) return;
      renderSuggestions(data.results, text);
    } catch (error) {
      renderSuggestions([], text, error.message);
    }
  }

  function markText(text, needle) {
    const at = text.toLowerCase().indexOf(needle.toLowerCase());
    if (!needle || at < 0) return [text];
    return [text.slice(0, at), el("b", {}, text.slice(at, at + needle.length)), text.slice(at + needle.length)];
  }

  function renderSuggestions(results, text, error) {
    state.suggestions = results;
    state.active = results.length ? 0 : -1;
    const list = $("suggestions");
    const items = results.map((result, index) => el("li", {
      id: `suggestion-${index}`, role: "option", class: "suggestion", "aria-selected": index === 0 ? "true" : "false",
      "data-iri": result.iri, onmousedown: (event) => { event.preventDefault(); pickSuggestion(index); },
    }, el("span", { class: "name" }, ...markText(result.label, text)),
    el("span", { class: `kind kind-${result.kind}` }, result.kind),
    result.alias ? el("span", { class: "alias muted" }, "also ", ...markText(result.alias, text)) : null));
    if (!items.length) items.push(el("li", { class: "muted empty" }, error ? `Error: ${error}` : `Nothing named “${text}”`));
    list.replaceChildren(...items);
    list.hidden = false;
    $("search").setAttribute("aria-expanded", "true");
    $("search").setAttribute("aria-activedescendant", state.active >= 0 ? `suggestion-${state.active}` : "");
  }

  function hideSuggestions() {
    $("suggestions").hidden = true;
    $("search").setAttribute("aria-expanded", "false");
    state.suggestions = [];
    state.active = -1;
  }

  function moveActive(step) {
    if (!state.suggestions.length) return;
    state.active = (state.active + step + state.suggestions.length) % state.suggestions.length;
    $("suggestions").querySelectorAll("li.suggestion").forEach((item, index) => {
      item.setAttribute("aria-selected", index === state.active ? "true" : "false");
    });
    $("search").setAttribute("aria-activedescendant", `suggestion-${state.active}`);
  }

  function pickSuggestion(index) {
    const result = state.suggestions[index];
    if (!result) return;
    $("search").value = result.label;
    hideSuggestions();
    showEntity(result.iri);
  }

  function onSearchKey(event) {
    if (event.key === "ArrowDown") { event.preventDefault(); moveActive(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); moveActive(-1); }
    else if (event.key === "Escape") hideSuggestions();
    else if (event.key === "Enter") {
      event.preventDefault();
      if (state.active >= 0) pickSuggestion(state.active);
      else if ($("search").value.trim()) suggest($("search").value.trim());
    }
  }

  // -- the overview ---------------------------------------------------------------------------

  async function loadOverview() {
    try {
      const data = await api("/api/overview");
      const ranked = (items) => items.map((item) => el("li", {}, entityButton(item.iri, item.label),
        el("span", { class: "muted" }, ` ${plural(item.claims, "fact")}`)));
      $("top-shows").replaceChildren(...ranked(data.shows));
      $("top-people").replaceChildren(...ranked(data.people));
      $("articles-heading").textContent = data.articles.some((article) => article.published)
        ? "Latest articles" : "Articles";
      $("latest-articles").replaceChildren(...data.articles.map((article) => el("li", {},
        el("span", { class: "date" }, article.published || "—"), " ",
        el("button", {
          type: "button", class: "iri", title: "Its facts",
          onclick: () => { state.claims = { article: article.article }; openView("facts"); },
        }, article.headline),
        el("span", { class: "muted" }, ` ${article.source ? `${article.source}, ` : ""}${plural(article.claims, "fact")}`))));
      if (!data.shows.length && !data.people.length) {
        $("home-summary").textContent = "The graph is empty: load articles with `showgraph load` (or below, if loading is on).";
      } else {
        $("home-summary").replaceChildren(
          "Search for anyone above, or ",
          el("button", { type: "button", class: "iri", onclick: () => { state.claims = {}; openView("facts"); } },
            `browse all ${plural(data.claims, "fact")}`),
          " by relation, status, platform, article and class.");
      }
    } catch (error) {
      $("home-summary").textContent = `Cannot read the overview: ${error.message}`;
    }
  }

  // -- the facts browser ----------------------------------------------------------------------

  function claimsQuery(extra = {}) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...state.claims, ...extra })) {
      if (value) params.set(key === "about" ? "entity" : key, value); // "entity" in the page's URL is the open panel
    }
    return params;
  }

  async function loadClaims() {
    $("claims-status").textContent = "Loading…";
    $("claims-text").value = state.claims.q || "";
    const download = claimsQuery({ page: "" });
    download.set("format", "csv");
    $("download-csv").href = `/api/claims?${download}`;
    download.set("format", "json");
    $("download-json").href = `/api/claims?${download}`;
    try {
      const data = await api(`/api/claims?${claimsQuery()}`);
      renderClaims(data);
    } catch (error) {
      $("claims-status").textContent = `Error: ${error.message}`;
    }
  }

  function setClaims(changes) {
    state.claims = { ...state.claims, ...changes };
    if (!("page" in changes)) delete state.claims.page;
    for (const key of Object.keys(state.claims)) if (!state.claims[key]) delete state.claims[key];
    loadClaims();
    pushUrl();
  }

  function renderClaims(data) {
    const start = (data.page - 1) * data.size;
    $("claims-status").textContent = data.total
      ? `${start + 1}–${start + data.rows.length} of ${plural(data.total, "fact")}`
      : "No facts match";
    const sort = data.sort.replace(/^-/, "");
    const desc = data.sort.startsWith("-");
    $("claims").tHead.replaceChildren(el("tr", {}, ...CLAIM_COLUMNS.map(([key, title]) => el("th", {
      scope: "col", "aria-sort": key === sort ? (desc ? "descending" : "ascending") : "none",
    }, el("button", {
      type: "button", class: "sort", "data-sort": key,
      onclick: () => setClaims({ sort: key === sort && !desc ? `-${key}` : key }),
    }, title, el("span", { class: "arrow", "aria-hidden": "true" }, key === sort ? (desc ? " ▼" : " ▲") : ""))))));
    const body = document.createDocumentFragment();
    for (const row of data.rows) {
      const object = row.object ? entityButton(row.object, row.objectLabel) : (row.value ?? "");
      body.append(el("tr", { title: row.evidence ? `“${row.evidence}”` : undefined },
        el("td", {}, entityButton(row.subject, row.subjectLabel)),
        el("td", {}, el("button", {
          type: "button", class: "facet-link", title: "Only this relation",
          onclick: () => setClaims({ relation: row.relation }),
        }, row.relation.replaceAll("_", " "))),
        el("td", {}, object),
        el("td", {}, el("span", { class: `status status-${row.status}` }, row.status)),
        el("td", {}, articleLink(row.url, row.headline, row.evidence, row.article),
          row.published ? el("span", { class: "muted" }, ` ${row.published}`) : null),
      ));
    }
    $("claims").tBodies[0].replaceChildren(body);
    renderFacets(data.facets);
    renderChips();
    renderPager($("claims-pager"), data.page, data.pages, (page) => setClaims({ page: page > 1 ? String(page) : "" }));
  }

  function renderFacets(facets) {
    const groups = [];
    for (const [facet, title] of FACETS) {
      const info = facets[facet];
      if (!info || !info.values.length) continue;
      const items = info.values.map((value) => el("li", {}, el("button", {
        type: "button", class: `facet${value.selected ? " selected" : ""}`, "data-facet": facet,
        "data-value": value.value, "aria-pressed": value.selected ? "true" : "false",
        title: value.selected ? "Remove this filter" : `Only ${value.label}`,
        onclick: () => setClaims({ [facet]: value.selected ? "" : value.value }),
      }, el("span", { class: "facet-label" }, value.label), el("span", { class: "count" }, value.count.toLocaleString("en")))));
      const more = info.distinct > info.values.length ? el("p", { class: "muted more" }, `${info.distinct} in all`) : null;
      groups.push(el("section", { class: "facet-group" }, el("h3", {}, title), el("ul", {}, ...items), more));
    }
    $("facets").replaceChildren(...groups);
  }

  function renderChips() {
    const chips = [];
    for (const [key, title] of [...FACETS, ["about", "About"], ["q", "Text"]]) {
      const value = state.claims[key];
      if (!value) continue;
      const shown = key === "about" ? ($("entity-label").textContent || compact(value))
        : key === "article" || key === "platform"
        ? ($(`facets`).querySelector(`button[data-facet="${key}"][data-value="${CSS.escape(value)}"] .facet-label`)?.textContent
          || compact(value))
        : value.replaceAll("_", " ");
      chips.push(el("button", {
        type: "button", class: "chip", title: "Remove this filter", onclick: () => setClaims({ [key]: "" }),
      }, `${title}: ${shown} ×`));
    }
    $("chosen").replaceChildren(...chips);
  }

  function renderPager(nav, page, pages, go) {
    if (pages <= 1) {
      nav.replaceChildren();
      return;
    }
    nav.replaceChildren(
      el("button", { type: "button", class: "small", "data-page": "first", disabled: page <= 1, onclick: () => go(1) }, "« First"),
      el("button", { type: "button", class: "small", "data-page": "prev", disabled: page <= 1, onclick: () => go(page - 1) }, "‹ Previous"),
      el("span", { class: "page-of" }, `Page ${page} of ${pages}`),
      el("button", { type: "button", class: "small", "data-page": "next", disabled: page >= pages, onclick: () => go(page + 1) }, "Next ›"),
      el("button", { type: "button", class: "small", "data-page": "last", disabled: page >= pages, onclick: () => go(pages) }, "Last »"),
    );
  }

  // -- named queries and SPARQL ---------------------------------------------------------------

  async function loadQueries() {
    const data = await api("/api/queries");
    const picker = $("picker");
    for (const query of data.queries) {
      state.queries.set(query.name, query);
      picker.append(el("option", { value: query.name }, `${query.title} (${query.name})`));
    }
    if (data.queries.length && !new URLSearchParams(location.search).has("view")) {
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
    if (!query) {
      highlightEditor();
      return;
    }
    setSparql(query.sparql);
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

  function clearResults() {
    $("results").hidden = true;
    $("graph-result").hidden = true;
    $("results-pager").replaceChildren();
    $("results-csv").hidden = true;
    $("results-json").hidden = true;
    $("status").textContent = "";
  }

  async function runQuery(event, page = 1, fresh = false) {
    if (event) event.preventDefault();
    const name = $("picker").value;
    const query = state.queries.get(name);
    const text = getSparql();
    const body = {};
    if (query) {
      body.name = name;
      body.params = paramValues();
      if (text !== query.sparql) body.query = text; // edited: run the text, parameters bound the same way
    } else {
      body.query = text;
    }
    if (event || fresh) state.resultSort = null;
    $("status").textContent = "Running…";
    $("run").disabled = true;
    const started = performance.now();
    try {
      const data = await api("/api/query", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      state.result = data;
      state.resultPage = page;
      state.elapsed = performance.now() - started;
      renderResults();
      pushUrl();
    } catch (error) {
      state.result = null;
      clearResults();
      // A parser's list of expected tokens can run to hundreds of characters: the start says enough.
      const message = error.message.length > 240 ? `${error.message.slice(0, 240)}…` : error.message;
      $("status").textContent = `Error: ${message}`;
      $("status").title = error.message;
      showErrorPosition(error.message);
    } finally {
      $("run").disabled = false;
    }
  }

  function showErrorPosition(message) {
    const match = /line (\d+),? column (\d+)/i.exec(message) || /(\d+):(\d+)/.exec(message);
    if (!match) return;
    const [line, column] = [Number(match[1]), Number(match[2])];
    if (state.cm) {
      const cm = state.cm;
      if (line < 1 || line > cm.lineCount()) return;
      clearErrorMark();
      const ch = Math.max(0, Math.min(column - 1, cm.getLine(line - 1).length));
      const end = ch < cm.getLine(line - 1).length ? ch + 1 : ch;
      state.errorLine = line - 1;
      cm.addLineClass(line - 1, "background", "cm-error-line");
      state.errorMark = end > ch
        ? cm.markText({ line: line - 1, ch }, { line: line - 1, ch: end }, { className: "tok-error" })
        : cm.setBookmark({ line: line - 1, ch }, { widget: el("span", { class: "tok-error", title: "The error is here" }, " ") });
      cm.setCursor({ line: line - 1, ch });
      return;
    }
    const lines = $("editor").value.split("\n");
    if (line < 1 || line > lines.length) return;
    let offset = 0;
    for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
    offset += Math.max(0, Math.min(column - 1, lines[line - 1].length));
    highlightEditor(offset);
  }

  function cellText(term, labels) {
    if (!term) return "";
    if (term.type === "uri") return labels[term.value] || compact(term.value);
    return term.value;
  }

  function renderCell(term, labels) {
    if (!term) return el("td");
    if (term.type === "uri") return el("td", {}, entityButton(term.value, labels[term.value]));
    if (term.type === "bnode") return el("td", {}, `_:${term.value}`);
    const title = term["xml:lang"] ? `@${term["xml:lang"]}` : term.datatype ? compact(term.datatype) : undefined;
    return el("td", { title }, term.value);
  }

  function sortedRows() {
    const data = state.result;
    const rows = data.results.bindings.slice();
    const sort = state.resultSort;
    if (sort && data.head.vars.includes(sort.column)) {
      const labels = data.labels || {};
      const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
      rows.sort((a, b) => collator.compare(cellText(a[sort.column], labels), cellText(b[sort.column], labels)));
      if (sort.desc) rows.reverse();
    }
    return rows;
  }

  function renderResults() {
    const data = state.result;
    const table = $("results");
    const graphResult = $("graph-result");
    clearResults();
    const ms = `${Math.round(state.elapsed || 0)} ms`;
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
    const rows = sortedRows();
    const labels = data.labels || {};
    const pages = Math.max(1, Math.ceil(rows.length / RESULT_PAGE));
    const page = Math.min(state.resultPage, pages);
    state.resultPage = page;
    const sort = state.resultSort;
    table.tHead.replaceChildren(el("tr", {}, ...vars.map((v) => el("th", {
      scope: "col", "aria-sort": sort && sort.column === v ? (sort.desc ? "descending" : "ascending") : "none",
    }, el("button", {
      type: "button", class: "sort", "data-sort": v,
      onclick: () => {
        state.resultSort = { column: v, desc: Boolean(sort && sort.column === v && !sort.desc) };
        state.resultPage = 1;
        renderResults();
        pushUrl();
      },
    }, v, el("span", { class: "arrow", "aria-hidden": "true" },
      sort && sort.column === v ? (sort.desc ? " ▼" : " ▲") : ""))))));
    const body = document.createDocumentFragment();
    for (const row of rows.slice((page - 1) * RESULT_PAGE, page * RESULT_PAGE)) {
      body.append(el("tr", {}, ...vars.map((v) => renderCell(row[v], labels))));
    }
    table.tBodies[0].replaceChildren(body);
    table.hidden = false;
    const shown = rows.length > RESULT_PAGE
      ? `, ${(page - 1) * RESULT_PAGE + 1}–${Math.min(page * RESULT_PAGE, rows.length)} shown` : "";
    $("status").textContent = `${rows.length} row${rows.length === 1 ? "" : "s"}${shown} (${ms})`;
    $("results-csv").hidden = false;
    $("results-json").hidden = false;
    renderPager($("results-pager"), page, pages, (next) => { state.resultPage = next; renderResults(); pushUrl(); });
  }

  function csvField(value) {
    return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  }

  function downloadResults(format) {
    const data = state.result;
    if (!data || data.kind !== "select") return;
    const name = `showgraph-${$("picker").value || "query"}`;
    if (format === "json") {
      const body = { head: data.head, results: { bindings: sortedRows() } };
      save(new Blob([JSON.stringify(body, null, 2)], { type: "application/sparql-results+json" }), `${name}.json`);
      return;
    }
    const lines = [data.head.vars.map(csvField).join(",")];
    for (const row of sortedRows()) lines.push(data.head.vars.map((v) => csvField(row[v] ? row[v].value : "")).join(","));
    save(new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }), `${name}.csv`);
  }

  // The SPARQL editor: CodeMirror 5 (vendored in /static, MIT) when it loaded, else the plain textarea
  // with the light highlighter below. The textarea always holds the text (CodeMirror saves into it).
  function getSparql() {
    return state.cm ? state.cm.getValue() : $("editor").value;
  }

  function setSparql(text) {
    if (state.cm) {
      state.cm.setValue(text);
      state.cm.save();
    } else {
      $("editor").value = text;
    }
    highlightEditor();
  }

  function prefixHints(cm) {
    const cursor = cm.getCursor();
    const line = cm.getLine(cursor.line);
    let start = cursor.ch;
    while (start > 0 && /[\w-]/.test(line[start - 1])) start--;
    const word = line.slice(start, cursor.ch).toLowerCase();
    const declaring = /PREFIX\s+$/i.test(line.slice(0, start));
    const list = Object.entries(KNOWN_PREFIXES)
      .filter(([name]) => name.startsWith(word))
      .map(([name, iri]) => ({
        text: declaring ? `${name}: <${iri}>` : `${name}:`,
        displayText: `${name}: ${iri}`,
      }));
    return { list, from: window.CodeMirror.Pos(cursor.line, start), to: window.CodeMirror.Pos(cursor.line, cursor.ch) };
  }

  function setUpEditor() {
    if (typeof window.CodeMirror !== "function") return;
    const run = () => runQuery(null, 1, true);
    state.cm = window.CodeMirror.fromTextArea($("editor"), {
      mode: "application/sparql-query", lineNumbers: true, indentUnit: 2, viewportMargin: Infinity,
      extraKeys: {
        "Ctrl-Enter": run, "Cmd-Enter": run,
        "Ctrl-Space": (cm) => cm.showHint({ hint: prefixHints, completeSingle: false }),
      },
    });
    state.cm.on("change", (cm) => {
      cm.save();
      clearErrorMark();
    });
    $("editor-highlight").hidden = true;
    $("query-form").classList.add("with-codemirror");
  }

  function clearErrorMark() {
    if (state.errorMark) state.errorMark.clear();
    if (state.errorLine !== undefined && state.cm) state.cm.removeLineClass(state.errorLine, "background", "cm-error-line");
    state.errorMark = null;
    state.errorLine = undefined;
  }

  // A light SPARQL highlighter: the textarea's text is drawn again, coloured, in a <pre> behind it.
  const TOKENS = new RegExp([
    String.raw`(?<comment>#[^\n]*)`,
    String.raw`(?<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')`,
    String.raw`(?<iri><[^<>"{}|^\x60\\\s]*>)`,
    String.raw`(?<variable>[?$][A-Za-z0-9_]+)`,
    String.raw`(?<keyword>\b(?:SELECT|DISTINCT|REDUCED|WHERE|PREFIX|BASE|OPTIONAL|FILTER|UNION|MINUS|GRAPH|SERVICE|BIND|VALUES|AS|ORDER|BY|GROUP|HAVING|LIMIT|OFFSET|ASC|DESC|CONSTRUCT|DESCRIBE|ASK|FROM|NAMED|NOT|EXISTS|IN|a)\b)`,
    String.raw`(?<prefixed>\b[A-Za-z][\w-]*:[\w\-.]*)`,
    String.raw`(?<number>\b\d+(?:\.\d+)?\b)`,
  ].join("|"), "gi");

  function highlightEditor(errorAt = -1) {
    if (state.cm) return;
    const text = $("editor").value;
    const out = document.createDocumentFragment();
    let last = 0;
    const push = (chunk, start) => {
      if (errorAt >= start && errorAt < start + chunk.length) {
        const at = errorAt - start;
        out.append(chunk.slice(0, at), el("span", { class: "tok-error", title: "The error is here" }, chunk[at] === "\n" ? " \n" : chunk[at]),
          chunk.slice(at + 1));
      } else {
        out.append(chunk);
      }
    };
    for (const match of text.matchAll(TOKENS)) {
      if (match.index > last) push(text.slice(last, match.index), last);
      const kind = Object.entries(match.groups).find(([, value]) => value !== undefined)[0];
      if (errorAt >= match.index && errorAt < match.index + match[0].length) {
        push(match[0], match.index);
      } else {
        out.append(el("span", { class: `tok-${kind}` }, match[0]));
      }
      last = match.index + match[0].length;
    }
    if (last < text.length) push(text.slice(last), last);
    if (errorAt >= text.length) out.append(el("span", { class: "tok-error", title: "The error is here" }, " "));
    out.append("\n");
    $("editor-highlight").replaceChildren(out);
    syncScroll();
  }

  function addPrefixes() {
    const text = getSparql();
    const declared = new Set([...text.matchAll(/PREFIX\s+([A-Za-z][\w-]*)?:/gi)].map((m) => m[1] || ""));
    const body = text.replace(/#[^\n]*/g, "").replace(/<[^>\s]*>/g, "").replace(/"(?:[^"\\]|\\.)*"/g, "");
    const used = new Set([...body.matchAll(/(?:^|[\s(,;/^|!])([A-Za-z][\w-]*):(?!\/)/g)].map((m) => m[1]));
    const missing = [...used].filter((name) => !declared.has(name) && KNOWN_PREFIXES[name]).sort();
    if (!missing.length) {
      $("status").textContent = "Every prefix the query uses is declared.";
      return;
    }
    setSparql(missing.map((name) => `PREFIX ${name}: <${KNOWN_PREFIXES[name]}>\n`).join("") + text);
    $("status").textContent = `Declared ${missing.map((name) => `${name}:`).join(", ")}`;
  }

  function syncScroll() {
    $("editor-highlight").scrollTop = $("editor").scrollTop;
    $("editor-highlight").scrollLeft = $("editor").scrollLeft;
  }

  // -- an entity: graph, timeline and facts ----------------------------------------------------

  function closeEntity() {
    state.entity = null;
    $("entity").hidden = true;
    $("main").classList.remove("with-entity");
    if (state.cy) state.cy.destroy();
    state.cy = null;
  }

  async function showEntity(iri) {
    const changed = iri !== state.entity;
    state.entity = iri;
    const section = $("entity");
    section.hidden = false;
    $("main").classList.add("with-entity");
    $("entity-label").textContent = compact(iri);
    $("entity-kind").textContent = "";
    $("entity-iri").textContent = iri;
    $("facts-status").textContent = "Loading…";
    $("facts").tBodies[0].replaceChildren();
    $("timeline-section").hidden = true;
    $("entity-heading").focus();
    if (changed) pushUrl();
    try {
      const data = await api(`/api/entity?iri=${encodeURIComponent(iri)}&depth=${$("depth").value}`);
      if (state.entity !== iri) return;
      $("entity-label").textContent = data.label;
      $("entity-kind").textContent = data.kind || "";
      $("entity-kind").className = `kind kind-${data.kind || "none"}`;
      document.title = `${data.label} · showgraph`;
      $("graph").setAttribute("aria-label", `Neighbourhood graph of ${data.label}`);
      drawGraph(data.graph, iri);
      renderFacts(data.facts, iri);
      if (data.kind === "Show") loadTimeline(iri, data.label);
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

  function fileName(suffix) {
    const label = ($("entity-label").textContent || "showgraph").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return `${label || "showgraph"}-${suffix}`;
  }

  function graphSvg() {
    // The drawn graph as SVG: node positions from the layout, colours and line styles from the data.
    const cy = state.cy;
    const box = cy.elements().boundingBox({ includeLabels: true });
    const pad = 20;
    const root = svg("svg", {
      xmlns: SVG_NS, width: Math.ceil(box.w + 2 * pad), height: Math.ceil(box.h + 2 * pad),
      viewBox: `${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`,
      "font-family": "system-ui, sans-serif",
    });
    root.append(svg("rect", { x: box.x1 - pad, y: box.y1 - pad, width: box.w + 2 * pad, height: box.h + 2 * pad, fill: "#ffffff" }));
    const dashes = { dashed: "6 4", dotted: "2 3" };
    for (const edge of cy.edges()) {
      const a = edge.source().position();
      const b = edge.target().position();
      const colour = edge.data("colour") || "#666";
      root.append(svg("line", {
        x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour, "stroke-width": 1.6,
        "stroke-dasharray": dashes[edge.data("line")], "marker-end": "url(#arrow)",
      }));
      root.append(svg("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 3, "font-size": 8, fill: "#333",
        "text-anchor": "middle" }, edge.data("label") || ""));
    }
    root.prepend(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 19, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#666" }))));
    for (const node of cy.nodes()) {
      const p = node.position();
      const focus = node.hasClass("focus");
      root.append(svg("circle", { cx: p.x, cy: p.y, r: focus ? 15 : 9, fill: node.data("colour") || "#999",
        stroke: focus ? "#111" : "none", "stroke-width": focus ? 3 : 0 }));
      root.append(svg("text", { x: p.x, y: p.y + (focus ? 27 : 21), "font-size": 10, fill: "#222",
        "text-anchor": "middle" }, node.data("label") || ""));
    }
    return root;
  }

  function svgBlob(root) {
    return new Blob([new XMLSerializer().serializeToString(root)], { type: "image/svg+xml" });
  }

  function svgToPng(root, name) {
    const image = new Image();
    const url = URL.createObjectURL(svgBlob(root));
    image.onload = () => {
      const scale = 2;
      const canvas = el("canvas", { width: image.width * scale, height: image.height * scale });
      const context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => save(blob, name), "image/png");
    };
    image.src = url;
  }

  // -- the timeline of a show -----------------------------------------------------------------

  async function loadTimeline(iri, label) {
    try {
      const data = await api(`/api/timeline?iri=${encodeURIComponent(iri)}`);
      if (state.entity !== iri) return;
      state.timeline = data.events;
      $("timeline-section").hidden = false;
      $("timeline-heading").textContent = `Timeline of ${label}`;
      drawTimeline(data.events);
    } catch (error) {
      $("timeline-section").hidden = false;
      $("timeline-note").textContent = `Error: ${error.message}`;
    }
  }

  function dateValue(text) {
    const [year, month = 7, day = 1] = text.split("-").map(Number);
    return Date.UTC(year, (month || 7) - 1, day || 1);
  }

  function drawTimeline(events) {
    const holder = $("timeline");
    if (!events.length) {
      holder.replaceChildren();
      $("timeline-note").textContent = "No dated facts about this show yet.";
      return;
    }
    const lanes = LANES.filter((lane) => events.some((event) => event.kind === lane));
    const width = 640;
    const left = 82;
    const right = 24;
    const laneHeight = 44;
    const top = 16;
    const height = top + lanes.length * laneHeight + 34;
    const times = events.map((event) => dateValue(event.date));
    let min = Math.min(...times);
    let max = Math.max(...times);
    const month = 30 * 864e5;
    if (max - min < 6 * month) { min -= 3 * month; max += 3 * month; }
    const x = (t) => left + ((t - min) / (max - min)) * (width - left - right);
    const root = svg("svg", {
      xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif",
      "font-size": 11, id: "timeline-svg",
    });
    root.append(svg("rect", { x: 0, y: 0, width, height, fill: "#ffffff" }));
    lanes.forEach((lane, index) => {
      const y = top + index * laneHeight + laneHeight / 2;
      root.append(svg("line", { x1: left, y1: y, x2: width - right, y2: y, stroke: "#e3e6ea" }));
      root.append(svg("text", { x: 6, y: y + 4, fill: KIND_COLOURS[lane], "font-weight": 600 }, lane));
    });
    const axisY = top + lanes.length * laneHeight + 4;
    root.append(svg("line", { x1: left, y1: axisY, x2: width - right, y2: axisY, stroke: "#5f6368" }));
    const startYear = new Date(min).getUTCFullYear();
    const endYear = new Date(max).getUTCFullYear();
    const yearStep = Math.max(1, Math.ceil((endYear - startYear + 1) / 8));
    for (let year = startYear; year <= endYear + 1; year += yearStep) {
      const t = Date.UTC(year, 0, 1);
      if (t < min || t > max) continue;
      root.append(svg("line", { x1: x(t), y1: axisY, x2: x(t), y2: axisY + 5, stroke: "#5f6368" }));
      root.append(svg("text", { x: x(t), y: axisY + 18, "text-anchor": "middle", fill: "#333" }, String(year)));
    }
    const ends = [new Date(min), new Date(max)].map((d) => d.toISOString().slice(0, 7));
    if (endYear === startYear || yearStep > 1) {
      root.append(svg("text", { x: left, y: axisY + 30, fill: "#5f6368", "font-size": 10 }, ends[0]));
      root.append(svg("text", { x: width - right, y: axisY + 30, fill: "#5f6368", "font-size": 10, "text-anchor": "end" }, ends[1]));
    }
    const used = new Map();
    for (const event of events) {
      const lane = lanes.indexOf(event.kind);
      const cx = x(dateValue(event.date));
      const key = `${lane}:${Math.round(cx / 6)}`;
      const stack = used.get(key) || 0;
      used.set(key, stack + 1);
      const y = top + lane * laneHeight + laneHeight / 2;
      const colour = KIND_COLOURS[event.kind] || KIND_COLOURS.other;
      const sure = ["confirmed", "admitted", "scheduled", "reported"].includes(event.status);
      const group = svg("g", { class: "event", "data-kind": event.kind, "data-claim": event.claim, tabindex: 0,
        role: "button", "aria-label": `${event.date}: ${event.text} (${event.relation.replaceAll("_", " ")}, ${event.status})` });
      const open = () => showFact(event.claim);
      group.addEventListener("click", open);
      group.addEventListener("keydown", (key) => { if (key.key === "Enter" || key.key === " ") open(); });
      group.append(svg("title", {}, `${event.date} · ${event.relation.replaceAll("_", " ")}: ${event.text} (${event.status})` +
        `${event.datedBy === "article" ? " · dated by the article" : ""}\n${event.headline}`));
      group.append(svg("circle", { cx, cy: y, r: 6, fill: sure ? colour : "#ffffff", stroke: colour, "stroke-width": 2,
        "stroke-dasharray": sure ? null : "2 2" }));
      const label = event.text.length > 22 ? `${event.text.slice(0, 21)}…` : event.text;
      group.append(svg("text", { x: cx + 9, y: y - 8 + (stack % 3) * 12, fill: "#222", "font-size": 10 }, label));
      root.append(group);
    }
    holder.replaceChildren(root);
    $("timeline-note").textContent = `${plural(events.length, "event")}; hollow marks are alleged, rumored, ` +
      "speculative or denied; undated facts are placed at their article's date. Click a mark for its fact.";
  }

  // -- facts with their evidence ---------------------------------------------------------------

  function partyNode(iri, label) {
    return iri ? entityButton(iri, label) : document.createTextNode(label || "");
  }

  // Where each name and cue occurs in the sentence (any case), longest first, no overlaps.
  function spans(sentence, fact) {
    const found = [];
    const lower = sentence.toLowerCase();
    const tagOf = (name) => {
      if (name === fact.subjectLabel) return "subject";
      if (name === fact.objectLabel || name === fact.value) return "object";
      return "name";
    };
    const terms = [
      ...(fact.names || []).map((name) => [name, tagOf(name), "span"]),
      ...(fact.cues || []).map((cue) => [cue, fact.statusName || "cue", "cue"]),
    ];
    if (!fact.names) {
      for (const name of [fact.subjectLabel, fact.objectLabel, fact.value]) if (name) terms.push([name, tagOf(name), "span"]);
    }
    terms.sort((a, b) => b[0].length - a[0].length);
    for (const [term, tag, kind] of terms) {
      if (!term || term.length < 2) continue;
      let at = lower.indexOf(term.toLowerCase());
      while (at >= 0) {
        const end = at + term.length;
        if (!found.some((s) => at < s.end && end > s.start)) found.push({ start: at, end, tag, kind });
        at = lower.indexOf(term.toLowerCase(), end);
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  function evidenceNode(fact) {
    const sentence = fact.evidence || "";
    const parts = [];
    let last = 0;
    for (const span of spans(sentence, fact)) {
      parts.push(sentence.slice(last, span.start));
      // The tag is drawn by CSS from data-tag, so the sentence's text stays exactly the article's.
      parts.push(el("mark", {
        class: `ent ent-${span.kind} ent-${span.tag}`, "data-tag": span.kind === "cue" ? `cue · ${span.tag}` : span.tag,
      }, sentence.slice(span.start, span.end)));
      last = span.end;
    }
    parts.push(sentence.slice(last));
    return el("q", {}, ...parts);
  }

  // A link to the article that scrolls to the sentence (a text fragment, #:~:text=…).
  function articleLink(url, headline, sentence, article) {
    const title = headline || compact(article || "");
    if (!url || !/^https?:\/\//.test(url)) return el("span", { title: article }, title);
    let href = url.split("#")[0];
    const words = (sentence || "").trim().split(/\s+/).filter(Boolean);
    if (words.length) {
      const encode = (text) => encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
      const fragment = words.length > 10
        ? `${encode(words.slice(0, 4).join(" "))},${encode(words.slice(-4).join(" "))}`
        : encode(words.join(" "));
      href += `#:~:text=${fragment}`;
    }
    return el("a", { href, rel: "noopener noreferrer", target: "_blank", title: "Open the article at this sentence" }, title);
  }

  // From a mark on the timeline to its fact below: scrolled to and lit for a moment.
  function showFact(claim) {
    const row = [...$("facts").tBodies[0].rows].find((tr) => tr.dataset.claim === claim);
    if (!row) return;
    for (const lit of $("facts").querySelectorAll("tr.lit")) lit.classList.remove("lit");
    row.classList.add("lit");
    row.scrollIntoView({ block: "center", behavior: "smooth" });
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
      const evidence = el("td", { class: "evidence" }, fact.evidence ? evidenceNode(fact) : "");
      const article = el("td", {}, articleLink(fact.url, fact.headline, fact.evidence, fact.article),
        fact.published ? el("span", { class: "muted" }, ` ${fact.published}`) : "");
      body.append(el("tr", { "data-claim": fact.claim }, claim, status, evidence, article));
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
      loadOverview();
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
    for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => openView(tab.dataset.view));
    $("home-link").addEventListener("click", (event) => { event.preventDefault(); closeEntity(); openView("home"); });
    $("search").addEventListener("input", onSearchInput);
    $("search").addEventListener("keydown", onSearchKey);
    $("search").addEventListener("blur", () => setTimeout(hideSuggestions, 150));
    $("claims-text").addEventListener("change", () => setClaims({ q: $("claims-text").value.trim() }));
    $("picker").addEventListener("change", () => { pickQuery(); pushUrl(true); });
    $("query-form").addEventListener("submit", runQuery);
    $("editor").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runQuery(event);
    });
    $("editor").addEventListener("input", () => highlightEditor());
    $("editor").addEventListener("scroll", syncScroll);
    $("add-prefixes").addEventListener("click", addPrefixes);
    $("results-csv").addEventListener("click", () => downloadResults("csv"));
    $("results-json").addEventListener("click", () => downloadResults("json"));
    $("load-form").addEventListener("submit", loadArticle);
    $("depth").addEventListener("change", () => {
      if (!state.entity) return;
      showEntity(state.entity);
      pushUrl();
    });
    $("entity-close").addEventListener("click", () => { closeEntity(); pushUrl(); });
    $("entity-facts-link").addEventListener("click", () => {
      state.claims = { about: state.entity };
      openView("facts");
    });
    $("graph-png").addEventListener("click", () => {
      if (state.cy) save(state.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }), fileName("graph.png"));
    });
    $("graph-svg").addEventListener("click", () => { if (state.cy) save(svgBlob(graphSvg()), fileName("graph.svg")); });
    $("timeline-svg").addEventListener("click", () => {
      const root = $("timeline").querySelector("svg");
      if (root) save(svgBlob(root), fileName("timeline.svg"));
    });
    $("timeline-png").addEventListener("click", () => {
      const root = $("timeline").querySelector("svg");
      if (root) svgToPng(root, fileName("timeline.png"));
    });
    window.addEventListener("popstate", () => { restore(); });
    setUpEditor();
    refreshCounts();
    loadOverview();
    state.queriesLoaded = loadQueries().catch((error) => {
      $("status").textContent = `Cannot list the named queries: ${error.message}`;
    });
    restore();
  });
})();
