--TEST--
stubs/memcache.stub.php matches the loaded extension: classes, methods, functions, parameters, declared types, constants
--DESCRIPTION--
A separate `php -n` (no extension: the stub declares the classes itself) includes the stub and
dumps its declarations as JSON; they are compared with Reflection of the loaded extension.
Compared: class names and hierarchy, constructor presence, method names (case-insensitively),
declaring class, static/visibility, parameter count, required count, and for each parameter its
name, optionality, by-reference and variadic flags and its type; return types; function names;
constant names and values. Where the extension declares a type (the C extension's arginfo,
src/php/arginfo.rs), the stub declares exactly that type, so static analysers see what the
engine checks (docblocks may say more, e.g. @return int|false where int|bool is declared);
where the extension declares none (untyped parameters it coerces itself), the stub may name
the type a call accepts. Default values are not compared (the extension's arginfo has none).
Each mismatch is printed on its own line.
--FILE--
<?php
$stub = dirname(__DIR__) . '/stubs/memcache.stub.php';

/** The shape of a function or method, as plain arrays (the same code runs on both sides). */
$shapeCode = <<<'PHP'
function stub_shape(ReflectionFunctionAbstract $f): array
{
    $params = [];
    foreach ($f->getParameters() as $p) {
        $params[] = [
            'name' => $p->getName(),
            'optional' => $p->isOptional(),
            'byref' => $p->isPassedByReference(),
            'variadic' => $p->isVariadic(),
            'type' => (string) $p->getType(),
        ];
    }
    $shape = ['name' => $f->getName(), 'required' => $f->getNumberOfRequiredParameters(), 'params' => $params,
        'return' => (string) $f->getReturnType()];
    if ($f instanceof ReflectionMethod) {
        $shape['class'] = $f->getDeclaringClass()->getName();
        $shape['static'] = $f->isStatic();
        $shape['public'] = $f->isPublic();
    }
    return $shape;
}
function stub_class_shape(ReflectionClass $c): array
{
    $methods = [];
    foreach ($c->getMethods() as $m) {
        $methods[strtolower($m->getName())] = stub_shape($m);
    }
    return [
        'name' => $c->getName(),
        'parent' => $c->getParentClass() ? $c->getParentClass()->getName() : null,
        'constructor' => $c->getConstructor() !== null,
        'final' => $c->isFinal(),
        'abstract' => $c->isAbstract(),
        'interface' => $c->isInterface(),
        'methods' => $methods,
    ];
}
PHP;
eval($shapeCode);

// The stub side, in a process without the extension.
$dumper = $shapeCode . <<<'PHP'

if (class_exists('MemcachePool', false) || function_exists('memcache_get')) {
    echo "the stub process has a memcache extension loaded\n";
    exit(1);
}
$classesBefore = get_declared_classes();
$functionsBefore = get_defined_functions()['user'];
require $argv[1];
$out = ['classes' => [], 'functions' => [], 'constants' => get_defined_constants(true)['user'] ?? []];
foreach (array_diff(get_declared_classes(), $classesBefore) as $c) {
    $out['classes'][$c] = stub_class_shape(new ReflectionClass($c));
}
foreach (array_diff(get_defined_functions()['user'], $functionsBefore) as $f) {
    $r = new ReflectionFunction($f);
    $out['functions'][$r->getName()] = stub_shape($r);
}
echo json_encode($out, JSON_THROW_ON_ERROR);
PHP;

$proc = proc_open(
    [PHP_BINARY, '-n', '-d', 'display_errors=stderr', '-d', 'error_reporting=-1', '-r', $dumper, $stub],
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
    $pipes
);
$json = stream_get_contents($pipes[1]);
$errors = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
$status = proc_close($proc);
$stubShape = json_decode($json, true);
if ($status !== 0 || $errors !== '' || !is_array($stubShape)) {
    echo "stub dump failed (exit $status):\n", $errors, $json, "\n";
    exit;
}

// The extension side.
$ext = new ReflectionExtension('memcache');
$extShape = ['classes' => [], 'functions' => [], 'constants' => $ext->getConstants()];
foreach ($ext->getClasses() as $c) {
    $extShape['classes'][$c->getName()] = stub_class_shape($c);
}
foreach ($ext->getFunctions() as $f) {
    $extShape['functions'][$f->getName()] = stub_shape($f);
}

$mismatches = [];
$flag = fn(bool $b): string => $b ? 'yes' : 'no';

/** Compares the parameter lists of one function or method ($what names it in the output). */
$compareParams = function (string $what, array $s, array $e) use (&$mismatches, $flag): void {
    if (count($s['params']) !== count($e['params'])) {
        $mismatches[] = sprintf('%s: %d parameters in the stub, %d in the extension', $what, count($s['params']), count($e['params']));
    }
    if ($s['required'] !== $e['required']) {
        $mismatches[] = sprintf('%s: %d required parameters in the stub, %d in the extension', $what, $s['required'], $e['required']);
    }
    foreach ($s['params'] as $i => $sp) {
        if (!isset($e['params'][$i])) {
            $mismatches[] = sprintf('%s: parameter #%d $%s is not in the extension', $what, $i, $sp['name']);
            continue;
        }
        $ep = $e['params'][$i];
        if ($sp['name'] !== $ep['name']) {
            $mismatches[] = sprintf('%s: parameter #%d is $%s in the stub, $%s in the extension', $what, $i, $sp['name'], $ep['name']);
        }
        foreach (['optional', 'byref' => 'by-reference', 'variadic'] as $key => $label) {
            $key = is_int($key) ? $label : $key;
            if ($sp[$key] !== $ep[$key]) {
                $mismatches[] = sprintf('%s: parameter #%d $%s %s: stub %s, extension %s', $what, $i, $sp['name'], $label, $flag($sp[$key]), $flag($ep[$key]));
            }
        }
        if ($ep['type'] !== '' && $sp['type'] !== $ep['type']) {
            $mismatches[] = sprintf("%s: parameter #%d $%s is '%s' in the stub, '%s' in the extension", $what, $i, $sp['name'], $sp['type'], $ep['type']);
        }
    }
    if ($e['return'] !== '' && $s['return'] !== $e['return']) {
        $mismatches[] = sprintf("%s: returns '%s' in the stub, '%s' in the extension", $what, $s['return'], $e['return']);
    }
    foreach (array_slice($e['params'], count($s['params']), null, true) as $i => $ep) {
        $mismatches[] = sprintf('%s: parameter #%d $%s is missing from the stub', $what, $i, $ep['name']);
    }
};

// Classes and their methods.
foreach ($stubShape['classes'] as $name => $sc) {
    if (!isset($extShape['classes'][$name])) {
        $mismatches[] = "class $name: in the stub, not in the extension";
        continue;
    }
    $ec = $extShape['classes'][$name];
    foreach (['parent', 'constructor', 'final', 'abstract', 'interface'] as $key) {
        if ($sc[$key] !== $ec[$key]) {
            $mismatches[] = sprintf('class %s: %s is %s in the stub, %s in the extension', $name, $key, var_export($sc[$key], true), var_export($ec[$key], true));
        }
    }
    foreach ($sc['methods'] as $lc => $sm) {
        $what = "$name::{$sm['name']}()";
        if (!isset($ec['methods'][$lc])) {
            $mismatches[] = "$what: in the stub, not in the extension";
            continue;
        }
        $em = $ec['methods'][$lc];
        if (strcasecmp($sm['class'], $em['class']) !== 0) {
            $mismatches[] = sprintf('%s: declared in %s in the stub, in %s in the extension', $what, $sm['class'], $em['class']);
        }
        foreach (['static', 'public'] as $key) {
            if ($sm[$key] !== $em[$key]) {
                $mismatches[] = sprintf('%s: %s: stub %s, extension %s', $what, $key, $flag($sm[$key]), $flag($em[$key]));
            }
        }
        $compareParams($what, $sm, $em);
    }
    foreach (array_diff_key($ec['methods'], $sc['methods']) as $em) {
        $mismatches[] = "$name::{$em['name']}(): in the extension, missing from the stub";
    }
}
foreach (array_diff_key($extShape['classes'], $stubShape['classes']) as $name => $ec) {
    $mismatches[] = "class $name: in the extension, missing from the stub";
}

// Functions (names compared exactly: the stub should spell them as registered).
foreach ($stubShape['functions'] as $name => $sf) {
    if (!isset($extShape['functions'][$name])) {
        $mismatches[] = "function $name(): in the stub, not in the extension";
        continue;
    }
    $compareParams("function $name()", $sf, $extShape['functions'][$name]);
}
foreach (array_diff_key($extShape['functions'], $stubShape['functions']) as $name => $ef) {
    $mismatches[] = "function $name(): in the extension, missing from the stub";
}

// Constants.
foreach ($stubShape['constants'] as $name => $value) {
    if (!array_key_exists($name, $extShape['constants'])) {
        $mismatches[] = "constant $name: in the stub, not in the extension";
    } elseif ($extShape['constants'][$name] !== $value) {
        $mismatches[] = sprintf('constant %s: %s in the stub, %s in the extension', $name, var_export($value, true), var_export($extShape['constants'][$name], true));
    }
}
foreach (array_diff_key($extShape['constants'], $stubShape['constants']) as $name => $value) {
    $mismatches[] = "constant $name: in the extension, missing from the stub";
}

// Guard against a vacuous pass (an empty dump on both sides).
if (count($stubShape['classes']) !== 2 || count($stubShape['functions']) !== 28 || count($stubShape['constants']) !== 6) {
    $mismatches[] = sprintf('stub declares %d classes, %d functions, %d constants (expected 2, 28, 6)',
        count($stubShape['classes']), count($stubShape['functions']), count($stubShape['constants']));
}

echo $mismatches ? implode("\n", $mismatches) : 'OK', "\n";
?>
--EXPECT--
OK
