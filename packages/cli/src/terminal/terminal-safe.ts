/**
 * Characters a server's text must not bring to a terminal: C0 controls (ESC starts colour, cursor,
 * title and hyperlink sequences; BEL ends OSC; CR and LF can forge lines), DEL, C1 controls (U+009B is
 * a one-byte CSI), and the Unicode bidirectional controls that can make an address read backwards.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Server-supplied text made safe for a terminal: every unsafe character is shown escaped (`\x1b`,
 * `\u202e`) instead of being interpreted. Every human printer passes server text (logins, permission
 * names, error messages, descriptions, the device-flow address and code) through this; `--json` output
 * is JSON-escaped already and stays as it is.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
