//! One server's share of a batch in memcached's meta commands (`memcache.protocol=meta`): the
//! requests encoded into one write, and a [`MetaReader`] that matches each reply to its request
//! by the opaque token memcached echoes.
//!
//! Framing: each request carries `O<position>`, its place among the server's requests. The
//! single-reply commands go first, each answered by one line that must echo its position
//! (error lines, which carry no opaque, answer the request whose turn it is). The gets follow
//! as quiet `mg`s (a miss sends nothing) and one `mn`: a hit names its request by its opaque,
//! and `MN` says the rest were misses. Leases ride with the gets (a lease never misses).
//! `version`, `flush_all` and `stats` have no meta form; memcached answers the classic commands
//! on a meta connection too, so they are sent and read as in the text protocol.
//!
//! Stale items and placeholders: a plain get treats a stale item (`X`) and another client's
//! placeholder (`Z` without `X`) as misses: when unsure whether data may be stale, it is stale.
//! A lease is served a stale value, except an empty one with flags 0, which may be a
//! placeholder invalidated during its recompute: that one is waited for.
//! memcached hands the right to recompute a stale item to the first get of it, lease or not;
//! a plain get that is handed it reports [`Outcome::UnaskedWin`], and the pool gives it back.

use crate::net::NetError;
use crate::pool::ascii_exchange::{error_reply, unexpected, ServerCommandReplies};
use crate::pool::reader_core::{ReaderCore, TakeReply};
use crate::pool::request::{Command, Lease, Outcome, Replies, Request};
use crate::protocol::ascii::{self, Reply as TextReply, ServerErrorKind};
use crate::protocol::meta::{self, Meta, Reply, ReturnFlags, Status};
use crate::protocol::number::whole_number;
use crate::protocol::{Parse, ProtocolError};

