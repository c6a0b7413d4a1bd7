package io.dynamokit.deployment;

import io.dynamokit.runtime.client.DynamoKitClientRecorder;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;

public class DynamoKitProcessor {

    static final String FEATURE = "dynamokit";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** Bad client settings fail start-up, whether or not a client is injected. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void validateClientSettings(DynamoKitClientRecorder recorder) {
        recorder.validate();
    }
}
