package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveload.core.phoenix.Channel;
import io.liveload.core.phoenix.Push;
import io.liveload.core.phoenix.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the server about the components a diff removed from a view, as the official client does, so that the
 * server frees them as it would for a browser: first {@code cids_will_destroy}, then, for the components still
 * unused when that reply came, {@code cids_destroyed}, whose reply lists the components to drop from the view's
 * component map. Finds unused components by walking the view's tree, without rendering.
 *
 * <p>Threading: runs with the owning tab's lock held, like {@link PageView}; the reply handlers take it.
 */
final class ComponentCleanup {

    private final PageView view;
    /** Components reported and not confirmed yet, so that later diffs do not report them again. */
    private final Set<Integer> pending = new HashSet<>(4);

    ComponentCleanup(PageView view) {
        this.view = view;
    }

    /** Forgets reports in flight; a join starts from a fresh component map. */
    void reset() {
        pending.clear();
    }

    /** Reports the components the view's last merged diff left unused. */
    void afterMerge() {
        Set<Integer> known = view.state.componentIds();
        if (known.isEmpty() || !view.joined) {
            return;
        }
        Set<Integer> inUse = view.state.componentsInUse();
        List<Integer> unused = new ArrayList<>();
        for (Integer cid : known) {
            if (!inUse.contains(cid) && !pending.contains(cid)) {
                unused.add(cid);
            }
        }
        if (unused.isEmpty()) {
            return;
        }
        pending.addAll(unused);
        Channel sentOn = view.channel;
        Push push = sentOn.push("cids_will_destroy", payload(unused), timeout());
        push.reply().thenAccept(reply -> willDestroyReplied(sentOn, unused, reply));
    }

    private void willDestroyReplied(Channel sentOn, List<Integer> cids, Reply reply) {
        view.page.owner.lock();
        try {
            if (sentOn != view.channel || view.finished || view.state == null) {
                return;
            }
            if (!reply.isOk()) {
                cids.forEach(pending::remove);
                return;
            }
            Set<Integer> inUse = view.state.componentsInUse();
            List<Integer> stillUnused = new ArrayList<>();
            for (Integer cid : cids) {
                if (inUse.contains(cid)) {
                    pending.remove(cid);
                } else {
                    stillUnused.add(cid);
                }
            }
            view.frameHandled("phx_reply");
            if (stillUnused.isEmpty()) {
                return;
            }
            Push push = sentOn.push("cids_destroyed", payload(stillUnused), timeout());
            push.reply().thenAccept(destroyed -> destroyedReplied(sentOn, stillUnused, destroyed));
        } finally {
            view.page.owner.unlock();
        }
    }

    private void destroyedReplied(Channel sentOn, List<Integer> cids, Reply reply) {
        view.page.owner.lock();
        try {
            if (sentOn != view.channel || view.finished || view.state == null) {
                return;
            }
            cids.forEach(pending::remove);
            if (reply.isOk()) {
                List<Integer> deleted = new ArrayList<>();
                reply.response().path("cids").forEach(cid -> deleted.add(cid.asInt()));
                view.state.removeComponents(deleted);
                view.frameHandled("phx_reply");
            }
        } finally {
            view.page.owner.unlock();
        }
    }

    private Duration timeout() {
        return Duration.ofNanos(view.page.owner.settings().eventTimeoutNanos());
    }

    private static ObjectNode payload(List<Integer> cids) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ArrayNode list = payload.putArray("cids");
        cids.forEach(list::add);
        return payload;
    }
}
