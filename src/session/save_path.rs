//! `session.save_path` / `memcache.session_save_path`: a list of server URLs separated by
//! commas and/or whitespace, each with optional `?persistent=&weight=&timeout=&retry_interval=
//! &udp_port=` parameters (spec §12.1).

/// One server of a session save path.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionServer {
    /// Host as the C extension keys it on the ring: the URL host (IPv6 keeps its brackets), or
    /// `unix:///path` for a unix socket; a `tls://` URL keeps its scheme (`tls://host`), which
    /// asks for TLS and does not move the server on the ring.
    pub host: String,
    /// TCP port; 0 for unix sockets (and for a TCP URL without port, which fails at connect).
    pub port: u16,
    /// UDP port parameter (stored only).
    pub udp_port: u16,
    /// Keep the connection across requests.
    pub persistent: bool,
    /// Ring weight (≥ 1).
    pub weight: u32,
    /// Seconds (> 0).
    pub timeout: f64,
    /// Seconds before a failed server is retried.
    pub retry_interval: i64,
}

/// Why a save path was rejected: the session cannot start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SavePathError {
    /// Nothing but separators.
    #[error("empty save path")]
    Empty,
    /// An item PHP's URL parser rejects (e.g. a non-numeric port): the C extension warns with
    /// the item's offset and the whole save path.
    #[error("Failed to parse memcache.save_path (error at offset {offset}, url was '{path}')")]
    Unparsable { offset: usize, path: String },
    /// An item in which PHP's URL parser finds no host (a bare path, a host without port,
    /// `mailto:x@y`), or a weight or timeout ≤ 0: no warning.
    #[error("unusable server in memcache.save_path")]
    Invalid,
}

/// Parses a save path into its servers, in order.
pub fn parse_save_path(path: &str) -> Result<Vec<SessionServer>, SavePathError> {
    let mut servers = Vec::new();
    let mut offset = 0;
    for item in path.split(|c: char| c == ',' || c.is_whitespace()) {
        let item_offset = offset;
        offset += item.len() + 1;
        if item.is_empty() {
            continue;
        }
        servers.push(parse_item(item).map_err(|invalid| match invalid {
            ItemError::Syntax => SavePathError::Unparsable {
                offset: item_offset,
                path: path.to_string(),
            },
            ItemError::Unusable => SavePathError::Invalid,
        })?);
    }
    if servers.is_empty() {
        return Err(SavePathError::Empty);
    }
    Ok(servers)
}

enum ItemError {
    /// What PHP's URL parser rejects.
    Syntax,
    /// A parsed URL that names no usable server.
    Unusable,
}

