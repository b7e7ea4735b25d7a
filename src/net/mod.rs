//! Sockets: where a server is, how a connection is opened without blocking (and encrypted, for
//! `tls://` servers), and the one poll loop that drives the pending exchanges of many servers
//! at once.
//!
//! Nothing here knows memcached's commands; a [`driver::ReplyReader`] supplied by the pool says
//! when a server's replies are complete.

pub mod connection;
pub mod driver;
pub mod endpoint;
pub mod error;
pub mod tls;

pub use connection::Connection;
pub use driver::{run, Job, ReadProgress, ReplyReader};
pub use endpoint::Endpoint;
pub use error::NetError;
pub use tls::TlsSettings;
