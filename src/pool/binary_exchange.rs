//! One server's share of a batch in memcached's binary protocol (`memcache.protocol=binary`):
//! the requests encoded into one write, and a [`BinaryReader`] that matches each response to
//! its request by the frame's opaque field.
//!
//! Framing follows the C extension: a lone get is a `GET`, several gets are quiet
//! `GETQ`s (a miss sends nothing) ended by a `NOOP`, which memcached answers after everything
//! before it. Each request's opaque is its position among the server's requests, so a response
//! for anything else is a broken exchange. A new connection of a server with SASL credentials
//! starts with a `SASL_AUTH` (mechanism `PLAIN`).
//!
//! Status handling differs from the C extension in one deliberate way: a
//! `replace`, `cas`, `append` or `prepend` the server refuses (`Not found`, `Not stored.`) is a
//! plain `false`, as in the text protocol, instead of a server failure.

use crate::net::NetError;
use crate::pool::reader_core::{ReaderCore, TakeReply};
use crate::pool::request::{is_get, ClockReading, Command, Outcome, Replies, Request, Store};
use crate::pool::SaslCredentials;
use crate::protocol::binary::{self, Opcode, Response, Status};
use crate::protocol::{Parse, ProtocolError};

/// Opaque of the `SASL_AUTH` frame that opens an authenticated connection (never a request
/// position).
const AUTH_OPAQUE: u32 = u32::MAX;

