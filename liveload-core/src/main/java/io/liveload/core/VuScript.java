package io.liveload.core;

/** One iteration of a scenario, run by a VU again and again. */
@FunctionalInterface
public interface VuScript {

    /**
     * Runs one iteration. An exception ends this iteration only: liveload counts it, logs each distinct
     * message once with a count, lists it in the summary and goes on with the next iteration.
     */
    void run(Vu vu) throws Exception;
}