/// One item, read the way the C extension reads it: a leading `unix:` becomes `file:`, the item
/// goes through PHP's URL parser ([`php_parse_url`]), a `file` URL with a path is a unix socket
/// (`unix://<path>`, a trailing `:0` dropped), anything else needs a host (kept as `tls://host`
/// for a `tls` URL, this extension's own). Query parameters are
/// url-decoded, the last of duplicates wins, and numbers are converted as PHP converts strings.
/// One deliberate extension: an item that starts with `[` is `[v6]` or `[v6]:port` (PHP's parser
/// finds no host in either, so the C extension refuses them).
fn parse_item(item: &str) -> Result<SessionServer, ItemError> {
    let mut server = SessionServer {
        host: String::new(),
        port: 0,
        udp_port: 0,
        persistent: false,
        weight: 1,
        timeout: 1.0,
        retry_interval: 15,
    };
    let translated;
    let query;
    if item.starts_with('[') {
        let item = item.split_once('#').map_or(item, |(before, _)| before);
        let (address, rest) = item.split_once('?').unwrap_or((item, ""));
        let (host, port) = split_bracketed_host_port(address).ok_or(ItemError::Syntax)?;
        server.host = host.to_string();
        server.port = port;
        query = Some(rest);
    } else {
        let item = match item.strip_prefix("unix:") {
            Some(rest) => {
                translated = format!("file:{rest}");
                translated.as_str()
            }
            None => item,
        };
        let url = php_parse_url(item).ok_or(ItemError::Syntax)?;
        match (url.scheme, url.path, url.host) {
            (Some("file"), Some(path), _) => {
                let path = path.strip_suffix(":0").unwrap_or(path);
                server.host = format!("unix://{path}");
            }
            (Some(scheme), _, Some(host)) if scheme.eq_ignore_ascii_case("tls") => {
                server.host = format!("tls://{host}");
                server.port = url.port;
            }
            (_, _, Some(host)) => {
                server.host = host.to_string();
                server.port = url.port;
            }
            _ => return Err(ItemError::Unusable),
        }
        query = url.query;
    }
    let mut parameters: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = url_decode(name);
        let value = url_decode(value);
        match parameters.iter_mut().find(|(n, _)| *n == name) {
            Some(existing) => existing.1 = value,
            None => parameters.push((name, value)),
        }
    }
    // The C extension keeps weight, retry_interval and udp_port in C `int`s: PHP's integer,
    // truncated to 32 bits (`weight=4294967297` is 1, `weight=2147483648` is negative).
    for (name, value) in &parameters {
        match name.as_slice() {
            b"persistent" => server.persistent = is_true(value),
            b"weight" => server.weight = u32::try_from(php_int(value) as i32).unwrap_or(0),
            b"timeout" => server.timeout = php_float(value),
            b"retry_interval" => server.retry_interval = i64::from(php_int(value) as i32),
            b"udp_port" => server.udp_port = php_int(value) as u16,
            _ => {}
        }
    }
    if server.weight == 0 || server.timeout <= 0.0 {
        return Err(ItemError::Unusable);
    }
    Ok(server)
}

/// The parts of a URL that PHP's URL parser (`php_url_parse_ex2()`, what `parse_url()` uses)
/// finds and the session handler looks at.
#[derive(Debug, Default, PartialEq)]
struct PhpUrl<'a> {
    scheme: Option<&'a str>,
    host: Option<&'a str>,
    /// 0 when there is none.
    port: u16,
    path: Option<&'a str>,
    query: Option<&'a str>,
}

/// Where `php_url_parse_ex2()` goes on after reading a scheme or a port.
enum Next {
    /// The host (and maybe a port) starts here.
    Host(usize),
    /// Only a path (with query and fragment) follows, from here.
    Path(usize),
}

