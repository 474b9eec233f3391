#!/usr/bin/env bash
# Refresh the vendored browser assets from the npm registry (run by a maintainer, not at install or
# run time; the copied files are committed). Versions are pinned in package.json / package-lock.json.
#   leaflet (BSD-2-Clause)          map
#   supercluster (ISC)              point clustering (UMD build; bundles kdbush, ISC)
#   swagger-ui-dist (Apache-2.0)    /docs without a CDN
#   world-atlas (ISC; data: Natural Earth, public domain) + topojson-client (ISC): the basemap,
#                                   converted here once from TopoJSON to GeoJSON
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
cp package.json "$BUILD/"
[ -f package-lock.json ] && cp package-lock.json "$BUILD/"
(cd "$BUILD" && npm install --no-audit --no-fund --ignore-scripts)
cp "$BUILD/package-lock.json" "$HERE/"
M="$BUILD/node_modules"
rm -rf leaflet supercluster swagger-ui basemap
mkdir -p leaflet/images supercluster swagger-ui basemap
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$M/leaflet/LICENSE" leaflet/
cp "$M/leaflet/dist/images/"*.png leaflet/images/
cp "$M/supercluster/dist/supercluster.min.js" "$M/supercluster/LICENSE" supercluster/
cp "$M/kdbush/LICENSE" supercluster/LICENSE.kdbush
cp "$M/swagger-ui-dist/swagger-ui-bundle.js" "$M/swagger-ui-dist/swagger-ui.css" \
   "$M/swagger-ui-dist/favicon-32x32.png" "$M/swagger-ui-dist/LICENSE" swagger-ui/
cp "$M/world-atlas/LICENSE" basemap/LICENSE.world-atlas
cp "$M/topojson-client/LICENSE" basemap/LICENSE.topojson-client
(cd "$BUILD" && node -e '
const topo = require("./node_modules/world-atlas/countries-110m.json");
const {feature} = require("topojson-client");
const fc = feature(topo, topo.objects.countries);
// Rings that cross the antimeridian (Fiji, Russia, Antarctica) are shifted east so that no edge
// spans the whole map; Leaflet draws longitudes beyond 180 where they belong.
const unwrap = (ring) => (ring.some(([x]) => x > 150) && ring.some(([x]) => x < -150)
  ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring);
for (const f of fc.features) {
  f.properties = {name: f.properties.name};
  const g = f.geometry;
  if (g && g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
  if (g && g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(unwrap));
}
process.stdout.write(JSON.stringify(fc, (k, v) => typeof v === "number" ? Math.round(v * 1000) / 1000 : v));
') > basemap/countries-110m.geojson
printf 'Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com), via world-atlas %s (ISC), converted to GeoJSON with topojson-client.\n' \
  "$(node -p "require('$M/world-atlas/package.json').version")" > basemap/README
ls -R
