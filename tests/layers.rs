//! The layers import in one direction (ARCHITECTURE.md): `php` → `session` → `pool` → `net` →
//! `protocol`, with the leaves (`value`, `key`, `hash`, `compat`) below them all; `php` and
//! `session` speak only the pool's vocabulary (never `protocol` or `net` directly); and no two
//! files of `src/` import each other, directly or around a circle.
//!
//! Read from the sources (not test code, not comments): `use crate::…` and `use super::…`
//! statements and `crate::…` paths written in code, resolved to the file that defines the item
//! through the `pub use` re-exports of each `mod.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A module's file, as a path below `src/` without `.rs` (`pool/server_pool`; `pool` for
/// `pool/mod.rs`).
type Module = String;

/// Each module's source, without its test module and comment lines.
fn sources() -> BTreeMap<Module, String> {
    let mut modules = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&root).expect("below src/");
            let name = relative.with_extension("").to_string_lossy().into_owned();
            let name = name.strip_suffix("/mod").unwrap_or(&name).to_string();
            let text = fs::read_to_string(&path).expect("source is readable");
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(tests) => &text[..tests],
                None => &text[..],
            };
            let code: Vec<&str> = code
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect();
            modules.insert(name, code.join("\n"));
        }
    }
    modules
}

/// The top-level part of a module (`pool` for `pool/server`; a leaf file is its own).
fn layer(module: &str) -> &str {
    module.split('/').next().unwrap_or(module)
}

/// The paths a `use` tree names, in `::` form, with the leading `prefix` (`a::{b, c::{d}}`
/// gives `a::b` and `a::c::d`).
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let join = |head: &str| match (prefix.is_empty(), head.is_empty()) {
        (true, _) => head.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) => format!("{prefix}::{head}"),
    };
    let Some(open) = tree.find('{') else {
        out.push(join(&tree));
        return;
    };
    let head = join(tree[..open].trim_end_matches("::"));
    let inner = &tree[open + 1..tree.len() - 1];
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&inner[start..i], &head, out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < inner.len() {
        expand(&inner[start..], &head, out);
    }
}

/// The paths (below `crate`) that `code` of `module` uses.
fn used_paths(module: &str, code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let parent = module.rsplit_once('/').map_or("", |(parent, _)| parent);
    for statement in code.split(';') {
        let statement = statement.trim_start();
        let statement = statement.strip_prefix("pub ").unwrap_or(statement);
        let statement = statement.strip_prefix("pub(crate) ").unwrap_or(statement);
        let Some(tree) = statement.strip_prefix("use ") else {
            continue;
        };
        if let Some(rest) = tree.strip_prefix("crate::") {
            expand(rest, "", &mut paths);
        } else if let Some(rest) = tree.strip_prefix("super::") {
            expand(rest, &parent.replace('/', "::"), &mut paths);
        }
    }
    for (at, _) in code.match_indices("crate::") {
        let path: String = code[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        paths.push(path.trim_end_matches(':').to_string());
    }
    paths
        .into_iter()
        .map(|p| p.split(" as ").next().unwrap_or("").to_string())
        .map(|p| p.trim_end_matches("::self").to_string())
        .collect()
}

/// The items each `mod.rs` re-exports from its submodules: module → item → submodule.
fn reexports(sources: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeMap<String, Module>> {
    let mut all: BTreeMap<Module, BTreeMap<String, Module>> = BTreeMap::new();
    for (module, code) in sources {
        let mut paths = Vec::new();
        for statement in code.split(';') {
            if let Some(tree) = statement.trim_start().strip_prefix("pub use ") {
                expand(tree, "", &mut paths);
            }
        }
        for path in paths {
            let mut parts = path.split("::");
            let (Some(sub), Some(item)) = (parts.next(), parts.last()) else {
                continue;
            };
            let sub = format!("{module}/{sub}");
            if sources.contains_key(&sub) {
                all.entry(module.clone())
                    .or_default()
                    .insert(item.to_string(), sub);
            }
        }
    }
    all
}

/// The file that defines what `path` (below `crate`) names.
fn resolve(
    path: &str,
    sources: &BTreeMap<Module, String>,
    reexports: &BTreeMap<Module, BTreeMap<String, Module>>,
) -> Option<Module> {
    let mut module = String::new();
    for part in path.split("::").filter(|p| !p.is_empty()) {
        let next = if module.is_empty() {
            part.to_string()
        } else {
            format!("{module}/{part}")
        };
        if sources.contains_key(&next) {
            module = next;
            continue;
        }
        if let Some(sub) = reexports.get(&module).and_then(|items| items.get(part)) {
            return Some(sub.clone());
        }
        break;
    }
    (!module.is_empty()).then_some(module)
}

/// Which file imports which.
fn imports() -> BTreeMap<Module, BTreeSet<Module>> {
    let sources = sources();
    let reexports = reexports(&sources);
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, code) in &sources {
        let targets = graph.entry(module.clone()).or_default();
        for path in used_paths(module, code) {
            if let Some(target) = resolve(&path, &sources, &reexports) {
                if target != *module {
                    targets.insert(target);
                }
            }
        }
    }
    graph
}

/// The layers each layer may import, besides itself.
fn allowed(layer: &str) -> &'static [&'static str] {
    const LEAVES: [&str; 4] = ["value", "key", "hash", "compat"];
    match layer {
        "php" => &["session", "pool", "value", "key", "hash", "compat"],
        "session" => &["pool", "value", "key", "hash", "compat"],
        "pool" => &["net", "protocol", "value", "key", "hash", "compat"],
        "net" => &["protocol", "value", "key", "hash", "compat"],
        "protocol" => &LEAVES,
        // The leaves use each other (value writes numbers with compat, hashes with hash).
        "value" | "key" | "hash" | "compat" => &LEAVES,
        _ => &[
            "php", "session", "pool", "net", "protocol", "value", "key", "hash", "compat",
        ],
    }
}

#[test]
fn layers_import_downwards_only_and_php_and_session_speak_the_pools_vocabulary() {
    let mut wrong = Vec::new();
    for (module, targets) in imports() {
        for target in targets {
            let (from, to) = (layer(&module), layer(&target));
            if from != to && !allowed(from).contains(&to) {
                wrong.push(format!("{module} -> {target}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers: {wrong:?}");
}

#[test]
fn no_two_files_import_each_other_around_a_circle() {
    let graph = imports();
    // Depth-first search; a module met again while it is on the path closes a circle.
    fn visit(
        module: &str,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
        circles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut circle = path[at..].to_vec();
            circle.push(module.to_string());
            circles.push(circle.join(" -> "));
            return;
        }
        if done.contains(module) {
            return;
        }
        path.push(module.to_string());
        for target in graph.get(module).into_iter().flatten() {
            visit(target, graph, path, done, circles);
        }
        path.pop();
        done.insert(module.to_string());
    }
    let (mut done, mut circles) = (BTreeSet::new(), Vec::new());
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(circles.is_empty(), "import circles: {circles:?}");
}

#[test]
fn the_reader_sees_the_imports_it_checks() {
    // A check that reads nothing passes for nothing: a few imports this test must find.
    let graph = imports();
    let has = |from: &str, to: &str| graph.get(from).is_some_and(|t| t.contains(to));
    assert!(has("pool/server_pool", "pool/ring"), "{graph:?}");
    assert!(has("pool/server", "net/connection"), "{graph:?}");
    assert!(has("php/servers", "pool/server_config"), "{graph:?}");
    assert!(has("session/store", "pool/request"), "{graph:?}");
    assert!(has("php/classes", "php/api"), "{graph:?}");
}
