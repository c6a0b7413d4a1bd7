package io.dynamokit.runtime.config;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Reports the problems of DynamoKit's run time configuration at start-up. Each capability checks its own settings once
 * and hands its problems here, so that a user sees every problem of every capability in one message.
 */
@Recorder
public class ConfigurationProblemsRecorder {

    /**
     * @param problems each capability's problems, in the order they are reported
     * @throws ConfigurationException listing every problem, when there is any
     */
    public void failOnProblems(List<RuntimeValue<List<String>>> problems) {
        List<String> all = new ArrayList<>();
        for (RuntimeValue<List<String>> capability : problems) {
            all.addAll(capability.getValue());
        }
        if (!all.isEmpty()) {
            throw new ConfigurationException("Invalid DynamoKit configuration:\n - " + String.join("\n - ", all));
        }
    }
}
