package io.liveload.core.liveview;

/**
 * A full page load the VU thread must still do, because it needs a blocking HTTP request: a server redirect,
 * the reload after a stale join, a live navigation to another origin.
 *
 * @param url         the absolute URL to load
 * @param flash       a flash token to pass in the {@code __phoenix_flash__} cookie, or null
 * @param reloadToken the token of a {@code reload} join error for the {@code __phoenix_reload_status__} cookie,
 *                    or null
 * @param reason      why the page loads, for logs
 */
record PendingLoad(String url, String flash, String reloadToken, String reason) {
}
