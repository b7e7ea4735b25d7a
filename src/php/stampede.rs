//! `remember()` and `invalidate()`, this extension's own: the PHP side of the stampede guard
//! ([`stampede`](crate::pool::stampede) does the talking to memcached).
//!
//! `remember($key, $exptime, $compute)` returns the cached value of `$key`. On a miss exactly
//! one caller in the fleet runs `$compute($key)` and stores its result for `$exptime` seconds,
//! encoded as `set()` would encode it; the others wait up to `memcache.remember_wait` seconds
//! for it, then compute themselves and store nothing (the claim outlives their wait). What
//! `$compute` returns is returned, except that `false` is not cached. An exception from
//! `$compute` gives the claim back and propagates. With no server reachable, `$compute` runs at
//! once and nothing is stored.
//!
//! `$compute` is PHP code that may call back into the same object: no pool borrow is held while
//! it runs (nor while values are serialized or unserialized).

use ext_php_rs::types::{ZendCallable, Zval};

use crate::php::args::ArgError;
use crate::php::commands::execute_writes;
use crate::php::connection::SharedPool;
use crate::php::convert;
use crate::php::dispatch::OpResult;
use crate::php::errors;
use crate::php::events;
use crate::php::ini;
use crate::php::pool_object::{policy, PoolObject};
use crate::php::prefix;
use crate::pool::stampede::{self as guard, Claim, Lookup};
use crate::pool::{all_answered, Command, Outcome, WriteBatch};

/// `remember()`; `compute` was checked to be callable.
pub fn remember(object: PoolObject<'_>, key: &[u8], exptime: i64, compute: &Zval) -> OpResult {
    let pool = object.usable_pool();
    let Some(prepared) = prefix::prepare(key) else {
        errors::warning("Invalid key");
        return Ok(convert::bool_zval(false));
    };
    let claim = match &pool {
        None => Claim::unguarded(&prepared),
        Some(shared) => {
            let policy = policy();
            let wait = ini::remember_wait();
            let lookup = guard::lookup(&mut shared.borrow_mut(), &prepared, wait, &policy);
            let claim = match lookup {
                Lookup::Found { flags, data } => {
                    events::dispatch(object, shared)?;
                    return found(flags, &data);
                }
                Lookup::Compute(claim) => claim,
            };
            if let Err(thrown) = events::dispatch(object, shared) {
                claim.release(&mut shared.borrow_mut(), &policy);
                return Err(thrown);
            }
            claim
        }
    };
    let argument = convert::bytes_zval(key);
    let computed = ZendCallable::new(compute).and_then(|c| c.try_call(vec![&argument]));
    let value = match computed {
        Ok(value) if !errors::exception_pending() => value,
        _ => {
            end_unstored(object, pool.as_ref(), claim)?;
            return Err(ArgError);
        }
    };
    if value.bool() == Some(false) && value.is_bool() {
        end_unstored(object, pool.as_ref(), claim)?;
        return Ok(value);
    }
    let Some(pool) = pool else {
        return Ok(value);
    };
    let compression = pool.borrow().compression;
    let mut claim = Some(claim);
    // Serializing runs `__sleep`/`__serialize` first: the pool is borrowed only to store.
    let _ = convert::with_encoded(&value, 0, compression, |flags, data| {
        if let Some(claim) = claim.take() {
            let exptime = exptime as u32;
            claim.store(&mut pool.borrow_mut(), flags, data, exptime, &policy());
        }
    });
    if let Some(claim) = claim {
        // Not storable (serialize() failed or threw): the next caller recomputes.
        claim.release(&mut pool.borrow_mut(), &policy());
    }
    events::dispatch(object, &pool)?;
    if errors::exception_pending() {
        return Err(ArgError);
    }
    Ok(value)
}

/// The value a lookup found, decoded as `get()` decodes it.
fn found(flags: u32, data: &[u8]) -> OpResult {
    let value = convert::decode(flags, data);
    if errors::exception_pending() {
        return Err(ArgError);
    }
    Ok(value.unwrap_or_else(|| convert::bool_zval(false)))
}

/// Ends a claim without a value and reports what the pool saw; the exception of the failure
/// callback, if it threw, wins over returning.
fn end_unstored(
    object: PoolObject<'_>,
    pool: Option<&SharedPool>,
    claim: Claim,
) -> Result<(), ArgError> {
    let Some(pool) = pool else {
        return Ok(());
    };
    claim.release(&mut pool.borrow_mut(), &policy());
    events::dispatch(object, pool)
}

/// `invalidate()`: with meta, marks the value stale for as long as a claim lives (and
/// on the `memcache.redundancy` copies); otherwise deletes it. `true` if every answering server
/// had the key.
pub fn invalidate(object: PoolObject<'_>, key: &[u8]) -> OpResult {
    let Some(pool) = object.usable_pool() else {
        return Ok(convert::bool_zval(false));
    };
    let Some(prepared) = prefix::prepare(key) else {
        errors::warning("Invalid key");
        return Ok(convert::bool_zval(false));
    };
    let command = Command::Invalidate {
        mark_stale: true,
        ttl: guard::claim_ttl(ini::remember_wait()),
        cas: 0,
    };
    let mut batch = WriteBatch::default();
    let policy = policy();
    batch.push(&pool.borrow(), &prepared, command, &policy);
    execute_writes(object, &pool, &mut batch.requests, &policy)?;
    Ok(convert::bool_zval(all_answered(&batch.requests, |o| {
        matches!(o, Outcome::Done)
    })))
}
