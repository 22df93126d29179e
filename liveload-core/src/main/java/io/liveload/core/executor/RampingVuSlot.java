package io.liveload.core.executor;

/**
 * One VU of a ramping-vus scenario and its wanted state. The controller activates and deactivates it; the VU's
 * loop runs iterations while it is wanted and parks otherwise. A deactivated VU finishes its current iteration
 * (it counts as active until then) and is interrupted when that takes longer than its ramp-down deadline. A parked
 * VU is reused when the target rises again, so {@code vus_max} stays at the most VUs wanted at once.
 *
 * <p>Threading: the wanted state and the running flag are guarded by this object's monitor. The controller thread
 * calls {@link #activate()}, {@link #deactivate(long)}, {@link #interruptIfOverdue(long)} and {@link #close()};
 * {@link #run(VuHandle)} runs on the VU's own thread.
 */
final class RampingVuSlot implements VuLoop {

    /** Returned by {@link #rampDownDeadline()} when no ramp-down is pending. */
    static final long NONE = Long.MAX_VALUE;

    private final ExecutionContext context;
    private VuHandle handle;
    private boolean wanted = true;
    private boolean running;
    private boolean leaving;
    private long leaveDeadlineNanos;
    private boolean closed;

    RampingVuSlot(ExecutionContext context) {
        this.context = context;
    }

    /** Binds the handle that {@link ExecutionContext#startVu(VuLoop)} returned for this slot. */
    synchronized void attach(VuHandle vuHandle) {
        this.handle = vuHandle;
    }

    synchronized VuHandle handle() {
        return handle;
    }

    /** Makes the VU run iterations again; it counts as active from now on. */
    synchronized void activate() {
        wanted = true;
        leaving = false;
        handle.setActive(true);
        notifyAll();
    }

    /**
     * Lets the VU finish its current iteration and park.
     *
     * @param deadlineNanos when a still running iteration is interrupted ({@link System#nanoTime()})
     */
    synchronized void deactivate(long deadlineNanos) {
        wanted = false;
        leaving = true;
        leaveDeadlineNanos = deadlineNanos;
    }

    /** Returns the ramp-down deadline of an iteration still running after a deactivation, or {@link #NONE}. */
    synchronized long rampDownDeadline() {
        return leaving && running ? leaveDeadlineNanos : NONE;
    }

    /** Interrupts the running iteration of a deactivated VU once its ramp-down deadline has passed. */
    synchronized void interruptIfOverdue(long nowNanos) {
        if (leaving && running && nowNanos - leaveDeadlineNanos >= 0) {
            leaving = false;
            handle.interruptIteration();
        }
    }

    /** Ends the VU's loop after its current iteration; a pending ramp-down deadline still applies. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    @Override
    public void run(VuHandle vu) throws InterruptedException {
        while (awaitTurn(vu)) {
            vu.runIteration();
            iterationEnded();
        }
    }

    private synchronized boolean awaitTurn(VuHandle vu) throws InterruptedException {
        while (!wanted && !closed) {
            leaving = false;
            vu.setActive(false);
            try {
                wait();
            } catch (InterruptedException e) {
                if (context.hardStopRequested()) {
                    throw e;
                }
                // An interrupt that reached a VU just after its iteration ended; the loop checks again.
            }
        }
        if (closed) {
            return false;
        }
        running = true;
        return true;
    }

    private synchronized void iterationEnded() {
        running = false;
    }
}
