--TEST--
Reflection matches Debian's C extension: classes, methods, parameters (names, optionality, by-ref, types, defaults), functions, constants, INI entries
--DESCRIPTION--
The same dump code runs here (this extension) and in a separate `php -n` that loads Debian's C
extension (run_with_c_extension). It describes, one fact per line ("subject | attribute: value"):
the extension (name, version, dependencies, order of classes, functions, constants and INI
entries), every class (parent, interfaces, modifiers, constructor, constants, properties, method
order), every method and function (declaring class, prototype, static, visibility, abstract,
final, deprecated, parameter count, required count, return by reference, return type, tentative
return type), every parameter (name, optional, by-reference, variadic, type, nullable, default
value), every constant (value and type) and every INI entry (value without php.ini, access).
INI entries set on this process's command line (the harness may pass memcache.protocol) are set
the same way in the C process, so they compare equal (except memcache.protocol=meta, which the C
extension does not have: its process speaks ascii); the others show their built-in defaults.

The two dumps are diffed by subject and attribute. A difference fails the test unless an entry
of the allow-list below matches it; every entry names the row of docs/differences.md that
documents it, and that row must exist. An allow-list entry that matches
nothing also fails the test (it would hide a future regression).
--SKIPIF--
<?php
include __DIR__ . '/connect.inc';
if (!is_file($cExtension)) die("skip C extension $cExtension not installed");
?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

/*
 * Expected differences: [regex matched against a difference line, first cell of the row of docs/differences.md].
 * Difference lines read "SUBJECT | ATTRIBUTE: ours VALUE, C VALUE", "... : only ours VALUE" or
 * "... : only C VALUE".
 */
$allowed = [
    // Debian 12's C extension (PHP 8.2) says 4.0.5.2, Debian 13's (PHP 8.4) 8.2.
    ['/^extension \| version: ours \'8\.2\.0\', C \'(4\.0\.5\.2|8\.2)\'$/', "`phpversion('memcache')`"],
    ['/^INI memcache\.(select_api|session_fail_on_lock_timeout|shared_health|shared_health_file|failure_limit|failover_ttl|failback_flush|max_failed_share|health_log|tls_ca_file|tls_cert_file|tls_key_file|tls_server_name|tls_verify_peer|remember_wait) \| (value|access): only ours /', 'INI'],
    ['/^(method (MemcachePool|Memcache)::setfailbackcallback\(\)|function memcache_set_failback_callback\(\))( #\d)? \| [a-z ]+: only ours /', 'failback callback'],
    ['/^function memcache_server_health\(\) \| [a-z ]+: only ours /', '`memcache_server_health()`'],
    ['/^(method (MemcachePool|Memcache)::(remember|invalidate)\(\)|function memcache_(remember|invalidate)\(\))( #\d)? \| [a-z ]+: only ours /', '`remember()`, `invalidate()`'],
];
// Under meta the C process speaks ascii (it has no meta): the one INI value that then differs.
if (test_protocol() === 'meta') {
    $allowed[] = ['/^INI memcache\.protocol \| value: ours \'meta\' \(as set on the command line\), C \'ascii\' \(as set on the command line\)$/', '`memcache.protocol=meta`'];
}

$dumpCode = <<<'PHP'
/** "yes"/"no". */
function refl_flag(bool $b): string
{
    return $b ? 'yes' : 'no';
}

/** A type as PHP prints it, or "none". */
function refl_type(?ReflectionType $t): string
{
    return $t === null ? 'none' : (string) $t;
}

