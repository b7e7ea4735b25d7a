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
    /// An item the URL syntax cannot describe (offset of the item in the path).
    #[error("Failed to parse memcache.save_path (error at offset {offset}, url was '{url}')")]
    Unparsable { offset: usize, url: String },
    /// A parameter out of range (weight or timeout ≤ 0).
    #[error("invalid parameter in memcache.save_path url '{url}'")]
    InvalidParameter { url: String },
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
                url: item.to_string(),
            },
            ItemError::Parameter => SavePathError::InvalidParameter {
                url: item.to_string(),
            },
        })?);
    }
    if servers.is_empty() {
        return Err(SavePathError::Empty);
    }
    Ok(servers)
}

enum ItemError {
    Syntax,
    Parameter,
}

fn parse_item(item: &str) -> Result<SessionServer, ItemError> {
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
            return Err(ItemError::Syntax);
        }
        server.host = format!("unix://{path}");
    } else {
        let rest = match address.split_once("://") {
            Some(("tcp" | "udp", rest)) => rest,
            Some(_) => return Err(ItemError::Syntax),
            None => address,
        };
        let (host, port) = split_host_port(rest).ok_or(ItemError::Syntax)?;
        if host.is_empty() || host.starts_with('/') {
            return Err(ItemError::Syntax);
        }
        server.host = host.to_string();
        server.port = port;
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = url_decode(value);
        match url_decode(name).as_slice() {
            b"persistent" => server.persistent = is_true(&value),
            b"weight" => {
                let weight = crate::value::parse_long_lenient(&value);
                if weight <= 0 {
                    return Err(ItemError::Parameter);
                }
                server.weight = u32::try_from(weight).unwrap_or(u32::MAX);
            }
            b"timeout" => {
                let timeout = crate::value::parse_double_lenient(&value);
                if timeout.is_nan() || timeout <= 0.0 {
                    return Err(ItemError::Parameter);
                }
                server.timeout = timeout;
            }
            b"retry_interval" => server.retry_interval = crate::value::parse_long_lenient(&value),
            b"udp_port" => server.udp_port = crate::value::parse_long_lenient(&value) as u16,
            _ => {}
        }
    }
    Ok(server)
}

/// `host:port`, `[v6]:port`, or a host alone (port 0).
fn split_host_port(rest: &str) -> Option<(&str, u16)> {
    let rest = rest.trim_end_matches('/');
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
        assert!(matches!(
            parse_save_path("127.0.0.1:11211,/tmp/bare.sock"),
            Err(SavePathError::Unparsable { offset: 16, .. })
        ));
        assert!(parse_save_path("http://h:1").is_err());
        assert!(parse_save_path("tcp://h:notaport").is_err());
        assert!(matches!(
            parse_save_path("tcp://h:1?weight=0"),
            Err(SavePathError::InvalidParameter { .. })
        ));
        assert!(parse_save_path("tcp://h:1?timeout=-1").is_err());
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
