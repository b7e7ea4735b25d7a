//! Server-wide commands of the PECL API: `getVersion`, `flush`, `getStats`,
//! `getExtendedStats`, and the per-pool `setCompressThreshold`.

use ext_php_rs::types::{ZendHashTable, Zval};

use crate::php::args::ArgError;
use crate::php::convert;
use crate::php::dispatch::OpResult;
use crate::php::errors;
use crate::php::events;
use crate::php::pool_object::{policy, PoolObject};
use crate::pool::{Command, Outcome, Request, StatEntry};

/// The stats types the C extension accepts (case-sensitive).
const STATS_TYPES: [&[u8]; 6] = [
    b"reset",
    b"malloc",
    b"slabs",
    b"cachedump",
    b"items",
    b"sizes",
];

/// `getVersion()`: the first server (in insertion order) that answers.
pub fn version(object: PoolObject<'_>) -> OpResult {
    let Some(pool) = object.usable_pool() else {
        return Ok(convert::bool_zval(false));
    };
    let count = pool.borrow().len();
    for index in 0..count {
        let mut requests = [Request::for_server(index, Command::Version)];
        pool.borrow_mut().execute(&mut requests, &policy());
        events::dispatch(object, &pool)?;
        if let Outcome::Version(version) = &requests[0].outcome {
            return Ok(convert::bytes_zval(version));
        }
    }
    Ok(convert::bool_zval(false))
}

/// `flush(delay)`: `true` iff every server answered OK; an empty pool is `true`.
pub fn flush(object: PoolObject<'_>, delay: i64) -> OpResult {
    let Some(pool) = object.pool_or_warn() else {
        return Ok(convert::bool_zval(false));
    };
    let count = pool.borrow().len();
    let command = Command::Flush {
        delay: delay as u32,
    };
    let mut requests: Vec<Request<'_>> = (0..count)
        .map(|i| Request::for_server(i, command))
        .collect();
    pool.borrow_mut().execute(&mut requests, &policy());
    events::dispatch(object, &pool)?;
    Ok(convert::bool_zval(
        requests.iter().all(|r| r.outcome == Outcome::Done),
    ))
}

/// The validated `stats` arguments, or the `Invalid stats type` warning.
pub struct StatsArgs {
    args: Vec<Vec<u8>>,
}

impl StatsArgs {
    /// From `getStats(type, slabid, limit)`; `kind` is `None` when omitted.
    pub fn new(kind: Option<&[u8]>, slab_id: i64, limit: i64) -> Option<Self> {
        let Some(kind) = kind else {
            return Some(StatsArgs { args: Vec::new() });
        };
        if !STATS_TYPES.contains(&kind) {
            errors::warning("Invalid stats type");
            return None;
        }
        let mut args = vec![kind.to_vec()];
        if slab_id != 0 {
            args.push(slab_id.to_string().into_bytes());
            args.push(limit.to_string().into_bytes());
        }
        Some(StatsArgs { args })
    }
}

/// Each server's `host:port` and its stats (`None`: failed), in insertion order.
type ServerStats = Vec<(String, Option<Zval>)>;

/// Runs `stats` on every server in one batch; `None` when the pool is missing or empty.
fn stats_all(object: PoolObject<'_>, args: &StatsArgs) -> Result<Option<ServerStats>, ArgError> {
    let Some(pool) = object.usable_pool() else {
        return Ok(None);
    };
    let arg_slices: Vec<&[u8]> = args.args.iter().map(Vec::as_slice).collect();
    let count = pool.borrow().len();
    let command = Command::Stats { args: &arg_slices };
    let mut requests: Vec<Request<'_>> = (0..count)
        .map(|i| Request::for_server(i, command))
        .collect();
    pool.borrow_mut().execute(&mut requests, &policy());
    events::dispatch(object, &pool)?;
    let pool = pool.borrow();
    Ok(Some(
        requests
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    pool.server(i).borrow().display_name(),
                    stats_zval(&r.outcome),
                )
            })
            .collect(),
    ))
}

/// `getStats(...)`: the first server's stats that are not `false`.
pub fn stats(object: PoolObject<'_>, args: Option<StatsArgs>) -> OpResult {
    let Some(args) = args else {
        return Ok(convert::bool_zval(false));
    };
    let Some(results) = stats_all(object, &args)? else {
        return Ok(convert::bool_zval(false));
    };
    Ok(results
        .into_iter()
        .find_map(|(_, stats)| stats)
        .unwrap_or_else(|| convert::bool_zval(false)))
}

