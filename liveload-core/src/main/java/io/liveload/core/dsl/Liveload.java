package io.liveload.core.dsl;

/**
 * The entry point of liveload's Java DSL, for load tests written as plain code (a JUnit {@code @Test}, a
 * {@code main} method). It builds the same {@link io.liveload.core.plan.LoadPlan} as the {@code @LoadTest}
 * annotation and runs it on the same engine.
 *
 * <pre>{@code
 * RunResult result = Liveload.plan("checkout")
 *     .baseUrl(app.baseUrl())
 *     .scenario("browse", s -> s.rampingVus().stage("30s", 100).stage("1m", 100).stage("10s", 0)
 *                               .exec(vu -> vu.http().get("/")))
 *     .scenario("buy", s -> s.constantArrivalRate(50).perSecond().during("90s")
 *                            .preAllocatedVus(20).maxVus(100)
 *                            .startTime("30s")
 *                            .exec(this::buy))
 *     .threshold("http_req_duration{scenario:buy}", "p(95) < 500ms")
 *     .threshold("http_req_failed", "rate < 0.05", abortOnFail().delayAbortEval("10s"))
 *     .run();
 * }</pre>
 */
public final class Liveload {

    private Liveload() {
    }

    /**
     * Starts a plan.
     *
     * @param testName names the run in logs, the summary and reports
     * @throws IllegalArgumentException when the name is blank
     */
    public static PlanBuilder plan(String testName) {
        return PlanBuilder.named(testName);
    }

    /** Returns the abortOnFail setting of a threshold, with no delay before the first check. */
    public static AbortOnFail abortOnFail() {
        return new AbortOnFail(java.time.Duration.ZERO);
    }
}
