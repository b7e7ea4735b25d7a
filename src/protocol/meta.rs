//! memcached's meta commands (`mg`, `ms`, `md`, `ma`, `mn`; memcached 1.6 and later), spoken
//! when `memcache.protocol=meta`.
//!
//! Why this module exists: meta is the text protocol memcached's maintainers recommend today,
//! and it carries what neither the classic text protocol nor the binary one can: an opaque
//! token echoed with each reply (so pipelined replies are matched, not assumed), and *leases*:
//! a get that finds nothing can create an empty placeholder and tell exactly one client that it
//! "won" the right to recompute the value, while every other client is told someone else is on
//! it (`W`/`Z`); an item can be marked stale instead of deleted, and then be served while one
//! client recomputes it (`X`).
//!
//! Items are the same items whichever protocol wrote them: `F` is the 32-bit client flags
//! word, `T` the expiry with the classic protocol's rules, and the data block the stored
//! bytes. So a value written here is read by the text and binary protocols and the other way
//! round.
//!
//! # Encoding
//! Each `encode_*` function appends one complete request to `out` and never clears it, so a
//! caller can batch several requests into one write. Keys must already be prepared by the key
//! module (1..=250 bytes, no byte <= 0x20): meta tokens are separated by spaces exactly like the
//! classic commands, so the same keys are valid and no base64 form (`b`) is needed. Every
//! request carries `O<opaque>` (the caller's number for it), which memcached echoes on every
//! reply line but the error lines. A get is always quiet (`q`: a miss sends nothing) and is
//! answered in order with the other requests, so a batch of gets ends with [`encode_noop`],
//! whose `MN` says every earlier request has been answered.
//!
//! # Parsing
//! [`parse_reply`] looks at the front of a buffer and returns [`Parse::Incomplete`] or one
//! [`Reply`] plus the bytes it used; replies borrow from the buffer. A line that starts with a
//! meta return code (`HD`, `NS`, `EX`, `NF`, `EN`, `MN`, `VA`) followed by a space or the line
//! end is a [`Reply::Meta`]; any other line (`CLIENT_ERROR …`, `SERVER_ERROR …`, `ERROR`, and the
//! replies of the classic commands `version`, `flush_all` and `stats`, which memcached serves
//! on the same connection) is classified by the text protocol's parser ([`Reply::Text`]). Line
//! rules are the text protocol's: CRLF line ends, at most [`ascii::MAX_LINE_LEN`] bytes. Rules
//! of a meta line, each a [`ProtocolError`] when broken:
//! - tokens are separated by single spaces, none is empty;
//! - `VA` is followed by the data length (at most [`ascii::MAX_VALUE_LEN`]), then the flags;
//!   the data block must end with CRLF exactly there
//!   ([`ProtocolError::MalformedValueHeader`]). A caller that cannot hold values that large
//!   passes its own, lower limit to [`parse_reply_within`]: a longer value is
//!   [`ProtocolError::ValueTooLarge`] as soon as its line is in the buffer, before any of its
//!   data is buffered;
//! - the returned flags this client asks for must be well formed: `f` a `u32`, `c` a `u64`,
//!   `O` 1 to [`MAX_OPAQUE_LEN`] bytes, `W`, `X` and `Z` alone; other flags (`k`, `t`, `s`, …)
//!   are skipped.

use super::ascii::{self, StoreOp, MAX_VALUE_LEN};
use super::line::Line;
use super::{Parse, ProtocolError, Store};
use crate::protocol::number::whole_number;

/// Longest opaque token memcached accepts and echoes.
pub const MAX_OPAQUE_LEN: usize = 32;

/// The most bytes a request line has after its key, CRLF included: a store's
/// ` <len> F<flags> T<exptime> M<mode> C<cas> O<opaque>\r\n` with every number at its longest
/// is 84.
const LONGEST_AFTER_KEY: usize = 96;

/// Starts a keyed request line with `<command> <key>` (`command` with its space), with room
/// for the rest of the line and `data` more bytes.
#[inline(always)]
fn start<'o>(out: &'o mut Vec<u8>, command: &[u8; 3], key: &[u8], data: usize) -> Line<'o> {
    debug_assert!(ascii::is_wire_key(key), "unprepared key");
    let mut line = Line::new(out, command.len() + key.len() + LONGEST_AFTER_KEY + data);
    line.word(command, command.len());
    line.bytes(key);
    line
}

