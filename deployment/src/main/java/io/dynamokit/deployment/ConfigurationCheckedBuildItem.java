package io.dynamokit.deployment;

import io.quarkus.builder.item.EmptyBuildItem;

/** DynamoKit's run time configuration has been checked at start-up: steps that rely on valid settings run after it. */
public final class ConfigurationCheckedBuildItem extends EmptyBuildItem {
}
