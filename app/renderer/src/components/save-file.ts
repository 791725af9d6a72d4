// Saves text as a file the user downloads (the browser's or Electron's save flow); nothing leaves the machine.
export function saveTextFile(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only needs to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-system-safe name: "Office (NL)" → "Office-NL". */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{Nd}_.+=@-]+/gu, '-').replace(/^-+|-+$/g, '') || 'ferry';
}
