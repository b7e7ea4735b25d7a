//! What an entry of the PHP API table ([`super::api`]) is, and how a call of it runs.
//!
//! The C extension writes each command once (`PHP_FUNCTION(memcache_get)`) and makes it both
//! the function and, by an alias, the method: the object comes from `$this` or from the first
//! argument. The [`commands!`] macro does the same from one declaration per command: its PHP
//! names, its parameters (the C extension's declared type of each, and how it is parsed), its
//! return type and its operation. From it come
//!
//! - a [`Command`]: the data [`super::classes`] registers the method, the function and their
//!   arginfo from;
//! - two `extern "C"` handlers (method and function) that share [`dispatch`]: it checks the
//!   argument count, finds the object (`$this`, the first argument with PHP's `TypeError` for
//!   a wrong one, or a new `Memcache` for `memcache_connect`), parses each parameter in order
//!   with PHP's coercion (numbering arguments as PHP does: the object of a function is #1) and
//!   runs the operation with no argument vector, no allocation and no `setjmp`; a panic becomes
//!   PHP's `Error`, as in ext-php-rs' own handlers. [`dispatch`] is compiled for each command
//!   and way of calling it ([`Entry`]), so that the table entry and the body are constants in
//!   each handler's code.

use std::marker::PhantomData;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ext_php_rs::boxed::ZBox;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::{ce, ExecuteData};

use crate::php::arginfo::PhpType;
use crate::php::args::{self, ArgError};
use crate::php::class::Class;
use crate::php::pool_object::PoolObject;

/// A handler as the engine calls it (`zif_*`).
pub type Handler = extern "C" fn(&mut ExecuteData, &mut Zval);

/// The operation of a command, after its parameters were parsed: a PHP value, or `Err` while
/// an exception is pending (the engine throws it; the return value is discarded).
pub type OpResult = Result<Zval, ArgError>;

/// A command as its handlers see it: its table entry and its generated body, as one type per
/// command, so that [`dispatch`] is compiled for each with both known.
pub trait Entry {
    /// The table entry.
    const COMMAND: &'static Command;

    /// Parses the parameters from `args`, then runs the operation on `target`'s object.
    fn run<'f>(args: &mut Args<'f>, target: &mut Target<'f>) -> OpResult;
}

/// One command of the PHP API: a method, a `memcache_*` function, or both.
pub struct Command {
    /// Its PHP names and how the function finds its object.
    pub php: Declaration,
    /// Its parameters, after the object for a function.
    pub params: &'static [Param],
    /// How many leading parameters must be passed, and how many may be: the argument count
    /// rule without the object of a function, counted once when the table is built.
    pub counts: ArgCounts,
    /// The C extension's declared return type.
    pub returns: PhpType,
    /// The handler registered for the method.
    pub method_handler: Handler,
    /// The handler registered for the function.
    pub function_handler: Handler,
}

/// The names a command is registered under, written in its table entry.
#[derive(Clone, Copy)]
pub struct Declaration {
    /// The method, if the command is one.
    pub method: Option<Method>,
    /// The `memcache_*` function, if the command is one.
    pub function: Option<Function>,
    /// `false` for a command that parses no arguments at all (`memcache_debug`): any number is
    /// accepted, whatever the declared parameters say.
    pub parses_arguments: bool,
}

impl Declaration {
    /// Neither method nor function; a table entry names at least one.
    pub const NONE: Declaration = Declaration {
        method: None,
        function: None,
        parses_arguments: true,
    };
}

/// A method: its class and its name as registered (the C extension registers them in lowercase
/// except `setSaslAuthData`).
#[derive(Clone, Copy)]
pub struct Method {
    /// The declaring class.
    pub class: Class,
    /// The registered name.
    pub name: &'static str,
    /// `getVersion()` and `close()` ignore extra arguments, as the C methods do (the functions
    /// refuse them).
    pub ignores_extra_args: bool,
}