/// True when the server's gets go out as quiet `GETQ`s plus a `NOOP` (more than one get).
fn quiet_gets(requests: &[Request<'_>], indexes: &[usize]) -> bool {
    indexes.iter().filter(|&&i| is_get(&requests[i])).count() > 1
}

/// The opaque of the `NOOP` that ends a run of quiet gets: one past the last position.
fn noop_opaque(indexes: &[usize]) -> u32 {
    u32::try_from(indexes.len()).unwrap_or(u32::MAX - 1)
}

/// The opcode memcached echoes in the response to `command`.
fn response_opcode(command: &Command<'_>, quiet: bool) -> Opcode {
    match command {
        Command::Get { .. } | Command::Lease { .. } if quiet => Opcode::GetQ,
        Command::Get { .. } | Command::Lease { .. } => Opcode::Get,
        Command::Store(Store { op, .. }) => binary::store_opcode(*op),
        Command::Delete | Command::Invalidate { .. } => Opcode::Delete,
        Command::Counter { delta, .. } if *delta >= 0 => Opcode::Increment,
        Command::Counter { .. } => Opcode::Decrement,
        Command::Version => Opcode::Version,
        Command::Flush { .. } => Opcode::Flush,
        // The C extension does not support stats in binary and sends a no-op instead.
        Command::Stats { .. } => Opcode::Noop,
        Command::Uptime => Opcode::Stat,
    }
}

/// Encodes the requests `indexes` of `requests` (in
/// [`wire_order`](crate::pool::request::wire_order)) into `out`, preceded by a SASL PLAIN
/// authentication when `auth` is given.
pub fn encode_binary(
    out: &mut Vec<u8>,
    requests: &[Request<'_>],
    indexes: &[usize],
    auth: Option<&SaslCredentials>,
) {
    if let Some(credentials) = auth {
        binary::encode_sasl_plain(
            out,
            &credentials.username,
            &credentials.password,
            AUTH_OPAQUE,
        );
    }
    // One request (every single-key call): no quiet gets, no count of them.
    if let [i] = *indexes {
        encode_request(out, &requests[i], false, 0);
        return;
    }
    let quiet = quiet_gets(requests, indexes);
    for (position, &i) in indexes.iter().enumerate() {
        let opaque = u32::try_from(position).unwrap_or(u32::MAX - 1);
        encode_request(out, &requests[i], quiet, opaque);
    }
    if quiet {
        binary::encode_noop(out, noop_opaque(indexes));
    }
}

/// Appends the frame of `r` with `opaque`, a get as a quiet `GETQ` when `quiet`.
fn encode_request(out: &mut Vec<u8>, r: &Request<'_>, quiet: bool, opaque: u32) {
    match r.command {
        // No leases in this protocol: a lease is a get, a hit or a miss, never a win.
        Command::Get { .. } | Command::Lease { .. } => {
            binary::encode_get(out, r.key, quiet, opaque);
        }
        Command::Store(store) => binary::encode_store(out, r.key, store, opaque),
        // No stale items in this protocol: invalidating deletes.
        Command::Delete | Command::Invalidate { .. } => {
            binary::encode_delete(out, r.key, opaque);
        }
        Command::Counter { delta, initial } => {
            binary::encode_counter(out, r.key, delta, initial, opaque);
        }
        Command::Version => binary::encode_version(out, opaque),
        Command::Flush { .. } => binary::encode_flush(out, opaque),
        Command::Stats { .. } => binary::encode_noop(out, opaque),
        Command::Uptime => binary::encode_stat(out, opaque),
    }
}

/// Consumes one server's binary responses for the requests queued on it, recording outcomes
/// and values in the round's [`Replies`].
pub struct BinaryReader<'b, 'a> {
    core: ReaderCore<'b, 'a>,
    /// A `SASL_AUTH` response is expected first.
    authenticating: bool,
    /// Gets were sent quiet: a `NOOP` ends them.
    quiet: bool,
    /// Requests still waiting for a response of their own (all but quiet gets).
    awaited: usize,
    /// The closing `NOOP` has arrived (or none was sent).
    noop_seen: bool,
    /// The clock figures seen among the `STAT` responses to [`Command::Uptime`].
    clock: ClockReading,
}

impl<'b, 'a> BinaryReader<'b, 'a> {
    /// A reader for the requests `indexes` of `requests`, encoded by [`encode_binary`] with
    /// authentication when `authenticating`, that refuses values beyond `max_value_len` bytes
    /// in all ([`ProtocolError::ValueTooLarge`]), and records what it reads in `replies`
    /// ([`Replies::new`] for `indexes.len()` requests).
    #[inline(always)]
    pub fn new(
        requests: &'b [Request<'a>],
        indexes: &'b [usize],
        authenticating: bool,
        max_value_len: usize,
        replies: &'b mut Replies,
    ) -> Self {
        let quiet = quiet_gets(requests, indexes);
        let gets = indexes.iter().filter(|&&i| is_get(&requests[i])).count();
        let awaited = if quiet {
            indexes.len() - gets
        } else {
            indexes.len()
        };
        BinaryReader {
            core: ReaderCore::new(requests, indexes, max_value_len, replies),
            authenticating,
            quiet,
            awaited,
            noop_seen: !quiet,
            clock: ClockReading::default(),
        }
    }

    fn read_response(&mut self, response: &Response<'_>) -> Result<(), NetError> {
        if self.authenticating {
            if response.opaque != AUTH_OPAQUE || response.opcode != Opcode::SaslAuth.code() {
                return Err(out_of_step(response));
            }
            if response.status_kind() != Status::Ok {
                return Err(NetError::Unexpected(response.message()));
            }
            self.authenticating = false;
            return Ok(());
        }
        if self.quiet && response.opaque == noop_opaque(self.core.indexes) {
            if response.opcode != Opcode::Noop.code() {
                return Err(out_of_step(response));
            }
            // Everything sent before the no-op has been answered: silent gets were misses.
            for (position, &i) in self.core.indexes.iter().enumerate() {
                if is_get(&self.core.requests[i]) && self.core.is_pending(position) {
                    self.core.set(position, Outcome::Done);
                }
            }
            self.noop_seen = true;
            return Ok(());
        }
        let position = response.opaque as usize;
        let Some(&index) = self.core.indexes.get(position) else {
            return Err(out_of_step(response));
        };
        let command = self.core.command(position);
        if !self.core.is_pending(position)
            || response.opcode != response_opcode(&command, self.quiet).code()
        {
            return Err(out_of_step(response));
        }
        // Statistics come one per response; the one with an empty key ends them.
        if matches!(command, Command::Uptime) && !response.key.is_empty() {
            self.clock.record(response.key, response.value);
            return Ok(());
        }
        let outcome = self.outcome(&command, response, position)?;
        self.core.set(position, outcome);
        if !(self.quiet && is_get(&self.core.requests[index])) {
            self.awaited -= 1;
        }
        Ok(())
    }

    /// What `response` means for a request of `command` (the request at `position` of
    /// `indexes`).
    fn outcome(
        &mut self,
        command: &Command<'_>,
        response: &Response<'_>,
        position: usize,
    ) -> Result<Outcome, NetError> {
        let status = response.status_kind();
        Ok(match (command, status) {
            (Command::Get { .. } | Command::Lease { .. }, Status::Ok) => {
                let flags = response
                    .flags()
                    .ok_or(NetError::Protocol(ProtocolError::MalformedResponse))?;
                self.core
                    .add_hit(position, flags, response.cas, response.value);
                Outcome::Done
            }
            (Command::Get { .. } | Command::Lease { .. }, Status::NotFound) => Outcome::Done,
            (Command::Counter { .. }, Status::Ok) => Outcome::Counter(
                response
                    .counter()
                    .ok_or(NetError::Protocol(ProtocolError::MalformedResponse))?,
            ),
            (Command::Version, Status::Ok) => Outcome::Version(response.value.to_vec()),
            (Command::Stats { .. }, Status::Ok) => Outcome::Rejected,
            (Command::Uptime, Status::Ok) => std::mem::take(&mut self.clock).outcome(),
            (
                Command::Store { .. }
                | Command::Delete
                | Command::Invalidate { .. }
                | Command::Flush { .. },
                Status::Ok,
            ) => Outcome::Done,
            (Command::Store { .. }, Status::NotFound | Status::Exists | Status::NotStored)
            | (
                Command::Delete | Command::Invalidate { .. } | Command::Counter { .. },
                Status::NotFound,
            ) => Outcome::Rejected,
            (
                _,
                Status::TooLarge
                | Status::OutOfMemory
                | Status::InvalidArguments
                | Status::NonNumeric,
            ) => Outcome::ErrorReply {
                message: response.message(),
                code: response.errnum(),
            },
            _ => return Err(NetError::Unexpected(response.message())),
        })
    }
}

/// A response that answers nothing this reader is waiting for: the stream is out of step.
fn out_of_step(response: &Response<'_>) -> NetError {
    NetError::Unexpected(format!(
        "Unexpected binary response (opcode 0x{:02x}, opaque {})",
        response.opcode, response.opaque
    ))
}

impl TakeReply for BinaryReader<'_, '_> {
    #[inline]
    fn is_done(&self) -> bool {
        !self.authenticating && self.awaited == 0 && self.noop_seen
    }

    #[inline]
    fn take_reply(&mut self, buf: &[u8]) -> Result<Option<usize>, NetError> {
        let Parse::Done(response, used) = binary::parse_response_within(buf, self.core.room())?
        else {
            return Ok(None);
        };
        self.read_response(&response)?;
        Ok(Some(used))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::ReplyReader;
    use crate::protocol::ascii::StoreOp;

    fn response(opcode: Opcode, status: u16, opaque: u32, extras: &[u8], value: &[u8]) -> Vec<u8> {
        let mut frame = vec![0x81, opcode.code(), 0, 0, extras.len() as u8, 0];
        frame.extend_from_slice(&status.to_be_bytes());
        frame.extend_from_slice(&((extras.len() + value.len()) as u32).to_be_bytes());
        frame.extend_from_slice(&opaque.to_be_bytes());
        frame.extend_from_slice(&42u64.to_be_bytes());
        frame.extend_from_slice(extras);
        frame.extend_from_slice(value);
        frame
    }

    /// Feeds `stream` to `reader` one byte more at a time, as the poll loop may.
    fn feed(reader: &mut BinaryReader<'_, '_>, stream: &[u8]) -> bool {
        let mut start = 0;
        for end in 1..=stream.len() {
            let progress = reader.read(&stream[start..end]).expect("valid stream");
            start += progress.consumed;
            if progress.done {
                return end == stream.len();
            }
        }
        false
    }

    #[test]
    fn quiet_gets_end_at_the_noop_and_silent_ones_are_misses() {
        let requests = [
            Request::for_key(b"a", Command::Get { with_cas: false }),
            Request::for_key(b"b", Command::Get { with_cas: false }),
            Request::for_key(b"c", Command::Get { with_cas: false }),
        ];
        let indexes = [0, 1, 2];
        let mut out = Vec::new();
        encode_binary(&mut out, &requests, &indexes, None);
        let mut opcodes = Vec::new();
        let mut frame = out.as_slice();
        while !frame.is_empty() {
            opcodes.push(frame[1]);
            let body = u32::from_be_bytes([frame[8], frame[9], frame[10], frame[11]]) as usize;
            frame = &frame[24 + body..];
        }
        assert_eq!(opcodes, [0x09, 0x09, 0x09, 0x0a]);
        let mut stream = response(Opcode::GetQ, 0, 1, &7u32.to_be_bytes(), b"bee");
        stream.extend(response(Opcode::Noop, 0, 3, &[], &[]));
        let mut replies = Replies::new(indexes.len());
        let mut reader = BinaryReader::new(
            &requests,
            &indexes,
            false,
            binary::MAX_BODY_LEN,
            &mut replies,
        );
        assert!(feed(&mut reader, &stream));
        let Replies { outcomes, hits } = replies;
        assert_eq!(
            outcomes.as_slice(),
            [Outcome::Done, Outcome::Done, Outcome::Done]
        );
        assert_eq!(hits.hits.len(), 1);
        assert_eq!(
            (hits.hits[0].request, hits.hits[0].flags, hits.hits[0].cas),
            (1, 7, 42)
        );
        assert_eq!(hits.value(&hits.hits[0]), b"bee");
    }

    #[test]
    fn authentication_comes_first_and_its_refusal_is_a_failure() {
        let requests = [Request::for_key(
            b"k",
            Command::Store(Store {
                op: StoreOp::Add,
                flags: 0,
                exptime: 0,
                cas: 0,
                data: b"v",
            }),
        )];
        let credentials = SaslCredentials {
            username: b"user".to_vec(),
            password: b"pw".to_vec(),
        };
        let mut out = Vec::new();
        encode_binary(&mut out, &requests, &[0], Some(&credentials));
        assert_eq!(out[1], Opcode::SaslAuth.code());
        let mut stream = response(Opcode::SaslAuth, 0, AUTH_OPAQUE, &[], b"Authenticated");
        stream.extend(response(Opcode::Add, 2, 0, &[], b"Data exists for key."));
        let mut replies = Replies::new(1);
        let mut reader =
            BinaryReader::new(&requests, &[0], true, binary::MAX_BODY_LEN, &mut replies);
        assert!(feed(&mut reader, &stream));
        assert_eq!(replies.outcomes.as_slice(), [Outcome::Rejected]);

        let refused = response(Opcode::SaslAuth, 0x20, AUTH_OPAQUE, &[], b"Auth failure.");
        let mut replies = Replies::new(1);
        let mut reader =
            BinaryReader::new(&requests, &[0], true, binary::MAX_BODY_LEN, &mut replies);
        let error = reader.read(&refused).unwrap_err();
        assert_eq!(error, NetError::Unexpected("Auth failure.".into()));
    }

    #[test]
    fn out_of_memory_and_too_large_are_error_replies_not_failures() {
        let requests = [Request::for_key(
            b"k",
            Command::Store(Store {
                op: StoreOp::Set,
                flags: 0,
                exptime: 0,
                cas: 0,
                data: b"v",
            }),
        )];
        for (status, message, code) in [(0x82, "Out of memory", 130), (0x03, "Too large.", 3)] {
            let stream = response(Opcode::Set, status, 0, &[], message.as_bytes());
            let mut replies = Replies::new(1);
            let mut reader =
                BinaryReader::new(&requests, &[0], false, binary::MAX_BODY_LEN, &mut replies);
            assert!(feed(&mut reader, &stream));
            assert_eq!(
                replies.outcomes.as_slice(),
                [Outcome::ErrorReply {
                    message: message.to_string(),
                    code
                }]
            );
        }
    }

    #[test]
    fn a_second_answer_for_one_request_is_out_of_step() {
        let requests = [Request::for_key(b"k", Command::Delete)];
        let mut stream = response(Opcode::Delete, 0, 0, &[], &[]);
        stream.extend(response(Opcode::Delete, 0, 0, &[], &[]));
        let mut replies = Replies::new(1);
        let mut reader =
            BinaryReader::new(&requests, &[0], false, binary::MAX_BODY_LEN, &mut replies);
        let progress = reader.read(&stream).unwrap();
        // Done after the first frame; the second is left unread (stray bytes close the socket).
        assert_eq!(progress.consumed, 24);
        assert!(progress.done);
        let mut replies = Replies::new(1);
        let mut reader =
            BinaryReader::new(&requests, &[0], false, binary::MAX_BODY_LEN, &mut replies);
        let wrong_opcode = response(Opcode::Get, 0, 0, &[], &[]);
        assert!(reader.read(&wrong_opcode).is_err());
    }
}
