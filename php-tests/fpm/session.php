<?php
// One request of the session tests (4xx-fpm-*): the memcache session handler on save path
// ?path, with ?ini[name]=value settings (session.* and memcache.*) applied first.
//   ?id=         session_id() before session_start (else the cookie, or a new id)
//   ?delay_ms=   sleep before session_start
//   ?read_and_close=1   session_start(['read_and_close' => true])
//   ?incr=1      $_SESSION['n']++ ;  ?set[k]=v  $_SESSION[k] = v
//   ?end=        close (session_write_close), abort (session_abort), destroy, or nothing:
//                the session is written when the request ends
//   ?close_after_ms=  sleep, then session_write_close() (after ?end=, if any)
//   ?hold_ms=    sleep after that, before the request ends
// Prints one JSON line last: started, id, the session as read, timestamps (microtime) of the
// request's start, of session_start's return, of the session_write_close() of ?end=close or
// ?close_after_ms (null if none) and of the end of the script.
error_reporting(E_ALL & ~E_DEPRECATED); // as the phpt tests: the C extension creates dynamic properties
$began = microtime(true);
ini_set('session.save_handler', 'memcache');
ini_set('session.cache_limiter', '');
foreach ($_GET['ini'] ?? [] as $name => $value) {
    ini_set($name, $value);
}
session_save_path($_GET['path']);
if (isset($_GET['id'])) {
    session_id($_GET['id']);
}
usleep(1000 * min(3000, (int) ($_GET['delay_ms'] ?? 0)));
$asked = microtime(true);
$started = session_start(!empty($_GET['read_and_close']) ? ['read_and_close' => true] : []);
$startedAt = microtime(true);
$read = $_SESSION ?? null;
if (!empty($_GET['incr'])) {
    $_SESSION['n'] = ($_SESSION['n'] ?? 0) + 1;
}
foreach ($_GET['set'] ?? [] as $name => $value) {
    $_SESSION[$name] = $value;
}
$closedAt = null;
switch ($_GET['end'] ?? '') {
    case 'close':
        session_write_close();
        $closedAt = microtime(true);
        break;
    case 'abort':
        session_abort();
        break;
    case 'destroy':
        session_destroy();
        break;
}
if (isset($_GET['close_after_ms'])) {
    usleep(1000 * min(3000, (int) $_GET['close_after_ms']));
    session_write_close();
    $closedAt = microtime(true);
}
usleep(1000 * min(3000, (int) ($_GET['hold_ms'] ?? 0)));
echo json_encode([
    'started' => $started,
    'id' => session_id(),
    'session' => $read,
    'n' => $_SESSION['n'] ?? null,
    'pid' => getmypid(),
    'began' => $began,
    'asked' => $asked,
    'started_at' => $startedAt,
    'closed' => $closedAt,
    'ended' => microtime(true),
]), "\n";
