package io.dynamokit.runtime.config;

import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * DynamoKit run time configuration.
 */
@ConfigMapping(prefix = "quarkus.dynamokit")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface DynamoKitConfig {

    /**
     * Settings of the DynamoDB clients that the Quarkus Amazon DynamoDB extension has no key for. They apply to every
     * `DynamoDbClient` and `DynamoDbAsyncClient` bean of the application, the default one and the named ones.
     * Region, endpoint, credentials, timeouts and pool sizes stay under `quarkus.dynamodb.*`.
     */
    ClientConfig client();

    /**
     * The document clients ({@code DocumentClient}, {@code ReactiveDocumentClient}).
     */
    DocumentConfig document();

    /**
     * The exception mappers that turn DynamoDB failures into HTTP problem responses.
     */
    ExceptionMappersConfig exceptionMappers();

    /**
     * {@code @DynamoInstrumented}: measurements of DynamoDB requests.
     */
    InstrumentationConfig instrumentation();

    /**
     * Declarative tables: the tables declared under `quarkus.dynamokit.tables`, their names in DynamoDB, and what
     * DynamoKit does with them at start-up (`quarkus.dynamokit.schema-management`).
     */
    @WithParentName
    TablesConfig declarativeTables();

    /**
     * Config stores: application configuration kept in DynamoDB tables. The unnamed store is configured with
     * `quarkus.dynamokit.config-stores.*` and injected as `@Inject ConfigStore`; a named one with
     * `quarkus.dynamokit.config-stores."flags".*` and `@Inject @ConfigStoreName("flags") ConfigStore`.
     */
    @ConfigDocMapKey("store-name")
    @ConfigDocSection
    @WithUnnamedKey(DEFAULT_STORE)
    Map<String, ConfigStoreConfig> configStores();

    /** The key of the unnamed config store in {@link #configStores()}. */
    String DEFAULT_STORE = "<default>";
}
