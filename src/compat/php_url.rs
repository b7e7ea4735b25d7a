//! PHP's URL parser (`parse_url()`) and `urldecode()`, as the C extension reads each server of
//! a session save path through them.

use super::strtol::strtol;

/// The parts of a URL that PHP's URL parser finds (user, password and fragment are skipped).
#[derive(Debug, Default, PartialEq)]
pub struct Url<'a> {
    /// Before the first `:`, when PHP takes it as a scheme.
    pub scheme: Option<&'a str>,
    /// The host, IPv6 brackets kept.
    pub host: Option<&'a str>,
    /// 0 when there is none.
    pub port: u16,
    /// The path, if not empty.
    pub path: Option<&'a str>,
    /// After `?`, up to `#`.
    pub query: Option<&'a str>,
}

/// Where `php_url_parse_ex2()` goes on after reading a scheme or a port.
enum Next {
    /// The host (and maybe a port) starts here.
    Host(usize),
    /// Only a path (with query and fragment) follows, from here.
    Path(usize),
}

/// PHP 8.2's `php_url_parse_ex2()` (what `parse_url()` uses), step by step: `None` where
/// `parse_url()` returns `false`. Control characters are not replaced by `_` as PHP does.
pub fn parse_url(url: &str) -> Option<Url<'_>> {
    let b = url.as_bytes();
    let end = b.len();
    let mut parsed = Url::default();
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
                            parsed.port = strtol_port(digits)?;
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
fn parse_port(b: &[u8], colon: usize, s: usize, parsed: &mut Url<'_>) -> Option<Next> {
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
fn strtol_port(text: &str) -> Option<u16> {
    match strtol(text.as_bytes()) {
        (_, 0) => None,
        (port, _) => u16::try_from(port).ok(),
    }
}

/// PHP's `urldecode()`, as `parse_str()` decodes query-string components: `+` is a space,
/// `%XX` (two hex digits) a byte, anything else as is (`%zz` and `%+1` keep their `%`).
pub fn url_decode(bytes: &[u8]) -> Vec<u8> {
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => decoded.push(b' '),
            b'%' if i + 2 < bytes.len()
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit() =>
            {
                decoded.push(hex_value(bytes[i + 1]) << 4 | hex_value(bytes[i + 2]));
                i += 2;
            }
            byte => decoded.push(byte),
        }
        i += 1;
    }
    decoded
}

/// The value of an ASCII hex digit.
fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        _ => (digit | 0x20) - b'a' + 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_steps() {
        let url = parse_url("tcp://user:pw@h:7/p?q=1#f").unwrap();
        assert_eq!(
            url,
            Url {
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
            assert_eq!(parse_url(url), None, "{url}");
        }
        assert_eq!(parse_url("h:").unwrap().scheme, Some("h"));
        // `strtol` ports and the last colon.
        assert_eq!(parse_url("tcp://h:12ab").unwrap().port, 12);
        let url = parse_url("tcp://h:1:2").unwrap();
        assert_eq!((url.host, url.port), (Some("h:1"), 2));
        let url = parse_url("a/b:1").unwrap();
        assert_eq!((url.host, url.port, url.path), (Some("a"), 1, Some("/b:1")));
        assert_eq!(parse_url("file:///c:/x").unwrap().path, Some("c:/x"));
    }

    /// Ports are read with `strtol`, whitespace and sign included, as by PHP.
    #[test]
    fn ports_as_php() {
        assert_eq!(parse_url("tcp://h: 5").map(|u| u.port), Some(5));
        assert_eq!(parse_url("//h:\t5").map(|u| u.port), Some(5));
        assert_eq!(parse_url("tcp://h:+7").map(|u| u.port), Some(7));
        assert_eq!(
            parse_url("tcp://h:-0").map(|u| (u.host, u.port)),
            Some((Some("h"), 0))
        );
        assert_eq!(parse_url("tcp://h:-1"), None);
        assert_eq!(parse_url("tcp://h:+"), None);
    }

    /// Values from PHP 8.2's `urldecode()`.
    #[test]
    fn url_decode_as_php() {
        for (encoded, decoded) in [
            (&b"a+b%20c"[..], &b"a b c"[..]),
            (b"%41%4a%4A", b"AJJ"),
            (b"%+1", b"% 1"),
            (b"%zz", b"%zz"),
            (b"%4", b"%4"),
            (b"%", b"%"),
            (b"100%", b"100%"),
            (b"%00x", b"\0x"),
            (b"%ff", b"\xff"),
        ] {
            assert_eq!(url_decode(encoded), decoded, "{encoded:?}");
        }
    }
}
