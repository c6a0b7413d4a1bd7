package io.dynamokit.engine.storage;

/**
 * A secondary index: its name, whether it is global, its key, projection, throughput (global indexes of provisioned
 * tables; {@link Throughput#ON_DEMAND} otherwise) and, while it is created or deleted, its transition.
 */
public record IndexDefinition(String name, boolean global, KeySchema keySchema, Projection projection,
        Throughput throughput, Transition transition) {

    public IndexDefinition withTransition(Transition transition) {
        return new IndexDefinition(name, global, keySchema, projection, throughput, transition);
    }

    public IndexDefinition withThroughput(Throughput throughput) {
        return new IndexDefinition(name, global, keySchema, projection, throughput, transition);
    }

    /** CREATING, UPDATING or DELETING while its transition lasts, then ACTIVE. */
    public String status(java.time.Instant now) {
        return transition == null || !transition.inProgress(now) ? "ACTIVE" : transition.status();
    }
}
