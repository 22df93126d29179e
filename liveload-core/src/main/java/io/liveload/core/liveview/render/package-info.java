/**
 * The internal rendering engine of the LiveView client: it merges join replies and diffs into the
 * rendered tree of each view and renders the view's HTML on demand, as the official JavaScript
 * client shows it.
 *
 * <p>Only what the LiveView client needs is public: {@link io.liveload.core.liveview.render.ViewState}
 * (one joined view), its {@link io.liveload.core.liveview.render.MergeResult}, the
 * {@link io.liveload.core.liveview.render.PageComposer} that nests child views into their parents'
 * containers, and {@link io.liveload.core.liveview.render.RenderException} for malformed diffs.
 * Everything else in this package is package-private. Nothing here opens a connection.
 */
package io.liveload.core.liveview.render;
