//! Which server a key goes to, and what happens when a server fails: server parameters and
//! health, the hashing ring, failover, redundancy, and the per-process registry of persistent
//! servers. Failures are reported as values ([`Event`]); the PHP layer turns them into the
//! failure callback or the notice.

pub mod ascii_exchange;
pub mod binary_exchange;
pub mod exchange;
pub mod health;
pub mod health_table;
pub mod meta_exchange;
pub mod recovery;
pub mod registry;
pub mod request;
pub mod ring;
pub mod server;
pub mod server_pool;
pub mod stampede;

pub use health::{Admission, FailureVerdict, HealthSlot, HealthSnapshot};
pub use request::{all_answered, Command, Hit, Hits, Lease, Outcome, Request, StatEntry, Target};
pub use server::{Health, SaslCredentials, Server, ServerConfig, ServerHandle};
pub use server_pool::{unix_now, Event, HealthChange, Policy, Pool, ServerEvent};
