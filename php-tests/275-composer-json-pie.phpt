--TEST--
composer.json (for PIE): `composer validate` passes; its php-ext block names the extension the module registers, its ini priority, NTS only, and a PHP range that holds this PHP; config.m4 builds that extension
--DESCRIPTION--
PIE (`pie install`) reads composer.json's "php-ext" block and builds with phpize, ./configure,
make (config.m4 and Makefile.frag run cargo). `composer validate --strict` must pass; a Composer
older than the php-ext schema (Debian 12's 2.5.5 reports "The property php-ext is not defined")
gets `composer validate --no-check-publish` instead, which must pass with that as its only
remark. Skipped where composer is not installed (scripts/deps.sh host; not in the Debian roots
of scripts/php-env.sh).
--SKIPIF--
<?php
if (trim((string) shell_exec('command -v composer')) === '') {
    die('skip composer is not installed (scripts/deps.sh host)');
}
?>
--FILE--
<?php
include __DIR__ . '/connect.inc';
$repo = dirname(__DIR__);

/** `composer validate ARGS composer.json`: [exit status, output]. */
function composer_validate(string $repo, string $args): array
{
    $home = sys_get_temp_dir() . '/composer-home-' . getmypid();
    exec('cd ' . escapeshellarg($repo) . ' && COMPOSER_HOME=' . escapeshellarg($home)
        . " COMPOSER_ALLOW_SUPERUSER=1 composer validate --no-interaction $args composer.json 2>&1",
        $lines, $status);
    exec('rm -rf ' . escapeshellarg($home));
    return [$status, implode("\n", $lines)];
}

[$status, $output] = composer_validate($repo, '--strict');
if ($status !== 0) {
    // Remarks are the "- ..." lines; an old Composer's only one is the unknown php-ext property.
    preg_match_all('/^- (.*)$/m', $output, $remarks);
    $older = $remarks[1] === ['The property php-ext is not defined and the definition does not allow additional properties'];
    [$status, $output] = $older ? composer_validate($repo, '--no-check-publish') : [$status, $output];
}
echo 'composer validate: ', $status === 0 ? 'ok' : "FAILED ($status)\n$output", "\n";

$json = json_decode(file_get_contents("$repo/composer.json"), true, 512, JSON_THROW_ON_ERROR);
$ext = $json['php-ext'] ?? [];
var_dump($json['type'] === 'php-ext');
var_dump(($ext['extension-name'] ?? null) === (new ReflectionExtension('memcache'))->getName());
preg_match('/^; priority=(\d+)$/m', file_get_contents("$repo/memcache_rs.ini"), $m);
var_dump(($ext['priority'] ?? null) === (int) $m[1]);
var_dump(($ext['support-zts'] ?? null) === false && ($ext['support-nts'] ?? null) === true && !PHP_ZTS);
preg_match('/^>=(\S+) <(\S+)$/', $json['require']['php'], $range);
var_dump(version_compare(PHP_VERSION, $range[1], '>=') && version_compare(PHP_VERSION, $range[2], '<'));
var_dump(str_contains(file_get_contents("$repo/config.m4"), 'PHP_ARG_ENABLE([' . $ext['extension-name'] . '],'));
?>
--EXPECT--
composer validate: ok
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
