package io.novasim.junit5;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps sample test classes (some meant to fail) from running on their own: they run only under EngineTestKit with
 * the configuration parameter {@value #PARAMETER}.
 */
final class OnlyInTestKit implements ExecutionCondition {
    static final String PARAMETER = "novasim.samples";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                : ConditionEvaluationResult.disabled("a sample, run only by EngineTestKit");
    }
}