/// Appends ` <flag><n>`.
#[inline]
fn push_flag(line: &mut Line<'_>, flag: u8, n: u64) {
    line.word(&[b' ', flag], 2);
    line.number(n);
}

/// Appends ` O<opaque>\r\n`, the end of every request line.
#[inline]
fn push_opaque_and_end(line: &mut Line<'_>, opaque: u32) {
    push_flag(line, b'O', u64::from(opaque));
    line.word(b"\r\n", 2);
}

/// Appends a quiet get: `mg <key> v f q O<opaque>\r\n`, with `c` (the cas unique) when
/// `with_cas`. A hit is answered `VA <len> f<flags> [c<cas>] O<opaque>` and its data; a miss
/// not at all (end the batch with [`encode_noop`]).
pub fn encode_get(out: &mut Vec<u8>, key: &[u8], with_cas: bool, opaque: u32) {
    let mut line = start(out, b"mg ", key, 0);
    if with_cas {
        line.word(b" v f c q", 8);
    } else {
        line.word(b" v f q  ", 6);
    }
    push_opaque_and_end(&mut line, opaque);
    line.finish();
}

/// Appends a lease: `mg <key> v f c q N<ttl> O<opaque>\r\n`. On a miss memcached creates an
/// empty placeholder item (flags 0) that lives `ttl` seconds and answers with `W` (this client
/// won the right to recompute); later leases and gets of the placeholder see `Z`. A stale item
/// is answered with `X`, and `W` for the first client that asks. Being quiet changes nothing:
/// a lease never misses.
pub fn encode_lease(out: &mut Vec<u8>, key: &[u8], ttl: u32, opaque: u32) {
    let mut line = start(out, b"mg ", key, 0);
    line.word(b" v f c q", 8);
    push_flag(&mut line, b'N', u64::from(ttl));
    push_opaque_and_end(&mut line, opaque);
    line.finish();
}

/// The `M` mode token of a storage command (`set` is the default and sends none; `cas` is a
/// set with `C`).
fn store_mode(op: StoreOp) -> Option<u8> {
    match op {
        StoreOp::Set | StoreOp::Cas => None,
        StoreOp::Add => Some(b'E'),
        StoreOp::Replace => Some(b'R'),
        StoreOp::Append => Some(b'A'),
        StoreOp::Prepend => Some(b'P'),
    }
}

/// Appends a storage command and its data block:
/// `ms <key> <len> F<flags> T<exptime>[ M<mode>][ C<cas>] O<opaque>\r\n<data>\r\n`.
///
/// As in the text protocol, `cas` is sent only for [`StoreOp::Cas`] (`C0` compares like the
/// classic `cas` with 0: `EX` on an existing item, `NF` on a missing one). memcached ignores
/// `F` and `T` for append and prepend, which keep the item's own, as with the classic commands.
pub fn encode_store(out: &mut Vec<u8>, key: &[u8], store: Store<'_>, opaque: u32) {
    let mut line = start(out, b"ms ", key, store.data.len() + 2);
    line.byte(b' ');
    line.number(store.data.len() as u64);
    push_flag(&mut line, b'F', u64::from(store.flags));
    push_flag(&mut line, b'T', u64::from(store.exptime));
    if let Some(mode) = store_mode(store.op) {
        line.word(&[b' ', b'M', mode], 3);
    }
    if store.op == StoreOp::Cas {
        push_flag(&mut line, b'C', store.cas);
    }
    push_opaque_and_end(&mut line, opaque);
    line.bytes(store.data);
    line.word(b"\r\n", 2);
    line.finish();
}

/// Appends a delete: `md <key>[ I][ T<ttl>][ C<cas>] O<opaque>\r\n`.
///
/// With `mark_stale` the item is not removed but marked stale (`I`): it gets a new cas unique,
/// the next lease or get of it wins the right to recompute it, and with `ttl` > 0 it lives
/// `ttl` more seconds. With `cas` > 0 memcached acts only if the item's cas unique still
/// equals it (`EX` otherwise).
pub fn encode_delete(
    out: &mut Vec<u8>,
    key: &[u8],
    mark_stale: bool,
    ttl: u32,
    cas: u64,
    opaque: u32,
) {
    let mut line = start(out, b"md ", key, 0);
    if mark_stale {
        line.word(b" I", 2);
        if ttl > 0 {
            push_flag(&mut line, b'T', u64::from(ttl));
        }
    }
    if cas > 0 {
        push_flag(&mut line, b'C', cas);
    }
    push_opaque_and_end(&mut line, opaque);
    line.finish();
}

