package io.dynamokit.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * The DynamoKit feature. Each capability has its own processor in its own package.
 */
public class DynamoKitProcessor {

    static final String FEATURE = "dynamokit";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
