//! Sessions in memcached, wire-compatible with the C extension's `memcache` save handler: the
//! save path, and the lock/read/write/destroy protocol over a pool. Plain Rust;
//! `src/php/session.rs` registers it with PHP's session extension.

pub mod save_path;
pub mod store;

pub use save_path::{parse_save_path, SavePathError, SavePathServer};
pub use store::{LockFailure, SessionSettings, SessionStore};
