import type { Reply } from "../http/exchange.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/** A tagged template whose `${}` values are escaped; nest `raw(...)` for markup built elsewhere. */
export function html(strings: TemplateStringsArray, ...values: (string | number | Raw)[]): Raw {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += value instanceof Raw ? value.markup : escapeHtml(String(value));
    out += strings[index + 1] ?? "";
  });
  return new Raw(out);
}

/** Markup that is already safe. */
export class Raw {
  constructor(readonly markup: string) {}
}

export function join(parts: readonly Raw[]): Raw {
  return new Raw(parts.map((part) => part.markup).join(""));
}

export const STYLESHEET_PATH = "/login/assets/emulator.css";

/** Pages are never cached or framed, and load nothing but the stylesheet. */
const PAGE_HEADERS = {
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

export interface PageOptions {
  title: string;
  body: Raw;
  status?: number;
  cookies?: readonly string[];
  /** The banner's "signed in as" and its sign-out form. */
  banner?: Raw;
}

/** A whole page: the banner, then the body, which brings the page's one `<h1>`. */
export function page({ title, body, status = 200, cookies, banner }: PageOptions): Reply {
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · GitHub Enterprise Server emulator</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="banner">
<span class="product">GitHub Enterprise Server <span class="tag">emulator</span></span>
${banner ?? new Raw("")}
</header>
<main id="main">
${body}
</main>
</body>
</html>
`;
  return { status, html: document.markup, headers: PAGE_HEADERS, ...(cookies ? { cookies } : {}) };
}

/** A 303 to `location` (after a form, the browser then GETs it), with a link for the rare client that stops. */
export function seeOther(location: string, cookies?: readonly string[]): Reply {
  const body = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting</title></head><body><p><a href="${location}">Continue</a></p></body></html>`;
  return {
    status: 303,
    html: body.markup,
    headers: { ...PAGE_HEADERS, location },
    ...(cookies ? { cookies } : {}),
  };
}