/** Facts about a function or method ($subject names it), appended to $out. */
function refl_function(array &$out, string $subject, ReflectionFunctionAbstract $f): void
{
    if ($f instanceof ReflectionMethod) {
        $out[] = "$subject | declaring class: " . $f->getDeclaringClass()->getName();
        try {
            $prototype = $f->getPrototype()->getDeclaringClass()->getName();
        } catch (ReflectionException $e) {
            $prototype = 'none';
        }
        $out[] = "$subject | prototype: $prototype";
        $out[] = "$subject | static: " . refl_flag($f->isStatic());
        $out[] = "$subject | visibility: " . ($f->isPublic() ? 'public' : ($f->isProtected() ? 'protected' : 'private'));
        $out[] = "$subject | abstract: " . refl_flag($f->isAbstract());
        $out[] = "$subject | final: " . refl_flag($f->isFinal());
        $out[] = "$subject | constructor: " . refl_flag($f->isConstructor());
    }
    $out[] = "$subject | internal: " . refl_flag($f->isInternal());
    $out[] = "$subject | deprecated: " . refl_flag($f->isDeprecated());
    $out[] = "$subject | parameters: " . $f->getNumberOfParameters();
    $out[] = "$subject | required parameters: " . $f->getNumberOfRequiredParameters();
    $out[] = "$subject | variadic: " . refl_flag($f->isVariadic());
    $out[] = "$subject | returns reference: " . refl_flag($f->returnsReference());
    $out[] = "$subject | return type: " . refl_type($f->getReturnType());
    $out[] = "$subject | tentative return type: " . refl_type($f->getTentativeReturnType());
    $out[] = "$subject | doc comment: " . var_export($f->getDocComment(), true);
    $out[] = "$subject | attributes: " . count($f->getAttributes());
    foreach ($f->getParameters() as $p) {
        $ps = "$subject #" . $p->getPosition();
        $out[] = "$ps | name: $" . $p->getName();
        $out[] = "$ps | optional: " . refl_flag($p->isOptional());
        $out[] = "$ps | by reference: " . refl_flag($p->isPassedByReference());
        $out[] = "$ps | can be passed by value: " . refl_flag($p->canBePassedByValue());
        $out[] = "$ps | variadic: " . refl_flag($p->isVariadic());
        $out[] = "$ps | type: " . refl_type($p->getType());
        $out[] = "$ps | allows null: " . refl_flag($p->allowsNull());
        if ($p->isDefaultValueAvailable()) {
            try {
                $default = var_export($p->getDefaultValue(), true);
            } catch (Throwable $e) {
                $default = get_class($e) . ': ' . $e->getMessage();
            }
            if ($p->isDefaultValueConstant()) {
                $default .= ' (constant ' . $p->getDefaultValueConstantName() . ')';
            }
        } else {
            $default = 'none';
        }
        $out[] = "$ps | default: $default";
    }
}

/** The whole description of the loaded memcache extension, one fact per line. */
function refl_dump(array $iniOverrides): array
{
    foreach ($iniOverrides as $name => $value) {
        ini_set($name, $value);
    }
    $ext = new ReflectionExtension('memcache');
    $out = [];
    $out[] = 'extension | name: ' . $ext->getName();
    $out[] = 'extension | version: ' . var_export($ext->getVersion(), true);
    $out[] = 'extension | persistent: ' . refl_flag($ext->isPersistent());
    $out[] = 'extension | dependencies: ' . json_encode($ext->getDependencies());
    $out[] = 'extension | class order: ' . implode(' ', $ext->getClassNames());
    $out[] = 'extension | function order: ' . implode(' ', array_keys($ext->getFunctions()));
    $out[] = 'extension | constant order: ' . implode(' ', array_keys($ext->getConstants()));
    $out[] = 'extension | INI order: ' . implode(' ', array_keys($ext->getINIEntries()));

    foreach ($ext->getClasses() as $c) {
        $cs = 'class ' . $c->getName();
        $out[] = "$cs | parent: " . ($c->getParentClass() ? $c->getParentClass()->getName() : 'none');
        $out[] = "$cs | interfaces: " . (implode(' ', $c->getInterfaceNames()) ?: 'none');
        $out[] = "$cs | modifiers: " . (implode(' ', Reflection::getModifierNames($c->getModifiers())) ?: 'none');
        $out[] = "$cs | interface: " . refl_flag($c->isInterface());
        $out[] = "$cs | trait: " . refl_flag($c->isTrait());
        $out[] = "$cs | enum: " . refl_flag($c->isEnum());
        $out[] = "$cs | instantiable: " . refl_flag($c->isInstantiable());
        $out[] = "$cs | cloneable: " . refl_flag($c->isCloneable());
        $out[] = "$cs | iterable: " . refl_flag($c->isIterable());
        $out[] = "$cs | constructor: " . ($c->getConstructor() ? $c->getConstructor()->getName() : 'none');
        $out[] = "$cs | constants: " . json_encode($c->getConstants());
        $props = array_map(fn ($p) => ($p->isStatic() ? 'static ' : '') . (string) $p->getType() . ' $' . $p->getName(), $c->getProperties());
        $out[] = "$cs | properties: " . (implode(', ', $props) ?: 'none');
        $out[] = "$cs | doc comment: " . var_export($c->getDocComment(), true);
        $out[] = "$cs | attributes: " . count($c->getAttributes());
        $out[] = "$cs | method order: " . implode(' ', array_map(fn ($m) => $m->getName(), $c->getMethods()));
        foreach ($c->getMethods() as $m) {
            refl_function($out, 'method ' . $c->getName() . '::' . $m->getName() . '()', $m);
        }
    }
    foreach ($ext->getFunctions() as $f) {
        refl_function($out, 'function ' . $f->getName() . '()', $f);
    }
    foreach ($ext->getConstants() as $name => $value) {
        $out[] = "constant $name | value: " . var_export($value, true);
        $out[] = "constant $name | type: " . get_debug_type($value);
    }
    $access = [INI_USER => 'USER', INI_PERDIR => 'PERDIR', INI_SYSTEM => 'SYSTEM', INI_ALL => 'ALL'];
    $details = ini_get_all('memcache', true);
    foreach ($ext->getINIEntries() as $name => $value) {
        $out[] = "INI $name | value: " . var_export($value, true)
            . (array_key_exists($name, $iniOverrides) ? ' (as set on the command line)' : '');
        $out[] = "INI $name | access: " . ($access[$details[$name]['access']] ?? $details[$name]['access']);
    }
    return $out;
}
PHP;
eval($dumpCode);

