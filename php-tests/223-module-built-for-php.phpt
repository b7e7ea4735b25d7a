--TEST--
Built for the running PHP: prints PHP_VERSION and the PHP API the extension was built for ("Built for PHP API" of php --ri memcache / phpinfo()), which is this PHP's module API, with this PHP's major.minor and thread safety
--DESCRIPTION--
The row reads "Built for PHP API => <module API> (PHP <version of the headers>, NTS|ZTS)". PHP
compares the module API with its own when it loads an extension (224 shows the refusal); this
test shows that the build under test was made for the PHP running it, under every PHP the suite
runs with (make test, make test PHP_VERSION=8.4). The suite runs on NTS builds of PHP only.
--FILE--
<?php
include __DIR__ . '/connect.inc';

ob_start();
phpinfo(INFO_GENERAL);
// "PHP Extension => N": ZEND_MODULE_API_NO, the number PHP checks when it loads a module.
$api = preg_match('/^PHP Extension => (\d+)$/m', ob_get_clean(), $m) ? $m[1] : 'not found';
ob_start();
(new ReflectionExtension('memcache'))->info();
$row = preg_match('/^Built for PHP API => .*$/m', ob_get_clean(), $m) ? $m[0] : 'no row';
$ri = (string) shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg(test_extension_so())
    . ' --ri memcache 2>&1');

echo 'PHP ', PHP_VERSION, ' (', PHP_ZTS ? 'ZTS' : 'NTS', "), module API $api\n";
echo "$row\n";
var_dump(str_contains($ri, "\n$row\n"));
preg_match('/^Built for PHP API => (\d+) \(PHP (\d+\.\d+)\.\S+, (NTS|ZTS)\)$/', $row, $b);
var_dump(($b[1] ?? '') === $api);
var_dump(($b[2] ?? '') === PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION);
var_dump(($b[3] ?? '') === (PHP_ZTS ? 'ZTS' : 'NTS'));
?>
--EXPECTF--
PHP %d.%d.%d (NTS), module API %d
Built for PHP API => %d (PHP %d.%d.%d, NTS)
bool(true)
bool(true)
bool(true)
bool(true)
