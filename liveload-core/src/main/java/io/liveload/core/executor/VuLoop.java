package io.liveload.core.executor;

/** The body of a VU's thread, written by an executor: typically a loop of {@link VuHandle#runIteration()}. */
@FunctionalInterface
public interface VuLoop {

    /** Runs on the VU's own thread until the executor's work for this VU is done. */
    void run(VuHandle vu) throws InterruptedException;
}