/// A `memcache_*` function.
#[derive(Clone, Copy)]
pub struct Function {
    /// The registered name.
    pub name: &'static str,
    /// Where the object comes from.
    pub object: Object,
    /// The C extension declares the parameters after the object without types
    /// (`memcache_get`, `memcache_delete`), unlike the method's.
    pub untyped: bool,
}

/// Where a function's object comes from.
#[derive(Clone, Copy)]
pub enum Object {
    /// The first argument, declared `MemcachePool $memcache`, which must be an instance of the
    /// class (else PHP's `TypeError` naming it).
    Argument(Class),
    /// A new object of the class; the function returns it when the operation returned `true`
    /// (`memcache_connect`).
    New(Class),
    /// No object.
    None,
}

/// The method `name` of `MemcachePool`.
pub const fn pool_method(name: &'static str) -> Option<Method> {
    Some(Method {
        class: Class::MemcachePool,
        name,
        ignores_extra_args: false,
    })
}

/// The method `name` of `MemcachePool`, ignoring extra arguments.
pub const fn pool_method_ignoring_extra_args(name: &'static str) -> Option<Method> {
    Some(Method {
        class: Class::MemcachePool,
        name,
        ignores_extra_args: true,
    })
}

/// The method `name` that `Memcache` declares itself.
pub const fn memcache_method(name: &'static str) -> Option<Method> {
    Some(Method {
        class: Class::Memcache,
        name,
        ignores_extra_args: false,
    })
}

/// The function `name`, on a `MemcachePool` passed first.
pub const fn pool_function(name: &'static str) -> Option<Function> {
    Some(Function {
        name,
        object: Object::Argument(Class::MemcachePool),
        untyped: false,
    })
}

/// The function `name`, on a `MemcachePool` passed first, its other parameters untyped.
pub const fn untyped_function(name: &'static str) -> Option<Function> {
    Some(Function {
        name,
        object: Object::Argument(Class::MemcachePool),
        untyped: true,
    })
}

/// The function `name`, on a `Memcache` passed first.
pub const fn memcache_function(name: &'static str) -> Option<Function> {
    Some(Function {
        name,
        object: Object::Argument(Class::Memcache),
        untyped: false,
    })
}

/// The function `name`, which creates a `Memcache` and returns it on success.
pub const fn creating_function(name: &'static str) -> Option<Function> {
    Some(Function {
        name,
        object: Object::New(Class::Memcache),
        untyped: false,
    })
}

/// The function `name`, without an object.
pub const fn plain_function(name: &'static str) -> Option<Function> {
    Some(Function {
        name,
        object: Object::None,
        untyped: false,
    })
}

/// The argument count rule of a command's parameters (see [`Role`]).
#[derive(Clone, Copy)]
pub struct ArgCounts {
    /// The parameters before the first optional one.
    pub required: u32,
    /// The parameters before the first refused one.
    pub accepted: u32,
}

impl ArgCounts {
    /// The rule of `params`.
    pub const fn of(params: &[Param]) -> ArgCounts {
        let mut required = 0;
        while required < params.len() && !params[required].optional() {
            required += 1;
        }
        let mut accepted = 0;
        while accepted < params.len() && !matches!(params[accepted].role, Role::Refused) {
            accepted += 1;
        }
        ArgCounts {
            required: required as u32,
            accepted: accepted as u32,
        }
    }
}

/// One declared parameter.
pub struct Param {
    /// Its name as written in the table (a raw identifier such as `r#type` keeps its `r#`).
    pub ident: &'static str,
    /// The C extension's declared type.
    pub declared: PhpType,
    /// Required, optional, refused or ignored.
    pub role: Role,
    /// Passed by reference.
    pub by_ref: bool,
}

impl Param {
    /// The parameter `ident` parsed as `K` and declared as `declared`.
    pub const fn of<K: Kind>(ident: &'static str, declared: PhpType) -> Param {
        Param {
            ident,
            declared,
            role: K::ROLE,
            by_ref: K::BY_REF,
        }
    }

