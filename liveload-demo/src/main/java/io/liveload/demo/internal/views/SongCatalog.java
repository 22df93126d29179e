package io.liveload.demo.internal.views;

import io.liveload.demo.internal.render.Html;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The songs of each user, generated from the name: song n is "NAME track n" by one of six
 * artists, lasting {@code (2 + n % 3)} minutes and {@code (13 n) % 60} seconds.
 *
 * <p>Rendered table rows are cached per user and row count, so thousands of joined profile views
 * of the same user share one list. The cache is cleared when it contains
 * {@value #MAX_CACHED_LISTS} lists. Thread-safe.
 */
final class SongCatalog {
    static final int MAX_CACHED_LISTS = 256;
    private static final List<String> ARTISTS = List.of("Pomme", "Tycho", "Bonobo", "Khruangbin", "Nujabes", "Chico");

    private final Map<String, List<String[]>> rowsByUserAndCount = new ConcurrentHashMap<>();

    /** Returns the table rows of the user's first {@code count} songs: id, index, title, artist and duration, escaped. */
    List<String[]> rows(String user, int count) {
        String key = count + "/" + user;
        List<String[]> rows = rowsByUserAndCount.get(key);
        if (rows == null) {
            if (rowsByUserAndCount.size() >= MAX_CACHED_LISTS) {
                rowsByUserAndCount.clear();
            }
            rows = rowsByUserAndCount.computeIfAbsent(key, k -> buildRows(user, count));
        }
        return rows;
    }

    /** Returns the title of the user's song n. */
    static String title(String user, int n) {
        return user + " track " + n;
    }

    private static List<String[]> buildRows(String user, int count) {
        List<String[]> rows = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String number = Integer.toString(n);
            rows.add(new String[] {number, number, Html.escape(title(user, n)), ARTISTS.get((n - 1) % ARTISTS.size()), duration(n)});
        }
        return Collections.unmodifiableList(rows);
    }

    private static String duration(int n) {
        int minutes = 2 + n % 3;
        int seconds = (n * 13) % 60;
        return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    }
}
