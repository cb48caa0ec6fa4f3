(function () {
  "use strict";
  // Every piece of text from the graph reaches the page through textContent: never as markup.
  var data = JSON.parse(document.getElementById("filmkg-data").textContent);
  var started = performance.now();

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function line(parent, text, cls) { parent.appendChild(el("div", cls, text)); }
  function yearText(year) { return year === null || year === undefined ? "year unknown" : String(year); }
  function ordinal(n) {
    var s = ["th", "st", "nd", "rd"], v = n % 100;
    return n + (s[(v - 20) % 10] || s[v] || s[0]);
  }
  function rating(info) {
    if (!info.rating_count) { return "no ratings"; }
    return "rating " + (info.rating_mean * 10).toFixed(1) + "/10 (mean of " + info.rating_count + ")";
  }
  function evidenceLines(parent, evidence) {
    if (!evidence.length) { line(parent, "evidence: none recorded", "evidence"); return; }
    evidence.forEach(function (e) {
      var text;
      if (e.source === "review") {
        text = "review " + (e.review_id || "?") +
          (e.confidence === null ? "" : " (confidence " + Number(e.confidence).toFixed(2) + ")") +
          ": \u201c" + (e.context || e.anchor || "") + "\u201d";
      } else {
        text = (e.source === "catalog" ? "catalog" : "graph") + (e.graph ? " " + e.graph : "");
      }
      line(parent, "evidence: " + text, "evidence");
    });
  }

  function filmTip(info) {
    var box = el("div", "tip");
    line(box, info.titles[0] + " (" + yearText(info.year) + ")", "tip-title");
    if (info.titles.length > 1) { line(box, "also known as " + info.titles.slice(1).join(" / ")); }
    line(box, (info.countries.length ? info.countries.join(", ") : "country unknown") +
      " \u00b7 generation " + info.generation);
    if (info.directors.length) { line(box, "directed by " + info.directors.join(", ")); }
    line(box, info.reviews + (info.reviews === 1 ? " review" : " reviews") + " \u00b7 " + rating(info));
    info.originals.forEach(function (o) {
      line(box, (o.ordinal ? ordinal(o.ordinal) + " remake of " : "remake of ") + o.title +
        " (" + yearText(o.year) + ")", "tip-link");
      evidenceLines(box, o.evidence);
    });
    if (!info.originals.length) { line(box, "an original in this family"); }
    return box;
  }
  function remakeTip(info) {
    var box = el("div", "tip");
    line(box, info.remake + " is a remake of " + info.original, "tip-title");
    evidenceLines(box, info.evidence);
    return box;
  }
  function personTip(info) {
    var box = el("div", "tip");
    line(box, info.name + (info.shared ? " (in several versions)" : ""), "tip-title");
    info.credits.forEach(function (c) {
      line(box, c.role + (c.character ? " (" + c.character + ")" : "") + " in " + c.film);
    });
    return box;
  }
  function opinionTip(info) {
    var box = el("div", "tip");
    line(box, info.polarity + " opinion" + (info.feature ? " on " + info.feature : ""), "tip-title");
    line(box, "\u201c" + info.text + "\u201d");
    if (info.review) { line(box, "from " + info.review, "evidence"); }
    return box;
  }
  function comparisonTip(info) {
    var box = el("div", "tip");
    line(box, info.film + ": " + info.verdict + " than " + info.versus, "tip-title");
    line(box, info.iri, "evidence");
    return box;
  }
  var tips = { film: filmTip, remake: remakeTip, person: personTip, opinion: opinionTip, comparison: comparisonTip };
  function tip(item) { return tips[item.kind] && item.info ? tips[item.kind](item.info) : undefined; }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var copy = Object.assign({}, n);
    copy.title = tip(n);
    return copy;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var copy = Object.assign({}, e);
    copy.title = tip(e);
    return copy;
  }));
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, data.options);
  function fitAll() {  // fit the visible nodes, with room left for the year labels above them
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
  }
  fitAll();

  network.on("beforeDrawing", function (ctx) {
    ctx.save();
    ctx.font = "bold 16px system-ui, sans-serif";
    ctx.textAlign = "center";
    data.years.forEach(function (y) {
      ctx.fillStyle = "#666";
      ctx.fillText(y.label, y.x, y.y);
      ctx.strokeStyle = "rgba(0,0,0,0.08)";
      ctx.beginPath(); ctx.moveTo(y.x, y.y + 12); ctx.lineTo(y.x, -y.y + 40); ctx.stroke();
    });
    ctx.restore();
  });

  // summary, legend, key, problems
  var s = data.summary;
  document.getElementById("summary").textContent = s.size + " films \u00b7 " +
    (s.years ? s.years[0] + "\u2013" + s.years[1] : "years unknown") + " \u00b7 " +
    (s.countries.length ? s.countries.join(", ") : "countries unknown") + " \u00b7 " + s.reviews + " reviews";
  var legend = document.getElementById("legend");
  data.legend.forEach(function (item) {
    var li = el("li");
    var swatch = el("span", "swatch");
    swatch.style.background = item.colour;
    li.appendChild(swatch);
    li.appendChild(el("span", "country", item.country));
    legend.appendChild(li);
  });
  var key = document.getElementById("key");
  [["dot", "a film: size by number of reviews"], ["arrow", "remake: from the original to the remake"],
    ["shared", "a person in several versions"], ["person", "a person in one version"],
    ["positive", "an opinion: positive"], ["negative", "an opinion: negative"]].forEach(function (k) {
    var li = el("li");
    li.appendChild(el("span", "mark mark-" + k[0]));
    li.appendChild(el("span", null, k[1]));
    key.appendChild(li);
  });
  if (data.problems.length) {
    var box = document.getElementById("problems");
    box.appendChild(el("h2", null, "Data problems"));
    data.problems.forEach(function (p) {
      line(box, p.kind + ": " + p.message, "problem");
      if (p.claims.length) { line(box, "claims: " + p.claims.join(", "), "evidence"); }
    });
  }

  // details panel: the same text as the tooltips, for clicks and keyboards
  var details = document.getElementById("details");
  function show(item) {
    details.replaceChildren(tip(item) || el("p", "hint", "Nothing to show."));
  }
  network.on("click", function (params) {
    if (params.nodes.length) { show(nodes.get(params.nodes[0])); }
    else if (params.edges.length) { show(edges.get(params.edges[0])); }
  });

  // switches
  function setHidden(kinds, hidden) {
    nodes.update(nodes.get({ filter: function (n) { return kinds.indexOf(n.kind) !== -1; } })
      .map(function (n) { return { id: n.id, hidden: hidden }; }));
  }
  function setEdges(kinds, hidden) {
    edges.update(edges.get({ filter: function (e) { return kinds.indexOf(e.kind) !== -1; } })
      .map(function (e) { return { id: e.id, hidden: hidden }; }));
  }
  var people = document.getElementById("show-people");
  var opinions = document.getElementById("show-opinions");
  function sync() {
    setHidden(["person"], !people.checked);
    setEdges(["credit"], !people.checked);
    var personOpinions = function (n) {
      return n.kind === "opinion" && edges.get({ filter: function (e) {
        return e.from === n.id && nodes.get(e.to) && nodes.get(e.to).kind === "person";
      } }).length > 0;
    };
    nodes.update(nodes.get({ filter: function (n) { return n.kind === "opinion"; } }).map(function (n) {
      return { id: n.id, hidden: !opinions.checked || (personOpinions(n) && !people.checked) };
    }));
    edges.update(edges.get({ filter: function (e) { return e.kind === "opinion"; } }).map(function (e) {
      return { id: e.id, hidden: nodes.get(e.from).hidden };
    }));
    setEdges(["comparison"], !opinions.checked);
    fitAll();
  }
  people.addEventListener("change", sync);
  opinions.addEventListener("change", sync);
  document.getElementById("physics").addEventListener("change", function (ev) {
    network.setOptions({ physics: { enabled: ev.target.checked } });
  });

  // search: select and focus the matching films
  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/&/g, " and ").replace(/['\u2019-]/g, "").replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  }
  var search = document.getElementById("search");
  var found = document.getElementById("found");
  function find() {
    var q = fold(search.value);
    if (!q) { network.unselectAll(); found.textContent = ""; return []; }
    var hits = data.nodes.filter(function (n) {
      return n.kind === "film" && fold(n.info.titles.join(" ") + " " + yearText(n.info.year)).indexOf(q) !== -1;
    }).map(function (n) { return n.id; });
    network.selectNodes(hits);
    found.textContent = hits.length === 1 ? "1 film" : hits.length + " films";
    if (hits.length === 1) {
      network.focus(hits[0], { scale: 1.2, animation: false });
      show(nodes.get(hits[0]));
    } else if (hits.length) {
      network.fit({ nodes: hits, animation: false });
    }
    return hits;
  }
  search.addEventListener("input", find);

  window.filmkg = {
    data: data, nodes: data.nodes, edges: data.edges, network: network, ready: false, find: find,
    visible: function () {
      return {
        nodes: nodes.get({ filter: function (n) { return !n.hidden; } }).length,
        edges: edges.get({ filter: function (e) { return !e.hidden; } }).length
      };
    }
  };
  network.once("afterDrawing", function () {
    window.filmkg.ready = true;
    window.filmkg.drawnMs = performance.now() - started;  // from this script's start
    window.filmkg.drawnAt = performance.now();  // from the start of navigation
  });
})();
