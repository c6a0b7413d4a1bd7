package io.dynamokit.runtime.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.dynamokit.table.SchemaManagement;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Tables declared in the configuration, and what DynamoKit does with them at start-up.
 */
@ConfigGroup
public interface TablesConfig {

    /**
     * Declared tables, by name.
     * <p>
     * For example `quarkus.dynamokit.tables."Thread".hash-key=ForumName:S`. In DynamoDB a table is named with
     * `quarkus.dynamokit.table-name-prefix` and `quarkus.dynamokit.table-name-suffix` around this name. At start-up,
     * `quarkus.dynamokit.schema-management` says what is done with them.
     */
    @ConfigDocMapKey("table-name")
    @ConfigDocSection
    Map<String, TableConfig> tables();

    /**
     * What DynamoKit does with the declared tables at start-up: `none`, `validate` (fail on any difference), `create`
     * (create missing tables), `update` (create, and change existing tables in place) or `drop-and-create` (delete
     * and recreate, with their data). DynamoKit sets `create` in dev and test mode; in production nothing is checked or
     * changed unless this is set. Start-up waits until the tables it creates or changes are ACTIVE with all indexes,
     * before the application's own start-up observers run.
     */
    @WithDefault("none")
    SchemaManagement schemaManagement();

    /**
     * Whether `quarkus.dynamokit.schema-management=drop-and-create` may run in production (the `prod` profile, or an
     * application started with `java -jar` or as a native executable). It deletes every declared table with its data,
     * so it is refused there unless this is `true`.
     */
    @WithDefault("false")
    boolean allowDropAndCreateInProd();

    /**
     * Put in front of the name of every table DynamoKit declares, such as `staging-` for per-environment tables in one
     * account (`staging-Thread`).
     */
    Optional<String> tableNamePrefix();

    /**
     * Put after the name of every table DynamoKit declares, such as `-staging` (`Thread-staging`).
     */
    Optional<String> tableNameSuffix();

    /**
     * Defaults of the declared tables' settings: `quarkus.dynamokit.table-defaults.*`.
     */
    TableDefaultsConfig tableDefaults();

    /**
     * How long schema management waits for a table, and all its global secondary indexes, to become ACTIVE after it is
     * created or changed, and for a deleted table to be gone. Adding a global secondary index to a large table can
     * take long: DynamoDB fills it from the table first.
     */
    @WithDefault("5M")
    Duration schemaManagementTimeout();
}