/// `getExtendedStats(...)`: `["host:port" => stats or false, ...]` in insertion order.
pub fn extended_stats(object: PoolObject<'_>, args: Option<StatsArgs>) -> OpResult {
    let Some(args) = args else {
        return Ok(convert::bool_zval(false));
    };
    let Some(results) = stats_all(object, &args)? else {
        return Ok(convert::bool_zval(false));
    };
    let mut table = ZendHashTable::new();
    for (name, stats) in results {
        convert::insert(
            &mut table,
            name.as_bytes(),
            stats.unwrap_or_else(|| convert::bool_zval(false)),
        );
    }
    Ok(convert::array_zval(table))
}

/// A stats outcome as PHP sees it: `STAT a:b:c v` nests as `[a][b][c] = v` (numeric segments
/// become int keys), `ITEM k [N b; T s]` becomes `[k => [N, T]]`, `RESET` becomes `true`;
/// `None` (false) for a failed server or an empty reply.
fn stats_zval(outcome: &Outcome) -> Option<Zval> {
    match outcome {
        Outcome::Done => Some(convert::bool_zval(true)),
        // An empty reply (`stats items` of an empty server, a slab with nothing to dump) is
        // `false`, so `getStats` asks the next server, as in the C extension.
        Outcome::Stats(entries) if entries.is_empty() => None,
        Outcome::Stats(entries) => {
            let mut tree = StatsTree::default();
            for entry in entries {
                match entry {
                    StatEntry::Stat { name, value } => {
                        let path: Vec<&[u8]> = name.split(|&b| b == b':').collect();
                        tree.insert(&path, value);
                    }
                    StatEntry::Item { key, bytes, expiry } => {
                        let mut item = StatsTree::default();
                        item.children
                            .push((b"0".to_vec(), StatsNode::Leaf(bytes.clone())));
                        item.children
                            .push((b"1".to_vec(), StatsNode::Leaf(expiry.clone())));
                        tree.children.push((key.clone(), StatsNode::Branch(item)));
                    }
                }
            }
            Some(tree.into_zval())
        }
        _ => None,
    }
}

/// Insertion-ordered nested stats, built before conversion to PHP arrays.
#[derive(Default)]
struct StatsTree {
    children: Vec<(Vec<u8>, StatsNode)>,
}

enum StatsNode {
    Leaf(Vec<u8>),
    Branch(StatsTree),
}

impl StatsTree {
    fn insert(&mut self, path: &[&[u8]], value: &[u8]) {
        let (first, rest) = path
            .split_first()
            .expect("split yields at least one segment");
        if rest.is_empty() {
            self.children
                .push((first.to_vec(), StatsNode::Leaf(value.to_vec())));
            return;
        }
        let position = self
            .children
            .iter()
            .position(|(k, n)| k == first && matches!(n, StatsNode::Branch(_)));
        let index = position.unwrap_or_else(|| {
            self.children
                .push((first.to_vec(), StatsNode::Branch(StatsTree::default())));
            self.children.len() - 1
        });
        if let StatsNode::Branch(child) = &mut self.children[index].1 {
            child.insert(rest, value);
        }
    }

    fn into_zval(self) -> Zval {
        let mut table = ZendHashTable::new();
        for (key, node) in self.children {
            let value = match node {
                StatsNode::Leaf(bytes) => convert::bytes_zval(&bytes),
                StatsNode::Branch(tree) => tree.into_zval(),
            };
            convert::insert(&mut table, &key, value);
        }
        convert::array_zval(table)
    }
}

/// `setCompressThreshold(threshold, min_savings)`: the threshold is applied before
/// `min_savings` is checked, as in the C extension.
pub fn set_compress_threshold(
    object: PoolObject<'_>,
    threshold: i64,
    min_savings: Option<f64>,
) -> bool {
    let Some(pool) = object.pool_or_warn() else {
        return false;
    };
    if threshold < 0 {
        errors::warning("threshold must be a positive integer");
        return false;
    }
    pool.borrow_mut().compression.threshold = threshold as usize;
    let min_savings = min_savings.unwrap_or(0.2);
    if min_savings != 0.2 && !(0.0..=1.0).contains(&min_savings) {
        errors::warning("min_savings must be a float in the 0..1 range");
        return false;
    }
    pool.borrow_mut().compression.min_savings = min_savings;
    true
}
