//! One server's share of a batch in memcached's text protocol: the requests encoded into one
//! write (all gets of the batch on one `get k1 k2 …` line) and an [`AsciiReader`] that turns the
//! reply lines back into outcomes, in order.

use crate::net::{NetError, ReadProgress};
use crate::pool::reader_core::{self, ReaderCore, TakeReply};
use crate::pool::request::{
    is_get, ClockReading, Command, Outcome, Replies, Request, StatEntry, Store,
};
use crate::protocol::ascii::{self, Reply, ServerErrorKind, StoreOp};
use crate::protocol::{Parse, ProtocolError};

/// Encodes the requests queued for one server, in order, into `out` (ASCII protocol).
/// Gets are merged into one command line, written from the requests without a key list.
#[inline(always)]
pub fn encode_ascii(out: &mut Vec<u8>, requests: &[Request<'_>], indexes: &[usize]) {
    match *indexes {
        [i] => encode_one(out, &requests[i]),
        _ => encode_batch(out, requests, indexes),
    }
}

/// [`encode_ascii`] of one request (every single-key call): its line without the batch's
/// bookkeeping.
fn encode_one(out: &mut Vec<u8>, r: &Request<'_>) {
    if let Some(with_cas) = encode_command(out, r) {
        encode_one_get(out, r.key, with_cas);
    }
}

/// The get line of one key: out of line, so that [`encode_one`] has no set-up of its own.
#[inline(never)]
fn encode_one_get(out: &mut Vec<u8>, key: &[u8], with_cas: bool) {
    ascii::encode_get(out, [key], with_cas);
}

/// [`encode_ascii`] of several requests.
#[inline(never)]
fn encode_batch(out: &mut Vec<u8>, requests: &[Request<'_>], indexes: &[usize]) {
    // Where the gets start in `indexes`, and whether only gets follow (as in wire order).
    let mut first_get = None;
    let mut gets_last = true;
    let mut gets_with_cas = false;
    for (position, &i) in indexes.iter().enumerate() {
        if let Some(with_cas) = encode_command(out, &requests[i]) {
            first_get.get_or_insert(position);
            gets_with_cas |= with_cas;
        } else {
            gets_last &= first_get.is_none();
        }
    }
    let Some(first_get) = first_get else {
        return;
    };
    let gets = indexes[first_get..].iter().map(|&i| &requests[i]);
    if gets_last {
        ascii::encode_get(out, gets.map(|r| r.key), gets_with_cas);
    } else {
        ascii::encode_get(
            out,
            gets.filter(|r| is_get(r)).map(|r| r.key),
            gets_with_cas,
        );
    }
}

/// Appends the command of `r` to `out`, unless it is a get, which goes on the get line: then
/// whether it wants the cas unique (`gets`).
#[inline(always)]
fn encode_command(out: &mut Vec<u8>, r: &Request<'_>) -> Option<bool> {
    match r.command {
        Command::Get { with_cas } => return Some(with_cas),
        // No leases in this protocol: a lease is a `gets`, a hit or a miss, never a win.
        Command::Lease { .. } => return Some(true),
        Command::Store(store) => ascii::encode_store(out, r.key, store),
        // No stale items and no conditional delete in this protocol: invalidating deletes.
        Command::Delete | Command::Invalidate { .. } => ascii::encode_delete(out, r.key),
        Command::Counter { delta, .. } => ascii::encode_counter(out, r.key, delta),
        Command::Version => ascii::encode_version(out),
        Command::Flush { delay } => ascii::encode_flush(out, delay),
        Command::Stats { args } => ascii::encode_stats(out, args),
        Command::Uptime => ascii::encode_stats(out, &[]),
    }
    None
}

/// Consumes one server's ASCII replies for the requests queued on it (in
/// [`wire_order`](crate::pool::request::wire_order)), recording outcomes and values in the
/// round's [`Replies`] (several readers run at once in one poll loop, each with its own).
pub struct AsciiReader<'b, 'a> {
    core: ReaderCore<'b, 'a>,
    /// Next entry of `indexes` awaiting its reply; among the gets, the cursor over their keys.
    next: usize,
    /// True once the get line's `END` arrived.
    gets_ended: bool,
    server_replies: ServerCommandReplies,
}

impl<'b, 'a> AsciiReader<'b, 'a> {
    /// A reader for the requests `indexes` of `requests`, in
    /// [`wire_order`](crate::pool::request::wire_order), that refuses values beyond
    /// `max_value_len` bytes in all ([`ProtocolError::ValueTooLarge`]) and records what it
    /// reads in `replies` ([`Replies::new`] for `indexes.len()` requests).
    #[inline(always)]
    pub fn new(
        requests: &'b [Request<'a>],
        indexes: &'b [usize],
        max_value_len: usize,
        replies: &'b mut Replies,
    ) -> Self {
        AsciiReader {
            core: ReaderCore::new(requests, indexes, max_value_len, replies),
            next: 0,
            gets_ended: false,
            server_replies: ServerCommandReplies::default(),
        }
    }

    #[inline]
    fn read_get_reply(&mut self, reply: Reply<'_>) -> Result<(), NetError> {
        match reply {
            Reply::Value {
                key,
                flags,
                cas,
                data,
            } => {
                let Some(slot) = self.find_get_slot(key) else {
                    return Err(NetError::Unexpected(format!(
                        "VALUE for a key that was not requested or was answered already: {}",
                        String::from_utf8_lossy(key)
                    )));
                };
                // Keys before it that got no VALUE were misses.
                for skipped in self.next..=slot {
                    self.core.set(skipped, Outcome::Done);
                }
                self.next = slot + 1;
                self.core.add_hit(slot, flags, cas.unwrap_or(0), data);
                Ok(())
            }
            Reply::End => {
                for pending in self.next..self.core.indexes.len() {
                    self.core.set(pending, Outcome::Done);
                }
                self.next = self.core.indexes.len();
                self.gets_ended = true;
                Ok(())
            }
            // The C extension reads every other line as a header it cannot parse.
            _ => Err(ProtocolError::MalformedValueHeader.into()),
        }
    }

    /// True while the reply being read is a value (`get`) or number (`incr`/`decr`) reply,
    /// whose unreadable lines the C extension reports as `Malformed VALUE header`.
    fn expects_value(&self) -> bool {
        self.next >= self.core.first_get
            || matches!(self.core.command(self.next), Command::Counter { .. })
    }

    /// The failure for bytes that are no reply, in the C extension's words.
    fn parse_error(&self, error: ProtocolError) -> NetError {
        match error {
            ProtocolError::MalformedResponse if self.expects_value() => {
                ProtocolError::MalformedValueHeader.into()
            }
            other => other.into(),
        }
    }

    /// The slot answered by a VALUE for `key`: memcached answers in request order (a key asked
    /// for twice is answered twice), so only slots from the cursor on can be answered. A VALUE
    /// for a key behind the cursor repeats an answer: the stream is out of step (a server
    /// repeating a value without end would otherwise be buffered without end).
    fn find_get_slot(&self, key: &[u8]) -> Option<usize> {
        (self.next..self.core.indexes.len())
            .find(|&slot| self.core.requests[self.core.indexes[slot]].key == key)
    }

    /// Handles the reply to a single-reply (or stats) command.
    fn read_single_reply(&mut self, reply: Reply<'_>) -> Result<(), NetError> {
        let command = self.core.command(self.next);
        let outcome = if ServerCommandReplies::reads(&command) {
            match self.server_replies.read(&command, reply)? {
                Some(outcome) => outcome,
                None => return Ok(()),
            }
        } else {
            keyed_outcome(&command, reply).ok_or_else(|| keyed_failure(&command, &reply))?
        };
        self.core.set(self.next, outcome);
        self.next += 1;
        Ok(())
    }
}

/// What `reply` means for a keyed command that is not a get; `None` when it is a failure
/// ([`keyed_failure`]).
#[inline(always)]
fn keyed_outcome(command: &Command<'_>, reply: Reply<'_>) -> Option<Outcome> {
    Some(match (command, reply) {
        (Command::Store { .. }, Reply::Stored) => Outcome::Done,
        // `NOT_FOUND` answers only `cas` (a plain false there); to the other
        // store commands it is an unexpected line, as in the C extension.
        (Command::Store { .. }, Reply::NotStored | Reply::Exists)
        | (
            Command::Store(Store {
                op: StoreOp::Cas, ..
            }),
            Reply::NotFound,
        ) => Outcome::Rejected,
        (Command::Delete | Command::Invalidate { .. }, Reply::Deleted) => Outcome::Done,
        (
            Command::Delete | Command::Invalidate { .. } | Command::Counter { .. },
            Reply::NotFound,
        ) => Outcome::Rejected,
        (Command::Counter { .. }, Reply::Number(n)) => Outcome::Counter(n),
        (
            _,
            reply @ (Reply::ServerError {
                kind: ServerErrorKind::TooLarge | ServerErrorKind::OutOfMemory,
                ..
            }
            | Reply::ClientError(_)),
        ) => error_reply(&reply),
        _ => return None,
    })
}

/// The failure a reply is for a keyed command that is not a get when [`keyed_outcome`] has no
/// outcome for it.
fn keyed_failure(command: &Command<'_>, reply: &Reply<'_>) -> NetError {
    match command {
        Command::Counter { .. } => counter_failure(reply),
        _ => unexpected(reply),
    }
}

/// The replies of the classic commands addressed to a server (version, flush, stats, the
/// probe's uptime), which the text and the meta protocol share: memcached answers them in text
/// on a meta connection too. Statistics arrive one line at a time and are gathered here.
#[derive(Default)]
pub(crate) struct ServerCommandReplies {
    stats: Vec<StatEntry>,
    /// The clock figures seen in the reply to [`Command::Uptime`].
    clock: ClockReading,
}

impl ServerCommandReplies {
    /// True for the commands it reads.
    pub(crate) fn reads(command: &Command<'_>) -> bool {
        matches!(
            command,
            Command::Version | Command::Flush { .. } | Command::Stats { .. } | Command::Uptime
        )
    }

    /// What `reply` means for `command` (one of [`Self::reads`]): its outcome, or `None` while
    /// more lines belong to the reply.
    pub(crate) fn read(
        &mut self,
        command: &Command<'_>,
        reply: Reply<'_>,
    ) -> Result<Option<Outcome>, NetError> {
        Ok(Some(match (command, reply) {
            (Command::Stats { .. }, Reply::Stat { name, value }) => {
                self.stats.push(StatEntry::Stat {
                    name: name.to_vec(),
                    value: value.to_vec(),
                });
                return Ok(None);
            }
            (Command::Stats { .. }, Reply::Item { key, bytes, expiry }) => {
                self.stats.push(StatEntry::Item {
                    key: key.to_vec(),
                    bytes: bytes.to_vec(),
                    expiry: expiry.to_vec(),
                });
                return Ok(None);
            }
            (Command::Stats { .. }, Reply::End) => Outcome::Stats(std::mem::take(&mut self.stats)),
            (Command::Uptime, Reply::Stat { name, value }) => {
                self.clock.record(name, value);
                return Ok(None);
            }
            (Command::Uptime, Reply::End) => std::mem::take(&mut self.clock).outcome(),
            (Command::Stats { .. }, Reply::Reset) => Outcome::Done,
            (Command::Version, Reply::Version(v)) => Outcome::Version(v.to_vec()),
            (Command::Flush { .. }, Reply::Ok) => Outcome::Done,
            (
                Command::Stats { .. },
                reply @ (Reply::Error(_)
                | Reply::ServerError {
                    kind: ServerErrorKind::TooLarge | ServerErrorKind::OutOfMemory,
                    ..
                }
                | Reply::ClientError(_)),
            ) => error_reply(&reply),
            (_, other) => return Err(unexpected(&other)),
        }))
    }
}

/// An error reply that does not fail the server (notice and `false`).
pub(crate) fn error_reply(reply: &Reply<'_>) -> Outcome {
    Outcome::ErrorReply {
        message: String::from_utf8_lossy(&reply.message()).into_owned(),
        code: reply.errnum(),
    }
}

/// An `incr`/`decr` reply that is no number: the C extension reports a status or error line
/// itself and reads anything else as a value header it cannot parse.
fn counter_failure(reply: &Reply<'_>) -> NetError {
    match reply {
        Reply::Ok
        | Reply::Stored
        | Reply::Deleted
        | Reply::NotStored
        | Reply::Exists
        | Reply::Error(_)
        | Reply::ServerError { .. } => unexpected(reply),
        _ => ProtocolError::MalformedValueHeader.into(),
    }
}

/// A reply the command did not expect: the C extension reports the line itself.
pub(crate) fn unexpected(reply: &Reply<'_>) -> NetError {
    NetError::Unexpected(String::from_utf8_lossy(&reply.message()).into_owned())
}

impl TakeReply for AsciiReader<'_, '_> {
    /// True when every expected reply (for gets: up to `END`) has been consumed.
    #[inline]
    fn is_done(&self) -> bool {
        if self.core.first_get < self.core.indexes.len() {
            self.gets_ended
        } else {
            self.next >= self.core.indexes.len()
        }
    }

    #[inline]
    fn start_read(&mut self, buf: &[u8]) {
        if self.next >= self.core.first_get {
            self.core.reserve_values(buf, b"VALUE");
        }
    }

    #[inline(never)]
    fn take_replies(&mut self, buf: &[u8]) -> Result<ReadProgress, NetError> {
        reader_core::take_replies(self, buf)
    }

    #[inline]
    fn take_only_reply(&mut self, buf: &[u8]) -> Option<usize> {
        if self.core.indexes.len() != 1 || self.next != 0 {
            return None;
        }
        let (reply, used) = ascii::common_line(buf)?;
        let command = self.core.command(0);
        let outcome = match command {
            Command::Get { .. } | Command::Lease { .. } => {
                if reply != Reply::End {
                    return None;
                }
                self.gets_ended = true;
                Outcome::Done
            }
            // Statistics end with a common line (`END`) after others.
            _ if ServerCommandReplies::reads(&command) => return None,
            // Failures are reported where replies are taken one at a time.
            _ => keyed_outcome(&command, reply)?,
        };
        self.core.set(0, outcome);
        self.next = 1;
        Some(used)
    }

    #[inline]
    fn take_reply(&mut self, buf: &[u8]) -> Result<Option<usize>, NetError> {
        let in_gets = self.next >= self.core.first_get;
        let parsed = if in_gets {
            ascii::parse_reply_within(buf, self.core.room())
        } else {
            ascii::parse_line(buf)
        };
        let Parse::Done(reply, used) = parsed.map_err(|e| self.parse_error(e))? else {
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

    /// What one request's reader makes of `reply`: its outcome, or the failure's message.
    fn read_one(command: Command<'_>, reply: &[u8]) -> Result<Outcome, String> {
        let requests = [Request::for_key(b"k", command)];
        let mut replies = Replies::new(1);
        let mut reader = AsciiReader::new(&requests, &[0], ascii::MAX_VALUE_LEN, &mut replies);
        let progress = reader.read(reply).map_err(|e| e.to_string())?;
        assert!(progress.done, "reply {reply:?} left the reader waiting");
        Ok(replies.outcomes.remove(0))
    }

    fn store(op: StoreOp) -> Command<'static> {
        Command::Store(Store {
            op,
            flags: 0,
            exptime: 0,
            cas: 7,
            data: b"v",
        })
    }

    const INCR: Command<'static> = Command::Counter {
        delta: 1,
        initial: None,
    };

    #[test]
    fn gets_go_on_one_line_after_the_other_commands_in_any_order() {
        let requests = [
            Request::for_key(b"g1", Command::Get { with_cas: false }),
            Request::for_key(b"d", Command::Delete),
            Request::for_key(b"g2", Command::Lease { ttl: 5 }),
            Request::for_key(b"c", INCR),
        ];
        let expected = b"delete d\r\nincr c 1\r\ngets g1 g2\r\n";
        for indexes in [[1, 3, 0, 2], [0, 1, 2, 3], [1, 0, 3, 2]] {
            let mut out = Vec::new();
            encode_ascii(&mut out, &requests, &indexes);
            assert_eq!(out, expected, "{indexes:?}");
        }
        let mut out = Vec::new();
        encode_ascii(&mut out, &requests, &[3, 0]);
        assert_eq!(out, b"incr c 1\r\nget g1\r\n");
    }

    #[test]
    fn a_get_reads_any_line_but_value_and_end_as_a_malformed_header() {
        let get = Command::Get { with_cas: false };
        assert_eq!(read_one(get, b"END\r\n"), Ok(Outcome::Done));
        for line in [
            &b"GARBAGE\r\n"[..],
            b"STORED\r\n",
            b"ERROR\r\n",
            b"\r\n",
            b"NOT_FOUND\r\n",
        ] {
            assert_eq!(
                read_one(get, line),
                Err("Malformed VALUE header".to_string()),
                "{line:?}"
            );
        }
    }

    #[test]
    fn a_counter_reports_status_lines_and_reads_the_rest_as_a_malformed_header() {
        assert_eq!(read_one(INCR, b"42\r\n"), Ok(Outcome::Counter(42)));
        assert_eq!(read_one(INCR, b"NOT_FOUND\r\n"), Ok(Outcome::Rejected));
        for (line, message) in [
            (&b"STORED\r\n"[..], "STORED"),
            (b"EXISTS\r\n", "EXISTS"),
            (b"SERVER_ERROR busy\r\n", "SERVER_ERROR busy"),
            (b"12abc\r\n", "Malformed VALUE header"),
            (b"RESET\r\n", "Malformed VALUE header"),
            (b"END\r\n", "Malformed VALUE header"),
            (b"VALUE k 0 1\r\n", "Malformed VALUE header"),
            (b"\r\n", "Malformed VALUE header"),
        ] {
            assert_eq!(read_one(INCR, line), Err(message.to_string()), "{line:?}");
        }
    }

    #[test]
    fn not_found_is_a_plain_false_for_cas_only() {
        assert_eq!(
            read_one(store(StoreOp::Cas), b"NOT_FOUND\r\n"),
            Ok(Outcome::Rejected)
        );
        assert_eq!(
            read_one(store(StoreOp::Set), b"NOT_FOUND\r\n"),
            Err("NOT_FOUND".to_string())
        );
        assert_eq!(
            read_one(store(StoreOp::Add), b"NOT_STORED\r\n"),
            Ok(Outcome::Rejected)
        );
    }

    /// The reader of a get of `keys` (in one batch) with a value budget of `max_value_len`.
    fn read_gets(keys: &[&[u8]], max_value_len: usize, reply: &[u8]) -> Result<bool, String> {
        let requests: Vec<Request<'_>> = keys
            .iter()
            .map(|key| Request::for_key(key, Command::Get { with_cas: false }))
            .collect();
        let indexes: Vec<usize> = (0..keys.len()).collect();
        let mut replies = Replies::new(indexes.len());
        let mut reader = AsciiReader::new(&requests, &indexes, max_value_len, &mut replies);
        let progress = reader.read(reply).map_err(|e| e.to_string())?;
        Ok(progress.done)
    }

    #[test]
    fn a_value_repeated_or_for_a_key_behind_the_cursor_is_out_of_step() {
        // A key asked for twice is answered twice, in order.
        assert_eq!(
            read_gets(
                &[b"a", b"a"],
                100,
                b"VALUE a 0 1\r\nx\r\nVALUE a 0 1\r\ny\r\nEND\r\n"
            ),
            Ok(true)
        );
        let repeated = "VALUE for a key that was not requested or was answered already: a";
        assert_eq!(
            read_gets(&[b"a"], 100, b"VALUE a 0 1\r\nx\r\nVALUE a 0 1\r\nx\r\n"),
            Err(repeated.to_string())
        );
        assert_eq!(
            read_gets(
                &[b"a", b"b"],
                100,
                b"VALUE b 0 1\r\nx\r\nVALUE a 0 1\r\nx\r\n"
            ),
            Err(repeated.to_string())
        );
    }

    #[test]
    fn values_beyond_the_budget_of_the_exchange_are_refused_at_their_header() {
        let two = b"VALUE a 0 3\r\nxyz\r\nVALUE b 0 3\r\nxyz\r\nEND\r\n";
        assert_eq!(read_gets(&[b"a", b"b"], 6, two), Ok(true));
        let refused = ProtocolError::ValueTooLarge { len: 3, limit: 2 }.to_string();
        assert_eq!(read_gets(&[b"a", b"b"], 5, two), Err(refused));
    }

    #[test]
    fn a_value_line_to_a_store_or_delete_is_reported_as_it_is() {
        assert_eq!(
            read_one(store(StoreOp::Set), b"VALUE k 0 abc\r\n"),
            Err("VALUE k 0 abc".to_string())
        );
        assert_eq!(
            read_one(Command::Delete, b"\r\n"),
            Err("Malformed server response".to_string())
        );
    }
}
