package io.dynamokit.deployment;

import java.util.List;

import io.quarkus.builder.item.MultiBuildItem;
import io.quarkus.runtime.RuntimeValue;

/**
 * The problems one capability found in its own run time settings at start-up (empty when they are valid), reported
 * with every other capability's by {@link ConfigurationProblemsProcessor}.
 */
public final class ConfigurationProblemsBuildItem extends MultiBuildItem {

    private final String prefix;
    private final RuntimeValue<List<String>> problems;

    /**
     * @param prefix the properties checked, such as {@code quarkus.dynamokit.client.}: problems are reported in the
     *        order of these prefixes
     * @param problems recorded at run time
     */
    public ConfigurationProblemsBuildItem(String prefix, RuntimeValue<List<String>> problems) {
        this.prefix = prefix;
        this.problems = problems;
    }

    public String getPrefix() {
        return prefix;
    }

    public RuntimeValue<List<String>> getProblems() {
        return problems;
    }
}