/// Appends an arithmetic command returning the new value:
/// `ma <key> v[ MD] D<|delta|>[ N<exptime> J<initial>] O<opaque>\r\n` (decrement when
/// `delta` < 0; `i64::MIN` becomes `D9223372036854775808`). With `initial` (value, expiry) a
/// missing item is created holding `value` (the delta is not applied), as the binary
/// protocol's counters do.
pub fn encode_arithmetic(
    out: &mut Vec<u8>,
    key: &[u8],
    delta: i64,
    initial: Option<(u64, u32)>,
    opaque: u32,
) {
    let mut line = start(out, b"ma ", key, 0);
    if delta < 0 {
        line.word(b" v MD", 5);
    } else {
        line.word(b" v   ", 2);
    }
    push_flag(&mut line, b'D', delta.unsigned_abs());
    if let Some((value, exptime)) = initial {
        push_flag(&mut line, b'N', u64::from(exptime));
        push_flag(&mut line, b'J', value);
    }
    push_opaque_and_end(&mut line, opaque);
    line.finish();
}

/// Appends `mn\r\n`, answered `MN` after every request sent before it.
pub fn encode_noop(out: &mut Vec<u8>) {
    out.extend_from_slice(b"mn\r\n");
}

/// A meta return code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// `HD`: success without a value (stored, deleted, counter changed without `v`).
    Done,
    /// `NS`: not stored (add of an existing item, replace/append/prepend of a missing one;
    /// a counter not created).
    NotStored,
    /// `EX`: the item's cas unique differs from the one sent.
    Exists,
    /// `NF`: no such item (delete, counter, or a store compared with a cas).
    NotFound,
    /// `EN`: a get that is not quiet missed.
    Miss,
    /// `MN`: the answer to `mn`.
    Noop,
    /// `VA`: a value follows (a get hit, a counter's new value).
    Value,
}

/// The return codes and their statuses.
const STATUSES: [(&[u8; 2], Status); 7] = [
    (b"HD", Status::Done),
    (b"NS", Status::NotStored),
    (b"EX", Status::Exists),
    (b"NF", Status::NotFound),
    (b"EN", Status::Miss),
    (b"MN", Status::Noop),
    (b"VA", Status::Value),
];

/// The flags of a meta reply line that this client asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReturnFlags<'a> {
    /// `f<n>`: the item's client flags.
    pub client_flags: Option<u32>,
    /// `c<n>`: the item's cas unique.
    pub cas: Option<u64>,
    /// `O<token>`: the opaque sent with the request.
    pub opaque: Option<&'a [u8]>,
    /// `W`: this client won the right to recompute the item.
    pub win: bool,
    /// `X`: the item is stale.
    pub stale: bool,
    /// `Z`: another client already won the right to recompute the item.
    pub win_taken: bool,
}

/// A meta reply line (and the data block of `VA`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta<'a> {
    /// The return code.
    pub status: Status,
    /// The returned flags.
    pub flags: ReturnFlags<'a>,
    /// The data block of `VA`, without its CRLF; empty for the other codes.
    pub data: &'a [u8],
}

/// One reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply<'a> {
    /// A meta reply line.
    Meta(Meta<'a>),
    /// Any other line, as the text protocol classifies it: an error line, or the reply of a
    /// classic command (`VERSION`, `OK`, `STAT`, `END`, …).
    Text(ascii::Reply<'a>),
}

/// Parses one reply from the front of `buf`: [`Parse::Incomplete`] when `buf` may be the
/// beginning of a valid reply, or the reply and the bytes it occupies. Never reads past the
/// reply. See the module docs for the rules.
///
/// # Errors
/// A [`ProtocolError`] when the bytes already in `buf` cannot begin a valid reply; the
/// connection must then be closed.
pub fn parse_reply(buf: &[u8]) -> Result<Parse<Reply<'_>>, ProtocolError> {
    parse_reply_within(buf, MAX_VALUE_LEN)
}

