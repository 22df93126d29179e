package io.liveload.samples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a sample only when a JUnit configuration parameter is {@code true} ({@code -Dname=true} or
 * {@code junit-platform.properties}), for samples that fail on purpose.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledByConfigurationParameter.Condition.class)
@interface EnabledByConfigurationParameter {

    /** The configuration parameter that must be {@code true}. */
    String value();

    /** Evaluates the annotation. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return AnnotationSupport.findAnnotation(context.getElement(), EnabledByConfigurationParameter.class)
                    .map(annotation -> context.getConfigurationParameter(annotation.value())
                            .filter("true"::equalsIgnoreCase)
                            .map(value -> ConditionEvaluationResult.enabled(annotation.value() + " is true"))
                            .orElseGet(() -> ConditionEvaluationResult.disabled(
                                    "off by default; run with -D" + annotation.value() + "=true")))
                    .orElseGet(() -> ConditionEvaluationResult.enabled("no condition"));
        }
    }
}
