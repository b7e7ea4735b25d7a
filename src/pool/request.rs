//! What the pool is asked to do, and how one server's replies are turned into outcomes.
//!
//! A PHP call becomes a batch of [`Request`]s of one command kind (one per key, or one per
//! server for version/flush/stats). The pool routes each to a server; per server the requests
//! are encoded into one write (multi-key gets into one `get k1 k2 …` line) and a
//! [`ServerReader`] consumes that server's replies in order.

use std::ops::Range;

use crate::net::{NetError, ReadProgress, ReplyReader};
use crate::protocol::ascii::{self, Reply, ServerErrorKind, StoreOp};
use crate::protocol::Parse;

/// A command, with everything but the key.
#[derive(Clone, Copy, Debug)]
pub enum Command<'a> {
    /// `get` (or `gets` when the CAS value is wanted).
    Get { with_cas: bool },
    /// A storage command.
    Store {
        /// Which one.
        op: StoreOp,
        /// Flags stored with the item.
        flags: u32,
        /// Expiry as sent on the wire.
        exptime: u32,
        /// CAS unique (only sent by `cas`).
        cas: u64,
        /// The encoded value.
        data: &'a [u8],
    },
    /// `delete`.
    Delete,
    /// `incr` (delta ≥ 0) or `decr`.
    Counter { delta: i64 },
    /// `version`.
    Version,
    /// `flush_all [delay]`.
    Flush { delay: u32 },
    /// `stats [args]`.
    Stats { args: &'a [&'a [u8]] },
}

/// Where a request goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The server the key hashes to (with failover).
    Key,
    /// A given server, by pool index (no failover).
    Server(usize),
}

/// How a request ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Not answered yet.
    Pending,
    /// `STORED`, `DELETED`, `OK`, `RESET`, or a get that completed (hit or miss).
    Done,
    /// `NOT_STORED`, `EXISTS` or `NOT_FOUND`: a plain `false`, no failure.
    Rejected,
    /// New counter value.
    Counter(u64),
    /// Server version.
    Version(Vec<u8>),
    /// Stats lines.
    Stats(Vec<StatEntry>),
    /// An error reply that is no server failure (object too large, out of memory,
    /// `CLIENT_ERROR`): `false` and a notice.
    ErrorReply {
        /// The reply line.
        message: String,
        /// The C extension's code: 3 too large, 130 out of memory, 6 client error, 0 other.
        code: i32,
    },
    /// The server (and its failover, if allowed) failed.
    Failed,
}

/// One line of a `stats` reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatEntry {
    /// `STAT name value`.
    Stat { name: Vec<u8>, value: Vec<u8> },
    /// `ITEM key [N b; T s]` from `stats cachedump`.
    Item {
        key: Vec<u8>,
        bytes: Vec<u8>,
        expiry: Vec<u8>,
    },
}

/// One unit of work.
#[derive(Debug)]
pub struct Request<'a> {
    /// Prepared key (empty for server-addressed commands).
    pub key: &'a [u8],
    /// The command.
    pub command: Command<'a>,
    /// Where it goes.
    pub target: Target,
    /// How it ended.
    pub outcome: Outcome,
    /// Current server (pool index) while routed.
    pub(crate) server: Option<usize>,
    /// Servers this request already failed on.
    pub(crate) tried: Vec<usize>,
    /// Next `key-n` failover index to probe.
    pub(crate) next_probe: u32,
}

impl<'a> Request<'a> {
    /// A request for the server `key` maps to.
    pub fn for_key(key: &'a [u8], command: Command<'a>) -> Self {
        Self::new(key, command, Target::Key)
    }

    /// A request for `key` sent to a chosen server first (a `memcache.redundancy` copy); it
    /// fails over like any keyed request.
    pub fn for_key_on(key: &'a [u8], command: Command<'a>, server: usize) -> Self {
        let mut request = Self::new(key, command, Target::Key);
        request.server = Some(server);
        request
    }

    /// A request for `key` on one given server, without failover (the session protocol pipelines
    /// its lock and data commands on the server it chose).
    pub fn for_key_at(key: &'a [u8], command: Command<'a>, server: usize) -> Self {
        Self::new(key, command, Target::Server(server))
    }

    /// A request for one server (version, flush, stats).
    pub fn for_server(index: usize, command: Command<'a>) -> Self {
        Self::new(b"", command, Target::Server(index))
    }

    fn new(key: &'a [u8], command: Command<'a>, target: Target) -> Self {
        Request {
            key,
            command,
            target,
            outcome: Outcome::Pending,
            server: None,
            tried: Vec::new(),
            next_probe: 0,
        }
    }
}

