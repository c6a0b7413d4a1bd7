package io.dynamokit.deployment.table;

import io.quarkus.builder.item.EmptyBuildItem;

/** Schema management has run at start-up: steps that use declared tables run after it. */
public final class TablesManagedBuildItem extends EmptyBuildItem {
}
