import type { Route } from "../http/exchange.js";
import { STYLESHEET_PATH } from "./html.js";

/** The pages' one stylesheet: plain, legible, visible focus, and no colour that carries meaning alone. */
const CSS = `:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#f6f8fa;--card:#fff;--line:#d1d9e0;--accent:#1f883d;--danger:#cf222e;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#f0f6fc;--muted:#9198a1;--bg:#0d1117;--card:#151b23;--line:#3d444d;--accent:#238636;--danger:#f85149;--link:#4493f8}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
.banner{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.75rem 1.5rem;background:#24292f;color:#fff}
.banner form{margin:0}.banner .who{display:flex;gap:.75rem;align-items:center}
.tag{font-size:.75rem;border:1px solid currentColor;border-radius:2em;padding:0 .5em;margin-left:.25em}
main{max-width:34rem;margin:2.5rem auto;padding:1.5rem 2rem;background:var(--card);border:1px solid var(--line);border-radius:6px}
h1{font-size:1.5rem;font-weight:600;margin:0 0 1rem}
p.note{color:var(--muted);font-size:.875rem}
a{color:var(--link)}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
fieldset{border:0;padding:0;margin:0 0 1rem}
.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;padding:.25rem 0}
input[type=text]{font:1.5rem/1.2 ui-monospace,SFMono-Regular,Menlo,monospace;letter-spacing:.1em;text-transform:uppercase;width:100%;padding:.5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.actions{display:flex;gap:.75rem;margin-top:1.25rem;flex-wrap:wrap}
button{font:inherit;font-weight:600;padding:.4rem 1rem;border-radius:6px;border:1px solid var(--line);background:var(--bg);color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}
.banner button{background:transparent;color:#fff;border-color:#8c959f;padding:.1rem .6rem;font-size:.875rem}
:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.error{border-left:4px solid var(--danger);padding:.5rem .75rem;background:var(--bg);margin-bottom:1rem}
ul.permissions{padding-left:1.25rem}ul.permissions li{margin:.25rem 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1rem}dt{color:var(--muted)}dd{margin:0}
`;

export const stylesheetRoute: Route = {
  method: "GET",
  pattern: new RegExp(`^${STYLESHEET_PATH.replace(/[.]/g, "\\.")}$`),
  handler: () => ({
    status: 200,
    html: CSS,
    headers: { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=3600" },
  }),
};
