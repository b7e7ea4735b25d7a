<?php
// FPM harness check (350): which worker answers, with which SAPI and extension, whether the
// query string arrives and whether warnings appear in the body. ?sleep_ms= keeps the worker
// busy, so that concurrent requests have to spread over both workers.
usleep(1000 * min(2000, (int) ($_GET['sleep_ms'] ?? 0)));
echo 'pid=', getmypid(), "\n";
echo 'sapi=', PHP_SAPI, "\n";
echo 'memcache=', phpversion('memcache'), "\n";
echo 'opcache=', extension_loaded('Zend OPcache') ? 'loaded' : 'not loaded', "\n";
echo 'query=', json_encode($_GET), "\n";
if (isset($_GET['warn'])) {
    trigger_error('warning ' . $_GET['warn'], E_USER_WARNING);
}
