package io.dynamokit.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.dynamokit.runtime.config.ConfigurationProblemsRecorder;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.runtime.RuntimeValue;

/**
 * One start-up failure for every problem of DynamoKit's run time configuration: each capability's processor checks its
 * own settings and produces a {@link ConfigurationProblemsBuildItem}; this reports them all at once, before anything
 * that consumes {@link ConfigurationCheckedBuildItem} runs.
 */
public class ConfigurationProblemsProcessor {

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Produce(ConfigurationCheckedBuildItem.class)
    void failOnProblems(List<ConfigurationProblemsBuildItem> capabilities, ConfigurationProblemsRecorder recorder) {
        List<ConfigurationProblemsBuildItem> sorted = new ArrayList<>(capabilities);
        sorted.sort(Comparator.comparing(ConfigurationProblemsBuildItem::getPrefix));
        List<RuntimeValue<List<String>>> problems = new ArrayList<>(sorted.size());
        for (ConfigurationProblemsBuildItem capability : sorted) {
            problems.add(capability.getProblems());
        }
        recorder.failOnProblems(problems);
    }
}
