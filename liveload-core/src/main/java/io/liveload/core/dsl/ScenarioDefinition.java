package io.liveload.core.dsl;

import io.liveload.core.VuScript;
import io.liveload.core.plan.ExecutorSpec;
import io.liveload.core.plan.Scenario;

/**
 * A complete scenario without its name, returned by {@link ScenarioOptions#exec(VuScript)}; the plan names it.
 * Immutable.
 */
public final class ScenarioDefinition {

    private final ExecutorSpec executor;
    private final CommonOptions common;
    private final VuScript script;

    ScenarioDefinition(ExecutorSpec executor, CommonOptions common, VuScript script) {
        this.executor = executor;
        this.common = common;
        this.script = script;
    }

    /** Returns the executor options, e.g. for a test that checks what a helper method builds. */
    public ExecutorSpec executor() {
        return executor;
    }

    /** Returns the plan's scenario of that name. */
    Scenario toScenario(String name) {
        return new Scenario(name, executor, common.startTime(), common.gracefulStop(), script, common.tags(),
                common.env());
    }
}
