/**
 * The editors' way in: a small form that POSTs the preview secret to /api/preview, so that the
 * secret travels in a request body and never in an address (addresses end up in nginx's and any
 * proxy's logs, in browser history and in Referer headers). Plain HTML from the route handler: no
 * script, same-origin form (the CSP's form-action 'self').
 */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function secretFormPage(slug: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>Preview a story | The Meridian Ledger</title></head>
<body>
<main>
<h1>Preview a story</h1>
<form method="post" action="/api/preview">
<p><label for="slug">Story slug</label><br><input id="slug" name="slug" required value="${escapeHtml(slug)}" autocomplete="off" spellcheck="false"></p>
<p><label for="secret">Preview secret</label><br><input id="secret" name="secret" type="password" required autocomplete="current-password"></p>
<p><button type="submit">Open the preview</button></p>
</form>
</main>
</body>
</html>
`;
}
