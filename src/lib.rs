//! `memcache`: a drop-in replacement for the PECL memcache extension, in Rust.
//!
//! Layers, one direction (see ARCHITECTURE.md): [`php`] (the only code that touches Zend) →
//! [`pool`] (which server, and what to do when it fails) → [`net`] (sockets, one poll loop) →
//! [`protocol`] (sans-I/O wire formats). The leaves [`value`], [`key`], [`hash`] and [`compat`]
//! (the C and PHP emulations) are shared.
//! Everything but `php` is plain Rust, tested with `cargo test --no-default-features`.

pub mod compat;
pub mod hash;
pub mod key;
pub mod net;
pub mod pool;
pub mod protocol;
pub mod session;
pub mod value;

#[cfg(feature = "php")]
mod php;