/// [`parse_reply`] for a caller that accepts values of at most `max_value_len` bytes (at most
/// [`MAX_VALUE_LEN`] counts), as the text protocol's
/// [`parse_reply_within`](ascii::parse_reply_within).
///
/// # Errors
/// As [`parse_reply`], and [`ProtocolError::ValueTooLarge`] for a well-formed `VA` line whose
/// data length is above `max_value_len` (but not above [`MAX_VALUE_LEN`]), before any of its
/// data is needed.
pub fn parse_reply_within(
    buf: &[u8],
    max_value_len: usize,
) -> Result<Parse<Reply<'_>>, ProtocolError> {
    let Some(line_end) = ascii::find_line_end(buf)? else {
        return Ok(Parse::Incomplete);
    };
    let line = &buf[..line_end - 2];
    let Some(status) = status_of(line) else {
        return Ok(match ascii::parse_line(buf)? {
            Parse::Done(reply, used) => Parse::Done(Reply::Text(reply), used),
            Parse::Incomplete => Parse::Incomplete,
        });
    };
    let tokens = &line[2..];
    if status != Status::Value {
        let flags = parse_flags(tokens).ok_or(ProtocolError::MalformedResponse)?;
        let meta = Meta {
            status,
            flags,
            data: &[],
        };
        return Ok(Parse::Done(Reply::Meta(meta), line_end));
    }
    let malformed = ProtocolError::MalformedValueHeader;
    let tokens = tokens.strip_prefix(b" ").ok_or(malformed)?;
    let (size, flags) = match tokens.iter().position(|&b| b == b' ') {
        Some(space) => (&tokens[..space], &tokens[space..]),
        None => (tokens, &b""[..]),
    };
    let size = whole_number(size)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n <= MAX_VALUE_LEN)
        .ok_or(malformed)?;
    let flags = parse_flags(flags).ok_or(malformed)?;
    if size > max_value_len {
        return Err(ProtocolError::ValueTooLarge {
            len: size,
            limit: max_value_len,
        });
    }
    Ok(match ascii::data_block(buf, line_end, size)? {
        Parse::Incomplete => Parse::Incomplete,
        Parse::Done(data, used) => Parse::Done(
            Reply::Meta(Meta {
                status,
                flags,
                data,
            }),
            used,
        ),
    })
}

/// The status of a line that starts with a meta return code followed by a space or the end.
fn status_of(line: &[u8]) -> Option<Status> {
    if line.len() > 2 && line[2] != b' ' {
        return None;
    }
    let code = line.get(..2)?;
    STATUSES
        .iter()
        .find(|(c, _)| code == &c[..])
        .map(|&(_, status)| status)
}