// INI entries given on this process's command line (-d): the C process gets the same values.
$overrides = [];
foreach (array_keys((new ReflectionExtension('memcache'))->getINIEntries()) as $name) {
    if (($value = get_cfg_var($name)) !== false) {
        $overrides[$name] = $value;
    }
}

$ours = refl_dump($overrides);
$cOverrides = $overrides;
if (isset($cOverrides['memcache.protocol'])) {
    $cOverrides['memcache.protocol'] = c_extension_protocol();
}
$raw = run_with_c_extension($dumpCode . "\necho json_encode(refl_dump(" . var_export($cOverrides, true) . "));");
$theirs = json_decode($raw, true);
if (!is_array($theirs)) {
    echo "C run failed:\n$raw\n";
    exit;
}
// Guard against a vacuous pass: both dumps describe 2 classes, 24 functions (ours 28: the failback
// callback, memcache_remember, memcache_invalidate and memcache_server_health), 6 constants.
foreach (['ours' => $ours, 'C' => $theirs] as $who => $dump) {
    printf("%s: %d lines, %d classes, %d functions, %d constants\n", $who, count($dump),
        count(preg_grep('/^class \S+ \| parent: /', $dump)),
        count(preg_grep('/^function \S+ \| parameters: /', $dump)),
        count(preg_grep('/^constant \S+ \| value: /', $dump)));
}

/** "subject | attribute: value" lines as [subject | attribute => value]. */
function refl_index(array $lines): array
{
    $index = [];
    foreach ($lines as $line) {
        [$key, $value] = explode(': ', $line, 2) + [1 => ''];
        if (isset($index[$key])) {
            echo "duplicate fact: $key\n";
        }
        $index[$key] = $value;
    }
    return $index;
}

$a = refl_index($ours);
$b = refl_index($theirs);
$differences = [];
foreach ($a as $key => $value) {
    if (!array_key_exists($key, $b)) {
        $differences[] = "$key: only ours $value";
    } elseif (str_ends_with($key, ' order')) {
        // Orders are compared over the names both sides have; a name that only one side has
        // is reported by its own facts.
        $x = explode(' ', $value);
        $y = explode(' ', $b[$key]);
        $x = implode(' ', array_intersect($x, $y));
        $y = implode(' ', array_intersect($y, $x === '' ? [] : explode(' ', $x)));
        if ($x !== $y) {
            $differences[] = "$key: ours $x, C $y";
        }
    } elseif ($b[$key] !== $value) {
        $differences[] = "$key: ours $value, C {$b[$key]}";
    }
}
foreach (array_diff_key($b, $a) as $key => $value) {
    $differences[] = "$key: only C $value";
}

// The rows of docs/differences.md the allow-list refers to.
$readme = file_get_contents(dirname(__DIR__) . '/docs/differences.md');
$section = preg_match('/^# Differences from the C extension$(.*?)^## /ms', $readme, $m) ? $m[1] : '';
foreach ($allowed as [$re, $row]) {
    if (!str_contains($section, "\n| $row |")) {
        echo "allow-list entry $re: no row \"$row\" in docs/differences.md\n";
    }
}

$used = array_fill(0, count($allowed), 0);
$unexpected = 0;
foreach ($differences as $line) {
    foreach ($allowed as $i => [$re]) {
        if (preg_match($re, $line)) {
            $used[$i]++;
            continue 2;
        }
    }
    $unexpected++;
    echo "$line\n";
}
foreach ($allowed as $i => [$re]) {
    if ($used[$i] === 0) {
        echo "allow-list entry $re matched nothing\n";
    }
}
echo $unexpected ? "$unexpected unexpected differences\n" : "no unexpected differences\n";
?>
--EXPECTF--
ours: %d lines, 2 classes, 28 functions, 6 constants
C: %d lines, 2 classes, 24 functions, 6 constants
no unexpected differences
