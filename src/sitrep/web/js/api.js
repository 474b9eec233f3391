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

export async function getJSON(path, params = {}, retry = true) {
  const qs = queryString(params);
  const response = await fetch(qs ? `${path}?${qs}` : path, { credentials: "same-origin" });
  if (response.status === 401 && retry) {
    await login();
    return getJSON(path, params, false);
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
  return response.json();
}