    /// The PHP name (named arguments, Reflection, error messages).
    pub fn name(&self) -> &'static str {
        self.ident.strip_prefix("r#").unwrap_or(self.ident)
    }

    /// Whether a caller may leave it out.
    pub const fn optional(&self) -> bool {
        !matches!(self.role, Role::Required | Role::Ignored)
    }
}

/// What the argument count rule makes of a parameter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Must be passed.
    Required,
    /// May be left out.
    Optional,
    /// Declared (optional) but refused: the C parser takes fewer arguments than the declared
    /// parameters, and passing this one is PHP's `ArgumentCountError` ("expects at most").
    Refused,
    /// Declared (required) but never parsed: only with [`Declaration::parses_arguments`] off.
    Ignored,
}

/// How a parameter is parsed: the Rust value its argument becomes. `Option<K>` is the optional
/// form (`None` when the caller left it out).
pub trait Kind {
    /// The parsed value, borrowing from the call frame.
    type Value<'f>;
    /// Its role in the argument count.
    const ROLE: Role = Role::Required;
    /// Passed by reference.
    const BY_REF: bool = false;

    /// Parses the next argument.
    ///
    /// # Errors
    /// [`ArgError`] with an exception pending (PHP's `TypeError`, or a deprecation an error
    /// handler turned into an exception).
    fn read<'f>(args: &mut Args<'f>) -> Result<Self::Value<'f>, ArgError>;
}

/// `int`, with PHP's coercion (`Z_PARAM_LONG`).
pub struct Long;
/// `?int`: `None` for `null` (`Z_PARAM_LONG_OR_NULL`).
pub struct LongOrNull;
/// `float` (`Z_PARAM_DOUBLE`).
pub struct Double;
/// `bool` (`Z_PARAM_BOOL`).
pub struct Bool;
/// A binary-safe `string` (`Z_PARAM_STR`).
pub struct Bytes;
/// Any value, as passed (`Z_PARAM_ZVAL`): keys, values, callbacks.
pub struct Value;
/// A value PHP can call (`Z_PARAM_FUNC`), else PHP's `TypeError`.
pub struct Callable;
/// A by-reference parameter: the caller's variable, to write to.
pub struct Ref;
/// A declared parameter the C extension refuses (see [`Role::Refused`]); only as `Option`.
pub struct Refused;
/// A declared parameter that is never parsed (see [`Role::Ignored`]).
pub struct Ignored;

/// A required argument (present: the count was checked).
#[inline(always)]
fn required<'f>(args: &mut Args<'f>) -> Result<(&'f mut Zval, u32), ArgError> {
    args.next().ok_or_else(|| args.count_error())
}

/// The kinds read by one of [`args`]' coercions.
macro_rules! coerced {
    ($($kind:ident: $value:ty = $coerce:path;)*) => {$(
        impl Kind for $kind {
            type Value<'f> = $value;
            #[inline(always)]
            fn read<'f>(args: &mut Args<'f>) -> Result<Self::Value<'f>, ArgError> {
                let (zval, number) = required(args)?;
                $coerce(zval, number)
            }
        }
    )*};
}

coerced! {
    Long: i64 = args::long;
    Double: f64 = args::double;
    Bool: bool = args::bool_;
    Bytes: &'f [u8] = args::bytes;
}

impl Kind for LongOrNull {
    type Value<'f> = Option<i64>;
    #[inline(always)]
    fn read<'f>(args: &mut Args<'f>) -> Result<Option<i64>, ArgError> {
        let (zval, number) = required(args)?;
        if zval.is_null() {
            return Ok(None);
        }
        args::long(zval, number).map(Some)
    }
}

impl Kind for Value {
    type Value<'f> = &'f Zval;
    #[inline(always)]
    fn read<'f>(args: &mut Args<'f>) -> Result<&'f Zval, ArgError> {
        required(args).map(|(zval, _)| &*zval)
    }
}

