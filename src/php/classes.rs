//! The `MemcachePool` and `Memcache` classes, and the registration of the API table
//! ([`super::api`]): the classes with their methods, the `memcache_*` functions, and the C
//! extension's declared types on both.
//!
//! Both are plain PHP classes with the engine's standard objects: all state lives in the
//! object's properties (the pool in the `connection` resource, the callbacks beside it), so
//! user subclasses work without calling a parent constructor, `clone` copies the properties and
//! shares the pool, and objects serialize, as with the C extension. `Memcache` extends
//! `MemcachePool` with its own `connect`, `pconnect` and `addServer` (persistent third, failure
//! callback last).

use ext_php_rs::args::{Arg, ArgInfoTables};
use ext_php_rs::builders::{ClassBuilder, FunctionBuilder};
use ext_php_rs::flags::{DataType, MethodFlags};
use ext_php_rs::zend::ClassEntry;

use crate::php::api::COMMANDS;
use crate::php::arginfo::{self, Mismatch, PhpType, BOOL, NONE, POOL};
use crate::php::class::Class;
use crate::php::dispatch::{Command, Handler, Object, Param};

/// `ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES` (PHP 8.2): the classes keep their state in dynamic
/// properties (`connection`, `_failureCallback`) without a deprecation, as the C extension.
const ALLOW_DYNAMIC_PROPERTIES: u32 = 1 << 15;

/// A method or function with `params` (after the object, if `object`), declared `mixed` until
/// [`arginfo::declare`] puts the C extension's types in place. A `bool` return is declared
/// `bool` already: `Memcache` overrides `addServer`, and the engine checks the override against
/// the parent's (rewritten) `bool` while it registers the subclass, before its own rewrite.
fn function_builder(
    name: &str,
    handler: Handler,
    object: bool,
    params: &[Param],
    returns: PhpType,
) -> FunctionBuilder<'static> {
    let mut builder = FunctionBuilder::new(name, handler);
    if object {
        builder = builder.arg(Arg::new("memcache", DataType::Mixed));
    }
    for param in params {
        let arg = Arg::new(param.name(), DataType::Mixed);
        builder = builder.arg(if param.by_ref { arg.as_ref() } else { arg });
    }
    let required = usize::from(object) + params.iter().take_while(|p| !p.optional()).count();
    let returns = if returns == BOOL {
        DataType::Bool
    } else {
        DataType::Mixed
    };
    builder
        .required_args(required)
        .returns(returns, false, false)
}

/// Whether a command's function takes its object as first argument.
fn takes_object(object: Object) -> bool {
    matches!(object, Object::Argument(_))
}

/// The declared types of a command's function: the object, then the parameters (untyped for
/// some functions).
fn function_types(command: &Command, object: Object, untyped: bool) -> Vec<PhpType> {
    let object = takes_object(object).then_some(POOL);
    let params = command
        .params
        .iter()
        .map(|p| if untyped { NONE } else { p.declared });
    object.into_iter().chain(params).collect()
}

/// The `memcache_*` functions, in table order, for the module builder.
pub fn functions() -> Vec<FunctionBuilder<'static>> {
    COMMANDS
        .iter()
        .filter_map(|command| {
            let function = command.php.function?;
            Some(function_builder(
                function.name,
                command.function_handler,
                takes_object(function.object),
                command.params,
                command.returns,
            ))
        })
        .collect()
}

/// Why the API could not be registered.
#[derive(Debug)]
pub enum RegisterError {
    /// ext-php-rs refused a class.
    Class(ext_php_rs::error::Error),
    /// A registered method or function does not fit its table entry.
    Arginfo(Mismatch),
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Class(e) => write!(f, "cannot register the classes: {e}"),
            Self::Arginfo(e) => e.fmt(f),
        }
    }
}

impl From<ext_php_rs::error::Error> for RegisterError {
    fn from(e: ext_php_rs::error::Error) -> Self {
        Self::Class(e)
    }
}

impl From<Mismatch> for RegisterError {
    fn from(e: Mismatch) -> Self {
        Self::Arginfo(e)
    }
}

/// Keeps a registered class's entry and its methods' arginfo (borrowed by the engine for the
/// life of the process).
fn registered<const CLASS: usize>(ce: &'static mut ClassEntry, arg_info: ArgInfoTables) {
    ce.ce_flags |= ALLOW_DYNAMIC_PROPERTIES;
    Class::ALL[CLASS].set_entry(ce);
    Box::leak(arg_info);
}

/// `MemcachePool`, the parent of `Memcache` (registered first).
fn pool_entry() -> &'static ClassEntry {
    Class::MemcachePool
        .entry()
        .expect("MemcachePool is registered before Memcache")
}

/// Registers `class` with the methods the table gives it, then their declared types. The
/// parent's types are in place before the subclass copies its methods and checks its own
/// `connect`/`addserver` against them.
fn register_class(class: Class) -> Result<(), RegisterError> {
    let methods = || {
        COMMANDS.iter().filter_map(move |command| {
            let method = command.php.method.filter(|m| m.class == class)?;
            Some((command, method))
        })
    };
    let mut builder = ClassBuilder::new(class.name());
    for (command, method) in methods() {
        let function = function_builder(
            method.name,
            command.method_handler,
            false,
            command.params,
            command.returns,
        );
        builder = builder.method(function, MethodFlags::Public);
    }
    builder = match class {
        Class::MemcachePool => builder.registration(registered::<0>),
        Class::Memcache => builder
            .extends((pool_entry, "MemcachePool"))
            .registration(registered::<1>),
    };
    builder.register()?;
    let entry = class
        .entry()
        .ok_or(ext_php_rs::error::Error::InvalidPointer)?;
    for (command, method) in methods() {
        let registered = arginfo::find(&entry.function_table, &method.name.to_ascii_lowercase())?;
        let types: Vec<PhpType> = command.params.iter().map(|p| p.declared).collect();
        // SAFETY: a method of the class just registered, at module startup.
        unsafe { arginfo::declare(registered, &types, command.returns) }?;
    }
    Ok(())
}

/// Registers both classes (called from module startup) and gives the functions, registered
/// with the module before startup, their declared types.
pub fn register() -> Result<(), RegisterError> {
    register_class(Class::MemcachePool)?;
    register_class(Class::Memcache)?;
    let table = arginfo::global_functions()?;
    for command in COMMANDS {
        let Some(function) = command.php.function else {
            continue;
        };
        let registered = arginfo::find(table, function.name)?;
        let types = function_types(command, function.object, function.untyped);
        // SAFETY: a function of this module, registered before startup.
        unsafe { arginfo::declare(registered, &types, command.returns) }?;
    }
    Ok(())
}
