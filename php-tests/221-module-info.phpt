--TEST--
Module info (php --ri memcache, phpinfo()): the section opens with "memcache support => enabled" and "Version => 8.2.0" (phpversion('memcache')), then the directive table lists every memcache.* INI entry; php --ri prints the same opening lines; the C extension's section opens with the same support line
--DESCRIPTION--
ReflectionExtension::info() runs the module's info function (what phpinfo() and
`php --ri memcache` print) into the output buffer; in the CLI the tables are plain text,
"name => value" per row. The opening lines are compared exactly; the server health line and
the directive values are covered by 362 and 225. `php --ri memcache` is run in a separate
php -n with only the extension under test. The C extension prints its own version
(Debian: 4.0.5.2) and a Revision row, so only its support line is compared.
--FILE--
<?php
include __DIR__ . '/connect.inc';

ob_start();
(new ReflectionExtension('memcache'))->info();
$info = ob_get_clean();
$lines = explode("\n", $info);
echo "-- first lines of info() --\n";
echo implode("\n", array_slice($lines, 0, 5)), "\n";
echo "-- checks --\n";
var_dump(in_array('Version => ' . phpversion('memcache'), $lines, true));
var_dump(in_array('Directive => Local Value => Master Value', $lines, true));
$missing = [];
foreach (array_keys(ini_get_all('memcache')) as $name) {
    if (!preg_grep('/^' . preg_quote($name, '/') . ' => .* => /', $lines)) {
        $missing[] = $name;
    }
}
echo 'directives without a row: ', $missing ? implode(', ', $missing) : 'none', "\n";

echo "-- php --ri memcache --\n";
$ri = (string) shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg(test_extension_so())
    . ' -d ' . escapeshellarg('memcache.shared_health_file=' . ini_get('memcache.shared_health_file'))
    . ' --ri memcache 2>&1');
var_dump(array_slice(explode("\n", $ri), 0, 5) === array_slice($lines, 0, 5));

echo "-- C extension --\n";
$c = run_with_c_extension('ob_start(); (new ReflectionExtension("memcache"))->info(); '
    . 'echo explode("\n", ob_get_clean())[3], "\n";');
echo $c;
?>
--EXPECT--
-- first lines of info() --

memcache

memcache support => enabled
Version => 8.2.0
-- checks --
bool(true)
bool(true)
directives without a row: none
-- php --ri memcache --
bool(true)
-- C extension --
memcache support => enabled
