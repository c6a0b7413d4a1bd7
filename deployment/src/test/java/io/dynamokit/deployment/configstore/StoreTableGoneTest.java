package io.dynamokit.deployment.configstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.dynamokit.configstore.ConfigStore;
import io.dynamokit.configstore.ConfigStoreName;
import io.dynamokit.configstore.ConfigStoreTableException;
import io.quarkus.test.QuarkusUnitTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The readiness check reports the stores' tables; when a store's table is deleted under it, the check goes DOWN, writes
 * and reloads fail with a typed error and write nothing, and an in-memory store keeps serving what it has.
 */
public class StoreTableGoneTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.dynamokit.config-stores.table", "StoreDoomed")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"direct\".table", "StoreDoomed")
            .overrideConfigKey("quarkus.dynamokit.config-stores.\"direct\".mode", "direct");

    @Inject
    ConfigStore cached;

    @Inject
    @ConfigStoreName("direct")
    ConfigStore direct;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void aDeletedTableIsReportedAndRefusesWrites() {
        cached.set("kept", Map.of("v", 1));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'DynamoKit tables' }.data.StoreDoomed", equalTo("RUNNING"));

        dynamo.deleteTable(b -> b.tableName("StoreDoomed"));
        dynamo.waiter().waitUntilTableNotExists(b -> b.tableName("StoreDoomed"));

        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'DynamoKit tables' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'DynamoKit tables' }.data.StoreDoomed", equalTo("MISSING"));
        assertThatThrownBy(() -> cached.set("new", Map.of("v", 2))).isInstanceOf(ConfigStoreTableException.class)
                .hasMessage("Table 'StoreDoomed' of config store '<default>' does not exist (any more); nothing was "
                        + "written")
                .satisfies(e -> assertThat(((ConfigStoreTableException) e).problem())
                        .isEqualTo(ConfigStoreTableException.Problem.NOT_READY));
        assertThatThrownBy(() -> direct.get("kept")).isInstanceOf(ConfigStoreTableException.class);
        assertThatThrownBy(() -> cached.reload()).isInstanceOf(ConfigStoreTableException.class);
        assertThat(cached.get("kept")).isEqualTo(Map.of("v", 1L));
        assertThat(cached.contains("new")).isFalse();
    }
}
