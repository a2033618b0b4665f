/** A path on this site, or "/": never a URL that could send a reader elsewhere (no open redirect). */
export function safeLocalPath(candidate: string | null | undefined): string {
  if (!candidate || candidate.length > 2048) return "/";
  // One leading slash, then no second slash or backslash (protocol-relative), no spaces or controls.
  return /^\/(?![/\\])[^\s\\\u0000-\u001f]*$/.test(candidate) ? candidate : "/";
}
