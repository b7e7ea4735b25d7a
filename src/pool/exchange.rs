//! One server's share of a batch in the pool's protocol: the single place where the pool picks
//! the text, binary or meta encoder and reader, so routing and failure handling stay
//! protocol-agnostic.

use crate::net::{NetError, ReadProgress, ReplyReader};
use crate::pool::ascii_exchange::{encode_ascii, AsciiReader};
use crate::pool::binary_exchange::{encode_binary, BinaryReader};
use crate::pool::meta_exchange::{encode_meta, MetaReader};
use crate::pool::request::{Replies, Request};
use crate::pool::SaslCredentials;
use crate::protocol::ProtocolKind;

/// Encodes the requests `indexes` of `requests` for one server into `out`. `auth` (binary only:
/// the text and meta protocols have no SASL) opens the exchange with a SASL PLAIN
/// authentication.
pub fn encode(
    protocol: ProtocolKind,
    out: &mut Vec<u8>,
    requests: &[Request<'_>],
    indexes: &[usize],
    auth: Option<&SaslCredentials>,
) {
    match protocol {
        ProtocolKind::Ascii => encode_ascii(out, requests, indexes),
        ProtocolKind::Binary => encode_binary(out, requests, indexes, auth),
        ProtocolKind::Meta => encode_meta(out, requests, indexes),
    }
}

/// The reader of one server's replies, in the pool's protocol.
pub enum Exchange<'b, 'a> {
    /// Text protocol.
    Ascii(AsciiReader<'b, 'a>),
    /// Binary protocol.
    Binary(BinaryReader<'b, 'a>),
    /// Meta commands.
    Meta(MetaReader<'b, 'a>),
}

impl<'b, 'a> Exchange<'b, 'a> {
    /// The reader for what [`encode`] wrote with the same arguments (`authenticating` when an
    /// `auth` was given), buffering at most `max_value_len` bytes of values. What it reads goes
    /// straight to `replies` ([`Replies::new`] for `indexes.len()` requests), the round's.
    #[inline(always)]
    pub fn new(
        protocol: ProtocolKind,
        requests: &'b [Request<'a>],
        indexes: &'b [usize],
        authenticating: bool,
        max_value_len: usize,
        replies: &'b mut Replies,
    ) -> Self {
        match protocol {
            ProtocolKind::Ascii => {
                Exchange::Ascii(AsciiReader::new(requests, indexes, max_value_len, replies))
            }
            ProtocolKind::Binary => Exchange::Binary(BinaryReader::new(
                requests,
                indexes,
                authenticating,
                max_value_len,
                replies,
            )),
            ProtocolKind::Meta => {
                Exchange::Meta(MetaReader::new(requests, indexes, max_value_len, replies))
            }
        }
    }
}

impl ReplyReader for Exchange<'_, '_> {
    fn read(&mut self, buf: &[u8]) -> Result<ReadProgress, NetError> {
        match self {
            Exchange::Ascii(reader) => read_apart(reader, buf),
            Exchange::Binary(reader) => read_apart(reader, buf),
            Exchange::Meta(reader) => read_apart(reader, buf),
        }
    }
}

/// `reader.read(buf)` in a function of its own: each protocol's reading has the set-up it
/// needs (next to none for the text protocol's one-reply exchanges), not the largest of
/// them.
#[inline(never)]
fn read_apart(reader: &mut impl ReplyReader, buf: &[u8]) -> Result<ReadProgress, NetError> {
    reader.read(buf)
}