/// PHP 8.2's `php_url_parse_ex2()`, step by step, so that an item means what it means to the C
/// extension: `None` where `parse_url()` returns `false`. Control characters are not replaced by
/// `_` as PHP does (a session save path never holds any that matter).
fn php_parse_url(url: &str) -> Option<PhpUrl<'_>> {
    let b = url.as_bytes();
    let end = b.len();
    let mut parsed = PhpUrl::default();
    let relative = |at: usize| b[at..].starts_with(b"//");
    let next = match b.iter().position(|&c| c == b':') {
        Some(e) if e != 0 => {
            let scheme_chars = b[..e]
                .iter()
                .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'));
            if !scheme_chars {
                let query_or_fragment = b.iter().position(|&c| matches!(c, b'?' | b'#'));
                if e + 1 < end && e < query_or_fragment.unwrap_or(end) {
                    parse_port(b, e, 0, &mut parsed)?
                } else if relative(0) {
                    Next::Host(2)
                } else {
                    Next::Path(0)
                }
            } else if e + 1 == end {
                parsed.scheme = Some(&url[..e]);
                return Some(parsed);
            } else if b[e + 1] != b'/' {
                // `a.com:80` is a host and a port, `mailto:x` a scheme and a path.
                let digits = b[e + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                let after = e + 1 + digits;
                if (after == end || b[after] == b'/') && digits < 6 {
                    parse_port(b, e, 0, &mut parsed)?
                } else {
                    parsed.scheme = Some(&url[..e]);
                    Next::Path(e + 1)
                }
            } else {
                parsed.scheme = Some(&url[..e]);
                if e + 2 < end && b[e + 2] == b'/' {
                    if url[..e].eq_ignore_ascii_case("file") && e + 3 < end && b[e + 3] == b'/' {
                        // file:///path; file:///c:/dir keeps the drive letter
                        Next::Path(if e + 5 < end && b[e + 5] == b':' {
                            e + 4
                        } else {
                            e + 3
                        })
                    } else {
                        Next::Host(e + 3)
                    }
                } else {
                    Next::Path(e + 1)
                }
            }
        }
        Some(e) => parse_port(b, e, 0, &mut parsed)?,
        None if relative(0) => Next::Host(2),
        None => Next::Path(0),
    };
    let path_from = match next {
        Next::Path(from) => from,
        Next::Host(mut s) => {
            // The authority: up to the first '/', '?' or '#'.
            let e = s + b[s..]
                .iter()
                .position(|&c| matches!(c, b'/' | b'?' | b'#'))
                .unwrap_or(end - s);
            if let Some(at) = b[s..e].iter().rposition(|&c| c == b'@') {
                s += at + 1; // user info
            }
            let bracketed = s < end && b[s] == b'[' && b[e - 1] == b']';
            let colon = if bracketed {
                None
            } else {
                b[s..e].iter().rposition(|&c| c == b':').map(|c| s + c)
            };
            let host_end = match colon {
                Some(p) => {
                    if parsed.port == 0 {
                        let digits = &url[p + 1..e];
                        if digits.len() > 5 {
                            return None;
                        }
                        if !digits.is_empty() {
                            parsed.port = c_strtol_port(digits)?;
                        }
                    }
                    p
                }
                None => e,
            };
            if host_end <= s {
                return None;
            }
            parsed.host = Some(&url[s..host_end]);
            if e == end {
                return Some(parsed);
            }
            e
        }
    };
    // The path, then `?query`, then `#fragment`.
    let mut rest = &url[path_from..];
    if let Some((before, _fragment)) = rest.split_once('#') {
        rest = before;
    }
    if let Some((before, query)) = rest.split_once('?') {
        parsed.query = Some(query);
        rest = before;
    }
    if !rest.is_empty() {
        parsed.path = Some(rest);
    }
    Some(parsed)
}

/// The `parse_port:` step of `php_url_parse_ex2()` for the `:` at `colon`, the URL starting at
/// `s`: 1 to 5 digits that end the URL or are followed by `/` are the port (above 65535: a
/// parse error) and the host follows, after a leading `//`; a lone `:` at the end is a parse
/// error; anything else is a path, unless the URL starts with `//` (then a host).
fn parse_port(b: &[u8], colon: usize, s: usize, parsed: &mut PhpUrl<'_>) -> Option<Next> {
    let p = colon + 1;
    let digits = b[p..]
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = p + digits;
    let relative = b[s..].starts_with(b"//");
    if digits > 0 && digits < 6 && (after == b.len() || b[after] == b'/') {
        let port: u32 = b[p..after]
            .iter()
            .fold(0, |port, digit| port * 10 + u32::from(digit - b'0'));
        parsed.port = u16::try_from(port).ok()?;
        Some(Next::Host(if relative { s + 2 } else { s }))
    } else if digits == 0 && after == b.len() {
        None
    } else if relative {
        Some(Next::Host(s + 2))
    } else {
        Some(Next::Path(s))
    }
}

/// A port after the host's last `:`, read with C `strtol` as PHP does (`12ab` is 12, a sign is
/// allowed): `None` (a parse error) when there is no number or it is outside 0..=65535.
fn c_strtol_port(text: &str) -> Option<u16> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let len = digits.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 {
        return None;
    }
    let value: i64 = digits[..len].parse().ok()?;
    u16::try_from(if negative { -value } else { value }).ok()
}

/// PHP's conversion of a string to an integer (`(int)"…"`, `convert_to_long()`): leading
/// whitespace, then the longest numeric prefix; a prefix with a fraction or an exponent, or too
/// large for 64 bits, goes through a float and saturates (`1e3` is 1000); no number is 0.
fn php_int(value: &[u8]) -> i64 {
    let (prefix, integral) = php_numeric_prefix(value);
    let text = std::str::from_utf8(prefix).unwrap_or("");
    if integral {
        if let Ok(int) = text.parse::<i64>() {
            return int;
        }
    }
    text.parse::<f64>().map_or(0, |float| float as i64)
}