/// Encodes the requests `indexes` of `requests` (in
/// [`wire_order`](crate::pool::request::wire_order)) into `out`: one line per request, and
/// `mn` after the gets.
pub fn encode_meta(out: &mut Vec<u8>, requests: &[Request<'_>], indexes: &[usize]) {
    // One request (every single-key call): without the batch's bookkeeping.
    if let [i] = *indexes {
        if encode_request(out, &requests[i], 0) {
            meta::encode_noop(out);
        }
        return;
    }
    let mut gets = false;
    for (position, &i) in indexes.iter().enumerate() {
        let opaque = u32::try_from(position).unwrap_or(u32::MAX);
        gets |= encode_request(out, &requests[i], opaque);
    }
    if gets {
        meta::encode_noop(out);
    }
}

/// Appends the line of `r` with `opaque`; true for a get (or lease), which `mn` must follow.
fn encode_request(out: &mut Vec<u8>, r: &Request<'_>, opaque: u32) -> bool {
    match r.command {
        Command::Get { with_cas } => {
            meta::encode_get(out, r.key, with_cas, opaque);
            return true;
        }
        Command::Lease { ttl } => {
            meta::encode_lease(out, r.key, ttl, opaque);
            return true;
        }
        Command::Store(store) => meta::encode_store(out, r.key, store, opaque),
        Command::Delete => meta::encode_delete(out, r.key, false, 0, 0, opaque),
        Command::Invalidate {
            mark_stale,
            ttl,
            cas,
        } => meta::encode_delete(out, r.key, mark_stale, ttl, cas, opaque),
        Command::Counter { delta, initial } => {
            meta::encode_arithmetic(out, r.key, delta, initial, opaque);
        }
        Command::Version => ascii::encode_version(out),
        Command::Flush { delay } => ascii::encode_flush(out, delay),
        Command::Stats { args } => ascii::encode_stats(out, args),
        Command::Uptime => ascii::encode_stats(out, &[]),
    }
    false
}

/// Consumes one server's replies to what [`encode_meta`] wrote, recording outcomes and values
/// in the round's [`Replies`].
pub struct MetaReader<'b, 'a> {
    core: ReaderCore<'b, 'a>,
    /// Next single-reply request awaiting its reply.
    next: usize,
    /// True once the `MN` after the gets arrived.
    gets_ended: bool,
    server_replies: ServerCommandReplies,
}

impl<'b, 'a> MetaReader<'b, 'a> {
    /// A reader for the requests `indexes` of `requests`, in
    /// [`wire_order`](crate::pool::request::wire_order), that refuses values beyond
    /// `max_value_len` bytes in all ([`ProtocolError::ValueTooLarge`]) at their `VA` line; a
    /// counter's new value must fit in what is left too. What it reads goes to `replies`
    /// ([`Replies::new`] for `indexes.len()` requests).
    #[inline(always)]
    pub fn new(
        requests: &'b [Request<'a>],
        indexes: &'b [usize],
        max_value_len: usize,
        replies: &'b mut Replies,
    ) -> Self {
        MetaReader {
            core: ReaderCore::new(requests, indexes, max_value_len, replies),
            next: 0,
            gets_ended: false,
            server_replies: ServerCommandReplies::default(),
        }
    }

    /// Reads the reply to the single-reply request whose turn it is.
    fn read_single_reply(&mut self, reply: Reply<'_>) -> Result<(), NetError> {
        let command = self.core.command(self.next);
        let outcome = match reply {
            Reply::Meta(meta) => {
                if position(&meta.flags) != Some(self.next) {
                    return Err(out_of_step(&meta));
                }
                keyed_outcome(&command, &meta)?
            }
            Reply::Text(
                reply @ (TextReply::ServerError {
                    kind: ServerErrorKind::TooLarge | ServerErrorKind::OutOfMemory,
                    ..
                }
                | TextReply::ClientError(_)),
            ) => error_reply(&reply),
            Reply::Text(other) => return Err(unexpected(&other)),
        };
        self.core.set(self.next, outcome);
        self.next += 1;
        Ok(())
    }

    /// Reads a reply among the gets: a hit (or lease) named by its opaque, or the `MN` that
    /// ends them.
    fn read_get_reply(&mut self, reply: Reply<'_>) -> Result<(), NetError> {
        let meta = match reply {
            Reply::Meta(meta) => meta,
            Reply::Text(other) => return Err(unexpected(&other)),
        };
        if meta.status == Status::Noop {
            self.core.done_from(self.core.first_get);
            self.gets_ended = true;
            return Ok(());
        }
        let slot = position(&meta.flags)
            .filter(|&p| p >= self.core.first_get && p < self.core.indexes.len())
            .filter(|&p| self.core.is_pending(p))
            .ok_or_else(|| out_of_step(&meta))?;
        let outcome = match meta.status {
            // Quiet gets do not send it, but a miss is a miss.
            Status::Miss => Outcome::Done,
            Status::Value => self.read_value(slot, &meta)?,
            _ => return Err(out_of_step(&meta)),
        };
        self.core.set(slot, outcome);
        Ok(())
    }

    /// The outcome of the get or lease at `slot` for a `VA` reply, recording its hit.
    fn read_value(&mut self, slot: usize, meta: &Meta<'_>) -> Result<Outcome, NetError> {
        let malformed = NetError::Protocol(ProtocolError::MalformedValueHeader);
        let flags = meta.flags.client_flags.ok_or(malformed.clone())?;
        let ReturnFlags {
            win,
            stale,
            win_taken,
            ..
        } = meta.flags;
        let outcome = match self.core.command(slot) {
            Command::Lease { .. } => {
                meta.flags.cas.ok_or(malformed)?;
                // A placeholder invalidated during its recompute is a stale empty item with
                // flags 0: nothing to serve (an empty string stored as such looks the same; it
                // is waited for instead of served stale, which costs time, never a wrong value).
                let placeholder = meta.data.is_empty() && flags == 0;
                Outcome::Lease(match (stale, win, win_taken) {
                    (true, true, _) => Lease::WonStale,
                    (true, false, _) if placeholder => Lease::Pending,
                    (true, false, _) => Lease::Stale,
                    (false, true, _) => Lease::Won,
                    (false, false, true) => Lease::Pending,
                    (false, false, false) => Lease::Fresh,
                })
            }
            _ if stale && win => {
                return Ok(Outcome::UnaskedWin {
                    cas: meta.flags.cas.unwrap_or(0),
                })
            }
            _ if stale || win_taken => return Ok(Outcome::Done),
            _ => Outcome::Done,
        };
        let cas = meta.flags.cas.unwrap_or(0);
        self.core.add_hit(slot, flags, cas, meta.data);
        Ok(outcome)
    }
}

