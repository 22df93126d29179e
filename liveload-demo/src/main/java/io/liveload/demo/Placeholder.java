package io.liveload.demo; final class Placeholder { org.eclipse.jetty.server.Server s; org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler h; }
