--TEST--
A build of this extension for another PHP (modules/php<other version>/memcache.so, as make build PHP_VERSION=... leaves it) is refused by this PHP with its own "Module compiled with module API" error: not loaded, no crash
--DESCRIPTION--
PHP checks the module API number of an extension against its own before it calls anything in
it. This test loads the other version's build into a `php -n` of this PHP and expects PHP's own
startup warning, the extension not loaded and the process ending normally. It skips when no
other version has been built in this work tree (CI builds 8.2 on the host, then 8.4 in the
Debian 13 root, so the 8.4 run sees the 8.2 build).
--SKIPIF--
<?php
$mine = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
$other = array_filter(glob(dirname(__DIR__) . '/modules/php*/memcache.so'),
    fn ($so) => basename(dirname($so)) !== "php$mine");
if (!$other) die("skip no build for a PHP other than $mine in modules/ (make build PHP_VERSION=8.x makes one)");
?>
--FILE--
<?php
include __DIR__ . '/connect.inc';

$mine = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
$other = array_values(array_filter(glob(dirname(__DIR__) . '/modules/php*/memcache.so'),
    fn ($so) => basename(dirname($so)) !== "php$mine"))[0];
ob_start();
phpinfo(INFO_GENERAL);
$api = preg_match('/^PHP Extension => (\d+)$/m', ob_get_clean(), $m) ? $m[1] : 'not found';

echo 'loading ', basename(dirname($other)), "/memcache.so into PHP $mine\n";
$cmd = escapeshellarg(PHP_BINARY) . ' -n -d display_startup_errors=1 -d error_reporting=-1 -d extension='
    . escapeshellarg($other) . ' -r ' . escapeshellarg('var_dump(extension_loaded("memcache"));') . ' 2>&1';
exec($cmd, $lines, $status);
echo implode("\n", $lines), "\n";
echo "exit status $status\n";
preg_match('/Module compiled with module API=(\d+)\s+PHP\s+compiled with module API=(\d+)/', implode("\n", $lines), $m);
echo 'the build\'s module API differs from this PHP\'s: ', var_export(isset($m[1]) && $m[1] !== $api, true), "\n";
echo 'PHP names its own module API: ', var_export(($m[2] ?? '') === $api, true), "\n";
?>
--EXPECTF--
loading php%d.%d/memcache.so into PHP %d.%d

Warning: PHP Startup: memcache: Unable to initialize module
Module compiled with module API=%d
PHP    compiled with module API=%d
These options need to match
 in Unknown on line 0
bool(false)
exit status 0
the build's module API differs from this PHP's: true
PHP names its own module API: true