/// What a meta reply line means for a keyed command that is not a get (its opaque checked).
fn keyed_outcome(command: &Command<'_>, meta: &Meta<'_>) -> Result<Outcome, NetError> {
    Ok(match (command, meta.status) {
        (Command::Store { .. } | Command::Delete | Command::Invalidate { .. }, Status::Done) => {
            Outcome::Done
        }
        (Command::Store { .. }, Status::NotStored | Status::Exists | Status::NotFound)
        | (
            Command::Delete | Command::Invalidate { .. } | Command::Counter { .. },
            Status::NotFound | Status::Exists,
        )
        | (Command::Counter { .. }, Status::NotStored) => Outcome::Rejected,
        (Command::Counter { .. }, Status::Value) => Outcome::Counter(counter_value(meta.data)?),
        _ => return Err(out_of_step(meta)),
    })
}

/// The new value of a counter, saturated at `u64::MAX` like the text protocol's.
fn counter_value(data: &[u8]) -> Result<u64, NetError> {
    match whole_number(data) {
        Some(n) => Ok(n),
        // Digits only, too many for a `u64`.
        None if !data.is_empty() && data.iter().all(u8::is_ascii_digit) => Ok(u64::MAX),
        None => Err(ProtocolError::MalformedValueHeader.into()),
    }
}

/// The request position a reply's opaque names.
fn position(flags: &ReturnFlags<'_>) -> Option<usize> {
    let opaque = flags.opaque?;
    if opaque.len() > 10 {
        return None;
    }
    usize::try_from(whole_number(opaque)?).ok()
}

/// A reply that answers nothing this reader is waiting for: the stream is out of step.
fn out_of_step(meta: &Meta<'_>) -> NetError {
    let opaque = meta.flags.opaque.unwrap_or_default();
    NetError::Unexpected(format!(
        "Unexpected meta reply ({:?}, opaque {})",
        meta.status,
        String::from_utf8_lossy(opaque)
    ))
}

impl TakeReply for MetaReader<'_, '_> {
    #[inline]
    fn is_done(&self) -> bool {
        self.next >= self.core.first_get
            && (self.gets_ended || self.core.first_get == self.core.indexes.len())
    }

    #[inline]
    fn start_read(&mut self, buf: &[u8]) {
        if self.next >= self.core.first_get {
            self.core.reserve_values(buf, b"VA");
        }
    }

    #[inline]
    fn take_reply(&mut self, buf: &[u8]) -> Result<Option<usize>, NetError> {
        let in_gets = self.next >= self.core.first_get;
        if !in_gets {
            let command = self.core.command(self.next);
            if ServerCommandReplies::reads(&command) {
                let Parse::Done(reply, used) = ascii::parse_line(buf)? else {
                    return Ok(None);
                };
                if let Some(outcome) = self.server_replies.read(&command, reply)? {
                    self.core.set(self.next, outcome);
                    self.next += 1;
                }
                return Ok(Some(used));
            }
        }
        let Parse::Done(reply, used) = meta::parse_reply_within(buf, self.core.room())? else {
            return Ok(None);
        };
        if in_gets {
            self.read_get_reply(reply)?;
        } else {
            self.read_single_reply(reply)?;
        }
        Ok(Some(used))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::ReplyReader;
    use crate::pool::request::{wire_order, Hits, Store};
    use crate::protocol::ascii::StoreOp;

    const GET: Command<'static> = Command::Get { with_cas: false };

    fn store(op: StoreOp) -> Command<'static> {
        Command::Store(Store {
            op,
            flags: 768,
            exptime: 30,
            cas: 7,
            data: b"v",
        })
    }