/// The C extension's rule for the result of a batch: requests whose server failed (and found
/// no failover) are left out; some request must have been answered, and every answer must
/// satisfy `done`.
pub fn all_answered(requests: &[Request<'_>], done: impl Fn(&Outcome) -> bool) -> bool {
    let mut answered = requests
        .iter()
        .filter(|r| r.outcome != Outcome::Failed)
        .peekable();
    answered.peek().is_some() && answered.all(|r| done(&r.outcome))
}

/// A get hit: where its data sits in [`Hits::data`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the request (in the batch) this value answers.
    pub request: usize,
    /// Flags as stored.
    pub flags: u32,
    /// CAS unique (0 when `get` was used).
    pub cas: u64,
    /// Range of the value in [`Hits::data`].
    pub data: Range<usize>,
}

/// The values a batch of gets found, in the order they were parsed; one buffer for all of them
/// so a 100-key get does not allocate 100 times.
#[derive(Debug, Default)]
pub struct Hits {
    /// Values, back to back.
    pub data: Vec<u8>,
    /// One entry per value found.
    pub hits: Vec<Hit>,
}

impl Hits {
    /// The bytes of `hit`.
    pub fn value(&self, hit: &Hit) -> &[u8] {
        &self.data[hit.data.clone()]
    }
}

