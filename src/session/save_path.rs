//! `session.save_path` / `memcache.session_save_path`: a list of server URLs separated by
//! commas and/or whitespace, each with optional `?persistent=&weight=&timeout=&retry_interval=
//! &udp_port=` parameters (spec §12.1).

/// One server of a session save path.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionServer {
    /// Host as the C extension keys it on the ring: the URL host (IPv6 keeps its brackets), or
    /// `unix:///path` for a unix socket.
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
    /// A bare path or a relative socket path, or a parameter out of range (weight or timeout
    /// ≤ 0): no warning.
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

/// One URL, read the way the C extension reads it through PHP's URL parser: the scheme, user
/// info, path and fragment are ignored (only `unix://`/`file://` mean a socket path), query
/// parameters are url-decoded, the last of duplicates wins, and numbers are read like
/// `atol`/`atof`.
fn parse_item(item: &str) -> Result<SessionServer, ItemError> {
    let item = item.split_once('#').map_or(item, |(before, _)| before);
    let (address, query) = item.split_once('?').unwrap_or((item, ""));
    let mut server = SessionServer {
        host: String::new(),
        port: 0,
        udp_port: 0,
        persistent: false,
        weight: 1,
        timeout: 1.0,
        retry_interval: 15,
    };
    if let Some(path) = address
        .strip_prefix("unix://")
        .or_else(|| address.strip_prefix("file://"))
    {
        // `unix:///path.sock` with an optional `:0` port.
        let path = path.strip_suffix(":0").unwrap_or(path);
        if !path.starts_with('/') {
            return Err(ItemError::Unusable);
        }
        server.host = format!("unix://{path}");
    } else {
        let authority = match address.split_once("://") {
            Some((_, rest)) => rest.split('/').next().unwrap_or(""),
            None if address.starts_with('/') => return Err(ItemError::Unusable),
            None => address,
        };
        let authority = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        let (host, port) = split_host_port(authority).ok_or(ItemError::Syntax)?;
        if host.is_empty() {
            return Err(ItemError::Syntax);
        }
        server.host = host.to_string();
        server.port = port;
    }
    let mut parameters: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = url_decode(name);
        let value = url_decode(value);
        match parameters.iter_mut().find(|(n, _)| *n == name) {
            Some(existing) => existing.1 = value,
            None => parameters.push((name, value)),
        }
    }
    for (name, value) in &parameters {
        match name.as_slice() {
            b"persistent" => server.persistent = is_true(value),
            b"weight" => {
                let weight = crate::value::parse_long_lenient(value);
                if weight <= 0 {
                    return Err(ItemError::Unusable);
                }
                server.weight = u32::try_from(weight).unwrap_or(u32::MAX);
            }
            b"timeout" => {
                let timeout = crate::value::parse_double_lenient(value);
                if timeout.is_nan() || timeout <= 0.0 {
                    return Err(ItemError::Unusable);
                }
                server.timeout = timeout;
            }
            b"retry_interval" => server.retry_interval = crate::value::parse_long_lenient(value),
            b"udp_port" => server.udp_port = crate::value::parse_long_lenient(value) as u16,
            _ => {}
        }
    }
    Ok(server)
}

/// `host:port`, `[v6]:port`, or a host alone (port 0).
fn split_host_port(rest: &str) -> Option<(&str, u16)> {
    if rest.starts_with('[') {
        let close = rest.find(']')?;
        let host = &rest[..=close];
        return match &rest[close + 1..] {
            "" => Some((host, 0)),
            port => Some((host, port.strip_prefix(':')?.parse().ok()?)),
        };
    }
    match rest.rsplit_once(':') {
        Some((host, port)) => Some((host, port.parse().ok()?)),
        None => Some((rest, 0)),
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
    }
}