    fn encoded(requests: &[Request<'_>]) -> (Vec<usize>, String) {
        let mut indexes: Vec<usize> = (0..requests.len()).collect();
        wire_order(requests, &mut indexes);
        let mut out = Vec::new();
        encode_meta(&mut out, requests, &indexes);
        (indexes, String::from_utf8(out).expect("text"))
    }

    /// Feeds `stream` one byte more at a time, as the poll loop may; the outcomes and hits.
    fn read(requests: &[Request<'_>], stream: &[u8]) -> Result<(Vec<Outcome>, Hits), String> {
        read_within(requests, stream, ascii::MAX_VALUE_LEN)
    }

    /// [`read`] with a value budget of `max_value_len` bytes.
    fn read_within(
        requests: &[Request<'_>],
        stream: &[u8],
        max_value_len: usize,
    ) -> Result<(Vec<Outcome>, Hits), String> {
        let mut indexes: Vec<usize> = (0..requests.len()).collect();
        wire_order(requests, &mut indexes);
        let mut replies = Replies::new(indexes.len());
        let mut reader = MetaReader::new(requests, &indexes, max_value_len, &mut replies);
        let mut start = 0;
        for end in 1..=stream.len() {
            let progress = reader
                .read(&stream[start..end])
                .map_err(|e| e.to_string())?;
            assert!(progress.consumed <= end - start);
            start += progress.consumed;
            if progress.done {
                assert_eq!(end, stream.len(), "done before the end of {stream:?}");
                let Replies { outcomes, hits } = replies;
                // Back in batch order.
                let mut by_request = vec![Outcome::Pending; requests.len()];
                for (outcome, &i) in outcomes.into_iter().zip(&indexes) {
                    by_request[i] = outcome;
                }
                return Ok((by_request, hits));
            }
        }
        Err(format!("not done after {stream:?}"))
    }

    #[test]
    fn an_opaque_names_a_position_in_decimal() {
        let named = |opaque: &'static [u8]| {
            position(&ReturnFlags {
                opaque: Some(opaque),
                ..ReturnFlags::default()
            })
        };
        assert_eq!(named(b"0"), Some(0));
        assert_eq!(named(b"007"), Some(7));
        assert_eq!(named(b"9999999999"), Some(9_999_999_999));
        for bad in [&b""[..], b"12345678901", b"1a", b"-1", b" 1"] {
            assert_eq!(named(bad), None, "{bad:?}");
        }
        assert_eq!(position(&ReturnFlags::default()), None);
    }

    #[test]
    fn a_batch_is_single_reply_commands_then_quiet_gets_and_one_noop() {
        let requests = [
            Request::for_key(b"a", GET),
            Request::for_key(b"s", store(StoreOp::Add)),
            Request::for_key(b"b", Command::Get { with_cas: true }),
            Request::for_key(b"d", Command::Delete),
            Request::for_server(0, Command::Version),
        ];
        let (_, wire) = encoded(&requests);
        assert_eq!(
            wire,
            "ms s 1 F768 T30 ME O0\r\nv\r\nmd d O1\r\nversion\r\n\
             mg a v f q O3\r\nmg b v f c q O4\r\nmn\r\n"
        );
        let (outcomes, hits) = read(
            &requests,
            b"NS O0\r\nHD O1\r\nVERSION 1.6.18\r\nVA 2 f1 c9 O4\r\nbb\r\nMN\r\n",
        )
        .expect("valid stream");
        assert_eq!(
            outcomes,
            [
                Outcome::Done,
                Outcome::Rejected,
                Outcome::Done,
                Outcome::Done,
                Outcome::Version(b"1.6.18".to_vec()),
            ]
        );
        assert_eq!(hits.hits.len(), 1);
        assert_eq!((hits.hits[0].request, hits.hits[0].flags), (2, 1));
        assert_eq!(
            (hits.hits[0].cas, hits.value(&hits.hits[0])),
            (9, &b"bb"[..])
        );
    }

    #[test]
    fn hits_are_matched_by_opaque_in_any_order() {
        let requests = [
            Request::for_key(b"a", GET),
            Request::for_key(b"b", GET),
            Request::for_key(b"a", GET),
        ];
        let (outcomes, hits) =
            read(&requests, b"VA 1 f0 O2\r\n2\r\nVA 1 f0 O0\r\n0\r\nMN\r\n").expect("valid stream");
        assert_eq!(outcomes, vec![Outcome::Done; 3]);
        let found: Vec<_> = hits
            .hits
            .iter()
            .map(|h| (h.request, hits.value(h).to_vec()))
            .collect();
        assert_eq!(found, [(2, b"2".to_vec()), (0, b"0".to_vec())]);
    }

    #[test]
    fn a_reply_for_no_pending_request_is_out_of_step() {
        let requests = [Request::for_key(b"a", GET), Request::for_key(b"b", GET)];
        for stream in [
            &b"VA 1 f0 O2\r\nx\r\nMN\r\n"[..],
            b"VA 1 f0 O0\r\nx\r\nVA 1 f0 O0\r\nx\r\nMN\r\n",
            b"VA 1 f0\r\nx\r\nMN\r\n",
            b"VA 1 f0 Ox\r\nx\r\nMN\r\n",
            b"HD O0\r\nMN\r\n",
        ] {
            let error = read(&requests, stream).unwrap_err();
            assert!(error.starts_with("Unexpected meta reply"), "{error}");
        }
        let requests = [Request::for_key(b"d", Command::Delete)];
        assert!(read(&requests, b"HD O1\r\n").is_err());
        assert!(read(&requests, b"HD\r\n").is_err());
        assert!(read(&requests, b"MN\r\n").is_err());
    }

    #[test]
    fn values_beyond_the_budget_of_the_exchange_are_refused_at_their_line() {
        let requests = [Request::for_key(b"a", GET), Request::for_key(b"b", GET)];
        let two = b"VA 3 f0 O0\r\nxyz\r\nVA 3 f0 O1\r\nxyz\r\nMN\r\n";
        assert_eq!(read_within(&requests, two, 6).unwrap().1.data, b"xyzxyz");
        let refused = ProtocolError::ValueTooLarge { len: 3, limit: 2 }.to_string();
        assert_eq!(read_within(&requests, two, 5).unwrap_err(), refused);
        // A counter's new value counts too.
        let incr = Command::Counter {
            delta: 1,
            initial: None,
        };
        let counter = [Request::for_key(b"c", incr)];
        assert_eq!(
            read_within(&counter, b"VA 3 O0\r\n123\r\n", 2).unwrap_err(),
            ProtocolError::ValueTooLarge { len: 3, limit: 2 }.to_string()
        );
    }

    #[test]
    fn a_line_claiming_more_than_the_budget_is_refused_before_its_data() {
        let requests = [Request::for_key(b"k", GET)];
        let indexes = [0];
        let budget = 128 << 20;
        let mut replies = Replies::new(1);
        let mut reader = MetaReader::new(&requests, &indexes, budget, &mut replies);
        let error = reader
            .read(b"VA 1073741824 f0 O0\r\n")
            .expect_err("refused at its line");
        assert!(
            error.is_refused_value() && !error.is_out_of_step(),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!(
                "Value of 1073741824 bytes is larger than the {budget} bytes memory_limit leaves"
            )
        );
        // Within the budget, the same line waits for its data.
        let mut replies = Replies::new(1);
        let mut reader = MetaReader::new(&requests, &indexes, 1 << 30, &mut replies);
        let progress = reader.read(b"VA 1073741824 f0 O0\r\n").expect("waits");
        assert_eq!((progress.consumed, progress.done), (0, false));
    }

    #[test]
    fn a_value_without_its_client_flags_is_malformed() {
        let requests = [Request::for_key(b"a", GET)];
        assert_eq!(
            read(&requests, b"VA 1 O0\r\nx\r\nMN\r\n").unwrap_err(),
            "Malformed VALUE header"
        );
    }

    #[test]
    fn error_lines_answer_the_request_whose_turn_it_is() {
        let requests = [
            Request::for_key(b"s", store(StoreOp::Set)),
            Request::for_key(
                b"c",
                Command::Counter {
                    delta: 1,
                    initial: None,
                },
            ),
        ];
        let (outcomes, _) = read(
            &requests,
            b"SERVER_ERROR object too large for cache\r\n\
              CLIENT_ERROR cannot increment or decrement non-numeric value\r\n",
        )
        .expect("error replies are answers");
        assert_eq!(
            outcomes,
            [
                Outcome::ErrorReply {
                    message: "SERVER_ERROR object too large for cache".into(),
                    code: 3,
                },
                Outcome::ErrorReply {
                    message: "CLIENT_ERROR cannot increment or decrement non-numeric value".into(),
                    code: 6,
                },
            ]
        );
        assert_eq!(
            read(&requests, b"SERVER_ERROR busy\r\n").unwrap_err(),
            "SERVER_ERROR busy"
        );
        let gets = [Request::for_key(b"a", GET)];
        assert_eq!(read(&gets, b"ERROR\r\n").unwrap_err(), "ERROR");
    }

    #[test]
    fn store_statuses() {
        for (op, line, outcome) in [
            (StoreOp::Set, &b"HD O0\r\n"[..], Outcome::Done),
            (StoreOp::Add, b"NS O0\r\n", Outcome::Rejected),
            (StoreOp::Cas, b"EX O0\r\n", Outcome::Rejected),
            (StoreOp::Cas, b"NF O0\r\n", Outcome::Rejected),
            (StoreOp::Append, b"NS O0\r\n", Outcome::Rejected),
        ] {
            let requests = [Request::for_key(b"k", store(op))];
            assert_eq!(
                read(&requests, line).unwrap().0,
                [outcome],
                "{op:?} {line:?}"
            );
        }
    }

    #[test]
    fn counters_read_the_new_value() {
        let incr = Command::Counter {
            delta: 1,
            initial: None,
        };
        let requests = [Request::for_key(b"c", incr)];
        assert_eq!(
            read(&requests, b"VA 2 O0\r\n42\r\n").unwrap().0,
            [Outcome::Counter(42)]
        );
        assert_eq!(
            read(&requests, b"VA 30 O0\r\n999999999999999999999999999999\r\n")
                .unwrap()
                .0,
            [Outcome::Counter(u64::MAX)]
        );
        assert_eq!(
            read(&requests, b"NF O0\r\n").unwrap().0,
            [Outcome::Rejected]
        );
        for bad in [&b"VA 2 O0\r\n4x\r\n"[..], b"VA 0 O0\r\n\r\n"] {
            assert_eq!(
                read(&requests, bad).unwrap_err(),
                "Malformed VALUE header",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn leases_report_who_recomputes() {
        let lease = Command::Lease { ttl: 3 };
        let requests = [Request::for_key(b"k", lease)];
        let (wire, _) = (encoded(&requests).1, ());
        assert_eq!(wire, "mg k v f c q N3 O0\r\nmn\r\n");
        for (line, want) in [
            (&b"VA 1 f0 c5 O0\r\nv\r\nMN\r\n"[..], Lease::Fresh),
            (b"VA 0 f0 c5 W O0\r\n\r\nMN\r\n", Lease::Won),
            (b"VA 0 f0 c5 Z O0\r\n\r\nMN\r\n", Lease::Pending),
            (b"VA 1 f0 c5 X W O0\r\nv\r\nMN\r\n", Lease::WonStale),
            (b"VA 1 f0 c5 Z X O0\r\nv\r\nMN\r\n", Lease::Stale),
            (b"VA 0 f0 c5 Z X O0\r\n\r\nMN\r\n", Lease::Pending),
            (b"VA 0 f1 c5 Z X O0\r\n\r\nMN\r\n", Lease::Stale),
        ] {
            let (outcomes, hits) = read(&requests, line).unwrap();
            assert_eq!(outcomes, [Outcome::Lease(want)], "{line:?}");
            assert_eq!(hits.hits[0].cas, 5);
        }
        assert_eq!(
            read(&requests, b"VA 0 f0 W O0\r\n\r\nMN\r\n").unwrap_err(),
            "Malformed VALUE header"
        );
    }

    #[test]
    fn a_plain_get_misses_stale_items_and_placeholders_and_gives_back_a_win() {
        let requests = [Request::for_key(b"k", Command::Get { with_cas: true })];
        for line in [
            &b"VA 0 f0 c5 Z O0\r\n\r\nMN\r\n"[..],
            b"VA 3 f0 c5 Z X O0\r\nold\r\nMN\r\n",
        ] {
            let (outcomes, hits) = read(&requests, line).unwrap();
            assert_eq!(outcomes, [Outcome::Done], "{line:?}");
            assert!(hits.hits.is_empty(), "{line:?}");
        }
        let (outcomes, hits) = read(&requests, b"VA 3 f0 c5 X W O0\r\nold\r\nMN\r\n").unwrap();
        assert_eq!(outcomes, [Outcome::UnaskedWin { cas: 5 }]);
        assert!(hits.hits.is_empty());
    }

    #[test]
    fn server_commands_are_read_as_text() {
        let requests = [
            Request::for_server(0, Command::Uptime),
            Request::for_server(0, Command::Flush { delay: 0 }),
            Request::for_key(b"a", GET),
        ];
        let (_, wire) = encoded(&requests);
        assert_eq!(wire, "stats\r\nflush_all\r\nmg a v f q O2\r\nmn\r\n");
        let (outcomes, _) = read(
            &requests,
            b"STAT pid 1\r\nSTAT uptime 10\r\nSTAT time 99\r\nEND\r\nOK\r\nMN\r\n",
        )
        .unwrap();
        assert_eq!(
            outcomes,
            [
                Outcome::Clock {
                    uptime: 10,
                    time: 99
                },
                Outcome::Done,
                Outcome::Done,
            ]
        );
    }
}
