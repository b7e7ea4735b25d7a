//! One memcached server as the pool sees it: its parameters, its health and its connection.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use crate::net::{Connection, Endpoint};
use crate::pool::clock::unix_now;
use crate::pool::health::HealthSlot;
use crate::pool::health_table;
use crate::pool::server_config::{SaslCredentials, ServerConfig};
use crate::pool::TlsSettings;

/// A server shared by every pool that added it (persistent servers are also kept by the
/// per-process registry). Single-threaded by design: a PHP worker runs one request at a time.
pub type ServerHandle = Rc<RefCell<Server>>;

/// A server with its state.
#[derive(Debug)]
pub struct Server {
    /// Its parameters.
    pub config: ServerConfig,
    /// Failed or not, and since when: shared by the user's processes when possible.
    pub health: Health,
    endpoint: Endpoint,
    conn: Option<Connection>,
    /// The connection (the current one, or the next) has not authenticated with
    /// [`ServerConfig::sasl`] yet.
    auth_pending: bool,
}

/// Where a server's health record lives.
#[derive(Debug)]
pub enum Health {
    /// In this process only (shared table off, unusable or full, or a server the pool added
    /// down).
    Local(Box<HealthSlot>),
    /// In the machine-wide table, seen by every process of the user.
    Shared(&'static HealthSlot),
}

impl Deref for Health {
    type Target = HealthSlot;

    fn deref(&self) -> &HealthSlot {
        match self {
            Health::Local(slot) => slot,
            Health::Shared(slot) => slot,
        }
    }
}

impl Health {
    /// True if the record is the machine-wide one (every process of the user sees it).
    pub fn is_shared(&self) -> bool {
        matches!(self, Health::Shared(_))
    }

    /// The server's record in the shared table if `shared` and the table has room, otherwise
    /// a private one.
    pub fn for_server(host: &str, tcp_port: u16, shared: bool) -> Health {
        health_table::table()
            .filter(|_| shared)
            .and_then(|table| table.slot(host, tcp_port, unix_now()))
            .map_or_else(|| Health::Local(Box::default()), Health::Shared)
    }
}

impl Server {
    /// A server with no connection yet; its health is shared when `shared_health` and the
    /// table allows.
    pub fn new(config: ServerConfig, shared_health: bool) -> Self {
        let endpoint = Endpoint::new(&config.host, config.tcp_port);
        let auth_pending = config.sasl.is_some();
        let health = Health::for_server(&config.host, config.tcp_port, shared_health);
        Server {
            config,
            health,
            endpoint,
            conn: None,
            auth_pending,
        }
    }

    /// New credentials (a persistent server added again after `setSaslAuthData`): like the C
    /// extension, the open connection authenticates with them before its next command.
    pub fn set_sasl(&mut self, sasl: Option<SaslCredentials>) {
        self.auth_pending = sasl.is_some();
        self.config.sasl = sasl;
    }

    /// New TLS settings (a persistent server added again after the `memcache.tls_*` settings
    /// changed): an open TLS connection, set up under the old ones, is closed, so the next
    /// exchange connects (and verifies) under the new ones.
    pub fn set_tls(&mut self, tls: &TlsSettings) {
        if self.config.tls != *tls {
            self.config.tls = tls.clone();
            if matches!(self.endpoint, Endpoint::Tls { .. }) {
                self.disconnect();
            }
        }
    }

    /// The credentials the next exchange must open with, if the connection has not
    /// authenticated yet.
    pub fn pending_auth(&self) -> Option<&SaslCredentials> {
        self.config.sasl.as_ref().filter(|_| self.auth_pending)
    }

    /// Records that the connection authenticated (its exchange completed).
    pub fn auth_done(&mut self) {
        self.auth_pending = false;
    }

    /// A new shared handle.
    pub fn into_handle(self) -> ServerHandle {
        Rc::new(RefCell::new(self))
    }

    /// The open connection, opening one (non-blocking) if there is none.
    pub fn connection(&mut self) -> Result<&mut Connection, crate::net::NetError> {
        if self.conn.is_none() {
            self.conn = Some(Connection::open(&self.endpoint, &self.config.tls)?);
        }
        Ok(self.conn.as_mut().expect("connection was just opened"))
    }

    /// The open connection, if any.
    pub fn existing_connection(&mut self) -> Option<&mut Connection> {
        self.conn.as_mut()
    }

    /// Closes the connection (after a broken exchange, or when a non-persistent server leaves
    /// its pool).
    pub fn disconnect(&mut self) {
        self.conn = None;
        self.auth_pending = self.config.sasl.is_some();
    }

    /// `host:port` as shown by `findServer` and `getExtendedStats`.
    pub fn display_name(&self) -> String {
        format!("{}:{}", self.config.host, self.config.tcp_port)
    }
}
