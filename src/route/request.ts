/**
 * What the route hash policies read from a request: headers (names case-insensitive, repeated
 * headers as arrays), the path with its query string, the downstream connection's addresses, and
 * filter-state objects.
 */
export interface RequestModel {
  /** Request headers; a header sent several times is an array. Cookies come from `cookie`. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** `:path`, with the query string (e.g. `/search?q=envoy`). */
  readonly path?: string;
  /** Downstream remote address, `ip:port` or `[ipv6]:port`, or a bare IP. */
  readonly sourceAddress?: string;
  /** Downstream local address (this Envoy's listener), `ip:port`; used for generated cookies. */
  readonly localAddress?: string;
  /** Filter-state objects by key: a string (hashed as Envoy's string accessor does) or a 64-bit hash. */
  readonly filterState?: Readonly<Record<string, string | { readonly hash: bigint | string }>>;
}

/** All values of a header, matching the name case-insensitively, in order. */
export function headerValues(request: RequestModel, name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const [key, value] of Object.entries(request.headers ?? {})) {
    if (key.toLowerCase() !== wanted) continue;
    if (typeof value === 'string') out.push(value);
    else out.push(...value);
  }
  return out;
}

/** Envoy's `parseCookieValue`: the first cookie of that name across `cookie` headers, unquoted; '' if none. */
export function cookieValue(request: RequestModel, name: string): string {
  for (const header of headerValues(request, 'cookie')) {
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
      const value = part.slice(eq + 1).trim();
      return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
        ? value.slice(1, -1)
        : value;
    }
  }
  return '';
}

/** The first value of a query parameter in `path`, undecoded as Envoy's `parseQueryString` keeps it. */
export function queryParameter(request: RequestModel, name: string): string | undefined {
  const path = request.path ?? '';
  const q = path.indexOf('?');
  if (q < 0) return undefined;
  const end = path.indexOf('#', q);
  for (const pair of path.slice(q + 1, end < 0 ? undefined : end).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (key === name) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return undefined;
}

/** The IP of an address as Envoy's `addressAsString()` prints it (no port, no brackets). */
export function ipOf(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  const v4 = /^(\d+\.\d+\.\d+\.\d+)(?::\d+)?$/.exec(address);
  return v4 ? v4[1] : address;
}