/// Parses ` <flag>…` (each token preceded by one space; nothing at all is no flags).
fn parse_flags(tokens: &[u8]) -> Option<ReturnFlags<'_>> {
    let mut flags = ReturnFlags::default();
    if tokens.is_empty() {
        return Some(flags);
    }
    for token in tokens.strip_prefix(b" ")?.split(|&b| b == b' ') {
        let (&flag, argument) = token.split_first()?;
        match flag {
            b'f' => flags.client_flags = Some(u32::try_from(whole_number(argument)?).ok()?),
            b'c' => flags.cas = Some(whole_number(argument)?),
            b'O' if (1..=MAX_OPAQUE_LEN).contains(&argument.len()) => {
                flags.opaque = Some(argument);
            }
            b'O' => return None,
            b'W' | b'X' | b'Z' if !argument.is_empty() => return None,
            b'W' => flags.win = true,
            b'X' => flags.stale = true,
            b'Z' => flags.win_taken = true,
            _ => {}
        }
    }
    Some(flags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ascii::{Reply as TextReply, ServerErrorKind, MAX_LINE_LEN};
    use crate::protocol::testing::{encoded, store, Rng};

    fn done(buf: &[u8]) -> (Reply<'_>, usize) {
        match parse_reply(buf) {
            Ok(Parse::Done(reply, used)) => (reply, used),
            other => panic!("expected a reply from {buf:?}, got {other:?}"),
        }
    }

    fn meta(buf: &[u8]) -> Meta<'_> {
        let (reply, used) = done(buf);
        assert_eq!(used, buf.len(), "reply did not use the whole of {buf:?}");
        match reply {
            Reply::Meta(meta) => meta,
            Reply::Text(text) => panic!("{buf:?} parsed as a text reply {text:?}"),
        }
    }

    fn status_only(status: Status) -> Meta<'static> {
        Meta {
            status,
            flags: ReturnFlags::default(),
            data: b"",
        }
    }

    // ---- encoders ----

    #[test]
    fn gets_are_quiet_with_an_opaque() {
        assert_eq!(
            encoded(|o| encode_get(o, b"w1", false, 0)),
            b"mg w1 v f q O0\r\n"
        );
        assert_eq!(
            encoded(|o| encode_get(o, b"w1", true, 99)),
            b"mg w1 v f c q O99\r\n"
        );
        assert_eq!(
            encoded(|o| encode_get(o, b"k", false, u32::MAX)),
            b"mg k v f q O4294967295\r\n"
        );
    }

    #[test]
    fn a_lease_vivifies_for_its_ttl() {
        assert_eq!(
            encoded(|o| encode_lease(o, b"hot", 3, 2)),
            b"mg hot v f c q N3 O2\r\n"
        );
    }

    #[test]
    fn store_commands() {
        let mut out = Vec::new();
        for (op, flags, exptime, cas, data) in [
            (StoreOp::Set, 65536, 100, 9, "val"),
            (StoreOp::Add, 768, u32::MAX, 9, "5"),
            (StoreOp::Replace, 1792, 0, 0, "1.5"),
            (StoreOp::Append, 0, 0, 0, "x"),
            (StoreOp::Prepend, 0, 0, 0, "y"),
            (StoreOp::Cas, 256, 0, 246_639, "1"),
            (StoreOp::Cas, u32::MAX, 0, u64::MAX, ""),
        ] {
            let store = store(op, flags, exptime, cas, data.as_bytes());
            encode_store(&mut out, b"w1", store, 5);
        }
        assert_eq!(
            String::from_utf8_lossy(&out),
            "ms w1 3 F65536 T100 O5\r\nval\r\n\
             ms w1 1 F768 T4294967295 ME O5\r\n5\r\n\
             ms w1 3 F1792 T0 MR O5\r\n1.5\r\n\
             ms w1 1 F0 T0 MA O5\r\nx\r\n\
             ms w1 1 F0 T0 MP O5\r\ny\r\n\
             ms w1 1 F256 T0 C246639 O5\r\n1\r\n\
             ms w1 0 F4294967295 T0 C18446744073709551615 O5\r\n\r\n"
        );
    }

    /// Each width from 1 to 20 digits at both of its ends, and u64::MAX.
    fn numbers_of_every_width() -> Vec<u64> {
        let mut numbers = vec![0, 9, u64::MAX];
        for width in 1..20 {
            let power = 10u64.pow(width);
            numbers.extend([power - 1, power, power + 1]);
        }
        numbers
    }

    #[test]
    fn the_longest_lines_are_written_whole() {
        let key = [b'k'; 250];
        let key_text = "k".repeat(250);
        for n in numbers_of_every_width() {
            let small = u32::try_from(n).unwrap_or(u32::MAX);
            let data = vec![b'v'; (n % 1000) as usize];
            for op in [StoreOp::Cas, StoreOp::Prepend] {
                let out =
                    encoded(|o| encode_store(o, &key, store(op, small, small, n, &data), small));
                let middle = if op == StoreOp::Cas {
                    format!("C{n}")
                } else {
                    "MP".to_string()
                };
                let mut expected = format!(
                    "ms {key_text} {} F{small} T{small} {middle} O{small}\r\n",
                    data.len()
                )
                .into_bytes();
                expected.extend_from_slice(&data);
                expected.extend_from_slice(b"\r\n");
                assert_eq!(out, expected, "{op:?} {n}");
            }
            let delta = i64::try_from(n).unwrap_or(i64::MIN);
            let out = encoded(|o| encode_arithmetic(o, &key, delta, Some((n, small)), small));
            let mode = if delta < 0 { " MD" } else { "" };
            let expected = format!(
                "ma {key_text} v{mode} D{} N{small} J{n} O{small}\r\n",
                delta.unsigned_abs()
            );
            assert_eq!(out, expected.as_bytes(), "{n}");
            let out = encoded(|o| encode_delete(o, &key, true, small, n, small));
            let ttl = if small > 0 {
                format!(" T{small}")
            } else {
                String::new()
            };
            let cas = if n > 0 {
                format!(" C{n}")
            } else {
                String::new()
            };
            let expected = format!("md {key_text} I{ttl}{cas} O{small}\r\n");
            assert_eq!(out, expected.as_bytes(), "{n}");
            let out = encoded(|o| encode_lease(o, &key, small, small));
            let expected = format!("mg {key_text} v f c q N{small} O{small}\r\n");
            assert_eq!(out, expected.as_bytes(), "{n}");
        }
    }

    #[test]
    fn store_data_is_sent_raw() {
        assert_eq!(
            encoded(|o| encode_store(o, b"k", store(StoreOp::Set, 0, 0, 0, b"a\r\nmn\r\n\0"), 0)),
            b"ms k 8 F0 T0 O0\r\na\r\nmn\r\n\0\r\n"
        );
    }

    #[test]
    fn deletes_plain_conditional_and_stale() {
        let delete = |stale, ttl, cas| encoded(|o| encode_delete(o, b"w2", stale, ttl, cas, 1));
        assert_eq!(delete(false, 0, 0), b"md w2 O1\r\n");
        assert_eq!(delete(false, 30, 0), b"md w2 O1\r\n");
        assert_eq!(delete(false, 0, 17), b"md w2 C17 O1\r\n");
        assert_eq!(delete(true, 0, 0), b"md w2 I O1\r\n");
        assert_eq!(delete(true, 30, 0), b"md w2 I T30 O1\r\n");
        assert_eq!(delete(true, 30, 17), b"md w2 I T30 C17 O1\r\n");
    }

    #[test]
    fn arithmetic() {
        let counter = |delta, initial| encoded(|o| encode_arithmetic(o, b"w2", delta, initial, 3));
        assert_eq!(counter(1, None), b"ma w2 v D1 O3\r\n");
        assert_eq!(counter(0, None), b"ma w2 v D0 O3\r\n");
        assert_eq!(counter(-4, None), b"ma w2 v MD D4 O3\r\n");
        assert_eq!(
            counter(i64::MIN, None),
            b"ma w2 v MD D9223372036854775808 O3\r\n"
        );
        assert_eq!(
            counter(i64::MAX, Some((1, 30))),
            b"ma w2 v D9223372036854775807 N30 J1 O3\r\n"
        );
        assert_eq!(
            counter(1, Some((u64::MAX, 0))),
            b"ma w2 v D1 N0 J18446744073709551615 O3\r\n"
        );
    }

    #[test]
    fn encoders_append_to_the_buffer() {
        let mut out = b"version\r\n".to_vec();
        encode_get(&mut out, b"a", false, 0);
        encode_noop(&mut out);
        assert_eq!(out, b"version\r\nmg a v f q O0\r\nmn\r\n");
    }

    // ---- replies ----

    #[test]
    fn status_lines() {
        for (line, status) in [
            (&b"HD\r\n"[..], Status::Done),
            (b"NS\r\n", Status::NotStored),
            (b"EX\r\n", Status::Exists),
            (b"NF\r\n", Status::NotFound),
            (b"EN\r\n", Status::Miss),
            (b"MN\r\n", Status::Noop),
        ] {
            assert_eq!(meta(line), status_only(status), "{line:?}");
        }
        let with_opaque = meta(b"HD O12\r\n");
        assert_eq!(with_opaque.status, Status::Done);
        assert_eq!(with_opaque.flags.opaque, Some(&b"12"[..]));
    }

    #[test]
    fn a_value_with_its_flags() {
        let hit = meta(b"VA 3 f768 c246639 O7\r\nabc\r\n");
        assert_eq!(hit.status, Status::Value);
        assert_eq!(hit.data, b"abc");
        assert_eq!(
            hit.flags,
            ReturnFlags {
                client_flags: Some(768),
                cas: Some(246_639),
                opaque: Some(b"7"),
                ..ReturnFlags::default()
            }
        );
        let counter = meta(b"VA 2\r\n42\r\n");
        assert_eq!(
            (counter.data, counter.flags),
            (&b"42"[..], ReturnFlags::default())
        );
        let empty = meta(b"VA 0 f0 c6 W\r\n\r\n");
        assert_eq!(empty.data, b"");
        assert!(empty.flags.win && !empty.flags.stale && !empty.flags.win_taken);
    }

    #[test]
    fn lease_flags() {
        let stale = meta(b"VA 3 f1 c8 X W O1\r\nold\r\n").flags;
        assert!(stale.stale && stale.win && !stale.win_taken);
        let other = meta(b"VA 3 f1 c8 Z X\r\nold\r\n").flags;
        assert!(other.stale && other.win_taken && !other.win);
    }

    #[test]
    fn flags_this_client_does_not_parse_are_skipped() {
        let hit = meta(b"VA 1 f2 kfoo t-1 s1 b h0 l12 O3\r\nx\r\n");
        assert_eq!(hit.flags.client_flags, Some(2));
        assert_eq!(hit.flags.opaque, Some(&b"3"[..]));
    }

    #[test]
    fn the_data_block_may_hold_anything() {
        let hit = meta(b"VA 9 O1\r\nMN\r\nEN\r\n\0\r\n");
        assert_eq!(hit.data, b"MN\r\nEN\r\n\0");
    }

    #[test]
    fn other_lines_are_text_replies() {
        for (line, want) in [
            (&b"VERSION 1.6.18\r\n"[..], TextReply::Version(b"1.6.18")),
            (b"OK\r\n", TextReply::Ok),
            (b"END\r\n", TextReply::End),
            (b"EXISTS\r\n", TextReply::Exists),
            (b"ENX\r\n", TextReply::Unexpected(b"ENX")),
            (b"H\r\n", TextReply::Unexpected(b"H")),
            (b"ERROR\r\n", TextReply::Error(b"ERROR")),
            (
                b"CLIENT_ERROR bad command line format\r\n",
                TextReply::ClientError(b"CLIENT_ERROR bad command line format"),
            ),
            (
                b"SERVER_ERROR out of memory storing object\r\n",
                TextReply::ServerError {
                    kind: ServerErrorKind::OutOfMemory,
                    line: b"SERVER_ERROR out of memory storing object",
                },
            ),
            (
                b"STAT uptime 12\r\n",
                TextReply::Stat {
                    name: b"uptime",
                    value: b"12",
                },
            ),
        ] {
            assert_eq!(done(line), (Reply::Text(want), line.len()), "{line:?}");
        }
    }

    #[test]
    fn malformed_meta_lines() {
        let long_opaque = [&b"HD O"[..], &[b'1'; MAX_OPAQUE_LEN + 1], b"\r\n"].concat();
        for bad in [
            &b"HD \r\n"[..],
            b"HD  O1\r\n",
            b"HD O1 \r\n",
            b"HD O\r\n",
            b"HD Wx\r\n",
            b"HD X1\r\n",
            b"HD Z \r\n",
            b"HD f\r\n",
            b"HD fx\r\n",
            b"HD f-1\r\n",
            b"HD f4294967296\r\n",
            b"HD c\r\n",
            b"HD c18446744073709551616\r\n",
            &long_opaque,
        ] {
            assert_eq!(
                parse_reply(bad),
                Err(ProtocolError::MalformedResponse),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn malformed_value_headers_and_blocks() {
        let too_big = format!("VA {}\r\n", MAX_VALUE_LEN + 1);
        for bad in [
            &b"VA\r\n"[..],
            b"VA \r\n",
            b"VA x\r\n",
            b"VA -1\r\n",
            b"VA 1x\r\n",
            b"VA 18446744073709551616\r\n",
            b"VA  1\r\nx\r\n",
            b"VA 1 \r\nx\r\n",
            b"VA 1 fx\r\nx\r\n",
            b"VA 1\r\nxy",
            b"VA 1\r\nx\rx",
            b"VA 1\r\nx\n\r",
            b"VA 0\r\nx\r\n",
            too_big.as_bytes(),
        ] {
            assert_eq!(
                parse_reply(bad),
                Err(ProtocolError::MalformedValueHeader),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        let largest = format!("VA {MAX_VALUE_LEN}\r\n");
        assert_eq!(parse_reply(largest.as_bytes()), Ok(Parse::Incomplete));
    }

    #[test]
    fn a_value_above_the_callers_limit_is_refused_at_its_line() {
        let too_large = ProtocolError::ValueTooLarge { len: 11, limit: 10 };
        assert_eq!(parse_reply_within(b"VA 11\r\n", 10), Err(too_large));
        assert_eq!(
            parse_reply_within(b"VA 11 f0 c7 O3\r\nxxxx", 10),
            Err(too_large)
        );
        let gib = format!("VA {MAX_VALUE_LEN} f0 O0\r\n");
        assert_eq!(
            parse_reply_within(gib.as_bytes(), 128 << 20),
            Err(ProtocolError::ValueTooLarge {
                len: MAX_VALUE_LEN,
                limit: 128 << 20
            })
        );
        assert_eq!(
            parse_reply_within(b"VA 10 f0\r\n", 10),
            Ok(Parse::Incomplete)
        );
        let (reply, used) = match parse_reply_within(b"VA 2 f0 O1\r\nab\r\n", 2) {
            Ok(Parse::Done(reply, used)) => (reply, used),
            other => panic!("{other:?}"),
        };
        assert!(matches!(reply, Reply::Meta(Meta { data: b"ab", .. })) && used == 16);
        // A line that is malformed anyway stays malformed; other lines are unaffected.
        for malformed in [
            format!("VA {}\r\n", MAX_VALUE_LEN + 1),
            "VA 9223372036854775808 f0 O0\r\n".to_string(),
            "VA 11 fx\r\n".to_string(),
        ] {
            assert_eq!(
                parse_reply_within(malformed.as_bytes(), 10),
                Err(ProtocolError::MalformedValueHeader),
                "{malformed:?}"
            );
        }
        assert_eq!(
            parse_reply_within(b"HD O1\r\n", 0).map(|p| matches!(p, Parse::Done(_, 7))),
            Ok(true)
        );
        assert_eq!(
            parse_reply_within(b"VA 0 f0 O1\r\n\r\n", 0).map(|p| matches!(p, Parse::Done(_, 14))),
            Ok(true)
        );
    }

    #[test]
    fn line_rules_are_the_text_protocols() {
        assert_eq!(parse_reply(b"HD\n"), Err(ProtocolError::MalformedResponse));
        assert_eq!(parse_reply(b"\r\n"), Err(ProtocolError::MalformedResponse));
        let long = [&b"HD O1 k"[..], &vec![b'k'; MAX_LINE_LEN]].concat();
        assert_eq!(parse_reply(&long), Err(ProtocolError::LineTooLong));
    }

    #[test]
    fn parsing_uses_only_the_first_reply() {
        let stream = b"VA 1 O0\r\nx\r\nMN\r\n";
        let (first, used) = done(stream);
        assert_eq!(used, 12);
        assert!(matches!(
            first,
            Reply::Meta(Meta {
                status: Status::Value,
                ..
            })
        ));
        assert_eq!(
            done(&stream[used..]).0,
            Reply::Meta(status_only(Status::Noop))
        );
    }

    // ---- incomplete at every split point, random input ----

    fn sample_stream() -> Vec<u8> {
        [
            &b"HD O0\r\n"[..],
            b"NS O1\r\n",
            b"EX O2\r\n",
            b"NF O3\r\n",
            b"VA 2 O4\r\n42\r\n",
            b"VA 5 f768 c9 O5\r\nab\r\nc\r\n",
            b"VA 0 f0 c6 W O6\r\n\r\n",
            b"VA 3 f1 c8 Z X O7\r\nold\r\n",
            b"CLIENT_ERROR cannot increment or decrement non-numeric value\r\n",
            b"VERSION 1.6.18\r\n",
            b"STAT uptime 5\r\n",
            b"END\r\n",
            b"OK\r\n",
            b"EN\r\n",
            b"MN\r\n",
        ]
        .concat()
    }

    #[test]
    fn incomplete_at_every_split_point() {
        let stream = sample_stream();
        let mut at = 0;
        let mut replies = 0;
        while at < stream.len() {
            let (_, used) = done(&stream[at..]);
            for cut in at..at + used {
                assert_eq!(
                    parse_reply(&stream[at..cut]),
                    Ok(Parse::Incomplete),
                    "{:?}",
                    String::from_utf8_lossy(&stream[at..cut])
                );
            }
            at += used;
            replies += 1;
        }
        assert_eq!(replies, 15);
    }

    #[test]
    fn random_input_never_panics_and_never_overreads() {
        const FRAGMENTS: [&[u8]; 16] = [
            b"VA ",
            b"HD",
            b"MN",
            b"EN",
            b" O1",
            b" f7",
            b" c9",
            b" W",
            b" X",
            b" Z",
            b"\r\n",
            b"\r",
            b"\n",
            b" ",
            b"3",
            b"4294967296",
        ];
        let valid = sample_stream();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..100_000 {
            let mut buf = Vec::new();
            if rng.below(2) == 0 {
                let start = rng.below(valid.len());
                buf.extend_from_slice(&valid[start..]);
                for _ in 0..rng.below(4) {
                    let at = rng.below(buf.len());
                    buf[at] = rng.next() as u8;
                }
            } else {
                for _ in 0..rng.below(16) {
                    buf.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len())]);
                }
            }
            let mut rest = &buf[..];
            while let Ok(Parse::Done(reply, used)) = parse_reply(rest) {
                assert!(used > 0 && used <= rest.len());
                assert_eq!(parse_reply(&rest[..used]), Ok(Parse::Done(reply, used)));
                rest = &rest[used..];
            }
        }
    }
}
