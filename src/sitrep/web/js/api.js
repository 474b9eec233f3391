// Talking to the sitrep API: JSON GETs with the filters as query parameters. A 401 asks for the
// token once, stores it as a same-site cookie (sent with GETs only) and retries.

let pendingLogin = null; // one prompt for all the requests that met a 401 at once

const login = () => {
  if (pendingLogin) return pendingLogin;
  pendingLogin = new Promise((resolve) => {
    const dialog = document.getElementById("login");
    const form = document.getElementById("login-form");
    form.addEventListener(
      "submit",
      () => {
        const token = document.getElementById("token").value.trim();
        document.cookie = `sitrep_token=${encodeURIComponent(token)}; path=/; SameSite=Strict`;
        pendingLogin = null;
        resolve();
      },
      { once: true },
    );
    if (!dialog.open) dialog.showModal();
  });
  return pendingLogin;
};

export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  return search.toString();
}

async function request(path, params, retry = true) {
  const qs = queryString(params);
  const response = await fetch(qs ? `${path}?${qs}` : path, { credentials: "same-origin" });
  if (response.status === 401 && retry) {
    await login();
    return request(path, params, false);
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch {
      /* not JSON */
    }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response;
}

export async function getJSON(path, params = {}) {
  return (await request(path, params)).json();
}

// The located events for the map, from /api/points?format=binary (layout in sitrep/api/points.py):
// typed arrays over one buffer, no parsing per point. Ids are split from their text when asked for.
export async function getPoints(params = {}) {
  const buffer = await (await request("/api/points", { ...params, format: "binary" })).arrayBuffer();
  const size = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, size)));
  const n = header.n;
  let offset = 4 + size;
  const column = (Type) => {
    const values = new Type(buffer, offset, n);
    offset += n * Type.BYTES_PER_ELEMENT;
    return values;
  };
  const longitude = column(Float32Array);
  const latitude = column(Float32Array);
  const fatalities = column(Uint32Array);
  const type = column(Uint16Array);
  offset += (4 - (offset % 4)) % 4;
  const idText = new Uint8Array(buffer, offset);
  let ids = null;
  const idOf = (i) => {
    ids ||= n ? new TextDecoder().decode(idText).split("\n") : [];
    return ids[i];
  };
  return { n, types: header.types, truncated: header.truncated, longitude, latitude, fatalities, type, idOf };
}
