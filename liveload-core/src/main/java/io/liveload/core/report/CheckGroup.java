package io.liveload.core.report;

import io.liveload.core.metrics.BuiltinMetrics;
import io.liveload.core.metrics.MetricsView;
import io.liveload.core.metrics.RateValue;
import io.liveload.core.metrics.SeriesValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of checks as k6 reports it, with its nested groups. Paths follow k6: the root group's path is empty, a
 * group's path is its parent's path, {@code ::} and its name (the value of the {@code group} tag), and a check's path
 * is its group's path, {@code ::} and the check's name. Ids are the hex MD5 of the path, as k6 computes them.
 *
 * @param name   the group's name, empty for the root group
 * @param path   the group's path
 * @param groups nested groups, in the order their first sample was recorded
 * @param checks the group's checks, in the order their first outcome was recorded
 */
record CheckGroup(String name, String path, List<CheckGroup> groups, List<Check> checks) {

    static final String SEPARATOR = "::";

    CheckGroup {
        groups = List.copyOf(groups);
        checks = List.copyOf(checks);
    }

    /**
     * The outcome counts of one check, merged over every series with its name and group.
     *
     * @param name   the value of the {@code check} tag
     * @param path   the group's path, {@code ::} and the name
     * @param passes outcomes that held
     * @param fails  outcomes that did not hold
     */
    record Check(String name, String path, long passes, long fails) {

        /** Returns the k6 id: the hex MD5 of the path. */
        String id() {
            return md5(path);
        }

        /** Returns passes / (passes + fails), a fraction in [0, 1]; 0 without outcomes. */
        double passRate() {
            long total = passes + fails;
            return total == 0 ? 0 : (double) passes / total;
        }
    }

    /** Returns the k6 id: the hex MD5 of the path. */
    String id() {
        return md5(path);
    }

    /** Returns whether this group and its nested groups have no checks. */
    boolean hasNoChecks() {
        return checks.isEmpty() && groups.stream().allMatch(CheckGroup::hasNoChecks);
    }

    /**
     * Builds the root group from the {@code checks} series (tags {@code check} and {@code group}) and the
     * {@code group} tag of every other series, so groups without checks appear too. Series of {@code checks}
     * without a {@code check} tag are left out.
     */
    static CheckGroup rootOf(MetricsView metrics) {
        Builder root = new Builder("", "");
        for (SeriesValue series : metrics.series()) {
            String groupPath = series.tags().get("group");
            Builder group = groupPath == null || groupPath.isEmpty() ? root : root.descendant(groupPath);
            String checkName = series.tags().get("check");
            if (series.metric().name().equals(BuiltinMetrics.CHECKS.name()) && checkName != null
                    && series.value() instanceof RateValue outcomes) {
                group.addOutcomes(checkName, outcomes);
            }
        }
        return root.build();
    }

    private static String md5(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides MD5", e);
        }
    }

    private static final class Builder {

        private final String name;
        private final String path;
        private final Map<String, Builder> groups = new LinkedHashMap<>();
        private final Map<String, long[]> checks = new LinkedHashMap<>();

        Builder(String name, String path) {
            this.name = name;
            this.path = path;
        }

        /** Returns the group at the path below this one, creating it and the groups between. */
        Builder descendant(String groupPath) {
            Builder group = this;
            String relative = groupPath.startsWith(SEPARATOR) ? groupPath.substring(SEPARATOR.length()) : groupPath;
            for (String part : relative.split(SEPARATOR, -1)) {
                Builder parent = group;
                group = parent.groups.computeIfAbsent(part,
                        key -> new Builder(key, parent.path + SEPARATOR + key));
            }
            return group;
        }

        void addOutcomes(String checkName, RateValue outcomes) {
            long[] counts = checks.computeIfAbsent(checkName, key -> new long[2]);
            counts[0] += outcomes.passes();
            counts[1] += outcomes.fails();
        }

        CheckGroup build() {
            List<CheckGroup> builtGroups = new ArrayList<>();
            for (Builder group : groups.values()) {
                builtGroups.add(group.build());
            }
            List<Check> builtChecks = new ArrayList<>();
            checks.forEach((checkName, counts) ->
                    builtChecks.add(new Check(checkName, path + SEPARATOR + checkName, counts[0], counts[1])));
            return new CheckGroup(name, path, builtGroups, builtChecks);
        }
    }
}
