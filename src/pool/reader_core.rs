//! What every protocol's reply reader keeps about one server's share of a batch: its requests,
//! where their outcomes and the values found go (the round's [`Replies`]), and the bound on how
//! many bytes of values it may buffer; and the loop that takes replies from what has arrived.
//! The text, binary and meta readers differ only in how a reply is parsed and finds its
//! request; this part they share.

use crate::net::{NetError, ReadProgress, ReplyReader};
use crate::pool::request::{is_get, Command, Outcome, Replies, Request};

/// One server's requests and what has come of them so far, for a reader of its replies.
pub(crate) struct ReaderCore<'b, 'a> {
    /// The whole batch; this server's requests are `indexes`.
    pub(crate) requests: &'b [Request<'a>],
    /// This server's requests, in [`wire_order`](crate::pool::request::wire_order):
    /// single-reply commands first, then the gets.
    pub(crate) indexes: &'b [usize],
    /// Position of the first get in `indexes` (`indexes.len()` when there is none).
    pub(crate) first_get: usize,
    /// Where the outcomes (one per entry of `indexes`) and the values found go: the round's.
    replies: &'b mut Replies,
    /// Most bytes of values this exchange may buffer, all values together.
    max_value_len: usize,
}

impl<'b, 'a> ReaderCore<'b, 'a> {
    /// The state for the requests `indexes` of `requests`, whose outcomes (each `Pending`, one
    /// per entry of `indexes`) and values go to `replies`, buffering at most `max_value_len`
    /// bytes of values.
    #[inline(always)]
    pub(crate) fn new(
        requests: &'b [Request<'a>],
        indexes: &'b [usize],
        max_value_len: usize,
        replies: &'b mut Replies,
    ) -> Self {
        debug_assert_eq!(replies.outcomes.len(), indexes.len());
        let first_get = indexes
            .iter()
            .position(|&i| is_get(&requests[i]))
            .unwrap_or(indexes.len());
        ReaderCore {
            requests,
            indexes,
            first_get,
            replies,
            max_value_len,
        }
    }

    /// The command of the request at `position` of `indexes`.
    pub(crate) fn command(&self, position: usize) -> Command<'a> {
        self.requests[self.indexes[position]].command
    }

    /// True while the request at `position` of `indexes` has no outcome yet.
    pub(crate) fn is_pending(&self, position: usize) -> bool {
        matches!(self.replies.outcomes[position], Outcome::Pending)
    }

    /// Records the outcome of the request at `position` of `indexes`, which is pending: the
    /// `Pending` there owns nothing and is overwritten without a drop.
    #[inline(always)]
    pub(crate) fn set(&mut self, position: usize, outcome: Outcome) {
        let pending = std::mem::replace(&mut self.replies.outcomes[position], outcome);
        debug_assert!(
            matches!(pending, Outcome::Pending),
            "outcome {position} set twice"
        );
        std::mem::forget(pending);
    }

    /// Records [`Outcome::Done`] for every request from `position` of `indexes` on that is
    /// still pending.
    pub(crate) fn done_from(&mut self, position: usize) {
        for outcome in &mut self.replies.outcomes[position..] {
            if matches!(outcome, Outcome::Pending) {
                std::mem::forget(std::mem::replace(outcome, Outcome::Done));
            }
        }
    }

    /// How many more bytes of values may be buffered: the bound within which the next reply
    /// is parsed.
    pub(crate) fn room(&self) -> usize {
        self.max_value_len
            .saturating_sub(self.replies.hits.data.len())
    }

    /// Before the gets' replies in `buf` are parsed: when `buf` starts with a value reply
    /// (`header`), reserves room once for the values in it, which are shorter than `buf`.
    #[inline]
    pub(crate) fn reserve_values(&mut self, buf: &[u8], header: &[u8]) {
        if buf.starts_with(header) {
            self.replies.hits.reserve(buf.len());
        }
    }

    /// Records the value found for the get at `position` of `indexes`.
    #[inline(always)]
    pub(crate) fn add_hit(&mut self, position: usize, flags: u32, cas: u64, data: &[u8]) {
        let gets = self.indexes.len() - self.first_get;
        self.replies
            .hits
            .add(self.indexes[position], flags, cas, data, gets);
    }
}

/// How a protocol's reader takes its replies, one at a time; [`ReplyReader`] is the same loop
/// over them for every protocol.
pub trait TakeReply {
    /// True once every expected reply has been taken.
    fn is_done(&self) -> bool;

    /// Called with all that has arrived, once per read, before any reply of it is taken.
    fn start_read(&mut self, _buf: &[u8]) {}

    /// Takes the whole exchange at once when it is one request (every single-key call) whose
    /// reply, at the front of `buf`, is complete and one of the replies memcached sends most:
    /// the bytes it occupies; `None` (nothing taken) to take the replies one at a time, which
    /// read any reply to the same outcome.
    fn take_only_reply(&mut self, _buf: &[u8]) -> Option<usize> {
        None
    }

    /// Parses the reply at the front of `buf` and takes it in: the bytes it occupies, or `None`
    /// while only part of it has arrived.
    ///
    /// # Errors
    /// A reply that cannot be parsed, or does not answer what this reader waits for.
    fn take_reply(&mut self, buf: &[u8]) -> Result<Option<usize>, NetError>;

    /// Takes the complete replies at the front of `buf` one at a time ([`take_replies`]):
    /// [`ReplyReader::read`] but for [`TakeReply::take_only_reply`]. A reader whose
    /// `take_only_reply` takes most exchanges runs it out of line, so that those exchanges do
    /// not pay for its set-up.
    #[inline]
    fn take_replies(&mut self, buf: &[u8]) -> Result<ReadProgress, NetError> {
        take_replies(self, buf)
    }
}

/// The loop of [`TakeReply::take_replies`].
#[inline(always)]
pub(crate) fn take_replies<T: TakeReply + ?Sized>(
    reader: &mut T,
    buf: &[u8],
) -> Result<ReadProgress, NetError> {
    reader.start_read(buf);
    let mut consumed = 0;
    while !reader.is_done() {
        match reader.take_reply(&buf[consumed..])? {
            Some(used) => consumed += used,
            None => break,
        }
    }
    Ok(ReadProgress {
        consumed,
        done: reader.is_done(),
    })
}

impl<T: TakeReply> ReplyReader for T {
    #[inline]
    fn read(&mut self, buf: &[u8]) -> Result<ReadProgress, NetError> {
        if let Some(consumed) = self.take_only_reply(buf) {
            return Ok(ReadProgress {
                consumed,
                done: true,
            });
        }
        self.take_replies(buf)
    }
}
