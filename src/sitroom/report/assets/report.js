// sitroom report.html: draws every view from the JSON embedded in the page.
//
// Everything in the data comes from articles written by strangers, so it only ever reaches
// the page as text: elements are built with createElement and filled with textContent, links
// are made only from plain http(s) addresses and carry rel="noopener noreferrer". The page
// makes no network request (its Content-Security-Policy forbids any).
(function () {
  "use strict";

  var PAGE = 50; // table rows per page: keeps 8,000 articles responsive
  var FILTER_KEYS = ["actor", "place", "outlet", "story", "from", "to"];
  var PLACE_TYPES = new Set(["GPE", "LOC", "FAC"]); // entity types the map shows as places

  // ------------------------------------------------------------------ small DOM helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "onclick") node.addEventListener("click", value);
        else node.setAttribute(key, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function empty(message) {
    return el("p", { class: "empty", text: message });
  }

  // A link to an article's own address, only when it is a plain http(s) URL.
  function safeHref(url) {
    if (typeof url !== "string" || !url) return null;
    var candidate = url.trim();
    for (var i = 0; i < candidate.length; i++) {
      var code = candidate.charCodeAt(i);
      if (code <= 0x20 || code === 0x7f) return null;
    }
    var parsed;
    try {
      parsed = new URL(candidate);
    } catch (err) {
      return null;
    }
    if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.host) return null;
    return candidate;
  }

  function externalLink(url, label) {
    var href = safeHref(url);
    if (!href) return el("span", { text: label });
    return el("a", { href: href, rel: "noopener noreferrer", target: "_blank", text: label });
  }

  function button(label, action, attrs) {
    var b = el("button", Object.assign({ type: "button", text: label }, attrs || {}));
    b.addEventListener("click", action);
    return b;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // ------------------------------------------------------------------ the data

  var startedAt = performance.now();
  var data = JSON.parse(document.getElementById("sitroom-data").textContent);
  ["articles", "rejected", "entities", "places", "events", "quotes", "citations", "claims",
    "stories", "framing", "summary"].forEach(function (key) {
    if (!Array.isArray(data[key])) data[key] = [];
  });
  var texts = data.texts || {};
  expandPageData();

  // The page holds report.json's records in a compact form (report/page_data.py): an article
  // is named by its place in data.articles, a passage is [article, start, end] cut out of
  // the article's text (with its own text as a fourth item when it is not exactly those
  // characters), a quote's text is left out when it is its characters, and an event's, a
  // claim's or a summary point's words are [start, end] in its first passage's article when
  // they are characters of that passage. The usual shape
  // is rebuilt here once, so the views read records as report.json has them.
  function expandPageData() {
    var ids = data.articles.map(function (a) { return a.id; });
    function article(ref) { return typeof ref === "number" ? ids[ref] : ref; }
    function articles(list) { return (list || []).map(article); }
    function passage(ref) {
      var id = article(ref[0]);
      var text = ref.length > 3 ? ref[3] : String(texts[id]).slice(ref[1], ref[2]);
      return { article: id, start: ref[1], end: ref[2], text: text };
    }
    function passages(list) { return (list || []).map(passage); }
    ["entities", "places", "stories"].forEach(function (key) {
      data[key].forEach(function (item) { item.articles = articles(item.articles); });
    });
    ["events", "claims", "summary"].forEach(function (key) {
      data[key].forEach(function (item) {
        item.evidence = passages(item.evidence);
        // [start, end]: the record's words, characters of its first passage's article
        if (Array.isArray(item.text)) item.text = String(texts[item.evidence[0].article]).slice(item.text[0], item.text[1]);
      });
    });
    data.summary.forEach(function (item) { item.counter_evidence = passages(item.counter_evidence); });
    data.quotes.forEach(function (q) {
      q.article = article(q.article);
      if (q.text === undefined) q.text = String(texts[q.article]).slice(q.start, q.end);
    });
    data.citations.forEach(function (c) { c.article = article(c.article); });
  }

  function index(list) {
    var out = new Map();
    list.forEach(function (item) { out.set(item.id, item); });
    return out;
  }
  var articleById = index(data.articles);
  var entityById = index(data.entities);
  var placeById = index(data.places);
  var claimById = index(data.claims);
  var storyById = index(data.stories);

  function idSets(list) {
    var out = new Map();
    list.forEach(function (item) { out.set(item.id, new Set(item.articles || [])); });
    return out;
  }
  var entityArticles = idSets(data.entities);
  var placeArticles = idSets(data.places);
  var storyArticles = idSets(data.stories);

  function articleDays(article) {
    if (article.published) return [article.published, article.published];
    if (article.date_range) return article.date_range;
    return null;
  }

  function articleDateLabel(article) {
    if (article.published) return article.published;
    if (article.date_range) {
      var r = article.date_range;
      return r[0] === r[1] ? r[0] : r[0] + " to " + r[1] + " (inferred)";
    }
    return "undated";
  }

  function articleLabel(id) {
    var a = articleById.get(id);
    if (!a) return id;
    return a.outlet + ": " + (a.title || "untitled") + " (" + articleDateLabel(a) + ")";
  }

  function entityName(id, fallback) {
    var e = id ? entityById.get(id) : null;
    return e ? e.name : fallback || id || "";
  }

  function evidenceArticles(item) {
    return (item.evidence || []).map(function (e) { return e.article; });
  }

  // ------------------------------------------------------------------ the filter

  var state = {};
  FILTER_KEYS.forEach(function (key) { state[key] = ""; });
  var visible = new Set();

  function readHash() {
    var raw = location.hash.replace(/^#/, "");
    var params = new URLSearchParams(raw.indexOf("=") >= 0 ? raw : "");
    FILTER_KEYS.forEach(function (key) { state[key] = params.get(key) || ""; });
    // A name is accepted where an id is expected, so people can write #actor=Velen by hand.
    state.actor = resolveId(state.actor, data.entities, entityById);
    state.place = resolveId(state.place, data.places, placeById);
    state.story = resolveId(state.story, data.stories, storyById);
  }

  function resolveId(value, list, byId) {
    if (!value || byId.has(value)) return value;
    var lower = value.toLowerCase();
    var found = list.find(function (item) {
      var names = [item.name || item.title || ""].concat(item.aliases || []);
      return names.some(function (n) { return String(n).toLowerCase() === lower; });
    });
    return found ? found.id : value;
  }

  function writeHash() {
    var params = new URLSearchParams();
    FILTER_KEYS.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var text = params.toString();
    var target = text ? "#" + text : location.pathname + location.search;
    history.replaceState(null, "", target);
  }

  function passes(article) {
    if (state.outlet && article.outlet !== state.outlet) return false;
    if (state.actor && !(entityArticles.get(state.actor) || new Set()).has(article.id)) return false;
    if (state.place && !(placeArticles.get(state.place) || new Set()).has(article.id)) return false;
    if (state.story && !(storyArticles.get(state.story) || new Set()).has(article.id)) return false;
    if (state.from || state.to) {
      var days = articleDays(article);
      if (!days) return false;
      if (state.from && days[1] < state.from) return false;
      if (state.to && days[0] > state.to) return false;
    }
    return true;
  }

  function anyVisible(ids) {
    for (var i = 0; i < ids.length; i++) if (visible.has(ids[i])) return true;
    return false;
  }

  function filtering() {
    return FILTER_KEYS.some(function (key) { return state[key]; });
  }

  // "Nothing here" says why: the report holds none, or the filter hides them all.
  function whyEmpty(total, what, why) {
    if (total === 0) return empty("report.json holds no " + what + ": " + why);
    return empty("No " + what + " match the filter (" + total + " in the report).");
  }

  // ------------------------------------------------------------------ the article reader

  var reader = document.getElementById("reader");

  function openArticle(articleId, start, end, quoted) {
    var article = articleById.get(articleId);
    var title = document.getElementById("reader-title");
    var meta = clear(document.getElementById("reader-meta"));
    var body = clear(document.getElementById("reader-text"));
    title.textContent = article ? article.title || "untitled" : articleId;
    if (article) {
      meta.appendChild(document.createTextNode(article.outlet + " · " + articleDateLabel(article) + " · "));
      meta.appendChild(externalLink(article.url, safeHref(article.url) ? "original" : "no web address"));
    }
    var text = texts[articleId];
    var mark = null;
    if (typeof text === "string") {
      var ok = typeof start === "number" && typeof end === "number" && start >= 0 &&
        end <= text.length && start <= end;
      if (ok) {
        body.appendChild(document.createTextNode(text.slice(0, start)));
        mark = el("mark", { text: text.slice(start, end), id: "reader-mark" });
        body.appendChild(mark);
        body.appendChild(document.createTextNode(text.slice(end)));
      } else {
        body.appendChild(document.createTextNode(text));
      }
    } else {
      body.appendChild(empty("The cleaned text of this article is not in the page."));
      if (quoted) body.appendChild(el("blockquote", {}, [el("mark", { text: quoted, id: "reader-mark" })]));
    }
    if (typeof reader.showModal === "function") {
      if (!reader.open) reader.showModal();
    } else {
      reader.setAttribute("open", "");
    }
    if (mark) mark.scrollIntoView({ block: "center" });
    document.getElementById("reader-close").focus();
  }

  document.getElementById("reader-close").addEventListener("click", function () { reader.close(); });

  function evidenceButton(evidence, label) {
    return button(label || "Show in article", function () {
      openArticle(evidence.article, evidence.start, evidence.end, evidence.text);
    }, { class: "evidence-button", "data-article": evidence.article });
  }

  function evidenceList(evidence) {
    var list = el("ul", { class: "evidence" });
    evidence.forEach(function (ev) {
      var a = articleById.get(ev.article);
      list.appendChild(el("li", { class: visible.has(ev.article) ? null : "dimmed" }, [
        el("q", { text: ev.text }), " ",
        el("span", { class: "source", text: a ? a.outlet + ", " + articleDateLabel(a) : ev.article }), " ",
        evidenceButton(ev),
      ]));
    });
    return list;
  }

  function readButton(articleId) {
    return button("Read", function () { openArticle(articleId); }, { class: "read-button" });
  }

  // ------------------------------------------------------------------ paged, sortable tables

  // columns: [{label, value(row) -> sortable, cell(row) -> Node|string, numeric}]
  function pagedTable(container, columns, rows, options) {
    options = options || {};
    var page = 0;
    var sortIndex = options.sortIndex === undefined ? -1 : options.sortIndex;
    var descending = !!options.descending;
    var wrap = el("div", { class: "table-wrap" });
    var table = el("table", { class: "data" });
    var caption = options.caption ? el("caption", { text: options.caption }) : null;
    if (caption) table.appendChild(caption);
    var headRow = el("tr");
    table.appendChild(el("thead", {}, [headRow]));
    var body = el("tbody");
    table.appendChild(body);
    var pager = el("div", { class: "pager" });
    wrap.appendChild(table);
    container.appendChild(wrap);
    container.appendChild(pager);

    var heads = columns.map(function (col, i) {
      var sortButton = button(col.label, function () {
        descending = sortIndex === i ? !descending : !!col.numeric;
        sortIndex = i;
        page = 0;
        sortRows();
        draw();
      }, { class: "sort" });
      var th = el("th", { scope: "col" }, [sortButton]);
      headRow.appendChild(th);
      return th;
    });

    function key(row, i) {
      var v = columns[i].value ? columns[i].value(row) : "";
      return v === null || v === undefined ? "" : v;
    }
    function sortRows() {
      if (sortIndex < 0) return;
      rows = rows.slice().sort(function (r1, r2) {
        var a = key(r1, sortIndex), b = key(r2, sortIndex);
        if (a === "" && b !== "") return 1; // blanks (undated, unknown) last either way
        if (b === "" && a !== "") return -1;
        var order = typeof a === "number" && typeof b === "number" ? a - b :
          String(a).toLowerCase() < String(b).toLowerCase() ? -1 :
          String(a).toLowerCase() > String(b).toLowerCase() ? 1 : 0;
        return descending ? -order : order;
      });
    }
    function draw() {
      heads.forEach(function (th, i) {
        if (i === sortIndex) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
      clear(body);
      var pages = Math.max(1, Math.ceil(rows.length / PAGE));
      if (page >= pages) page = pages - 1;
      rows.slice(page * PAGE, page * PAGE + PAGE).forEach(function (row) {
        var tr = el("tr", options.rowAttrs ? options.rowAttrs(row) : null);
        columns.forEach(function (col) {
          var content = col.cell ? col.cell(row) : key(row, columns.indexOf(col));
          tr.appendChild(el("td", { class: col.numeric ? "num" : null }, [
            typeof content === "object" ? content : String(content),
          ]));
        });
        body.appendChild(tr);
      });
      clear(pager);
      if (rows.length > PAGE) {
        pager.appendChild(button("Previous", function () { page -= 1; draw(); },
          { disabled: page === 0, "aria-label": "Previous page" }));
        pager.appendChild(el("span", { text: " rows " + (page * PAGE + 1) + "–" +
          Math.min(rows.length, (page + 1) * PAGE) + " of " + rows.length + " " }));
        pager.appendChild(button("Next", function () { page += 1; draw(); },
          { disabled: page >= pages - 1, "aria-label": "Next page" }));
      } else {
        pager.appendChild(el("span", { class: "meta", text: plural(rows.length, "row", "rows") }));
      }
    }
    sortRows();
    draw();
  }

  // ------------------------------------------------------------------ filter form

  var controls = {};
  FILTER_KEYS.forEach(function (key) { controls[key] = document.getElementById("f-" + key); });

  function fillSelect(select, options) {
    options.forEach(function (option) {
      select.appendChild(el("option", { value: option[0], text: option[1] }));
    });
  }
  fillSelect(controls.actor, data.entities.slice().sort(function (a, b) {
    return b.mention_count - a.mention_count || a.name.localeCompare(b.name);
  }).map(function (e) { return [e.id, e.name + " (" + e.mention_count + ")"]; }));
  fillSelect(controls.place, data.places.slice().sort(function (a, b) {
    return a.name.localeCompare(b.name);
  }).map(function (p) { return [p.id, p.name + (p.country_code ? " (" + p.country_code + ")" : "")]; }));
  var outletCounts = new Map();
  data.articles.forEach(function (a) { outletCounts.set(a.outlet, (outletCounts.get(a.outlet) || 0) + 1); });
  fillSelect(controls.outlet, Array.from(outletCounts.keys()).sort().map(function (o) {
    return [o, o + " (" + outletCounts.get(o) + ")"];
  }));
  fillSelect(controls.story, data.stories.map(function (s) {
    return [s.id, s.title + " (" + s.articles.length + ")"];
  }));

  FILTER_KEYS.forEach(function (key) {
    controls[key].addEventListener("change", function () {
      state[key] = controls[key].value;
      writeHash();
      refresh();
    });
  });
  document.getElementById("f-clear").addEventListener("click", function () {
    FILTER_KEYS.forEach(function (key) { state[key] = ""; });
    writeHash();
    refresh();
  });
  window.addEventListener("hashchange", function () {
    if (location.hash.indexOf("=") < 0) return; // a jump to a section, not a filter
    readHash();
    refresh();
  });
  // Section links scroll without touching the hash, which keeps the filter state.
  document.querySelectorAll("nav a[data-view], a.skip").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView();
      var heading = target.querySelector("h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
  });

  function setFilter(key, value) {
    state[key] = value;
    writeHash();
    refresh();
  }

  function filterButton(key, value, label) {
    return button(label, function () { setFilter(key, value); },
      { class: "link-button", title: "Show only what involves " + label });
  }

  // ------------------------------------------------------------------ views

  var views = {};

  // A story's summary as a two-paragraph brief: what happened (the points, in time order),
  // then what is contested (both sides, each with its source). Every sentence is followed by
  // a button that opens the article at its exact words.
  function cite(evidence) {
    if (!evidence || !evidence.length) return document.createTextNode("");
    return evidenceButton(evidence[0], sourceLabel(articleById.get(evidence[0].article)));
  }

  // Who a sentence comes from: the outlet, else the article's title, shortened.
  function sourceLabel(a) {
    if (!a) return "source";
    if (a.outlet !== "unknown") return a.outlet;
    var title = a.title || "";
    return title ? (title.length > 40 ? title.slice(0, 39) + "…" : title) : "source";
  }

  function summaryBriefs(items) {
    var order = [];
    var byStory = new Map();
    items.forEach(function (item) {
      var key = item.story || "";
      if (!byStory.has(key)) { byStory.set(key, []); order.push(key); }
      byStory.get(key).push(item);
    });
    return order.map(function (key) {
      var story = storyById.get(key);
      var box = el("section", { class: "brief" });
      if (story && order.length > 1) box.appendChild(el("h4", { text: story.title || story.id }));
      var happened = el("p", { class: "brief-points" });
      var contested = el("p", { class: "brief-contested" }, [el("b", { text: "Contested: " })]);
      var disputes = 0;
      byStory.get(key).forEach(function (item) {
        if (item.kind === "contested") {
          disputes += 1;
          var first = sourceLabel(articleById.get(item.evidence[0].article));
          contested.appendChild(document.createTextNode((disputes > 1 ? " " : "") +
            (first === "source" ? "One source" : first) + " reports: "));
          contested.appendChild(el("q", { text: item.text }));
          contested.appendChild(document.createTextNode(" "));
          contested.appendChild(cite(item.evidence));
          var other = item.counter_evidence && item.counter_evidence.length ?
            articleById.get(item.counter_evidence[0].article) : null;
          var second = other ? sourceLabel(other) : "source";
          contested.appendChild(document.createTextNode("; " +
            (second === "source" ? "another source" : second) + ": "));
          contested.appendChild(el("q", { text: item.counter_text || "" }));
          contested.appendChild(document.createTextNode(" "));
          contested.appendChild(cite(item.counter_evidence));
          contested.appendChild(document.createTextNode("."));
        } else {
          happened.appendChild(document.createTextNode(item.text + " "));
          happened.appendChild(cite(item.evidence));
          happened.appendChild(document.createTextNode(" "));
        }
      });
      if (happened.childNodes.length) box.appendChild(happened);
      if (disputes) box.appendChild(contested);
      return box;
    });
  }

  views.overview = function (root) {
    var articles = data.articles.filter(function (a) { return visible.has(a.id); });
    var summary = data.summary.filter(function (s) {
      var ids = evidenceArticles(s);
      return ids.length === 0 || anyVisible(ids);
    });
    root.appendChild(el("h3", { text: "What happened" }));
    if (summary.length) {
      summaryBriefs(summary).forEach(function (node) { root.appendChild(node); });
    } else {
      root.appendChild(whyEmpty(data.summary.length, "summary",
        "the build found no sentences to summarise with, or predates the summary."));
    }
    var counts = [
      [articles.length, "article", "articles"],
      [articles.filter(function (a) { return a.duplicate_of; }).length, "duplicate", "duplicates"],
      [new Set(articles.map(function (a) { return a.outlet; })).size, "outlet", "outlets"],
      [data.rejected.length, "rejected file", "rejected files"],
      [data.entities.filter(function (e) { return anyVisible(e.articles); }).length, "entity", "entities"],
      [data.places.filter(function (p) { return anyVisible(p.articles); }).length, "place", "places"],
      [data.events.filter(function (e) { return anyVisible(evidenceArticles(e)); }).length, "event", "events"],
      [data.quotes.filter(function (q) { return visible.has(q.article); }).length, "quote", "quotes"],
      [data.citations.filter(function (c) { return visible.has(c.article); }).length, "citation", "citations"],
      [data.claims.filter(function (c) { return anyVisible(evidenceArticles(c)); }).length, "claim", "claims"],
      [data.stories.filter(function (s) { return anyVisible(s.articles); }).length, "story", "stories"],
    ];
    root.appendChild(el("ul", { class: "counts" }, counts.map(function (c) {
      return el("li", {}, [el("b", { text: String(c[0]) }), " " + (c[0] === 1 ? c[1] : c[2])]);
    })));
    // Publication dates and the ranges inferred for undated articles are told apart: an
    // inferred range can run weeks past the last article anyone dated.
    var dated = [], inferred = [], undatedPlaced = 0;
    articles.forEach(function (a) {
      if (a.published) { dated.push(a.published); return; }
      var d = articleDays(a);
      if (d) { inferred.push(d[0], d[1]); undatedPlaced += 1; }
    });
    dated.sort();
    inferred.sort();
    function span(days) {
      return days[0] === days[days.length - 1] ? days[0] : days[0] + " to " + days[days.length - 1];
    }
    var parts = [];
    if (dated.length) parts.push("Articles dated " + span(dated));
    if (undatedPlaced) {
      parts.push((dated.length ? "" : "Articles: ") + plural(undatedPlaced, "undated article", "undated articles") +
        " placed by their text in " + span(inferred));
    }
    root.appendChild(el("p", { class: "meta", id: "date-span", text: parts.length ?
      parts.join("; ") + (data.as_of ? "; situation as of " + data.as_of : "") + "." :
      "No article has a known date." }));

    var grid = el("div", { class: "grid" });
    root.appendChild(grid);
    function top(title, rows, key) {
      var box = el("div", { class: "box" }, [el("h3", { text: title })]);
      if (!rows.length) box.appendChild(empty("None."));
      var list = el("ol");
      rows.slice(0, 10).forEach(function (row) {
        list.appendChild(el("li", {}, [key ? filterButton(key, row[0], row[1]) : row[1],
          el("span", { class: "meta", text: " " + row[2] })]));
      });
      box.appendChild(list);
      grid.appendChild(box);
    }
    var outlets = new Map();
    articles.forEach(function (a) { outlets.set(a.outlet, (outlets.get(a.outlet) || 0) + 1); });
    top("Outlets", Array.from(outlets.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })
      .map(function (o) { return [o[0], o[0], plural(o[1], "article", "articles")]; }), "outlet");
    // Towns, regions and sites have their own list beside this one; counted here too they
    // crowd out the people and organisations (a flood story's top "actor" was a town).
    top("Top actors", data.entities.filter(function (e) { return !PLACE_TYPES.has(e.type) && anyVisible(e.articles); })
      .sort(function (a, b) { return b.mention_count - a.mention_count; })
      .map(function (e) { return [e.id, e.name, plural(e.mention_count, "mention", "mentions")]; }), "actor");
    top("Top places", data.places.filter(function (p) { return anyVisible(p.articles); })
      .sort(function (a, b) { return b.articles.length - a.articles.length; })
      .map(function (p) { return [p.id, p.name, plural(p.articles.length, "article", "articles")]; }), "place");

    root.appendChild(el("h3", { text: "Contested points" }));
    var contested = data.claims.filter(function (c) {
      return c.status === "contested" && anyVisible(evidenceArticles(c));
    });
    if (contested.length) {
      var cl = el("ul", { class: "contested" });
      contested.slice(0, 20).forEach(function (c) {
        cl.appendChild(el("li", {}, [el("span", { text: c.text }), " ",
          el("span", { class: "meta", text: "(" + (c.outlets || []).join(", ") + ")" }), " ",
          button("evidence", function () { showClaim(c.id); }, { class: "link-button" })]));
      });
      root.appendChild(cl);
    } else {
      var allContested = data.claims.filter(function (c) { return c.status === "contested"; }).length;
      if (!data.claims.length) {
        root.appendChild(empty("report.json holds no claims: the build found none, or predates claim extraction."));
      } else if (!allContested) {
        root.appendChild(empty("No two sources contradict each other in the claims found."));
      } else {
        root.appendChild(whyEmpty(allContested, "contested claims", ""));
      }
    }
    root.appendChild(el("h3", { text: "Rejected files" }));
    if (data.rejected.length) {
      pagedTable(root, [
        { label: "File", value: function (r) { return r.path; } },
        { label: "Reason", value: function (r) { return r.reason; } },
      ], data.rejected);
    } else {
      root.appendChild(empty("Every input file was used."));
    }
  };

  // The map: boundaries from the page itself (no tile server) and one marker per place.
  var map = null, markerLayer = null, markersByPlace = new Map();
  var mapLayout = null, mapBox = null, mapSide = null;

  function setupMap(container) {
    map = L.map(container, { worldCopyJump: true, attributionControl: true, zoomSnap: 0.5,
      zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    try {
      var countries = JSON.parse(document.getElementById("sitroom-countries").textContent);
      var shapes = topojson.feature(countries, countries.objects.countries);
      // Boundaries on a canvas (thousands of paths); markers stay SVG, one element each.
      var canvas = L.canvas({ padding: 0.2 });
      L.geoJSON(shapes, { style: { color: "#8a96a3", weight: 0.8, fillColor: "#eef1f4", fillOpacity: 1 },
        interactive: false, renderer: canvas }).addTo(map);
      subdivisionsInView(JSON.parse(document.getElementById("sitroom-admin1").textContent), canvas);
    } catch (err) {
      console.warn("boundaries unavailable", err);
    }
    markerLayer = L.layerGroup().addTo(map);
    map.setView([20, 0], 2);
  }

  // States and provinces, drawn country by country while the country is in view and the map
  // is close enough to tell them apart: a corpus that names places the world over embeds most
  // of the world's subdivisions, and Leaflet redraws every line it holds at each zoom and
  // move (seconds, off screen or not).
  var SUBDIVISION_ZOOM = 3;
  function subdivisionsInView(admin1, canvas) {
    var byCountry = new Map();
    (admin1.features || []).forEach(function (feature) {
      var code = (feature.properties || {}).country || "";
      if (!byCountry.has(code)) byCountry.set(code, { features: [], box: [90, 180, -90, -180], layer: null });
      var entry = byCountry.get(code);
      entry.features.push(feature);
      extend(entry.box, (feature.geometry || {}).coordinates);
    });
    function extend(box, coordinates) {
      if (!Array.isArray(coordinates)) return;
      if (typeof coordinates[0] === "number") {
        var lon = coordinates[0], lat = coordinates[1];
        if (lat < box[0]) box[0] = lat;
        if (lon < box[1]) box[1] = lon;
        if (lat > box[2]) box[2] = lat;
        if (lon > box[3]) box[3] = lon;
        return;
      }
      coordinates.forEach(function (inner) { extend(box, inner); });
    }
    function update() {
      var view = map.getBounds();
      var close = map.getZoom() >= SUBDIVISION_ZOOM;
      byCountry.forEach(function (entry) {
        var seen = close && view.intersects(L.latLngBounds([entry.box[0], entry.box[1]], [entry.box[2], entry.box[3]]));
        if (seen && !entry.layer) {
          entry.layer = L.geoJSON({ type: "FeatureCollection", features: entry.features }, {
            style: { color: "#b7c0c9", weight: 0.5, fill: false }, interactive: false, renderer: canvas });
        }
        if (!entry.layer) return;
        if (seen && !map.hasLayer(entry.layer)) entry.layer.addTo(map);
        else if (!seen && map.hasLayer(entry.layer)) map.removeLayer(entry.layer);
      });
    }
    map.on("moveend", update);
  }

  function placePopup(place) {
    var box = el("div", { class: "popup" }, [el("strong", { text: place.name })]);
    if (place.country_code) box.appendChild(el("span", { class: "meta", text: " " + place.country_code }));
    if ((place.aliases || []).length) {
      box.appendChild(el("p", {}, [el("span", { class: "meta", text: "Also written: " }), place.aliases.join(", ")]));
    }
    var events = data.events.filter(function (e) { return e.place === place.id && anyVisible(evidenceArticles(e)); });
    if (events.length) {
      var evList = el("ul");
      events.slice(0, 10).forEach(function (e) {
        evList.appendChild(el("li", {}, [(e.date ? e.date + ": " : "") + e.text + " ",
          e.evidence.length ? evidenceButton(e.evidence[0], "evidence") : null]));
      });
      box.appendChild(el("p", { class: "meta", text: plural(events.length, "event", "events") }));
      box.appendChild(evList);
    }
    var ids = place.articles.filter(function (id) { return visible.has(id); });
    box.appendChild(el("p", { class: "meta", text: plural(ids.length, "article", "articles") }));
    var list = el("ul");
    ids.slice(0, 12).forEach(function (id) {
      list.appendChild(el("li", {}, [articleLabel(id) + " ", readButton(id)]));
    });
    box.appendChild(list);
    box.appendChild(filterButton("place", place.id, "Filter by " + place.name));
    return box;
  }

  function fitAll(places) {
    var bounds = places.map(function (p) { return [p.lat, p.lon]; });
    if (bounds.length === 1) map.setView(bounds[0], 6);
    else if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 });
  }

  // Open on the country whose places the articles mention most: a far capital or a country
  // named once should not shrink the scene to a world map.
  function mainCountry(places) {
    var weight = new Map();
    places.forEach(function (p) {
      var key = p.country_code || "";
      weight.set(key, (weight.get(key) || 0) + p.articles.length);
    });
    var best = null;
    weight.forEach(function (w, key) { if (key && (best === null || w > weight.get(best))) best = key; });
    return best;
  }

  function fitMain(places) {
    var best = mainCountry(places);
    var main = places.filter(function (p) { return p.country_code === best; });
    fitAll(main.length >= 2 ? main : places);
  }

  views.map = function (root) {
    var geocoded = data.places.filter(function (p) {
      return typeof p.lat === "number" && typeof p.lon === "number" && anyVisible(p.articles);
    });
    var unresolved = data.places.filter(function (p) {
      return (typeof p.lat !== "number" || typeof p.lon !== "number") && anyVisible(p.articles);
    });
    // The map is made once and kept across filter changes (only its markers change):
    // tearing Leaflet down while it animates leaves timers pointing at removed layers.
    if (!mapLayout) {
      mapLayout = el("div", { class: "map-layout" });
      mapBox = el("div", { id: "map-canvas", class: "map-canvas", role: "region",
        "aria-label": "Map of the places the articles mention" });
      mapSide = el("div", { class: "map-side" });
      mapLayout.appendChild(mapBox);
      mapLayout.appendChild(mapSide);
    }
    root.appendChild(mapLayout);
    var side = clear(mapSide);
    if (typeof L === "undefined") { side.appendChild(empty("The map library did not load.")); return; }
    if (!map) setupMap(mapBox);
    markerLayer.clearLayers();
    map.closePopup();
    markersByPlace = new Map();
    var maxArticles = Math.max.apply(null, [1].concat(geocoded.map(function (p) { return p.articles.length; })));
    // The most mentioned places carry a label; the rest show theirs on hover.
    var home = mainCountry(geocoded);
    var labelled = new Set(geocoded.slice().sort(function (a, b) {
      return (b.country_code === home) - (a.country_code === home) || b.articles.length - a.articles.length;
    }).slice(0, 12).map(function (p) { return p.id; }));
    // Two labelled places at about the same point (a town and the province named after it)
    // would print one label over the other: the later one writes its label above.
    var labelledAt = [];
    function labelSide(place) {
      if (!labelled.has(place.id)) return "right";
      var near = labelledAt.some(function (q) {
        return Math.abs(q[0] - place.lat) < 0.3 && Math.abs(q[1] - place.lon) < 0.3;
      });
      labelledAt.push([place.lat, place.lon]);
      return near ? "top" : "right";
    }
    geocoded.forEach(function (place) {
      var radius = 5 + 13 * Math.sqrt(place.articles.length / maxArticles);
      var marker = L.circleMarker([place.lat, place.lon], {
        radius: radius, color: "#1d3f73", weight: 1, fillColor: "#2f6fd0", fillOpacity: 0.55,
        className: "sr-place-marker",
      });
      marker.bindPopup(function () { return placePopup(place); }, { maxWidth: 340 });
      // Leaflet writes string content as HTML: names go in as text nodes.
      marker.bindTooltip(el("span", { text: place.name }), {
        permanent: labelled.has(place.id), direction: labelSide(place), className: "sr-label" });
      marker.addTo(markerLayer);
      markersByPlace.set(place.id, marker);
    });
    map.invalidateSize();
    fitMain(geocoded);

    if (geocoded.length) {
      side.appendChild(el("p", {}, [
        button("Fit the main country", function () { fitMain(geocoded); }, { class: "link-button" }), " · ",
        button("Show every place", function () { fitAll(geocoded); }, { class: "link-button" }),
      ]));
    }
    side.appendChild(el("h3", { text: "Places on the map" }));
    if (geocoded.length) {
      var list = el("ul", { class: "place-list" });
      geocoded.slice().sort(function (a, b) { return b.articles.length - a.articles.length; }).slice(0, 60)
        .forEach(function (place) {
          list.appendChild(el("li", {}, [button(place.name, function () {
            var marker = markersByPlace.get(place.id);
            map.setView(marker.getLatLng(), Math.max(map.getZoom(), 6));
            marker.openPopup();
          }, { class: "link-button" }), el("span", { class: "meta", text: " " + place.articles.length })]));
        });
      side.appendChild(list);
    } else {
      side.appendChild(whyEmpty(data.places.filter(function (p) { return typeof p.lat === "number"; }).length,
        "geocoded places", "no place name in the articles was found in the gazetteer."));
    }
    side.appendChild(el("h3", { text: "Not on the map" }));
    if (unresolved.length) {
      var ul = el("ul", { class: "unresolved" });
      unresolved.forEach(function (p) {
        ul.appendChild(el("li", {}, [el("strong", { text: p.name }), ": " + (p.reason || "no reason given")]));
      });
      side.appendChild(ul);
    } else {
      side.appendChild(empty("Every place found was placed on the map."));
    }
  };

  // Dates drawn as precisely as they are known: a day is a point, a longer period a bar.
  function eventSpan(event) {
    var d = event.date;
    if (!d || typeof d !== "string") return null;
    var parts = d.split("/");
    if (parts.length === 2) return [dayStart(parts[0]), periodEnd(parts[1])];
    var precision = event.date_precision || "";
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && (precision === "day" || precision === "" || precision === "time")) {
      return [dayStart(d), null];
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && precision === "week") {
      var s = dayStart(d);
      return [s, new Date(s.getTime() + 7 * 864e5)];
    }
    return [dayStart(d), periodEnd(d)];
  }

  // The first day a TIMEX3 calendar value covers, and the day after its last: ISO weeks
  // (2025-W32, its weekend 2025-W32-WE), quarters, halves, seasons, decades, then the
  // plain year[-month[-day]] prefix (2025-08-10TNI is that day).
  var SEASON_MONTHS = { SP: [2, 5], SU: [5, 8], FA: [8, 11], AU: [8, 11], WI: [11, 14] };

  function isoWeekMonday(year, week) {
    var jan4 = Date.UTC(year, 0, 4);
    var weekday = (new Date(jan4).getUTCDay() + 6) % 7;  // Monday 0 .. Sunday 6
    return new Date(jan4 - weekday * 864e5 + (week - 1) * 7 * 864e5);
  }

  function calendarSpan(text) {
    var m = /^(\d{4})-W(\d{2})(-WE)?/.exec(text);
    if (m) {
      var monday = isoWeekMonday(+m[1], +m[2]);
      if (m[3]) return [new Date(monday.getTime() + 5 * 864e5), new Date(monday.getTime() + 7 * 864e5)];
      return [monday, new Date(monday.getTime() + 7 * 864e5)];
    }
    m = /^(\d{4})-(Q([1-4])|H([12])|(SP|SU|FA|AU|WI))$/.exec(text);
    if (m) {
      var year = +m[1];
      var months = m[3] ? [(+m[3] - 1) * 3, +m[3] * 3] : m[4] ? [(+m[4] - 1) * 6, +m[4] * 6] : SEASON_MONTHS[m[5]];
      return [new Date(Date.UTC(year, months[0], 1)), new Date(Date.UTC(year, months[1], 1))];
    }
    m = /^(\d{3})$/.exec(text);
    if (m) return [new Date(Date.UTC(+m[1] * 10, 0, 1)), new Date(Date.UTC(+m[1] * 10 + 10, 0, 1))];
    return null;
  }

  // The shortest stretch of time holding nine in ten of the items' start times, padded by a
  // tenth (at least three days), when it is under half the whole extent; else null (the
  // timeline fits everything, as it does by default). Items dated to a month or finer set
  // it when there are enough of them: a bar for a whole year starts in January whatever
  // the month of the story, and still shows across the window.
  function busyWindow(items) {
    var month = 32 * 86400000;
    var starts = function (chosen) {
      return chosen.map(function (item) { return +new Date(item.start); })
        .filter(function (t) { return isFinite(t); }).sort(function (a, b) { return a - b; });
    };
    var fine = starts(items.filter(function (item) {
      return !item.end || +new Date(item.end) - +new Date(item.start) <= month;
    }));
    var times = fine.length >= 10 ? fine : starts(items);
    if (times.length < 10) return null;
    var held = Math.ceil(times.length * 0.9);
    var low = times[0], high = times[held - 1];
    for (var i = 1; i + held - 1 < times.length; i += 1) {
      if (times[i + held - 1] - times[i] < high - low) { low = times[i]; high = times[i + held - 1]; }
    }
    var all = starts(items);
    if (!(high - low < (all[all.length - 1] - all[0]) / 2)) return null;
    var pad = Math.max((high - low) / 10, 3 * 86400000);
    return [new Date(low - pad), new Date(high + pad)];
  }

  function dayStart(text) {
    var span = calendarSpan(text);
    if (span) return span[0];
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
    if (!m) return null;
    return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
  }

  function periodEnd(text) {
    var span = calendarSpan(text);
    if (span) return span[1];
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
    if (!m) return null;
    if (m[3]) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1));
    if (m[2]) return new Date(Date.UTC(+m[1], +m[2], 1));
    return new Date(Date.UTC(+m[1] + 1, 0, 1));
  }

  var timeline = null;
  // Untyped events (a verb of no event type: "reached", "worked") are many and say little on
  // their own; the timeline draws them only on request, so the typed ones can be read.
  var showUntyped = false;
  // The timeline's rows: event types grouped into families an analyst scans for.
  var EVENT_FAMILIES = [
    { id: "force", label: "Force and control", types: ["assault", "coerce", "control", "threaten", "mobilize", "protest", "sanction"] },
    { id: "disaster", label: "Disasters and accidents", types: ["disaster", "accident"] },
    { id: "politics", label: "Politics, talks and aid", types: ["agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "request", "accuse", "reject", "legal", "political", "economic"] },
    { id: "other", label: "Untyped events", types: ["other"] },
  ];
  var LABEL_CHARS = 90;

  var FAMILY_OF_TYPE = {};
  EVENT_FAMILIES.forEach(function (family) {
    family.types.forEach(function (type) { FAMILY_OF_TYPE[type] = family.id; });
  });

  // A type no family lists (a custom lexicon's) is drawn with the untyped events.
  function eventFamily(event) {
    return Object.prototype.hasOwnProperty.call(FAMILY_OF_TYPE, event.type) ? FAMILY_OF_TYPE[event.type] : "other";
  }

  // A dateline in capitals at the head of an event's sentence (``HYDERABAD —``,
  // ``LARKANA (Indus Wire) —``, ``SUKKUR:``) names where the article was filed, not what
  // happened: the timeline's label leaves it out (its hover text keeps the whole sentence),
  // as the summary's points do (analyze/summary.py, the same pattern).
  var DATELINE = /^[A-Z][A-Z .,'\u2019-]{1,40}(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*)?(?:\([^)]{1,30}\))?(?:\s*[\u2014\u2013]\s*|\s+-{1,2}\s+|:\s+)/;

  function withoutDateline(text) {
    var flat = String(text || "").trim();
    var rest = flat.replace(DATELINE, "");
    return rest || flat;
  }

  // An event's text is its clause as the sentence words it, often opening on the word that
  // ties it to the rest ("that killed 25", "to seize the base", "when a warplane crashed"):
  // cut into a short bar, the label read "that" or "to se". It starts on what happened
  // instead, without a publication stamp run into the sentence ("Posted on April 2 2017
  // by"); the hover text keeps the whole sentence.
  var TIE_WORD = /^(?:that|which|who|whom|whose|when|whenever|where|while|after|before|as|since|until|because|if|once|so|to|and|but|or)\s+/i;
  var STAMP = /^(?:first |last )?(?:published|posted|updated)(?:\s+on)?:?\s+(?:[A-Za-z]{3,9}\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+(?:[A-Za-z]{3,9}\.?,?\s+)?\d{4}\s+(?:by\s+)?/i;
  // A bare date run into the sentence ("7 July 2015 A suicide bomber"), as the summary
  // leaves it out (analyze/summary.py, the same pattern).
  var MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\\.?";
  var DATE_STAMP = new RegExp("^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\\.?,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+" +
    MONTH + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?),?\\s+\\d{4}(?:\\s+at\\s+\\d{1,2}:?\\d{2})?\\s+(?=[A-Z])");

  function eventLabel(text) {
    var flat = withoutDateline(text).replace(STAMP, "").replace(DATE_STAMP, "");
    var rest = flat.replace(TIE_WORD, "");
    rest = rest || flat;
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }

  function shortText(text) {
    var flat = String(text || "").replace(/\s+/g, " ").trim();
    return flat.length > LABEL_CHARS ? flat.slice(0, LABEL_CHARS - 1) + "\u2026" : flat;
  }

  var TIMELINE_EVENTS = 1500;

  views.timeline = function (root) {
    var box = el("div", { id: "timeline-canvas" });
    var note = el("p", { class: "meta" });
    var matching = data.events.filter(function (e) { return anyVisible(evidenceArticles(e)); });
    var untyped = matching.filter(function (e) { return eventFamily(e) === "other"; });
    var typedCount = matching.length - untyped.length;
    // With no typed event at all there is nothing to hide the untyped ones behind.
    var drawUntyped = showUntyped || !typedCount;
    var events = drawUntyped ? matching : matching.filter(function (e) { return eventFamily(e) !== "other"; });
    if (untyped.length && typedCount) {
      var toggle = el("input", { type: "checkbox", id: "timeline-untyped", checked: showUntyped });
      toggle.addEventListener("change", function () {
        showUntyped = toggle.checked;
        if (timeline) { timeline.destroy(); timeline = null; }
        views.timeline(clear(root));
      });
      root.appendChild(el("p", { class: "timeline-controls" }, [toggle, el("label", {
        for: "timeline-untyped",
        text: " Also draw " + plural(untyped.length, "untyped event", "untyped events") + " (verbs of no event type)",
      })]));
    }
    root.appendChild(note);
    root.appendChild(box);
    var items = [];
    var undated = 0;
    // Tens of thousands of events made the timeline take minutes to draw (and the page with
    // it): past TIMELINE_EVENTS it draws the most mentioned, as the claims view shows 200 a
    // status; the list below holds them all, and a filter narrows them.
    var drawn = events.length <= TIMELINE_EVENTS ? events : events.slice().sort(function (a, b) {
      return b.evidence.length - a.evidence.length;
    }).slice(0, TIMELINE_EVENTS);
    drawn.forEach(function (event, i) {
      var span = eventSpan(event);
      if (!span || !span[0] || isNaN(span[0])) { undated += 1; return; }
      var label = el("span", { text: shortText(eventLabel(event.text)), title: (event.date || "") + " (" + (event.date_precision || "precision unknown") + "), " + event.type + ": " + event.text });
      var family = eventFamily(event);
      var item = { id: "event-" + i, group: family, content: label, start: span[0],
        className: "sr-event sr-event-" + family, event: event };
      if (span[1]) { item.end = span[1]; item.type = "range"; } else { item.type = "point"; }
      items.push(item);
    });
    // Articles beneath, one item per publication day (or per inferred range) with a count.
    var days = new Map();
    data.articles.forEach(function (a) {
      if (!visible.has(a.id)) return;
      var key = a.published ? a.published : a.date_range ? a.date_range[0] + "/" + a.date_range[1] : null;
      if (!key) return;
      if (!days.has(key)) days.set(key, []);
      days.get(key).push(a.id);
    });
    Array.from(days.keys()).sort().forEach(function (key, i) {
      var ids = days.get(key);
      var range = key.indexOf("/") >= 0;
      var parts = key.split("/");
      var label = el("span", { text: plural(ids.length, "article", "articles") + (range ? " (date inferred)" : ""),
        title: ids.map(articleLabel).slice(0, 20).join("\n") });
      var item = { id: "articles-" + i, group: "articles", content: label, start: dayStart(parts[0]),
        className: range ? "sr-articles sr-inferred" : "sr-articles", articleIds: ids };
      if (range) { item.end = periodEnd(parts[1]); item.type = "range"; } else { item.type = "point"; }
      items.push(item);
    });
    var messages = [];
    if (!data.events.length) messages.push("report.json holds no events: the build found none, or predates event extraction; articles are shown by publication date.");
    else if (!events.length) messages.push("No events match the filter.");
    if (drawn.length < events.length) {
      messages.push("The " + drawn.length + " most mentioned of " + events.length +
        " events are drawn: narrow the filter, or open the list below, for the others.");
    }
    if (undated) messages.push(plural(undated, "event has", "events have") + " no date and " + (undated === 1 ? "is" : "are") + " not drawn.");
    messages.push("A point is a single day; a bar is a period (a month, a week, or an inferred range).");
    note.textContent = messages.join(" ");
    if (!items.length) { box.appendChild(empty("Nothing dated matches the filter.")); return; }
    if (typeof vis === "undefined") { box.appendChild(empty("The timeline library did not load.")); return; }
    var rows = new Set(items.map(function (item) { return item.group; }));
    var groups = new vis.DataSet(EVENT_FAMILIES.filter(function (family) { return rows.has(family.id); })
      .map(function (family) { return { id: family.id, content: el("span", { text: family.label }) }; })
      .concat([{ id: "articles", content: el("span", { text: "Articles" }) }]));
    var dataset = new vis.DataSet(items);
    var options = {
      // Many items are grouped into counted clusters until zoomed in, which keeps it fast.
      cluster: items.length > 400 ? { maxItems: 4, showStipes: false } : false,
      stack: true, zoomKey: "ctrlKey", maxHeight: 520, verticalScroll: true, orientation: "top",
      tooltip: { followMouse: false }, selectable: true, showCurrentTime: false, margin: { item: 4 },
    };
    // A few events dated years before the rest (a background sentence: "In 2020, ...")
    // would otherwise squeeze the situation itself into a sliver at one edge, its labels
    // cut to a letter or two: the timeline opens on where most dated items lie.
    var busy = busyWindow(items);
    if (busy) {
      options.start = busy[0];
      options.end = busy[1];
      var whole = el("button", { type: "button", text: "Show all dates" });
      whole.addEventListener("click", function () { if (timeline) timeline.fit(); });
      note.appendChild(document.createTextNode(" Opened on the dates most items share; "));
      note.appendChild(whole);
      note.appendChild(document.createTextNode(" (or Ctrl + wheel) for the rest."));
    }
    timeline = new vis.Timeline(box, dataset, groups, options);
    timeline.on("select", function (props) {
      var chosen = dataset.get(props.items[0]);
      if (!chosen) return;
      if (chosen.event && chosen.event.evidence.length) {
        var ev = chosen.event.evidence[0];
        openArticle(ev.article, ev.start, ev.end, ev.text);
      } else if (chosen.articleIds) {
        openArticle(chosen.articleIds[0]);
      }
    });
    var list = el("details", { class: "timeline-list" }, [el("summary", { text: "Events as a list" })]);
    // Thousands of events at a large corpus: the list is made when it is first opened.
    whenOpened(list, function () {
      var ol = el("ol");
      events.slice().sort(function (a, b) { return String(a.date || "~").localeCompare(String(b.date || "~")); })
        .forEach(function (e) {
          ol.appendChild(el("li", {}, [(e.date || "undated") + " (" + (e.date_precision || "?") + "), " + e.type + ": " + e.text + " ",
            e.evidence.length ? evidenceButton(e.evidence[0], "evidence") : null]));
        });
      list.appendChild(ol);
    });
    if (events.length) root.appendChild(list);
  };

  // The actor network: entities sized by mentions, linked when they share articles; outlets
  // linked to the actors they quote and the sources they cite.
  var cy = null;
  var MAX_NODES = 40, MAX_EDGES = 120, MAX_OUTLET_EDGES = 60; // beyond this a network is a hairball, and slow to lay out

  views.network = function (root) {
    // Places are on the map; here they would crowd out the people and organisations (every
    // town of a flood story co-occurs with every other), as in the overview's top actors. A
    // country that acts (``Pakistan said``) is tagged as its government, an organisation.
    var entities = data.entities.filter(function (e) {
      return anyVisible(e.articles) && !PLACE_TYPES.has(e.type);
    })
      .sort(function (a, b) { return b.mention_count - a.mention_count || a.name.localeCompare(b.name); })
      .slice(0, MAX_NODES);
    var note = el("p", { class: "meta" });
    root.appendChild(note);
    if (!entities.length) { root.appendChild(whyEmpty(data.entities.length, "actors", "no named actors were found.")); return; }
    var shown = new Set(entities.map(function (e) { return e.id; }));
    var byArticle = new Map();
    entities.forEach(function (e) {
      e.articles.forEach(function (id) {
        if (!visible.has(id)) return;
        if (!byArticle.has(id)) byArticle.set(id, []);
        byArticle.get(id).push(e.id);
      });
    });
    var pairs = new Map();
    byArticle.forEach(function (ids) {
      for (var i = 0; i < ids.length; i++) for (var j = i + 1; j < ids.length; j++) {
        var key = ids[i] < ids[j] ? ids[i] + "\u0000" + ids[j] : ids[j] + "\u0000" + ids[i];
        pairs.set(key, (pairs.get(key) || 0) + 1);
      }
    });
    var edges = Array.from(pairs.entries()).sort(function (a, b) { return b[1] - a[1]; }).slice(0, MAX_EDGES)
      .map(function (p, i) {
        var ends = p[0].split("\u0000");
        return { data: { id: "co" + i, source: "n:" + ends[0], target: "n:" + ends[1], weight: p[1], kind: "co-occurs" } };
      });
    var outlets = new Map();
    function link(outlet, entityId, kind) {
      if (!entityId || !shown.has(entityId)) return;
      var key = kind + "\u0000" + outlet + "\u0000" + entityId;
      outlets.set(key, (outlets.get(key) || 0) + 1);
    }
    data.quotes.forEach(function (q) {
      if (visible.has(q.article)) link(articleById.get(q.article).outlet, q.speaker, "quotes");
    });
    data.citations.forEach(function (c) {
      if (visible.has(c.article)) link(articleById.get(c.article).outlet, c.source, "cites");
    });
    var outletNodes = new Map();
    var i = 0;
    // Only the strongest outlet links: every outlet quoting every actor would hide the rest.
    var strongest = new Map(Array.from(outlets.entries()).sort(function (a, b) {
      return b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
    }).slice(0, MAX_OUTLET_EDGES));
    strongest.forEach(function (count, key) {
      var parts = key.split("\u0000");
      if (!outletNodes.has(parts[1])) outletNodes.set(parts[1], "o" + outletNodes.size);
      edges.push({ data: { id: "q" + (i++), source: "o:" + outletNodes.get(parts[1]), target: "n:" + parts[2],
        weight: count, kind: parts[0] } });
    });
    var maxMentions = Math.max.apply(null, entities.map(function (e) { return e.mention_count; }).concat([1]));
    var nodes = entities.map(function (e) {
      return { data: { id: "n:" + e.id, entity: e.id, label: e.name, type: e.type,
        size: 18 + 42 * Math.sqrt(e.mention_count / maxMentions), aliases: (e.aliases || []).join(", "),
        mentions: e.mention_count } };
    });
    outletNodes.forEach(function (id, name) {
      nodes.push({ data: { id: "o:" + id, label: name, type: "outlet", size: 16, aliases: "", mentions: 0 } });
    });
    note.textContent = plural(entities.length, "actor", "actors") + " (the most mentioned" +
      (data.entities.length > MAX_NODES ? ", at most " + MAX_NODES : "") + "), " +
      plural(outletNodes.size, "outlet", "outlets") + "; grey lines join actors named in the same articles, " +
      "green arrows run from an outlet to the actors it quotes, orange arrows to the sources it cites. " +
      "Hover a node for its aliases; click an actor to filter by it.";
    var box = el("div", { id: "network-canvas", role: "img", "aria-label": "Network of actors; the Entities table lists the same actors" });
    var tip = el("div", { class: "network-tip", hidden: true });
    root.appendChild(box);
    root.appendChild(tip);
    if (typeof cytoscape === "undefined") { box.appendChild(empty("The network library did not load.")); return; }
    cy = cytoscape({
      container: box,
      maxZoom: 1.6, // a small network is not blown up to fill the box
      elements: { nodes: nodes, edges: edges },
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
          "background-color": "#2f6fd0", "font-size": 12, "text-wrap": "ellipsis", "text-max-width": 140,
          color: "#1d232b", "text-valign": "bottom", "text-margin-y": 2,
          // A pale backing keeps a label readable where it crosses edges.
          "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1 } },
        { selector: "node[type = 'outlet']", style: { shape: "round-rectangle", "background-color": "#7a8794" } },
        { selector: "node[type = 'PERSON']", style: { "background-color": "#c2571a" } },
        { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 6)", "line-color": "#c5ccd3", "curve-style": "bezier", opacity: 0.8 } },
        { selector: "edge[kind = 'quotes']", style: { "line-color": "#2e8b57", "target-arrow-shape": "triangle", "target-arrow-color": "#2e8b57" } },
        { selector: "edge[kind = 'cites']", style: { "line-color": "#d9822b", "target-arrow-shape": "triangle", "target-arrow-color": "#d9822b" } },
      ],
      // A force layout reads best but grows slow; past 70 nodes (actors and outlets), rings.
      layout: nodes.length <= 70
        ? { name: "cose", animate: false, randomize: false, numIter: 1000, padding: 20, componentSpacing: 60,
          nodeOverlap: 20, gravity: 0.4,
          // Repulsion grows with a node's size and edges lengthen as they weaken, so the big actors
          // named together in every article do not pile their labels on one another.
          nodeRepulsion: function (node) { return 40000 + 600 * node.data("size") * node.data("size"); },
          idealEdgeLength: function (edge) { return 90 + 60 / Math.max(1, edge.data("weight")); } }
        : { name: "concentric", animate: false, minNodeSpacing: 12,
          concentric: function (node) { return node.data("mentions"); }, levelWidth: function () { return 2; } },
    });
    cy.on("mouseover", "node", function (evt) {
      var d = evt.target.data();
      tip.textContent = d.label + (d.type ? " (" + d.type + ")" : "") + (d.aliases ? ": also " + d.aliases : "") +
        (d.mentions ? "; " + plural(d.mentions, "mention", "mentions") : "");
      tip.hidden = false;
    });
    cy.on("mouseout", "node", function () { tip.hidden = true; });
    cy.on("tap", "node", function (evt) {
      var entity = evt.target.data("entity");
      if (entity) setFilter("actor", entity);
    });
  };

  // Runs fill once, the first time the <details> opens: by mouse or keyboard (a click on its
  // summary, before the browser opens it, so Tab reaches what fill adds), by a script
  // (showClaim), or by the browser's find-in-page (the toggle event).
  function whenOpened(details, fill) {
    var filled = false;
    function once() { if (!filled) { filled = true; fill(); } }
    details.opening = once;
    details.addEventListener("toggle", function () { if (details.open) once(); });
    details.addEventListener("click", function (event) {
      if (event.target.closest("summary") && event.target.closest("details") === details) once();
    });
  }

  function showClaim(id) {
    var target = document.getElementById("claim-" + id);
    if (!target) return;
    if (target.opening) target.opening();
    target.open = true;
    target.scrollIntoView({ block: "center" });
    target.querySelector("summary").focus();
  }

  var STATUS_LABEL = { contested: "Contested", corroborated: "Corroborated", single_source: "Single source" };

  views.claims = function (root) {
    var claims = data.claims.filter(function (c) { return anyVisible(evidenceArticles(c)); });
    if (!claims.length) {
      root.appendChild(whyEmpty(data.claims.length, "claims", "the build found none, or predates claim extraction."));
      return;
    }
    ["contested", "corroborated", "single_source"].forEach(function (status) {
      var group = claims.filter(function (c) { return c.status === status; });
      root.appendChild(el("h3", { text: STATUS_LABEL[status] + " (" + group.length + ")" }));
      if (!group.length) { root.appendChild(empty("None.")); return; }
      var shownClaims = group.slice(0, 200);
      shownClaims.forEach(function (claim) {
        var details = el("details", { class: "claim claim-" + status, id: "claim-" + claim.id });
        details.appendChild(el("summary", {}, [
          el("span", { class: "badge " + (status === "contested" ? "warn" : ""), text: STATUS_LABEL[status] || status }), " ",
          el("span", { class: "claim-text", text: claim.text }), " ",
          el("span", { class: "meta", text: "· " + plural(claim.independent_sources, "independent source", "independent sources") +
            " · " + (claim.outlets || []).join(", ") }),
        ]));
        // The evidence is drawn when the claim is first opened: hundreds of claims with
        // dozens of passages each made thousands of nodes nobody had asked to see.
        var evidenceBox = el("div", { class: "claim-evidence" });
        details.appendChild(evidenceBox);
        whenOpened(details, function () { evidenceBox.appendChild(evidenceList(claim.evidence || [])); });
        if ((claim.contradicts || []).length) {
          var against = el("p", { class: "contradicts" }, ["Contradicted by: "]);
          claim.contradicts.forEach(function (otherId) {
            var other = claimById.get(otherId);
            against.appendChild(button(other ? other.text : otherId, function () { showClaim(otherId); }, { class: "link-button" }));
            against.appendChild(document.createTextNode(" "));
          });
          details.appendChild(against);
        }
        root.appendChild(details);
      });
      if (group.length > shownClaims.length) root.appendChild(empty((group.length - shownClaims.length) + " more: narrow the filter to see them."));
    });
  };

  views.quotes = function (root) {
    var quotes = data.quotes.filter(function (q) { return visible.has(q.article); });
    if (!quotes.length) { root.appendChild(whyEmpty(data.quotes.length, "quotes", "no statement with a speaker was found.")); return; }
    var bySpeaker = new Map();
    quotes.forEach(function (q) {
      var name = entityName(q.speaker, q.speaker_text) || "unattributed";
      bySpeaker.set(name, (bySpeaker.get(name) || 0) + 1);
    });
    var speakers = el("p", { class: "meta" }, ["Speakers: "]);
    Array.from(bySpeaker.entries()).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 15).forEach(function (s) {
      speakers.appendChild(document.createTextNode(s[0] + " (" + s[1] + ") "));
    });
    root.appendChild(speakers);
    pagedTable(root, [
      { label: "Speaker", value: function (q) { return entityName(q.speaker, q.speaker_text) || "unattributed"; },
        cell: function (q) {
          var written = q.speaker_text || "";
          var name = entityName(q.speaker, written);
          return el("span", {}, [name || "unattributed", written && written !== name ? el("span", { class: "meta", text: " as “" + written + "”" }) : null]);
        } },
      { label: "Statement", value: function (q) { return q.text; } },
      { label: "Kind", value: function (q) { return q.direct ? "direct" : "reported"; } },
      { label: "Cue", value: function (q) { return q.cue || ""; } },
      { label: "Outlet", value: function (q) { var a = articleById.get(q.article); return a ? a.outlet : ""; } },
      { label: "Also in", value: function (q) { return (q.also_in || []).length; }, numeric: true },
      { label: "Source", value: function () { return ""; }, cell: function (q) {
        return evidenceButton({ article: q.article, start: q.start, end: q.end, text: q.text });
      } },
    ], quotes, { sortIndex: 0 });
  };

  views.citations = function (root) {
    var citations = data.citations.filter(function (c) { return visible.has(c.article); });
    if (!citations.length) { root.appendChild(whyEmpty(data.citations.length, "citations", "no article names a source it relies on.")); return; }
    // Provenance chains: an outlet cites a source; when that source is itself an outlet in
    // the corpus, follow what it cites in turn.
    var cites = new Map();
    citations.forEach(function (c) {
      var from = articleById.get(c.article).outlet;
      var to = entityName(c.source, c.source_text);
      if (!cites.has(from.toLowerCase())) cites.set(from.toLowerCase(), { name: from, targets: new Map() });
      var t = cites.get(from.toLowerCase()).targets;
      t.set(to, (t.get(to) || 0) + 1);
    });
    var chains = [];
    function walk(path, seen) {
      var node = cites.get(path[path.length - 1].toLowerCase());
      var extended = false;
      if (node && path.length < 5) {
        node.targets.forEach(function (count, target) {
          if (seen.has(target.toLowerCase())) return;
          extended = true;
          walk(path.concat([target]), new Set(Array.from(seen).concat([target.toLowerCase()])));
        });
      }
      if (!extended && path.length > 1) chains.push(path);
    }
    cites.forEach(function (node, key) { walk([node.name], new Set([key])); });
    chains.sort(function (a, b) { return b.length - a.length || a.join().localeCompare(b.join()); });
    root.appendChild(el("h3", { text: "Provenance chains" }));
    var list = el("ul", { class: "chains" });
    chains.slice(0, 40).forEach(function (path) { list.appendChild(el("li", { text: path.join(" → ") })); });
    root.appendChild(list);
    if (chains.length > 40) root.appendChild(empty((chains.length - 40) + " more chains."));
    root.appendChild(el("h3", { text: "Citations" }));
    pagedTable(root, [
      { label: "Outlet", value: function (c) { return articleById.get(c.article).outlet; } },
      { label: "Cites", value: function (c) { return entityName(c.source, c.source_text); } },
      { label: "As written", value: function (c) { return c.source_text; } },
      { label: "Kind", value: function (c) { return c.kind; } },
      { label: "Source", value: function () { return ""; }, cell: function (c) {
        var t = texts[c.article];
        return evidenceButton({ article: c.article, start: c.start, end: c.end,
          text: typeof t === "string" ? t.slice(c.start, c.end) : c.source_text });
      } },
    ], citations, { sortIndex: 0 });
  };

  views.framing = function (root) {
    var outlets = new Set();
    data.articles.forEach(function (a) { if (visible.has(a.id)) outlets.add(a.outlet); });
    var framing = data.framing.filter(function (f) { return outlets.has(f.outlet); });
    if (!framing.length) { root.appendChild(whyEmpty(data.framing.length, "framing figures", "the build computed none (too few outlets, or it predates framing).")); return; }
    pagedTable(root, [
      { label: "Outlet", value: function (f) { return f.outlet; } },
      { label: "Distinctive terms (score)", value: function (f) {
        return (f.distinctive_terms || []).map(function (t) { return t.term + " (" + Number(t.score).toFixed(2) + ")"; }).join(", ");
      } },
    ], framing, { sortIndex: 0 });
  };

  views.entities = function (root) {
    var entities = data.entities.filter(function (e) { return anyVisible(e.articles); });
    if (!entities.length) { root.appendChild(whyEmpty(data.entities.length, "entities", "no named actors were found.")); return; }
    pagedTable(root, [
      { label: "Name", value: function (e) { return e.name; }, cell: function (e) { return filterButton("actor", e.id, e.name); } },
      { label: "Type", value: function (e) { return e.type; } },
      { label: "Aliases", value: function (e) { return (e.aliases || []).join(", "); } },
      { label: "Mentions", value: function (e) { return e.mention_count; }, numeric: true },
      { label: "Articles", value: function (e) { return e.articles.filter(function (id) { return visible.has(id); }).length; }, numeric: true },
    ], entities, { sortIndex: 3, descending: true });
  };

  views.places = function (root) {
    var places = data.places.filter(function (p) { return anyVisible(p.articles); });
    if (!places.length) { root.appendChild(whyEmpty(data.places.length, "places", "no place names were found.")); return; }
    pagedTable(root, [
      { label: "Name", value: function (p) { return p.name; }, cell: function (p) { return filterButton("place", p.id, p.name); } },
      { label: "Country", value: function (p) { return p.country_code || ""; } },
      { label: "Lat, lon", value: function (p) { return typeof p.lat === "number" ? p.lat : ""; }, cell: function (p) {
        return typeof p.lat === "number" && typeof p.lon === "number" ? p.lat.toFixed(4) + ", " + p.lon.toFixed(4)
          : el("span", { class: "empty", text: "unresolved" + (p.reason ? ": " + p.reason : "") });
      } },
      { label: "Aliases", value: function (p) { return (p.aliases || []).join(", "); } },
      { label: "Confidence", value: function (p) { return p.confidence; }, cell: function (p) { return Number(p.confidence).toFixed(2); }, numeric: true },
      { label: "Articles", value: function (p) { return p.articles.filter(function (id) { return visible.has(id); }).length; }, numeric: true },
    ], places, { sortIndex: 5, descending: true });
  };

  views.articles = function (root) {
    var articles = data.articles.filter(function (a) { return visible.has(a.id); });
    if (!articles.length) { root.appendChild(whyEmpty(data.articles.length, "articles", "every input was rejected.")); return; }
    pagedTable(root, [
      { label: "Date", value: function (a) { var d = articleDays(a); return d ? d[0] : ""; }, cell: function (a) { return articleDateLabel(a); } },
      { label: "Date basis", value: function (a) { return a.date_basis; } },
      { label: "Outlet", value: function (a) { return a.outlet; } },
      { label: "Title", value: function (a) { return a.title || ""; }, cell: function (a) {
        var span = el("span", {}, [externalLink(a.url, a.title || "untitled")]);
        if (a.duplicate_of) span.appendChild(el("span", { class: "badge warn", text: " duplicate of " + articleLabel(a.duplicate_of) }));
        return span;
      } },
      { label: "Words", value: function (a) { return a.words; }, numeric: true },
      { label: "Language", value: function (a) { return a.language; } },
      { label: "Files", value: function (a) { return (a.files || []).join(" "); }, cell: function (a) {
        return el("span", { class: "files", text: (a.files || []).join("\n") });
      } },
      { label: "Text", value: function () { return ""; }, cell: function (a) { return readButton(a.id); } },
    ], articles, { sortIndex: 0, rowAttrs: function (a) { return { class: a.duplicate_of ? "duplicate" : null, "data-article": a.id }; } });
  };

  // ------------------------------------------------------------------ drawing

  function syncControls() {
    FILTER_KEYS.forEach(function (key) {
      var control = controls[key];
      if (control.tagName === "SELECT" && state[key] &&
          !Array.prototype.some.call(control.options, function (o) { return o.value === state[key]; })) {
        control.appendChild(el("option", { value: state[key], text: state[key] + " (not in this report)" }));
      }
      control.value = state[key];
    });
  }

  function teardown() {
    if (timeline) { timeline.destroy(); timeline = null; }
    if (cy) { cy.destroy(); cy = null; }
  }

  function refresh() {
    syncControls();
    visible = new Set();
    data.articles.forEach(function (a) { if (passes(a)) visible.add(a.id); });
    document.getElementById("f-status").textContent = filtering()
      ? "Showing " + visible.size + " of " + plural(data.articles.length, "article", "articles") + "."
      : plural(data.articles.length, "article", "articles") + ".";
    teardown();
    var timings = {};
    Object.keys(views).forEach(function (name) {
      var root = clear(document.getElementById("view-" + name));
      var started = performance.now();
      try {
        views[name](root);
        timings[name] = Math.round(performance.now() - started);
      } catch (err) {
        root.appendChild(empty("This view could not be drawn: " + err.message));
        console.error("view " + name + " failed", err);
      }
    });
    // Milliseconds each view took to draw, read by bench/report_size.py.
    timings.since_navigation = Math.round(performance.now());
    timings.script_start = Math.round(startedAt);
    document.body.setAttribute("data-timings", JSON.stringify(timings));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && reader.open) reader.close();
  });

  readHash();
  refresh();
  document.body.setAttribute("data-ready", "true");
})();
