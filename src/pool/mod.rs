//! Which server a key goes to, and what happens when a server fails: server parameters and
//! health, the hashing ring, failover, redundancy, and the per-process registry of persistent
//! servers. Failures are reported as values ([`Event`]); the PHP layer turns them into the
//! failure callback or the notice.
//!
//! The pool is the vocabulary of the layers above it (`php`, `session`): what they need of the
//! protocol and network layers (the protocol kind, the store operations, TLS settings) is
//! re-exported here, where it takes part in a pool's requests and server parameters.

pub mod ascii_exchange;
pub mod binary_exchange;
pub mod clock;
pub mod copies;
pub mod exchange;
pub mod health;
pub mod health_table;
pub mod meta_exchange;
pub mod probe;
mod reader_core;
pub mod recovery;
pub mod registry;
pub mod request;
pub mod ring;
pub mod server;
pub mod server_config;
pub mod server_pool;
pub mod stampede;

pub use crate::net::TlsSettings;
pub use crate::protocol::ascii::MAX_VALUE_LEN;
pub use crate::protocol::ProtocolKind;
pub use clock::unix_now;
pub use copies::WriteBatch;
pub use health::{Admission, FailureVerdict, HealthSlot, HealthSnapshot};
pub use recovery::FailbackFlush;
pub use request::{
    all_answered, Command, Hit, Hits, Lease, Outcome, Replies, Request, StatEntry, Store, StoreOp,
    Target,
};
pub use ring::HashStrategy;
pub use server::{Health, Server, ServerHandle};
pub use server_config::{timeout_from_seconds, SaslCredentials, ServerConfig, DEFAULT_WEIGHT};
pub use server_pool::{Event, HealthChange, Policy, Pool, ServerEvent};
