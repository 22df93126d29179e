package io.liveload.core.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.liveload.core.plan.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

class VuStepsTest {

    private static final long SECOND = 1_000_000_000L;

    private final VuSteps steps = new VuSteps(0, List.of(Stage.of("10s", 10), Stage.of("5s", 10),
            Stage.of("0s", 20), Stage.of("4s", 0)));

    @Test
    void startsAtStartVus() {
        assertThat(steps.vusAt(0)).isZero();
    }

    @Test
    void rampUpMovesAfterEachFullStep() {
        assertThat(steps.vusAt(SECOND - 1)).isZero();
        assertThat(steps.vusAt(SECOND)).isEqualTo(1);
        assertThat(steps.vusAt(9 * SECOND + SECOND / 2)).isEqualTo(9);
    }

    @Test
    void reachesTargetAtStageEnd() {
        assertThat(steps.vusAt(10 * SECOND)).isEqualTo(10);
    }

    @Test
    void zeroLengthStageJumps() {
        assertThat(steps.vusAt(15 * SECOND)).isEqualTo(20);
    }

    @Test
    void rampDownMovesAfterEachFullStep() {
        assertThat(steps.vusAt(15 * SECOND + SECOND / 5 - 1)).isEqualTo(20);
        assertThat(steps.vusAt(15 * SECOND + SECOND / 5)).isEqualTo(19);
    }

    @Test
    void holdsLastTargetAfterEnd() {
        assertThat(steps.vusAt(19 * SECOND)).isZero();
        assertThat(steps.vusAt(60 * SECOND)).isZero();
    }

    @Test
    void nextChangeIsNextStep() {
        assertThat(steps.nextChangeAfter(0)).isEqualTo(SECOND);
        assertThat(steps.nextChangeAfter(SECOND)).isEqualTo(2 * SECOND);
        assertThat(steps.nextChangeAfter(SECOND + 1)).isEqualTo(2 * SECOND);
    }

    @Test
    void nextChangeOfHoldIsStageEnd() {
        assertThat(steps.nextChangeAfter(11 * SECOND)).isEqualTo(15 * SECOND);
    }

    @Test
    void nextChangeOfRampDown() {
        assertThat(steps.nextChangeAfter(15 * SECOND)).isEqualTo(15 * SECOND + SECOND / 5);
    }

    @Test
    void totalIsSumOfStages() {
        assertThat(steps.totalNanos()).isEqualTo(19 * SECOND);
    }
}
