package io.liveload.core.dsl;

import io.liveload.core.plan.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Stages collected by the DSL, copied on each addition so that every step stays immutable. */
final class StageList {

    private StageList() {
    }

    static List<Stage> plus(List<Stage> stages, Duration duration, long target) {
        Objects.requireNonNull(duration, "stage duration");
        return plus(stages, new Stage(duration, target));
    }

    static List<Stage> plus(List<Stage> stages, Stage stage) {
        List<Stage> copy = new ArrayList<>(stages);
        copy.add(stage);
        return List.copyOf(copy);
    }

    static List<Stage> plusParsed(List<Stage> stages, String first, String... more) {
        List<Stage> copy = new ArrayList<>(stages);
        copy.add(Stage.parse(first));
        for (String text : more) {
            copy.add(Stage.parse(text));
        }
        return List.copyOf(copy);
    }
}