impl Kind for Callable {
    type Value<'f> = &'f Zval;
    fn read<'f>(args: &mut Args<'f>) -> Result<&'f Zval, ArgError> {
        let (zval, number) = required(args)?;
        args::callable(zval, number)
    }
}

impl Kind for Ref {
    type Value<'f> = &'f mut Zval;
    const BY_REF: bool = true;
    #[inline(always)]
    fn read<'f>(args: &mut Args<'f>) -> Result<&'f mut Zval, ArgError> {
        required(args).map(|(zval, _)| zval.dereference_mut())
    }
}

impl Kind for Refused {
    type Value<'f> = ();
    const ROLE: Role = Role::Refused;
    fn read(args: &mut Args<'_>) -> Result<(), ArgError> {
        // The count check stops before the first refused parameter.
        Err(args.count_error())
    }
}

impl Kind for Ignored {
    type Value<'f> = ();
    const ROLE: Role = Role::Ignored;
    fn read(_args: &mut Args<'_>) -> Result<(), ArgError> {
        Ok(())
    }
}

impl<K: Kind> Kind for Option<K> {
    type Value<'f> = Option<K::Value<'f>>;
    const ROLE: Role = match K::ROLE {
        Role::Required => Role::Optional,
        role => role,
    };
    const BY_REF: bool = K::BY_REF;
    #[inline(always)]
    fn read<'f>(args: &mut Args<'f>) -> Result<Self::Value<'f>, ArgError> {
        if args.next_is_missing() {
            args.skip();
            return Ok(None);
        }
        K::read(args).map(Some)
    }
}

/// The arguments of a running call, handed out in order, each once.
pub struct Args<'f> {
    frame: &'f ExecuteData,
    /// Slot of the next parameter (0 is argument #1).
    next: u32,
    /// Arguments passed.
    count: u32,
    /// The count rule, for the engine's message.
    min: u32,
    max: u32,
    /// Each slot is lent out once, mutably.
    _slots: PhantomData<&'f mut Zval>,
}

impl<'f> Args<'f> {
    /// The next argument and its PHP number, or `None` if the caller passed fewer.
    #[inline(always)]
    fn next(&mut self) -> Option<(&'f mut Zval, u32)> {
        let slot = self.next;
        self.next += 1;
        if slot >= self.count {
            return None;
        }
        // SAFETY: `slot` is below the number of arguments of this running call, and each slot
        // is lent out at most once (`next` only grows).
        let zval = unsafe { &mut *call_arg(self.frame, slot) };
        Some((zval, slot + 1))
    }

    fn next_is_missing(&self) -> bool {
        self.next >= self.count
    }

    fn skip(&mut self) {
        self.next += 1;
    }

    /// PHP's `ArgumentCountError` for this call.
    fn count_error(&self) -> ArgError {
        args::wrong_argument_count(self.min, self.max)
    }
}

/// The object a call runs on.
pub enum Target<'f> {
    /// `$this`, or the object passed first.
    Object(PoolObject<'f>),
    /// A new object of the class, created when the operation asks for it.
    New(Class, Option<ZBox<ZendObject>>),
    /// None (`memcache_debug`).
    None,
}

impl Target<'_> {
    /// The object, created on first use for [`Target::New`]; `None` without one.
    pub fn object(&mut self) -> Option<PoolObject<'_>> {
        match self {
            Target::Object(object) => Some(*object),
            Target::New(class, created) => {
                let class = class.entry()?;
                let object = created.get_or_insert_with(|| ZendObject::new(class));
                Some(PoolObject(object))
            }
            Target::None => None,
        }
    }
}

/// A command's body names an object the call does not have: a mistake in the table, reported
/// as PHP's `Error`.
pub fn no_object() -> ArgError {
    PhpException::new("memcache: this call has no object".into(), 0, ce::error()).throw();
    ArgError
}

/// The results an operation may give, as a PHP value.
pub trait IntoReply {
    /// The PHP value, or `Err` while an exception is pending.
    fn into_reply(self) -> OpResult;
}

