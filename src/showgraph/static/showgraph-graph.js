/* showgraph network drawing on Cytoscape.js (vendored beside this file, MIT; see cytoscape.LICENSE).
 *
 * Input: the JSON of showgraph.network.to_cytoscape(graph): {nodes: [{data}], edges: [{data}], legend}.
 * Node data: id (IRI), label, kind, colour, alt_labels, literal facts by relation name.
 * Edge data: id, source, target, label, relation, status, line (solid|dashed|dotted), colour, article,
 * article_title, article_url, evidence, show_label, season.
 *
 *   var cy = ShowgraphGraph.draw(containerElement, data, {focus: [iri], onSelect: fn});
 *   ShowgraphGraph.renderLegend(legendElement, data.legend);
 *   ShowgraphGraph.renderDetails(detailsElement, element.data(), 'node' | 'edge');
 *   ShowgraphGraph.renderFilters(filtersElement, cy);   // a check box per relation and per status
 *   ShowgraphGraph.bindSearch(inputElement, noteElement, cy, onFound);  // find a node by label or alias
 *
 * Everything is built with DOM calls and textContent: data never becomes markup.
 */
(function (global) {
  'use strict';

  var NODE_INTERNAL = { id: 1, label: 1, kind: 1, colour: 1, iri: 1, alt_labels: 1 };
  var EDGE_SHOWN = [
    ['status', 'Status'], ['show_label', 'Show'], ['season', 'Season'], ['article_title', 'Article'],
    ['claim', 'Claim'], ['rule', 'Rule']
  ];

  function style(options) {
    var edgeLabels = !options || options.edgeLabels !== false;
    return [
      { selector: 'node', style: {
        'background-color': 'data(colour)', 'label': 'data(label)', 'font-size': 11, 'color': '#222',
        'text-valign': 'bottom', 'text-margin-y': 4, 'width': 22, 'height': 22,
        'text-outline-color': '#fff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#555' } },
      { selector: 'node[kind = "Show"], node[kind = "Work"]', style: { 'shape': 'round-rectangle', 'width': 34 } },
      { selector: 'node[kind = "Platform"], node[kind = "Organization"]', style: { 'shape': 'diamond', 'width': 26, 'height': 26 } },
      { selector: 'node[kind = "Character"]', style: { 'width': 16, 'height': 16 } },
      { selector: 'node.sg-focus', style: { 'border-width': 4, 'border-color': '#111', 'font-weight': 'bold' } },
      { selector: 'edge', style: {
        'curve-style': 'bezier', 'width': 1.6, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'label': edgeLabels ? 'data(label)' : '', 'font-size': 9, 'color': '#444', 'text-rotation': 'autorotate',
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
      { selector: 'edge[line = "dashed"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[line = "dotted"]', style: { 'line-style': 'dotted', 'width': 2 } },
      { selector: 'edge.sg-hover, edge:selected', style: { 'label': 'data(label)', 'width': 3 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
      { selector: '.sg-faded', style: { 'opacity': 0.15 } },
      { selector: 'node.sg-match', style: { 'border-width': 4, 'border-color': '#e8710a', 'font-weight': 'bold' } },
      { selector: '.sg-hidden', style: { 'display': 'none' } }
    ];
  }

  function draw(container, data, options) {
    options = options || {};
    var edges = (data.edges || []);
    var cy = global.cytoscape({
      container: container,
      elements: { nodes: data.nodes || [], edges: edges },
      style: style({ edgeLabels: options.edgeLabels !== undefined ? options.edgeLabels : edges.length <= 150 }),
      layout: layoutFor((data.nodes || []).length),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4
    });
    (options.focus || []).forEach(function (id) {
      var node = cy.getElementById(id);
      if (node && node.length) { node.addClass('sg-focus'); }
    });
    cy.on('mouseover', 'edge', function (event) { event.target.addClass('sg-hover'); });
    cy.on('mouseout', 'edge', function (event) { event.target.removeClass('sg-hover'); });
    cy.on('tap', 'node, edge', function (event) {
      var element = event.target;
      cy.elements().removeClass('sg-faded');
      if (element.isNode()) {
        cy.elements().not(element.closedNeighborhood()).addClass('sg-faded');
      }
      if (options.onSelect) { options.onSelect(element.data(), element.isNode() ? 'node' : 'edge', element); }
    });
    cy.on('tap', function (event) {
      if (event.target === cy) {
        cy.elements().removeClass('sg-faded');
        if (options.onSelect) { options.onSelect(null, null, null); }
      }
    });
    return cy;
  }

  function layoutFor(n) {
    if (n <= 1) { return { name: 'grid' }; }
    return { name: 'cose', animate: false, randomize: true, nodeRepulsion: function () { return 400000; },
      idealEdgeLength: function () { return 80; }, nodeOverlap: 20, gravity: 60, numIter: n > 400 ? 600 : 2000,
      componentSpacing: 60, padding: 30 };
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function renderLegend(target, legend) {
    target.textContent = '';
    legend = legend || { kinds: {}, statuses: {} };
    target.appendChild(el('h2', 'Entities'));
    var kinds = el('ul');
    Object.keys(legend.kinds || {}).forEach(function (kind) {
      var item = el('li');
      var swatch = el('span', null, 'sg-swatch sg-swatch-' + kind);  // the node's shape, as drawn
      swatch.style.backgroundColor = legend.kinds[kind];
      item.appendChild(swatch);
      item.appendChild(el('span', kind));
      kinds.appendChild(item);
    });
    target.appendChild(kinds);
    target.appendChild(el('h2', 'Status of the claim'));
    var statuses = el('ul');
    Object.keys(legend.statuses || {}).forEach(function (status) {
      var style = legend.statuses[status];
      var item = el('li');
      var line = el('span', null, 'sg-line');
      line.style.borderTopStyle = style.line;
      line.style.borderTopColor = style.colour;
      item.appendChild(line);
      item.appendChild(el('span', status));
      statuses.appendChild(item);
    });
    target.appendChild(statuses);
  }

  function row(list, name, value) {
    if (value === undefined || value === null || value === '') { return; }
    list.appendChild(el('dt', name));
    list.appendChild(el('dd', value));
  }

  function renderDetails(target, data, kind) {
    target.textContent = '';
    if (!data) {
      target.appendChild(el('p', 'Click a node or an edge to see its facts and where they come from.', 'sg-hint'));
      return;
    }
    var list = el('dl');
    if (kind === 'node') {
      target.appendChild(el('h2', data.label));
      row(list, 'Kind', data.kind);
      row(list, 'Also', data.alt_labels);
      row(list, 'IRI', data.iri || data.id);
      Object.keys(data).sort().forEach(function (key) {
        if (!NODE_INTERNAL[key]) { row(list, key.replace(/_/g, ' '), data[key]); }
      });
      target.appendChild(list);
      return;
    }
    target.appendChild(el('h2', [data.source_label, data.label, data.target_label].join(' ')));
    EDGE_SHOWN.forEach(function (pair) { row(list, pair[1], data[pair[0]]); });
    target.appendChild(list);
    if (data.evidence) { target.appendChild(el('blockquote', data.evidence)); }
    if (data.article_url && /^https?:\/\//.test(data.article_url)) {
      var link = el('a', 'Open the article');
      link.href = data.article_url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      target.appendChild(link);
    }
  }

  function countBy(edges, key) {
    var counts = {};
    edges.forEach(function (edge) {
      var value = edge.data(key);
      if (value) { counts[value] = (counts[value] || 0) + 1; }
    });
    return counts;
  }

  // Hide the edges whose relation or status is unticked, then the nodes left with no edge shown.
  function applyFilters(cy, hidden) {
    cy.batch(function () {
      cy.edges().forEach(function (edge) {
        var off = hidden.relation[edge.data('relation')] || hidden.status[edge.data('status')];
        edge.toggleClass('sg-hidden', Boolean(off));
      });
      cy.nodes().forEach(function (node) {
        var edges = node.connectedEdges();
        node.toggleClass('sg-hidden', edges.length > 0 && edges.filter(function (e) {
          return !e.hasClass('sg-hidden');
        }).length === 0 && !node.hasClass('sg-focus'));
      });
    });
  }

  function renderFilters(target, cy) {
    target.textContent = '';
    var hidden = { relation: {}, status: {} };
    [['relation', 'Relations'], ['status', 'Statuses']].forEach(function (pair) {
      var key = pair[0];
      var counts = countBy(cy.edges(), key);
      var names = Object.keys(counts).sort();
      if (!names.length) { return; }
      target.appendChild(el('h2', pair[1]));
      var list = el('ul');
      names.forEach(function (name) {
        var item = el('li');
        var label = el('label');
        var box = el('input');
        box.type = 'checkbox';
        box.checked = true;
        box.setAttribute('data-' + key, name);
        box.addEventListener('change', function () {
          hidden[key][name] = !box.checked;
          applyFilters(cy, hidden);
        });
        label.appendChild(box);
        label.appendChild(el('span', ' ' + name.replace(/_/g, ' ') + ' '));
        label.appendChild(el('span', '(' + counts[name] + ')', 'sg-hint'));
        item.appendChild(label);
        list.appendChild(item);
      });
      target.appendChild(list);
    });
  }

  function names(node) {
    var all = [node.data('label') || ''];
    var alt = node.data('alt_labels');
    if (Array.isArray(alt)) { all = all.concat(alt); } else if (alt) { all = all.concat(String(alt).split(/\s*[|;,]\s*/)); }
    return all.join(' | ').toLowerCase();
  }

  function bindSearch(input, note, cy, onFound) {
    function find() {
      var text = input.value.trim().toLowerCase();
      cy.nodes().removeClass('sg-match');
      if (!text) { note.textContent = ''; return cy.collection(); }
      var found = cy.nodes().filter(function (node) { return names(node).indexOf(text) >= 0; });
      found.addClass('sg-match');
      note.textContent = found.length ? found.length + ' found' + (found.length > 1 ? '; Enter goes to the first' : '')
        : 'no name contains this';
      return found;
    }
    input.addEventListener('input', find);
    input.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') { return; }
      var found = find();
      if (!found.length) { return; }
      var node = found[0];
      cy.elements().removeClass('sg-faded');
      cy.elements().not(node.closedNeighborhood()).addClass('sg-faded');
      cy.animate({ center: { eles: node } }, { duration: 200 });
      if (onFound) { onFound(node); }
    });
  }

  global.ShowgraphGraph = {
    draw: draw, style: style, renderLegend: renderLegend, renderDetails: renderDetails,
    renderFilters: renderFilters, bindSearch: bindSearch
  };
})(typeof window !== 'undefined' ? window : this);