/// Encodes the requests queued for one server, in order, into `out` (ASCII protocol).
/// Gets are merged into one command line.
pub fn encode_ascii(out: &mut Vec<u8>, requests: &[Request<'_>], indexes: &[usize]) {
    let mut get_keys: Vec<&[u8]> = Vec::new();
    let mut gets_with_cas = false;
    for &i in indexes {
        let r = &requests[i];
        match r.command {
            Command::Get { with_cas } => {
                gets_with_cas |= with_cas;
                get_keys.push(r.key);
            }
            Command::Store {
                op,
                flags,
                exptime,
                cas,
                data,
            } => ascii::encode_store(out, op, r.key, flags, exptime, cas, data),
            Command::Delete => ascii::encode_delete(out, r.key),
            Command::Counter { delta } => ascii::encode_counter(out, r.key, delta),
            Command::Version => ascii::encode_version(out),
            Command::Flush { delay } => ascii::encode_flush(out, delay),
            Command::Stats { args } => ascii::encode_stats(out, args),
        }
    }
    if !get_keys.is_empty() {
        ascii::encode_get(out, &get_keys, gets_with_cas);
    }
}

/// True for `get`/`gets` requests, which one server answers together on one command line.
fn is_get(request: &Request<'_>) -> bool {
    matches!(request.command, Command::Get { .. })
}

/// Orders one server's requests as they are sent: single-reply commands first, in batch order,
/// then the gets, which share one command line.
pub fn wire_order(requests: &[Request<'_>], indexes: &mut [usize]) {
    indexes.sort_by_key(|&i| is_get(&requests[i]));
}

/// Consumes one server's ASCII replies for the requests queued on it (in [`wire_order`]),
/// recording outcomes locally (several readers run at once in one poll loop);
/// [`ServerReader::finish`] hands them back.
pub struct ServerReader<'b, 'a> {
    requests: &'b [Request<'a>],
    indexes: &'b [usize],
    /// Outcome per entry of `indexes`.
    outcomes: Vec<Outcome>,
    /// Next entry of `indexes` awaiting its reply; among the gets, the cursor over their keys.
    next: usize,
    /// Position of the first get in `indexes` (`indexes.len()` when there is none).
    first_get: usize,
    /// True once the get line's `END` arrived.
    gets_ended: bool,
    hits: Hits,
    stats: Vec<StatEntry>,
}

impl<'b, 'a> ServerReader<'b, 'a> {
    /// A reader for the requests `indexes` of `requests`, in [`wire_order`].
    pub fn new(requests: &'b [Request<'a>], indexes: &'b [usize]) -> Self {
        let first_get = indexes
            .iter()
            .position(|&i| is_get(&requests[i]))
            .unwrap_or(indexes.len());
        ServerReader {
            requests,
            indexes,
            outcomes: vec![Outcome::Pending; indexes.len()],
            next: 0,
            first_get,
            gets_ended: false,
            hits: Hits::default(),
            stats: Vec::new(),
        }
    }

    /// The outcomes (parallel to `indexes`; unanswered ones stay `Pending`) and the hits.
    pub fn finish(self) -> (Vec<Outcome>, Hits) {
        (self.outcomes, self.hits)
    }

    /// True when every expected reply (for gets: up to `END`) has been consumed.
    fn is_done(&self) -> bool {
        if self.first_get < self.indexes.len() {
            self.gets_ended
        } else {
            self.next >= self.indexes.len()
        }
    }

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
                        "VALUE for a key that was not requested: {}",
                        String::from_utf8_lossy(key)
                    )));
                };
                if slot >= self.next {
                    for skipped in self.next..slot {
                        self.outcomes[skipped] = Outcome::Done;
                    }
                    self.next = slot + 1;
                }
                self.outcomes[slot] = Outcome::Done;
                let start = self.hits.data.len();
                self.hits.data.extend_from_slice(data);
                self.hits.hits.push(Hit {
                    request: self.indexes[slot],
                    flags,
                    cas: cas.unwrap_or(0),
                    data: start..self.hits.data.len(),
                });
                Ok(())
            }
            Reply::End => {
                for outcome in &mut self.outcomes[self.next..] {
                    *outcome = Outcome::Done;
                }
                self.next = self.indexes.len();
                self.gets_ended = true;
                Ok(())
            }
            other => Err(unexpected(&other)),
        }
    }

    /// The slot answered by a VALUE for `key`: memcached answers in request order, so search
    /// forward from the cursor first (duplicates are answered once each), then from the first
    /// get.
    fn find_get_slot(&self, key: &[u8]) -> Option<usize> {
        let matches = |&slot: &usize| self.requests[self.indexes[slot]].key == key;
        (self.next..self.indexes.len())
            .find(matches)
            .or_else(|| (self.first_get..self.next).find(matches))
    }

    /// Handles the reply to a single-reply (or stats) command.
    fn read_single_reply(&mut self, reply: Reply<'_>) -> Result<(), NetError> {
        let request = &self.requests[self.indexes[self.next]];
        let outcome = match (request.command, reply) {
            (Command::Stats { .. }, Reply::Stat { name, value }) => {
                self.stats.push(StatEntry::Stat {
                    name: name.to_vec(),
                    value: value.to_vec(),
                });
                return Ok(());
            }
            (Command::Stats { .. }, Reply::Item { key, bytes, expiry }) => {
                self.stats.push(StatEntry::Item {
                    key: key.to_vec(),
                    bytes: bytes.to_vec(),
                    expiry: expiry.to_vec(),
                });
                return Ok(());
            }
            (Command::Stats { .. }, Reply::End) => Outcome::Stats(std::mem::take(&mut self.stats)),
            (Command::Stats { .. }, Reply::Reset) => Outcome::Done,
            (Command::Stats { .. }, reply @ Reply::Error(_)) => error_reply(&reply),
            (Command::Store { .. }, Reply::Stored) => Outcome::Done,
            (Command::Store { .. }, Reply::NotStored | Reply::Exists | Reply::NotFound) => {
                Outcome::Rejected
            }
            (Command::Delete, Reply::Deleted) => Outcome::Done,
            (Command::Delete | Command::Counter { .. }, Reply::NotFound) => Outcome::Rejected,
            (Command::Counter { .. }, Reply::Number(n)) => Outcome::Counter(n),
            (Command::Version, Reply::Version(v)) => Outcome::Version(v.to_vec()),
            (Command::Flush { .. }, Reply::Ok) => Outcome::Done,
            (
                Command::Store { .. }
                | Command::Delete
                | Command::Counter { .. }
                | Command::Stats { .. },
                reply @ (Reply::ServerError {
                    kind: ServerErrorKind::TooLarge | ServerErrorKind::OutOfMemory,
                    ..
                }
                | Reply::ClientError(_)),
            ) => error_reply(&reply),
            (_, other) => return Err(unexpected(&other)),
        };
        self.outcomes[self.next] = outcome;
        self.next += 1;
        Ok(())
    }
}

/// An error reply that does not fail the server (notice and `false`).
fn error_reply(reply: &Reply<'_>) -> Outcome {
    Outcome::ErrorReply {
        message: String::from_utf8_lossy(&reply.message()).into_owned(),
        code: reply.errnum(),
    }
}

/// A reply the command did not expect: the C extension reports the line itself.
fn unexpected(reply: &Reply<'_>) -> NetError {
    NetError::Unexpected(String::from_utf8_lossy(&reply.message()).into_owned())
}

impl ReplyReader for ServerReader<'_, '_> {
    fn read(&mut self, buf: &[u8]) -> Result<ReadProgress, NetError> {
        let mut consumed = 0;
        while !self.is_done() {
            let (reply, used) = match ascii::parse_reply(&buf[consumed..])? {
                Parse::Incomplete => break,
                Parse::Done(reply, used) => (reply, used),
            };
            consumed += used;
            if self.next >= self.first_get {
                self.read_get_reply(reply)?;
            } else {
                self.read_single_reply(reply)?;
            }
        }
        Ok(ReadProgress {
            consumed,
            done: self.is_done(),
        })
    }
}
