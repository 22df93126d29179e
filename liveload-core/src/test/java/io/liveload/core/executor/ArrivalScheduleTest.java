package io.liveload.core.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private static List<Long> offsets(ArrivalSchedule schedule) {
        List<Long> offsets = new ArrayList<>();
        for (long offset = schedule.nextOffsetNanos(); offset != ArrivalSchedule.END; offset = schedule.nextOffsetNanos()) {
            offsets.add(offset);
        }
        return offsets;
    }

    @Test
    void constantRateCount() {
        List<Long> offsets = offsets(new ConstantArrivalSchedule(50, Duration.ofSeconds(1), Duration.ofSeconds(10)));

        assertThat(offsets).hasSize(500);
    }

    @Test
    void constantRateSpacing() {
        List<Long> offsets = offsets(new ConstantArrivalSchedule(50, Duration.ofSeconds(1), Duration.ofSeconds(10)));

        for (int i = 0; i < offsets.size(); i++) {
            assertThat(offsets.get(i)).isEqualTo(i * 20_000_000L);
        }
    }

    @Test
    void constantRateNoDriftOverHours() {
        // 3 per second does not divide a second evenly; offsets are computed from the start, not added up.
        List<Long> offsets = offsets(new ConstantArrivalSchedule(3, Duration.ofSeconds(1), Duration.ofHours(2)));

        assertThat(offsets).hasSize(3 * 7200);
        assertThat(offsets.get(offsets.size() - 1)).isCloseTo(7199L * 1_000_000_000L + 666_666_666L, within(2L));
    }

    @Test
    void constantRatePerMinute() {
        List<Long> offsets = offsets(new ConstantArrivalSchedule(30, Duration.ofMinutes(1), Duration.ofSeconds(10)));

        assertThat(offsets).hasSize(5);
    }

    @Test
    void rampingConstantStageCount() {
        List<Long> offsets = offsets(new RampingArrivalSchedule(20, Duration.ofSeconds(1),
                List.of(Stage.of("5s", 20))));

        assertThat(offsets).hasSize(100);
    }

    @Test
    void rampingConstantStageTimes() {
        List<Long> offsets = offsets(new RampingArrivalSchedule(20, Duration.ofSeconds(1),
                List.of(Stage.of("5s", 20))));

        for (int i = 0; i < offsets.size(); i++) {
            assertThat(offsets.get(i)).isCloseTo((i + 1) * 50_000_000L, within(1_000L));
        }
    }

    @Test
    void rampUpFollowsArea() {
        // From 0 to 100/s over 10 s: the area after t seconds is 5 t^2, so iteration n starts at sqrt(n / 5) s.
        List<Long> offsets = offsets(new RampingArrivalSchedule(0, Duration.ofSeconds(1),
                List.of(Stage.of("10s", 100))));

        assertThat(offsets).hasSize(500);
        for (int n = 1; n <= offsets.size(); n++) {
            assertThat(offsets.get(n - 1) / 1e9).isCloseTo(Math.sqrt(n / 5.0), within(1e-6));
        }
    }

    @Test
    void rampDownFollowsArea() {
        // From 100/s to 0 over 10 s: the area after t seconds is 100 t - 5 t^2.
        List<Long> offsets = offsets(new RampingArrivalSchedule(100, Duration.ofSeconds(1),
                List.of(Stage.of("10s", 0))));

        assertThat(offsets).hasSize(500);
        for (int n = 1; n <= offsets.size(); n++) {
            double expected = (100 - Math.sqrt(100 * 100 - 20.0 * n)) / 10;
            assertThat(offsets.get(n - 1) / 1e9).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void rampingStagesAddUp() {
        // 0 -> 10/s over 4 s (20), hold 10/s for 3 s (30), jump to 40/s for 1 s (40): 90 iterations.
        List<Long> offsets = offsets(new RampingArrivalSchedule(0, Duration.ofSeconds(1),
                List.of(Stage.of("4s", 10), Stage.of("3s", 10), Stage.of("0s", 40), Stage.of("1s", 40))));

        assertThat(offsets).hasSize(90);
        assertThat(offsets).isSorted();
        assertThat(offsets.get(20) / 1e9).isCloseTo(4.1, within(1e-6));
    }

    @Test
    void rampingPauseStartsNothing() {
        List<Long> offsets = offsets(new RampingArrivalSchedule(0, Duration.ofSeconds(1),
                List.of(Stage.of("5s", 0), Stage.of("0s", 10), Stage.of("1s", 10))));

        assertThat(offsets).hasSize(10);
        assertThat(offsets.get(0) / 1e9).isCloseTo(5.1, within(1e-6));
    }
}