impl IntoReply for Zval {
    fn into_reply(self) -> OpResult {
        Ok(self)
    }
}

impl IntoReply for bool {
    fn into_reply(self) -> OpResult {
        Ok(crate::php::convert::bool_zval(self))
    }
}

impl<T: IntoReply> IntoReply for Result<T, ArgError> {
    fn into_reply(self) -> OpResult {
        self.and_then(IntoReply::into_reply)
    }
}

/// The body of every handler: runs `E`'s body, called as the method if `METHOD` (else as the
/// function), and stores its value in `retval` (left `null` while an exception is pending). A
/// panic becomes PHP's `Error` (`Rust panic: ...`), as in ext-php-rs' own handlers; it never
/// crosses into the engine.
///
/// Inlined into each handler, and generic over the command and the way it was called: the
/// closure `catch_unwind` runs is a type of its own for each handler and holds only the frame,
/// so the argument count rule and the object's source are settled when the extension is
/// compiled, and the body is a direct call.
#[inline(always)]
pub fn dispatch<E: Entry, const METHOD: bool>(frame: &mut ExecuteData, retval: &mut Zval) {
    match catch_unwind(AssertUnwindSafe(|| call::<E, METHOD>(frame))) {
        // SAFETY: the engine hands an internal function a return value set to null
        // (`ZVAL_NULL` before every call of a handler), so there is nothing to release, as
        // the C extension's `RETURN_*` macros assume; `value` is moved into it.
        Ok(Ok(value)) => unsafe { std::ptr::write(retval, value) },
        Ok(Err(ArgError)) => {}
        Err(payload) => panicked(&*payload),
    }
}

/// Throws PHP's `Error` for a panic of a command's body.
#[cold]
#[inline(never)]
fn panicked(payload: &(dyn std::any::Any + Send)) {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    PhpException::new(format!("Rust panic: {message}"), 0, ce::error()).throw();
}

/// Where argument `slot` (0 is argument #1) of a running call is: `ZEND_CALL_ARG`, without the
/// checked conversions of ext-php-rs' version on each argument of each call. Valid to
/// dereference when `slot` is below the number of arguments of the call `frame` runs.
#[inline(always)]
fn call_arg(frame: &ExecuteData, slot: u32) -> *mut Zval {
    /// `ZEND_CALL_FRAME_SLOT`: the zvals the frame's header takes before the arguments.
    const FRAME_SLOT: usize = std::mem::size_of::<ExecuteData>().div_ceil(16);
    const _: () = assert!(std::mem::size_of::<Zval>() == 16);
    let base = std::ptr::from_ref(frame).cast::<Zval>().cast_mut();
    // The engine lays the arguments out after the header, each a zval (16 bytes, which
    // `FRAME_SLOT` assumes, as ZEND_MM_ALIGNED_SIZE of both sizes does).
    base.wrapping_add(FRAME_SLOT + slot as usize)
}

#[inline(always)]
fn call<E: Entry, const METHOD: bool>(frame: &mut ExecuteData) -> OpResult {
    let command = E::COMMAND;
    let frame: &ExecuteData = frame;
    // SAFETY: every field of the `u2` union of `This` is the same integer: ZEND_CALL_NUM_ARGS.
    let count = unsafe { frame.This.u2.num_args };
    let (object, ignores_extra_args) = if METHOD {
        (
            None,
            command.php.method.is_some_and(|m| m.ignores_extra_args),
        )
    } else {
        (command.php.function.map(|f| f.object), false)
    };
    let leading = u32::from(matches!(object, Some(Object::Argument(_))));
    let (min, max) = (
        leading + command.counts.required,
        leading + command.counts.accepted,
    );
    if command.php.parses_arguments && (count < min || (count > max && !ignores_extra_args)) {
        return Err(args::wrong_argument_count(min, max));
    }
    let mut target = match object {
        None => match frame.This.object() {
            Some(this) => Target::Object(PoolObject(this)),
            None => Target::None,
        },
        Some(Object::Argument(class)) => {
            if count == 0 {
                return Err(args::wrong_argument_count(min, max));
            }
            // SAFETY: slot 0 of a running call with at least one argument.
            let first = unsafe { &*call_arg(frame, 0) };
            Target::Object(class.instance(first)?)
        }
        Some(Object::New(class)) => Target::New(class, None),
        Some(Object::None) => Target::None,
    };
    let mut args = Args {
        frame,
        next: leading,
        count,
        min,
        max,
        _slots: PhantomData,
    };
    let value = E::run(&mut args, &mut target)?;
    match target {
        Target::New(_, Some(created)) if value.bool() == Some(true) => {
            Ok(created.into_zval(false).unwrap_or_default())
        }
        _ => Ok(value),
    }
}

