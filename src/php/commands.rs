//! The data operations of the PECL API (store, get, delete, increment/decrement), shared by the
//! methods and the `memcache_*` functions. Each turns PHP arguments into one batch of requests,
//! runs it with no borrow held afterwards, and builds the PHP result exactly as the C extension.

use ext_php_rs::types::{ZendHashTable, Zval};

use crate::key::{KeyList, PreparedKey};
use crate::php::args::{self, ArgError};
use crate::php::array;
use crate::php::connection::SharedPool;
use crate::php::convert::{self, EncodeError};
use crate::php::dispatch::OpResult;
use crate::php::errors;
use crate::php::events;
use crate::php::pool_object::{policy, PoolObject};
use crate::php::prefix;
use crate::php::user_keys::{self, UserKeys};
use crate::pool::copies::merged_counter;
use crate::pool::{
    all_answered, Command, Hits, Outcome, Policy, Request, Store, StoreOp, WriteBatch,
};

/// Prepares a key argument for the wire into `out` (false: the C extension's `Invalid key`
/// warning was given). Out of line: the single-key calls inline [`single_key`], whose usual
/// key needs no preparing.
#[inline(never)]
fn prepared_key(zval: &Zval, out: &mut PreparedKey) -> Result<bool, ArgError> {
    let raw = args::key_bytes(zval)?;
    let valid = prefix::prepare_in_place(out, &raw);
    if !valid {
        errors::warning("Invalid key");
    }
    Ok(valid)
}

/// The key argument of a single-key call, prepared for the wire: the argument's own string
/// when it is its prepared form (no copy), else prepared into `out`. `None`: the C extension's
/// `Invalid key` warning was given. Inlined into each single-key call.
#[inline(always)]
fn single_key<'k>(zval: &'k Zval, out: &'k mut PreparedKey) -> Result<Option<&'k [u8]>, ArgError> {
    if let Some(bytes) = user_keys::as_prepared(zval) {
        return Ok(Some(bytes));
    }
    if !prepared_key(zval.dereference(), out)? {
        return Ok(None);
    }
    Ok(Some(out))
}

/// Appends a key argument, prepared for the wire, to `keys`, or gives the C extension's
/// `Invalid key` warning.
fn push_key(keys: &mut KeyList, zval: &Zval) -> Result<(), ArgError> {
    let raw = args::key_bytes(zval)?;
    if !prefix::push(keys, &raw) {
        errors::warning("Invalid key");
    }
    Ok(())
}

