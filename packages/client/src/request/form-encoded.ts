/** A value as `application/x-www-form-urlencoded` spells it (spaces as `+`, unlike encodeURIComponent). */
export function formEncoded(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
