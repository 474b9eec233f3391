// Clustering the map's points with supercluster, the same code in the page and in its worker.
//
// An index is built over columns: longitude, latitude, fatalities and a colour slot per point
// (typed arrays). Each feature carries only its row number; a cluster sums its fatalities and counts
// its events per colour slot in fixed properties c0..c6 (one per known event type, then "other";
// see SLOT_COLORS in colors.js), which keeps building fast: no keys are made per point.
//
// The page builds a coarse index (levels up to COARSE_ZOOM, from the points themselves: ~4x faster
// than the full hierarchy) for its first render and for every zoom up to COARSE_ZOOM, and a worker
// builds the fine index (up to FINE_ZOOM) for closer zooms. Each zoom level is always drawn from the
// same index, so what a zoom level shows never changes when the fine index arrives.
import "../vendor/supercluster/supercluster.min.js"; // a UMD build: defines globalThis.Supercluster

export const COARSE_ZOOM = 6;
export const FINE_ZOOM = 11;
const RADIUS = 44;

export function buildIndex({ n, longitude, latitude, fatalities, slot }, maxZoom) {
  const features = new Array(n);
  for (let i = 0; i < n; i += 1) {
    features[i] = { type: "Feature", geometry: { type: "Point", coordinates: [longitude[i], latitude[i]] }, properties: { i } };
  }
  const index = new globalThis.Supercluster({
    radius: RADIUS,
    maxZoom,
    map: ({ i }) => {
      const s = slot[i];
      return { f: fatalities[i], c0: +(s === 0), c1: +(s === 1), c2: +(s === 2), c3: +(s === 3), c4: +(s === 4), c5: +(s === 5), c6: +(s === 6) };
    },
    reduce: (acc, p) => {
      acc.f += p.f;
      acc.c0 += p.c0;
      acc.c1 += p.c1;
      acc.c2 += p.c2;
      acc.c3 += p.c3;
      acc.c4 += p.c4;
      acc.c5 += p.c5;
      acc.c6 += p.c6;
    },
  });
  return index.load(features);
}

const SLOT_KEYS = ["c0", "c1", "c2", "c3", "c4", "c5", "c6"];

// What to draw in a box at a zoom: clusters {lon, lat, count, f, slot, expansion} (slot: the colour
// of most of its events; expansion: the zoom at which it splits) and points {lon, lat, i}.
export function itemsIn(index, bbox, zoom) {
  return index.getClusters(bbox, zoom).map(({ geometry, properties: p }) => {
    const [lon, lat] = geometry.coordinates;
    if (!p.cluster) return { lon, lat, i: p.i };
    let best = 0;
    for (let s = 1; s < SLOT_KEYS.length; s += 1) if (p[SLOT_KEYS[s]] > p[SLOT_KEYS[best]]) best = s;
    return { lon, lat, cluster: true, count: p.point_count, f: p.f, slot: best, expansion: index.getClusterExpansionZoom(p.cluster_id) };
  });
}