/// Declares the commands of the PHP API, one entry each, and [`COMMANDS`](super::api::COMMANDS),
/// the list of them in registration order (Reflection shows methods and functions in that
/// order). An entry:
///
/// ```ignore
/// /// Doc comment.
/// set(key: Value as KEY, value: Option<Value> as MIXED, flags: Option<Long> as INT) -> BOOL {
///     method: pool_method("set"),
///     function: pool_function("memcache_set"),
/// } => |object| commands::store(object, StoreOp::Set, key, value, flags);
/// ```
///
/// Each parameter is `name: Kind as DECLARED`: how it is parsed (a [`Kind`]; `Option<_>` when
/// it may be left out) and the C extension's declared type. The block sets the fields of the
/// [`Declaration`]. The operation sees the parsed parameters by name and the object (`_` for
/// none); it returns anything [`IntoReply`].
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $( $param:ident : $kind:ty as $declared:ident ),* $(,)? ) -> $returns:ident {
            $( $field:ident : $value:expr ),* $(,)?
        } => |$object:tt| $body:expr;
    )*) => {
        $(
            $(#[doc = $doc])*
            pub mod $name {
                #[allow(unused_imports)]
                use super::*;
                use $crate::php::dispatch::{
                    dispatch, Args, Command, Declaration, Entry, IntoReply, OpResult, Target,
                };

                const PARAMS: &[$crate::php::dispatch::Param] = &[ $(
                    $crate::php::dispatch::Param::of::<$kind>(stringify!($param), $declared)
                ),* ];

                /// The entry.
                pub static COMMAND: Command = Command {
                    php: Declaration { $( $field: $value, )* ..Declaration::NONE },
                    params: PARAMS,
                    counts: $crate::php::dispatch::ArgCounts::of(PARAMS),
                    returns: $returns,
                    method_handler,
                    function_handler,
                };

                /// The command, for its handlers.
                struct ThisCommand;

                impl Entry for ThisCommand {
                    const COMMAND: &'static Command = &COMMAND;

                    #[allow(unused_variables)]
                    fn run<'f>(args: &mut Args<'f>, target: &mut Target<'f>) -> OpResult {
                        $( let $param = <$kind as $crate::php::dispatch::Kind>::read(args)?; )*
                        $crate::php::dispatch::commands!(@object target $object);
                        IntoReply::into_reply($body)
                    }
                }

                extern "C" fn method_handler(
                    frame: &mut ext_php_rs::zend::ExecuteData,
                    retval: &mut ext_php_rs::types::Zval,
                ) {
                    dispatch::<ThisCommand, true>(frame, retval);
                }

                extern "C" fn function_handler(
                    frame: &mut ext_php_rs::zend::ExecuteData,
                    retval: &mut ext_php_rs::types::Zval,
                ) {
                    dispatch::<ThisCommand, false>(frame, retval);
                }
            }
        )*

        /// Every command, in registration order.
        pub static COMMANDS: &[&$crate::php::dispatch::Command] = &[ $( &$name::COMMAND ),* ];
    };
    (@object $target:ident _) => {};
    (@object $target:ident $object:ident) => {
        let Some($object) = $target.object() else {
            return Err($crate::php::dispatch::no_object());
        };
    };
}

pub(crate) use commands;
