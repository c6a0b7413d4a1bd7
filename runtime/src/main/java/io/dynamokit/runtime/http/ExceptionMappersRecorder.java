package io.dynamokit.runtime.http;

import java.util.ArrayList;
import java.util.List;

import io.dynamokit.runtime.config.DynamoKitConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Checks the exception mappers' run time settings at start-up.
 */
@Recorder
public class ExceptionMappersRecorder {

    /** The prefix of the exception mappers' properties. */
    public static final String PREFIX = "quarkus.dynamokit.exception-mappers.";

    private final RuntimeValue<DynamoKitConfig> config;

    public ExceptionMappersRecorder(RuntimeValue<DynamoKitConfig> config) {
        this.config = config;
    }

    /** The problems of these settings, reported at start-up with those of the rest of the configuration. */
    public RuntimeValue<List<String>> problems() {
        List<String> problems = new ArrayList<>();
        int noCredentialsStatus = config.getValue().exceptionMappers().noCredentialsStatus();
        if (noCredentialsStatus != 500 && noCredentialsStatus != 429) {
            problems.add(PREFIX + "no-credentials-status is " + noCredentialsStatus + ": use 500 or 429");
        }
        return new RuntimeValue<>(problems);
    }
}
