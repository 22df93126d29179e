/**
 * Helpers shared by liveload's protocol clients (websocket, Phoenix Channels, LiveView). Not API: scripts
 * never need these types, and they may change in any release.
 */
package io.liveload.core.internal;