/// PHP's conversion of a string to a float (`(float)"…"`, `convert_to_double()`, `zend_strtod`):
/// leading whitespace, then the longest decimal prefix; `inf`, `nan` and hexadecimal are not
/// numbers (0), `1e999` is infinity.
fn php_float(value: &[u8]) -> f64 {
    let (prefix, _) = php_numeric_prefix(value);
    std::str::from_utf8(prefix)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(0.0)
}

/// The numeric prefix PHP reads from a string: after leading `" \t\n\r\v\f"`, an optional sign,
/// digits with an optional `.` and fraction (at least one digit), and an optional exponent
/// (`e`, optional sign, at least one digit). Also whether it is an integer (no `.`, no exponent).
/// Empty when there is no number.
fn php_numeric_prefix(value: &[u8]) -> (&[u8], bool) {
    let start = value
        .iter()
        .position(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
        .unwrap_or(value.len());
    let text = &value[start..];
    let digits_from = |at: usize| {
        text[at.min(text.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(matches!(text.first(), Some(b'+' | b'-')));
    let whole = digits_from(i);
    i += whole;
    let mut integral = true;
    if text.get(i) == Some(&b'.') {
        let fraction = digits_from(i + 1);
        if whole + fraction > 0 {
            i += 1 + fraction;
            integral = false;
        }
    }
    if whole == 0 && integral {
        return (&text[..0], true);
    }
    if matches!(text.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(text.get(i + 1), Some(b'+' | b'-')));
        let exponent = digits_from(i + 1 + sign);
        if exponent > 0 {
            i += 1 + sign + exponent;
            integral = false;
        }
    }
    (&text[..i], integral)
}

/// `[v6]` (port 0) or `[v6]:port`.
fn split_bracketed_host_port(address: &str) -> Option<(&str, u16)> {
    let close = address.find(']')?;
    let host = &address[..=close];
    match &address[close + 1..] {
        "" => Some((host, 0)),
        port => Some((host, port.strip_prefix(':')?.parse().ok()?)),
    }
}

/// PHP's truthiness of a query-string value.
fn is_true(value: &[u8]) -> bool {
    !(value.is_empty() || value == b"0")
}

/// Decodes a query-string component as PHP's `parse_str` does (`+` is a space, `%XX` a byte).
/// Numbers are then read leniently (`atof`/`atol`), as the C extension does: `timeout=1s` is
/// one second and `;` separates nothing.
fn url_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => decoded.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                {
                    Some(byte) => {
                        decoded.push(byte);
                        i += 2;
                    }
                    None => decoded.push(b'%'),
                }
            }
            byte => decoded.push(byte),
        }
        i += 1;
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_of_spec_12_1() {
        let servers = parse_save_path(
            "tcp://127.0.0.1:11211?persistent=1&weight=2&timeout=0.5&retry_interval=3, \
             localhost:11212  udp://[::1]:11213?udp_port=9,unix:///tmp/m.sock:0?weight=1",
        )
        .unwrap();
        assert_eq!(servers.len(), 4);
        assert_eq!(servers[0].host, "127.0.0.1");
        assert_eq!(servers[0].port, 11211);
        assert!(servers[0].persistent);
        assert_eq!(servers[0].weight, 2);
        assert_eq!(servers[0].timeout, 0.5);
        assert_eq!(servers[0].retry_interval, 3);
        assert_eq!(
            (servers[1].host.as_str(), servers[1].port),
            ("localhost", 11212)
        );
        assert_eq!(
            (servers[2].host.as_str(), servers[2].port),
            ("[::1]", 11213)
        );
        assert_eq!(servers[2].udp_port, 9);
        assert_eq!(
            (servers[3].host.as_str(), servers[3].port),
            ("unix:///tmp/m.sock", 0)
        );
        assert!(!servers[1].persistent);
    }

    #[test]
    fn a_tls_url_keeps_its_scheme_in_the_host() {
        let servers =
            parse_save_path("tls://mc.example:11211?persistent=1 TLS://[::1]:11212, tcp://h:1")
                .unwrap();
        assert_eq!(
            (servers[0].host.as_str(), servers[0].port),
            ("tls://mc.example", 11211)
        );
        assert!(servers[0].persistent);
        assert_eq!(
            (servers[1].host.as_str(), servers[1].port),
            ("tls://[::1]", 11212)
        );
        assert_eq!(servers[2].host, "h");
    }

    #[test]
    fn empty_items_are_ignored_but_an_empty_path_fails() {
        assert_eq!(
            parse_save_path(",  unix:///x.sock:0?weight=1, ")
                .unwrap()
                .len(),
            1
        );
        assert_eq!(parse_save_path(""), Err(SavePathError::Empty));
        assert_eq!(parse_save_path(" , ,"), Err(SavePathError::Empty));
    }

    #[test]
    fn bad_items_fail_the_whole_path() {
        assert_eq!(
            parse_save_path("127.0.0.1:11211, tcp://h:notaport"),
            Err(SavePathError::Unparsable {
                offset: 17,
                path: "127.0.0.1:11211, tcp://h:notaport".into()
            })
        );
        assert_eq!(
            parse_save_path("127.0.0.1:11211,/tmp/bare.sock"),
            Err(SavePathError::Invalid)
        );
        assert_eq!(
            parse_save_path("tcp://h:1?weight=0"),
            Err(SavePathError::Invalid)
        );
        assert_eq!(
            parse_save_path("tcp://h:1?timeout=-1"),
            Err(SavePathError::Invalid)
        );
        assert!(matches!(
            parse_save_path("tcp://:1"),
            Err(SavePathError::Unparsable { offset: 0, .. })
        ));
    }

    #[test]
    fn what_php_url_parsing_ignores_is_ignored() {
        for path in [
            "tcp://h:7/path",
            "tcp://h:7#fragment",
            "tcp://user:secret@h:7",
            "http://h:7",
            "tcp://h:7?weight=0&weight=2",
        ] {
            let server = &parse_save_path(path).unwrap()[0];
            assert_eq!((server.host.as_str(), server.port), ("h", 7), "{path}");
        }
    }

    #[test]
    fn parameters_are_read_like_the_c_extension() {
        let servers = parse_save_path(
            "tcp://h:1?timeout=0.5;weight=2,tcp://h:2?timeout=1s,tcp://h:3?weight=%32&timeout=2%20",
        )
        .unwrap();
        assert_eq!(servers[0].timeout, 0.5);
        assert_eq!(servers[0].weight, 1);
        assert_eq!(servers[1].timeout, 1.0);
        assert_eq!(servers[2].weight, 2);
        assert_eq!(servers[2].timeout, 2.0);
    }

    #[test]
    fn a_url_without_port_gets_port_zero() {
        assert_eq!(parse_save_path("tcp://127.0.0.1").unwrap()[0].port, 0);
        let server = &parse_save_path("tcp://[::1]:").unwrap()[0];
        assert_eq!((server.host.as_str(), server.port), ("[::1]", 0));
    }

    /// The rows where an earlier parser differed from the C extension (php-tests/408).
    #[test]
    fn items_are_accepted_and_refused_as_by_the_c_extension() {
        let server = &parse_save_path("//127.0.0.1:11211").unwrap()[0];
        assert_eq!((server.host.as_str(), server.port), ("127.0.0.1", 11211));
        let server = &parse_save_path("127.0.0.1:11211/x").unwrap()[0];
        assert_eq!((server.host.as_str(), server.port), ("127.0.0.1", 11211));
        // No host: PHP's parser reads a path (and a scheme) only. No warning.
        for path in [
            "127.0.0.1",
            "mailto:x@y",
            "tcp:",
            "127.0.0.1:11211?weight=2",
            "FILE:///x.sock",
        ] {
            assert_eq!(parse_save_path(path), Err(SavePathError::Invalid), "{path}");
        }
        // `int` weights: 2^31 is negative, 2^32 + 1 is 1.
        assert_eq!(
            parse_save_path("tcp://h:1?weight=2147483648"),
            Err(SavePathError::Invalid)
        );
        assert_eq!(
            parse_save_path("tcp://h:1?weight=4294967297").unwrap()[0].weight,
            1
        );
        // PHP's string to float: inf, nan and hexadecimal are 0, 1e999 is infinite.
        for timeout in ["inf", "INF", "nan", "0x1p1"] {
            assert_eq!(
                parse_save_path(&format!("tcp://h:1?timeout={timeout}")),
                Err(SavePathError::Invalid),
                "{timeout}"
            );
        }
        assert_eq!(
            parse_save_path("tcp://h:1?timeout=1e999").unwrap()[0].timeout,
            f64::INFINITY
        );
        // A relative socket path is a host name, as for the C extension (the write fails).
        let server = &parse_save_path("unix://relative.sock").unwrap()[0];
        assert_eq!((server.host.as_str(), server.port), ("relative.sock", 0));
        let server = &parse_save_path("unix:/tmp/m.sock").unwrap()[0];
        assert_eq!(server.host, "unix:///tmp/m.sock");
    }

    /// Deliberately not as in the C extension, which finds no host in them (README).
    #[test]
    fn bracketed_ipv6_without_scheme_is_accepted() {
        let server = &parse_save_path("[::1]:11211?weight=2").unwrap()[0];
        assert_eq!(
            (server.host.as_str(), server.port, server.weight),
            ("[::1]", 11211, 2)
        );
        assert_eq!(parse_save_path("[::1]").unwrap()[0].port, 0);
        assert!(matches!(
            parse_save_path("[::1]x"),
            Err(SavePathError::Unparsable { offset: 0, .. })
        ));
    }

    #[test]
    fn php_url_parser_steps() {
        let url = php_parse_url("tcp://user:pw@h:7/p?q=1#f").unwrap();
        assert_eq!(
            url,
            PhpUrl {
                scheme: Some("tcp"),
                host: Some("h"),
                port: 7,
                path: Some("/p"),
                query: Some("q=1"),
            }
        );
        // Where parse_url() returns false.
        for url in [
            "tcp://h:65536",
            "h:99999",
            "tcp://",
            "//",
            "tcp://u@:1",
            "tcp://h:123456",
        ] {
            assert_eq!(php_parse_url(url), None, "{url}");
        }
        assert_eq!(php_parse_url("h:").unwrap().scheme, Some("h"));
        // `strtol` ports and the last colon.
        assert_eq!(php_parse_url("tcp://h:12ab").unwrap().port, 12);
        let url = php_parse_url("tcp://h:1:2").unwrap();
        assert_eq!((url.host, url.port), (Some("h:1"), 2));
        let url = php_parse_url("a/b:1").unwrap();
        assert_eq!((url.host, url.port, url.path), (Some("a"), 1, Some("/b:1")));
        assert_eq!(php_parse_url("file:///c:/x").unwrap().path, Some("c:/x"));
    }

    #[test]
    fn numbers_are_converted_as_php_converts_strings() {
        assert_eq!(php_int(b"1e3"), 1000);
        assert_eq!(php_int(b" 12abc"), 12);
        assert_eq!(php_int(b"99999999999999999999"), i64::MAX);
        assert_eq!(php_int(b"-1e100"), i64::MIN);
        assert_eq!(php_int(b"0x1A"), 0);
        assert_eq!(php_int(b"-.5"), 0);
        assert_eq!(php_float(b"\t+1.5e1x"), 15.0);
        assert_eq!(php_float(b"1.e2"), 100.0);
        assert_eq!(php_float(b"1e+"), 1.0);
        assert_eq!(php_float(b"inf"), 0.0);
        assert_eq!(php_float(b"."), 0.0);
    }
}
