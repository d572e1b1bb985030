/* eventwire dashboard: map, timeline, filters and the evidence panel.
 *
 * Everything shown from the database is untrusted text (headlines, sentences, actor names, URLs):
 * it is only ever placed with textContent or as DOM nodes built by `el`, never as HTML, and only
 * http(s) URLs become links. The page loads nothing from outside this server.
 */
(function () {
  "use strict";

  var TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2471a3",
    "Riots": "#d4ac0d",
    "Strategic developments": "#229954"
  };
  var OTHER_COLOUR = "#7f8c8d";
  // Where an event comes from: coded here from news (round markers) or imported from an ACLED
  // export with `eventwire import-acled` (square markers, an "ACLED" badge in the list).
  var ORIGIN_LABELS = { eventwire: "eventwire (coded from news)", acled: "ACLED (imported)" };
  var FIELD_LABELS = {
    event: "event", event_date: "date", actor1: "actor 1", actor2: "actor 2",
    location: "location", fatalities: "fatalities"
  };
  var LIST_PAGE = 50;
  // Leaflet.markercluster builds its cluster tree for every zoom up front: about 2 s for 20,000
  // markers but 10 s for 100,000 on a small machine. Above this many points the page bins them
  // itself into a screen grid for the current view instead (tens of milliseconds per redraw).
  var MARKERCLUSTER_MAX = 20000;
  var GRID_CELL_PX = 60;
  var MAX_TIMELINE_BARS = 240;

  var state = {
    filters: { event_type: "", country: "", origin: "", actor: "", q: "", start: "", end: "" },
    config: null,
    map: null,
    cluster: null,
    grid: null,          // {layer, points, types} while many points are drawn by the grid
    icons: {},
    timeline: null,      // {days: [{date, count}], bins: [...]} for the current non-date filters
    brush: null,         // {from: Date, to: Date} while dragging or selected
    generation: 0        // bumps on every refresh so a slow old answer never wins
  };

  // -- small helpers -----------------------------------------------------------------------

  /** Build an element; string children become text nodes (never parsed as HTML). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "className") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key === "dataset") Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
        else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /** Only http and https URLs may become links: `javascript:`, `data:` and the rest stay text. */
  function safeUrl(raw) {
    if (typeof raw !== "string" || !raw) return null;
    try {
      var url = new URL(raw, window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function colourOf(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }

  function setStatus(text, isError) {
    var node = document.getElementById("status");
    node.textContent = text;
    node.classList.toggle("error", !!isError);
  }

  function params(extra, omitDates) {
    var out = new URLSearchParams();
    var f = state.filters;
    Object.keys(f).forEach(function (k) {
      if (!f[k]) return;
      if (omitDates && (k === "start" || k === "end")) return;
      out.set(k, f[k]);
    });
    Object.keys(extra || {}).forEach(function (k) { out.set(k, extra[k]); });
    return out;
  }

  /** GET a JSON endpoint; an error envelope becomes an Error with the server's message. */
  function api(path, query) {
    var url = path + (query && String(query) ? "?" + String(query) : "");
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (!res.ok) {
          var msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
          throw new Error(msg);
        }
        return body;
      });
    });
  }

  function fmtNumber(n) { return Number(n).toLocaleString("en"); }

  function isoDay(d) { return d.toISOString().slice(0, 10); }

  function parseDay(s) { return new Date(s + "T00:00:00Z"); }

  // -- map ---------------------------------------------------------------------------------

  function initMap() {
    var map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([20, 20], 2);
    map.attributionControl.setPrefix("Leaflet");
    if (state.config.tile_url) {
      L.tileLayer(state.config.tile_url, { maxZoom: 18, attribution: "Map tiles: configured tile server" }).addTo(map);
    } else {
      map.getContainer().classList.add("offline");
    }
    state.cluster = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 120,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      spiderfyOnMaxZoom: true,
      removeOutsideVisibleBounds: true
    });
    state.cluster.on("click", function (ev) {
      var id = ev.layer && ev.layer.options && ev.layer.options.eventId;
      if (id) openEvent(id);
    });
    map.addLayer(state.cluster);
    state.grid = { layer: L.layerGroup().addTo(map), points: null, types: null };
    map.on("moveend", function () { if (state.grid.points) drawGrid(); });
    state.map = map;
    addLegend(map);
    return loadOutlines(map);
  }

  /** The offline base map: Natural Earth country outlines served by this app. */
  function loadOutlines(map) {
    return fetch("/static/vendor/world/countries-50m.json").then(function (res) {
      if (!res.ok) throw new Error("country outlines missing (run python -m eventwire.serve.assets)");
      return res.json();
    }).then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      land.features.forEach(function (f) { unwrapGeometry(f.geometry); });
      var layer = L.geoJSON(land, {
        interactive: false,
        attribution: "Outlines: Natural Earth",
        style: { color: "#8a9bb0", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: state.config.tile_url ? 0 : 1 }
      });
      layer.addTo(map);
      layer.bringToBack();
    });
  }

  /** Rings cut at the antimeridian (Russia, Fiji, Antarctica) jump from +180 to -180; on a flat
   *  map that jump is drawn as a line across the world. Shifting the points after a jump by 360
   *  degrees keeps each ring continuous (it then reaches into the next world copy). */
  function unwrapGeometry(geometry) {
    if (!geometry) return;
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          var delta = ring[i][0] - ring[i - 1][0];
          if (delta > 180) ring[i][0] -= 360 * Math.round(delta / 360);
          else if (delta < -180) ring[i][0] += 360 * Math.round(-delta / 360);
        }
      });
    });
  }

  function addLegend(map) {
    var Legend = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", { className: "legend" });
        Object.keys(TYPE_COLOURS).forEach(function (type) {
          var sw = el("span", { className: "swatch" });
          sw.style.background = TYPE_COLOURS[type];
          box.appendChild(el("div", { className: "legend-row" }, sw, type));
        });
        Object.keys(ORIGIN_LABELS).forEach(function (origin) {
          var sw = el("span", { className: "swatch origin-swatch origin-" + origin });
          box.appendChild(el("div", { className: "legend-row legend-origin" }, sw, ORIGIN_LABELS[origin]));
        });
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    map.addControl(new Legend());
  }

  function iconFor(type, origin) {
    var key = type + "|" + (origin || "eventwire");
    if (!state.icons[key]) {
      var idx = Object.keys(TYPE_COLOURS).indexOf(type);
      var cls = "pin pin-" + (idx < 0 ? "other" : idx) + (origin === "acled" ? " pin-acled" : "");
      state.icons[key] = L.divIcon({ className: cls, iconSize: [14, 14] });
    }
    return state.icons[key];
  }

  /** A point's origin: its sixth number indexes `origins`; points without one are eventwire's. */
  function originOf(body, p) {
    return p.length > 5 && body.origins ? body.origins[p[5]] : "eventwire";
  }

  function drawPoints(body, generation) {
    var started = performance.now();
    var mapNode = document.getElementById("map");
    state.cluster.clearLayers();
    state.grid.layer.clearLayers();
    state.grid.points = null;
    if (body.points.length > MARKERCLUSTER_MAX) {
      state.grid.points = body.points;
      state.grid.types = body.types;
      state.grid.origins = body.origins;
      drawGrid();
      mapNode.dataset.markers = String(body.points.length);
      mapNode.dataset.mode = "grid";
      mapNode.dataset.drawMs = String(Math.round(performance.now() - started));
      return Promise.resolve(body.points.length);
    }
    mapNode.dataset.mode = "markercluster";
    var markers = new Array(body.points.length);
    for (var i = 0; i < body.points.length; i++) {
      var p = body.points[i];
      var type = body.types[p[3]];
      var origin = originOf(body, p);
      var title = type + (p[4] ? ", " + p[4] : "") + (origin === "acled" ? " (ACLED)" : "");
      markers[i] = L.marker([p[1], p[2]], { icon: iconFor(type, origin), eventId: p[0], title: title, keyboard: false });
    }
    return new Promise(function (resolve) {
      if (!markers.length) return resolve(0);
      state.cluster.options.chunkProgress = function (done, total) {
        if (done === total) resolve(total);
      };
      state.cluster.addLayers(markers);
    }).then(function (n) {
      if (generation !== state.generation) return;
      mapNode.dataset.markers = String(state.cluster.getLayers().length);
      mapNode.dataset.drawMs = String(Math.round(performance.now() - started));
      return n;
    });
  }

  /** Bin the loaded points that fall in view into GRID_CELL_PX screen cells (Web Mercator maths
   *  inline: projecting 100,000 points through Leaflet would cost more than the binning). A cell
   *  of one event is its marker; a larger cell is a count bubble that zooms in when clicked. */
  function drawGrid() {
    var map = state.map, g = state.grid;
    g.layer.clearLayers();
    var zoom = map.getZoom();
    var scale = 256 * Math.pow(2, zoom) / GRID_CELL_PX;
    var b = map.getBounds().pad(0.2);
    var south = b.getSouth(), north = b.getNorth(), west = b.getWest(), east = b.getEast();
    var cells = new Map();
    var pts = g.points;
    for (var i = 0; i < pts.length; i++) {
      var p = pts[i], lat = p[1], lon = p[2];
      if (lat < south || lat > north) continue;
      var lonView = lon;
      if (lonView < west) lonView += 360 * Math.ceil((west - lonView) / 360);
      if (lonView > east) continue;
      var s = Math.sin(lat * Math.PI / 180);
      var x = Math.floor(((lonView + 180) / 360) * scale);
      var y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale);
      var key = x + ":" + y;
      var c = cells.get(key);
      if (!c) { c = { n: 0, lat: 0, lon: 0, first: p, byType: {} }; cells.set(key, c); }
      c.n++; c.lat += lat; c.lon += lonView;
      c.byType[p[3]] = (c.byType[p[3]] || 0) + 1;
    }
    cells.forEach(function (c) {
      if (c.n === 1) {
        var type = g.types[c.first[3]];
        var origin = originOf(g, c.first);
        var single = L.marker([c.first[1], c.lon], { icon: iconFor(type, origin), eventId: c.first[0], title: type + (c.first[4] ? ", " + c.first[4] : "") + (origin === "acled" ? " (ACLED)" : ""), keyboard: false });
        single.on("click", function () { openEvent(c.first[0]); });
        g.layer.addLayer(single);
        return;
      }
      var size = c.n < 100 ? "small" : c.n < 1000 ? "medium" : "large";
      var top = Object.keys(c.byType).sort(function (a, b2) { return c.byType[b2] - c.byType[a]; })[0];
      var inner = el("div", null, el("span", null, fmtNumber(c.n)));
      inner.style.boxShadow = "0 0 0 3px " + colourOf(g.types[top]);
      var centre = L.latLng(c.lat / c.n, c.lon / c.n);
      var bubble = L.marker(centre, {
        icon: L.divIcon({ html: inner, className: "marker-cluster marker-cluster-" + size, iconSize: [40, 40] }),
        title: fmtNumber(c.n) + " events, mostly " + g.types[top], keyboard: false
      });
      bubble.on("click", function () { map.setView(centre, Math.min(map.getMaxZoom(), zoom + 2)); });
      g.layer.addLayer(bubble);
    });
  }

  // -- timeline (hand-drawn on a canvas, with a brush) -------------------------------------

  function binTimeline(days) {
    if (!days.length) return { bins: [], from: null, to: null, binDays: 1 };
    var from = parseDay(days[0].date), to = parseDay(days[days.length - 1].date);
    var span = Math.round((to - from) / 86400000) + 1;
    var binDays = Math.max(1, Math.ceil(span / MAX_TIMELINE_BARS));
    var n = Math.ceil(span / binDays);
    var bins = new Array(n).fill(0);
    days.forEach(function (d) {
      var k = Math.floor(Math.round((parseDay(d.date) - from) / 86400000) / binDays);
      bins[k] += d.count;
    });
    return { bins: bins, from: from, to: new Date(from.getTime() + n * binDays * 86400000), binDays: binDays };
  }

  function timelineGeometry(canvas) {
    var pad = { left: 36, right: 12, top: 8, bottom: 20 };
    return { pad: pad, w: canvas.clientWidth - pad.left - pad.right, h: canvas.clientHeight - pad.top - pad.bottom };
  }

  function drawTimeline() {
    var canvas = document.getElementById("timeline");
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * ratio);
    canvas.height = Math.round(canvas.clientHeight * ratio);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    var t = state.timeline;
    var g = timelineGeometry(canvas);
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = "#6b7785";
    if (!t || !t.bins.length) {
      ctx.fillText("No dated events for these filters", g.pad.left, g.pad.top + g.h / 2);
      return;
    }
    var max = Math.max.apply(null, t.bins) || 1;
    var bw = g.w / t.bins.length;
    var span = t.to - t.from;
    var selFrom = state.brush ? state.brush.from : null, selTo = state.brush ? state.brush.to : null;
    for (var i = 0; i < t.bins.length; i++) {
      if (!t.bins[i]) continue;
      var h = Math.max(1, (t.bins[i] / max) * g.h);
      var binStart = new Date(t.from.getTime() + i * t.binDays * 86400000);
      var inside = !selFrom || (binStart >= selFrom && binStart <= selTo);
      ctx.fillStyle = inside ? "#34495e" : "#c5ccd4";
      ctx.fillRect(g.pad.left + i * bw + (bw > 3 ? 0.5 : 0), g.pad.top + g.h - h, Math.max(1, bw - (bw > 3 ? 1 : 0)), h);
    }
    // axes: the count scale and a few dates
    ctx.fillStyle = "#6b7785";
    ctx.textAlign = "right";
    ctx.fillText(fmtNumber(max), g.pad.left - 4, g.pad.top + 9);
    ctx.fillText("0", g.pad.left - 4, g.pad.top + g.h);
    ctx.textAlign = "center";
    var ticks = Math.max(2, Math.min(8, Math.floor(g.w / 110)));
    for (var k = 0; k <= ticks; k++) {
      var d = new Date(t.from.getTime() + (span * k) / ticks);
      var x = g.pad.left + (g.w * k) / ticks;
      ctx.textAlign = k === 0 ? "left" : k === ticks ? "right" : "center";
      ctx.fillText(isoDay(d), x, g.pad.top + g.h + 14);
    }
    if (selFrom) {
      var x0 = g.pad.left + ((selFrom - t.from) / span) * g.w;
      var x1 = g.pad.left + ((selTo - t.from + 86400000) / span) * g.w;
      ctx.fillStyle = "rgba(36, 113, 163, 0.12)";
      ctx.fillRect(x0, g.pad.top, Math.max(2, x1 - x0), g.h);
      ctx.strokeStyle = "#2471a3";
      ctx.strokeRect(x0 + 0.5, g.pad.top + 0.5, Math.max(2, x1 - x0) - 1, g.h - 1);
    }
  }

  function dayAt(canvas, clientX) {
    var t = state.timeline;
    var g = timelineGeometry(canvas);
    var rect = canvas.getBoundingClientRect();
    var frac = Math.min(1, Math.max(0, (clientX - rect.left - g.pad.left) / g.w));
    var ms = t.from.getTime() + frac * (t.to - t.from);
    return parseDay(isoDay(new Date(ms)));
  }

  function initBrush() {
    var canvas = document.getElementById("timeline");
    var anchor = null;
    canvas.addEventListener("pointerdown", function (ev) {
      if (!state.timeline || !state.timeline.bins.length) return;
      anchor = dayAt(canvas, ev.clientX);
      state.brush = { from: anchor, to: anchor };
      canvas.setPointerCapture(ev.pointerId);
      drawTimeline();
    });
    canvas.addEventListener("pointermove", function (ev) {
      if (!anchor) return;
      var d = dayAt(canvas, ev.clientX);
      state.brush = d < anchor ? { from: d, to: anchor } : { from: anchor, to: d };
      drawTimeline();
      showBrush();
    });
    canvas.addEventListener("pointerup", function () {
      if (!anchor) return;
      anchor = null;
      state.filters.start = isoDay(state.brush.from);
      state.filters.end = isoDay(state.brush.to);
      showBrush();
      refresh(false);
    });
    document.getElementById("brush-clear").addEventListener("click", clearBrush);
    canvas.addEventListener("dblclick", clearBrush);
    window.addEventListener("resize", drawTimeline);
  }

  function clearBrush() {
    state.brush = null;
    state.filters.start = state.filters.end = "";
    showBrush();
    drawTimeline();
    refresh(false);
  }

  function showBrush() {
    var label = document.getElementById("brush-label");
    var button = document.getElementById("brush-clear");
    if (state.brush) {
      label.textContent = "Showing " + isoDay(state.brush.from) + " to " + isoDay(state.brush.to);
      button.hidden = false;
    } else {
      label.textContent = "Drag across the bars to filter by date";
      button.hidden = true;
    }
  }

  // -- filters -----------------------------------------------------------------------------

  function fillSelect(select, items, key, label) {
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    items.forEach(function (item) {
      if (item[key] === null || item[key] === undefined) return;
      select.appendChild(el("option", { value: item[key] }, label(item)));
    });
    select.value = keep;
  }

  function initFilters(facets) {
    var type = document.getElementById("f-type");
    var country = document.getElementById("f-country");
    var origin = document.getElementById("f-origin");
    fillSelect(type, facets.types, "event_type", function (t) { return t.event_type + " (" + fmtNumber(t.count) + ")"; });
    fillSelect(country, facets.countries, "country", function (c) { return c.country + " (" + fmtNumber(c.count) + ")"; });
    var timer = null;
    function changed() {
      state.filters.event_type = type.value;
      state.filters.country = country.value;
      state.filters.origin = origin.value;
      state.filters.actor = document.getElementById("f-actor").value.trim();
      state.filters.q = document.getElementById("f-q").value.trim();
      clearTimeout(timer);
      timer = setTimeout(function () { refresh(true); }, 250);
    }
    type.addEventListener("change", changed);
    country.addEventListener("change", changed);
    origin.addEventListener("change", changed);
    document.getElementById("f-actor").addEventListener("input", changed);
    document.getElementById("f-q").addEventListener("input", changed);
    document.getElementById("filters").addEventListener("submit", function (ev) { ev.preventDefault(); changed(); });
    document.getElementById("f-clear").addEventListener("click", function () {
      type.value = country.value = origin.value = "";
      document.getElementById("f-actor").value = document.getElementById("f-q").value = "";
      state.brush = null;
      state.filters = { event_type: "", country: "", origin: "", actor: "", q: "", start: "", end: "" };
      showBrush();
      refresh(true);
    });
  }

  // -- the event list ----------------------------------------------------------------------

  function typeChip(type) {
    var chip = el("span", { className: "chip" }, type || "");
    chip.style.borderColor = colourOf(type);
    chip.style.color = colourOf(type);
    return chip;
  }

  /** An "ACLED" badge on an imported event; nothing on eventwire's own. */
  function originBadge(ev) {
    if (ev.origin !== "acled") return null;
    return el("span", { className: "chip origin-badge", title: "Imported from an ACLED export" }, "ACLED");
  }

  function actorsLine(ev) {
    return [ev.actor1, ev.actor2].filter(Boolean).join(" vs ");
  }

  function renderList(page) {
    var list = document.getElementById("event-list");
    clear(list);
    page.items.forEach(function (ev) {
      var row = el("li", { className: "event-row", tabindex: "0", dataset: { id: ev.id }, role: "button" },
        el("div", { className: "row-top" }, typeChip(ev.sub_event_type || ev.event_type), originBadge(ev), el("span", { className: "muted" }, ev.event_date || "undated")),
        el("div", { className: "row-place" }, [ev.location, ev.country].filter(Boolean).join(", ") || "unknown place"),
        el("div", { className: "row-actors muted" }, actorsLine(ev)));
      row.addEventListener("click", function () { openEvent(ev.id); });
      row.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openEvent(ev.id); } });
      list.appendChild(row);
    });
    if (!page.items.length) list.appendChild(el("li", { className: "empty muted" }, "No events match these filters."));
    document.getElementById("list-count").textContent =
      page.total > page.items.length ? "newest " + page.items.length + " of " + fmtNumber(page.total) : fmtNumber(page.total);
  }

  // -- the evidence panel ------------------------------------------------------------------

  function showPanel(on) {
    document.getElementById("panel").hidden = !on;
    document.getElementById("list-view").hidden = on;
  }

  function openEvent(id) {
    var body = document.getElementById("panel-body");
    clear(body);
    body.appendChild(el("p", { className: "muted" }, "Loading event…"));
    showPanel(true);
    api("/api/events/" + encodeURIComponent(id)).then(function (ev) {
      var ids = [];
      ev.sources.forEach(function (s) { if (ids.indexOf(s.article_id) < 0) ids.push(s.article_id); });
      ev.evidence.forEach(function (e) { if (ids.indexOf(e.article_id) < 0) ids.push(e.article_id); });
      return Promise.all(ids.map(function (aid) {
        return api("/api/articles/" + encodeURIComponent(aid)).catch(function () { return null; });
      })).then(function (articles) { renderEvent(ev, articles.filter(Boolean)); });
    }).catch(function (err) {
      clear(body);
      body.appendChild(el("p", { className: "error" }, "Could not load the event: " + err.message));
    });
  }

  function fact(label, value) {
    if (value === null || value === undefined || value === "") return null;
    return el("div", { className: "fact" }, el("dt", null, label), el("dd", null, String(value)));
  }

  function renderEvent(ev, articles) {
    var body = document.getElementById("panel-body");
    clear(body);
    body.dataset.eventId = ev.id;
    body.appendChild(el("div", { className: "panel-title" }, typeChip(ev.event_type), originBadge(ev),
      el("h2", null, ev.sub_event_type || ev.event_type)));
    var fatal = ev.fatalities ? (ev.fatalities_qualifier ? ev.fatalities_qualifier + " " : "") + ev.fatalities : "0";
    body.appendChild(el("dl", { className: "facts" },
      fact("Date", ev.event_date || "unknown"),
      fact("Where", [ev.location, ev.admin1, ev.country].filter(Boolean).join(", ")),
      fact("Actor 1", ev.actor1),
      fact("Actor 2", ev.actor2),
      fact("Fatalities", fatal),
      fact("Confidence", ev.confidence !== null && ev.confidence !== undefined ? Math.round(ev.confidence * 100) + "%" : null),
      fact("PLOVER", ev.plover),
      fact("Origin", ORIGIN_LABELS[ev.origin] || ev.origin)));
    if (ev.origin === "acled") {
      // An imported event has no articles here: show what ACLED wrote, as text.
      var acled = ev.acled || {};
      body.appendChild(el("section", { className: "acled-notes" },
        el("h3", null, "ACLED's notes"),
        el("p", null, ev.notes || ""),
        el("dl", { className: "facts" },
          fact("ACLED id", acled.event_id_cnty || ev.event_id_cnty),
          fact("Sources", ev.source),
          fact("Source scale", acled.source_scale),
          fact("Disorder type", acled.disorder_type))));
      return;
    }
    body.appendChild(fieldLegend());
    articles.forEach(function (article) {
      var spans = ev.evidence.filter(function (e) { return e.article_id === article.id; });
      body.appendChild(renderArticle(article, spans, ev.sources));
    });
    var quotes = (ev.quotes || []);
    if (quotes.length) {
      var ql = el("ul", { className: "quotes" });
      quotes.forEach(function (q) {
        var who = q.speaker && q.speaker.name ? q.speaker.name + (q.speaker.role ? ", " + q.speaker.role : "") : "unattributed";
        ql.appendChild(el("li", null, el("q", null, q.text), el("span", { className: "muted" }, " — " + who)));
      });
      body.appendChild(el("h3", null, "Quotes in the sources"));
      body.appendChild(ql);
    }
  }

  function fieldLegend() {
    var box = el("div", { className: "field-legend" });
    Object.keys(FIELD_LABELS).forEach(function (f) {
      box.appendChild(el("span", { className: "mark f-" + f }, FIELD_LABELS[f]));
    });
    return box;
  }

  function renderArticle(article, spans, sources) {
    var src = sources.filter(function (s) { return s.article_id === article.id; })[0] || {};
    var rawUrl = article.url || src.url;
    var href = safeUrl(rawUrl);
    var head = el("div", { className: "source-head" });
    head.appendChild(el("div", { className: "source-title" }, article.title || article.id));
    var meta = el("div", { className: "muted source-meta" }, [article.source || src.source, article.published].filter(Boolean).join(" · "));
    head.appendChild(meta);
    if (href) {
      var link = el("a", { className: "source-link", target: "_blank", rel: "noopener noreferrer nofollow" }, "Open source article ↗");
      link.href = href;
      head.appendChild(link);
    } else if (rawUrl) {
      head.appendChild(el("div", { className: "muted source-url" }, "Source (not a web link): " + rawUrl));
    }
    var box = el("section", { className: "source", dataset: { articleId: article.id } }, head);
    sentencesFor(article.text, spans).forEach(function (range) {
      box.appendChild(renderSentence(article.text, range, spans));
    });
    if (!spans.length) box.appendChild(el("p", { className: "muted" }, "No evidence spans recorded in this article."));
    return box;
  }

  /** The sentences that hold the spans: from the last sentence end (or line break) before a
   *  span to the next one after it; overlapping ranges are merged. */
  function sentencesFor(text, spans) {
    var ranges = spans.map(function (s) {
      var start = s.start, end = s.end;
      while (start > 0 && !/[\n]/.test(text[start - 1]) && !(/[.!?]/.test(text[start - 2] || "") && /\s/.test(text[start - 1]))) start--;
      while (end < text.length && text[end] !== "\n" && !(/[.!?]/.test(text[end - 1]) && /\s/.test(text[end]))) end++;
      return [start, end];
    }).sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  /** One sentence with each field's span wrapped in a labelled <mark>; where spans nest, the
   *  innermost one colours the text. The "event" span marks the sentence itself. */
  function renderSentence(text, range, spans) {
    var inside = spans.filter(function (s) { return s.start >= range[0] && s.end <= range[1]; });
    var trigger = inside.some(function (s) { return s.field === "event"; });
    var marks = inside.filter(function (s) { return s.field !== "event"; });
    var p = el("p", { className: "sentence" + (trigger ? " trigger" : "") });
    if (trigger) p.appendChild(el("span", { className: "label f-event" }, "event"));
    var cuts = [range[0], range[1]];
    marks.forEach(function (m) { cuts.push(m.start, m.end); });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var labelled = {};
    for (var i = 0; i < cuts.length - 1; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var piece = text.slice(a, b);
      var covering = marks.filter(function (m) { return m.start <= a && m.end >= b; })
        .sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); });
      if (!covering.length) {
        p.appendChild(document.createTextNode(piece));
        continue;
      }
      var inner = covering[0];
      var fields = covering.map(function (m) { return m.field; });
      p.appendChild(el("mark", { className: "mark f-" + inner.field, dataset: { field: inner.field }, title: fields.join(", ") }, piece));
      covering.forEach(function (m) {
        var key = m.field + ":" + m.start + ":" + m.end;
        if (m.end === b && !labelled[key]) {
          labelled[key] = true;
          p.appendChild(el("span", { className: "label f-" + m.field }, FIELD_LABELS[m.field] || m.field));
        }
      });
    }
    return p;
  }

  // -- loading -----------------------------------------------------------------------------

  /** Reload what the filters touch. The timeline ignores the date brush (it is what you brush);
   *  the map and the list honour every filter. */
  function refresh(withTimeline) {
    var generation = ++state.generation;
    document.body.dataset.ready = "0";
    setStatus("Loading…");
    var jobs = [
      api("/api/points", params({ limit: state.config.max_points })),
      api("/api/events", params({ limit: LIST_PAGE }))
    ];
    if (withTimeline) jobs.push(api("/api/timeline", params(null, true)));
    return Promise.all(jobs).then(function (answers) {
      if (generation !== state.generation) return null;
      var pts = answers[0], page = answers[1];
      if (withTimeline) {
        var tl = answers[2];
        state.timeline = binTimeline(tl.days);
        drawTimeline();
      }
      renderList(page);
      var note = fmtNumber(page.total) + " events";
      if (pts.total < page.total) note += " · " + fmtNumber(pts.total) + " on the map";
      if (pts.truncated) note += " (newest " + fmtNumber(pts.points.length) + " drawn)";
      setStatus(note);
      return drawPoints(pts, generation);
    }).then(function () {
      if (generation === state.generation) document.body.dataset.ready = "1";
    }).catch(function (err) {
      setStatus("Error: " + err.message, true);
      document.body.dataset.ready = "error";
    });
  }

  function start() {
    document.getElementById("panel-back").addEventListener("click", function () { showPanel(false); });
    api("/api/config").then(function (config) {
      state.config = config;
      return Promise.all([initMap(), api("/api/timeline")]);
    }).then(function (answers) {
      initFilters(answers[1]);
      initBrush();
      return refresh(true);
    }).catch(function (err) {
      setStatus("Error: " + err.message, true);
      document.body.dataset.ready = "error";
    });
  }

  window.addEventListener("DOMContentLoaded", start);
})();