/// Runs a get under `policy` (the call's, read once), and reports its events (the callback
/// may throw) before `then` sees the hits, unless it threw. Inlined, and the hits handed on
/// rather than returned: they are built where `then` reads them, not moved there.
#[inline(always)]
fn execute_gets(
    object: PoolObject<'_>,
    pool: &SharedPool,
    requests: &mut [Request<'_>],
    policy: &Policy,
    then: impl FnOnce(Hits) -> OpResult,
) -> OpResult {
    let hits = pool.borrow_mut().execute(requests, policy);
    events::dispatch(object, pool)?;
    then(hits)
}

/// Runs writes under `policy` (the call's, read once) and reports their events (the callback
/// may throw); what the requests found is in their outcomes, and the hits, which writes do
/// not have, are dropped at once (not handed back, which costs their move).
#[inline(always)]
pub(crate) fn execute_writes(
    object: PoolObject<'_>,
    pool: &SharedPool,
    requests: &mut [Request<'_>],
    policy: &Policy,
) -> Result<(), ArgError> {
    pool.borrow_mut().execute(requests, policy).discard();
    events::dispatch(object, pool)
}

/// Runs writes (stores, deletes, counters), each (prepared key, command) on its key's server
/// and its `memcache.redundancy` copies, and gives `answer` the requests once they ran. One
/// write without copies (a single-key call's, with redundancy 1) is one request on the stack,
/// as [`WriteBatch::push`] would make it, without the batch's bookkeeping.
#[inline(always)]
fn write<'a, R>(
    object: PoolObject<'_>,
    pool: &SharedPool,
    mut writes: impl ExactSizeIterator<Item = (&'a [u8], Command<'a>)>,
    policy: &Policy,
    answer: impl FnOnce(&[Request<'a>]) -> R,
) -> Result<R, ArgError> {
    if writes.len() == 1 && policy.redundancy <= 1 {
        if let Some((key, command)) = writes.next() {
            let mut requests = [Request::for_key(key, command)];
            execute_writes(object, pool, &mut requests, policy)?;
            return Ok(answer(&requests));
        }
    }
    let mut batch = WriteBatch::default();
    batch.reserve(writes.len());
    {
        let pool_ref = pool.borrow();
        for (key, command) in writes {
            batch.push(&pool_ref, key, command, policy);
        }
    }
    execute_writes(object, pool, &mut batch.requests, policy)?;
    Ok(answer(&batch.requests))
}

/// `set`/`add`/`replace`/`cas`/`append`/`prepend`, single key or `[key => value]` array.
pub fn store(
    object: PoolObject<'_>,
    op: StoreOp,
    key: &Zval,
    value: Option<&Zval>,
    flags: Option<i64>,
    exptime: Option<i64>,
    cas: Option<i64>,
) -> OpResult {
    let user_flags = flags.unwrap_or(0) as u32;
    let Some(pool) = object.usable_pool() else {
        return Ok(convert::bool_zval(false));
    };
    let stores = Stores {
        object,
        pool: &pool,
        op,
        exptime: exptime.unwrap_or(0) as u32,
        cas: cas.unwrap_or(0) as u64,
    };
    let compression = pool.borrow().compression;
    let Some(array) = key.dereference().array() else {
        let Some(value) = value else {
            return Err(args::wrong_parameter_count());
        };
        let mut prepared = PreparedKey::empty();
        let Some(key) = single_key(key, &mut prepared)? else {
            return Ok(convert::bool_zval(false));
        };
        // The encoded bytes borrow from the value (or the encoder's buffer): sent from there.
        let stored = convert::with_encoded(value, user_flags, compression, |flags, data| {
            stores.run(&[(key, flags, data)])
        });
        return match stored {
            Ok(stored) => Ok(convert::bool_zval(stored?)),
            Err(error) => encode_failure(error),
        };
    };
    // Several values: each encoded into one buffer, then sent together.
    let mut keys = KeyList::with_capacity(array.len());
    let mut buffer: Vec<u8> = Vec::new();
    let mut encoded: Vec<(u32, std::ops::Range<usize>)> = Vec::with_capacity(array.len());
    for (array_key, value) in array::entries(array) {
        if !prefix::push(&mut keys, &array_key.to_bytes()) {
            errors::warning("Invalid key");
            continue;
        }
        let added = convert::with_encoded(value, user_flags, compression, |flags, data| {
            let start = buffer.len();
            buffer.extend_from_slice(data);
            encoded.push((flags, start..buffer.len()));
        });
        if let Err(error) = added {
            keys.pop();
            encode_failure(error)?;
        }
    }
    if encoded.is_empty() {
        return Ok(convert::bool_zval(false));
    }
    let entries: Vec<(&[u8], u32, &[u8])> = keys
        .iter()
        .zip(&encoded)
        .map(|(key, (flags, data))| (key, *flags, &buffer[data.clone()]))
        .collect();
    Ok(convert::bool_zval(stores.run(&entries)?))
}

/// The C extension's answer to a value it could not encode (the warning was given): `false`,
/// or the exception `serialize()` left pending.
fn encode_failure(error: EncodeError) -> OpResult {
    match error {
        EncodeError::Serialize if errors::exception_pending() => Err(ArgError),
        _ => Ok(convert::bool_zval(false)),
    }
}

/// The storage requests of one call: where they go and what they share.
struct Stores<'p> {
    object: PoolObject<'p>,
    pool: &'p SharedPool,
    op: StoreOp,
    exptime: u32,
    cas: u64,
}

impl Stores<'_> {
    /// Stores each (prepared key, flags, encoded bytes): true if every answered request
    /// stored its value.
    #[inline(always)]
    fn run(&self, entries: &[(&[u8], u32, &[u8])]) -> Result<bool, ArgError> {
        let writes = entries.iter().map(|&(key, flags, data)| {
            let command = Command::Store(Store {
                op: self.op,
                flags,
                exptime: self.exptime,
                cas: self.cas,
                data,
            });
            (key, command)
        });
        write(self.object, self.pool, writes, &policy(), |requests| {
            all_answered(requests, |o| matches!(o, Outcome::Done))
        })
    }
}

/// `get`: one key (the value or `false`) or an array of keys (`[key => value]` of the hits).
/// `$flags` and `$cas` are written only on a hit; passing `$cas` at all selects `gets`.
pub fn get(
    object: PoolObject<'_>,
    key: &Zval,
    flags: Option<&mut Zval>,
    cas: Option<&mut Zval>,
) -> OpResult {
    let Some(pool) = object.usable_pool() else {
        return Ok(convert::bool_zval(false));
    };
    let with_cas = cas.is_some();
    if let Some(array) = key.dereference().array() {
        let mut keys = UserKeys::with_capacity(array.len());
        for (_, item) in array::entries(array) {
            keys.push(item)?;
        }
        let mut requests: Vec<Request<'_>> = keys
            .iter()
            .map(|k| Request::for_key(k, Command::Get { with_cas }))
            .collect();
        return execute_gets(object, &pool, &mut requests, &policy(), |hits| {
            get_many_result(&keys, &hits, flags, cas)
        });
    }
    let mut prepared = PreparedKey::empty();
    let Some(key) = single_key(key, &mut prepared)? else {
        return Ok(convert::bool_zval(false));
    };
    let mut requests = [Request::for_key(key, Command::Get { with_cas })];
    execute_gets(object, &pool, &mut requests, &policy(), |hits| {
        get_one_result(hits, flags, cas)
    })
}

/// The result of a single-key get: the value (`$flags` and `$cas` written) or `false`.
fn get_one_result(hits: Hits, flags: Option<&mut Zval>, cas: Option<&mut Zval>) -> OpResult {
    let Some(hit) = hits.hits.first() else {
        hits.discard();
        return Ok(convert::bool_zval(false));
    };
    // No borrow is held here: unserialize may run __wakeup, which may use this pool.
    let value = convert::decode(hit.flags, hits.value(hit));
    if errors::exception_pending() {
        return Err(ArgError);
    }
    let Some(value) = value else {
        return Ok(convert::bool_zval(false));
    };
    if let Some(flags) = flags {
        flags.set_long(i64::from(hit.flags));
    }
    if let Some(cas) = cas {
        cas.set_long(hit.cas as i64);
    }
    if value.is_null() {
        return Ok(convert::bool_zval(false));
    }
    Ok(value)
}

fn get_many_result(
    keys: &UserKeys<'_>,
    hits: &Hits,
    flags: Option<&mut Zval>,
    cas: Option<&mut Zval>,
) -> OpResult {
    // Sized for every hit up front: no rehash while the values go in.
    let size = u32::try_from(hits.hits.len()).unwrap_or(u32::MAX);
    let table = || ZendHashTable::with_capacity(size);
    let mut values = table();
    let mut flag_values = flags.is_some().then(table);
    let mut cas_values = cas.is_some().then(table);
    let mut found = false;
    for hit in &hits.hits {
        let Some(value) = convert::decode(hit.flags, hits.value(hit)) else {
            if errors::exception_pending() {
                return Err(ArgError);
            }
            continue;
        };
        found = true;
        keys.insert(&mut values, hit.request, value);
        if let Some(table) = flag_values.as_mut() {
            keys.insert(table, hit.request, convert::long_zval(i64::from(hit.flags)));
        }
        if let Some(table) = cas_values.as_mut() {
            keys.insert(table, hit.request, convert::long_zval(hit.cas as i64));
        }
    }
    if found {
        if let (Some(zval), Some(table)) = (flags, flag_values) {
            zval.set_hashtable(table);
        }
        if let (Some(zval), Some(table)) = (cas, cas_values) {
            zval.set_hashtable(table);
        }
    }
    Ok(convert::array_zval(values))
}

/// `delete`: one key or an array of keys; `true` only if every key was deleted. (The expiry
/// argument is parsed but never sent, as by the C extension.)
pub fn delete(object: PoolObject<'_>, key: &Zval) -> OpResult {
    let Some(pool) = object.usable_pool() else {
        return Ok(convert::bool_zval(false));
    };
    let deleted = with_keys(key, |keys| {
        if keys.is_empty() {
            return Ok(false);
        }
        let writes = keys.iter().map(|&k| (k, Command::Delete));
        write(object, &pool, writes, &policy(), |requests| {
            all_answered(requests, |o| matches!(o, Outcome::Done))
        })
    })?;
    Ok(convert::bool_zval(deleted.transpose()?.unwrap_or(false)))
}

/// Runs `run` on the prepared keys of a key argument: a single key is built in place (no
/// allocation), an array gives its valid entries (invalid ones warned and skipped). `None`
/// for an invalid single key (warned). `run` is called in one place, so that it is inlined.
#[inline(always)]
fn with_keys<R>(key: &Zval, run: impl FnOnce(&[&[u8]]) -> R) -> Result<Option<R>, ArgError> {
    let mut prepared = PreparedKey::empty();
    let list: KeyList;
    let listed: Vec<&[u8]>;
    let single: [&[u8]; 1];
    let keys: &[&[u8]] = if let Some(array) = key.dereference().array() {
        list = array_keys(array)?;
        listed = list.iter().collect();
        &listed
    } else {
        let Some(key) = single_key(key, &mut prepared)? else {
            return Ok(None);
        };
        single = [key];
        &single
    };
    Ok(Some(run(keys)))
}

/// The valid entries of an array of keys, prepared (invalid ones warned and skipped).
fn array_keys(array: &ZendHashTable) -> Result<KeyList, ArgError> {
    let mut keys = KeyList::with_capacity(array.len());
    for (_, item) in array::entries(array) {
        push_key(&mut keys, item)?;
    }
    Ok(keys)
}

/// `increment`/`decrement` by `delta` (negative to decrement): the new value (saturated to
/// `PHP_INT_MAX`) or `false`; for an array of keys, `[key => value]` with misses as
/// `[key."\0" => false]`, as the C extension. `$defval` and `$exptime` matter only in binary,
/// and only when `$defval` is passed: a missing key is then created with that value and expiry;
/// the text protocol ignores both.
pub fn counter(
    object: PoolObject<'_>,
    key: &Zval,
    delta: i64,
    defval: Option<i64>,
    exptime: i64,
) -> OpResult {
    let initial = defval.map(|value| (value as u64, exptime as u32));
    let Some(pool) = object.usable_pool() else {
        return Ok(convert::bool_zval(false));
    };
    let is_array = key.dereference().array().is_some();
    let result = with_keys(key, |keys| {
        let policy = policy();
        // Per key: the new value (saturated to PHP_INT_MAX), `false` for a miss or error
        // reply; a key whose servers never answered is left out of an array result.
        let value = |n: u64| convert::long_zval(i64::try_from(n).unwrap_or(i64::MAX));
        if let (false, [k]) = (is_array, keys) {
            let command = Command::Counter { delta, initial };
            // The single key's counter, its copies merged: the value, else `false`.
            return write(
                object,
                &pool,
                [(*k, command)].into_iter(),
                &policy,
                |requests| match merged_counter(requests) {
                    Some(Some(n)) => value(n),
                    _ => convert::bool_zval(false),
                },
            );
        }
        let mut batch = WriteBatch::default();
        batch.reserve(keys.len());
        {
            let pool_ref = pool.borrow();
            for k in keys {
                batch.push(&pool_ref, k, Command::Counter { delta, initial }, &policy);
            }
        }
        execute_writes(object, &pool, &mut batch.requests, &policy)?;
        let results = batch.counters();
        let mut table = ZendHashTable::new();
        for (k, result) in keys.iter().zip(results) {
            match result {
                Some(Some(n)) => convert::insert(&mut table, k, value(n)),
                Some(None) => {
                    let mut missing = k.to_vec();
                    missing.push(0);
                    convert::insert(&mut table, &missing, convert::bool_zval(false));
                }
                None => {}
            }
        }
        Ok(convert::array_zval(table))
    })?;
    result.unwrap_or_else(|| Ok(convert::bool_zval(false)))
}
